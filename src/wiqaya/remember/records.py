"""What an importer hands to the store: a library record and its passages, or a rejection.

Passages are the retrieval unit. Passage 0 is a header written from the
record's fields (title, conflict, peace process, countries in both
languages, stage, provisions, parties), so an agreement without quoted text
is still findable; the text follows in windows of about 120 words cut at
paragraph boundaries where possible.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date

from wiqaya.remember.vocabulary import PROVISIONS, REGIONS, STAGES

KINDS = ("agreement", "guidance", "lesson")
WINDOW_WORDS = 120
HEADER_PARTY_CHARS = 600


@dataclass
class LibraryRecord:
    kind: str
    external_id: str
    title: str
    origin: str
    source_name: str
    text: str = ""
    locator: str = ""
    agt_id: int | None = None
    date: date | None = None
    lang: str | None = None
    country: str | None = None
    country2: str | None = None
    region: str | None = None
    conflict: str | None = None
    peace_process: str | None = None
    stage: str | None = None
    stage_sub: str | None = None
    status: str | None = None
    agreement_type: str | None = None
    signatories: str | None = None
    third_parties: str | None = None
    provisions: list[str] = field(default_factory=list)
    licence: str | None = None
    outcome: str | None = None
    # (target_kind, target_ref): country | situation | partner
    links: list[tuple[str, str]] = field(default_factory=list)

    def content_hash(self) -> str:
        data = asdict(self)
        # Where it was read from does not change what it says.
        for key in ("origin", "locator"):
            data.pop(key)
        blob = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class Rejected:
    """A record set aside, with where it was and why (reported, never stored)."""

    origin: str
    locator: str
    reason: str


def header_text(rec: LibraryRecord, country_names: dict[str, tuple[str, str]]) -> str:
    parts = [rec.title.strip()]
    if rec.conflict:
        parts.append(rec.conflict)
    if rec.peace_process:
        parts.append(rec.peace_process)
    names = []
    for iso in (rec.country, rec.country2):
        if iso and iso in country_names:
            ar, en = country_names[iso]
            names.append(f"{en} ({ar})")
    if names:
        parts.append(" / ".join(names))
    if rec.region:
        parts.append(REGIONS.get(rec.region, (rec.region, ""))[0])
    if rec.date:
        parts.append(rec.date.isoformat())
    if rec.stage and rec.stage in STAGES:
        parts.append(f"Stage: {STAGES[rec.stage][0]}")
    if rec.provisions:
        labels = [PROVISIONS[c][0] for c in rec.provisions if c in PROVISIONS]
        if labels:
            parts.append("Provisions: " + "; ".join(labels))
    if rec.signatories:
        parts.append("Parties: " + _clip(rec.signatories, HEADER_PARTY_CHARS))
    if rec.third_parties:
        parts.append("Third parties: " + _clip(rec.third_parties, HEADER_PARTY_CHARS))
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _clip(text: str, n: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


def text_windows(text: str, window: int = WINDOW_WORDS) -> list[str]:
    """Cut ``text`` into passages of about ``window`` words, on paragraph breaks if possible."""
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in text.splitlines()]
    out: list[str] = []
    current: list[str] = []
    size = 0
    for para in (p for p in paragraphs if p):
        n = len(para.split())
        if n > window:
            if current:
                out.append("\n".join(current))
                current, size = [], 0
            ws = para.split()
            for k in range(0, len(ws), window):
                out.append(" ".join(ws[k : k + window]))
            continue
        if size + n > window and current:
            out.append("\n".join(current))
            current, size = [], 0
        current.append(para)
        size += n
    if current:
        out.append("\n".join(current))
    return out


def passages_of(rec: LibraryRecord, country_names: dict[str, tuple[str, str]]) -> list[str]:
    return [header_text(rec, country_names)] + text_windows(rec.text)
