"""Arabic acts demanded, threatened, planned, conditional or negated are not coded as done.

Every sentence is an Arabic dev sentence (../shared/data, protest and assault
news) as the pipeline reads it; :mod:`wiqaya.read.clause` decides.
"""

from __future__ import annotations

import pytest

from wiqaya.read.clause import Governor, governor, verdict, word_kind
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document


def coded(text: str) -> set[tuple[str, str]]:
    return {
        (e.event_type, e.evidence) for e in read_document(DocumentInput("d", text, "ar")).events
    }


def types(text: str) -> set[str]:
    return {t for t, _ in coded(text)}


def test_a_demanded_sanction_is_the_demand() -> None:
    text = (
        "لذلك وضع النائب في الكونغرس مارك كيرك (جمهوري من ايلينوي) مشروعاً قدمه الى "
        "الكونغرس يطالب فيه بفرض حظر نفط دولي على ايران."
    )
    assert types(text) == {"REQUEST"}
    assert ("REQUEST", "يطالب") in coded(text)


def test_a_demand_with_no_request_trigger_becomes_the_request() -> None:
    # «نداء» is no REQUEST trigger: the call to boycott becomes the REQUEST.
    text = (
        "صفحات الجرائد التي لا تذكر اسم جروبي إلا ومعه خبر عن مظاهرة أو وقفة احتجاج أو "
        "نداء لمقاطعته، ومحلات الأميركيين معه."
    )
    assert "SANCTION" not in types(text)
    assert ("REQUEST", "نداء") in coded(text)


def test_a_demanded_resignation_or_release_is_no_retreat() -> None:
    assert coded(
        "وحث كرزاي القوات الغربية مرارا على توخي الحذر لتفادي سقوط قتلى بين المدنيين لكن "
        "المتظاهرين الافغان يرون انه بلا نفوذ وطالبوا بتنحيه."
    ) == {("REQUEST", "وحث")}  # the first request of the sentence (urging is one, read36)
    assert "RETREAT" not in types("وكانت حماس قد طالبت بالإفراج عن 36 من كوادرها كانت اعتقلتهم")


def test_a_threatened_withdrawal_is_the_threat() -> None:
    text = (
        "موسكو ـ ا.ف.ب: هددت موسكو امس بالانسحاب من المعاهدة الاميركية ـ السوفياتية حول "
        "ازالة الصواريخ المتوسطة والقصيرة المدى."
    )
    assert coded(text) == {("THREATEN", "هددت")}


def test_a_planned_siege_is_not_coded() -> None:
    text = (
        "اكد مصدر عسكري لبناني لـ«الشرق الاوسط» امس ان الجيش سيفرض حصاره على الجزء القديم "
        "من المخيم حتى تسليم الذين اغتالوا الجنود."
    )
    assert "COERCE" not in types(text)


def test_negated_and_conditional_acts_are_not_coded() -> None:
    assert "THREATEN" not in types(
        "وعمر كرامي لم يترشح بعد للحكومة، ولم يشكل ماكينة للترشح، ولم يهدد أحداً للوصول إلى الحكومة."
    )
    assert "SUPPORT" not in types(
        "وأوضح رئيس اللجنة أسامة السبلاني أن السبب في عدم تأييد أي من المرشحين للمنصب "
        "الحاكم ليس السياسة الخارجية."
    )
    assert "RETREAT" not in types(
        "لكنه قال إذا انسحبت اميركا من العراق فإن «العدو سيتبعنا الى هنا»."
    )


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # Released: the act happened.
        (
            "وبلغ عدد الكوريين الجنوبيين لدى خطفهم في التاسع عشر من يوليو (تموز) الماضي 23، "
            "اعدم اثنان منهم في نهاية الشهر نفسه ثم اطلق سراح امرأتين منهم في الثالث عشر "
            "من اغسطس الماضي.",
            ("RETREAT", "اطلق سراح"),
        ),
        # A demand to stop raids presupposes the raids.
        (
            "كما طالب المتظاهرون بوقف المداهمات التي تستهدف أتباع رجل الدين الشاب مقتدى الصدر.",
            ("COERCE", "المداهمات"),
        ),
        # Solidarity shown in answer to a call.
        (
            "تظاهر نحو الفي شخص امس في عمان تلبية لدعوة احزاب المعارضة الاردنية تضامنا مع "
            "الشعب الفلسطيني في الذكرى الستين للنكبة.",
            ("SUPPORT", "تضامنا"),
        ),
        # «ورفضوا» opens its own clause: the refusal after a demand happened.
        (
            "وطالب المتظاهرون بالحق في إجراء استفتاء على الاستقلال ورفضوا إجراء مفاوضات مع صربيا.",
            ("REJECT", "ورفضوا"),
        ),
    ],
)
def test_an_act_that_happened_stays_coded(text: str, event: tuple[str, str]) -> None:
    assert event in coded(text)


def test_governing_words() -> None:
    assert word_kind("طالبت") == "request"
    assert word_kind("للمطالبه") == "request"
    assert word_kind("مطالبهم") is None  # *their demands*, a noun
    assert word_kind("طالبان") is None  # the Taliban
    assert word_kind("سيفرض") == "future"
    assert word_kind("سياره") is None  # *car*
    assert word_kind("المعارضه") is None  # *the opposition*
    assert word_kind("يعارضون") == "refusal"
    assert word_kind("موقف") is None  # *position*, holds «وقف»
    assert word_kind("بوقف") == "halt"


def test_clause_boundaries_stop_the_walk() -> None:
    text = "طالبت المعارضة، فرض عقوبات"
    toks = tokenize(text)
    assert governor(toks, 3, text, 0) is None
    text = "طالبت المعارضة بفرض عقوبات"
    toks = tokenize(text)
    assert governor(toks, 3, text, 0) == Governor("request", 0)
    text = "طالبت المعارضة حيث فرض عقوبات"
    assert governor(tokenize(text), 4, text, 0) is None


def test_detector_types_are_left_to_the_detector() -> None:
    assert verdict("PROTEST", Governor("request", 0), 2) == "keep"
    assert verdict("ASSAULT", Governor("negation", 1), 2) == "keep"
    assert verdict("SANCTION", Governor("request", 0), 2) == "request"
