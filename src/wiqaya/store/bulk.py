"""Bulk reads and writes that use each back end well.

PostgreSQL: membership tests bind ONE array parameter (``col = ANY(:values)``)
instead of hundreds of placeholders (psycopg re-parses every distinct long
``IN (...)`` statement, which dominated ingest time), and large inserts go
through ``COPY`` into a temporary table followed by one
``INSERT ... SELECT ... ON CONFLICT DO NOTHING`` (unique keys still decide,
so concurrent writers stay correct). SQLite: chunked ``IN`` lists and
``executemany`` with ``ON CONFLICT DO NOTHING``, which are already fast there.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Column

# SQLite's bound-parameter limit is 32766; PostgreSQL arrays have no such limit,
# but very large arrays make big single statements: cap both.
SQLITE_CHUNK = 900
PG_CHUNK = 20_000
# Below this many rows executemany is as fast as COPY and simpler.
COPY_MIN_ROWS = 200


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def member_of(
    session: Session, column: Column[Any] | Any, values: Sequence[Any]
) -> Iterator[ColumnElement[bool]]:
    """Conditions ``column IN values``, one per chunk, in the back end's best form."""
    ordered = sorted(set(values))
    if is_postgres(session):
        array_type = postgresql.ARRAY(column.type)
        for chunk in chunks(ordered, PG_CHUNK):
            yield column == any_(bindparam(None, list(chunk), type_=array_type))
    else:
        for chunk in chunks(ordered, SQLITE_CHUNK):
            yield column.in_(chunk)


def insert_ignore(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, silently skipping those whose unique key is already stored."""
    if not rows:
        return
    if is_postgres(session):
        if len(rows) >= COPY_MIN_ROWS:
            _copy_insert_ignore(session, table, rows)
        else:
            session.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    else:
        session.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)


def _copy_insert_ignore(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    columns = list(rows[0].keys())
    unknown = [c for c in columns if c not in table.c]
    if unknown:
        raise ValueError(f"no such columns in {table.name}: {unknown}")
    cols = ", ".join(f'"{c}"' for c in columns)
    staging = f"_bulk_{table.name}_{zlib.crc32(cols.encode()):08x}"
    dbapi = session.connection().connection.driver_connection
    assert dbapi is not None
    with dbapi.cursor() as cursor:
        # Exactly these columns with the target's types and none of its constraints
        # or defaults; emptied at commit, so a rolled-back or retried batch never
        # sees stale staging rows.
        cursor.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS "{staging}" ON COMMIT DELETE ROWS AS '
            f'SELECT {cols} FROM "{table.name}" WITH NO DATA'
        )
        cursor.execute(f'TRUNCATE "{staging}"')
        with cursor.copy(f'COPY "{staging}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([row.get(c) for c in columns])
        cursor.execute(
            f'INSERT INTO "{table.name}" ({cols}) SELECT {cols} FROM "{staging}" '
            "ON CONFLICT DO NOTHING"
        )
