"""Rows appended to the library are spliced into the index with the same search results."""

from __future__ import annotations

import hashlib

import numpy as np

from wiqaya.remember import service
from wiqaya.remember.index import LibraryIndex, TextCache
from wiqaya.store import remember as store
from wiqaya.store.models.remember import LibraryItem
from wiqaya.store.models.sift import Document, Source

QUERIES = ("وقف إطلاق النار", "الوجهاء المحليين", "ceasefire", "Hodeidah", "الحديدة 2018", "")


def _same_index(a: LibraryIndex, b: LibraryIndex) -> None:
    """Equal up to vocabulary ids (which no score depends on)."""
    assert a.items == b.items
    assert a.passages == b.passages
    assert a.skeletons == b.skeletons
    for matrix, vocab in (("bm25", "vocab"), ("title_bm25", "title_vocab")):
        va, vb = getattr(a, vocab), getattr(b, vocab)
        assert set(va) == set(vb)
        order = [vb[t] for t in sorted(va, key=va.get)]
        x = getattr(a, matrix)
        y = getattr(b, matrix)[:, order]
        assert x.shape == y.shape and (x != y).nnz == 0
    assert np.array_equal(a.embeddings, b.embeddings)
    assert np.array_equal(a.title_embeddings, b.title_embeddings)


def _same_results(a: LibraryIndex, b: LibraryIndex) -> None:
    for q in QUERIES:
        ra, rb = a.search(q, limit=20), b.search(q, limit=20)
        assert ra.total == rb.total
        assert [(h.item.key, h.score, h.passage) for h in ra.hits] == [
            (h.item.key, h.score, h.passage) for h in rb.hits
        ]


def _generation(runtime) -> tuple:  # type: ignore[no-untyped-def]
    with runtime.sessions() as session:
        return store.generation(session)


def _delta(runtime, old: tuple, new: tuple):  # type: ignore[no-untyped-def]
    with runtime.sessions() as session:
        return store.index_delta(session, old, new)


def _lesson(runtime, n: int) -> None:  # type: ignore[no-untyped-def]
    service.record_lesson(
        runtime,
        title=f"دروس من محادثات الحديدة {n}",
        text="ساعد إشراك الوجهاء المحليين في تثبيت وقف إطلاق النار حول الميناء. " * (n + 1),
        country="YEM",
    )


def test_appended_lessons_are_spliced_in(library) -> None:  # type: ignore[no-untyped-def]
    cache = TextCache()
    before_gen = _generation(library)
    before = service.build_index(library, cache)
    _lesson(library, 1)
    _lesson(library, 2)
    delta = _delta(library, before_gen, _generation(library))
    assert delta is not None and len(delta.items) == 2 and not delta.docs
    spliced = service.apply_delta(before, delta, cache)
    fresh = service.build_index(library)
    _same_index(spliced, fresh)
    _same_results(spliced, fresh)
    assert {h.item.kind for h in spliced.search("الوجهاء المحليين").hits} >= {"lesson"}
    # The index that was spliced from is left as it was (searches may still hold it).
    assert len(before.items) == len(fresh.items) - 2


def test_documents_and_records_spliced_in_full_build_order(library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A library document sits after the records: a later record goes before it."""
    from datetime import UTC, datetime

    def add_doc(text: str) -> None:
        digest = hashlib.sha256(text.encode()).hexdigest()
        with library.sessions() as session, session.begin():
            source = session.query(Source).filter_by(name="guidance-test").one_or_none()
            if source is None:
                source = Source(name="guidance-test")
                session.add(source)
                session.flush()
            session.add(
                Document(
                    source_id=source.id,
                    content_hash=digest,
                    doc_type="guidance",
                    title="إرشادات الوساطة",
                    text=text,
                    text_sha256=digest,
                    lang="ar",
                    published_at=datetime(2024, 5, 1, tzinfo=UTC),
                )
            )

    add_doc("تنص الإرشادات على إشراك النساء في كل مراحل الوساطة ووقف إطلاق النار.")
    cache = TextCache()
    gen = _generation(library)
    index = service.build_index(library, cache)
    _lesson(library, 3)
    add_doc("وثيقة ثانية عن الوساطة المحلية والوجهاء في الحديدة.")
    delta = _delta(library, gen, _generation(library))
    assert delta is not None and len(delta.items) == 1 and len(delta.docs) == 1
    spliced = service.apply_delta(index, delta, cache)
    fresh = service.build_index(library)
    _same_index(spliced, fresh)
    _same_results(spliced, fresh)


def test_an_update_or_deletion_is_not_a_delta(library) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.store.models.base import utcnow

    gen = _generation(library)
    with library.sessions() as session, session.begin():
        first = session.query(LibraryItem).order_by(LibraryItem.id).first()
        first_id = first.id
        first.title = "عنوان جديد"
        first.updated_at = utcnow()
    assert _delta(library, gen, _generation(library)) is None
    gen = _generation(library)
    with library.sessions() as session, session.begin():
        session.delete(session.get(LibraryItem, first_id))
    _lesson(library, 4)  # the same count as before the deletion, and a higher id
    assert _generation(library)[0] == gen[0]
    assert _delta(library, gen, _generation(library)) is None


def test_get_index_extends_and_matches_a_full_build(library) -> None:  # type: ignore[no-untyped-def]
    service._CACHE.clear()
    first = service.get_index(library, use_disk=False)
    _lesson(library, 5)
    second = service.get_index(library, use_disk=False)
    assert second is not first and len(second.items) == len(first.items) + 1
    _same_results(second, service.build_index(library))
    assert second is service.get_index(library, use_disk=False)


def test_disk_copy_round_trips_and_damage_is_rebuilt(library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    index = service.build_index(library)
    path = tmp_path / "index.npz"
    index.save(path, "t")
    loaded = LibraryIndex.load(path, index.lexicon, index.embedder, "t")
    assert loaded is not None
    _same_index(index, loaded)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp.npz")]
    raw = bytearray(path.read_bytes())
    raw[200:260] = b"\0" * 60  # inside the first member: a CRC error on read
    path.write_bytes(bytes(raw))
    assert LibraryIndex.load(path, index.lexicon, index.embedder, "t") is None
