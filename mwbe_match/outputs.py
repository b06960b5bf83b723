"""Outputs stage, files (the last stage of the pipeline): formats, checks, the metadata document, atomic writers.

Every file the library writes as a result (a shortlist or verify job, the
``changes`` table, a participation plan, a utilization report) goes through
this module:

- :data:`OUTPUT_FORMATS` is the one registry of output formats (``parquet``,
  ``csv``, ``xlsx``): their file name extensions, a streaming ``sink`` (a
  context manager yielding ``write(table)``, called once per chunk) and a
  writer of several tables for one output (:func:`write_tables`).
  :func:`output_format` names the format of a path's extension.
- :func:`check_output` refuses, before any work, what no writer produces: a
  folder, an unknown extension, a format that does not match the extension,
  an existing file without ``overwrite``. The messages name the path.
- :func:`metadata_document` builds the JSON document describing an output
  (``kind``, ``library_version``, ``created_at``, then the caller's sections:
  ``input``, ``directory``, ``parameters``, ``tables``, ...). Parquet files
  carry it in their schema metadata under :data:`METADATA_KEY`, workbooks
  on their About sheet, CSV outputs of several tables in
  ``<stem>.metadata.json``.
- :func:`excel_safe` is the Excel-safe text of a table, as CSV holds it:
  lists and maps joined with ``"; "``, text that Excel would run as a
  formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) prefixed
  with ``'``. CSV is UTF-8 with a byte-order mark (Excel then reads Korean).
- :func:`write_table` writes one table, :func:`write_tables` several (all
  their files appear together or none do). Files are written to a temporary
  file beside the target and renamed when complete: a failed or interrupted
  write leaves no partial file and the last good output untouched.

A new format is one entry in :data:`OUTPUT_FORMATS`; the batch jobs, the
command line's ``--format`` choices and the participation outputs all read
it from there.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import pandas as pd
import pyarrow as pa

from ._atomic import atomic_path, refuse_existing
from ._version import __version__
from .excel import excel_text
from .i18n import column_labels, translate_table

__all__ = [
    "METADATA_KEY",
    "OutputFormat",
    "OUTPUT_FORMATS",
    "output_format",
    "check_output",
    "output_paths",
    "metadata_document",
    "schema_metadata",
    "open_sink",
    "excel_safe",
    "write_table",
    "write_tables",
    "TablesWriter",
]

#: Key of the JSON document in an output file's schema metadata.
METADATA_KEY = "mwbe_match"

#: Keys of a directory's load metadata left out of an output's ``directory`` section.
_DIRECTORY_KEYS_LEFT_OUT = ("validation", "path")

#: ``writer(tables, paths, document)``: writes an output's several tables (see :attr:`OutputFormat.write_tables`).
TablesWriter = Callable[..., None]  # (tables, paths, document, *, overwrite) -> None


# --------------------------------------------------------------------------- formats


@dataclass(frozen=True)
class OutputFormat:
    """An output file format: the file name extensions it is written under and its writers.

    ``sink(path, schema, lang)`` is a context manager yielding ``write(table)``,
    called once per chunk with a :class:`pyarrow.Table` of ``schema``.
    ``write_tables(tables, paths, document, overwrite=...)`` writes several
    tables of one output (``{name: table}``) to ``paths`` (from
    :func:`output_paths`) with the metadata document, replacing a file only
    with ``overwrite``; :func:`write_tables` calls it. Default: each
    table in its own file through ``sink`` (with the document in its schema
    metadata), and ``paths["metadata"]``, when there, the document as JSON.
    """

    suffixes: tuple[str, ...]
    sink: Any
    write_tables: TablesWriter = None  # type: ignore[assignment]  # set from ``sink`` when not given

    def __post_init__(self) -> None:
        if self.write_tables is None:
            object.__setattr__(self, "write_tables", _file_per_table(self.sink))


def output_format(path: str | os.PathLike) -> str | None:
    """The name of the output format written under ``path``'s extension (any case), or None."""
    suffix = Path(path).suffix.lower()
    return next((name for name, spec in OUTPUT_FORMATS.items() if suffix in spec.suffixes), None)


def check_output(out_path: str | os.PathLike, format: str | None = None,
                 overwrite: bool = False) -> tuple[Path, str]:
    """The output path and its format; refuse, before any work, what the writers do not produce.

    Args:
        out_path: the output file.
        format: a name in :data:`OUTPUT_FORMATS` (any case); default: the one
            ``out_path``'s extension names.
        overwrite: whether an existing file may be replaced.

    Raises:
        ValueError: ``format`` is unknown; ``out_path`` is a folder; its
            extension is none the library writes; ``format`` does not match it.
        ImportError: an Excel workbook without XlsxWriter (names the extra).
        FileExistsError: ``out_path`` exists and ``overwrite`` is false.
    """
    out = Path(out_path)
    fmt = format.lower() if isinstance(format, str) else format
    if fmt is not None and fmt not in OUTPUT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, OUTPUT_FORMATS))}, got {format!r}")
    by_suffix = output_format(out)
    if fmt == "xlsx" or (fmt is None and by_suffix == "xlsx"):
        from .excel import require_xlsxwriter

        require_xlsxwriter()  # before any work: the message names the extra to install
    if out.is_dir():
        raise ValueError(f"output {out} is a folder; give a file name such as {out / ('results.' + (fmt or 'parquet'))}")
    suffix = out.suffix.lower()
    if by_suffix is None:
        raise ValueError(
            f"cannot write {out}: {'the extension ' + repr(suffix) if suffix else 'a name without an extension'} "
            f"is not an output format this library writes; end the name in {_suffix_list()}"
        )
    if fmt is not None and fmt != by_suffix:
        raise ValueError(f"cannot write {out}: format {fmt!r} does not match the extension {suffix!r} "
                         f"(which is {by_suffix}); name the file {out.with_suffix(OUTPUT_FORMATS[fmt].suffixes[0]).name}")
    refuse_existing(out, overwrite)  # fail before any work; atomic_path checks again at the end
    return out, by_suffix


def _suffix_list() -> str:
    suffixes = [s for spec in OUTPUT_FORMATS.values() for s in spec.suffixes]
    return ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]


def output_paths(out_path: str | os.PathLike, names: list[str], fmt: str) -> dict[str, Path]:
    """Where each of an output's tables goes, by table name.

    An Excel workbook holds every table (one sheet each) at ``out_path``;
    otherwise the first table is at ``out_path`` and the others beside it as
    ``<stem>.<table><suffix>``, and CSV adds ``metadata``: ``<stem>.metadata.json``.
    """
    out = Path(out_path)
    if fmt == "xlsx":
        return dict.fromkeys(names, out)
    suffix = out.suffix or OUTPUT_FORMATS[fmt].suffixes[0]
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    paths = {names[0]: out.with_name(stem + suffix)}
    for name in names[1:]:
        paths[name] = out.with_name(f"{stem}.{name}{suffix}")
    if fmt == "csv":  # CSV has no place for the metadata document: it goes beside the tables
        paths["metadata"] = out.with_name(f"{stem}.metadata.json")
    return paths


# --------------------------------------------------------------------------- the metadata document


def metadata_document(kind: str, **sections: Any) -> dict[str, Any]:
    """The JSON document describing an output: ``kind``, ``library_version``, ``created_at``, then ``sections``.

    Sections keep the order given (the About sheet of a workbook lists them
    so). A ``directory`` section (a directory's load metadata) is stored
    without its ``validation`` report and local ``path``.
    """
    if isinstance(sections.get("directory"), Mapping):
        sections["directory"] = {k: v for k, v in sections["directory"].items() if k not in _DIRECTORY_KEYS_LEFT_OUT}
    return {
        "kind": kind,
        "library_version": __version__,
        "created_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        **sections,
    }


def schema_metadata(document: Mapping[str, Any]) -> dict[bytes, bytes]:
    """Schema metadata holding ``document`` under :data:`METADATA_KEY` (for ``schema.with_metadata``)."""
    return {METADATA_KEY.encode(): json.dumps(document, ensure_ascii=False, default=str).encode("utf-8")}


def _with_document(table: pa.Table, document: Mapping[str, Any]) -> pa.Table:
    """``table`` carrying ``document`` in its schema metadata (other entries, such as pandas', are kept)."""
    return table.replace_schema_metadata({**(table.schema.metadata or {}), **schema_metadata(document)})


def _document_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, default=str)


# --------------------------------------------------------------------------- sinks


@contextlib.contextmanager
def _parquet_sink(path: Path, schema: pa.Schema, lang: str = "en") -> Iterator[Any]:
    """A ``write(table)`` function appending to ``path`` as Parquet (``lang="ko"``: reasons in Korean)."""
    import pyarrow.parquet as pq

    with pq.ParquetWriter(path, schema) as writer:
        yield lambda table: writer.write_table(translate_table(table, lang, codes=False))


@contextlib.contextmanager
def _csv_sink(path: Path, schema: pa.Schema, lang: str = "en") -> Iterator[Any]:
    """A ``write(table)`` function appending to ``path`` as Excel-safe CSV (UTF-8 with BOM, see :func:`excel_safe`).

    With ``lang="ko"``: Korean headers, status values and reasons.
    """
    import pyarrow.csv as pacsv

    labels = column_labels(schema.names, lang)
    text_schema = _text_schema(schema, labels)
    with open(path, "wb") as fh:
        fh.write(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel then reads Korean correctly
        with pacsv.CSVWriter(fh, text_schema) as writer:
            yield lambda table: writer.write_table(excel_safe(translate_table(table, lang), text_schema))


@contextlib.contextmanager
def _xlsx_sink(path: Path, schema: pa.Schema, lang: str = "en") -> Iterator[Any]:
    """A ``write(table)`` function appending to an Excel workbook at ``path`` (Results, Needs, About sheets).

    With ``lang="ko"``: Korean headers, sheet names, code values and reasons.
    """
    from .excel import SHEET_NAMES, WorkbookWriter
    from .i18n import VALUE_LABELS_KO, sheet_name

    about = json.loads((schema.metadata or {}).get(METADATA_KEY.encode(), b"{}"))
    korean = lang == "ko"
    names = list(schema.names) + ["company", "text", "suppliers", "explanation"]
    with WorkbookWriter(path, schema, about=about, background=True,
                        labels=column_labels(names, lang) if korean else None,
                        value_labels=VALUE_LABELS_KO if korean else None,
                        sheet_names={role: sheet_name(role, lang) for role in SHEET_NAMES} if korean else None,
                        ) as workbook:
        yield lambda table: workbook.write(translate_table(table, lang, codes=False))


def open_sink(path: str | os.PathLike, schema: pa.Schema, format: str,
              lang: str = "en") -> contextlib.AbstractContextManager:
    """A context manager yielding ``write(table)``, appending to ``path`` in ``format`` (see :data:`OUTPUT_FORMATS`).

    ``path`` is written in place: open it on :func:`mwbe_match._atomic.atomic_path`'s
    temporary file, as :func:`write_table` does. ``schema``'s metadata is the
    Parquet file's (and a workbook's About sheet).
    """
    return OUTPUT_FORMATS[format].sink(Path(path), schema, lang)


# --------------------------------------------------------------------------- Excel-safe text


def _is_texty(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_list(t) \
        or pa.types.is_large_list(t) or pa.types.is_map(t)


def _text_schema(schema: pa.Schema, labels: Mapping[str, str] | None = None) -> pa.Schema:
    """``schema`` as CSV holds it: text, list and map columns as text, renamed by ``labels``."""
    labels = labels or {}
    return pa.schema([pa.field(labels.get(f.name, f.name), pa.string() if _is_texty(f.type) else f.type)
                      for f in schema])


def excel_safe(table: pa.Table, text_schema: pa.Schema | None = None) -> pa.Table:
    """``table`` as Excel-safe text: lists and maps joined with ``"; "``, formula-like text prefixed with ``'``.

    A map is written ``"key: value; key: value"``; text starting with ``=``,
    ``+``, ``-``, ``@``, tab or CR gets a leading ``'``, so a spreadsheet never
    runs it (:func:`mwbe_match.excel.excel_text`, as in the workbooks). Other
    columns are unchanged. ``text_schema`` (the columns as
    written, default: ``table``'s with text, list and map columns as
    ``string``) may rename the columns.
    """
    if text_schema is None:
        text_schema = _text_schema(table.schema)
    columns = []
    for f, column in zip(text_schema, table.columns):
        if pa.types.is_string(f.type):
            column = excel_text(column)
        columns.append(column)
    return pa.table(columns, schema=text_schema)


# --------------------------------------------------------------------------- writers


def _as_table(table: pa.Table | pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(table, preserve_index=False) if isinstance(table, pd.DataFrame) else table


def write_table(
    table: pa.Table | pd.DataFrame,
    out_path: str | os.PathLike,
    *,
    format: str | None = None,
    overwrite: bool = False,
    kind: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> Path:
    """Write a result table the way the batch jobs write theirs: Parquet, Excel-safe CSV or Excel, atomically.

    ``format``: a name in :data:`OUTPUT_FORMATS` (default: from the suffix;
    see :func:`check_output`). The file appears complete or not at all; an
    existing file is replaced only with ``overwrite``. With ``kind``, the file's
    metadata (Parquet schema metadata under :data:`METADATA_KEY`, a workbook's
    About sheet) is the :func:`metadata_document` of ``kind`` and ``metadata``'s
    entries. Returns the path written.
    """
    out, fmt = check_output(out_path, format, overwrite)
    table = _as_table(table)
    if kind is not None:
        table = _with_document(table, metadata_document(kind, **(metadata or {})))
    with atomic_path(out, overwrite=overwrite) as tmp, open_sink(tmp, table.schema, fmt) as write:
        write(table)
    return out


def write_tables(tables: Mapping[str, pa.Table | pd.DataFrame], out_path: str | os.PathLike, *, kind: str,
                 parameters: Mapping[str, Any], directory: Mapping[str, Any] | None = None,
                 format: str | None = None, overwrite: bool = False) -> dict[str, Path]:
    """Write an output of several tables (first = main table) for ``out_path``; all files appear together or none do.

    Files as :func:`output_paths` places them: Parquet and CSV a file per
    table (CSV plus ``<stem>.metadata.json``), Excel one workbook with a sheet
    per table. The :func:`metadata_document` (``kind``, ``library_version``,
    ``created_at``, ``tables``, ``parameters``, ``directory``) goes in each
    Parquet file's schema metadata (with ``table``: which one it is), in the
    CSV metadata file, on the workbook's About sheet.

    Returns:
        ``{table name: path}`` of every file written (and ``metadata`` for CSV).

    Raises:
        FileExistsError: a target exists and ``overwrite`` is false (checked
            before anything is written).
        ValueError: as :func:`check_output`: an unknown format or extension, a
            format that does not match the extension, ``out_path`` a folder.
    """
    names = list(tables)
    if not names:
        raise ValueError("write_tables needs at least one table")
    out, fmt = check_output(out_path, format, overwrite)
    paths = output_paths(out, names, fmt)
    for path in set(paths.values()):
        refuse_existing(path, overwrite)
    document = metadata_document(kind, tables={n: paths[n].name for n in names}, parameters=dict(parameters),
                                 directory=dict(directory or {}))
    OUTPUT_FORMATS[fmt].write_tables(tables, paths, document, overwrite=overwrite)
    return dict(paths)


def _file_per_table(sink: Any) -> TablesWriter:
    """A writer of several tables, each in its own file through ``sink`` (and ``metadata`` as JSON)."""

    def write(tables: Mapping[str, Any], paths: Mapping[str, Path], document: Mapping[str, Any], *,
              overwrite: bool = False) -> None:
        with contextlib.ExitStack() as stack:  # every file is renamed into place only when all were written
            for name, table in tables.items():
                table = _with_document(_as_table(table), {**document, "table": name})
                tmp = stack.enter_context(atomic_path(paths[name], overwrite=overwrite))
                with sink(tmp, table.schema) as write_chunk:
                    write_chunk(table)
            if "metadata" in paths:
                tmp = stack.enter_context(atomic_path(paths["metadata"], overwrite=overwrite))
                tmp.write_text(_document_json(document), encoding="utf-8")

    return write


def _one_workbook(tables: Mapping[str, Any], paths: Mapping[str, Path], document: Mapping[str, Any], *,
                  overwrite: bool = False) -> None:
    """One workbook: a sheet per table (Assignments, Attainment, ...), then About (needs the ``excel`` extra)."""
    from .excel import write_sheets

    out = paths[next(iter(tables))]
    write_sheets(out, {name.replace("_", " ").capitalize(): _as_table(t) for name, t in tables.items()},
                 about=document, overwrite=overwrite)


#: Output formats by name (the ``format=`` / ``--format`` values), with their extensions. An output
#: path must end in one of its format's extensions: no file is ever written under another format's name.
OUTPUT_FORMATS: dict[str, OutputFormat] = {
    "parquet": OutputFormat((".parquet", ".pq"), _parquet_sink),
    "csv": OutputFormat((".csv",), _csv_sink),
    "xlsx": OutputFormat((".xlsx",), _xlsx_sink, _one_workbook),
}
