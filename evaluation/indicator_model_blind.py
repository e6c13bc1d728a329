"""The indicator model measured against the lexicon as it was before each set was seen.

    PYTHONPATH=src python -m evaluation.indicator_model_blind

``evaluation.train_indicator_model`` scores each set with today's lexicon, which
was written from the errors of eight of its nine sets: there the lexicon's
recall is an in-sample 0.82, and the model can only add the hardest misses. On
unseen text the lexicon finds about half (fresh6: 0.52). This script scores the
four sets whose blind lexicon is known, each with the lexicon data file of the
commit its sentences were drawn with (run by today's code, which reproduces the
blind figures quoted in docs/read.md within 0.02): fresh3 (``caa55ef``,
``indicators-2026.11.29``), fresh4 (``0d376a0``, ``.30``), fresh5 (``246d9b6``,
``.31``), and probe10c (today's ``.34``: no rule was written from it).

Each fold's model is trained on the other eight dev sets (fresh6, fresh7 and fresh8 are
never read). Its threshold is chosen by an inner leave-one-set-out over the other
three blind folds (the probability maximising micro F1 of blind lexicon OR model
on their out-of-fold scores), so no fold picks its own threshold. Two featurisations:
the detector's hashed word features (``evaluation.indicator_model``, runnable
without scikit-learn), and scikit-learn's TF-IDF over character 2–5-grams within
words plus word 1–2-grams with balanced class weights. Scored from whole
sentences (no sentence split, no negation check on the model's evidence).
Needs the git history (``git show``) for the old data files.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

import wiqaya.read.indicators as indicators_module
from evaluation.arabic_trigger_only import wilson
from evaluation.indicator_model import IndicatorModel
from evaluation.train_indicator_model import (
    GRID,
    INDICATORS,
    SETS,
    VERSION,
    fit,
    fmt,
    lexicon_only,
    load,
    matrix,
    micro_f1,
    proba,
)
from wiqaya.read.phrases import tokenize

# Set → commit whose indicators.json was the lexicon when its sentences were drawn.
BLIND = {"fresh3": "caa55ef", "fresh4": "0d376a0", "fresh5": "246d9b6", "probe10c": None}
DATA_PATH = "src/wiqaya/data/read/indicators.json"

Proba = Callable[[np.ndarray, np.ndarray], np.ndarray]


def blind_lexicon(rows: list[dict], commit: str | None) -> np.ndarray:
    """(n, k) hits of the reader with the lexicon data file of ``commit`` (None: today's)."""
    if commit is None:
        have = lexicon_only(rows)
    else:
        old = subprocess.run(
            ["git", "show", f"{commit}:{DATA_PATH}"], capture_output=True, check=True, text=True
        ).stdout
        saved = indicators_module.DATA
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "indicators.json").write_text(old, encoding="utf-8")
            indicators_module.DATA = Path(tmp)
            indicators_module.load_indicators.cache_clear()
            indicators_module.load_event_rules.cache_clear()
            try:
                have = lexicon_only(rows)
            finally:
                indicators_module.DATA = saved
                indicators_module.load_indicators.cache_clear()
                indicators_module.load_event_rules.cache_clear()
    return np.array([[i in h for i in INDICATORS] for h in have])


def hashed(rows: list[dict], y: np.ndarray) -> Proba:
    x = matrix(rows)

    def run(tr: np.ndarray, te: np.ndarray) -> np.ndarray:
        return proba(fit(x[tr], y[tr]), x[te])

    return run


def tfidf(rows: list[dict], y: np.ndarray) -> Proba:
    texts = [" ".join(t.norm for t in tokenize(r["text"], 0)) for r in rows]

    def run(tr: np.ndarray, te: np.ndarray) -> np.ndarray:
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
        words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
        a = [texts[i] for i in np.flatnonzero(tr)]
        b = [texts[i] for i in np.flatnonzero(te)]
        xtr: csr_matrix = hstack([chars.fit_transform(a), words.fit_transform(a)]).tocsr()
        xte: csr_matrix = hstack([chars.transform(b), words.transform(b)]).tocsr()
        out = np.zeros((len(b), len(INDICATORS)))
        for j in range(len(INDICATORS)):
            if y[tr, j].any():
                m = LogisticRegression(C=10, solver="liblinear", class_weight="balanced")
                out[:, j] = m.fit(xtr, y[tr, j]).predict_proba(xte)[:, 1]
        return out

    return run


def counts(y: np.ndarray, pred: np.ndarray) -> Counter:
    return Counter(tp=int((y & pred).sum()), fp=int((~y & pred).sum()), fn=int((y & ~pred).sum()))


def write(
    path: Path, rows: list[dict], fold: np.ndarray, y: np.ndarray, lex: np.ndarray, blind: list
) -> None:
    """The hashed model on all nine sets; threshold maximising the blind folds' pooled
    micro F1 out of fold; each indicator's confidence the Wilson 95% lower bound of its
    own hits' precision there at that threshold."""
    x = matrix(rows)
    m = np.isin(fold, blind)
    oof = np.zeros(y.shape)
    for u in blind:
        oof[fold == u] = proba(fit(x[fold != u], y[fold != u]), x[fold == u])
    best, at = micro_f1(y[m], lex[m]), 1.0
    for t in GRID:
        f = micro_f1(y[m], lex[m] | (oof[m] >= t))
        if f > best + 1e-9:
            best, at = f, float(t)
    own = (oof[m] >= at) & ~lex[m]
    right = (own & y[m]).sum(axis=0)
    n_own = own.sum(axis=0)
    conf = np.array([wilson(int(r), int(n))[0] for r, n in zip(right, n_own, strict=True)])
    cols, w, b = fit(x, y)
    model = IndicatorModel(INDICATORS, cols, w, b, min(at, 0.999), conf, VERSION)
    model.save(path)
    print(f"{VERSION}: {len(cols)} features, threshold {at:.3f} (blind folds' F1 {best:.3f})")
    for i, c, r, n in zip(INDICATORS, conf, right, n_own, strict=True):
        print(f"  {i:30} own hits {int(r)} right of {int(n)}, confidence {c:.2f}")
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--list", action="store_true", help="print every hit the model adds, right (+) or wrong (-)"
    )
    parser.add_argument(
        "--write",
        type=Path,
        metavar="NPZ",
        help="instead, train the hashed model on all nine sets, its threshold and confidences "
        "from the four blind folds, and write it (for `evaluation.indicators --model`)",
    )
    args = parser.parse_args(argv)
    rows, fold = load()
    names = [n for n, _ in SETS]
    y = np.array([[i in r["indicators"] for i in INDICATORS] for r in rows])
    lex = np.zeros(y.shape, bool)
    for name, commit in BLIND.items():
        te = fold == names.index(name)
        lex[te] = blind_lexicon([r for r, t in zip(rows, te, strict=True) if t], commit)
    blind = [names.index(n) for n in BLIND]
    if args.write:
        write(args.write, rows, fold, y, lex, blind)
        return
    for label, make in (("hashed word features", hashed), ("TF-IDF char 2-5 + words", tfidf)):
        run = make(rows, y)
        # oof[(s, u)]: scores of set u from the model trained without sets s and u.
        oof: dict[tuple[int, int], np.ndarray] = {}
        for s in blind:
            for u in blind:
                keep = (fold != s) & (fold != u)
                oof[(s, u)] = run(keep, fold == u)
        print(f"{label}:")
        total_lex, total_mod, own = Counter(), Counter(), Counter()
        for s in blind:
            inner = [u for u in blind if u != s]
            yi = np.concatenate([y[fold == u] for u in inner])
            li = np.concatenate([lex[fold == u] for u in inner])
            pi = np.concatenate([oof[(s, u)] for u in inner])
            best, at = micro_f1(yi, li), 1.0
            for t in GRID:
                f = micro_f1(yi, li | (pi >= t))
                if f > best + 1e-9:
                    best, at = f, float(t)
            te = fold == s
            pred = lex[te] | (oof[(s, s)] >= at)
            before, after = counts(y[te], lex[te]), counts(y[te], pred)
            total_lex.update(before)
            total_mod.update(after)
            own.update(counts(y[te], pred & ~lex[te]))
            if args.list:
                sub = [r for r, t in zip(rows, te, strict=True) if t]
                for r, added, gold in zip(sub, pred & ~lex[te], y[te], strict=True):
                    for j in np.flatnonzero(added):
                        mark = "+" if gold[j] else "-"
                        print(f"    {mark} {INDICATORS[j]:28} {r['text'][:150]}")
            print(
                f"  {names[s]:8} threshold {at:.3f}  blind lexicon {fmt(before)}  "
                f"+ model {fmt(after)}"
            )
        print(f"  {'pooled':8} {'':15}  blind lexicon {fmt(total_lex)}  + model {fmt(total_mod)}")
        print(f"  the model's own hits: {own['tp']} right of {own['tp'] + own['fp']}")


if __name__ == "__main__":
    main()
