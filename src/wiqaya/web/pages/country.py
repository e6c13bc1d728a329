"""A country's page: series charts, the forecast with its interval, latest events with evidence."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wiqaya.act import latency as latency_mod
from wiqaya.store import act as act_store
from wiqaya.store import warn as warn_store
from wiqaya.store.browse import Series, country_profile
from wiqaya.web import i18n
from wiqaya.web.charts.series import MAX_SERIES, Line, line_chart
from wiqaya.web.geo import countries
from wiqaya.web.pages.params import ISO3, Params
from wiqaya.web.templating import render, request_lang

router = APIRouter(include_in_schema=False)

i18n.register(
    {
        "country.events_by_type": ("الأحداث حسب النوع شهرياً", "Events by type per month"),
        "country.indicators": ("مؤشرات الإنذار شهرياً", "Warning indicators per month"),
        "country.battle_deaths": ("وفيات المعارك حسب السنة (UCDP)", "Battle deaths by year (UCDP)"),
        "country.forecast": ("التوقّع مع مجال عدم اليقين", "Forecast with its interval"),
        "country.forecast_line": ("التوقّع", "Forecast"),
        "country.series": ("السلاسل وراء التوقّعات", "Series behind the forecasts"),
        "country.events_total": ("الأحداث حسب النوع (المجموع)", "Events by type (total)"),
        "country.indicators_total": (
            "مؤشرات الإنذار (المجموع)",
            "Warning indicators (total)",
        ),
        "country.undated": (
            "لا تحمل هذه الأحداث تواريخ، فتُعرض مجاميعها بدل سلسلة زمنية.",
            "These records carry no dates, so totals are shown instead of a time series.",
        ),
        "country.interval": ("المجال", "Interval"),
        "country.period": ("الفترة", "Period"),
        "country.latest_events": ("أحدث الأحداث مع الأدلة", "Latest events with evidence"),
        "country.total_events": ("مجموع الأحداث المرمّزة: {n}", "Coded events in total: {n}"),
        "country.type": ("النوع", "Type"),
        "country.date": ("التاريخ", "Date"),
        "country.place": ("المكان", "Place"),
        "country.actors": ("الفاعلون", "Actors"),
        "country.evidence": ("الدليل", "Evidence"),
        "country.document": ("الوثيقة", "Document"),
        "country.no_events": (
            "لا توجد أحداث مرمّزة لهذه الدولة بعد.",
            "No coded events for this country yet.",
        ),
        "country.no_indicators": (
            "لم تُرصد مؤشرات إنذار لهذه الدولة بعد.",
            "No warning indicators found for this country yet.",
        ),
        "country.no_bd": (
            "لا توجد سلسلة وفيات معارك لهذه الدولة بعد.",
            "No battle-deaths series for this country yet.",
        ),
        "country.no_forecast": (
            "لا توجد توقّعات لهذه الدولة بعد.",
            "No forecast for this country yet.",
        ),
        "country.drivers": ("أبرز العوامل", "Main drivers"),
        "country.alerts": ("الإنذارات", "Alerts"),
        "country.situations": ("ملفات الحالة", "Situation files"),
        "country.partners": ("الشركاء الحاضرون", "Partners present"),
        "country.no_alerts": (
            "لا إنذارات لهذه الدولة بعد. تظهر هنا حين تُطلق قواعد الإنذار.",
            "No alerts for this country yet. They appear here once warning rules fire.",
        ),
        "country.no_situations": (
            "لا ملفات حالة لهذه الدولة بعد.",
            "No situation files for this country yet.",
        ),
        "country.no_partners": (
            "لا شركاء مسجّلون لهذه الدولة بعد.",
            "No partners recorded for this country yet.",
        ),
        "country.alerts_shown": (
            "أحدث {n} من {total} إنذار",
            "Latest {n} of {total} alerts",
        ),
        "country.all_alerts": ("كل إنذارات هذه الدولة", "All alerts for this country"),
        "country.rule": ("القاعدة", "Rule"),
        "country.status": ("الوضع", "Status"),
        "country.latency": ("من الإنذار إلى الاستجابة", "Warning to response"),
        "country.role": ("الدور", "Role"),
        "country.kind": ("النوع", "Kind"),
        "country.role_member": ("عضو تنتمي إليه الدولة", "Group the country belongs to"),
        "country.unknown": (
            "رمز الدولة غير معروف: {code}. استخدم رمز ISO من ثلاثة أحرف مثل IRQ.",
            "Unknown country code: {code}. Use a three-letter ISO code such as IRQ.",
        ),
        "country.empty": (
            "لا توجد بيانات لهذه الدولة بعد. تظهر الرسوم حين تُرمَّز الأحداث وتُحسب السلاسل.",
            "No data for this country yet. Charts appear once events are coded "
            "and series computed.",
        ),
        "country.confidence": ("الثقة", "Confidence"),
        "country.to_events": ("كل أحداث هذه الدولة", "All events for this country"),
        "country.to_documents": ("وثائق هذه الدولة", "Documents about this country"),
    }
)


@router.get("/country/{code}", response_class=HTMLResponse)
def country_page(request: Request, code: str) -> HTMLResponse:
    lang = request_lang(request)
    t = i18n.translator(lang)
    if not ISO3.match(code) or not countries.known(code):
        return render(
            request,
            "message.html",
            {"page": "country", "heading": code, "message": t("country.unknown", code=code)},
            status_code=404,
        )
    code = code.upper()
    p = Params(dict(request.query_params))
    with request.app.state.runtime.sessions() as session:
        prof = country_profile(session, code, forecast_key=p.free("target"))
        alert_rows, alert_total = warn_store.list_alerts(
            session, warn_store.AlertFilter(country=code), limit=10
        )
        alerts = [warn_store.alert_dict(a) for a in alert_rows]
        filed = act_store.alert_situations(session, [a["id"] for a in alerts])
        sits, _ = act_store.list_situations(session, country=code, limit=20)
        sit_ids = [s_.id for s_ in sits]
        clocks = {
            c.situation_id: latency_mod.make_clock(c, date.today())
            for c in (act_store.clock_rows(session, sit_ids) if sit_ids else [])
        }
        situations = [{**act_store.situation_dict(s_), "clock": clocks.get(s_.id)} for s_ in sits]
        partners = [
            {**act_store.partner_dict(p_), "role": role}
            for p_, role in act_store.country_partners(session, code, sit_ids)
        ]

    def period_label(period: str) -> str:
        return i18n.fmt_month(period, lang)

    def number(v: float) -> str:
        return i18n.fmt_number(v, lang, 0 if v >= 10 or v == int(v) else 2)

    charts: dict[str, object] = {}
    notes: dict[str, str] = {}
    if prof.events_by_type:
        charts["events"] = line_chart(
            prof.months,
            [
                Line(i18n.label("plover", k, lang), v)
                for k, v in list(prof.events_by_type.items())[:MAX_SERIES]
            ],
            title=t("country.events_by_type"),
            lang=lang,
            period_label=period_label,
            number=number,
        )
    elif prof.type_totals:
        # Events without dates cannot go on a time axis: show their totals by type.
        types = list(prof.type_totals)[:12]
        charts["events"] = line_chart(
            types,
            [Line(t("country.events_total"), [prof.type_totals[k] for k in types])],
            title=t("country.events_total"),
            lang=lang,
            period_label=lambda k: i18n.label("plover", k, lang),
            number=number,
            kind="bar",
            label_every=True,
        )
        notes["events"] = t("country.undated")
    if prof.indicators:
        charts["indicators"] = line_chart(
            prof.months,
            [
                Line(i18n.label("indicator", k, lang), v)
                for k, v in list(prof.indicators.items())[:MAX_SERIES]
            ],
            title=t("country.indicators"),
            lang=lang,
            period_label=period_label,
            number=number,
        )
    elif prof.indicator_totals:
        keys = list(prof.indicator_totals)[:7]
        charts["indicators"] = line_chart(
            keys,
            [Line(t("country.indicators_total"), [prof.indicator_totals[k] for k in keys])],
            title=t("country.indicators_total"),
            lang=lang,
            period_label=lambda k: i18n.label("indicator", k, lang),
            number=number,
            kind="bar",
            label_every=True,
            height=300,
        )
        notes["indicators"] = t("country.undated")
    bd = next((s for s in prof.stored_series if s.key == "ucdp.bd_best"), None)
    if bd is not None:
        charts["bd"] = line_chart(
            [p_ for p_, _ in bd.points],
            [Line(i18n.variable_label(bd.key, lang), [v for _, v in bd.points])],
            title=t("country.battle_deaths"),
            lang=lang,
            period_label=period_label,
            number=number,
            kind="bar",
        )
    forecasts = []
    for choice, points in prof.forecasts:
        name = i18n.label("target", choice.target, lang)
        forecasts.append(
            {
                "choice": choice,
                "name": name,
                "latest": points[-1],
                "drivers": points[-1].drivers[:5],
                "chart": line_chart(
                    [f.period for f in points],
                    [
                        Line(
                            name,
                            [f.score for f in points],
                            low=[f.low for f in points],
                            high=[f.high for f in points],
                        )
                    ],
                    title=f"{t('country.forecast_line')}: {name}",
                    lang=lang,
                    period_label=period_label,
                    number=number,
                ),
            }
        )
    # The series behind the forecasts: the stored series its drivers name.
    by_key = {s.key: s for s in prof.stored_series}
    driver_lines: list[tuple[str, Series]] = []
    for f in forecasts:
        for d in f["drivers"]:
            feature = str(d.get("feature", ""))
            match = by_key.get(feature) or next(
                (s for k, s in by_key.items() if k.endswith("." + feature)), None
            )
            label = str(d.get(f"label_{lang}") or feature)
            if (
                match is not None
                and match.key != "ucdp.bd_best"
                and all(m.key != match.key for _, m in driver_lines)
            ):
                driver_lines.append((label, match))
    series_charts = []
    for freq in sorted({s.freq for _, s in driver_lines}):
        group = [(lab, s) for lab, s in driver_lines if s.freq == freq][:MAX_SERIES]
        periods = sorted({pp for _, s in group for pp, _ in s.points})[-30:]
        series_charts.append(
            line_chart(
                periods,
                [Line(lab, [dict(s.points).get(pp) for pp in periods]) for lab, s in group],
                title=t("country.series"),
                lang=lang,
                period_label=period_label,
                number=number,
            )
        )
    return render(
        request,
        "country.html",
        {
            "page": "country",
            "code": code,
            "prof": prof,
            "charts": charts,
            "series_charts": series_charts,
            "forecasts": forecasts,
            "notes": notes,
            "region": countries.region_name(countries.region_of(code), lang),
            "rejected": p.rejected,
            "alerts": alerts,
            "alert_total": alert_total,
            "filed": filed,
            "situations": situations,
            "partners": partners,
        },
    )
