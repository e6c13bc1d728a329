"""English reading: lemmas, one event per sentence from its main clause, roles.

Sentences are from the *dev* half of the English gold (even-indexed records of
PLOVER_GSR_CAMEO.txt and PETR_Validate_records_2_02.xml, see
evaluation/read_english.py); the held-out half is never used here.
"""

from __future__ import annotations

import pytest

from wiqaya.read import pipeline
from wiqaya.read.english import LemmaMatcher, lemmas
from wiqaya.read.pipeline import DocumentInput, coder_version, read_document


def _events(text: str) -> list[tuple]:
    res = read_document(DocumentInput("e", text, "en"))
    return [(e.event_type, e.evidence, e.source.as_dict(), e.target.as_dict()) for e in res.events]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("withdrew", "withdraw"),
        ("stopped", "stop"),
        ("agreed", "agree"),
        ("accuses", "accuse"),
        ("rallies", "rally"),
        ("shelling", "shell"),
        ("negotiating", "negotiate"),
        ("Israel's", "israel"),
    ],
)
def test_lemmas_cover_inflections(word: str, lemma: str) -> None:
    assert lemma in lemmas(word.lower())


def test_phrases_match_inflected_words_and_skip_articles() -> None:
    m = LemmaMatcher({"RETREAT": ["lift sanction", "withdraw"], "REQUEST": ["call for"]})
    words = [
        "the",
        "eu",
        "lifted",
        "the",
        "sanctions",
        "and",
        "moscow",
        "withdrew",
        ";",
        "rebels",
        "are",
        "calling",
        "for",
        "talks",
    ]
    hits = [(h.label, words[h.start]) for h in m.find(words)]
    assert hits == [("RETREAT", "lifted"), ("RETREAT", "withdrew"), ("REQUEST", "calling")]
    assert m.find(["the", "weather"]) == []


def test_one_event_from_the_main_verb_with_subject_and_object() -> None:
    # PLOVER-GSR01-CONSULT-0005 (dev): "meeting" later in the sentence is no second event;
    # the visit is coded for the host first and then, reversed, for the guest (CAMEO 043/042).
    ev = _events(
        "Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro "
        "Hashimoto in this Siberian city for an informal meeting aimed at establishing close "
        "personal relations between the two leaders."
    )
    assert ev == [
        (
            "CONSULT",
            "hosted",
            {"text": "Russian President Boris Yeltsin", "country": "RUS", "sector": "GOV"},
            {
                "text": "Japanese Prime Minister Ryutaro Hashimoto",
                "country": "JPN",
                "sector": "GOV",
            },
        ),
        (
            "CONSULT",
            "hosted",
            {
                "text": "Japanese Prime Minister Ryutaro Hashimoto",
                "country": "JPN",
                "sector": "GOV",
            },
            {"text": "Russian President Boris Yeltsin", "country": "RUS", "sector": "GOV"},
        ),
    ]


def test_verb_wins_over_an_earlier_or_later_noun_and_by_phrase_is_the_object() -> None:
    # PETR COMPOUND-21 (dev): "condemned" is the predicate, "an attack by ..." its object;
    # "and promised aid" is a second event (tests/read/test_english_grammar.py).
    ev = _events(
        "The Calenardhon government condemned an attack by Osgiliath soldiers in south "
        "Ithilen on Thursday and promised aid to the affected Ithilen villages."
    )
    assert [(e[0], e[1]) for e in ev] == [("ACCUSE", "condemned"), ("AGREE", "promised")]
    assert ev[0][2]["text"] == "Calenardhon government" and ev[0][2]["sector"] == "GOV"
    assert ev[0][3]["text"] == "Osgiliath soldiers" and ev[0][3]["sector"] == "MIL"


def test_trailing_attribution_is_not_the_target() -> None:
    # PLOVER-GSR01-AGREE-0005 (dev): the Egyptian newspaper only reports.
    ev = _events(
        "Libya has offered to hand over to Great Britain two of its nationals suspected by the "
        "West of blowing up a Pan Am plane in 1988, a state-owned Egyptian newspaper said."
    )
    assert [(e[0], e[2]["country"]) for e in ev] == [("AGREE", "LBY")]
    assert ev[0][3]["country"] != "EGY"


def test_reporter_is_the_source_of_it_says() -> None:
    # PLOVER-GSR01-AGREE-0034 (dev).
    ev = _events(
        "Syria says it is willing to withdraw its troops from neighboring Lebanon, after "
        "fifteen years of effective military occupation."
    )
    assert [(e[0], e[2]["country"]) for e in ev] == [("AGREE", "SYR")]


def test_unknown_names_are_actors_and_possessives_resolve() -> None:
    # PETR DATE-04 and PLOVER-GSR01-CONSULT-0003 (dev).
    ev = _events("Hamfast Gamgee has criticized the recent closure of guest houses in Bree.")
    assert [(e[0], e[2]["text"], e[2]["country"]) for e in ev] == [
        ("ACCUSE", "Hamfast Gamgee", None)
    ]
    ev = _events(
        "Taiwan's Vice Foreign Minister visited Russia today, becoming the island's highest "
        "ranking government official to go there."
    )
    # The visit is the guest's (042) and, reversed, the host's (043).
    assert [(e[0], e[2]["country"], e[3]["country"]) for e in ev] == [
        ("CONSULT", "TWN", "RUS"),
        ("CONSULT", "RUS", "TWN"),
    ]


def test_future_attack_is_a_threat() -> None:
    assert [e[0] for e in _events("Rebel commanders said they will attack the capital.")] == [
        "THREATEN"
    ]
    assert [e[0] for e in _events("Rebel commanders attacked the capital.")] == ["ASSAULT"]


def test_coder_version_carries_the_trigger_lexicon_and_fits_the_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    v = coder_version()
    assert len(v) <= 60
    # Spelled out while it fits, else in the digest of the whole string: a new
    # trigger lexicon must mark stored readings stale either way.
    lexicon = dict(pipeline.trigger_lexicon())
    monkeypatch.setattr(pipeline, "trigger_lexicon", lambda: {**lexicon, "version": "x-2099.1.1"})
    assert coder_version() != v


def test_negation_turns_cooperation_into_rejection_and_drops_hostility() -> None:
    # Self-written. A hostile act that did not happen is no event (the PETR suite
    # would code "can't ever clash" as 050; Wiqaya does not, see NEGATED_HOSTILE).
    assert [e[0] for e in _events("Syria will not sign the trade pact.")] == ["REJECT"]
    assert [e[0] for e in _events("The two sides failed to reach an agreement.")] == ["REJECT"]
    assert _events("Kenya can't ever clash over the efforts of Uganda.") == []
    assert _events("Rebel commanders did not attack the capital.") == []
    assert [e[0] for e in _events("Rebel commanders attacked the capital.")] == ["ASSAULT"]
    assert [e[0] for e in _events("Syria signed the trade pact.")] == ["SUPPORT"]


def test_a_country_after_to_or_from_is_an_actor_in_english() -> None:
    # PLOVER-GSR01-AGREE-0005 (dev): "to Great Britain" is the target, not where.
    ev = _events(
        "Libya has offered to hand over to Great Britain two of its nationals suspected by "
        "the West of blowing up a Pan Am plane in 1988, a state-owned Egyptian newspaper said."
    )
    assert [(e[0], e[2]["country"], e[3]["country"]) for e in ev] == [("AGREE", "LBY", "GBR")]
    ev = _events("Syria withdrew its troops from Lebanon.")
    assert [(e[0], e[2]["country"], e[3]["country"]) for e in ev] == [("RETREAT", "SYR", "LBN")]


def test_coordinated_actors_give_one_event_per_pair() -> None:
    # PETR COMPOUND-05 and COMPOUND-01 (dev).
    ev = _events(
        "Osgiliath welcomed the resumption of formal diplomatic ties with Mordor, Rohan, "
        "Arnor and Bree after a 12-year rift."
    )
    assert [(e[0], e[2]["text"], e[3]["text"]) for e in ev] == [
        ("SUPPORT", "Osgiliath", "Mordor"),
        ("SUPPORT", "Osgiliath", "Rohan"),
        ("SUPPORT", "Osgiliath", "Arnor"),
        ("SUPPORT", "Osgiliath", "Bree"),
    ]
    ev = _events(
        "Old foe Gondor and Osgiliath have renewed diplomatic ties after a 12-year break in a "
        "step that holds advantages for both major powers."
    )
    assert [(e[2]["text"], e[3]["text"]) for e in ev] == [
        ("Gondor", "Osgiliath"),
        ("Osgiliath", "Gondor"),
    ]
    # Not mutual: two attackers, no reciprocal events between them.
    ev = _events("Israeli and Egyptian troops attacked the smugglers.")
    assert len(ev) == 2 and all(e[3]["text"] != e[2]["text"] for e in ev)
    assert {e[2]["country"] for e in ev} == {"ISR", "EGY"}


def test_a_subordinate_clause_lends_no_object_to_a_mutual_act() -> None:
    # PETR DEMO-27 (dev).
    ev = _events(
        "Gondor and Osgiliath have delayed their meeting after a hafling was reported on the "
        "pass of Cirith Ungol."
    )
    assert [(e[0], e[2]["text"], e[3]["text"]) for e in ev] == [
        ("REJECT", "Gondor", "Osgiliath"),
        ("REJECT", "Osgiliath", "Gondor"),
    ]


def test_a_past_subordinate_clause_is_background_not_the_event() -> None:
    # PETR DISCARD-02 (dev): gold has no event.
    assert (
        _events(
            "Arnor is about to restore the World Golf Championships to Gondor almost five "
            "years after crowds trashed its embassy."
        )
        == []
    )
    assert [e[0] for e in _events("Police arrested 20 people after protesters burned tyres.")] == [
        "COERCE"
    ]
    # A noun after "after" is no clause: the fighting is still the event.
    ev = _events("Vietnamese-led forces have retaken a village after fierce fighting.")
    assert [e[0] for e in ev] == ["ASSAULT"]


def test_a_capital_as_subject_stands_for_its_government() -> None:
    # PLOVER-GSR01-REJECT-0021 (dev).
    ev = _events(
        "Beirut again rejected Thursday a United Nations appeal for deploying army troops "
        "along its borders with Israel."
    )
    assert [(e[0], e[2]["text"], e[2]["country"], e[3]["country"]) for e in ev] == [
        ("REJECT", "Beirut", "LBN", "IGO")
    ]
    # After a preposition it is where the event happens.
    ev = _events("Israeli soldiers arrested ten men in Beirut.")
    assert [e[3]["text"] for e in ev] != ["Beirut"]
    assert ev[0][2]["country"] == "ISR"


def test_is_committed_to_is_no_passive() -> None:
    # PLOVER-GSR01-AGREE-0019 (dev).
    ev = _events(
        "Planning and Investment Minister Tran Xuan Gia said Vietnam is committed to opening up "
        "the economy but will not be rushed, in a rare interview late on Friday."
    )
    assert [(e[0], e[2]["country"]) for e in ev] == [("AGREE", "VNM")]


def test_x_said_y_must_is_a_demand_by_x() -> None:
    # PLOVER-GSR01-DEMAND-0028 (dev).
    ev = _events(
        "Russia said on Tuesday that Sudan must return a Mi-26 helicopter that was captured "
        "by the Sudanese authorities last week."
    )
    assert [(e[0], e[2]["country"], e[3]["country"]) for e in ev] == [("REQUEST", "RUS", "SDN")]
    # Without a reporter, "must" alone is no demand.
    assert [e[0] for e in _events("Syrian troops must withdraw from Lebanon.")] != ["REQUEST"]


def test_future_protest_and_ultimatum_are_threats_and_light_verbs_keep_the_protest() -> None:
    # PLOVER-GSR01-THREATEN-0007, THREATEN-0003 and PROTEST-0004 (dev).
    ev = _events("Palestinian leaders said they would boycott all official contact with the US.")
    assert [e[0] for e in ev] == ["THREATEN"]
    ev = _events(
        "Nigeria today announced that it will withdraw their peacekeeping force from Chad "
        "unless President Goukouni Oueddei arranged a ceasefire with rebels."
    )
    assert [e[0] for e in ev] == ["THREATEN"]
    ev = _events(
        "Tens of thousands of university students throughout Indonesia staged mass "
        "demonstrations Saturday to demand political reforms by President Suharto's government."
    )
    assert [e[0] for e in ev] == ["PROTEST"]


def test_a_title_without_country_takes_the_other_sides_country() -> None:
    # PLOVER-GSR01-AGREE-0025 (dev).
    ev = _events(
        "The Fijian rebels said they will release Prime Minister Mahendra Chaudhry and more "
        "than 30 members of his government, whom they had taken hostage two weeks ago, on the "
        "weekend."
    )
    assert [(e[2]["country"], e[3]["country"], e[3]["sector"]) for e in ev][:1] == [
        ("FJI", "FJI", "GOV")
    ]
    # An international body lends no country.
    ev = _events("The United Nations praised President Mahendra Chaudhry.")
    assert ev[0][3]["country"] is None


def test_a_foreign_place_after_the_verb_is_the_target_when_no_actor_is() -> None:
    # PLOVER-GSR01-DEMAND-0013 (dev).
    ev = _events("Some 800,000 Iraqi Kurds sought refuge in Germany last month.")
    assert [(e[0], e[2]["country"], e[3]["country"], e[3]["text"]) for e in ev] == [
        ("REQUEST", "IRQ", "DEU", None)
    ]


def test_a_coder_version_too_long_for_the_column_still_tells_versions_apart() -> None:
    from wiqaya.read.pipeline import _fit_column

    head = "read6+a26.11.24+g26.11.4+i26.11.1+d26.11.4+r26.11.6+t26.11."
    a, b = _fit_column(head + "10"), _fit_column(head + "11")
    assert len(a) == len(b) == 60 and a != b
    assert _fit_column("read6+t1") == "read6+t1"
