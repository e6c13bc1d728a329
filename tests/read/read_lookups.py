"""Lookups the read tests share: a sentence's events of one type, a place mention's country.

Not a test module (no ``test_`` prefix): pytest puts this directory on the path
when it collects the tests beside it, so they import it by name.
"""

from __future__ import annotations

from wiqaya.read.pipeline import DocumentInput, EventRecord, read_document, read_documents
from wiqaya.read.places import PlaceMention


def events_of(text: str, event_type: str) -> list[EventRecord]:
    """The Arabic sentence's events of ``event_type``."""
    (result,) = read_documents([DocumentInput("t", text, "ar")])
    return [e for e in result.events if e.event_type == event_type]


def one_event(text: str, event_type: str) -> EventRecord:
    """The first of them; the test fails, naming the sentence, when there is none."""
    found = events_of(text, event_type)
    assert found, text
    return found[0]


def place_mention(text: str, word: str) -> PlaceMention | None:
    """The place mention holding ``word``, the language identified."""
    doc = read_document(DocumentInput("t", text))
    return next((m for m in doc.places if word in m.surface), None)


def resolved_country(text: str, word: str) -> str | None:
    """That mention's country, when it is resolved."""
    m = place_mention(text, word)
    return m.country if m is not None and m.status == "resolved" else None
