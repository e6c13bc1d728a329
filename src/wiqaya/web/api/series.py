"""``/api/v1/series`` and ``/api/v1/forecasts``: country-period values and model scores."""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict

from wiqaya.store import api_reads as browse
from wiqaya.web.api.common import (
    COUNTRY,
    ERRORS,
    MAX_ID,
    PERIOD,
    TOKEN,
    Page,
    PageParams,
    UtcDateTime,
    envelope,
    page_params,
    read_session,
)

router = APIRouter(prefix="/api/v1", tags=["series and forecasts"], responses=ERRORS)


class SeriesPointOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    country: str
    freq: str
    period: str
    variable: str
    value: float
    provenance: str
    computed_at: UtcDateTime


class VariableOut(BaseModel):
    variable: str
    countries: int
    points: int


class ForecastOut(BaseModel):
    id: int
    model_name: str
    model_version: str
    target: str
    country: str
    freq: str
    period: str
    score: float
    quantiles: dict[str, float] | None
    rank: int | None
    change: float | None
    drivers: list[dict[str, Any]] | None
    made_at: UtcDateTime

    @classmethod
    def of(cls, row) -> ForecastOut:  # type: ignore[no-untyped-def]
        return cls(
            id=row.id,
            model_name=row.model_name,
            model_version=row.model_version,
            target=row.target,
            country=row.country,
            freq=row.freq,
            period=row.period,
            score=row.score,
            quantiles=_json(row.quantiles, dict),
            rank=row.rank,
            change=row.change,
            drivers=_json(row.drivers, list),
            made_at=row.made_at,
        )


def _json(text: str | None, kind: type) -> Any:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, kind) else None


@router.get("/series", response_model=Page[SeriesPointOut])
def list_series(
    request: Request,
    page: PageParams = Depends(page_params),
    country: str | None = Query(None, pattern=COUNTRY),
    variable: str | None = Query(None, pattern=TOKEN, description="e.g. events.ASSAULT"),
    freq: Literal["month", "year"] | None = Query(None),
    period_from: str | None = Query(None, pattern=PERIOD, description="YYYY-MM or YYYY"),
    period_to: str | None = Query(None, pattern=PERIOD),
) -> dict[str, object]:
    filters = browse.SeriesFilters(country, variable, freq, period_from, period_to)
    with read_session(request) as session:
        total, rows = browse.series(session, filters, page.limit, page.offset)
        items = [SeriesPointOut.model_validate(p) for p in rows]
    return envelope(total, items, page)


@router.get("/series/variables", response_model=list[VariableOut])
def list_variables(request: Request) -> list[VariableOut]:
    with read_session(request) as session:
        return [
            VariableOut(variable=v, countries=c, points=n)
            for v, c, n in browse.series_variables(session)
        ]


@router.get("/forecasts", response_model=Page[ForecastOut])
def list_forecasts(
    request: Request,
    page: PageParams = Depends(page_params),
    country: str | None = Query(None, pattern=COUNTRY),
    target: str | None = Query(None, pattern=TOKEN),
    model_name: str | None = Query(None, pattern=TOKEN),
    period: str | None = Query(None, pattern=PERIOD),
) -> dict[str, object]:
    filters = browse.ForecastFilters(country, target, model_name, period)
    with read_session(request) as session:
        total, rows = browse.forecasts(session, filters, page.limit, page.offset)
        items = [ForecastOut.of(r) for r in rows]
    return envelope(total, items, page)


# Under /scores/ so it never collides with /forecasts/{target} of the assess API.
@router.get("/forecasts/scores/{forecast_id}", response_model=ForecastOut)
def get_forecast(request: Request, forecast_id: int = Path(ge=1, le=MAX_ID)) -> ForecastOut:
    with read_session(request) as session:
        return ForecastOut.of(browse.forecast(session, forecast_id))
