"""CLI of the read stage: ``wiqaya read``, ``wiqaya extract`` and ``wiqaya export events``."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import typer

from wiqaya.errors import InputError
from wiqaya.sift.export import safe_cell

_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_LINE = 5_000_000  # bytes per input line of `extract`; longer lines get an error


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("read")(read_command)
    app.command("extract")(extract_command)
    export_app.command("events")(export_events_command)


def read_command(
    batch: int = typer.Option(200, "--batch", min=1, max=10_000, help="Documents per batch."),
    recode: bool = typer.Option(
        False, "--recode", help="Also re-read documents read by an older coder version."
    ),
    engine: str = typer.Option(
        "local", "--engine", help="local (this process) or dask (a Dask cluster)."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."
    ),
    workers: int = typer.Option(
        2, "--workers", min=1, max=256, help="LocalCluster worker processes (dask engine)."
    ),
) -> None:
    """Code every unread document: events, places and warning indicators."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}: use local or dask", code="E-RD-008")
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask", code="E-RD-009")
    if engine == "dask":
        from wiqaya.scale.cli import read_on_dask

        read_on_dask(batch=batch, recode=recode, scheduler=scheduler, workers=workers)
        return

    from wiqaya.read.service import read_unread
    from wiqaya.runtime import open_runtime

    runtime = open_runtime()
    try:
        with Progress(
            TextColumn("reading"), BarColumn(), MofNCompleteColumn(), transient=True
        ) as progress:
            task = progress.add_task("read", total=None)
            totals = read_unread(
                runtime,
                batch=batch,
                recode=recode,
                on_start=lambda n: progress.update(task, total=n),
                on_batch=lambda n: progress.advance(task, n),
            )
    finally:
        runtime.close()
    typer.echo(f"read {totals.documents} documents, {totals.events} events ({totals.version})")


def _parse_line(raw: bytes, lineno: int) -> tuple[dict | None, str | None, str]:
    """(document fields, error, id) of one JSONL input line."""
    if not raw.strip():
        return None, "empty line", ""
    if len(raw) > MAX_LINE:
        return None, f"line longer than {MAX_LINE} bytes", ""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "line is not valid UTF-8", ""
    except json.JSONDecodeError as exc:
        return None, f"not a JSON object: {exc.msg}", ""
    except RecursionError:
        # Hostile nesting ([[[[...) exhausts the parser's stack: a bad line, not a crash.
        return None, "JSON nested too deeply", ""
    if not isinstance(obj, dict):
        return None, "line is not a JSON object", ""
    ident = obj.get("id")
    ident = ident if isinstance(ident, str) else ("" if ident is None else str(ident))
    # JSON escapes can spell lone surrogates ("\\ud800") that no UTF-8 output
    # can hold: writing one would stop the whole run. Such a line is as invalid
    # as bad UTF-8, and the id it echoes shows U+FFFD in their place.
    if _SURROGATE.search(ident):
        return (
            None,
            "line holds a lone surrogate (not valid Unicode)",
            _SURROGATE.sub("\ufffd", ident),
        )
    if any(isinstance(v, str) and _SURROGATE.search(v) for v in obj.values()):
        return None, "line holds a lone surrogate (not valid Unicode)", ident
    if not isinstance(obj.get("id"), str):
        return None, '"id" must be a string', ident
    text = obj.get("text")
    if not isinstance(text, str):
        return None, '"text" must be a string', ident
    lang = obj.get("lang")
    if lang is not None and not isinstance(lang, str):
        return None, '"lang" must be a string', ident
    when = None
    if obj.get("date") is not None:
        try:
            when = date.fromisoformat(str(obj["date"]))
            if len(str(obj["date"])) != 10:
                raise ValueError
        except ValueError:
            return None, '"date" must be YYYY-MM-DD', ident
    return {"id": ident, "text": text, "lang": lang, "date": when}, None, ident


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        for raw in fh:
            # Blank lines get an error record too, so output line N is input line N.
            yield raw.rstrip(b"\r\n")


def extract_records(lines: Iterator[bytes], batch: int = 256) -> Iterator[dict]:
    """Output records for input lines, same order; bad lines carry an "error"."""
    from wiqaya.read.pipeline import DocumentInput, read_documents

    def flush(buf: list[tuple[DocumentInput | None, dict]]) -> Iterator[dict]:
        docs = [d for d, _ in buf if d is not None]
        try:
            results = iter(read_documents(docs))
        except Exception:  # noqa: BLE001 - isolate the failing record below
            results = None
        for d, err_rec in buf:
            if d is None:
                yield err_rec
                continue
            if results is not None:
                yield next(results).as_dict()
                continue
            try:
                yield read_documents([d])[0].as_dict()
            except Exception as exc:  # noqa: BLE001 - a bug on one record must not stop the run
                yield {
                    "id": d.id,
                    "lang": d.lang or "und",
                    "events": [],
                    "indicators": [],
                    "error": f"could not read: {type(exc).__name__}",
                }

    buf: list[tuple[DocumentInput | None, dict]] = []
    for i, raw in enumerate(lines, 1):
        fields, error, ident = _parse_line(raw, i)
        if error:
            buf.append(
                (
                    None,
                    {
                        "id": ident,
                        "lang": "und",
                        "events": [],
                        "indicators": [],
                        "error": f"line {i}: {error}",
                    },
                )
            )
        else:
            buf.append((DocumentInput(**fields), {}))
        if len(buf) >= batch:
            yield from flush(buf)
            buf = []
    if buf:
        yield from flush(buf)


# Line breaks to str.splitlines() (and to JavaScript before ES2019) that JSON
# leaves raw with ensure_ascii=False: an id or evidence holding one would
# split an output line in two for such readers.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _jsonl(rec: dict) -> str:
    """One output line: JSON with no character any line splitter breaks on."""
    return json.dumps(rec, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def extract_command(
    input: Path = typer.Option(..., "--input", help="JSON Lines: {id, text[, lang, date]}."),
    output: Path = typer.Option(..., "--output", help="JSON Lines out, same order."),
) -> None:
    """Read a JSONL file of texts into a JSONL file of events and indicators (no database)."""
    if not input.is_file():
        raise InputError(f"input file not found: {input}", code="E-RD-001")
    if output.resolve() == input.resolve():
        raise InputError("--output must differ from --input", code="E-RD-002")
    n = errors = 0
    tmp = output.with_name(output.name + ".part")
    with tmp.open("w", encoding="utf-8") as out:
        for rec in extract_records(_lines(input)):
            out.write(_jsonl(rec))
            n += 1
            errors += "error" in rec
    tmp.replace(output)
    typer.echo(f"wrote {n} lines to {output} ({errors} with errors)")


def export_events_command(
    format: str = typer.Option("csv", "--format", help="csv, jsonl or parquet."),
    output: Path | None = typer.Option(None, "--output", help="File (default: standard output)."),
    country: str | None = typer.Option(None, "--country", help="ISO3 of the event location."),
    event_type: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. PROTEST."),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD"),
) -> None:
    """Export coded events (PLOVER fields, CAMEO root, ACLED-like columns)."""
    from wiqaya.read.events import PLOVER_TYPES
    from wiqaya.runtime import open_runtime
    from wiqaya.store.read import EXPORT_COLUMNS, EventFilter, iter_events

    fmt = format.lower()
    if fmt not in ("csv", "jsonl", "parquet"):
        raise InputError(f"unknown format {format!r}: use csv, jsonl or parquet", code="E-RD-003")
    if fmt == "parquet" and output is None:
        raise InputError("parquet needs --output FILE", code="E-RD-004")
    if event_type and event_type.upper() not in PLOVER_TYPES:
        raise InputError(
            f"unknown event type {event_type!r}: one of {', '.join(PLOVER_TYPES)}", code="E-RD-005"
        )
    if country and (len(country) != 3 or not country.isalpha()):
        raise InputError(f"--country must be an ISO3 code, got {country!r}", code="E-RD-006")
    try:
        f = EventFilter(
            country,
            event_type,
            date.fromisoformat(since) if since else None,
            date.fromisoformat(until) if until else None,
        )
    except ValueError as exc:
        raise InputError(f"dates must be YYYY-MM-DD: {exc}", code="E-RD-007") from exc
    runtime = open_runtime()
    n = 0
    try:
        with runtime.sessions() as session:
            rows = iter_events(session, f)
            if fmt == "parquet":
                import pyarrow as pa
                import pyarrow.parquet as pq

                data = list(rows)
                table = (
                    pa.Table.from_pylist(data)
                    if data
                    else pa.table({c: pa.array([], pa.string()) for c in EXPORT_COLUMNS})
                )
                pq.write_table(table, output)
                n = len(data)
            else:
                fh = (
                    output.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
                    if output
                    else io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
                )
                try:
                    if fmt == "csv":
                        if output is None:
                            fh.write("\ufeff")
                        w = csv.DictWriter(fh, fieldnames=EXPORT_COLUMNS)
                        w.writeheader()
                        for row in rows:
                            w.writerow({k: safe_cell(v) for k, v in row.items()})
                            n += 1
                    else:
                        for row in rows:
                            fh.write(_jsonl(row))
                            n += 1
                finally:
                    fh.flush()
                    if output:
                        fh.close()
                    else:
                        fh.detach()
    finally:
        runtime.close()
    if output:
        typer.echo(f"exported {n} events to {output}")
