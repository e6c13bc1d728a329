"""Draw the sentences of the indicator labelled set (evaluation/indicators_labels.jsonl).

    PYTHONPATH=src python -m evaluation.indicators_draw [--fresh|--fresh2|...|--fresh8] >OUT

``--fresh`` draws the second, fresh held-out set (``indicators_labels_fresh.jsonl``,
seed 20261126, lexicon ``indicators-2026.11.25``, i.e. the data file as of commit
19f5952; see ``draw_fresh``). ``--fresh2`` draws the third held-out set
(``indicators_labels_fresh2.jsonl``, seed 20261201, lexicon ``FRESH2_DRAWN_WITH``, i.e.
the data file as of commit 516649e, unchanged at 108911a; see ``draw_fresh2``).
``--fresh3`` draws the fourth held-out set (``indicators_labels_fresh3.jsonl``, seed
20261202, lexicon ``FRESH3_DRAWN_WITH``, i.e. the data file as of commit 2d79ea0,
unchanged at c50eb2c; see ``draw_fresh3``). ``--fresh4`` draws the fifth held-out set
(``indicators_labels_fresh4.jsonl``, seed 20261203, lexicon ``FRESH4_DRAWN_WITH``, i.e.
the data file as of commit 0d376a0 and the indicator code as of 7b143b3; see
``draw_fresh4``). ``--fresh5`` draws the sixth held-out set
(``indicators_labels_fresh5.jsonl``, seed 20261204, lexicon ``FRESH5_DRAWN_WITH``, i.e.
the data file as of commit 246d9b6 and the indicator code as of 80fd888, unchanged at
bb9b7d8; see ``draw_fresh5``). ``--fresh6`` draws the seventh held-out set
(``indicators_labels_fresh6.jsonl``, seed 20261205, lexicon ``FRESH6_DRAWN_WITH``, i.e. the
data file as of commit f778e5b and the indicator code as of fd9642b, unchanged at 5910b4b;
see ``draw_fresh6``). ``--fresh7`` draws the eighth held-out set
(``indicators_labels_fresh7.jsonl``, seed 20261206, lexicon ``FRESH7_DRAWN_WITH``, i.e. the
data file as of commit cbba8b6 and the indicator code as of ec8d758, unchanged at 93ced02;
see ``draw_fresh7``). ``--fresh8`` draws the ninth held-out set
(``indicators_labels_fresh8.jsonl``, seed 20261207, lexicon ``FRESH8_DRAWN_WITH``, i.e. the
data file as of commit a79d772 and the indicator code as of eb2c5e0, unchanged at 462a2ef;
see ``draw_fresh8``).

Run once, with the lexicon ``indicators-2026.11.24``, before any lexicon change;
kept so the draw can be checked. The strata depend on what the lexicon fires on,
so a later lexicon draws other sentences: to reproduce the set, run it with
``src/wiqaya/data/read/indicators.json`` as of commit 5b06e85 (it warns otherwise).
Fixed seed; strata per language:

- ``fires:<indicator>``: sentences the lexicon fires on for that indicator
  (precision), up to ``PER_FIRED`` each;
- ``candidate``: sentences it fires on for nothing but that hold a broader
  candidate word (``CANDIDATES``) of some indicator (misses);
- ``random``: a plain random sample of the rest.

Arabic sentences are the distinct texts of ``arabic_event_gsr/*_detection.dev.csv``
(MIT); English ones the ``<Text>`` of the two PETRARCH validation files (MIT,
tests and evaluation only). Within each stratum the drawn sentences alternate
dev / heldout in draw order. Sentences written by hand for the indicators rare
in the news data are added to the labels file separately (``"source": "written"``).
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

from wiqaya.read.indicators import INDICATORS, load_indicators
from wiqaya.read.phrases import tokenize

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED = 20261124
PER_FIRED = {"ar": 14, "en": 5}
N_CANDIDATE = {"ar": 60, "en": 10}
N_RANDOM = {"ar": 50, "en": 10}
# Broader word starts (normalised Arabic, lower-case English) that may carry an
# indicator the lexicon misses; for drawing only, never for scoring.
CANDIDATES = {
    "ar": (
        "انتخاب",
        "اقتراع",
        "ناخب",
        "حدود",
        "حدودي",
        "سجن",
        "سجين",
        "معتقل",
        "اعتقل",
        "اعدام",
        "مسلح",
        "فصيل",
        "فصائل",
        "تهريب",
        "مهرب",
        "مخدر",
        "اختطاف",
        "خطف",
        "ارهاب",
        "انقلاب",
        "عسكري",
        "كراهي",
        "طائف",
        "مذهب",
        "قمع",
        "حقوق",
        "تعذيب",
        "جماعه",
        "تنظيم",
        "عصاب",
        "متمرد",
        "ميليشي",
        "مليشي",
        "اغتيال",
        "قتل",
    ),
    "en": (
        "elect",
        "vote",
        "poll",
        "border",
        "territor",
        "prison",
        "detain",
        "arrest",
        "militant",
        "rebel",
        "guerr",
        "smuggl",
        "drug",
        "kidnap",
        "terror",
        "coup",
        "hate",
        "abuse",
        "rights",
        "torture",
        "gang",
        "insurg",
    ),
}


def arabic_sentences() -> list[str]:
    texts: set[str] = set()
    for kind in ("protest", "assault"):
        path = SHARED / "arabic_event_gsr" / f"{kind}_detection.dev.csv"
        with path.open(encoding="utf-8") as fh:
            texts.update(r["text"].strip() for r in csv.DictReader(fh))
    return sorted(t for t in texts if t)


def english_sentences() -> list[str]:
    texts: set[str] = set()
    for name in ("PETR_Validate_records_2_02.xml", "PETR2_GSR_validation.xml"):
        raw = (SHARED / "english_event_gsr" / name).read_text(encoding="utf-8")
        for t in re.findall(r"<Text>(.*?)</Text>", raw, re.S):
            t = " ".join(t.split())
            if t:
                texts.add(t)
    return sorted(texts)


def fired(text: str) -> list[str]:
    return [h.indicator for h in load_indicators().find(tokenize(text), text)]


def has_candidate(text: str, lang: str) -> bool:
    words = [t.norm for t in tokenize(text)]
    if lang == "en":
        words = [w.casefold() for w in words]
    cands = CANDIDATES[lang]
    return any(c in w[: len(c) + 3] for w in words for c in cands)


def _strata(
    rng: random.Random, texts: list[str], lang: str, per_fired: int, n_candidate: int, n_random: int
) -> list[tuple[str, list[str]]]:
    """Sentences each indicator fires on, then unfired ones with a candidate word, then any.

    A sentence is drawn once; the draws run in this order so that a seed
    reproduces a set.
    """
    hits = {t: fired(t) for t in texts}
    taken: set[str] = set()
    strata: list[tuple[str, list[str]]] = []
    for ind in INDICATORS:
        pool = [t for t in texts if ind in hits[t] and t not in taken]
        pick = rng.sample(pool, min(per_fired, len(pool)))
        taken.update(pick)
        strata.append((f"fires:{ind}", pick))
    pool = [t for t in texts if not hits[t] and t not in taken and has_candidate(t, lang)]
    pick = rng.sample(pool, min(n_candidate, len(pool)))
    taken.update(pick)
    strata.append(("candidate", pick))
    pool = [t for t in texts if t not in taken]
    strata.append(("random", rng.sample(pool, min(n_random, len(pool)))))
    return strata


def draw() -> list[dict]:
    rng = random.Random(SEED)
    out: list[dict] = []
    for lang, texts in (("ar", arabic_sentences()), ("en", english_sentences())):
        strata = _strata(rng, texts, lang, PER_FIRED[lang], N_CANDIDATE[lang], N_RANDOM[lang])
        for name, pick in strata:
            for k, t in enumerate(pick):
                split = "dev" if k % 2 == 0 else "heldout"
                src = "arabic_event_gsr dev" if lang == "ar" else "english_event_gsr PETRARCH"
                out.append({"text": t, "lang": lang, "split": split, "source": f"{src}; {name}"})
    return out


DRAWN_WITH = "indicators-2026.11.24"


# The fresh set (evaluation/indicators_labels_fresh.jsonl): drawn after the first
# set's held-out half had been scored, so that a new rule can be judged on
# sentences nobody has looked at. Same strata, another seed, no sentence of the
# first set; English adds the PLOVER example sentences (CC BY-SA 4.0, evaluation only).
FRESH_SEED = 20261126
FRESH_DRAWN_WITH = "indicators-2026.11.25"
FRESH_PER_FIRED = {"ar": 9, "en": 4}
FRESH_N_CANDIDATE = {"ar": 40, "en": 14}
FRESH_N_RANDOM = {"ar": 30, "en": 12}


def plover_sentences() -> list[str]:
    raw = (SHARED / "english_event_gsr" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8")
    texts = {" ".join(r.get("text", "").split()) for r in json.loads(raw)}
    return sorted(t for t in texts if t and r"\n" not in t)


def draw_fresh() -> list[dict]:
    first = Path(__file__).with_name("indicators_labels.jsonl")
    seen = {json.loads(line)["text"] for line in first.read_text(encoding="utf-8").splitlines()}
    rng = random.Random(FRESH_SEED)
    out: list[dict] = []
    english = sorted(set(english_sentences()) | set(plover_sentences()))
    for lang, texts in (("ar", arabic_sentences()), ("en", english)):
        texts = [t for t in texts if t not in seen]
        strata = _strata(
            rng, texts, lang, FRESH_PER_FIRED[lang], FRESH_N_CANDIDATE[lang], FRESH_N_RANDOM[lang]
        )
        src = "arabic_event_gsr dev" if lang == "ar" else "english_event_gsr"
        for name, pick in strata:
            for t in pick:
                out.append({"text": t, "lang": lang, "split": "fresh", "source": f"{src}; {name}"})
    return out


# The third set (evaluation/indicators_labels_fresh2.jsonl): drawn while the lexicon
# was being changed by another helper, and labelled blind to it (the labeller saw the
# drawn texts shuffled, without their stratum). Same sources and strata as the fresh
# set, another seed, no sentence of the first two sets.
FRESH2_SEED = 20261201
FRESH2_DRAWN_WITH = "indicators-2026.11.27"
FRESH2_PER_FIRED = {"ar": 8, "en": 4}
FRESH2_N_CANDIDATE = {"ar": 50, "en": 20}
FRESH2_N_RANDOM = {"ar": 40, "en": 16}


def draw_fresh2() -> list[dict]:
    return _draw_blind(
        "fresh2",
        FRESH2_SEED,
        ("indicators_labels.jsonl", "indicators_labels_fresh.jsonl"),
        FRESH2_PER_FIRED,
        FRESH2_N_CANDIDATE,
        FRESH2_N_RANDOM,
    )


def _draw_blind(
    split: str,
    seed: int,
    earlier: tuple[str, ...],
    per_fired: dict[str, int],
    n_candidate: dict[str, int],
    n_random: dict[str, int],
) -> list[dict]:
    """A blind set's draw: the fresh set's sources and strata, none of ``earlier``'s texts."""
    seen: set[str] = set()
    for name in earlier:
        lines = Path(__file__).with_name(name).read_text(encoding="utf-8").splitlines()
        seen.update(json.loads(line)["text"] for line in lines)
    rng = random.Random(seed)
    out: list[dict] = []
    english = sorted(set(english_sentences()) | set(plover_sentences()))
    for lang, texts in (("ar", arabic_sentences()), ("en", english)):
        texts = [t for t in texts if t not in seen]
        strata = _strata(rng, texts, lang, per_fired[lang], n_candidate[lang], n_random[lang])
        src = "arabic_event_gsr dev" if lang == "ar" else "english_event_gsr"
        for name, pick in strata:
            for t in pick:
                out.append({"text": t, "lang": lang, "split": split, "source": f"{src}; {name}"})
    return out


# The fourth set (evaluation/indicators_labels_fresh3.jsonl): drawn while the lexicon
# was again being changed by another helper, and labelled blind to it (shuffled,
# without stratum). Same sources and strata as fresh2, another seed, no sentence of
# the first three sets.
FRESH3_SEED = 20261202
FRESH3_DRAWN_WITH = "indicators-2026.11.29"
FRESH3_PER_FIRED = {"ar": 8, "en": 4}
FRESH3_N_CANDIDATE = {"ar": 55, "en": 20}
FRESH3_N_RANDOM = {"ar": 45, "en": 18}


def draw_fresh3() -> list[dict]:
    return _draw_blind(
        "fresh3",
        FRESH3_SEED,
        (
            "indicators_labels.jsonl",
            "indicators_labels_fresh.jsonl",
            "indicators_labels_fresh2.jsonl",
        ),
        FRESH3_PER_FIRED,
        FRESH3_N_CANDIDATE,
        FRESH3_N_RANDOM,
    )


# The fifth set (evaluation/indicators_labels_fresh4.jsonl): drawn while the lexicon
# was again being changed by another helper, and labelled blind to it (shuffled,
# without stratum). Same sources and strata as fresh3, another seed, no sentence of
# the first four sets. The earlier draws used up the sentences the lexicon fires on
# for the rare indicators, and every English sentence with a candidate word is now
# fired on, so more fired, candidate and random sentences are drawn to keep the size.
FRESH4_SEED = 20261203
FRESH4_DRAWN_WITH = "indicators-2026.11.30"
FRESH4_PER_FIRED = {"ar": 12, "en": 6}
FRESH4_N_CANDIDATE = {"ar": 65, "en": 20}
FRESH4_N_RANDOM = {"ar": 55, "en": 38}


def draw_fresh4() -> list[dict]:
    return _draw_blind(
        "fresh4",
        FRESH4_SEED,
        (
            "indicators_labels.jsonl",
            "indicators_labels_fresh.jsonl",
            "indicators_labels_fresh2.jsonl",
            "indicators_labels_fresh3.jsonl",
        ),
        FRESH4_PER_FIRED,
        FRESH4_N_CANDIDATE,
        FRESH4_N_RANDOM,
    )


# The sixth set (evaluation/indicators_labels_fresh5.jsonl): labelled blind to the
# lexicon (shuffled, without stratum), as fresh4 was. Same sources and strata as
# fresh4, another seed, no sentence of the first five sets.
FRESH5_SEED = 20261204
FRESH5_DRAWN_WITH = "indicators-2026.11.31"
FRESH5_PER_FIRED = {"ar": 12, "en": 6}
FRESH5_N_CANDIDATE = {"ar": 60, "en": 20}
FRESH5_N_RANDOM = {"ar": 55, "en": 35}


def draw_fresh5() -> list[dict]:
    return _draw_blind(
        "fresh5",
        FRESH5_SEED,
        (
            "indicators_labels.jsonl",
            "indicators_labels_fresh.jsonl",
            "indicators_labels_fresh2.jsonl",
            "indicators_labels_fresh3.jsonl",
            "indicators_labels_fresh4.jsonl",
        ),
        FRESH5_PER_FIRED,
        FRESH5_N_CANDIDATE,
        FRESH5_N_RANDOM,
    )


# The seventh set (evaluation/indicators_labels_fresh6.jsonl): labelled blind to the
# lexicon (shuffled, without stratum), as fresh5 was. Same sources and strata as
# fresh5, another seed, no sentence of the first six sets.
FRESH6_SEED = 20261205
FRESH6_DRAWN_WITH = "indicators-2026.11.32"
FRESH6_PER_FIRED = {"ar": 12, "en": 6}
FRESH6_N_CANDIDATE = {"ar": 60, "en": 20}
FRESH6_N_RANDOM = {"ar": 50, "en": 30}


# Label files in the order their sets were drawn: a set drawn later leaves out the
# sentences of every one before it.
_LABEL_FILES = (
    "indicators_labels.jsonl",
    "indicators_labels_fresh.jsonl",
    *(f"indicators_labels_fresh{k}.jsonl" for k in range(2, 9)),
)


def _labels_before(name: str) -> tuple[str, ...]:
    """The label files of the sets drawn before the set ``name`` (``fresh6`` …)."""
    return _LABEL_FILES[: _LABEL_FILES.index(f"indicators_labels_{name}.jsonl")]


def draw_fresh6() -> list[dict]:
    return _draw_blind(
        "fresh6",
        FRESH6_SEED,
        _labels_before("fresh6"),
        FRESH6_PER_FIRED,
        FRESH6_N_CANDIDATE,
        FRESH6_N_RANDOM,
    )


# The eighth set (evaluation/indicators_labels_fresh7.jsonl): labelled blind to the
# lexicon (shuffled, without stratum), as fresh6 was. Same sources and strata as
# fresh6, another seed, no sentence of the first seven sets.
FRESH7_SEED = 20261206
FRESH7_DRAWN_WITH = "indicators-2026.11.33"
FRESH7_PER_FIRED = {"ar": 12, "en": 6}
FRESH7_N_CANDIDATE = {"ar": 60, "en": 20}
FRESH7_N_RANDOM = {"ar": 50, "en": 30}


def draw_fresh7() -> list[dict]:
    return _draw_blind(
        "fresh7",
        FRESH7_SEED,
        _labels_before("fresh7"),
        FRESH7_PER_FIRED,
        FRESH7_N_CANDIDATE,
        FRESH7_N_RANDOM,
    )


# The ninth set (evaluation/indicators_labels_fresh8.jsonl): labelled blind to the
# lexicon (shuffled, without stratum), as fresh7 was. Same sources and strata as
# fresh7, another seed, no sentence of the first eight sets. Few sentences the lexicon
# fires on are left (24 Arabic, 6 English), so six more Arabic random ones keep the size.
FRESH8_SEED = 20261207
FRESH8_DRAWN_WITH = "indicators-2026.11.34"
FRESH8_PER_FIRED = {"ar": 12, "en": 6}
FRESH8_N_CANDIDATE = {"ar": 60, "en": 20}
FRESH8_N_RANDOM = {"ar": 56, "en": 30}


def draw_fresh8() -> list[dict]:
    return _draw_blind(
        "fresh8",
        FRESH8_SEED,
        _labels_before("fresh8"),
        FRESH8_PER_FIRED,
        FRESH8_N_CANDIDATE,
        FRESH8_N_RANDOM,
    )


def main() -> None:
    args = sys.argv[1:]
    if "--fresh8" in args:
        want, rows = FRESH8_DRAWN_WITH, draw_fresh8
    elif "--fresh7" in args:
        want, rows = FRESH7_DRAWN_WITH, draw_fresh7
    elif "--fresh6" in args:
        want, rows = FRESH6_DRAWN_WITH, draw_fresh6
    elif "--fresh5" in args:
        want, rows = FRESH5_DRAWN_WITH, draw_fresh5
    elif "--fresh4" in args:
        want, rows = FRESH4_DRAWN_WITH, draw_fresh4
    elif "--fresh3" in args:
        want, rows = FRESH3_DRAWN_WITH, draw_fresh3
    elif "--fresh2" in args:
        want, rows = FRESH2_DRAWN_WITH, draw_fresh2
    elif "--fresh" in args:
        want, rows = FRESH_DRAWN_WITH, draw_fresh
    else:
        want, rows = DRAWN_WITH, draw
    if load_indicators().version != want:
        print(f"warning: the set was drawn with {want}", file=sys.stderr)
    for row in rows():
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
