"""Property tests for the one Arabic normaliser: idempotent, and it never alters its input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.language.arabic import normalise, tokens

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(
    ARABIC,
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(list("\u0640\u064b\u0651\u200f\u200c\ufeff \t\n\ufefb\ufe8d")),
)


@given(st.text(alphabet=MIXED, max_size=80))
def test_normalise_is_idempotent_on_arabic_text(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_normalise_is_idempotent_on_any_text(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(alphabet=MIXED, max_size=80))
def test_normalise_leaves_its_input_untouched(text: str) -> None:
    before = text.encode("utf-8", "surrogatepass")
    normalise(text)
    tokens(text)
    assert text.encode("utf-8", "surrogatepass") == before


def test_spelling_variants_meet() -> None:
    variants = ["الحكومة", "الحكومه", "الحُكومة", "الحـــكومة", "ﺍﻟﺤﻜﻮﻣﺔ"]
    assert len({normalise(v) for v in variants}) == 1
    assert normalise("الطوارىء") == normalise("الطوارئ") == normalise("الطواريء")
    assert normalise("إلى ٢٠٢٤") == normalise("الي 2024") == "الي 2024"
