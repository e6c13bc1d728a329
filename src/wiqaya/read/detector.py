"""Arabic event detector: a linear model over hashed word, stem and character features.

It decides whether a sentence that carries a PROTEST or ASSAULT trigger really
reports such an event (the gold data's hard negatives mention protests without
reporting one). Features are stateless (crc32 hashing), so the shipped model is
only weights in a NumPy ``.npz`` (no pickle), trained by
``evaluation/train_detector.py`` on the dev split alone. Features of a word
alone (the word, its light stem, its character 3/4-grams) are hashed once per
distinct word and cached; the sentence adds word pairs and clause cues around
the trigger. Batched: one sparse matrix product per batch of sentences.
"""

from __future__ import annotations

import copy
import json
import math
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import compress, repeat
from operator import is_, methodcaller
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from wiqaya.language.arabic import normalise
from wiqaya.read.actors import DATA
from wiqaya.read.phrases import MAX_CACHED_WORD

MODEL_FILE = "detector-ar.npz"
N_FEATURES = 2**20


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching where one of ``words`` starts, letters shared as a trie.

    Python's regex engine tries the branches of ``a|b|...`` one by one; a
    trie of the words tests each letter once. Only whether some word starts
    there counts, so a branch ends at the first complete word.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + branch(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return branch(trie)


_STEM_CACHE_MAX = 300_000


class StemMatcher:
    """Find lexicon stems in normalised words: the cheap per-token trigger path.

    A stem matches a word that contains it starting within the first
    ``max_prefix`` letters (Arabic clitics and verb prefixes: «والمتظاهرين»
    holds «تظاهر» at 4 → allowed up to 3 after «وال»? no: «متظاهر» is listed
    too). Multi-word terms need each next word to match in the next tokens.
    Results per distinct word are cached (word frequencies are Zipfian).
    """

    def __init__(
        self,
        entries: dict[str, list[str]],
        max_prefix: int,
        blocked: dict[str, list[str]] | None = None,
        prefixes: frozenset[str] | None = None,
    ) -> None:
        # For ``find(strict=...)``: the letters allowed before a stem, and per
        # stem the spellings it must not fire in («طالب» in «طالبان»).
        self._allowed_prefixes = prefixes
        self._blocked = {
            normalise(k): tuple(normalise(b) for b in v) for k, v in (blocked or {}).items()
        }
        self._valid: dict[tuple[str, str], bool] = {}
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
        # Per head, the lengths of the stems that start with it (longest first,
        # as _lengths): a head shared by few stems tries few lengths.
        by_head: dict[str, set[int]] = {}
        for k in self._first:
            by_head.setdefault(k[: self._head], set()).add(len(k))
        self._head_lengths = {h: sorted(ns, reverse=True) for h, ns in by_head.items()}
        self._max_prefix = max_prefix
        # Whether any stem starts within the first max_prefix letters, in one
        # C call: nineteen new words in twenty have none, and the per-position
        # loop of stems_in cost a first pass more than the rest of the matcher.
        self._any_stem = re.compile(
            f"(?s).{{0,{max_prefix}}}?{trie_pattern(self._first)}" if self._first else "(?!)"
        )
        self._cache: dict[str, tuple[str, ...]] = {}
        self._by_label: dict[str, dict[str, list[tuple[str, ...]]]] | None = None

    def relabelled(self, moved: dict[str, str]) -> StemMatcher:
        """The same stems with those in ``moved`` under another label.

        The copy shares the per-word caches (which stems a word holds, whether
        a stem is the word's own): they do not depend on the labels.
        """
        out = copy.copy(self)
        out._by_label = None
        out._first = {
            stem: [(rest, moved.get(stem, label)) for rest, label in terms]
            for stem, terms in self._first.items()
        }
        return out

    def stems_in(self, word: str) -> tuple[str, ...]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out = () if self._any_stem.match(word) is None else self._scan(word)
        if len(self._cache) < _STEM_CACHE_MAX and len(word) <= MAX_CACHED_WORD:
            self._cache[word] = out
        return out

    def _scan(self, word: str) -> tuple[str, ...]:
        """The stems starting within the proclitics' reach, by position and length."""
        found = []
        head_lengths, h, first = self._head_lengths, self._head, self._first
        for p in range(min(self._max_prefix, max(len(word) - 1, 0)) + 1):
            lengths = head_lengths.get(word[p : p + h])
            if lengths is None:
                continue
            for n in lengths:
                s = word[p : p + n]
                if len(s) == n and s in first:
                    found.append(s)
        return tuple(found)

    def _stems_of(self, words: list[str]) -> list[tuple[str, ...]]:
        """``[self.stems_in(w) for w in words]``, cached words looked up in C.

        The misses (a first pass meets every word new to each matcher) are
        prefiltered and stored in line, without a call of stems_in each.
        """
        cache = self._cache
        found = list(map(cache.get, words))
        if None not in found:
            return found
        match, scan = self._any_stem.match, self._scan
        keep = len(cache) < _STEM_CACHE_MAX
        for i in compress(range(len(words)), map(is_, found, repeat(None))):
            w = words[i]
            stems = cache.get(w)  # a word twice in the sentence
            if stems is None:
                stems = () if match(w) is None else scan(w)
                if keep and len(w) <= MAX_CACHED_WORD:
                    cache[w] = stems
            found[i] = stems
        return found

    def _contains(self, word: str, stem: str) -> bool:
        i = word.find(stem)
        return 0 <= i <= self._max_prefix

    def is_word_of(self, word: str, stem: str) -> bool:
        """Whether ``stem`` is the word's own stem, not letters inside another word.

        The letters before it must be proclitics (:data:`ARABIC_PROCLITICS`:
        «والمتظاهرين», «ويتظاهرون»; not «حياتهم» for «اتهم», «قائد» for «أيد»),
        and the word must not hold one of the stem's blocked spellings
        («وزارة» for «زار», «تنفيذ» for «نفى»).
        """
        key = (word, stem)
        hit = self._valid.get(key)
        if hit is None:
            p = word.find(stem)
            hit = (
                self._allowed_prefixes is None or p == 0 or word[:p] in self._allowed_prefixes
            ) and not any(b in word for b in self._blocked.get(stem, ()))
            if len(self._valid) < 300_000:
                self._valid[key] = hit
        return hit

    def find(
        self,
        words: list[str],
        strict: frozenset[str] = frozenset(),
        reject: Callable[[list[str], int, int, str], bool] | None = None,
    ) -> dict[str, tuple[int, int]]:
        """label → (first word index, end index) of its first match.

        Labels in ``strict`` match only where :meth:`is_word_of` holds for the
        first word of the term. ``reject(words, start, end, label)``: a match
        it refuses is skipped and the label's next match is tried (a word in
        another sense, :func:`wiqaya.read.senses.wrong_sense`).
        """
        out: dict[str, tuple[int, int]] = {}
        first, max_prefix = self._first, self._max_prefix
        # Most words carry no stem: the cache lookups run in C (map) and only
        # the words with stems reach Python (compress skips the empty tuples);
        # this runs for every word of every sentence.
        found = self._stems_of(words)
        for i in compress(range(len(words)), found):
            for stem in found[i]:
                for rest, label in first[stem]:
                    if label in out:
                        continue
                    if label in strict and not self.is_word_of(words[i], stem):
                        continue
                    end = i + 1 + len(rest)
                    if end > len(words):
                        continue
                    # Most terms are one word, most others two: no generator
                    # for those (_contains written out).
                    if not rest or (
                        0 <= words[i + 1].find(rest[0]) <= max_prefix
                        if len(rest) == 1
                        else all(self._contains(words[i + 1 + k], r) for k, r in enumerate(rest))
                    ):
                        if reject is not None and reject(words, i, end, label):
                            continue
                        out[label] = (i, end)
        return out

    def find_label(
        self, words: list[str], label: str, strict: frozenset[str] = frozenset()
    ) -> tuple[int, int] | None:
        """``find(words, strict).get(label)``, trying only that label's terms.

        Without ``reject`` one label's match does not depend on the others':
        find takes, for each label, its first fitting term at the first word
        that has one, in the order stems and terms are listed, as here. The
        indicators ask this of every cue window, where find went through the
        terms of every cue list and checked each stem's proclitics.
        """
        terms = self._terms_of_label().get(label)
        if terms is None:
            return None
        found = self._stems_of(words)
        check, max_prefix = label in strict, self._max_prefix
        n = len(words)
        for i in compress(range(n), found):
            for stem in found[i]:
                rests = terms.get(stem)
                if rests is None or (check and not self.is_word_of(words[i], stem)):
                    continue
                for rest in rests:
                    end = i + 1 + len(rest)
                    if end > n:
                        continue
                    if not rest or (
                        0 <= words[i + 1].find(rest[0]) <= max_prefix
                        if len(rest) == 1
                        else all(self._contains(words[i + 1 + k], r) for k, r in enumerate(rest))
                    ):
                        return i, end
        return None

    def _terms_of_label(self) -> dict[str, dict[str, list[tuple[str, ...]]]]:
        """label → stem → the rests of its terms, in ``_first``'s order."""
        if self._by_label is None:
            by_label: dict[str, dict[str, list[tuple[str, ...]]]] = {}
            for stem, terms in self._first.items():
                for rest, label in terms:
                    by_label.setdefault(label, {}).setdefault(stem, []).append(rest)
            self._by_label = by_label
        return self._by_label


def _proclitics() -> frozenset[str]:
    # Conjunction, then a preposition and/or the article (nouns), or the
    # future/subjunctive particle and a person prefix (verbs), then the
    # م/ت of participles and derived forms — at most 3 letters, as the matcher
    # looks. A lone «ا» is left out: it makes «القاء» ("throwing") hold «لقاء».
    out: set[str] = set()
    for conj in ("", "و", "ف"):
        for noun in ("", "ب", "ل", "ك", "ال", "بال", "لل", "كال"):
            for deriv in ("", "م", "ت", "مت"):
                out.add(conj + noun + deriv)
        for part in ("", "س", "ل"):
            for person in ("", "ي", "ت", "ن"):
                for deriv in ("", "ت"):
                    out.add(conj + part + person + deriv)
    return frozenset(p for p in out if 0 < len(p) <= 3)


ARABIC_PROCLITICS = _proclitics()


def stem_matcher(
    entries: dict[str, list[str]], arabic: bool, blocked: dict[str, list[str]] | None = None
) -> StemMatcher:
    if not arabic:
        return StemMatcher(entries, 0)
    return StemMatcher(entries, 3, blocked, ARABIC_PROCLITICS)


@cache
def trigger_lexicon() -> dict:
    return json.loads((DATA / "event_triggers.json").read_text(encoding="utf-8"))


@cache
def arabic_triggers() -> StemMatcher:
    lex = trigger_lexicon()
    return stem_matcher(
        {k: v["ar"] for k, v in lex["types"].items()}, True, lex.get("not_triggers_ar")
    )


_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "هم", "ه", "ي", "ا")
# Clause cues around the trigger: negation («لم يتظاهر»), calls, threats and
# plans («دعا إلى التظاهر», «هدد», «يعتزم»), which name an event that did not
# (yet) happen; the gold data codes reported events only.
_NEGATION = frozenset({"لم", "لن", "لا", "ما", "ليس", "عدم", "دون"})
_CALLS = (
    "دعا",
    "يدعو",
    "دعت",
    "تدعو",
    "دعوه",
    "هدد",
    "يهدد",
    "تهدد",
    "يعتزم",
    "تعتزم",
    "قرر",
    "تقرر",
    "ينوي",
    "تنوي",
    "سوف",
    "سيتم",
    "ستنظم",
    "ينظم",
    "تنظم",
)
_STARTS_CALL = methodcaller("startswith", _CALLS)
_WORD_CACHE_MAX = 300_000
# Feature counts up to this are summed for all of a batch's words at once (a
# word of 48 letters has 97 features).
_SIDE_BY_SIDE_MAX = 128
_FILL_SLICE = 512  # new words hashed and summed together


def _hash(feature: str) -> int:
    # crc32: deterministic across processes (Python's str hash is salted).
    return zlib.crc32(feature.encode("utf-8")) & (N_FEATURES - 1)


# crc32 runs on from a prefix's CRC: crc32(b, crc32(b"c|")) == crc32(b"c|" + b),
# so a word's feature ids need no "c|…" strings (the cold per-word cost).
_MASK = N_FEATURES - 1
_CRC_WORD = zlib.crc32(b"w|")
_CRC_STEM = zlib.crc32(b"s|")
_CRC_CHARS = zlib.crc32(b"c|")
_CRC_BIGRAM = zlib.crc32(b"b|")
# _PREFIXES and _SUFFIXES by length, longest first as the tuples list them, so
# one slice and one set lookup per length replace ten startswith calls.
_PREFIX_SETS = tuple(
    (n, frozenset(p for p in _PREFIXES if len(p) == n))
    for n in sorted({len(p) for p in _PREFIXES}, reverse=True)
)
_SUFFIX_SETS = tuple(
    (n, frozenset(x for x in _SUFFIXES if len(x) == n))
    for n in sorted({len(x) for x in _SUFFIXES}, reverse=True)
)


def light_stem(word: str) -> str:
    """The word without one clitic/article prefix and one suffix (≥ 3 letters kept)."""
    for n, pres in _PREFIX_SETS:
        if len(word) - n >= 3 and word[:n] in pres:
            word = word[n:]
            break
    for n, sufs in _SUFFIX_SETS:
        if len(word) - n >= 3 and word[-n:] in sufs:
            return word[:-n]
    return word


def word_ids(word: str) -> list[int]:
    """``[_hash(f) for f in word_features(word)]``, in the same order."""
    crc, mask, c = zlib.crc32, _MASK, _CRC_CHARS
    out = [crc(word.encode(), _CRC_WORD) & mask, crc(light_stem(word).encode(), _CRC_STEM) & mask]
    padded = f" {word} "
    size = len(padded)
    for n in (3, 4):
        if size < n:
            out.append(crc(padded.encode(), c) & mask)
        out.extend([crc(padded[i : i + n].encode(), c) & mask for i in range(size - n + 1)])
    return out


def _crc_table() -> np.ndarray:
    """zlib's CRC-32 table (reflected polynomial 0xEDB88320)."""
    t = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        t = np.where(t & 1, (t >> 1) ^ np.uint32(0xEDB88320), t >> 1)
    return t.astype(np.uint32)


_CRC_TABLE = _crc_table()


def _batch_word_ids(words: list[str], heads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Feature ids of many words at once: (flat ids, each word's start in them).

    Word i's ids are ``flat[start[i] : start[i] + n_i]`` and equal
    ``word_ids(words[i])``; ``heads`` holds each word's first two ids (its
    "w|" and "s|" features). The character n-grams, nine in ten of the ids,
    are hashed side by side: zlib's crc32 one byte position at a time over
    all n-grams, on the UTF-8 bytes of the words joined once.
    """
    size = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) + 2
    joined = "".join([f" {w} " for w in words])
    data = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    byte_at = np.zeros(len(cps) + 1, dtype=np.int64)
    np.cumsum(
        1 + (cps >= 0x80).astype(np.int64) + (cps >= 0x800) + (cps >= 0x10000), out=byte_at[1:]
    )
    word_at = np.cumsum(size) - size  # each padded word's first character
    grams = [np.maximum(size - n + 1, 1) for n in (3, 4)]  # a short word is one whole "gram"
    count = 2 + grams[0] + grams[1]
    start = np.cumsum(count) - count
    flat = np.empty(int(count.sum()), dtype=np.int64)
    flat[start] = heads[:, 0]
    flat[start + 1] = heads[:, 1]
    at = start + 2
    pos_parts, lo_parts, hi_parts = [], [], []
    for n, g in zip((3, 4), grams, strict=True):
        within = np.arange(int(g.sum())) - np.repeat(np.cumsum(g) - g, g)
        first_char = np.repeat(word_at, g) + within
        pos_parts.append(np.repeat(at, g) + within)
        lo_parts.append(first_char)
        hi_parts.append(np.minimum(first_char + n, np.repeat(word_at + size, g)))
        at = at + g
    lo = byte_at[np.concatenate(lo_parts)]
    length = byte_at[np.concatenate(hi_parts)] - lo
    # Longest first, so the n-grams still running at byte k are a prefix.
    order = np.argsort(-length, kind="stable")
    lo, length = lo[order], length[order]
    state = np.full(len(lo), _CRC_CHARS ^ 0xFFFFFFFF, dtype=np.uint32)
    for k in range(int(length[0]) if len(length) else 0):
        running = int(np.searchsorted(-length, -k, side="left"))
        st = state[:running]
        state[:running] = _CRC_TABLE[(st ^ data[lo[:running] + k]) & 0xFF] ^ (st >> 8)
    hashed = np.empty_like(state)
    hashed[order] = state
    flat[np.concatenate(pos_parts)] = (hashed ^ np.uint32(0xFFFFFFFF)) & np.uint32(_MASK)
    return flat, start


def feature_count(word: str) -> int:
    """``len(word_features(word))``: the word, its stem and its 3- and 4-grams."""
    size = len(word) + 2
    return 2 + max(size - 2, 1) + max(size - 3, 1)


def word_features(word: str) -> list[str]:
    """Features of one word alone: the word, its light stem, its character 3- and 4-grams."""
    out = ["w|" + word, "s|" + light_stem(word)]
    padded = f" {word} "
    for n in (3, 4):
        if len(padded) < n:
            out.append("c|" + padded)
        out.extend("c|" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def sentence_features(words: list[str]) -> list[str]:
    """Features that need the sentence: word pairs, triggers and the clause around them."""
    out = ["b|" + a + " " + b for a, b in zip(words, words[1:], strict=False)]
    return out + _clause_features(words)


def sentence_ids(words: list[str]) -> list[int]:
    """``[_hash(f) for f in sentence_features(words)]``, word pairs hashed without their prefix."""
    crc, mask, c = zlib.crc32, _MASK, _CRC_BIGRAM
    out = [crc(f"{a} {b}".encode(), c) & mask for a, b in zip(words, words[1:], strict=False)]
    out.extend([_hash(f) for f in _clause_features(words)])
    return out


def _clause_features(words: list[str]) -> list[str]:
    out: list[str] = []
    matcher = arabic_triggers()
    for kind, (i, _end) in matcher.find(words).items():
        out.append("TRIG" + kind)
        out.append(f"{kind}|pos{min(i, 6)}")
        word = words[i]
        stems = matcher.stems_in(word)
        if stems:
            # Verb or noun form of the trigger: «تظاهر», «يتظاهرون», «المتظاهرين», «سيتظاهر».
            j = word.find(stems[0])
            out.append(f"{kind}|pre|{word[:j]}")
            out.append(f"{kind}|suf|{word[j + len(stems[0]) :][:3]}")
        # Set and map calls in C, not generators: this runs on every sentence
        # the detector reads.
        if not _NEGATION.isdisjoint(words[max(0, i - 3) : i]):
            out.append(f"{kind}|neg")
        if any(map(_STARTS_CALL, words[:i])):
            out.append(f"{kind}|call")
        if word.startswith(("سي", "ست", "سن")):
            out.append(f"{kind}|future")
    if "امس" in words or "الامس" in words:
        out.append("amss")
    if any(map(str.isdigit, words)):
        out.append("number")
    out.append(f"len{min(len(words) // 10, 5)}")
    return out


class Featuriser:
    """Hashed feature indices of a normalised sentence, cached per distinct word.

    The vector counts every feature occurrence (a word twice counts twice)
    and is divided by the square root of the number of occurrences. That
    normalisation is one number per sentence, so a linear score is the sum
    of cached per-word scores plus the sentence features, divided by it:
    :meth:`Detector.probabilities` never rebuilds a word's n-grams.
    """

    def __init__(self) -> None:
        self._words: dict[str, list[int]] = {}

    def word(self, w: str) -> list[int]:
        hit = self._words.get(w)
        if hit is None:
            hit = word_ids(w)
            if len(self._words) < _WORD_CACHE_MAX and len(w) <= MAX_CACHED_WORD:
                self._words[w] = hit
        return hit

    def matrix(
        self,
        norm_sentences: list[str],
        extra: Callable[[list[str]], Iterable[int]] | None = None,
    ) -> csr_matrix:
        """The reference feature matrix (training): counts / sqrt(total count).

        ``extra`` adds ids of a sentence's words counted like the others; the
        evaluation's detector variants use it to try features before shipping them.
        """
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for s in norm_sentences:
            words = s.split()
            idx = [i for w in words for i in self.word(w)]
            idx.extend(sentence_ids(words))
            if extra is not None:
                idx.extend(extra(words))
            indices.extend(idx)
            data.extend([1.0 / math.sqrt(len(idx))] * len(idx))
            indptr.append(len(indices))
        x = csr_matrix(
            (
                np.array(data, dtype=np.float32),
                np.array(indices, dtype=np.int32),
                np.array(indptr, dtype=np.int32),
            ),
            shape=(len(norm_sentences), N_FEATURES),
        )
        x.sum_duplicates()
        return x


@cache
def featuriser() -> Featuriser:
    return Featuriser()


def vectorise(norm_sentences: list[str]) -> csr_matrix:
    """The model's input for token-normalised sentences (words joined by one space)."""
    return featuriser().matrix(norm_sentences)


class _WordScores:
    """Per distinct word: the summed weights of its features (one row per type) and their count.

    A batch's new words get their rows at once (:meth:`fill`): one gather of
    their weights per feature count instead of one NumPy call per word, which
    was the largest cost of a first pass over new text.
    """

    def __init__(self, coef: np.ndarray) -> None:
        self._coef = coef
        self._rows: dict[str, tuple[int, int]] = {}
        self._used = 0  # table rows taken since the last trim
        # Words whose rows (from _used - len(_pending) on) await fill(), and their
        # first two feature ids.
        self._pending: list[tuple[str, tuple[int, int]]] = []
        self.table = np.zeros((1024, coef.shape[0]))

    def rows(self, words: list[str]) -> tuple[list[int], int]:
        """Table rows of ``words`` and their feature count (new rows: valid after fill)."""
        out, n = [], 0
        known = self._rows
        for w in words:
            hit = known.get(w)
            if hit is None:
                hit = self._add(w)
            out.append(hit[0])
            n += hit[1]
        return out, n

    def trim(self) -> None:
        """Forget every word once the cache is full; rows are refilled on demand.

        Only between batches: a batch holds row numbers of its words until its
        sums are taken, and a clear inside it would let new words overwrite them.
        """
        if self._used >= _WORD_CACHE_MAX:
            self._rows.clear()
            self._pending.clear()  # left by a failed batch: no word points at them now
            self._used = 0

    def _add(self, w: str) -> tuple[int, int]:
        # Not through the Featuriser's cache: this table already keeps the
        # word's summed score, and a second copy of its feature list per word
        # held ~200 MB once 300,000 words were seen.
        head = (
            zlib.crc32(w.encode(), _CRC_WORD) & _MASK,  # raises here, as word_ids, on bad text
            zlib.crc32(light_stem(w).encode(), _CRC_STEM) & _MASK,
        )
        hit = (self._used, feature_count(w))
        self._used += 1
        self._pending.append((w, head))
        if len(w) <= MAX_CACHED_WORD:
            self._rows[w] = hit  # a longer word keeps its row for this batch only
        return hit

    def fill(self) -> None:
        """Sum the weights of the words added since the last fill into their rows.

        Each sum adds the word's features one by one in float64, in feature
        order, as ``coef[:, idx].sum(axis=1, dtype=np.float64)`` does (the
        tests check the two are bit-identical): words with the same number
        of features are summed side by side, one column at a time.
        """
        pending = self._pending
        if not pending:
            return
        while self._used > len(self.table):
            self.table = np.vstack([self.table, np.zeros_like(self.table)])
        first = self._used - len(pending)
        # In slices: the n-gram arrays of a whole first batch were a few MB of peak memory.
        for k in range(0, len(pending), _FILL_SLICE):
            self._fill(pending[k : k + _FILL_SLICE], first + k)
        pending.clear()

    def _fill(self, pending: list[tuple[str, tuple[int, int]]], first: int) -> None:
        coef, table = self._coef, self.table
        flat, start = _batch_word_ids(
            [w for w, _ in pending], np.array([h for _, h in pending], dtype=np.int64)
        )
        count = np.diff(np.append(start, len(flat)))
        for n in np.unique(count).tolist():
            members = np.flatnonzero(count == n)
            if len(members) == 1 or n > _SIDE_BY_SIDE_MAX:
                # A long word (junk runs) has too many columns to walk one by one.
                for i in members.tolist():
                    idx = flat[start[i] : start[i] + n]
                    table[first + i] = coef[:, idx].sum(axis=1, dtype=np.float64)
                continue
            weights = coef[:, flat[start[members][:, None] + np.arange(n)]]
            acc = np.zeros((coef.shape[0], len(members)))
            for j in range(n):
                acc += weights[:, :, j]
            table[members + first] = acc.T


@dataclass(frozen=True)
class Detector:
    types: tuple[str, ...]
    coef: np.ndarray  # (n_types, N_FEATURES), float32
    intercept: np.ndarray  # (n_types,)
    thresholds: np.ndarray  # (n_types,)
    version: str

    @cached_property
    def _words(self) -> _WordScores:
        return _WordScores(self.coef)

    def probabilities(self, norm_sentences: list[str]) -> np.ndarray:
        """(n_sentences, n_types) event probabilities for a batch.

        Equal to the logistic of ``vectorise(s) @ coef.T + intercept`` (the
        tests check it) but sums cached per-word scores instead of building
        each word's n-grams again.
        """
        if not norm_sentences:
            return np.zeros((0, len(self.types)))
        word_rows: list[int] = []
        word_ptr = [0]
        sent_idx: list[int] = []
        sent_ptr = [0]
        counts = []
        scores = self._words
        scores.trim()
        try:
            for s in norm_sentences:
                words = s.split()
                rows, n = scores.rows(words)
                extra = sentence_ids(words)
                word_rows.extend(rows)
                word_ptr.append(len(word_rows))
                sent_idx.extend(extra)
                sent_ptr.append(len(sent_idx))
                counts.append(n + len(extra))
        finally:
            # Also on an error: cached words must never point at unsummed rows.
            scores.fill()
        table = scores.table
        z = np.zeros((len(norm_sentences), len(self.types)))
        if word_rows:
            z += (
                np.add.reduceat(
                    np.vstack([table[word_rows], np.zeros((1, len(self.types)))]),
                    word_ptr[:-1],
                )
                * (np.diff(word_ptr) > 0)[:, None]
            )
        z += (
            np.add.reduceat(
                np.vstack([self.coef[:, sent_idx].T, np.zeros((1, len(self.types)))]),
                sent_ptr[:-1],
            )
            * (np.diff(sent_ptr) > 0)[:, None]
        )
        z = z / np.sqrt(np.maximum(np.array(counts, dtype=np.float64), 1.0))[:, None]
        z += self.intercept
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
        coef = z["coef"].astype(np.float32)
        if coef.shape[1] != N_FEATURES:
            raise ValueError(f"{MODEL_FILE} was trained on other features: retrain it")
        return Detector(
            tuple(str(t) for t in z["types"]),
            coef,
            z["intercept"],
            z["thresholds"],
            str(z["version"]),
        )
