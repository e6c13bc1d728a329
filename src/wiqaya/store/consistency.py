"""Database consistency checks: what the crash harness asserts after every kill.

* the engine's own check (``PRAGMA integrity_check`` and ``foreign_key_check``
  on SQLite; PostgreSQL is crash-safe by its WAL, so only the relational checks
  below run there);
* no half-stored document: every document has its first sighting and its LSH
  band keys, and its text still hashes to the stored ``text_sha256``;
* no half-read document: a document marked read has exactly the events and
  indicator hits its read record counts, and nothing is coded for an unread one.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, inspect, text

COUNTED_TABLES = (
    "sources",
    "documents",
    "sightings",
    "lsh_bands",
    "quarantine",
    "ingested_files",
    "battle_deaths",
    "dataset_events",
    "document_reads",
    "events",
    "indicator_hits",
    "place_mentions",
)


def table_counts(engine: Engine) -> dict[str, int]:
    present = set(inspect(engine).get_table_names())
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for name in COUNTED_TABLES:
            if name in present:
                counts[name] = int(conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one())
    return counts


def _scalar_list(engine: Engine, sql: str) -> list[object]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql)).scalars())


def check(engine: Engine, *, text_hashes: bool = True) -> list[str]:
    """Every problem found, as readable lines; empty when the database is consistent."""
    problems: list[str] = []
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if rows != ["ok"]:
                problems.append("integrity_check: " + "; ".join(map(str, rows[:5])))
            fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if fk:
                problems.append(f"foreign_key_check: {len(fk)} dangling rows, e.g. {fk[0]}")
    no_first = _scalar_list(
        engine,
        "SELECT d.id FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM sightings s WHERE s.document_id = d.id AND s.kind = 'first')",
    )
    if no_first:
        problems.append(f"documents without a first sighting: {no_first[:10]}")
    no_bands = _scalar_list(
        engine,
        "SELECT d.id FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM lsh_bands b WHERE b.document_id = d.id)",
    )
    if no_bands:
        problems.append(f"documents without LSH band keys: {no_bands[:10]}")
    if text_hashes:
        with engine.connect() as conn:
            bad = [
                doc_id
                for doc_id, body, digest in conn.execute(
                    text("SELECT id, text, text_sha256 FROM documents")
                )
                if hashlib.sha256(body.encode("utf-8")).hexdigest() != digest
            ]
        if bad:
            problems.append(f"documents whose text no longer matches its hash: {bad[:10]}")
    tables = set(inspect(engine).get_table_names())
    if {"document_reads", "events", "indicator_hits"} <= tables:
        mismatched = _scalar_list(
            engine,
            "SELECT r.document_id FROM document_reads r WHERE r.error IS NULL AND ("
            " r.n_events <> (SELECT count(*) FROM events e WHERE e.document_id = r.document_id)"
            " OR r.n_indicators <> (SELECT count(*) FROM indicator_hits h"
            "  WHERE h.document_id = r.document_id))",
        )
        if mismatched:
            problems.append(
                f"read records whose counts disagree with stored rows: {mismatched[:10]}"
            )
        orphans = _scalar_list(
            engine,
            "SELECT DISTINCT e.document_id FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM document_reads r WHERE r.document_id = e.document_id)",
        )
        if orphans:
            problems.append(f"events stored for documents not marked read: {orphans[:10]}")
    return problems
