"""One alert, a situation with a response and partners: the act/warn records pages show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from wiqaya.act import service
from wiqaya.runtime import Runtime
from wiqaya.store.engine import transaction
from wiqaya.store.warn import upsert_alert
from wiqaya.warn.detect import AlertCandidate

TITLE_EN = "Darfur escalation watch"
TITLE_AR = "متابعة تصعيد دارفور"
GROUP_EN = "Intergovernmental Authority on Development"
GROUP_AR = "الهيئة الحكومية الدولية المعنية بالتنمية"
MEDIATOR_EN = "African Union Panel"
MEDIATOR_AR = "فريق الاتحاد الأفريقي"


@dataclass
class ActSeeded:
    alert_id: int
    situation_id: int
    group_id: int
    mediator_id: int


def seed_act(
    runtime: Runtime,
    country: str = "SDN",
    month: str = "2024-05",
    documents: list[int] | None = None,
) -> ActSeeded:
    """A high-severity alert warned mid-``month``, filed, answered 9 days later."""
    warned = datetime.fromisoformat(f"{month}-10T00:00:00")
    cand = AlertCandidate(
        rule="deaths_surge",
        kind="change",
        country=country,
        variable="events.ASSAULT",
        freq="month",
        period_start=month,
        period_end=month,
        warned_at=warned,
        severity="high",
        score=4.2,
        summary_en="Assaults tripled against the previous quarter",
        summary_ar="تضاعفت الاعتداءات ثلاث مرات مقارنة بالربع السابق",
        evidence={"documents": list(documents or []), "events": []},
    )
    with transaction(runtime.sessions) as s:
        alert_id = upsert_alert(s, cand).alert_id
    sit = service.create_situation(
        runtime,
        title_en=TITLE_EN,
        title_ar=TITLE_AR,
        region="Africa",
        country=country,
        alert_ids=[alert_id],
    )
    service.add_response(
        runtime,
        sit["id"],
        response_type="special_envoy",
        actor="AU envoy",
        taken_on=date(warned.year, warned.month, 19),
    )
    state = service.add_partner(
        runtime,
        name_en=f"Government of {country}",
        name_ar=f"حكومة {country}",
        kind="state",
        iso3=country,
    )
    group = service.add_partner(
        runtime, name_en=GROUP_EN, name_ar=GROUP_AR, kind="regional_organisation"
    )
    service.add_membership(runtime, group["id"], state["id"], date(1996, 3, 21))
    mediator = service.add_partner(
        runtime, name_en=MEDIATOR_EN, name_ar=MEDIATOR_AR, kind="mission"
    )
    service.link_partner(runtime, sit["id"], mediator["id"], "mediator")
    return ActSeeded(alert_id, sit["id"], group["id"], mediator["id"])
