"""Run the alert rules over what is stored and file the results as alerts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from wiqaya.runtime import Runtime
from wiqaya.store import warn as store
from wiqaya.store.audit_hook import record_write
from wiqaya.store.engine import transaction
from wiqaya.store.writelock import begin_write
from wiqaya.warn.detect import (
    AlertCandidate,
    evaluate_change,
    evaluate_cluster,
    evaluate_threshold,
)
from wiqaya.warn.periods import ordinal, period_close
from wiqaya.warn.rules import ChangeRule, ClusterRule, RuleSet, ThresholdRule, load_rules

log = logging.getLogger(__name__)


@dataclass
class RuleOutcome:
    rule: str
    kind: str
    candidates: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class RunSummary:
    rules_version: str
    outcomes: list[RuleOutcome] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(o.created for o in self.outcomes)

    @property
    def updated(self) -> int:
        return sum(o.updated for o in self.outcomes)


def _period_first_day(period: str, freq: str) -> date:
    n = ordinal(period, freq)
    return date(n // 12, n % 12 + 1, 1) if freq == "month" else date(n, 1, 1)


def _add_event_evidence(session, cand: AlertCandidate) -> None:  # type: ignore[no-untyped-def]
    if not cand.variable.startswith("events.") or cand.freq not in ("month", "year"):
        return
    first = _period_first_day(cand.period_start, cand.freq)
    last = period_close(cand.period_end, cand.freq).date()
    events, docs = store.event_evidence(session, cand.country, cand.variable[7:], first, last)
    cand.evidence["events"] = events
    cand.evidence["documents"] = docs


def run_rules(
    runtime: Runtime,
    rules: RuleSet | None = None,
    *,
    only: str | None = None,
    is_example: bool = False,
) -> RunSummary:
    """Evaluate each rule and upsert its alerts; one transaction per rule."""
    rules = rules or load_rules()
    selected = [rules.by_name(only)] if only else list(rules.rules)
    summary = RunSummary(rules_version=rules.version)
    for rule in selected:
        outcome = RuleOutcome(rule=rule.name, kind=rule.kind)
        with transaction(runtime.sessions) as session:
            begin_write(session)
            if isinstance(rule, ThresholdRule):
                if rule.source == "forecast":
                    obs = store.forecast_observations(
                        session, rule.variable, rule.freq, rule.model_name
                    )
                else:
                    obs = store.series_observations(session, rule.variable, rule.freq)
                cands = evaluate_threshold(rule, obs)
            elif isinstance(rule, ChangeRule):
                cands = evaluate_change(
                    rule, store.series_observations(session, rule.variable, rule.freq)
                )
            else:
                assert isinstance(rule, ClusterRule)
                cands = evaluate_cluster(rule, store.indicator_hits(session, rule.indicators))
            outcome.candidates = len(cands)
            for cand in cands:
                _add_event_evidence(session, cand)
                result = store.upsert_alert(session, cand, is_example=is_example)
                if result.created or result.updated:
                    record_write(
                        session,
                        "system:alert-rules",
                        "alert.create" if result.created else "alert.update",
                        f"alert:{result.alert_id}",
                        {"rule": rule.name, "key": cand.dedupe_key, "severity": cand.severity},
                    )
                if result.created:
                    outcome.created += 1
                    summary.created_ids.append(result.alert_id)
                elif result.updated:
                    outcome.updated += 1
                else:
                    outcome.unchanged += 1
        log.info("rule %s: %s", rule.name, outcome)
        summary.outcomes.append(outcome)
    return summary
