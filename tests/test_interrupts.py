"""Ctrl-C inside a unit of work: nothing half-stored, no traceback, the pool still works.

The CLI run of this is ``tests/sift/test_kill.py``; these tests pin the parts
it relies on, including the PostgreSQL case where the interrupt lands while a
query is in flight (psycopg then leaves the connection busy, and a rollback
on it fails).
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text

from wiqaya.errors import from_interrupt
from wiqaya.logsafe import InterruptedResetFilter
from wiqaya.runtime import Runtime
from wiqaya.store import sift as store
from wiqaya.store.engine import transaction
from wiqaya.store.models.sift import Source


def _sources(runtime: Runtime) -> list[str]:
    with runtime.sessions() as session:
        return list(session.scalars(select(Source.name).order_by(Source.name)))


def test_an_error_caused_by_ctrl_c_is_raised_as_the_interrupt(runtime: Runtime) -> None:
    with pytest.raises(KeyboardInterrupt), transaction(runtime.sessions) as session:
        store.ensure_source(session, "وكالة الأنباء")
        session.flush()
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("cannot exit pipeline mode while busy")  # noqa: B904 (implicit chaining is the case)
    assert "وكالة الأنباء" not in _sources(runtime)
    # The dropped connection does not poison the pool.
    with transaction(runtime.sessions) as session:
        store.ensure_source(session, "بعد المقاطعة")
    assert "بعد المقاطعة" in _sources(runtime)


def test_an_ordinary_error_is_rolled_back_and_kept_as_it_is(runtime: Runtime) -> None:
    with pytest.raises(ValueError, match="سجل تالف"), transaction(runtime.sessions) as session:
        store.ensure_source(session, "مصدر مرفوض")
        session.flush()
        raise ValueError("سجل تالف")
    assert "مصدر مرفوض" not in _sources(runtime)


@contextmanager
def ctrl_c_after(seconds: float) -> Iterator[None]:
    """A KeyboardInterrupt raised by a signal, as a real Ctrl-C is."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_ctrl_c_during_a_postgres_query_leaves_no_traceback(
    runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    with pytest.raises(KeyboardInterrupt), transaction(runtime.sessions) as session:
        store.ensure_source(session, "مصدر لم يكتمل")
        session.flush()
        with ctrl_c_after(0.3):
            session.execute(text("SELECT pg_sleep(10)"))
    assert [r for r in caplog.records if r.name.startswith("sqlalchemy")] == []
    assert "مصدر لم يكتمل" not in _sources(runtime)
    with transaction(runtime.sessions) as session:
        store.ensure_source(session, "مصدر بعد المقاطعة")
    assert "مصدر بعد المقاطعة" in _sources(runtime)


def test_the_pool_traceback_after_ctrl_c_is_dropped_and_others_kept() -> None:
    def record(name: str, exc: BaseException) -> logging.LogRecord:
        return logging.LogRecord(
            name, logging.ERROR, __file__, 1, "Exception during reset", None, (type(exc), exc, None)
        )

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise OSError("another command is already in progress")  # noqa: B904
    except OSError as exc:
        interrupted = exc
    assert from_interrupt(interrupted)
    keep = InterruptedResetFilter()
    assert not keep.filter(record("sqlalchemy.pool.impl.QueuePool", interrupted))
    assert keep.filter(record("sqlalchemy.pool.impl.QueuePool", OSError("server closed")))
    assert keep.filter(record("wiqaya.read", interrupted))
