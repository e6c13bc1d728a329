"""A rebuild that reuses the per-text cache gives exactly the index built from scratch."""

from __future__ import annotations

import numpy as np

from wiqaya.remember import service
from wiqaya.remember.index import TextCache


def _same(a, b) -> None:  # type: ignore[no-untyped-def]
    assert a.vocab == b.vocab and a.title_vocab == b.title_vocab
    assert a.skeletons == b.skeletons
    for name in ("bm25", "title_bm25"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.shape == y.shape and (x != y).nnz == 0
    assert np.array_equal(a.embeddings, b.embeddings)
    assert np.array_equal(a.title_embeddings, b.title_embeddings)
    assert [p.text for p in a.passages] == [p.text for p in b.passages]


def test_cached_rebuild_equals_a_fresh_build(library) -> None:  # type: ignore[no-untyped-def]
    cache = TextCache()
    before = service.build_index(library, cache)
    _same(before, service.build_index(library))
    analysed = set(cache.terms)
    service.record_lesson(
        library,
        title="دروس من محادثات الحديدة",
        text="ساعد إشراك الوجهاء المحليين في تثبيت وقف إطلاق النار حول الميناء.",
        country="YEM",
    )
    after = service.build_index(library, cache)
    _same(after, service.build_index(library))
    assert len(after.items) == len(before.items) + 1
    # Only the lesson's own texts were new to the cache; nothing else was re-analysed.
    new = set(cache.terms) - analysed
    assert new and all("محادثات الحديدة" in t or "الوجهاء المحليين" in t for t in new)
    assert {h.item.kind for h in after.search("الوجهاء المحليين").hits} >= {"lesson"}
