"""Alert rules over stored rows, deduplication of ongoing changes, and the alert life cycle."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.warn.factories import add_forecast, add_hit, add_series
from wiqaya.errors import ConflictError, InputError, NotFoundError
from wiqaya.store import warn as store
from wiqaya.store.engine import transaction
from wiqaya.warn.rules import RuleSet, load_rules, parse_rule
from wiqaya.warn.run import run_rules
from wiqaya.warn.service import move_alert

# Iraq's yearly battle deaths (UCDP 25.1, summed over dyads located in Iraq).
IRAQ = {
    "2005": 2608, "2006": 3923, "2007": 2212, "2008": 2112, "2009": 1036, "2010": 989,
    "2011": 864, "2012": 565, "2013": 1870, "2014": 13797, "2015": 10982,
}  # fmt: skip

RULES = RuleSet(
    version="test",
    rules=(
        parse_rule(
            {
                "name": "bd-war",
                "kind": "threshold",
                "variable": "ucdp.bd_best",
                "freq": "year",
                "levels": {"medium": 1000, "critical": 10000},
            }
        ),
        parse_rule(
            {
                "name": "bd-surge",
                "kind": "change",
                "variable": "ucdp.bd_best",
                "freq": "year",
                "baseline": 5,
                "k": 1.0,
                "h": 4.0,
            }
        ),
        parse_rule(
            {
                "name": "fc",
                "kind": "threshold",
                "source": "forecast",
                "variable": "escalation",
                "freq": "month",
                "levels": {"medium": 0.3, "high": 0.6},
            }
        ),
        parse_rule(
            {
                "name": "hate-elect",
                "kind": "cluster",
                "indicators": ["hate_speech", "electoral_violence"],
                "window_days": 42,
            }
        ),
    ),
)


def _alerts(runtime, **kw):  # type: ignore[no-untyped-def]
    with runtime.sessions() as s:
        rows, total = store.list_alerts(s, store.AlertFilter(**kw), limit=500)
        return [store.alert_dict(a) for a in rows], total


def test_threshold_and_change_alerts_with_evidence(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_series(s, "IRQ", "ucdp.bd_best", "year", IRAQ)
    summary = run_rules(runtime, RULES)
    assert summary.created >= 3
    alerts, _ = _alerts(runtime, country="IRQ")
    by_rule = {}
    for a in alerts:
        by_rule.setdefault(a["rule"], []).append(a)
    # 2005-2010 above 1,000, a gap (2011-2012 below), then 2013-2015 again.
    war = sorted(by_rule["bd-war"], key=lambda a: a["period_start"])
    assert [(a["period_start"], a["period_end"]) for a in war] == [
        ("2005", "2009"),
        ("2013", "2015"),
    ]
    assert war[1]["severity"] == "critical"
    assert [p["period"] for p in war[1]["evidence"]["series"]] == ["2013", "2014", "2015"]
    surge = by_rule["bd-surge"]
    assert len(surge) == 1
    assert surge[0]["period_start"] == "2013"
    assert surge[0]["evidence"]["test"]["method"] == "cusum"
    assert surge[0]["evidence"]["test"]["alarm_period"] == "2014"
    # The clock starts when the alarm year's data is complete.
    assert surge[0]["warned_at"].startswith("2015-01-01")
    assert "ارتفاع مفاجئ" in surge[0]["summary_ar"]


def test_rerun_and_newer_data_do_not_duplicate(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_series(s, "IRQ", "ucdp.bd_best", "year", IRAQ)
    run_rules(runtime, RULES)
    _, total = _alerts(runtime)
    again = run_rules(runtime, RULES)
    assert again.created == 0 and again.updated == 0
    with transaction(runtime.sessions) as s:
        add_series(s, "IRQ", "ucdp.bd_best", "year", {"2016": 9775})
    third = run_rules(runtime, RULES)
    assert third.created == 0
    assert third.updated >= 1
    alerts, total_after = _alerts(runtime, rule="bd-war")
    assert total_after == 2
    assert max(a["period_end"] for a in alerts) == "2016"
    assert _alerts(runtime)[1] == total


def test_forecast_threshold_uses_forecast_ids(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_forecast(s, "LBY", "2026-08", 0.12)
        add_forecast(s, "LBY", "2026-09", 0.41)
        add_forecast(s, "LBY", "2026-10", 0.66)
    run_rules(runtime, RULES, only="fc")
    alerts, total = _alerts(runtime, rule="fc")
    assert total == 1
    a = alerts[0]
    assert (a["period_start"], a["period_end"], a["severity"]) == ("2026-09", "2026-10", "high")
    assert len(a["evidence"]["forecasts"]) == 2


def test_cluster_of_hate_speech_and_electoral_violence(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        h1 = add_hit(
            s, "IRQ", "hate_speech", date(2026, 3, 1), "خطاب كراهية ضد المكون الآخر قبيل الانتخابات"
        )
        h2 = add_hit(
            s,
            "IRQ",
            "electoral_violence",
            date(2026, 3, 20),
            "اغتيال مرشح للانتخابات البرلمانية في البصرة",
        )
        # Same indicators far apart in Libya: no cluster.
        add_hit(s, "LBY", "hate_speech", date(2026, 1, 1), "تحريض على العنف في طرابلس")
        add_hit(s, "LBY", "electoral_violence", date(2026, 6, 1), "هجوم على مركز اقتراع في سبها")
    run_rules(runtime, RULES, only="hate-elect")
    alerts, total = _alerts(runtime, rule="hate-elect")
    assert total == 1
    a = alerts[0]
    assert a["country"] == "IRQ"
    assert a["period_start"] == "2026-03-20"
    assert a["evidence"]["indicator_hits"] == [h1, h2]
    assert len(a["evidence"]["documents"]) == 2
    # A later hit inside the window extends the same episode.
    with transaction(runtime.sessions) as s:
        add_hit(s, "IRQ", "hate_speech", date(2026, 4, 10), "منشورات تحرض على الكراهية الطائفية")
    run_rules(runtime, RULES, only="hate-elect")
    alerts, total = _alerts(runtime, rule="hate-elect")
    assert total == 1
    assert alerts[0]["period_end"] == "2026-04-10"


def _one_alert(runtime) -> int:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_series(s, "IRQ", "ucdp.bd_best", "year", IRAQ)
    run_rules(runtime, RULES, only="bd-surge")
    alerts, _ = _alerts(runtime, rule="bd-surge")
    return alerts[0]["id"]


def test_state_machine(runtime) -> None:  # type: ignore[no-untyped-def]
    aid = _one_alert(runtime)
    with pytest.raises(ConflictError):
        move_alert(runtime, aid, "escalated", reason=None, actor="t")
    assert (
        move_alert(runtime, aid, "acknowledged", reason=None, actor="t")["state"] == "acknowledged"
    )
    with pytest.raises(ConflictError):
        move_alert(runtime, aid, "acknowledged", reason=None, actor="t")
    with pytest.raises(InputError):
        move_alert(runtime, aid, "dismissed", reason="   ", actor="t")
    done = move_alert(runtime, aid, "dismissed", reason="ضجيج في البيانات", actor="analyst")
    assert done["state"] == "dismissed" and done["state_reason"] == "ضجيج في البيانات"
    with pytest.raises(ConflictError):
        move_alert(runtime, aid, "escalated", reason=None, actor="t")
    with pytest.raises(NotFoundError):
        move_alert(runtime, 999_999, "acknowledged", reason=None, actor="t")
    with runtime.sessions() as s:
        history = store.transitions(s, [aid])
    assert [(t.from_state, t.to_state) for t in history] == [
        ("new", "acknowledged"),
        ("acknowledged", "dismissed"),
    ]


def test_dismissed_change_stays_dismissed_when_it_continues(runtime) -> None:  # type: ignore[no-untyped-def]
    aid = _one_alert(runtime)
    move_alert(runtime, aid, "acknowledged", reason=None, actor="t")
    move_alert(runtime, aid, "dismissed", reason="known", actor="t")
    with transaction(runtime.sessions) as s:
        add_series(s, "IRQ", "ucdp.bd_best", "year", {"2016": 9775})
    run_rules(runtime, RULES, only="bd-surge")
    alerts, total = _alerts(runtime, rule="bd-surge")
    assert total == 1 and alerts[0]["state"] == "dismissed"


def test_bundled_rules_load_and_bad_rules_are_explained(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rules = load_rules()
    assert {r.kind for r in rules.rules} == {"threshold", "change", "cluster"}
    bad = tmp_path / "r.json"
    bad.write_text(json.dumps({"rules": [{"name": "x", "kind": "change", "variable": "v"}]}))
    with pytest.raises(InputError, match="baseline"):
        load_rules(bad)
    bad.write_text("{not json")
    with pytest.raises(InputError, match="not valid JSON"):
        load_rules(bad)
    with pytest.raises(InputError, match="not found"):
        load_rules(tmp_path / "missing.json")


def test_event_series_change_cites_the_events(runtime) -> None:  # type: ignore[no-untyped-def]
    from tests.warn.factories import add_event

    months = [f"{2024 + (m // 12)}-{m % 12 + 1:02d}" for m in range(30)]
    values = {p: 4.0 + (i % 3) for i, p in enumerate(months[:26])}
    values.update({p: 30.0 for p in months[26:]})
    rules = RuleSet(
        "t",
        (
            parse_rule(
                {
                    "name": "assault",
                    "kind": "change",
                    "variable": "events.ASSAULT",
                    "freq": "month",
                    "baseline": 24,
                    "k": 1.0,
                    "h": 5.0,
                    "min_value": 3,
                }
            ),
        ),
    )
    with transaction(runtime.sessions) as s:
        add_series(s, "YEM", "events.ASSAULT", "month", values)
        inside = add_event(
            s, "YEM", "ASSAULT", date(2026, 3, 14), "قصف مدفعي على أحياء سكنية في تعز"
        )
        add_event(s, "YEM", "ASSAULT", date(2025, 1, 5), "هجوم قبل التغير لا يدخل في الأدلة")
        add_event(s, "YEM", "PROTEST", date(2026, 3, 15), "مظاهرة في صنعاء")
    run_rules(runtime, rules)
    alerts, total = _alerts(runtime, rule="assault")
    assert total == 1
    a = alerts[0]
    assert a["period_start"] == "2026-03"
    assert a["evidence"]["events"] == [inside]
    assert len(a["evidence"]["documents"]) == 1


def test_cluster_detector_on_many_hits_is_linear_and_capped() -> None:
    from datetime import timedelta

    from wiqaya.warn.detect import MAX_EVIDENCE, Hit, evaluate_cluster

    rule = parse_rule(
        {
            "name": "c",
            "kind": "cluster",
            "indicators": ["hate_speech", "electoral_violence"],
            "window_days": 14,
        }
    )
    start = date(2020, 1, 1)
    hits = [
        Hit(
            i,
            "IRQ",
            "hate_speech" if i % 2 else "electoral_violence",
            start + timedelta(days=i // 10),
            i,
        )
        for i in range(20_000)
    ]
    # A gap of a month, then the pair again: a second episode.
    later = start + timedelta(days=2_000 + 30)
    hits += [
        Hit(30_001, "IRQ", "hate_speech", later, 1),
        Hit(30_002, "IRQ", "electoral_violence", later, 2),
    ]
    out = evaluate_cluster(rule, hits)
    assert [c.period_start for c in out] == ["2020-01-01", later.isoformat()]
    assert out[0].evidence["indicator_hits_total"] == 20_000
    assert len(out[0].evidence["indicator_hits"]) == MAX_EVIDENCE
