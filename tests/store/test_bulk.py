"""Bulk helpers: COPY-staged inserts skip stored keys; array membership finds rows."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from wiqaya.runtime import Runtime
from wiqaya.store import bulk
from wiqaya.store.models.sift import Document, LshBand, Source


def _doc(session, source_id: int, i: int) -> int:  # type: ignore[no-untyped-def]
    body = f"بيان رقم {i} عن الاشتباكات في الفاشر"
    digest = hashlib.sha256(body.encode()).hexdigest()
    doc = Document(
        source_id=source_id, text=body, lang="ar", content_hash=digest, text_sha256=digest
    )
    session.add(doc)
    session.flush()
    return doc.id


def test_insert_ignore_and_member_of(runtime: Runtime) -> None:
    with runtime.sessions.begin() as session:
        source = Source(name="bulk")
        session.add(source)
        session.flush()
        ids = [_doc(session, source.id, i) for i in range(3)]
        rows = [{"band_key": k, "document_id": ids[k % 3]} for k in range(1, 1501)]
        # Over the COPY threshold on PostgreSQL, executemany on SQLite.
        bulk.insert_ignore(session, LshBand.__table__, rows)
        # The same rows again plus new ones: stored keys are skipped, not errors.
        bulk.insert_ignore(
            session, LshBand.__table__, rows + [{"band_key": 99_999, "document_id": ids[0]}]
        )
    with runtime.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(LshBand)) == 1501
        # A retried batch in a new transaction sees no leftovers from the staging table.
        bulk.insert_ignore(session, LshBand.__table__, rows[:300])
        found: list[int] = []
        wanted = list(range(0, 3000, 7))
        for member in bulk.member_of(session, LshBand.band_key, wanted):
            found += session.scalars(select(LshBand.band_key).where(member)).all()
        assert sorted(found) == [k for k in wanted if 1 <= k <= 1500]
    with runtime.sessions() as session:
        assert session.scalar(select(func.count()).select_from(LshBand)) == 1501
