"""Matching a mediation request: 72-hour rule, reasons, gender balance, no double booking."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wiqaya.act import service
from wiqaya.act.roster import make_request, match_team, women_required
from wiqaya.errors import ConflictError, InputError
from wiqaya.store.act import ExpertView

START = date(2026, 12, 1)
YEAR = ((date(2026, 1, 1), date(2027, 12, 31)),)


def view(
    i: int,
    name: str,
    gender: str,
    themes: set[str],
    langs: set[str],
    regions: set[str] = frozenset({"mena"}),
    windows=YEAR,
    booked=frozenset(),
) -> ExpertView:  # type: ignore[no-untyped-def]
    return ExpertView(
        i,
        name,
        gender,
        frozenset(themes),
        frozenset(langs),
        frozenset(regions),
        windows,
        frozenset(booked),
        False,
    )


def test_women_required_rule() -> None:
    assert [women_required(n) for n in (1, 2, 3, 4, 5, 10)] == [0, 1, 1, 1, 2, 4]


def test_ranked_team_with_reasons_and_coverage() -> None:
    experts = [
        view(1, "Karim", "man", {"power_sharing", "constitution_making"}, {"ar", "en"}),
        view(2, "Layla", "woman", {"ceasefire_security"}, {"ar", "fr"}),
        view(3, "Omar", "man", {"power_sharing"}, {"ar"}),
        view(4, "Sara", "woman", {"wealth_sharing"}, {"en"}, {"horn_of_africa"}),
    ]
    req = make_request(["power_sharing", "ceasefire-security"], ["ar"], "MENA", START, size=2)
    team = match_team(req, experts)
    assert [m.name for m in team.members] == ["Karim", "Layla"]
    karim = team.members[0]
    assert "themes: power_sharing" in karim.reasons
    assert "languages: ar" in karim.reasons
    assert "works in mena" in karim.reasons
    assert any("within 72 h" in r for r in karim.reasons)
    assert team.gender_rule_met and team.uncovered_themes == []
    # Sara has none of the requested themes: never proposed.
    assert all(m.name != "Sara" for m in team.ranked)


def test_gender_rule_swaps_in_the_best_qualified_woman() -> None:
    experts = [
        view(1, "Ahmed", "man", {"power_sharing"}, {"ar"}),
        view(2, "Basim", "man", {"power_sharing"}, {"ar"}),
        view(3, "Faisal", "man", {"power_sharing"}, {"ar"}),
        view(4, "Huda", "woman", {"power_sharing"}, set()),
    ]
    team = match_team(make_request(["power_sharing"], ["ar"], "mena", START, size=3), experts)
    assert sum(m.gender == "woman" for m in team.members) == 1
    assert "Huda" in [m.name for m in team.members]
    assert team.gender_rule_met
    assert any("replaces" in n for n in team.notes)


def test_gender_rule_unmet_is_said_not_hidden() -> None:
    experts = [view(i, f"M{i}", "man", {"power_sharing"}, {"ar"}) for i in range(4)]
    team = match_team(make_request(["power_sharing"], [], None, START, size=3), experts)
    assert len(team.members) == 3
    assert not team.gender_rule_met
    assert any("not met" in n for n in team.notes)


def test_72_hour_rule_and_bookings() -> None:
    late = ((START + timedelta(days=4), date(2027, 6, 1)),)
    within = ((START + timedelta(days=3), date(2027, 6, 1)),)
    busy = {START + timedelta(days=5)}
    experts = [
        view(1, "Late", "woman", {"process_design"}, {"ar"}, windows=late),
        view(2, "Within", "woman", {"process_design"}, {"ar"}, windows=within),
        view(3, "Busy", "woman", {"process_design"}, {"ar"}, booked=busy),
        view(
            4,
            "Ends early",
            "woman",
            {"process_design"},
            {"ar"},
            windows=((date(2026, 1, 1), START + timedelta(days=5)),),
        ),
        # Booked only on the first two days: can still arrive on day 3 (48 h).
        view(
            5,
            "Arrives later",
            "man",
            {"process_design"},
            {"ar"},
            booked={START, START + timedelta(days=1)},
        ),
    ]
    team = match_team(make_request(["process_design"], ["ar"], None, START, size=5), experts)
    names = {m.name: m for m in team.ranked}
    assert set(names) == {"Within", "Arrives later"}
    assert names["Within"].arrival == START + timedelta(days=3)
    assert names["Arrives later"].arrival == START + timedelta(days=2)
    assert any("only 2 deployable" in n for n in team.notes)


def test_bad_requests() -> None:
    with pytest.raises(InputError, match="unknown theme"):
        make_request(["astrology"], [], None, START)
    with pytest.raises(InputError):
        make_request(["power_sharing"], [], None, START, size=0)
    with pytest.raises(InputError):
        make_request(["power_sharing"], [], None, START, duration_days=1000)


def _seed(runtime) -> dict[str, int]:  # type: ignore[no-untyped-def]
    window = [(date(2026, 11, 1), date(2027, 3, 31))]
    ids = {}
    for name, gender, themes, langs in [
        ("مريم الحسيني", "woman", ["gender_inclusion", "process_design"], ["ar", "en"]),
        ("خالد العبيدي", "man", ["ceasefire_security"], ["ar"]),
        ("John Doe", "man", ["constitution_making"], ["en"]),
    ]:
        ids[name] = service.add_expert(
            runtime,
            name=name,
            gender=gender,
            themes=themes,
            languages=langs,
            regions=["mena"],
            windows=window,
        )["id"]
    return ids


def test_match_and_book_against_the_database(runtime) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(runtime)
    req = make_request(["ceasefire_security", "gender_inclusion"], ["ar"], "mena", START, size=2)
    team = service.match(runtime, req)
    assert {m.name for m in team.members} == {"مريم الحسيني", "خالد العبيدي"}
    booked = service.book_team(runtime, team, None)
    assert len(booked) == 2
    # Booked for the whole span: no longer deployable for an overlapping request.
    again = service.match(runtime, req)
    assert again.members == []
    # Booking one of them again directly is refused by the database.
    with pytest.raises(ConflictError):
        service.book(
            runtime, [ids["خالد العبيدي"]], START + timedelta(days=3), START + timedelta(days=4)
        )
    # All or nothing: a team booking with one unavailable member books nobody.
    with pytest.raises(ConflictError):
        service.book(
            runtime, [ids["John Doe"], ids["مريم الحسيني"]], START, START + timedelta(days=2)
        )
    later = service.match(runtime, make_request(["constitution_making"], [], None, START, size=1))
    assert [m.name for m in later.members] == ["John Doe"]


def test_booking_outside_availability_is_refused(runtime) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(runtime)
    with pytest.raises(ConflictError, match="availability"):
        service.book(runtime, [ids["John Doe"]], date(2027, 3, 30), date(2027, 4, 5))


def test_expert_validation(runtime) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="theme"):
        service.add_expert(
            runtime,
            name="X",
            gender="woman",
            themes=["cooking"],
            languages=["ar"],
            regions=["mena"],
        )
    with pytest.raises(InputError, match="gender"):
        service.add_expert(
            runtime,
            name="X",
            gender="?",
            themes=["power_sharing"],
            languages=["ar"],
            regions=["mena"],
        )
    service.add_expert(
        runtime,
        name="X",
        gender="woman",
        themes=["power_sharing"],
        languages=["ar"],
        regions=["mena"],
    )
    with pytest.raises(ConflictError):
        service.add_expert(
            runtime,
            name="X",
            gender="woman",
            themes=["power_sharing"],
            languages=["ar"],
            regions=["mena"],
        )
