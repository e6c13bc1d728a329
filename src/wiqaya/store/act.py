"""Reads and writes for the act stage: situations, responses, outcomes, roster, funds, partners.

The two money-and-people invariants are enforced by the database, not by
Python checks that a concurrent request could slip between:
- ``book_expert`` inserts one ``booking_days`` row per day; the primary key
  (expert, day) rejects any overlap, whatever the interleaving;
- ``allocate`` is a single conditional ``UPDATE ... WHERE balance >= amount``
  (and a ``CHECK balance >= 0``), so the balance cannot go below zero.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wiqaya.errors import ConflictError, InputError, NotFoundError
from wiqaya.store.models.act import (
    GENDERS,
    OUTCOMES,
    PARTNER_KINDS,
    RESPONSE_TYPES,
    THEMES,
    Availability,
    Booking,
    BookingDay,
    Expert,
    Fund,
    FundMovement,
    Mandate,
    Membership,
    Outcome,
    Partner,
    Response,
    Situation,
    SituationAlert,
    SituationPartner,
)
from wiqaya.store.models.warn import Alert

ISO3 = re.compile(r"^[A-Z]{3}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_BOOKING_DAYS = 180
MAX_TEXT = 4000
MAX_NAME = 200
# Far above any real fund, far below BigInteger overflow.
MAX_AMOUNT_MINOR = 10**15


def _text(value: str | None, field: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise InputError(f"{field} is required", code="E-ACT-001")
    if len(cleaned) > limit:
        raise InputError(f"{field} is longer than {limit} characters", code="E-ACT-002")
    if "\x00" in cleaned:
        raise InputError(f"{field} contains a NUL character", code="E-ACT-003")
    return cleaned


def _iso3(value: str | None, field: str = "country", *, required: bool = False) -> str | None:
    if value is None or not value.strip():
        if required:
            raise InputError(f"{field} is required (ISO 3166-1 alpha-3)", code="E-ACT-004")
        return None
    code = value.strip().upper()
    if not ISO3.match(code):
        raise InputError(
            f"{field} must be an ISO 3166-1 alpha-3 code like IRQ, got {value!r}", code="E-ACT-004"
        )
    return code


# Dates outside this range are typing mistakes, and near date.max they overflow arithmetic.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


def check_day(day: date | None, field: str) -> None:
    if day is None:
        return
    if not isinstance(day, date):
        raise InputError(f"{field} must be a date", code="E-ACT-006")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(f"{field} must be between {FIRST_DAY} and {LAST_DAY}", code="E-ACT-007")


def _flush_unique(session: Session, message: str, code: str) -> None:
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise ConflictError(message, code=code) from exc


# --- situations ------------------------------------------------------------------------


def create_situation(
    session: Session,
    *,
    title_en: str,
    title_ar: str,
    region: str,
    country: str | None = None,
    summary: str = "",
    actors: list[dict[str, str]] | None = None,
    is_example: bool = False,
) -> Situation:
    actors = actors or []
    if not isinstance(actors, list) or not all(
        isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip() for a in actors
    ):
        raise InputError("actors must be a list of {name, role}", code="E-ACT-005")
    situation = Situation(
        title_en=_text(title_en, "title_en", limit=300),
        title_ar=_text(title_ar, "title_ar", limit=300),
        region=_text(region, "region", limit=80),
        country=_iso3(country),
        summary=_text(summary, "summary", required=False),
        actors=json.dumps(
            [
                {
                    "name": _text(a["name"], "actor name", limit=200),
                    "role": str(a.get("role", ""))[:80],
                }
                for a in actors
            ],
            ensure_ascii=False,
        ),
        is_example=is_example,
    )
    session.add(situation)
    _flush_unique(session, f"a situation titled {situation.title_en!r} exists", "E-CON-130")
    return situation


def get_situation(session: Session, situation_id: int, *, lock: bool = False) -> Situation:
    q = select(Situation).where(Situation.id == situation_id)
    if lock:
        q = q.with_for_update()
    situation = session.scalar(q)
    if situation is None:
        raise NotFoundError(f"no situation with id {situation_id}", code="E-NF-130")
    return situation


def find_situation(session: Session, title_en: str) -> Situation | None:
    return session.scalar(select(Situation).where(Situation.title_en == title_en))


def list_situations(
    session: Session,
    *,
    region: str | None = None,
    country: str | None = None,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Situation], int]:
    conds = []
    if region:
        conds.append(Situation.region == region)
    if country:
        conds.append(Situation.country == country.upper())
    if status:
        conds.append(Situation.status == status)
    total = session.scalar(select(func.count()).select_from(Situation).where(*conds)) or 0
    rows = session.scalars(
        select(Situation).where(*conds).order_by(Situation.id).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def attach_alerts(session: Session, situation_id: int, alert_ids: list[int]) -> list[int]:
    """File alerts under a situation; an alert already filed elsewhere is a conflict."""
    get_situation(session, situation_id)
    added = []
    for alert_id in dict.fromkeys(alert_ids):
        if session.get(Alert, alert_id) is None:
            raise NotFoundError(f"no alert with id {alert_id}", code="E-NF-120")
        current = session.scalar(
            select(SituationAlert.situation_id).where(SituationAlert.alert_id == alert_id)
        )
        if current == situation_id:
            continue
        if current is not None:
            raise ConflictError(
                f"alert {alert_id} is already filed under situation {current}", code="E-CON-131"
            )
        session.add(SituationAlert(situation_id=situation_id, alert_id=alert_id))
        _flush_unique(session, f"alert {alert_id} is already filed", "E-CON-131")
        added.append(alert_id)
    return added


def add_response(
    session: Session,
    situation_id: int,
    *,
    response_type: str,
    actor: str,
    taken_on: date,
    notes: str = "",
    is_example: bool = False,
) -> Response:
    get_situation(session, situation_id)
    check_day(taken_on, "taken_on")
    if response_type not in RESPONSE_TYPES:
        raise InputError(
            f"unknown response type {response_type!r}; one of: {', '.join(RESPONSE_TYPES)}",
            code="E-ACT-010",
        )
    response = Response(
        situation_id=situation_id,
        response_type=response_type,
        actor=_text(actor, "actor", limit=300),
        taken_on=taken_on,
        notes=_text(notes, "notes", required=False),
        is_example=is_example,
    )
    session.add(response)
    session.flush()
    return response


def add_outcome(
    session: Session,
    situation_id: int,
    *,
    outcome: str,
    observed_on: date,
    notes: str = "",
    is_example: bool = False,
) -> Outcome:
    get_situation(session, situation_id)
    check_day(observed_on, "observed_on")
    if outcome not in OUTCOMES:
        raise InputError(
            f"unknown outcome {outcome!r}; one of: {', '.join(OUTCOMES)}", code="E-ACT-011"
        )
    row = Outcome(
        situation_id=situation_id,
        outcome=outcome,
        observed_on=observed_on,
        notes=_text(notes, "notes", required=False),
        is_example=is_example,
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True)
class ClockRow:
    """The inputs of one situation's warning-to-action clock."""

    situation_id: int
    title_en: str
    title_ar: str
    region: str
    country: str | None
    is_example: bool
    first_alert_at: datetime | None
    first_alert_id: int | None
    first_response_on: date | None
    first_response_type: str | None


def clock_rows(session: Session, situation_ids: list[int] | None = None) -> list[ClockRow]:
    first_alert = (
        select(SituationAlert.situation_id, func.min(Alert.warned_at).label("at"))
        .join(Alert, Alert.id == SituationAlert.alert_id)
        .group_by(SituationAlert.situation_id)
        .subquery()
    )
    first_resp = (
        select(Response.situation_id, func.min(Response.taken_on).label("on"))
        .group_by(Response.situation_id)
        .subquery()
    )
    q = (
        select(Situation, first_alert.c.at, first_resp.c.on)
        .outerjoin(first_alert, first_alert.c.situation_id == Situation.id)
        .outerjoin(first_resp, first_resp.c.situation_id == Situation.id)
        .order_by(Situation.id)
    )
    if situation_ids is not None:
        q = q.where(Situation.id.in_(situation_ids))
    out = []
    for sit, alert_at, resp_on in session.execute(q).all():
        alert_id = None
        if alert_at is not None:
            alert_id = session.scalar(
                select(Alert.id)
                .join(SituationAlert, SituationAlert.alert_id == Alert.id)
                .where(SituationAlert.situation_id == sit.id, Alert.warned_at == alert_at)
                .order_by(Alert.id)
                .limit(1)
            )
        resp_type = None
        if resp_on is not None:
            # Ties on the first day: the earliest recorded step counts.
            resp_type = session.scalar(
                select(Response.response_type)
                .where(Response.situation_id == sit.id, Response.taken_on == resp_on)
                .order_by(Response.id)
                .limit(1)
            )
        out.append(
            ClockRow(
                sit.id,
                sit.title_en,
                sit.title_ar,
                sit.region,
                sit.country,
                sit.is_example,
                alert_at,
                alert_id,
                resp_on,
                resp_type,
            )
        )
    return out


def situation_alerts(session: Session, situation_id: int) -> list[Alert]:
    return list(
        session.scalars(
            select(Alert)
            .join(SituationAlert, SituationAlert.alert_id == Alert.id)
            .where(SituationAlert.situation_id == situation_id)
            .order_by(Alert.warned_at, Alert.id)
        ).all()
    )


def alert_situations(session: Session, alert_ids: list[int]) -> dict[int, int]:
    """alert id -> the situation it is filed under."""
    if not alert_ids:
        return {}
    rows = session.execute(
        select(SituationAlert.alert_id, SituationAlert.situation_id).where(
            SituationAlert.alert_id.in_(alert_ids)
        )
    ).all()
    return {a: s for a, s in rows}


def set_status(session: Session, situation_id: int, status: str) -> Situation:
    if status not in ("open", "closed"):
        raise InputError("status must be open or closed", code="E-ACT-008")
    situation = get_situation(session, situation_id, lock=True)
    situation.status = status
    session.flush()
    return situation


def situation_responses(session: Session, situation_id: int) -> list[Response]:
    return list(
        session.scalars(
            select(Response)
            .where(Response.situation_id == situation_id)
            .order_by(Response.taken_on, Response.id)
        ).all()
    )


def situation_outcomes(session: Session, situation_id: int) -> list[Outcome]:
    return list(
        session.scalars(
            select(Outcome)
            .where(Outcome.situation_id == situation_id)
            .order_by(Outcome.observed_on, Outcome.id)
        ).all()
    )


def list_responses(
    session: Session,
    *,
    situation_id: int | None = None,
    response_type: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Response], int]:
    conds = []
    if situation_id is not None:
        conds.append(Response.situation_id == situation_id)
    if response_type:
        conds.append(Response.response_type == response_type)
    total = session.scalar(select(func.count()).select_from(Response).where(*conds)) or 0
    rows = session.scalars(
        select(Response)
        .where(*conds)
        .order_by(Response.taken_on.desc(), Response.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), total


# --- roster ----------------------------------------------------------------------------


def _codes(values: list[str], field: str, allowed: tuple[str, ...] | None = None) -> str:
    cleaned = []
    for v in values:
        code = v.strip().lower().replace(" ", "_").replace("-", "_")
        if not code:
            continue
        if allowed is not None and code not in allowed:
            raise InputError(
                f"unknown {field} {v!r}; one of: {', '.join(allowed)}", code="E-ACT-020"
            )
        if len(code) > 60 or not re.match(r"^[a-z0-9_]+$", code):
            raise InputError(f"{field} {v!r} is not a simple code", code="E-ACT-021")
        cleaned.append(code)
    if not cleaned:
        raise InputError(f"at least one {field} is required", code="E-ACT-022")
    return " ".join(sorted(set(cleaned)))


def add_expert(
    session: Session,
    *,
    name: str,
    gender: str,
    themes: list[str],
    languages: list[str],
    regions: list[str],
    windows: list[tuple[date, date]] | None = None,
    notes: str = "",
    is_example: bool = False,
) -> Expert:
    if gender not in GENDERS:
        raise InputError(f"gender must be one of {', '.join(GENDERS)}", code="E-ACT-023")
    expert = Expert(
        name=_text(name, "name", limit=MAX_NAME),
        gender=gender,
        themes=_codes(themes, "theme", THEMES),
        languages=_codes(languages, "language"),
        regions=_codes(regions, "region"),
        notes=_text(notes, "notes", required=False),
        is_example=is_example,
    )
    session.add(expert)
    _flush_unique(session, f"an expert named {expert.name!r} exists", "E-CON-140")
    for start, end in windows or []:
        add_availability(session, expert.id, start, end)
    return expert


def add_availability(session: Session, expert_id: int, start: date, end: date) -> Availability:
    check_day(start, "start")
    check_day(end, "end")
    if end < start:
        raise InputError("an availability window must end on or after its start", code="E-ACT-024")
    get_expert(session, expert_id)
    window = Availability(expert_id=expert_id, starts_on=start, ends_on=end)
    session.add(window)
    session.flush()
    return window


def get_expert(session: Session, expert_id: int, *, lock: bool = False) -> Expert:
    q = select(Expert).where(Expert.id == expert_id)
    if lock:
        q = q.with_for_update()
    expert = session.scalar(q)
    if expert is None:
        raise NotFoundError(f"no expert with id {expert_id}", code="E-NF-140")
    return expert


def find_expert(session: Session, name: str) -> Expert | None:
    return session.scalar(select(Expert).where(Expert.name == name))


def list_experts(
    session: Session,
    *,
    theme: str | None = None,
    language: str | None = None,
    region: str | None = None,
    gender: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Expert], int]:
    conds = []
    # Codes are space-separated and normalised, so a padded LIKE is an exact token match.
    for col, value in (
        (Expert.themes, theme),
        (Expert.languages, language),
        (Expert.regions, region),
    ):
        if value:
            token = value.strip().lower().replace(" ", "_").replace("-", "_")
            conds.append((" " + col + " ").contains(f" {token} ", autoescape=True))
    if gender:
        conds.append(Expert.gender == gender)
    total = session.scalar(select(func.count()).select_from(Expert).where(*conds)) or 0
    rows = session.scalars(
        select(Expert).where(*conds).order_by(Expert.name).limit(limit).offset(offset)
    ).all()
    return list(rows), total


@dataclass(frozen=True)
class ExpertView:
    """What matching needs to know about an expert, read in one go."""

    id: int
    name: str
    gender: str
    themes: frozenset[str]
    languages: frozenset[str]
    regions: frozenset[str]
    windows: tuple[tuple[date, date], ...]
    booked_days: frozenset[date]
    is_example: bool


def expert_views(session: Session, first_day: date, last_day: date) -> list[ExpertView]:
    experts = session.scalars(select(Expert).order_by(Expert.id)).all()
    windows: dict[int, list[tuple[date, date]]] = {}
    for w in session.scalars(
        select(Availability).where(
            Availability.ends_on >= first_day, Availability.starts_on <= last_day
        )
    ).all():
        windows.setdefault(w.expert_id, []).append((w.starts_on, w.ends_on))
    booked: dict[int, set[date]] = {}
    for expert_id, day in session.execute(
        select(BookingDay.expert_id, BookingDay.day).where(
            BookingDay.day >= first_day, BookingDay.day <= last_day
        )
    ).all():
        booked.setdefault(expert_id, set()).add(day)
    return [
        ExpertView(
            e.id,
            e.name,
            e.gender,
            frozenset(e.themes.split()),
            frozenset(e.languages.split()),
            frozenset(e.regions.split()),
            tuple(sorted(windows.get(e.id, []))),
            frozenset(booked.get(e.id, set())),
            e.is_example,
        )
        for e in experts
    ]


def book_expert(
    session: Session,
    expert_id: int,
    start: date,
    end: date,
    *,
    situation_id: int | None = None,
    booked_by: str | None = None,
    is_example: bool = False,
) -> Booking:
    """Book an expert for an inclusive span of days, or raise ConflictError.

    The expert row is locked first (``FOR UPDATE`` on PostgreSQL; the caller's
    ``BEGIN IMMEDIATE`` on SQLite), and the per-day primary key is the final
    guarantee: two dispatchers can never both hold the same expert-day.
    """
    check_day(start, "start")
    check_day(end, "end")
    if end < start:
        raise InputError("a booking must end on or after its start", code="E-ACT-030")
    days = (end - start).days + 1
    if days > MAX_BOOKING_DAYS:
        raise InputError(f"a booking may last at most {MAX_BOOKING_DAYS} days", code="E-ACT-031")
    expert = get_expert(session, expert_id, lock=True)
    if situation_id is not None:
        get_situation(session, situation_id)
    covered = session.scalar(
        select(func.count())
        .select_from(Availability)
        .where(
            Availability.expert_id == expert_id,
            Availability.starts_on <= start,
            Availability.ends_on >= end,
        )
    )
    if not covered:
        raise ConflictError(
            f"{expert.name} has no availability window covering {start} to {end}",
            code="E-CON-141",
        )
    booking = Booking(
        expert_id=expert_id,
        situation_id=situation_id,
        starts_on=start,
        ends_on=end,
        booked_by=booked_by,
        is_example=is_example,
    )
    session.add(booking)
    session.flush()
    try:
        with session.begin_nested():
            session.add_all(
                BookingDay(
                    expert_id=expert_id, day=start + timedelta(days=i), booking_id=booking.id
                )
                for i in range(days)
            )
            session.flush()
    except IntegrityError as exc:
        raise ConflictError(
            f"{expert.name} is already booked on a day between {start} and {end}",
            code="E-CON-142",
        ) from exc
    return booking


def list_bookings(
    session: Session,
    *,
    expert_id: int | None = None,
    situation_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[tuple[Booking, str]], int]:
    conds = []
    if expert_id is not None:
        conds.append(Booking.expert_id == expert_id)
    if situation_id is not None:
        conds.append(Booking.situation_id == situation_id)
    total = session.scalar(select(func.count()).select_from(Booking).where(*conds)) or 0
    rows = session.execute(
        select(Booking, Expert.name)
        .join(Expert, Expert.id == Booking.expert_id)
        .where(*conds)
        .order_by(Booking.starts_on, Booking.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return [(b, n) for b, n in rows], total


# --- funds -----------------------------------------------------------------------------


def create_fund(
    session: Session,
    *,
    name: str,
    currency: str = "USD",
    initial_minor: int = 0,
    is_example: bool = False,
) -> Fund:
    currency = (currency or "").strip().upper()
    if not CURRENCY.match(currency):
        raise InputError("currency must be an ISO 4217 code like USD", code="E-ACT-040")
    fund = Fund(
        name=_text(name, "name", limit=MAX_NAME),
        currency=currency,
        balance_minor=0,
        is_example=is_example,
    )
    session.add(fund)
    _flush_unique(session, f"a fund named {fund.name!r} exists", "E-CON-150")
    if initial_minor:
        deposit(session, fund.id, initial_minor, purpose="opening balance", is_example=is_example)
        session.refresh(fund)
    return fund


def _check_amount(amount_minor: int) -> None:
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int):
        raise InputError("amount must be a whole number of minor units", code="E-ACT-041")
    if not 0 < amount_minor <= MAX_AMOUNT_MINOR:
        raise InputError("amount must be positive and below 10^13", code="E-ACT-042")


def get_fund(session: Session, fund_id: int) -> Fund:
    fund = session.get(Fund, fund_id)
    if fund is None:
        raise NotFoundError(f"no fund with id {fund_id}", code="E-NF-150")
    return fund


def find_fund(session: Session, name: str) -> Fund | None:
    return session.scalar(select(Fund).where(Fund.name == name))


def deposit(
    session: Session,
    fund_id: int,
    amount_minor: int,
    *,
    purpose: str = "",
    made_by: str | None = None,
    is_example: bool = False,
) -> FundMovement:
    _check_amount(amount_minor)
    result = session.execute(
        update(Fund)
        .where(Fund.id == fund_id, Fund.balance_minor <= MAX_AMOUNT_MINOR - amount_minor)
        .values(balance_minor=Fund.balance_minor + amount_minor)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        get_fund(session, fund_id)
        raise ConflictError(
            "the deposit would exceed the largest balance allowed", code="E-CON-152"
        )
    movement = FundMovement(
        fund_id=fund_id,
        kind="deposit",
        amount_minor=amount_minor,
        purpose=_text(purpose, "purpose", required=False),
        made_by=made_by,
        is_example=is_example,
    )
    session.add(movement)
    session.flush()
    return movement


def allocate(
    session: Session,
    fund_id: int,
    situation_id: int,
    amount_minor: int,
    *,
    purpose: str,
    made_by: str | None = None,
    is_example: bool = False,
) -> FundMovement:
    """Take ``amount_minor`` from a fund for a situation, atomically, or raise ConflictError.

    The check and the debit are one statement: ``UPDATE funds SET balance =
    balance - :a WHERE id = :id AND balance >= :a``. PostgreSQL re-evaluates
    the condition after waiting for a concurrent writer's row lock; SQLite runs
    it under its single writer lock. Either way no interleaving overspends.
    """
    _check_amount(amount_minor)
    get_situation(session, situation_id)
    result = session.execute(
        update(Fund)
        .where(Fund.id == fund_id, Fund.balance_minor >= amount_minor)
        .values(balance_minor=Fund.balance_minor - amount_minor)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        fund = get_fund(session, fund_id)
        session.refresh(fund)
        raise ConflictError(
            f"fund {fund.name!r} holds {fund.balance_minor / 100:,.2f} {fund.currency}, "
            f"less than the {amount_minor / 100:,.2f} requested",
            code="E-CON-151",
        )
    movement = FundMovement(
        fund_id=fund_id,
        situation_id=situation_id,
        kind="allocation",
        amount_minor=amount_minor,
        purpose=_text(purpose, "purpose"),
        made_by=made_by,
        is_example=is_example,
    )
    session.add(movement)
    session.flush()
    return movement


def list_funds(session: Session, *, limit: int = 50, offset: int = 0) -> tuple[list[Fund], int]:
    total = session.scalar(select(func.count()).select_from(Fund)) or 0
    rows = session.scalars(select(Fund).order_by(Fund.name).limit(limit).offset(offset)).all()
    return list(rows), total


def fund_movements(
    session: Session,
    *,
    fund_id: int | None = None,
    situation_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[FundMovement], int]:
    conds = []
    if fund_id is not None:
        conds.append(FundMovement.fund_id == fund_id)
    if situation_id is not None:
        conds.append(FundMovement.situation_id == situation_id)
    total = session.scalar(select(func.count()).select_from(FundMovement).where(*conds)) or 0
    rows = session.scalars(
        select(FundMovement)
        .where(*conds)
        .order_by(FundMovement.created_at, FundMovement.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), total


def allocated_total(session: Session, fund_id: int) -> int:
    return (
        session.scalar(
            select(func.coalesce(func.sum(FundMovement.amount_minor), 0)).where(
                FundMovement.fund_id == fund_id, FundMovement.kind == "allocation"
            )
        )
        or 0
    )


# --- partners --------------------------------------------------------------------------


def add_partner(
    session: Session,
    *,
    name_en: str,
    name_ar: str,
    kind: str,
    iso3: str | None = None,
    parent_id: int | None = None,
    founded_on: date | None = None,
    source: str = "",
    is_example: bool = False,
) -> Partner:
    if kind not in PARTNER_KINDS:
        raise InputError(
            f"partner kind must be one of {', '.join(PARTNER_KINDS)}", code="E-ACT-050"
        )
    check_day(founded_on, "founded_on")
    if parent_id is not None:
        get_partner(session, parent_id)
    partner = Partner(
        name_en=_text(name_en, "name_en", limit=MAX_NAME),
        name_ar=_text(name_ar, "name_ar", limit=MAX_NAME),
        kind=kind,
        iso3=_iso3(iso3, "iso3", required=kind == "state"),
        parent_id=parent_id,
        founded_on=founded_on,
        source=_text(source, "source", required=False),
        is_example=is_example,
    )
    session.add(partner)
    _flush_unique(session, f"a partner named {partner.name_en!r} exists", "E-CON-160")
    return partner


def get_partner(session: Session, partner_id: int) -> Partner:
    partner = session.get(Partner, partner_id)
    if partner is None:
        raise NotFoundError(f"no partner with id {partner_id}", code="E-NF-160")
    return partner


def find_partner(session: Session, name_en: str) -> Partner | None:
    return session.scalar(select(Partner).where(Partner.name_en == name_en))


def list_partners(
    session: Session,
    *,
    kind: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Partner], int]:
    conds = []
    if kind:
        conds.append(Partner.kind == kind)
    if q:
        like = f"%{q.strip()}%"
        conds.append(or_(Partner.name_en.ilike(like), Partner.name_ar.like(like)))
    total = session.scalar(select(func.count()).select_from(Partner).where(*conds)) or 0
    rows = session.scalars(
        select(Partner).where(*conds).order_by(Partner.name_en).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def add_membership(
    session: Session,
    group_id: int,
    member_id: int,
    joined_on: date,
    *,
    left_on: date | None = None,
    source: str = "",
) -> Membership:
    group = get_partner(session, group_id)
    get_partner(session, member_id)
    if group.kind not in ("regional_organisation", "coalition"):
        raise InputError("only organisations and coalitions have members", code="E-ACT-051")
    check_day(joined_on, "joined_on")
    check_day(left_on, "left_on")
    if group_id == member_id:
        raise InputError("a partner cannot be its own member", code="E-ACT-052")
    if left_on is not None and left_on < joined_on:
        raise InputError("left_on must be on or after joined_on", code="E-ACT-053")
    row = Membership(
        group_id=group_id,
        member_id=member_id,
        joined_on=joined_on,
        left_on=left_on,
        source=_text(source, "source", required=False),
    )
    session.add(row)
    _flush_unique(session, "this membership is already recorded", "E-CON-161")
    return row


def members_as_of(session: Session, group_id: int, day: date) -> list[tuple[Partner, Membership]]:
    rows = session.execute(
        select(Partner, Membership)
        .join(Membership, Membership.member_id == Partner.id)
        .where(
            Membership.group_id == group_id,
            Membership.joined_on <= day,
            or_(Membership.left_on.is_(None), Membership.left_on > day),
        )
        .order_by(Membership.joined_on, Partner.name_en)
    ).all()
    return [(p, m) for p, m in rows]


def add_mandate(
    session: Session,
    partner_id: int,
    *,
    starts_on: date,
    description_en: str,
    description_ar: str = "",
    ends_on: date | None = None,
    legal_basis: str = "",
    size: int | None = None,
    source: str = "",
) -> Mandate:
    get_partner(session, partner_id)
    check_day(starts_on, "starts_on")
    check_day(ends_on, "ends_on")
    if ends_on is not None and ends_on < starts_on:
        raise InputError("a mandate must end on or after its start", code="E-ACT-054")
    if size is not None and (isinstance(size, bool) or not 0 <= size <= 10_000_000):
        raise InputError("size must be a count between 0 and 10,000,000", code="E-ACT-055")
    row = Mandate(
        partner_id=partner_id,
        starts_on=starts_on,
        ends_on=ends_on,
        description_en=_text(description_en, "description_en"),
        description_ar=_text(description_ar, "description_ar", required=False),
        legal_basis=_text(legal_basis, "legal_basis", required=False),
        size=size,
        source=_text(source, "source", required=False),
    )
    session.add(row)
    session.flush()
    return row


def mandates(session: Session, partner_id: int) -> list[Mandate]:
    return list(
        session.scalars(
            select(Mandate).where(Mandate.partner_id == partner_id).order_by(Mandate.starts_on)
        ).all()
    )


def link_partner(
    session: Session, situation_id: int, partner_id: int, role: str
) -> SituationPartner:
    get_situation(session, situation_id)
    get_partner(session, partner_id)
    existing = session.get(SituationPartner, (situation_id, partner_id))
    role = _text(role, "role", required=False, limit=80)
    if existing is not None:
        existing.role = role
        return existing
    row = SituationPartner(situation_id=situation_id, partner_id=partner_id, role=role)
    session.add(row)
    session.flush()
    return row


def situation_partners(session: Session, situation_id: int) -> list[tuple[Partner, str]]:
    rows = session.execute(
        select(Partner, SituationPartner.role)
        .join(SituationPartner, SituationPartner.partner_id == Partner.id)
        .where(SituationPartner.situation_id == situation_id)
        .order_by(Partner.name_en)
    ).all()
    return [(p, r) for p, r in rows]


def partner_situations(session: Session, partner_id: int) -> list[tuple[Situation, str]]:
    rows = session.execute(
        select(Situation, SituationPartner.role)
        .join(SituationPartner, SituationPartner.situation_id == Situation.id)
        .where(SituationPartner.partner_id == partner_id)
        .order_by(Situation.id)
    ).all()
    return [(s, r) for s, r in rows]


def country_partners(
    session: Session, country: str, situation_ids: list[int], day: date | None = None
) -> list[tuple[Partner, str]]:
    """Partners present in a country: linked to its situations, or groups it belongs to.

    Returns (partner, role) with role the situation role, or "member" for a group the
    country's state partner belongs to on ``day`` (today when omitted).
    """
    day = day or date.today()
    found: dict[int, tuple[Partner, str]] = {}
    if situation_ids:
        rows = session.execute(
            select(Partner, SituationPartner.role)
            .join(SituationPartner, SituationPartner.partner_id == Partner.id)
            .where(SituationPartner.situation_id.in_(situation_ids))
            .order_by(Partner.name_en, SituationPartner.situation_id)
        ).all()
        for p, role in rows:
            found.setdefault(p.id, (p, role))
    member = select(Partner.id).where(Partner.iso3 == country.upper())
    groups = session.scalars(
        select(Partner)
        .join(Membership, Membership.group_id == Partner.id)
        .where(
            Membership.member_id.in_(member),
            Membership.joined_on <= day,
            or_(Membership.left_on.is_(None), Membership.left_on > day),
        )
        .order_by(Partner.name_en)
    ).all()
    for g in groups:
        found.setdefault(g.id, (g, "member"))
    return sorted(found.values(), key=lambda pr: pr[0].name_en)


def situations_active_between(session: Session, start: date, end: date) -> list[int]:
    """Situations with an alert warned or a response taken in [start, end)."""
    lo, hi = (
        datetime.combine(start, datetime.min.time()),
        datetime.combine(end, datetime.min.time()),
    )
    by_alert = (
        select(SituationAlert.situation_id)
        .join(Alert, Alert.id == SituationAlert.alert_id)
        .where(Alert.warned_at >= lo, Alert.warned_at < hi)
    )
    by_response = select(Response.situation_id).where(
        Response.taken_on >= start, Response.taken_on < end
    )
    ids = set(session.scalars(by_alert).all()) | set(session.scalars(by_response).all())
    return sorted(ids)


def open_alert_counts(session: Session) -> dict[str, int]:
    """country -> number of alerts still open (new, acknowledged or escalated)."""
    rows = session.execute(
        select(Alert.country, func.count())
        .where(Alert.state.in_(("new", "acknowledged", "escalated")))
        .group_by(Alert.country)
    ).all()
    return {c: n for c, n in rows}


# --- serialisation ---------------------------------------------------------------------


def situation_dict(s: Situation) -> dict[str, Any]:
    return {
        "id": s.id,
        "title_en": s.title_en,
        "title_ar": s.title_ar,
        "country": s.country,
        "region": s.region,
        "status": s.status,
        "summary": s.summary,
        "actors": json.loads(s.actors),
        "is_example": s.is_example,
        "created_at": s.created_at.isoformat(),
    }


def response_dict(r: Response) -> dict[str, Any]:
    return {
        "id": r.id,
        "situation_id": r.situation_id,
        "response_type": r.response_type,
        "actor": r.actor,
        "taken_on": r.taken_on.isoformat(),
        "notes": r.notes,
        "is_example": r.is_example,
    }


def outcome_dict(o: Outcome) -> dict[str, Any]:
    return {
        "id": o.id,
        "situation_id": o.situation_id,
        "outcome": o.outcome,
        "observed_on": o.observed_on.isoformat(),
        "notes": o.notes,
        "is_example": o.is_example,
    }


def expert_dict(e: Expert, windows: list[Availability] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "name": e.name,
        "gender": e.gender,
        "themes": e.themes.split(),
        "languages": e.languages.split(),
        "regions": e.regions.split(),
        "notes": e.notes,
        "is_example": e.is_example,
    }
    if windows is not None:
        out["availability"] = [
            {"starts_on": w.starts_on.isoformat(), "ends_on": w.ends_on.isoformat()}
            for w in windows
        ]
    return out


def expert_windows(session: Session, expert_id: int) -> list[Availability]:
    return list(
        session.scalars(
            select(Availability)
            .where(Availability.expert_id == expert_id)
            .order_by(Availability.starts_on)
        ).all()
    )


def booking_dict(b: Booking, expert_name: str) -> dict[str, Any]:
    return {
        "id": b.id,
        "expert_id": b.expert_id,
        "expert": expert_name,
        "situation_id": b.situation_id,
        "starts_on": b.starts_on.isoformat(),
        "ends_on": b.ends_on.isoformat(),
        "booked_by": b.booked_by,
        "is_example": b.is_example,
    }


def fund_dict(f: Fund) -> dict[str, Any]:
    return {
        "id": f.id,
        "name": f.name,
        "currency": f.currency,
        "balance_minor": f.balance_minor,
        "balance": f"{f.balance_minor / 100:.2f}",
        "is_example": f.is_example,
    }


def movement_dict(m: FundMovement) -> dict[str, Any]:
    return {
        "id": m.id,
        "fund_id": m.fund_id,
        "situation_id": m.situation_id,
        "kind": m.kind,
        "amount_minor": m.amount_minor,
        "amount": f"{m.amount_minor / 100:.2f}",
        "purpose": m.purpose,
        "made_by": m.made_by,
        "is_example": m.is_example,
        "created_at": m.created_at.isoformat(),
    }


def partner_dict(p: Partner) -> dict[str, Any]:
    return {
        "id": p.id,
        "name_en": p.name_en,
        "name_ar": p.name_ar,
        "kind": p.kind,
        "iso3": p.iso3,
        "parent_id": p.parent_id,
        "founded_on": p.founded_on.isoformat() if p.founded_on else None,
        "source": p.source,
        "is_example": p.is_example,
    }


def mandate_dict(m: Mandate) -> dict[str, Any]:
    return {
        "id": m.id,
        "starts_on": m.starts_on.isoformat(),
        "ends_on": m.ends_on.isoformat() if m.ends_on else None,
        "description_en": m.description_en,
        "description_ar": m.description_ar,
        "legal_basis": m.legal_basis,
        "size": m.size,
        "source": m.source,
    }
