"""Render a composed brief to a self-contained HTML document or a PDF.

The same template body serves the dashboard's brief page and the files the
CLI writes. PDF goes through WeasyPrint, whose Pango/HarfBuzz layout shapes
and joins Arabic with the Debian fonts named in the stylesheet.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from wiqaya.warn.brief.compose import Brief
from wiqaya.web import i18n
from wiqaya.web.charts.choropleth import bins_for, render_map
from wiqaya.web.charts.series import sparkline
from wiqaya.web.geo import countries
from wiqaya.web.pages import situations as _situations  # noqa: F401  (registers rt.* labels)
from wiqaya.web.templating import TEMPLATES, is_web_url

log = logging.getLogger(__name__)
STYLESHEET = Path(__file__).resolve().parents[2] / "web" / "static" / "wiqaya.css"

i18n.register(
    {
        "brief.title": ("موجز الرصد الشهري", "Monthly horizon-scanning brief"),
        "brief.for": ("{m}", "{m}"),
        "brief.generated": ("أُعدّ في {d}", "Generated {d}"),
        "brief.summary": ("الشهر بالأرقام", "The month in figures"),
        "brief.events_n": ("أحداث مرمّزة: {n}", "Coded events: {n}"),
        "brief.docs_n": ("وثائق منشورة: {n}", "Documents published: {n}"),
        "brief.basis.forecast": (
            "الارتفاع والانخفاض حسب درجات التوقّع ({k}) في {p} مقارنة بالفترة السابقة.",
            "Risers and fallers compare forecast scores ({k}) for {p} with the period before.",
        ),
        "brief.basis.events": (
            "لا تغيّر في درجات التوقّع لهذا الشهر، فالمقارنة بعدد الأحداث المرمّزة مع الشهر السابق.",
            "Forecast scores show no change for this month, so risers and fallers compare "
            "coded events with the month before.",
        ),
        "brief.basis.deaths": (
            "لا أحداث مؤرّخة ولا تغيّر في التوقّعات لهذا الشهر، فالمقارنة بوفيات المعارك "
            "(UCDP) في {p} مع السنة السابقة.",
            "No dated events or forecast changes for this month, so risers and fallers "
            "compare UCDP battle deaths in {p} with the year before.",
        ),
        "brief.basis.none": (
            "لا توجد بيانات تتغيّر بين الفترات لهذا الشهر بعد.",
            "There is no data that changes between periods for this month yet.",
        ),
        "brief.forecast_as_of": ("{k}، حتى {p}", "{k}, as of {p}"),
        "brief.deaths_table": (
            "وفيات المعارك حسب الدولة (UCDP، {p})",
            "Battle deaths by country (UCDP, {p})",
        ),
        "brief.no_deaths": (
            "لا توجد سلسلة وفيات معارك حتى هذا الشهر.",
            "There is no battle-deaths series up to this month.",
        ),
        "brief.undated_citations": (
            "لم تُؤرَّخ أدلة في هذا الشهر؛ الأدلة أدناه بلا تاريخ، للدول التي يتناولها الموجز.",
            "No evidence is dated in this month; the evidence below is undated, for the "
            "countries the brief discusses.",
        ),
        "brief.risers": ("الأكثر ارتفاعاً", "Top risers"),
        "brief.fallers": ("الأكثر انخفاضاً", "Top fallers"),
        "brief.none_risers": ("لا دولة ارتفعت مقارنة بالشهر السابق.", "No country rose."),
        "brief.none_fallers": ("لا دولة انخفضت مقارنة بالشهر السابق.", "No country fell."),
        "brief.previous": ("الفترة السابقة", "Previous period"),
        "brief.alerts": ("الإنذارات الجديدة", "New alerts"),
        "brief.situations": (
            "الحالات والاستجابات وزمن الاستجابة",
            "Situations, responses and latency",
        ),
        "brief.no_alerts": (
            "لم تُطلق إنذارات جديدة في هذا الشهر.",
            "No new alerts were raised in this month.",
        ),
        "brief.no_situations": (
            "لا ملفات حالة نشطة في هذا الشهر (لا إنذار مُلحق ولا استجابة).",
            "No situation file was active in this month (no filed alert and no response).",
        ),
        "brief.country": ("الدولة", "Country"),
        "brief.alert_sev": ("الخطورة", "Severity"),
        "brief.alert_state": ("الحالة", "State"),
        "brief.alert_rule": ("القاعدة", "Rule"),
        "brief.alert_warned": ("تاريخ الإنذار", "Warned"),
        "brief.alert_what": ("ماذا", "What"),
        "brief.alert_cites": ("الأدلة", "Evidence"),
        "brief.situation": ("ملف الحالة", "Situation"),
        "brief.unfiled": ("غير مصنف", "not filed"),
        "brief.sit_title": ("العنوان", "Title"),
        "brief.responses": ("الاستجابات", "Responses"),
        "brief.no_responses": ("لا استجابة مسجّلة بعد", "No response recorded yet"),
        "brief.first_alert": ("أول إنذار", "First alert"),
        "brief.latency": ("من الإنذار إلى الفعل", "Warning to action"),
        "brief.days": ("{n} يوماً", "{n} days"),
        "brief.running": ("الساعة تدور: {n} يوماً حتى الآن", "Clock running: {n} days so far"),
        "brief.no_alert": ("لا إنذار بعد", "No alert yet"),
        "brief.example": ("مثال توضيحي", "EXAMPLE"),
        "brief.sev.low": ("منخفضة", "Low"),
        "brief.sev.medium": ("متوسطة", "Medium"),
        "brief.sev.high": ("عالية", "High"),
        "brief.sev.critical": ("حرجة", "Critical"),
        "brief.st.new": ("جديد", "New"),
        "brief.st.acknowledged": ("مُقرّ به", "Acknowledged"),
        "brief.st.escalated": ("مُصعّد", "Escalated"),
        "brief.st.dismissed": ("مرفوض", "Dismissed"),
        "brief.map": ("خريطة الشهر", "Map of the month"),
        "brief.forecast_table": ("جدول التوقّعات", "Forecast table"),
        "brief.events_table": ("الأحداث المرمّزة حسب الدولة", "Coded events by country"),
        "brief.no_forecast": (
            "لا توجد درجات توقّع لهذا الشهر.",
            "There are no forecast scores for this month.",
        ),
        "brief.no_events": (
            "لا توجد أحداث مرمّزة لهذا الشهر.",
            "There are no coded events for this month.",
        ),
        "brief.citations": ("الأدلة المستشهد بها", "Evidence cited"),
        "brief.no_citations": (
            "لا توجد أدلة من وثائق هذا الشهر.",
            "No evidence from this month's documents.",
        ),
        "brief.month": ("الشهر", "Month"),
        "brief.download": ("تنزيل", "Download"),
        "brief.other_months": ("أشهر أخرى", "Other months"),
        "brief.empty": (
            "لا توجد بيانات بعد لإعداد موجز. أدخل الوثائق ورمّزها أولاً.",
            "There is no data to brief on yet. Ingest and read documents first.",
        ),
    }
)


def brief_context(brief: Brief) -> dict[str, Any]:
    """Template variables for the brief body, shared by the web page and the files."""
    lang = brief.lang
    t = i18n.translator(lang)
    data = brief.data
    # The map shows the forecast when there is one, else what risers compare.
    table = data.forecast if data.forecast.rows else data.ranked
    values = {r.country: r.value for r in table.rows}
    digits = 2 if brief.basis == "forecast" else 0
    map_digits = 2 if table is data.forecast and max(values.values(), default=0) <= 1 else 0
    bins = bins_for(list(values.values()))
    map_svg = render_map(
        values,
        view_key="region",
        lang=lang,
        label=f"{t('brief.map')} · {i18n.fmt_month(brief.month, lang)}",
        href=lambda code: f"/country/{code}",
        describe=lambda code, v: (
            f"{countries.name(code, lang)}: "
            + (i18n.fmt_number(v, lang, digits) if v is not None else "—")
        ),
        bins=bins,
    )
    return {
        "lang": lang,
        "dir": i18n.DIRECTION[lang],
        "t": t,
        "num": lambda v, d=0: i18n.fmt_number(v, lang, d),
        "day": lambda v: i18n.fmt_date(v, lang),
        "isoday": lambda v: i18n.fmt_date(date.fromisoformat(v[:10]) if v else None, lang),
        "month": lambda p: i18n.fmt_month(p, lang),
        "cname": lambda code: countries.name(code, lang),
        "lbl": lambda prefix, key: i18n.label(prefix, key, lang),
        "alert_text": lambda ar, en, variable: i18n.alert_summary(ar, en, variable, lang),
        "web_url": is_web_url,
        "spark": lambda values, name: sparkline(values, label=name),
        "b": brief,
        "d": data,
        "digits": digits,
        "map_digits": map_digits,
        "map_metric": "forecast" if table is data.forecast else brief.basis,
        "map_svg": map_svg,
        "bins": bins,
    }


def render_html(brief: Brief) -> str:
    """A standalone HTML document (stylesheet embedded, so the file travels alone)."""
    ctx = brief_context(brief)
    ctx["stylesheet"] = Markup(STYLESHEET.read_text(encoding="utf-8"))
    return TEMPLATES.env.get_template("brief_document.html").render(ctx)


def render_pdf(brief: Brief) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango, which takes a moment

    html = render_html(brief)
    # WeasyPrint warns about the stylesheet's SVG-only rules (fill, stroke); the
    # SVG carries the same colours as attributes, so those warnings are noise.
    weasy_log = logging.getLogger("weasyprint")
    level = weasy_log.level
    weasy_log.setLevel(logging.ERROR)
    try:
        return HTML(string=html, base_url=str(STYLESHEET.parent)).write_pdf()
    finally:
        weasy_log.setLevel(level)


def write(brief: Brief, fmt: str, output: Path) -> Path:
    if fmt == "html":
        output.write_text(render_html(brief), encoding="utf-8")
    elif fmt == "pdf":
        output.write_bytes(render_pdf(brief))
    else:
        from wiqaya.errors import InputError

        raise InputError(f"--format must be html or pdf, got {fmt!r}", code="E-INP-072")
    log.info("brief for %s (%s) written to %s", brief.month, brief.lang, output)
    return output
