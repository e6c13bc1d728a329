"""Property tests for the small parsers the act and warn stages rely on."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiqaya.act.service import parse_amount
from wiqaya.errors import InputError
from wiqaya.warn.periods import ordinal, period_close


@given(st.integers(min_value=0, max_value=10**12))
def test_amount_round_trip(cents: int) -> None:
    text = f"{Decimal(cents) / 100:,.2f}"
    assert parse_amount(text) == cents


@given(st.text(max_size=20))
def test_amount_parser_never_crashes(text: str) -> None:
    try:
        value = parse_amount(text)
    except InputError:
        return
    assert isinstance(value, int)


@given(st.integers(min_value=1900 * 12, max_value=2199 * 12 + 11))
def test_month_ordinal_and_close_agree(n: int) -> None:
    period = f"{n // 12:04d}-{n % 12 + 1:02d}"
    assert ordinal(period, "month") == n
    close = period_close(period, "month")
    assert close.day == 1
    assert ordinal(f"{close.year:04d}-{close.month:02d}", "month") == n + 1


@pytest.mark.parametrize("bad", ["2024-13", "2024-00", "24-01", "2024/01", ""])
def test_bad_month_periods(bad: str) -> None:
    with pytest.raises(InputError):
        ordinal(bad, "month")


THEME_LIST = ["process_design", "ceasefire_security", "constitution_making", "power_sharing"]


@st.composite
def rosters(draw):  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from wiqaya.store.act import ExpertView

    start = date(2026, 12, 1)
    n = draw(st.integers(min_value=0, max_value=12))
    experts = []
    for i in range(n):
        offset = draw(st.integers(min_value=-10, max_value=8))
        length = draw(st.integers(min_value=1, max_value=60))
        booked = draw(st.sets(st.integers(min_value=0, max_value=20), max_size=3))
        experts.append(
            ExpertView(
                i,
                f"E{i:02d}",
                draw(st.sampled_from(["woman", "man", "other"])),
                frozenset(draw(st.sets(st.sampled_from(THEME_LIST), min_size=1, max_size=3))),
                frozenset(draw(st.sets(st.sampled_from(["ar", "en", "fr"]), min_size=1))),
                frozenset({"mena"}),
                ((start + timedelta(days=offset), start + timedelta(days=offset + length)),),
                frozenset(start + timedelta(days=d) for d in booked),
                False,
            )
        )
    return experts


@given(rosters(), st.integers(min_value=1, max_value=6), st.integers(min_value=1, max_value=20))
def test_team_invariants(experts, size: int, days: int) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from wiqaya.act.roster import arrival_day, make_request, match_team

    req = make_request(
        ["power_sharing", "ceasefire_security"], ["ar"], "mena", date(2026, 12, 1), size, days
    )
    team = match_team(req, experts)
    ids = [m.expert_id for m in team.members]
    assert len(ids) == len(set(ids)) <= size
    by_id = {e.id: e for e in experts}
    for m in team.members:
        e = by_id[m.expert_id]
        # Deployable within 72 hours, free to the end, and relevant.
        assert m.arrival <= req.start + timedelta(days=3)
        assert m.arrival == arrival_day(e, req)
        assert not any(
            m.arrival + timedelta(days=i) in e.booked_days
            for i in range((req.last_day - m.arrival).days + 1)
        )
        assert e.themes & set(req.themes)
    women = sum(m.gender == "woman" for m in team.members)
    eligible_women = sum(m.gender == "woman" for m in team.ranked)
    if team.gender_rule_met:
        assert women >= team.women_required
    else:
        # Unmet only when every eligible woman is already in the team.
        assert women == eligible_women < team.women_required
    # Nobody eligible is left out while the team is short.
    if len(team.members) < size:
        assert len(team.members) == len(team.ranked)


@given(
    st.lists(st.integers(min_value=0, max_value=10_000), min_size=8, max_size=60),
    st.integers(min_value=-1_000, max_value=1_000),
)
def test_cusum_ignores_a_constant_offset(values: list[int], offset: int) -> None:
    # Integer counts keep the arithmetic exact, so the comparison is about the test, not rounding.
    from wiqaya.warn.cusum import detect_upward_changes

    base = detect_upward_changes([float(v) for v in values], baseline=5, k=1.0, h=4.0)
    moved = detect_upward_changes([float(v + offset) for v in values], baseline=5, k=1.0, h=4.0)
    assert [(r.start, r.alarm, r.end) for r in base] == [(r.start, r.alarm, r.end) for r in moved]
