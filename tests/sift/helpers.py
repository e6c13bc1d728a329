"""Small helpers shared by the sift tests that look inside the database."""

from __future__ import annotations

from sqlalchemy import func, select

from wiqaya.runtime import Runtime
from wiqaya.store.models.sift import (
    BattleDeathsRecord,
    DatasetEvent,
    Document,
    IngestedFile,
    LshBand,
    Quarantine,
    Sighting,
)

TABLES = {
    "documents": Document,
    "sightings": Sighting,
    "lsh_bands": LshBand,
    "quarantine": Quarantine,
    "ingested_files": IngestedFile,
    "battle_deaths": BattleDeathsRecord,
    "dataset_events": DatasetEvent,
}


def counts(runtime: Runtime) -> dict[str, int]:
    with runtime.sessions() as session:
        return {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in TABLES.items()
        }
