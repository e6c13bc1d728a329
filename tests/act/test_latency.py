"""The warning-to-action clock: definition, summary figures and the stored computation."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.warn.factories import add_series
from wiqaya.act import service
from wiqaya.act.latency import bucket, latency_report, summarise
from wiqaya.store.act import ClockRow
from wiqaya.store.engine import transaction
from wiqaya.store.warn import AlertFilter, list_alerts
from wiqaya.warn.rules import RuleSet, parse_rule
from wiqaya.warn.run import run_rules


def row(
    i: int, region: str, alert: datetime | None, resp: date | None, kind: str | None = None
) -> ClockRow:
    return ClockRow(i, f"S{i}", f"ح{i}", region, None, False, alert, None, resp, kind)


def test_summary_quantiles() -> None:
    s = summarise([10, 2, 30, 4])
    assert (s.n, s.median, s.minimum, s.maximum) == (4, 7.0, 2, 30)
    assert s.p25 == pytest.approx(3.5) and s.p75 == pytest.approx(15.0)
    assert summarise([]).median is None


def test_buckets() -> None:
    assert [bucket(d) for d in (-3, 0, 7, 8, 30, 31, 365, 366)] == [
        "before warning", "0-7 days", "0-7 days", "8-30 days", "8-30 days",
        "31-90 days", "91-365 days", "over a year",
    ]  # fmt: skip


def test_report_over_situations() -> None:
    rows = [
        row(1, "MENA", datetime(2026, 1, 1), date(2026, 1, 11), "statement_of_concern"),
        row(2, "MENA", datetime(2026, 1, 1, 18), date(2026, 3, 2), "special_envoy"),
        row(3, "Horn of Africa", datetime(2026, 2, 1), date(2026, 1, 20), "good_offices_regional"),
        row(4, "MENA", datetime(2026, 5, 1), None),
        row(5, "MENA", None, date(2026, 5, 1), "statement_of_concern"),
    ]
    r = latency_report(rows, today=date(2026, 5, 31))
    lat = {c.situation_id: c.latency_days for c in r.clocks}
    assert lat == {1: 10, 2: 60, 3: -12, 4: None, 5: None}
    assert r.overall.n == 3 and r.overall.median == 10.0
    assert r.pending == 1 and r.clocks[3].running_days == 30
    assert r.before_warning == 1
    assert r.by_region["MENA"].n == 2 and r.by_region["MENA"].median == 35.0
    assert r.by_response_type["special_envoy"].median == 60.0
    assert dict(r.distribution)["before warning"] == 1
    assert r.clocks[4].status == "no alert"


def test_latency_from_stored_alerts_and_responses(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_series(
            s,
            "SYR",
            "ucdp.bd_best",
            "year",
            {str(y): 0 for y in range(2005, 2011)} | {"2011": 1203, "2012": 50490},
        )
    rules = RuleSet(
        "t",
        (
            parse_rule(
                {
                    "name": "surge",
                    "kind": "change",
                    "variable": "ucdp.bd_best",
                    "freq": "year",
                    "baseline": 5,
                    "k": 1.0,
                    "h": 4.0,
                }
            ),
        ),
    )
    run_rules(runtime, rules)
    with runtime.sessions() as s:
        alerts, _ = list_alerts(s, AlertFilter(country="SYR"))
    assert alerts and alerts[0].warned_at == datetime(2012, 1, 1)
    sit = service.create_situation(
        runtime,
        title_en="Syria 2011",
        title_ar="سوريا 2011",
        region="MENA",
        country="SYR",
        alert_ids=[alerts[0].id],
    )
    service.add_response(
        runtime,
        sit["id"],
        response_type="special_envoy",
        actor="UN and League of Arab States",
        taken_on=date(2012, 2, 23),
    )
    service.add_response(
        runtime,
        sit["id"],
        response_type="statement_of_concern",
        actor="x",
        taken_on=date(2012, 3, 1),
    )
    report = service.latency(runtime, today=date(2026, 1, 1))
    clock = next(c for c in report.clocks if c.situation_id == sit["id"])
    assert clock.latency_days == 53
    assert clock.first_response_type == "special_envoy"
    f = service.situation_file(runtime, sit["id"])
    assert f["clock"]["latency_days"] == 53
    assert [e["kind"] for e in f["timeline"]] == ["alert", "response", "response"]
