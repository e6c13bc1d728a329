"""Sources, documents, sightings, quarantine and typed dataset records (the sift stage)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wiqaya.store.models.base import Base, utcnow


class Source(Base):
    """Where material comes from: a feed, a folder of field reports, a dataset."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="files")
    # Confidential sources keep their real identity encrypted (see act/security);
    # `name` then holds a keyed pseudonym, never the identity itself.
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    identity_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    licence: Mapped[str | None] = mapped_column(String(400), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    documents: Mapped[list[Document]] = relationship(back_populates="source")


class Document(Base):
    """One distinct text, stored exactly as decoded. Repeats become sightings."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
    external_id: Mapped[str | None] = mapped_column(String(400), nullable=True)
    doc_type: Mapped[str] = mapped_column(String(40), default="news")
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    lang: Mapped[str | None] = mapped_column(String(16), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Hash of the normalised text: the exact-duplicate key.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Hash of the stored text itself, to prove it was never altered.
    text_sha256: Mapped[str] = mapped_column(String(64))
    # MinHash signature of the normalised text (128 little-endian uint32): lets the
    # near-duplicate check compare candidates without re-reading their text.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    fetched_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    source: Mapped[Source] = relationship(back_populates="documents")
    sightings: Mapped[list[Sighting]] = relationship(back_populates="document")

    __table_args__ = (Index("ix_documents_lang_published", "lang", "published_at"),)


# The documents browser and export list newest first by this expression; an index
# on it reads the first page instead of sorting every document (decision 088).
Index("ix_documents_recent", func.coalesce(Document.published_at, Document.fetched_at), Document.id)


class Sighting(Base):
    """Every time a document was seen: the first time, and each exact or near repeat."""

    __tablename__ = "sightings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
    # File path, path inside an archive (``a.zip!/x/y.txt``) or URL, plus the record
    # within it (CSV line, JSONL line, feed entry id): together they locate the input.
    origin: Mapped[str] = mapped_column(Text)
    locator: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))  # first | exact | near
    similarity: Mapped[float | None] = mapped_column(Float, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship(back_populates="sightings")

    __table_args__ = (
        UniqueConstraint("source_id", "origin", "locator", name="uq_sightings_place"),
    )


class LshBand(Base):
    """MinHash LSH band keys of each document, so near-duplicate search survives restarts."""

    __tablename__ = "lsh_bands"

    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )

    # One B-tree on SQLite (migration sift_0002): written once, read by key directly.
    __table_args__ = {"sqlite_with_rowid": False}


class Quarantine(Base):
    """An input set aside with the reason, so nothing is dropped silently."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), nullable=True
    )
    origin: Mapped[str] = mapped_column(Text)
    locator: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(60), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    size_bytes: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # A bounded sample of the raw input, for the analyst to see what went wrong.
    sample: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("origin", "locator", "reason", name="uq_quarantine_place"),)


class IngestedFile(Base):
    """A file whose every record is stored: what lets an interrupted ingest resume."""

    __tablename__ = "ingested_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    origin: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    records: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("source_id", "sha256", name="uq_ingested_files_content"),)


class BattleDeathsRecord(Base):
    """UCDP battle-related deaths, one row per dyad and year, as typed columns."""

    __tablename__ = "battle_deaths"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
    conflict_id: Mapped[int] = mapped_column(Integer)
    dyad_id: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer, index=True)
    location: Mapped[str | None] = mapped_column(Text, nullable=True)
    side_a: Mapped[str | None] = mapped_column(Text, nullable=True)
    side_b: Mapped[str | None] = mapped_column(Text, nullable=True)
    incompatibility: Mapped[int | None] = mapped_column(Integer, nullable=True)
    territory_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    type_of_conflict: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # UCDP's Gleditsch-Ward codes as given (``"625, 626"`` when several).
    gwno_loc: Mapped[str] = mapped_column(String(100))
    # Where the battles were fought (UCDP adds it from v20; older files lack it).
    gwno_battle: Mapped[str | None] = mapped_column(String(100), nullable=True)
    gwno_a: Mapped[str | None] = mapped_column(String(100), nullable=True)
    gwno_b: Mapped[str | None] = mapped_column(String(100), nullable=True)
    region: Mapped[str | None] = mapped_column(String(40), nullable=True)
    bd_best: Mapped[int] = mapped_column(Integer)
    bd_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    bd_high: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[str] = mapped_column(String(20))

    __table_args__ = (
        UniqueConstraint("dyad_id", "year", "version", name="uq_battle_deaths_dyad_year"),
    )


class DatasetEvent(Base):
    """An ACLED-like event row from an imported dataset (not coded by Wiqaya)."""

    __tablename__ = "dataset_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
    # Hash of the row's fields: re-importing the same row is a no-op.
    row_hash: Mapped[str] = mapped_column(String(64), unique=True)
    event_date: Mapped[date] = mapped_column(Date, index=True)
    event_type: Mapped[str] = mapped_column(String(120))
    sub_event_type: Mapped[str | None] = mapped_column(String(120), nullable=True)
    actor1: Mapped[str | None] = mapped_column(Text, nullable=True)
    actor2: Mapped[str | None] = mapped_column(Text, nullable=True)
    country: Mapped[str | None] = mapped_column(String(120), nullable=True)
    iso3: Mapped[str | None] = mapped_column(String(3), nullable=True, index=True)
    admin1: Mapped[str | None] = mapped_column(String(200), nullable=True)
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    fatalities: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    origin: Mapped[str] = mapped_column(Text)
    locator: Mapped[str] = mapped_column(String(200), default="")
