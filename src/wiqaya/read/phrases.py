"""Tokens with offsets and a phrase index that finds dictionary names in them.

This is the cheap per-sentence path shared by actors, places, event triggers and
indicators: tokens keep their character offsets in the *original* text (so
evidence can be highlighted), matching happens on the normalised form, and
attached clitics («وبغداد», «للحكومة») are removed by
:func:`wiqaya.language.arabic.clitic_variants`. It never changes stored text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import eq, itemgetter
from typing import Any, NamedTuple

from wiqaya.language.arabic import CLITIC_FIRST, clitic_variants, normalise

# A word is a run of letters/digits plus Arabic marks, tatweel and inner
# apostrophes/hyphens of Latin names ("al-Qaeda", "Ma'rib").
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:['’\-.][A-Za-z]+)*", re.UNICODE)


class Token(NamedTuple):
    """A word: its text, normalised form and offsets (a tuple: cheap to build)."""

    text: str
    norm: str
    start: int
    end: int


NORM_OF = itemgetter(1)  # Token.norm, as a C function for map()
_NORM_CACHE: dict[str, str] = {}
_NORM_CACHE_MAX = 300_000
# Per-word caches keep words up to this length: real words are shorter, and
# junk runs (base64 in scraped pages, 2,000-letter runs) as keys took a long
# read from ~70 MB to gigabytes before the caches' entry limits were reached.
MAX_CACHED_WORD = 48
# Clitic variants of the words seen lately, shared by every PhraseIndex: the
# actor and place indexes look up the same new words in the same batch, and
# computing the variants twice was a tenth of a first pass's extra cost.
# Emptied when full, so it holds about a batch's words, not a long read's.
_VARIANTS: dict[str, tuple[str, ...]] = {}
_VARIANTS_MAX = 10_000
_KEY_CACHE_MAX = 500_000  # words per index


def shared_variants(norm: str) -> tuple[str, ...]:
    """``clitic_variants(norm)`` as a tuple, kept in the cache every index shares.

    Kept also when the word is its only variant («اعلن»): each index and the
    person lookup would otherwise call clitic_variants on it again.
    """
    variants = _VARIANTS.get(norm)
    if variants is None:
        # A tuple: the garbage collector stops tracking it, a list it would walk.
        variants = tuple(clitic_variants(norm))
        if len(norm) <= MAX_CACHED_WORD:
            if len(_VARIANTS) >= _VARIANTS_MAX:
                _VARIANTS.clear()
            _VARIANTS[norm] = variants
    return variants


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text`` with offsets (shifted by ``offset``) and normal forms."""
    out = []
    append = out.append
    cache = _NORM_CACHE
    # Token's own __new__ is a Python function; tuple.__new__ builds the same Token in C.
    make = tuple.__new__
    # findall makes no match objects; each word starts where its first
    # occurrence after the previous word starts, since every character of the
    # gap between two matches is one no word can start with.
    find = text.find
    end = 0
    # A plain dict in front of normalise: this loop runs once per word of every
    # document, and an lru_cache call costs more than the dict lookup it wraps.
    for w in _WORD.findall(text):
        n = cache.get(w)
        if n is None:
            n = normalise(w)
            if len(cache) < _NORM_CACHE_MAX and len(w) <= MAX_CACHED_WORD:
                cache[w] = n
        start = find(w, end)
        end = start + len(w)
        if n:
            append(make(Token, (w, n, start + offset, end + offset)))
    return out


def _inflections(word: str) -> list[str]:
    """Regular Arabic inflections of a dictionary word: feminine, sound plurals.

    Broken plurals (جنود of جندي) are not generated: they are listed as
    their own entries in the additions file.
    """
    forms = [word]
    if not re.search("[\u0621-\u064a]", word) or len(word) < 3:
        return forms
    if word.endswith("ه"):
        forms += [word[:-1] + "ات", word[:-1] + "تين"]
    else:
        forms += [word + "ه", word + "ين", word + "ون", word + "ات", word + "يين", word + "يون"]
        if word.endswith("ي"):
            # Nisba adjectives also take the accusative «عراقيا» (13 عراقياً)
            # and the duals «باكستانيان», «جورجيتين».
            forms += [word + "ه", word[:-1] + "يين", word + "ات", word + "ا"]
            forms += [word + "ان", word + "تين", word + "تان"]
    return forms


def canonical(word: str) -> str:
    """Dictionary key of a normalised word: the article removed when a stem remains."""
    if word.startswith("ال") and len(word) >= 5:
        return word[2:]
    return word


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    payload: Any


class PhraseIndex:
    """Longest-match lookup of multi-word names over tokens, clitic-aware.

    ``add`` registers a phrase (a sequence of words) with a payload; words are
    normalised, the article is dropped, and with ``inflect=True`` the regular
    Arabic feminine and plural forms also match. ``find`` scans tokens left to
    right and returns non-overlapping longest matches.
    """

    def __init__(self, max_len: int = 8) -> None:
        self._form_to_word: dict[str, str] = {}
        self._trie: dict[Any, Any] = {}
        self._max_len = max_len
        self._cache: dict[str, str | None] = {}

    def add(self, phrase: str | Sequence[str], payload: Any, *, inflect: bool = False) -> None:
        words = phrase.replace("_", " ").split() if isinstance(phrase, str) else list(phrase)
        keys = []
        for w in words:
            n = normalise(w)
            if not n:
                continue
            if keys and n not in self._form_to_word:
                # A later word written with its clitic («التابعة للامم المتحدة»)
                # walks the key its known bare form has: registering «للامم» as
                # a word of its own would stop every «للأمم المتحدة» from
                # reading as the UN (lookup tries the whole form first).
                bare = next(
                    (
                        self._form_to_word[v]
                        for v in clitic_variants(n)[1:]
                        if v in self._form_to_word
                    ),
                    None,
                )
                if bare is not None:
                    keys.append(bare)
                    continue
            key = canonical(n)
            # A word already known as an inflection of another («عراقيه» of
            # «عراقي») joins that word, so both spellings walk the same trie.
            key = self._form_to_word.get(key, key)
            forms = _inflections(key) if inflect else [key]
            for f in forms:
                self._form_to_word.setdefault(f, key)
            # Words that natively start with «ال» («الماني») keep their full form
            # too, inflected: «الألمانية» is «ال» + «المانيه», not «ال» + «مانيه».
            self._form_to_word.setdefault(n, key)
            if inflect and n != key:
                for f in _inflections(n):
                    self._form_to_word.setdefault(f, key)
            keys.append(key)
        if not keys or len(keys) > self._max_len:
            return
        node = self._trie
        for k in keys:
            node = node.setdefault(k, {})
        node.setdefault(None, payload)

    def has_form(self, norm: str) -> bool:
        """The normalised word is itself a dictionary form, not one after
        stripping a clitic («بغداد» is; «برئيس», «لتنظيم» are not)."""
        return norm in self._form_to_word

    def word_key(self, norm: str) -> str | None:
        """The dictionary word a normalised token stands for, if any."""
        hit = self._cache.get(norm, "")
        if hit != "":
            return hit
        return self._learn([norm], [""])[0]

    def _learn(self, norms: list[str], keys: list[str | None]) -> list[str | None]:
        """``keys`` with each "" (not cached) replaced by ``word_key`` of its word.

        The misses (a first pass meets every word new to each index) are
        looked up and stored in line, without a call of word_key each.
        """
        cache, get = self._cache, self._form_to_word.get
        keep = len(cache) < _KEY_CACHE_MAX
        for i in compress(range(len(norms)), map(eq, keys, repeat(""))):
            w = norms[i]
            found = cache.get(w, "")  # a word twice in the sentence
            if found == "":
                found = get(w)
                # The word itself is its first variant: the others only when
                # it is no dictionary form and a clitic can start it. The first
                # that is a dictionary form wins, looked up in C (words are
                # never empty strings, so filter keeps exactly the hits).
                if found is None and w[:1] in CLITIC_FIRST:
                    variants = _VARIANTS.get(w) or shared_variants(w)
                    if len(variants) > 1:
                        found = next(filter(None, map(get, variants[1:])), None)
                if keep and len(w) <= MAX_CACHED_WORD:
                    cache[w] = found
            keys[i] = found
        return keys

    def payload_of(self, norm: str) -> Any:
        """The payload of a one-word entry the normalised word stands for, if any."""
        key = self.word_key(norm)
        node = self._trie.get(key) if key is not None else None
        return node.get(None) if node else None

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        out = []
        # The cache lookups run in C (map); word_key only for the misses, ""
        # (None means "no dictionary word"). This runs for every token.
        norms = list(map(NORM_OF, tokens))
        keys = list(map(self._cache.get, norms, repeat("", len(norms))))
        if "" in keys:
            keys = self._learn(norms, keys)
        trie = self._trie
        i, n = 0, len(tokens)
        # Only tokens that stand for a dictionary word can start a match (keys
        # are never empty strings, so compress keeps exactly the non-None ones).
        for s in compress(range(n), keys):
            if s < i:
                continue  # inside the previous match
            node = trie.get(keys[s])
            best = None
            j = s
            while node is not None:
                j += 1
                if None in node:
                    best = (j, node[None])
                if j >= n or keys[j] is None:
                    break
                node = node.get(keys[j])
            if best:
                out.append(Match(s, best[0], best[1]))
                i = best[0]
        return out

    def __len__(self) -> int:
        return len(self._form_to_word)


def span_text(text: str, tokens: Sequence[Token], m: Match) -> str:
    return text[tokens[m.start].start : tokens[m.end - 1].end]


def iter_words(lines: Iterable[str]) -> Iterable[str]:
    for line in lines:
        yield from line.split()
