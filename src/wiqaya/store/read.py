"""Database side of the read stage: which documents are unread, saving results, queries.

Saving a document's reading replaces any earlier one in the same transaction
(delete then insert, then the ``document_reads`` marker), so ``wiqaya read``
is idempotent and an interrupted run resumes where it stopped.

Two ``wiqaya read`` runs (or a run and a Dask run) may fetch the same unread
batch. :func:`save_batch` settles that at write time: it takes the write lock
(SQLite) or locks the document rows in id order (PostgreSQL), then keeps only
the documents that are still unread, so the later writer skips what the earlier
one stored instead of failing on the ``document_reads`` key or redoing it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from wiqaya.read.pipeline import DocumentInput, ReadResult
from wiqaya.store import bulk
from wiqaya.store.models.base import utcnow
from wiqaya.store.models.read import DocumentRead, Event, IndicatorHit, PlaceMention
from wiqaya.store.models.sift import Document, Source
from wiqaya.store.writelock import begin_write


def count_unread(session: Session, coder_version: str | None = None) -> int:
    """Documents with no reading (or, given ``coder_version``, none by that version)."""
    q = select(func.count(Document.id)).where(~_read_clause(coder_version))
    return session.scalar(q) or 0


def _read_clause(coder_version: str | None):  # noqa: ANN202 - SQL expression
    sub = select(DocumentRead.document_id).where(DocumentRead.document_id == Document.id)
    if coder_version:
        sub = sub.where(DocumentRead.coder_version == coder_version)
    return sub.exists()


def unread_batch(
    session: Session, limit: int, after_id: int = 0, coder_version: str | None = None
) -> list[DocumentInput]:
    """The next ``limit`` unread documents by id, as pure pipeline inputs."""
    rows = session.execute(
        select(Document.id, Document.text, Document.lang, Document.published_at)
        .where(Document.id > after_id, ~_read_clause(coder_version))
        .order_by(Document.id)
        .limit(limit)
    ).all()
    return [
        DocumentInput(
            str(r.id),
            r.text or "",
            r.lang if r.lang in ("ar", "en") else None,
            r.published_at.date() if r.published_at else None,
        )
        for r in rows
    ]


@dataclass
class ReadingRows:
    """The rows a batch of readings writes, built from the results alone (no database).

    A Dask worker builds them next to the coder and ships them instead of the
    result objects: plain dicts pickle in a fraction of the time, and the
    driver, the one process every batch passes through, is left with only the
    writes. Timestamps are set when the rows are written.
    """

    coder_version: str
    documents: list[int]
    events: list[dict]
    hits: list[dict]
    places: list[dict]
    reads: list[dict]

    def __len__(self) -> int:
        return len(self.documents)

    def keep(self, ids: set[int]) -> ReadingRows:
        """Only the rows of these documents."""
        if ids.issuperset(self.documents):
            return self

        def rows(table: list[dict]) -> list[dict]:
            return [r for r in table if r["document_id"] in ids]

        return ReadingRows(
            self.coder_version,
            [d for d in self.documents if d in ids],
            rows(self.events),
            rows(self.hits),
            rows(self.places),
            rows(self.reads),
        )


def reading_rows(
    results: list[ReadResult], coder_version: str, error: str | None = None
) -> ReadingRows:
    """The insert rows of these readings, one dict per row of each table."""
    events: list[dict] = []
    hits: list[dict] = []
    places: list[dict] = []
    reads: list[dict] = []
    for result in results:
        doc_id = int(result.id)
        for e in result.events:
            loc = e.location
            place = loc.place if loc else None
            events.append(
                {
                    "document_id": doc_id,
                    "event_type": e.event_type,
                    "cameo": e.cameo,
                    "source_text": e.source.text,
                    "source_country": e.source.country,
                    "source_sector": e.source.sector,
                    "target_text": e.target.text,
                    "target_country": e.target.country,
                    "target_sector": e.target.sector,
                    "location_name": (place.name if place else loc.surface) if loc else None,
                    **_place_columns(place),
                    "event_date": e.date,
                    "evidence": e.evidence,
                    "span_start": e.span_start,
                    "span_end": e.span_end,
                    "sentence": e.sentence,
                    "confidence": e.confidence,
                    "coder_version": coder_version,
                }
            )
        main_country = _main_country(result) if result.indicators else None
        for h in result.indicators:
            hits.append(
                {
                    "document_id": doc_id,
                    "indicator": h.indicator,
                    "evidence": h.evidence,
                    "span_start": h.start,
                    "span_end": h.end,
                    "country": main_country,
                    "hit_date": result.events[0].date if result.events else None,
                    "confidence": h.confidence,
                    "lexicon_version": h.lexicon_version,
                }
            )
        for p in result.places:
            pl = p.place
            places.append(
                {
                    "document_id": doc_id,
                    "surface": p.surface,
                    "name": pl.name if pl else None,
                    **_place_columns(pl),
                    "geonames_id": pl.geonames_id if pl else None,
                    "span_start": p.start,
                    "span_end": p.end,
                    "status": p.status,
                    "candidates": json.dumps(
                        [
                            {"name": c.name, "country": c.country, "kind": c.kind}
                            for c in p.candidates
                        ],
                        ensure_ascii=False,
                    )
                    if p.status == "ambiguous"
                    else None,
                    "gazetteer_version": coder_version,
                }
            )
        reads.append(
            {
                "document_id": doc_id,
                "coder_version": coder_version,
                "lang": result.lang,
                "n_events": len(result.events),
                "n_indicators": len(result.indicators),
                "error": error,
            }
        )
    return ReadingRows(coder_version, [int(r.id) for r in results], events, hits, places, reads)


def save_rows(session: Session, rows: ReadingRows, only: str | None = None) -> ReadingRows:
    """Save the readings of documents still unread; return the rows saved (caller commits).

    ``only`` is the same as for :func:`unread_batch`: ``None`` means "no reading
    at all", a version means "no reading by that version" (``--recode``).
    """
    if not rows.documents:
        return rows
    begin_write(session)
    ids = sorted(rows.documents)
    if bulk.is_postgres(session):
        # Row locks in id order: concurrent writers of overlapping batches
        # queue behind each other instead of deadlocking.
        session.execute(
            select(Document.id).where(Document.id.in_(ids)).order_by(Document.id).with_for_update()
        )
    taken_q = select(DocumentRead.document_id).where(DocumentRead.document_id.in_(ids))
    if only:
        taken_q = taken_q.where(DocumentRead.coder_version == only)
    taken = set(session.scalars(taken_q))
    fresh = rows.keep(set(ids) - taken)
    _write_rows(session, fresh)
    return fresh


def save_batch(
    session: Session,
    results: list[ReadResult],
    coder_version: str,
    only: str | None = None,
) -> list[ReadResult]:
    """:func:`save_rows` for result objects; returns the results saved (caller commits)."""
    if not results:
        return []
    saved = set(save_rows(session, reading_rows(results, coder_version), only).documents)
    return [r for r in results if int(r.id) in saved]


def save_reading(
    session: Session, result: ReadResult, coder_version: str, error: str | None = None
) -> None:
    """Replace the stored reading of one document by ``result`` (caller commits)."""
    _write_rows(session, reading_rows([result], coder_version, error))


def _write_rows(session: Session, rows: ReadingRows) -> None:
    """Replace the stored readings of these documents, set-wise.

    One DELETE per table and one multi-row INSERT per table for the whole batch:
    row-by-row ORM saves made the write, which runs in one process, the part of
    ``wiqaya read`` that extra Dask workers could not shorten.
    """
    if not rows.documents:
        return
    for model in (Event, IndicatorHit, PlaceMention, DocumentRead):
        for member in bulk.member_of(session, model.document_id, rows.documents):
            session.execute(delete(model).where(member))
    now = utcnow()
    events = [{**r, "created_at": now} for r in rows.events]
    reads = [{**r, "read_at": now} for r in rows.reads]
    # Inserts on the tables, not the mapped classes: the same executemany without the
    # ORM's per-row bulk bookkeeping (half the write time of a batch); the session's
    # audit hook still sees them.
    for model, table in ((Event, events), (IndicatorHit, rows.hits), (PlaceMention, rows.places)):
        if table:
            session.execute(insert(model.__table__), table)
    session.execute(insert(DocumentRead.__table__), reads)


def _place_columns(place) -> dict:  # noqa: ANN001 - a gazetteer Place or None
    """Where a resolved place is, as the columns events and place mentions share."""
    if place is None:
        return {"country": None, "admin1": None, "lat": None, "lon": None}
    return {"country": place.country, "admin1": place.admin1, "lat": place.lat, "lon": place.lon}


def _main_country(result: ReadResult) -> str | None:
    counts: dict[str, int] = {}
    for p in result.places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


@dataclass(frozen=True)
class EventFilter:
    country: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None


EXPORT_COLUMNS = (
    "event_id",
    "document_id",
    "event_date",
    "event_type",
    "cameo_root",
    "source_text",
    "source_country",
    "source_sector",
    "target_text",
    "target_country",
    "target_sector",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "evidence",
    "sentence",
    "confidence",
    "coder_version",
    "source_name",
    "url",
)


def iter_events(session: Session, f: EventFilter, chunk: int = 1000) -> Iterator[dict]:
    """Stored events as flat rows (PLOVER fields, CAMEO root, ACLED-like columns)."""
    q = (
        select(Event, Document.url, Source.name, Source.confidential)
        .join(Document, Document.id == Event.document_id)
        .join(Source, Source.id == Document.source_id)
        .order_by(Event.id)
    )
    if f.country:
        q = q.where(Event.country == f.country.upper())
    if f.event_type:
        q = q.where(Event.event_type == f.event_type.upper())
    if f.since:
        q = q.where(Event.event_date >= f.since)
    if f.until:
        q = q.where(Event.event_date <= f.until)
    for e, url, source_name, confidential in session.execute(q.execution_options(yield_per=chunk)):
        # A confidential source shows only its pseudonym; its URLs could point at it.
        if confidential:
            url = None
        yield {
            "event_id": e.id,
            "document_id": e.document_id,
            "event_date": e.event_date.isoformat() if e.event_date else None,
            "event_type": e.event_type,
            "cameo_root": e.cameo,
            "source_text": e.source_text,
            "source_country": e.source_country,
            "source_sector": e.source_sector,
            "target_text": e.target_text,
            "target_country": e.target_country,
            "target_sector": e.target_sector,
            "country": e.country,
            "admin1": e.admin1,
            "location": e.location_name,
            "latitude": e.lat,
            "longitude": e.lon,
            "evidence": e.evidence,
            "sentence": e.sentence,
            "confidence": e.confidence,
            "coder_version": e.coder_version,
            "source_name": source_name,
            "url": url,
        }


@dataclass(frozen=True)
class LatestEvent:
    id: int
    event_type: str
    country: str | None
    location: str | None
    event_date: date | None
    source_text: str | None
    target_text: str | None
    evidence: str
    sentence: str
    # Offsets of the evidence inside ``sentence`` (None when it cannot be placed).
    mark_start: int | None
    mark_end: int | None
    confidence: float
    created_at: datetime


def latest_events(session: Session, limit: int = 10) -> list[LatestEvent]:
    """The most recently coded events with where their evidence sits in the sentence."""
    rows = session.scalars(select(Event).order_by(Event.id.desc()).limit(limit)).all()
    out = []
    for e in rows:
        sentence = e.sentence or e.evidence
        start = sentence.find(e.evidence) if e.evidence else -1
        out.append(
            LatestEvent(
                e.id,
                e.event_type,
                e.country,
                e.location_name,
                e.event_date,
                e.source_text,
                e.target_text,
                e.evidence,
                sentence,
                start if start >= 0 else None,
                start + len(e.evidence) if start >= 0 else None,
                e.confidence,
                e.created_at,
            )
        )
    return out
