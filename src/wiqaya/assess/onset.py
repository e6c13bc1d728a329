"""Onset of state-led mass killing, country-year, from the Early Warning Project predictors.

Protocol (see docs/assess.md): the forecast for year ``t`` uses the predictor
row of year ``t-1`` (EWP's rows describe the country at the end of that year)
and a model fitted only on pairs (predictors of ``s-1``, onset in ``s``) with
``s <= t-1``: no outcome of year ``t`` or later can reach it. The model is the
mean of an L2 logistic regression and a small LightGBM forest; the choice was
made by a validation on 1975-1993 only (decision record 031).

This module is pure: tables in, tables out; no database, no files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from wiqaya.assess.crosswalk import Crosswalk
from wiqaya.assess.features import EWP_LABELS, driver
from wiqaya.assess.sources import ewp_predictor_columns

MODEL_NAME = "mk_onset_ewp_ens"
MODEL_VERSION = "1.0"
TARGET = "mk_onset"


@dataclass(frozen=True)
class OnsetConfig:
    members: tuple[str, ...] = ("logit", "lgbm")
    logit_c: float = 0.01
    trees: int = 200
    learning_rate: float = 0.03
    leaves: int = 7
    min_child: int = 30
    seed: int = 0
    # 1: onset in the forecast year only; 2: onset in that year or the next (EWP's target).
    horizon: int = 1
    extra: dict[str, float] = field(default_factory=dict)


def build_pairs(predictors: pd.DataFrame, crosswalk: Crosswalk) -> pd.DataFrame:
    """One row per (country, forecast year): predictors of the year before and the outcome.

    Countries are keyed by ISO3 so a code change (North Yemen 678 -> Yemen 679)
    does not break a country's history. ``y`` is NaN when the outcome is unknown.
    """
    cols = ewp_predictor_columns(predictors)
    frame = predictors.copy()
    frame["iso3"] = [crosswalk.to_iso3("cow", c) for c in frame["ccode"]]
    unknown = frame["iso3"].isna()
    if unknown.any():
        codes = sorted(set(frame.loc[unknown, "ccode"]))
        raise ValueError(f"EWP codes missing from the crosswalk: {codes}")
    # Transition years can hold two rows for one ISO3 (Yemen 678 and 679 in 1990): keep the newer.
    frame = frame.sort_values(["iso3", "year", "ccode"]).drop_duplicates(
        ["iso3", "year"], keep="last"
    )
    outcome = frame.set_index(["iso3", "year"])["mk_onset"]
    pairs = frame[["iso3", "year", *cols]].copy()
    pairs["feature_year"] = pairs["year"]
    pairs["year"] = pairs["feature_year"] + 1
    pairs["y"] = outcome.reindex(list(zip(pairs["iso3"], pairs["year"], strict=True))).to_numpy()
    nxt = outcome.reindex(list(zip(pairs["iso3"], pairs["year"] + 1, strict=True))).to_numpy()
    pairs["y2"] = np.fmax(pairs["y"].to_numpy(dtype=float), nxt.astype(float))
    pairs.loc[pd.isna(pairs["y"]) | pd.isna(nxt), "y2"] = np.nan
    pairs.attrs["features"] = cols
    return pairs.reset_index(drop=True)


class OnsetModel:
    """A fitted ensemble; predicts risk and explains it by per-feature log-odds contributions."""

    def __init__(self, config: OnsetConfig, features: list[str]) -> None:
        self.config = config
        self.features = features
        self.medians: np.ndarray | None = None
        self.scaler: StandardScaler | None = None
        self.logit: LogisticRegression | None = None
        self.gbm: lgb.LGBMClassifier | None = None

    def _matrix(self, frame: pd.DataFrame) -> np.ndarray:
        x = frame[self.features].to_numpy(dtype=float)
        return np.where(np.isnan(x), self.medians, x)

    def fit(self, train: pd.DataFrame, label: str) -> OnsetModel:
        raw = train[self.features].to_numpy(dtype=float)
        with np.errstate(all="ignore"):
            med = np.nanmedian(raw, axis=0) if len(raw) else np.zeros(len(self.features))
        self.medians = np.where(np.isnan(med), 0.0, med)
        x = self._matrix(train)
        y = train[label].to_numpy(dtype=int)
        if y.min() == y.max():
            raise ValueError("training window has only one outcome class")
        cfg = self.config
        if "logit" in cfg.members:
            self.scaler = StandardScaler().fit(x)
            self.logit = LogisticRegression(C=cfg.logit_c, max_iter=5000)
            self.logit.fit(self.scaler.transform(x), y)
        if "lgbm" in cfg.members:
            self.gbm = lgb.LGBMClassifier(
                n_estimators=cfg.trees,
                learning_rate=cfg.learning_rate,
                num_leaves=cfg.leaves,
                min_child_samples=cfg.min_child,
                subsample=0.8,
                subsample_freq=1,
                colsample_bytree=0.7,
                reg_lambda=5.0,
                random_state=cfg.seed,
                n_jobs=1,
                verbose=-1,
            )
            self.gbm.fit(x, y)
        return self

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        x = self._matrix(frame)
        parts = []
        if self.logit is not None and self.scaler is not None:
            parts.append(self.logit.predict_proba(self.scaler.transform(x))[:, 1])
        if self.gbm is not None:
            parts.append(self.gbm.predict_proba(x)[:, 1])
        return np.mean(parts, axis=0)

    def contributions(self, frame: pd.DataFrame) -> np.ndarray:
        """Per-feature log-odds contributions (rows x features), averaged over members."""
        x = self._matrix(frame)
        parts = []
        if self.logit is not None and self.scaler is not None:
            parts.append(self.scaler.transform(x) * self.logit.coef_[0])
        if self.gbm is not None:
            parts.append(self.gbm.booster_.predict(x, pred_contrib=True)[:, :-1])
        return np.mean(parts, axis=0)

    def drivers(self, frame: pd.DataFrame, k: int = 3) -> list[list[dict[str, object]]]:
        contrib = self.contributions(frame)
        out = []
        for row in contrib:
            top = np.argsort(-row)[:k]
            out.append([driver(self.features[i], row[i], EWP_LABELS) for i in top if row[i] > 0])
        return out


def _label(config: OnsetConfig) -> str:
    return "y" if config.horizon == 1 else "y2"


def training_window(pairs: pd.DataFrame, year: int, config: OnsetConfig) -> pd.DataFrame:
    """Pairs whose outcome was known before ``year``: the only rows a forecast may learn from."""
    last_outcome_year = year - 1
    label = _label(config)
    # A two-year label for forecast year s needs the outcome of s+1.
    newest = last_outcome_year - (config.horizon - 1)
    window = pairs[(pairs["year"] <= newest) & pairs[label].notna()]
    return window


def forecast_year(
    pairs: pd.DataFrame, year: int, config: OnsetConfig | None = None, *, explain: bool = False
) -> pd.DataFrame:
    """Forecasts for ``year`` for every country with a predictor row for ``year - 1``."""
    config = config or OnsetConfig()
    features = pairs.attrs.get("features") or [
        c for c in pairs.columns if c not in {"iso3", "year", "feature_year", "y", "y2"}
    ]
    train = training_window(pairs, year, config)
    test = pairs[pairs["year"] == year]
    model = OnsetModel(config, list(features)).fit(train, _label(config))
    out = pd.DataFrame(
        {"country": test["iso3"].to_numpy(), "year": year, "risk": model.predict(test)}
    )
    if explain:
        out["drivers"] = model.drivers(test)
    return out


def backtest(
    predictors: pd.DataFrame,
    crosswalk: Crosswalk,
    first_year: int,
    last_year: int,
    config: OnsetConfig | None = None,
) -> pd.DataFrame:
    """Rolling-origin forecasts: columns country, ccode, year, risk (and y, the outcome)."""
    pairs = build_pairs(predictors, crosswalk)
    frames = []
    for year in range(first_year, last_year + 1):
        out = forecast_year(pairs, year, config)
        truth = pairs[pairs["year"] == year].set_index("iso3")["y"]
        out["y"] = truth.reindex(out["country"]).to_numpy()
        frames.append(out)
    result = pd.concat(frames, ignore_index=True)
    result["ccode"] = [
        crosswalk.from_iso3(c, "cow", int(y))
        for c, y in zip(result["country"], result["year"], strict=True)
    ]
    # A forecast for a state that no longer exists that year (Czechoslovakia 1993) is dropped.
    result = result[result["ccode"].notna()].copy()
    result["ccode"] = result["ccode"].astype(int)
    return result[["country", "ccode", "year", "risk", "y"]].reset_index(drop=True)


def missing_country_years(
    predictors: pd.DataFrame, crosswalk: Crosswalk, first_year: int, last_year: int
) -> list[tuple[str, int, str]]:
    """COW members with no predictor row for the year before: (iso3, year, reason)."""
    have = {
        (crosswalk.to_iso3("cow", c), int(y))
        for c, y in zip(predictors["ccode"], predictors["year"], strict=True)
    }
    covered = {iso for iso, _ in have}
    out = []
    for year in range(first_year, last_year + 1):
        for iso in crosswalk.members(year, "cow", micro=True):
            if (iso, year - 1) in have:
                continue
            if iso not in covered:
                reason = "not covered by the EWP predictors"
            else:
                reason = "no EWP predictors for the year before (new state or gap)"
            out.append((iso, year, reason))
    return out
