"""Hostile-input fuzzing of every ingest parser: no crash, no hang, a clear problem.

Each reader takes arbitrary bytes under a hostile name and must only yield
items (documents, dataset rows or quarantine problems), within a deadline.
Structured fuzzing checks that well-formed records survive byte-faithfully
next to malformed ones, and that deep nesting and entity bombs are bounded.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiqaya.sift.dates import InvalidDate, date_from_newswire_id, parse_date
from wiqaya.sift.decode import Decoded, Undecodable, decode_bytes
from wiqaya.sift.formats import InputFile, Limits, read_input
from wiqaya.sift.items import BattleDeathsRow, EventRow, Problem, RawDocument, Reason

LIMITS = Limits(
    max_file_bytes=2_000_000,
    max_archive_bytes=5_000_000,
    max_archive_members=50,
    max_compression_ratio=100,
)
ITEM_TYPES = (RawDocument, Problem, BattleDeathsRow, EventRow)
SUFFIXES = [".txt", ".md", ".csv", ".tsv", ".jsonl", ".json", ".html", ".rss", ".xml", ".zip", ""]
HOSTILE = settings(
    deadline=timedelta(seconds=3),
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ARABIC = "تظاهر مئات الطلاب أمام مبنى البرلمان في بغداد"

# Bytes that look a little like the formats, so readers get past their first checks.
format_bytes = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            [
                b"text,id,date\n",
                b'"',
                b",",
                b"\n",
                b"\r\n",
                b"{",
                b"}",
                b"[",
                b'"text": ',
                b"<rss><channel><item><title>",
                b"</item>",
                b"<html><body><p>",
                b"</p>",
                b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
                b"&a;",
                b"PK\x03\x04",
                b"\xef\xbb\xbf",
                b"\xff\xfe",
                b"\x00",
                ARABIC.encode("utf-8"),
                ARABIC.encode("cp1256"),
                b"2024-13-45",
                b"\xe2\x80\xae",
            ]
        ),
        max_size=200,
    ).map(b"".join),
)


def _all_items(name: str, data: bytes) -> list[object]:
    return list(read_input(InputFile(f"/fuzz/{name}", name, data), LIMITS))


@HOSTILE
@given(st.sampled_from(SUFFIXES), format_bytes)
def test_every_reader_survives_arbitrary_bytes(suffix: str, data: bytes) -> None:
    items = _all_items(f"input{suffix}", data)
    for item in items:
        assert isinstance(item, ITEM_TYPES)
        if isinstance(item, Problem):
            assert isinstance(item.reason, Reason) and item.detail
        if isinstance(item, RawDocument):
            assert isinstance(item.text, str) and item.text.strip()


@HOSTILE
@given(format_bytes, st.one_of(st.none(), st.sampled_from(["utf-8", "windows-1256", "bogus"])))
def test_decode_is_total(data: bytes, declared: str | None) -> None:
    try:
        decoded = decode_bytes(data, declared=declared)
    except Undecodable as exc:
        assert exc.reason in {"binary", "undecodable"}
    else:
        assert isinstance(decoded, Decoded) and isinstance(decoded.text, str)


cell = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(ARABIC + ',"\n\r;|\t ')),
        # Control characters make a whole file "binary" (quarantined as such, tested above).
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    max_size=80,
)


@HOSTILE
@given(st.lists(cell, min_size=1, max_size=25))
def test_csv_keeps_every_good_text_exactly(texts: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text"])
    for i, value in enumerate(texts):
        writer.writerow([str(i), value])
    items = _all_items("docs.csv", buffer.getvalue().encode("utf-8"))
    stored = [item.text for item in items if isinstance(item, RawDocument)]
    # Carriage returns inside quoted cells are normalised by universal newlines;
    # everything else must come back as written.
    expected = [t for t in texts if t.strip() and "\r" not in t]
    for text in expected:
        assert text in stored


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), cell),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(cell, inner, max_size=4)),
    max_leaves=20,
)


json_line = st.one_of(
    st.fixed_dictionaries({"text": cell}, optional={"id": cell, "date": cell, "x": json_value}),
    st.dictionaries(cell, json_value, max_size=4).map(lambda d: {k: v for k, v in d.items()}),
    json_value.filter(lambda v: not isinstance(v, list)),
)


@HOSTILE
@given(st.lists(json_line, min_size=1, max_size=20), st.lists(cell, max_size=5))
def test_jsonl_one_item_per_line(records: list[object], garbage: list[str]) -> None:
    # Start with an object so the file is read as JSON Lines, not as one JSON array.
    lines = ['{"text": "بداية"}'] + [json.dumps(r, ensure_ascii=False) for r in records]
    lines += [g.replace("\n", " ").replace("\r", " ") for g in garbage if g.strip()]
    items = _all_items("docs.jsonl", "\n".join(lines).encode("utf-8"))
    # Every non-blank line yields exactly one item, in order.
    assert len(items) == len(lines)
    for record, item in zip(records, items[1:], strict=False):
        wanted = record.get("text") if isinstance(record, dict) else None
        if isinstance(wanted, str) and isinstance(item, RawDocument):
            assert item.text == wanted


@pytest.mark.parametrize("depth", [1_000, 200_000])
def test_deeply_nested_json_is_a_problem_not_a_crash(depth: int) -> None:
    for name, body in (
        ("deep.json", "[" * depth + "]" * depth),
        ("deep.jsonl", '{"text": ' + "[" * depth + "]" * depth + "}"),
        ("deep2.jsonl", '{"a":' * depth + "1" + "}" * depth),
    ):
        items = _all_items(name, body.encode())
        assert items and all(isinstance(i, Problem) for i in items), name


def test_deeply_nested_html_is_bounded() -> None:
    page = "<html><body>" + "<div>" * 50_000 + ARABIC + "</div>" * 50_000 + "</body></html>"
    items = _all_items("deep.html", page.encode())
    assert items and all(isinstance(i, ITEM_TYPES) for i in items)


def test_feed_entity_expansion_is_not_expanded() -> None:
    """A billion-laughs feed must neither hang nor blow up memory."""
    entities = "".join(
        f'<!ENTITY l{i} "{"&l" + str(i - 1) + ";" * 1}' + f'{("&l" + str(i - 1) + ";") * 9}">'
        for i in range(1, 10)
    )
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{entities}]>'
        "<rss><channel><item><title>t</title><description>&l9;</description></item>"
        "</channel></rss>"
    )
    items = _all_items("laughs.rss", feed.encode())
    for item in items:
        assert isinstance(item, ITEM_TYPES)
        if isinstance(item, RawDocument):
            assert len(item.text) < 100_000


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_nested_archives_stop_at_the_depth_limit() -> None:
    data = _zip({"a.txt": ARABIC.encode()})
    for level in range(6):
        data = _zip({f"level{level}.zip": data})
    items = _all_items("nested.zip", data)
    assert any(isinstance(i, Problem) and i.reason == Reason.ZIP_BOMB for i in items)


@HOSTILE
@given(st.dictionaries(st.text(min_size=1, max_size=30), st.binary(max_size=400), max_size=8))
def test_archives_with_hostile_member_names(members: dict[str, bytes]) -> None:
    try:
        data = _zip(members)
    except (ValueError, UnicodeEncodeError, IndexError):
        # zipfile itself cannot write such a name (e.g. one that is only a NUL).
        return
    for item in _all_items("in.zip", data):
        assert isinstance(item, ITEM_TYPES)
        if isinstance(item, RawDocument):
            assert ".." not in item.origin.split("!/", 1)[-1].split("/")


@settings(deadline=timedelta(milliseconds=500), max_examples=200)
@given(
    st.one_of(
        st.text(max_size=60),
        st.dates().map(str),
        st.datetimes().map(lambda d: d.isoformat()),
        st.from_regex(r"\A[0-9٠-٩]{1,6}[-/ ][0-9٠-٩]{1,3}[-/ ][0-9٠-٩]{1,5}\Z"),
    )
)
def test_dates_are_parsed_or_refused(raw: str) -> None:
    try:
        value = parse_date(raw)
    except InvalidDate as exc:
        assert str(exc)
    else:
        assert value is None or (isinstance(value, datetime) and value.tzinfo is None)


@HOSTILE
@given(
    st.one_of(
        st.text(max_size=40),
        st.from_regex(r"[A-Z]{3}_[A-Z]{3}_[0-9]{8}\.[0-9]{4}(-[0-9]{1,3})?", fullmatch=True),
    )
)
def test_newswire_ids_give_a_real_date_or_none(raw: str) -> None:
    found = date_from_newswire_id(raw)
    if found is not None:
        # Only a real calendar date that the id spells out, never a guess.
        assert found.strftime("%Y%m%d") in raw and found.tzinfo is None


def test_jsonl_keeps_line_separators_inside_strings() -> None:
    """U+2028, U+0085 and form feeds are legal raw inside JSON strings: one record."""
    text = "سطر أول\u2028سطر ثان\x85ثالث\x0cرابع"
    body = json.dumps({"text": text}, ensure_ascii=False) + "\r\n" + '{"text": "ثان"}\n'
    items = _all_items("seps.jsonl", body.encode("utf-8"))
    assert [i.text for i in items if isinstance(i, RawDocument)] == [text, "ثان"]
