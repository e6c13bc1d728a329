"""CLI side of the Dask engine (``wiqaya read --engine dask``): progress and summary."""

from __future__ import annotations

import typer


def read_on_dask(*, batch: int, recode: bool, scheduler: str | None, workers: int) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from wiqaya.runtime import open_runtime
    from wiqaya.scale.dask_engine import read_with_dask

    runtime = open_runtime()
    try:
        with Progress(
            TextColumn("reading on Dask"), BarColumn(), MofNCompleteColumn(), transient=True
        ) as bar:
            task = bar.add_task("read", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            summary = read_with_dask(
                runtime,
                scheduler=scheduler,
                workers=workers,
                batch=batch,
                recode=recode,
                progress=progress,
            )
    finally:
        runtime.close()
    typer.echo(
        f"read {summary.documents} documents, {summary.events} events "
        f"on {summary.workers} Dask workers in {summary.batches} batches "
        f"({summary.coder_version})"
    )
