"""The home page: a choropleth of country risk, by forecast score or event intensity."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wiqaya.store.browse import (
    default_metric,
    event_date_coverage,
    forecast_choices,
    risk_table,
)
from wiqaya.web import i18n
from wiqaya.web.charts.choropleth import VIEWS, bins_for, render_map
from wiqaya.web.geo import countries
from wiqaya.web.pages.params import Params
from wiqaya.web.templating import render, request_lang

router = APIRouter(include_in_schema=False)
WINDOWS = ("1", "3", "6", "12")
METRICS = ("forecast", "events", "deaths")

i18n.register(
    {
        "map.title": ("خريطة المخاطر", "Risk map"),
        "map.metric": ("المقياس", "Measure"),
        "map.metric.forecast": ("أحدث توقّع", "Latest forecast"),
        "map.metric.events": ("كثافة الأحداث", "Event intensity"),
        "map.metric.deaths": ("وفيات المعارك (UCDP)", "Battle deaths (UCDP)"),
        "map.empty.deaths": (
            "لا توجد سلسلة وفيات معارك بعد. تُحسب من بيانات UCDP في مرحلة التقييم.",
            "No battle-deaths series yet. The assess stage computes it from the UCDP data.",
        ),
        "map.view": ("النطاق", "Extent"),
        "map.view.region": ("المنطقة العربية والجوار", "Arab region and neighbours"),
        "map.view.world": ("العالم", "World"),
        "map.window": ("الفترة", "Period"),
        "map.window.n": ("آخر {n} شهر", "Last {n} month(s)"),
        "map.target": ("النموذج والهدف", "Model and target"),
        "map.apply": ("عرض", "Show"),
        "map.as_of": ("حتى {p}", "As of {p}"),
        "map.table": ("الدول على الخريطة", "Countries on the map"),
        "map.skip": ("تخطَّ الخريطة إلى جدول الدول", "Skip the map to the table of countries"),
        "map.empty.forecast": (
            "لا توجد توقّعات بعد. شغّل مرحلة التقييم لحساب الدرجات، أو اعرض كثافة الأحداث.",
            "No forecasts yet. Run the assess stage to score countries, or show event intensity.",
        ),
        "map.empty.events": (
            "لا توجد أحداث مرمّزة بعد. شغّل ‎wiqaya read‎ بعد الإدخال لترميز الأحداث.",
            "No coded events yet. Run `wiqaya read` after ingest to code events.",
        ),
        "map.hint": (
            "مرّر المؤشر على دولة لرؤية قيمتها، واضغط عليها لفتح صفحتها.",
            "Hover a country to see its value; select it to open its page.",
        ),
        "map.events_n": ("{n} حدث", "{n} events"),
        "map.undated": (
            "في قاعدة البيانات {n} حدثاً مرمّزاً بلا تاريخ (لا تاريخ للحدث ولا لنشر وثيقته)، "
            "فلا يمكن وضعها على فترة زمنية. تجدها في متصفّح الأحداث.",
            "{n} coded events have no date (neither their own nor their document's), so they "
            "cannot be placed in a period. They are in the events browser.",
        ),
        "params.rejected": (
            "تعذّر فهم بعض المرشّحات فتم تجاهلها: {keys}",
            "Some filters could not be understood and were ignored: {keys}",
        ),
    }
)


def _format_value(metric: str, value: float | None, lang: str) -> str:
    if value is None:
        return i18n.translator(lang)("map.nodata")
    if metric in ("events", "deaths"):
        return i18n.fmt_number(value, lang)
    return i18n.fmt_number(value, lang, 2 if abs(value) < 10 else 0)


@router.get("/", response_class=HTMLResponse)
@router.get("/map", response_class=HTMLResponse)
def risk_map(request: Request) -> HTMLResponse:
    lang = request_lang(request)
    t = i18n.translator(lang)
    p = Params(dict(request.query_params))
    with request.app.state.runtime.sessions() as session:
        choices = forecast_choices(session)
        metric = p.choice("metric", METRICS, default_metric(session))
        view = p.choice("view", tuple(VIEWS), "region")
        window = int(p.choice("window", WINDOWS, "1"))
        target = p.free("target")
        table = risk_table(session, metric, window=window, forecast_key=target)
        undated = 0
        if metric == "events" and not table.rows:
            total, dated = event_date_coverage(session)
            undated = total - dated
    values = {r.country: r.value for r in table.rows}
    bins = bins_for(list(values.values()))
    rows = {r.country: r for r in table.rows}

    def describe(code: str, value: float | None) -> str:
        text = f"{countries.name(code, lang)} ({code}): {_format_value(metric, value, lang)}"
        row = rows.get(code)
        if row is not None and row.change is not None:
            text += f" · {t('map.change')} {i18n.fmt_number(row.change, lang, 2)}"
        return text

    svg = render_map(
        values,
        view_key=view,
        lang=lang,
        label=t("map.title"),
        href=lambda code: f"/country/{code}",
        describe=describe,
        bins=bins,
    )
    return render(
        request,
        "map.html",
        {
            "page": "map",
            "svg": svg,
            "table": table,
            "bins": bins,
            "metric": metric,
            "metrics": METRICS,
            "view": view,
            "window": window,
            "windows": [int(w) for w in WINDOWS],
            "views": list(VIEWS),
            "choices": choices,
            "fmt_value": lambda v: _format_value(metric, v, lang),
            "undated": undated,
            "rejected": p.rejected,
        },
    )
