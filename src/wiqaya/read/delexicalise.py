"""The detector's view of a sentence: country words and place names replaced by a class.

The Arabic gold data the detector learns from is news of 2007–2008, most of it
from Iraq. A model that sees country words learns the era's countries, not the
event: «قتل عشرة أشخاص في اشتباكات بين الجيش العراقي والمسلحين» scored 0.72
and the same sentence with «السوداني» and «دارفور» 0.35. Replacing the words
that only say *which* country or place by ``zcountry`` / ``zplace`` keeps
what says *what happened* («الجيش», «اشتباكات», «قتل») and drops the rest, so
a clash in El Fasher is judged like a clash in Mosul.

One word stays one word: the clause features count positions, and the
trigger's position must not move.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from wiqaya.read.actors import ActorMention, iso3_codes, load_actors
from wiqaya.read.phrases import MAX_CACHED_WORD, NORM_OF, Token
from wiqaya.read.places import PlaceMention, load_gazetteer

COUNTRY = "zcountry"
PLACE = "zplace"
GROUP = "zgroup"
_WORD_CACHE_MAX = 200_000


class _CountryWords:
    """Whether a normalised word alone names a state or its people («السوداني», «ولبنان»).

    Only actor entries with an ISO country and no sector: «الجيش السوداني»
    keeps «الجيش»; groups («طالبان», «القاعدة»), peoples without a state
    («الأكراد») and bodies («الناتو») are what acted, not where, and stay.
    """

    def __init__(self) -> None:
        self._index = load_actors().index
        self._iso = iso3_codes()
        self.known: dict[str, bool] = {}

    def look_up(self, word: str) -> bool:
        code = self._index.payload_of(word)
        hit = code is not None and code.sector is None and code.country in self._iso
        if len(self.known) < _WORD_CACHE_MAX and len(word) <= MAX_CACHED_WORD:
            self.known[word] = hit
        return hit


@cache
def _country_words() -> _CountryWords:
    return _CountryWords()


def detector_norm(
    tokens: Sequence[Token],
    places: Iterable[PlaceMention],
    actors: Iterable[ActorMention] = (),
) -> str:
    """Token norms, one space apart, with resolved places, named armed groups
    (actor mentions with a country and sector REB) and country words replaced."""
    countries = _country_words()
    # Cached flags in one C-level pass; only new words reach the index.
    words = list(map(NORM_OF, tokens))
    flags = list(map(countries.known.get, words))
    out = [
        COUNTRY if (f if f is not None else countries.look_up(w)) else w
        for w, f in zip(words, flags, strict=True)
    ]
    iso = iso3_codes()
    for a in actors:
        if a.sector == "REB" and a.country in iso:
            out[max(a.start, 0) : a.end] = [GROUP] * len(out[max(a.start, 0) : a.end])
    for p in places:
        if p.status == "resolved":
            out[p.tok_start : p.tok_end] = [PLACE] * len(out[p.tok_start : p.tok_end])
    return " ".join(out)


def sentence_norm(text: str, tokens: Sequence[Token]) -> str:
    """:func:`detector_norm` of a sentence read alone (training and evaluation).

    The pipeline passes the places it resolved with the whole document's
    context; a sentence alone has only its own.
    """
    places = load_gazetteer().mentions(tokens, text)
    return detector_norm(tokens, places, load_actors().mentions(list(tokens), text))
