"""Who did it to whom, and where: the sides and place of one coded trigger.

``role_pairs`` is the pipeline's roles stage. Arabic events take their sides
from the role ranker (:mod:`wiqaya.read.roles`), corrected where the words
name them (:mod:`wiqaya.read.role_rules`, :mod:`wiqaya.read.force`), or from
the clause (:mod:`wiqaya.read.speech_roles`) for the types the ranker was not
trained on; English events from the clause's coordinated pairs
(:func:`wiqaya.read.events.english_pairs`). Pure functions of one sentence's
tokens, actors and places.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from wiqaya.read.actors import (
    ActorMention,
    load_actors,
    seats_of_government,
)
from wiqaya.read.events import (
    Trigger,
    english_pairs,
    is_passive,
    pick_actors,
)
from wiqaya.read.force import SELF_REPORT, force_roles, owned_striker, told_source
from wiqaya.read.partitive import BELONGING
from wiqaya.read.phrases import Token
from wiqaya.read.places import PlaceMention, load_gazetteer
from wiqaya.read.protest_report import report_roles
from wiqaya.read.role_rules import (
    at_a_border,
    by_the_hand_of,
    co_subjects,
    joined_by_and,
    own_losses,
    stated_attacker,
    weapon_owner,
)
from wiqaya.read.roles import (
    FEATURES,
    RELIGION,
    SPEECH,
    Candidate,
    RoleModel,
    candidates,
    candidates_by_role,
    is_nisba,
)
from wiqaya.read.speech_roles import (
    OWN_STATE,
    against_adjective,
    clause_roles,
    own_state,
    phrase_prep,
    reported_organ,
    speakers_organ,
    topic_adjective,
    trigger_kind,
    utterance,
)

if TYPE_CHECKING:
    from wiqaya.read.pipeline import _Pending


def location_of(p: _Pending) -> PlaceMention | None:
    """Where the event happens: the sentence's first resolved place, else its first place.

    A place inside a longer actor name with a sector («سفارة استونيا», «رئيس وزراء
    العراق») says whose the actor is, not where the event happens: it comes last.
    """
    resolved = [pl for pl in p.places if pl.status == "resolved"]
    free = [
        pl
        for pl in resolved
        if not any(
            a.sector
            and a.start <= pl.tok_start
            and pl.tok_end <= a.end
            and a.end - a.start > pl.tok_end - pl.tok_start
            for a in p.actors
        )
    ]
    if p.lang != "ar" and free:
        # "A missionary from Calgary was arrested in Lebanon": "in" places the
        # event, "from" only says where someone comes from.
        free = sorted(free, key=lambda pl: _where_rank(p.tokens, pl.tok_start))
    loc = free[0] if free else (resolved[0] if resolved else None)
    return loc or next(iter(p.places), None)


_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across"})
_ORIGIN = frozenset({"from", "to", "toward", "towards", "into"})
# Words that qualify a place name: "central Baghdad", "the north".
AREA_WORDS = frozenset(
    [
        "central",
        "downtown",
        "east",
        "west",
        "north",
        "south",
        "eastern",
        "western",
        "northern",
        "southern",
    ]
)
_PLACE_MODIFIERS = AREA_WORDS | {"the"}


def _where_rank(tokens: list[Token], start: int) -> int:
    """0 for a place after a locative preposition, 2 after "from" / "to", else 1."""
    k = start - 1
    while k >= 0 and tokens[k].norm in _PLACE_MODIFIERS:
        k -= 1
    if k < 0:
        return 1
    if tokens[k].norm in _LOCATIVE:
        return 0
    return 2 if tokens[k].norm in _ORIGIN else 1


def role_candidates(p: _Pending, trig: Trigger, role: str) -> list[Candidate]:
    """The ranker's candidates for ``role`` of the event at ``trig`` (Arabic sentences)."""
    loc = location_of(p)
    where = loc.country if loc and loc.status == "resolved" else None
    word_order = pick_actors(p.actors, trig, p.lang, p.tokens)
    return candidates(
        p.actors,
        p.places,
        p.tokens,
        trig.tok_start,
        trig.tok_end,
        where,
        word_order,
        role,
        _is_country(loc),
    )


def _is_country(loc: PlaceMention | None) -> bool:
    """The event's location is a country name, not a city or region."""
    return (
        loc is not None
        and loc.status == "resolved"
        and loc.place is not None
        and loc.place.kind == "country"
    )


def assign_roles(
    p: _Pending, trig: Trigger, roles: RoleModel | None
) -> tuple[ActorMention | None, ActorMention | None, PlaceMention | None]:
    """(source, target, location) of one event."""
    loc = location_of(p)
    # An actor named by sector only («الشرطة», «المتظاهرون») belongs,
    # by default, to the country where the event happens.
    where = loc.country if loc and loc.status == "resolved" else None
    if roles is not None and p.lang == "ar":
        if trig in p.forced or trig in p.reported:
            # The ranker learnt the gold's attacks, told by their tolls and
            # victims; a strike's sides are its clause's, and so are a sit-in's
            # or a kidnapping's accepted on their form.
            if trig in p.forced:
                source, target = force_roles(
                    p.tokens, trig, p.joined or p.actors, p.places, p.sentence, p.sentence_start
                )
            else:
                source, target = report_roles(
                    p.tokens, trig, p.joined or p.actors, p.sentence, p.sentence_start
                )
            named = p.joined or p.actors
            # «قصفت طائرات حربية أحياء في حلب»: aircraft nobody owns in the
            # sentence are not the country they strike. Protesters nobody names
            # a nationality for are the place's («أضرب موظفو القطاع العام في
            # السودان»); a bomber or gunmen nobody names are nobody's, as the
            # gold codes both.
            source = speakers_organ(source, p.tokens, named, p.sentence, p.sentence_start)
            if trig in p.reported:
                if trig.event_type == "PROTEST":
                    source = _with_country(source, where)
            elif any(source is a for a in named):
                source = _with_country(source, where)
            if target is not None and target.text and not target.country:
                target = _owned(p, target) or target
            # «قصفت القوات الروسية منازل سكان مدينة خيرسون».
            target = _place_people(p, trig, source, target) or target
            target = _with_country(target, where)
            if target is None and where:
                # As the gold codes attacks: with no named target, the place's.
                target = ActorMention("", trig.tok_end, trig.tok_end, where, None)
            return source, target, loc
        word_order = pick_actors(p.actors, trig, p.lang, p.tokens)
        by_role = candidates_by_role(
            p.actors,
            p.places,
            p.tokens,
            trig.tok_start,
            trig.tok_end,
            where,
            word_order,
            _is_country(loc),
        )
        src = roles.pick(by_role["source"], "source")
        tgt = roles.pick(by_role["target"], "target")
        if trig.event_type not in RANKED_TYPES:
            source, target = _clause_pair(p, trig, where, src, tgt)
            if target is None and trig.event_type == "RETREAT":
                target = _withdrawn_from(p, trig, source)
            if target is None:
                target = _ranked_object(p, trig, source, by_role["target"], roles)
            return source, target, loc
        if _capital_subject(p, trig):
            return (*_clause_pair(p, trig, where, src, tgt), loc)
        source = src.mention if src else None
        target = tgt.mention if tgt else None
        if p.joined is not None and p.joined is not p.actors:
            made = [j for j in p.joined if not any(j is a for a in p.actors)]
            source, target = _partitive_pair(made, source, target, by_role, roles, trig, p.tokens)
        if _nominative_subject(p, trig, source, target):
            # «اختطف مسلحون في مالي ثلاثة صينيين», «هاجم مسلحون مجهولون قافلة
            # تابعة لبرنامج الأغذية العالمي»: a plural in «ون» right after the
            # verb is its subject by its case; the ranker, trained on tolls
            # where gunmen are often the killed, had the two the other way. The
            # object is the ranker's source if that names a body, else its best
            # target apart from them (not a border's adjective), else the place's.
            source, old = target, source
            apart = [
                c
                for c in by_role["target"]
                if not _beside_border(c.mention, p.tokens) and not _same_span(c.mention, source)
            ]
            target = _best_apart(apart, roles, "target", p.tokens, source) if apart else None
            if old.sector is not None and not _beside_border(old, p.tokens):
                # «هاجم مسلحون قافلة عسكرية»: a named body the ranker had as the
                # source is the object.
                target = old
            if target is None and where:
                target = ActorMention("", trig.tok_end, trig.tok_end, where, None)
        if (
            src is not None
            and tgt is not None
            and source is src.mention
            and target is tgt.mention
            and _same_span(src.mention, tgt.mention)
        ):
            # The role less sure of the shared words gives them up: first by
            # its probability among its candidates, then (a lone candidate
            # has 1.0 in both) by the raw score.
            people = (
                _place_people(p, trig, src.mention, None)
                if src.mention.start == trig.tok_end
                and trigger_kind(p.tokens[trig.tok_start].norm) == "verb"
                and "\u064f" not in p.tokens[trig.tok_start].text[:3]
                else None
            )
            if people is not None and people.country != src.mention.country:
                # «قصفت القوات الروسية منازل سكان مدينة خيرسون»: the mention
                # right after the verb is its subject, and the object is named
                # as a place's people, whom the ranker has no candidate for.
                target = people
            elif _hold(roles, by_role["source"], src, "source") >= _hold(
                roles, by_role["target"], tgt, "target"
            ):
                target = _other_mention(by_role["target"], src.mention, roles, "target")
            else:
                source = _other_mention(by_role["source"], tgt.mention, roles, "source")
        source = _not_the_reporter(source, by_role["source"], p.tokens)
        target = _not_the_reporter(target, by_role["target"], p.tokens)
        told = told_source(p.tokens, trig, p.joined or p.actors, p.sentence, p.sentence_start)
        if (
            told is not None
            and not told.country
            and source is not None
            and source.country
            and reported_organ(told, p.tokens)
        ):
            # «قالوا ان قواتهم أسقطت طائرة»: a speaker the words do not name
            # as a mention; the ranker's country stands for theirs.
            told = ActorMention(told.text, told.start, told.end, source.country, told.sector)
        if told is not None and not (source is not None and _same_span(source, told)):
            # «قال حاكم منطقة بيلغورود الروسية إن القوات الأوكرانية قصفت
            # المدينة», «أعلن الجيش الباكستاني أنه قتل»: who the report says
            # struck, not the speaker's words the ranker took.
            if target is not None and _same_span(target, told):
                # What the clause says was struck, else the ranker's next
                # target, else the place, else the mention it had for the source.
                named = p.joined or p.actors
                struck = force_roles(p.tokens, trig, named, p.places, p.sentence, p.sentence_start)[
                    1
                ]
                other = _with_country(struck, where)
                if other is None or not other.country or _same_span(other, told):
                    other = _other_mention(by_role["target"], told, roles, "target")
                if other is None or not other.country:
                    place = ActorMention("", trig.tok_end, trig.tok_end, where, None)
                    other = place if where else source
                target = other
            source = told
        agent = stated_attacker(p.tokens, trig, p.joined or p.actors) or owned_striker(
            p.tokens, trig, p.joined or p.actors, p.sentence, p.sentence_start
        )
        if agent is not None and not (source is not None and _same_span(source, agent)):
            # «قتل ثلاثة أشخاص بنيران قوات الدعم السريع», «قتلت القوات
            # الصومالية عشرة من مسلحي حركة الشباب»: the sentence says who
            # attacked; the ranker, trained on tolls and victims, had it as
            # the target.
            if target is not None and (
                _same_span(target, agent) or agent.start <= target.start < agent.end
            ):
                target = source
            source = agent
        by_hand = by_the_hand_of(p.tokens, trig, p.joined or p.actors)
        if by_hand is not None and not (source is not None and _same_span(source, by_hand)):
            # «قتل صحفي فلسطيني على يد جنود إسرائيليين»: the agent is named
            # after «على يد»; the ranker's source there is the victim.
            if source is not None and (target is None or _same_span(target, by_hand)):
                target = source
            source = by_hand
        against = (
            against_adjective(p.actors, p.tokens, trig.tok_end - 1, _AGAINST_REACH)
            if trig.event_type == "PROTEST"
            else None
        )
        if against is not None and (
            target is None
            or not target.text
            or (source is not None and target.country == source.country != against.country)
        ):
            # «تظاهر آلاف العراقيين في بغداد ضد الضربات التركية»: the ranker's
            # «ضد» feature sees the noun, not the adjective that names whose
            # strikes they are.
            target = against
        own = own_losses(p.tokens, trig, p.joined or p.actors)
        if own is not None:
            owner, k = own
            people = next((a for a in p.actors if a.start == k), None)
            sector = people.sector if people is not None else owner.sector
            target = ActorMention(p.tokens[k].text, k, k + 1, owner.country, sector)
            if source is not None and source.country == owner.country:
                # Who attacked them is another country's, when the sentence
                # names it by an actor that is neither the victims nor a place.
                others = [
                    c
                    for c in by_role["source"]
                    if c.mention.country != owner.country
                    and not c.mention.start <= k < c.mention.end
                    and not any(
                        pl.tok_start < c.mention.end and c.mention.start < pl.tok_end
                        for pl in p.places
                    )
                ]
                if others:
                    source = max(others, key=lambda c: roles.score(c, "source")).mention
        if (
            trig.event_type == "ASSAULT"
            and target is not None
            and target.text
            and target.country
            and weapon_owner(p.tokens, target)
        ):
            # «غارة إسرائيلية استهدفت سيارة … جنوبي لبنان»: the strike's
            # nationality is who struck; the side it struck is the other
            # candidate, else the place it fell in.
            owner = target
            if source is not None and source.country and source.country != owner.country:
                target = source
            elif where and where != owner.country:
                target = ActorMention("", owner.start, owner.end, where, None)
            else:
                target = None
            source = owner
        if (
            trig.event_type == "ASSAULT"
            and source is not None
            and target is not None
            and not target.text
            and target.country == source.country
            and where
            and where != source.country
            and weapon_owner(p.tokens, source)
        ):
            # «استهدفت غارة إسرائيلية مبنى في مدينة صور»: a target with no
            # words of its own took the country of the weapon's owner; the
            # strike hit the place it happened in. (Not «أعلن الجيش الأميركي
            # مقتل أحد جنوده قرب بعقوبة»: there the country is the victims'.)
            target = ActorMention("", target.start, target.end, where, None)
        if target is not None and target.text and not target.country:
            # «استهدفت مسيرة حوثية سفينة تجارية مملوكة لشركة إسرائيلية».
            target = _owned(p, target) or target
        if at_a_border(source, p.tokens):
            source = _best_apart(by_role["source"], roles, "source", p.tokens, target)
        if at_a_border(target, p.tokens):
            target = _best_apart(by_role["target"], roles, "target", p.tokens, source)
        return source, target, loc
    source, target = pick_actors(p.actors, trig, p.lang, p.tokens, p.clause)
    source = _with_country(source, where)
    target = _with_country(target, where)
    if target is None and where and trig.event_type in _TARGET_IS_PLACE:
        # Attacks and protests with no named target hit, or address,
        # the place where they happen (the gold data codes them so).
        target = ActorMention("", trig.tok_end, trig.tok_end, where, None)
    return source, target, loc


def _nominative_subject(
    p: _Pending, trig: Trigger, source: ActorMention | None, target: ActorMention | None
) -> bool:
    """The ranker's target is a nominative plural right after an active verb, and
    its source a mention after it: the two are the verb's subject and object.

    «قتل مسلحون» alone is as often passive («قُتل»: gunmen were killed), so the
    object after the subject must be a named mention.
    """
    if source is None or target is None or not source.text or not target.text:
        return False
    if target.start != trig.tok_end or source.start < target.end:
        return False
    verb = p.tokens[trig.tok_start]
    if trigger_kind(verb.norm) != "verb" or "\u064f" in verb.text[:3]:
        return False
    head = p.tokens[target.start].norm
    return target.sector is not None and len(head) >= 5 and head.endswith("ون")


_BORDER_AR = re.compile(r"^[وب]?(ال)?(حدود|الحدود|حدودي)$")


def _beside_border(m: ActorMention, tokens: list[Token]) -> bool:
    """«قرب الحدود الصومالية»: a border's nationality says where, not whom."""
    return m.sector is None and m.start >= 1 and bool(_BORDER_AR.match(tokens[m.start - 1].norm))


def _capital_subject(p: _Pending, trig: Trigger) -> bool:
    """A capital right after the trigger verb is its subject: a government's act.

    «احتجت بغداد على الضربات التركية», «قصفت موسكو مواقع في إدلب»: the
    ranker, trained on street protests and attacks where a capital is where
    they happen, read Baghdad as the place and took the sides from the other
    mentions; the clause reads the capital as the state
    (:func:`_with_seats`) and the object after it.
    """
    if trigger_kind(p.tokens[trig.tok_start].norm) != "verb":
        return False
    actors = p.joined if p.joined is not None else p.actors
    return any(
        a.start == trig.tok_end and not any(a is b for b in actors)
        for a in _with_seats(actors, p, trig)
    )


_AGAINST_REACH = 8
_SPEAKER = FEATURES.index("speaker")
_REPORTED_BY = SPEECH - {"عن"}


def _not_the_reporter(
    m: ActorMention | None, cands: list[Candidate], tokens: list[Token]
) -> ActorMention | None:
    """The words of a role, unless they name who reports the event.

    «قتل 12 مدنياً في قصف … وفق ما أفادت لجان المقاومة», «قالت الشرطة إن
    مسلحين …»: the ranker chose the reporter's mention for the country it
    shares with the event, and the record named the committees as the
    attackers. The country stays (the ranker's choice, as the gold codes
    it); the words go.
    """
    c = next((c for c in cands if c.mention is m), None) if m is not None else None
    if m is None or c is None or not c.features[_SPEAKER]:
        return m
    # The feature also fires on «عن» («أسفر عن مقتل جندي بريطاني»), where the
    # mention is the victim, not a source of the news.
    if not any(t.norm in _REPORTED_BY for t in tokens[max(0, m.start - 2) : m.start]):
        return m
    if any(t.norm in SELF_REPORT for t in tokens[m.end : m.end + 3]):
        # «قال حلف شمال الأطلسي في أفغانستان إنه قتل …».
        return m
    return ActorMention("", m.end, m.end, m.country, None)


def _best_apart(
    cands: list[Candidate],
    roles: RoleModel,
    role: str,
    tokens: list[Token],
    other: ActorMention | None,
) -> ActorMention | None:
    """The ranker's best candidate for ``role`` that is neither at a border nor the other role."""
    rest = [
        c
        for c in cands
        if not at_a_border(c.mention, tokens)
        and (other is None or not _same_span(c.mention, other))
    ]
    return max(rest, key=lambda c: roles.score(c, role)).mention if rest else None


# The types whose Arabic roles the ranker was trained on (their gold data).
RANKED_TYPES = frozenset({"PROTEST", "ASSAULT"})


def _clause_pair(
    p: _Pending,
    trig: Trigger,
    where: str | None,
    src: Candidate | None,
    tgt: Candidate | None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """(source, target) of a trigger-only type from the clause (:mod:`wiqaya.read.speech_roles`).

    The words are the clause's; a mention with no country of its own takes
    the country of a mention right after it in its phrase («وزير ... في
    الحكومة الإسرائيلية»), else the ranker's country
    for that role (trained to find the country, not the words), else the
    event's place.
    """
    actors = p.joined if p.joined is not None else p.actors
    actors = _with_seats(actors, p, trig)
    if any(t.norm in OWN_STATE for t in p.tokens):
        # «قال وزير الخارجية الفرنسي إن بلاده تدين»: the speaker's state.
        mine = own_state(p.tokens, actors, p.sentence, p.sentence_start)
        actors = sorted([*actors, *mine], key=lambda a: a.start) if mine else actors
    names, places = load_actors().index.has_form, load_gazetteer().index.has_form
    roles = clause_roles(
        actors,
        p.tokens,
        trig.tok_start,
        trig.tok_end,
        trig.event_type,
        p.sentence,
        p.sentence_start,
        # «اتهامات باماكو»: a capital's «ب» is its own letter, not «in».
        lambda w: names(w) or places(w),
        frozenset(k for pl in p.places for k in range(pl.tok_start, pl.tok_end)),
    )
    source, target = roles.source, roles.target
    # «قال المتحدث باسم الجيش الإسرائيلي إن قواته اعتقلت»: the speaker's forces.
    source = speakers_organ(source, p.tokens, actors, p.sentence, p.sentence_start)
    by_hand = by_the_hand_of(p.tokens, trig, actors)
    if by_hand is not None and not (source is not None and _same_span(source, by_hand)):
        # «اعتُقل ناشطون معارضون في تونس على يد قوات الأمن»: the passive's
        # subject is acted on, the agent is named after «على يد».
        if source is not None and source.start >= trig.tok_end:
            target = source
        source = by_hand
    caller = _caller(p, trig, actors)
    if caller is not None and not (source is not None and _same_span(source, caller)):
        # «تلقى الرئيس السيسي اتصالاً هاتفياً من الرئيس الأمريكي»: who calls
        # makes the call (the convention of the current-news sets).
        source, target = caller, source
    if target is None and source is not None and _signing(p, trig):
        # «وقعت السعودية وباكستان اتفاقية»: the subject joined to the first by
        # «و» is the other party, as :func:`clause_roles` reads agreements.
        target = next(
            (
                a
                for a in actors
                if a.start == source.end
                and source.start >= trig.tok_end
                and joined_by_and(p.tokens[a.start].norm)
            ),
            None,
        )
    source = _placed(source, p, where, src)
    words = _placed(target, p, None, None)
    target = _placed(target, p, where, tgt)
    there = _their_place(p, words)
    if (
        words is not None
        and not words.country
        and source is not None
        and there is not None
        and there != source.country
        and target is not None
        and target.country == source.country
    ):
        # «اعتقلت قوات الاحتلال عشرات الشبان في مخيم جنين»: people named by
        # no country are the place's they are in; the ranker gave them the
        # only actor's country, the side that acts on them.
        target = ActorMention(words.text, words.start, words.end, there, words.sector)
    people = _place_people(p, trig, source, words)
    if people is not None:
        target = people
    if target is None and trig.event_type == "AID":
        target = _aid_destination(p, trig, source)
    if target is None and trig.event_type == "ACCUSE":
        target = _addressed(p, trig, source)
    if target is None and trig.event_type == "REQUEST" and source is not None:
        target = _own_people(p, trig, source)
    if target is None and trig.event_type == "AID":
        target = _arrived_at(p, trig, source)
    if source is None and src is not None:
        # A subject the clause does not name («ونفى بشدة ان ...»): its
        # country is the ranker's, with no words.
        source = ActorMention("", trig.tok_start, trig.tok_start, src.mention.country, None)
    if target is None and trig.event_type == "CONSULT" and source is not None:
        target = _visited(p, trig, source)
    if target is None and trig.event_type == "COERCE":
        target = _raided(p, trig, source)
    if source is not None and target is not None and _same_span(source, target):
        target = None
    return source, target


# «سحبت», «انسحاب», «بسحب»: a withdrawal, whose «من» names where from.
_WITHDRAW = re.compile(r"^[وفب]?(ال)?(سحب|انسحب|انسحاب)")
# «سحبت فرنسا آخر جنودها من النيجر»: the subject and what is withdrawn may
# stand between the trigger and «من».
_FROM_REACH = 4


def _withdrawn_from(p: _Pending, trig: Trigger, source: ActorMention | None) -> ActorMention | None:
    """The country a withdrawal leaves: «سحبت القوات الإريترية آخر وحداتها من إقليم تيغراي».

    A place is where, not whom, so the clause reading gives it no role; but
    forces withdrawn from another country's land retreat before that country
    (as the gold codes «سحبت فرنسا قواتها من النيجر»: FRA → NER). The place
    follows «من» (a word such as «مدينة» or «إقليم» may stand between) and
    must be another country's than the source's.
    """
    if not _WITHDRAW.match(p.tokens[trig.tok_start].norm) or source is None:
        return None
    end = min(trig.tok_end + _FROM_REACH + 1, len(p.tokens) - 1)
    k = next((k for k in range(trig.tok_end, end) if p.tokens[k].norm == "من"), None)
    if k is None:
        return None
    pl = next(
        (
            pl
            for pl in p.places
            if k + 1 <= pl.tok_start <= k + 2 and pl.status == "resolved" and pl.country
        ),
        None,
    )
    if pl is None or pl.country == source.country:
        return None
    return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)


# How far past the trigger the ranker's object may stand: a place and a date
# («في قصر المرادية، أمس،») fit; a mention two clauses on is another event's.
_OBJECT_REACH = 10


def _ranked_object(
    p: _Pending,
    trig: Trigger,
    source: ActorMention | None,
    cands: list[Candidate],
    roles: RoleModel,
) -> ActorMention | None:
    """The ranker's best named target after the trigger, where the clause found no object.

    «استقبل الرئيس الجزائري … في قصر المرادية، أمس، وزير الخارجية الإيطالي»,
    «تعهدت الإمارات بتقديم مليار دولار لدعم الاقتصاد المصري», «رحبت الخارجية
    السعودية بالاتفاق الذي توصلت إليه الأطراف الليبية»: the object stands past
    a place, a date, a purpose or a relative clause, where the clause reading
    stops. The ranker scored every mention for the role; its best one that
    has words and a country, comes after the trigger within reach, is not who
    reports the event («بحسب الاتحاد الأفريقي») and is of another country than
    the source is the object the clause did not reach. Not a bare place (where,
    not whom), and not the source's own country: on the older news of the
    trigger-only gold such mentions were mostly the source's own people
    («الاسلامي المصري»), where the gold has no target.
    """
    # «رفض الرئيس السوري المبادرة واتهم الوزير اللبناني المعارضة»: a mention
    # past the sentence's next trigger belongs to that event.
    stop = min((t.tok_start for t in p.triggers if t.tok_start >= trig.tok_end), default=None)
    ok = [
        c
        for c in cands
        if c.mention.text
        and (stop is None or c.mention.start < stop)
        and not topic_adjective(c.mention, p.tokens)
        and c.mention.country
        and c.mention.start >= trig.tok_end
        and not (source is not None and _same_span(c.mention, source))
        and not any(
            t.norm in _REPORTED_BY for t in p.tokens[max(0, c.mention.start - 2) : c.mention.start]
        )
        and not c.kind.startswith("place")
        and c.mention.start - trig.tok_end <= _OBJECT_REACH
        and not (source is not None and source.country == c.mention.country)
    ]
    if not ok:
        return None
    return max(ok, key=lambda c: roles.score(c, "target")).mention


def _addressed(p: _Pending, trig: Trigger, source: ActorMention | None) -> ActorMention | None:
    """The country accusations are addressed to: «وجهت روسيا اتهامات إلى بريطانيا».

    A country after «إلى» is read as a place, not an actor, so the clause
    found no object; right after a word for what was said, it is whom it accuses.
    """
    k = trig.tok_end
    if (
        k + 1 >= len(p.tokens)
        or p.tokens[k].norm != "الي"
        or not utterance(p.tokens[trig.tok_start].norm)
    ):
        return None
    home = source.country if source is not None else None
    pl = next((pl for pl in p.places if pl.tok_start == k + 1 and pl.status == "resolved"), None)
    if pl is None or pl.place is None or pl.place.kind != "country" or pl.country == home:
        return None
    return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)


def _owned(p: _Pending, m: ActorMention) -> ActorMention | None:
    """A thing of no country takes its owner's, named after «مملوكة/تابعة لـ»
    one or two words on (an adjective such as «تجارية» may stand between)."""
    for k in range(m.end, min(m.end + 2, len(p.tokens) - 1)):
        if p.tokens[k].norm not in BELONGING:
            continue
        owner = next(
            (a for a in p.actors if a.start in (k + 1, k + 2) and a.country and a.start > k), None
        )
        if owner is None or not p.tokens[k + 1].norm.startswith("ل"):
            return None
        return ActorMention(m.text, m.start, m.end, owner.country, m.sector)
    return None


# «دعت فرنسا رعاياها»: the subject's own people, named with its pronoun.
_OWN_PEOPLE = re.compile(r"^(رعايا|مواطني|جاليت|جاليات|مواطن)(ها|ه|هم)$")


def _own_people(p: _Pending, trig: Trigger, source: ActorMention) -> ActorMention | None:
    """A request to the subject's own nationals or citizens right after it."""
    k = source.end if source.start >= trig.tok_end else trig.tok_end
    if k >= len(p.tokens) or not source.country or not _OWN_PEOPLE.match(p.tokens[k].norm):
        return None
    return ActorMention(p.tokens[k].text, k, k + 1, source.country, "CVL")


_ARRIVE = re.compile(r"^[وف]?(وصل|وصلت|تصل|يصل|وصلا|وصلتا)$")


def _arrived_at(p: _Pending, trig: Trigger, source: ActorMention | None) -> ActorMention | None:
    """«وصلت إلى ميناء بورتسودان سفينة مساعدات سعودية»: the foreign place the aid
    arrives at, named before it after «وصل … إلى»."""
    home = source.country if source is not None else None
    for pl in p.places:
        if (
            pl.status != "resolved"
            or pl.country in (None, home)
            or not 0 < trig.tok_start - pl.tok_end <= 3
        ):
            continue
        k = pl.tok_start - 1
        if k > 0 and p.tokens[k].norm in ("ميناء", "مطار", "معبر"):
            k -= 1
        if k > 0 and p.tokens[k].norm == "الي" and _ARRIVE.match(p.tokens[k - 1].norm):
            return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)
    return None


# Words for the people of a place: «سكان غزة», «أهالي الفاشر», «أبناء مدينة درعا».
_PLACE_PEOPLE = frozenset(
    {"سكان", "اهالي", "اهل", "ابناء", "مواطني", "لاجيي", "نازحي", "مهجري", "مدنيي", "اطفال"}
)
# A word naming the kind of place between the people and its name.
_PLACE_KINDS = frozenset(
    {"مدينه", "مخيم", "بلده", "قريه", "حي", "محافظه", "ولايه", "اقليم", "قطاع", "منطقه", "ريف"}
)
_PEOPLE_REACH = 8


def _place_people(
    p: _Pending, trig: Trigger, source: ActorMention | None, words: ActorMention | None
) -> ActorMention | None:
    """The object named as a place's people: «وزع البرنامج مساعدات على سكان غزة»,
    «أرسلت قطر مساعدات إلى أهالي درنة», «اعتقلت … عشرات من أبناء مدينة درعا».

    The place is no actor and «سكان» has no country, so the clause found no
    object or gave the people the ranker's country (often the giver's). Only a
    target with no country of its own words is replaced, and only by people after
    the trigger and the subject, in the same clause.
    """
    if words is not None and words.country:
        return None
    start = trig.tok_end
    if source is not None and source.start >= trig.tok_end:
        start = max(start, source.end)
    off = p.sentence_start
    for k in range(start, min(start + _PEOPLE_REACH, len(p.tokens) - 1)):
        gap = p.sentence[p.tokens[k - 1].end - off : p.tokens[k].start - off]
        if k > start and any(c in ".;؛:?؟!()،," for c in gap):
            return None
        norm = p.tokens[k].norm
        bare = norm[1:] if norm[:1] in "لب" and norm[1:] in _PLACE_PEOPLE else norm
        if bare not in _PLACE_PEOPLE:
            continue
        if k == trig.tok_end and trigger_kind(p.tokens[trig.tok_start].norm) == "verb":
            # «اتهم أهالي الفاشر قوات الدعم السريع»: right after the verb, its subject.
            return None
        if words is not None and not words.start <= k < words.end and words.start != k + 1:
            return None
        j = k + 1
        if p.tokens[j].norm in _PLACE_KINDS:
            j += 1
        pl = next((pl for pl in p.places if pl.tok_start == j and pl.status == "resolved"), None)
        if pl is None or not pl.country:
            return None
        text = p.sentence[p.tokens[k].start - off : p.tokens[pl.tok_end - 1].end - off]
        return ActorMention(text, k, pl.tok_end, pl.country, "CVL")
    return None


_RECEIVED = re.compile(r"^[وف]?(تلقي|تلقت|يتلقي|تتلقي|تلقيا)$")
_CALL = re.compile(r"^[وف]?(ال)?(اتصال|اتصالا|مكالمه|رساله)$")


def _caller(p: _Pending, trig: Trigger, actors: list[ActorMention]) -> ActorMention | None:
    """The actor after «من» that a received call or letter comes from."""
    k = trig.tok_start
    if trig.event_type != "CONSULT" or not _RECEIVED.match(p.tokens[k].norm):
        return None
    call = next(
        (j for j in range(k + 1, min(k + 8, len(p.tokens))) if _CALL.match(p.tokens[j].norm)), None
    )
    if call is None:
        return None
    for j in range(call + 1, min(call + 4, len(p.tokens) - 1)):
        if p.tokens[j].norm == "من":
            return next((a for a in actors if a.start == j + 1), None)
    return None


# Signing an accord is SUPPORT (CAMEO 057), one act of the parties that sign.
_SIGNING = re.compile(r"^[وف]?(ب|ل)?(ال)?(وقع|وقعت|وقعا|وقعتا|توقيع)$")


def _signing(p: _Pending, trig: Trigger) -> bool:
    return trig.event_type == "SUPPORT" and bool(_SIGNING.match(p.tokens[trig.tok_start].norm))


# Words after which a capital is where something happens, not who acts: «في
# بغداد», «قرب دمشق», «العاصمة طهران», «مطار بيروت», «في قلب الخرطوم».
_NOT_BEFORE_SEAT_AR = frozenset(
    {
        "في",
        "وفي",
        "قرب",
        "داخل",
        "خارج",
        "وسط",
        "قلب",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "شمالي",
        "جنوبي",
        "شرقي",
        "غربي",
        "ضواحي",
        "محيط",
        "انحاء",
        "احياء",
        "شوارع",
        "ريف",
        "عبر",
        "نحو",
        "حول",
        "باتجاه",
        "العاصمه",
        "عاصمه",
        "مدينه",
        "بمدينه",
        "مدن",
        "ميناء",
        "جامعه",
        # A named accord or meeting: «اتفاق الدوحة», «اتفاق بريتوريا», «مؤتمر
        # باريس» say where it was made, not who made it.
        "اتفاق",
        "اتفاقيه",
        "معاهده",
        "موتمر",
        "قمه",
        "اعلان",
        "مسار",
        "بروتوكول",
        "جوله",
        "ميثاق",
        "مبادره",
        "تفاهم",
        "وثيقه",
    }
)
# Capitals that Arabic news names as a city, not as a government: the status
# of Jerusalem is disputed, and «القدس» is the city in the news.
_NOT_SEATS = frozenset({"Jerusalem", "East Jerusalem"})
# A dateline («موسكو ـ ا.ف.ب:», «نيقوسيا - ا ف ب») says where the news was filed.
_DATELINE = frozenset("-–—ـ:(")


def _with_seats(actors: list[ActorMention], p: _Pending, trig: Trigger) -> list[ActorMention]:
    """``actors`` with each capital that stands for its government added.

    «اتهمت طهران واشنطن», «طالبت أنقرة واشنطن», «اتفاقية دفاعية مع أنقرة»: a
    capital is a place, so the clause found neither side, and the ranker's
    country went to whichever capital it liked. As the English reader does
    ("Beirut rejected"), a capital (or another seat the actor additions list,
    «تل أبيب») is an actor of its country here unless a word before it makes
    it a place («في», «قرب», «مطار», «العاصمة», «اتفاق الدوحة»), a «ب» (in)
    or, where the act takes no such object, «من» (from) or «ل» (to) governs
    it, or it heads a dateline. The role ranker keeps its place candidates.
    """
    gaz = load_gazetteer()
    others = seats_of_government()
    seats = []
    for pl in p.places:
        if (
            pl.status != "resolved"
            or pl.place is None
            or pl.place.kind == "country"
            or pl.place.name in _NOT_SEATS
        ):
            continue
        named = (pl.place.name, pl.country)
        if named not in gaz.capitals and named not in others:
            continue
        k = pl.tok_start
        before = [t.norm for t in p.tokens[max(0, k - 2) : k]]
        if before[-2:-1] and before[0].startswith(("سفير", "سفراء")) and before[1] in ("من", "في"):
            # «سحبت السعودية سفيرها من بيروت»: whose capital the envoy leaves.
            pass
        elif before and (before[-1] in _NOT_BEFORE_SEAT_AR or before[-1].startswith("مطار")):
            continue
        if "العاصمه" in before:
            continue
        if (
            before[-1:] == ["من"]
            and not (trig.event_type == "REQUEST" and k - trig.tok_end <= 2)
            and not before[0].startswith(("سفير", "سفراء"))
        ):
            # «طلبت أنقرة من واشنطن»; not «بطرد السفيرين … من القاهرة».
            continue
        event_type = trig.event_type
        norm = p.tokens[k].norm
        bare = norm[1:] if norm[:1] in "وف" and not gaz.index.has_form(norm) else norm
        clitic = bare[:1] if bare[:1] in "بل" and not gaz.index.has_form(bare) else ""
        if clitic == "ب" or (clitic == "ل" and event_type not in ("SUPPORT", "AID", "ACCUSE")):
            # «ببغداد»: in Baghdad; «المنافذ المؤدية لإنجامينا»: towards it.
            continue
        if pl.tok_end < len(p.tokens):
            off = p.sentence_start
            gap = p.sentence[p.tokens[pl.tok_end - 1].end - off : p.tokens[pl.tok_end].start - off]
            if not _DATELINE.isdisjoint(gap):
                continue
        if any(a.start < pl.tok_end and a.end > pl.tok_start for a in actors):
            continue
        seats.append(ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None))
    if not seats:
        return actors
    return sorted(actors + seats, key=lambda a: (a.start, a.end))


def _definite(norm: str) -> bool:
    return norm.startswith(("ال", "وال", "فال"))


def _aid_destination(
    p: _Pending, trig: Trigger, source: ActorMention | None
) -> ActorMention | None:
    """The country aid is sent to: «مساعدات … لليمن», «طائرة مساعدات إلى السودان».

    A country after «إلى» is a place, not an actor, so the clause finds no
    target; the first foreign country the aid goes to is its recipient.
    """
    has_form = load_actors().index.has_form
    places = load_gazetteer().index.has_form
    home = source.country if source else None
    for pl in p.places:
        if pl.status != "resolved" or pl.tok_start < trig.tok_end or pl.country == home:
            continue
        if pl.place is None:
            continue
        norm = p.tokens[pl.tok_start].norm
        before = p.tokens[pl.tok_start - 1].norm if pl.tok_start > 0 else ""
        if pl.place.kind != "country":
            # «قافلة مساعدات إلى قطاع غزة»: a foreign place the aid is sent
            # to stands for its country.
            near = pl.tok_start - trig.tok_end <= 4
            if near and (before == "الي" or p.tokens[pl.tok_start - 2].norm == "الي"):
                return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)
            if near and norm[:1] == "ل" and not places(norm) and places(norm[1:]):
                # «مساعدات عسكرية ألمانية جديدة لكييف»: «لـ» on a foreign city.
                return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)
            continue
        if before == "الي" or (
            norm[:1] == "ل" and not has_form(norm) and (norm[:2] == "لل" or has_form(norm[1:]))
        ):
            return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)
    return _recipients_place(p, trig, home)


def _recipients_place(p: _Pending, trig: Trigger, home: str | None) -> ActorMention | None:
    """«أرسلت تركيا مساعدات إلى المتضررين من الزلزال في سوريا»: people the aid goes
    to («إلى»/«لـ» right after it), named by no country, are the foreign place's
    they are in."""
    k = trig.tok_end
    if k >= len(p.tokens) or not (p.tokens[k].norm == "الي" or p.tokens[k].norm[:2] == "لل"):
        return None
    off = p.sentence_start
    for pl in p.places:
        if (
            pl.status == "resolved"
            and pl.country not in (None, home)
            and k < pl.tok_start <= k + _AID_REACH
            and p.tokens[pl.tok_start - 1].norm == "في"
            # «للاجئين السوريين في لبنان»: people with a country of their own.
            and not any(k <= a.start < pl.tok_start and a.country for a in p.actors)
            and not any(
                c in p.sentence[p.tokens[k].end - off : p.tokens[pl.tok_start].start - off]
                for c in ".,،;؛:"
            )
        ):
            return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)
    return None


_AID_REACH = 6


_IN = frozenset({"في", "داخل", "قرب"})


def _their_place(p: _Pending, m: ActorMention | None) -> str | None:
    """The country of a place named right after the mention («الشبان في مخيم جنين»)."""
    if m is None:
        return None
    off = p.sentence_start
    for pl in p.places:
        if pl.status != "resolved" or not m.end < pl.tok_start <= m.end + 3:
            continue
        gap = p.sentence[p.tokens[m.end - 1].end - off : p.tokens[pl.tok_start].start - off]
        if p.tokens[m.end].norm in _IN and not any(c in gap for c in ".,،;؛:"):
            return pl.country
    return None


def _raided(p: _Pending, trig: Trigger, source: ActorMention | None) -> ActorMention | None:
    """The place a raid or closure is done to, named as its object: «داهمت الشرطة
    الإسرائيلية بلدة سلوان», as the gold codes an attack with no named target."""
    start = source.end if source is not None and source.start >= trig.tok_end else trig.tok_end
    off = p.sentence_start
    for pl in p.places:
        if pl.status != "resolved" or not pl.country or not start <= pl.tok_start <= start + 2:
            continue
        if any(p.tokens[k].norm in _PLACE_PREPS for k in range(start, pl.tok_start)):
            return None
        gap = p.sentence[p.tokens[start - 1].end - off : p.tokens[pl.tok_start].start - off]
        if not any(c in gap for c in ".,،;؛:"):
            return ActorMention("", pl.tok_start, pl.tok_start, pl.country, None)
    return None


_PLACE_PREPS = frozenset({"في", "من", "الي", "علي", "قرب", "عبر", "داخل", "امام"})
_VISIT_REACH = 5


def _visited(p: _Pending, trig: Trigger, source: ActorMention) -> ActorMention | None:
    """The foreign capital or country a visitor arrives at: «وصل وزير الخارجية
    الأمريكي إلى الرياض في زيارة رسمية» is a meeting with Saudi Arabia."""
    for pl in p.places:
        if (
            pl.status == "resolved"
            and pl.tok_start > 0
            and abs(pl.tok_start - trig.tok_start) <= _VISIT_REACH
            and pl.country not in (None, source.country)
            and p.tokens[pl.tok_start - 1].norm == "الي"
        ):
            return ActorMention(pl.surface, pl.tok_start, pl.tok_end, pl.country, None)
    return None


_VICTIM_BEFORE = FEATURES.index("victim_before")
_MARKED_AGAINST = FEATURES.index("marked_against")


def _partitive_pair(
    joined: list[ActorMention],
    source: ActorMention | None,
    target: ActorMention | None,
    by_role: dict[str, list[Candidate]],
    roles: RoleModel,
    trig: Trigger,
    tokens: list[Token],
) -> tuple[ActorMention | None, ActorMention | None]:
    """The ranker's (source, target) with a partitive's head or group widened to it.

    «هاجم مسلحون من حركة الشباب قاعدة عسكرية»: the ranker scores the head
    and the group as the mentions it was trained on, and often gives one to
    each role. Both are the one actor. Before the trigger or as the subject
    right after it, it acts (a group's gunmen, fighters or delegates) unless
    a victim word or «ضد/على» stands before it; farther on («حافلة تقل عناصر
    من الحرس الثوري») the role less sure of it gives it up, as for any
    shared mention. The other role takes its best candidate outside it, or
    the same country with no words.
    """

    def widen(m: ActorMention | None) -> ActorMention | None:
        if m is None:
            return None
        j = next((j for j in joined if j.start <= m.start and m.end <= j.end), m)
        # «بوفد من مجلس النواب»: a group named by sector has the country the
        # ranker's candidate borrowed (the event's place).
        return j if j.country else ActorMention(j.text, j.start, j.end, m.country, j.sector)

    s, t = widen(source), widen(target)
    if (
        t is not None
        and t is not target
        and t.start == trig.tok_end
        and trigger_kind(tokens[trig.tok_start].norm) == "verb"
        and (s is None or not _same_span(s, t))
    ):
        # «اختطف مسلحون من جماعة الحوثي موظفين أمميين»: a group's gunmen
        # right after the verb are its subject (VSO), whatever the ranker
        # made of the head and the group apart; its source is the object.
        tgt = next(c for c in by_role["target"] if c.mention is target)
        if not (tgt.features[_VICTIM_BEFORE] or tgt.features[_MARKED_AGAINST]):
            return t, s
    if s is None or t is None or not _same_span(s, t):
        return s, t
    src = next(c for c in by_role["source"] if c.mention is source)
    tgt = next(c for c in by_role["target"] if c.mention is target)
    subject = s.end <= trig.tok_start or 0 <= s.start - trig.tok_end <= 2
    if subject:
        acts = not (tgt.features[_VICTIM_BEFORE] or tgt.features[_MARKED_AGAINST])
    else:
        acts = _hold(roles, by_role["source"], src, "source") >= _hold(
            roles, by_role["target"], tgt, "target"
        )
    if acts:
        role, keep = "target", s
    else:
        role, keep = "source", t
    outside = [
        c for c in by_role[role] if c.mention.end <= keep.start or c.mention.start >= keep.end
    ]
    # With none, the country stays and the words go, as in _other_mention.
    other = (
        max(outside, key=lambda c: roles.score(c, role)).mention
        if outside
        else ActorMention("", keep.end, keep.end, keep.country, None)
    )
    return (keep, other) if role == "target" else (other, keep)


def _placed(
    m: ActorMention | None, p: _Pending, where: str | None, ranked: Candidate | None
) -> ActorMention | None:
    if m is None:
        return None
    if m.country == "INT" and m.end < len(p.tokens):
        # «الهلال الأحمر الفلسطيني»: a movement of no country named with a
        # nationality is that country's society.
        national = next(
            (
                a
                for a in p.actors
                if a.start == m.end
                and a.end == m.end + 1
                and a.country not in (None, *_NOT_NATIONAL)
                and a.sector is None
                and is_nisba(p.tokens[a.start].norm)
                and p.tokens[a.start].norm.startswith("ال")
            ),
            None,
        )
        if national is not None:
            a, b = p.tokens[m.start].start, p.tokens[national.start].end
            text = p.sentence[a - p.sentence_start : b - p.sentence_start]
            return ActorMention(text, m.start, national.end, national.country, m.sector)
    if m.country and m.country not in RELIGION:
        return m
    has_form = load_actors().index.has_form
    nxt = next(
        (
            a
            for a in p.actors
            if m.end <= a.start <= m.end + 3
            and a.country
            and a.country not in RELIGION
            # «وزير ... في الحكومة الإسرائيلية», «حكومة الرئيس برويز مشرف»;
            # not «طلبت الشركات البحرية من الأمم المتحدة».
            and (
                phrase_prep(p.tokens, a, has_form) in ("في", "ل")
                or (a.start == m.end and phrase_prep(p.tokens, a, has_form) == "")
            )
            and not any(
                c in ".,،;؛:?؟!()"
                for k in range(m.end, a.start + 1)
                for c in p.sentence[
                    p.tokens[k - 1].end - p.sentence_start : p.tokens[k].start - p.sentence_start
                ]
            )
        ),
        None,
    )
    # «وزارة الصحة في غزة»: an office placed right after it is that place's.
    seat = next(
        (
            pl.country
            for pl in p.places
            if pl.status == "resolved"
            and pl.tok_start == m.end + 1
            and p.tokens[m.end].norm == "في"
            and pl.country not in (None, *RELIGION)
            and m.sector is not None
        ),
        None,
    )
    if nxt is None and m.sector == "MED":
        # «اتهمت وكالة الأنباء الرسمية السورية إسرائيل»: an outlet's
        # nationality follows the words of its name.
        nxt = next(
            (
                a
                for a in p.actors
                if m.end < a.start <= m.end + 2
                and a.end - a.start == 1
                and a.country
                and a.sector is None
                and is_nisba(p.tokens[a.start].norm)
                and all(t.norm.startswith("ال") for t in p.tokens[m.end : a.start + 1])
                and not any(m.end <= b.start < a.start for b in p.actors)
            ),
            None,
        )
    country = nxt.country if nxt else seat or (ranked.mention.country if ranked else None)
    country = country or where
    if (
        nxt is not None
        and nxt.start == m.end
        and not (
            _definite(p.tokens[m.end - 1].norm)
            and _definite(p.tokens[nxt.start].norm)
            and not is_nisba(p.tokens[nxt.start].norm)
        )
    ):
        # «قوات الجيش العراقي», «حكومة حماس», «وزير الإعلام غازي العريضي»,
        # «المتمردين الحوثيين»: a genitive, a name or an adjective that gives
        # the head its country is part of the actor's words; two definite
        # nouns («رفع المتظاهرون الأعلام التركية») are two phrases.
        a, b = p.tokens[m.start].start, p.tokens[nxt.end - 1].end
        text = p.sentence[a - p.sentence_start : b - p.sentence_start]
        return ActorMention(text, m.start, nxt.end, country, m.sector or nxt.sector)
    return ActorMention(m.text, m.start, m.end, country, m.sector)


def _same_span(a: ActorMention, b: ActorMention) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _hold(
    roles: RoleModel, cands: list[Candidate], best: Candidate, role: str
) -> tuple[float, float]:
    """How firmly a role holds ``best``: softmax share among its candidates, raw score."""
    scores = [roles.score(c, role) for c in cands]
    top = max(scores)
    mine = roles.score(best, role)
    return math.exp(mine - top) / sum(math.exp(x - top) for x in scores), mine


def _other_mention(
    cands: list[Candidate], taken: ActorMention, roles: RoleModel, role: str
) -> ActorMention:
    """The words for a role when the ranker chose the other role's words for it.

    The roles are scored one by one, and the dev gold mostly codes the two
    sides of an Arabic event with the same country («تظاهر آلاف المصريين»:
    EGY against EGY), so every joint decision that moved a country lost
    accuracy in cross-validation. The country stays; only the words change:
    another mention of that country if the sentence has one, else no words
    (as the English reader does for a protest or attack with no named
    target), so a record never says that one group acted on itself.
    """
    others = [
        c for c in cands if c.mention.country == taken.country and not _same_span(c.mention, taken)
    ]
    if others:
        return max(others, key=lambda c: roles.score(c, role)).mention
    return ActorMention("", taken.end, taken.end, taken.country, None)


def _co_subjects(
    p: _Pending,
    trig: Trigger,
    pair: tuple[ActorMention | None, ActorMention | None, PlaceMention | None],
) -> list[tuple[ActorMention | None, ActorMention | None, PlaceMention | None]]:
    """Each joined subject's event (:func:`wiqaya.read.role_rules.co_subjects`)."""
    source, target, loc = pair
    if _signing(p, trig):
        # «وقعت السعودية وباكستان اتفاقية»: one act of two parties.
        return [pair]
    joined = co_subjects(
        p.tokens, p.sentence, p.sentence_start, p.joined or p.actors, trig, source, target
    )
    if joined is None:
        return [pair]
    subjects, rest = joined
    return [(s, rest, loc) for s in subjects]


def role_pairs(
    p: _Pending, trig: Trigger, roles: RoleModel | None
) -> list[tuple[ActorMention | None, ActorMention | None, PlaceMention | None]]:
    """(source, target, location) of each event at ``trig``.

    Arabic: one. English: one per coordinated actor pair ("A and B welcomed
    ties with C" is A→C and B→C; "A and B renewed ties", A→B and B→A).
    """
    if p.lang == "ar":
        return _co_subjects(p, trig, assign_roles(p, trig, roles))
    if p.clause is None:
        return [assign_roles(p, trig, roles)]
    loc = location_of(p)
    where = loc.country if loc and loc.status == "resolved" else None
    out = []
    pairs = english_pairs(p.actors, trig, p.tokens, p.clause, p.sentence, p.sentence_start)
    for source, target in pairs:
        source = _apposed(source, p)
        target = _apposed(target, p)
        source = _from_place(source, p)
        target = _from_place(target, p)
        source = _with_country_en(source, where)
        target = _with_country_en(target, where)
        # "The Fijian rebels will release Prime Minister Mahendra Chaudhry": a
        # title with no country belongs, by default, to the other side's country.
        source = _with_country_en(source, _national(target))
        target = _with_country_en(target, _national(source))
        if target is None and where and trig.event_type in _TARGET_IS_PLACE_EN:
            target = ActorMention("", trig.tok_end, trig.tok_end, where, None)
        if (
            source is None
            and where
            and trig.event_type in _STATE_ACTS
            and is_passive(p.tokens, trig)
        ):
            # "A Lebanese journalist was arrested in Syria": with no "by"
            # agent, the arrest is the state's where it happens.
            source = ActorMention("", trig.tok_start, trig.tok_start, where, None)
        elif source is None and where and trig.event_type == "ASSAULT":
            # "A roadside bombing near Samarra killed one soldier", "an Iraqi
            # was shot dead in Baghdad": attackers nobody names are coded, as
            # CAMEO coders do, with the country where the attack happens.
            source = ActorMention("", trig.tok_start, trig.tok_start, where, None)
        if target is None:
            # "opened an embassy in Tehran", "sought refuge in Germany": the
            # foreign place the act goes to is its counterpart.
            home = source.country if source else None
            there = next(
                (
                    pl
                    for pl in p.places
                    if pl.status == "resolved"
                    and trig.tok_end <= pl.tok_start < p.clause.end
                    and pl.country != home
                ),
                None,
            )
            if there is not None:
                at = there.tok_start
                target = ActorMention("", at, at, there.country, None)
        out.append((source, target, loc))
    return out


_NOT_NATIONAL = frozenset({"IGO", "NGO", "IMG", "INT"})


def _apposed(m: ActorMention | None, p: _Pending) -> ActorMention | None:
    """ "Ali Mayhoub, a spokesman for the Syrian army, said": an unknown name
    takes the codes of the coded actor in the apposition between commas after it."""
    if m is None or m.country or m.sector or not m.text:
        return m
    off = p.sentence_start
    gap = (
        p.sentence[p.tokens[m.end - 1].end - off : p.tokens[m.end].start - off]
        if m.end < len(p.tokens)
        else ""
    )
    if "," not in gap:
        return m
    close = next(
        (
            k
            for k in range(m.end + 1, min(m.end + 12, len(p.tokens)))
            if "," in p.sentence[p.tokens[k - 1].end - off : p.tokens[k].start - off]
        ),
        None,
    )
    if close is None:
        return m
    inner = [a for a in p.actors if m.end <= a.start and a.end <= close and (a.country or a.sector)]
    if not inner:
        return m
    return ActorMention(m.text, m.start, m.end, inner[0].country, inner[0].sector)


def _from_place(m: ActorMention | None, p: _Pending) -> ActorMention | None:
    """ "a missionary from Calgary", "pilgrims from Iran": the origin's country.

    The place follows "from" right after the mention or its head noun.
    """
    if m is None or m.country or not m.text:
        return m
    for k in range(m.end, min(m.end + 2, len(p.tokens) - 1)):
        if p.tokens[k].norm == "from":
            origin = next(
                (pl for pl in p.places if pl.tok_start == k + 1 and pl.status == "resolved"),
                None,
            )
            if origin is not None:
                return ActorMention(m.text, m.start, m.end, origin.country, m.sector)
            return m
    return m


def _national(m: ActorMention | None) -> str | None:
    """The mention's country when it is a state's, else None."""
    if m is None or m.country is None or m.country in _NOT_NATIONAL:
        return None
    return m.country


_TARGET_IS_PLACE = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# "threatened to institute a curfew in Algiers": an English threat with no named
# target is aimed at the place where it would be carried out.
_TARGET_IS_PLACE_EN = _TARGET_IS_PLACE | {"THREATEN"}
# Acts only a state's organs perform: arrest, detain, deport, sanction.
_STATE_ACTS = frozenset({"COERCE", "SANCTION"})


def _with_country(m: ActorMention | None, country: str | None) -> ActorMention | None:
    if m is None or m.country or not country or m.sector in (None, "IGO", "IMG"):
        return m
    return ActorMention(m.text, m.start, m.end, country, m.sector)


def _with_country_en(m: ActorMention | None, country: str | None) -> ActorMention | None:
    """As :func:`_with_country`, but a rights group named in capitals ("Amnesty
    International", "Human Rights Watch") is international: it takes neither
    the place's nor the other side's country."""
    if m is not None and m.sector == "HRI" and m.text[:1].isupper():
        return m
    return _with_country(m, country)
