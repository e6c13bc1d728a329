"""Where the words name an Arabic event's sides, over the role ranker's guess.

The ranker (:mod:`wiqaya.read.roles`) was trained on the gold's 2007 attacks and
protests, told apart by their tolls and victims; current news names its sides in
forms it never saw. These rules read them from the words around the trigger:
the owner of the fire («قتل ثلاثة أشخاص بنيران قوات الدعم السريع»), a feminine
verb's collective subject («قتلت القوات الصومالية»), the agent after «على يد»,
a strike named with its owner's nationality (whose target is the place it hits),
a country across a border (where, not who), a verb's subjects joined by «و»
and the announcer whose own people were killed («أعلن الجيش مقتل أحد جنوده»).
"""

from __future__ import annotations

import re

from wiqaya.read.actors import ActorMention, load_actors
from wiqaya.read.events import Trigger
from wiqaya.read.partitive import attacker_head
from wiqaya.read.phrases import Token
from wiqaya.read.places import load_gazetteer

# A strike or weapon named with its owner's nationality: «غارة إسرائيلية».
_WEAPON = re.compile(
    r"^[وف]?(ب|ل)?(ال)?(غاره|غارات|ضربه|ضربات|قصف|مسيره|مسيرات|طايره|طايرات|مقاتلات|صاروخ"
    r"|صواريخ|قذيفه|قذايف|مدفعيه|زوارق|بوارج)$"
)
# «برصاص قوات الأمن», «بنيران قوات الدعم السريع»: the weapon's owner attacked.
_BY_FIRE = re.compile(r"^[وف]?(برصاص|بنيران|بقذايف|بصواريخ|بقصف|بغاره|بغارات|برصاصه)$")
# Past verbs whose feminine ending says a collective subject follows them
# («قتلت القوات الصومالية»); bare «قتل» is as often «قُتل» (was killed), and
# «اغتالوا» carries its subject, so the mention after it is the victim.
_ACTIVE_ATTACK = re.compile(r"^[وف]?(قتلت|اغتالت|هاجمت|اختطفت|خطفت)$")
# Words that open another clause between an attack and an instrument.
_OTHER_CLAUSE = frozenset({"بينما", "فيما", "حيث", "الذي", "التي", "الذين", "بعد", "قبل"})
_FIRE_REACH = 4
_ATTACKER_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "UAF", "INS"})


def stated_attacker(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention]
) -> ActorMention | None:
    """An attack's agent the words name: the owner of the fire, or the subject of an active verb."""
    if trig.event_type != "ASSAULT":
        return None
    k = trig.tok_start
    # «فجر انتحاري من حركة الشباب نفسه», «مهاجما انتحاريا من حركة طالبان»: the
    # trigger names the attacker, whom the partitive joined to the group into
    # one mention that starts with it or right after it.
    a = next((a for a in actors if k <= a.start <= trig.tok_end < a.end), None)
    if (
        a is not None
        and a.end - a.start >= 3
        and tokens[a.start + 1].norm == "من"
        and (a.sector in _ATTACKER_SECTORS or a.sector == "CRM")
        and (a.start == k or attacker_head(tokens[a.start].norm))
    ):
        return a
    if _ACTIVE_ATTACK.match(tokens[k].norm):
        a = next((a for a in actors if a.start == k + 1), None)
        if a is not None and a.sector in _ATTACKER_SECTORS:
            return a
    j = fire_at(tokens, k, trig.tok_end)
    if j is not None:
        return next((a for a in actors if a.start == j + 1), None)
    return _attack_by(tokens, k, trig.tok_end, actors)


# «قتل ثلاثة جنود أتراك في هجوم لمسلحي حزب العمال الكردستاني»: an attack «ل»
# (of) an armed group names who made it.
_ATTACK_OF = re.compile(r"^[وف]?(ب|في)?(هجوم|هجمات|تفجير|كمين)$")
# The victims may stand between: «قتل ثلاثة جنود أتراك في هجوم».
_ATTACK_REACH = 6
_OF_HEAD = re.compile(r"^ل(مسلحي|مقاتلي|عناصر|تنظيم|جماعه|حركه|ميليشيا|ميليشيات|فصايل|قوات)$")


def _attack_by(
    tokens: list[Token], start: int, end: int, actors: list[ActorMention]
) -> ActorMention | None:
    """The armed actor named with «ل» right after an attack noun in the trigger's clause."""
    for j in range(start, min(len(tokens) - 1, end + _ATTACK_REACH)):
        if tokens[j].norm in _OTHER_CLAUSE:
            return None
        if not _ATTACK_OF.match(tokens[j].norm) or tokens[j].norm == tokens[start].norm:
            continue
        nxt = tokens[j + 1].norm
        if not nxt.startswith("ل") or nxt.startswith("لل"):
            return None
        at = j + 2 if _OF_HEAD.match(nxt) else j + 1
        a = next((a for a in actors if a.start in (j + 1, at)), None)
        if a is not None and (a.sector in _ATTACKER_SECTORS or a.country in ("IMG", "KUR")):
            return a
        return None
    return None


def fire_at(tokens: list[Token], start: int, end: int) -> int | None:
    """Where «برصاص»/«بنيران» (by the fire of) stands in the clause of the words ``start:end``."""
    for j in range(start, min(len(tokens) - 1, end + _FIRE_REACH)):
        if tokens[j].norm in _OTHER_CLAUSE:
            return None
        if _BY_FIRE.match(tokens[j].norm):
            return j
    return None


_HAND = frozenset({"يد", "ايدي"})
_HAND_REACH = 6
_ON = frozenset({"علي", "على"})


def by_the_hand_of(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention]
) -> ActorMention | None:
    """The actor right after «على يد»/«على أيدي» a few words after the trigger.

    Only for acts done to someone (ASSAULT, COERCE): «للاحتجاج على مقتل
    مدنيين على يد قوات التحالف», «نندد بإعدام … على يد عصابة» name who killed,
    not who protests or condemns.
    """
    if trig.event_type not in ("ASSAULT", "COERCE"):
        return None
    for k in range(trig.tok_end, min(len(tokens) - 2, trig.tok_end + _HAND_REACH)):
        if tokens[k].norm in _ON and tokens[k + 1].norm in _HAND:
            return next((a for a in actors if a.start == k + 2), None)
    return None


def weapon_owner(tokens: list[Token], m: ActorMention) -> bool:
    """The mention is a weapon's or a strike's nationality («غارة إسرائيلية»)."""
    return m.start > 0 and bool(_WEAPON.match(tokens[m.start - 1].norm))


# «مقتل أربعة من جنوده», «قتلوا سبعة من عناصرها»: a force's own people, the
# pronoun naming the force.
_OWN_PEOPLE = re.compile(
    r"^[وف]?(جنود|عناصر|مقاتلي|افراد|ضباط|رجال|منتسبي|موظفي|رعايا|مواطني|جند)(ه|ها|هم|نا)$"
)
# Verbs of announcing or saying whose subject names whose people were hit.
_ANNOUNCE = re.compile(
    r"^[وف]?(اعلن|اعلنت|قال|قالت|اكد|اكدت|نعي|نعت|ذكر|ذكرت|افاد|افادت|اقر|اقرت)$"
)
_OWN_REACH = 4


def own_losses(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention]
) -> tuple[ActorMention, int] | None:
    """(the announcer, the word of its people) when an attack's victims are the announcer's.

    «أعلن الجيش الإسرائيلي مقتل أربعة من جنوده في اشتباكات مع مقاتلي حماس»,
    «قالت الشرطة الباكستانية إن مسلحين قتلوا سبعة من عناصرها»: the pronoun
    on the soldiers is the announcer's, so its country was attacked, as the
    gold codes «أعلن الجيش الأميركي مقتل أحد جنوده» (target USA); the ranker,
    which reads the announcer as the reporter or the attacker, had the sides
    swapped.
    """
    if trig.event_type != "ASSAULT":
        return None
    k = next(
        (
            j
            for j in range(trig.tok_end, min(len(tokens), trig.tok_end + _OWN_REACH))
            if _OWN_PEOPLE.match(tokens[j].norm)
        ),
        None,
    )
    if k is None:
        return None
    for a in actors:
        if a.end > trig.tok_start or not a.country:
            continue
        verb_before = a.start > 0 and bool(_ANNOUNCE.match(tokens[a.start - 1].norm))
        # «وكان الجيش الاميركي قد أعلن أمس مقتل …»: the subject before its verb.
        verb_after = any(
            _ANNOUNCE.match(t.norm) for t in tokens[a.end : min(a.end + 3, trig.tok_start)]
        )
        if verb_before or verb_after:
            return a, k
    return None


_BORDER = re.compile(r"^[وف]?(ب|ل|علي)?(ال)?حدود(ها|ه|يه)?$")


def at_a_border(m: ActorMention | None, tokens: list[Token]) -> bool:
    """«كمين قرب الحدود مع النيجر»: a country after «الحدود مع» says where, not who."""
    return (
        m is not None
        and m.sector is None
        and m.start >= 2
        and tokens[m.start - 1].norm == "مع"
        and bool(_BORDER.match(tokens[m.start - 2].norm))
    )


# Types whose second party is the other side of the act, not a second actor:
# «اتفقت الحكومة العراقية وحكومة إقليم كردستان».
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE", "PROTEST", "ASSAULT"})
_CLAUSE_STOP = re.compile(r"[،,.;:؛!?؟()«»\"]")


def joined_by_and(norm: str) -> bool:
    """«ومصر», «والإمارات»: «و» as a conjunction, not a name's own letter («واشنطن»)."""
    if not norm.startswith("و"):
        return False
    names, places = load_actors().index.has_form, load_gazetteer().index.has_form
    return not (names(norm) or places(norm))


def co_subjects(
    tokens: list[Token],
    sentence: str,
    offset: int,
    actors: list[ActorMention],
    trig: Trigger,
    source: ActorMention | None,
    target: ActorMention | None,
) -> tuple[list[ActorMention], ActorMention | None] | None:
    """«طالبت فرنسا وألمانيا إيران بالإفراج»: France and Germany both ask Iran.

    The clause reads the mention joined to the subject by «و» as the object;
    it is a second subject, and the object is the mention after them. As in
    English, each subject gets its event: (the subjects, the object), or None
    when the pair is no such reading.
    """
    if (
        trig.event_type in _MUTUAL
        or source is None
        or target is None
        or not target.text
        or target.start != source.end
        # The subject right after the verb (a time word may stand between):
        # not «شجبت عمليات القصف الإيراني والتركي», two adjectives of the object.
        or not 0 <= source.start - trig.tok_end <= 1
        or not joined_by_and(tokens[target.start].norm)
    ):
        return None
    subjects = [source, target]
    rest: ActorMention | None = None
    k = target.end
    for a in sorted(actors, key=lambda a: a.start):
        if a.start < k:
            continue
        gap = sentence[tokens[k - 1].end - offset : tokens[a.start].start - offset]
        if _CLAUSE_STOP.search(gap):
            break
        if a.start == k and joined_by_and(tokens[a.start].norm):
            subjects.append(a)  # a third subject: «فرنسا وألمانيا وبريطانيا»
            k = a.end
            continue
        rest = a
        break
    return subjects, rest
