"""Build the FastAPI application: pages, static assets, API and one error shape."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from wiqaya import __version__
from wiqaya.errors import (
    ConflictError,
    DatabaseError,
    InputError,
    NotFoundError,
    PermissionDenied,
    WiqayaError,
)
from wiqaya.runtime import Runtime
from wiqaya.web.api import alerts as alerts_api
from wiqaya.web.api import documents as api_documents
from wiqaya.web.api import events as api_events
from wiqaya.web.api import forecasts as forecasts_api
from wiqaya.web.api import funds as funds_api
from wiqaya.web.api import library as library_api
from wiqaya.web.api import me as api_me
from wiqaya.web.api import partners as partners_api
from wiqaya.web.api import risk as risk_api
from wiqaya.web.api import roster as roster_api
from wiqaya.web.api import series as api_series
from wiqaya.web.api import situations as situations_api
from wiqaya.web.headers import SecurityHeadersMiddleware
from wiqaya.web.pages import (
    act_views,
    api_docs,
    brief,
    browsers,
    country,
    document,
    forecasts,
    ingested,
    login,
    risk_map,
    situations,
    watchlist,
)
from wiqaya.web.pages import library as library_page
from wiqaya.web.security.middleware import SecurityMiddleware
from wiqaya.web.security.openapi import declare_security

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"

_HTTP_STATUS = {
    "E-NF": 404,
    "E-INP": 400,
    "E-CON": 409,
    "E-AUTH": 403,
    "E-DB": 503,
}


# Stage-specific codes (``E-LIB-404``) take their status from the exception class.
_CLASS_STATUS: tuple[tuple[type[WiqayaError], int], ...] = (
    (NotFoundError, 404),
    (InputError, 400),
    (ConflictError, 409),
    (PermissionDenied, 403),
    (DatabaseError, 503),
)


def error_status(exc: WiqayaError) -> int:
    # "E-NF-001" and "E-NF-API-001" both map by their family, "E-NF".
    status = _HTTP_STATUS.get("-".join(exc.code.split("-")[:2]))
    if status is None:
        status = next((s for cls, s in _CLASS_STATUS if isinstance(exc, cls)), 400)
    return status


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    methods: set[str] = set()
    for ctx in iter_route_contexts(app.router.routes):
        # ctx.path keeps converters ({id:int}), so "/alerts/run" is not an alert id.
        if ctx.methods and ctx.path and compile_path(ctx.path)[0].match(path):
            methods |= set(ctx.methods)
    return sorted(methods)


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def create_app(runtime: Runtime) -> FastAPI:
    app = FastAPI(title="Wiqaya API", version=__version__, docs_url=None, redoc_url=None)
    app.state.runtime = runtime
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    # "/" is the risk map (risk_map.router): analysts look before they read.
    for router in (
        risk_map.router,
        api_docs.router,
        watchlist.router,
        country.router,
        browsers.router,
        document.router,
        brief.router,
        ingested.router,
        forecasts.router,
        situations.router,
        act_views.router,
        library_page.router,
        risk_api.router,
        forecasts_api.router,
        alerts_api.router,
        situations_api.router,
        roster_api.router,
        funds_api.router,
        partners_api.router,
        library_api.router,
        login.router,
        api_documents.router,
        api_events.router,
        api_series.router,
        api_me.router,
    ):
        app.include_router(router)

    # Deny by default: every request passes the policy in web/security/policy.py.
    app.add_middleware(SecurityMiddleware, runtime=runtime)
    # Outermost, so refusals and redirects from the policy carry the headers too.
    app.add_middleware(SecurityHeadersMiddleware)
    declare_security(app)

    @app.exception_handler(WiqayaError)
    async def wiqaya_error(_request: Request, exc: WiqayaError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=error_status(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            # The router names only the first route on this path; a GET list and a
            # POST create are separate routes, so Allow must gather them all.
            headers["Allow"] = ", ".join(allowed_methods(request.app, request.url.path))
        return JSONResponse(
            error_body(f"E-HTTP-{exc.status_code}", str(exc.detail)),
            status_code=exc.status_code,
            headers=headers or None,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse(
            error_body("E-INP-422", f"invalid request at {where}: {first.get('msg', 'invalid')}"),
            status_code=422,
        )

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Log the details for the operator; the client never sees a stack trace.
        log.exception("unhandled error", exc_info=exc)
        return JSONResponse(error_body("E-GEN-500", "internal error"), status_code=500)

    return app
