"""Artarget: the target (and source) of the Arabic trigger-only types in current news.

The current-news sentences are helper artarget's own (2015–2026 register); the
others are from the Arabic event GSR dev split.
"""

from __future__ import annotations

from wiqaya.read.pipeline import DocumentInput, EventRecord, read_documents


def _one(text: str, event_type: str) -> EventRecord:
    (result,) = read_documents([DocumentInput("t", text, "ar")])
    found = [e for e in result.events if e.event_type == event_type]
    assert found, text
    return found[0]


def test_the_object_after_the_subjects_place() -> None:
    ev = _one("اتهمت وزارة الصحة في غزة الجيش الإسرائيلي باستهداف المستشفيات.", "ACCUSE")
    # The ministry is Gaza's, not the army's country.
    assert (ev.source.text, ev.source.country) == ("وزارة الصحة", "PSE")
    assert (ev.target.text, ev.target.country) == ("الجيش الإسرائيلي", "ISR")


def test_the_object_after_the_statement_the_subject_spoke_in() -> None:
    ev = _one("اتهمت حماس في بيان لها إسرائيل بخرق الاتفاق.", "ACCUSE")
    assert ev.source.country == "PSE"
    assert ev.target.country == "ISR"


def test_dev_the_object_after_the_subjects_country() -> None:
    # Dev: «في جورجيا» is the council's, the Russian forces are accused.
    ev = _one(
        "واتهم مجلس الأمن القومي في جورجيا القوات الروسية بشن حملة «تطهير عرقي» في اقليم "
        "أوسيتيا الجنوبية الانفصالي.",
        "ACCUSE",
    )
    assert ev.source.country == "GEO"
    assert (ev.target.text, ev.target.country) == ("القوات الروسية", "RUS")


def test_an_institution_after_a_head_and_its_name_is_the_object() -> None:
    ev = _one("توعد قائد قوات الدعم السريع محمد حمدان دقلو الجيش بمواصلة القتال.", "THREATEN")
    assert ev.source.country == "SDN" and ev.source.text.startswith("قائد")
    assert ev.target.text == "الجيش"


def test_an_unnamed_office_opens_the_object() -> None:
    ev = _one("اعتقلت السلطات التونسية زعيم حركة النهضة راشد الغنوشي.", "COERCE")
    assert ev.source.text == "السلطات التونسية"
    # With Ennahda in the dictionary, the person's mention holds his party.
    assert ev.target is not None and ev.target.text.endswith("راشد الغنوشي")
    assert ev.target.country == "TUN"


def test_a_decision_named_by_its_author_is_rejected_of_that_author() -> None:
    ev = _one("رفضت الخارجية الفلسطينية قرار الكنيست ضم الضفة الغربية.", "REJECT")
    assert ev.target is not None and ev.target.text == "الكنيست"
    assert ev.target.country == "ISR"


def test_a_closed_subject_keeps_its_adjective_out_of_the_target() -> None:
    ev = _one("قطعت الجزائر علاقاتها الدبلوماسية مع المغرب.", "SANCTION")
    assert ev.source.country == "DZA"
    assert ev.target.country == "MAR"


def test_released_people_described_by_their_nationality() -> None:
    ev = _one("أفرجت حركة حماس عن ثلاثة رهائن إسرائيليين.", "RETREAT")
    assert ev.source.country == "PSE"
    assert ev.target is not None and ev.target.country == "ISR"


def test_a_spokesman_speaks_for_his_body() -> None:
    ev = _one(
        "اتهم المتحدث باسم قوات الدعم السريع الجيش بقصف الأحياء السكنية في الخرطوم.", "ACCUSE"
    )
    assert ev.source.text == "قوات الدعم السريع"
    assert ev.target.text == "الجيش"


def test_an_adjective_after_a_verbal_noun_is_no_actor() -> None:
    ev = _one("أعلنت الولايات المتحدة تقديم مساعدات عسكرية للجيش اللبناني.", "AID")
    assert ev.source.country == "USA"
    assert ev.target.country == "LBN" and ev.target.sector == "MIL"
    for event_type in ("AGREE", "COOPERATE"):
        ev = _one("أبرمت المغرب اتفاقية تعاون عسكري مع إسرائيل.", event_type)
        assert ev.source.country == "MAR" and ev.source.text == "المغرب"
        assert ev.target.country == "ISR"


def test_aid_sent_to_a_foreign_region() -> None:
    ev = _one("أرسلت مصر قافلة مساعدات إلى قطاع غزة.", "AID")
    assert ev.target is not None and ev.target.country == "PSE"


def test_dictionary_bodies_of_current_news() -> None:
    ev = _one("احتجزت جماعة الحوثي موظفين في الأمم المتحدة.", "COERCE")
    assert (ev.source.text, ev.source.country) == ("جماعة الحوثي", "YEM")
    ev = _one(
        "طالب الاتحاد الأفريقي المجلس العسكري في النيجر بالإفراج عن الرئيس محمد بازوم.", "REQUEST"
    )
    assert ev.target.text == "المجلس العسكري" and ev.target.country == "NER"
    ev = _one("اتفقت الحكومة السودانية مع الحركات المسلحة على جدول زمني للسلام.", "AGREE")
    assert ev.target.text == "الحركات المسلحة"
    ev = _one("أعلنت السعودية دعمها لمجلس القيادة الرئاسي في اليمن.", "SUPPORT")
    assert ev.target.country == "YEM"
