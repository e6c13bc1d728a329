"""Crash-consistency run: SIGKILL ingest and read at random moments, N seeds.

    python -m benchmarks.crash [--seeds 50] [--documents 400] [--stages ingest,read]
                               [--pg-url URL]

Prints one line per kill and a summary: seeds run, kills that landed mid-work,
failures (target 0). Run it from a clean checkout and leave the tree alone while
it runs: the reference counts come from the code as it was at the start. SQLite
by default (PRAGMA integrity_check after every kill); ``--pg-url`` runs the same
on scratch PostgreSQL databases.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from wiqaya.scale.corpus import build_corpus
from wiqaya.scale.crashtest import Harness, SeedResult, stage_available


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=50)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--stages", default="ingest,read")
    parser.add_argument("--pg-url", default=None, help="PostgreSQL admin URL (default SQLite).")
    args = parser.parse_args(argv)
    stages = tuple(s for s in args.stages.split(",") if s)
    missing = [s for s in stages if not stage_available(s)]
    if missing:
        print(f"skipping stages not present in this build: {', '.join(missing)}")
        stages = tuple(s for s in stages if s not in missing)

    with tempfile.TemporaryDirectory(prefix="wiqaya-crash-") as tmp:
        root = Path(tmp)
        corpus = build_corpus(root / "corpus", documents=args.documents, files=6)
        harness = Harness(root / "work", corpus, stages=stages, pg_admin=args.pg_url)
        started = time.perf_counter()
        try:
            ref = harness.reference()
            for stage in stages:
                print(
                    f"reference {stage}: {ref.seconds[stage]:.1f} s, "
                    + ", ".join(f"{k}={v}" for k, v in ref.counts[stage].items() if v)
                )

            def show(r: SeedResult) -> None:
                state = "OK  " if r.ok else "FAIL"
                where = "mid-work" if r.mid_work else ("finished first" if not r.killed else "edge")
                print(
                    f"{state} seed {r.seed:3d} {r.stage:6} kill at {r.trigger:>22} "
                    f"({where}, {r.progress_at_kill}/{r.progress_total})",
                    flush=True,
                )
                for problem in r.problems:
                    print(f"     {problem}")

            seeds = list(range(args.first_seed, args.first_seed + args.seeds))
            results = harness.run(seeds, on_result=show)
        finally:
            harness.close()
        wall = time.perf_counter() - started

    failures = [r for r in results if not r.ok]
    print()
    print(f"backend: {'postgresql' if args.pg_url else 'sqlite'}; stages: {', '.join(stages)}")
    print(
        f"seeds run: {len(seeds)}; kills: {len(results)}; "
        f"killed mid-work: {sum(r.mid_work for r in results)}; "
        f"finished before the kill: {sum(not r.killed for r in results)}"
    )
    print(f"failures: {len(failures)}  (wall {wall:.0f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
