"""``GET /api/v1/forecasts/{target}``: the latest stored scores and the countries not scored."""

from __future__ import annotations

from fastapi import APIRouter, Request

from wiqaya.errors import NotFoundError
from wiqaya.store import assess as store
from wiqaya.web.api.common import ERRORS

router = APIRouter(prefix="/api/v1", tags=["forecasts"], responses=ERRORS)


@router.get("/forecasts/{target}")
def latest_forecasts(request: Request, target: str) -> dict[str, object]:
    with request.app.state.runtime.sessions() as session:
        period = store.latest_period(session, target)
        if period is None:
            raise NotFoundError(f"no stored scores for target {target!r}", code="E-NF-040")
        scores = store.scores_for(session, target, period)
        gaps = store.gaps_for(session, target, period)
    return {
        "target": target,
        "period": period,
        "scores": [
            {
                "country": s.country,
                "model": s.model_name,
                "model_version": s.model_version,
                "score": s.score,
                "quantiles": s.quantiles,
                "rank": s.rank,
                "change": s.change,
                "drivers": s.drivers,
            }
            for s in scores
        ],
        "not_scored": [{"country": g.country, "reason": g.reason} for g in gaps],
    }
