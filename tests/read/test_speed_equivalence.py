"""The read stage's fast paths give what the plain code they replaced gives.

Each shortcut of the speed rounds (a regex that rules a word out before a
loop, a set lookup per length instead of ordered ``startswith`` calls, a
frozen heap during a batch) is checked here against the reference it stands
for, on words built to hit the interesting cases (real stems after real
proclitics), not only on random text.
"""

from __future__ import annotations

import gc
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.language.arabic import _PROCLITICS, _SINGLE, arabic_share, clitic_variants
from wiqaya.read import clause
from wiqaya.read.detector import ARABIC_PROCLITICS, StemMatcher, arabic_triggers, trie_pattern
from wiqaya.read.indicators import load_indicators
from wiqaya.read.pipeline import DocumentInput, read_documents

_LETTERS = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويء")
_GOVERNOR_STEMS = sorted({s for stems in clause._STEMS.values() for s in stems})
_TRIGGER_STEMS = sorted(arabic_triggers()._first)
_PREFIXES = sorted(ARABIC_PROCLITICS | {"", "x", "اا", "ماء"})


def _built(stems: list[str]) -> st.SearchStrategy[str]:
    """A stem with a proclitic or other letters before it and letters after, cut anywhere."""
    return st.builds(
        lambda pre, stem, suf, cut: (pre + stem + suf)[:cut],
        st.one_of(st.sampled_from(_PREFIXES), st.text(alphabet=_LETTERS, max_size=5)),
        st.sampled_from(stems),
        st.text(alphabet=_LETTERS, max_size=3),
        st.integers(0, 20),
    )


_WORDS = st.one_of(
    _built(_TRIGGER_STEMS), _built(_GOVERNOR_STEMS), st.text(alphabet=_LETTERS, max_size=8)
)


def _stems_reference(m: StemMatcher, word: str) -> tuple[str, ...]:
    found = []
    for p in range(min(m._max_prefix, max(len(word) - 1, 0)) + 1):
        for n in m._lengths:
            s = word[p : p + n]
            if len(s) == n and s in m._first:
                found.append(s)
    return tuple(found)


@given(_WORDS)
@settings(max_examples=1000, deadline=None)
def test_stems_in_finds_what_trying_every_position_finds(word: str) -> None:
    lex = load_indicators()
    for m in (arabic_triggers(), lex.arabic, lex.cues_ar, lex.english):
        assert m is not None
        m._cache.pop(word, None)
        assert m.stems_in(word) == _stems_reference(m, word)


def test_trie_pattern_matches_where_a_word_starts() -> None:
    words = ["تظاهر", "تظ", "قتل", "a.b", "قتلى"]
    pattern = re.compile(trie_pattern(words))
    for text in ["تظاهرات", "تظن", "قتلوا", "a.b", "axb", "قت", ""]:
        assert bool(pattern.match(text)) == any(text.startswith(w) for w in words), text
    assert re.compile(trie_pattern([])).match("x")  # no word: the empty pattern


@given(_WORDS)
@settings(max_examples=1000, deadline=None)
def test_the_governor_prefilter_drops_no_stem_has_stem_finds(word: str) -> None:
    if clause._ANY_STEM.match(word) is None:
        assert not any(clause._has_stem(word, stems) for stems in clause._STEMS.values())


def test_the_governor_prefilter_lets_real_governors_through() -> None:
    for word in ("وطالبت", "للمطالبه", "بالدعوه", "يهدد", "فشل", "ويعتزم"):
        assert clause._ANY_STEM.match(word) is not None
        assert clause.word_kind.__wrapped__(word) is not None, word


def _clitic_reference(word: str) -> list[str]:
    # The loop clitic_variants had before its per-length sets (7b143b3).
    if word[:1] not in {p[0] for p in _PROCLITICS + _SINGLE}:
        return [word]
    out = [word]
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p) :]
            if p.endswith("لل"):
                out.append("ال" + rest)
            out.append(rest)
            break
    if word[:1] in _SINGLE and len(word) >= 4:
        rest = word[1:]
        out.append(rest)
        if rest.startswith("ال") and len(rest) >= 4:
            out.append(rest[2:])
        elif rest[:1] in _SINGLE and rest[1:3] == "ال" and len(rest) >= 5:
            out.append(rest[1:])
            out.append(rest[3:])
    seen: set[str] = set()
    return [w for w in out if not (w in seen or seen.add(w))]


@given(st.text(alphabet=list("وفبلكالهع "), max_size=9))
@settings(max_examples=2000, deadline=None)
def test_clitic_variants_equal_the_ordered_prefix_loop(word: str) -> None:
    assert clitic_variants(word) == _clitic_reference(word)


_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


@given(st.text(alphabet=list("ابت ثaZé×ﻻ1.\u064b\u06d4"), max_size=40) | st.text(max_size=40))
@settings(max_examples=1000, deadline=None)
def test_arabic_share_counts_every_letter(text: str) -> None:
    arabic, latin = len(_ARABIC.findall(text)), len(_LATIN.findall(text))
    expected = arabic / (arabic + latin) if arabic + latin else 0.0
    assert arabic_share(text) == expected


def test_a_batch_hands_the_frozen_heap_back(monkeypatch) -> None:  # noqa: ANN001
    from wiqaya.read import pipeline

    during: list[int] = []
    real = pipeline.pending_events

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        during.append(gc.get_freeze_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "pending_events", spy)
    doc = DocumentInput("1", "قتل ثلاثة أشخاص في بغداد أمس.", "ar")
    assert gc.get_freeze_count() == 0
    assert read_documents([doc])[0].events
    assert during[0] > 0  # the models were out of the collections while it read
    assert gc.get_freeze_count() == 0
    # A caller that froze objects itself keeps them frozen: its unfreeze is its own.
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        read_documents([doc])
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def _cue_stems(m: StemMatcher) -> list[str]:
    return sorted(m._first)


_CUE_WORDS = st.one_of(
    _built(_cue_stems(load_indicators().cues_ar)),
    _built(_cue_stems(load_indicators().with_ar[0])),
    st.sampled_from(["من", "في", "ابناء", "الطائفه", "الجيش", "اطلاق", "النار"]),
)


@given(st.lists(_CUE_WORDS, max_size=14))
@settings(max_examples=500, deadline=None)
def test_find_label_is_find_for_one_label(words: list[str]) -> None:
    # The indicators' cue windows ask one label each: what find gives for it.
    lex = load_indicators()
    for m in (lex.cues_ar, lex.with_ar[0], lex.arabic):
        for strict in (frozenset(), frozenset(m._terms_of_label())):
            found = m.find(words, strict)
            for label in m._terms_of_label():
                assert m.find_label(words, label, strict) == found.get(label)


def test_find_label_sees_a_relabelled_matcher() -> None:
    m = StemMatcher({"a": ["قصف المدينة"], "b": ["قصف"]}, 3)
    words = ["وقصف", "المدينه"]  # normalised, as the pipeline gives them
    assert m.find_label(words, "a") == (0, 2)
    moved = m.relabelled({"قصف": "c"})
    assert moved.find_label(words, "c") == moved.find(words)["c"] == (0, 2)
    assert moved.find_label(words, "a") is None


@given(st.lists(_WORDS, max_size=12))
@settings(max_examples=300, deadline=None)
def test_a_sentence_of_new_words_gets_each_words_stems(words: list[str]) -> None:
    # The misses of a sentence are filled in line, not by stems_in per word.
    lex = load_indicators()
    for m in (arabic_triggers(), lex.arabic, lex.cues_ar):
        assert m is not None
        for w in words:
            m._cache.pop(w, None)
        assert m._stems_of(words) == [_stems_reference(m, w) for w in words]


_ACTOR_WORDS = st.builds(
    lambda pre, w: pre + w,
    st.sampled_from(["", "و", "ب", "ل", "ال", "وال", "لل", "فب", "ك"]),
    st.sampled_from(["حكومه", "الحكومه", "جيش", "الشرطه", "عراقي", "قوات", "امن", "اعلن", "x"]),
)


@given(st.lists(_ACTOR_WORDS, max_size=10))
@settings(max_examples=300, deadline=None)
def test_a_sentence_of_new_words_gets_each_words_dictionary_key(words: list[str]) -> None:
    from wiqaya.read.actors import load_actors

    index = load_actors().index
    forms = index._form_to_word
    for w in words:
        index._cache.pop(w, None)
    expected = [next((forms[v] for v in clitic_variants(w) if v in forms), None) for w in words]
    assert index._learn(words, [""] * len(words)) == expected
    assert [index.word_key(w) for w in words] == expected


def test_a_closed_class_word_gets_the_first_kind_that_lists_it() -> None:
    for kind, words in clause._WORDS.items():
        for w in words:
            for word in (w, "و" + w, "ف" + w):
                if clause._HAS_NOT_GOVERNOR.search(word) or clause._DEMANDS_NOUN.match(word):
                    continue
                bare = clause._bare(word)
                first = next(k for k, ws in clause._WORDS.items() if word in ws or bare in ws)
                assert clause.word_kind.__wrapped__(word) == first, (word, kind)
