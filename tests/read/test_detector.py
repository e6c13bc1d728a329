"""The Arabic detector on real dev sentences: the fast per-word path equals the reference."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.read.detector import (
    N_FEATURES,
    Detector,
    light_stem,
    load_detector,
    sentence_features,
    vectorise,
)
from wiqaya.read.pipeline import DocumentInput, read_documents

# Quoted from arabic_event_gsr/protest_detection.dev.csv (the shipped model was
# trained on them: these check behaviour, they are not a measurement).
PROTEST_YES = (
    "وكان متظاهرون فلسطينيون قد خرجوا الى الشوارع السبت، وسط رام الله في مظاهرات "
    "تطالب السلطة بوقف المفاوضات مع الاسرائيليين."
)
PROTEST_NO = "وفتح رجال الأمن نيران أسلحتهم لتفريق المتظاهرين."  # police firing: gold "easy no"
ASSAULT_YES = (
    "اعلنت مصادر امنية وأخرى طبية عراقية مقتل اربعة اشخاص وإصابة سبعة آخرين بجروح في "
    "انفجار سيارة مفخخة وسط بغداد أمس."
)


def _norm(text: str) -> str:
    from wiqaya.read.phrases import tokenize

    return " ".join(t.norm for t in tokenize(text))


def test_cached_word_scores_equal_the_reference_matrix() -> None:
    det = load_detector()
    assert det is not None
    texts = [_norm(t) for t in (PROTEST_YES, PROTEST_NO, ASSAULT_YES)] + ["", "تظاهر تظاهر"]
    fast = det.probabilities(texts)
    z = vectorise(texts) @ det.coef.T.astype(np.float64) + det.intercept
    assert np.allclose(fast, 1.0 / (1.0 + np.exp(-z)), atol=1e-5)
    # Second call (warm caches) gives the same numbers.
    assert np.allclose(det.probabilities(texts), fast)


def test_a_full_word_cache_never_changes_a_batch(monkeypatch) -> None:  # noqa: ANN001
    """A long ``wiqaya read`` fills the per-word cache; the batch that crosses
    the limit must score like any other (clearing it mid-batch let new words
    overwrite rows the batch still used: probabilities off by up to 0.4)."""
    from dataclasses import replace

    from wiqaya.read import detector as mod

    det = load_detector()
    assert det is not None
    texts = [_norm(t) for t in (PROTEST_YES, PROTEST_NO, ASSAULT_YES)]
    z = vectorise(texts) @ det.coef.T.astype(np.float64) + det.intercept
    reference = 1.0 / (1.0 + np.exp(-z))
    monkeypatch.setattr(mod, "_WORD_CACHE_MAX", 8)
    fresh = replace(det)  # its own empty word cache
    assert np.allclose(fresh.probabilities(texts), reference, atol=1e-5)
    # Full from the start of the next batch on: still the same numbers.
    assert np.allclose(fresh.probabilities(texts[::-1]), reference[::-1], atol=1e-5)


def test_shipped_model_separates_a_protest_from_its_dispersal() -> None:
    kinds = [
        {e.event_type for e in r.events}
        for r in read_documents(
            [DocumentInput(str(i), t, "ar") for i, t in enumerate([PROTEST_YES, PROTEST_NO])]
        )
    ]
    assert "PROTEST" in kinds[0]
    assert "PROTEST" not in kinds[1]


def test_clause_cues_mark_negation_calls_and_future() -> None:
    feats = set(sentence_features(_norm("لم يتظاهر الطلاب أمس").split()))
    assert {"PROTEST|neg", "amss", "PROTEST|pos1"} <= feats
    feats = set(sentence_features(_norm("دعت النقابة الى التظاهر").split()))
    assert "PROTEST|call" in feats
    feats = set(sentence_features(_norm("سيتظاهر العمال").split()))
    assert "PROTEST|future" in feats
    assert "PROTEST|neg" not in feats


@pytest.mark.parametrize(
    ("word", "stem"),
    [("والمتظاهرين", "متظاهر"), ("للحكومه", "حكوم"), ("قتل", "قتل"), ("بال", "بال")],
)
def test_light_stem_keeps_three_letters(word: str, stem: str) -> None:
    assert light_stem(word) == stem


def test_model_of_other_features_is_refused(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from wiqaya.read import detector as mod

    bad = Detector(("PROTEST",), np.zeros((1, 16)), np.zeros(1), np.ones(1), "x")
    bad.save(tmp_path / mod.MODEL_FILE)
    monkeypatch.setattr(mod, "DATA", tmp_path)
    mod.load_detector.cache_clear()
    try:
        with pytest.raises(ValueError, match="retrain"):
            mod.load_detector()
    finally:
        monkeypatch.undo()
        mod.load_detector.cache_clear()
    assert mod.load_detector().coef.shape[1] == N_FEATURES


def test_scoring_keeps_one_cache_per_word() -> None:
    """Memory of a long ``wiqaya read``: scoring caches a word's summed score
    only (its feature list was a second, ~200 MB copy at the cache limit), and
    the trigger finder shares the detector's stem matcher's per-word caches
    (its labels differ where the lexicon's ``coded_as_ar`` recodes a stem)."""
    from wiqaya.read.detector import arabic_triggers, featuriser
    from wiqaya.read.events import trigger_matchers

    det = load_detector()
    assert det is not None
    before = len(featuriser()._words)
    det.probabilities(["تظاهر كلمهلمتراهاالاختباراتقبل مره"])
    assert len(featuriser()._words) == before
    coder, det_matcher = trigger_matchers()["ar"], arabic_triggers()
    assert coder._cache is det_matcher._cache and coder._valid is det_matcher._valid


def _light_stem_reference(word: str) -> str:
    """light_stem as first written: the prefix and suffix tuples tried in order."""
    from wiqaya.read.detector import _PREFIXES, _SUFFIXES

    for pre in _PREFIXES:
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            word = word[len(pre) :]
            break
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


_CLITIC_WORDS = st.text(alphabet=st.sampled_from(list("والبفكلتنهمياوزرa ")), max_size=12)


@given(st.one_of(_CLITIC_WORDS, st.text(max_size=60)))
@settings(max_examples=500, deadline=None)
def test_word_ids_are_the_hashed_word_features(word: str) -> None:
    """The fast per-word path hashes exactly the reference feature strings."""
    from wiqaya.read.detector import _hash, word_features, word_ids

    assert light_stem(word) == _light_stem_reference(word)
    try:
        expected = [_hash(f) for f in word_features(word)]
    except UnicodeEncodeError:  # lone surrogates: both paths refuse them
        with pytest.raises(UnicodeEncodeError):
            word_ids(word)
        return
    assert word_ids(word) == expected


@pytest.mark.parametrize("fill_slice", [512, 3])
def test_batched_word_sums_are_bit_identical_to_one_sum_per_word(
    fill_slice: int,
    monkeypatch,  # noqa: ANN001
) -> None:
    """fill() sums a batch's new words side by side; each row must equal the
    per-word ``coef[:, idx].sum(axis=1, dtype=float64)`` exactly, also with
    weights whose summation order changes the result."""
    from wiqaya.read import detector as mod
    from wiqaya.read.detector import _WordScores, word_ids

    monkeypatch.setattr(mod, "_FILL_SLICE", fill_slice)
    rng = np.random.default_rng(7)
    words = sorted({w for t in (PROTEST_YES, PROTEST_NO, ASSAULT_YES) for w in _norm(t).split()})
    # 4 features; other scripts and byte widths (é 2, 中 3, 😀 4 bytes); 281 and 401 features.
    words += ["ب", "a", "ab", "é", "中文字", "😀x", "Police", "بتثجحخد" * 20, "تظاهر" * 40]
    det = load_detector()
    assert det is not None
    wide = (
        rng.standard_normal((2, N_FEATURES)) * np.exp2(rng.integers(-60, 0, (2, N_FEATURES)))
    ).astype(np.float32)
    for coef in (det.coef, wide):
        scores = _WordScores(coef)
        rows = [scores.rows([w])[0][0] for w in words]
        scores.fill()
        for w, r in zip(words, rows, strict=True):
            expected = coef[:, word_ids(w)].sum(axis=1, dtype=np.float64)
            assert scores.table[r].tobytes() == expected.tobytes(), w
    # The wide weights do make the order matter, so the check above has teeth.
    assert any(
        float(sum(map(float, wide[t, idx]))) != float(sum(map(float, wide[t, idx[::-1]])))
        for t in range(2)
        for idx in (word_ids(w) for w in words)
    )


@given(st.one_of(_CLITIC_WORDS, st.text(alphabet=st.sampled_from(list("تظاهرقلمسحبواedmonstrai")))))
@settings(max_examples=300, deadline=None)
def test_stems_in_tries_only_the_lengths_of_stems_with_the_word_s_head(word: str) -> None:
    """stems_in skips lengths no stem with that head has; it finds what trying all finds."""
    from wiqaya.read.detector import arabic_triggers
    from wiqaya.read.indicators import load_indicators

    for m in (arabic_triggers(), load_indicators().arabic, load_indicators().english):
        expected = []
        for p in range(min(m._max_prefix, max(len(word) - 1, 0)) + 1):
            for n in m._lengths:
                s = word[p : p + n]
                if len(s) == n and s in m._first:
                    expected.append(s)
        m._cache.pop(word, None)
        assert m.stems_in(word) == tuple(expected)


def test_shared_clitic_variants_stay_bounded(monkeypatch) -> None:  # noqa: ANN001
    from wiqaya.read import phrases
    from wiqaya.read.actors import load_actors

    monkeypatch.setattr(phrases, "_VARIANTS_MAX", 5)
    index = load_actors().index
    for i in range(20):
        index.word_key(f"وبالحكومه{i}")
    assert 0 < len(phrases._VARIANTS) <= 5
    assert index.word_key("وبغداد") == index.word_key("بغداد") is not None


_SENTENCE_WORDS = st.sampled_from(
    ["امس", "لم", "دعا", "12", "تظاهر", "المتظاهرين", "سيتظاهر", "قتل", "بغداد", "a"]
)


@given(st.lists(st.one_of(_CLITIC_WORDS, _SENTENCE_WORDS), max_size=40))
@settings(max_examples=300, deadline=None)
def test_sentence_ids_are_the_hashed_sentence_features(words: list[str]) -> None:
    from wiqaya.read.detector import _hash, sentence_ids

    words = " ".join(words).split()
    assert sentence_ids(words) == [_hash(f) for f in sentence_features(words)]
