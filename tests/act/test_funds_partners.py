"""Funds (amounts, deposits, refusals) and partners (memberships and mandates over time)."""

from __future__ import annotations

from datetime import date

import pytest

from wiqaya.act import service
from wiqaya.errors import ConflictError, InputError, NotFoundError


def test_parse_amount() -> None:
    assert service.parse_amount("12,500.50") == 1_250_050
    assert service.parse_amount("7") == 700
    for bad in ("1.005", "abc", "NaN", "inf", ""):
        with pytest.raises(InputError):
            service.parse_amount(bad)


def test_allocations_and_refusals(runtime) -> None:  # type: ignore[no-untyped-def]
    sit = service.create_situation(
        runtime, title_en="Yemen", title_ar="اليمن", region="MENA", country="YEM"
    )
    fund = service.create_fund(
        runtime, name="Rapid response", currency="usd", initial_minor=1_000_000
    )
    assert fund["currency"] == "USD" and fund["balance_minor"] == 1_000_000
    service.allocate(runtime, fund["id"], sit["id"], 400_000, purpose="فريق وساطة احتياطي")
    with pytest.raises(ConflictError, match="less than"):
        service.allocate(runtime, fund["id"], sit["id"], 600_001, purpose="too much")
    service.allocate(runtime, fund["id"], sit["id"], 600_000, purpose="the rest")
    detail = service.fund_detail(runtime, fund["id"])
    assert detail["balance_minor"] == 0 and detail["allocated_minor"] == 1_000_000
    service.deposit(runtime, fund["id"], 5_000, purpose="top-up")
    assert service.fund_detail(runtime, fund["id"])["balance_minor"] == 5_000
    for amount in (0, -5, True):
        with pytest.raises(InputError):
            service.allocate(runtime, fund["id"], sit["id"], amount, purpose="x")
    with pytest.raises(InputError, match="purpose"):
        service.allocate(runtime, fund["id"], sit["id"], 1, purpose=" ")
    with pytest.raises(NotFoundError):
        service.allocate(runtime, 9999, sit["id"], 1, purpose="x")
    with pytest.raises(NotFoundError):
        service.allocate(runtime, fund["id"], 9999, 1, purpose="x")
    with pytest.raises(InputError):
        service.create_fund(runtime, name="Bad", currency="dollars")
    f = service.situation_file(runtime, sit["id"])
    assert [m["amount"] for m in f["allocations"]] == ["4000.00", "6000.00"]


def test_coalition_membership_grows_and_mission_mandates(runtime) -> None:  # type: ignore[no-untyped-def]
    coalition = service.add_partner(
        runtime,
        name_en="Global Coalition against Daesh",
        name_ar="التحالف الدولي ضد داعش",
        kind="coalition",
        founded_on=date(2014, 9, 1),
    )
    iraq = service.add_partner(runtime, name_en="Iraq", name_ar="العراق", kind="state", iso3="IRQ")
    jordan = service.add_partner(
        runtime, name_en="Jordan", name_ar="الأردن", kind="state", iso3="JOR"
    )
    service.add_membership(runtime, coalition["id"], iraq["id"], date(2014, 9, 11))
    service.add_membership(runtime, coalition["id"], jordan["id"], date(2015, 3, 1))
    early = service.partner_detail(runtime, coalition["id"], date(2014, 12, 31))
    later = service.partner_detail(runtime, coalition["id"], date(2016, 1, 1))
    assert [m["name_en"] for m in early["members"]] == ["Iraq"]
    assert [m["name_en"] for m in later["members"]] == ["Iraq", "Jordan"]
    with pytest.raises(ConflictError):
        service.add_membership(runtime, coalition["id"], iraq["id"], date(2014, 9, 11))
    with pytest.raises(InputError):
        service.add_membership(runtime, iraq["id"], jordan["id"], date(2015, 1, 1))
    nato = service.add_partner(
        runtime, name_en="NATO", name_ar="حلف شمال الأطلسي", kind="regional_organisation"
    )
    nmi = service.add_partner(
        runtime,
        name_en="NATO Mission Iraq",
        name_ar="بعثة الناتو في العراق",
        kind="mission",
        parent_id=nato["id"],
        founded_on=date(2018, 10, 1),
    )
    service.add_mandate(
        runtime,
        nmi["id"],
        starts_on=date(2018, 10, 1),
        description_en="Advise Iraqi security institutions",
        size=500,
    )
    with pytest.raises(InputError):
        service.add_mandate(
            runtime,
            nmi["id"],
            starts_on=date(2020, 1, 1),
            ends_on=date(2019, 1, 1),
            description_en="x",
        )
    with pytest.raises(InputError, match="iso3"):
        service.add_partner(runtime, name_en="Nowhere", name_ar="لا مكان", kind="state")
    sit = service.create_situation(
        runtime, title_en="Iraq", title_ar="العراق", region="MENA", country="IRQ"
    )
    service.link_partner(runtime, sit["id"], nmi["id"], "training and advice")
    d = service.partner_detail(runtime, nmi["id"])
    assert d["mandates"][0]["size"] == 500 and d["parent_id"] == nato["id"]
    assert d["situations"][0]["role"] == "training and advice"
