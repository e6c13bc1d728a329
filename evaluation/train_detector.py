"""Train the Arabic PROTEST/ASSAULT detector on the dev split and ship it.

    PYTHONPATH=src python -m evaluation.train_detector

Deterministic (L-BFGS on a fixed data order, stateless crc32 hashing).
Training data, per distinct sentence (token-normalised, as the pipeline
sees it): positive when a detection row says ``yes`` or the sentence is in
``*_coding.dev.xml`` (the gold coders coded an event in it); negative when
its rows say ``easy no`` / ``difficult no``; ``ambiguous`` sentences that
were not coded count as positives with weight ``AMBIGUOUS_WEIGHT`` (their
annotators split 2 to 1 or so). Ambiguous rows are never scored. Sentences
are grouped by document (ids sharing a prefix; a sentence found in two
documents joins them), so no document is on both sides of a fold. The
threshold per type is chosen by inner grouped CV inside each training fold
(nested); the printed figures are those out-of-fold decisions, never
train-set figures.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from wiqaya.read.delexicalise import sentence_norm
from wiqaya.read.detector import MODEL_FILE, Detector, arabic_triggers, vectorise
from wiqaya.read.phrases import tokenize

# Fold assignment of every grouped CV in the evaluation scripts: None is
# GroupKFold's own (the one the quoted figures use); a seed shuffles the
# groups (``read_arabic --assignments N`` averages over several).
_ASSIGNMENT: list[int | None] = [None]


def group_kfold(folds: int) -> GroupKFold:
    seed = _ASSIGNMENT[0]
    if seed is None:
        return GroupKFold(folds)
    return GroupKFold(folds, shuffle=True, random_state=seed)


def set_assignment(seed: int | None) -> None:
    _ASSIGNMENT[0] = seed


GSR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "arabic_event_gsr"
OUT = Path(__file__).resolve().parents[1] / "src" / "wiqaya" / "data" / "read" / MODEL_FILE
TYPES = ("PROTEST", "ASSAULT")
C = 3.0
AMBIGUOUS_WEIGHT = 0.5
VERSION = "detector-ar-2026.11.10"
GRID = np.round(np.arange(0.1, 0.91, 0.02), 2)


def document_of(sentence_id: str) -> str:
    """Sentences of one document share the id before the last ``_N`` or ``-N``."""
    return re.split(r"[_-]\d+$", sentence_id)[0]


def token_norm(text: str) -> str:
    """A sentence as the pipeline hands it to the detector: token norms, one space
    apart, places and country words replaced by their class (read alone, without
    its document's other sentences)."""
    return sentence_norm(text, tokenize(text))


@dataclass
class Split:
    """The distinct sentences of one type's detection and coding files."""

    texts: list[str]  # token-normalised
    groups: np.ndarray  # document of each sentence
    y: np.ndarray  # training label
    weight: np.ndarray  # training weight (0: not used for training)
    coded: np.ndarray  # bool: in the coding file
    raw: list[str]  # original text (for the pipeline)
    row_item: np.ndarray  # scored detection rows (ambiguous left out) → sentence
    row_gold: np.ndarray  # their gold label (``yes``)

    @property
    def labels(self) -> np.ndarray:
        return self.row_gold


def load_split(kind: str, gsr: Path = GSR) -> Split:
    rows = list(csv.DictReader((gsr / f"{kind}_detection.dev.csv").open(encoding="utf-8")))
    coded_texts = [
        s.findtext("Text", "").strip()
        for s in ET.parse(gsr / f"{kind}_coding.dev.xml").getroot().iter("Sentence")
    ]
    key: dict[str, int] = {}
    texts: list[str] = []
    raw: list[str] = []

    def item(text: str) -> int:
        k = token_norm(text)
        if k not in key:
            key[k] = len(texts)
            texts.append(k)
            raw.append(text)
        return key[k]

    parent: dict[str, str] = {}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    doc_of: dict[int, str] = {}
    labels: dict[int, set[str]] = defaultdict(set)
    row_item, row_gold = [], []
    for r in rows:
        i = item(r["text"])
        d = document_of(r["id"])
        parent.setdefault(d, d)
        if i in doc_of:  # the same sentence in two documents joins them
            parent[root(d)] = root(doc_of[i])
        else:
            doc_of[i] = d
        labels[i].add(r["label"])
        if r["label"] != "ambiguous":
            row_item.append(i)
            row_gold.append(r["label"] == "yes")
    coded = np.zeros(len(texts) + len(coded_texts), dtype=bool)
    for t in coded_texts:
        coded[item(t)] = True
    n = len(texts)
    coded = coded[:n]
    y = np.zeros(n, dtype=bool)
    weight = np.zeros(n)
    for i in range(n):
        labs = labels.get(i, set())
        if coded[i] or "yes" in labs:
            y[i], weight[i] = True, 1.0
        elif "ambiguous" in labs:
            y[i], weight[i] = True, AMBIGUOUS_WEIGHT
        elif labs:
            weight[i] = 1.0
    groups = np.array([root(doc_of[i]) if i in doc_of else f"coded-{i}" for i in range(n)])
    return Split(texts, groups, y, weight, coded, raw, np.array(row_item), np.array(row_gold))


@dataclass
class Fitted:
    coef: np.ndarray  # (N_FEATURES,), or wider when a variant adds dense columns
    intercept: float

    def probabilities(self, x) -> np.ndarray:  # noqa: ANN001 - scipy sparse matrix
        return 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))


def fit(
    x,  # noqa: ANN001 - scipy sparse matrix
    y: np.ndarray,
    weight: np.ndarray,
    c: float = C,
    class_weight: str | None = "balanced",
) -> Fitted:
    """L2 logistic regression, balanced classes, on the columns the data uses.

    Fitting on the used columns only gives the same solution (an unused
    column's weight is 0 under L2) and is ~100× faster than 2**20 columns.
    ``c`` and ``class_weight`` are the shipped settings unless
    ``evaluation.detector_variants`` measures others.
    """
    use = weight > 0
    xs = x[use]
    cols = np.unique(xs.indices)
    model = LogisticRegression(C=c, class_weight=class_weight, max_iter=5000)
    model.fit(xs[:, cols], y[use], sample_weight=weight[use])
    coef = np.zeros(x.shape[1])
    coef[cols] = model.coef_[0]
    return Fitted(coef, float(model.intercept_[0]))


def triggered(split: Split, kind: str) -> np.ndarray:
    return np.array([kind.upper() in arabic_triggers().find(t.split()) for t in split.texts])


def prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int((gold & pred).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(gold.sum()), 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_threshold(split: Split, items: np.ndarray, probs: np.ndarray, trig: np.ndarray) -> float:
    """The probability threshold with the best detection F1 on the rows of ``items``.

    ``probs`` and ``trig`` are indexed by sentence; only rows whose sentence
    is in ``items`` count.
    """
    inside = np.zeros(len(split.texts), dtype=bool)
    inside[items] = True
    rows = inside[split.row_item]
    ri, gold = split.row_item[rows], split.row_gold[rows]
    return float(max(GRID, key=lambda th: (prf(gold, (probs[ri] >= th) & trig[ri])[2], -th)))


# The fitting function of the nested protocol: ``fit`` unless a variant swaps it.
Fit = Callable[..., Fitted]


def oof_probabilities(
    split: Split,
    x,  # noqa: ANN001 - scipy sparse matrix
    train: np.ndarray,
    folds: int,
    fit_model: Fit = fit,
) -> np.ndarray:
    """Out-of-fold probabilities for the sentences of ``train`` (grouped CV inside it)."""
    probs = np.zeros(len(split.texts))
    for itr, ite in group_kfold(folds).split(train, groups=split.groups[train]):
        m = fit_model(x[train[itr]], split.y[train[itr]], split.weight[train[itr]])
        probs[train[ite]] = m.probabilities(x[train[ite]])
    return probs


def nested_folds(
    split: Split,
    kind: str,
    folds: int = 5,
    inner: int = 3,
    x=None,  # noqa: ANN001 - scipy sparse matrix; default: the detector's features
    fit_model: Fit = fit,
) -> Iterator[tuple[np.ndarray, Fitted, float]]:
    """(held-out sentences, model fitted without them, threshold chosen without them).

    The threshold of outer fold k comes from inner grouped CV on the other
    folds only, so the held-out fold plays no part in it. ``x`` and
    ``fit_model`` let ``evaluation.detector_variants`` swap the features or
    the model and keep the rest of the protocol.
    """
    if x is None:
        x = vectorise(split.texts)
    trig = triggered(split, kind)
    for train, test in group_kfold(folds).split(split.texts, groups=split.groups):
        inner_probs = oof_probabilities(split, x, train, inner, fit_model)
        th = best_threshold(split, train, inner_probs, trig)
        yield test, fit_model(x[train], split.y[train], split.weight[train]), th


def nested_predictions(split: Split, kind: str) -> np.ndarray:
    """Out-of-fold decisions per scored detection row (trigger AND probability ≥ threshold)."""
    x = vectorise(split.texts)
    trig = triggered(split, kind)
    pred = np.zeros(len(split.texts), dtype=bool)
    for test, model, th in nested_folds(split, kind):
        pred[test] = (model.probabilities(x[test]) >= th) & trig[test]
    return pred[split.row_item]


def main() -> None:
    coefs, intercepts, thresholds = [], [], []
    for kind in TYPES:
        split = load_split(kind.lower())
        x = vectorise(split.texts)
        trig = triggered(split, kind)
        p, r, f = prf(split.row_gold, nested_predictions(split, kind))
        everything = np.arange(len(split.texts))
        th = best_threshold(split, everything, oof_probabilities(split, x, everything, 5), trig)
        print(
            f"{kind}: 5-fold grouped CV on dev, threshold chosen inside each training fold  "
            f"P={p:.3f} R={r:.3f} F1={f:.3f}   shipped threshold={th}"
        )
        model = fit(x, split.y, split.weight)
        coefs.append(model.coef)
        intercepts.append(model.intercept)
        thresholds.append(th)
    det = Detector(TYPES, np.vstack(coefs), np.array(intercepts), np.array(thresholds), VERSION)
    det.save(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {VERSION})")


if __name__ == "__main__":
    main()
