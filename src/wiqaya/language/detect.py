"""Language identification, cheap and offline.

Arabic and English are told apart by script, which is reliable for the
languages Wiqaya reads first; other Latin-script text is reported as ``und``
rather than guessed as English when it has too few English function words.
"""

from __future__ import annotations

import re

from wiqaya.language.arabic import arabic_share

_EN_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "by",
        "as",
        "at",
        "from",
        "said",
        "were",
        "has",
        "have",
        "are",
        "be",
        "it",
        "its",
        "an",
        "this",
        "which",
        "after",
        "over",
        "killed",
        "police",
        "government",
        "minister",
    ]
)
_WORD = re.compile(r"[a-z]+")


def detect_language(text: str) -> str:
    """Return ``ar``, ``en``, ``mixed`` or ``und`` for ``text``."""
    share = arabic_share(text)
    if share >= 0.8:
        return "ar"
    words = _WORD.findall(text.lower())
    if share > 0.2 and words:
        return "mixed"
    if not words:
        return "ar" if share > 0 else "und"
    english = sum(1 for w in words if w in _EN_WORDS)
    if english / len(words) >= 0.05 or len(words) < 4:
        return "en"
    return "und"
