"""/docs serves the vendored API explorer: offline, no inline script, viewers only."""

from __future__ import annotations

import re

from tests.helpers import logged_in_client


def test_docs_page_uses_only_vendored_assets(runtime) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(runtime, "viewer")
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert not re.search(r"<script>(?!</script>)", html), "no inline script under the CSP"
    assert "http://" not in html.replace("http://127.0.0.1", "") and "https://" not in html
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "Wiqaya API"


def test_docs_needs_a_signed_in_user(runtime) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from wiqaya.web.app import create_app

    anonymous = TestClient(create_app(runtime), follow_redirects=False)
    assert anonymous.get("/docs", headers={"accept": "text/html"}).status_code in (302, 303, 401)
