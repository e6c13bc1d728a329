"""Lead's fourth current-news pass (`triggers-2026.11.25`, coder `read37`): claimed strikes,
congratulations written with their hamza, a gapped object after a placed subject, a longer
reach from a verb of doing to its strike.

Sentences from the Arabic dev split (`../shared/data/arabic_event_gsr`) where it has the
form, else 2015-2026 news written for the round.
"""

from __future__ import annotations

import pytest

from wiqaya.read.pipeline import DocumentInput, read_document


def coded(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Event type -> (source country, target country)."""
    return {
        e.event_type: (e.source.country, e.target.country)
        for e in read_document(DocumentInput("d", text, "ar")).events
    }


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("أعلنت جماعة الحوثي استهداف سفينة تجارية في البحر الأحمر بصاروخ باليستي.", "YEM", None),
        ("أعلن الجيش الإسرائيلي استهداف مواقع لحزب الله في جنوب لبنان.", "ISR", "LBN"),
        ("تبنت جماعة الحوثي قصف مدينة إيلات بصواريخ بالستية.", "YEM", "ISR"),
    ],
)
def test_a_force_that_claims_a_strike_made_it(text: str, source: str, target: str | None) -> None:
    assert coded(text)["ASSAULT"] == (source, target)


def test_a_ministry_that_targets_dealers_claims_no_strike() -> None:
    assert "ASSAULT" not in coded("أعلنت وزارة الداخلية استهداف تجار المخدرات في حملة جديدة.")


def test_a_strike_after_a_long_named_force_is_still_a_strike() -> None:
    text = "شن الطيران الحربي الإسرائيلي سلسلة غارات على بلدات في جنوب لبنان فجر اليوم."
    assert coded(text)["ASSAULT"] == ("ISR", "LBN")


def test_an_ambassador_expelled_by_authorities_placed_in_their_country() -> None:
    text = "طردت السلطات في النيجر السفير الفرنسي ومنحته ثمانياً وأربعين ساعة لمغادرة البلاد."
    assert coded(text)["SANCTION"] == ("NER", "FRA")


def test_a_preposition_right_before_the_object_still_breaks_the_pair() -> None:
    # «علّق على عضوية»: a comment on the membership, no suspension of it.
    assert "SANCTION" not in coded("علق المتحدث باسم الخارجية على عضوية تركيا في الحلف.")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "هنأ رئيس دولة الإمارات الشيخ محمد بن زايد رئيس مجلس السيادة السوداني "
            "بمناسبة ذكرى الاستقلال.",
            "ARE",
            "SDN",
        ),
        (
            "وهنأ العاهل المغربي الملك محمد السادس الرئيس السنغالي بمناسبة فوزه في الانتخابات.",
            "MAR",
            "SEN",
        ),
        # Dev split: Hamas congratulates its students' bloc.
        (
            "وقال بيان لحماس انها تهنئ أبناءها في الكتلة الإسلامية في جامعة بيرزيت، بحصولهم "
            "على 19 مقعداً من اصل 51",
            "PSE",
            None,
        ),
    ],
)
def test_congratulations_written_with_their_hamza_are_support(
    text: str, source: str, target: str | None
) -> None:
    assert coded(text)["SUPPORT"] == (source, target)


@pytest.mark.parametrize(
    "text",
    ["قال الوزير إن القوات ستبقى هنا حتى نهاية العام.", "وهنا يبرز سؤال عن مستقبل الحكومة."],
)
def test_here_is_no_congratulation(text: str) -> None:
    assert "SUPPORT" not in coded(text)


def test_killed_by_a_forces_fire_is_its_assault_on_the_dead() -> None:
    text = "قتل ثلاثة فلسطينيين برصاص الجيش الإسرائيلي خلال اقتحام مخيم جنين."
    assert coded(text)["ASSAULT"] == ("ISR", "PSE")


def test_a_force_that_attacks_a_camp_assaults_it() -> None:
    assert coded("هاجمت قوات الدعم السريع مخيم زمزم للنازحين قرب الفاشر.")["ASSAULT"] == (
        "SDN",
        "SDN",
    )


def test_a_minister_who_attacks_a_movement_in_words_strikes_nobody() -> None:
    # Dev split: Rice «attacked» Hamas in a statement.
    text = "وهاجمت رايس حماس قائلة «ان حماس من خلال الانقلاب غير المشروع خلقت ظروفا صعبة»"
    assert "ASSAULT" not in coded(text)


@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        ("سحبت روسيا جزءاً من قواتها من قاعدة حميميم في سوريا.", "RETREAT", "RUS"),
        (
            "جددت جامعة الدول العربية دعمها لحق الشعب الفلسطيني في إقامة دولته المستقلة.",
            "SUPPORT",
            "IGO",
        ),
        ("أصدرت محكمة جزائرية حكماً بسجن الكاتب بوعلام صنصال خمس سنوات.", "COERCE", "DZA"),
        # Dev split: a Turkish court sentences seven militants.
        (
            "أصدرت محكمة تركية حكما بالسجن على سبعة متشددين إسلاميين لإدانتهم بالانتماء الى "
            "جماعة مسلحة",
            "COERCE",
            "TUR",
        ),
    ],
)
def test_withdrawals_reaffirmed_support_and_prison_sentences(
    text: str, etype: str, source: str
) -> None:
    assert coded(text)[etype][0] == source


@pytest.mark.parametrize(
    ("text", "etype", "pair"),
    [
        # A long name between verb and object counts as one word.
        (
            "علقت المجموعة الاقتصادية لدول غرب أفريقيا عضوية النيجر بعد الانقلاب.",
            "SANCTION",
            ("IGO", "NER"),
        ),
        (
            "حمل تقرير أممي قوات الدعم السريع مسؤولية ارتكاب جرائم حرب في الجنينة.",
            "ACCUSE",
            ("IGO", "SDN"),
        ),
        # Dev split: the prime minister's call to the army commander.
        (
            "وأجرى رئيس الحكومة فؤاد السنيورة اتصالا هاتفيا بقائد الجيش العماد ميشال سليمان",
            "CONSULT",
            ("LBN", "LBN"),
        ),
    ],
)
def test_a_long_name_between_verb_and_object_keeps_the_pair(
    text: str, etype: str, pair: tuple[str, str]
) -> None:
    assert coded(text)[etype] == pair


def test_five_plain_words_between_verb_and_object_still_part_them() -> None:
    # No name among them: «علق» comments, the «عضوية» is another clause's.
    text = "علق الوزير في مؤتمر صحفي طويل أمس على قضية عضوية تركيا"
    assert "SANCTION" not in coded(text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("وافقت إسرائيل ولبنان على ترسيم الحدود البحرية بوساطة أمريكية.", ("ISR", "LBN")),
        ("اتفق السودان وجنوب السودان على إعادة فتح المعابر الحدودية.", ("SDN", "SSD")),
        ("اتفقت الرياض وطهران على استئناف العلاقات الدبلوماسية", ("SAU", "IRN")),
    ],
)
def test_two_joined_subjects_who_agree_are_each_others_party(
    text: str, pair: tuple[str, str]
) -> None:
    assert coded(text)["AGREE"] == pair


def test_signing_an_accord_is_support_by_both_parties() -> None:
    # CAMEO 057 «sign formal agreement» is SUPPORT in CAMEO2PLOVER, as «sign» in English.
    found = coded("وقعت السعودية وباكستان اتفاقية دفاع مشترك.")
    assert found == {"SUPPORT": ("SAU", "PAK")}


def test_an_accord_signed_is_no_second_event() -> None:
    assert set(coded("تم توقيع اتفاق لوقف إطلاق النار في السودان")) == {"SUPPORT"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "حذر الحرس الثوري الإيراني إسرائيل من رد ساحق إذا استهدفت المنشآت النووية.",
            ("IRN", "ISR"),
        ),
        ("حذرت موسكو واشنطن من عواقب تزويد كييف بصواريخ بعيدة المدى.", ("RUS", "USA")),
    ],
)
def test_a_warning_to_a_named_side_is_a_threat(text: str, pair: tuple[str, str]) -> None:
    assert coded(text)["THREATEN"] == pair


@pytest.mark.parametrize(
    "text",
    [
        "حذرت الأمم المتحدة من مجاعة وشيكة في شمال دارفور.",
        "حذرت منظمة الصحة العالمية من تفشي الكوليرا في السودان.",
        "حذر وزير الخارجية المصري المواطنين من السفر إلى ليبيا.",
    ],
)
def test_a_warning_of_famine_or_to_citizens_threatens_nobody(text: str) -> None:
    assert "THREATEN" not in coded(text)


def test_a_particle_in_a_trigger_is_no_word_it_begins() -> None:
    # «بحث مع»: discussed with; «بحث معايير»: discussed standards.
    assert "CONSULT" not in coded("بحث المجلس معايير جديدة لتوزيع الموازنة.")


def test_a_strikes_nationality_is_who_struck_not_whom() -> None:
    text = (
        "وأفادت الوكالة الوطنية للإعلام بأن غارة إسرائيلية استهدفت سيارة على طريق بلدة "
        "الناقورة جنوبي لبنان، ما أدى إلى مقتل شخصين."
    )
    assert coded(text)["ASSAULT"] == ("ISR", "LBN")


def test_rockets_named_by_their_owner_fall_on_the_other_side() -> None:
    # Dev split: Qassam rockets on Ashkelon; the target was the rockets' own name.
    text = (
        "يذكر ان امس شهد سلسلة عمليات فلسطينية مكثفة، حيث أطلقت 5 صواريخ «قسام»، سقط "
        "أحدها في منطقة مفتوحة في مدينة عسقلان، و18 قذيفة مدفعية."
    )
    assert coded(text)["ASSAULT"] == ("PSE", "ISR")


@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        (
            "ونشرت جماعة الحوثي تعزيزات عسكرية كبيرة في محيط مدينة مأرب خلال الأيام الماضية.",
            "MOBILIZE",
            "YEM",
        ),
        (
            "وأعلن الصندوق الكويتي للتنمية تقديم منحة بقيمة عشرين مليون دولار لدعم إعادة "
            "الإعمار في سوريا.",
            "AID",
            "KWT",
        ),
    ],
)
def test_reinforcements_deployed_and_grants_offered(text: str, etype: str, source: str) -> None:
    assert coded(text)[etype][0] == source


@pytest.mark.parametrize(
    ("text", "etype", "pair"),
    [
        (
            "قالت لجان المقاومة في الفاشر إن قوات الدعم السريع قصفت مستشفى المدينة صباح اليوم.",
            "ASSAULT",
            ("SDN", "SDN"),
        ),
        (
            "أفاد المرصد السوري لحقوق الإنسان بأن طائرات إسرائيلية قصفت مواقع عسكرية قرب دمشق.",
            "ASSAULT",
            ("ISR", "SYR"),
        ),
        (
            "قال البنتاغون إن الحوثيين أطلقوا صواريخ على مدمرة أمريكية في البحر الأحمر.",
            "ASSAULT",
            ("YEM", "USA"),
        ),
        # Who calls is the source, whoever receives it.
        (
            "أعلنت الرئاسة المصرية أن الرئيس السيسي تلقى اتصالاً هاتفياً من الرئيس الأمريكي.",
            "CONSULT",
            ("USA", "EGY"),
        ),
    ],
)
def test_reported_clauses_name_their_own_subject(
    text: str, etype: str, pair: tuple[str, str]
) -> None:
    assert coded(text)[etype] == pair


def test_the_reporter_of_a_strike_is_not_its_force() -> None:
    # «لجان المقاومة» reports; the strike is the RSF's, the hospital its target.
    text = "قالت لجان المقاومة في الفاشر إن قوات الدعم السريع قصفت مستشفى المدينة صباح اليوم."
    [event] = [
        e for e in read_document(DocumentInput("d", text, "ar")).events if e.event_type == "ASSAULT"
    ]
    assert (event.source.text, event.target.text) == ("قوات الدعم السريع", "مستشفى")
