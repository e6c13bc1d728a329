"""A deterministic multi-format corpus from the bundled real Arabic sentences.

Used by the crash harness, the concurrency tests and the benchmarks: real
sentences (the MIT-licensed event GSR dev split bundled with Wiqaya) spread
over CSV, JSON Lines and plain-text files, with exact repeats and near
repeats mixed in so dedupe paths run too. Same ``seed``, same bytes.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from wiqaya.config import PACKAGE_DATA

GSR = PACKAGE_DATA / "bundled" / "arabic_event_gsr"


def bundled_sentences() -> list[str]:
    """Every distinct sentence of the bundled Arabic GSR files, in file order."""
    seen: set[str] = set()
    out: list[str] = []
    for path in sorted(GSR.glob("*_detection.dev.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("text") or "").strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append(text)
    return out


def build_corpus(folder: Path, *, documents: int = 600, files: int = 6, seed: int = 7) -> Path:
    """Write ``files`` input files holding ``documents`` records into ``folder``.

    About 10 % of records are exact repeats of an earlier one and 5 % near
    repeats (one word dropped), so a correct ingest stores fewer documents
    than records: the harness compares exact counts, not record counts.
    """
    rng = random.Random(seed)
    sentences = bundled_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    records: list[str] = []
    for i in range(documents):
        roll = rng.random()
        if records and roll < 0.10:
            records.append(rng.choice(records))
        elif records and roll < 0.15:
            words = rng.choice(records).split()
            if len(words) > 8:
                del words[rng.randrange(len(words))]
            records.append(" ".join(words))
        else:
            base = sentences[i % len(sentences)]
            # Past the bundled set, vary the text so documents stay distinct.
            suffix = "" if i < len(sentences) else f" ({i // len(sentences)})"
            records.append(base + suffix)
    per_file = max(1, -(-len(records) // files))
    for n in range(files):
        chunk = records[n * per_file : (n + 1) * per_file]
        if not chunk:
            break
        kind = n % 3
        if kind == 0:
            path = folder / f"part{n:03d}.csv"
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(["id", "date", "text"])
                for j, text in enumerate(chunk):
                    writer.writerow([f"{n}-{j}", f"2024-0{1 + j % 9}-1{j % 10}", text])
        elif kind == 1:
            path = folder / f"part{n:03d}.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for j, text in enumerate(chunk):
                    fh.write(json.dumps({"id": f"{n}-{j}", "text": text}, ensure_ascii=False))
                    fh.write("\n")
        else:
            sub = folder / f"reports{n:03d}"
            sub.mkdir(exist_ok=True)
            for j, text in enumerate(chunk):
                (sub / f"r{j:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder
