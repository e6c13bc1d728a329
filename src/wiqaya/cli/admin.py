"""Administration commands: ``wiqaya backup OUT`` and ``wiqaya restore IN``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

console = Console()


def register(app: typer.Typer) -> None:
    @app.command("backup")
    def backup_cmd(
        out: Path = typer.Argument(..., help="Backup file to write."),
        force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    ) -> None:
        """Write a consistent backup of the database (safe while the app runs)."""
        from wiqaya.config import load_settings
        from wiqaya.store.backup import backup

        url = load_settings().resolved_database_url
        result = backup(url, out.expanduser(), force=force)
        console.print(
            f"backup written: [bold]{result.path}[/] "
            f"({result.backend}, {result.size_bytes:,} bytes)"
        )

    @app.command("restore")
    def restore_cmd(
        src: Path = typer.Argument(..., help="Backup file made by `wiqaya backup`."),
        force: bool = typer.Option(
            False, "--force", help="Replace a database that already holds data."
        ),
    ) -> None:
        """Restore the database from a backup, checking it before and after."""
        from wiqaya.config import load_settings
        from wiqaya.store.backup import restore

        url = load_settings().resolved_database_url
        backend = restore(url, src.expanduser(), force=force)
        console.print(f"restored {backend} database from [bold]{src}[/]")
