"""Reads and writes for the warn stage: observations for the rules, and alerts.

Alerts are keyed by their episode (``dedupe_key``, unique in the database): a
second run over the same ongoing change updates that alert, never adds one.
A dismissed or escalated alert keeps its state when its episode continues.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wiqaya.errors import NotFoundError
from wiqaya.store.models.act import SituationAlert
from wiqaya.store.models.assess import ForecastScore, SeriesPoint
from wiqaya.store.models.base import utcnow
from wiqaya.store.models.read import Event, IndicatorHit
from wiqaya.store.models.sift import Document
from wiqaya.store.models.warn import Alert, AlertTransition
from wiqaya.warn.detect import AlertCandidate, Hit, Observation, max_severity
from wiqaya.warn.states import check_transition

MAX_EVENT_EVIDENCE = 50


def series_observations(session: Session, variable: str, freq: str) -> list[Observation]:
    rows = session.execute(
        select(SeriesPoint.id, SeriesPoint.country, SeriesPoint.period, SeriesPoint.value).where(
            SeriesPoint.variable == variable, SeriesPoint.freq == freq
        )
    ).all()
    return [Observation(r[0], r[1], r[2], float(r[3])) for r in rows]


def forecast_observations(
    session: Session, target: str, freq: str, model_name: str | None = None
) -> list[Observation]:
    """The most recent score per country and period (any model version unless named)."""
    q = select(
        ForecastScore.id,
        ForecastScore.country,
        ForecastScore.period,
        ForecastScore.score,
        ForecastScore.made_at,
    ).where(ForecastScore.target == target, ForecastScore.freq == freq)
    if model_name:
        q = q.where(ForecastScore.model_name == model_name)
    latest: dict[tuple[str, str], Any] = {}
    for r in session.execute(q.order_by(ForecastScore.made_at, ForecastScore.id)).all():
        latest[(r[1], r[2])] = r
    return [Observation(r[0], r[1], r[2], float(r[3])) for r in latest.values()]


def indicator_hits(session: Session, indicators: tuple[str, ...]) -> list[Hit]:
    rows = session.execute(
        select(
            IndicatorHit.id,
            IndicatorHit.country,
            IndicatorHit.indicator,
            IndicatorHit.hit_date,
            IndicatorHit.document_id,
        ).where(
            IndicatorHit.indicator.in_(indicators),
            IndicatorHit.country.is_not(None),
            IndicatorHit.hit_date.is_not(None),
        )
    ).all()
    return [Hit(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def event_evidence(
    session: Session, country: str, event_type: str, first: date, last: date
) -> tuple[list[int], list[int]]:
    """Event and document ids behind an events.* series change, bounded for display."""
    rows = session.execute(
        select(Event.id, Event.document_id)
        .where(
            Event.country == country,
            Event.event_type == event_type,
            Event.event_date >= first,
            Event.event_date <= last,
        )
        .order_by(Event.event_date, Event.id)
        .limit(MAX_EVENT_EVIDENCE)
    ).all()
    return [r[0] for r in rows], sorted({r[1] for r in rows})


@dataclass(frozen=True)
class UpsertResult:
    alert_id: int
    created: bool
    updated: bool


def upsert_alert(
    session: Session, cand: AlertCandidate, *, is_example: bool = False
) -> UpsertResult:
    """Insert the alert for a new episode, or refresh the one already raised for it."""
    key = cand.dedupe_key
    existing = session.scalar(select(Alert).where(Alert.dedupe_key == key))
    evidence = json.dumps(cand.evidence, ensure_ascii=False, sort_keys=True, default=str)
    if existing is None:
        alert = Alert(
            rule=cand.rule,
            kind=cand.kind,
            country=cand.country,
            variable=cand.variable,
            freq=cand.freq,
            period_start=cand.period_start,
            period_end=cand.period_end,
            warned_at=cand.warned_at,
            severity=cand.severity,
            score=cand.score,
            summary_en=cand.summary_en,
            summary_ar=cand.summary_ar,
            evidence=evidence,
            dedupe_key=key,
            state="new",
            is_example=is_example,
        )
        # A savepoint: if a concurrent run inserted the same key first, the unique
        # constraint wins and we fall through to the update path.
        try:
            with session.begin_nested():
                session.add(alert)
                session.flush()
            return UpsertResult(alert.id, True, False)
        except IntegrityError:
            existing = session.scalar(select(Alert).where(Alert.dedupe_key == key))
            if existing is None:
                raise
    changed = (
        existing.period_end != cand.period_end
        or existing.evidence != evidence
        or max_severity(existing.severity, cand.severity) != existing.severity
    )
    if changed:
        existing.period_end = cand.period_end
        existing.evidence = evidence
        existing.severity = max_severity(existing.severity, cand.severity)
        existing.score = cand.score
        existing.summary_en = cand.summary_en
        existing.summary_ar = cand.summary_ar
        existing.updated_at = utcnow()
    return UpsertResult(existing.id, False, changed)


@dataclass(frozen=True)
class AlertFilter:
    state: str | None = None
    country: str | None = None
    rule: str | None = None
    severity: str | None = None
    kind: str | None = None
    unfiled: bool = False


def _filtered(q, f: AlertFilter):  # type: ignore[no-untyped-def]
    if f.state:
        q = q.where(Alert.state == f.state)
    if f.country:
        q = q.where(Alert.country == f.country.upper())
    if f.rule:
        q = q.where(Alert.rule == f.rule)
    if f.severity:
        q = q.where(Alert.severity == f.severity)
    if f.kind:
        q = q.where(Alert.kind == f.kind)
    if f.unfiled:
        q = q.where(~Alert.id.in_(select(SituationAlert.alert_id)))
    return q


def list_alerts(
    session: Session, f: AlertFilter, *, limit: int = 50, offset: int = 0
) -> tuple[list[Alert], int]:
    total = session.scalar(_filtered(select(func.count()).select_from(Alert), f)) or 0
    rows = session.scalars(
        _filtered(select(Alert), f)
        .order_by(Alert.warned_at.desc(), Alert.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), total


def get_alert(session: Session, alert_id: int) -> Alert:
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise NotFoundError(f"no alert with id {alert_id}", code="E-NF-120")
    return alert


def transition_alert(
    session: Session, alert_id: int, target: str, *, reason: str | None, actor: str | None
) -> Alert:
    """Move an alert along its life cycle, with a row lock so two analysts cannot race."""
    alert = session.scalar(select(Alert).where(Alert.id == alert_id).with_for_update())
    if alert is None:
        raise NotFoundError(f"no alert with id {alert_id}", code="E-NF-120")
    cleaned = check_transition(alert.state, target, reason)
    session.add(
        AlertTransition(
            alert_id=alert.id, from_state=alert.state, to_state=target, reason=cleaned, actor=actor
        )
    )
    alert.state = target
    alert.state_reason = cleaned
    alert.state_by = actor
    alert.updated_at = utcnow()
    session.flush()
    return alert


def transitions(session: Session, alert_ids: list[int]) -> list[AlertTransition]:
    if not alert_ids:
        return []
    return list(
        session.scalars(
            select(AlertTransition)
            .where(AlertTransition.alert_id.in_(alert_ids))
            .order_by(AlertTransition.at, AlertTransition.id)
        ).all()
    )


def alert_dict(alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.id,
        "rule": alert.rule,
        "kind": alert.kind,
        "country": alert.country,
        "variable": alert.variable,
        "freq": alert.freq,
        "period_start": alert.period_start,
        "period_end": alert.period_end,
        "warned_at": alert.warned_at.isoformat(),
        "severity": alert.severity,
        "score": alert.score,
        "summary_en": alert.summary_en,
        "summary_ar": alert.summary_ar,
        "evidence": json.loads(alert.evidence),
        "state": alert.state,
        "state_reason": alert.state_reason,
        "is_example": alert.is_example,
        "created_at": alert.created_at.isoformat(),
        "updated_at": alert.updated_at.isoformat(),
    }


def alerts_warned_between(
    session: Session, start: date, end: date, *, limit: int = 50
) -> list[Alert]:
    """Alerts whose signal first existed in [start, end), most severe first."""
    rank = {s: i for i, s in enumerate(reversed(("low", "medium", "high", "critical")))}
    rows = session.scalars(
        select(Alert)
        .where(
            Alert.warned_at >= datetime.combine(start, time.min),
            Alert.warned_at < datetime.combine(end, time.min),
        )
        .order_by(Alert.warned_at, Alert.id)
    ).all()
    return sorted(rows, key=lambda a: (rank.get(a.severity, 9), a.warned_at, a.id))[:limit]


def document_titles(session: Session, ids: list[int]) -> dict[int, tuple[str | None, str | None]]:
    """document id -> (title, url), for citing an alert's evidence."""
    if not ids:
        return {}
    rows = session.execute(
        select(Document.id, Document.title, Document.url).where(Document.id.in_(ids))
    ).all()
    return {i: (t, u) for i, t, u in rows}
