"""Read agreements, guidance and lessons from text, HTML, PDF (text layer) and JSON Lines files.

Each file gives records or rejections; nothing here touches the database.
A text, HTML or PDF file is one record whose title is its first line (or the
HTML/PDF title); its external id is the hash of its text, so importing the
same file again changes nothing. A JSON Lines file holds one record per
line (see docs/library.md for the fields); its ``id`` is the external id.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from wiqaya.language.arabic import arabic_share
from wiqaya.language.detect import detect_language
from wiqaya.remember.records import KINDS, LibraryRecord, Rejected
from wiqaya.remember.vocabulary import provision_codes, stage_code

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | JSONL_SUFFIXES
MAX_TITLE = 300
MAX_PDF_PAGES = 2000


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Arabic text from older Windows tools is Windows-1256.
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError:
        return None
    return text if arabic_share(text) > 0.3 else None


def _title_of(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:MAX_TITLE]
    return ""


def _whole(
    text: str, title: str, path: Path, kind: str, source: str, country: str | None
) -> LibraryRecord | Rejected:
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return Rejected(str(path), "", "no text in the file")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LibraryRecord(
        kind=kind,
        external_id=f"file:{digest}",
        title=(title or _title_of(text) or path.stem)[:MAX_TITLE],
        text=text,
        lang=detect_language(text[:4000]),
        country=country,
        links=[("country", country)] if country else [],
        origin=str(path),
        source_name=source,
    )


def read_library_file(
    path: Path,
    *,
    kind: str = "guidance",
    source: str = "library-files",
    country: str | None = None,
    max_bytes: int = 50 * 1024 * 1024,
) -> Iterator[LibraryRecord | Rejected]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Rejected(
            origin,
            "",
            f"unsupported file type {suffix or '(none)'}; use " + ", ".join(sorted(SUPPORTED)),
        )
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejected(origin, "", f"cannot read: {exc.strerror}")
        return
    if size > max_bytes:
        yield Rejected(origin, "", f"{size} bytes is over the limit of {max_bytes}")
        return
    raw = path.read_bytes()
    if suffix in PDF_SUFFIXES:
        yield _read_pdf(path, raw, kind, source, country)
        return
    text = _decode(raw)
    if text is None or "\x00" in text:
        yield Rejected(origin, "", "not UTF-8 or Windows-1256 text")
        return
    if suffix in TEXT_SUFFIXES:
        yield _whole(text, "", path, kind, source, country)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(text, path, kind, source, country)
    else:
        yield from _read_jsonl(text, path, kind, source)


def _read_html(text: str, path: Path, kind: str, source: str, country: str | None):  # type: ignore[no-untyped-def]
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=True) or ""
    meta = trafilatura.extract_metadata(text)
    title = (meta.title if meta and meta.title else "") or ""
    if not body.strip():
        # Pages too short for boilerplate removal: fall back to all visible text.
        import lxml.html

        try:
            tree = lxml.html.fromstring(text)
        except (ValueError, lxml.etree.ParserError):
            return Rejected(str(path), "", "not parseable HTML")
        for bad in tree.xpath("//script|//style"):
            bad.drop_tree()
        body = tree.text_content()
        title = title or (tree.findtext(".//title") or "")
    return _whole(re.sub(r"\n{3,}", "\n\n", body), title.strip(), path, kind, source, country)


def _read_pdf(path: Path, raw: bytes, kind: str, source: str, country: str | None):  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            return Rejected(str(path), "", "encrypted PDF; save an unencrypted copy")
        pages = []
        for page in reader.pages[:MAX_PDF_PAGES]:
            pages.append(page.extract_text() or "")
        title = ""
        if reader.metadata and reader.metadata.title:
            title = str(reader.metadata.title)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        return Rejected(str(path), "", f"unreadable PDF: {exc}")
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        return Rejected(str(path), "", "PDF has no text layer (scanned?); OCR it first")
    return _whole(text, title, path, kind, source, country)


def _read_jsonl(text: str, path: Path, default_kind: str, source: str):  # type: ignore[no-untyped-def]
    origin = str(path)
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        locator = f"line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(origin, locator, f"not JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Rejected(origin, locator, "a line must be a JSON object")
            continue
        yield _jsonl_record(obj, origin, locator, default_kind, source)


def _str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    value = str(value).strip()
    return value or None


def _jsonl_record(obj: dict, origin: str, locator: str, default_kind: str, source: str):  # type: ignore[no-untyped-def]
    from wiqaya.remember.lexicon import default_lexicon

    kind = (_str(obj, "kind") or default_kind).lower()
    if kind not in KINDS:
        return Rejected(origin, locator, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    title = _str(obj, "title")
    text = _str(obj, "text") or ""
    if not title:
        return Rejected(origin, locator, "no title")
    agt_id = obj.get("agt_id")
    if agt_id is not None and (
        not isinstance(agt_id, int) or isinstance(agt_id, bool) or agt_id <= 0
    ):
        return Rejected(origin, locator, f"agt_id {agt_id!r} is not a positive whole number")
    ext = _str(obj, "id")
    if agt_id is not None:
        external_id = f"pax:{agt_id}"
    elif ext:
        external_id = f"jsonl:{ext}"[:200]
    else:
        external_id = "jsonl:" + hashlib.sha256((title + "\n" + text).encode()).hexdigest()
    when = None
    if _str(obj, "date"):
        try:
            when = date.fromisoformat(_str(obj, "date")[:10])  # type: ignore[index]
        except ValueError:
            return Rejected(origin, locator, f"date {obj.get('date')!r} is not YYYY-MM-DD")
    lex = default_lexicon()
    countries = []
    for key in ("country", "country2"):
        value = _str(obj, key)
        if value:
            iso = lex.country_iso3(value)
            if not iso:
                return Rejected(origin, locator, f"{key} {value!r} is not a known country")
            countries.append(iso)
        else:
            countries.append(None)
    provisions: list[str] = []
    raw_prov = obj.get("provisions") or []
    if isinstance(raw_prov, str):
        raw_prov = [raw_prov]
    for value in raw_prov:
        codes = provision_codes(str(value))
        if not codes:
            return Rejected(origin, locator, f"provision {value!r} is not known")
        provisions.extend(c for c in codes if c not in provisions)
    stage = None
    if _str(obj, "stage"):
        stage = stage_code(_str(obj, "stage"))  # type: ignore[arg-type]
        if not stage:
            return Rejected(origin, locator, f"stage {obj.get('stage')!r} is not known")
    links = [("country", c) for c in countries if c]
    for link in obj.get("links") or []:
        if (
            not isinstance(link, dict)
            or link.get("kind") not in ("country", "situation", "partner")
            or not str(link.get("ref") or "").strip()
        ):
            return Rejected(origin, locator, "links must be objects with kind and ref")
        links.append((link["kind"], str(link["ref"]).strip()[:200]))
    return LibraryRecord(
        kind=kind,
        external_id=external_id,
        agt_id=agt_id,
        title=title[:2000],
        text=text,
        date=when,
        lang=_str(obj, "lang") or detect_language((title + " " + text)[:4000]),
        country=countries[0],
        country2=countries[1],
        region=_str(obj, "region"),
        conflict=_str(obj, "conflict"),
        peace_process=_str(obj, "peace_process"),
        stage=stage,
        signatories=_str(obj, "signatories"),
        third_parties=_str(obj, "third_parties"),
        provisions=provisions,
        outcome=_str(obj, "outcome"),
        licence=_str(obj, "licence"),
        origin=origin,
        locator=locator,
        source_name=_str(obj, "source") or source,
        links=links,
    )
