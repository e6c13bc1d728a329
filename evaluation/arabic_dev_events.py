"""Dump the events read from every Arabic dev sentence, or list how two dumps differ.

    PYTHONPATH=src python -m evaluation.arabic_dev_events dump OUT.json
    python -m evaluation.arabic_dev_events diff BEFORE.json AFTER.json

For reading a rule's changes by hand: the sentences are the Arabic detection and
coding dev files (as ``benchmarks.read_identity`` takes them), read with their
language given; an event is shown as its type, source and target (text, country,
sector) and evidence. ``diff`` prints each sentence whose events changed, with the
events only before (``-``) and only after (``+``).
"""

from __future__ import annotations

import argparse
import csv
import json
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def sentences() -> list[str]:
    from evaluation.read_arabic import coding_sentences

    out: list[str] = []
    for kind in ("protest", "assault"):
        path = SHARED / "arabic_event_gsr" / f"{kind}_detection.dev.csv"
        with path.open(encoding="utf-8") as fh:
            out += [r["text"] for r in csv.DictReader(fh)]
        out += [r["text"] for r in coding_sentences(kind)]
    return list(dict.fromkeys(out))


def _side(a: object) -> str:
    if a is None:
        return "-"
    return f"{a.text}|{a.country}|{a.sector}"  # type: ignore[attr-defined]


def dump(path: Path) -> None:
    from wiqaya.read.pipeline import DocumentInput, read_documents

    texts = sentences()
    docs = [DocumentInput(str(i), t, "ar", date(2020, 5, 17)) for i, t in enumerate(texts)]
    out: dict[str, list[str]] = {}
    for k in range(0, len(docs), 256):
        for d, r in zip(docs[k : k + 256], read_documents(docs[k : k + 256]), strict=True):
            out[d.text] = [
                f"{e.event_type} {_side(e.source)} -> {_side(e.target)} «{e.evidence}»"
                for e in r.events
            ]
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0), "utf-8")
    print(f"{len(texts)} sentences, {sum(map(len, out.values()))} events dumped to {path}")


def diff(a_path: Path, b_path: Path) -> None:
    a = json.loads(a_path.read_text("utf-8"))
    b = json.loads(b_path.read_text("utf-8"))
    n = 0
    for text, before in a.items():
        after = b.get(text, [])
        if before == after:
            continue
        n += 1
        print(f"[{n}] {text}")
        for e in before:
            if e not in after:
                print(f"   - {e}")
        for e in after:
            if e not in before:
                print(f"   + {e}")
    print(f"{n} sentences changed of {len(a)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("output", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.command == "dump":
        dump(args.output)
    else:
        diff(args.a, args.b)


if __name__ == "__main__":
    main()
