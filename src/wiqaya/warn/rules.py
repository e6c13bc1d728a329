"""Alert rules as data: a JSON file of thresholds, windows and test parameters.

The bundled ``rules.json`` is the default; ``WIQAYA_ALERT_RULES`` or ``--rules``
points at another file, so a desk can tune thresholds without touching code.
Every field is validated with a message that says which rule and how to fix it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wiqaya.errors import InputError

DEFAULT_RULES = Path(__file__).with_name("rules.json")
SEVERITY_ORDER = ("low", "medium", "high", "critical")


@dataclass(frozen=True)
class ThresholdRule:
    """Fires while a series (or a forecast score) is at or above the lowest level."""

    name: str
    source: str  # series | forecast
    variable: str  # series variable, or forecast target
    freq: str
    levels: dict[str, float]  # severity -> lowest value for it
    since: str | None = None
    model_name: str | None = None
    kind: str = "threshold"

    def severity_for(self, value: float) -> str | None:
        best = None
        for sev in SEVERITY_ORDER:
            if sev in self.levels and value >= self.levels[sev]:
                best = sev
        return best


@dataclass(frozen=True)
class ChangeRule:
    """Fires when a CUSUM test finds an upward shift in a series."""

    name: str
    variable: str
    freq: str
    baseline: int
    k: float = 0.5
    h: float = 5.0
    transform: str = "log1p"
    min_value: float = 0.0  # ignore runs whose peak value stays below this
    since: str | None = None
    kind: str = "change"

    def severity_for(self, peak: float) -> str:
        ratio = peak / self.h
        if ratio >= 4:
            return "critical"
        if ratio >= 2:
            return "high"
        return "medium"


@dataclass(frozen=True)
class ClusterRule:
    """Fires when every listed indicator is found in one country within a window."""

    name: str
    indicators: tuple[str, ...]
    window_days: int
    min_hits: int = 1
    severity: str = "high"
    since: str | None = None  # YYYY-MM-DD
    kind: str = "cluster"


Rule = ThresholdRule | ChangeRule | ClusterRule


@dataclass(frozen=True)
class RuleSet:
    version: str
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def by_name(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise InputError(f"no alert rule named {name!r}", code="E-WRN-004")


def _bad(rule: str, msg: str) -> InputError:
    return InputError(f"alert rule {rule!r}: {msg}", code="E-WRN-002")


def _need(raw: dict[str, Any], key: str, kind: type | tuple[type, ...], name: str) -> Any:
    if key not in raw:
        raise _bad(name, f"missing field {key!r}")
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        raise _bad(name, f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def parse_rule(raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise InputError("each alert rule must be a JSON object", code="E-WRN-002")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 80:
        raise InputError("each alert rule needs a name (1-80 characters)", code="E-WRN-002")
    kind = raw.get("kind")
    freq = raw.get("freq", "month")
    if kind in ("threshold", "change") and freq not in ("month", "year"):
        raise _bad(name, f"freq must be month or year, not {freq!r}")
    if kind == "threshold":
        levels = _need(raw, "levels", dict, name)
        if not levels or any(k not in SEVERITY_ORDER for k in levels):
            raise _bad(name, f"levels must map some of {SEVERITY_ORDER} to numbers")
        if any(isinstance(v, bool) or not isinstance(v, int | float) for v in levels.values()):
            raise _bad(name, "every level must be a number")
        source = raw.get("source", "series")
        if source not in ("series", "forecast"):
            raise _bad(name, "source must be series or forecast")
        return ThresholdRule(
            name=name,
            source=source,
            variable=_need(raw, "variable", str, name),
            freq=freq,
            levels={k: float(v) for k, v in levels.items()},
            since=raw.get("since"),
            model_name=raw.get("model_name"),
        )
    if kind == "change":
        baseline = _need(raw, "baseline", int, name)
        if baseline < 3:
            raise _bad(name, "baseline must be at least 3 periods")
        k = float(raw.get("k", 0.5))
        h = float(raw.get("h", 5.0))
        if k < 0 or h <= 0:
            raise _bad(name, "k must be >= 0 and h > 0")
        transform = raw.get("transform", "log1p")
        if transform not in ("none", "log1p", "sqrt"):
            raise _bad(name, "transform must be none, log1p or sqrt")
        return ChangeRule(
            name=name,
            variable=_need(raw, "variable", str, name),
            freq=freq,
            baseline=baseline,
            k=k,
            h=h,
            transform=transform,
            min_value=float(raw.get("min_value", 0.0)),
            since=raw.get("since"),
        )
    if kind == "cluster":
        indicators = _need(raw, "indicators", list, name)
        if len(indicators) < 2 or not all(isinstance(i, str) and i for i in indicators):
            raise _bad(name, "indicators must list at least two indicator names")
        window = _need(raw, "window_days", int, name)
        if not 1 <= window <= 366:
            raise _bad(name, "window_days must be between 1 and 366")
        severity = raw.get("severity", "high")
        if severity not in SEVERITY_ORDER:
            raise _bad(name, f"severity must be one of {SEVERITY_ORDER}")
        min_hits = raw.get("min_hits", 1)
        if not isinstance(min_hits, int) or min_hits < 1:
            raise _bad(name, "min_hits must be a positive whole number")
        return ClusterRule(
            name=name,
            indicators=tuple(indicators),
            window_days=window,
            min_hits=min_hits,
            severity=severity,
            since=raw.get("since"),
        )
    raise _bad(name, f"kind must be threshold, change or cluster, not {kind!r}")


def load_rules(path: Path | str | None = None) -> RuleSet:
    path = Path(path or os.environ.get("WIQAYA_ALERT_RULES") or DEFAULT_RULES)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"alert rules file not found: {path}", code="E-WRN-001") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(
            f"alert rules file {path} is not valid JSON: {exc}", code="E-WRN-001"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise InputError(
            f"alert rules file {path} must be an object with a 'rules' list", code="E-WRN-001"
        )
    rules = tuple(parse_rule(r) for r in data["rules"])
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        raise InputError(f"alert rules file {path} repeats a rule name", code="E-WRN-003")
    return RuleSet(version=str(data.get("version", "unversioned")), rules=rules)
