"""``/api/v1/experts``, ``/api/v1/roster/match``, ``/api/v1/roster/bookings``: the roster."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field, StrictInt

from wiqaya.act import service
from wiqaya.act.roster import make_request, team_dict
from wiqaya.store import act as store
from wiqaya.web.api.act_params import (
    ERROR_RESPONSES,
    MAX_ID,
    SAFE,
    SAFE_TEXT,
    Limit,
    Offset,
    ShortText,
    caller,
    page,
)
from wiqaya.web.api.common import IsoDate

router = APIRouter(prefix="/api/v1", tags=["roster"], responses=ERROR_RESPONSES)
ExpertId = Annotated[int, Path(ge=1, le=MAX_ID)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Code = Annotated[str, Field(min_length=1, max_length=60, pattern=SAFE)]


class Window(BaseModel):
    starts_on: IsoDate
    ends_on: IsoDate


class ExpertIn(BaseModel):
    name: str = Field(..., min_length=1, max_length=200, pattern=SAFE)
    gender: Literal["woman", "man", "other"]
    themes: list[Code] = Field(..., min_length=1, max_length=10)
    languages: list[Code] = Field(..., min_length=1, max_length=20)
    regions: list[Code] = Field(..., min_length=1, max_length=20)
    availability: list[Window] = Field(default_factory=list, max_length=50)
    notes: str = Field("", max_length=4000, pattern=SAFE_TEXT)


class MatchIn(BaseModel):
    themes: list[Code] = Field(default_factory=list, max_length=10)
    languages: list[Code] = Field(default_factory=list, max_length=20)
    region: str | None = Field(None, max_length=60, pattern=SAFE)
    start: IsoDate
    size: StrictInt = Field(3, ge=1, le=20)
    duration_days: StrictInt = Field(14, ge=1, le=180)


class BookingIn(BaseModel):
    expert_ids: list[Id] = Field(..., min_length=1, max_length=20)
    starts_on: IsoDate
    ends_on: IsoDate
    situation_id: Id | None = None


@router.get("/experts")
def list_experts(
    request: Request,
    theme: ShortText = None,
    language: ShortText = None,
    region: ShortText = None,
    gender: Literal["woman", "man", "other"] | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_experts(
            s,
            theme=theme,
            language=language,
            region=region,
            gender=gender,
            limit=limit,
            offset=offset,
        )
        items = [store.expert_dict(e, store.expert_windows(s, e.id)) for e in rows]
        return page(items, total, limit, offset)


@router.post("/experts", status_code=201)
def add_expert(request: Request, body: ExpertIn) -> dict[str, Any]:
    return service.add_expert(
        request.app.state.runtime,
        by=caller(request),
        name=body.name,
        gender=body.gender,
        themes=body.themes,
        languages=body.languages,
        regions=body.regions,
        windows=[(w.starts_on, w.ends_on) for w in body.availability],
        notes=body.notes,
    )


@router.get("/experts/{expert_id}")
def get_expert(request: Request, expert_id: ExpertId) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        e = store.get_expert(s, expert_id)
        out = store.expert_dict(e, store.expert_windows(s, e.id))
        out["bookings"] = [
            store.booking_dict(b, n)
            for b, n in store.list_bookings(s, expert_id=e.id, limit=500)[0]
        ]
        return out


@router.post("/experts/{expert_id}/availability", status_code=201)
def add_window(request: Request, expert_id: ExpertId, body: Window) -> dict[str, Any]:
    return service.add_availability(
        request.app.state.runtime, expert_id, body.starts_on, body.ends_on, by=caller(request)
    )


@router.post("/roster/match")
def match(request: Request, body: MatchIn) -> dict[str, Any]:
    """A ranked team deployable within 72 hours, with reasons and the gender-balance check."""
    req = make_request(
        body.themes, body.languages, body.region, body.start, body.size, body.duration_days
    )
    return team_dict(service.match(request.app.state.runtime, req))


@router.post("/roster/bookings", status_code=201)
def book(request: Request, body: BookingIn) -> dict[str, Any]:
    items = service.book(
        request.app.state.runtime,
        body.expert_ids,
        body.starts_on,
        body.ends_on,
        situation_id=body.situation_id,
        by=caller(request),
    )
    return {"items": items}


@router.get("/roster/bookings")
def list_bookings(
    request: Request,
    expert_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    situation_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_bookings(
            s, expert_id=expert_id, situation_id=situation_id, limit=limit, offset=offset
        )
        return page([store.booking_dict(b, n) for b, n in rows], total, limit, offset)
