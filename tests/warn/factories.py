"""Rows the warn and act tests insert themselves (assess and read fill them in real runs)."""

from __future__ import annotations

import hashlib
from datetime import date

from wiqaya.store.models.assess import ForecastScore, SeriesPoint
from wiqaya.store.models.read import IndicatorHit
from wiqaya.store.models.sift import Document, Source


def add_series(session, country: str, variable: str, freq: str, values: dict[str, float]) -> None:  # type: ignore[no-untyped-def]
    for period, value in values.items():
        session.add(
            SeriesPoint(
                country=country,
                freq=freq,
                period=period,
                variable=variable,
                value=value,
                provenance="test",
            )
        )


def add_forecast(
    session, country: str, period: str, score: float, target: str = "escalation"
) -> None:  # type: ignore[no-untyped-def]
    session.add(
        ForecastScore(
            model_name="test-model",
            model_version="1",
            target=target,
            country=country,
            freq="month",
            period=period,
            score=score,
        )
    )


def add_document(session, text: str) -> int:  # type: ignore[no-untyped-def]
    source = session.query(Source).filter_by(name="test-source").one_or_none()
    if source is None:
        source = Source(name="test-source", kind="files")
        session.add(source)
        session.flush()
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(
        source_id=source.id, text=text, content_hash=digest, text_sha256=digest, lang="ar"
    )
    session.add(doc)
    session.flush()
    return doc.id


def add_hit(session, country: str, indicator: str, day: date, text: str) -> int:  # type: ignore[no-untyped-def]
    doc_id = add_document(session, text)
    hit = IndicatorHit(
        document_id=doc_id,
        indicator=indicator,
        evidence=text[:80],
        country=country,
        hit_date=day,
        confidence=0.9,
        lexicon_version="test",
    )
    session.add(hit)
    session.flush()
    return hit.id


def add_event(session, country: str, event_type: str, day: date, text: str) -> int:  # type: ignore[no-untyped-def]
    from wiqaya.store.models.read import Event

    doc_id = add_document(session, text)
    event = Event(
        document_id=doc_id,
        event_type=event_type,
        country=country,
        event_date=day,
        evidence=text[:80],
        confidence=0.8,
        coder_version="test",
    )
    session.add(event)
    session.flush()
    return event.id
