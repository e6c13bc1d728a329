"""Place names shown to users: Arabic on Arabic pages, plain Latin on English ones."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from wiqaya.read.place_names import (
    DATA,
    best_arabic,
    display_name,
    plain_latin,
    stored_names,
)


def test_the_cleanest_geonames_alternate_is_chosen() -> None:
    # GeoNames' own lists, as shipped in the gazetteer.
    assert best_arabic(["الموصل", "موسڵ", "موصل", "موصول", "مووسڵ"]) == "الموصل"
    assert best_arabic(["د مشق", "دمشق"]) == "دمشق"
    assert best_arabic(["مادرىد", "مدريد"]) == "مدريد"  # Uyghur «ى» inside a word
    assert best_arabic(["كةربالا", "كربلاء", "كربلاء المقدسة", "ڪربلا"]) == "كربلاء"
    assert best_arabic(["دبى", "دبي", "دۇبائى"]) == "دبي"
    assert best_arabic(["حمص", "مدينة حمص"]) == "حمص"
    assert best_arabic(["مدينة الصدر"]) == "مدينة الصدر"
    assert best_arabic(["ئاممان"]) is None
    assert best_arabic([]) is None


def test_arabic_pages_show_arabic_place_names() -> None:
    assert display_name("Baghdad", "IRQ", "ar") == "بغداد"
    assert display_name("Khartoum", "SDN", "ar") == "الخرطوم"  # curated: GeoNames has «خارطوم»
    assert display_name("Tripoli", "LBY", "ar") == "طرابلس"
    assert display_name("Tripoli", "LBN", "ar") == "طرابلس"
    assert display_name("Iraq", "IRQ", "ar") == "العراق"
    assert display_name("Gaza Strip", "PSE", "ar") == "قطاع غزة"  # an admin-1 addition
    assert display_name("Ashkelon", "ISR", "ar") == "عسقلان"  # a city addition


def test_english_pages_show_plain_latin_names() -> None:
    assert display_name("Rafaḩ", "PSE", "en") == "Rafah"
    assert display_name("Al Qā’im", "IRQ", "en") == "Al Qaim"
    assert display_name("Baghdad", "IRQ", "en") == "Baghdad"
    assert display_name("Côte d’Ivoire", "CIV", "en") == "Côte d’Ivoire"  # a CLDR country name


def test_names_without_an_arabic_form_fall_back_to_latin() -> None:
    assert display_name("Esenyurt", "TUR", "ar") == "Esenyurt"
    assert display_name("Nowhere-on-Sea", None, "ar") == "Nowhere-on-Sea"
    # An unresolved mention is stored as written, and shown so.
    assert display_name("عمان", None, "en") == "عمان"
    assert display_name(None, None, "ar") is None


@given(st.text(max_size=40), st.sampled_from(["IRQ", "SYR", None]), st.sampled_from(["ar", "en"]))
@example("`", "IRQ", "ar")  # a transliteration mark alone once folded to ""
def test_display_never_loses_a_name(name: str, country: str | None, lang: str) -> None:
    shown = display_name(name, country, lang)
    assert bool(shown) == bool(name)
    assert plain_latin(plain_latin(name)) == plain_latin(name)


def test_curated_names_are_arabic_and_name_shipped_cities() -> None:
    shown = json.loads((DATA / "place_names_ar.json").read_text(encoding="utf-8"))
    cities = {c["id"] for c in json.loads((DATA / "gazetteer.json").read_text())["cities"]}
    assert shown["version"].startswith("place-names-ar-")
    for gid, name in shown["cities"].items():
        assert int(gid) in cities, gid
        assert name and all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in name), name


def test_a_place_searched_in_either_language_finds_its_stored_name() -> None:
    assert stored_names("بغداد") == ["Baghdad"]
    assert stored_names("وبغداد") == ["Baghdad"]  # with a conjunction attached
    assert stored_names("Baghdad") == ["Baghdad"]
    assert stored_names("طرابلس") == ["Tripoli"]  # Libya's and Lebanon's both
    assert stored_names("الخرطوم") == ["Khartoum"]
    assert stored_names("مظاهرات في بغداد") == []  # not a place name as a whole
    assert stored_names("") == [] and stored_names("   ") == []
