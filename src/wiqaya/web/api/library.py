"""``/api/v1/library``: search, records, lessons and the situation-page look-up.

Errors use the one shape ``{"error": {"code", "message"}}`` (raised as
``wiqaya.errors`` exceptions); lists page with ``limit`` and ``offset``.
Authentication is added centrally (a router dependency), not here.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from wiqaya.remember import service
from wiqaya.remember.vocabulary import PROVISIONS, REGIONS, STAGES
from wiqaya.store.remember import item_detail, library_counts
from wiqaya.web.api.common import ERRORS

router = APIRouter(prefix="/api/v1/library", tags=["library"], responses=ERRORS)


def _runtime(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.runtime


@router.get("/search")
def search(
    request: Request,
    q: str = Query("", max_length=2000, description="Words in Arabic or English."),
    limit: int = Query(10, ge=1, le=service.MAX_LIMIT),
    offset: int = Query(0, ge=0),
    country: list[str] = Query([], description="ISO3 or name; repeatable."),
    region: str | None = Query(None),
    date_from: str | None = Query(None, description="YYYY or YYYY-MM-DD"),
    date_to: str | None = Query(None, description="YYYY or YYYY-MM-DD"),
    provision: list[str] = Query([], description="Code (Ce) or name (ceasefire); repeatable."),
    stage: list[str] = Query([]),
    kind: list[str] = Query([], description="agreement, guidance or lesson"),
    mode: str = Query("hybrid", description="hybrid, lexical or semantic"),
) -> dict[str, Any]:
    """Search the library; hits are best first, each with its highlighted passage."""
    filters = service.make_filters(
        country=country,
        region=region,
        date_from=date_from,
        date_to=date_to,
        provision=provision,
        stage=stage,
        kind=kind,
    )
    result = service.search(_runtime(request), q, filters, limit=limit, offset=offset, mode=mode)
    return {
        "query": q,
        "total": result.total,
        "limit": limit,
        "offset": offset,
        "hits": [service.hit_to_dict(h) for h in result.hits],
        "understood": [
            {"source": g.source, "english": g.english, "known": g.known} for g in result.groups
        ],
    }


@router.get("/agreements/{agreement_id}")
def agreement(request: Request, agreement_id: str) -> dict[str, Any]:
    """One agreement by PA-X AgtId (or ``L<n>``), with passages, links and provenance."""
    with _runtime(request).sessions() as session:
        return item_detail(session, agreement_id)


@router.get("/items/{item_id}")
def item(request: Request, item_id: str) -> dict[str, Any]:
    """Any library record: AgtId, ``L<n>`` (library item) or ``D<n>`` (ingested document)."""
    with _runtime(request).sessions() as session:
        return item_detail(session, item_id)


@router.get("/relevant")
def relevant(
    request: Request,
    country: str = Query(..., description="ISO3 or name"),
    provision: list[str] = Query([]),
    situation: str | None = Query(None),
    limit: int = Query(10, ge=1, le=service.MAX_LIMIT),
) -> list[dict[str, Any]]:
    """Agreements and lessons for a situation: same country, same provisions in play."""
    return service.relevant_to(
        _runtime(request), country, provision, situation=situation, limit=limit
    )


class LessonIn(BaseModel):
    title: str = Field(min_length=1, max_length=2000)
    text: str = Field(min_length=1, max_length=200_000)
    country: str | None = None
    situation: str | None = Field(None, max_length=200)
    outcome: str | None = Field(None, max_length=20_000)
    provisions: list[str] = Field(default_factory=list, max_length=60)
    partners: list[str] = Field(default_factory=list, max_length=60)


@router.post("/lessons", status_code=201)
def add_lesson(request: Request, lesson: LessonIn) -> dict[str, Any]:
    """Record a lesson learned (e.g. a response's outcome); it is searchable at once."""
    return service.record_lesson(
        _runtime(request),
        title=lesson.title,
        text=lesson.text,
        country=lesson.country,
        situation=lesson.situation,
        outcome=lesson.outcome,
        provisions=lesson.provisions,
        partners=lesson.partners,
    )


@router.get("/vocabulary")
def vocabulary() -> dict[str, Any]:
    """Provision, stage and region codes with Arabic and English labels (for filters)."""

    def table(d: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
        return [{"code": k, "en": en, "ar": ar} for k, (en, ar) in d.items()]

    return {"provisions": table(PROVISIONS), "stages": table(STAGES), "regions": table(REGIONS)}


@router.get("/stats")
def stats(request: Request) -> dict[str, int]:
    """How many records of each kind the library holds."""
    with _runtime(request).sessions() as session:
        return library_counts(session)
