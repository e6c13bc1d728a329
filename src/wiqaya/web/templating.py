"""Jinja2 environment shared by every page, with the language taken from the request."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from wiqaya.logsafe import display_safe
from wiqaya.read.place_names import display_name as place_name
from wiqaya.web import i18n
from wiqaya.web.geo import countries

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
LANG_COOKIE = "wiqaya_lang"
# `{{ text|safe_text }}` for user-supplied text: bidi overrides shown, not obeyed.
# Autoescape still applies after it (the filter returns plain, unmarked text).
TEMPLATES.env.filters["safe_text"] = display_safe


def _finalize(value: Any) -> Any:
    # Every `{{ ... }}` goes through here, so no page can forget: bidi overrides in
    # user text are shown as ⟨RLO⟩ and friends. Markup stays Markup (the
    # replaced characters are never HTML syntax, so this cannot unescape anything).
    if isinstance(value, Markup):
        return Markup(display_safe(str(value)))
    if isinstance(value, str):
        return display_safe(value)
    return value


TEMPLATES.env.finalize = _finalize


def request_lang(request: Request) -> str:
    """``?lang=`` wins (and is remembered by the caller), then the cookie, then Arabic."""
    return i18n.pick_lang(request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))


def url_with(request: Request, **changes: object) -> str:
    """The current path and query with some parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.multi_items() if k not in changes}
    for key, value in changes.items():
        if value is not None and value != "":
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")


def is_web_url(url: str | None) -> bool:
    """Only http(s) links are clickable: a stored ``javascript:`` URL stays inert text."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    lang = request_lang(request)
    # Set by the security middleware: who is logged in, and the token forms must send.
    principal = getattr(request.state, "principal", None)
    ctx = {
        "user": principal,
        "csrf_token": principal.csrf_token if principal and principal.csrf_token else "",
        "lang": lang,
        "dir": i18n.DIRECTION[lang],
        "other_lang": "en" if lang == "ar" else "ar",
        "t": i18n.translator(lang),
        "num": lambda v, d=0: i18n.fmt_number(v, lang, d),
        "day": lambda v: i18n.fmt_date(v, lang),
        "month": lambda p: i18n.fmt_month(p, lang),
        "cname": lambda code: countries.name(code, lang),
        "pname": lambda name, code: place_name(name, code, lang),
        "lbl": lambda prefix, key: i18n.label(prefix, key, lang),
        "phrase": lambda text: i18n.phrase(text, lang),
        "var_label": lambda v: i18n.variable_label(v, lang),
        "driver_label": lambda d: i18n.driver_label(d, lang),
        "lang_name": lambda code: i18n.language_name(code, lang),
        "alert_text": lambda ar, en, variable: i18n.alert_summary(ar, en, variable, lang),
        "url_with": lambda **kw: url_with(request, **kw),
        "web_url": is_web_url,
        "switch_url": url_with(request, lang="en" if lang == "ar" else "ar"),
        **context,
    }
    response = TEMPLATES.TemplateResponse(request, template, ctx, status_code=status_code)
    if request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie(
            LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True
        )
    return response
