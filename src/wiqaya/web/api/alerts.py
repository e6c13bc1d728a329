"""``/api/v1/alerts``: list, read, run the rules, and move alerts along their life cycle."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from wiqaya.store import warn as store
from wiqaya.warn.service import move_alert
from wiqaya.web.api.act_params import (
    ERROR_RESPONSES,
    MAX_ID,
    SAFE,
    SAFE_TEXT,
    Country,
    Limit,
    Offset,
    ShortText,
    caller,
    page,
)

router = APIRouter(prefix="/api/v1/alerts", tags=["alerts"], responses=ERROR_RESPONSES)
AlertId = Annotated[int, Path(ge=1, le=MAX_ID)]


class Reason(BaseModel):
    reason: str | None = Field(None, max_length=2000, pattern=SAFE_TEXT)


class Required(BaseModel):
    reason: str = Field(..., min_length=1, max_length=2000, pattern=SAFE_TEXT)


class RunRequest(BaseModel):
    rule: str | None = Field(None, max_length=80, pattern=SAFE)


@router.get("")
def list_alerts(
    request: Request,
    state: Literal["new", "acknowledged", "escalated", "dismissed"] | None = None,
    country: Country = None,
    rule: ShortText = None,
    severity: Literal["low", "medium", "high", "critical"] | None = None,
    kind: Literal["threshold", "change", "cluster"] | None = None,
    unfiled: Annotated[bool, Query(description="Only alerts not yet in a situation.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    f = store.AlertFilter(
        state=state, country=country, rule=rule, severity=severity, kind=kind, unfiled=unfiled
    )
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_alerts(s, f, limit=limit, offset=offset)
        return page([store.alert_dict(a) for a in rows], total, limit, offset)


@router.get("/{alert_id:int}")
def get_alert(request: Request, alert_id: AlertId) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        a = store.get_alert(s, alert_id)
        out = store.alert_dict(a)
        out["history"] = [
            {
                "from": t.from_state,
                "to": t.to_state,
                "reason": t.reason,
                "actor": t.actor,
                "at": t.at.isoformat(),
            }
            for t in store.transitions(s, [a.id])
        ]
        return out


@router.post("/run")
def run(request: Request, body: RunRequest | None = None) -> dict[str, Any]:
    from wiqaya.warn.run import run_rules

    summary = run_rules(request.app.state.runtime, only=body.rule if body else None)
    return {
        "rules_version": summary.rules_version,
        "created": summary.created,
        "updated": summary.updated,
        "created_ids": summary.created_ids,
        "rules": [o.__dict__ for o in summary.outcomes],
    }


@router.post("/{alert_id}/acknowledge")
def acknowledge(request: Request, alert_id: AlertId) -> dict[str, Any]:
    return move_alert(
        request.app.state.runtime, alert_id, "acknowledged", reason=None, actor=caller(request)
    )


@router.post("/{alert_id}/escalate")
def escalate(request: Request, alert_id: AlertId, body: Reason | None = None) -> dict[str, Any]:
    return move_alert(
        request.app.state.runtime,
        alert_id,
        "escalated",
        reason=body.reason if body else None,
        actor=caller(request),
    )


@router.post("/{alert_id}/dismiss")
def dismiss(request: Request, alert_id: AlertId, body: Required) -> dict[str, Any]:
    return move_alert(
        request.app.state.runtime, alert_id, "dismissed", reason=body.reason, actor=caller(request)
    )
