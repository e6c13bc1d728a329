"""The read stage on Dask: batches of documents as tasks, results written in batches.

The driver (the ``wiqaya read --engine dask`` process) pages through unread
documents by id, submits each batch of pure inputs (id, text, lang, date) as a
task running :func:`wiqaya.read.pipeline.read_documents` on a worker, and
writes each finished batch with the read stage's own store function in ONE
transaction. Workers never touch the database, so a real cluster needs only
the Wiqaya package, not database credentials.

At most ``2 x workers`` batches are in flight: memory stays bounded on both
sides whatever the corpus size, and a kill loses at most those batches (the
next run reads them again: ``document_reads`` is the resume marker).

The results are the same as the in-process engine's: same function, same
inputs, same coder version (checked against every worker before any task).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wiqaya.errors import ConfigError, InputError
from wiqaya.runtime import Runtime

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 2


@dataclass
class DaskReadSummary:
    documents: int = 0
    events: int = 0
    batches: int = 0
    workers: int = 0
    coder_version: str = ""
    # Where the driver's wall time went (seconds): paging inputs out of the
    # database, waiting for results, writing them. The benchmark reports them.
    fetch_s: float = 0.0
    wait_s: float = 0.0
    save_s: float = 0.0


def read_batch_task(inputs: list[Any], version: str) -> Any:
    """Run on a worker: the pure read function over one batch, as the rows to insert.

    Building the rows here (pure code, no database) leaves the driver only the
    writes, and plain rows cross the wire several times cheaper than result
    objects (decision 088).
    """
    from wiqaya.read.pipeline import read_documents
    from wiqaya.store.read import reading_rows

    return reading_rows(read_documents(inputs), version)


def worker_coder_version() -> str:
    from wiqaya.read.pipeline import coder_version

    return coder_version()


def _client(  # type: ignore[no-untyped-def]
    scheduler: str | None, workers: int, threads_per_worker: int, connect_timeout_s: float
):
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is a declared dependency
        raise ConfigError(
            "the dask engine needs `dask[distributed]` installed", code="E-SC-001"
        ) from exc
    if scheduler:
        try:
            return Client(scheduler, timeout=f"{connect_timeout_s}s"), None
        except (OSError, TimeoutError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}", code="E-SC-002"
            ) from exc
    return local_cluster(workers, threads_per_worker)


# Dask's defaults for an interactive session that this batch job does not use: each
# worker samples its own stacks every 10 ms for the dashboard's profile.
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False}


def local_cluster(workers: int, threads_per_worker: int = 1):  # type: ignore[no-untyped-def]
    """A LocalCluster and its client, as ``wiqaya read --engine dask`` starts them."""
    import dask
    from distributed import Client, LocalCluster

    # Dask logs every worker start and stop at INFO; Wiqaya's --verbose shows them.
    if not log.isEnabledFor(logging.INFO):
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.WARNING)
    # Processes, one thread each: the read stage is pure Python (GIL-bound). No
    # dashboard: nothing listens beyond what the work needs, and only on 127.0.0.1.
    # The nannies hand this configuration to the worker processes they start.
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=threads_per_worker,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False},
            silence_logs=logging.ERROR,
        )
    return Client(cluster), cluster


def read_with_dask(
    runtime: Runtime,
    *,
    scheduler: str | None = None,
    workers: int = DEFAULT_WORKERS,
    threads_per_worker: int = 1,
    batch: int = 200,
    recode: bool = False,
    progress: Callable[[int, int], None] | None = None,
    connect_timeout_s: float = 20.0,
    client: Any = None,
) -> DaskReadSummary:
    """Code every unread document on Dask; see the module docstring."""
    from distributed import as_completed

    from wiqaya.read.pipeline import coder_version
    from wiqaya.store.read import count_unread, save_rows, unread_batch

    if workers < 1:
        raise InputError("--workers must be at least 1", code="E-SC-003")
    version = coder_version()
    only = version if recode else None
    # A caller (the benchmark) may bring its own running client; it then owns it.
    own = client is None
    cluster = None
    if own:
        client, cluster = _client(scheduler, workers, threads_per_worker, connect_timeout_s)
    summary = DaskReadSummary(coder_version=version)
    try:
        n_workers = len(client.scheduler_info().get("workers", {})) or workers
        summary.workers = n_workers
        # Every worker must code exactly as this process would.
        versions = client.run(worker_coder_version)
        stale = {addr: v for addr, v in versions.items() if v != version}
        if stale:
            raise ConfigError(
                f"Dask workers run a different coder version ({sorted(set(stale.values()))}) "
                f"from this process ({version}); install the same Wiqaya on every worker",
                code="E-SC-004",
            )
        with runtime.sessions() as session:
            total = count_unread(session, only)
        in_flight_max = 2 * n_workers
        after = 0
        exhausted = False
        pending = as_completed()

        def submit_next() -> bool:
            nonlocal after
            began = time.perf_counter()
            with runtime.sessions() as session:
                inputs = unread_batch(session, batch, after, only)
            summary.fetch_s += time.perf_counter() - began
            if not inputs:
                return False
            after = int(inputs[-1].id)
            pending.add(client.submit(read_batch_task, inputs, version, pure=False))
            return True

        while pending.count() < in_flight_max and not exhausted:
            exhausted = not submit_next()
        waited = time.perf_counter()
        for future in pending:
            rows = future.result()
            began = time.perf_counter()
            summary.wait_s += began - waited
            # One transaction per batch, as the in-process engine does.
            with runtime.sessions() as session, session.begin():
                saved = save_rows(session, rows, only)
            summary.save_s += time.perf_counter() - began
            summary.batches += 1
            summary.documents += len(saved)
            summary.events += len(saved.events)
            future.release()
            if progress:
                progress(summary.documents, total)
            if not exhausted:
                exhausted = not submit_next()
            waited = time.perf_counter()
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    return summary


def worker_peak_memory(client) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Peak resident memory (bytes) of each worker process so far."""
    return client.run(_peak_rss)


def _peak_rss() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
