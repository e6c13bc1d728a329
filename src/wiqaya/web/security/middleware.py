"""One ASGI middleware that authenticates every request and enforces the policy table.

Order of checks for each HTTP request:

1. Find the route Starlette will call (its template, e.g. ``/api/v1/events/{event_id}``).
2. Find the caller: a ``Authorization: Bearer`` API token, else the signed session
   cookie. A bearer token that is wrong is refused outright (never falls back).
3. Look the route and method up in :mod:`wiqaya.web.security.policy`. No rule → deny.
4. For an unsafe method (POST, PUT, PATCH, DELETE) from a cookie session, demand the
   session's CSRF token in the ``X-CSRF-Token`` header or a ``csrf_token`` form field.

Paths that match no route, and methods a route does not implement, need a login
first and then get the router's own 404 or 405, so nothing about the app's shape
leaks to anonymous callers.
"""

from __future__ import annotations

import hmac
import logging
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from fastapi.routing import iter_route_contexts
from itsdangerous import BadSignature, Signer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wiqaya.runtime import Runtime
from wiqaya.security.roles import at_least
from wiqaya.store import audit
from wiqaya.store.security import Principal, user_for_session, user_for_token
from wiqaya.web.security.policy import PUBLIC, SAFE_METHODS, rule_for

log = logging.getLogger(__name__)

SESSION_COOKIE = "wiqaya_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
# Bodies read to find a CSRF form field are bounded; larger forms must use the header.
MAX_FORM_BYTES = 10 * 1024 * 1024


def session_signer(runtime: Runtime) -> Signer:
    return Signer(runtime.keys.session, salt="wiqaya.session")


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


def _same(given: str, expected: str) -> bool:
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def _wants_html(scope: Scope) -> bool:
    if scope["method"] not in {"GET", "HEAD"} or scope["path"].startswith("/api/"):
        return False
    return "text/html" in Headers(scope=scope).get("accept", "")


@lru_cache(maxsize=1024)
def path_regex(template: str) -> re.Pattern[str]:
    return compile_path(template)[0]


def route_templates(app: Any) -> list[tuple[str, frozenset[str] | None, bool]]:
    """Every route of ``app`` as (template, methods or None for a mount, is_mount)."""
    table = []
    for ctx in iter_route_contexts(app.router.routes):
        original = ctx.original_route
        if isinstance(original, Mount):
            table.append((ctx.path, None, True))
        elif ctx.path:
            table.append((ctx.path_format or ctx.path, frozenset(ctx.methods or ()), False))
    return table


def _matching_routes(scope: Scope) -> tuple[list[str], bool]:
    """(templates of every route that would take this request, whether a route has the path).

    Every matching route is returned, not just the first: the request must pass the
    policy of all of them, so route order can never widen access.
    """
    path = scope["path"]
    method = scope["method"]
    full: list[str] = []
    path_known = False
    for template, methods, is_mount in route_templates(scope["app"]):
        if is_mount:
            if path == template or path.startswith(template.rstrip("/") + "/"):
                full.append(template)
                path_known = True
            continue
        if not path_regex(template).match(path):
            continue
        path_known = True
        if methods is not None and method in methods:
            full.append(template)
    return full, path_known


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    def _principal(self, headers: Headers, cookies: dict[str, str]) -> Principal | None | bool:
        """The caller; False when a bearer token was given but is not valid."""
        auth = headers.get("authorization")
        if auth is not None:
            scheme, _, token = auth.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                return False
            with self.runtime.sessions() as session:
                return user_for_token(session, token.strip()) or False
        cookie = cookies.get(SESSION_COOKIE)
        if not cookie:
            return None
        try:
            sid = session_signer(self.runtime).unsign(cookie).decode()
        except (BadSignature, UnicodeDecodeError):
            return None
        with self.runtime.sessions() as session:
            return user_for_session(session, sid)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            # No route uses websockets; refuse them rather than leave them unchecked.
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        request = Request(scope)
        method = scope["method"]
        templates, _path_known = _matching_routes(scope)
        principal = await run_in_threadpool(self._principal, request.headers, request.cookies)
        if principal is False:
            await _error(
                401,
                "E-AUTH-401",
                "the API token is missing, wrong, expired or revoked",
                {"WWW-Authenticate": 'Bearer realm="wiqaya", error="invalid_token"'},
            )(scope, receive, send)
            return
        assert principal is None or isinstance(principal, Principal)

        rules = [rule_for(t, method) for t in templates]
        public = bool(rules) and all(r is not None and r.role == PUBLIC for r in rules)
        if principal is None and not public:
            await self._unauthenticated(scope, receive, send)
            return
        if not public and templates:
            # A route exists for this method: its rule decides (no rule → nobody).
            assert principal is not None
            for template, rule in zip(templates, rules, strict=True):
                if rule is None or not at_least(principal.role, rule.role):
                    message = (
                        f"your role ({principal.role}) may not {method} {template}"
                        if rule
                        else f"{method} {template} is not allowed for anyone (no policy rule)"
                    )
                    await _error(403, "E-AUTH-403", message)(scope, receive, send)
                    return
        # Otherwise a logged-in caller gets the router's own 404 or 405.

        if principal is not None and principal.via == "session" and method not in SAFE_METHODS:
            ok, receive = await self._csrf_ok(scope, receive, principal)
            if not ok:
                await _error(
                    403,
                    "E-AUTH-CSRF",
                    "missing or wrong CSRF token; reload the page and try again",
                )(scope, receive, send)
                return

        scope.setdefault("state", {})["principal"] = principal
        token = audit._actor.set(principal.actor if principal else "anonymous")
        try:
            await self.app(scope, receive, send)
        finally:
            audit._actor.reset(token)

    async def _unauthenticated(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _wants_html(scope):
            target = scope["path"]
            if scope.get("query_string"):
                target += "?" + scope["query_string"].decode("latin-1")
            response: Response = RedirectResponse(
                "/login?next=" + quote(target, safe=""), status_code=303
            )
        else:
            response = _error(
                401,
                "E-AUTH-401",
                "log in or send an API token (Authorization: Bearer ...)",
                {"WWW-Authenticate": 'Bearer realm="wiqaya"'},
            )
        await response(scope, receive, send)

    async def _csrf_ok(
        self, scope: Scope, receive: Receive, principal: Principal
    ) -> tuple[bool, Receive]:
        expected = principal.csrf_token or ""
        headers = Headers(scope=scope)
        given = headers.get(CSRF_HEADER)
        if given is not None:
            return _same(given, expected), receive
        ctype = headers.get("content-type", "")
        if not ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            return False, receive
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return False, receive
            body += message.get("body", b"")
            if len(body) > MAX_FORM_BYTES:
                return False, receive
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        probe = Request(dict(scope), replay)
        try:
            form = await probe.form()
            given = form.get(CSRF_FIELD)
            await form.close()
        except Exception:  # a malformed form simply has no token
            given = None
        replayed_for_app = False

        async def replay_for_app() -> Message:
            nonlocal replayed_for_app
            if not replayed_for_app:
                replayed_for_app = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        ok = isinstance(given, str) and _same(given, expected)
        return ok, replay_for_app


def current_principal(request: Request) -> Principal | None:
    """The caller of this request, as resolved by the middleware (None on public routes)."""
    return getattr(request.state, "principal", None)


def principal_or_none(scope: dict[str, Any]) -> Principal | None:
    return scope.get("state", {}).get("principal")
