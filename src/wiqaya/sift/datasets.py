"""Event datasets recognised by their header: UCDP battle deaths and ACLED-like events.

Rows become typed values (integers, floats, dates), never documents. A field of
the wrong type quarantines that row (``invalid-value`` / ``invalid-date``) with
its line number; the other rows load.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator

from wiqaya.sift.dates import InvalidDate, parse_date
from wiqaya.sift.items import BattleDeathsRow, EventRow, Item, Problem, Reason, sample_of

UCDP_REQUIRED = {"conflict_id", "dyad_id", "year", "bd_best", "gwno_loc"}
ACLED_REQUIRED = {"event_date", "event_type"}
ACLED_ANY = {"actor1", "country", "iso3", "fatalities", "admin1", "location"}
_VERSION_IN_NAME = re.compile(r"v(\d+)[_.](\d+)", re.IGNORECASE)


def dataset_kind(header: Iterable[str]) -> str | None:
    """``ucdp``, ``acled`` or ``None`` for a CSV header (lower-cased column names)."""
    cols = set(header)
    if cols >= UCDP_REQUIRED:
        return "ucdp"
    if cols >= ACLED_REQUIRED and cols & ACLED_ANY:
        return "acled"
    return None


class _BadValue(ValueError):
    pass


def _text(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


def _int(v: str | None) -> int | None:
    v = (v or "").strip()
    if not v:
        return None
    try:
        number = float(v)
    except ValueError as exc:
        raise _BadValue(f"{v!r} is not a number") from exc
    if number != int(number):
        raise _BadValue(f"{v!r} is not a whole number")
    return int(number)


def _float(v: str | None) -> float | None:
    v = (v or "").strip()
    if not v:
        return None
    try:
        return float(v)
    except ValueError as exc:
        raise _BadValue(f"{v!r} is not a number") from exc


def _required(conv: Callable[[str | None], object]) -> Callable[[str | None], object]:
    def inner(v: str | None) -> object:
        out = conv(v)
        if out is None:
            raise _BadValue("is required but empty")
        return out

    return inner


UCDP_FIELDS: dict[str, tuple[tuple[str, ...], Callable[[str | None], object]]] = {
    "conflict_id": (("conflict_id",), _required(_int)),
    "dyad_id": (("dyad_id",), _required(_int)),
    "year": (("year",), _required(_int)),
    "location": (("location_inc", "location"), _text),
    "side_a": (("side_a",), _text),
    "side_b": (("side_b",), _text),
    "incompatibility": (("incompatibility",), _int),
    "territory_name": (("territory_name",), _text),
    "type_of_conflict": (("type_of_conflict",), _int),
    "gwno_loc": (("gwno_loc",), _required(_text)),
    "gwno_battle": (("gwno_battle",), _text),
    "gwno_a": (("gwno_a",), _text),
    "gwno_b": (("gwno_b",), _text),
    "region": (("region",), _text),
    "bd_best": (("bd_best",), _required(_int)),
    "bd_low": (("bd_low",), _int),
    "bd_high": (("bd_high",), _int),
}

ACLED_FIELDS: dict[str, tuple[tuple[str, ...], Callable[[str | None], object]]] = {
    "event_type": (("event_type",), _required(_text)),
    "sub_event_type": (("sub_event_type",), _text),
    "actor1": (("actor1",), _text),
    "actor2": (("actor2",), _text),
    "country": (("country",), _text),
    "iso3": (("iso3",), _text),
    "admin1": (("admin1",), _text),
    "location": (("location",), _text),
    "latitude": (("latitude",), _float),
    "longitude": (("longitude",), _float),
    "fatalities": (("fatalities",), _int),
    "notes": (("notes",), _text),
}


def _typed(
    row: dict[str, str], fields: dict[str, tuple[tuple[str, ...], Callable[[str | None], object]]]
) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, (columns, conv) in fields.items():
        raw = next((row[c] for c in columns if c in row), None)
        try:
            out[name] = conv(raw)
        except _BadValue as exc:
            raise _BadValue(f"column {columns[0]}: {exc}") from exc
    return out


def version_from_name(name: str) -> str | None:
    match = _VERSION_IN_NAME.search(name)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def ucdp_rows(rows: Iterator[tuple[str, dict[str, str]]], origin: str, name: str) -> Iterator[Item]:
    default_version = version_from_name(name) or "unknown"
    for locator, row in rows:
        try:
            values = _typed(row, UCDP_FIELDS)
        except _BadValue as exc:
            yield Problem(Reason.INVALID_VALUE, origin, str(exc), locator, sample_of(repr(row)))
            continue
        values["version"] = (row.get("version") or "").strip() or default_version
        yield BattleDeathsRow(values=values, origin=origin, locator=locator)


def acled_rows(rows: Iterator[tuple[str, dict[str, str]]], origin: str) -> Iterator[Item]:
    for locator, row in rows:
        try:
            when = parse_date(row.get("event_date"))
            if when is None:
                raise InvalidDate("event_date is empty")
        except InvalidDate as exc:
            yield Problem(Reason.INVALID_DATE, origin, str(exc), locator, sample_of(repr(row)))
            continue
        try:
            values = _typed(row, ACLED_FIELDS)
        except _BadValue as exc:
            yield Problem(Reason.INVALID_VALUE, origin, str(exc), locator, sample_of(repr(row)))
            continue
        values["event_date"] = when.date()
        # The same event row, wherever it is found again, is the same record.
        key = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
        values["row_hash"] = hashlib.sha256(key.encode("utf-8")).hexdigest()
        yield EventRow(values=values, origin=origin, locator=locator)
