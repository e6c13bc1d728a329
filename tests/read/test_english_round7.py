"""English rules of the seventh round: which trigger is the act.

A noun that authors a finding, a warning about an outcome and an accord named as
a state or goal are no act; a march to a frontier is a troop movement, a clash over
an issue a dispute, aid asked for a request; a name after an article or a
preposition modifies a noun trigger and is no subject; five-letter -ing forms,
patrols, withdrawn inspectors, preparing to fight and hearings are read as CAMEO
codes them. Dev sentences of the gold files are used where they
exist (their id is given); the guards are wire-style sentences. Each rule is
general English, not a rule for one sentence.
"""

from __future__ import annotations

from wiqaya.read.pipeline import DocumentInput, read_document


def _events(text: str) -> list:
    return read_document(DocumentInput("x", text, "en")).events


def _types(text: str) -> list[str]:
    return [e.event_type for e in _events(text)]


# --- a noun that authors a finding -------------------------------------------


def test_a_finding_noun_is_no_act() -> None:
    # PETR AFP080801M008-2 (dev): the gold codes no event.
    assert not _events(
        "An investigation determined that the amount of radioactivity that seeped from a "
        "valve was less than half a microcurie, a senior university professor said."
    )


def test_the_act_inside_a_finding_is_still_read() -> None:
    assert _types("The report found that police arrested dozens of protesters in Cairo.") == [
        "COERCE"
    ]


def test_an_investigation_opened_is_still_an_act() -> None:
    assert _types("Egyptian police opened an investigation into the killing.") == ["ACCUSE"]


# --- a warning about an outcome ---------------------------------------------------


def test_a_warning_about_an_outcome_is_no_threat() -> None:
    # PETR COMPOUND-31 (dev): CAMEO 010, no PLOVER type.
    assert not _events(
        "The information ministry of Gondor and the Nasgul said on Friday that an arms "
        "embargo against the Mordor police would not work and warned that a blockade of "
        "the Bay of Belfalas would harm all countries of the region."
    )


def test_a_warning_that_names_who_acts_stays_a_threat() -> None:
    assert _types(
        "Cairo's security chief has warned that police will no longer tolerate rallies by "
        "the Kifaya group."
    ) == ["THREATEN"]
    assert _types("Iran warned that it would retaliate against any attack.") == ["THREATEN"]


def test_a_warning_with_an_ultimatum_stays_a_threat() -> None:
    assert _types(
        "Turkey warned that a new offensive would follow unless the militia withdrew."
    ) == ["THREATEN"]


# --- an accord that nobody made ---------------------------------------------------


def test_an_accord_as_a_state_is_no_agreement() -> None:
    # PETR PATTERN-06 (dev): no gold event.
    assert not _events("Gollum was in an accord with an anti- Gondor parade on Saturday.")


def test_an_accord_as_a_goal_is_no_agreement() -> None:
    # PETR SYNSET-24b (dev): CAMEO 013, no PLOVER type.
    assert not _events(
        "Arnor is inching nearer to accord with Gondor almost five years after crowds "
        "trashed its embassy, a senior official said on Saturday."
    )


def test_an_accord_reached_is_an_agreement() -> None:
    assert _types("Israel and Hamas reached an accord on Monday.") == ["AGREE", "AGREE"]


def test_an_accord_close_at_hand_is_no_agreement() -> None:
    assert not _events("The two sides are close to an agreement, officials said.")


# --- a march to a frontier ----------------------------------------------------------


def test_a_march_to_the_border_is_a_troop_movement() -> None:
    # PETR DATE-08 (dev): CAMEO 152, PLOVER MOBILIZE.
    assert _types("Sam Gamgee has marched very close to the border with Mordor.") == ["MOBILIZE"]


def test_soldiers_marching_are_a_troop_movement() -> None:
    assert _types("Ethiopian soldiers marched into the town of Humera on Monday.") == ["MOBILIZE"]


def test_a_street_march_stays_a_protest() -> None:
    assert _types("Thousands of students marched through the capital on Friday.") == ["PROTEST"]


# --- a clash over an issue --------------------------------------------------------------


def test_a_clash_over_an_issue_is_a_dispute() -> None:
    # PETR SYNSET-12 (dev): CAMEO 110, PLOVER ACCUSE.
    assert _types(
        "Bree Prime Minister Romendacil clashed over the efforts of Eriadori to deal with "
        "an orc infestation during a brief private visit to Eriador starting on Sunday."
    ) == ["ACCUSE"]


def test_a_clash_over_the_weekend_stays_fighting() -> None:
    assert set(_types("Rebels clashed with government troops over the weekend.")) == {"ASSAULT"}


def test_a_clash_that_did_not_happen_is_no_event() -> None:
    # PETR SYNSET-14 (dev): a negated hostile act stays uncoded.
    assert not _events(
        "Bree Prime Minister Romendacil will not clash over the efforts of Eriadori to deal "
        "with an orc infestation during a brief private visit to Eriador starting on Sunday."
    )


# --- aid asked for ----------------------------------------------------------------------


def test_asylum_bargained_for_is_a_request() -> None:
    # PETR PATTERN-04 (dev): CAMEO 1033, PLOVER REQUEST.
    assert _types("Gollum will bargain for foreign asylum in Gondor, the AFP reported.") == [
        "REQUEST"
    ]


def test_aid_asked_for_is_a_request() -> None:
    assert _types("The opposition lobbied for more military aid on Tuesday.") == ["REQUEST"]


def test_asylum_granted_stays_aid() -> None:
    assert _types(
        "Uganda has granted political asylum to 18 Rwandan rebels, a United Nations "
        "official said on Friday."
    ) == ["AID"]


# --- a name inside a noun phrase ---------------------------------------------------------


def test_a_name_after_an_article_modifies_the_noun() -> None:
    # PLOVER-GSR01-INVESTIGATE-0006 (dev): the summit is background.
    assert _types(
        "A US national has been put under investigation in Italy for her possible role in "
        "rioting during a G8 summit in Genoa last month, Ansa news agency reported."
    ) == ["ACCUSE"]


def test_a_name_before_a_verb_is_still_its_subject() -> None:
    assert _types("Israel attacked targets in Gaza on Monday.") == ["ASSAULT"]


def test_a_five_letter_ing_form_finds_its_verb() -> None:
    # PLOVER-GSR01-DISAPPROVE-0015 (dev): "suing" is "sue" (CAMEO 115, ACCUSE), not
    # the missile attack of the relative clause.
    evs = _events(
        "A Saudi businessman is suing the United States for damages to his pharmaceutical "
        "plant which were caused by a missile attack in August, his American lawyer said."
    )
    assert (evs[0].event_type, evs[0].evidence) == ("ACCUSE", "suing")


def test_patrols_ordered_are_a_show_of_force() -> None:
    # PLOVER-GSR01-MOBILIZE-0004 (dev): CAMEO 15, PLOVER MOBILIZE (triggers-2026.11.12);
    # the protests after "after" only date it.
    evs = _events(
        "The government of Sindh province has ordered patrols by police and paramilitary "
        "soldiers after violent protests by Muslim groups."
    )
    assert evs[0].event_type == "MOBILIZE"


def test_withdrawing_inspectors_is_a_sanction_and_its_future_a_threat() -> None:
    # PLOVER-GSR01-THREATEN-0019 (dev): CAMEO 1662 (SANCTION) in the future is a
    # threat, not an intent to cooperate as a future "withdraw" (RETREAT) would be.
    evs = _events(
        "U.N. Secretary-General Kofi Annan announced on Monday that he will withdraw weapons "
        "inspectors and humanitarian workers from Iraq."
    )
    assert evs[0].event_type == "THREATEN"
    assert _types("Russia withdrew its observers from the border zone.") == ["SANCTION"]
    assert _types("Israel withdrew its troops from the border zone.") == ["RETREAT"]


def test_preparing_to_fight_is_a_show_of_force() -> None:
    # PLOVER-GSR01-MOBILIZE-0001 (dev): the verb "prepared to" + a hostile act.
    evs = _events(
        "The Macedonian army prepared to resume shelling Albanian rebel-held territory as "
        "attempts to resolve the crisis on the political front were deadlocked."
    )
    assert evs[0].event_type == "MOBILIZE"
    assert _types("Syrian troops are preparing to attack the city of Idlib.")[0] == "MOBILIZE"


def test_being_prepared_to_fight_stays_a_threat() -> None:
    # The adjective after a copula is willingness, as "ready to" and "vowed to" are.
    assert _types("Hezbollah is prepared to attack Israel if the strikes continue.")[0] == (
        "THREATEN"
    )


def test_a_hearing_opened_into_a_matter_is_an_investigation() -> None:
    # PLOVER-GSR01-INVESTIGATE-0004 (dev): CAMEO 09, scored as ACCUSE.
    evs = _events(
        "Israel's high court opened a landmark hearing Wednesday into the legality of secret "
        "interrogation techniques used against Palestinian detainees."
    )
    assert [e.event_type for e in evs][:1] == ["ACCUSE"]
    assert not _events("The judge adjourned after hearing both lawyers on Monday.")
