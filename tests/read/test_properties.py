"""Property tests for the read stage's text plumbing (tokens, sentences, clitics)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.language.arabic import clitic_variants, normalise
from wiqaya.read.dates import resolve_date
from wiqaya.read.phrases import tokenize
from wiqaya.read.sentences import split_sentences

ARABIC = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءؤئ ًٌٍَُِّْـ.،؟!\n ")),
    max_size=200,
)
ANY = st.one_of(ARABIC, st.text(max_size=200))


@given(ANY)
@settings(max_examples=200, deadline=None)
def test_token_offsets_point_into_the_text(text: str) -> None:
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.norm == normalise(t.text)


@given(ANY)
@settings(max_examples=200, deadline=None)
def test_sentences_are_slices_in_order(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.start >= last
        last = s.end


@given(ARABIC)
@settings(max_examples=200, deadline=None)
def test_clitic_variants_start_with_the_word_and_shrink(word: str) -> None:
    n = normalise(word)
    variants = clitic_variants(n)
    assert variants[0] == n
    assert len(set(variants)) == len(variants)
    assert all(len(v) <= len(n) for v in variants)


@given(ANY)
@settings(max_examples=100, deadline=None)
def test_dates_never_fail_without_a_document_date(text: str) -> None:
    # Only a full date written with its year can date an event without one.
    when, expr = resolve_date(text, None)
    assert (when, expr) == (None, None) or (expr is not None and any(c.isdigit() for c in expr))


_SPLIT_ALPHABET = st.sampled_from(list("ab .!?؟\n\"'»”)MrDGenoSt3A"))


@given(st.one_of(ANY, st.text(alphabet=_SPLIT_ALPHABET, max_size=60)))
@settings(max_examples=500, deadline=None)
def test_sentence_ends_are_those_of_the_pattern_without_its_lookahead(text: str) -> None:
    """The splitter's leading lookahead is for speed only: same matches as before it."""
    import re

    from wiqaya.read.sentences import _END

    assert _END.pattern.startswith("(?=[.!?؟])")
    plain = re.compile(_END.pattern.removeprefix("(?=[.!?؟])"))
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(ANY, st.integers(0, 1000))
@settings(max_examples=300, deadline=None)
def test_tokens_are_the_word_pattern_s_matches(text: str, offset: int) -> None:
    """tokenize finds each word's offset with str.find: the same as the match's own."""
    from wiqaya.read.phrases import _WORD, Token

    expected = [
        Token(m.group(), normalise(m.group()), m.start() + offset, m.end() + offset)
        for m in _WORD.finditer(text)
        if normalise(m.group())
    ]
    assert tokenize(text, offset) == expected
