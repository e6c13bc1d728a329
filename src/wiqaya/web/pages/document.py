"""One document: its full text with every coded event and indicator highlighted at its span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from wiqaya.store.browse import Highlight, document_detail
from wiqaya.web import i18n
from wiqaya.web.api.common import MAX_ID
from wiqaya.web.templating import render, request_lang

router = APIRouter(include_in_schema=False)

i18n.register(
    {
        "doc.title": ("وثيقة", "Document"),
        "doc.text": ("النص كما ورد", "Text as received"),
        "doc.events": ("الأحداث المرمّزة من هذه الوثيقة", "Events coded from this document"),
        "doc.places": ("الأماكن المذكورة", "Places mentioned"),
        "doc.no_events": ("لم تُرمَّز أحداث من هذه الوثيقة بعد.", "No events coded from it yet."),
        "doc.no_places": ("لم تُستخرج أماكن بعد.", "No places extracted yet."),
        "doc.original": ("المصدر الأصلي", "Original source"),
        "doc.missing": (
            "لا توجد وثيقة بالرقم {id}.",
            "There is no document number {id}.",
        ),
        "doc.highlight_note": (
            "المقاطع المظللة هي أدلة الأحداث والمؤشرات.",
            "Highlighted passages are the evidence for events and indicators.",
        ),
        "place.resolved": ("محدَّد", "resolved"),
        "place.ambiguous": ("ملتبس", "ambiguous"),
        "place.unresolved": ("غير محدَّد", "unresolved"),
    }
)


@dataclass
class Segment:
    text: str
    marks: list[Highlight]


def segments(text: str, highlights: list[Highlight]) -> list[Segment]:
    """Cut ``text`` at every span edge; each piece knows which highlights cover it.

    Spans outside the text (a coder bug or a changed text) are clipped, never
    trusted to index past the end.
    """
    valid = [h for h in highlights if 0 <= h.start < h.end and h.start < len(text)]
    cuts = sorted(
        {0, len(text), *(h.start for h in valid), *(min(h.end, len(text)) for h in valid)}
    )
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        out.append(
            Segment(text[a:b], [h for h in valid if h.start <= a and min(h.end, len(text)) >= b])
        )
    return out


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request, document_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> HTMLResponse:
    lang = request_lang(request)
    with request.app.state.runtime.sessions() as session:
        doc = document_detail(session, document_id)
    if doc is None:
        t = i18n.translator(lang)
        return render(
            request,
            "message.html",
            {
                "page": "documents",
                "heading": t("doc.title"),
                "message": t("doc.missing", id=document_id),
            },
            status_code=404,
        )
    return render(
        request,
        "document.html",
        {
            "page": "documents",
            "doc": doc,
            "segments": segments(doc.text, doc.highlights),
            "events": doc.events,
        },
    )
