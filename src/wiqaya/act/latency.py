"""The warning-to-action clock: first alert of a situation to its first response.

Definition (docs/act.md): latency = date of the first response recorded for a
situation minus the date of its earliest alert's ``warned_at`` (the moment the
signal existed in the data), in whole days. A situation with an alert and no
response has a running clock (reported as pending, with days elapsed so far);
one whose first response came before the data-driven warning has a negative
latency: action preceded the signal, which is reported, not hidden.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median

# Buckets of the distribution, in days (upper bound inclusive).
BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("before warning", -1),
    ("0-7 days", 7),
    ("8-30 days", 30),
    ("31-90 days", 90),
    ("91-365 days", 365),
    ("over a year", None),
)


@dataclass(frozen=True)
class Clock:
    situation_id: int
    title_en: str
    title_ar: str
    region: str
    country: str | None
    is_example: bool
    first_alert_at: datetime | None
    first_response_on: date | None
    first_response_type: str | None
    latency_days: int | None  # None: no alert, or no response yet
    running_days: int | None  # days since the first alert when no response yet

    @property
    def status(self) -> str:
        if self.first_alert_at is None:
            return "no alert"
        if self.latency_days is None:
            return "pending"
        return "responded"


@dataclass(frozen=True)
class Summary:
    n: int
    median: float | None
    p25: float | None
    p75: float | None
    minimum: int | None
    maximum: int | None


@dataclass
class LatencyReport:
    clocks: list[Clock]
    overall: Summary
    distribution: list[tuple[str, int]]
    by_region: dict[str, Summary] = field(default_factory=dict)
    by_response_type: dict[str, Summary] = field(default_factory=dict)
    pending: int = 0
    before_warning: int = 0
    examples: int = 0  # measured situations that are demo examples, not real records


def make_clock(row, today: date) -> Clock:  # type: ignore[no-untyped-def]
    latency = running = None
    if row.first_alert_at is not None:
        warned = row.first_alert_at.date()
        if row.first_response_on is not None:
            latency = (row.first_response_on - warned).days
        else:
            running = max(0, (today - warned).days)
    return Clock(
        row.situation_id,
        row.title_en,
        row.title_ar,
        row.region,
        row.country,
        row.is_example,
        row.first_alert_at,
        row.first_response_on,
        row.first_response_type,
        latency,
        running,
    )


def _quantile(sorted_values: list[int], q: float) -> float:
    # Linear interpolation between order statistics (type 7, as numpy's default).
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def summarise(values: list[int]) -> Summary:
    if not values:
        return Summary(0, None, None, None, None, None)
    s = sorted(values)
    return Summary(len(s), float(median(s)), _quantile(s, 0.25), _quantile(s, 0.75), s[0], s[-1])


def bucket(days: int) -> str:
    for label, upper in BUCKETS:
        if upper is None or days <= upper:
            return label
    return BUCKETS[-1][0]


def latency_report(
    rows: list,  # type: ignore[type-arg]
    today: date | None = None,
    *,
    include_examples: bool = True,
) -> LatencyReport:
    today = today or date.today()
    clocks = [make_clock(r, today) for r in rows if include_examples or not r.is_example]
    done = [c for c in clocks if c.latency_days is not None]
    counts = dict.fromkeys((label for label, _ in BUCKETS), 0)
    for c in done:
        counts[bucket(c.latency_days)] += 1  # type: ignore[arg-type]
    regions: dict[str, list[int]] = defaultdict(list)
    types: dict[str, list[int]] = defaultdict(list)
    for c in done:
        regions[c.region].append(c.latency_days)  # type: ignore[arg-type]
        types[c.first_response_type or "unknown"].append(c.latency_days)  # type: ignore[arg-type]
    return LatencyReport(
        clocks=clocks,
        overall=summarise([c.latency_days for c in done]),  # type: ignore[misc]
        distribution=list(counts.items()),
        by_region={k: summarise(v) for k, v in sorted(regions.items())},
        by_response_type={k: summarise(v) for k, v in sorted(types.items())},
        pending=sum(1 for c in clocks if c.status == "pending"),
        before_warning=sum(1 for c in done if c.latency_days < 0),  # type: ignore[operator]
        examples=sum(1 for c in done if c.is_example),
    )


def summary_dict(s: Summary) -> dict[str, float | int | None]:
    return {
        "n": s.n,
        "median_days": s.median,
        "p25_days": s.p25,
        "p75_days": s.p75,
        "min_days": s.minimum,
        "max_days": s.maximum,
    }


def clock_dict(c: Clock) -> dict[str, object]:
    return {
        "situation_id": c.situation_id,
        "title_en": c.title_en,
        "title_ar": c.title_ar,
        "region": c.region,
        "country": c.country,
        "is_example": c.is_example,
        "first_alert_at": c.first_alert_at.isoformat() if c.first_alert_at else None,
        "first_response_on": c.first_response_on.isoformat() if c.first_response_on else None,
        "first_response_type": c.first_response_type,
        "latency_days": c.latency_days,
        "running_days": c.running_days,
        "status": c.status,
    }


def report_dict(r: LatencyReport) -> dict[str, object]:
    return {
        "overall": summary_dict(r.overall),
        "distribution": [{"bucket": b, "count": n} for b, n in r.distribution],
        "by_region": {k: summary_dict(v) for k, v in r.by_region.items()},
        "by_response_type": {k: summary_dict(v) for k, v in r.by_response_type.items()},
        "pending": r.pending,
        "before_warning": r.before_warning,
        "examples": r.examples,
        "situations": [clock_dict(c) for c in r.clocks],
    }
