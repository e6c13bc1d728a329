"""«مسيرة» is a march, and in news since about 2015 also a drone.

The Arabic gold (2007–2008) has no drone, so its sentences cannot show the
second sense; the drone sentences below are written in the register of current
news (Red Sea, Sudan, Ukraine). The march sentences are Arabic dev sentences
the gold marks as protests.
"""

from __future__ import annotations

import pytest

from wiqaya.read.events import find_triggers
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document


def types(text: str) -> set[str]:
    return {t.event_type for t in find_triggers(tokenize(text), "ar")}


DRONES = [
    "قصفت طائرات مسيرة حوثية سفينة تجارية في البحر الأحمر.",
    "استهدفت مسيرات أوكرانية مصفاة نفط في روسيا.",
    "أسقطت الدفاعات الجوية السعودية طائرة مسيرة مفخخة أطلقها الحوثيون باتجاه جازان.",
    "اعترضت الدفاعات الجوية مسيرتين فوق أربيل.",
    "نفذ الحوثيون هجوما بمسيرات على ميناء إيلات.",
    "أطلق الحزب مسيرة انتحارية نحو الجليل.",
]

MARCHES = [
    # dev sentences, gold `yes` for PROTEST
    "ففي لحظة الاستشهاد، انخرطت قوى لبنانية كثيفة في مسيرة «استقلالية»، تطالب «بالحقيقة»، "
    "وتصر على المحاسبة.",
    "ونفذ المتظاهرون اعتصاما فجلسوا في وسط جادة في المدينة وهتفوا «ليستقيل كيباكي»، قبل ان "
    "يبدأوا مسيرة تحت انظار عناصر الشرطة المنتشرين في وسط المدينة.",
    # current news: a march attacked or called for stays a march
    "خرجت مسيرات حاشدة في مدن المغرب تضامنا مع غزة.",
    "استهدفت قوات الأمن مسيرة سلمية في الخرطوم.",
    "فرقت الشرطة المسيرة بالغاز المسيل للدموع.",
]


@pytest.mark.parametrize("text", DRONES)
def test_a_drone_is_no_march(text: str) -> None:
    assert "PROTEST" not in types(text)


@pytest.mark.parametrize("text", MARCHES)
def test_a_march_is_still_a_protest_trigger(text: str) -> None:
    assert "PROTEST" in types(text)


def test_a_drone_strike_is_not_coded_as_a_protest_end_to_end() -> None:
    result = read_document(
        DocumentInput(id="d", text=DRONES[0] + " " + DRONES[1], date="2024-06-13")
    )
    assert all(e.event_type != "PROTEST" for e in result.events)


def test_an_ambassador_summoned_in_protest_is_no_demonstration() -> None:
    # «احتجاجاً على» after a state's diplomatic act is an official protest.
    res = read_document(
        DocumentInput(
            "s",
            "استدعت وزارة الخارجية الجزائرية السفير الفرنسي احتجاجاً على تصريحات ماكرون.",
            "ar",
        )
    )
    assert not [e for e in res.events if e.event_type == "PROTEST"]
    # Workers who strike in protest still protest.
    res = read_document(
        DocumentInput(
            "w", "أضرب آلاف العمال في مدينة المحلة أمس احتجاجاً على تأخر صرف أجورهم.", "ar"
        )
    )
    assert [e for e in res.events if e.event_type == "PROTEST"], res.events
