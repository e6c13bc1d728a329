"""Battle-deaths quantiles: country totals, zero years, leakage, and the baselines."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wiqaya.assess import battle_deaths as bd
from wiqaya.assess.crosswalk import load_crosswalk
from wiqaya.assess.metrics import QUANTILE_COLUMNS, pinball
from wiqaya.assess.sources import read_ucdp


@pytest.fixture(scope="module")
def ucdp() -> pd.DataFrame:
    return read_ucdp()


def test_multi_country_rows_are_split_equally_and_totals_kept(ucdp: pd.DataFrame) -> None:
    cw = load_crosswalk()
    deaths, multi = bd.country_year_deaths(ucdp, cw)
    assert deaths.sum() == pytest.approx(ucdp["bd_best"].sum())
    war = [m for m in multi if m.year == 2022 and set(m.countries) == {"RUS", "UKR"}]
    assert war and war[0].bd_best == 91502
    each, _ = bd.country_year_deaths(ucdp, cw, split="each")
    assert each[("UKR", 2022)] - deaths[("UKR", 2022)] == pytest.approx(91502 / 2)


def test_deaths_count_where_the_battles_were_fought(ucdp: pd.DataFrame) -> None:
    cw = load_crosswalk()
    deaths, multi = bd.country_year_deaths(ucdp, cw)
    # US and UK strikes against the Houthis, 2024: gwno_loc "2, 200, 678",
    # fought in Yemen only. Britain had no other war in 2024.
    yemen = ucdp[(ucdp["year"] == 2024) & ucdp["gwno_loc"].str.contains("200")]
    assert yemen["gwno_battle"].tolist() == ["678"]
    assert deaths.get(("GBR", 2024), 0.0) == 0.0
    assert deaths[("YEM", 2024)] >= yemen["bd_best"].item()
    # Iraq 2003: the coalition's governments are listed, the war was in Iraq.
    assert ("GBR", 2003) not in deaths and ("AUS", 2003) not in deaths
    assert not [m for m in multi if m.year == 2003 and "IRQ" in m.countries]
    # Russia-Ukraine 2022 lists Poland as a battle country (one stray missile):
    # the war's own countries share the deaths, Poland gets none.
    assert deaths.get(("POL", 2022), 0.0) == 0.0


def test_battle_location_rules() -> None:
    assert bd.battle_location("2, 200, 678", "678") == ["678"]
    assert bd.battle_location("365, 369", "290, 365, 369") == ["365", "369"]
    # None of the conflict's countries saw battles: the battle countries.
    assert bd.battle_location("2", "700, 770, 652") == ["700", "770", "652"]
    # Files before UCDP added the column, or an empty cell: gwno_loc.
    assert bd.battle_location("645") == ["645"]
    assert bd.battle_location("645", float("nan")) == ["645"]
    assert bd.battle_location("645", " ") == ["645"]


def test_without_the_battle_column_gwno_loc_is_used(ucdp: pd.DataFrame) -> None:
    cw = load_crosswalk()
    old, _ = bd.country_year_deaths(ucdp.drop(columns=["gwno_battle"]), cw)
    assert old[("GBR", 2024)] == pytest.approx(117 / 3)


def test_panel_has_every_gw_state_and_zero_years(ucdp: pd.DataFrame) -> None:
    cw = load_crosswalk()
    deaths, _ = bd.country_year_deaths(ucdp, cw)
    frame = bd.panel(deaths, cw, 2024)
    y2020 = frame[frame["year"] == 2020]
    assert set(y2020["iso3"]) == set(cw.members(2020, "gw"))
    assert (y2020.set_index("iso3").loc["NOR", "y"]) == 0.0
    assert y2020.set_index("iso3").loc["SRB", "gwno"] == 340
    assert frame[(frame["iso3"] == "YEM") & (frame["year"] == 2015)]["gwno"].item() == 678


def test_changing_deaths_at_or_after_the_year_changes_nothing(ucdp: pd.DataFrame) -> None:
    cw = load_crosswalk()
    deaths, _ = bd.country_year_deaths(ucdp, cw)
    before = bd.forecast_year(bd.panel(deaths, cw, 2024), 2018)
    changed = deaths.copy()
    future = changed.index.get_level_values("year") >= 2018
    changed[future] = changed[future] * 7 + 1000
    after = bd.forecast_year(bd.panel(changed, cw, 2024), 2018)
    cols = ["country", *QUANTILE_COLUMNS]
    pd.testing.assert_frame_equal(before[cols], after[cols])
    # ...while the year before does move the forecast (the test can fail).
    past = deaths.copy()
    past[past.index.get_level_values("year") == 2017] *= 7
    moved = bd.forecast_year(bd.panel(past, cw, 2024), 2018)
    assert not np.allclose(before[list(QUANTILE_COLUMNS)], moved[list(QUANTILE_COLUMNS)])


def test_quantiles_are_ordered_and_beat_no_change_on_a_known_decade(ucdp: pd.DataFrame) -> None:
    cw = load_crosswalk()
    deaths, _ = bd.country_year_deaths(ucdp, cw)
    frame = bd.panel(deaths, cw, 2014)
    out = bd.backtest(frame, 2005, 2014)
    q = out[list(QUANTILE_COLUMNS)].to_numpy()
    assert (np.diff(q, axis=1) >= 0).all() and (q >= 0).all()
    last = np.vstack([bd.last_baseline(frame, y) for y in range(2005, 2015)])
    assert pinball(out["y"].to_numpy(), q) < pinball(out["y"].to_numpy(), last)


def test_first_year_needs_history() -> None:
    with pytest.raises(ValueError):
        bd.backtest(pd.DataFrame(), 1989, 1990)
