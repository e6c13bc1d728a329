"""Warning indicators named by the UN Secretary-General's report, found by lexicon.

The lexicons are data (``data/read/indicators.json``) with a version that every
hit carries. Each hit has its evidence span in the original text.

Three kinds of entry, all data:

- ``ar`` / ``en`` terms: a term alone is the evidence («تعذيب», "coup d'etat");
- ``cooccur`` rules: a word that is neutral alone («الانتخابات», «الحدود»,
  «انقلاب», «القرصنة») counts only with a cue of the indicator within ``window``
  words («تزوير», «اشتباكات», «الجيش», «السفينة»); the evidence spans both;
- ``not_after``: words that, just before a term, make it a name or a generic use
  («مجلس» before «حقوق الإنسان», «مكافحة» before «خطاب الكراهية»).

Each indicator's confidence is its measured precision on the dev half of
``evaluation/indicators_labels.jsonl`` (``python -m evaluation.indicators --fit``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from wiqaya.language.arabic import normalise
from wiqaya.read.actors import DATA
from wiqaya.read.detector import ARABIC_PROCLITICS, StemMatcher, stem_matcher
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
# Words looked at before a term by ``not_after``: «منظمات دولية لحقوق الإنسان».
_BEFORE = 2


@dataclass(frozen=True, slots=True)
class IndicatorHit:
    indicator: str
    evidence: str
    start: int  # char offsets in the text the tokens came from
    end: int
    confidence: float
    lexicon_version: str


@dataclass(frozen=True)
class _Cooccur:
    anchors: StemMatcher
    cues: StemMatcher
    window: int


@dataclass(frozen=True)
class IndicatorLexicon:
    version: str
    arabic: StemMatcher
    english: StemMatcher
    confidence: dict[str, float] = field(default_factory=dict)
    not_after: dict[str, frozenset[str]] = field(default_factory=dict)
    cooccur_ar: _Cooccur | None = None
    cooccur_en: _Cooccur | None = None

    def find(self, tokens: list[Token], text: str) -> list[IndicatorHit]:
        """One hit per indicator and sentence (the first evidence), in indicator order."""
        if not tokens:
            return []
        words = [t.norm for t in tokens]
        reject = self._reject if self.not_after else None
        # A stem only where it is the word's own, as for event triggers.
        found = self.arabic.find(words, strict=_ALL, reject=reject)
        for k, v in self.english.find(words, reject=reject).items():
            found.setdefault(k, v)
        for rule, strict in ((self.cooccur_ar, _ALL), (self.cooccur_en, frozenset())):
            if rule is not None:
                for k, v in _cooccurring(rule, words, strict, found, reject).items():
                    found.setdefault(k, v)
        out = []
        for name in INDICATORS:
            if name in found:
                a, b = found[name]
                start, end = tokens[a].start, tokens[b - 1].end
                conf = self.confidence.get(name, 0.6)
                out.append(IndicatorHit(name, text[start:end], start, end, conf, self.version))
        return out

    def _reject(self, words: list[str], start: int, end: int, label: str) -> bool:
        blocked = self.not_after.get(label)
        if not blocked:
            return False
        return any(f in blocked for w in words[max(0, start - _BEFORE) : start] for f in _forms(w))


def _forms(word: str) -> tuple[str, ...]:
    """The word and the word without a proclitic group («لحقوق», «ومكافحة»)."""
    return (word,) + tuple(
        word[n:] for n in (1, 2, 3) if len(word) > n + 2 and word[:n] in ARABIC_PROCLITICS
    )


def _cooccurring(
    rule: _Cooccur,
    words: list[str],
    strict: frozenset[str],
    found: dict[str, tuple[int, int]],
    reject: Callable[[list[str], int, int, str], bool] | None,
) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    anchors = rule.anchors.find(words, strict=strict, reject=reject)
    for label, (a, b) in anchors.items():
        if label in found:
            continue
        lo = max(0, a - rule.window)
        cues = rule.cues.find(words[lo : b + rule.window], strict=strict)
        if label in cues:
            c, d = cues[label]
            out[label] = (min(a, lo + c), max(b, lo + d))
    return out


def _cooccur(rules: dict, lang: str, window: int) -> _Cooccur | None:
    arabic = lang == "ar"
    anchors = {k: r[lang]["anchor"] for k, r in rules.items() if lang in r}
    if not anchors:
        return None
    cues = {k: r[lang]["cue"] for k, r in rules.items() if lang in r}
    if not arabic:
        anchors = {k: [t.casefold() for t in v] for k, v in anchors.items()}
        cues = {k: [t.casefold() for t in v] for k, v in cues.items()}
    return _Cooccur(stem_matcher(anchors, arabic), stem_matcher(cues, arabic), window)


@cache
def load_indicators() -> IndicatorLexicon:
    data = json.loads((DATA / "indicators.json").read_text(encoding="utf-8"))
    ind = data["indicators"]
    not_after = {
        k: frozenset(
            [normalise(w) for w in v.get("ar", [])] + [w.casefold() for w in v.get("en", [])]
        )
        for k, v in data.get("not_after", {}).items()
    }
    co = data.get("cooccur", {})
    rules, window = co.get("rules", {}), int(co.get("window", 6))
    return IndicatorLexicon(
        data["version"],
        stem_matcher({k: ind[k]["ar"] for k in INDICATORS}, True, data.get("not_indicators_ar")),
        stem_matcher({k: [t.casefold() for t in ind[k]["en"]] for k in INDICATORS}, False),
        {k: float(ind[k]["confidence"]) for k in INDICATORS if "confidence" in ind[k]},
        not_after,
        _cooccur(rules, "ar", window),
        _cooccur(rules, "en", window),
    )
