"""Duplicate detection: exact (hash of the normalised text) and near (MinHash + LSH).

Everything here is deterministic across processes and machines (no ``hash()``,
which Python salts per process): shingle hashes come from the code points,
permutations from a fixed seed, band keys from fixed multipliers. That is what
lets the band keys be stored in ``lsh_bands`` and found again after a restart.

* Shingles: character 5-grams of :func:`wiqaya.language.arabic.normalise` output,
  hashed by a polynomial over the code points (vectorised with NumPy).
* MinHash: 128 values per document by one-permutation hashing with optimal
  densification, computed for a whole batch at once (``np.minimum.at``).
* LSH: 16 bands of 8 rows. A candidate shares a band; it is a near duplicate only
  if the exact Jaccard similarity of the shingle sets is at least the threshold
  (default 0.8), so band collisions never make false sightings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

SHINGLE = 5
NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
DEFAULT_THRESHOLD = 0.8
# Signature agreement estimates Jaccard with a standard error of at most 0.045 for
# 128 values; a candidate more than 0.12 (over 2.5 errors) below the threshold is
# not checked further.
ESTIMATE_MARGIN = 0.12
_SEED = 20260523
_BITS = 7  # 2**7 = 128 bins
_EMPTY = np.uint64(1 << 32)
_MAX_PROBES = 256
_SIGNATURE_CHUNK = 1000

_rng = np.random.default_rng(_SEED)
_BAND_MULT = (_rng.integers(0, 2**63, (BANDS, ROWS), dtype=np.uint64) << np.uint64(1)) | np.uint64(
    1
)
_BAND_SALT = _rng.integers(0, 2**63, BANDS, dtype=np.uint64)
# Densification probes: where an empty bin borrows from, the same for every document.
_PROBES = _rng.integers(0, NUM_PERM, (_MAX_PROBES, NUM_PERM), dtype=np.int64)
_POWERS = np.array([pow(1_000_003, i, 2**64) for i in range(SHINGLE - 1, -1, -1)], dtype=np.uint64)
_MASK32 = np.uint64(0xFFFFFFFF)


def content_hash(normalised: str) -> str:
    """The exact-duplicate key: SHA-256 of the normalised text."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def shingle_hashes(normalised: str) -> np.ndarray:
    """32-bit hashes (as uint64) of the character 5-grams of an already normalised text."""
    codes = np.frombuffer(normalised.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if codes.size == 0:
        return np.zeros(1, dtype=np.uint64)
    if codes.size < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - codes.size, dtype=np.uint64)])
    n = codes.size - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE):
        h += codes[i : i + n] * _POWERS[i]
    return (h ^ (h >> np.uint64(32))) & _MASK32


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: spreads shingle hashes evenly over 64 bits."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def signatures(shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures, shape (len(shingle_sets), NUM_PERM), dtype uint32.

    One-permutation hashing with optimal densification (Shrivastava 2017): each
    shingle is hashed once; its top 7 bits choose one of 128 bins and the bin keeps
    the minimum of the next 32 bits. Empty bins (short texts) borrow the value of a
    bin chosen by a fixed probe sequence, so two documents agree on a bin with
    probability equal to their Jaccard similarity, as with 128 separate hash
    functions, at 1/128 of the cost.
    """
    n = len(shingle_sets)
    if n == 0:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    if n > _SIGNATURE_CHUNK:
        # Bounded temporaries: a few 8-byte arrays per shingle of the chunk only.
        return np.concatenate(
            [
                signatures(shingle_sets[start : start + _SIGNATURE_CHUNK])
                for start in range(0, n, _SIGNATURE_CHUNK)
            ]
        )
    lengths = np.fromiter((s.size for s in shingle_sets), dtype=np.int64, count=n)
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    mixed = _mix(np.concatenate(shingle_sets))
    bins = (mixed >> np.uint64(64 - _BITS)).astype(np.int64)
    values = (mixed >> np.uint64(64 - _BITS - 32)) & _MASK32
    sig = np.full(n * NUM_PERM, _EMPTY, dtype=np.uint64)
    np.minimum.at(sig, owner * NUM_PERM + bins, values)
    sig = sig.reshape(n, NUM_PERM)
    filled = sig.copy()
    empty = filled == _EMPTY
    for probe in _PROBES:
        if not empty.any():
            break
        rows, cols = np.nonzero(empty)
        borrowed = sig[rows, probe[cols]]
        ok = borrowed != _EMPTY
        filled[rows[ok], cols[ok]] = borrowed[ok]
        empty[rows[ok], cols[ok]] = False
    if empty.any():  # only a text with a single occupied bin can get here
        first = np.argmin(sig, axis=1)
        rows, cols = np.nonzero(empty)
        filled[rows, cols] = sig[rows, first[rows]]
    return filled.astype(np.uint32)


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """Signed 64-bit band keys, shape (n, BANDS): one per band, distinct across bands."""
    if sigs.shape[0] == 0:
        return np.zeros((0, BANDS), dtype=np.int64)
    bands = sigs.astype(np.uint64).reshape(sigs.shape[0], BANDS, ROWS)
    keys = (bands * _BAND_MULT[None, :, :]).sum(axis=2, dtype=np.uint64) ^ _BAND_SALT[None, :]
    return keys.view(np.int64)


def estimate(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity estimated from two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def shingle_set(normalised: str) -> set[int]:
    return set(shingle_hashes(normalised).tolist())


def shingle_array(normalised: str) -> np.ndarray:
    """The shingle set of :func:`shingle_set` as a sorted array of distinct uint32.

    The form the ingest check uses: a quarter of a Python set's memory, so many
    can be kept between batches, and :func:`jaccard_sorted` on two of them is a
    few times faster than set intersection and union.
    """
    values = np.sort(shingle_hashes(normalised).astype(np.uint32))
    if values.size > 1:
        keep = np.empty(values.size, dtype=bool)
        keep[0] = True
        np.not_equal(values[1:], values[:-1], out=keep[1:])
        values = values[keep]
    return values


def jaccard_sorted(a: np.ndarray, b: np.ndarray) -> float:
    """:func:`jaccard` of two :func:`shingle_array` results, exactly the same value."""
    if a.size > b.size:
        a, b = b, a
    if a.size == 0:
        return 1.0 if b.size == 0 else 0.0
    pos = np.searchsorted(b, a)
    pos[pos == b.size] = 0
    shared = int(np.count_nonzero(b[pos] == a))
    return shared / (a.size + b.size - shared)
