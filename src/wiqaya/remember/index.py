"""The library's search index: BM25 over passages, embeddings, fusion, filters, highlights.

Built in memory from the stored passages and kept for the life of the
process (see docs/decisions/061-library-index.md and 063-library-ranking.md).

Ranking, in one paragraph: the query is cut into lexicon groups (a phrase and
its equivalents in Arabic, English, and the French/Spanish of PA-X titles).
A group scores, per passage, the best of its variants, each variant being the
sum of its terms' BM25 weights damped by the square root of its length; so a
concept named in two languages counts once. An item's lexical score is its
best passage plus its title field scored the same way, plus a bonus when the
query names the item's year. Its semantic score is the cosine between the
embedding of the query's English form and the item's title embedding, plus a
fifth of its best passage's cosine. The hybrid score is the lexical score
scaled to the best hit (1.0) plus, for the semantic channel's top 50 items,
their cosine margin over the 50th: embeddings re-order close calls and lift
paraphrase hits the words missed.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import secrets
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from scipy import sparse

from wiqaya.remember.analysis import is_arabic_word, spans, surface_stems, terms
from wiqaya.remember.embedding import Embedder
from wiqaya.remember.lexicon import Group, Lexicon
from wiqaya.remember.transliteration import MIN_SKELETON, closest, skeleton

BM25_K1 = 1.2
BM25_B = 0.75
TITLE_WEIGHT = 1.0
# A year in the query ("the 2006 Darfur agreement") favours items of that year.
YEAR_BONUS = 3.0
_YEAR = re.compile(r"(19|20)\d\d")
SEMANTIC_WEIGHT = 1.0
PASSAGE_SEMANTIC_WEIGHT = 0.2
# Only this many best items of the semantic channel take part in fusion:
# below them cosine differences are noise.
SEMANTIC_DEPTH = 50
SNIPPET_CHARS = 360
# Bump when the saved layout or the analysis changes: older files are then rebuilt.
INDEX_FORMAT = 4
# A transliteration that fits more index words than this is too ambiguous to use.
MAX_TRANSLITERATIONS = 6
PLACE_KINDS = frozenset({"place", "city", "country"})
MODES = ("hybrid", "lexical", "semantic")


@dataclass(frozen=True)
class IndexItem:
    key: str
    public_id: int | str
    kind: str
    title: str
    date: date | None = None
    country: str | None = None
    country2: str | None = None
    region: str | None = None
    stage: str | None = None
    provisions: frozenset[str] = frozenset()
    lang: str | None = None
    source: str = ""


@dataclass(frozen=True)
class IndexPassage:
    item: int
    seq: int
    text: str


@dataclass
class Filters:
    countries: frozenset[str] = frozenset()
    region: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    # Each entry is one requested provision: an item must have one code of every entry.
    provisions: tuple[tuple[str, ...], ...] = ()
    stages: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()

    def active(self) -> bool:
        return bool(
            self.countries
            or self.region
            or self.date_from
            or self.date_to
            or self.provisions
            or self.stages
            or self.kinds
        )


@dataclass
class Hit:
    item: IndexItem
    score: float
    lexical: float
    semantic: float
    passage: str
    passage_seq: int
    marks: list[tuple[int, int]] = field(default_factory=list)

    @property
    def highlighted_html(self) -> str:
        """The passage, HTML-escaped, with matched words in ``<mark>``."""
        out, pos = [], 0
        for start, end in self.marks:
            out.append(html.escape(self.passage[pos:start]))
            out.append(f"<mark>{html.escape(self.passage[start:end])}</mark>")
            pos = end
        out.append(html.escape(self.passage[pos:]))
        return "".join(out)


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    groups: list[Group]


@dataclass(frozen=True)
class TermCounts:
    """Term counts per text, CSR-shaped (row = text, column = vocabulary id).

    The index keeps these beside the BM25 weights so that texts added to the
    library can be spliced in (:meth:`LibraryIndex.insert`) instead of
    re-counting every text: BM25 weights depend on corpus-wide statistics
    (document frequency, mean length) and are re-derived from the counts, which
    is vectorised and cheap.
    """

    indptr: np.ndarray  # int64, rows + 1
    indices: np.ndarray  # int64 vocabulary ids
    counts: np.ndarray  # float32
    lengths: np.ndarray  # float32 tokens per row

    @classmethod
    def of(cls, docs: list[list[str]], vocab: dict[str, int]) -> TermCounts:
        """Count ``docs``, giving terms not in ``vocab`` the next ids (``vocab`` grows)."""
        indptr = [0]
        cols: list[int] = []
        tfs: list[int] = []
        lengths = np.zeros(len(docs), dtype=np.float32)
        for r, toks in enumerate(docs):
            lengths[r] = len(toks)
            counts: dict[int, int] = {}
            for t in toks:
                j = vocab.setdefault(t, len(vocab))
                counts[j] = counts.get(j, 0) + 1
            cols.extend(counts)
            tfs.extend(counts.values())
            indptr.append(len(cols))
        return cls(
            np.asarray(indptr, dtype=np.int64),
            np.asarray(cols, dtype=np.int64),
            np.asarray(tfs, dtype=np.float32),
            lengths,
        )

    def splice(self, at: int, other: TermCounts) -> TermCounts:
        """These rows with ``other``'s inserted before row ``at``."""
        p = int(self.indptr[at])
        return TermCounts(
            np.concatenate(
                (
                    self.indptr[: at + 1],
                    other.indptr[1:] + p,
                    self.indptr[at + 1 :] + len(other.indices),
                )
            ),
            np.concatenate((self.indices[:p], other.indices, self.indices[p:])),
            np.concatenate((self.counts[:p], other.counts, self.counts[p:])),
            np.concatenate((self.lengths[:at], other.lengths, self.lengths[at:])),
        )

    def bm25(self, n_terms: int) -> sparse.csc_matrix:
        """BM25 weights, one column per term (csc: a term's postings are one slice)."""
        rows = len(self.lengths)
        n = max(rows, 1)
        avgdl = float(self.lengths.mean()) if rows else 1.0
        tf = self.counts
        r_idx = np.repeat(np.arange(rows, dtype=np.int64), np.diff(self.indptr))
        c_idx = self.indices
        df = np.bincount(c_idx, minlength=n_terms).astype(np.float32)
        idf = np.log1p((n - df + 0.5) / (df + 0.5))
        norm = BM25_K1 * (1 - BM25_B + BM25_B * self.lengths[r_idx] / max(avgdl, 1e-9))
        weights = idf[c_idx] * tf * (BM25_K1 + 1) / (tf + norm)
        return sparse.csc_matrix(
            (weights.astype(np.float32), (r_idx, c_idx)), shape=(rows, n_terms)
        )


def highlight(text: str, wanted: set[str], width: int = SNIPPET_CHARS) -> tuple[str, list]:
    """A snippet of ``text`` around its matches and the (start, end) marks inside it."""
    found = [(s.start, s.end) for s in spans(text) if wanted.intersection(s.stems)]
    if len(text) <= width:
        return text, found
    if found:
        # Start a little before the densest run of matches.
        best_start, best_count = found[0][0], 0
        for s, _ in found:
            count = sum(1 for a, b in found if s <= a and b <= s + width)
            if count > best_count:
                best_start, best_count = s, count
        start = max(0, best_start - 60)
    else:
        start = 0
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    snippet = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    marks = [
        (a - start + len(prefix), b - start + len(prefix))
        for a, b in found
        if a >= start and b <= end
    ]
    return prefix + snippet + suffix, marks


def _skeleton_pairs(text: str) -> list[tuple[str, str]]:
    """(consonant skeleton, index term) for every word of ``text`` with a long enough skeleton."""
    pairs = []
    for word, stem in surface_stems(text):
        # Arabic is reduced after the article is gone; Latin as written (stems cut letters).
        sk = skeleton(stem if is_arabic_word(word) else word)
        if len(sk) >= MIN_SKELETON:
            pairs.append((sk, stem))
    return pairs


def _skeleton_map(
    texts: list[str], pairs_of: Callable[[str], list[tuple[str, str]]] = _skeleton_pairs
) -> dict[str, list[str]]:
    """Consonant skeleton -> index terms with that skeleton, for both scripts."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for sk, stem in pairs_of(text):
            found.setdefault(sk, set()).add(stem)
    return {sk: sorted(v) for sk, v in found.items()}


class TextCache:
    """What the index derives from one text (terms, vector, skeletons), kept between builds.

    Every derivation is a pure function of the text (and of the embedder), so a
    rebuild that looks texts up here gives the same index as one from scratch; it
    only analyses and embeds the texts it has not seen. After a build, ``retain``
    drops texts the index no longer holds, so memory follows the library's size.
    """

    def __init__(self) -> None:
        self.terms: dict[str, list[str]] = {}
        self.vectors: dict[str, np.ndarray] = {}
        self.pairs: dict[str, list[tuple[str, str]]] = {}
        self.embedder: Embedder | None = None

    def terms_of(self, text: str) -> list[str]:
        found = self.terms.get(text)
        if found is None:
            found = self.terms[text] = terms(text)
        return found

    def pairs_of(self, text: str) -> list[tuple[str, str]]:
        found = self.pairs.get(text)
        if found is None:
            found = self.pairs[text] = _skeleton_pairs(text)
        return found

    def embed(self, embedder: Embedder, texts: list[str]) -> np.ndarray:
        if self.embedder is not embedder:
            self.vectors.clear()
            self.embedder = embedder
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        if missing:
            self.vectors.update(zip(missing, embedder.embed(missing), strict=True))
        out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self.vectors[text]
        return out

    def retain(self, texts: set[str]) -> None:
        for table in (self.terms, self.vectors, self.pairs):
            for gone in [t for t in table if t not in texts]:
                del table[gone]


def _passes(it: IndexItem, f: Filters) -> bool:
    """Whether an item meets the non-date filters (dates are vectorised in ``mask``)."""
    if f.countries and it.country not in f.countries and it.country2 not in f.countries:
        return False
    if f.region and it.region != f.region:
        return False
    if f.stages and it.stage not in f.stages:
        return False
    if f.kinds and it.kind not in f.kinds:
        return False
    return all(it.provisions.intersection(p) for p in f.provisions)


class LibraryIndex:
    def __init__(
        self,
        items: list[IndexItem],
        passages: list[IndexPassage],
        lexicon: Lexicon,
        embedder: Embedder,
        *,
        embeddings: np.ndarray | None = None,
        cache: TextCache | None = None,
    ) -> None:
        # Passages must be grouped by item, in item order, for the per-item reductions.
        passages = sorted(passages, key=lambda p: (p.item, p.seq))
        self.items = items
        self.passages = passages
        self.lexicon = lexicon
        self.embedder = embedder
        # A throw-away cache when none is kept: the same code path either way.
        cache = cache if cache is not None else TextCache()
        texts = [p.text for p in passages]
        titles = [it.title for it in items]
        self.vocab, self.title_vocab = {}, {}
        self.counts = TermCounts.of([cache.terms_of(t) for t in texts], self.vocab)
        # Titles again, as a field of their own: a known item is most often named by its title.
        self.title_counts = TermCounts.of([cache.terms_of(t) for t in titles], self.title_vocab)
        self.embeddings = embeddings if embeddings is not None else cache.embed(embedder, texts)
        self.title_embeddings = cache.embed(embedder, titles)
        self.skeletons = _skeleton_map(texts, cache.pairs_of)
        cache.retain(set(texts) | set(titles))
        self._weigh()
        self._derive()

    def insert(
        self,
        at: int,
        items: list[IndexItem],
        passages: list[IndexPassage],
        cache: TextCache | None = None,
    ) -> LibraryIndex:
        """A new index with ``items`` inserted before position ``at``; this one is unchanged.

        ``passages`` refer to ``items`` by their position in that list. Only the
        new texts are analysed and embedded; the BM25 weights are re-derived
        from the kept counts. Searches give the same results as an index built
        from scratch over the same items in the same order (vocabulary ids may
        differ, which no score depends on; ``tests/remember/test_index_rebuild.py``).
        """
        cache = cache if cache is not None else TextCache()
        k = len(items)
        added = sorted(
            (IndexPassage(at + p.item, p.seq, p.text) for p in passages),
            key=lambda p: (p.item, p.seq),
        )
        cut = int(np.searchsorted(self.passage_item, at))
        texts = [p.text for p in added]
        titles = [it.title for it in items]
        out = LibraryIndex.__new__(LibraryIndex)
        out.lexicon, out.embedder = self.lexicon, self.embedder
        out.items = self.items[:at] + list(items) + self.items[at:]
        out.passages = (
            self.passages[:cut]
            + added
            + [IndexPassage(p.item + k, p.seq, p.text) for p in self.passages[cut:]]
        )
        out.vocab, out.title_vocab = dict(self.vocab), dict(self.title_vocab)
        out.counts = self.counts.splice(
            cut, TermCounts.of([cache.terms_of(t) for t in texts], out.vocab)
        )
        out.title_counts = self.title_counts.splice(
            at, TermCounts.of([cache.terms_of(t) for t in titles], out.title_vocab)
        )
        out.embeddings = np.concatenate(
            (self.embeddings[:cut], cache.embed(self.embedder, texts), self.embeddings[cut:])
        )
        out.title_embeddings = np.concatenate(
            (
                self.title_embeddings[:at],
                cache.embed(self.embedder, titles),
                self.title_embeddings[at:],
            )
        )
        skeletons = dict(self.skeletons)
        for sk, stems in _skeleton_map(texts, cache.pairs_of).items():
            skeletons[sk] = sorted(set(skeletons.get(sk, ())).union(stems))
        out.skeletons = skeletons
        out._weigh()
        out._derive()
        return out

    def _weigh(self) -> None:
        self.bm25 = self.counts.bm25(len(self.vocab))
        self.title_bm25 = self.title_counts.bm25(len(self.title_vocab))

    def _derive(self) -> None:
        items = self.items
        self.passage_item = np.asarray([p.item for p in self.passages], dtype=np.int64)
        # Items without passages are unsearchable.
        self._has_passages = np.zeros(len(items), dtype=bool)
        self._has_passages[self.passage_item] = True
        self._starts = np.searchsorted(self.passage_item, np.arange(len(items)))
        self._years = np.asarray([it.date.year if it.date else -1 for it in items], np.int64)
        self._dates = np.asarray(
            [it.date.toordinal() if it.date else -1 for it in items], dtype=np.int64
        )

    # -- persistence: one .npz file, no pickle ----------------------------------------------
    def save(self, path: Path, tag: str = "") -> None:
        """Write the built index to ``path`` atomically (arrays plus JSON, never pickle).

        ``tag`` names what the index was built from; :meth:`load` refuses another tag.
        """
        meta = {
            "format": INDEX_FORMAT,
            "tag": tag,
            "vocab": self.vocab,
            "title_vocab": self.title_vocab,
            "skeletons": self.skeletons,
            "items": [
                {
                    "key": it.key,
                    "public_id": it.public_id,
                    "kind": it.kind,
                    "title": it.title,
                    "date": it.date.isoformat() if it.date else None,
                    "country": it.country,
                    "country2": it.country2,
                    "region": it.region,
                    "stage": it.stage,
                    "provisions": sorted(it.provisions),
                    "lang": it.lang,
                    "source": it.source,
                }
                for it in self.items
            ],
            "passages": [[p.item, p.seq, p.text] for p in self.passages],
        }
        blob = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), np.uint8)
        arrays = {
            "meta": blob,
            "embeddings": self.embeddings,
            "title_embeddings": self.title_embeddings,
        }
        for name in ("counts", "title_counts"):
            c = getattr(self, name)
            for part in ("indptr", "indices", "counts", "lengths"):
                arrays[f"{name}_{part}"] = getattr(c, part)
        path.parent.mkdir(parents=True, exist_ok=True)
        # A name of its own per writer: several server workers may save at once, and
        # a shared temporary file interleaved their bytes (a corrupt cache, 500s).
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.{secrets.token_hex(4)}.tmp.npz")
        try:
            np.savez(tmp, **arrays)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(
        cls, path: Path, lexicon: Lexicon, embedder: Embedder, tag: str = ""
    ) -> LibraryIndex | None:
        """The index saved at ``path``, or ``None`` when it is missing, stale or damaged."""
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                if meta.get("format") != INDEX_FORMAT or meta.get("tag") != tag:
                    return None
                self = cls.__new__(cls)
                self.lexicon, self.embedder = lexicon, embedder
                self.embeddings = z["embeddings"]
                self.title_embeddings = z["title_embeddings"]
                for name in ("counts", "title_counts"):
                    self.__dict__[name] = TermCounts(
                        *(
                            z[f"{name}_{part}"]
                            for part in ("indptr", "indices", "counts", "lengths")
                        )
                    )
        # A damaged file is rebuilt, whatever the damage (truncated, bad CRC, wrong layout).
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, json.JSONDecodeError):
            return None
        self.vocab = meta["vocab"]
        self.title_vocab = meta["title_vocab"]
        self.skeletons = meta["skeletons"]
        self.items = [
            IndexItem(
                key=d["key"],
                public_id=d["public_id"],
                kind=d["kind"],
                title=d["title"],
                date=date.fromisoformat(d["date"]) if d["date"] else None,
                country=d["country"],
                country2=d["country2"],
                region=d["region"],
                stage=d["stage"],
                provisions=frozenset(d["provisions"]),
                lang=d["lang"],
                source=d["source"],
            )
            for d in meta["items"]
        ]
        self.passages = [IndexPassage(i, seq, text) for i, seq, text in meta["passages"]]
        if (
            self.embeddings.shape[0] != len(self.passages)
            or len(self.counts.lengths) != len(self.passages)
            or len(self.title_counts.lengths) != len(self.items)
        ):
            return None
        self._weigh()
        self._derive()
        return self

    @property
    def size_bytes(self) -> int:
        m = self.bm25
        t = self.title_bm25
        sizes = [m.data, m.indices, m.indptr, t.data, t.indices, t.indptr, self.embeddings]
        sizes.append(self.title_embeddings)
        return int(sum(a.nbytes for a in sizes))

    # -- channels -----------------------------------------------------------------------
    @staticmethod
    def _term_scores(matrix, vocab, term: str) -> np.ndarray | None:  # type: ignore[no-untyped-def]
        j = vocab.get(term)
        if j is None:
            return None
        out = np.zeros(matrix.shape[0], dtype=np.float32)
        lo, hi = matrix.indptr[j], matrix.indptr[j + 1]
        out[matrix.indices[lo:hi]] = matrix.data[lo:hi]
        return out

    def _group_scores(self, matrix, vocab, groups: list[Group]) -> np.ndarray:  # type: ignore[no-untyped-def]
        total = np.zeros(matrix.shape[0], dtype=np.float32)
        for g in groups:
            best = None
            for variant in g.variants:
                acc = None
                for t in variant:
                    s = self._term_scores(matrix, vocab, t)
                    if s is not None:
                        acc = s if acc is None else acc + s
                if acc is not None:
                    # Damped by length: a long equivalent ("moro islamic liberation front")
                    # must not outweigh a short one ("bangsamoro") for one concept, and a
                    # partial match of a phrase counts for part of it.
                    acc = acc / math.sqrt(len(variant))
                    best = acc if best is None else np.maximum(best, acc)
            if best is not None:
                total += best
        return total

    def lexical_passage_scores(self, groups: list[Group]) -> np.ndarray:
        return self._group_scores(self.bm25, self.vocab, groups)

    def lexical_item_scores(self, groups: list[Group], passage_scores: np.ndarray) -> np.ndarray:
        """Best passage plus the title field, weighted, plus a bonus for a year named."""
        titles = self._group_scores(self.title_bm25, self.title_vocab, groups)
        scores = self._per_item_max(passage_scores) + TITLE_WEIGHT * titles
        years = {int(g.source) for g in groups if _YEAR.fullmatch(g.source)}
        if years:
            hit_year = np.isin(self._years, list(years)) & (scores > 0)
            scores[hit_year] += YEAR_BONUS
        return scores

    def _query_vector(self, groups: list[Group]) -> np.ndarray | None:
        english = " ".join(g.english for g in groups if g.english).strip()
        if not english:
            return None
        return self.embedder.embed([english])[0]

    def semantic_passage_scores(self, groups: list[Group]) -> np.ndarray:
        q = self._query_vector(groups)
        if q is None or not len(self.passages):
            return np.zeros(len(self.passages), dtype=np.float32)
        return (self.embeddings @ q).astype(np.float32)

    def semantic_item_scores(self, groups: list[Group], passage_scores: np.ndarray) -> np.ndarray:
        """Title cosine plus a little of the best passage's: titles carry what an item is."""
        q = self._query_vector(groups)
        if q is None:
            return np.zeros(len(self.items), dtype=np.float32)
        titles = (self.title_embeddings @ q).astype(np.float32)
        return titles + PASSAGE_SEMANTIC_WEIGHT * self._per_item_max(passage_scores)

    def _per_item_max(self, scores: np.ndarray) -> np.ndarray:
        out = np.full(len(self.items), -np.inf, dtype=np.float32)
        if len(scores):
            np.maximum.at(out, self.passage_item, scores)
        return out

    # -- filters ------------------------------------------------------------------------
    def mask(self, f: Filters) -> np.ndarray:
        keep = self._has_passages.copy()
        if not f.active():
            return keep
        for i, it in enumerate(self.items):
            if keep[i] and not _passes(it, f):
                keep[i] = False
        if f.date_from:
            keep &= self._dates >= f.date_from.toordinal()
        if f.date_to:
            keep &= (self._dates >= 0) & (self._dates <= f.date_to.toordinal())
        return keep

    # -- search -------------------------------------------------------------------------
    def search(
        self,
        query: str,
        filters: Filters | None = None,
        *,
        limit: int = 10,
        offset: int = 0,
        mode: str = "hybrid",
    ) -> SearchResult:
        filters = filters or Filters()
        keep = self.mask(filters)
        groups = self.transliterate(self.lexicon.expand(query))
        if not groups:
            return self._browse(keep, limit, offset, groups)
        lex_p = self.lexical_passage_scores(groups) if mode != "semantic" else None
        sem_p = self.semantic_passage_scores(groups) if mode != "lexical" else None
        n = len(self.items)
        lex_i = (
            self.lexical_item_scores(groups, lex_p)
            if lex_p is not None
            else np.zeros(n, np.float32)
        )
        sem_i = (
            self.semantic_item_scores(groups, sem_p)
            if sem_p is not None
            else np.zeros(n, np.float32)
        )
        fused = self._fuse(
            keep, lex_i if lex_p is not None else None, sem_i if sem_p is not None else None
        )
        ranked = np.flatnonzero(fused > 0)
        # Ties (equal fused score) fall back to the lexical then semantic score.
        ranked = ranked[np.lexsort((-sem_i[ranked], -lex_i[ranked], -fused[ranked]))]
        wanted = set().union(*(g.all_terms() for g in groups))
        hits = []
        for i in ranked[offset : offset + limit]:
            hits.append(self._hit(int(i), float(fused[i]), lex_i, sem_i, lex_p, sem_p, wanted))
        return SearchResult(total=len(ranked), hits=hits, groups=groups)

    def transliterate(self, groups: list[Group]) -> list[Group]:
        """Give words the lexicon does not know their spellings in the other script.

        «قامشلو» gains "qamishlo" when the index holds that word; only names with a
        skeleton of three consonants or more, and only unambiguous ones, are used.
        """
        out = []
        for g in groups:
            # Place names are transliterated even when known: GeoNames says «Qamishli»
            # where PA-X says "Qamishlo". Vocabulary words are not.
            if (
                (g.known and not g.kinds <= PLACE_KINDS)
                or not g.variants
                or len(g.variants[0]) != 1
                or " " in g.source
            ):
                out.append(g)
                continue
            stem = g.variants[0][0]
            arabic = is_arabic_word(stem)
            sk = skeleton(stem if arabic else g.source.lower())
            others = [
                t for t in self.skeletons.get(sk, []) if is_arabic_word(t) != arabic and t != stem
            ]
            # Same consonants, then the nearest vowels: «ماركوسي» keeps "marcoussis"
            # and drops "mark" and "america".
            others = closest(stem if arabic else g.source.lower(), others)
            if len(sk) < MIN_SKELETON or not others or len(others) > MAX_TRANSLITERATIONS:
                out.append(g)
                continue
            english = g.english or (" ".join(others) if arabic else "")
            out.append(
                Group(
                    source=g.source,
                    variants=[*g.variants, *((t,) for t in others if (t,) not in g.variants)],
                    english=english,
                    known=g.known,
                    kinds=g.kinds,
                )
            )
        return out

    def _fuse(self, keep: np.ndarray, lex: np.ndarray | None, sem: np.ndarray | None) -> np.ndarray:
        """Combine the channels into one score per item (zero means not a hit)."""
        fused = np.zeros(len(self.items), dtype=np.float64)
        if lex is not None:
            cand = keep & (lex > 0)
            top = float(lex[cand].max()) if cand.any() else 0.0
            if top > 0:
                fused[cand] = lex[cand] / top
        if sem is not None:
            cand = np.flatnonzero(keep & (sem > 0))
            order = cand[np.argsort(-sem[cand], kind="stable")][:SEMANTIC_DEPTH]
            if not order.size:
                # No passage is close enough (e.g. every close one is filtered out).
                pass
            elif lex is None:
                fused[order] = sem[order]
            else:
                # Cosine above the depth cut-off only re-orders what the words found,
                # and brings in close paraphrases the words missed.
                fused[order] += SEMANTIC_WEIGHT * np.maximum(sem[order] - sem[order[-1]], 0)
        return fused

    def _browse(self, keep: np.ndarray, limit: int, offset: int, groups: list) -> SearchResult:
        idx = np.flatnonzero(keep)
        idx = idx[np.argsort(-self._dates[idx], kind="stable")]
        hits = []
        for i in idx[offset : offset + limit]:
            p = self.passages[self._starts[i]]
            text, marks = highlight(p.text, set())
            hits.append(Hit(self.items[i], 0.0, 0.0, 0.0, text, p.seq, marks))
        return SearchResult(total=len(idx), hits=hits, groups=groups)

    def _hit(self, i, fused, lex_i, sem_i, lex_p, sem_p, wanted) -> Hit:  # type: ignore[no-untyped-def]
        lo = self._starts[i]
        hi = lo
        while hi < len(self.passages) and self.passage_item[hi] == i:
            hi += 1
        if lex_p is not None and lex_i[i] > 0:
            best = lo + int(np.argmax(lex_p[lo:hi]))
        elif sem_p is not None:
            best = lo + int(np.argmax(sem_p[lo:hi]))
        else:
            best = lo
        p = self.passages[best]
        text, marks = highlight(p.text, wanted)
        lexical = float(lex_i[i]) if lex_p is not None and math.isfinite(lex_i[i]) else 0.0
        semantic = float(sem_i[i]) if sem_p is not None and math.isfinite(sem_i[i]) else 0.0
        return Hit(self.items[i], fused, lexical, semantic, text, p.seq, marks)
