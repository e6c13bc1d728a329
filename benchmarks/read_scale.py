"""Read-stage throughput: in-process against Dask LocalCluster with 1 and 2 workers.

    python -m benchmarks.read_scale [--documents 3000] [--batch 100]

Ingests a corpus of real Arabic sentences (the bundled GSR dev split, varied
past its size) into SQLite, then codes it three times from the same starting
copy: the in-process engine, Dask with 1 worker, Dask with 2 workers. Clusters
are started and warmed (dictionaries loaded) before the clock starts, so the
figures are steady-state documents/second including the batched database
writes. Prints docs/s, the 1->2 worker ratio (target >= 1.7x), events found
(identical across engines) and peak resident memory per worker.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from wiqaya.config import Settings
from wiqaya.read.pipeline import coder_version, read_documents
from wiqaya.runtime import open_runtime
from wiqaya.scale.corpus import build_corpus
from wiqaya.scale.dask_engine import read_with_dask, worker_coder_version, worker_peak_memory
from wiqaya.sift.pipeline import IngestOptions, ingest_paths
from wiqaya.store.migrate import upgrade
from wiqaya.store.read import save_batch, unread_batch


def _runtime(db: Path):  # type: ignore[no-untyped-def]
    return open_runtime(Settings(home=db.parent, database_url=f"sqlite:///{db}"), migrate=False)


def in_process(db: Path, batch: int) -> tuple[float, int, int]:
    """The in-process engine's loop (as `wiqaya read`): page, read, save per batch."""
    runtime = _runtime(db)
    version = coder_version()
    docs = events = 0
    start = time.perf_counter()
    after = 0
    try:
        while True:
            with runtime.sessions() as session:
                inputs = unread_batch(session, batch, after)
            if not inputs:
                break
            results = read_documents(inputs)
            with runtime.sessions() as session, session.begin():
                save_batch(session, results, version)
            after = int(inputs[-1].id)
            docs += len(results)
            events += sum(len(r.events) for r in results)
    finally:
        runtime.close()
    return time.perf_counter() - start, docs, events


def on_dask(db: Path, workers: int, batch: int) -> tuple[float, int, int, dict[str, int]]:
    from distributed import Client, LocalCluster

    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.WARNING)
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard": False},
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)
    runtime = _runtime(db)
    try:
        client.run(worker_coder_version)  # warm: every worker loads its dictionaries now
        start = time.perf_counter()
        summary = read_with_dask(runtime, client=client, workers=workers, batch=batch)
        seconds = time.perf_counter() - start
        memory = worker_peak_memory(client)
    finally:
        runtime.close()
        client.close()
        cluster.close()
    return seconds, summary.documents, summary.events, memory


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wiqaya-readbench-") as tmp:
        root = Path(tmp)
        corpus = build_corpus(root / "corpus", documents=args.documents, files=3, seed=9)
        for sub in corpus.glob("reports*"):
            shutil.rmtree(sub)
        template = root / "template.db"
        upgrade(f"sqlite:///{template}")
        runtime = _runtime(template)
        summary = ingest_paths(
            runtime, [corpus], source="bench", options=IngestOptions(near_duplicates=False)
        )
        runtime.close()
        n = summary.new_documents
        print(
            f"corpus: {n} documents of real Arabic sentences, batch {args.batch}, "
            f"{os.cpu_count()} CPUs visible, load average {os.getloadavg()[0]:.1f}"
        )

        def fresh(name: str) -> Path:
            path = root / f"{name}.db"
            shutil.copyfile(template, path)
            return path

        coder_version()  # load the dictionaries before timing the in-process engine
        sec, docs, ev_local = in_process(fresh("local"), args.batch)
        local_rate = docs / sec
        print(
            f"in-process      : {sec:7.1f} s  {local_rate:7.1f} docs/s  events {ev_local}  "
            f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
        rates: dict[int, float] = {}
        for workers in (1, 2):
            sec, docs, events, memory = on_dask(fresh(f"dask{workers}"), workers, args.batch)
            rates[workers] = docs / sec
            peak = ", ".join(f"{v / 2**20:.0f}" for v in sorted(memory.values()))
            print(
                f"dask {workers} worker{'s' if workers > 1 else ' '}  : {sec:7.1f} s  "
                f"{rates[workers]:7.1f} docs/s  events {events}"
                f"{' (same)' if events == ev_local else ' (DIFFERENT)'}  "
                f"peak RSS per worker {peak} MB"
            )
        print(f"ratio dask 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (target >= 1.7x)")
        print(f"ratio dask 1 worker / in-process: {rates[1] / local_rate:.2f}x")
        print(f"per-core throughput (dask, 1 worker): {rates[1]:.1f} docs/s")


if __name__ == "__main__":
    main()
