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

Read16 added, from the errors of three labelled samples: expected, hoped-for
and needed acts as plans («تتوقع», «أتطلع», «ضرورة»), «شرط ان» and «في حال»
as conditions, «غير» as a negation of the next word, urging «حث» as a demand,
an agreement named as what is breached or applied («خرق الهدنة») as
background, «قبل اسبوع» as a time adverb, and material acts named in a slogan
(:func:`in_slogan`).

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

from wiqaya.read.detector import ARABIC_PROCLITICS, arabic_triggers, trie_pattern
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
    "background",
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
    # «خرق الهدنة», «تنتهك اتفاقية الجزائر», «لتطبيق الاتفاقيات»: the head
    # right before the agreement.
    "background": 1,
}

# Expected, hoped-for, wished and needed acts, governors of the plan kind since
# read16: «تتوقع الافراج», «مرجحة الاتفاق», «يراهن على مقاطعة», «أتطلع الى تعاون»,
# «تمنّت عليه الموافقة», «ضرورة استنفار», «تحتاج الى فرض عقوبات». Not the bare «توقع»
# (also «تُوقّع» *signs*) nor «راهن» (also «الراهن» *current*).
EXPECTED: tuple[str, ...] = (
    "يتوقع",
    "تتوقع",
    "نتوقع",
    "متوقع",
    "توقعات",
    "مرجح",
    "يراهن",
    "تراهن",
    "اتطلع",
    "نتطلع",
    "تمني",
    "تمنت",
    "ضروره",
    "تحتاج",
    "يحتاج",
    "نحتاج",
    "امكانيه",
    "احتمال",
)

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
        *EXPECTED,
    ),
    "purpose": ("بهدف",),
    "failure": ("فشل",),
    # «رفع» both lifts («رفع الحصار») and raises («رفع حالة الاستنفار»).
    "lift": ("رفع",),
}
_LIFTED = re.compile(r"^[وف]?(ال)?(عقوبات|حظر)$")
# A halt as a whole word with proclitics only: «موقف» *position* and «وقفات»
# *vigils* hold «وقف».
_HALT = re.compile(r"^[وف]?(بال|لل|ال|ب|ل)?(وقف|توقف|ايقاف|الغاء|انهاء|انهيار|كسر|تعليق)$")
# Closed-class words, whole (after «و/ف» at most).
_WORDS: dict[str, frozenset[str]] = {
    "future": frozenset({"سوف"}),
    "plan": frozenset({"بصدد", "المطلوب"}),
    # «شرط ان توافق», «بشرط», «شريطة ان» (read16).
    "condition": frozenset({"اذا", "لو", "لولا", "شرط", "بشرط", "شريطه"}),
    # «غير مرحب به» (read16): only right before the trigger (see _applies).
    "negation": frozenset(
        {"لم", "لن", "لا", "ما", "ليس", "ليست", "عدم", "بعدم", "لعدم", "دون", "غير"}
    ),
}
# «في حال وافق», «في حالة طرده» (read16): «حال/حالة» after «في» is a
# condition, but «في حالة تأهب/استنفار/دفاع», «في حالة الانشقاق» are states.
_CASE = frozenset({"حال", "حاله"})
_STATE_NOUNS = frozenset(
    {"تاهب", "استنفار", "طوارئ", "طواري", "دفاع", "حرب", "حصار", "انذار", "ثوره", "من"}
)
# «حث السياسيين على التفكير في مقاطعة» (read16): urging is a demand; the
# word alone, since «بحث» *discussed* holds «حث» after a proclitic.
_URGE = re.compile(r"^[وف]?[يت]?حث(ت|وا|ه|هم|ها|نا)?$")
# «قبل اسبوع», «بعد ساعات» (read16): a time adverb, not a clause opener
# («وطالبت الحركة قبل اسبوع بالافراج عن ناشطيها» is a demand).
_DURATIONS = frozenset(
    {
        "ساعه",
        "ساعات",
        "ساعتين",
        "يوم",
        "يومين",
        "ايام",
        "اسبوع",
        "اسبوعين",
        "اسابيع",
        "شهر",
        "شهرين",
        "اشهر",
        "شهور",
        "عام",
        "عامين",
        "اعوام",
        "سنه",
        "سنتين",
        "سنوات",
        "دقايق",
        "لحظات",
    }
)
_TIME_OPENERS = frozenset({"قبل", "بعد"})
# The head of an agreement in place (read16): its breach, implementation,
# terms or formula is the act, not the agreeing («خرق الهدنة», «انتهاكات
# الهدنة», «تنتهك اتفاقية الجزائر», «لتطبيق الاتفاقيات», «صيغة اتفاق مكة»,
# «احترام وقف اطلاق النار»).
_BACKGROUND = re.compile(
    r"^[وف]?(بال|لل|ال|ب|ل)?(انتهاك(ات)?|[تي]نتهك|خرق|خروقات|[تي]خرق|تطبيق|تنفيذ|بنود|بند|صيغه"
    r"|احترام|[تي]حترم)$"
)
_AGREEMENT_TYPES = frozenset({"AGREE", "COOPERATE"})
# A material act named in a slogan is not done (read16): «لافتات كتب عليها
# «الافراج عن الطلبة»», «الشعار الضوئي «أوقفوا ثاني اوكسيد الكربون»». Speech
# acts (a demand, an accusation, a rejection, support, a threat) are made by
# the slogan itself and stay.
_SLOGAN_WORD = re.compile(r"(لافت|شعار|يافط|هتف|هتاف|رددوا|مرددين|يرددون|عليها$|عليه$)")
_SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})
_SLOGAN_REACH = 10
# Refusal and opposition, found as the REJECT lexicon finds them, so that
# «المعارضه» *the opposition* is none.
_REFUSAL = ("رفض", "عارض")
# «نفت الخرطوم اتهامات بدعم جماعات مسلحة»: an accusation denied is reported, not made.
DENIAL = re.compile(r"^[وف]?(نفي|نفت|نفوا|ينفي|تنفي|ينفون)$")
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


# Whether a stem of _STEMS starts within the first 3 letters (the longest
# proclitic), where alone _has_stem can find it: one C call instead of
# trying each of the ~50 stems on every new word.
_ANY_STEM = re.compile(
    f"(?s).{{0,{max(map(len, ARABIC_PROCLITICS))}}}?"
    + trie_pattern(s for stems in _STEMS.values() for s in stems)
)


# ``any(b in word for b in _NOT_GOVERNORS)`` in one C call.
_HAS_NOT_GOVERNOR = re.compile("|".join(map(re.escape, _NOT_GOVERNORS)))
# Per word of _WORDS, (position of its first kind in _WORDS, that kind): the
# smaller of a word's and its bare form's is the kind the ordered walk finds.
_WORD_RANK: dict[str, tuple[int, str]] = {}
for _rank, (_kind, _words) in enumerate(_WORDS.items()):
    for _w in _words:
        _WORD_RANK.setdefault(_w, (_rank, _kind))
_NO_RANK = (len(_WORDS), "")


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
    if _HAS_NOT_GOVERNOR.search(word) or _DEMANDS_NOUN.match(word):
        return None
    bare = _bare(word)
    # The first kind of _WORDS that lists the word or its bare form.
    rank = min(_WORD_RANK.get(word, _NO_RANK), _WORD_RANK.get(bare, _NO_RANK))
    if rank is not _NO_RANK:
        return rank[1]  # type: ignore[return-value]
    if bare == "اجل":
        return "purpose"
    if bare in _CASE:
        return "condition"
    if _URGE.match(word):
        return "request"
    if _BACKGROUND.match(word):
        return "background"
    if _HALT.match(word):
        return "halt"
    if _refusal(word) or DENIAL.match(word):
        return "refusal"
    if (
        _FUTURE.match(word)
        and not bare.startswith(_NOT_FUTURE)
        and not word.startswith(_NOT_FUTURE)
    ):
        return "future"
    if _ANY_STEM.match(word) is None:
        return None  # most words: no stem within the proclitics' reach
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
        if _bare(word) == "غير" and start - k > 1:
            # «غير انه وافق» *however*: «غير» negates only the next word.
            return False
    if kind == "condition" and _bare(tokens[k].norm) in _CASE:
        nxt = tokens[k + 1].norm
        if _bare(before) != "في" or nxt.startswith("ال") or nxt in _STATE_NOUNS:
            return False
    if kind == "purpose" and _bare(tokens[k].norm) == "اجل" and before != "من":
        return False
    if kind == "halt":
        # «لالغاء اجازته واعلان تاييده»: a halt governs its own object, not
        # a conjunct after it.
        return not any(t.norm.startswith("و") for t in tokens[k + 1 : start + 1])
    return True


def governor(
    tokens: list[Token], start: int, text: str, offset: int, event_type: str = ""
) -> Governor | None:
    """The nearest word that governs the word at ``start``, within its clause.

    ``text`` is the sentence and ``offset`` its start in the document (token
    offsets are the document's). ``event_type``: the trigger's type; an
    agreement's background head governs only AGREE and COOPERATE.
    """
    if _COORDINATED_VERB.match(tokens[start].norm) or _joined_feminine_verb(tokens[start].norm):
        return None
    for k in range(start - 1, max(start - 1 - max(REACH.values()), -1), -1):
        gap = text[tokens[k].end - offset : tokens[k + 1].start - offset]
        if _BOUNDARY.search(gap):
            return None
        word = tokens[k].norm
        if word in _OPENERS and not (
            word in _TIME_OPENERS and k + 1 < start and tokens[k + 1].norm in _DURATIONS
        ):
            return None
        kind = word_kind(word)
        if kind is None and _COORDINATED_VERB.match(word):
            return None
        if kind is None or not _applies(kind, tokens, k, start):
            continue
        if kind == "background" and event_type not in _AGREEMENT_TYPES:
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
    if kind == "background":
        return "drop"
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
        if (
            trig.event_type not in _SPEECH_TYPES
            and trig.event_type not in _DETECTED
            and in_slogan(tokens, trig.tok_start, text, offset)
        ):
            continue
        gov = governor(tokens, trig.tok_start, text, offset, trig.event_type)
        if gov is None and _future_trigger(tokens[trig.tok_start].norm):
            gov = Governor("future", trig.tok_start)
        v = verdict(trig.event_type, gov, trig.tok_start)
        if gov is not None and gov.kind == "lift" and _LIFTED.match(tokens[trig.tok_start].norm):
            # «رفعت الولايات المتحدة العقوبات»: sanctions lifted are no
            # sanctions imposed (the lifting is RETREAT, a gapped pair).
            continue
        if (
            v == "keep"
            and trig.event_type == "AGREE"
            and (
                (_truce(tokens, trig) and not truce_made(tokens, trig.tok_start, text, offset))
                or welcomed(tokens, trig.tok_start, text, offset)
                # «في إطار اتفاق وقف إطلاق النار»: the frame of another act.
                # Not for COOPERATE: «في إطار التعاون القضائي» was labelled
                # right (dev b2c30d78fa05).
                or (trig.tok_start > 0 and _bare(tokens[trig.tok_start - 1].norm) == "اطار")
            )
        ):
            continue
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
    return _protest_content(out, tokens)


# What a protest is against is the protest's, no act of its own: «أغلق محتجون
# الميناء احتجاجا على اتفاق مسار الشرق» (no AGREE), «إضرابا عن الطعام احتجاجا
# على الاعتقال الإداري» (no COERCE). CAMEO codes the protest (14). Killings
# protested stay for the ASSAULT detector («احتجاجا على مقتل صبي»), which has
# cues of its own, and a speech act protested stays too («أضرب العرب احتجاجا
# على رفض القضاء ملاحقة شرطيين», a labelled REJECT). What it is for («للمطالبة
# بتنحي الأسد», «تضامنا مع غزة») is left: the trigger-only labels count those
# demands and that solidarity right.
_PROTESTED = re.compile(r"^[وف]?(احتجاجا|تنديدا|رفضا)$")
_PROTESTED_REACH = 4


def _protest_content(triggers: list[Trigger], tokens: list[Token]) -> list[Trigger]:
    protest = next((t.tok_start for t in triggers if t.event_type == "PROTEST"), None)
    if protest is None:
        return triggers
    against = [k for k in range(protest, len(tokens)) if _PROTESTED.match(_bare(tokens[k].norm))]
    return [
        t
        for t in triggers
        if t.event_type in _DETECTED
        or t.event_type in _SPEECH_TYPES
        or not any(0 < t.tok_start - k <= _PROTESTED_REACH for k in against)
    ]


# A truce named as a noun («وقف إطلاق النار», «هدنة») is an agreement only
# where the clause says it was made: agreed, announced, signed, reached,
# accepted or declared («اتفق الطرفان على وقف إطلاق النار», «أعلن ... هدنة»,
# «توقيع اتفاق»). Efforts, talks and proposals toward one («جهود للتوصل إلى
# وقف لإطلاق النار», «مفاوضات ... لوقف إطلاق النار»), a truce that takes
# effect, holds or is broken, are no AGREE (a call for one is REQUEST, by its
# governor). Finite verbs and their verbal nouns of making, not «التوصل» *the
# reaching* (an aim) nor bare «قبل» *before*.
_TRUCE_MADE = re.compile(
    r"^[وف]?(قد)?(اتفق|اتفقت|اتفقا|اتفقوا|يتفق|تتفق|اعلن|اعلنت|اعلنا|اعلنوا|يعلن|تعلن|وقع|وقعت"
    r"|وقعا|وقعوا|ابرم|ابرمت|ابرما|توصل|توصلت|توصلا|توصلوا|قبلت|قبلا|قبلوا|وافق|وافقت|وافقا"
    r"|وافقوا|اقر|اقرت|اقرا|عقد|عقدت|عقدا|فرض|فرضت|التزم|التزمت|التزما|التزموا)$"
    r"|^[وف]?(بال|ب|ال)?(اتفاق|اعلان|توقيع|ابرام|موافقه)(ها|هما|هم)?$"
)
_TRUCE_REACH = 8


def _truce(tokens: list[Token], trig: Trigger) -> bool:
    """The trigger is a truce noun: «هدنه», «وقف (لـ)اطلاق النار» with its proclitics."""
    word = tokens[trig.tok_start].norm
    if "هدن" in word:
        return True
    nxt = tokens[trig.tok_start + 1].norm if trig.tok_start + 1 < len(tokens) else ""
    return word.endswith("وقف") and nxt in ("اطلاق", "لاطلاق")


# A welcome or praise of an agreement («رحب الاتحاد الأوروبي بالاتفاق»,
# «أشادت قطر باتفاق وقف إطلاق النار») is SUPPORT of an agreement others made:
# the one who welcomes did not agree.
_WELCOME = re.compile(
    r"^[وف]?(رحب|رحبت|رحبا|رحبوا|يرحب|ترحب|ترحيب|الترحيب|اشاد|اشادت|اشادوا|ثمن|ثمنت)$"
)
_WELCOME_REACH = 4


def _word_before_in_clause(
    tokens: list[Token],
    start: int,
    text: str,
    offset: int,
    rx: re.Pattern[str],
    reach: int,
    openers: frozenset[str] = frozenset(),
) -> bool:
    """A word matching ``rx`` stands within ``reach`` words before ``start``,
    with no clause boundary (nor one of ``openers``) between."""
    for k in range(start - 1, max(start - 1 - reach, -1), -1):
        gap = text[tokens[k].end - offset : tokens[k + 1].start - offset]
        if _BOUNDARY.search(gap):
            return False
        if rx.match(tokens[k].norm):
            return True
        if tokens[k].norm in openers:
            return False
    return False


def welcomed(tokens: list[Token], start: int, text: str, offset: int) -> bool:
    """The agreement word at ``start`` has «ب» and a welcome or praise verb governs it."""
    if not tokens[start].norm.startswith(("ب", "وب")):
        return False
    return _word_before_in_clause(tokens, start, text, offset, _WELCOME, _WELCOME_REACH)


def truce_made(tokens: list[Token], start: int, text: str, offset: int) -> bool:
    """A word that makes the truce at ``start`` stands before it in its clause."""
    return _word_before_in_clause(tokens, start, text, offset, _TRUCE_MADE, _TRUCE_REACH, _OPENERS)


def in_slogan(tokens: list[Token], start: int, text: str, offset: int) -> bool:
    """Whether the word at ``start`` is inside a quoted slogan or banner text.

    The quote must open within ``_SLOGAN_REACH`` words before the word, with
    no closing quote between, and a banner or chant word must stand within
    the four words before the quote («رفع المتظاهرون لافتات كتب عليها «…»»).
    """
    for k in range(start - 1, max(start - 1 - _SLOGAN_REACH, -1), -1):
        gap = text[tokens[k].end - offset : tokens[k + 1].start - offset]
        if "»" in gap or "”" in gap:
            return False
        if "«" in gap or "“" in gap:
            return any(_SLOGAN_WORD.search(t.norm) for t in tokens[max(0, k - 3) : k + 1])
    return False


@lru_cache(maxsize=50_000)
def _joined_feminine_verb(word: str) -> bool:
    """«واتهمت», «ورفضت»: «و»/«ف», a trigger stem and the feminine «ت» make a
    finite verb that opens its own clause («دعت المعارضة إلى التظاهر ...
    واتهمت السلطات بالتزوير» accuses; it is not part of the call)."""
    if word[:1] not in "وف" or not word.endswith("ت"):
        return False
    return any(word == word[0] + s + "ت" for s in arabic_triggers().stems_in(word))


@lru_cache(maxsize=50_000)
def _future_trigger(word: str) -> bool:
    """The trigger word itself carries «سـ» before its stem («سينسحب», «ستفرض»)."""
    for s in arabic_triggers().stems_in(word):
        p = word.find(s)
        if p > 0 and "س" in word[:p] and word[:p] in ARABIC_PROCLITICS:
            return True
    return False
