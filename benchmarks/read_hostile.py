"""Read stage on hostile text: seconds per adversarial document, memory of a long read.

    PYTHONPATH=src python -m benchmarks.read_hostile [--words 400000] [--runs 10000]

Each document is read alone by ``read_documents`` after the models are loaded
(a few seconds per MB is fine, minutes would be a blow-up). Memory: VmRSS
after feeding ``--words`` random distinct Arabic words (sentences with a
trigger, so the detector caches them too), then ``--runs`` 2,000-letter junk
runs, in batches of 200 documents; the caches are bounded, so RSS must level.
Baseline in the same run: RSS with the models loaded.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from pathlib import Path

from wiqaya.read.pipeline import DocumentInput, read_documents

GSR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "arabic_event_gsr"


def rss_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) // 1024


def cases() -> dict[str, str]:
    rng = random.Random(1)
    with (GSR / "protest_detection.dev.csv").open(encoding="utf-8") as fh:
        words = " ".join(r["text"] for r in csv.DictReader(fh)).split()
    phrases = [
        "the army attacked",
        "protesters in Cairo",
        "and Israel met Egypt,",
        "Police fired tear gas at",
        "officials said",
        "Iran will attack",
        "Mordor and Rohan renewed ties with Gondor",
        '(quoting "him',
        "'s",
        "-",
    ]
    names = ["Mordor", "Rohan", "Arnor", "Bree", "Gondor", "Iran", "Israel", "Egypt", "Syria"]
    clitics = ["وبالمتظاهرين", "فللحكومة", "وبغداد", "وللمسلحين", "فسيتظاهرون"]
    return {
        "English paragraph, no full stop": " ".join(rng.choice(phrases) for _ in range(25_000))[
            :200_000
        ],
        "2,000 names, commas and 'and'": "Leaders of "
        + ", ".join(f"{rng.choice(names)} and {rng.choice(names)}" for _ in range(1000))
        + " met in Geneva",
        "'attacked Iran' x 5,000": "Israel " + " ".join(["attacked Iran"] * 5000),
        "'must' x 5,000": "Russia said that " + " ".join(["Sudan must return"] * 5000),
        "«تظاهر» x 5,000": " ".join(["تظاهر"] * 5000),
        "Arabic sentence, 10,000 words": " ".join(rng.choice(words) for _ in range(10_000)),
        "20,000 clitic-laden words": " ".join(rng.choice(clitics) for _ in range(20_000)),
        "nested brackets and quotes": "(" * 20_000
        + "Israel attacked Iran"
        + ")" * 20_000
        + "«" * 5000
        + '"' * 5000,
        "1 MB of Arabic words": " ".join(rng.choice(words) for _ in range(180_000))[:1_000_000],
        "one 1 MB word": "ب" * 1_000_000,
    }


def memory(n_words: int, n_runs: int) -> None:
    rng = random.Random(3)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))

    print(f"memory: models loaded {rss_mb()} MB")
    seen = 0
    while seen < n_words:
        docs = []
        for d in range(200):
            sents = []
            for _ in range(5):
                ws = [word() for _ in range(20)]
                ws.insert(3, "تظاهر")
                sents.append(" ".join(ws) + ".")
            docs.append(DocumentInput(str(d), " ".join(sents)))
        read_documents(docs)
        seen += 200 * 5 * 20
        if seen % 100_000 == 0:
            print(f"  after {seen:,} random words: {rss_mb()} MB")
    before = rss_mb()
    for k in range(0, n_runs, 100):
        read_documents(
            [
                DocumentInput(str(d), "".join(rng.choice(letters) for _ in range(1990)) + " تظاهر.")
                for d in range(min(100, n_runs - k))
            ]
        )
    print(f"  after {n_runs:,} junk runs of 2,000 letters: {rss_mb()} MB (before: {before} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=400_000)
    ap.add_argument("--runs", type=int, default=10_000)
    args = ap.parse_args()
    read_documents([DocumentInput("w", "تظاهر الطلاب في بغداد. Police fired tear gas.")])
    for name, text in cases().items():
        t = time.perf_counter()
        result = read_documents([DocumentInput("x", text)])[0]
        dt = time.perf_counter() - t
        print(
            f"{name:32s} {len(text):>9,} chars {dt:6.2f} s "
            f"({dt / len(text) * 1e6:5.2f} s/MB) {len(result.events)} events"
        )
    memory(args.words, args.runs)


if __name__ == "__main__":
    main()
