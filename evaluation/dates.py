"""Event-date accuracy on ``evaluation/dates_eval.jsonl``, per split, language and kind.

``PYTHONPATH=src python -m evaluation.dates [--misses dev|heldout|all|none] [--set after]``

``--set after`` scores ``dates_eval_after.jsonl``: 40 sentences written after the
rules of round one; ``--set fresh2`` scores ``dates_eval_fresh2.jsonl``: 68 written
before round three changed the rules (future weekdays, ordinals, months, Hijri).

Each item has a sentence, its document date and the gold event date; items with
two date expressions name the event's trigger, whose offset is passed to the
resolver. Rules are tuned on the ``dev`` half only; ``heldout`` is for reporting.
"""

from __future__ import annotations

import argparse
import inspect
import json
from collections import defaultdict
from datetime import date
from pathlib import Path

from wiqaya.read.dates import resolve_date

SETS = {
    "main": Path(__file__).with_name("dates_eval.jsonl"),
    "after": Path(__file__).with_name("dates_eval_after.jsonl"),
    "fresh2": Path(__file__).with_name("dates_eval_fresh2.jsonl"),
}


def load(name: str = "main") -> list[dict]:
    text = SETS[name].read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def predict(item: dict) -> str | None:
    doc = date.fromisoformat(item["doc_date"]) if item["doc_date"] else None
    kwargs = {}
    if "trigger" in item and "trigger_at" in inspect.signature(resolve_date).parameters:
        kwargs["trigger_at"] = item["text"].find(item["trigger"])
    when, _ = resolve_date(item["text"], doc, **kwargs)
    return when.isoformat() if when else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", choices=["dev", "heldout", "fresh2", "all", "none"], default="dev")
    ap.add_argument("--set", choices=sorted(SETS), default="main")
    args = ap.parse_args()
    items = load(args.set)
    score: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for it in items:
        ok = predict(it) == it["date"]
        for key in (
            (it["split"],),
            (it["split"], it["lang"]),
            (it["split"], "kind", it["kind"]),
        ):
            score[key][0] += ok
            score[key][1] += 1
        if not ok:
            misses.append(it)

    def line(key: tuple) -> str:
        ok, n = score[key]
        return f"{' / '.join(key):<28} {ok:>3}/{n:<3} {ok / n:.3f}"

    print(f"event dates: {len(items)} items in {SETS[args.set].name}")
    splits = list(dict.fromkeys(it["split"] for it in items))
    for split in splits:
        print(line((split,)))
        for lang in ("ar", "en"):
            print("  " + line((split, lang)))
    print(f"\nby kind ({' | '.join(splits)})")
    kinds = sorted({it["kind"] for it in items})
    for kind in kinds:
        cells = []
        for split in splits:
            ok, n = score.get((split, "kind", kind), (0, 0))
            cells.append(f"{ok:>2}/{n:<2}")
        print(f"  {kind:<14} " + " | ".join(cells))
    if args.misses != "none":
        shown = [m for m in misses if args.misses == "all" or m["split"] == args.misses]
        print(f"\nmisses ({args.misses}): {len(shown)}")
        for m in shown:
            print(
                f"  [{m['lang']} {m['kind']}] doc {m['doc_date']} gold {m['date']} "
                f"got {predict(m)}: {m['text'][:110]}"
            )


if __name__ == "__main__":
    main()
