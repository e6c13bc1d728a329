"""Fuzzing the `wiqaya extract` contract: one output line per input line, always.

Whatever the input lines are (valid records, broken JSON, wrong types, huge
nesting, bidi and control characters), the output has the same number of
records, in order, each with the contract's keys; bad lines carry "error".
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiqaya.read.cli import extract_records

# Hypothesis warns that the 100 kB nesting examples make a long repr: they are meant to.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

SENTENCES = [
    "تظاهر مئات الطلاب أمام مبنى البرلمان في بغداد احتجاجاً على البطالة.",
    "قتل ثلاثة مدنيين في قصف على حلب.",
    "Police fired tear gas at protesters in Khartoum on Tuesday.",
]
text = st.one_of(
    st.sampled_from(SENTENCES),
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("بغداد احتجاج \u202e\u2066\r\x1b")),
            st.characters(blacklist_categories=("Cs",)),
        ),
        max_size=120,
    ),
)
good = st.fixed_dictionaries(
    {"id": st.text(max_size=10), "text": text},
    optional={
        "lang": st.sampled_from(["ar", "en", "xx"]),
        "date": st.sampled_from(["2024-05-17", "2024-5-17", "yesterday", "0000-00-00"]),
    },
).map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8"))
bad = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"",
            b"   ",
            b"[1, 2]",
            b'{"id": 5, "text": "x"}',
            b'{"id": "a", "text": 7}',
            b'{"id": "a"}',
            b"{" * 50_000,
            b'{"id": "a", "text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
            '{"id": "\u202e", "text": "نص"}'.encode(),
            b"\xff\xfe\x00\x00",
            b'{"id": "a", "text": "Israel \\ud800attacked Iran."}',
            b'{"id": "\\udfff", "text": "x"}',
        ]
    ),
)


@settings(
    deadline=timedelta(seconds=10),
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.one_of(good, bad), min_size=1, max_size=8))
def test_one_record_per_line_in_order(lines: list[bytes]) -> None:
    lines = [line.replace(b"\n", b" ") for line in lines]
    out = list(extract_records(iter(lines), batch=3))
    assert len(out) == len(lines)
    for raw, record in zip(lines, out, strict=True):
        assert {"id", "lang", "events", "indicators"} <= set(record)
        assert isinstance(record["events"], list) and isinstance(record["indicators"], list)
        json.dumps(record, ensure_ascii=False).encode("utf-8")  # always writable as UTF-8
        try:
            parsed = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            parsed = None
        valid = (
            isinstance(parsed, dict)
            and isinstance(parsed.get("id"), str)
            and isinstance(parsed.get("text"), str)
            and parsed.get("date") in (None, "2024-05-17")
            and not any(0xD800 <= ord(c) <= 0xDFFF for c in parsed["id"] + parsed["text"])
        )
        if valid:
            assert "error" not in record and record["id"] == parsed["id"]
        elif parsed is None or not isinstance(parsed, dict):
            assert "error" in record
        for event in record["events"]:
            assert set(event) >= {"event", "source", "target", "evidence", "confidence"}


def test_lone_surrogates_are_bad_lines_and_the_file_is_written(tmp_path) -> None:  # noqa: ANN001
    """JSON escapes spell lone surrogates that UTF-8 cannot hold; writing one
    stopped the whole extract run with a UnicodeEncodeError."""
    from wiqaya.read.cli import extract_command

    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "a", "text": "Israel \\ud800attacked Iran."}\n'
        b'{"id": "\\udfff", "text": "x"}\n'
        b'{"id": "b", "text": "Police fired tear gas at protesters in Khartoum."}\n'
    )
    out = tmp_path / "out.jsonl"
    extract_command(input=src, output=out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "\ufffd", "b"]
    assert ["error" in r for r in records] == [True, True, False]
    assert records[2]["events"]


def test_output_lines_hold_no_unicode_line_breaks(tmp_path) -> None:  # noqa: ANN001
    """U+2028, U+2029 and NEL end a line for str.splitlines() (evaluation/library.py
    reads JSONL so); JSON left them raw in an echoed id or a two-word evidence."""
    from wiqaya.read.cli import extract_command

    src = tmp_path / "in.jsonl"
    records = [
        {"id": "a\u2028b", "text": "Police fired tear\u2029gas at protesters in Khartoum."},
        {"id": "c\x85", "text": "قتل ثلاثة مدنيين في قصف على حلب."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    extract_command(input=src, output=out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a\u2028b", "c\x85"]
    assert "tear\u2029gas" in [e["evidence"] for e in json.loads(lines[0])["events"]]
