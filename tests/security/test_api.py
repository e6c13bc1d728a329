"""The read API: pagination, filters, and one error shape for every failure."""

from __future__ import annotations

import pytest

from wiqaya.security.roles import VIEWER
from wiqaya.web.api.common import MAX_LIMIT


@pytest.fixture
def api(app_client, api_token, seeded):  # type: ignore[no-untyped-def]
    client = app_client(None)
    client.headers["Authorization"] = f"Bearer {api_token(VIEWER)}"
    return client


def test_pages_walk_every_row_exactly_once(api) -> None:  # type: ignore[no-untyped-def]
    seen, offset = [], 0
    while offset is not None:
        page = api.get(f"/api/v1/documents?limit=2&offset={offset}").json()
        assert page["total"] == 5 and page["limit"] == 2 and len(page["items"]) <= 2
        seen += [d["id"] for d in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 5
    assert seen == sorted(seen, reverse=True)  # newest first


def test_filters(api, seeded) -> None:  # type: ignore[no-untyped-def]
    arabic = api.get("/api/v1/documents?lang=ar").json()
    assert arabic["total"] == 4 and all(d["lang"] == "ar" for d in arabic["items"])
    field = api.get("/api/v1/documents?source=test-field").json()
    assert field["total"] == 2
    dated = api.get("/api/v1/documents?published_from=2024-02-01&published_to=2024-03-31").json()
    assert dated["total"] == 2
    assaults = api.get("/api/v1/events?event_type=ASSAULT").json()
    assert {e["country"] for e in assaults["items"]} == {"IRQ", "YEM"}
    iraq = api.get("/api/v1/events?country=IRQ").json()
    assert iraq["total"] == 1 and iraq["items"][0]["event_type"] == "ASSAULT"
    confident = api.get("/api/v1/events?min_confidence=0.8").json()
    assert confident["total"] == 2
    by_doc = api.get(f"/api/v1/events?document_id={seeded[0]}").json()
    assert by_doc["total"] == 1
    series = api.get("/api/v1/series?country=SYR&period_from=2024-03&period_to=2024-05").json()
    assert [p["period"] for p in series["items"]] == ["2024-03", "2024-04", "2024-05"]
    variables = api.get("/api/v1/series/variables").json()
    assert variables == [{"variable": "events.ASSAULT", "countries": 2, "points": 12}]
    forecasts = api.get("/api/v1/forecasts?target=onset").json()
    assert [f["country"] for f in forecasts["items"]] == ["SYR", "IRQ"]  # highest score first
    assert forecasts["items"][0]["quantiles"] == {"0.05": 0.1, "0.95": 0.9}


def test_detail_endpoints(api, seeded) -> None:  # type: ignore[no-untyped-def]
    doc = api.get(f"/api/v1/documents/{seeded[0]}").json()
    assert doc["text"] == "مقتل ثلاثة أشخاص في هجوم على سوق في بغداد"
    assert doc["source"] == "test-news" and doc["url"] == "https://news.example/0"
    event_id = api.get("/api/v1/events?limit=1").json()["items"][0]["id"]
    assert api.get(f"/api/v1/events/{event_id}").json()["id"] == event_id
    forecast_id = api.get("/api/v1/forecasts?limit=1").json()["items"][0]["id"]
    assert api.get(f"/api/v1/forecasts/scores/{forecast_id}").json()["target"] == "onset"


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/v1/documents/999999", 404, "E-NF-API-001"),
        ("/api/v1/events/999999", 404, "E-NF-API-002"),
        ("/api/v1/forecasts/scores/999999", 404, "E-NF-API-003"),
        ("/api/v1/documents?limit=0", 422, "E-INP-422"),
        (f"/api/v1/documents?limit={MAX_LIMIT + 1}", 422, "E-INP-422"),
        ("/api/v1/documents?offset=-1", 422, "E-INP-422"),
        ("/api/v1/documents/abc", 422, "E-INP-422"),
        ("/api/v1/documents/99999999999999999999", 422, "E-INP-422"),
        ("/api/v1/events?country=iraq", 422, "E-INP-422"),
        ("/api/v1/events?date_from=2024-13-01", 422, "E-INP-422"),
        ("/api/v1/series?period_from=2024-1", 422, "E-INP-422"),
        ("/api/v1/documents?source=%00x", 422, "E-INP-422"),
        ("/api/v1/no-such-resource", 404, "E-HTTP-404"),
    ],
)
def test_errors_have_one_shape_and_no_stack_trace(api, url, status, code) -> None:  # type: ignore[no-untyped-def]
    response = api.get(url)
    assert response.status_code == status, response.text
    assert response.json() == {
        "error": {"code": code, "message": response.json()["error"]["message"]}
    }
    assert "Traceback" not in response.text


def test_method_not_allowed_and_server_errors_use_the_shape(api) -> None:  # type: ignore[no-untyped-def]
    response = api.delete("/api/v1/documents")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "E-HTTP-405"

    @api.app.get("/api/v1/documents/explode/now")
    def explode() -> None:
        raise ValueError("secret internal detail /etc/passwd")

    crashing = type(api)(api.app, raise_server_exceptions=False)
    crashing.headers.update(api.headers)
    boom = crashing.get("/api/v1/documents/explode/now")
    assert boom.status_code == 500
    assert boom.json() == {"error": {"code": "E-GEN-500", "message": "internal error"}}
    assert "secret internal detail" not in boom.text and "Traceback" not in boom.text


def test_openapi_documents_the_error_shape(api) -> None:  # type: ignore[no-untyped-def]
    spec = api.get("/openapi.json").json()
    operation = spec["paths"]["/api/v1/documents"]["get"]
    for status in ("401", "403", "422"):
        ref = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/ErrorBody")
