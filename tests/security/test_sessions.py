"""Browser sessions: cookie flags, CSRF on every unsafe method, logout, role changes."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from wiqaya.security.roles import ANALYST, VIEWER
from wiqaya.store.engine import transaction
from wiqaya.store.security import set_active, set_role
from wiqaya.web.app import create_app
from wiqaya.web.security.middleware import SESSION_COOKIE


def _login(client: TestClient, username: str, password: str, next_url: str = "/") -> object:
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token, "next": next_url},
    )


def test_login_page_is_arabic_by_default_and_english_on_request(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(None)
    arabic = client.get("/login")
    assert arabic.status_code == 200
    assert 'dir="rtl"' in arabic.text and "تسجيل الدخول" in arabic.text
    english = client.get("/login?lang=en")
    assert 'dir="ltr"' in english.text and "Log in" in english.text


def test_session_cookie_is_httponly_samesite_and_secure_over_https(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    username, password = make_user(VIEWER)
    app = create_app(runtime)
    plain = TestClient(app, follow_redirects=False)
    cookie = _login(plain, username, password).headers["set-cookie"]
    assert f"{SESSION_COOKIE}=" in cookie
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http on localhost: a Secure cookie would be dropped
    secure = TestClient(app, base_url="https://wiqaya.example", follow_redirects=False)
    cookie = _login(secure, username, password).headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_unsafe_methods_need_the_csrf_token(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(VIEWER, csrf_header=False)
    refused = client.post("/logout")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "E-AUTH-CSRF"
    wrong = client.post("/logout", headers={"X-CSRF-Token": "guess"})
    assert wrong.status_code == 403
    wrong_form = client.post("/logout", data={"csrf_token": "guess"})
    assert wrong_form.status_code == 403
    assert client.get("/api/v1/me").status_code == 200  # still logged in
    ok = client.post("/logout", data={"csrf_token": client.csrf_token})
    assert ok.status_code == 303


def test_csrf_header_works_for_scripts_and_every_unsafe_method_is_checked(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(ANALYST, csrf_header=False)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        response = client.request(method, "/api/v1/documents")
        assert response.status_code in {403, 405}
        if response.status_code == 403:
            assert response.json()["error"]["code"] in {"E-AUTH-CSRF", "E-AUTH-403"}
    assert client.post("/logout", headers={"X-CSRF-Token": client.csrf_token}).status_code == 303


def test_logout_ends_the_session_on_the_server(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(VIEWER)
    stolen = client.cookies.get(SESSION_COOKIE)
    assert client.post("/logout").status_code == 303
    replay = TestClient(client.app, follow_redirects=False)
    replay.cookies.set(SESSION_COOKIE, stolen)
    assert replay.get("/api/v1/me").status_code == 401


def test_forged_or_tampered_cookies_are_ignored(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(VIEWER)
    good = client.cookies.get(SESSION_COOKIE)
    sid, _, signature = good.rpartition(".")
    forged = TestClient(client.app, follow_redirects=False)
    forged.cookies.set(SESSION_COOKIE, sid + "x." + signature)
    assert forged.get("/api/v1/me").status_code == 401
    forged.cookies.set(SESSION_COOKIE, sid)  # unsigned
    assert forged.get("/api/v1/me").status_code == 401


def test_role_change_and_disabling_log_the_user_out(runtime, app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(ANALYST)
    with transaction(runtime.sessions) as session:
        set_role(session, client.username, VIEWER)
    assert client.get("/api/v1/me").status_code == 401
    other = app_client(VIEWER)
    with transaction(runtime.sessions) as session:
        set_active(session, other.username, False)
    assert other.get("/api/v1/me").status_code == 401


def test_login_form_has_its_own_csrf_check(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    username, password = make_user(VIEWER)
    client = TestClient(create_app(runtime), follow_redirects=False)
    # A cross-site form post carries no login cookie: refused, nobody logged in.
    response = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": "x"}
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_login_redirects_only_to_local_paths(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    username, password = make_user(VIEWER)
    app = create_app(runtime)
    for hostile in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:x"):
        client = TestClient(app, follow_redirects=False)
        response = _login(client, username, password, hostile)
        assert response.status_code == 303
        assert response.headers["location"] == "/"
    client = TestClient(app, follow_redirects=False)
    assert _login(client, username, password, "/ingested?lang=en").headers["location"] == (
        "/ingested?lang=en"
    )


def test_wrong_password_and_unknown_user_look_the_same(runtime, make_user) -> None:  # type: ignore[no-untyped-def]
    username, _password = make_user(VIEWER)
    client = TestClient(create_app(runtime), follow_redirects=False)
    wrong = _login(client, username, "not the password at all")
    unknown = _login(client, "nobody-here", "not the password at all")
    assert wrong.status_code == unknown.status_code == 401
    assert SESSION_COOKIE not in wrong.headers.get("set-cookie", "")


def test_pages_show_who_is_logged_in_and_a_logout_form(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(ANALYST)
    page = client.get("/ingested?lang=en")
    assert page.status_code == 200
    assert client.username in page.text
    assert f'name="csrf_token" value="{client.csrf_token}"' in page.text
