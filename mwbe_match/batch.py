"""Outputs stage, batch jobs: shortlist a needs file, or verify a vendor file, into Parquet (or CSV, or an Excel workbook).

    >>> import mwbe_match
    >>> summary = mwbe_match.run_shortlist("needs.csv", "shortlists.parquet")
    >>> summary.needs_read, summary.shortlisted, summary.no_match, summary.invalid

The same jobs run as ``mwbe-match shortlist`` and ``mwbe-match verify``.

How a shortlist job runs:

1. The needs file is read as text (:func:`mwbe_match.readers.read_table`:
   CSV in UTF-8, UTF-8 with BOM or CP949, XLSX, JSON, JSON Lines, Parquet).
2. Every row is validated first, as :meth:`mwbe_match.Need.from_mapping` reads it (column by column,
   each distinct value once: :func:`mwbe_match.engine.need.needs_from_frame`);
   problems are collected as ``(row, column, message)``. A row without a
   ``need_id`` gets ``row-N`` (N its row number); a need_id used by an earlier
   row makes the later row invalid (ids must be unique, so a result row always
   names one need). The job stops with :class:`BatchInputError` only when the
   input as a whole is unusable: no ``text`` column, no rows, every row invalid.
3. Valid needs are shortlisted in chunks of ``chunk_size`` (on worker processes forked once for the
   job, see ``workers``; a need alike in all but its ``need_id`` to a need of an earlier chunk takes that
   need's rows, kept up to one chunk's worth of rows, instead of being ranked again) and each chunk is
   streamed to a temporary file beside the output (a
   :class:`pyarrow.parquet.ParquetWriter`, or appended CSV), which is renamed
   onto the output only when the job completes: memory stays bounded by one
   chunk of results, and a failed or interrupted job leaves no partial output.

The output file (its format, the checks on its path, the metadata document in
its schema metadata, the Excel-safe CSV, the atomic rename) is written by
:mod:`mwbe_match.outputs`, the one output stage; :func:`write_table`,
:data:`OUTPUT_FORMATS`, :func:`output_format` and :data:`METADATA_KEY` are
re-exported here from it.

Every input row comes out, in input order: one row per (need, rank) with
``status = "shortlisted"``, or one row with a null rank and ``status =
"no_match"`` or ``"invalid"`` (with the ``error``). See :func:`shortlist_schema`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import logging
import os
import time
from dataclasses import dataclass, field
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator, NamedTuple, Sequence, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._atomic import atomic_path
from ._progress import progress_bar
from .certification import CERTIFICATION_STATUSES, DEFAULT_EXPIRING_WITHIN_DAYS, resolve_as_of
from .directory import directory_metadata, load_directory
from .i18n import check_lang
from .engine import SHORTLIST_SCHEMA
from .engine.parallel import WorkerError, frozen_objects
from .engine.need import NEED_FIELDS, Need, NeedError, misspelled_columns, need_field, needs_from_frame
from .outputs import METADATA_KEY, OUTPUT_FORMATS, OutputFormat, metadata_document, output_format, schema_metadata
from .outputs import check_output as _check_output, open_sink as _sink, write_table
from .readers import blank_rows_note, cell_text, read_table, row_numbers
from .validation import positive_int, resolve_workers

__all__ = [
    "run_shortlist",
    "run_verify",
    "BatchSummary",
    "VerifySummary",
    "VerifiedVendor",
    "BatchInputError",
    "shortlist_schema",
    "verify_schema",
    "write_table",
    "STATUSES",
    "METADATA_KEY",
    "DEFAULT_CHUNK_SIZE",
    "OUTPUT_FORMATS",
    "OutputFormat",
    "output_format",
]

logger = logging.getLogger(__name__)

NeedsInput = Union[str, os.PathLike, pd.DataFrame, Sequence[Need]]
DirectoryInput = Union[str, os.PathLike, pd.DataFrame, None, Any]

#: ``status`` values of a shortlist output row.
STATUSES: tuple[str, ...] = ("shortlisted", "no_match", "invalid")

#: Needs (or vendors) processed, and written, per chunk.
DEFAULT_CHUNK_SIZE = 2000

#: How many row problems the command line prints before summarizing the rest.
_PROBLEMS_SHOWN = 20

_NEED_COLUMNS = pa.schema([
    ("need_id", pa.string()),
    ("company", pa.string()),
    ("text", pa.string()),
    ("status", pa.string()),
])
_TRAILING_COLUMNS = pa.schema([
    ("candidates", pa.int64()),
    ("eliminated_by", pa.map_(pa.string(), pa.int64())),
    ("error", pa.string()),
    ("input_row", pa.int64()),
])


class BatchInputError(ValueError):
    """The input as a whole is unusable (no ``text`` column, no rows, every row invalid).

    ``problems`` lists ``(row, column, message)`` for the rows that failed.
    """

    def __init__(self, message: str, problems: Sequence[tuple[int, str, str]] = ()):
        self.problems = list(problems)
        shown = "".join(f"\n  row {r}, column {c!r}: {m}" for r, c, m in self.problems[:_PROBLEMS_SHOWN])
        more = len(self.problems) - _PROBLEMS_SHOWN
        if more > 0:
            shown += f"\n  ... and {more:,} more"
        super().__init__(message + shown)


@dataclass
class BatchSummary:
    """What a shortlist job did.

    Attributes:
        needs_read: rows read from the needs input.
        shortlisted: needs with at least one supplier.
        no_match: valid needs no supplier satisfies (one ``no_match`` row each).
        invalid: rows that failed validation (one ``invalid`` row each).
        rows_written: rows in the output file.
        seconds: wall time of the job.
        out_path: the file written.
        problems: ``(row, column, message)`` for each invalid row; ``row`` is
            1-based (row 1 is the first data row under the header, blank rows counted).
        blank_rows: row numbers of the blank rows of the input file that were skipped.
    """

    needs_read: int
    shortlisted: int
    no_match: int
    invalid: int
    rows_written: int
    seconds: float
    out_path: Path
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    blank_rows: list[int] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The closing summary, one line per figure."""
        return [
            f"needs read:   {self.needs_read:,}" + (f"; {blank_rows_note(self.blank_rows)}" if self.blank_rows else ""),
            f"shortlisted:  {self.shortlisted:,}",
            f"no match:     {self.no_match:,}",
            f"invalid:      {self.invalid:,}",
            f"rows written: {self.rows_written:,} to {self.out_path}",
            f"seconds:      {self.seconds:.1f}",
        ]


class VerifiedVendor(NamedTuple):
    """A verified vendor the summary points out: which input row, which firm, and the date that matters."""

    input_row: int
    input_name: str | None
    account_number: str
    matched_name: str | None
    date: _dt.date | None  # lapsed: the day it lapsed; expiring: the day it must renew


#: How many verified vendors the closing summary names per list (lapsed, expiring).
SUMMARY_NAMES_SHOWN = 5


@dataclass
class VerifySummary:
    """What a verify job did.

    Attributes:
        vendors_read: rows read from the vendor input.
        by_status: rows per name-match status (``exact``, ``strong``,
            ``possible``, ``none``, ``invalid``; see :func:`mwbe_match.match_names`).
        rows_written: rows in the output file (one per vendor).
        seconds: wall time of the job.
        out_path: the file written.
        problems: ``(row, column, message)`` for each vendor without a usable name.
        as_of: the date certifications were judged on.
        expiring_within_days: the window of ``expiring``.
        by_certification_status: verified vendors (``exact``/``strong``) per
            ``certification_status`` (``active``, ``expiring``, ``unknown``, ``lapsed``).
        lapsed: every verified vendor whose certification lapsed, in input
            order, with the day it lapsed.
        expiring: every verified vendor that must renew within
            ``expiring_within_days``, in input order, with its renewal date.
        blank_rows: row numbers of the blank rows of the input file that were skipped.
    """

    vendors_read: int
    by_status: dict[str, int]
    rows_written: int
    seconds: float
    out_path: Path
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    as_of: _dt.date | None = None
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS
    by_certification_status: dict[str, int] = field(default_factory=dict)
    lapsed: list[VerifiedVendor] = field(default_factory=list)
    expiring: list[VerifiedVendor] = field(default_factory=list)
    blank_rows: list[int] = field(default_factory=list)

    @property
    def matched(self) -> int:
        """Vendors matched to a firm of the directory by name (``exact`` or ``strong``)."""
        return self.by_status.get("exact", 0) + self.by_status.get("strong", 0)

    @property
    def certified(self) -> int:
        """Matched vendors whose certification is valid on ``as_of`` (``active`` or ``expiring``)."""
        return self.by_certification_status.get("active", 0) + self.by_certification_status.get("expiring", 0)

    def lines(self) -> list[str]:
        """The closing summary, one line per figure, then the lapsed and expiring vendors by name."""
        out = [f"vendors read: {self.vendors_read:,}"
               + (f"; {blank_rows_note(self.blank_rows)}" if self.blank_rows else "")]
        out += [f"{status + ':':<13} {count:,}" for status, count in self.by_status.items()]
        when = f" on {self.as_of.isoformat()}" if self.as_of else ""
        standing = ", ".join(f"{count:,} {status}" for status, count in self.by_certification_status.items())
        out.append(f"certification of the {self.matched:,} exact/strong matches{when}: {standing or 'none'}")
        out += _vendor_lines(f"lapsed:       {len(self.lapsed):,} matched vendors' certification lapsed",
                             self.lapsed, "lapsed on")
        out += _vendor_lines(f"expiring:     {len(self.expiring):,} matched vendors renew within "
                             f"{self.expiring_within_days} days", self.expiring, "renews on")
        out += [f"rows written: {self.rows_written:,} to {self.out_path}", f"seconds:      {self.seconds:.1f}"]
        return out


def _vendor_lines(head: str, vendors: Sequence[VerifiedVendor], verb: str) -> list[str]:
    """``head`` then the first few vendors, one per line: row, name as given, firm, date."""
    if not vendors:
        return [head]
    lines = [head + ":"]
    for v in vendors[:SUMMARY_NAMES_SHOWN]:
        firm = f" = {v.matched_name}" if v.matched_name and v.matched_name != v.input_name else ""
        date = v.date.isoformat() if v.date else "?"
        lines.append(f"  row {v.input_row}: {v.input_name}{firm} (account {v.account_number}), {verb} {date}")
    if len(vendors) > SUMMARY_NAMES_SHOWN:
        lines.append(f"  ... and {len(vendors) - SUMMARY_NAMES_SHOWN:,} more (filter certification_status "
                     "in the output)")
    return lines


# --------------------------------------------------------------------------- shortlist


def shortlist_schema(engine_schema: pa.Schema | None = None) -> pa.Schema:
    """The columns of a shortlist output file, in order, with their types.

    ``need_id``, ``company``, ``text`` (the need as given), ``status``
    (:data:`STATUSES`), then the shortlist engine's columns after its
    ``need_id`` (``rank``, ``account_number``, ``name``, ..., see
    :class:`mwbe_match.Matcher`), then, on ``no_match`` rows,
    ``candidates`` (firms that fit the need's text) and ``eliminated_by``
    (requirement -> how many of them it removed, in the order applied; see
    :meth:`mwbe_match.Matcher.funnel`), then ``error`` (why an invalid row is
    invalid) and ``input_row`` (1-based row of the need in the input).

    Args:
        engine_schema: the engine's result schema; default: the installed engine's.
    """
    if engine_schema is None:
        engine_schema = SHORTLIST_SCHEMA
    ours = set(_NEED_COLUMNS.names) | set(_TRAILING_COLUMNS.names)
    engine_fields = [f for f in engine_schema if f.name != "need_id"]
    clash = [f.name for f in engine_fields if f.name in ours]
    if clash:  # pragma: no cover - guards a future engine change
        raise RuntimeError(f"the shortlist engine's columns {clash} clash with the batch output's own columns")
    return pa.schema(list(_NEED_COLUMNS) + engine_fields + list(_TRAILING_COLUMNS))


def run_shortlist(
    needs: NeedsInput,
    out_path: str | os.PathLike,
    *,
    directory: DirectoryInput = None,
    top: int = 10,
    overwrite: bool = False,
    format: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: bool | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    glossary: Any = None,
    as_of: Any = None,
    include_lapsed: bool | None = None,
    expiring_within_days: int | None = None,
    min_score: float | None = None,
    lang: str = "en",
    workers: int = -1,
) -> BatchSummary:
    """Shortlist every need of a file (or DataFrame) into a Parquet, CSV or Excel (.xlsx) file.

    Args:
        needs: a needs file (CSV, TSV, XLSX, JSON, JSON Lines, Parquet; see
            :func:`mwbe_match.readers.read_table`), a DataFrame, or a list of
            :class:`~mwbe_match.Need`. Columns: ``text`` (required), ``need_id``
            and ``company`` (optional), and any of :class:`~mwbe_match.Need`'s
            requirement fields; list values ``;``-separated.
        out_path: the output file. Written atomically.
        directory: the certified-business directory: ``None`` (the newest
            cached snapshot, else the bundled sample, see
            :func:`~mwbe_match.load_directory`), a path (CSV export or
            Parquet), a DataFrame, ``"live"`` (the City's current list via
            :func:`~mwbe_match.live.live_directory`: a snapshot less than a
            day old, else a fetch, else, offline, the newest snapshot with a
            warning naming its date), or a :class:`~mwbe_match.Matcher` already built.
        top: suppliers per need, at most.
        overwrite: replace ``out_path`` if it exists (otherwise refuse).
        format: ``"parquet"``, ``"csv"`` or ``"xlsx"`` (see :data:`OUTPUT_FORMATS`);
            default: the one ``out_path``'s extension names (``.parquet`` /
            ``.pq``, ``.csv``, ``.xlsx``). Another extension, or a format that
            does not match the extension, is refused with ``ValueError``. CSV is
            UTF-8 with a byte-order mark (Excel shows Korean correctly), lists
            joined with ``"; "``, and text cells starting with ``=``, ``+``,
            ``-``, ``@``, tab or CR prefixed with ``'`` so Excel never runs them
            as formulas. XLSX is a workbook with Results, Needs and About
            sheets, streamed with constant memory (see :mod:`mwbe_match.excel`;
            needs the ``excel`` extra, XlsxWriter).
        chunk_size: needs per chunk (bounds memory).
        progress: show a progress bar on stderr; default: when stderr is a terminal.
        encoding: the needs file's text encoding; default: detect.
        sheet: the XLSX sheet (name or 0-based position); default: the first.
        glossary: user glossary file(s) merged over the bundled Korean
            glossary, or a :class:`~mwbe_match.engine.readers.korean.Glossary` (see
            :class:`~mwbe_match.Matcher`); not with a ``Matcher`` as ``directory``.
        as_of, include_lapsed, expiring_within_days, min_score: the
            :class:`~mwbe_match.MatchConfig` settings of the same names: the
            date certifications are judged on (default: today, fixed when
            the job starts and recorded in the file's metadata), whether
            firms whose certification lapsed are returned (flagged) rather
            than left out, the window that makes a certification
            ``expiring`` (90 days), the lowest score kept (0). ``None``:
            the default, or the setting of a ``Matcher`` given as
            ``directory`` (a different value for a built ``Matcher`` is an
            error: build it with that ``MatchConfig``).
        lang: ``"ko"`` writes the reasons and errors in Korean; in CSV the column
            headers and status values are Korean too (see
            :mod:`mwbe_match.i18n`). Parquet keeps English column names and
            code values (``shortlisted``, ``exact``, ...) so code reading it
            keeps working. Default ``"en"``.
        workers: worker processes shortlisting the needs: ``-1`` (the default) one per core, ``1``
            none (everything in this process). On Linux a job large enough to pay for them (see
            :data:`~mwbe_match.engine.matcher.PROCESS_CELLS`) forks them once, after the needs are
            validated and their texts read, and they rank every chunk
            (:meth:`Matcher.worker_processes <mwbe_match.Matcher.worker_processes>`); elsewhere each
            chunk is ranked on threads (:meth:`Matcher.shortlist_many <mwbe_match.Matcher.shortlist_many>`).
            The output does not depend on it; a need that fails in a worker stops the job with
            :class:`~mwbe_match.engine.parallel.WorkerError` naming its row and ``need_id`` (nothing is
            written), and no worker outlives the job, also on Ctrl-C.

    Returns:
        A :class:`BatchSummary`.

    Raises:
        FileExistsError: ``out_path`` exists and ``overwrite`` is false.
        FileNotFoundError: the needs file does not exist.
        BatchInputError: the input is unusable (no ``text`` column, no rows,
            every row invalid); nothing is written.
        ValueError: an argument is invalid, or the needs file cannot be read.
    """
    started = time.perf_counter()
    lang = check_lang(lang)
    out_path, fmt = _check_output(out_path, format, overwrite)
    top = positive_int("top", top)
    chunk_size = positive_int("chunk_size", chunk_size)
    workers = resolve_workers(workers)
    frame, input_meta = _input_frame(needs, encoding=encoding, sheet=sheet)
    plan = _NeedsPlan.validate(frame)
    _log_problems(plan.problems, len(frame))
    settings = {"as_of": as_of, "include_lapsed": include_lapsed, "expiring_within_days": expiring_within_days,
                "min_score": min_score}
    matcher, dir_meta = _matcher(directory, glossary, {k: v for k, v in settings.items() if v is not None})
    schema = shortlist_schema(SHORTLIST_SCHEMA).with_metadata(_metadata(
        "shortlist", input_meta, dir_meta, _parameters(matcher, top=top, format=fmt, lang=lang),
    ))
    counts = {"shortlisted": 0, "no_match": 0, "invalid": 0}
    rows_written = 0
    starts = list(range(0, len(frame), chunk_size))
    # a need alike in all but its need_id to one of an earlier chunk takes that need's rows (kept up to one
    # chunk's worth of rows) instead of being ranked again
    same = _SameRows.for_job(matcher, plan, chunk_size * top)
    # the engine just built is set aside from the cyclic garbage collector while the job runs (its full
    # collections walk it again and again: 0.7 s of the 8.6 s CPU of a 10,000-need job in one process, half that frozen)
    with frozen_objects(), \
            _worker_processes(matcher, plan, workers) as processes, atomic_path(out_path, overwrite=overwrite) as tmp, \
            _sink(tmp, schema, fmt, lang) as write, \
            progress_bar(len(frame), unit="need", desc="needs", progress=progress) as bar, \
            _RankAhead(matcher, plan, starts, chunk_size, top, workers, enabled=bool(processes), same=same) as ahead:
        for k, start in enumerate(starts):
            table, chunk_counts = _shortlist_chunk(matcher, frame, plan, start, min(start + chunk_size, len(frame)),
                                                   top, schema, SHORTLIST_SCHEMA, workers, ranked=ahead.take(k),
                                                   done_with_engine=lambda: ahead.start(k + 1), same=same)
            for status, count in chunk_counts.items():
                counts[status] += count
            write(table)
            rows_written += table.num_rows
            bar.update(min(chunk_size, len(frame) - start))
    return BatchSummary(
        needs_read=len(frame), shortlisted=counts["shortlisted"], no_match=counts["no_match"],
        invalid=counts["invalid"], rows_written=rows_written, seconds=time.perf_counter() - started,
        out_path=out_path, problems=plan.problems, blank_rows=list(input_meta.get("blank_rows", [])),
    )


@dataclass
class _NeedsPlan:
    """The outcome of validating every row: ids, which rows are invalid and why."""

    ids: list[str]
    errors: dict[int, str]  # position -> message
    problems: list[tuple[int, str, str]]
    valid_mask: np.ndarray
    text_column: str
    company_column: str | None
    rows: np.ndarray  # position -> the row's number in the file (blank rows counted)
    needs: list[Need | None]  # position -> the need parsed while validating (None: invalid, or already used)

    @property
    def valid(self) -> int:
        return int(np.count_nonzero(self.valid_mask))

    @classmethod
    def validate(cls, frame: pd.DataFrame) -> "_NeedsPlan":
        by_key: dict[str, str] = {}
        for column in frame.columns:
            field_name = need_field(column)
            if field_name is not None:
                by_key.setdefault(field_name, str(column))
        if "text" not in by_key:
            raise BatchInputError(
                f"the needs input has no 'text' column (what each need is for, in English or Korean); "
                f"its columns are {', '.join(map(repr, map(str, frame.columns))) or '(none)'}"
            )
        misspelled = misspelled_columns(frame.columns)
        if misspelled:
            raise BatchInputError(
                "the needs input has " + "; ".join(f"column {c!r}: did you mean {f!r}?" for c, f in misspelled.items())
                + " (a misspelled requirement would be silently ignored, so nothing is shortlisted; rename it)"
            )
        if len(frame) == 0:
            raise BatchInputError("the needs input has a header but no rows: nothing to shortlist")
        rejected = {row: (column, detail) for row, column, detail in frame.attrs.get("rejected", ())}
        id_column = by_key.get("need_id")
        ids: list[str] = []
        parsed: list[Need | None] = []
        errors: dict[int, str] = {}
        problems: list[tuple[int, str, str]] = []
        first_row: dict[str, int] = {}
        numbers = row_numbers(frame)
        generated_ids = [f"row-{row}" for row in numbers.tolist()]
        raw_ids = _id_cells(frame, id_column) if id_column else None
        read = needs_from_frame(frame, generated_ids)  # column by column; same Needs and errors as row by row
        for pos, outcome in enumerate(read):
            row = int(numbers[pos])
            raw_id = cell_text(raw_ids[pos]).strip() if raw_ids is not None else ""
            generated = generated_ids[pos]
            parsed.append(None)
            if row in rejected:
                column, detail = rejected[row]
                ids.append(raw_id or generated)
                errors[pos] = f"row {row}, column {column!r}: {detail}"
                problems.append((row, column, detail))
                continue
            need = outcome
            if isinstance(outcome, Exception):
                exc = outcome
                column = by_key.get(getattr(exc, "field", ""), getattr(exc, "field", "")) or "?"
                detail = getattr(exc, "detail", str(exc))
                ids.append(raw_id or generated)
                errors[pos] = f"row {row}, column {column!r}: {detail}"
                problems.append((row, column, detail))
                continue
            if need.need_id in first_row:
                detail = (f"need_id {need.need_id!r} is already used by row {first_row[need.need_id]}; "
                          "need_ids must be unique (rename this one)")
                column = id_column or "need_id"
                errors[pos] = f"row {row}, column {column!r}: {detail}"
                problems.append((row, column, detail))
            else:
                first_row[need.need_id] = row
                parsed[-1] = need
            ids.append(need.need_id)
        valid_mask = np.ones(len(frame), dtype=bool)
        valid_mask[list(errors)] = False
        if not valid_mask.any():
            raise BatchInputError(f"every one of the {len(frame):,} needs is invalid; nothing to shortlist:",
                                  problems)
        return cls(ids, errors, problems, valid_mask, by_key["text"], by_key.get("company"), numbers, parsed)


def _records(frame: pd.DataFrame, start: int = 0, stop: int | None = None,
             size: int = DEFAULT_CHUNK_SIZE) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(position, row as a dict)`` without materializing every row at once."""
    stop = len(frame) if stop is None else stop
    for a in range(start, stop, size):
        for k, record in enumerate(frame.iloc[a:min(a + size, stop)].to_dict("records")):
            yield a + k, record


def _id_cells(frame: pd.DataFrame, id_column: str) -> list[Any]:
    """The cells of ``id_column`` as the row dicts of :func:`_records` hold them (repeated names: the last)."""
    names = [str(c) for c in frame.columns]
    k = len(names) - 1 - names[::-1].index(id_column)
    column = frame.iloc[:, k]
    if isinstance(column.dtype, pd.StringDtype):
        return column.tolist()
    return [next(iter(record.values())) for record in frame.iloc[:, [k]].to_dict("records")]


def _shown_cells(shown: pd.DataFrame, plan: "_NeedsPlan", start: int, stop: int) -> Iterator[tuple[int, tuple]]:
    """``(position, (text cell, company cell))`` of rows ``start:stop``: text columns read as lists,
    other columns as the row dicts of :func:`_records` give them."""
    if shown.columns.is_unique and all(isinstance(shown[c].dtype, pd.StringDtype) for c in shown.columns):
        text = shown[plan.text_column].iloc[start:stop].tolist()
        company = shown[plan.company_column].iloc[start:stop].tolist() if plan.company_column else [None] * len(text)
        yield from zip(range(start, stop), zip(text, company))
        return
    for pos, record in _records(shown, start, stop, size=stop - start):
        yield pos, (record.get(plan.text_column), record.get(plan.company_column) if plan.company_column else None)


def _take_needs(plan: _NeedsPlan, start: int, stop: int) -> dict[int, Need]:
    """The valid needs of rows ``start:stop`` by position (parsed once, while validating; let go once taken)."""
    needs: dict[int, Need] = {}
    for pos in range(start, stop):
        if pos not in plan.errors:
            needs[pos], plan.needs[pos] = plan.needs[pos], None
    return needs


class _RankAhead:
    """With worker processes: the next chunk's needs ranked (on a thread that waits for the workers) while
    this chunk's rows are assembled and written, so the workers never wait for the writing.

    ``take(k)`` gives chunk ``k``'s ``(needs, results)``: the engine's frame, or the :class:`NeedError` /
    :class:`WorkerError` it raised (the chunk is then ranked again the usual way, which finds the culprits
    or names the row); ``start(k + 1)`` is called once chunk ``k`` no longer uses the engine in this
    process (its no-match reasons are written), so the engine is never used by two threads at once
    (the readers are not shared between threads). A next chunk the worker processes rank alone
    (:meth:`Matcher.ranks_on_workers <mwbe_match.Matcher.ranks_on_workers>`: nothing of the engine runs
    in this process) is started already when chunk ``k`` is taken, if chunk ``k`` was ranked: the workers
    then rank it while this process writes chunk ``k``'s no-match reasons (one chunk is ranked at a time
    all the same). Disabled: ``take`` gives None.
    """

    def __init__(self, matcher: Any, plan: _NeedsPlan, starts: list[int], chunk_size: int, top: int,
                 workers: int, *, enabled: bool, same: "_SameRows | None" = None):
        self.matcher, self.plan, self.starts, self.chunk_size = matcher, plan, starts, chunk_size
        self.top, self.workers, self.same = top, workers, same
        self._thread = ThreadPoolExecutor(max_workers=1) if enabled else None
        self._next: Any = None
        self._started = -1  # the last chunk started

    def __enter__(self) -> "_RankAhead":
        self.start(0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is not None:  # after an error: the workers' pool cancels what the thread waits for
            self._thread.shutdown(wait=exc[0] is None, cancel_futures=True)

    def start(self, k: int) -> None:
        """Rank chunk ``k`` on the thread (when enabled and there is one, and it was not started already)."""
        if k <= self._started:
            return
        self._next, self._started = None, k
        if self._thread is not None and k < len(self.starts):
            start = self.starts[k]
            self._next = self._thread.submit(self._rank, start, self._stop(start))

    def _stop(self, start: int) -> int:
        return min(start + self.chunk_size, len(self.plan.ids))

    def _on_workers(self, k: int) -> bool:
        """Whether the worker processes alone rank chunk ``k``'s valid needs."""
        if self._thread is None or k >= len(self.starts):
            return False
        on_workers = getattr(self.matcher, "ranks_on_workers", None)
        start = self.starts[k]
        valid = int(np.count_nonzero(self.plan.valid_mask[start:self._stop(start)]))
        return callable(on_workers) and bool(on_workers(valid, workers=self.workers))

    def _rank(self, start: int, stop: int) -> tuple[dict[int, Need], Any]:
        needs = _take_needs(self.plan, start, stop)
        try:
            return needs, _rank_chunk(self.matcher, needs, self.top, self.workers, self.same)
        except (NeedError, WorkerError) as exc:
            return needs, exc

    def take(self, k: int) -> tuple[dict[int, Need], Any] | None:
        ranked, self._next = (self._next.result() if self._next is not None else None), None
        if ranked is not None and not isinstance(ranked[1], Exception) and self._on_workers(k + 1):
            self.start(k + 1)  # nothing of it runs here: the workers need not wait for this chunk's writing
        return ranked


class _SameRows:
    """The rows of needs ranked in earlier chunks that later needs alike in all but their need_id take
    (:meth:`Matcher.same_rows_key <mwbe_match.Matcher.same_rows_key>`): kept from the chunk a content is
    first ranked in while needs of it are still to come, at most ``cap`` rows at a time, let go once its
    last need took them. Used by one thread at a time (the chunks are ranked one after the other)."""

    def __init__(self, keys: dict[int, tuple], cap: int):
        self.keys = keys  # position -> key of the valid needs
        self.left: dict[tuple, int] = {}  # key -> needs of it not ranked or taken yet
        for key in keys.values():
            self.left[key] = self.left.get(key, 0) + 1
        self.cap = cap
        self.kept: dict[tuple, tuple[int, int, int]] = {}  # key -> (store, first row, rows)
        self.stores: dict[int, list[Any]] = {}  # store -> [table of kept rows, keys still kept in it]
        self.rows_kept = 0

    @classmethod
    def for_job(cls, matcher: Any, plan: "_NeedsPlan", cap: int) -> "_SameRows | None":
        """For an engine that says which needs get the same rows (``same_rows_key``), else None."""
        key_of = getattr(matcher, "same_rows_key", None)
        if not callable(key_of):
            return None
        try:
            keys = {pos: key_of(need) for pos, need in enumerate(plan.needs) if need is not None}
            if len(set(keys.values())) == len(keys):
                return None  # no two alike
        except TypeError:  # a field value that cannot be compared
            return None
        return cls(keys, cap)

    def split(self, needs: dict[int, Need]) -> tuple[dict[int, Need], list[int]]:
        """The chunk's needs to rank, and the positions of those that take kept rows (:meth:`rows`)."""
        rank: dict[int, Need] = {}
        taking: list[int] = []
        for pos, need in needs.items():
            key = self.keys[pos]
            self.left[key] -= 1
            if key in self.kept:
                taking.append(pos)
            else:
                rank[pos] = need
        return rank, taking

    def rows(self, taking: list[int], needs: dict[int, Need]) -> pa.Table | None:
        """The kept rows of the needs at ``taking``, with their own need_ids (the needs' rows together, in rank
        order; the needs in any order); lets go of the rows no need still to come wants."""
        if not taking:
            return None
        by_store: dict[int, tuple[list[np.ndarray], list[str], list[int]]] = {}
        for pos in taking:
            store, first, rows = self.kept[self.keys[pos]]
            indices, ids, counts = by_store.setdefault(store, ([], [], []))
            indices.append(np.arange(first, first + rows, dtype=np.int64))
            ids.append(needs[pos].need_id)
            counts.append(rows)
        tables = []
        for store, (indices, ids, counts) in by_store.items():
            table = self.stores[store][0].take(pa.array(np.concatenate(indices)))
            at = table.schema.get_field_index("need_id")
            need_ids = pa.array(ids, pa.string()).take(
                pa.array(np.repeat(np.arange(len(ids), dtype=np.int64), counts)))
            tables.append(table.set_column(at, table.schema.field(at), need_ids))
        for pos in taking:
            key = self.keys[pos]
            if self.left[key] == 0 and key in self.kept:
                self._let_go(key)
        return pa.concat_tables(tables) if len(tables) > 1 else tables[0]

    def keep(self, found: pa.Table, ranked: dict[int, Need]) -> None:
        """Keep the rows (in ``found``, the ranked needs' rows) of each content with needs still to come."""
        wanted: dict[tuple, str] = {}
        for pos, need in ranked.items():
            key = self.keys[pos]
            if self.left[key] > 0 and key not in self.kept and key not in wanted:
                wanted[key] = need.need_id
        if not wanted or self.rows_kept >= self.cap:
            return
        keys = list(wanted)
        codes = np.asarray(pc.fill_null(pc.index_in(found.column("need_id"),
                                                    value_set=pa.array(list(wanted.values()), pa.string())), -1),
                           dtype=np.int64)
        at = np.flatnonzero(codes >= 0)
        order = at[np.argsort(codes[at], kind="stable")]
        counts = np.bincount(codes[at], minlength=len(keys))
        room = self.cap - self.rows_kept
        fits = int(np.searchsorted(np.cumsum(counts), room, side="right"))
        if fits == 0:
            return
        rows = int(counts[:fits].sum())
        store = len(self.stores) and max(self.stores) + 1
        self.stores[store] = [found.take(pa.array(order[:rows])), fits]
        firsts = np.cumsum(counts) - counts
        for k in range(fits):
            self.kept[keys[k]] = (store, int(firsts[k]), int(counts[k]))
        self.rows_kept += rows

    def _let_go(self, key: tuple) -> None:
        store, _, rows = self.kept.pop(key)
        self.rows_kept -= rows
        held = self.stores[store]
        held[1] -= 1
        if held[1] == 0:
            del self.stores[store]


def _engine_table(results: Any, engine_schema: pa.Schema) -> pa.Table:
    """The engine's results (a frame, or a table) as a table of ``engine_schema``."""
    table = results if isinstance(results, pa.Table) else pa.Table.from_pandas(results, preserve_index=False)
    return table.select(engine_schema.names).cast(engine_schema)


def _rank_chunk(matcher: Any, needs: dict[int, Need], top: int, workers: int, same: _SameRows | None) -> pa.Table:
    """The engine's rows (:data:`SHORTLIST_SCHEMA`) of a chunk's needs, those alike to a need of an earlier
    chunk taken from it (``same``); raises what the engine raises."""
    from .engine import SHORTLIST_SCHEMA as engine_schema

    if same is None:
        return _engine_table(matcher.shortlist_many(list(needs.values()), top=top, workers=workers), engine_schema)
    rank, taking = same.split(needs)
    found = _engine_table(matcher.shortlist_many(list(rank.values()), top=top, workers=workers), engine_schema)
    same.keep(found, rank)
    taken = same.rows(taking, needs)
    return found if taken is None else pa.concat_tables([found, taken])


def _shortlist_chunk(matcher: Any, frame: pd.DataFrame, plan: _NeedsPlan, start: int, stop: int, top: int,
                     schema: pa.Schema, engine_schema: pa.Schema, workers: int = 1,
                     ranked: tuple[dict[int, Need], Any] | None = None,
                     done_with_engine: Any = None, same: _SameRows | None = None) -> tuple[pa.Table, dict[str, int]]:
    """The output rows of needs ``start:stop`` (input order, then rank) and the needs per status;
    ``ranked``: the chunk's needs and the engine's results, when computed ahead (:class:`_RankAhead`);
    ``done_with_engine`` is called once the chunk no longer uses ``matcher``; ``same``: rows kept for needs
    alike to those of earlier chunks."""
    text: list[str | None] = []
    company: list[str | None] = []
    shown = frame[[c for c in dict.fromkeys((plan.text_column, plan.company_column)) if c is not None]]
    for pos, record in _shown_cells(shown, plan, start, stop):  # the two columns shown, not every one
        text.append(cell_text(record[0]) or None)
        company.append((cell_text(record[1]).strip() or None) if plan.company_column else None)
    needs = ranked[0] if ranked is not None else _take_needs(plan, start, stop)
    results = ranked[1] if ranked is not None else None
    if ranked is None and engine_schema.equals(SHORTLIST_SCHEMA):
        try:
            results = _rank_chunk(matcher, needs, top, workers, same)
        except (NeedError, WorkerError):
            results = None  # ranked again need by need, naming the culprits
    if results is None or isinstance(results, Exception):
        results = _shortlist_needs(matcher, needs, top, plan, workers)
    position = {need.need_id: pos for pos, need in needs.items()}
    found = _engine_table(results, engine_schema)
    found_pos = np.fromiter((position[i] for i in found.column("need_id").to_pylist()), dtype=np.int64,
                            count=found.num_rows)
    has_rows = np.zeros(stop - start, dtype=bool)
    has_rows[found_pos - start] = True
    lone_pos = np.flatnonzero(~has_rows) + start
    lone_status = np.where(plan.valid_mask[lone_pos], "no_match", "invalid")
    pos = np.concatenate([found_pos, lone_pos])
    local = pos - start
    columns: dict[str, Any] = {
        "need_id": pa.array([plan.ids[p] for p in pos], pa.string()),
        "company": pa.array([company[k] for k in local], pa.string()),
        "text": pa.array([text[k] for k in local], pa.string()),
        "status": pa.array(["shortlisted"] * len(found_pos) + lone_status.tolist(), pa.string()),
    }
    lone = _no_match_columns(matcher, [needs.get(p) for p in lone_pos.tolist()])
    if done_with_engine is not None:
        done_with_engine()
    for f in engine_schema:
        if f.name != "need_id":
            rest = pa.array(lone[f.name], f.type) if f.name in lone else pa.nulls(len(lone_pos), f.type)
            columns[f.name] = pa.concat_arrays([found.column(f.name).combine_chunks(), rest])
    for f in _TRAILING_COLUMNS:
        if f.name not in ("error", "input_row"):
            rest = pa.array(lone[f.name], f.type) if f.name in lone else pa.nulls(len(lone_pos), f.type)
            columns[f.name] = pa.concat_arrays([pa.nulls(found.num_rows, f.type), rest])
    columns["error"] = pa.array([plan.errors.get(p) for p in pos], pa.string())
    columns["input_row"] = pa.array(row_numbers(frame)[pos], pa.int64())
    columns["_pos"] = pa.array(pos, pa.int64())
    table = pa.table(columns)
    keys = [("_pos", "ascending")] + ([("rank", "ascending")] if "rank" in columns else [])
    table = table.take(pc.sort_indices(table, sort_keys=keys)).select(schema.names).cast(schema)
    counts = {
        "shortlisted": len(np.unique(found_pos)),
        "no_match": int(np.count_nonzero(lone_status == "no_match")),
        "invalid": int(np.count_nonzero(lone_status == "invalid")),
    }
    return table, counts


def _no_match_columns(matcher: Any, needs: list[Need | None]) -> dict[str, list[Any]]:
    """For rows without suppliers: how a valid need's text was read and why nothing matched (None: invalid).

    ``reasons`` says which requirement eliminated how many of the firms that
    fit the text (:meth:`Matcher.funnel`), also as ``candidates`` and
    ``eliminated_by``; ``as_of`` is the date the certifications were judged on.
    """
    read = getattr(matcher, "read", None)
    if read is None:
        return {}
    readings = [read(need.text) if need is not None else None for need in needs]
    columns: dict[str, list[Any]] = {
        "reasons": [r.no_match_reason() if r is not None else None for r in readings],
        "understood_terms": [list(r.understood_terms) if r is not None else None for r in readings],
        "unknown_terms": [list(r.unknown_terms) if r is not None else None for r in readings],
    }
    valid = [need for need in needs if need is not None]
    funnel = getattr(matcher, "funnel", None)
    if funnel is None or not valid:
        return columns
    rows = iter(funnel(valid).to_dict("records"))
    explained = [next(rows) if need is not None else None for need in needs]
    as_of = getattr(matcher.config, "as_of", None) or _dt.date.today()
    columns["reasons"] = [e["reasons"] if e is not None else None for e in explained]
    columns["candidates"] = [e["candidates"] if e is not None else None for e in explained]
    columns["eliminated_by"] = [list(e["eliminated_by"]) if e is not None else None for e in explained]
    columns["as_of"] = [as_of if e is not None else None for e in explained]
    return columns


def _worker_processes(matcher: Any, plan: _NeedsPlan, workers: int) -> Any:
    """The job's worker processes, forked once for all its chunks (:meth:`Matcher.worker_processes
    <mwbe_match.Matcher.worker_processes>`: only when ``workers`` asks for them and the job is large enough
    for them to pay); nothing for one worker or an engine without them."""
    start = getattr(matcher, "worker_processes", None)
    if workers <= 1 or start is None:
        return contextlib.nullcontext()
    return start([need for need in plan.needs if need is not None], workers=workers)


def _shortlist_needs(matcher: Any, needs: dict[int, Need], top: int, plan: _NeedsPlan,
                     workers: int = 1) -> pd.DataFrame:
    """The engine's results for a chunk; a need the engine rejects becomes an invalid row."""
    try:
        return matcher.shortlist_many(list(needs.values()), top=top, workers=workers)
    except NeedError:
        pass
    except WorkerError as exc:  # a need failed in a worker process: name its row too
        pos = next((p for p, need in needs.items() if need.need_id == exc.need_id), None)
        if pos is None:
            raise
        raise type(exc)(f"row {int(plan.rows[pos])}: {exc}", need_id=exc.need_id) from exc
    frames = []
    for pos, need in list(needs.items()):  # find the culprit(s); the rest of the chunk still runs
        try:
            frames.append(matcher.shortlist_many([need], top=top))
        except NeedError as exc:
            detail = getattr(exc, "detail", str(exc))
            row = int(plan.rows[pos])
            plan.errors[pos] = f"row {row}, column {exc.field!r}: {detail}"
            plan.problems.append((row, exc.field, detail))
            plan.valid_mask[pos] = False
            del needs[pos]
    kept = [f for f in frames if len(f)]
    return pd.concat(kept, ignore_index=True) if kept else matcher.shortlist_many([], top=top)


# --------------------------------------------------------------------------- verify


def verify_schema() -> pa.Schema:
    """The columns of a verify output file: ``input_row`` then :data:`mwbe_match.verify.MATCH_COLUMNS`."""
    from .verify import MATCH_SCHEMA

    return pa.schema([("input_row", pa.int64())] + list(MATCH_SCHEMA))


def run_verify(
    vendors: str | os.PathLike | pd.DataFrame,
    out_path: str | os.PathLike,
    *,
    directory: DirectoryInput = None,
    name_column: str | None = None,
    threshold: float | None = None,
    overwrite: bool = False,
    format: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: bool | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    as_of: Any = None,
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
    lang: str = "en",
) -> VerifySummary:
    """Check every vendor of a file (or DataFrame) against the directory, into Parquet, CSV or Excel.

    One output row per vendor, in input order: ``input_row`` (1-based) and
    the columns of :func:`mwbe_match.match_names` (``input_name``,
    ``account_number``, ``matched_name``, ``score``, ``status``,
    ``certification_status``, ``certified_through``, ``renews_on``,
    ``as_of``, ``reasons``, the firm's certifications and contact details).
    ``phone``, ``website`` and ``zip`` columns in the vendor file, when
    present, corroborate matches. ``status`` is about the name match only:
    a vendor is certified when it is ``exact``/``strong`` **and**
    ``certification_status`` is ``active`` or ``expiring``.

    Args:
        vendors: a vendor file (formats as :func:`run_shortlist`) or a DataFrame.
        out_path: the output file. Written atomically.
        directory: as for :func:`run_shortlist` (or a :class:`~mwbe_match.NameIndex` already built).
        name_column: the vendor-name column; default: the first of
            :data:`mwbe_match.verify.NAME_COLUMN_CANDIDATES` present (any case).
        threshold: lowest score of a ``strong`` match (default: the library's).
        overwrite, format, chunk_size, progress, encoding, sheet, lang: as for :func:`run_shortlist`.
        as_of: the date certifications are judged on (default today; the
            same date for every chunk, recorded in the file's metadata).
        expiring_within_days: a certification renewing within this many days
            of ``as_of`` is ``expiring`` (default 90).

    Returns:
        A :class:`VerifySummary`, naming the matched vendors that are lapsed
        and those that expire within the window.

    Raises:
        FileExistsError: ``out_path`` exists and ``overwrite`` is false.
        BatchInputError: no name column, no rows, or no row with a usable name.
    """
    from .verify import DEFAULT_THRESHOLD, NameIndex, STATUSES as NAME_STATUSES, find_name_column, normalize_name

    started = time.perf_counter()
    lang = check_lang(lang)
    out_path, fmt = _check_output(out_path, format, overwrite)
    chunk_size = positive_int("chunk_size", chunk_size)
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    as_of = resolve_as_of(as_of)
    expiring_within_days = positive_int("expiring_within_days", expiring_within_days, minimum=0)
    frame, input_meta = _input_frame(vendors, encoding=encoding, sheet=sheet)
    try:
        column = str(find_name_column(frame, name_column))
    except KeyError as exc:
        raise BatchInputError(str(exc.args[0]) if exc.args else str(exc)) from None
    if len(frame) == 0:
        raise BatchInputError("the vendor input has a header but no rows: nothing to verify")
    if not any(normalize_name(cell_text(v)) for v in frame[column]):
        raise BatchInputError(f"none of the {len(frame):,} vendors has a usable name in column {column!r} "
                              "(all are empty or punctuation only); nothing to verify")
    if isinstance(directory, NameIndex):
        index, dir_meta = directory, {"source": "NameIndex", "firms": len(directory)}
    else:
        df = _directory(directory)
        index, dir_meta = NameIndex(df), {**directory_metadata(df), "firms": len(df)}
    schema = verify_schema().with_metadata(_metadata(
        "verify", input_meta, dir_meta,
        {"name_column": column, "threshold": threshold, "format": fmt, "as_of": as_of.isoformat(),
         "expiring_within_days": expiring_within_days, "lang": lang},
    ))
    by_status = dict.fromkeys(NAME_STATUSES, 0)
    by_certification = dict.fromkeys(CERTIFICATION_STATUSES, 0)
    flagged: dict[str, list[VerifiedVendor]] = {"lapsed": [], "expiring": []}
    rejected = {row: detail for row, _, detail in frame.attrs.get("rejected", ())}
    problems: list[tuple[int, str, str]] = []
    rows_written = 0
    with atomic_path(out_path, overwrite=overwrite) as tmp, _sink(tmp, schema, fmt, lang) as write, \
            progress_bar(len(frame), unit="vendor", desc="vendors", progress=progress) as bar:
        for start in range(0, len(frame), chunk_size):
            chunk = frame.iloc[start:start + chunk_size]
            result = index.match(chunk, threshold=threshold, name_column=column, as_of=as_of,
                                 expiring_within_days=expiring_within_days)
            table = pa.Table.from_pandas(result.reset_index(drop=True), preserve_index=False)
            table = table.add_column(0, "input_row", pa.array(row_numbers(frame)[start:start + len(chunk)],
                                                              pa.int64()))
            table = _reject_rows(table.select(schema.names).cast(schema), rejected)
            for item in pc.value_counts(table.column("status")).to_pylist():
                by_status[item["values"]] = by_status.get(item["values"], 0) + item["counts"]
            _count_certification(table, by_certification, flagged)
            invalid = table.filter(pc.equal(table.column("status"), "invalid"))
            problems += [(row, column, reason) for row, reason in
                         zip(invalid.column("input_row").to_pylist(), invalid.column("reasons").to_pylist())]
            write(table)
            rows_written += table.num_rows
            bar.update(len(chunk))
    _log_problems(problems, len(frame))
    return VerifySummary(
        vendors_read=len(frame), by_status=by_status, rows_written=rows_written,
        seconds=time.perf_counter() - started, out_path=out_path, problems=problems, as_of=as_of,
        expiring_within_days=expiring_within_days, by_certification_status=by_certification,
        lapsed=flagged["lapsed"], expiring=flagged["expiring"], blank_rows=list(input_meta.get("blank_rows", [])),
    )


def _count_certification(table: pa.Table, counts: dict[str, int], flagged: dict[str, list[VerifiedVendor]]) -> None:
    """Add a chunk's exact/strong rows to the certification counts and the lapsed/expiring lists."""
    verified = table.filter(pc.is_in(table.column("status"), pa.array(["exact", "strong"])))
    for item in pc.value_counts(verified.column("certification_status")).to_pylist():
        counts[item["values"]] = counts.get(item["values"], 0) + item["counts"]
    for status, date_column in (("lapsed", "certified_through"), ("expiring", "renews_on")):
        rows = verified.filter(pc.equal(verified.column("certification_status"), status))
        dates = rows.column(date_column).to_pylist()
        if status == "lapsed":  # lapsed on the day after the last day it was certified
            dates = [d + _dt.timedelta(days=1) if d else None for d in dates]
        flagged[status] += [
            VerifiedVendor(r, name, account, matched, date) for r, name, account, matched, date in zip(
                rows.column("input_row").to_pylist(), rows.column("input_name").to_pylist(),
                rows.column("account_number").to_pylist(), rows.column("matched_name").to_pylist(), dates)
        ]


# --------------------------------------------------------------------------- shared plumbing


def _reject_rows(table: pa.Table, rejected: dict[int, str]) -> pa.Table:
    """Verify rows the reader rejected (``input_row`` -> why) as ``invalid``, matched to nothing."""
    if not rejected:
        return table
    rows = table.column("input_row").to_numpy()
    mask = pa.array(np.isin(rows, np.fromiter(rejected, dtype=np.int64)))
    if not pc.any(mask).as_py():
        return table
    keep = {"input_row", "input_name", "status", "reasons"}
    columns = []
    for f, column in zip(table.schema, table.columns):
        if f.name == "status":
            column = pc.if_else(mask, pa.scalar("invalid", f.type), column)
        elif f.name == "reasons":
            why = pa.array([rejected.get(r) for r in rows.tolist()], f.type)
            column = pc.if_else(mask, why, column)
        elif f.name not in keep:
            column = pc.if_else(mask, pa.scalar(None, f.type), column)
        columns.append(column)
    return pa.table(columns, schema=table.schema)


def _log_problems(problems: Sequence[tuple[int, str, str]], rows: int) -> None:
    """Row problems as warnings on the ``mwbe_match.batch`` logger (the command line prints them)."""
    for row, column, message in problems[:_PROBLEMS_SHOWN]:
        logger.warning("row %d, column %r: %s", row, column, message)
    if len(problems) > _PROBLEMS_SHOWN:
        logger.warning("... and %s more", f"{len(problems) - _PROBLEMS_SHOWN:,}")
    if problems:
        logger.warning("%s of %s rows are invalid; each is kept in the output with status 'invalid' and its error",
                       f"{len(problems):,}", f"{rows:,}")


def _numbered(frame: pd.DataFrame, meta: dict) -> tuple[pd.DataFrame, dict]:
    """``frame`` indexed by its source row numbers (``input_row``: the index of a :func:`read_table` frame,
    blank rows counted; else 1..n); the blank rows the reader skipped are logged and kept in ``meta``."""
    blank = [int(r) for r in frame.attrs.get("blank_rows", ())]
    out = frame.set_axis(pd.Index(row_numbers(frame), name="row"), axis=0)
    if blank:
        meta["blank_rows"] = blank
        logger.warning("%s; the rows keep the numbers they have in the file", blank_rows_note(blank))
    return out, meta


def _input_frame(source: Any, *, encoding: str | None, sheet: str | int | None) -> tuple[pd.DataFrame, dict]:
    if isinstance(source, pd.DataFrame):
        return _numbered(source.rename(columns=str), {"source": "DataFrame", "rows": len(source)})
    if isinstance(source, (list, tuple)) and all(isinstance(n, Need) for n in source):
        frame = pd.DataFrame([{f: getattr(n, f) for f in NEED_FIELDS} for n in source],
                             columns=list(NEED_FIELDS), dtype=object)
        return frame, {"source": "list of Need", "rows": len(frame)}
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"expected a file path, a DataFrame or a list of Need, not {type(source).__name__}")
    frame = read_table(source, encoding=encoding, sheet=sheet)
    meta = {"source": str(source), "format": frame.attrs.get("format"), "rows": len(frame)}
    if frame.attrs.get("encoding"):
        meta["encoding"] = frame.attrs["encoding"]
    return _numbered(frame, meta)


def _directory(directory: DirectoryInput) -> pd.DataFrame:
    if isinstance(directory, str) and directory.strip().lower() == "live":
        from .live import live_directory  # imported lazily: the network client is only needed here

        return live_directory(max_age=_dt.timedelta(days=1))
    if directory is None or isinstance(directory, (str, os.PathLike, pd.DataFrame)):
        return load_directory(directory)
    raise TypeError(f"directory must be a path, a DataFrame, 'live' or None, not {type(directory).__name__}")


def _matcher(directory: DirectoryInput, glossary: Any = None,
             settings: dict[str, Any] | None = None) -> tuple[Any, dict[str, Any]]:
    """The matching engine for ``directory`` and the directory's provenance for the file metadata.

    ``settings`` are :class:`MatchConfig` fields to set (``as_of``, ``include_lapsed``, ...); a
    matcher built here judges on a fixed ``as_of`` (today when not given), so a job that runs
    past midnight judges every need on one date.
    """
    from .engine import MatchConfig, Matcher

    settings = dict(settings or {})
    if isinstance(directory, Matcher):
        if glossary is not None:
            raise ValueError("glossary= cannot change a Matcher already built; pass it to Matcher(glossary=...)")
        wanted = dataclasses.replace(directory.config, **settings)
        changed = [k for k in settings if getattr(wanted, k) != getattr(directory.config, k)]
        if changed:
            raise ValueError(f"{', '.join(k + '=' for k in changed)} cannot change a Matcher already built; "
                             f"build it with Matcher(directory, MatchConfig({changed[0]}=...))")
        built_from = getattr(directory, "directory", None)  # the directory the Matcher was built from
        if isinstance(built_from, pd.DataFrame):
            return directory, {**directory_metadata(built_from), "firms": directory.n_firms}
        return directory, {"source": "Matcher", "firms": directory.n_firms}
    df = _directory(directory)
    settings.setdefault("as_of", _dt.date.today())
    return Matcher(df, MatchConfig(**settings), glossary=glossary), {**directory_metadata(df), "firms": len(df)}


def _parameters(matcher: Any, **parameters: Any) -> dict[str, Any]:
    """The job's parameters, with the engine's settings and the reference date its filters used."""
    config = getattr(matcher, "config", None)
    if dataclasses.is_dataclass(config):
        parameters["matcher_config"] = dataclasses.asdict(config)
        parameters["as_of"] = (getattr(config, "as_of", None) or _dt.date.today()).isoformat()
    glossary = getattr(matcher, "glossary", None)
    if glossary is not None:
        parameters["glossary"] = {"entries": len(glossary), "user_files": list(getattr(matcher, "glossary_files", ()))}
    return parameters



def _metadata(kind: str, input_meta: dict, directory_meta: dict, parameters: dict) -> dict[bytes, bytes]:
    """A job's output schema metadata: its :func:`~mwbe_match.outputs.metadata_document`."""
    return schema_metadata(metadata_document(kind, input=input_meta, directory=directory_meta, parameters=parameters))
