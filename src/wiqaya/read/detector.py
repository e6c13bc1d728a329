"""Arabic event detector: a linear model over hashed character and word n-grams.

It decides whether a sentence that carries a PROTEST or ASSAULT trigger really
reports such an event (the gold data's hard negatives mention protests without
reporting one). Features are stateless (``HashingVectorizer``), so the shipped
model is only weights in a NumPy ``.npz`` (no pickle), trained by
``evaluation/train_detector.py`` on the dev split alone. Batched: one sparse
matrix product per batch of sentences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import HashingVectorizer

from wiqaya.language.arabic import normalise
from wiqaya.read.actors import DATA

MODEL_FILE = "detector-ar.npz"
N_FEATURES = 2**18


class StemMatcher:
    """Find lexicon stems in normalised words: the cheap per-token trigger path.

    A stem matches a word that contains it starting within the first
    ``max_prefix`` letters (Arabic clitics and verb prefixes: «والمتظاهرين»
    holds «تظاهر» at 4 → allowed up to 3 after «وال»? no: «متظاهر» is listed
    too). Multi-word terms need each next word to match in the next tokens.
    Results per distinct word are cached (word frequencies are Zipfian).
    """

    def __init__(self, entries: dict[str, list[str]], max_prefix: int) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for label, terms in entries.items():
            for term in terms:
                # Lexicons may be written in plain spelling («التقى»): match
                # on the normalised form like the text.
                words = normalise(term).split()
                if words:
                    self._first.setdefault(words[0], []).append((tuple(words[1:]), label))
        self._lengths = sorted({len(k) for k in self._first}, reverse=True)
        # Stem heads let a new word skip the positions where no stem can start:
        # most words (and every Latin word for an Arabic lexicon) have none.
        self._head = min(self._lengths, default=1)
        self._heads = frozenset(k[: self._head] for k in self._first)
        self._max_prefix = max_prefix
        self._cache: dict[str, tuple[str, ...]] = {}

    def stems_in(self, word: str) -> tuple[str, ...]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        found = []
        heads, h = self._heads, self._head
        for p in range(min(self._max_prefix, max(len(word) - 1, 0)) + 1):
            if word[p : p + h] not in heads:
                continue
            for n in self._lengths:
                s = word[p : p + n]
                if len(s) == n and s in self._first:
                    found.append(s)
        out = tuple(found)
        if len(self._cache) < 300_000:
            self._cache[word] = out
        return out

    def _contains(self, word: str, stem: str) -> bool:
        i = word.find(stem)
        return 0 <= i <= self._max_prefix

    def find(self, words: list[str]) -> dict[str, tuple[int, int]]:
        """label → (first word index, end index) of its first match."""
        out: dict[str, tuple[int, int]] = {}
        cache = self._cache
        first = self._first
        for i, w in enumerate(words):
            # Most words carry no stem: the cached empty tuple skips them without
            # a method call (this loop runs for every word of every sentence).
            stems = cache.get(w)
            if stems is None:
                stems = self.stems_in(w)
            if not stems:
                continue
            for stem in stems:
                for rest, label in first[stem]:
                    if label in out:
                        continue
                    end = i + 1 + len(rest)
                    if end > len(words):
                        continue
                    if all(self._contains(words[i + 1 + k], r) for k, r in enumerate(rest)):
                        out[label] = (i, end)
        return out


def stem_matcher(entries: dict[str, list[str]], arabic: bool) -> StemMatcher:
    return StemMatcher(entries, 3 if arabic else 0)


@cache
def trigger_lexicon() -> dict:
    return json.loads((DATA / "event_triggers.json").read_text(encoding="utf-8"))


@cache
def arabic_triggers() -> StemMatcher:
    return stem_matcher({k: v["ar"] for k, v in trigger_lexicon()["types"].items()}, True)


def features_text(norm_sentence: str) -> str:
    """The model's input: the normalised sentence plus one pseudo-word per trigger type."""
    found = arabic_triggers().find(norm_sentence.split())
    tags = [f"TRIG{k}" for k in trigger_lexicon()["types"] if k in found]
    return norm_sentence + " " + " ".join(tags)


_CHAR = HashingVectorizer(
    analyzer="char_wb", ngram_range=(3, 4), n_features=N_FEATURES, alternate_sign=False
)
_WORD = HashingVectorizer(
    analyzer="word", ngram_range=(1, 2), n_features=N_FEATURES, alternate_sign=False
)


def vectorise(texts: list[str]):  # noqa: ANN201 - scipy sparse matrix
    return hstack([_CHAR.transform(texts), _WORD.transform(texts)]).tocsr()


@dataclass(frozen=True)
class Detector:
    types: tuple[str, ...]
    coef: np.ndarray  # (n_types, 2 * N_FEATURES)
    intercept: np.ndarray  # (n_types,)
    thresholds: np.ndarray  # (n_types,)
    version: str

    def probabilities(self, norm_sentences: list[str]) -> np.ndarray:
        """(n_sentences, n_types) event probabilities for a batch."""
        if not norm_sentences:
            return np.zeros((0, len(self.types)))
        x = vectorise([features_text(s) for s in norm_sentences])
        z = x @ self.coef.T + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            types=np.array(self.types),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept,
            thresholds=self.thresholds,
            version=np.array(self.version),
        )


@cache
def load_detector() -> Detector | None:
    """The shipped detector, or None when no model file is present (triggers alone)."""
    path = DATA / MODEL_FILE
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as z:
        return Detector(
            tuple(str(t) for t in z["types"]),
            z["coef"].astype(np.float64),
            z["intercept"],
            z["thresholds"],
            str(z["version"]),
        )
