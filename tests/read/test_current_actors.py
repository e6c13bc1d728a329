"""Armed groups and organisations of 2011–2026 news, which the PETRARCH dictionaries predate.

The Arabic gold (2007–2008) names none of them, so these sentences are written
in the register of current news. Each asserts the code a CAMEO-style coder gives
the group (actors-add-2026.11.26), and the two readings the additions must not
break: the state's army next to a rebel army's name, and a clitic word.
"""

from __future__ import annotations

from datetime import date

import pytest

from wiqaya.read.actors import load_actors
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document


def actors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.country, m.sector) for m in load_actors().mentions(tokenize(text), text)]


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("قالت جبهة تحرير شعب تيغراي إن قواتها انسحبت", "جبهة تحرير شعب تيغراي", "ETH", "REB"),
        ("هاجمت قسد مواقع لتنظيم الدولة في دير الزور", "قسد", "SYR", "REB"),
        ("سيطرت هيئة تحرير الشام على مدينة حلب", "هيئة تحرير الشام", "SYR", "REB"),
        ("أعلن الجيش السوري الحر سيطرته على المعبر", "الجيش السوري الحر", "SYR", "REB"),
        ("قصفت قوات الحشد الشعبي مواقع للتنظيم", "قوات الحشد الشعبي", "IRQ", "MIL"),
        ("وصلت قوات فاغنر إلى باماكو", "قوات فاغنر", "RUS", "MIL"),
        ("هاجمت قوات حفتر العاصمة", "قوات حفتر", "LBY", "MIL"),
        ("سيطر المجلس الانتقالي الجنوبي على عدن", "المجلس الانتقالي الجنوبي", "YEM", "REB"),
        ("شن التحالف العربي غارات على صنعاء", "التحالف العربي", "SAU", "MIL"),
        ("اتهمت جبهة البوليساريو المغرب بخرق الهدنة", "جبهة البوليساريو", "ESH", "REB"),
        ("نددت منظمة العفو الدولية بحملة القمع", "منظمة العفو الدولية", "NGO", "HRI"),
        ("The Syrian Democratic Forces said", "Syrian Democratic Forces", "SYR", "REB"),
        ("Haftar's forces shelled the capital", "Haftar's forces", "LBY", "MIL"),
        ("Fano militiamen clashed with federal troops", "Fano militiamen", "ETH", "REB"),
        ("the Saudi-led coalition struck Sanaa", "Saudi-led coalition", "SAU", "MIL"),
        ("Human Rights Watch said", "Human Rights Watch", "NGO", "HRI"),
    ],
)
def test_a_current_group_has_its_code(text: str, name: str, country: str, sector: str) -> None:
    assert (name, country, sector) in actors(text)


def test_the_state_army_is_still_the_state_army() -> None:
    # «الجيش السوري الحر» must not swallow the state's army.
    assert ("الجيش السوري", "SYR", "MIL") in actors("اشتبكت قسد مع الجيش السوري قرب منبج")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # dev sentences: a clitic word must keep its clitic reading
        ("وفي بيان اخر للجيش الاميركي اعلن ان ثلاثة اطفال عراقيين قتلوا", "للجيش الاميركي", "USA"),
        ("في هجوم قام به تحالف الطوارق ضد معسكر للجيش المالي", "للجيش المالي", "MLI"),
    ],
)
def test_a_clitic_army_is_still_read(text: str, name: str, country: str) -> None:
    assert (name, country, "MIL") in actors(text)


def test_jnim_attack_names_an_international_militant_group() -> None:
    result = read_document(
        DocumentInput(
            id="j",
            text="قتل عشرة جنود في هجوم شنته جماعة نصرة الإسلام والمسلمين على ثكنة في وسط مالي.",
            date=date(2024, 5, 2),
        )
    )
    sources = {e.source.country for e in result.events if e.event_type == "ASSAULT"}
    assert "IMG" in sources


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Palestinian news: the unnamed occupation is Israel's, not the place's country.
        ("نفذت قوات الاحتلال حملة اعتقالات واسعة في الضفة الغربية طالت 30 فلسطينيا.", "ISR"),
        ("اعتقلت قوات الاحتلال خمسة شبان من مخيم جنين فجر اليوم.", "ISR"),
        # Iraqi news of 2003–2011: the US-led forces.
        ("اعتقلت قوات الاحتلال عشرة أشخاص في الفلوجة.", "USA"),
    ],
)
def test_an_unnamed_occupation_takes_the_occupier(text: str, country: str) -> None:
    result = read_document(DocumentInput(id="o", text=text, date=date(2024, 1, 20)))
    coerce = [e for e in result.events if e.event_type == "COERCE"]
    assert coerce and coerce[0].source.country == country


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        # dev sentence: the UN's Secretary-General, with «لل» on the UN.
        (
            "وقال متحدث باسم بان كي مون إن الامين العام للامم المتحدة كرر في مباحثاته "
            "مع الحريري موقفه",
            "الامين العام للامم المتحدة",
            "IGO",
            "GOV",
        ),
        ("وجه المجلس نداء للأمم المتحدة", "للأمم المتحدة", "IGO", None),
        ("وصل المبعوث الأممي إلى بنغازي", "المبعوث الأممي", "IGO", "GOV"),
    ],
)
def test_a_name_after_a_clitic_is_read(
    text: str, name: str, country: str, sector: str | None
) -> None:
    # A dictionary phrase holding «للامم» must not make «للامم» a word of its own.
    assert (name, country, sector) in actors(text)


@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        # «طالب» is «he demanded», not «a student» of the Council.
        (
            "طالب مجلس الأمن الدولي بوقف فوري لإطلاق النار في السودان.",
            "REQUEST",
            "مجلس الأمن الدولي",
        ),
        # dev sentence: «الداعية» is a man, the subject of «طالب».
        (
            "طالب الداعية الإسلامي «أبو عمر المصري (44 عاما)» الذي اختطفته المخابرات الاميركية "
            "من إيطاليا عام 2003، مصر وأميركا فتح صفحة جديدة مع الإسلام",
            "REQUEST",
            "الداعية الإسلامي",
        ),
        # The short name of the United Arab Emirates.
        ("أرسلت الإمارات مساعدات إنسانية إلى السودان عبر تشاد.", "AID", "الإمارات"),
    ],
)
def test_the_verb_is_no_part_of_its_subject(text: str, etype: str, source: str) -> None:
    result = read_document(DocumentInput(id="v", text=text, date=date(2024, 3, 8)))
    assert any(e.event_type == etype and e.source.text == source for e in result.events)


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        # A ministry names no country by itself: the demonym after it does.
        (
            "استدعت وزارة الخارجية الجزائرية السفير الفرنسي",
            "وزارة الخارجية الجزائرية",
            "DZA",
            "GOV",
        ),
        ("قالت وزارة العمل المصرية إن", "وزارة العمل المصرية", "EGY", "GOV"),
        (
            "اجتمع مجلس الأمن الوطني العراقي برئاسة السوداني",
            "مجلس الأمن الوطني العراقي",
            "IRQ",
            "GOV",
        ),
        ("نظمت لجان المقاومة مواكب في الخرطوم", "لجان المقاومة", None, "OPP"),
        ("أعلنت لجان المقاومة الشعبية مسؤوليتها عن القصف", "لجان المقاومة الشعبية", "PSE", "REB"),
        ("دعا الحراك الجنوبي إلى عصيان مدني في عدن", "الحراك الجنوبي", "YEM", "OPP"),
    ],
)
def test_institutions_and_movements(
    text: str, name: str, country: str | None, sector: str | None
) -> None:
    assert (name, country, sector) in actors(text), actors(text)


def test_the_international_community_is_no_civilian_actor() -> None:
    # «المجتمع الدولي» was read as «المجتمع», civilians of the event's country.
    assert actors("دعا الفاتيكان المجتمع الدولي إلى مساعدة المسيحيين") == [
        ("الفاتيكان", "VAT", None)
    ]


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("رفض المجلس الرئاسي الليبي قرار البرلمان", "المجلس الرئاسي الليبي", "LBY", "GOV"),
        ("أعلن مجلس السيادة السوداني حالة الطوارئ", "مجلس السيادة", "SDN", "GOV"),
        ("قالت هيئة الأركان الإسرائيلية إن", "هيئة الأركان الإسرائيلية", "ISR", "MIL"),
        ("أنقذ خفر السواحل الليبي مهاجرين", "خفر السواحل الليبي", "LBY", "MIL"),
    ],
)
def test_state_bodies_named_by_their_office(
    text: str, name: str, country: str, sector: str
) -> None:
    assert (name, country, sector) in actors(text), actors(text)
