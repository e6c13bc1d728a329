"""Source and target of an Arabic verb joined to an earlier clause («و»/«ف», «كما», «ثم»).

Real Arabic dev sentences (``evaluation.arabic_role_census`` lists the events
the rules moved), and constructed ones in their register where the dev split
has no plain case (the brief's «دعت المعارضة ... واتهمت السلطات بالتزوير»).
"""

from __future__ import annotations

import pytest

from wiqaya.read.clause import _joined_feminine_verb
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, EventRecord, read_documents
from wiqaya.read.speech_roles import _plural_verb, _verb_gender, coordinated


def _event(text: str, event_type: str, evidence: str) -> EventRecord:
    (result,) = read_documents([DocumentInput("t", text, "ar")])
    found = [e for e in result.events if e.event_type == event_type and e.evidence == evidence]
    assert found, [(e.event_type, e.evidence) for e in result.events]
    return found[0]


def test_a_joined_verb_with_no_subject_shares_the_first_clauses_and_takes_the_noun_as_object() -> (
    None
):
    # Constructed from the brief: «السلطات» after «واتهمت» then «ب» is the
    # accused, and the opposition accuses. The accusation is no longer read
    # as governed by the call «دعت».
    ev = _event("دعت المعارضة إلى التظاهر يوم الجمعة واتهمت السلطات بالتزوير.", "ACCUSE", "واتهمت")
    assert ev.source.text == "المعارضة"
    assert ev.target.text == "السلطات"


def test_a_joined_verb_with_its_own_subject_keeps_it_v_s_o() -> None:
    ev = _event(
        "رفض الرئيس السوري المبادرة واتهم الوزير اللبناني المعارضة بالتحريض.",
        "ACCUSE",
        "واتهم",
    )
    assert ev.source.text == "الوزير اللبناني"
    # «المعارضة» is no apposition of «الوزير»: the genders differ.
    assert ev.target.text == "المعارضة"
    first = _event(
        "رفض الرئيس السوري المبادرة واتهم الوزير اللبناني المعارضة بالتحريض.",
        "REJECT",
        "رفض",
    )
    # The rejection's object is not taken from past the joined verb.
    assert first.target.text is None


def test_a_feminine_noun_after_a_masculine_joined_verb_is_its_object() -> None:
    ev = _event(
        "أعلن الفرع اليمني لتنظيم «القاعدة» في بيان على الانترنت تبنيه الاعتداءين الفاشلين"
        " في 15 سبتمبر (ايلول) اللذين استهدفا منشآت نفطية في اليمن وهدد الولايات المتحدة"
        " وحلفاءها باعتداءات جديدة.",
        "THREATEN",
        "وهدد",
    )
    assert ev.target.text == "الولايات المتحدة" and ev.target.country == "USA"
    # The threatener is the Yemeni branch, past the relative clause «اللذين استهدفا».
    assert ev.source.country == "YEM"


def test_a_government_after_a_joined_accusation_is_the_accused() -> None:
    ev = _event(
        "وكذب متحدث مرتبط بتنظيم القاعدة بيان وزارة الداخلية الباكستانية ونفى أي علاقة"
        " للتنظيم بمقتل بوتو، واتهم حكومة الرئيس برويز مشرف بتدبير عملية الاغتيال.",
        "ACCUSE",
        "واتهم",
    )
    assert ev.target.text.startswith("حكومة")
    # The spokesman is no dictionary actor: no words, never the government.
    assert not ev.source.text


def test_a_plural_in_yn_is_no_subject() -> None:
    ev = _event(
        "كراكس ـ أ.ف.ب: دافع الرئيس الفنزويلي هوغو شافيز بشدة، عن قراره اغلاق محطة للتلفزيون"
        " تعارض حكومته، وانتقد المتظاهرين الذين يحتجون على هذه الخطوة.",
        "ACCUSE",
        "وانتقد",
    )
    assert ev.source.text.startswith("الرئيس الفنزويلي")
    assert ev.target.text == "المتظاهرين"


def test_a_plural_pronoun_verb_shares_the_subject_not_the_object_of_the_verb_before() -> None:
    ev = _event(
        "وقد هاجم آلاف المتظاهرين مكتب رئيس الوزراء في وسط بانكوك وتعهدوا بالبقاء هناك حتى"
        " تتم إقالة الحكومة التي يتهمونها بالفساد.",
        "AGREE",
        "وتعهدوا",
    )
    assert ev.source.text == "آلاف المتظاهرين"


def test_kama_joins_a_clause_to_the_one_before() -> None:
    ev = _event(
        "أطلقت الشرطة البورمية عيارات تحذيرية على نحو 10 الاف متظاهر في رانغون وهاجمتهم"
        " بالهراوات، كما اعتقلت اربعة رهبان بوذيين في اليوم الثالث من قمع المسيرات المناهضة"
        " للحكومة.",
        "COERCE",
        "اعتقلت",
    )
    assert ev.source.text == "الشرطة البورمية"


def test_the_walk_back_skips_dates_and_stops_at_the_verb_with_a_subject() -> None:
    ev = _event(
        "وقامت الجماعة في ديسمبر (كانون الأول) 2005 بخطف تسعة جنود قرب الحدود مع باكستان،"
        " وأفرجت في ما بعد عن ثمانية منهم وقتلت التاسع.",
        "RETREAT",
        "وأفرجت",
    )
    assert ev.source.text == "الجماعة"


def test_v_s_o_with_an_overt_subject_and_a_topic_before_the_verb() -> None:
    ev = _event(
        "واتهمت السلطات اليمنية المتمردين الحوثيين بتنفيذ التفجير، بينما قالت مصادر إن"
        " المستهدف هو عسكر بن زعير، خطيب المسجد، وهو ضابط في القوات المسلحة.",
        "ACCUSE",
        "واتهمت",
    )
    assert ev.source.text == "السلطات اليمنية"
    # The adjective that names the rebels is part of their words.
    assert ev.target.text == "المتمردين الحوثيين"
    ev = _event(
        "فروسيا اتهمت جورجيا بممارسة تطهير عرقي بحق الأقلية الروسية في أوسيتيا الجنوبية فيما"
        " تُتَهم روسيا بممارسة الجريمة ذاتها خلال قصفها العنيف لمناطق سكنية في العاصمة الجورجية.",
        "ACCUSE",
        "اتهمت",
    )
    assert ev.source.country == "RUS" and ev.target.text == "جورجيا"


def test_a_verbal_noun_shaped_like_a_verb_keeps_its_genitive_agent() -> None:
    # «مطالب» is the demands of the opposition: no verb, so no object cue.
    ev = _event("مطالب المعارضة صعبة جدا فماذا بوسع أوروبا العمل؟»", "REQUEST", "مطالب")
    assert ev.source.text == "المعارضة" and ev.target.text is None


@pytest.mark.parametrize(
    ("text", "k", "joined"),
    [
        ("واتهمت السلطات", 0, True),
        ("وافقت الحكومة", 0, False),  # «وافق»: the «و» is the stem's
        ("كما اعتقلت الشرطة", 1, True),
        ("ثم اتهم الحكومة", 1, True),
        ("اتهم الحكومة", 0, False),
    ],
)
def test_coordinated_reads_the_joining_word(text: str, k: int, joined: bool) -> None:
    assert coordinated(tokenize(text), k) is joined


@pytest.mark.parametrize(
    ("word", "gender", "plural"),
    [
        ("واتهمت", "f", False),
        ("دعت", "f", False),
        ("اتهم", "m", False),
        ("يطالب", "m", False),
        ("تضامن", None, False),  # form V perfect or feminine present
        ("وتعهدوا", None, True),
        ("ويطالبون", None, True),
    ],
)
def test_verb_gender_and_number_from_the_word_shape(
    word: str, gender: str | None, plural: bool
) -> None:
    assert _verb_gender(word) == gender
    assert _plural_verb(word) is plural


def test_a_joined_feminine_verb_opens_its_own_clause_for_the_governor() -> None:
    assert _joined_feminine_verb("واتهمت")
    assert not _joined_feminine_verb("وافقت")
    assert not _joined_feminine_verb("اتهمت")


def test_a_dual_in_the_oblique_case_is_released_not_releasing() -> None:
    ev = _event(
        "وبلغ عدد الكوريين الجنوبيين لدى خطفهم في التاسع عشر من يوليو (تموز) الماضي 23، اعدم"
        " اثنان منهم في نهاية الشهر نفسه ثم اطلق سراح امرأتين منهم في الثالث عشر من اغسطس"
        " الماضي.",
        "RETREAT",
        "اطلق سراح",
    )
    assert ev.target.text == "امرأتين"
    assert not ev.source.text
