"""Paged, filtered reads of documents, events, series and forecasts (for the REST API).

Every function returns ``(total, rows)`` with a total order (ties broken by id),
so pages never repeat or skip a row. Confidential sources appear only by
their pseudonym (``Source.name``); their documents' URLs and external ids,
which could point at the source, are withheld by :func:`document_link`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from wiqaya.errors import NotFoundError
from wiqaya.store.models.assess import ForecastScore, SeriesPoint
from wiqaya.store.models.read import Event
from wiqaya.store.models.sift import Document, Sighting, Source


def _page(session: Session, query: Select[Any], limit: int, offset: int) -> tuple[int, list[Any]]:
    total = session.execute(
        select(func.count()).select_from(query.order_by(None).subquery())
    ).scalar_one()
    rows = session.execute(query.limit(limit).offset(offset)).all()
    return total, [row if len(row) > 1 else row[0] for row in rows]


def _start(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min) if day else None


def _end(day: date | None) -> datetime | None:
    return datetime.combine(day, time.max) if day else None


@dataclass(frozen=True)
class DocumentFilters:
    source: str | None = None
    lang: str | None = None
    doc_type: str | None = None
    published_from: date | None = None
    published_to: date | None = None


def documents(
    session: Session, f: DocumentFilters, limit: int, offset: int
) -> tuple[int, list[tuple[Document, Source]]]:
    query = select(Document, Source).join(Source, Source.id == Document.source_id)
    if f.source:
        query = query.where(Source.name == f.source)
    if f.lang:
        query = query.where(Document.lang == f.lang)
    if f.doc_type:
        query = query.where(Document.doc_type == f.doc_type)
    if f.published_from:
        query = query.where(Document.published_at >= _start(f.published_from))
    if f.published_to:
        query = query.where(Document.published_at <= _end(f.published_to))
    return _page(session, query.order_by(Document.id.desc()), limit, offset)


def document(session: Session, document_id: int) -> tuple[Document, Source, int]:
    row = session.execute(
        select(Document, Source)
        .join(Source, Source.id == Document.source_id)
        .where(Document.id == document_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no document with id {document_id}", code="E-NF-API-001")
    sightings = session.execute(
        select(func.count()).select_from(Sighting).where(Sighting.document_id == document_id)
    ).scalar_one()
    return row[0], row[1], sightings


def document_link(doc: Document, source: Source) -> tuple[str | None, str | None]:
    """(url, external id), withheld for confidential sources."""
    if source.confidential:
        return None, None
    return doc.url, doc.external_id


@dataclass(frozen=True)
class EventFilters:
    country: str | None = None
    event_type: str | None = None
    document_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    min_confidence: float | None = None


def events(session: Session, f: EventFilters, limit: int, offset: int) -> tuple[int, list[Event]]:
    query = select(Event)
    if f.country:
        query = query.where(Event.country == f.country)
    if f.event_type:
        query = query.where(Event.event_type == f.event_type)
    if f.document_id is not None:
        query = query.where(Event.document_id == f.document_id)
    if f.date_from:
        query = query.where(Event.event_date >= f.date_from)
    if f.date_to:
        query = query.where(Event.event_date <= f.date_to)
    if f.min_confidence is not None:
        query = query.where(Event.confidence >= f.min_confidence)
    order = (Event.event_date.desc().nulls_last(), Event.id.desc())
    return _page(session, query.order_by(*order), limit, offset)


def event(session: Session, event_id: int) -> Event:
    found = session.get(Event, event_id)
    if found is None:
        raise NotFoundError(f"no event with id {event_id}", code="E-NF-API-002")
    return found


@dataclass(frozen=True)
class SeriesFilters:
    country: str | None = None
    variable: str | None = None
    freq: str | None = None
    period_from: str | None = None
    period_to: str | None = None


def series(
    session: Session, f: SeriesFilters, limit: int, offset: int
) -> tuple[int, list[SeriesPoint]]:
    query = select(SeriesPoint)
    if f.country:
        query = query.where(SeriesPoint.country == f.country)
    if f.variable:
        query = query.where(SeriesPoint.variable == f.variable)
    if f.freq:
        query = query.where(SeriesPoint.freq == f.freq)
    if f.period_from:
        query = query.where(SeriesPoint.period >= f.period_from)
    if f.period_to:
        query = query.where(SeriesPoint.period <= f.period_to)
    order = (SeriesPoint.country, SeriesPoint.variable, SeriesPoint.period, SeriesPoint.id)
    return _page(session, query.order_by(*order), limit, offset)


def series_variables(session: Session) -> list[tuple[str, int, int]]:
    """(variable, countries, points) for every variable in the series table."""
    # Counted per (variable, country) first: with ix_series_points_variable_country
    # that is an index-only scan, where count(DISTINCT country) sorted every point.
    per_country = (
        select(SeriesPoint.variable, SeriesPoint.country, func.count().label("n"))
        .group_by(SeriesPoint.variable, SeriesPoint.country)
        .subquery()
    )
    rows = session.execute(
        select(per_country.c.variable, func.count(), func.sum(per_country.c.n))
        .group_by(per_country.c.variable)
        .order_by(per_country.c.variable)
    ).all()
    return [(r[0], int(r[1]), int(r[2])) for r in rows]


@dataclass(frozen=True)
class ForecastFilters:
    country: str | None = None
    target: str | None = None
    model_name: str | None = None
    period: str | None = None


def forecasts(
    session: Session, f: ForecastFilters, limit: int, offset: int
) -> tuple[int, list[ForecastScore]]:
    query = select(ForecastScore)
    if f.country:
        query = query.where(ForecastScore.country == f.country)
    if f.target:
        query = query.where(ForecastScore.target == f.target)
    if f.model_name:
        query = query.where(ForecastScore.model_name == f.model_name)
    if f.period:
        query = query.where(ForecastScore.period == f.period)
    order = (ForecastScore.period.desc(), ForecastScore.score.desc(), ForecastScore.id)
    return _page(session, query.order_by(*order), limit, offset)


def forecast(session: Session, forecast_id: int) -> ForecastScore:
    found = session.get(ForecastScore, forecast_id)
    if found is None:
        raise NotFoundError(f"no forecast with id {forecast_id}", code="E-NF-API-003")
    return found


def sources(session: Session, limit: int, offset: int) -> tuple[int, list[tuple[Source, int]]]:
    counts = (
        select(Document.source_id, func.count().label("n")).group_by(Document.source_id).subquery()
    )
    query = (
        select(Source, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.source_id == Source.id)
        .order_by(Source.name, Source.id)
    )
    return _page(session, query, limit, offset)
