"""Engine stage 6, ranking signals: each one is built from the directory, scores a batch of needs, explains itself.

A signal gives every (need, firm) a value between 0 and 1 and has a weight;
``score = 100 * sum(weight * value)`` over the signals, and each signal's
part, ``100 * weight * value``, is its own result column ``<name>_score``
(``text_score``, ``industry_score``), next to ``score``, so a user can see why
one firm ranks above another (as splink shows match weights). With the
defaults (``MatchConfig.industry_weight`` = 0.5)::

    score = 100 * ((1 - industry_weight) * coverage + industry_weight * industry)
          = text_score + industry_score            (each part rounded to 2 decimals)

and for a need whose text names an NYC place (``MatchConfig.place_weight`` = 0.05)::

    score = 100 * ((1 - place_weight) * (...the above...) + place_weight * in_that_borough)
          = text_score + industry_score + place_score

A need with NAICS codes and no text is scored by how closely each firm
matches the codes (``exact`` 100, ``industry`` 80, ``subsector`` 60,
``sector`` 40): all of it ``industry_score``.

Signals run in order on one :class:`RankingBatch` and may read what earlier
ones left in :attr:`RankingBatch.shared` (the industry signal's feedback uses
the text signal's strongest matches). Each first says which firms it has
evidence for (:meth:`Signal.evidence`); only the firms some signal has
evidence for and that meet the need's requirements are then scored, at their
``(need, firm)`` pairs (:meth:`Signal.score`). To add a signal: a class with
the :class:`Signal` methods in a new module, and one line in :data:`SIGNALS`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Protocol, Sequence, runtime_checkable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from ..vocabulary import BOROUGHS
from .caching import BoundedCache, PerObjectCache
from .config import MatchConfig
from .firms import TEXT_FIELDS, column
from .industry import NAICS_MATCH_LEVELS, STATED_LEVEL_SCORES, IndustryModel, NaicsCodes
from .need import Need
from .places import borough_label, place_borough_name, preferred_boroughs
from .query import QueryTerm, QueryTerms
from .text_index import TextIndex

#: Prepared queries whose industry probabilities the industry signal keeps (a few KB each at a few hundred
#: industry groups): as many as the matcher keeps readings of, and more.
_QUERY_ROWS = 4096

#: Result rows (prepared query and firm) whose explanation a signal keeps: a text shortlisted again mostly
#: returns the firms it returned before.
_ROWS_KEPT = 50_000

__all__ = ["Signal", "RankingBatch", "SignalExplanation", "TextSignal", "IndustrySignal", "PlaceSignal", "SIGNALS",
           "matched_phrases", "join_words"]


@dataclass
class RankingBatch:
    """A chunk of needs being ranked together: their queries, the query matrix, and what the signals found.

    Attributes:
        needs, queries: the needs and their prepared text (:class:`~mwbe_match.engine.query.QueryTerms`).
        Q: the queries as an (m x V) matrix of term weights; ``denom``: each query's idf mass.
        as_of: the date certifications are judged on.
        n_firms: firms in the directory.
        shared: arrays a signal leaves for later ones (``"text"``, ``"coverage_at"``, ``"industry"``, ...).
    """

    needs: list[Need]
    queries: list[QueryTerms]
    Q: sp.csr_matrix
    denom: np.ndarray
    as_of: _dt.date
    n_firms: int
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def has_text(self) -> np.ndarray:
        """Needs with at least one searched term."""
        return np.array([bool(q.terms) for q in self.queries])


@dataclass
class SignalExplanation:
    """What a signal says about each result row: a phrase for the reason (empty: nothing), extra columns."""

    phrases: list[str]
    columns: dict[str, list[Any]] = field(default_factory=dict)


@runtime_checkable
class Signal(Protocol):
    """One ranking signal, built once from the directory (``Signal(table, index, config)``).

    A signal may also have ``estimate(batch, scale) -> np.ndarray``: ``scale`` times its value for every
    need and firm (m x n, float32; the value within 1e-5 of :meth:`score`'s). When every signal has one,
    the matcher scores
    exactly only the pairs whose estimated score is within 0.02 of each need's ``top``-th best estimate
    (the rest cannot make the shortlist); else it scores every pair that can qualify. With
    ``estimate_at(batch, scale, firms) -> np.ndarray`` too (a single need's batch: the values of ``estimate``
    at the ascending positions ``firms`` alone, the same float32 numbers) on every signal, a single
    shortlist estimates at its eligible firms only.
    """

    #: the result column holding this signal's part of the score is ``f"{name}_score"``
    name: str
    #: that column's header in Korean output (``lang="ko"``)
    label_ko: str

    def weight(self, config: MatchConfig) -> float:
        """This signal's share of the score (the weights of all signals sum to 1)."""

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        """Which firms it finds evidence for (m x n bool): a firm without any signal's evidence is not returned.

        Called first, for every signal in order; what it computes for :meth:`score` goes in ``batch.shared``.
        """

    def score(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> np.ndarray:
        """Its value (0 to 1, float64) at each ``(need need_pos[r], firm firms[r])`` pair being ranked."""

    def fixed(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) \
            -> tuple[np.ndarray, np.ndarray] | None:
        """``(needs, scores)``: which needs (m bool) this signal alone scores, and their scores (0-100) at
        the pairs of those needs (``needs[need_pos]``); or None."""

    def explain(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> SignalExplanation:
        """A reason phrase (and any columns it fills) for each result row (need ``need_pos[r]``, firm ``firms[r]``)."""

    # Optional: ``applies(batch) -> (m,) bool``, the needs the signal applies to. Such a signal takes its
    # weight of those needs' score only and the signals without ``applies`` share the rest, so a need it
    # does not apply to is scored exactly as without it (the place signal).


# --------------------------------------------------------------------------- text


class TextSignal:
    """Text evidence: ``coverage``, the idf-weighted share of the need's words the firm matches (BM25F).

    Each word's share saturates with how often and where the firm mentions it:
    0 (nothing) to 1. Fills ``matched_terms``; explains "Matches 'office
    cleaning' in description".
    """

    name = "text"
    label_ko = "텍스트 점수"

    def __init__(self, table: pa.Table, index: TextIndex, config: MatchConfig, **_: Any) -> None:
        self.index = index
        #: fields bits -> "description and job history" (the labels of the fields whose bits are set)
        self._where = [join_words([label for f, (_, _, label) in enumerate(TEXT_FIELDS) if bits & (1 << f)])
                       for bits in range(1 << len(TEXT_FIELDS))]
        #: (a prepared query, its matched term ids) -> (matched_terms labels, "Matches ..." up to " in "): a
        #: reading is kept by the matcher, so its rows' phrases repeat across calls
        self._said: PerObjectCache[tuple[list[str], str]] = PerObjectCache(20_000)
        #: (a prepared query, a firm) -> that row's (matched_terms, phrase)
        self._per_firm: PerObjectCache[tuple[list[str], str]] = PerObjectCache(_ROWS_KEPT)

    def weight(self, config: MatchConfig) -> float:
        return 1.0 - config.industry_weight

    def clear_caches(self) -> None:
        """Forget the phrases kept per reading."""
        self._said.clear()
        self._per_firm.clear()

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        kept = self.index.kept_scores(batch.queries[0]) if len(batch.queries) == 1 else None
        # (m x n) float32, rows kept per prepared query (a single need's kept row as it is: read-only)
        text = kept[None, :] if kept is not None else self.index.score_queries(batch.queries, batch.Q)
        denom = batch.shared["denom"] = np.where(batch.denom > 0, batch.denom, 1.0)  # (m,) nonzero

        def coverage_at(rows: np.ndarray, firms: np.ndarray) -> np.ndarray:
            flat = np.take(text, rows * text.shape[1] + firms).astype(np.float64)
            return np.minimum(flat / np.take(denom, rows), 1.0, out=flat)

        batch.shared["text"] = text
        batch.shared["coverage_at"] = coverage_at
        return text > 0

    def score(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> np.ndarray:
        return batch.shared["coverage_at"](need_pos, firms)

    def estimate(self, batch: RankingBatch, scale: float) -> np.ndarray:
        """``scale * coverage`` of every firm (m x n) in float32."""
        per_need = (scale / batch.shared["denom"]).astype(np.float32)
        estimate = np.multiply(batch.shared["text"], per_need[:, None])
        cap = np.float32(scale)  # coverage is at most 1
        return np.maximum(estimate, cap, out=estimate) if scale < 0 else np.minimum(estimate, cap, out=estimate)

    def estimate_at(self, batch: RankingBatch, scale: float, firms: np.ndarray) -> np.ndarray:
        """:meth:`estimate` of a single need at ``firms`` only (the same values)."""
        per_need = np.float32(scale / batch.shared["denom"][0])
        estimate = batch.shared["text"][0][firms] * per_need
        cap = np.float32(scale)
        return np.maximum(estimate, cap, out=estimate) if scale < 0 else np.minimum(estimate, cap, out=estimate)

    def fixed(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> None:
        return None

    def explain(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> SignalExplanation:
        # a row's matched terms and phrase are a function of its prepared query and firm: kept per pair
        matched, phrases = _kept_per_row(self._per_firm, batch.queries, need_pos, firms, lambda q, i, d: d,
                                         lambda at_need, at_firm: self._explain_rows(batch, at_need, at_firm))
        return SignalExplanation(phrases, {"matched_terms": matched})

    def _explain_rows(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) \
            -> tuple[list[list[str]], list[str]]:
        # matched terms and the fields they were found in: one sparse product for all rows
        indptr, hit_terms, hit_bits = self.index.matched_fields(batch.Q, need_pos, firms)
        # each row's fields: the OR of its terms' field bits (rows without terms have none)
        fields_of = np.zeros(len(firms), dtype=np.int64)
        if len(hit_bits):
            starts = indptr[:-1]
            nonempty = indptr[1:] > starts
            fields_of[nonempty] = np.bitwise_or.reduceat(hit_bits.astype(np.int64), starts[nonempty])
        bounds, term_list = indptr.tolist(), hit_terms.tolist()
        said, where_of, queries = self._said, self._where, batch.queries
        by_term: dict[int, dict[int, QueryTerm]] = {}
        matched, phrases = [], []
        for row, (i, fields) in enumerate(zip(need_pos.tolist(), fields_of.tolist())):
            ids = tuple(term_list[bounds[row]:bounds[row + 1]])
            query = queries[i]
            found = said.get(query, ids)
            if found is None:
                terms_of = by_term.get(i)
                if terms_of is None:
                    terms_of = by_term[i] = {t.term: t for t in query.terms}
                terms = sorted((terms_of[t] for t in ids), key=lambda t: t.position)
                head = ("Matches " + ", ".join(matched_phrases(terms)) + " in ") if terms else ""
                found = said.put(query, ([t.label for t in terms], head), ids)
            matched.append(found[0])  # rows of one need matching the same terms share the list
            phrases.append(found[1] + where_of[fields & (len(where_of) - 1)] if found[1] else "")
        return matched, phrases


# --------------------------------------------------------------------------- industry


class IndustrySignal:
    """Industry evidence: the probability of the firm's own 4-digit NAICS group for the need
    (:class:`~mwbe_match.engine.industry.IndustryModel`), or 1 when the need states NAICS codes of 4 or more
    digits that the firm matches. Needs the text signal's results (feedback). Fills ``naics_match``.
    """

    name = "industry"
    label_ko = "업종 점수"

    def __init__(self, table: pa.Table, index: TextIndex, config: MatchConfig, *,
                 naics: NaicsCodes | None = None, **_: Any) -> None:
        self.config = config
        self.model = IndustryModel(table, index, config)
        self.naics = naics if naics is not None else NaicsCodes(table)
        self._codes = column(table, "naics_code").to_pylist()
        self._titles = column(table, "naics_title").to_pylist()
        #: stated codes -> each firm's level; ("inside", prefixes) -> firms
        self._levels: BoundedCache[Any] = BoundedCache(256)
        groups = self.model.firm_group
        self._group_column = np.where(groups >= 0, groups, len(self.model))  # the last column: no NAICS code
        #: (id of a prepared query, fine hints wanted) -> (the query, its industry probabilities (G,), its hint
        #: credit): a reading is kept by the matcher, so the needs of one text share them across blocks
        self._per_query: PerObjectCache[tuple[np.ndarray, Any]] = PerObjectCache(_QUERY_ROWS)
        #: (a prepared query, the need's NAICS codes and a firm) -> that row's (naics_match, phrase)
        self._per_firm: PerObjectCache[tuple[str, str]] = PerObjectCache(_ROWS_KEPT)

    def weight(self, config: MatchConfig) -> float:
        return config.industry_weight

    def clear_caches(self) -> None:
        """Forget the industry probabilities kept per prepared query and hint set, and the firms kept per NAICS
        code set."""
        self._per_query.clear()
        self._per_firm.clear()
        self._levels.clear()
        self.model.clear_caches()

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        m, n = len(batch.needs), batch.n_firms
        fine: list | None = [] if self.config.fine_hints else None  # gets each need's hint credit
        industry = self._probabilities_per_query(batch, fine)
        batch.shared["hint_credit"] = self._hint_credit(fine, n) if fine is not None else None
        # stated NAICS codes: level per firm (0 none .. 4 exact); 3+ (a stated code of 4+ digits) is credit
        stated_level = np.zeros((m, n), dtype=np.int8)
        for i, need in enumerate(batch.needs):
            if need.naics:
                stated_level[i] = self._stated_levels(need.naics)
        # column G: a firm without a NAICS code (probability 0); built once, read by score, explain and estimate
        padded = np.concatenate([industry, np.zeros((m, 1))], axis=1)
        batch.shared.update(industry=industry, padded_industry=padded, stated_level=stated_level)
        # the firms of the groups the need points at
        found = np.take(padded >= self.config.industry_threshold, self._group_column, axis=1)
        if any(need.naics for need in batch.needs):
            found |= stated_level >= 3
        return found

    def _probabilities_per_query(self, batch: RankingBatch, fine: list | None) -> np.ndarray:
        """:meth:`IndustryModel.probabilities` of the batch (``fine`` gets each need's hint credit,
        :meth:`_need_credit`), each need's row kept per prepared query: a row is a function of its query alone
        (its naive Bayes logits, its text scores' feedback and its hints are computed row by row), so the
        needs of a text read before take the row (and credit) computed then, and only the others are
        inferred."""
        queries, cache, wants_fine = batch.queries, self._per_query, fine is not None
        kept = [cache.get(q, wants_fine) for q in queries]
        missing = [i for i, found in enumerate(kept) if found is None]
        if missing:
            parts: list | None = [] if wants_fine else None
            if len(missing) == len(queries):
                rows = self.model.probabilities(batch.Q, batch.shared["text"], batch.shared["coverage_at"],
                                                queries, parts)
            else:
                at = np.asarray(missing, dtype=np.int64)
                coverage_at = batch.shared["coverage_at"]
                rows = self.model.probabilities(batch.Q[at], batch.shared["text"][at],
                                                lambda r, firms: coverage_at(at[r], firms),
                                                [queries[i] for i in missing], parts)
            for k, i in enumerate(missing):
                row = rows[k].copy()
                row.flags.writeable = False
                kept[i] = cache.put(queries[i], (row, self._need_credit(parts[k]) if parts is not None else None),
                                    wants_fine)
        industry = np.empty((len(queries), len(self.model)))
        for i, (row, _) in enumerate(kept):
            industry[i] = row
        if fine is not None:
            fine.extend(found[1] for found in kept)
        return industry

    def _hint_credit(self, credits: list, n: int) -> tuple[np.ndarray, np.ndarray] | None:
        """The hint mass a concept gave by a finer code (5 or 6 digits): added on top of their group's
        probability for the firms of that code and taken from the rest of the group. A hint for 561622
        (locksmiths) raises the locksmiths of group 5616, and the rest of the group (its guards, 561612) keep
        only the probability their words and the feedback give the group, not the locksmiths' hint.
        Sparse: ``(keys, mass)``, the credited cells ``need * n + firm`` (ascending) and their mass (float64,
        each the sum of its parts in order, as a dense row adding them would hold it; negative for the rest of
        the group); every other cell gets none. None when no need has such hints. ``credits``: each need's
        :meth:`_need_credit`."""
        if not any(credit is not None for credit in credits):
            return None
        keys = [credit[0] + i * n for i, credit in enumerate(credits) if credit is not None]
        return np.concatenate(keys), np.concatenate([credit[1] for credit in credits if credit is not None])

    def _need_credit(self, parts: list) -> tuple[np.ndarray, np.ndarray] | None:
        """One need's hint credit (see :meth:`_hint_credit`): the firms credited (ascending) and their mass,
        from the need's fine hint parts (:meth:`IndustryModel.probabilities`); None when it has none. Read-only
        (kept with the need's industry probabilities)."""
        if not parts:
            return None
        keys, masses = [], []
        for prefixes, mass in parts:
            firms, groups, others, other_groups = self._inside(prefixes)
            keys.append(firms)
            masses.append(mass[groups])
            keys.append(others)
            masses.append(-mass[other_groups])
        cells, part_of = np.unique(np.concatenate(keys), return_inverse=True)
        # a cell's parts summed from 0 in the order of the parts, as a dense row adding them in turn holds them
        mass = np.bincount(part_of, weights=np.concatenate(masses), minlength=len(cells))
        cells.flags.writeable = mass.flags.writeable = False
        return cells, mass

    def _inside(self, prefixes: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The firms with a group whose code starts with one of ``prefixes`` and their groups, then the other
        firms of the prefixes' 4-digit groups and theirs (kept per set)."""
        return self._levels.get_or_build(("inside", tuple(prefixes)), self._firms_inside, prefixes)

    def _firms_inside(self, prefixes: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        groups = self.model.firm_group
        inside = (groups >= 0) & self.naics.in_codes(prefixes)
        firms = np.flatnonzero(inside)  # the rest of the prefixes' groups (also when no firm has the code)
        others = np.flatnonzero((groups >= 0) & self.naics.in_codes(tuple({p[:4] for p in prefixes})) & ~inside)
        return firms, groups[firms], others, groups[others]

    def _stated_levels(self, codes: tuple[str, ...]) -> np.ndarray:
        return self._levels.get_or_build(tuple(codes), self.naics.stated_levels, codes)

    def firm_industry(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> np.ndarray:
        """The probability of each pair's firm's own industry group for its need (0 without a NAICS code)."""
        if not len(self.model):
            return np.zeros(len(firms))
        padded = batch.shared["padded_industry"]  # column G: no NAICS code
        value = np.take(padded, need_pos * padded.shape[1] + np.take(self._group_column, firms))
        credit = batch.shared.get("hint_credit")
        if credit is not None:  # fine_hints: the hint mass of the firm's own finer code (0 to 1)
            keys, mass = credit
            if len(keys):
                pairs = need_pos * batch.n_firms + firms
                at = np.minimum(np.searchsorted(keys, pairs), len(keys) - 1)
                hit = keys[at] == pairs
                value[hit] += mass[at[hit]]  # the others add no mass (+ 0.0 leaves a value as it is)
            value = np.clip(value, 0.0, 1.0, out=value)
        return value

    def estimate(self, batch: RankingBatch, scale: float) -> np.ndarray:
        """``scale`` times the industry value of every firm (m x n) in float32."""
        m, n = len(batch.needs), batch.n_firms
        if not len(self.model):
            estimate = np.zeros((m, n), dtype=np.float32)
        else:
            padded = (scale * batch.shared["padded_industry"]).astype(np.float32)
            estimate = np.take(padded, self._group_column, axis=1)
            credit = batch.shared.get("hint_credit")
            if credit is not None:  # the value lies between 0 and 1: scale * value between 0 and scale
                keys, mass = credit
                flat = estimate.reshape(-1)  # the credited cells only (adding no mass leaves a cell as it is)
                flat[keys] += (scale * mass).astype(np.float32)
                low, high = (np.float32(scale), np.float32(0.0)) if scale < 0 else (np.float32(0.0), np.float32(scale))
                estimate = np.clip(estimate, low, high, out=estimate)
        stated = batch.shared["stated_level"]
        for i, need in enumerate(batch.needs):
            if need.naics:
                estimate[i][stated[i] >= 3] = scale
        return estimate

    def estimate_at(self, batch: RankingBatch, scale: float, firms: np.ndarray) -> np.ndarray:
        """:meth:`estimate` of a single need at ``firms`` (ascending) only (the same values)."""
        need = batch.needs[0]
        if not len(self.model):
            estimate = np.zeros(len(firms), dtype=np.float32)
        else:
            padded = (scale * batch.shared["padded_industry"][0]).astype(np.float32)
            estimate = padded[self._group_column[firms]]
            credit = batch.shared.get("hint_credit")
            if credit is not None:
                keys, mass = credit  # a single need's cells are its firms (ascending)
                if len(keys) and len(firms):
                    pos = np.minimum(np.searchsorted(firms, keys), len(firms) - 1)
                    hit = firms[pos] == keys
                    estimate[pos[hit]] += (scale * mass).astype(np.float32)[hit]
                low, high = (np.float32(scale), np.float32(0.0)) if scale < 0 else (np.float32(0.0), np.float32(scale))
                estimate = np.clip(estimate, low, high, out=estimate)
        if need.naics:
            estimate[batch.shared["stated_level"][0][firms] >= 3] = scale
        return estimate

    def score(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> np.ndarray:
        value = self.firm_industry(batch, need_pos, firms)
        stated = batch.shared["stated_level"]
        if any(need.naics for need in batch.needs):
            credit = np.take(stated, need_pos * batch.n_firms + firms) >= 3
            value[credit] = 1.0
        return value

    def fixed(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) \
            -> tuple[np.ndarray, np.ndarray] | None:
        """A need with NAICS codes and no text: firms by how closely they match the codes (exact 100 .. sector 40)."""
        if all(need.text for need in batch.needs):
            return None
        naics_only = np.array([not need.text for need in batch.needs])
        alone = naics_only[need_pos]
        level = np.take(batch.shared["stated_level"], need_pos[alone] * batch.n_firms + firms[alone])
        return naics_only, STATED_LEVEL_SCORES[level]

    def explain(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> SignalExplanation:
        # a row's level and phrase are a function of its prepared query, the need's NAICS codes and the firm
        needs = batch.needs
        levels, phrases = _kept_per_row(self._per_firm, batch.queries, need_pos, firms,
                                        lambda q, i, d: (needs[i].naics, d),
                                        lambda at_need, at_firm: self._explain_rows(batch, at_need, at_firm))
        return SignalExplanation(phrases, {"naics_match": levels})

    def _explain_rows(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) \
            -> tuple[list[str], list[str]]:
        stated = np.take(batch.shared["stated_level"], need_pos * batch.n_firms + firms)
        firm_industry = self.firm_industry(batch, need_pos, firms).tolist()
        level_at, from_stated = self.model.naics_levels(stated, firms, batch.shared["industry"], need_pos)
        names = NAICS_MATCH_LEVELS
        levels = [names[k] for k in level_at]
        needs, phrase = batch.needs, self._phrase
        phrases = [phrase(needs[i], d, level, s, p) for i, d, level, s, p in
                   zip(need_pos.tolist(), firms.tolist(), levels, from_stated, firm_industry)]
        return levels, phrases

    def _phrase(self, need: Need, d: int, level: str, stated: bool, industry_p: float) -> str:
        code, title = self._codes[d], self._titles[d]
        if not code:
            return ""
        naics = f"NAICS {code}" + (f" {title}" if title else "")
        if stated and level in ("exact", "industry", "subsector", "sector"):
            asked = max((c for c in need.naics if code.startswith(c)), key=len, default=None)
            if level == "exact":
                return f"{naics} is the NAICS code asked for"
            if asked:
                return f"{naics} is in {asked}, the NAICS {level} asked for"
            return ""
        if level == "industry":
            return f"{naics} is the industry this need points at ({industry_p:.0%} likely)"
        if level in ("subsector", "sector"):
            return f"{naics} is in the same {level} as the industry this need points at"
        return ""


# --------------------------------------------------------------------------- place


#: Borough -> its bit in the place signal's masks.
_BOROUGH_BIT = {b: 1 << k for k, b in enumerate(BOROUGHS)}
#: A firm whose description says it serves every borough ("all five boroughs", "5 boroughs").
_ALL_BOROUGHS_RE = r"\b(all|five|5) (nyc |new york city )?boroughs\b|\bcitywide\b|\bcity-wide\b"




class PlaceSignal:
    """A soft location preference: the need's text names an NYC place ("잭슨하이츠", "Long Island City"), so
    firms in its borough rank a little higher (1), and firms whose description says they serve it (0.5).

    Only for needs whose text names a place in a borough (:meth:`applies`); it takes
    ``MatchConfig.place_weight`` of their score and the other signals share the rest. It is never evidence
    (a firm is not returned for its borough alone) and never a filter (the ``boroughs`` field filters).
    Explains "Prefers Queens: 잭슨하이츠 is in Queens (the firm is in Queens)".
    """

    name = "place"
    label_ko = "지역 점수"

    def __init__(self, table: pa.Table, index: TextIndex, config: MatchConfig, **_: Any) -> None:
        self.config = config
        boroughs = column(table, "borough").to_pylist()
        self._boroughs = boroughs
        self._in = np.array([_BOROUGH_BIT.get(b or "", 0) for b in boroughs], dtype=np.int64)
        description = pc.utf8_lower(column(table, "description").cast(pa.string()).fill_null(""))
        serves = np.zeros(table.num_rows, dtype=np.int64)
        for borough, bit in _BOROUGH_BIT.items():
            named = pc.match_substring_regex(description, r"\b" + borough.lower().replace(" ", r"\s+") + r"\b")
            serves |= np.where(np.asarray(named, dtype=bool), bit, 0)
        everywhere = np.asarray(pc.match_substring_regex(description, _ALL_BOROUGHS_RE), dtype=bool)
        self._serves = np.where(everywhere, sum(_BOROUGH_BIT.values()), serves)
        self._everywhere = everywhere
        #: need text -> the boroughs its places lie in (:func:`preferred_boroughs`, a function of the text;
        #: read-only): a text shortlisted again is not searched for places again
        self._preferred: BoundedCache[dict[str, tuple[str, ...]]] = BoundedCache(4096)

    def clear_caches(self) -> None:
        """Forget the place preferences kept per need text."""
        self._preferred.clear()

    def weight(self, config: MatchConfig) -> float:
        return config.place_weight

    def _preferences(self, batch: RankingBatch) -> list[dict[str, tuple[str, ...]]]:
        cached = batch.shared.get("place_preferences")
        if cached is None:
            kept = self._preferred
            cached = [kept.get_or_build(need.text, preferred_boroughs, need.text) if need.text else {}
                      for need in batch.needs]
            batch.shared["place_preferences"] = cached
        return cached

    def _masks(self, batch: RankingBatch) -> np.ndarray:
        """Each need's preferred boroughs as bits (m, int64; 0: no place), computed once per batch."""
        cached = batch.shared.get("place_masks")
        if cached is None:
            cached = batch.shared["place_masks"] = np.array(
                [sum(_BOROUGH_BIT[b] for b in prefs) for prefs in self._preferences(batch)], dtype=np.int64)
        return cached

    def applies(self, batch: RankingBatch) -> np.ndarray:
        """Needs whose text names a place in one of the boroughs (the matcher gives this signal its weight for
        these needs only; see :class:`Signal`)."""
        return self._masks(batch) != 0

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        return np.zeros((len(batch.needs), batch.n_firms), dtype=bool)

    def score(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> np.ndarray:
        masks = self._masks(batch)[need_pos]
        inside = (self._in[firms] & masks) != 0
        serves = (self._serves[firms] & masks) != 0
        return np.where(inside, 1.0, np.where(serves, 0.5, 0.0))

    def estimate(self, batch: RankingBatch, scale: float) -> np.ndarray:
        """``scale`` times the value for every need and firm (m x n, float32)."""
        masks = self._masks(batch)
        out = np.zeros((len(masks), batch.n_firms), dtype=np.float32)
        for mask in np.unique(masks[masks != 0]).tolist():  # one row per distinct place preference
            value = np.where((self._in & mask) != 0, np.float32(1.0),
                             np.where((self._serves & mask) != 0, np.float32(0.5), np.float32(0.0)))
            out[masks == mask] = value * np.float32(scale)
        return out

    def estimate_at(self, batch: RankingBatch, scale: float, firms: np.ndarray) -> np.ndarray:
        """:meth:`estimate` of a single need at ``firms`` only (the same values)."""
        mask = int(self._masks(batch)[0])
        if not mask:
            return np.zeros(len(firms), dtype=np.float32)
        value = np.where((self._in[firms] & mask) != 0, np.float32(1.0),
                         np.where((self._serves[firms] & mask) != 0, np.float32(0.5), np.float32(0.0)))
        return value * np.float32(scale)

    def fixed(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> None:
        return None

    def explain(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> SignalExplanation:
        if self.config.place_weight == 0:
            return SignalExplanation([""] * len(firms))
        prefs = self._preferences(batch)
        heads = [self._head(p) for p in prefs]
        phrases = []
        for i, d in zip(need_pos.tolist(), firms.tolist()):
            if not prefs[i]:
                phrases.append("")
                continue
            firm_borough = self._boroughs[d]
            if firm_borough in prefs[i]:
                where = f"the firm is in {borough_label(firm_borough)}"
            elif self._serves[d] & sum(_BOROUGH_BIT[b] for b in prefs[i]):
                served = [borough_label(b) for b in prefs[i] if self._serves[d] & _BOROUGH_BIT[b]]
                where = ("the firm says it serves all five boroughs" if self._everywhere[d] else
                         f"the firm's description names {join_words(served)}")
                where += f", it is in {borough_label(firm_borough)}" if firm_borough else ""
            elif firm_borough:
                where = f"the firm is in {borough_label(firm_borough)}"
            else:
                where = "the firm is outside the five boroughs"
            phrases.append(f"{heads[i]} ({where})")
        return SignalExplanation(phrases)

    @staticmethod
    def _head(prefs: dict[str, tuple[str, ...]]) -> str:
        """ "Prefers Queens: 잭슨하이츠 is in Queens" ("Prefers Queens, named in the need" for the borough itself)."""
        if not prefs:
            return ""
        boroughs = [borough_label(b) for b in prefs]
        why = []
        for borough, names in prefs.items():
            others = [n for n in names if place_borough_name(n) != borough]
            if others:
                why.append(f"{join_words(others)} {'is' if len(others) == 1 else 'are'} in {borough_label(borough)}")
        head = "Prefers " + " or ".join(boroughs)
        return head + (": " + ", ".join(why) if why else ", named in the need")


#: The signals a Matcher ranks by, in the order they run (and appear in reasons). Register a signal here.
#: The registered ranking signals, in the order their columns appear. A new signal is one module with a
#: class of the :class:`Signal` methods and one line here: its ``<name>_score`` column (with its
#: ``label_ko`` header) is added to :data:`~mwbe_match.engine.results.SHORTLIST_SCHEMA` from this tuple.
SIGNALS: tuple[type, ...] = (
    TextSignal,
    IndustrySignal,
    PlaceSignal,
)


# --------------------------------------------------------------------------- phrases


def _kept_per_row(kept: PerObjectCache, queries: Sequence[QueryTerms], need_pos: np.ndarray, firms: np.ndarray,
                  tag: Any, explain_rows: Any) -> tuple[list[Any], list[Any]]:
    """A signal's two explanation lists (a column and the phrases) of each row (need ``need_pos[r]``, firm
    ``firms[r]``), each row's pair kept per its prepared query and ``tag(query, need, firm)``: the rows not
    kept are explained by ``explain_rows(their need_pos, their firms)`` (the pair is a function of what
    the key names) and kept."""
    rows = list(zip(need_pos.tolist(), firms.tolist()))
    found = [kept.get(queries[i], tag(queries[i], i, d)) for i, d in rows]
    missing = [r for r, pair in enumerate(found) if pair is None]
    if missing:
        if len(missing) == len(rows):
            firsts, seconds = explain_rows(need_pos, firms)
        else:
            at = np.asarray(missing, dtype=np.int64)
            firsts, seconds = explain_rows(need_pos[at], firms[at])
        for r, first, second in zip(missing, firsts, seconds):
            i, d = rows[r]
            found[r] = kept.put(queries[i], (first, second), tag(queries[i], i, d))
    return [pair[0] for pair in found], [pair[1] for pair in found]



def matched_phrases(hit: Sequence[QueryTerm]) -> list[str]:
    """Matched words, quoted; words adjacent in the need form one phrase ("'office cleaning'")."""
    words: list[list[str]] = []
    prev = None
    for term in sorted(hit, key=lambda t: t.position):
        if term.corrected_to is not None:
            words.append([f"'{term.corrected_to}' (for '{term.surface}')"])
        elif prev is not None and prev.corrected_to is None and term.position == prev.position + 1 and words:
            words[-1].append(term.surface)
        else:
            words.append([term.surface])
        prev = term
    quoted = [w[0] if w[0].startswith("'") else "'" + " ".join(w) + "'" for w in words]
    return list(dict.fromkeys(quoted))


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
