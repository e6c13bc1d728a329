"""Backup and restore of the whole database, on SQLite and on PostgreSQL.

SQLite uses the online backup API: the copy is a consistent snapshot even while
the web app or an ingest writes, and it is checked with ``PRAGMA
integrity_check`` before it is kept. PostgreSQL uses ``pg_dump``/``pg_restore``
from Debian's ``postgresql-client`` in the custom format; a restore runs in one
transaction, so a failed restore leaves the old database as it was.

Neither side overwrites anything (backup file or non-empty database) unless
asked with ``force``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from wiqaya.errors import ConfigError, ConflictError, DatabaseError, InputError
from wiqaya.store.engine import is_sqlite, normalise_url

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# Pages copied per step of the online backup: small steps let writers in between.
SQLITE_BACKUP_PAGES = 1024
PG_TOOL_TIMEOUT_S = 3600


@dataclass(frozen=True)
class BackupResult:
    path: Path
    backend: str
    size_bytes: int


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ConfigError("an in-memory SQLite database cannot be backed up or restored")
    return Path(database).expanduser()


def _check_out_path(out: Path, force: bool) -> None:
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name", code="E-BAK-001")
    if out.exists() and not force:
        raise ConflictError(f"{out} already exists; use --force to overwrite it", code="E-BAK-002")
    if not out.parent.exists():
        raise InputError(f"folder {out.parent} does not exist", code="E-BAK-003")


def _integrity(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return [r[0] for r in rows if r[0] != "ok"]


def sniff_format(path: Path) -> str:
    """``sqlite`` or ``pg_custom`` from the file's first bytes; InputError otherwise."""
    if not path.is_file():
        raise InputError(f"backup file {path} does not exist", code="E-BAK-004")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "pg_custom"
    raise InputError(
        f"{path} is neither a SQLite database nor a pg_dump custom-format archive",
        code="E-BAK-005",
    )


# ---------------------------------------------------------------- SQLite


def _sqlite_copy(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    src.backup(dst, pages=SQLITE_BACKUP_PAGES)


def backup_sqlite(url: str, out: Path, *, force: bool = False) -> BackupResult:
    db = _sqlite_path(url)
    if not db.is_file():
        raise InputError(f"no database at {db}", code="E-BAK-006")
    _check_out_path(out, force)
    # Write beside the target and rename: a crash never leaves a half backup at `out`.
    fd, tmp_name = tempfile.mkstemp(prefix=".wiqaya-backup-", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(db, timeout=30)
        dst = sqlite3.connect(tmp)
        try:
            _sqlite_copy(src, dst)
            # A standalone file is easier to move around than one with a WAL beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
            problems = _integrity(dst)
        finally:
            dst.close()
            src.close()
        if problems:
            raise DatabaseError(
                "the backup failed its integrity check: " + "; ".join(problems[:5]),
                code="E-BAK-007",
            )
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(out, "sqlite", out.stat().st_size)


def _sqlite_has_data(conn: sqlite3.Connection) -> bool:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for name in tables:
        if name == "alembic_version":
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        if conn.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone():
            return True
    return False


def restore_sqlite(url: str, src_path: Path, *, force: bool = False) -> None:
    db = _sqlite_path(url)
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
    try:
        try:
            problems = _integrity(src)
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{src_path} is not a readable SQLite database: {exc}") from exc
        if problems:
            raise InputError(
                f"{src_path} fails its integrity check: " + "; ".join(problems[:5]),
                code="E-BAK-008",
            )
        db.parent.mkdir(parents=True, exist_ok=True)
        dst = sqlite3.connect(db, timeout=30)
        try:
            if _sqlite_has_data(dst) and not force:
                raise ConflictError(
                    f"the database at {db} holds data; use --force to replace it",
                    code="E-BAK-009",
                )
            # The backup API replaces the target page by page under its own lock,
            # so other connections see either the old or the new database.
            _sqlite_copy(src, dst)
            problems = _integrity(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if problems:
        raise DatabaseError(
            "the restored database fails its integrity check: " + "; ".join(problems[:5]),
            code="E-BAK-010",
        )


# ---------------------------------------------------------------- PostgreSQL


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise ConfigError(
            f"`{name}` was not found on PATH; install Debian's postgresql-client "
            "(apt-get install postgresql-client) with a major version at least the server's",
            code="E-BAK-011",
        )
    return path


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string without the password, and the environment carrying it.

    The password goes through PGPASSWORD so it never shows in ``ps``.
    """
    parsed: URL = make_url(normalise_url(url))
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    bare = parsed.set(drivername="postgresql", password=None)
    return bare.render_as_string(hide_password=False), env


def _run(cmd: list[str], env: dict[str, str], *, stdin: bytes | None = None) -> None:
    try:
        proc = subprocess.run(
            cmd,
            input=stdin,
            env=env,
            capture_output=True,
            timeout=PG_TOOL_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DatabaseError(f"{Path(cmd[0]).name} timed out", code="E-BAK-012") from exc
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise DatabaseError(
            f"{Path(cmd[0]).name} failed (exit {proc.returncode}): " + " | ".join(tail),
            code="E-BAK-013",
        )


def backup_postgres(url: str, out: Path, *, force: bool = False) -> BackupResult:
    pg_dump = _pg_tool("pg_dump")
    _check_out_path(out, force)
    conn, env = _libpq(url)
    fd, tmp_name = tempfile.mkstemp(prefix=".wiqaya-backup-", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # pg_dump runs in one repeatable-read snapshot: consistent while the app writes.
        _run(
            [pg_dump, "--format=custom", "--no-owner", "--no-privileges", "-f", str(tmp), conn],
            env,
        )
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(out, "postgresql", out.stat().st_size)


_DROP_PUBLIC = """
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', r.tablename);
  END LOOP;
  FOR r IN SELECT sequence_name FROM information_schema.sequences
           WHERE sequence_schema = 'public' LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', r.sequence_name);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype = 'e' LOOP
    EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname);
  END LOOP;
END $$;
"""


def _pg_has_data(url: str) -> bool:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
            for name in list(tables):
                if name == "alembic_version":
                    continue
                quoted = '"' + name.replace('"', '""') + '"'
                if conn.execute(text(f"SELECT 1 FROM public.{quoted} LIMIT 1")).first():
                    return True
        return False
    finally:
        engine.dispose()


def restore_postgres(url: str, src_path: Path, *, force: bool = False) -> None:
    pg_restore = _pg_tool("pg_restore")
    psql = _pg_tool("psql")
    conn, env = _libpq(url)
    if _pg_has_data(url) and not force:
        raise ConflictError(
            "the target PostgreSQL database holds data; use --force to replace it",
            code="E-BAK-009",
        )
    # pg_restore turns the archive into SQL; psql applies it after dropping the
    # current tables, all in ONE transaction: any error rolls everything back.
    with tempfile.TemporaryDirectory(prefix="wiqaya-restore-") as tmpdir:
        script = Path(tmpdir) / "restore.sql"
        _run([pg_restore, "--no-owner", "--no-privileges", "-f", str(script), str(src_path)], env)
        body = _DROP_PUBLIC.encode() + script.read_bytes()
    _run(
        [
            psql,
            "--quiet",
            "--no-psqlrc",
            "-v",
            "ON_ERROR_STOP=1",
            "--single-transaction",
            "-d",
            conn,
            "-f",
            "-",
        ],
        env,
        stdin=body,
    )


# ---------------------------------------------------------------- entry points


def backup(url: str, out: Path, *, force: bool = False) -> BackupResult:
    url = normalise_url(url)
    if is_sqlite(url):
        return backup_sqlite(url, out, force=force)
    return backup_postgres(url, out, force=force)


def restore(url: str, src_path: Path, *, force: bool = False) -> str:
    """Restore ``src_path`` into the database at ``url``; returns the back end used."""
    url = normalise_url(url)
    fmt = sniff_format(src_path)
    if is_sqlite(url):
        if fmt != "sqlite":
            raise InputError(
                f"{src_path} is a PostgreSQL archive but the database is SQLite",
                code="E-BAK-014",
            )
        restore_sqlite(url, src_path, force=force)
        return "sqlite"
    if fmt != "pg_custom":
        raise InputError(
            f"{src_path} is a SQLite file but the database is PostgreSQL", code="E-BAK-014"
        )
    restore_postgres(url, src_path, force=force)
    return "postgresql"
