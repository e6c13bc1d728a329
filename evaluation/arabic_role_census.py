"""How a change of the Arabic clause roles moves the trigger-only events of the dev sentences.

    PYTHONPATH=src python -m evaluation.arabic_role_census --dump BEFORE.jsonl
    (change the coder)
    PYTHONPATH=src python -m evaluation.arabic_role_census --dump AFTER.jsonl
    PYTHONPATH=src python -m evaluation.arabic_role_census --compare BEFORE.jsonl AFTER.jsonl \
        [--sample 30] [--seed 31]

``--dump`` writes one line per distinct (sentence, type, evidence) event of the
14 types without a detector over the distinct Arabic dev sentences
(:func:`evaluation.arabic_trigger_only.trigger_only_events`), with its source
and target as ``words [ISO3/sector]``. ``--compare`` counts the events whose
source or target words or country differ between two dumps (events present in
one dump only are counted apart) and prints a seeded sample of the changed
events for a hand check.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from evaluation.arabic_trigger_only import distinct, trigger_only_events
from evaluation.arabic_trigger_words import dev_sentences


def dump(path: Path) -> int:
    events = distinct(trigger_only_events(dev_sentences()))
    with path.open("w", encoding="utf-8") as fh:
        for _, s in sorted(events.items()):
            fh.write(json.dumps(s.as_dict(), ensure_ascii=False) + "\n")
    return len(events)


def _load(path: Path) -> dict[tuple[str, str, str], dict]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out[(d["sid"], d["event_type"], d["evidence"])] = d
    return out


def _country(actor: str | None) -> str | None:
    if actor is None:
        return None
    code = actor.rpartition(" [")[2].split("/")[0]
    return None if code == "-" else code


def compare(before: Path, after: Path, sample: int, seed: int) -> None:
    b, a = _load(before), _load(after)
    both = sorted(set(b) & set(a))
    changed = []
    counts = {"source": 0, "target": 0, "source country": 0, "target country": 0}
    for key in both:
        moved = False
        for role in ("source", "target"):
            if b[key][role] != a[key][role]:
                counts[role] += 1
                moved = True
            if _country(b[key][role]) != _country(a[key][role]):
                counts[f"{role} country"] += 1
        if moved:
            changed.append(key)
    print(
        f"{len(both)} events in both dumps ({len(set(b) - set(a))} only before, "
        f"{len(set(a) - set(b))} only after); {len(changed)} change source or target: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    picked = sorted(random.Random(seed).sample(changed, min(sample, len(changed))))
    for n, key in enumerate(picked, 1):
        x, y = b[key], a[key]
        ev = x["evidence"]
        i = x["sentence"].find(ev)
        ctx = x["sentence"][max(0, i - 160) : i + 120].replace("\n", " ")
        print(f"\n{n}. {x['event_type']} «{ev}» {key[0]}\n   …{ctx}…")
        for role in ("source", "target"):
            if x[role] != y[role]:
                print(f"   {role}: {x[role]} → {y[role]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=31)
    args = parser.parse_args(argv)
    if args.dump:
        print(f"{dump(args.dump)} events written to {args.dump}")
    if args.compare:
        compare(*args.compare, args.sample, args.seed)


if __name__ == "__main__":
    main()
