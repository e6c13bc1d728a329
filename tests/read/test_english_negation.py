"""English negation beyond the verb: negated nouns and subjects, failed talks, denials.

Policy (docs/read-english.md): a negated cooperative act is a REJECT (CAMEO
12); a negated hostile act is no event; denying involvement or a report is a
statement (CAMEO 016), which PLOVER does not code. Sentences are written in the
style of wire news for these tests.
"""

from __future__ import annotations

import pytest

from wiqaya.read.pipeline import DocumentInput, read_document


def _types(text: str) -> list[str]:
    return [e.event_type for e in read_document(DocumentInput("n", text, "en")).events]


@pytest.mark.parametrize(
    "text",
    [
        "No agreement was reached after two days of talks in Geneva.",
        "The two sides failed to reach an agreement on the prisoner exchange.",
        "Talks between Israel and Hamas failed on Tuesday.",
        "Negotiations between Sudan and South Sudan broke down on Monday.",
        "Egypt and Ethiopia reached no agreement on the dam.",
    ],
)
def test_negated_or_failed_cooperation_is_a_reject(text: str) -> None:
    assert _types(text) == ["REJECT"] or set(_types(text)) == {"REJECT"}


@pytest.mark.parametrize(
    "text",
    [
        "No casualties were reported, the ministry said.",
        "No one was injured, police said.",
        "There was no fighting in the city on Sunday.",
        "The army ended the operation without casualties.",
    ],
)
def test_negated_hostile_acts_are_no_event(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("No one was killed in the blast, police said.", "blast"),
        ("No casualties were reported after the attack on the convoy.", "attack"),
        ("Nobody was injured when the rocket landed in an open field.", "rocket"),
    ],
)
def test_negated_casualties_leave_the_attack_itself(text: str, evidence: str) -> None:
    res = read_document(DocumentInput("c", text, "en"))
    assert [(e.event_type, e.evidence) for e in res.events] == [("ASSAULT", evidence)]
    assert all(e.source.text != "Nobody" for e in res.events)


@pytest.mark.parametrize(
    "text",
    [
        "Iran denied any involvement in the attack on the tanker.",
        "Hamas denied that it had fired the rockets.",
        "The ministry denied reports of clashes on the border.",
    ],
)
def test_denials_of_involvement_or_reports_are_no_event(text: str) -> None:
    assert _types(text) == []


def test_positive_acts_and_real_rejections_stay() -> None:
    assert _types("Israeli troops killed three Palestinians in Jenin.") == ["ASSAULT"]
    assert _types("Syria and Turkey reached an agreement on the border crossing.")[0] == "AGREE"
    # A denial of a request is still a rejection.
    assert _types("Egypt denied the request to open the Rafah crossing.") == ["REJECT"]
    # A failed attack was still an attack; only cooperation "fails" into a REJECT.
    assert _types("Gunmen attacked a checkpoint in Arish, but the assault failed.") == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks between Israel and Hamas failed on Tuesday.",
        # A sentence-initial plural trigger is no unknown-name source.
        "Talks between Israel and Hamas failed on Tuesday.",
    ],
)
def test_talks_between_two_parties_pair_them_both_ways(text: str) -> None:
    res = read_document(DocumentInput("b", text, "en"))
    pairs = {(e.source.country, e.target.country) for e in res.events}
    assert pairs == {("PSE", "ISR"), ("ISR", "PSE")}
    assert {e.event_type for e in res.events} == {"REJECT"}
