"""Read16's rules on the four labelled samples of Arabic trigger-only events, before → after.

    PYTHONPATH=src python -m evaluation.arabic_trigger_precision4 [--list] [--ablate]

Coder read16 adds clause rules (:mod:`wiqaya.read.clause`: expected, hoped-for
and needed acts, «في حال», «شرط ان», «غير», urging, an agreement's
breach or terms, a time adverb «قبل اسبوع» that no longer ends the clause,
material acts named in a slogan), a sense rule (:mod:`wiqaya.read.senses`: a
body's name «مجلس التعاون») and one blocked spelling («الداهم»). They were
written from the errors of the first three samples only
(``arabic_trigger_only_labels.jsonl``, ``..._heldout.jsonl``,
``..._heldout2.jsonl``); the fourth (``..._heldout3.jsonl``, every sentence of
the first three excluded) was drawn and labelled before any rule was written.

This runs the shipped pipeline over the 3,404 distinct Arabic dev sentences
twice: as of ``BASE`` (coder read15: its lexicon, clause and sense modules, read
with ``git show``) and as shipped. For each label file it says whether each
labelled event is kept, dropped or retyped (a new reading on the same sentence;
it carries a label of its own, ``"round": "read16"``), and scores precision
before and after: weighted by each type's share of trigger-only events (with
the approximate 95% interval of :func:`evaluation.arabic_trigger_only.weighted`),
in the strata the sample was drawn from (a ratio estimator with a bootstrap
interval, :func:`evaluation.arabic_trigger_senses.by_old_strata`), and
unweighted (Wilson). Labels are the current ones of each file (not superseded
by an earlier change). ``--list`` prints each dropped or retyped labelled
event; ``--ablate`` runs the coder once without each rule and counts what that
rule alone removes from each file (right / wrong).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest.mock import patch

import wiqaya.read.clause as clause
import wiqaya.read.detector as detector
import wiqaya.read.events as events_mod
import wiqaya.read.pipeline as pipeline
import wiqaya.read.senses as senses
from evaluation.arabic_clause_rules import _precision
from evaluation.arabic_trigger_only import (
    HELDOUT,
    HELDOUT2,
    HELDOUT3,
    LABELS,
    distinct,
    label_key,
    load_labels,
    trigger_only_events,
)
from evaluation.arabic_trigger_senses import _clear, by_old_strata
from evaluation.arabic_trigger_words import dev_sentences

# main before read16 (coder read15, triggers-2026.11.13).
BASE = "497d621"
ROOT = Path(__file__).resolve().parent.parent
LEXICON = "src/wiqaya/data/read/event_triggers.json"
FILES = (
    ("dev (rules' source)", LABELS),
    ("held-out 1 (rules' source)", HELDOUT),
    ("held-out 2 (rules' source)", HELDOUT2),
    ("held-out 3 (held out)", HELDOUT3),
)
ROUND = "read16"
# Labels scored here: current ones, those read16 superseded (this round's), and
# those of events read34 removed later («معارض» is no rejection).
_KEPT = (None, ROUND, "read34")
_NEVER = re.compile(r"(?!)")


def _git_show(path: str) -> str:
    return subprocess.run(
        ["git", "show", f"{BASE}:{path}"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout


def _module(name: str, path: str) -> types.ModuleType:
    mod = types.ModuleType(name)
    # dataclasses look their module up in sys.modules.
    sys.modules[name] = mod
    exec(compile(_git_show(path), path, "exec"), mod.__dict__)  # noqa: S102
    return mod


@contextmanager
def patched(changes: list[tuple[object, str, object]]) -> Iterator[None]:
    _clear()
    try:
        with ExitStack() as stack:
            for obj, attr, value in changes:
                stack.enter_context(patch.object(obj, attr, value))
            yield
    finally:
        _clear()


def before_changes() -> list[tuple[object, str, object]]:
    """The coder as of ``BASE``: its lexicon, clause rules and sense rules."""
    lex = json.loads(_git_show(LEXICON))
    old_clause = _module("_clause_read15", "src/wiqaya/read/clause.py")
    old_senses = _module("_senses_read15", "src/wiqaya/read/senses.py")
    return [
        (detector, "trigger_lexicon", lambda: lex),
        (events_mod, "trigger_lexicon", lambda: lex),
        (pipeline, "govern_triggers", old_clause.govern_triggers),
        (events_mod, "wrong_sense", old_senses.wrong_sense),
    ]


def _without_stems(kind: str, stems: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {
        k: tuple(s for s in v if s not in stems) if k == kind else v
        for k, v in clause._STEMS.items()
    }


def _without_words(kind: str, words: set[str]) -> dict[str, frozenset[str]]:
    return {k: v - words if k == kind else v for k, v in clause._WORDS.items()}


def _without_imminent() -> list[tuple[object, str, object]]:
    lex = json.loads(json.dumps(detector.trigger_lexicon()))
    lex["not_triggers_ar"].pop("داهم", None)
    return [
        (detector, "trigger_lexicon", lambda: lex),
        (events_mod, "trigger_lexicon", lambda: lex),
    ]


# Each read16 rule, as the patches that take it out of the shipped coder.
ABLATIONS: dict[str, Callable[[], list[tuple[object, str, object]]]] = {
    "expected/hoped/needed (plan)": lambda: [
        (clause, "_STEMS", _without_stems("plan", clause.EXPECTED)),
        (clause, "_WORDS", _without_words("plan", {"المطلوب"})),
    ],
    "شرط ان (condition)": lambda: [
        (clause, "_WORDS", _without_words("condition", {"شرط", "بشرط", "شريطه"}))
    ],
    "في حال(ة) (condition)": lambda: [(clause, "_CASE", frozenset())],
    "غير (negation)": lambda: [(clause, "_WORDS", _without_words("negation", {"غير"}))],
    "حث (urging)": lambda: [(clause, "_URGE", _NEVER)],
    "agreement's breach/terms": lambda: [(clause, "_BACKGROUND", _NEVER)],
    "قبل/بعد + duration": lambda: [(clause, "_DURATIONS", frozenset())],
    "slogan": lambda: [(clause, "in_slogan", lambda *_: False)],
    "body's name (sense)": lambda: [(senses, "_NAMED_TYPES", frozenset())],
    "«الداهم» (lexicon)": _without_imminent,
}


def fates(path: Path, before) -> tuple[list[dict], dict[tuple[str, str, str], dict]]:  # noqa: ANN001
    """The labels of events the coder made before, and this file's new-reading labels."""
    # The labels current for the read15 coder: read16's superseded ones included.
    labels = [lab for lab in load_labels(path) if lab.get("superseded_by") in _KEPT]
    b = distinct(before)
    old = [lab for lab in labels if lab.get("round") != ROUND and label_key(lab) in b]
    new = {label_key(lab): lab for lab in labels if lab.get("round") == ROUND}
    return old, new


def compare(name: str, path: Path, before, after, show: bool) -> list[str]:  # noqa: ANN001
    b, a = distinct(before), distinct(after)
    old, new = fates(path, before)
    fate: Counter[tuple[str, bool]] = Counter()
    kept: list[dict] = []
    outcome: list[tuple[str, bool | None]] = []
    lines = [f"{name}: {path.name}, {len(old)} labels of the read15 coder"]
    for lab in old:
        k = label_key(lab)
        if k in a:
            fate["kept", lab["type_right"]] += 1
            kept.append(lab)
            outcome.append((k[1], bool(lab["type_right"])))
            continue
        fresh = [key for key in a if key[0] == k[0] and key not in b]
        what = "retyped" if fresh else "dropped"
        fate[what, lab["type_right"]] += 1
        got = [new[f] for f in fresh if f in new]
        outcome.append((k[1], bool(got[0]["type_right"]) if got else None))
        if show:
            right = "right" if lab["type_right"] else "wrong"
            lines.append(f"  {what} ({right}) {k[1]} «{k[2]}» {k[0]} → {fresh}")
    readings = [lab for key, lab in new.items() if key in a]
    unlabelled = sorted(
        {key for lab in old for key in a if key[0] == lab["sid"] and key not in b} - set(new)
    )
    for what in ("kept", "dropped", "retyped"):
        lines.append(f"  {what:8s} right {fate[what, True]:3d}  wrong {fate[what, False]:3d}")
    x = sum(bool(lab["type_right"]) for lab in readings)
    lines.append(
        f"  new readings labelled: {len(readings)}, right {x}; unlabelled: {unlabelled or 'none'}"
    )
    share_b = Counter(ev.event_type for _, _, ev in before)
    share_a = Counter(ev.event_type for _, _, ev in after)
    lines.append(f"  before: {_precision(old, share_b)}")
    lines.append(f"  after:  {_precision(kept + readings, share_a)}")
    was = by_old_strata([(label_key(lab)[1], bool(lab["type_right"])) for lab in old], share_b)
    est, lo, hi = by_old_strata(outcome, share_b)
    lines.append(
        f"  in the strata the sample was drawn from: before {was[0]:.2f} "
        f"[{was[1]:.2f}, {was[2]:.2f}], after {est:.2f} [{lo:.2f}, {hi:.2f}]"
    )
    return lines


def ablate(texts: list[str], after) -> list[str]:  # noqa: ANN001
    """What each rule alone removes: the labelled events the coder makes without it only."""
    a = distinct(after)
    labels = {
        name: [lab for lab in load_labels(path) if lab.get("superseded_by") in _KEPT]
        for name, path in FILES
    }
    lines = ["each rule alone (labelled events made without it, not with all rules):"]
    for rule, changes in ABLATIONS.items():
        with patched(changes()):
            without = distinct(trigger_only_events(texts))
        gone = set(without) - set(a)
        parts = []
        for name, labs in labels.items():
            hit = [lab for lab in labs if label_key(lab) in gone]
            right = sum(bool(lab["type_right"]) for lab in hit)
            parts.append(f"{name.split(' (')[0]} {right}/{len(hit) - right}")
        lines.append(
            f"  {rule:30s} events {len(without) - len(a):+4d}; right/wrong removed: "
            + ", ".join(parts)
        )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--ablate", action="store_true")
    args = parser.parse_args(argv)
    texts = dev_sentences()
    with patched(before_changes()):
        before = trigger_only_events(texts)
    after = trigger_only_events(texts)
    cb = Counter(ev.event_type for _, _, ev in before)
    ca = Counter(ev.event_type for _, _, ev in after)
    print(f"{len(texts)} dev sentences: trigger-only events {len(before)} → {len(after)}")
    print("  " + ", ".join(f"{t} {cb[t]}→{ca[t]}" for t in sorted(cb, key=lambda t: -cb[t])))
    for name, path in FILES:
        print("\n".join(compare(name, path, before, after, args.list)))
    if args.ablate:
        print("\n".join(ablate(texts, after)))


if __name__ == "__main__":
    main()
