"""CLI of the library: ``wiqaya library import pax FILE``, ``import FILE…``, ``search``, ``show``.

The ``search --json`` output is a contract the evaluation tools rely on: a
JSON list of hits, best first, each with at least ``id`` (the PA-X AgtId for
imported agreements), ``title``, ``date``, ``country``, ``score``, ``passage``.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

library_app = typer.Typer(
    help="The library of peace agreements, guidance and lessons.", no_args_is_help=True
)
import_app = typer.Typer(
    help="Import into the library: `import pax FILE` or `import FILE…` (txt, html, pdf, jsonl).",
    no_args_is_help=True,
)
console = Console()


def _print_report(report, title: str) -> None:  # type: ignore[no-untyped-def]
    console.print(
        f"[bold]{title}[/]: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.rejected)} rejected"
    )
    for r in report.rejected[:50]:
        where = f"{r.origin}{(':' + r.locator) if r.locator else ''}"
        console.print(f"  [yellow]skipped[/] {where}: {r.reason}", highlight=False)
    if len(report.rejected) > 50:
        console.print(f"  … and {len(report.rejected) - 50} more")


@library_app.command(
    "import",
    context_settings={"allow_extra_args": False},
    help="Import files: `wiqaya library import pax FILE` for the PA-X CSV, or "
    "`wiqaya library import FILE…` for text, HTML, PDF and JSON Lines.",
)
def import_cmd(
    paths: list[str] = typer.Argument(..., help="`pax FILE`, or files and folders."),
    kind: str = typer.Option(
        "guidance",
        help="Kind of text/HTML/PDF files: guidance or lesson "
        "(agreement also allowed); JSONL lines carry their own.",
    ),
    source: str = typer.Option("library-files", help="Provenance name stored with each record."),
    country: str | None = typer.Option(None, help="Country (ISO3 or name) the files are about."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    from wiqaya.errors import InputError
    from wiqaya.remember import service
    from wiqaya.runtime import open_runtime

    runtime = open_runtime(migrate=True)
    try:
        if paths[0] == "pax":
            if len(paths) != 2:
                raise InputError("usage: wiqaya library import pax FILE", code="E-LIB-003")
            report = service.import_pax(runtime, Path(paths[1]))
            title = "PA-X"
        else:
            report = service.import_files(
                runtime, [Path(p) for p in paths], kind=kind, source=source, country=country
            )
            title = "library files"
    finally:
        runtime.close()
    if json_out:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        _print_report(report, title)


@library_app.command("search")
def search_cmd(
    query: str = typer.Argument(..., help="Words in Arabic or English."),
    limit: int = typer.Option(10, "--limit", "-n", help="How many hits."),
    offset: int = typer.Option(0, help="Skip this many hits (paging)."),
    country: list[str] = typer.Option([], help="ISO3 or name; repeatable."),
    region: str | None = typer.Option(None, help="PA-X region, e.g. MENA."),
    date_from: str | None = typer.Option(None, "--from", help="YYYY or YYYY-MM-DD."),
    date_to: str | None = typer.Option(None, "--to", help="YYYY or YYYY-MM-DD."),
    provision: list[str] = typer.Option([], help="Code or name, e.g. Ce, ceasefire; repeatable."),
    stage: list[str] = typer.Option([], help="PA-X stage code or name; repeatable."),
    kind: list[str] = typer.Option([], help="agreement, guidance or lesson; repeatable."),
    mode: str = typer.Option("hybrid", help="hybrid, lexical or semantic."),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON list of hits."),
) -> None:
    """Search the library in Arabic or English."""
    from wiqaya.remember import service
    from wiqaya.runtime import open_runtime

    runtime = open_runtime(migrate=False)
    try:
        filters = service.make_filters(
            country=country,
            region=region,
            date_from=date_from,
            date_to=date_to,
            provision=provision,
            stage=stage,
            kind=kind,
        )
        result = service.search(runtime, query, filters, limit=limit, offset=offset, mode=mode)
    finally:
        runtime.close()
    hits = [service.hit_to_dict(h) for h in result.hits]
    if json_out:
        for h in hits:
            h.pop("passage_html", None)
        typer.echo(json.dumps(hits, ensure_ascii=False))
        return
    table = Table(title=f"{result.total} hits", show_lines=True)
    for col in ("#", "id", "title", "date", "country", "score", "passage"):
        table.add_column(col, overflow="fold")
    for n, (h, hit) in enumerate(zip(hits, result.hits, strict=True), start=1):
        passage = _rich_marks(hit.passage, hit.marks)
        table.add_row(
            str(n),
            str(h["id"]),
            h["title"],
            h["date"] or "—",
            h["country"] or "—",
            f"{h['score']:.4f}",
            passage,
        )
    console.print(table)


def _rich_marks(text: str, marks: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    from rich.text import Text

    out = Text(text)
    for a, b in marks:
        out.stylize("bold reverse", a, b)
    return out


@library_app.command("show")
def show_cmd(
    item_id: str = typer.Argument(..., help="PA-X AgtId, L<n> or D<n>."),
) -> None:
    """Print one record with its provenance as JSON."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store.remember import item_detail

    runtime = open_runtime(migrate=False)
    try:
        with runtime.sessions() as session:
            data = item_detail(session, item_id)
    finally:
        runtime.close()
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    app.add_typer(library_app, name="library")
