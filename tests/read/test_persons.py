"""English persons: names, titles, transliterations and roles resolved at the document date.

The sentences are written in the style of wire news for these tests (no gold
sentence is used); the roles they check are public record.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.read.actors import DATA, iso3_codes
from wiqaya.read.persons import _fold, load_persons, name_keys
from wiqaya.read.pipeline import DocumentInput, read_document


def _roles(text: str, when: date | None = None) -> list[tuple]:
    res = read_document(DocumentInput("p", text, "en", when))
    return [
        (e.event_type, e.source.country, e.source.sector, e.target.country, e.target.sector)
        for e in res.events
    ]


@pytest.mark.parametrize(
    ("text", "when", "source", "target"),
    [
        # Surnames alone, once the person is unambiguous.
        (
            "Putin met Erdogan in Ankara on Monday.",
            date(2019, 4, 8),
            ("RUS", "GOV"),
            ("TUR", "GOV"),
        ),
        # Title + name; the title no longer takes the other side's country.
        (
            "President Bashar al-Assad accused Turkey of supporting terrorists.",
            date(2016, 3, 1),
            ("SYR", "GOV"),
            ("TUR", None),
        ),
        (
            "Prime Minister Netanyahu rejected the ceasefire proposal from Egypt.",
            date(2024, 5, 6),
            ("ISR", "GOV"),
            ("EGY", None),
        ),
        # "Israel Katz" is a person, not the country Israel.
        ("Israel Katz condemned Hezbollah.", date(2025, 1, 10), ("ISR", "GOV"), ("LBN", "REB")),
        # An unknown minister named by nationality and office.
        (
            "The Iraqi foreign minister met his Iranian counterpart in Baghdad.",
            None,
            ("IRQ", "GOV"),
            ("IRN", "GOV"),
        ),
        # Possessives and nationality + office, with no name.
        (
            "Israel's prime minister threatened Hezbollah.",
            None,
            ("ISR", "GOV"),
            ("LBN", "REB"),
        ),
        (
            "The Saudi crown prince met the Emirati foreign minister in Riyadh.",
            None,
            ("SAU", "GOV"),
            ("ARE", "GOV"),
        ),
        (
            "Iran's supreme leader accused Israel of attacking its nuclear sites.",
            None,
            ("IRN", "GOV"),
            ("ISR", None),
        ),
        (
            "Hezbollah chief Hassan Nasrallah threatened Israel.",
            date(2006, 7, 20),
            ("LBN", "REB"),
            ("ISR", None),
        ),
    ],
)
def test_named_persons_get_their_country_and_sector(
    text: str, when: date | None, source: tuple, target: tuple
) -> None:
    ev = _roles(text, when)
    assert ev, text
    assert ev[0][1:3] == source
    assert ev[0][3:5] == target


@pytest.mark.parametrize(
    "name", ["Muammar Gaddafi", "Muammar Qaddafi", "Moammar Gadhafi", "Muammar al-Qadhafi"]
)
def test_transliteration_variants_fold_to_one_person(name: str) -> None:
    ev = _roles(f"{name} threatened to crush the rebels in Benghazi.", date(2011, 3, 17))
    assert ev[0][:3] == ("THREATEN", "LBY", "GOV")


@pytest.mark.parametrize(
    "name", ["Mohammed Morsi", "Mohamed Mursi", "Muhammad Mursi", "Mohamed Morsy"]
)
def test_mohammed_muhammad_and_the_surname_spellings(name: str) -> None:
    assert _roles(f"{name} met Hamas leaders in Cairo.", date(2012, 11, 20))[0][1:3] == (
        "EGY",
        "GOV",
    )


def test_roles_change_with_the_document_date() -> None:
    text = "Abdel Fattah al-Sisi met Israeli officials."
    # Defence minister and army chief in 2013, president from June 2014.
    assert _roles(text, date(2013, 8, 1))[0][1:3] == ("EGY", "MIL")
    assert _roles(text, date(2020, 1, 1))[0][1:3] == ("EGY", "GOV")
    # Out of office a head of state is an elite; an armed-group leader stays one.
    assert _roles("Hosni Mubarak criticised the army.", date(2015, 6, 1))[0][1:3] == ("EGY", "ELI")
    sharaa = "Ahmed al-Sharaa met Turkish officials in Damascus."
    assert _roles(sharaa, date(2020, 5, 1))[0][1:3] == ("SYR", "REB")
    assert _roles(sharaa, date(2025, 5, 1))[0][1:3] == ("SYR", "GOV")
    # With no document date, the most recent role counts.
    assert _roles(sharaa)[0][1:3] == ("SYR", "GOV")


def test_former_and_a_held_title_override_the_dates() -> None:
    former = "Former President Hosni Mubarak met Libyan officials."
    assert _roles(former, date(2010, 1, 1))[0][1:3] == ("EGY", "ELI")
    held = "Secretary of State Antony Blinken met Qatari officials."
    assert _roles(held, date(2030, 1, 1))[0][1:3] == ("USA", "GOV")


def test_a_shared_name_is_settled_by_the_date_or_left_open() -> None:
    text = "King Abdullah rejected the proposal."
    # Only Jordan's Abdullah II reigns in 2020; in 2010 both kings did.
    assert _roles(text, date(2020, 1, 1))[0][1] == "JOR"
    assert _roles(text, date(2010, 1, 1))[0][1] is None
    # An open name lends itself no country from the other side ...
    ev = _roles("King Abdullah met Egyptian officials.", date(2010, 1, 1))[0]
    assert ev[1:3] == (None, None) and ev[3] == "EGY"
    # ... and takes the one its title names.
    ev = _roles("Jordan's King Abdullah met Egyptian officials.", date(2010, 1, 1))[0]
    assert ev[1:3] == ("JOR", "GOV")
    # Two Chadian presidents named Deby: the country is sure either way.
    assert _roles("Deby met Sudanese officials.", date(2023, 1, 1))[0][1:3] == ("TCD", "GOV")


def test_countries_are_not_mistaken_for_folded_surnames() -> None:
    # "Russia" and "Raisi", "Syria" and "Saree" fold alike; a lone word must be spelt as listed.
    ev = _roles("Russia accused Syria of shelling the border.", date(2023, 1, 1))
    assert ev[0][1] == "RUS" and ev[0][3] == "SYR"


def test_persons_file_is_well_formed() -> None:
    raw = json.loads((DATA / "persons.json").read_text(encoding="utf-8"))
    assert raw["version"].startswith("persons-")
    # KUR: Kurdish regional bodies, coded so by the Arabic gold and the additions.
    codes = iso3_codes() | {"IGO", "IMG", "KUR"}
    assert len(raw["persons"]) >= 300
    for p in raw["persons"]:
        assert p["home"] in codes, p["name"]
        for r in p["roles"]:
            assert r["country"] in codes, p["name"]
            if r["from"] and r["to"]:
                assert r["from"] <= r["to"], p["name"]
    index, version = load_persons()
    assert version == raw["version"] and len(index.persons) == len(raw["persons"])


_VARIANTS = [
    ("Gaddafi", "Qadhafi"),
    ("Mohammed", "Muhammad"),
    ("al-Assad", "Assad"),
    ("el-Sisi", "Sissi"),
    ("Abdel", "Abdul"),
    ("Nasrallah", "Nasrullah"),
    ("Erdoğan", "Erdogan"),
]


@pytest.mark.parametrize(("a", "b"), _VARIANTS)
def test_name_keys_fold_known_variants(a: str, b: str) -> None:
    assert name_keys(a) == name_keys(b)


_LATIN = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'’éüçı")),
    max_size=30,
)


@given(_LATIN)
def test_name_keys_are_stable_lowercase_ascii_and_idempotent(word: str) -> None:
    keys = name_keys(word)
    assert keys == name_keys(word.upper()) or not word.isascii()
    for k in keys:
        assert k and k == k.lower() and "-" not in k and "'" not in k and "." not in k
        # Folding a folded key changes nothing: the keys are a fixed point.
        assert _fold(k) == k


def test_a_country_inside_a_name_is_neither_actor_nor_place() -> None:
    res = read_document(
        DocumentInput("k", "Israel Katz condemned Hezbollah.", "en", date(2025, 1, 10))
    )
    ev = res.events[0]
    assert (ev.source.text, ev.source.country) == ("Israel Katz", "ISR")
    assert ev.location is None


_NEWSY = st.lists(
    st.sampled_from(
        [
            "President",
            "al-Assad",
            "Assad",
            "Putin",
            "Gaddafi",
            "King",
            "Abdullah",
            "former",
            "met",
            "attacked",
            "Israel",
            "Katz",
            "bin",
            "Salman",
            ",",
            "the",
            "Sheikh",
            "Mohammed",
            "'s",
            "\u200f",
            "Erdoğan",
        ]
    ),
    max_size=25,
)


# No deadline: each example runs the whole reader, and the first pays for
# loading its models (586 ms under CI's load against the 200 ms default);
# speed is measured in benchmarks/, not here.
@settings(deadline=None)
@given(_NEWSY, st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_person_mentions_are_spans_of_the_text(words: list[str], when: date) -> None:
    text = " ".join(words) + "."
    res = read_document(DocumentInput("h", text, "en", when))
    for e in res.events:
        for ref in (e.source, e.target):
            assert ref.text is None or ref.text in text


def test_demonym_plurals_name_their_people() -> None:
    ev = _roles("Hundreds of Syrians accused Turks of attacking their shops.", date(2019, 8, 1))
    assert ev[0][:2] == ("ACCUSE", "SYR") and ev[0][3] == "TUR"
    ev = _roles("Ethnic Albanians have sworn to fight the Macedonian army.", None)
    assert ev[0][:2] == ("THREATEN", "ALB")


def test_an_office_in_apposition_is_the_person_s_title() -> None:
    text = "Israel's defence minister, Yoav Gallant, threatened Hezbollah."
    ev = _roles(text, date(2024, 1, 15))[0]
    assert ev[1:3] == ("ISR", "GOV") and ev[3] == "LBN"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Laura Bush met students in Cairo on Monday.", date(2005, 5, 23)),
        ("Asma al-Assad visited wounded soldiers in Damascus on Monday.", date(2013, 5, 23)),
        ("Jeb Bush criticised Venezuela on Tuesday.", date(2005, 5, 24)),
    ],
)
def test_a_relative_sharing_a_surname_does_not_take_the_listed_person_s_office(
    text: str, when: date
) -> None:
    # A first name the file does not know, right before a lone surname, is
    # another member of the family: George W. Bush's or Bashar al-Assad's
    # dated office must not be lent to them.
    sources = [(e.source.text, e.source.sector) for e in _events(text, when)]
    assert sources, text
    assert all(sector != "GOV" for _, sector in sources), sources


@pytest.mark.parametrize(
    ("text", "when", "source"),
    [
        ("Yesterday Putin met Erdogan in Ankara.", date(2016, 5, 23), ("RUS", "GOV")),
        ("Chancellor Merkel criticised Erdogan on Monday.", date(2016, 5, 23), ("DEU", "GOV")),
        ("Mr Putin accused Ukraine of provocations.", date(2016, 5, 23), ("RUS", "GOV")),
        ("On Monday Erdogan accused Russia of provocations.", date(2016, 5, 23), ("TUR", "GOV")),
    ],
)
def test_a_title_or_a_sentence_opener_before_a_surname_keeps_the_person(
    text: str, when: date, source: tuple[str, str]
) -> None:
    first = _roles(text, when)[0]
    assert (first[1], first[2]) == source


def _events(text: str, when: date | None = None) -> list:  # type: ignore[type-arg]
    return read_document(DocumentInput("p", text, "en", when)).events
