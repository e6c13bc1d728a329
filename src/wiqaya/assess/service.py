"""What the CLI and the web app call: build series, run forecasts, run backtests.

The only module of the stage that holds a database session; modelling stays in
the pure modules and every SQL statement in ``wiqaya.store.assess``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
from sqlalchemy.orm import Session

from wiqaya.assess import battle_deaths as bd
from wiqaya.assess import escalation, onset
from wiqaya.assess.crosswalk import Crosswalk, load_crosswalk
from wiqaya.assess.metrics import QUANTILE_COLUMNS, QUANTILES
from wiqaya.assess.series import CodedRow, SkipCount, battle_death_series, count_series, ewp_series
from wiqaya.assess.sources import read_ewp_predictors, read_ucdp, ucdp_path
from wiqaya.assess.targets import load_targets
from wiqaya.errors import InputError
from wiqaya.store import assess as store

log = logging.getLogger(__name__)
BACKTEST_TARGETS = ("mk_onset", "battle_deaths")
EWP_PROVENANCE = "EWP prepared2024predictors 2025-09-03"


@dataclass
class BuildReport:
    written: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, SkipCount] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _coded(rows: list[tuple]) -> list[CodedRow]:
    return [CodedRow(c, d, k, v) for c, d, k, v in rows]


def _deaths_from_store_or_csv(
    session: Session, data_dir: Path | str | None, crosswalk: Crosswalk
) -> tuple[pd.Series, str, list[bd.MultiLocation]]:
    rows = store.battle_death_rows(session)
    if rows:
        frame = pd.DataFrame(rows)
        versions = ",".join(sorted({str(v) for v in frame["version"]}))
        provenance = (
            f"UCDP BRD {versions} (database; counted where fought, several countries split equally)"
        )
    else:
        path = ucdp_path(data_dir)
        frame = read_ucdp(path)
        provenance = f"UCDP BRD {path.name} (counted where fought, several countries split equally)"
    deaths, multi = bd.country_year_deaths(frame, crosswalk)
    return deaths, provenance, multi


def build_series(
    session: Session, data_dir: Path | str | None = None, *, with_ewp: bool = True
) -> BuildReport:
    """Recompute every series the stage owns, in one transaction."""
    crosswalk = load_crosswalk()
    report = BuildReport()
    events, skipped = count_series(_coded(store.event_rows(session)), "events", shares=True)
    report.written["events"] = store.replace_series(session, ["events."], events)
    report.skipped["events"] = skipped
    hits, skipped = count_series(_coded(store.indicator_rows(session)), "indicators")
    report.written["indicators"] = store.replace_series(session, ["indicators."], hits)
    report.skipped["indicators"] = skipped
    deaths, provenance, multi = _deaths_from_store_or_csv(session, data_dir, crosswalk)
    last_year = int(deaths.index.get_level_values("year").max())
    report.written["ucdp"] = store.replace_series(
        session, ["ucdp."], battle_death_series(deaths, crosswalk, last_year, provenance)
    )
    report.notes.append(f"UCDP source: {provenance}")
    report.notes.append(f"{len(multi)} UCDP dyad-years fought in several countries, split equally")
    if with_ewp:
        predictors = read_ewp_predictors(data_dir)
        report.written["ewp"] = store.replace_series(
            session, ["ewp."], ewp_series(predictors, crosswalk, EWP_PROVENANCE)
        )
    return report


def series_backtest(session: Session, target: str, first_year: int, last_year: int):
    """Rolling-origin backtest of a configured series target from the stored series."""
    spec = load_targets()[target]
    variables = sorted({*spec.features, spec.outcome.variable})
    rows = store.series_points(session, freq=spec.freq, prefixes=variables)
    points = pd.DataFrame(rows, columns=["country", "period", "variable", "value"])
    points = points[points["variable"].isin(variables)]
    countries = sorted(set(points["country"]))
    first = f"{first_year}-01" if spec.freq == "month" else str(first_year)
    last = f"{last_year}-12" if spec.freq == "month" else str(last_year)
    out = escalation.backtest(points, spec, first, last, countries)
    notes = (
        []
        if not out.empty
        else [
            f"{target}: no period could be scored (series missing or too short; run "
            "`wiqaya series build` after `wiqaya read`)"
        ]
    )
    return out, notes


def backtest(target: str, first_year: int, last_year: int, data_dir: Path | str | None = None):
    """Rolling-origin forecasts in the contract's columns, plus the notes on what was not scored."""
    if target not in BACKTEST_TARGETS:
        raise InputError(
            f"unknown backtest target {target!r}; choose one of {', '.join(BACKTEST_TARGETS)}",
            code="E-AS-030",
        )
    if first_year > last_year:
        raise InputError(
            f"--first-year {first_year} is after --last-year {last_year}", code="E-AS-031"
        )
    crosswalk = load_crosswalk()
    if target == "mk_onset":
        predictors = read_ewp_predictors(data_dir)
        newest = int(predictors["year"].max()) + 1
        if first_year < 1962 or last_year > newest:
            raise InputError(
                f"mk_onset can be backtested for 1962-{newest} (predictors "
                f"{int(predictors['year'].min())}-{newest - 1})",
                code="E-AS-032",
            )
        result = onset.backtest(predictors, crosswalk, first_year, last_year)
        missing = onset.missing_country_years(predictors, crosswalk, first_year, last_year)
        notes = _group_missing(missing)
        return result[["country", "ccode", "year", "risk"]], notes
    deaths, multi = bd.country_year_deaths(read_ucdp(ucdp_path(data_dir)), crosswalk)
    known = int(deaths.index.get_level_values("year").max())
    if first_year < bd.FIRST_UCDP_YEAR + 2 or last_year > known + 1:
        raise InputError(
            f"battle_deaths can be backtested for {bd.FIRST_UCDP_YEAR + 2}-{known + 1}",
            code="E-AS-032",
        )
    frame = bd.panel(deaths, crosswalk, last_year)
    result = bd.backtest(frame, first_year, last_year)
    notes = [
        f"UCDP dyad {m.dyad_id} {m.year}: {m.bd_best:g} deaths split over {', '.join(m.countries)}"
        for m in multi
        if first_year - 10 <= m.year <= last_year
    ]
    return result[["country", "gwno", "year", *QUANTILE_COLUMNS]], notes


def _group_missing(missing: list[tuple[str, int, str]]) -> list[str]:
    """One line per country and run of consecutive years: 'MDV 1994-2018: not scored, ...'."""
    lines: list[str] = []
    run: list[object] = []
    for iso, year, reason in sorted(missing, key=lambda m: (m[0], m[1])):
        if run and run[0] == iso and run[2] == year - 1 and run[3] == reason:
            run[2] = year
            continue
        if run:
            lines.append(_run_line(run))
        run = [iso, year, year, reason]
    if run:
        lines.append(_run_line(run))
    return lines


def _run_line(run: list[object]) -> str:
    iso, first, last, reason = run
    years = f"{first}" if first == last else f"{first}-{last}"
    return f"{iso} {years}: not scored, {reason}"


def _ranked(frame: pd.DataFrame, score: str) -> pd.DataFrame:
    frame = frame.sort_values([score, "country"], ascending=[False, True]).reset_index(drop=True)
    frame["rank"] = range(1, len(frame) + 1)
    return frame


@dataclass
class RunReport:
    stored: dict[str, tuple[str, int, int]] = field(
        default_factory=dict
    )  # target -> period, n, gaps


def run_forecasts(
    session: Session, data_dir: Path | str | None = None, *, targets: list[str] | None = None
) -> RunReport:
    """Score the next period for every target and store scores, ranks, changes, drivers, gaps."""
    crosswalk = load_crosswalk()
    report = RunReport()
    series_targets = load_targets()
    wanted = targets or [*BACKTEST_TARGETS, *series_targets]
    unknown = [t for t in wanted if t not in BACKTEST_TARGETS and t not in series_targets]
    if unknown:
        raise InputError(f"unknown forecast target(s): {', '.join(unknown)}", code="E-AS-030")
    if "mk_onset" in wanted:
        report.stored["mk_onset"] = _run_onset(session, data_dir, crosswalk)
    if "battle_deaths" in wanted:
        report.stored["battle_deaths"] = _run_battle_deaths(session, data_dir, crosswalk)
    for name, spec in series_targets.items():
        if name in wanted:
            report.stored[name] = _run_series_target(session, spec, crosswalk)
    return report


def _run_onset(session: Session, data_dir, crosswalk: Crosswalk) -> tuple[str, int, int]:
    predictors = read_ewp_predictors(data_dir)
    pairs = onset.build_pairs(predictors, crosswalk)
    year = int(predictors["year"].max()) + 1
    now = _ranked(onset.forecast_year(pairs, year, explain=True), "risk")
    before = onset.forecast_year(pairs, year - 1).set_index("country")["risk"]
    scores = [
        store.ScoreRow(
            onset.MODEL_NAME,
            onset.MODEL_VERSION,
            onset.TARGET,
            r.country,
            "year",
            str(year),
            float(r.risk),
            None,
            int(r.rank),
            float(r.risk - before[r.country]) if r.country in before.index else None,
            r.drivers,
        )
        for r in now.itertuples()
    ]
    gaps = [
        store.GapRow(onset.MODEL_NAME, onset.MODEL_VERSION, onset.TARGET, iso, "year", str(y), why)
        for iso, y, why in onset.missing_country_years(predictors, crosswalk, year, year)
    ]
    store.store_scores(
        session, onset.MODEL_NAME, onset.MODEL_VERSION, onset.TARGET, str(year), scores, gaps
    )
    return str(year), len(scores), len(gaps)


def _run_battle_deaths(session: Session, data_dir, crosswalk: Crosswalk) -> tuple[str, int, int]:
    deaths, _prov, _multi = _deaths_from_store_or_csv(session, data_dir, crosswalk)
    year = int(deaths.index.get_level_values("year").max()) + 1
    frame = bd.panel(deaths, crosswalk, year)
    now = bd.forecast_year(frame, year)
    before = bd.forecast_year(frame, year - 1).set_index("country")["q0.5"]
    now = _ranked(now, "q0.5")
    scores = []
    for _, r in now.iterrows():
        quantiles = {
            f"{q:g}": round(float(r[c]), 2)
            for q, c in zip(QUANTILES, QUANTILE_COLUMNS, strict=True)
        }
        prev = before.get(r["country"])
        scores.append(
            store.ScoreRow(
                bd.MODEL_NAME,
                bd.MODEL_VERSION,
                bd.TARGET,
                r["country"],
                "year",
                str(year),
                float(r["q0.5"]),
                quantiles,
                int(r["rank"]),
                float(r["q0.5"] - prev) if prev is not None else None,
                bd.explain(r),
            )
        )
    store.store_scores(session, bd.MODEL_NAME, bd.MODEL_VERSION, bd.TARGET, str(year), scores, [])
    return str(year), len(scores), 0


def _run_series_target(session: Session, spec, crosswalk: Crosswalk) -> tuple[str, int, int]:
    variables = sorted({*spec.features, spec.outcome.variable})
    rows = store.series_points(session, freq=spec.freq, prefixes=variables)
    points = pd.DataFrame(rows, columns=["country", "period", "variable", "value"])
    points = points[points["variable"].isin(variables)]
    this_year = date.today().year
    countries = sorted(
        set(crosswalk.members(min(this_year, 2024), "cow", micro=True)) | set(points["country"])
    )
    result = escalation.forecast(points, spec, countries)
    period = result.period or (f"{date.today():%Y-%m}" if spec.freq == "month" else str(this_year))
    now = _ranked(result.scores, "risk") if not result.scores.empty else result.scores
    before = result.previous.set_index("country")["risk"] if not result.previous.empty else {}
    scores = [
        store.ScoreRow(
            spec.model_name,
            spec.model_version,
            spec.name,
            r.country,
            spec.freq,
            period,
            float(r.risk),
            None,
            int(r.rank),
            float(r.risk - before[r.country]) if r.country in before else None,
            r.drivers,
        )
        for r in now.itertuples()
    ]
    gaps = [
        store.GapRow(spec.model_name, spec.model_version, spec.name, c, spec.freq, period, why)
        for c, why in result.gaps
    ]
    store.store_scores(
        session, spec.model_name, spec.model_version, spec.name, period, scores, gaps
    )
    return period, len(scores), len(gaps)


def ewp_available(data_dir: Path | str | None = None) -> bool:
    """True when the EWP predictors can be read (they never ship with the package)."""
    from wiqaya.assess.sources import EWP_PREDICTORS, shared_data_dir
    from wiqaya.errors import ConfigError

    try:
        return (shared_data_dir(data_dir) / EWP_PREDICTORS).is_file()
    except ConfigError:
        return False


def refresh(session: Session, data_dir: Path | str | None = None) -> list[str]:
    """Series, forecasts and backtest reports in one go (the demo's assess step).

    Without the EWP data the onset target is skipped and said so; everything else runs.
    """
    from wiqaya.assess.report import battle_deaths_report, onset_report

    ewp = ewp_available(data_dir)
    notes = []
    build_series(session, data_dir, with_ewp=ewp)
    targets = [*BACKTEST_TARGETS, *load_targets()]
    if not ewp:
        targets.remove("mk_onset")
        notes.append("EWP data not found beside the repository: mass-killing onset skipped")
    for name, (period, n, gaps) in run_forecasts(session, data_dir, targets=targets).stored.items():
        notes.append(f"{name} {period}: {n} scored, {gaps} not scored")
    store.save_report(session, battle_deaths_report(data_dir))
    if ewp:
        store.save_report(session, onset_report(data_dir))
    return notes
