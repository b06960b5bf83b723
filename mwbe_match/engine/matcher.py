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
   and the concepts' NAICS hints are mixed in (``hint_weight``);
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
4. **Needs of several parts.** A need that asks for two or more distinct
   services ("a plumber to run water lines ... and a cabinet maker to build
   cabinets": its main aspects, :mod:`mwbe_match.engine.aspects`) gets a top
   in which each part has a firm when one qualifies: the best-scored firm
   covering a part no firm of the plain top does replaces the last firm whose
   parts others do too, and its reason says "Covers the second part of the
   need: 'cabinet maker'". The top stays ordered by score. A need of one part
   is ranked exactly as by score alone (``MatchConfig.cover_parts``).

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

import contextlib
import dataclasses
import datetime as _dt
import operator
import os
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc  # noqa: F401  (pa.ipc: the rows workers hand back)

from ..validation import positive_int, resolve_workers
from ..certification import CERTIFICATION_STATUSES, resolve_as_of
from ..directory import load_directory, unique_firms
from ..verify import DEFAULT_THRESHOLD, NameIndex, NameInput
from .aspects import AspectRanker, PartEvidence
from .caching import BoundedCache
from .config import CONFIG_FIELDS, MatchConfig
from .explain import Explainer, funnel_rows, parts_sentence
from .filters import EPOCH, LAPSED, NO_DATE, FirmFilters
from .firms import OUTPUT_FIRM_COLUMNS, check_columns, column, contact_names, firm_table
from .industry import NaicsCodes
from .need import Need, NeedError
from .parallel import ForkedPool, WorkerError, fork_available, hand_back, rows_folder, run_forked, taken_back
from .query import NeedReading, QueryTerms, prepare_queries
from .readers import Glossary, Reader, default_readers, reader_for, resolve_glossary
from .results import (COLUMN_TYPES, FUNNEL_SCHEMA, SHORTLIST_COLUMNS, SHORTLIST_SCHEMA, FirmColumns, RowColumns,
                      empty_frame, empty_table, frame, shortlist_frame, top_pairs)
from .signals import SIGNALS, RankingBatch, Signal
from .spelling import Speller
from .text_index import TextIndex

__all__ = ["Matcher"]

#: Cells of a block's (needs x firms) arrays: 512k float32 text scores are 2 MB, about a core's cache.
_BLOCK_CELLS = 1 << 19
#: How far below a need's ``top``-th best estimated score a firm is still scored exactly (rounding to 0.01
#: moves a score by at most 0.005; float32 estimates are off by less than 0.001).
_MARGIN = np.float32(0.02)
#: Need texts whose prepared queries a matcher keeps (about 10 KB each, so at most ~20 MB): a batch's repeated
#: texts are read once.
_READINGS = 2048
#: Work (needs x firms) from which ``shortlist_many`` ranks on forked worker processes: below it, starting the
#: processes (forking, then joining them: some 50-100 ms for two) costs more than they save, and threads over
#: the blocks do better. Measured with ``benchmarks/speed.py --crossover`` at 11,000 firms on 2 cores
#: (2026-12-02, load average 1.1, with the per-reading caches): against one thread, processes 0.78x at 400
#: needs (4.4M cells), 1.09x at 800 and at 1,600 (17.6M), threads 1.13x, 1.22x and 1.27x; processes pay at
#: 100,000 firms and 1,000 needs (100M cells: 1.3x one thread). The threshold is set above 17.6M.
PROCESS_CELLS = 32_000_000
#: Tasks per worker process: blocks are handed out in this many runs per worker, so that a worker slowed by
#: other work on the machine leaves its share to the others.
_TASKS_PER_WORKER = 4
#: Texts to read from which :meth:`Matcher.worker_processes` shares the reading with forked processes before it
#: starts its workers (one fork and the readings sent back cost some 50 ms; a text takes about 0.7 ms to read).
_SHARED_READING = 256


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
        self.aspects = AspectRanker(self.index, naics, self.config)
        self.explainer = Explainer(self.filters, self.config)
        chosen = tuple(readers) if readers is not None else default_readers(self.glossary)
        if not chosen:
            raise ValueError("readers must name at least one language reader")
        self.readers = tuple(reader.for_index(self.index) for reader in chosen)
        #: the directory columns of result rows (:class:`~mwbe_match.engine.results.FirmColumns`)
        self._out = FirmColumns({**{c: column(table, c) for c in OUTPUT_FIRM_COLUMNS},
                                 "contact_name": contact_names(column(table, "contact_first_name"),
                                                               column(table, "contact_last_name"))})
        self._names: NameIndex | None = None
        #: per date: masks of current firms, result columns
        self._current_cache: BoundedCache[Any] = BoundedCache(64)
        self._readings: BoundedCache[QueryTerms] = BoundedCache(_READINGS)  # need text -> its prepared query
        self._pool: ForkedPool | None = None  # the worker processes of a worker_processes() block
        self._text_workers: dict[str, int] = {}  # in that block: need text -> the worker ranking its needs
        self._worker_loads: list[int] = []  # in that block: needs given to each worker
        self._rows_folder: str | None = None  # in that block: where its workers hand their rows back

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
            self._names = NameIndex.for_directory(self.directory, workers=self.config.workers)
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
        # shortlist_many([need], top=top, workers=1), without its batch handling: one block of one need
        top = positive_int("top", top)
        if self.n_firms == 0:
            return empty_frame()
        as_of = resolve_as_of(self.config.as_of)
        self.filters.valid_certifications(as_of)
        columns = self._rank_columns([need], self._prepare_queries([need.text]), top, as_of)
        return shortlist_frame(columns, len(columns[0])) if columns else empty_frame()

    def shortlist_many(self, needs: Iterable[Need | str] | pd.DataFrame, top: int = 10, *,
                       workers: int = -1) -> pd.DataFrame:
        """Shortlists for many needs at once, in long form (the needs in input order, each best first).

        The needs are ranked in blocks sized to stay in the processor's cache (a block's text scores
        are the query terms' posting lists summed, then only the firms that can qualify are scored).
        With ``workers`` other than 1 the blocks are shared out: on Linux, from :data:`PROCESS_CELLS`
        needs x firms (about 360 needs at 11,000 firms), to worker processes forked for the call, which
        inherit the built matcher (so both cores work: reading texts and writing reasons is Python that
        holds the interpreter lock, which threads share); for fewer needs, starting processes costs more
        than it saves and the blocks stay in this process; elsewhere (macOS, Windows) they go to threads.
        Inside a :meth:`worker_processes` block, the workers of the block are used (no fork per call).
        Needs alike in all but their ``need_id`` (:meth:`same_rows_key`) are ranked once, each getting
        the rows; with distinct ids, the needs of one text go to one worker (inside a
        :meth:`worker_processes` block, the same worker in every call), so that what is computed per text
        (its text scores, industry probabilities, phrases) is computed once, and the workers hand their
        rows back through shared memory. The result does not depend on ``workers``, nor on which needs
        are ranked together: a need's rows are a function of the need alone. A need that fails in a worker raises :class:`~mwbe_match.engine.parallel.WorkerError`
        naming it (``need_id``); a worker that dies raises :class:`~mwbe_match.engine.parallel.WorkerDied`.

        Args:
            needs: :class:`~mwbe_match.Need` objects or plain texts (a text's
                ``need_id`` is its 1-based position, ``"1"``, ``"2"``, ...;
                the two may be mixed), or a DataFrame with one need per row
                (parsed with :meth:`Need.from_mapping`; a row without
                ``need_id`` gets its 1-based row number).
            top: at most this many rows per need.
            workers: worker processes (threads where processes cannot be forked) ranking blocks of
                needs: ``-1`` (the default) one per core, ``1`` none (everything in the calling thread),
                as rapidfuzz's ``workers``.

        Returns:
            A frame with :data:`SHORTLIST_COLUMNS`.

        Raises:
            NeedError: a row or item is not a valid need (the message names the row).
            ValueError: ``top`` < 1, or ``workers`` is neither -1 nor a positive number.
        """
        top = positive_int("top", top)
        threads = resolve_workers(workers)
        need_list = _as_needs(needs)
        if not need_list or self.n_firms == 0:
            return empty_frame()
        as_of = resolve_as_of(self.config.as_of)
        self.filters.valid_certifications(as_of)  # computed once, before the threads share it
        # needs alike in all but their need_id are ranked once (their rows are the same); with distinct ids
        # the needs may be ranked in any order and grouping, the rows put back in input order by need_id
        distinct, stands_for = _distinct_needs(need_list)
        ranked, in_order = self._map_blocks(distinct, threads, as_of, top, any_order=stands_for is not None)
        tables = [t for t in ranked if t.num_rows]
        if not tables:
            return empty_frame()
        table = pa.Table.from_batches(tables) if len(tables) > 1 else tables[0]
        if stands_for is not None and not (in_order and len(distinct) == len(need_list)):
            table = _in_need_order(table, distinct, need_list, stands_for)
        return frame(table)

    @staticmethod
    def same_rows_key(need: Need) -> tuple:
        """What a need's shortlist rows depend on, besides the matcher: every field of the need but its
        ``need_id`` (echoed in its rows) and ``company`` (not used in matching). Two needs of equal keys get
        the same rows but for ``need_id`` (a batch ranks such needs once)."""
        return _content(need)

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
            for block, queries in self._blocks(need_list):
                self._rank_block(block, queries, 1, as_of, funnel=rows)
        else:
            for need in need_list:
                rows.append({"need_id": need.need_id, "candidates": 0, "eliminated_by": [], "remaining": 0,
                             "reasons": "The directory has no firms."})
        return pa.table({name: pa.array([r[name] for r in rows], FUNNEL_SCHEMA.field(name).type)
                         for name in FUNNEL_SCHEMA.names},
                        schema=FUNNEL_SCHEMA).to_pandas(types_mapper=pd.ArrowDtype)

    # ------------------------------------------------------------------ batch ranking

    def _prepare_queries(self, texts: Sequence[str]) -> list[QueryTerms]:
        """The texts' prepared queries; a text read before is not read again (a reading depends only on the
        text and this matcher, and nothing changes a prepared query, so needs of one text share it)."""
        cache = self._readings
        found = {text: cache.get(text) for text in texts}
        missing = [text for text, query in found.items() if query is None]
        if missing:
            found.update(zip(missing, prepare_queries(missing, self.readers, self.index, self.speller, self.config)))
            cache.put_many((text, found[text]) for text in missing)
        return [found[text] for text in texts]

    def clear_caches(self) -> None:
        """Forget the readings of need texts, what was computed per reading (query rows, text scores, industry
        probabilities, the firms of a need's parts), the typo corrections, the certification phrases and the
        requirement masks kept between calls (the outputs do not change; the next calls read and compute them
        again). For timing cold calls, or to free memory."""
        self._readings.clear()
        self._current_cache.clear()
        self.filters.clear_caches()
        self.index.clear_caches()
        self.aspects.clear_caches()
        self.speller.clear_caches()
        self.explainer.clear_caches()
        for signal in self.signals:
            clear = getattr(signal, "clear_caches", None)
            if callable(clear):
                clear()

    def _block_size(self) -> int:
        """Needs per block: its (needs x firms) text scores (float32) stay around 2 MB, in cache."""
        return max(1, min(256, _BLOCK_CELLS // max(self.n_firms, 1)))

    def _blocks(self, needs: list[Need]) -> Iterator[tuple[list[Need], list[QueryTerms]]]:
        """The needs in blocks, each with its prepared queries (prepared here, in the calling thread: the
        readers and the speller's cache are not shared between threads)."""
        size = self._block_size()
        for start in range(0, len(needs), size):
            block = needs[start:start + size]
            yield block, self._prepare_queries([need.text for need in block])

    def _map_blocks(self, needs: list[Need], threads: int, as_of: _dt.date, top: int, *,
                    any_order: bool = False) -> tuple[list[pa.Table], bool]:
        """The ranked rows of every block and whether they are in need order: in this thread; on worker
        processes (those of a :meth:`worker_processes` block, or forked for this call from
        :data:`PROCESS_CELLS` needs x firms); or, where processes cannot be forked, on ``threads`` threads
        while the next blocks are prepared. With ``any_order`` (the needs' ids are distinct) the workers may
        rank the needs grouped by text (each text's per-reading work done by one worker), the rows of each
        need together but the needs in another order."""
        size = self._block_size()
        if threads <= 1 or len(needs) <= size:
            return [self._rank_block(block, queries, top, as_of) for block, queries in self._blocks(needs)], True
        if self._pool is not None or (fork_available() and len(needs) * self.n_firms >= PROCESS_CELLS):
            return self._map_blocks_forked(needs, threads, as_of, top, any_order)
        done: list[pa.Table] = []
        with ThreadPoolExecutor(max_workers=threads) as pool:
            pending: deque = deque()
            for block, queries in self._blocks(needs):
                self._warm_current(block, as_of)  # shared, computed once
                pending.append(pool.submit(self._rank_block, block, queries, top, as_of))
                if len(pending) > 2 * threads:  # a few blocks ahead of the threads, not the whole batch
                    done.append(pending.popleft().result())
            done.extend(f.result() for f in pending)
        return done, True

    def _map_blocks_forked(self, needs: list[Need], processes: int, as_of: _dt.date, top: int,
                           any_order: bool = False) -> tuple[list[pa.Table], bool]:
        """The ranked rows of every block on worker processes, and whether they are in need order. With
        ``any_order``, the needs of one text go to one worker (a text's per-reading work -- its text scores,
        industry probabilities, phrases -- is then done once, not by every worker): in a
        :meth:`worker_processes` block to the worker its text was given to (:meth:`_worker_of`), else in
        groups of whole texts handed to whichever worker is free. Otherwise runs of consecutive blocks go to
        the workers (the same blocks as in one process). A need's rows do not depend on the needs ranked
        with it. Workers forked for this call inherit the needs' readings (read here first, each distinct
        text once)."""
        size = self._block_size()
        blocks = -(-len(needs) // size)
        if self._pool is None:
            self._prepare_queries(list(dict.fromkeys(need.text for need in needs)))  # inherited by the workers
            self._warm_current(needs, as_of)
        workers = self._pool.workers if self._pool is not None else processes
        if any_order and self._pool is not None and self._pool.pinned:
            mine: list[list[Need]] = [[] for _ in range(workers)]
            for need, worker in zip(needs, self._worker_of(needs)):
                mine[worker].append(need)
            on = [w for w in range(workers) if mine[w]]
            results = self._pool.map_on([(mine[w], top, as_of, self._rows_folder) for w in on], on)
            return [table for run in results for table in taken_back(run)], False
        runs = min(blocks, workers * _TASKS_PER_WORKER)
        with contextlib.ExitStack() as stack:
            folder = self._rows_folder if self._pool is not None else stack.enter_context(rows_folder())
            if any_order:
                tasks = [(group, top, as_of, folder) for group in _text_groups(needs, runs)]
            else:
                bounds = (np.linspace(0, blocks, runs + 1).round().astype(int) * size).tolist()
                tasks = [(needs[a:b], top, as_of, folder) for a, b in zip(bounds[:-1], bounds[1:])]
            what = f"shortlist_many of {len(needs):,} needs (from need {needs[0].need_id!r})"
            results = self._pool.map(tasks) if self._pool is not None else \
                run_forked(self._rank_run_handed_back, tasks, processes, what=what)
            return [table for run in results for table in taken_back(run)], not any_order

    def _worker_of(self, needs: list[Need]) -> list[int]:
        """The worker of the current :meth:`worker_processes` block each need goes to: the one its text was
        given to; a text not given yet goes to the worker given the fewest needs so far."""
        given, loads = self._text_workers, self._worker_loads
        out = []
        for need in needs:
            worker = given.get(need.text)
            if worker is None:
                worker = given[need.text] = loads.index(min(loads))
            loads[worker] += 1
            out.append(worker)
        return out

    def _rank_run_handed_back(self, needs: list[Need], top: int, as_of: _dt.date,
                              folder: str | None) -> list[pa.Table] | str:
        """:meth:`_rank_run` in a worker process, its tables handed back through an Arrow file in ``folder``
        (shared memory: the caller maps it, rather than the rows being pickled through a pipe), or as they
        are when there is no folder or the file cannot be written."""
        return hand_back(self._rank_run(needs, top, as_of), folder)

    def _rank_run(self, needs: list[Need], top: int, as_of: _dt.date) -> list[pa.Table]:
        """The ranked rows of each block of ``needs`` (in a worker process); a need that fails is named."""
        out = []
        for block, queries in self._blocks(needs):
            try:
                out.append(self._rank_block(block, queries, top, as_of))
            except NeedError:
                raise
            except Exception as exc:
                raise _culprit(block, queries, lambda b, q: self._rank_block(b, q, top, as_of), exc) from None
        return out

    @contextlib.contextmanager
    def worker_processes(self, needs: Iterable[Need | str] | pd.DataFrame = (), workers: int = -1
                         ) -> Iterator[int]:
        """Keep worker processes for the :meth:`shortlist_many` calls of a ``with`` block (a batch job in
        chunks forks once, not once per chunk)::

            with matcher.worker_processes(needs) as started:   # how many workers were started (0: none)
                for chunk in chunks:
                    matcher.shortlist_many(chunk)

        The workers are forked when the block starts and inherit this matcher as it is then; the texts of
        ``needs`` (the needs the block will shortlist, if known) are read first, each distinct one once (up
        to the readings a matcher keeps), so the workers do not read them again, and each distinct text is
        given to one worker (the texts with most needs first, each to the worker given the fewest needs so
        far; a text not among ``needs`` when it first comes, to the worker given the fewest): every need of
        it, in every call of the block, is ranked there, where its per-text work is kept. Inside the block, a
        ``shortlist_many`` call with ``workers`` other than 1 and more than one block of needs ranks on these
        workers; the results are the same as without them. The workers stop when the block ends, also on an
        error or Ctrl-C (no process outlives it).

        Nothing is started (``shortlist_many`` runs as it would without the block) where processes cannot be
        forked (not Linux), with ``workers=1``, inside another such block, or when ``needs`` are too few for
        processes to pay for their start (fewer than :data:`PROCESS_CELLS` needs x firms, or one block).

        Args:
            needs: as for :meth:`shortlist_many`.
            workers: worker processes: ``-1`` (the default) one per core, as rapidfuzz's ``workers``.
        """
        processes = resolve_workers(workers)
        need_list = _as_needs(needs)
        texts = list(dict.fromkeys(need.text for need in need_list))[:_READINGS]
        if processes <= 1 or not fork_available() or self._pool is not None \
                or len(need_list) * self.n_firms < PROCESS_CELLS or len(need_list) <= self._block_size():
            if texts:
                self._prepare_queries(texts)
            yield 0
            return
        self._prepare_shared(texts, processes)
        as_of = resolve_as_of(self.config.as_of)
        self.filters.valid_certifications(as_of)  # computed once, inherited
        with rows_folder() as folder, \
                ForkedPool(self._rank_run_handed_back, processes, what="the shortlists of a worker_processes block",
                           pinned=True) as pool:
            self._rows_folder = folder
            # each text's needs go to one worker, for the whole block (its per-reading work is done once):
            # the texts of the needs known now, most needs first, each to the worker given the fewest so far
            self._text_workers, self._worker_loads = {}, [0] * pool.workers
            distinct, _ = _distinct_needs(need_list)
            counts: dict[str, int] = {}
            for need in distinct:
                counts[need.text] = counts.get(need.text, 0) + 1
            loads = [0] * pool.workers
            for text, count in sorted(counts.items(), key=lambda item: -item[1]):
                worker = self._text_workers[text] = loads.index(min(loads))
                loads[worker] += count
            self._pool = pool
            try:
                yield pool.workers
            finally:
                self._pool = None
                self._text_workers, self._worker_loads, self._rows_folder = {}, [], None

    def _prepare_shared(self, texts: list[str], processes: int) -> None:
        """The prepared queries of ``texts`` (distinct), the ones not read yet read in ``processes`` shares at
        once: one here, the others on processes forked for it that send theirs back (a text's reading does not
        depend on the texts read with it). Too few to pay for a fork: all read here."""
        cache = self._readings
        missing = [text for text in texts if cache.get(text) is None]
        if processes <= 1 or len(missing) < _SHARED_READING:
            self._prepare_queries(texts)
            return
        # a reader builds what it reads with on its first text (an English reader its word forms, the Korean
        # reader its patterns: half a second): the first text of each reader is read here, for the forks
        firsts = {id(reader_for(text, self.readers)): text for text in reversed(missing)}
        self._prepare_queries(list(firsts.values()))
        missing = [text for text in missing if cache.get(text) is None]
        shares = [missing[k::processes] for k in range(processes)]  # interleaved: long and short texts alike
        with ForkedPool(self._read_share, processes - 1, what="the reading of the needs' texts") as pool, \
                ThreadPoolExecutor(max_workers=1) as thread:
            theirs = thread.submit(pool.map, [(share,) for share in shares[1:]])
            found = dict(zip(shares[0], self._read_share(shares[0])))
            for share, queries in zip(shares[1:], theirs.result()):
                found.update(zip(share, queries))
        cache.put_many((text, found[text]) for text in missing)

    def _read_share(self, texts: list[str]) -> list[QueryTerms]:
        return prepare_queries(texts, self.readers, self.index, self.speller, self.config)

    def ranks_on_workers(self, needs: int, workers: int = -1) -> bool:
        """Whether :meth:`shortlist_many` of ``needs`` needs with ``workers`` ranks them on the worker processes
        of the current :meth:`worker_processes` block: every block of them goes to the workers and nothing of
        the engine runs in the calling process (so such a call may run on a thread while another thread
        uses the matcher).

        Args:
            needs: how many needs the call would shortlist.
            workers: as for :meth:`shortlist_many`.
        """
        return self._pool is not None and resolve_workers(workers) > 1 and needs > self._block_size() \
            and self.n_firms > 0

    def _keep_qualifying(self, eligible: np.ndarray, needs: Sequence[Need], as_of: _dt.date,
                         by_key: dict[tuple[str, ...], list[int]]) -> None:
        """Keeps in ``eligible`` (one row per need, in place) the firms that meet each need's requirements and,
        unless ``MatchConfig.include_lapsed``, whose certification has not lapsed on ``as_of`` (``by_key``: the
        rows of each certification set, :func:`_group_by_certifications`)."""
        for i, need in enumerate(needs):
            mask = self.filters.requirement_mask(need, as_of)
            if mask is not None:
                eligible[i] &= mask
        if not self.config.include_lapsed:
            for key, rows_of in by_key.items():
                if len(rows_of) == len(eligible):  # every need of one key: in place, no copy of the rows
                    eligible &= self._current(as_of, key)[None, :]
                else:
                    eligible[rows_of] &= self._current(as_of, key)[None, :]

    def _warm_current(self, needs: list[Need], as_of: _dt.date) -> None:
        """Compute the current-firm masks of the needs' certification sets (:meth:`_current`) before ranking."""
        for key in _group_by_certifications(needs):
            self._current(as_of, key)

    def _current(self, as_of: _dt.date, key: tuple[str, ...]) -> np.ndarray:
        """Firms whose certification (judged on ``key``'s certifications) has not lapsed on ``as_of``."""
        return self._current_cache.get_or_build(("current", as_of, self.config.expiring_within_days, key),
                                                self._current_mask, as_of, key)

    def _current_mask(self, as_of: _dt.date, key: tuple[str, ...]) -> np.ndarray:
        return self.filters.certification_arrays(as_of, key)[0] != LAPSED

    def _rank_block(self, needs: list[Need], queries: list[QueryTerms], top: int, as_of: _dt.date,
                    funnel: list[dict[str, Any]] | None = None) -> pa.RecordBatch:
        """The best ``top`` rows of each need of the block (or, with ``funnel``, its funnel rows)."""
        columns = self._rank_columns(needs, queries, top, as_of, funnel)
        return pa.RecordBatch.from_arrays([c.chunk(0) for c in columns], schema=SHORTLIST_SCHEMA) if columns \
            else empty_table()

    def _rank_columns(self, needs: list[Need], queries: list[QueryTerms], top: int, as_of: _dt.date,
                      funnel: list[dict[str, Any]] | None = None) -> list[pa.ChunkedArray] | None:
        """:meth:`_rank_block` as the rows' columns (:meth:`_rows`; None when no row)."""
        Q, denom = self.index.query_matrix(queries, keep=True)
        batch = RankingBatch(needs, queries, Q, denom, as_of, self.n_firms)
        eligible = self._evidence(batch)
        by_key = _group_by_certifications(needs)
        status_arrays = {key: self.filters.certification_arrays(as_of, key) for key in by_key}
        if funnel is not None:
            dense = np.zeros(eligible.shape)  # the scores count only as the last requirement, min_score
            if self.config.min_score > 0:
                need_pos, firms = np.nonzero(eligible)
                dense[need_pos, firms] = self._score(batch, need_pos, firms)[0]
            rows = funnel_rows(self.filters, self.config, batch, eligible, dense, by_key, status_arrays)
            parts = self.aspects.evidence(queries)
            if parts is not None:  # a need of several parts: how many qualifying firms do each
                self._part_counts(parts, batch, eligible, dense, rows)
            funnel.extend(rows)
            return None
        self._keep_qualifying(eligible, needs, as_of, by_key)
        parts = self.aspects.evidence(queries)  # the main parts of the needs that ask for several services
        need_pos, firms = self._contender_pairs(batch, eligible, top, parts)  # only these are scored
        del eligible
        score, signal_parts = self._score(batch, need_pos, firms)
        n = self.n_firms
        kept = np.flatnonzero(score >= self.config.min_score) if self.config.min_score > 0 else None
        if kept is not None:
            need_pos, firms, score = need_pos[kept], firms[kept], score[kept]
        key = np.rint(score * 100).astype(np.int64) * (n + 1) + (n - self.filters.tiebreak[firms])
        chosen, ranks = top_pairs(need_pos, key, len(needs), top)
        if len(chosen) == 0:
            return None
        said: dict[int, str] = {}
        if parts is not None:  # each main part in the top when a firm for it qualifies
            chosen, ranks, said = self.aspects.choose(parts, need_pos, firms, score, key, chosen, ranks, top)
        at = kept[chosen] if kept is not None else chosen
        rows_need, rows_firm, row_score = need_pos[chosen], firms[chosen], score[chosen]
        part_phrases = [said.get(c, "") for c in chosen.tolist()] if said else None
        return self._rows(batch, rows_need, rows_firm, ranks, row_score, signal_parts.at(at, rows_need, row_score),
                          by_key, status_arrays, part_phrases)

    def _part_counts(self, parts: PartEvidence, batch: RankingBatch, evidence: np.ndarray, score: np.ndarray,
                     rows: list[dict[str, Any]]) -> None:
        """Adds to the funnel reasons of each need of several parts how many of the firms that meet every
        requirement cover each part (:meth:`AspectRanker.evidence`): "Firms for each part of the need:
        'plumber' 12, 'cabinet maker' 3." (not for a need no firm is left for)"""
        needs = [batch.needs[i] for i in parts.needs]
        qualifying = evidence[parts.needs]  # a copy: the funnel's evidence stays as it is
        self._keep_qualifying(qualifying, needs, batch.as_of, _group_by_certifications(needs))
        for i, left, main, covers in zip(parts.needs, qualifying, parts.aspects, parts.covers):
            if not rows[i]["remaining"]:
                continue
            if self.config.min_score > 0:
                left &= score[i] >= self.config.min_score
            counts = np.count_nonzero(covers & left[None, :], axis=1).tolist()
            rows[i]["reasons"] += " " + parts_sentence([a.label for a in main], counts)

    def _contender_pairs(self, batch: RankingBatch, eligible: np.ndarray, top: int,
                         parts: PartEvidence | None) -> tuple[np.ndarray, np.ndarray]:
        """``(need_pos, firms)`` (int64, by need then firm) of the pairs to score: :meth:`_contenders`, and
        for the needs of several parts every eligible firm covering a main part (:meth:`AspectRanker.contenders`).
        A single need takes its contenders' positions as they are found (no m x n matrix when it has one part)."""
        firms = self._one_needs_contender_firms(batch, eligible, top) if len(batch.needs) == 1 else None
        if firms is None:
            contenders = self._contenders(batch, eligible, top)
        elif parts is None:
            return np.zeros(len(firms), dtype=np.int64), firms
        else:
            contenders = np.zeros_like(eligible)
            contenders[0, firms] = True
        if parts is not None:
            self.aspects.contenders(parts, eligible, contenders)
        return np.nonzero(contenders)

    def _contenders(self, batch: RankingBatch, eligible: np.ndarray, top: int) -> np.ndarray:
        """(m x n bool) the eligible firms that can make each need's best ``top``: all of them, or, when every
        signal estimates its values (float32, within 1e-5), those whose estimated score is within
        ``_MARGIN`` of the need's ``top``-th best estimate (the exact scores, rounded to 0.01, differ from
        the estimates by less than 0.001, so no firm of the best ``top`` is left out)."""
        estimators = [getattr(signal, "estimate", None) for signal in self.signals]
        if not all(callable(e) for e in estimators):
            return eligible
        # the negated estimated score, so that the best are the smallest (a small kth partitions fast)
        negated = None
        for weight, estimate in zip(self._weights(batch), estimators):
            if np.isscalar(weight):
                if weight == 0 and negated is not None:
                    continue  # adds nothing (the place signal of a need that names no place)
                part = estimate(batch, -100.0 * weight)
            else:  # weights per need (a need names a place)
                part = estimate(batch, -100.0) * weight.astype(np.float32)[:, None]
            negated = part if negated is None else np.add(negated, part, out=negated)
        empty = np.empty(0, dtype=np.int64)
        for signal in self.signals:
            found = signal.fixed(batch, empty, empty)
            if found is not None:
                negated[found[0]] = -np.inf  # scored by that signal alone: every eligible firm is a contender
        k = min(top, self.n_firms)
        if len(negated) == 1:  # a single need: its eligible firms' estimates alone (the same k-th best)
            return self._one_needs_contenders(negated[0], eligible, k)
        # an ineligible firm goes last (arithmetic: a masked copy is several times slower)
        negated += np.logical_not(eligible).view(np.uint8) * np.float32(1e30)
        kth = np.partition(negated, k - 1, axis=1)[:, k - 1]
        contenders = negated <= (kth + _MARGIN)[:, None]
        contenders &= eligible
        return contenders

    def _one_needs_contender_firms(self, batch: RankingBatch, eligible: np.ndarray, top: int) -> np.ndarray | None:
        """The contenders of :meth:`_contenders` of a single need as firm positions (ascending, int64), its
        signals estimating at its eligible firms only (``estimate_at``: the values of ``estimate`` at those
        firms, the same float32 arithmetic, so the same contenders) rather than at every firm; None when a
        signal has no ``estimate`` or ``estimate_at``."""
        estimators = [getattr(signal, "estimate_at", None) for signal in self.signals]
        if not all(callable(e) for e in estimators) or \
                not all(callable(getattr(signal, "estimate", None)) for signal in self.signals):
            return None
        at = np.flatnonzero(eligible[0])
        if len(at) <= min(top, self.n_firms):
            return at
        empty = np.empty(0, dtype=np.int64)
        if any(signal.fixed(batch, empty, empty) is not None for signal in self.signals):
            return at  # scored by that signal alone: every eligible firm is a contender
        values = None
        for weight, estimate in zip(self._weights(batch), estimators):
            if np.isscalar(weight):
                if weight == 0 and values is not None:
                    continue  # adds nothing (the place signal of a need that names no place)
                part = estimate(batch, -100.0 * weight, at)
            else:  # weights per need (a need names a place)
                part = estimate(batch, -100.0, at) * weight.astype(np.float32)[0]
            values = part if values is None else np.add(values, part, out=values)
        k = min(top, self.n_firms)
        kth = np.partition(values, k - 1)[k - 1]
        return at[values <= kth + _MARGIN]

    @staticmethod
    def _one_needs_contenders(negated: np.ndarray, eligible: np.ndarray, k: int) -> np.ndarray:
        """:meth:`_contenders` of one need (``negated``: its negated estimates, ``eligible``: 1 x n): the k-th
        best estimate among its eligible firms is the k-th best of the row in which every ineligible firm is
        put last, so only the eligible firms' estimates are partitioned (all of them are contenders when they
        are k or fewer)."""
        at = np.flatnonzero(eligible[0])
        if len(at) <= k:
            return eligible.copy()
        values = negated[at]
        kth = np.partition(values, k - 1)[k - 1]
        contenders = np.zeros_like(eligible)
        contenders[0, at[values <= kth + _MARGIN]] = True
        return contenders

    def _evidence(self, batch: RankingBatch) -> np.ndarray:
        """(m x n bool) the firms some signal has evidence for (every firm for a NAICS-only need, none for
        a need with nothing to go on). The signals compute here what they score with."""
        evidence = None
        for signal in self.signals:
            found = signal.evidence(batch)
            evidence = found if evidence is None else np.logical_or(evidence, found, out=evidence)
        if len(batch.needs) == 1:  # the same as below, without the (m,) arrays
            need, query = batch.needs[0], batch.queries[0]
            if not need.text:
                evidence[0] = True  # NAICS-only: every firm
            if not query.terms and not query.naics_hints and not need.naics:
                evidence[0] = False  # nothing to go on
            return evidence
        evidence[np.array([not need.text for need in batch.needs])] = True  # NAICS-only: every firm
        has_hints = np.array([bool(q.naics_hints) for q in batch.queries])
        has_naics = np.array([bool(need.naics) for need in batch.needs])
        evidence[~batch.has_text & ~has_hints & ~has_naics] = False  # nothing to go on
        return evidence

    def _weights(self, batch: RankingBatch) -> list[Any]:
        """Each signal's weight: a number, or per need (m,) when a signal with ``applies`` (the place signal)
        applies to some need: it takes its weight of those needs' score and the others share the rest, so a
        need it does not apply to is scored exactly as without it."""
        cached = batch.shared.get("weights")
        if cached is not None:
            return cached
        batch.shared["weights"] = weights = self._signal_weights(batch)
        return weights

    def _signal_weights(self, batch: RankingBatch) -> list[Any]:
        cfg = self.config
        applies = [getattr(signal, "applies", None) for signal in self.signals]
        where = [a(batch) if a is not None else None for a in applies]  # (m,) bool per optional signal
        if not any(w is not None and w.any() for w in where):  # no optional signal applies to any need
            return [0.0 if w is not None else signal.weight(cfg) for signal, w in zip(self.signals, where)]
        optional = np.zeros(len(batch.needs))
        applying: list[Any] = []
        for signal, w in zip(self.signals, where):
            share = np.where(w, signal.weight(cfg), 0.0) if w is not None else None
            applying.append(share)
            if share is not None:
                optional += share
        if not optional.any():
            return [0.0 if share is not None else signal.weight(cfg) for signal, share in zip(self.signals, applying)]
        return [share if share is not None else signal.weight(cfg) * (1.0 - optional)
                for signal, share in zip(self.signals, applying)]

    def _score(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray) -> tuple[np.ndarray, "_Parts"]:
        """``score`` (0-100, rounded to 2 decimals) at the ``(need, firm)`` pairs and the signals' parts of it.

        ``score = 100 * sum(weight * value)`` over the signals (a signal of weight 0 is not asked for its
        values); a need a signal scores alone (:meth:`Signal.fixed`) takes that signal's scores.
        """
        weights = self._weights(batch)
        weighted: dict[str, np.ndarray] = {}
        total = None
        for signal, weight in zip(self.signals, weights):
            if np.isscalar(weight) and weight == 0:  # a value (0 to 1) of no weight adds 0 (the place signal of
                part = np.zeros(len(firms))  # needs that name no place): not computed
            else:
                value = signal.score(batch, need_pos, firms)
                part = weight * value if np.isscalar(weight) else weight[need_pos] * value
            weighted[signal.name + "_score"] = part
            total = part if total is None else total + part
        score = 100.0 * total if total is not None else np.zeros(len(firms))
        fixed: dict[str, np.ndarray] = {}
        for signal in self.signals:
            found = signal.fixed(batch, need_pos, firms)
            if found is not None:
                rows, scores = found
                score[rows[need_pos]] = scores
                fixed[signal.name + "_score"] = rows
        return np.round(score, 2), _Parts(weighted, fixed)

    def _rows(self, batch: RankingBatch, need_pos: np.ndarray, firms: np.ndarray, ranks: np.ndarray,
              row_score: np.ndarray, row_parts: dict[str, np.ndarray], by_key: dict[tuple[str, ...], list[int]],
              status_arrays: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]],
              part_phrases: list[str] | None = None) -> list[pa.ChunkedArray]:
        """The shortlist columns (:data:`SHORTLIST_COLUMNS` order) of the chosen (need, firm) pairs, explained
        (``part_phrases``: per row, the part of a multi-part need a firm was brought in for, first in its
        reason). Made a type at a time (:class:`~mwbe_match.engine.results.RowColumns`): the strings and lists
        of strings from Python values in one array, the numbers and dates in one array per type, the firm
        columns in one take per type (:class:`~mwbe_match.engine.results.FirmColumns`)."""
        needs, queries = batch.needs, batch.queries
        status = np.empty(len(firms), dtype=np.int8)
        through = np.empty(len(firms), dtype=np.int64)
        if len(by_key) == 1:
            (key,) = by_key
            status[:] = status_arrays[key][0][firms]
            through[:] = status_arrays[key][1][firms]
        else:
            row_key = np.empty(len(needs), dtype=np.int64)
            for k, rows_of in enumerate(by_key.values()):
                row_key[rows_of] = k
            for k, key in enumerate(by_key):
                sel = row_key[need_pos] == k
                status[sel] = status_arrays[key][0][firms[sel]]
                through[sel] = status_arrays[key][1][firms[sel]]
        explanations = [signal.explain(batch, need_pos, firms) for signal in self.signals]
        phrases = [e.phrases for e in explanations]
        reasons = self.explainer.reasons(needs, queries, need_pos, firms, status, through, batch.as_of,
                                         [part_phrases, *phrases] if part_phrases else phrases)
        rows = len(firms)
        need_rows = need_pos.tolist()
        ids = [need.need_id for need in needs]
        understood = [q.understood for q in queries]
        unreadable = [q.unreadable for q in queries]
        out = RowColumns(rows)
        out.values("need_id", _STRING, [ids[i] for i in need_rows])
        out.values("reasons", _STRING, reasons)
        out.values("understood_terms", COLUMN_TYPES["understood_terms"], [understood[i] for i in need_rows])
        out.values("unknown_terms", COLUMN_TYPES["unknown_terms"], [unreadable[i] for i in need_rows])
        out.values("certification_status", _STRING, [_STATUSES[c] for c in status.tolist()])
        for explanation in explanations:
            for name, values in explanation.columns.items():
                if isinstance(values, pa.Array):
                    out.arrays([name], values)
                else:
                    out.values(name, COLUMN_TYPES[name], values)
        out.numbers("score", _FLOAT, row_score)
        for name, values in row_parts.items():
            out.numbers(name, _FLOAT, values)
        out.numbers("rank", _INT, ranks)
        no_date = through == NO_DATE
        out.numbers("certified_through", _DATE, np.where(no_date, 0, through).astype(np.int32), no_date)
        out.numbers("as_of", _DATE, np.full(rows, (batch.as_of - EPOCH).days, np.int32))
        self._firm_columns(batch.as_of).add_to(out, firms)
        return out.columns(SHORTLIST_COLUMNS)

    def _firm_columns(self, as_of: _dt.date) -> FirmColumns:
        """Every firm's output columns with its ``valid_certifications`` on ``as_of`` (kept per date)."""
        return self._current_cache.get_or_build(("firm columns", as_of), lambda: self._out.joined(
            {"valid_certifications": self.filters.valid_certifications(as_of)}))


# --------------------------------------------------------------------------- helpers


@dataclasses.dataclass
class _Parts:
    """Each signal's weighted value (0-1) at the scored pairs by result column, and the needs a signal scored
    alone (m bool)."""

    weighted: dict[str, np.ndarray]
    fixed: dict[str, np.ndarray]

    def at(self, pairs: np.ndarray, need_pos: np.ndarray, score: np.ndarray) -> dict[str, np.ndarray]:
        """Each signal's part of the score (0-100, 2 decimals) at the result rows: ``pairs`` (positions in
        the scored pairs) of needs ``need_pos``, whose scores are ``score``."""
        out = {name: np.round(100.0 * part[pairs], 2) for name, part in self.weighted.items()}
        for owner, rows in self.fixed.items():
            alone = rows[need_pos]
            for name, values in out.items():
                values[alone] = score[alone] if name == owner else 0.0
        return out


_STRING, _FLOAT, _INT, _DATE = (COLUMN_TYPES[c] for c in ("need_id", "score", "rank", "as_of"))
_STATUSES = list(CERTIFICATION_STATUSES)


def _culprit(block: list[Need], queries: list[QueryTerms], rank: Callable[[list[Need], list[QueryTerms]], Any],
             exc: Exception) -> WorkerError:
    """The error naming the first need of ``block`` that fails alone (or the block, when none does)."""
    for need, query in zip(block, queries):
        try:
            rank([need], [query])
        except Exception as alone:
            return WorkerError(f"need {need.need_id!r} could not be shortlisted (in a worker process): "
                               f"{type(alone).__name__}: {alone}", need_id=need.need_id)
    return WorkerError(f"needs {block[0].need_id!r} to {block[-1].need_id!r} could not be shortlisted together "
                       f"(in a worker process): {type(exc).__name__}: {exc}", need_id=block[0].need_id)


#: The fields of a need its rows depend on (all but its id, echoed in its rows, and the company it is for).
_CONTENT_FIELDS = tuple(f.name for f in dataclasses.fields(Need) if f.name not in ("need_id", "company"))
_content = operator.attrgetter(*_CONTENT_FIELDS)


def _distinct_needs(needs: list[Need]) -> tuple[list[Need], np.ndarray | None]:
    """``(distinct needs, for each need the position of the distinct need standing for it)``: the first need
    of each content (:data:`_CONTENT_FIELDS`). Needs whose ids repeat (rows could not be told apart by
    ``need_id``) or whose fields cannot be compared: the needs themselves and None."""
    ids = {need.need_id for need in needs}
    if len(ids) != len(needs):
        return needs, None
    first: dict[tuple, int] = {}
    distinct: list[Need] = []
    stands_for = np.empty(len(needs), dtype=np.int64)
    try:
        for i, need in enumerate(needs):
            k = first.setdefault(_content(need), len(distinct))
            if k == len(distinct):
                distinct.append(need)
            stands_for[i] = k
    except TypeError:  # an unhashable field value (a requirement set by hand to a list)
        return needs, None
    return distinct, stands_for


def _in_need_order(table: pa.Table, ranked: list[Need], needs: list[Need], stands_for: np.ndarray) -> pa.Table:
    """The rows of ``needs`` in order, each need's rows (in rank order) those of the ranked need standing for
    it (``ranked[stands_for[i]]``; ``table``: the ranked needs' rows, each need's together, the needs in any
    order, told apart by their distinct ``need_id``), with the need's own ``need_id``."""
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    codes = np.asarray(pc.index_in(table.column("need_id"), value_set=pa.array([n.need_id for n in ranked],
                                                                                   pa.string())), dtype=np.int64)
    order = np.argsort(codes, kind="stable")  # by ranked need; each need's rows keep their (rank) order
    counts = np.bincount(codes, minlength=len(ranked))
    starts = np.cumsum(counts) - counts
    out_counts = counts[stands_for]
    out_starts = np.cumsum(out_counts) - out_counts
    within = np.arange(int(out_counts.sum()), dtype=np.int64) - np.repeat(out_starts, out_counts)
    rows = order[np.repeat(starts[stands_for], out_counts) + within]
    out = table.take(pa.array(rows, pa.int64()))
    if len(ranked) == len(needs):
        return out
    at = out.schema.get_field_index("need_id")
    ids = pa.array([need.need_id for need in needs], pa.string()).take(
        pa.array(np.repeat(np.arange(len(needs), dtype=np.int64), out_counts)))
    return out.set_column(at, out.schema.field(at), ids)


def _text_groups(needs: list[Need], groups: int) -> list[list[Need]]:
    """``needs`` in up to ``groups`` groups of whole texts (all the needs of a text in one group), of about
    as many needs each (the texts with most needs placed first, each in the smallest group), needs in input
    order within a group."""
    counts: dict[str, int] = {}
    for need in needs:
        counts[need.text] = counts.get(need.text, 0) + 1
    loads = [0] * max(1, min(groups, len(counts)))
    group_of: dict[str, int] = {}
    for text, count in sorted(counts.items(), key=lambda item: -item[1]):
        k = group_of[text] = loads.index(min(loads))
        loads[k] += count
    out: list[list[Need]] = [[] for _ in loads]
    for need in needs:
        out[group_of[need.text]].append(need)
    return [group for group in out if group]


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
