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
the text signal's strongest matches). To add a signal: a class with the
:class:`Signal` methods in a new module, and one line in :data:`SIGNALS`.
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
from .config import MatchConfig
from .firms import TEXT_FIELDS, column
from .industry import STATED_LEVEL_SCORES, IndustryModel, NaicsCodes
from .need import Need
from .places import borough_label, place_borough_name, preferred_boroughs
from .query import QueryTerm, QueryTerms
from .text_index import TextIndex

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

    def weight(self, config: MatchConfig) -> float:
        return config.place_weight

    @staticmethod
    def _preferences(batch: RankingBatch) -> list[dict[str, tuple[str, ...]]]:
        cached = batch.shared.get("place_preferences")
        if cached is None:
            cached = [preferred_boroughs(need.text) if need.text else {} for need in batch.needs]
            batch.shared["place_preferences"] = cached
        return cached

    def _masks(self, batch: RankingBatch) -> np.ndarray:
        return np.array([sum(_BOROUGH_BIT[b] for b in prefs) for prefs in self._preferences(batch)],
                        dtype=np.int64)

    def applies(self, batch: RankingBatch) -> np.ndarray:
        """Needs whose text names a place in one of the boroughs (the matcher gives this signal its weight for
        these needs only; see :class:`Signal`)."""
        return self._masks(batch) != 0

    def score(self, batch: RankingBatch) -> np.ndarray:
        masks = self._masks(batch)[:, None]
        inside = (self._in[None, :] & masks) != 0
        serves = (self._serves[None, :] & masks) != 0
        return np.where(inside, 1.0, np.where(serves, 0.5, 0.0))

    def evidence(self, batch: RankingBatch) -> np.ndarray:
        return np.zeros((len(batch.needs), batch.n_firms), dtype=bool)

    def fixed(self, batch: RankingBatch) -> None:
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
