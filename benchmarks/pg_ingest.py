"""Ingest throughput: PostgreSQL against SQLite, same corpus, same run.

    python -m benchmarks.pg_ingest [--documents 20000] [--pg-url URL]

Builds a JSON Lines corpus from the bundled real Arabic sentences (with exact
and near repeats), ingests it with dedupe on into a fresh SQLite file and a
scratch PostgreSQL database, and prints documents/second for each and the
ratio. Then runs a second, concurrent pair of ingests of the same input on
PostgreSQL and prints their wall time and whether the stored counts equal one
clean run (unique constraints + retries).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.scratch import pg_admin_url, scratch_pg
from wiqaya.config import Settings
from wiqaya.runtime import open_runtime
from wiqaya.scale.corpus import build_corpus
from wiqaya.scale.crashtest import SRC
from wiqaya.sift.pipeline import IngestOptions, ingest_paths
from wiqaya.store.consistency import check, table_counts
from wiqaya.store.migrate import upgrade


def ingest_once(url: str, corpus: Path, home: Path) -> tuple[float, int, dict[str, int]]:
    runtime = open_runtime(Settings(home=home, database_url=url), migrate=False)
    try:
        start = time.perf_counter()
        summary = ingest_paths(runtime, [corpus], source="bench", options=IngestOptions())
        seconds = time.perf_counter() - start
        return seconds, summary.records, table_counts(runtime.engine)
    finally:
        runtime.close()


def concurrent_pair(url: str, corpus: Path, home: Path) -> tuple[float, list[int]]:
    env = {
        **os.environ,
        "WIQAYA_DATABASE_URL": url,
        "WIQAYA_HOME": str(home),
        "PYTHONPATH": str(SRC),
    }
    cmd = [
        sys.executable,
        "-m",
        "wiqaya",
        "ingest",
        str(corpus),
        "--source",
        "bench",
        "--no-progress",
    ]
    start = time.perf_counter()
    procs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    codes = [p.wait(timeout=1800) for p in procs]
    return time.perf_counter() - start, codes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--pg-url", default=None)
    args = parser.parse_args(argv)
    admin = pg_admin_url(args.pg_url)
    with tempfile.TemporaryDirectory(prefix="wiqaya-pgbench-") as tmp:
        root = Path(tmp)
        corpus = build_corpus(root / "corpus", documents=args.documents, files=4, seed=5)
        # Only the CSV and JSON Lines parts: one text file per record would measure
        # the file system, not the database.
        for sub in corpus.glob("reports*"):
            for f in sub.iterdir():
                f.unlink()
            sub.rmdir()
        sqlite_url = f"sqlite:///{root / 'bench.db'}"
        upgrade(sqlite_url)
        s_sec, records, s_counts = ingest_once(sqlite_url, corpus, root / "home")
        print(
            f"corpus: {records} records -> {s_counts['documents']} documents "
            f"(dedupe on), {sum(1 for _ in corpus.iterdir())} files"
        )
        print(f"sqlite     : {s_sec:7.2f} s  {records / s_sec:8.0f} records/s")
        with scratch_pg(admin, "ingest") as pg_url:
            p_sec, _, p_counts = ingest_once(pg_url, corpus, root / "home")
            print(
                f"postgresql : {p_sec:7.2f} s  {records / p_sec:8.0f} records/s  "
                f"(ratio PG/SQLite {s_sec / p_sec:.2f}x)"
            )
            same = all(p_counts[t] == s_counts[t] for t in ("documents", "sightings", "lsh_bands"))
            print(f"same stored counts on both back ends: {same}")
        with scratch_pg(admin, "race") as pg_url:
            wall, codes = concurrent_pair(pg_url, corpus, root / "home")
            from wiqaya.store.engine import make_engine

            engine = make_engine(pg_url)
            counts = table_counts(engine)
            problems = check(engine)
            engine.dispose()
            equal = all(counts[t] == s_counts[t] for t in ("documents", "sightings", "lsh_bands"))
            print(
                f"2 concurrent ingests on PostgreSQL: {wall:.1f} s, exit codes {codes}, "
                f"counts equal to one clean run: {equal}, consistency problems: "
                f"{len(problems)}"
            )


if __name__ == "__main__":
    main()
