"""Resolved place mentions on the Arabic dev detection sentences (the benchmark's set).

    PYTHONPATH=src python -m evaluation.place_mentions [--dump FILE]
    PYTHONPATH=src python -m evaluation.place_mentions --diff OLD.tsv NEW.tsv [--sample 60]

Counts the resolved and ambiguous mentions over the 3,444 sentences of
``arabic_event_gsr/*_detection.dev.csv``, each read as its own document. With
``--dump`` every mention is written as a line (sentence index, start, end,
surface, status, country, kind, name). ``--diff`` lists the mentions of NEW that
OLD did not have and prints a random sample of them (fixed seed 4) with the
sentence, for judging by hand.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from benchmarks.read import sentences

from wiqaya.read.pipeline import DocumentInput, read_document


def dump(path: str | None) -> None:
    texts = sentences()
    tally: Counter[str] = Counter()
    lines = []
    for i, text in enumerate(texts):
        for m in read_document(DocumentInput(str(i), text)).places:
            tally[m.status] += 1
            p = m.place
            row = (i, m.start, m.end, m.surface, m.status, m.country, p and p.kind, p and p.name)
            lines.append("\t".join(str(x) for x in row))
    print(f"{len(texts)} sentences: {dict(tally)}")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")


def diff(old: str, new: str, k: int) -> None:
    def rows(path: str) -> dict[tuple[str, str, str], list[str]]:
        with open(path, encoding="utf-8") as fh:
            fields = [line.rstrip("\n").split("\t") for line in fh]
        return {(f[0], f[1], f[2]): f for f in fields}

    a, b = rows(old), rows(new)
    added = [b[k_] for k_ in b if k_ not in a or a[k_][4:] != b[k_][4:]]
    gone = [a[k_] for k_ in a if k_ not in b]
    resolved = [r for r in added if r[4] == "resolved"]
    print(f"new or changed: {len(added)} ({len(resolved)} resolved); gone: {len(gone)}")
    texts = sentences()
    for r in random.Random(4).sample(resolved, min(k, len(resolved))):
        i, s, e = int(r[0]), int(r[1]), int(r[2])
        t = texts[i]
        where = f"{t[max(0, s - 60) : s]}[[{t[s:e]}]]{t[e : e + 60]}"
        print("\t".join([r[0], r[3], r[5], r[6], r[7], where]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump")
    ap.add_argument("--diff", nargs=2)
    ap.add_argument("--sample", type=int, default=60)
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff, args.sample)
    else:
        dump(args.dump)


if __name__ == "__main__":
    main()
