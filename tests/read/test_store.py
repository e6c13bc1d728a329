"""`wiqaya read` on a real database (SQLite and PostgreSQL): idempotent and resumable."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select
from typer.testing import CliRunner

from wiqaya.cli.main import app
from wiqaya.read.pipeline import coder_version, read_documents
from wiqaya.store.models.read import DocumentRead, Event, PlaceMention
from wiqaya.store.models.sift import Document, Source
from wiqaya.store.read import latest_events, save_reading, unread_batch

TEXTS = [
    "اعلنت مصادر امنية وأخرى طبية عراقية مقتل اربعة اشخاص وإصابة سبعة آخرين بجروح في "
    "انفجار سيارة مفخخة وسط بغداد أمس.",
    # A protest every detector so far has coded (the London march of the
    # protest dev split sits at the threshold: 0.66 against 0.68 since read26).
    "أقدم امس متظاهرون غاضبون في البقاع اللبناني على قطع الطريق الدولية بين شتورة وزحلة "
    "قرب بلدة تعلبايا.",
    "اشتباكات في طرابلس بين باب التبانة وجبل محسن",
]


def _add_docs(runtime) -> None:  # noqa: ANN001
    with runtime.sessions() as s, s.begin():
        src = Source(name="test-read", kind="files")
        s.add(src)
        s.flush()
        for t in TEXTS:
            h = hashlib.sha256(t.encode()).hexdigest()
            s.add(Document(source_id=src.id, text=t, content_hash=h, text_sha256=h, lang="ar"))


def _counts(runtime) -> tuple[int, int, int]:  # noqa: ANN001
    with runtime.sessions() as s:
        return (
            s.scalar(select(func.count(Event.id))),
            s.scalar(select(func.count()).select_from(DocumentRead)),
            s.scalar(select(func.count(PlaceMention.id))),
        )


def test_read_is_resumable_and_idempotent(runtime, cli_env) -> None:  # noqa: ANN001
    _add_docs(runtime)
    version = coder_version()
    # Simulate an interrupted run: only the first document got saved.
    with runtime.sessions() as s:
        first = unread_batch(s, 1)
    with runtime.sessions() as s, s.begin():
        save_reading(s, read_documents(first)[0], version)
    with runtime.sessions() as s:
        assert len(unread_batch(s, 10)) == 2
    result = CliRunner().invoke(app, ["read", "--batch", "2"], env=cli_env)
    assert result.exit_code == 0, result.output
    after_first = _counts(runtime)
    assert after_first[1] == 3 and after_first[0] >= 2
    # A second run finds nothing to do and changes nothing.
    result = CliRunner().invoke(app, ["read"], env=cli_env)
    assert result.exit_code == 0 and "read 0 documents" in result.output
    assert _counts(runtime) == after_first
    # Re-saving one document replaces its rows instead of duplicating them.
    with runtime.sessions() as s:
        doc = s.scalars(select(Document).order_by(Document.id)).first()
        from wiqaya.read.pipeline import DocumentInput

        res = read_documents([DocumentInput(str(doc.id), doc.text, "ar")])[0]
    with runtime.sessions() as s, s.begin():
        save_reading(s, res, version)
    assert _counts(runtime) == after_first
    with runtime.sessions() as s:
        latest = latest_events(s, 5)
        amb = s.scalars(select(PlaceMention).where(PlaceMention.status == "ambiguous")).all()
    assert latest and all(
        e.mark_start is None or e.sentence[e.mark_start : e.mark_end] == e.evidence for e in latest
    )
    assert all(a.country is None and a.candidates for a in amb)


def test_export_events_csv_has_bom_and_filters(runtime, cli_env, tmp_path) -> None:  # noqa: ANN001
    _add_docs(runtime)
    assert CliRunner().invoke(app, ["read"], env=cli_env).exit_code == 0
    out = tmp_path / "e.csv"
    r = CliRunner().invoke(
        app,
        ["export", "events", "--format", "csv", "--output", str(out), "--type", "ASSAULT"],
        env=cli_env,
    )
    assert r.exit_code == 0, r.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("event_id,document_id,event_date,event_type,cameo_root")
    assert len(lines) >= 2 and all(",ASSAULT," in ln for ln in lines[1:2])
    pq = tmp_path / "e.parquet"
    r = CliRunner().invoke(
        app, ["export", "events", "--format", "parquet", "--output", str(pq)], env=cli_env
    )
    assert r.exit_code == 0 and pq.stat().st_size > 0
    r = CliRunner().invoke(app, ["export", "events", "--format", "xml"], env=cli_env)
    assert r.exit_code != 0


def test_export_events_jsonl_lines_hold_no_unicode_line_breaks(runtime, cli_env, tmp_path) -> None:  # noqa: ANN001
    """An evidence or sentence holding U+2028 split an exported record for
    str.splitlines() readers; it is escaped like the other line breaks."""
    text = "Police fired tear\u2028gas at protesters in Khartoum\u2029on Tuesday."
    with runtime.sessions() as s, s.begin():
        src = Source(name="test-read-lines", kind="files")
        s.add(src)
        s.flush()
        h = hashlib.sha256(text.encode()).hexdigest()
        s.add(Document(source_id=src.id, text=text, content_hash=h, text_sha256=h, lang="en"))
    assert CliRunner().invoke(app, ["read"], env=cli_env).exit_code == 0
    out = tmp_path / "e.jsonl"
    r = CliRunner().invoke(
        app, ["export", "events", "--format", "jsonl", "--output", str(out)], env=cli_env
    )
    assert r.exit_code == 0, r.output
    with runtime.sessions() as s:
        n = s.scalar(select(func.count(Event.id)))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n >= 1 and len(lines) == n
    assert all(json.loads(line) for line in lines)
