"""The library page: search agreements, guidance and lessons in Arabic or English.

Server-rendered: the form is a plain GET form, hits carry their passage with
matches in ``<mark>`` (escaped on the server), and there is no script.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wiqaya.errors import WiqayaError
from wiqaya.remember import service
from wiqaya.remember.vocabulary import PROVISIONS, REGIONS, STAGES
from wiqaya.store.remember import item_detail
from wiqaya.web import i18n
from wiqaya.web.templating import render, request_lang

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20

i18n.register(
    {
        "nav.library": ("المكتبة", "Library"),
        "library.title": ("مكتبة الاتفاقات والدروس", "Library of agreements and lessons"),
        "library.intro": (
            "ابحث بالعربية أو الإنجليزية في اتفاقات السلام والإرشادات والدروس المستفادة.",
            "Search peace agreements, guidance and lessons learned in Arabic or English.",
        ),
        "library.query": ("عبارة البحث", "Search words"),
        "library.search": ("ابحث", "Search"),
        "library.country": ("البلد", "Country"),
        "library.region": ("الإقليم", "Region"),
        "library.from": ("من سنة/تاريخ", "From year/date"),
        "library.to": ("إلى سنة/تاريخ", "To year/date"),
        "library.provision": ("نوع البند", "Provision"),
        "library.stage": ("المرحلة", "Stage"),
        "library.kind": ("النوع", "Kind"),
        "library.any": ("الكل", "Any"),
        "library.kind.agreement": ("اتفاق", "Agreement"),
        "library.kind.guidance": ("إرشاد", "Guidance"),
        "library.kind.lesson": ("درس مستفاد", "Lesson"),
        "library.results": ("{n} نتيجة", "{n} results"),
        "library.none": (
            "لا نتائج. جرّب كلمات أخرى أو أزل بعض المرشحات.",
            "No results. Try other words or remove some filters.",
        ),
        "library.empty": (
            "المكتبة فارغة. استورد PA-X بالأمر ‎wiqaya library import pax FILE‎.",
            "The library is empty. Import PA-X with `wiqaya library import pax FILE`.",
        ),
        "library.understood": ("فُهم البحث على أنه", "Understood as"),
        "library.prev": ("السابق", "Previous"),
        "library.next": ("التالي", "Next"),
        "library.date": ("التاريخ", "Date"),
        "library.provisions": ("البنود", "Provisions"),
        "library.provenance": ("المصدر", "Provenance"),
        "library.parties": ("الأطراف", "Parties"),
        "library.third_parties": ("الأطراف الثالثة", "Third parties"),
        "library.text": ("النص أو البنود المقتبسة", "Text or quoted provisions"),
        "library.back": ("العودة إلى البحث", "Back to search"),
        "library.error": ("خطأ في البحث", "Search error"),
        "library.pax_id": ("رقم PA-X", "PA-X id"),
        "library.conflict": ("النزاع", "Conflict"),
        "library.process": ("مسار السلام", "Peace process"),
        "library.outcome": ("النتيجة", "Outcome"),
    }
)


def _labels(lang: str) -> dict[str, dict[str, str]]:
    pick = 1 if lang == "ar" else 0
    return {
        "provisions": {k: v[pick] for k, v in PROVISIONS.items()},
        "stages": {k: v[pick] for k, v in STAGES.items()},
        "regions": {k: v[pick] for k, v in REGIONS.items()},
    }


@router.get("/library", response_class=HTMLResponse)
def library_page(request: Request) -> HTMLResponse:
    p = request.query_params
    form = {
        "q": p.get("q", "")[:2000],
        "country": p.get("country", ""),
        "region": p.get("region", ""),
        "date_from": p.get("from", ""),
        "date_to": p.get("to", ""),
        "provision": p.get("provision", ""),
        "stage": p.get("stage", ""),
        "kind": p.get("kind", ""),
    }
    try:
        offset = max(0, int(p.get("offset", "0") or 0))
    except ValueError:
        offset = 0
    runtime = request.app.state.runtime
    error = None
    result = None
    hits: list[dict] = []
    try:
        filters = service.make_filters(
            country=[form["country"]],
            region=form["region"] or None,
            date_from=form["date_from"] or None,
            date_to=form["date_to"] or None,
            provision=[form["provision"]],
            stage=[form["stage"]],
            kind=[form["kind"]],
        )
        result = service.search(runtime, form["q"], filters, limit=PAGE_SIZE, offset=offset)
        hits = [service.hit_to_dict(h) for h in result.hits]
    except WiqayaError as exc:
        error = exc
    from wiqaya.store.remember import library_counts

    with runtime.sessions() as session:
        counts = library_counts(session)
    base = {k: v for k, v in p.items() if k not in ("offset", "lang") and v}
    return render(
        request,
        "library.html",
        {
            "page": "library",
            "form": form,
            "hits": hits,
            "total": result.total if result else 0,
            "groups": result.groups if result else [],
            "offset": offset,
            "page_size": PAGE_SIZE,
            "base_query": base,
            "error": error,
            "library_size": sum(counts.values()),
            "labels": _labels(request_lang(request)),
        },
        status_code=400 if error else 200,
    )


@router.get("/library/items/{item_id}", response_class=HTMLResponse)
def library_item(request: Request, item_id: str) -> HTMLResponse:
    with request.app.state.runtime.sessions() as session:
        try:
            item = item_detail(session, item_id)
        except WiqayaError as exc:
            return render(
                request,
                "library_item.html",
                {"page": "library", "item": None, "error": exc, "labels": {}},
                status_code=404,
            )
    return render(
        request,
        "library_item.html",
        {"page": "library", "item": item, "error": None, "labels": _labels(request_lang(request))},
    )
