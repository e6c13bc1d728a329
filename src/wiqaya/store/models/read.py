"""What the read stage finds in documents: events, place mentions, warning indicators."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wiqaya.store.models.base import Base, utcnow


class DocumentRead(Base):
    """Marks a document as coded by a given coder version: what makes `read` resumable."""

    __tablename__ = "document_reads"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    coder_version: Mapped[str] = mapped_column(String(60))
    lang: Mapped[str | None] = mapped_column(String(16), nullable=True)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    n_indicators: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    read_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Event(Base):
    """One PLOVER event coded from a document, with its evidence and provenance."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    event_type: Mapped[str] = mapped_column(String(20), index=True)
    cameo: Mapped[str | None] = mapped_column(String(8), nullable=True)
    source_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    source_country: Mapped[str | None] = mapped_column(String(3), nullable=True)
    source_sector: Mapped[str | None] = mapped_column(String(12), nullable=True)
    target_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    target_country: Mapped[str | None] = mapped_column(String(3), nullable=True)
    target_sector: Mapped[str | None] = mapped_column(String(12), nullable=True)
    location_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Where the event happened (ISO3): the key of the country-month series.
    country: Mapped[str | None] = mapped_column(String(3), nullable=True)
    admin1: Mapped[str | None] = mapped_column(String(120), nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    event_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    evidence: Mapped[str] = mapped_column(Text)
    # Character offsets of the evidence in the document text, for highlighting.
    span_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sentence: Mapped[str | None] = mapped_column(Text, nullable=True)
    confidence: Mapped[float] = mapped_column(Float)
    coder_version: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_events_country_date", "country", "event_date"),)


class IndicatorHit(Base):
    """A warning sign named by the UN report, found in a document, with its evidence span."""

    __tablename__ = "indicator_hits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    indicator: Mapped[str] = mapped_column(String(60), index=True)
    evidence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    country: Mapped[str | None] = mapped_column(String(3), nullable=True)
    hit_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    confidence: Mapped[float] = mapped_column(Float)
    lexicon_version: Mapped[str] = mapped_column(String(60))

    __table_args__ = (Index("ix_indicator_hits_country_date", "country", "hit_date"),)


class PlaceMention(Base):
    """Every place a document names, resolved or flagged as ambiguous (never guessed)."""

    __tablename__ = "place_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    surface: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text, nullable=True)
    country: Mapped[str | None] = mapped_column(String(3), nullable=True)
    admin1: Mapped[str | None] = mapped_column(String(120), nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    geonames_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # resolved | ambiguous | unresolved, with the candidates when ambiguous.
    status: Mapped[str] = mapped_column(String(20))
    candidates: Mapped[str | None] = mapped_column(Text, nullable=True)
    gazetteer_version: Mapped[str] = mapped_column(String(60))
