"""Series-target machinery on synthetic series: leakage, gaps, and a second target from YAML."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wiqaya.assess import escalation
from wiqaya.assess.targets import load_targets, parse_targets

COUNTRIES = ["IRQ", "SYR", "LBY", "YEM"]


def _points(seed: int = 5, months: int = 36) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c_i, country in enumerate(COUNTRIES):
        for m in range(months):
            period = f"{2022 + m // 12}-{m % 12 + 1:02d}"
            threat = rng.poisson(2 + c_i)
            # Threats this month raise next month's assaults: a signal the model can learn.
            assault = rng.poisson(2 + c_i + (6 if rng.random() < 0.25 else 0))
            rows += [
                (country, period, "events.THREATEN", float(threat)),
                (country, period, "events.ASSAULT", float(assault)),
                (country, period, "events.total", float(threat + assault)),
            ]
    return pd.DataFrame(rows, columns=["country", "period", "variable", "value"])


def test_changing_outcomes_at_or_after_the_period_changes_nothing() -> None:
    spec = load_targets()["escalation"]
    points = _points()
    before = escalation.backtest(points, spec, "2024-06", "2024-06", COUNTRIES)
    later = points["period"] >= "2024-06"
    changed = points.copy()
    changed.loc[later, "value"] = changed.loc[later, "value"] * 5 + 3
    after = escalation.backtest(changed, spec, "2024-06", "2024-06", COUNTRIES)
    pd.testing.assert_series_equal(before["risk"], after["risk"])
    earlier = points.copy()
    earlier.loc[points["period"] == "2024-05", "value"] *= 5
    moved = escalation.backtest(earlier, spec, "2024-06", "2024-06", COUNTRIES)
    assert not np.allclose(before["risk"], moved["risk"])


def test_backtest_covers_each_period_with_outcomes() -> None:
    spec = load_targets()["escalation"]
    out = escalation.backtest(_points(), spec, "2023-06", "2024-12", COUNTRIES)
    assert set(out["period"]) == {
        f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13) if (y, m) >= (2023, 6)
    }
    assert out["risk"].between(0, 1).all() and set(out["outcome"].dropna()) <= {0.0, 1.0}


def test_a_yaml_only_target_runs_through_the_same_machinery() -> None:
    spec = parse_targets(
        {
            "targets": {
                "threat_surge": {
                    "freq": "month",
                    "lags": 2,
                    "min_outcomes": 3,
                    "outcome": {"variable": "events.THREATEN", "rule": "above", "min_count": 5},
                    "features": ["events.THREATEN", "events.total"],
                }
            }
        }
    )["threat_surge"]
    result = escalation.forecast(_points(), spec, [*COUNTRIES, "OMN"])
    assert result.period == "2025-01"
    assert set(result.scores["country"]) == set(COUNTRIES)
    assert dict(result.gaps)["OMN"] == "no series recorded for this country yet"
    assert all(d and d[0]["feature"].startswith("events.") for d in result.scores["drivers"] if d)


@pytest.mark.parametrize(
    ("period", "freq", "index"), [("2024-01", "month", 24288), ("1999", "year", 1999)]
)
def test_period_round_trip(period: str, freq: str, index: int) -> None:
    assert escalation.period_index(period, freq) == index
    assert escalation.period_label(index, freq) == period
