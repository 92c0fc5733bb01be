"""Hashed word and character n-gram features, computed for a whole batch at once.

The emotion model is trained and run on exactly these features, so training
(``scripts/train_emotions.py``) and inference share this one module and need
nothing beyond numpy and scipy.

The batch is joined into one array of code points and every n-gram is hashed
with a polynomial rolling hash using vectorised numpy arithmetic (modulo 2**64),
so the cost per message is a handful of array operations, not a Python loop.

Tokens are runs of letters and digits (an apostrophe between two such
characters stays inside the token, so "don't" is one token); any other
non-space character, such as "!" or an emoji, is a token of its own.

>>> batch = featurize(["thank you!", "why?"], FeatureSpec())
>>> batch.n_docs
2
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from scipy import sparse

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_SEP = 0  # joins documents; read as a space by the hash, never crossed by an n-gram
_SPACE, _WORD, _SYMBOL, _APOSTROPHE = 0, 1, 2, 3
_P = np.uint64(0x100000001B3)  # odd, hence invertible modulo 2**64
_P_INV = np.uint64(pow(int(_P), -1, 2**64))
_BIGRAM = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_SEED_WORD = np.uint64(0x2545F4914F6CDD1D)
_SEED_BIGRAM = np.uint64(0x5851F42D4C957F2D)
_SEED_CHAR = np.uint64(0x14057B7EF767814F)


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """Which n-grams to hash, and into how many buckets (``2**bits``)."""

    bits: int = 20
    word_bigrams: bool = True
    char_min: int = 2
    char_max: int = 5

    @property
    def null(self) -> int:
        """The bucket of n-grams that must not count (it has no weight)."""
        return 1 << self.bits


@dataclass(frozen=True, slots=True)
class FeatureBatch:
    """Hashed features of a batch: the document and bucket of each n-gram occurrence.

    Occurrences are not merged: a bucket seen twice in a document appears twice.
    Each group ("word" for word 1-2 grams, "char" for character n-grams) is a list
    of parts ``(indptr, buckets)`` in the layout of a CSR matrix: the buckets of
    document ``d`` are ``buckets[indptr[d]:indptr[d + 1]]``.
    """

    n_docs: int
    word: list[tuple[I64, I64]]
    char: list[tuple[I64, I64]]


@lru_cache(maxsize=1)
def _char_classes() -> npt.NDArray[np.uint8]:
    """Class of every code point in the Basic Multilingual Plane (higher ones are symbols)."""
    table = np.full(0x10000, _SYMBOL, dtype=np.uint8)
    for cp in range(0x10000):
        ch = chr(cp)
        if ch.isalnum():
            table[cp] = _WORD
        elif ch.isspace():
            table[cp] = _SPACE
    table[ord("_")] = _WORD
    table[ord("'")] = _APOSTROPHE
    table[_SEP] = _SPACE
    return table


_powers_cache: dict[str, U64] = {}


def _powers(n: int) -> tuple[U64, U64]:
    """``P**i`` and ``P**-i`` modulo 2**64 for ``i < n`` (grown on demand, reused)."""
    have = _powers_cache.get("fwd")
    if have is None or len(have) < n:
        size = max(n, 1 << 16, 2 * (0 if have is None else len(have)))
        fwd = np.full(size, _P, dtype=np.uint64)
        fwd[0] = 1
        inv = np.full(size, _P_INV, dtype=np.uint64)
        inv[0] = 1
        _powers_cache["fwd"] = np.multiply.accumulate(fwd)
        _powers_cache["inv"] = np.multiply.accumulate(inv)
    return _powers_cache["fwd"][:n], _powers_cache["inv"][:n]


def _bucket(h: U64, seed: np.uint64, bits: int) -> I64:
    """Scramble raw polynomial hashes and keep the top ``bits`` bits as a bucket."""
    return (((h ^ seed) * _MIX) >> np.uint64(64 - bits)).astype(np.int64)


def _normalise(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def featurize(texts: Sequence[str], spec: FeatureSpec) -> FeatureBatch:
    """Hash the word 1-2 grams and character n-grams of every text in ``texts``."""
    n_docs = len(texts)
    if n_docs == 0:
        return FeatureBatch(0, [], [])
    joined = "\x00" + _normalise("\x00".join(texts)) + "\x00"
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    n = len(cps)
    is_sep = cps == _SEP
    classes = np.full(n, _SYMBOL, dtype=np.uint8)
    bmp = cps < 0x10000
    classes[bmp] = _char_classes()[cps[bmp]]
    # An apostrophe is part of a word only between two word characters.
    apos = np.flatnonzero(classes == _APOSTROPHE)
    if len(apos):
        inside = (classes[apos - 1] == _WORD) & (classes[apos + 1] == _WORD)
        classes[apos] = np.where(inside, _WORD, _SYMBOL)

    codes = cps.astype(np.uint64)
    codes[is_sep] = ord(" ")
    fwd, inv = _powers(n + 1)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum(codes * fwd[:n], out=prefix[1:])
    # Document of each position: separators open the document that follows them.
    doc_of = np.cumsum(is_sep, dtype=np.int64) - 1
    sep_at = np.flatnonzero(is_sep)  # n_docs + 1 separators; document d starts at sep_at[d]
    doc_range = np.arange(n_docs + 1, dtype=np.int64)

    def span_hash(starts: I64, ends: I64) -> U64:
        return (prefix[ends] - prefix[starts]) * inv[starts]

    # Words: maximal runs of word characters; symbols: one character each.
    word = classes == _WORD
    prev_word = np.concatenate(([False], word[:-1]))
    next_word = np.concatenate((word[1:], [False]))
    w_starts = np.flatnonzero(word & ~prev_word)
    w_ends = np.flatnonzero(word & ~next_word) + 1
    s_starts = np.flatnonzero(classes == _SYMBOL)
    tok_starts = np.concatenate((w_starts, s_starts))
    tok_ends = np.concatenate((w_ends, s_starts + 1))
    order = np.argsort(tok_starts, kind="stable")
    tok_starts, tok_ends = tok_starts[order], tok_ends[order]
    tok_hash = span_hash(tok_starts, tok_ends)
    tok_doc = doc_of[tok_starts]

    words = [(np.searchsorted(tok_doc, doc_range), _bucket(tok_hash, _SEED_WORD, spec.bits))]
    if spec.word_bigrams and len(tok_hash) > 1:
        same = tok_doc[1:] == tok_doc[:-1]
        pair = tok_hash[:-1][same] * _BIGRAM + tok_hash[1:][same]
        indptr = np.searchsorted(tok_doc[1:][same], doc_range)
        words.append((indptr, _bucket(pair, _SEED_BIGRAM, spec.bits)))

    # Character n-grams over the text padded by one space on each side. An n-gram
    # may start or end on a separator (that is the padding); one that contains a
    # separator would straddle two documents and goes to the null bucket instead.
    # Hashes grow one character at a time: h_k[s] = h_(k-1)[s] + c[s+k-1] * P**(k-1).
    sep_count = np.cumsum(is_sep, dtype=np.int32)
    null = np.int64(spec.null)
    chars = []
    h = codes.copy()
    for k in range(2, spec.char_max + 1):
        if n < k:
            break
        h = h[:-1] + codes[k - 1 :] * fwd[k - 1]
        if k < spec.char_min:
            continue
        m = n - k + 1
        bucket = _bucket(h, _SEED_CHAR + np.uint64(k), spec.bits)
        if k == 2:
            bucket[is_sep[:-1] & is_sep[1:]] = null
        else:
            bucket[sep_count[k - 2 : k - 2 + m] != sep_count[:m]] = null
        chars.append((np.minimum(sep_at, m), bucket))
    return FeatureBatch(n_docs=n_docs, word=words, char=chars)


def count_matrix(
    parts: Sequence[tuple[I64, I64]],
    n_docs: int,
    lookup: npt.NDArray[np.int32] | None = None,
    n_cols: int | None = None,
) -> sparse.csr_matrix:
    """Sum the parts of one feature group into a documents-by-columns count matrix.

    ``lookup`` maps buckets to columns (a model keeps only some buckets); without
    it the bucket is the column. Duplicate entries are left for scipy to add up.
    """
    mats = []
    for indptr, bucket in parts:
        cols = bucket if lookup is None else lookup[bucket]
        data = np.ones(len(cols), dtype=np.float32)
        width = n_cols if n_cols is not None else int(bucket.max(initial=0)) + 1
        mats.append(sparse.csr_matrix((data, cols, indptr), shape=(n_docs, width)))
    out = mats[0]
    for m in mats[1:]:
        out = out + m
    return out
