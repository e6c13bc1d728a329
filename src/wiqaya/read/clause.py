"""Which word governs an Arabic trigger: a demand, a threat, a plan, a condition or a negation.

The 14 Arabic types without a detector are coded from the trigger lexicon
alone. A hand-labelled sample showed their commonest error: the trigger names
an act that someone demands («طالبت ... بفرض عقوبات»), plans («تعتزم»,
«سيفرض»), makes a condition of («لو وافق»), refuses or denies («رفض»,
«لم»), not one that happened. CAMEO codes the demand (10x, REQUEST) or the
threat (13x, THREATEN), not the act demanded or threatened; a planned,
hypothetical or negated act is not coded at all (the labels of the sample
count planned acts wrong, and the English coder drops negated hostile acts).

:func:`governor` walks back from the trigger, word by word, within its clause
(no punctuation between, no word that opens another clause such as «حيث»,
«فيما», «الذي», «بعد», «حول», or a finite verb «ورفضوا»), and returns the
nearest governing word. Each kind of governor reaches so far: a negation
particle, a condition or the future «سـ» the next word or two («لم يفرض
عقوبات», «لو وافق», «سيفرض حصاره»), a demand, a threat or a plan verb up to
eight («طالب المتظاهرون امس بانسحاب القوات»). A word that halts or lifts
an act («وقف», «رفع») stops the walk: a demand to lift a siege presupposes
the siege («المطالبة برفع الحصار»), while a halted cooperative act is no act
of that type («انهيار الهدنة»). :func:`govern_triggers` applies the verdict to
a sentence's triggers (:func:`wiqaya.read.pipeline.pending_events`); the
detector types PROTEST and ASSAULT are left alone (the detector has call,
threat and plan cues of its own).

A word window is no clause: none of this parses, and a governing verb more
than eight words before its object («وطلبت الولايات المتحدة والاتحاد
الاوروبي المؤلف من 27 دولة عضوا أمس من مجلس الامن دراسة فرض عقوبات») is
missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from wiqaya.read.detector import ARABIC_PROCLITICS, arabic_triggers
from wiqaya.read.events import Trigger
from wiqaya.read.phrases import Token

Kind = Literal[
    "request",
    "threat",
    "plan",
    "future",
    "purpose",
    "condition",
    "negation",
    "refusal",
    "halt",
    "lift",
]

# How many words after it each kind of governor reaches.
REACH: dict[str, int] = {
    "request": 8,
    "threat": 8,
    "plan": 8,
    # «سيفرض حصاره», «ستنفذ عمليات طرد»; not «سوف لن يؤثر على سير المشاورات
    # الجارية», where the future verb governs another.
    "future": 2,
    # «من اجل الاتفاق», «بهدف الافراج»; not «مبادرة ... من أجل الحرية ... بالشراكة».
    "purpose": 3,
    # «لو وافق بوتين», «اذا تم احتجازه»; not «اذا تذكرنا تهديدات السيد».
    "condition": 2,
    # «لم يفرض عقوبات», «عدم تقديم المساعدات».
    "negation": 2,
    # «رفض العقوبات», «ورفضوا اجراء مفاوضات»; not «ترفض مساعدتها ... من جراء
    # مقاطعتها».
    "refusal": 3,
    # «انهيار الهدنة», «التوقف عن تقديم المساعدات».
    "halt": 3,
    "lift": 3,
}

# Word stems (normalised: ة→ه, ى→ي, أإآ→ا) found as the word's own stem, with
# proclitics before it («وطالبت», «للمطالبه», «بالدعوه»), as the coder finds
# triggers.
_STEMS: dict[str, tuple[str, ...]] = {
    "request": ("طالب", "مطالب", "دعا", "دعت", "دعو", "ناشد", "طلب", "نداء", "حاجه"),
    "threat": ("هدد", "تهديد", "توعد"),
    # Verbs of intent, not plan nouns: «خطة خارطة الطريق», «مشروع» *project*
    # name things that are done.
    "plan": (
        "اعتزم",
        "يعتزم",
        "تعتزم",
        "عزم",
        "ينوي",
        "تنوي",
        "نيه",
        "يخطط",
        "تخطط",
        "خطط",
        "يسعي",
        "تسعي",
        "سعيا",
        "يريد",
        "تريد",
        "نريد",
        "تجنب",
        "تتطلع",
        "يتطلع",
        "رغبه",
        "يرغب",
    ),
    "purpose": ("بهدف",),
    "failure": ("فشل",),
    # «رفع» both lifts («رفع الحصار») and raises («رفع حالة الاستنفار»).
    "lift": ("رفع",),
}
# A halt as a whole word with proclitics only: «موقف» *position* and «وقفات»
# *vigils* hold «وقف».
_HALT = re.compile(r"^[وف]?(بال|لل|ال|ب|ل)?(وقف|توقف|ايقاف|الغاء|انهاء|انهيار|كسر|تعليق)$")
# Closed-class words, whole (after «و/ف» at most).
_WORDS: dict[str, frozenset[str]] = {
    "future": frozenset({"سوف"}),
    "plan": frozenset({"بصدد"}),
    "condition": frozenset({"اذا", "لو", "لولا"}),
    "negation": frozenset({"لم", "لن", "لا", "ما", "ليس", "ليست", "عدم", "بعدم", "لعدم", "دون"}),
}
# Refusal and opposition, found as the REJECT lexicon finds them, so that
# «المعارضه» *the opposition* is none.
_REFUSAL = ("رفض", "عارض")
# «ما زال», «لا يزال» *still*, «ما بعد» *post-*, «لا سيما»: no negation.
_NOT_NEGATED = frozenset({"زال", "زالت", "يزال", "تزال", "بعد", "قبل", "سيما", "بين"})
# «وهو ما ترفضه انقره», «ذلك ما طالب به»: «ما» is *what*.
_RELATIVE_MA = frozenset({"هو", "هي", "وهو", "وهي", "ذلك", "هذا", "كل", "مع", "علي", "الي"})
# Spellings that hold a stem but are another word.
_NOT_GOVERNORS = ("دعوي", "الطلبه", "طالبان")  # *lawsuit*, *the students*, *Taliban*
# «المطالب» *the demands*, a plural noun, governs nothing after it: «هذه
# السيناريوهات والمطالب يوميا وملخصها رفض المحكمة».
_DEMANDS_NOUN = re.compile(r"^[وف]?(ال)?مطالب(هم|ها|نا)?$")
# «تلبية لدعوة», «استجابة لنداء»: the act after answers the call; it happened.
_ANSWERED = frozenset({"تلبيه", "استجابه"})
# Words that open another clause: a trigger after them is not governed by a
# word before them.
_OPENERS = frozenset(
    {
        "حيث",
        "فيما",
        "بينما",
        "عندما",
        "حين",
        "حينما",
        "بعدما",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "لكن",
        "لكنه",
        "لكنها",
        "ولكن",
        "الا",
        "اذ",
        "ثم",
        "كما",
        # «لا سيما»: an example follows, not an object.
        "سيما",
        # A topic («طالب بتفسيرات حول اتهامات التعذيب») or a time («طلبت اثر
        # رفض المعارضين التفاوض») is not what the verb before governs.
        "حول",
        "بشان",
        "اثر",
        "عقب",
        "بعد",
        "قبل",
        "قال",
        "وقال",
        "قالت",
        "وقالت",
        "واضاف",
        "واضافت",
    }
)
# «ورفضوا», «واتهموا»: a past verb in the plural, coordinated, opens a clause
# (unless it governs itself: «وطالبوا بتنحيه»).
_COORDINATED_VERB = re.compile(r"^و..+وا$")
_BOUNDARY = re.compile(r"[،,.;:؛!?؟()\[\]\-–—]")
# The future particle «سـ» on a verb («سيفرض», «ستعلن»); nouns that begin
# the same way («سياره», «سيطره», «سنوات», «سيناء») are left out.
_FUTURE = re.compile(r"^[وف]?س[يتن]..")
_NOT_FUTURE = (
    "سيا",
    "سيط",
    "سنو",
    "سنت",
    "سنه",
    "سنغ",
    "سنج",
    "سند",
    "سيد",
    "سين",
    "سيل",
    "سيم",
    "سيب",
    "ستر",
    "ستي",
    "سير",
    "سيس",
    "سيي",
)
# Types whose halting is no act of the type: a truce that collapsed, aid
# stopped, a cooperation protocol cancelled. A hostile act demanded to stop
# («بوقف المداهمات») is going on.
_COOPERATIVE = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "MOBILIZE"}
)
_DETECTED = frozenset({"PROTEST", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class Governor:
    kind: Kind
    tok: int  # index of the governing word


def _has_stem(word: str, stems: tuple[str, ...]) -> bool:
    for s in stems:
        p = word.find(s)
        if p == 0 or (p > 0 and word[:p] in ARABIC_PROCLITICS):
            return True
    return False


def _refusal(word: str) -> bool:
    m = arabic_triggers()
    return any(s in _REFUSAL and m.is_word_of(word, s) for s in m.stems_in(word))


def _bare(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


@lru_cache(maxsize=200_000)
def word_kind(word: str) -> Kind | None:
    """The kind of governor a (normalised) word is, or None."""
    if any(b in word for b in _NOT_GOVERNORS) or _DEMANDS_NOUN.match(word):
        return None
    bare = _bare(word)
    for kind, words in _WORDS.items():
        if word in words or bare in words:
            return kind  # type: ignore[return-value]
    if bare == "اجل":
        return "purpose"
    if _HALT.match(word):
        return "halt"
    if _refusal(word):
        return "refusal"
    if (
        _FUTURE.match(word)
        and not bare.startswith(_NOT_FUTURE)
        and not word.startswith(_NOT_FUTURE)
    ):
        return "future"
    for kind, stems in _STEMS.items():
        if _has_stem(word, stems):
            return "negation" if kind == "failure" else kind  # type: ignore[return-value]
    return None


def _applies(kind: Kind, tokens: list[Token], k: int, start: int) -> bool:
    """Whether the governor at ``k`` reaches the trigger at ``start``."""
    if start - k > REACH[kind]:
        return False
    before = tokens[k - 1].norm if k > 0 else ""
    if kind == "negation":
        word = tokens[k].norm
        if tokens[k + 1].norm in _NOT_NEGATED:
            return False
        if _bare(word) == "ما" and before in _RELATIVE_MA:
            return False
    if kind == "purpose" and _bare(tokens[k].norm) == "اجل" and before != "من":
        return False
    if kind == "halt":
        # «لالغاء اجازته واعلان تاييده»: a halt governs its own object, not
        # a conjunct after it.
        return not any(t.norm.startswith("و") for t in tokens[k + 1 : start + 1])
    return True


def governor(tokens: list[Token], start: int, text: str, offset: int) -> Governor | None:
    """The nearest word that governs the word at ``start``, within its clause.

    ``text`` is the sentence and ``offset`` its start in the document (token
    offsets are the document's).
    """
    if _COORDINATED_VERB.match(tokens[start].norm):
        return None
    for k in range(start - 1, max(start - 1 - max(REACH.values()), -1), -1):
        gap = text[tokens[k].end - offset : tokens[k + 1].start - offset]
        if _BOUNDARY.search(gap):
            return None
        word = tokens[k].norm
        if word in _OPENERS:
            return None
        kind = word_kind(word)
        if kind is None and _COORDINATED_VERB.match(word):
            return None
        if kind is None or not _applies(kind, tokens, k, start):
            continue
        if kind == "request" and k > 0 and _bare(tokens[k - 1].norm) in _ANSWERED:
            # «تلبيه لدعوه احزاب المعارضه تضامنا مع»: the call was answered.
            return None
        return Governor(kind, k)
    return None


Verdict = Literal["keep", "drop", "request", "threat"]


def verdict(event_type: str, gov: Governor | None, start: int) -> Verdict:
    """What a trigger of ``event_type`` at word ``start``, so governed, becomes.

    ``request`` / ``threat``: the demand or threat is the event (REQUEST,
    THREATEN), on the governing word.
    """
    if gov is None or event_type in _DETECTED:
        return "keep"
    kind = gov.kind
    if kind == "lift":
        # «رفع الحصار» lifts a siege that is going on; «رفع حالة الاستنفار»
        # raises an alert: either way the act is there.
        return "keep"
    if kind == "halt":
        return "drop" if event_type in _COOPERATIVE else "keep"
    if event_type == "REQUEST":
        # «مطلبهم», «طلبا», «رفضها مطالب الاحزاب» name a demand made: only
        # «لم يطلب» denies it.
        return "drop" if kind == "negation" and start - gov.tok == 1 else "keep"
    if kind == "request":
        return "request"
    if kind == "threat":
        return "keep" if event_type == "THREATEN" else "threat"
    if kind in ("plan", "future", "purpose") and event_type == "THREATEN":
        # A threat states an intent already (CAMEO 13).
        return "keep"
    return "drop"


def govern_triggers(
    triggers: list[Trigger], tokens: list[Token], text: str, offset: int
) -> list[Trigger]:
    """A sentence's Arabic triggers with each governed one dropped or retyped.

    A demanded or threatened act becomes the demand (REQUEST) or threat
    (THREATEN) on the governing word, unless the sentence has an event of
    that type already (as a rule the demand word is its trigger); a planned,
    conditional, negated, refused or halted act is dropped.
    """
    have = {t.event_type for t in triggers}
    out: list[Trigger] = []
    for trig in triggers:
        gov = governor(tokens, trig.tok_start, text, offset)
        if gov is None and _future_trigger(tokens[trig.tok_start].norm):
            gov = Governor("future", trig.tok_start)
        v = verdict(trig.event_type, gov, trig.tok_start)
        if v == "keep":
            out.append(trig)
            continue
        if v == "drop" or gov is None:
            continue
        new = "REQUEST" if v == "request" else "THREATEN"
        if new not in have:
            have.add(new)
            out.append(Trigger(new, gov.tok, gov.tok + 1))
    out.sort(key=lambda t: (t.tok_start, t.event_type))
    return out


@lru_cache(maxsize=50_000)
def _future_trigger(word: str) -> bool:
    """The trigger word itself carries «سـ» before its stem («سينسحب», «ستفرض»)."""
    for s in arabic_triggers().stems_in(word):
        p = word.find(s)
        if p > 0 and "س" in word[:p] and word[:p] in ARABIC_PROCLITICS:
            return True
    return False
