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


def _normalise_every_step(text: str) -> str:
    """normalise without its shortcuts for plain Arabic words and ASCII."""
    import unicodedata

    from wiqaya.language import arabic

    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = arabic._FORMAT_MARKS.sub("", text)
    text = arabic._DIACRITICS.sub("", text).replace(arabic._TATWEEL, "")
    text = text.translate(arabic._FOLD_TABLE)
    text = arabic._YEH_HAMZA.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = arabic._DIACRITICS.sub("", text)
    return " ".join(text.casefold().split())


_PLAIN_LETTERS = [chr(c) for c in [*range(0x621, 0x63B), *range(0x641, 0x64B)]]


def test_shortcuts_equal_every_step_on_all_short_inputs() -> None:
    """The plain-Arabic and ASCII shortcuts: every 1-3 letter word, every 2 ASCII chars."""
    import itertools

    for n in (1, 2, 3):
        for letters in itertools.product(_PLAIN_LETTERS, repeat=n):
            word = "".join(letters)
            assert normalise(word) == _normalise_every_step(word), word
    for a, b in itertools.product(map(chr, range(128)), repeat=2):
        assert normalise(a + b) == _normalise_every_step(a + b), repr(a + b)


@given(
    st.one_of(
        st.text(alphabet=st.sampled_from(_PLAIN_LETTERS), max_size=30),
        st.text(alphabet=st.characters(max_codepoint=127), max_size=60),
        st.text(max_size=60),
    )
)
@settings(max_examples=500, deadline=None)
def test_shortcuts_equal_every_step(text: str) -> None:
    assert normalise(text) == _normalise_every_step(text)
