"""Read-only pages for the alert queue, the roster (with matching), funds and partners.

Everything is a GET (the roster match form included), so no page writes and no
CSRF token is needed; writes go through the API and the CLI.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from wiqaya.act import roster, service
from wiqaya.errors import InputError
from wiqaya.store import act as store
from wiqaya.store import warn as warn_store
from wiqaya.store.models.act import THEMES
from wiqaya.web import i18n
from wiqaya.web.api.act_params import SAFE
from wiqaya.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE = 100

i18n.register(
    {
        "nav.alerts": ("الإنذارات", "Alerts"),
        "nav.roster": ("قائمة الخبراء", "Roster"),
        "nav.funds": ("الصناديق", "Funds"),
        "nav.partners": ("الشركاء", "Partners"),
        "al.title": ("قائمة الإنذارات", "Alert queue"),
        "al.all": ("الكل", "All"),
        "al.filter": ("تصفية", "Filter"),
        "al.warned": ("تاريخ الإنذار", "Warned"),
        "al.rule": ("القاعدة", "Rule"),
        "al.situation": ("ملف الحالة", "Situation"),
        "al.unfiled": ("غير مصنف", "not filed"),
        "al.shown": ("{n} من {total}", "{n} of {total}"),
        "ro.title": ("قائمة خبراء الوساطة", "Mediation roster"),
        "ro.match": (
            "اقتراح فريق قابل للنشر خلال 72 ساعة",
            "Propose a team deployable within 72 hours",
        ),
        "ro.themes": ("المحاور", "Themes"),
        "ro.languages": ("اللغات (رموز مثل ar,en)", "Languages (codes like ar,en)"),
        "ro.region": ("المنطقة", "Region"),
        "ro.start": ("تاريخ البدء", "Start date"),
        "ro.size": ("حجم الفريق", "Team size"),
        "ro.days": ("المدة بالأيام", "Days"),
        "ro.submit": ("اقترح فريقاً", "Propose a team"),
        "ro.team": ("الفريق المقترح", "Proposed team"),
        "ro.why": ("سبب الاختيار", "Why"),
        "ro.r_themes": ("المحاور: {v}", "themes: {v}"),
        "ro.r_langs": ("اللغات: {v}", "languages: {v}"),
        "ro.r_region": ("يعمل في {v}", "works in {v}"),
        "ro.r_arrive": (
            "يمكنه الوصول في {d} (بعد {h} ساعة من البدء، ضمن 72 ساعة)",
            "can arrive {d} ({h} h after the start, within 72 h)",
        ),
        "ro.n_swap": ("توازن الجنسين: {a} بدلاً من {b}", "gender balance: {a} replaces {b}"),
        "ro.n_short": (
            "لا يطابق الطلب إلا {n} من الخبراء القابلين للنشر؛ المطلوب {size}",
            "only {n} deployable expert(s) match; {size} requested",
        ),
        "ro.arrives": ("الوصول", "Arrives"),
        "ro.gender": ("الجنس", "Gender"),
        "ro.gender_met": (
            "قاعدة التوازن بين الجنسين: مستوفاة ({n} نساء على الأقل)",
            "Gender balance: met (at least {n} women)",
        ),
        "ro.gender_unmet": (
            "قاعدة التوازن بين الجنسين: غير مستوفاة ({n} نساء مطلوبات)",
            "Gender balance: NOT met ({n} women required)",
        ),
        "ro.eligible": ("مؤهلون: {n}", "Eligible: {n}"),
        "ro.available": ("متاح", "Available"),
        "ro.none": (
            "لا يوجد خبير مؤهل ومتاح خلال 72 ساعة.",
            "No qualified expert can deploy within 72 hours.",
        ),
        "g.woman": ("امرأة", "woman"),
        "g.man": ("رجل", "man"),
        "g.other": ("آخر", "other"),
        "th.process_design": ("تصميم العملية", "Process design"),
        "th.ceasefire_security": (
            "وقف إطلاق النار والترتيبات الأمنية",
            "Ceasefire and security arrangements",
        ),
        "th.constitution_making": ("صياغة الدساتير", "Constitution making"),
        "th.power_sharing": ("تقاسم السلطة", "Power sharing"),
        "th.wealth_sharing": (
            "تقاسم الثروة والموارد الطبيعية",
            "Wealth and natural-resource sharing",
        ),
        "th.gender_inclusion": ("النوع الاجتماعي والشمول", "Gender and inclusion"),
        # Region codes experts are listed under (free codes; these are the common ones).
        "rg.mena": ("الشرق الأوسط وشمال أفريقيا", "Middle East and North Africa"),
        "rg.levant": ("بلاد الشام", "Levant"),
        "rg.mashreq": ("المشرق", "Mashreq"),
        "rg.maghreb": ("المغرب العربي", "Maghreb"),
        "rg.gulf": ("الخليج", "Gulf"),
        "rg.horn_of_africa": ("القرن الأفريقي", "Horn of Africa"),
        "rg.horn": ("القرن الأفريقي", "Horn of Africa"),
        "rg.sahel": ("الساحل", "Sahel"),
        "rg.africa": ("أفريقيا", "Africa"),
        "fu.title": ("صناديق الاستجابة السريعة", "Rapid-response funds"),
        "fu.balance": ("الرصيد", "Balance"),
        "fu.allocated": ("المخصص", "Allocated"),
        "fu.movements": ("الحركات", "Movements"),
        "fu.deposit": ("إيداع", "Deposit"),
        "fu.allocation": ("تخصيص", "Allocation"),
        "pa.title": ("الشركاء", "Partners"),
        "pa.kind": ("النوع", "Kind"),
        "pa.founded": ("التأسيس", "Founded"),
        "pa.members": ("الأعضاء في {day}", "Members on {day}"),
        "pa.as_of": ("في تاريخ", "As of"),
        "pa.show": ("اعرض", "Show"),
        "pa.mandates": ("الولايات عبر الزمن", "Mandates over time"),
        "pa.legal": ("الأساس القانوني", "Legal basis"),
        "pa.size": ("الحجم", "Size"),
        "pa.source": ("المصدر", "Source"),
        "pa.parent": ("تابعة لـ", "Part of"),
        "pa.since": ("منذ", "since"),
        "pk.state": ("دولة", "State"),
        "pk.regional_organisation": ("منظمة إقليمية", "Regional organisation"),
        "pk.coalition": ("تحالف", "Coalition"),
        "pk.un_mission": ("بعثة أممية", "UN mission"),
        "pk.mission": ("بعثة", "Mission"),
        # Roles recorded in the demo's situation files; analysts' own text is
        # shown as typed (see i18n.phrase).
        "phrase.party": ("طرف", "party"),
        "phrase.training and advice": ("تدريب ومشورة", "training and advice"),
        "phrase.military campaign against daesh": (
            "حملة عسكرية ضد داعش",
            "military campaign against Daesh",
        ),
        "phrase.un political mission": ("بعثة سياسية أممية", "UN political mission"),
        "phrase.regional body, joint envoy": (
            "هيئة إقليمية، مبعوث مشترك",
            "regional body, joint envoy",
        ),
        "phrase.regional good offices": ("مساعٍ حميدة إقليمية", "regional good offices"),
        "phrase.regional body": ("هيئة إقليمية", "regional body"),
    }
)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(
    request: Request,
    state: Literal["", "new", "acknowledged", "escalated", "dismissed"] = "",
    country: Annotated[str, Query(pattern=r"^([A-Za-z]{3})?$")] = "",
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    f = warn_store.AlertFilter(state=state or None, country=country or None)
    with request.app.state.runtime.sessions() as s:
        rows, total = warn_store.list_alerts(s, f, limit=PAGE, offset=offset)
        filed = store.alert_situations(s, [a.id for a in rows])
        alerts = [warn_store.alert_dict(a) for a in rows]
    return render(
        request,
        "alerts.html",
        {
            "alerts": alerts,
            "filed": filed,
            "total": total,
            "state": state,
            "country": country.upper(),
            "offset": offset,
            "page_size": PAGE,
            "page": "alerts",
        },
    )


@router.get("/roster", response_class=HTMLResponse)
def roster_page(
    request: Request,
    themes: Annotated[list[str], Query(max_length=10)] = [],  # noqa: B006 - FastAPI query list
    languages: Annotated[str, Query(max_length=100, pattern=SAFE)] = "",
    region: Annotated[str, Query(max_length=60, pattern=SAFE)] = "",
    start: date | None = None,
    size: Annotated[int, Query(ge=1, le=20)] = 3,
    days: Annotated[int, Query(ge=1, le=180)] = 14,
) -> HTMLResponse:
    team = error = None
    if start is not None:
        try:
            req = roster.make_request(
                themes,
                [x for x in languages.split(",") if x.strip()],
                region or None,
                start,
                size,
                days,
            )
            team = service.match(request.app.state.runtime, req)
        except InputError as exc:
            error = exc.message
    with request.app.state.runtime.sessions() as s:
        experts, total = store.list_experts(s, limit=500)
        rows = [store.expert_dict(e, store.expert_windows(s, e.id)) for e in experts]
    return render(
        request,
        "roster.html",
        {
            "experts": rows,
            "total": total,
            "team": team,
            "error": error,
            "themes_all": THEMES,
            "form": {
                "themes": themes,
                "languages": languages,
                "region": region,
                "start": start.isoformat() if start else date.today().isoformat(),
                "size": size,
                "days": days,
            },
            "page": "roster",
        },
    )


@router.get("/funds", response_class=HTMLResponse)
def funds_page(request: Request) -> HTMLResponse:
    runtime = request.app.state.runtime
    with runtime.sessions() as s:
        funds, _ = store.list_funds(s, limit=500)
        ids = [f.id for f in funds]
    details = [service.fund_detail(runtime, i) for i in ids]
    with runtime.sessions() as s:
        titles = {x.id: x for x in store.list_situations(s, limit=500)[0]}
    return render(request, "funds.html", {"funds": details, "titles": titles, "page": "funds"})


@router.get("/partners", response_class=HTMLResponse)
def partners_page(request: Request) -> HTMLResponse:
    with request.app.state.runtime.sessions() as s:
        rows, total = store.list_partners(s, limit=500)
        partners = [store.partner_dict(p) for p in rows]
    return render(
        request, "partners.html", {"partners": partners, "total": total, "page": "partners"}
    )


@router.get("/partners/{partner_id}", response_class=HTMLResponse)
def partner_page(
    request: Request,
    partner_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    as_of: date | None = None,
) -> HTMLResponse:
    runtime = request.app.state.runtime
    d = service.partner_detail(runtime, partner_id, as_of)
    parent = service.partner_detail(runtime, d["parent_id"]) if d["parent_id"] else None
    return render(request, "partner.html", {"p": d, "parent": parent, "page": "partners"})
