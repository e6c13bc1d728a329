"""Country-month and country-year series from events, indicators, UCDP and EWP.

Pure functions: rows in, :class:`SeriesRecord` out. Storing them is
``wiqaya.store.assess``'s job. Variables are named ``events.<PLOVER>``,
``events.total``, ``events.share.<PLOVER>`` (the type's share of the month's
events), ``indicators.<name>``, ``ucdp.bd_best`` and ``ewp.<predictor>``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from wiqaya.assess.crosswalk import Crosswalk
from wiqaya.assess.sources import ewp_predictor_columns

PLOVER = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
PROVENANCE_MAX = 120


@dataclass(frozen=True)
class SeriesRecord:
    country: str
    freq: str  # "month" | "year"
    period: str  # "YYYY-MM" | "YYYY"
    variable: str
    value: float
    provenance: str


@dataclass(frozen=True)
class CodedRow:
    """One event or indicator hit as the series need it: where, when, what, and by which coder."""

    country: str | None
    when: date | None
    kind: str
    version: str


@dataclass
class SkipCount:
    no_country: int = 0
    no_date: int = 0
    bad_country: int = 0


def _provenance(prefix: str, versions: Iterable[str]) -> str:
    text = f"{prefix}:{','.join(sorted(set(versions)))}"
    return text[:PROVENANCE_MAX]


def count_series(
    rows: Iterable[CodedRow], prefix: str, *, shares: bool = False
) -> tuple[list[SeriesRecord], SkipCount]:
    """Counts per kind by country-month and country-year; rows lacking place or date are counted
    in the skip tally, never guessed."""
    skipped = SkipCount()
    counts: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    versions: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in rows:
        if not row.country:
            skipped.no_country += 1
            continue
        if row.when is None:
            skipped.no_date += 1
            continue
        country = row.country.strip().upper()
        if len(country) != 3 or not country.isalpha():
            skipped.bad_country += 1
            continue
        for freq, period in (
            ("month", f"{row.when.year:04d}-{row.when.month:02d}"),
            ("year", f"{row.when.year:04d}"),
        ):
            counts[(country, freq, period)][row.kind] += 1
            versions[(country, freq, period)].add(row.version)
    out: list[SeriesRecord] = []
    for (country, freq, period), counter in sorted(counts.items()):
        prov = _provenance(prefix, versions[(country, freq, period)])
        total = sum(counter.values())
        for kind, n in sorted(counter.items()):
            out.append(SeriesRecord(country, freq, period, f"{prefix}.{kind}", float(n), prov))
            if shares:
                out.append(
                    SeriesRecord(country, freq, period, f"{prefix}.share.{kind}", n / total, prov)
                )
        out.append(SeriesRecord(country, freq, period, f"{prefix}.total", float(total), prov))
    return out, skipped


def battle_death_series(
    deaths: pd.Series, crosswalk: Crosswalk, last_year: int, provenance: str
) -> list[SeriesRecord]:
    """``ucdp.bd_best`` for every GW state-year from 1989 (a year without a UCDP row is zero)."""
    lookup = deaths.to_dict()
    out = []
    for year in range(1989, last_year + 1):
        for iso in crosswalk.members(year, "gw"):
            value = float(lookup.get((iso, year), 0.0))
            out.append(SeriesRecord(iso, "year", f"{year:04d}", "ucdp.bd_best", value, provenance))
    return out


def ewp_series(
    predictors: pd.DataFrame, crosswalk: Crosswalk, provenance: str
) -> list[SeriesRecord]:
    """One ``ewp.<predictor>`` (and ``ewp.mk_onset``) value per country-year; gaps stay gaps."""
    cols = [*ewp_predictor_columns(predictors), "mk_onset"]
    out = []
    for record in predictors.to_dict("records"):
        iso = crosswalk.to_iso3("cow", record["ccode"])
        if iso is None:
            continue
        period = f"{int(record['year']):04d}"
        for col in cols:
            value = record.get(col)
            if value is None or pd.isna(value):
                continue
            out.append(SeriesRecord(iso, "year", period, f"ewp.{col}", float(value), provenance))
    # Transition years may give one ISO3 two rows (Yemen 1990); the last one wins.
    dedup = {(r.country, r.freq, r.period, r.variable): r for r in out}
    return list(dedup.values())
