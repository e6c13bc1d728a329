"""Events: PLOVER type, CAMEO root, source/target actors and evidence, per sentence.

Method (see docs/decisions/021): trigger stems per PLOVER type find candidate
events; in Arabic, PROTEST and ASSAULT candidates are confirmed by the trained
detector (:mod:`wiqaya.read.detector`), whose probability is the confidence.
Actors come from :mod:`wiqaya.read.actors`; the source is the actor before the
trigger (after it when the clause starts with the verb, as Arabic VSO
sentences do), the target the next actor after the trigger.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import compress

from wiqaya.language.arabic import MARKS, normalise
from wiqaya.read.actors import DATA, ActorMention
from wiqaya.read.detector import StemMatcher, arabic_triggers, trigger_lexicon
from wiqaya.read.english import (
    NOT_NAMES,
    PARTICIPLES,
    Clause,
    LemmaMatcher,
    lemmas,
    own_subject_start,
)
from wiqaya.read.phrases import MAX_CACHED_WORD, NORM_OF, Token
from wiqaya.read.senses import wrong_sense

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
TRIGGER_ONLY_CONFIDENCE = 0.5
# Events are coded only where a stem is a word's own (StemMatcher.is_word_of);
# the detector's features keep the looser match it was trained on.
_ALL_TYPES = frozenset(PLOVER_TYPES)
# An English act reported with a hedge ("reportedly", "were said to").
HEDGED_CONFIDENCE = 0.3
_MAPLINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")


@cache
def cameo_roots() -> dict[str, str]:
    """PLOVER type → its most frequent CAMEO root in CAMEO2PLOVER-2021 (CC BY-SA)."""
    counts: dict[str, Counter[str]] = {}
    for line in (DATA / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = _MAPLINE.match(line)
        if m:
            counts.setdefault(m.group(2), Counter())[m.group(1)[:2]] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items() if k in PLOVER_TYPES}


@cache
def trigger_matchers() -> dict[str, StemMatcher]:
    """The coder's Arabic matcher: the detector's, with ``coded_as_ar`` applied.

    A stem the lexicon lists under one type for the detector (which was trained
    on it) but whose acts CAMEO2PLOVER puts under another («عقوبات», «حظر»:
    163/172, COERCE) is coded as the other. The two share one per-word cache.
    """
    return {"ar": arabic_triggers().relabelled(trigger_lexicon().get("coded_as_ar", {}))}


# Label of the lexicon's English phrases that are no event ("meet the demand").
NOT_EVENT = "-"


@cache
def english_matcher() -> LemmaMatcher:
    lex = trigger_lexicon()
    entries = {k: v["en"] for k, v in lex["types"].items()}
    entries[NOT_EVENT] = lex.get("not_events_en", [])
    return LemmaMatcher(entries)


# A verb and its object with the subject between them (verb-subject-object):
# «قطعت الجزائر علاقاتها مع المغرب», «سحبت قطر سفيرها». The lexicon lists these
# pairs under ``ar_gapped``; the object may follow the verb within this many words
# (four: «استدعت وزارة الخارجية المغربية السفير», «رحلت السلطات الليبية مئات المهاجرين»).
_GAP = 4


@cache
def _gapped_lexicon() -> tuple[tuple[str, str, str, str], ...]:
    """(type, verb stem, object stem, the verb's own preposition or "") of the
    lexicon's gapped Arabic terms.

    A third element names the preposition the verb takes before its object
    («أعربت مصر عن دعمها»: «أعرب عن»), which then does not break the pair.
    """
    lex = trigger_lexicon()
    return tuple(
        (etype, normalise(term[0]), normalise(term[1]), normalise(term[2]) if term[2:] else "")
        for etype, v in lex["types"].items()
        for term in v.get("ar_gapped", [])
    )


def _gapped_terms(
    norms: list[str], joined: str, names: Callable[[], Sequence[tuple[int, int]]]
) -> list[tuple[str, tuple[int, int], int]]:
    """(type, (verb index, verb index + 1), object index) of each gapped term found, first
    per type.

    ``names`` are the (start, end) word spans of the sentence's actor mentions: a
    name between verb and object counts as one word («علقت المجموعة الاقتصادية لدول
    غرب أفريقيا عضوية النيجر»), as a subject is one phrase however long its name.
    """
    out: list[tuple[str, tuple[int, int], int]] = []
    # Every Arabic sentence comes here: the words that can be a pair's verb
    # are looked up per word (cached), which rules out most sentences.
    # Cached words in C (map), _verb_entries only for the new ones.
    found = list(map(_VERB_ENTRIES.get, norms))
    if None in found:
        found = [_verb_entries(w) if e is None else e for e, w in zip(found, norms, strict=True)]
    at = [(i, found[i]) for i in compress(range(len(found)), found)]
    if not at:
        return out
    lexicon = _gapped_lexicon()
    words = frozenset(norms)
    spans: Sequence[tuple[int, int]] | None = None
    for e in sorted({e for _, es in at for e in es}):
        etype, verb, obj, own = lexicon[e]
        if not _present(obj, joined, words):
            continue
        if spans is None:
            spans = names()
        for i, es in at:
            if e not in es:
                continue
            j = next((k for k in _gap_words(i, norms, spans) if _holds(norms[k], obj)), None)
            # «علّق المتحدث على عضوية تركيا» comments on the membership: a
            # preposition right before the noun makes it no object. One
            # earlier has its own noun: «طردت السلطات في النيجر السفير»; a
            # part of it is still the object: «سحبت روسيا جزءا من قواتها».
            if j is not None and _object_stands(norms, i, j, own):
                out.append((etype, (i, i + 1), j))
                break
    return out


def _object_stands(norms: list[str], i: int, j: int, own: str) -> bool:
    """Whether the word at ``j`` is the object of the gapped verb at ``i``, given
    the word right before it."""
    before = norms[j - 1]
    if own:
        # A verb's own preposition must stand right before its object
        # («أعرب … عن دعمه»; not «متوقفة بجانب سيارة» for «وقف إلى جانب»).
        return before == own
    return before not in _GAP_BREAKS or (before == "من" and j - 2 > i and norms[j - 2] in _PARTS)


@cache
def _gapped_verbs() -> re.Pattern[str]:
    """Any gapped pair's verb inside a word: one C scan rules out most new words."""
    verbs = sorted({verb for _, verb, _, _ in _gapped_lexicon()}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, verbs)))


_VERB_ENTRIES: dict[str, tuple[int, ...]] = {}
_VERB_ENTRIES_MAX = 300_000


def _verb_entries(word: str) -> tuple[int, ...]:
    """Indices of the gapped pairs whose verb the word is (a form of), cached per word."""
    hit = _VERB_ENTRIES.get(word)
    if hit is not None:
        return hit
    if _gapped_verbs().search(word) is None:
        hit = ()
    else:
        matcher = arabic_triggers()
        hit = tuple(
            e
            for e, (_, verb, _, _) in enumerate(_gapped_lexicon())
            if verb in word and matcher.is_word_of(word, verb)
        )
    if len(_VERB_ENTRIES) < _VERB_ENTRIES_MAX and len(word) <= MAX_CACHED_WORD:
        _VERB_ENTRIES[word] = hit
    return hit


@cache
def _named_object_lexicon() -> tuple[tuple[str, str, str], ...]:
    """(type, verb stem, word) of the lexicon's ``ar_named_object`` pairs."""
    return tuple(
        (etype, normalise(verb), normalise(word))
        for etype, v in trigger_lexicon()["types"].items()
        for verb, word in v.get("ar_named_object", [])
    )


def _named_object_terms(
    norms: list[str], joined: str, names: Callable[[], Sequence[tuple[int, int]]]
) -> list[tuple[str, tuple[int, int]]]:
    """(type, verb span) of each ``ar_named_object`` pair: the verb, its subject's name,
    a second name (the object) and the word right after it.

    «حذر الحرس الثوري الإيراني إسرائيل من رد ساحق» warns Israel (THREATEN), while
    «حذرت الأمم المتحدة من مجاعة» warns of a famine and names nobody to harm.
    """
    out: list[tuple[str, tuple[int, int]]] = []
    lexicon = [e for e in _named_object_lexicon() if e[1] in joined]
    if not lexicon:
        return out
    spans = names()
    if not spans:
        return out
    matcher = arabic_triggers()
    for etype, verb, word in lexicon:
        for i, w in enumerate(norms):
            if verb not in w or not matcher.is_word_of(w, verb):
                continue
            after = sorted((a, b) for a, b in spans if a > i)
            if len(after) < 2:
                continue
            (s0, e0), (s1, e1) = after[0], after[1]
            # The subject right after the verb, the object right after it.
            if s0 == i + 1 and s1 == e0 and e1 < len(norms) and norms[e1] == word:
                out.append((etype, (i, i + 1)))
                break
    return out


_PRONOUNS = ("", "ه", "ها", "هم", "هما")


def _present(obj: str, joined: str, words: frozenset[str]) -> bool:
    """The sentence may hold the gapped object ``obj`` (see :func:`_holds`)."""
    if len(obj) > 2:
        return obj in joined
    return any(obj + p in words for p in _PRONOUNS)


def _holds(word: str, obj: str) -> bool:
    """The word is the gapped object: holds its stem, or (a particle: «مع») is it.

    «بحث الوزير مع نظيره», «بحث معه»; not «بحث المجلس معايير جديدة».
    """
    if len(obj) > 2:
        return obj in word
    return word.startswith(obj) and word[len(obj) :] in _PRONOUNS


def _gap_words(i: int, norms: list[str], names: Sequence[tuple[int, int]]) -> Iterator[int]:
    """The words after the verb at ``i`` within ``_GAP``, a name counting as one word,
    and so does «إلى» with the word or name after it (the recipient)."""
    n = len(norms)
    k, counted = i + 1, 0
    while k < n and counted < _GAP:
        yield k
        if norms[k] in _PHRASE_PREPOSITIONS and k + 1 < n and norms[k + 1] not in _GAP_BREAKS:
            # «سلمت تركيا إلى العراق ثلاثة مطلوبين»: «إلى العراق» is one phrase
            # between the verb and its object, as a name alone is.
            end = next((b for a, b in names if a == k + 1), k + 2)
            yield from range(k + 1, min(end, n))
            k = end
            counted += 1
            continue
        span = next((b for a, b in names if a <= k < b), None)
        if span is not None and span > k + 1:
            # The name's other words are inside the reach too, uncounted.
            yield from range(k + 1, min(span, n))
            k = span
        else:
            k += 1
        counted += 1


# Only «إلى»: «سحبها من الخدمة في صفوف القوات» is no withdrawal of forces.
_PHRASE_PREPOSITIONS = frozenset({"الي"})
_GAP_BREAKS = frozenset({"علي", "في", "من", "الي", "عن", "مع", "حول", "بشان"})
_PARTS = frozenset({"جزءا", "جزء", "بعض", "عددا", "عدد", "معظم", "الاف", "ميات", "عشرات"})


# Words the normalised alphabet cannot tell apart: «هنأ» (congratulated) folds to
# «هنا» (here). The lexicon's ``ar_surface`` words are matched on the written
# word with its hamza, diacritics and tatweel removed, after «و» or «ف».
_UNMARKED = str.maketrans("", "", MARKS + "\u0640")


@cache
def _surface_lexicon() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """(normalised forms, written form -> type, the forms with «و»/«ف» too) of the
    ``ar_surface`` words."""
    written = {
        w: etype for etype, v in trigger_lexicon()["types"].items() for w in v.get("ar_surface", [])
    }
    forms = frozenset(map(normalise, written))
    return forms, written, forms | {c + f for f in forms for c in "وف"}


def _surface_terms(tokens: list[Token], norms: list[str], joined: str) -> list[tuple[str, int]]:
    """(type, index) of the ``ar_surface`` words the sentence writes with their hamza."""
    forms, written, any_form = _surface_lexicon()
    if any_form.isdisjoint(norms):
        return []
    out = []
    for i, norm in enumerate(norms):
        if norm[:1] in ("و", "ف") and norm[1:] in forms:
            word = tokens[i].text.translate(_UNMARKED)[1:]
        elif norm in forms:
            word = tokens[i].text.translate(_UNMARKED)
        else:
            continue
        if word in written:
            out.append((written[word], i))
    return out


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    tok_start: int
    tok_end: int  # exclusive


def find_triggers(
    tokens: list[Token], lang: str, names: Callable[[], Sequence[tuple[int, int]]] = tuple
) -> list[Trigger]:
    """Arabic: the first trigger of each PLOVER type; English: every trigger. Text order.

    ``names``: gives the word spans of the sentence's actor mentions (see
    :func:`_gapped_terms`); called only when a gapped pair may be there.
    """
    if not tokens:
        return []
    if lang != "ar":
        return [
            Trigger(h.label, h.start, h.end)
            for h in english_matcher().find([t.norm for t in tokens])
            if h.label != NOT_EVENT
        ]
    norms = list(map(NORM_OF, tokens))
    found = trigger_matchers()["ar"].find(norms, strict=_ALL_TYPES, reject=wrong_sense)
    # One scan of the joined words in C rules out most sentences for each kind.
    joined = " ".join(norms)
    for etype, i in _surface_terms(tokens, norms, joined):
        if etype not in found or i < found[etype][0]:
            found[etype] = (i, i + 1)
    for etype, span in _named_object_terms(norms, joined, names):
        if etype not in found or span[0] < found[etype][0]:
            found[etype] = span
    paired: set[str] = set()
    for etype, span, obj in _gapped_terms(norms, joined, names):
        # «أطلقت حماس سراح رهائن مقابل الإفراج عن أسرى»: the first act of a
        # type is the sentence's, whichever way it was found.
        if etype not in found or span[0] < found[etype][0]:
            found[etype] = span
        paired.add(etype)
        # «وقعت السعودية وباكستان اتفاقية»: the object is the pair's act (a
        # signing, SUPPORT), not another type's of its own (an accord, AGREE).
        # So is the verb: «أوقفت الولايات المتحدة مساعداتها» halts aid
        # (SANCTION), no «أوقف» *arrested* (COERCE); another pair's verb stays.
        for other, (a, _) in list(found.items()):
            if other != etype and (a == obj or (a == span[0] and other not in paired)):
                del found[other]
    # «تم توقيع اتفاق»: a word inside another type's phrase is that phrase's act.
    phrases = [(a, b) for a, b in found.values() if b - a > 1]
    out = [
        Trigger(etype, a, b)
        for etype, (a, b) in found.items()
        if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in phrases)
    ]
    out.sort(key=lambda t: (t.tok_start, t.event_type))
    return out


_AGAINST = frozenset({"ضد", "علي", "بحق", "against", "on", "at"})


def pick_actors(
    actors: list[ActorMention],
    trig: Trigger,
    lang: str,
    tokens: list[Token] | None = None,
    clause: Clause | None = None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """(source, target) around a trigger by word order.

    An actor that is itself the trigger («متظاهرون», "protesters") is the source.
    English with its ``clause`` goes to :func:`english_roles`.
    """
    if lang != "ar" and tokens and clause is not None:
        return english_roles(actors, trig, tokens, clause)
    inside = [a for a in actors if a.start < trig.tok_end and a.end > trig.tok_start]
    if inside:
        after = [a for a in actors if a.start >= trig.tok_end]
        return inside[0], (after[0] if after else None)
    others = [a for a in actors if a.end <= trig.tok_start or a.start >= trig.tok_end]
    before = [a for a in others if a.end <= trig.tok_start]
    after = [a for a in others if a.start >= trig.tok_end]
    # Arabic verbal clause: verb first, then subject, then object.
    verb_first = lang == "ar" and (not before or trig.tok_start - before[-1].end > 6)
    if verb_first:
        source = after[0] if after else None
        target = after[1] if len(after) > 1 else None
    elif lang != "ar" and tokens and _passive(tokens, trig):
        # "X was criticized (by Y)": the subject before the verb is the target,
        # the agent after "by" (if any) the source.
        target = before[-1] if before else None
        agents = [a for a in after if a.start >= 1 and tokens[a.start - 1].norm == "by"]
        return (agents[0] if agents else None), target
    else:
        source = before[-1] if before else None
        target = after[0] if after else None
    # «ضد», «على», "against" mark the target explicitly.
    if tokens:
        marked = [a for a in after if a is not source and _marked(tokens, a.start, trig.tok_end)]
        if marked:
            target = marked[0]
    return source, target


_BE = frozenset({"was", "were", "is", "are", "been", "be", "being"})


def _passive(tokens: list[Token], trig: Trigger) -> bool:
    """English passive: a form of "be" (adverbs allowed between) then a past participle.

    "is committed to", "is prepared to" are adjectives with the subject as actor.
    Irregular participles count too: "was shot dead", "were hit".
    """
    w = tokens[trig.tok_start].norm
    if not (w.endswith("ed") or w in PARTICIPLES) or tokens[trig.tok_end - 1].norm == "to":
        return False
    for k in range(trig.tok_start - 1, max(trig.tok_start - 5, -1), -1):
        word = tokens[k].norm
        if word in _BE:
            return True
        if not (word.endswith("ly") or word == "and"):
            return False
    return False


# Heads of "killed in Israeli air strikes", "wounded in a Saudi-led raid".
_ATTACK_NOUNS = frozenset(
    [
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "raid",
        "raids",
        "attack",
        "attacks",
        "shelling",
        "fire",
        "bombing",
        "bombings",
        "bombardment",
        "ambush",
    ]
)
_NOUN_FILLERS = frozenset({"a", "an", "the", "air", "drone", "missile", "rocket", "artillery"})


def _attack_owner(tokens: list[Token], after: list[ActorMention]) -> ActorMention | None:
    """The actor modifying the attack a passive victim fell "in" or "under"."""
    for a in after:
        k = a.start - 1
        while k >= 0 and tokens[k].norm in _NOUN_FILLERS:
            k -= 1
        if k < 0 or tokens[k].norm not in ("in", "under"):
            continue
        j = a.end
        while j < len(tokens) and tokens[j].norm in _NOUN_FILLERS:
            j += 1
        if j < len(tokens) and tokens[j].norm in _ATTACK_NOUNS:
            return a
    return None


def is_passive(tokens: list[Token], trig: Trigger) -> bool:
    """English passive at ``trig`` ("was arrested", "were detained")."""
    return _passive(tokens, trig)


def _marked(tokens: list[Token], start: int, floor: int) -> bool:
    return any(k >= floor and tokens[k].norm in _AGAINST for k in (start - 1, start - 2))


_BY = frozenset({"by"})
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
_SUBORDINATE = frozenset(
    {"after", "before", "when", "while", "because", "since", "until", "unless", "although"}
)


def english_roles(
    actors: list[ActorMention],
    trig: Trigger,
    tokens: list[Token],
    clause: Clause,
    main_only: bool = False,
) -> tuple[ActorMention | None, ActorMention | None]:
    """English subject and object of the event clause.

    Source: the first actor of the clause before the verb (its subject), or
    the agent of "by" after a passive or a noun ("an attack by X"); with no
    subject in the clause, the reporter of "X says (it) ...". Target: the
    first actor after the verb. Actors in a trailing ", officials said"
    play no role.
    """
    # ``main_only``: the object must stand before a subordinate clause
    # ("delayed their meeting after a hafling was reported on the pass of
    # Cirith Ungol" has none).
    own = own_subject_start(tokens, trig.tok_start, clause)
    if own is not None:
        # "… and rebels retaliated": the second clause has its own subject.
        clause = replace(clause, start=own, intro_end=max(clause.intro_end, own))
    end = clause.end
    for k in range(trig.tok_end, clause.end if main_only else trig.tok_end):
        if tokens[k].norm in _SUBORDINATE:
            end = k
            break
    ands = [k for k in range(trig.tok_end, end) if tokens[k].norm == "and"]
    for k in range(ands[0] + 2, end) if ands else ():
        w = tokens[k].norm
        if (w.endswith("ed") or w in PARTICIPLES) and (
            (s := own_subject_start(tokens, k, clause)) is not None and s > trig.tok_end
        ):
            end = s - 1  # "rejected the proposal and Hamas accused it": no object there
            break
    zone = [a for a in actors if a.start >= clause.start and a.end <= end]
    # "protesters", "rioters": the trigger is its own actor. A word inside a
    # longer trigger ("official" in "lodged an official protest") is not.
    inside = [a for a in zone if a.start <= trig.tok_start and a.end >= trig.tok_end]
    zone = [a for a in zone if a in inside or a.end <= trig.tok_start or a.start >= trig.tok_end]
    before = [a for a in zone if a.end <= trig.tok_start]
    if clause.intro_end < trig.tok_start:
        # The subject follows a fronted phrase ("With the signing of X, A and B agreed").
        before = [a for a in before if a.start >= clause.intro_end] or before
    after = [a for a in zone if a.start >= trig.tok_end]
    # "expelled two Russian diplomats": a nationality or body among the
    # modifiers a trigger phrase spans belongs to its object.
    after = [
        a
        for a in actors
        if (a.country or a.sector)
        and trig.tok_start < a.start
        and a.end <= trig.tok_end
        and a not in inside
        and clause.start <= a.start
    ] + after
    # "withdraw its troops from Lebanon": the subject's own people are not the object.
    after = [
        a
        for a in after
        if a.country or not (a.start >= 1 and tokens[a.start - 1].norm in _POSSESSIVE)
    ]
    agents = [a for a in after if a.start >= 1 and tokens[a.start - 1].norm in _BY]
    after_obj = [a for a in after if a not in agents]
    giver = _from_giver(tokens, trig, after)
    if giver is not None and not inside:
        # "The government faced criticism from opposition parties": the noun's
        # author follows "from"; the subject, if any, is whom it concerns.
        subject = before[0] if before else None
        k = subject.start - 1 if subject is not None else -1
        while k >= 0 and tokens[k].norm in _FROM_DETERMINERS:
            k -= 1
        if k >= 0 and tokens[k].norm in _FROM_STOP:
            subject = None  # "The arrest of the journalist sparked condemnation from"
        return giver, subject
    if inside:
        return inside[0], (after_obj[0] if after_obj else None)
    if tokens[trig.tok_start].norm == "must" and clause.report_at is not None:
        # "X said that Y must ...": X demands, Y is asked.
        rep = [a for a in actors if a.end <= clause.report_at]
        return (rep[0] if rep else None), (before[0] if before else None)
    if _passive(tokens, trig):
        agent = agents[0] if agents else _attack_owner(tokens, after)
        return agent, _passive_subject(tokens, trig, before)
    if before and _reported_noun(tokens, trig):
        # "UN monitors reported ceasefire violations": the subject reports
        # the act, it does not commit it; only "by X" names who did.
        before = []
    if before:
        source = before[0]
        # With a subject, "by X" after the verb belongs to the object
        # ("condemned an attack by X soldiers": X is the target).
        after_obj = after
    elif own := [a for a in agents if not _agent_of_other_participle(tokens, trig, a)]:
        source = own[0]
    elif clause.report_at is not None:
        rep = [a for a in actors if a.end <= clause.report_at]
        source = rep[0] if rep else None
    else:
        source = _speaker(actors, trig, tokens, clause)
    infinitive = trig.tok_start > 0 and tokens[trig.tok_start - 1].norm == "to"
    if not after_obj and source is not None and infinitive:
        # "X summoned Y's ambassador to complain", "urged Y to attack": the
        # object of the verb before is the one the infinitive acts on.
        between = [a for a in before if a.start >= source.end and a is not source]
        if between:
            return source, between[-1]
    # The object is the first actor after the verb, even when a later one
    # follows "against", "on" or "at": such a preposition attaches to the
    # nearest noun before it, which is inside the object or a clause after it
    # ("demanded that Hamas renounce its struggle against Israel", "defended
    # the right of Russian troops to fire on militants").
    if trig.event_type == "MOBILIZE" and after_obj and _own_force(after_obj[0], source, trig):
        # "Chad deployed troops to the border", "mobilized army reservists for a
        # war against Iraq": the forces sent are the subject's own, no target.
        after_obj = after_obj[1:]
    target = after_obj[0] if after_obj else None
    if target is None and any(
        t.norm in _FIRST_OBJECT for t in tokens[trig.tok_end : min(trig.tok_end + 3, clause.end)]
    ):
        # "'They attacked our positions,' a Kurdish commander said".
        target = _speaker(actors, trig, tokens, clause, _FIRST_OBJECT, after=True)
    if trig.event_type == "AID":
        # "providing photographs and other military intelligence to Macedonia",
        # "sent troops to Bosnia": what is given comes first, the recipient
        # after "to".
        to = [a for a in after_obj if a.start > 0 and tokens[a.start - 1].norm == "to"]
        if to:
            target = to[0]
    return source, target


# Types whose noun names a message or a gift, so that "from X" names its
# author ("criticism from", "support from", "aid from"); a movement's "from"
# names where it leaves ("withdrawal from Gaza").
_FROM_AUTHOR = frozenset(
    {"ACCUSE", "SUPPORT", "PROTEST", "REQUEST", "THREATEN", "REJECT", "AID", "AGREE"}
)
_FROM_STOP = frozenset(
    {"in", "at", "near", "across", "around", "inside", "outside", "from", "to", "of", "over"}
    | {"on", "with", "for", "and", "or", "who", "which", "that"}
)
_FROM_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "some", "several"})


def _from_giver(
    tokens: list[Token], trig: Trigger, after: list[ActorMention]
) -> ActorMention | None:
    """The actor after "from" right after a noun trigger: "drew condemnation
    from rights groups", "won support from independent lawmakers"."""
    if trig.event_type not in _FROM_AUTHOR:
        return None
    k = trig.tok_end
    if k >= len(tokens) or tokens[k].norm != "from":
        return None
    w = tokens[trig.tok_start].norm
    if w.endswith("ed") or w in PARTICIPLES or not tokens[trig.tok_start].text.islower():
        return None
    prev = tokens[trig.tok_start - 1].norm if trig.tok_start else ""
    if prev in ("to", "not", "will", "would", "did", "can", "could", "must", "may"):
        return None  # a verb: "to protest from exile"
    k += 1
    while k < len(tokens) and tokens[k].norm in _FROM_DETERMINERS:
        k += 1
    # Up to two lower-case modifiers: "from independent lawmakers", not
    # "from farmers across France".
    for j in range(k, min(k + 3, len(tokens))):
        a = next((a for a in after if a.start == j), None)
        if a is not None:
            return a
        if not (tokens[j].text.isalpha() and tokens[j].text.islower()) or tokens[j].norm in (
            _FROM_STOP
        ):
            break
    return None


_FIRST_PERSON = frozenset({"we", "i"})


_FIRST_OBJECT = frozenset({"us", "our", "me", "my"})


def _speaker(
    actors: list[ActorMention],
    trig: Trigger,
    tokens: list[Token],
    clause: Clause,
    words: frozenset[str] = _FIRST_PERSON,
    after: bool = False,
) -> ActorMention | None:
    """ "'We will strike back,' a Hamas spokesman said": the speaker of a quote
    whose subject is "we" or "I" is the one who acts (whose object is "us" or
    "our …", the one acted on); it stands in the trailing attribution the
    event clause leaves out."""
    span = tokens[trig.tok_end : clause.end] if after else tokens[clause.start : trig.tok_start]
    if clause.end >= len(tokens) or not any(t.norm in words for t in span):
        return None
    said = [a for a in actors if a.start >= clause.end]
    return said[0] if said else None


_FORCES = frozenset({"MIL", "COP"})


def _own_force(a: ActorMention, source: ActorMention | None, trig: Trigger) -> bool:
    """A force right after a mobilising verb, of no other country than its subject's."""
    return (
        a.sector in _FORCES
        and a.start - trig.tok_end <= 2
        and (a.country is None or (source is not None and a.country == source.country))
    )


_RELATIVE = frozenset({"who", "which", "whose"})


def _passive_subject(
    tokens: list[Token], trig: Trigger, before: list[ActorMention]
) -> ActorMention | None:
    """The subject of a passive: the last actor before the verb, unless a
    relative clause stands between ("A Pakistani woman … who shot at US officers
    … was extradited": the woman, not the officers)."""
    if not before:
        return None
    rel = next(
        (
            k
            for k in range(trig.tok_start - 1, before[0].end - 1, -1)
            if tokens[k].norm in _RELATIVE
        ),
        None,
    )
    if rel is not None:
        head = [a for a in before if a.end <= rel]
        if head:
            return head[-1]
    return before[-1]


def _agent_of_other_participle(tokens: list[Token], trig: Trigger, a: ActorMention) -> bool:
    """ "it had rescued 200 girls kidnapped by Boko Haram": after a verb, a "by"
    agent that follows another past participle is that participle's (a reduced
    relative clause on the object), not the verb's. After a noun ("attacks
    carried out by X") the agent stays the noun's."""
    w = tokens[trig.tok_start].norm
    if not (w.endswith("ed") or w in PARTICIPLES):
        return False
    return any(
        tokens[k].norm.endswith("ed") or tokens[k].norm in PARTICIPLES
        for k in range(trig.tok_end, a.start - 1)
    )


_REPORTING = frozenset({"report", "document", "record", "confirm", "observe", "monitor", "log"})
_NOUN_MODIFIERS = frozenset({"the", "a", "an", "new", "more", "further", "repeated", "several"})


def _reported_noun(tokens: list[Token], trig: Trigger) -> bool:
    """The trigger is a noun object of a reporting verb: "reported (new) clashes"."""
    w = tokens[trig.tok_start].norm
    if w.endswith("ed") or (w.endswith("ing") and trig.tok_end - trig.tok_start == 1):
        return False  # a verb, or "reported attacking" — the subject acts
    k = trig.tok_start - 1
    while k >= 0 and trig.tok_start - k <= 3:
        if any(x in _REPORTING for x in lemmas(tokens[k].norm)):
            return tokens[k].norm.endswith(("ed", "s")) or tokens[k].norm in ("report", "confirm")
        if tokens[k].norm not in _NOUN_MODIFIERS and not tokens[k].norm.isdigit():
            return False
        k -= 1
    return False


# Words that may stand between two coordinated actors besides "and" and commas:
# "The Philippines and the European Union", "Arnor and Gondor".
_COORD_FILLER = frozenset({"the", "both", "and"})
# Mutual acts: with no object, "A and B met / renewed ties / agreed" is an act
# of each towards the other (two events, as the PETRARCH suite codes them).
RECIPROCAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "REJECT"})
MAX_PAIRS = 12
# Symmetric hostile predicates: "Gondor and Osgiliath clashed" is each side's
# act against the other (CAMEO codes a clash, 190/193, for both sides); "A and
# B attacked" is not mutual and keeps no target.
_ENCOUNTER = frozenset({"meet", "visit", "arrive", "host", "receive"})
_MUTUAL_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "exchange"})


def _adjective(t: Token) -> bool:
    """A lower-case word that may modify a conjunct ("awful", "good", "rival").

    Verb forms (-ed, -ing), adverbs (-ly) and closed-class words are not:
    "Hamas said and accused Israel" coordinates nothing.
    """
    w = t.text
    return (
        w.isalpha()
        and w.islower()
        and not w.endswith(("ed", "ing", "ly"))
        and w not in NOT_NAMES
        and w not in _COORD_FILLER
    )


# A reporting verb right after a comma-joined actor makes it the attribution.
_SAID = frozenset(["said", "says", "told", "reported", "added", "stated", "confirmed"])


def _reports(tokens: list[Token], k: int) -> bool:
    """A reporting verb stands at ``k``, perhaps after up to three lower-case
    head nouns ("the official IRNA news agency reported", "the Sudan Tribune
    newspaper said", "Gondor officials said")."""
    for j in range(k, min(k + 4, len(tokens))):
        w = tokens[j]
        if w.norm in _SAID:
            return True
        if not (w.text.isalpha() and w.text.islower()) or w.norm in NOT_NAMES or _verb_form(w):
            return False
    return False


def _verb_form(t: Token) -> bool:
    return t.norm.endswith(("ed", "ing")) or t.norm in ("is", "was", "has", "will", "would")


def coordinated(
    actors: list[ActorMention], m: ActorMention, tokens: list[Token], sentence: str, offset: int
) -> list[ActorMention]:
    """``m`` with the actors coordinated with it ("A, B and C"), in text order.

    Two neighbouring actors are coordinated when only "and", "the", "both"
    and commas stand between them, and at least an "and" or a comma does.
    """
    ordered = sorted(actors, key=lambda a: a.start)
    if m not in ordered:
        return [m]

    def linked(a: ActorMention, b: ActorMention) -> bool:
        if b.start < a.end:
            return False
        words = [t.norm for t in tokens[a.end : b.start]]
        # "Evil Mordor, the awful Arnor, and good Gondor": up to two adjectives
        # may open the next conjunct, after the fillers.
        n_adj = 0
        while n_adj < len(words) and _adjective(tokens[b.start - 1 - n_adj]):
            n_adj += 1
        if n_adj > 2:
            return False
        words = words[: len(words) - n_adj]
        if any(w not in _COORD_FILLER for w in words):
            return False
        gap = sentence[tokens[a.end - 1].end - offset : tokens[b.start].start - offset]
        if n_adj and "and" not in words:
            # "Egypt, the largest Arab country, and …" is an apposition: a conjunct
            # opened by adjectives after a bare comma must end at a comma itself.
            return (
                b.end < len(tokens)
                and "," in sentence[tokens[b.end - 1].end - offset : tokens[b.end].start - offset]
            )
        if "and" not in words and _reports(tokens, b.end):
            return False  # "…, killing nine people, police said": who reports it
        return "and" in words or "," in gap

    i = ordered.index(m)
    lo, hi = i, i
    while lo > 0 and linked(ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and linked(ordered[hi], ordered[hi + 1]):
        hi += 1
    group = ordered[lo : hi + 1]
    # The text-less place stand-in and lone commas are no coordination.
    if not all(a.text for a in group):
        return [m]
    return _distributed(group, tokens)


_BELONG = frozenset({"in", "of", "from"})


def _distributed(group: list[ActorMention], tokens: list[Token]) -> list[ActorMention]:
    """ "Lawmakers in Arnor and Gondor": the body's sector holds for each conjunct.

    A first conjunct that is a body joined to a name ("in", "of", "from")
    lends its sector to the bare names coordinated after it (ARNLEG, GONLEG).
    """
    head = group[0]
    if (
        len(group) < 2
        or not head.sector
        or not any(t.norm in _BELONG for t in tokens[head.start + 1 : head.end - 1])
    ):
        return group
    return [head] + [
        a if a.sector else ActorMention(a.text, a.start, a.end, a.country, head.sector)
        for a in group[1:]
    ]


def _mutual(trig: Trigger, tokens: list[Token]) -> bool:
    if trig.event_type in RECIPROCAL:
        return True
    if (
        trig.event_type in ("ACCUSE", "THREATEN")
        and trig.tok_start > 0
        and not {"exchange", "trade"}.isdisjoint(lemmas(tokens[trig.tok_start - 1].norm))
    ):
        # "Morocco and Algeria exchanged accusations": each accuses the other.
        return True
    return trig.event_type == "ASSAULT" and any(
        x in _MUTUAL_VERBS for x in lemmas(tokens[trig.tok_start].norm)
    )


def _word_before(tokens: list[Token], k: int) -> str | None:
    """The word before token ``k``, articles skipped: "between" in "between the
    army and the RSF", "by" in "brokered by the United States"."""
    k -= 1
    while k >= 0 and tokens[k].norm in ("the", "a"):
        k -= 1
    return tokens[k].norm if k >= 0 else None


_BROKERED = frozenset({"brokered", "mediated", "sponsored"})


def _brokered(m: ActorMention, tokens: list[Token], sentence: str, offset: int) -> bool:
    """The mention opens a compound adjective of mediation ("U.S.-brokered")."""
    if m.end >= len(tokens):
        return False
    gap = sentence[tokens[m.end - 1].end - offset : tokens[m.end].start - offset]
    return gap.endswith("-") and tokens[m.end].norm.casefold() in _BROKERED


def english_pairs(
    actors: list[ActorMention],
    trig: Trigger,
    tokens: list[Token],
    clause: Clause,
    sentence: str,
    offset: int,
) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """One (source, target) per actor pair: "A and B welcomed ties with C" is A→C, B→C.

    Mutual acts with no object ("A and B renewed ties") give A→B and B→A.
    """
    source, target = english_roles(actors, trig, tokens, clause, main_only=True)
    sources = coordinated(actors, source, tokens, sentence, offset) if source else [source]
    if source is not None and source.start >= clause.intro_end:
        # No coordination across the comma that closes a fronted phrase.
        sources = [a for a in sources if a.start >= clause.intro_end]
    if source is None and target is not None and _word_before(tokens, target.start) == "between":
        # "talks between A and B failed", "clashes between A and B": A and B
        # are each other's counterparts.
        sides = coordinated(actors, target, tokens, sentence, offset)
        if len(sides) > 1:
            return [(a, b) for a in sides for b in sides if a is not b][:MAX_PAIRS]
    if (
        target is not None
        and len(sources) > 1
        and _word_before(tokens, target.start) in ("by", "over", "about", "against")
        and _mutual(trig, tokens)
    ):
        # "A and B agreed to a truce brokered by C": C is the broker, not the
        # other side; A and B are each other's. "… exchanged accusations over
        # Western Sahara": what they quarrel over is no side either, nor
        # whom they act together against ("a joint operation against PKK militants").
        target = None
    if target is not None and len(sources) > 1 and _brokered(target, tokens, sentence, offset):
        # "Lebanon and Israel agreed to a U.S.-brokered ceasefire": the
        # broker named as a compound adjective is no side either.
        target = None
    if (
        target is None
        and len(sources) > 1
        and _mutual(trig, tokens)
        and not (source is not None and source.start >= trig.tok_end)
    ):
        # An author after the act ("backing from Germany and France", "was
        # condemned by A and B") is no side of a mutual act.
        pairs = [(a, b) for a in sources for b in sources if a is not b]
        return pairs[:MAX_PAIRS]
    if target is None:
        # No object in the main clause: the first actor after it is the
        # best guess left (PLOVER dev and held-out targets drop without it).
        target = english_roles(actors, trig, tokens, clause)[1]
    targets = coordinated(actors, target, tokens, sentence, offset) if target else [target]
    # An actor coordinated on both sides is not its own partner.
    targets = [t for t in targets if t not in sources] or [None]
    pairs = [(a, b) for a in sources for b in targets]
    if trig.event_type == "CONSULT" and any(
        x in _ENCOUNTER for x in lemmas(tokens[trig.tok_start].norm)
    ):
        # A visit or meeting is each side's act: the guest makes the visit,
        # the host hosts it (CAMEO 042 / 043, 036 / 040). The visitor's event
        # comes first.
        pairs += [
            (b, a) for a, b in pairs if a is not None and b is not None and (b.text or b.country)
        ]
    return pairs[:MAX_PAIRS]
