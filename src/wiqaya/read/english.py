"""English clause reading: verb lemmas, the main event of a sentence, its actors.

No parser ships offline in a light package, so this is a few rules over the
tokens (see docs/read-english.md):

- triggers match on *lemmas* (suffix stripping plus irregular past forms), so
  the lexicon lists "call for", "withdraw", "lift sanction" once and they match
  "calls for", "withdrew", "lifted the sanctions" (articles are skipped inside
  a phrase); a stem ending in ``*`` ("negotiat*") matches any word it begins;
- a trailing attribution (", a senior official said on Monday") and a
  leading one ("X said that ...") are no part of the event clause;
- one event per sentence: the first trigger used as a verb in the event
  clause (after an auxiliary, "to", a subject, or in a past or -ing form), else
  its first trigger; a hostile act announced for the future ("will attack")
  is a THREATEN, a cooperative one ("will withdraw") an AGREE (CAMEO 03, express
  intent);
- negation reaches nouns and subjects ("no agreement was reached", "no one was
  killed", "talks collapsed"), and a denial of involvement or of a report is no
  event (CAMEO 016 has no PLOVER type);
- capitalised names that no dictionary knows ("Hamfast Gamgee", "Eriadorian")
  are actors of unknown country, and join an adjacent known actor
  ("Bree Prime Minister Romendacil" → one GOV mention).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from wiqaya.read.actors import ActorMention, joined
from wiqaya.read.phrases import MAX_CACHED_WORD, Token

IRREGULAR = {
    "began": "begin",
    "blew": "blow",
    "blown": "blow",
    "begun": "begin",
    "broke": "break",
    "broken": "break",
    "brought": "bring",
    "came": "come",
    "cut": "cut",
    "drove": "drive",
    "driven": "drive",
    "fell": "fall",
    "fallen": "fall",
    "fled": "flee",
    "fought": "fight",
    "forgave": "forgive",
    "forgiven": "forgive",
    "froze": "freeze",
    "frozen": "freeze",
    "gave": "give",
    "given": "give",
    "held": "hold",
    "hit": "hit",
    "hung": "hang",
    "kept": "keep",
    "led": "lead",
    "left": "leave",
    "lost": "lose",
    "made": "make",
    "met": "meet",
    "paid": "pay",
    "put": "put",
    "ran": "run",
    "sent": "send",
    "set": "set",
    "shot": "shoot",
    "slew": "slay",
    "slain": "slay",
    "sought": "seek",
    "spoke": "speak",
    "spoken": "speak",
    "stole": "steal",
    "stolen": "steal",
    "struck": "strike",
    "stricken": "strike",
    "swore": "swear",
    "sworn": "swear",
    "took": "take",
    "taken": "take",
    "told": "tell",
    "threw": "throw",
    "thrown": "throw",
    "undertook": "undertake",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "won": "win",
    "wrote": "write",
    "beaten": "beat",
    "bore": "bear",
    "borne": "bear",
    "arose": "arise",
    "overthrew": "overthrow",
    "overthrown": "overthrow",
    "rode": "ride",
    "rose": "rise",
    "risen": "rise",
    "said": "say",
    "says": "say",
    "sat": "sit",
    "stood": "stand",
    "understood": "understand",
    "upheld": "uphold",
    "went": "go",
    "gone": "go",
    "had": "have",
    "has": "have",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "did": "do",
    "does": "do",
    "done": "do",
}
_VOWELS = frozenset("aeiou")
# Irregular forms that can follow "was/were/been" as a past participle
# ("was shot dead", "were hit", "was held"); present forms of "be/have/do/say" cannot.
PARTICIPLES = frozenset(IRREGULAR) - {
    "says",
    "has",
    "had",
    "is",
    "are",
    "was",
    "were",
    "does",
    "did",
}


def lemmas(word: str) -> tuple[str, ...]:
    """Candidate lemmas of a lower-case word: itself and its suffix-stripped forms.

    Over-generating is harmless: a candidate counts only if the lexicon has it.
    """
    return _cached_lemmas(word) if len(word) <= MAX_CACHED_WORD else _lemmas(word)


@lru_cache(maxsize=100_000)
def _cached_lemmas(word: str) -> tuple[str, ...]:
    return _lemmas(word)


def _lemmas(word: str) -> tuple[str, ...]:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    out = [w]
    if w in IRREGULAR:
        out.append(IRREGULAR[w])
    n = len(w)
    if n > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    if n > 3 and w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
        if w.endswith("es"):
            out.append(w[:-2])
    if n > 4 and w.endswith("ied"):
        out.append(w[:-3] + "y")
    if n > 3 and w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if n > 5 and w[-3] == w[-4] and w[-3] not in _VOWELS:
            out.append(w[:-3])  # stopped → stop
    if n > 4 and w.endswith("ing"):
        # Five letters too: "suing" → sue, "using" → use.
        out += [w[:-3], w[:-3] + "e"]
        if n > 5 and w[-4] == w[-5] and w[-4] not in _VOWELS:
            out.append(w[:-4])  # shelling → shell? no: shell; stopping → stop
    return tuple(dict.fromkeys(out))


SKIP_IN_PHRASE = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "all", "some"}
    # News style puts the day between a verb and its particle: "called Thursday on".
    | {"today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday"}
    | {"saturday", "sunday"}
)


_MAX_MODIFIERS = 2
# Words that cannot be a modifier inside a phrase: function words,
# negations, and the words that end a verb phrase.
_NOT_MODIFIERS = frozenset(
    {"not", "no", "never", "without", "and", "or", "but", "of", "in", "on", "at", "to"}
    | {"for", "with", "by", "from", "that", "which", "who", "as", "than", "into", "over"}
    | {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would"}
)


def _year(word: str) -> bool:
    """ "the 2015 nuclear deal": a year modifies the noun after it."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


@dataclass(frozen=True, slots=True)
class Hit:
    label: str
    start: int
    end: int  # exclusive


_CANDIDATE_CACHE = 100_000


_PARTICLES = frozenset({"out", "up", "off", "down", "back", "away"})


class LemmaMatcher:
    """Multi-word lexicon phrases matched on lemmas, every occurrence.

    A phrase word ending in ``*`` is a prefix ("negotiat*"); inside a phrase,
    articles and possessives of the text are skipped ("lifted the sanctions"
    matches "lift sanction").
    """

    def __init__(self, entries: dict[str, list[str]]) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._prefixes: list[tuple[str, tuple[str, ...], str]] = []
        self._cands: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for label, phrases in entries.items():
            for phrase in phrases:
                words = phrase.casefold().split()
                if not words:
                    continue
                if words[0].endswith("*"):
                    self._prefixes.append((words[0][:-1], tuple(words[1:]), label))
                else:
                    self._first.setdefault(words[0], []).append((tuple(words[1:]), label))

    def _word_matches(self, pattern: str, norm: str) -> bool:
        if pattern.endswith("*"):
            return norm.startswith(pattern[:-1])
        return pattern in lemmas(norm)

    def _candidates(self, word: str) -> list[tuple[tuple[str, ...], str]]:
        """(rest of phrase, label) of every phrase ``word`` may open, cached per word."""
        got = self._cands.get(word)
        if got is None:
            got = [c for lem in lemmas(word) for c in self._first.get(lem, ())]
            got += [(r, lab) for p, r, lab in self._prefixes if word.startswith(p)]
            if len(self._cands) >= _CANDIDATE_CACHE:
                self._cands.clear()  # a bound for long-running readers
            self._cands[word] = got
        return got

    def _phrase_at(self, words: list[str], k: int) -> bool:
        """A lexicon phrase of its own matches from ``words[k]``."""
        return any(
            not rest or self._rest(words, k, rest) is not None
            for rest, _ in self._candidates(words[k])
        )

    def _same_head(self, words: list[str], k: int, pat: str) -> bool:
        """Every phrase from ``words[k]`` ends on a word ``pat`` matches (a
        compound noun such as "peace agreement" inside "violate agreement")."""
        ends = [self._rest(words, k, rest) for rest, _ in self._candidates(words[k]) if rest]
        ends = [e for e in ends if e is not None]
        return bool(ends) and all(self._word_matches(pat, words[e - 1]) for e in ends)

    def _rest(self, words: list[str], i: int, rest: tuple[str, ...]) -> int | None:
        """End index when ``rest`` matches the words after ``i``, else None.

        Up to two modifiers may stand between the verb and the next phrase
        word ("lifted a day-old blockade", "expelled two Russian diplomats"),
        not a function word, a negation ("intend not to") or a trigger word.
        """
        j = i + 1
        for n, pat in enumerate(rest):
            while j < len(words) and words[j] in SKIP_IN_PHRASE and pat not in SKIP_IN_PHRASE:
                j += 1
            if j >= len(words):
                return None
            if not self._word_matches(pat, words[j]):
                k = j
                while (
                    n == 0
                    and k - j < _MAX_MODIFIERS
                    and k + 1 < len(words)
                    and (words[k].replace("-", "").isalpha() or _year(words[k]))
                    and words[k] not in _NOT_MODIFIERS
                    and not self._word_matches(pat, words[k])
                    # "forces carried out": a past verb before a particle is
                    # the clause's verb, not a modifier inside "force out".
                    and not (pat in _PARTICLES and words[k].endswith("ed"))
                    # "fired tear gas at": a word that opens a phrase of its
                    # own there is no modifier of this one; "diplomatic",
                    # which opens "diplomatic protest", still modifies
                    # "severed diplomatic relations"; "peace", which opens
                    # "peace agreement", modifies "violated the peace
                    # agreement": its phrase ends on this one's noun; a verb
                    # in the past does not ("forces pulled out" is no "force
                    # out", the troops withdrew).
                    and (
                        not self._phrase_at(words, k)
                        or (self._same_head(words, k, pat) and not words[k].endswith("ed"))
                    )
                ):
                    k += 1
                if k == j or k >= len(words) or not self._word_matches(pat, words[k]):
                    return None
                j = k
            j += 1
        return j

    def find(self, words: list[str]) -> list[Hit]:
        """Longest hit starting at each word, in text order (hits may not overlap)."""
        out: list[Hit] = []
        i = 0
        while i < len(words):
            w = words[i]
            best: Hit | None = None
            for rest, label in self._candidates(w):
                end = self._rest(words, i, rest)
                if end is not None and (best is None or end > best.end):
                    best = Hit(label, i, end)
            if best:
                out.append(best)
                i = best.end
            else:
                i += 1
        return out


# --- clause structure -------------------------------------------------------

REPORT = frozenset(
    {"say", "report", "announce", "tell", "state", "add", "quote", "according", "claim"}
    | {"insist", "stress", "conclude", "declare", "note"}
    | {"confirm", "reveal", "disclose"}
)
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "these",
        "those",
        "of",
        "any",
        "no",
        "new",
        "further",
        "recent",
        "first",
        "such",
        "for",
        "in",
        "after",
        "before",
        "during",
        "following",
        "amid",
        "by",
        "on",
        "with",
        "against",
    }
)
_AUX = frozenset(
    {
        "to",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "can",
        "could",
        "must",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "did",
        "does",
        "do",
        "not",
        "never",
        "also",
        "he",
        "she",
        "it",
        "they",
        "we",
        "who",
        "which",
        "that",
        "and",
        "today",
        "yesterday",
        "then",
        "jointly",
        "finally",
        "formally",
    }
)
FUTURE = frozenset({"will", "would", "shall"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


def comma_before(tokens: Sequence[Token], sentence: str, offset: int) -> list[bool]:
    """``out[k]``: a comma, semicolon, dash or bracket stands between token k-1 and k."""
    out = [False] * len(tokens)
    for k in range(1, len(tokens)):
        gap = sentence[tokens[k - 1].end - offset : tokens[k].start - offset]
        out[k] = any(c in gap for c in ",;:()–—")
    return out


@dataclass(frozen=True, slots=True)
class Clause:
    """Token range of the event clause and where the reporter stands."""

    start: int  # first token of the event clause (after "X said (that)")
    end: int  # exclusive: a trailing ", officials said" is cut
    report_at: int | None  # the leading reporting verb, if any
    # Token indices opening a participle between commas (", backed by Russia,").
    asides: frozenset[int] = frozenset()
    # First token after a fronted phrase ("With the signing of X, ..."), else start.
    intro_end: int = 0
    # ``commas[k]``: punctuation stands between token k-1 and k.
    commas: tuple[bool, ...] = ()
    # Every token of such an aside, up to the comma that closes it (", speaking
    # after talks with the Iranian envoy,"): its triggers are not the main verb.
    aside_tokens: frozenset[int] = frozenset()


# "X said / insisted / concluded (that) ...": X reports, the clause after it is the event.
_LEADING_REPORT = frozenset(
    {"said", "says", "announced", "stated", "told", "insisted", "stressed", "concluded"}
    | {"declared", "noted"}
)
# These frame a clause only with "that" ("confirmed that US aircraft struck");
# "UN monitors reported ceasefire violations" reports the act as a noun.
_REPORT_THAT = frozenset({"confirmed", "revealed", "disclosed", "reported"})
# Words that may stand between a reporting verb and its "that": the addressee
# and a time ("told reporters on Monday that", "told the BBC that").
_TO_THAT = 8


def event_clause(tokens: Sequence[Token], sentence: str, offset: int) -> Clause:
    n = len(tokens)
    commas = comma_before(tokens, sentence, offset)
    lem = [lemmas(t.norm) for t in tokens]

    def is_report(k: int) -> bool:
        return any(x in REPORT for x in lem[k])

    end = n
    # ", a senior official said on Monday" / ", according to officials".
    for c in range(n - 1, 0, -1):
        if commas[c] and n - c <= 14 and any(is_report(k) for k in range(c, n)):
            end = c
            break
    start, report_at = 0, None
    # "X said (on Monday) (that) ..." — only in the first half, before any comma-clause.
    for k in range(min(end, 12)):
        if is_report(k) and tokens[k].norm in _REPORT_THAT:
            that = _that_after(tokens, commas, k, end)
            if that is not None:
                report_at, start = k, that + 1
                break
        if is_report(k) and tokens[k].norm in _LEADING_REPORT:
            report_at = k
            j = k + 1
            while j < end and (tokens[j].norm in ("that", "on", "in", "it", "would") or False):
                if tokens[j].norm in ("it",):
                    break
                j += 1
            start = j
            # "Witnesses told Reuters that troops opened fire": the addressee
            # between the verb and "that" is no actor of the reported act.
            that = _that_after(tokens, commas, k, end)
            if that is not None:
                start = max(start, that + 1)
            break
    asides = _participle_asides(tokens, commas, end)
    return Clause(
        start,
        end,
        report_at,
        asides,
        _intro_end(tokens, sentence, offset, start, end),
        tuple(commas),
        _aside_spans(tokens, commas, asides, end),
    )


def _that_after(tokens: Sequence[Token], commas: list[bool], k: int, end: int) -> int | None:
    """The "that" opening the content clause of the reporting verb at ``k``,
    with only its addressee and a time between ("told reporters on Monday that")."""
    for t in range(k + 1, min(k + 1 + _TO_THAT, end)):
        if commas[t] or tokens[t].norm in _LEADING_REPORT:
            return None
        if tokens[t].norm == "that":
            return t
    return None


_FRONTED = frozenset(
    [
        "according",  # "According to the army, rebels attacked …": the army reports
        "with",
        "after",
        "under",
        "in",
        "following",
        "despite",
        "amid",
        "during",
        "since",
        "before",
        "without",
        "on",
        "at",
        "for",
        "by",
    ]
)


def _intro_end(tokens: Sequence[Token], sentence: str, offset: int, start: int, end: int) -> int:
    """ "With the signing of a memorandum, the government and the rebels agreed":
    a clause opening with a preposition has its subject after the comma that
    closes the phrase."""
    if start >= end or tokens[start].norm not in _FRONTED:
        return start
    for k in range(start + 1, min(start + 25, end)):
        if "," in sentence[tokens[k - 1].end - offset : tokens[k].start - offset]:
            return k
    return start


def _participle_asides(tokens: Sequence[Token], commas: list[bool], end: int) -> frozenset[int]:
    """ "The Syrian army, backed by Russian jets, shelled ...": a participle right
    after a comma, closed by another comma before the clause ends, modifies the
    noun before it (a reduced relative clause); the sentence's verb is elsewhere.
    """
    out = set()
    for k in range(1, end):
        w = tokens[k].norm
        participle = commas[k] and (w.endswith("ed") or w in IRREGULAR)
        if participle and any(commas[j] for j in range(k + 1, min(k + 10, end))):
            out.add(k)
        elif commas[k] and w.endswith("ing") and k > 2:
            # ", charging its neighbour with ...", ", killing one person": an
            # -ing clause after the main one says how or with what result.
            out.add(k)
    return frozenset(out)


def _aside_spans(
    tokens: Sequence[Token], commas: list[bool], asides: frozenset[int], end: int
) -> frozenset[int]:
    """The tokens of each participle aside, from its opening word to the next comma.

    A participle clause between commas modifies the noun before it, so what
    happens inside it ("The president, speaking after talks with the envoy,
    accused …") is circumstance, like the participle itself.
    """
    out: set[int] = set()
    for k in sorted(asides):
        j = k
        while j < end and (j == k or not commas[j]):
            out.add(j)
            j += 1
    return frozenset(out)


def is_verbal(tokens: Sequence[Token], hit: Hit, actors: Sequence[ActorMention]) -> bool:
    """The trigger is used as a verb (a clause's predicate), not as a noun."""
    if _after_light_verb(tokens, hit):
        return True
    if hit.end - hit.start > 1:
        return not (hit.start > 0 and tokens[hit.start - 1].norm in _DETERMINERS)
    w = tokens[hit.start]
    if w.text[:1].isupper() and hit.start > 0:
        return False  # "Rally" in a name
    prev = tokens[hit.start - 1].norm if hit.start > 0 else ""
    if prev in _DETERMINERS:
        return False
    if prev in _AUX or prev in ("ever", "even", "never") or prev.endswith(("ly", "n't", "n’t")):
        return True
    inflected = w.norm.endswith(("ed", "ing")) or w.norm in IRREGULAR
    for a in actors:
        if a.end == hit.start:
            # "during a G8 summit", "in an Israeli strike": after an article or
            # a preposition the name modifies the noun; it is no subject.
            return inflected or a.start == 0 or tokens[a.start - 1].norm not in _NOUN_PHRASE_OPENERS
    return inflected


_NOUN_PHRASE_OPENERS = frozenset(
    {"a", "an", "during", "in", "at", "of", "for", "with", "against", "amid", "following"}
    | {"by", "from", "into", "over", "under", "without", "despite"}
)


# "staged mass demonstrations", "began a hunger strike", "launched an
# offensive": the noun after these verbs is the predicate.
_LIGHT_VERBS = frozenset(
    {"stage", "launch", "begin", "start", "mount", "continue", "conduct", "carry"}
)


def _after_light_verb(tokens: Sequence[Token], hit: Hit) -> bool:
    """A light verb within three words before, past articles and one modifier."""
    modifiers = 1  # "mass", "hunger", "new"
    for k in range(hit.start - 1, max(hit.start - 4, -1), -1):
        if any(x in _LIGHT_VERBS for x in lemmas(tokens[k].norm)):
            return True
        if tokens[k].norm in _DETERMINERS:
            continue
        if not modifiers:
            return False
        modifiers -= 1
    return False


def choose(
    hits: list[Hit], tokens: Sequence[Token], clause: Clause, actors: Sequence[ActorMention]
) -> Hit | None:
    """The sentence's event: first verbal trigger in the event clause, else its first trigger."""
    ranked = ranked_triggers(hits, tokens, clause, actors)
    return ranked[0] if ranked else None


def ranked_triggers(
    hits: list[Hit], tokens: Sequence[Token], clause: Clause, actors: Sequence[ActorMention]
) -> list[Hit]:
    """The clause's triggers in the order :func:`choose` prefers them: verbal ones first."""
    inside = [h for h in hits if clause.start <= h.start < clause.end]
    if not inside:
        inside = [h for h in hits if h.start < clause.end]
    background = [h for h in inside if in_background(tokens, h, clause)]
    # "... one day after a Serbian jet shot down a helicopter carrying EC truce
    # monitors": the rest of a background clause, up to the next comma, is
    # background too.
    inside = [
        h
        for h in inside
        if h not in background and not any(_same_stretch(b, h, clause, tokens) for b in background)
    ]
    # "An investigation determined that ...": the noun authors a finding and is
    # no act; unlike a background clause, what follows it may be.
    inside = [h for h in inside if not finding_noun(tokens, h)]
    # "marked the anniversary of the Srebrenica massacre": a remembered event.
    inside = [h for h in inside if not remembered(tokens, h)]
    # "Aid workers said …": the noun names people.
    inside = [h for h in inside if not names_people(tokens, h)]
    game = [h for h in inside if _SPORTS_VERBS.intersection(lemmas(tokens[h.start].norm))]
    if game and sports(tokens):
        # "Egypt beat Algeria 2-1 in a World Cup qualifier": a game, no attack.
        inside = [h for h in inside if h not in game]
    # "If Iran attacks, Israel will respond": a condition is no act.
    inside = [h for h in inside if not conditional(tokens, h, clause)]
    # "sent fuel to Gaza to ease the blockade": the aim of a delivery is no act.
    inside = [h for h in inside if not aim_of_delivery(tokens, h, clause)]
    verbal = [h for h in inside if is_verbal(tokens, h, actors) or _framing_noun(tokens, h)]

    # Asides and a fronted phrase ("After talks in Cairo, ...") come last.
    def aside(h: Hit) -> bool:
        return (
            h.start in clause.asides or h.start in clause.aside_tokens or h.start < clause.intro_end
        )

    main = [
        h
        for h in verbal
        if not aside(h) and not reduced_relative(tokens, h) and not relative(tokens, h)
    ]
    # "The arrests drew criticism from Amnesty": the reaction is the act.
    main = [h for h in inside if not aside(h) and reaction_from(tokens, h)] + main
    # "imposed sanctions on Iran to pressure it": an aim ranks after the
    # verbs of what was done, before the nouns.
    aims = [h for h in main if purpose_infinitive(tokens, h, clause) is not None]
    main = [h for h in main if h not in aims] + aims
    nominal = [h for h in inside if h not in verbal and not aside(h) and h not in main]
    return main + nominal + [h for h in inside if h not in main and h not in nominal]


_RELATIVE = frozenset({"who", "which", "whose"})
_RELATIVE_FILLERS = _AUX | frozenset({"had", "has", "have", "reportedly", "allegedly"})


def relative(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "Rebels who attacked a convoy on Monday were arrested by police": the
    verb of a relative clause describes a noun; the sentence's verb comes after
    it. Ranked after the main clause's verbs, it is still the event when the
    sentence has no other.
    """
    for k in range(hit.start - 1, max(hit.start - 4, 0) - 1, -1):
        w = tokens[k].norm
        if w in _RELATIVE:
            return k > 0
        if w not in _RELATIVE_FILLERS and not w.endswith("ly"):
            return False
    return False


_CONDITION = frozenset({"if", "unless"})


def conditional(tokens: Sequence[Token], hit: Hit, clause: Clause) -> bool:
    """The trigger is in an "if" or "unless" clause, which a comma has not closed.

    "If Iran attacks, Israel will respond", "threatened to break relations
    unless the Kremlin closed its radar base": the condition has not happened.
    """
    for k in range(hit.start - 1, max(clause.start, hit.start - 12) - 1, -1):
        if clause.commas and clause.commas[k + 1]:
            return False
        if tokens[k].norm in _CONDITION:
            return True
        if k == clause.start and tokens[k].norm in _INVERTED and k + 1 < hit.start:
            # "Should Hamas fire rockets, Israel would retaliate", "Were Iran to
            # attack, …": an inverted condition opens the clause. ("Had troops
            # not fired, …" says they did: not read as a condition.)
            return True
    return hypothetical(tokens, hit)


_INVERTED = frozenset({"should", "were"})
# Verbs that news of a game shares with news of a war ("attack" is left out:
# "gunmen attacked fans at the stadium" is an attack).
_SPORTS_VERBS = frozenset(
    {"beat", "defeat", "crush", "thrash", "stun", "knock", "rout", "edge", "host", "beating"}
    | {"capture", "overcome", "eliminate", "trounce", "hammer", "down", "humiliate", "overpower"}
    | {"clinch", "sink", "shock"}
)
# Words of a game's report: the first set weighs two, the second one.
_SPORTS_STRONG = frozenset(
    {"cup", "qualifier", "qualifiers", "derby", "tournament", "championship", "championships"}
    | {"olympic", "olympics", "penalties", "quarter-final", "quarter-finals", "quarterfinal"}
    | {"quarterfinals", "semi-final", "semi-finals", "semifinal", "semifinals", "playoff"}
    | {"play-off", "goalkeeper", "midfielder", "striker", "footballers"}
)
_SPORTS_WEAK = frozenset(
    {"league", "stadium", "match", "fixture", "friendly", "scored", "medal", "medals"}
    | {"wrestlers", "title", "football", "soccer", "basketball", "handball", "fans"}
)


def sports(tokens: Sequence[Token]) -> bool:
    """The sentence reports a game: a score ("2-1", "3–0") or two words of sport
    ("World Cup qualifier"; one of the strong ones counts two)."""
    weight = 0
    for k, t in enumerate(tokens):
        weight += 2 * (t.norm in _SPORTS_STRONG) + (t.norm in _SPORTS_WEAK)
        if (
            t.norm.isdigit()
            and len(t.norm) <= 2
            and k + 1 < len(tokens)
            and tokens[k + 1].norm.isdigit()
            and len(tokens[k + 1].norm) <= 2
            and tokens[k + 1].start - t.end == 1
        ):
            return True
    return weight >= 2


# Nouns whose "of" names an event of the past that the sentence only recalls.
_RECALL = frozenset(
    {"anniversary", "anniversaries", "commemoration", "memory", "memorial", "remembrance"}
    | {"survivor", "survivors", "legacy", "commemorate", "commemorates", "commemorated"}
    | {"commemorating", "mark", "marks", "marked", "marking"}
)


def remembered(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "the anniversary of the 1994 genocide", "survivors of the 2015 bombing",
    "commemorated the victims of the war": the trigger names an event the
    sentence recalls, not one it reports. Up to five words (article, year,
    names, "victims of") stand between."""
    for k in range(hit.start - 1, max(hit.start - 7, 0) - 1, -1):
        w = tokens[k].norm
        if w in _RECALL and (w.startswith(("comm", "mark")) or tokens[k + 1].norm == "of"):
            return True
        if w in (",", ";") or w in _AUX or w.endswith("ed") and w not in _RECALL:
            return False
    return False


# "fearing an attack by the rebels", "amid fears of a coup", "the risk of war":
# the act is feared or possible, it has not happened.
_FEARED = frozenset(
    {"fear", "fears", "feared", "fearing", "risk", "risks", "danger", "prospect", "possibility"}
    | {"spectre", "specter", "likelihood"}
)
_FEAR_SKIP = frozenset({"of", "a", "an", "the", "any", "new", "further", "renewed", "possible"})


def hypothetical(tokens: Sequence[Token], hit: Hit) -> bool:
    """The trigger is a noun that a fear or a risk governs ("fears of a military
    coup", "residents fled fearing an attack", "the danger of renewed fighting")."""
    if hit.start > 0 and tokens[hit.start - 1].norm == "any" and hit.label in HOSTILE:
        return True  # "will respond with force to any attack": none has happened
    k = hit.start - 1
    while k >= 0 and hit.start - k <= 4 and tokens[k].norm in _FEAR_SKIP:
        k -= 1
    # "the threat of sanctions" is not among them: it names a threat (CAMEO 13).
    return k >= 0 and k < hit.start - 1 and tokens[k].norm in _FEARED


def reduced_relative(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "held a meeting with Obama at a lunch hosted by the ambassador": a past
    participle with a "by" agent right after a common noun modifies that noun (a
    reduced passive relative clause); it is no predicate of the sentence.

    After an auxiliary or an adverb ("was opposed by", "fiercely opposed by")
    it is the passive verb and is left as it is. Ranked last, such a participle
    is still the event when the sentence has no other trigger ("Two soldiers
    killed by a roadside bomb in Kabul").
    """
    if hit.end - hit.start != 1 or hit.start == 0 or hit.end >= len(tokens):
        return False
    w = tokens[hit.start].norm
    if not (w.endswith("ed") or w in PARTICIPLES) or tokens[hit.end].norm != "by":
        return False
    prev = tokens[hit.start - 1]
    if prev.norm in _AUX or prev.norm in _PASSIVE or not prev.norm.isalpha():
        return False
    if hit.start > 1 and not prev.text[:1].islower():
        # "Bashir on Thursday shortened by one hour …": after a name or a day
        # the participle form is the past-tense verb.
        return False
    nxt = tokens[hit.end + 1].norm if hit.end + 1 < len(tokens) else ""
    if nxt[:1].isdigit() or nxt in _NUMBER_WORDS:
        return False  # "by one hour", "by 20 percent": a measure, no agent
    return not prev.norm.endswith("ly")


_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half"}
)


def coordinated_verb(
    hits: list[Hit], tokens: Sequence[Token], clause: Clause, first: Hit
) -> Hit | None:
    """ "The government condemned the attack and promised aid to the villages":
    a second verb joined to the event's verb by "and" shares its subject and is
    an event of its own.

    Only a past verb right after "and" (no subject of its own) in the same
    clause counts, of another type than the first.
    """
    w0 = tokens[first.start].norm
    if not (w0.endswith("ed") or w0 in IRREGULAR):
        return None
    for h in hits:
        if h.start <= first.end or not (clause.start <= h.start < clause.end):
            continue
        if h.start in clause.asides:
            continue
        if tokens[h.start - 1].norm != "and":
            # "The army shelled the camp and rebels retaliated with rockets": a
            # second clause with a subject of its own is an event of its own,
            # of any type.
            w = tokens[h.start].norm
            own = own_subject_start(tokens, h.start, clause)
            if own is not None and own > first.end and (w.endswith("ed") or w in IRREGULAR):
                return h
            continue
        w = tokens[h.start].norm
        if h.label == first.label or any(x in REPORT for x in lemmas(w)):
            # "killed two and wounded five" is one attack; "and insisted
            # (that) ..." reports, its content is no act of the subject's.
            return None
        if w.endswith("ed") or w in PARTICIPLES:
            return h
    return None


_SUBJECT_SKIP = frozenset({"the", "a", "an", "its", "their", "his", "her", "some", "several"})
_PERFECT = frozenset({"has", "have", "had"})


def own_subject_start(tokens: Sequence[Token], verb: int, clause: Clause) -> int | None:
    """ "The army shelled the camp and rebels retaliated": the first token of a
    second clause joined by "and" whose subject (one to four words, no verb
    among them) stands between the "and" and the verb at ``verb``, after a
    past verb of the first clause. None when there is no such clause ("Egypt
    and Jordan agreed" has no verb before its "and")."""
    if not any(t.norm == "and" for t in tokens[max(clause.start, verb - 7) : verb]):
        return None
    head = verb
    while head > 0 and tokens[head - 1].norm in _PERFECT:
        head -= 1  # "and rebels have retaliated"
    for k in range(head - 1, max(clause.start, head - 6) - 1, -1):
        if clause.commas and clause.commas[k + 1]:
            return None
        w = tokens[k].norm
        if w == "and":
            break
        if w in _AUX or w in _NOT_MODIFIERS or w.endswith(("ed", "ing")) or w in IRREGULAR:
            return None
    else:
        return None
    subject = [t.norm for t in tokens[k + 1 : head] if t.norm not in _SUBJECT_SKIP]
    if not subject:
        return None
    for j in range(clause.start, k):
        w = tokens[j].norm
        if (w.endswith("ed") or w in PARTICIPLES) and not (
            j + 1 < len(tokens) and tokens[j + 1].norm == "by"
        ):
            return k + 1
    return None


# "halted its offensive", "suspended air strikes", "called off the strike":
# ending a hostile act is a de-escalation (CAMEO 087, PLOVER RETREAT).
_CEASE = frozenset({"halt", "stop", "end", "suspend", "cease", "abandon", "freeze"})
_CEASE_PARTICLE = {"call": "off", "wind": "down"}


def ceased(hits: list[Hit], tokens: Sequence[Token], best: Hit) -> Hit | None:
    """A verb of stopping with a hostile act as its object: the RETREAT it
    makes, spanning verb and noun, else None.

    ``best`` is the hostile noun ("halted its offensive") or the stopping verb
    itself when it is a trigger ("suspended" is a SANCTION: "suspended air
    strikes" is not).
    """
    if best.end - best.start == 1 and _cease_at(tokens, best.start):
        nxt = next((h for h in hits if h.start >= best.end), None)
        if nxt is not None and nxt.label in HOSTILE and _object_gap(tokens, best.end, nxt.start):
            return Hit("RETREAT", best.start, nxt.end)
        return None
    if best.label not in HOSTILE:
        return None
    for k in range(best.start - 1, max(best.start - 5, -1), -1):
        if _cease_at(tokens, k):
            verb = k - 1 if tokens[k].norm in _CEASE_PARTICLE.values() else k
            return (
                Hit("RETREAT", verb, best.end) if _object_gap(tokens, k + 1, best.start) else None
            )
    return None


def _cease_at(tokens: Sequence[Token], k: int) -> bool:
    lem = lemmas(tokens[k].norm)
    if any(x in _CEASE for x in lem):
        return tokens[k].norm != "end" or k == 0 or tokens[k - 1].norm not in _DETERMINERS
    if k > 0 and tokens[k].norm in _CEASE_PARTICLE.values():
        return any(_CEASE_PARTICLE.get(x) == tokens[k].norm for x in lemmas(tokens[k - 1].norm))
    return False


def _object_gap(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Only determiners and at most two modifiers between a verb and its object."""
    words = [t.norm for t in tokens[a:b]]
    rest = [w for w in words if w not in _DETERMINERS]
    return (
        len(rest) <= 2
        and all(w.replace("-", "").isalpha() for w in rest)
        and not any(w in _NOT_MODIFIERS for w in rest)
    )


def _same_stretch(b: Hit, h: Hit, clause: Clause, tokens: Sequence[Token] = ()) -> bool:
    """``h`` follows ``b`` with no punctuation between them, or stands between
    ``b`` and the subordinator that opens its clause ("when one of the
    suicide bombers detonated a device": the bombers are background too)."""
    if b.start < h.start:
        return not any(clause.commas[b.end : h.start + 1])
    if not tokens or h.start >= b.start:
        return False
    for k in range(b.start - 2, max(clause.start, b.start - 7) - 1, -1):
        if tokens[k].norm in _SUBORDINATOR:
            return k < h.start and not any(clause.commas[k + 1 : b.start + 1])
    return False


_FRAMING = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})


def _framing_noun(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "its demand that Israel ease ...", "accusations that ...": the noun frames
    the clause after it, whose own trigger is only its content."""
    if hit.label not in _FRAMING or hit.end - hit.start != 1:
        return False
    k = hit.end
    # "its demand (on Monday / today) that ..."
    while k < len(tokens) and k - hit.end < 2 and tokens[k].norm in _WHEN_WORDS:
        k += 1
    return k < len(tokens) and tokens[k].norm == "that"


_WHEN_WORDS = frozenset(
    {"on", "today", "yesterday", "tonight", "again", "monday", "tuesday", "wednesday"}
    | {"thursday", "friday", "saturday", "sunday"}
)


_SUBORDINATOR = frozenset({"after", "since", "before", "when", "because", "as", "until"})

_STRIKE = frozenset({"strike", "strikes", "struck", "striking"})
_AT_WHOM = frozenset({"on", "against", "at"})
_OBJECT_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "several", "two"})
_DAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tonight",
    ]
)


def strike_is_attack(tokens: Sequence[Token], hit: Hit) -> bool:
    """A bare "strike" that is an attack, not a walk-out.

    A labour strike is intransitive ("workers struck for higher pay", "an
    open-ended strike on Monday over a bill"); an attack has a target: the
    noun takes "on", "against" or "at" before what is hit ("Israeli strikes
    on Gaza"), the verb a direct object ("warplanes struck Gaza", "struck a
    convoy"). A time after "on" is when, not what.
    """
    if hit.end - hit.start != 1 or tokens[hit.start].norm not in _STRIKE:
        return False
    if hit.start > 0 and tokens[hit.start - 1].norm in ("on", "hunger", "general"):
        return False  # "went on strike"
    k = hit.end
    if k >= len(tokens):
        return False
    nxt = tokens[k]
    if nxt.norm in _AT_WHOM:
        return k + 1 < len(tokens) and tokens[k + 1].norm not in _DAYS
    if tokens[hit.start].norm in ("struck", "striking") or (
        tokens[hit.start].norm == "strike"
        and hit.start > 0
        and tokens[hit.start - 1].norm in ("to", "will", "would", "could", "may", "might", "did")
    ):
        # The verb: a direct object follows, or a weapon or force struck.
        if nxt.norm in _OBJECT_OPENERS or (nxt.text[:1].isupper() and nxt.norm not in _DAYS):
            return True
        if any(t.norm in _STRIKERS for t in tokens[max(0, hit.start - 3) : hit.start]):
            return True  # "Israeli warplanes struck", "a drone struck"
        # "struck targets", "struck positions": a bare plural noun object;
        # "workers struck for higher pay", "struck again" are walk-outs.
        return (
            nxt.text.isalpha()
            and nxt.text.islower()
            and nxt.norm.endswith("s")
            and nxt.norm not in _NOT_OBJECTS
            and not nxt.norm.endswith(("ly", "ss"))
        )
    return False


# Who or what strikes in an attack ("warplanes struck", "a missile struck").
_STRIKERS = frozenset(
    [
        "warplanes",
        "jets",
        "aircraft",
        "planes",
        "drone",
        "drones",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "shell",
        "shells",
        "artillery",
        "helicopters",
        "bombers",
        "troops",
        "forces",
        "army",
        "militants",
        "gunmen",
        "bomb",
        "bomber",
    ]
)
_NOT_OBJECTS = frozenset(["across", "towards", "afterwards", "is", "was", "has", "as", "this"])


def in_background(tokens: Sequence[Token], hit: Hit, clause: Clause) -> bool:
    """The trigger is the past-tense verb of a subordinate clause with its own subject.

    "... almost five years after crowds trashed its embassy": background, not
    the sentence's event. "after fierce fighting" (a noun) is not matched.
    """
    w = tokens[hit.start].norm
    if not (w.endswith("ed") or w in IRREGULAR):
        return False
    if hit.start > 0 and tokens[hit.start - 1].norm in _DETERMINERS:
        return False
    # A fronted "After talks in Cairo," is closed by its comma: the verb after
    # it is the main clause's.
    floor = clause.intro_end if clause.intro_end <= hit.start else clause.start
    for k in range(hit.start - 2, max(floor, hit.start - 7) - 1, -1):
        if clause.commas and any(clause.commas[k + 1 : hit.start + 1]):
            # "The president, speaking after talks with the envoy, accused …":
            # a comma closes the subordinate phrase; the verb after it is the
            # main clause's.
            return False
        if tokens[k].norm in _SUBORDINATOR:
            return True
    return False


def demand_at(tokens: Sequence[Token], clause: Clause) -> int | None:
    """Token index of "must" in "X said (that) Y must ...": X demands of Y (REQUEST).

    "Russia said on Tuesday that Sudan must return a helicopter" is a demand
    by Russia (PLOVER DEMAND, CAMEO 10), not Sudan's return.
    """
    if clause.report_at is None:
        return None
    for k in range(max(clause.start, clause.report_at + 1), clause.end):
        if tokens[k].norm == "must":
            return k
    return None


# Words that may stand between a negation or a modal and its verb:
# "did not ever clash", "won't even try to clash", "will not be rushed".
_VERB_GROUP = frozenset(
    {
        "not",
        "also",
        "soon",
        "be",
        "been",
        "ever",
        "even",
        "now",
        "yet",
        "still",
        "again",
        "try",
        "to",
        "have",
        "has",
        "do",
        "does",
        "did",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
    }
)
_REFUSE = frozenset({"refuse", "decline", "fail"})
# "failed to reach an agreement", "did not hold talks": the noun is the act.
_LIGHT = frozenset({"reach", "hold", "make", "conclude", "a", "an", "the", "any"})
# A hostile act that did not happen ("did not attack") is no event: the PETRARCH
# suite codes it as cooperation (050), but a cooperative event in an early-warning
# series for "troops did not clash" would mislead. Set to "SUPPORT" for the suite's
# convention.
NEGATED_HOSTILE: str | None = None


# "no agreement was reached", "without a deal", "no immediate casualties".
_NOUN_NEGATORS = frozenset({"no", "without"})
_NOUN_SKIP = frozenset({"a", "an", "the", "any", "immediate", "new", "further", "real", "final"})
# "no one was killed", "nobody was hurt": a negated subject.
_NO_SUBJECT = frozenset({"nobody", "none", "noone"})
_PASSIVE = frozenset({"was", "were", "been", "be", "is", "are", "has", "have", "had", "being"})
# "talks failed", "negotiations broke down": the cooperative act did not come about.
_FAILED_AFTER = frozenset({"fail", "collapse", "stall", "falter", "founder", "break", "deadlock"})


def negated(tokens: Sequence[Token], hit: Hit) -> bool:
    """The trigger is negated: "did not clash", "won't attack", "failed to reach",
    "no agreement was reached", "no one was killed", "talks failed"."""
    if _noun_negated(tokens, hit) or _subject_negated(tokens, hit) or _failed_after(tokens, hit):
        return True
    k = hit.start - 1
    while k >= 0:
        w = tokens[k].norm.replace("’", "'")
        if w in ("not", "never", "cannot") or w.endswith("n't"):
            return True
        if w == "to" and k > 0 and any(x in _REFUSE for x in lemmas(tokens[k - 1].norm)):
            return True
        if not (w in _VERB_GROUP or w in _LIGHT or w in FUTURE or w.endswith("ly")):
            return False
        k -= 1
    return False


def nominal_negation(tokens: Sequence[Token], hit: Hit) -> bool:
    """The trigger's noun or its subject is negated: "no casualties", "no one was killed"."""
    return _noun_negated(tokens, hit) or _subject_negated(tokens, hit)


_EXIST = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will"})


def existential_negation(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "(officials said) there had been no talks", "there was no agreement".

    The sentence says the act did not take place and names no one who
    refused it, so it is no event of either kind; "no agreement was
    reached" keeps its REJECT (someone failed to agree).
    """
    if not _noun_negated(tokens, hit):
        return False
    k = hit.start - 1
    while k >= 0 and tokens[k].norm not in _NOUN_NEGATORS:
        k -= 1
    k -= 1
    while k >= 0 and tokens[k].norm in _EXIST:
        k -= 1
    return k >= 0 and k < hit.start - 2 and tokens[k].norm == "there"


# Hedges: the report does not vouch for the act ("reportedly attacked",
# "allegedly shelled", "were said to have fired", "is believed to have").
_HEDGE_ADVERBS = frozenset(
    {"reportedly", "allegedly", "apparently", "purportedly", "supposedly", "possibly"}
)
_HEDGE_VERBS = frozenset({"say", "report", "believe", "think", "allege", "rumour", "rumor"})


def hedged(tokens: Sequence[Token], start: int) -> bool:
    """The act at ``start`` is reported with a hedge, in the verb group before it."""
    k = start - 1
    while k >= 0 and start - k <= 6:
        w = tokens[k].norm
        if w in _HEDGE_ADVERBS:
            return True
        if (
            w == "to"
            and k >= 2
            and tokens[k - 2].norm in _PASSIVE
            and any(x in _HEDGE_VERBS for x in lemmas(tokens[k - 1].norm))
        ):
            return True  # "were said to have shelled"
        if not (w in _VERB_GROUP or w in FUTURE or w == "to" or w.endswith("ly")):
            return False
        k -= 1
    return start < len(tokens) - 1 and tokens[start + 1].norm in _HEDGE_ADVERBS


def _noun_negated(tokens: Sequence[Token], hit: Hit) -> bool:
    k, skipped = hit.start - 1, 0
    while k >= 0 and skipped <= 2:
        w = tokens[k].norm
        if w in _NOUN_NEGATORS:
            return True
        if w not in _NOUN_SKIP:
            return False
        k, skipped = k - 1, skipped + 1
    return False


def _subject_negated(tokens: Sequence[Token], hit: Hit) -> bool:
    k = hit.start - 1
    while k >= 0 and (tokens[k].norm in _PASSIVE or tokens[k].norm.endswith("ly")):
        k -= 1
    if k == hit.start - 1 or k < 0:
        return False
    w = tokens[k].norm
    return w in _NO_SUBJECT or (w == "one" and k > 0 and tokens[k - 1].norm == "no")


def _failed_after(tokens: Sequence[Token], hit: Hit) -> bool:
    """A cooperative noun whose own verb says it failed: "talks (between A and B) collapsed"."""
    w = tokens[hit.end - 1].norm
    if w.endswith(("ed", "ing")) or w in IRREGULAR:
        return False  # a verb ("agreed"), not the noun of the act
    for k in range(hit.end, min(hit.end + 8, len(tokens))):
        lem = lemmas(tokens[k].norm)
        if any(x in _FAILED_AFTER for x in lem):
            return not ("break" in lem and (k + 1 >= len(tokens) or tokens[k + 1].norm != "down"))
        if tokens[k].norm in ("that", "which", "who", "after", "because", "but", "while"):
            return False
    return False


# "denied any involvement", "denied reports that ...": a denial of
# responsibility or of a claim is a statement (CAMEO 016), which PLOVER does
# not code, not a rejection of a proposal (CAMEO 12).
_DENIED = frozenset(
    {
        "involvement",
        "responsibility",
        "role",
        "link",
        "links",
        "connection",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "report",
        "reports",
        "claim",
        "claims",
        "charge",
        "charges",
        "wrongdoing",
        "knowledge",
        "having",
        "being",
        "that",
        "it",
        "they",
        "any",
    }
)


def is_denial(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "X denied (any) involvement / reports / that ...": no event."""
    if "deny" not in lemmas(tokens[hit.start].norm) or hit.end - hit.start != 1:
        return False
    k = hit.end
    while k < len(tokens) and tokens[k].norm in ("the", "a", "an", "its", "their", "his", "her"):
        k += 1
    return k < len(tokens) and tokens[k].norm in _DENIED


def modal_type(tokens: Sequence[Token], hit: Hit, label: str) -> str | None:
    """The event type once negation and the future are read.

    A negated cooperative act ("will not accept", "failed to reach an
    agreement") is a REJECT (CAMEO 12: refuse, decline); a negated hostile
    one ("did not clash", "will not attack") is no event (None), see
    :data:`NEGATED_HOSTILE`.
    A future hostile act is a threat, a future cooperative one an intent (AGREE).
    """
    if label == "REJECT" and is_denial(tokens, hit):
        return None
    if label == "AGREE" and unrealised_accord(tokens, hit):
        return None
    if existential_negation(tokens, hit):
        return None
    if negated(tokens, hit):
        if label in COOPERATIVE or label == "AGREE":
            return "REJECT"
        if label in HOSTILE or label in ("THREATEN", "PROTEST"):
            return NEGATED_HOSTILE
        return label
    k = hit.start - 1
    while k >= 0 and (
        tokens[k].norm in ("not", "also", "soon", "be") or tokens[k].norm.endswith("ly")
    ):
        k -= 1
    if k >= 0 and tokens[k].norm in FUTURE:
        if label in HOSTILE:
            return "THREATEN"
        if any(t.norm == "unless" for t in tokens[hit.end : hit.end + 20]):
            return "THREATEN"  # "will withdraw its force unless ...": an ultimatum (CAMEO 13)
        if label in COOPERATIVE:
            return "AGREE"
    if k >= 0 and tokens[k].norm in _SPECULATIVE and label in HOSTILE:
        # "Israel may strike Iran": a possibility is no attack. "Iran said it
        # could strike": the actor itself names the possibility, a threat.
        return "THREATEN" if k > 0 and tokens[k - 1].norm in _SELF else None
    return label


_SPECULATIVE = frozenset({"may", "might", "could"})
_SELF = frozenset({"it", "they", "he", "she", "we"})


# --- seventh round: which trigger is the act ---------------------------------

# Verbs whose subject is the author of a finding, not an actor of the act.
_FINDING = frozenset(
    {"say", "find", "determine", "conclude", "show", "reveal", "state", "indicate"}
    | {"suggest", "establish", "confirm", "report"}
)


def finding_noun(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "An investigation determined that ...", "The report said that ...": a
    noun that is the subject of a verb of saying or finding names the source of
    a statement, not an act; the clause after "that" may still hold one."""
    if hit.end - hit.start != 1:
        return False
    w = tokens[hit.start].norm
    if w.endswith("ed") or w in IRREGULAR:
        return False
    if hit.start > 0 and tokens[hit.start - 1].norm not in _DETERMINERS:
        return False
    k = hit.end
    while k < len(tokens) and tokens[k].norm in ("has", "have", "had", "also"):
        k += 1
    return (
        k + 1 < len(tokens)
        and any(x in _FINDING for x in lemmas(tokens[k].norm))
        and tokens[k + 1].norm == "that"
    )


_CONTENT_SUBJECT_SKIP = frozenset({"a", "an", "the", "any", "such", "this", "that", "new"})
_PRONOUNS = frozenset({"i", "we", "they", "it", "he", "she", "you"})


def warned_of_outcome(tokens: Sequence[Token], hit: Hit, actors: Sequence[ActorMention]) -> bool:
    """ "warned that a blockade of the bay would harm all countries": a warning
    whose content clause has a thing, not an actor or pronoun, as its subject
    is a forecast (CAMEO 010 statement, no PLOVER type), not a threat to act.
    "warned that police will no longer tolerate rallies" and "warned that it
    would retaliate" name who would act and stay threats; so does any
    "... unless ..." ultimatum."""
    if hit.end - hit.start != 1 or "warn" not in lemmas(tokens[hit.start].norm):
        return False
    k = hit.end
    if k >= len(tokens) or tokens[k].norm != "that":
        return False
    k += 1
    while k < len(tokens) and tokens[k].norm in _CONTENT_SUBJECT_SKIP:
        k += 1
    if k >= len(tokens) or tokens[k].norm in _PRONOUNS or tokens[k].text[:1].isupper():
        return False
    if any(a.start <= k < a.end for a in actors):
        return False
    return not any(t.norm in ("unless", "if") for t in tokens[hit.end :])


_FRONTIER = frozenset({"border", "borders", "frontier", "frontiers", "front", "frontline"})


def military_march(tokens: Sequence[Token], hit: Hit, actors: Sequence[ActorMention]) -> bool:
    """ "has marched very close to the border", "troops marched into the town":
    a march toward a frontier, or by soldiers, is a troop movement (CAMEO 15,
    PLOVER MOBILIZE), not a street protest."""
    if "march" not in lemmas(tokens[hit.start].norm):
        return False
    for k in range(hit.end, min(hit.end + 6, len(tokens))):
        if tokens[k].norm in _FRONTIER:
            return True
        if tokens[k].norm in (",", ";", "and", "but"):
            break
    subject = [a for a in actors if a.end <= hit.start]
    return bool(subject) and subject[-1].sector == "MIL" and subject[-1].end >= hit.start - 3


_TIME_AFTER_OVER = frozenset(
    {"weekend", "night", "past", "last", "next", "holiday", "holidays", "course", "years"}
    | {"months", "weeks", "days", "hours", "decades"}
)


def verbal_clash(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "clashed over the efforts of Eriador", "clashed about the budget": a
    clash over an issue is a dispute (CAMEO 11, PLOVER ACCUSE); "clashed with
    troops" and "clashed over the weekend" stay fighting."""
    if "clash" not in lemmas(tokens[hit.start].norm) or hit.end >= len(tokens):
        return False
    if tokens[hit.end].norm not in ("over", "about"):
        return False
    rest = [t.norm for t in tokens[hit.end + 1 : hit.end + 3]]
    return not rest or not (
        any(w in _TIME_AFTER_OVER for w in rest) or any(w.isdigit() for w in rest)
    )


_COPULA = frozenset({"is", "are", "was", "were", "be", "been", "being", "remain", "remains"})
_NEARER = frozenset({"near", "nearer", "close", "closer", "toward", "towards"})


def unrealised_accord(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "was in an accord with", "is inching nearer to accord with": an accord
    named as a state or a goal, with no verb making it, is no act of agreeing
    (CAMEO 013 optimistic comment at most, no PLOVER type)."""
    if hit.end - hit.start != 1:
        return False
    w = tokens[hit.start].norm
    if w.endswith("ed") or w in IRREGULAR:
        return False
    k = hit.start - 1
    while k >= 0 and tokens[k].norm in ("a", "an", "the", "full", "complete", "final"):
        k -= 1
    if k < 1:
        return False
    prep, before = tokens[k].norm, tokens[k - 1].norm
    if prep == "in":
        return before in _COPULA
    if prep == "to":
        return before in _NEARER
    return prep in ("toward", "towards")


_ASK_FOR = frozenset(
    {"ask", "appeal", "bargain", "plead", "apply", "press", "push", "lobby", "call", "beg"}
)


def asked_for(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "will bargain for foreign asylum", "lobbied for more military aid": the
    thing given, after "for" and a verb of asking, is what the subject requests
    (REQUEST), not an aid event. Up to three articles or modifiers may stand
    between "for" and the noun."""
    for k in range(hit.start - 1, max(hit.start - 5, 0), -1):
        w = tokens[k].norm
        if w == "for":
            return any(x in _ASK_FOR for x in lemmas(tokens[k - 1].norm))
        if not (w in _DETERMINERS or (w.isalpha() and tokens[k].text.islower())):
            return False
    return False


# --- actors -----------------------------------------------------------------

_NAME_STOPWORDS = """
    the a an in on at of for and but or as after before with by from to this that these
    those it its he she they we his her their our there here when while if since during
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms dr gen lt col maj
    sgt capt adm rep sen st
"""
# Words that open a sentence or a noun phrase in capitals without naming anyone.
_NAME_STOPWORDS += """
    under without despite following amid among over about against into across through
    senior top former new old both all some several many most one two three four five
    ten hundreds thousands dozens what why how where who which whose also however meanwhile
    earlier later last next yesterday today tonight once only even then thus so because
    although though unlike like according president's no nor neither nobody none
    should were
"""
# Closed-class quantity words that open a sentence ("Tens of thousands of
# students", "Up to 100 Albanians"): the actor is the noun after them.
_NAME_STOPWORDS += """
    up tens scores millions six seven eight nine twenty fifty more fewer less nearly
    almost around roughly least
"""
_NOT_NAMES = frozenset(_NAME_STOPWORDS.split())
NOT_NAMES = _NOT_NAMES
_PUNCT = frozenset(",;")
WHERE = frozenset({"in", "at", "near", "into", "across", "outside", "inside", "around"})
_WHERE = WHERE


def name_actors(
    tokens: Sequence[Token],
    known: list[ActorMention],
    text: str,
    places: Sequence[tuple[int, int]],
    triggers: Sequence[int] = (),
    objects: Sequence[int] = (),
) -> list[ActorMention]:
    """Known actors plus capitalised names no dictionary knows, adjacent ones merged.

    ``places`` are token ranges of gazetteer places: a name that is a place is
    not turned into an actor here (places are where, unless a dictionary says
    otherwise). ``triggers`` are the token indices where event triggers start:
    a sentence that opens with a plural or -ing trigger ("Talks between …",
    "Clashes erupted …", "Fighting spread …") is capitalised for the sentence;
    a singular one may open a name ("Rally for Culture and Democracy").
    ``objects`` are the token indices right after a trigger that ends in a
    preposition ("arrived in Gondor"): the name there is whom the act goes
    to, not where it happens.
    """
    # "the South China Sea", "the Jordan Valley", "the Persian Gulf port": a
    # known name that a landform word closes names the water or the land.
    water = [a for a in known if _feature_after(tokens, a.end)]
    known = [a for a in known if a not in water]
    taken = [False] * len(tokens)
    for a in water:
        k = a.start
        while k > 0 and tokens[k - 1].text[:1].isupper():
            k -= 1  # "South" / "East" in "the South China Sea"
        for j in range(k, a.end + 1):
            taken[j] = True
    for a in known:
        for k in range(a.start, a.end):
            taken[k] = True
    for a, b in places:
        for k in range(a, min(b, len(tokens))):
            taken[k] = True
    if tokens and 0 in triggers:
        w = tokens[0].norm
        if w.endswith("ing") or (w.endswith("s") and not w.endswith("ss")):
            taken[0] = True
    out = list(known)
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if taken[k] or not _is_name(t, k):
            k += 1
            continue
        j = k + 1
        # A comma ends a name: "Mordor, Rohan, Arnor and Bree" are four.
        while (
            j < len(tokens)
            and not taken[j]
            and _is_name(tokens[j], j)
            and not _PUNCT.intersection(text[tokens[j - 1].end : tokens[j].start])
        ):
            j += 1
        if j == k + 1 and _creed(tokens, k):
            # "Moslem fundamentalist demonstrators", "a Christian missionary
            # from Calgary": the faith and the noun after it are the actor,
            # a coded noun ("Shiite militia") alone.
            e = k + 1
            while (
                e < len(tokens)
                and e - k <= 2
                and not taken[e]
                and tokens[e].text.isalpha()
                and tokens[e].text.islower()
                and tokens[e].norm not in _NOT_NAMES
                and tokens[e].norm not in _AUX
                and not tokens[e].norm.endswith(("ed", "ing", "ly"))
            ):
                e += 1
            if e > k + 1 and not (e < len(tokens) and taken[e]):
                out.append(ActorMention(text[t.start : tokens[e - 1].end], k, e, None, None))
            k = e
            continue
        if k == 0 and j == 1 and _opens_subject(tokens, known, triggers):
            k = j  # "Human rights watchdog Amnesty International accused": no name
            continue
        if (
            k > 0
            and tokens[k - 1].norm in _WHERE
            and not _body_in(known, k - 1)
            and k not in objects
        ) or _named_place(tokens, k):
            k = j  # "in Geneva": a place the gazetteer does not know, not an actor
            continue
        if tokens[j - 1].norm in _FEATURES or (j == k + 1 and t.norm in _FEATURES):
            k = j  # "the Red Sea", "the Litani River", "the Gulf of Aden": water and land
            continue
        out.append(ActorMention(text[t.start : tokens[j - 1].end], k, j, None, None))
        k = j
    out.sort(key=lambda a: a.start)
    return _merge(out, tokens, text)


# "the town of Samarra", "the province of Sindh": the name after "of" is the place.
_PLACE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "province",
        "region",
        "district",
        "state",
        "county",
        "capital",
        "port",
        "island",
        "governorate",
        "municipality",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "area",
    ]
)


# Names of seas, rivers and landforms end in (or are) one of these.
_FEATURES = frozenset(
    [
        "sea",
        "gulf",
        "river",
        "strait",
        "straits",
        "ocean",
        "lake",
        "mountains",
        "canal",
        "bay",
        "peninsula",
        "desert",
        "valley",
        "coast",
        "basin",
        "heights",
        "plateau",
        "delta",
    ]
)


def _feature_after(tokens: Sequence[Token], k: int) -> bool:
    """A capitalised landform word at ``k`` ends the name ("China Sea", not
    "Coast Guard", "Gulf Cooperation Council")."""
    if k >= len(tokens) or tokens[k].norm not in _FEATURES or not tokens[k].text[:1].isupper():
        return False
    return k + 1 == len(tokens) or not tokens[k + 1].text[:1].isupper()


def _named_place(tokens: Sequence[Token], k: int) -> bool:
    return k >= 2 and tokens[k - 1].norm == "of" and tokens[k - 2].norm in _PLACE_NOUNS


def _is_name(t: Token, k: int) -> bool:
    w = t.text
    if not w[:1].isupper() or not w[:1].isascii() or len(w) < 2:
        return False
    base = w.lower().removesuffix("'s").removesuffix("’s")
    return base not in _NOT_NAMES


def _merge(ms: list[ActorMention], tokens: Sequence[Token], text: str) -> list[ActorMention]:
    """Join touching mentions when at most one side has a code of each kind.

    "Bree" + "Prime Minister" + "Romendacil", "Arnor's" + "foreign minister":
    one actor, the known codes kept.
    """
    out: list[ActorMention] = []
    for m in ms:
        prev = out[-1] if out else None
        if prev is not None and _of_name(prev, m, tokens):
            out[-1] = joined(prev, m.end, m.country, m.sector, tokens, text)
            continue
        if (
            prev is not None
            and m.start == prev.end
            # Two bare names across a comma are a list ("Mordor, Rohan, Arnor");
            # with a code on one side, an apposition ("Arnor's minister, Telemar").
            and not (_bare(prev) and _bare(m) and _comma_between(prev, m, tokens, text))
            and not (prev.country and m.country and prev.country != m.country)
            and not (prev.sector and m.sector and not _generic_head(prev, m, tokens))
        ):
            out[-1] = joined(prev, m.end, m.country, m.sector, tokens, text)
            continue
        out.append(m)
    return out


def _of_name(prev: ActorMention, m: ActorMention, tokens: Sequence[Token]) -> bool:
    """ "the government of Gondor", "the Prince of Dol Amroth", "soldiers from
    Gondor": a title or body with no country, "of (the)" (or "from" after a
    body), then a name no dictionary codes — one actor.

    Dictionary names already join across "of" ("President of Egypt"); this is
    the same rule for names only capitals mark, so the name stays in the span.
    """
    if prev.country or m.country or m.sector or not m.text:
        return False
    gap = [t.norm for t in tokens[prev.end : m.start]]
    if not tokens[m.start].text[:1].isupper():
        return False
    if gap in (["from"], ["in"]):
        # "Soldiers from Gondor", "Lawmakers in Arnor": people named by their
        # sector and where they belong.
        return prev.sector is not None
    if gap not in (["of"], ["of", "the"]):
        return False
    # A title in capitals ("Prince", "Emir") or a body named by its sector.
    return prev.sector is not None or tokens[prev.start].text[:1].isupper()


# Creeds written in capitals before a common noun ("Shiite militia", "a Christian
# missionary") say which faith, not which actor; "Muslim Brotherhood" (a name
# in capitals after it) stays a name.
_CREEDS = frozenset(
    [
        "muslim",
        "moslem",
        "islamic",
        "islamist",
        "christian",
        "jewish",
        "shiite",
        "shia",
        "shi'ite",
        "sunni",
        "coptic",
        "hindu",
        "buddhist",
        "sikh",
        "catholic",
        "protestant",
        "orthodox",
        "evangelical",
        "maronite",
        "druze",
        "alawite",
    ]
)


def _creed(tokens: Sequence[Token], k: int) -> bool:
    return (
        tokens[k].norm in _CREEDS
        and k + 1 < len(tokens)
        and tokens[k + 1].text[:1].islower()
        and tokens[k + 1].text.isalpha()
    )


def _opens_subject(
    tokens: Sequence[Token], known: Sequence[ActorMention], triggers: Sequence[int]
) -> bool:
    """The sentence's capitalised first word modifies a coded actor a few words on.

    "Human rights watchdog Amnesty International", "Islamist rebel group
    Hamas": two or three lower-case nouns or adjectives, then a dictionary
    actor. A possessive ("Dagolath's first Deputy Prime Minister") or a
    word that may be the verb after a one-word name ("Stinker says",
    "Gollum has allowed", "Smeagol attacked") keeps the first word a name.
    """
    t0 = tokens[0].text
    if t0.endswith(("'s", "’s")) or len(tokens) < 3:
        return False
    head = next((a for a in known if 3 <= a.start <= 4), None)
    if (
        head is None
        or not (head.country or head.sector)
        or any(a.start < head.start for a in known)
    ):
        return False
    for k in range(1, head.start):
        w = tokens[k].text
        if (
            not (w.isalpha() and w.islower())
            or k in triggers
            or w in _NOT_NAMES
            or w in _AUX
            or w in _VERB_GROUP
            or w.endswith(("ed", "ing", "ly"))
            or any(x in REPORT for x in lemmas(w))
        ):
            return False
    return True


def _body_in(known: Sequence[ActorMention], k: int) -> bool:
    """Token ``k`` ("in") follows a body with no country: "Lawmakers in Arnor"."""
    return any(a.end == k and a.sector and not a.country for a in known)


def _generic_head(prev: ActorMention, m: ActorMention, tokens: Sequence[Token]) -> bool:
    """ "Houthi forces", "Hamas fighters": a named group before a common noun.

    The name modifies the head noun and is the more specific of the two
    codes, so the pair is one actor with the name's codes.
    """
    return (
        m.end - m.start == 1
        and tokens[m.start].text[:1].islower()
        and tokens[prev.end - 1].text[:1].isupper()
    )


def _bare(m: ActorMention) -> bool:
    return m.country is None and m.sector is None


def _comma_between(a: ActorMention, b: ActorMention, tokens: Sequence[Token], text: str) -> bool:
    """A comma or semicolon stands between the two mentions."""
    return bool(_PUNCT.intersection(text[tokens[a.end - 1].end : tokens[b.start].start]))


# --- tenth round: accords named, not made; purposes; "from" ---------------------

# Nouns that name an accord: the noun alone says one exists or is wanted, not
# that anybody made it.
_ACCORD_NOUNS = frozenset(
    {"ceasefire", "cease-fire", "truce", "deal", "agreement", "accord", "armistice"}
)
# Verbs that make, or make public, an accord named as their object: "agreed
# on a truce", "announced a ceasefire", "reached a deal", "extended the truce".
_MAKE_ACCORD = frozenset(
    {"agree", "sign", "announce", "declare", "reach", "strike", "conclude", "seal", "broker"}
    | {"clinch", "ink", "accept", "approve", "ratify", "extend", "renew", "finalise"}
    | {"finalize", "forge", "secure", "negotiate", "order", "offer", "unveil", "hammer"}
    # Bound by it: "said it would respect the truce".
    | {"respect", "observe", "honour", "honor", "uphold", "abide"}
)
# Verbs after the accord as subject that say it was made or began: "A ceasefire
# between Israel and Hezbollah took effect", "the truce was agreed".
_ACCORD_STARTS = frozenset({"take", "took", "come", "came", "go", "went", "begin", "began"})
_ACCORD_REACH = 8
_OTHER_PREPOSITIONS = frozenset(
    {"since", "under", "about", "toward", "towards", "through", "until", "ahead", "around"}
)


def unmade_accord(tokens: Sequence[Token], hit: Hit) -> bool:
    """A ceasefire, truce or deal named as a noun that nobody is said to make.

    "talks on a ceasefire", "efforts toward a truce", "the fragile truce
    held", "Washington wants a ceasefire", "a deal was close": the accord is
    a topic, a state or a wish, no act of agreeing. It is one when a verb of
    making governs it ("agreed on a truce", "announced a ceasefire", "reached a
    deal") or, as a subject, when it is said to be made or to start ("the
    truce was signed", "a ceasefire took effect").
    """
    if tokens[hit.end - 1].norm not in _ACCORD_NOUNS:
        return False
    w = tokens[hit.start].norm
    if w.endswith("ed") or w in IRREGULAR:
        return False
    # The verb that governs the noun phrase: past articles, numbers and up to
    # three modifiers ("a week-long humanitarian truce"), and "to / on" after it.
    k = hit.start - 1
    modifiers = 3
    while k >= 0:
        t = tokens[k]
        if t.norm in ("a", "an", "the", "its", "their", "any") or "-" in t.norm:
            k -= 1
            continue
        if any(x in _MAKE_ACCORD for x in lemmas(t.norm)):
            return False
        if t.norm in ("to", "on", "upon", "by") and k > 0:
            if any(x in _MAKE_ACCORD for x in lemmas(tokens[k - 1].norm)):
                return False
            break
        if t.norm in _NOUN_PHRASE_OPENERS or t.norm in _OTHER_PREPOSITIONS:
            break  # "reach civilians despite the ceasefire"
        if (
            modifiers
            and t.text.isalpha()
            and (t.text.islower() or k > 0)  # "the Easter truce"
            and t.norm not in _DETERMINERS
            and t.norm not in _AUX
            and not t.norm.endswith(("ed", "ing"))
        ):
            modifiers -= 1
            k -= 1
            continue
        break
    # The accord as a subject: the first verb after it, past a "between A and
    # B" or "with A" that names the parties.
    for t in tokens[hit.end : hit.end + _ACCORD_REACH]:
        if not t.text[:1].isalnum():
            break
        ls = lemmas(t.norm)
        if t.norm in _ACCORD_STARTS or (
            t.norm.endswith("ed") and any(x in _MAKE_ACCORD for x in ls)
        ):
            return False
        if t.norm in _AUX:
            continue  # "the truce was agreed"
        if t.norm.endswith(("ed", "ing")) or t.norm in IRREGULAR:
            break
    return True


# Words that take an infinitive as their complement: what follows "to" is
# the act they report, ask for or promise ("agreed to withdraw", "urged
# Russia to accept", "ready to talk"), not a purpose. Verbs of assembling
# belong here too: a crowd "gathered to protest" protests by gathering.
_TO_COMPLEMENT = frozenset(
    {"agree", "decide", "refuse", "decline", "want", "wish", "plan", "try", "seek", "aim"}
    | {"vow", "pledge", "promise", "threaten", "fail", "continue", "begin", "start", "move"}
    | {"need", "hope", "offer", "prepare", "intend", "attempt", "expect", "vote", "choose"}
    | {"urge", "ask", "call", "order", "force", "allow", "help", "push", "press", "tell"}
    | {"encourage", "persuade", "invite", "authorise", "authorize", "warn", "pressure"}
    | {"lead", "cause", "appeal", "enable", "permit", "compel", "require", "get", "manage"}
    | {"able", "unable", "ready", "willing", "likely", "unlikely", "due", "set", "going"}
    | {"eager", "reluctant", "determined", "prepared", "about", "used", "has", "have", "had"}
    | {"gather", "rally", "march", "assemble", "converge", "take", "took", "turn", "flock"}
    | {"is", "are", "was", "were", "be", "been", "seem", "appear", "claim", "say", "said"}
    | {"mobilise", "mobilize", "resolve", "undertake", "commit", "agreed", "fight"}
)
_PURPOSE_REACH = 8


def purpose_infinitive(tokens: Sequence[Token], hit: Hit, clause: Clause) -> int | None:
    """Where the verb or noun whose aim the infinitive names stands, or None.

    "Jordan sent fuel to Gaza to ease the blockade", "Mediators are working
    on a deal to free the hostages": an infinitive after a complete verb
    phrase, or after a noun ("a deal to", "efforts to"), says what is aimed
    at. After a verb that takes an infinitive ("agreed to withdraw", "urged
    Russia to accept") it is the act reported, and None is returned.
    """
    j = hit.start - 1
    if j < 1 or tokens[j].norm != "to":
        return None
    w = tokens[hit.start]
    if not w.text.islower() or w.norm.endswith(("ed", "ing", "s")) or w.norm in IRREGULAR:
        return None
    if tokens[j - 1].norm in ("order", "as") and j >= 2 and tokens[j - 2].norm in ("in", "so"):
        return j - 1  # "in order to", "so as to"
    for k in range(j - 1, max(clause.start, j - 1 - _PURPOSE_REACH) - 1, -1):
        t = tokens[k]
        if any(x in _TO_COMPLEMENT for x in lemmas(t.norm)):
            return None
        if t.norm == "to" or not t.text.islower():
            continue  # "sent fuel to Gaza to ease"
        # A past verb with its object or place between it and "to".
        if (t.norm.endswith("ed") or t.norm in IRREGULAR) and k < j - 1:
            return k
        if t.norm in _PURPOSE_NOUNS and k == j - 1:
            return k
    return None


# Verbs of sending and giving: the aim of what is sent ("sent fuel to Gaza to
# ease the blockade", "delivered tents to help the displaced") is an effect
# hoped for where it arrives, not an act of the sender. People sent act
# themselves ("sent a delegation to discuss trade").
_SEND = frozenset(
    {"send", "sent", "deliver", "ship", "dispatch", "airlift", "airdrop", "truck", "donate"}
    | {"provide", "give", "gave", "supply", "transfer", "pour", "bring", "brought", "fly", "flew"}
)
_SENT_PEOPLE = frozenset(
    {"troops", "soldiers", "forces", "officers", "police", "delegation", "envoy", "envoys"}
    | {"team", "teams", "mission", "minister", "officials", "diplomats", "experts", "advisers"}
    | {"advisors", "mediators", "monitors", "peacekeepers", "observers", "negotiators", "staff"}
)


def aim_of_delivery(tokens: Sequence[Token], hit: Hit, clause: Clause) -> bool:
    """The infinitive names the aim of goods sent, or of an effort or a deal
    ("efforts to end the war", "a deal to free the hostages"): no act."""
    k = purpose_infinitive(tokens, hit, clause)
    if k is None:
        return False
    if tokens[k].norm in _PURPOSE_NOUNS:
        return True
    if not any(x in _SEND for x in lemmas(tokens[k].norm)):
        return False
    return not any(t.norm in _SENT_PEOPLE for t in tokens[k + 1 : hit.start - 1])


# Nouns whose infinitive names the aim: "efforts to end the war", "a deal to
# free the hostages", "pressure to allow more aid".
_PURPOSE_NOUNS = frozenset(
    {"effort", "efforts", "bid", "attempt", "attempts", "deal", "agreement", "plan", "plans"}
    | {"pressure", "push", "campaign", "mission", "operation", "proposal", "talks", "steps"}
    | {"measures", "move", "drive", "initiative", "offensive", "way", "chance", "opportunity"}
)


# Verbs whose subject meets a reaction, and whose object is the reaction:
# "the plan drew condemnation from rights groups", "Kyiv received military
# aid from Germany".
_MEET_REACTION = frozenset(
    {"draw", "drew", "spark", "prompt", "trigger", "provoke", "face", "win", "won", "receive"}
    | {"get", "got", "earn", "attract", "elicit", "meet", "met", "bring", "brought", "garner"}
)


def reaction_from(tokens: Sequence[Token], hit: Hit) -> bool:
    """A noun trigger with its author after "from", the object of a verb of
    meeting a reaction: the reaction is the event, not the verb or the
    subject ("The arrests drew criticism from Amnesty International")."""
    if hit.end >= len(tokens) or tokens[hit.end].norm != "from":
        return False
    w = tokens[hit.start]
    if not w.text.islower() or w.norm.endswith("ed") or w.norm in IRREGULAR:
        return False
    for k in range(hit.start - 1, max(hit.start - 5, -1), -1):
        t = tokens[k]
        if any(x in _MEET_REACTION for x in lemmas(t.norm)):
            return True
        if not (t.text.isalpha() and t.text.islower()) or t.norm in _AUX:
            return False
    return False


# Heads of people and bodies: a trigger noun right before one names who they
# are ("aid workers", "relief groups", "ceasefire monitors"), not an act.
_PEOPLE_HEADS = frozenset(
    {"worker", "workers", "agency", "agencies", "group", "groups", "organisation"}
    | {"organisations", "organization", "organizations", "official", "officials", "leader"}
    | {"leaders", "activist", "activists", "lawyer", "lawyers", "monitor", "monitors", "team"}
    | {"teams", "committee", "committees", "staff", "volunteer", "volunteers", "envoy", "envoys"}
    | {"chief", "chiefs", "coordinator", "coordinators", "official's", "negotiator", "negotiators"}
    | {"police", "policemen", "squad", "squads", "unit", "units"}  # "riot police"
)


def names_people(tokens: Sequence[Token], hit: Hit) -> bool:
    """ "Aid workers said …", "Relief groups struggled …": the trigger noun
    modifies the people or body after it."""
    if hit.end - hit.start != 1 or hit.end >= len(tokens):
        return False
    w = tokens[hit.start].norm
    if w.endswith("ed") or w in IRREGULAR:
        return False
    # One space between: "the blast, police said" is two phrases.
    return (
        tokens[hit.end].norm in _PEOPLE_HEADS and tokens[hit.end].start - tokens[hit.start].end == 1
    )
