"""What the sense rules do to the labelled Arabic trigger-only events, before → after.

    PYTHONPATH=src python -m evaluation.arabic_trigger_senses [--list]

triggers-2026.11.13 and :mod:`wiqaya.read.senses` tell trigger words in another
sense apart («حشد» a crowd, «تهديد الأمن» a danger, «مقاطع الفيديو» clips) and
code sanctions, boycotts and bans as COERCE (CAMEO2PLOVER 163, 172). This runs
the shipped pipeline over the 3,404 distinct Arabic dev sentences twice: with
the lexicon of the commit before the change (``BASE``, read with ``git show``)
and no sense rule, and as shipped. For each of the three label files — the dev
sample, held-out 1 (both used to write the rules) and held-out 2 (drawn and
labelled before any rule was written) — it says whether each labelled event
is kept with its type, dropped, or retyped (the same word under another type,
or the type's next match in the sentence; the new reading carries a label of its own, ``"round":
"senses"``), and scores precision before (labels of the events the old coder
made) and after (kept labels and the new readings' labels), weighted by each
type's share of trigger-only events in the dev sentences, and unweighted.
``--list`` prints each dropped or retyped labelled event; ``--without-recode``
scores the sense rules and blocked spellings alone (sanctions, boycotts and bans
left under SANCTION).

Two precision figures after the change: per type as the coder now types the
events (``after``), which puts the recoded SANCTION labels into COERCE's
sample at a far higher rate than their share of COERCE events (6 or 7 of a
file's 14 to 17 COERCE labels, for 30 of 284 events), so it weighs COERCE's
own events too little; and in the strata the samples were drawn
from (each old type standing for its old share of events, a ratio
estimator), which is the sound estimate of the change on a sample drawn
before it.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

import wiqaya.read.clause as clause
import wiqaya.read.detector as detector
import wiqaya.read.events as events_mod
from evaluation.arabic_clause_rules import _precision
from evaluation.arabic_trigger_only import (
    HELDOUT,
    HELDOUT2,
    LABELS,
    distinct,
    label_key,
    load_labels,
    trigger_only_events,
)
from evaluation.arabic_trigger_words import dev_sentences

# The merge before the sense rules (coder read11, triggers-2026.11.12).
BASE = "9e931fc"
LEXICON = "src/wiqaya/data/read/event_triggers.json"


def _clear() -> None:
    detector.arabic_triggers.cache_clear()
    events_mod.trigger_matchers.cache_clear()
    clause.word_kind.cache_clear()
    clause._future_trigger.cache_clear()


@contextmanager
def before_change():  # noqa: ANN201
    """The coder as of ``BASE``: its lexicon, no sense rule."""
    root = Path(__file__).resolve().parent.parent
    old = json.loads(
        subprocess.run(
            ["git", "show", f"{BASE}:{LEXICON}"], cwd=root, capture_output=True, check=True
        ).stdout
    )
    _clear()
    try:
        with (
            patch.object(detector, "trigger_lexicon", lambda: old),
            patch.object(events_mod, "trigger_lexicon", lambda: old),
            patch.object(events_mod, "wrong_sense", lambda *_: False),
        ):
            yield
    finally:
        _clear()


def compare(path: Path, before, after, show: bool) -> list[str]:  # noqa: ANN001
    b, a = distinct(before), distinct(after)
    # Top-ups drawn after the change (``senses-topup``) are no sample of the
    # coder before it; read16's changes (superseded labels, new readings) came
    # after it and are left as they were.
    labels = [
        lab
        for lab in load_labels(path)
        if lab.get("superseded_by") in (None, "senses", "read16", "read34")
        and lab.get("round") not in ("senses-topup", "read16")
    ]
    old = [lab for lab in labels if lab.get("round") != "senses"]
    new = {label_key(lab): lab for lab in labels if lab.get("round") == "senses"}
    missing_before = [label_key(lab) for lab in old if label_key(lab) not in b]
    fate: Counter[tuple[str, bool]] = Counter()
    lines = [f"{path.name}: {len(old)} labels of the coder before"]
    if missing_before:
        lines.append(f"  not made before (stale): {missing_before}")
    kept_after: list[dict] = []
    # Per label of the old coder: its stratum (the type it was drawn under) and
    # what it is after: right, wrong, or gone (None).
    outcome: list[tuple[str, bool | None]] = []
    for lab in old:
        k = label_key(lab)
        if k in a:
            fate["kept", lab["type_right"]] += 1
            kept_after.append(lab)
            outcome.append((k[1], bool(lab["type_right"])))
            continue
        # Retyped: the same word under another type (a recoded stem), or the
        # type's next match in the sentence (the first was in another sense).
        fresh = [
            key
            for key in a
            if key[0] == k[0] and key not in b and (key[2] == k[2] or key[1] == k[1])
        ]
        what = "retyped" if fresh else "dropped"
        fate[what, lab["type_right"]] += 1
        if fresh and fresh[0] in new:
            outcome.append((k[1], bool(new[fresh[0]]["type_right"])))
        else:
            outcome.append((k[1], None))
        if show:
            right = "right" if lab["type_right"] else "wrong"
            lines.append(f"  {what} ({right}) {k[1]} «{k[2]}» {k[0]} → {fresh}")
    readings = [lab for key, lab in new.items() if key in a]
    stale = [key for key in new if key not in a]
    for what in ("kept", "dropped", "retyped"):
        lines.append(f"  {what:8s} right {fate[what, True]:3d}  wrong {fate[what, False]:3d}")
    x = sum(bool(lab["type_right"]) for lab in readings)
    lines.append(f"  new readings labelled: {len(readings)}, right {x}; stale: {stale}")
    share_b = Counter(ev.event_type for _, _, ev in before)
    share_a = Counter(ev.event_type for _, _, ev in after)
    lines.append(f"  before: {_precision(old, share_b)}")
    lines.append(f"  after:  {_precision(kept_after + readings, share_a)}")
    est, lo, hi = by_old_strata(outcome, share_b)
    was = by_old_strata([(label_key(lab)[1], bool(lab["type_right"])) for lab in old], share_b)
    lines.append(
        f"  in the strata the sample was drawn from: before {was[0]:.2f} [{was[1]:.2f}, "
        f"{was[2]:.2f}], after {est:.2f} [{lo:.2f}, {hi:.2f}]"
    )
    return lines


def by_old_strata(
    outcome: list[tuple[str, bool | None]], share: Counter[str], reps: int = 2000
) -> tuple[float, float, float]:
    """Precision after a change, estimated in the strata the labels were drawn from.

    A recoded stem moves events between types (SANCTION → COERCE): scored
    under their new type they would weigh as if they were a random part of
    COERCE's sample, which they are not. Here each old type ``t`` stands for
    its ``share[t]`` events; its labels say what share of them is still made
    and what share is right now (a ratio estimator). The interval is a
    percentile bootstrap within the strata (seeded).
    """
    strata: dict[str, list[bool | None]] = {}
    for t, o in outcome:
        strata.setdefault(t, []).append(o)

    def est(samples: dict[str, list[bool | None]]) -> float:
        right = made = 0.0
        for t, obs in samples.items():
            n = len(obs)
            right += share[t] * sum(o is True for o in obs) / n
            made += share[t] * sum(o is not None for o in obs) / n
        return right / made if made else 0.0

    rng = random.Random(7)
    boot = sorted(
        est({t: rng.choices(obs, k=len(obs)) for t, obs in strata.items()}) for _ in range(reps)
    )
    return est(strata), boot[int(0.025 * reps)], boot[int(0.975 * reps) - 1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true")
    parser.add_argument(
        "--without-recode",
        action="store_true",
        help="after: the sense rules and blocked spellings only, no SANCTION → COERCE recode",
    )
    args = parser.parse_args(argv)
    texts = dev_sentences()
    with before_change():
        before = trigger_only_events(texts)
    if args.without_recode:
        lex = dict(detector.trigger_lexicon(), coded_as_ar={})
        _clear()
        with patch.object(events_mod, "trigger_lexicon", lambda: lex):
            after = trigger_only_events(texts)
        _clear()
    else:
        after = trigger_only_events(texts)
    cb = Counter(ev.event_type for _, _, ev in before)
    ca = Counter(ev.event_type for _, _, ev in after)
    print(f"{len(texts)} dev sentences: trigger-only events {len(before)} → {len(after)}")
    types = sorted(set(cb) | set(ca), key=lambda t: -cb[t])
    print("  " + ", ".join(f"{t} {cb[t]}→{ca[t]}" for t in types))
    for path in (LABELS, HELDOUT, HELDOUT2):
        print("\n".join(compare(path, before, after, args.list)))


if __name__ == "__main__":
    main()
