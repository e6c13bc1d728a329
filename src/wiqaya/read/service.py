"""Read every unread document of a database in batches: the in-process engine.

The CLI and the demo call :func:`read_unread`; the Dask engine (``wiqaya.scale``)
runs the same pure ``read_documents`` over the same batches on a cluster.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wiqaya.read.pipeline import coder_version, read_documents
from wiqaya.runtime import Runtime
from wiqaya.store.read import count_unread, save_batch, unread_batch


@dataclass(frozen=True)
class ReadTotals:
    documents: int
    events: int
    version: str


def read_unread(
    runtime: Runtime,
    *,
    batch: int = 200,
    recode: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> ReadTotals:
    """Code unread documents (or those of an older coder with ``recode``), batch by batch."""
    version = coder_version()
    only = version if recode else None
    events = docs = 0
    if on_start:
        with runtime.sessions() as session:
            on_start(count_unread(session, only))
    after = 0
    while True:
        with runtime.sessions() as session:
            inputs = unread_batch(session, batch, after, only)
        if not inputs:
            break
        results = read_documents(inputs)
        # One transaction per batch: a crash loses at most this batch,
        # and the next run picks it up again. Documents another run stored
        # meanwhile are skipped, not counted twice.
        with runtime.sessions() as session, session.begin():
            saved = save_batch(session, results, version, only)
        after = int(inputs[-1].id)
        docs += len(saved)
        events += sum(len(r.events) for r in saved)
        if on_batch:
            on_batch(len(results))
    return ReadTotals(docs, events, version)
