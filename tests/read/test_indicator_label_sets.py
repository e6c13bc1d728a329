"""The hand-labelled indicator sets keep the format the scorer and the draws rely on.

``evaluation/indicators.py --set freshN`` scores a set by the indicator names in its
rows, and each blind draw (``evaluation/indicators_draw.py``) excludes the earlier
sets by comparing texts: a misspelt indicator, a row filed under another set, or a
sentence shared by two sets would silently skew a held-out figure.
"""

from __future__ import annotations

import json

import pytest
from evaluation.indicators import FRESH7, LABELS, load_labels

EVAL = LABELS.parent
SETS = {"first": LABELS, "fresh": EVAL / "indicators_labels_fresh.jsonl"} | {
    f"fresh{n}": EVAL / f"indicators_labels_fresh{n}.jsonl" for n in range(2, 8)
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_rows_name_known_indicators_once(name: str) -> None:
    rows = load_labels("all", SETS[name])
    assert rows
    for r in rows:
        assert r["lang"] in ("ar", "en"), r["text"][:40]
        assert r["text"].strip() == r["text"] and r["text"]
        assert len(set(r["indicators"])) == len(r["indicators"]), r["text"][:40]
        assert r["source"]
        if name != "first":
            assert r["split"] == name, r["text"][:40]
    assert len({r["text"] for r in rows}) == len(rows)


def test_no_sentence_is_in_two_sets() -> None:
    seen: dict[str, str] = {}
    for name, path in SETS.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            assert text not in seen, f"{text[:40]} in {seen.get(text)} and {name}"
            seen[text] = name


def test_the_eighth_set_holds_the_rare_indicators_and_near_misses() -> None:
    rows = load_labels("all", FRESH7)
    written = [r for r in rows if r["source"].startswith("written")]
    rare = (
        "hate_speech_incitement",
        "election_dispute_violence",
        "unconstitutional_change",
        "border_territorial_dispute",
        "trafficking_organised_crime",
    )
    for ind in rare:
        assert sum(ind in r["indicators"] for r in written) >= 10, ind
    assert sum(not r["indicators"] for r in written) >= 20
