"""Forecast pages: latest risk per country (rank, change, drivers) and the backtest report."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from wiqaya.assess.crosswalk import load_crosswalk
from wiqaya.assess.plots import onset_reliability_svg, quantile_calibration_svg
from wiqaya.assess.targets import load_targets
from wiqaya.store import assess as store
from wiqaya.web import i18n
from wiqaya.web.templating import render, request_lang

router = APIRouter(include_in_schema=False)

i18n.register(
    {
        "nav.forecasts": ("التوقعات", "Forecasts"),
        "fc.title": ("التوقعات ومؤشرات الخطر", "Forecasts and risk"),
        "fc.target": ("الهدف", "Target"),
        "fc.period": ("الفترة", "Period"),
        "fc.model": ("النموذج", "Model"),
        "fc.rank": ("الترتيب", "Rank"),
        "fc.country": ("البلد", "Country"),
        "fc.risk": ("الاحتمال", "Probability"),
        "fc.median": ("الوسيط", "Median"),
        "fc.interval": ("مجال ٩٠٪", "90% interval"),
        "fc.change": ("التغير عن الفترة السابقة", "Change from previous period"),
        "fc.change_pp": (
            "التغير عن الفترة السابقة (نقاط مئوية)",
            "Change from previous period (points)",
        ),
        "fc.drivers": ("أهم العوامل", "Main drivers"),
        "fc.gaps": ("بلدان بلا تقدير", "Countries not scored"),
        "fc.reason": ("السبب", "Reason"),
        "fc.none": (
            "لا توجد تقديرات مخزنة بعد. شغّل ‎wiqaya forecast run‎.",
            "No stored scores yet. Run `wiqaya forecast run`.",
        ),
        "fc.nobody": (
            "لم يمكن تقدير أي بلد لهذه الفترة؛ الأسباب أدناه.",
            "No country could be scored for this period; the reasons are below.",
        ),
        "fc.no_gaps": ("كل البلدان لها تقدير.", "Every country has a score."),
        "fc.backtest": ("تقرير الاختبار الرجعي", "Backtest report"),
        "fc.gap_note": (
            "البلد بلا بيانات لا يُعطى تقديراً، ولا يُعدّ خطره صفراً.",
            "A country without data gets no score; it is never shown as zero risk.",
        ),
        "target.mk_onset": ("بداية قتل جماعي تقوده الدولة", "Onset of state-led mass killing"),
        "target.battle_deaths": ("وفيات المعارك", "Battle-related deaths"),
        "bt.title": ("تقرير الاختبار الرجعي", "Backtest report"),
        "bt.none": (
            "لا يوجد تقرير بعد. شغّل ‎wiqaya forecast report‎.",
            "No report yet. Run `wiqaya forecast report`.",
        ),
        "bt.protocol": (
            "كل توقع لسنة ما بُني من بيانات السنة السابقة فقط ومن نموذج دُرّب على نتائج معروفة قبلها.",
            "Each year's forecast uses only the previous year's data and a model trained on "
            "outcomes known before it.",
        ),
        "bt.onset": ("بداية القتل الجماعي", "Mass-killing onset"),
        "bt.deaths": ("وفيات المعارك", "Battle deaths"),
        "bt.years": ("السنوات", "Years"),
        "bt.cy": ("سنوات-بلد", "Country-years"),
        "bt.onsets": ("حالات البداية", "Onsets"),
        "bt.seconds": ("مدة الاختبار (ثانية)", "Backtest time (s)"),
        "bt.forecaster": ("المتنبئ", "Forecaster"),
        "bt.auc": ("المساحة تحت المنحنى", "AUC"),
        "bt.brier": ("درجة براير", "Brier score"),
        "bt.top30": ("نسبة البدايات ضمن أعلى ٣٠", "Share of onsets in top 30"),
        "bt.pinball": ("خسارة الكمّيات", "Pinball loss"),
        "bt.coverage": ("تغطية مجال ٩٠٪", "90% interval coverage"),
        "bt.coverage_active": ("التغطية في سنوات النزاع", "Coverage in conflict years"),
        "bt.wiqaya": ("وقاية", "Wiqaya"),
        "bt.ewp": ("مشروع الإنذار المبكر (سنة واحدة)", "Early Warning Project (1 year)"),
        "bt.ewp_2yr": ("مشروع الإنذار المبكر (سنتان)", "Early Warning Project (2-year max)"),
        "bt.last": ("آخر قيمة", "Last value (no change)"),
        "bt.bootstrap": ("إعادة المعاينة", "Bootstrap of recent values"),
        "bt.rel_title": ("معايرة احتمال البداية", "Reliability of onset probabilities"),
        "bt.rel_x": ("الاحتمال المتوقع", "Forecast probability"),
        "bt.rel_y": ("النسبة المرصودة", "Observed frequency"),
        "bt.q_title": ("معايرة الكمّيات في سنوات النزاع", "Quantile calibration, conflict years"),
        "bt.q_x": ("مستوى الكمّية", "Quantile level"),
        "bt.q_y": ("نسبة القيم تحتها", "Share of outcomes below"),
        "bt.made": ("أُعدّ في", "Made at"),
    }
)


@dataclass(frozen=True)
class Row:
    rank: int | None
    country: str
    name: str
    score: float
    low: float | None
    high: float | None
    change: float | None
    drivers: list[str]


# The reasons assess stores for a country with no score, in English (the API and
# CLI show them as stored); the Arabic page shows them in Arabic. A reason no
# pattern knows is shown as stored, left to right.
_GAP_REASONS_AR: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^not covered by the EWP predictors$"),
        "غير مشمول بمتنبّئات مشروع الإنذار المبكر (EWP)",
    ),
    (
        re.compile(r"^no EWP predictors for the year before \(new state or gap\)$"),
        "لا متنبّئات من EWP للسنة السابقة (دولة جديدة أو فجوة في البيانات)",
    ),
    (re.compile(r"^no series recorded for this country yet$"), "لم تُسجَّل سلسلة لهذا البلد بعد"),
    (
        re.compile(r"^only (\d+) periods? of data; needs (\d+)$"),
        r"بيانات \1 فترة فقط؛ يلزم \2",
    ),
    (re.compile(r"^not enough history to fit the model$"), "التاريخ المتاح لا يكفي لتدريب النموذج"),
    (
        re.compile(
            r"^too few past outcomes to fit \((\d+) past country-periods met the "
            r"(?P<target>\S+) rule, (\d+) did not; needs (\d+) of each\)$"
        ),
        r"نتائج سابقة قليلة لتدريب النموذج "
        r"(\1 فترة استوفت قاعدة \2 و\3 لم تستوفها؛ يلزم \4 من كلٍّ منهما)",
    ),
)


def gap_reason(reason: str, lang: str) -> tuple[str, str]:
    """(text, direction) of a stored not-scored reason on a page in ``lang``."""
    if lang == "ar":
        for pattern, arabic in _GAP_REASONS_AR:
            m = pattern.match(reason)
            if m:
                text = m.expand(arabic)
                # The outcome rule is named by its target («موجة احتجاجات», not protest_wave).
                if target := m.groupdict().get("target"):
                    text = text.replace(target, f"«{i18n.label('target', target, 'ar')}»")
                return text, "rtl"
    return reason, "ltr"


def _targets() -> dict[str, tuple[str, str]]:
    out = {"mk_onset": ("", ""), "battle_deaths": ("", "")}
    for name, spec in load_targets().items():
        out[name] = (spec.label_ar, spec.label_en)
    return out


def _drivers(drivers: list[dict], lang: str, count_target: bool) -> list[str]:
    key = "label_ar" if lang == "ar" else "label_en"
    if count_target:
        return [f"{d[key]}: {i18n.fmt_number(float(d['contribution']), lang)}" for d in drivers]
    return [str(d[key]) for d in drivers]


@router.get("/forecasts", response_class=HTMLResponse)
def forecasts(request: Request, target: str = "mk_onset") -> HTMLResponse:
    lang = request_lang(request)
    names = load_crosswalk()
    labels = _targets()
    if target not in labels:
        target = "mk_onset"
    with request.app.state.runtime.sessions() as session:
        period = store.latest_period(session, target)
        scores = store.scores_for(session, target, period) if period else []
        gaps = store.gaps_for(session, target, period) if period else []
    count_target = target == "battle_deaths"
    rows = [
        Row(
            rank=s.rank,
            country=s.country,
            name=names.name(s.country, lang),
            score=s.score,
            low=s.quantiles.get("0.05") if s.quantiles else None,
            high=s.quantiles.get("0.95") if s.quantiles else None,
            change=s.change,
            drivers=_drivers(s.drivers, lang, count_target),
        )
        for s in scores
    ]
    gap_rows = [(g.country, names.name(g.country, lang), *gap_reason(g.reason, lang)) for g in gaps]
    target_labels = {
        k: (ar or i18n.translator(lang)(f"target.{k}"), en or i18n.translator(lang)(f"target.{k}"))
        for k, (ar, en) in labels.items()
    }
    return render(
        request,
        "forecasts.html",
        {
            "page": "forecasts",
            "target": target,
            "targets": {k: v[0] if lang == "ar" else v[1] for k, v in target_labels.items()},
            "period": period,
            "model": f"{scores[0].model_name} {scores[0].model_version}" if scores else None,
            "rows": rows,
            "gaps": gap_rows,
            "count_target": count_target,
        },
    )


@router.get("/forecasts/backtest", response_class=HTMLResponse)
def backtest_report(request: Request) -> HTMLResponse:
    lang = request_lang(request)
    t = i18n.translator(lang)
    rtl = lang == "ar"
    with request.app.state.runtime.sessions() as session:
        onset = store.latest_report(session, "mk_onset")
        deaths = store.latest_report(session, "battle_deaths")
    ctx: dict[str, object] = {"page": "backtest", "onset": None, "deaths": None}
    if onset:
        report, made = onset
        ctx["onset"] = report
        ctx["onset_made"] = made
        ctx["onset_svg"] = Markup(
            onset_reliability_svg(
                report,
                {
                    "wiqaya": t("bt.wiqaya"),
                    "ewp": t("bt.ewp"),
                    "title": t("bt.rel_title"),
                    "x": t("bt.rel_x"),
                    "y": t("bt.rel_y"),
                },
                rtl,
            )
        )
    if deaths:
        report, made = deaths
        ctx["deaths"] = report
        ctx["deaths_made"] = made
        ctx["deaths_svg"] = Markup(
            quantile_calibration_svg(
                report,
                {
                    "wiqaya": t("bt.wiqaya"),
                    "last": t("bt.last"),
                    "bootstrap": t("bt.bootstrap"),
                    "title": t("bt.q_title"),
                    "x": t("bt.q_x"),
                    "y": t("bt.q_y"),
                },
                rtl,
            )
        )
    return render(request, "forecasts_backtest.html", ctx)
