"""The evaluator's view of ``wiqaya extract`` scores what the command writes, as documented."""

from __future__ import annotations

from pathlib import Path

from evaluation.extract_view import gold_rows, role_views, run_extract


def _line(*events: tuple[str, str | None]) -> dict:
    return {
        "events": [
            {"event": kind, "source": {"country": country}, "target": {"country": None}}
            for kind, country in events
        ]
    }


def test_the_three_role_views_differ_as_the_docstring_says() -> None:
    gold = {"type": "PROTEST", "source": "EGY", "target": "None"}
    coded = [
        (gold, _line(("PROTEST", "EGY"))),  # right in every view
        (gold, _line()),  # nothing coded: wrong where a missing event counts
        (gold, _line(("COERCE", "EGY"))),  # another type: right only with the fallback
        (gold, _line(("PROTEST", "LBN"), ("COERCE", "EGY"))),  # wrong type-event wins
    ]
    views = role_views(coded, "source")
    assert views["given the type"] == (1, 2)
    assert views["all coded"] == (1, 4)
    assert views["gold type, else first"] == (2, 4)
    # A gold role coded None is never scored.
    assert role_views(coded, "target") == {
        "given the type": (0, 0),
        "all coded": (0, 0),
        "gold type, else first": (0, 0),
    }


def test_extract_is_run_for_real_on_dev_sentences(shared_data: Path, tmp_path: Path) -> None:
    rows = [r for r in gold_rows() if r["task"] == "coding"][:3]
    rows.append({"id": "det-x", "text": "", "type": "PROTEST", "task": "detection", "gold": False})
    lines = run_extract(rows, tmp_path)
    assert [x["id"] for x in lines] == [r["id"] for r in rows]
    assert all(x["lang"] == "ar" for x in lines[:3])
    # The coded sentences are Arabic protest reports; the shipped coder finds the type.
    assert any(e["event"] == "PROTEST" for x in lines[:3] for e in x["events"])
    assert (tmp_path / "in.jsonl").read_text(encoding="utf-8").count("\n") == 4
