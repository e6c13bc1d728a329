"""``GET /api/v1/risk``: the map's and watchlist's ranking as JSON, for other systems."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from wiqaya.errors import InputError
from wiqaya.store.browse import default_metric, risk_table
from wiqaya.web.api.common import ERRORS
from wiqaya.web.geo import countries

router = APIRouter(prefix="/api/v1", tags=["risk"], responses=ERRORS)


class RiskRow(BaseModel):
    country: str
    name_ar: str
    name_en: str
    region: str
    value: float
    previous: float | None
    change: float | None
    trend: list[float | None]


class RiskResponse(BaseModel):
    metric: str
    model: str | None
    periods: list[str]
    rows: list[RiskRow]


@router.get("/risk", response_model=RiskResponse)
def risk(
    request: Request,
    metric: Literal["forecast", "events", "deaths"] | None = None,
    window: int = Query(1, ge=1, le=12, description="Months of events (metric=events)."),
    region: str | None = Query(None, description="maghreb, mashreq, gulf, horn, sahel, ..."),
    target: str | None = Query(None, description="model:target for metric=forecast."),
) -> RiskResponse:
    """Countries ranked by the latest forecast score, coded events or battle deaths."""
    members = None
    if region is not None:
        if region not in (*countries.REGIONS, countries.OTHER):
            raise InputError(f"unknown region {region!r}", code="E-INP-076")
        members = countries.region_members(region)
    with request.app.state.runtime.sessions() as session:
        chosen = metric or default_metric(session)
        table = risk_table(session, chosen, window=window, forecast_key=target, countries=members)
    return RiskResponse(
        metric=table.metric,
        model=table.choice.key if table.choice else None,
        periods=table.periods,
        rows=[
            RiskRow(
                country=r.country,
                name_ar=countries.name(r.country, "ar"),
                name_en=countries.name(r.country, "en"),
                region=countries.region_of(r.country),
                value=r.value,
                previous=r.previous,
                change=r.change,
                trend=r.trend,
            )
            for r in table.rows
        ],
    )
