"""The library API and page: search, records, errors in the one shape, paging, RTL page."""

from __future__ import annotations

from tests.helpers import logged_in_client


def test_api_search_and_records(library) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(library)
    r = client.get("/api/v1/library/search", params={"q": "الصخيرات", "limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["limit"] == 2 and len(body["hits"]) == 2
    assert {h["id"] for h in body["hits"]} == {1370, 1427}
    assert body["understood"][0]["known"] is True
    page2 = client.get("/api/v1/library/search", params={"q": "agreement", "limit": 2, "offset": 2})
    page1 = client.get("/api/v1/library/search", params={"q": "agreement", "limit": 4})
    assert [h["id"] for h in page2.json()["hits"]] == [h["id"] for h in page1.json()["hits"]][2:]
    one = client.get("/api/v1/library/agreements/2120").json()
    assert one["country"] == "YEM" and one["passages"][0]["seq"] == 0
    assert one["provenance"]["source"] == "pax"


def test_api_errors_have_one_shape(library) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(library)
    r = client.get("/api/v1/library/agreements/99999999")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "E-LIB-404"
    r = client.get("/api/v1/library/search", params={"q": "x", "country": "Narnia"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "E-LIB-005"
    r = client.get("/api/v1/library/search", params={"q": "x", "limit": 0})
    assert r.status_code == 422 and "error" in r.json()


def test_api_lessons_and_relevant(library) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(library)
    r = client.post(
        "/api/v1/library/lessons",
        json={
            "title": "دروس التهدئة في الحديدة",
            "text": "لجنة مراقبة مشتركة.",
            "country": "YEM",
            "situation": "S-1",
            "provisions": ["Ce"],
        },
    )
    assert r.status_code == 201
    lesson_id = r.json()["id"]
    rel = client.get("/api/v1/library/relevant", params={"country": "YEM", "situation": "S-1"})
    assert rel.json()[0]["id"] == lesson_id
    bad = client.post("/api/v1/library/lessons", json={"title": "x", "text": "y", "country": "??"})
    assert bad.status_code == 400


def test_library_page_is_rtl_with_marks_and_no_script(library) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(library)
    r = client.get("/library", params={"q": "اتفاق الحديدة"})
    assert r.status_code == 200
    assert 'dir="rtl"' in r.text and "<mark>" in r.text
    assert "<script" not in r.text and " onclick=" not in r.text
    en = client.get("/library", params={"q": "Hodeidah", "lang": "en", "provision": "Ce"})
    assert 'dir="ltr"' in en.text and "Hodeidah" in en.text
    bad = client.get("/library", params={"q": "x", "from": "someday"})
    assert bad.status_code == 400 and "E-LIB-008" in bad.text
    item = client.get("/library/items/2120")
    assert item.status_code == 200 and "Hodeidah" in item.text
    assert client.get("/library/items/nope").status_code == 404
