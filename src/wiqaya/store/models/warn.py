"""Alerts raised by the warn stage: what changed, where, how bad, and what shows it.

An alert is never duplicated for the same ongoing change: ``dedupe_key`` names the
episode (rule, country, variable, the period the change began) and is unique.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wiqaya.store.models.base import Base, utcnow

ALERT_STATES = ("new", "acknowledged", "escalated", "dismissed")
ALERT_KINDS = ("threshold", "change", "cluster")
SEVERITIES = ("low", "medium", "high", "critical")


class Alert(Base):
    """One warning: a rule fired for a country over an episode of periods."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(80), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(3), index=True)
    # The series variable or forecast target the rule watched ("" for clusters).
    variable: Mapped[str] = mapped_column(String(80), default="")
    freq: Mapped[str] = mapped_column(String(8), default="month")
    # First and latest period of the episode; ``period_start`` is part of the key.
    period_start: Mapped[str] = mapped_column(String(10))
    period_end: Mapped[str] = mapped_column(String(10))
    # When the signal first existed in the data (end of the triggering period):
    # the start of the warning-to-action clock.
    warned_at: Mapped[datetime] = mapped_column(DateTime)
    severity: Mapped[str] = mapped_column(String(10))
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    summary_en: Mapped[str] = mapped_column(Text)
    summary_ar: Mapped[str] = mapped_column(Text)
    # JSON: {"series": [{id, period, value}], "forecasts": [ids], "documents": [ids],
    # "events": [ids], "indicator_hits": [ids], "test": {...}}
    evidence: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="new")
    state_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    state_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    is_example: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(
            "state IN ('new', 'acknowledged', 'escalated', 'dismissed')", name="state_valid"
        ),
        CheckConstraint("severity IN ('low', 'medium', 'high', 'critical')", name="severity_valid"),
        CheckConstraint(
            "state <> 'dismissed' OR (state_reason IS NOT NULL AND state_reason <> '')",
            name="dismiss_has_reason",
        ),
        Index("ix_alerts_state_created", "state", "created_at"),
    )


class AlertTransition(Base):
    """Every state change of an alert, so the timeline shows who moved it and why."""

    __tablename__ = "alert_transitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("alerts.id", ondelete="CASCADE"), index=True
    )
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    actor: Mapped[str | None] = mapped_column(String(120), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
