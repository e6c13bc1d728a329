"""Format readers: one input (bytes plus where it came from) in, items out.

:func:`read_input` picks the reader by file name, falling back to content for
unknown suffixes. Readers never raise for bad input: they yield a
:class:`~wiqaya.sift.items.Problem` and go on with what is still good.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from wiqaya.sift.decode import Decoded, Undecodable, decode_bytes
from wiqaya.sift.items import Item, Problem, Reason, sample_of


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int
    max_archive_bytes: int
    max_archive_members: int
    max_compression_ratio: int
    max_archive_depth: int = 2


@dataclass(frozen=True)
class InputFile:
    """Bytes to read and the origin they are recorded under (path, or ``a.zip!/x``)."""

    origin: str
    name: str
    data: bytes


TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
CSV_SUFFIXES = {".csv", ".tsv"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ZIP_SUFFIXES = {".zip"}


def suffix_of(name: str) -> str:
    dot = name.rfind(".")
    slash = max(name.rfind("/"), name.rfind("\\"))
    return name[dot:].lower() if dot > slash + 1 else ""


def decode_or_problem(item: InputFile, *, declared: str | None = None) -> Decoded | Problem:
    try:
        return decode_bytes(item.data, declared=declared)
    except Undecodable as exc:
        reason = Reason.BINARY if exc.reason == "binary" else Reason.UNDECODABLE
        return Problem(reason, item.origin, exc.detail, sample=sample_of(item.data))


def read_input(item: InputFile, limits: Limits, depth: int = 0) -> Iterator[Item]:
    from wiqaya.sift.formats import archive, feed, html, tabular, text

    if not item.data.strip():
        yield Problem(Reason.EMPTY, item.origin, "the file is empty")
        return
    suffix = suffix_of(item.name)
    if suffix in ZIP_SUFFIXES:
        yield from archive.read_zip(item, limits, depth)
    elif suffix in CSV_SUFFIXES:
        yield from tabular.read_csv(item, tab=suffix == ".tsv")
    elif suffix in JSONL_SUFFIXES:
        yield from tabular.read_jsonl(item)
    elif suffix in HTML_SUFFIXES:
        yield from html.read_html(item)
    elif suffix in FEED_SUFFIXES:
        yield from feed.read_feed(item)
    elif suffix in TEXT_SUFFIXES:
        yield from text.read_text(item, markdown=suffix in {".md", ".markdown"})
    else:
        yield from _sniffed(item)


def _sniffed(item: InputFile) -> Iterator[Item]:
    from wiqaya.sift.formats import feed, html, text

    head = item.data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        yield from feed.read_feed(item)
    elif head.startswith((b"<!doctype html", b"<html")):
        yield from html.read_html(item)
    else:
        yield from text.read_text(item, markdown=False)
