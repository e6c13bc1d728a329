"""Library test data: a subset of PA-X written at test time (PA-X is never copied into the repo)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

# Agreements the tests search for, plus neighbours that compete with them.
SUBSET = [
    2120,  # Hodeidah Agreement (Yemen, 2018, ceasefire)
    2121,  # Stockholm Agreement (Yemen, 2018)
    798,  # Peace and National Partnership Agreement (Yemen, 2014)
    1370,  # Libyan Political Agreement (Sukhairat)
    1427,  # Statement by Libya Dialogue Participants, Skhirat
    2136,  # Zawiyya ceasefire (Libya)
    337,  # Comprehensive Peace Agreement, Sudan (Naivasha)
    440,  # Machakos Protocol
    556,  # Good Friday Agreement
    389,  # Dayton
    1845,  # Colombia Final Agreement
    853,  # Doha Document for Peace in Darfur
]


def write_subset(pax: Path, dest: Path, ids: list[int]) -> Path:
    with pax.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        col = header.index("AgtId")
        rows = [r for r in reader if r[col].isdigit() and int(r[col]) in ids]
    with dest.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        writer.writerows(rows)
    return dest


@pytest.fixture(scope="session")
def pax_file(shared_data: Path) -> Path:
    path = shared_data / "pax" / "pax_data_cleaned.csv"
    if not path.is_file():
        pytest.fail(f"PA-X not found at {path}")
    return path


@pytest.fixture
def pax_subset(pax_file: Path, tmp_path: Path) -> Path:
    return write_subset(pax_file, tmp_path / "pax_subset.csv", SUBSET)


@pytest.fixture
def library(runtime, pax_subset: Path):  # type: ignore[no-untyped-def]
    """A runtime whose library holds the PA-X subset and the shipped UN guidance."""
    from wiqaya.remember import service

    service.load_demo_library(runtime, pax_path=pax_subset)
    return runtime
