"""The Arabic figures of issue #4 as an outside evaluator computes them: from ``wiqaya extract``.

    PYTHONPATH=src python -m evaluation.extract_view [--keep DIR]

Independent evaluation feeds held-back sentences to the file-to-file command and
scores its output lines; it never calls our functions. This script does the same
on the dev split: it writes the detection and coding sentences as one JSONL file,
runs ``python -m wiqaya extract`` in a child process (the real command, its
parsing and its output contract included), reads the output lines back and
scores them.

**These figures are in-sample.** The shipped detector and role ranker were fitted
on the whole dev split, so they have seen every sentence scored here; the
cross-validated estimate is ``evaluation.read_arabic``. What this script adds is
the evaluator's view of the same output:

- detection counts a sentence as positive when its output line holds an event of
  the file's type (PROTEST / ASSAULT), whatever the confidence;
- source and target country are scored three ways, because an evaluator may do
  any of them: on the sentences where the output holds an event of the gold type
  (``given the type``), on every coded sentence with a missing event counted wrong
  (``all coded``), and taking the event of the gold type or else the first event
  (``gold type, else first``). ``evaluation.read_arabic`` scores the role ranker on
  every coded sentence whatever the detector decides, so its figures sit between
  the first two.

The gap between the in-sample and cross-validated figures says how much the
models memorised; the gap between ``given the type`` and ``all coded`` says how
much of a role figure depends on the detector accepting the sentence.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from evaluation.train_detector import GSR

TYPES = {"PROTEST": "protest", "ASSAULT": "assault"}


def gold_rows() -> list[dict]:
    """Every detection row (ambiguous ones kept out) and every coded sentence, in file order."""
    rows: list[dict] = []
    for kind, stem in TYPES.items():
        with (GSR / f"{stem}_detection.dev.csv").open(encoding="utf-8") as fh:
            for n, r in enumerate(csv.DictReader(fh)):
                if r["label"] != "ambiguous":
                    rows.append(
                        {
                            "id": f"det-{stem}-{n}",
                            "text": r["text"],
                            "type": kind,
                            "task": "detection",
                            "gold": r["label"] == "yes",
                        }
                    )
        root = ET.parse(GSR / f"{stem}_coding.dev.xml").getroot()
        for n, s in enumerate(root.iter("Sentence")):
            coding = s.find("EventCoding")
            attrs = coding.attrib if coding is not None else {}
            rows.append(
                {
                    "id": f"cod-{stem}-{n}",
                    "text": s.findtext("Text", "").strip(),
                    "type": s.get("category") or kind,
                    "task": "coding",
                    "source": (attrs.get("sourcecode") or "None None").split()[0],
                    "target": (attrs.get("targetcode") or "None None").split()[0],
                }
            )
    return rows


def run_extract(rows: list[dict], folder: Path) -> list[dict]:
    inp, out = folder / "in.jsonl", folder / "out.jsonl"
    with inp.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "wiqaya", "extract", "--input", str(inp), "--output", str(out)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"wiqaya extract failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    if [x["id"] for x in lines] != [r["id"] for r in rows]:
        sys.exit("wiqaya extract broke its contract: output ids are not the input ids in order")
    return lines


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def role_views(coded: list[tuple[dict, dict]], role: str) -> dict[str, tuple[int, int]]:
    """(right, scored) for the three ways of scoring one role's country."""
    views = {"given the type": [0, 0], "all coded": [0, 0], "gold type, else first": [0, 0]}
    for gold, line in coded:
        if gold[role] == "None":
            continue
        of_type = [e for e in line["events"] if e["event"] == gold["type"]]
        ours = of_type[0][role]["country"] if of_type else None
        fallback = of_type or line["events"]
        either = fallback[0][role]["country"] if fallback else None
        if of_type:
            views["given the type"][0] += ours == gold[role]
            views["given the type"][1] += 1
        views["all coded"][0] += ours == gold[role]
        views["all coded"][1] += 1
        views["gold type, else first"][0] += either == gold[role]
        views["gold type, else first"][1] += 1
    return {k: (v[0], v[1]) for k, v in views.items()}


def share(right: int, n: int) -> str:
    return f"{right / n:.3f} ({right}/{n})" if n else "— (0)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", type=Path, help="write in.jsonl and out.jsonl to this folder")
    args = ap.parse_args()
    rows = gold_rows()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        lines = run_extract(rows, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="wiqaya-extract-view-") as tmp:
            lines = run_extract(rows, Path(tmp))
    errors = [x for x in lines if "error" in x]
    print(f"wiqaya extract: {len(lines)} lines, {len(errors)} with an error field")
    print(
        "IN-SAMPLE: the shipped models were fitted on these sentences; the estimate is "
        "`python -m evaluation.read_arabic`.\n"
    )
    pairs = list(zip(rows, lines, strict=True))
    for kind in TYPES:
        det = [(r, x) for r, x in pairs if r["task"] == "detection" and r["type"] == kind]
        tp = sum(r["gold"] and any(e["event"] == kind for e in x["events"]) for r, x in det)
        fp = sum(not r["gold"] and any(e["event"] == kind for e in x["events"]) for r, x in det)
        fn = sum(r["gold"] and not any(e["event"] == kind for e in x["events"]) for r, x in det)
        p, r_, f = prf(tp, fp, fn)
        coded = [(r, x) for r, x in pairs if r["task"] == "coding" and r["type"] == kind]
        found = sum(any(e["event"] == kind for e in x["events"]) for _, x in coded)
        print(
            f"{kind}: detection P {p:.3f} R {r_:.3f} F1 {f:.3f} "
            f"({tp} right, {fp} extra, {fn} missed of {len(det)} rows)"
        )
        print(f"  coding: type recall {share(found, len(coded))}")
        for role in ("source", "target"):
            views = role_views(coded, role)
            print(f"  {role} country: " + "; ".join(f"{k} {share(*v)}" for k, v in views.items()))
        print()


if __name__ == "__main__":
    main()
