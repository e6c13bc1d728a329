"""Engines and sessions for SQLite (default) and PostgreSQL (by URL).

SQLite gets WAL, foreign keys and a busy timeout on every connection, so a
reader never blocks the writer and a crash never leaves a half transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from wiqaya.errors import ConfigError, DatabaseError, from_interrupt
from wiqaya.store.search_fold import register_sqlite

SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()
    register_sqlite(dbapi_connection)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def normalise_url(url: str) -> str:
    """Accept the ``postgresql://`` spelling people copy from psql and use psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            f"WIQAYA_DATABASE_URL is not a database URL: {url!r} "
            "(expected e.g. sqlite:///path/wiqaya.db or postgresql://user@host/db)"
        ) from exc
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    url = normalise_url(url)
    if is_sqlite(url):
        db_path = make_url(url).database
        if db_path and db_path != ":memory:":
            Path(db_path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # Pre-ping costs one round trip per checkout; it turns a restarted server's dead
    # connections into reconnects instead of failed requests.
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


def session_factory(engine: Engine, home: Path | None = None) -> sessionmaker[Session]:
    """Sessions for ``engine``; with the install ``home``, every write is audited."""
    factory = sessionmaker(engine, expire_on_commit=False)
    if home is not None:
        from wiqaya.store.audit import install_hooks

        install_hooks(factory, home)
    return factory


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException as exc:
        if from_interrupt(exc):
            # A Ctrl-C that lands while a PostgreSQL query is in flight leaves
            # the connection busy: a rollback on it fails, and its error would
            # bury the interrupt. Dropping the connection undoes the
            # transaction on the server just as surely.
            session.invalidate()
            if isinstance(exc, KeyboardInterrupt):
                raise
            raise KeyboardInterrupt from exc
        session.rollback()
        if isinstance(exc, OperationalError):
            raise DatabaseError(f"database error: {exc.orig}") from exc
        raise
    finally:
        session.close()
