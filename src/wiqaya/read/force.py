"""Reports of military force: shelling, air strikes and clashes that happened.

PLOVER codes the use of conventional military force as ASSAULT (CAMEO 19:
"employ aerial weapons", "fight with artillery and tanks"), and for users who
follow Sudan, Gaza, Lebanon or Yemen these are the commonest conflict events of
all. The Arabic gold's annotators split on them, though: «وقتل ناشط ثان من كتائب
القسام وأصيب أربعة آخرون في قصف جوي إسرائيلي» is a ``difficult no`` there, so
the detector, trained on that gold, accepts an air strike only when a toll comes
with it, and «قصفت المدفعية الإسرائيلية بلدات في جنوب لبنان» was no event.

:func:`force_report` accepts such a sentence on its form, not on the detector: a
past-tense verb of striking with its forces after it («قصفت المدفعية
الإسرائيلية», «استهدفت طائرة مسيرة», «اشتبكت قوات الجيش») or a strike named
after a past verb of doing («شنت طائرات حربية غارات», «نفذ الطيران ضربات»,
«اندلعت اشتباكات»), a headline that names the force before a present-tense strike
(«الجيش الإسرائيلي يقصف مواقع لحزب الله»), arson of homes, executions and
«تحييد» fighters; never negated, planned, conditional, demanded or
threatened (:func:`wiqaya.read.clause.governor`). Nouns alone («القصف
العشوائي», «حملات قصف») and present or future verbs elsewhere («سيقصف») are left to the
detector: they name a practice, a fear or a plan more often than an act.
"""

from __future__ import annotations

import re

from wiqaya.read.actors import ActorMention
from wiqaya.read.clause import DENIAL, governor
from wiqaya.read.events import Trigger
from wiqaya.read.partitive import BELONGING
from wiqaya.read.phrases import Token
from wiqaya.read.role_rules import fire_at
from wiqaya.read.roles import is_nisba
from wiqaya.read.speech_roles import SELF_THAT, self_reporter, speakers_organ, trigger_kind

# Past verbs of striking, with the conjunction and the object pronoun they may carry.
_STRIKE_VERB = re.compile(
    r"^[وف]?(قصف|قصفت|قصفوا|قصفا|استهدف|استهدفت|استهدفوا|اشتبك|اشتبكت|اشتبكوا|قنص|قنصت"
    # Destroyed, burned, executed, assaulted: «دمرت غارة إسرائيلية مبنى», «أحرق
    # مستوطنون منازل», «أعدمت السلطات الإيرانية ناشطا», «اعتدت على المصلين».
    r"|دمر|دمرت|دمروا|احرق|احرقت|احرقوا|اعدم|اعدمت|اعدموا|اعتدت|اعتدوا"
    # Attacked: a force only («هاجمت قوات الدعم السريع مخيم زمزم»); a state or a
    # minister who «هاجم» another attacks it in words.
    r"|هاجم|هاجمت|هاجموا)"
    r"(ه|ها|هم)?$"
)
# Verbs a force's subject must name itself (no country alone): aiming, attacking.
_FORCE_ONLY = re.compile(r"استهدف|هاجم")
_ATTACKED = re.compile(r"^[وف]?هاجم")
# Killed or wounded by a force's fire: «قتل ثلاثة فلسطينيين برصاص الجيش الإسرائيلي».
_KILLED = re.compile(r"^[وف]?(قتل|استشهد|اصيب|جرح)$")
# Headlines put the force first and the verb in the present: «الجيش الإسرائيلي
# يقصف مواقع لحزب الله», «طائرات روسية تستهدف ريف إدلب».
_HEADLINE_VERB = re.compile(r"^(يقصف|تقصف|يستهدف|تستهدف|يشن|تشن|يدمر|تدمر)$")
# Acts a government does by its own hand (an execution), not only its forces.
_STATE_ACTS = re.compile(r"^[وف]?اعدم")
# What strikes are named by after a verb of doing: strikes, raids, shelling, clashes.
_STRIKE_NOUN = re.compile(
    r"^[وف]?(ب|ل)?(ال)?(غاره|غارات|ضربه|ضربات|قصف|قصفا|قذايف|قذيفه|صواريخ|صاروخا|صاروخ"
    r"|اشتباكات|معارك|براميل|اطلاق)$"
)
# «شنت روسيا هجوما واسعا بالصواريخ»: an attack is force only with its weapon
# named after it; «شن الرئيس هجوما حادا على المعارضة» is an attack in words.
_ATTACK_NOUN = re.compile(r"^[وف]?(ب|ل)?(ال)?(هجوم|هجوما|هجمات)$")
_WEAPON_WORD = re.compile(
    r"^[وف]?(ب|ل)?(ال)?(صواريخ|صاروخ|مسيرات|مسيره|طايرات|طايره|مدفعيه|قذايف|عبوه|عبوات"
    r"|جوي|جويا|جويه|صاروخي|صاروخيا|بري|بريا|مسلح|مسلحا)$"
)
_WEAPON_REACH = 3


def _armed(tokens: list[Token], k: int) -> bool:
    """A weapon is named within a few words after the word at ``k``."""
    return any(_WEAPON_WORD.match(t.norm) for t in tokens[k + 1 : k + 1 + _WEAPON_REACH])


# Past verbs of doing that carry them: «شنت غارات», «نفذ ضربات», «أطلق صواريخ»,
# «اندلعت اشتباكات», «دارت معارك», «تعرضت البلدة لقصف».
_DOING_VERB = re.compile(
    r"^[وف]?(شن|شنت|شنوا|نفذ|نفذت|نفذوا|اطلق|اطلقت|اطلقوا|اندلعت|دارت|تجددت|تعرض|تعرضت"
    r"|القي|القت|القوا)$"
)
# In a headline, after the force that opens it: «إسرائيل تشن غارات».
_HEADLINE_DOING = re.compile(r"^(يشن|تشن|ينفذ|تنفذ|يطلق|تطلق)$")
# The bare forms are verbal nouns as often as verbs («خيار يتمثل في شن ضربات
# جوية»): they count only with the striking force between them and the strike.
_BARE_DOING = re.compile(r"^[وف]?(شن|نفذ|اطلق|تعرض|القي)$")
_DOING_REACH = 6
# Who strikes, when no dictionary actor names it: aircraft, artillery, tanks, forces.
_FORCE_NOUN = re.compile(
    r"^[وف]?(ال)?(طايره|طايرات|طيران|مسيره|مسيرات|مدفعيه|دبابات|زوارق|بوارج|مقاتلات"
    r"|قوات|قوه|الجيش|جيش|مسلحون|مسلحين|فصائل|مقاتلو|مقاتلي|عناصر|وحدات|مستوطنون|مستوطنين"
    # A strike that destroyed something: «دمرت غارة إسرائيلية مبنى».
    r"|غاره|غارات|ضربه|ضربات|قذيفه|صاروخ)$"
)
_AGENT_REACH = 4
# «أعلنت جماعة الحوثي استهداف سفينة», «تبنت كتائب حزب الله قصف قاعدة»: a force
# that claims a strike (found as a gapped pair of the claim and the strike,
# since «استهداف» alone is as often a plan or a charge).
_CLAIM_VERB = re.compile(r"^[وف]?(اعلن|اعلنت|اعلنوا|تبني|تبنت|تبنوا)$")
_CLAIMED = re.compile(r"^[وف]?(استهداف|قصف)$")
# «أعلنت وزارة الدفاع التركية تحييد 12 مسلحا»: the Turkish army's word for
# killing or capturing fighters, reported by the force that did it.
_NEUTRALISED = re.compile(r"^[وف]?(ب|ل)?(ال)?تحييد$")
_FIGHTERS = re.compile(r"^(\d+|[وف]?(ال)?(مسلح|ارهابي|عنصر|مقاتل|عناصر|قياد))")
# Forces, armed groups, police and intelligence strike; protesters who clash
# with the police are a protest, a project that "targets" villages no attack.
_FORCE_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "UAF"})
# Protesters and mourners who clash with the police make a protest (PLOVER
# PROTEST with violence), whatever force they meet.
_CROWD = re.compile(r"^[وف]?(ال)?(متظاهر|محتج|مشيع|طلاب|طلبه)")
BOUNDARY = re.compile(r"[،,.;:؛!?؟()«»\"]")
_NOT_HAPPENED = frozenset(
    {"negation", "future", "condition", "plan", "request", "threat", "refusal", "purpose"}
)


def _agent_between(
    tokens: list[Token],
    k: int,
    stop: int,
    actors: list[ActorMention],
    states: bool,
    government: bool = False,
) -> bool:
    """A striking force between the words ``k`` and ``stop``: a force noun, an
    armed actor, (``states``) a country named without a sector («قصفت إسرائيل»),
    or (``government``) a government («أعدمت السلطات الإيرانية»)."""
    words = tokens[k + 1 : stop]
    if any(_CROWD.match(t.norm) for t in words):
        return False
    if any(_FORCE_NOUN.match(t.norm) for t in words):
        return True
    return any(
        k < a.start < stop
        and (
            a.sector in _FORCE_SECTORS
            or (states and a.country and a.sector is None)
            or (government and a.sector == "GOV")
        )
        for a in actors
    )


def happened(tokens: list[Token], k: int, text: str, offset: int, etype: str = "ASSAULT") -> bool:
    """The act at ``k`` is told as done: not negated, planned, conditional, demanded,
    threatened, refused or for a purpose (:func:`governor`), nor denied."""
    gov = governor(tokens, k, text, offset, etype)
    if gov is not None and gov.kind in _NOT_HAPPENED:
        return False
    return not any(DENIAL.match(t.norm) for t in tokens[:k])


def force_report(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention], text: str, offset: int
) -> bool:
    """The ASSAULT trigger reports military force used (see the module doc)."""
    k = trig.tok_start
    word = tokens[k].norm
    if _NEUTRALISED.match(word):
        nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
        return bool(_FIGHTERS.match(nxt)) and happened(tokens, k, text, offset)
    if _HEADLINE_VERB.match(word):
        return _headline_force(tokens, k, actors) is not None and happened(tokens, k, text, offset)
    if _KILLED.match(word):
        j = fire_at(tokens, k, trig.tok_end)
        return (
            j is not None
            and _agent_between(tokens, j, min(len(tokens), j + 3), actors, True)
            and happened(tokens, k, text, offset)
        )
    if _CLAIM_VERB.match(word):
        j = _claimed(tokens, k)
        if j is None:
            # «أعلنت هيئة الأركان الأوكرانية أن قواتها قصفت مصفاة نفط»: the
            # strike told as a verb in the announced clause.
            v = _announced_strike(tokens, k)
            return (
                v is not None
                and (
                    _reported_subject(tokens, v, actors) is not None
                    or _announcer(tokens, v, actors, text, offset, True) is not None
                )
                and happened(tokens, v, text, offset)
            )
        return _agent_between(tokens, k, j, actors, True) and happened(tokens, k, text, offset)
    if _STRIKE_VERB.match(word):
        stop = min(len(tokens), k + 1 + _AGENT_REACH)
        # «استهدف» also aims projects and campaigns at people: only a force does it.
        states = not _FORCE_ONLY.search(word)
        government = bool(_STATE_ACTS.match(word))
        before = _reported_subject(tokens, k, actors) or _announcer(
            tokens, k, actors, text, offset, states
        )
        if _ATTACKED.match(word):
            # «وهاجمت رايس حماس»: the force must be the subject, not the object;
            # a state may be, with its weapon named («هاجمت روسيا أوكرانيا بالمسيرات»).
            subject = before or _subject(tokens, k, stop, actors)
            if subject is None:
                return False
            if subject.sector not in _FORCE_SECTORS:
                if subject.country is None or subject.sector is not None:
                    return False
                if not any(_armed(tokens, j) for j in range(k, stop)):
                    return False
                states = True
        agent = (
            _agent_between(tokens, k, stop, actors, states, government)
            or before is not None
            or _joined_subject(tokens, k, actors, text, offset) is not None
        )
        return agent and happened(tokens, k, text, offset)
    if not (_STRIKE_NOUN.match(word) or (_ATTACK_NOUN.match(word) and _armed(tokens, k))):
        return False
    found = _doing_verb(tokens, k)
    if found is None:
        return False
    v, headline = found
    if headline:
        # «إسرائيل تشن غارات على مواقع في دمشق».
        return _headline_force(tokens, v, actors) is not None and happened(tokens, v, text, offset)
    if BOUNDARY.search(text[tokens[v].end - offset : tokens[k].start - offset]):
        return False
    if (
        _BARE_DOING.match(tokens[v].norm)
        and not _agent_between(tokens, v, k, actors, True)
        and _reported_subject(tokens, v, actors) is None
    ):
        return False
    return happened(tokens, v, text, offset)


def _claimed(tokens: list[Token], k: int) -> int | None:
    """The strike claimed by the verb at ``k``: its verbal noun a few words on."""
    for j in range(k + 1, min(len(tokens), k + 1 + _AGENT_REACH + 1)):
        if _CLAIMED.match(tokens[j].norm):
            return j
    return None


_ANNOUNCED_REACH = 8


def _announced_strike(tokens: list[Token], k: int) -> int | None:
    """The strike verb of the «أن» clause the announcement at ``k`` opens
    («أعلنت … أنها دمرت», «أعلنت … أن قواتها قصفت»)."""
    for j in range(k + 2, min(len(tokens), k + 1 + _ANNOUNCED_REACH)):
        if _STRIKE_VERB.match(tokens[j].norm) and (
            tokens[j - 1].norm in SELF_THAT or tokens[j - 2].norm in _THAT
        ):
            return j
    return None


def _doing_verb(tokens: list[Token], k: int) -> tuple[int, bool] | None:
    """The nearest verb of doing before the strike noun at ``k``, and whether it
    is a headline's present tense."""
    for v in range(k - 1, max(k - 1 - _DOING_REACH, -1), -1):
        if _HEADLINE_DOING.match(tokens[v].norm):
            return v, True
        if _DOING_VERB.match(tokens[v].norm):
            return v, False
    return None


# A time word may stand between a verb and its subject: «قصفت امس المدفعية».
_TIME_WORDS = frozenset({"امس", "اليوم", "صباح", "مساء", "ليلا", "فجر", "ظهر", "الليله"})
# «قالت جبهة البوليساريو إنها قصفت», «قال الجيش إنه قتل …»: a speaker that
# reports its own act is its side.
SELF_REPORT = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "وانه", "وانها"})
# «… بحسب سلطات إقليم كردستان», «وفق سكان»: who tells of the strike is no side of it.
_ATTRIBUTION = frozenset(
    {"بحسب", "حسب", "وفق", "وفقا", "نقلا", "ذكرت", "قالت", "قال", "افاد", "افادت"}
)
_CLASH = re.compile(r"^[وف]?(ب|ل)?(ال)?(اشتباك|معارك|اشتبك)")
_SUFFERED = re.compile(r"^[وف]?(تعرض|تعرضت)$")


def clause_end(
    tokens: list[Token], k: int, text: str, offset: int, stops: frozenset[str] = _ATTRIBUTION
) -> int:
    """The first word after ``k`` that opens another clause or (``stops``) names who
    reports it."""
    for j in range(k + 1, len(tokens)):
        if BOUNDARY.search(text[tokens[j - 1].end - offset : tokens[j].start - offset]):
            return j
        if tokens[j].norm in stops:
            return j
    return len(tokens)


def _actor_at(actors: list[ActorMention], start: int, stop: int) -> ActorMention | None:
    return next((a for a in actors if start <= a.start < stop), None)


def _prepositional(m: ActorMention, tokens: list[Token]) -> bool:
    """«للجيش المغربي», «لجماعة الحوثي»: an owner or a goal, not a subject."""
    w = tokens[m.start].norm
    return w.startswith("ل") and not w.startswith("ال")


def _owned_force(
    tokens: list[Token], s: int, stop: int, actors: list[ActorMention]
) -> ActorMention | None:
    """«طائرة مسيرة تابعة لقوات الدعم السريع»: the force noun at ``s`` with its
    owner, named after a word of belonging (the «ل» made the owner read as the
    object)."""
    for b in range(s + 1, min(s + 3, stop - 1)):
        if tokens[b].norm in BELONGING:
            owner = _actor_at(actors, b + 1, b + 2)
            if owner is None:
                return None
            return ActorMention(
                " ".join(t.text for t in tokens[s : owner.end]),
                s,
                owner.end,
                owner.country,
                owner.sector or "MIL",
            )
    return None


def owned_striker(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention], text: str, offset: int
) -> ActorMention | None:
    """The force and its owner right after a strike verb («قصفت طائرة مسيرة
    تابعة لقوات الدعم السريع محطة كهرباء»): the source, which the ranker took
    for the target."""
    k = trig.tok_start
    if trig.event_type != "ASSAULT" or not _STRIKE_VERB.match(tokens[k].norm):
        return None
    if k + 1 >= len(tokens) or not _FORCE_NOUN.match(tokens[k + 1].norm):
        return None
    return _owned_force(tokens, k + 1, clause_end(tokens, k, text, offset), actors)


def _subject(
    tokens: list[Token], k: int, stop: int, actors: list[ActorMention]
) -> ActorMention | None:
    """The striking force named right after the verb at ``k`` (VSO)."""
    s = k + 1
    while s < stop and tokens[s].norm in _TIME_WORDS:
        s += 1
    if s >= stop:
        return None
    a = _actor_at(actors, s, s + 1)
    if a is not None:
        return None if _prepositional(a, tokens) else a
    if not _FORCE_NOUN.match(tokens[s].norm):
        return None
    owned = _owned_force(tokens, s, stop, actors)
    if owned is not None:
        return owned
    # «الطائرات الإسرائيلية», «مقاتلات أمريكية»: the force and whose it is.
    owner = _actor_at(actors, s + 1, min(s + 3, stop))
    if owner is not None and not _prepositional(owner, tokens):
        return ActorMention(
            f"{tokens[s].text} {owner.text}", s, owner.end, owner.country, owner.sector or "MIL"
        )
    return ActorMention(tokens[s].text, s, s + 1, None, "MIL")


def _headline_force(tokens: list[Token], k: int, actors: list[ActorMention]) -> ActorMention | None:
    """The force that opens a headline right before its present-tense verb at ``k``."""
    a = next((a for a in actors if a.end == k), None)
    if a is None or a.start > 1:
        return None
    if a.sector in _FORCE_SECTORS or (a.country and a.sector is None):
        return a
    return None


# «قال … إن إسرائيل قصفت», «ذكرت الوكالة أن طائرات إسرائيلية قصفت»: a
# reported clause puts its subject before the verb.
_THAT = frozenset({"ان", "بان", "وان"})


def _own_force(t: Token) -> bool:
    """«طائراته», «قواتها», «جنوده»: a force noun with a possessive pronoun (as
    written: «طائرة» ends in «ة», not the pronoun «ه»)."""
    for suffix in ("ها", "هم", "ه"):
        if t.text.endswith(suffix):
            stem = t.norm[: -len(suffix)]
            return bool(_FORCE_NOUN.match(stem) or stem in _OWN_FORCES)
    return False


# Broken plurals whose possessive form is no force noun of the list.
_OWN_FORCES = frozenset({"جنود", "طايرات", "قوات", "مقاتلات", "وحدات", "مسيرات"})


def _reported_subject(
    tokens: list[Token], k: int, actors: list[ActorMention]
) -> ActorMention | None:
    """The force right after «أن»/«إن» and right before the strike verb at ``k``.

    A state named alone («إن إسرائيل قصفت») or a force with its owner («أن طائرات
    إسرائيلية قصفت»); the one who says it, before «إن», is no side.
    """
    a = next((a for a in actors if a.end == k), None)
    if a is None and k >= 2 and tokens[k - 2].norm in _THAT and _own_force(tokens[k - 1]):
        # «إن طائراته استهدفت», «أن قواتها قصفت»: the speaker's own force.
        s = k - 1
        return ActorMention(tokens[s].text, s, k, None, "MIL")
    if a is None or a.start == 0 or _prepositional(a, tokens):
        return None
    before = tokens[a.start - 1].norm
    forces = a.sector in _FORCE_SECTORS or bool(_FORCE_NOUN.match(tokens[a.start].norm))
    if before in _THAT and (forces or (a.country and a.sector is None)):
        return a
    if a.start >= 2 and _FORCE_NOUN.match(before) and tokens[a.start - 2].norm in _THAT:
        s = a.start - 1
        return ActorMention(f"{tokens[s].text} {a.text}", s, a.end, a.country, a.sector or "MIL")
    return None


def _announcer(
    tokens: list[Token], k: int, actors: list[ActorMention], text: str, offset: int, states: bool
) -> ActorMention | None:
    """The force that reports its own strike: «أعلنت جماعة الحوثي أنها استهدفت
    سفينة», «أعلنت وزارة الدفاع الروسية أنها دمرت مستودعات» (a state or its
    government only where the verb does not need a force)."""
    if k == 0 or tokens[k - 1].norm not in SELF_THAT:
        return None
    who = self_reporter(tokens, k - 1, actors, text, offset)
    if who is None:
        return None
    if who.sector in _FORCE_SECTORS or (states and who.sector in (None, "GOV")):
        return who
    return None


def _gap(tokens: list[Token], j: int, text: str, offset: int) -> str:
    """The text between the words ``j - 1`` and ``j``."""
    return text[tokens[j - 1].end - offset : tokens[j].start - offset]


def _joined_subject(
    tokens: list[Token], k: int, actors: list[ActorMention], text: str, offset: int
) -> ActorMention | None:
    """The force of the verb that opens the clause, for a strike verb joined to it by «و».

    «اقتحمت قوات الاحتلال المسجد الأقصى واعتدت على المصلين»: the second verb
    has no subject of its own; the forces that stormed the mosque assaulted.
    """
    if tokens[k].norm[:1] not in "وف":
        return None
    j = k - 1
    while j > 0 and not BOUNDARY.search(_gap(tokens, j, text, offset)):
        j -= 1
    # The clause opens with a verb and its force right after it.
    a = next((a for a in actors if a.start == j + 1), None)
    if a is None or a.end > k or _prepositional(a, tokens):
        return None
    if a.sector in _FORCE_SECTORS or _FORCE_NOUN.match(tokens[a.start].norm):
        return a
    return None


def _speaker(tokens: list[Token], k: int, actors: list[ActorMention]) -> ActorMention | None:
    if k == 0 or tokens[k - 1].norm not in SELF_REPORT:
        return None
    before = [a for a in actors if a.end <= k - 1]
    return before[-1] if before else None


def _object(
    tokens: list[Token],
    after: int,
    stop: int,
    actors: list[ActorMention],
    places: list,
    source: ActorMention | None,
) -> ActorMention | None:
    """What is struck: the first actor or place after ``after`` in the clause.

    «مواقع للمعارضة», «قرى قرب زاخو»: a place stands for its country's side.
    """
    floor = max(after, source.end) if source is not None and source.start >= after else after
    hits = [a for a in actors if floor <= a.start < stop]
    hits += [
        ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)
        for pl in places
        if floor <= pl.tok_start < stop and pl.status == "resolved" and pl.country
    ]
    return min(hits, key=lambda m: m.start) if hits else None


def force_roles(
    tokens: list[Token],
    trig: Trigger,
    actors: list[ActorMention],
    places: list,
    text: str,
    offset: int,
) -> tuple[ActorMention | None, ActorMention | None]:
    """(source, target) of a report of force, read from its clause.

    «اندلعت اشتباكات بين الجيش وقوات الدعم السريع»: the two sides;
    «قصفت المدفعية التركية قرى قرب زاخو»: the force after the verb, then
    what it struck (an actor, else the place it is in); «شنت إسرائيل غارات
    على مطار التيفور»: the force between the verb of doing and the strike.
    """
    k = trig.tok_start
    stop = clause_end(tokens, k, text, offset)
    word = tokens[k].norm
    if _NEUTRALISED.match(word):
        # The force that announces it did it; the fighters named after it.
        before = [a for a in actors if a.end <= k and not _prepositional(a, tokens)]
        return (before[-1] if before else None), _object(tokens, k + 1, stop, actors, places, None)
    if _CLASH.match(word):
        # «بين X و Y», «اشتبكت قبائل مع الحوثيين».
        for j in range(k + 1, stop):
            if tokens[j].norm in ("بين", "مع"):
                sides = [a for a in actors if j < a.start < stop]
                if tokens[j].norm == "مع":
                    return _subject(tokens, k, j, actors), sides[0] if sides else None
                if len(sides) >= 2:
                    return sides[0], sides[1]
                if sides and sides[0].country:
                    # «بين فصائل فلسطينية»: one side named, fighting among itself.
                    own = sides[0]
                    return own, ActorMention("", own.end, own.end, own.country, None)
                return (sides[0] if sides else None), None
        return _subject(tokens, k, stop, actors), None
    if _HEADLINE_VERB.match(word):
        source = _headline_force(tokens, k, actors)
        return source, _object(tokens, k + 1, stop, actors, places, source)
    if _KILLED.match(word):
        # The owner of the fire; the dead named between, else where they fell.
        j = fire_at(tokens, k, trig.tok_end)
        if j is not None:
            source = _subject(tokens, j, stop, actors)
            victims = _object(tokens, k + 1, j, actors, places, None)
            after = source.end if source is not None else j + 1
            return source, victims or _object(tokens, after, stop, actors, places, source)
    if _CLAIM_VERB.match(word):
        # The force that claims it, after the verb; what it struck, after the strike.
        j = _claimed(tokens, k)
        if j is not None:
            source = _subject(tokens, k, j, actors)
            return source, _object(tokens, j + 1, stop, actors, places, source)
        v = _announced_strike(tokens, k)
        if v is not None:
            source = _speaker(tokens, v, actors) or speakers_organ(
                _reported_subject(tokens, v, actors), tokens, actors, text, offset
            )
            return source, _object(tokens, v + 1, stop, actors, places, source)
    if _STRIKE_VERB.match(word):
        source = (
            _speaker(tokens, k, actors)
            or _reported_subject(tokens, k, actors)
            or _subject(tokens, k, stop, actors)
            or _joined_subject(tokens, k, actors, text, offset)
        )
        after = source.end if source is not None and source.start > k else k + 1
        return source, _object(tokens, after, stop, actors, places, source)
    # A strike named after a verb of doing: the force stands between them.
    found = _doing_verb(tokens, k)
    if found is None:
        return None, None
    v, headline = found
    if headline:
        source = _headline_force(tokens, v, actors)
        return source, _object(tokens, k + 1, stop, actors, places, source)
    if _SUFFERED.match(tokens[v].norm):
        # «تعرضت درعا البلد لقصف»: what suffered it is the target; «لقصف مدفعي
        # إسرائيلي»: the strike's nationality, if it has one, is who struck.
        owner = _actor_at(actors, k + 1, min(len(tokens), k + 3))
        if owner is not None and not (
            owner.country and owner.sector is None and is_nisba(tokens[owner.start].norm)
        ):
            owner = None
        return owner, _object(tokens, v + 1, k, actors, places, None)
    source = (
        _speaker(tokens, v, actors)
        or _reported_subject(tokens, v, actors)
        or _subject(tokens, v, k, actors)
    )
    return source, _object(tokens, k + 1, stop, actors, places, source)


def told_source(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention], text: str, offset: int
) -> ActorMention | None:
    """Who a report says did the act its verb names, or None when it does not say.

    «أعلن الجيش الباكستاني أنه قتل خمسة مسلحين»: the announcer of its own act
    (:func:`wiqaya.read.speech_roles.reporter`); «قال حاكم منطقة بيلغورود الروسية
    إن القوات الأوكرانية قصفت المدينة»: the force right after «إن», not the
    speaker.
    """
    k = trig.tok_start
    if _CLAIM_VERB.match(tokens[k].norm):
        # «أعلنت كتائب القسام أنها قصفت مدينة تل أبيب»: the strike the
        # announcement tells of.
        v = _announced_strike(tokens, k)
        if v is None:
            return None
        k = v
    if k == 0 or trigger_kind(tokens[k].norm) != "verb":
        return None
    if tokens[k - 1].norm in SELF_THAT:
        return self_reporter(tokens, k - 1, actors, text, offset)
    if _KILLED.match(tokens[k].norm):
        # «أن جنديا أميركيا قتل»: «قُتل» unvowelled is as often the passive.
        return None
    return speakers_organ(_reported_subject(tokens, k, actors), tokens, actors, text, offset)
