"""``/api/v1/situations`` and ``/api/v1/responses``: situation files, the toolbox, the clock."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from wiqaya.act import service
from wiqaya.act.latency import report_dict
from wiqaya.store import act as store
from wiqaya.store.models.act import OUTCOMES, RESPONSE_TYPES
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
from wiqaya.web.api.common import IsoDate

router = APIRouter(prefix="/api/v1", tags=["situations"], responses=ERROR_RESPONSES)
SituationId = Annotated[int, Path(ge=1, le=MAX_ID)]
ResponseType = Literal[RESPONSE_TYPES]  # type: ignore[valid-type]
OutcomeName = Literal[OUTCOMES]  # type: ignore[valid-type]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class ActorIn(BaseModel):
    name: str = Field(..., min_length=1, max_length=200, pattern=SAFE)
    role: str = Field("", max_length=80, pattern=SAFE)


class SituationIn(BaseModel):
    title_en: str = Field(..., min_length=1, max_length=300, pattern=SAFE)
    title_ar: str = Field(..., min_length=1, max_length=300, pattern=SAFE)
    region: str = Field(..., min_length=1, max_length=80, pattern=SAFE)
    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$")
    summary: str = Field("", max_length=4000, pattern=SAFE_TEXT)
    actors: list[ActorIn] = Field(default_factory=list, max_length=100)
    alert_ids: list[Id] = Field(default_factory=list, max_length=500)


class AlertIds(BaseModel):
    alert_ids: list[Id] = Field(..., min_length=1, max_length=500)


class ResponseIn(BaseModel):
    response_type: ResponseType
    actor: str = Field(..., min_length=1, max_length=300, pattern=SAFE)
    taken_on: IsoDate
    notes: str = Field("", max_length=4000, pattern=SAFE_TEXT)


class OutcomeIn(BaseModel):
    outcome: OutcomeName
    observed_on: IsoDate
    notes: str = Field("", max_length=4000, pattern=SAFE_TEXT)


class StatusIn(BaseModel):
    status: Literal["open", "closed"]


class PartnerLink(BaseModel):
    partner_id: Id
    role: str = Field("", max_length=80, pattern=SAFE)


@router.get("/situations")
def list_situations(
    request: Request,
    region: ShortText = None,
    country: Country = None,
    status: Literal["open", "closed"] | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_situations(
            s, region=region, country=country, status=status, limit=limit, offset=offset
        )
        return page([store.situation_dict(r) for r in rows], total, limit, offset)


@router.post("/situations", status_code=201)
def create_situation(request: Request, body: SituationIn) -> dict[str, Any]:
    data = body.model_dump()
    data["actors"] = [a for a in data["actors"]]
    return service.create_situation(request.app.state.runtime, by=caller(request), **data)


@router.get("/situations/latency")
def latency(
    request: Request,
    examples: Annotated[bool, Query(description="Include demo example situations.")] = True,
) -> dict[str, Any]:
    """Warning-to-action latency per situation and over all situations."""
    return report_dict(service.latency(request.app.state.runtime, include_examples=examples))


@router.get("/situations/{situation_id}")
def situation_file(request: Request, situation_id: SituationId) -> dict[str, Any]:
    return service.situation_file(request.app.state.runtime, situation_id)


@router.post("/situations/{situation_id}/alerts")
def attach(request: Request, situation_id: SituationId, body: AlertIds) -> dict[str, Any]:
    added = service.attach_alerts(
        request.app.state.runtime, situation_id, body.alert_ids, by=caller(request)
    )
    return {"situation_id": situation_id, "added": added}


@router.post("/situations/{situation_id}/responses", status_code=201)
def respond(request: Request, situation_id: SituationId, body: ResponseIn) -> dict[str, Any]:
    return service.add_response(
        request.app.state.runtime, situation_id, by=caller(request), **body.model_dump()
    )


@router.post("/situations/{situation_id}/outcomes", status_code=201)
def outcome(request: Request, situation_id: SituationId, body: OutcomeIn) -> dict[str, Any]:
    return service.add_outcome(
        request.app.state.runtime, situation_id, by=caller(request), **body.model_dump()
    )


@router.post("/situations/{situation_id}/status")
def set_status(request: Request, situation_id: SituationId, body: StatusIn) -> dict[str, Any]:
    return service.set_status(
        request.app.state.runtime, situation_id, body.status, by=caller(request)
    )


@router.post("/situations/{situation_id}/partners")
def link_partner(request: Request, situation_id: SituationId, body: PartnerLink) -> dict[str, Any]:
    return service.link_partner(
        request.app.state.runtime, situation_id, body.partner_id, body.role, by=caller(request)
    )


@router.get("/responses")
def list_responses(
    request: Request,
    situation_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    response_type: ResponseType | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_responses(
            s, situation_id=situation_id, response_type=response_type, limit=limit, offset=offset
        )
        return page([store.response_dict(r) for r in rows], total, limit, offset)
