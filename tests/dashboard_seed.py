"""Rows for the dashboard tests: real Arabic sentences from the bundled OEDA gold
standard as documents, with events, indicator hits, series and forecast scores.

The event types come from the gold labels (PROTEST / ASSAULT, unanimous
``yes``); countries, dates and scores are assigned by the tests so every page
has something to show. Also a few hostile rows: a title that is a spreadsheet
formula, a ``javascript:`` URL and markup in a title.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from wiqaya.config import PACKAGE_DATA
from wiqaya.store.models.assess import ForecastScore, SeriesPoint
from wiqaya.store.models.read import Event, IndicatorHit
from wiqaya.store.models.sift import Document, Source

GSR = PACKAGE_DATA / "bundled" / "arabic_event_gsr"
COUNTRIES = ("IRQ", "SYR", "YEM", "SDN", "LBY", "EGY")
MONTHS = ("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06")
FORMULA_TITLE = '=HYPERLINK("http://evil.example/","click")'
ENGLISH = (
    "Protesters gathered outside the governorate building in Basra demanding electricity.",
    "Gunmen attacked a checkpoint near Kirkuk, killing two soldiers, police said.",
    "Thousands marched in Khartoum against the military takeover on Thursday.",
)


@dataclass
class Seeded:
    arabic_texts: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    events_by_country: dict[str, int] = field(default_factory=dict)
    latest_month: str = MONTHS[-1]
    forecast_key: str = "wiqaya-test:escalation"


def gold_sentences(event_type: str, limit: int) -> list[str]:
    name = "protest" if event_type == "PROTEST" else "assault"
    with open(GSR / f"{name}_detection.dev.csv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["label"] == "yes"]
    return [r["text"].strip() for r in rows if len(r["text"].strip()) > 30][:limit]


def _doc(
    session: Session,
    source: Source,
    text: str,
    title: str,
    lang: str,
    when: datetime,
    url: str | None = None,
) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(
        source_id=source.id,
        title=title,
        text=text,
        lang=lang,
        url=url,
        content_hash=digest,
        text_sha256=digest,
        published_at=when,
    )
    session.add(doc)
    session.flush()
    return doc


def seed_dashboard(session: Session) -> Seeded:
    out = Seeded()
    source = Source(name="oeda-arabic-gsr-dev", kind="dataset", licence="MIT")
    news = Source(name="test-wire", kind="files")
    session.add_all([source, news])
    session.flush()
    sentences = [("PROTEST", s) for s in gold_sentences("PROTEST", 24)] + [
        ("ASSAULT", s) for s in gold_sentences("ASSAULT", 24)
    ]
    for i, (etype, text) in enumerate(sentences):
        country = COUNTRIES[i % len(COUNTRIES)]
        month = MONTHS[i % len(MONTHS)]
        when = datetime(int(month[:4]), int(month[5:]), 1 + i % 27, 9, 0)
        title = " ".join(text.split()[:8])
        doc = _doc(session, source, text, title, "ar", when)
        out.arabic_texts.append(text)
        out.titles.append(title)
        evidence = text[: min(len(text), 120)]
        session.add(
            Event(
                document_id=doc.id,
                event_type=etype,
                evidence=evidence,
                span_start=0,
                span_end=len(evidence),
                country=country,
                event_date=when.date(),
                confidence=0.6 + (i % 4) / 10,
                coder_version="test-coder-1",
                location_name="Baghdad" if country == "IRQ" else None,  # as the reader stores it
                lat=33.3 if country == "IRQ" else None,
                lon=44.4 if country == "IRQ" else None,
            )
        )
        out.events_by_country[country] = out.events_by_country.get(country, 0) + 1
        if i % 5 == 0:
            session.add(
                IndicatorHit(
                    document_id=doc.id,
                    indicator="hate_speech",
                    evidence=evidence[:60],
                    country=country,
                    hit_date=when.date(),
                    confidence=0.7,
                    lexicon_version="test-lex-1",
                )
            )
    for j, text in enumerate(ENGLISH):
        when = datetime(2024, 6, 10 + j, 12, 0)
        doc = _doc(session, news, text, text[:40], "en", when, url="https://news.example/a")
        session.add(
            Event(
                document_id=doc.id,
                event_type="PROTEST" if j != 1 else "ASSAULT",
                evidence=text,
                country="IRQ" if j < 2 else "SDN",
                event_date=when.date(),
                confidence=0.9,
                coder_version="test-coder-1",
                source_text="protesters",
                target_text="governorate",
            )
        )
        out.events_by_country["IRQ" if j < 2 else "SDN"] += 1
    # Hostile rows: must show as text and export without executing anything.
    hostile = _doc(
        session,
        news,
        "نص عادي عن احتجاج في الموصل.",
        FORMULA_TITLE,
        "ar",
        datetime(2024, 6, 20),
        url="javascript:alert(1)",
    )
    session.add(
        Event(
            document_id=hostile.id,
            event_type="PROTEST",
            evidence="=1+1 <script>x</script>",
            country="IRQ",
            event_date=date(2024, 6, 20),
            confidence=0.5,
            coder_version="test-coder-1",
        )
    )
    out.events_by_country["IRQ"] += 1
    for k, country in enumerate(COUNTRIES):
        for m, month in enumerate(MONTHS):
            score = round(0.1 + 0.12 * k + 0.02 * m * (1 if k % 2 else -1), 3)
            score = min(max(score, 0.01), 0.99)
            session.add(
                ForecastScore(
                    model_name="wiqaya-test",
                    model_version="0.1",
                    target="escalation",
                    country=country,
                    freq="month",
                    period=month,
                    score=score,
                    quantiles=json.dumps(
                        {"0.1": max(score - 0.05, 0), "0.9": min(score + 0.08, 1)}
                    ),
                    drivers=json.dumps(
                        [
                            {
                                "feature": "events.ASSAULT",
                                "label_ar": "الاعتداءات",
                                "label_en": "Assaults",
                                "contribution": 0.12,
                            }
                        ]
                    ),
                )
            )
    for year, deaths in ((2019, 2100), (2020, 950), (2021, 620), (2022, 480), (2023, 310)):
        session.add(
            SeriesPoint(
                country="IRQ",
                freq="year",
                period=str(year),
                variable="ucdp.bd_best",
                value=deaths,
                provenance="ucdp-25.1",
            )
        )
    session.commit()
    return out
