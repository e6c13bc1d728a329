"""Events and documents browsers with filters, and exports that obey the same filters."""

from __future__ import annotations

from urllib.parse import urlencode

import pyarrow as pa
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from wiqaya.errors import InputError
from wiqaya.store.browse import (
    MAX_EXPORT_ROWS,
    DocumentFilter,
    DocumentRow,
    EventFilter,
    EventRow,
    browse_documents,
    browse_events,
    document_facets,
    event_facets,
    iter_documents,
    iter_events,
)
from wiqaya.web import exports, i18n
from wiqaya.web.pages.params import Params
from wiqaya.web.templating import render

router = APIRouter(include_in_schema=False)
EVENT_FORMATS = ("csv", "parquet", "geojson")
DOCUMENT_FORMATS = ("csv", "parquet")

i18n.register(
    {
        "events.title": ("متصفّح الأحداث", "Events browser"),
        "docs.title": ("متصفّح الوثائق", "Documents browser"),
        "filter.country": ("الدولة (رمز ISO)", "Country (ISO code)"),
        "filter.any": ("الكل", "Any"),
        "filter.type": ("نوع الحدث", "Event type"),
        "filter.from": ("من تاريخ", "From"),
        "filter.to": ("إلى تاريخ", "To"),
        "filter.lang": ("لغة الوثيقة", "Document language"),
        "filter.q": ("بحث في النص", "Text contains"),
        "filter.source": ("المصدر", "Source"),
        "filter.apply": ("تطبيق", "Apply"),
        "filter.reset": ("مسح المرشّحات", "Clear filters"),
        "browse.count": ("{n} نتيجة", "{n} results"),
        "browse.page": ("الصفحة {p} من {n}", "Page {p} of {n}"),
        "browse.prev": ("السابق", "Previous"),
        "browse.next": ("التالي", "Next"),
        "browse.export": ("تصدير ما يظهر بالمرشّحات الحالية", "Export with the current filters"),
        "browse.export_note": (
            "يحوي الملف كل النتائج المطابقة (حتى {n} صف)، لا الصفحة الحالية فقط.",
            "The file holds every matching result (up to {n} rows), not only this page.",
        ),
        "events.empty": (
            "لا توجد أحداث مطابقة. وسّع المرشّحات، أو شغّل ‎wiqaya read‎ لترميز الوثائق.",
            "No matching events. Widen the filters, or run `wiqaya read` to code documents.",
        ),
        "docs.empty": (
            "لا توجد وثائق مطابقة. وسّع المرشّحات، أو شغّل ‎wiqaya ingest PATH‎.",
            "No matching documents. Widen the filters, or run `wiqaya ingest PATH`.",
        ),
        "docs.title_col": ("العنوان والمقتطف", "Title and excerpt"),
        "docs.type": ("النوع", "Type"),
        # The document types of `wiqaya ingest --type` (sift.pipeline.DOC_TYPES).
        "doctype.news": ("خبر", "news"),
        "doctype.report": ("تقرير", "report"),
        "doctype.lesson": ("درس مستفاد", "lesson"),
        "doctype.guidance": ("إرشادات", "guidance"),
        "doctype.agreement": ("اتفاق", "agreement"),
        "docs.events": ("أحداث", "Events"),
        "docs.date": ("التاريخ", "Date"),
    }
)


def _event_filter(p: Params) -> EventFilter:
    return EventFilter(
        country=p.iso3("country"),
        event_type=p.code("type"),
        date_from=p.date("from"),
        date_to=p.date("to"),
        lang=p.code("doclang"),
        q=p.text("q"),
        document_id=p.positive("doc", 0, 2**31 - 1) or None,
    )


def _document_filter(p: Params) -> DocumentFilter:
    return DocumentFilter(
        lang=p.code("doclang"),
        source=p.free("source"),
        date_from=p.date("from"),
        date_to=p.date("to"),
        q=p.text("q"),
        country=p.iso3("country"),
    )


def _export_query(request: Request) -> str:
    return urlencode(
        [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "lang")]
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    p = Params(dict(request.query_params))
    flt = _event_filter(p)
    page_no = p.positive("page", 1, 100_000)
    with request.app.state.runtime.sessions() as session:
        result = browse_events(session, flt, page=page_no)
        types, countries_present = event_facets(session)
    return render(
        request,
        "events.html",
        {
            "page": "events",
            "f": flt,
            "result": result,
            "types": types,
            "countries_present": countries_present,
            "export_query": _export_query(request),
            "formats": EVENT_FORMATS,
            "max_rows": MAX_EXPORT_ROWS,
            "rejected": p.rejected,
        },
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    p = Params(dict(request.query_params))
    flt = _document_filter(p)
    page_no = p.positive("page", 1, 100_000)
    with request.app.state.runtime.sessions() as session:
        result = browse_documents(session, flt, page=page_no)
        langs, sources = document_facets(session)
    return render(
        request,
        "documents.html",
        {
            "page": "documents",
            "f": flt,
            "result": result,
            "langs": langs,
            "sources": sources,
            "export_query": _export_query(request),
            "formats": DOCUMENT_FORMATS,
            "max_rows": MAX_EXPORT_ROWS,
            "rejected": p.rejected,
        },
    )


EVENT_TYPES = {
    "id": pa.int64(),
    "confidence": pa.float64(),
    "document_id": pa.int64(),
    "day": pa.date32(),
    "lat": pa.float64(),
    "lon": pa.float64(),
}
DOCUMENT_TYPES = {
    "id": pa.int64(),
    "events": pa.int64(),
    "published_at": pa.timestamp("us"),
    "ingested_at": pa.timestamp("us"),
}


def _file(body: bytes, fmt: str, stem: str) -> Response:
    return Response(
        body,
        media_type=exports.MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'},
    )


@router.get("/events/export/{fmt}")
def export_events(request: Request, fmt: str) -> Response:
    p = Params(dict(request.query_params))
    flt = _event_filter(p)
    if fmt not in EVENT_FORMATS or p.rejected:
        return _bad_export(fmt, EVENT_FORMATS, p.rejected)
    columns = exports.columns_of(EventRow)
    with request.app.state.runtime.sessions() as session:
        rows = list(iter_events(session, flt))
    if fmt == "csv":
        body = exports.to_csv(rows, columns)
    elif fmt == "parquet":
        body = exports.to_parquet(rows, columns, EVENT_TYPES)
    else:
        body = exports.to_geojson(rows, columns)
    return _file(body, fmt, "wiqaya-events")


@router.get("/documents/export/{fmt}")
def export_documents(request: Request, fmt: str) -> Response:
    p = Params(dict(request.query_params))
    flt = _document_filter(p)
    if fmt not in DOCUMENT_FORMATS or p.rejected:
        return _bad_export(fmt, DOCUMENT_FORMATS, p.rejected)
    columns = exports.columns_of(DocumentRow)
    with request.app.state.runtime.sessions() as session:
        rows = list(iter_documents(session, flt))
    if fmt == "csv":
        body = exports.to_csv(rows, columns)
    else:
        body = exports.to_parquet(rows, columns, DOCUMENT_TYPES)
    return _file(body, fmt, "wiqaya-documents")


def _bad_export(fmt: str, formats: tuple[str, ...], rejected: list[str]) -> Response:
    # An export must never silently drop a filter: a file wider than the
    # screen would leak more than the user chose to share.
    if fmt not in formats:
        raise InputError(
            f"unknown export format {fmt!r}; use one of {', '.join(formats)}", code="E-INP-080"
        )
    raise InputError(
        f"invalid filter values: {', '.join(rejected)}; fix them and export again",
        code="E-INP-081",
    )
