"""The library (the remember stage): agreements, guidance and lessons, their passages and links.

One table holds every library record whatever its kind, because search,
filters and the situation page treat them alike; PA-X columns that only
agreements carry are nullable. Passages are the retrieval unit: a hit cites
the passage that matched. The search index itself is derived from passages
and never stored here (see docs/decisions/061-library-index-in-memory.md).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wiqaya.store.models.base import Base, utcnow


class LibraryItem(Base):
    """An agreement, a guidance note or a lesson, with where it came from."""

    __tablename__ = "library_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # agreement | guidance | lesson
    # Stable key across re-imports: ``pax:<AgtId>``, ``jsonl:<id>`` or ``file:<sha256>``.
    external_id: Mapped[str] = mapped_column(String(200), unique=True)
    # The PA-X agreement id for imported PA-X rows (what search returns as ``id``).
    agt_id: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    lang: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # ISO 3166-1 alpha-3 of the main and the second location (PA-X Loc1ISO / Loc2ISO).
    country: Mapped[str | None] = mapped_column(String(3), nullable=True, index=True)
    country2: Mapped[str | None] = mapped_column(String(3), nullable=True)
    region: Mapped[str | None] = mapped_column(String(80), nullable=True)
    conflict: Mapped[str | None] = mapped_column(Text, nullable=True)
    peace_process: Mapped[str | None] = mapped_column(Text, nullable=True)
    stage: Mapped[str | None] = mapped_column(String(20), nullable=True)
    stage_sub: Mapped[str | None] = mapped_column(String(20), nullable=True)
    status: Mapped[str | None] = mapped_column(String(80), nullable=True)
    agreement_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    signatories: Mapped[str | None] = mapped_column(Text, nullable=True)
    third_parties: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Space-separated provision codes present (PA-X column names, e.g. ``Ce Polps Ele``).
    provisions: Mapped[str] = mapped_column(Text, default="")
    # The full text or quoted provisions, exactly as imported.
    text: Mapped[str] = mapped_column(Text, default="")
    # Hash of every imported field: an unchanged re-import is a no-op.
    content_hash: Mapped[str] = mapped_column(String(64))
    # Where it came from: file path and record (``pax_data_cleaned.csv:line 12``), licence.
    origin: Mapped[str] = mapped_column(Text)
    locator: Mapped[str] = mapped_column(String(200), default="")
    source_name: Mapped[str] = mapped_column(String(200))
    licence: Mapped[str | None] = mapped_column(String(400), nullable=True)
    # For lessons recorded from a response in the act stage: what happened.
    outcome: Mapped[str | None] = mapped_column(Text, nullable=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    passages: Mapped[list[LibraryPassage]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="LibraryPassage.seq"
    )
    links: Mapped[list[LibraryLink]] = relationship(
        back_populates="item", cascade="all, delete-orphan"
    )


class LibraryPassage(Base):
    """A retrievable span of an item: its header (seq 0) or a window of its text."""

    __tablename__ = "library_passages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("library_items.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str | None] = mapped_column(String(16), nullable=True)
    text: Mapped[str] = mapped_column(Text)

    item: Mapped[LibraryItem] = relationship(back_populates="passages")

    __table_args__ = (UniqueConstraint("item_id", "seq", name="uq_library_passages_item_seq"),)


class LibraryLink(Base):
    """An item tied to a country, a situation file or a partner (actor)."""

    __tablename__ = "library_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("library_items.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(20))  # country | situation | partner
    target_ref: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(40), default="about")

    item: Mapped[LibraryItem] = relationship(back_populates="links")

    __table_args__ = (
        UniqueConstraint("item_id", "target_kind", "target_ref", name="uq_library_links_key"),
        Index("ix_library_links_target", "target_kind", "target_ref"),
    )
