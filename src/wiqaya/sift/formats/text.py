"""Plain text and Markdown: the whole file is one document; a leading ``# heading`` is its title."""

from __future__ import annotations

from collections.abc import Iterator

from wiqaya.sift.formats import InputFile, decode_or_problem
from wiqaya.sift.items import Item, Problem, RawDocument, Reason


def read_text(item: InputFile, *, markdown: bool) -> Iterator[Item]:
    decoded = decode_or_problem(item)
    if isinstance(decoded, Problem):
        yield decoded
        return
    if not decoded.text.strip():
        yield Problem(Reason.EMPTY, item.origin, "the file has only whitespace")
        return
    title = None
    if markdown:
        for line in decoded.text.splitlines():
            if line.strip():
                if line.lstrip().startswith("#"):
                    title = line.strip().lstrip("#").strip() or None
                break
    yield RawDocument(text=decoded.text, origin=item.origin, encoding=decoded.encoding, title=title)
