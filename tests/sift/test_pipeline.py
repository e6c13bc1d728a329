"""Ingest end to end on SQLite and PostgreSQL: every format and encoding, faithfully, once."""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from wiqaya.errors import InputError
from wiqaya.language.arabic import normalise
from wiqaya.runtime import Runtime, open_runtime
from wiqaya.sift import dedupe, pipeline
from wiqaya.sift.items import Reason
from wiqaya.sift.pipeline import IngestOptions, ingest_paths
from wiqaya.store import assess as assess_store
from wiqaya.store import sift as store
from wiqaya.store.models.sift import Document, Quarantine, Sighting, Source

from .corpus import SENTENCES, csv_text, write
from .helpers import counts

S = SENTENCES
# Diacritics, tatweel, bidi marks and Latin inside Arabic: stored exactly as written.
MARKED = "قالَ المبعوثُ الأمميّ إنّ المحادثـــات ستُستأنف في \u200fجنيف\u200f (UN envoy, 2024)."


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good_corpus(root: Path) -> dict[str, str]:
    """Write one file per format/encoding; return {text: encoding expected}."""
    expected: dict[str, str] = {}
    write(root / "plain_utf8.txt", S[0])
    expected[S[0]] = "utf-8"
    write(root / "bom.md", codecs.BOM_UTF8 + f"# عنوان\n\n{MARKED}".encode())
    expected[f"# عنوان\n\n{MARKED}"] = "utf-8-sig"
    write(root / "legacy_1256.txt", S[1].encode("cp1256"))
    expected[S[1]] = "windows-1256"
    iso = next(s for s in S[2:] if _iso_ok(s))
    write(root / "legacy_iso.txt", iso.encode("iso8859_6"))
    expected[iso] = "iso-8859-6"
    write(root / "utf16.txt", codecs.BOM_UTF16_LE + S[3].encode("utf-16-le"))
    expected[S[3]] = "utf-16-le"
    write(root / "utf16_nobom.txt", S[4].encode("utf-16-be"))
    expected[S[4]] = "utf-16-be"
    csv_body = csv_text(
        ["id", "title", "date", "text"],
        [[f"c{i}", "", f"2024-0{1 + i % 9}-15", s] for i, s in enumerate(S[10:20])],
    )
    write(root / "sheets" / "docs.csv", codecs.BOM_UTF8 + csv_body.encode())
    expected.update(dict.fromkeys(S[10:20], "utf-8-sig"))
    jsonl = "\n".join(
        json.dumps({"id": i, "text": s}, ensure_ascii=False) for i, s in enumerate(S[20:25])
    )
    write(root / "sheets" / "docs.jsonl", codecs.BOM_UTF16_LE + jsonl.encode("utf-16-le"))
    expected.update(dict.fromkeys(S[20:25], "utf-16-le"))
    page = (
        '<html lang="ar"><head><meta charset="windows-1256"><title>تقرير</title></head><body>'
        f"<article><p>{S[30]}</p></article></body></html>"
    )
    write(root / "web" / "page.html", page.encode("cp1256"))
    expected[S[30]] = "windows-1256"
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        + "".join(
            f"<item><guid>r{i}</guid><description>{s}</description></item>"
            for i, s in enumerate(S[31:34])
        )
        + "</channel></rss>"
    )
    write(root / "web" / "feed.rss", rss)
    expected.update(dict.fromkeys(S[31:34], "utf-8"))
    write(
        root / "archive.zip",
        _zip({"in/a.txt": S[40].encode("cp1256"), "in/b.csv": f"text\n{S[41]}\n".encode()}),
    )
    expected[S[40]] = "windows-1256"
    expected[S[41]] = "utf-8"
    return expected


def _iso_ok(s: str) -> bool:
    try:
        s.encode("iso8859_6")
    except UnicodeEncodeError:
        return False
    return True


def _documents(runtime: Runtime) -> list[Document]:
    with runtime.sessions() as session:
        return list(session.scalars(select(Document).order_by(Document.id)))


def test_every_format_and_encoding_is_stored_faithfully(runtime: Runtime, tmp_path: Path) -> None:
    expected = good_corpus(tmp_path / "in")
    summary = ingest_paths(runtime, [tmp_path / "in"], source="field-reports")
    assert summary.quarantined_total == 0, summary.problems
    assert summary.new_documents == len(expected)
    stored = {d.text: d for d in _documents(runtime)}
    # HTML is the one format whose text is extracted (whitespace collapsed), not kept.
    html_doc = stored.pop(next(t for t in stored if " ".join(S[30].split()) in t))
    assert html_doc.encoding == "windows-1256" and html_doc.title == "تقرير"
    expected.pop(S[30])
    for text, encoding in expected.items():
        doc = stored[text]  # byte-for-byte the text as written, diacritics and all
        assert doc.encoding == encoding, text
        assert doc.text_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert stored[S[0]].lang == "ar"
    assert stored[S[10]].published_at is not None and stored[S[10]].external_id == "c0"
    with runtime.sessions() as session:
        origins = set(session.scalars(select(Sighting.origin)))
        source = session.scalar(select(Source).where(Source.name == "field-reports"))
    assert any(o.endswith("archive.zip!/in/a.txt") for o in origins)
    assert source is not None

    before = counts(runtime)
    again = ingest_paths(runtime, [tmp_path / "in"], source="field-reports")
    assert counts(runtime) == before
    assert again.files_skipped == again.files and again.new_documents == 0


def test_duplicates_become_sightings_and_survive_restarts(runtime: Runtime, tmp_path: Path) -> None:
    base = S[50] + " " + S[51]
    variant = base.replace(base.split()[3], "وأضاف", 1)
    respelled = base.replace("ة", "ه")
    write(tmp_path / "a" / "one.txt", base)
    ingest_paths(runtime, [tmp_path / "a"], source="agency-a")

    # A second process: the near-duplicate index must come from the database.
    fresh = open_runtime(runtime.settings, migrate=False)
    try:
        write(tmp_path / "b" / "copy.txt", base)
        write(tmp_path / "b" / "respelled.txt", respelled)
        write(tmp_path / "b" / "variant.txt", variant)
        write(tmp_path / "b" / "other.txt", S[60])
        summary = ingest_paths(fresh, [tmp_path / "b"], source="agency-b")
    finally:
        fresh.close()
    assert (summary.new_documents, summary.exact_duplicates, summary.near_duplicates) == (1, 2, 1)
    with runtime.sessions() as session:
        rows = session.execute(
            select(Sighting.origin, Sighting.kind, Sighting.similarity, Sighting.document_id)
        ).all()
    by_file = {Path(o).name: (k, sim, d) for o, k, sim, d in rows}
    first_id = by_file["one.txt"][2]
    assert by_file["one.txt"][0] == "first"
    assert by_file["copy.txt"][:1] == ("exact",) and by_file["copy.txt"][2] == first_id
    assert by_file["respelled.txt"][0] == "exact" and by_file["respelled.txt"][2] == first_id
    kind, similarity, target = by_file["variant.txt"]
    assert kind == "near" and target == first_id and 0.8 <= similarity < 1.0
    assert by_file["other.txt"][0] == "first" and by_file["other.txt"][2] != first_id
    assert counts(runtime)["documents"] == 2


def test_near_duplicates_inside_one_file(runtime: Runtime, tmp_path: Path) -> None:
    base = S[70] + " " + S[71]
    rows = [base, base.replace(base.split()[2], "كذلك", 1), S[72], base]
    write(tmp_path / "batch.csv", csv_text(["text"], [[r] for r in rows]))
    summary = ingest_paths(runtime, [tmp_path / "batch.csv"], source="s")
    assert (summary.new_documents, summary.near_duplicates, summary.exact_duplicates) == (2, 1, 1)
    with runtime.sessions() as session:
        kinds = dict(session.execute(select(Sighting.locator, Sighting.kind)).all())
    assert kinds == {"line:2": "first", "line:3": "near", "line:4": "first", "line:5": "exact"}


def _vary(text: str, position: int, word: str) -> str:
    words = text.split()
    words[position] = word
    return " ".join(words)


@pytest.mark.parametrize("cache", ["none", "one", "all"])
def test_candidate_cache_between_batches_changes_no_result(
    runtime: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    """Stored candidates' shingles are kept between batches: the same sightings and
    similarities however small the cache, and each candidate read once if it fits."""
    a, b = S[80] + " " + S[81], S[82] + " " + S[83]
    rows = [a, b, S[84]]
    rows += [_vary(a, 2, "كذلك"), _vary(b, 1, "اليوم"), S[85]]
    rows += [_vary(a, 4, "أمس"), _vary(b, 3, "وأضاف")]
    write(tmp_path / "docs.csv", csv_text(["text"], [[r] for r in rows]))
    one = max(dedupe.shingle_array(normalise(t)).nbytes for t in (a, b))
    limit = {"none": 0, "one": one, "all": pipeline.CANDIDATE_CACHE_BYTES}[cache]
    monkeypatch.setattr(pipeline, "CANDIDATE_CACHE_BYTES", limit)
    fetched: list[int] = []
    read_texts = store.document_texts

    def recording(session, ids):  # type: ignore[no-untyped-def]
        ids = list(ids)
        fetched.extend(ids)
        return read_texts(session, ids)

    monkeypatch.setattr(store, "document_texts", recording)
    options = IngestOptions(batch_size=3)
    summary = ingest_paths(runtime, [tmp_path], source="s", options=options)

    assert (summary.new_documents, summary.near_duplicates) == (4, 4)
    with runtime.sessions() as session:
        ids = dict(session.execute(select(Document.text, Document.id)).all())
        got = session.execute(
            select(Sighting.locator, Sighting.kind, Sighting.document_id, Sighting.similarity)
        ).all()

    def similarity(x: str, y: str) -> float:
        shingles = (dedupe.shingle_set(normalise(t)) for t in (x, y))
        return round(dedupe.jaccard(*shingles), 4)

    near = {4: a, 5: b, 7: a, 8: b}
    want = {
        (f"line:{n}", "near", ids[near[n - 1]], similarity(rows[n - 2], near[n - 1]))
        if n - 1 in near
        else (f"line:{n}", "first", ids[rows[n - 2]], None)
        for n in range(2, len(rows) + 2)
    }
    assert set(got) == want
    assert sorted(set(fetched)) == sorted([ids[a], ids[b]])
    if cache == "all":
        assert len(fetched) == 2
    else:
        assert len(fetched) > 2


def bad_corpus(root: Path) -> None:
    write(root / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    write(root / "lying_bom.txt", codecs.BOM_UTF8 + b"\xc7\xe1\xd3\xe1\xc7\xe3 \xff\xfe")
    write(root / "empty.txt", b"")
    write(root / "huge.txt", (S[0] + "\n") * 3000)
    write(
        root / "rows.csv",
        csv_text(["text", "date"], [[S[80], "2024-01-02"], ["x", "y", "z"], [S[81], "31/31/2024"]]),
    )
    write(root / "cols.csv", "name,value\na,1\n")
    write(root / "page.html", "<html><head><script>x()</script></head><body></body></html>")
    write(root / "feed.xml", "<?xml version='1.0'?><nothing/>")
    write(root / "broken.zip", b"PK\x03\x04 truncated")
    write(root / "bomb.zip", _zip({"zeros.txt": b"0" * 3_000_000}))
    write(
        root / "evil.zip",
        _zip({"../../etc/cron.d/x.txt": S[82].encode(), "ok.txt": S[83].encode()}),
    )
    write(root / "deaths.csv", "conflict_id,dyad_id,year,bd_best,gwno_loc\n1,2,2014,lots,645\n")
    unreadable = root / "unreadable.txt"
    unreadable.symlink_to("/proc/self/mem")


def test_every_quarantine_reason_is_stored_and_good_rows_load(
    runtime: Runtime, tmp_path: Path
) -> None:
    bad_corpus(tmp_path / "in")
    options = IngestOptions(max_file_bytes=100_000)
    summary = ingest_paths(runtime, [tmp_path / "in"], source="messy", options=options)
    with runtime.sessions() as session:
        stored = session.execute(
            select(Quarantine.reason, Quarantine.origin, Quarantine.locator)
        ).all()
        texts = set(session.scalars(select(Document.text)))
    reasons = {r for r, _, _ in stored}
    assert reasons == {r.value for r in Reason}
    assert texts == {S[80], S[83]}  # the good CSV row and the good zip member
    where = {(Path(o.split("!/")[0]).name, loc): r for r, o, loc in stored}
    assert where[("rows.csv", "line:3")] == "malformed-row"
    assert where[("rows.csv", "line:4")] == "invalid-date"
    assert where[("huge.txt", "")] == "too-large"
    assert summary.quarantined_total == len(stored)
    with runtime.sessions() as session:
        huge = session.scalar(select(Quarantine).where(Quarantine.reason == "too-large"))
        binary = session.scalar(select(Quarantine).where(Quarantine.reason == "binary"))
    assert huge is not None and huge.size_bytes and huge.size_bytes > 100_000
    assert binary is not None and binary.sample and binary.sample.startswith(b"\x89PNG")

    before = counts(runtime)
    again = ingest_paths(runtime, [tmp_path / "in"], source="messy", options=options)
    assert counts(runtime) == before
    assert again.quarantined_total == summary.quarantined_total  # still reported
    assert again.new_documents == 0 and again.already_seen == 2


def test_datasets_become_typed_rows_once(
    runtime: Runtime, tmp_path: Path, shared_data: Path
) -> None:
    ucdp = shared_data / "ucdp" / "BattleDeaths_v25_1.csv"
    acled = write(
        tmp_path / "events.csv",
        "event_date,event_type,actor1,actor2,country,iso3,admin1,location,latitude,longitude,"
        "fatalities,notes\n"
        f'2024-05-18,Battles,SAF,RSF,Sudan,SDN,North Darfur,El Fasher,13.63,25.35,12,"{S[90]}"\n'
        "2024-05-19,Protests,Protesters,,Iraq,IRQ,Basra,Basra,30.5,47.8,0,\n",
    )
    summary = ingest_paths(runtime, [ucdp, acled], source="datasets")
    c = counts(runtime)
    assert c["battle_deaths"] == summary.dataset_rows_new - 2 and c["dataset_events"] == 2
    assert c["battle_deaths"] > 1900 and c["documents"] == 0
    # A copy under another name: rows are recognised by their natural keys.
    copy = write(tmp_path / "copy" / "BattleDeaths_v25_1.csv", ucdp.read_bytes() + b"")
    write(tmp_path / "copy" / "events.csv", acled.read_bytes())
    again = ingest_paths(runtime, [tmp_path / "copy"], source="datasets-2")
    assert counts(runtime) == {**c, "ingested_files": c["ingested_files"] + 2}
    assert again.dataset_rows_new == 0 and again.dataset_rows_existing == c["battle_deaths"] + 2
    assert copy.exists()


def test_reimport_fills_the_battle_location_of_older_rows(
    runtime: Runtime, tmp_path: Path, shared_data: Path
) -> None:
    # A database filled before the battle column was kept: the same file
    # imported again adds no row and fills in where the battles were.
    lines = (shared_data / "ucdp" / "BattleDeaths_v25_1.csv").read_text().splitlines()
    header = lines[0].split(",")
    assert "gwno_battle" in header
    keep = [ln for ln in lines[1:] if ",2024," in ln]
    with_battle = write(tmp_path / "new" / "BattleDeaths_v25_1.csv", "\n".join([lines[0], *keep]))
    without = write(
        tmp_path / "old" / "BattleDeaths_v25_1.csv",
        "\n".join([lines[0].replace("gwno_battle", "gwno_battle_unused"), *keep]),
    )
    first = ingest_paths(runtime, [without], source="ucdp-old")
    with runtime.sessions() as s:
        stored = {r["dyad_id"]: r for r in assess_store.battle_death_rows(s)}
    assert len(stored) == first.dataset_rows_new == len(keep)
    assert all(r["gwno_battle"] is None for r in stored.values())
    again = ingest_paths(runtime, [with_battle], source="ucdp-new")
    assert again.dataset_rows_new == 0
    with runtime.sessions() as s:
        filled = {r["dyad_id"]: r for r in assess_store.battle_death_rows(s)}
    assert all(r["gwno_battle"] for r in filled.values())
    yemen = [r for r in filled.values() if r["gwno_loc"] == "2, 200, 678"]
    assert [r["gwno_battle"] for r in yemen] == ["678"]
    # Nothing else of a stored row changed.
    for dyad, row in stored.items():
        assert {**row, "gwno_battle": None} == {**filled[dyad], "gwno_battle": None}


def test_interrupted_ingest_resumes_without_duplicates(runtime: Runtime, tmp_path: Path) -> None:
    write(tmp_path / "in" / "big.csv", csv_text(["id", "text"], list(enumerate(S[:600]))))
    write(tmp_path / "in" / "z_small.txt", S[700])
    calls = {"n": 0}

    def stop_after_two_batches(origin: str, done: int, records: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # what Ctrl-C raises in the middle of a file

    options = IngestOptions(batch_size=100)
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(
            runtime, [tmp_path / "in"], source="s", options=options, progress=stop_after_two_batches
        )
    partial = counts(runtime)
    assert 0 < partial["sightings"] < 601 and partial["ingested_files"] == 0
    summary = ingest_paths(runtime, [tmp_path / "in"], source="s", options=options)
    assert summary.already_seen == partial["sightings"]
    final = counts(runtime)
    assert final["sightings"] == 601 and final["ingested_files"] == 2
    distinct = len(set(S[:600]) | {S[700]})
    assert final["documents"] + summary.near_duplicates <= distinct
    with runtime.sessions() as session:
        locators = session.scalars(select(Sighting.locator)).all()
    assert len(locators) == len(set(locators))


def test_user_mistakes_are_input_errors(runtime: Runtime, tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        ingest_paths(runtime, [tmp_path / "nope"])
    assert missing.value.code == "E-ING-001"
    write(tmp_path / "a.txt", S[0])
    with pytest.raises(InputError) as bad_type:
        ingest_paths(runtime, [tmp_path / "a.txt"], options=IngestOptions(doc_type="gossip"))
    assert bad_type.value.code == "E-ING-002"


def test_the_arabic_example_in_the_docs(runtime: Runtime, tmp_path: Path) -> None:
    """docs/ingest.md promises one document and three sightings for these inputs."""
    first = "أعلنت الحكومةُ العراقية حالة الطوارئ في البصرة بعد احتجاجات واسعة على انقطاع الكهرباء."
    copy = "اعلنت الحكومه العراقيه حالة الطوارىء في البصره بعد احتجاجات واسعة على انقطاع الكهرباء."
    variant = (
        "أعلنت الحكومة العراقية حالة الطوارئ في البصرة أمس بعد احتجاجات واسعة على انقطاع الكهرباء."
    )
    docs_md = (Path(__file__).resolve().parents[2] / "docs" / "ingest.md").read_text("utf-8")
    assert first in docs_md and copy in docs_md and variant in docs_md
    write(tmp_path / "agency-a" / "one.txt", first)
    write(tmp_path / "agency-b" / "copy.txt", copy)
    write(tmp_path / "agency-b" / "variant.txt", variant)
    ingest_paths(runtime, [tmp_path / "agency-a"], source="agency-a")
    ingest_paths(runtime, [tmp_path / "agency-b"], source="agency-b")
    with runtime.sessions() as session:
        (doc,) = session.scalars(select(Document)).all()
        kinds = sorted(
            (k, s) for k, s in session.execute(select(Sighting.kind, Sighting.similarity)).all()
        )
    assert doc.text == first
    assert [k for k, _ in kinds] == ["exact", "first", "near"]
    assert 0.85 < kinds[2][1] < 0.95
