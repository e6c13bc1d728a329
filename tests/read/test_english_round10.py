"""English rules of the tenth round: accords named, not made; "from" authors;
aims; trigger nouns that name people.

A ceasefire, truce or deal named as a noun is an agreement only when a verb
makes it; the actor after "from" a noun event is its author; an infinitive of
aim ranks after the act, and the aim of a delivery or of an effort is no act;
"aid workers" are people, not aid. Every sentence is a current-news sentence
written for the construction (none from a gold file); each rule has guards
that must not change.
"""

from __future__ import annotations

import pytest

from wiqaya.read.pipeline import DocumentInput, read_document


def _events(text: str) -> list:
    return read_document(DocumentInput("x", text, "en")).events


def _types(text: str) -> list[str]:
    return [e.event_type for e in _events(text)]


def _pairs(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.event_type, e.source.text, e.target.text) for e in _events(text)]


# --- a ceasefire named is no ceasefire agreed -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The fragile truce held for a second day.",
        "Diplomats said a deal on a ceasefire was close.",
        "The terms of the ceasefire were not published.",
        "Hamas studied a proposed ceasefire from Egypt.",
        "The prospects for a truce in Sudan remain dim.",
        "The ceasefire is largely holding in southern Lebanon.",
        "The truce expired on Friday without an extension.",
        "Washington wants a ceasefire before the inauguration.",
        "Aid agencies struggled to reach civilians despite the ceasefire.",
    ],
)
def test_accord_named_not_made_is_no_agreement(text: str) -> None:
    assert "AGREE" not in _types(text)


def test_pushing_for_a_ceasefire_asks_for_one() -> None:
    assert _pairs("Qatar is pushing for a ceasefire in Gaza.") == [("REQUEST", "Qatar", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah announced a ceasefire along the border.",
        "Israel and Hamas reached a ceasefire deal after months of talks.",
        "Sudan's army declared a unilateral ceasefire for the holiday.",
        "A truce brokered by Qatar took effect at dawn.",
        "A ceasefire between Israel and Hezbollah took effect on Wednesday.",
        "The two sides extended the truce by two days.",
        "The army said it would respect the truce.",
        "Israel and Hamas agreed to a ceasefire on Wednesday.",
    ],
)
def test_accord_made_stays_an_agreement(text: str) -> None:
    assert "AGREE" in _types(text)


def test_calls_and_violations_keep_their_types() -> None:
    assert _types("The United Nations called for an immediate ceasefire in Sudan.") == ["REQUEST"]
    assert _types("Both sides violated the truce within hours.") == ["ASSAULT"]


# --- "X from Y": Y is the author of the noun's act -----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The government faced criticism from opposition parties over the new tax law.",
            [("ACCUSE", "opposition", "government")],
        ),
        (
            "The move drew sharp criticism from the European Union.",
            [("ACCUSE", "European Union", None)],
        ),
        (
            "The bill won support from independent lawmakers.",
            [("SUPPORT", "lawmakers", None)],
        ),
        (
            "The resolution drew a veto from the United States.",
            [("REJECT", "United States", None)],
        ),
        (
            "The proposal received backing from Germany and France.",
            [("SUPPORT", "Germany", None), ("SUPPORT", "France", None)],
        ),
        # The reaction is the event, not the act that drew it nor "received".
        (
            "The arrests drew criticism from Amnesty International.",
            [("ACCUSE", "Amnesty International", None)],
        ),
        (
            "The arrest of the journalist sparked condemnation from the United Nations.",
            [("ACCUSE", "United Nations", None)],
        ),
        ("Kyiv received military aid from Germany.", [("AID", "Germany", "Kyiv")]),
    ],
)
def test_author_after_from(text: str, expected: list) -> None:
    assert _pairs(text) == expected


def test_from_a_place_after_a_movement_is_no_author() -> None:
    # A movement's "from" says where it leaves.
    assert _pairs("Israel announced the withdrawal of its troops from Jenin.")[0][1] == "Israel"
    # A verb with "from" keeps its subject.
    assert _pairs("Venezuela expelled diplomats from seven Latin American countries.")[0][1] == (
        "Venezuela"
    )


# --- aims --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jordan sent fuel to Gaza to ease the blockade.",
        "Saudi Arabia shipped wheat to Yemen to avert famine.",
    ],
)
def test_aim_of_a_delivery_is_no_act(text: str) -> None:
    assert _events(text) == []


def test_aim_of_a_deal_is_no_act() -> None:
    assert "RETREAT" not in _types("Mediators are working on a deal to free the hostages.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb that takes an infinitive: the infinitive is the act.
        ("Hamas agreed to release 33 hostages.", ["AGREE"]),
        ("The UN urged both sides to end the fighting.", ["REQUEST"]),
        # People sent act themselves; a main verb with no trigger leaves the aim.
        ("Kenya sent police officers to Haiti to fight gangs.", ["ASSAULT"]),
        ("Turkey opened its airspace to allow aid flights to Syria.", ["CONCEDE"]),
        # The act done ranks before its aim.
        ("Egypt sent aid to Sudan to help refugees.", ["AID"]),
        ("The EU provided funds to rebuild schools in Gaza.", ["AID"]),
        ("Iraq deployed troops to Sinjar to disarm the militia.", ["MOBILIZE"]),
        ("Farmers blocked highways to protest against cheap imports.", ["PROTEST"]),
    ],
)
def test_infinitive_guards(text: str, expected: list[str]) -> None:
    assert _types(text) == expected


# --- a trigger noun that names people ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Aid workers said the situation in Rafah was desperate.",
        "Relief groups struggled to reach the displaced in Darfur.",
    ],
)
def test_trigger_noun_before_people_is_no_act(text: str) -> None:
    assert _events(text) == []


def test_people_noun_guard() -> None:
    assert _types("The World Food Programme delivered aid to Gaza to prevent famine.") == ["AID"]
    assert "PROTEST" in _types("Thousands of protesters marched in Dhaka on Friday.")


# --- a protest broken up is repression ---------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Police broke up a rally in Tbilisi on Sunday.", "Police"),
        ("Troops quelled protests in the capital.", "Troops"),
        ("Police used water cannon to break up a rally in Tbilisi.", "Police"),
        ("Riot police suppressed a march by opposition supporters.", "Riot police"),
    ],
)
def test_protest_broken_up_is_coercion(text: str, source: str) -> None:
    assert [(t, s) for t, s, _ in _pairs(text)] == [("COERCE", source)]


def test_protest_itself_stays_a_protest() -> None:
    assert _types("Thousands rallied in Tbilisi against the government.") == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Morocco and Algeria exchanged accusations over the Western Sahara at the UN"
            " General Assembly.",
            {("MAR", "DZA"), ("DZA", "MAR")},
        ),
        (
            "Ethiopia and Egypt traded accusations over the Nile dam.",
            {("ETH", "EGY"), ("EGY", "ETH")},
        ),
    ],
)
def test_exchanged_accusations_are_each_sides_against_the_other(
    text: str, pair: set[tuple[str, str]]
) -> None:
    # What they quarrel over is no side; each accuses the other.
    res = read_document(DocumentInput("x", text, "en"))
    got = {(e.source.country, e.target.country) for e in res.events if e.event_type == "ACCUSE"}
    assert got == pair
