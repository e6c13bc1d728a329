"""PROTEST and ASSAULT on a dev probe of current Arabic news (helper arprotest).

    PYTHONPATH=src python -m evaluation.arabic_protest_probe [--list]

``evaluation/arabic_protest_probe.jsonl``: 98 sentences written on 2026-11-24 in
the register of 2015-2026 wire news and committed before any rule of the round
(f32d504): 34 protests reported as done in many forms (marches, vigils, sit-ins,
hunger and labour strikes, roads blocked with burning tyres, crowds before an
embassy, headlines in the present tense, funerals turned protests), 22 violent
acts that are not military force (car bombs, IEDs, suicide bombers,
assassinations, kidnappings, shootings, a stabbing), 2 both, and 40 hard
negatives: calls, bans, plans, threats, denials and cancellations of protests,
football's «ضربة جزاء» and «هجوم», «وقفة» as a pause, a minute of silence,
figurative «انفجار» of prices and quarrels, historical mentions, foiled and
defused bombs, an accidental explosion. Rules were written from it: its figures
say what the round fixed, not how well the reader generalises.

Lines have the format of ``coding_modern.jsonl`` and go through ``wiqaya
extract`` the same way. Only PROTEST and ASSAULT are scored: a sentence is
predicted positive for a type when its output has an event of that type
(precision and recall over sentences); a gold role is right when such an event
carries the gold country (roles whose gold is null are not scored).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.arabic_trigger_only import wilson
from evaluation.coding_modern import extract, load

PROBE = Path(__file__).with_name("arabic_protest_probe.jsonl")
TYPES = ("PROTEST", "ASSAULT")
ROLES = ("source", "target")


def _country(event: dict, role: str) -> str | None:
    actor = event.get(role)
    return actor.get("country") if isinstance(actor, dict) else None


def score(rows: list[dict], out: list[dict], show: bool) -> dict[str, dict[str, int]]:
    """Print and return per-type counts: tp, fp, fn and the role tallies."""
    counts: dict[str, dict[str, int]] = {}
    for etype in TYPES:
        c = dict.fromkeys(("tp", "fp", "fn", "source_n", "source_ok", "target_n", "target_ok"), 0)
        for r, o in zip(rows, out, strict=True):
            gold = [g for g in r["events"] if g["event"] == etype]
            got = [e for e in o["events"] if e["event"] == etype]
            if gold and got:
                c["tp"] += 1
                for role in ROLES:
                    want = gold[0][role]
                    if want is None:
                        continue
                    c[f"{role}_n"] += 1
                    have = {_country(e, role) for e in got}
                    if want in have:
                        c[f"{role}_ok"] += 1
                    elif show:
                        print(
                            f"  {etype} {role} {r['id']}: want {want}, got {sorted(map(str, have))}"
                        )
            elif got:
                c["fp"] += 1
                if show:
                    print(f"  {etype} false {r['id']}: {r['text']}")
            elif gold:
                c["fn"] += 1
                if show:
                    print(f"  {etype} miss  {r['id']}: {r['text']}")
        counts[etype] = c
        p_n, r_n = c["tp"] + c["fp"], c["tp"] + c["fn"]
        p = c["tp"] / p_n if p_n else 0.0
        rec = c["tp"] / r_n if r_n else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        plo, phi = wilson(c["tp"], p_n)
        rlo, rhi = wilson(c["tp"], r_n)
        roles = "  ".join(
            f"{role} {c[f'{role}_ok']}/{c[f'{role}_n']}" for role in ROLES if c[f"{role}_n"]
        )
        print(
            f"{etype}: precision {p:.3f} [{plo:.3f}, {phi:.3f}] ({c['tp']}/{p_n})  "
            f"recall {rec:.3f} [{rlo:.3f}, {rhi:.3f}] ({c['tp']}/{r_n})  F1 {f1:.3f}  {roles}"
        )
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print misses, false hits, wrong roles")
    args = ap.parse_args(argv)
    rows = load(PROBE)
    score(rows, extract(rows), args.list)


if __name__ == "__main__":
    main()
