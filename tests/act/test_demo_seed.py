"""The demo seed: real alerts and partners, EXAMPLE files clearly marked, idempotent."""

from __future__ import annotations

from datetime import date

from tests.helpers import logged_in_client
from wiqaya.act import service
from wiqaya.act.demo_seed import seed_examples
from wiqaya.store import act as store

TODAY = date(2026, 11, 23)


def test_seed_is_idempotent_and_labelled(runtime) -> None:  # type: ignore[no-untyped-def]
    first = seed_examples(runtime, today=TODAY)
    assert first.situations == 4 and first.experts == 10 and first.alerts_created > 0
    assert first.notes == []
    second = seed_examples(runtime, today=TODAY)
    assert (second.situations, second.experts, second.responses, second.partners) == (0, 0, 0, 0)
    assert second.alerts_created == 0 and second.bookings == 0

    with runtime.sessions() as s:
        situations, total = store.list_situations(s)
        experts, _ = store.list_experts(s, limit=500)
        partners, _ = store.list_partners(s, limit=500)
    assert total == 4 and all(x.is_example for x in situations)
    assert all(x.is_example and x.name.startswith("EXAMPLE") for x in experts)
    # Partners are public facts, not examples, and organisations carry a source.
    assert not any(p.is_example for p in partners)
    assert all(p.source for p in partners if p.kind != "state")

    report = service.latency(runtime, today=TODAY)
    assert report.overall.n == 3 and report.examples == 3 and report.pending == 1
    syria = next(c for c in report.clocks if c.country == "SYR")
    # The real CUSUM alarm on UCDP data closes 2011; the envoy example is dated 23 Feb 2012.
    assert syria.first_alert_at.date() == date(2012, 1, 1)
    assert service.latency(runtime, include_examples=False).overall.n == 0


def test_seeded_partners_tell_the_history(runtime) -> None:  # type: ignore[no-untyped-def]
    seed_examples(runtime, today=TODAY)
    with runtime.sessions() as s:
        coalition = store.find_partner(s, "Global Coalition against Daesh")
        nmi = store.find_partner(s, "NATO Mission Iraq")
    before = service.partner_detail(runtime, coalition.id, date(2014, 9, 10))
    after = service.partner_detail(runtime, coalition.id, date(2014, 9, 12))
    assert before["members"] == [] and len(after["members"]) == 11
    assert [m["size"] for m in after["mandates"]] == [None, 79]
    d = service.partner_detail(runtime, nmi.id)
    assert [m["size"] for m in d["mandates"]] == [500, 4000]
    assert d["situations"][0]["title_en"].startswith("EXAMPLE: Iraq")


def test_seeded_pages_show_the_example_badge(runtime) -> None:  # type: ignore[no-untyped-def]
    seed_examples(runtime, today=TODAY)
    client = logged_in_client(runtime)
    page = client.get("/situations")
    assert page.status_code == 200
    assert "مثال توضيحي" in page.text and "ملفات توضيحية" in page.text
    with runtime.sessions() as s:
        iraq = store.find_situation(s, "EXAMPLE: Iraq, Daesh offensive 2013-2014")
    f = client.get(f"/situations/{iraq.id}?lang=en")
    assert "EXAMPLE" in f.text and "NATO Mission Iraq" in f.text
    assert "EXAMPLE Huda Al-Sayed" in f.text and "75,000.00" in f.text


def test_recorded_roles_read_in_the_page_language(runtime) -> None:  # type: ignore[no-untyped-def]
    seed_examples(runtime, today=TODAY)
    client = logged_in_client(runtime)
    with runtime.sessions() as s:
        iraq = store.find_situation(s, "EXAMPLE: Iraq, Daesh offensive 2013-2014")
    ar = client.get(f"/situations/{iraq.id}?lang=ar").text
    en = client.get(f"/situations/{iraq.id}?lang=en").text
    # The demo's partner and actor roles, typed in English, show in Arabic on
    # Arabic pages and unchanged on English ones.
    assert "تدريب ومشورة" in ar and "training and advice" not in ar
    assert "طرف" in ar and ">party<" not in ar
    assert "training and advice" in en and ">party<" in en
    country = client.get("/country/IRQ?lang=ar").text
    assert "بعثة سياسية أممية" in country and "UN political mission" not in country
