"""Forecast pages in Arabic and English, the SVG calibration plots, and the JSON route."""

from __future__ import annotations

import pytest

from tests.helpers import logged_in_client
from wiqaya.runtime import Runtime
from wiqaya.store import assess as store
from wiqaya.web.pages.forecasts import gap_reason

REPORT_ONSET = {
    "target": "mk_onset",
    "model": "mk_onset_ewp_ens 1.0",
    "years": [1994, 2024],
    "country_years": 5032,
    "onsets": 39,
    "seconds": 12.5,
    "scores": {
        k: {"auc": 0.85, "brier": 0.0076, "top30": 0.69} for k in ("wiqaya", "ewp", "ewp_2yr")
    },
    "reliability": {
        k: [
            {
                "lower": 0.0,
                "upper": 0.01,
                "mean_forecast": 0.005,
                "observed_rate": 0.002,
                "count": 500,
            },
            {
                "lower": 0.01,
                "upper": 0.2,
                "mean_forecast": 0.05,
                "observed_rate": 0.06,
                "count": 500,
            },
        ]
        for k in ("wiqaya", "ewp")
    },
}
REPORT_BD = {
    "target": "battle_deaths",
    "model": "bd_bins 1.0",
    "years": [2015, 2024],
    "country_years": 1750,
    "active_country_years": 400,
    "seconds": 1.0,
    "scores": {
        k: {"pinball": 200.0, "coverage90": 0.95, "coverage90_active": 0.8, "pinball_active": 900.0}
        for k in ("wiqaya", "last", "bootstrap")
    },
    "quantile_calibration": {
        "levels": [0.05, 0.5, 0.95],
        "wiqaya": [0.1, 0.5, 0.9],
        "last": [0.2, 0.6, 0.9],
        "bootstrap": [0.1, 0.4, 0.99],
    },
}


def _seed(runtime: Runtime) -> None:
    drivers = [
        {
            "feature": "battledeaths.log2",
            "label_ar": "وفيات المعارك",
            "label_en": "Battle deaths",
            "contribution": 0.8,
        }
    ]
    with runtime.sessions.begin() as s:
        store.store_scores(
            s,
            "mk_onset_ewp_ens",
            "1.0",
            "mk_onset",
            "2025",
            [
                store.ScoreRow(
                    "mk_onset_ewp_ens",
                    "1.0",
                    "mk_onset",
                    "SDN",
                    "year",
                    "2025",
                    0.074,
                    None,
                    1,
                    -0.02,
                    drivers,
                ),
                store.ScoreRow(
                    "mk_onset_ewp_ens",
                    "1.0",
                    "mk_onset",
                    "IRQ",
                    "year",
                    "2025",
                    0.02,
                    None,
                    2,
                    None,
                    [],
                ),
            ],
            [
                store.GapRow(
                    "mk_onset_ewp_ens",
                    "1.0",
                    "mk_onset",
                    "AND",
                    "year",
                    "2025",
                    "not covered by the EWP predictors",
                )
            ],
        )
        store.save_report(s, REPORT_ONSET)
        store.save_report(s, REPORT_BD)


def test_forecasts_page_arabic_and_english(runtime: Runtime) -> None:
    _seed(runtime)
    client = logged_in_client(runtime)
    ar = client.get("/forecasts")
    assert ar.status_code == 200
    assert 'dir="rtl"' in ar.text and "السودان" in ar.text and "وفيات المعارك" in ar.text
    assert "7.4%" in ar.text
    irq_row = ar.text.split("<code>IRQ</code>")[1].split("</tr>")[0]
    assert "—" in irq_row  # no previous score: no change shown, not zero
    assert "أندورا" in ar.text and "غير مشمول بمتنبّئات مشروع الإنذار المبكر (EWP)" in ar.text
    assert "not covered by the EWP predictors" in client.get("/forecasts?lang=en").text
    assert 'href="/forecasts"' in ar.text  # reachable from the nav
    en = client.get("/forecasts?lang=en")
    assert "Sudan" in en.text and "Battle deaths" in en.text and "-2.0" in en.text


def test_backtest_page_draws_svg_with_arabic_labels(runtime: Runtime) -> None:
    _seed(runtime)
    client = logged_in_client(runtime)
    page = client.get("/forecasts/backtest")
    assert page.status_code == 200
    assert page.text.count("<svg") == 2 and "<script" not in page.text
    assert 'direction="rtl"' in page.text and "معايرة احتمال البداية" in page.text
    en = client.get("/forecasts/backtest?lang=en").text
    assert "Reliability of onset probabilities" in en and 'direction="rtl"' not in en


def test_empty_pages_say_what_to_run(runtime: Runtime) -> None:
    client = logged_in_client(runtime)
    assert "wiqaya forecast run" in client.get("/forecasts?lang=en").text
    assert "wiqaya forecast report" in client.get("/forecasts/backtest?lang=en").text


def test_json_route_and_error_shape(runtime: Runtime) -> None:
    _seed(runtime)
    client = logged_in_client(runtime)
    body = client.get("/api/v1/forecasts/mk_onset").json()
    assert body["period"] == "2025" and body["scores"][0]["country"] == "SDN"
    assert body["not_scored"] == [{"country": "AND", "reason": "not covered by the EWP predictors"}]
    missing = client.get("/api/v1/forecasts/coups")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E-NF-040"


def test_a_target_with_only_gaps_shows_the_reasons(runtime: Runtime) -> None:
    with runtime.sessions.begin() as s:
        store.store_scores(
            s,
            "series_logit_escalation",
            "1.0",
            "escalation",
            "2026-01",
            [],
            [
                store.GapRow(
                    "series_logit_escalation",
                    "1.0",
                    "escalation",
                    "IRQ",
                    "month",
                    "2026-01",
                    "only 1 period of data; needs 3",
                )
            ],
        )
    client = logged_in_client(runtime)
    page = client.get("/forecasts?target=escalation&lang=en").text
    assert "No country could be scored" in page
    assert "only 1 period of data; needs 3" in page and "Iraq" in page
    ar = client.get("/forecasts?target=escalation&lang=ar").text
    assert '<td dir="rtl">بيانات 1 فترة فقط؛ يلزم 3</td>' in ar


@pytest.mark.parametrize(
    ("reason", "arabic"),
    [
        ("no series recorded for this country yet", "لم تُسجَّل سلسلة لهذا البلد بعد"),
        ("only 2 periods of data; needs 3", "بيانات 2 فترة فقط؛ يلزم 3"),
        (
            "too few past outcomes to fit (2 past country-periods met the protest_wave rule, "
            "1127 did not; needs 5 of each)",
            "نتائج سابقة قليلة لتدريب النموذج (2 فترة استوفت قاعدة «موجة احتجاجات» و1127 لم "
            "تستوفها؛ يلزم 5 من كلٍّ منهما)",
        ),
        (
            "no EWP predictors for the year before (new state or gap)",
            "لا متنبّئات من EWP للسنة السابقة (دولة جديدة أو فجوة في البيانات)",
        ),
    ],
)
def test_not_scored_reasons_read_in_arabic(reason: str, arabic: str) -> None:
    assert gap_reason(reason, "ar") == (arabic, "rtl")
    assert gap_reason(reason, "en") == (reason, "ltr")
    # A reason no pattern knows is shown as stored, left to right.
    assert gap_reason("a new reason", "ar") == ("a new reason", "ltr")
