"""Search terms from Arabic and English text: the one analyser the index and queries share.

Arabic goes through :func:`wiqaya.language.arabic.normalise` and light stems;
English is case-folded, stripped of accents and apostrophes and lightly
stemmed (plural ``s``, ``-ing``, ``-ed``, British/American ``-isation``), so
"demobilisation" meets "demobilization" and "agreements" meets "agreement".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from wiqaya.language.arabic import light_stems, normalise

_WORD = re.compile(r"[\w\u0600-\u06ff'’]+", re.UNICODE)

EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "this",
        "that",
        "these",
        "al",
        "el",
        "those",
        "it",
        "its",
        "into",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "how",
        "not",
        "no",
        "but",
        "if",
        "so",
        "such",
        "also",
        "any",
        "all",
        "each",
        "other",
        "between",
        "about",
        "over",
        "under",
        "after",
        "before",
        "during",
        "upon",
        "within",
        "without",
        "shall",
        "will",
        "would",
        "should",
        "may",
        "can",
        "could",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
    ]
)
AR_STOP = frozenset(
    normalise(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "التي",
        "الذي",
        "الذين",
        "بين",
        "أو",
        "او",
        "و",
        "ثم",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هو",
        "هي",
        "هم",
        "تم",
        "قد",
        "كان",
        "كانت",
        "لقد",
        "إن",
        "أن",
        "ان",
        "لا",
        "ما",
        "كل",
        "بعد",
        "قبل",
        "عند",
        "حول",
        "ضد",
        "عبر",
        "ذات",
        "له",
        "لها",
        "لهم",
        "كما",
        "أي",
        "أيضا",
    ]
)


def _fold_latin(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def english_stem(word: str) -> str:
    """A deliberately light English stemmer: safe suffixes only, never below 3 letters."""
    w = word
    if w.endswith("isation"):
        w = w[: -len("isation")] + "ization"
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        w = w[:-2]
    # A final silent e goes too, so "share", "shared" and "sharing" meet.
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def is_arabic_word(word: str) -> bool:
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"


def word_stems(word: str) -> tuple[str, ...]:
    """Matching stems of one raw word (any script); empty for stopwords and noise."""
    return _normalised_stems(normalise(word))


@lru_cache(maxsize=200_000)
def _normalised_stems(norm: str) -> tuple[str, ...]:
    norm = norm.replace("'", "").replace("’", "")
    if not norm:
        return ()
    if is_arabic_word(norm):
        if norm in AR_STOP:
            return ()
        return light_stems(norm)
    folded = _fold_latin(norm)
    if folded in EN_STOP or (len(folded) < 2 and not folded.isdigit()):
        return ()
    return (english_stem(folded),)


def word_key(word: str) -> str:
    """The single key of a word used for lexicon lookup (stopwords kept, main stem)."""
    norm = normalise(word).replace("'", "").replace("’", "")
    if is_arabic_word(norm):
        return light_stems(norm)[0]
    return english_stem(_fold_latin(norm))


def words(text: str) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    stems: tuple[str, ...]


def spans(text: str) -> Iterator[Span]:
    """Every word of ``text`` with its offsets and stems (for highlighting)."""
    for m in _WORD.finditer(text):
        stems = word_stems(m.group(0))
        if stems:
            yield Span(m.start(), m.end(), stems)


def terms(text: str) -> list[str]:
    """Index terms of ``text``: every stem of every non-stopword.

    The text is normalised once as a whole (normalisation works letter by
    letter, so this equals normalising word by word) and stems are cached.
    """
    out: list[str] = []
    for w in _WORD.findall(normalise(text)):
        out.extend(_normalised_stems(w))
    return out


def surface_stems(text: str) -> Iterator[tuple[str, str]]:
    """Each distinct normalised word of ``text`` with its main stem (stopwords skipped)."""
    for w in set(_WORD.findall(normalise(text))):
        stems = _normalised_stems(w)
        if stems:
            yield w, stems[0]
