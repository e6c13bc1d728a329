"""Train the Arabic source/target ranker on the dev coding sentences and ship it.

    PYTHONPATH=src python -m evaluation.train_roles [--errors]

Data: ``*_coding.dev.xml`` (PROTEST and ASSAULT pooled). For every coded
sentence whose trigger the coder finds, the candidates of
:func:`wiqaya.read.roles.candidates` are labelled by whether their country is
the gold one; one conditional-logit ranker per role is fitted on the sentences
whose gold country is not ``None``. Printed figures are 5-fold
cross-validated, grouped by document (the detection file's ids), never
train-set figures; the shipped weights are then fitted on all of it.
Deterministic (L-BFGS from zero, fixed data order). ``--errors`` also prints
every out-of-fold error with its cause (no trigger for the coded type, a
trigger but no mention with a country, gold country not among the candidates,
ranker wrong) and the candidates.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from evaluation.read_arabic import coding_sentences
from evaluation.train_detector import GSR, document_of, group_kfold
from wiqaya.language.arabic import normalise
from wiqaya.read.event_roles import role_candidates
from wiqaya.read.pipeline import DocumentInput, pending_events
from wiqaya.read.roles import FEATURES, MODEL_FILE, Candidate, RoleModel

OUT = Path(__file__).resolve().parents[1] / "src" / "wiqaya" / "data" / "read" / MODEL_FILE
VERSION = "roles-ar-2026.11.25"
ROLES = ("source", "target")
C = 3.0  # nested grouped CV picks 0.3–10 fold to fold (3 most often): see docs/read-arabic.md


@dataclass
class Coded:
    kind: str
    text: str
    group: str
    gold: dict[str, str]  # role → gold country ("None" = not coded)
    cands: dict[str, list[Candidate]]  # role → candidates (empty: no trigger or no country)
    triggered: bool = True  # a trigger of the coded type was found


def load_coded() -> list[Coded]:
    out = []
    for kind in ("PROTEST", "ASSAULT"):
        with (GSR / f"{kind.lower()}_detection.dev.csv").open(encoding="utf-8") as fh:
            doc_of = {normalise(r["text"]): document_of(r["id"]) for r in csv.DictReader(fh)}
        sents = coding_sentences(kind.lower())
        docs = [DocumentInput(str(i), s["text"], "ar") for i, s in enumerate(sents)]
        for s, doc in zip(sents, docs, strict=True):
            _, events = pending_events([doc], detector=False)
            ev = next(((p, t) for p, t, _ in events if t.event_type == kind), None)
            cands = {r: role_candidates(ev[0], ev[1], r) if ev else [] for r in ROLES}
            group = doc_of.get(normalise(s["text"]), s["id"])
            gold = {"source": s["source"], "target": s["target"]}
            out.append(Coded(kind, s["text"], group, gold, cands, ev is not None))
    return out


def fit_role(items: list[Coded], role: str, c: float = C) -> tuple[float, ...]:
    """Conditional logit: softmax over a sentence's candidates, L2-penalised.

    It maximises the probability mass on the candidates whose country is the
    gold one, which is what picking the top candidate needs (pointwise
    logistic regression scored 0.04 lower on average in the same CV).
    """
    groups = []
    for it in items:
        gold = it.gold[role]
        y = np.array([c.mention.country == gold for c in it.cands[role]], dtype=bool)
        if gold == "None" or not y.any():
            continue  # no ranking to learn from this sentence
        groups.append((np.array([c.features for c in it.cands[role]]), y))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * w @ w / c, w / c
        for x, y in groups:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            pos = p[y].sum()
            total -= np.log(pos)
            grad = grad - (np.where(y, p / pos, 0.0) - p) @ x
        return total, grad

    # Variant scripts fit the same objective on other feature columns.
    columns = groups[0][0].shape[1] if groups else len(FEATURES)
    res = minimize(loss, np.zeros(columns), jac=True, method="L-BFGS-B")
    return tuple(float(w) for w in res.x)


def fit(items: list[Coded], version: str = VERSION) -> RoleModel:
    return RoleModel({r: fit_role(items, r) for r in ROLES}, version)


def cross_validated(items: list[Coded], folds: int = 5) -> dict[str, list[str | None]]:
    """Out-of-fold predicted country per role and sentence."""
    pred: dict[str, list[str | None]] = {r: [None] * len(items) for r in ROLES}
    groups = [it.group for it in items]
    for train, test in group_kfold(folds).split(items, groups=groups):
        model = fit([items[i] for i in train], "fold")
        for i in test:
            for r in ROLES:
                best = model.pick(items[i].cands[r], r)
                pred[r][i] = best.mention.country if best else None
    return pred


def accuracy(items: list[Coded], pred: dict[str, list[str | None]], kind: str, role: str):  # noqa: ANN201
    idx = [i for i, it in enumerate(items) if it.kind == kind and it.gold[role] != "None"]
    ok = sum(pred[role][i] == items[i].gold[role] for i in idx)
    reach = sum(
        any(c.mention.country == items[i].gold[role] for c in items[i].cands[role]) for i in idx
    )
    return ok / max(len(idx), 1), reach / max(len(idx), 1), len(idx)


def print_errors(items: list[Coded], pred: dict[str, list[str | None]]) -> None:
    """Out-of-fold errors grouped by cause, for error analysis."""
    causes: Counter[tuple[str, str, str]] = Counter()
    for role in ROLES:
        for i, it in enumerate(items):
            gold = it.gold[role]
            if gold == "None":
                continue
            cands = it.cands[role]
            if pred[role][i] == gold:
                cause = "right"
            elif not it.triggered:
                cause = "no trigger"
            elif not cands:
                cause = "no candidates"
            elif not any(c.mention.country == gold for c in cands):
                cause = "not among candidates"
            else:
                cause = "ranker wrong"
            causes[(it.kind, role, cause)] += 1
            if cause != "right":
                print(f"[{it.kind} {role}: {cause}] gold={gold} ours={pred[role][i]}")
                print(f"    {it.text}")
                print(
                    "    "
                    + ", ".join(
                        f"{c.mention.text or '(place)'}={c.mention.country}/{c.kind}" for c in cands
                    )
                )
    for (kind, role, cause), n in sorted(causes.items()):
        print(f"  {kind:8s} {role:6s} {cause:22s} {n}")


def main() -> None:
    items = load_coded()
    pred = cross_validated(items)
    if "--errors" in sys.argv[1:]:
        print_errors(items, pred)
    print("5-fold CV grouped by document on the dev coding sentences (PROTEST+ASSAULT pooled)")
    for kind in ("PROTEST", "ASSAULT"):
        for role in ROLES:
            acc, reach, n = accuracy(items, pred, kind, role)
            print(
                f"  {kind:8s} {role:6s} country acc={acc:.3f}"
                f"  (gold among candidates {reach:.3f}, n={n})"
            )
    model = fit(items)
    OUT.write_text(
        json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {OUT} ({VERSION})")
    for r in ROLES:
        top = sorted(zip(FEATURES, model.weights[r], strict=True), key=lambda fw: -abs(fw[1]))[:8]
        print(f"  {r}: " + ", ".join(f"{f}={w:+.2f}" for f, w in top))


if __name__ == "__main__":
    main()
