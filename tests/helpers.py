"""Plain helpers shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

import uuid

from wiqaya.runtime import Runtime


def logged_in_client(runtime: Runtime, role: str = "admin", **client_options: object):  # type: ignore[no-untyped-def]
    """A TestClient over a new app, logged in through the real /login form as a new
    user of ``role``, with the session's CSRF token sent on every request.

    For tests of pages and API routes whose subject is not access control: the
    access rules themselves are proven in tests/security.
    """
    import re

    from fastapi.testclient import TestClient

    from wiqaya.store.engine import transaction
    from wiqaya.store.security import add_user
    from wiqaya.web.app import create_app

    username = f"test-{role}-{uuid.uuid4().hex[:8]}"
    password = f"pw-{uuid.uuid4().hex}"
    with transaction(runtime.sessions) as session:
        add_user(session, username, role, password)
    client = TestClient(create_app(runtime), **client_options)  # type: ignore[arg-type]
    form = client.get("/login")
    login_csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert login_csrf, "the login form carries a CSRF token"
    done = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": login_csrf.group(1)},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    client.headers["X-CSRF-Token"] = client.get("/api/v1/me").json()["csrf_token"]
    return client
