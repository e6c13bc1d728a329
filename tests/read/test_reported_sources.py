"""The source of Arabic events told in reported speech (helper arsource).

The sentences are from the dev sets the rules were written on: the Arabic coding
and detection dev files, the place sets and ``evaluation/arabic_sources_probe.jsonl``.
"""

from __future__ import annotations

import pytest

from wiqaya.read.actors import load_actors
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document
from wiqaya.read.speech_roles import own_state, reporter, self_reporter


def _sides(text: str, event_type: str) -> list[tuple[str | None, str | None]]:
    res = read_document(DocumentInput("t", text, "ar"))
    return [(e.source.country, e.target.country) for e in res.events if e.event_type == event_type]


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        # The speaker's own state, «بلاده»: not the next country named.
        (
            "قال وزير الخارجية الفرنسي إن بلاده تدين الهجوم الروسي على كييف.",
            "ACCUSE",
            "FRA",
            "RUS",
        ),
        (
            "وقال المتحدث باسم الخارجية الصينية إن بلاده تعارض بشدة بيع أسلحة أمريكية لتايوان.",
            "REJECT",
            "CHN",
            "USA",
        ),
        # «إنها تدين»: the pronoun is the ministry that speaks.
        (
            "قالت وزارة الخارجية الإيرانية إنها تدين الغارات الأمريكية والبريطانية على اليمن.",
            "ACCUSE",
            "IRN",
            "USA",
        ),
        # A statement's «أن» clause opened by a verb that starts like the article.
        (
            "ذكرت وكالة الأنباء الإيرانية الرسمية أن وزير الخارجية الإيراني"
            " التقى نظيره العماني في مسقط.",
            "CONSULT",
            "IRN",
            "OMN",
        ),
        # A news agency that accuses acts, with the nationality after its name.
        (
            "اتهمت وكالة الأنباء الرسمية السورية إسرائيل بشن هجمات على مواقع عسكرية.",
            "ACCUSE",
            "SYR",
            "ISR",
        ),
        # A count opens the object: the nationality after it is not the force's.
        (
            "وحسب ما أفادت وكالة وفا، اعتقلت قوات الاحتلال 15 فلسطينيا من الضفة الغربية.",
            "COERCE",
            "ISR",
            "PSE",
        ),
    ],
)
def test_the_speaker_and_the_reported_clause(
    text: str, event_type: str, source: str, target: str
) -> None:
    assert (source, target) in _sides(text, event_type)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A bare army after «إن» is the official's, not the struck place's.
        ("قال مسؤول إسرائيلي إن الجيش قصف مواقع لحزب الله في جنوب لبنان ليلة الثلاثاء.", "ISR"),
        # The force after «إن», not the speaker's region.
        ("قال حاكم منطقة بيلغورود الروسية إن القوات الأوكرانية قصفت المدينة بالصواريخ.", "UKR"),
        # The speaker's forces, by their pronoun (dev, coding-assault).
        ("وأعلن الجيش الامريكي في وقت لاحق أن قواته قتلت مسلحا خلال عمليات في العاصمة.", "USA"),
        ("قال الناطق باسم الجيش الإسرائيلي إن طائراته استهدفت مستودعا للأسلحة في دمشق.", "ISR"),
        # The announcer of its own strike (dev, places set 5).
        (
            "قالت جبهة البوليساريو إنها قصفت مواقع للجيش المغربي قرب المحبس في الصحراء الغربية",
            "ESH",
        ),
        ("أعلنت هيئة الأركان الأوكرانية أن قواتها قصفت مصفاة نفط في منطقة روستوف الروسية.", "UKR"),
        ("أعلنت وزارة الدفاع الروسية أنها دمرت مستودعات للذخيرة في منطقة دونيتسك.", "RUS"),
        # The occupation's aircraft and army are the occupier's.
        (
            "قال الناطق باسم وزارة الداخلية في غزة إن طائرات الاحتلال قصفت"
            " مركزا للشرطة في خان يونس.",
            "ISR",
        ),
        # «بلدة» is a town, no speaker's state; the strike's adjective names who struck.
        ("قال متحدث باسم الجيش اللبناني إن بلدة الخيام تعرضت لقصف مدفعي إسرائيلي.", "ISR"),
    ],
)
def test_who_struck_in_a_report(text: str, source: str) -> None:
    assert source in [s for s, _ in _sides(text, "ASSAULT")]


@pytest.mark.parametrize(
    "text",
    [
        # Unknown gunmen are nobody's: not the police that tells of them (dev, places set 1)
        "وقالت الشرطة العراقية إن مسلحين هاجموا نقطة تفتيش في الموصل",
        # nor the official who speaks (dev, coding-assault).
        "وأضاف المسؤول أن المسلحين خطفوا ما مجموعه 14 شخصا، إلا ان الشركة التي يعمل"
        " لحسابها الحراس الخمسة ذكرت من مقرها في الكويت انه تم الإفراج فيما بعد عن"
        " تسعة من سائقي الشاحنات.",
    ],
)
def test_the_teller_is_no_side(text: str) -> None:
    sides = _sides(text, "ASSAULT")
    assert sides and all(s is None for s, _ in sides)


def test_an_announced_strike_has_the_announcer_and_what_it_struck() -> None:
    # The claim verb is the trigger; its «أنها» clause tells the strike.
    text = "أعلنت كتائب القسام أنها قصفت مدينة تل أبيب برشقة صاروخية."
    assert ("PSE", "ISR") in _sides(text, "ASSAULT")


def test_a_soldier_killed_is_not_who_killed() -> None:
    # «أن جنديا أميركيا قتل»: unvowelled «قتل» is as often «قُتل» (dev, coding-assault).
    text = (
        "من جهته، أعلن الجيش الأميركي بالعراق أمس أن جنديا أميركيا قتل وأصيب 10 آخرون"
        " في هجوم انتحاري بمحافظة ديالى شمال شرقي بغداد."
    )
    assert "USA" not in [s for s, _ in _sides(text, "ASSAULT")]


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        # The speaker acts by speaking: the rules above must not move these.
        (
            "هدد وزير الدفاع الإسرائيلي بتدمير بيروت إذا واصل حزب الله هجماته.",
            "THREATEN",
            "ISR",
            "LBN",
        ),
        ("طالب الرئيس التركي روسيا بوقف الهجمات على المدنيين في إدلب.", "REQUEST", "TUR", "RUS"),
        (
            "اتهم المتحدث باسم الخارجية الصينية واشنطن بالتدخل في الشؤون الداخلية للصين.",
            "ACCUSE",
            "CHN",
            "USA",
        ),
        ("نددت وزارة الخارجية السعودية بالهجوم الإسرائيلي على مدينة رفح.", "ACCUSE", "SAU", "ISR"),
    ],
)
def test_a_speaker_who_acts_keeps_the_act(
    text: str, event_type: str, source: str, target: str
) -> None:
    assert (source, target) in _sides(text, event_type)


def _mentions(text: str) -> tuple[list, list]:
    tokens = tokenize(text, 0)
    return tokens, load_actors().mentions(tokens, text)


def test_own_state_is_the_speaker_s_and_never_a_town() -> None:
    text = "قال السفير الروسي في واشنطن إن بلاده لن تقبل بالعقوبات الأمريكية الجديدة."
    tokens, actors = _mentions(text)
    # The ambassador speaks, not the city he is in.
    assert [m.country for m in own_state(tokens, actors, text, 0)] == ["RUS"]
    # «بلده» written with «ه» is his country; «بلدة» (the same letters folded) a town.
    for word, found in (("بلده", ["RUS"]), ("بلدة", [])):
        text = f"قال السفير الروسي إن {word} ترفض العقوبات."
        tokens, actors = _mentions(text)
        assert [m.country for m in own_state(tokens, actors, text, 0)] == found


def test_a_news_outlet_is_no_speaker() -> None:
    text = "نقلت وكالة رويترز عن مصادر أمنية أن الجيش الباكستاني قتل 12 مسلحا."
    tokens, actors = _mentions(text)
    that = next(k for k, t in enumerate(tokens) if t.norm == "ان")
    assert reporter(tokens, that, actors, text, 0) is None


def test_the_pronoun_of_that_agrees_with_its_speaker() -> None:
    def speaker(text: str) -> str | None:
        tokens, actors = _mentions(text)
        that = next(k for k, t in enumerate(tokens) if t.norm in ("انه", "انها"))
        who = self_reporter(tokens, that, actors, text, 0)
        return who.country if who is not None else None

    assert speaker("قالت وزارة الخارجية الإيرانية إنها تدين الغارات.") == "IRN"
    # The minister is no «ها»: the pronoun is someone else.
    assert speaker("قال وزير الخارجية الإيراني عن إسرائيل إنها تهدد السلام.") is None
