"""Ingest throughput, growth and memory on SQLite with dedupe on.

    python -m benchmarks.ingest            # 100,000 documents (a few minutes)
    python -m benchmarks.ingest --n 20000  # smaller, for a quick look

The corpus is built from the bundled real Arabic sentences (OEDA GSR, MIT):
each document joins 2-4 sentences chosen by a seeded generator; 5% of documents
are exact repeats of an earlier one (some re-spelled: ة→ه, أ→ا, which the
normaliser folds) and 5% are near repeats (one word replaced). It is written as
JSON Lines files of 10,000 documents.

Figures, each measured in this run:
* throughput of ``wiqaya.sift.pipeline.ingest_paths`` (decode, parse, language id,
  exact + MinHash/LSH near dedupe, batched inserts) on a fresh SQLite file;
* a baseline: the naive loader of the same files (same readers, normaliser,
  hash and language id) doing one SELECT + INSERT document + INSERT sighting +
  commit per document, with exact dedupe only (on the first 10,000 documents, to
  bound the run), and the ratio;
* growth: time for n/10 vs n documents (linear would be 10);
* peak resident memory of the process that ingested n documents.
Each ingest runs in its own subprocess on one core, so memory is its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wiqaya.config import PACKAGE_DATA

ROOT = Path(__file__).resolve().parents[1]
FILE_DOCS = 10_000
BASELINE_MAX = 10_000


def sentences() -> list[str]:
    import csv

    out: list[str] = []
    for name in ("protest_detection.dev.csv", "assault_detection.dev.csv"):
        path = PACKAGE_DATA / "bundled" / "arabic_event_gsr" / name
        with path.open(encoding="utf-8", newline="") as handle:
            out.extend(row["text"].strip() for row in csv.DictReader(handle))
    return sorted({s for s in out if s})


def build_corpus(n: int, folder: Path, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    pool = sentences()
    made: list[str] = []
    stats = {"documents": n, "exact_repeats": 0, "near_repeats": 0}
    folder.mkdir(parents=True, exist_ok=True)
    handle = None
    for i in range(n):
        if i % FILE_DOCS == 0:
            if handle:
                handle.close()
            handle = (folder / f"part{i // FILE_DOCS:03d}.jsonl").open("w", encoding="utf-8")
        roll = rng.random()
        if made and roll < 0.05:
            text = rng.choice(made)
            if rng.random() < 0.5:
                text = text.replace("ة", "ه").replace("أ", "ا")
            stats["exact_repeats"] += 1
        elif made and roll < 0.10:
            words = rng.choice(made).split()
            words[rng.randrange(len(words))] = rng.choice(["وأضاف", "كذلك", "اليوم", "أمس"])
            text = " ".join(words)
            stats["near_repeats"] += 1
        else:
            text = " ".join(rng.sample(pool, rng.randint(2, 4)))
            made.append(text)
        record = {"id": f"b{i}", "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": text}
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
    if handle:
        handle.close()
    return stats


def _worker_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"  # one core
    return env


def run_worker(mode: str, corpus: Path, home: Path, limit: int = 0) -> dict[str, float]:
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.ingest",
        "--worker",
        mode,
        "--corpus",
        str(corpus),
        "--home",
        str(home),
        "--limit",
        str(limit),
    ]
    out = subprocess.run(cmd, env=_worker_env(), cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"worker {mode} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def worker(mode: str, corpus: Path, home: Path, limit: int) -> None:
    from wiqaya.config import Settings
    from wiqaya.runtime import open_runtime

    runtime = open_runtime(Settings(home=home), migrate=True)
    files = sorted(corpus.glob("*.jsonl"))
    if mode == "pipeline":
        from wiqaya.sift.pipeline import ingest_paths

        start, cpu = time.perf_counter(), time.process_time()
        summary = ingest_paths(runtime, files, source="bench")
        seconds = time.perf_counter() - start
        result = {
            "seconds": seconds,
            "cpu": time.process_time() - cpu,
            "records": summary.records,
            "new": summary.new_documents,
            "exact": summary.exact_duplicates,
            "near": summary.near_duplicates,
        }
    else:
        result = _baseline(runtime, files, limit)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    runtime.close()
    print(json.dumps(result))


def _baseline(runtime, files: list[Path], limit: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The naive loader: same readers, normaliser, hash and language id, but one
    SELECT + INSERT(s) + commit per document, and exact dedupe only (no MinHash)."""
    from sqlalchemy import insert, select

    from wiqaya.config import Settings
    from wiqaya.language.arabic import normalise
    from wiqaya.language.detect import detect_language
    from wiqaya.sift.formats import InputFile, Limits, read_input
    from wiqaya.sift.items import RawDocument
    from wiqaya.store.models.base import utcnow
    from wiqaya.store.models.sift import Document, Sighting, Source

    settings = Settings()
    limits = Limits(
        settings.max_file_bytes,
        settings.max_archive_bytes,
        settings.max_archive_members,
        settings.max_compression_ratio,
    )
    with runtime.sessions() as session:
        session.add(Source(name="baseline"))
        session.commit()
        source_id = session.query(Source.id).filter_by(name="baseline").scalar()
    start, cpu = time.perf_counter(), time.process_time()
    records = stored = 0
    with runtime.engine.connect() as conn:
        for path in files:
            item = InputFile(str(path), path.name, path.read_bytes())
            for doc in read_input(item, limits):
                if records >= limit:
                    break
                if not isinstance(doc, RawDocument):
                    continue
                records += 1
                digest = hashlib.sha256(normalise(doc.text).encode("utf-8")).hexdigest()
                found = conn.execute(
                    select(Document.id).where(Document.content_hash == digest)
                ).scalar()
                kind = "exact"
                if found is None:
                    now = utcnow()
                    found = conn.execute(
                        insert(Document).values(
                            source_id=source_id,
                            text=doc.text,
                            content_hash=digest,
                            text_sha256=hashlib.sha256(doc.text.encode()).hexdigest(),
                            external_id=doc.external_id,
                            doc_type="news",
                            lang=detect_language(doc.text),
                            published_at=doc.published_at,
                            encoding=doc.encoding,
                            fetched_at=now,
                            ingested_at=now,
                        )
                    ).inserted_primary_key[0]
                    kind = "first"
                    stored += 1
                conn.execute(
                    insert(Sighting).values(
                        document_id=found,
                        source_id=source_id,
                        origin=doc.origin,
                        locator=doc.locator,
                        kind=kind,
                        seen_at=utcnow(),
                    )
                )
                conn.commit()
            if records >= limit:
                break
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "records": records,
        "new": stored,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents in the large corpus")
    parser.add_argument("--worker", choices=["pipeline", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.home, args.limit)
        return

    n, small_n = args.n, max(1000, args.n // 10)
    with tempfile.TemporaryDirectory(prefix="wiqaya-bench-") as tmp:
        base = Path(tmp)
        t0 = time.perf_counter()
        stats = build_corpus(n, base / "large")
        build_corpus(small_n, base / "small")
        print(
            f"corpus: {n:,} documents from {len(sentences()):,} real sentences "
            f"({stats['exact_repeats']:,} exact and {stats['near_repeats']:,} near repeats), "
            f"built in {time.perf_counter() - t0:.1f}s"
        )
        small = run_worker("pipeline", base / "small", base / "db-small")
        large = run_worker("pipeline", base / "large", base / "db-large")
        baseline_n = min(n, BASELINE_MAX)
        baseline = run_worker("baseline", base / "large", base / "db-baseline", baseline_n)

    def rates(r: dict[str, float]) -> str:
        return (
            f"{r['seconds']:.1f}s wall = {r['records'] / r['seconds']:,.0f} docs/s; "
            f"{r['cpu']:.1f}s CPU = {r['records'] / r['cpu']:,.0f} docs/s per core"
        )

    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} (wall time is shared time)")
    print(f"pipeline, {n:,} docs: {rates(large)}")
    print(
        f"  new {large['new']:,}, exact duplicates {large['exact']:,}, "
        f"near duplicates {large['near']:,}"
    )
    print(f"pipeline, {small_n:,} docs: {rates(small)}")
    print(
        f"baseline, one INSERT + commit per row, exact dedupe only, "
        f"{baseline['records']:,} docs: {rates(baseline)}"
    )
    wall_ratio = (large["records"] / large["seconds"]) / (baseline["records"] / baseline["seconds"])
    cpu_ratio = (large["records"] / large["cpu"]) / (baseline["records"] / baseline["cpu"])
    print(
        f"ratio pipeline / baseline: x{wall_ratio:.1f} wall, x{cpu_ratio:.1f} CPU "
        "(target: pipeline >= 1,000 docs/s on one core)"
    )
    print(
        f"growth {small_n:,} -> {n:,} docs: x{large['seconds'] / small['seconds']:.1f} wall, "
        f"x{large['cpu'] / small['cpu']:.1f} CPU for x{n / small_n:.0f} docs (target <= 12)"
    )
    print(f"peak memory ingesting {n:,} docs: {large['peak_rss_mb']:.0f} MB RSS (target <= 500)")


if __name__ == "__main__":
    main()
