"""English rules of the ninth round: which events a sentence does not report.

Reporting frames with an addressee ("told Reuters that …"), a trailing
reporter that is no coordinated target, quotes spoken by "we", inverted
conditions, feared, possible and remembered events, a game's report, landform
names, the forces a mobiliser sends, broken agreements, a second clause with a
subject of its own, and "between the A and the B". Every sentence is a
wire-style sentence written for the construction (none from a gold file); each
rule has a guard that must not change.
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


# --- a reporting verb with its addressee frames the clause after "that" ------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Witnesses told Reuters that troops opened fire on protesters in Bamako.", "troops"),
        ("The Pentagon confirmed that US aircraft struck militia targets in Syria.", "US"),
        ("Officials told reporters on Monday that militants attacked a checkpoint.", "militants"),
        ("The ministry revealed that Israeli jets bombed a convoy near Homs.", "Israeli"),
    ],
)
def test_the_addressee_of_a_report_is_no_actor(text: str, source: str) -> None:
    assert _events(text)[0].source.text == source


def test_a_reported_noun_still_names_no_author() -> None:
    # Guard (third round): "reported" without "that" reports the act as a noun.
    assert _events("UN monitors reported ceasefire violations.")[0].source.country is None


# --- the reporter after a comma is no coordinated target ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sudan's army agreed to a 72-hour truce with the RSF, the Sudan Tribune newspaper "
        "said on Friday.",
        "Iraq's foreign minister left for Tehran for talks with Iranian officials, the "
        "official IRNA news agency reported.",
        "Egypt accused Ethiopia of violating the Nile treaty, the MENA news agency said.",
        "Turkish jets struck Kurdish fighters in northern Iraq, Turkish officials said.",
    ],
)
def test_a_news_agency_that_reports_is_no_second_target(text: str) -> None:
    assert len(_events(text)) == 1


def test_coordinated_targets_stay_coordinated() -> None:
    # Guard: "and" joins two real targets.
    assert len(_events("Israel struck Hamas and Islamic Jihad positions in Gaza.")) == 2


# --- a quote spoken by "we" ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        ('"We will strike back," a Hamas spokesman said.', "THREATEN", "Hamas"),
        (
            '"We reject the proposal," the Sudanese army said in a statement.',
            "REJECT",
            "Sudanese army",
        ),
        (
            '"We condemn this aggression," Egypt\'s foreign ministry said.',
            "ACCUSE",
            "Egypt's foreign ministry",
        ),
        (
            '"We have agreed to a ceasefire," a Houthi official told Reuters.',
            "AGREE",
            "Houthi official",
        ),
    ],
)
def test_the_speaker_of_a_we_quote_is_the_source(text: str, kind: str, speaker: str) -> None:
    ev = _events(text)[0]
    assert (ev.event_type, ev.source.text) == (kind, speaker)


def test_the_speaker_of_an_our_quote_is_the_target() -> None:
    ev = _events('"They attacked our positions," a Kurdish commander said.')[0]
    assert (ev.event_type, ev.source.text, ev.target.text) == ("ASSAULT", None, "Kurdish")


# --- conditions, possibilities and fears ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Should Hamas fire rockets, Israel would retaliate.",
        "Should the talks fail, the army could attack the rebels.",
        "Were Iran to attack, Israel would respond.",
        "Israel may strike Iran.",
        "Hezbollah might attack Israel.",
        "Russia could invade Ukraine within weeks, Western officials said.",
        "Residents fled fearing an attack by the rebels.",
        "Analysts see a growing risk of war between Ethiopia and Eritrea.",
        '"We will respond with force to any attack," Iran\'s defence minister said on Sunday.',
    ],
)
def test_an_act_that_has_not_happened_is_no_event(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Iran said it could strike US bases in the region.",
        "The Houthis said they may attack ships in the Red Sea.",
        "The US raised the threat of sanctions against Turkey.",
    ],
)
def test_a_possibility_the_actor_names_itself_is_a_threat(text: str) -> None:
    assert _types(text) == ["THREATEN"]


def test_an_act_that_raises_fears_is_still_the_act() -> None:
    assert _types("Rebels attacked the town, raising fears of a new offensive.") == ["ASSAULT"]


# --- remembered events ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thousands marked the anniversary of the Srebrenica massacre on Saturday.",
        "Survivors of the 2015 bombing gathered in Ankara.",
        "Rwanda commemorated the victims of the 1994 genocide on Sunday.",
        "Relatives laid flowers in memory of the victims of the bombing.",
    ],
)
def test_a_remembered_event_is_no_event(text: str) -> None:
    assert _types(text) == []


def test_an_act_on_an_anniversary_is_still_an_act() -> None:
    assert _types("Protesters marched on the anniversary of the uprising.") == ["PROTEST"]


# --- a game's report ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Egypt beat Algeria 2-1 in a World Cup qualifier in Cairo on Tuesday.",
        "Nigeria's Super Eagles crushed Ghana 3-0 in the African Nations Cup final.",
        "Senegal captured the African Cup of Nations title after beating Egypt on penalties.",
        "Qatar will host the Asian Cup after China withdrew as host.",
        "The striker scored twice as Al Ahly thrashed Zamalek in the Cairo derby.",
    ],
)
def test_a_game_is_no_event(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Fans clashed with police outside the stadium after the match.",
        "Gunmen attacked fans at a football stadium in Cairo.",
        "Police beat protesters outside the stadium.",
    ],
)
def test_violence_around_a_game_is_still_an_event(text: str) -> None:
    assert _types(text)[:1] == ["ASSAULT"]


# --- landform names, own forces, broken agreements ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The United States and Japan agree that tensions in the East China Sea should be reduced.",
        "Vietnam and the Philippines agree that disputes in the South China Sea must be "
        "settled by talks.",
    ],
)
def test_a_sea_named_after_a_country_is_no_actor(text: str) -> None:
    assert all(e.target.country != "CHN" for e in _events(text))
    assert len(_events(text)) == 2


def test_a_country_before_a_named_guard_is_still_an_actor() -> None:
    ev = _events("The Libyan Coast Guard arrested 50 migrants off Tripoli.")[0]
    assert (ev.event_type, ev.source.country) == ("COERCE", "LBY")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Chad deployed troops to the border.", None),
        ("Rwanda deployed soldiers to Mozambique.", "Mozambique"),
        ("Britain mobilized army reservists for a possible war against Iraq.", "Iraq"),
    ],
)
def test_the_forces_a_mobiliser_sends_are_no_target(text: str, target: str | None) -> None:
    ev = _events(text)[0]
    assert (ev.event_type, ev.target.text) == ("MOBILIZE", target)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ethiopia violated the 2018 peace agreement, Eritrean officials said.", "REJECT"),
        ("Iran breached the nuclear deal by enriching uranium to 60 percent.", "REJECT"),
        ("Houthi fighters breached the truce in Hodeidah on Sunday.", "ASSAULT"),
        ("Israel broke the ceasefire with strikes on Rafah.", "ASSAULT"),
    ],
)
def test_a_broken_agreement_is_no_agreement(text: str, kind: str) -> None:
    assert _types(text) == [kind]


def test_a_reached_agreement_is_still_one() -> None:
    assert _types("The two sides broke the deadlock and reached an agreement.") == ["AGREE"]


# --- a second clause with its own subject; "between the A and the B" ----------


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Israel rejected the proposal and Hamas accused it of stalling.",
            [("REJECT", "Israel", None), ("ACCUSE", "Hamas", None)],
        ),
        (
            "The ministers met in Cairo on Monday and militants attacked a checkpoint in Sinai.",
            [("CONSULT", None, None), ("ASSAULT", "militants", None)],
        ),
    ],
)
def test_a_second_clause_has_its_own_subject(text: str, pairs: list) -> None:
    assert _pairs(text) == pairs


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Egypt and Jordan agreed to hold talks.", "AGREE"),
        ("Gunmen killed two soldiers and wounded five.", "ASSAULT"),
        (
            "Pakistan has refused to deploy peacekeepers in Iraq and has urged its citizens "
            "to leave.",
            "REJECT",
        ),
    ],
)
def test_coordinated_subjects_and_verbs_are_no_second_clause(text: str, kind: str) -> None:
    assert {e.event_type for e in _events(text)} == {kind}


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the army and the RSF killed 20 civilians.",
        "Clashes between the army and Kurdish fighters erupted in Afrin.",
        "Talks between the government and the rebels collapsed on Monday.",
    ],
)
def test_between_the_a_and_the_b_pairs_both_ways(text: str) -> None:
    pairs = {(e.source.text, e.target.text) for e in _events(text)}
    assert len(pairs) == 2 and all(s and t for s, t in pairs)
