"""Read-stage throughput: in-process against Dask LocalCluster with 1 and 2 workers.

    python -m benchmarks.read_scale [--documents 9000] [--batch 200] [--repeat 3]

Ingests a corpus of real Arabic sentences (the bundled GSR dev split, varied
past its size) into SQLite, then codes it three times from the same starting
copy: the in-process engine, Dask with 1 worker, Dask with 2 workers. Clusters
are started and warmed (dictionaries loaded) before the clock starts, so the
figures are steady-state documents/second including the batched database
writes. Prints docs/s, the 1->2 worker ratio (target >= 1.7x), events found
(identical across engines) and peak resident memory per worker. The Dask runs
are repeated (1 worker, 2 workers, 1, 2, ...) and the ratio is taken of the
medians: on a shared machine one pair can be off by 2x either way, so each run
also prints the CPU the driver and the workers used and what other processes
took meanwhile.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from wiqaya.config import Settings
from wiqaya.read.pipeline import coder_version, read_documents
from wiqaya.runtime import open_runtime
from wiqaya.scale.corpus import build_corpus
from wiqaya.scale.dask_engine import (
    local_cluster,
    read_with_dask,
    worker_coder_version,
    worker_peak_memory,
)
from wiqaya.sift.pipeline import IngestOptions, ingest_paths
from wiqaya.store.migrate import upgrade
from wiqaya.store.read import save_batch, unread_batch


def _runtime(db: Path):  # type: ignore[no-untyped-def]
    return open_runtime(Settings(home=db.parent, database_url=f"sqlite:///{db}"), migrate=False)


def in_process(db: Path, batch: int) -> tuple[float, int, int, dict[str, float]]:
    """The in-process engine's loop (as `wiqaya read`): page, read, save per batch."""
    runtime = _runtime(db)
    version = coder_version()
    docs = events = 0
    split = {"fetch": 0.0, "read": 0.0, "save": 0.0}
    start = time.perf_counter()
    after = 0
    try:
        while True:
            t0 = time.perf_counter()
            with runtime.sessions() as session:
                inputs = unread_batch(session, batch, after)
            t1 = time.perf_counter()
            split["fetch"] += t1 - t0
            if not inputs:
                break
            results = read_documents(inputs)
            t2 = time.perf_counter()
            split["read"] += t2 - t1
            with runtime.sessions() as session, session.begin():
                save_batch(session, results, version)
            split["save"] += time.perf_counter() - t2
            after = int(inputs[-1].id)
            docs += len(results)
            events += sum(len(r.events) for r in results)
    finally:
        runtime.close()
    return time.perf_counter() - start, docs, events, split


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _machine_busy() -> float:
    """CPU seconds the whole machine has been busy (user, nice, system, irq, softirq)."""
    try:
        ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return (sum(ticks[:3]) + ticks[5] + ticks[6]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def on_dask(db: Path, workers: int, batch: int) -> tuple[float, int, int, dict[str, int], dict]:
    client, cluster = local_cluster(workers)
    runtime = _runtime(db)
    try:
        client.run(worker_coder_version)  # warm: every worker loads its dictionaries now
        workers_cpu = sum(client.run(_cpu_seconds).values())
        driver_cpu = _cpu_seconds()
        busy = _machine_busy()
        start = time.perf_counter()
        summary = read_with_dask(runtime, client=client, workers=workers, batch=batch)
        seconds = time.perf_counter() - start
        busy = _machine_busy() - busy
        # The driver process also hosts the LocalCluster's scheduler.
        costs = {
            "driver+scheduler CPU": _cpu_seconds() - driver_cpu,
            "workers CPU": sum(client.run(_cpu_seconds).values()) - workers_cpu,
            "machine busy": busy,
            "fetch": summary.fetch_s,
            "wait": summary.wait_s,
            "save": summary.save_s,
        }
        memory = worker_peak_memory(client)
    finally:
        runtime.close()
        client.close()
        cluster.close()
    return seconds, summary.documents, summary.events, memory, costs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=9000)
    parser.add_argument(
        "--batch", type=int, default=200, help="documents per task (wiqaya read's default)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="interleaved 1- and 2-worker runs; medians reported"
    )
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
        sec, docs, ev_local, split = in_process(fresh("local"), args.batch)
        local_rate = docs / sec
        print(
            f"in-process      : {sec:7.1f} s  {local_rate:7.1f} docs/s  events {ev_local}  "
            f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
        print("    " + ", ".join(f"{k} {v:.1f} s" for k, v in split.items()))
        rates: dict[int, list[float]] = {1: [], 2: []}
        peaks: dict[int, list[int]] = {1: [], 2: []}
        bounds: dict[int, list[float]] = {1: [], 2: []}
        for run in range(max(1, args.repeat)):
            for workers in (1, 2):
                sec, docs, events, memory, costs = on_dask(
                    fresh(f"dask{workers}-{run}"), workers, args.batch
                )
                ours = costs["driver+scheduler CPU"] + costs["workers CPU"]
                others = max(0.0, costs.pop("machine busy") - ours)
                # What a machine with a free core per worker plus one for the driver
                # would take: the workers' CPU spread over them, or the driver's if longer.
                bound = max(costs["workers CPU"] / workers, costs["driver+scheduler CPU"])
                bounds[workers].append(bound)
                rates[workers].append(docs / sec)
                peaks[workers].extend(memory.values())
                peak = ", ".join(f"{v / 2**20:.0f}" for v in sorted(memory.values()))
                print(
                    f"dask {workers} worker{'s' if workers > 1 else ' '} #{run + 1}: {sec:7.1f} s  "
                    f"{docs / sec:7.1f} docs/s  events {events}"
                    f"{' (same)' if events == ev_local else ' (DIFFERENT)'}  "
                    f"peak RSS per worker {peak} MB"
                )
                print(
                    "    "
                    + ", ".join(f"{k} {v:.1f} s" for k, v in costs.items())
                    + f"; other processes took {others:.1f} CPU s of "
                    + f"{sec * (os.cpu_count() or 1):.1f}"
                )
        one, two = statistics.median(rates[1]), statistics.median(rates[2])
        ratios = [b / a for a, b in zip(rates[1], rates[2], strict=True)]
        print(
            f"ratio dask 2 workers / 1 worker: {two / one:.2f}x of the medians "
            f"(per pair: {', '.join(f'{r:.2f}' for r in ratios)}; target >= 1.7x)"
        )
        print(
            "ratio from CPU accounting, for free cores (one per worker and one for the "
            f"driver; an estimate, not a measurement): "
            f"{statistics.median(bounds[1]) / statistics.median(bounds[2]):.2f}x"
        )
        print(f"ratio dask 1 worker / in-process: {one / local_rate:.2f}x")
        print(f"per-core throughput (dask, 1 worker, median): {one:.1f} docs/s")
        print(
            f"peak RSS per worker: max {max(peaks[1] + peaks[2]) / 2**20:.0f} MB "
            f"(1 worker), {max(peaks[2]) / 2**20:.0f} MB (2 workers)"
        )


if __name__ == "__main__":
    main()
