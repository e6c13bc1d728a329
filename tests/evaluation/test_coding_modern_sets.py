"""Shape of the blind full-coding sets, checked without running the reader.

A malformed line (a type outside PLOVER, a country written "Sudan" instead of
"SDN", a repeated id) would silently lower or raise the scores the lead takes
on these sets, and the sets are blind: nobody reads their misses to notice.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

import pytest
from evaluation.coding_modern import SETS, _set_path, load

from wiqaya.assess.series import PLOVER

ACTOR = re.compile(r"[A-Z]{3}")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


@pytest.mark.parametrize("name", sorted(SETS))
def test_lines_follow_the_set_format(name: str) -> None:
    rows = load(SETS[name])
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for r in rows:
        assert set(r) == {"id", "lang", "text", "events", "note"}, r["id"]
        assert r["lang"] in ("ar", "en"), r["id"]
        assert r["text"].strip() == r["text"] and r["text"], r["id"]
        assert bool(ARABIC_LETTER.search(r["text"])) == (r["lang"] == "ar"), r["id"]
        assert len(r["events"]) <= 2, r["id"]
        for e in r["events"]:
            assert set(e) == {"event", "source", "target"}, r["id"]
            assert e["event"] in PLOVER, (r["id"], e["event"])
            for role in ("source", "target"):
                actor = e[role]
                assert actor is None or ACTOR.fullmatch(actor), (r["id"], role, actor)


def test_second_set_covers_every_type_and_keeps_no_event_lines() -> None:
    rows = load(SETS["modern2"])
    langs = Counter(r["lang"] for r in rows)
    assert langs["ar"] >= 120 and langs["en"] >= 25, langs
    types = Counter(e["event"] for r in rows for e in r["events"])
    assert set(types) == set(PLOVER), set(PLOVER) - set(types)
    assert min(types.values()) >= 5, types
    empty = sum(1 for r in rows if not r["events"])
    assert 0.12 <= empty / len(rows) <= 0.25, empty
    assert all(r["id"].startswith("m3-") for r in rows)


def test_second_set_repeats_no_sentence_of_the_first() -> None:
    first = {r["text"] for r in load(SETS["modern"])}
    second = {r["text"] for r in load(SETS["modern2"])}
    assert not first & second


def test_third_set_covers_every_type_and_keeps_no_event_lines() -> None:
    rows = load(SETS["modern3"])
    langs = Counter(r["lang"] for r in rows)
    assert langs["ar"] >= 140 and langs["en"] >= 25, langs
    types = Counter(e["event"] for r in rows for e in r["events"])
    assert set(types) == set(PLOVER), set(PLOVER) - set(types)
    assert min(types.values()) >= 5, types
    empty = sum(1 for r in rows if not r["events"])
    assert 0.10 <= empty / len(rows) <= 0.25, empty
    assert all(r["id"].startswith("m5-") for r in rows)


def test_third_set_repeats_no_sentence_of_the_first_two() -> None:
    earlier = {r["text"] for name in ("modern", "modern2") for r in load(SETS[name])}
    third = {r["text"] for r in load(SETS["modern3"])}
    assert not earlier & third


def test_fourth_set_covers_every_type_and_keeps_no_event_lines() -> None:
    rows = load(SETS["modern4"])
    langs = Counter(r["lang"] for r in rows)
    assert langs["ar"] >= 150 and langs["en"] >= 35, langs
    types = Counter(e["event"] for r in rows for e in r["events"])
    assert set(types) == set(PLOVER), set(PLOVER) - set(types)
    assert min(types.values()) >= 5, types
    empty = sum(1 for r in rows if not r["events"])
    assert 0.08 <= empty / len(rows) <= 0.20, empty
    assert all(r["id"].startswith("m6-") for r in rows)


def test_fourth_set_names_both_sides_of_most_events() -> None:
    # The set exists to measure roles: an event whose sides are both null
    # would count for the type only.
    events = [e for r in load(SETS["modern4"]) for e in r["events"]]
    both = sum(1 for e in events if e["source"] and e["target"])
    assert all(e["source"] or e["target"] for e in events)
    assert both / len(events) >= 0.9, both


def test_fourth_set_repeats_no_sentence_of_the_first_three() -> None:
    names = ("modern", "modern2", "modern3")
    earlier = {r["text"] for name in names for r in load(SETS[name])}
    fourth = {r["text"] for r in load(SETS["modern4"])}
    assert not earlier & fourth


def test_set_option_takes_names_and_paths(tmp_path) -> None:
    assert _set_path("modern") == SETS["modern"]
    assert _set_path("modern2").name == "coding_modern2.jsonl"
    assert _set_path("modern3").name == "coding_modern3.jsonl"
    assert _set_path("modern4").name == "coding_modern4.jsonl"
    other = tmp_path / "x.jsonl"
    other.write_text("", encoding="utf-8")
    assert _set_path(str(other)) == other


def test_set_option_rejects_a_name_that_is_no_set_nor_file(tmp_path) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="neither a set name"):
        _set_path(str(tmp_path / "missing.jsonl"))
