"""Event types of the first full-coding set (``evaluation/coding_modern.jsonl``), now dev data.

Each sentence is the set's own, with the type its gold codes and the type the
reader gave it before the round (``devtypes``) where that was wrong.
"""

from __future__ import annotations

import pytest

from wiqaya.read.pipeline import DocumentInput, read_documents


def types(text: str) -> set[str]:
    (result,) = read_documents([DocumentInput("t", text, "ar")])
    return {e.event_type for e in result.events}


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        # m2-116: aid halted is a SANCTION; «أوقفت» is no arrest, the aid no AID.
        (
            "أوقفت الولايات المتحدة مساعداتها الاقتصادية للسودان بعد استيلاء الجيش على السلطة.",
            "SANCTION",
            {"COERCE", "AID"},
        ),
        # m2-117: walking out of talks is a SANCTION, no withdrawal, no consultation.
        (
            "انسحب وفد الحكومة اليمنية من مفاوضات الحديدة، معلنا تعليق مشاركته فيها.",
            "SANCTION",
            {"RETREAT", "CONSULT"},
        ),
        # m2-124, m2-125, m2-126: reservists called up, units deployed, a carrier sent.
        (
            "الجيش الإسرائيلي يستدعي ثلاثمئة ألف جندي احتياط"
            " تحسبا لتوسع القتال على الجبهة الشمالية.",
            "MOBILIZE",
            set(),
        ),
        (
            "نشرت الحكومة التونسية وحدات من الجيش في المدن الكبرى لحماية المنشآت العامة.",
            "MOBILIZE",
            set(),
        ),
        ("أرسلت الولايات المتحدة حاملة طائرات ثانية إلى شرق البحر المتوسط.", "MOBILIZE", set()),
        # m2-030, m2-032: a curfew lifted, a candidacy given up.
        (
            "رفعت السلطات التونسية حظر التجول الليلي المفروض على العاصمة منذ ثلاثة أسابيع.",
            "CONCEDE",
            {"COERCE", "SANCTION"},
        ),
        (
            "أعلن الرئيس الجزائري عبد العزيز بوتفليقة عدوله عن الترشح لولاية خامسة،"
            " بعد أسابيع من الاحتجاجات.",
            "CONCEDE",
            set(),
        ),
        # m2-131: confiscation.
        (
            "صادرت السلطات الإسرائيلية مئات الدونمات من أراضي الفلسطينيين في محيط بلدة سلفيت.",
            "COERCE",
            set(),
        ),
        # m2-040: the object after «إلى العراق», a preposition and a name.
        (
            "سلمت تركيا إلى العراق ثلاثة مطلوبين بتهم إرهابية، بحسب وزارة الداخلية العراقية.",
            "COOPERATE",
            set(),
        ),
        # m2-053: relief teams sent are aid, no dispersal («فرّق»).
        (
            "أرسلت الإمارات فرق إغاثة ومستشفى ميدانيا إلى ليبيا بعد فيضانات درنة.",
            "AID",
            {"COERCE"},
        ),
        # m2-051: refugees taken in are aid (asylum), no visit received.
        (
            "استقبلت تشاد آلاف اللاجئين السودانيين الفارين من المعارك في الجنينة.",
            "AID",
            {"CONSULT"},
        ),
        # m2-108: what a protest is against is the protest's.
        (
            "أغلق محتجون من قبائل البجا ميناء بورتسودان احتجاجا على اتفاق مسار الشرق.",
            "PROTEST",
            {"AGREE"},
        ),
        # m2-106: a hunger strike declared, against detention (no COERCE of its own).
        (
            "أعلن معتقلون فلسطينيون في سجن عوفر إضرابا عن الطعام احتجاجا على الاعتقال الإداري.",
            "PROTEST",
            {"COERCE"},
        ),
    ],
)
def test_first_set_types(text: str, wanted: str, not_wanted: set[str]) -> None:
    found = types(text)
    assert wanted in found, (text, found)
    assert not (found & not_wanted), (text, found)


def test_relief_workers_are_no_aid_given() -> None:
    # Aid workers named, not sent: no AID (the sense rule the sending verb lifts).
    assert "AID" not in types("قتل ثلاثة من عمال الإغاثة في غارة على مخيم النصيرات.")


def test_a_curfew_is_no_other_ban_lifted() -> None:
    # Dev text: a ban on an accession lifted in a deal is no curfew lifted.
    text = (
        "وشراء شركة الطيران السورية لطائرات إيرباص مقابل رفع فرنسا الحظر على انتساب سورية"
        " الى معاهدة الشراكة الأوروبية."
    )
    assert "CONCEDE" not in types(text)


@pytest.mark.parametrize(
    ("text", "not_wanted"),
    [
        # m2-162: «طالب» after a count is a student, no demand.
        (
            "تنطلق امتحانات الشهادة الثانوية في ليبيا الأحد المقبل بمشاركة أكثر من مئة ألف طالب.",
            "REQUEST",
        ),
        # m2-160: «الإطار التنسيقي», a bloc's name, is no cooperation.
        (
            "يرى محللون أن الانتخابات التشريعية المقبلة في العراق قد تعيد رسم التحالفات"
            " داخل الإطار التنسيقي.",
            "COOPERATE",
        ),
    ],
)
def test_first_set_no_event(text: str, not_wanted: str) -> None:
    assert not_wanted not in types(text), text


def test_a_demand_still_made() -> None:
    # «طالب» as a verb with its subject stays a demand.
    assert "REQUEST" in types("طالب وزير الخارجية المصري مجلس الأمن بالتدخل لوقف الحرب.")
