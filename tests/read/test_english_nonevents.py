"""English phrases that hold a trigger word but are no event, and the events they hide.

Sentences are written in the style of wire news for these tests; the phrases
are the lexicon's ``not_events_en`` list and the multi-word triggers that win
over a shorter, wrong one by longest match.
"""

from __future__ import annotations

import pytest

from wiqaya.read.pipeline import DocumentInput, read_document


def _events(text: str) -> list[tuple[str, str]]:
    res = read_document(DocumentInput("x", text, "en"))
    return [(e.event_type, e.evidence) for e in res.events]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The army released a statement on Sunday.", []),
        ("The ministry released a report on the economy.", []),
        ("The minister died of a heart attack in Cairo.", []),
        ("Egypt's gas fields will meet the demand of its neighbours.", []),
        ("The court battle over the land lasted a decade.", []),
        # A passive "met with", or one met by a reaction, is no meeting (triggers-2026.11.17).
        ("Protesters in Khartoum were met with tear gas on Sunday.", ["PROTEST"]),
        ("The plan met with resistance in parliament.", []),
        ("The proposal has been met with silence.", []),
        # "discussed" is a real consultation; "free trade" is no release.
        ("Tunisia and Libya discussed free trade.", ["CONSULT", "CONSULT"]),
    ],
)
def test_phrases_that_are_no_event(text: str, types: list[str]) -> None:
    assert [t for t, _ in _events(text)] == types


@pytest.mark.parametrize(
    ("text", "etype", "evidence"),
    [
        (
            "Israel carried out a drone strike on a car in southern Lebanon.",
            "ASSAULT",
            "drone strike",
        ),
        ("Egypt and Israel struck a deal on gas exports.", "AGREE", "struck a deal"),
        (
            "UN monitors reported ceasefire violations in Hodeidah.",
            "ASSAULT",
            "ceasefire violations",
        ),
        ("Workers staged a general strike in Khartoum.", "PROTEST", "general strike"),
    ],
)
def test_longer_triggers_win_over_misleading_words(text: str, etype: str, evidence: str) -> None:
    assert _events(text)[0] == (etype, evidence)


def test_a_released_prisoner_is_still_a_release() -> None:
    assert _events("Israel released 90 Palestinian prisoners on Sunday.")[0][0] == "RETREAT"


def test_who_reports_an_act_is_not_who_commits_it() -> None:
    res = read_document(
        DocumentInput(
            "r", "Human Rights Watch documented attacks by Houthi forces on civilians.", "en"
        )
    )
    ev = res.events[0]
    assert (ev.event_type, ev.source.country, ev.source.sector) == ("ASSAULT", "YEM", "REB")
    assert ev.target.sector == "CVL"
    res = read_document(DocumentInput("r", "UN monitors reported ceasefire violations.", "en"))
    assert res.events[0].source.country is None
    # A subject that acts keeps its role: "reported" is no reporting verb here.
    res = read_document(DocumentInput("r", "Egyptian troops attacked militants in Sinai.", "en"))
    assert res.events[0].source.country == "EGY"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # An intent to harm is a threat, like "will attack".
        ("Iran is ready to attack Israel if its nuclear sites are hit.", "THREATEN"),
        ("The militia vowed to fight the army until the last man.", "THREATEN"),
        # An intent to cooperate stays an intent (AGREE).
        ("Egypt is ready to mediate between Hamas and Israel.", "AGREE"),
        # "accept" is agreement; refusing it a rejection.
        ("Hamas accepted the Egyptian ceasefire proposal.", "AGREE"),
        ("Syria says it will not accept any more refugees.", "REJECT"),
        # A demand frames the act it asks for.
        ("The UN reiterated its demand on Monday that Israel lift the blockade.", "REQUEST"),
        ("The Arab League insisted that Israel must withdraw from the Golan.", "REQUEST"),
        ("Protesters violated a ban on gatherings in Algiers.", "REJECT"),
    ],
)
def test_intent_acceptance_and_demands(text: str, etype: str) -> None:
    assert _events(text)[0][0] == etype


def test_a_word_inside_a_longer_trigger_is_no_actor() -> None:
    res = read_document(
        DocumentInput("o", "Lebanon lodged an official protest with the UN over overflights.", "en")
    )
    ev = res.events[0]
    assert (ev.event_type, ev.source.country, ev.target.country) == ("ACCUSE", "LBN", "IGO")
    # A trigger that is its own actor keeps it as the source.
    res = read_document(DocumentInput("o", "Protesters burned tyres in Beirut.", "en"))
    assert res.events[0].source.sector == "CVL"


def test_a_meeting_is_still_a_meeting() -> None:
    assert [
        t for t, _ in _events("Sudan's army chief met with the US envoy in Port Sudan on Tuesday.")
    ][:1] == ["CONSULT"]
