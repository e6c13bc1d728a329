"""The ingest pipeline: paths in, documents/sightings/dataset rows/quarantine stored.

Files are read one at a time (bounded by the size limit), their items streamed
through the readers and stored in batches: each batch is one transaction, so an
interrupted run (Ctrl-C, kill, power loss) leaves only whole batches behind. A
file is marked done in the transaction of its last batch; a re-run skips done
files by content hash and, inside a file that was cut short, skips records whose
sighting (source, origin, locator) is already stored. Re-running adds nothing.

Nothing here prints: progress goes to an optional callback and figures come back
in an :class:`IngestSummary`; the CLI decides what to show.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import logging
import os
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from wiqaya.errors import InputError
from wiqaya.language.arabic import normalise
from wiqaya.language.detect import detect_language
from wiqaya.runtime import Runtime
from wiqaya.sift import dedupe
from wiqaya.sift.formats import InputFile, Limits, read_input
from wiqaya.sift.items import (
    BattleDeathsRow,
    EventRow,
    Item,
    Problem,
    RawDocument,
    Reason,
    sample_of,
)
from wiqaya.store import sift as store
from wiqaya.store.engine import transaction
from wiqaya.store.models.base import utcnow
from wiqaya.store.retry import with_retries
from wiqaya.store.security import resolve_source_name

log = logging.getLogger(__name__)

DOC_TYPES = ("news", "report", "lesson", "guidance", "agreement")
# How many problems the summary keeps for display; all are stored.
SUMMARY_PROBLEMS = 50
_NO_SIGNATURE = np.zeros(dedupe.NUM_PERM, dtype=np.uint32)
# Bytes of shingle arrays of stored near-duplicate candidates kept between batches
# (4 bytes a shingle: about 2.5 KB for a 600-character text). The same stored
# documents come back as candidates batch after batch (7,390 distinct ones for
# 14,233 reads over the 100,000-document benchmark), and re-reading, normalising
# and shingling them was the part of ingest that grew fastest with the corpus.
# Bounded by bytes, not entries, so long articles cannot make it large.
CANDIDATE_CACHE_BYTES = 32 * 1024 * 1024
_LICENCE_FILES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "ATTRIBUTION.md", "LICENCE")


@dataclass(frozen=True)
class IngestOptions:
    doc_type: str = "news"
    max_file_bytes: int | None = None  # None: the configured limit
    batch_size: int | None = None  # None: the configured WIQAYA_INGEST_BATCH
    near_threshold: float = dedupe.DEFAULT_THRESHOLD
    near_duplicates: bool = True


@dataclass
class IngestSummary:
    source: str
    files: int = 0
    files_skipped: int = 0
    records: int = 0
    new_documents: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    already_seen: int = 0
    dataset_rows_new: int = 0
    dataset_rows_existing: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    @property
    def quarantined_total(self) -> int:
        return sum(self.quarantined.values())

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates


ProgressCallback = Callable[[str, int, int], None]  # (origin, bytes done, records so far)


@dataclass(frozen=True)
class _File:
    path: Path
    origin: str
    size: int


def _walk(paths: Sequence[Path]) -> Iterator[_File]:
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                # Hidden folders (.git, .cache) are tooling, not material.
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    full = Path(root) / name
                    if full.is_file():
                        yield _File(full, str(full.resolve()), full.stat().st_size)
        else:
            yield _File(path, str(path.resolve()), path.stat().st_size)


def _licence_near(paths: Sequence[Path]) -> str | None:
    """The first line of a LICENSE/ATTRIBUTION file beside the input, if any."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        for name in _LICENCE_FILES:
            candidate = folder / name
            if candidate.is_file():
                try:
                    text = candidate.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                for line in text.splitlines():
                    line = line.strip().lstrip("#").strip()
                    if line:
                        return f"{line} ({candidate.name})"
    return None


def ingest_paths(
    runtime: Runtime,
    paths: Iterable[Path | str],
    *,
    source: str | None = None,
    options: IngestOptions | None = None,
    show_progress: bool = False,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively) into ``source``; see the module docstring."""
    options = options or IngestOptions()
    if options.doc_type not in DOC_TYPES:
        raise InputError(
            f"unknown document type {options.doc_type!r}; use one of {', '.join(DOC_TYPES)}",
            code="E-ING-002",
        )
    path_list = [Path(p).expanduser() for p in paths]
    if not path_list:
        raise InputError("no paths to ingest", code="E-ING-001")
    missing = [str(p) for p in path_list if not p.exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}", code="E-ING-001")
    name = (source or path_list[0].resolve().name or "files").strip()
    if not name or len(name) > 200:
        raise InputError("a source name must be 1 to 200 characters", code="E-ING-003")
    settings = runtime.settings
    limits = Limits(
        max_file_bytes=options.max_file_bytes or settings.max_file_bytes,
        max_archive_bytes=settings.max_archive_bytes,
        max_archive_members=settings.max_archive_members,
        max_compression_ratio=settings.max_compression_ratio,
    )
    files = list(_walk(path_list))
    with transaction(runtime.sessions) as session:
        # A confidential source's identity is never stored or shown: file under its pseudonym.
        name = resolve_source_name(session, runtime.keys, name)
        source_id = store.ensure_source(session, name)
        store.set_source_details(session, source_id, licence=_licence_near(path_list))
    job = _Ingest(
        runtime, source_id, name, options, limits, options.batch_size or settings.ingest_batch
    )
    # Every batch allocates enough objects to set off several full garbage
    # collections, and each one walked the whole process (modules, SQLAlchemy's
    # metadata: over 100,000 objects) though none of it is garbage: about 9 % of
    # ingest's CPU time. Freezing what exists now leaves those collections only
    # the objects made during the ingest; everything is handed back at the end.
    gc.freeze()
    try:
        if show_progress:
            from wiqaya.sift.progress import rich_progress

            with rich_progress(sum(f.size for f in files), len(files)) as callback:
                job.run(files, callback)
        else:
            job.run(files, progress)
    finally:
        gc.unfreeze()
    return job.summary


class _Ingest:
    def __init__(
        self,
        runtime: Runtime,
        source_id: int,
        name: str,
        options: IngestOptions,
        limits: Limits,
        batch_size: int,
    ) -> None:
        self.runtime = runtime
        self.batch_size = batch_size
        self.source_id = source_id
        self.options = options
        self.limits = limits
        self.summary = IngestSummary(source=name)
        self.bytes_done = 0
        # Keyed by content hash, which fixes the normalised text and so the
        # shingle set: an entry can never go stale, whatever happens to ids.
        self._candidate_shingles: OrderedDict[str, np.ndarray] = OrderedDict()
        self._candidate_bytes = 0

    def run(self, files: Sequence[_File], progress: ProgressCallback | None) -> None:
        for f in files:
            self.summary.files += 1
            self._file(f, progress)
            self.bytes_done += f.size
            if progress:
                progress(f.origin, self.bytes_done, self.summary.records)

    def _file(self, f: _File, progress: ProgressCallback | None) -> None:
        if f.size > self.limits.max_file_bytes:
            self._store_problems_only(
                [
                    Problem(
                        Reason.TOO_LARGE,
                        f.origin,
                        f"{f.size} bytes, over the limit of {self.limits.max_file_bytes} "
                        "(raise it with --max-file-bytes)",
                        size_bytes=f.size,
                    )
                ]
            )
            return
        try:
            data = f.path.read_bytes()
        except OSError as exc:
            self._store_problems_only([Problem(Reason.UNREADABLE, f.origin, str(exc))])
            return
        sha = hashlib.sha256(data).hexdigest()
        with transaction(self.runtime.sessions) as session:
            if store.file_done(session, self.source_id, sha):
                self.summary.files_skipped += 1
                return
        batch = _Batch()
        records = 0
        problems = 0
        for item in read_input(InputFile(f.origin, f.path.name, data), self.limits):
            if isinstance(item, Problem):
                problems += 1
                if item.locator == "" and item.origin == f.origin:
                    item.size_bytes, item.sha256 = len(data), sha
            else:
                records += 1
                self.summary.records += 1
            batch.add(item)
            if batch.size >= self.batch_size:
                self._flush(batch)
                batch = _Batch()
                if progress:
                    progress(f.origin, self.bytes_done, self.summary.records)
        # A file with problems is not marked done: a re-run reads it again, adds
        # nothing already stored, and reports its problems again.
        done = (f.origin, sha, len(data), records) if problems == 0 else None
        self._flush(batch, done=done)

    def _store_problems_only(self, problems: list[Problem]) -> None:
        batch = _Batch()
        for p in problems:
            batch.add(p)
        self._flush(batch)

    def _flush(self, batch: _Batch, done: tuple[str, str, int, int] | None = None) -> None:
        # A concurrent ingest of the same input may win a unique key first: the
        # batch is then rolled back whole and redone (it sees the winner's rows),
        # with the summary restored so nothing is counted twice.
        def attempt() -> None:
            summary = copy.deepcopy(self.summary)
            problems = list(batch.problems)
            try:
                with transaction(self.runtime.sessions) as session:
                    store.tune_for_ingest(session)
                    self._documents(session, batch.documents, problems)
                    self._datasets(session, batch)
                    self._problems(session, problems)
                    if done is not None:
                        store.mark_file_done(session, self.source_id, *done)
            except BaseException:
                self.summary = summary
                raise

        with_retries(attempt)

    # -- documents -----------------------------------------------------------------

    def _documents(self, session, docs: list[RawDocument], problems: list[Problem]) -> None:  # type: ignore[no-untyped-def]
        if not docs:
            return
        summary = self.summary
        fresh: list[RawDocument] = []
        by_origin: dict[str, list[RawDocument]] = {}
        for doc in docs:
            by_origin.setdefault(doc.origin, []).append(doc)
        for origin, group in by_origin.items():
            seen = store.seen_locators(session, self.source_id, origin, [d.locator for d in group])
            for doc in group:
                if doc.locator in seen:
                    summary.already_seen += 1
                else:
                    bad = _unstorable(doc)
                    if bad:
                        problems.append(bad)
                    else:
                        fresh.append(doc)
        if not fresh:
            return
        normalised = [normalise(d.text) for d in fresh]
        hashes = [dedupe.content_hash(n) for n in normalised]
        stored = store.documents_by_hash(session, hashes)
        # Which fresh records need a near-duplicate search: not an exact repeat.
        need_near = [
            i for i, h in enumerate(hashes) if h not in stored and self.options.near_duplicates
        ]
        keys_of: dict[int, list[int]] = {}
        sig_of: dict[int, np.ndarray] = {}
        candidates: dict[int, list[int]] = {}
        if need_near:
            sigs = dedupe.signatures([dedupe.shingle_hashes(normalised[i]) for i in need_near])
            keys = dedupe.band_keys(sigs)
            for row, i in enumerate(need_near):
                keys_of[i] = keys[row].tolist()
                sig_of[i] = sigs[row]
            candidates = store.band_candidates(session, {k for ks in keys_of.values() for k in ks})
        stored_sigs: dict[int, np.ndarray | None] = {}
        stored_hash: dict[int, str] = {}
        wanted = {d for ds in candidates.values() for d in ds}
        if wanted:
            for doc_id, (digest, blob) in store.document_signatures(session, wanted).items():
                stored_hash[doc_id] = digest
                stored_sigs[doc_id] = None if blob is None else np.frombuffer(blob, dtype="<u4")
        # A shared band is only a hint: candidates whose signatures agree too little
        # to reach the threshold are dropped before any text is read.
        floor = self.options.near_threshold - dedupe.ESTIMATE_MARGIN
        passing: dict[int, set[int]] = {}
        for i, keys_i in keys_of.items():
            ids_i = {d for k in keys_i for d in candidates.get(k, ())}
            passing[i] = {
                d
                for d in ids_i
                if stored_sigs.get(d) is None or dedupe.estimate(sig_of[i], stored_sigs[d]) >= floor
            }
        shingles_cache = self._stored_shingles(
            session, {d for ds in passing.values() for d in ds}, stored_hash
        )

        # Resolve in file order; "pending" documents are new in this batch (index
        # into new_rows), stored documents are positive ids.
        new_rows: list[dict] = []
        new_keys: list[list[int]] = []
        pending_hash: dict[str, int] = {}
        pending_bands: dict[int, list[int]] = {}
        pending_text: list[str] = []
        pending_shingles: dict[int, np.ndarray] = {}
        pending_sig: list[np.ndarray] = []
        sightings: list[tuple[RawDocument, str, int, float | None, bool]] = []
        now = utcnow()
        for i, doc in enumerate(fresh):
            h = hashes[i]
            if h in stored:
                sightings.append((doc, "exact", stored[h], 1.0, False))
                summary.exact_duplicates += 1
                continue
            if h in pending_hash:
                sightings.append((doc, "exact", pending_hash[h], 1.0, True))
                summary.exact_duplicates += 1
                continue
            match: tuple[int, float, bool] | None = None
            keys = keys_of.get(i, [])
            stored_ids = passing.get(i, set())
            pending_ids = {
                p
                for k in keys
                for p in pending_bands.get(k, ())
                if dedupe.estimate(sig_of[i], pending_sig[p]) >= floor
            }
            if stored_ids or pending_ids:
                # Shingle sets are built only for documents that pass: most never need one.
                mine = dedupe.shingle_array(normalised[i])
                for doc_id in sorted(stored_ids):
                    match = self._better(match, doc_id, mine, shingles_cache[doc_id], False)
                for idx in sorted(pending_ids):
                    if idx not in pending_shingles:
                        pending_shingles[idx] = dedupe.shingle_array(pending_text[idx])
                    match = self._better(match, idx, mine, pending_shingles[idx], True)
            if match is not None:
                target, similarity, is_pending = match
                sightings.append((doc, "near", target, round(similarity, 4), is_pending))
                summary.near_duplicates += 1
                continue
            index = len(new_rows)
            row = self._document_row(doc, h, now)
            signature = sig_of.get(i)
            row["minhash"] = None if signature is None else signature.astype("<u4").tobytes()
            new_rows.append(row)
            new_keys.append(keys)
            pending_hash[h] = index
            pending_text.append(normalised[i])
            pending_sig.append(signature if signature is not None else _NO_SIGNATURE)
            for k in keys:
                pending_bands.setdefault(k, []).append(index)
            sightings.append((doc, "first", index, None, True))
            summary.new_documents += 1

        ids = store.insert_documents(session, new_rows)
        store.insert_bands(
            session, [(k, ids[idx]) for idx, ks in enumerate(new_keys) for k in set(ks)]
        )
        store.insert_sightings(
            session,
            [
                {
                    "document_id": ids[target] if pending else target,
                    "source_id": self.source_id,
                    "origin": doc.origin,
                    "locator": doc.locator[:200],
                    "kind": kind,
                    "similarity": similarity,
                    "title": doc.title,
                    "url": doc.url,
                    "published_at": doc.published_at,
                    "seen_at": now,
                }
                for doc, kind, target, similarity, pending in sightings
            ],
        )

    def _stored_shingles(  # type: ignore[no-untyped-def]
        self, session, ids: set[int], hashes: dict[int, str]
    ) -> dict[int, np.ndarray]:
        """Shingle arrays of stored documents ``ids``, from the cache or their text.

        Everything the batch needs is gathered here, before any check, so an
        eviction can never take away an array the batch still has to use.
        """
        cache = self._candidate_shingles
        out: dict[int, np.ndarray] = {}
        missing: list[int] = []
        for doc_id in ids:
            digest = hashes.get(doc_id)
            if digest is not None and digest in cache:
                cache.move_to_end(digest)
                out[doc_id] = cache[digest]
            else:
                missing.append(doc_id)
        texts = store.document_texts(session, missing) if missing else {}
        for doc_id in missing:
            # A candidate gone since its band was read compares as empty text, as before.
            out[doc_id] = dedupe.shingle_array(normalise(texts.get(doc_id, "")))
            digest = hashes.get(doc_id)
            if digest is not None and doc_id in texts:
                cache[digest] = out[doc_id]
                self._candidate_bytes += out[doc_id].nbytes
                while self._candidate_bytes > CANDIDATE_CACHE_BYTES and cache:
                    self._candidate_bytes -= cache.popitem(last=False)[1].nbytes
        return out

    def _better(
        self,
        best: tuple[int, float, bool] | None,
        target: int,
        mine: np.ndarray,
        theirs: np.ndarray,
        pending: bool,
    ) -> tuple[int, float, bool] | None:
        similarity = dedupe.jaccard_sorted(mine, theirs)
        if similarity >= self.options.near_threshold and (best is None or similarity > best[1]):
            return target, similarity, pending
        return best

    def _document_row(self, doc: RawDocument, content_hash: str, now) -> dict:  # type: ignore[no-untyped-def]
        lang = (doc.lang or "").strip().lower()[:16] or detect_language(doc.text)
        return {
            "source_id": self.source_id,
            "external_id": (doc.external_id or None) and doc.external_id[:400],
            "doc_type": self.options.doc_type,
            "title": doc.title,
            "url": doc.url,
            "lang": lang,
            "text": doc.text,
            "encoding": (doc.encoding or None) and doc.encoding[:40],
            "content_hash": content_hash,
            "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
            "published_at": doc.published_at,
            "fetched_at": now,
            "ingested_at": now,
        }

    # -- datasets and problems ------------------------------------------------------

    def _datasets(self, session, batch: _Batch) -> None:  # type: ignore[no-untyped-def]
        if batch.battle:
            rows = [{"source_id": self.source_id, **r.values} for r in batch.battle]
            new = store.insert_battle_deaths(session, rows)
            self._count_rows(new, len(rows))
        if batch.events:
            rows = [
                {"source_id": self.source_id, "origin": r.origin, "locator": r.locator, **r.values}
                for r in batch.events
            ]
            new = store.insert_dataset_events(session, rows)
            self._count_rows(new, len(rows))
        if batch.battle or batch.events:
            store.set_source_details(session, self.source_id, kind="dataset")

    def _count_rows(self, new: int, total: int) -> None:
        self.summary.dataset_rows_new += new
        self.summary.dataset_rows_existing += total - new

    def _problems(self, session, problems: list[Problem]) -> None:  # type: ignore[no-untyped-def]
        if not problems:
            return
        for p in problems:
            self.summary.quarantined[p.reason.value] += 1
            if len(self.summary.problems) < SUMMARY_PROBLEMS:
                self.summary.problems.append(p)
            log.info("quarantined %s %s: %s (%s)", p.origin, p.locator, p.reason.value, p.detail)
        store.insert_quarantine(
            session,
            [
                {
                    "source_id": self.source_id,
                    "origin": p.origin,
                    "locator": p.locator[:200],
                    "reason": p.reason.value,
                    "detail": p.detail,
                    "size_bytes": p.size_bytes,
                    "sha256": p.sha256,
                    "sample": p.sample,
                }
                for p in problems
            ],
        )


class _Batch:
    def __init__(self) -> None:
        self.documents: list[RawDocument] = []
        self.problems: list[Problem] = []
        self.battle: list[BattleDeathsRow] = []
        self.events: list[EventRow] = []
        self.size = 0

    def add(self, item: Item) -> None:
        self.size += 1
        if isinstance(item, RawDocument):
            self.documents.append(item)
        elif isinstance(item, Problem):
            self.problems.append(item)
        elif isinstance(item, BattleDeathsRow):
            self.battle.append(item)
        else:
            self.events.append(item)


def _unstorable(doc: RawDocument) -> Problem | None:
    """Text no database will take faithfully (NUL, lone surrogates) is set aside."""
    for name in ("text", "title", "url", "external_id"):
        value = getattr(doc, name)
        if not value:
            continue
        if "\x00" in value:
            return Problem(
                Reason.BINARY,
                doc.origin,
                f"`{name}` contains a NUL character",
                doc.locator,
                sample_of(value),
            )
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return Problem(
                Reason.UNDECODABLE,
                doc.origin,
                f"`{name}` contains an unpaired surrogate",
                doc.locator,
            )
    return None
