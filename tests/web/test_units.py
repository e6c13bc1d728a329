"""Pure pieces of the dashboard: exports, parameters, charts, projection, formatting."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import given
from hypothesis import strategies as st

from wiqaya.sift.export import FORMULA_START, safe_cell
from wiqaya.store.browse import month_bounds, month_range, shift_month
from wiqaya.web import i18n
from wiqaya.web.charts.choropleth import VIEWS, bin_of, bins_for, project, projected_paths
from wiqaya.web.charts.series import Line, line_chart, sparkline
from wiqaya.web.exports import to_csv
from wiqaya.web.geo import countries
from wiqaya.web.pages.params import Params


@given(st.text())
def test_safe_cell_never_leaves_a_formula(text: str) -> None:
    out = safe_cell(text)
    assert not out.startswith(FORMULA_START)
    assert out == text or out == "'" + text


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_csv_round_trips_text_with_bom(values: list[str]) -> None:
    rows = [{"a": v} for v in values]
    body = to_csv(rows, ["a"])
    assert body.startswith(b"\xef\xbb\xbf")
    back = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert [r["a"] for r in back] == [safe_cell(v) for v in values]


@given(
    st.dictionaries(
        st.sampled_from(["from", "to", "country", "type", "q", "page", "month"]), st.text()
    )
)
def test_params_never_raise_on_hostile_input(query: dict[str, str]) -> None:
    p = Params(query)
    p.date("from"), p.date("to"), p.iso3("country"), p.code("type"), p.text("q")
    p.positive("page", 1, 1000), p.month("month")
    assert set(p.rejected) <= set(query)


def test_params_accept_good_values() -> None:
    p = Params({"from": "2024-05-01", "country": "irq", "page": "3", "month": "2024-12"})
    assert str(p.date("from")) == "2024-05-01" and p.iso3("country") == "IRQ"
    assert p.positive("page", 1, 10) == 3 and p.month("month") == "2024-12"
    assert p.rejected == []
    bad = Params({"month": "2024-13", "page": "0", "country": "IRQX"})
    assert bad.month("month") is None and bad.positive("page", 1, 10) == 1
    assert bad.iso3("country") is None and sorted(bad.rejected) == ["country", "month", "page"]


def test_month_arithmetic() -> None:
    assert shift_month("2024-01", -1) == "2023-12" and shift_month("2023-12", 1) == "2024-01"
    assert month_range("2024-02", 3) == ["2023-12", "2024-01", "2024-02"]
    start, end = month_bounds("2024-12")
    assert (str(start), str(end)) == ("2024-12-01", "2025-01-01")


def test_arabic_names_and_regions() -> None:
    assert countries.name("IRQ", "ar") == "العراق" and countries.name("IRQ", "en") == "Iraq"
    assert countries.name("QQQ", "ar") == "QQQ"
    assert countries.region_of("YEM") == "gulf" and countries.region_of("FRA") == "other"
    members = countries.region_members("other")
    assert members is not None and "FRA" in members and "IRQ" not in members


def test_projection_puts_baghdad_east_of_tripoli_and_north_of_sanaa() -> None:
    view = VIEWS["region"]
    baghdad, tripoli, sanaa = (
        project(view, 44.4, 33.3),
        project(view, 13.2, 32.9),
        project(view, 44.2, 15.4),
    )
    assert baghdad[0] > tripoli[0] and baghdad[1] < sanaa[1]
    paths = projected_paths("region")
    assert {"IRQ", "BHR", "PSE", "LBN", "MAR", "SOM"} <= set(paths)
    assert "USA" not in paths  # outside the regional view


def test_bins_for_probabilities_and_counts() -> None:
    probs = bins_for([0.01, 0.3, 0.9])
    assert [b.low for b in probs] == [0.0, 0.05, 0.1, 0.25, 0.5]
    assert bin_of(0.9, probs) == "q4" and bin_of(0.01, probs) == "q0"
    counts = bins_for([1, 2, 5, 40, 300, 1200])
    assert counts[0].low == 0 and counts[-1].high is None
    assert bin_of(1200, counts) == "q4"
    assert bins_for([]) == []


def test_charts_keep_arabic_as_text_and_mark_direction() -> None:
    svg = line_chart(
        ["2024-01", "2024-02", "2024-03"],
        [
            Line("اعتداء", [1, None, 3], low=[0, None, 2], high=[2, None, 4]),
            Line("احتجاج", [0, 1, 0]),
        ],
        title="الأحداث حسب النوع",
        lang="ar",
        period_label=lambda p: i18n.fmt_month(p, "ar"),
        number=lambda v: i18n.fmt_number(v, "ar"),
    )
    assert "الأحداث حسب النوع" in svg and "اعتداء" in svg and "يناير 2024" in svg
    assert 'direction="rtl"' in svg and "style=" not in svg
    assert svg.count("<polyline") == 1  # the gap splits series one; series two is whole
    spark = sparkline([1.0, None, 2.0, 3.0], label="اتجاه العراق")
    assert 'aria-label="اتجاه العراق"' in spark and "<polyline" in spark


def test_locale_formatting() -> None:
    assert i18n.fmt_month("2024-05", "ar") == "مايو 2024"
    assert i18n.fmt_month("2024-05", "en") == "May 2024"
    assert i18n.fmt_number(-0.25, "ar", 2) == "\u200e-0.25"
    assert i18n.fmt_number(1234567, "en") == "1,234,567"
    assert i18n.label("plover", "ASSAULT", "ar") == "اعتداء"
    assert i18n.label("indicator", "new_sign", "en") == "new sign"
    assert i18n.variable_label("events.PROTEST", "ar") == "أحداث: احتجاج"
    assert re.match(r"^\d", i18n.fmt_number(3, "ar"))  # Latin digits paste cleanly


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=6),
)
def test_segments_rebuild_the_text_and_cover_only_their_spans(text: str, spans) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.store.browse import Highlight
    from wiqaya.web.pages.document import segments

    marks = [Highlight(a, b, "event", "PROTEST", i) for i, (a, b) in enumerate(spans)]
    parts = segments(text, marks)
    assert "".join(p.text for p in parts) == text
    offset = 0
    for part in parts:
        for m in part.marks:
            assert m.start <= offset and offset + len(part.text) <= m.end
        offset += len(part.text)


def test_negative_values_stay_inside_the_plot() -> None:
    svg = line_chart(
        ["2022", "2023", "2024"],
        [Line("growth", [2.0, -3.5, 1.0])],
        title="g",
        lang="en",
        period_label=str,
        number=lambda v: f"{v:.1f}",
    )
    ys = [float(y) for y in re.findall(r'<circle[^>]* cy="([\d.-]+)"', svg)]
    assert ys and all(26 <= y <= 240 - 28 for y in ys)
    assert ">-4.0<" in svg  # the axis reaches below zero


def test_forecast_drivers_are_named_in_words() -> None:
    # As stored with a score: the feature with its lag, and labels made at scoring time.
    mobilize = {"feature": "events.MOBILIZE@-1", "label_ar": "أحداث MOBILIZE"}
    total = {"feature": "events.total@-2", "label_ar": "أحداث total"}
    assert i18n.driver_label(mobilize, "ar") == "أحداث: تعبئة (تأخير 1)"
    assert i18n.driver_label(mobilize, "en") == "Events: Mobilize (lag 1)"
    assert i18n.driver_label(total, "ar") == "كل الأحداث (تأخير 2)"
    hate = {"feature": "indicators.hate_speech@-1"}
    assert i18n.driver_label(hate, "ar") == "مؤشرات: خطاب الكراهية والتحريض (تأخير 1)"
    # Other drivers keep the label stored with them.
    last = {"feature": "last", "label_ar": "وفيات المعارك في العام السابق", "label_en": "x"}
    assert i18n.driver_label(last, "ar") == "وفيات المعارك في العام السابق"
    assert i18n.driver_label({"feature": "odd@-x"}, "en") == "odd@-x"
