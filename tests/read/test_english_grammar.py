"""English rules of the fifth round: places in plain spelling, passives, "of" names,
coordinated verbs, phrases with modifiers, stopping a hostile act, background clauses.

The sentences are dev sentences of the PLOVER and PETRARCH gold files (or wire-style
variants of them); each rule is general English, not a rule for one sentence.
"""

from __future__ import annotations

import pytest

from wiqaya.read.pipeline import DocumentInput, read_document
from wiqaya.read.places import plain_spellings


def _events(text: str) -> list:
    return read_document(DocumentInput("x", text, "en")).events


def _ref(r: object) -> tuple:
    return (r.text, r.country, r.sector)  # type: ignore[attr-defined]


# --- places in the spelling English news uses --------------------------------


def test_transliterated_city_names_get_their_plain_spelling() -> None:
    assert "Samarra" in plain_spellings("Sāmarrā’")
    assert "Fallujah" in plain_spellings("Al Fallūjah")
    assert plain_spellings("Baghdad") == []
    # Short plain forms are English words ("Hit" the verb, "Sale" the noun).
    assert plain_spellings("Hīt") == []


def test_an_attack_nobody_claims_is_coded_with_the_country_where_it_happens() -> None:
    (ev,) = _events(
        "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier "
        "and wounded two others, the military said."
    )
    assert ev.event_type == "ASSAULT"
    assert ev.location is not None and ev.location.country == "IRQ"
    assert (ev.source.country, ev.source.sector) == ("IRQ", None)
    assert ev.target.country == "USA"


def test_an_irregular_participle_is_passive() -> None:
    (ev,) = _events("An Iraqi journalist was shot dead in Baghdad on Tuesday.")
    assert ev.event_type == "ASSAULT"
    assert _ref(ev.target) == ("Iraqi journalist", "IRQ", "MED")
    assert (ev.source.text, ev.source.country) == (None, "IRQ")


# --- actor spans ------------------------------------------------------------


def test_a_title_or_body_joins_the_name_after_of() -> None:
    evs = _events(
        "Ithilen and the government of Gondor warned their Ent populations about "
        "the Prince of Dol Amroth."
    )
    assert [e.event_type for e in evs] == ["THREATEN", "THREATEN"]
    assert {e.source.text for e in evs} == {"Ithilen", "government of Gondor"}
    assert {e.target.text for e in evs} == {"Prince of Dol Amroth"}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Palestinian leaders said they would boycott all official contact with "
            "the United States.",
            ("United States", "USA", None),
        ),
        (
            # "official foreign" names no one; the host after "arrived in" is the target.
            "Bree President Romendacil arrived in Gondor on Monday on his first official "
            "foreign visit.",
            ("Gondor", None, None),
        ),
    ],
)
def test_official_and_foreign_before_a_noun_name_no_one(text: str, target: tuple) -> None:
    ev = _events(text)[0]
    assert _ref(ev.target) == target


def test_the_military_that_said_is_still_an_actor() -> None:
    ev = _events("The military said it attacked rebels near the border.")[0]
    assert _ref(ev.source) == ("military", None, "MIL")


@pytest.mark.parametrize(
    "text",
    ["An official said Iraq attacked Kuwait.", "Iraq attacked Kuwait, an official said."],
)
def test_a_verb_or_a_comma_ends_an_english_mention(text: str) -> None:
    (ev,) = _events(text)
    assert (ev.source.text, ev.source.country) == ("Iraq", "IRQ")
    assert (ev.target.text, ev.target.country) == ("Kuwait", "KWT")


@pytest.mark.parametrize(
    ("text", "role", "country"),
    [
        (
            "The PRC on Tuesday demanded that the US cancel plans to sell anti-tank "
            "weapons to Taiwan.",
            "source",
            "CHN",
        ),
        (
            "The United States on Thursday demanded that the Democratic People's Republic "
            "of Korea (DPRK) forsake its nuclear program.",
            "target",
            "PRK",
        ),
        ("The People's Republic of China criticized Japan.", "source", "CHN"),
    ],
)
def test_formal_and_short_names_of_china_and_north_korea(
    text: str, role: str, country: str
) -> None:
    ev = _events(text)[0]
    assert getattr(ev, role).country == country
    assert getattr(ev, role).sector is None


# --- events -----------------------------------------------------------------


def test_a_second_verb_after_and_is_its_own_event() -> None:
    evs = _events(
        "The Calenardhon government condemned an attack by Osgiliath soldiers in south "
        "Ithilen on Thursday and promised aid to the affected Ithilen villages."
    )
    assert [(e.event_type, e.evidence) for e in evs] == [
        ("ACCUSE", "condemned"),
        ("AGREE", "promised"),
    ]
    assert evs[1].source.text == "Calenardhon government"
    assert evs[1].target.text == "Ithilen"


@pytest.mark.parametrize(
    "text",
    [
        # The same attack told twice.
        "A minefield explosion near the town of Samarra killed two Iraqi youths and "
        "wounded five others on Sunday.",
        # "insisted" reports; it is no second act.
        "The United States on Thursday defended the right of Russian troops to fire on "
        "militants in Azerbaijan and insisted unrest there was an internal matter.",
    ],
)
def test_no_second_event_for_the_same_act_or_a_report(text: str) -> None:
    assert len(_events(text)) == 1


@pytest.mark.parametrize(
    ("text", "etype", "evidence"),
    [
        (
            "The Israeli army lifted Friday a day-old blockade on Palestinian lorries "
            "passing through this crossing point.",
            "RETREAT",
            "lifted Friday a day-old blockade",
        ),
        (
            "Switzerland said today it had expelled two Russian diplomats based in Geneva "
            "for spying.",
            "SANCTION",
            "expelled two Russian diplomats",
        ),
        (
            "The Israeli army lifted a week-long siege of Jenin on Monday.",
            "RETREAT",
            "lifted a week-long siege",
        ),
    ],
)
def test_modifiers_may_stand_inside_a_trigger_phrase(text: str, etype: str, evidence: str) -> None:
    ev = _events(text)[0]
    assert (ev.event_type, ev.evidence) == (etype, evidence)


def test_a_nationality_inside_the_phrase_is_the_object() -> None:
    ev = _events("Switzerland said today it had expelled two Russian diplomats for spying.")[0]
    assert (ev.source.country, ev.target.country) == ("CHE", "RUS")


def test_a_trigger_word_is_no_modifier_inside_a_phrase() -> None:
    # "fire at" must not swallow "tear gas" (COERCE).
    ev = _events("Police in Khartoum fired tear gas at protesters.")[0]
    assert (ev.event_type, ev.evidence) == ("COERCE", "tear gas")


def test_a_negation_is_no_modifier_inside_a_phrase() -> None:
    # "intend to" is an AGREE phrase; "intend not to" must not match it.
    evs = _events("Syria does intend not to attend the talks.")
    assert all(e.evidence != "intend not to" for e in evs)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "Sam Gamgee halted his march towards further adventures in the vicinity of "
            "Cirith Ungol.",
            "halted his march",
        ),
        ("The army halted its offensive on Idlib.", "halted its offensive"),
        ("Israel suspended air strikes on Gaza.", "suspended air strikes on"),
        ("Workers called off the strike.", "called off the strike"),
    ],
)
def test_stopping_a_hostile_act_is_a_retreat(text: str, evidence: str) -> None:
    (ev,) = _events(text)
    assert (ev.event_type, ev.evidence) == ("RETREAT", evidence)


def test_stopping_aid_stays_a_sanction() -> None:
    (ev,) = _events("The United States suspended military aid to Egypt.")
    assert ev.event_type == "SANCTION"
    assert ev.target.country == "EGY"


def test_the_rest_of_a_background_clause_is_background() -> None:
    (ev,) = _events(
        "Italy announced a suspension of air links with Serbia on Wednesday, one day after "
        "a Serbian army jet shot down a helicopter carrying EC truce monitors."
    )
    assert (ev.event_type, ev.evidence) == ("SANCTION", "suspension")
    assert (ev.source.country, ev.target.country) == ("ITA", "SRB")
