"""The running installation: settings, engine and sessions, built once per process.

CLI commands and the web app both start from :func:`open_runtime`, so they
see the same database and the same checks (migrated or not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from wiqaya.config import DEFAULT_DB_POOL_SIZE, Settings, load_settings
from wiqaya.errors import DatabaseError
from wiqaya.security.secrets import Keys
from wiqaya.store.engine import make_engine, session_factory
from wiqaya.store.migrate import pending_heads, upgrade


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)

    @property
    def url(self) -> str:
        return self.settings.resolved_database_url

    @property
    def keys(self) -> Keys:
        """Keys derived from the install secret (generated on first use)."""
        from wiqaya.store.audit import keys_for_home

        return keys_for_home(self.settings.home)

    def close(self) -> None:
        self.engine.dispose()


def open_runtime(
    settings: Settings | None = None, *, migrate: bool = True, pool_size: int | None = None
) -> Runtime:
    """Open the database; migrate it first when ``migrate`` (the embedded default does).

    ``pool_size`` is the PostgreSQL connection pool for this kind of process
    (the web server asks for more); ``WIQAYA_DB_POOL_SIZE`` overrides it.
    """
    settings = settings or load_settings()
    url = settings.resolved_database_url
    if migrate:
        try:
            upgrade(url)
        except OperationalError as exc:
            raise DatabaseError(f"cannot migrate the database at {url}: {exc.orig}") from exc
    engine = make_engine(url, pool_size=settings.db_pool_size or pool_size or DEFAULT_DB_POOL_SIZE)
    if not migrate:
        try:
            missing = pending_heads(engine, url)
        except OperationalError as exc:
            raise DatabaseError(f"cannot open the database at {url}: {exc.orig}") from exc
        if missing:
            raise DatabaseError(
                f"the database at {url} is not migrated; run `wiqaya db upgrade` first",
                code="E-DB-002",
            )
    return Runtime(
        settings=settings, engine=engine, sessions=session_factory(engine, settings.home)
    )
