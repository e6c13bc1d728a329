"""What readers yield: documents, typed dataset rows and problems (quarantine reasons).

Readers are pure: bytes in, these objects out. The pipeline decides what is new,
what is a repeat and what to store; nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Reason(StrEnum):
    """Stable quarantine reason codes (documented in docs/ingest.md; never rename)."""

    BINARY = "binary"
    UNDECODABLE = "undecodable"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    MALFORMED_ROW = "malformed-row"
    NO_TEXT_COLUMN = "no-text-column"
    INVALID_DATE = "invalid-date"
    INVALID_VALUE = "invalid-value"
    NO_MAIN_TEXT = "no-main-text"
    BROKEN_FEED = "broken-feed"
    BROKEN_ARCHIVE = "broken-archive"
    ZIP_BOMB = "zip-bomb"
    PATH_TRAVERSAL = "path-traversal"
    UNREADABLE = "unreadable"


REASON_HELP: dict[Reason, str] = {
    Reason.BINARY: "binary content (NUL or control bytes), not text",
    Reason.UNDECODABLE: "text in no encoding Wiqaya can read faithfully",
    Reason.EMPTY: "empty file, or a record whose text is blank",
    Reason.TOO_LARGE: "file or archive member over the size limit",
    Reason.MALFORMED_ROW: "CSV/JSON Lines record that cannot be parsed",
    Reason.NO_TEXT_COLUMN: "CSV/JSON without a `text` column and not a known dataset",
    Reason.INVALID_DATE: "date that cannot be parsed or is out of range",
    Reason.INVALID_VALUE: "dataset field of the wrong type (e.g. non-numeric deaths)",
    Reason.NO_MAIN_TEXT: "HTML page with no main text to extract",
    Reason.BROKEN_FEED: "RSS/Atom file that does not parse or has no entries",
    Reason.BROKEN_ARCHIVE: "zip that cannot be opened, or an encrypted member",
    Reason.ZIP_BOMB: "archive over the size, ratio, member-count or nesting limits",
    Reason.PATH_TRAVERSAL: "archive member whose name escapes the archive (.. or /abs)",
    Reason.UNREADABLE: "file that cannot be read (permissions, vanished)",
}


@dataclass
class RawDocument:
    """One text as found, with everything known about where it came from."""

    text: str
    origin: str
    locator: str = ""
    encoding: str | None = None
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    external_id: str | None = None
    published_at: datetime | None = None


@dataclass
class Problem:
    """An input (a whole file or one record in it) set aside, with the reason."""

    reason: Reason
    origin: str
    detail: str
    locator: str = ""
    sample: bytes | None = None
    size_bytes: int | None = None
    sha256: str | None = None


@dataclass
class BattleDeathsRow:
    """A UCDP battle-deaths dyad-year, typed."""

    values: dict[str, object]
    origin: str
    locator: str


@dataclass
class EventRow:
    """An ACLED-like event row, typed."""

    values: dict[str, object]
    origin: str
    locator: str


Item = RawDocument | Problem | BattleDeathsRow | EventRow

SAMPLE_BYTES = 512


def sample_of(data: bytes | str) -> bytes:
    """A bounded sample of the raw input for the analyst to look at."""
    if isinstance(data, str):
        data = data.encode("utf-8", "replace")
    return data[:SAMPLE_BYTES]
