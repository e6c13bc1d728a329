"""Where ingest's CPU time goes, and which parts grow faster than the corpus.

    python -m benchmarks.ingest_phases            # 10,000 vs 100,000 documents
    python -m benchmarks.ingest_phases --n 20000  # smaller, for a quick look

The same corpus as ``benchmarks.ingest`` (same generator and seed). Each size is
ingested in its own subprocess on a fresh SQLite file, with the store calls,
normalisation, language id, commits and full garbage collections timed by
process CPU time (nested calls are counted in both, so rows do not add up to
the total). Also counted: the near-duplicate work that legitimately grows
with the corpus (band rows read back, stored candidates read, texts read).
A row whose ratio is well above n / (n/10) is what keeps growth off linear.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.ingest import ROOT, _worker_env, build_corpus

STORE_CALLS = (
    "seen_locators",
    "documents_by_hash",
    "band_candidates",
    "document_signatures",
    "document_texts",
    "insert_documents",
    "insert_bands",
    "insert_sightings",
)


def worker(corpus: Path, home: Path) -> None:
    from sqlalchemy.orm import Session

    from wiqaya.config import Settings
    from wiqaya.runtime import open_runtime
    from wiqaya.sift import pipeline
    from wiqaya.store import sift as store

    cpu: Counter[str] = Counter()
    rows: Counter[str] = Counter()

    def timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                cpu[name] += time.process_time() - start

        return wrapper

    for name in STORE_CALLS:
        setattr(store, name, timed(name, getattr(store, name)))
    band_candidates, document_signatures, document_texts = (
        store.band_candidates,
        store.document_signatures,
        store.document_texts,
    )

    def counting_bands(session: Any, keys: Any) -> Any:
        found = band_candidates(session, keys)
        rows["band rows read"] += sum(len(ids) for ids in found.values())
        return found

    def counting_signatures(session: Any, ids: Any) -> Any:
        found = document_signatures(session, ids)
        rows["stored candidates"] += len(found)
        return found

    def counting_texts(session: Any, ids: Any) -> Any:
        found = document_texts(session, ids)
        rows["candidate texts read"] += len(found)
        return found

    store.band_candidates = counting_bands
    store.document_signatures = counting_signatures
    store.document_texts = counting_texts
    Session.commit = timed("commit", Session.commit)  # type: ignore[method-assign]
    pipeline.normalise = timed("normalise", pipeline.normalise)
    pipeline.detect_language = timed("detect_language", pipeline.detect_language)
    started = [0.0]

    def full_collections(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started[0] = time.process_time()
            else:
                cpu["full garbage collections"] += time.process_time() - started[0]

    gc.callbacks.append(full_collections)
    runtime = open_runtime(Settings(home=home), migrate=True)
    start = time.process_time()
    summary = pipeline.ingest_paths(runtime, sorted(corpus.glob("*.jsonl")), source="bench")
    cpu["total"] = time.process_time() - start
    runtime.close()
    found = f"{summary.new_documents} new, {summary.exact_duplicates} exact, "
    found += f"{summary.near_duplicates} near"
    print(json.dumps({"cpu": cpu, "rows": rows, "found": found}))


def run(corpus: Path, home: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.ingest_phases", "--worker"]
    cmd += ["--corpus", str(corpus), "--home", str(home)]
    out = subprocess.run(cmd, env=_worker_env(), cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"worker failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents in the large corpus")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.corpus, args.home)
        return
    n, small_n = args.n, max(1000, args.n // 10)
    with tempfile.TemporaryDirectory(prefix="wiqaya-phases-") as tmp:
        base = Path(tmp)
        build_corpus(small_n, base / "small")
        build_corpus(n, base / "large")
        small = run(base / "small", base / "db-small")
        large = run(base / "large", base / "db-large")
    print(f"found: {small_n:,} docs: {small['found']}; {n:,} docs: {large['found']}")
    print(f"{'CPU seconds':28s} {small_n:>9,} {n:>9,}  ratio")
    for name in sorted(large["cpu"], key=lambda k: -large["cpu"][k]):
        a, b = small["cpu"].get(name, 0.0), large["cpu"][name]
        ratio = f"x{b / a:.1f}" if a else "-"
        print(f"{name:28s} {a:9.2f} {b:9.2f}  {ratio}")
    print(f"{'near-duplicate work (rows)':28s}")
    for name in sorted(large["rows"]):
        a, b = small["rows"].get(name, 0), large["rows"][name]
        ratio = f"x{b / a:.1f}" if a else "-"
        print(f"{name:28s} {a:9,} {b:9,}  {ratio}")


if __name__ == "__main__":
    main()
