"""How long each dashboard page takes to render on the server, against a 300 ms budget.

    PYTHONPATH=src python -m benchmarks.pages [--documents 6000] [--repeat 7]

Builds a throw-away SQLite database at demo scale: the bundled Arabic gold
sentences as documents (real text), one coded event per document spread over
40 countries and 36 months, indicator hits, monthly forecast scores for every
country with a boundary, and UCDP-style yearly battle-death series. The
countries, dates and scores are generated (the read and assess stages fill
them in a real installation); what is measured is the dashboard's own work:
queries, SVG rendering and templates, through the ASGI app in-process.

Baseline, in the same run: each page over the same schema with no data, so
the figure shows what the data costs on top of the frame.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import secrets
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from fastapi.testclient import TestClient

from wiqaya.config import PACKAGE_DATA, Settings
from wiqaya.runtime import open_runtime
from wiqaya.store.engine import transaction
from wiqaya.store.models.assess import ForecastScore, SeriesPoint
from wiqaya.store.models.read import Event, IndicatorHit
from wiqaya.store.models.sift import Document, Source
from wiqaya.store.security import add_user
from wiqaya.web.app import create_app
from wiqaya.web.geo import countries

BUDGET_MS = 300.0
PAGES = [
    "/",
    "/map?metric=events&window=3",
    "/map?view=world",
    "/watchlist",
    "/watchlist?region=mashreq&metric=events",
    "/country/IRQ",
    "/events",
    "/events?country=SYR&type=ASSAULT",
    "/documents",
    "/documents?q=%D8%A7%D9%84%D8%B4%D8%B1%D8%B7%D8%A9",  # الشرطة
    "/documents/1",
    "/map?metric=deaths",
    "/api/v1/risk",
    "/brief",
]
TYPES = ("PROTEST", "ASSAULT", "COERCE", "THREATEN", "ACCUSE", "CONSULT", "MOBILIZE", "AID")
INDICATORS = ("hate_speech", "armed_groups", "election_disputes", "human_rights_violations")


def _sentences() -> list[str]:
    out = []
    for name in ("protest", "assault"):
        path = PACKAGE_DATA / "bundled" / "arabic_event_gsr" / f"{name}_detection.dev.csv"
        with open(path, encoding="utf-8") as handle:
            out.extend(r["text"].strip() for r in csv.DictReader(handle) if r["text"].strip())
    return out


def _months(n: int, last: str = "2024-12") -> list[str]:
    y, m = int(last[:4]), int(last[5:])
    out = []
    for i in range(n):
        idx = y * 12 + m - 1 - i
        out.append(f"{idx // 12:04d}-{idx % 12 + 1:02d}")
    return out[::-1]


def build(runtime, n_documents: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rng = random.Random(20241)
    sentences = _sentences()
    focus = [
        "IRQ",
        "SYR",
        "YEM",
        "SDN",
        "LBY",
        "EGY",
        "LBN",
        "PSE",
        "SOM",
        "MLI",
        "NER",
        "TCD",
        "TUN",
        "DZA",
        "MAR",
        "JOR",
        "SAU",
        "IRN",
        "ETH",
        "SSD",
        "NGA",
        "BFA",
        "MRT",
        "DJI",
        "ERI",
        "KWT",
        "BHR",
        "QAT",
        "OMN",
        "ARE",
        "TUR",
        "AFG",
        "PAK",
        "KEN",
        "CMR",
        "CAF",
        "ISR",
        "CYP",
        "GRC",
        "UGA",
    ]
    months = _months(36)
    with runtime.sessions() as session:
        source = Source(name="bench-gsr", kind="dataset")
        session.add(source)
        session.flush()
        docs = []
        for i in range(n_documents):
            text = f"{sentences[i % len(sentences)]} ({i})"
            digest = hashlib.sha256(text.encode()).hexdigest()
            month = months[rng.randrange(len(months))]
            when = datetime(int(month[:4]), int(month[5:]), rng.randint(1, 28), 8)
            docs.append(
                Document(
                    source_id=source.id,
                    title=" ".join(text.split()[:8]),
                    text=text,
                    lang="ar",
                    content_hash=digest,
                    text_sha256=digest,
                    published_at=when,
                )
            )
        session.add_all(docs)
        session.flush()
        events, hits = [], []
        for i, doc in enumerate(docs):
            country = focus[min(int(rng.expovariate(0.12)), len(focus) - 1)]
            events.append(
                Event(
                    document_id=doc.id,
                    event_type=TYPES[i % len(TYPES)],
                    evidence=doc.text[:120],
                    country=country,
                    event_date=doc.published_at.date(),
                    confidence=0.5 + rng.random() / 2,
                    coder_version="bench",
                )
            )
            if i % 4 == 0:
                hits.append(
                    IndicatorHit(
                        document_id=doc.id,
                        indicator=INDICATORS[i % len(INDICATORS)],
                        evidence=doc.text[:60],
                        country=country,
                        hit_date=doc.published_at.date(),
                        confidence=0.7,
                        lexicon_version="bench",
                    )
                )
        session.add_all(events + hits)
        scores = []
        drawn = [c for c in countries.all_codes() if countries.rings(c)]
        for c in drawn:
            base = rng.random() ** 3
            for m in months:
                base = min(0.99, max(0.001, base + rng.gauss(0, 0.02)))
                scores.append(
                    ForecastScore(
                        model_name="bench",
                        model_version="1",
                        target="escalation",
                        country=c,
                        freq="month",
                        period=m,
                        score=round(base, 4),
                        quantiles=json.dumps({"0.1": base * 0.7, "0.9": min(1, base * 1.4)}),
                    )
                )
        session.add_all(scores)
        series = [
            SeriesPoint(
                country=c,
                freq="year",
                period=str(y),
                variable="ucdp.bd_best",
                value=rng.randint(0, 5000),
                provenance="bench",
            )
            for c in focus
            for y in range(1989, 2025)
        ]
        session.add_all(series)
        session.commit()
        return {
            "documents": len(docs),
            "events": len(events),
            "indicator_hits": len(hits),
            "forecast_scores": len(scores),
            "series_points": len(series),
        }


def measure(client: TestClient, repeat: int, empty: bool = False) -> dict[str, tuple[float, float]]:
    out = {}
    for path in PAGES:
        for lang in ("ar", "en"):
            url = f"{path}{'&' if '?' in path else '?'}lang={lang}"
            client.get(url)  # warm: first-use caches (projection, templates)
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                # Over the empty baseline a document page is a (rendered) 404.
                if response.status_code != 200 and not (empty and response.status_code == 404):
                    raise SystemExit(f"{url} answered {response.status_code}")
            out[f"{url}"] = (statistics.median(times), max(times))
    return out


def log_in(runtime, client: TestClient) -> None:  # noqa: ANN001 - a wiqaya Runtime
    """Log in as a viewer through the real form: every page asks for a login."""
    password = secrets.token_hex(16)
    with transaction(runtime.sessions) as session:
        add_user(session, "bench-reader", "viewer", password)
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    if form.status_code != 200 or not token:
        raise SystemExit(f"login form not understood ({form.status_code})")
    done = client.post(
        "/login",
        data={"username": "bench-reader", "password": password, "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    if done.status_code != 303:
        raise SystemExit(f"login failed ({done.status_code}): {done.text[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for label in ("empty", "demo"):
            home = Path(tmp) / label
            runtime = open_runtime(Settings(home=home), migrate=True)
            counts = build(runtime, args.documents) if label == "demo" else {}
            with TestClient(create_app(runtime)) as client:
                log_in(runtime, client)
                results[label] = measure(client, args.repeat, empty=label == "empty")
            runtime.close()
            if counts:
                print("demo load:", ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"\n{'page':<62} {'empty ms':>9} {'demo ms':>9} {'max ms':>8}  budget")
    worst = 0.0
    for url, (median, peak) in results["demo"].items():
        base = results["empty"][url][0]
        worst = max(worst, median)
        verdict = "ok" if median < BUDGET_MS else "OVER"
        print(f"{url:<62} {base:9.1f} {median:9.1f} {peak:8.1f}  {verdict}")
    print(
        f"\nslowest median {worst:.1f} ms against a {BUDGET_MS:.0f} ms budget "
        f"({'within' if worst < BUDGET_MS else 'OVER'} budget)"
    )


if __name__ == "__main__":
    main()
