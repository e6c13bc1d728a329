"""English source and target by grammar: objects, attachment of prepositions, name + noun.

Sentences are written in the style of wire news for these tests; each rule is
one that the PLOVER and PETRARCH gold data code the same way.
"""

from __future__ import annotations

import pytest

from wiqaya.read.pipeline import DocumentInput, read_document


def _roles(text: str) -> tuple[str, tuple, tuple]:
    ev = read_document(DocumentInput("x", text, "en")).events[0]
    return (
        ev.event_type,
        (ev.source.text, ev.source.country, ev.source.sector),
        (ev.target.text, ev.target.country, ev.target.sector),
    )


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        # "against Israel" belongs to "struggle" inside the demanded clause.
        (
            "Washington demanded that Hamas renounce its armed struggle against Israel.",
            "REQUEST",
            ("Hamas", "PSE", "REB"),
        ),
        # "on militants" belongs to "fire", inside the object "the right of ... troops".
        (
            "The United States on Thursday defended the right of Russian troops "
            "to fire on militants in Chechnya.",
            "SUPPORT",
            ("Russian troops", "RUS", "MIL"),
        ),
        # "against Hamas" belongs to "offensive", the object is Israel.
        (
            "Egypt urged Israel to halt its offensive against Hamas in Gaza.",
            "REQUEST",
            ("Israel", "ISR", None),
        ),
    ],
)
def test_a_later_preposition_does_not_steal_the_object(
    text: str, etype: str, target: tuple
) -> None:
    got = _roles(text)
    assert got[0] == etype
    assert got[2] == target


def test_a_marked_object_right_after_the_verb_is_still_the_target() -> None:
    etype, source, target = _roles("Iraqi forces launched an offensive against Islamic State.")
    assert etype == "ASSAULT"
    assert source[1:] == ("IRQ", "MIL")
    assert target[0] == "Islamic State"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Houthi forces attacked a Saudi border post.", ("Houthi forces", "YEM", "REB")),
        ("Hamas fighters fired rockets at Israeli towns.", ("Hamas fighters", "PSE", "REB")),
    ],
)
def test_a_named_group_before_a_common_noun_is_one_actor(text: str, source: tuple) -> None:
    assert _roles(text)[1] == source


def test_the_agent_of_a_reported_attack_keeps_its_group_code() -> None:
    etype, source, target = _roles(
        "Human Rights Watch documented attacks by Houthi forces on civilians."
    )
    assert (etype, source[1:]) == ("ASSAULT", ("YEM", "REB"))
    assert target[2] == "CVL"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Tens of thousands of students demonstrated in Cairo on Friday.",
            ("students", "EGY", "CVL"),
        ),
        (
            "Up to 200 Kurds protested outside the Turkish embassy in Berlin.",
            ("Kurds", "KUR", None),
        ),
    ],
)
def test_a_quantity_word_opening_the_sentence_is_no_actor(text: str, source: tuple) -> None:
    assert _roles(text)[1] == source


def test_a_name_after_the_village_of_is_a_place_not_the_attacker() -> None:
    etype, source, target = _roles(
        "A bomb near the village of Beit Ummar killed an Israeli soldier on Sunday."
    )
    assert etype == "ASSAULT"
    assert source == (None, None, None)
    assert target == ("Israeli soldier", "ISR", "MIL")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Israel's strikes on Gaza killed 12 people on Monday.", "ASSAULT"),
        ("Israeli warplanes struck Gaza on Monday.", "ASSAULT"),
        ("Russian jets struck a hospital in Idlib.", "ASSAULT"),
        ("Workers struck for higher pay on Monday.", "PROTEST"),
        ("Dock workers began an open-ended strike on Monday over pay.", "PROTEST"),
        ("Teachers went on strike in Amman.", "PROTEST"),
        ("Doctors are striking over unpaid wages in Khartoum.", "PROTEST"),
    ],
)
def test_a_strike_with_a_target_is_an_attack_and_without_one_a_walkout(
    text: str, etype: str
) -> None:
    assert _roles(text)[0] == etype


def test_strikes_on_a_place_hit_its_people() -> None:
    etype, source, target = _roles("Israel's strikes on Gaza killed 12 people on Monday.")
    assert (etype, source[1], target[1]) == ("ASSAULT", "ISR", "PSE")


@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        (
            "The Syrian army, backed by Russian jets, shelled rebel positions in Idlib.",
            "ASSAULT",
            ("Syrian army", "SYR", "MIL"),
        ),
        (
            "Houthi rebels, armed by Iran, attacked a Saudi oil facility.",
            "ASSAULT",
            ("Houthi rebels", "YEM", "REB"),
        ),
    ],
)
def test_a_participle_between_commas_is_not_the_sentence_verb(
    text: str, etype: str, source: tuple
) -> None:
    got = _roles(text)
    assert (got[0], got[1]) == (etype, source)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Saudi-led coalition airstrikes hit Sanaa overnight.", "SAU"),
        ("The US-led coalition bombed Islamic State positions near Mosul.", "USA"),
    ],
)
def test_a_led_compound_is_the_leaders_side(text: str, country: str) -> None:
    etype, source, _ = _roles(text)
    assert (etype, source[1]) == ("ASSAULT", country)


@pytest.mark.parametrize(
    ("text", "where", "source"),
    [
        # "from" says where the missionary comes from; "in" where the arrest is.
        (
            "A Christian missionary from Canada was arrested in Lebanon on Tuesday.",
            "Lebanon",
            "LBN",
        ),
        ("Two French aid workers were detained in Niamey.", "Niamey", "NER"),
    ],
)
def test_an_arrest_with_no_agent_is_by_the_state_where_it_happens(
    text: str, where: str, source: str
) -> None:
    ev = read_document(DocumentInput("x", text, "en")).events[0]
    assert ev.event_type == "COERCE"
    assert ev.location is not None and ev.location.surface == where
    assert ev.source.country == source
    assert ev.source.text is None


def test_a_named_agent_of_an_arrest_stays_the_source() -> None:
    etype, source, target = _roles("Opposition leaders were arrested by police in Khartoum.")
    # "police in Khartoum" is one mention: the body of that place.
    assert (etype, source, target[2]) == ("COERCE", ("police in Khartoum", "SDN", "COP"), "OPP")


@pytest.mark.parametrize(
    ("text", "role", "country"),
    [
        ("Gunmen from Darfur attacked a market in Chad.", "source", "SDN"),
        (
            "A Christian missionary from Calgary was arrested in Lebanon on Tuesday.",
            "target",
            "CAN",
        ),
    ],
)
def test_an_actor_from_a_place_is_of_its_country(text: str, role: str, country: str) -> None:
    ev = read_document(DocumentInput("x", text, "en")).events[0]
    assert getattr(ev, role).country == country


def test_the_object_of_summoned_is_the_target_of_the_infinitive_after_it() -> None:
    etype, source, target = _roles(
        "Nigeria's foreign minister summoned Niger's ambassador to complain about the raids."
    )
    assert (etype, source[1], target[1:]) == ("ACCUSE", "NGA", ("NER", "GOV"))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Iran threatened to launch a new military offensive against Iraq.",
            ("Iran", "IRN", None),
            ("Iraq", "IRQ", None),
        ),
        (
            "The United States suspended military aid to Egypt.",
            ("United States", "USA", None),
            ("Egypt", "EGY", None),
        ),
    ],
)
def test_military_before_the_noun_it_modifies_is_no_actor(
    text: str, source: tuple, target: tuple
) -> None:
    _, got_source, got_target = _roles(text)
    assert (got_source, got_target) == (source, target)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Sudan's military council arrested opposition leaders.", ("SDN", "MIL")),
        ("Syrian armed forces shelled rebel positions.", ("SYR", "MIL")),
    ],
)
def test_military_bodies_stay_actors(text: str, source: tuple) -> None:
    assert _roles(text)[1][1:] == source


@pytest.mark.parametrize(
    ("text", "role", "codes"),
    [
        (
            "Ali Mayhoub, a spokesman for the Syrian army, accused Turkey of supporting "
            "terrorists.",
            1,
            ("Ali Mayhoub", "SYR", "MIL"),
        ),
        (
            "An Israeli air strike killed Salah Shehadeh, a Hamas commander, in Gaza.",
            2,
            ("Salah Shehadeh", "PSE", "REB"),
        ),
    ],
)
def test_an_unknown_name_takes_the_codes_of_its_apposition(
    text: str, role: int, codes: tuple
) -> None:
    assert _roles(text)[role] == codes


def test_an_age_between_commas_is_no_apposition() -> None:
    ev = read_document(DocumentInput("x", "Mohammed Ali, 45, was killed in Gaza.", "en")).events[0]
    assert ev.target.text == "Mohammed Ali"
    assert ev.target.sector is None


def test_a_passive_victim_of_a_raid_names_the_raider() -> None:
    etype, source, target = _roles("Three civilians were wounded in a Saudi-led raid on Saada.")
    assert (etype, source[1], target[2]) == ("ASSAULT", "SAU", "CVL")


def test_a_passive_victim_in_a_place_has_no_raider() -> None:
    etype, source, _ = _roles("Two soldiers were killed in Syrian territory.")
    assert (etype, source) == ("ASSAULT", (None, None, None))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Five Palestinians were killed in Israeli air strikes on Gaza.", "ISR"),
        ("Three civilians were wounded in Russian shelling of the town.", "RUS"),
    ],
)
def test_a_demonym_after_in_that_modifies_a_noun_is_an_actor(text: str, source: str) -> None:
    etype, got, _ = _roles(text)
    assert (etype, got[1]) == ("ASSAULT", source)


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        (
            "Algeria lodged an official protest with Morocco on Monday, accusing its "
            "neighbour of harbouring militants.",
            "ACCUSE",
            ("Morocco", "MAR", None),
        ),
        (
            "Police in Khartoum fired tear gas at protesters, wounding dozens.",
            "COERCE",
            ("protesters", "SDN", "CVL"),
        ),
    ],
)
def test_a_trailing_ing_clause_is_not_the_sentence_event(
    text: str, etype: str, target: tuple
) -> None:
    got = _roles(text)
    assert (got[0], got[2]) == (etype, target)


def test_the_subject_follows_a_fronted_phrase() -> None:
    ev = read_document(
        DocumentInput(
            "x",
            "With the signing of a Memorandum of Understanding on Cessation of Hostilities, "
            "the Sudanese government and the SPLM have agreed to allow humanitarian access.",
            "en",
        )
    ).events
    assert ev and all(e.event_type == "AGREE" for e in ev)
    assert {e.source.text for e in ev} <= {"Sudanese government", "SPLM"}


def test_the_verb_after_a_fronted_after_phrase_is_the_event() -> None:
    ev = read_document(
        DocumentInput("x", "After talks in Cairo, Hamas and Fatah agreed to end their feud.", "en")
    ).events
    assert [(e.event_type, e.source.text, e.target.text) for e in ev] == [
        ("AGREE", "Hamas", "Fatah"),
        ("AGREE", "Fatah", "Hamas"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Houthi forces fired a ballistic missile at a commercial ship in the Red Sea on Monday.",
        "Israeli warplanes struck targets near the Litani River in southern Lebanon.",
    ],
)
def test_seas_and_rivers_are_no_actors(text: str) -> None:
    events = read_document(DocumentInput("x", text, "en")).events
    assert events and events[0].event_type == "ASSAULT"
    assert all(
        "Sea" not in (e.target.text or "") and "River" not in (e.target.text or "") for e in events
    )


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Israeli warplanes struck targets near the Litani River in southern Lebanon.", "ASSAULT"),
        ("Coalition aircraft struck Houthi positions in Saada.", "ASSAULT"),
        ("Workers struck for higher pay in Cairo.", "PROTEST"),
        ("Teachers struck again on Sunday in Khartoum.", "PROTEST"),
    ],
)
def test_struck_is_an_attack_with_a_striker_or_an_object(text: str, etype: str) -> None:
    events = read_document(DocumentInput("x", text, "en")).events
    assert [e.event_type for e in events][:1] == [etype]


def test_the_reporter_after_a_comma_is_no_second_target() -> None:
    text = (
        "Al-Shabaab militants stormed a hotel in Mogadishu late on Friday, "
        "killing at least nine people, police said."
    )
    events = read_document(DocumentInput("x", text, "en")).events
    assert [(e.event_type, e.target.text) for e in events] == [("ASSAULT", "people")]


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Hezbollah agreed to a ceasefire brokered by the United States and France.",
        "Israel and Hezbollah agreed to a truce mediated by Qatar.",
    ],
)
def test_the_broker_of_a_mutual_act_is_no_side(text: str) -> None:
    pairs = {
        (e.source.text, e.target.text)
        for e in read_document(DocumentInput("x", text, "en")).events
        if e.event_type == "AGREE"
    }
    assert pairs == {("Israel", "Hezbollah"), ("Hezbollah", "Israel")}
