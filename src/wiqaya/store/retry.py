"""Retry a unit of work when a concurrent writer got there first.

Two ingest (or read) processes on the same input race for the same natural
keys. The unique constraints decide who wins; the loser's transaction fails
with a unique violation, a deadlock or a serialisation failure, is rolled
back whole, and is run again: on the second try it sees the winner's rows
and records a repeat instead of a second copy. Only those errors are
retried (a foreign-key violation or a bug still fails at once), a bounded
number of times with jittered back-off.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)
T = TypeVar("T")

# SQLSTATE: unique_violation, serialization_failure, deadlock_detected.
RETRYABLE_SQLSTATES = frozenset({"23505", "40001", "40P01"})
DEFAULT_ATTEMPTS = 8


def _dbapi_error(exc: BaseException) -> DBAPIError | None:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 5:
        if isinstance(current, DBAPIError):
            return current
        current = current.__cause__
        seen += 1
    return None


def is_retryable(exc: BaseException) -> bool:
    """True for a lost race: unique violation, deadlock, serialisation failure, busy SQLite."""
    error = _dbapi_error(exc)
    if error is None:
        return False
    orig = error.orig
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if sqlstate in RETRYABLE_SQLSTATES:
        return True
    message = str(orig).lower()
    # SQLite: the busy timeout expired, or a UNIQUE constraint met a concurrent row.
    return "database is locked" in message or (
        "unique constraint failed" in message and error.__class__.__name__ == "IntegrityError"
    )


def with_retries(
    work: Callable[[], T],
    *,
    attempts: int = DEFAULT_ATTEMPTS,
    on_retry: Callable[[int, BaseException], None] | None = None,
    base_delay: float = 0.05,
) -> T:
    """Run ``work`` (one whole transaction) until it succeeds or a non-race error occurs."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            log.info("lost a race with a concurrent writer (attempt %d): %s", attempt, exc)
            if on_retry is not None:
                on_retry(attempt, exc)
            time.sleep(base_delay * (2 ** (attempt - 1)) * (0.5 + random.random()))
    raise AssertionError("unreachable")
