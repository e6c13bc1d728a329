"""Backtest reports: the measured figures and calibration curves, as plain dictionaries.

Used by ``evaluation/assess_backtest.py`` (printed side by side) and by
``wiqaya forecast report`` (stored for the web page). The EWP comparison is
made on exactly the country-years where EWP published a forecast and Wiqaya
made one too.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd

from wiqaya.assess import battle_deaths as bd
from wiqaya.assess import onset
from wiqaya.assess.crosswalk import load_crosswalk
from wiqaya.assess.metrics import (
    QUANTILE_COLUMNS,
    QUANTILES,
    auc,
    brier,
    coverage,
    pinball,
    reliability,
    top_k_share,
)
from wiqaya.assess.sources import read_ewp_foos, read_ewp_predictors, read_ucdp, ucdp_path

TOP_K = 30


def _binary_scores(frame: pd.DataFrame, column: str) -> dict[str, float]:
    view = frame.assign(risk=frame[column])
    return {
        "auc": auc(frame["y"], frame[column]),
        "brier": brier(frame["y"], frame[column]),
        "top30": top_k_share(view, TOP_K),
    }


def _bins(y: pd.Series, p: pd.Series) -> list[dict[str, float]]:
    return [b.__dict__ for b in reliability(y.to_numpy(), p.to_numpy(), bins=10)]


def onset_report(
    data_dir: Path | str | None = None, first_year: int = 1994, last_year: int = 2024
) -> dict[str, object]:
    started = time.perf_counter()
    predictors = read_ewp_predictors(data_dir)
    ours = onset.backtest(predictors, load_crosswalk(), first_year, last_year)
    seconds = time.perf_counter() - started
    foos = read_ewp_foos(data_dir)
    foos = foos[(foos["year"] >= first_year) & (foos["year"] <= last_year)]
    foos = foos.dropna(subset=["risk_prev"])
    same = ours.merge(
        foos[["ccode", "year", "mk_onset", "risk_prev", "maxrisk2"]], on=["ccode", "year"]
    )
    if (same["y"] != same["mk_onset"]).any():
        raise ValueError("EWP and Wiqaya disagree on an outcome: the join is wrong")
    same = same.rename(columns={"risk": "wiqaya", "risk_prev": "ewp"})
    same["ewp_2yr"] = same["maxrisk2"].fillna(same["ewp"])
    return {
        "target": "mk_onset",
        "model": f"{onset.MODEL_NAME} {onset.MODEL_VERSION}",
        "years": [first_year, last_year],
        "country_years": len(same),
        "onsets": int(same["y"].sum()),
        "seconds": seconds,
        "scores": {
            "wiqaya": _binary_scores(same, "wiqaya"),
            "ewp": _binary_scores(same, "ewp"),
            "ewp_2yr": _binary_scores(same, "ewp_2yr"),
        },
        "reliability": {
            "wiqaya": _bins(same["y"], same["wiqaya"]),
            "ewp": _bins(same["y"], same["ewp"]),
        },
    }


def _quantile_calibration(y: np.ndarray, q: np.ndarray) -> list[float]:
    return [float(np.mean(y <= q[:, j])) for j in range(q.shape[1])]


def battle_deaths_report(
    data_dir: Path | str | None = None, first_year: int = 2015, last_year: int = 2024
) -> dict[str, object]:
    started = time.perf_counter()
    cw = load_crosswalk()
    deaths, _multi = bd.country_year_deaths(read_ucdp(ucdp_path(data_dir)), cw)
    frame = bd.panel(deaths, cw, last_year)
    ours = bd.backtest(frame, first_year, last_year)
    seconds = time.perf_counter() - started
    years = range(first_year, last_year + 1)
    y = ours["y"].to_numpy()
    forecasts = {
        "wiqaya": ours[list(QUANTILE_COLUMNS)].to_numpy(),
        "last": np.vstack([bd.last_baseline(frame, t) for t in years]),
        "bootstrap": np.vstack([bd.bootstrap_baseline(frame, t) for t in years]),
    }
    active = (y > 0) | (ours["l1"].to_numpy() > 0)
    scores = {}
    for name, q in forecasts.items():
        scores[name] = {
            "pinball": pinball(y, q),
            "coverage90": coverage(y, q[:, 0], q[:, -1]),
            "coverage90_active": coverage(y[active], q[active, 0], q[active, -1]),
            "pinball_active": pinball(y[active], q[active]),
        }
    return {
        "target": "battle_deaths",
        "model": f"{bd.MODEL_NAME} {bd.MODEL_VERSION}",
        "years": [first_year, last_year],
        "country_years": len(ours),
        "active_country_years": int(active.sum()),
        "seconds": seconds,
        "scores": scores,
        "quantile_calibration": {
            "levels": list(QUANTILES),
            **{name: _quantile_calibration(y, q) for name, q in forecasts.items()},
        },
        "quantile_calibration_active": {
            "levels": list(QUANTILES),
            **{name: _quantile_calibration(y[active], q[active]) for name, q in forecasts.items()},
        },
    }
