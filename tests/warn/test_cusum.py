"""CUSUM on real battle-death series (UCDP, bundled) and on controlled noise."""

from __future__ import annotations

import csv
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from wiqaya.config import PACKAGE_DATA
from wiqaya.warn.cusum import detect_upward_changes, transform

UCDP = PACKAGE_DATA / "bundled" / "ucdp" / "BattleDeaths_v25_1.csv"
YEARS = list(range(1989, 2025))


def ucdp_yearly(gwno: str, path: Path = UCDP) -> list[float]:
    totals: Counter[int] = Counter()
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if gwno in [g.strip() for g in row["gwno_loc"].split(",")]:
                totals[int(row["year"])] += int(row["bd_best"])
    return [float(totals.get(y, 0)) for y in YEARS]


def runs_for(gwno: str) -> list[tuple[int, int]]:
    values = transform(ucdp_yearly(gwno), "log1p")
    return [
        (YEARS[r.start], YEARS[r.alarm])
        for r in detect_upward_changes(values, baseline=5, k=1.0, h=4.0)
    ]


def test_iraq_2003_war_and_2014_isil_surge_are_found() -> None:
    runs = runs_for("645")
    assert (2003, 2003) in runs
    # The ISIL surge: the run begins in 2013 (1,870 deaths after 565) and alarms in 2014.
    assert (2013, 2014) in runs
    assert len(runs) == 2  # the 2004-2012 plateau and the decline are not changes


def test_syria_2011_onset() -> None:
    assert runs_for("652")[0] == (2011, 2011)


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: fine for the small rates of a country-month count.
    target, k, p = math.exp(-lam), 0, 1.0
    while p > target:
        k += 1
        p *= rng.random()
    return k - 1


def test_stable_poisson_counts_rarely_alarm() -> None:
    # 100 simulated stable countries, ten years of monthly counts each, with the
    # monthly rule's parameters: false alarms must stay rare (measured 1.5% on 200).
    alarmed = 0
    for seed in range(100):
        rng = random.Random(seed)
        values = [float(_poisson(rng, 20)) for _ in range(120)]
        alarmed += bool(detect_upward_changes(values, baseline=24, k=1.0, h=5.0, count_floor=True))
    assert alarmed <= 5


def test_doubling_of_a_count_is_found_within_three_months() -> None:
    rng = random.Random(11)
    values = [float(_poisson(rng, 20)) for _ in range(36)] + [
        float(_poisson(rng, 40)) for _ in range(6)
    ]
    runs = detect_upward_changes(values, baseline=24, k=1.0, h=5.0, count_floor=True)
    assert len(runs) == 1
    assert 36 <= runs[0].start <= 37
    assert runs[0].alarm <= 38


def test_level_shift_is_one_run_with_a_stable_start() -> None:
    rng = random.Random(10)
    base = [20 + rng.gauss(0, 2) for _ in range(24)]
    shifted = [45 + rng.gauss(0, 2) for _ in range(6)]
    runs = detect_upward_changes(base + shifted, baseline=12, k=1.0, h=5.0, count_floor=True)
    assert len(runs) == 1
    assert runs[0].start == 24
    # More data from the same new level must not move the change point.
    more = detect_upward_changes(
        base + shifted + [45.0, 46.0], baseline=12, k=1.0, h=5.0, count_floor=True
    )
    assert more[0].start == 24


def test_single_moderate_blip_is_not_a_change() -> None:
    values = [10.0, 11, 9, 10, 12, 10, 9, 11, 10, 10, 16, 10, 9, 11, 10]
    assert detect_upward_changes(values, baseline=6, k=1.0, h=5.0, count_floor=True) == []


def test_baseline_too_short_is_refused() -> None:
    with pytest.raises(ValueError):
        detect_upward_changes([1.0] * 10, baseline=2)
