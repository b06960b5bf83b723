"""Engine composition: :class:`Matcher` builds the ranking stages once and composes them per batch of needs.

:class:`Matcher` builds an index of the directory once (scikit-learn style:
build, then query many times) and answers needs with :meth:`Matcher.shortlist`
(one need) or :meth:`Matcher.shortlist_many` (a batch, scored together).

How a firm is ranked for a need with text
-----------------------------------------
0. **Reading the text.** English text is searched as written. Text with
   Hangul (Korean, or Korean mixed with English) is read through the
   glossary (:meth:`mwbe_match.engine.readers.korean.Glossary.expand`): each understood
   term searches its main English phrase and, at ``synonym_weight``, its
   synonyms (together they count as one thing in ``coverage``); English
   words in it are searched as typed. The glossary's NAICS prefixes for the
   need's terms become soft industry hints (below); for an English need,
   its phrases that are English glossary terms give weaker hints. The
   ``understood_terms`` and ``unknown_terms`` columns and the start of
   ``reasons`` ("Read as: ...") say what was read; :meth:`Matcher.read`
   shows it without ranking.
1. **Text evidence** (BM25F). Each firm is a document with fields: name and
   DBA, business description, NAICS title/subsector/sector, the three
   job-experience descriptions, construction project types. Tokens are
   stemmed and stopwords dropped (:mod:`mwbe_match.engine.text`); rare words weigh
   more (BM25 idf), repeated words saturate, long fields are length-normalized
   per field. A query word not in the directory's vocabulary is corrected to
   the closest directory word(s) by edit similarity (``plumming`` ->
   ``plumbing``). ``coverage`` is the idf-weighted fraction of the need's
   words that the firm matches, each word's share saturating with how often
   and where the firm mentions it: 0 (nothing) to 1.
2. **Industry evidence.** The directory's own text teaches which 4-digit NAICS
   industry groups words point at (a multinomial naive Bayes over industry
   groups, trained on descriptions, job history and NAICS titles), and the
   need's strongest text matches vote for their industries (pseudo-relevance
   feedback). The two are averaged into a probability per industry group,
   and glossary hints are mixed in (``hint_weight``, ``english_hint_weight``);
   ``industry`` for a firm is the probability of its own group, or 1 when
   the need states NAICS codes of 4 or more digits that the firm matches.
3. ``score = 100 * ((1 - w) * coverage + w * industry)`` with ``w =
   MatchConfig.industry_weight``: absolute evidence through a fixed formula,
   so scores are comparable across needs (no division by the best hit).
   The two parts are the columns ``text_score`` (``100 * (1 - w) *
   coverage``) and ``industry_score`` (``100 * w * industry``); ``score`` is
   their sum (:mod:`mwbe_match.engine.signals`).
   Firms with neither text evidence nor an industry probability of at least
   ``MatchConfig.industry_threshold`` are not returned.

A need with NAICS codes and no text ranks the firms in those codes by how
closely they match (``exact`` 100, ``industry`` 80, ``subsector`` 60,
``sector`` 40; all of it ``industry_score``), then by account number.

The stages, one module each under :mod:`mwbe_match.engine`: ``readers``
(language readers), ``query`` (text -> weighted terms), ``text_index``
(BM25F), ``spelling`` (typos), ``industry`` (NAICS groups), ``filters``
(requirement masks, certification on a date, distance, funnel counts),
``signals`` (the ranking signals), ``explain`` (reasons).

Hard requirements (certification, borough, radius, bonding, ...) are boolean
masks: a firm that fails one is never returned. Ties in score break by
account number, so the same input always gives the same output.

Certification on the as-of date
-------------------------------
Every row is judged on ``MatchConfig.as_of`` (default today) by
:func:`mwbe_match.certification.certification_status`, on the
certifications the need asks for (all when it asks for none):
``certification_status``, ``certified_through`` and ``as_of`` columns. A
firm whose certification lapsed before ``as_of`` is left out (a mask
computed once per date) unless ``MatchConfig.include_lapsed``; then it is
returned flagged ``lapsed`` and its reason says when it lapsed. Firms with
no published renewal date are kept, flagged ``unknown``. Rows scoring below
``MatchConfig.min_score`` are dropped. :meth:`Matcher.funnel` counts, per
need, which requirement removed how many of the firms that fit its text.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from ..validation import positive_int
from ..certification import CERTIFICATION_STATUSES, resolve_as_of
from ..directory import load_directory, unique_firms
from ..verify import DEFAULT_THRESHOLD, NameIndex, NameInput
from .config import CONFIG_FIELDS, MatchConfig
from .explain import Explainer, funnel_rows
from .filters import LAPSED, NO_DATE, FirmFilters
from .firms import OUTPUT_FIRM_COLUMNS, check_columns, column, contact_names, firm_table
from .industry import NaicsCodes
from .need import Need, NeedError
from .query import NeedReading, QueryTerms, prepare_queries
from .readers import Glossary, Reader, default_readers, resolve_glossary
from .results import FUNNEL_SCHEMA, SHORTLIST_COLUMNS, SHORTLIST_SCHEMA, best_rows, empty_frame, empty_table, frame
from .signals import SIGNALS, RankingBatch, Signal
from .spelling import Speller
from .text_index import TextIndex

__all__ = ["Matcher"]


class Matcher:
    """Ranked, explainable shortlists of certified firms for procurement needs.

    Build once, query many times::

        matcher = Matcher(load_directory())
        matcher.shortlist("office cleaning", certifications="WBE", boroughs="Queens")
        matcher.shortlist_many([Need("n1", "plumbing"), Need("n2", naics="5416")])

    Args:
        directory: a normalized directory (:func:`mwbe_match.load_directory`),
            a path any loader accepts, or ``None`` for ``load_directory()``.
            Rows sharing an account number are reduced with
            :func:`mwbe_match.unique_firms`.
        config: ranking settings (:class:`MatchConfig`).
        glossary: the older name of ``lexicon`` (a :class:`~mwbe_match.engine.readers.korean.Glossary`
            is the Korean view of a lexicon).
        lexicon: how needs in both languages are read: a :class:`~mwbe_match.engine.lexicon.Lexicon`
            or the path(s) of user lexicon files (:mod:`mwbe_match.engine.lexicon`) merged over the
            bundled one (a concept with the id of a bundled one replaces it); ``config.lexicons`` are
            merged over that. Default: the bundled lexicon.
        readers: the language readers (:class:`~mwbe_match.engine.readers.base.Reader`), asked in order,
            the last one reading any text no other detects. Default: one of each registered in
            :data:`mwbe_match.engine.readers.READERS` (Korean, English), reading through ``glossary``
            (readers given here read through their own glossaries).
        signals: the ranking signal classes (:class:`~mwbe_match.engine.signals.Signal`), in the order
            they run. Default: :data:`mwbe_match.engine.signals.SIGNALS` (text, industry).

    Raises:
        ValueError: the directory lacks columns the matcher needs (named), or
            a glossary file is malformed (naming the file, line and problem).
    """

    def __init__(self, directory: pd.DataFrame | str | None = None, config: MatchConfig | None = None, *,
                 glossary: Glossary | str | os.PathLike | Sequence[str | os.PathLike] | None = None,
                 readers: Sequence[Reader] | None = None, signals: Sequence[type] | None = None, lexicon: Any = None):
        self.glossary, self.glossary_files = resolve_glossary(glossary, lexicon, (config or MatchConfig()).lexicons)
        if directory is None or not isinstance(directory, pd.DataFrame):
            directory = load_directory(directory)
        check_columns(directory)
        self.config = config or MatchConfig()
        #: the directory the index was built from (as given, duplicates included)
        self.directory = directory
        table = firm_table(unique_firms(directory))
        self.n_firms = table.num_rows
        # the stages, built once
        self.index = TextIndex(table, self.config)
        self.speller = Speller(self.index, self.config)
        naics = NaicsCodes(table)
        self.signals: tuple[Signal, ...] = tuple(cls(table, self.index, self.config, naics=naics)
                                                 for cls in (signals or SIGNALS))
        self.filters = FirmFilters(table, naics, self.config)
        self.explainer = Explainer(self.filters, self.config)
        chosen = tuple(readers) if readers is not None else default_readers(self.glossary)
        if not chosen:
            raise ValueError("readers must name at least one language reader")
        self.readers = tuple(reader.for_index(self.index) for reader in chosen)
        self._out = pa.table([column(table, c) for c in OUTPUT_FIRM_COLUMNS]
                             + [contact_names(column(table, "contact_first_name"),
                                              column(table, "contact_last_name"))],
                             names=list(OUTPUT_FIRM_COLUMNS) + ["contact_name"])
        self._names: NameIndex | None = None

    def match_names(self, names: NameInput, *, threshold: float = DEFAULT_THRESHOLD,
                    name_column: str | None = None) -> pd.DataFrame:
        """Which of these vendors are in this matcher's directory? One row per input row.

        The same as :func:`mwbe_match.match_names` against :attr:`directory`;
        the name index is built on first use and kept for later calls.
        Certifications are judged as the shortlists judge them: on
        ``config.as_of`` (default today) with ``config.expiring_within_days``.
        """
        return self._name_index().match(names, threshold=threshold, name_column=name_column,
                                        as_of=self.config.as_of,
                                        expiring_within_days=self.config.expiring_within_days)

    def name_candidates(self, names: NameInput, *, k: int = 5, name_column: str | None = None) -> pd.DataFrame:
        """The top ``k`` candidate firms per input name, long form (see :func:`mwbe_match.name_candidates`).

        Certifications are judged on ``config.as_of``, as in :meth:`match_names`.
        """
        return self._name_index().candidates(names, k=k, name_column=name_column, as_of=self.config.as_of,
                                             expiring_within_days=self.config.expiring_within_days)

    def _name_index(self) -> NameIndex:
        if self._names is None:
            self._names = NameIndex(self.directory, workers=self.config.workers)
        return self._names

    def __repr__(self) -> str:
        industry = next((s for s in self.signals if getattr(s, "name", "") == "industry"), None)
        groups = f", {len(industry.model)} industry groups" if industry is not None else ""
        return f"Matcher({self.n_firms} firms, {len(self.index)} terms{groups})"

    # ------------------------------------------------------------------ public API

    def read(self, text: str) -> NeedReading:
        """How the matcher reads a need's text: the Korean terms understood, the words it cannot use.

        ``Matcher.read("맨해튼 사무실 청소 블라블라")`` shows ``사무실 청소 →
        office cleaning, ...`` understood and ``블라블라`` unknown; an empty
        shortlist for a need whose text is not :attr:`~NeedReading.usable`
        is explained by :meth:`NeedReading.no_match_reason`.
        """
        if not isinstance(text, str):
            raise TypeError(f"read() takes the need's text, not {type(text).__name__}")
        return NeedReading.from_query(self._prepare_queries([" ".join(text.split())])[0])

    def shortlist(self, need_or_text: Need | str, top: int = 10, **requirements: Any) -> pd.DataFrame:
        """The best ``top`` firms for one need, best first.

        Args:
            need_or_text: a :class:`~mwbe_match.Need`, or the need's text
                (its ``need_id`` is then ``"need"``).
            top: at most this many rows (fewer when fewer firms qualify).
            **requirements: fields of :class:`~mwbe_match.Need` (e.g.
                ``certifications="WBE", boroughs=["Queens"]``); with a Need
                they replace its fields.

        Returns:
            A frame with :data:`SHORTLIST_COLUMNS`; empty (same columns and
            dtypes) when no firm qualifies.

        Raises:
            NeedError: invalid need or requirement.
            ValueError: ``top`` < 1.
            TypeError: a keyword is a :class:`MatchConfig` setting (``as_of``,
                ``include_lapsed``, ``min_score``, ...), not a requirement.
        """
        settings = [k for k in requirements if k in CONFIG_FIELDS]
        if settings:
            raise TypeError(f"{', '.join(settings)} is a MatchConfig setting, not a requirement of the need: "
                            f"Matcher(directory, MatchConfig({settings[0]}=...))")
        if isinstance(need_or_text, Need):
            need = dataclasses.replace(need_or_text, **requirements) if requirements else need_or_text
        elif isinstance(need_or_text, str):
            need = Need(requirements.pop("need_id", "need"), need_or_text, **requirements)
        else:
            raise TypeError(f"shortlist() takes a Need or a string, not {type(need_or_text).__name__}")
        return self.shortlist_many([need], top=top)

    def shortlist_many(self, needs: Iterable[Need | str] | pd.DataFrame, top: int = 10) -> pd.DataFrame:
        """Shortlists for many needs at once, in long form (the needs in input order, each best first).

        Text scores for all needs come from one sparse matrix product; the
        rest is array arithmetic over the batch.

        Args:
            needs: :class:`~mwbe_match.Need` objects or plain texts (a text's
                ``need_id`` is its 1-based position, ``"1"``, ``"2"``, ...;
                the two may be mixed), or a DataFrame with one need per row
                (parsed with :meth:`Need.from_mapping`; a row without
                ``need_id`` gets its 1-based row number).
            top: at most this many rows per need.

        Returns:
            A frame with :data:`SHORTLIST_COLUMNS`.

        Raises:
            NeedError: a row or item is not a valid need (the message names the row).
            ValueError: ``top`` < 1.
        """
        top = positive_int("top", top)
        need_list = _as_needs(needs)
        if not need_list or self.n_firms == 0:
            return empty_frame()
        as_of = resolve_as_of(self.config.as_of)
        tables = [t for t in (self._rank_chunk(chunk, top, as_of) for chunk in self._chunks(need_list))
                  if t.num_rows]
        if not tables:
            return empty_frame()
        return frame(pa.concat_tables(tables) if len(tables) > 1 else tables[0])

    def funnel(self, needs: Iterable[Need | str] | pd.DataFrame | Need | str) -> pd.DataFrame:
        """How each need's candidates were narrowed: which requirement removed how many firms.

        The firms that fit a need's text (and for a NAICS-only need, every
        firm) are its ``candidates``; each hard requirement is then applied in
        turn (``naics``, ``certifications``, ``certified_through``,
        ``lapsed`` — the default exclusion of firms whose certification
        lapsed before ``as_of`` —, ``ethnicity``, ``boroughs``, ``states``,
        ``near``, ``min_bonding``, ``min_contract_value``,
        ``union_signatory``, ``passport_enrolled``,
        ``min_years_in_business``, ``exclude``, then ``min_score``), counting
        the candidates it removes that the earlier ones kept.

        Args:
            needs: as for :meth:`shortlist_many`, or one need or text.

        Returns:
            One row per need, in input order (:data:`FUNNEL_SCHEMA`):
            ``need_id``; ``candidates`` (int64); ``eliminated_by``
            (map<string, int64>: requirement -> candidates it removed, in
            the order applied, every applied requirement listed);
            ``remaining`` (int64: firms that meet every requirement, the
            need's supplier depth; a shortlist shows the best ``top`` of
            them); ``reasons`` (for a need with no firm left, which
            requirement eliminated how many candidates, e.g. "11 firms fit
            the text and NAICS; 10 of them are not certified through
            2027-06-30; the remaining one is outside Queens."; else how many
            firms qualify).
        """
        if isinstance(needs, (Need, str)):
            needs = [needs]
        need_list = _as_needs(needs)
        rows: list[dict[str, Any]] = []
        if need_list and self.n_firms:
            as_of = resolve_as_of(self.config.as_of)
            for chunk in self._chunks(need_list):
                self._rank_chunk(chunk, 1, as_of, funnel=rows)
        else:
            for need in need_list:
                rows.append({"need_id": need.need_id, "candidates": 0, "eliminated_by": [], "remaining": 0,
                             "reasons": "The directory has no firms."})
        return pa.table({name: pa.array([r[name] for r in rows], FUNNEL_SCHEMA.field(name).type)
                         for name in FUNNEL_SCHEMA.names},
                        schema=FUNNEL_SCHEMA).to_pandas(types_mapper=pd.ArrowDtype)

    # ------------------------------------------------------------------ batch ranking

    def _prepare_queries(self, texts: Sequence[str]) -> list[QueryTerms]:
        return prepare_queries(texts, self.readers, self.index, self.speller, self.config)

    def _chunks(self, needs: list[Need]) -> Iterable[list[Need]]:
        """The needs in chunks whose (needs x firms) arrays stay around 2 million cells."""
        chunk = max(1, min(512, int(2e6 // max(self.n_firms, 1))))
        for start in range(0, len(needs), chunk):
            yield needs[start:start + chunk]

    def _rank_chunk(self, needs: list[Need], top: int, as_of: _dt.date,
                    funnel: list[dict[str, Any]] | None = None) -> pa.Table:
        """The best ``top`` rows of each need of the chunk (or, with ``funnel``, its funnel rows)."""
        queries = self._prepare_queries([need.text for need in needs])
        Q, denom = self.index.query_matrix(queries)
        batch = RankingBatch(needs, queries, Q, denom, as_of, self.n_firms)
        score, parts = self._score(batch)
        eligible, evidence = self._eligible(batch)
        by_key = _group_by_certifications(needs)
        status_arrays = {key: self.filters.certification_arrays(as_of, key) for key in by_key}
        if not self.config.include_lapsed:
            for key, rows_of in by_key.items():
                eligible[rows_of] &= status_arrays[key][0][None, :] != LAPSED
        if self.config.min_score > 0:
            eligible &= score >= self.config.min_score
        if funnel is not None:
            funnel.extend(funnel_rows(self.filters, self.config, batch, evidence, score, by_key, status_arrays))
            return empty_table()
        need_pos, firms, ranks = best_rows(score, eligible, self.filters.tiebreak, top)
        if len(firms) == 0:
            return empty_table()
        return self._rows(batch, need_pos, firms, ranks, score, parts, by_key, status_arrays)

    def _score(self, batch: RankingBatch) -> tuple[np.ndarray, "_Parts"]:
        """``score`` (m x n, 0-100, rounded to 2 decimals) and the signals' parts of it.

        ``score = 100 * sum(weight * value)`` over the signals; a need a signal
        scores alone (:meth:`Signal.fixed`) takes that signal's scores.
        """
        cfg = self.config
        values = [(signal, signal.score(batch)) for signal in self.signals]  # in order: later ones read earlier ones
        # a signal with ``applies`` (the place signal) takes its share only for the needs it applies to; the
        # others share the rest, so a need it does not apply to is scored as without it
        optional = np.zeros(len(batch.needs))
        weights = []
        for signal, _ in values:
            applies = getattr(signal, "applies", None)
            if applies is None:
                weights.append(None)
            else:
                weights.append(np.where(applies(batch), signal.weight(cfg), 0.0))
                optional += weights[-1]
        weighted: dict[str, np.ndarray] = {}
        total = None
        for (signal, value), weight in zip(values, weights):
            if weight is None:
                part = signal.weight(cfg) * value if not optional.any() else \
                    (signal.weight(cfg) * (1.0 - optional))[:, None] * value
            else:
                part = weight[:, None] * value
            weighted[signal.name + "_score"] = part
            total = part if total is None else total + part
        score = 100.0 * total
        fixed: dict[str, np.ndarray] = {}
        for signal in self.signals:
            found = signal.fixed(batch)
            if found is not None:
                rows, scores = found
                score[rows] = scores
                fixed[signal.name + "_score"] = rows
        return np.round(score, 2), _Parts(weighted, fixed)

    def _eligible(self, batch: RankingBatch) -> tuple[np.ndarray, np.ndarray]:
        """``(eligible, evidence)`` (m x n): who meets the hard requirements and has some signal's evidence."""
        m, n = len(batch.needs), self.n_firms
        eligible = np.ones((m, n), dtype=bool)
        for i, need in enumerate(batch.needs):
            mask = self.filters.requirement_mask(need, batch.as_of)
            if mask is not None:
                eligible[i] &= mask
        evidence = np.zeros((m, n), dtype=bool)
        for signal in self.signals:
            evidence |= signal.evidence(batch)
        evidence[np.array([not need.text for need in batch.needs])] = True  # NAICS-only: every firm
        has_hints = np.array([bool(q.naics_hints) for q in batch.queries])
        has_naics = np.array([bool(need.naics) for need in batch.needs])
        evidence[~batch.has_text & ~has_hints & ~has_naics] = False  # nothing to go on
        eligible &= evidence
        return eligible, evidence

    def _rows(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray, ranks: np.ndarray,
              score: np.ndarray, parts: "_Parts", by_key: dict[tuple[str, ...], list[int]],
              status_arrays: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]]) -> pa.Table:
        """The shortlist rows of the chosen (need, firm) pairs, explained."""
        needs, queries = batch.needs, batch.queries
        status = np.empty(len(firms), dtype=np.int8)
        through = np.empty(len(firms), dtype=np.int64)
        row_key = np.empty(len(needs), dtype=np.int64)
        for k, rows_of in enumerate(by_key.values()):
            row_key[rows_of] = k
        for k, key in enumerate(by_key):
            sel = row_key[need_pos] == k
            status[sel] = status_arrays[key][0][firms[sel]]
            through[sel] = status_arrays[key][1][firms[sel]]
        row_score = score[need_pos, firms]
        explanations = [signal.explain(batch, need_pos, firms) for signal in self.signals]
        reasons = self.explainer.reasons(needs, queries, need_pos, firms, status, through, batch.as_of,
                                         [e.phrases for e in explanations])
        through_dates = pa.array(np.where(through == NO_DATE, 0, through).astype(np.int32), pa.int32(),
                                 mask=through == NO_DATE).cast(pa.date32())
        columns = {
            "certification_status": pa.array(np.asarray(CERTIFICATION_STATUSES, dtype=object)[status], pa.string()),
            "certified_through": through_dates,
            "valid_certifications": self.filters.valid_certifications(batch.as_of).take(pa.array(firms, pa.int64())),
            "as_of": pa.array([batch.as_of] * len(firms), pa.date32()),
            "need_id": pa.array([needs[i].need_id for i in need_pos.tolist()], pa.string()),
            "rank": pa.array(ranks, pa.int64()),
            "score": pa.array(row_score, pa.float64()),
            "reasons": pa.array(reasons, pa.string()),
            "understood_terms": pa.array([list(queries[i].understood) for i in need_pos.tolist()],
                                         pa.list_(pa.string())),
            "unknown_terms": pa.array([list(queries[i].unreadable) for i in need_pos.tolist()],
                                      pa.list_(pa.string())),
        }
        columns.update({name: pa.array(values, pa.float64()) for name, values in
                        parts.at(need_pos, firms, row_score).items()})
        for explanation in explanations:
            for name, values in explanation.columns.items():
                columns[name] = pa.array(values, SHORTLIST_SCHEMA.field(name).type)
        out = self._out.take(pa.array(firms, pa.int64()))
        arrays = [columns[c] if c in columns else out.column(c) for c in SHORTLIST_COLUMNS]
        return pa.Table.from_arrays(arrays, schema=SHORTLIST_SCHEMA)


# --------------------------------------------------------------------------- helpers


@dataclasses.dataclass
class _Parts:
    """Each signal's weighted value (m x n, 0-1) by result column, and the needs a signal scored alone."""

    weighted: dict[str, np.ndarray]
    fixed: dict[str, np.ndarray]

    def at(self, need_pos: np.ndarray, firms: np.ndarray, score: np.ndarray) -> dict[str, np.ndarray]:
        """Each signal's part of the score (0-100, 2 decimals) at the result rows whose scores are ``score``."""
        out = {name: np.round(100.0 * part[need_pos, firms], 2) for name, part in self.weighted.items()}
        for owner, rows in self.fixed.items():
            alone = rows[need_pos]
            for name, values in out.items():
                values[alone] = score[alone] if name == owner else 0.0
        return out


def _group_by_certifications(needs: Sequence[Need]) -> dict[tuple[str, ...], list[int]]:
    """The needs' positions by the certifications they ask for (status is judged on those; all when none)."""
    by_key: dict[tuple[str, ...], list[int]] = {}
    for i, need in enumerate(needs):
        by_key.setdefault(tuple(sorted(need.certifications)), []).append(i)
    return by_key


def _as_needs(needs: Iterable[Need] | pd.DataFrame) -> list[Need]:
    if isinstance(needs, pd.DataFrame):
        out = []
        records = needs.to_dict(orient="records")
        for row_number, row in enumerate(records, start=1):
            try:
                out.append(Need.from_mapping(row, need_id=str(row_number)))
            except NeedError as exc:
                raise exc.located(row=row_number) from None
        return out
    if isinstance(needs, (Need, str)):
        raise TypeError("shortlist_many() takes a list of needs (Need objects or texts) or a DataFrame; "
                        "use shortlist() for one need")
    out = []
    for i, need in enumerate(needs, start=1):
        if isinstance(need, str):
            try:
                need = Need(str(i), need)
            except NeedError as exc:
                raise exc.located(row=i) from None
        elif not isinstance(need, Need):
            raise NeedError("need", f"item {i} is a {type(need).__name__}, not a Need or a text", row=i)
        out.append(need)
    return out
