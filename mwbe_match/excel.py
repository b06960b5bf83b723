"""Outputs stage, Excel: workbooks of shortlist and verify results, streamed with constant memory.

    >>> import mwbe_match
    >>> mwbe_match.run_shortlist("needs.csv", "shortlists.xlsx")          # -o shortlists.xlsx on the command line
    >>> from mwbe_match.excel import write_workbook
    >>> write_workbook("shortlists.xlsx", pyarrow.parquet.read_table("shortlists.parquet"))

A workbook has these sheets:

``Results``
    Every output row, in the output's order and with its columns. The header
    row is frozen and has an autofilter; columns are sized from the first rows;
    long text (``text``, ``reasons``, ``error``) wraps. Dates are date cells
    (``yyyy-mm-dd``), money columns (``bonding``, ``amount``, ...) currency
    cells, numbers number cells. Text is always written as text: account
    numbers, ZIP codes, NAICS codes and phones keep their leading zeros and
    never turn into numbers in scientific notation (those columns also carry
    the text number format ``@``, so an edited cell stays text). Websites
    starting with ``http://`` or ``https://`` are links; anything else stays
    plain text. Lists are joined with ``"; "``. A text cell that Excel would
    take for a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) is
    prefixed with ``'``, as in the CSV output: the workbook holds no formula.
``Needs`` (shortlists only)
    One row per input need, in input order: :data:`NEEDS_SHEET_COLUMNS`,
    with ``status`` ``ok`` (shortlisted), ``no_match`` or ``invalid``,
    ``suppliers`` (rows in Results), how the text was read
    (``understood_terms``, ``unknown_terms``) and ``explanation``: for a
    ``no_match`` need its reasons (which requirement removed the
    candidates), for an ``invalid`` one its error.
``About``
    Where the results came from: the job's kind, library version and
    creation time, the input, the directory's provenance (source, snapshot
    date, firms), the parameters, and what this workbook holds (rows, needs
    per status, any continuation sheet, links or cells Excel's limits cut).

Excel's limits are kept, never silently: past 1,048,575 data rows a sheet
continues on ``Results (2)``, ...; past 65,530 links per sheet (Excel's
limit) websites are plain text; a cell longer than 32,767 characters is
cut to that length. The About sheet counts each of these.

Rows are written in order and flushed as they go (XlsxWriter's
``constant_memory`` mode), so memory stays bounded by one chunk of input
however many rows are written. XlsxWriter is in the ``excel`` extra:
``pip install "mwbe_match[excel]"``.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import re
import shutil
import tempfile
import warnings
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Union

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._atomic import atomic_path

__all__ = [
    "write_workbook",
    "WorkbookWriter",
    "require_xlsxwriter",
    "neutralize_formulas",
    "neutralize_text",
    "map_as_text",
    "excel_text",
    "write_sheets",
    "FORMULA_START",
    "SHEET_NAMES",
    "NEEDS_SHEET_COLUMNS",
    "NEED_STATUSES",
    "EXCEL_EXTRA_HINT",
]

#: How to install the writer when it is missing.
EXCEL_EXTRA_HINT = 'pip install "mwbe_match[excel]"'

#: Text that Excel (or a spreadsheet a CSV is opened in) would run as a formula starts with one of these.
FORMULA_START = r"^([=+\-@\t\r])"

#: Default sheet names, by role; pass ``sheet_names`` to change any of them (e.g. Korean).
SHEET_NAMES: Mapping[str, str] = {"results": "Results", "needs": "Needs", "about": "About"}

#: Columns of the Needs sheet, in order (those whose source column is absent are left out).
NEEDS_SHEET_COLUMNS: tuple[str, ...] = (
    "need_id", "company", "text", "status", "suppliers", "understood_terms", "unknown_terms",
    "explanation", "candidates", "eliminated_by", "input_row",
)

#: ``status`` of a need on the Needs sheet, by the ``status`` of its result rows.
NEED_STATUSES: Mapping[str, str] = {"shortlisted": "ok", "no_match": "no_match", "invalid": "invalid"}

ResultsInput = Union[pa.Table, pa.RecordBatch, pd.DataFrame, Iterable[Union[pa.Table, pa.RecordBatch]]]

_MAX_ROWS = 1_048_576  # rows per sheet, header included
_MAX_URLS = 65_530  # hyperlinks per sheet
_MAX_CHARS = 32_767  # characters per cell
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_TEXT_ID = re.compile(r"(^|_)(account_number|account|zip|zip_code|postcode|naics|naics_code|phone|telephone|fax"
                      r"|need_id|ein|tax_id)$")
_MONEY = re.compile(r"(^|_)(bonding|amount|dollars|price|cost|budget|value|usd|spend)($|_)")
_LINK = re.compile(r"(^|_)(website|url)$")
_WRAPPED = {"text", "reasons", "error", "explanation", "description", "no_match_reason", "eliminated_by"}
_NUMBER_FORMATS = {"score": "0.0", "latitude": "0.000000", "longitude": "0.000000", "distance_miles": "0.0"}
_SAMPLE_ROWS = 200


def require_xlsxwriter() -> Any:
    """The ``xlsxwriter`` module, or an ``ImportError`` that names the ``excel`` extra."""
    try:
        import xlsxwriter
    except ImportError:  # pragma: no cover - exercised by a test that hides the module
        raise ImportError(f"writing an Excel workbook (.xlsx) needs XlsxWriter: {EXCEL_EXTRA_HINT}") from None
    return xlsxwriter


def neutralize_formulas(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text cells starting as a formula would (:data:`FORMULA_START`) prefixed with ``'``; others unchanged."""
    return pc.replace_substring_regex(values, pattern=FORMULA_START, replacement=r"'\1")


def neutralize_text(value: str) -> str:
    """One text cell made formula-safe as :func:`neutralize_formulas` does a column (``"=1+1"`` -> ``"'=1+1"``)."""
    return re.sub(FORMULA_START, r"'\1", value)


def write_workbook(
    path: str | os.PathLike,
    results: ResultsInput,
    *,
    needs: bool | None = None,
    about: Mapping[str, Any] | None = None,
    labels: Mapping[str, str] | None = None,
    value_labels: Mapping[str, str] | None = None,
    sheet_names: Mapping[str, str] | None = None,
    overwrite: bool = False,
) -> Path:
    """Write results (a shortlist or verify output) to an Excel workbook, atomically.

    Args:
        path: the ``.xlsx`` file to write. Written to a temporary file beside
            it and renamed on success: a failure leaves no partial file and
            whatever was at ``path`` untouched.
        results: a :class:`pyarrow.Table` (for example a batch job's Parquet
            output, read with :func:`pyarrow.parquet.read_table`), a DataFrame,
            or an iterable of record batches / tables with one schema (for
            example ``pyarrow.parquet.ParquetFile(...).iter_batches()``),
            written as they come with constant memory.
        needs: write the Needs sheet; default: when the results have
            ``need_id`` and ``status`` columns (a shortlist).
        about: the job's provenance for the About sheet (the document a batch
            job stores in its Parquet metadata); default: that document when
            ``results`` carries it in its schema metadata.
        labels: display labels by column name (and by About item), e.g.
            ``{"name": "회사명"}``; default: the column names.
        value_labels: display text of ``status`` values, e.g. ``{"ok": "적합"}``, or of any code
            column, ``{column: {value: text}}`` (e.g. ``{"certification_status": {"lapsed": "만료"}}``).
        sheet_names: sheet names by role (``results``, ``needs``, ``about``);
            default :data:`SHEET_NAMES`.
        overwrite: replace ``path`` if it exists (otherwise refuse).

    Returns:
        The path written.

    Raises:
        ImportError: XlsxWriter is not installed (names the ``excel`` extra).
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ValueError: a sheet name Excel refuses, or batches whose schemas differ.
    """
    require_xlsxwriter()
    batches, schema = _batches(results)
    if about is None:
        about = _about_from_schema(schema)
    path = Path(path)
    with atomic_path(path, overwrite=overwrite) as tmp:
        with WorkbookWriter(tmp, schema, needs=needs, about=about, labels=labels, value_labels=value_labels,
                            sheet_names=sheet_names) as writer:
            for batch in batches:
                writer.write(batch)
    return path


def write_sheets(
    path: str | os.PathLike,
    tables: Mapping[str, pa.Table | pd.DataFrame],
    *,
    about: Mapping[str, Any] | None = None,
    labels: Mapping[str, str] | None = None,
    value_labels: Mapping[str, Any] | None = None,
    overwrite: bool = False,
) -> Path:
    """Write several tables to one workbook, atomically: one sheet per table (named by its key), then About.

    The participation planner writes its assignments, attainment and
    alternates this way. Cells are typed, IDs kept as text and formula-like
    text neutralized exactly as in :func:`write_workbook`.

    Raises:
        ImportError: XlsxWriter is not installed (names the ``excel`` extra).
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        ValueError: no tables, or a sheet name Excel refuses.
    """
    require_xlsxwriter()
    if not tables:
        raise ValueError("write_sheets needs at least one table")
    items = [(name, pa.Table.from_pandas(t, preserve_index=False) if isinstance(t, pd.DataFrame) else t)
             for name, t in tables.items()]
    first_name, first = items[0]
    path = Path(path)
    with atomic_path(path, overwrite=overwrite) as tmp:
        with WorkbookWriter(tmp, first.schema, needs=False, about=about, labels=labels, value_labels=value_labels,
                            sheet_names={"results": first_name}) as writer:
            writer.write(first)
            for name, table in items[1:]:
                writer.add_sheet(name, table)
    return path


class WorkbookWriter:
    """Write a workbook in pieces: ``write(table)`` per chunk, in output order, then ``close()``.

    Used as a context manager, the workbook is completed when the block ends
    normally; when it raises, the writer is discarded (its temporary files are
    removed and nothing is written at ``path``). The caller makes the final
    file atomic (:func:`write_workbook` does, and so do the batch jobs).

    Args:
        path: the file XlsxWriter writes at :meth:`close`.
        schema: the columns of every table written (extra schema metadata is ignored).
        needs, about, labels, value_labels, sheet_names: as for :func:`write_workbook`
            (``about`` is not read from ``schema`` here).
        background: write each table on a worker thread while the caller
            prepares the next one (at most one table in flight, so memory
            stays bounded; an error surfaces at the next ``write`` or at
            ``close``). The batch jobs use it: shortlisting and writing overlap.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        schema: pa.Schema,
        *,
        needs: bool | None = None,
        about: Mapping[str, Any] | None = None,
        labels: Mapping[str, str] | None = None,
        value_labels: Mapping[str, str] | None = None,
        sheet_names: Mapping[str, str] | None = None,
        background: bool = False,
    ):
        xlsxwriter = require_xlsxwriter()
        names = {**SHEET_NAMES, **(sheet_names or {})}
        unknown = set(names) - set(SHEET_NAMES)
        if unknown:
            raise ValueError(f"sheet_names has unknown roles {sorted(unknown)}; the roles are {list(SHEET_NAMES)}")
        for role, name in names.items():
            _check_sheet_name(role, name)
        if len(set(names.values())) < len(names):
            raise ValueError(f"sheet_names must differ from one another, got {names}")
        self._names = names
        self._labels = dict(labels or {})
        # value_labels: {value: label} for ``status``, or {column: {value: label}} for any code column
        labels_by_column = dict(value_labels or {})
        if labels_by_column and not all(isinstance(v, Mapping) for v in labels_by_column.values()):
            labels_by_column = {"status": labels_by_column}
        self._value_labels: dict[str, Mapping[str, str]] = labels_by_column
        self._labelled_columns = frozenset(labels_by_column)
        self._about = dict(about or {})
        self._schema = pa.schema(list(schema))
        has_needs = "need_id" in schema.names and "status" in schema.names
        if needs is None:
            needs = has_needs
        elif needs and not has_needs:
            raise ValueError(f"a Needs sheet needs 'need_id' and 'status' columns; the results have {schema.names}")
        path = Path(path)
        # XlsxWriter's row files go in a hidden folder beside the output (named like the atomic writer's
        # temporary file), not in the system temp folder, which is often a small RAM disk.
        self._tmpdir = tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            self._book = xlsxwriter.Workbook(str(path), {
                "tmpdir": self._tmpdir,
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "remove_timezone": True,
                "default_date_format": "yyyy-mm-dd",
            })
            kind, version = self._about.get("kind"), self._about.get("library_version", "")
            self._book.set_properties({"title": f"mwbe_match {kind}" if kind else "mwbe_match results",
                                       "comments": f"written by mwbe_match {version}".strip()})
            self._formats: dict[tuple, Any] = {}
            self._header_format = self._format(bold=True, text_wrap=True, valign="top", bg_color="#DDEBF7",
                                               bottom=1)
            self._results = _Sheet(self, names["results"], _columns(self._schema, self))
            self._needs: _Sheet | None = None
            self._pending: list[Any] | None = None  # [key, first row, rows]: the need being read, unwritten
            self._need_fields: list[tuple[str, pa.Field]] = []
            if needs:
                self._need_fields = _need_fields(self._schema)
                need_schema = pa.schema([f for _, f in self._need_fields])
                self._needs = _Sheet(self, names["needs"], _columns(need_schema, self))
            self._extra: list[_Sheet] = []
        except BaseException:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            raise
        self._rows = 0
        self._status_counts: dict[str, int] = {}
        self._closed = False
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="mwbe-xlsx") if background else None
        self._pending_write: Future | None = None

    # ------------------------------------------------------------------ public

    def write(self, table: pa.Table | pa.RecordBatch | pd.DataFrame) -> None:
        """Append ``table``'s rows (columns as ``schema``; rows in output order)."""
        if self._closed:
            raise ValueError("the workbook is already closed")
        table = _as_table(table, self._schema)
        if self._pool is None:
            self._write_now(table)
            return
        self._wait()
        self._pending_write = self._pool.submit(self._write_now, table)

    def _wait(self) -> None:
        """Wait for the table being written on the worker thread; raise its error."""
        if self._pending_write is not None:
            pending, self._pending_write = self._pending_write, None
            pending.result()

    def _write_now(self, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        columns = {name: _cell_values(table.column(name)) for name in self._schema.names}
        self._results.write_rows([columns[name] for name in self._schema.names], table.num_rows)
        self._rows += table.num_rows
        if self._needs is not None:
            self._collect_needs(columns, table.num_rows)

    def add_sheet(self, name: str, table: pa.Table | pd.DataFrame) -> None:
        """Write ``table`` whole on a sheet of its own named ``name`` (after the results; About stays last)."""
        if self._closed:
            raise ValueError("the workbook is already closed")
        _check_sheet_name(name, name)
        taken = {s.name for s in self._book.worksheets()} | {self._names["about"]}
        if name in taken:
            raise ValueError(f"a sheet named {name!r} already exists in this workbook")
        self._wait()
        if isinstance(table, pd.DataFrame):
            table = pa.Table.from_pandas(table, preserve_index=False)
        schema = pa.schema(list(table.schema))
        sheet = _Sheet(self, name, _columns(schema, self))
        self._extra.append(sheet)
        if table.num_rows:
            sheet.write_rows([_cell_values(table.column(n)) for n in schema.names], table.num_rows)

    def close(self) -> None:
        """Finish the Needs and About sheets and write the file."""
        if self._closed:
            return
        try:
            self._wait()
            if self._pool is not None:
                self._pool.shutdown()
            if self._needs is not None:
                self._flush_need()
            self._write_about()
            self._results.finish()
            if self._needs is not None:
                self._needs.finish()
            for extra in self._extra:
                extra.finish()
            self._book.close()
        except BaseException:
            self.abort()
            raise
        self._closed = True
        shutil.rmtree(self._tmpdir, ignore_errors=True)

    def abort(self) -> None:
        """Discard the workbook: remove XlsxWriter's temporary files and write nothing."""
        if self._closed:
            return
        self._closed = True
        if self._pool is not None:
            try:
                self._wait()
            except BaseException:  # the error being handled is the one that matters
                pass
            self._pool.shutdown()
        self._book.fileclosed = True  # XlsxWriter then never assembles the file
        for sheet in self._book.worksheets():
            fh = getattr(sheet, "row_data_fh", None)
            if fh is not None and not fh.closed:
                fh.close()
            name = getattr(sheet, "row_data_filename", None)
            if name:
                try:
                    os.unlink(name)
                except FileNotFoundError:
                    pass
        shutil.rmtree(self._tmpdir, ignore_errors=True)

    def __enter__(self) -> "WorkbookWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    # ------------------------------------------------------------------ helpers

    def _format(self, **properties: Any) -> Any:
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self._book.add_format(properties)
        return self._formats[key]

    def _label(self, name: str) -> str:
        return self._labels.get(name, name)

    def _value(self, column: str, value: Any) -> Any:
        table = self._value_labels.get(column)
        if table is not None and isinstance(value, str):
            return table.get(value, value)
        return value

    def _collect_needs(self, columns: dict[str, list[Any]], n: int) -> None:
        """Group the rows by need (consecutive rows with one ``need_id`` and ``input_row``) for the Needs sheet."""
        ids = columns["need_id"]
        rows = columns.get("input_row") or [None] * n
        start = 0
        for i in range(1, n + 1):
            if i < n and ids[i] == ids[start] and rows[i] == rows[start]:
                continue
            key = (ids[start], rows[start])
            if self._pending is not None and self._pending[0] == key:
                self._pending[2] += i - start  # the need continues from the previous chunk
            else:
                self._flush_need()
                self._pending = [key, {name: values[start] for name, values in columns.items()}, i - start]
            start = i

    def _flush_need(self) -> None:
        if self._pending is None or self._needs is None:
            return
        _, first, count = self._pending
        self._pending = None
        status = first.get("status")
        need_status = NEED_STATUSES.get(status, status)
        self._status_counts[need_status] = self._status_counts.get(need_status, 0) + 1
        row: list[Any] = []
        for name, _ in self._need_fields:
            if name == "status":
                row.append(need_status)
            elif name == "suppliers":
                row.append(count if status == "shortlisted" else 0)
            elif name == "explanation":
                row.append(first.get("error") if status == "invalid" else
                           first.get("reasons") if status == "no_match" else None)
            else:
                row.append(first.get(name))
        self._needs.write_rows([[v] for v in row], 1)

    def _write_about(self) -> None:
        sheet = self._book.add_worksheet(self._names["about"])  # last: after the results and any extra sheets
        key_format = self._format(bold=True, valign="top")
        wrap = self._format(text_wrap=True, valign="top")
        date_format = self._format(num_format="yyyy-mm-dd", align="left", valign="top")
        sheet.set_column(0, 0, 34)
        sheet.set_column(1, 1, 90)
        sheet.write_string(0, 0, self._label("item"), self._header_format)
        sheet.write_string(0, 1, self._label("value"), self._header_format)
        sheet.freeze_panes(1, 0)
        items = list(_flatten(self._about))
        items.append(("workbook.results_rows", self._rows))
        if self._needs is not None:
            items.append(("workbook.needs", self._needs.rows))
            for status, count in self._status_counts.items():
                items.append((f"workbook.needs_{status}", count))
        for sheet_obj, role in ((self._results, "results"), (self._needs, "needs")):
            if sheet_obj is None:
                continue
            if len(sheet_obj.names) > 1:
                items.append((f"workbook.{role}_sheets", "; ".join(sheet_obj.names)))
            if sheet_obj.links_as_text:
                items.append((f"workbook.{role}_links_written_as_text", sheet_obj.links_as_text))
            if sheet_obj.truncated:
                items.append((f"workbook.{role}_cells_cut_to_32767_characters", sheet_obj.truncated))
        for r, (key, value) in enumerate(items, start=1):
            sheet.write_string(r, 0, neutralize_text(self._label(key)), key_format)
            if value is None:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(r, 1, value)
            elif isinstance(value, (int, float)) and math.isfinite(value):
                sheet.write_number(r, 1, value, self._format(align="left", valign="top"))
            elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                try:
                    sheet.write_datetime(r, 1, _dt.date.fromisoformat(value), date_format)
                except ValueError:
                    sheet.write_string(r, 1, neutralize_text(value), wrap)
            else:
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
                sheet.write_string(r, 1, neutralize_text(text), wrap)


# --------------------------------------------------------------------------- sheets


class _Column:
    """How one column is written: the write method's kind, its cell format and its width."""

    def __init__(self, name: str, kind: str, cell_format: Any, width: float | None, wrapped: bool):
        self.name, self.kind, self.format, self.width, self.wrapped = name, kind, cell_format, width, wrapped


def _columns(schema: pa.Schema, owner: WorkbookWriter) -> list[_Column]:
    out = []
    for f in schema:
        t, name = f.type, f.name
        wrapped = name in _WRAPPED
        base = {"valign": "top"}
        if pa.types.is_date(t):
            kind, fmt = "date", owner._format(num_format="yyyy-mm-dd", **base)
        elif pa.types.is_timestamp(t):
            kind, fmt = "date", owner._format(num_format="yyyy-mm-dd hh:mm:ss", **base)
        elif pa.types.is_boolean(t):
            kind, fmt = "bool", owner._format(**base)
        elif pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):
            if _MONEY.search(name):
                number_format = '"$"#,##0' if pa.types.is_integer(t) else '"$"#,##0.00'
            else:
                number_format = _NUMBER_FORMATS.get(name, "0" if pa.types.is_integer(t) else "General")
            kind, fmt = "number", owner._format(num_format=number_format, **base)
        elif _LINK.search(name) and _is_text(t):
            kind, fmt = "link", owner._format(font_color="blue", underline=1, **base)
        else:
            kind = "text"
            props = dict(base)
            if _TEXT_ID.search(name):
                props["num_format"] = "@"
            if wrapped:
                props["text_wrap"] = True
            fmt = owner._format(**props)
        out.append(_Column(name, kind, fmt, None, wrapped))
    return out


class _Sheet:
    """One logical sheet (continued on further worksheets past Excel's row limit), written row by row."""

    def __init__(self, owner: WorkbookWriter, name: str, columns: list[_Column]):
        self.owner, self.base_name, self.columns = owner, name, columns
        self.names: list[str] = []
        self.rows = 0  # data rows written, over all worksheets
        self.links_as_text = 0
        self.truncated = 0
        self._text_format = owner._format(valign="top")
        self._sheet = None
        self._row = 0
        self._urls = 0
        self._sized = False
        self._new_worksheet()

    def _new_worksheet(self) -> None:
        if self._sheet is not None:
            self._finish_worksheet()
        n = len(self.names) + 1
        name = self.base_name if n == 1 else f"{self.base_name[:31 - len(f' ({n})')]} ({n})"
        self._sheet = self.owner._book.add_worksheet(name)
        self.names.append(name)
        self._row, self._urls = 1, 0
        sheet = self._sheet
        sheet.freeze_panes(1, 0)
        sheet.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
        for c, column in enumerate(self.columns):
            sheet.write_string(0, c, self.owner._label(column.name), self.owner._header_format)
            if column.width is not None:
                sheet.set_column(c, c, column.width, column.format)

    def _finish_worksheet(self) -> None:
        if self.columns:
            self._sheet.autofilter(0, 0, max(self._row - 1, 0), len(self.columns) - 1)

    def finish(self) -> None:
        if not self._sized:
            self._size([[] for _ in self.columns])
        self._finish_worksheet()

    def _size(self, values: list[list[Any]]) -> None:
        """Column widths from the header and the first rows (set once, before their rows are written)."""
        self._sized = True
        for c, (column, cells) in enumerate(zip(self.columns, values)):
            header = _display_width(self.owner._label(column.name))
            sample = sorted(_display_width(_as_text(v)) for v in cells[:_SAMPLE_ROWS] if v is not None)
            typical = sample[int(0.9 * (len(sample) - 1))] if sample else 0
            if column.kind == "date":
                typical = max(typical, 10)
            cap = 60 if column.wrapped else 45
            column.width = float(min(cap, max(6, min(header, 30), typical) + 2))
            self._sheet.set_column(c, c, column.width, column.format)

    def write_rows(self, values: list[list[Any]], n: int) -> None:
        """Write ``n`` rows given column by column (``values[c][i]``)."""
        if not self._sized:
            self._size(values)
        owner = self.owner
        plan = self._plan(values)
        for i in range(n):
            if self._row >= _MAX_ROWS:
                self._new_worksheet()
                plan = self._plan(values)
            r = self._row
            written = False
            for c, (column, cells, write) in enumerate(plan):
                value = cells[i]
                if value is None or value == "":
                    continue
                if column.name in owner._labelled_columns:
                    value = owner._value(column.name, value)
                if column.kind == "number":
                    if isinstance(value, float) and not math.isfinite(value):
                        continue
                    write(r, c, value, column.format)
                elif column.kind == "link":
                    self._write_link(r, c, value, column)
                elif write(r, c, value, column.format) == -2:
                    self.truncated += 1
                written = True
            if not written and plan:  # a row of blanks still shows as a row when read back
                self._sheet.write_blank(r, 0, None, plan[0][0].format)
            self._row += 1
            self.rows += 1

    def _plan(self, values: list[list[Any]]) -> list[tuple[_Column, list[Any], Any]]:
        sheet = self._sheet
        methods = {"text": sheet.write_string, "number": sheet.write_number, "date": sheet.write_datetime,
                   "bool": sheet.write_boolean}
        return [(column, cells, methods.get(column.kind)) for column, cells in zip(self.columns, values)]

    def _write_link(self, r: int, c: int, value: str, column: _Column) -> None:
        url = value.strip()
        if self._urls < _MAX_URLS and re.match(r"(?i)https?://[^\s]+$", url):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # an over-long URL: XlsxWriter warns, we count it below
                status = self._sheet.write_url(r, c, url, column.format, string=value)
            if status == 0:
                self._urls += 1
                return
            self.links_as_text += 1
        elif self._urls >= _MAX_URLS and url.lower().startswith(("http://", "https://")):
            self.links_as_text += 1
        if self._sheet.write_string(r, c, value, self._text_format) == -2:
            self.truncated += 1


# --------------------------------------------------------------------------- values


def excel_text(column: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """A text, list or map column as the text a spreadsheet cell shows, safe to open.

    Lists are joined with ``"; "``, maps written ``"key: value; key: value"``
    (:func:`map_as_text`), and text that Excel would run as a formula is
    prefixed with ``'`` (:func:`neutralize_formulas`). The CSV outputs
    (:func:`mwbe_match.outputs.excel_safe`) and the workbooks both write text this way.
    """
    t = column.type
    if pa.types.is_map(t):
        column = map_as_text(column)
    elif pa.types.is_list(t) or pa.types.is_large_list(t):
        column = pc.binary_join(pc.cast(column, pa.list_(pa.string())), "; ")
    return neutralize_formulas(column)


def map_as_text(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """A map column as text, the way CSV and Excel show it: ``"certifications: 63; boroughs: 36"`` (null stays null)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    pairs = pc.binary_join_element_wise(column.keys, pc.cast(column.items, pa.string()), ": ")
    lists = pa.ListArray.from_arrays(column.offsets, pairs, mask=column.is_null())
    return pc.binary_join(lists, "; ")


def _cell_values(column: pa.ChunkedArray) -> list[Any]:
    """A column as Python values ready for cells: lists and maps joined with ``"; "``, text formula-safe."""
    t = column.type
    if pa.types.is_dictionary(t):
        column = pc.cast(column, t.value_type)
        t = column.type
    if _is_text(t) or pa.types.is_map(t) or pa.types.is_list(t) or pa.types.is_large_list(t):
        column = excel_text(column)
    elif pa.types.is_decimal(t):
        column = pc.cast(column, pa.float64())
    elif not (pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t)
              or pa.types.is_temporal(t) or pa.types.is_null(t)):
        column = neutralize_formulas(pc.cast(column, pa.string()))
    return column.to_pylist()


def _is_text(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)


def _as_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, (_dt.date, _dt.datetime)) else str(value)


def _display_width(text: str) -> int:
    """Characters, counting East Asian (Korean) characters as two columns; the longest line when wrapped."""
    longest = 0
    for line in text.splitlines() or [""]:
        wide = sum(1 for ch in line if ord(ch) >= 0x1100 and (0x1100 <= ord(ch) <= 0x11FF or 0x2E80 <= ord(ch)
                                                               <= 0xD7AF or 0xF900 <= ord(ch) <= 0xFFEF))
        longest = max(longest, len(line) + wide)
    return longest


def _need_fields(schema: pa.Schema) -> list[tuple[str, pa.Field]]:
    fields = []
    for name in NEEDS_SHEET_COLUMNS:
        if name == "suppliers":
            fields.append((name, pa.field(name, pa.int64())))
        elif name == "explanation":
            if "reasons" in schema.names or "error" in schema.names:
                fields.append((name, pa.field(name, pa.string())))
        elif name in schema.names:
            f = schema.field(name)
            fields.append((name, pa.field(name, pa.string()) if name == "status" else f))
    return fields


def _flatten(document: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in document.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            yield from _flatten(value, name + ".")
        elif isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
            yield name, "; ".join(map(str, value))
        else:
            yield name, value


def _check_sheet_name(role: str, name: Any) -> None:
    if not isinstance(name, str) or not name.strip() or len(name) > 31 or _SHEET_NAME_BAD.search(name) \
            or name.startswith("'") or name.endswith("'") or name.lower() == "history":
        raise ValueError(f"sheet name for {role!r} must be 1 to 31 characters without [ ] : * ? / \\ and not "
                         f"start or end with an apostrophe, got {name!r}")


def _as_table(data: Any, schema: pa.Schema) -> pa.Table:
    if isinstance(data, pd.DataFrame):
        data = pa.Table.from_pandas(data, preserve_index=False)
    elif isinstance(data, pa.RecordBatch):
        data = pa.Table.from_batches([data])
    elif not isinstance(data, pa.Table):
        raise TypeError(f"expected a pyarrow Table, RecordBatch or DataFrame, not {type(data).__name__}")
    if data.schema.names != schema.names:
        raise ValueError(f"the table's columns {data.schema.names} are not the workbook's {schema.names}")
    if not data.schema.remove_metadata().equals(schema.remove_metadata()):
        data = data.cast(schema)
    return data


def _batches(results: ResultsInput) -> tuple[Iterable[Any], pa.Schema]:
    if isinstance(results, pd.DataFrame):
        results = pa.Table.from_pandas(results, preserve_index=False)
    if isinstance(results, (pa.Table, pa.RecordBatch)):
        table = results if isinstance(results, pa.Table) else pa.Table.from_batches([results])
        return table.to_batches(max_chunksize=10_000), table.schema
    iterator = iter(results)
    try:
        first = next(iterator)
    except StopIteration:
        raise ValueError("no batches to write: pass a table, or give the schema with at least one batch") from None
    first = _as_table(first, first.schema) if not isinstance(first, pd.DataFrame) else \
        pa.Table.from_pandas(first, preserve_index=False)

    def chain() -> Iterator[Any]:
        yield first
        yield from iterator

    return chain(), first.schema


def _about_from_schema(schema: pa.Schema) -> dict[str, Any]:
    from .outputs import METADATA_KEY

    raw = (schema.metadata or {}).get(METADATA_KEY.encode())
    if raw is None:
        return {}
    try:
        return json.loads(raw)
    except ValueError:
        return {}
