"""Crosswalk between ISO 3166 alpha-3 and the Correlates-of-War and Gleditsch-Ward state codes.

The product keys everything by ISO3; UCDP speaks Gleditsch-Ward (GW) and the
Early Warning Project speaks Correlates-of-War (COW). States that split, merge
or change code are data (``data/assess/states.csv``: one row per code spell),
never special cases in code. A code maps to one ISO3 for all time (the USSR is
``RUS``, Yugoslavia ``SRB``, North Yemen ``YEM``); an ISO3 maps to the code in
force in a given year (``DEU`` is COW 260 until 1990, COW 255 from 1990).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

from wiqaya.config import PACKAGE_DATA
from wiqaya.errors import InputError

STATES_CSV = PACKAGE_DATA / "assess" / "states.csv"
SYSTEMS = ("cow", "gw")
OPEN_END = 9999

# Entities without an ISO 3166-1 entry (babel has no name for them).
_HISTORICAL_AR = {
    "CSK": "تشيكوسلوفاكيا",
    "DDR": "ألمانيا الشرقية",
    "YMD": "اليمن الجنوبي",
    "XSV": "فيتنام الجنوبية",
    "XKX": "كوسوفو",
}


@dataclass(frozen=True)
class Spell:
    """One code of one system, valid for the calendar years ``start``..``end`` inclusive."""

    system: str
    code: int
    iso3: str
    iso2: str
    name: str
    start: int
    end: int
    gw_micro: bool
    note: str

    def covers(self, year: int) -> bool:
        return self.start <= year <= self.end


class Crosswalk:
    """Lookups over a list of spells; build with :func:`load_crosswalk`."""

    def __init__(self, spells: list[Spell]) -> None:
        self.spells = spells
        self._by_code: dict[tuple[str, int], list[Spell]] = {}
        self._by_iso: dict[str, list[Spell]] = {}
        for s in spells:
            self._by_code.setdefault((s.system, s.code), []).append(s)
            self._by_iso.setdefault(s.iso3, []).append(s)

    def to_iso3(self, system: str, code: int | str, year: int | None = None) -> str | None:
        """The ISO3 for a COW or GW code; ``None`` when unknown (or not valid that year)."""
        _check_system(system)
        try:
            key = (system, int(str(code).strip()))
        except ValueError:
            return None
        spells = self._by_code.get(key, [])
        if year is not None:
            spells = [s for s in spells if s.covers(year)]
        return spells[0].iso3 if spells else None

    def from_iso3(self, iso3: str, system: str, year: int) -> int | None:
        """The code ``iso3`` had in ``system`` in ``year``; ``None`` when it was no state then.

        In a year of transition (Germany 1990, Yemen 1990) the newer code wins.
        """
        _check_system(system)
        spells = [
            s for s in self._by_iso.get(iso3.upper(), []) if s.system == system and s.covers(year)
        ]
        if not spells:
            return None
        return max(spells, key=lambda s: s.start).code

    def members(self, year: int, system: str = "gw", *, micro: bool = False) -> list[str]:
        """ISO3 of every state in ``system`` in ``year`` (GW microstates only when asked)."""
        _check_system(system)
        out = {
            s.iso3
            for s in self.spells
            if s.system == system and s.covers(year) and (micro or not s.gw_micro)
        }
        return sorted(out)

    def name(self, iso3: str, lang: str = "en") -> str:
        iso3 = iso3.upper()
        spells = self._by_iso.get(iso3)
        if not spells:
            return iso3
        latest = max(spells, key=lambda s: (s.end, s.start))
        if lang == "ar":
            if iso3 in _HISTORICAL_AR:
                return _HISTORICAL_AR[iso3]
            if latest.iso2:
                return _arabic_territories().get(latest.iso2, latest.name)
        return latest.name

    def known(self, iso3: str) -> bool:
        return iso3.upper() in self._by_iso


def _check_system(system: str) -> None:
    if system not in SYSTEMS:
        raise InputError(
            f"unknown state-code system {system!r}; use 'cow' or 'gw'", code="E-AS-001"
        )


@lru_cache(maxsize=1)
def _arabic_territories() -> dict[str, str]:
    return dict(Locale("ar").territories)


def _int_or(raw: str, default: int) -> int:
    raw = raw.strip()
    return int(raw) if raw else default


def read_spells(path: Path) -> list[Spell]:
    spells: list[Spell] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            try:
                spell = Spell(
                    system=row["system"].strip(),
                    code=int(row["code"]),
                    iso3=row["iso3"].strip().upper(),
                    iso2=row["iso2"].strip().upper(),
                    name=row["name"].strip(),
                    start=_int_or(row["start"], 0),
                    end=_int_or(row["end"], OPEN_END),
                    gw_micro=row["gw_micro"].strip() == "1",
                    note=(row.get("note") or "").strip(),
                )
            except (KeyError, ValueError, AttributeError) as exc:
                raise InputError(
                    f"{path}:{lineno}: bad crosswalk row ({exc})", code="E-AS-002"
                ) from exc
            if spell.system not in SYSTEMS or len(spell.iso3) != 3 or spell.end < spell.start:
                raise InputError(f"{path}:{lineno}: bad crosswalk row {row}", code="E-AS-002")
            spells.append(spell)
    return spells


@lru_cache(maxsize=4)
def load_crosswalk(path: Path = STATES_CSV) -> Crosswalk:
    return Crosswalk(read_spells(path))
