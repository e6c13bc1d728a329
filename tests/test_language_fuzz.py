"""Hostile-input fuzzing of the Arabic normaliser and language identification.

No crash, idempotence, and bounded time per call (hypothesis ``deadline``) on
arbitrary Unicode, very long inputs and pathological repetitions.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiqaya.language.arabic import arabic_share, normalise, tokens
from wiqaya.language.detect import detect_language

ARABIC_PIECES = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىـ") + [
    "\u064b",
    "\u064e",
    "\u0651",
    "\u0670",
    "\u0640",
    "\ufefb",  # lam-alef ligature (presentation form)
    "\ufe8d",
    "٣",
    "۴",
    "\u200f",
    "\u202e",
    "\u2067",
    "\ufeff",
    "\u200d",
]
arabicish = st.text(
    alphabet=st.one_of(st.sampled_from(ARABIC_PIECES), st.characters()), max_size=400
)
# The normaliser runs on every stored document: a single call must stay fast.
FAST = settings(
    deadline=timedelta(milliseconds=500),
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)


@FAST
@given(arabicish)
def test_normalise_total_and_idempotent(text: str) -> None:
    once = normalise(text)
    assert isinstance(once, str)
    assert normalise(once) == once
    assert once == once.strip()
    assert "  " not in once


@FAST
@given(arabicish)
def test_normalise_removes_marks_and_folds(text: str) -> None:
    out = normalise(text)
    for ch in ("\u0640", "\u064e", "\u0651", "\u202e", "\u200f", "\ufeff", "أ", "إ", "ة", "ى"):
        assert ch not in out


@FAST
@given(arabicish)
def test_tokens_and_share_are_bounded(text: str) -> None:
    share = arabic_share(text)
    assert 0.0 <= share <= 1.0
    for token in tokens(text):
        assert token and " " not in token


@FAST
@given(arabicish)
def test_detect_language_always_answers(text: str) -> None:
    assert detect_language(text) in {"ar", "en", "mixed", "und"}


@settings(deadline=timedelta(seconds=2), max_examples=20)
@given(
    st.sampled_from(["ـ", "\u064e", "أ", " ", "\u202e", "a ", "ﻻ", "الحكومة "]),
    st.integers(min_value=10_000, max_value=200_000),
)
def test_long_repetitions_stay_linear(piece: str, count: int) -> None:
    text = piece * count
    out = normalise(text)
    assert normalise(out) == out
    assert detect_language(text) in {"ar", "en", "mixed", "und"}


def test_known_folds_on_real_text() -> None:
    # A sentence from the bundled Arabic event GSR dev split, with and without marks.
    plain = "تظاهر المئات أمام مقر الحكومة"
    marked = "تَظَاهَرَ المِئاتُ أَمامَ مَقَرِّ الحُكومةِ"
    assert (
        normalise(plain)
        == normalise(marked)
        == "تظاهر المىات امام مقر الحكومه".replace("المىات", "الميات")
    )
