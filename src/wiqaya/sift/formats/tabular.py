"""CSV/TSV and JSON Lines: documents with a ``text`` column, or a known event dataset.

Document columns: ``text`` (required) and optionally ``id``, ``title``, ``date``,
``url``, ``lang``; other columns are ignored. A CSV whose header is UCDP's or
ACLED's is handed to :mod:`wiqaya.sift.datasets`. Bad rows are quarantined with
their line number and the good rows still load.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator

from wiqaya.sift import datasets
from wiqaya.sift.dates import InvalidDate, date_from_newswire_id, parse_date
from wiqaya.sift.formats import InputFile, decode_or_problem
from wiqaya.sift.items import Item, Problem, RawDocument, Reason, sample_of

# A document's text may be long; the file size limit bounds it, not csv's 128 KiB.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

DOC_COLUMNS = ("text", "id", "title", "date", "url", "lang")
_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(first_line: str, tab: bool) -> str:
    if tab:
        return "\t"
    return max(_DELIMITERS, key=first_line.count)


def _csv_rows(
    text: str, origin: str, tab: bool
) -> tuple[list[str], Iterator[tuple[str, dict[str, str]] | Problem]]:
    first = text.split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(first, tab), strict=True
    )
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        return [], iter(())

    def rows() -> Iterator[tuple[str, dict[str, str]] | Problem]:
        line = reader.line_num
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line = reader.line_num
                yield Problem(Reason.MALFORMED_ROW, origin, f"CSV error: {exc}", f"line:{start}")
                continue
            line = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield Problem(
                    Reason.MALFORMED_ROW,
                    origin,
                    f"{len(row)} fields where the header has {len(header)}",
                    f"line:{start}",
                    sample_of(",".join(row)),
                )
                continue
            yield f"line:{start}", dict(zip(header, row, strict=True))

    return header, rows()


def _only_rows(
    items: Iterator[tuple[str, dict[str, str]] | Problem], problems: list[Problem]
) -> Iterator[tuple[str, dict[str, str]]]:
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def read_csv(item: InputFile, *, tab: bool = False) -> Iterator[Item]:
    decoded = decode_or_problem(item)
    if isinstance(decoded, Problem):
        yield decoded
        return
    header, rows = _csv_rows(decoded.text, item.origin, tab)
    if not header or not any(header):
        yield Problem(Reason.EMPTY, item.origin, "no header row", sample=sample_of(item.data))
        return
    kind = datasets.dataset_kind(header)
    if kind is not None:
        problems: list[Problem] = []
        typed = _only_rows(rows, problems)
        if kind == "ucdp":
            gen = datasets.ucdp_rows(typed, item.origin, item.name)
        else:
            gen = datasets.acled_rows(typed, item.origin)
        for out in gen:
            # Parse problems surface in file order, interleaved with good rows.
            yield from problems
            problems.clear()
            yield out
        yield from problems
        return
    if "text" not in header:
        yield Problem(
            Reason.NO_TEXT_COLUMN,
            item.origin,
            f"columns {', '.join(header[:12])}: need a `text` column (or a UCDP/ACLED header)",
            sample=sample_of(item.data),
        )
        return
    for row in rows:
        if isinstance(row, Problem):
            yield row
            continue
        locator, values = row
        yield _document(values, item.origin, locator, decoded.encoding)


def _document(values: dict[str, object], origin: str, locator: str, encoding: str) -> Item:
    def field(name: str) -> str | None:
        raw = values.get(name)
        if raw is None:
            return None
        value = str(raw).strip()
        return value or None

    text = values.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(Reason.EMPTY, origin, "the `text` field is blank", locator)
    try:
        published = parse_date(field("date"))
    except InvalidDate as exc:
        return Problem(Reason.INVALID_DATE, origin, str(exc), locator, sample_of(text))
    if published is None:
        # With no date column, a newswire id still dates the story.
        published = date_from_newswire_id(field("id"))
    return RawDocument(
        text=text,
        origin=origin,
        locator=locator,
        encoding=encoding,
        title=field("title"),
        url=field("url"),
        lang=field("lang"),
        external_id=field("id"),
        published_at=published,
    )


def read_jsonl(item: InputFile) -> Iterator[Item]:
    decoded = decode_or_problem(item)
    if isinstance(decoded, Problem):
        yield decoded
        return
    body = decoded.text
    if body.lstrip().startswith("["):
        yield from _json_array(body, item, decoded.encoding)
        return
    # Records end at LF (CRLF tolerated) only: str.splitlines() would also cut at
    # U+2028, U+0085, form feeds... which JSON strings may legally hold raw.
    for number, line in enumerate(body.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        locator = f"line:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(
                Reason.MALFORMED_ROW, item.origin, f"not JSON: {exc.msg}", locator, sample_of(line)
            )
            continue
        except RecursionError:
            # Hostile nesting ([[[[...) exhausts the parser's stack: a bad record, not a crash.
            yield Problem(
                Reason.MALFORMED_ROW,
                item.origin,
                "JSON nested too deeply",
                locator,
                sample_of(line),
            )
            continue
        yield _json_document(obj, item.origin, locator, decoded.encoding, line)


def _json_array(body: str, item: InputFile, encoding: str) -> Iterator[Item]:
    try:
        objects = json.loads(body)
    except RecursionError:
        yield Problem(
            Reason.MALFORMED_ROW, item.origin, "JSON nested too deeply", "line:1", sample_of(body)
        )
        return
    except json.JSONDecodeError as exc:
        yield Problem(
            Reason.MALFORMED_ROW,
            item.origin,
            f"not JSON: {exc.msg}",
            f"line:{exc.lineno}",
            sample_of(body),
        )
        return
    for index, obj in enumerate(objects, start=1):
        yield _json_document(obj, item.origin, f"item:{index}", encoding, json.dumps(obj)[:512])


def _json_document(obj: object, origin: str, locator: str, encoding: str, raw: str) -> Item:
    if not isinstance(obj, dict):
        return Problem(
            Reason.MALFORMED_ROW, origin, "a record must be a JSON object", locator, sample_of(raw)
        )
    if "text" not in obj:
        return Problem(
            Reason.NO_TEXT_COLUMN, origin, "record has no `text` field", locator, sample_of(raw)
        )
    if not isinstance(obj["text"], str):
        return Problem(
            Reason.MALFORMED_ROW, origin, "`text` must be a string", locator, sample_of(raw)
        )
    return _document(
        {k.lower(): v for k, v in obj.items() if isinstance(k, str)}, origin, locator, encoding
    )
