"""Engine stage 6, ranking signals: each one is built from the directory, scores a batch of needs, explains itself.

A signal gives every (need, firm) a value between 0 and 1 and has a weight;
``score = 100 * sum(weight * value)`` over the signals, and each signal's
part, ``100 * weight * value``, is its own result column ``<name>_score``
(``text_score``, ``industry_score``), next to ``score``, so a user can see why
one firm ranks above another (as splink shows match weights). With the
defaults (``MatchConfig.industry_weight`` = 0.5)::

    score = 100 * ((1 - industry_weight) * coverage + industry_weight * industry)
          = text_score + industry_score            (each part rounded to 2 decimals)

A need with NAICS codes and no text is scored by how closely each firm
matches the codes (``exact`` 100, ``industry`` 80, ``subsector`` 60,
``sector`` 40): all of it ``industry_score``.

Signals run in order on one :class:`RankingBatch` and may read what earlier
ones left in :attr:`RankingBatch.shared` (the industry signal's feedback uses
the text signal's strongest matches). To add a signal: a class with the
:class:`Signal` methods in a new module, and one line in :data:`SIGNALS`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Protocol, Sequence, runtime_checkable

import numpy as np
import pyarrow as pa
import scipy.sparse as sp

from .config import MatchConfig
from .firms import TEXT_FIELDS, column
from .industry import STATED_LEVEL_SCORES, IndustryModel, NaicsCodes
from .need import Need
from .query import QueryTerm, QueryTerms
from .text_index import TextIndex

__all__ = ["Signal", "RankingBatch", "SignalExplanation", "TextSignal", "IndustrySignal", "SIGNALS",
           "matched_phrases", "join_words"]


@dataclass
class RankingBatch:
    """A chunk of needs being ranked together: their queries, the query matrix, and what the signals found.

    Attributes:
        needs, queries: the needs and their prepared text (:class:`~mwbe_match.engine.query.QueryTerms`).
        Q: the queries as an (m x V) matrix of term weights; ``denom``: each query's idf mass.
        as_of: the date certifications are judged on.
        n_firms: firms in the directory.
        shared: arrays a signal leaves for later ones (``"text"``, ``"coverage"``, ``"industry"``, ...).
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
    """One ranking signal, built once from the directory (``Signal(table, index, config)``)."""

    #: the result column holding this signal's part of the score is ``f"{name}_score"``
    name: str
    #: that column's header in Korean output (``lang="ko"``)
    label_ko: str

    def weight(self, config: MatchConfig) -> float:
        """This signal's share of the score (the weights of all signals sum to 1)."""

    def score(self, batch: RankingBatch) -> np.ndarray:
        """Its value (m x n, 0 to 1) for every need of the batch and every firm."""

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        """Which firms it finds evidence for (m x n bool): a firm without any signal's evidence is not returned."""

    def fixed(self, batch: RankingBatch) -> tuple[np.ndarray, np.ndarray] | None:
        """``(need rows, scores)`` of needs this signal alone scores, or None."""

    def explain(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> SignalExplanation:
        """A reason phrase (and any columns it fills) for each result row (need ``need_pos[r]``, firm ``firms[r]``)."""


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

    def weight(self, config: MatchConfig) -> float:
        return 1.0 - config.industry_weight

    def score(self, batch: RankingBatch) -> np.ndarray:
        m, n = len(batch.needs), batch.n_firms
        text = self.index.scores(batch.Q) if batch.has_text.any() else np.zeros((m, n))
        coverage = np.minimum(text / np.where(batch.denom > 0, batch.denom, 1.0)[:, None], 1.0)
        batch.shared["text"] = text
        batch.shared["coverage"] = coverage
        return coverage

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        return batch.shared["text"] > 0

    def fixed(self, batch: RankingBatch) -> None:
        return None

    def explain(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> SignalExplanation:
        # matched terms and the fields they were found in: one sparse product for all rows
        hits = self.index.matched_fields(batch.Q, need_pos, firms)
        by_term = [{t.term: t for t in q.terms} for q in batch.queries]
        matched, phrases = [], []
        for row, i in enumerate(need_pos.tolist()):
            lo, hi = hits.indptr[row], hits.indptr[row + 1]
            terms = [by_term[i][t] for t in hits.indices[lo:hi].tolist()]
            terms.sort(key=lambda t: t.position)
            fields = int(np.bitwise_or.reduce(hits.data[lo:hi].astype(np.int64))) if hi > lo else 0
            matched.append([t.label for t in terms])
            if terms:
                where = [label for f, (_, _, label) in enumerate(TEXT_FIELDS) if fields & (1 << f)]
                phrases.append("Matches " + ", ".join(matched_phrases(terms)) + " in " + join_words(where))
            else:
                phrases.append("")
        return SignalExplanation(phrases, {"matched_terms": matched})


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

    def weight(self, config: MatchConfig) -> float:
        return config.industry_weight

    def score(self, batch: RankingBatch) -> np.ndarray:
        m, n = len(batch.needs), batch.n_firms
        industry = self.model.probabilities(batch.Q, batch.shared["text"], batch.shared["coverage"], batch.queries)
        firm_industry = self.model.firm_probabilities(industry)
        # stated NAICS codes: level per firm (0 none .. 4 exact) and industry credit
        stated_level = np.zeros((m, n), dtype=np.int8)
        for i, need in enumerate(batch.needs):
            if need.naics:
                stated_level[i] = self.naics.stated_levels(need.naics)
        stated_credit = stated_level >= 3  # matches a stated code of 4+ digits
        batch.shared.update(industry=industry, firm_industry=firm_industry, stated_level=stated_level,
                            stated_credit=stated_credit)
        return np.where(stated_credit, 1.0, firm_industry)

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        return (batch.shared["firm_industry"] >= self.config.industry_threshold) | batch.shared["stated_credit"]

    def fixed(self, batch: RankingBatch) -> tuple[np.ndarray, np.ndarray] | None:
        """A need with NAICS codes and no text: firms by how closely they match the codes (exact 100 .. sector 40)."""
        naics_only = np.array([not need.text for need in batch.needs])
        if not naics_only.any():
            return None
        return naics_only, STATED_LEVEL_SCORES[batch.shared["stated_level"][naics_only]]

    def explain(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> SignalExplanation:
        industry, firm_industry = batch.shared["industry"], batch.shared["firm_industry"]
        stated_level = batch.shared["stated_level"]
        pointed = [np.flatnonzero(industry[i] >= self.config.industry_threshold) for i in range(len(batch.needs))]
        levels, phrases = [], []
        for i, d in zip(need_pos.tolist(), firms.tolist()):
            level, from_stated = self.model.naics_level(int(stated_level[i, d]), d, pointed[i])
            levels.append(level)
            phrases.append(self._phrase(batch.needs[i], d, level, from_stated, float(firm_industry[i, d])))
        return SignalExplanation(phrases, {"naics_match": levels})

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


#: The signals a Matcher ranks by, in the order they run (and appear in reasons). Register a signal here.
#: The registered ranking signals, in the order their columns appear. A new signal is one module with a
#: class of the :class:`Signal` methods and one line here: its ``<name>_score`` column (with its
#: ``label_ko`` header) is added to :data:`~mwbe_match.engine.results.SHORTLIST_SCHEMA` from this tuple.
SIGNALS: tuple[type, ...] = (
    TextSignal,
    IndustrySignal,
)


# --------------------------------------------------------------------------- phrases


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
