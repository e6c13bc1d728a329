"""mk_onset: the leakage test and the shape of the forecasts, on the real EWP predictors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from wiqaya.assess import onset
from wiqaya.assess.crosswalk import load_crosswalk
from wiqaya.assess.sources import read_ewp_predictors

YEAR = 2008


@pytest.fixture(scope="module")
def predictors(shared_data: Path) -> pd.DataFrame:
    return read_ewp_predictors(shared_data)


def _forecast(predictors: pd.DataFrame, year: int = YEAR) -> pd.DataFrame:
    pairs = onset.build_pairs(predictors, load_crosswalk())
    return onset.forecast_year(pairs, year).set_index("country")["risk"]


def _flip_outcomes(predictors: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
    changed = predictors.copy()
    rng = np.random.default_rng(7)
    flips = rng.random(len(changed)) < 0.2
    changed.loc[mask & flips, "mk_onset"] = 1 - changed.loc[mask & flips, "mk_onset"]
    # The forward-looking outcome columns describe the same events: change them too.
    for col in ("mk_onset_1", "mk_onset_2", "mk_onset_1or2"):
        changed.loc[mask, col] = rng.integers(0, 2, mask.sum())
    return changed


def test_changing_outcomes_at_or_after_the_forecast_year_changes_nothing(
    predictors: pd.DataFrame,
) -> None:
    before = _forecast(predictors)
    after = _forecast(_flip_outcomes(predictors, predictors["year"] >= YEAR))
    pd.testing.assert_series_equal(before, after)


def test_the_leakage_test_can_fail_outcomes_before_the_year_do_matter(
    predictors: pd.DataFrame,
) -> None:
    before = _forecast(predictors)
    after = _forecast(_flip_outcomes(predictors, predictors["year"] == YEAR - 1))
    assert not np.allclose(before.to_numpy(), after.reindex(before.index).to_numpy())


def test_forecast_uses_only_the_previous_years_predictors(predictors: pd.DataFrame) -> None:
    before = _forecast(predictors)
    changed = predictors.copy()
    changed.loc[changed["year"] >= YEAR, "battledeaths.log2"] = 30.0
    pd.testing.assert_series_equal(before, _forecast(changed))


def test_backtest_rows_codes_and_probabilities(predictors: pd.DataFrame) -> None:
    cw = load_crosswalk()
    out = onset.backtest(predictors, cw, 1990, 1991)
    assert list(out.columns) == ["country", "ccode", "year", "risk", "y"]
    assert out["risk"].between(0, 1).all()
    yem = out[out["country"] == "YEM"].set_index("year")["ccode"]
    assert yem.to_dict() == {1990: 679, 1991: 679}  # North Yemen's history carries over
    assert not ((out["country"] == "YMD") & (out["year"] == 1991)).any()
    assert (out.groupby("year")["country"].nunique() == out.groupby("year").size()).all()


def test_a_country_without_predictors_is_reported_not_scored(predictors: pd.DataFrame) -> None:
    cw = load_crosswalk()
    missing = onset.missing_country_years(predictors, cw, 2011, 2011)
    reasons = {iso: why for iso, _year, why in missing}
    assert "SSD" in reasons and "year before" in reasons["SSD"]
    assert "AND" in reasons and "not covered" in reasons["AND"]
    scored = onset.backtest(predictors, cw, 2011, 2011)
    assert "SSD" not in set(scored["country"]) and "AND" not in set(scored["country"])


def test_drivers_explain_every_score(predictors: pd.DataFrame) -> None:
    pairs = onset.build_pairs(predictors, load_crosswalk())
    out = onset.forecast_year(pairs, 2024, explain=True)
    top = out.sort_values("risk", ascending=False).iloc[0]
    assert top["drivers"], "the highest risk must have positive drivers"
    first = top["drivers"][0]
    assert set(first) == {"feature", "label_ar", "label_en", "contribution"}
    assert first["contribution"] > 0
