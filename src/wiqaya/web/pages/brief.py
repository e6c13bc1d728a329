"""The monthly brief in the app, with HTML and PDF downloads of the same document."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from wiqaya.errors import InputError, NotFoundError
from wiqaya.store.browse import available_months
from wiqaya.warn.brief.compose import MONTH, compose, resolve_month
from wiqaya.warn.brief.render import brief_context, render_html, render_pdf
from wiqaya.web.pages.params import Params
from wiqaya.web.templating import render, request_lang

router = APIRouter(include_in_schema=False)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request) -> HTMLResponse:
    lang = request_lang(request)
    p = Params(dict(request.query_params))
    wanted = p.month("month")
    with request.app.state.runtime.sessions() as session:
        months = available_months(session)
        month = wanted or (months[0] if months else None)
        if month is None:
            try:
                month = resolve_month(session, "latest")
            except NotFoundError:
                month = None
        brief = compose(session, month, lang) if month else None
    ctx = brief_context(brief) if brief else {}
    # The page's own helpers (language switch, nav) come from render().
    for key in ("lang", "dir", "t", "num", "day", "month", "cname", "lbl", "web_url"):
        ctx.pop(key, None)
    if brief and brief.month not in months:
        months = sorted({*months, brief.month}, reverse=True)
    return render(
        request,
        "brief.html",
        {"page": "brief", "months": months, "b": brief, **ctx, "rejected": p.rejected},
    )


@router.get("/brief/download/{name}")
def brief_download(request: Request, name: str) -> Response:
    month, _, fmt = name.partition(".")
    if not MONTH.match(month) or fmt not in ("html", "pdf"):
        raise InputError(
            f"ask for /brief/download/YYYY-MM.html or .pdf, not {name!r}", code="E-INP-075"
        )
    lang = request_lang(request)
    with request.app.state.runtime.sessions() as session:
        brief = compose(session, month, lang)
    filename = f"wiqaya-brief-{month}-{lang}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "html":
        return Response(render_html(brief), media_type="text/html; charset=utf-8", headers=headers)
    return Response(render_pdf(brief), media_type="application/pdf", headers=headers)
