"""``wiqaya`` entry point: one Typer app; each stage registers its commands here.

User mistakes (``WiqayaError``) print ``[code] message`` and exit non-zero;
only a bug shows a traceback.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

import typer
from rich.console import Console

from wiqaya import __version__
from wiqaya.errors import WiqayaError, from_interrupt
from wiqaya.logsafe import configure_logging

app = typer.Typer(
    name="wiqaya",
    help="Wiqaya (وقاية): Arabic-first early warning and preventive diplomacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database administration.", no_args_is_help=True)
export_app = typer.Typer(
    help="Export stored records (CSV, JSON Lines, Parquet).", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(export_app, name="export")

err_console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wiqaya {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    configure_logging(logging.INFO if verbose else logging.WARNING)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the latest schema."""
    from wiqaya.runtime import open_runtime

    runtime = open_runtime(migrate=True)
    typer.echo(f"database is up to date: {runtime.url}")
    runtime.close()


def _register() -> None:
    # Imported here so `wiqaya --help` stays fast and a broken optional stage
    # surfaces as a clear error, not as an import failure of the whole CLI.
    from wiqaya.act import cli as act_cli
    from wiqaya.assess import cli as assess_cli
    from wiqaya.cli import admin as admin_cli
    from wiqaya.cli import demo as demo_cli
    from wiqaya.read import cli as read_cli
    from wiqaya.remember import cli as remember_cli
    from wiqaya.security import cli as security_cli
    from wiqaya.sift import cli as sift_cli
    from wiqaya.warn import cli as warn_cli
    from wiqaya.warn.brief import cli as brief_cli

    sift_cli.register(app, export_app)
    read_cli.register(app, export_app)
    assess_cli.register(app, export_app)
    warn_cli.register(app, export_app)
    act_cli.register(app, export_app)
    remember_cli.register(app, export_app)
    security_cli.register(app, export_app)
    demo_cli.register(app)
    brief_cli.register(app)
    admin_cli.register(app)


_register()


def main() -> None:
    try:
        try:
            app()
        finally:
            # The command is over, done or not: a Ctrl-C during interpreter
            # shutdown has nothing left to stop and would only print a stray
            # "Exception ignored ... KeyboardInterrupt" from a finaliser.
            _ignore_ctrl_c()
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:
        # Ctrl-C in the middle of a PostgreSQL query leaves the connection
        # busy, so the clean-up that follows fails ("another command is
        # already in progress") and its error replaces the interrupt. The
        # uncommitted batch dies with the connection either way: report it
        # as the interrupt it was, not as a crash or a database error.
        if from_interrupt(exc):
            _interrupted()
        if not isinstance(exc, WiqayaError):
            raise
        err_console.print(f"[bold red]{exc.code}[/] {exc.message}", markup=True, highlight=False)
        sys.exit(exc.exit_code)


def _ignore_ctrl_c() -> None:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _interrupted() -> None:
    err_console.print("interrupted; work already committed is kept, run again to resume")
    sys.exit(130)
