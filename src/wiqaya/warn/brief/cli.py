"""``wiqaya brief``: write the monthly brief as HTML or PDF."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("brief")
    def brief(
        month: str = typer.Option("latest", "--month", help="YYYY-MM, or 'latest'."),
        lang: str = typer.Option("ar", "--lang", help="ar (default) or en."),
        fmt: str = typer.Option("html", "--format", help="html or pdf."),
        output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    ) -> None:
        """Write the monthly horizon-scanning brief (Arabic by default)."""
        from wiqaya.errors import InputError
        from wiqaya.runtime import open_runtime
        from wiqaya.warn.brief.compose import compose
        from wiqaya.warn.brief.render import write

        if fmt not in ("html", "pdf"):
            raise InputError(f"--format must be html or pdf, got {fmt!r}", code="E-INP-072")
        if output.exists() and output.is_dir():
            raise InputError(
                f"--output {output} is a directory; give a file name", code="E-INP-073"
            )
        if not output.parent.exists():
            raise InputError(
                f"the folder of --output does not exist: {output.parent}", code="E-INP-074"
            )
        runtime = open_runtime(migrate=False)
        try:
            with runtime.sessions() as session:
                composed = compose(session, month, lang)
            write(composed, fmt, output)
        finally:
            runtime.close()
        typer.echo(f"brief for {composed.month} ({lang}, {fmt}) written to {output}")
