"""What the clause rules do to the labelled Arabic trigger-only events, before → after.

    PYTHONPATH=src python -m evaluation.arabic_clause_rules [--list]

:mod:`wiqaya.read.clause` drops or retypes an Arabic trigger governed by a
demand, threat, plan, condition or negation. This runs the shipped pipeline
over the 3,404 distinct Arabic dev sentences twice, with the rules and without
them (:func:`wiqaya.read.clause.govern_triggers` replaced by the identity, the
rest unchanged), and for each labelled event of the two samples — the dev
sample the rules were written from (``arabic_trigger_only_labels.jsonl``) and
the held-out one drawn and labelled before they were written
(``arabic_trigger_only_labels_heldout.jsonl``) — says whether the event is
kept with its type, dropped, or retyped (REQUEST or THREATEN on the governing
word; the new reading carries a label of its own, ``"round": "clause"``).
Precision before is scored on the labels of the events the pipeline made
without the rules; after, on the labels of the events it makes with them (kept
and new readings). Labels added later to top up a type (``"round":
"clause-topup"``) are left out of both, so the comparison is on one sample.
``--list`` prints each dropped or retyped labelled event.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from unittest.mock import patch

import wiqaya.read.pipeline as pipeline
from evaluation.arabic_trigger_only import (
    HELDOUT,
    LABELS,
    distinct,
    label_key,
    load_labels,
    trigger_only_events,
    weighted,
    wilson,
)
from evaluation.arabic_trigger_words import dev_sentences
from wiqaya.read.pipeline import DocumentInput, read_documents


def without_rules(texts: list[str]):  # noqa: ANN201
    with patch.object(pipeline, "govern_triggers", lambda trigs, *_: trigs):
        return trigger_only_events(texts)


def all_events(texts: list[str]) -> int:
    docs = [DocumentInput(str(i), t, "ar") for i, t in enumerate(texts)]
    return sum(len(r.events) for r in read_documents(docs))


def _precision(labels: list[dict], share: Counter[str]) -> str:
    rows: dict[str, tuple[int, int]] = {}
    for lab in labels:
        x, n = rows.get(lab["event_type"], (0, 0))
        rows[lab["event_type"]] = (x + bool(lab["type_right"]), n + 1)
    est, lo, hi = weighted(rows, share)
    x = sum(r[0] for r in rows.values())
    n = sum(r[1] for r in rows.values())
    ulo, uhi = wilson(x, n)
    return (
        f"weighted {est:.2f} [{lo:.2f}, {hi:.2f}]; "
        f"unweighted {x}/{n} = {x / n:.2f} [{ulo:.2f}, {uhi:.2f}]"
    )


def compare(path: Path, before, after, show: bool) -> list[str]:  # noqa: ANN001
    b, a = distinct(before), distinct(after)
    # The sample as the clause rules were scored on (coder read11): top-ups and
    # the sense rules' relabelling (triggers-2026.11.13) left out.
    labels = [
        lab
        for lab in load_labels(path)
        if lab.get("round") not in ("clause-topup", "senses", "senses-topup", "read16")
        and lab.get("superseded_by") != "senses"
    ]
    old = [lab for lab in labels if lab.get("round") != "clause"]
    new = {label_key(lab): lab for lab in labels if lab.get("round") == "clause"}
    fate: Counter[tuple[str, bool]] = Counter()
    lines = [f"{path.name}: {len(old)} labels"]
    kept_after: list[dict] = []
    for lab in old:
        k = label_key(lab)
        if k in a:
            fate["kept", lab["type_right"]] += 1
            kept_after.append(lab)
            continue
        fresh = [key for key in a if key[0] == k[0] and key not in b]
        what = "retyped" if fresh else "dropped"
        fate[what, lab["type_right"]] += 1
        if show:
            right = "right" if lab["type_right"] else "wrong"
            lines.append(f"  {what} ({right}) {k[1]} «{k[2]}» {k[0]} → {fresh}")
    readings = [lab for key, lab in new.items() if key in a]
    missing = [key for key in new if key not in a]
    for what in ("kept", "dropped", "retyped"):
        lines.append(f"  {what:8s} right {fate[what, True]:3d}  wrong {fate[what, False]:3d}")
    x = sum(bool(lab["type_right"]) for lab in readings)
    lines.append(
        f"  new readings labelled: {len(readings)}, right {x}; unlabelled or stale: {missing}"
    )
    share_b = Counter(ev.event_type for _, _, ev in before)
    share_a = Counter(ev.event_type for _, _, ev in after)
    lines.append(f"  before: {_precision(old, share_b)}")
    lines.append(f"  after:  {_precision(kept_after + readings, share_a)}")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    texts = dev_sentences()
    after = trigger_only_events(texts)
    before = without_rules(texts)
    with patch.object(pipeline, "govern_triggers", lambda trigs, *_: trigs):
        total_before = all_events(texts)
    total_after = all_events(texts)
    cb = Counter(ev.event_type for _, _, ev in before)
    ca = Counter(ev.event_type for _, _, ev in after)
    print(
        f"{len(texts)} dev sentences: trigger-only events {len(before)} → {len(after)}; "
        f"all events {total_before} → {total_after}"
    )
    print("  " + ", ".join(f"{t} {cb[t]}→{ca[t]}" for t in sorted(cb, key=lambda t: -cb[t])))
    for path in (LABELS, HELDOUT):
        print("\n".join(compare(path, before, after, args.list)))


if __name__ == "__main__":
    main()
