"""Read the PA-X peace agreements CSV (``pax_data_cleaned.csv``) into library records.

PA-X (Bell et al., University of Edinburgh) is not shipped with Wiqaya; it is
read from where the user keeps it. A row that cannot be trusted (no AgtId,
no title, a date that is not a date, a provision flag that is not 0/1, the
wrong number of fields, an AgtId seen before in the file) is rejected with
its row number and the reason; the rest of the file still imports.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from wiqaya.errors import InputError
from wiqaya.remember.records import LibraryRecord, Rejected
from wiqaya.remember.vocabulary import PROVISIONS

SOURCE_NAME = "pax"
LICENCE = "PA-X Peace Agreements Database, University of Edinburgh (cite Bell et al.)"
REQUIRED = ("AgtId", "Agt", "Dat")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_MISSING = {"", "NA", "N/A", "NaN", "nan"}


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return None if value in _MISSING else value


def _decode(path: Path, max_bytes: int) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path} is {size} bytes, over the limit of {max_bytes} "
            "(raise WIQAYA_MAX_FILE_BYTES if it is genuine)",
            code="E-LIB-002",
        )
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path} is a binary file, not a PA-X CSV", code="E-LIB-001")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV", code="E-LIB-001"
        ) from exc


def read_pax(
    path: Path, *, max_bytes: int = 200 * 1024 * 1024
) -> Iterator[LibraryRecord | Rejected]:
    """Yield a record or a rejection for every data row of a PA-X CSV file."""
    text = _decode(path, max_bytes)
    csv.field_size_limit(max(csv.field_size_limit(), 10 * 1024 * 1024))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path} is empty", code="E-LIB-001") from None
    except csv.Error as exc:
        raise InputError(f"{path} is not a readable CSV: {exc}", code="E-LIB-001") from exc
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"{path} is not a PA-X file: missing column(s) {', '.join(missing)}",
            code="E-LIB-001",
        )
    origin = str(path)
    seen: set[int] = set()
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row_no += 1
            yield Rejected(origin, f"row {row_no}", f"unreadable CSV: {exc}")
            continue
        row_no += 1
        if not any(cell.strip() for cell in row):
            continue
        locator = f"row {row_no}"
        if len(row) != len(header):
            yield Rejected(origin, locator, f"{len(row)} fields, header has {len(header)}")
            continue
        result = _record(dict(zip(header, row, strict=True)), origin, locator)
        if isinstance(result, LibraryRecord):
            assert result.agt_id is not None
            if result.agt_id in seen:
                yield Rejected(origin, locator, f"AgtId {result.agt_id} appears twice in the file")
                continue
            seen.add(result.agt_id)
        yield result


def _record(row: dict[str, str], origin: str, locator: str) -> LibraryRecord | Rejected:
    raw_id = _clean(row.get("AgtId"))
    try:
        agt_id = int(raw_id or "")
        if agt_id <= 0:
            raise ValueError
    except ValueError:
        return Rejected(origin, locator, f"AgtId {raw_id!r} is not a positive whole number")
    title = re.sub(r"\s+", " ", _clean(row.get("Agt")) or "").strip()
    if not title:
        return Rejected(origin, locator, f"AgtId {agt_id} has no title (Agt)")
    raw_date = _clean(row.get("Dat"))
    try:
        when = date.fromisoformat(raw_date or "")
    except ValueError:
        return Rejected(origin, locator, f"AgtId {agt_id}: date {raw_date!r} is not YYYY-MM-DD")
    countries = []
    for col in ("Loc1ISO", "Loc2ISO"):
        value = _clean(row.get(col))
        if value is not None and not _ISO3.match(value):
            return Rejected(origin, locator, f"AgtId {agt_id}: {col} {value!r} is not ISO3")
        countries.append(value)
    provisions = []
    for code in PROVISIONS:
        flag = _clean(row.get(code))
        if flag is None or flag == "0":
            continue
        if flag != "1":
            return Rejected(
                origin, locator, f"AgtId {agt_id}: provision {code} is {flag!r}, not 0/1"
            )
        provisions.append(code)
    links = [("country", c) for c in countries if c]
    return LibraryRecord(
        kind="agreement",
        external_id=f"pax:{agt_id}",
        agt_id=agt_id,
        title=title,
        date=when,
        lang="en",
        country=countries[0],
        country2=countries[1],
        region=_clean(row.get("Reg")),
        conflict=_clean(row.get("Con")),
        peace_process=_clean(row.get("PPName")),
        stage=_clean(row.get("Stage")),
        stage_sub=_clean(row.get("StageSub")),
        status=_clean(row.get("Status")),
        agreement_type=_clean(row.get("Agtp")),
        signatories=_clean(row.get("Part")),
        third_parties=_clean(row.get("ThrdPart")),
        provisions=provisions,
        text=(_clean(row.get("OthAgr")) or "").replace("\r\n", "\n"),
        origin=origin,
        locator=locator,
        source_name=SOURCE_NAME,
        licence=LICENCE,
        links=links,
    )
