"""CLI for security: ``wiqaya users``, ``wiqaya audit`` and ``wiqaya sources``.

The CLI acts as the local operator (the audit log records ``local:<os user>``):
whoever can run it can already read the database and the install secret.
Passwords and tokens are never taken from the command line, where shell
history and process lists would keep them.
"""

from __future__ import annotations

import secrets
import sys

import typer
from rich.console import Console
from rich.table import Table

from wiqaya.errors import InputError

console = Console()
users_app = typer.Typer(help="Users, roles and API tokens.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
sources_app = typer.Typer(help="Sources, including confidential ones.", no_args_is_help=True)

AUDIT_BROKEN_EXIT = 8


def _read_password(password_stdin: bool, generate: bool) -> tuple[str, bool]:
    """(password, whether it was generated and must be shown)."""
    if generate:
        return secrets.token_urlsafe(15), True
    if password_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
        if not value:
            raise InputError("no password on standard input", code="E-INP-SEC-006")
        return value, False
    if not sys.stdin.isatty():
        raise InputError(
            "no terminal to ask for a password: use --password-stdin or --generate-password",
            code="E-INP-SEC-006",
        )
    return typer.prompt("password", hide_input=True, confirmation_prompt=True), False


def _when(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


@users_app.command("add")
def users_add(
    username: str = typer.Argument(..., help="Login name (letters, digits, . _ -)."),
    role: str = typer.Option("viewer", "--role", "-r", help="viewer, analyst or admin."),
    password_stdin: bool = typer.Option(False, help="Read the password from standard input."),
    generate_password: bool = typer.Option(
        False, help="Generate a random password and print it once."
    ),
) -> None:
    """Create a user (Argon2-hashed password, at least 12 characters)."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    password, show = _read_password(password_stdin, generate_password)
    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            user = store.add_user(session, username, role, password)
    finally:
        runtime.close()
    console.print(f"created [bold]{user.username}[/] with role [bold]{user.role}[/]")
    if show:
        console.print(f"password (shown once): [bold]{password}[/]", highlight=False)


@users_app.command("list")
def users_list() -> None:
    """List users with their role, state and number of live API tokens."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store

    runtime = open_runtime()
    try:
        with runtime.sessions() as session:
            users = store.list_users(session)
    finally:
        runtime.close()
    table = Table(title="Users")
    for column in ("user", "role", "active", "tokens", "created", "note"):
        table.add_column(column)
    for u in users:
        table.add_row(
            u.username,
            u.role,
            "yes" if u.active else "[red]disabled[/]",
            str(u.tokens),
            _when(u.created_at),
            "example account" if u.is_example else "",
        )
    console.print(table)


@users_app.command("set-role")
def users_set_role(username: str, role: str) -> None:
    """Change a user's role (logs them out everywhere)."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            user = store.set_role(session, username, role)
    finally:
        runtime.close()
    console.print(f"{user.username} is now [bold]{user.role}[/]")


@users_app.command("disable")
def users_disable(username: str) -> None:
    """Disable a user: ends their sessions and revokes their API tokens."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            store.set_active(session, username, False)
    finally:
        runtime.close()
    console.print(f"{username} is disabled; sessions ended and tokens revoked")


@users_app.command("enable")
def users_enable(username: str) -> None:
    """Re-enable a disabled user (old tokens stay revoked)."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            store.set_active(session, username, True)
    finally:
        runtime.close()
    console.print(f"{username} is enabled")


@users_app.command("password")
def users_password(
    username: str,
    password_stdin: bool = typer.Option(False, help="Read the password from standard input."),
    generate_password: bool = typer.Option(False, help="Generate one and print it once."),
) -> None:
    """Set a new password (logs the user out everywhere)."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    password, show = _read_password(password_stdin, generate_password)
    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            store.set_password(session, username, password)
    finally:
        runtime.close()
    console.print(f"password of {username} changed")
    if show:
        console.print(f"password (shown once): [bold]{password}[/]", highlight=False)


@users_app.command("token")
def users_token(
    username: str,
    name: str = typer.Option("api", "--name", "-n", help="What the token is for."),
    days: int | None = typer.Option(None, help="Expire after this many days (default: never)."),
) -> None:
    """Create an API bearer token for a user; it is printed once and stored only hashed."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            token, view = store.create_token(session, username, name, days=days)
    finally:
        runtime.close()
    console.print(f"token {view.id} for {view.username} ({view.name}); shown once:")
    # Plain print so the token can be piped into a secrets store without markup.
    typer.echo(token)


@users_app.command("tokens")
def users_tokens(username: str | None = typer.Argument(None)) -> None:
    """List API tokens (never the secret itself)."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store

    runtime = open_runtime()
    try:
        with runtime.sessions() as session:
            tokens = store.list_tokens(session, username)
    finally:
        runtime.close()
    table = Table(title="API tokens")
    for column in ("id", "user", "name", "prefix", "created", "expires", "state"):
        table.add_column(column)
    for t in tokens:
        table.add_row(
            str(t.id),
            t.username,
            t.name,
            t.prefix + "…",
            _when(t.created_at),
            _when(t.expires_at),
            f"[red]revoked {_when(t.revoked_at)}[/]" if t.revoked_at else "live",
        )
    console.print(table)


@users_app.command("revoke")
def users_revoke(token_id: int) -> None:
    """Revoke an API token by its id."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            store.revoke_token(session, token_id)
    finally:
        runtime.close()
    console.print(f"token {token_id} revoked")


@audit_app.command("verify")
def audit_verify(
    expect_head: str | None = typer.Option(
        None, help="SEQ:HASH printed by an earlier run, to detect a log cut short."
    ),
) -> None:
    """Check the whole audit chain; exit 8 and list every problem if it was tampered with."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import audit

    runtime = open_runtime()
    try:
        with runtime.sessions() as session:
            report = audit.verify(session, runtime.keys, expect_head=expect_head)
    finally:
        runtime.close()
    if report.ok:
        console.print(
            f"[green]audit log intact[/]: {report.entries} entries; head {report.head}",
            highlight=False,
        )
        return
    table = Table(title=f"audit log TAMPERED: {len(report.problems)} problem(s)")
    table.add_column("entry")
    table.add_column("problem")
    table.add_column("detail")
    for problem in report.problems[:200]:
        table.add_row(str(problem.seq), problem.kind, problem.detail)
    console.print(table)
    if len(report.problems) > 200:
        console.print(f"... and {len(report.problems) - 200} more")
    console.print(f"{report.entries} entries read; head {report.head}", highlight=False)
    raise typer.Exit(AUDIT_BROKEN_EXIT)


@audit_app.command("show")
def audit_show(limit: int = typer.Option(20, min=1, max=10_000)) -> None:
    """Show the newest audit entries."""
    from sqlalchemy import select

    from wiqaya.runtime import open_runtime
    from wiqaya.store.models.security import AuditEntry

    runtime = open_runtime()
    try:
        with runtime.sessions() as session:
            rows = (
                session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit))
                .scalars()
                .all()
            )
    finally:
        runtime.close()
    table = Table(title="Audit log (newest first)")
    for column in ("seq", "time (UTC)", "actor", "action", "target", "payload"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(str(r.seq), r.at[:19], r.actor, r.action, r.target, r.payload[:120])
    console.print(table)


@sources_app.command("add")
def sources_add(
    identity: str = typer.Argument(
        None, help="The source's name; for a confidential one prefer --identity-stdin."
    ),
    confidential: bool = typer.Option(
        False, help="Store the identity encrypted; show only a keyed pseudonym everywhere."
    ),
    identity_stdin: bool = typer.Option(False, help="Read the identity from standard input."),
    kind: str = typer.Option("files", help="files, feed, dataset, field-reports..."),
    licence: str | None = typer.Option(None, help="Licence or terms of use."),
) -> None:
    """Create a source. Ingest into a confidential one with `--source PSEUDONYM`."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    if identity_stdin:
        identity = sys.stdin.readline().rstrip("\r\n")
    if not identity:
        raise InputError("give the source's name, or --identity-stdin", code="E-INP-SEC-007")
    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            view = store.add_source(
                session,
                runtime.keys,
                identity,
                kind=kind,
                confidential=confidential,
                licence=licence,
            )
    finally:
        runtime.close()
    state = "created" if view.created else "exists"
    if view.confidential:
        console.print(
            f"confidential source {state}: [bold]{view.name}[/] "
            f"(ingest with `wiqaya ingest --source {view.name} PATH`)",
            highlight=False,
        )
    else:
        console.print(f"source {state}: [bold]{view.name}[/]", highlight=False)


@sources_app.command("list")
def sources_list() -> None:
    """List sources; confidential ones by pseudonym only."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import api_reads as browse

    runtime = open_runtime()
    try:
        with runtime.sessions() as session:
            _total, rows = browse.sources(session, 10_000, 0)
    finally:
        runtime.close()
    table = Table(title="Sources")
    for column in ("id", "name", "kind", "confidential", "documents"):
        table.add_column(column)
    for source, n in rows:
        table.add_row(
            str(source.id), source.name, source.kind, "yes" if source.confidential else "", str(n)
        )
    console.print(table)


@sources_app.command("reveal")
def sources_reveal(pseudonym: str) -> None:
    """Print a confidential source's identity (local operators only; audited)."""
    from wiqaya.runtime import open_runtime
    from wiqaya.store import security as store
    from wiqaya.store.engine import transaction

    runtime = open_runtime()
    try:
        with transaction(runtime.sessions) as session:
            identity = store.reveal_source(session, runtime.keys, pseudonym)
    finally:
        runtime.close()
    typer.echo(identity)


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")
    app.add_typer(sources_app, name="sources")
