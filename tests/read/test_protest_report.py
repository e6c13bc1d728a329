"""Protests and violence reported as done, accepted on their form (`wiqaya.read.protest_report`).

Sentences of 2015-2026 news from the round's probe (`evaluation/arabic_protest_probe.jsonl`)
and, where the gold has the form, from the Arabic dev split (`../shared/data/arabic_event_gsr`).
The rule must code them with a detector that never fires, and never code the negatives.
"""

from __future__ import annotations

import numpy as np
import pytest

from wiqaya.read.detector import Detector, load_detector
from wiqaya.read.pipeline import DocumentInput, read_document, read_documents


@pytest.fixture(scope="module")
def never() -> Detector:
    """The shipped detector's types with no sentence above its threshold."""
    shipped = load_detector()
    assert shipped is not None
    n = len(shipped.types)
    return Detector(
        shipped.types, np.zeros_like(shipped.coef), np.zeros(n), np.full(n, 2.0), "never"
    )


def by_rule(text: str, never: Detector) -> dict[str, tuple[str | None, str | None]]:
    """Event type -> (source country, target country), the detector saying no to all."""
    (res,) = read_documents([DocumentInput("d", text, "ar")], detector=never)
    return {e.event_type: (e.source.country, e.target.country) for e in res.events}


def coded(text: str) -> set[str]:
    return {e.event_type for e in read_document(DocumentInput("d", text, "ar")).events}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # A sit-in, its teachers the place's, the government protested against.
        (
            "اعتصم مئات المعلمين أمام مبنى وزارة التربية في عمّان احتجاجا على قرار الحكومة "
            "الأردنية خفض العلاوات.",
            "JOR",
            "JOR",
        ),
        # Blocking roads: the crowd between the verb and the roads (a gapped trigger).
        (
            "قطع محتجون طرقا رئيسية في بيروت بالإطارات المشتعلة احتجاجا على انهيار الليرة.",
            "LBN",
            "LBN",
        ),
        ("أضرب موظفو القطاع العام في السودان عن العمل للأسبوع الثاني على التوالي.", "SDN", "SDN"),
        ("نظم ناشطون سلسلة بشرية على شاطئ غزة للمطالبة بفك الحصار.", "PSE", "PSE"),
        # A headline: the protesters first, the verb in the present.
        ("مئات المتظاهرين يحتشدون أمام السفارة الأمريكية في العاصمة الأردنية.", None, "USA"),
        (
            "خرج آلاف السودانيين في مظاهرة بمدينة أم درمان يوم الخميس للمطالبة بإنهاء الحرب.",
            "SDN",
            "SDN",
        ),
        # Dev split: the crowd before a plural verb.
        (
            "وقالت الشرطة وشهود ان متظاهرين أغلقوا امس تقاطع الطرق الرئيسي في كراتشي كبرى مدن "
            "البلاد، عبر احراق اطارات ورشق السيارات بالحجارة.",
            "PAK",
            "PAK",
        ),
        # Dev split (labelled yes).
        (
            "واعتصم المتظاهرون قرب محطة لتوليد الطاقة من الفحم في نويرات طوال يومي السبت والأحد "
            "بدرجة حرارة تقترب من الصفر.",
            None,
            None,
        ),
    ],
)
def test_a_protest_reported_as_done_is_coded_with_its_sides(
    text: str, source: str | None, target: str | None, never: Detector
) -> None:
    assert by_rule(text, never)["PROTEST"] == (source, target)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("انفجرت سيارة مفخخة في سوق شعبي بمدينة أعزاز شمالي سوريا صباح اليوم.", None, "SYR"),
        ("فجر انتحاري نفسه داخل مسجد في مدينة بيشاور.", None, "PAK"),
        ("اغتيل مسؤول محلي في حركة فتح برصاص مجهولين في مخيم عين الحلوة.", None, "LBN"),
        ("اختطف مسلحون من جماعة الحوثي ثلاثة موظفين أمميين في صنعاء.", "YEM", "IGO"),
        ("مسلحون يختطفون عاملي إغاثة في شمال مالي.", None, "MLI"),
        ("أطلق مسلحون النار على حافلة تقل مسيحيين في محافظة المنيا.", None, "EGY"),
        ("طعن مستوطن فلسطينيا قرب مدينة الخليل.", "ISR", "PSE"),
    ],
)
def test_a_bombing_assassination_or_kidnapping_done_is_an_assault(
    text: str, source: str | None, target: str | None, never: Detector
) -> None:
    assert by_rule(text, never)["ASSAULT"] == (source, target)


def test_a_claimed_bombing_is_an_assault(never: Detector) -> None:
    assert "ASSAULT" in by_rule("تبنى تنظيم الدولة الإسلامية تفجير كنيسة في مدينة طنطا.", never)


@pytest.mark.parametrize(
    "text",
    [
        "دعت لجان المقاومة إلى مظاهرات حاشدة يوم الأحد المقبل في الخرطوم.",
        "حظرت السلطات المصرية أي مظاهرات في ميدان التحرير.",
        "نفت وزارة الداخلية التونسية خروج أي مظاهرات في مدينة صفاقس أمس.",
        "أعلن الاتحاد العام التونسي للشغل أنه سينفذ إضرابا عاما إذا لم تستجب الحكومة لمطالبه.",
        "هدد لاعبو الدوري الإسباني بالإضراب عن اللعب احتجاجا على جدول المباريات.",
        "هذه الهزيمة تستدعي وقفة مراجعة جادة داخل الحزب.",
        "يذكر أن آلاف المصريين خرجوا إلى الشوارع في يناير 2011 مطالبين برحيل مبارك.",
        "تتواصل مسيرة التنمية في البلاد رغم التحديات الاقتصادية.",
        "ينوي عمال الموانئ الإضراب عن العمل الأسبوع المقبل.",
        # Dev split: a path, not a march.
        "منذ العام 2005 بدأ المجلس مسيرة التعطيل «الممنهج» على خلفية الصراع.",
    ],
)
def test_no_protest_that_was_called_banned_denied_planned_or_figurative(text: str) -> None:
    assert "PROTEST" not in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "شهدت الأسواق السودانية انفجارا في أسعار الخبز والوقود.",
        "انفجر الخلاف بين الشريكين في الائتلاف الحاكم حول الميزانية.",
        "اختطف المنتخب الجزائري فوزا ثمينا من مضيفه في الدقيقة التسعين.",
        "وقع انفجار في مصنع للألعاب النارية بسبب خلل كهربائي في مدينة العاشر من رمضان.",
        "ألقت الشرطة القبض على شخص يشتبه في تخطيطه لاغتيال رئيس الوزراء.",
        "سجل المنتخب المغربي هدف الفوز من ضربة جزاء في الدقيقة الأخيرة.",
    ],
)
def test_no_assault_in_prices_quarrels_football_foiled_plots_or_accidents(text: str) -> None:
    assert "ASSAULT" not in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # Dev split (labelled no): what a protest already reported chanted or blocked.
        "وهتف المتظاهرون «كلا للارهاب، كلا للدليمي».",
        "واغلق المتظاهرون الطريق الرئيسية في المنطقة باشعال الاطارات والقاء الحجارة ومنع "
        "الشاحنات من الدخول الى الصوامع.",
        # An army closing roads is no protest.
        "أغلقت قوات الأمن الطرق المؤدية إلى ساحة الاعتصام في الخرطوم.",
    ],
)
def test_the_rule_takes_no_chant_or_act_of_a_protest_already_told(
    text: str, never: Detector
) -> None:
    assert "PROTEST" not in by_rule(text, never)


@pytest.mark.parametrize(
    "text",
    [
        # Dev split: a background clause about a known killing, a kidnapping named as
        # a noun, warning shots.
        "في اشارة الى والد مقتدى، محمد صادق الصدر الذي اغتيل عام 1999.",
        "وقالت وسائل اعلام اسرائيلية إن عسكري كان متورطا في خطف الطيار الإسرائيلي رون اراد.",
        "واطلق عناصرها النار في الهواء لمنع المتظاهرين من مواصلة قطع الطرق.",
        # A foiled or defused bomb (the detector still takes these two: not the rule).
        "أحبطت قوات الأمن العراقية محاولة لتفجير سيارة مفخخة في كركوك.",
        "تمكنت الشرطة من تفكيك عبوة ناسفة قبل انفجارها في سوق ببغداد.",
    ],
)
def test_the_rule_takes_no_background_noun_warning_shot_or_foiled_bomb(
    text: str, never: Detector
) -> None:
    assert "ASSAULT" not in by_rule(text, never)
