"""Arabic event coding scored on the OEDA gold standard (dev split), cross-validated.

    PYTHONPATH=src python -m evaluation.read_arabic

1. Detection (``*_detection.dev.csv``; ``ambiguous`` left out): P/R/F1 for
   PROTEST and ASSAULT with the shipped decision rule (trigger AND detector
   probability ≥ threshold), 5-fold CV grouped by document with the threshold
   chosen inside each training fold (nested), never on the scored fold.
2. Coding (``*_coding.dev.xml``): event-type recall (out-of-fold detector),
   and source/target country accuracy where the gold country is not ``None``
   with the role ranker cross-validated (``evaluation/train_roles.py``; actor
   assignment does not depend on the detector; a sentence whose trigger is
   missed counts as wrong), next to word order alone.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

import numpy as np
from sklearn.model_selection import GroupKFold

from evaluation.train_detector import (
    GSR,
    fit,
    load_split,
    nested_predictions,
    prf,
    triggered,
)
from wiqaya.language.arabic import normalise
from wiqaya.read.detector import Detector, load_detector
from wiqaya.read.pipeline import DocumentInput, read_documents


def coding_sentences(kind: str) -> list[dict]:
    out = []
    for s in ET.parse(GSR / f"{kind}_coding.dev.xml").getroot().iter("Sentence"):
        c = s.find("EventCoding")
        out.append(
            {
                "id": s.get("id"),
                "text": s.findtext("Text", "").strip(),
                "type": s.get("category"),
                "source": (c.get("sourcecode") or "None None").split()[0],
                "target": (c.get("targetcode") or "None None").split()[0],
            }
        )
    return out


def main() -> None:
    t0 = time.time()
    shipped = load_detector()
    if shipped is None:
        raise SystemExit("no shipped detector: run python -m evaluation.train_detector first")
    print(f"detector {shipped.version}; figures are 5-fold cross-validated on the dev split")
    # Source/target: the role ranker, out of fold (grouped by document).
    from evaluation.train_roles import accuracy, cross_validated, load_coded

    coded = load_coded()
    role_pred = cross_validated(coded)
    for kind in ("PROTEST", "ASSAULT"):
        j = shipped.types.index(kind)
        th = float(shipped.thresholds[j])
        split = load_split(kind.lower())
        p, r, f = prf(split.labels, nested_predictions(split, kind))
        tp, tr_, tf = prf(split.labels, triggered(split, kind))
        print(
            f"detection {kind:8s} n={len(split.labels)} pos={int(split.labels.sum())}  "
            f"P={p:.3f} R={r:.3f} F1={f:.3f}   (triggers alone: P={tp:.3f} R={tr_:.3f} F1={tf:.3f})"
        )
        # Coding: out-of-fold detector per coded sentence.
        sents = coding_sentences(kind.lower())
        detected = np.zeros(len(sents), dtype=bool)
        src_ok = src_n = tgt_ok = tgt_n = 0
        groups = [s["id"] for s in sents]
        for train_idx, test_idx in GroupKFold(5).split(sents, groups=groups):
            held = {normalise(sents[i]["text"]) for i in test_idx}
            keep = [i for i, t in enumerate(split.texts) if t not in held]
            texts = [split.texts[i] for i in keep] + [
                normalise(sents[i]["text"]) for i in train_idx
            ]
            labels = [bool(split.labels[i]) for i in keep] + [True] * len(train_idx)
            m = fit(texts, labels)
            coef = np.zeros_like(shipped.coef)
            intercept = np.zeros(len(shipped.types))
            coef[j], intercept[j] = m.coef_[0], m.intercept_[0]
            thresholds = np.full(len(shipped.types), 2.0)  # other type never fires
            thresholds[j] = th
            fold_det = Detector(shipped.types, coef, intercept, thresholds, "fold")
            docs = [DocumentInput(str(i), sents[i]["text"], "ar") for i in test_idx]
            for i, res in zip(test_idx, read_documents(docs, detector=fold_det), strict=True):
                detected[i] = any(e.event_type == kind for e in res.events)
        # Word order alone (the previous coder), for comparison.
        for i, res in enumerate(
            read_documents(
                [DocumentInput(str(i), s["text"], "ar") for i, s in enumerate(sents)],
                detector=False,
                roles=False,
            )
        ):
            ev = next((e for e in res.events if e.event_type == kind), None)
            gold = sents[i]
            if gold["source"] != "None":
                src_n += 1
                src_ok += bool(ev and ev.source.country == gold["source"])
            if gold["target"] != "None":
                tgt_n += 1
                tgt_ok += bool(ev and ev.target.country == gold["target"])
        (s_acc, _, s_n), (t_acc, _, t_n) = (
            accuracy(coded, role_pred, kind, r) for r in ("source", "target")
        )
        print(
            f"coding    {kind:8s} n={len(sents)}  event-type recall={detected.mean():.3f}  "
            f"source-country acc={s_acc:.3f} (n={s_n})  target-country acc={t_acc:.3f} (n={t_n})"
            f"   (word order alone: {src_ok / max(src_n, 1):.3f} / {tgt_ok / max(tgt_n, 1):.3f})"
        )
    print(f"time {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
