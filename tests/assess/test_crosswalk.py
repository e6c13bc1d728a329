"""Crosswalk on states that split, merged or changed code; checked against EWP and UCDP codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.assess.crosswalk import Crosswalk, load_crosswalk, read_spells
from wiqaya.errors import InputError


@pytest.fixture(scope="module")
def cw() -> Crosswalk:
    return load_crosswalk()


def test_sudan_and_south_sudan(cw: Crosswalk) -> None:
    assert cw.to_iso3("cow", 625) == "SDN"
    assert cw.to_iso3("gw", 626) == "SSD"
    assert cw.from_iso3("SSD", "cow", 2010) is None  # not yet a state
    assert cw.from_iso3("SSD", "cow", 2011) == 626
    assert "SSD" not in cw.members(2010) and "SSD" in cw.members(2011)
    assert cw.from_iso3("SDN", "gw", 2011) == 625


def test_serbia_yugoslavia_and_kosovo(cw: Crosswalk) -> None:
    assert cw.to_iso3("cow", 345) == "SRB"
    assert cw.from_iso3("SRB", "cow", 1995) == 345
    assert cw.from_iso3("SRB", "cow", 2010) == 345  # COW keeps 345
    assert cw.from_iso3("SRB", "gw", 2005) == 345
    assert cw.from_iso3("SRB", "gw", 2010) == 340  # GW renumbers Serbia in 2006
    assert cw.to_iso3("gw", 340) == "SRB"
    assert cw.to_iso3("cow", 347) == "XKX"
    assert cw.from_iso3("XKX", "cow", 2007) is None
    assert cw.from_iso3("XKX", "gw", 2008) == 347
    assert cw.from_iso3("MNE", "cow", 2005) is None and cw.from_iso3("MNE", "cow", 2006) == 341


def test_yemen_before_and_after_1990(cw: Crosswalk) -> None:
    # COW: 678 North Yemen, 680 South Yemen, 679 unified; GW keeps 678 for unified Yemen.
    assert cw.from_iso3("YEM", "cow", 1989) == 678
    assert cw.from_iso3("YEM", "cow", 1991) == 679
    assert cw.from_iso3("YEM", "cow", 1990) == 679  # the transition year takes the new code
    assert cw.from_iso3("YEM", "gw", 1991) == 678
    assert cw.to_iso3("cow", 679) == cw.to_iso3("gw", 678) == "YEM"
    assert cw.to_iso3("cow", 680) == "YMD"
    assert cw.from_iso3("YMD", "gw", 1991) is None
    assert "YMD" in cw.members(1989) and "YMD" not in cw.members(1991)


def test_germany(cw: Crosswalk) -> None:
    assert cw.from_iso3("DEU", "cow", 1980) == 260
    assert cw.from_iso3("DEU", "cow", 1995) == 255
    assert cw.from_iso3("DEU", "gw", 1995) == 260  # GW never switched to 255
    assert cw.to_iso3("cow", 265) == "DDR"
    assert cw.from_iso3("DDR", "cow", 1991) is None
    assert cw.to_iso3("gw", 255, 1995) is None  # 255 is not a GW code after 1945


def test_vietnam(cw: Crosswalk) -> None:
    assert cw.to_iso3("cow", 816) == "VNM"
    assert cw.to_iso3("cow", 817) == "XSV"
    assert cw.from_iso3("XSV", "cow", 1976) is None
    assert cw.from_iso3("VNM", "gw", 1970) == 816


def test_ethiopia_eritrea(cw: Crosswalk) -> None:
    assert cw.from_iso3("ERI", "cow", 1992) is None
    assert cw.from_iso3("ERI", "cow", 1993) == 531
    assert cw.from_iso3("ETH", "gw", 1980) == 530


def test_ussr_russia(cw: Crosswalk) -> None:
    assert cw.from_iso3("RUS", "cow", 1980) == cw.from_iso3("RUS", "gw", 2020) == 365
    assert cw.from_iso3("UKR", "gw", 1990) is None and cw.from_iso3("UKR", "gw", 1991) == 369


def test_czechoslovakia(cw: Crosswalk) -> None:
    assert cw.to_iso3("cow", 315) == "CSK"
    assert cw.from_iso3("CSK", "cow", 1992) == 315
    assert cw.from_iso3("CSK", "cow", 1993) is None
    assert cw.from_iso3("CZE", "cow", 1993) == 316
    assert cw.from_iso3("SVK", "gw", 1993) == 317


def test_gw_microstate_codes_differ_from_cow(cw: Crosswalk) -> None:
    assert cw.from_iso3("KIR", "cow", 2010) == 946
    assert cw.from_iso3("KIR", "gw", 2010) == 970
    assert cw.to_iso3("gw", 970) == "KIR" and cw.to_iso3("cow", 970) == "NRU"
    assert "KIR" not in cw.members(2010, "gw")
    assert "KIR" in cw.members(2010, "gw", micro=True)


def test_unknown_codes_and_systems(cw: Crosswalk) -> None:
    assert cw.to_iso3("cow", 9999) is None
    assert cw.to_iso3("gw", "not a code") is None
    with pytest.raises(InputError):
        cw.to_iso3("iso", 2)


def test_arabic_names(cw: Crosswalk) -> None:
    assert cw.name("IRQ", "ar") == "العراق"
    assert cw.name("SSD", "ar") == "جنوب السودان"
    assert cw.name("YMD", "ar") == "اليمن الجنوبي"


def test_bad_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "states.csv"
    bad.write_text("system,code,iso3,iso2,name,start,end,gw_micro,note\ncow,x,USA,US,U,1,,0,\n")
    with pytest.raises(InputError) as err:
        read_spells(bad)
    assert err.value.code == "E-AS-002"


def test_every_ewp_code_maps_to_the_same_country(cw: Crosswalk, shared_data: Path) -> None:
    path = shared_data / "ewp_2025" / "countrynamesheet_complete.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 150
    expected = {
        "Sudan": "SDN",
        "South Sudan": "SSD",
        "Serbia": "SRB",
        "Kosovo": "XKX",
        "Russia": "RUS",
        "Yemen": "YEM",
        "Arab Republic of Yemen": "YEM",
        "People's Republic of Yemen": "YMD",
        "Germany": "DEU",
        "East Germany": "DDR",
        "Czechoslovakia": "CSK",
        "Eritrea": "ERI",
        "Republic of Vietnam": "XSV",
    }
    for row in rows:
        iso = cw.to_iso3("cow", row["ccode"])
        assert iso is not None, row
        if row["ewp_name"] in expected:
            assert iso == expected[row["ewp_name"]], row


def test_every_ucdp_location_code_maps(cw: Crosswalk, shared_data: Path) -> None:
    with (shared_data / "ucdp" / "BattleDeaths_v25_1.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            year = int(row["year"])
            for code in row["gwno_loc"].split(","):
                assert cw.to_iso3("gw", code.strip(), year) is not None, (code, year)


def test_every_spell_round_trips(cw: Crosswalk) -> None:
    for spell in cw.spells:
        for year in (spell.start, spell.end if spell.end < 9999 else 2024):
            assert cw.to_iso3(spell.system, spell.code, year) == spell.iso3
            # From ISO3 back to a code: this spell's, or a newer one in a transition year.
            back = cw.from_iso3(spell.iso3, spell.system, year)
            assert back is not None
            assert cw.to_iso3(spell.system, back, year) == spell.iso3


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["cow", "gw"]), st.integers(-5, 2000), st.integers(1800, 2100))
def test_lookups_never_raise_on_any_code_or_year(system: str, code: int, year: int) -> None:
    iso = load_crosswalk().to_iso3(system, code, year)
    assert iso is None or len(iso) == 3
