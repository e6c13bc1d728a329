"""The migrations build exactly the schema the models describe, on both back ends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from wiqaya.store.engine import normalise_url
from wiqaya.store.models import Base


def test_migrations_match_models(db_url: str) -> None:
    engine = create_engine(normalise_url(db_url))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == [], f"models and migrations disagree: {diff}"


def test_sqlite_pragmas(runtime) -> None:  # type: ignore[no-untyped-def]
    if runtime.engine.dialect.name != "sqlite":
        return
    with runtime.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
