"""Named political persons in English and Arabic text, coded by their role at the document date.

``persons.json`` lists heads of state and government, ministers, envoys,
international officials and armed-group leaders with dated roles, and their
English and Arabic names. An English name
matches through a transliteration-folding key (:func:`name_keys`), so
"Qaddafi", "Gaddafi", "Kadhafi" and "Gadhafi", "Mohammed" and "Muhammad",
"al-Assad" and "Assad" are one name. The code of a mention is the role held
at the document date; outside every role, a state office becomes ``ELI``
(a former president is an elite, not the government) while a non-state role
(REB, OPP, REL…) is kept; with no document date, the most recent role counts.
A surname used alone ("Putin", "Erdogan") matches when every person carrying
it agrees on the country (after the date is applied), or exactly one of them
holds a role at the date.

An Arabic name («بشار الأسد», «نتنياهو») matches its listed spelling after
:func:`wiqaya.language.arabic.normalise` (hamza forms, «ى»/«ي», «ة»/«ه»),
with clitics attached to its first word («ونتنياهو», «للرئيس»); the file
lists a surname alone only where it is no common word or shared name
(«الأسد» is also "the lion", «عباس» and «صالح» are common names). The same
dated roles apply.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import compress
from operator import attrgetter

from wiqaya.language.arabic import normalise
from wiqaya.read.actors import DATA, EN_FUNCTION_WORDS, ActorMention
from wiqaya.read.phrases import MAX_CACHED_WORD, Token, shared_variants

# Sectors of an office that ends: out of office its holder is an elite (ELI).
_OFFICE = frozenset({"GOV", "MIL", "SPY", "LEG", "JUD", "COP", None})
_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "an", "ar", "ul", "ed", "es"})
_VOWELS = frozenset("aeiou")
_HONORIFIC = frozenset(
    {"sheikh", "shaikh", "king", "prince", "crown", "emir", "amir", "sultan", "mullah"}
    | {"ayatollah", "colonel", "sayyed", "sayyid", "president", "general", "gen", "queen"}
)


def _insert(trie: dict, keys: Sequence[str], k: int) -> None:
    """File person ``k`` under the word keys of one of its names."""
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    leaf = node.setdefault(None, [])
    if k not in leaf:
        leaf.append(k)


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str | None
    start: date | None
    end: date | None  # exclusive; None = still held

    def holds(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    home: str
    roles: tuple[Role, ...]

    def code_at(self, when: date | None) -> tuple[str, str | None]:
        """(country, sector) of the person at ``when``; the latest role when unknown."""
        if not self.roles:
            return self.home, "ELI"
        if when is None:
            r = max(self.roles, key=lambda r: r.start or date.min)
            return r.country, r.sector
        held = [r for r in self.roles if r.holds(when)]
        if held:
            r = max(held, key=lambda r: r.start or date.min)
            return r.country, r.sector
        r = min(self.roles, key=lambda r: _distance(r, when))
        if r.sector in _OFFICE:
            return self.home, "ELI"
        return r.country, r.sector

    def active(self, when: date | None) -> bool:
        return when is not None and any(r.holds(when) for r in self.roles)


def _distance(r: Role, when: date) -> int:
    if r.end is not None and when >= r.end:
        return (when - r.end).days
    if r.start is not None and when < r.start:
        return (r.start - when).days
    return 0


def _date(s: str | None) -> date | None:
    if not s:
        return None
    parts = [int(x) for x in s.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def name_keys(word: str) -> tuple[str, ...]:
    """Transliteration-folded keys of one written word (none for a bare article).

    Accents and apostrophes go, "al-"/"el-" and the other assimilated
    articles go, "Abdel"/"Abdul"/"Abd al" become "abd" + the rest, "ben"/"ibn"
    become "bin", a hyphen splits ("Ki-moon"), and in each key q/g→k, ph→f,
    dh→d, doubled letters are single and every vowel run is one "a": "Gaddafi",
    "Qadhafi", "Kadhafi" → "kadafa"; "Mohammed", "Muhammad" → "mahamad".
    """
    return _cached_keys(word) if len(word) <= MAX_CACHED_WORD else _keys(word)


@lru_cache(maxsize=50_000)
def _cached_keys(word: str) -> tuple[str, ...]:
    return _keys(word)


def _keys(word: str) -> tuple[str, ...]:
    w = unicodedata.normalize("NFKD", word.replace("’", "'"))
    w = "".join(c for c in w if not unicodedata.combining(c)).lower()
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "").replace("ʿ", "").replace("ʾ", "").replace("`", "").replace(".", "")
    parts = [p for p in w.split("-") if p]
    while len(parts) > 1 and parts[0] in _ARTICLES:
        parts = parts[1:]
    out: list[str] = []
    for p in parts:
        if p in _ARTICLES and len(parts) == 1:
            return ()
        if p in ("ben", "ibn", "bin"):
            out.append("ban")
            continue
        for head in ("abdul", "abdel", "abdal", "abdol", "abd"):
            if p.startswith(head) and p != "abdi":
                rest = p[len(head) :]
                out.append("abd")
                if rest and rest not in _ARTICLES:
                    out.append(_fold(rest))
                break
        else:
            out.append(_fold(p))
    return tuple(k for k in out if k)


def _fold(s: str) -> str:
    # Replacing can make a new pair ("dhh" → "dh"), so until nothing changes:
    # keys must be a fixed point, or a key folded again would miss itself.
    while True:
        folded = _fold_once(s)
        if folded == s:
            return s
        s = folded


def _fold_once(s: str) -> str:
    s = s.replace("ph", "f").replace("dh", "d").replace("q", "k").replace("g", "k")
    out: list[str] = []
    n = len(s)
    for i, c in enumerate(s):
        vowel = c in _VOWELS or (c == "y" and i > 0 and not (i + 1 < n and s[i + 1] in _VOWELS))
        c = "a" if vowel else c
        if out and out[-1] == c:
            continue  # doubled letters and vowel runs
        out.append(c)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int  # token index
    end: int  # exclusive
    country: str | None  # None: a known name several persons share, not settled
    sector: str | None
    home: str | None


class PersonIndex:
    """Longest match of person names over tokens, by folded keys."""

    def __init__(self, persons: Sequence[Person], names: Sequence[tuple[str, int]]) -> None:
        self.persons = list(persons)
        self._trie: dict = {}
        # One-word names ("Putin", "Mursi") match their listed spelling only:
        # folded, a lone word collides with common names ("Russia" and
        # "Raisi" both fold to "rasa", "Moody" and "Modi" to "mada").
        self._single: dict[str, list[int]] = {}
        for text, k in names:
            words = text.split()
            if len(words) == 1:
                self._single.setdefault(_light(words[0]), [])
                if k not in self._single[_light(words[0])]:
                    self._single[_light(words[0])].append(k)
                continue
            keys = [key for w in words for key in name_keys(w)]
            if not keys:
                continue
            _insert(self._trie, keys, k)

    def find(self, tokens: Sequence[Token], text: str, when: date | None) -> list[PersonMention]:
        caps = [_capital(t.text) for t in tokens]
        if not any(caps):
            return []
        keyed: list[tuple[int, str]] = []  # (token index, key)
        for i, t in enumerate(tokens):
            for key in name_keys(t.text):
                keyed.append((i, key))
        firsts = [j for j in range(len(keyed)) if j == 0 or keyed[j - 1][0] != keyed[j][0]]
        out: list[PersonMention] = []
        f = 0
        while f < len(firsts):
            j = firsts[f]
            i0 = keyed[j][0]
            if not caps[i0]:
                f += 1
                continue
            # "Sheikh Tamim bin Hamad al-Thani": the name may also start after
            # an honorific; the longest reading wins, the honorific stays in the span.
            best = self._longest(keyed, j, tokens, text, caps)
            g = f
            while g + 1 < len(firsts) and tokens[keyed[firsts[g]][0]].norm in _HONORIFIC:
                g += 1
                later = self._longest(keyed, firsts[g], tokens, text, caps)
                if later is not None and (best is None or later[0] > best[0]):
                    best = later
            if best is None:
                who = self._single.get(_light(tokens[i0].text))
                if who:
                    best = (firsts[f + 1] if f + 1 < len(firsts) else len(keyed), who)
            if best is None:
                f += 1
                continue
            end_k, who = best
            code = self._resolve([self.persons[k] for k in who], when) or (None, None, None)
            out.append(PersonMention(i0, keyed[end_k - 1][0] + 1, *code))
            while f < len(firsts) and firsts[f] < end_k:
                f += 1
        return out

    def _longest(
        self,
        keyed: list[tuple[int, str]],
        j: int,
        tokens: Sequence[Token],
        text: str,
        caps: list[bool],
    ) -> tuple[int, list[int]] | None:
        """(end in ``keyed``, persons) of the longest name starting at key ``j``."""
        if not caps[keyed[j][0]] or keyed[j][1] not in self._trie:
            return None
        node = self._trie
        best: tuple[int, list[int]] | None = None
        m = j
        while m < len(keyed) and keyed[m][1] in node:
            if m > j and keyed[m][0] != keyed[m - 1][0]:
                prev, cur = tokens[keyed[m - 1][0]], tokens[keyed[m][0]]
                if any(c in ",;:()" for c in text[prev.end : cur.start]):
                    break
            node = node[keyed[m][1]]
            m += 1
            at_word_end = m == len(keyed) or keyed[m][0] != keyed[m - 1][0]
            if None in node and at_word_end and caps[keyed[m - 1][0]]:
                best = (m, node[None])
        return best

    @staticmethod
    def _resolve(cands: list[Person], when: date | None) -> tuple[str, str | None, str] | None:
        if len(cands) == 1:
            return (*cands[0].code_at(when), cands[0].home)
        active = [p for p in cands if p.active(when)]
        if len(active) == 1:
            return (*active[0].code_at(when), active[0].home)
        pool = active or cands
        codes = {p.code_at(when) for p in pool}
        countries = {c for c, _ in codes}
        if len(countries) != 1:
            return None  # "King Abdullah" in 2010: Jordan's or Saudi Arabia's
        sectors = {s for _, s in codes}
        return countries.pop(), sectors.pop() if len(sectors) == 1 else None, pool[0].home


# Punctuation that ends a name: «قال نتنياهو، بشار» is two mentions.
_NAME_BREAK = frozenset(',;:()«»،؛"')


class ArabicPersonIndex:
    """Longest match of Arabic person names over tokens, by normalised spelling.

    Words match as written (normalised): no folding, since Arabic spelling
    of a name varies less than its Latin transliterations, and the listed
    variants cover the usual ones. Only the first word may carry a clitic
    («وبشار الأسد», «لنتنياهو»).
    """

    def __init__(self, persons: Sequence[Person], names: Sequence[tuple[str, int]]) -> None:
        self.persons = list(persons)
        self._trie: dict = {}
        self._firsts: dict[str, tuple[str, ...]] = {}
        for text, k in names:
            words = [w for w in (normalise(x) for x in text.split()) if w]
            if not words:
                continue
            _insert(self._trie, words, k)
        self._tails = frozenset(w[-3:] if len(w) >= 3 else w for w in self._trie)

    def find(self, tokens: Sequence[Token], text: str, when: date | None) -> list[PersonMention]:
        # Per word, the forms of it that start a name (most words: none);
        # cached, and looked up in C (map) since this runs on every token of
        # every Arabic sentence with a trigger.
        firsts = self._firsts
        norms = list(map(_NORM, tokens))
        starts = list(map(firsts.get, norms))
        if None in starts:
            starts = [
                self._starts(w) if g is None else g for g, w in zip(starts, norms, strict=True)
            ]
        out: list[PersonMention] = []
        trie = self._trie
        i, n = 0, len(tokens)
        for s in compress(range(n), starts):
            if s < i:
                continue  # inside the previous name
            best: tuple[int, list[int]] | None = None
            for first in starts[s]:
                node = trie[first]
                j = s + 1
                while node is not None:
                    if None in node and (best is None or j > best[0]):
                        best = (j, node[None])
                    if j >= n or _NAME_BREAK.intersection(
                        text[tokens[j - 1].end : tokens[j].start]
                    ):
                        break
                    node = node.get(norms[j])
                    j += 1
            if best is None:
                continue
            end, who = best
            code = PersonIndex._resolve([self.persons[k] for k in who], when) or (None, None, None)
            out.append(PersonMention(s, end, *code))
            i = end
        return out

    def _starts(self, norm: str) -> tuple[str, ...]:
        found: tuple[str, ...] = ()
        # Clitics are prefixes: a word whose ending no name's first word has
        # starts no name, and most words are skipped before the clitic search.
        if norm[-3:] in self._tails or norm[-2:] in self._tails:
            found = tuple(v for v in shared_variants(norm) if v in self._trie)
        if len(self._firsts) < 200_000 and len(norm) <= MAX_CACHED_WORD:
            self._firsts[norm] = found
        return found


_NORM = attrgetter("norm")


def _title_gap(gap: str, title: ActorMention) -> bool:
    """Only space between title and name, or the comma of an office in apposition
    ("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani")."""
    if not any(c in ",;:()" for c in gap):
        return True
    return gap.strip() == "," and title.sector == "GOV"


@lru_cache(maxsize=50_000)
def _light(word: str) -> str:
    """A word's spelling without case, accents, apostrophes, article or possessive."""
    w = unicodedata.normalize("NFKD", word.replace("’", "'"))
    w = "".join(c for c in w if not unicodedata.combining(c)).lower().removesuffix("'s")
    for art in ("al-", "el-"):
        w = w.removeprefix(art)
    return w.replace("'", "").replace(".", "")


def _capital(word: str) -> bool:
    w = word
    for art in ("al-", "el-", "Al-", "El-"):
        if w.startswith(art):
            w = w[len(art) :]
    return w[:1].isupper()


@cache
def _raw_persons() -> dict:
    return json.loads((DATA / "persons.json").read_text(encoding="utf-8"))


def _persons(raw: dict) -> list[Person]:
    return [
        Person(
            p["name"],
            p["home"],
            tuple(
                Role(r["country"], r["sector"], _date(r["from"]), _date(r["to"]))
                for r in p["roles"]
            ),
        )
        for p in raw["persons"]
    ]


@cache
def load_arabic_persons() -> ArabicPersonIndex:
    """The shipped persons index over their Arabic names (same version as :func:`load_persons`)."""
    raw = _raw_persons()
    names = [(n, k) for k, p in enumerate(raw["persons"]) for n in p.get("ar", [])]
    return ArabicPersonIndex(_persons(raw), names)


@cache
def load_persons() -> tuple[PersonIndex, str]:
    """The shipped persons index (English names) and its data version."""
    raw = _raw_persons()
    persons: list[Person] = []
    names: list[tuple[str, int]] = []
    for k, p in enumerate(raw["persons"]):
        roles = tuple(
            Role(r["country"], r["sector"], _date(r["from"]), _date(r["to"])) for r in p["roles"]
        )
        persons.append(Person(p["name"], p["home"], roles))
        short = p.get("short")
        if short is None:
            short = [p["name"].split()[-1]]
        for n in [p["name"], *p.get("also", []), *short]:
            names.append((n, k))
    return PersonIndex(persons, names), raw["version"]


_FORMER = frozenset({"former", "ex", "erstwhile"})
# Capitalised words that may stand right before a lone surname without being
# a first name: titles the actor lexicon does not hold, and the words that
# open an English sentence ("Yesterday Putin said").
_NOT_A_FIRST_NAME = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sir", "lord", "lady", "madam", "dame", "chancellor"}
    | {"premier", "senator", "sen", "rep", "gov", "governor", "secretary", "minister"}
    | {"leader", "chairman", "speaker", "envoy", "ambassador", "commander", "marshal"}
    | {"field", "lt", "maj", "capt", "cmdr", "adm", "admiral", "brig", "pope", "patriarch"}
    | {"imam", "rabbi", "cardinal", "vice", "deputy", "acting", "interim", "late", "chief"}
    | {"head", "mayor", "judge", "justice", "prosecutor", "spokesman", "spokeswoman", "pm"}
    | {"prime", "foreign", "defense", "defence", "interior", "strongman", "dictator"}
    | {"hardliner", "tsar", "czar", "shah", "caliph", "laureate", "nobel", "opposition"}
    | {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those"}
    | {"yesterday", "today", "tomorrow", "then", "when", "while", "after", "before", "now"}
    | {"meanwhile", "however", "also", "but", "so", "later", "earlier", "since", "if"}
    | {"although", "though", "thus", "still", "once", "here", "there", "where", "why"}
    | {"how", "what", "did", "does", "do", "will", "would", "can", "could", "should"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december"}
    | _FORMER
    | _HONORIFIC
    | EN_FUNCTION_WORDS
)


def _first_name_before(
    tokens: Sequence[Token], text: str, i: int, actors: Sequence[ActorMention]
) -> bool:
    """ "Laura Bush", "Asma al-Assad", "Maher al-Assad": an unknown capitalised
    word right before a lone surname makes it another member of the family,
    whom the dated roles of the listed person do not fit."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return (
        text[prev.end : tokens[i].start] == " "
        and prev.text[:1].isupper()
        and prev.text.isalpha()
        and prev.norm not in _NOT_A_FIRST_NAME
        and not any(a.start <= i - 1 < a.end for a in actors)
    )


# «السابق», «الأسبق», «المخلوع», «الراحل»… as normalised: out of office.
_FORMER_AR = frozenset(
    normalise(w)
    for w in (
        "السابق",
        "السابقة",
        "سابق",
        "الأسبق",
        "أسبق",
        "المخلوع",
        "المعزول",
        "المقال",
        "الراحل",
        "الراحلة",
    )
)


def with_persons(
    tokens: Sequence[Token],
    actors: list[ActorMention],
    text: str,
    when: date | None,
    lang: str = "en",
) -> tuple[list[ActorMention], list[tuple[int, int]]]:
    """Actors with known persons coded, and the token spans the persons cover.

    A person mention replaces the actor mentions it overlaps when it is at
    least as long ("Israel Katz" is a person, not Israel), and absorbs a title
    right before it ("President", "Syrian President", "Israel's") unless the
    title names another country. "former" before the title or name makes a
    state office an elite (ELI).

    Arabic (``lang="ar"``) names come from the Arabic index; a lone name
    wins over the dictionaries' fixed code for it («نتنياهو» is ISR GOV in
    PETRARCH's file whatever the year), a dictionary entry that ends with the
    name is its title («رئيس سوري بشار الأسد»), and one former-office word
    may stand between title and name («الرئيس المصري السابق حسني مبارك»).
    """
    arabic = lang == "ar"
    found = (
        load_arabic_persons().find(tokens, text, when)
        if arabic
        else load_persons()[0].find(tokens, text, when)
    )
    if not found:
        return actors, []
    out = list(actors)
    spans = []
    for pm in found:
        covering = [a for a in out if a.start < pm.end and a.end > pm.start]
        if covering and pm.end - pm.start == 1 and not arabic:
            continue  # a lone word the dictionaries already know ("Jordan") is theirs
        if (
            not arabic
            and pm.end - pm.start == 1
            and _first_name_before(tokens, text, pm.start, out)
        ):
            continue
        if arabic:
            if any(a.end > pm.end for a in covering):
                continue
        elif any(a.end - a.start > pm.end - pm.start for a in covering):
            continue
        out = [a for a in out if a not in covering]
        start, country, sector = pm.start, pm.country, pm.sector
        # "Jordan's King" + "King Abdullah": a mention that runs into the
        # name from before it is its title too.
        lead = [a for a in covering if a.start < pm.start]
        title = lead[0] if lead else next((a for a in out if a.end == pm.start), None)
        former_between = False
        if arabic and title is None and pm.start >= 2 and tokens[pm.start - 1].norm in _FORMER_AR:
            title = next((a for a in out if a.end == pm.start - 1), None)
            former_between = title is not None
        if (
            title is not None
            and (country is None or title.country in (None, country))
            and (
                bool(lead)
                or former_between
                or _title_gap(text[tokens[title.end - 1].end : tokens[pm.start].start], title)
            )
        ):
            if title in out:
                out.remove(title)
            start = title.start
            if country is None:
                # "King Abdullah" in 2010 (Jordan's or Saudi Arabia's): the
                # title's own country if it names one ("Jordan's King
                # Abdullah"), and no sector, so that no other actor's country
                # is lent to it.
                country = title.country
                sector = title.sector if country else None
            elif sector == "ELI" and title.sector is not None:
                # "Secretary of State Antony Blinken": the title in the text
                # says the office is held, whatever the dated roles say.
                sector = title.sector
        if (
            pm.home is not None
            and sector in _OFFICE
            and (
                (start > 0 and tokens[start - 1].norm.removesuffix("-") in _FORMER)
                or (arabic and any(t.norm in _FORMER_AR for t in tokens[start : pm.start]))
            )
        ):
            country, sector = pm.home, "ELI"
        surface = text[tokens[start].start : tokens[pm.end - 1].end]
        out.append(ActorMention(surface, start, pm.end, country, sector))
        spans.append((start, pm.end))
    out.sort(key=lambda a: a.start)
    return out, spans
