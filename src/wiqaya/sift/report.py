"""The end-of-ingest summary as a Rich table: read, new, duplicates, quarantined with reasons."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from wiqaya.sift.items import REASON_HELP, Reason
from wiqaya.sift.pipeline import IngestSummary

SHOWN_PROBLEMS = 15


def print_summary(summary: IngestSummary, *, console: Console, title: str | None = None) -> None:
    table = Table(title=title or summary.source, show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("files read", str(summary.files - summary.files_skipped))
    table.add_row("files unchanged since last ingest (skipped)", str(summary.files_skipped))
    table.add_row("records read", str(summary.records))
    table.add_row("new documents", str(summary.new_documents))
    table.add_row("duplicates: exact", str(summary.exact_duplicates))
    table.add_row("duplicates: near", str(summary.near_duplicates))
    table.add_row("already stored (same place)", str(summary.already_seen))
    if summary.dataset_rows_new or summary.dataset_rows_existing:
        table.add_row("dataset rows: new", str(summary.dataset_rows_new))
        table.add_row("dataset rows: already stored", str(summary.dataset_rows_existing))
    table.add_row("quarantined", str(summary.quarantined_total))
    for reason, count in sorted(summary.quarantined.items()):
        table.add_row(f"  {reason}: {REASON_HELP.get(Reason(reason), '')}", str(count))
    console.print(table)
    if summary.problems:
        detail = Table(title="quarantined inputs", show_header=True, header_style="bold")
        detail.add_column("reason")
        detail.add_column("where", overflow="fold")
        detail.add_column("detail", overflow="fold")
        for p in summary.problems[:SHOWN_PROBLEMS]:
            where = f"{p.origin} {p.locator}".strip()
            detail.add_row(p.reason.value, where, p.detail)
        console.print(detail)
        more = summary.quarantined_total - min(len(summary.problems), SHOWN_PROBLEMS)
        if more > 0:
            console.print(f"… and {more} more (all are stored in the quarantine table)")
