"""Import: PA-X rows and library files, idempotent, malformed input reported and skipped."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wiqaya.errors import InputError
from wiqaya.remember import service
from wiqaya.remember.documents import read_library_file
from wiqaya.remember.pax import read_pax
from wiqaya.remember.records import LibraryRecord, Rejected
from wiqaya.store.models.remember import LibraryItem, LibraryPassage

ROOT = Path(__file__).resolve().parents[2]


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        return header, list(reader)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_pax_rows_become_records(pax_subset: Path) -> None:
    records = list(read_pax(pax_subset))
    assert all(isinstance(r, LibraryRecord) for r in records)
    hodeidah = next(r for r in records if r.agt_id == 2120)
    assert hodeidah.country == "YEM"
    assert hodeidah.date.isoformat() == "2018-12-13"
    assert "Ce" in hodeidah.provisions
    assert hodeidah.title.endswith("(Hodeidah Agreement)")  # trailing CR/LF removed
    assert ("country", "YEM") in hodeidah.links


def test_malformed_pax_rows_are_reported_and_skipped(pax_subset: Path, tmp_path: Path) -> None:
    header, rows = _rows(pax_subset)
    idx = {name: i for i, name in enumerate(header)}
    bad_id = list(rows[0])
    bad_id[idx["AgtId"]] = "abc"
    bad_date = list(rows[1])
    bad_date[idx["Dat"]] = "13/12/2018"
    bad_flag = list(rows[2])
    bad_flag[idx["Ce"]] = "yes"
    bad_iso = list(rows[3])
    bad_iso[idx["Loc1ISO"]] = "Yemen"
    short = rows[4][:10]
    duplicate = list(rows[5])
    path = _write(
        tmp_path / "bad.csv",
        header,
        [bad_id, bad_date, bad_flag, bad_iso, short, rows[5], duplicate, rows[6]],
    )
    out = list(read_pax(path))
    rejected = [r for r in out if isinstance(r, Rejected)]
    good = [r for r in out if isinstance(r, LibraryRecord)]
    assert len(good) == 2
    reasons = " | ".join(r.reason for r in rejected)
    assert len(rejected) == 6
    assert "not a positive whole number" in reasons
    assert "is not YYYY-MM-DD" in reasons
    assert "not 0/1" in reasons
    assert "not ISO3" in reasons
    assert "fields, header has" in reasons
    assert "appears twice" in reasons
    assert rejected[0].locator == "row 1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"name,date\nx,2020-01-01\n", "missing column"),
        (b"\x00\x01\x02binary", "binary"),
        (b"AgtId,Agt,Dat\n\xff\xfe1,x,2020-01-01\n", "not UTF-8"),
    ],
)
def test_files_that_are_not_pax_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(read_pax(path))


def test_reimport_is_idempotent_and_updates_changed_rows(
    runtime, pax_subset: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = service.import_pax(runtime, pax_subset)
    assert (first.added, first.updated, first.unchanged) == (12, 0, 0)
    with runtime.sessions() as s:
        passages = s.scalar(select(func.count(LibraryPassage.id)))
    again = service.import_pax(runtime, pax_subset)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 12)
    with runtime.sessions() as s:
        assert s.scalar(select(func.count(LibraryItem.id))) == 12
        assert s.scalar(select(func.count(LibraryPassage.id))) == passages
    header, rows = _rows(pax_subset)
    rows[0][header.index("Agt")] = rows[0][header.index("Agt")] + " (corrected)"
    changed = service.import_pax(runtime, _write(tmp_path / "changed.csv", header, rows))
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 11)
    with runtime.sessions() as s:
        agt = int(rows[0][header.index("AgtId")])
        item = s.scalar(select(LibraryItem).where(LibraryItem.agt_id == agt))
        assert item.title.endswith("(corrected)")
        assert item.passages[0].text.startswith(item.title)


def test_library_files_text_html_jsonl_and_bad_ones(runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "note.txt").write_text(
        "دروس من الوساطة في اليمن\nالتهدئة في الحديدة احتاجت إلى لجنة مراقبة مشتركة.",
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(
        "<html><head><title>Ceasefire monitoring lessons</title></head><body>"
        "<p>Joint monitoring committees made the Hodeidah ceasefire hold for weeks.</p>"
        "<script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    lines = [
        {
            "kind": "lesson",
            "id": "yem-1",
            "title": "Envoy shuttle diplomacy",
            "text": "Talks.",
            "country": "اليمن",
            "provisions": ["ceasefire"],
            "links": [{"kind": "situation", "ref": "S-7"}],
        },
        "not json",
        {"kind": "poem", "title": "x"},
        {"title": "no country", "country": "Atlantis"},
        {"title": "dated", "date": "yesterday"},
    ]
    (tmp_path / "lessons.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x for x in lines),
        encoding="utf-8",
    )
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    report = service.import_files(runtime, [tmp_path], kind="lesson")
    assert report.added == 3
    reasons = [r.reason for r in report.rejected]
    assert any("not JSON" in r for r in reasons)
    assert any("kind 'poem'" in r for r in reasons)
    assert any("not a known country" in r for r in reasons)
    assert any("not YYYY-MM-DD" in r for r in reasons)
    assert any("unreadable PDF" in r or "no text layer" in r for r in reasons)
    assert any("unsupported file type .png" in r for r in reasons)
    again = service.import_files(runtime, [tmp_path], kind="lesson")
    assert again.added == 0 and again.unchanged == 3
    html = next(read_library_file(tmp_path / "page.html"))
    assert isinstance(html, LibraryRecord)
    assert "alert" not in html.text and "Hodeidah" in html.text


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    # A one-page PDF with a real text layer (Helvetica text drawn by a content stream).
    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}  # noqa: SLF001
    )
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 20 100 Td (Ceasefire lessons from Aden) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)  # noqa: SLF001
    path = tmp_path / "lesson.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    rec = next(read_library_file(path, kind="lesson"))
    assert isinstance(rec, LibraryRecord), rec
    assert "Ceasefire lessons from Aden" in rec.text
    assert rec.kind == "lesson"


def test_cli_reports_bad_file_without_traceback(cli_env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "not-pax.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    env = {**cli_env, "PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "wiqaya", "library", "import", "pax", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "E-LIB-001" in proc.stderr
    assert "Traceback" not in proc.stderr
