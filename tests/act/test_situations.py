"""Situation files: creation, alerts filed once, responses, outcomes, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from tests.warn.factories import add_series
from wiqaya.act import service
from wiqaya.errors import ConflictError, InputError, NotFoundError
from wiqaya.store.engine import transaction
from wiqaya.store.warn import AlertFilter, list_alerts
from wiqaya.warn.rules import RuleSet, parse_rule
from wiqaya.warn.run import run_rules

RULES = RuleSet(
    "t",
    (
        parse_rule(
            {
                "name": "war",
                "kind": "threshold",
                "variable": "ucdp.bd_best",
                "freq": "year",
                "levels": {"high": 1000},
            }
        ),
    ),
)


def _alert_ids(runtime) -> list[int]:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_series(
            s, "LBY", "ucdp.bd_best", "year", {"2010": 0, "2011": 3762, "2012": 0, "2016": 1678}
        )
    run_rules(runtime, RULES)
    with runtime.sessions() as s:
        rows, _ = list_alerts(s, AlertFilter(country="LBY"))
    return sorted(a.id for a in rows)


def test_situation_groups_alerts_once(runtime) -> None:  # type: ignore[no-untyped-def]
    a1, a2 = _alert_ids(runtime)
    sit = service.create_situation(
        runtime,
        title_en="Libya",
        title_ar="ليبيا",
        region="MENA",
        country="lby",
        actors=[
            {"name": "حكومة الوفاق الوطني", "role": "party"},
            {"name": "UNSMIL", "role": "mediator"},
        ],
        alert_ids=[a1],
    )
    assert sit["country"] == "LBY"
    assert sit["actors"][0]["name"] == "حكومة الوفاق الوطني"
    assert service.attach_alerts(runtime, sit["id"], [a1, a2]) == [a2]
    other = service.create_situation(
        runtime, title_en="Libya south", title_ar="جنوب ليبيا", region="MENA"
    )
    with pytest.raises(ConflictError):
        service.attach_alerts(runtime, other["id"], [a1])
    with pytest.raises(NotFoundError):
        service.attach_alerts(runtime, other["id"], [999999])
    with pytest.raises(ConflictError):
        service.create_situation(runtime, title_en="Libya", title_ar="ليبيا", region="MENA")
    f = service.situation_file(runtime, sit["id"])
    assert [a["id"] for a in f["alerts"]] == [a1, a2]
    assert f["clock"]["status"] == "pending"


def test_responses_and_outcomes(runtime) -> None:  # type: ignore[no-untyped-def]
    sit = service.create_situation(
        runtime, title_en="Sudan", title_ar="السودان", region="Horn of Africa", country="SDN"
    )
    r = service.add_response(
        runtime,
        sit["id"],
        response_type="good_offices_regional",
        actor="African Union",
        taken_on=date(2023, 5, 6),
        notes="محادثات",
    )
    assert r["response_type"] == "good_offices_regional"
    o = service.add_outcome(runtime, sit["id"], outcome="escalated", observed_on=date(2023, 12, 1))
    assert o["outcome"] == "escalated"
    with pytest.raises(InputError, match="response type"):
        service.add_response(
            runtime, sit["id"], response_type="airstrike", actor="x", taken_on=date(2023, 1, 1)
        )
    with pytest.raises(InputError, match="outcome"):
        service.add_outcome(runtime, sit["id"], outcome="solved", observed_on=date(2023, 1, 1))
    with pytest.raises(NotFoundError):
        service.add_response(
            runtime, 424242, response_type="special_envoy", actor="x", taken_on=date(2023, 1, 1)
        )
    with pytest.raises(InputError, match="actor"):
        service.add_response(
            runtime, sit["id"], response_type="special_envoy", actor="  ", taken_on=date(2023, 1, 1)
        )


@pytest.mark.parametrize(
    "fields",
    [
        {"title_en": "", "title_ar": "x", "region": "MENA"},
        {"title_en": "x", "title_ar": "x", "region": "MENA", "country": "Iraq"},
        {"title_en": "x" * 301, "title_ar": "x", "region": "MENA"},
        {"title_en": "x\x00", "title_ar": "x", "region": "MENA"},
        {"title_en": "x", "title_ar": "x", "region": "MENA", "actors": [{"role": "no name"}]},
    ],
)
def test_bad_situations_are_refused(runtime, fields) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        service.create_situation(runtime, **fields)


def test_close_and_reopen(runtime) -> None:  # type: ignore[no-untyped-def]
    sit = service.create_situation(
        runtime, title_en="Somalia", title_ar="الصومال", region="Horn of Africa"
    )
    assert service.set_status(runtime, sit["id"], "closed", by="t")["status"] == "closed"
    assert service.set_status(runtime, sit["id"], "open", by="t")["status"] == "open"
    with pytest.raises(InputError):
        service.set_status(runtime, sit["id"], "archived", by="t")
