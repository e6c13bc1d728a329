"""Shared shape of every ``/api/v1`` endpoint: pagination, page envelope, error docs.

A list endpoint looks like::

    @router.get("", response_model=Page[EventOut], responses=ERRORS)
    def list_events(request: Request, page: PageParams = Depends(page_params), ...):
        with read_session(request) as session:
            total, rows = browse.events(session, filters, page.limit, page.offset)
        return envelope(total, [EventOut.of(r) for r in rows], page)

and answers ``{"items": [...], "total": N, "limit": L, "offset": O, "next_offset": O+L|null}``.
Every error, whatever the status, is ``{"error": {"code", "message"}}``
(wired in ``web/app.py``); ``ERRORS`` documents that in OpenAPI so clients and
Schemathesis know it. Query strings are validated by pattern and bounds before
they reach the database, so hostile input gets a 422, never a 500.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query, Request
from pydantic import AfterValidator, BaseModel, BeforeValidator
from sqlalchemy.orm import Session

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
MAX_ID = 2**31 - 1
# Patterns for common filters: bounded, printable, nothing a database chokes on.
COUNTRY = r"^[A-Z]{3}$"
PERIOD = r"^\d{4}(-(0[1-9]|1[0-2]))?$"
NAME = r"^[^\x00-\x1f\x7f]{1,200}$"
TOKEN = r"^[A-Za-z0-9_.:-]{1,80}$"
LANG = r"^[a-z]{2,3}$"

T = TypeVar("T")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value: Any) -> Any:
    # Pydantic's lax mode would read "0" as 1970-01-01; a filter must say what it means.
    # and a JSON number 0 as the same day: only ISO strings (or dates) are dates.
    if isinstance(value, str):
        if not _ISO_DATE.match(value):
            raise ValueError("expected a date as YYYY-MM-DD")
    elif not isinstance(value, date):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


def _as_utc(value: datetime) -> datetime:
    # The database stores naive UTC; say so on the wire (RFC 3339 needs an offset).
    return value if value.tzinfo else value.replace(tzinfo=UTC)


IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]
UtcDateTime = Annotated[datetime, AfterValidator(_as_utc)]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad request"},
    401: {"model": ErrorBody, "description": "Not logged in / no valid API token"},
    403: {"model": ErrorBody, "description": "Role too low, or missing CSRF token"},
    404: {"model": ErrorBody, "description": "No such record"},
    405: {"model": ErrorBody, "description": "Method not allowed"},
    422: {"model": ErrorBody, "description": "Invalid parameters"},
    500: {"model": ErrorBody, "description": "Internal error (never with a stack trace)"},
}


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


def page_params(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip"),
) -> PageParams:
    return PageParams(limit, offset)


@contextmanager
def read_session(request: Request) -> Iterator[Session]:
    with request.app.state.runtime.sessions() as session:
        yield session


def envelope(total: int, items: list[Any], page: PageParams) -> dict[str, Any]:
    """The page envelope every list endpoint returns."""
    following = page.offset + page.limit
    return {
        "items": items,
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": following if following < total else None,
    }
