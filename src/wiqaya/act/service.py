"""Act operations shared by the CLI, the API and the demo seed; one transaction each.

Writes start with :func:`begin_write` (SQLite's writer lock; row locks on
PostgreSQL where the store needs them) and record themselves in the audit log.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from wiqaya.act import latency as latency_mod
from wiqaya.act import roster
from wiqaya.errors import InputError
from wiqaya.runtime import Runtime
from wiqaya.store import act as store
from wiqaya.store import warn as warn_store
from wiqaya.store.audit_hook import record_write
from wiqaya.store.engine import transaction
from wiqaya.store.writelock import begin_write


def parse_amount(text: str | int | float | Decimal) -> int:
    """``"12,500.50"`` -> 1250050 minor units; refuses more than two decimals."""
    try:
        value = Decimal(str(text).replace(",", "").strip())
    except InvalidOperation as exc:
        raise InputError(f"not an amount: {text!r}", code="E-ACT-043") from exc
    # Bound the size first: quantize() itself fails on numbers like 1E+100000.
    if not value.is_finite() or abs(value) >= Decimal(10) ** 15:
        raise InputError(f"not a plausible amount: {text!r}", code="E-ACT-043")
    if value != value.quantize(Decimal("0.01")):
        raise InputError(f"amount must have at most two decimals: {text!r}", code="E-ACT-043")
    return int(value * 100)


def parse_day(text: str | date, field: str = "date") -> date:
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError as exc:
        raise InputError(f"{field} must be YYYY-MM-DD, got {text!r}", code="E-ACT-006") from exc


# --- situations ------------------------------------------------------------------------


def create_situation(runtime: Runtime, *, by: str | None = None, **fields: Any) -> dict[str, Any]:
    alert_ids = fields.pop("alert_ids", None) or []
    with transaction(runtime.sessions) as s:
        begin_write(s)
        sit = store.create_situation(s, **fields)
        if alert_ids:
            store.attach_alerts(s, sit.id, alert_ids)
        out = store.situation_dict(sit)
        record_write(s, by, "situation.create", f"situation:{sit.id}", {**out, "alerts": alert_ids})
        return out


def attach_alerts(
    runtime: Runtime, situation_id: int, alert_ids: list[int], *, by: str | None = None
) -> list[int]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        added = store.attach_alerts(s, situation_id, alert_ids)
        record_write(
            s, by, "situation.attach_alerts", f"situation:{situation_id}", {"alerts": added}
        )
        return added


def set_status(
    runtime: Runtime, situation_id: int, status: str, *, by: str | None = None
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = store.situation_dict(store.set_status(s, situation_id, status))
        record_write(s, by, f"situation.{status}", f"situation:{situation_id}", {"status": status})
        return out


def add_response(
    runtime: Runtime, situation_id: int, *, by: str | None = None, **fields: Any
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = store.response_dict(store.add_response(s, situation_id, **fields))
        record_write(s, by, "response.create", f"response:{out['id']}", out)
        return out


def add_outcome(
    runtime: Runtime, situation_id: int, *, by: str | None = None, **fields: Any
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = store.outcome_dict(store.add_outcome(s, situation_id, **fields))
        record_write(s, by, "outcome.create", f"outcome:{out['id']}", out)
        return out


def latency(
    runtime: Runtime, *, today: date | None = None, include_examples: bool = True
) -> latency_mod.LatencyReport:
    with runtime.sessions() as s:
        rows = store.clock_rows(s)
    return latency_mod.latency_report(rows, today, include_examples=include_examples)


def situation_file(
    runtime: Runtime, situation_id: int, *, today: date | None = None
) -> dict[str, Any]:
    """Everything on one situation page: alerts, responses, outcomes, clock, team, money."""
    with runtime.sessions() as s:
        sit = store.get_situation(s, situation_id)
        alerts = [warn_store.alert_dict(a) for a in store.situation_alerts(s, situation_id)]
        responses = [store.response_dict(r) for r in store.situation_responses(s, situation_id)]
        outcomes = [store.outcome_dict(o) for o in store.situation_outcomes(s, situation_id)]
        bookings = [
            store.booking_dict(b, n)
            for b, n in store.list_bookings(s, situation_id=situation_id, limit=500)[0]
        ]
        movements, _ = store.fund_movements(s, situation_id=situation_id, limit=500)
        funds = {f.id: f for f in store.list_funds(s, limit=500)[0]}
        allocations = [
            {
                **store.movement_dict(m),
                "fund": funds[m.fund_id].name,
                "currency": funds[m.fund_id].currency,
            }
            for m in movements
        ]
        partners = [
            {**store.partner_dict(p), "role": role}
            for p, role in store.situation_partners(s, situation_id)
        ]
        rows = store.clock_rows(s, [situation_id])
        moves = warn_store.transitions(s, [a["id"] for a in alerts])
    clock = latency_mod.make_clock(rows[0], today or date.today())
    timeline: list[dict[str, Any]] = []
    for a in alerts:
        timeline.append(
            {
                "at": a["warned_at"][:10],
                "kind": "alert",
                "ref": a["id"],
                "variable": a.get("variable"),
                "text_en": a["summary_en"],
                "text_ar": a["summary_ar"],
                "detail": a["severity"],
            }
        )
    for t in moves:
        timeline.append(
            {
                "at": t.at.date().isoformat(),
                "kind": "alert_state",
                "ref": t.alert_id,
                "text_en": f"alert #{t.alert_id} {t.to_state}",
                "text_ar": f"الإنذار رقم {t.alert_id}: {t.to_state}",
                "detail": " ".join(x for x in (t.actor or "", t.reason or "") if x),
                "state": t.to_state,
            }
        )
    for r in responses:
        timeline.append(
            {
                "at": r["taken_on"],
                "kind": "response",
                "ref": r["id"],
                "text_en": f"{r['response_type']}: {r['actor']}",
                "text_ar": f"{r['response_type']}: {r['actor']}",
                "detail": r["notes"],
            }
        )
    for o in outcomes:
        timeline.append(
            {
                "at": o["observed_on"],
                "kind": "outcome",
                "ref": o["id"],
                "text_en": o["outcome"],
                "text_ar": o["outcome"],
                "detail": o["notes"],
            }
        )
    for b in bookings:
        timeline.append(
            {
                "at": b["starts_on"],
                "kind": "deployment",
                "ref": b["id"],
                "text_en": f"{b['expert']} deployed to {b['ends_on']}",
                "text_ar": f"نشر {b['expert']} حتى {b['ends_on']}",
                "detail": "",
            }
        )
    for m in allocations:
        amount = f"{m['amount_minor'] / 100:,.2f} {m['currency']}"
        timeline.append(
            {
                "at": m["created_at"][:10],
                "kind": "funding",
                "ref": m["id"],
                "text_en": f"{amount} from {m['fund']}",
                "text_ar": f"{amount} من {m['fund']}",
                "detail": m["purpose"],
            }
        )
    timeline.sort(key=lambda e: (e["at"], e["kind"], e["ref"]))
    return {
        "situation": store.situation_dict(sit),
        "alerts": alerts,
        "responses": responses,
        "outcomes": outcomes,
        "bookings": bookings,
        "allocations": allocations,
        "partners": partners,
        "clock": latency_mod.clock_dict(clock),
        "timeline": timeline,
    }


# --- roster ----------------------------------------------------------------------------


def add_expert(runtime: Runtime, *, by: str | None = None, **fields: Any) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        expert = store.add_expert(s, **fields)
        out = store.expert_dict(expert, store.expert_windows(s, expert.id))
        record_write(s, by, "expert.create", f"expert:{expert.id}", out)
        return out


def add_availability(
    runtime: Runtime, expert_id: int, start: date, end: date, *, by: str | None = None
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        w = store.add_availability(s, expert_id, start, end)
        out = {
            "id": w.id,
            "expert_id": expert_id,
            "starts_on": start.isoformat(),
            "ends_on": end.isoformat(),
        }
        record_write(s, by, "expert.availability", f"expert:{expert_id}", out)
        return out


def match(runtime: Runtime, req: roster.Request) -> roster.Team:
    with runtime.sessions() as s:
        views = store.expert_views(s, req.start, req.last_day)
    return roster.match_team(req, views)


def book(
    runtime: Runtime,
    expert_ids: list[int],
    start: date,
    end: date,
    *,
    situation_id: int | None = None,
    by: str | None = None,
    is_example: bool = False,
) -> list[dict[str, Any]]:
    """Book one or several experts, all or nothing, in one transaction."""
    if not expert_ids:
        raise InputError("name at least one expert to book", code="E-ACT-032")
    if len(set(expert_ids)) != len(expert_ids):
        raise InputError("an expert is listed twice", code="E-ACT-033")
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = []
        for expert_id in expert_ids:
            b = store.book_expert(
                s,
                expert_id,
                start,
                end,
                situation_id=situation_id,
                booked_by=by,
                is_example=is_example,
            )
            name = store.get_expert(s, expert_id).name
            out.append(store.booking_dict(b, name))
            record_write(s, by, "expert.book", f"booking:{b.id}", out[-1])
        return out


def book_team(
    runtime: Runtime,
    team: roster.Team,
    situation_id: int | None,
    *,
    by: str | None = None,
    is_example: bool = False,
) -> list[dict[str, Any]]:
    """Book a proposed team, each member from their arrival day, all or nothing."""
    last = team.request.last_day
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = []
        for m in team.members:
            b = store.book_expert(
                s,
                m.expert_id,
                m.arrival,
                last,
                situation_id=situation_id,
                booked_by=by,
                is_example=is_example,
            )
            out.append(store.booking_dict(b, m.name))
            record_write(s, by, "expert.book", f"booking:{b.id}", out[-1])
        return out


# --- funds -----------------------------------------------------------------------------


def create_fund(runtime: Runtime, *, by: str | None = None, **fields: Any) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = store.fund_dict(store.create_fund(s, **fields))
        record_write(s, by, "fund.create", f"fund:{out['id']}", out)
        return out


def deposit(
    runtime: Runtime,
    fund_id: int,
    amount_minor: int,
    *,
    purpose: str = "",
    by: str | None = None,
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = store.movement_dict(
            store.deposit(s, fund_id, amount_minor, purpose=purpose, made_by=by)
        )
        record_write(s, by, "fund.deposit", f"fund:{fund_id}", out)
        return out


def allocate(
    runtime: Runtime,
    fund_id: int,
    situation_id: int,
    amount_minor: int,
    *,
    purpose: str,
    by: str | None = None,
    is_example: bool = False,
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        m = store.allocate(
            s,
            fund_id,
            situation_id,
            amount_minor,
            purpose=purpose,
            made_by=by,
            is_example=is_example,
        )
        out = store.movement_dict(m)
        record_write(s, by, "fund.allocate", f"fund:{fund_id}", out)
        return out


def fund_detail(runtime: Runtime, fund_id: int) -> dict[str, Any]:
    with runtime.sessions() as s:
        fund = store.get_fund(s, fund_id)
        movements, total = store.fund_movements(s, fund_id=fund_id, limit=500)
        return {
            **store.fund_dict(fund),
            "allocated_minor": store.allocated_total(s, fund_id),
            "movements": [store.movement_dict(m) for m in movements],
            "movements_total": total,
        }


# --- partners --------------------------------------------------------------------------


def add_partner(runtime: Runtime, *, by: str | None = None, **fields: Any) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = store.partner_dict(store.add_partner(s, **fields))
        record_write(s, by, "partner.create", f"partner:{out['id']}", out)
        return out


def add_membership(
    runtime: Runtime,
    group_id: int,
    member_id: int,
    joined_on: date,
    *,
    left_on: date | None = None,
    source: str = "",
    by: str | None = None,
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        m = store.add_membership(s, group_id, member_id, joined_on, left_on=left_on, source=source)
        out = {
            "id": m.id,
            "group_id": group_id,
            "member_id": member_id,
            "joined_on": joined_on.isoformat(),
            "left_on": left_on.isoformat() if left_on else None,
        }
        record_write(s, by, "partner.membership", f"partner:{group_id}", out)
        return out


def add_mandate(
    runtime: Runtime, partner_id: int, *, by: str | None = None, **fields: Any
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        out = store.mandate_dict(store.add_mandate(s, partner_id, **fields))
        record_write(s, by, "partner.mandate", f"partner:{partner_id}", out)
        return out


def link_partner(
    runtime: Runtime, situation_id: int, partner_id: int, role: str, *, by: str | None = None
) -> dict[str, Any]:
    with transaction(runtime.sessions) as s:
        begin_write(s)
        store.link_partner(s, situation_id, partner_id, role)
        out = {"situation_id": situation_id, "partner_id": partner_id, "role": role}
        record_write(s, by, "situation.link_partner", f"situation:{situation_id}", out)
        return out


def partner_detail(runtime: Runtime, partner_id: int, as_of: date | None = None) -> dict[str, Any]:
    as_of = as_of or date.today()
    with runtime.sessions() as s:
        p = store.get_partner(s, partner_id)
        members = store.members_as_of(s, partner_id, as_of)
        return {
            **store.partner_dict(p),
            "as_of": as_of.isoformat(),
            "members": [
                {**store.partner_dict(m), "joined_on": ms.joined_on.isoformat()}
                for m, ms in members
            ],
            "mandates": [store.mandate_dict(m) for m in store.mandates(s, partner_id)],
            "situations": [
                {"id": sit.id, "title_en": sit.title_en, "title_ar": sit.title_ar, "role": role}
                for sit, role in store.partner_situations(s, partner_id)
            ],
        }
