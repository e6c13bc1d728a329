"""A trained second source of warning indicators, ORed with the lexicon (tried, not kept).

The lexicon (:mod:`wiqaya.read.indicators`) fires on its own words; on sets
labelled blind to it, it misses about half of the instances (mortar shells,
«حركة مسلحة», "guerillas", «شراء الأصوات»...). This model is a logistic
regression per indicator over the detector's hashed word features (the word,
its light stem, its character 3/4-grams) and the sentence's word pairs,
trained by ``evaluation/train_indicator_model.py`` on labelled indicator
sets (three of four per fold). It fires where its probability reaches one threshold chosen
by leave-one-set-out cross-validation and the lexicon has no hit of that
indicator in the sentence; the lexicon's negation check applies to its evidence.

Written as the runtime would run it (weights only for the features seen in
training, cached per-word scores, no scikit-learn), so that the
leave-one-set-out figures are of what would have shipped; they did not clear
the bar (docs/read.md, indicators rounds 7 and 11) and the reader does not use
it. Each hit's evidence is the window of up to three words that adds most to its indicator's score;
its version is the model's.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from wiqaya.read.detector import _CRC_BIGRAM, _MASK, featuriser
from wiqaya.read.indicators import IndicatorHit, IndicatorLexicon
from wiqaya.read.phrases import MAX_CACHED_WORD, Token

# Evidence: the best window of at most this many words.
_EVIDENCE_WORDS = 3
_WORD_CACHE_MAX = 200_000


def bigram_id(a: str, b: str) -> int:
    """The detector's word-pair feature id («b|a b»)."""
    return zlib.crc32(f"{a} {b}".encode(), _CRC_BIGRAM) & _MASK


def sentence_ids(words: Sequence[str]) -> list[int]:
    """Feature ids of a sentence: every word's (detector features) and every word pair's."""
    word = featuriser().word
    out = [i for w in words for i in word(w)]
    out.extend(bigram_id(a, b) for a, b in zip(words, words[1:], strict=False))
    return out


@dataclass
class IndicatorModel:
    indicators: tuple[str, ...]
    features: np.ndarray  # (n,) int64 feature ids, sorted
    weights: np.ndarray  # (n, k) float32
    intercept: np.ndarray  # (k,)
    threshold: float  # on the probability, every indicator
    confidence: np.ndarray  # (k,) measured precision of its hits (lower bound)
    version: str
    _row: dict[int, int] = field(default_factory=dict, repr=False)
    _word: dict[str, tuple[np.ndarray, int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._row = {int(f): i for i, f in enumerate(self.features)}
        self._zero = np.zeros(len(self.indicators), dtype=np.float64)
        self._logit = math.log(self.threshold / (1.0 - self.threshold))

    def save(self, path: Path) -> None:
        """Weights only, no pickle, as the detector's ``.npz``."""
        np.savez_compressed(
            path,
            indicators=np.array(self.indicators),
            features=self.features.astype(np.int64),
            weights=self.weights.astype(np.float32),
            intercept=self.intercept.astype(np.float64),
            threshold=np.array(self.threshold),
            confidence=self.confidence.astype(np.float64),
            version=np.array(self.version),
        )

    @classmethod
    def load(cls, path: Path) -> IndicatorModel:
        with np.load(path, allow_pickle=False) as z:
            return cls(
                tuple(str(i) for i in z["indicators"]),
                z["features"],
                z["weights"],
                z["intercept"],
                float(z["threshold"]),
                z["confidence"],
                str(z["version"]),
            )

    def _word_score(self, w: str) -> tuple[np.ndarray, int]:
        """A word's summed weights and feature count, cached per distinct word."""
        hit = self._word.get(w)
        if hit is None:
            ids = featuriser().word(w)
            rows = [r for r in map(self._row.get, ids) if r is not None]
            vec = self.weights[rows].sum(axis=0, dtype=np.float64) if rows else self._zero
            hit = (vec, len(ids))
            if len(self._word) < _WORD_CACHE_MAX and len(w) <= MAX_CACHED_WORD:
                self._word[w] = hit
        return hit

    def _pair_score(self, a: str, b: str) -> np.ndarray | None:
        r = self._row.get(bigram_id(a, b))
        return None if r is None else self.weights[r]

    def margins(self, words: Sequence[str]) -> np.ndarray:
        """(k,) score minus the threshold's logit: ≥ 0 fires.

        Equal to ``x @ weights + intercept - logit(threshold)`` with ``x`` the
        counts of :func:`sentence_ids` divided by the square root of their total,
        as in training (the tests check it).
        """
        if not words:
            return self._zero - np.inf
        scores = [self._word_score(w) for w in words]
        n = sum(s[1] for s in scores) + len(words) - 1
        z = np.sum([s[0] for s in scores], axis=0)
        for a, b in zip(words, words[1:], strict=False):
            pair = self._pair_score(a, b)
            if pair is not None:
                z = z + pair
        return z / math.sqrt(max(n, 1)) + self.intercept - self._logit

    def _contribution(self, words: Sequence[str], j: int) -> list[float]:
        """Each word's share of indicator ``j``'s score, word pairs split between their words."""
        out = [float(self._word_score(w)[0][j]) for w in words]
        for k, (a, b) in enumerate(zip(words, words[1:], strict=False)):
            pair = self._pair_score(a, b)
            if pair is not None:
                out[k] += float(pair[j]) / 2
                out[k + 1] += float(pair[j]) / 2
        return out

    def find(
        self, tokens: list[Token], text: str, lexicon: IndicatorLexicon, have: set[str]
    ) -> list[IndicatorHit]:
        """Hits for the indicators not in ``have`` whose score reaches the threshold."""
        if not tokens:
            return []
        words = [t.norm for t in tokens]
        margin = self.margins(words)
        if margin.max() < 0:
            return []
        out = []
        for j in np.flatnonzero(margin >= 0):
            name = self.indicators[j]
            if name in have:
                continue
            a, b = _best_window(self._contribution(words, int(j)))
            # «لم تسجل أي عمليات تزوير»: the writer's negation drops it, as for a term.
            if lexicon._negated(words, a, b):
                continue
            start, end = tokens[a].start, tokens[b - 1].end
            out.append(
                IndicatorHit(
                    name, text[start:end], start, end, float(self.confidence[j]), self.version
                )
            )
        return out


def _best_window(contrib: list[float]) -> tuple[int, int]:
    """The token span of at most ``_EVIDENCE_WORDS`` words with the largest summed contribution."""
    best, span = -math.inf, (0, 1)
    for a in range(len(contrib)):
        total = 0.0
        for b in range(a, min(a + _EVIDENCE_WORDS, len(contrib))):
            total += contrib[b]
            if total > best:
                best, span = total, (a, b + 1)
    return span
