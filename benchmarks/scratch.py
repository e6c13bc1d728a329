"""Scratch databases for benchmarks: a throw-away PostgreSQL database or SQLite file.

The PostgreSQL admin URL comes from ``--pg-url``, ``WIQAYA_BENCH_PG_URL`` or
``WIQAYA_TEST_PG_URL`` (a role allowed to CREATE DATABASE). The database is
dropped afterwards, whatever happens.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from wiqaya.store.engine import normalise_url
from wiqaya.store.migrate import upgrade


def pg_admin_url(explicit: str | None = None) -> str:
    url = explicit or os.environ.get("WIQAYA_BENCH_PG_URL") or os.environ.get("WIQAYA_TEST_PG_URL")
    if not url:
        raise SystemExit(
            "a PostgreSQL admin URL is needed: pass --pg-url or set WIQAYA_BENCH_PG_URL "
            "(e.g. postgresql://wiqaya_test:wiqaya_test@127.0.0.1:5432/postgres)"
        )
    return normalise_url(url)


def _exec(admin: str, sql: str) -> None:
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


@contextmanager
def scratch_pg(admin: str, label: str) -> Iterator[str]:
    """Yield the URL of a fresh, migrated PostgreSQL database; drop it afterwards."""
    name = f"wiqaya_bench_{label}_{uuid.uuid4().hex[:8]}"
    _exec(admin, f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        _exec(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
