"""PROTEST and ASSAULT detection on current (2015-2025) Arabic news sentences.

    PYTHONPATH=src python -m evaluation.detector_modern [--list]

The gold data (``arabic_event_gsr``) is news of about 2007-2008, much of it
Iraq. This set asks whether the reader still finds events in the register of
the last decade: Sudan and the RSF, the Houthis and the Red Sea, Syria, Libya,
the Sahel juntas and jihadist groups, al-Shabaab, Gaza, the West Bank and
Lebanon, Iraq's 2019 protests, Egypt, Tunisia, Algeria's Hirak, Iran, Ethiopia,
drones.

``evaluation/detector_modern.jsonl``: 124 sentences written on 2026-11-24 by a
helper session (branch ``modernset``) blind to the detector: the author did not
open the detector code, its weights, its training or evaluation scripts, and
did not run the reader on any sentence before the set was committed. Each line
is ``{"text", "protest", "assault", "kind", "country"}``; a sentence may be
positive for both types. 31 are PROTEST-yes, 34 ASSAULT-yes (3 both), 62 are
hard negatives that carry a protest or violence word.

Labelling guideline, learnt from the dev CSVs (``yes`` = unanimous accept,
``difficult no`` = a minority of annotators accepted, ``easy no`` = none):

* ``yes``: the sentence reports a specific protest / assault that took place,
  as its news: who did what, where, usually when ("yesterday", a weekday).
  PROTEST covers demonstrations, marches, rallies, sit-ins, vigils, strikes,
  hunger strikes begun, road blocking, riots by protesters (burning tyres,
  storming or torching a building stays PROTEST; the gold codes such riots as
  protest). ASSAULT covers bombings, air and drone strikes, shelling, armed
  attacks, clashes with casualties, killings, kidnapping, torture, sieges, and
  security forces shooting protesters (such a sentence is yes for both). An
  attack is yes even without casualties, and when it is claimed by one side
  or attributed to another; the event, not the blame, is what counts.
* ``difficult no``: the protest or violence word is there but no specific event
  is reported: background clauses ("يذكر أن" an old attack), yearly or
  war-long statistics, plans and calls to protest, threats and pledges to
  fight, bans on protest, denials that anything happened, court cases and
  investigations about old attacks, condemnations of violence in general,
  analysis and commentary, peace or truce agreements, foiled plots, warnings,
  weapons displays, commemorations of an old killing that are not themselves a
  street protest.

Scoring: a sentence is predicted positive for a type when
``read_documents`` returns at least one event of that type for it (one batch,
language ``ar``). Precision and recall carry Wilson 95% intervals; F1 is the
point figure. ``--list`` prints the misses and false hits.

First scoring (2026-11-24, reader as of commit d4302b8, set unchanged since):
PROTEST precision 0.714 [0.549, 0.837] (25/35), recall 0.806 [0.637, 0.908]
(25/31), F1 0.758, false hits on hard negatives 7/62; ASSAULT precision 1.000
[0.862, 1.000] (24/24), recall 0.706 [0.538, 0.832] (24/34), F1 0.828, false
hits on hard negatives 0/62.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from evaluation.arabic_trigger_only import wilson
from wiqaya.read.pipeline import DocumentInput, read_documents

SET = Path(__file__).with_name("detector_modern.jsonl")
TYPES = ("PROTEST", "ASSAULT")


def load(path: Path = SET) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def predict(rows: list[dict]) -> list[set[str]]:
    docs = [DocumentInput(f"m{i}", r["text"], "ar") for i, r in enumerate(rows)]
    results = read_documents(docs)
    by_id = {res.id: {e.event_type for e in res.events} for res in results}
    return [by_id.get(f"m{i}", set()) for i in range(len(rows))]


def _fmt(x: int, n: int) -> str:
    if n == 0:
        return "   n/a (0/0)"
    lo, hi = wilson(x, n)
    return f"{x / n:.3f} [{lo:.3f}, {hi:.3f}] ({x}/{n})"


def score(rows: list[dict], predicted: list[set[str]], show: bool) -> None:
    countries = dict(sorted(Counter(r["country"] for r in rows).items()))
    print(f"{len(rows)} sentences; countries: {countries}")
    for etype in TYPES:
        key = etype.lower()
        gold = [bool(r[key]) for r in rows]
        pred = [etype in p for p in predicted]
        tp = sum(g and p for g, p in zip(gold, pred, strict=True))
        fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
        fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
        tn = len(rows) - tp - fp - fn
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        hard = [i for i, r in enumerate(rows) if not r["protest"] and not r["assault"]]
        hard_hits = sum(pred[i] for i in hard)
        print(
            f"\n{etype}: gold {sum(gold)}, predicted {sum(pred)}; tp {tp} fp {fp} fn {fn} tn {tn}"
        )
        print(f"  precision {_fmt(tp, tp + fp)}")
        print(f"  recall    {_fmt(tp, tp + fn)}")
        print(f"  F1        {f1:.3f}")
        print(f"  false hits on the {len(hard)} hard negatives: {_fmt(hard_hits, len(hard))}")
        if show:
            for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
                if g != p:
                    tag = "MISS" if g else "FALSE"
                    print(f"  {tag} [{rows[i]['country']}] {rows[i]['kind']}: {rows[i]['text']}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print the misses and false hits")
    ap.add_argument("--set", type=Path, default=SET, help="JSONL set to score")
    args = ap.parse_args(argv)
    rows = load(args.set)
    score(rows, predict(rows), args.list)


if __name__ == "__main__":
    main()
