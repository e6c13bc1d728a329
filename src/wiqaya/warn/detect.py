"""Pure rule evaluation: observations in, alert candidates out (no database here).

Each candidate carries the key of its episode, so re-running over the same or
newer data updates one alert per ongoing change instead of adding another.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from wiqaya.warn.cusum import detect_upward_changes, transform
from wiqaya.warn.periods import ordinal, period_close
from wiqaya.warn.rules import SEVERITY_ORDER, ChangeRule, ClusterRule, ThresholdRule

# Evidence lists are capped so a long episode cannot bloat an alert row.
MAX_EVIDENCE = 200


@dataclass(frozen=True)
class Observation:
    """One point of a series or forecast: its row id is the evidence."""

    id: int
    country: str
    period: str
    value: float


@dataclass(frozen=True)
class Hit:
    """One indicator found in a document."""

    id: int
    country: str
    indicator: str
    day: date
    document_id: int


@dataclass
class AlertCandidate:
    rule: str
    kind: str
    country: str
    variable: str
    freq: str
    period_start: str
    period_end: str
    warned_at: datetime
    severity: str
    score: float | None
    summary_en: str
    summary_ar: str
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def dedupe_key(self) -> str:
        return "|".join((self.rule, self.country, self.variable, self.period_start))


def _by_country(points: list[Observation], freq: str) -> dict[str, list[Observation]]:
    grouped: dict[str, list[Observation]] = defaultdict(list)
    for p in points:
        grouped[p.country].append(p)
    for rows in grouped.values():
        rows.sort(key=lambda o: ordinal(o.period, freq))
    return grouped


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 10 or v == int(v) else f"{v:.2f}"


def evaluate_threshold(rule: ThresholdRule, points: list[Observation]) -> list[AlertCandidate]:
    """One candidate per run of consecutive periods at or above the lowest level."""
    out: list[AlertCandidate] = []
    lowest = min(rule.levels.values())
    for country, rows in _by_country(points, rule.freq).items():
        episode: list[Observation] = []

        def close(ep: list[Observation], country: str = country) -> None:
            if not ep:
                return
            peak = max(ep, key=lambda o: o.value)
            severity = rule.severity_for(peak.value) or "low"
            first = ep[0]
            what = "forecast score" if rule.source == "forecast" else "value"
            out.append(
                AlertCandidate(
                    rule=rule.name,
                    kind="threshold",
                    country=country,
                    variable=rule.variable,
                    freq=rule.freq,
                    period_start=first.period,
                    period_end=ep[-1].period,
                    warned_at=period_close(first.period, rule.freq),
                    severity=severity,
                    score=peak.value,
                    summary_en=(
                        f"{country}: {rule.variable} {what} at or above {_fmt(lowest)} "
                        f"from {first.period} to {ep[-1].period} (peak {_fmt(peak.value)} "
                        f"in {peak.period})"
                    ),
                    summary_ar=(
                        f"{country}: تجاوز {rule.variable} العتبة {_fmt(lowest)} "
                        f"من {first.period} إلى {ep[-1].period} (الذروة {_fmt(peak.value)} "
                        f"في {peak.period})"
                    ),
                    evidence={
                        ("forecasts" if rule.source == "forecast" else "series"): [
                            {"id": o.id, "period": o.period, "value": o.value} for o in ep
                        ],
                        "test": {"method": "threshold", "levels": rule.levels},
                    },
                )
            )

        prev = None
        for obs in rows:
            if rule.since and ordinal(obs.period, rule.freq) < ordinal(rule.since, rule.freq):
                continue
            above = obs.value >= lowest
            adjacent = prev is not None and ordinal(obs.period, rule.freq) == prev + 1
            if above and episode and adjacent:
                episode.append(obs)
            elif above:
                close(episode)
                episode = [obs]
            else:
                close(episode)
                episode = []
            prev = ordinal(obs.period, rule.freq)
        close(episode)
    return out


def _fill_gaps(rows: list[Observation], freq: str) -> list[tuple[str, float, int | None]]:
    """A missing period in a count series is a zero, not a hole the test skips over."""
    if not rows:
        return []
    by_ord = {ordinal(o.period, freq): o for o in rows}
    first, last = min(by_ord), max(by_ord)
    filled = []
    for n in range(first, last + 1):
        if n in by_ord:
            o = by_ord[n]
            filled.append((o.period, o.value, o.id))
        else:
            period = f"{n // 12:04d}-{n % 12 + 1:02d}" if freq == "month" else f"{n:04d}"
            filled.append((period, 0.0, None))
    return filled


def evaluate_change(rule: ChangeRule, points: list[Observation]) -> list[AlertCandidate]:
    """One candidate per CUSUM run that crossed the decision threshold."""
    out: list[AlertCandidate] = []
    for country, rows in _by_country(points, rule.freq).items():
        series = _fill_gaps(rows, rule.freq)
        raw = [v for _, v, _ in series]
        runs = detect_upward_changes(
            transform(raw, rule.transform),
            baseline=rule.baseline,
            k=rule.k,
            h=rule.h,
            count_floor=rule.transform == "none",
        )
        for run in runs:
            window = series[run.start : run.end + 1]
            peak_value = max(v for _, v, _ in window)
            if peak_value < rule.min_value:
                continue
            start_period = series[run.start][0]
            if rule.since and ordinal(start_period, rule.freq) < ordinal(rule.since, rule.freq):
                continue
            alarm_period = series[run.alarm][0]
            base = series[run.start - rule.baseline : run.start]
            base_median = sorted(v for _, v, _ in base)[len(base) // 2]
            out.append(
                AlertCandidate(
                    rule=rule.name,
                    kind="change",
                    country=country,
                    variable=rule.variable,
                    freq=rule.freq,
                    period_start=start_period,
                    period_end=series[run.end][0],
                    # The test can only fire once the alarm period's data is in.
                    warned_at=period_close(alarm_period, rule.freq),
                    severity=rule.severity_for(run.peak),
                    score=round(run.peak, 3),
                    summary_en=(
                        f"{country}: abrupt rise in {rule.variable} from {start_period} "
                        f"(CUSUM alarm in {alarm_period}; baseline about {_fmt(base_median)}, "
                        f"peak {_fmt(peak_value)})"
                    ),
                    summary_ar=(
                        f"{country}: ارتفاع مفاجئ في {rule.variable} ابتداءً من {start_period} "
                        f"(إنذار CUSUM في {alarm_period}؛ خط الأساس نحو {_fmt(base_median)}، "
                        f"الذروة {_fmt(peak_value)})"
                    ),
                    evidence={
                        "series": [
                            {"id": i, "period": p, "value": v}
                            for p, v, i in series[run.start - rule.baseline : run.end + 1]
                        ],
                        "test": {
                            "method": "cusum",
                            "k": rule.k,
                            "h": rule.h,
                            "transform": rule.transform,
                            "baseline_periods": rule.baseline,
                            "baseline_median": base_median,
                            "statistic_peak": round(run.peak, 3),
                            "change_period": start_period,
                            "alarm_period": alarm_period,
                            "ongoing": run.ongoing,
                        },
                    },
                )
            )
    return out


def evaluate_cluster(rule: ClusterRule, hits: list[Hit]) -> list[AlertCandidate]:
    """One candidate per episode in which every indicator co-occurs within the window.

    The episode starts on the first day the window holds every indicator and
    lasts while later qualifying windows overlap it.
    """
    out: list[AlertCandidate] = []
    wanted = set(rule.indicators)
    since = date.fromisoformat(rule.since) if rule.since else None
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        if h.indicator in wanted and (since is None or h.day >= since):
            grouped[h.country].append(h)
    span = timedelta(days=rule.window_days)
    for country, rows in grouped.items():
        rows.sort(key=lambda h: (h.day, h.id))
        # Two pointers over the sorted hits: rows[left..i] is the window ending at
        # hit i; an episode is the contiguous range of rows its windows cover.
        counts = dict.fromkeys(wanted, 0)
        left = 0
        spans: list[tuple[date, date, int, int]] = []  # first day, last day, row range
        for i, end in enumerate(rows):
            counts[end.indicator] += 1
            while rows[left].day < end.day - span:
                counts[rows[left].indicator] -= 1
                left += 1
            if min(counts.values()) < rule.min_hits:
                continue
            if spans and end.day - span <= spans[-1][1]:
                first_day, _, start, _ = spans[-1]
                spans[-1] = (first_day, end.day, start, i)
            else:
                spans.append((end.day, end.day, left, i))
        for first_day, last_day, start, stop in spans:
            ev = rows[start : stop + 1]
            names = " + ".join(sorted(wanted))
            out.append(
                AlertCandidate(
                    rule=rule.name,
                    kind="cluster",
                    country=country,
                    variable="",
                    freq="day",
                    period_start=first_day.isoformat(),
                    period_end=last_day.isoformat(),
                    warned_at=datetime.combine(first_day + timedelta(days=1), datetime.min.time()),
                    severity=rule.severity,
                    score=float(len(ev)),
                    summary_en=(
                        f"{country}: {names} found together within {rule.window_days} days "
                        f"({len(ev)} hits, {ev[0].day} to {last_day})"
                    ),
                    summary_ar=(
                        f"{country}: ظهرت المؤشرات {names} معاً خلال {rule.window_days} يوماً "
                        f"({len(ev)} إشارة، من {ev[0].day} إلى {last_day})"
                    ),
                    evidence={
                        "indicator_hits": [h.id for h in ev[:MAX_EVIDENCE]],
                        "indicator_hits_total": len(ev),
                        "documents": sorted({h.document_id for h in ev})[:MAX_EVIDENCE],
                        "test": {
                            "method": "cluster",
                            "indicators": sorted(wanted),
                            "window_days": rule.window_days,
                            "min_hits": rule.min_hits,
                        },
                    },
                )
            )
    return out


def max_severity(a: str, b: str) -> str:
    return a if SEVERITY_ORDER.index(a) >= SEVERITY_ORDER.index(b) else b
