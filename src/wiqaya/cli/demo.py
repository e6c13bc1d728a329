"""``wiqaya demo``: the product's main job on the embedded default.

Creates (or reuses) the SQLite database, ingests the bundled real data, runs
the later stages that exist, and serves the web app on 127.0.0.1:8000.
Running it again adds nothing: every stage is idempotent.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from wiqaya.config import DEFAULT_HOST, DEFAULT_PORT, PACKAGE_DATA

BUNDLED = PACKAGE_DATA / "bundled"
console = Console()


def bundled_sources() -> list[tuple[str, list[Path]]]:
    """(source name, paths) for every bundled data set, in ingest order."""
    gsr = BUNDLED / "arabic_event_gsr"
    return [
        ("oeda-arabic-gsr-dev", sorted(gsr.glob("*_detection.dev.csv"))),
        ("ucdp-battle-deaths-25.1", [BUNDLED / "ucdp" / "BattleDeaths_v25_1.csv"]),
    ]


def build_demo_database() -> None:
    from wiqaya.remember.service import load_demo_library
    from wiqaya.runtime import open_runtime
    from wiqaya.sift.pipeline import ingest_paths
    from wiqaya.sift.report import print_summary

    runtime = open_runtime(migrate=True)
    console.print(f"database: [bold]{runtime.url}[/]")
    try:
        for name, paths in bundled_sources():
            summary = ingest_paths(runtime, paths, source=name, show_progress=True)
            print_summary(summary, console=console, title=name)
        _read(runtime)
        _assess(runtime)
        # The UN guidance texts ship with Wiqaya; PA-X is imported when it sits beside the repo.
        for name, report in load_demo_library(runtime).items():
            console.print(
                f"library {name}: {report.added} added, {report.updated} updated, "
                f"{report.unchanged} unchanged, {len(report.rejected)} rejected"
            )
        seed_act_examples(runtime)
        show_demo_users(runtime)
    finally:
        runtime.close()


def _read(runtime) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.read.service import read_unread

    with console.status("reading documents: events, places, warning indicators"):
        totals = read_unread(runtime)
    console.print(
        f"read {totals.documents} new documents, {totals.events} events ({totals.version})"
    )


def _assess(runtime) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.assess.service import refresh

    with console.status("series, forecasts and backtests"), runtime.sessions.begin() as session:
        for note in refresh(session):
            console.print(note)


def seed_act_examples(runtime) -> None:  # type: ignore[no-untyped-def]
    """Alerts from the real series, then the EXAMPLE situations, experts, fund and partners."""
    from wiqaya.act.demo_seed import seed_examples

    s = seed_examples(runtime)
    console.print(
        f"alerts: {s.alerts_created} new · EXAMPLE situations {s.situations}, responses "
        f"{s.responses}, experts {s.experts}, bookings {s.bookings} · partners {s.partners}"
    )
    for note in s.notes:
        console.print(f"[yellow]{note}[/]")


def show_demo_users(runtime) -> None:  # type: ignore[no-untyped-def]
    """Create the example accounts (first run only) and print their passwords once."""
    from rich.table import Table

    from wiqaya.security.demo import credentials_path, seed_demo_users

    created = seed_demo_users(runtime)
    if not created:
        console.print(f"example accounts exist; their passwords are in {credentials_path(runtime)}")
        return
    table = Table(title="Example accounts (demo only, not real people) — shown once")
    for column in ("user", "role", "password"):
        table.add_column(column)
    for username, role, password in created:
        table.add_row(username, role, password)
    console.print(table)
    console.print(f"also saved to {credentials_path(runtime)} (readable only by you)")


# Requests run in a thread pool and workers share the machine's cores: BLAS threads
# inside one request (the library search's matrix products) only contend with them.
SERVER_THREAD_LIMITS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def limit_native_threads() -> None:
    """One BLAS thread per process; spawned workers inherit it through the environment."""
    import os

    for name in SERVER_THREAD_LIMITS:
        os.environ.setdefault(name, "1")
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - the environment variables still apply
        return
    # numpy may already be loaded in this process (the single-worker case).
    threadpool_limits(1)


def serve(host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    limit_native_threads()

    from wiqaya.config import SERVER_DB_POOL_SIZE
    from wiqaya.logsafe import uvicorn_log_config
    from wiqaya.runtime import open_runtime
    from wiqaya.web.app import create_app

    runtime = open_runtime(migrate=False, pool_size=SERVER_DB_POOL_SIZE)
    console.print(f"serving on [bold]http://{host}:{port}/[/] (Ctrl-C to stop)")
    if workers > 1:
        # Several processes need an import string: each worker builds its own app.
        runtime.close()
        uvicorn.run(
            "wiqaya.web.asgi:create_from_env",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            log_config=uvicorn_log_config("warning"),
        )
        return
    from wiqaya.remember.service import warm_index

    warm_index(runtime)
    uvicorn.run(
        create_app(runtime),
        host=host,
        port=port,
        log_level="warning",
        log_config=uvicorn_log_config("warning"),
    )


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        no_serve: bool = typer.Option(False, "--no-serve", help="Build the database and stop."),
        host: str = typer.Option(DEFAULT_HOST, help="Address to serve on."),
        port: int = typer.Option(DEFAULT_PORT, help="Port to serve on."),
    ) -> None:
        """Build the demo database from the bundled real data and serve the dashboard."""
        build_demo_database()
        if not no_serve:
            serve(host, port)

    @app.command("serve")
    def serve_cmd(
        host: str = typer.Option(DEFAULT_HOST, help="Address to serve on."),
        port: int = typer.Option(DEFAULT_PORT, help="Port to serve on."),
        workers: int = typer.Option(
            1, min=1, max=64, help="Worker processes (use several on PostgreSQL)."
        ),
    ) -> None:
        """Serve the web app and API over the configured database."""
        serve(host, port, workers)
