"""The watchlist: countries ranked by risk with change arrows and sparkline trends."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wiqaya.store.act import open_alert_counts
from wiqaya.store.browse import default_metric, forecast_choices, risk_table
from wiqaya.web import i18n
from wiqaya.web.charts.series import sparkline
from wiqaya.web.geo import countries
from wiqaya.web.pages.params import Params
from wiqaya.web.pages.risk_map import METRICS
from wiqaya.web.templating import render, request_lang

router = APIRouter(include_in_schema=False)
WINDOWS = ("1", "3", "6", "12")

i18n.register(
    {
        "watch.title": ("قائمة المراقبة", "Watchlist"),
        "watch.region": ("المنطقة", "Region"),
        "watch.all": ("كل المناطق", "All regions"),
        "watch.alerts": ("الإنذارات", "Alerts"),
        "watch.alerts_none": (
            "لا إنذارات مفتوحة لهذه الدول بعد. تظهر هنا حين تُطلق قواعد الإنذار.",
            "No open alerts for these countries yet. They appear once warning rules fire.",
        ),
        "watch.alerts_note": (
            "عمود الإنذارات يعدّ الإنذارات المفتوحة (جديدة أو مُقرّ بها أو مُصعّدة).",
            "The alerts column counts open alerts (new, acknowledged or escalated).",
        ),
        "watch.open_alerts": ("{n} إنذار مفتوح", "{n} open alerts"),
        "watch.up": ("ارتفاع", "up"),
        "watch.down": ("انخفاض", "down"),
        "watch.same": ("دون تغيير", "no change"),
        "watch.new": ("جديد", "new"),
        "watch.trend_of": ("اتجاه {c}", "Trend for {c}"),
        "watch.empty_region": (
            "لا توجد دول في هذه المنطقة بقيم للفترة المختارة.",
            "No country in this region has values for the chosen period.",
        ),
    }
)


@router.get("/watchlist", response_class=HTMLResponse)
def watchlist(request: Request) -> HTMLResponse:
    lang = request_lang(request)
    t = i18n.translator(lang)
    p = Params(dict(request.query_params))
    region_keys = [*countries.REGIONS, countries.OTHER]
    with request.app.state.runtime.sessions() as session:
        choices = forecast_choices(session)
        metric = p.choice("metric", METRICS, default_metric(session))
        window = int(p.choice("window", WINDOWS, "1"))
        region = p.choice("region", ["all", *region_keys], "all")
        target = p.free("target")
        table = risk_table(
            session,
            metric,
            window=window,
            forecast_key=target,
            countries=countries.region_members(region),
        )
        open_alerts = open_alert_counts(session)
    rows = []
    for rank, r in enumerate(table.rows, start=1):
        name = countries.name(r.country, lang)
        if r.change is None:
            arrow, word = "•", t("watch.new")
        elif r.change > 0:
            arrow, word = "▲", t("watch.up")
        elif r.change < 0:
            arrow, word = "▼", t("watch.down")
        else:
            arrow, word = "＝", t("watch.same")
        rows.append(
            {
                "rank": rank,
                "r": r,
                "region": countries.region_name(countries.region_of(r.country), lang),
                "arrow": arrow,
                "word": word,
                "dir": "up" if (r.change or 0) > 0 else "down" if (r.change or 0) < 0 else "flat",
                "spark": sparkline(r.trend, label=t("watch.trend_of", c=name)),
            }
        )
    return render(
        request,
        "watchlist.html",
        {
            "page": "watchlist",
            "table": table,
            "rows": rows,
            "metric": metric,
            "window": window,
            "windows": [int(w) for w in WINDOWS],
            "region": region,
            "regions": region_keys,
            "region_label": lambda k: countries.region_name(k, lang),
            "choices": choices,
            "metrics": METRICS,
            "digits": 0 if metric in ("events", "deaths") else 2,
            "rejected": p.rejected,
            "open_alerts": open_alerts,
            "any_alerts": any(open_alerts.get(r.country) for r in table.rows),
        },
    )
