"""Verify stage 4, scoring and corroboration: rapidfuzz name scores, phone/website/ZIP evidence, name statuses.

A candidate pair's name score is the best of: 100 for the same key, 99 for the
same key but for spaces; a typo score (OSA edits, each costing more the shorter
the differing words and less the more words the names share, counted against
the words as typed); the same on the core names minus 3 when a generic word is
missing or 15 when it is a different one; 94 for the same words in another
order; and 0.95 x plain similarity (``fuzz.ratio``). Different legal forms on
both sides cost :data:`LEGAL_FORM_PENALTY`. Corroborating columns then add or
take off points (:func:`corroborate`), and :func:`decide` gives each row its
status from its best candidate and the best other firm.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .inputs import VerifyInput
from .normalize import NameKeys

__all__ = [
    "DEFAULT_THRESHOLD",
    "POSSIBLE_BAND",
    "AMBIGUITY_MARGIN",
    "LEGAL_FORM_PENALTY",
    "REORDERED_PENALTY",
    "STATUSES",
    "PAIR_COLUMNS",
    "CORROBORATION",
    "check_threshold",
    "NameScorer",
    "corroborate",
    "rank_candidates",
    "Decision",
    "decide",
    "records",
    "RowRecords",
    "DistinctiveWords",
    "TRADE_WORD_SHARE",
    "TRADE_WORD_FLOOR",
    "EVIDENCE_SHARE",
]

#: Score at or above which a unique best candidate is a ``strong`` match; the default of
#: :func:`match_names` and :meth:`NameIndex.match`.
DEFAULT_THRESHOLD: float = 90.0

#: Scores in ``[threshold - POSSIBLE_BAND, threshold)`` are ``possible`` (review them).
POSSIBLE_BAND: float = 15.0

#: A best candidate must lead the best *other* firm by more than this many points to be
#: ``strong``; otherwise the row is ``possible`` and the reasons name the rival.
AMBIGUITY_MARGIN: float = 3.0

#: Points off when both names carry a legal form and they differ ("Acme LLC" for "Acme
#: Inc."): larger than :data:`AMBIGUITY_MARGIN`, so the firm whose legal form agrees wins.
LEGAL_FORM_PENALTY: float = 4.0

#: Points off for the same words in another order ("Smith Jones" for "Jones Smith").
REORDERED_PENALTY: float = 6.0

#: A name word found in more than this share of the directory's names is a trade word
#: ("construction", "electric"): sharing one is no evidence of the same firm.
TRADE_WORD_SHARE: float = 0.005

#: ... and in more than this many names (a small directory's counts say little).
TRADE_WORD_FLOOR: int = 5

#: A ``possible`` below the threshold needs the candidate to share (exactly or but for a typo) at least this
#: share of the input's distinctive name words, weighed by their IDF over the directory's names.
EVIDENCE_SHARE: float = 0.5

#: Every status a row can have, best first.
STATUSES: tuple[str, ...] = ("exact", "strong", "possible", "none", "invalid")

#: Columns of the scored (query, alias) candidate pairs, with their dtypes.
PAIR_COLUMNS: dict[str, str] = {"q": "int64", "a": "int64", "firm": "int64", "score": "float64", "how": "object",
                                "legal_conflict": "bool", "generic": "object", "q_legal": "int64",
                                "a_legal": "int64", "q_generic": "int64", "a_generic": "int64"}

#: How each corroborating column counts: (label in reasons, points when it agrees, points off when it differs).
CORROBORATION: dict[str, tuple[str, float, float]] = {
    "phone": ("phone", 10.0, 6.0),
    "domain": ("website domain", 10.0, 6.0),
    "zip": ("ZIP", 4.0, 3.0),
}

#: The weight of plain similarity (``fuzz.ratio``, 0-100) in a name score.
_SIMILAR_WEIGHT = 0.95

#: The ways a name can match, in the order of :meth:`NameScorer.score`'s options.
_HOW = np.asarray(["exact", "spacing", "typo", "core", "reordered", "similar"], dtype=object)


def check_threshold(threshold: Any) -> float:
    """``threshold`` as a float when it is a number from 0 to 100; else ``ValueError`` naming it."""
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real) or not 0 <= threshold <= 100:
        raise ValueError(f"threshold must be a number from 0 to 100, got {threshold!r}")
    return float(threshold)


def _lengths(strings: np.ndarray) -> np.ndarray:
    if not len(strings):
        return np.zeros(0, dtype=np.float64)
    return np.asarray(pc.utf8_length(pa.array(list(strings), pa.string())), dtype=np.float64)


def _compact(keys: np.ndarray) -> np.ndarray:
    if not len(keys):
        return np.empty(0, dtype=object)
    joined = pc.replace_substring(pa.array(list(keys), pa.string()), " ", "")
    return np.asarray(joined.to_numpy(zero_copy_only=False), dtype=object)


class NameScorer:
    """Name scores of (query, alias) pairs against the directory's name keys (``aliases``)."""

    def __init__(self, aliases: NameKeys, alias_firm: np.ndarray, *, workers: int = -1):
        self.aliases = aliases
        self.alias_firm = alias_firm
        self.workers = workers
        words = pc.list_flatten(pc.split_pattern(pa.array(list(aliases.key), pa.string()), " "))
        self._vocab_array = pc.unique(words.filter(pc.not_equal(words, "")))  # in order of first use
        self._alias_tok = self.token_matrix(aliases.key, weighted=True)
        self._alias_core_tok = self.token_matrix(aliases.core, weighted=True)
        self._alias_core_compact = _compact(aliases.core)
        self._alias_len = _lengths(aliases.compact)
        self._alias_core_len = _lengths(self._alias_core_compact)

    def token_matrix(self, keys: Sequence[str], weighted: bool = False) -> sp.csr_matrix:
        """Words of each key as a sparse row (known words only): 1, or the word's length if weighted."""
        vocab = self._vocab_array
        lists = pc.split_pattern(pa.array(list(keys), pa.string()), " ")
        words = pc.list_flatten(lists)
        rows = np.asarray(pc.list_parent_indices(lists), dtype=np.int64)
        cols = np.asarray(pc.index_in(words, value_set=vocab).fill_null(-1), dtype=np.int64)
        known = cols >= 0
        rows, cols = rows[known], cols[known]
        lengths = np.asarray(pc.utf8_length(words), dtype=np.float64)[known]
        # each word once per key
        _, first = np.unique(rows * max(len(vocab), 1) + cols, return_index=True)
        rows, cols, lengths = rows[first], cols[first], lengths[first]
        vals = lengths if weighted else np.ones(len(rows))
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(keys), len(vocab)))

    def score(self, qk: NameKeys, q: np.ndarray, a: np.ndarray) -> pd.DataFrame:
        """The pairs (``q``: positions in ``qk``, ``a``: alias positions) with their name scores and how they
        matched: columns :data:`PAIR_COLUMNS`.

        Each similarity is computed only for the pairs where it can decide the score (the others would
        not change the best option, so the values are those of computing every option for every pair):
        nothing beyond the key for a pair with the same key (100, and "exact" comes first); the typo score
        on the words as typed only where a side's words were mapped (elsewhere it equals the one on the
        keys); the core only where the generic words differ; the reordered and plain similarities only
        where the options before them stay below what those can reach (reordered 94, plain similarity 95;
        a tie goes to the option before)."""
        if len(q) == 0:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in PAIR_COLUMNS.items()})
        al = self.aliases
        exact = qk.key[q] == al.key[a]
        spacing = ~exact & (qk.compact[q] == al.compact[a])
        # Typo scores on the whole key and on the core; the core counts only when generic words differ.
        full, core, generic_conflict = self._edit_scores(qk, q, a, np.flatnonzero(~exact))
        ahead = np.maximum.reduce([np.where(exact, 100.0, 0.0), np.where(spacing, 99.0, 0.0), full, core])
        open_ = np.flatnonzero(ahead < max(100.0 - REORDERED_PENALTY, 100.0 * _SIMILAR_WEIGHT))
        oq, oa = q[open_], a[open_]
        r_sort = np.zeros(len(q))
        similar = np.zeros(len(q))
        if len(open_):
            r_open = self._pairwise(fuzz.token_sort_ratio, qk.key, al.key, oq, oa)
            r_sort[open_] = r_open
            # Plain similarity counts for less: it finds candidates to review, while a strong
            # match should rest on one of the explanations above.
            similar[open_] = _SIMILAR_WEIGHT * np.maximum.reduce([self._pairwise(fuzz.ratio, qk.key, al.key, oq, oa),
                                                       self._pairwise(fuzz.ratio, qk.compact, al.compact, oq, oa),
                                                       r_open])
        reordered = np.where(r_sort == 100.0, 100.0 - REORDERED_PENALTY, 0.0)
        options = np.stack([np.where(exact, 100.0, 0.0), np.where(spacing, 99.0, 0.0),
                            full, core, reordered, similar])
        best = options.argmax(axis=0)
        score = options.max(axis=0)
        # Different legal forms on both sides cost points.
        lq, la = qk.legal[q], al.legal[a]
        legal_conflict = (lq != 0) & (la != 0) & ((lq & la) == 0)
        score = score - np.where(legal_conflict, LEGAL_FORM_PENALTY, 0.0)
        generic_note = np.where(best == 3, np.where(generic_conflict, "conflict", "missing"), "")
        return pd.DataFrame({
            "q": q, "a": a, "firm": self.alias_firm[a], "score": score, "how": _HOW[best],
            "legal_conflict": legal_conflict, "generic": generic_note,
            "q_legal": lq, "a_legal": la, "q_generic": qk.generic[q], "a_generic": al.generic[a],
        })

    def _pairwise(self, scorer: Any, left: np.ndarray, right: np.ndarray, q: np.ndarray,
                  a: np.ndarray) -> np.ndarray:
        return process.cpdist(list(left[q]), list(right[a]), scorer=scorer, workers=self.workers,
                              dtype=np.float64 if scorer is not OSA.distance else np.int32)

    def _edit_scores(self, qk: NameKeys, q: np.ndarray, a: np.ndarray,
                     rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Typo scores of the whole keys and of the cores (0 where the generic words agree), and where the
        generic words conflict (each side has one the other lacks); computed for the pairs ``rows``
        (positions in ``q``/``a``; default all), 0 elsewhere."""
        al = self.aliases
        n = len(q)
        rows = np.arange(n) if rows is None else rows
        full, core = np.zeros(n), np.zeros(n)
        gq, ga = qk.generic[q], al.generic[a]
        generic_diff = gq != ga
        generic_conflict = ((gq & ~ga) != 0) & ((ga & ~gq) != 0)
        if not len(rows):
            return full, core, generic_conflict
        rq, ra = q[rows], a[rows]
        edits = self._pairwise(OSA.distance, qk.compact, al.compact, rq, ra)
        # the words as typed differ from the key only where a side's words were mapped
        typed = np.flatnonzero((qk.literal[rq] != qk.compact[rq]) | (al.literal[ra] != al.compact[ra]))
        if len(typed):
            edits[typed] = np.minimum(edits[typed],
                                      self._pairwise(OSA.distance, qk.literal, al.literal, rq[typed], ra[typed]))
        full[rows] = _edit_score(edits.astype(np.float64), _lengths(qk.compact), self._alias_len,
                                 self.token_matrix(qk.key), self._alias_tok, rq, ra)
        differ = rows[generic_diff[rows]]
        if len(differ):
            dq, da = q[differ], a[differ]
            core_compact = _compact(qk.core)
            core_edits = self._pairwise(OSA.distance, core_compact, self._alias_core_compact, dq, da)
            core_score = _edit_score(core_edits.astype(np.float64), _lengths(core_compact), self._alias_core_len,
                                     self.token_matrix(qk.core), self._alias_core_tok, dq, da)
            core[differ] = core_score - np.where(generic_conflict[differ], 15.0, 3.0)
        return full, core, generic_conflict


def _edit_score(edits: np.ndarray, left_len: np.ndarray, right_len: np.ndarray,
                q_tokens: sp.csr_matrix, a_tokens: sp.csr_matrix, q: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Score of each pair (``q``, ``a``: its positions on each side) from its edit count (``*_len``: the
    lengths of the compact keys on each side)."""
    # Edits (OSA: a transposition is one) cost more the shorter the words that differ
    # (a typo in a long word is cheap; "JV" for "DN" is no typo) and less the more of
    # the name the two share word for word ("Musika" backs up "LAC" for "ALC");
    # a second edit costs 5 points more than the first.
    shared = np.asarray(q_tokens[q].multiply(a_tokens[a]).sum(axis=1), dtype=np.float64).ravel()
    longer = np.maximum(left_len[q], right_len[a])
    differ = np.maximum(longer - shared, 1.0)
    cost = 3.0 + 24.0 / differ - 4.0 * shared / np.maximum(longer, 1.0)
    return 100.0 - edits * cost - 5.0 * np.maximum(edits - 1.0, 0.0)


class DistinctiveWords:
    """IDF of the name words over the directory's names (``cores``: each alias's core key), and whether a
    candidate shares an input's distinctive words, which a ``possible`` match needs.

    A word is *distinctive* unless it is a trade word (in more than :data:`TRADE_WORD_SHARE` of the
    names and more than :data:`TRADE_WORD_FLOOR`); legal forms and generic words are not in the core keys at all. A word is
    *shared* with the other name when that has the same word, the same letters in another order (three
    letters or more), one a typo away (OSA distance 1 for words of five letters or more, 2 for eight or
    more with the same first letter), or holds it inside a run-together word ("burghergray" holds
    "gray"). :meth:`plausible` asks that the shared distinctive words carry more than
    :data:`EVIDENCE_SHARE` of the distinctive IDF weight of the input or of the candidate (so a
    leading typo such as "hTe" does not hide the shared "Brinn"); a name made only of trade words is
    plausible only against a name made only of trade words, all of its words shared.
    """

    def __init__(self, cores: Sequence[str]):
        lists = pc.split_pattern(pa.array(list(cores), pa.string()), " ")
        words = pc.list_flatten(lists)
        parent = np.asarray(pc.list_parent_indices(lists), dtype=np.int64)
        encoded = pc.dictionary_encode(words)
        codes = np.asarray(encoded.indices, dtype=np.int64)
        vocab = encoded.dictionary.to_pylist()
        pairs = np.unique(parent * max(len(vocab), 1) + codes)  # each word once per name
        counts = np.bincount(pairs % max(len(vocab), 1), minlength=len(vocab))
        self.n = max(len(cores), 1)
        self._df = {w: int(c) for w, c in zip(vocab, counts.tolist()) if w}
        self._trade = max(TRADE_WORD_FLOOR, TRADE_WORD_SHARE * self.n)

    def idf(self, word: str) -> float:
        """log((1 + n) / (1 + df)) + 1 of a word (an unknown word has df 0)."""
        return float(np.log((1 + self.n) / (1 + self._df.get(word, 0))) + 1.0)

    def is_trade(self, word: str) -> bool:
        """Whether a word is a trade word of this directory (see the class notes)."""
        return self._df.get(word, 0) > self._trade

    def plausible(self, q_cores: Sequence[str], a_cores: Sequence[str]) -> np.ndarray:
        """Per pair (input core key, candidate core key): whether the candidate shares enough of the input's
        distinctive words to be the same firm."""
        out = np.zeros(len(q_cores), dtype=bool)
        for i, (qc, ac) in enumerate(zip(q_cores, a_cores)):
            q_toks, a_toks = qc.split(), ac.split()
            if q_toks and a_toks:
                out[i] = self._coverage(q_toks, a_toks) or self._coverage(a_toks, q_toks)
        return out

    def _coverage(self, toks: list[str], other: list[str]) -> bool:
        """Whether ``other`` shares more than :data:`EVIDENCE_SHARE` of the distinctive weight of ``toks``."""
        compact = "".join(other)
        distinct = [t for t in toks if not self.is_trade(t)]
        if not distinct:  # only trade words: the same firm only if the other name is trade words too
            return all(self.is_trade(u) for u in other) and all(self._shared(t, other, compact) for t in toks)
        weights = np.asarray([self.idf(t) for t in distinct])
        shared = np.asarray([self._shared(t, other, compact) for t in distinct])
        return bool(weights[shared].sum() > EVIDENCE_SHARE * weights.sum() + 1e-9)

    @staticmethod
    def _shared(t: str, other: list[str], compact: str) -> bool:
        if t in other:
            return True
        if len(t) >= 4 and t in compact:
            return True
        if len(t) >= 3:
            letters = sorted(t)
            for u in other:
                if len(u) != len(t) and (len(u) < 5 or len(t) < 5):
                    continue
                if len(u) == len(t) and sorted(u) == letters:  # letters swapped: "claenesr", "lad"
                    return True
                if len(t) >= 5 and len(u) >= 5:
                    limit = 2 if min(len(t), len(u)) >= 8 and t[0] == u[0] else 1
                    if OSA.distance(t, u, score_cutoff=limit) <= limit:
                        return True
        return False


def corroborate(cand: pd.DataFrame, inp: VerifyInput, firm_values: dict[str, np.ndarray]) -> pd.DataFrame:
    """``cand`` (rows: ``row``, ``firm``, ``score``) with the input's corroborating columns applied.

    ``firm_values`` holds each firm's normalized value per key of :data:`CORROBORATION` (``phone``,
    ``domain``, ``zip``: the attributes of ``inp``). Adds ``name_score`` (the score before),
    ``conflict`` (some evidence differs) and ``evidence`` (in words); ``score`` includes the points.
    """
    cand = cand.copy()
    if all(getattr(inp, attr) is None for attr in CORROBORATION) or not len(cand):
        cand["name_score"] = cand["score"]
        cand["conflict"] = np.zeros(len(cand), dtype=bool)
        cand["evidence"] = np.full(len(cand), "", dtype=object)
        return cand
    adjust = np.zeros(len(cand))
    notes = [[] for _ in range(len(cand))]
    rows = cand["row"].to_numpy()
    firms = cand["firm"].to_numpy()
    for attr, (label, bonus, malus) in CORROBORATION.items():
        given = getattr(inp, attr)
        if given is None or not len(cand):
            continue
        g, k = given[rows], firm_values[attr][firms]
        both = pd.notna(g) & pd.notna(k)
        same = both & (g == k)
        differ = both & ~same
        adjust += np.where(same, bonus, 0.0) - np.where(differ, malus, 0.0)
        for i in np.flatnonzero(same):
            notes[i].append(f"+{bonus:g} {label} matches ({k[i]})")
        for i in np.flatnonzero(differ):
            notes[i].append(f"-{malus:g} {label} differs (given {g[i]}, directory {k[i]})")
    cand["name_score"] = cand["score"]
    cand["score"] = cand["score"] + adjust
    cand["conflict"] = [any(n.startswith("-") for n in ns) for ns in notes]
    cand["evidence"] = ["; ".join(ns) for ns in notes]
    return cand


def rank_candidates(cand: pd.DataFrame, inp: VerifyInput, firm_values: dict[str, np.ndarray],
                    tiebreak: np.ndarray) -> pd.DataFrame:
    """The best alias per (row, firm), corroborated and sorted best first within each row.

    Ties are broken by the name score, then by ``tiebreak`` (each firm's rank in account-number order).
    """
    keep = np.arange(len(cand))
    if len(cand):
        # The best way each firm matches each row (formal name or DBA, whole or part): by row, firm, score
        # best first (stable), the first of each (row, firm).
        row, firm = cand["row"].to_numpy(np.int64), cand["firm"].to_numpy(np.int64)
        pair = row * (int(firm.max()) + 1) + firm  # (row, firm) as one key, in the same order
        order = np.lexsort((-cand["score"].to_numpy(np.float64), pair))
        pair = pair[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = pair[1:] != pair[:-1]
        keep = order[first]
    if all(getattr(inp, attr) is None for attr in CORROBORATION):
        # no evidence: the name score is the score; one take of the rows in their final order
        score = cand["score"].to_numpy(np.float64)[keep]
        firm = cand["firm"].to_numpy(np.int64)[keep]
        final = keep[np.lexsort((tiebreak[firm], -score, cand["row"].to_numpy(np.int64)[keep]))]
        out = cand.take(final).reset_index(drop=True)
        out["name_score"] = out["score"]
        out["conflict"] = np.zeros(len(out), dtype=bool)
        out["evidence"] = np.full(len(out), "", dtype=object)
        return out
    cand = corroborate(cand.take(keep).reset_index(drop=True), inp, firm_values)
    # best first within each row: score, then name score, then the firm's tie-break rank (stable)
    order = np.lexsort((tiebreak[cand["firm"].to_numpy(dtype=np.int64)], -cand["name_score"].to_numpy(np.float64),
                        -cand["score"].to_numpy(np.float64), cand["row"].to_numpy(np.int64)))
    return cand.take(order).reset_index(drop=True)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts (like ``to_dict("records")``, missing values NaN), built column-wise:
    many times faster than pandas' boxing of each value."""
    columns = list(frame.columns)
    arrays = [frame[c].to_numpy(dtype=object) for c in columns]
    return [dict(zip(columns, row)) for row in zip(*arrays)] if arrays else [{} for _ in range(len(frame))]


class RowRecords(Sequence):
    """The rows of a frame as dicts, made when read (the records of :func:`records`, one at a time): a
    decision reads only the few rows its reasons need."""

    def __init__(self, frame: pd.DataFrame):
        self._frame = frame
        self._columns = list(frame.columns)
        self._arrays: list[np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self._frame)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(f"row {i} of {len(self)}")
        if self._arrays is None:
            self._arrays = [self._frame[c].to_numpy(dtype=object) for c in self._columns]
        return dict(zip(self._columns, (a[i] for a in self._arrays)))


@dataclass
class Decision:
    """Each row's name status and the candidate it rests on (arrays of one value per input row).

    ``firm``/``alias`` are -1 where no candidate is reported (``none``, ``invalid``); ``best`` and ``rival``
    are the best and second-best candidates (different firms) as records (NaN fields where there is none);
    ``undistinctive``: rows left ``none`` although close, as their candidates share no distinctive word.
    """

    status: np.ndarray
    score: np.ndarray
    firm: np.ndarray
    alias: np.ndarray
    invalid: np.ndarray
    found: np.ndarray
    ambiguous: np.ndarray
    best_score: np.ndarray
    best: Sequence[dict[str, Any]]
    undistinctive: np.ndarray
    rival: Sequence[dict[str, Any]]
    best_frame: pd.DataFrame | None = None


def decide(cand: pd.DataFrame, problem: np.ndarray, threshold: float) -> Decision:
    """Name statuses from the ranked candidates (:func:`rank_candidates`) and each row's validity problem.

    ``exact``: same key, whole name, no conflicting evidence, no rival within :data:`AMBIGUITY_MARGIN`;
    ``strong``: score >= ``threshold`` and no such rival; ``possible``: score within
    :data:`POSSIBLE_BAND` below ``threshold`` and a plausible same firm (where ``cand`` has a
    ``plausible`` column: :meth:`DistinctiveWords.plausible`), or a rival; ``none``; ``invalid``
    (a ``problem``). A row whose candidates below ``threshold`` share no distinctive word is ``none``,
    its closest name kept for the reasons (``undistinctive``).
    """
    n = len(problem)
    floor = threshold - POSSIBLE_BAND
    # Best and second-best candidate (different firms) of each row, as positions in cand (-1: none).
    row = cand["row"].to_numpy(np.int64)
    cand_score = cand["score"].to_numpy(np.float64)
    cand_firm = cand["firm"].to_numpy(np.float64)
    everything = np.arange(len(cand))
    closest = _nth_per_row(row, everything, n, 0)
    if "plausible" in cand.columns:
        eligible = np.flatnonzero((cand_score >= threshold) | cand["plausible"].to_numpy(dtype=bool))
        best = _nth_per_row(row[eligible], eligible, n, 0)
        # no plausible candidate in reach: the closest name is reported (as none) for the reasons
        has_best = _at(cand_score, best, np.nan) >= floor
        best = np.where(has_best, best, closest)
        has_best |= ~(_at(cand_score, closest, np.nan) >= floor)
        chosen = _at(cand_firm, best, -1.0)
        others = np.flatnonzero(cand_firm != chosen[row])
        rival = _nth_per_row(row[others], others, n, 0)
    else:
        best = closest
        has_best = ~np.isnan(_at(cand_score, best, np.nan))
        rival = _nth_per_row(row, everything, n, 1)
    b_score = _at(cand_score, best, np.nan)
    r_score = _at(cand_score, rival, np.nan)
    invalid = problem != ""
    found = ~invalid & has_best & (b_score >= floor)  # NaN (no candidate) compares False
    undistinctive = ~invalid & ~has_best & (b_score >= floor)
    # A rival's differing legal form only counts against it when the best candidate's legal
    # form agrees with the input's: "Acme LLC" picks "Acme, LLC" over "Acme Inc.", but
    # not "Acme" (legal form unknown) over "Acme Inc.".
    b_legal = (_at(cand["q_legal"].to_numpy(np.float64), best, 0.0).astype(np.int64)
               & _at(cand["a_legal"].to_numpy(np.float64), best, 0.0).astype(np.int64))

    def flag(column: str, at: np.ndarray, value: Any = True) -> np.ndarray:
        return _at(cand[column].eq(value).to_numpy(dtype=bool, na_value=False), at, False)

    r_legal = flag("legal_conflict", rival)
    r_fair = r_score + np.where(r_legal & (b_legal == 0), LEGAL_FORM_PENALTY, 0.0)
    ambiguous = found & (r_fair >= b_score - AMBIGUITY_MARGIN)
    flawless = flag("how", best, "exact") & flag("part", best, "") & ~flag("conflict", best) \
        & ~flag("legal_conflict", best)
    exact = found & flawless & ~ambiguous
    strong = found & ~exact & ~ambiguous & (b_score >= threshold)
    status = np.select([invalid, ~found, exact, strong], ["invalid", "none", "exact", "strong"],
                       "possible").astype(object)
    score = np.where(invalid, np.nan, np.clip(np.nan_to_num(b_score, nan=0.0), 0.0, 100.0).round(1))
    firm = np.where(found, _at(cand_firm, best, -1.0), -1).astype(np.int64)
    alias = np.where(found, _at(cand["a"].to_numpy(np.float64), best, -1.0), -1).astype(np.int64)
    best = _rows_at(cand, best, n)
    rival = _rows_at(cand[["row", "a", "firm", "score"]], rival, n)
    return Decision(status=status, score=score, firm=firm, alias=alias, invalid=invalid, found=found,
                    ambiguous=ambiguous, best_score=b_score, best=RowRecords(best), undistinctive=undistinctive,
                    rival=RowRecords(rival), best_frame=best)


def _nth_per_row(row: np.ndarray, positions: np.ndarray, n: int, k: int) -> np.ndarray:
    """Per row 0..n-1, the ``k``-th (0-based) of ``positions`` whose ``row`` it is, in the order given
    (-1 where a row has fewer)."""
    out = np.full(n, -1, dtype=np.int64)
    if not len(row):
        return out
    order = np.argsort(row, kind="stable")
    row, positions = row[order], positions[order]
    starts = np.flatnonzero(np.concatenate([[True], row[1:] != row[:-1]]))
    sizes = np.diff(np.concatenate([starts, [len(row)]]))
    enough = starts[sizes > k]
    out[row[enough]] = positions[enough + k]
    return out


def _at(values: np.ndarray, positions: np.ndarray, missing: Any) -> np.ndarray:
    """``values`` at ``positions``, ``missing`` where a position is -1."""
    if not len(values):
        return np.full(len(positions), missing, dtype=np.result_type(values.dtype, np.asarray(missing).dtype))
    return np.where(positions >= 0, values[np.maximum(positions, 0)], missing)


def _rows_at(cand: pd.DataFrame, positions: np.ndarray, n: int) -> pd.DataFrame:
    """The candidate rows at ``positions`` (one per row 0..n-1; -1: none, all NaN) indexed by row, without
    the ``row`` column (like ``groupby("row").head(1).set_index("row").reindex(range(n))``)."""
    have = np.flatnonzero(positions >= 0)
    picked = cand.take(positions[have]).drop(columns="row")
    picked.index = pd.Index(have, name="row")
    return picked.reindex(range(n))
