"""Login rate limiting is stored in the database, so it holds across web workers."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from wiqaya.security.roles import VIEWER
from wiqaya.store.engine import transaction
from wiqaya.store.models.security import LoginAttempt
from wiqaya.store.security import (
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_IP,
    LoginResult,
    authenticate,
)
from wiqaya.web.app import create_app


def _attempt(client: TestClient, username: str, password: str) -> int:
    client.cookies.clear()
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    return client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}
    ).status_code


def test_account_locks_after_repeated_failures_across_two_workers(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    username, password = make_user(VIEWER)
    # Two app instances over one database stand for two web worker processes.
    worker_a = TestClient(create_app(runtime), follow_redirects=False)
    worker_b = TestClient(create_app(runtime), follow_redirects=False)
    for i in range(MAX_FAILURES_PER_ACCOUNT):
        worker = worker_a if i % 2 else worker_b
        assert _attempt(worker, username, f"wrong-{i}") == 401
    # Locked now, even with the right password, on either worker.
    assert _attempt(worker_a, username, password) == 429
    assert _attempt(worker_b, username, password) == 429
    locked_page = worker_a.get("/login?lang=en")
    assert locked_page.status_code == 200


def test_a_success_resets_the_account_count(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    username, password = make_user(VIEWER)
    client = TestClient(create_app(runtime), follow_redirects=False)
    for i in range(MAX_FAILURES_PER_ACCOUNT - 1):
        assert _attempt(client, username, f"wrong-{i}") == 401
    assert _attempt(client, username, password) == 303
    for i in range(MAX_FAILURES_PER_ACCOUNT - 1):
        assert _attempt(client, username, f"again-{i}") == 401
    assert _attempt(client, username, password) == 303


def test_one_address_trying_many_accounts_is_limited(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    username, password = make_user(VIEWER)
    ip = "203.0.113.7"
    with transaction(runtime.sessions) as session:
        for i in range(MAX_FAILURES_PER_IP):
            outcome, _ = authenticate(session, f"guess-{i}", "password-guess", ip)
            assert outcome == LoginResult.BAD
    with transaction(runtime.sessions) as session:
        outcome, user = authenticate(session, username, password, ip)
    assert outcome == LoginResult.LOCKED and user is None
    # The same account from another address still works: only that address is limited.
    with transaction(runtime.sessions) as session:
        outcome, user = authenticate(session, username, password, "198.51.100.1")
    assert outcome == LoginResult.OK and user is not None
    with runtime.sessions() as session:
        stored = session.execute(
            select(func.count()).select_from(LoginAttempt).where(LoginAttempt.ip == ip)
        ).scalar_one()
    assert stored == MAX_FAILURES_PER_IP + 1


def test_disabled_user_cannot_log_in(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.store.security import set_active

    username, password = make_user(VIEWER)
    with transaction(runtime.sessions) as session:
        set_active(session, username, False)
    client = TestClient(create_app(runtime), follow_redirects=False)
    assert _attempt(client, username, password) == 401
