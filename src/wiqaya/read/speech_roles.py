"""Source and target of Arabic speech and diplomatic acts from the clause around the trigger.

The role ranker (:mod:`wiqaya.read.roles`) was trained on PROTEST and ASSAULT
gold, where the country of the crowd or the attacker is what matters and the
two sides are mostly of one country. For the 14 types coded from the trigger
lexicon alone (REQUEST, ACCUSE, REJECT, CONSULT, ...) the actors are who
speaks and whom the act is aimed at, and Arabic says so by clause structure:

- a verb's subject follows it (VSO, «طالب وزير الخارجية المصري إسرائيل بـ») or,
  when none does, is the topic before it in the clause («الشرطة قامت ... لتفريق»);
- a verbal noun's agent is its genitive («زيارة بوش», «استقالة وزراء المعارضة»);
- a circumstantial participle («مطالبين», «مهدداً») shares the subject of
  the main verb before it («وتجمع المتظاهرون ... مطالبين الحكومة»);
- the target is the direct object, or the object of the preposition the act
  takes: «مع» for talks, agreements and solidarity, «عن» for a release, «من» for a
  request, «ب» for a welcome;
- after the target's preposition, a word for a group's members or seat
  passes it to its genitive («عن عناصر طالبان», «على معقل السلطة»);
- a verb joined to an earlier clause («و»/«ف», «كما», «ثم») with no subject
  of its own shares that clause's subject, not its object («وقد هاجم آلاف
  المتظاهرين مكتب رئيس الوزراء ... وتعهدوا»); the mention right after a
  finite verb is its object when its case or gender says so («وانتقد
  المتظاهرين», «وهدد الولايات المتحدة»), or for «اتهم X بـ»;
- a passive verb, marked by a written damma («اتُهم فيها اسلاميو كشمير»,
  «وفُرق المتظاهرون»), names no source: who follows it undergoes the act;
- a time adverb or a quantity after the subject opens the object
  («اعتقلت الشرطة الأمريكية 100 متظاهر»);
- a «أن» clause after a verb of saying is what is said or denied, not who is
  addressed («نفى أن تكون بلاده قررت التحالف مع الولايات المتحدة»), and a
  relative clause («التي يمارسها المجلس العسكري») or a «ب» verbal noun naming
  the demanded act («طالب ... بمساءلة وزير الدفاع») holds no role of this act.

Each role is ``None`` when the clause does not name it: the caller keeps the
words empty rather than take another mention of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wiqaya.read.actors import ActorMention
from wiqaya.read.detector import arabic_triggers
from wiqaya.read.partitive import BELONGING, head_word
from wiqaya.read.phrases import Token, normalise
from wiqaya.read.roles import is_nisba


def _folded(words: set[str]) -> frozenset[str]:
    """Words as token norms are written: «رئيس», «مؤتمر» fold to «رييس», «موتمر»,
    so a set of them as spelt never matched a token with a hamza."""
    return frozenset(map(normalise, words))


# Words that open a clause after a comma («...، لكنها سرعان ما عادت»).
_OPENERS = frozenset(
    {"لكن", "لكنه", "لكنها", "ثم", "بل", "حيث", "اذ", "بينما", "فيما", "كما", "الا"}
)
# Punctuation that closes a clause.
_STOPS = frozenset(".;؛:?؟!()[]")
_COMMAS = frozenset(",،")
# Words that open a clause the act's roles do not enter: relative pronouns and
# complementisers.
_RELATIVE = frozenset({"الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللواتي", "اللاتي"})
_THAT = frozenset({"ان", "بان", "وان", "لان", "انه", "انها", "بانه", "بانها"})
_PREPS = frozenset(
    {
        "من",
        "الي",
        "علي",
        "عن",
        "مع",
        "في",
        "ضد",
        "بين",
        "حول",
        "لدي",
        "تجاه",
        "عبر",
        "امام",
        "خلال",
        "بحق",
        "قبل",
        "بعد",
        "منذ",
        "حتي",
        "بحسب",
        "حسب",
        "لصالح",
        "خلف",
        "وراء",
        "دون",
        "عند",
        "نحو",
        "ازاء",
        "بشان",
        # «إثر رفض المعارضين»: following.
        "اثر",
        "عقب",
    }
)
# The preposition (or ``""``: none, a direct object) that marks each type's target.
_TARGET_PREP: dict[str, frozenset[str]] = {
    "REQUEST": frozenset({"", "من"}),
    "ACCUSE": frozenset({"", "علي", "ضد", "ل"}),
    "REJECT": frozenset({""}),
    # «هددت واشنطن بفرض عقوبات على المسؤولين الإثيوبيين»: whom the threatened
    # act falls on.
    "THREATEN": frozenset({"", "ضد", "علي"}),
    # «تضامنا مع الشعب الفلسطيني»: solidarity is with its target.
    "SUPPORT": frozenset({"", "ب", "ل", "مع"}),
    "CONSULT": frozenset({"", "مع", "ب"}),
    "AGREE": frozenset({"مع"}),
    "COOPERATE": frozenset({"مع"}),
    "RETREAT": frozenset({"عن"}),
    # «أحكاما بالسجن بحق عشرات من أنصار الجماعة»: against whom a sentence is passed.
    "COERCE": frozenset({"", "علي", "ضد", "بحق"}),
    # «طرد السفير», «علّق عضوية الغابون», «قطع علاقاته مع المغرب».
    "SANCTION": frozenset({"", "علي", "ضد", "مع"}),
    # «قدمت قطر مساعدات لليمن», «أرسلت الإمارات طائرة مساعدات إلى السودان»,
    # «مساعدات إنسانية لصالح النازحين», «وزع مساعدات غذائية على سكان غزة».
    "AID": frozenset({"ل", "الي", "لصالح", "علي"}),
}
_DEFAULT_PREPS = frozenset({"علي", "ضد"})
# Verbs of meeting whose subject and the one met may share a joined dual verb.
_MEETING_VERBS = _folded({"اجتمع", "التقى", "استقبل", "اجرى", "بحث", "التقت", "اجتمعت", "استقبلت"})
# What someone said, whose speaker a protest, condemnation or rejection is aimed at.
_UTTERANCES = _folded({"تصريحات", "تصريح", "اتهامات", "انتقادات", "تهديدات", "اساءات"})
# Adverbs of manner written as «بـ» + noun («أدانت مصر بشدة الهجمات»): no
# verbal noun whose genitive follows.
_MANNER = _folded({"بشدة", "بقوة", "بحزم", "بشكل", "بدوره", "بدورها", "بدورهم"})
# Stems of denouncing, whose object takes «بـ» («ندد بـ», «التنديد بـ»).
_CONDEMN_BY_B = ("ندد", "تنديد")
# A damma written on a verb's first letters marks the passive («اتُهم», «فُرق»).
_DAMMA = "\u064f"
# Whom a demand of resignation is made of is its target («طالب باستقالة الحكومة»).
_RESIGN = "استقال"
# A subject starts within this many words after its verb («نفى بشدة»,
# «انتقد المتحدث باسم الخارجية المصرية»).
_SUBJECT_GAP = 4
# A direct object stands this close after the verb or its subject, a
# prepositional one this close: farther, the mention is in another phrase
# («فعارض الرئيس ... هذا التوجه الجديد في سياسة الحركة وسانده ... الوزير»).
_OBJECT_GAP = 3
_PP_GAP = 6
# The subject of a sentence-opening verb («وطلبت الولايات المتحدة»,
# «وكانت اوزبكستان») stands this close to the sentence's start.
_OPENING = 2
# Verbal nouns whose bare genitive is what is acted on («تفريق المتظاهرين»,
# «حصار غزة»), not who acts («زيارة بوش», «استقالة وزراء المعارضة»).
_GENITIVE_IS_TARGET = frozenset({"COERCE", "SANCTION", "THREATEN"})


# Where a subject says what it says («اتهمت حماس في بيان لها إسرائيل»), and
# what may follow that word before the object.
_STATEMENTS = _folded({"بيان", "تصريح", "تصريحات", "كلمه", "مؤتمر", "رساله", "تغريده", "حديث"})
_FOR_HELP = _folded({"لدعم", "لمساعده", "لاغاثه", "لصالح"})
_STATED = _folded({"بيانا", "بيان", "تصريحا", "تصريح", "رساله", "كلمه", "بيانات", "تغريده"})
_STATEMENT_TAILS = frozenset({"له", "لها", "لهم", "رسمي", "صحفي", "مشترك", "صادر", "متلفز"})

# Words that open a new noun phrase after a subject: a time adverb or a
# quantity («أوقف رجال شرطة العاصمة واشنطن حوالي مائة متظاهر», «اتهمت لجنة
# برلمانية تركية أمس قوات الامن»).
_NEW_PHRASE = _folded(
    {
        "امس",
        "اليوم",
        "حوالي",
        "نحو",
        "قرابه",
        "زهاء",
        "مئات",
        "الاف",
        "عشرات",
        "اكثر",
        "مائه",
        "الف",
    }
)

# Words for the members, the whole or the seat of a group: «عن عناصر طالبان»,
# «من شبكات التلفزيون الاميركية», «على مقر الجامعة العربية».
_GROUP_HEADS = _folded(
    {
        "عناصر",
        "قاده",
        "كافه",
        "جميع",
        "ممثلي",
        "ممثلين",
        "اعضاء",
        "مسؤولي",
        "رجال",
        "افراد",
        "شبكات",
        "مقر",
        "معقل",
    }
)


def _marks_phrase(norm: str) -> bool:
    return (
        norm in _PREPS
        or norm in _THAT
        or (norm[:1] in "بل" and norm not in _MANNER and trigger_kind(norm) == "noun")
    )


def _phrase_end(
    subject: ActorMention,
    actors: list[ActorMention],
    tokens: list[Token],
    preps: dict[int, str],
    end: int,
) -> int:
    """Where the subject's noun phrase ends: past the mentions that qualify it.

    «هدد وزير الشؤون الاستراتيجية في الحكومة الإسرائيلية، أفيغدور ليبرمن،
    باغتيال ...»: «في الحكومة الإسرائيلية» and the name are the minister's. A
    bare mention of another country is the object («طالب وزير الخارجية
    المصري إسرائيل»).
    """
    country = subject.country
    for a in actors:
        if a.start < end:
            continue
        if a.start - end > 3:
            break
        p = preps[a.start]
        if p == "" and any(
            t.norm in _NEW_PHRASE or t.norm[:1].isdigit() for t in tokens[end : a.start]
        ):
            break
        if (
            p == ""
            and _closed(subject, tokens)
            and {_noun_form(subject, tokens), _noun_form(a, tokens)} == {"m", "f"}
        ):
            # «واتهم الوزير اللبناني المعارضة»: an apposition agrees in gender;
            # an indefinite head («قائد قوات الدعم السريع») takes a genitive
            # of either.
            break
        if (
            p == ""
            and (_closed(subject, tokens) or (end > subject.end and _definite_head(tokens, a)))
            and tokens[a.start].norm in _INSTITUTION_HEADS
        ):
            # «اتهم الجيش السوداني قوات الدعم السريع», «طالب البرلمان العراقي
            # الحكومة»: a subject closed by its nationality or article takes no
            # second institution in apposition; that one is the object. A name
            # («الرئيس المصري عبد الفتاح السيسي») or a title («الأمير») still is.
            # A head already completed by a mention after it («توعد قائد قوات
            # الدعم السريع محمد حمدان دقلو الجيش») takes no definite
            # institution either.
            break
        if (
            p == ""
            and a.start > end
            and _closed(subject, tokens)
            and tokens[end].norm in _INSTITUTION_HEADS
        ):
            # «اعتقلت السلطات التونسية زعيم حركة النهضة راشد الغنوشي»: an
            # office the dictionary does not name opens the object; the name
            # after it is that office's, not the subject's.
            break
        if (
            p == ""
            and a.start == end + 1
            and a.country is None
            and not is_nisba(tokens[a.start].norm)
            and _closed(subject, tokens)
            and tokens[end].norm.isalpha()
            and not tokens[end].norm.startswith(("ال", "وال"))
            and end not in preps
            and tokens[end].norm not in _PREPS
            and tokens[end].norm not in _ADVERBS
        ):
            # «رفضت الخارجية الفلسطينية قرار الكنيست»: a complete subject
            # takes no genitive; an indefinite noun after it heads the
            # object, and a body of no country after that is its genitive.
            break
        if p == "" and _closed(subject, tokens) and head_word(tokens[a.start].norm) is not None:
            # «اعتقلت السلطات قادة في الجيش السوداني»: an indefinite head of
            # some of a group's people is no apposition of a definite subject.
            break
        if p == "" and _noun_form(a, tokens) == "acc":
            # «وانتقدت الحكومة العراقية المسلحين»: a plural in «ين» is no
            # apposition of a subject (which is nominative), but the object.
            break
        if (p in ("في", "ل") and (subject.sector is not None or subject.country is None)) or (
            p == "" and (country is None or a.country in (None, country))
        ):
            # A country's name («أعلنت السعودية دعمها للحكومة اليمنية») takes
            # no «ل»/«في» qualifier as an office does («وزير … في الحكومة»).
            end = a.end
            country = country or a.country
            continue
        break
    return end


# Titles of one sent to a country or a body («المبعوث الأممي إلى اليمن»,
# «السفير الأمريكي لدى إسرائيل»).
_ENVOYS = _folded({"المبعوث", "مبعوث", "السفير", "سفير", "المندوب", "مندوب", "الممثل", "ممثل"})


# Heads of a body or an office that begin a noun phrase of their own: after a
# complete subject, one of them starts the object, never an apposition.
_INSTITUTION_HEADS = _folded(
    {
        "قوات",
        "القوات",
        "الحكومه",
        "حكومه",
        "الجيش",
        "البرلمان",
        "مجلس",
        "المجلس",
        "السلطات",
        "سلطات",
        "المعارضه",
        "الشرطه",
        "حركه",
        "جماعه",
        "تنظيم",
        "رئيس",
        "الرئيس",
        "وزير",
        "وزيره",
        "قائد",
        "زعيم",
        "السفير",
        "سفير",
        # «القائم بالأعمال», a chargé d'affaires.
        "القائم",
        "نظيره",
        "نظيرته",
        "المبعوث",
        "مبعوث",
        "وفد",
        "الوفد",
        "منظمه",
        "الامم",
        "الاتحاد",
        "جامعه",
        "الجامعه",
    }
)


def _adjective(m: ActorMention, tokens: list[Token]) -> bool:
    """An indefinite relative adjective read as a sector («مساعدات عسكرية»,
    «دعما عسكريا»): it describes the noun before it, it is no actor of its own."""
    w = tokens[m.start].norm
    return (
        m.end - m.start == 1
        and m.country is None
        and not w.startswith("ال")
        and w.endswith(("يه", "يا", "ي"))
        and len(w) >= 5
    )


def _nationality(m: ActorMention, tokens: list[Token]) -> bool:
    """A lone indefinite nationality («إسرائيليين», «إسرائيليات», «فرنسي»): an adjective.

    Duals too («رهينتين أمريكيتين», «جنديان تركيان»), which the ranker's
    :func:`wiqaya.read.roles.is_nisba` leaves out (its features stay as trained)."""
    w = tokens[m.start].norm
    return (
        m.end - m.start == 1
        and m.country is not None
        and m.sector is None
        and not w.startswith("ال")
        and w.endswith(("ي", "يه", "يين", "يون", "يات", "يتين", "يتان", "يان"))
    )


def _describes_head(m: ActorMention, tokens: list[Token], named: frozenset[int]) -> bool:
    """A definite nationality adjective after a definite noun that is no actor
    («بالهجمات الحوثية», «على الضربات التركية», «السفن الإسرائيلية»): it says
    whose the noun is, and stands where the noun stands in the clause."""
    if m.end - m.start != 1 or m.country is None or m.start == 0:
        return False
    w, head = _base(tokens[m.start].norm), tokens[m.start - 1].norm
    return (
        w.startswith("ال")
        and is_nisba(w)
        and m.start - 1 not in named
        and _definite_form(head).startswith("ال")
        and _definite_form(head) not in _TOPICS
        and not head[:1].isdigit()
        and trigger_kind(head) != "verb"
    )


def _owner_adjective(m: ActorMention, tokens: list[Token], trig_start: int) -> bool:
    """A lone nationality adjective of the noun before it, not its genitive.

    Both definite («العقوبات الأمريكية»: a definite noun takes no genitive), or
    a feminine adjective of an indefinite one («عقوبات أمريكية»); not «اعتقال
    عراقي» (the arrest of an Iraqi) nor «احتجاز تسفانجيراي» (a name).
    """
    noun, w = _base(tokens[trig_start].norm), tokens[m.start].norm
    if m.end - m.start != 1 or m.country is None or not is_nisba(w):
        return False
    if "ال" in noun[:3]:
        return w.startswith("ال") and not w.endswith(("يين", "يون"))
    return not w.startswith("ال") and w.endswith("يه")


def _met(
    actors: list[ActorMention],
    tokens: list[Token],
    preps: dict[int, str],
    k: int,
    sentence: str,
    offset: int,
) -> tuple[ActorMention, ActorMention] | None:
    """(who met, the one met) of the meeting verb before the word ``k`` in its sentence."""
    j = k - 1
    while j >= 0 and _base(tokens[j].norm) not in _MEETING_VERBS:
        if _stop_before(tokens, j + 1, sentence, offset) and j + 1 < k:
            return None
        j -= 1
    if j < 0:
        return None
    after = [a for a in actors if j < a.start and a.end <= k]
    if len(after) < 2 or after[0].start != j + 1 or preps[after[0].start] != "":
        return None
    other = next((a for a in after[1:] if preps[a.start] in ("", "ب", "مع")), None)
    return (after[0], other) if other is not None else None


def against_adjective(
    actors: list[ActorMention], tokens: list[Token], start: int, reach: int
) -> ActorMention | None:
    """A nationality adjective of the noun after «ضد»/«على» within ``reach`` words of
    ``start``: «تظاهر آلاف العراقيين ضد الضربات التركية», what a protest is against."""
    named = frozenset(k for a in actors for k in range(a.start, a.end))
    for a in actors:
        if not start < a.start <= start + reach or not _describes_head(a, tokens, named):
            continue
        head = ActorMention("", a.start - 1, a.start, None, None)
        if _prep(tokens, head, named) in ("ضد", "علي"):
            return a
    return None


def _utterance(norm: str) -> bool:
    """«تصريحات», «بتصريحات», «التصريحات», «للتهديدات»: a word for what someone said."""
    w = _definite_form(norm).removeprefix("ال")
    return w in _UTTERANCES or (w[:1] in "بل" and w[1:] in _UTTERANCES)


# For event_roles' accusations addressed «إلى» a country (a place, not a mention).
utterance = _utterance


def _definite_form(norm: str) -> str:
    """«بالملف», «للملف», «والملف» as «الملف»."""
    w = _base(norm)
    if w.startswith("لل"):
        return "ال" + w[2:]
    return w[1:] if w[:1] in "بل" and w[1:3] == "ال" else w


def topic_adjective(m: ActorMention, tokens: list[Token]) -> bool:
    """A lone nationality adjective of a topic noun («عن الملف اللبناني»): a subject, no party."""
    return (
        m.end - m.start == 1
        and m.start > 0
        and (_definite_form(tokens[m.start - 1].norm) in _TOPICS)
    )


# An adjective merged with a country named after «لـ» («مساعدات عسكرية جديدة
# لأوكرانيا»): the country is whom the noun before goes to, and the adjective
# describes that noun; unless a word of belonging (BELONGING) joins them («قوات
# تابعة للأمم المتحدة»).


def _split_recipient(
    actors: list[ActorMention], tokens: list[Token], has_form: Callable[[str], bool] | None
) -> list[ActorMention]:
    """``actors`` with each «adjective … لـcountry» mention replaced by the country
    after «لـ» on its own."""
    if has_form is None:
        return actors
    out = []
    for m in actors:
        first, last = tokens[m.start].norm, tokens[m.end - 1].norm
        if (
            m.end - m.start >= 2
            and m.country is not None
            and not first.startswith("ال")
            and first.endswith(("يه", "يا", "ي"))
            and len(first) >= 5
            and last[:1] == "ل"
            and not has_form(last)
            and (last[:2] == "لل" or has_form(last[1:]))
            and not any(tokens[k].norm in BELONGING for k in range(m.start, m.end))
        ):
            out.append(ActorMention(tokens[m.end - 1].text, m.end - 1, m.end, m.country, None))
        else:
            out.append(m)
    return out


# Nouns of a topic: an adjective of one («الملف اللبناني») names what is
# dealt with, not a party.
_TOPICS = _folded({"الملف", "القضيه", "الشان", "المساله", "الازمه", "الساحه", "المشهد", "الموقف"})


def _definite_head(tokens: list[Token], m: ActorMention) -> bool:
    return tokens[m.start].norm.startswith("ال")


def _closed(subject: ActorMention, tokens: list[Token]) -> bool:
    """Whether the subject's phrase is complete: it ends in a nationality or a
    definite word («الجيش السوداني», «البرلمان»), so no genitive can follow."""
    last = tokens[subject.end - 1].norm
    last = last[1:] if last[:1] in "وف" and last[1:3] == "ال" else last
    return last.startswith("ال")


@dataclass(frozen=True, slots=True)
class ClauseRoles:
    source: ActorMention | None
    target: ActorMention | None
    kind: str  # verb | noun | participle: how the trigger was read


# Sectors that carry slogans and banners («المتظاهرون بشعارات تطالب»).
_CROWD = frozenset({"CVL", "OPP", "PTY", "LAB", "EDU", "REF", "HRI"})


def _base(norm: str) -> str:
    """The word without a leading «و»/«ف» conjunction."""
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


_MET = frozenset({"التقي", "التقت", "التقيا", "التقتا", "التقوا"})


def trigger_kind(norm: str) -> str:
    """«طالب»/«اتهمت» verb, «زيارة»/«الاتهامات»/«لتفريق» noun, «مطالبين» participle.

    Only the word's shape tells: a definite article, a «ب»/«ل» proclitic, a
    feminine or plural ending, or a verbal-noun pattern (تفعيل, افتعال,
    استفعال, فعال) make a noun.
    """
    w = _base(norm)
    if w.startswith("م") and len(w) >= 5 and w.endswith(("ين", "ون", "ا")):
        return "participle"
    if w in _MET:
        # «التقى»: form VIII of «لقي», whose «ال» is no article.
        return "verb"
    if w.startswith(("ال", "لل", "بال")):
        return "noun"
    if w[:1] in "بل" and len(w) >= 4:
        return "noun"
    if w.endswith(("ه", "ات")) or (len(w) >= 5 and w.endswith(("هم", "ها"))):
        return "noun"
    if len(w) == 5 and w[0] == "ت" and w[3] == "ي":
        return "noun"
    if len(w) >= 4 and w[-2] == "ا":
        return "noun"
    return "verb"


# Verbs whose object is an act named by its verbal noun: «قررت … طرد»,
# «أعلنت … حظر», «بدأت … سحب».
_DECIDING = re.compile(r"^[وف]?(قرر|قررت|قرروا|اعلن|اعلنت|اعلنوا|بدا|بدات|بداوا|تقرر|يقرر)$")


def _object_of_decision(tokens: list[Token], before: list[ActorMention], k: int) -> bool:
    """The trigger at ``k`` follows a verb of deciding and its subject, nothing between."""
    if not before or before[-1].end != k:
        return False
    s = before[-1].start
    while s > 0 and any(a.end == s for a in before):
        s = next(a.start for a in before if a.end == s)
    return s > 0 and bool(_DECIDING.match(tokens[s - 1].norm))


def _purpose_l(w: str) -> bool:
    """«للقاء»: the purpose «لـ» on a trigger stem that begins with «ل», not «لل» of «الـ»."""
    return w.startswith("لل") and any(
        st[:1] == "ل" and w[1:].startswith(st) for st in arabic_triggers().stems_in(w)
    )


def _gap(tokens: list[Token], k: int, sentence: str, offset: int) -> str:
    """The characters between token ``k - 1`` and token ``k``."""
    if k <= 0 or k >= len(tokens):
        return ""
    return sentence[tokens[k - 1].end - offset : tokens[k].start - offset]


def _stop_before(tokens: list[Token], k: int, sentence: str, offset: int) -> bool:
    """A clause ends before token ``k``: at a full stop, colon or bracket, or at
    a comma before «و»/«ف» («...، وأدانا»); a comma alone sets off an
    apposition («وزير الشؤون ...، أفيغدور ليبرمن، باغتيال»)."""
    gap = _gap(tokens, k, sentence, offset)
    # Set operations, not generators: the clause walk asks this of every gap.
    if not _STOPS.isdisjoint(gap):
        return True
    return not _COMMAS.isdisjoint(gap) and (
        tokens[k].norm[:1] in "وف" or tokens[k].norm in _OPENERS
    )


def _prep(
    tokens: list[Token],
    m: ActorMention,
    named: frozenset[int] = frozenset(),
    has_form: Callable[[str], bool] | None = None,
) -> str:
    """The preposition governing a mention: a word before it, a «ب»/«ل» clitic on a
    definite word («للمسلمين», «بالتزام»), ``""`` for none."""
    first = tokens[m.start].norm
    w = _base(first)
    if w.startswith("لل"):
        return "ل"
    if w.startswith("بال"):
        return "ب"
    if w[:1] in "بل" and len(w) >= 4 and w not in OWN_STATE:
        # «برئيس», «لتنظيم القاعدة»: the dictionary matched the word without
        # its clitic; «بريطانيا», «لبنان» are names as written. With no
        # dictionary at hand, a sector word (no country) takes the clitic.
        # «ولبنان»: the conjunction off, the name is as written.
        clitic = not (has_form(first) or has_form(w)) if has_form is not None else m.country is None
        if clitic:
            return w[0]
    if m.start > 0:
        before = tokens[m.start - 1].norm
        if before == "من" and m.start > 1 and tokens[m.start - 2].norm == "لكل":
            # «الاتهامات لكل من الحكومة الإيرانية»: to each of.
            return "ل"
        if before in _PREPS:
            return before
        if (
            before[:1] in "بل"
            and before != "باسم"
            and before not in _MANNER
            and trigger_kind(before) == "noun"
            and m.start - 1 not in named
        ):
            # «باغتيال رئيس الوزراء», «بالتزام رئيس المستقبل», «لترشيح
            # الرئيس»: the genitive of a «ب»/«ل» verbal noun.
            return before[0] + "+"
    return ""


def phrase_prep(
    tokens: list[Token], m: ActorMention, has_form: Callable[[str], bool] | None = None
) -> str:
    """The preposition that governs mention ``m`` (``""`` for none)."""
    return _prep(tokens, m, frozenset(), has_form)


# Words that join a clause to the one before and share its subject («كما
# اعتقلت اربعة رهبان», «ثم اطلق سراح»), as a «و»/«ف» on the verb does.
_JOINERS = frozenset({"كما", "وكما", "ثم", "وثم", "فقد", "وقد", "قد", "لقد"})
# Words that stop the walk back to the verb a joined verb shares its subject
# with: a sentence stop (a bracket or comma does not: «في يناير (كانون
# الثاني) ...، وأفرجت عنهم»).
_CHAIN_STOPS = frozenset(".;؛:?؟!")
# Short words with a leading «و»/«ف» that are no verb.
_NOT_VERBS = frozenset(
    {
        "وفي",
        "ومن",
        "وعن",
        "وعلي",
        "والي",
        "ولا",
        "ولم",
        "ولن",
        "وما",
        "وهو",
        "وهي",
        "وهم",
        "وهذا",
        "وهذه",
        "وذلك",
        "وقد",
        "فقد",
        "ومع",
        "وبين",
        "وزير",
        "وفد",
        "وسط",
        "وقت",
        "وكيل",
        "فان",
        "وان",
        "وبعد",
        "وقبل",
        "وحتي",
        "ونحو",
        "وعند",
        "وكل",
        "وكذلك",
        "وايضا",
    }
)
# Heads of a masculine singular person («الوزير», «المتحدث»): the subject of
# a feminine verb is none of them («واتهمت الوزير» is V-O).
_MASCULINE_HEADS = _folded(
    {
        "الرئيس",
        "رئيس",
        "الوزير",
        "وزير",
        "المتحدث",
        "متحدث",
        "الناطق",
        "ناطق",
        "المسؤول",
        "مسؤول",
        "المصدر",
        "مصدر",
        "الزعيم",
        "زعيم",
        "القائد",
        "قائد",
        "السفير",
        "سفير",
        "الامين",
        "المدعي",
        "الملك",
        "الشيخ",
        "النائب",
        "نائب",
        "المبعوث",
        "مبعوث",
        "المندوب",
        "مندوب",
        "الجنرال",
        "العقيد",
        "اللواء",
        "العميد",
        "المدير",
        "مدير",
        "المستشار",
        "مستشار",
        "القاضي",
        "الحاكم",
        "المحافظ",
        "محافظ",
        "الامير",
        "امير",
        "الرجل",
    }
)
# Words in «ة» or «ات» that name men, so no feminine noun: broken plurals of
# persons («القادة», «الطلبة») and given names («أسامة»).
_MASCULINE_IN_TA = frozenset(
    {
        "الطلبه",
        "طلبه",
        # «هدد قادة من الحرس الثوري» (roles7): commanders, a subject.
        "القاده",
        "قاده",
        "الاساتذه",
        "اساتذه",
        "الصحابه",
        "العلامه",
        "علامه",
        "اسامه",
        "حمزه",
        "معاويه",
        "خليفه",
        "الخليفه",
        "الداعيه",
        "داعيه",
        "الرحاله",
        "رحاله",
        "طلحه",
        "عكرمه",
        "حذيفه",
        "عبيده",
        "قتيبه",
    }
)
# Words that may stand between a verb and its object («واتهمت امس السلطات»).
_ADVERBS = frozenset({"امس", "اليوم", "ايضا", "بشده", "مجددا"})
# Numbers before a subject («وكانت خمسة أحزاب سياسية نظمت»).
_QUANTITIES = _NEW_PHRASE | {
    "ثلاثه",
    "اربعه",
    "خمسه",
    "سته",
    "سبعه",
    "ثمانيه",
    "تسعه",
    "عشره",
    "بضعه",
    "عده",
    # The construct forms before a counted noun: «أربع مجندات», «ثلاث سفن».
    "ثلاث",
    "اربع",
    "خمس",
    "ست",
    "سبع",
    "ثماني",
    "تسع",
}
# Words that count some of a group before «من» («عشرات من معتقلي الحراك»,
# «عددا من عناصر النظام السابق»).
_SOME = _QUANTITIES | {"عدد", "عددا", "العشرات", "المئات", "الالاف", "بعض", "عشرات"}
# Words for people held or kept («معتقلي الحراك», «أسرى الاحتلال»), who are a
# group's as its members are.
_HELD = _folded(
    {"معتقلي", "معتقلين", "سجناء", "اسرى", "رهائن", "موظفي", "ناشطي", "انصار", "عائلات", "اهالي"}
)


# Words whose «و» is a root letter, not «and»: «وزير الخارجية», «وكالة».
_WAW_ROOTS = ("وزير", "وزار", "وكيل", "وكال", "وفد", "وفود", "والي", "ولي", "وحد", "وطن", "وسط")


def _object_prep(tokens: list[Token], start: int, anchor: int, named: frozenset[int]) -> str | None:
    """The preposition (``""``: none) governing the noun phrase whose genitive
    starts at ``start``, past a count and «من» and a word for some of a group's
    people: «عن عشرات من معتقلي الحراك», «اعتقلت عددا من عناصر النظام»;
    None when no such words stand between."""
    k = start - 1
    if k >= anchor and k not in named and _held(tokens[k].norm):
        k -= 1
    if k >= anchor + 1 and tokens[k].norm == "من" and _counts(tokens[k - 1].norm):
        k -= 2
    elif k >= anchor and _counts(tokens[k].norm):
        k -= 1
    elif k >= anchor and tokens[k].norm == "من":
        # «قادة من المتمردين»: the partitive's own «من» governs nothing.
        return None
    if k == start - 1 or any(j in named for j in range(k + 1, start)):
        return None
    if k < anchor:
        return ""
    return tokens[k].norm if tokens[k].norm in _PREPS else None


def _held(norm: str) -> bool:
    """«معتقلي», «عناصر», «الأسرى»: some of a group's people, with or without the article."""
    return norm in _GROUP_HEADS or norm in _HELD or norm.removeprefix("ال") in _HELD


def _counts(norm: str) -> bool:
    return norm in _SOME or norm[:1].isdigit()


def coordinated(tokens: list[Token], k: int) -> bool:
    """The verb at ``k`` is joined to a clause before it: «و»/«ف» on it, or «كما»/«ثم»."""
    if k > 0 and tokens[k - 1].norm in _JOINERS:
        return True
    word = tokens[k].norm
    if word[:1] not in "وف" or len(word) < 4:
        return False
    # «وافقت», «فرقت»: the letter is the stem's own when the lexicon's stem
    # starts there.
    stems = arabic_triggers().stems_in(word)
    return not any(word.startswith(st) for st in stems)


def _joined_verb(tokens: list[Token], k: int) -> bool:
    """The word at ``k`` is a trigger verb joined by «و»/«ف» («واتهم», «وهدد»)."""
    word = tokens[k].norm
    return (
        word[:1] in "وف"
        and len(word) >= 4
        and trigger_kind(word) == "verb"
        and coordinated(tokens, k)
        and k > 0
        and tokens[k - 1].norm not in _JOINERS
        and _has_trigger_stem(word)
    )


def _has_trigger_stem(word: str) -> bool:
    return bool(arabic_triggers().stems_in(word))


def _plural_verb(word: str) -> bool:
    """«رفضوا», «وأدانا», «ويطالبون»: the verb's ending is its (plural or dual) subject."""
    w = _base(word)
    return (
        w.endswith("وا")
        or (w.endswith("ا") and len(w) >= 5)
        or (w[:1] in "يت" and w.endswith(("ون", "ان")) and len(w) >= 5)
    )


def _surely_verb(
    tokens: list[Token], k: int, named: frozenset[int], sentence: str, offset: int
) -> bool:
    """A verb-shaped trigger that no verbal noun can be.

    «رفض», «طرد», «مطالب» are verbal nouns as often as verbs («اثر رفض
    المعارضين», «مطالب المتظاهرين»); a feminine «ت» or present «ي», a joined
    verb («واتهم», «كما اعتقلت»), «قد» before it, a mention right before it
    («فروسيا اتهمت»), or the start of a clause make it a verb.
    """
    w = _base(tokens[k].norm)
    if w.endswith("ت") or w.startswith("ي") or coordinated(tokens, k):
        return True
    if w.startswith("م"):
        # «مطالب المعارضة صعبة»: a plural noun, not a verb.
        return False
    if k == 0 or (k - 1) in named:
        return True
    return any(c in ",،" or c in _STOPS for c in _gap(tokens, k, sentence, offset))


def _verb_gender(word: str) -> str | None:
    """``f`` for «اتهمت»/«دعت», ``m`` for «اتهم»/«هدد»/«يطالب», None when the shape does not tell.

    Form V/VI perfects and the feminine present share a leading «ت»
    («تضامن», «تطالب»), so such a word tells nothing unless it ends in «ت».
    """
    w = _base(word)
    if w.endswith("ت") and len(w) >= 3:
        return "f"
    if _plural_verb(word) or w.endswith("ن"):
        return None
    if w.startswith("ي"):
        return "m"
    if w.startswith(("ت", "ن")):
        return None
    return "m"


def _noun_form(m: ActorMention, tokens: list[Token]) -> str | None:
    """How the head of a mention right after a verb reads.

    ``acc``: a sound masculine plural or dual in «ين» («المتظاهرين»,
    «المسؤولين»), never a subject; ``nom``: the same in «ون»; ``f``: a
    feminine or non-person plural («الحكومة», «السلطات», «الولايات
    المتحدة»); ``m``: a masculine singular person («الوزير»); else None.
    """
    head = tokens[m.start].norm
    if m.sector is not None and len(head) >= 6 and head.endswith(("تين", "يين")):
        # «امرأتين», «جنديين»: a dual or plural in the oblique case.
        return "acc"
    if head.startswith("ال") and len(head) >= 7:
        if head.endswith("يين") or (head.endswith("ين") and m.sector is not None):
            return "acc"
        if head.endswith("ون"):
            return "nom"
    if head in _MASCULINE_HEADS:
        return "m"
    if head in _MASCULINE_IN_TA or head.endswith("اه"):
        return None
    # «ة» as written: a final «ه» is also the pronoun «his» («نائبه السابق»).
    if (tokens[m.start].text.endswith("ة") or head.endswith("ات")) and len(head) >= 4:
        return "f"
    return None


def _is_object(
    verb: str,
    m: ActorMention,
    tokens: list[Token],
    verb_end: int,
    event_type: str,
    actors: list[ActorMention],
    preps: dict[int, str],
) -> bool:
    """The mention read as the verb's subject is its object.

    Only a mention right after the verb (an adverb such as «امس» between)
    is judged: its case ending («واتهم المتظاهرين»), a gender the verb does
    not agree with («وهدد الولايات المتحدة», «واتهمت الوزير»), or
    «اتهم X بـ» with no second noun before the «ب» («واتهمت
    السلطات بالتزوير»; «واتهم الوزير المعارضة بـ» is V-S-O).
    """
    if any(t.norm not in _ADVERBS for t in tokens[verb_end : m.start]):
        return False
    form = _noun_form(m, tokens)
    if form == "acc":
        return True
    if form == "nom":
        return False
    gender = _verb_gender(verb)
    if (gender, form) in (("m", "f"), ("f", "m")):
        return True
    # «اتهم» takes the accused then «بـ» the charge; «ندد مسعود بارزاني
    # بالهجوم» condemns with «بـ» and no object.
    if event_type == "ACCUSE" and "اتهم" in verb and m.end < len(tokens):
        nxt = tokens[m.end].norm
        follows = [a for a in actors if a.start == m.end and preps[a.start] == ""]
        return nxt[:1] == "ب" and len(nxt) >= 4 and not follows
    return False


def _agrees(verb: str, m: ActorMention, tokens: list[Token]) -> bool:
    """A subject shared with ``verb`` does not clash with its gender or number."""
    form = _noun_form(m, tokens)
    if _plural_verb(verb):
        # «وانتقدوا»: people in the plural («المتظاهرون», «آلاف المتظاهرين»,
        # «رجال الشرطة»), not a country or a singular.
        return (
            form in ("nom", "acc")
            or any(t.norm.endswith(("ون", "ين", "ات")) for t in tokens[m.start : m.end])
            or (m.sector is not None and form is None)
        )
    return (_verb_gender(verb), form) not in (("m", "f"), ("f", "m"))


def _verb_subject(
    actors: list[ActorMention],
    tokens: list[Token],
    preps: dict[int, str],
    v: int,
    limit: int,
) -> ActorMention | None:
    """The VSO subject of the verb at ``v``: a bare mention right after it, before ``limit``.

    Only an adverb may stand between: «وأكد سيطرة القوات المسلحة» names the
    forces in the object's genitive.
    """
    for a in actors:
        if a.start <= v:
            continue
        between = [t.norm for t in tokens[v + 1 : a.start]]
        if a.end > limit:
            return None
        if not all(w in _ADVERBS or w in _QUANTITIES or w[:1].isdigit() for w in between):
            # «وقد ظهر الرهينة الفرنسي»: a nationality after the head noun
            # qualifies the subject.
            nationality = a.sector is None and tokens[a.start].norm.endswith("ي")
            if not (nationality and len(between) == 1 and between[0].startswith("ال")):
                return None
        if preps[a.start] == "" and not _is_object(
            tokens[v].norm, a, tokens, v + 1, "", actors, preps
        ):
            return a
        return None
    return None


def _verb_like(word: str) -> bool:
    w = _base(word)
    return (
        word not in _NOT_VERBS
        and word not in _JOINERS
        and word not in _OPENERS
        and w not in _PREPS
        and len(w) >= 3
        and w.isalpha()
        and not w.startswith("ي")
        # «وعددا من السيارات»: an accusative noun; «دعا», «رفضوا» are verbs.
        and not (w.endswith("ا") and len(w) >= 4 and not w.endswith("وا"))
        and trigger_kind(word) == "verb"
    )


def _previous_subject(
    actors: list[ActorMention],
    tokens: list[Token],
    preps: dict[int, str],
    named: frozenset[int],
    k: int,
    sentence: str,
    offset: int,
) -> ActorMention | None:
    """The subject a verb joined at ``k`` shares: that of the verb it is joined to.

    Walking back within the sentence, the first verb that opens a clause
    (after «و»/«ف», a comma, «كما», or at the start) with a subject of its
    own after it (VSO), or with a bare mention right before it (SVO: «الشرطة
    ... قامت»); a verb with neither, itself joined, passes the walk on.
    Verbs inside a relative clause («اللذين استهدفا») are passed over, and a
    «أن» clause the trigger sits in is its own: the walk stops at «أن».
    """
    verb = tokens[k].norm
    limit = k
    j = k - 1
    while j >= 0:
        gap = _gap(tokens, j + 1, sentence, offset)
        if any(c in _CHAIN_STOPS for c in gap):
            return None
        word = tokens[j].norm
        if word in _THAT:
            return None
        if word in _RELATIVE:
            limit = j
            j -= 1
            continue
        # A comma alone opens no clause of the main chain: «طائرة صغيرة،
        # تملكها شركة الغاز» describes the plane.
        opens = (
            j == 0
            or any(c in _STOPS for c in _gap(tokens, j, sentence, offset))
            or (word[:1] in "وف" and len(word) >= 4)
            or tokens[j - 1].norm in _JOINERS
        )
        if j not in named and opens and _verb_like(word) and j < limit:
            if _plural_verb(word) and not _plural_verb(verb):
                # «وأصدروا بياناً ... ورفض حصرها»: a singular verb shares no
                # plural pronoun subject (here «رفض» is a verbal noun).
                return None
            subj = None if _plural_verb(word) else _verb_subject(actors, tokens, preps, j, limit)
            if subj is None and j >= 2 and tokens[j - 1].norm in ("قد", "لقد"):
                # «وكانت نيابة أمن الدولة العليا قد اعتقلت»: the topic before «قد».
                topic = [a for a in actors if a.end == j - 1 and preps[a.start] == ""]
                subj = topic[-1] if topic else None
            if subj is not None:
                return subj if _agrees(verb, subj, tokens) else None
            if not coordinated(tokens, j):
                return None
            limit = j
        j -= 1
    return None


def _shared_subject(
    actors: list[ActorMention],
    tokens: list[Token],
    preps: dict[int, str],
    named: frozenset[int],
    k: int,
    subj: ActorMention,
    sentence: str,
    offset: int,
) -> ActorMention | None:
    """The subject a verb joined by «و» right after its clause's object shares.

    The verb carries «و» itself (not «كما», «ثم», nor after a comma, where
    news opens a new subject), no second bare mention follows the first (then
    the two are subject and object), the verb it is joined to has its own
    subject after it, and that subject is another mention that agrees with
    this verb.
    """
    if tokens[k].norm[:1] != "و" or not coordinated(tokens, k) or k == 0:
        return None
    if tokens[k - 1].norm in _JOINERS or any(
        c in _COMMAS or c in _STOPS for c in _gap(tokens, k, sentence, offset)
    ):
        return None
    if any(
        a is not subj and subj.end <= a.start <= subj.end + 1 and preps[a.start] == ""
        for a in actors
    ):
        # «واتهم الوزير اللبناني المعارضة بالتحريض»: a second bare mention
        # after it is the object, so the first is the verb's own subject.
        return None
    prev = _previous_subject(actors, tokens, preps, named, k, sentence, offset)
    if prev is None or prev is subj or prev.end > k or prev.country is None:
        return None
    return prev


def clause_roles(
    actors: list[ActorMention],
    tokens: list[Token],
    trig_start: int,
    trig_end: int,
    event_type: str,
    sentence: str,
    offset: int,
    has_form: Callable[[str], bool] | None = None,
    places: frozenset[int] = frozenset(),
) -> ClauseRoles:
    """(source, target) of the act named by ``tokens[trig_start:trig_end]``.

    ``has_form`` tells a dictionary word as written from one with a clitic
    (:meth:`wiqaya.read.phrases.PhraseIndex.has_form`); ``places`` holds the
    tokens of the sentence's place names.
    """
    kind = trigger_kind(tokens[trig_start].norm)
    actors = _split_recipient(actors, tokens, has_form)
    # The clause: from the last stop before the trigger to the first stop,
    # relative pronoun or «أن» after it.
    left = trig_start
    while left > 0 and not _stop_before(tokens, left, sentence, offset):
        left -= 1
    right = trig_end
    while right < len(tokens):
        if _stop_before(tokens, right, sentence, offset):
            break
        if tokens[right].norm in _RELATIVE or tokens[right].norm in _THAT:
            break
        right += 1
    after = [a for a in actors if trig_end <= a.start and a.end <= right]
    before = [a for a in actors if left <= a.start and a.end <= trig_start]
    named = frozenset(k for a in actors for k in range(a.start, a.end))
    preps = {a.start: _prep(tokens, a, named, has_form) for a in actors}
    if kind == "verb" and _object_of_decision(tokens, before, trig_start):
        # «قررت الحكومة الأردنية طرد السفير»: after a verb of deciding and
        # its subject, the bare stem is the verbal noun (what was decided).
        kind = "noun"
    if trig_end in preps and preps[trig_end].endswith("+"):
        # «لتفريق المحتجين»: the trigger's own genitive.
        preps[trig_end] = ""

    w = _base(tokens[trig_start].norm)
    raw = tokens[trig_start].text
    raw = raw[1:] if raw[:1] in "وف" and len(w) < len(tokens[trig_start].norm) else raw
    if kind == "verb" and _DAMMA in raw[:3]:
        # «اتُهم فيها اسلاميو كشمير», «وفُرق المتظاهرون»: a passive verb,
        # marked by its damma; who follows it undergoes the act.
        undergo = next(
            (
                a
                for a in after
                if a.start - trig_end <= _SUBJECT_GAP
                and preps[a.start] == ""
                and not any(t.norm in _PREPS for t in tokens[trig_end : a.start])
            ),
            None,
        )
        return ClauseRoles(None, undergo, kind)
    source: ActorMention | None = None
    rest = after
    purpose = (
        kind == "noun"
        and w[:1] == "ل"
        and not w.startswith("لل")
        and any(a.start == trig_end for a in after)
    ) or (
        # «وصل المبعوث الأممي إلى بنغازي للقاء المشير خليفة حفتر»: «لـ» on
        # a stem that starts with «ل» («لقاء») is a purpose too; the one met
        # is the object, the one who came the subject of the main verb.
        _purpose_l(w) and trig_start > 0 and any(a.start - trig_end <= 1 for a in after)
    )
    # «شعارات تطالب المنظمات الدولية», «لافتات تندد»: a present verb right
    # after an indefinite plural that is no actor describes it; the slogans'
    # bearers (the main verb's subject) act, and who follows is the object.
    prev = tokens[trig_start - 1].norm if trig_start > 0 else ""
    described = (
        kind == "verb"
        and w[:1] in "تي"
        and prev.endswith("ات")
        and not prev.startswith(("ال", "وال"))
        and trig_start - 1 not in named
        and not _stop_before(tokens, trig_start, sentence, offset)
    )
    # «أصدرت الخارجية الجزائرية بيانا أدانت فيه الاعتداءات الإسرائيلية»: a verb
    # right after an indefinite statement, with «فيه/فيها», describes the
    # statement; who issued it acts, and the object follows «فيه».
    stated = (
        kind == "verb"
        and prev in _STATED
        and trig_end < len(tokens)
        and tokens[trig_end].norm in ("فيه", "فيها")
        and not _stop_before(tokens, trig_start, sentence, offset)
    )
    if kind == "participle" or purpose or described or stated:
        # «وتجمع المتظاهرون أمام المبنى ... مطالبين», «الشرطة قامت باستخدام
        # الغاز لتفريق»: the main verb's subject, the nearest bare mention
        # before, past commas.
        prior = [a for a in actors if a.end <= trig_start and trig_start - a.end <= 15]
        bare = [a for a in prior if preps[a.start] == ""]
        if described:
            # Slogans and banners are a crowd's: not a court, flag or
            # nationality named before them.
            # A nationality in the plural is people («الفلسطينيين»); in the
            # singular it is an adjective («القيادات اللبنانية»).
            bare = [
                a
                for a in bare
                if a.sector in _CROWD
                or (a.sector is None and tokens[a.end - 1].norm.endswith(("يين", "يون")))
            ]
        if stated:
            # «رسالة طالبوا فيها»: the plural verb is the letter's bearers, not
            # the prime minister whose office they took it to.
            bare = [a for a in bare if _agrees(tokens[trig_start].norm, a, tokens)]
        source = bare[-1] if bare else None
        if kind == "participle" and len(bare) >= 2:
            # «دعا الوزير المصري نظيره الإثيوبي …، محذرا»: after a verb, subject
            # then object; the participle's subject is the verb's, not its object.
            s_, o_ = bare[-2], bare[-1]
            verb_at = s_.start - 1
            if (
                o_.start - s_.end <= 1
                and verb_at >= 0
                and verb_at not in named
                and trigger_kind(tokens[verb_at].norm) == "verb"
                and not any(
                    _stop_before(tokens, k, sentence, offset) for k in range(s_.start, o_.end)
                )
            ):
                source = s_
    elif kind == "noun":
        # «دعما عسكريا»: an adjective right after the noun is no actor.
        after = [a for a in after if not (a.start == trig_end and _adjective(a, tokens))]
        rest = after
        # «زيارة بوش», «استقالة وزراء المعارضة»: the genitive, or the
        # mention that completes it one word on; an adjective there
        # («اتفاقية تعاون عسكري مع إسرائيل») is not the agent.
        gen = [
            a
            for a in after
            if preps[a.start] == ""
            and not _adjective(a, tokens)
            and (
                a.start == trig_end
                or (a.start == trig_end + 1 and not _marks_phrase(tokens[trig_end].norm))
            )
        ]
        # «دفع الجيش المالي بتعزيزات عسكرية»: a noun behind «ب» completes the
        # verb before it; the verb's subject acts, and an adjective after the
        # noun («عسكرية») is no genitive.
        instrument = (
            w[:1] == "ب"
            and bool(before)
            and trig_start - before[-1].end <= 1
            and preps[before[-1].start] == ""
        )
        # «إطلاق سراح الرئيس المخلوع»: whom «سراح» is of is released.
        released = event_type == "RETREAT" and _base(tokens[trig_end - 1].norm) == "سراح"
        owner = gen[0] if gen and gen[0].start == trig_end else None
        if owner is not None and not _owner_adjective(owner, tokens, trig_start):
            owner = None
        if owner is not None:
            # «العقوبات الأمريكية», «الاعتقالات الإسرائيلية»: a nationality
            # adjective agreeing with the act's noun says whose act it is, even
            # where a genitive noun would be the one acted on («اعتقال الصحفي»).
            source = owner
            rest = [a for a in after if a is not owner]
        elif gen and event_type not in _GENITIVE_IS_TARGET and not instrument and not released:
            source = gen[0]
            rest = [a for a in after if a is not gen[0]]
        elif before and trig_start - before[-1].end <= 2 and preps[before[-1].start] == "":
            # «خطوة المعارضة في الاستقالة», «محاولة الشرطة تفريق».
            source = before[-1]
    elif (
        trig_start > 0
        and tokens[trig_start - 1].norm in SELF_THAT
        and (speaker := self_reporter(tokens, trig_start - 1, actors, sentence, offset))
    ):
        # «قالت وزارة الخارجية الإيرانية إنها تدين الغارات الأمريكية»,
        # «أعلنت الإمارات أنها سترسل مساعدات»: the pronoun of «أنها» is the
        # speaker, who acts; who follows the verb is its object.
        source = speaker
    else:
        # The subject: the first mention in the noun phrase after the verb,
        # before any preposition («أدانت أكبر منظمة للمسلمين في بريطانيا»).
        subj = None
        topic = before[-1] if before else None
        # «الخارجية الجزائرية استدعت السفير الإسباني», «المغرب استدعى
        # السفير»: a clause that opens with a mention right before its verb
        # has its subject there (SVO); who follows is the object.
        svo = (
            topic is not None
            and topic.end == trig_start
            # «علمت أن وزارة الخارجية الفرنسية استدعت السفير»: or a «أن» clause.
            and (topic.start == left or tokens[topic.start - 1].norm in _THAT)
            and preps[topic.start] == ""
            and not coordinated(tokens, trig_start)
            and _agrees(tokens[trig_start].norm, topic, tokens)
        )
        for a in [] if svo else after:
            if a.start - trig_end > _SUBJECT_GAP:
                break
            if any(t.norm in _PREPS for t in tokens[trig_end : a.start]):
                break
            if a.start == trig_end and _adjective(a, tokens):
                # «اتفاقية تعاون عسكري مع إسرائيل»: an adjective after the
                # trigger makes it a noun; no subject follows.
                break
            head = head_word(tokens[a.start].norm)
            if head is not None and head.endswith("ا"):
                # «واستقبل كل منهما وفداً من المعارضة»: an accusative head
                # («وفدا», «مسلحا») opens the object, not the subject.
                break
            if preps[a.start] in ("", "ل"):
                subj = a
                break
        # «رفضوا», «وأدانا»: a plural or dual ending is the subject.
        pronoun = w.endswith("وا") or (w.endswith("ا") and len(w) >= 5)
        shared_first = (
            _shared_subject(actors, tokens, preps, named, trig_start, subj, sentence, offset)
            if subj is not None and not pronoun
            else None
        )
        if shared_first is not None:
            # «وصل وزير الخارجية الإيراني إلى بيروت والتقى رئيس البرلمان
            # اللبناني»: a verb joined by «و» to the clause before it, with no
            # comma between, goes on with that clause's subject; the mention
            # after it is its object.
            source = shared_first
        elif (
            subj is not None
            and not pronoun
            and not (
                _surely_verb(tokens, trig_start, named, sentence, offset)
                and _is_object(
                    tokens[trig_start].norm, subj, tokens, trig_end, event_type, actors, preps
                )
            )
        ):
            source = subj
            rest = [a for a in after if a is not subj]
        else:
            joined = coordinated(tokens, trig_start)
            # «دعت المعارضة ... واتهمت السلطات بالتزوير», «وقد هاجم آلاف
            # المتظاهرين مكتب رئيس الوزراء ... وتعهدوا»: a verb joined by
            # «و»/«ف»/«كما»/«ثم» with no subject of its own shares the subject
            # of the verb before it, not that verb's object.
            shared = (
                _previous_subject(actors, tokens, preps, named, trig_start, sentence, offset)
                if joined
                else None
            )
            bare = [a for a in before if preps[a.start] == ""]
            source = shared or (bare[-1] if bare else None)
            if source is None and tokens[trig_start].norm[:1] in "وف":
                # «وطلبت الولايات المتحدة ... ، وأدانا»: a verb joined to an
                # earlier one shares its subject, the sentence's first bare
                # mention.
                first = [
                    a
                    for a in actors
                    if a.end <= left and a.start <= _OPENING and preps[a.start] == ""
                ]
                source = first[0] if first else None

    allowed = _TARGET_PREP.get(event_type, _DEFAULT_PREPS)
    if event_type == "ACCUSE" and kind == "noun" and _utterance(tokens[trig_start].norm):
        # «وجهت روسيا اتهامات إلى بريطانيا»: accusations are addressed «إلى» whom
        # they accuse (a verb «اتهم» takes its object bare).
        allowed = allowed | {"الي"}
    if event_type == "ACCUSE" and any(st in w for st in _CONDEMN_BY_B):
        # «نددت الرياض بالهجمات»: what one denounces follows «بـ» (what one is
        # accused of, «اتهمت ... بالتورط», does not).
        allowed = allowed | {"ب"}
    if event_type == "RETREAT" and _base(tokens[trig_end - 1].norm) == "سراح":
        # «اطلق سراح امرأتين»: whom «سراح» is of is released.
        allowed = allowed | {""}
    target = None
    anchor = trig_end if source is None or source.end <= trig_start else max(trig_end, source.end)
    if stated and anchor == trig_end:
        anchor += 1
    if source is not None and source.start >= trig_end:
        anchor = _phrase_end(source, actors, tokens, preps, anchor)
        if (
            anchor < len(tokens) - 1
            and tokens[anchor].norm in ("الي", "لدي")
            and tokens[source.start].norm in _ENVOYS
        ):
            # «التقى المبعوث الأممي إلى اليمن وزير الخارجية العماني»: where an
            # envoy is sent is part of his title; the object follows it.
            there = next((a for a in actors if a.start == anchor + 1), None)
            k = there.end if there is not None else anchor + 1
            while k in places:
                k += 1
            if k > anchor + 1 and any(a.start == k and preps[a.start] == "" for a in rest):
                anchor = k
        if anchor < len(tokens) - 1 and tokens[anchor].norm == "في":
            # «اتهمت وزارة الصحة في غزة الجيش الإسرائيلي», «اتهمت حماس في
            # بيان إسرائيل»: a place of the subject's or the statement it
            # spoke in («في» with no actor); the object comes after it.
            k = anchor + 1
            if tokens[k].norm in _STATEMENTS:
                k += 1
                while k < len(tokens) and tokens[k].norm in _STATEMENT_TAILS:
                    k += 1
            else:
                while k in places and k not in named:
                    k += 1
            if k > anchor + 1 and any(a.start == k and preps[a.start] == "" for a in rest):
                anchor = k
    if event_type == "SANCTION":
        # «استدعت وزارة الخارجية المغربية سفيرها في ستوكهولم»: the country an
        # ambassador is recalled from, even where «في ستوكهولم» was read as the
        # subject's own phrase.
        target = next(
            (
                a
                for a in rest
                if trig_end + 1 <= a.start - 1 < anchor
                and preps[a.start] in ("لدي", "من", "في")
                and _base(tokens[a.start - 2].norm).startswith(("سفير", "سفراء"))
            ),
            None,
        )
    for a in rest if target is None else []:
        if a.start < anchor:
            continue
        p = preps[a.start]
        if (
            p == ""
            and a.start - 2 >= anchor
            and tokens[a.start - 2].norm in _PREPS - {""}
            and tokens[a.start - 2].norm in allowed
            and tokens[a.start - 1].norm in _GROUP_HEADS
            and a.start - 1 not in named
            and not tokens[a.start - 3].norm[:1].isdigit()
            and not _stop_before(tokens, a.start - 1, sentence, offset)
            and not _stop_before(tokens, a.start, sentence, offset)
        ):
            # «والافراج عن عناصر طالبان», «فرض حصار على معقل السلطة
            # الانتقالية»: the mention is the genitive of the preposition's
            # object, a word for members or a seat of the group.
            p = tokens[a.start - 2].norm
        if (
            event_type == "SANCTION"
            and p in ("لدي", "من", "في")
            and a.start >= 2
            and _base(tokens[a.start - 2].norm).startswith(("سفير", "سفراء"))
        ):
            # «سحبت السعودية سفيرها من بيروت», «استدعت الرياض سفيرها لدى
            # بيروت»: the country an ambassador is recalled from.
            if a.start - anchor <= _PP_GAP:
                target = a
            break
        if (
            p in ("", "ب+", "ل+")
            and a.start - 1 >= anchor
            and a.start - 1 not in named
            and _utterance(tokens[a.start - 1].norm)
        ):
            # «احتجت طهران على تصريحات وزير الخارجية البريطاني», «نددت
            # بتصريحات …»: who said what is protested is its target; the
            # statements' preposition is the speaker's.
            p = _prep(tokens, ActorMention("", a.start - 1, a.start, None, None), named, has_form)
        if p in ("", "ب+", "ل+") and a.start - 1 >= anchor and _describes_head(a, tokens, named):
            # «نددت الرياض بالهجمات الحوثية», «احتجت بغداد على الضربات
            # التركية», «هدد الحوثيون باستهداف السفن الإسرائيلية»: the
            # adjective's noun is the object; its preposition is the mention's.
            p = _prep(tokens, ActorMention("", a.start - 1, a.start, None, None), named, has_form)
        # «اعتقلت السلطات عددا من الناشطات»: a count and «من» before the
        # mention make it the object, as before a group's members.
        via = _object_prep(tokens, a.start, anchor, named) if p in ("", "من") else None
        if via is not None and not any(
            _stop_before(tokens, j, sentence, offset) for j in range(anchor + 1, a.start + 1)
        ):
            # «أفرجت السلطات عن عشرات من معتقلي الحراك»: the count and the
            # people are the object; the group after them gives its country.
            if via == "" and a.start - anchor <= _OBJECT_GAP + 2:
                target = a
                break
            if via in allowed:
                p = via
        if p == "" and a.start - 2 >= anchor and _nationality(a, tokens):
            # «أفرجت حركة حماس عن ثلاثة رهائن إسرائيليين»: a nationality after
            # the noun it describes, that noun governed by the preposition
            # (a number between).
            k = a.start - 2
            if tokens[k].norm in _QUANTITIES or tokens[k].norm[:1].isdigit():
                k -= 1
            if (
                k >= anchor
                and tokens[k].norm in _PREPS
                and tokens[k].norm in allowed
                and a.start - 1 not in named
                and not any(_marks_phrase(t.norm) for t in tokens[anchor:k])
                and not any(_stop_before(tokens, j, sentence, offset) for j in range(k + 1, a.end))
            ):
                p = tokens[k].norm
        if p == "" and any(
            _joined_verb(tokens, k)
            # «زار وفد … العاصمة والتقى وزير العدل»: one meeting, told twice.
            and not (event_type == "CONSULT" and _base(tokens[k].norm) in _MEETING_VERBS)
            for k in range(anchor, a.start)
        ):
            # «رفض الرئيس السوري المبادرة واتهم الوزير»: a mention past a
            # joined verb is that verb's.
            break
        if p == "" and any(_marks_phrase(t.norm) for t in tokens[anchor : a.start]):
            # «مهدداً باستعمال كل وسائل المقاومة»: a mention past a
            # preposition or a «ب» verbal noun is no direct object.
            continue
        if (
            (p == "ب+" and event_type in ("THREATEN", "SUPPORT"))
            or (p == "ل+" and event_type == "SUPPORT")
            # «تبرعت اليابان بمبلغ … لدعم اللاجئين السوريين»: aid for someone's help.
            or (p == "ل+" and event_type == "AID" and tokens[a.start - 1].norm in _FOR_HELP)
            or (p == "ب+" and event_type == "REQUEST" and _RESIGN in tokens[a.start - 1].norm)
        ):
            # «هدد باغتيال X», «رحب بالتزام X», «تأييد ... لترشيح X», «طالب
            # باستقالة X».
            p = ""
            if a.start - anchor <= _PP_GAP:
                target = a
                break
        if p not in allowed:
            continue
        if p in ("ب", "ل") and a.start - anchor > 2:
            # «اجتمع بالوزير»; «الزيارة إلى مراكز ... بالأطفال» is another phrase.
            continue
        if a.start - anchor > (_OBJECT_GAP if p == "" else _PP_GAP):
            break
        target = a
        break
    if (
        event_type in ("CONSULT", "AGREE", "COOPERATE")
        and source is not None
        and tokens[source.start].norm[:1] == "و"
        and not tokens[source.start].norm.startswith(_WAW_ROOTS)
        and preps[source.start] == ""
    ):
        # «توصلت إسرائيل وحماس إلى اتفاق», «أعلن الجيش السوداني وقوات الدعم
        # السريع هدنة»: the nearest mention was the second of two joined
        # sides; the first is the source, the second the other side.
        first = next(
            (
                a
                for a in actors
                if a.end == source.start
                and preps[a.start] == ""
                and not _stop_before(tokens, source.start, sentence, offset)
            ),
            None,
        )
        if first is not None:
            source, target = first, target or source
    if (
        event_type in ("CONSULT", "AGREE", "COOPERATE")
        and source is not None
        and target is None
        and source.start >= trig_end
    ):
        # «اتفقت إثيوبيا والصومال على استئناف العلاقات»: the mention joined
        # to the subject by «و» is the other side of a mutual act.
        second = next(
            (
                a
                for a in actors
                if a.start == source.end
                and tokens[a.start].norm[:1] == "و"
                and not tokens[a.start].norm.startswith(_WAW_ROOTS)
                and preps[a.start] == ""
                and not _stop_before(tokens, a.start, sentence, offset)
            ),
            None,
        )
        target = second
    if (
        event_type in ("CONSULT", "AGREE", "COOPERATE")
        and kind == "verb"
        and _plural_verb(tokens[trig_start].norm)
        and coordinated(tokens, trig_start)
    ):
        # «اجتمع وزير الخارجية السعودي بنظيره الإيراني ... واتفقا على»: a dual
        # or plural verb joined to a meeting is both its sides: who met and the
        # one met.
        sides = _met(actors, tokens, preps, trig_start, sentence, offset)
        if sides is not None:
            source, target = sides
    if event_type in ("CONSULT", "AGREE", "COOPERATE") and source is None:
        # «المحادثات ... بين الحزب الحاكم الذي يتزعمه ... وحركة التغيير»: the
        # two sides, the second joined by «و» past a relative clause.
        between = [a for a in actors if a.start >= trig_end and preps[a.start] == "بين"]
        if between and between[0].start - trig_end <= 8:
            source = between[0]
            joined = [
                a for a in actors if a.start >= source.end and tokens[a.start].norm[:1] == "و"
            ]
            target = joined[0] if joined else None
    return ClauseRoles(source, target, kind)


# Verbs of saying and reporting that open a «أن/إن» clause, and «قوله» of a quote
# («نقلت … عن الرئيس الروسي قوله إن»).
_SAYING = re.compile(
    r"^[وف]?(قال|قالت|قالوا|اكد|اكدت|اكدوا|اعلن|اعلنت|اعلنوا|اوضح|اوضحت|اشار|اشارت"
    r"|صرح|صرحت|ذكر|ذكرت|افاد|افادت|اضاف|اضافت|شدد|شددت|لفت|لفتت|كشف|كشفت|نقل|نقلت"
    r"|اعتبر|اعتبرت|زعم|زعمت|ادعي|ادعت|نفي|نفت|حذر|حذرت|تابع|تابعت|قوله|قولها|اكدا|قالا)$"
)
# «أنه», «إنها», «بأنهم»: a «that» whose pronoun is the speaker.
SELF_THAT = frozenset(
    {"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "وانه", "وانها", "وانهم", "لانه", "لانها"}
)
# How far back from its «أن» a verb of saying is looked for.
_SAYING_REACH = 14
# The speaker's own state, written with the pronoun: «أكد أن بلاده»; «بلده» is
# told from «بلدة» (a town, the same letters once «ة» is folded) by its
# written final letter.
OWN_STATE = frozenset({"بلاده", "بلادها", "بلادهم", "بلده", "بلدها", "بلدهم"})
# A speaker's phrase may name whom it speaks for («المتحدث باسم الخارجية الصينية»)
# or whom a report quotes («عن مصادر أمنية»): no other preposition.
_SPEAKER_PREPS = frozenset({"", "عن"})


def reporter(
    tokens: list[Token], that: int, actors: list[ActorMention], sentence: str, offset: int
) -> ActorMention | None:
    """Who says the clause opened by the complementiser at ``that``.

    The first mention with a country after the nearest verb of saying before it
    («قال وزير الخارجية التركي إن», «أكد المتحدث باسم الخارجية الإيرانية أن»),
    not behind a preposition other than «عن» («قال السفير الروسي في واشنطن إن»:
    the ambassador), and no news outlet («نقلت وكالة رويترز عن مصادر أمنية أن»:
    Reuters tells, it says nothing of its own), nor across a full stop.
    """
    floor = max(0, that - _SAYING_REACH)
    for v in range(that - 1, floor - 1, -1):
        if v + 1 < len(tokens) and not _STOPS.isdisjoint(_gap(tokens, v + 1, sentence, offset)):
            return None
        if not _SAYING.match(tokens[v].norm):
            continue
        for a in actors:
            if a.start <= v or a.end > that:
                continue
            if not a.country or a.sector == "MED" or a.country in ("INT", "IMG"):
                continue
            if _prep(tokens, a) in _SPEAKER_PREPS:
                return a
    return None


def self_reporter(
    tokens: list[Token], that: int, actors: list[ActorMention], sentence: str, offset: int
) -> ActorMention | None:
    """The speaker «أنه/أنها» at ``that`` stands for, when their genders agree.

    «قالت وزارة الخارجية الإيرانية إنها تدين»: the ministry; not «قال الوزير
    عن إسرائيل إنها تهدد», where the feminine pronoun is not the minister.
    """
    who = reporter(tokens, that, actors, sentence, offset)
    if who is None:
        return None
    form = _noun_form(who, tokens)
    feminine = tokens[that].norm.endswith("ها")
    if (feminine and form == "m") or (tokens[that].norm.endswith("ه") and form == "f"):
        return None
    return who


def own_state(
    tokens: list[Token], actors: list[ActorMention], sentence: str, offset: int
) -> list[ActorMention]:
    """Mentions of «بلاده» after a «أن» of saying, with the speaker's country.

    «قال وزير الخارجية الفرنسي إن بلاده تدين الهجوم الروسي»: the country is
    the minister's; left alone, the act went to the next country named.
    """
    out = []
    for k in range(1, len(tokens)):
        t = tokens[k]
        if t.norm not in OWN_STATE or tokens[k - 1].norm not in _THAT:
            continue
        if t.norm.startswith("بلده") and "ة" in t.text:
            continue
        who = reporter(tokens, k - 1, actors, sentence, offset)
        if who is not None:
            out.append(ActorMention(t.text, k, k + 1, who.country, None))
    return out


# A state's own organs, named bare in a report («إن الجيش قصف», «أن السلطات اعتقلت»).
_ORGANS = frozenset({"MIL", "COP", "GOV", "SPY"})


def reported_organ(m: ActorMention, tokens: list[Token]) -> bool:
    """``m`` is a state organ named bare («الجيش») or with a pronoun («قواته»)
    right after a «أن»: the speaker's own."""
    return (
        m.sector in _ORGANS
        and m.start > 0
        and tokens[m.start - 1].norm in _THAT
        # As written: a final «ة» folds to the pronoun's «ه».
        and (
            tokens[m.start].norm.startswith("ال")
            or tokens[m.start].text.endswith(("ه", "ها", "هم"))
        )
    )


def speakers_organ(
    m: ActorMention | None,
    tokens: list[Token],
    actors: list[ActorMention],
    sentence: str,
    offset: int,
) -> ActorMention | None:
    """``m`` with its speaker's country, when it is a state organ named bare
    (or with the speaker's pronoun, «قواته») right after the «أن» of a speaker
    with a country.

    «قال مسؤول إسرائيلي إن الجيش قصف مواقع لحزب الله في جنوب لبنان»: the army
    is the official's, not the country of the place it struck. A news outlet
    names no country this way (:func:`reporter`).
    """
    if m is None or m.country or not reported_organ(m, tokens):
        return m
    who = reporter(tokens, m.start - 1, actors, sentence, offset)
    if who is None:
        return m
    return ActorMention(m.text, m.start, m.end, who.country, m.sector)
