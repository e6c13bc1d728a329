"""A trigger stem codes an event only where it is the word's own stem.

The Arabic trigger lexicon lists short stems that match inside a word after
its proclitics. Letters of a stem inside another word («زار» "visited" in
«وزارة» "ministry», «طالب» "demanded" in «طالبان» "the Taliban») or an actor
noun of the stem's root («المعارضة» "the opposition") are no event. Sentences
quoted from arabic_event_gsr/*_detection.dev.csv.
"""

from __future__ import annotations

import pytest

from wiqaya.language.arabic import normalise
from wiqaya.read.detector import ARABIC_PROCLITICS, arabic_triggers, trigger_lexicon
from wiqaya.read.events import find_triggers
from wiqaya.read.phrases import tokenize

MINISTRY = (  # AAW_ARB_20080618.0064-15
    "وقد أعلنت وزارة الداخلية الإسبانية أن أول ضحايا المظاهرات كان متظاهرا صدمته شاحنة "
    "خارج إحدى أسواق الجملة."
)
OPPOSITION = "هو الاسم الوحيد الذي لم يتوقع أحد له أن يصوّت لمرشح المعارضة."
TALIBAN = (
    "وهل ما عرفته الشيشان والبوسنة وبلاد كردستان وجنوب السودان وحركة طالبان وتنظيم "
    "القاعدة... ثورات أم حركات انفصالية أم حركات تحرر قومي أم حركات دينية جهادية؟"
)
IMPLEMENT = (
    "وبديهي ان يستمر شباب الثورة ساهرين على تنفيذ أهدافهم حتى لا يتم التحايل عليها "
    "بالتجزئة او بتطويل أمد التنفيذ لكي يدب اليأس في النفوس فيقرع جرس الانصراف للثوار."
)
SOCIAL = (
    "نيقوسيا - ا ف بدعت مجموعة لم تكشف هويتها على موقع التواصل الاجتماعي فيسبوك ، الى "
    "يوم غضب بعد صلاة الجمعة في كافة المدن السورية."
)
HANDS = (  # AAW_ARB_20080417.0017-2
    "وطوقت قوات الأمن الجامعات الثلاث بأعداد كبيرة من رجال الامن في وقت وردت فيه أنباء "
    "عن اشتباكات بالأيدي داخل جامعة القاهرة بين المتظاهرين وطلاب معادين للإخوان."
)
# The same stems where they are the word's own.
DENIED = (  # AAW_ARB_20081129.0009-11: «قائد» is no support, «المعارض» no rejection
    "وفيما اعلن مساعد قائد الشرطة في بانكوك بيا سورنتراكون ان المتظاهرين وافقوا على "
    "التفاوض، نفى زعيم «تحالف الشعب من اجل الديمقراطية» المعارض سوندي ليمتونغكول ذلك."
)
VISITED = (
    "وزار بلدة سيدروت التي تتعرض دائما لصواريخ حماس، وقال من هناك ان «ايران نووية تشكل "
    "تهديدا خطرا... وعلى العالم ان يمنعها من الحصول على أسلحة نووية»."
)
VISITED_COMMANDER = (
    "كما زار قهوجي نائب القائد العام للجيش والقوات المسلحة السورية، وزير الدفاع العماد علي حبيب."
)
BACKED = (  # AAW_ARB_20080714.0040-5
    "وأيد المتظاهرون الرئيس البشير، وهتفوا بروحه: «نحن معك... سير سير يا بشير نحن جنودك للتعمير»."
)
DEMANDING = (
    "ففي لحظة الاستشهاد، انخرطت قوى لبنانية كثيفة في مسيرة «استقلالية»، تطالب "
    "«بالحقيقة»، وتصر على المحاسبة."
)


def _found(text: str) -> dict[str, str]:
    """PLOVER type → the words of its trigger."""
    toks = tokenize(text)
    return {
        t.event_type: " ".join(x.text for x in toks[t.tok_start : t.tok_end])
        for t in find_triggers(toks, "ar")
    }


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        (MINISTRY, "CONSULT"),
        (OPPOSITION, "REJECT"),
        (TALIBAN, "REQUEST"),
        (IMPLEMENT, "REJECT"),
        (SOCIAL, "CONSULT"),
        (HANDS, "SUPPORT"),
        (DENIED, "SUPPORT"),
        (VISITED_COMMANDER, "SUPPORT"),
    ],
)
def test_a_stem_inside_another_word_codes_no_event(text: str, not_type: str) -> None:
    assert not_type not in _found(text)


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        (DENIED, "REJECT", "نفى"),  # after the opposition noun «المعارض», which is skipped
        (VISITED, "CONSULT", "وزار"),  # «و» + «زار», not «وزارة»
        (VISITED_COMMANDER, "CONSULT", "زار"),
        (BACKED, "SUPPORT", "وأيد"),
        (DEMANDING, "REQUEST", "تطالب"),
    ],
)
def test_the_stem_as_its_own_word_still_codes(text: str, etype: str, trigger: str) -> None:
    assert _found(text).get(etype) == trigger


def test_every_stem_matches_after_every_proclitic() -> None:
    # «و», «بال», «ويت»… before any listed stem keep it a trigger, unless the
    # resulting word is one of that stem's blocked spellings.
    matcher = arabic_triggers()
    blocked = {
        normalise(k): [normalise(b) for b in v]
        for k, v in trigger_lexicon()["not_triggers_ar"].items()
    }
    for etype, entry in trigger_lexicon()["types"].items():
        for term in entry["ar"]:
            if len(term.split()) > 1:
                continue
            stem = normalise(term)
            for prefix in ARABIC_PROCLITICS:
                word = prefix + stem
                if any(b in word for b in blocked.get(stem, ())):
                    continue
                assert matcher.find([word], strict=frozenset({etype})), (etype, word)


def test_letters_that_are_no_proclitics_block_the_stem() -> None:
    matcher = arabic_triggers()
    strict = frozenset({"ACCUSE", "SUPPORT", "CONSULT"})
    # their lives / their forces (… + «اتهم»), commander, throwing (ا + «لقاء»)
    for word in ("حياتهم", "قواتهم", "قايد", "القاء"):
        assert not matcher.find([word], strict=strict), word
    # The loose match the detector was trained on is unchanged.
    assert matcher.find(["حياتهم"]) and matcher.find(["قايد"])
