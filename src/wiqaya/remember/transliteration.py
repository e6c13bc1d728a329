"""Consonant skeletons that let a name written in Arabic letters meet its Latin spelling.

The lexicon knows the famous names; the long tail («ليناس ماركوسي»,
«تشابولتيبيك», «قامشلو») it cannot list. Both scripts are reduced to the
same coarse consonant classes, vowels and weak letters dropped and repeats
merged, so «ماركوسي» and "Marcoussis" both give ``MRKS`` and «قامشلو» and
"Qamishlo" both give ``KMSL``. Classes are deliberately coarse (س ص ش ز
all one class, ك ق خ another, ج غ and g/j another) because transliteration
conventions (English, French, Spanish) disagree exactly there.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic letters (after wiqaya.language.arabic.normalise) to classes; "" drops the letter.
_AR = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "S", "ج": "G", "چ": "S", "ح": "", "خ": "K",
    "د": "D", "ض": "D", "ذ": "D", "ر": "R", "ز": "S", "ظ": "S", "س": "S", "ش": "S", "ص": "S",
    "ع": "", "غ": "G", "گ": "G", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M",
    "ن": "N", "ه": "", "ا": "", "و": "", "ي": "", "ى": "", "ء": "", "ة": "",
}  # fmt: skip
# Latin digraphs first (order matters), then single letters.
_LATIN_DIGRAPHS = [
    ("tch", "S"), ("sch", "S"), ("ch", "S"), ("sh", "S"), ("kh", "K"), ("gh", "G"),
    ("dh", "D"), ("th", "T"), ("ph", "F"), ("dj", "G"), ("qu", "K"), ("ck", "K"), ("ts", "S"),
]  # fmt: skip
_LATIN = {
    "b": "B", "p": "B", "t": "T", "d": "D", "g": "G", "j": "G", "k": "K", "q": "K", "x": "KS",
    "s": "S", "z": "S", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N", "r": "R",
}  # fmt: skip
MIN_SKELETON = 3


def _latin(word: str) -> str:
    w = "".join(
        ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch)
    )
    out = []
    i = 0
    while i < len(w):
        for graph, cls in _LATIN_DIGRAPHS:
            if w.startswith(graph, i):
                out.append(cls)
                i += len(graph)
                break
        else:
            if w[i] == "c":
                out.append("S" if w[i + 1 : i + 2] in ("e", "i", "y") else "K")
            else:
                out.append(_LATIN.get(w[i], ""))
            i += 1
    return "".join(out)


def _arabic(word: str) -> str:
    # «تش» is how Arabic writes "ch" (تشاد Chad, تشابولتيبيك Chapultepec).
    word = word.replace("تش", "ش")
    return "".join(_AR.get(ch, "") for ch in word)


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The consonant-class skeleton of one normalised word ("" for digits and noise)."""
    if not word or word.isdigit():
        return ""
    raw = _arabic(word) if "\u0600" <= word[0] <= "\u06ff" else _latin(word)
    # Doubled letters are one sound: "Gaddafi", "Marcoussis", «شدّة» after normalisation.
    return re.sub(r"(.)\1+", r"\1", raw)


# Long vowels and weak letters, kept by :func:`shape` to choose among same-skeleton words.
_AR_VOWELS = {"ا": "A", "ى": "A", "و": "U", "ي": "I"}
_LATIN_VOWELS = {"a": "A", "e": "I", "i": "I", "y": "I", "o": "U", "u": "U", "w": "U"}


@lru_cache(maxsize=100_000)
def shape(word: str) -> str:
    """The skeleton with vowels as three classes (A, I, U): a finer key for ranking matches."""
    if not word:
        return ""
    if "\u0600" <= word[0] <= "\u06ff":
        word = word.replace("تش", "ش")
        raw = "".join(_AR_VOWELS.get(ch) or _AR.get(ch, "") for ch in word)
    else:
        folded = "".join(
            ch
            for ch in unicodedata.normalize("NFKD", word.lower())
            if not unicodedata.combining(ch)
        )
        raw = "".join(_LATIN_VOWELS.get(ch) or _latin(ch) for ch in _split_latin(folded))
    return re.sub(r"(.)\1+", r"\1", raw)


def _split_latin(word: str) -> list[str]:
    """Latin letters with the digraphs of :data:`_LATIN_DIGRAPHS` (and soft c) kept together."""
    out = []
    i = 0
    while i < len(word):
        for graph, _ in _LATIN_DIGRAPHS:
            if word.startswith(graph, i):
                out.append(graph)
                i += len(graph)
                break
        else:
            if word[i] == "c":
                out.append("s" if word[i + 1 : i + 2] in ("e", "i", "y") else "k")
            else:
                out.append(word[i])
            i += 1
    return out


def distance(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def closest(word: str, candidates: list[str]) -> list[str]:
    """The candidates whose :func:`shape` is nearest to ``word``'s (ties all kept)."""
    if not candidates:
        return []
    target = shape(word)
    scored = [(distance(target, shape(c)), c) for c in candidates]
    best = min(d for d, _ in scored)
    return [c for d, c in scored if d == best]
