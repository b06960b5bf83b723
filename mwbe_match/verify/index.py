"""Verify stage 7, composition: :class:`NameIndex` builds the stages once per directory and runs them per query.

A vendor master typed by hand drops suffixes, abbreviates, swaps ``&`` for
``and`` and lists a DBA instead of the legal name. :func:`match_names` matches
such names against the formal names *and* DBAs of the certified-business
directory and says, row by row, how sure it is and why.

    >>> import mwbe_match
    >>> result = mwbe_match.match_names(["Walton Plumbing and Heating", "Ibenzer Inc"])
    >>> result[["input_name", "account_number", "status", "score", "reasons"]]

The stages, each a module of :mod:`mwbe_match.verify`:

1. :mod:`~mwbe_match.verify.normalize`: a name's comparison key (case, accents
   and curly quotes, punctuation, ``&``/``+``/``and``, a leading "The", legal
   forms, ``d/b/a`` and common abbreviations).
2. :mod:`~mwbe_match.verify.inputs`: the rows to verify, their name column,
   d/b/a variants and corroborating ``phone``/``website``/``zip`` columns.
3. :mod:`~mwbe_match.verify.candidates`: trigram TF-IDF blocking plus exact
   look-ups of the key, its core and its sorted letters; never every pair.
4. :mod:`~mwbe_match.verify.scoring`: rapidfuzz name scores of the candidate
   pairs (``workers`` threads), corroboration (phone / website / ZIP add 10 / 10
   / 4 points to a candidate they agree with and take 6 / 6 / 3 off one they
   contradict), and the name status: ``exact``, ``strong`` (score >=
   ``threshold`` and clearly ahead of the runner-up), ``possible`` (review),
   ``none`` or ``invalid``. Only ``exact`` and ``strong`` are matches.
5. :mod:`~mwbe_match.verify.explain`: the reasons, incl. how the firm's
   certification stands on ``as_of`` (``certification_status``: active,
   expiring, lapsed, unknown), so a lapsed firm is never mistaken for a
   certified one.
6. :mod:`~mwbe_match.verify.results`: the result columns, with the firm's
   certifications and contact details.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..directory import DirectorySource, load_directory, unique_firms
from ..validation import positive_int
from .candidates import CandidateSearch
from .config import VerifyConfig
from .explain import NO_MATCH, CertificationStanding, Explainer
from .hangul import HangulNames, HangulReading, hangul_positions
from .inputs import NameInput, QueryVariants, VerifyInput, query_variants, website_domains
from .normalize import NameKeys, may_hold_dba, split_dba
from .results import CANDIDATE_SCHEMA, MATCH_SCHEMA, column_or_nulls, firm_columns, result_frame
from .scoring import POSSIBLE_BAND, DistinctiveWords, NameScorer, decide, rank_candidates, records

__all__ = ["NameIndex", "match_names", "name_candidates", "directory_fingerprint", "INDEXED_COLUMNS"]


class _FromConfig:
    """Default of a keyword argument whose value comes from the :class:`VerifyConfig`."""

    def __repr__(self) -> str:
        return "<from config>"


_CONFIG = _FromConfig()


class NameIndex:
    """Formal names and DBAs of the certified firms, indexed for fast fuzzy look-up.

    Build once, query many times (like a fitted scikit-learn estimator)::

        index = NameIndex(directory)
        index.match(vendor_df)                 # one row per vendor
        index.candidates(vendor_df, top=5)     # the top candidates per vendor, long form

    Args:
        directory: what :class:`~mwbe_match.Matcher` accepts: a normalized
            directory frame (:func:`mwbe_match.load_directory`; ``account_number``
            and ``name`` are required, ``dba``, ``phone``, ``website``, ``zip``,
            ``certifications``, ``certification_renewal_dates`` and the contact
            columns are used when present), a raw frame of the City's export, a
            path any loader accepts, or ``None`` for the default directory.
            Duplicate account numbers are reduced with :func:`mwbe_match.unique_firms`.
        config: the settings (:class:`VerifyConfig`); the keyword arguments of
            :meth:`match` and :meth:`candidates` override it per call.
        workers: threads for rapidfuzz scoring (``-1``: all cores); overrides ``config.workers``.
    """

    #: Candidate directory names kept per query name from the trigram search.
    candidates_per_query: int = 12

    #: Indexes kept by :meth:`for_directory` (the most recently used).
    cache_size: ClassVar[int] = 2
    _cache: ClassVar[OrderedDict[str, NameIndex]] = OrderedDict()
    _cache_lock: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def for_directory(cls, directory: DirectorySource = None, config: VerifyConfig | None = None, *,
                      workers: int | None = None) -> NameIndex:
        """The index of ``directory``, built once and reused: the same directory content (whatever frame
        holds it) gets the same index, with this call's ``config``/``workers``.

        What :func:`match_names`, :func:`name_candidates` and :meth:`Matcher.match_names
        <mwbe_match.Matcher.match_names>` use. The key is a fingerprint of the columns the index reads
        (hashed, vectorized), so a frame changed in place gets a new index; the last
        :attr:`cache_size` indexes are kept.
        """
        config = VerifyConfig() if config is None else config
        if not isinstance(config, VerifyConfig):
            raise TypeError(f"config must be a VerifyConfig, not {type(config).__name__}")
        if workers is not None:
            config = dataclasses.replace(config, workers=workers)
        frame = _directory_frame(directory)
        key = directory_fingerprint(frame)
        with cls._cache_lock:
            index = cls._cache.get(key)
            if index is not None:
                cls._cache.move_to_end(key)
        if index is None:
            index = cls(frame, config)
            with cls._cache_lock:
                cls._cache[key] = index
                while len(cls._cache) > max(cls.cache_size, 0):
                    cls._cache.popitem(last=False)
        with cls._cache_lock:  # one index per (directory, settings): repeated calls get the same object
            variants = index.__dict__.setdefault("_variants", {})
            out = variants.get(config)
            if out is None:
                out = variants[config] = index.with_config(config)
        return out

    def with_config(self, config: VerifyConfig) -> NameIndex:
        """This index with other settings (the built stages are shared, not copied)."""
        if config == self.config:
            return self
        out = copy.copy(self)
        out.config = config
        out._scorer = copy.copy(self._scorer)
        out._scorer.workers = config.workers
        return out

    def __init__(self, directory: DirectorySource = None, config: VerifyConfig | None = None, *,
                 workers: int | None = None):
        config = VerifyConfig() if config is None else config
        if not isinstance(config, VerifyConfig):
            raise TypeError(f"config must be a VerifyConfig, not {type(config).__name__}")
        self.config = config if workers is None else dataclasses.replace(config, workers=workers)
        firms = unique_firms(_directory_frame(directory)).reset_index(drop=True)
        self.n_firms = len(firms)
        # only the columns the index reads (the directory has some 60): a large directory is not copied whole
        table = pa.Table.from_pandas(firms[[c for c in firms.columns if c in INDEXED_COLUMNS]], preserve_index=False)
        self._account = table.column("account_number")
        # tie-break order: account number ascending (missing last)
        by_account = np.asarray(pc.sort_indices(self._account.fill_null("\U0010ffff")), dtype=np.int64)
        self._tiebreak = np.empty(self.n_firms, dtype=np.int64)
        self._tiebreak[by_account] = np.arange(self.n_firms)
        self._firm_columns = firm_columns(table)
        # what certification_status reads: the parallel lists of certifications and renewal dates
        self._standing = CertificationStanding(pa.table({
            "certifications": column_or_nulls(table, "certifications", pa.list_(pa.string())),
            "certification_renewal_dates": column_or_nulls(table, "certification_renewal_dates",
                                                           pa.list_(pa.date32())),
        }))
        self._firm_values = _FirmValues(firms, table)
        alias_firm, alias_text, alias_field, keys = _aliases(firms, table)
        self._alias_firm = alias_firm
        self._search = CandidateSearch(keys)
        self._scorer = NameScorer(keys, alias_firm, workers=self.config.workers)
        self._explainer = Explainer(alias_text, alias_field, self._account)
        self._hangul = HangulNames(alias_text, workers=self.config.workers)
        self._alias_core = keys.core
        self._distinctive = DistinctiveWords(keys.core)

    @property
    def workers(self) -> int:
        """Threads for rapidfuzz scoring (``-1``: all cores)."""
        return self.config.workers

    def __len__(self) -> int:
        return self.n_firms

    def __repr__(self) -> str:
        return f"NameIndex({self.n_firms} firms, {len(self._alias_firm)} names and DBAs)"

    # -- public ---------------------------------------------------------------------------

    def match(self, names: NameInput, *, threshold: float = _CONFIG, name_column: str | None = None,
              as_of: Any = _CONFIG, expiring_within_days: int = _CONFIG) -> pd.DataFrame:
        """Verify names against the directory: one result row per input row, in input order.

        See :func:`match_names` for arguments and the result's columns; an argument
        not given is the index's :attr:`config` setting.
        """
        cfg = self._settings(threshold=threshold, as_of=as_of, expiring_within_days=expiring_within_days)
        standing = self._standing.on(cfg.as_of, cfg.expiring_within_days)
        inp = VerifyInput(names, name_column)
        cand, variants, heard, qk = self._ranked(inp)
        problem = variants.problem
        if cfg.require_distinctive:
            cand = self._mark_plausible(cand, qk, cfg.threshold)
        decision = decide(cand, problem, cfg.threshold)
        _cap_heard(decision, heard)
        certification = self._standing.notes(decision.firm, standing, cfg.expiring_within_days)
        reasons = self._explainer.match_reasons(decision, inp, problem, certification)
        for row, reading in _heard_rows(inp, variants.names, heard).items():
            reasons[row] = _heard_reason(reading, reasons[row])
        return self._frame(MATCH_SCHEMA, inp, decision.firm, decision.alias, decision.score, decision.status,
                           reasons, standing)

    def candidates(self, names: NameInput, *, top: int = _CONFIG, name_column: str | None = None,
                   as_of: Any = _CONFIG, expiring_within_days: int = _CONFIG, k: int | None = None) -> pd.DataFrame:
        """The ``top`` candidate firms per input row, long form (see :func:`name_candidates`).

        ``k`` is the former name of ``top`` (still accepted).
        """
        top = _top(top, k)
        cfg = self._settings(top=top, as_of=as_of, expiring_within_days=expiring_within_days)
        standing = self._standing.on(cfg.as_of, cfg.expiring_within_days)
        inp = VerifyInput(names, name_column)
        cand, variants, heard, _ = self._ranked(inp)
        problem = variants.problem
        cand = cand[cand["score"] > 0]
        cand = cand.assign(rank=cand.groupby("row").cumcount() + 1)
        cand = cand[cand["rank"] <= cfg.top]
        cand = cand.assign(reason=[_heard_reason(heard.get(int(r["q"])), self._explainer.explain(r))
                                   for r in records(cand)])
        # A row without any candidate keeps one line: no candidate, and the reason.
        empty = np.setdiff1d(np.arange(len(inp.values)), cand["row"].to_numpy())
        filler = pd.DataFrame({"row": empty, "rank": -1, "firm": -1, "a": -1,
                               "score": np.where(problem[empty] != "", np.nan, 0.0),
                               "reason": [p or NO_MATCH for p in problem[empty]]})
        long = pd.concat([cand[list(filler.columns)], filler]).sort_values(["row", "rank"], kind="stable")
        firm = long["firm"].to_numpy(np.int64)
        notes = self._standing.notes(firm, standing, cfg.expiring_within_days)
        reasons = np.asarray([f"{r}; {x}" if x else r for r, x in zip(long["reason"].to_numpy(object), notes)],
                             dtype=object)
        return self._frame(CANDIDATE_SCHEMA, inp, firm, long["a"].to_numpy(np.int64),
                           np.clip(long["score"].to_numpy(np.float64), 0.0, 100.0).round(1), None, reasons,
                           standing, rows=long["row"].to_numpy(np.int64), rank=long["rank"].to_numpy(np.int64))

    # -- stages ---------------------------------------------------------------------------

    def _settings(self, **given: Any) -> VerifyConfig:
        """The index's config with the arguments given in this call (validated)."""
        given = {name: value for name, value in given.items() if value is not _CONFIG}
        return dataclasses.replace(self.config, **given) if given else self.config

    def _ranked(self, inp: VerifyInput) -> tuple[pd.DataFrame, QueryVariants, dict[int, HangulReading], NameKeys]:
        """Scored, corroborated (row, firm) candidates sorted best first within each row; the names searched
        (:func:`~mwbe_match.verify.inputs.query_variants`, with each row's problem); how each searched name
        written in Hangul was read (by its position among the searched names); the searched names' keys."""
        variants = query_variants(inp)
        searched, heard = self._read_hangul(variants.names)
        qk = NameKeys(searched)
        for q, reading in heard.items():
            qk.legal[q] |= reading.legal
        variants.mark_keyless(np.asarray([bool(k) for k in qk.key], dtype=bool))
        q, a = self._search.pairs(qk, self.candidates_per_query, workers=self.config.workers)
        cand = variants.link().merge(self._scorer.score(qk, q, a), on="q", how="inner")
        return rank_candidates(cand, inp, self._firm_values, self._tiebreak), variants, heard, qk

    def _mark_plausible(self, cand: pd.DataFrame, qk: NameKeys, threshold: float) -> pd.DataFrame:
        """``cand`` with ``plausible``: whether a candidate scoring in the ``possible`` band shares the input's
        distinctive words (judged only there, and only for rows whose best is below ``threshold``)."""
        score = cand["score"].to_numpy(np.float64)
        row = cand["row"].to_numpy(np.int64)
        top = np.zeros(int(row.max()) + 1 if len(row) else 0)
        np.maximum.at(top, row, score)
        band = (score >= threshold - POSSIBLE_BAND) & (score < threshold) & (top[row] < threshold)
        plausible = np.ones(len(cand), dtype=bool)
        where = np.flatnonzero(band)
        if len(where):
            q = cand["q"].to_numpy(np.int64)[where]
            a = cand["a"].to_numpy(np.int64)[where]
            plausible[where] = self._distinctive.plausible(qk.core[q], self._alias_core[a])
        return cand.assign(plausible=plausible)

    def _read_hangul(self, names: list[str]) -> tuple[list[str], dict[int, HangulReading]]:
        """The names to search (a Hangul name replaced by its English reading) and the readings by position."""
        where = hangul_positions(names)
        if not len(where):
            return names, {}
        readings = self._hangul.read([names[i] for i in where])
        searched = list(names)
        heard: dict[int, HangulReading] = {}
        for i, reading in zip(where.tolist(), readings):
            heard[i] = reading
            if reading.text:  # nothing read: the Hangul itself is searched (and finds no English name)
                searched[i] = reading.text
        return searched, heard

    def _frame(self, schema: pa.Schema, inp: VerifyInput, firm: np.ndarray, alias: np.ndarray,
               score: np.ndarray, status: np.ndarray | None, reasons: np.ndarray, standing: pa.Table,
               **positions: np.ndarray) -> pd.DataFrame:
        return result_frame(schema, index=inp.index, shown=inp.shown, firm=firm, alias=alias, score=score,
                            status=status, reasons=reasons, standing=standing, account=self._account,
                            alias_text=self._explainer.alias_text, firms=self._firm_columns, **positions)


def _cap_heard(decision: Any, heard: dict[int, HangulReading]) -> None:
    """A name read by sound is at best ``strong`` (it was heard, not written), and at best ``possible``
    when not every word was read with confidence."""
    if not heard:
        return
    for row, best in enumerate(decision.best):
        q = best.get("q")
        if q is None or q != q or int(q) not in heard:
            continue
        status = decision.status[row]
        if status == "exact":
            decision.status[row] = "strong"
        if status in ("exact", "strong") and not heard[int(q)].sure:
            decision.status[row] = "possible"


def _heard_rows(inp: VerifyInput, names: list[str], heard: dict[int, HangulReading]) -> dict[int, HangulReading]:
    """The reading of each input row whose whole name was read by sound (``names``: the names searched, whose
    positions ``heard`` is keyed by)."""
    if not heard:
        return {}
    searched = {name: q for q, name in enumerate(names) if q in heard}
    return {row: heard[searched[text]] for row, text in enumerate(inp.text) if text in searched}


def _heard_reason(reading: HangulReading | None, reason: str) -> str:
    return reason if reading is None else f"{reading.reason}; {reason}"


#: The directory columns a :class:`NameIndex` reads (its fingerprint covers them).
INDEXED_COLUMNS: tuple[str, ...] = (
    "account_number", "name", "dba", "phone", "website", "zip", "certifications", "certification_renewal_dates",
    "certification_expires", "contact_first_name", "contact_last_name", "address_line_1", "address_line_2",
    "city", "state", "ethnicity", "latitude", "longitude",
)


def directory_fingerprint(frame: pd.DataFrame) -> str:
    """A digest of the directory columns a :class:`NameIndex` reads (:data:`INDEXED_COLUMNS`): Arrow columns
    by their buffers (validity, value lengths and bytes; list cells element by element, with their lengths),
    other columns by pandas' vectorized hashing."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((len(frame), [c for c in INDEXED_COLUMNS if c in frame.columns])).encode())
    for column in INDEXED_COLUMNS:
        if column not in frame.columns:
            continue
        values = frame[column]
        arrow = _arrow_values(values)
        if arrow is not None and _digest_arrow(digest, arrow):
            continue
        if isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_list(values.dtype.pyarrow_dtype):
            arr = pa.chunked_array(values.array.__arrow_array__())
            lengths = pc.fill_null(pc.list_value_length(arr), -1)
            digest.update(np.ascontiguousarray(lengths.to_numpy(), dtype=np.int64).tobytes())
            values = pc.list_flatten(arr).to_pandas(types_mapper=pd.ArrowDtype)
        elif values.dtype == object:  # list cells of a plain frame: each element, and the lengths
            lengths = values.map(lambda v: len(v) if isinstance(v, (list, tuple, np.ndarray)) else -1)
            digest.update(np.ascontiguousarray(lengths.to_numpy(np.int64)).tobytes())
            values = values.explode().astype("string")
        hashed = pd.util.hash_pandas_object(values, index=False).to_numpy()
        digest.update(np.ascontiguousarray(hashed).tobytes())
    return digest.hexdigest()


def _arrow_values(values: pd.Series) -> pa.ChunkedArray | None:
    """The pyarrow data behind a column with a pyarrow dtype (None for other columns)."""
    if not (isinstance(values.dtype, pd.ArrowDtype)
            or (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow")):
        return None
    try:
        return pa.chunked_array(values.array.__arrow_array__())
    except (AttributeError, TypeError, pa.ArrowException):
        return None


def _digest_arrow(digest: Any, values: pa.ChunkedArray) -> bool:
    """Add a pyarrow column to ``digest`` (the same for any chunking: validity, value lengths and bytes each
    in a digest of their own); False for a type it does not read (the caller hashes it another way)."""
    kind = values.type
    parts = [hashlib.sha256() for _ in range(3)]  # SHA-256: in hardware on most CPUs, the bulk of the bytes
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        lengths = pc.fill_null(pc.list_value_length(values), -1).cast(pa.int64())
        parts[0].update(np.ascontiguousarray(lengths.to_numpy()).tobytes())
        if not _digest_arrow(parts[1], pc.list_flatten(values)):
            return False
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind) \
            or pa.types.is_large_binary(kind):
        wide = np.int64 if (pa.types.is_large_string(kind) or pa.types.is_large_binary(kind)) else np.int32
        for chunk in values.chunks:
            if not len(chunk):
                continue
            validity = np.asarray(chunk.is_valid(), dtype=bool)
            if not validity.all():  # bytes under a null cell are not content
                lengths = np.full(len(chunk), -1, dtype=np.int64)
                lengths[validity] = np.asarray(pc.binary_length(chunk.filter(pa.array(validity))), dtype=np.int64)
                parts[0].update(lengths.tobytes())
                chunk = chunk.filter(pa.array(validity))
                if not len(chunk):
                    continue
            _, offsets, data = chunk.buffers()
            at = np.frombuffer(offsets, dtype=wide)[chunk.offset:chunk.offset + len(chunk) + 1]
            if validity.all():
                parts[0].update(np.diff(at).astype(np.int64).tobytes())
            if data is not None and at[-1] > at[0]:
                parts[1].update(memoryview(data)[int(at[0]):int(at[-1])])
    elif pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_temporal(kind):
        for chunk in values.chunks:
            validity = np.asarray(chunk.is_valid(), dtype=bool)
            parts[0].update(validity.tobytes())
            kept = chunk.filter(pa.array(validity)) if not validity.all() else chunk
            parts[1].update(np.ascontiguousarray(kept.to_numpy(zero_copy_only=False)).view(np.uint8).tobytes())
    else:
        return False
    digest.update(str(kind).encode())
    for part in parts:
        digest.update(part.digest())
    return True


def _directory_frame(directory: Any) -> pd.DataFrame:
    """What :class:`~mwbe_match.Matcher` accepts as a directory, as a normalized frame."""
    if directory is None or isinstance(directory, (str, os.PathLike)):
        return load_directory(directory)
    if not isinstance(directory, pd.DataFrame):
        raise TypeError("directory must be a DataFrame from load_directory(), a path any loader accepts, "
                        f"or None, not {type(directory).__name__}")
    if not {"account_number", "name"} <= set(directory.columns):
        return load_directory(directory)  # a raw export frame; errors name what is missing
    return directory


def _aliases(firms: pd.DataFrame, table: pa.Table | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, NameKeys]:
    """Every formal name and DBA, and each side of a d/b/a inside one: (firm, text, field, keys) per alias.

    Names without a key are left out, and the same key twice for one firm (a DBA equal to the name) is one alias.
    ``table``: the firms' columns as Arrow (read from there when they are text; no trip through Python objects).
    """
    firms_at, texts, fields, order = [], [], [], []
    for c, (col, field) in enumerate((("name", "formal name"), ("dba", "DBA"))):
        if col not in firms.columns:
            continue
        arr = _text_column(firms, table, col)
        trimmed = pc.utf8_trim_whitespace(arr)
        rows = np.flatnonzero(np.asarray(pc.not_equal(trimmed, "").fill_null(False), dtype=bool))
        kept = pa.array(rows, pa.int64())
        whole = np.asarray(trimmed.take(kept).to_numpy(zero_copy_only=False), dtype=object)
        firms_at.append(rows)
        texts.append(whole)
        fields.append(np.full(len(rows), field, dtype=object))
        order.append(np.stack([np.full(len(rows), c), rows, np.zeros(len(rows), np.int64)], axis=1))
        # the sides of a d/b/a inside a name, right after it
        raw = arr.take(kept) if len(rows) else pa.array([], pa.string())
        extra_firm, extra_text, extra_order = [], [], []
        for j in np.flatnonzero(may_hold_dba(raw)).tolist():
            parts = split_dba(raw[j].as_py())
            if len(parts) < 2:
                continue
            for k, part in enumerate(parts, start=1):
                extra_firm.append(rows[j])
                extra_text.append(part.strip())
                extra_order.append((c, rows[j], k))
        if extra_firm:
            firms_at.append(np.asarray(extra_firm, np.int64))
            texts.append(np.asarray(extra_text, dtype=object))
            fields.append(np.full(len(extra_firm), f"{field} (one side of its d/b/a)", dtype=object))
            order.append(np.asarray(extra_order, np.int64))
    if firms_at:
        keys_order = np.concatenate(order)
        sort = np.lexsort((keys_order[:, 2], keys_order[:, 1], keys_order[:, 0]))
        alias_firm = np.concatenate(firms_at)[sort]
        alias_text = np.concatenate(texts)[sort]
        alias_field = np.concatenate(fields)[sort]
    else:
        alias_firm, alias_text, alias_field = (np.zeros(0, np.int64), np.zeros(0, object), np.zeros(0, object))
    firm = np.asarray(alias_firm, dtype=np.int64)
    keys = NameKeys(alias_text)
    usable = keys.key != ""
    dedup = pd.DataFrame({"firm": firm, "key": keys.key}).duplicated()
    keep = usable & ~dedup.to_numpy()
    return (firm[keep], np.asarray(alias_text, dtype=object)[keep], np.asarray(alias_field, dtype=object)[keep],
            keys.subset(keep))


def _text_column(firms: pd.DataFrame, table: pa.Table | None, column: str) -> pa.Array:
    """A directory column as a pyarrow string array, null where a cell is not text."""
    if table is not None and column in table.column_names:
        values = table.column(column)
        if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            return values.combine_chunks().cast(pa.string())
    return pa.array([v if isinstance(v, str) else None for v in _object(firms, column)], pa.string())


class _FirmValues(Mapping):
    """Each firm's phone, website domain and ZIP (object arrays, keys of
    :data:`~mwbe_match.verify.scoring.CORROBORATION`), made on first use: only an input with corroborating
    columns reads them, so a plain name list pays neither the time nor the memory."""

    _SOURCES = {"phone": "phone", "domain": "website", "zip": "zip"}

    def __init__(self, firms: pd.DataFrame, table: pa.Table):
        self._columns: dict[str, Any] = {}
        for key, column in self._SOURCES.items():
            values = table.column(column) if column in table.column_names else None
            if values is not None and (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
                self._columns[key] = values  # shares the directory's buffers
            else:
                self._columns[key] = _object(firms, column)
        self._made: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> np.ndarray:
        with self._lock:
            if key not in self._made:
                values = self._columns[key]
                if not isinstance(values, np.ndarray):
                    values = np.asarray(values.to_numpy(zero_copy_only=False), dtype=object)
                self._made[key] = website_domains(values) if key == "domain" else values
                self._columns[key] = None
            return self._made[key]

    def __iter__(self):
        return iter(self._SOURCES)

    def __len__(self) -> int:
        return len(self._SOURCES)


def _object(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame.columns:
        return np.full(len(frame), None, dtype=object)
    return frame[column].to_numpy(dtype=object, na_value=None)


def _top(top: Any, k: Any) -> Any:
    """``top``, or ``k`` (its former name) when only that is given; both given must agree."""
    if k is None:
        return top
    k = positive_int("k", k)
    if top is not _CONFIG and top != k:
        raise ValueError(f"top and k are the same setting (k is its former name); got top={top!r}, k={k!r}")
    return k


# --------------------------------------------------------------------------- functions


def match_names(
    names: NameInput,
    directory: DirectorySource = None,
    *,
    threshold: float = _CONFIG,
    name_column: str | None = None,
    as_of: Any = _CONFIG,
    expiring_within_days: int = _CONFIG,
    config: VerifyConfig | None = None,
) -> pd.DataFrame:
    """Which of these vendors are NYC-certified firms? One result row per input row.

    A name written in Hangul (a Korean ERP's 월튼 플러밍 앤 히팅) is read by
    sound against the directory's own name words
    (:mod:`mwbe_match.verify.hangul`; ㈜, 주식회사, 유한회사, ... are legal
    forms): at best ``strong``, ``possible`` when a word is not read with
    confidence, and the reasons say how each word was read.

    Args:
        names: a list (or array, Index, single string) of names, a Series, or
            a DataFrame with a name column. A DataFrame may also carry
            ``phone``, ``website`` and ``zip`` columns (any case; also
            ``telephone``, ``url``, ``postcode``, ``zip_code``): agreement with
            the directory raises a candidate's score, conflict lowers it.
        directory: what :class:`~mwbe_match.Matcher` accepts: a frame from
            :func:`mwbe_match.load_directory`, a path any loader accepts, or
            ``None`` for the default. The name index is built once per
            directory content and reused by later calls (:meth:`NameIndex.for_directory`).
        threshold: lowest score (0-100) of a ``strong`` match (default 90). Scores within
            :data:`~mwbe_match.verify.scoring.POSSIBLE_BAND` below it are ``possible``.
        name_column: the DataFrame's name column; by default the first of
            :data:`~mwbe_match.verify.inputs.NAME_COLUMN_CANDIDATES` present (any case).
        as_of: the date certifications are judged on (a date or ``"YYYY-MM-DD"``;
            default today).
        expiring_within_days: a valid certification renewing within this many
            days of ``as_of`` makes the firm ``expiring`` (default 90).
        config: the settings as a :class:`VerifyConfig` (also ``workers``); the
            keyword arguments above, when given, override it.

    Returns:
        A DataFrame (pyarrow dtypes) with the input's index (a RangeIndex for
        a list), in input order, columns :data:`~mwbe_match.verify.results.MATCH_COLUMNS`:

        - ``input_name``: the name as given, as text (null when missing);
        - ``account_number``: the firm's account number; for ``possible``
          rows the candidate to review; null for ``none`` and ``invalid``;
        - ``matched_name``: the formal name or DBA that matched;
        - ``score``: 0-100, name similarity adjusted by corroboration
          (null for ``invalid``; for ``none`` the closest name's score);
        - ``status``: ``exact`` (same name after :func:`normalize_name`, no
          conflicting evidence, no rival), ``strong`` (score >= threshold and
          more than :data:`~mwbe_match.verify.scoring.AMBIGUITY_MARGIN` ahead of any other firm),
          ``possible`` (a score below the threshold from a firm that shares the
          input's distinctive name words, not only trade words and a legal
          form, or a rival as close), ``none``, ``invalid`` (missing, empty or
          punctuation-only name, or not text). Only ``exact`` and ``strong``
          are matches;
        - ``certification_status``: the firm's certification on ``as_of``:
          ``active``, ``expiring`` (renews within ``expiring_within_days``),
          ``lapsed`` (every renewal date is before ``as_of``) or ``unknown``
          (no renewal date published); ``certified_through`` (its latest
          renewal date), ``renews_on`` (the next renewal date of a
          certification still valid on ``as_of``: for ``expiring``, when it
          must renew) and ``as_of``. ``status`` says only how sure the
          *name* match is: a certified vendor is ``exact``/``strong`` **and**
          ``active``/``expiring``. Null for ``none`` and ``invalid``;
        - ``reasons``: why, in words: how the name matched, which evidence
          agreed or conflicted, a rival firm, and the certification: "lapsed
          on DATE", when an expiring one renews, no published date, or one
          certification of several lapsed;
        - the firm's ``certifications`` (list of MBE/WBE/...),
          ``certification_expires`` (earliest renewal date), and whom to call
          and where: ``contact_name`` (first and last name), ``phone``,
          ``website``, ``address_line_1``, ``address_line_2``, ``city``,
          ``state``, ``zip``, ``ethnicity``, ``latitude``, ``longitude``
          (null for ``none`` and ``invalid``).

    Raises:
        NameColumnError: (a ``KeyError``) a DataFrame has no name column; the
            message lists the columns it has.
        TypeError: ``names`` is not list-like.
        ValueError: ``threshold`` is outside 0-100.
    """
    return NameIndex.for_directory(directory, config).match(names, threshold=threshold, name_column=name_column, as_of=as_of,
                                              expiring_within_days=expiring_within_days)


def name_candidates(
    names: NameInput,
    directory: DirectorySource = None,
    *,
    top: int = _CONFIG,
    name_column: str | None = None,
    as_of: Any = _CONFIG,
    expiring_within_days: int = _CONFIG,
    config: VerifyConfig | None = None,
    k: int | None = None,
) -> pd.DataFrame:
    """The ``top`` candidate firms (default 5) for each input name, in long form, for review.

    ``top`` is the argument of :meth:`Matcher.shortlist <mwbe_match.Matcher.shortlist>`;
    ``k``, its former name here, is still accepted. ``config``: as for :func:`match_names`.

    Columns :data:`~mwbe_match.verify.results.CANDIDATE_COLUMNS`: ``input_row`` (0-based position of the
    input row), ``input_name``, ``rank`` (1 = best), ``account_number``,
    ``matched_name``, ``score`` (corroborated, as in :func:`match_names`),
    ``certification_status``, ``certified_through``, ``renews_on``,
    ``as_of``, ``reasons``,
    then the firm's certifications and contact details as in
    :func:`match_names`. ``as_of`` and ``expiring_within_days`` as there.
    Rows are sorted by input position, then rank. An input row without any
    candidate (or with an invalid name) still has one row, with null ``rank``
    and ``account_number`` and the reason, so no input is lost.
    """
    return NameIndex.for_directory(directory, config).candidates(names, top=top, k=k, name_column=name_column, as_of=as_of,
                                                   expiring_within_days=expiring_within_days)
