"""Deny by default, proven: every route has a rule, and every role × route × method
gets exactly what the policy table says — no more."""

from __future__ import annotations

import re

import pytest

from wiqaya.security.roles import ADMIN, ANALYST, VIEWER, at_least
from wiqaya.web.app import create_app
from wiqaya.web.security.middleware import route_templates
from wiqaya.web.security.policy import POLICY, PUBLIC, rule_for

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
ROLES = (None, VIEWER, ANALYST, ADMIN)


def _concrete(template: str) -> str:
    path = re.sub(r"\{[^}]+\}", "1", template)
    return path + "/wiqaya.css" if template == "/static" else path


def test_every_route_and_method_has_a_policy_rule(runtime) -> None:  # type: ignore[no-untyped-def]
    app = create_app(runtime)
    missing = []
    for template, methods, _is_mount in route_templates(app):
        for method in methods or {"GET"}:
            if method == "HEAD":
                continue
            if rule_for(template, method) is None:
                missing.append(f"{method} {template}")
    assert not missing, (
        "routes without a rule in web/security/policy.py (they are refused to everyone "
        f"until you add one): {missing}"
    )


def test_a_new_route_without_a_rule_is_refused_even_to_admins(app_client, api_token) -> None:  # type: ignore[no-untyped-def]
    client = app_client(None)

    @client.app.get("/unlisted-report")
    def unlisted() -> dict[str, str]:
        return {"secret": "data"}

    assert rule_for("/unlisted-report", "GET") is None
    assert client.get("/unlisted-report").status_code == 401
    token = api_token(ADMIN)
    refused = client.get("/unlisted-report", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "E-AUTH-403"
    assert "secret" not in refused.text


def test_patterns_match_segments_not_prefixes() -> None:
    assert rule_for("/api/v1/alerts", "GET").role == VIEWER
    assert rule_for("/api/v1/alerts/{alert_id}/ack", "POST").role == ANALYST
    assert rule_for("/api/v1/alertsx", "GET") is None
    assert rule_for("/ingested", "POST") is None
    assert rule_for("/login", "DELETE") is None
    # HEAD is a GET without a body: same rule.
    assert rule_for("/ingested", "HEAD") == rule_for("/ingested", "GET")


def test_public_rules_are_only_login_logout_static_and_health() -> None:
    public = {r.pattern for r in POLICY if r.role == PUBLIC}
    assert public == {"/login", "/logout", "/static", "/healthz"}


def _expected(template: str, method: str, implemented: bool, role: str | None) -> str:
    rule = rule_for(template, method)
    if not implemented:
        return "login" if role is None else "405"
    if rule is not None and rule.role == PUBLIC:
        return "passed"
    if role is None:
        return "login"
    if rule is None or not at_least(role, rule.role):
        return "forbidden"
    return "passed"


def _outcome(response) -> str:  # type: ignore[no-untyped-def]
    """What the security layer did: sent to log in, forbade, 405, or let through."""
    code = ""
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            code = body["error"].get("code", "")
    if code == "E-AUTH-401" or (
        response.status_code == 303 and response.headers["location"].startswith("/login?")
    ):
        return "login"
    if code in {"E-AUTH-403", "E-AUTH-CSRF"}:
        return "forbidden"
    if response.status_code == 405:
        return "405"
    return "passed" if response.status_code < 500 else "error"


def test_role_route_method_matrix(app_client, api_token) -> None:  # type: ignore[no-untyped-def]
    """Every role (anonymous, viewer, analyst, admin) × every route × every method."""
    anonymous = app_client(None)
    tokens = {role: api_token(role) for role in ROLES if role}
    routes: dict[str, set[str] | None] = {}
    for template, methods, _is_mount in route_templates(anonymous.app):
        if methods is None:
            routes[template] = None
        elif routes.get(template, set()) is not None:
            routes[template] = routes.get(template, set()) | set(methods)  # type: ignore[operator]
    checked = 0
    failures = []
    for template, methods in routes.items():
        path = _concrete(template)
        for method in METHODS:
            implemented = methods is None or method in methods
            for role in ROLES:
                headers = {"Authorization": f"Bearer {tokens[role]}"} if role else {}
                response = anonymous.request(method, path, headers=headers)
                want = _expected(template, method, implemented, role)
                got = _outcome(response)
                if got != want:
                    failures.append(
                        f"{role or 'anonymous'} {method} {path}: {got} "
                        f"({response.status_code}), want {want}"
                    )
                if response.status_code in {401, 403, 405} and template != "/login":
                    # Every refusal uses the one error shape.
                    assert set(response.json()) == {"error"}, response.text
                checked += 1
    assert not failures, "\n".join(failures)
    assert checked == len(routes) * len(METHODS) * len(ROLES)
    assert len(routes) >= 15


@pytest.mark.parametrize("role", [VIEWER, ANALYST, ADMIN])
def test_cookie_sessions_follow_the_same_matrix_for_pages(app_client, role) -> None:  # type: ignore[no-untyped-def]
    client = app_client(role)
    assert client.get("/ingested").status_code == 200
    assert client.get("/api/v1/documents").status_code == 200
    # A method the page does not implement: the router's 405, after the login check.
    assert client.post("/ingested").status_code == 405
    assert client.get("/api/v1/me").json()["role"] == role


def test_anonymous_browser_is_sent_to_login_with_the_page_to_return_to(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(None)
    response = client.get("/ingested?lang=en", headers={"accept": "text/html"})
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fingested%3Flang%3Den"
    # An API client gets a 401 in the error shape instead.
    api = client.get("/api/v1/events", headers={"accept": "text/html"})
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "E-AUTH-401"
    assert "Bearer" in api.headers["www-authenticate"]


def test_unknown_paths_reveal_nothing_before_login(app_client, api_token) -> None:  # type: ignore[no-untyped-def]
    client = app_client(None)
    assert client.get("/api/v1/no-such-thing").status_code == 401
    token = api_token(VIEWER)
    found = client.get("/api/v1/no-such-thing", headers={"Authorization": f"Bearer {token}"})
    assert found.status_code == 404
    assert found.json()["error"]["code"] == "E-HTTP-404"


def test_websockets_are_refused(app_client) -> None:  # type: ignore[no-untyped-def]
    from starlette.websockets import WebSocketDisconnect

    client = app_client(ADMIN)
    with pytest.raises(WebSocketDisconnect), client.websocket_connect("/ws") as ws:
        ws.receive_text()


def test_wrong_bearer_token_never_falls_back_to_the_cookie(app_client) -> None:  # type: ignore[no-untyped-def]
    client = app_client(ADMIN)
    assert client.get("/api/v1/me").status_code == 200
    bad = client.get("/api/v1/me", headers={"Authorization": "Bearer wqy_not-a-token"})
    assert bad.status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Basic abc"}).status_code == 401
