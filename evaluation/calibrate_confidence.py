"""Confidence of English trigger-only events: per-type precision on dev, checked elsewhere.

    PYTHONPATH=src python -m evaluation.calibrate_confidence

English events have no trained detector, so they used to carry a flat 0.5.
This measures, per PLOVER type, how often an event the coder produces has a
type the gold gives its sentence, on the dev halves (even records) of the
PETR validation suite and the PLOVER GSR; shrinks each type towards the pooled
rate (``PRIOR_WEIGHT`` pseudo-events); and scores the result against the flat
0.5 and the pooled rate on the held-out halves and on the untouched PETR2 file
(Brier score of "the event's type is right"; lower is better).

Measured 2026-11-24 (docs/read.md, "Confidence of events without a detector"):
the table beats the flat 0.5 on the
held-out halves but is far worse on the untouched real-news file, where only
39% of coded events have a gold type, so the coder keeps the flat 0.5.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from evaluation.read_english import OLD, SPLITS, UNTOUCHED, petr_sentences, plover_rows
from wiqaya.read.pipeline import DocumentInput, read_documents

PRIOR_WEIGHT = 10.0
FLAT = 0.5


@dataclass(frozen=True)
class Coded:
    event_type: str
    right: bool


def coded_events() -> dict[str, list[Coded]]:
    """Split name → every coded English event with whether its type is a gold type."""
    out: dict[str, list[Coded]] = {"dev": [], "held-out": [], "untouched": []}
    petr = petr_sentences()
    res = read_documents([DocumentInput(s.id, s.text, "en") for s in petr], detector=False)
    plover = plover_rows()
    pres = read_documents([DocumentInput(d["id"], d["text"], "en") for d in plover], detector=False)
    for i, (s, r) in enumerate(zip(petr, res, strict=True)):
        gold = {g[0] for g in s.gold}
        split = "dev" if SPLITS["dev"](i) else "held-out"
        out[split] += [Coded(e.event_type, e.event_type in gold) for e in r.events]
    for i, (d, r) in enumerate(zip(plover, pres, strict=True)):
        gold = {OLD.get(d["event"], d["event"])}
        split = "dev" if SPLITS["dev"](i) else "held-out"
        out[split] += [Coded(e.event_type, e.event_type in gold) for e in r.events]
    # Scored only: no sentence of the untouched file is printed.
    fresh = petr_sentences(UNTOUCHED)
    fres = read_documents([DocumentInput(s.id, s.text, "en") for s in fresh], detector=False)
    for s, r in zip(fresh, fres, strict=True):
        gold = {g[0] for g in s.gold}
        out["untouched"] += [Coded(e.event_type, e.event_type in gold) for e in r.events]
    return out


def fit(events: list[Coded]) -> tuple[dict[str, float], float]:
    """Per-type precision shrunk towards the pooled precision, and the pooled precision."""
    pooled = sum(e.right for e in events) / max(len(events), 1)
    n: Counter[str] = Counter(e.event_type for e in events)
    hit: Counter[str] = Counter(e.event_type for e in events if e.right)
    table = {
        t: round((hit[t] + PRIOR_WEIGHT * pooled) / (n[t] + PRIOR_WEIGHT), 2) for t in sorted(n)
    }
    return table, round(pooled, 2)


def brier(events: list[Coded], conf: dict[str, float], default: float) -> float:
    return sum((conf.get(e.event_type, default) - e.right) ** 2 for e in events) / max(
        len(events), 1
    )


def main() -> None:
    events = coded_events()
    table, pooled = fit(events["dev"])
    n = Counter(e.event_type for e in events["dev"])
    print(f"dev: {len(events['dev'])} coded events, pooled precision {pooled:.2f}")
    for t, v in table.items():
        right = sum(e.right for e in events["dev"] if e.event_type == t)
        print(f"  {t:9s} {right:4d}/{n[t]:<4d} -> confidence {v:.2f}")
    for split in ("held-out", "untouched"):
        ev = events[split]
        rate = sum(e.right for e in ev) / max(len(ev), 1)
        flat = brier(ev, {}, FLAT)
        pool = brier(ev, {}, pooled)
        per = brier(ev, table, pooled)
        print(
            f"{split:9s} {len(ev):4d} events, right {rate:.2f} | Brier: flat 0.5 {flat:.4f}, "
            f"pooled {pool:.4f}, per type {per:.4f}"
        )


if __name__ == "__main__":
    main()
