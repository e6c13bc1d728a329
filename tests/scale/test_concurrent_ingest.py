"""Two ingest processes on the same input at once: no duplicates, no failures.

Unique constraints decide who stores a document; the loser's batch is rolled
back and retried (wiqaya.store.retry), so the result equals one clean run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from wiqaya.scale.corpus import build_corpus
from wiqaya.scale.crashtest import SRC
from wiqaya.store.consistency import check, table_counts
from wiqaya.store.engine import make_engine
from wiqaya.store.migrate import upgrade


def _ingest(url: str, corpus: Path, home: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "WIQAYA_DATABASE_URL": url,
        "WIQAYA_HOME": str(home),
        # Small batches: many interleaved transactions racing for the same keys.
        "WIQAYA_INGEST_BATCH": "15",
        "PYTHONPATH": str(SRC),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wiqaya",
            "ingest",
            str(corpus),
            "--source",
            "race",
            "--no-progress",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_concurrent_ingests_store_each_document_once(db_url: str, tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path / "corpus", documents=300, files=4, seed=11)
    # Reference: one uninterrupted run on its own SQLite database.
    ref_url = f"sqlite:///{tmp_path / 'ref.db'}"
    upgrade(ref_url)
    ref = _ingest(ref_url, corpus, tmp_path)
    assert ref.wait(timeout=300) == 0, ref.stderr.read() if ref.stderr else ""
    ref_engine = make_engine(ref_url)
    want = table_counts(ref_engine)
    ref_engine.dispose()

    first, second = _ingest(db_url, corpus, tmp_path), _ingest(db_url, corpus, tmp_path)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == 0, outs[0][1][-2000:]
    assert second.returncode == 0, outs[1][1][-2000:]

    engine = make_engine(db_url)
    try:
        assert check(engine) == []
        got = table_counts(engine)
        for table in ("documents", "sightings", "lsh_bands", "ingested_files", "quarantine"):
            assert got[table] == want[table], table
        with engine.connect() as conn:
            repeated = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT content_hash FROM documents "
                    "GROUP BY content_hash HAVING count(*) > 1) AS d"
                )
            ).scalar_one()
        assert repeated == 0
    finally:
        engine.dispose()
