"""``/api/v1/partners``: states, organisations, coalitions and missions, members and mandates."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field, StrictInt

from wiqaya.act import service
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

router = APIRouter(prefix="/api/v1/partners", tags=["partners"], responses=ERROR_RESPONSES)
PartnerId = Annotated[int, Path(ge=1, le=MAX_ID)]
Kind = Literal["state", "regional_organisation", "coalition", "un_mission", "mission"]


class PartnerIn(BaseModel):
    name_en: str = Field(..., min_length=1, max_length=200, pattern=SAFE)
    name_ar: str = Field(..., min_length=1, max_length=200, pattern=SAFE)
    kind: Kind
    iso3: str | None = Field(None, pattern=r"^[A-Za-z]{3}$")
    parent_id: StrictInt | None = Field(None, ge=1, le=MAX_ID)
    founded_on: IsoDate | None = None
    source: str = Field("", max_length=4000, pattern=SAFE_TEXT)


class MemberIn(BaseModel):
    member_id: StrictInt = Field(..., ge=1, le=MAX_ID)
    joined_on: IsoDate
    left_on: IsoDate | None = None
    source: str = Field("", max_length=4000, pattern=SAFE_TEXT)


class MandateIn(BaseModel):
    starts_on: IsoDate
    ends_on: IsoDate | None = None
    description_en: str = Field(..., min_length=1, max_length=4000, pattern=SAFE_TEXT)
    description_ar: str = Field("", max_length=4000, pattern=SAFE_TEXT)
    legal_basis: str = Field("", max_length=4000, pattern=SAFE_TEXT)
    size: StrictInt | None = Field(None, ge=0, le=10_000_000)
    source: str = Field("", max_length=4000, pattern=SAFE_TEXT)


@router.get("")
def list_partners(
    request: Request,
    kind: Kind | None = None,
    q: ShortText = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_partners(s, kind=kind, q=q, limit=limit, offset=offset)
        return page([store.partner_dict(p) for p in rows], total, limit, offset)


@router.post("", status_code=201)
def add_partner(request: Request, body: PartnerIn) -> dict[str, Any]:
    return service.add_partner(request.app.state.runtime, by=caller(request), **body.model_dump())


@router.get("/{partner_id}")
def partner_detail(
    request: Request,
    partner_id: PartnerId,
    as_of: Annotated[IsoDate | None, Query(description="Members on this date.")] = None,
) -> dict[str, Any]:
    return service.partner_detail(request.app.state.runtime, partner_id, as_of)


@router.post("/{partner_id}/members", status_code=201)
def add_member(request: Request, partner_id: PartnerId, body: MemberIn) -> dict[str, Any]:
    return service.add_membership(
        request.app.state.runtime,
        partner_id,
        body.member_id,
        body.joined_on,
        left_on=body.left_on,
        source=body.source,
        by=caller(request),
    )


@router.post("/{partner_id}/mandates", status_code=201)
def add_mandate(request: Request, partner_id: PartnerId, body: MandateIn) -> dict[str, Any]:
    return service.add_mandate(
        request.app.state.runtime, partner_id, by=caller(request), **body.model_dump()
    )
