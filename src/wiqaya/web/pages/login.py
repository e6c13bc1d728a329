"""Log in and log out (the only pages open to anonymous visitors).

The login form carries its own CSRF token (double submit: a random value in a
strict cookie and in the form must agree), so no other site can log a victim
in under the attacker's account. Every attempt is rate limited through the
database, so the limit holds across all web workers.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from wiqaya.store import security as store
from wiqaya.store.engine import transaction
from wiqaya.web import i18n
from wiqaya.web.security.middleware import SESSION_COOKIE, current_principal, session_signer
from wiqaya.web.templating import render

router = APIRouter(include_in_schema=False)
LOGIN_CSRF_COOKIE = "wiqaya_login_csrf"
MAX_FIELD_CHARS = 1024

i18n.register(
    {
        "login.title": ("تسجيل الدخول", "Log in"),
        "login.username": ("اسم المستخدم", "User name"),
        "login.password": ("كلمة المرور", "Password"),
        "login.submit": ("دخول", "Log in"),
        "login.bad": (
            "اسم المستخدم أو كلمة المرور غير صحيحة.",
            "The user name or password is wrong.",
        ),
        "login.locked": (
            "محاولات فاشلة كثيرة. انتظر ربع ساعة ثم حاول مجددًا.",
            "Too many failed attempts. Wait fifteen minutes and try again.",
        ),
        "login.expired": (
            "انتهت صلاحية النموذج. حاول مرة أخرى.",
            "The form expired. Please try again.",
        ),
        "login.hint": (
            "الحسابات ينشئها المسؤول بالأمر ‎wiqaya users add‎.",
            "Accounts are created by an administrator with `wiqaya users add`.",
        ),
        "nav.logout": ("خروج", "Log out"),
        "nav.user": ("المستخدم", "User"),
        "role.viewer": ("مطّلع", "viewer"),
        "role.analyst": ("محلّل", "analyst"),
        "role.admin": ("مسؤول", "admin"),
    }
)


def safe_next(value: str | None) -> str:
    """Only local paths: never redirect a freshly logged-in user to another site."""
    if not value or len(value) > 2000:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        return "/"
    if "\\" in value or any(ord(c) < 32 for c in value):
        return "/"
    return value


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _form_page(
    request: Request, next_url: str, message: str | None, status: int, username: str = ""
) -> Response:
    token = secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        {
            "page": "login",
            "login_csrf": token,
            "next_url": next_url,
            "message": message,
            "username": username,
        },
        status_code=status,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/login",
        max_age=3600,
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:  # noqa: A002
    if current_principal(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _form_page(request, safe_next(next), None, 200)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    username = str(form.get("username") or "")[:MAX_FIELD_CHARS]
    password = str(form.get("password") or "")[: MAX_FIELD_CHARS + 1]
    next_url = safe_next(str(form.get("next") or "/"))
    given = str(form.get("csrf_token") or "")
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        return _form_page(request, next_url, "login.expired", 403, username)

    runtime = request.app.state.runtime

    def attempt() -> tuple[str, str | None]:
        with transaction(runtime.sessions) as session:
            outcome, user = store.authenticate(session, username, password, _client_ip(request))
            if user is None:
                return outcome, None
            sid, _csrf = store.open_session(session, user)
            return outcome, sid

    from starlette.concurrency import run_in_threadpool

    outcome, sid = await run_in_threadpool(attempt)
    if outcome == store.LoginResult.LOCKED:
        return _form_page(request, next_url, "login.locked", 429, username)
    if sid is None:
        return _form_page(request, next_url, "login.bad", 401, username)
    response = RedirectResponse(next_url, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_signer(runtime).sign(sid).decode(),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=int(store.SESSION_LIFETIME.total_seconds()),
        path="/",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    principal = current_principal(request)
    if principal is not None and principal.session_digest:
        with transaction(request.app.state.runtime.sessions) as session:
            store.close_session(session, principal.session_digest)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
