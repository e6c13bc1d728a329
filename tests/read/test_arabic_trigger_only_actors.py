"""Arabic actors the dictionaries missed as sources and targets of the trigger-only types.

Real sentences of the Arabic dev data (read15): Fatah only in a party context,
demonyms the lists lacked, human-rights groups, «العدو الإسرائيلي», and a
present verb that describes the indefinite plural before it.
"""

from __future__ import annotations

import re

import pytest

import wiqaya.read.clause as clause
from wiqaya.read.actors import load_actors
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, EventRecord, read_documents


def _event(text: str, event_type: str, evidence: str) -> EventRecord:
    (result,) = read_documents([DocumentInput("t", text, "ar")])
    found = [e for e in result.events if e.event_type == event_type and e.evidence == evidence]
    assert found, [(e.event_type, e.evidence) for e in result.events]
    return found[0]


def _mentions(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.country, m.sector) for m in load_actors().mentions(tokenize(text), text)]


def test_fatah_as_the_subject_after_a_feminine_verb_is_the_accuser() -> None:
    # Before read15 «فتح» was no mention and «حماس», the accused, was the subject.
    ev = _event(
        "وقال ايمن طه ممثل حماس في المكتب المشترك للحركتين إن انفجار عمليات العنف يأتي"
        " من أجل القضاء على حالة الوفاق السائدة في الاراضي الفلسطينية بعد التوقيع على"
        " اتفاق مكة وتشكيل حكومة الوحدة الوطنية.واتهمت فتح حماس باختطاف ثلاثة من نشطائها"
        " في شمال غزة.",
        "ACCUSE",
        "واتهمت",
    )
    assert (ev.source.text, ev.source.country) == ("فتح", "PSE")


_TRUCE = (
    "وقد اندلعت الاشتباكات في وسط قطاع غزة وامتدت الى مدينة غزة وشمال القطاع في اخطر"
    " خرق للهدنة بين فتح وحماس منذ دخولها حيز التنفيذ فجر الثلاثاء."
)


def test_fatah_between_two_parties_of_a_truce(monkeypatch: pytest.MonkeyPatch) -> None:
    # Since read16 a truce named as what was breached is not coded (the breach
    # is the act); the parties of «بين فتح وحماس» are checked with that rule off.
    (result,) = read_documents([DocumentInput("t", _TRUCE, "ar")])
    assert "AGREE" not in {e.event_type for e in result.events}
    clause.word_kind.cache_clear()
    monkeypatch.setattr(clause, "_BACKGROUND", re.compile(r"(?!)"))
    # Since roles7 a truce noun is AGREE only where it was made: off too.
    monkeypatch.setattr(clause, "truce_made", lambda *a: True)
    try:
        ev = _event(_TRUCE, "AGREE", "للهدنة")
    finally:
        clause.word_kind.cache_clear()
    assert ev.source.text == "فتح" and ev.target.text == "وحماس"


@pytest.mark.parametrize(
    "text",
    [
        "افادت الاجهزة الامنية الباكستانية بان رجلا يشتبه في انه اراد تنفيذ عملية انتحارية"
        " بسيارة مفخخة في مطار اسلام اباد الدولي، فتح النار ثم فجر الشحنة التي بحوزته",
        "اشتباكات بين المتظاهرين وانصار الاكثرية النيابية الذين تصدوا لهم وحاولوا فتح الطرق"
        " العامة بأنفسهم",
        "وإعادة فتح مكتب",
        "تنظيم فتح الإسلام.",
    ],
)
def test_the_verb_and_noun_fatah_are_no_actor(text: str) -> None:
    # «فتح النار» (opened fire), «فتح الطرق», «إعادة فتح»: the verb or verbal
    # noun; «فتح الإسلام» is another group, coded LBN by PETRARCH.
    assert not [m for m in _mentions(text) if m[1] == "PSE"]


def test_a_plural_demonym_the_lists_lacked() -> None:
    found = _mentions("وندد المتظاهرون بما وصفوه بالسلوك المشين للدنماركيين تجاه المسلمين")
    assert ("للدنماركيين", "DNK", None) in found


def test_human_rights_groups_call() -> None:
    ev = _event(
        "وقد فشل مندوبو الدول الاعضاء في مجلس الامن في الاتفاق على بيان يشجب الحملة الصارمة"
        " في بورما ضد المتظاهرين المؤيدين للديمقراطية في حين دعت منظمات حقوقية الى وقف شحنات"
        " السلاح الى بورما وتوضيح مصير المعتقلين في الحملة.",
        "REQUEST",
        "دعت",
    )
    assert ev.source.text == "منظمات حقوقية"


def test_talks_with_the_israeli_enemy() -> None:
    ev = _event(
        "واعتبر النائب مصطفى علوش من «المستقبل» أيضا، أن «المحكمة الدولية في جريمة اغتيال"
        " الرئيس الشهيد رفيق الحريري آتية لا محالة، لذلك نرى الزحف السوري المطرد نحو تركيا"
        " لإجراء محادثات سرية وغير سرية مع العدو الاسرائيلي، ولأجل ذلك ليس لدى من يتاجر"
        " بالأمة العربية أي مانع من أن يلتقي العدو الاسرائيلي من أجل شيء واحد فقط».",
        "CONSULT",
        "محادثات",
    )
    assert (ev.target.text, ev.target.country) == ("العدو الاسرائيلي", "ISR")


def test_a_present_verb_after_slogans_takes_the_chanters_as_source() -> None:
    # «بشعارات تطالب الحكومة»: the slogans demand; the government was the
    # subject (read14), it is the addressee.
    ev = _event(
        "وهتف المتظاهرون بشعارات تطالب الحكومة العراقي بإطلاق سراح الزيدي كونه «بطل العراق"
        " وأسد الرافدين».",
        "REQUEST",
        "تطالب",
    )
    assert ev.source.text == "المتظاهرون"
    assert ev.target.text == "الحكومة العراقي"


def test_slogans_are_a_crowds_not_the_court_before_them() -> None:
    # «أمام مقر المحكمة ... ورددوا شعارات تطالب»: the activists chant; the
    # court in front of which they stand is no demander.
    ev = _event(
        "فيما تظاهر عشرات النشطاء الحقوقيين والسياسيين أمام مقر المحكمة احتجاجا على الحكم"
        " الذي وصفوه بـ«البيروقراطي»، ورددوا شعارات تطالب بإلغاء لجنة شؤون الأحزاب بمجلس"
        " الشورى التي يسيطر عليها الحزب الوطني الحاكم.",
        "REQUEST",
        "تطالب",
    )
    assert ev.source.text != "المحكمة"
    assert ev.source.sector in ("CVL", "PTY", "OPP")
