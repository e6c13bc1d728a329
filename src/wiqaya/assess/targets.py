"""Series-based forecast targets as configuration (``data/assess/targets.yaml``), validated.

A target says which series jump counts as the outcome, which series predict
it, and how much history a country needs; :mod:`wiqaya.assess.escalation`
turns any such target into forecasts. Adding a target is editing YAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from wiqaya.config import PACKAGE_DATA
from wiqaya.errors import ConfigError

TARGETS_YAML = PACKAGE_DATA / "assess" / "targets.yaml"
RULES = ("rise", "above")
FREQS = ("month", "year")


@dataclass(frozen=True)
class Outcome:
    variable: str
    rule: str
    ratio: float
    baseline_periods: int
    min_count: float


@dataclass(frozen=True)
class TargetSpec:
    name: str
    label_ar: str
    label_en: str
    freq: str
    model_version: str
    outcome: Outcome
    features: tuple[str, ...]
    lags: int
    min_history: int
    min_outcomes: int
    regularisation: float

    @property
    def model_name(self) -> str:
        return f"series_logit_{self.name}"


def _need(mapping: dict, key: str, where: str) -> object:
    if key not in mapping:
        raise ConfigError(f"{where}: missing key {key!r}", code="E-AS-020")
    return mapping[key]


def _positive(value: object, where: str, *, integer: bool = False) -> float:
    try:
        number = int(value) if integer else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where} must be a number, got {value!r}", code="E-AS-021") from exc
    if number <= 0:
        raise ConfigError(f"{where} must be positive, got {value!r}", code="E-AS-021")
    return number


def parse_targets(raw: object, source: str = "targets") -> dict[str, TargetSpec]:
    if not isinstance(raw, dict) or not isinstance(raw.get("targets"), dict):
        raise ConfigError(f"{source}: expected a mapping with a 'targets' section", code="E-AS-020")
    out: dict[str, TargetSpec] = {}
    for name, body in raw["targets"].items():
        where = f"{source}: target {name!r}"
        if not isinstance(body, dict):
            raise ConfigError(f"{where} must be a mapping", code="E-AS-020")
        oc = _need(body, "outcome", where)
        if not isinstance(oc, dict):
            raise ConfigError(f"{where}: outcome must be a mapping", code="E-AS-020")
        rule = str(oc.get("rule", "rise"))
        if rule not in RULES:
            raise ConfigError(f"{where}: outcome.rule must be one of {RULES}", code="E-AS-021")
        freq = str(_need(body, "freq", where))
        if freq not in FREQS:
            raise ConfigError(f"{where}: freq must be one of {FREQS}", code="E-AS-021")
        features = _need(body, "features", where)
        if (
            not isinstance(features, list)
            or not features
            or not all(isinstance(f, str) and "." in f for f in features)
        ):
            raise ConfigError(
                f"{where}: features must be a list of series names like events.ASSAULT",
                code="E-AS-021",
            )
        out[name] = TargetSpec(
            name=str(name),
            label_ar=str(body.get("label_ar", name)),
            label_en=str(body.get("label_en", name)),
            freq=freq,
            model_version=str(body.get("model_version", "1.0")),
            outcome=Outcome(
                variable=str(_need(oc, "variable", where)),
                rule=rule,
                ratio=_positive(oc.get("ratio", 1.5), f"{where}: outcome.ratio"),
                baseline_periods=int(
                    _positive(oc.get("baseline_periods", 3), f"{where}: baseline", integer=True)
                ),
                min_count=_positive(oc.get("min_count", 1), f"{where}: outcome.min_count"),
            ),
            features=tuple(features),
            lags=int(_positive(body.get("lags", 3), f"{where}: lags", integer=True)),
            min_history=int(
                _positive(body.get("min_history", 3), f"{where}: min_history", integer=True)
            ),
            min_outcomes=int(
                _positive(body.get("min_outcomes", 5), f"{where}: min_outcomes", integer=True)
            ),
            regularisation=_positive(body.get("regularisation", 0.5), f"{where}: regularisation"),
        )
    return out


def load_targets(path: Path = TARGETS_YAML) -> dict[str, TargetSpec]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read forecast targets at {path}: {exc}", code="E-AS-022"
        ) from exc
    return parse_targets(raw, str(path))
