"""The name to show for a stored place, in the page's language.

Events store a place by its gazetteer name: GeoNames' English name for a city
(often in scholarly transliteration: «Rafaḩ», «Al Qā’im»), CLDR's for a
country. An Arabic page should show «رفح», an English one "Rafah".

GeoNames' Arabic alternates come unordered and mixed with Persian, Kurdish and
Uyghur spellings and with typos («ااالخرطوم», «مادرىد», «لأندأن»), so the first
one is often wrong. The choice here: a curated name where one is written
(``place_names_ar.json``, by GeoNames id; display only, so it is not part of
the coder version), else the
gazetteer's own Arabic names for countries (CLDR) and admin-1 regions (curated),
else the cleanest GeoNames alternate; with none, the plain Latin name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache

from wiqaya.read.actors import DATA

# Letters of the Arabic alphabet proper (no Persian, Urdu, Kurdish or Uyghur
# additions, no tatweel) and spaces.
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
# A tripled letter or a doubled initial alif is a typo; «ة» and «ى» inside a
# word are Kurdish and Uyghur letters, never Arabic spelling.
_MISSPELT = re.compile(r"(.)\1\1|(?:^| )اا|[ةى](?! |$)")
_KIND_WORDS = frozenset({"مدينة", "مدينه", "ولاية", "محافظة", "إمارة", "استان", "شهر"})
_ALIF_SIGNS = re.compile("[’‘ʿʾ`]")
# Uyghur writes a word-initial vowel on a hamza seat («ئاممان»); Arabic never
# starts a word with these letters.
_NOT_INITIAL = frozenset("ئءؤ")
# Sound Arabic spellings of the same name differ only in these final letters;
# the press writes «دبي», «بنغازي», «مدينة» rather than the Egyptian «دبى».
_PREFERRED_ENDINGS = (("ى", "ي"),)


def _clean(name: str) -> bool:
    name = name.strip()
    if not name or not _ARABIC_ONLY.match(name) or name[0] in _NOT_INITIAL:
        return False
    # «د مشق»: a word split in two.
    return not _MISSPELT.search(name) and all(len(w) > 1 for w in name.split())


def best_arabic(names: list[str]) -> str | None:
    """The cleanest Arabic spelling among GeoNames alternates, or None."""
    clean = [n.strip() for n in names if _clean(n)]
    if not clean:
        return None
    spelled = set(clean)
    for worse, better in _PREFERRED_ENDINGS:
        clean = [n for n in clean if not (n.endswith(worse) and n[:-1] + better in spelled)]
    # Not the name with its kind («مدينة حمص», «ولاية وهران») unless that is all
    # there is («مدينة الصدر»); an Arabic city name that takes the article is
    # written with it («الموصل», «البصرة»); then the fewest words.
    return min(
        clean,
        key=lambda n: (
            n.split()[0] in _KIND_WORDS,
            not n.startswith("ال"),
            len(n.split()),
            clean.index(n),
        ),
    )


def plain_latin(name: str) -> str:
    """A GeoNames transliteration without its marks: «Rafaḩ» → "Rafah"."""
    folded = unicodedata.normalize("NFKD", _ALIF_SIGNS.sub("", name))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("ı", "i")
    # A name of marks alone ("`") would fold to nothing: keep it as written.
    return folded if folded and folded.isascii() else name


@cache
def _names() -> tuple[dict[tuple[str, str | None], str], frozenset[tuple[str, str]]]:
    """(Arabic name by (stored name, ISO3), the (name, ISO3) pairs that are countries)."""
    gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    add = json.loads((DATA / "gazetteer_additions.json").read_text(encoding="utf-8"))
    shown = json.loads((DATA / "place_names_ar.json").read_text(encoding="utf-8"))
    curated = {int(k): v for k, v in shown["cities"].items()}
    # Arabic names the additions give GeoNames cities that had none («عسقلان»,
    # «مقلي»); where GeoNames has some, the additions are only more spellings
    # to match («ميدوغوري») and the shown name is chosen as for any city.
    has_arabic = {c["id"] for c in gaz["cities"] if c["ar"]}
    for extra in add.get("cities", []):
        gid = extra.get("geonames")
        if gid and extra["ar"] and gid not in has_arabic:
            curated.setdefault(gid, extra["ar"][0])
    out: dict[tuple[str, str | None], str] = {}

    def put(en: str, iso3: str | None, ar: str | None) -> None:
        # Countries first, then regions, then cities: a city that shares its
        # country's English name keeps the country's Arabic one.
        if ar and (en, iso3) not in out:
            out[en, iso3] = ar

    for c in gaz["countries"]:
        put(c["en"][0], c["iso3"], c["ar"][0] if c["ar"] else None)
    for a in add["admin1"]:
        put(a["en"], a["iso3"], a["ar"][0])
    for city in gaz["cities"]:
        put(city["en"], city["iso3"], curated.get(city["id"]) or best_arabic(city["ar"]))
    for extra in add.get("cities", []):
        if "en" in extra:  # a place outside the shipped cities
            put(extra["en"], extra["iso3"], extra["ar"][0] if extra["ar"] else None)
    return out, frozenset((c["en"][0], c["iso3"]) for c in gaz["countries"])


def display_name(name: str | None, country: str | None, lang: str) -> str | None:
    """``name`` (a stored event's place) as a page in ``lang`` should show it."""
    if not name:
        return name
    if _ARABIC_LETTER.search(name):
        return name  # an unresolved mention kept as written
    arabic, countries = _names()
    if lang == "ar" and (name, country) in arabic:
        return arabic[name, country]
    # CLDR's country names are plain English already ("Côte d’Ivoire").
    return name if (name, country) in countries else plain_latin(name)


def stored_names(query: str) -> list[str]:
    """The stored names of the places ``query`` names in either language.

    A search for «بغداد», «وبغداد» or "Baghdad" finds events stored at
    "Baghdad"; «طرابلس» finds both Tripolis. Empty unless the whole query is a
    place name.
    """
    # Imported here: the gazetteer is loaded on the first such search, not
    # when a page that never searches imports this module.
    from wiqaya.read.phrases import tokenize
    from wiqaya.read.places import load_gazetteer

    tokens = tokenize(query[:200])
    if not tokens:
        return []
    found = load_gazetteer().index.find(tokens)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(tokens):
        return []
    return sorted({p.name for p in found[0].payload})
