"""The library's service layer: what the CLI, the API, the page and the demo call.

It joins the pure parts (parsers, analyser, index) to the store. The search
index is built once per process and database, and rebuilt only when the
store's generation fingerprint changes (a write happened), so a warm search
costs one small query plus the ranking.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wiqaya.config import PACKAGE_DATA
from wiqaya.errors import InputError
from wiqaya.remember.documents import read_library_file
from wiqaya.remember.embedding import default_embedder
from wiqaya.remember.index import (
    MODES,
    Filters,
    Hit,
    IndexItem,
    IndexPassage,
    LibraryIndex,
    TextCache,
)
from wiqaya.remember.lexicon import default_lexicon, lexicon_digest
from wiqaya.remember.pax import read_pax
from wiqaya.remember.records import KINDS, LibraryRecord, Rejected, passages_of, text_windows
from wiqaya.remember.vocabulary import PROVISIONS, provision_codes, region_name, stage_code
from wiqaya.runtime import Runtime
from wiqaya.store import remember as store
from wiqaya.store.engine import transaction

log = logging.getLogger(__name__)

GUIDANCE_DIR = PACKAGE_DATA / "bundled" / "un_guidance"
MAX_LIMIT = 200
BATCH = 200


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [
                {"origin": r.origin, "locator": r.locator, "reason": r.reason}
                for r in self.rejected
            ],
        }


def _store_records(runtime: Runtime, records: Iterable[LibraryRecord | Rejected]) -> ImportReport:
    report = ImportReport()
    names = default_lexicon().country_names
    batch: list[LibraryRecord] = []

    def flush() -> None:
        with transaction(runtime.sessions) as session:
            for rec in batch:
                status = store.upsert_item(session, rec, passages_of(rec, names))
                setattr(report, status, getattr(report, status) + 1)
        batch.clear()

    for rec in records:
        if isinstance(rec, Rejected):
            report.rejected.append(rec)
            log.warning("skipped %s %s: %s", rec.origin, rec.locator, rec.reason)
            continue
        batch.append(rec)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return report


def import_pax(runtime: Runtime, path: Path) -> ImportReport:
    """Import a PA-X CSV; re-importing the same file changes nothing."""
    if not path.is_file():
        raise InputError(f"{path} is not a file", code="E-LIB-003")
    return _store_records(
        runtime, read_pax(path, max_bytes=max(runtime.settings.max_file_bytes, 200 * 1024 * 1024))
    )


def import_files(
    runtime: Runtime,
    paths: Sequence[Path],
    *,
    kind: str = "guidance",
    source: str = "library-files",
    country: str | None = None,
) -> ImportReport:
    if kind not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}", code="E-LIB-004")
    iso = None
    if country:
        iso = default_lexicon().country_iso3(country)
        if not iso:
            raise InputError(f"unknown country {country!r}", code="E-LIB-005")
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*") if x.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"{p} does not exist", code="E-LIB-003")

    def records() -> Iterable[LibraryRecord | Rejected]:
        for f in files:
            yield from read_library_file(
                f, kind=kind, source=source, country=iso, max_bytes=runtime.settings.max_file_bytes
            )

    return _store_records(runtime, records())


def record_lesson(
    runtime: Runtime,
    *,
    title: str,
    text: str,
    country: str | None = None,
    situation: str | None = None,
    outcome: str | None = None,
    provisions: Sequence[str] = (),
    partners: Sequence[str] = (),
    source: str = "act",
) -> dict:
    """Add a lesson learned (e.g. from a response's recorded outcome) to the library."""
    title = (title or "").strip()
    if not title or not (text or "").strip():
        raise InputError("a lesson needs a title and a text", code="E-LIB-006")
    iso = None
    if country:
        iso = default_lexicon().country_iso3(country)
        if not iso:
            raise InputError(f"unknown country {country!r}", code="E-LIB-005")
    codes: list[str] = []
    for value in provisions:
        found = provision_codes(value)
        if not found:
            raise InputError(f"unknown provision {value!r}", code="E-LIB-007")
        codes.extend(c for c in found if c not in codes)
    links = [("country", iso)] if iso else []
    if situation:
        links.append(("situation", str(situation)))
    links.extend(("partner", p) for p in partners if p)
    key = hashlib.sha256(f"{situation}\n{title}\n{text}".encode()).hexdigest()
    rec = LibraryRecord(
        kind="lesson",
        external_id=f"lesson:{key}",
        title=title,
        text=text.strip(),
        date=date.today(),
        country=iso,
        provisions=codes,
        outcome=outcome,
        origin=f"situation:{situation}" if situation else "recorded",
        source_name=source,
        links=links,
    )
    from wiqaya.language.detect import detect_language

    rec.lang = detect_language(title + " " + text)
    _store_records(runtime, [rec])
    with runtime.sessions() as session:
        return store.item_by_external_id(session, rec.external_id)


# -- the index, built once per process and database ---------------------------------------

_CACHE: dict[str, tuple[tuple, LibraryIndex, float]] = {}
_LOCK = threading.Lock()
# Per database: a write (e.g. one lesson) re-analyses and re-embeds only its own texts.
_TEXTS: dict[str, TextCache] = {}


def _index_items(snap_items: Sequence[store.SnapshotItem]) -> list[IndexItem]:
    return [
        IndexItem(
            key=s.key,
            public_id=s.public_id,
            kind=s.kind,
            title=s.title,
            date=s.date,
            country=s.country,
            country2=s.country2,
            region=s.region,
            stage=s.stage,
            provisions=s.provisions,
            lang=s.lang,
            source=s.source,
        )
        for s in snap_items
    ]


def _add_docs(docs: Sequence, items: list[IndexItem], passages: list[IndexPassage]) -> None:
    """Library documents as items of their own (after the library's records)."""
    for doc in docs:
        pos = len(items)
        items.append(
            IndexItem(
                key=f"doc:{doc.id}",
                public_id=f"D{doc.id}",
                kind=doc.doc_type,
                title=doc.title or "",
                date=doc.published_at.date() if doc.published_at else None,
                lang=doc.lang,
                source="documents",
            )
        )
        texts = ([doc.title] if doc.title else []) + text_windows(doc.text or "")
        passages.extend(IndexPassage(pos, seq, t) for seq, t in enumerate(texts))


def build_index(runtime: Runtime, cache: TextCache | None = None) -> LibraryIndex:
    with runtime.sessions() as session:
        snap_items, snap_passages, docs = store.index_snapshot(session)
    items = _index_items(snap_items)
    passages = [IndexPassage(i, seq, text) for i, seq, text in snap_passages]
    _add_docs(docs, items, passages)
    return LibraryIndex(items, passages, default_lexicon(), default_embedder(), cache=cache)


def apply_delta(
    index: LibraryIndex, delta: store.IndexDelta, cache: TextCache | None = None
) -> LibraryIndex:
    """``index`` with the appended rows spliced in, in the order a full build would give.

    Library records come before documents, so new records go after the last
    record and new documents at the end.
    """
    records = sum(1 for it in index.items if not it.key.startswith("doc:"))
    if delta.items:
        index = index.insert(
            records,
            _index_items(delta.items),
            [IndexPassage(i, seq, text) for i, seq, text in delta.passages],
            cache,
        )
    if delta.docs:
        items: list[IndexItem] = []
        passages: list[IndexPassage] = []
        _add_docs(delta.docs, items, passages)
        index = index.insert(len(index.items), items, passages, cache)
    return index


def _cache_path(runtime: Runtime) -> Path:
    digest = hashlib.sha256(runtime.url.encode()).hexdigest()[:16]
    return runtime.settings.home / "cache" / "library" / f"index-{digest}.npz"


def _cache_tag(gen: tuple) -> str:
    from wiqaya.remember.index import INDEX_FORMAT

    parts = [repr(gen), lexicon_digest(), default_embedder().version, str(INDEX_FORMAT)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def get_index(runtime: Runtime, *, use_disk: bool = True) -> LibraryIndex:
    """The index of the runtime's database, from memory, the disk cache, or built anew.

    When the store only gained rows since the index in memory (a lesson
    recorded, a document ingested) they are spliced in (:func:`apply_delta`),
    in milliseconds instead of a full build. The disk copy
    (``$WIQAYA_HOME/cache/library/``) only saves a CLI call the build; it is
    written after full builds only, and tagged with the store's generation and the lexicon and model
    versions, and a mismatching or damaged file is simply rebuilt.
    """
    with runtime.sessions() as session:
        gen = store.generation(session)
    key = runtime.url
    with _LOCK:
        cached = _CACHE.get(key)
        if cached and cached[0] == gen:
            return cached[1]
        started = time.perf_counter()
        tag = _cache_tag(gen)
        path = _cache_path(runtime)
        texts = _TEXTS.setdefault(key, TextCache())
        index = None
        how = "built"
        if cached is not None:
            # A recorded lesson must not cost every server worker a full rebuild while
            # searches wait on this lock: appended rows are spliced into the index.
            with runtime.sessions() as session:
                delta = store.index_delta(session, cached[0], gen)
            if delta is not None:
                index, how = apply_delta(cached[1], delta, texts), "extended"
        if index is None and use_disk and path.is_file():
            index = LibraryIndex.load(path, default_lexicon(), default_embedder(), tag)
            how = "loaded" if index is not None else how
        if index is None:
            index = build_index(runtime, texts)
            if use_disk:
                try:
                    index.save(path, tag)
                except OSError as exc:
                    log.warning("could not write the library index cache %s: %s", path, exc)
        elapsed = time.perf_counter() - started
        _CACHE[key] = (gen, index, elapsed)
        log.info("library index %s in %.2fs", how, elapsed)
        return index


def warm_index(runtime: Runtime) -> None:
    """Have the index ready before a server worker takes requests.

    Called once per worker process, before it accepts connections: the first
    search would otherwise build it (seconds of CPU) while every other search in
    that worker waits on the lock. With several workers the first one to finish
    writes the disk copy and the others load it. A failure only logs: the first
    search then builds the index as before.
    """
    started = time.perf_counter()
    try:
        index = get_index(runtime)
    except Exception as exc:  # noqa: BLE001 - a warm-up must never stop the server
        log.warning("library index not warmed (the first search will build it): %s", exc)
        return
    log.info(
        "library index warm: %d items in %.2fs", len(index.items), time.perf_counter() - started
    )


def parse_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1) if name == "date_from" else date(int(value), 12, 31)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name} {value!r} is not YYYY-MM-DD or YYYY", code="E-LIB-008") from exc


def make_filters(
    *,
    country: Sequence[str] = (),
    region: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    provision: Sequence[str] = (),
    stage: Sequence[str] = (),
    kind: Sequence[str] = (),
) -> Filters:
    """Filters from user words (codes, or names in Arabic or English); unknown values are errors."""
    lex = default_lexicon()
    countries = set()
    for c in (x for x in country if x and x.strip()):
        iso = lex.country_iso3(c)
        if not iso:
            raise InputError(f"unknown country {c!r}: use ISO3 (YEM) or a name", code="E-LIB-005")
        countries.add(iso)
    reg = None
    if region and region.strip():
        reg = region_name(region)
        if not reg:
            raise InputError(f"unknown region {region!r}", code="E-LIB-009")
    provs = []
    for p in (x for x in provision if x and x.strip()):
        codes = provision_codes(p)
        if not codes:
            raise InputError(
                f"unknown provision {p!r}: use a code such as Ce or a name such as ceasefire",
                code="E-LIB-007",
            )
        provs.append(codes)
    stages = set()
    for s in (x for x in stage if x and x.strip()):
        code = stage_code(s)
        if not code:
            raise InputError(f"unknown stage {s!r}", code="E-LIB-009")
        stages.add(code)
    kinds = set()
    for k in (x for x in kind if x and x.strip()):
        if k not in KINDS:
            raise InputError(f"kind must be one of {', '.join(KINDS)}", code="E-LIB-004")
        kinds.add(k)
    f = Filters(
        countries=frozenset(countries),
        region=reg,
        date_from=parse_date(date_from, "date_from"),
        date_to=parse_date(date_to, "date_to"),
        provisions=tuple(provs),
        stages=frozenset(stages),
        kinds=frozenset(kinds),
    )
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise InputError("date_from is after date_to", code="E-LIB-008")
    return f


def search(
    runtime: Runtime,
    query: str,
    filters: Filters | None = None,
    *,
    limit: int = 10,
    offset: int = 0,
    mode: str = "hybrid",
):  # type: ignore[no-untyped-def]
    if mode not in MODES:
        raise InputError(f"mode must be one of {', '.join(MODES)}", code="E-LIB-004")
    if limit < 1 or limit > MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}", code="E-LIB-008")
    if offset < 0:
        raise InputError("offset must not be negative", code="E-LIB-008")
    if len(query) > 2000:
        raise InputError("query is longer than 2000 characters", code="E-LIB-008")
    return get_index(runtime).search(query, filters, limit=limit, offset=offset, mode=mode)


def hit_to_dict(hit: Hit) -> dict:
    it = hit.item
    return {
        "id": it.public_id,
        "kind": it.kind,
        "title": it.title,
        "date": it.date.isoformat() if it.date else None,
        "country": it.country,
        "country2": it.country2,
        "region": it.region,
        "stage": it.stage,
        "provisions": sorted(it.provisions),
        "score": round(hit.score, 6),
        "lexical": round(hit.lexical, 4),
        "semantic": round(hit.semantic, 4),
        "passage": hit.passage,
        "passage_seq": hit.passage_seq,
        "highlights": [list(m) for m in hit.marks],
        "passage_html": hit.highlighted_html,
    }


def relevant_to(
    runtime: Runtime,
    country: str,
    provisions: Sequence[str] = (),
    *,
    situation: str | None = None,
    limit: int = 10,
) -> list[dict]:
    """Agreements and lessons for a situation page: same country, same provisions in play.

    ``country`` is ISO3 or a name; ``provisions`` are PA-X codes or names.
    """
    iso = default_lexicon().country_iso3(country)
    if not iso:
        raise InputError(f"unknown country {country!r}", code="E-LIB-005")
    codes: list[str] = []
    for p in provisions:
        found = provision_codes(p)
        if not found:
            raise InputError(f"unknown provision {p!r}", code="E-LIB-007")
        codes.extend(found)
    with runtime.sessions() as session:
        return store.relevant_to(session, iso, codes, situation=situation, limit=limit)


def load_demo_library(runtime: Runtime, pax_path: Path | None = None) -> dict[str, ImportReport]:
    """Import the shipped UN guidance texts and, when it sits beside the repository, PA-X."""
    reports = {}
    guidance = sorted(GUIDANCE_DIR.glob("*.txt"))
    if guidance:
        reports["un-guidance"] = import_files(
            runtime, guidance, kind="guidance", source="un-guidance"
        )
    if pax_path is None:
        # src/wiqaya/config.py -> repository root is three levels above the package.
        repo = Path(__file__).resolve().parents[3]
        pax_path = repo.parent / "shared" / "data" / "pax" / "pax_data_cleaned.csv"
    if pax_path.is_file():
        reports["pax"] = import_pax(runtime, pax_path)
    else:
        log.info("PA-X not found at %s; the demo library has the UN guidance only", pax_path)
    return reports


__all__ = [
    "PROVISIONS",
    "ImportReport",
    "apply_delta",
    "build_index",
    "get_index",
    "hit_to_dict",
    "import_files",
    "import_pax",
    "load_demo_library",
    "make_filters",
    "record_lesson",
    "relevant_to",
    "search",
    "warm_index",
]
