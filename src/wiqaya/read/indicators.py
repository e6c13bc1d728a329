"""Warning indicators named by the UN Secretary-General's report, found by lexicon.

The lexicons are data (``data/read/indicators.json``) with a version that every
hit carries. Each hit has its evidence span in the original text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from wiqaya.read.actors import DATA
from wiqaya.read.detector import StemMatcher, stem_matcher
from wiqaya.read.phrases import Token

INDICATORS = (
    "hate_speech_incitement",
    "human_rights_violations",
    "election_dispute_violence",
    "unconstitutional_change",
    "border_territorial_dispute",
    "armed_group_activity",
    "trafficking_organised_crime",
)
_ALL = frozenset(INDICATORS)


@dataclass(frozen=True, slots=True)
class IndicatorHit:
    indicator: str
    evidence: str
    start: int  # char offsets in the text the tokens came from
    end: int
    confidence: float
    lexicon_version: str


@dataclass(frozen=True)
class IndicatorLexicon:
    version: str
    arabic: StemMatcher
    english: StemMatcher

    def find(self, tokens: list[Token], text: str) -> list[IndicatorHit]:
        """One hit per indicator and sentence (the first evidence), in indicator order."""
        if not tokens:
            return []
        words = [t.norm for t in tokens]
        # A stem only where it is the word's own, as for event triggers.
        found = self.arabic.find(words, strict=_ALL)
        for k, v in self.english.find(words).items():
            found.setdefault(k, v)
        out = []
        for name in INDICATORS:
            if name in found:
                a, b = found[name]
                start, end = tokens[a].start, tokens[b - 1].end
                # Multi-word evidence is more specific than a single word.
                conf = 0.75 if b - a > 1 else 0.6
                out.append(IndicatorHit(name, text[start:end], start, end, conf, self.version))
        return out


@cache
def load_indicators() -> IndicatorLexicon:
    data = json.loads((DATA / "indicators.json").read_text(encoding="utf-8"))
    ind = data["indicators"]
    return IndicatorLexicon(
        data["version"],
        stem_matcher({k: ind[k]["ar"] for k in INDICATORS}, True, data.get("not_indicators_ar")),
        stem_matcher({k: [t.casefold() for t in ind[k]["en"]] for k in INDICATORS}, False),
    )
