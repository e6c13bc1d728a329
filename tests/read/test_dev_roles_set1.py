"""Devroles: targets of trigger-only Arabic events that stand past where the clause reading stops.

The object of current news often comes after a place and a date («في قصر
المرادية، أمس،»), inside a purpose clause («لدعم الاقتصاد المصري») or a relative
clause («بالاتفاق الذي توصلت إليه الأطراف الليبية»); the role ranker's best
named target after the trigger stands in for it. The current-news sentences are
from ``evaluation/coding_modern.jsonl`` (the first full-coding set, development
data since 2026-11-25); the older one from the Arabic event GSR dev split.
"""

from __future__ import annotations

import pytest
from read_lookups import events_of
from read_lookups import one_event as _one


@pytest.mark.parametrize(
    ("text", "event_type", "pair"),
    [
        # m2-012: the guest after the palace and the date.
        (
            "استقبل الرئيس الجزائري عبد المجيد تبون في قصر المرادية، أمس، وزير الخارجية الإيطالي.",
            "CONSULT",
            ("DZA", "ITA"),
        ),
        # m2-006: whose economy the pledge supports.
        (
            "تعهدت الإمارات بتقديم مليار دولار لدعم الاقتصاد المصري على مدى ثلاث سنوات.",
            "AGREE",
            ("ARE", "EGY"),
        ),
        # m2-050: whose budget the grant supports.
        (
            "قدمت الكويت منحة بقيمة خمسين مليون دولار لدعم الموازنة اليمنية.",
            "AID",
            ("KWT", "YEM"),
        ),
        # m2-020: the parties of the welcomed agreement, in a relative clause.
        (
            "رحبت وزارة الخارجية السعودية بالاتفاق الذي توصلت إليه الأطراف الليبية "
            "بشأن توحيد المصرف المركزي.",
            "SUPPORT",
            ("SAU", "LBY"),
        ),
        # m2-003: the owner of the accepted proposal.
        (
            "وافق المجلس الرئاسي الليبي على مقترح البعثة الأممية لتشكيل لجنة مشتركة "
            "لإعداد القوانين الانتخابية.",
            "AGREE",
            ("LBY", "IGO"),
        ),
        # m2-097: the junta given a deadline, named by where it rules.
        (
            "أمهلت مجموعة إيكواس المجلس العسكري في النيجر أسبوعا لإعادة الرئيس المعزول "
            "إلى الحكم، ملوّحة باستخدام القوة.",
            "THREATEN",
            ("IGO", "NER"),
        ),
        # m2-155: the threatened, after the threat noun.
        (
            "ووجّه وزير الدفاع الإسرائيلي تهديدا مباشرا لحركة حماس بتدمير ما تبقى من "
            "أنفاقها إذا لم تسلّم سلاحها.",
            "THREATEN",
            ("ISR", "PSE"),
        ),
    ],
)
def test_the_object_past_the_clause_is_the_target(
    text: str, event_type: str, pair: tuple[str, str]
) -> None:
    ev = _one(text, event_type)
    assert (ev.source.country, ev.target.country) == pair


def test_who_reports_the_withdrawal_is_not_its_target() -> None:
    # m2-061: the African Union only reports it (gold target ETH, the place).
    ev = _one(
        "سحبت القوات الإريترية آخر وحداتها من إقليم تيغراي، بحسب الاتحاد الأفريقي.",
        "RETREAT",
    )
    assert ev.source.country == "ERI"
    assert ev.target is None or ev.target.country != "IGO"


def test_the_source_s_own_people_are_not_taken_for_its_target() -> None:
    # GSR dev: the resignation has no target (gold null); the minister the
    # sentence names after it is the government's own, as Kuwaiti as the source.
    evs = events_of(
        "وبقبول الاستقالة تكون الحكومة قد خرجت بأقل الخسائر السياسية الممكنة من أزمة "
        "حضورها جلسة طرح الثقة بوزير الصحة الشيخ أحمد العبد الله الصباح المقررة اليوم، "
        "والذي قدم بحقه بعد أن استجوبه ثلاثة نواب قبل أسبوعين، ثم رفع عشرة آخرون طلبا "
        "بحجب الثقة عنه.",
        "RETREAT",
    )
    assert evs
    assert all(ev.source.country == "KWT" and ev.target.country is None for ev in evs)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # m2-061: a region of Ethiopia, named after «من» past what is withdrawn.
        (
            "سحبت القوات الإريترية آخر وحداتها من إقليم تيغراي، بحسب الاتحاد الأفريقي.",
            ("ERI", "ETH"),
        ),
        # m2-060: a town of Gaza after «من مدينة».
        ("أكمل الجيش الإسرائيلي انسحابه من مدينة خان يونس جنوبي قطاع غزة.", ("ISR", "PSE")),
        # Targets probe: a country after «من».
        ("سحبت فرنسا قواتها من النيجر.", ("FRA", "NER")),
    ],
)
def test_a_withdrawal_retreats_before_the_country_it_leaves(
    text: str, pair: tuple[str, str]
) -> None:
    ev = _one(text, "RETREAT")
    assert (ev.source.country, ev.target.country) == pair
