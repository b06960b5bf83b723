"""Verify stage 3, candidate search: trigram TF-IDF blocking and exact look-ups, never every pair.

Each key is a sparse vector of character trigrams weighted by TF-IDF
(``scipy.sparse``); one sparse product per batch of queries yields the closest
directory names, joined with exact look-ups of the key, of its core (the key
without generic words) and of its letters sorted (a transposition in a name too
short to share a trigram).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from ..validation import resolve_workers
from .normalize import NameKeys

__all__ = ["CandidateSearch", "trigram_codes", "tfidf", "MAX_POSTINGS"]

#: Queries per sparse product (with :data:`MAX_POSTINGS`, bounds the memory of one product). Small enough
#: that a product's arrays stay in cache and are reused by the allocator (not fresh pages for each block).
_CHUNK = 256

#: A trigram found in more directory names than this (or than 2% of them, if fewer) is left out of the
#: candidate product: each query then meets at most (its trigrams) x MAX_POSTINGS names, however large the
#: directory, so matching grows linearly with the queries and its memory stays bounded.
MAX_POSTINGS = 1000


def trigram_codes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Character trigrams of each key (padded with a space each side), as (row, code) arrays.

    Vectorized: the keys are concatenated and read as UTF-32 code points; a
    trigram is three code points packed into one int64. Rows are int32 (int64
    past 2**31 keys); the keys are read in blocks, so the temporaries stay small.
    """
    counts, codes = _trigram_blocks(keys)
    rows = np.repeat(np.arange(len(keys), dtype=np.int32 if len(keys) < 2**31 else np.int64), counts)
    return rows, codes


def _trigram_blocks(keys: Sequence[str], block: int = 200_000) -> tuple[np.ndarray, np.ndarray]:
    """(trigrams per key, the keys' trigram codes in key order), computed ``block`` keys at a time."""
    counts, codes = [], []
    for start in range(0, len(keys), block):
        padded = [f" {k} " for k in keys[start:start + block]]
        lengths = np.asarray(pc.utf8_length(pa.array(padded, pa.string())), dtype=np.int64)
        n = np.maximum(lengths - 2, 0)
        counts.append(n)
        if not n.sum():
            continue
        cps = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        # position of each trigram's first code point: its key's start plus its place in the key
        first = np.repeat(np.cumsum(lengths) - lengths - (np.cumsum(n) - n), n)
        first += np.arange(len(first))
        code = cps[first] << 42
        code |= cps[first + 1] << 21
        code |= cps[first + 2]
        codes.append(code)
    return (np.concatenate(counts) if counts else np.zeros(0, np.int64),
            np.concatenate(codes) if codes else np.zeros(0, np.int64))


def tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Rows of term counts weighted ``(1 + log tf) * idf`` and scaled to unit length."""
    m = counts.tocsr(copy=True)
    m.data = (1.0 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ m)


def _weigh_in_place(counts: sp.csr_matrix, idf: np.ndarray) -> None:
    """:func:`tfidf` of a canonical CSR count matrix (sorted, summed), in place: the same values, computed
    the same way, without the copies."""
    data = counts.data
    np.log(data, out=data)
    data += 1.0
    data *= idf[counts.indices]
    norms = np.zeros(counts.shape[0])
    major = np.flatnonzero(np.diff(counts.indptr))
    if len(major):
        norms[major] = np.add.reduceat(data * data, counts.indptr[major])
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    data *= np.repeat(1.0 / norms, np.diff(counts.indptr))


def _sorted_letters(compact: Sequence[str]) -> np.ndarray:
    """A signature of each key's letters regardless of order (equal for "adl" and "ald"): the sum of a
    64-bit mix of each code point, plus the length (a multiset hash: no sort), vectorized. A collision
    would only add a pair to score, never a match."""
    n = len(compact)
    lengths = (np.asarray(pc.utf8_length(pa.array(list(compact), pa.string())), dtype=np.int64) if n
               else np.zeros(0, np.int64))
    if not n or lengths.sum() == 0:
        return np.zeros(n, dtype=np.int64)
    x = np.frombuffer("".join(compact).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    with np.errstate(over="ignore"):  # splitmix64 of each code point
        x += np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
        sig = np.zeros(n, dtype=np.uint64)
        nonempty = np.flatnonzero(lengths)
        sig[nonempty] = np.add.reduceat(x, (np.cumsum(lengths) - lengths)[nonempty])
        sig += lengths.astype(np.uint64) * np.uint64(0xD6E8FEB86659FD93)
    return sig.view(np.int64)


class _Lookup:
    """The aliases holding each distinct value (a key, core or letter signature), hashed once at build:
    a query's exact look-up costs its own size, not the directory's."""

    def __init__(self, values: np.ndarray):
        codes, distinct = pd.factorize(values)
        self._index = pd.Index(distinct)
        self._aliases = np.argsort(codes, kind="stable")  # grouped by value, aliases ascending
        self._starts = np.zeros(len(distinct) + 1, dtype=np.int64)
        np.cumsum(np.bincount(codes[codes >= 0], minlength=len(distinct)), out=self._starts[1:])

    def find(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in ``values``, alias) of every alias holding each value; by position, then alias."""
        where = self._index.get_indexer(values)
        hit = np.flatnonzero(where >= 0)
        group = where[hit]
        first, size = self._starts[group], self._starts[group + 1] - self._starts[group]
        at = np.repeat(first - (np.cumsum(size) - size), size) + np.arange(int(size.sum()))
        return np.repeat(hit, size), self._aliases[at]


class CandidateSearch:
    """The directory's name keys (``aliases``), indexed to find the few worth scoring for each query key."""

    def __init__(self, aliases: NameKeys):
        self.n_aliases = len(aliases.key)
        self._key_lookup = _Lookup(aliases.key)
        self._core_lookup = _Lookup(aliases.core)
        # Same letters in another order: catches transpositions in names too short to
        # share a trigram ("ADL" for "ALD").
        self._letter_lookup = _Lookup(_sorted_letters(aliases.compact))
        self._build_trigrams(aliases.key)

    def _build_trigrams(self, keys: np.ndarray) -> None:
        # Memory-lean at a million names: trigram codes numbered by hashing (pd.factorize, then the distinct
        # codes sorted, so the vocabulary is in code order), the count matrix built in CSR directly and
        # weighted in place; the values are those of tfidf() on the same counts.
        n = self.n_aliases
        per_key, codes = _trigram_blocks(keys)
        found, distinct = pd.factorize(codes)
        del codes
        order = np.argsort(distinct, kind="stable")
        vocab = distinct[order]
        rank = np.empty(len(order), dtype=np.int32)
        rank[order] = np.arange(len(order), dtype=np.int32)
        indices = rank[found]
        del found, rank, distinct, order
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(per_key, out=indptr[1:])
        counts = sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, len(vocab)))
        counts.sum_duplicates()  # in place: sorts each row's trigrams and adds repeats up
        df = np.bincount(counts.indices, minlength=len(vocab))
        self._vocab = vocab
        self._vocab_index = pd.Index(vocab)
        self._idf = np.log((1 + n) / (1 + df)) + 1.0
        # Trigrams found in very many names ("ing", " co") add cost but little evidence;
        # they still count in the weights, but are left out of the candidate product.
        cap = min(max(100, int(0.02 * n)), MAX_POSTINGS)
        self._block = df <= cap
        _weigh_in_place(counts, self._idf)
        # the kept trigrams' columns, renumbered, then turned into trigram x alias rows
        kept = self._block[counts.indices]
        column = np.cumsum(self._block, dtype=np.int64) - 1
        running = np.zeros(counts.nnz + 1, dtype=np.int64)
        np.cumsum(kept, out=running[1:])
        kept_indptr = running[counts.indptr]
        del running
        matrix = sp.csr_matrix((counts.data[kept], column[counts.indices[kept]].astype(np.int32), kept_indptr),
                               shape=(n, int(self._block.sum())))
        del counts, kept
        self._matrix_t = matrix.T.tocsr()

    def pairs(self, queries: NameKeys, per_query: int, *, workers: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """Distinct (query, alias) position pairs: the ``per_query`` closest aliases by trigram cosine,
        plus every alias with the same key, core or sorted letters (``workers``: see :meth:`trigram_pairs`)."""
        tq, ta = self.trigram_pairs(queries.key, per_query, workers=workers)
        eq, ea = self.exact_pairs(queries)
        q, a = np.concatenate([tq, eq]), np.concatenate([ta, ea])
        _, first = np.unique(q * max(self.n_aliases, 1) + a, return_index=True)  # each pair once, first kept
        first.sort()
        return q[first], a[first]

    def exact_pairs(self, queries: NameKeys) -> tuple[np.ndarray, np.ndarray]:
        """(query, alias) pairs of the exact look-ups: same key, core (of the alias, for the query's core
        or key) or sorted letters; ordered by query, look-up, alias."""
        nq = len(queries.key)
        if not nq or not self.n_aliases:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        letters = _sorted_letters(queries.compact)
        q, t, a = [], [], []
        for look, (lookup, values) in enumerate(((self._key_lookup, queries.key), (self._core_lookup, queries.core),
                                                 (self._core_lookup, queries.key), (self._letter_lookup, letters))):
            found_q, found_a = lookup.find(values)
            q.append(found_q)
            a.append(found_a)
            t.append(np.full(len(found_q), look, dtype=np.int64))
        q, t, a = np.concatenate(q).astype(np.int64), np.concatenate(t), np.concatenate(a).astype(np.int64)
        order = np.lexsort((a, t, q))
        return q[order], a[order]

    def trigram_pairs(self, keys: Sequence[str], per_query: int, *,
                      workers: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """(query, alias) pairs: the closest aliases per query by trigram cosine.

        The queries go in blocks of :data:`_CHUNK` (so one product stays small however many there are),
        on ``workers`` threads (``-1``: all cores; the products release the GIL); the pairs are the same
        for any number of workers."""
        if not len(keys) or not self.n_aliases:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        qm = self._query_matrix(keys)

        def block(start: int) -> tuple[np.ndarray, np.ndarray]:
            prod = qm[start:start + _CHUNK] @ self._matrix_t
            rows, cols = _top_per_row(prod, per_query)
            return rows + start, cols

        starts = range(0, qm.shape[0], _CHUNK)
        threads = min(resolve_workers(workers), len(starts))
        if threads > 1:
            with ThreadPoolExecutor(threads) as pool:
                found = list(pool.map(block, starts))
        else:
            found = [block(start) for start in starts]
        return (np.concatenate([f[0] for f in found]).astype(np.int64),
                np.concatenate([f[1] for f in found]).astype(np.int64))

    def _query_matrix(self, keys: Sequence[str]) -> sp.csr_matrix:
        rows, codes = trigram_codes(keys)
        pos = self._vocab_index.get_indexer(codes)  # hashed, not searched
        known = pos >= 0
        rows, pos = rows[known], pos[known]
        counts = sp.csr_matrix((np.ones(len(rows)), (rows, pos)), shape=(len(keys), len(self._vocab)))
        counts.sum_duplicates()
        matrix = tfidf(counts, self._idf)
        return matrix[:, np.flatnonzero(self._block)].tocsr()


def _top_per_row(prod: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's ``k`` highest scores among those within reach of the row's best."""
    prod = prod.tocsr()
    counts = np.diff(prod.indptr)
    data = prod.data
    if not len(data):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    # Keep only scores within reach of each row's best, then the top k by sorting.
    nonempty = counts > 0
    row_max = np.zeros(prod.shape[0])
    row_max[nonempty] = np.maximum.reduceat(data, prod.indptr[:-1][nonempty])
    near = np.flatnonzero(data >= np.repeat(0.5 * row_max, counts))
    rows = np.searchsorted(prod.indptr, near, side="right") - 1
    cols, data = prod.indices[near], data[near]
    order = np.lexsort((-data, rows))
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, rows, side="left")
    top = (np.arange(len(rows)) - first) < k
    return rows[top], cols[top]
