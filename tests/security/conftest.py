"""Fixtures for the security and API tests: a small, real-looking data set."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

import pytest

from wiqaya.store.engine import transaction
from wiqaya.store.models.assess import ForecastScore, SeriesPoint
from wiqaya.store.models.read import Event
from wiqaya.store.models.sift import Document, Source

# Sentences in the style of the OEDA Arabic event data, written for these tests.
TEXTS = [
    ("IRQ", "ASSAULT", "مقتل ثلاثة أشخاص في هجوم على سوق في بغداد"),
    ("SYR", "PROTEST", "تظاهر المئات في حلب احتجاجا على انقطاع الكهرباء"),
    ("LBY", "THREATEN", "هددت قوات في طرابلس بالرد على أي هجوم"),
    ("YEM", "ASSAULT", "قصف مدفعي على أطراف مأرب يوقع جرحى"),
    ("SDN", "PROTEST", "Hundreds protest in El Fasher over bread prices"),
]


@pytest.fixture
def seeded(runtime):  # type: ignore[no-untyped-def]
    return seed_sample_data(runtime)


def seed_sample_data(runtime) -> list[int]:  # type: ignore[no-untyped-def]
    """Two sources, five documents with one event each, series points and forecasts."""
    with transaction(runtime.sessions) as session:
        news = Source(name="test-news", kind="feed", licence="test")
        field = Source(name="test-field", kind="files")
        session.add_all([news, field])
        session.flush()
        docs = []
        for i, (country, event_type, text) in enumerate(TEXTS):
            doc = Document(
                source_id=news.id if i % 2 == 0 else field.id,
                title=text[:30],
                url=f"https://news.example/{i}",
                lang="en" if text.isascii() else "ar",
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                published_at=datetime(2024, 1 + i, 10),
            )
            session.add(doc)
            session.flush()
            docs.append(doc.id)
            session.add(
                Event(
                    document_id=doc.id,
                    event_type=event_type,
                    country=country,
                    event_date=date(2024, 1 + i, 10),
                    evidence=text[:20],
                    confidence=0.5 + i / 10,
                    coder_version="test-1",
                )
            )
        for country in ("IRQ", "SYR"):
            for month in range(1, 7):
                session.add(
                    SeriesPoint(
                        country=country,
                        freq="month",
                        period=f"2024-{month:02d}",
                        variable="events.ASSAULT",
                        value=float(month),
                        provenance="test",
                    )
                )
            session.add(
                ForecastScore(
                    model_name="test-model",
                    model_version="1",
                    target="onset",
                    country=country,
                    freq="month",
                    period="2024-07",
                    score=0.3 if country == "IRQ" else 0.6,
                    quantiles=json.dumps({"0.05": 0.1, "0.95": 0.9}),
                    drivers=json.dumps([{"feature": "events.ASSAULT", "contribution": 0.2}]),
                )
            )
    return docs
