"""The first page: what has been ingested (sources, months, latest documents, quarantine)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wiqaya.store.overview import ingest_overview
from wiqaya.store.read import LatestEvent, latest_events
from wiqaya.web import i18n
from wiqaya.web.templating import render

router = APIRouter(include_in_schema=False)

i18n.register(
    {
        "ingested.title": ("ما جُمع من مصادر", "What has been ingested"),
        "ingested.sources": ("المصادر", "Sources"),
        "ingested.source": ("المصدر", "Source"),
        "ingested.kind": ("النوع", "Kind"),
        "ingested.documents": ("الوثائق", "Documents"),
        "ingested.sightings": ("المشاهدات", "Sightings"),
        "ingested.licence": ("الترخيص", "Licence"),
        "ingested.by_month": ("الوثائق حسب اللغة والشهر", "Documents by language and month"),
        "ingested.month": ("الشهر", "Month"),
        "ingested.lang": ("اللغة", "Language"),
        "ingested.latest": ("أحدث الوثائق", "Latest documents"),
        "ingested.title_col": ("العنوان / النص", "Title / text"),
        "ingested.date": ("التاريخ", "Date"),
        "ingested.quarantine": ("المدخلات المعزولة", "Quarantined inputs"),
        "ingested.origin": ("الأصل", "Origin"),
        "ingested.reason": ("السبب", "Reason"),
        "ingested.detail": ("التفاصيل", "Detail"),
        "ingested.none_quarantined": ("لم يُعزل أي مدخل.", "Nothing was quarantined."),
        "ingested.empty": (
            "لا توجد وثائق بعد. شغّل ‎wiqaya ingest PATH‎ لإضافة مصادر.",
            "No documents yet. Run `wiqaya ingest PATH` to add sources.",
        ),
        "ingested.datasets": ("سجلات البيانات", "Dataset records"),
        "ingested.battle_deaths": ("وفيات المعارك (UCDP)", "Battle deaths (UCDP)"),
        "ingested.dataset_events": ("أحداث مستوردة", "Imported events"),
        "lang.ar": ("العربية", "Arabic"),
        "lang.en": ("الإنجليزية", "English"),
        "lang.mixed": ("مختلطة", "Mixed"),
        "lang.und": ("غير محددة", "Undetermined"),
        "events.latest": ("أحدث الأحداث المستخرجة", "Latest extracted events"),
        "events.type": ("النوع", "Type"),
        "events.sentence": ("الجملة والدليل", "Sentence and evidence"),
        "events.where": ("المكان", "Where"),
        "events.actors": ("الفاعل ← المستهدف", "Source → target"),
        "events.none": (
            "لا أحداث بعد. شغّل ‎wiqaya read‎ لاستخراجها.",
            "No events yet. Run `wiqaya read` to extract them.",
        ),
    }
)


@router.get("/ingested", response_class=HTMLResponse)
def ingested(request: Request) -> HTMLResponse:
    with request.app.state.runtime.sessions() as session:
        overview = ingest_overview(session)
        events = [_highlight(e) for e in latest_events(session, 10)]
    return render(request, "ingested.html", {"o": overview, "events": events, "page": "ingested"})


def _highlight(e: LatestEvent) -> dict:
    """Split the sentence around the evidence; the template escapes each part."""
    if e.mark_start is None:
        before, mark, after = e.sentence, "", ""
    else:
        before = e.sentence[: e.mark_start]
        mark = e.sentence[e.mark_start : e.mark_end]
        after = e.sentence[e.mark_end :]
    return {"e": e, "before": before, "mark": mark, "after": after}
