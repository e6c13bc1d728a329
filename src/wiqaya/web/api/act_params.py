"""What the act/warn API routes share: pagination bounds, safe query strings, the caller.

Query strings are constrained here (length, no control characters) so a hostile
value is a 422 with the one error shape, never a database error.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request

from wiqaya.web.api.common import ErrorBody

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_ID = 2**31 - 1
# Printable text without control characters (NUL breaks PostgreSQL text).
SAFE = r"^[^\x00-\x1f\x7f]*$"
# Free text (notes, reasons) may span lines but never holds a NUL.
SAFE_TEXT = r"^[^\x00]*$"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (1-500).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Country = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code.")
]
ShortText = Annotated[str | None, Query(max_length=80, pattern=SAFE)]


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """The page envelope of every list endpoint (the same as the read API's)."""
    following = offset + limit
    return {
        "items": items,
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": following if following < total else None,
    }


def caller(request: Request) -> str:
    """Who is writing: the principal the security middleware put on ``request.state``
    (its ``actor``), otherwise the bare API marker."""
    principal = getattr(request.state, "principal", None)
    actor = getattr(principal, "actor", None)
    if isinstance(actor, str) and actor:
        return actor[:120]
    return "api"


FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


# Documented on every act/warn router so clients (and schema checkers) know the shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Invalid input (a stable E-... code says which)."},
    401: {"model": ErrorBody, "description": "Not logged in / no valid API token."},
    403: {"model": ErrorBody, "description": "Role too low, or missing CSRF token."},
    404: {"model": ErrorBody, "description": "No such record."},
    409: {"model": ErrorBody, "description": "Conflict with the current state."},
    422: {"model": ErrorBody, "description": "The request does not match the schema."},
    405: {"model": ErrorBody, "description": "Method not allowed."},
    500: {"model": ErrorBody, "description": "Internal error (never with a stack trace)."},
    503: {"model": ErrorBody, "description": "The database is unavailable."},
}
