"""Source and target of an Arabic event: a learned ranker over candidate countries.

Word order alone (:func:`wiqaya.read.events.pick_actors`) takes the wrong
mention when several countries appear, and misses the country of the victims
or of the place when it is expressed by a demonym («جنود إثيوبيين») or a city
(«بغداد»). Here every mention that carries a country is a candidate — actor
names, nationality adjectives, sector-only actors (country of the event's
location), resolved places — described by a few features of how it relates
to the trigger (side, distance, order, «ضد/على» or «في» before it, victim or
agent words before it, same country as the location, how often its country
is named, a seat of power or a slogan before it). Two logistic-regression
scorers (one for source, one for target) trained by
``evaluation/train_roles.py`` on the dev coding sentences score the
candidates, and the country with the most probability mass wins; the
weights are a versioned JSON file. Pure and deterministic: ties go to the
earlier mention.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from operator import mul

from wiqaya.read.actors import DATA, NON_STATE, ActorMention
from wiqaya.read.phrases import NORM_OF, Token
from wiqaya.read.places import PlaceMention

MODEL_FILE = "roles-ar.json"

# «ضد», «على», «بحق» and slogans («يسقط بوش», «الموت لأميركا», «المناهضين
# للعولمة») name whom a protest or an attack is against.
_AGAINST = frozenset(
    {
        "ضد",
        "علي",
        "بحق",
        "لعلي",
        "يسقط",
        "تسقط",
        "ليسقط",
        "لتسقط",
        "الموت",
        "المناهضين",
        "المناهضون",
        "مناهضه",
        "المناهضه",
        "مناهضين",
    }
)
# A seat of power before a mention names the addressee of a protest or the
# target of an attack: «سفارة استونيا», «مقر رئيس الوزراء البريطاني».
_SEAT = frozenset(
    {"سفاره", "السفاره", "بسفاره", "لسفاره", "سفارات", "مقر", "امام", "السفير", "السفيرين"}
)
_LOCATIVE = frozenset({"في", "وفي", "بمدينه", "مدينه", "وسط", "قرب", "داخل", "الي", "من"})
# Words naming the harm done, right before the ones who suffered it:
# «مقتل 4 جنود إثيوبيين», «إصابة عراقيين», «استهداف قوات أميركية».
_VICTIM = frozenset(
    {
        "مقتل",
        "قتل",
        "وقتل",
        "ومقتل",
        "قتلي",
        "اصابه",
        "واصابه",
        "جرح",
        "جرحي",
        "استهداف",
        "اغتيال",
        "اعتقال",
        "اختطاف",
        "خطف",
        "ضحايا",
        "مصرع",
        "استشهاد",
        "ضد",
        "علي",
    }
)
# Words that introduce who did it: «هجوم شنه مسلحون», «على يد», «برصاص».
_AGENT = frozenset({"شنه", "شنها", "نفذه", "نفذها", "يد", "قبل", "برصاص", "بنيران", "تبناه"})
# Who reports the event is neither side of it: «قالت الشرطة العراقية»,
# «حسبما افادت وكالة رويترز», «نقلت … عن مصادر امنية عراقية».
SPEECH = frozenset(
    {
        "قال",
        "وقال",
        "قالت",
        "وقالت",
        "اعلن",
        "واعلن",
        "اعلنت",
        "واعلنت",
        "افاد",
        "وافاد",
        "افادت",
        "وافادت",
        "ذكر",
        "وذكر",
        "ذكرت",
        "وذكرت",
        "نقلت",
        "ونقلت",
        "اكد",
        "واكد",
        "اكدت",
        "حسب",
        "حسبما",
        "بحسب",
        "صرح",
        "عن",
        "مصادر",
        "مصدر",
        "بيان",
        "لوكاله",
        "وكاله",
    }
)
# Religious codes of the dictionary («سنية» MUS) name a faith, not a country:
# the gold never codes one.
RELIGION = frozenset({"MUS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN"})

FEATURES = (
    "bias",
    "kind_sector",
    "kind_name",
    "kind_demonym",
    "kind_sector_only",
    "kind_place_country",
    "kind_place_city",
    "non_state",
    "inside",
    "before",
    "after",
    "near",  # within 2 tokens of the trigger
    "mid",  # 3..6 tokens away
    "log_dist",
    "nearest_before",
    "nearest_after",
    "first_after",
    "first_in_sentence",
    "marked_against",
    "locative_before",
    "victim_before",
    "agent_before",
    "same_as_location",
    "country_count",
    "word_order_pick",
    "foreign",  # a country other than the location's
    "sector_after",
    "demonym_after",
    "place_after",
    "after_victim_trigger",
    "foreign_victim",
    "speaker",
    "media",
    "seat",
    "sector_only_country_place",  # its country comes from a location named as a country
    "sector_only_many",  # the other mentions name two or more countries
    "place_in_location_country",  # a bare place name in the country of the event
)


@dataclass(frozen=True, slots=True)
class Candidate:
    mention: ActorMention  # what the event record reports (text, country, sector)
    kind: str
    features: tuple[float, ...]


_WORD_ORDER_PICK = FEATURES.index("word_order_pick")
_N_FEATURES = len(FEATURES)
_F_KIND = {
    name.removeprefix("kind_"): i for i, name in enumerate(FEATURES) if name.startswith("kind_")
}
(
    _F_BIAS,
    _F_NON_STATE,
    _F_INSIDE,
    _F_BEFORE,
    _F_AFTER,
    _F_NEAR,
    _F_MID,
    _F_LOG_DIST,
    _F_NEAREST_BEFORE,
    _F_NEAREST_AFTER,
    _F_FIRST_AFTER,
    _F_FIRST_IN_SENTENCE,
    _F_MARKED_AGAINST,
    _F_LOCATIVE_BEFORE,
    _F_VICTIM_BEFORE,
    _F_AGENT_BEFORE,
    _F_SAME_AS_LOCATION,
    _F_COUNTRY_COUNT,
    _F_FOREIGN,
    _F_SECTOR_AFTER,
    _F_DEMONYM_AFTER,
    _F_PLACE_AFTER,
    _F_AFTER_VICTIM_TRIGGER,
    _F_FOREIGN_VICTIM,
    _F_SPEAKER,
    _F_MEDIA,
    _F_SEAT,
    _F_SECTOR_ONLY_COUNTRY_PLACE,
    _F_SECTOR_ONLY_MANY,
    _F_PLACE_IN_LOCATION_COUNTRY,
) = (
    FEATURES.index(name)
    for name in (
        "bias",
        "non_state",
        "inside",
        "before",
        "after",
        "near",
        "mid",
        "log_dist",
        "nearest_before",
        "nearest_after",
        "first_after",
        "first_in_sentence",
        "marked_against",
        "locative_before",
        "victim_before",
        "agent_before",
        "same_as_location",
        "country_count",
        "foreign",
        "sector_after",
        "demonym_after",
        "place_after",
        "after_victim_trigger",
        "foreign_victim",
        "speaker",
        "media",
        "seat",
        "sector_only_country_place",
        "sector_only_many",
        "place_in_location_country",
    )
)


def is_nisba(norm: str) -> bool:
    # Nationality adjectives end in -ي and its feminine/plural forms.
    return norm.endswith(("ي", "يه", "يين", "يون", "يات"))


def candidates(
    actors: list[ActorMention],
    places: list[PlaceMention],
    tokens: list[Token],
    trig_start: int,
    trig_end: int,
    where: str | None,
    word_order: tuple[ActorMention | None, ActorMention | None],
    role: str,
    where_is_country: bool = False,
) -> list[Candidate]:
    """Every mention in the sentence that names a country, with its features for ``role``."""
    return candidates_by_role(
        actors, places, tokens, trig_start, trig_end, where, word_order, where_is_country
    )[role]


def candidates_by_role(
    actors: list[ActorMention],
    places: list[PlaceMention],
    tokens: list[Token],
    trig_start: int,
    trig_end: int,
    where: str | None,
    word_order: tuple[ActorMention | None, ActorMention | None],
    where_is_country: bool = False,
) -> dict[str, list[Candidate]]:
    """:func:`candidates` for both roles at once: only the word-order feature differs.

    ``where_is_country``: the event's location is a country name, not a city or
    region. A sector-only actor then borrows a country the sentence names as a
    whole, which is more often whom the event is aimed at («لنسحق اميركا»,
    «ضد الحرب الأميركية») than the country of the crowd or the attacker.
    """
    raw: list[tuple[ActorMention, str]] = []
    spans: set[tuple[int, int]] = set()
    place_at = {(p.tok_start, p.tok_end): p for p in places}
    for a in actors:
        spans.add((a.start, a.end))
        if a.country in RELIGION:
            # «مسجدا سنيا», «رجل دين عربي سني»: a faith is no country; like a
            # sector-only actor, it belongs to the place of the event.
            if where:
                raw.append((ActorMention(a.text, a.start, a.end, where, a.sector), "sector_only"))
        elif a.country:
            p = place_at.get((a.start, a.end))
            if a.sector:
                kind = "sector"
            elif p is not None and p.place is not None:
                kind = "place_country" if p.place.kind == "country" else "place_city"
            elif is_nisba(tokens[a.end - 1].norm):
                kind = "demonym"
            else:
                kind = "name"
            raw.append((a, kind))
        elif where and a.sector not in (None, "IGO", "IMG"):
            raw.append((ActorMention(a.text, a.start, a.end, where, a.sector), "sector_only"))
    for p in places:
        if p.status != "resolved" or not p.country or (p.tok_start, p.tok_end) in spans:
            continue
        if any(a.start < p.tok_end and a.end > p.tok_start for a in actors):
            continue
        kind = "place_country" if p.place and p.place.kind == "country" else "place_city"
        # A place reports no actor text: the country is implied by where it is.
        raw.append((ActorMention("", p.tok_start, p.tok_end, p.country, None), kind))
    if not raw:
        return {"source": [], "target": []}
    raw.sort(key=lambda mk: (mk[0].start, mk[0].end))
    counts = Counter(m.country for m, _ in raw)
    # A sector-only actor borrows the location's country; when the other
    # mentions name several countries, that borrowed one is less likely the source.
    many = len({m.country for m, kind in raw if kind != "sector_only"}) >= 2
    before = [m for m, _ in raw if m.end <= trig_start]
    after = [m for m, _ in raw if m.start >= trig_end]
    norms = list(map(NORM_OF, tokens))
    trig_victim = any(w in _VICTIM for w in norms[trig_start:trig_end])
    out: dict[str, list[Candidate]] = {"source": [], "target": []}
    last_before = before[-1] if before else None
    first_after = after[0] if after else None
    for k, (m, kind) in enumerate(raw):
        inside = m.start < trig_end and m.end > trig_start
        is_before = not inside and m.end <= trig_start
        is_after = not inside and m.start >= trig_end
        dist = 0 if inside else (trig_start - m.end if is_before else m.start - trig_end)
        prev = norms[max(0, m.start - 4) : m.start]
        just_before = norms[max(0, m.start - 2) : m.start]
        # The row is written in FEATURES order directly (a dict of names read
        # back through FEATURES cost a tenth of a warm read): same values.
        row = [0.0] * _N_FEATURES
        row[_F_BIAS] = 1.0
        if kind in _F_KIND:
            row[_F_KIND[kind]] = 1.0
        row[_F_NON_STATE] = float(m.country in NON_STATE)
        row[_F_INSIDE] = float(inside)
        row[_F_BEFORE] = float(is_before)
        row[_F_AFTER] = float(is_after)
        row[_F_NEAR] = float(dist <= 2)
        row[_F_MID] = float(2 < dist <= 6)
        row[_F_LOG_DIST] = math.log1p(dist)
        row[_F_NEAREST_BEFORE] = float(m is last_before)
        row[_F_NEAREST_AFTER] = float(m is first_after)
        row[_F_FIRST_AFTER] = float(m is first_after and is_after)
        row[_F_FIRST_IN_SENTENCE] = float(k == 0)
        row[_F_MARKED_AGAINST] = float(not _AGAINST.isdisjoint(just_before))
        row[_F_LOCATIVE_BEFORE] = float(m.start > 0 and norms[m.start - 1] in _LOCATIVE)
        victim_before = float(not _VICTIM.isdisjoint(prev))
        row[_F_VICTIM_BEFORE] = victim_before
        row[_F_AGENT_BEFORE] = float(not _AGENT.isdisjoint(prev))
        row[_F_SAME_AS_LOCATION] = float(where is not None and m.country == where)
        row[_F_COUNTRY_COUNT] = float(min(counts[m.country], 3) - 1)
        foreign = float(where is not None and m.country != where)
        row[_F_FOREIGN] = foreign
        row[_F_SECTOR_AFTER] = float(is_after and kind == "sector")
        row[_F_DEMONYM_AFTER] = float(is_after and kind == "demonym")
        row[_F_PLACE_AFTER] = float(is_after and kind.startswith("place"))
        row[_F_AFTER_VICTIM_TRIGGER] = float(is_after and trig_victim)
        row[_F_FOREIGN_VICTIM] = foreign * victim_before
        row[_F_SPEAKER] = float(not SPEECH.isdisjoint(just_before))
        row[_F_MEDIA] = float(m.sector == "MED")
        row[_F_SEAT] = float(not _SEAT.isdisjoint(just_before) or norms[m.start] in _SEAT)
        if kind == "sector_only":
            row[_F_SECTOR_ONLY_COUNTRY_PLACE] = float(where_is_country)
            row[_F_SECTOR_ONLY_MANY] = float(many)
        # A place named without actor words («بغداد» when the event is in Iraq)
        # says where, and who is hit there, more than who acts.
        row[_F_PLACE_IN_LOCATION_COUNTRY] = float(
            not m.text and kind.startswith("place") and where is not None and m.country == where
        )
        for role, pick in zip(("source", "target"), word_order, strict=True):
            row[_WORD_ORDER_PICK] = float(
                pick is not None and pick.start == m.start and pick.end == m.end
            )
            out[role].append(Candidate(m, kind, tuple(row)))
    return out


@dataclass(frozen=True)
class RoleModel:
    """Linear scorers over :data:`FEATURES`, one per role."""

    weights: dict[str, tuple[float, ...]]
    version: str

    def score(self, cand: Candidate, role: str) -> float:
        # map(mul) adds in the same order as a generator, so scores are unchanged.
        return sum(map(mul, self.weights[role], cand.features))

    def pick(self, cands: list[Candidate], role: str) -> Candidate | None:
        """The best mention of the most probable country.

        The scorer is trained to put probability mass on the gold *country*
        (any of its mentions), so the decision sums the softmax over each
        country's mentions: three mentions of Iraq outweigh one stray
        «كبرى» read as Lebanon even if that one scores a little higher.
        Ties go to the earlier mention (text order).
        """
        if not cands:
            return None
        scores = [self.score(c, role) for c in cands]
        top = max(scores)
        mass: dict[str | None, float] = {}
        best: dict[str | None, tuple[float, Candidate]] = {}
        for c, s in zip(cands, scores, strict=True):
            k = c.mention.country
            mass[k] = mass.get(k, 0.0) + math.exp(s - top)
            if k not in best or s > best[k][0]:
                best[k] = (s, c)
        country = max(mass, key=mass.__getitem__)  # first maximum: earliest country
        return best[country][1]

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "features": list(FEATURES),
            "weights": {r: [round(w, 6) + 0.0 for w in ws] for r, ws in self.weights.items()},
        }


@cache
def load_roles() -> RoleModel | None:
    """The shipped role ranker, or None when no model file is present (word order alone)."""
    path = DATA / MODEL_FILE
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    if tuple(d["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was trained on other features: retrain it")
    return RoleModel({r: tuple(ws) for r, ws in d["weights"].items()}, d["version"])
