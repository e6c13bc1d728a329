"""Forecast scores used by backtests and the report: AUC, Brier, top-k share, pinball, coverage.

Written out (not imported from a library) where the definition matters for
comparability: ties in ranks, the quantile grid, and how coverage counts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

QUANTILES = tuple(round(0.05 * i, 2) for i in range(1, 20))
QUANTILE_COLUMNS = tuple(f"q{q:g}" for q in QUANTILES)


def auc(y: np.ndarray, p: np.ndarray) -> float:
    return float(roc_auc_score(y, p))


def brier(y: np.ndarray, p: np.ndarray) -> float:
    return float(np.mean((np.asarray(p, float) - np.asarray(y, float)) ** 2))


def top_k_share(frame: pd.DataFrame, k: int = 30, score: str = "risk", outcome: str = "y") -> float:
    """Share of positive outcomes ranked in the top ``k`` of their year (ties broken by order)."""
    ranks = frame.groupby("year")[score].rank(ascending=False, method="first")
    hits = frame[outcome] == 1
    return float((ranks[hits] <= k).mean()) if hits.any() else float("nan")


def pinball(y: np.ndarray, q: np.ndarray, levels: tuple[float, ...] = QUANTILES) -> float:
    """Quantile loss averaged over the levels and the rows."""
    lv = np.asarray(levels)
    diff = np.asarray(y, float)[:, None] - np.asarray(q, float)
    return float(np.mean(np.maximum(lv * diff, (lv - 1) * diff)))


def coverage(y: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> float:
    y = np.asarray(y, float)
    return float(np.mean((y >= lower) & (y <= upper)))


@dataclass(frozen=True)
class ReliabilityBin:
    lower: float
    upper: float
    mean_forecast: float
    observed_rate: float
    count: int


def reliability(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[ReliabilityBin]:
    """Reliability by quantile bins of the forecast (rare events crowd near zero otherwise)."""
    y = np.asarray(y, float)
    p = np.asarray(p, float)
    order = np.argsort(p, kind="stable")
    out: list[ReliabilityBin] = []
    for chunk in np.array_split(order, bins):
        if len(chunk) == 0:
            continue
        out.append(
            ReliabilityBin(
                lower=float(p[chunk].min()),
                upper=float(p[chunk].max()),
                mean_forecast=float(p[chunk].mean()),
                observed_rate=float(y[chunk].mean()),
                count=len(chunk),
            )
        )
    return out
