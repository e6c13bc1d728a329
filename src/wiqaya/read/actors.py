"""Actors: who acts in a sentence, as (surface text, country, sector).

Loads UniversalPetrarch's Arabic actor and agent dictionaries (MIT, shipped in
``data/read/arabic_dictionaries``) plus Wiqaya's additions (nationality
adjectives, agents in surface form, organisations, armed groups, English
names). Codes follow CAMEO: a country part (ISO3, or IGO/IMG/... for
non-state actors) and a sector part (GOV, MIL, REB, CVL, ...). Adjacent
mentions merge: «القوات» (MIL) + «الإسرائيلية» (ISR) → ISR MIL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from wiqaya.read.phrases import NORM_OF, PhraseIndex, Token, normalise

DATA = Path(str(resources.files("wiqaya") / "data" / "read"))
# CAMEO country-part codes that are not ISO3 but name non-state or multinational actors.
NON_STATE = frozenset({"IGO", "IMG", "INT", "NGO", "MNC", "UIS", "EUR", "AFR", "ASA", "MEA"})
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "CVL",
        "COP",
        "PTY",
        "JUD",
        "LEG",
        "EDU",
        "REL",
        "BUS",
        "MED",
        "REF",
        "AGR",
        "HLH",
        "LAB",
        "ELI",
        "UAF",
        "CRM",
        "SPY",
        "HRI",
        "IGO",
        "NGO",
        "MNC",
        "SEP",
        "INS",
        "DEV",
        "ENV",
        "JEW",
        "MOS",
        "CHR",
        "BUD",
        "HIN",
        "SHI",
        "SUN",
    ]  # noqa: E501
)


@dataclass(frozen=True, slots=True)
class ActorCode:
    country: str | None
    sector: str | None
    origin: str  # which dictionary produced it: petrarch | additions


@dataclass(frozen=True, slots=True)
class ActorMention:
    text: str
    start: int  # token index
    end: int
    country: str | None
    sector: str | None

    @property
    def code(self) -> str:
        return f"{self.country or 'None'} {self.sector or 'None'}"


def split_code(code: str, iso3: frozenset[str]) -> tuple[str | None, str | None]:
    """Split a CAMEO actor code «IRQGOV», «PSECVLELI», «MIL», «~REB» into (country, sector)."""
    code = code.strip().lstrip("~").upper()
    if not code:
        return None, None
    head = code[:3]
    if head in iso3 or head in NON_STATE:
        rest = code[3:6] or None
        return head, rest if rest in SECTORS else (rest if rest else None)
    return None, head if head in SECTORS else None


_LOCATIVE = frozenset(
    {
        "في",
        "وفي",
        "بمدينه",
        "مدينه",
        "وسط",
        "قرب",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "الي",
        "من",
        "in",
        "at",
        "near",
    }
)
# English "to"/"from" are left out: "hand over to Great Britain", "withdraw from
# Lebanon" name the target (PLOVER dev target 0.510 → 0.538). Arabic «الي»,
# «من» stay: the Arabic role ranker learned its weights with them.
# English words that end a noun phrase: "Libya after crowds", "Chad unless
# President ..." are two mentions, "Israeli intelligence officials" one.
_EN_NOT_INSIDE_ACTOR = frozenset(
    {
        "after",
        "before",
        "when",
        "while",
        "because",
        "since",
        "until",
        "unless",
        "although",
        "and",
        "or",
        "but",
        "to",
        "from",
        "in",
        "at",
        "on",
        "with",
        "by",
        "for",
        "against",
        "than",
        "as",
        "that",
        "which",
        "who",
    }
    # "An official said Iraq attacked": a verb between two mentions separates
    # the reporter or subject from what follows (irregular and auxiliary forms
    # that the "-ed" test below does not catch).
    | {"said", "says", "told", "is", "are", "was", "were", "has", "have", "had"}
    | {"will", "would", "can", "could", "should", "must", "may", "might", "did", "does"}
)
# Arabic particles between two mentions separate them: «متظاهر ضد «الناتو»» is
# protesters against NATO, not a NATO protester.
_AR_NOT_INSIDE_ACTOR = frozenset(
    {
        "ضد",
        "علي",
        "مع",
        "من",
        "في",
        "وفي",
        "الي",
        "عن",
        "بين",
        "حول",
        "امام",
        "قرب",
        "داخل",
        "خارج",
        "لدي",
        "عند",
        "بعد",
        "قبل",
        # «دعا جنرال احتياطي امس اسرائيل»: a time adverb ends the subject.
        "امس",
        "اليوم",
    }
)
_NOT_INSIDE_ACTOR = _EN_NOT_INSIDE_ACTOR | _AR_NOT_INSIDE_ACTOR
_CODE = re.compile(r"\[([~A-Z]+)")


def _parse_petrarch_actors(path: Path, iso3: frozenset[str]) -> list[tuple[str, ActorCode]]:
    """Entries of a PETRARCH actor file: ``name [CODE]`` or ``name`` then indented codes."""
    out: list[tuple[str, ActorCode]] = []
    pending: str | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[:1] in ("\t", " ") and line.strip().startswith("["):
            if pending:
                m = _CODE.search(line)
                if m:
                    c, s = split_code(m.group(1), iso3)
                    out.append((pending, ActorCode(c, s, "petrarch")))
                    pending = None  # first dated code wins: later ones are role changes
            continue
        m = _CODE.search(line)
        name = line.split("[", 1)[0].strip().strip("_").strip()
        if not name or name.startswith(("+", "&", "-")):
            pending = None
            continue
        if m:
            c, s = split_code(m.group(1), iso3)
            out.append((name, ActorCode(c, s, "petrarch")))
            pending = None
        else:
            pending = name
    return out


# Words before a party's name that make it the party's («قيادة فتح», «عناصر
# فتح», «بين فتح وحماس»): a group's members, leaders, organs or a pairing.
_PARTY_HEADS = frozenset(
    normalise(w)
    for w in {
        "قياده",
        "قيادات",
        "قاده",
        "قيادي",
        "قياديو",
        "قياديي",
        "عناصر",
        "انصار",
        "مسلحو",
        "مسلحي",
        "مقاتلو",
        "مقاتلي",
        "كوادر",
        "اعضاء",
        "عضو",
        "نشطاء",
        "ناشطو",
        "ناشطي",
        "مسؤول",
        "مسؤولو",
        "مسؤولي",
        "ممثل",
        "ممثلو",
        "ممثلي",
        "وفد",
        "زعيم",
        "كتله",
        "نواب",
        "مؤتمر",
        "بين",
        "حركتي",
    }
)
# After a subject in a verb's slot («واتهمت فتح حماس»): what can follow a
# name but not the verb or verbal noun «فتح», which takes an object.
_AFTER_SUBJECT = frozenset({"ان", "انه", "انها", "الي", "علي", "في", "عن", "من", "امس", "اليوم"})
_PUNCT_AFTER = frozenset('.,،:؛;»«"()!?؟')


# «قطاع» is the Gaza Strip in PETRARCH's dictionary («قطاع غزة» is its own entry);
# «الاحتلال» the occupying force in ours.
_STRIP = re.compile(r"^[وف]?[بلك]?(ال|ل)?قطاع$")
# «احتلال مطار بانكوك»: without its article, the act of occupying, no actor.
_OCCUPYING = re.compile(r"^[وف]?[بلك]?احتلال$")
# Words starting with «ال» that continue a clause, not name a sector.
_NOT_SECTOR_NOUN = frozenset({"الذي", "التي", "الي", "الذين"})


def _no_actor_here(tokens: list[Token], start: int, end: int) -> bool:
    """«قطاع النفط», «القطاع الخاص», «قطاع واسع»: a sector or a segment, not Gaza;
    «احتلال» (occupying) with no article, no occupying force.

    «القطاع» alone is the Strip in Palestinian news («حصار القطاع»,
    «القطاع وإسرائيل»); indefinite, or before a noun or an adjective with
    the article, it is an economy's or a front's sector.
    """
    if end - start != 1:
        return False
    if _OCCUPYING.match(tokens[start].norm):
        return True
    m = _STRIP.match(tokens[start].norm)
    if m is None:
        return False
    if not m.group(1):
        return True
    return end < len(tokens) and (
        tokens[end].norm.startswith("ال") and tokens[end].norm not in _NOT_SECTOR_NOUN
    )


@dataclass
class ActorDictionary:
    index: PhraseIndex
    version: str
    # Words too ambiguous for the index (stopped there) that name an actor in
    # a party context: normalised word -> code («فتح»: opened / Fatah).
    contextual: dict[str, ActorCode] = field(default_factory=dict)

    @cached_property
    def _context_forms(self) -> frozenset[str]:
        # Built once, not per sentence (``contextual`` is not changed after loading).
        return frozenset(self.contextual) | {"و" + w for w in self.contextual}

    def mentions(self, tokens: list[Token], text: str) -> list[ActorMention]:
        """Actor mentions in token order, adjacent sector+country mentions merged."""
        raw = self.index.find(tokens)
        out: list[ActorMention] = []
        for m in raw:
            code: ActorCode | None = m.payload
            if code is None or _no_actor_here(tokens, m.start, m.end):
                continue
            latin = tokens[m.start].text.isascii()
            # «في بغداد», "in Baghdad": a bare place after a locative is where,
            # not who. An armed group or alliance is no place («مسلحا من تنظيم
            # «القاعدة»»); English keeps the older rule.
            if (
                code.sector is None
                and m.start > 0
                and tokens[m.start - 1].norm in _LOCATIVE
                and (latin or code.country not in NON_STATE)
                and not (latin and code.origin == "additions" and _modifies_noun(tokens, m.end))
            ):
                continue
            surface = text[tokens[m.start].start : tokens[m.end - 1].end]
            prev = out[-1] if out else None
            gap_ok = (
                prev is not None
                and (
                    m.start - prev.end <= 0
                    or (
                        m.start - prev.end == 1
                        and tokens[prev.end].norm not in _NOT_INSIDE_ACTOR
                        # «اعتقلت قوات الاحتلال 15 فلسطينيا»: a count opens the
                        # object; the nationality after it is not the force's.
                        and not tokens[prev.end].norm[:1].isdigit()
                        and not (latin and _past_verb(tokens[prev.end].norm))
                        # "Iraq attacked Kuwait, an official said": a comma ends
                        # an English mention.
                        and not (latin and _punct_between(tokens, prev.end - 1, m.start, text))
                    )
                )
            )
            if prev and gap_ok and _mergeable(prev, code, latin):
                out[-1] = joined(prev, m.end, code.country, code.sector, tokens, text)
                continue
            if prev and m.start == prev.end and _counts_people(prev, tokens):
                # «آلاف الطلاب» is one crowd: the number is not a second actor
                # (it became the protest's target).
                out[-1] = ActorMention(
                    text[tokens[prev.start].start : tokens[m.end - 1].end],
                    prev.start,
                    m.end,
                    code.country,
                    code.sector,
                )
                continue
            out.append(ActorMention(surface, m.start, m.end, code.country, code.sector))
        if self.contextual:
            out = self._in_context(tokens, text, out)
        return out

    def _in_context(
        self, tokens: list[Token], text: str, found: list[ActorMention]
    ) -> list[ActorMention]:
        """Add the ambiguous names (``contextual``) where the context makes them a party.

        «فتح» is mostly the verb *opened* or the noun *opening* («فتح النار»,
        «إعادة فتح المعبر»), which take an object; Fatah stands after a group
        head («قيادة فتح»), joined by «و» to a mention of its country («حماس
        وفتح», «فتح وحماس»), or as the subject after a feminine past verb when a
        mention, a preposition, «أن» or punctuation follows («واتهمت فتح
        حماس»). «فتح الإسلام» is another group.
        """
        # This runs for every sentence: leave at once when no form occurs.
        if self._context_forms.isdisjoint(map(NORM_OF, tokens)):
            return found
        covered = {i for m in found for i in range(m.start, m.end)}
        starts = {m.start: m for m in found}
        ends = {m.end: m for m in found}
        added = []
        n = len(tokens)
        for i, tok in enumerate(tokens):
            word, conj = tok.norm, False
            if word not in self.contextual and word[:1] == "و" and word[1:] in self.contextual:
                word, conj = word[1:], True
            code = self.contextual.get(word)
            if code is None or i in covered:
                continue
            nxt = tokens[i + 1].norm if i + 1 < n else ""
            if nxt in ("الاسلام", "الاسلامي"):
                continue
            prev = tokens[i - 1].norm if i > 0 else ""
            after = starts.get(i + 1)
            before = ends.get(i)
            punct_after = text[tok.end : tok.end + 1] in _PUNCT_AFTER or i + 1 == n
            same_after = after is not None and after.country == code.country and nxt[:1] == "و"
            if conj:
                ok = before is not None and before.country == code.country
            else:
                ok = (
                    prev in _PARTY_HEADS
                    or same_after
                    or (
                        len(prev) >= 4
                        and prev.endswith("ت")
                        and not prev.endswith("ات")
                        and (after is not None or nxt in _AFTER_SUBJECT or punct_after)
                    )
                )
            if ok:
                surface = text[tok.start : tok.end]
                added.append(ActorMention(surface, i, i + 1, code.country, code.sector))
        if not added:
            return found
        return sorted(found + added, key=lambda m: m.start)


# Words that join or introduce English phrases (shared with the pipeline's
# role rules); the actor rules add the commonest verbs of reporting and being.
EN_FUNCTION_WORDS = frozenset(
    [
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "that",
        "which",
        "who",
        "as",
        "than",
        "but",
        "nor",
    ]
)
_EN_FUNCTION = EN_FUNCTION_WORDS | {
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "said",
    "says",
}


def _modifies_noun(tokens: list[Token], end: int) -> bool:
    """ "in Israeli air strikes": a demonym before the noun it modifies is who,
    not where (a place after "in" is followed by punctuation or a function word).
    The caller applies it to the additions' nationality words only: "in Germany
    last month" is a place."""
    if end >= len(tokens):
        return False
    nxt = tokens[end]
    return nxt.text[:1].islower() and nxt.norm.isalpha() and nxt.norm not in _EN_FUNCTION


def _punct_between(tokens: Sequence[Token], a: int, b: int, text: str) -> bool:
    """Punctuation stands somewhere between tokens ``a`` and ``b``."""
    return any(c in ",;:()" for k in range(a, b) for c in text[tokens[k].end : tokens[k + 1].start])


def _past_verb(word: str) -> bool:
    """ "Britain suspended military aid": a past verb between two mentions
    separates subject and object ("armed" in "Syrian armed forces" does not)."""
    return word.endswith("ed") and word != "armed"


def joined(
    prev: ActorMention,
    end: int,
    country: str | None,
    sector: str | None,
    tokens: Sequence[Token],
    text: str,
) -> ActorMention:
    """``prev`` extended to token ``end``, keeping its codes and filling the missing ones."""
    return ActorMention(
        text[tokens[prev.start].start : tokens[end - 1].end],
        prev.start,
        end,
        prev.country or country,
        prev.sector or sector,
    )


# Numbers of people listed as crowd actors («آلاف», «مئات») when they stand alone.
_PEOPLE_COUNTS = frozenset(
    normalise(w)
    for w in ("آلاف", "مئات", "عشرات", "الآلاف", "المئات", "العشرات", "وآلاف", "ومئات", "وعشرات")
)


def _counts_people(prev: ActorMention, tokens: Sequence[Token]) -> bool:
    return prev.end - prev.start == 1 and tokens[prev.start].norm in _PEOPLE_COUNTS


def _mergeable(prev: ActorMention, code: ActorCode, latin: bool) -> bool:
    # «قوات» + «إسرائيلية», «الشرطة» + «العراقية», «الرئيس» + «الأمريكي».
    if prev.country is None and code.country is not None and code.sector is None:
        return True
    # English puts the nationality first: "Israeli" + "army".
    if latin and prev.country is not None and prev.sector is None and code.country is None:
        return code.sector is not None
    return False


@cache
def seats_of_government() -> frozenset[tuple[str, str]]:
    """(English place name, ISO3) of cities named for a government that are no
    capital in the gazetteer («تل أبيب» for Israel)."""
    adds = json.loads((DATA / "actors_additions.json").read_text(encoding="utf-8"))
    return frozenset((n, cc) for cc, names in adds.get("seats", {}).items() for n in names)


@cache
def iso3_codes() -> frozenset[str]:
    gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    return frozenset(c["iso3"] for c in gaz["countries"])


def _with_plurals(names: list[str]) -> list[str]:
    """English demonyms and their plurals: "Syrian" → "Syrians", "Saudi" → "Saudis".

    Arabic nisba adjectives inflect in the phrase index; English ones do not,
    so the people ("Libyans", "Kurds") are added here. Words that take no -s
    ("Sudanese", "Swiss") and phrases are left alone.
    """
    out = list(names)
    for n in names:
        if " " in n or not n[:1].isupper() or not n.isalpha():
            continue
        if n.endswith(("s", "x", "z", "sh", "ch", "ese")) or n.isupper():
            continue
        out.append(n + "s")
    return out


@cache
def load_actors() -> ActorDictionary:
    """The shipped actor dictionary (built once per process)."""
    iso3 = iso3_codes()
    index = PhraseIndex()
    adds = json.loads((DATA / "actors_additions.json").read_text(encoding="utf-8"))
    # Newspaper titles and prepositions that PETRARCH's dictionary codes as actors
    # («الشرق الاوسط» as SAU): registered first with no code, so they match nothing.
    for n in adds.get("stop", []):
        index.add(n, None)
    # Additions first so our surface forms win over the lemmatised PETRARCH ones.
    for cc, names in adds["nationalities"].items():
        for n in names["ar"] + _with_plurals(names["en"]):
            index.add(n, ActorCode(cc, None, "additions"), inflect=True)
    for sector, names in adds["agents"].items():
        code = ActorCode(None, sector, "additions")
        if sector in NON_STATE:
            code = ActorCode(sector, None, "additions")
        for n in names["ar"] + names["en"]:
            index.add(n, code, inflect=True)
    for org, names in adds["organisations"].items():
        for n in names["ar"] + names["en"]:
            index.add(n, ActorCode(org, None, "additions"))
    for g in adds["groups"]:
        for n in g["ar"] + g["en"]:
            index.add(n, ActorCode(g["country"], g["sector"], "additions"))
    # English demonyms and bodies beyond the additions' Middle East focus.
    en = json.loads((DATA / "actors_en.json").read_text(encoding="utf-8"))
    for cc, names in en["names"].items():
        for n in _with_plurals(names):
            index.add(n, ActorCode(cc, None, "additions-en"))
    gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    for c in gaz["countries"]:
        for n in c["ar"] + c["en"]:
            index.add(n, ActorCode(c["iso3"], None, "gazetteer"))
    petr = DATA / "arabic_dictionaries"
    # Actor entries are proper names: inflecting them turns «صدام» into
    # «الصدامات» (clashes), «مالي» into «المالية» (financial), «الملا» into
    # «ملايين». Nationality adjectives that do inflect are in the additions.
    for name, code in _parse_petrarch_actors(petr / "actor_dict_ar_v4.txt", iso3):
        index.add(name, code)
    for name, code in _parse_petrarch_actors(petr / "agents.all.ar_v3.txt", iso3):
        index.add(name, code, inflect=True)
    contextual = {
        normalise(w): ActorCode(c["country"], c["sector"], "additions")
        for c in adds.get("contextual", [])
        for w in c["ar"]
    }
    return ActorDictionary(index, f"{adds['version']}+{en['version']}+petrarch-ar-v4", contextual)
