"""The coding_modern scorer counts found, false hits and role accuracy as documented."""

from __future__ import annotations

from evaluation.coding_modern import match, score


def _out(event: str, source: str | None, target: str | None) -> dict:
    return {
        "event": event,
        "source": {"text": None, "country": source, "sector": None},
        "target": {"text": None, "country": target, "sector": None},
        "evidence": "x",
    }


def test_found_false_hit_and_roles_in_one_sentence() -> None:
    gold = [
        {"event": "SANCTION", "source": "MAR", "target": "IRN"},
        {"event": "ACCUSE", "source": "MAR", "target": "IRN"},
    ]
    # SANCTION found with both countries right on its second output event;
    # ACCUSE missed; the PROTEST output is a false hit.
    out = [
        _out("SANCTION", "IRN", None),
        _out("SANCTION", "MAR", "IRN"),
        _out("PROTEST", None, None),
    ]
    t = match(gold, out)
    assert (t.gold, t.found, t.output, t.false_hits) == (2, 1, 3, 1)
    assert t.role_n == {"source": 1, "target": 1}
    assert t.role_ok == {"source": 1, "target": 1}
    assert t.misses == ["ACCUSE"]


def test_null_gold_role_is_not_scored_and_wrong_country_counts() -> None:
    gold = [{"event": "ASSAULT", "source": None, "target": "EGY"}]
    t = match(gold, [_out("ASSAULT", "SDN", "ISR")])
    assert (t.found, t.role_n["source"], t.role_n["target"], t.role_ok["target"]) == (1, 0, 1, 0)


def test_sentence_without_gold_events_makes_every_output_false() -> None:
    t = match([], [_out("CONSULT", "SAU", "IRQ"), _out("AGREE", "SAU", "IRQ")])
    assert (t.gold, t.output, t.false_hits) == (0, 2, 2)


def test_score_splits_languages_and_sums_all() -> None:
    rows = [
        {
            "id": "a",
            "lang": "ar",
            "text": "استدعت الجزائر سفيرها في باريس للتشاور.",
            "events": [{"event": "SANCTION", "source": "DZA", "target": "FRA"}],
        },
        {
            "id": "b",
            "lang": "en",
            "text": "Oil prices rose on Monday.",
            "events": [],
        },
    ]
    outputs = [
        {"id": "a", "events": [_out("SANCTION", "DZA", None)]},
        {"id": "b", "events": [_out("PROTEST", None, None)]},
    ]
    totals = score(rows, outputs, show=False)
    assert (totals["ar"].found, totals["ar"].false_hits) == (1, 0)
    assert totals["ar"].role_ok == {"source": 1, "target": 0}
    assert (totals["en"].gold, totals["en"].false_hits) == (0, 1)
    assert (totals["all"].gold, totals["all"].output, totals["all"].false_hits) == (1, 2, 1)


def test_list_prints_miss_false_hit_and_wrong_role(capsys) -> None:
    rows = [
        {
            "id": "m",
            "lang": "ar",
            "text": "طردت الحكومة الصومالية السفير الإثيوبي من مقديشو.",
            "events": [
                {"event": "SANCTION", "source": "SOM", "target": "ETH"},
                {"event": "ACCUSE", "source": "SOM", "target": "ETH"},
            ],
        }
    ]
    outputs = [
        {"id": "m", "events": [_out("SANCTION", "SOM", "SOM"), _out("ASSAULT", "SOM", None)]}
    ]
    score(rows, outputs, show=True)
    printed = capsys.readouterr().out
    assert "MISS  ACCUSE" in printed
    assert "FALSE ASSAULT SOM>None" in printed
    assert "ROLE  SANCTION target ETH got ['SOM']" in printed
