"""The monthly brief: CLI, HTML in both languages, and a PDF whose Arabic survives.

The PDF is rasterised with ``pdftoppm`` (every page must carry ink) and its
text extracted with ``pdftotext``: after normalisation the Arabic heading and
the cited document titles must read exactly as the source, which only holds
when WeasyPrint shaped and ordered the Arabic correctly.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select
from typer.testing import CliRunner

from tests.act_seed import TITLE_AR, TITLE_EN, seed_act
from tests.dashboard_seed import Seeded, seed_dashboard
from wiqaya.cli.main import app
from wiqaya.language.arabic import normalise
from wiqaya.runtime import Runtime

runner = CliRunner()


@pytest.fixture
def seeded(runtime: Runtime) -> Seeded:
    with runtime.sessions() as session:
        return seed_dashboard(session)


def _brief(args: list[str]):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["brief", *args], catch_exceptions=False)


def test_html_brief_in_both_languages(cli_env, seeded: Seeded, tmp_path: Path) -> None:
    ar = tmp_path / "ar.html"
    result = _brief(["--month", "latest", "--lang", "ar", "--format", "html", "-o", str(ar)])
    assert result.exit_code == 0, result.output
    assert "2024-06" in result.output
    text = ar.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in text and "موجز الرصد الشهري: يونيو 2024" in text
    assert "<link" not in text  # the stylesheet is embedded: the file travels alone
    en = tmp_path / "en.html"
    _brief(["--month", "2024-05", "--lang", "en", "--format", "html", "-o", str(en)])
    body = en.read_text(encoding="utf-8")
    assert "Monthly horizon-scanning brief: May 2024" in body
    assert "Top risers" in body and "Evidence cited" in body and '<svg class="map"' in body
    # No alert or situation yet: the sections say so instead of disappearing.
    assert "No new alerts were raised in this month." in body
    assert "No situation file was active in this month" in body


def test_brief_reports_alerts_situations_and_latency(
    cli_env, runtime: Runtime, seeded: Seeded, tmp_path: Path
) -> None:
    from wiqaya.store.models.sift import Document

    with runtime.sessions() as s:
        doc_id, title = s.execute(
            select(Document.id, Document.title).where(Document.title.is_not(None)).limit(1)
        ).one()
    act = seed_act(runtime, month="2024-06", documents=[doc_id])
    en = tmp_path / "en.html"
    _brief(["--month", "2024-06", "--lang", "en", "--format", "html", "-o", str(en)])
    body = en.read_text(encoding="utf-8")
    assert "Assaults tripled against the previous quarter" in body
    assert "deaths_surge" in body and "High" in body
    assert f'href="/situations/{act.situation_id}"' in body and TITLE_EN in body
    assert "Special envoy" in body or "special envoy" in body.lower()
    assert "9 days" in body  # warned on the 10th, first response on the 19th
    assert f'href="/documents/{doc_id}"' in body and title in body
    ar = tmp_path / "ar.html"
    _brief(["--month", "2024-06", "--lang", "ar", "--format", "html", "-o", str(ar)])
    text = ar.read_text(encoding="utf-8")
    assert TITLE_AR in text and "تضاعفت الاعتداءات" in text
    assert "لم تُطلق إنذارات جديدة" not in text
    # The month before has neither.
    may = tmp_path / "may.html"
    _brief(["--month", "2024-05", "--lang", "en", "--format", "html", "-o", str(may)])
    assert "No new alerts were raised in this month." in may.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_brief_pages_have_ink_and_arabic_text_survives(
    cli_env, seeded: Seeded, tmp_path: Path
) -> None:
    pdf = tmp_path / "brief.pdf"
    result = _brief(["--month", "2024-06", "--lang", "ar", "--format", "pdf", "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 2
    for png in pages:
        grey = Image.open(png).convert("L")
        dark = sum(grey.histogram()[:200])
        assert dark > 0.005 * grey.width * grey.height, f"{png.name} is blank"

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = normalise(text)
    assert "map.country" not in text and "brief." not in text  # no untranslated keys
    assert normalise("موجز الرصد الشهري") in flat
    assert normalise("الأكثر ارتفاعاً") in flat
    cited = [t for t in seeded.titles if normalise(t) in flat]
    assert len(cited) >= 3, "cited Arabic document titles must be extractable as written"


def test_brief_errors_are_clear(cli_env, runtime: Runtime, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    bad = runner.invoke(app, ["brief", "--month", "2024-13", "-o", str(out)])
    assert bad.exit_code != 0 and "E-INP-070" in str(bad.exception)
    empty = runner.invoke(app, ["brief", "--month", "latest", "-o", str(out)])
    assert "E-NF-070" in str(empty.exception)
    fmt = runner.invoke(app, ["brief", "--format", "docx", "-o", str(out)])
    assert "E-INP-072" in str(fmt.exception)
    assert not out.exists()


def test_a_month_with_no_coded_events_does_not_rank_countries_by_events(
    runtime: Runtime, seeded: Seeded
) -> None:
    # The month after the last coded events (a forecast month before its news
    # is read): every country would "fall" to zero events, which says nothing.
    from wiqaya.store.browse import brief_data, shift_month

    with runtime.sessions() as session:
        last = brief_data(session, "2024-06")
        assert last.events_in_month > 0 and last.events.rows
        after = brief_data(session, shift_month("2024-06", 1))
    assert after.events_in_month == 0
    assert after.basis != "events"
    assert not [r for r in after.fallers if r.events == 0 and r.value == 0 and r.previous]
