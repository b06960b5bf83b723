"""Engine stage 4, industry inference: which 4-digit NAICS industry groups a need points at.

The directory's own text teaches which industry groups words point at (a
multinomial naive Bayes over groups, trained on the firms' indexed text), and
a need's strongest text matches vote for their groups (pseudo-relevance
feedback, ``MatchConfig.feedback_depth``). The two are averaged into a
probability per group, and a reader's NAICS hints are mixed in
(``hint_weight``, the same for English and Korean needs). With
``MatchConfig.fine_hints`` the part of a hint given by a finer code (5 or 6
digits) goes to the firms of that code: :meth:`IndustryModel.probabilities`
reports those parts, and the industry signal adds each on top for the code's
firms and takes it from the rest of their group.
:class:`NaicsCodes` says how closely each firm's code matches stated codes.
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from .caching import BoundedCache
from .config import MatchConfig
from .firms import column, positions
from .query import QueryTerms
from .text_index import TextIndex

#: Result rows up to which :meth:`IndustryModel.naics_levels` goes row by row (numpy's fixed costs exceed it).
_FEW_ROWS = 32

__all__ = ["NaicsCodes", "IndustryModel", "STATED_LEVEL_SCORES"]

#: Values of ``naics_match``, closest first.
NAICS_MATCH_LEVELS: tuple[str, ...] = ("exact", "industry", "subsector", "sector", "none")

#: Score of a NAICS-only need's firm by its stated-code level (0 none, 1 sector, 2 subsector, 3 industry, 4 exact).
STATED_LEVEL_SCORES = np.array([0.0, 40.0, 60.0, 80.0, 100.0])


class NaicsCodes:
    """The firms' NAICS codes as integer prefixes of 2 to 6 digits (-1 where a firm has none)."""

    def __init__(self, table: pa.Table) -> None:
        naics = column(table, "naics_code")
        self.prefix: dict[int, np.ndarray] = {}
        for L in (2, 3, 4, 5, 6):
            prefix = pc.utf8_slice_codeunits(naics, 0, L)
            ok = pc.match_substring_regex(prefix, r"^\d+$").fill_null(False)
            digits = pc.if_else(ok, prefix, pa.scalar("-1"))
            self.prefix[L] = np.asarray(pc.cast(digits.fill_null("-1"), pa.int64()), dtype=np.int64)
        self.n_firms = table.num_rows

    def in_codes(self, codes: Sequence[str]) -> np.ndarray:
        """Firms whose code starts with one of ``codes``."""
        ok = np.zeros(self.n_firms, dtype=bool)
        for code in codes:
            ok |= self.prefix[len(code)] == int(code)
        return ok

    def stated_levels(self, codes: Sequence[str]) -> np.ndarray:
        """Closeness of each firm to the stated codes: 4 exact, 3 industry, 2 subsector, 1 sector, 0 none.

        A firm in a stated 5-digit code is in its 4-digit industry, so it gets 3 from the 4-digit prefix.
        """
        level = np.zeros(self.n_firms, dtype=np.int8)
        for code in codes:
            for L, value in ((6, 4), (4, 3), (3, 2), (2, 1)):
                if len(code) >= L:
                    hit = self.prefix[L] == int(code[:L])
                    level = np.maximum(level, np.where(hit, value, 0).astype(np.int8))
        return level


class IndustryModel:
    """Naive Bayes word -> industry group model over one directory, plus feedback and hints at query time.

    Attributes:
        groups: the 4-digit industry groups, sorted.
        firm_group: each firm's group index (-1: no NAICS code).
    """

    def __init__(self, table: pa.Table, index: TextIndex, config: MatchConfig) -> None:
        self.config = config
        naics = column(table, "naics_code")
        group_codes = pc.utf8_slice_codeunits(naics, 0, 4)
        groups = pc.unique(group_codes.drop_null()).sort().to_pylist() if naics.null_count < len(naics) else []
        self.groups = groups
        G = len(groups)
        gidx = positions(group_codes, groups)
        self.firm_group = gidx
        n, V = index.W.shape
        has = gidx >= 0
        sizes = np.bincount(gidx[has], minlength=G).astype(np.float64)
        self.group_size = sizes
        self.group_prefix = {L: np.array([int(g[:L]) for g in groups], dtype=np.int64) for L in (2, 3, 4)}
        #: each group's subsector and sector, numbered from 0 (naics_levels scatters into them)
        self._subsector_of = np.unique(self.group_prefix[3], return_inverse=True)[1].reshape(-1)
        self._sector_of = np.unique(self.group_prefix[2], return_inverse=True)[1].reshape(-1)
        self._subsector_list, self._sector_list = self._subsector_of.tolist(), self._sector_of.tolist()
        #: NAICS hint set -> groups_matching of it (read-only)
        self._matching: BoundedCache[np.ndarray] = BoundedCache(4096)
        if G == 0:
            self._nb = sp.csr_matrix((V, 0), dtype=np.float64)
            self._nb_const = np.zeros(0)
            return
        # firm -> group membership; counts of firms per (group, term)
        M = sp.csr_matrix((np.ones(has.sum()), (gidx[has], np.flatnonzero(has))), shape=(G, n))
        B = index.W.copy()
        B.data[:] = 1.0
        C = (M @ B).tocsr()
        alpha = config.nb_alpha
        totals = np.asarray(C.sum(axis=1)).ravel()
        L = C.copy()
        L.data = np.log1p(L.data / alpha)
        self._nb = L.T.tocsr()  # V x G
        prior = np.log((sizes + 1.0) / (sizes.sum() + G))
        self._nb_per_term = math.log(alpha) - np.log(totals + alpha * V)  # added once per query word
        self._nb_const = prior

    def __len__(self) -> int:
        return len(self.groups)

    def clear_caches(self) -> None:
        """Forget the groups kept per NAICS hint set."""
        self._matching.clear()

    # ------------------------------------------------------------------ query time

    def probabilities(self, Q: sp.csr_matrix, text: np.ndarray, coverage: np.ndarray | Callable,
                      queries: Sequence[QueryTerms], fine_hints: list | None = None) -> np.ndarray:
        """Industry probabilities (m x G): naive Bayes over words + feedback from the best text hits + hints.

        ``text``: the (m x n) text scores; ``coverage``: the (m x n) coverage, or a function giving it at
        ``(rows, firms)`` (index arrays of one shape) so that it is computed only for the strongest hits.
        ``fine_hints``: a list that gets, for each need, the parts of its hint mass that only finer codes
        (5 or 6 digits) name within a group, as ``[(prefixes, mass over groups), ...]``.
        """
        m, n = text.shape
        G = len(self.groups)
        has_text = np.array([bool(q.terms) for q in queries])
        industry = np.zeros((m, G))
        best = np.ones(m)
        if G and has_text.any():
            nb = self._naive_bayes(Q)
            industry, best = self._with_feedback(nb, text, coverage)
            industry[~has_text] = 0.0
        self._mix_hints(industry, queries, fine_hints, best)
        return industry

    def _naive_bayes(self, Q: sp.csr_matrix) -> np.ndarray:
        m = Q.shape[0]
        if m <= 4:  # a few needs: their terms' rows of the model added in (the same sums as the sparse
            # product, in the same order, without building its sparse result)
            logits = np.zeros((m, self._nb.shape[1]))
            indptr, indices, data = self._nb.indptr, self._nb.indices, self._nb.data
            q_ptr, q_terms, q_weights = Q.indptr.tolist(), Q.indices.tolist(), Q.data
            for i in range(m):
                row = logits[i]
                for j in range(q_ptr[i], q_ptr[i + 1]):
                    a, b = indptr[q_terms[j]], indptr[q_terms[j] + 1]
                    row[indices[a:b]] += q_weights[j] * data[a:b]
            # each need's summed term weights, as ``Q.sum(axis=1)`` adds them (float32, by reduceat)
            nterms = np.zeros(m, dtype=Q.dtype)
            rows = np.flatnonzero(np.diff(Q.indptr))
            if len(rows):
                nterms[rows] = np.add.reduceat(Q.data, Q.indptr[rows])
        else:
            logits = np.asarray((Q @ self._nb).todense(), dtype=np.float64)
            nterms = np.asarray(Q.sum(axis=1)).ravel()
        logits += self._nb_const[None, :] + nterms[:, None] * self._nb_per_term[None, :]
        logits /= np.maximum(1.0, np.sqrt(nterms))[:, None]
        logits -= logits.max(axis=1, keepdims=True)
        nb = np.exp(logits)
        nb /= nb.sum(axis=1, keepdims=True)
        if not self.config.word_industry_model:
            nb[:] = 0.0
        return nb

    def _with_feedback(self, nb: np.ndarray, text: np.ndarray, coverage: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray]:
        """Mix in the industry groups of each need's ``feedback_depth`` strongest text matches; also returns each
        need's best coverage among them (1 without feedback)."""
        cfg = self.config
        m, n = text.shape
        G = len(self.groups)
        k = min(cfg.feedback_depth, n)
        if k <= 0:
            return nb, np.ones(m)
        top_idx = np.argpartition(-text, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (m, 1))
        top_scores = coverage(np.arange(m)[:, None], top_idx) if callable(coverage) else \
            np.take_along_axis(coverage, top_idx, axis=1)
        top_groups = self.firm_group[top_idx]
        prf = np.zeros((m, G))
        valid = top_groups >= 0
        np.add.at(prf, (np.nonzero(valid)[0], top_groups[valid]), top_scores[valid])
        totals = prf.sum(axis=1, keepdims=True)
        prf = np.divide(prf, totals, out=np.zeros_like(prf), where=totals > 0)
        mix = 0.5 if cfg.word_industry_model else 1.0
        best = top_scores.max(axis=1) if top_scores.size else np.ones(m)
        return np.where(totals > 0, (1 - mix) * nb + mix * prf, nb), np.asarray(best, dtype=np.float64)

    def _mix_hints(self, industry: np.ndarray, queries: Sequence[QueryTerms],
                   fine: list | None = None, best: np.ndarray | None = None) -> None:
        """Raise the groups a reader's NAICS hints name (in place; a need with no words: the hints alone).

        ``best``: each need's best text coverage among its strongest text matches (below
        ``MatchConfig.weak_text_coverage`` the hints take more of the probability, up to ``hint_weight``).

        With ``fine`` (a list), appends for each need the parts of its hint mass that only finer codes (5 or
        6 digits) name within a group: ``[(prefixes, mass over groups), ...]``.
        """
        G = len(self.groups)
        for i, q in enumerate(queries):
            parts: list[tuple[tuple[str, ...], np.ndarray]] = []
            # the hints speak for the words concepts read: a need mostly of other words keeps its own say
            share = getattr(self.config, q.hint_setting) * getattr(q, "hint_coverage", 1.0) ** 2
            # ... unless those other words find next to nothing (no firm matches much of the need): then the
            # industries the concepts point at decide, up to the full hint share
            weak_text = getattr(self.config, "weak_text_coverage", 0.0)
            if weak_text > 0 and best is not None:
                weak = min(1.0, max(0.0, 1.0 - float(best[i]) / weak_text))
                share = max(share, getattr(self.config, q.hint_setting) * weak)
            if q.naics_hints and G and share > 0:
                hint = np.zeros(G)
                for hints in getattr(q, "hint_sets", ()) or (q.naics_hints,):
                    # each concept weighs the same, over its groups
                    groups = self._matching.get_or_build(tuple(hints), self._kept_groups_matching, hints)
                    if groups.any():
                        mass = groups / groups.sum()
                        hint += mass
                        finer = tuple(h for h in hints if len(h) > 4)
                        if finer and fine is not None:
                            only_fine = mass * (1.0 - self.groups_matching([h for h in hints if len(h) <= 4]))
                            if only_fine.any():
                                parts.append((finer, only_fine))
                if hint.any():
                    total = hint.sum()
                    hint /= total
                    weight = share if q.terms else 1.0
                    industry[i] = (1 - share) * industry[i] + share * hint if q.terms else hint
                    parts = [(prefixes, mass * (weight / total)) for prefixes, mass in parts]
                else:
                    parts = []
            else:
                parts = []
            if fine is not None:
                fine.append(parts)

    def _kept_groups_matching(self, prefixes: Sequence[str]) -> np.ndarray:
        """:meth:`groups_matching`, read-only (it is kept and shared)."""
        groups = self.groups_matching(prefixes)
        groups.flags.writeable = False
        return groups

    def groups_matching(self, prefixes: Sequence[str]) -> np.ndarray:
        """1 for each group under one of the NAICS prefixes, else 0."""
        hit = np.zeros(len(self.groups))
        for p in prefixes:
            L = min(len(p), 4)
            hit[self.group_prefix[L] == int(p[:L])] = 1.0
        return hit

    def naics_levels(self, stated: np.ndarray, firms: np.ndarray, industry: np.ndarray,
                     need_pos: np.ndarray) -> tuple[list[int], list[bool]]:
        """The NAICS match level of each row (firm ``firms[r]`` of need ``need_pos[r]``, stated-code level
        ``stated[r]``): ``(position in NAICS_MATCH_LEVELS, from_stated_codes)`` per row, the closer of the
        stated-code level and the inferred one, the groups each need points at being those of probability
        ``industry[need] >= industry_threshold``."""
        stated_list = np.asarray(stated).tolist()
        if not len(self.groups):
            return [4 - s for s in stated_list], [s > 0 for s in stated_list]
        if len(stated_list) <= _FEW_ROWS:
            return self._few_naics_levels(stated_list, firms, industry, need_pos)
        # the groups each need points at (m x G), and the subsectors and sectors they are in (one scatter each)
        pointed = np.asarray(industry) >= self.config.industry_threshold
        need_of, group_of = np.nonzero(pointed)
        subsectors = np.zeros((len(pointed), self._subsector_of.max() + 1), dtype=bool)
        subsectors[need_of, self._subsector_of[group_of]] = True
        sectors = np.zeros((len(pointed), self._sector_of.max() + 1), dtype=bool)
        sectors[need_of, self._sector_of[group_of]] = True
        stated = np.asarray(stated, dtype=np.int64)
        need_pos = np.asarray(need_pos, dtype=np.int64)
        groups = self.firm_group[firms]
        has_group = groups >= 0
        g = np.where(has_group, groups, 0)
        # the inferred level's position in NAICS_MATCH_LEVELS: 1 industry, 2 subsector, 3 sector, 4 none
        inferred = np.select([pointed[need_pos, g], subsectors[need_pos, self._subsector_of[g]],
                              sectors[need_pos, self._sector_of[g]]], [1, 2, 3], 4)
        inferred[~has_group] = 4
        level = 4 - stated  # the stated level's position (4: none)
        from_stated = (stated > 0) & (level <= inferred)
        return np.where(from_stated, level, inferred).tolist(), from_stated.tolist()

    def _few_naics_levels(self, stated: list[int], firms: np.ndarray, industry: np.ndarray,
                          need_pos: np.ndarray) -> tuple[list[int], list[bool]]:
        """:meth:`naics_levels` of a few rows (a single shortlist's), row by row: the same levels without the
        (m x subsectors) and (m x sectors) tables."""
        threshold = self.config.industry_threshold
        subsector_of, sector_of = self._subsector_list, self._sector_list
        pointed: dict[int, tuple[set[int], set[int], set[int]]] = {}
        levels, from_stated = [], []
        for s, i, g in zip(stated, np.asarray(need_pos).tolist(), self.firm_group[firms].tolist()):
            sets = pointed.get(i)
            if sets is None:
                groups = np.flatnonzero(np.asarray(industry[i]) >= threshold)
                sets = pointed[i] = (set(groups.tolist()), set(self._subsector_of[groups].tolist()),
                                     set(self._sector_of[groups].tolist()))
            if g < 0:
                inferred = 4
            elif g in sets[0]:
                inferred = 1
            elif subsector_of[g] in sets[1]:
                inferred = 2
            elif sector_of[g] in sets[2]:
                inferred = 3
            else:
                inferred = 4
            level = 4 - s
            stated_wins = s > 0 and level <= inferred
            levels.append(level if stated_wins else inferred)
            from_stated.append(stated_wins)
        return levels, from_stated
