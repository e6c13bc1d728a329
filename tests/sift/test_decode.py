"""Decoding real Arabic sentences saved in every encoding analysts send."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiqaya.sift.decode import Undecodable, decode_bytes

from .corpus import SENTENCES

SAMPLE = SENTENCES[::7]  # ~500 real sentences, both files


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("cp1256", "windows-1256"),
        ("iso8859_6", "iso-8859-6"),
        ("utf-8", "utf-8"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_every_real_sentence_decodes_exactly(codec: str, name: str) -> None:
    checked = 0
    for sentence in SAMPLE:
        try:
            data = sentence.encode(codec)
        except UnicodeEncodeError:
            continue  # ISO-8859-6 lacks some letters (e.g. پ) and Latin punctuation
        decoded = decode_bytes(data)
        assert decoded.text == sentence, (codec, sentence)
        assert decoded.encoding == name
        checked += 1
    assert checked > 200


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str, name: str) -> None:
    text = SENTENCES[1] + "\nUN envoy said: talks resume in Geneva."
    decoded = decode_bytes(bom + text.encode(codec))
    assert decoded.text == text  # the BOM is encoding, not text
    assert decoded.encoding == name


def test_mixed_script_windows_1256_file_stays_intact() -> None:
    text = "Reuters — " + SENTENCES[0] + " (AFP, 2024) «اللجنة الدولية للصليب الأحمر» ICRC"
    decoded = decode_bytes(text.encode("cp1256"))
    assert decoded.text == text
    assert decoded.encoding == "windows-1256"


def test_multiline_iso_8859_6_document() -> None:
    text = "\n".join(s for s in SENTENCES[:40] if _iso_ok(s))
    assert decode_bytes(text.encode("iso8859_6")).text == text


def _iso_ok(s: str) -> bool:
    try:
        s.encode("iso8859_6")
    except UnicodeEncodeError:
        return False
    return True


def test_binary_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(Undecodable) as err:
        decode_bytes(png)
    assert err.value.reason == "binary"


def test_lying_bom_is_undecodable() -> None:
    with pytest.raises(Undecodable) as err:
        decode_bytes(codecs.BOM_UTF8 + b"\xc7\xe1\xd3\xe1\xc7\xe3 \xff\xfe")
    assert err.value.reason == "undecodable"


def test_declared_charset_wins_when_it_decodes() -> None:
    text = SENTENCES[3]
    assert decode_bytes(text.encode("cp1256"), declared="windows-1256").text == text
    # A declaration that does not decode is ignored in favour of the evidence.
    assert decode_bytes(text.encode("utf-8"), declared="ascii").text == text


@given(st.text(min_size=1, max_size=200).filter(lambda s: "\x00" not in s))
def test_utf8_and_utf16_with_bom_round_trip_any_text(text: str) -> None:
    try:
        utf8 = decode_bytes(text.encode("utf-8"))
    except Undecodable:
        return  # mostly control characters: refusing them is the intended answer
    assert utf8.text == text
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text
