"""All database reads and writes of the assess stage: series points, scores, gaps."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from wiqaya.store.models.assess import BacktestReport, ForecastGap, ForecastScore, SeriesPoint
from wiqaya.store.models.read import Event, IndicatorHit
from wiqaya.store.models.sift import BattleDeathsRecord, Document

CHUNK = 5000


@dataclass(frozen=True)
class ScoreRow:
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
    drivers: list[dict[str, object]]


@dataclass(frozen=True)
class GapRow:
    model_name: str
    model_version: str
    target: str
    country: str
    freq: str
    period: str
    reason: str


def _day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def event_rows(session: Session) -> list[tuple[str | None, date | None, str, str]]:
    """(country, date, PLOVER type, coder version); the date falls back to publication."""
    stmt = select(
        Event.country,
        Event.event_date,
        Document.published_at,
        Event.event_type,
        Event.coder_version,
    ).join(Document, Document.id == Event.document_id)
    return [
        (country, _day(when) or _day(published), kind, version)
        for country, when, published, kind, version in session.execute(stmt)
    ]


def indicator_rows(session: Session) -> list[tuple[str | None, date | None, str, str]]:
    stmt = select(
        IndicatorHit.country,
        IndicatorHit.hit_date,
        Document.published_at,
        IndicatorHit.indicator,
        IndicatorHit.lexicon_version,
    ).join(Document, Document.id == IndicatorHit.document_id)
    return [
        (country, _day(when) or _day(published), kind, version)
        for country, when, published, kind, version in session.execute(stmt)
    ]


def battle_death_rows(session: Session) -> list[dict[str, object]]:
    """UCDP dyad-years imported by ``wiqaya ingest`` (empty when none were)."""
    stmt = select(
        BattleDeathsRecord.dyad_id,
        BattleDeathsRecord.year,
        BattleDeathsRecord.gwno_loc,
        BattleDeathsRecord.gwno_battle,
        BattleDeathsRecord.bd_best,
        BattleDeathsRecord.version,
    )
    return [
        {"dyad_id": d, "year": y, "gwno_loc": g, "gwno_battle": gb, "bd_best": b, "version": v}
        for d, y, g, gb, b, v in session.execute(stmt)
    ]


def replace_series(session: Session, prefixes: Sequence[str], records: Iterable[object]) -> int:
    """Replace every point whose variable starts with one of ``prefixes`` by ``records``.

    One transaction: a failure leaves the old series in place.
    """
    if prefixes:
        session.execute(
            delete(SeriesPoint).where(
                or_(*[SeriesPoint.variable.startswith(p, autoescape=True) for p in prefixes])
            )
        )
    batch: list[dict[str, object]] = []
    n = 0
    for r in records:
        batch.append(
            {
                "country": r.country,  # type: ignore[attr-defined]
                "freq": r.freq,  # type: ignore[attr-defined]
                "period": r.period,  # type: ignore[attr-defined]
                "variable": r.variable,  # type: ignore[attr-defined]
                "value": r.value,  # type: ignore[attr-defined]
                "provenance": r.provenance,  # type: ignore[attr-defined]
                "computed_at": datetime.utcnow(),
            }
        )
        if len(batch) >= CHUNK:
            session.execute(insert(SeriesPoint), batch)
            n += len(batch)
            batch = []
    if batch:
        session.execute(insert(SeriesPoint), batch)
        n += len(batch)
    return n


def series_points(
    session: Session, *, freq: str, prefixes: Sequence[str] = (), country: str | None = None
) -> list[tuple[str, str, str, float]]:
    """(country, period, variable, value) rows, optionally limited by variable prefix/country."""
    stmt = select(SeriesPoint.country, SeriesPoint.period, SeriesPoint.variable, SeriesPoint.value)
    stmt = stmt.where(SeriesPoint.freq == freq)
    if prefixes:
        stmt = stmt.where(
            or_(*[SeriesPoint.variable.startswith(p, autoescape=True) for p in prefixes])
        )
    if country:
        stmt = stmt.where(SeriesPoint.country == country)
    return [tuple(r) for r in session.execute(stmt.order_by(SeriesPoint.period))]  # type: ignore[misc]


def series_summary(session: Session) -> list[tuple[str, str, int, str, str]]:
    """(variable prefix, freq, points, first period, last period) for the build report."""
    prefix = func.substr(SeriesPoint.variable, 1, func.instr(SeriesPoint.variable, ".") - 1)
    if session.get_bind().dialect.name == "postgresql":
        prefix = func.split_part(SeriesPoint.variable, ".", 1)
    stmt = (
        select(
            prefix,
            SeriesPoint.freq,
            func.count(),
            func.min(SeriesPoint.period),
            func.max(SeriesPoint.period),
        )
        .group_by(prefix, SeriesPoint.freq)
        .order_by(prefix, SeriesPoint.freq)
    )
    return [tuple(r) for r in session.execute(stmt)]  # type: ignore[misc]


def store_scores(
    session: Session,
    model_name: str,
    model_version: str,
    target: str,
    period: str,
    scores: Sequence[ScoreRow],
    gaps: Sequence[GapRow],
) -> None:
    """Replace one model's scores and gaps for one period (re-running is idempotent)."""
    for table in (ForecastScore, ForecastGap):
        session.execute(
            delete(table).where(
                table.model_name == model_name,
                table.model_version == model_version,
                table.target == target,
                table.period == period,
            )
        )
    if scores:
        session.execute(
            insert(ForecastScore),
            [
                {
                    "model_name": s.model_name,
                    "model_version": s.model_version,
                    "target": s.target,
                    "country": s.country,
                    "freq": s.freq,
                    "period": s.period,
                    "score": float(s.score),
                    "quantiles": json.dumps(s.quantiles) if s.quantiles is not None else None,
                    "rank": s.rank,
                    "change": s.change,
                    "drivers": json.dumps(s.drivers, ensure_ascii=False),
                    "made_at": datetime.utcnow(),
                }
                for s in scores
            ],
        )
    if gaps:
        session.execute(
            insert(ForecastGap),
            [
                {
                    "model_name": g.model_name,
                    "model_version": g.model_version,
                    "target": g.target,
                    "country": g.country,
                    "freq": g.freq,
                    "period": g.period,
                    "reason": g.reason,
                    "made_at": datetime.utcnow(),
                }
                for g in gaps
            ],
        )


def latest_period(session: Session, target: str) -> str | None:
    """The newest period with scores or with countries that could not be scored."""
    periods = [
        session.scalar(select(func.max(table.period)).where(table.target == target))
        for table in (ForecastScore, ForecastGap)
    ]
    known = [p for p in periods if p]
    return max(known) if known else None


def scores_for(session: Session, target: str, period: str) -> list[ScoreRow]:
    stmt = (
        select(ForecastScore)
        .where(ForecastScore.target == target, ForecastScore.period == period)
        .order_by(ForecastScore.rank, ForecastScore.country)
    )
    return [
        ScoreRow(
            model_name=s.model_name,
            model_version=s.model_version,
            target=s.target,
            country=s.country,
            freq=s.freq,
            period=s.period,
            score=s.score,
            quantiles=json.loads(s.quantiles) if s.quantiles else None,
            rank=s.rank,
            change=s.change,
            drivers=json.loads(s.drivers) if s.drivers else [],
        )
        for s in session.scalars(stmt)
    ]


def gaps_for(session: Session, target: str, period: str) -> list[GapRow]:
    stmt = (
        select(ForecastGap)
        .where(ForecastGap.target == target, ForecastGap.period == period)
        .order_by(ForecastGap.country)
    )
    return [
        GapRow(g.model_name, g.model_version, g.target, g.country, g.freq, g.period, g.reason)
        for g in session.scalars(stmt)
    ]


def targets_with_scores(session: Session) -> list[str]:
    return list(
        session.scalars(select(ForecastScore.target).distinct().order_by(ForecastScore.target))
    )


def save_report(session: Session, report: dict[str, object]) -> None:
    years = report["years"]
    session.add(
        BacktestReport(
            target=str(report["target"]),
            model=str(report["model"]),
            first_year=int(years[0]),  # type: ignore[index]
            last_year=int(years[1]),  # type: ignore[index]
            body=json.dumps(report),
            made_at=datetime.utcnow(),
        )
    )


def latest_report(session: Session, target: str) -> tuple[dict[str, object], datetime] | None:
    row = session.scalars(
        select(BacktestReport)
        .where(BacktestReport.target == target)
        .order_by(BacktestReport.made_at.desc(), BacktestReport.id.desc())
        .limit(1)
    ).first()
    return (json.loads(row.body), row.made_at) if row else None
