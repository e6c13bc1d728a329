"""Shared fixtures: a fresh, migrated database per test, on SQLite and on real PostgreSQL.

``runtime`` is parametrised over both back ends. PostgreSQL comes from
``WIQAYA_TEST_PG_URL`` (the test command starts a local server and sets it);
without it the PostgreSQL half fails loudly, unless ``WIQAYA_TEST_SKIP_PG=1``
says on purpose that this run is SQLite only.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from wiqaya.config import Settings
from wiqaya.runtime import Runtime, open_runtime
from wiqaya.store.engine import normalise_url
from wiqaya.store.migrate import upgrade

PG_ENV = "WIQAYA_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _pg_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("WIQAYA_TEST_SKIP_PG") == "1":
            pytest.skip("PostgreSQL disabled for this run by WIQAYA_TEST_SKIP_PG=1")
        pytest.fail(f"{PG_ENV} is not set: run the suite with `make test`, which starts PostgreSQL")
    return normalise_url(url)


def _pg_exec(admin_url: str, sql: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    admin = _pg_admin_url()
    name = f"wiqaya_tpl_{uuid.uuid4().hex[:10]}"
    _pg_exec(admin, f'CREATE DATABASE "{name}"')
    upgrade(make_url(admin).set(database=name).render_as_string(hide_password=False))
    yield name
    _drop_database(admin, name)


def _create_from_template(admin: str, name: str, template: str) -> None:
    """CREATE DATABASE ... TEMPLATE, retried while something (autovacuum, a pool
    closing) briefly holds a connection to the template, which PostgreSQL refuses."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    for attempt in range(20):
        try:
            _pg_exec(admin, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            return
        except (OperationalError, ProgrammingError) as exc:
            if "being accessed by other users" not in str(exc) or attempt == 19:
                raise
            time.sleep(0.25)


def _drop_database(admin: str, name: str) -> None:
    """DROP DATABASE ... WITH (FORCE), retried: FORCE cannot end an autovacuum worker
    that happens to be in the database, and PostgreSQL then refuses the drop."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    for attempt in range(40):
        try:
            _pg_exec(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (OperationalError, ProgrammingError) as exc:
            transient = "being accessed by other users" in str(
                exc
            ) or "member of the role whose process is being terminated" in str(exc)
            if not transient or attempt == 39:
                raise
            time.sleep(0.25)


def make_database(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of a fresh, fully migrated database on ``backend``."""
    if backend == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "wiqaya.db"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("pg_template")
    admin = _pg_admin_url()
    name = f"wiqaya_t_{uuid.uuid4().hex[:12]}"
    _create_from_template(admin, name, template)
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(admin, name)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from make_database(request, request.param, tmp_path)


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", database_url=db_url)


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    rt = open_runtime(settings, migrate=False)
    yield rt
    rt.close()


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for running the CLI against this test's database."""
    monkeypatch.setenv("WIQAYA_HOME", str(settings.home))
    monkeypatch.setenv("WIQAYA_DATABASE_URL", settings.database_url)
    return {"WIQAYA_HOME": str(settings.home), "WIQAYA_DATABASE_URL": settings.database_url}


SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only data sets beside the repository (tests and benchmarks only)."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"shared data not found at {SHARED_DATA}; clone the repo beside shared/")
    return SHARED_DATA


# --- logging in, for page and API tests (security) ---------------------------------
#
#   def test_my_page(app_client):
#       client = app_client("viewer")           # logged in through the real /login form
#       assert client.get("/my-page").status_code == 200
#       client.post("/my-form", data={...})     # X-CSRF-Token header already set
#
#   def test_my_api(app_client, api_token):
#       client = app_client(None)               # anonymous
#       token = api_token("analyst")
#       client.get("/api/v1/x", headers={"Authorization": f"Bearer {token}"})
#
# Each call creates a fresh user of that role (``make_user`` returns (name, password)).


@pytest.fixture
def make_user(runtime: Runtime):  # type: ignore[no-untyped-def]
    from wiqaya.store.engine import transaction
    from wiqaya.store.security import add_user

    made: list[str] = []

    def _make(role: str, username: str | None = None) -> tuple[str, str]:
        name = username or f"test-{role}-{len(made) + 1}"
        password = f"pw-{uuid.uuid4().hex}"
        with transaction(runtime.sessions) as session:
            add_user(session, name, role, password)
        made.append(name)
        return name, password

    return _make


@pytest.fixture
def app_client(runtime: Runtime, make_user):  # type: ignore[no-untyped-def]
    """Factory: ``app_client(role)`` → a TestClient logged in as a new user of ``role``
    (``None`` → anonymous). ``client.csrf_token`` holds the session's CSRF token,
    also sent by default as the ``X-CSRF-Token`` header."""
    import re

    from fastapi.testclient import TestClient

    from wiqaya.web.app import create_app

    app = create_app(runtime)
    clients: list[TestClient] = []

    def _client(role: str | None, *, csrf_header: bool = True) -> TestClient:
        client = TestClient(app, follow_redirects=False)
        clients.append(client)
        client.csrf_token = None  # type: ignore[attr-defined]
        if role is None:
            return client
        username, password = make_user(role)
        form = client.get("/login")
        login_csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        done = client.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": login_csrf},
        )
        assert done.status_code == 303, done.text
        me = client.get("/api/v1/me")
        assert me.status_code == 200, me.text
        token = me.json()["csrf_token"]
        client.csrf_token = token  # type: ignore[attr-defined]
        client.username = username  # type: ignore[attr-defined]
        if csrf_header:
            client.headers["X-CSRF-Token"] = token
        return client

    yield _client
    for client in clients:
        client.close()


@pytest.fixture
def api_token(runtime: Runtime, make_user):  # type: ignore[no-untyped-def]
    """Factory: ``api_token(role)`` → a bearer token of a new user with ``role``."""
    from wiqaya.store.engine import transaction
    from wiqaya.store.security import create_token

    def _token(role: str) -> str:
        username, _password = make_user(role)
        with transaction(runtime.sessions) as session:
            token, _view = create_token(session, username, "test")
        return token

    return _token
