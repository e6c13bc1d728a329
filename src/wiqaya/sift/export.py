"""Export stored documents as CSV, JSON Lines or Parquet, streaming.

CSV is UTF-8 with a BOM (so Excel opens Arabic correctly) and every cell that a
spreadsheet would read as a formula (starting with ``= + - @``, tab or carriage
return) is prefixed with an apostrophe. JSON Lines and Parquet keep the text as
stored. Rows are fetched and written a chunk at a time, never all at once.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime
from typing import IO, Any

from wiqaya.runtime import Runtime
from wiqaya.store import sift as store
from wiqaya.store.sift import EXPORT_COLUMNS, ExportFilters

FORMATS = ("csv", "jsonl", "parquet")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PARQUET_ROW_GROUP = 5000


def escape_formula(value: str) -> str:
    """Make a cell inert in spreadsheets (OWASP CSV-injection advice).

    The one definition used by every CSV export (documents, events, the
    dashboard's downloads).
    """
    return "'" + value if value.startswith(FORMULA_START) else value


def safe_cell(value: Any) -> Any:
    """:func:`escape_formula` for text; numbers, dates and None pass unchanged."""
    return escape_formula(value) if isinstance(value, str) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return escape_formula(str(value))


def _rows(runtime: Runtime, filters: ExportFilters) -> Iterable[tuple[Any, ...]]:
    with runtime.sessions() as session:
        yield from store.iter_export_documents(session, filters)


def write_csv(runtime: Runtime, filters: ExportFilters, out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for row in _rows(runtime, filters):
        writer.writerow([_cell(v) for v in row])
        count += 1
    text.flush()
    text.detach()
    return count


def write_jsonl(runtime: Runtime, filters: ExportFilters, out: IO[bytes]) -> int:
    count = 0
    for row in _rows(runtime, filters):
        record = {
            k: (v.isoformat() if isinstance(v, datetime) else v)
            for k, v in zip(EXPORT_COLUMNS, row, strict=True)
        }
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    out.flush()
    return count


def write_parquet(runtime: Runtime, filters: ExportFilters, out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("source", pa.string()),
            ("doc_type", pa.string()),
            ("external_id", pa.string()),
            ("title", pa.string()),
            ("url", pa.string()),
            ("lang", pa.string()),
            ("published_at", pa.timestamp("us")),
            ("fetched_at", pa.timestamp("us")),
            ("encoding", pa.string()),
            ("content_hash", pa.string()),
            ("sightings", pa.int64()),
            ("text", pa.string()),
        ]
    )
    count = 0
    sink = pa.PythonFile(out, mode="w")
    with pq.ParquetWriter(sink, schema) as writer:
        chunk: list[tuple[Any, ...]] = []
        for row in _rows(runtime, filters):
            chunk.append(row)
            if len(chunk) >= PARQUET_ROW_GROUP:
                writer.write_table(_table(pa, schema, chunk))
                count += len(chunk)
                chunk = []
        if chunk or count == 0:
            writer.write_table(_table(pa, schema, chunk))
            count += len(chunk)
    out.flush()
    return count


def _table(pa, schema, rows: list[tuple[Any, ...]]):  # type: ignore[no-untyped-def]
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in EXPORT_COLUMNS]
    return pa.Table.from_arrays(
        [pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(columns)],
        schema=schema,
    )


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet}
