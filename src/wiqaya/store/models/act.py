"""Situation files, responses, outcomes, the mediation roster, funds and partners (act stage).

Invariants the database itself enforces, so no interleaving of requests can break them:
- an expert is never booked twice on the same day (``booking_days`` primary key);
- a fund's balance never goes below zero (``CHECK`` plus a conditional ``UPDATE``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from wiqaya.store.models.base import Base, utcnow

# The preventive-diplomacy toolbox (UN SG report 2011, paras 10-34).
RESPONSE_TYPES = (
    "statement_of_concern",
    "good_offices_sg",
    "good_offices_regional",
    "special_envoy",
    "fact_finding_mission",
    "group_of_friends",
    "regional_office_engagement",
    "standby_mediation_team",
    "rapid_response_funding",
    "sanctions_referral",
)
OUTCOMES = ("de-escalated", "stable", "escalated")
THEMES = (
    "process_design",
    "ceasefire_security",
    "constitution_making",
    "power_sharing",
    "wealth_sharing",
    "gender_inclusion",
)
GENDERS = ("woman", "man", "other")
PARTNER_KINDS = ("state", "regional_organisation", "coalition", "un_mission", "mission")


class Situation(Base):
    """A crisis file for a country (ISO3) or a region, grouping alerts and actions."""

    __tablename__ = "situations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title_en: Mapped[str] = mapped_column(String(300))
    title_ar: Mapped[str] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(3), nullable=True, index=True)
    region: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20), default="open")
    summary: Mapped[str] = mapped_column(Text, default="")
    # JSON list of {"name", "role"}: the parties and actors involved.
    actors: Mapped[str] = mapped_column(Text, default="[]")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="status_valid"),
        UniqueConstraint("title_en", name="uq_situations_title_en"),
    )


class SituationAlert(Base):
    """An alert filed under a situation; an alert belongs to one situation at most."""

    __tablename__ = "situation_alerts"

    situation_id: Mapped[int] = mapped_column(
        ForeignKey("situations.id", ondelete="CASCADE"), primary_key=True
    )
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True
    )
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("alert_id", name="uq_situation_alerts_alert_id"),)


class Response(Base):
    """A step actually taken from the toolbox: who did what, when."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    situation_id: Mapped[int] = mapped_column(
        ForeignKey("situations.id", ondelete="CASCADE"), index=True
    )
    response_type: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(300))
    taken_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(
            "response_type IN (" + ", ".join(f"'{t}'" for t in RESPONSE_TYPES) + ")",
            name="type_valid",
        ),
    )


class Outcome(Base):
    """What happened after the responses, recorded later."""

    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    situation_id: Mapped[int] = mapped_column(
        ForeignKey("situations.id", ondelete="CASCADE"), index=True
    )
    outcome: Mapped[str] = mapped_column(String(20))
    observed_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("outcome IN ('de-escalated', 'stable', 'escalated')", name="outcome_valid"),
    )


class Expert(Base):
    """A mediator or thematic expert on the standby roster."""

    __tablename__ = "experts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    gender: Mapped[str] = mapped_column(String(10))
    # Space-separated codes, normalised on write: themes, ISO 639-1 languages, regions.
    themes: Mapped[str] = mapped_column(String(400))
    languages: Mapped[str] = mapped_column(String(200))
    regions: Mapped[str] = mapped_column(String(400))
    notes: Mapped[str] = mapped_column(Text, default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("gender IN ('woman', 'man', 'other')", name="gender_valid"),)


class Availability(Base):
    """A window (inclusive dates) in which an expert can deploy."""

    __tablename__ = "expert_availability"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="window_ordered"),)


class Booking(Base):
    """An expert deployed for a situation over an inclusive span of days."""

    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(
        ForeignKey("experts.id", ondelete="RESTRICT"), index=True
    )
    situation_id: Mapped[int | None] = mapped_column(
        ForeignKey("situations.id", ondelete="SET NULL"), nullable=True, index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    booked_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="span_ordered"),)


class BookingDay(Base):
    """One row per booked expert-day: the primary key makes double booking impossible."""

    __tablename__ = "booking_days"

    expert_id: Mapped[int] = mapped_column(
        ForeignKey("experts.id", ondelete="RESTRICT"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("bookings.id", ondelete="CASCADE"), index=True
    )


class Fund(Base):
    """A rapid-response fund; amounts in minor units (cents) so sums are exact."""

    __tablename__ = "funds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    balance_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("balance_minor >= 0", name="balance_not_negative"),)


class FundMovement(Base):
    """A deposit (positive) or an allocation to a situation (negative)."""

    __tablename__ = "fund_movements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id", ondelete="RESTRICT"), index=True)
    situation_id: Mapped[int | None] = mapped_column(
        ForeignKey("situations.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(12))  # deposit | allocation
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    purpose: Mapped[str] = mapped_column(Text, default="")
    made_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("kind IN ('deposit', 'allocation')", name="kind_valid"),
    )


class Partner(Base):
    """A state, regional organisation, coalition or mission that can act in a situation."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200), unique=True)
    name_ar: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    iso3: Mapped[str | None] = mapped_column(String(3), nullable=True)
    # A mission belongs to an organisation (NATO Mission Iraq -> NATO).
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="SET NULL"), nullable=True
    )
    founded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint(
            "kind IN ('state', 'regional_organisation', 'coalition', 'un_mission', 'mission')",
            name="kind_valid",
        ),
    )


class Membership(Base):
    """A member of an organisation or coalition from a date (and until one, if it left)."""

    __tablename__ = "partner_memberships"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("group_id", "member_id", "joined_on", name="uq_partner_memberships_spell"),
        CheckConstraint("group_id <> member_id", name="not_self"),
    )


class Mandate(Base):
    """What a partner is mandated to do over a span: tasks, legal basis, size."""

    __tablename__ = "partner_mandates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    description_en: Mapped[str] = mapped_column(Text)
    description_ar: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    # Personnel or members counted at the start of this span, when known.
    size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")


class SituationPartner(Base):
    """A partner's role in a situation (mediator, host, donor, party, guarantor...)."""

    __tablename__ = "situation_partners"

    situation_id: Mapped[int] = mapped_column(
        ForeignKey("situations.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(80), default="")
