"""Crash-consistency harness: SIGKILL ``wiqaya ingest`` / ``wiqaya read`` at random moments.

For each seed, on a fresh database: start the real command as a separate
process, kill it with SIGKILL at a random moment within its normal running
time, then check the database (:func:`wiqaya.store.consistency.check`: engine
integrity, no half-stored document, no half-read document), run the command
again to completion, check again and compare every table count with a
reference run that was never interrupted. Counts must be EXACTLY equal.

``benchmarks/crash.py`` runs 50+ seeds; the test suite runs a few.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import wiqaya
from wiqaya.store.consistency import check, table_counts
from wiqaya.store.engine import make_engine, normalise_url
from wiqaya.store.migrate import upgrade

SRC = Path(wiqaya.__file__).resolve().parents[1]
SOURCE = "crash-corpus"
# Small batches: many commits per run, so a kill lands between and inside them.
BATCH = 20
COMMAND_TIMEOUT_S = 600


def stage_available(stage: str) -> bool:
    """Whether this build has the stage's command (read arrives with the read stage)."""
    import importlib.util

    module = {"ingest": "wiqaya.sift.pipeline", "read": "wiqaya.read.pipeline"}[stage]
    return importlib.util.find_spec(module) is not None


def stage_command(stage: str, corpus: Path) -> list[str]:
    base = [sys.executable, "-m", "wiqaya"]
    if stage == "ingest":
        return [*base, "ingest", str(corpus), "--source", SOURCE, "--no-progress"]
    if stage == "read":
        return [*base, "read", "--batch", str(BATCH)]
    raise ValueError(f"unknown stage {stage!r}")


@dataclass
class SeedResult:
    seed: int
    stage: str
    trigger: str  # when the kill was aimed: "2.31s" or "sightings>=120"
    killed: bool
    progress_at_kill: int  # rows of the stage's progress table present after the kill
    progress_total: int  # ... and after a complete run
    problems: list[str] = field(default_factory=list)

    @property
    def mid_work(self) -> bool:
        """Killed with some but not all of the work stored: the interesting case."""
        return self.killed and 0 < self.progress_at_kill < self.progress_total

    @property
    def ok(self) -> bool:
        return not self.problems


class Databases:
    """Fresh migrated databases from one template (SQLite file copy or PG TEMPLATE)."""

    def __init__(self, workdir: Path, pg_admin: str | None = None) -> None:
        self.workdir = workdir
        self.pg_admin = normalise_url(pg_admin) if pg_admin else None
        self._template: str | None = None

    def _pg(self, sql: str) -> None:
        assert self.pg_admin
        engine = create_engine(self.pg_admin, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    def _pg_url(self, name: str) -> str:
        assert self.pg_admin
        return make_url(self.pg_admin).set(database=name).render_as_string(hide_password=False)

    def template(self) -> str:
        if self._template is None:
            if self.pg_admin:
                name = f"wiqaya_crash_tpl_{uuid.uuid4().hex[:8]}"
                self._pg(f'CREATE DATABASE "{name}"')
                upgrade(self._pg_url(name))
                self._template = name
            else:
                path = self.workdir / "template.db"
                upgrade(f"sqlite:///{path}")
                self._template = str(path)
        return self._template

    @contextmanager
    def fresh(self, label: str) -> Iterator[str]:
        template = self.template()
        if self.pg_admin:
            name = f"wiqaya_crash_{label}_{uuid.uuid4().hex[:8]}"
            self._pg(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            try:
                yield self._pg_url(name)
            finally:
                self._pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            folder = self.workdir / label
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "wiqaya.db"
            shutil.copyfile(template, path)
            try:
                yield f"sqlite:///{path}"
            finally:
                shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        if self.pg_admin and self._template:
            self._pg(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')


def _env(url: str, home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "WIQAYA_DATABASE_URL": url,
        "WIQAYA_HOME": str(home),
        "WIQAYA_INGEST_BATCH": str(BATCH),
        "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }


def run_to_end(stage: str, corpus: Path, url: str, home: Path) -> float:
    """Run ``stage`` to completion; its wall time. Raises on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.run(
        stage_command(stage, corpus),
        env=_env(url, home),
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"`wiqaya {stage}` failed ({proc.returncode}): {proc.stderr[-1500:]}")
    return time.perf_counter() - start


# The table whose growth shows a stage is working: kills can be aimed at its progress.
PROGRESS_TABLE = {"ingest": "sightings", "read": "document_reads"}


def _rows(engine, table: str) -> int:  # type: ignore[no-untyped-def]
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    except Exception:  # a busy database mid-commit: just look again
        return -1


def run_and_kill(
    stage: str,
    corpus: Path,
    url: str,
    home: Path,
    *,
    after_s: float | None = None,
    after_rows: int | None = None,
) -> bool:
    """Start ``stage`` and SIGKILL it after ``after_s`` seconds or once its progress
    table holds ``after_rows`` rows; False when it finished first."""
    proc = subprocess.Popen(
        stage_command(stage, corpus),
        env=_env(url, home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if after_rows is None:
            try:
                proc.wait(timeout=after_s)
                return False
            except subprocess.TimeoutExpired:
                pass
        else:
            engine = make_engine(url)
            try:
                deadline = time.monotonic() + COMMAND_TIMEOUT_S
                while _rows(engine, PROGRESS_TABLE[stage]) < after_rows:
                    if proc.poll() is not None:
                        return False
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.01)
            finally:
                engine.dispose()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@dataclass
class Reference:
    counts: dict[str, dict[str, int]]  # stage -> table counts after that stage
    seconds: dict[str, float]


class Harness:
    def __init__(
        self,
        workdir: Path,
        corpus: Path,
        stages: tuple[str, ...] = ("ingest",),
        pg_admin: str | None = None,
    ) -> None:
        self.workdir = workdir
        self.corpus = corpus
        self.stages = stages
        self.dbs = Databases(workdir, pg_admin)
        self.home = workdir / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self._reference: Reference | None = None

    def _counts(self, url: str) -> dict[str, int]:
        engine = make_engine(url)
        try:
            return table_counts(engine)
        finally:
            engine.dispose()

    def _check(self, url: str) -> list[str]:
        engine = make_engine(url)
        try:
            return check(engine)
        finally:
            engine.dispose()

    def reference(self) -> Reference:
        """Counts after an uninterrupted run of each stage (and its wall time)."""
        if self._reference is None:
            counts: dict[str, dict[str, int]] = {}
            seconds: dict[str, float] = {}
            with self.dbs.fresh("reference") as url:
                for stage in self.stages:
                    seconds[stage] = run_to_end(stage, self.corpus, url, self.home)
                    counts[stage] = self._counts(url)
                    problems = self._check(url)
                    if problems:
                        raise RuntimeError(f"the reference run is inconsistent: {problems}")
            self._reference = Reference(counts, seconds)
        return self._reference

    def run_seed(self, seed: int) -> list[SeedResult]:
        """One seed: for each stage, kill it at a random moment, check, finish, compare."""
        ref = self.reference()
        rng = random.Random(seed)
        results: list[SeedResult] = []
        with self.dbs.fresh(f"seed{seed}") as url:
            for stage in self.stages:
                before = self._counts(url)
                progress_table = PROGRESS_TABLE[stage]
                total = ref.counts[stage][progress_table] - before.get(progress_table, 0)
                if seed % 2 == 0 or total <= BATCH + 1:
                    # A random moment in time, from start-up to the end of a normal run.
                    when = rng.uniform(0.05, ref.seconds[stage] * 1.05)
                    killed = run_and_kill(stage, self.corpus, url, self.home, after_s=when)
                    trigger = f"{when:.2f}s"
                else:
                    # A random point in the work itself, so the kill lands mid-stage: stop
                    # a whole batch short of the end, since rows appear a batch at a time.
                    rows = before.get(progress_table, 0) + rng.randint(1, total - BATCH)
                    killed = run_and_kill(stage, self.corpus, url, self.home, after_rows=rows)
                    trigger = f"{progress_table}>={rows}"
                after = self._counts(url)
                done = after.get(progress_table, 0) - before.get(progress_table, 0)
                result = SeedResult(seed, stage, trigger, killed, done, total)
                result.problems += [f"after kill: {p}" for p in self._check(url)]
                try:
                    run_to_end(stage, self.corpus, url, self.home)
                except RuntimeError as exc:
                    result.problems.append(f"re-run failed: {exc}")
                result.problems += [f"after re-run: {p}" for p in self._check(url)]
                got = self._counts(url)
                want = ref.counts[stage]
                for table in sorted(set(got) | set(want)):
                    if got.get(table) != want.get(table):
                        result.problems.append(
                            f"count of {table}: {got.get(table)} after re-run, "
                            f"{want.get(table)} in the uninterrupted run"
                        )
                results.append(result)
        return results

    def run(
        self, seeds: list[int], on_result: Callable[[SeedResult], None] | None = None
    ) -> list[SeedResult]:
        out: list[SeedResult] = []
        for seed in seeds:
            for result in self.run_seed(seed):
                out.append(result)
                if on_result:
                    on_result(result)
        return out

    def close(self) -> None:
        self.dbs.close()
