"""Read-stage throughput: Arabic dev sentences per second on one core, 1 vs 2 processes.

    PYTHONPATH=src python -m benchmarks.read

Baseline in the same run: the cost of normalising the same sentences alone
(the floor any reader pays). Bounded: at most ~3,400 sentences, a few passes.
"""

from __future__ import annotations

import csv
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from wiqaya.language.arabic import normalise
from wiqaya.read.pipeline import DocumentInput, read_documents

GSR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "arabic_event_gsr"


def sentences() -> list[str]:
    out = []
    for kind in ("protest", "assault"):
        with (GSR / f"{kind}_detection.dev.csv").open(encoding="utf-8") as fh:
            out += [r["text"] for r in csv.DictReader(fh)]
    return out


def _work(texts: list[str]) -> int:
    docs = [DocumentInput(str(i), t, "ar") for i, t in enumerate(texts)]
    n = 0
    for k in range(0, len(docs), 256):
        n += len(read_documents(docs[k : k + 256]))
    return n


def _warm() -> int:
    return _work(["قتل ثلاثة أشخاص في بغداد أمس."])


def run_pool(texts: list[str], workers: int) -> float:
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(lambda_warm, range(workers)))
        chunks = [texts[i::workers] for i in range(workers)]
        t = time.perf_counter()
        list(pool.map(_work, chunks))
        return time.perf_counter() - t


def lambda_warm(_: int) -> int:
    return _warm()


def main() -> None:
    texts = sentences()
    t = time.perf_counter()
    for s in texts:
        normalise(s)
    base = time.perf_counter() - t
    _warm()
    t = time.perf_counter()
    _work(texts)
    one = time.perf_counter() - t
    t = time.perf_counter()
    _work(texts)
    warm = time.perf_counter() - t
    print(f"{len(texts)} Arabic dev sentences")
    print(f"baseline normalise only: {len(texts) / base:,.0f} sentences/s")
    print(
        f"read pipeline, 1 core in-process: {len(texts) / one:,.0f} sentences/s first pass, "
        f"{len(texts) / warm:,.0f} sentences/s with warm word caches"
    )
    p1 = run_pool(texts * 2, 1)
    p2 = run_pool(texts * 2, 2)
    print(
        f"process pool: 1 worker {2 * len(texts) / p1:,.0f}/s, 2 workers {2 * len(texts) / p2:,.0f}/s, "  # noqa: E501
        f"ratio {p1 / p2:.2f}x"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: main {peak:.0f} MiB, largest worker {child:.0f} MiB")


if __name__ == "__main__":
    main()
