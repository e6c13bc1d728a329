"""``/api/v1/events``: PLOVER events coded from documents, with evidence and provenance."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict

from wiqaya.store import api_reads as browse
from wiqaya.web.api.common import (
    COUNTRY,
    ERRORS,
    MAX_ID,
    IsoDate,
    Page,
    PageParams,
    envelope,
    page_params,
    read_session,
)

router = APIRouter(prefix="/api/v1", tags=["events"], responses=ERRORS)


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    document_id: int
    event_type: str
    cameo: str | None
    source_text: str | None
    source_country: str | None
    target_text: str | None
    target_country: str | None
    location_name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    event_date: date | None
    evidence: str
    span_start: int | None
    span_end: int | None
    confidence: float
    coder_version: str


@router.get("/events", response_model=Page[EventOut])
def list_events(
    request: Request,
    page: PageParams = Depends(page_params),
    country: str | None = Query(None, pattern=COUNTRY, description="ISO 3166-1 alpha-3"),
    event_type: str | None = Query(None, pattern=r"^[A-Z_]{2,20}$", description="PLOVER type"),
    document_id: int | None = Query(None, ge=1, le=MAX_ID),
    date_from: IsoDate | None = Query(None),
    date_to: IsoDate | None = Query(None),
    min_confidence: float | None = Query(None, ge=0, le=1),
) -> dict[str, object]:
    filters = browse.EventFilters(
        country, event_type, document_id, date_from, date_to, min_confidence
    )
    with read_session(request) as session:
        total, rows = browse.events(session, filters, page.limit, page.offset)
        items = [EventOut.model_validate(e) for e in rows]
    return envelope(total, items, page)


@router.get("/events/{event_id}", response_model=EventOut)
def get_event(request: Request, event_id: int = Path(ge=1, le=MAX_ID)) -> EventOut:
    with read_session(request) as session:
        return EventOut.model_validate(browse.event(session, event_id))
