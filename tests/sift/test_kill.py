"""A real ``wiqaya ingest`` killed mid-run leaves a consistent database and resumes.

The child is a separate process killed by SIGKILL (no clean-up runs at all) or
interrupted by SIGINT (Ctrl-C); the re-run must finish the job and end with
exactly what one uninterrupted run stores.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wiqaya.config import Settings
from wiqaya.runtime import Runtime, open_runtime
from wiqaya.sift.pipeline import IngestOptions, ingest_paths
from wiqaya.store.models.sift import Document, LshBand, Sighting

from .corpus import SENTENCES, csv_text, write
from .helpers import counts

SRC = Path(__file__).resolve().parents[2] / "src"
FILES, ROWS = 12, 250


def corpus(root: Path) -> int:
    for f in range(FILES):
        rows = [[f"{f}-{r}", SENTENCES[f * ROWS + r]] for r in range(ROWS)]
        write(root / f"part{f:02d}.csv", csv_text(["id", "text"], rows))
    return FILES * ROWS


def _cli(args: list[str], env: dict[str, str]) -> list[str]:
    return [sys.executable, "-m", "wiqaya", *args]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_killed_ingest_resumes_to_the_same_result(
    runtime: Runtime, cli_env: dict[str, str], tmp_path: Path, sig: signal.Signals
) -> None:
    total = corpus(tmp_path / "in")
    env = {**os.environ, **cli_env, "PYTHONPATH": str(SRC), "WIQAYA_INGEST_BATCH": "25"}
    args = ["ingest", str(tmp_path / "in"), "--source", "wire", "--no-progress"]
    child = subprocess.Popen(
        _cli(args, env), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and child.poll() is None:
        seen = counts(runtime)["sightings"]
        if seen > 0:
            break
        time.sleep(0.02)
    assert child.poll() is None, "the ingest finished before it could be interrupted"
    child.send_signal(sig)
    _, err = child.communicate(timeout=60)
    if sig == signal.SIGKILL:
        assert child.returncode == -signal.SIGKILL
    else:
        assert child.returncode == 130, err.decode()[-3000:]
        assert b"Traceback" not in err and b"run again to resume" in err

    partial = counts(runtime)
    assert 0 < partial["sightings"] < total
    assert partial["ingested_files"] < FILES
    _assert_consistent(runtime)

    rerun = subprocess.run(_cli(args, env), env=env, capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    final = counts(runtime)
    assert final["sightings"] == total
    assert final["ingested_files"] == FILES
    _assert_consistent(runtime)

    # The same corpus in one uninterrupted run, in-process, on a fresh SQLite file.
    clean_settings = Settings(home=tmp_path / "clean", database_url="")
    clean = open_runtime(clean_settings, migrate=True)
    try:
        ingest_paths(clean, [tmp_path / "in"], source="wire", options=IngestOptions())
        assert counts(clean) == final
    finally:
        clean.close()


def _assert_consistent(runtime: Runtime) -> None:
    with runtime.sessions() as session:
        documents = session.scalar(select(func.count()).select_from(Document))
        firsts = session.scalar(select(func.count()).where(Sighting.kind == "first"))
        orphans = session.scalar(
            select(func.count())
            .select_from(Document)
            .where(~select(Sighting.id).where(Sighting.document_id == Document.id).exists())
        )
        unbanded = session.scalar(
            select(func.count())
            .select_from(Document)
            .where(~select(LshBand.band_key).where(LshBand.document_id == Document.id).exists())
        )
    assert documents == firsts
    assert orphans == 0 and unbanded == 0
