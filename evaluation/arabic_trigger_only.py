"""Precision of the Arabic event types coded from triggers alone, on a hand-labelled sample.

    PYTHONPATH=src python -m evaluation.arabic_trigger_only \
        [--heldout | --heldout2 | --heldout3] [--dump]

Only PROTEST and ASSAULT have gold data and a detector; the other 14 PLOVER types
are coded from the trigger lexicon alone with a flat confidence 0.5. This runs
the shipped pipeline (detector on) over the distinct Arabic dev sentences
(:func:`evaluation.arabic_trigger_words.dev_sentences`), keeps the events of the
other types, and draws a stratified sample with a fixed seed: up to ``PER_TYPE``
events per type (all of a type if fewer), one per (sentence, type, evidence).
``--dump`` prints the sample as JSON lines for labelling; without it the labels
in ``arabic_trigger_only_labels.jsonl`` are checked against the events the
pipeline produces now (stale labels are listed, not scored) and scored: per type
the precision of the type with a Wilson 95% interval, the pooled precision
weighted by each type's share of all trigger-only events in the dev sentences
(what a user's event list holds), and the unweighted pooled precision.

Labelling guideline (one labeller, unblinded: the labeller saw the coded type)
-----------------------------------------------------------------------------
``type_right``: does the sentence report or describe an act of that PLOVER type
by someone (definitions in ../shared/design/ARCHITECTURE.md; CAMEO roots per type
in ../shared/data/english_event_gsr/CAMEO2PLOVER-2021.txt)?

- The act named by a noun in the report of such an act counts («اعتقال» in "the
  arrest of …" is COERCE), as does a past, present or announced act.
- A trigger word in another sense, or naming a different act type, is wrong:
  «المساعدات» in a sentence about something else is AID only if aid is given or
  offered; «طالب» *student* is no REQUEST.
- Plans, calls and denials count only where CAMEO codes them as that type: a call
  for talks is REQUEST (CAMEO 04 is CONSULT only for talks held or visits made),
  a threat to arrest is THREATEN, not COERCE; a negated act ("did not arrest")
  is wrong; a generic or hypothetical mention (a law on detention, an opinion
  essay on sanctions in general) is wrong unless an act by someone is reported.
- The type is CAMEO2PLOVER's, not the trigger word's: a release is RETREAT (0841),
  a truce RETREAT (0871), halting mediation or leaving a treaty body is reducing
  relations (CAMEO 16, SANCTION), a demand of any act is REQUEST (10x), a
  force posture or security alert is MOBILIZE (15x) but rallying protesters is not.
- The trigger need not be the best word: the question is whether the sentence
  reports an act of the coded type, as a CAMEO coder reading it would code it.

``source_right`` / ``target_right``: is the coded actor the one who acts / is
acted on, as a gold coder would give it (the same actor at the level of the
country and sector, or a name of it)? ``null`` where the coded actor is empty and
the gold-style answer is also "none"; ``false`` where either is empty and the
other is not. Judged for every sampled event, also the ones whose type is wrong
(who would be the actor of the act the trigger names). ``note`` explains a close
call in one line.

``--heldout`` scores the second sample, drawn with seed ``HELDOUT_SEED``, 8 per
type, the first sample's labelled events excluded, and labelled (type only, by
the same guideline and another labeller, the helper ``arclause``) before the
clause rules of :mod:`wiqaya.read.clause` were written, which were developed on
the first sample and the dev sentences only. Its labels carry no actor fields.

``--heldout2`` scores a third sample, drawn with seed ``HELDOUT2_SEED``, 8 per
type, every event labelled in the first two files excluded (AID and CONCEDE
have none left), and labelled (type only, by the same guideline, by the helper
``arsense``) before the sense rules of triggers-2026.11.13 were written; those
were developed on the first two samples and the dev sentences only.

``--heldout3`` scores a fourth sample, drawn with seed ``HELDOUT3_SEED``, 10
per type, every *sentence* of the three earlier files excluded (MOBILIZE,
SANCTION, AID and CONCEDE have none left), and labelled (type only, by the
same guideline, by the helper ``arprec16``, who saw the coded type) before the
rules of coder read16 were written; those were developed on the first three
samples only. A wrong label also gives ``right_type``: the PLOVER type of the
act the sentence reports with that word, or ``null`` for none.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from evaluation.arabic_trigger_words import dev_sentences
from wiqaya.read.pipeline import DocumentInput, EventRecord, read_documents

LABELS = Path(__file__).with_name("arabic_trigger_only_labels.jsonl")
# A second sample, drawn before the clause rules were written and held out from
# their development: seed HELDOUT_SEED, HELDOUT_PER_TYPE per type, the first
# sample's labelled events excluded.
HELDOUT = Path(__file__).with_name("arabic_trigger_only_labels_heldout.jsonl")
HELDOUT_SEED = 4242
HELDOUT_PER_TYPE = 8
# A third sample, drawn before the sense rules (triggers-2026.11.13) were
# written and held out from them: the events of both earlier label files
# excluded.
HELDOUT2 = Path(__file__).with_name("arabic_trigger_only_labels_heldout2.jsonl")
HELDOUT2_SEED = 777001
# A fourth sample, drawn before the rules of coder read16 were written and held
# out from them: every sentence of the three earlier label files excluded (not
# only their events), so no sentence an earlier rule was read from is scored.
HELDOUT3 = Path(__file__).with_name("arabic_trigger_only_labels_heldout3.jsonl")
HELDOUT3_SEED = 16016
HELDOUT3_PER_TYPE = 10
DETECTED = frozenset({"PROTEST", "ASSAULT"})
PER_TYPE = 10
SEED = 20261124
Z = 1.96


def sentence_id(text: str) -> str:
    """A stable id of a sentence's text: labels survive a reordering of the data."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Sampled:
    sid: str
    sentence: str
    event_type: str
    evidence: str
    source: str | None
    target: str | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.sid, self.event_type, self.evidence)

    def as_dict(self) -> dict:
        return {
            "sid": self.sid,
            "event_type": self.event_type,
            "evidence": self.evidence,
            "sentence": self.sentence,
            "source": self.source,
            "target": self.target,
        }


def _actor(ref) -> str | None:  # noqa: ANN001
    if ref.text is None and ref.country is None and ref.sector is None:
        return None
    return f"{ref.text or ''} [{ref.country or '-'}/{ref.sector or '-'}]"


def trigger_only_events(texts: list[str] | None = None) -> list[tuple[str, str, EventRecord]]:
    """(sentence id, sentence, event) of every event of a type without a detector."""
    texts = dev_sentences() if texts is None else texts
    docs = [DocumentInput(sentence_id(t), t, "ar") for t in texts]
    out = []
    for doc, result in zip(docs, read_documents(docs), strict=True):
        for ev in result.events:
            if ev.event_type not in DETECTED:
                out.append((doc.id, doc.text, ev))
    return out


def distinct(events: list[tuple[str, str, EventRecord]]) -> dict[tuple[str, str, str], Sampled]:
    """One entry per (sentence, type, evidence): the first role pair the coder gives."""
    out: dict[tuple[str, str, str], Sampled] = {}
    for sid, text, ev in events:
        s = Sampled(sid, text, ev.event_type, ev.evidence, _actor(ev.source), _actor(ev.target))
        out.setdefault(s.key, s)
    return out


def draw(
    events: list[tuple[str, str, EventRecord]],
    seed: int = SEED,
    per_type: int = PER_TYPE,
    exclude: frozenset[tuple[str, str, str]] = frozenset(),
    exclude_sids: frozenset[str] = frozenset(),
) -> list[Sampled]:
    """Up to ``per_type`` entries per type, seeded, in (type, sentence id, evidence) order.

    ``exclude``: keys (sentence id, type, evidence) left out of the pools, so
    that a second draw with another seed is held out from the first's labels;
    ``exclude_sids``: sentences left out whole.
    """
    by_type: dict[str, list[Sampled]] = defaultdict(list)
    for s in sorted(distinct(events).values(), key=lambda s: s.key):
        if s.key not in exclude and s.sid not in exclude_sids:
            by_type[s.event_type].append(s)
    rng = random.Random(seed)
    sample: list[Sampled] = []
    for etype in sorted(by_type):
        pool = by_type[etype]
        picked = pool if len(pool) <= per_type else rng.sample(pool, per_type)
        sample.extend(sorted(picked, key=lambda s: s.key))
    return sample


def wilson(x: int, n: int, z: float = Z) -> tuple[float, float]:
    if n == 0:
        return (0.0, 1.0)
    p = x / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (max(0.0, centre - half), min(1.0, centre + half))


def weighted(rows: dict[str, tuple[int, int]], share: dict[str, int]) -> tuple[float, float, float]:
    """Stratified estimate of precision with an approximate 95% interval.

    Each type weighs its share of all trigger-only events. The variance of a
    stratum uses the Agresti-Coull proportion (x+2)/(n+4), so a stratum labelled
    all right or all wrong still counts as uncertain, times the finite-population
    correction (a type sampled whole has no sampling error).
    """
    total = sum(share[t] for t in rows)
    est = var = 0.0
    for t, (x, n) in rows.items():
        w = share[t] / total
        est += w * x / n
        p = (x + 2) / (n + 4)
        fpc = (share[t] - n) / (share[t] - 1) if share[t] > 1 else 0.0
        var += w * w * p * (1 - p) / n * max(fpc, 0.0)
    half = Z * math.sqrt(var)
    return est, max(0.0, est - half), min(1.0, est + half)


def label_key(label: dict) -> tuple[str, str, str]:
    return (label["sid"], label["event_type"], label["evidence"])


def load_labels(path: Path = LABELS) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def current(labels: list[dict]) -> list[dict]:
    """The labels of events the coder is meant to produce.

    A label with ``superseded_by`` is of an event a coder change removed on
    purpose (``"clause"``: :mod:`wiqaya.read.clause` dropped or retyped it);
    it is kept so that :mod:`evaluation.arabic_clause_rules` can score the
    coder before the change.
    """
    return [lab for lab in labels if "superseded_by" not in lab]


def stale_labels(labels: list[dict], events: list[tuple[str, str, EventRecord]]) -> list[dict]:
    """Current labels whose (sentence id, type, evidence) the pipeline no longer produces."""
    keys = set(distinct(events))
    return [lab for lab in current(labels) if label_key(lab) not in keys]


def revived_labels(labels: list[dict], events: list[tuple[str, str, EventRecord]]) -> list[dict]:
    """Superseded labels whose event the pipeline produces again."""
    keys = set(distinct(events))
    return [lab for lab in labels if "superseded_by" in lab and label_key(lab) in keys]


def _ok(label: dict, field: str) -> bool:
    """Right, or rightly empty (``null``)."""
    return label.get(field) is not False


def report(
    labels: list[dict],
    events: list[tuple[str, str, EventRecord]],
    sample: list[Sampled] | None = None,
) -> str:
    lines: list[str] = []
    n_superseded = len(labels) - len(current(labels))
    labels = current(labels)
    stale = stale_labels(labels, events)
    stale_keys = {(s["sid"], s["event_type"], s["evidence"]) for s in stale}
    live = [
        lab for lab in labels if (lab["sid"], lab["event_type"], lab["evidence"]) not in stale_keys
    ]
    sample_keys = {s.key for s in (draw(events) if sample is None else sample)}
    unlabelled = sample_keys - {(lab["sid"], lab["event_type"], lab["evidence"]) for lab in live}
    share = Counter(ev.event_type for _, _, ev in events)
    n_sent = len({sid for sid, _, _ in events})
    lines.append(
        f"{len(events)} trigger-only events in {n_sent} sentences; "
        f"{len(live)} labels scored, {len(stale)} stale, {len(unlabelled)} sampled but unlabelled, "
        f"{n_superseded} superseded (events a coder change removed on purpose; not scored)"
    )
    for s in stale:
        lines.append(f"  STALE {s['sid']} {s['event_type']} «{s['evidence']}»")
    rows: dict[str, tuple[int, int]] = {}
    src: Counter[str] = Counter()
    tgt: Counter[str] = Counter()
    lines.append(
        f"{'type':9s} {'events':>6s} {'share':>6s} {'n':>3s} {'right':>5s} "
        f"{'prec':>5s}  95% Wilson   source  target"
    )
    by_type: dict[str, list[dict]] = defaultdict(list)
    for lab in live:
        by_type[lab["event_type"]].append(lab)
    for etype in sorted(by_type, key=lambda t: -share[t]):
        labs = by_type[etype]
        x, n = sum(bool(lab["type_right"]) for lab in labs), len(labs)
        rows[etype] = (x, n)
        lo, hi = wilson(x, n)
        judged = [lab for lab in labs if "source_right" in lab]
        s_ok = sum(_ok(lab, "source_right") for lab in judged)
        t_ok = sum(_ok(lab, "target_right") for lab in judged)
        src["ok"] += s_ok
        tgt["ok"] += t_ok
        src["n"] += len(judged)
        roles = (
            f"{s_ok:2d}/{len(judged):<3d} {t_ok:2d}/{len(judged):<3d}" if judged else "not judged"
        )
        lines.append(
            f"{etype:9s} {share[etype]:6d} {share[etype] / len(events):6.1%} {n:3d} {x:5d} "
            f"{x / n:5.2f}  [{lo:.2f}, {hi:.2f}]  {roles}"
        )
    if rows:
        est, lo, hi = weighted(rows, share)
        x = sum(r[0] for r in rows.values())
        n = sum(r[1] for r in rows.values())
        ulo, uhi = wilson(x, n)
        lines.append(f"pooled, weighted by share of events: {est:.2f} [{lo:.2f}, {hi:.2f}]")
        lines.append(f"pooled, unweighted: {x}/{n} = {x / n:.2f} [{ulo:.2f}, {uhi:.2f}] (Wilson)")
        if not src["n"]:
            return "\n".join(lines)
        # The actor labels judged the ranker's actors (coder read11); read12
        # codes these types' actors from the clause, scored against gold
        # actors by evaluation.arabic_trigger_only_roles.
        lines.append(
            f"actors right or rightly none (as judged for coder read11): "
            f"source {src['ok']}/{src['n']}, target {tgt['ok']}/{src['n']}"
        )
        right = [lab for lab in live if lab["type_right"] and "source_right" in lab]
        s_ok = sum(lab.get("source_right") is not False for lab in right)
        t_ok = sum(lab.get("target_right") is not False for lab in right)
        lines.append(
            f"  of the {len(right)} with the type right: source {s_ok}, target {t_ok}, "
            f"both {sum(_ok(lab, 'source_right') and _ok(lab, 'target_right') for lab in right)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", action="store_true", help="print the sample for labelling")
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="the held-out sample (seed HELDOUT_SEED, first sample's labels excluded)",
    )
    parser.add_argument(
        "--heldout2",
        action="store_true",
        help="the third sample (seed HELDOUT2_SEED, both earlier label files excluded)",
    )
    parser.add_argument(
        "--heldout3",
        action="store_true",
        help="the fourth sample (seed HELDOUT3_SEED, every earlier labelled sentence excluded)",
    )
    args = parser.parse_args(argv)
    events = trigger_only_events()
    if args.heldout3:
        sids = frozenset(
            lab["sid"] for path in (LABELS, HELDOUT, HELDOUT2) for lab in load_labels(path)
        )
        sample = draw(events, HELDOUT3_SEED, HELDOUT3_PER_TYPE, exclude_sids=sids)
        path = HELDOUT3
    elif args.heldout2:
        exclude = frozenset(
            label_key(lab) for path in (LABELS, HELDOUT) for lab in load_labels(path)
        )
        sample = draw(events, HELDOUT2_SEED, HELDOUT_PER_TYPE, exclude)
        path = HELDOUT2
    elif args.heldout:
        exclude = frozenset(label_key(lab) for lab in load_labels(LABELS))
        sample = draw(events, HELDOUT_SEED, HELDOUT_PER_TYPE, exclude)
        path = HELDOUT
    else:
        sample, path = draw(events), LABELS
    if args.dump:
        for s in sample:
            sys.stdout.write(json.dumps(s.as_dict(), ensure_ascii=False) + "\n")
        return
    print(report(load_labels(path), events, sample))


if __name__ == "__main__":
    main()
