"""Series functions: counts, shares, skipped rows, EWP predictors and UCDP zero years."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiqaya.assess.battle_deaths import country_year_deaths
from wiqaya.assess.crosswalk import load_crosswalk
from wiqaya.assess.series import CodedRow, battle_death_series, count_series, ewp_series
from wiqaya.assess.sources import read_ewp_predictors, read_ucdp


def test_counts_by_month_and_year_with_shares() -> None:
    rows = [
        CodedRow("IRQ", date(2024, 5, 1), "ASSAULT", "c1"),
        CodedRow("IRQ", date(2024, 5, 9), "PROTEST", "c2"),
        CodedRow("IRQ", date(2024, 6, 9), "ASSAULT", "c1"),
        CodedRow("irq", date(2024, 6, 10), "ASSAULT", "c1"),
        CodedRow(None, date(2024, 6, 10), "ASSAULT", "c1"),
        CodedRow("IRQ", None, "ASSAULT", "c1"),
        CodedRow("Iraq", date(2024, 6, 10), "ASSAULT", "c1"),
    ]
    out, skipped = count_series(rows, "events", shares=True)
    got = {(r.freq, r.period, r.variable): r.value for r in out}
    assert got[("month", "2024-05", "events.ASSAULT")] == 1
    assert got[("month", "2024-05", "events.share.PROTEST")] == 0.5
    assert got[("month", "2024-06", "events.ASSAULT")] == 2
    assert got[("year", "2024", "events.total")] == 4
    assert (skipped.no_country, skipped.no_date, skipped.bad_country) == (1, 1, 1)
    prov = {r.provenance for r in out if r.period == "2024-05"}
    assert prov == {"events:c1,c2"}


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["IRQ", "SYR"]),
            st.integers(1, 12),
            st.sampled_from(["ASSAULT", "PROTEST", "COERCE"]),
        ),
        max_size=60,
    )
)
def test_month_counts_add_up_to_the_year(events: list[tuple[str, int, str]]) -> None:
    rows = [CodedRow(c, date(2023, m, 1), k, "v") for c, m, k in events]
    out, _ = count_series(rows, "events")
    for country in ("IRQ", "SYR"):
        months = sum(
            r.value
            for r in out
            if r.country == country and r.freq == "month" and r.variable == "events.total"
        )
        years = sum(
            r.value
            for r in out
            if r.country == country and r.freq == "year" and r.variable == "events.total"
        )
        assert months == years == sum(1 for c, _, _ in events if c == country)


def test_ewp_series_keeps_gaps_and_keys_by_iso3(shared_data: Path) -> None:
    out = ewp_series(read_ewp_predictors(shared_data), load_crosswalk(), "EWP test")
    got = {(r.country, r.period, r.variable): r.value for r in out}
    assert got[("SDN", "2023", "ewp.mk_onset")] == 1.0
    assert ("YEM", "1980", "ewp.popsize.log2") in got  # North Yemen, COW 678
    assert ("YMD", "1980", "ewp.popsize.log2") in got
    assert not any(k[2] in {"ewp.mk_onset_1", "ewp.ccode", "ewp.year"} for k in got)
    assert len(got) == len(out)


def test_ucdp_series_has_zero_years() -> None:
    cw = load_crosswalk()
    deaths, _ = country_year_deaths(read_ucdp(), cw)
    out = battle_death_series(deaths, cw, 2024, "UCDP test")
    got = {(r.country, r.period): r.value for r in out}
    assert got[("NOR", "2010")] == 0.0
    assert got[("SSD", "2015")] > 0
    assert ("SSD", "2010") not in got  # not yet a state
    assert sum(got.values()) == pytest.approx(deaths.sum())
