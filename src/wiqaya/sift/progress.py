"""A Rich progress bar for ingest: bytes of input done, current file, records read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from wiqaya.sift.pipeline import ProgressCallback


@contextmanager
def rich_progress(
    total_bytes: int, files: int, console: Console | None = None
) -> Iterator[ProgressCallback]:
    columns = (
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[records]} records"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
    )
    with Progress(*columns, console=console or Console(stderr=True), transient=False) as bar:
        task = bar.add_task(
            "ingest", total=max(1, total_bytes), records=0, current=f"{files} files"
        )

        def update(origin: str, done: int, records: int) -> None:
            bar.update(task, completed=done, records=records, current=Path(origin).name[:40])

        yield update
        bar.update(task, completed=max(1, total_bytes))
