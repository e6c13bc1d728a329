"""Read-only summaries of what has been ingested, for the first page and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wiqaya.store.browse import month_of
from wiqaya.store.models.sift import (
    BattleDeathsRecord,
    DatasetEvent,
    Document,
    Quarantine,
    Sighting,
    Source,
)


@dataclass(frozen=True)
class SourceRow:
    name: str
    kind: str
    documents: int
    sightings: int
    licence: str | None


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM, or "" when the document has no date at all
    lang: str
    documents: int


@dataclass(frozen=True)
class LatestDocument:
    id: int
    title: str | None
    text: str
    lang: str | None
    source: str
    published_at: datetime | None
    ingested_at: datetime


@dataclass(frozen=True)
class QuarantineRow:
    origin: str
    locator: str
    reason: str
    detail: str
    created_at: datetime


@dataclass(frozen=True)
class IngestOverview:
    sources: list[SourceRow]
    months: list[MonthCount]
    latest: list[LatestDocument]
    quarantine: list[QuarantineRow]
    total_documents: int
    total_sightings: int
    total_quarantined: int
    battle_death_rows: int
    dataset_event_rows: int


def ingest_overview(session: Session, *, latest: int = 20, quarantined: int = 50) -> IngestOverview:
    doc_counts = (
        select(Document.source_id, func.count().label("n")).group_by(Document.source_id).subquery()
    )
    sight_counts = (
        select(Sighting.source_id, func.count().label("n")).group_by(Sighting.source_id).subquery()
    )
    source_rows = session.execute(
        select(
            Source.name,
            Source.kind,
            func.coalesce(doc_counts.c.n, 0),
            func.coalesce(sight_counts.c.n, 0),
            Source.licence,
        )
        .outerjoin(doc_counts, doc_counts.c.source_id == Source.id)
        .outerjoin(sight_counts, sight_counts.c.source_id == Source.id)
        .order_by(Source.name)
    ).all()
    # Published date when known, otherwise when we fetched it: every document counts.
    when = func.coalesce(Document.published_at, Document.fetched_at)
    month = month_of(session, when).label("month")
    month_rows = session.execute(
        select(month, func.coalesce(Document.lang, "und"), func.count())
        .group_by(month, Document.lang)
        .order_by(month.desc())
    ).all()
    latest_rows = session.execute(
        select(
            Document.id,
            Document.title,
            func.substr(Document.text, 1, 400),
            Document.lang,
            Source.name,
            Document.published_at,
            Document.ingested_at,
        )
        .join(Source, Source.id == Document.source_id)
        .order_by(Document.ingested_at.desc(), Document.id.desc())
        .limit(latest)
    ).all()
    q_rows = session.execute(
        select(
            Quarantine.origin,
            Quarantine.locator,
            Quarantine.reason,
            Quarantine.detail,
            Quarantine.created_at,
        )
        .order_by(Quarantine.created_at.desc(), Quarantine.id.desc())
        .limit(quarantined)
    ).all()
    return IngestOverview(
        sources=[SourceRow(*r) for r in source_rows],
        months=[MonthCount(r[0] or "", r[1], r[2]) for r in month_rows],
        latest=[LatestDocument(*r) for r in latest_rows],
        quarantine=[QuarantineRow(*r) for r in q_rows],
        total_documents=session.scalar(select(func.count()).select_from(Document)) or 0,
        total_sightings=session.scalar(select(func.count()).select_from(Sighting)) or 0,
        total_quarantined=session.scalar(select(func.count()).select_from(Quarantine)) or 0,
        battle_death_rows=session.scalar(select(func.count()).select_from(BattleDeathsRecord)) or 0,
        dataset_event_rows=session.scalar(select(func.count()).select_from(DatasetEvent)) or 0,
    )
