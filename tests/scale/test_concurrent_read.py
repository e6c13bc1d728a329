"""Two `wiqaya read` runs on the same database at once: each document is coded once.

Both runs fetch the same unread batches; the write step locks and re-checks,
so the later writer skips what the earlier one stored. The result must equal
one clean run: same readings, same events, both processes exit 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from wiqaya.scale.corpus import build_corpus
from wiqaya.scale.crashtest import SRC
from wiqaya.store.consistency import check
from wiqaya.store.engine import make_engine
from wiqaya.store.migrate import upgrade


def _run(url: str, home: Path, *args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "WIQAYA_DATABASE_URL": url,
        "WIQAYA_HOME": str(home),
        "PYTHONPATH": str(SRC),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "wiqaya", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _ok(p: subprocess.Popen[str]) -> None:
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, (out + err)[-2000:]


def _reading(url: str) -> tuple[int, list[tuple]]:
    engine = make_engine(url)
    try:
        assert check(engine) == []
        with engine.connect() as conn:
            reads = conn.execute(text("SELECT count(*) FROM document_reads")).scalar_one()
            # Compare by content, not by id: the two databases number rows alike
            # only because they ingest the same corpus in the same order.
            events = conn.execute(
                text(
                    "SELECT d.content_hash, e.event_type, e.evidence, e.source_country, "
                    "e.target_country FROM events e JOIN documents d ON d.id = e.document_id "
                    "ORDER BY 1, 2, 3, 4, 5"
                )
            ).all()
        return reads, [tuple(r) for r in events]
    finally:
        engine.dispose()


def test_two_concurrent_reads_code_each_document_once(db_url: str, tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path / "corpus", documents=240, files=2, seed=5)
    ref_url = f"sqlite:///{tmp_path / 'ref.db'}"
    upgrade(ref_url)
    for url in (ref_url, db_url):
        _ok(_run(url, tmp_path, "ingest", str(corpus), "--source", "race", "--no-progress"))
    _ok(_run(ref_url, tmp_path, "read", "--batch", "10"))
    want = _reading(ref_url)
    assert want[0] > 100 and want[1], "the reference run must code documents and find events"

    # Small batches: many interleaved write transactions over the same documents.
    runs = [_run(db_url, tmp_path, "read", "--batch", "10") for _ in range(2)]
    for p in runs:
        _ok(p)
    assert _reading(db_url) == want
