"""CLI for the sift stage: ``wiqaya ingest`` and ``wiqaya export documents``.

Thin shell: options are checked here, the work is done by
:mod:`wiqaya.sift.pipeline` and :mod:`wiqaya.sift.export`.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import typer
from rich.console import Console

from wiqaya.errors import InputError

console = Console()


def _date_option(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(
            f"{name} must be an ISO date like 2024-05-17, got {value!r}", code="E-EXP-001"
        ) from exc


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively)."),
        source: str | None = typer.Option(
            None, "--source", help="Source name (default: the first path's name)."
        ),
        doc_type: str = typer.Option(
            "news", "--type", help="Document type: news, report, lesson, guidance, agreement."
        ),
        strict: bool = typer.Option(
            False, "--strict", help="Exit with code 3 when anything was quarantined."
        ),
        max_file_bytes: int | None = typer.Option(
            None, "--max-file-bytes", min=1, help="Quarantine files larger than this."
        ),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar."),
    ) -> None:
        """Ingest documents and event datasets; repeats become sightings; bad input is set aside."""
        from wiqaya.runtime import open_runtime
        from wiqaya.sift.pipeline import IngestOptions, ingest_paths
        from wiqaya.sift.report import print_summary

        options = IngestOptions(doc_type=doc_type, max_file_bytes=max_file_bytes)
        runtime = open_runtime()
        try:
            summary = ingest_paths(
                runtime, paths, source=source, options=options, show_progress=progress
            )
        except KeyboardInterrupt:
            # The batch in flight was rolled back; every committed batch is kept.
            Console(stderr=True).print(
                "interrupted: work already committed is kept, run again to resume"
            )
            raise typer.Exit(130) from None
        finally:
            runtime.close()
        print_summary(summary, console=console, title=f"ingest into {summary.source}")
        if strict and summary.quarantined_total:
            console.print(f"--strict: {summary.quarantined_total} inputs were quarantined")
            raise typer.Exit(3)

    @export_app.command("documents")
    def export_documents(
        fmt: str = typer.Option("csv", "--format", "-f", help="csv, jsonl or parquet."),
        output: Path | None = typer.Option(
            None, "--output", "-o", help="File to write (default: standard output)."
        ),
        source: str | None = typer.Option(None, "--source", help="Only this source."),
        lang: str | None = typer.Option(None, "--lang", help="Only this language (ar, en, …)."),
        since: str | None = typer.Option(None, "--since", help="Dated on or after (ISO date)."),
        until: str | None = typer.Option(None, "--until", help="Dated on or before (ISO date)."),
        doc_type: str | None = typer.Option(None, "--type", help="Only this document type."),
    ) -> None:
        """Export stored documents with their text, one record per document."""
        from wiqaya.runtime import open_runtime
        from wiqaya.sift.export import FORMATS, WRITERS
        from wiqaya.store.sift import ExportFilters

        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise InputError(
                f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", code="E-EXP-002"
            )
        start = _date_option(since, "--since")
        end = _date_option(until, "--until")
        if end is not None and len(until or "") <= 10:
            end += timedelta(days=1)  # a bare date includes that whole day
        if fmt == "parquet" and output is None and sys.stdout.isatty():
            raise InputError(
                "Parquet is binary: give --output FILE or redirect standard output",
                code="E-EXP-003",
            )
        filters = ExportFilters(source=source, lang=lang, doc_type=doc_type, since=start, until=end)
        runtime = open_runtime(migrate=False)
        try:
            if output is None:
                WRITERS[fmt](runtime, filters, sys.stdout.buffer)
                return
            try:
                handle = output.open("wb")
            except OSError as exc:
                raise InputError(
                    f"cannot write {output}: {exc.strerror}", code="E-EXP-004"
                ) from exc
            with handle:
                count = WRITERS[fmt](runtime, filters, handle)
            Console(stderr=True).print(f"exported {count} documents to {output}")
        finally:
            runtime.close()
