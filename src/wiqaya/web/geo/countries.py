"""Country names by ISO3 in Arabic and English, and the regions the watchlist filters by."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

BOUNDARIES = Path(__file__).parent / "countries.v1.json"

# The desk regions an Arab-region early-warning team works by. Curated here
# (versioned with the code) because CLDR ships names of regions but not their
# members; the rest of the world falls under "other".
REGIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "maghreb": (
        "شمال أفريقيا",
        "North Africa",
        ("DZA", "EGY", "ESH", "LBY", "MAR", "MRT", "TUN"),
    ),
    "mashreq": ("المشرق", "Levant and Iraq", ("IRQ", "ISR", "JOR", "LBN", "PSE", "SYR")),
    "gulf": (
        "الخليج واليمن وإيران",
        "Gulf, Yemen and Iran",
        ("ARE", "BHR", "IRN", "KWT", "OMN", "QAT", "SAU", "YEM"),
    ),
    "horn": (
        "القرن الأفريقي والسودان",
        "Horn of Africa and Sudan",
        ("DJI", "ERI", "ETH", "KEN", "SDN", "SOM", "SSD", "UGA", "COM"),
    ),
    "sahel": (
        "الساحل وغرب أفريقيا",
        "Sahel and West Africa",
        ("BFA", "CMR", "GMB", "GIN", "MLI", "NER", "NGA", "SEN", "TCD", "CAF", "GNB"),
    ),
    "neighbours": (
        "الجوار",
        "Neighbours",
        ("AFG", "ARM", "AZE", "CYP", "GEO", "GRC", "PAK", "TUR"),
    ),
}
OTHER = "other"


@lru_cache(maxsize=1)
def _data() -> dict[str, dict]:
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))["countries"]


def boundaries_version() -> str:
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))["version"]


def known(iso3: str) -> bool:
    return iso3.upper() in _data()


def name(iso3: str | None, lang: str) -> str:
    """The country's name in ``lang``; the code itself when it is not an ISO3 we know."""
    if not iso3:
        return "—"
    entry = _data().get(iso3.upper())
    if entry is None:
        return iso3
    return entry["ar"] if lang == "ar" else entry["en"]


def rings(iso3: str) -> list[list[float]]:
    entry = _data().get(iso3.upper())
    return entry["rings"] if entry else []


def all_codes() -> list[str]:
    return list(_data())


@lru_cache(maxsize=1)
def _region_index() -> dict[str, str]:
    return {code: key for key, (_ar, _en, codes) in REGIONS.items() for code in codes}


def region_of(iso3: str) -> str:
    return _region_index().get(iso3.upper(), OTHER)


def region_name(key: str, lang: str) -> str:
    if key in REGIONS:
        ar, en, _ = REGIONS[key]
        return ar if lang == "ar" else en
    return "مناطق أخرى" if lang == "ar" else "Other regions"


def region_members(key: str) -> set[str] | None:
    """ISO3 codes of a region; None for "all"; every unlisted code for "other"."""
    if key in REGIONS:
        return set(REGIONS[key][2])
    if key == OTHER:
        listed = set(_region_index())
        return {c for c in _data() if c not in listed}
    return None
