"""Battle-related deaths per country-year as 19 predictive quantiles, and the VIEWS baselines.

Deaths are UCDP ``bd_best`` summed by the country where the battles were
fought (:func:`battle_location`), not by ``gwno_loc`` alone, which names the
governments the conflict is about: the United States' and Britain's 2024
strikes in Yemen have ``gwno_loc`` "2, 200, 678" and ``gwno_battle`` "678",
and only Yemen saw the deaths. A dyad-year fought in several countries (``"365, 369"``) is split
equally between them, so country totals add up to the UCDP total (decision
record 033).

The model (``bd_bins``) is an empirical conditional distribution: the change
``log1p(deaths_t) - log1p(deaths_{t-1})`` is collected from past country-years
in the same class of recent history (last year's level; quiet vs recently
violent) and its quantiles are applied to this country's last value. The
look-back window is chosen for every forecast year by the loss on the five
years before it. Baselines from the 2023 VIEWS competition: ``last`` (every
quantile is the last observed value) and ``bootstrap`` (quantiles of the
recent values).

Pure functions: tables in, tables out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from wiqaya.assess.crosswalk import Crosswalk
from wiqaya.assess.features import BD_LABELS, driver
from wiqaya.assess.metrics import QUANTILE_COLUMNS, QUANTILES, pinball

MODEL_NAME = "bd_bins"
MODEL_VERSION = "1.0"
TARGET = "battle_deaths"
FIRST_UCDP_YEAR = 1989
# Cut points (deaths last year) of the history classes.
LEVEL_CUTS = (0.5, 25, 100, 300, 1000, 3000, 10000)
WINDOWS = (10, 15, 25)
VALIDATION_YEARS = 5
MIN_CLASS_ROWS = 30
BOOTSTRAP_YEARS = 3


@dataclass(frozen=True)
class MultiLocation:
    dyad_id: int
    year: int
    countries: tuple[str, ...]
    bd_best: float


def _codes(value: object) -> list[str]:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [c.strip() for c in str(value).split(",") if c.strip()]


def battle_location(gwno_loc: object, gwno_battle: object = None) -> list[str]:
    """The Gleditsch-Ward codes a dyad-year's deaths are counted in.

    The countries of the conflict (``gwno_loc``) where battles were fought
    (``gwno_battle``); when none of them saw battles (al-Qaida against the
    United States, fought in Afghanistan, Pakistan and Syria), the battle
    countries; ``gwno_loc`` alone in files without the battle column. The
    intersection keeps a third country with a few deaths from taking an equal
    share: Russia–Ukraine 2022 lists Poland (the Przewodów missile) as a battle
    country, and Poland must not get a third of 91,502 deaths.
    """
    loc = _codes(gwno_loc)
    battle = _codes(gwno_battle)
    if not battle:
        return loc
    return [c for c in battle if c in loc] or battle


def country_year_deaths(
    ucdp: pd.DataFrame, crosswalk: Crosswalk, *, split: str = "equal"
) -> tuple[pd.Series, list[MultiLocation]]:
    """Deaths by (ISO3, year), and the multi-country rows and how they were shared out."""
    if split not in {"equal", "each"}:
        raise ValueError("split must be 'equal' or 'each'")
    records: dict[tuple[str, int], float] = {}
    multi: list[MultiLocation] = []
    battle = ucdp["gwno_battle"] if "gwno_battle" in ucdp else [None] * len(ucdp)
    for dyad, year, loc, fought, best in zip(
        ucdp["dyad_id"], ucdp["year"], ucdp["gwno_loc"], battle, ucdp["bd_best"], strict=True
    ):
        codes = battle_location(loc, fought)
        isos = []
        for code in codes:
            iso = crosswalk.to_iso3("gw", code)
            if iso is None:
                raise ValueError(
                    f"UCDP location {code!r} (dyad {dyad}, {year}) not in the crosswalk"
                )
            isos.append(iso)
        if not isos or pd.isna(best):
            continue
        share = float(best) / len(isos) if split == "equal" else float(best)
        if len(isos) > 1:
            multi.append(MultiLocation(int(dyad), int(year), tuple(isos), float(best)))
        for iso in isos:
            records[(iso, int(year))] = records.get((iso, int(year)), 0.0) + share
    series = pd.Series(records, dtype=float)
    series.index = pd.MultiIndex.from_tuples(series.index, names=["iso3", "year"])
    return series.sort_index(), multi


def panel(deaths: pd.Series, crosswalk: Crosswalk, last_year: int) -> pd.DataFrame:
    """Every GW state-year from 1989 to ``last_year`` (zeros included), with history features."""
    rows = [
        (iso, year, crosswalk.from_iso3(iso, "gw", year))
        for year in range(FIRST_UCDP_YEAR, last_year + 1)
        for iso in crosswalk.members(year, "gw")
    ]
    frame = pd.DataFrame(rows, columns=["iso3", "year", "gwno"])
    lookup = deaths.to_dict()
    known_through = int(deaths.index.get_level_values("year").max()) if len(deaths) else 0
    frame["y"] = [
        lookup.get((i, y), 0.0) if y <= known_through else np.nan
        for i, y in zip(frame["iso3"], frame["year"], strict=True)
    ]
    wide = frame.pivot(index="iso3", columns="year", values="y")
    log = np.log1p(wide)

    def lagged(k: int) -> pd.DataFrame:
        return log.shift(k, axis=1)

    lag1 = lagged(1)
    last5 = pd.concat([lagged(k).stack(future_stack=True) for k in range(1, 6)], axis=1)
    last10 = pd.concat(
        [wide.shift(k, axis=1).stack(future_stack=True) for k in range(1, 11)], axis=1
    )
    feats = pd.DataFrame(
        {
            "l1": lag1.stack(future_stack=True),
            "mx5": last5.max(axis=1, skipna=True),
            "active10": (last10 >= 25).sum(axis=1),
            "seen": last10.notna().sum(axis=1),
        }
    )
    frame = frame.join(feats, on=["iso3", "year"])
    frame["l1"] = frame["l1"].fillna(0.0)
    frame["mx5"] = frame["mx5"].fillna(0.0)
    frame["history_class"] = history_class(frame)
    return frame


def history_class(frame: pd.DataFrame) -> np.ndarray:
    level = np.digitize(frame["l1"].to_numpy(), np.log1p(LEVEL_CUTS))
    quiet_now_violent_before = (frame["l1"].to_numpy() == 0) & (frame["mx5"].to_numpy() > 0)
    new_state = frame["seen"].to_numpy() == 0
    return np.where(new_state, -2, np.where(quiet_now_violent_before, -1, level))


def _class_quantiles(train: pd.DataFrame) -> tuple[dict[int, np.ndarray], np.ndarray]:
    change = np.log1p(train["y"].to_numpy()) - train["l1"].to_numpy()
    by_class: dict[int, np.ndarray] = {}
    for cls, idx in train.groupby("history_class").indices.items():
        if len(idx) >= MIN_CLASS_ROWS:
            by_class[int(cls)] = np.quantile(change[idx], QUANTILES)
    overall = np.quantile(change, QUANTILES)
    return by_class, overall


def _predict(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
    by_class, overall = _class_quantiles(train)
    # A new state's history class falls back to the quiet class, then to all rows.
    rows = []
    for l1, cls in zip(test["l1"].to_numpy(), test["history_class"].to_numpy(), strict=True):
        q = by_class.get(int(cls))
        if q is None:
            q = by_class.get(0, overall)
        rows.append(np.maximum(np.expm1(l1 + q), 0.0))
    out = np.asarray(rows).reshape(len(test), len(QUANTILES))
    return np.maximum.accumulate(out, axis=1)


def _window_rows(frame: pd.DataFrame, year: int, window: int) -> pd.DataFrame:
    # y of year-1 and earlier only; the first UCDP year has no lag, so it is skipped.
    return frame[
        (frame["year"] < year)
        & (frame["year"] >= max(FIRST_UCDP_YEAR + 1, year - window))
        & frame["y"].notna()
    ]


def choose_window(frame: pd.DataFrame, year: int) -> int:
    """The look-back window with the lowest loss on the years just before ``year``."""
    best, best_loss = WINDOWS[0], np.inf
    for window in WINDOWS:
        losses = []
        for val_year in range(year - VALIDATION_YEARS, year):
            test = frame[(frame["year"] == val_year) & frame["y"].notna()]
            train = _window_rows(frame, val_year, window)
            if test.empty or len(train) < MIN_CLASS_ROWS:
                continue
            losses.append(pinball(test["y"].to_numpy(), _predict(train, test)))
        if losses and np.mean(losses) < best_loss:
            best, best_loss = window, float(np.mean(losses))
    return best


def forecast_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Quantile forecasts for ``year`` from deaths observed up to ``year - 1``."""
    test = frame[frame["year"] == year]
    window = choose_window(frame, year)
    q = _predict(_window_rows(frame, year, window), test)
    out = test[["iso3", "gwno", "year", "y", "l1", "mx5", "active10", "history_class"]].copy()
    out[list(QUANTILE_COLUMNS)] = q
    out["window"] = window
    return out.rename(columns={"iso3": "country"}).reset_index(drop=True)


def last_baseline(frame: pd.DataFrame, year: int) -> np.ndarray:
    test = frame[frame["year"] == year]
    return np.repeat(np.expm1(test["l1"].to_numpy())[:, None], len(QUANTILES), axis=1)


def bootstrap_baseline(frame: pd.DataFrame, year: int, years: int = BOOTSTRAP_YEARS) -> np.ndarray:
    """Quantiles of the values of the ``years`` before (the empirical bootstrap distribution)."""
    test = frame[frame["year"] == year]
    hist = frame[(frame["year"] < year) & (frame["year"] >= year - years)]
    values = hist.groupby("iso3")["y"].apply(lambda s: s.dropna().to_numpy())
    out = []
    for iso in test["iso3"]:
        v = values.get(iso)
        if v is None or len(v) == 0:
            v = np.zeros(1)
        out.append(np.quantile(v, QUANTILES))
    return np.asarray(out).reshape(len(test), len(QUANTILES))


def backtest(frame: pd.DataFrame, first_year: int, last_year: int) -> pd.DataFrame:
    """Rolling-origin quantile forecasts, one row per GW state and year."""
    if first_year < FIRST_UCDP_YEAR + 2:
        raise ValueError(f"battle-deaths forecasts start in {FIRST_UCDP_YEAR + 2}")
    return pd.concat(
        [forecast_year(frame, y) for y in range(first_year, last_year + 1)], ignore_index=True
    )


def explain(row: pd.Series) -> list[dict[str, object]]:
    """What the forecast rests on: last year's deaths, the recent peak, conflict years."""
    return [
        driver("last", float(np.expm1(row["l1"])), BD_LABELS),
        driver("max5", float(np.expm1(row["mx5"])), BD_LABELS),
        driver("active10", float(row["active10"]), BD_LABELS),
    ]
