"""Situation pages: the list with the warning-to-action report, and one situation file.

Read-only and server-rendered (no scripts): writes go through the API and CLI,
where the security layer guards them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from wiqaya.act import service
from wiqaya.store.models.act import RESPONSE_TYPES
from wiqaya.web import i18n
from wiqaya.web.templating import TEMPLATES, render

router = APIRouter(include_in_schema=False)


def _fromiso(value: str) -> date:
    """ISO date (or datetime) text from the service dicts back to a date for ``day()``."""
    return date.fromisoformat(value[:10])


TEMPLATES.env.filters.setdefault("fromiso", _fromiso)

i18n.register(
    {
        "nav.situations": ("الحالات", "Situations"),
        "sit.list_title": ("ملفات الحالات", "Situation files"),
        "sit.latency_title": ("من الإنذار إلى الفعل", "From warning to action"),
        "sit.latency_intro": (
            "المدة بين أول إنذار في ملف الحالة وأول استجابة مسجلة، بالأيام.",
            "Days from the first alert filed in a situation to its first recorded response.",
        ),
        "sit.median": ("الوسيط", "Median"),
        "sit.p25": ("الربيع الأدنى", "25th percentile"),
        "sit.p75": ("الربيع الأعلى", "75th percentile"),
        "sit.n": ("عدد الحالات المقيسة", "Situations measured"),
        "sit.pending": ("حالات تنتظر استجابة", "Situations awaiting a response"),
        "sit.before_warning": ("استجابات سبقت الإنذار", "Responses before the warning"),
        "sit.distribution": ("التوزيع", "Distribution"),
        "sit.by_region": ("حسب المنطقة", "By region"),
        "sit.by_type": ("حسب نوع أول استجابة", "By type of first response"),
        "sit.examples_in_report": (
            "منها {n} ملفات توضيحية (أمثلة للعرض)، وليست سجلات حقيقية.",
            "{n} of them are EXAMPLE files (demo records), not real records.",
        ),
        "sit.days": ("{n} يوماً", "{n} days"),
        "sit.running": ("الساعة تدور: {n} يوماً حتى الآن", "Clock running: {n} days so far"),
        "sit.no_alert": ("لا إنذار بعد", "No alert yet"),
        "sit.title": ("العنوان", "Title"),
        "sit.region": ("المنطقة", "Region"),
        "sit.country": ("البلد", "Country"),
        "sit.clock": ("ساعة الإنذار إلى الفعل", "Warning-to-action clock"),
        "sit.first_alert": ("أول إنذار", "First alert"),
        "sit.first_response": ("أول استجابة", "First response"),
        "sit.example": ("مثال توضيحي", "EXAMPLE"),
        "sit.example_note": (
            "سجل توضيحي أُنشئ للعرض، وليس سجلاً حقيقياً.",
            "Illustrative record created for the demo, not a real record.",
        ),
        "sit.timeline": ("الخط الزمني", "Timeline"),
        "sit.date": ("التاريخ", "Date"),
        "sit.what": ("ماذا", "What"),
        "sit.detail": ("تفاصيل", "Detail"),
        "sit.alerts": ("الإنذارات", "Alerts"),
        "sit.severity": ("الخطورة", "Severity"),
        "sit.state": ("الحالة", "State"),
        "sit.periods": ("الفترة", "Periods"),
        "sit.responses": ("الاستجابات المتخذة", "Responses taken"),
        "sit.actor": ("الجهة", "Actor"),
        "sit.type": ("النوع", "Type"),
        "sit.notes": ("ملاحظات", "Notes"),
        "sit.toolbox": ("خيارات الدبلوماسية الوقائية", "Preventive-diplomacy toolbox"),
        "sit.used": ("استُخدم", "used"),
        "sit.not_used": ("لم يُستخدم بعد", "not used yet"),
        "sit.outcomes": ("النتائج", "Outcomes"),
        "sit.team": ("فريق الوساطة المنتشر", "Mediation team deployed"),
        "sit.expert": ("الخبير", "Expert"),
        "sit.from": ("من", "From"),
        "sit.to": ("إلى", "To"),
        "sit.funds": ("تمويل الاستجابة السريعة", "Rapid-response funding"),
        "sit.fund": ("الصندوق", "Fund"),
        "sit.amount": ("المبلغ", "Amount"),
        "sit.purpose": ("الغرض", "Purpose"),
        "sit.partners": ("الشركاء", "Partners"),
        "sit.role": ("الدور", "Role"),
        "sit.actors": ("الأطراف المعنية", "Actors involved"),
        "sit.none": ("لا شيء بعد.", "None yet."),
        "sit.empty": (
            "لا توجد ملفات حالات بعد. أنشئ واحداً بالأمر ‎wiqaya situation create‎.",
            "No situation files yet. Create one with `wiqaya situation create`.",
        ),
        "kind.alert": ("إنذار", "Alert"),
        "kind.response": ("استجابة", "Response"),
        "kind.outcome": ("نتيجة", "Outcome"),
        "kind.alert_state": ("متابعة الإنذار", "Alert review"),
        "sit.status": ("وضع الملف", "File status"),
        "status.open": ("مفتوح", "open"),
        "status.closed": ("مغلق", "closed"),
        "kind.deployment": ("نشر خبير", "Deployment"),
        "kind.funding": ("تمويل", "Funding"),
        "bucket.before warning": ("قبل الإنذار", "Before the warning"),
        "bucket.0-7 days": ("0–7 أيام", "0-7 days"),
        "bucket.8-30 days": ("8–30 يوماً", "8-30 days"),
        "bucket.31-90 days": ("31–90 يوماً", "31-90 days"),
        "bucket.91-365 days": ("91–365 يوماً", "91-365 days"),
        "bucket.over a year": ("أكثر من سنة", "Over a year"),
        "rt.statement_of_concern": ("بيان إعراب عن القلق", "Statement of concern"),
        "rt.good_offices_sg": (
            "المساعي الحميدة للأمين العام",
            "Good offices of the Secretary-General",
        ),
        "rt.good_offices_regional": (
            "المساعي الحميدة لهيئة إقليمية",
            "Good offices of a regional body",
        ),
        "rt.special_envoy": ("مبعوث خاص", "Special envoy"),
        "rt.fact_finding_mission": ("بعثة لتقصي الحقائق", "Fact-finding mission"),
        "rt.group_of_friends": ("مجموعة أصدقاء", "Group of friends"),
        "rt.regional_office_engagement": ("تحرك المكتب الإقليمي", "Regional office engagement"),
        "rt.standby_mediation_team": (
            "نشر فريق الوساطة الاحتياطي",
            "Standby mediation team deployment",
        ),
        "rt.rapid_response_funding": ("تمويل الاستجابة السريعة", "Rapid-response funding"),
        "rt.sanctions_referral": ("إحالة إلى نظام العقوبات", "Sanctions referral"),
        "oc.de-escalated": ("خفّ التصعيد", "De-escalated"),
        "oc.stable": ("مستقر", "Stable"),
        "oc.escalated": ("تصاعد", "Escalated"),
        "st.new": ("جديد", "New"),
        "st.acknowledged": ("قيد المتابعة", "Acknowledged"),
        "st.escalated": ("صُعِّد", "Escalated"),
        "st.dismissed": ("رُفض", "Dismissed"),
        "sev.low": ("منخفضة", "Low"),
        "sev.medium": ("متوسطة", "Medium"),
        "sev.high": ("عالية", "High"),
        "sev.critical": ("حرجة", "Critical"),
    }
)


@router.get("/situations", response_class=HTMLResponse)
def situations_page(request: Request) -> HTMLResponse:
    examples = request.query_params.get("examples", "1") not in ("0", "false", "no")
    report = service.latency(request.app.state.runtime, include_examples=examples)
    return render(request, "situations.html", {"r": report, "page": "situations"})


@router.get("/situations/{situation_id}", response_class=HTMLResponse)
def situation_page(
    request: Request, situation_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> HTMLResponse:
    f = service.situation_file(request.app.state.runtime, situation_id)
    used = {r["response_type"] for r in f["responses"]}
    toolbox = [(t, t in used) for t in RESPONSE_TYPES]
    return render(request, "situation.html", {"f": f, "toolbox": toolbox, "page": "situations"})
