"""The act pages on a seeded database: Arabic by default, English on request, no scripts."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from tests.helpers import logged_in_client
from wiqaya.act.demo_seed import seed_examples
from wiqaya.store import act as store
from wiqaya.warn.service import move_alert

TODAY = date(2026, 11, 23)


@pytest.fixture
def client(runtime) -> TestClient:  # type: ignore[no-untyped-def]
    seed_examples(runtime, today=TODAY)
    return logged_in_client(runtime, raise_server_exceptions=False)


def test_alert_queue_page(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/alerts")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert "ارتفاع مفاجئ" in page.text and "/situations/" in page.text
    # The stored summary names the series «ucdp.bd_best»; the page names it in words.
    assert "ارتفاع مفاجئ في وفيات المعارك (أفضل تقدير)" in page.text
    assert "ucdp.bd_best" not in page.text
    only = client.get("/alerts?country=SYR&state=new&lang=en")
    assert "SYR" in only.text and "IRQ:" not in only.text
    assert "abrupt rise in battle deaths (best estimate)" in only.text
    assert client.get("/alerts?country=Syria").status_code == 422
    assert "<script" not in page.text


def test_country_page_names_alert_series_in_words(client) -> None:  # type: ignore[no-untyped-def]
    # The country page lists the same alerts as the queue: it must name them alike.
    syria = client.get("/alerts?country=SYR&lang=ar").text
    assert "ارتفاع مفاجئ في وفيات المعارك (أفضل تقدير)" in syria
    page = client.get("/country/SYR?lang=ar")
    assert page.status_code == 200
    assert "ارتفاع مفاجئ في وفيات المعارك (أفضل تقدير)" in page.text
    assert "ucdp.bd_best" not in page.text


def test_roster_page_matches_with_reasons(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get(
        "/roster",
        params={
            "themes": ["power_sharing", "ceasefire_security"],
            "languages": "ar",
            "region": "mena",
            "start": "2026-11-25",
            "size": 3,
            "lang": "en",
        },
    )
    assert page.status_code == 200
    assert "Proposed team" in page.text and "within 72 h" in page.text
    assert "Gender balance: met" in page.text
    # Booked from 30 November for the Iraq example: not proposed for an overlapping request.
    team_part = page.text.split("Proposed team")[1].split("Mediation roster")[0]
    assert "EXAMPLE Huda Al-Sayed" not in team_part
    bad = client.get("/roster", params={"themes": ["astrology"], "start": "2026-11-25"})
    assert bad.status_code == 200 and "unknown theme" in bad.text
    assert client.get("/roster", params={"start": "not-a-date"}).status_code == 422
    arabic = client.get("/roster?lang=ar")
    assert "تقاسم السلطة" in arabic.text
    # Languages and regions are named in the page's language, not as codes.
    assert "العربية" in arabic.text and "القرن الأفريقي" in arabic.text
    assert "horn_of_africa" not in arabic.text and "levant, mena" not in arabic.text
    assert "Horn of Africa" in client.get("/roster?lang=en").text
    # Why each member was chosen, in Arabic: themes, languages, region and arrival.
    ask = {"themes": ["power_sharing"], "languages": "ar", "region": "mena"}
    why = client.get("/roster", params={**ask, "start": "2026-11-25", "size": 3, "lang": "ar"})
    team = why.text.split("الفريق المقترح")[1].split("قائمة خبراء الوساطة")[0]
    assert "المحاور: تقاسم السلطة" in team and "اللغات: العربية" in team
    assert "يعمل في الشرق الأوسط وشمال أفريقيا" in team and "ضمن 72 ساعة" in team
    assert "themes:" not in team and "can arrive" not in team


def test_funds_and_partner_pages(client, runtime) -> None:  # type: ignore[no-untyped-def]
    funds = client.get("/funds?lang=en")
    assert "EXAMPLE Rapid-Response Fund" in funds.text and "425,000.00" in funds.text
    partners = client.get("/partners?lang=ar")
    assert "التحالف الدولي ضد داعش" in partners.text
    with runtime.sessions() as s:
        coalition = store.find_partner(s, "Global Coalition against Daesh")
        nmi = store.find_partner(s, "NATO Mission Iraq")
    early = client.get(f"/partners/{coalition.id}?as_of=2014-09-10&lang=en")
    assert "(0)" in early.text
    later = client.get(f"/partners/{coalition.id}?as_of=2015-01-01&lang=en")
    assert "(11)" in later.text and "Jordan" in later.text
    mission = client.get(f"/partners/{nmi.id}?lang=ar")
    assert "بعثة استشارية غير قتالية" in mission.text and "4,000" in mission.text
    assert client.get("/partners/999999").status_code == 404


def test_situation_timeline_shows_alert_review(client, runtime) -> None:  # type: ignore[no-untyped-def]
    with runtime.sessions() as s:
        syria = store.find_situation(s, "EXAMPLE: Syria, onset of war 2011")
        alert_id = store.situation_alerts(s, syria.id)[0].id
    move_alert(runtime, alert_id, "acknowledged", reason=None, actor="analyst")
    page = client.get(f"/situations/{syria.id}?lang=en")
    assert "Alert review" in page.text and "Acknowledged" in page.text
