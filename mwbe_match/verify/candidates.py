"""Verify stage 3, candidate search: trigram TF-IDF blocking and exact look-ups, never every pair.

Each key is a sparse vector of character trigrams weighted by TF-IDF
(``scipy.sparse``); one sparse product per batch of queries yields the closest
directory names, joined with exact look-ups of the key, of its core (the key
without generic words) and of its letters sorted (a transposition in a name too
short to share a trigram).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from .normalize import NameKeys

__all__ = ["CandidateSearch", "trigram_codes", "tfidf", "MAX_POSTINGS"]

#: Queries per sparse product (with :data:`MAX_POSTINGS`, bounds the memory of one product).
_CHUNK = 1000

#: A trigram found in more directory names than this (or than 2% of them, if fewer) is left out of the
#: candidate product: each query then meets at most (its trigrams) x MAX_POSTINGS names, however large the
#: directory, so matching grows linearly with the queries and its memory stays bounded.
MAX_POSTINGS = 1000


def trigram_codes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Character trigrams of each key (padded with a space each side), as (row, code) arrays.

    Vectorized: the keys are concatenated and read as UTF-32 code points; a
    trigram is three code points packed into one int64.
    """
    padded = [f" {k} " for k in keys]
    lengths = (np.asarray(pc.utf8_length(pa.array(padded, pa.string())), dtype=np.int64) if padded
               else np.zeros(0, np.int64))
    if lengths.sum() == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    cps = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    counts = np.maximum(lengths - 2, 0)
    rows = np.repeat(np.arange(len(keys)), counts)
    pos = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(starts, counts)
    codes = (cps[pos] << 42) | (cps[pos + 1] << 21) | cps[pos + 2]
    return rows, codes


def tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Rows of term counts weighted ``(1 + log tf) * idf`` and scaled to unit length."""
    m = counts.tocsr(copy=True)
    m.data = (1.0 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ m)


def _sorted_letters(compact: Sequence[str]) -> np.ndarray:
    """A signature of each key's letters regardless of order (equal for "adl" and "ald"): a 64-bit hash of
    its sorted code points, vectorized. A collision would only add a pair to score, never a match."""
    n = len(compact)
    lengths = (np.asarray(pc.utf8_length(pa.array(list(compact), pa.string())), dtype=np.int64) if n
               else np.zeros(0, np.int64))
    if not n or lengths.sum() == 0:
        return np.zeros(n, dtype=np.int64)
    cps = np.frombuffer("".join(compact).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    row = np.repeat(np.arange(n), lengths)
    cps = cps[np.lexsort((cps, row))]
    pos = np.arange(len(cps)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    with np.errstate(over="ignore"):
        mixed = (cps + np.uint64(0x9E3779B97F4A7C15)) * (np.uint64(0xBF58476D1CE4E5B9) + pos.astype(np.uint64) * 2)
        mixed ^= mixed >> np.uint64(31)
        sig = np.zeros(n, dtype=np.uint64)
        np.add.at(sig, row, mixed)
        sig += lengths.astype(np.uint64) * np.uint64(0x94D049BB133111EB)
    return sig.view(np.int64)


class CandidateSearch:
    """The directory's name keys (``aliases``), indexed to find the few worth scoring for each query key."""

    def __init__(self, aliases: NameKeys):
        self.n_aliases = len(aliases.key)
        positions = np.arange(self.n_aliases)
        self._key_table = pd.DataFrame({"v": pd.array(aliases.key, dtype=object), "a": positions})
        self._core_table = pd.DataFrame({"v": pd.array(aliases.core, dtype=object), "a": positions})
        # Same letters in another order: catches transpositions in names too short to
        # share a trigram ("ADL" for "ALD").
        self._letter_table = pd.DataFrame({"v": _sorted_letters(aliases.compact), "a": positions})
        self._build_trigrams(aliases.key)

    def _build_trigrams(self, keys: np.ndarray) -> None:
        rows, codes = trigram_codes(keys)
        vocab, inverse = np.unique(codes, return_inverse=True)
        n = self.n_aliases
        counts = sp.csr_matrix((np.ones(len(rows)), (rows, inverse)), shape=(n, len(vocab)))
        counts.sum_duplicates()
        df = np.bincount(counts.indices, minlength=len(vocab))
        self._vocab = vocab
        self._idf = np.log((1 + n) / (1 + df)) + 1.0
        # Trigrams found in very many names ("ing", " co") add cost but little evidence;
        # they still count in the weights, but are left out of the candidate product.
        cap = min(max(100, int(0.02 * n)), MAX_POSTINGS)
        self._block = df <= cap
        matrix = tfidf(counts, self._idf)
        self._matrix_t = matrix[:, np.flatnonzero(self._block)].T.tocsr()

    def pairs(self, queries: NameKeys, per_query: int) -> tuple[np.ndarray, np.ndarray]:
        """Distinct (query, alias) position pairs: the ``per_query`` closest aliases by trigram cosine,
        plus every alias with the same key, core or sorted letters."""
        tq, ta = self.trigram_pairs(queries.key, per_query)
        eq, ea = self.exact_pairs(queries)
        pairs = pd.DataFrame({"q": np.concatenate([tq, eq]), "a": np.concatenate([ta, ea])}).drop_duplicates()
        return pairs["q"].to_numpy(), pairs["a"].to_numpy()

    def exact_pairs(self, queries: NameKeys) -> tuple[np.ndarray, np.ndarray]:
        """(query, alias) pairs of the exact look-ups: same key, core (of the alias, for the query's core
        or key) or sorted letters; ordered by query, look-up, alias."""
        nq = len(queries.key)
        if not nq or not self.n_aliases:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        found = []
        letters = _sorted_letters(queries.compact)
        for t, (table, values) in enumerate(((self._key_table, queries.key), (self._core_table, queries.core),
                                             (self._core_table, queries.key), (self._letter_table, letters))):
            v = values if values is letters else pd.array(values, dtype=object)
            m = pd.DataFrame({"q": np.arange(nq), "v": v}).merge(table, on="v")
            found.append(pd.DataFrame({"q": m["q"].to_numpy(np.int64), "t": t, "a": m["a"].to_numpy(np.int64)}))
        pairs = pd.concat(found, ignore_index=True).sort_values(["q", "t", "a"], kind="stable")
        return pairs["q"].to_numpy(np.int64), pairs["a"].to_numpy(np.int64)

    def trigram_pairs(self, keys: Sequence[str], per_query: int) -> tuple[np.ndarray, np.ndarray]:
        """(query, alias) pairs: the closest aliases per query by trigram cosine."""
        if not len(keys) or not self.n_aliases:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        qm = self._query_matrix(keys)
        q_all: list[np.ndarray] = []
        a_all: list[np.ndarray] = []
        for start in range(0, qm.shape[0], _CHUNK):
            prod = (qm[start:start + _CHUNK] @ self._matrix_t).tocsr()
            if prod.nnz == 0:
                continue
            rows, cols = _top_per_row(prod, per_query)
            q_all.append(rows + start)
            a_all.append(cols)
        if not q_all:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        return np.concatenate(q_all).astype(np.int64), np.concatenate(a_all).astype(np.int64)

    def _query_matrix(self, keys: Sequence[str]) -> sp.csr_matrix:
        rows, codes = trigram_codes(keys)
        pos = np.searchsorted(self._vocab, codes)
        pos = np.minimum(pos, len(self._vocab) - 1)
        known = self._vocab[pos] == codes if len(self._vocab) else np.zeros(len(codes), bool)
        rows, pos = rows[known], pos[known]
        counts = sp.csr_matrix((np.ones(len(rows)), (rows, pos)), shape=(len(keys), len(self._vocab)))
        counts.sum_duplicates()
        matrix = tfidf(counts, self._idf)
        return matrix[:, np.flatnonzero(self._block)].tocsr()


def _top_per_row(prod: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's ``k`` highest scores among those within reach of the row's best."""
    counts = np.diff(prod.indptr)
    rows = np.repeat(np.arange(prod.shape[0]), counts)
    data = prod.data
    # Keep only scores within reach of each row's best, then the top k by sorting.
    nonempty = counts > 0
    row_max = np.zeros(prod.shape[0])
    row_max[nonempty] = np.maximum.reduceat(data, prod.indptr[:-1][nonempty])
    near = data >= 0.5 * row_max[rows]
    rows, cols, data = rows[near], prod.indices[near], data[near]
    order = np.lexsort((-data, rows))
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, rows, side="left")
    top = (np.arange(len(rows)) - first) < k
    return rows[top], cols[top]
