"""CLI of the assess stage: ``wiqaya series build``, ``wiqaya forecast run|backtest|show``."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from wiqaya.errors import InputError

console = Console()
err = Console(stderr=True)

DATA_DIR_HELP = (
    "Folder holding ewp_2025/ and ucdp/ (default: $WIQAYA_SHARED_DATA, else <repo>/../shared/data)."
)


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    series_app = typer.Typer(help="Country-month and country-year series.", no_args_is_help=True)
    forecast_app = typer.Typer(help="Forecasts, backtests and risk scores.", no_args_is_help=True)
    app.add_typer(series_app, name="series")
    app.add_typer(forecast_app, name="forecast")

    @series_app.command("build")
    def series_build(
        data_dir: Path | None = typer.Option(None, "--data-dir", help=DATA_DIR_HELP),
        no_ewp: bool = typer.Option(False, "--no-ewp", help="Skip the EWP predictor series."),
    ) -> None:
        """Recompute series from events, indicators, UCDP battle deaths and EWP predictors."""
        from wiqaya.assess.service import build_series
        from wiqaya.runtime import open_runtime

        runtime = open_runtime()
        try:
            with console.status("building series"), runtime.sessions.begin() as session:
                report = build_series(session, data_dir, with_ewp=not no_ewp)
        finally:
            runtime.close()
        for source, n in report.written.items():
            typer.echo(f"{source}: {n} points")
        for source, skip in report.skipped.items():
            if skip.no_country or skip.no_date or skip.bad_country:
                typer.echo(
                    f"{source}: skipped {skip.no_country} without a country, "
                    f"{skip.no_date} without a date, {skip.bad_country} with a bad country code"
                )
        for note in report.notes:
            typer.echo(note)

    @forecast_app.command("backtest")
    def forecast_backtest(
        target: str = typer.Option(
            ..., "--target", help="mk_onset, battle_deaths, or a series target (escalation...)."
        ),
        first_year: int = typer.Option(..., "--first-year"),
        last_year: int = typer.Option(..., "--last-year"),
        output: Path = typer.Option(..., "--output", help="CSV file to write."),
        data_dir: Path | None = typer.Option(None, "--data-dir", help=DATA_DIR_HELP),
    ) -> None:
        """Rolling-origin forecasts: each year from data and outcomes known before it."""
        from wiqaya.assess.service import backtest, series_backtest
        from wiqaya.assess.targets import load_targets

        if output.exists() and output.is_dir():
            raise InputError(f"--output {output} is a directory", code="E-AS-033")
        if not output.parent.exists():
            raise InputError(f"the folder of --output {output} does not exist", code="E-AS-033")
        started = time.perf_counter()
        with console.status(f"backtesting {target} {first_year}-{last_year}"):
            if target in load_targets():
                from wiqaya.runtime import open_runtime

                runtime = open_runtime()
                try:
                    with runtime.sessions() as session:
                        frame, notes = series_backtest(session, target, first_year, last_year)
                finally:
                    runtime.close()
            else:
                frame, notes = backtest(target, first_year, last_year, data_dir)
        tmp = output.with_name(output.name + ".part")
        frame.to_csv(tmp, index=False, float_format="%.6g")
        tmp.replace(output)
        for note in notes[:20]:
            err.print(note, highlight=False)
        if len(notes) > 20:
            err.print(f"... and {len(notes) - 20} more", highlight=False)
        typer.echo(f"wrote {len(frame)} rows to {output} in {time.perf_counter() - started:.1f} s")

    @forecast_app.command("run")
    def forecast_run(
        target: list[str] = typer.Option(
            None, "--target", help="Limit to these targets (default: all)."
        ),
        data_dir: Path | None = typer.Option(None, "--data-dir", help=DATA_DIR_HELP),
    ) -> None:
        """Score the next period for every target; store rank, change and drivers."""
        from wiqaya.assess.service import run_forecasts
        from wiqaya.runtime import open_runtime

        runtime = open_runtime()
        try:
            with console.status("forecasting"), runtime.sessions.begin() as session:
                report = run_forecasts(session, data_dir, targets=target or None)
        finally:
            runtime.close()
        for name, (period, n, gaps) in report.stored.items():
            typer.echo(f"{name} {period}: {n} countries scored, {gaps} not scored (reasons stored)")

    @forecast_app.command("report")
    def forecast_report(
        data_dir: Path | None = typer.Option(None, "--data-dir", help=DATA_DIR_HELP),
    ) -> None:
        """Run both backtests, store their figures and calibration for the web report page."""
        from wiqaya.assess.report import battle_deaths_report, onset_report
        from wiqaya.runtime import open_runtime
        from wiqaya.store import assess as store

        with console.status("backtesting mk_onset 1994-2024"):
            onset = onset_report(data_dir)
        with console.status("backtesting battle_deaths 2015-2024"):
            deaths = battle_deaths_report(data_dir)
        runtime = open_runtime()
        try:
            with runtime.sessions.begin() as session:
                store.save_report(session, onset)
                store.save_report(session, deaths)
        finally:
            runtime.close()
        ours, ewp = onset["scores"]["wiqaya"], onset["scores"]["ewp"]
        typer.echo(
            f"mk_onset AUC {ours['auc']:.3f} (EWP {ewp['auc']:.3f}), top-30 share "
            f"{ours['top30']:.1%} (EWP {ewp['top30']:.1%})"
        )
        s = deaths["scores"]
        typer.echo(
            f"battle_deaths pinball {s['wiqaya']['pinball']:.1f} (last {s['last']['pinball']:.1f},"
            f" bootstrap {s['bootstrap']['pinball']:.1f}), 90% coverage "
            f"{s['wiqaya']['coverage90']:.3f}"
        )

    @forecast_app.command("show")
    def forecast_show(
        target: str = typer.Option("mk_onset", "--target"),
        top: int = typer.Option(20, "--top", min=1),
    ) -> None:
        """Print the latest stored scores of a target, highest first, with their drivers."""
        from wiqaya.assess.crosswalk import load_crosswalk
        from wiqaya.runtime import open_runtime
        from wiqaya.store import assess as store

        runtime = open_runtime()
        try:
            with runtime.sessions() as session:
                period = store.latest_period(session, target)
                if period is None:
                    raise InputError(
                        f"no stored scores for {target!r}; run `wiqaya forecast run` first",
                        code="E-AS-034",
                    )
                rows = store.scores_for(session, target, period)
                gaps = store.gaps_for(session, target, period)
        finally:
            runtime.close()
        names = load_crosswalk()
        table = Table(title=f"{target} {period} ({rows[0].model_name} {rows[0].model_version})")
        for col in ("rank", "country", "score", "change", "drivers"):
            table.add_column(col)
        for r in rows[:top]:
            table.add_row(
                str(r.rank),
                f"{r.country} {names.name(r.country)}",
                f"{r.score:.4g}",
                "—" if r.change is None else f"{r.change:+.4g}",
                "; ".join(str(d["label_en"]) for d in r.drivers),
            )
        console.print(table)
        if gaps:
            typer.echo(
                f"{len(gaps)} countries not scored, e.g. {gaps[0].country}: {gaps[0].reason}"
            )
