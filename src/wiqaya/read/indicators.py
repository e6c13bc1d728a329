"""Warning indicators named by the UN Secretary-General's report, found by lexicon.

The lexicons are data (``data/read/indicators.json``) with a version that every
hit carries. Each hit has its evidence span in the original text.

Four kinds of entry, all data, and one spelling rule:

- ``ar`` / ``en`` terms: a term alone is the evidence («تعذيب», "coup d'etat");
- ``cooccur`` rules: a word that is neutral alone («الانتخابات», «الحدود»,
  «انقلاب», «القرصنة») counts only with a cue of the indicator within ``window``
  words («تزوير», «اشتباكات», «الجيش», «السفينة»); the evidence spans both. A rule
  may add ``with``, a second cue list that must be in the same window too: a call
  («دعوات») with an expulsion («لطرد») counts as incitement only when a group is
  named («أبناء الطائفة»), so that «دعا إلى طرد السفير» does not;
- ``not_after``: words that, just before a term, make it a name or a generic use
  («مجلس» before «حقوق الإنسان», «مكافحة» before «خطاب الكراهية»);
- ``negation``: a negation phrase within ``window`` words before a term or anchor
  («لم يتعرض أي من المعتقلين لسوء المعاملة», "no violence was reported") drops
  that match, unless a denial or accusation word comes earlier in the sentence
  («نفت الوزارة ... لم يتعرض ... للتعذيب»): the guideline counts denied
  allegations, not the writer's report that something did not happen. The cue of a
  ``cooccur`` rule is checked too («لم تسجل أي حوادث عنف خلال عملية الاقتراع»); «أي» /
  "any" after a negation or a question, a slogan («لا للانقلاب العسكري») and a risk
  or fear («يواجه خطر التعذيب») drop the match as well; "not only" («لم تتعرض لمذبحة
  فحسب») does not;
- Arabic entries led by the article also match after «ل», which drops its alif
  («للصعق الكهربائي» for «الصعق الكهربائي»; :func:`with_lam`);
- ``generic``: programme, law, conference and campaign frames («ورشة عمل حول مكافحة
  الاتجار بالبشر», "combating") before a term, for every indicator but armed groups.

An indicator may have several ``cooccur`` rules (a list), each with its own
anchors and cues; every anchor of a rule in the sentence is tried until one has
its cue (armed groups: a bombing with «انتحاري» or «استهدف», a group's
name with «مقاتلين» or «هجوم»).

A second source, :class:`EventRules`, derives ``armed_group_activity`` from the
coded events (an attack, kidnapping or arrest with an armed group as an actor,
a group's threat); the pipeline adds its hit where the lexicon has none in the
sentence, with the version ``<lexicon>+<rules>``.

Each indicator's confidence is measured: the Wilson lower bound of its precision
on ``evaluation/indicators_labels.jsonl`` (both halves since the third round),
``indicators_labels_fresh.jsonl`` (since the fourth) and
``indicators_labels_fresh2.jsonl`` (since the sixth), shrunk towards the pooled
rate (``python -m evaluation.indicators --fit``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import chain

from wiqaya.language.arabic import normalise
from wiqaya.read.actors import DATA, ActorMention
from wiqaya.read.detector import ARABIC_PROCLITICS, StemMatcher, stem_matcher
from wiqaya.read.phrases import NORM_OF, Token

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
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[A-Za-z]")
# Words looked at before a term by ``not_after``: «منظمات دولية لحقوق الإنسان».
_BEFORE = 2
# "Not only": «فحسب» / «فقط» within this many words after the term.
_ONLY_AFTER = 3
# «أي» / "any" within this many words before the term quantifies it («أي عمل إرهابي»).
_ANY_BEFORE = 2
_PUNCT = "،,.؛;:!?؟»«\"'()"


@dataclass(frozen=True, slots=True)
class IndicatorHit:
    indicator: str
    evidence: str
    start: int  # char offsets in the text the tokens came from
    end: int
    confidence: float
    lexicon_version: str


# A rule's ``with`` cues and the anchor keys («name~i») that need one.
_With = tuple[StemMatcher, frozenset[str]]

# A cooccurrence anchor is matched in the same pass as the terms, under its
# indicator's name, this suffix and the rule's number: one pass over the words
# per language.
_ANCHOR = "~"


def _indicator(label: str) -> str:
    return label.partition(_ANCHOR)[0]


@dataclass(frozen=True)
class IndicatorLexicon:
    version: str
    arabic: StemMatcher
    english: StemMatcher
    confidence: dict[str, float] = field(default_factory=dict)
    not_after: dict[str, frozenset[str]] = field(default_factory=dict)
    cues_ar: StemMatcher | None = None
    cues_en: StemMatcher | None = None
    window: int = 6
    # The rules' ``with`` cues per language, keyed like the cues, and the keys
    # of the rules that have them.
    with_ar: _With | None = None
    with_en: _With | None = None
    negation: tuple[str, ...] = ()
    denial: tuple[str, ...] = ()
    negation_window: int = 3
    only: frozenset[str] = frozenset()
    negation_words: frozenset[str] = frozenset()
    any_words: frozenset[str] = frozenset()
    any_licence: frozenset[str] = frozenset()
    slogan: frozenset[str] = frozenset()
    irrealis: frozenset[str] = frozenset()
    # Per indicator: its ``not_after`` words and the generic frames, unless spared.
    blocked: dict[str, frozenset[str]] = field(default_factory=dict)
    # The ``with`` cue is a third word of the rule, so it is looked for further
    # out: an agent or a victim a clause away from the act («خطفت عصابة رجل
    # أعمال واشترطت دفع مبلغ كبير للإفراج عنه»).
    with_window: int = 6

    def find(self, tokens: list[Token], text: str) -> list[IndicatorHit]:
        """One hit per indicator and sentence (the first evidence), in indicator order."""
        if not tokens:
            return []
        words = list(map(NORM_OF, tokens))
        # Each lexicon's terms are in its own script, so a sentence without a
        # letter of that script cannot match: skipping the pass saves a third
        # of the indicators' time on Arabic news.
        span = text[tokens[0].start : tokens[-1].end]
        found: dict[str, tuple[int, int]] = {}
        if _ARABIC_LETTER.search(span):
            # A stem only where it is the word's own, as for event triggers.
            memo: dict = {}
            found = self._resolved(
                self.arabic.find(words, _STRICT, self._rejecter(self.cues_ar, self.with_ar, memo)),
                words,
                self.cues_ar,
                self.with_ar,
                memo,
            )
        if _LATIN_LETTER.search(span):
            memo = {}
            for k, v in self._resolved(
                self.english.find(words, reject=self._rejecter(self.cues_en, self.with_en, memo)),
                words,
                self.cues_en,
                self.with_en,
                memo,
            ).items():
                found.setdefault(k, v)
        out = []
        for name in INDICATORS:
            if name in found:
                a, b = found[name]
                start, end = tokens[a].start, tokens[b - 1].end
                conf = self.confidence.get(name, 0.6)
                out.append(IndicatorHit(name, text[start:end], start, end, conf, self.version))
        return out

    def _rejecter(
        self, cues: StemMatcher | None, also: _With | None, memo: dict | None = None
    ) -> Callable[[list[str], int, int, str], bool]:
        """The matcher's ``reject``: a term's blocks and negation, and an anchor without a cue.

        An anchor with no cue near it is refused, so the matcher tries the
        rule's next anchor in the sentence: «واختطف 9 عراقيين ... مقتل الرهينة»
        has its cue near the second anchor, not the first.
        """

        def reject(words: list[str], start: int, end: int, label: str) -> bool:
            if self._reject(words, start, end, label):
                return True
            return (
                _ANCHOR in label and self._cue(words, start, end, label, cues, also, memo) is None
            )

        return reject

    def _cue(
        self,
        words: list[str],
        a: int,
        b: int,
        key: str,
        cues: StemMatcher | None,
        also: _With | None = None,
        memo: dict | None = None,
    ) -> tuple[int, int] | None:
        """The span of the anchor at ``a:b`` and its first cue within the window, if any.

        A rule with ``with`` cues needs one of those in the window as well; the
        span then takes in all three. ``memo``: one sentence's (one language's)
        answers, shared by the matcher's ``reject`` and :meth:`_resolved`, which
        asks again about every anchor the matcher kept.
        """
        if cues is None:
            return None
        if memo is None:
            memo = {}
        asked = (key, a, b)
        if asked in memo:
            return memo[asked]
        out = self._cue_span(words, a, b, key, cues, also)
        memo[asked] = out
        return out

    def _cue_span(
        self,
        words: list[str],
        a: int,
        b: int,
        key: str,
        cues: StemMatcher,
        also: _With | None,
    ) -> tuple[int, int] | None:
        lo = max(0, a - self.window)
        window = words[lo : b + self.window]
        near = cues.find_label(window, key, _STRICT)
        if near is None:
            return None
        c, d = near
        # The cue may carry the negation: «لم تسجل أي حوادث عنف خلال
        # عملية الاقتراع» ("no violence was reported at the polls").
        if self.negation and self._negated(words, lo + c, lo + d):
            return None
        start, end = min(a, lo + c), max(b, lo + d)
        if also is not None and key in also[1]:
            # The cue's window first, so that the evidence stays as short as it can.
            wlo, more = lo, also[0].find_label(window, key, _STRICT)
            if more is None and self.with_window > self.window:
                wlo = max(0, a - self.with_window)
                more = also[0].find_label(words[wlo : b + self.with_window], key, _STRICT)
            if more is None:
                return None
            e, f = more
            start, end = min(start, wlo + e), max(end, wlo + f)
        return start, end

    def _resolved(
        self,
        found: dict[str, tuple[int, int]],
        words: list[str],
        cues: StemMatcher | None,
        also: _With | None,
        memo: dict | None = None,
    ) -> dict[str, tuple[int, int]]:
        """Terms as found; an anchor (one with a cue, see :meth:`_rejecter`) spans both."""
        anchors = sorted((k for k in found if _ANCHOR in k), key=lambda k: found[k])
        for key in anchors:
            a, b = found.pop(key)
            name = _indicator(key)
            if name in found:
                continue
            span = self._cue(words, a, b, key, cues, also, memo)
            if span is not None:
                found[name] = span
        return found

    def _reject(self, words: list[str], start: int, end: int, label: str) -> bool:
        blocked = self.blocked.get(_indicator(label))
        if blocked and _has_form(words[max(0, start - _BEFORE) : start], blocked):
            return True
        return self._negated(words, start, end)

    def _negated(self, words: list[str], start: int, end: int | None = None) -> bool:
        """The writer says the thing did not happen, or speaks of any such thing.

        A negation phrase within the window before ``start``, or «أي» / "any"
        quantifying the term after a negation or a question («لم ترع ... أي عمل
        إرهابي»), drops the match; "not only" («لم تتعرض لمذبحة فحسب») does not;
        a denial or accusation earlier in the sentence keeps it.
        """
        if not self.negation:
            return False
        lo = max(0, start - self.negation_window)
        window = words[lo:start]
        # Phrases padded with spaces: whole words only («لم يتعرض», "no").
        negated = self._negation_re.search(f" {' '.join(window).casefold()} ") is not None
        if negated and self._not_only(words, lo, start, end):
            negated = False
        if not negated:
            # Most windows hold none of the words the three checks look for.
            if not _has_form(window, self._markers):
                return False
            negated = (
                self._any(words, start)
                or self._slogan(words, start)
                or self._irrealis(words, lo, start)
            )
        if not negated:
            return False
        return not any(f.startswith(self.denial) for w in words[:start] for f in _forms(w))

    @cached_property
    def _negation_re(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(p) for p in self.negation) or "(?!)")

    @cached_property
    def _markers(self) -> frozenset[str]:
        """Any word the «أي», slogan or risk checks react to, as :func:`_forms` gives it."""
        return (
            self.irrealis
            | self.slogan
            | self.any_words
            | frozenset(c + a for a in self.any_words for c in ("و", "ف"))
        )

    def _not_only(self, words: list[str], lo: int, start: int, end: int | None) -> bool:
        """«لم ... فحسب / فقط» after the term, "not only" / "not just" before it."""
        if not self.only:
            return False
        stop = end if end is not None else start + 1
        after = words[stop : stop + _ONLY_AFTER]
        if any(w.strip(_PUNCT).casefold() in self.only for w in after):
            return True
        window = [w.casefold() for w in words[lo:start]]
        return any(
            a in self.negation_words and b in self.only
            for a, b in zip(window, window[1:], strict=False)
        )

    def _irrealis(self, words: list[str], lo: int, start: int) -> bool:
        """A risk or a fear («خطر التعذيب», «تحسبا لأي هجمات»), not an instance."""
        return bool(self.irrealis) and _has_form(words[lo:start], self.irrealis)

    def _slogan(self, words: list[str], start: int) -> bool:
        """«لا للانقلاب العسكري», «كلا للإرهاب»: "no to" a thing is a slogan, not an instance."""
        return (
            start > 0
            and words[start - 1] in self.slogan
            and words[start][:1] == "ل"
            and len(words[start]) > 3
        )

    def _any(self, words: list[str], start: int) -> bool:
        """«أي» / "any" just before the term, licensed by a negation or a question before it."""
        if not self.any_words:
            return False
        for k in range(max(0, start - _ANY_BEFORE), start):
            # Only «و» / «ف» stripped: a longer proclitic would find «أي» in «مائة».
            w = words[k].casefold()
            if w in self.any_words or (w[:1] in ("و", "ف") and w[1:] in self.any_words):
                licence = words[max(0, k - self.negation_window) : k]
                return _has_form(licence, self.any_licence)
        return False


# Up to this many cooccurrence rules per indicator.
_RULES = 24
_STRICT = _ALL | frozenset(f"{name}{_ANCHOR}{i}" for name in INDICATORS for i in range(_RULES))


_FORMS: dict[str, tuple[str, ...]] = {}


def _has_form(words: list[str], vocab: frozenset[str]) -> bool:
    """Whether a word of ``words``, as :func:`_forms` gives it, is in ``vocab``."""
    return not vocab.isdisjoint(chain.from_iterable(map(_forms, words)))


def _forms(word: str) -> tuple[str, ...]:
    """The word and the word without a proclitic group («لحقوق», «ومكافحة»), case-folded.

    Cached: the checks around a match look at the same few words again and again.
    """
    out = _FORMS.get(word)
    if out is None:
        folded = word.casefold()
        cut = [n for n in (1, 2, 3) if len(folded) > n + 2 and folded[:n] in ARABIC_PROCLITICS]
        out = (folded, *[folded[n:] for n in cut])
        if len(_FORMS) < 300_000:
            _FORMS[word] = out
    return out


def _rules(rules: dict, lang: str, classes: dict | None = None) -> dict[str, dict]:
    """Anchor key («name~0») → the rule's anchors and cues in ``lang``, classes expanded."""
    out = {}
    for k, r in rules.items():
        listed = r if isinstance(r, list) else [r]
        if len(listed) > _RULES:
            raise ValueError(f"more than {_RULES} cooccur rules for {k}")
        for i, one in enumerate(listed):
            if lang in one:
                out[f"{k}{_ANCHOR}{i}"] = {
                    f: _expand(v, classes or {}, lang) for f, v in one[lang].items()
                }
    return out


_CLASS = "@"


def _expand(entries: list[str], classes: dict, lang: str) -> list[str]:
    """A rule's word list with each ``@class`` replaced by the class's words in ``lang``.

    A class (``cooccur.classes``: the acts of abuse, the people in custody, the
    state's armed agents) is written once and shared by the rules that pair it
    with another class, so that a verb added to the acts reaches every object.
    """
    out: list[str] = []
    for e in entries:
        if not e.startswith(_CLASS):
            out.append(e)
            continue
        name = e[len(_CLASS) :]
        if name not in classes:
            raise ValueError(f"unknown word class {e} in a cooccur rule")
        out += classes[name].get(lang, [])
    return out


# English inflections: the matcher takes any ending after a stem, so a term
# written in one form ("militants", "tortured") is cut to its stem and matches
# the family (militant, tortures, torturing). A stem keeps at least 5 letters.
_EN_SUFFIXES = (
    "ements",
    "ement",
    "ations",
    "ation",
    "ings",
    "ing",
    "ions",
    "ion",
    "ers",
    "er",
    "ed",
    "es",
    "e",
    "s",
)
_EN_STEM_MIN = 5


def en_stem(term: str) -> str:
    """Each word of an English term without one inflection or derivation suffix."""
    out = []
    for w in term.casefold().split():
        for suf in _EN_SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= _EN_STEM_MIN:
                w = w[: -len(suf)]
                break
        out.append(w)
    return " ".join(out)


def with_lam(terms: list[str]) -> list[str]:
    """Arabic terms, and each one led by «ال» also led by «لل».

    «ل» before the article drops its alif: «للصعق الكهربائي», «للمتظاهرين»
    do not hold «الصعق», «المتظاهرين», and a stem matches only inside a
    word. «بال» and «وال» forms hold the article and need nothing.
    """
    out = list(terms)
    out += [f"لل{t[2:]}" for t in terms if t.startswith("ال") and len(t.split()[0]) > 3]
    return out


def _fold(lang: str) -> Callable[[list[str]], list[str]]:
    if lang == "ar":
        return with_lam
    return lambda terms: [en_stem(t) for t in terms]


def _entries(ind: dict, rules: dict, lang: str, classes: dict) -> dict[str, list[str]]:
    fold = _fold(lang)
    out = {k: fold(ind[k][lang]) for k in INDICATORS}
    for key, r in _rules(rules, lang, classes).items():
        out[key] = fold(r["anchor"])
    return out


def _cues(rules: dict, lang: str, classes: dict, field: str = "cue") -> StemMatcher | None:
    fold = _fold(lang)
    cues = {key: fold(r[field]) for key, r in _rules(rules, lang, classes).items() if field in r}
    return stem_matcher(cues, lang == "ar") if cues else None


def _with(rules: dict, lang: str, classes: dict) -> _With | None:
    matcher = _cues(rules, lang, classes, "with")
    if matcher is None:
        return None
    keys = frozenset(k for k, r in _rules(rules, lang, classes).items() if "with" in r)
    return matcher, keys


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
    rules = co.get("rules", {})
    classes = co.get("classes", {})
    neg = data.get("negation", {})
    generic = data.get("generic", {})
    spared = frozenset(generic.get("except", []))
    frames = _words(generic, "")
    return IndicatorLexicon(
        data["version"],
        stem_matcher(_entries(ind, rules, "ar", classes), True, data.get("not_indicators_ar")),
        stem_matcher(_entries(ind, rules, "en", classes), False),
        {k: float(ind[k]["confidence"]) for k in INDICATORS if "confidence" in ind[k]},
        not_after,
        _cues(rules, "ar", classes),
        _cues(rules, "en", classes),
        int(co.get("window", 6)),
        _with(rules, "ar", classes),
        _with(rules, "en", classes),
        tuple(
            f" {p} "
            for p in [normalise(w) for w in neg.get("ar", [])]
            + [w.casefold() for w in neg.get("en", [])]
        ),
        tuple(
            [normalise(w) for w in neg.get("denial_ar", [])]
            + [w.casefold() for w in neg.get("denial_en", [])]
        ),
        int(neg.get("window", 3)),
        _words(neg, "only"),
        # The last word of each phrase: "were not" + "only" is "not only".
        frozenset(w.split()[-1].casefold() for w in neg.get("en", []) + neg.get("ar", [])),
        _words(neg, "any"),
        _words(neg, "any_licence"),
        _words(neg, "slogan"),
        _words(neg, "irrealis"),
        {
            k: not_after.get(k, frozenset()) | (frozenset() if k in spared else frames)
            for k in INDICATORS
        },
        int(co.get("with_window", co.get("window", 6))),
    )


def _words(d: dict, key: str) -> frozenset[str]:
    """``key_ar`` normalised and ``key_en`` case-folded (``key`` empty: ``ar`` / ``en``)."""
    pre = f"{key}_" if key else ""
    return frozenset(
        [normalise(w) for w in d.get(f"{pre}ar", [])]
        + [w.casefold() for w in d.get(f"{pre}en", [])]
    )


@dataclass(frozen=True)
class EventRules:
    """Indicator hits from coded events: the second source of ``armed_group_activity``.

    The lexicon fires on its own words only; the event coder already knows many
    more groups (actor mentions with sector REB: «قوات الدعم السريع», "al-Shabaab")
    and their acts. The rules are data (``events`` in ``indicators.json``), and
    their hits carry the lexicon's version and theirs.
    """

    version: str
    sectors: frozenset[str]
    countries: frozenset[str]
    country_sectors: frozenset[str | None]
    either: frozenset[str]
    source: frozenset[str]
    gap: int
    confidence: float

    def armed(self, m: ActorMention | None) -> bool:
        if m is None or not m.text:
            return False
        if m.sector in self.sectors:
            return True
        return m.country in self.countries and m.sector in self.country_sectors

    def group_of(
        self, event_type: str, source: ActorMention | None, target: ActorMention | None
    ) -> ActorMention | None:
        """The armed group the event makes an instance of the indicator, if any."""
        if event_type in self.either or event_type in self.source:
            if self.armed(source):
                return source
            if event_type in self.either and self.armed(target):
                return target
        return None

    def hit(
        self,
        group: ActorMention,
        trig_start: int,
        trig_end: int,
        tokens: list[Token],
        sentence: str,
        offset: int,
    ) -> IndicatorHit:
        """The hit for ``group``'s event at tokens ``trig_start:trig_end``.

        The evidence runs from the mention through the trigger when they are
        close («هاجمت قوات الدعم السريع»); a mention far from its trigger is
        the evidence alone, so the span does not take in half the sentence.
        """
        a, b = group.start, group.end
        if max(trig_start - b, a - trig_end) <= self.gap:
            a, b = min(a, trig_start), max(b, trig_end)
        start, end = tokens[a].start, tokens[b - 1].end
        return IndicatorHit(
            "armed_group_activity",
            sentence[start - offset : end - offset],
            start,
            end,
            self.confidence,
            f"{load_indicators().version}+{self.version}",
        )


@cache
def load_event_rules() -> EventRules:
    data = json.loads((DATA / "indicators.json").read_text(encoding="utf-8"))
    ev = data["events"]
    r = ev["armed_group_activity"]
    return EventRules(
        ev["version"],
        frozenset(r["sectors"]),
        frozenset(r["countries"]),
        frozenset(r["country_sectors"]),
        frozenset(r["either"]),
        frozenset(r["source"]),
        int(r["gap"]),
        float(r["confidence"]),
    )
