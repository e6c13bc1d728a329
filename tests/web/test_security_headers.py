"""Every response carries the security headers; templates keep to the CSP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wiqaya.runtime import Runtime
from wiqaya.web.app import create_app
from wiqaya.web.headers import SECURITY_HEADERS

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "wiqaya" / "web" / "templates"


@pytest.fixture
def client(runtime: Runtime) -> TestClient:
    return TestClient(create_app(runtime))


@pytest.mark.parametrize("path", ["/ingested", "/ingested?lang=en", "/static/wiqaya.css", "/nope"])
def test_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    for name in SECURITY_HEADERS:
        assert name in response.headers
    # No HSTS over plain HTTP on 127.0.0.1.
    assert "strict-transport-security" not in response.headers


def test_pages_not_cached_static_may_be(client: TestClient) -> None:
    assert client.get("/ingested").headers["cache-control"] == "no-store"
    assert client.get("/static/wiqaya.css").headers.get("cache-control") != "no-store"


def test_hsts_over_https(runtime: Runtime) -> None:
    with TestClient(create_app(runtime), base_url="https://testserver") as https:
        assert "max-age=" in https.get("/ingested").headers["strict-transport-security"]


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
_INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
_INLINE_STYLE = re.compile(r"\sstyle\s*=|<style", re.I)


# Files people download and open from disk (the brief as HTML, and the source of
# its PDF) carry their stylesheet inside so they stay readable on their own; the
# app serves them only as attachments, never as pages under its CSP.
STANDALONE_DOCUMENTS = {"brief_document.html"}


def test_templates_have_no_inline_code() -> None:
    """The CSP forbids inline scripts/styles: a template that used them would break silently."""
    offenders = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        if template.name in STANDALONE_DOCUMENTS:
            continue
        body = template.read_text(encoding="utf-8")
        for pattern in (_INLINE_SCRIPT, _INLINE_HANDLER, _INLINE_STYLE):
            if pattern.search(body):
                offenders.append(f"{template.name}: {pattern.pattern}")
    assert offenders == []
