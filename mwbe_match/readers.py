"""Outputs stage, input files: read needs and vendor files: CSV, XLSX, JSON / JSON Lines and Parquet, all as text.

:func:`read_table` returns every cell as text (empty cells as ``""``, never
NaN), so the parsing rules live in one place (:meth:`mwbe_match.Need.from_mapping`
for needs) whatever the file format. The frame's index holds the 1-based row
number of each record in the source file (row 1 is the first data row under
the header; in Excel, with the header on sheet row 1, sheet row 2), for error
messages and ``input_row``. Blank rows (every cell empty or spaces) are not
records, but they keep their number: after a blank row 7, the next record is
row 8, as in the file. The blank rows skipped are listed in
``df.attrs["blank_rows"]`` (see :func:`blank_rows_note`), except blank rows
after the last record, which hold nothing and shift nothing.

Formats, by file suffix (a file with another suffix is recognized by its
content):

- ``.csv`` / ``.txt`` (comma) and ``.tsv`` (tab): the encoding is detected
  (UTF-8 with or without a byte-order mark, then CP949, the superset of
  EUC-KR that Korean Excel writes; a UTF-16 file with a byte-order mark is
  read as UTF-16) or taken from ``encoding=``. A file that decodes to U+FFFD
  replacement characters, or that no candidate decodes, is an error naming the
  file and the encodings tried: the reader never returns mojibake silently.
- ``.xlsx`` / ``.xlsm``: the first sheet or ``sheet=``; needs the ``excel``
  extra (``pip install "mwbe_match[excel]"``).
- ``.json``: an array of objects; ``.jsonl`` / ``.ndjson``: one object per line.
- ``.parquet`` / ``.pq``.

Non-text values become text the way a person would type them: whole floats
without ``.0``, dates as ``YYYY-MM-DD``, ``true``/``false``, and lists (JSON
arrays, Parquet list columns) joined with ``;``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import json
import math
import os
import re
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

__all__ = ["read_table", "decode_text", "csv_records", "cell_text", "row_numbers", "blank_rows_note",
           "ENCODINGS_TRIED", "EXCEL_HINT"]

#: Encodings tried, in order, when ``encoding=`` is not given.
ENCODINGS_TRIED: tuple[str, ...] = ("utf-8-sig", "cp949")

#: How to get XLSX support.
EXCEL_HINT = 'reading .xlsx files needs openpyxl: pip install "mwbe_match[excel]"'

_CSV_SUFFIXES = {".csv": ",", ".txt": ",", ".tsv": "\t", ".tab": "\t"}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_JSON_SUFFIXES = {".json"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_PARQUET_SUFFIXES = {".parquet", ".pq"}


def read_table(path: str | os.PathLike, *, encoding: str | None = None, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a CSV, TSV, XLSX, JSON, JSON Lines or Parquet file with every cell as text.

    Args:
        path: the file.
        encoding: text encoding of a CSV/TSV/JSON file; default: detect
            (UTF-8 with or without BOM, then CP949/EUC-KR).
        sheet: XLSX sheet name or 0-based position (also as a string of digits
            when no sheet has that name); default: the first sheet.

    Returns:
        One row per record, one column per header cell, in file order; every
        cell a string (``""`` when empty). The index is the 1-based row number
        of each record in the file (named ``row``; blank rows keep their
        number, so the index has gaps where they were).
        ``df.attrs["blank_rows"]`` lists the row numbers of the blank rows
        skipped (CSV/TSV and XLSX). ``df.attrs["source"]`` is the path,
        ``df.attrs["format"]`` the format read and, for text files,
        ``df.attrs["encoding"]`` the encoding used. ``df.attrs["rejected"]``
        lists ``(row, column, message)`` for records that cannot be used as
        read (a JSON string with a lone UTF-16 surrogate, which no text file
        can hold; the cell is shown with U+FFFD): the batch jobs turn each
        into an ``invalid`` row and run the rest.

    Raises:
        FileNotFoundError: the file does not exist.
        ValueError: the file cannot be read: undecodable text (naming the
            encodings tried), malformed JSON (naming the line), JSON nested
            too deeply, a CSV row with more cells than the header or an
            unterminated quote (naming the line), duplicate column names, an
            unknown sheet, an old ``.xls`` file.
        ImportError: an XLSX file and openpyxl is not installed (the message
            says ``pip install "mwbe_match[excel]"``).
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"file not found: {path}")
    if path.is_dir():
        raise ValueError(f"cannot read {path}: it is a folder, not a file")
    kind, delimiter = _kind(path)
    if kind == "csv":
        text, used = decode_text(path, encoding)
        frame = _csv_frame(path, text, delimiter)
        frame.attrs["encoding"] = used
    elif kind in ("json", "jsonl"):
        text, used = decode_text(path, encoding)
        frame = _json_frame(path, text, lines=kind == "jsonl")
        frame.attrs["encoding"] = used
    elif kind == "xlsx":
        frame = _excel_frame(path, sheet)
    else:
        frame = _parquet_frame(path)
    frame.attrs["source"] = str(path)
    frame.attrs["format"] = kind
    frame.attrs.setdefault("rejected", [])
    frame.attrs.setdefault("blank_rows", [])
    return frame


def row_numbers(frame: pd.DataFrame) -> np.ndarray:
    """The 1-based source row number of each record of ``frame``, in order.

    For a frame :func:`read_table` returned (its index is named ``row``), the
    rows of the file, blank rows counted; for any other frame, ``1..len(frame)``.
    """
    index = frame.index
    if index.name == "row" and pd.api.types.is_integer_dtype(index.dtype) and index.is_unique:
        return index.to_numpy(dtype=np.int64)
    return np.arange(1, len(frame) + 1, dtype=np.int64)


def blank_rows_note(blank_rows: Sequence[int], shown: int = 10) -> str:
    """``"2 blank rows skipped (rows 7, 9)"``; ``""`` when there are none."""
    rows = list(blank_rows)
    if not rows:
        return ""
    listed = ", ".join(str(r) for r in rows[:shown]) + (f" and {len(rows) - shown:,} more" if len(rows) > shown else "")
    return f"{len(rows):,} blank row{'s' if len(rows) != 1 else ''} skipped (row{'s' if len(rows) != 1 else ''} {listed})"


# --------------------------------------------------------------------------- format and encoding


def _kind(path: Path) -> tuple[str, str]:
    suffix = path.suffix.lower()
    if suffix in _CSV_SUFFIXES:
        return "csv", _CSV_SUFFIXES[suffix]
    if suffix in _EXCEL_SUFFIXES:
        return "xlsx", ""
    if suffix in _JSON_SUFFIXES:
        return "json", ""
    if suffix in _JSONL_SUFFIXES:
        return "jsonl", ""
    if suffix in _PARQUET_SUFFIXES:
        return "parquet", ""
    if suffix == ".xls":
        raise ValueError(f"cannot read {path}: old-style .xls workbooks are not supported; "
                         "save it as .xlsx (Excel: File > Save As > Excel Workbook) or as CSV")
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if head == b"PAR1":
        return "parquet", ""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx", ""
    return "csv", ","


def decode_text(path: str | os.PathLike, encoding: str | None = None, *,
                option: str = "encoding= / --encoding") -> tuple[str, str]:
    """A text file's contents and the encoding that decoded them, strictly and without U+FFFD.

    Args:
        path: the file.
        encoding: the file's encoding; default: detect (a UTF-16 byte-order
            mark, else :data:`ENCODINGS_TRIED` in order). A byte-order mark is
            dropped from the text.
        option: how the caller names its encoding option, for the error message.

    Raises:
        ValueError: the file cannot be read, the encoding is unknown, or no
            candidate decodes it cleanly (naming the encodings tried).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r} for {path}") from None
        candidates: Sequence[str] = (encoding,)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ENCODINGS_TRIED
    failures = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            failures.append(f"{enc}: byte {exc.start} ({data[exc.start:exc.start + 1]!r}) {exc.reason}")
            continue
        if "\ufffd" in text:
            line = text.count("\n", 0, text.index("\ufffd")) + 1
            failures.append(f"{enc}: decodes to U+FFFD replacement characters (first on line {line}), "
                            "so the text was already damaged")
            continue
        if text.startswith("\ufeff"):  # a BOM left by utf-16 or an explicit utf-8
            text = text[1:]
        return text, enc
    raise ValueError(
        f"cannot read {path} as text without mojibake; encodings tried: {', '.join(candidates)} "
        f"({'; '.join(failures)}). Save the file as UTF-8 (Excel: CSV UTF-8) or pass the right encoding "
        f"({option})"
    )


# --------------------------------------------------------------------------- readers


def _csv_frame(path: Path, text: str, delimiter: str) -> pd.DataFrame:
    header, rows, numbers, blank = _csv_rows(path, text, delimiter, pad_short=True)
    frame = _frame(path, header, rows, numbers=numbers)
    frame.attrs["blank_rows"] = blank
    return frame


def csv_records(path: str | os.PathLike, text: str, delimiter: str = ",", *,
                pad_short: bool = True) -> tuple[list[str], list[list[str]]]:
    """The header and the records of CSV ``text`` (from ``path``), every record as wide as the header.

    Blank lines are skipped. Quoting is strict, so an unterminated quote
    cannot swallow the records after it.

    Args:
        path: the file, for messages.
        text: its decoded text.
        delimiter: the cell delimiter.
        pad_short: a record with fewer cells than the header is padded with
            ``""`` (needs and vendor files, where a spreadsheet drops trailing
            empty cells). ``False``: such a record is an error naming its row
            and line, because a record cut short cannot be told apart from
            one whose last cells are empty (for files that must be complete,
            like the directory).

    Raises:
        ValueError: naming the file, row and line: a record with a value
            beyond the header's last column, a record with fewer cells than
            the header (``pad_short=False``), a quote that never closes, or a
            quoted cell followed by other text (the sign of a missing closing
            quote that would merge records).
    """
    header, rows, _, _ = _csv_rows(path, text, delimiter, pad_short=pad_short)
    return header, rows


def _csv_rows(path: str | os.PathLike, text: str, delimiter: str, *,
              pad_short: bool) -> tuple[list[str], list[list[str]], list[int], list[int]]:
    """Header, records, each record's row number (blank rows counted) and the blank rows' numbers."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            start = reader.line_num + 1
            header = next(reader, None)  # blank lines above the header
        if header is None:
            raise ValueError(f"{path} is empty: expected a header row and one row per record")
        width = len(header)
        rows: list[list[str]] = []
        numbers: list[int] = []
        blank: list[int] = []
        row = 0
        while True:
            start = reader.line_num + 1
            record = next(reader, None)
            if record is None:
                break
            row += 1
            if not any(cell.strip() for cell in record):
                blank.append(row)
                continue
            if len(record) > width:
                extra = [cell for cell in record[width:] if cell.strip()]
                if extra:
                    raise ValueError(
                        f"{path}: row {row} (line {start}) has {len(record)} cells but the "
                        f"header has {width}; extra value {extra[0]!r} has no column"
                    )
                record = record[:width]
            elif len(record) < width:
                if not pad_short:
                    raise ValueError(
                        f"{path}: row {row} (line {start}) has {len(record)} cells but the header has "
                        f"{width}: the record is cut short or a cell is missing (last value "
                        f"{record[-1][:40]!r}); fix or remove the record so no value lands in the wrong column"
                    )
                record = record + [""] * (width - len(record))
            rows.append(record)
            numbers.append(row)
    except csv.Error as exc:
        raise ValueError(_csv_error(path, exc, start, reader.line_num)) from exc
    last = numbers[-1] if numbers else 0
    return header, rows, numbers, [b for b in blank if b < last]


def _csv_error(path: str | os.PathLike, exc: csv.Error, start: int, line: int) -> str:
    reason = str(exc)
    if "unexpected end of data" in reason:
        return (f"cannot parse {path} as CSV: line {start} opens a quoted cell that never closes, so lines "
                f"{start}-{line} (the rest of the file) would become one record; add the missing closing quote (\")")
    if "expected after" in reason:
        where = f"line {start}" if line == start else f"the record starting on line {start} (at line {line})"
        return (f"cannot parse {path} as CSV: {where} has a quoted cell followed by more text; most likely a "
                "quote is missing, which would merge records into one. Close the quote, or double a quote "
                "meant as text (\"\")")
    return f"cannot parse {path} as CSV (line {start}): {reason}"


def _json_frame(path: Path, text: str, *, lines: bool) -> pd.DataFrame:
    try:
        return _json_frame_of(path, text, lines=lines)
    except RecursionError:
        raise ValueError(f"cannot read {path}: its JSON is nested too deeply to be a table (expected "
                         f"{'one object per line' if lines else 'an array of objects'}, one key per column)") from None


def _json_frame_of(path: Path, text: str, *, lines: bool) -> pd.DataFrame:
    records: list[tuple[int, Any]] = []
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if text.lstrip().startswith("{"):  # JSON Lines saved as .json
                return _json_frame_of(path, text, lines=True)
            raise ValueError(f"cannot parse {path} as JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from exc
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a JSON array of objects (one per record), got a {type(data).__name__}")
        records = [(i, item) for i, item in enumerate(data, start=1)]
        where = "item"
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise ValueError(f"cannot parse {path} as JSON Lines: line {number}, "
                                 f"column {exc.colno}: {exc.msg}") from exc
        where = "line"
    columns: dict[str, None] = {}
    for number, item in records:
        if not isinstance(item, dict):
            raise ValueError(f"{path}: {where} {number} is a {type(item).__name__}, expected an object "
                             "with one key per column")
        columns.update(dict.fromkeys(map(str, item)))
    header = list(columns)
    for key in header:
        if _LONE_SURROGATE.search(key):
            raise ValueError(f"{path}: column name {_surrogate_safe(key)!r} holds an invalid \\u escape "
                             "(a lone UTF-16 surrogate, not a character); fix the column name")
    rows = [[cell_text(item.get(key)) for key in header] for _, item in records]
    rejected: list[tuple[int, str, str]] = []
    if _SURROGATE_ESCAPE.search(text):  # only \\uD800-\\uDFFF escapes make lone surrogates
        for row_number, row in enumerate(rows, start=1):
            for i, cell in enumerate(row):
                if _LONE_SURROGATE.search(cell):
                    row[i] = _surrogate_safe(cell)
                    rejected.append((row_number, header[i],
                                     f"the value in column {header[i]!r} of {path} holds an invalid \\u escape "
                                     "(a lone UTF-16 surrogate, not a character); the row is rejected"))
    frame = _frame(path, header, rows)
    frame.attrs["rejected"] = _first_per_row(rejected)
    return frame


#: A lone UTF-16 surrogate: what JSON's ``\\uD800`` without its pair decodes to; it cannot be written as UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _surrogate_safe(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so that it can be shown and written."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _first_per_row(rejected: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    seen: set[int] = set()
    out = []
    for entry in rejected:
        if entry[0] not in seen:
            seen.add(entry[0])
            out.append(entry)
    return out


def _excel_frame(path: Path, sheet: str | int | None) -> pd.DataFrame:
    try:
        import openpyxl
    except ImportError as exc:
        raise ImportError(f"cannot read {path}: {EXCEL_HINT}") from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/InvalidFileException on bad files
        raise ValueError(f"cannot read {path} as an XLSX workbook: {exc}") from exc
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(book.worksheets):
                raise ValueError(f"{path} has {len(book.worksheets)} sheet(s); sheet position {sheet} does not exist "
                                 f"(sheets: {', '.join(book.sheetnames)})")
            ws = book.worksheets[sheet]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        elif isinstance(sheet, str) and sheet.isdigit() and int(sheet) < len(book.worksheets):
            ws = book.worksheets[int(sheet)]  # --sheet 1 from the command line
        else:
            raise ValueError(f"{path} has no sheet {sheet!r}; sheets: {', '.join(book.sheetnames)}")
        cells = ws.iter_rows(values_only=True)
        header_values = next(cells, None)
        header_row = 1
        while header_values is not None and all(_blank(v) for v in header_values):
            header_values = next(cells, None)
            header_row += 1
        if header_values is None:
            raise ValueError(f"sheet {ws.title!r} of {path} is empty: expected a header row and one row per record")
        header = [cell_text(v) for v in header_values]
        while header and not header[-1].strip():  # Excel pads rows with empty trailing cells
            header.pop()
        width = len(header)
        rows = []
        numbers: list[int] = []
        blank: list[int] = []
        for number, values in enumerate(cells, start=1):
            row = [cell_text(v) for v in values]
            if not any(cell.strip() for cell in row):
                blank.append(number)
                continue
            extra = [cell for cell in row[width:] if cell.strip()]
            if extra:
                raise ValueError(f"{path}: row {number} (sheet row {header_row + number}) of sheet {ws.title!r} "
                                 f"has value {extra[0]!r} in a column without a header")
            rows.append((row + [""] * width)[:width])
            numbers.append(number)
    finally:
        book.close()
    frame = _frame(path, header, rows, numbers=numbers)
    last = numbers[-1] if numbers else 0
    frame.attrs["blank_rows"] = [b for b in blank if b < last]
    return frame


def _parquet_frame(path: Path) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise ValueError(f"cannot read {path} as Parquet: {exc}") from exc
    header = [str(name) for name in table.column_names]
    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            columns.append(["" if v is None else v for v in column.to_pylist()])
        else:
            columns.append([cell_text(v) for v in column.to_pylist()])
    return _frame(path, header, [list(r) for r in zip(*columns)] if columns else [], n=table.num_rows)


def _frame(path: Path, header: list[str], rows: list[list[str]], *, n: int | None = None,
           numbers: Sequence[int] | None = None) -> pd.DataFrame:
    names = [h.strip() or f"column {i + 1}" for i, h in enumerate(header)]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        key = name.lower()
        if key in seen:
            raise ValueError(f"{path}: column name {name!r} appears twice (columns {seen[key] + 1} and {i + 1}); "
                             "rename one so no value is silently dropped")
        seen[key] = i
    count = len(rows) if n is None else n
    if numbers is not None and list(numbers) != list(range(1, count + 1)):
        index = pd.Index(np.asarray(numbers, dtype=np.int64), name="row")
    else:
        index = pd.RangeIndex(1, count + 1, name="row")
    if not rows:
        return pd.DataFrame({name: pd.Series([], dtype=str) for name in names}, index=index)
    data = {name: [r[i] for r in rows] for i, name in enumerate(names)}
    return pd.DataFrame(data, index=index, dtype=str)


# --------------------------------------------------------------------------- cells


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A non-text cell as the text a person would type: ``""`` for missing, ``5000000`` for 5000000.0.

    Dates become ``YYYY-MM-DD`` (datetimes at midnight too), booleans
    ``true``/``false``, lists ``;``-joined, mappings JSON.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return ";".join(cell_text(v) for v in value if not _blank(v))
    if type(value).__name__ in ("NAType", "NaTType"):
        return ""
    if hasattr(value, "item"):  # numpy / pyarrow scalars
        return cell_text(value.item())
    return str(value)
