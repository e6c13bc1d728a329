"""One-sided CUSUM (Page 1954) for upward shifts, with a robust rolling baseline.

Counts of violent events are skewed and drift, so the reference level and
scale are the median and MAD of the ``baseline`` observations just before the
current run (frozen while a run is open). A run starts when the statistic
leaves zero; it raises an alarm when it passes ``h`` (in robust standard
deviations). The change point is the start of the run, which stays fixed while
the change is ongoing: that is what keeps the alert key stable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median

# With a MAD of zero (a flat baseline) any blip would be infinitely significant,
# so the scale never goes below MIN_SCALE (or the Poisson sd for raw counts).
MIN_SCALE = 0.5


@dataclass(frozen=True)
class ChangeRun:
    """A run of the CUSUM statistic that crossed the threshold."""

    start: int  # index of the first observation of the run (the change point)
    alarm: int  # index where the statistic first exceeded h
    end: int  # last index still in the run (statistic > 0)
    peak: float  # largest statistic in the run
    level: float  # baseline median (on the transformed scale)
    scale: float  # baseline robust standard deviation (transformed scale)
    ongoing: bool  # the run reaches the last observation


def transform(values: list[float], how: str) -> list[float]:
    if how == "log1p":
        return [math.log1p(max(v, 0.0)) for v in values]
    if how == "sqrt":
        return [math.sqrt(max(v, 0.0)) for v in values]
    return list(values)


def _baseline(window: list[float], count_floor: bool) -> tuple[float, float]:
    level = median(window)
    mad = median(abs(v - level) for v in window)
    floor = max(MIN_SCALE, math.sqrt(abs(level))) if count_floor else MIN_SCALE
    return level, max(1.4826 * mad, floor)


def detect_upward_changes(
    values: list[float],
    *,
    baseline: int,
    k: float = 0.5,
    h: float = 5.0,
    count_floor: bool = False,
) -> list[ChangeRun]:
    """Return every run whose CUSUM statistic exceeded ``h``; ``values`` are in time order.

    After an alarm the run lasts at most ``baseline`` periods: by then the new
    level has enough observations to become the reference, and only a further
    rise raises a new alarm (the restart rule of a CUSUM chart). ``count_floor``
    floors the scale at the square root of the level (the Poisson standard
    deviation), for raw counts.
    """
    if baseline < 3:
        raise ValueError("baseline needs at least 3 observations")
    runs: list[ChangeRun] = []
    s = 0.0
    start = alarm = -1
    peak = 0.0
    frozen: tuple[float, float] | None = None
    for i in range(baseline, len(values)):
        if start >= 0 and alarm >= 0 and i - start >= baseline:
            # Restart: close the run; the post-change level is the new reference.
            runs.append(ChangeRun(start, alarm, i - 1, peak, frozen[0], frozen[1], False))  # type: ignore[index]
            s, start, alarm = 0.0, -1, -1
        if s == 0.0:
            frozen = _baseline(values[i - baseline : i], count_floor)
        assert frozen is not None
        level, scale = frozen
        new_s = max(0.0, s + (values[i] - level) / scale - k)
        if s == 0.0 and new_s > 0.0:
            start, alarm, peak = i, -1, 0.0
        s = new_s
        if s > 0.0:
            peak = max(peak, s)
            if alarm < 0 and s > h:
                alarm = i
        elif start >= 0:
            if alarm >= 0:
                runs.append(ChangeRun(start, alarm, i - 1, peak, level, scale, False))
            start, alarm = -1, -1
    if start >= 0 and alarm >= 0 and frozen is not None:
        runs.append(ChangeRun(start, alarm, len(values) - 1, peak, frozen[0], frozen[1], True))
    return runs
