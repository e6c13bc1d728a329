"""Trigger additions of `triggers-2026.11.21` (lead; merged as `.22`): negotiations, calls,
complaints, vetoes, ambassadors summoned or recalled, crossings closed, deportations, «تحييد».

Sentences from the Arabic dev split and the place sets (`../shared/data`, `src/wiqaya/data/read`)
where they exist, else current news written for the round.
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
    ("text", "etype"),
    [
        # Dev split and place sets.
        (
            "ويحمّل المتظاهرون بكين مسؤولية عدم صدور قرار عن الأمم المتحدة "
            "يدين جنرالات الحكم العسكري في بورما.",
            "ACCUSE",
        ),
        (
            "وقالت انها صدمت عندما علمت ان وزارة الخارجية الفرنسية استدعت "
            "السفير الاسرائيلي في باريس الى جلسة توبيخ.",
            "ACCUSE",
        ),
        ("استدعت الجزائر سفيرها لدى باريس للتشاور", "SANCTION"),
        ("استضافت الدوحة جولة جديدة من المفاوضات غير المباشرة بين حماس وإسرائيل", "CONSULT"),
        ("أغلق الأردن معبر جابر الحدودي مع سوريا بعد اشتباكات قرب الحدود", "COERCE"),
        ("أعلنت وزارة الدفاع الجزائرية تحييد إرهابيين في عملية عسكرية بولاية تيبازة", "ASSAULT"),
        # Current news written for the round.
        ("استخدمت روسيا حق النقض ضد مشروع قرار بشأن سوريا في مجلس الأمن.", "REJECT"),
        ("رحّلت السلطات الليبية مئات المهاجرين غير النظاميين إلى النيجر.", "COERCE"),
        ("قدمت الحكومة العراقية شكوى إلى مجلس الأمن ضد الضربات التركية.", "ACCUSE"),
    ],
)
def test_the_act_is_coded(text: str, etype: str) -> None:
    assert etype in coded(text)


def test_a_summoned_ambassador_is_a_complaint_to_his_country() -> None:
    text = "استدعت وزارة الخارجية المغربية السفير الفرنسي لإبلاغه احتجاج المملكة."
    events = coded(text)
    assert events.get("ACCUSE") == ("MAR", "FRA")
    # The protest handed to him is no demonstration.
    assert "PROTEST" not in events


@pytest.mark.parametrize(
    "text",
    [
        # Bearing responsibility oneself is no accusation (dev split).
        "فرد المالكي بانفعال «عندما احرك ملفك واعرضه على البرلمان فهل تتحمل مسؤولية ما تقوله؟»",
        # «مصادرها»: her sources, not a confiscation.
        "ونفت مصادرهما ان تكون الضحيتان تعرضتا للتعذيب والتنكيل.",
        # A reporter's phone call is no consultation.
        "وقال المتحدث باسم المجاهدين الشيخ مختار روبو في اتصال هاتفي "
        "مع وكالة الصحافة الفرنسية ان الوضع هادئ.",
    ],
)
def test_words_in_another_sense_are_no_event(text: str) -> None:
    assert not {"ACCUSE", "COERCE", "CONSULT"} & set(coded(text))


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("أبدت إثيوبيا استعدادها للعودة إلى طاولة المفاوضات بشأن سد النهضة.", "AGREE", "ETH", None),
        (
            "ثمّن مجلس التعاون الخليجي الجهود الكويتية لرأب الصدع بين الأشقاء.",
            "SUPPORT",
            "IGO",
            None,
        ),
        ("اعترفت فرنسا بسيادة المغرب على الصحراء الغربية.", "SUPPORT", "FRA", "MAR"),
        (
            "أجرت القوات المصرية والسعودية مناورات عسكرية مشتركة في البحر الأحمر.",
            "COOPERATE",
            "EGY",
            None,
        ),
        ("رفعت الولايات المتحدة العقوبات المفروضة على سوريا.", "RETREAT", "USA", None),
        ("سمحت السلطات الإسرائيلية بدخول شاحنات الوقود إلى قطاع غزة.", "RETREAT", "ISR", None),
        (
            "أعلن المجلس العسكري في النيجر إطلاق سراح الرئيس المخلوع محمد بازوم.",
            "RETREAT",
            "NER",
            "NER",
        ),
        ("حث الاتحاد الأفريقي الأطراف السودانية على وقف القتال فورا.", "REQUEST", "IGO", "SDN"),
        ("لوّحت تركيا بشن عملية عسكرية جديدة في شمال سوريا.", "THREATEN", "TUR", None),
        ("أعلنت الجزائر حالة التأهب القصوى على حدودها الجنوبية.", "MOBILIZE", "DZA", None),
    ],
)
def test_fourth_batch(text: str, etype: str, source: str, target: str | None) -> None:
    events = coded(text)
    assert etype in events
    assert events[etype][0] == source
    assert target is None or events[etype][1] == target


def test_lifted_sanctions_are_no_sanctions_imposed() -> None:
    assert "COERCE" not in coded("رفعت الولايات المتحدة العقوبات المفروضة على سوريا.")


@pytest.mark.parametrize(
    "text",
    [
        # Dev split: a release sought, not made.
        "ونظم أصدقاء شاليط مظاهرة امس، وقال الناطق بلسان الهيئة الناشطة لإطلاق سراح شاليط، "
        "إن أقوال ليفني خطيرة.",
        "من جهة أخرى، اكدت فرنسا امس انها لم تدفع اية فدية للمتمردين لقاء اطلاق سراح الرهينة.",
    ],
)
def test_a_release_sought_is_no_release(text: str) -> None:
    assert "RETREAT" not in coded(text)


def test_an_accusation_denied_is_no_accusation() -> None:
    assert "ACCUSE" not in coded("نفت الخرطوم اتهامات بدعم جماعات مسلحة في جنوب السودان.")


def test_a_besieged_town_is_no_siege_laid() -> None:
    # Place set 4.
    assert "COERCE" not in coded("قتلت امرأة وطفلاها بقذيفة سقطت على حي سكني في مدينة تعز المحاصرة")


def test_sanctions_on_an_armed_group_are_no_instance_of_its_activity() -> None:
    text = "فرضت الولايات المتحدة عقوبات على قادة في قوات الدعم السريع."
    doc = read_document(DocumentInput("d", text, "ar"))
    assert {e.event_type for e in doc.events} == {"COERCE"}
    # No hit from the coded event (the lexicon may still name the group itself).
    assert not [h for h in doc.indicators if "+events" in h.lexicon_version]


@pytest.mark.parametrize(
    ("text", "etype", "not_etype"),
    [
        # Place set 2: a diplomat expelled is a sanction, not a deportation.
        ("أعلنت الكويت طرد دبلوماسي بعد اتهامه بالتجسس", "SANCTION", "COERCE"),
        ("طردت روسيا عشرة دبلوماسيين أمريكيين ردا على عقوبات واشنطن.", "SANCTION", None),
        # Dev split: the present tense accuses and condemns.
        ("وتتهم السلطات المصرية الفرماوي بمساعدة عناصر حماس على شراء معدات.", "ACCUSE", None),
        (
            "حكومة المالكي تدين التفجيرات ـ ومعها كل القوى السياسية على اختلاف مشاربها.",
            "ACCUSE",
            None,
        ),
    ],
)
def test_expulsions_and_present_accusations(text: str, etype: str, not_etype: str | None) -> None:
    events = coded(text)
    assert etype in events
    assert not_etype is None or not_etype not in events


def test_would_that_they_accuse_no_one() -> None:
    assert "ACCUSE" not in coded("ليتهم يدركون أن التربية الوطنية والإحساس بالانتماء للأمة ضرورة.")


def test_to_protest_after_a_summons_is_no_demonstration() -> None:
    text = "استدعت الخارجية المصرية السفير الإسرائيلي للاحتجاج على التصريحات."
    assert "PROTEST" not in coded(text)
    assert "ACCUSE" in coded(text)


def test_mali_s_authorities_are_mali_s() -> None:
    # Place set 7: «المالية» (financial) is stopped on its own; the authorities were Russia's.
    text = "فرضت السلطات المالية حظر التجول في كيدال بعد دخول الجيش وحلفائه الروس"
    assert coded(text)["COERCE"][0] == "MLI"


def test_what_a_government_decided_is_its_act() -> None:
    # After «قررت» and its subject, «طرد» is the verbal noun: Jordan expels Israel's envoy.
    text = "قررت الحكومة الأردنية طرد السفير الإسرائيلي احتجاجا على العدوان على غزة."
    assert coded(text)["SANCTION"] == ("JOR", "ISR")


@pytest.mark.parametrize(
    "text",
    [
        # Place set 2 and the dev split: detaining is no protesting.
        "احتجز الجيش الموريتاني قاربا للمهاجرين قبالة نواذيبو",
        "انتقدت منظمة هيومن رايتس ووتش الحكومة المصرية بسبب احتجاز آلاف المعارضين.",
    ],
)
def test_detention_is_no_protest(text: str) -> None:
    assert "PROTEST" not in coded(text)


def test_a_grant_is_aid() -> None:
    assert coded("قدمت اليابان منحة للأونروا بقيمة 20 مليون دولار.")["AID"][0] == "JPN"


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("اعتُقل ناشطون معارضون في تونس على يد قوات الأمن.", "COERCE", "قوات الأمن", "ناشطون"),
        (
            "قتل صحفي فلسطيني على يد جنود إسرائيليين في جنين.",
            "ASSAULT",
            "جنود إسرائيليين",
            "صحفي فلسطيني",
        ),
    ],
)
def test_the_agent_after_by_the_hand_of(text: str, etype: str, source: str, target: str) -> None:
    [e] = [e for e in read_document(DocumentInput("d", text, "ar")).events if e.event_type == etype]
    assert (e.source.text, e.target.text) == (source, target)


def test_aid_workers_are_no_aid_given() -> None:
    # Place set 3.
    assert "AID" not in coded("أعلنت منظمات الإغاثة تفشي الكوليرا في كادقلي")
    # Place set 5: convoys that arrive are aid.
    assert "AID" in coded("وصلت قوافل إغاثة إلى الجنينة عاصمة ولاية غرب دارفور بعد توقف دام أسابيع")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("استجابت الحكومة العراقية لمطالب المحتجين وأقالت محافظ البصرة.", "CONCEDE"),
        ("خففت السلطات الصينية القيود المفروضة على السفر.", "CONCEDE"),
        # Dev split (indicator set 1).
        ("سلم مئات المقاتلين أسلحتهم في إطار برنامج نزع السلاح.", "RETREAT"),
        ("عقد قادة دول الخليج قمة طارئة في الرياض لبحث التصعيد الإقليمي.", "CONSULT"),
        ("بحث وزير الخارجية المصري مع نظيره الأمريكي تطورات الأوضاع في غزة.", "CONSULT"),
        ("نشرت روسيا منظومات دفاع جوي إضافية في سوريا.", "MOBILIZE"),
        ("فتحت المحكمة الجنائية الدولية تحقيقا في جرائم حرب في دارفور.", "ACCUSE"),
        ("جمدت الولايات المتحدة أصول البنك المركزي الأفغاني.", "SANCTION"),
    ],
)
def test_fifth_batch(text: str, etype: str) -> None:
    assert etype in coded(text)


def test_demands_met_are_no_demand() -> None:
    assert "REQUEST" not in coded("استجابت الحكومة العراقية لمطالب المحتجين وأقالت محافظ البصرة.")


def test_the_icc_is_international() -> None:
    text = "أصدرت المحكمة الجنائية الدولية مذكرة اعتقال بحق نتنياهو."
    assert coded(text)["COERCE"][0] == "IGO"


@pytest.mark.parametrize(
    ("text", "etype", "sources", "target"),
    [
        (
            "طالبت فرنسا وألمانيا إيران بالإفراج عن المعتقلين الأوروبيين.",
            "REQUEST",
            {"FRA", "DEU"},
            "IRN",
        ),
        ("اتهمت مصر والسودان إثيوبيا بتهديد أمنهما المائي.", "ACCUSE", {"EGY", "SDN"}, "ETH"),
        ("رحبت قطر ومصر باتفاق وقف إطلاق النار في غزة.", "SUPPORT", {"QAT", "EGY"}, None),
    ],
)
def test_joined_subjects_each_act(text: str, etype: str, sources: set, target: str | None) -> None:
    events = [
        e for e in read_document(DocumentInput("d", text, "ar")).events if e.event_type == etype
    ]
    assert {e.source.country for e in events} == sources
    assert {e.target.country for e in events} == {target}


def test_a_counterpart_is_the_other_side_of_a_meeting() -> None:
    text = "اجتمع وزير الخارجية الأردني بنظيره الإيراني."
    assert coded(text)["CONSULT"] == ("JOR", "IRN")
