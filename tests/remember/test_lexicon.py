"""The bilingual lexicon carries names and vocabulary across Arabic and English."""

from __future__ import annotations

from wiqaya.remember.lexicon import default_lexicon


def _variants(query: str) -> set[tuple[str, ...]]:
    return {v for g in default_lexicon().expand(query) for v in g.variants}


def test_arabic_place_names_reach_english_and_transliterations() -> None:
    variants = _variants("الصخيرات")
    assert ("skhirat",) in variants
    assert ("sukhairat",) in variants
    assert ("hodeidah",) in _variants("الحديدة")
    assert ("stockholm",) in _variants("ستوكهولم")


def test_english_names_reach_arabic() -> None:
    assert ("حديده",) in _variants("Hodeidah")
    assert ("نيفاشا",) in _variants("Naivasha")


def test_vocabulary_phrases_are_one_group() -> None:
    groups = default_lexicon().expand("وقف إطلاق النار في اليمن")
    assert [g.source for g in groups] == ["وقف إطلاق النار", "اليمن"]
    assert ("ceasefir",) in groups[0].variants or ("ceasefire",) in groups[0].variants
    assert groups[0].english.startswith("ceasefire")
    power = default_lexicon().expand("تقاسم السلطة")[0]
    assert ("power", "shar") in power.variants


def test_unknown_words_are_kept_not_dropped() -> None:
    groups = default_lexicon().expand("زنجبيل Hodeidah")
    assert groups[0].source == "زنجبيل" and not groups[0].known
    assert groups[1].known


def test_country_names_resolve_in_both_languages() -> None:
    lex = default_lexicon()
    assert lex.country_iso3("اليمن") == "YEM"
    assert lex.country_iso3("Yemen") == "YEM"
    assert lex.country_iso3("yem") == "YEM"
    assert lex.country_iso3("ليبيا") == "LBY"
    assert lex.country_iso3("Atlantis") is None
