"""Backup and restore round trips on SQLite and PostgreSQL, and their refusals."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from wiqaya.errors import ConfigError, ConflictError, InputError
from wiqaya.runtime import Runtime
from wiqaya.store.backup import backup, restore
from wiqaya.store.models.sift import Document, Source

ARABIC = "تظاهر مئات الطلاب أمام مبنى البرلمان في بغداد احتجاجاً على البطالة."
ROOT = Path(__file__).resolve().parents[2]


def _add_documents(runtime: Runtime, n: int) -> None:
    with runtime.sessions.begin() as session:
        source = Source(name="backup-test")
        session.add(source)
        session.flush()
        for i in range(n):
            body = f"{ARABIC} ({i})"
            digest = hashlib.sha256(body.encode()).hexdigest()
            session.add(
                Document(
                    source_id=source.id,
                    text=body,
                    lang="ar",
                    content_hash=digest,
                    text_sha256=digest,
                )
            )


def _texts(runtime: Runtime) -> list[str]:
    with runtime.sessions() as session:
        return list(session.scalars(select(Document.text).order_by(Document.id)))


def test_round_trip(runtime: Runtime, tmp_path: Path) -> None:
    _add_documents(runtime, 5)
    before = _texts(runtime)
    out = tmp_path / "snap.backup"
    result = backup(runtime.url, out)
    assert result.size_bytes > 0 and out.is_file()

    # Lose data after the backup, then restore and get exactly the snapshot back.
    with runtime.sessions.begin() as session:
        session.execute(delete(Document).where(Document.id > 2))
    assert len(_texts(runtime)) == 2
    runtime.engine.dispose()
    restore(runtime.url, out, force=True)
    runtime.engine.dispose()
    assert _texts(runtime) == before
    # The restored database is still usable for writes (sequences restored on PostgreSQL).
    _add_more = Source(name="after-restore")
    with runtime.sessions.begin() as session:
        session.add(_add_more)
    with runtime.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Source)) == 2


def test_refuses_to_overwrite(runtime: Runtime, tmp_path: Path) -> None:
    _add_documents(runtime, 1)
    out = tmp_path / "snap.backup"
    out.write_bytes(b"precious")
    with pytest.raises(ConflictError):
        backup(runtime.url, out)
    assert out.read_bytes() == b"precious"
    backup(runtime.url, out, force=True)
    assert out.read_bytes() != b"precious"
    # Restoring over a database that holds data needs --force too.
    runtime.engine.dispose()
    with pytest.raises(ConflictError):
        restore(runtime.url, out)


def test_restore_rejects_foreign_files(runtime: Runtime, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01not a backup" * 10)
    with pytest.raises(InputError):
        restore(runtime.url, junk, force=True)
    with pytest.raises(InputError):
        restore(runtime.url, tmp_path / "missing.backup", force=True)


def test_sqlite_backup_is_consistent_while_writing(tmp_path: Path) -> None:
    """A backup taken while another connection holds an open write has only committed rows."""
    db = tmp_path / "live.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('committed')")
    conn.commit()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t VALUES ('uncommitted')")
    out = tmp_path / "live.backup"
    backup(f"sqlite:///{db}", out)
    conn.rollback()
    conn.close()
    copy = sqlite3.connect(out)
    assert copy.execute("SELECT x FROM t").fetchall() == [("committed",)]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()


def test_sqlite_restore_rejects_corrupt_file(tmp_path: Path) -> None:
    src = tmp_path / "src.db"
    conn = sqlite3.connect(src)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    raw = bytearray(src.read_bytes())
    # Keep the header (so it still looks like SQLite) but wreck a b-tree page.
    raw[4096 + 10 : 4096 + 200] = b"\xff" * 190
    src.write_bytes(bytes(raw))
    with pytest.raises(InputError):
        restore(f"sqlite:///{tmp_path / 'target.db'}", src)


@pytest.mark.postgres
def test_pg_tools_missing_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConfigError) as info:
        backup("postgresql://u:p@127.0.0.1/x", tmp_path / "x.backup")
    assert "postgresql-client" in info.value.message


def test_cli_backup_and_restore(runtime: Runtime, cli_env: dict[str, str], tmp_path: Path) -> None:
    _add_documents(runtime, 3)
    runtime.engine.dispose()
    env = {**os.environ, **cli_env, "PYTHONPATH": str(ROOT / "src")}
    out = tmp_path / "cli.backup"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "wiqaya", *args], env=env, capture_output=True, text=True
        )

    first = run("backup", str(out))
    assert first.returncode == 0, first.stderr
    again = run("backup", str(out))
    assert again.returncode != 0
    assert "E-BAK-002" in again.stderr and "Traceback" not in again.stderr
    refused = run("restore", str(out))
    assert refused.returncode != 0 and "E-BAK-009" in refused.stderr
    done = run("restore", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert len(_texts(runtime)) == 3
