"""The Dask engine codes exactly what the in-process engine codes, on both back ends."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from typer.testing import CliRunner

from wiqaya.cli.main import app
from wiqaya.errors import ConfigError
from wiqaya.runtime import Runtime
from wiqaya.scale.corpus import GSR
from wiqaya.scale.dask_engine import read_with_dask
from wiqaya.sift.pipeline import ingest_paths
from wiqaya.store.models.read import DocumentRead, Event, IndicatorHit, PlaceMention
from wiqaya.store.read import count_unread

PER_FILE = 40


def _sample_corpus(folder: Path) -> Path:
    """Real sentences from both bundled GSR files: protests, assaults and negatives."""
    out = folder / "sample.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "text"])
        for path in sorted(GSR.glob("*_detection.dev.csv")):
            with path.open(encoding="utf-8", newline="") as src:
                for i, row in enumerate(csv.DictReader(src)):
                    if i >= PER_FILE:
                        break
                    writer.writerow([f"{path.stem}-{i}", f"2024-03-0{1 + i % 9}", row["text"]])
    return out


def _snapshot(runtime: Runtime) -> dict[str, list[tuple]]:
    with runtime.sessions() as session:
        events = session.execute(
            select(
                Event.document_id,
                Event.event_type,
                Event.cameo,
                Event.source_text,
                Event.source_country,
                Event.source_sector,
                Event.target_text,
                Event.target_country,
                Event.target_sector,
                Event.location_name,
                Event.country,
                Event.event_date,
                Event.evidence,
                Event.span_start,
                Event.span_end,
                Event.confidence,
                Event.coder_version,
            )
        ).all()
        hits = session.execute(
            select(
                IndicatorHit.document_id,
                IndicatorHit.indicator,
                IndicatorHit.evidence,
                IndicatorHit.span_start,
                IndicatorHit.confidence,
            )
        ).all()
        places = session.execute(
            select(
                PlaceMention.document_id,
                PlaceMention.surface,
                PlaceMention.country,
                PlaceMention.status,
                PlaceMention.span_start,
            )
        ).all()
        reads = session.execute(
            select(DocumentRead.document_id, DocumentRead.n_events, DocumentRead.n_indicators)
        ).all()
    return {
        "events": sorted(tuple(r) for r in events),
        "indicators": sorted(tuple(r) for r in hits),
        "places": sorted(tuple(r) for r in places),
        "reads": sorted(tuple(r) for r in reads),
    }


@pytest.mark.slow
def test_dask_engine_matches_in_process(
    runtime: Runtime, cli_env: dict[str, str], tmp_path: Path
) -> None:
    summary = ingest_paths(runtime, [_sample_corpus(tmp_path)], source="gsr-sample")
    assert summary.new_documents > 60

    result = CliRunner().invoke(app, ["read", "--batch", "10"], env=cli_env)
    assert result.exit_code == 0, result.output
    local = _snapshot(runtime)
    assert len(local["events"]) > 20 and len(local["reads"]) == summary.new_documents

    with runtime.sessions.begin() as session:
        for model in (Event, IndicatorHit, PlaceMention, DocumentRead):
            session.execute(delete(model))

    dask = read_with_dask(runtime, workers=2, batch=10)
    assert dask.documents == summary.new_documents and dask.batches >= 6
    assert _snapshot(runtime) == local
    # Nothing is left for a second run (resumability is the crash harness's job).
    with runtime.sessions() as session:
        assert count_unread(session) == 0


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from wiqaya.config import Settings
    from wiqaya.runtime import open_runtime

    runtime = open_runtime(Settings(home=tmp_path, database_url=f"sqlite:///{tmp_path}/w.db"))
    try:
        with pytest.raises(ConfigError) as info:
            read_with_dask(runtime, scheduler="tcp://127.0.0.1:9", connect_timeout_s=2)
        assert "Dask scheduler" in info.value.message
        result = CliRunner().invoke(
            app,
            ["read", "--engine", "spark"],
            env={"WIQAYA_DATABASE_URL": runtime.url, "WIQAYA_HOME": str(tmp_path)},
        )
        assert result.exit_code != 0
    finally:
        runtime.close()
