"""Settings, read once from the environment; safe, bounded defaults as named constants.

Nothing here touches the network or the database: it only says where things are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_HOME = Path.home() / ".wiqaya"
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_BYTES = 500 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_MEMBERS = 10_000
# A zip member that expands more than this many times its compressed size is a bomb.
DEFAULT_MAX_COMPRESSION_RATIO = 200
# Records per ingest transaction: bigger amortises index writes (random band keys),
# smaller redoes less after a crash (nothing is lost either way).
DEFAULT_INGEST_BATCH = 5000
# PostgreSQL connections kept open per process (plus as many again on demand).
# A CLI command needs few; a web server worker runs up to 40 requests at once
# (the ASGI thread pool), and a pool smaller than that opened and closed a
# connection per request beyond it under load (PostgreSQL authenticates each).
DEFAULT_DB_POOL_SIZE = 5
SERVER_DB_POOL_SIZE = 15
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

# The bundled real data lives inside the package so a wheel install has it too.
PACKAGE_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: DEFAULT_HOME)
    database_url: str = ""
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES
    max_archive_members: int = DEFAULT_MAX_ARCHIVE_MEMBERS
    max_compression_ratio: int = DEFAULT_MAX_COMPRESSION_RATIO
    ingest_batch: int = DEFAULT_INGEST_BATCH
    # None: the default for the kind of process (see open_runtime's ``pool_size``).
    db_pool_size: int | None = None

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'wiqaya.db'}"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number of bytes or items, got {raw!r}") from exc
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def load_settings() -> Settings:
    home = Path(os.environ.get("WIQAYA_HOME") or DEFAULT_HOME).expanduser()
    return Settings(
        home=home,
        database_url=os.environ.get("WIQAYA_DATABASE_URL", "").strip(),
        max_file_bytes=_int_env("WIQAYA_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
        max_archive_bytes=_int_env("WIQAYA_MAX_ARCHIVE_BYTES", DEFAULT_MAX_ARCHIVE_BYTES),
        max_archive_members=_int_env("WIQAYA_MAX_ARCHIVE_MEMBERS", DEFAULT_MAX_ARCHIVE_MEMBERS),
        max_compression_ratio=_int_env(
            "WIQAYA_MAX_COMPRESSION_RATIO", DEFAULT_MAX_COMPRESSION_RATIO
        ),
        ingest_batch=_int_env("WIQAYA_INGEST_BATCH", DEFAULT_INGEST_BATCH),
        db_pool_size=_int_env("WIQAYA_DB_POOL_SIZE", 0) or None,
    )
