"""Forecasts for any series-based target (escalation risk and friends), country by period.

Given the series of a :class:`TargetSpec`, the forecast for the period after
the latest one uses the lagged series of every country and an L2 logistic
regression fitted on the earlier country-periods whose outcome is known.
Countries with too little history are not scored; each gets its reason.
Pure: a DataFrame of series in, scores and gaps out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from wiqaya.assess.features import driver
from wiqaya.assess.targets import TargetSpec


def period_index(period: str, freq: str) -> int:
    if freq == "month":
        year, month = period.split("-")
        return int(year) * 12 + int(month) - 1
    return int(period)


def period_label(index: int, freq: str) -> str:
    if freq == "month":
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{index:04d}"


@dataclass(frozen=True)
class SeriesForecast:
    period: str
    scores: pd.DataFrame  # country, risk, drivers
    gaps: list[tuple[str, str]]  # (country, reason)
    previous: pd.DataFrame  # country, risk: the same model's forecast for the period before


def _wide(points: pd.DataFrame, spec: TargetSpec) -> tuple[dict[str, pd.DataFrame], int, int]:
    """variable -> (country x period index) table, zero-filled inside each country's coverage."""
    pts = points.copy()
    pts["t"] = [period_index(p, spec.freq) for p in pts["period"]]
    first = pts.groupby("country")["t"].min()
    lo, hi = int(pts["t"].min()), int(pts["t"].max())
    cols = range(lo, hi + 1)
    tables = {}
    for var in {*spec.features, spec.outcome.variable}:
        sub = pts[pts["variable"] == var]
        table = sub.pivot_table(index="country", columns="t", values="value", aggfunc="sum")
        table = table.reindex(index=first.index, columns=cols).fillna(0.0)
        # Before a country's first record nothing is known: not zero, missing.
        for country, start in first.items():
            table.loc[country, table.columns < start] = np.nan
        tables[var] = table
    return tables, lo, hi


def _outcome(tables: dict[str, pd.DataFrame], spec: TargetSpec) -> pd.DataFrame:
    x = tables[spec.outcome.variable]
    if spec.outcome.rule == "above":
        return (x >= spec.outcome.min_count).astype(float).where(x.notna())
    base = x.T.rolling(spec.outcome.baseline_periods).mean().shift(1).T
    threshold = np.maximum(spec.outcome.min_count, spec.outcome.ratio * base)
    return (x >= threshold).astype(float).where(x.notna() & base.notna())


def _design(tables: dict[str, pd.DataFrame], spec: TargetSpec, t: int) -> pd.DataFrame:
    """Predictors for forecasting period ``t``: values of ``t-1`` .. ``t-lags`` only."""
    cols = {}
    for var in spec.features:
        table = tables[var]
        for lag in range(1, spec.lags + 1):
            col = t - lag
            values = table[col] if col in table.columns else pd.Series(np.nan, index=table.index)
            cols[f"{var}@-{lag}"] = np.log1p(values)
    return pd.DataFrame(cols)


def forecast(points: pd.DataFrame, spec: TargetSpec, countries: list[str]) -> SeriesForecast:
    """Score the period after the latest one for every country in ``countries``."""
    if points.empty:
        return SeriesForecast(
            "",
            pd.DataFrame(columns=["country", "risk", "drivers"]),
            [(c, "no series recorded for this country yet") for c in countries],
            pd.DataFrame(columns=["country", "risk"]),
        )
    tables, lo, hi = _wide(points, spec)
    y = _outcome(tables, spec)
    target_t = hi + 1
    current = _score_period(tables, y, spec, target_t, lo, countries, explain=True)
    previous = _score_period(tables, y, spec, hi, lo, countries, explain=False)
    return SeriesForecast(period_label(target_t, spec.freq), current[0], current[1], previous[0])


def _score_period(
    tables: dict[str, pd.DataFrame],
    y: pd.DataFrame,
    spec: TargetSpec,
    t: int,
    lo: int,
    countries: list[str],
    *,
    explain: bool,
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    empty = pd.DataFrame(columns=["country", "risk", "drivers"])
    index = tables[spec.features[0]].index
    history = {
        c: int(
            tables[spec.features[0]]
            .loc[c, [k for k in range(lo, t) if k in y.columns]]
            .notna()
            .sum()
        )
        if c in index
        else 0
        for c in countries
    }
    gaps = []
    for c in countries:
        if c not in index:
            gaps.append((c, "no series recorded for this country yet"))
        elif history[c] < spec.min_history:
            have = f"{history[c]} period{'' if history[c] == 1 else 's'}"
            gaps.append((c, f"only {have} of data; needs {spec.min_history}"))
    scorable = [c for c in countries if c in index and history[c] >= spec.min_history]
    # Training rows: every (country, s) with s < t whose outcome is known.
    rows_x, rows_y = [], []
    for s in range(lo + spec.lags, t):
        if s not in y.columns:
            continue
        design = _design(tables, spec, s)
        known = y[s].notna() & design.notna().all(axis=1)
        rows_x.append(design[known])
        rows_y.append(y.loc[known, s])
    if not rows_x or not scorable:
        reason = "not enough history to fit the model"
        return empty, gaps + [(c, reason) for c in scorable]
    x_train = pd.concat(rows_x)
    y_train = pd.concat(rows_y).to_numpy(dtype=int)
    pos, neg = int(y_train.sum()), int(len(y_train) - y_train.sum())
    if pos < spec.min_outcomes or neg < spec.min_outcomes:
        reason = (
            f"too few past outcomes to fit ({pos} past country-periods met the "
            f"{spec.name} rule, {neg} did not; needs {spec.min_outcomes} of each)"
        )
        return empty, gaps + [(c, reason) for c in scorable]
    scaler = StandardScaler().fit(x_train.to_numpy())
    model = LogisticRegression(C=spec.regularisation, max_iter=2000)
    model.fit(scaler.transform(x_train.to_numpy()), y_train)
    design = _design(tables, spec, t).loc[scorable].fillna(0.0)
    z = scaler.transform(design.to_numpy())
    risk = model.predict_proba(z)[:, 1]
    out = pd.DataFrame({"country": scorable, "risk": risk})
    if explain:
        contrib = z * model.coef_[0]
        names = list(design.columns)
        out["drivers"] = [
            [driver(names[i], row[i]) for i in np.argsort(-row)[:3] if row[i] > 0]
            for row in contrib
        ]
    return out, gaps


def backtest(
    points: pd.DataFrame, spec: TargetSpec, first: str, last: str, countries: list[str]
) -> pd.DataFrame:
    """Rolling-origin forecasts for periods ``first``..``last``: country, period, risk, outcome.

    Each period is scored by a model fitted on earlier periods only, from lagged values only.
    """
    if points.empty:
        return pd.DataFrame(columns=["country", "period", "risk", "outcome"])
    tables, lo, hi = _wide(points, spec)
    y = _outcome(tables, spec)
    frames = []
    start, end = period_index(first, spec.freq), period_index(last, spec.freq)
    for t in range(max(start, lo + 1), min(end, hi + 1) + 1):
        scores, _gaps = _score_period(tables, y, spec, t, lo, countries, explain=False)
        if scores.empty:
            continue
        scores = scores[["country", "risk"]].copy()
        scores["period"] = period_label(t, spec.freq)
        scores["outcome"] = y[t].reindex(scores["country"]).to_numpy() if t in y.columns else None
        frames.append(scores)
    if not frames:
        return pd.DataFrame(columns=["country", "period", "risk", "outcome"])
    return pd.concat(frames, ignore_index=True)[["country", "period", "risk", "outcome"]]
