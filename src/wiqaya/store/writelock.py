"""Take the write lock at the start of a transaction, on either back end.

PostgreSQL locks rows with ``SELECT ... FOR UPDATE`` where the write needs it;
SQLite has one writer, and a deferred transaction that reads before it writes
can fail with "database is locked" when another writer commits in between.
``BEGIN IMMEDIATE`` takes the writer lock up front (waiting up to the busy
timeout), so read-check-write sequences are serialised instead of failing.
"""

from __future__ import annotations

from sqlalchemy.orm import Session


def begin_write(session: Session) -> None:
    """Call first in a unit of work that reads and then writes."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.driver_connection
    if raw is not None and not raw.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
