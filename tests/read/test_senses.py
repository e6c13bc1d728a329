"""Arabic trigger words in another sense are not coded; the right sense still is.

Every sentence here is an Arabic dev sentence, or a verbatim stretch of one,
whose event was labelled in ``evaluation/arabic_trigger_only_labels*.jsonl``
(the sense rules of :mod:`wiqaya.read.senses` and triggers-2026.11.13).
"""

from __future__ import annotations

import pytest

from wiqaya.read.detector import StemMatcher
from wiqaya.read.events import find_triggers
from wiqaya.read.phrases import tokenize


def coded(text: str) -> dict[str, str]:
    """PLOVER type → the word its trigger starts at."""
    toks = tokenize(text)
    return {t.event_type: toks[t.tok_start].text for t in find_triggers(toks, "ar")}


# (sentence, type the word must not be coded as)
WRONG_SENSE = [
    # «حشد» a crowd, rallying: no build-up of forces.
    (
        "وفوجئ النواب الذين قدموا لحضور جلسة البرلمان الصباحية أمس بحشد من المتظاهرين "
        "يطلقون الصفارات ويصيحون «العار!",
        "MOBILIZE",
    ),
    (
        "عندما فجر انتحاري يقود سيارة مفخخة نفسه وسط حشد للشرطة في الحلة (100 كم جنوب بغداد) "
        "صباح امس، حسبما افادت وكالة الصحافة الفرنسية.",
        "MOBILIZE",
    ),
    (
        "يستخدم شبان في السودان - اخر دولة عربية شهدت انتفاضة شعبية ناجحة - مواقع الشبكات "
        "الاجتماعية على الانترنت لحشد التأييد لخطتهم للاطاحة بالحكومة من خلال احتجاجات سلمية.",
        "MOBILIZE",
    ),
    (
        "وحسب أرقام الشرطة والمنظمين، تراوح عدد المتظاهرين بين 400 و2000 شخص، الامر الذي يمثل "
        "رقما معتبراً في التعبئة حول هذا الملف.",
        "MOBILIZE",
    ),
    # «يهدد الوحدة الوطنية», «تشكل تهديدا», «تهديد أمنها», «المهددة»: a danger.
    (
        "بعد أن أخذت المحكمة الدولية بعدا سياسيا بامتياز صار يهدد الوحدة الوطنية والأمن القومي",
        "THREATEN",
    ),
    (
        "والضرب والتضييق بكافة أشكاله على عمل إعلاميين وصحافيين مستقلين، باتت تشكل تهديداًَ "
        "فعلياً أمام قيام صحافة حرة مستقلة في بلد متمايز كتونس.",
        "THREATEN",
    ),
    (
        "ويهدف إلى عدم استقرار الأمور في البصرة وتهديد أمنها، فأن ذلك أمر غير صحيح ومرفوض",
        "THREATEN",
    ),
    (
        "تبرز الفتنة الطائفية بأبشع صورها فى لبنان ومصر، والتي باتت أقوى العناصر المهددة "
        "لاستقرارها الاجتماعي والسياسي.",
        "THREATEN",
    ),
    (
        "واعتصم المتظاهرون في الشوارع، وجلسوا على الارض بعد منعهم من الوصول الى الاراضي المهددة.",
        "THREATEN",
    ),
    # «مقاطع الفيديو» clips, «قاطعين طريق» blocking a road, «سجن مقاطعة» a county.
    (
        "وأصبحت مقاطع الفيديو التي تُظهر عمليات قطع الرأس والذبح للمختطفين",
        "COERCE",
    ),
    (
        "وذكر مصدر في الشرطة أن «نواة صلبة» من المتظاهرين، قوامها نحو 1200 شخص، يجلسون "
        "بجماعات قاطعين طريق الشاحنة.",
        "COERCE",
    ),
    (
        "واعلن سجن مقاطعة رامسي عند الساعة 22.30 الخميس عن توقيف 90 متظاهرا، بحسب الصحيفة.",
        "COERCE",
    ),
    # «يتوافق مع» coincides, «التوافق» consensus: no agreement.
    (
        "وهو الموعد الذي يتوافق مع ذكرى مذبحة الأقصر، التي اتهم فيها منتمون لتنظيمات أصولية",
        "AGREE",
    ),
    (
        "هكذا تنطق الثورة التونسية، بعبارات «التوافق» و«الامل» والمثابرة، والحذر أيضا من "
        "مواربات نظام تسلطي",
        "AGREE",
    ),
    # «الحملة الدعائية» propaganda: no call.
    (
        "بفضل ما وصفه بضغط اللوبي الداعم لإسرائيل في الولاية والحملة الدعائية التي شنها هذا "
        "اللوبي ضد الجالية العربية",
        "REQUEST",
    ),
]

# (sentence, type, word its trigger starts at)
RIGHT_SENSE = [
    (
        "شعارت مثل انسحاب سريع من العراق، وحشد مزيد من القوات في افغانستان، والتركيز على "
        "المفاوضات بدلا من المواجهات",
        "MOBILIZE",
        "وحشد",
    ),
    (
        "في الوقت الذي تؤكد فيه ابسط فنون التعبئة العسكرية على وجوب ضرب العدو في هذه المرحلة",
        "MOBILIZE",
        "التعبئة",
    ),
    (
        "هدد جيش الإسلام، الموالي لتنظيم القاعدة، بالقصاص من حماس، لمقتل 9 من عناصره",
        "THREATEN",
        "هدد",
    ),
    (
        "ان المعارضة اللبنانية لن تقبل برئيس تنتخبه الاكثرية بالنصف زائد واحداً، مهدداً "
        "باستعمال «كل وسائل المقاومة لإسقاط الرئيس وإرساله الى السجن».",
        "THREATEN",
        "مهدداً",
    ),
    (
        "هذا كان ضابطا عراقيا محترما ورمزا عراقيا والجيش والشعب العراقي كله يحترمه، ما ذنبه "
        "ليساق الى المحكمة وكل يوم يهدد بالاعدام.",
        "THREATEN",
        "يهدد",
    ),
    # «ب» + an abstract noun is what the threat is made with, not a danger.
    (
        "ولاحقه رجال الشرطة، وأمسكوا به، لكنه هددهم بوجود متفجرات داخل سيارته",
        "THREATEN",
        "هددهم",
    ),
    (
        "فحتى إذا كانت أقلية صغيرة جدا هي التي توافق على أن يخلف الابن أباه في رئاسة الجمهورية",
        "AGREE",
        "توافق",
    ),
    (
        "في غضون ذلك، أدان الحزب الديمقراطي التقدمي التونسي المعارض أمس عملية خطف السائحين "
        "النمساويين، ودعا الى اطلاق سراحهما «بلا شروط».",
        "REQUEST",
        "ودعا",
    ),
    # A boycott and a ban are CAMEO 163/172: COERCE (CAMEO2PLOVER), as in English.
    (
        "لكن رئيس البرلمان الاوروبي هانز جيرت بوتيرينج حث السياسيين على التفكير في مقاطعة "
        "الدورة الاولمبية في بكين احتجاجا على حملتها على المتظاهرين في التبت.",
        "COERCE",
        "مقاطعة",
    ),
    (
        "في خطوة تصعيدية مفاجئة، حظر الجيش السوداني الملاحة النهرية بين الشمال الجنوب على "
        "مجرى «النيل الابيض»، لاسباب أمنية",
        "COERCE",
        "حظر",
    ),
]


@pytest.mark.parametrize(("text", "etype"), WRONG_SENSE)
def test_a_word_in_another_sense_is_not_coded(text: str, etype: str) -> None:
    assert etype not in coded(text)


@pytest.mark.parametrize(("text", "etype", "word"), RIGHT_SENSE)
def test_the_right_sense_is_still_coded(text: str, etype: str, word: str) -> None:
    assert coded(text).get(etype) == word


def test_sanctions_words_are_no_longer_sanction() -> None:
    # The stems stay under SANCTION in the lexicon for the detector's features.
    for text, _etype, _word in RIGHT_SENSE[-2:]:
        assert "SANCTION" not in coded(text)


def test_a_rejected_match_lets_the_next_one_through() -> None:
    m = StemMatcher({"MOBILIZE": ["حشد"]}, 3)
    words = ["وسط", "حشد", "من", "الناس", "ثم", "حشد", "القوات"]
    assert m.find(words) == {"MOBILIZE": (1, 2)}
    no_crowd = m.find(words, reject=lambda w, i, _e, _l: w[i + 1] == "من")
    assert no_crowd == {"MOBILIZE": (5, 6)}


@pytest.mark.parametrize(
    "text",
    [
        # Written in the register of current news: verb, subject, then the object.
        "قطعت الجزائر علاقاتها الدبلوماسية مع المغرب.",
        "سحبت قطر سفيرها من دمشق احتجاجا على القمع.",
        "قطع البلدان العلاقات بعد الأزمة.",
    ],
)
def test_breaking_relations_across_the_subject_is_a_sanction(text: str) -> None:
    assert "SANCTION" in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # dev sentences: an opponent, an exhibition, the opposition (triggers-2026.11.18).
        "«ولكن ما فات مهندسي السياسة الأميركية هو أن لبنان ليس السودان» يقول قطب مسيحي معارض.",
        "وقدمت الفرق المكونة من أعضاء هيئة التدريس والطلاب في الجامعة عروضا تعريفية و معارض تمثل "
        "مختلف الدول والثقافات .",
        "وبرأيي يفترض الا تكون هناك معارضة، الآن الكل في مجلس الوزراء.",
    ],
)
def test_an_opponent_or_an_exhibition_is_no_rejection(text: str) -> None:
    assert "REJECT" not in coded(text)
