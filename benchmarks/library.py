"""Library search speed: index build time and size, search latency p50/p95 on one core.

    PYTHONPATH=src python -m benchmarks.library [--pax FILE] [--rounds N]

Imports PA-X from ``../shared/data/pax/pax_data_cleaned.csv`` into a
throw-away SQLite database, builds the index (timed, cold, no disk cache),
then runs every query of ``evaluation/library_queries.jsonl`` through the
service (generation check + ranking + highlighting, as the CLI and API do) in
hybrid and lexical mode. The baseline, measured in the same run, is a plain
scan: analyse the query and count matching terms in every passage, without
the inverted index. Pinned to one core; bounded to a few minutes.
"""

from __future__ import annotations

import os

# One core for the numeric libraries too, before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from wiqaya.config import Settings  # noqa: E402
from wiqaya.remember import service  # noqa: E402
from wiqaya.remember.analysis import terms  # noqa: E402
from wiqaya.runtime import open_runtime  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "evaluation" / "library_queries.jsonl"
DEFAULT_PAX = ROOT.parent / "shared" / "data" / "pax" / "pax_data_cleaned.csv"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def timed(fn, queries: list[str], rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pax", type=Path, default=DEFAULT_PAX)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    if not args.pax.is_file():
        print(f"PA-X not found at {args.pax}", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    queries = [
        json.loads(x)["query"] for x in QUERIES.read_text(encoding="utf-8").splitlines() if x
    ]
    with tempfile.TemporaryDirectory() as tmp:
        runtime = open_runtime(Settings(home=Path(tmp), database_url=f"sqlite:///{tmp}/b.db"))
        try:
            t = time.perf_counter()
            report = service.import_pax(runtime, args.pax)
            import_s = time.perf_counter() - t
            # Model and lexicon load once per process; time them apart from the build.
            t = time.perf_counter()
            service.default_lexicon()
            service.default_embedder()
            load_s = time.perf_counter() - t
            t = time.perf_counter()
            index = service.build_index(runtime)
            build_s = time.perf_counter() - t
            path = Path(tmp) / "index.npz"
            index.save(path)
            t = time.perf_counter()
            service.LibraryIndex.load(path, index.lexicon, index.embedder)
            reload_s = time.perf_counter() - t
            service.get_index(runtime)  # warm the process cache

            def run(mode: str):  # type: ignore[no-untyped-def]
                return lambda q: service.search(runtime, q, limit=10, mode=mode)

            hybrid = timed(run("hybrid"), queries, args.rounds)
            lexical = timed(run("lexical"), queries, args.rounds)
            passage_terms = [set(terms(p.text)) for p in index.passages]

            def scan(q: str) -> list[int]:
                wanted = set(terms(q))
                scores = [len(wanted & ts) for ts in passage_terms]
                return sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:10]

            baseline = timed(scan, queries, args.rounds)
            ranking_only = timed(lambda q: index.search(q, limit=10), queries, args.rounds)
            bm25s_times = bm25s_baseline(index, queries, args.rounds)
            disk_mb = path_size(path)
        finally:
            runtime.close()
    print(f"PA-X: {report.added} agreements imported in {import_s:.1f}s")
    print(
        f"index: {len(index.items)} items, {len(index.passages)} passages, {len(index.vocab)} terms"
    )
    print(
        f"model + lexicon load: {load_s:.2f}s; index build (cold): {build_s:.2f}s; "
        f"reload from disk cache: {reload_s:.2f}s"
    )
    print(
        f"index size: {index.size_bytes / 1e6:.1f} MB in memory (arrays), {disk_mb:.1f} MB on disk"
    )
    print(f"{'search (1 core)':<28}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}")
    for name, values in (
        ("hybrid (service)", hybrid),
        ("hybrid (ranking only)", ranking_only),
        ("lexical only (service)", lexical),
        ("baseline: plain term scan", baseline),
        ("baseline: bm25s, no lexicon", bm25s_times),
    ):
        print(
            f"{name:<28}{len(values):>6}{statistics.median(values):>10.1f}"
            f"{percentile(values, 0.95):>10.1f}"
        )
    return 0


def bm25s_baseline(index, queries: list[str], rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The same passages and analyser in the ``bm25s`` library, without cross-lingual groups."""
    import bm25s

    retriever = bm25s.BM25()
    retriever.index([terms(p.text) for p in index.passages], show_progress=False)

    def one(q: str) -> None:
        toks = [t for t in terms(q) if t in retriever.vocab_dict] or ["agreement"]
        retriever.retrieve([toks], k=10, show_progress=False, n_threads=1)

    return timed(one, queries, rounds)


def path_size(path: Path) -> float:
    return path.stat().st_size / 1e6 if path.exists() else 0.0


if __name__ == "__main__":
    sys.exit(main())
