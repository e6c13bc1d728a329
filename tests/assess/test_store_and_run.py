"""Series and scores through the database, on SQLite and PostgreSQL, from rows the test inserts."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from wiqaya.assess import escalation
from wiqaya.assess.service import build_series, run_forecasts
from wiqaya.assess.targets import load_targets
from wiqaya.runtime import Runtime
from wiqaya.store import assess as store
from wiqaya.store.models.assess import ForecastGap, ForecastScore, SeriesPoint
from wiqaya.store.models.read import Event, IndicatorHit
from wiqaya.store.models.sift import Document, Source

SENTENCE = "قتل ثلاثة مدنيين في قصف على ريف حلب الشمالي"


def _insert_events(runtime: Runtime) -> None:
    """Two years of monthly events for three countries, one month for a fourth."""
    rng = np.random.default_rng(3)
    with runtime.sessions.begin() as s:
        src = Source(name="test feed", kind="files")
        s.add(src)
        s.flush()
        n = 0

        def doc(day: date) -> Document:
            nonlocal n
            n += 1
            text = f"{SENTENCE} {n}"
            d = Document(
                source_id=src.id,
                text=text,
                lang="ar",
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                published_at=None,
            )
            s.add(d)
            s.flush()
            return d

        plan = {"SYR": 4, "IRQ": 2, "LBY": 1}
        for country, level in plan.items():
            for m in range(24):
                day = date(2024 + m // 12, m % 12 + 1, 10)
                d = doc(day)
                assaults = int(rng.poisson(level * (6 if rng.random() < 0.3 else 1)))
                for _ in range(assaults):
                    s.add(
                        Event(
                            document_id=d.id,
                            event_type="ASSAULT",
                            evidence="قتل",
                            country=country,
                            event_date=day,
                            confidence=0.9,
                            coder_version="test-1",
                        )
                    )
                for _ in range(int(rng.poisson(2))):
                    s.add(
                        Event(
                            document_id=d.id,
                            event_type="PROTEST",
                            evidence="تظاهر",
                            country=country,
                            event_date=day,
                            confidence=0.8,
                            coder_version="test-1",
                        )
                    )
                s.add(
                    IndicatorHit(
                        document_id=d.id,
                        indicator="hate_speech",
                        evidence="تحريض",
                        country=country,
                        hit_date=day,
                        confidence=0.7,
                        lexicon_version="lex-1",
                    )
                )
        d = doc(date(2025, 12, 1))
        s.add(
            Event(
                document_id=d.id,
                event_type="ASSAULT",
                evidence="قتل",
                country="SDN",
                event_date=date(2025, 12, 1),
                confidence=0.9,
                coder_version="test-1",
            )
        )
        # No country, no date: counted as skipped, never guessed.
        s.add(
            Event(
                document_id=d.id,
                event_type="ASSAULT",
                evidence="قتل",
                country=None,
                event_date=date(2025, 12, 1),
                confidence=0.9,
                coder_version="test-1",
            )
        )
        s.add(
            Event(
                document_id=d.id,
                event_type="ASSAULT",
                evidence="قتل",
                country="SYR",
                event_date=None,
                confidence=0.9,
                coder_version="test-1",
            )
        )


def test_series_from_inserted_events_and_ucdp(runtime: Runtime) -> None:
    _insert_events(runtime)
    with runtime.sessions.begin() as s:
        report = build_series(s, with_ewp=False)
    assert report.skipped["events"].no_country == 1
    assert report.skipped["events"].no_date == 1
    with runtime.sessions() as s:
        month = s.scalar(
            select(SeriesPoint.value).where(
                SeriesPoint.country == "SDN",
                SeriesPoint.period == "2025-12",
                SeriesPoint.variable == "events.ASSAULT",
            )
        )
        assert month == 1.0
        share = s.scalar(
            select(SeriesPoint.value).where(
                SeriesPoint.country == "SDN",
                SeriesPoint.period == "2025-12",
                SeriesPoint.variable == "events.share.ASSAULT",
            )
        )
        assert share == 1.0
        ukr = s.scalar(
            select(SeriesPoint.value).where(
                SeriesPoint.country == "UKR",
                SeriesPoint.period == "2022",
                SeriesPoint.variable == "ucdp.bd_best",
            )
        )
        assert ukr > 40000
        zero = s.scalar(
            select(SeriesPoint.value).where(
                SeriesPoint.country == "NOR",
                SeriesPoint.period == "2022",
                SeriesPoint.variable == "ucdp.bd_best",
            )
        )
        assert zero == 0.0
        first = s.scalar(select(func.count()).select_from(SeriesPoint))
    # Building twice replaces, never duplicates.
    with runtime.sessions.begin() as s:
        build_series(s, with_ewp=False)
    with runtime.sessions() as s:
        assert s.scalar(select(func.count()).select_from(SeriesPoint)) == first


def test_escalation_scores_gaps_and_no_zero_for_missing(runtime: Runtime) -> None:
    _insert_events(runtime)
    with runtime.sessions.begin() as s:
        build_series(s, with_ewp=False)
        report = run_forecasts(s, targets=["escalation"])
    period, n, gaps = report.stored["escalation"]
    assert period == "2026-01" and n == 3
    with runtime.sessions() as s:
        scores = {r.country: r for r in store.scores_for(s, "escalation", period)}
        reasons = {g.country: g.reason for g in store.gaps_for(s, "escalation", period)}
        models = set(s.scalars(select(ForecastScore.model_name)))
    assert set(scores) == {"SYR", "IRQ", "LBY"}
    assert models == {"series_logit_escalation"}
    assert sorted(r.rank for r in scores.values()) == [1, 2, 3]
    assert all(0 < r.score < 1 for r in scores.values())
    assert all(r.change is not None for r in scores.values())
    assert "SDN" in reasons and reasons["SDN"] == "only 1 period of data; needs 3"
    assert "OMN" in reasons and "no series" in reasons["OMN"]
    assert "OMN" not in scores and gaps == len(reasons)


def test_a_model_with_too_few_outcomes_scores_nobody(runtime: Runtime) -> None:
    spec = load_targets()["escalation"]
    import pandas as pd

    points = pd.DataFrame(
        [("IRQ", f"2024-{m:02d}", "events.ASSAULT", 2.0) for m in range(1, 13)],
        columns=["country", "period", "variable", "value"],
    )
    result = escalation.forecast(points, spec, ["IRQ"])
    assert result.scores.empty
    assert "too few past outcomes" in result.gaps[0][1]


def test_onset_and_battle_deaths_run_store_rank_change_drivers(
    runtime: Runtime, shared_data: Path
) -> None:
    with runtime.sessions.begin() as s:
        report = run_forecasts(s, shared_data, targets=["mk_onset", "battle_deaths"])
    assert report.stored["mk_onset"][0] == "2025"
    with runtime.sessions() as s:
        rows = store.scores_for(s, "mk_onset", "2025")
        gaps = {g.country: g.reason for g in store.gaps_for(s, "mk_onset", "2025")}
        bd_rows = store.scores_for(s, "battle_deaths", "2025")
        n_gaps = s.scalar(select(func.count()).select_from(ForecastGap))
    assert rows[0].rank == 1 and rows[0].score >= rows[-1].score
    assert rows[0].model_version == "1.0" and rows[0].drivers
    assert all(r.change is not None for r in rows)
    assert "AND" in gaps and "AND" not in {r.country for r in rows}
    assert n_gaps == len(gaps)
    ukr = next(r for r in bd_rows if r.country == "UKR")
    assert ukr.quantiles is not None and len(ukr.quantiles) == 19
    assert ukr.quantiles["0.05"] <= ukr.score <= ukr.quantiles["0.95"]
    # Running again replaces the period's scores instead of failing on the unique key.
    with runtime.sessions.begin() as s:
        run_forecasts(s, shared_data, targets=["battle_deaths"])
    with runtime.sessions() as s:
        assert len(store.scores_for(s, "battle_deaths", "2025")) == len(bd_rows)


def test_series_target_backtest_from_the_database(runtime: Runtime) -> None:
    from wiqaya.assess.service import series_backtest

    _insert_events(runtime)
    with runtime.sessions.begin() as s:
        build_series(s, with_ewp=False)
    with runtime.sessions() as s:
        out, notes = series_backtest(s, "escalation", 2025, 2025)
    assert not notes and list(out.columns) == ["country", "period", "risk", "outcome"]
    assert set(out["country"]) <= {"SYR", "IRQ", "LBY", "SDN"}
    assert out["period"].min() >= "2025-01" and out["risk"].between(0, 1).all()
