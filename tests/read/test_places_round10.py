"""Places, tenth round: a nationality adjective says whose, not where.

«سورية» is Syria, so «الحكومة السورية» read the adjective as the country; «السعودية»
is both Saudi Arabia and its feminine adjective. Sentences marked "dev" are from the
dev detection splits (``arabic_event_gsr``); the others are written here in news style
(several are rows of ``evaluation/places_probe10.jsonl``, the round's own probe). None
is from a blind set.
"""

from __future__ import annotations

import pytest
from read_lookups import one_event
from read_lookups import place_mention as _mention
from read_lookups import resolved_country as _resolved


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # The article, which no country of these names takes.
        ("قالت الحكومة السورية إن الانتخابات ستجري في موعدها", "السورية"),
        ("قالت الرئاسة السوريّة في بيان إن الرئيس استقبل الوفد", "السوريّة"),
        ("وقعت اشتباكات بين القوات التركية والسورية قرب الحدود", "والسورية"),
        ("تحدث الوزير للحكومة السورية عن خطط إعادة الإعمار", "السورية"),
        # dev
        ("كما زار قهوجي نائب القائد العام للجيش والقوات المسلحة السورية، وزير الدفاع", "السورية"),
        # Swedish police, not Samandağ (Süveydiye) in Turkey.
        ("قالت الشرطة السويدية إن عصابة جندت مراهقين", "السويدية"),
        ("قالت الحكومة الجيبوتية إنها أغلقت الحدود", "الجيبوتية"),
        # The accusative tanwin, which no country takes. (dev)
        ("ان «خمسة من 13 إثيوبياً خطفوا على أيدي رجال مسلحين الخميس", "إثيوبياً"),
        ("قُتل ثلاثة عشر سوريّاً في غرق قارب قبالة السواحل", "سوريّاً"),
        # A number right before a «ـيا» name: Libyans.
        ("أوقفت الشرطة 15 ليبيا بتهمة التهريب", "ليبيا"),
        # A noun news qualifies by nationality.
        ("نقلت وكالة الأنباء عن مصادر سورية أن الطائرات قصفت مواقع المسلحين", "سورية"),
        ("قالت ناشطة سورية إن القصف لم يتوقف", "سورية"),
        # Both in the accusative, the tanwin unwritten: a Syrian citizen, a Turkish soldier.
        ("اعتقلت الشرطة مواطنا سوريا في المطار", "سوريا"),
        ("قتل مسلحون جنديا تركيا في هجوم على نقطة حدودية", "تركيا"),
        # «السعودية» agreeing with the noun before it: a feminine noun, a plural,
        # a broken plural, the first noun of a construct, another adjective.
        ("قالت وزارة الداخلية السعودية إنها نفذت حكم الإعدام", "السعودية"),
        ("نفذت الطائرات السعودية غارات على مواقع الحوثيين", "السعودية"),
        ("نقلت وكالة الأنباء السعودية عن مصدر مسؤول", "السعودية"),
        ("داهمت قوات الأمن السعودية مواقع في محافظة القطيف", "السعودية"),
        ("بحث الوزيران بنود المبادرة السورية - السعودية وإعادة جدولتها", "السعودية"),
        ("وقعت شركة سعودية عقدا لبناء محطة كهرباء", "سعودية"),
        # Qatar News Agency, not Qena.
        ("نقلت وكالة الأنباء القطرية (قنا) عن مسؤول قوله إن الوفد وصل", "قنا"),
    ],
)
def test_adjectives_and_agencies_are_no_places(text: str, word: str) -> None:
    assert _resolved(text, word) is None, text


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        # The countries themselves stay.
        ("زار الرئيس سورية لأول مرة منذ سنوات", "سورية", "SYR"),
        ("قالت وزارة الخارجية إن الوزير سيتوجه إلى سورية الأسبوع المقبل", "سورية", "SYR"),
        ("وصل الرئيس إلى جيبوتي في زيارة رسمية", "جيبوتي", "DJI"),
        ("زار رئيس الوزراء تركيا الأسبوع الماضي", "تركيا", "TUR"),
        # A construct head without the article is no adjective's noun.
        ("غرق عشرون مهاجرا قبالة سواحل جيبوتي", "جيبوتي", "DJI"),
        # dev: a year across a comma is no count of people.
        (
            "الذي اختطفته المخابرات الاميركية من إيطاليا عام 2003، مصر وأميركا فتح صفحة جديدة",
            "مصر",
            "EGY",
        ),
        # «السعودية» as the country: after a particle, a verb, a construct noun, a
        # country, a masculine plural, or opening the sentence.
        ("وصل وزير الخارجية إلى السعودية في زيارة رسمية", "السعودية", "SAU"),
        ("استدعت السعودية سفيرها لدى لبنان", "السعودية", "SAU"),
        ("سقطت شظايا صاروخ في منطقة جازان جنوبي السعودية", "السعودية", "SAU"),
        ("وقعت مصر والسعودية اتفاقية لترسيم الحدود البحرية", "والسعودية", "SAU"),
        ("بين الإمارات والسعودية خلاف على الحصص النفطية", "والسعودية", "SAU"),
        ("تصاعد التوتر بين الحوثيين والسعودية بعد الهجوم", "والسعودية", "SAU"),
        ("السعودية تعلن اعتراض صاروخ باليستي", "السعودية", "SAU"),
        # A place settled by the adjective near it is still read.
        ("اشتبك الجيش اللبناني مع مسلحين في طرابلس", "طرابلس", "LBN"),
        ("قصفت القوات الروسية أحياء في حلب السورية", "حلب", "SYR"),
        # Lebanon's Rashidieh camp and Morocco's Errachidia, by the words around.
        ("سقطت قذيفة في مخيم الرشيدية قرب صور", "الرشيدية", "LBN"),
        ("نظمت مسيرة في مدينة الرشيدية جنوب شرق المغرب", "الرشيدية", "MAR"),
        ("نُقل الجرحى إلى مستشفى في مدينة قنا بصعيد مصر", "قنا", "EGY"),
    ],
)
def test_countries_and_settled_places_stay(text: str, word: str, country: str) -> None:
    assert _resolved(text, word) == country, text


def test_a_bare_rashidieh_is_not_guessed() -> None:
    m = _mention("قتل شخص في الرشيدية", "الرشيدية")
    assert m is not None and m.status == "ambiguous"
    assert {c.country for c in m.candidates} == {"LBN", "MAR"}


def test_an_actor_adjective_is_no_event_location() -> None:
    # The Syrian army is who acts; the sentence names no place where.
    ev = one_event("قصفت القوات الحكومية السورية مواقع المعارضة بالمدفعية", "ASSAULT")
    assert ev.location is None
    ev = one_event("قصفت القوات الحكومية السورية مواقع المعارضة في إدلب", "ASSAULT")
    assert ev.location is not None and ev.location.surface == "إدلب"


def test_added_towns_have_coordinates() -> None:
    for text, name, lat in (
        ("قصفت طائرات مسيرة مواقع في رأس كامبوني", "رأس كامبوني", -1.6),
        ("اندلعت اشتباكات في حي المعلا بعدن", "المعلا", 12.8),
        ("قصفت المدفعية قرى في مديرية رازح بصعدة", "رازح", 16.9),
    ):
        m = _mention(text, name)
        assert m is not None and m.place is not None, text
        assert m.place.lat is not None and abs(m.place.lat - lat) < 0.1, text
