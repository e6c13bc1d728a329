"""Whether two trees read every dev sentence the same: dump one tree's outputs, compare two dumps.

    PYTHONPATH=/path/to/base/src:. python -m benchmarks.read_identity dump /tmp/base.pickle
    PYTHONPATH=src:. python -m benchmarks.read_identity dump /tmp/new.pickle
    python -m benchmarks.read_identity compare /tmp/base.pickle /tmp/new.pickle

For speed work, which must not change outputs. The sentences: the Arabic detection
and coding dev files, the two PETRARCH suites, the PLOVER gold, the indicator label
sets and the place sets (the sets are taken from this checkout, the code from
PYTHONPATH). Each is read with its language given and with language identification,
then once more on warm caches (which must give the same); every field of every
result is compared, floats bit for bit.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import pickle
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def canon(x: object) -> object:
    """A comparable value: dataclasses as (name, fields), floats as their hex."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        fields = dataclasses.fields(x)
        return (type(x).__name__, *((f.name, canon(getattr(x, f.name))) for f in fields))
    if isinstance(x, float):
        return ("f", x.hex())
    if isinstance(x, list | tuple):
        return tuple(canon(y) for y in x)
    if isinstance(x, dict):
        return tuple(sorted((k, canon(v)) for k, v in x.items()))
    if isinstance(x, str | int | bool | date) or x is None:
        return x
    raise TypeError(type(x))


def texts() -> list[tuple[str, str, str]]:
    """(set, text, language) for every sentence compared."""
    from evaluation.read_arabic import coding_sentences
    from evaluation.read_english import petr_sentences, plover_rows

    out = []
    for kind in ("protest", "assault"):
        path = SHARED / "arabic_event_gsr" / f"{kind}_detection.dev.csv"
        with path.open(encoding="utf-8") as fh:
            out += [(f"detection-{kind}", r["text"], "ar") for r in csv.DictReader(fh)]
        out += [(f"coding-{kind}", r["text"], "ar") for r in coding_sentences(kind)]
    for name in ("PETR_Validate_records_2_02.xml", "PETR2_GSR_validation.xml"):
        out += [(name, s.text, "en") for s in petr_sentences(name)]
    out += [("PLOVER_GSR_CAMEO", d["text"], "en") for d in plover_rows()]
    sets = sorted((ROOT / "evaluation").glob("indicators_labels*.jsonl"))
    sets += sorted((ROOT / "src" / "wiqaya" / "data" / "read").glob("places_eval*.jsonl"))
    for f in sets:
        for r in map(json.loads, f.read_text("utf-8").splitlines()):
            out.append((f.name, r["text"], r.get("lang") or "ar"))
    return out


def _read(items: list[tuple[str, str, str]], with_lang: bool) -> list[object]:
    from wiqaya.read.pipeline import DocumentInput, read_documents

    docs = [
        DocumentInput(str(i), t, lang if with_lang else None, date(2020, 5, 17))
        for i, (_, t, lang) in enumerate(items)
    ]
    out = []
    for k in range(0, len(docs), 256):
        out += [canon(r) for r in read_documents(docs[k : k + 256])]
    return out


def dump(path: Path) -> None:
    items = texts()
    given, identified = _read(items, True), _read(items, False)
    if _read(items, True) != given:
        raise SystemExit("a second pass on warm caches read differently")
    with path.open("wb") as fh:
        pickle.dump({"items": items, "lang": given, "nolang": identified}, fh)
    print(f"{len(items)} sentences read and dumped to {path}")


def compare(a_path: Path, b_path: Path) -> int:
    with a_path.open("rb") as fa, b_path.open("rb") as fb:
        a, b = pickle.load(fa), pickle.load(fb)  # noqa: S301 (our own dumps)
    if a["items"] != b["items"]:
        raise SystemExit("the dumps hold different sentences")
    diffs: Counter[tuple[str, str]] = Counter()
    for key in ("lang", "nolang"):
        for (name, text, _), x, y in zip(a["items"], a[key], b[key], strict=True):
            if x != y:
                if not diffs:
                    print(f"first difference ({key}): {text[:80]}\n  a: {x}\n  b: {y}")
                diffs[(key, name)] += 1
    print(f"{len(a['items'])} sentences: {dict(Counter(n for n, _, _ in a['items']))}")
    print(f"differences: {sum(diffs.values())} {dict(diffs)}")
    return 1 if diffs else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("output", type=Path)
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("a", type=Path)
    cmp_.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.output)
    else:
        raise SystemExit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
