"""``/api/v1/documents`` and ``/api/v1/sources``: what was ingested, paged and filtered."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel

from wiqaya.store import api_reads as browse
from wiqaya.web.api.common import (
    ERRORS,
    LANG,
    MAX_ID,
    NAME,
    TOKEN,
    IsoDate,
    Page,
    PageParams,
    UtcDateTime,
    envelope,
    page_params,
    read_session,
)

router = APIRouter(prefix="/api/v1", tags=["documents"], responses=ERRORS)


class DocumentOut(BaseModel):
    id: int
    source: str
    confidential_source: bool
    doc_type: str
    title: str | None
    url: str | None
    external_id: str | None
    lang: str | None
    published_at: UtcDateTime | None
    ingested_at: UtcDateTime
    text_sha256: str
    excerpt: str

    @classmethod
    def of(cls, doc, source) -> DocumentOut:  # type: ignore[no-untyped-def]
        url, external_id = browse.document_link(doc, source)
        return cls(
            id=doc.id,
            source=source.name,
            confidential_source=source.confidential,
            doc_type=doc.doc_type,
            title=doc.title,
            url=url,
            external_id=external_id,
            lang=doc.lang,
            published_at=doc.published_at,
            ingested_at=doc.ingested_at,
            text_sha256=doc.text_sha256,
            excerpt=doc.text[:300],
        )


class DocumentDetail(DocumentOut):
    text: str
    sightings: int


class SourceOut(BaseModel):
    id: int
    name: str
    kind: str
    confidential: bool
    licence: str | None
    documents: int


@router.get("/documents", response_model=Page[DocumentOut])
def list_documents(
    request: Request,
    page: PageParams = Depends(page_params),
    source: str | None = Query(None, pattern=NAME, description="Source name (or pseudonym)"),
    lang: str | None = Query(None, pattern=LANG, description="Language code, e.g. ar"),
    doc_type: str | None = Query(None, pattern=TOKEN),
    published_from: IsoDate | None = Query(None),
    published_to: IsoDate | None = Query(None),
) -> dict[str, object]:
    filters = browse.DocumentFilters(source, lang, doc_type, published_from, published_to)
    with read_session(request) as session:
        total, rows = browse.documents(session, filters, page.limit, page.offset)
        items = [DocumentOut.of(doc, src) for doc, src in rows]
    return envelope(total, items, page)


@router.get("/documents/{document_id}", response_model=DocumentDetail)
def get_document(request: Request, document_id: int = Path(ge=1, le=MAX_ID)) -> DocumentDetail:
    with read_session(request) as session:
        doc, src, sightings = browse.document(session, document_id)
        base = DocumentOut.of(doc, src)
        return DocumentDetail(**base.model_dump(), text=doc.text, sightings=sightings)


@router.get("/sources", response_model=Page[SourceOut])
def list_sources(request: Request, page: PageParams = Depends(page_params)) -> dict[str, object]:
    with read_session(request) as session:
        total, rows = browse.sources(session, page.limit, page.offset)
        items = [
            SourceOut(
                id=s.id,
                name=s.name,
                kind=s.kind,
                confidential=s.confidential,
                licence=s.licence,
                documents=n,
            )
            for s, n in rows
        ]
    return envelope(total, items, page)
