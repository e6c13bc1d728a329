"""``wiqaya alerts run|list|show|ack|escalate|dismiss``: the alert queue from the terminal."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

console = Console()
SEVERITY_STYLE = {
    "low": "dim",
    "medium": "yellow",
    "high": "bold red",
    "critical": "bold white on red",
}


def cli_actor(by: str | None) -> str:
    """Who did it: the --by value, else the operating-system user, marked as CLI."""
    if by and by.strip():
        return by.strip()[:120]
    try:
        return f"cli:{getpass.getuser()}"[:120]
    except OSError:
        return "cli"


def _bounded(limit: int) -> int:
    from wiqaya.errors import InputError

    if not 1 <= limit <= 500:
        raise InputError("--limit must be between 1 and 500", code="E-INP-050")
    return limit


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    alerts = typer.Typer(
        help="Alerts: run the rules, review and move alerts.", no_args_is_help=True
    )
    app.add_typer(alerts, name="alerts")

    @alerts.command("run")
    def run(
        rules: Path | None = typer.Option(None, help="Rules JSON (default: bundled rules)."),
        rule: str | None = typer.Option(None, help="Run only this rule."),
    ) -> None:
        """Evaluate the alert rules over stored series, forecasts and indicator hits."""
        from wiqaya.runtime import open_runtime
        from wiqaya.warn.rules import load_rules
        from wiqaya.warn.run import run_rules

        ruleset = load_rules(rules)
        runtime = open_runtime(migrate=False)
        try:
            summary = run_rules(runtime, ruleset, only=rule)
        finally:
            runtime.close()
        table = Table(title=f"alert rules {summary.rules_version}")
        for col in ("rule", "kind", "episodes", "new", "updated", "unchanged"):
            table.add_column(col, justify="right" if col not in ("rule", "kind") else "left")
        for o in summary.outcomes:
            table.add_row(
                o.rule, o.kind, str(o.candidates), str(o.created), str(o.updated), str(o.unchanged)
            )
        console.print(table)

    @alerts.command("list")
    def list_cmd(
        state: str | None = typer.Option(None, help="new, acknowledged, escalated, dismissed."),
        country: str | None = typer.Option(None, help="ISO3 code, e.g. IRQ."),
        rule: str | None = typer.Option(None),
        severity: str | None = typer.Option(None),
        limit: int = typer.Option(50),
        offset: int = typer.Option(0, min=0),
    ) -> None:
        """List alerts, newest warning first."""
        from wiqaya.runtime import open_runtime
        from wiqaya.store.warn import AlertFilter, list_alerts

        runtime = open_runtime(migrate=False)
        try:
            with runtime.sessions() as s:
                rows, total = list_alerts(
                    s,
                    AlertFilter(state=state, country=country, rule=rule, severity=severity),
                    limit=_bounded(limit),
                    offset=offset,
                )
        finally:
            runtime.close()
        table = Table(title=f"alerts ({len(rows)} of {total})")
        for col in ("id", "country", "rule", "periods", "warned", "severity", "state", "summary"):
            table.add_column(col, overflow="fold")
        for a in rows:
            table.add_row(
                str(a.id),
                a.country,
                a.rule,
                f"{a.period_start}..{a.period_end}",
                a.warned_at.date().isoformat(),
                f"[{SEVERITY_STYLE[a.severity]}]{a.severity}[/]",
                a.state + (" (example)" if a.is_example else ""),
                a.summary_en,
            )
        console.print(table)

    @alerts.command("show")
    def show(alert_id: int) -> None:
        """Show one alert with its evidence and history."""
        from wiqaya.runtime import open_runtime
        from wiqaya.store.warn import alert_dict, get_alert, transitions

        runtime = open_runtime(migrate=False)
        try:
            with runtime.sessions() as s:
                a = get_alert(s, alert_id)
                data = alert_dict(a)
                history = transitions(s, [a.id])
        finally:
            runtime.close()
        console.print(f"[bold]#{a.id}[/] {data['summary_en']}")
        console.print(data["summary_ar"])
        console.print(json.dumps(data["evidence"], ensure_ascii=False, indent=1))
        for t in history:
            console.print(
                f"{t.at:%Y-%m-%d %H:%M} {t.from_state} → {t.to_state} "
                f"{t.actor or ''} {t.reason or ''}"
            )

    def _move(alert_id: int, target: str, reason: str | None, by: str | None) -> None:
        from wiqaya.runtime import open_runtime
        from wiqaya.warn.service import move_alert

        runtime = open_runtime(migrate=False)
        try:
            alert = move_alert(runtime, alert_id, target, reason=reason, actor=cli_actor(by))
        finally:
            runtime.close()
        console.print(f"alert #{alert['id']} is now [bold]{alert['state']}[/]")

    @alerts.command("ack")
    def ack(alert_id: int, by: str | None = typer.Option(None, help="Who acknowledges.")) -> None:
        """Acknowledge a new alert (someone is looking at it)."""
        _move(alert_id, "acknowledged", None, by)

    @alerts.command("escalate")
    def escalate(
        alert_id: int,
        reason: str | None = typer.Option(None, help="Why it goes up."),
        by: str | None = typer.Option(None),
    ) -> None:
        """Escalate an acknowledged alert."""
        _move(alert_id, "escalated", reason, by)

    @alerts.command("dismiss")
    def dismiss(
        alert_id: int,
        reason: str = typer.Option(..., help="Why the alert is dismissed (required)."),
        by: str | None = typer.Option(None),
    ) -> None:
        """Dismiss an acknowledged alert, with a reason."""
        _move(alert_id, "dismissed", reason, by)
