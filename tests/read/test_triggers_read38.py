"""Lead's fifth current-news pass (`triggers-2026.11.28`, `actors-add-2026.11.37`, coder
`read38`): a gapped pair's own preposition, recognition and exercises, criticism addressed,
standing by a side, the bomber of a named group, a drone belonging to a force, the economic
«قطاع», Moroccans and Tunisians by their broken plurals.

Sentences from the Arabic dev split (`../shared/data/arabic_event_gsr`) where it has the
form, else 2015-2026 news written for the round.
"""

from __future__ import annotations

import pytest

from wiqaya.read.actors import load_actors
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document


def events(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Event type -> (source country, target country, source text)."""
    return {
        e.event_type: (e.source.country, e.target.country, e.source.text)
        for e in read_document(DocumentInput("d", text, "ar")).events
    }


def coded(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {k: v[:2] for k, v in events(text).items()}


@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        # «أعرب … عن»: the verb's own «عن» no longer breaks the pair.
        ("أعربت دولة الإمارات عن دعمها الكامل للجهود المصرية الرامية إلى وقف إطلاق النار.",
         "SUPPORT", "ARE"),
        ("أعرب وزير الخارجية الإيراني عن استعداد بلاده لاستئناف المفاوضات.", "AGREE", "IRN"),
        ("تراجعت الحكومة التونسية عن قرار رفع أسعار الخبز بعد احتجاجات واسعة.", "CONCEDE", "TUN"),
    ],
)  # fmt: skip
def test_a_verb_and_its_own_preposition_keep_the_pair(text: str, etype: str, source: str) -> None:
    assert coded(text)[etype][0] == source


def test_another_preposition_still_breaks_the_pair() -> None:
    # «علّق على بث»: a comment on a broadcast, no suspension of it.
    assert "COERCE" not in coded("علق المتحدث باسم الحكومة على بث المقابلة أمس.")


def test_suspending_a_broadcast_is_coerce() -> None:
    assert coded("علقت السلطات المالية بث قناة فرانس 24 الفرنسية.")["COERCE"][0] == "MLI"


def test_recognition_as_a_noun_is_support() -> None:
    assert coded("أعلنت فرنسا اعترافها رسميا بدولة فلسطين.")["SUPPORT"] == ("FRA", "PSE")


def test_military_exercises_mobilise_and_joint_ones_cooperate() -> None:
    alone = coded("أجرى الجيش الإيراني مناورات عسكرية واسعة قرب مضيق هرمز.")
    assert alone["MOBILIZE"][0] == "IRN"
    joint = coded("أجرت مصر والسعودية مناورات عسكرية مشتركة في البحر الأحمر.")
    assert "COOPERATE" in joint and "MOBILIZE" not in joint


def test_criticism_addressed_is_accuse_and_criticism_faced_is_not() -> None:
    assert coded("وجهت طهران انتقادات حادة لواشنطن بسبب دعمها العمليات الإسرائيلية.")["ACCUSE"] == (
        "IRN",
        "USA",
    )
    # Dev text: criticism faced names no accuser.
    assert "ACCUSE" not in coded("وواجهت السلطات الاميركية انتقادات واسعة من منظمات حقوق الإنسان.")


def test_standing_by_a_side_is_support() -> None:
    text = "أكد رئيس الوزراء العراقي وقوف بلاده إلى جانب سوريا في مواجهة الإرهاب."
    assert coded(text)["SUPPORT"][0] == "IRQ"


def test_a_grant_handed_over_is_aid() -> None:
    text = (
        "سلمت المملكة العربية السعودية اليمن منحة جديدة من المشتقات النفطية لتشغيل محطات الكهرباء."
    )
    assert coded(text)["AID"][0] == "SAU"


def test_the_bomber_of_a_named_group_is_the_source() -> None:
    # Dev text: the attacker and his group, not the group as the target.
    text = (
        "قالت الشرطة الأفغانية إن مهاجما انتحاريا من حركة طالبان، فجر حافلة تابعة للشرطة "
        "في العاصمة كابول أمس، مما أسفر عن سقوط نحو 35 قتيلا"
    )
    assert "طالبان" in (events(text)["ASSAULT"][2] or "")
    text = "فجر انتحاري من حركة الشباب نفسه داخل مطعم في العاصمة الصومالية مقديشو."
    source, target, words = events(text)["ASSAULT"]
    assert "الشباب" in (words or "") and target == "SOM"


def test_a_suicide_attack_names_no_bomber_of_its_own() -> None:
    # Dev text: «هجوم انتحاري» is an adjective, no partitive; the source stays as it was.
    text = "وأدى هجوم انتحاري بسيارة مفخخة في ابريل (نيسان) الماضي الى مقتل 71 شخصا وإصابة 178."
    assert events(text)["ASSAULT"][2] is None


def test_a_drone_belonging_to_a_force_is_its_strike() -> None:
    text = "قصفت طائرة مسيرة تابعة لقوات الدعم السريع محطة كهرباء في مدينة عطبرة."
    source, target, words = events(text)["ASSAULT"]
    assert (source, target) == ("SDN", "SDN")
    assert words is not None and words.startswith("طائرة مسيرة")


def mentions(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.country) for m in load_actors().mentions(tokenize(text), text)]


@pytest.mark.parametrize(
    "text",
    ["شددت واشنطن العقوبات على قطاع النفط الإيراني", "نمو القطاع الخاص", "قطاع واسع من الشباب"],
)
def test_an_economic_sector_is_not_the_gaza_strip(text: str) -> None:
    assert "PSE" not in [c for _, c in mentions(text)]


@pytest.mark.parametrize(
    "text", ["فرضت إسرائيل حصارا على القطاع", "قصف بقطاع غزة", "دخلت الشاحنات إلى القطاع"]
)
def test_the_strip_alone_is_still_gaza(text: str) -> None:
    assert "PSE" in [c for _, c in mentions(text)]


def test_moroccans_and_tunisians_by_their_broken_plurals() -> None:
    assert ("آلاف المغاربة", "MAR") in mentions("خرج آلاف المغاربة في مسيرة حاشدة بالرباط")
    assert "TUN" in [c for _, c in mentions("تظاهر التوانسة أمام البرلمان")]


def test_the_atomic_energy_agency_is_international() -> None:
    text = "دعت الوكالة الدولية للطاقة الذرية إيران إلى السماح بعودة المفتشين."
    assert coded(text)["REQUEST"] == ("IGO", "IRN")


def test_brandishing_a_strike_is_a_threat_not_a_strike() -> None:
    found = coded("لوح نتنياهو بضرب المنشآت النووية الإيرانية.")
    assert found["THREATEN"][0] == "ISR" and "ASSAULT" not in found


def test_an_ultimatum_is_a_threat() -> None:
    text = "أمهلت أنقرة قوات سوريا الديمقراطية أسبوعا للانسحاب من منبج."
    assert coded(text)["THREATEN"][0] == "TUR"


@pytest.mark.parametrize(
    ("text", "etype", "sides"),
    [
        ("تبادلت مصر والأردن المعلومات الاستخباراتية حول خلايا متطرفة.", "COOPERATE",
         ("EGY", "JOR")),
        ("علقت الجزائر معاهدة الصداقة وحسن الجوار مع إسبانيا.", "SANCTION", ("DZA", "ESP")),
        ("اتهمت وزارة الخارجية الفلسطينية الاحتلال بارتكاب جرائم حرب في جنين.", "ACCUSE",
         ("PSE", "ISR")),
    ],
)  # fmt: skip
def test_acts_between_two_named_sides(text: str, etype: str, sides: tuple[str, str]) -> None:
    assert coded(text)[etype] == sides


def test_she_met_is_a_meeting() -> None:
    assert "CONSULT" in coded("التقت وزيرة الخارجية الألمانية نظيرها المصري في برلين.")


def test_food_rations_handed_out_are_aid() -> None:
    text = "وزع برنامج الأغذية العالمي حصصا غذائية على آلاف النازحين في ولاية الجزيرة."
    assert coded(text)["AID"][0] == "IGO"


def test_an_attack_word_ending_the_sentence_reads() -> None:
    # «مسلح» as the last word: the bomber's rule looked one word past the end.
    text = "أعلنت الشرطة حظر التجول في مدينة بعقوبة مركز ديالى بعد هجوم مسلح"
    assert "ASSAULT" in coded(text)


def coded_en(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.event_type, e.source.country, e.target.country)
        for e in read_document(DocumentInput("d", text, "en")).events
    ]


def test_vowing_to_keep_attacking_is_a_threat() -> None:
    found = coded_en("The Houthis vowed to keep targeting American warships in the Red Sea.")
    assert ("THREATEN", "YEM", "USA") in found and not any(e == "AGREE" for e, _, _ in found)


def test_reversing_a_decision_is_a_concession() -> None:
    text = "Tunisia's government reversed a decision to raise bread prices after days of unrest."
    assert ("CONCEDE", "TUN", None) in coded_en(text)


def test_the_broker_of_a_truce_is_no_side() -> None:
    text = "Lebanon and Israel agreed to a U.S.-brokered ceasefire that took effect on Wednesday."
    found = coded_en(text)
    assert ("AGREE", "LBN", "ISR") in found and ("AGREE", "ISR", "LBN") in found
    assert not any(t == "USA" for _, _, t in found)


def test_the_state_of_palestine_is_palestine() -> None:
    text = "France formally recognised the State of Palestine at the United Nations."
    assert ("SUPPORT", "FRA", "PSE") in coded_en(text)


@pytest.mark.parametrize(
    "text",
    [
        "شنت روسيا هجوما واسعا بالصواريخ والمسيرات على البنية التحتية للطاقة في أوكرانيا.",
        "هاجمت روسيا أوكرانيا بالمسيرات.",
    ],
)
def test_a_state_attacking_with_a_weapon_named_uses_force(text: str) -> None:
    assert coded(text)["ASSAULT"] == ("RUS", "UKR")


def test_an_attack_in_words_is_no_force() -> None:
    text = "شن الرئيس هجوما حادا على المعارضة في خطابه أمس."
    assert "ASSAULT" not in coded(text)


def test_arrest_warrants_with_tawqif_are_coerce() -> None:
    # Dev text.
    text = (
        "وكانت المحكمة الجنائية الدولية قد اصدرت في يوليو 2005 مذكرات توقيف بحق جوزف كوني "
        "وثلاثة من مساعديه"
    )
    assert "COERCE" in coded(text)


def test_a_joint_operation_is_cooperation_between_its_partners() -> None:
    found = coded_en("Iraq and Turkey launched a joint operation against PKK militants.")
    assert ("COOPERATE", "IRQ", "TUR") in found and ("COOPERATE", "TUR", "IRQ") in found
    text = "سيرت القوات الروسية والتركية دوريات مشتركة في ريف الحسكة."
    assert coded(text)["COOPERATE"] == ("RUS", "TUR")


def test_an_attack_of_a_named_group_names_the_attacker() -> None:
    text = "قتل ثلاثة جنود أتراك في هجوم لمسلحي حزب العمال الكردستاني شمالي العراق."
    source, target, words = events(text)["ASSAULT"]
    assert target == "TUR" and "حزب العمال الكردستاني" in (words or "")


def test_dant_condemns() -> None:
    assert coded("دانت الخارجية السودانية الهجوم على مخيم زمزم للنازحين.")["ACCUSE"][0] == "SDN"
