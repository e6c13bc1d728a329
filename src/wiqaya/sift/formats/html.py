"""HTML pages: the main text (trafilatura), without menus and footers, plus title, date, URL.

The stored text is what trafilatura extracts from the decoded page: the page's own
boilerplate is not the document. A page with no main text is quarantined.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from wiqaya.sift.dates import InvalidDate, parse_date
from wiqaya.sift.formats import InputFile, decode_or_problem
from wiqaya.sift.items import Item, Problem, RawDocument, Reason, sample_of

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z-]+)""", re.IGNORECASE)

# trafilatura logs every page it finds too short at WARNING; we report those ourselves.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(item: InputFile) -> Iterator[Item]:
    import trafilatura

    decoded = decode_or_problem(item, declared=declared_charset(item.data))
    if isinstance(decoded, Problem):
        yield decoded
        return
    doc = trafilatura.bare_extraction(
        decoded.text, with_metadata=True, favor_recall=True, include_comments=False
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        yield Problem(
            Reason.NO_MAIN_TEXT,
            item.origin,
            "no main text found in the page",
            sample=sample_of(item.data),
        )
        return
    try:
        published = parse_date(doc.date)
    except InvalidDate:
        # trafilatura's date is a guess from the page; a bad guess is not the page's fault.
        published = None
    lang = _HTML_LANG.search(decoded.text[:4096])
    yield RawDocument(
        text=text,
        origin=item.origin,
        encoding=decoded.encoding,
        title=(doc.title or None),
        url=(doc.url or None),
        lang=lang.group(1).split("-")[0].lower() if lang else None,
        published_at=published,
    )
