"""The act and warn REST API: pagination, filters, transitions, the one error shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.helpers import logged_in_client
from tests.warn.factories import add_series
from wiqaya.store.engine import transaction


@pytest.fixture
def client(runtime) -> TestClient:  # type: ignore[no-untyped-def]
    return logged_in_client(runtime, raise_server_exceptions=False)


def error_of(resp) -> str:  # type: ignore[no-untyped-def]
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]["code"]


def test_alerts_run_list_and_transitions(client, runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as s:
        add_series(
            s,
            "IRQ",
            "ucdp.bd_best",
            "year",
            {
                "2008": 2112,
                "2009": 1036,
                "2010": 989,
                "2011": 864,
                "2012": 565,
                "2013": 1870,
                "2014": 13797,
            },
        )
    r = client.post("/api/v1/alerts/run", json={})
    assert r.status_code == 200 and r.json()["created"] >= 2
    page = client.get("/api/v1/alerts", params={"country": "IRQ", "limit": 1}).json()
    assert page["total"] >= 2 and len(page["items"]) == 1 and page["limit"] == 1
    aid = page["items"][0]["id"]
    assert client.get("/api/v1/alerts", params={"offset": 1, "limit": 500}).json()["offset"] == 1
    assert client.post(f"/api/v1/alerts/{aid}/escalate").status_code == 409
    assert client.post(f"/api/v1/alerts/{aid}/acknowledge").json()["state"] == "acknowledged"
    r = client.post(f"/api/v1/alerts/{aid}/dismiss", json={})
    assert r.status_code == 422 and error_of(r) == "E-INP-422"
    r = client.post(f"/api/v1/alerts/{aid}/dismiss", json={"reason": "معروف ومتابَع"})
    assert r.json()["state"] == "dismissed"
    detail = client.get(f"/api/v1/alerts/{aid}").json()
    assert [h["to"] for h in detail["history"]] == ["acknowledged", "dismissed"]
    assert detail["history"][0]["actor"].startswith("user:test-admin-")
    assert client.get("/api/v1/alerts", params={"state": "dismissed"}).json()["total"] == 1
    r = client.get("/api/v1/alerts/99999")
    assert r.status_code == 404 and error_of(r) == "E-NF-120"
    for bad in (
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"country": "Iraq"},
        {"rule": "a\x00b"},
        {"state": "open"},
    ):
        r = client.get("/api/v1/alerts", params=bad)
        assert r.status_code == 422, bad
        error_of(r)


def test_situation_lifecycle_over_the_api(client, runtime) -> None:  # type: ignore[no-untyped-def]
    r = client.post(
        "/api/v1/situations",
        json={
            "title_en": "Sudan",
            "title_ar": "السودان",
            "region": "Horn of Africa",
            "country": "SDN",
            "actors": [{"name": "قوات الدعم السريع", "role": "party"}],
        },
    )
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    assert (
        client.post(
            "/api/v1/situations", json={"title_en": "Sudan", "title_ar": "x", "region": "y"}
        ).status_code
        == 409
    )
    r = client.post(
        f"/api/v1/situations/{sid}/responses",
        json={
            "response_type": "special_envoy",
            "actor": "UN Secretary-General",
            "taken_on": "2023-05-01",
        },
    )
    assert r.status_code == 201
    assert (
        client.post(
            f"/api/v1/situations/{sid}/responses",
            json={"response_type": "airstrike", "actor": "x", "taken_on": "2023-05-01"},
        ).status_code
        == 422
    )
    assert (
        client.post(
            f"/api/v1/situations/{sid}/outcomes",
            json={"outcome": "escalated", "observed_on": "2023-12-01"},
        ).status_code
        == 201
    )
    listing = client.get("/api/v1/situations", params={"region": "Horn of Africa"}).json()
    assert listing["total"] == 1 and listing["items"][0]["title_ar"] == "السودان"
    f = client.get(f"/api/v1/situations/{sid}").json()
    assert f["clock"]["status"] == "no alert" and len(f["timeline"]) == 2
    assert client.get("/api/v1/responses", params={"situation_id": sid}).json()["total"] == 1
    lat = client.get("/api/v1/situations/latency").json()
    assert lat["overall"]["n"] == 0 and lat["situations"][0]["status"] == "no alert"
    assert client.get("/api/v1/situations/0").status_code == 422
    assert client.get("/api/v1/situations/99999999999").status_code == 422
    # Pages: Arabic by default, English by ?lang=en, no scripts.
    page = client.get(f"/situations/{sid}")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and "السودان" in page.text
    assert "مبعوث خاص" in page.text and "<script" not in page.text
    en = client.get(f"/situations/{sid}?lang=en")
    assert 'dir="ltr"' in en.text and "Special envoy" in en.text
    listing_page = client.get("/situations?lang=en")
    assert listing_page.status_code == 200 and "From warning to action" in listing_page.text
    assert client.get("/situations/4242").status_code == 404


def test_roster_funds_partners_over_the_api(client, runtime) -> None:  # type: ignore[no-untyped-def]
    sid = client.post(
        "/api/v1/situations", json={"title_en": "Yemen", "title_ar": "اليمن", "region": "MENA"}
    ).json()["id"]
    r = client.post(
        "/api/v1/experts",
        json={
            "name": "ريم",
            "gender": "woman",
            "themes": ["ceasefire_security"],
            "languages": ["ar"],
            "regions": ["mena"],
            "availability": [{"starts_on": "2026-01-01", "ends_on": "2026-12-31"}],
        },
    )
    assert r.status_code == 201, r.text
    eid = r.json()["id"]
    assert (
        client.post(
            "/api/v1/experts",
            json={
                "name": "x",
                "gender": "woman",
                "themes": ["magic"],
                "languages": ["ar"],
                "regions": ["mena"],
            },
        ).status_code
        == 400
    )
    m = client.post(
        "/api/v1/roster/match",
        json={
            "themes": ["ceasefire_security"],
            "languages": ["ar"],
            "region": "mena",
            "start": "2026-04-01",
            "size": 1,
        },
    ).json()
    assert [t["name"] for t in m["team"]] == ["ريم"] and m["team"][0]["reasons"]
    b = client.post(
        "/api/v1/roster/bookings",
        json={
            "expert_ids": [eid],
            "starts_on": "2026-04-01",
            "ends_on": "2026-04-10",
            "situation_id": sid,
        },
    )
    assert b.status_code == 201
    again = client.post(
        "/api/v1/roster/bookings",
        json={"expert_ids": [eid], "starts_on": "2026-04-05", "ends_on": "2026-04-06"},
    )
    assert again.status_code == 409 and error_of(again) == "E-CON-142"
    assert client.get("/api/v1/roster/bookings", params={"expert_id": eid}).json()["total"] == 1
    far = client.post(
        "/api/v1/roster/bookings",
        json={"expert_ids": [eid], "starts_on": "9999-12-31", "ends_on": "9999-12-31"},
    )
    assert far.status_code == 400
    fund = client.post(
        "/api/v1/funds", json={"name": "Rapid response", "opening_balance": "1,000.00"}
    ).json()
    assert fund["balance_minor"] == 100_000
    over = client.post(
        f"/api/v1/funds/{fund['id']}/allocations",
        json={"situation_id": sid, "amount": "1000.01", "purpose": "x"},
    )
    assert over.status_code == 409 and error_of(over) == "E-CON-151"
    ok = client.post(
        f"/api/v1/funds/{fund['id']}/allocations",
        json={"situation_id": sid, "amount": "250", "purpose": "بعثة تقصي حقائق"},
    )
    assert ok.status_code == 201
    assert (
        client.post(
            f"/api/v1/funds/{fund['id']}/allocations",
            json={"situation_id": sid, "amount": "-5", "purpose": "x"},
        ).status_code
        == 422
    )
    assert client.get(f"/api/v1/funds/{fund['id']}").json()["balance_minor"] == 75_000
    coalition = client.post(
        "/api/v1/partners",
        json={
            "name_en": "Coalition",
            "name_ar": "التحالف",
            "kind": "coalition",
            "founded_on": "2014-09-01",
        },
    ).json()
    state = client.post(
        "/api/v1/partners",
        json={"name_en": "Iraq", "name_ar": "العراق", "kind": "state", "iso3": "IRQ"},
    ).json()
    assert (
        client.post(
            f"/api/v1/partners/{coalition['id']}/members",
            json={"member_id": state["id"], "joined_on": "2014-09-11"},
        ).status_code
        == 201
    )
    assert (
        client.get(f"/api/v1/partners/{coalition['id']}", params={"as_of": "2014-09-10"}).json()[
            "members"
        ]
        == []
    )
    assert (
        len(
            client.get(
                f"/api/v1/partners/{coalition['id']}", params={"as_of": "2015-01-01"}
            ).json()["members"]
        )
        == 1
    )
    assert (
        client.post(
            f"/api/v1/situations/{sid}/partners",
            json={"partner_id": coalition["id"], "role": "donor"},
        ).status_code
        == 200
    )
    assert client.get("/api/v1/partners", params={"kind": "state"}).json()["total"] == 1
    f = client.get(f"/api/v1/situations/{sid}").json()
    assert f["bookings"][0]["expert"] == "ريم" and f["allocations"][0]["amount"] == "250.00"
    page = client.get(f"/situations/{sid}")
    assert "ريم" in page.text and "250.00" in page.text


def test_openapi_lists_the_act_routes(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/v1/alerts",
        "/api/v1/situations/{situation_id}/responses",
        "/api/v1/roster/match",
        "/api/v1/funds/{fund_id}/allocations",
        "/api/v1/partners/{partner_id}/members",
    ):
        assert p in paths
