"""MinHash/LSH: deterministic across processes, and faithful to true similarity."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from wiqaya.language.arabic import normalise
from wiqaya.sift import dedupe

from .corpus import SENTENCES

SRC = Path(__file__).resolve().parents[2] / "src"


def _keys(texts: list[str]) -> list[list[int]]:
    sigs = dedupe.signatures([dedupe.shingle_hashes(normalise(t)) for t in texts])
    return dedupe.band_keys(sigs).tolist()


def test_band_keys_are_the_same_in_another_process() -> None:
    texts = SENTENCES[:20]
    code = (
        "import json,sys\n"
        "from wiqaya.language.arabic import normalise\n"
        "from wiqaya.sift import dedupe\n"
        "t=json.load(sys.stdin)\n"
        "s=dedupe.signatures([dedupe.shingle_hashes(normalise(x)) for x in t])\n"
        "print(json.dumps(dedupe.band_keys(s).tolist()))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(out.stdout) == _keys(texts)


def test_signature_agreement_estimates_jaccard() -> None:
    base = normalise(SENTENCES[10] + " " + SENTENCES[11])
    words = base.split()
    variant = " ".join(words[:-2] + ["وأضاف", "المصدر"])
    true = dedupe.jaccard(dedupe.shingle_set(base), dedupe.shingle_set(variant))
    sigs = dedupe.signatures([dedupe.shingle_hashes(base), dedupe.shingle_hashes(variant)])
    estimate = float(np.mean(sigs[0] == sigs[1]))
    assert 0.75 < true < 1.0
    assert abs(estimate - true) < 0.15


def test_only_similar_sentences_share_a_band() -> None:
    texts = SENTENCES[100:160]
    keys = [set(k) for k in _keys(texts)]
    shared = [
        (i, j) for i in range(len(keys)) for j in range(i + 1, len(keys)) if keys[i] & keys[j]
    ]
    # The data holds one real near-duplicate pair here (a typo'd repeat); nothing else.
    assert shared == [(32, 37)]
    a, b = (dedupe.shingle_set(normalise(texts[k])) for k in shared[0])
    assert dedupe.jaccard(a, b) > 0.85


def test_spelling_variants_have_one_content_hash() -> None:
    a = "أعلنت الحكومة حالة الطوارئ في المدينة"
    b = "اعلنت الحكومه حالة الطوارىء في المدينـــة"
    assert dedupe.content_hash(normalise(a)) == dedupe.content_hash(normalise(b))
    assert dedupe.content_hash(normalise("الحُكومة")) == dedupe.content_hash(normalise("الحكومه"))


def test_short_and_empty_texts_have_signatures() -> None:
    sigs = dedupe.signatures([dedupe.shingle_hashes(""), dedupe.shingle_hashes("لا")])
    assert sigs.shape == (2, dedupe.NUM_PERM)


def test_large_batches_give_the_same_signatures_as_small_ones() -> None:
    shingles = [dedupe.shingle_hashes(normalise(t)) for t in SENTENCES[:2500]]
    whole = dedupe.signatures(shingles)
    parts = np.concatenate([dedupe.signatures(shingles[i : i + 300]) for i in range(0, 2500, 300)])
    assert np.array_equal(whole, parts)


def test_sorted_shingle_arrays_give_exactly_the_set_jaccard() -> None:
    texts = [normalise(s) for s in SENTENCES[200:260]] + ["", "لا", "abcd", "aaaaaaa"]
    texts.append(texts[0].replace(texts[0].split()[1], "كذلك", 1))
    sets = [dedupe.shingle_set(t) for t in texts]
    arrays = [dedupe.shingle_array(t) for t in texts]
    for s, a in zip(sets, arrays, strict=True):
        assert a.tolist() == sorted(s)
    for i in range(len(texts)):
        for j in (0, i - 1, len(texts) - 1, len(texts) - 3):
            assert dedupe.jaccard_sorted(arrays[i], arrays[j]) == dedupe.jaccard(sets[i], sets[j])
    assert dedupe.jaccard_sorted(arrays[0], arrays[-1]) > 0.8
