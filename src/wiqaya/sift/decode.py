"""Turn raw bytes into text, naming the encoding, without ever guessing silently wrong.

Order of evidence: a byte-order mark; UTF-16 without a mark (NUL or 0x06 bytes at
alternate positions); strict UTF-8; then the two single-byte Arabic code pages,
Windows-1256 and ISO-8859-6, told apart by how Arabic the decoded text reads
(charset detectors often confuse them, because almost every byte decodes to *some*
Arabic letter in both); finally charset-normalizer for other single-byte text.
Binary input (NUL bytes, control characters) is refused with :class:`Undecodable`.

This module never changes the text it returns beyond decoding (the BOM is part of
the encoding, not the text, so it is removed).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from wiqaya.language.arabic import normalise

# Below this Arabic-reading score, a single-byte file is not Arabic and is left to
# charset-normalizer.
_MIN_ARABIC_SCORE = 0.5
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a]")
_LATIN_ACCENTED = re.compile("[\u00c0-\u00ff]")
_LETTER = re.compile(r"[^\W\d_]")
# Very frequent Arabic words and the definite article: Windows-1256 bytes read as
# ISO-8859-6 (or the reverse) turn them into letter salad that never spells these.
_COMMON = re.compile(r"(?:^|\s)(?:ال|في|من|على|الى|ان|عن|مع|التي|الذي|هذا|هذه|كان|قد|لا|ما|و)")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Undecodable(ValueError):
    """The bytes are binary or in no encoding we can read faithfully."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = len(_CONTROL.findall(text[:65536]))
    return controls > max(2, len(text[:65536]) // 200)


def arabic_reading_score(text: str) -> float:
    """How much ``text`` reads like Arabic: share of Arabic letters, minus accented
    Latin letters (the mark of a wrong Arabic code page), plus common words."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return 0.0
    arabic = len(_ARABIC_LETTER.findall(text))
    accented = len(_LATIN_ACCENTED.findall(text))
    words = max(1, len(text.split()))
    common = len(_COMMON.findall(normalise(text)))
    return (arabic - 3 * accented) / letters + 0.5 * min(1.0, common / words)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    # ASCII (high byte 0) or Arabic (high byte 0x06) in one lane of the pair.
    for lane, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        high = sum(1 for b in lane[:4096] if b in (0x00, 0x06))
        if high >= 0.9 * len(lane[:4096]) and other[:4096].count(0) < 0.5 * len(other[:4096]):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return Decoded(text, enc)
    return None


def _single_byte_arabic(data: bytes) -> Decoded | None:
    best: tuple[float, Decoded] | None = None
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_reading_score(text)
        name = "windows-1256" if enc == "cp1256" else "iso-8859-6"
        if best is None or score > best[0]:
            best = (score, Decoded(text, name))
    if best is not None and best[0] >= _MIN_ARABIC_SCORE:
        return best[1]
    return None


def _charset_normalizer(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        return None
    return Decoded(str(match), match.encoding.replace("_", "-"))


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` (an HTML/XML charset) is tried first when given."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(enc), _bom_name(bom, enc)))
            except UnicodeDecodeError as exc:
                raise Undecodable("undecodable", f"byte-order mark says {enc} but: {exc}") from exc
    if declared:
        enc = _known_codec(declared)
        if enc:
            try:
                return _checked(Decoded(data.decode(enc), declared.lower()))
            except UnicodeDecodeError:
                pass  # the declaration lies; fall back to evidence
    if b"\x00" in data[:65536]:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise Undecodable("binary", "contains NUL bytes and is not UTF-16 text")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    found = _single_byte_arabic(data) or _charset_normalizer(data)
    if found is None:
        raise Undecodable(
            "undecodable",
            "not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text; re-save the file as UTF-8",
        )
    return _checked(found)


def _checked(decoded: Decoded) -> Decoded:
    if _looks_binary(decoded.text):
        raise Undecodable("binary", f"decodes as {decoded.encoding} but is mostly control bytes")
    return decoded


def _bom_name(bom: bytes, enc: str) -> str:
    if enc == "utf-8-sig":
        return "utf-8-sig"
    if enc == "utf-16":
        return "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    return "utf-32-le" if bom == codecs.BOM_UTF32_LE else "utf-32-be"


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
