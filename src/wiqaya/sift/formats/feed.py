"""RSS and Atom feed files (feedparser): one document per entry.

The entry's text is its content (or summary) with the markup removed; the entry
id, link, title and date are kept. A feed that does not parse, or has no entries,
is quarantined; an entry with an unreadable date is quarantined alone.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime

from wiqaya.sift.dates import InvalidDate, parse_date
from wiqaya.sift.formats import InputFile
from wiqaya.sift.items import Item, Problem, RawDocument, Reason, sample_of


def _plain(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        return lxml.html.fromstring(fragment).text_content().strip()
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()


def _entry_text(entry: dict) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return _plain(value)
    return _plain(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: dict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).replace(tzinfo=None)
    raw = entry.get("published") or entry.get("updated")
    return parse_date(raw) if raw else None


def read_feed(item: InputFile) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(item.data)
    entries = parsed.get("entries") or []
    if not entries:
        why = str(parsed.get("bozo_exception") or "no entries")
        yield Problem(
            Reason.BROKEN_FEED,
            item.origin,
            f"not a readable RSS/Atom feed: {why}",
            sample=sample_of(item.data),
        )
        return
    encoding = parsed.get("encoding") or None
    for index, entry in enumerate(entries, start=1):
        locator = f"entry:{index}"
        text = _entry_text(entry)
        if not text:
            yield Problem(Reason.EMPTY, item.origin, "entry has no text", locator)
            continue
        try:
            published = _entry_date(entry)
        except InvalidDate as exc:
            yield Problem(Reason.INVALID_DATE, item.origin, str(exc), locator, sample_of(text))
            continue
        title = (entry.get("title") or "").strip() or None
        yield RawDocument(
            text=text,
            origin=item.origin,
            locator=locator,
            encoding=encoding,
            title=title,
            url=entry.get("link") or None,
            lang=(entry.get("language") or parsed.feed.get("language") or "").split("-")[0] or None,
            external_id=entry.get("id") or None,
            published_at=published,
        )
