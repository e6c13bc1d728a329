"""All database reads and writes of the sift stage (ingest and export).

Writes are batched: one ``executemany`` per table per batch, inside the caller's
transaction, so a batch is stored entirely or not at all. Inserts that may meet
a row already stored by an earlier (possibly interrupted) run use
``ON CONFLICT DO NOTHING`` on the table's natural key, which is what makes a
re-run add nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, case, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from wiqaya.store import bulk
from wiqaya.store.models.sift import (
    BattleDeathsRecord,
    DatasetEvent,
    Document,
    IngestedFile,
    LshBand,
    Quarantine,
    Sighting,
    Source,
)

# SQLite's default limit on bound parameters is 32766; stay far below it and keep
# PostgreSQL statements short too.
IN_CHUNK = 900

documents_t: Table = Document.__table__  # type: ignore[assignment]
sightings_t: Table = Sighting.__table__  # type: ignore[assignment]
bands_t: Table = LshBand.__table__  # type: ignore[assignment]
quarantine_t: Table = Quarantine.__table__  # type: ignore[assignment]
files_t: Table = IngestedFile.__table__  # type: ignore[assignment]
battle_t: Table = BattleDeathsRecord.__table__  # type: ignore[assignment]
events_t: Table = DatasetEvent.__table__  # type: ignore[assignment]


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _insert_ignore(session: Session, table: Table):  # type: ignore[no-untyped-def]
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


# Page cache per SQLite connection during ingest: the band index is written at random
# keys, and with SQLite's default 2 MB cache every insert re-reads pages.
SQLITE_INGEST_CACHE_KIB = 64 * 1024


def tune_for_ingest(session: Session) -> None:
    """Per-connection settings for bulk ingest (SQLite only; PostgreSQL needs none)."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_INGEST_CACHE_KIB}")


def ensure_source(session: Session, name: str, *, kind: str = "files") -> int:
    found = session.scalar(select(Source.id).where(Source.name == name))
    if found is not None:
        return found
    session.execute(_insert_ignore(session, Source.__table__), [{"name": name, "kind": kind}])
    return session.scalar(select(Source.id).where(Source.name == name))  # type: ignore[return-value]


def set_source_details(
    session: Session, source_id: int, *, kind: str | None = None, licence: str | None = None
) -> None:
    """Fill in kind/licence; a licence already recorded is never overwritten."""
    if kind:
        session.execute(update(Source).where(Source.id == source_id).values(kind=kind))
    if licence:
        session.execute(
            update(Source)
            .where(Source.id == source_id, Source.licence.is_(None))
            .values(licence=licence[:400])
        )


def file_done(session: Session, source_id: int, sha256: str) -> bool:
    return (
        session.scalar(
            select(IngestedFile.id).where(
                IngestedFile.source_id == source_id, IngestedFile.sha256 == sha256
            )
        )
        is not None
    )


def mark_file_done(
    session: Session, source_id: int, origin: str, sha256: str, size: int, records: int
) -> None:
    session.execute(
        _insert_ignore(session, files_t),
        [
            {
                "source_id": source_id,
                "origin": origin,
                "sha256": sha256,
                "size_bytes": size,
                "records": records,
            }
        ],
    )


def seen_locators(
    session: Session, source_id: int, origin: str, locators: Sequence[str]
) -> set[str]:
    """Locators in ``origin`` already recorded as sightings for this source."""
    seen: set[str] = set()
    for member in bulk.member_of(session, Sighting.locator, locators):
        seen.update(
            session.scalars(
                select(Sighting.locator).where(
                    Sighting.source_id == source_id,
                    Sighting.origin == origin,
                    member,
                )
            )
        )
    return seen


def documents_by_hash(session: Session, hashes: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for member in bulk.member_of(session, Document.content_hash, list(hashes)):
        found.update(
            session.execute(select(Document.content_hash, Document.id).where(member)).all()
        )
    return found


def band_candidates(session: Session, keys: Iterable[int]) -> dict[int, list[int]]:
    """Documents sharing each band key.

    Straight to the driver, like :func:`insert_bands`: the rows returned grow with
    the corpus (popular buckets), and SQLAlchemy's per-row result processing was
    most of this look-up's cost.
    """
    out: dict[int, list[int]] = {}
    ordered = sorted(set(keys))
    conn = session.connection()
    postgres = bulk.is_postgres(session)
    for chunk in bulk.chunks(ordered, bulk.PG_CHUNK if postgres else bulk.SQLITE_CHUNK):
        if postgres:
            sql = "SELECT band_key, document_id FROM lsh_bands WHERE band_key = ANY(%s::bigint[])"
            params: tuple[Any, ...] = (list(chunk),)
        else:
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT band_key, document_id FROM lsh_bands WHERE band_key IN ({marks})"
            params = tuple(chunk)
        for key, doc_id in conn.exec_driver_sql(sql, params):
            out.setdefault(key, []).append(doc_id)
    return out


def document_signatures(
    session: Session, ids: Iterable[int]
) -> dict[int, tuple[str, bytes | None]]:
    """Content hash and stored MinHash signature (``None`` if stored without one) by id."""
    out: dict[int, tuple[str, bytes | None]] = {}
    for member in bulk.member_of(session, Document.id, list(ids)):
        for doc_id, digest, blob in session.execute(
            select(Document.id, Document.content_hash, Document.minhash).where(member)
        ):
            out[doc_id] = (digest, blob)
    return out


def document_texts(session: Session, ids: Iterable[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for member in bulk.member_of(session, Document.id, list(ids)):
        out.update(session.execute(select(Document.id, Document.text).where(member)).all())
    return out


def insert_documents(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert new documents (distinct ``content_hash``); their ids, in the order of ``rows``.

    A plain executemany (RETURNING with a guaranteed row order makes SQLAlchemy
    fall back to one statement per row), then the ids are read back by scanning
    the ids above the largest one stored before: new ids are always above it on
    both back ends, and that scan reads the pages just written, where a look-up
    by the unique hash is a random probe per row into an index that grows with
    the corpus. Rows another writer added meanwhile are read too and ignored;
    anything not found that way (never expected) is looked up by hash.
    """
    if not rows:
        return []
    before = session.scalar(select(func.max(Document.id))) or 0
    session.execute(insert(documents_t), rows)
    wanted = {r["content_hash"] for r in rows}
    ids: dict[str, int] = {}
    for digest, doc_id in session.execute(
        select(Document.content_hash, Document.id).where(Document.id > before)
    ):
        if digest in wanted:
            ids[digest] = doc_id
    if len(ids) < len(wanted):
        ids.update(documents_by_hash(session, wanted - ids.keys()))
    return [ids[r["content_hash"]] for r in rows]


def insert_sightings(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        bulk.insert_ignore(session, sightings_t, rows)


def insert_bands(session: Session, rows: Sequence[tuple[int, int]]) -> None:
    """(band_key, document_id) pairs. The bulk of ingest's rows (16 per document), so
    they go straight to the driver's executemany, skipping per-row statement work;
    on PostgreSQL large batches go through COPY (wiqaya.store.bulk).

    Band keys are random, so a batch touches leaves all over the key index; in key
    order each insert lands next to the previous one instead of descending from the
    root into a cold page (a third less time per batch at 100,000 documents).
    """
    if not rows:
        return
    rows = sorted(rows, key=itemgetter(0))
    if session.get_bind().dialect.name == "postgresql":
        if len(rows) >= bulk.COPY_MIN_ROWS:
            bulk.insert_ignore(
                session, bands_t, [{"band_key": k, "document_id": d} for k, d in rows]
            )
            return
        sql = "INSERT INTO lsh_bands (band_key, document_id) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    else:
        sql = "INSERT OR IGNORE INTO lsh_bands (band_key, document_id) VALUES (?, ?)"
    session.connection().exec_driver_sql(sql, list(rows))


def insert_quarantine(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        session.execute(_insert_ignore(session, quarantine_t), rows)


def _insert_new(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert rows, skipping those already stored; how many were new."""
    if not rows:
        return 0
    stmt = _insert_ignore(session, table).returning(table.c.id)
    return len(session.execute(stmt, rows).all())


def insert_battle_deaths(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    new = _insert_new(session, battle_t, rows)
    # Rows stored before the battle location was kept get it from a re-import
    # of the same file (only rows already stored can lack it); nothing else of
    # a stored row changes.
    located = [
        {"b_dyad": r["dyad_id"], "b_year": r["year"], "b_version": r["version"], "b_battle": g}
        for r in rows
        if (g := r.get("gwno_battle"))
    ]
    if located and new < len(rows):
        session.execute(
            update(battle_t)
            .where(
                battle_t.c.dyad_id == bindparam("b_dyad"),
                battle_t.c.year == bindparam("b_year"),
                battle_t.c.version == bindparam("b_version"),
                battle_t.c.gwno_battle.is_(None),
            )
            .values(gwno_battle=bindparam("b_battle"))
            .execution_options(synchronize_session=False),
            located,
        )
    return new


def insert_dataset_events(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    return _insert_new(session, events_t, rows)


@dataclass(frozen=True)
class ExportFilters:
    source: str | None = None
    lang: str | None = None
    doc_type: str | None = None
    since: datetime | None = None
    until: datetime | None = None


EXPORT_COLUMNS = (
    "id",
    "source",
    "doc_type",
    "external_id",
    "title",
    "url",
    "lang",
    "published_at",
    "fetched_at",
    "encoding",
    "content_hash",
    "sightings",
    "text",
)


def iter_export_documents(
    session: Session, filters: ExportFilters, *, chunk: int = 1000
) -> Iterator[tuple[Any, ...]]:
    """Stream documents (columns :data:`EXPORT_COLUMNS`) in id order, ``chunk`` at a time.

    Keyset pagination rather than a server-side cursor: memory stays bounded on
    both back ends and no long transaction holds SQLite's WAL open.
    """
    sightings = (
        select(func.count())
        .where(Sighting.document_id == Document.id)
        .correlate(Document)
        .scalar_subquery()
    )
    when = func.coalesce(Document.published_at, Document.fetched_at)
    # A confidential source shows only its pseudonym (Source.name); a URL or external
    # id could point at it, so those are withheld as in the API (SECURITY.md).
    base = select(
        Document.id,
        Source.name,
        Document.doc_type,
        case((Source.confidential.is_(True), None), else_=Document.external_id),
        Document.title,
        case((Source.confidential.is_(True), None), else_=Document.url),
        Document.lang,
        Document.published_at,
        Document.fetched_at,
        Document.encoding,
        Document.content_hash,
        sightings,
        Document.text,
    ).join(Source, Source.id == Document.source_id)
    if filters.source:
        base = base.where(Source.name == filters.source)
    if filters.lang:
        base = base.where(Document.lang == filters.lang)
    if filters.doc_type:
        base = base.where(Document.doc_type == filters.doc_type)
    if filters.since:
        base = base.where(when >= filters.since)
    if filters.until:
        base = base.where(when < filters.until)
    last = 0
    while True:
        rows = session.execute(
            base.where(Document.id > last).order_by(Document.id).limit(chunk)
        ).all()
        if not rows:
            return
        for row in rows:
            yield tuple(row)
        last = rows[-1][0]
