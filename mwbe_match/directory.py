"""Directory stage: load a published certified-business list into one clean, normalized DataFrame.

:func:`load_directory` accepts the CSV export of NYC Open Data dataset
``ci93-uc8s`` (export or SODA API header style), or of any other source
described by a :class:`~mwbe_match.sources.SourceSpec` (``spec=``), a Parquet file written by
this library, a raw or normalized DataFrame, or nothing (the newest cached
live snapshot, else the bundled synthetic sample). It returns a frame with the
columns of :data:`mwbe_match.schema.DIRECTORY_SCHEMA`, pyarrow-backed, one row
per source record, never dropping one.

Cells that cannot be parsed become null in the typed column and are recorded
in the validation report (:func:`validation_report`): row, account number,
column, raw value and problem. Duplicate account numbers are reported too;
both rows are kept, and :func:`unique_firms` applies the documented rule for
consumers that need unique keys.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import json
import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Mapping, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

try:
    from pandas.api.internals import create_dataframe_from_blocks as _frame_from_blocks
except ImportError:  # pragma: no cover - pandas before 2.3
    _frame_from_blocks = None

from . import snapshots
from ._version import __version__
from .readers import csv_records, decode_text
from .schema import DIRECTORY_COLUMNS, DIRECTORY_SCHEMA
from .vocabulary import BOROUGH_ALIASES, BOROUGHS, CERTIFICATION_TYPES, NO_WORDS, YES_WORDS
from .sources import NYC_SBS, SourceSpec, get_source
from .sources.spec import PARSE_KINDS, SourceColumn

__all__ = [
    "load_directory",
    "normalize_directory",
    "validation_report",
    "directory_metadata",
    "unique_firms",
    "directory_summary",
    "bundled_sample_path",
    "normalize_phones",
    "normalize_zips",
    "DirectoryWarning",
    "SampleDataWarning",
    "REPORT_COLUMNS",
    "METADATA_KEY",
    "DATE_YEARS",
]

DirectorySource = Union[str, os.PathLike, pd.DataFrame, None]

#: Key under which load metadata lives in ``DataFrame.attrs`` and in Parquet metadata
#: (the key snapshots are written under).
METADATA_KEY = snapshots.SNAPSHOT_METADATA_KEY

#: Columns of the validation report frame.
REPORT_COLUMNS: tuple[str, ...] = ("row", "account_number", "column", "raw_value", "problem")

_BUNDLED_NAME = "certified_business_sample.csv"
_SAMPLE_SNAPSHOT_DATE = "2026-11-01"
_LIVE_HINT = (
    "run `mwbe-match fetch` (or mwbe_match.fetch_directory()) to download the City's "
    "current list from NYC Open Data, or pass the path of the dataset's CSV export"
)


class DirectoryWarning(UserWarning):
    """Something about a directory source deserves attention but did not stop the load."""


class SampleDataWarning(DirectoryWarning):
    """The bundled synthetic sample is in use instead of the City's list."""


class _SharedList(list):
    """A JSON-serializable list that ``copy.deepcopy`` returns as is.

    pandas deep-copies ``DataFrame.attrs`` on nearly every operation; the
    validation report is read-only, so copying it would only cost time.
    """

    def __deepcopy__(self, memo: dict) -> "_SharedList":
        return self


# --------------------------------------------------------------------------- loading


def bundled_sample_path() -> Path:
    """Path of the bundled synthetic sample directory (CSV, export header style).

    In an installed wheel it lives inside the package; in a source checkout it
    is ``datasets/certified_business_sample.csv``.
    """
    packaged = resources.files("mwbe_match") / "_bundled" / _BUNDLED_NAME
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "datasets" / _BUNDLED_NAME
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(
        f"the bundled sample {_BUNDLED_NAME} is missing from this installation "
        f"(looked in {packaged} and {checkout}); reinstall mwbe_match"
    )


def load_directory(
    source: DirectorySource = None, *, encoding: str | None = None, spec: SourceSpec | str | None = None
) -> pd.DataFrame:
    """Load NYC's certified-business list as a normalized DataFrame.

    Args:
        source: one of
            - ``None``: the newest cached live snapshot (see
              :func:`mwbe_match.fetch_directory`; of ``spec``'s dataset when
              ``spec`` is given) if one exists, else the bundled synthetic
              sample of NYC's list, with a :class:`SampleDataWarning`;
            - a path to the CSV export of NYC Open Data dataset ``ci93-uc8s``,
              with the export's headers (``Vendor_Formal_Name``, ...) or the
              SODA API's field names (``vendor_formal_name``, ...); headers are
              matched ignoring case, spaces and punctuation;
            - a path to a Parquet file written by this library (a snapshot or
              ``df.to_parquet`` of a loaded directory);
            - a DataFrame, raw (either header style) or already normalized.
        encoding: text encoding of a CSV file (default: detect, as the
            needs reader does: UTF-8 with or without a byte-order mark, then
            CP949, the Korean Excel encoding; a UTF-16 file with a byte-order
            mark). ``--directory-encoding`` on the command line.
        spec: the published directory a raw file or frame is (a
            :class:`~mwbe_match.sources.SourceSpec` or its registered name;
            default NYC SBS, dataset ``ci93-uc8s``). A normalized frame or
            Parquet file needs none.

    Returns:
        A DataFrame with the columns of :data:`~mwbe_match.schema.DIRECTORY_SCHEMA`
        in order, one row per source record. ``df.attrs["mwbe_match"]`` holds
        the source, snapshot date and the validation report; read the report
        with :func:`validation_report`.

    Raises:
        FileNotFoundError: the path does not exist; no source was given, ``spec``
            is not NYC's list and no snapshot of its dataset is cached.
        ValueError: the source is empty, unreadable, or not this dataset (the
            message names the missing columns and the columns found); a CSV
            record holds more cells than the header, a quote never closes, or
            an unquoted cell holds a quote (naming the line); two header cells have the same name; the text
            does not decode cleanly (naming the encodings tried).
    """
    chosen = spec
    spec = get_source(spec)
    if source is None:
        # No spec: the newest snapshot of any dataset, as always; a spec: the newest of its own dataset.
        newest = snapshots.newest_snapshot(None, spec.dataset_id if chosen is not None else None)
        if newest is not None:
            return load_directory(newest)
        if spec is not NYC_SBS:
            raise FileNotFoundError(
                f"no snapshot of {spec.title} (dataset {spec.dataset_id}) is cached in "
                f"{snapshots.resolve_cache_dir()}; fetch it first (mwbe_match.fetch_directory(spec="
                f"{spec.name!r})) or pass the path of its CSV export (the bundled sample is NYC's list)"
            )
        path = bundled_sample_path()
        warnings.warn(
            f"no live snapshot is cached, so this is the bundled SYNTHETIC sample "
            f"({path.name}: invented firms for trying the library, not the City's list); "
            f"{_LIVE_HINT}",
            SampleDataWarning,
            stacklevel=2,
        )
        df = _load_csv(path, encoding=None, spec=spec)
        _meta(df).update(source="bundled synthetic sample", source_kind="sample",
                         snapshot_date=_SAMPLE_SNAPSHOT_DATE)
        return df
    if isinstance(source, pd.DataFrame):
        return _from_frame(source, source_label="DataFrame", spec=spec)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"load_directory() takes a path, a DataFrame or None, not {type(source).__name__}"
        )
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"directory source not found: {path}")
    if path.is_dir():
        raise ValueError(f"cannot read directory source {path}: it is a folder, not a CSV or Parquet file")
    if _is_parquet(path):
        return _load_parquet(path, spec=spec)
    return _load_csv(path, encoding=encoding, spec=spec)


def _is_parquet(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PAR1"
    except OSError as exc:
        raise ValueError(f"cannot read directory source {path}: {exc.strerror or exc}") from exc


def _load_csv(path: Path, *, encoding: str | None, spec: SourceSpec) -> pd.DataFrame:
    if path.stat().st_size == 0:
        raise ValueError(f"directory source {path} is empty: expected the CSV export of dataset {spec.dataset_id}")
    read = _read_utf8_csv(path, encoding)
    if read is not None:
        table, may_hold_cr = read
        mtime = _dt.datetime.fromtimestamp(path.stat().st_mtime, tz=_dt.timezone.utc)
        return _normalize(table.column_names, table.num_rows,
                          lambda name: _clean_text(_utf8(_combined(table.column(name))), may_hold_cr=may_hold_cr),
                          spec=spec, source=str(path), source_kind="csv", snapshot_date=mtime.date().isoformat(),
                          distinct=lambda names: _encoded_together([table.column(name) for name in names], clean=True,
                                                                   may_hold_cr=may_hold_cr),
                          texts=lambda names: _cleaned_together([table.column(name) for name in names],
                                                                may_hold_cr=may_hold_cr))
    return _load_decoded_csv(path, encoding=encoding, spec=spec)


_UTF8_NAMES = frozenset({"utf-8", "utf-8-sig"})


def _read_utf8_csv(path: Path, encoding: str | None) -> tuple[pa.Table, bool] | None:
    """The file read by pyarrow straight from its bytes, every cell the bytes of UTF-8 text (see
    :func:`_parse_utf8`), and whether it holds a carriage return; None when the file needs the careful path
    (:func:`_load_decoded_csv`, which decodes the text first).

    That is when another encoding is asked for, a UTF-16 byte-order mark or U+FFFD is there (a file
    :func:`~mwbe_match.readers.decode_text` refuses as UTF-8, or reads as CP949), pyarrow cannot read it
    (invalid UTF-8, checked in the bytes of each part read; a record wider or narrower than the header), or the
    cheap count of quotes says a cell may hold a stray quote. The careful path then names the line of what
    is wrong, or reads the file when nothing is. The bytes are read once (into Arrow's memory pool), never
    decoded or copied again; U+FFFD in them means the file was damaged before it was saved.
    """
    if encoding is not None:
        try:
            if codecs.lookup(encoding).name not in _UTF8_NAMES:
                return None
        except LookupError:
            return None  # decode_text names the unknown encoding
    try:
        with pa.OSFile(str(path)) as fh:
            data = fh.read_buffer()  # into Arrow's memory pool: no fresh pages to fault in on every load
    except (OSError, pa.ArrowException):
        return None  # decode_text says why the file cannot be read
    body = np.frombuffer(data, dtype=np.uint8)
    if bytes(body[:2]) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    if body.size < _HALVES_BYTES:
        quotes, holds_cr, holds_replacement = _scan_bytes(body)
        if holds_replacement or _odd_quotes(quotes):  # the careful path says why, without a parse here first
            return None
        header = _utf8_header(path, body)
        table = _parse_utf8(data, header) if header is not None else None
        return None if table is None else (table, holds_cr)
    # pyarrow parses this file on one core (it holds records spanning lines): its two halves are parsed at
    # once, split at the end of a record (see _parse_halves), while the bytes are scanned as above
    middle = body.size // 2
    quotes, holds_cr, holds_replacement = _scan_bytes(body, 0, middle)
    if holds_replacement:
        return None
    header = _utf8_header(path, body)
    if header is None:
        return None
    table, rest = _parse_halves(data, body, header, _record_end_after(body, middle, quotes),
                                scan_rest=lambda: _scan_bytes(body, middle))
    quotes += rest[0]
    if rest[2] or _odd_quotes(quotes):
        return None
    if table is None:  # the halves did not make the whole read: it is done at once
        table = _parse_utf8(data, header)
    return None if table is None else (table, holds_cr or rest[1])


#: Files from this size are parsed in two halves at once (:func:`_parse_halves`).
_HALVES_BYTES = 1 << 21

#: The block size of a read on one thread (each half of a large file): what pyarrow parses at a time stays in
#: the CPU's cache. A half's read took 14% less CPU time than in one 16 MiB block at 11,000 firms, 27% less at
#: 100,000 (medians of interleaved runs, 1 to 4 MiB alike). pyarrow carries a record over a block's end; one
#: spanning more than a block or two may be refused, and the file is then read whole (see _parse_halves).
_ONE_THREAD_BLOCK_BYTES = 1 << 21


def _utf8_header(path: Path, body: np.ndarray) -> list[str] | None:
    """The header of the UTF-8 file ``body``, None when it is not UTF-8 or broken (the careful path says why)."""
    head = _header_text(body)
    if head is None:
        return None
    try:
        return _csv_header(path, head)
    except ValueError:  # the careful path raises it, after what it checks first
        return None


def _parse_utf8(data: pa.Buffer, header: list[str], *, names: bool = False, threads: bool = True) -> pa.Table | None:
    """pyarrow's read of the CSV bytes ``data`` with ``header``'s columns, every cell the bytes of UTF-8 text
    (``binary``: view a column as ``string``, see :func:`_utf8`); None when it cannot read them or they are
    not UTF-8. With ``names``, ``data`` starts after the header (at a record): its first line is a record.
    ``threads=False``: on the calling thread only (pyarrow's threads cost a third more CPU time on these files),
    in blocks of :data:`_ONE_THREAD_BLOCK_BYTES`.

    The cells are read as bytes and ``data`` is checked to be UTF-8 in one call, which says the same as
    pyarrow's check of every cell of a ``string`` column: a cell starts and ends at a comma, quote or line
    end, ASCII bytes that are never part of a longer UTF-8 character, so the bytes are UTF-8 exactly when
    every cell is (pyarrow skips only empty lines). The read took 10% less CPU time (the check of every
    cell was 18% of a read's samples), the one check 0.5-1 ms at 11,000 firms."""
    read, parse = _read_options()
    read.use_threads = threads
    if not threads:
        read.block_size = _ONE_THREAD_BLOCK_BYTES
    if names:
        read.column_names = header
    try:
        table = pacsv.read_csv(data, read_options=read, parse_options=parse,
                               convert_options=_convert_options(header, pa.binary()))
        _whole(data).validate(full=True)  # UTF-8 (see above)
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    if len(table.column_names) != len(header):  # pragma: no cover - both read the same first record
        return None
    return table


def _whole(data: pa.Buffer) -> pa.Array:
    """The bytes ``data`` as one ``large_string`` value (not checked: ``validate(full=True)`` checks them)."""
    return pa.Array.from_buffers(pa.large_string(), 1, [None, pa.py_buffer(np.array([0, data.size], np.int64)), data])


def _utf8(arr: pa.Array) -> pa.Array:
    """A ``binary`` array of :func:`_parse_utf8`'s read (bytes checked to be UTF-8) as ``string``, sharing its
    buffers; another array as it is."""
    return arr.view(pa.string()) if pa.types.is_binary(arr.type) else arr


def _record_end_after(body: np.ndarray, start: int, quotes_before: int) -> int | None:
    """The first line end from ``start`` (within 1 MiB) that is outside quotes if every quote is where it
    should be (an even count of quotes before it: ``quotes_before``, the count in the bytes before ``start``
    or whether it is odd, as :func:`_scan_bytes` says), and not followed by a byte-order mark; None when
    there is none."""
    for size in (1 << 16, 1 << 20):  # a record ends within a few kilobytes: the whole window only when not
        window = body[start:start + size]
        line_ends = np.flatnonzero(window == 10)
        quotes_at = np.flatnonzero(window == 34)
        even = line_ends[(quotes_before + np.searchsorted(quotes_at, line_ends)) % 2 == 0]
        # the small window's line ends are the first of the whole one's: a candidate among its first 8 is the
        # whole window's answer, and fewer than 8 that all fail say nothing about the rest of the window
        for end in (start + even[:8]).tolist():
            if bytes(body[end + 1:end + 4]) != codecs.BOM_UTF8:  # pyarrow skips a mark at the start it reads
                return end
        if even.size >= 8 or window.size < size:  # the whole window's first 8 were looked at, or it is all
            return None
    return None


def _parse_halves(data: pa.Buffer, body: np.ndarray, header: list[str], split: int | None,
                  scan_rest: Callable[[], tuple[int, bool, bool]]) -> tuple[pa.Table | None, tuple[int, bool, bool]]:
    """pyarrow's read of ``data`` (as :func:`_parse_utf8`) done as the reads of the bytes up to and including
    the line end at ``split`` and of those after it, one on each of two threads (without pyarrow's own), and
    ``scan_rest()`` (run meanwhile).

    The two reads are the whole read exactly when the whole read's record ends at ``split``. pyarrow reads
    the bytes in order, so its state at ``split`` is the same in the first part and in the whole: when that
    line end is in a quoted cell, the first part's read takes it into the cell and ends (pyarrow closes a
    quote left open at the end), so either its last record is short of cells, which pyarrow refuses, or its
    last cell ends in a line end. A first part whose read succeeds with a last cell that does not end in a
    line end therefore ends where a record of the whole read ends, and the second part, read from there with
    the header's names, gives the whole read's remaining records. Otherwise (a last cell that ends in a line
    end, a read that fails, other column names, no ``split``) the table is None: the caller reads the whole at
    once (unless the scan refuses the file), which then says what is wrong.
    """
    if split is None or split + 1 >= body.size:
        return None, scan_rest()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mwbe_match-read") as pool:
        second = pool.submit(_parse_utf8, data.slice(split + 1), header, names=True, threads=False)
        first = _parse_utf8(data.slice(0, split + 1), header, threads=False)
        rest = scan_rest()
        after = second.result()
    if first is not None and after is not None and first.num_rows and first.column_names == header:
        last = first.column(len(header) - 1)[first.num_rows - 1].as_py()
        if not last.endswith(b"\n"):
            return pa.concat_tables([first, after]), rest
    return None, rest


def _scan_bytes(body: np.ndarray, start: int = 0, stop: int | None = None) -> tuple[int, bool, bool]:
    """Whether the bytes of a file hold an odd number of ``"`` (1, else 0: what is read of the count of
    quotes is whether it is odd, see :func:`_odd_quotes`), whether they hold a carriage return, and whether
    they hold U+FFFD (its UTF-8 bytes ``EF BF BD``; 0xEF is rare in text), looked at a slice at a time in a
    buffer that stays in the CPU cache (one pass over the file; it stops at U+FFFD).

    ``start`` and ``stop`` limit it to the bytes from ``start`` to ``stop`` (a U+FFFD starting there and
    running on after ``stop`` is found), so the scans of consecutive parts add up (their sum is odd when the
    whole's count is) to the scan of the whole.
    """
    stop = body.size if stop is None else stop
    step = 1 << 18
    found = np.empty(max(min(step, stop - start), 0), dtype=bool)
    quotes, holds_cr = 0, False
    for at in range(start, stop, step):
        part = body[at:min(at + step, stop)]
        out = found[:part.size]
        quotes ^= _odd_count(np.equal(part, 34, out=out))
        holds_cr = holds_cr or bool(np.equal(part, 13, out=out).any())
        if part.max() >= 0xEF and np.equal(part, 0xEF, out=out).any():  # the maximum: one cheap pass
            lead = np.flatnonzero(out) + at
            lead = lead[lead + 2 < body.size]
            if np.any((body[lead + 1] == 0xBF) & (body[lead + 2] == 0xBD)):
                return quotes, holds_cr, True
    return quotes, holds_cr, False


def _odd_count(mask: np.ndarray) -> int:
    """1 when the boolean array ``mask`` holds an odd number of True, else 0: its bytes (0 or 1) xor-ed eight
    at a time as 64-bit words, then the eight bytes of the result (a quarter of the CPU time of counting)."""
    whole = mask.size - mask.size % 8
    word = int(np.bitwise_xor.reduce(mask[:whole].view(np.uint64))) if whole else 0
    word ^= word >> 32
    word ^= word >> 16
    word ^= word >> 8
    return (word & 1) ^ (int(np.count_nonzero(mask[whole:])) & 1)


def _header_text(data: bytes | np.ndarray) -> str | None:
    """The decoded start of ``data`` holding at least its first record and the line after it (None: not UTF-8)."""
    size = 1 << 16
    while True:
        chunk = bytes(data[:size])
        try:
            text = chunk.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if size >= len(data) or exc.start < len(chunk) - 3:
                return None
            text = chunk[:exc.start].decode("utf-8-sig")  # a character cut at the end of the chunk
        if size >= len(data):
            return text
        lines = io.StringIO(text, newline="").readlines()
        reader = csv.reader(iter(lines))
        try:
            header = next(reader, None)
            while header is not None and not any(cell.strip() for cell in header):
                header = next(reader, None)
        except csv.Error:
            header = None
        if header is not None and reader.line_num < len(lines):  # the record ended inside the chunk
            return text
        size *= 4


def _read_options() -> tuple[pacsv.ReadOptions, pacsv.ParseOptions]:
    read = pacsv.ReadOptions(use_threads=True, block_size=1 << 24)
    parse = pacsv.ParseOptions(newlines_in_values=True)  # descriptions span lines
    return read, parse


def _convert_options(header: list[str], kind: pa.DataType = pa.string()) -> pacsv.ConvertOptions:
    return pacsv.ConvertOptions(column_types=dict.fromkeys(header, kind),
                                strings_can_be_null=False, quoted_strings_can_be_null=False)


def _combined(column: pa.ChunkedArray) -> pa.Array:
    return column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)


def _load_decoded_csv(path: Path, *, encoding: str | None, spec: SourceSpec) -> pd.DataFrame:
    """Decode the file's text first (any encoding), then read it; a malformed file's error names the line."""
    text, _ = decode_text(path, encoding, option="encoding= / --directory-encoding")
    header = _csv_header(path, text)
    read, parse = _read_options()
    convert = _convert_options(header)
    blank_records_skipped = False  # pyarrow skips only empty lines: a row of empty cells is a record
    try:
        table = pacsv.read_csv(io.BytesIO(text.encode("utf-8")), read_options=read, parse_options=parse,
                               convert_options=convert)
        raw = table.to_pandas(types_mapper=pd.ArrowDtype)
    except pa.ArrowInvalid as exc:
        # A record wider or narrower than the header (the sign of a stray quote merging records too):
        # the strict reader names the line, or reads the file when nothing is wrong but missing or
        # empty trailing cells.
        names, rows = csv_records(f"directory source {path}", text, pad_short=False)
        if len(names) != len(header):  # pragma: no cover - both read the same first record
            raise ValueError(f"cannot parse directory source {path} as CSV: {exc}") from exc
        raw = pd.DataFrame(rows, columns=names, dtype=str) if rows else pd.DataFrame(columns=names, dtype=str)
        blank_records_skipped = True  # csv_records skips records whose cells are all blank
    _refuse_stray_quotes(path, text, raw, blank_records_skipped=blank_records_skipped)
    mtime = _dt.datetime.fromtimestamp(path.stat().st_mtime, tz=_dt.timezone.utc)
    return normalize_directory(
        raw, spec=spec, source=str(path), source_kind="csv", snapshot_date=mtime.date().isoformat()
    )


def _refuse_stray_quotes(path: Path, text: str, raw: pd.DataFrame, *, blank_records_skipped: bool) -> None:
    """Raise naming the line and column when a cell holds a quote but was not quoted in the file.

    ``blank_records_skipped`` says how the reader that made ``raw`` treated a record of empty cells
    (``,,``): skipped (the strict reader) or kept as a row (pyarrow); the records are located the same way.

    A quote may appear in a cell only inside a quoted cell, doubled (``"3"" pipe"``). Both CSV
    readers take a quote inside an unquoted cell (``6131",...``: the cell's opening quote was lost)
    literally, so the value silently carries it. Counted cheaply first: a well-formed file holds
    exactly two quotes per quoted cell plus two per quote in the values, so ``text``'s quote count
    minus twice the values' is even. Only an odd count (or, when the file is broken, always) is
    located record by record.
    """
    if '"' not in text:
        return
    if not _odd_quotes(text.count('"')):
        return
    cells = [(r, j) for j, c in enumerate(raw.columns)
             for r in np.flatnonzero(pc.match_substring(pa.array(raw[c], pa.string(), from_pandas=True), '"')
                                     .fill_null(False).to_numpy(zero_copy_only=False)).tolist()]
    if not cells:
        return
    # the lines of each record, skipping what the reader that made ``raw`` skipped (empty lines always)
    reader = csv.reader(io.StringIO(text, newline=""))
    lines = text.splitlines(keepends=True)
    spans, last = [], 0
    for record in reader:
        if any(cell.strip() for cell in record) if blank_records_skipped else record:
            spans.append((last, reader.line_num))
        last = reader.line_num
    spans = spans[1:]  # the header
    for r, j in sorted(cells):
        if r >= len(spans):
            continue
        first, end = spans[r]
        value = str(raw.iat[r, j])
        record_text = "".join(lines[first:end])
        if '"' + value.replace('"', '""') + '"' not in record_text:
            line = first + 1 + next((k for k in range(end - first) if value.split("\n")[0] in lines[first + k]), 0)
            raise ValueError(
                f"directory source {path}, line {line}, column {raw.columns[j]!r}: the cell {value[:60]!r} holds "
                f"a quote but is not quoted: the cell's quoting is probably broken (a missing opening quote?); "
                f"fix the file so no value is read wrong"
            )


def _odd_quotes(quotes_in_file: int) -> bool:
    """Whether a file holding ``quotes_in_file`` quotes may have a cell with a stray one (see
    :func:`_refuse_stray_quotes`): the count minus twice the quotes in the values read is odd, which is
    the count itself being odd (twice a number is even, so the values need not be counted)."""
    return quotes_in_file % 2 == 1


def _csv_header(path: Path, text: str) -> list[str]:
    """The header record of a directory CSV; two columns with the same name are an error."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
    except csv.Error as exc:
        raise ValueError(f"cannot parse directory source {path} as CSV (header, line {reader.line_num}): "
                         f"{exc}") from exc
    if header is None:
        raise ValueError(f"directory source {path} has no header and no rows")
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        key = name.strip().lower()
        if not key:
            continue
        if key in seen:
            raise ValueError(
                f"directory source {path}: column name {name.strip()!r} appears twice in the header "
                f"(columns {seen[key] + 1} and {i + 1}); rename or remove one so no value is silently dropped"
            )
        seen[key] = i
    return header


def _load_parquet(path: Path, *, spec: SourceSpec) -> pd.DataFrame:
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise ValueError(f"cannot read Parquet directory source {path}: {exc}") from exc
    stored = _metadata_from_schema(table.schema)
    if set(DIRECTORY_COLUMNS) <= set(table.column_names):
        meta = dict(stored) if stored else {"source": str(path), "source_kind": "parquet"}
        meta.setdefault("snapshot_date", None)
        meta["path"] = str(path)
        return _from_normalized(table, meta, what=f"Parquet directory source {path}")
    raw = table.to_pandas()
    return normalize_directory(raw, spec=spec, source=str(path), source_kind="parquet")


def _metadata_from_schema(schema: pa.Schema) -> dict[str, Any] | None:
    md = schema.metadata or {}
    if METADATA_KEY.encode() in md:
        return json.loads(md[METADATA_KEY.encode()])
    if b"PANDAS_ATTRS" in md:  # DataFrame.to_parquet keeps df.attrs here
        attrs = json.loads(md[b"PANDAS_ATTRS"]) or {}
        if METADATA_KEY in attrs:
            return attrs[METADATA_KEY]
    return None


def _from_frame(frame: pd.DataFrame, *, source_label: str, spec: SourceSpec) -> pd.DataFrame:
    if set(DIRECTORY_COLUMNS) <= set(map(str, frame.columns)):
        table = pa.Table.from_pandas(frame[list(DIRECTORY_COLUMNS)], preserve_index=False)
        meta = dict(frame.attrs.get(METADATA_KEY) or {"source": source_label, "source_kind": "dataframe"})
        return _from_normalized(table, meta, what="normalized directory frame")
    return normalize_directory(frame, spec=spec, source=source_label, source_kind="dataframe")


def _from_normalized(table: pa.Table, meta: dict[str, Any], *, what: str) -> pd.DataFrame:
    """An already normalized table (Parquet or DataFrame) cast to the schema, with its metadata."""
    try:
        table = table.select(list(DIRECTORY_COLUMNS)).cast(DIRECTORY_SCHEMA)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
        raise ValueError(f"{what} has a column of the wrong type: {exc}") from exc
    df = _to_pandas(table)
    meta["validation"] = _SharedList(meta.get("validation") or [])
    df.attrs[METADATA_KEY] = meta
    return df


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    """``table.to_pandas(types_mapper=pd.ArrowDtype)``: one ``ArrowDtype`` block per column, each column's
    Arrow data handed to pandas as is, made with pandas' public block constructor (0.5 against 2.4 ms
    for the directory's 58 columns at 11,000 firms, medians: ``to_pandas`` looks at every column's type
    and metadata in Python); ``to_pandas`` itself on a pandas without that constructor."""
    if _frame_from_blocks is None:  # pragma: no cover - pandas before 2.3
        return table.to_pandas(types_mapper=pd.ArrowDtype)
    blocks = [(pd.arrays.ArrowExtensionArray(column), np.array([i])) for i, column in enumerate(table.columns)]
    return _frame_from_blocks(blocks, pd.RangeIndex(table.num_rows), pd.Index(table.column_names))


# --------------------------------------------------------------------------- normalizing


@dataclass
class _Problems:
    """Collects validation problems while columns are parsed."""

    entries: list

    def add(self, mask: np.ndarray, column: str, raw: pa.Array, problem: str | Callable[[str], str]) -> None:
        idx = np.flatnonzero(mask)
        if idx.size == 0:
            return
        values = raw.take(pa.array(idx)).to_pylist()
        for i, value in zip(idx.tolist(), values):
            self.entries.append(
                {
                    "row": i + 1,
                    "column": column,
                    "raw_value": value,
                    "problem": problem(value) if callable(problem) else problem,
                }
            )


def normalize_directory(
    raw: pd.DataFrame,
    *,
    spec: SourceSpec | str | None = None,
    source: str = "DataFrame",
    source_kind: str = "dataframe",
    snapshot_date: str | None = None,
    extra_metadata: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Normalize a raw frame of a published directory (either header style) into :data:`DIRECTORY_SCHEMA`.

    This is the one code path every source goes through (CSV, Parquet, the
    live API). Cells are read as text; see :func:`load_directory` for the
    result and the validation report.

    Args:
        raw: the source's rows, one column per field, headers in its export or API style.
        spec: which directory ``raw`` is (a :class:`~mwbe_match.sources.SourceSpec` or its
            registered name; default NYC SBS, dataset ``ci93-uc8s``). Normalized columns the
            spec has no field for are left empty (empty lists for list columns).
        source, source_kind, snapshot_date, extra_metadata: recorded in the load metadata.

    Raises:
        ValueError: required columns are missing (the message lists them, in
            the export's spelling, and the columns found); the spec feeds a
            column that is not in the normalized schema.
    """
    return _normalize([str(c) for c in raw.columns], len(raw), lambda name: _as_text(raw[name]), spec=spec,
                      source=source, source_kind=source_kind, snapshot_date=snapshot_date,
                      extra_metadata=extra_metadata)


def _normalize(
    columns: list[str],
    n: int,
    cells: Callable[[str], pa.Array],
    *,
    spec: SourceSpec | str | None,
    source: str,
    source_kind: str,
    snapshot_date: str | None,
    extra_metadata: dict[str, Any] | None = None,
    distinct: Callable[[list[str]], tuple[pa.Array, list[pa.Array]]] | None = None,
    texts: Callable[[list[str]], list[pa.Array]] | None = None,
) -> pd.DataFrame:
    """:func:`normalize_directory` of a source with ``columns`` (headers) and ``n`` rows, all in Arrow.

    ``cells(header)`` gives a column's cells as stripped text, null for an empty cell (see :func:`_clean_text`);
    only the columns the spec reads are asked for; ``distinct(headers)`` the same for columns of one kind, as
    their distinct values and each column's indices into them, ``texts(headers)`` the cells of several
    columns, each as ``cells`` gives them, in one call (see :func:`_read_columns`). The frame is
    converted to pandas once, at the end.
    """
    spec = get_source(spec)
    _check_spec(spec)
    match = spec.match_headers(columns)
    missing_required = spec.missing_required(match)
    if missing_required:
        raise ValueError(
            f"this does not look like {spec.title} (dataset {spec.dataset_id}): "
            f"missing required column(s) {', '.join(c.export for c in missing_required)}; "
            f"columns found: {', '.join(columns) if columns else '(none)'}"
        )
    if match.missing:
        warnings.warn(
            "directory source lacks column(s) "
            + ", ".join(c.export for c in match.missing)
            + "; they are left empty",
            DirectoryWarning,
            stacklevel=4,
        )
    raw_header = match.raw_header
    problems = _Problems(entries=[])
    text, arrays = _read_columns(cells, n, spec, raw_header, problems, distinct, texts)
    if {"certifications", "certification_renewal_dates"} <= set(arrays):
        _report_unpaired_renewal_dates(arrays, text, raw_header, problems,
                                       default_header=spec.source_field("certification_renewal_dates").export)
    for derived in spec.derived:
        arrays[derived.column] = derived.compute(*(arrays[c] for c in derived.inputs))

    keys = arrays[spec.key]
    _report_duplicates(keys, problems, header=spec.source_field(spec.key).export)
    _report_odd_account_numbers(keys, problems, header=spec.source_field(spec.key).export)
    for entry in problems.entries:
        entry["account_number"] = keys[entry["row"] - 1].as_py()
    problems.entries.sort(key=lambda e: (e["row"], e["column"]))

    table = pa.table([arrays[c] if c in arrays else _empty_column(DIRECTORY_SCHEMA.field(c).type, n)
                      for c in DIRECTORY_COLUMNS], schema=DIRECTORY_SCHEMA)
    df = _to_pandas(table)
    meta: dict[str, Any] = {
        "source": source,
        "source_kind": source_kind,
        "snapshot_date": snapshot_date,
        "loaded_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "library_version": __version__,
        "ignored_columns": match.ignored,
        "validation": _SharedList(
            {k: e.get(k) for k in REPORT_COLUMNS} for e in problems.entries
        ),
    }
    if extra_metadata:
        meta.update(extra_metadata)
    df.attrs[METADATA_KEY] = meta
    return df


def _check_spec(spec: SourceSpec) -> None:
    """Raise ``ValueError`` if ``spec`` feeds a column the normalized schema does not have."""
    fed = [c.column for c in spec.columns] + [d.column for d in spec.derived]
    unknown = [c for c in fed if c not in DIRECTORY_SCHEMA.names]
    if unknown:
        raise ValueError(f"source {spec.name!r} feeds column(s) {', '.join(unknown)}, which the normalized "
                         "directory does not have (see mwbe_match.schema.DIRECTORY_COLUMNS)")
    kinds = {c.column: c.kind for c in spec.columns}
    unread = [c for c in spec.vocabularies if kinds.get(c) not in _VOCABULARY_PARSERS]
    if unread:
        raise ValueError(f"source {spec.name!r} has spellings for column(s) {', '.join(unread)}, but only "
                         f"columns of kind {', '.join(_VOCABULARY_PARSERS)} read a source's own spellings")


#: Rows from which the columns are read in threads (the Arrow kernels and numpy release the GIL). Below, the
#: columns' calls are too short to gain from a second core: at 11,000 firms (the City's list) threads took
#: 3-13% more CPU time for the same wall time, or more (interleaved runs on 2 cores).
_THREADED_ROWS = 12_000

#: Rough relative cost of parsing a column of each kind (measured on the real extract), for scheduling.
_KIND_COST = {"pipe_list": 6, "date_list": 5, "certifications": 4, "date": 3, "money": 2, "percent": 2,
              "float": 2, "zip": 2, "phone": 2, "website": 1, "borough": 1, "bool": 1, "naics": 1, "key": 1,
              "text": 1}


def _read_columns(cells: Callable[[str], pa.Array], n: int, spec: SourceSpec, raw_header: dict[str, str],
                  problems: _Problems,
                  distinct: Callable[[list[str]], tuple[pa.Array, list[pa.Array]]] | None = None,
                  texts: Callable[[list[str]], list[pa.Array]] | None = None,
                  ) -> tuple[dict[str, pa.Array], dict[str, pa.Array]]:
    """Every field of ``spec`` as text and parsed by its kind, problems reported under the file's own header.

    Columns of a kind in :data:`_DISTINCT_KINDS` are read together with the others of their kind (and
    spellings): ``distinct(headers)``, when given, is their distinct cells as :func:`_clean_text` makes
    them, one list of values for all of them, and each column's indices into it (default:
    :func:`_encoded_together` of their ``cells``). When the distinct values are few, the parser runs once on
    them (:func:`_parse_shared`): one call for the four dates, the four dollar amounts, and so on. The
    cells of the columns of a kind in :data:`_TOGETHER_KINDS` are asked for in one call, ``texts(headers)``,
    when given (a file's: combined and cleaned at once, see :func:`_cleaned_together`), then parsed column
    by column, unless the columns are read in threads (at 100,000 firms one such task took 4% more CPU time
    than the columns read one by one in threads, interleaved medians of 15; at 11,000, read on one thread,
    it took 5-10% less).

    The columns are independent, so large sources read them on all cores; the problems are collected in
    the order of the fields whatever the thread that found them.
    """
    def parser_of(col: SourceColumn) -> Callable[[pa.Array, str, _Problems], pa.Array]:
        vocabulary = spec.vocabularies.get(col.column)
        return _VOCABULARY_PARSERS[col.kind](vocabulary) if vocabulary and col.kind in _VOCABULARY_PARSERS \
            else _PARSERS[col.kind]

    def parsed(col: SourceColumn, text: pa.Array, header: str) -> tuple[pa.Array, pa.Array, list]:
        found = _Problems(entries=[])
        return text, parser_of(col)(text, header, found), found.entries

    def read(cols: list[SourceColumn]) -> list[tuple[pa.Array, pa.Array, list]]:
        """[(text, values, problem entries)] of one column."""
        (col,) = cols
        header = raw_header.get(col.column, col.export)
        text = cells(header) if col.column in raw_header else pa.nulls(n, pa.string())
        return [parsed(col, text, header)]

    def read_texts(cols: list[SourceColumn]) -> list[tuple[pa.Array, pa.Array, list]]:
        """[(text, values, problem entries)] of columns the source has, their cells asked for at once."""
        headers = [raw_header[col.column] for col in cols]
        return [parsed(col, text, header) for col, text, header in zip(cols, texts(headers), headers)]

    def read_group(cols: list[SourceColumn]) -> list[tuple[pa.Array, pa.Array, list]]:
        """[(text, values, problem entries)] of columns of one kind, read together by their distinct values."""
        headers = [raw_header[col.column] for col in cols]
        values, indices = distinct(headers) if distinct is not None \
            else _encoded_together([cells(header) for header in headers])
        if 2 * len(values) > n * len(cols):  # mostly distinct: each column parsed as it is
            return [parsed(col, values.take(one), header) for col, one, header in zip(cols, indices, headers)]
        columns, entries = _parse_shared(parser_of(cols[0]), values, indices, headers)
        return [(pa.DictionaryArray.from_arrays(one, values), column, found)
                for one, column, found in zip(indices, columns, entries)]

    threaded = (os.cpu_count() or 1) > 1 and n >= _THREADED_ROWS
    groups: dict[tuple, list[SourceColumn]] = {}
    tasks: list[tuple[Callable, list[SourceColumn]]] = []  # (function, the columns it reads)
    for col in spec.columns:
        if col.kind in _DISTINCT_KINDS and n >= _DISTINCT_ROWS and col.column in raw_header:
            key = (col.kind, id(spec.vocabularies.get(col.column)))  # same kind, same spellings: one parser
        elif col.kind in _TOGETHER_KINDS and texts is not None and not threaded and col.column in raw_header:
            key = ("text",)
        else:
            tasks.append((read, [col]))
            continue
        if key not in groups:
            groups[key] = []
            tasks.append((read_texts if key == ("text",) else read_group, groups[key]))
        groups[key].append(col)
    workers = min(os.cpu_count() or 1, 8, len(tasks))
    if threaded and workers > 1:
        cost = {id(cols): sum(_KIND_COST.get(c.kind, 0) for c in cols) for _, cols in tasks}
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="mwbe_match-load") as pool:
            # the costly ones first, so that no thread is left with one of them at the end
            futures = {id(cols): pool.submit(f, cols) for f, cols in sorted(tasks, key=lambda t: -cost[id(t[1])])}
            results = [futures[id(cols)].result() for _, cols in tasks]
    else:
        results = [f(cols) for f, cols in tasks]
    read_by: dict[str, tuple[pa.Array, pa.Array, list]] = {}
    for (_, cols), result in zip(tasks, results):
        for col, one in zip(cols, result):
            read_by[col.column] = one
    text: dict[str, pa.Array] = {}
    arrays: dict[str, pa.Array] = {}
    for col in spec.columns:
        text[col.column], arrays[col.column], entries = read_by[col.column]
        problems.entries.extend(entries)
    return text, arrays


#: Kinds whose parser is a function of each cell alone (its value and its problems), so a column may be parsed
#: once per distinct value (the kinds where that was measured faster on the real extract repeated: for the
#: others, hashing the cells costs more than the parser's own fast path; PASSPort's yes/no and the borough,
#: a handful of spellings in any list, took 0.36 against 0.60 ms and 0.32 against 0.48 at 11,000 firms).
_DISTINCT_KINDS = frozenset({"zip", "date", "date_list", "money", "percent", "float", "pipe_list", "certifications",
                             "bool", "borough"})

#: Rows from which the columns of a :data:`_DISTINCT_KINDS` kind are parsed by their distinct values, when at
#: most half of their cells are distinct (a directory repeats dates, amounts, ZIPs, codes and certifications).
_DISTINCT_ROWS = 2000


def _encoded_together(columns: list[pa.Array | pa.ChunkedArray], *, clean: bool = False,
                      may_hold_cr: bool = True) -> tuple[pa.Array, list[pa.Array]]:
    """The distinct values of all ``columns`` (of one length) and each column's indices into them
    (``values.take(indices[i])`` is ``columns[i]``); with ``clean``, the values cleaned by :func:`_clean_text`,
    so that ``values.take(indices[i])`` is ``_clean_text`` of column ``i`` (the cleaning is a function of each
    cell alone).

    The columns' chunks are hashed as one array: a large file's read has a chunk per 2 MiB block, and hashing
    a column's combined cells took 13-15% less CPU time than hashing its chunks; the columns of one kind in
    one call took less again (one combine, one hash table, one cleaning of their values: 20 calls for 20
    columns at 11,000 firms were 10 for their 10 kinds), and dates or amounts the columns share are parsed once.
    """
    chunks = [chunk for column in columns
              for chunk in (column.chunks if isinstance(column, pa.ChunkedArray) else [column])]
    together = (pa.concat_arrays(chunks) if len(chunks) > 1 else chunks[0]) if chunks \
        else pa.array([], columns[0].type)
    encoded = pc.dictionary_encode(together, null_encoding="encode")
    values = _utf8(encoded.dictionary)
    values = _clean_text(values, may_hold_cr=may_hold_cr) if clean else values
    rows = len(columns[0])
    return values, [encoded.indices.slice(i * rows, rows) for i in range(len(columns))]


#: Kinds whose columns' cells are asked for together (:func:`_read_columns`): their parsers take a slice of
#: a larger array as well as an array of their own (the key's is read alone: the test that the account
#: numbers are all distinct takes its fast path on an array of its own).
_TOGETHER_KINDS = frozenset({"text", "upper", "phone", "website", "naics"})

#: The most bytes of text :func:`_cleaned_together` combines into one array: what it cleans is then still in the
#: CPU's cache (at 100,000 firms, 256 MiB batches took 3% more CPU time than a combine per column, 8 MiB ones
#: 8% less, interleaved medians of 11; 16 MiB, half of this machine's L3, holds the City's list's 13 MB at once).
_TOGETHER_BYTES = 1 << 24


def _cleaned_together(columns: list[pa.ChunkedArray | pa.Array], *, may_hold_cr: bool = True) -> list[pa.Array]:
    """``_clean_text(_utf8(column))`` of each of ``columns`` (of one length), their chunks combined into one array
    and cleaned in one call (a batch of columns at a time, up to :data:`_TOGETHER_BYTES` of text, or a column
    alone when it holds more); each column is its slice of its batch.

    Cleaning is a function of each cell alone, so the slices are the columns cleaned one by one; one combine and
    one cleaning for the 30 text columns of the City's list took 20% less CPU time than 30 of each.
    """
    out: list[pa.Array] = []
    batch: list[pa.Array | pa.ChunkedArray] = []
    size = 0

    def flush() -> None:
        chunks = [chunk for column in batch
                  for chunk in (column.chunks if isinstance(column, pa.ChunkedArray) else [column])]
        together = _clean_text(_utf8(pa.concat_arrays(chunks) if len(chunks) != 1 else chunks[0]),
                               may_hold_cr=may_hold_cr)
        rows = len(batch[0])
        out.extend(together.slice(i * rows, rows) for i in range(len(batch)))
        batch.clear()

    for column in columns:
        nbytes = column.get_total_buffer_size()  # at least its text's bytes (nbytes took 0.7 ms for 36 columns)
        if batch and size + nbytes > _TOGETHER_BYTES:
            flush()
            size = 0
        batch.append(column)
        size += nbytes
    if batch:
        flush()
    return out


class _RecordedProblems(_Problems):
    """The problems a parser finds, kept as its calls (mask, problem) to be replayed column by column."""

    def __init__(self) -> None:
        super().__init__(entries=[])
        self.calls: list[tuple[np.ndarray, str | Callable[[str], str]]] = []

    def add(self, mask: np.ndarray, column: str, raw: pa.Array, problem: str | Callable[[str], str]) -> None:
        self.calls.append((np.asarray(mask, dtype=bool), problem))


def _parse_shared(parser: Callable[[pa.Array, str, _Problems], pa.Array], values: pa.Array,
                  indices: list[pa.Array], headers: list[str]) -> tuple[list[pa.Array], list[list]]:
    """``parser`` of each column ``values.take(indices[i])`` (columns of one kind), computed by one call on
    their distinct ``values``; returns the parsed columns and each one's problem entries.

    The parsers of :data:`_DISTINCT_KINDS` give each cell a value and problems of its own text alone, so
    parsing each distinct value once and spreading the values and problems to the rows holding it gives
    the same column and the same report: the parser's problems are replayed for each column in the order
    the parser found them, row by row in row order, under the column's header, with the row's own text.
    """
    recorded = _RecordedProblems()
    parsed = parser(values, headers[0], recorded)
    calls = [(mask, problem) for mask, problem in recorded.calls if mask.any()]
    columns, entries = [], []
    for one, header in zip(indices, headers):
        found = _Problems(entries=[])
        if calls:
            rows = np.asarray(one)
            text = pa.DictionaryArray.from_arrays(one, values)
            for mask, problem in calls:
                found.add(mask[rows], header, text, problem)
        columns.append(parsed.take(one))
        entries.append(found.entries)
    return columns, entries


def _empty_column(type_: pa.DataType, n: int) -> pa.Array:
    """A column the source does not publish: empty lists for a list type, else nulls."""
    if pa.types.is_list(type_):
        return pa.ListArray.from_arrays(pa.array(np.zeros(n + 1, dtype=np.int32)), pa.array([], type_.value_type))
    return pa.nulls(n, type_)


def _as_text(series: pd.Series) -> pa.Array:
    """Raw cells as stripped text, null for empty; non-text values (API numbers) stringified."""
    if isinstance(series.dtype, pd.ArrowDtype) and pa.types.is_string(series.dtype.pyarrow_dtype):
        arr = pa.array(series.array)
    elif pd.api.types.is_string_dtype(series.dtype) and series.dtype != object:
        arr = pa.array(series.to_numpy(dtype=object, na_value=None), type=pa.string())
    else:
        values = series.to_numpy(dtype=object)
        out = [None if (v is None or (isinstance(v, float) and np.isnan(v))) else
               (v if isinstance(v, str) else _stringify(v)) for v in values]
        arr = pa.array(out, type=pa.string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return _clean_text(arr)


def _clean_text(arr: pa.Array, *, may_hold_cr: bool = True) -> pa.Array:
    """Text cells stripped, with Windows line ends as ``\\n``, and null for empty.

    Each step runs only when the bytes say it can change something (looked at in the array's buffers);
    ``may_hold_cr=False`` says no value holds a carriage return (the file has none).
    """
    parts = _string_buffers(arr)
    if parts is not None and may_hold_cr and np.equal(parts[1][parts[0][0]:parts[0][-1]], 13).any():
        arr = pc.replace_substring(arr, "\r\n", "\n")
        parts = _string_buffers(arr)
    if parts is not None:
        offsets, data = parts
        filled = offsets[1:] > offsets[:-1]
        if _may_need_trimming(offsets, data):
            arr = pc.utf8_trim_whitespace(arr)
            parts = _string_buffers(arr)
            if parts is None:  # pragma: no cover - trimming keeps the array free of nulls
                return pc.if_else(pc.equal(arr, ""), _NULL_TEXT, arr)
            filled = parts[0][1:] > parts[0][:-1]
        return _empty_as_null(arr, filled)
    # not a plain string array without nulls (from a DataFrame, say): every step
    arr = pc.replace_substring(arr, "\r\n", "\n")
    arr = pc.utf8_trim_whitespace(arr)
    return pc.if_else(pc.equal(arr, ""), _NULL_TEXT, arr)


def _may_need_trimming(offsets: np.ndarray, data: np.ndarray) -> bool:
    """Whether a value of a string array (its ``offsets`` and ``data``) starts or ends in ASCII white space or
    a control byte, or in a non-ASCII character (Unicode white space such as U+00A0 or U+3000): only then may
    it need trimming.

    The first and last bytes are looked up for every value, empty ones too (clipped into the data): an empty
    value's "first byte" is the next value's and its "last byte" the previous one's, which are looked at
    anyway, so the answer can only err towards trimming, which leaves trimmed values as they are. When some
    values may need it, they alone are trimmed to see whether one changes (most start or end in a curly quote
    or a letter with an accent, which is no space).
    """
    if data.size == 0:
        return False
    n = offsets.size - 1
    # the first and the last bytes in two takes (one of the offsets concatenated took 30% more time)
    first, last = data.take(offsets[:-1], mode="clip"), data.take(offsets[1:] - 1, mode="clip")
    first -= 33  # wraps: bytes 0-32 and 128-255 become 95 and above
    last -= 33
    suspect = (first >= 95) | (last >= 95)
    if not suspect.any():
        return False
    rows = np.flatnonzero(suspect)
    if rows.size * 8 > n:
        return True
    values = pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data)]) \
        .take(pa.array(rows))
    return not pc.equal(pc.binary_length(pc.utf8_trim_whitespace(values)), pc.binary_length(values)).to_numpy(
        zero_copy_only=False).all()


def _trimmed(arr: pa.Array) -> pa.Array:
    """``utf8_trim_whitespace(arr)``, skipped when no value can start or end in white space."""
    parts = _string_buffers(arr)
    if parts is None:
        return pc.utf8_trim_whitespace(arr)
    offsets, data = parts
    if _may_need_trimming(offsets, data):
        return pc.utf8_trim_whitespace(arr)
    return arr


def _string_buffers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray] | None:
    """The value offsets (``len(arr) + 1``) and the data bytes of a string array without nulls, as numpy views;
    None for another array (nulls, a slice, another type)."""
    if not isinstance(arr, pa.Array) or not pa.types.is_string(arr.type) or arr.null_count or arr.offset \
            or len(arr) == 0:
        return None
    _, offsets, data = arr.buffers()
    return (np.frombuffer(offsets, dtype=np.int32)[:len(arr) + 1],
            np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8))


def _empty_as_null(arr: pa.Array, filled: np.ndarray) -> pa.Array:
    """``arr`` (without nulls) with its empty values (``~filled``) null, sharing its buffers."""
    if filled.all():
        return arr
    _, offsets, data = arr.buffers()
    validity = pa.py_buffer(np.packbits(filled, bitorder="little"))
    return pa.Array.from_buffers(pa.string(), len(arr), [validity, offsets, data],
                                 null_count=int(len(arr) - np.count_nonzero(filled)))


def _valid(arr: pa.Array) -> np.ndarray:
    """A mask of the non-null values."""
    if arr.null_count == 0:
        return np.ones(len(arr), dtype=bool)
    if isinstance(arr, pa.Array) and arr.buffers()[0] is not None:
        return _bits(arr.buffers()[0], arr.offset, len(arr))
    return _mask(pc.is_valid(arr))


def _digits_only(arr: pa.Array, lengths: tuple[int, ...] | None = None) -> np.ndarray:
    """A mask of the values that are only ASCII digits (and, when given, of one of ``lengths`` bytes)."""
    n = len(arr)
    if n == 0 or not pa.types.is_string(arr.type):
        return np.zeros(n, dtype=bool)
    out = _mask(pc.ascii_is_decimal(arr))  # non-empty, every byte 0-9 (a non-ASCII byte is not)
    if lengths is not None:
        size = pc.binary_length(arr)
        out &= _mask(pc.equal(size, lengths[0]) if len(lengths) == 1 else pc.is_in(size, pa.array(lengths, size.type)))
    return out


def _drop_ascii(arr: pa.Array, characters: tuple[str, ...]) -> pa.Array:
    """``arr`` with every one of the ASCII ``characters`` removed from its values (as ``replace_substring``
    with ``""`` would, character by character; done on the bytes, which an ASCII byte never is part of a
    longer UTF-8 character)."""
    if not characters:
        return arr
    if not isinstance(arr, pa.Array) or not pa.types.is_string(arr.type) or arr.offset or len(arr) == 0 \
            or arr.buffers()[2] is None:
        for character in characters:
            arr = pc.replace_substring(arr, character, "")
        return arr
    validity, offsets, data = arr.buffers()
    offsets = np.frombuffer(offsets, dtype=np.int32)[:len(arr) + 1]
    start, end = int(offsets[0]), int(offsets[-1])
    body = np.frombuffer(data, dtype=np.uint8)[start:end]
    drop = np.zeros(body.size, dtype=bool)
    for character in characters:
        drop |= body == ord(character)
    if not drop.any():
        return arr
    kept = np.concatenate([np.zeros(1, np.int32), np.cumsum(~drop, dtype=np.int32)])
    new_offsets = kept[offsets - start].astype(np.int32)
    return pa.Array.from_buffers(pa.string(), len(arr),
                                 [validity, pa.py_buffer(new_offsets), pa.py_buffer(body[~drop].tobytes())],
                                 null_count=arr.null_count)


def _plain_numbers(arr: pa.Array) -> np.ndarray:
    """A mask of the values matching :data:`_NUMBER` (``-12``, ``3.5``, ``.5``, ``5.``), tested on the bytes."""
    n = len(arr)
    if not isinstance(arr, pa.Array) or not pa.types.is_string(arr.type) or n == 0 or arr.buffers()[2] is None:
        return _mask(pc.match_substring_regex(arr, _NUMBER)) if n else np.zeros(0, dtype=bool)
    _, offsets, data = arr.buffers()
    offsets = np.frombuffer(offsets, dtype=np.int32)[arr.offset:arr.offset + n + 1]
    start = int(offsets[0])
    body = np.frombuffer(data, dtype=np.uint8)[start:int(offsets[-1])]
    begin, end = offsets[:-1] - start, offsets[1:] - start
    size = end - begin

    def count(mask: np.ndarray) -> np.ndarray:
        total = np.concatenate([np.zeros(1, np.int32), np.cumsum(mask, dtype=np.int32)])
        return total[end] - total[begin]

    digits, dots, minus = count((body >= 48) & (body <= 57)), count(body == 46), count(body == 45)
    first = np.where(size > 0, body[np.minimum(begin, max(body.size - 1, 0))] if body.size else 0, 0)
    plain = (digits >= 1) & (dots <= 1) & (minus <= 1) & (digits + dots + minus == size) & ((minus == 0) | (first == 45))
    return plain & _valid(arr)


def _with_slow_rows(fast: pa.Array, rows: np.ndarray, raw: pa.Array,
                    slow: Callable[[pa.Array], pa.Array]) -> pa.Array:
    """``fast`` with its values at ``rows`` (a mask) replaced by ``slow`` of those rows of ``raw``.

    The parsers below take the common shape of a value (``2125551234``) by a cheap test and run the full
    rule only on the rest, which gives the same value for the common shape.
    """
    if not rows.any():
        return fast
    chosen = pa.array(rows)
    values = slow(raw.filter(chosen)).cast(fast.type)
    at = np.maximum(np.cumsum(rows, dtype=np.int32) - 1, 0)  # row -> its place among the chosen rows
    return pc.if_else(chosen, values.take(pa.array(at)), fast)


_NULL_TEXT = pa.scalar(None, pa.string())


def _stringify(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return str(value)


def _mask(arr: pa.Array) -> np.ndarray:
    """A boolean array as numpy, null as False (read from its bitmaps)."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pa.types.is_boolean(arr.type) or len(arr) == 0:
        return np.asarray(arr.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    validity, values = arr.buffers()
    out = _bits(values, arr.offset, len(arr))
    if arr.null_count:
        out &= _bits(validity, arr.offset, len(arr))
    return out


def _bits(bitmap: pa.Buffer, offset: int, n: int) -> np.ndarray:
    """``n`` bits of an Arrow bitmap from bit ``offset`` as a boolean array."""
    return np.unpackbits(np.frombuffer(bitmap, dtype=np.uint8), bitorder="little", count=offset + n)[offset:] \
        .astype(bool)


def _bad(raw: pa.Array, parsed: pa.Array) -> np.ndarray:
    """Cells that had text but did not parse."""
    return _valid(raw) & ~_valid(parsed)


def _parse_text(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    return raw


def _parse_upper(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    return pc.utf8_upper(raw)


def _parse_key(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    plain = _digits_only(raw)
    key = _with_slow_rows(raw, _valid(raw) & ~plain, raw,
                          lambda rest: pc.replace_substring_regex(rest, r"^(\d+)\.0$", r"\1"))
    problems.add(_mask(pc.is_null(key)), header, raw, "missing account number")
    return key


def _phone_digits(raw: pa.Array) -> pa.Array:
    digits = pc.replace_substring_regex(raw, r"\D+", "")
    digits = pc.replace_substring_regex(digits, r"^1(\d{10})$", r"\1")
    ok = pc.match_substring_regex(digits, r"^\d{10}$")
    return pc.if_else(ok, digits, _NULL_TEXT)


def _parse_phone(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    plain = _digits_only(raw, (10,))
    parsed = _with_slow_rows(pc.if_else(pa.array(plain), raw, _NULL_TEXT), _valid(raw) & ~plain, raw, _phone_digits)
    problems.add(_bad(raw, parsed), header, raw, "not a 10-digit phone number")
    return parsed


def _zip_code(raw: pa.Array) -> pa.Array:
    five = pc.replace_substring_regex(raw, r"^(\d{5})(-?\d{4})?$", r"\1")
    # NJ/CT/MA ZIPs start with 0; the export stored them as numbers and lost it.
    short = pc.match_substring_regex(five, r"^\d{3,4}$")
    padded = pc.if_else(short, pc.utf8_lpad(five, width=5, padding="0"), five)
    ok = pc.match_substring_regex(padded, r"^\d{5}$")
    return pc.if_else(ok, padded, _NULL_TEXT)


def _parse_zip(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    plain = _digits_only(raw, (5,))
    parsed = _with_slow_rows(pc.if_else(pa.array(plain), raw, _NULL_TEXT), _valid(raw) & ~plain, raw, _zip_code)
    problems.add(_bad(raw, parsed), header, raw, "not a 5-digit ZIP code")
    return parsed


def _parse_website(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    # a placeholder is ASCII (nothing else lowercases to these letters): at most 4 bytes, or dashes
    candidates = _mask(pc.less_equal(pc.binary_length(raw), 4)) | _mask(pc.starts_with(raw, "-"))
    if not candidates.any():
        return raw
    chosen = pa.array(candidates)
    placeholder = np.zeros(len(raw), dtype=bool)
    placeholder[candidates] = _mask(pc.match_substring_regex(pc.utf8_lower(raw.filter(chosen)),
                                                             r"^(n/?a|none|null|-+)$"))
    return pc.if_else(pa.array(placeholder), pa.scalar(None, pa.string()), raw) if placeholder.any() else raw


#: Dates outside these years are typos (``2/3/26`` read as the year 26, ``2206`` for ``2026``): reported, left empty.
DATE_YEARS: tuple[int, int] = (1800, 2100)

_MDY_PARTS = r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})/"
_ISO_PARTS = r"^\d{4}-(?P<month>\d{2})-(?P<day>\d{2})"
_DATE_PROBLEMS = {
    "impossible": "not a real calendar date (no such day in that month); it is left empty",
    "out_of_range": f"a year before {DATE_YEARS[0]} or after {DATE_YEARS[1]}, most likely a typo; it is left empty",
}


def _dates(raw: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """Parse M/D/YYYY, MM/DD/YYYY and ISO (the API's floating timestamps) to date32.

    Returns the dates (null where not a date), and the masks of the cells that
    name an impossible day (``02/30/2026``, ``2025-02-29``: the parser would
    roll them over into the next month) and of dates outside :data:`DATE_YEARS`.
    Both are null in the dates.
    """
    mdy = pc.strptime(raw, format="%m/%d/%Y", unit="s", error_is_null=True)
    by_mdy = _valid(mdy)
    others = _valid(raw) & ~by_mdy  # ISO, or not a date
    stamps = _with_slow_rows(mdy, others, raw, _iso_stamps)
    # The day the text names must be the day parsed; otherwise the parser rolled an impossible date over
    # into the next month (by at most 3 days: 2/31 is 3/3; it refuses a day 0 or above 31), so only a parsed
    # day from the 1st to the 3rd is looked at.
    day = pc.day(stamps)
    early_in_month = _mask(pc.less_equal(day, 3))
    impossible = np.zeros(len(raw), dtype=bool)
    for rows, parts in ((early_in_month & by_mdy, _MDY_PARTS), (others & _valid(stamps), _ISO_PARTS)):
        if rows.any():
            chosen = pa.array(rows)
            named_day = pc.cast(pc.struct_field(pc.extract_regex(raw.filter(chosen), parts), "day"), pa.int64())
            impossible[rows] = _mask(pc.not_equal(named_day, day.filter(chosen)))
    out_of_range = _mask(pc.or_(pc.less(stamps, _FIRST_DATE), pc.greater_equal(stamps, _AFTER_LAST_DATE))) \
        & ~impossible
    dates = pc.cast(stamps, pa.date32())
    bad = impossible | out_of_range
    if bad.any():
        dates = pc.if_else(pa.array(bad), pa.scalar(None, pa.date32()), dates)
    return dates, impossible, out_of_range


#: The first moment of :data:`DATE_YEARS` and the first after it, as the parsed timestamps.
_FIRST_DATE = pa.scalar(_dt.datetime(DATE_YEARS[0], 1, 1), pa.timestamp("s"))
_AFTER_LAST_DATE = pa.scalar(_dt.datetime(DATE_YEARS[1] + 1, 1, 1), pa.timestamp("s"))


def _iso_stamps(raw: pa.Array) -> pa.Array:
    """ISO dates (the API's floating timestamps: ``2026-04-30T00:00:00.000``) as timestamps, else null."""
    iso_text = pc.utf8_slice_codeunits(raw, 0, 10)
    iso_ok = pc.match_substring_regex(raw, r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?$")
    return pc.strptime(pc.if_else(iso_ok, iso_text, _NULL_TEXT), format="%Y-%m-%d", unit="s", error_is_null=True)


def _parse_date(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    parsed, impossible, out_of_range = _dates(raw)
    problems.add(impossible, header, raw, _DATE_PROBLEMS["impossible"])
    problems.add(out_of_range, header, raw, _DATE_PROBLEMS["out_of_range"])
    problems.add(_bad(raw, parsed) & ~impossible & ~out_of_range, header, raw, "not a valid date (expected M/D/YYYY)")
    return parsed


def _split_list(raw: pa.Array, separators: str) -> pa.ListArray:
    """Split text cells at any of the characters ``separators`` into trimmed, non-empty items; null cells
    become empty lists."""
    filled = raw.fill_null("")
    for other in separators[1:]:
        if _may_hold(filled, other):
            filled = pc.replace_substring(filled, other, separators[0])
    lists = pc.split_pattern(filled, separators[0])
    flat = _trimmed(lists.flatten())
    keep = _mask(pc.not_equal(flat, ""))
    offsets = np.frombuffer(lists.buffers()[1], dtype=np.int32)[lists.offset:lists.offset + len(lists) + 1]
    if keep.all():
        return pa.ListArray.from_arrays(pa.array(offsets - offsets[0], pa.int32()), flat)
    # each cell's items are those of its split kept: its offsets count the kept items before it
    kept_before = np.concatenate([np.zeros(1, np.int32), np.cumsum(keep, dtype=np.int32)])
    return pa.ListArray.from_arrays(pa.array(kept_before[offsets - offsets[0]], pa.int32()),
                                    flat.filter(pa.array(keep)))


def _may_hold(arr: pa.Array, character: str) -> bool:
    """Whether a value of string array ``arr`` may hold the ASCII ``character`` (looked for in its data)."""
    if not isinstance(arr, pa.Array) or not pa.types.is_string(arr.type):
        return True
    data = arr.buffers()[2]
    return data is not None and bool(np.equal(np.frombuffer(data, dtype=np.uint8), ord(character)).any())


def _regroup(values: pa.Array, parents: pa.Array, n: int) -> pa.ListArray:
    """Build a list array of length ``n`` from values and their (sorted) parent row indices."""
    counts = np.bincount(np.asarray(parents.to_numpy(zero_copy_only=False), dtype=np.int64), minlength=n)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), values)


def _parse_pipe_list(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    return _split_list(raw, "|")


def _certifications_parser(spellings: Mapping[str, str]) -> Callable[[pa.Array, str, _Problems], pa.Array]:
    """A certifications parser that first reads a source's own spellings of the types (upper case -> type)."""
    keys = pa.array([k.upper() for k in spellings])
    values = pa.array([v.upper() for v in spellings.values()])

    def parse(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
        return _parse_certifications(raw, header, problems, spellings=(keys, values))

    return parse


def _parse_certifications(raw: pa.Array, header: str, problems: _Problems,
                          spellings: tuple[pa.Array, pa.Array] | None = None) -> pa.Array:
    lists = _split_list(pc.utf8_upper(raw), ",;/")
    flat = lists.flatten()
    if spellings is not None:
        flat = pc.coalesce(pc.take(spellings[1], pc.index_in(flat, value_set=spellings[0])), flat)
    parents = pc.list_parent_indices(lists)
    known = pc.is_in(flat, value_set=pa.array(CERTIFICATION_TYPES))
    unknown_rows = np.unique(np.asarray(pc.filter(parents, pc.invert(known))))
    mask = np.zeros(len(raw), dtype=bool)
    mask[unknown_rows] = True
    problems.add(mask, header, raw,
                 f"unknown certification type (valid: {', '.join(CERTIFICATION_TYPES)}); it is left out")
    problems.add(_mask(pc.is_null(raw)), header, raw, "no certification listed")
    return _regroup(pc.filter(flat, known), pc.filter(parents, known), len(raw))


def _parse_date_list(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    lists = _split_list(raw, ";")
    flat = lists.flatten()
    parsed, impossible, out_of_range = _dates(flat)
    parents = np.asarray(pc.list_parent_indices(lists))
    unparsed = _mask(pc.is_null(parsed)) & ~impossible & ~out_of_range
    for items, problem in (
        (impossible, "renewal date that is not a real calendar date (no such day in that month); it is left empty"),
        (out_of_range, f"renewal date with a year before {DATE_YEARS[0]} or after {DATE_YEARS[1]}, most likely "
                       "a typo; it is left empty"),
        (unparsed, "renewal date that is not a valid date (expected M/D/YYYY); it is left empty"),
    ):
        mask = np.zeros(len(raw), dtype=bool)
        mask[parents[items]] = True
        problems.add(mask, header, raw, problem)
    return pa.ListArray.from_arrays(lists.offsets, parsed)


def _report_unpaired_renewal_dates(
    arrays: dict[str, pa.Array], text: dict[str, pa.Array], raw_header: dict[str, str], problems: _Problems,
    *, default_header: str,
) -> None:
    """Report rows whose renewal dates do not pair one-to-one with their certifications."""
    n_certs = np.asarray(pc.list_value_length(arrays["certifications"]).fill_null(0))
    n_dates = np.asarray(pc.list_value_length(arrays["certification_renewal_dates"]).fill_null(0))
    raw_dates = text["certification_renewal_dates"]
    mismatch = (n_dates > 0) & (n_dates != n_certs)
    header = raw_header.get("certification_renewal_dates", default_header)
    rows = np.flatnonzero(mismatch)
    for i, value in zip(rows.tolist(), raw_dates.take(pa.array(rows, pa.int64())).to_pylist()):
        problems.entries.append({
            "row": i + 1,
            "column": header,
            "raw_value": value,
            "problem": f"{n_dates[i]} renewal date(s) for {n_certs[i]} certification(s)",
        })


_NUMBER = r"^-?(\d+(\.\d*)?|\.\d+)$"


def _number(raw: pa.Array, strip: str, literals: tuple[str, ...] = ()) -> pa.Array:
    """Numbers from text with what matches ``strip`` removed.

    ``literals`` are characters ``strip`` removes that are taken out first without a regex: a value that
    is then a plain number holds nothing else ``strip`` removes, so only the others go through ``strip``.
    """
    text = _drop_ascii(raw, literals)
    plain = _plain_numbers(text)

    def stripped(rest: pa.Array) -> pa.Array:
        cleaned = pc.replace_substring_regex(rest, strip, "")
        return pc.if_else(pc.match_substring_regex(cleaned, _NUMBER), cleaned, _NULL_TEXT)

    fast = pc.if_else(pa.array(plain), text, _NULL_TEXT)
    return pc.cast(_with_slow_rows(fast, _valid(raw) & ~plain, raw, stripped), pa.float64())


def _parse_money(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    parsed = _number(raw, r"[$,\s]|(?i)usd", ("$", ","))
    problems.add(_bad(raw, parsed), header, raw, "not a dollar amount")
    negative = _mask(pc.less(parsed, 0))
    if negative.any():
        problems.add(negative, header, raw, "a negative dollar amount; it is left empty")
        parsed = pc.if_else(pa.array(negative), pa.scalar(None, pa.float64()), parsed)
    return parsed


def _parse_percent(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    parsed = _number(raw, r"[%\s]", ("%",))
    out_of_range = _mask(pc.or_(pc.less(parsed, 0), pc.greater(parsed, 100)))
    parsed = pc.if_else(pa.array(out_of_range), pa.scalar(None, pa.float64()), parsed)
    problems.add(_bad(raw, parsed), header, raw, "not a percentage from 0 to 100")
    return parsed


def _parse_float(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    parsed = _number(raw, r"\s")
    problems.add(_bad(raw, parsed), header, raw, "not a number")
    return parsed


_TRUE = pa.array(sorted(YES_WORDS))
_FALSE = pa.array(sorted(NO_WORDS))


def _parse_bool(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    low = pc.utf8_lower(raw)
    parsed = pc.if_else(pc.is_in(low, value_set=_TRUE), True,
                        pc.if_else(pc.is_in(low, value_set=_FALSE), False, pa.scalar(None, pa.bool_())))
    problems.add(_bad(raw, parsed), header, raw, "not Yes or No")
    return parsed


def _naics_code(raw: pa.Array) -> pa.Array:
    code = pc.replace_substring_regex(raw, r"^(\d+)\.0$", r"\1")
    return pc.if_else(pc.match_substring_regex(code, r"^\d{6}$"), code, _NULL_TEXT)


def _parse_naics(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
    plain = _digits_only(raw, (6,))
    parsed = _with_slow_rows(pc.if_else(pa.array(plain), raw, _NULL_TEXT), _valid(raw) & ~plain, raw, _naics_code)
    problems.add(_bad(raw, parsed), header, raw, "not a 6-digit NAICS code")
    return parsed




def _borough_parser(spellings: Mapping[str, str] | None = None) -> Callable[[pa.Array, str, _Problems], pa.Array]:
    """A borough parser that also reads a source's own spellings (upper case -> borough)."""
    aliases = {**BOROUGH_ALIASES, **{k.upper(): v for k, v in (spellings or {}).items()}}
    keys = pa.array(list(aliases))
    values = pa.array(list(aliases.values()))

    def parse(raw: pa.Array, header: str, problems: _Problems) -> pa.Array:
        idx = pc.index_in(pc.utf8_upper(raw), value_set=keys)
        parsed = pc.take(values, idx)
        problems.add(_bad(raw, parsed), header, raw, f"unknown borough (expected one of {', '.join(BOROUGHS)})")
        return parsed

    return parse


_parse_borough = _borough_parser()


_PARSERS: dict[str, Callable[[pa.Array, str, _Problems], pa.Array]] = {
    "text": _parse_text,
    "upper": _parse_upper,
    "key": _parse_key,
    "phone": _parse_phone,
    "zip": _parse_zip,
    "website": _parse_website,
    "date": _parse_date,
    "date_list": _parse_date_list,
    "money": _parse_money,
    "percent": _parse_percent,
    "float": _parse_float,
    "bool": _parse_bool,
    "naics": _parse_naics,
    "pipe_list": _parse_pipe_list,
    "certifications": _parse_certifications,
    "borough": _parse_borough,
}

if set(_PARSERS) != set(PARSE_KINDS):  # pragma: no cover - a kind added to one list and not the other
    raise ImportError(f"parsers {sorted(_PARSERS)} and mwbe_match.sources.spec.PARSE_KINDS {sorted(PARSE_KINDS)} "
                      "must name the same kinds")

#: Parsers that read a source's own spellings (:attr:`SourceSpec.vocabularies`), by kind.
_VOCABULARY_PARSERS: dict[str, Callable[[Mapping[str, str]], Callable[[pa.Array, str, _Problems], pa.Array]]] = {
    "borough": _borough_parser,
    "certifications": _certifications_parser,
}


def normalize_phones(values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """Phone numbers as the directory stores them: 10 digits (a leading 1 dropped).

    For comparing other lists (a vendor master) with the directory. Returns
    the normalized strings (null where a value is not a phone number) and a
    mask of the values that had text but did not parse.
    """
    return _parse_alone(_parse_phone, values)


def normalize_zips(values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """ZIP codes as the directory stores them: 5 characters, leading zeros restored.

    Returns the normalized strings and a mask of the values that had text but
    did not parse (see :func:`normalize_phones`).
    """
    return _parse_alone(_parse_zip, values)


def _parse_alone(parser: Callable[[pa.Array, str, _Problems], pa.Array], values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    values = values.cast(pa.string())
    text = _clean_text(values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values)
    parsed = parser(text, "", _Problems(entries=[]))
    return parsed, _bad(text, parsed)


def _report_duplicates(keys: pa.Array, problems: _Problems, *, header: str) -> None:
    if _all_distinct(keys):  # the usual case, told in Arrow and numpy; the groups are formed only when not
        return
    values = pd.Series(keys.to_pandas(), dtype=object)
    dup = values.duplicated(keep=False) & values.notna()
    if not dup.any():
        return
    groups = values[dup].groupby(values[dup]).groups
    for key, index in groups.items():
        rows = [int(i) + 1 for i in index]
        for row in rows:
            others = ", ".join(str(r) for r in rows if r != row)
            problems.entries.append({
                "row": row,
                "column": header,
                "raw_value": key,
                "problem": f"duplicate account number (also on row {others}); both rows are kept",
            })


def _all_distinct(keys: pa.Array) -> bool:
    """Whether the non-null values of string array ``keys`` are all different.

    The City's account numbers are digits without a leading zero, which are different exactly when their
    numbers are: those are told apart as integers (a bitmap over their range, else sorted), anything else
    by hashing the text.
    """
    present = keys.drop_null() if keys.null_count else keys
    n = len(present)
    if n < 2:
        return True
    parts = _string_buffers(present)
    if parts is not None and _digits_only(present).all():
        offsets, data = parts
        size = offsets[1:] - offsets[:-1]
        if int(size.max()) <= 18 and not np.any((data[offsets[:-1]] == 48) & (size > 1)):
            numbers = np.asarray(pc.cast(present, pa.int64()))
            low, high = int(numbers.min()), int(numbers.max())
            if high - low < 16 * n:
                seen = np.zeros(high - low + 1, dtype=bool)
                seen[numbers - low] = True
                return int(np.count_nonzero(seen)) == n
            numbers = np.sort(numbers)
            return not bool(np.any(numbers[1:] == numbers[:-1]))
    return len(pc.unique(present)) == n


def _report_odd_account_numbers(keys: pa.Array, problems: _Problems, *, header: str) -> None:
    """Account numbers that are not plain letters and digits (the City's are digits): a quote there is
    the sign of a cell whose quoting broke, and a space or other mark of a misread cell."""
    odd = _valid(keys) & ~_digits_only(keys)  # digits (the City's keys) are plain: the pattern runs on the rest
    if odd.any():
        odd[odd] = ~_mask(pc.match_substring_regex(keys.filter(pa.array(odd)), r"^[A-Za-z0-9]+$"))

    def problem(value: str) -> str:
        if '"' in value or "\u201c" in value or "\u201d" in value:
            return ("account number holds a quote: a cell's quoting is probably broken on this row "
                    "of the source (a missing opening or closing quote); the firm is kept as read")
        marks = sorted({ch for ch in value if not ch.isalnum()})
        shown = ", ".join("space" if ch == " " else repr(ch) for ch in marks) or "non-ASCII letters"
        return (f"account number is not plain letters and digits (holds {shown}): the cell may be "
                f"misread; the firm is kept as read")

    problems.add(odd, header, keys, problem)


# --------------------------------------------------------------------------- accessors


def directory_metadata(df: pd.DataFrame) -> dict[str, Any]:
    """Where a loaded directory came from: ``source``, ``source_kind``, ``snapshot_date``, and more.

    Live snapshots add ``source_url``, ``dataset_id``, ``fetched_at``,
    ``row_count`` and the dataset's ``data_updated_at`` when the API gives it.
    """
    return {k: v for k, v in _meta(df).items() if k != "validation"}


def _meta(df: pd.DataFrame) -> dict[str, Any]:
    meta = df.attrs.get(METADATA_KEY)
    if meta is None:
        meta = {"source": "DataFrame", "source_kind": "dataframe", "validation": _SharedList()}
        df.attrs[METADATA_KEY] = meta
    return meta


def validation_report(df: pd.DataFrame) -> pd.DataFrame:
    """The problems found while loading ``df``, one row per problem cell.

    Columns: ``row`` (1-based record number in the source, header excluded),
    ``account_number``, ``column`` (the source's header), ``raw_value`` and
    ``problem``. Empty (with these columns) when the source was clean.
    """
    entries = list(_meta(df).get("validation") or [])
    return pd.DataFrame(entries, columns=list(REPORT_COLUMNS))


def unique_firms(df: pd.DataFrame) -> pd.DataFrame:
    """One row per account number, for consumers that need unique keys.

    Rule: among rows sharing an account number, the one whose certification
    runs latest (``certification_expires``, missing dates last) wins; on a
    tie, the later row in the source (the newer record) wins. Rows without an
    account number are kept. Source order is preserved.
    """
    if df["account_number"].is_unique:
        return df
    order = pd.DataFrame({
        "key": df["account_number"].astype(object),
        "exp": df["certification_expires"].astype("datetime64[s]"),
        "pos": np.arange(len(df)),
    })
    ranked = order.sort_values(["exp", "pos"], na_position="first")
    keep = ~ranked["key"].duplicated(keep="last") | ranked["key"].isna()
    return df.iloc[np.sort(ranked.loc[keep, "pos"].to_numpy())]


def directory_summary(df: pd.DataFrame) -> dict[str, Any]:
    """Counts an analyst checks first: firms, by certification and by borough, and the source."""
    meta = directory_metadata(df)
    certs = df["certifications"].explode().value_counts()
    boroughs = df["borough"].fillna("(outside NYC / not geocoded)").value_counts()
    return {
        "source": meta.get("source"),
        "source_kind": meta.get("source_kind"),
        "snapshot_date": meta.get("snapshot_date") or meta.get("fetched_at"),
        "firms": int(len(df)),
        "unique_account_numbers": int(df["account_number"].nunique()),
        "by_certification": {str(k): int(v) for k, v in certs.items()},
        "by_borough": {str(k): int(v) for k, v in boroughs.items()},
        "validation_problems": len(_meta(df).get("validation") or []),
    }
