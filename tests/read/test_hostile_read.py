"""Hostile input for the read stage, over real dev-sentence fragments.

Mixes of Arabic detection dev sentences and English PLOVER GSR (even-index
records) cut anywhere, joined with bidi and zero-width controls, NUL,
tatweel, lone diacritics, edge apostrophes and hyphens: no exception, every
evidence span is the text at its offsets (the web page highlights by them),
confidences in [0, 1], and the ``wiqaya extract`` record shape of issue 4.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SHARED_DATA

from wiqaya.read.cli import extract_records
from wiqaya.read.pipeline import DocumentInput, read_documents

HOSTILE = [
    "\u202e",  # right-to-left override (Trojan Source)
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200f",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\x00",
    "ـــ",
    "\u064b\u0651",
    "'s",
    "-",
    "n't",
    "’",
    "«",
    "»",
    "((",
    "))",
    '"',
    ".",
    "،",
    "؟",
    "\n",
    "  ",
    "2024",
    "U.S.",
    "و",
    "ال",
    " and ",
    ", ",
]


@cache
def arabic() -> list[str]:
    out = []
    for path in sorted((SHARED_DATA / "arabic_event_gsr").glob("*_detection.dev.csv")):
        with path.open(encoding="utf-8") as fh:
            out += [r["text"] for r in csv.DictReader(fh)]
    return out


@cache
def english() -> list[str]:
    path = SHARED_DATA / "english_event_gsr" / "PLOVER_GSR_CAMEO.txt"
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r["text"] for i, r in enumerate(records) if i % 2 == 0 and r.get("text")]


def _fragment(sentences: list[str]) -> st.SearchStrategy[str]:
    def cut(s: str) -> st.SearchStrategy[str]:
        words = s.split()
        return st.tuples(st.integers(0, len(words)), st.integers(0, len(words))).map(
            lambda ab: " ".join(words[min(ab) : max(ab)])
        )

    return st.integers(0, len(sentences) - 1).flatmap(lambda k: cut(sentences[k]))


def documents() -> st.SearchStrategy[str]:
    piece = st.one_of(
        _fragment(arabic()),
        _fragment(english()),
        st.sampled_from(HOSTILE),
        st.text(max_size=12),
    )
    return st.lists(piece, max_size=10).map("".join)


def check(text: str, lang: str | None) -> None:
    result = read_documents([DocumentInput("x", text, lang)])[0]
    for e in result.events:
        assert e.evidence and text[e.span_start : e.span_end] == e.evidence
        assert text[e.sentence_start : e.sentence_start + len(e.sentence)] == e.sentence
        assert e.sentence_start <= e.span_start <= e.span_end <= e.sentence_start + len(e.sentence)
        assert 0.0 <= e.confidence <= 1.0
    for h in result.indicators:
        assert h.evidence and text[h.start : h.end] == h.evidence
        assert 0.0 <= h.confidence <= 1.0
    for p in result.places:
        assert text[p.start : p.end] == p.surface


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents(), st.sampled_from([None, "ar", "en"]))
def test_mixed_fragments_keep_offsets_and_confidences(text: str, lang: str | None) -> None:
    check(text, lang)


def _is_actor(v: object) -> bool:
    return (
        isinstance(v, dict)
        and set(v) == {"text", "country", "sector"}
        and all(x is None or isinstance(x, str) for x in v.values())
    )


def assert_contract(record: dict) -> None:
    """Issue 4, item 7: the exact shape of one ``wiqaya extract`` output line."""
    assert set(record) == {"id", "lang", "events", "indicators"}
    assert isinstance(record["id"], str) and isinstance(record["lang"], str)
    for e in record["events"]:
        assert set(e) == {
            "event",
            "cameo",
            "source",
            "target",
            "location",
            "date",
            "evidence",
            "confidence",
        }
        assert isinstance(e["event"], str) and e["event"].isupper()
        assert e["cameo"] is None or isinstance(e["cameo"], str)
        assert _is_actor(e["source"]) and _is_actor(e["target"])
        loc = e["location"]
        if loc is not None:
            assert set(loc) == {"name", "country", "admin1", "lat", "lon"}
            assert isinstance(loc["name"], str)
            assert all(loc[k] is None or isinstance(loc[k], float) for k in ("lat", "lon"))
        assert e["date"] is None or (isinstance(e["date"], str) and len(e["date"]) == 10)
        assert isinstance(e["evidence"], str) and e["evidence"]
        assert isinstance(e["confidence"], float) and 0.0 <= e["confidence"] <= 1.0
    for h in record["indicators"]:
        assert set(h) == {"indicator", "evidence", "confidence"}
        assert isinstance(h["evidence"], str) and h["evidence"]
        assert 0.0 <= h["confidence"] <= 1.0


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(documents(), st.sampled_from([None, "ar", "en"])), max_size=5))
def test_extract_records_follow_the_contract(docs: list[tuple[str, str | None]]) -> None:
    lines = []
    for k, (text, lang) in enumerate(docs):
        obj = {"id": str(k), "text": text, "date": "2024-05-17"}
        if lang:
            obj["lang"] = lang
        lines.append(json.dumps(obj, ensure_ascii=False).encode("utf-8"))
    out = list(extract_records(iter(lines), batch=2))
    assert [r["id"] for r in out] == [str(k) for k in range(len(docs))]
    for record in out:
        assert_contract(record)
        json.dumps(record, ensure_ascii=False).encode("utf-8")


def _sample() -> list[str]:
    ar, en = arabic(), english()
    docs = ar[:: len(ar) // 60][:60] + en[::3]
    docs.append(" ".join(ar[5:10] + en[5:10]) + "\u202e" + "\u0640" * 3)
    return docs


def test_output_is_the_same_in_a_fresh_process_and_after_warm_caches() -> None:
    """Caches (per word, per process) must never change what is read."""
    docs = _sample()
    # Warm every cache on other documents first, then read the sample in reverse.
    ar, en = arabic(), english()
    read_documents(
        [
            DocumentInput("w", " ".join(ar[k : k + 25] + en[k % 150 :][:5]))
            for k in range(0, 2000, 25)
        ]
    )
    warm = [
        r.as_dict()
        for r in read_documents([DocumentInput(str(k), t) for k, t in enumerate(docs)][::-1])
    ][::-1]
    script = (
        "import json, sys\n"
        "from tests.read.test_hostile_read import _sample\n"
        "from wiqaya.read.pipeline import DocumentInput, read_documents\n"
        "docs = [DocumentInput(str(k), t) for k, t in enumerate(_sample())]\n"
        "print(json.dumps([read_documents([d])[0].as_dict() for d in docs]))\n"
    )
    root = Path(__file__).resolve().parents[2]
    fresh = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env={"PYTHONPATH": f"{root / 'src'}:{root}", "PYTHONHASHSEED": "12345"},
        capture_output=True,
        check=True,
        timeout=300,
    )
    assert json.loads(fresh.stdout) == json.loads(json.dumps(warm))
    assert any(r["events"] for r in warm)


def test_junk_runs_stay_out_of_the_per_word_caches() -> None:
    """A 2,000-letter run (base64 in a scraped page) read once must not stay
    in memory: each cache keeps up to 300,000-500,000 words, so such keys took a
    long read to gigabytes (10,000 Arabic runs: +130 MB)."""
    from wiqaya.read import phrases
    from wiqaya.read.actors import load_actors
    from wiqaya.read.detector import arabic_triggers, load_detector
    from wiqaya.read.english import _cached_lemmas, lemmas
    from wiqaya.read.indicators import load_indicators
    from wiqaya.read.places import load_gazetteer

    ar_run = "تظاهر" + "بتثجحخد" * 280
    en_run = "QmFzZTY0" * 250
    text = f"{ar_run} تظاهر الطلاب في بغداد. Police {en_run} attacked protesters."
    read_documents([DocumentInput("junk", text)])
    lemmas_before = _cached_lemmas.cache_info().misses
    lemmas(en_run.lower())
    assert _cached_lemmas.cache_info().misses == lemmas_before
    det = load_detector()
    caches = [
        phrases._NORM_CACHE,
        phrases._VARIANTS,
        load_actors().index._cache,
        load_gazetteer().index._cache,
        arabic_triggers()._cache,
        load_indicators().arabic._cache,
        load_indicators().english._cache,
        det._words._rows if det else {},
    ]
    for words in caches:
        assert not any(len(k) > 100 for k in words)
