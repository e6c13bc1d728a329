"""How fast the alert rules run: CUSUM change detection against a plain threshold scan.

Synthetic panel of country-month counts (stable Poisson levels, a share of
countries with a doubling late in the series). Both detectors run in this
process on the same data, so the threshold scan is the baseline: the figure to
watch is the CUSUM cost per series and its ratio to the baseline, plus the
end-to-end ``run_rules`` time on a temporary SQLite database.

    python -m benchmarks.alert_rules [--countries 200] [--months 240]
"""

from __future__ import annotations

import argparse
import math
import random
import tempfile
import time
from pathlib import Path

from wiqaya.warn.detect import Observation, evaluate_change, evaluate_threshold
from wiqaya.warn.rules import RuleSet, parse_rule

CHANGE = parse_rule(
    {"name": "surge", "kind": "change", "variable": "events.ASSAULT", "freq": "month",
     "baseline": 24, "k": 1.0, "h": 5.0, "transform": "none", "min_value": 3}
)  # fmt: skip
THRESHOLD = parse_rule(
    {"name": "high", "kind": "threshold", "variable": "events.ASSAULT", "freq": "month",
     "levels": {"medium": 40, "high": 80}}
)  # fmt: skip


def _poisson(rng: random.Random, lam: float) -> int:
    if lam > 30:  # normal approximation keeps generation cheap for large rates
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    target, k, p = math.exp(-lam), 0, 1.0
    while p > target:
        k += 1
        p *= rng.random()
    return k - 1


def panel(countries: int, months: int, seed: int = 1) -> list[Observation]:
    rng = random.Random(seed)
    obs: list[Observation] = []
    n = 0
    for c in range(countries):
        code = f"{chr(65 + c // 676 % 26)}{chr(65 + c // 26 % 26)}{chr(65 + c % 26)}"
        level = rng.uniform(3, 40)
        shift_at = months - 12 if c % 5 == 0 else None
        for m in range(months):
            lam = level * (2 if shift_at is not None and m >= shift_at else 1)
            period = f"{2000 + m // 12}-{m % 12 + 1:02d}"
            n += 1
            obs.append(Observation(n, code, period, float(_poisson(rng, lam))))
    return obs


def timed(fn, *args):  # type: ignore[no-untyped-def]
    best = math.inf
    out = None
    for _ in range(3):
        t0 = time.perf_counter()
        out = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best, out


def end_to_end(obs: list[Observation]) -> tuple[float, int]:
    from wiqaya.config import Settings
    from wiqaya.runtime import open_runtime
    from wiqaya.store.engine import transaction
    from wiqaya.store.models.assess import SeriesPoint
    from wiqaya.warn.run import run_rules

    with tempfile.TemporaryDirectory() as tmp:
        rt = open_runtime(Settings(home=Path(tmp)), migrate=True)
        with transaction(rt.sessions) as s:
            s.add_all(
                SeriesPoint(country=o.country, freq="month", period=o.period,
                            variable="events.ASSAULT", value=o.value, provenance="bench")
                for o in obs
            )  # fmt: skip
        t0 = time.perf_counter()
        summary = run_rules(rt, RuleSet("bench", (CHANGE, THRESHOLD)))
        elapsed = time.perf_counter() - t0
        rt.close()
    return elapsed, summary.created


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--countries", type=int, default=200)
    ap.add_argument("--months", type=int, default=240)
    args = ap.parse_args()
    obs = panel(args.countries, args.months)
    t_thr, thr = timed(evaluate_threshold, THRESHOLD, obs)
    t_cus, cus = timed(evaluate_change, CHANGE, obs)
    shifted = {f"{chr(65 + c // 676 % 26)}{chr(65 + c // 26 % 26)}{chr(65 + c % 26)}"
               for c in range(0, args.countries, 5)}  # fmt: skip
    found = {a.country for a in cus if a.period_start >= f"{2000 + (args.months - 12) // 12}"}
    print(f"panel: {args.countries} countries x {args.months} months = {len(obs):,} points")
    print(f"threshold scan (baseline): {t_thr * 1000:8.1f} ms  ({len(thr)} episodes)")
    print(f"CUSUM change detection:    {t_cus * 1000:8.1f} ms  ({len(cus)} episodes)")
    print(f"CUSUM / baseline:          {t_cus / t_thr:8.1f}x")
    print(f"CUSUM per series:          {t_cus / args.countries * 1e6:8.0f} us")
    print(f"planted late doublings found: {len(found & shifted)}/{len(shifted)}")
    e2e, created = end_to_end(obs)
    print(f"run_rules end to end on SQLite (both rules, {created} alerts written): {e2e:.2f} s")


if __name__ == "__main__":
    main()
