"""``read_document``: one document in, its events, places and indicators out.

A pure function over plain values (no database, no I/O after the shipped
data files are loaded once per process), so it runs the same in-process, in a
process pool or on a Dask worker. ``read_documents`` batches the detector.

Components and what they add, in order:
  language id → sentences → tokens → places (document-wide context) →
  actors → triggers → clause rules (Arabic: demanded, planned, negated acts) →
  detector (Arabic PROTEST/ASSAULT) → dates → indicators (lexicon) → roles →
  armed-group hits from the coded events where the lexicon has none
  (:class:`wiqaya.read.indicators.EventRules`).
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from operator import methodcaller

from wiqaya.language.arabic import arabic_share
from wiqaya.language.detect import detect_language
from wiqaya.read.actors import (
    EN_FUNCTION_WORDS,
    ActorDictionary,
    ActorMention,
    load_actors,
)
from wiqaya.read.clause import govern_triggers
from wiqaya.read.dates import resolve_date
from wiqaya.read.delexicalise import detector_norm
from wiqaya.read.detector import Detector, load_detector, trigger_lexicon
from wiqaya.read.english import (
    COOPERATIVE,
    HOSTILE,
    IRREGULAR,
    WHERE,
    Clause,
    Hit,
    asked_for,
    ceased,
    coordinated_verb,
    demand_at,
    event_clause,
    hedged,
    military_march,
    modal_type,
    name_actors,
    negated,
    nominal_negation,
    ranked_triggers,
    strike_is_attack,
    unmade_accord,
    verbal_clash,
    warned_of_outcome,
)
from wiqaya.read.event_roles import (
    AREA_WORDS,
    RANKED_TYPES,
    role_pairs,
)
from wiqaya.read.events import (
    HEDGED_CONFIDENCE,
    TRIGGER_ONLY_CONFIDENCE,
    Trigger,
    cameo_roots,
    find_triggers,
)
from wiqaya.read.force import force_report
from wiqaya.read.indicators import INDICATORS, IndicatorHit, load_event_rules, load_indicators
from wiqaya.read.partitive import join_partitives
from wiqaya.read.persons import load_persons, with_persons
from wiqaya.read.phrases import NORM_OF, Token, tokenize
from wiqaya.read.places import PlaceMention, load_gazetteer
from wiqaya.read.protest_report import protest_report, violence_report
from wiqaya.read.roles import (
    RoleModel,
    load_roles,
)
from wiqaya.read.sentences import split_sentences

MAX_TEXT = 1_000_000  # characters read per document; the rest is reported, not coded


@dataclass(frozen=True)
class DocumentInput:
    id: str
    text: str
    lang: str | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    text: str | None = None
    country: str | None = None
    sector: str | None = None

    @classmethod
    def of(cls, m: ActorMention | None) -> ActorRef:
        return cls(m.text or None, m.country, m.sector) if m else cls()

    def as_dict(self) -> dict:
        return {"text": self.text, "country": self.country, "sector": self.sector}


@dataclass(frozen=True)
class EventRecord:
    event_type: str
    cameo: str | None
    source: ActorRef
    target: ActorRef
    location: PlaceMention | None
    date: date | None
    evidence: str
    span_start: int
    span_end: int
    sentence: str
    sentence_start: int
    confidence: float

    def as_dict(self) -> dict:
        loc = None
        if self.location is not None:
            p = self.location.place
            loc = {
                "name": p.name if p else self.location.surface,
                "country": p.country if p else None,
                "admin1": p.admin1 if p else None,
                "lat": p.lat if p else None,
                "lon": p.lon if p else None,
            }
        return {
            "event": self.event_type,
            "cameo": self.cameo,
            "source": self.source.as_dict(),
            "target": self.target.as_dict(),
            "location": loc,
            "date": self.date.isoformat() if self.date else None,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class ReadResult:
    id: str
    lang: str
    events: list[EventRecord] = field(default_factory=list)
    indicators: list[IndicatorHit] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    truncated: bool = False

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "lang": self.lang,
            "events": [e.as_dict() for e in self.events],
            "indicators": [
                {"indicator": h.indicator, "evidence": h.evidence, "confidence": h.confidence}
                for h in self.indicators
            ],
        }


def coder_version() -> str:
    """Every data file and model version that shapes the output, in one string.

    The stored column holds 60 characters, so each part is a one-letter tag
    and its date version without the century: a(ctors: the latest of its
    files) g(azetteer) i(ndicators) d(etector) r(oles) t(riggers); ``-`` for a
    model that is not shipped.
    """
    det = load_detector()
    roles = load_roles()

    def tail(version: str) -> str:
        dates = [part.rsplit("-", 1)[-1] for part in version.split("+")]
        dated = [d for d in dates if d[:2] == "20" and d[2:4].isdigit()]
        if not dated:
            return dates[0]
        return max(dated, key=lambda d: tuple(int(x) for x in d.split(".") if x.isdigit()))[2:]

    full = "+".join(
        [
            "read38",
            "a" + tail(f"{load_actors().version}+{load_persons()[1]}"),
            "g" + tail(load_gazetteer().version),
            "i" + tail(f"{load_indicators().version}+{load_event_rules().version}"),
            "d" + (tail(det.version) if det else "-"),
            "r" + (tail(roles.version) if roles else "-"),
            "t" + tail(trigger_lexicon()["version"]),
        ]
    )
    return _fit_column(full)


def _fit_column(version: str, width: int = 60) -> str:
    """``version`` cut to the stored column's width without losing what it says.

    Cutting the string plainly dropped the last part (the trigger lexicon)
    once the parts grew, so a lexicon change stopped marking stored readings
    stale. A version too long keeps its head and ends in a digest of the whole.
    """
    if len(version) <= width:
        return version
    digest = hashlib.sha1(version.encode("utf-8")).hexdigest()[:10]
    return f"{version[: width - 11]}~{digest}"


def read_document(doc: DocumentInput) -> ReadResult:
    return read_documents([doc])[0]


@dataclass
class _Pending:
    result: ReadResult
    sentence: str
    sentence_start: int
    tokens: list[Token]
    lang: str
    actors: list[ActorMention]
    places: list[PlaceMention]
    doc_date: date | None
    triggers: list
    clause: Clause | None = None
    # Arabic: the actors with «مسلحون من حركة الشباب» made one mention
    # (:mod:`wiqaya.read.partitive`); the clause roles read these, the role
    # ranker the mentions it was trained on.
    joined: list[ActorMention] | None = None
    # ASSAULT triggers accepted as reports of military force (:mod:`wiqaya.read.force`),
    # not by the detector: their roles are read from the clause.
    forced: list[Trigger] = field(default_factory=list)
    # Protests and violence accepted on their form (wiqaya.read.protest_report).
    reported: list[Trigger] = field(default_factory=list)


def read_documents(
    docs: Sequence[DocumentInput],
    *,
    detector: Detector | None | bool = True,
    roles: RoleModel | None | bool = True,
) -> list[ReadResult]:
    """Read a batch of documents; the detector runs once over the whole batch.

    ``detector=True`` uses the shipped model, ``False`` triggers alone, or pass
    a :class:`Detector` (the evaluation passes fold models). ``roles`` likewise
    picks Arabic sources and targets with the shipped ranker, word order
    (``False``) or a given :class:`RoleModel`.
    """
    with _heap_frozen():
        return _read_documents(docs, detector, roles)


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """The objects that exist now (the models above all) left out of garbage collections.

    A batch makes enough objects (a tracked tuple per token) to set off full
    collections, and each one walked the loaded dictionaries, gazetteer and
    modules (about 90,000 objects, none of them garbage): about a tenth of a
    read's CPU time. As ``ingest_paths`` does, they are frozen for the call
    and handed back at the end; only what the batch made is collected. Left
    alone when a caller froze objects itself (its unfreeze stays its own) or
    turned the collector off.
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# Events that are things said: a report of one is dated by the report, never
# by a future expression inside what was said.
_SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})


def _read_documents(
    docs: Sequence[DocumentInput],
    detector: Detector | None | bool,
    roles: RoleModel | None | bool,
) -> list[ReadResult]:
    if roles is True:
        roles = load_roles()
    elif roles is False:
        roles = None
    roots = cameo_roots()
    rules = load_event_rules()
    lex_version = load_indicators().version  # the lexicon's hits carry it
    results, events = pending_events(docs, detector=detector)
    # Sentences whose armed-group hit is settled: the lexicon's, or an event's.
    settled: set[int] = set()
    for p, trig, conf in events:
        a, b = p.tokens[trig.tok_start].start, p.tokens[trig.tok_end - 1].end
        # The trigger's offset lets a sentence with two dates («قال أمس إن ...
        # قصفت الأحد») take the one in the event's clause.
        when, _ = resolve_date(p.sentence, p.doc_date, a - p.sentence_start)
        if trig.event_type in _SPEECH_ACTS and when and p.doc_date and when > p.doc_date:
            # «هددت إيران بإغلاق المضيق إذا فرضت عقوبات الشهر المقبل»: the future
            # expression dates what is threatened or asked for; the threat itself
            # was made when the news was written.
            when = p.doc_date
        for source, target, loc in role_pairs(p, trig, roles):
            p.result.events.append(
                _event(trig.event_type, roots, source, target, loc, when, p, a, b, conf)
            )
            if id(p) in settled or _sanctions(p, trig):
                continue
            group = rules.group_of(trig.event_type, source, target)
            if group is not None:
                settled.add(id(p))
                hit = rules.hit(
                    group, trig.tok_start, trig.tok_end, p.tokens, p.sentence, p.sentence_start
                )
                _add_event_hit(p, hit, lex_version)
    return results


# Sanctions and embargoes are coded COERCE (CAMEO 163); on an armed group's
# leaders («فرضت الولايات المتحدة عقوبات على قادة في قوات الدعم السريع») they are
# a response to its activity, not an instance of it.
_SANCTION_WORD = re.compile(r"^[وف]?(ب|ل)?(ال)?(عقوبات|حظر|مقاطعه)$")


def _sanctions(p: _Pending, trig: Trigger) -> bool:
    return trig.event_type == "COERCE" and bool(_SANCTION_WORD.match(p.tokens[trig.tok_start].norm))


_AGA = INDICATORS.index("armed_group_activity")


def _add_event_hit(p: _Pending, hit: IndicatorHit, lexicon_version: str) -> None:
    """``hit`` in ``p``'s sentence, unless the lexicon has the indicator there.

    Hits stay in text order, and in indicator order within a sentence.
    """
    end = p.sentence_start + len(p.sentence)
    hits = p.result.indicators
    at = len(hits)
    for k, h in enumerate(hits):
        if p.sentence_start <= h.start < end:
            if h.indicator == hit.indicator and h.lexicon_version == lexicon_version:
                return
            if INDICATORS.index(h.indicator) > _AGA and at == len(hits):
                at = k
        elif h.start >= end and at == len(hits):
            at = k
    hits.insert(at, hit)


def pending_events(
    docs: Sequence[DocumentInput], *, detector: Detector | None | bool = True
) -> tuple[list[ReadResult], list[tuple[_Pending, Trigger, float]]]:
    """Results with places and indicators filled, and the events still to code.

    Each event is (sentence, trigger, confidence), in text order; the ones
    the detector rejects are already left out.
    """
    actors_dict = load_actors()
    gaz = load_gazetteer()
    lex = load_indicators()
    if detector is True:
        detector = load_detector()
    elif detector is False:
        detector = None
    results: list[ReadResult] = []
    pending: list[_Pending] = []
    for doc in docs:
        text = doc.text[:MAX_TEXT]
        lang = doc.lang or detect_language(text)
        result = ReadResult(doc.id, lang, truncated=len(doc.text) > MAX_TEXT)
        results.append(result)
        sentences = split_sentences(text)
        toks = [tokenize(s.text, s.start) for s in sentences]
        actors = [actors_dict.mentions(_no_possessive(t), text) for t in toks]
        context: Counter[str] = Counter(
            a.country for al in actors for a in al if a.country and not gaz.shared_name(a.text)
        )
        all_tokens = [t for ts in toks for t in ts]
        places = gaz.mentions(all_tokens, text, context)
        result.places = places
        bounds = [0]
        for ts in toks:
            bounds.append(bounds[-1] + len(ts))
        # A city or region is where something happens, not who acts: drop
        # actor mentions that are exactly a sub-national place («نابلس», «جدة»).
        # An ambiguous name («عمان») is no actor until the gazetteer settles it.
        place_at = {(p.start, p.end): p for p in places}
        actors = [_place_checked(al, toks[i], place_at) for i, al in enumerate(actors)]
        occupier = _occupier(context, places)
        if occupier:
            actors = [_occupation_named(al, toks[i], occupier) for i, al in enumerate(actors)]
        for i, s in enumerate(sentences):
            s_lang = "ar" if arabic_share(s.text) >= 0.5 else "en"
            s_places = [p for p in places if bounds[i] <= p.tok_start < bounds[i + 1]]
            local = [
                PlaceMention(
                    p.surface,
                    p.start,
                    p.end,
                    p.tok_start - bounds[i],
                    p.tok_end - bounds[i],
                    p.status,
                    p.place,
                    p.candidates,
                    p.how,
                )
                for p in s_places
            ]
            result.indicators.extend(lex.find(toks[i], text))

            # Names a verb and its object may stand apart by: actors with a
            # country and capitals («حذرت موسكو واشنطن من …»; not «حذر الوزير
            # المواطنين من السفر», a warning to no other side). Built only
            # where a gapped pair may be.
            def names(
                found: list[ActorMention] = actors[i], here: list[PlaceMention] = local
            ) -> list[tuple[int, int]]:
                return [(a.start, a.end) for a in found if a.country] + [
                    (pl.tok_start, pl.tok_end)
                    for pl in here
                    if pl.place is not None and (pl.place.name, pl.country) in gaz.capitals
                ]

            trigs = find_triggers(toks[i], s_lang, names)
            clause = None
            if s_lang == "en" and (trigs or any(t.norm == "must" for t in toks[i])):
                trigs, clause, actors[i], local = _english_event(
                    trigs, toks[i], actors[i], local, text, s.text, s.start, doc.date
                )
            if s_lang == "ar" and trigs:
                # «طالبت ... بفرض عقوبات» is a demand, «سيفرض حصاره» a plan:
                # the act a trigger names is coded only where it happened.
                trigs = govern_triggers(trigs, toks[i], s.text, s.start)
            if s_lang == "ar" and trigs:
                # «الرئيس السوري بشار الأسد»: a named person is coded by the
                # role held at the document date, as in English; a place in the
                # name («إسرائيل كاتس») is no place.
                actors[i] = _verb_not_actor(actors[i], toks[i], trigs, text, actors_dict)
                actors[i], person_spans = with_persons(toks[i], actors[i], text, doc.date, "ar")
                if person_spans:
                    local = [
                        p
                        for p in local
                        if not any(a < p.tok_end and b > p.tok_start for a, b in person_spans)
                    ]
            if trigs:
                pending.append(
                    _Pending(
                        result,
                        s.text,
                        s.start,
                        toks[i],
                        s_lang,
                        actors[i],
                        local,
                        doc.date,
                        trigs,
                        clause,
                    )
                )
    # One batched detector pass over every Arabic sentence that needs it.
    needs = [
        p
        for p in pending
        if detector and p.lang == "ar" and any(t.event_type in detector.types for t in p.triggers)
    ]
    # The detector sees places, country words and named groups as classes
    # (built only for the sentences it reads).
    views = [detector_norm(p.tokens, p.places, p.actors) for p in needs]
    probs = detector.probabilities(views) if detector and needs else None
    prob_of = {id(p): probs[k] for k, p in enumerate(needs)} if probs is not None else {}
    for p in pending:
        if p.lang == "ar":
            # «مسلحون من حركة الشباب», «وفد من حماس»: one actor, the group.
            # After the detector, whose view of the actors is as trained.
            p.joined = join_partitives(p.actors, p.tokens, p.sentence, p.sentence_start)
    events: list[tuple[_Pending, Trigger, float]] = []
    for p in pending:
        for trig in p.triggers:
            conf = TRIGGER_ONLY_CONFIDENCE
            if p.lang == "en" and hedged(p.tokens, trig.tok_start):
                # "reportedly attacked": coded, as CAMEO coders code reported
                # acts, but the report does not vouch for it (min_confidence
                # filters it out).
                conf = HEDGED_CONFIDENCE
            if detector and p.lang == "ar" and trig.event_type in detector.types:
                j = detector.types.index(trig.event_type)
                prob = float(prob_of[id(p)][j])
                if prob >= detector.thresholds[j]:
                    conf = prob
                elif trig.event_type == "ASSAULT" and force_report(
                    p.tokens, trig, p.actors, p.sentence, p.sentence_start
                ):
                    # Shelling and air strikes reported as done, which the
                    # gold-trained detector takes only with a toll.
                    conf = TRIGGER_ONLY_CONFIDENCE
                    p.forced.append(trig)
                elif (
                    trig.event_type == "PROTEST"
                    and protest_report(p.tokens, trig, p.actors, p.sentence, p.sentence_start)
                ) or (
                    trig.event_type == "ASSAULT"
                    and violence_report(p.tokens, trig, p.actors, p.sentence, p.sentence_start)
                ):
                    # Sit-ins, strikes, roads blocked, car bombs, assassinations
                    # and kidnappings reported as done, in the forms of current
                    # news the gold-trained detector rarely saw.
                    conf = TRIGGER_ONLY_CONFIDENCE
                    p.reported.append(trig)
                else:
                    continue
            events.append((p, trig, conf))
    return results, events


_SUFFIXES = ("'s", "’s", "-led")
_ENDS_POSSESSIVE = methodcaller("endswith", _SUFFIXES)


def _no_possessive(tokens: list[Token]) -> list[Token]:
    """English "Israel's", "Taiwan's" looked up as "israel", "taiwan".

    "Saudi-led", "U.S.-led" (coalition, forces) too: the leader names whose
    side the group is on, as CAMEO codes a US-led coalition's acts as the US's.
    """
    # Checked in C (map) for every sentence: hardly any token ends so.
    if not any(map(_ENDS_POSSESSIVE, map(NORM_OF, tokens))):
        return tokens
    return [_stem(t) if t.norm.endswith(_SUFFIXES) else t for t in tokens]


def _stem(t: Token) -> Token:
    cut = 4 if t.norm.endswith("-led") else 2
    return t._replace(norm=t.norm[:-cut])


def _english_event(
    trigs: list[Trigger],
    tokens: list[Token],
    actors: list[ActorMention],
    places: list[PlaceMention],
    text: str,
    sentence: str,
    offset: int,
    when: date | None = None,
) -> tuple[list[Trigger], Clause, list[ActorMention], list[PlaceMention]]:
    """One event per English sentence: the main-clause trigger, its actors, clause, places.

    ``when`` (the document date) picks a named person's role at that time; a
    place inside a person's name ("Israel Katz") is no place.
    """
    actors = [a for a in actors if tokens[a.start].text != "us"]  # the pronoun, not the US
    actors, person_spans = with_persons(tokens, actors, text, when)
    capitals = load_gazetteer().capitals
    # "Beirut rejected", "Washington demanded": a capital named without a
    # preposition or article before it stands for its government.
    seats = [
        ActorMention(p.surface, p.tok_start, p.tok_end, p.country, None)
        for p in places
        if p.status == "resolved"
        and p.place is not None
        and (p.place.name, p.country) in capitals
        and (p.tok_start == 0 or tokens[p.tok_start - 1].norm not in _NOT_BEFORE_SEAT)
        and not any(a.start < p.tok_end and a.end > p.tok_start for a in actors)
    ]
    places = [
        p for p in places if not any(a < p.tok_end and b > p.tok_start for a, b in person_spans)
    ]
    # "Israel's strikes on Gaza": a possessive that is also an actor says whose
    # act it is, not where; the place of the event is looked for elsewhere.
    places = [
        p
        for p in places
        if not (
            p.surface.endswith(("'s", "’s"))
            and any(a.start < p.tok_end and a.end > p.tok_start for a in actors)
        )
    ]
    actors = sorted(actors + seats, key=lambda a: a.start)
    others = [
        (p.tok_start, p.tok_end) for p in places if not any(s.start == p.tok_start for s in seats)
    ]
    objects = [t.tok_end for t in trigs if tokens[t.tok_end - 1].norm in WHERE]
    actors = name_actors(tokens, actors, text, others, [t.tok_start for t in trigs], objects)
    actors = _bodies_in_places(actors, tokens, places, text)
    actors = [a for a in actors if not _attributive(a, tokens, actors)]
    clause = event_clause(tokens, sentence, offset)
    if clause.intro_end > clause.start:
        actors = [_after_intro(a, clause.intro_end, tokens, text) for a in actors]
    must = demand_at(tokens, clause)
    if must is not None:
        return [Trigger("REQUEST", must, must + 1)], clause, actors, places
    hits = [Hit(t.event_type, t.tok_start, t.tok_end) for t in trigs]
    for best in ranked_triggers(hits, tokens, clause, actors):
        if best.label == "PROTEST" and strike_is_attack(tokens, best):
            best = Hit("ASSAULT", best.start, best.end)
        elif best.label == "PROTEST" and military_march(tokens, best, actors):
            best = Hit("MOBILIZE", best.start, best.end)
        elif best.label == "ASSAULT" and verbal_clash(tokens, best) and not negated(tokens, best):
            # A clash that did not happen stays a negated hostile act (no event).
            best = Hit("ACCUSE", best.start, best.end)
        elif best.label in COOPERATIVE and asked_for(tokens, best):
            best = Hit("REQUEST", best.start, best.end)
        elif best.label == "THREATEN" and warned_of_outcome(tokens, best, actors):
            return [], clause, actors, places
        best = ceased(hits, tokens, best) or best
        etype = modal_type(tokens, best, best.label)
        if etype == "AGREE" and best.label == "AGREE" and unmade_accord(tokens, best):
            # "pushed for a ceasefire" asks for one; "talks on a truce", "the
            # truce held" report none being made: the next trigger may.
            if not asked_for(tokens, best):
                continue
            etype = "REQUEST"
        if etype == "AGREE" and _intent_to_harm(best, hits, tokens):
            etype = "MOBILIZE" if _preparing(best, tokens) else "THREATEN"
        if etype:
            out = [Trigger(etype, best.start, best.end)]
            second = coordinated_verb(hits, tokens, clause, best)
            if second is not None:
                etype2 = modal_type(tokens, second, second.label)
                if etype2:
                    out.append(Trigger(etype2, second.start, second.end))
            return out, clause, actors, places
        if not (best.label in HOSTILE and nominal_negation(tokens, best)):
            return [], clause, actors, places
        # "No one was killed in the blast": the casualties are negated, the
        # blast is not; the next trigger may still be the event.
    return [], clause, actors, places


def _after_intro(a: ActorMention, k: int, tokens: list[Token], text: str) -> ActorMention:
    """ "After the collapse of the Doha Agreement, Hamas fighters attacked": a
    name that closes a fronted phrase is not one actor with the subject after
    the comma; the mention keeps its words from the subject on."""
    if not a.start < k < a.end:
        return a
    return ActorMention(
        text[tokens[k].start : tokens[a.end - 1].end], k, a.end, a.country, a.sector
    )


def _bodies_in_places(
    actors: list[ActorMention], tokens: list[Token], places: list[PlaceMention], text: str
) -> list[ActorMention]:
    """ "Lawmakers in Egypt", "police in Cairo": a body with no country right
    before "in" and a resolved place is that place's body, one mention (so a
    country coordinated after it shares the sector: "in Egypt and Jordan")."""
    out = list(actors)
    for i, a in enumerate(out):
        if a.country or not a.sector or a.end + 1 >= len(tokens) or tokens[a.end].norm != "in":
            continue
        pl = next((p for p in places if p.tok_start == a.end + 1 and p.status == "resolved"), None)
        if pl is None or any(b.start < pl.tok_end and b.end > a.end for b in out if b is not a):
            continue
        out[i] = ActorMention(
            text[tokens[a.start].start : tokens[pl.tok_end - 1].end],
            a.start,
            pl.tok_end,
            pl.country,
            a.sector,
        )
    return out


# Sector words that are also adjectives: "a new military offensive", "civilian
# infrastructure" name no one, "the military", "military officers" do.
_ADJECTIVE_SECTORS = frozenset({"military", "civilian", "paramilitary"})
_ADJECTIVES = _ADJECTIVE_SECTORS | {"official", "foreign"}
# Heads that make the phrase a body or a person ("military council", "military
# intelligence" the agency), kept as actors.
_BODY_HEADS = frozenset(
    {
        "council",
        "junta",
        "regime",
        "command",
        "court",
        "leadership",
        "chief",
        "commander",
        "spokesman",
        "spokeswoman",
        "source",
        "official",
        "officer",
        "government",
        "intelligence",
        "personnel",
        "police",
        "wing",
    }
)


def _attributive(m: ActorMention, tokens: list[Token], actors: list[ActorMention]) -> bool:
    """ "military" before a singular common noun it modifies: no actor.

    So are "official" and "foreign" ("his first official foreign visit"), which
    name people only as nouns ("a senior official", "foreigners").
    """
    words = [t.norm for t in tokens[m.start : m.end]]
    if m.country not in (None, "INT") or not words:
        return False
    if words != [w for w in words if w in _ADJECTIVES]:
        return False
    if m.end - m.start > 1 and any(w in _ADJECTIVE_SECTORS for w in words):
        return False
    k = m.end
    if k >= len(tokens) or any(a.start == k for a in actors):
        return False
    nxt = tokens[k]
    w = nxt.norm
    return (
        nxt.text[:1].islower()
        and w.isalpha()
        and w not in EN_FUNCTION_WORDS
        and w not in _BODY_HEADS
        and w not in IRREGULAR  # "the military said", "an official told"
        and not w.endswith(("s", "ed"))
    )


_COPULA_BEFORE = frozenset({"is", "are", "was", "were", "be", "been", "am", "being"})


def _preparing(intent: Hit, tokens: list[Token]) -> bool:
    """ "The army prepared to resume shelling", "troops are preparing to attack":
    getting ready to fight is a show of force (CAMEO 15, PLOVER MOBILIZE); "is
    prepared to attack" (the adjective: willing) stays a threat."""
    w = tokens[intent.start].norm
    if w not in ("prepared", "preparing", "prepares", "prepare"):
        return False
    before = tokens[intent.start - 1].norm if intent.start else ""
    return not (w == "prepared" and before in _COPULA_BEFORE)


def _intent_to_harm(intent: Hit, hits: list[Hit], tokens: list[Token]) -> bool:
    """ "vowed to fight", "is prepared to resume shelling": an intent to harm is a threat."""
    if tokens[intent.end - 1].norm != "to":
        return False
    return any(h.label in HOSTILE and intent.end <= h.start <= intent.end + 1 for h in hits)


def _place_checked(
    actors: list[ActorMention], tokens: list[Token], place_at: dict
) -> list[ActorMention]:
    out = []
    for a in actors:
        p = place_at.get((tokens[a.start].start, tokens[a.end - 1].end))
        if a.sector is not None or p is None:
            out.append(a)
        elif p.status == "resolved" and p.place and p.place.kind == "country":
            out.append(ActorMention(a.text, a.start, a.end, p.country, None))
    return out


# The verb of an event is no actor: «طالب» (he demanded) is also «طالب» (a
# student), and the dictionary joins an agent to the body after it, so «طالب
# مجلس الأمن بوقف …» read as one mention, a student of the Security Council.
def _verb_not_actor(
    actors: list[ActorMention],
    tokens: list[Token],
    trigs: list[Trigger],
    text: str,
    actors_dict: ActorDictionary,
) -> list[ActorMention]:
    """Split a mention that starts on a one-word verb trigger into what follows it.

    Only indefinite trigger words (a definite word is a noun) and only the types
    the ranker does not code: «المتظاهرون», «مسلحون» are the actors of their
    protests and attacks.
    """
    starts = {
        t.tok_start
        for t in trigs
        if t.tok_end - t.tok_start == 1
        and t.event_type not in RANKED_TYPES
        and not tokens[t.tok_start].norm.startswith(("ال", "وال", "بال", "لل", "فال"))
        # «طلبة», «طالبة» (students) are nouns in «ة»; a verb does not end so.
        and not tokens[t.tok_start].norm.endswith("ه")
    }
    if not starts or not any(a.start in starts and a.end > a.start + 1 for a in actors):
        return actors
    out: list[ActorMention] = []
    for a in actors:
        if a.start in starts and a.end > a.start + 1:
            k = a.start + 1
            out.extend(
                ActorMention(m.text, m.start + k, m.end + k, m.country, m.sector)
                for m in actors_dict.mentions(tokens[k : a.end], text)
            )
        else:
            out.append(a)
    return out


# Where the occupation is: Palestinian, Israeli and Lebanese news call Israel's
# forces «قوات الاحتلال», «جيش الاحتلال», «سلطات الاحتلال» without naming it;
# Iraqi news of 2003–2011 meant the US-led forces.
_OCCUPIED_BY = {"PSE": "ISR", "ISR": "ISR", "LBN": "ISR", "IRQ": "USA"}


def _occupier(context: Counter[str], places: list[PlaceMention]) -> str | None:
    """The country an unnamed occupation is, from the document's countries; None if unclear."""
    seen = set(context) | {p.country for p in places if p.status == "resolved" and p.country}
    found = {_OCCUPIED_BY[c] for c in seen if c in _OCCUPIED_BY}
    return found.pop() if len(found) == 1 else None


def _occupation_named(
    actors: list[ActorMention], tokens: list[Token], occupier: str
) -> list[ActorMention]:
    """«قوات الاحتلال» with no country of its own takes the occupier's (not the place's)."""
    return [
        ActorMention(a.text, a.start, a.end, occupier, a.sector)
        if a.country is None
        and a.sector is not None
        and any(t.norm.endswith("احتلال") for t in tokens[a.start : a.end])
        else a
        for a in actors
    ]


_NOT_BEFORE_SEAT = AREA_WORDS | frozenset(
    {
        "in",
        "at",
        "near",
        "into",
        "across",
        "outside",
        "inside",
        "around",
        "to",
        "from",
        "of",
        "for",
        "with",
        "by",
        "on",
        "over",
        "under",
        "between",
        "through",
        "toward",
        "towards",
        "via",
        "the",
        "a",
        "an",
        "this",
        "its",
        "their",
        "capital",
        "city",
    }
)


def _event(etype, roots, source, target, loc, when, p: _Pending, a, b, conf) -> EventRecord:  # noqa: ANN001
    text_of_doc_slice = p.sentence
    off = p.sentence_start
    return EventRecord(
        etype,
        roots.get(etype),
        ActorRef.of(source),
        ActorRef.of(target),
        loc,
        when,
        text_of_doc_slice[a - off : b - off],
        a,
        b,
        p.sentence,
        p.sentence_start,
        conf,
    )
