"""``/api/v1/funds``: balances, deposits and allocations that can never overspend."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
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
    caller,
    page,
)

router = APIRouter(prefix="/api/v1/funds", tags=["funds"], responses=ERROR_RESPONSES)
FundId = Annotated[int, Path(ge=1, le=MAX_ID)]
# Amounts travel as decimal strings ("2500.00") so no float rounding touches money.
Amount = Annotated[
    str, Field(min_length=1, max_length=24, pattern=r"^[0-9][0-9,]*(\.[0-9]{1,2})?$")
]


class FundIn(BaseModel):
    name: str = Field(..., min_length=1, max_length=200, pattern=SAFE)
    currency: str = Field("USD", pattern=r"^[A-Za-z]{3}$")
    opening_balance: Amount = "0"


class DepositIn(BaseModel):
    amount: Amount
    purpose: str = Field("", max_length=4000, pattern=SAFE_TEXT)


class AllocationIn(BaseModel):
    situation_id: StrictInt = Field(..., ge=1, le=MAX_ID)
    amount: Amount
    purpose: str = Field(..., min_length=1, max_length=4000, pattern=SAFE_TEXT)


@router.get("")
def list_funds(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_funds(s, limit=limit, offset=offset)
        items = [
            {**store.fund_dict(f), "allocated_minor": store.allocated_total(s, f.id)} for f in rows
        ]
        return page(items, total, limit, offset)


@router.post("", status_code=201)
def create_fund(request: Request, body: FundIn) -> dict[str, Any]:
    return service.create_fund(
        request.app.state.runtime,
        by=caller(request),
        name=body.name,
        currency=body.currency,
        initial_minor=service.parse_amount(body.opening_balance),
    )


@router.get("/{fund_id}")
def fund_detail(request: Request, fund_id: FundId) -> dict[str, Any]:
    return service.fund_detail(request.app.state.runtime, fund_id)


@router.post("/{fund_id}/deposits", status_code=201)
def deposit(request: Request, fund_id: FundId, body: DepositIn) -> dict[str, Any]:
    return service.deposit(
        request.app.state.runtime,
        fund_id,
        service.parse_amount(body.amount),
        purpose=body.purpose,
        by=caller(request),
    )


@router.post("/{fund_id}/allocations", status_code=201)
def allocate(request: Request, fund_id: FundId, body: AllocationIn) -> dict[str, Any]:
    """Refused with 409 when the fund cannot cover it, however many requests race."""
    return service.allocate(
        request.app.state.runtime,
        fund_id,
        body.situation_id,
        service.parse_amount(body.amount),
        purpose=body.purpose,
        by=caller(request),
    )
