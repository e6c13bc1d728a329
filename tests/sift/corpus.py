"""Test material for the sift tests: real Arabic sentences from the bundled OEDA data set."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from wiqaya.config import PACKAGE_DATA

GSR = PACKAGE_DATA / "bundled" / "arabic_event_gsr"


def load_sentences() -> list[str]:
    out: list[str] = []
    for name in ("protest_detection.dev.csv", "assault_detection.dev.csv"):
        with (GSR / name).open(encoding="utf-8", newline="") as handle:
            out.extend(row["text"] for row in csv.DictReader(handle))
    return out


SENTENCES = load_sentences()


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    """A CSV document written by the csv module (real sentences contain quotes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path
