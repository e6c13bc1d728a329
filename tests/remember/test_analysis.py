"""Search analysis: Arabic normalisation (diacritics, hamza, the article) and English stems."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wiqaya.language.arabic import light_stems
from wiqaya.remember.analysis import english_stem, terms, word_key


def test_diacritics_do_not_change_terms() -> None:
    assert terms("اتِّفَاقُ الحُدَيْدَةِ") == terms("اتفاق الحديدة")


def test_hamza_and_alef_forms_meet() -> None:
    assert terms("وقف إطلاق النار") == terms("وقف اطلاق النار") == terms("وقف أطلاق النار")
    assert terms("مؤتمر") == terms("موتمر")
    assert terms("الطائف") == terms("الطايف")


def test_article_and_proclitics_are_removed() -> None:
    # «ال», «وال», «بال», «لل» all fall away to the same stem.
    stem = terms("سلام")
    assert terms("السلام") == stem
    assert terms("والسلام") == stem
    assert terms("بالسلام") == stem
    assert terms("للسلام") == stem
    assert word_key("الصخيرات") == word_key("صخيرات")


def test_short_words_keep_their_first_letter() -> None:
    # «وقف» (stop) is not «و» + «قف»: the extra stem is only offered for longer words.
    assert light_stems("وقف") == ("وقف",)
    assert "اتفاق" in light_stems("واتفاق")


def test_taa_marbuta_and_alef_maqsura() -> None:
    assert terms("الحديدة") == terms("الحديده")
    assert terms("مستوى") == terms("مستوي")


def test_english_light_stemming() -> None:
    assert english_stem("demobilisation") == english_stem("demobilization")
    assert terms("agreements") == terms("agreement")
    assert terms("sharing") == terms("share") == terms("shared")
    assert terms("the of and") == []
    assert terms("Ta’if") == terms("Taif")


_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
_arabic_words = st.lists(
    st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويةءأإآى", min_size=2, max_size=9),
    min_size=1,
    max_size=6,
)


@given(_arabic_words, st.data())
def test_terms_ignore_inserted_diacritics_and_tatweel(words: list[str], data) -> None:  # type: ignore[no-untyped-def]
    plain = " ".join(words)
    decorated = []
    for ch in plain:
        decorated.append(ch)
        if ch != " " and data.draw(st.booleans()):
            decorated.append(data.draw(st.sampled_from(_HARAKAT + "\u0640")))
    assert terms("".join(decorated)) == terms(plain)


@given(st.text(max_size=200))
def test_terms_never_fail_and_are_stable(text: str) -> None:
    once = terms(text)
    assert once == terms(text)
    assert all(t and " " not in t for t in once)
