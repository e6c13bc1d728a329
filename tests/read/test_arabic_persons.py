"""Arabic persons, broken-plural demonyms and places the gazetteer lacked.

Sentences marked "dev" are from the Arabic dev coding files (their ids are
given); the others are written in the style of Arabic wire news for these
tests. The roles they check are public record and ``persons.json``'s dates.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from wiqaya.language.arabic import normalise
from wiqaya.read.actors import DATA, load_actors
from wiqaya.read.persons import load_arabic_persons, load_persons, with_persons
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, coder_version, read_document


def _persons(text: str, when: date | None) -> list[tuple[str, str | None, str | None]]:
    """(surface, country, sector) of the actors once Arabic persons are coded."""
    tokens = tokenize(text)
    actors = load_actors().mentions(tokens, text)
    out, _ = with_persons(tokens, actors, text, when, "ar")
    return [(a.text, a.country, a.sector) for a in out]


def _events(text: str, when: date | None) -> list:
    return read_document(DocumentInput("t", text, "ar", when)).events


ASSAD = "انتقد الرئيس السوري بشار الأسد الحكومة الإسرائيلية."


@pytest.mark.parametrize(
    ("text", "when", "mention"),
    [
        # In office at the document date: the government.
        (ASSAD, date(2010, 5, 1), ("الرئيس السوري بشار الأسد", "SYR", "GOV")),
        # No document date: the latest role.
        (ASSAD, None, ("الرئيس السوري بشار الأسد", "SYR", "GOV")),
        # Out of office (December 2024 on), named without a title: an elite.
        ("انتقد بشار الأسد الحكومة الإسرائيلية.", date(2025, 5, 1), ("بشار الأسد", "SYR", "ELI")),
        # A former-office word between title and name.
        (
            "انتقد الرئيس السوري المخلوع بشار الأسد الحكومة الإسرائيلية.",
            date(2025, 5, 1),
            ("الرئيس السوري المخلوع بشار الأسد", "SYR", "ELI"),
        ),
        (
            "قال الرئيس المصري السابق حسني مبارك إن الأمن مستتب.",
            date(2009, 1, 1),
            ("الرئيس المصري السابق حسني مبارك", "EGY", "ELI"),
        ),
        # PETRARCH codes «نتنياهو» ISR GOV whatever the year; in opposition
        # (June 2021 to December 2022) he is not the government.
        ("ندد نتنياهو بهجوم حماس.", date(2012, 1, 1), ("نتنياهو", "ISR", "GOV")),
        ("ندد نتنياهو بهجوم حماس.", date(2022, 1, 1), ("نتنياهو", "ISR", "OPP")),
        # Clitics on the first word of a name.
        ("واتهم ونتنياهو الفلسطينيين.", date(2012, 1, 1), ("ونتنياهو", "ISR", "GOV")),
        ("وجهت الدعوة لبشار الأسد.", date(2010, 1, 1), ("لبشار الأسد", "SYR", "GOV")),
        # Names the dictionaries lack.
        (
            "اتهم الرئيس الكيني مواي كيباكي المعارضة بالتحريض.",
            date(2008, 1, 5),
            ("الرئيس الكيني مواي كيباكي", "KEN", "GOV"),
        ),
        ("التقى حميدتي وفدا أمريكيا.", date(2020, 3, 1), ("حميدتي", "SDN", "MIL")),
        # A place inside a name is the person's («إسرائيل كاتس»).
        (
            "هدد وزير الدفاع الإسرائيلي يسرائيل كاتس حزب الله.",
            date(2025, 3, 1),
            ("وزير الدفاع الإسرائيلي يسرائيل كاتس", "ISR", "GOV"),
        ),
    ],
)
def test_arabic_person_roles_at_the_document_date(
    text: str, when: date | None, mention: tuple[str, str, str]
) -> None:
    assert mention in _persons(text, when)


def test_shared_surname_is_settled_by_the_date() -> None:
    # «بوش» is both presidents Bush; in 2007 only the son held office.
    assert ("بوش", "USA", "GOV") in _persons("هتف المتظاهرون «يسقط بوش».", date(2007, 1, 6))
    # Two Haririis, neither in office in 2007: Lebanese elite, not government.
    assert ("الحريري", "LBN", "ELI") in _persons("انتقد الحريري الحكومة.", date(2007, 1, 6))


def test_common_words_are_no_persons() -> None:
    # «الأسد» alone is the lion; «عباس», «صالح», «مبارك» are common names and words.
    for text in (
        "زأر الأسد في حديقة الحيوان.",
        "قال عباس إن العمل مبارك وصالح.",
        "احتفل الناس بالعيد المبارك.",
    ):
        tokens = tokenize(text)
        assert load_arabic_persons().find(tokens, text, date(2015, 1, 1)) == []


def test_dev_sentence_kibaki_is_the_kenyan_government() -> None:
    # dev protest 5b6757616203c433883a1e77 (2008-01-17): gold target KEN GOV.
    text = (
        "ونفذ المتظاهرون اعتصاما فجلسوا في وسط جادة في المدينة وهتفوا «ليستقيل كيباكي»، "
        "قبل ان يبدأوا مسيرة تحت انظار عناصر الشرطة المنتشرين في وسط المدينة."
    )
    ev = _events(text, date(2008, 1, 17))
    assert ev and ev[0].event_type == "PROTEST"
    assert (ev[0].target.country, ev[0].target.sector) == ("KEN", "GOV")


def test_dev_sentence_afghan_protesters() -> None:
    # dev protest 5b6757616203c433883a1ee8 (2008-05-12): gold source AFG CVL.
    text = (
        "في شق متصل، خرج متظاهرون أفغان اول من امس، للاحتجاج على مقتل ثلاثة مدنيين "
        "على يد قوات التحالف التي تقودها الولايات المتحدة في أفغانستان."
    )
    ev = _events(text, date(2008, 5, 12))
    assert ev and (ev[0].source.country, ev[0].source.sector) == ("AFG", "CVL")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("تظاهر مئات الأتراك أمام السفارة.", "TUR"),
        ("أطلق مسلحون النار على سياح ألمان.", "DEU"),
        ("اعتقلت الشرطة ثلاثة روس.", "RUS"),
        ("قتل جنديان أمريكان في الهجوم.", "USA"),
        ("اشتبك الكرد مع الجيش.", "KUR"),
        ("احتج الإنجليز على القرار.", "GBR"),
    ],
)
def test_broken_plural_demonyms(text: str, country: str) -> None:
    tokens = tokenize(text)
    assert country in {a.country for a in load_actors().mentions(tokens, text)}


def test_vehicles_are_not_arabs() -> None:
    # «عرب» is not listed: its regular inflections «عربة», «عربات» are vehicles.
    text = "دمرت الغارة ثلاث عربات عسكرية."
    tokens = tokenize(text)
    assert all(a.country is None for a in load_actors().mentions(tokens, text))


@pytest.mark.parametrize(
    ("text", "when", "surface", "country"),
    [
        # dev assault 5b520e266203c42f8aa08ee7: gold target ISR.
        (
            "يذكر ان امس شهد سلسلة عمليات فلسطينية مكثفة، حيث أطلقت 5 صواريخ «قسام»، "
            "سقط أحدها في منطقة مفتوحة في مدينة عسقلان، و18 قذيفة مدفعية.",
            date(2007, 11, 21),
            "عسقلان",
            "ISR",
        ),
        # dev assault 5b520e266203c42f8aa09020: a Baghdad district.
        (
            "كما وقع تفجير ثالث بسيارة مفخخة قبيل ظهر امس في منطقة الكرادة ذات الغالبية "
            "الشيعية، وأسفر عن إصابة خمسة مدنيين على الأقل بجروح، وفق مصادر أمنية.",
            date(2007, 2, 26),
            "الكرادة",
            "IRQ",
        ),
        # dev assault 5b520e266203c42f8aa08ef4: gold target PAK COP.
        (
            "وفي واقعة منفصلة استهدف مفجر انتحاري مركزا لتجنيد أفراد للشرطة في منطقة "
            "ديرا اسماعيل خان بالاقليم ذاته فقتل 29 شخصا.",
            date(2007, 12, 31),
            "ديرا اسماعيل خان",
            "PAK",
        ),
    ],
)
def test_dev_places_the_gazetteer_lacked(text: str, when: date, surface: str, country: str) -> None:
    ev = _events(text, when)
    assert ev and ev[0].location is not None
    assert (ev[0].location.surface, ev[0].location.country) == (surface, country)


def test_persons_file_has_arabic_names() -> None:
    raw = json.loads((DATA / "persons.json").read_text(encoding="utf-8"))
    with_ar = [p for p in raw["persons"] if p.get("ar")]
    assert len(with_ar) == len(raw["persons"])
    for p in with_ar:
        for n in p["ar"]:
            assert normalise(n), p["name"]
            assert not any("A" <= c <= "z" for c in n), p["name"]
    # One version for both languages, and it reaches the coder version.
    assert load_persons()[1] == raw["version"]
    # The actors part is the latest of the actor files and the persons file.
    actors_part = coder_version().split("+")[1]
    persons_date = raw["version"].rsplit("-", 1)[-1][2:]
    assert actors_part[0] == "a"
    assert [int(x) for x in actors_part[1:].split(".")] >= [int(x) for x in persons_date.split(".")]


def test_hostile_name_floods_stay_bounded() -> None:
    # A sentence of 5,000 names, bidi marks inside a name, clitics alone, a
    # name cut by punctuation: no crash, nothing invented.
    flood = "هاجم " + " ".join(["بشار الأسد"] * 2500) + " القوات."
    res = read_document(DocumentInput("h", flood, "ar", date(2012, 1, 1)))
    assert all(e.source.country in (None, "SYR") for e in res.events)
    marked = _persons("هاجم بشار\u200f الأسد القوات.", date(2012, 1, 1))
    assert any(m[1:] == ("SYR", "GOV") for m in marked)
    assert load_arabic_persons().find(tokenize("و ل ب"), "و ل ب", None) == []
    cut = "قال بشار، الأسد جائع."
    assert load_arabic_persons().find(tokenize(cut), cut, None) == []


def test_kurdish_regional_leaders_are_coded_like_the_other_kurdish_bodies() -> None:
    # actors_additions codes «رئيس اقليم كردستان» KUR GOV, as the dev gold does;
    # the person dictionary must not turn the same leader into IRQ.
    text = "ندد مسعود بارزاني بالهجوم على أربيل."
    ev = _events(text, date(2010, 5, 1))
    assert ev and (ev[0].source.country, ev[0].source.sector) == ("KUR", "GOV")
