"""``wiqaya situation``, ``wiqaya roster``, ``wiqaya funds`` and ``wiqaya partners``."""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import date
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from wiqaya.warn.cli import cli_actor

console = Console()


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(p for p in v.replace(";", ",").split(",") if p.strip())
    return out


@contextmanager
def _runtime():  # type: ignore[no-untyped-def]
    from wiqaya.runtime import open_runtime

    runtime = open_runtime(migrate=False)
    try:
        yield runtime
    finally:
        runtime.close()


def _bounded(limit: int) -> int:
    from wiqaya.errors import InputError

    if not 1 <= limit <= 500:
        raise InputError("--limit must be between 1 and 500", code="E-INP-050")
    return limit


def _ex(flag: bool, name: str = "") -> str:
    """The example marker, unless the name already says EXAMPLE."""
    if not flag or "EXAMPLE" in name.upper():
        return ""
    return " [magenta](EXAMPLE)[/]"


def _days(v: int | None) -> str:
    return "—" if v is None else f"{v:,}"


def print_latency(report: Any) -> None:
    t = Table(title="warning-to-action latency per situation")
    for col in ("id", "situation", "region", "first alert", "first response", "type", "days"):
        t.add_column(col, overflow="fold")
    for c in report.clocks:
        days = _days(c.latency_days)
        if c.status == "pending":
            days = f"pending ({c.running_days:,} so far)"
        t.add_row(
            str(c.situation_id),
            c.title_en + _ex(c.is_example, c.title_en),
            c.region,
            c.first_alert_at.date().isoformat() if c.first_alert_at else "—",
            c.first_response_on.isoformat() if c.first_response_on else "—",
            c.first_response_type or "—",
            days,
        )
    console.print(t)
    o = report.overall
    console.print(
        f"[bold]all situations[/]: n={o.n} median={o.median if o.median is not None else '—'} days"
        f" (p25 {o.p25 if o.p25 is not None else '—'}, p75 {o.p75 if o.p75 is not None else '—'},"
        f" min {_days(o.minimum)}, max {_days(o.maximum)}); pending {report.pending};"
        f" response before the warning {report.before_warning}"
    )
    if report.examples:
        console.print(
            f"[magenta]{report.examples} of the {o.n} measured situations are EXAMPLES[/]"
            " (demo records; --no-examples leaves them out)"
        )
    d = Table(title="distribution")
    d.add_column("latency")
    d.add_column("situations", justify="right")
    for label, n in report.distribution:
        d.add_row(label, str(n))
    console.print(d)
    for title, groups in (
        ("by region", report.by_region),
        ("by first response type", report.by_response_type),
    ):
        g = Table(title=title)
        for col in ("group", "n", "median days", "min", "max"):
            g.add_column(col)
        for key, s in groups.items():
            g.add_row(key, str(s.n), str(s.median), _days(s.minimum), _days(s.maximum))
        console.print(g)


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    from wiqaya.act import service
    from wiqaya.store.models.act import OUTCOMES, RESPONSE_TYPES, THEMES

    situation = typer.Typer(
        help="Situation files, responses and the warning-to-action clock.", no_args_is_help=True
    )
    roster_app = typer.Typer(
        help="The mediation roster: experts, matching, bookings.", no_args_is_help=True
    )
    funds_app = typer.Typer(
        help="Rapid-response funds: balances and allocations.", no_args_is_help=True
    )
    partners_app = typer.Typer(
        help="Partners: states, organisations, coalitions, missions.", no_args_is_help=True
    )
    app.add_typer(situation, name="situation")
    app.add_typer(roster_app, name="roster")
    app.add_typer(funds_app, name="funds")
    app.add_typer(partners_app, name="partners")

    # --- situation -----------------------------------------------------------------
    @situation.command("create")
    def situation_create(
        title_en: str = typer.Option(..., "--title", help="Title in English."),
        title_ar: str = typer.Option(..., "--title-ar", help="Title in Arabic."),
        region: str = typer.Option(..., help="Region, e.g. MENA, Horn of Africa."),
        country: str | None = typer.Option(
            None, help="ISO3 code when the situation is one country."
        ),
        summary: str = typer.Option(""),
        actor: list[str] = typer.Option(
            [], "--actor", help="An actor involved, as NAME or NAME:ROLE (repeat)."
        ),
        alert: list[int] = typer.Option(
            [], "--alert", help="An alert id to file under it (repeat)."
        ),
        by: str | None = typer.Option(None),
    ) -> None:
        """Open a situation file for a country or region."""
        actors = [
            {"name": a.split(":", 1)[0], "role": a.split(":", 1)[1] if ":" in a else ""}
            for a in actor
        ]
        with _runtime() as rt:
            out = service.create_situation(
                rt,
                by=cli_actor(by),
                title_en=title_en,
                title_ar=title_ar,
                region=region,
                country=country,
                summary=summary,
                actors=actors,
                alert_ids=list(alert),
            )
        console.print(f"situation #{out['id']} opened: {out['title_en']} / {out['title_ar']}")

    @situation.command("attach")
    def situation_attach(
        situation_id: int,
        alert: list[int] = typer.Argument(..., help="Alert ids."),
        by: str | None = typer.Option(None),
    ) -> None:
        """File alerts under a situation."""
        with _runtime() as rt:
            added = service.attach_alerts(rt, situation_id, list(alert), by=cli_actor(by))
        console.print(f"filed {len(added)} alert(s) under situation #{situation_id}")

    @situation.command("list")
    def situation_list(
        region: str | None = typer.Option(None),
        country: str | None = typer.Option(None),
        limit: int = typer.Option(50),
        offset: int = typer.Option(0, min=0),
    ) -> None:
        """List situation files with their clock."""
        from wiqaya.store import act as store

        with _runtime() as rt:
            with rt.sessions() as s:
                rows, total = store.list_situations(
                    s, region=region, country=country, limit=_bounded(limit), offset=offset
                )
            clocks = {c.situation_id: c for c in service.latency(rt).clocks}
        t = Table(title=f"situations ({len(rows)} of {total})")
        for col in ("id", "title", "العنوان", "region", "country", "status", "clock"):
            t.add_column(col, overflow="fold")
        for s in rows:
            c = clocks.get(s.id)
            clock = "—"
            if c and c.status == "responded":
                clock = f"{c.latency_days:,} days"
            elif c and c.status == "pending":
                clock = f"running: {c.running_days:,} days"
            t.add_row(
                str(s.id),
                s.title_en + _ex(s.is_example, s.title_en),
                s.title_ar,
                s.region,
                s.country or "—",
                s.status,
                clock,
            )
        console.print(t)

    @situation.command("show")
    def situation_show(situation_id: int, as_json: bool = typer.Option(False, "--json")) -> None:
        """Show a situation file: timeline, clock, team, funds, partners."""
        with _runtime() as rt:
            f = service.situation_file(rt, situation_id)
        if as_json:
            typer.echo(json.dumps(f, ensure_ascii=False, indent=1))
            return
        s = f["situation"]
        console.print(
            f"[bold]#{s['id']} {s['title_en']}[/]{_ex(s['is_example'], s['title_en'])}"
            f" — {s['title_ar']}"
        )
        console.print(f"region {s['region']} · country {s['country'] or '—'} · {s['status']}")
        c = f["clock"]
        console.print(
            f"clock: first alert {c['first_alert_at'] or '—'}, first response "
            f"{c['first_response_on'] or '—'} ({c['first_response_type'] or '—'}): "
            + (f"{c['latency_days']} days" if c["latency_days"] is not None else f"{c['status']}")
        )
        t = Table(title="timeline")
        for col in ("date", "kind", "what", "detail"):
            t.add_column(col, overflow="fold")
        for e in f["timeline"]:
            t.add_row(e["at"], e["kind"], e["text_en"], e["detail"] or "")
        console.print(t)
        if f["partners"]:
            console.print(
                "partners: " + ", ".join(f"{p['name_en']} ({p['role']})" for p in f["partners"])
            )

    @situation.command("respond")
    def situation_respond(
        situation_id: int,
        response_type: str = typer.Option(
            ..., "--type", help="One of: " + ", ".join(RESPONSE_TYPES)
        ),
        actor_name: str = typer.Option(
            ..., "--actor", help="Who acted, e.g. 'UN Secretary-General'."
        ),
        on: str = typer.Option(date.today().isoformat(), "--on", help="Date taken, YYYY-MM-DD."),
        notes: str = typer.Option(""),
        by: str | None = typer.Option(None),
    ) -> None:
        """Record a response taken from the preventive-diplomacy toolbox."""
        with _runtime() as rt:
            out = service.add_response(
                rt,
                situation_id,
                by=cli_actor(by),
                response_type=response_type,
                actor=actor_name,
                taken_on=service.parse_day(on, "--on"),
                notes=notes,
            )
        console.print(f"response #{out['id']} recorded ({out['response_type']}, {out['taken_on']})")

    @situation.command("outcome")
    def situation_outcome(
        situation_id: int,
        outcome: str = typer.Argument(..., help="One of: " + ", ".join(OUTCOMES)),
        on: str = typer.Option(date.today().isoformat(), "--on"),
        notes: str = typer.Option(""),
        by: str | None = typer.Option(None),
    ) -> None:
        """Record what happened after the responses."""
        with _runtime() as rt:
            out = service.add_outcome(
                rt,
                situation_id,
                by=cli_actor(by),
                outcome=outcome,
                observed_on=service.parse_day(on, "--on"),
                notes=notes,
            )
        console.print(f"outcome #{out['id']} recorded: {out['outcome']} on {out['observed_on']}")

    @situation.command("close")
    def situation_close(
        situation_id: int,
        reopen: bool = typer.Option(False, "--reopen", help="Open it again instead."),
        by: str | None = typer.Option(None),
    ) -> None:
        """Close a situation file (or reopen it)."""
        status = "open" if reopen else "closed"
        with _runtime() as rt:
            service.set_status(rt, situation_id, status, by=cli_actor(by))
        console.print(f"situation #{situation_id} is {status}")

    @situation.command("latency")
    def situation_latency(
        as_json: bool = typer.Option(False, "--json"),
        examples: bool = typer.Option(
            True, "--examples/--no-examples", help="Include EXAMPLE files."
        ),
    ) -> None:
        """The warning-to-action report: per situation and over all situations."""
        from wiqaya.act.latency import report_dict

        with _runtime() as rt:
            report = service.latency(rt, include_examples=examples)
        if as_json:
            typer.echo(json.dumps(report_dict(report), ensure_ascii=False, indent=1))
        else:
            print_latency(report)

    # --- roster --------------------------------------------------------------------
    @roster_app.command("add")
    def roster_add(
        name: str = typer.Option(...),
        gender: str = typer.Option(..., help="woman, man or other."),
        themes: list[str] = typer.Option(
            ..., "--themes", help="Comma-separated: " + ", ".join(THEMES)
        ),
        languages: list[str] = typer.Option(
            ..., "--languages", help="ISO 639-1 codes, comma-separated."
        ),
        regions: list[str] = typer.Option(..., "--regions", help="Region codes, comma-separated."),
        available: list[str] = typer.Option(
            [], "--available", help="Window FROM:TO (YYYY-MM-DD:YYYY-MM-DD), repeat."
        ),
        notes: str = typer.Option(""),
        by: str | None = typer.Option(None),
    ) -> None:
        """Add an expert to the roster."""
        windows = []
        for w in available:
            if ":" not in w:
                from wiqaya.errors import InputError

                raise InputError(f"--available must be FROM:TO, got {w!r}", code="E-ACT-025")
            a, b = w.split(":", 1)
            windows.append(
                (service.parse_day(a, "--available"), service.parse_day(b, "--available"))
            )
        with _runtime() as rt:
            out = service.add_expert(
                rt,
                by=cli_actor(by),
                name=name,
                gender=gender,
                themes=_split(themes),
                languages=_split(languages),
                regions=_split(regions),
                windows=windows,
                notes=notes,
            )
        console.print(f"expert #{out['id']} added: {out['name']}")

    @roster_app.command("list")
    def roster_list(
        theme: str | None = typer.Option(None),
        language: str | None = typer.Option(None),
        region: str | None = typer.Option(None),
        limit: int = typer.Option(50),
        offset: int = typer.Option(0, min=0),
    ) -> None:
        """List experts on the roster."""
        from wiqaya.store import act as store

        with _runtime() as rt, rt.sessions() as s:
            rows, total = store.list_experts(
                s,
                theme=theme,
                language=language,
                region=region,
                limit=_bounded(limit),
                offset=offset,
            )
            data = [store.expert_dict(e, store.expert_windows(s, e.id)) for e in rows]
        t = Table(title=f"roster ({len(data)} of {total})")
        for col in ("id", "name", "gender", "themes", "languages", "regions", "available"):
            t.add_column(col, overflow="fold")
        for e in data:
            t.add_row(
                str(e["id"]),
                e["name"] + _ex(e["is_example"], e["name"]),
                e["gender"],
                ", ".join(e["themes"]),
                ", ".join(e["languages"]),
                ", ".join(e["regions"]),
                "; ".join(f"{w['starts_on']}..{w['ends_on']}" for w in e["availability"]),
            )
        console.print(t)

    @roster_app.command("match")
    def roster_match(
        themes: list[str] = typer.Option([], "--themes", help="Comma-separated themes."),
        languages: list[str] = typer.Option([], "--languages"),
        region: str | None = typer.Option(None, "--region"),
        start: str = typer.Option(..., "--start", help="Deployment start, YYYY-MM-DD."),
        size: int = typer.Option(3, "--size"),
        days: int = typer.Option(14, "--days", help="Length of the deployment."),
        book_for: int | None = typer.Option(
            None, "--book", help="Book the team for this situation id."
        ),
        by: str | None = typer.Option(None),
    ) -> None:
        """Propose a team deployable within 72 hours, with the reason for each member."""
        from wiqaya.act.roster import make_request

        req = make_request(
            _split(themes),
            _split(languages),
            region,
            service.parse_day(start, "--start"),
            size,
            days,
        )
        with _runtime() as rt:
            team = service.match(rt, req)
            booked = []
            if book_for is not None and team.members:
                booked = service.book_team(rt, team, book_for, by=cli_actor(by))
        t = Table(
            title=f"team for {', '.join(req.themes) or 'any theme'} from {req.start} "
            f"({len(team.ranked)} eligible)"
        )
        for col in ("#", "expert", "gender", "score", "arrives", "why"):
            t.add_column(col, overflow="fold")
        for i, m in enumerate(team.members, 1):
            t.add_row(
                str(i),
                m.name + _ex(m.is_example, m.name),
                m.gender,
                str(m.score),
                m.arrival.isoformat(),
                "; ".join(m.reasons),
            )
        console.print(t)
        rule = "met" if team.gender_rule_met else "[bold red]NOT met[/]"
        console.print(f"gender balance ({team.women_required} women required): {rule}")
        for n in team.notes:
            console.print(f"• {n}")
        if team.uncovered_themes or team.uncovered_languages:
            console.print(
                f"[yellow]not covered[/]: themes {team.uncovered_themes}, "
                f"languages {team.uncovered_languages}"
            )
        if booked:
            console.print(f"booked: {len(booked)} booking(s) for situation #{book_for}")

    @roster_app.command("book")
    def roster_book(
        expert: list[int] = typer.Option(..., "--expert", help="Expert id (repeat for a team)."),
        start: str = typer.Option(..., "--start"),
        end: str = typer.Option(..., "--end"),
        situation_id: int | None = typer.Option(None, "--situation"),
        by: str | None = typer.Option(None),
    ) -> None:
        """Book experts for a span of days (all or nothing; never double-books)."""
        with _runtime() as rt:
            out = service.book(
                rt,
                list(expert),
                service.parse_day(start, "--start"),
                service.parse_day(end, "--end"),
                situation_id=situation_id,
                by=cli_actor(by),
            )
        for b in out:
            console.print(f"booking #{b['id']}: {b['expert']} {b['starts_on']}..{b['ends_on']}")

    @roster_app.command("available")
    def roster_available(
        expert_id: int,
        start: str = typer.Option(..., "--from"),
        end: str = typer.Option(..., "--to"),
        by: str | None = typer.Option(None),
    ) -> None:
        """Add an availability window for an expert."""
        with _runtime() as rt:
            service.add_availability(
                rt,
                expert_id,
                service.parse_day(start, "--from"),
                service.parse_day(end, "--to"),
                by=cli_actor(by),
            )
        console.print("availability added")

    # --- funds ---------------------------------------------------------------------
    @funds_app.command("create")
    def funds_create(
        name: str,
        currency: str = typer.Option("USD"),
        balance: str = typer.Option("0"),
        by: str | None = typer.Option(None),
    ) -> None:
        """Create a fund with an opening balance."""
        with _runtime() as rt:
            out = service.create_fund(
                rt,
                by=cli_actor(by),
                name=name,
                currency=currency,
                initial_minor=service.parse_amount(balance),
            )
        console.print(f"fund #{out['id']} {out['name']}: {out['balance']} {out['currency']}")

    @funds_app.command("list")
    def funds_list() -> None:
        """Funds and their balances."""
        from wiqaya.store import act as store

        with _runtime() as rt, rt.sessions() as s:
            rows, _ = store.list_funds(s, limit=500)
            data = [(f, store.allocated_total(s, f.id)) for f in rows]
        t = Table(title="funds")
        for col in ("id", "fund", "balance", "allocated", "currency"):
            t.add_column(col)
        for f, allocated in data:
            t.add_row(
                str(f.id),
                f.name + _ex(f.is_example, f.name),
                f"{f.balance_minor / 100:,.2f}",
                f"{allocated / 100:,.2f}",
                f.currency,
            )
        console.print(t)

    @funds_app.command("deposit")
    def funds_deposit(
        fund_id: int,
        amount: str,
        purpose: str = typer.Option(""),
        by: str | None = typer.Option(None),
    ) -> None:
        """Add money to a fund."""
        with _runtime() as rt:
            service.deposit(
                rt, fund_id, service.parse_amount(amount), purpose=purpose, by=cli_actor(by)
            )
        console.print("deposited")

    @funds_app.command("allocate")
    def funds_allocate(
        fund_id: int,
        amount: str,
        situation_id: int = typer.Option(..., "--situation"),
        purpose: str = typer.Option(..., "--purpose"),
        by: str | None = typer.Option(None),
    ) -> None:
        """Allocate money to a situation; refused if the fund cannot cover it."""
        with _runtime() as rt:
            out = service.allocate(
                rt,
                fund_id,
                situation_id,
                service.parse_amount(amount),
                purpose=purpose,
                by=cli_actor(by),
            )
        console.print(f"allocation #{out['id']}: {out['amount']} to situation #{situation_id}")

    # --- partners ------------------------------------------------------------------
    @partners_app.command("add")
    def partners_add(
        name_en: str = typer.Option(..., "--name"),
        name_ar: str = typer.Option(..., "--name-ar"),
        kind: str = typer.Option(
            ..., help="state, regional_organisation, coalition, un_mission, mission"
        ),
        iso3: str | None = typer.Option(None),
        parent: int | None = typer.Option(None, help="Parent organisation id (for a mission)."),
        founded: str | None = typer.Option(None, help="YYYY-MM-DD"),
        source: str = typer.Option(""),
        by: str | None = typer.Option(None),
    ) -> None:
        """Add a state, organisation, coalition or mission."""
        with _runtime() as rt:
            out = service.add_partner(
                rt,
                by=cli_actor(by),
                name_en=name_en,
                name_ar=name_ar,
                kind=kind,
                iso3=iso3,
                parent_id=parent,
                founded_on=service.parse_day(founded, "--founded") if founded else None,
                source=source,
            )
        console.print(f"partner #{out['id']} added: {out['name_en']}")

    @partners_app.command("list")
    def partners_list(
        kind: str | None = typer.Option(None), q: str | None = typer.Option(None)
    ) -> None:
        """List partners."""
        from wiqaya.store import act as store

        with _runtime() as rt, rt.sessions() as s:
            rows, total = store.list_partners(s, kind=kind, q=q, limit=500)
        t = Table(title=f"partners ({total})")
        for col in ("id", "name", "الاسم", "kind", "iso3", "founded"):
            t.add_column(col, overflow="fold")
        for p in rows:
            t.add_row(
                str(p.id),
                p.name_en + _ex(p.is_example, p.name_en),
                p.name_ar,
                p.kind,
                p.iso3 or "—",
                p.founded_on.isoformat() if p.founded_on else "—",
            )
        console.print(t)

    @partners_app.command("show")
    def partners_show(
        partner_id: int,
        as_of: str | None = typer.Option(None, "--as-of", help="Members on this date."),
    ) -> None:
        """A partner's members (as of a date), mandates over time and situations."""
        with _runtime() as rt:
            d = service.partner_detail(
                rt, partner_id, service.parse_day(as_of, "--as-of") if as_of else None
            )
        console.print(
            f"[bold]{d['name_en']}[/] — {d['name_ar']} ({d['kind']})"
            f"{_ex(d['is_example'], d['name_en'])}"
        )
        console.print(f"members on {d['as_of']}: {len(d['members'])}")
        for m in d["members"]:
            console.print(f"  {m['name_en']} (since {m['joined_on']})")
        t = Table(title="mandates")
        for col in ("from", "to", "mandate", "legal basis", "size", "source"):
            t.add_column(col, overflow="fold")
        for m in d["mandates"]:
            t.add_row(
                m["starts_on"],
                m["ends_on"] or "—",
                m["description_en"],
                m["legal_basis"],
                str(m["size"] or "—"),
                m["source"],
            )
        console.print(t)

    @partners_app.command("member")
    def partners_member(
        group_id: int,
        member_id: int,
        joined: str = typer.Option(..., "--joined"),
        left: str | None = typer.Option(None, "--left"),
        source: str = typer.Option(""),
        by: str | None = typer.Option(None),
    ) -> None:
        """Record that a partner joined (and maybe left) an organisation or coalition."""
        with _runtime() as rt:
            service.add_membership(
                rt,
                group_id,
                member_id,
                service.parse_day(joined, "--joined"),
                left_on=service.parse_day(left, "--left") if left else None,
                source=source,
                by=cli_actor(by),
            )
        console.print("membership recorded")

    @partners_app.command("link")
    def partners_link(
        situation_id: int,
        partner_id: int,
        role: str = typer.Option(""),
        by: str | None = typer.Option(None),
    ) -> None:
        """Link a partner to a situation with its role."""
        with _runtime() as rt:
            service.link_partner(rt, situation_id, partner_id, role, by=cli_actor(by))
        console.print("linked")
