"""Engine stage 2, the text index: BM25F over the firms' text fields, built once, scoring batches of queries.

Each firm is a document with the fields of :data:`~mwbe_match.engine.firms.TEXT_FIELDS`.
Tokens are stemmed and stopwords dropped (:mod:`mwbe_match.engine.text`);
rare words weigh more (BM25 idf), repeated words saturate, long fields are
length-normalized per field, and the fields are weighted
(``MatchConfig.name_weight``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from .caching import PerObjectCache
from .config import MatchConfig
from .firms import TEXT_FIELDS, column
from .text import fold, is_indexable, stem, tokenize_array

if TYPE_CHECKING:  # pragma: no cover
    from .query import QueryTerms

__all__ = ["TextIndex"]

#: Prepared queries whose rows of :meth:`TextIndex.query_matrix` an index keeps (a few hundred bytes each).
_KEPT_ROWS = 4096
#: About how many bytes of text scores (4 a firm per query) an index keeps (:meth:`TextIndex.score_queries`):
#: some 1,500 queries at 11,000 firms.
KEPT_TEXT_BYTES = 64 << 20


@dataclass
class _Vocabulary:
    """Distinct raw tokens seen so far: folded spelling, term id (-1: not indexed), occurrences."""

    ids: dict[str, int] = field(default_factory=dict)
    folded: list[str] = field(default_factory=list)
    term: list[int] = field(default_factory=list)
    count: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    term_index: dict[str, int] = field(default_factory=dict)


class TextIndex:
    """BM25F weights of every (firm, term), the fields each term occurs in, and the directory's spellings.

    Attributes:
        n_firms: documents in the index.
        terms: the index terms (stems), by term id.
        df: firms using each term.
        idf: BM25 idf of each term.
        surface: the directory's most frequent spelling of each term (for explanations and typo correction).
        fuzzy_words, fuzzy_terms: directory words (3+ letters) that typos are corrected to, and their terms.
    """

    def __init__(self, table: pa.Table, config: MatchConfig) -> None:
        self.n_firms = table.num_rows
        vocabulary = _Vocabulary()
        fields = [self._field_occurrences(table, cols, vocabulary) for _, cols, _ in TEXT_FIELDS]
        self.terms = list(vocabulary.term_index)
        self._term_index = vocabulary.term_index
        self._build_weights(fields, config)
        del fields
        self._build_spellings(vocabulary)
        #: a prepared query -> its row of :meth:`query_matrix`
        self._rows: PerObjectCache[tuple] = PerObjectCache(_KEPT_ROWS)
        #: a prepared query -> its text scores of every firm
        self._text_rows: PerObjectCache[np.ndarray] = PerObjectCache(
            max(1, KEPT_TEXT_BYTES // (4 * max(self.n_firms, 1))))

    # ------------------------------------------------------------------ building

    @staticmethod
    def _field_occurrences(table: pa.Table, cols: Sequence[str], vocabulary: _Vocabulary) \
            -> tuple[np.ndarray, np.ndarray]:
        """``(rows, terms)`` of every indexed token of one field (column by column, to keep peak memory low):
        distinct raw tokens -> folded word -> stem -> term id."""
        rows_parts, term_parts = [], []
        for col in cols:
            rows, tokens = tokenize_array(column(table, col))
            if len(tokens) == 0:
                continue
            distinct = pc.unique(tokens)
            local = np.empty(len(distinct), dtype=np.int64)
            for i, tok in enumerate(distinct.to_pylist()):
                rid = vocabulary.ids.get(tok)
                if rid is None:
                    rid = vocabulary.ids[tok] = len(vocabulary.folded)
                    folded = fold(tok)
                    vocabulary.folded.append(folded)
                    vocabulary.term.append(vocabulary.term_index.setdefault(stem(folded), len(vocabulary.term_index))
                                           if is_indexable(folded) else -1)
                local[i] = rid
            occ = local[np.asarray(pc.index_in(tokens, value_set=distinct), dtype=np.int64)]
            del tokens, distinct
            counts = np.bincount(occ, minlength=len(vocabulary.folded))
            counts[: len(vocabulary.count)] += vocabulary.count
            vocabulary.count = counts
            terms = np.asarray(vocabulary.term, dtype=np.int64)[occ]
            keep = terms >= 0
            rows_parts.append(rows[keep].astype(np.int32))
            term_parts.append(terms[keep].astype(np.int32))
            del occ, terms, keep, rows
        r = np.concatenate(rows_parts) if rows_parts else np.empty(0, np.int32)
        c = np.concatenate(term_parts) if term_parts else np.empty(0, np.int32)
        return r, c

    def _build_weights(self, fields: list[tuple[np.ndarray, np.ndarray]], cfg: MatchConfig) -> None:
        """BM25F: per-field length-normalized, weighted term frequencies, summed over fields, saturated."""
        n, V = self.n_firms, len(self.terms)
        weights = cfg.field_weights()
        tf_total = sp.csr_matrix((n, V), dtype=np.float32)
        bits_total = sp.csr_matrix((n, V), dtype=np.float32)
        for f, ((fname, _, _), (r, c)) in enumerate(zip(TEXT_FIELDS, fields)):
            tf = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(n, V))
            tf.sum_duplicates()
            lengths = np.bincount(r, minlength=n).astype(np.float64)
            avg = lengths[lengths > 0].mean() if (lengths > 0).any() else 1.0
            b = cfg.name_b if fname == "name" else cfg.b
            norm = (1.0 - b) + b * lengths / avg
            scale = weights[fname] / np.where(norm > 0, norm, 1.0)
            tf.data *= np.repeat(scale, np.diff(tf.indptr)).astype(np.float32)
            tf_total = tf_total + tf
            tf.data[:] = float(1 << f)
            bits_total = bits_total + tf
            del tf
        tf_total.sum_duplicates()
        bits_total.sum_duplicates()
        tf_total.sort_indices()
        bits_total.sort_indices()
        df = np.bincount(tf_total.indices, minlength=V).astype(np.float64)
        self.df = df
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5))
        sat = tf_total.data / (tf_total.data + np.float32(cfg.k1))
        weights_data = (self.idf[tf_total.indices] * sat).astype(np.float32)
        self.W = sp.csr_matrix((weights_data, tf_total.indices, tf_total.indptr), shape=(n, V))
        # which fields each (firm, term) occurs in, as bits (same sparsity as W; for explanations)
        self.field_bits = sp.csr_matrix((bits_total.data.astype(np.uint8), self.W.indices, self.W.indptr),
                                        shape=(n, V))
        del tf_total, bits_total, sat
        self._Wt = self.W.T.tocsr()

    def _build_spellings(self, vocabulary: _Vocabulary) -> None:
        """The directory's most frequent spelling of each term, and the words typos are corrected to."""
        V = len(self.terms)
        token_term = np.asarray(vocabulary.term, dtype=np.int64)
        order = np.lexsort((-vocabulary.count, token_term))
        surface = [""] * V
        seen = np.zeros(V, dtype=bool)
        for i in order.tolist():
            t = token_term[i]
            if t >= 0 and not seen[t]:
                seen[t] = True
                surface[t] = vocabulary.folded[i]
        self.surface = surface
        words: dict[str, int] = {}
        for tok, t in zip(vocabulary.folded, vocabulary.term):
            if t >= 0 and len(tok) >= 3 and tok.isalpha():
                words.setdefault(tok, t)
        self.fuzzy_words = list(words)
        self.fuzzy_terms = np.fromiter(words.values(), dtype=np.int64, count=len(words))
        self._token_term = dict(zip(vocabulary.folded, vocabulary.term))

    # ------------------------------------------------------------------ lookups

    def lookup(self, token: str) -> int | None:
        """The term id of a word (as the directory spells it, else by its stem), or None."""
        t = self._token_term.get(token)
        if t is None:
            t = self._term_index.get(stem(token))
        return t if t is not None and t >= 0 else None

    def term_of_stem(self, stem_: str) -> int | None:
        """The term id of a stem, or None."""
        return self._term_index.get(stem_)

    # ------------------------------------------------------------------ scoring

    def query_matrix(self, queries: Sequence["QueryTerms"], *, keep: bool = False) -> tuple[sp.csr_matrix, np.ndarray]:
        """``(Q, denom)``: the queries as an (m x V) matrix of term weights (each row's terms in ascending
        term order), and each query's idf mass (the coverage denominator: each slot counted once, at its
        heaviest term).

        With ``keep``, each query's row is kept (per query object, which must not change: the matcher's
        prepared queries) and a query seen before is not gone through again: the same matrix. A single kept
        query's ``(Q, denom)`` are kept whole (read-only): building a sparse matrix costs more than a shortlist's
        ranking of it."""
        if keep and len(queries) == 1:
            found = self._rows.get(queries[0], "matrix")
            if found is None:
                found = self._rows.put(queries[0], self._single_matrix(queries[0]), "matrix")
            return found
        rows = [self._kept_row(q) for q in queries] if keep else [self._query_row(q) for q in queries]
        m = len(queries)
        indptr = np.zeros(m + 1, dtype=np.int32)
        np.cumsum([len(row[0]) for row in rows], out=indptr[1:])
        cols = np.concatenate([row[0] for row in rows]) if m else np.empty(0, dtype=np.int32)
        vals = np.concatenate([row[1] for row in rows]) if m else np.empty(0, dtype=np.float32)
        denom = np.array([row[2] for row in rows], dtype=np.float64)
        Q = sp.csr_matrix((vals, cols, indptr), shape=(m, len(self.terms)))
        return Q, denom

    def _single_matrix(self, q: "QueryTerms") -> tuple[sp.csr_matrix, np.ndarray]:
        cols, vals, mass = self._kept_row(q)
        Q = sp.csr_matrix((vals.copy(), cols.copy(), np.array([0, len(cols)], dtype=np.int32)),
                          shape=(1, len(self.terms)))
        denom = np.array([mass], dtype=np.float64)
        for array in (Q.data, Q.indices, Q.indptr, denom):
            array.flags.writeable = False
        return Q, denom

    def _kept_row(self, q: "QueryTerms") -> tuple[np.ndarray, np.ndarray, float]:
        found = self._rows.get(q)
        return found if found is not None else self._rows.put(q, self._query_row(q))

    def _query_row(self, q: "QueryTerms") -> tuple[np.ndarray, np.ndarray, float]:
        """One query's row of :meth:`query_matrix`: its term ids (ascending), their weights, its idf mass."""
        idf = self.idf
        best_at: dict[int, float] = {}
        for term in q.terms:
            slot = term.slot if term.slot >= 0 else term.position
            best_at[slot] = max(best_at.get(slot, 0.0), idf[term.term] * term.weight)
        ordered = sorted(q.terms, key=lambda t: t.term)
        cols = np.array([t.term for t in ordered], dtype=np.int32)
        vals = np.array([t.weight for t in ordered], dtype=np.float32)
        cols.flags.writeable = vals.flags.writeable = False
        return cols, vals, sum(best_at.values())

    def clear_caches(self) -> None:
        """Forget the query rows kept (:meth:`query_matrix` with ``keep``)."""
        self._rows.clear()
        self._text_rows.clear()

    def score_block(self, Q: sp.csr_matrix) -> np.ndarray:
        """BM25F scores (m x n, float32) of the queries for every firm: each query term's posting list
        (its column of :attr:`W`) added in, weighted, in ascending term order -- the same float32 sums as
        ``Q @ W.T`` -- without building a sparse result."""
        m = Q.shape[0]
        if m >= 8:  # many queries: scipy's product (one C loop) is faster than one per term
            return (Q @ self._Wt).toarray()
        out = np.zeros((m, self.n_firms), dtype=np.float32)
        indptr, indices, data = self._Wt.indptr, self._Wt.indices, self._Wt.data
        q_ptr, q_terms, q_weights = Q.indptr.tolist(), Q.indices.tolist(), Q.data
        for i in range(m):
            row = out[i]
            for j in range(q_ptr[i], q_ptr[i + 1]):
                t = q_terms[j]
                a, b = indptr[t], indptr[t + 1]
                row[indices[a:b]] += q_weights[j] * data[a:b]
        return out

    def score_queries(self, queries: Sequence["QueryTerms"], Q: sp.csr_matrix) -> np.ndarray:
        """:meth:`score_block` of ``Q``, the query matrix of ``queries`` (:meth:`query_matrix`), each query's
        row kept (per query object, which must not change: the matcher's prepared queries; as many as fit in
        about :data:`KEPT_TEXT_BYTES`): a query seen before takes the row computed then (a row is the same
        float32 sums in any block), only the others are scored."""
        cache = self._text_rows
        kept = [cache.get(q) for q in queries]
        missing = [i for i, found in enumerate(kept) if found is None]
        if len(missing) == len(queries):
            out = self.score_block(Q)
        else:
            out = np.empty((len(queries), self.n_firms), dtype=np.float32)
            for i, found in enumerate(kept):
                if found is not None:
                    out[i] = found
            if missing:
                out[missing] = self.score_block(Q[np.asarray(missing, dtype=np.int64)])
        for i in missing:
            row = out[i].copy()
            row.flags.writeable = False
            cache.put(queries[i], row)
        return out

    def kept_scores(self, query: "QueryTerms") -> np.ndarray | None:
        """The scores (n, float32, read-only) :meth:`score_queries` keeps for ``query``, or None when none are
        kept (a single need read before ranks on them as they are, without a copy)."""
        return self._text_rows.get(query)

    def matched_fields(self, Q: sp.csr_matrix, need_pos: np.ndarray, firms: np.ndarray) \
            -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each result row (query ``need_pos[r]``, firm ``firms[r]``): the query's terms the firm has and
        the bits of the fields they occur in, as ``(indptr, terms, bits)`` (row ``r``'s terms, ascending,
        are ``terms[indptr[r]:indptr[r + 1]]``)."""
        rows = len(firms)
        if Q.shape[0] == 1 and len(Q.indices) and (len(Q.indices) == 1 or (np.diff(Q.indices) > 0).all()):
            # one query (its terms ascending, each once): each firm's terms looked up among the query's
            q_cols = Q.indices
            f_rows, f_at = _ragged(self.field_bits.indptr, np.asarray(firms, dtype=np.int64))
            f_terms = self.field_bits.indices[f_at]
            at = np.minimum(np.searchsorted(q_cols, f_terms), len(q_cols) - 1)
            found = q_cols[at] == f_terms
            indptr = np.zeros(rows + 1, dtype=np.int64)
            np.cumsum(np.bincount(f_rows[found], minlength=rows), out=indptr[1:])
            return indptr, f_terms[found].astype(np.int64), self.field_bits.data[f_at[found]]
        q_rows, q_terms = _ragged(Q.indptr, np.asarray(need_pos, dtype=np.int64))
        f_rows, f_at = _ragged(self.field_bits.indptr, np.asarray(firms, dtype=np.int64))
        V = max(len(self.terms), 1)
        q_key = q_rows * V + Q.indices[q_terms]
        f_key = f_rows * V + self.field_bits.indices[f_at]
        at = np.searchsorted(f_key, q_key)
        found = at < len(f_key)
        found[found] = f_key[at[found]] == q_key[found]
        hit_rows = q_rows[found]
        indptr = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(hit_rows, minlength=rows), out=indptr[1:])
        return indptr, Q.indices[q_terms[found]].astype(np.int64), self.field_bits.data[f_at[at[found]]]

    def __len__(self) -> int:
        return len(self.terms)


def _ragged(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(which of rows, position)`` of every stored entry of the CSR rows ``rows`` (in order)."""
    starts = indptr[rows].astype(np.int64)
    lengths = indptr[rows + 1].astype(np.int64) - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    offsets = np.cumsum(lengths) - lengths
    return owner, np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, lengths)
