"""``/api/v1/me`` (who is calling) and ``/healthz`` (is the process up)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from wiqaya.web.api.common import ERRORS
from wiqaya.web.security.middleware import current_principal

router = APIRouter(tags=["account"], responses=ERRORS)


class MeOut(BaseModel):
    username: str
    role: str
    via: str
    # For scripts in the page: send it back as X-CSRF-Token on writes. Another site
    # cannot read this response (same-origin policy), so handing it out is safe.
    csrf_token: str | None = None


class Health(BaseModel):
    status: str


@router.get("/api/v1/me", response_model=MeOut)
def me(request: Request) -> MeOut:
    principal = current_principal(request)
    assert principal is not None  # the policy makes this route need a login
    return MeOut(
        username=principal.username,
        role=principal.role,
        via=principal.via,
        csrf_token=principal.csrf_token,
    )


@router.get("/healthz", response_model=Health, include_in_schema=False)
def healthz() -> Health:
    return Health(status="ok")
