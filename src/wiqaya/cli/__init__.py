"""The command-line shell: Typer commands that call stage services and show Rich output."""
