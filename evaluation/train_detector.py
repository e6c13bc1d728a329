"""Train the Arabic PROTEST/ASSAULT detector on the dev split and ship it.

    PYTHONPATH=src python -m evaluation.train_detector

Deterministic (liblinear-free lbfgs on fixed data order, stateless hashing).
Training data: ``*_detection.dev.csv`` (positives ``yes``; negatives ``easy
no`` and ``difficult no``; ``ambiguous`` left out) plus the coded sentences of
``*_coding.dev.xml`` as extra positives. The decision threshold per type is
chosen by 5-fold cross-validation grouped by document (ids sharing a prefix),
and the cross-validated figures — never train-set figures — are printed.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from wiqaya.language.arabic import normalise
from wiqaya.read.detector import MODEL_FILE, Detector, arabic_triggers, features_text, vectorise

GSR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "arabic_event_gsr"
OUT = Path(__file__).resolve().parents[1] / "src" / "wiqaya" / "data" / "read" / MODEL_FILE
TYPES = ("PROTEST", "ASSAULT")
C = 3.0
VERSION = "detector-ar-2026.11.2"


@dataclass
class Split:
    texts: list[str]  # normalised
    labels: np.ndarray
    groups: list[str]
    extra: list[str]  # coded sentences, all positive


def document_of(sentence_id: str) -> str:
    """Sentences of one document share the id before the last ``_N`` or ``-N``."""
    return re.split(r"[_-]\d+$", sentence_id)[0]


def load_split(kind: str, gsr: Path = GSR) -> Split:
    rows = [
        r
        for r in csv.DictReader((gsr / f"{kind}_detection.dev.csv").open(encoding="utf-8"))
        if r["label"] != "ambiguous"
    ]
    extra = [
        normalise(s.findtext("Text", "").strip())
        for s in ET.parse(gsr / f"{kind}_coding.dev.xml").getroot().iter("Sentence")
    ]
    return Split(
        [normalise(r["text"]) for r in rows],
        np.array([r["label"] == "yes" for r in rows]),
        [document_of(r["id"]) for r in rows],
        extra,
    )


def fit(texts: list[str], labels: list[bool]) -> LogisticRegression:
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    return model.fit(vectorise([features_text(t) for t in texts]), labels)


def triggered(split: Split, kind: str) -> np.ndarray:
    return np.array([kind.upper() in arabic_triggers().find(t.split()) for t in split.texts])


def _fold_probs(split: Split, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """Train on ``train`` (+ coded sentences outside it), score ``test``.

    Coded sentences that are also detection sentences outside ``train`` are
    left out, so no held-out text (inner or outer) reaches the model.
    """
    inside = set(train.tolist())
    held = {t for i, t in enumerate(split.texts) if i not in inside}
    texts = [split.texts[i] for i in train] + [t for t in split.extra if t not in held]
    labels = list(split.labels[train]) + [True] * (len(texts) - len(train))
    model = fit(texts, labels)
    x = vectorise([features_text(split.texts[i]) for i in test])
    return model.predict_proba(x)[:, 1]


def cross_validated(split: Split, kind: str, folds: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold probabilities and trigger flags for every sentence of the split."""
    probs = np.zeros(len(split.texts))
    for train, test in GroupKFold(folds).split(split.texts, split.labels, split.groups):
        probs[test] = _fold_probs(split, train, test)
    return probs, triggered(split, kind)


def nested_predictions(split: Split, kind: str, folds: int = 5, inner: int = 3) -> np.ndarray:
    """Out-of-fold decisions whose threshold is chosen inside each training fold.

    The threshold of outer fold k comes from inner grouped CV on the other
    folds only, so the held-out fold plays no part in it: these figures are
    what the held-out split can expect, unlike a threshold picked on the
    same out-of-fold probabilities it is then scored on.
    """
    trig = triggered(split, kind)
    groups = np.array(split.groups)
    pred = np.zeros(len(split.texts), dtype=bool)
    for train, test in GroupKFold(folds).split(split.texts, split.labels, groups):
        inner_probs = np.zeros(len(train))
        for itr, ite in GroupKFold(inner).split(train, split.labels[train], groups[train]):
            inner_probs[ite] = _fold_probs(split, train[itr], train[ite])
        th = best_threshold(split.labels[train], inner_probs, trig[train])
        pred[test] = (_fold_probs(split, train, test) >= th) & trig[test]
    return pred


def prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int((gold & pred).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(gold.sum()), 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_threshold(gold: np.ndarray, probs: np.ndarray, trig: np.ndarray) -> float:
    grid = np.round(np.arange(0.2, 0.9, 0.05), 2)
    return float(max(grid, key=lambda th: (prf(gold, (probs >= th) & trig)[2], -th)))


def main() -> None:
    coefs, intercepts, thresholds = [], [], []
    for kind in TYPES:
        split = load_split(kind.lower())
        probs, trig = cross_validated(split, kind)
        th = best_threshold(split.labels, probs, trig)
        p, r, f = prf(split.labels, nested_predictions(split, kind))
        print(
            f"{kind}: 5-fold grouped CV on dev, threshold chosen inside each training fold  "
            f"P={p:.3f} R={r:.3f} F1={f:.3f}   shipped threshold={th}"
        )
        model = fit(split.texts + split.extra, list(split.labels) + [True] * len(split.extra))
        coefs.append(model.coef_[0])
        intercepts.append(model.intercept_[0])
        thresholds.append(th)
    det = Detector(TYPES, np.vstack(coefs), np.array(intercepts), np.array(thresholds), VERSION)
    det.save(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {VERSION})")


if __name__ == "__main__":
    main()
