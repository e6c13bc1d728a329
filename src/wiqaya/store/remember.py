"""Store functions of the library: upsert records, snapshot for the index, look-ups, lessons.

Documents ingested by the sift stage with ``doc_type`` ``lesson`` or
``guidance`` belong to the library too: :func:`index_snapshot` reads them
beside the library's own records (their public id is ``D<document id>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from wiqaya.errors import NotFoundError
from wiqaya.ids import ascii_int
from wiqaya.store.models.base import utcnow
from wiqaya.store.models.remember import LibraryItem, LibraryLink, LibraryPassage
from wiqaya.store.models.sift import Document

LIBRARY_DOC_TYPES = ("lesson", "guidance")
_ITEM_FIELDS = (
    "kind",
    "agt_id",
    "title",
    "date",
    "lang",
    "country",
    "country2",
    "region",
    "conflict",
    "peace_process",
    "stage",
    "stage_sub",
    "status",
    "agreement_type",
    "signatories",
    "third_parties",
    "text",
    "origin",
    "locator",
    "source_name",
    "licence",
    "outcome",
)


def upsert_item(session: Session, record, passages: Sequence[str]) -> str:  # type: ignore[no-untyped-def]
    """Insert or update one record by its external id: ``added``, ``updated`` or ``unchanged``."""
    digest = record.content_hash()
    item = session.scalar(select(LibraryItem).where(LibraryItem.external_id == record.external_id))
    if item is not None and item.content_hash == digest:
        return "unchanged"
    status = "updated" if item is not None else "added"
    if item is None:
        item = LibraryItem(external_id=record.external_id)
        session.add(item)
    for name in _ITEM_FIELDS:
        setattr(item, name, getattr(record, name))
    item.provisions = " ".join(record.provisions)
    item.content_hash = digest
    item.updated_at = utcnow()
    if status == "updated":
        session.execute(delete(LibraryPassage).where(LibraryPassage.item_id == item.id))
        session.execute(delete(LibraryLink).where(LibraryLink.item_id == item.id))
        session.flush()
        session.expire(item, ["passages", "links"])
    item.passages = [
        LibraryPassage(seq=i, text=text, lang=record.lang) for i, text in enumerate(passages)
    ]
    item.links = [
        LibraryLink(target_kind=kind, target_ref=ref)
        for kind, ref in dict.fromkeys((k, r) for k, r in record.links if r)
    ]
    session.flush()
    return status


def generation(session: Session) -> tuple:
    """A cheap fingerprint of everything the index reads; it changes on every write."""
    items = session.execute(
        select(
            func.count(LibraryItem.id), func.max(LibraryItem.updated_at), func.max(LibraryItem.id)
        )
    ).one()
    docs = session.execute(
        select(func.count(Document.id), func.max(Document.id)).where(
            Document.doc_type.in_(LIBRARY_DOC_TYPES)
        )
    ).one()
    return (items[0], str(items[1]), items[2], docs[0], docs[1])


@dataclass
class SnapshotItem:
    key: str
    public_id: int | str
    kind: str
    title: str
    date: date | None
    country: str | None
    country2: str | None
    region: str | None
    stage: str | None
    provisions: frozenset[str]
    lang: str | None
    source: str


def _snapshot_items(session: Session, *where) -> list[SnapshotItem]:  # type: ignore[no-untyped-def]
    return [
        SnapshotItem(
            key=f"item:{row.id}",
            public_id=row.agt_id if row.agt_id is not None else f"L{row.id}",
            kind=row.kind,
            title=row.title,
            date=row.date,
            country=row.country,
            country2=row.country2,
            region=row.region,
            stage=row.stage,
            provisions=frozenset((row.provisions or "").split()),
            lang=row.lang,
            source=row.source_name,
        )
        for row in session.execute(
            select(
                LibraryItem.id,
                LibraryItem.agt_id,
                LibraryItem.kind,
                LibraryItem.title,
                LibraryItem.date,
                LibraryItem.country,
                LibraryItem.country2,
                LibraryItem.region,
                LibraryItem.stage,
                LibraryItem.provisions,
                LibraryItem.lang,
                LibraryItem.source_name,
            )
            .where(*where)
            .order_by(LibraryItem.id)
        )
    ]


def _snapshot_passages(
    session: Session, items: list[SnapshotItem], *where
) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    pos = {int(it.key.removeprefix("item:")): i for i, it in enumerate(items)}
    return [
        (pos[item_id], seq, text)
        for item_id, seq, text in session.execute(
            select(LibraryPassage.item_id, LibraryPassage.seq, LibraryPassage.text).where(*where)
        )
        if item_id in pos
    ]


def _snapshot_docs(session: Session, *where) -> list:  # type: ignore[no-untyped-def]
    return list(
        session.execute(
            select(
                Document.id,
                Document.doc_type,
                Document.title,
                Document.text,
                Document.lang,
                Document.published_at,
            )
            .where(Document.doc_type.in_(LIBRARY_DOC_TYPES), *where)
            .order_by(Document.id)
        ).all()
    )


def index_snapshot(session: Session) -> tuple[list[SnapshotItem], list[tuple[int, int, str]], list]:
    """Library items, their passages as (item position, seq, text), and library documents."""
    items = _snapshot_items(session)
    return items, _snapshot_passages(session, items), _snapshot_docs(session)


@dataclass
class IndexDelta:
    """What was appended between two generations: new items (with passages) and documents."""

    items: list[SnapshotItem]
    passages: list[tuple[int, int, str]]
    docs: list


def index_delta(session: Session, old: tuple, new: tuple) -> IndexDelta | None:
    """The rows added since generation ``old`` up to ``new``, or ``None`` if anything else changed.

    New rows have higher ids than every old one, so "appended only" means: the
    rows up to the old highest id are still exactly as many, none was updated
    since (same latest ``updated_at``), and the rows above it number the
    difference of the counts. An update, a deletion or a late commit of a lower
    id fails these checks and the caller rebuilds the whole index.
    """
    o_count, o_updated, o_max, o_docs, o_doc_max = old
    n_count, _n_updated, n_max, n_docs, n_doc_max = new
    if n_count < o_count or n_docs < o_docs:
        return None
    if o_count:
        kept = session.execute(
            select(func.count(LibraryItem.id), func.max(LibraryItem.updated_at)).where(
                LibraryItem.id <= o_max
            )
        ).one()
        if (kept[0], str(kept[1])) != (o_count, o_updated):
            return None
    items: list[SnapshotItem] = []
    if n_count > o_count:
        above = (LibraryItem.id > (o_max or 0), LibraryItem.id <= n_max)
        items = _snapshot_items(session, *above)
        if len(items) != n_count - o_count:
            return None
    passages = []
    if items:
        passages = _snapshot_passages(
            session,
            items,
            LibraryPassage.item_id > (o_max or 0),
            LibraryPassage.item_id <= n_max,
        )
    docs: list = []
    if o_docs:
        kept_docs = session.execute(
            select(func.count(Document.id)).where(
                Document.doc_type.in_(LIBRARY_DOC_TYPES), Document.id <= o_doc_max
            )
        ).scalar_one()
        if kept_docs != o_docs:
            return None
    if n_docs > o_docs:
        docs = _snapshot_docs(session, Document.id > (o_doc_max or 0), Document.id <= n_doc_max)
        if len(docs) != n_docs - o_docs:
            return None
    return IndexDelta(items, passages, docs)


def _item_by_public_id(session: Session, public_id: str) -> LibraryItem:
    raw = str(public_id).strip()
    item = None
    if (agt_id := ascii_int(raw)) is not None:
        item = session.scalar(select(LibraryItem).where(LibraryItem.agt_id == agt_id))
    elif raw[:1] in ("L", "l") and (item_id := ascii_int(raw[1:])) is not None:
        item = session.get(LibraryItem, item_id)
    if item is None:
        raise NotFoundError(
            f"no library record {raw!r} (use a PA-X AgtId such as 2120, or L<number>)",
            code="E-LIB-404",
        )
    return item


def item_detail(session: Session, public_id: str) -> dict:
    """One record with its passages and links, as plain data."""
    doc_id = ascii_int(str(public_id)[1:]) if str(public_id).startswith(("D", "d")) else None
    if doc_id is not None:
        doc = session.get(Document, doc_id)
        if doc is None or doc.doc_type not in LIBRARY_DOC_TYPES:
            raise NotFoundError(f"no library document {public_id!r}", code="E-LIB-404")
        return {
            "id": f"D{doc.id}",
            "kind": doc.doc_type,
            "title": doc.title or "",
            "date": doc.published_at.date().isoformat() if doc.published_at else None,
            "lang": doc.lang,
            "text": doc.text,
            "source": "documents",
            "passages": [],
            "links": [],
        }
    item = _item_by_public_id(session, public_id)
    return item_to_dict(item, with_text=True)


def item_to_dict(item: LibraryItem, *, with_text: bool = False) -> dict:
    data = {
        "id": item.agt_id if item.agt_id is not None else f"L{item.id}",
        "kind": item.kind,
        "title": item.title,
        "date": item.date.isoformat() if item.date else None,
        "lang": item.lang,
        "country": item.country,
        "country2": item.country2,
        "region": item.region,
        "conflict": item.conflict,
        "peace_process": item.peace_process,
        "stage": item.stage,
        "stage_sub": item.stage_sub,
        "status": item.status,
        "agreement_type": item.agreement_type,
        "provisions": (item.provisions or "").split(),
        "outcome": item.outcome,
        "provenance": {
            "source": item.source_name,
            "origin": item.origin,
            "locator": item.locator,
            "licence": item.licence,
            "imported_at": item.imported_at.isoformat() if item.imported_at else None,
        },
    }
    if with_text:
        data["signatories"] = item.signatories
        data["third_parties"] = item.third_parties
        data["text"] = item.text
        data["passages"] = [{"seq": p.seq, "text": p.text} for p in item.passages]
        data["links"] = [
            {"kind": lk.target_kind, "ref": lk.target_ref, "relation": lk.relation}
            for lk in item.links
        ]
    return data


def relevant_to(
    session: Session,
    country: str,
    provisions: Sequence[str] = (),
    *,
    situation: str | None = None,
    limit: int = 10,
) -> list[dict]:
    """Agreements and lessons for a situation: same country first, then shared provisions.

    Lessons linked to the situation come first, then items of the country
    ranked by how many of ``provisions`` (PA-X codes) they share, newest first.
    """
    country = country.strip().upper()
    wanted = set(provisions)
    conds = [
        LibraryItem.country == country,
        LibraryItem.country2 == country,
        LibraryItem.id.in_(
            select(LibraryLink.item_id).where(
                LibraryLink.target_kind == "country", LibraryLink.target_ref == country
            )
        ),
    ]
    if situation:
        conds.append(
            LibraryItem.id.in_(
                select(LibraryLink.item_id).where(
                    LibraryLink.target_kind == "situation", LibraryLink.target_ref == situation
                )
            )
        )
    rows = session.scalars(select(LibraryItem).where(or_(*conds))).all()
    situated: set[int] = set()
    if situation:
        situated = set(
            session.scalars(
                select(LibraryLink.item_id).where(
                    LibraryLink.target_kind == "situation", LibraryLink.target_ref == situation
                )
            )
        )

    def rank(item: LibraryItem) -> tuple:
        shared = len(wanted.intersection((item.provisions or "").split()))
        return (
            item.id in situated,
            item.kind == "lesson",
            shared,
            item.date or date.min,
        )

    out = []
    for item in sorted(rows, key=rank, reverse=True)[:limit]:
        data = item_to_dict(item)
        data["shared_provisions"] = sorted(wanted.intersection(data["provisions"]))
        out.append(data)
    return out


def item_by_external_id(session: Session, external_id: str) -> dict:
    item = session.scalar(select(LibraryItem).where(LibraryItem.external_id == external_id))
    if item is None:
        raise NotFoundError(f"no library record {external_id!r}", code="E-LIB-404")
    return item_to_dict(item, with_text=True)


def library_counts(session: Session) -> dict[str, int]:
    counts = dict(
        session.execute(select(LibraryItem.kind, func.count()).group_by(LibraryItem.kind)).all()
    )
    counts["documents"] = (
        session.scalar(
            select(func.count(Document.id)).where(Document.doc_type.in_(LIBRARY_DOC_TYPES))
        )
        or 0
    )
    return counts
