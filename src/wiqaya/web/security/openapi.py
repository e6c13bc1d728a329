"""Declare the API's authentication in the OpenAPI document (bearer token or session)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI


def declare_security(app: FastAPI) -> None:
    """Every ``/api/v1`` operation needs a bearer token or a session cookie."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        components = schema.setdefault("components", {})
        components["securitySchemes"] = {
            "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "An API token from `wiqaya users token USER`.",
            },
            "session": {
                "type": "apiKey",
                "in": "cookie",
                "name": "wiqaya_session",
                "description": "Browser session; writes also need the X-CSRF-Token header.",
            },
        }
        for path, operations in schema.get("paths", {}).items():
            if path.startswith("/api/"):
                for operation in operations.values():
                    operation["security"] = [{"bearer": []}, {"session": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
