"""Participation stage, output: writing plans and utilization reports: several tables, one call, atomically, with metadata.

A plan has three tables and a utilization report two. :func:`write_tables`
writes them for a main output path ``OUT``:

=============  ==============================  ===============================
format         plan                            utilization report
=============  ==============================  ===============================
``parquet``    ``OUT`` = assignments,          ``OUT`` = payments,
               ``<stem>.attainment.parquet``,  ``<stem>.by_group.parquet``
               ``<stem>.alternates.parquet``
``csv``        the same names with ``.csv``    the same names with ``.csv``
               plus ``<stem>.metadata.json``   plus ``<stem>.metadata.json``
=============  ==============================  ===============================

Parquet files carry the metadata document in their schema metadata under the
key ``mwbe_match`` (``kind``, ``table``, ``tables``, ``library_version``,
``created_at``, ``parameters``, ``directory``). CSV is UTF-8 with a BOM (Excel
reads Korean then), lists joined with ``"; "``, and text that Excel would run
as a formula prefixed with ``'``.

Formats are looked up in :data:`TABLE_WRITERS` (format name -> writer); an
Excel writer plugs in there (one workbook, one sheet per table) without
changes elsewhere.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
from pathlib import Path
from typing import Any, Callable, Mapping

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .._atomic import atomic_path, refuse_existing
from .._version import __version__
from ..excel import neutralize_text

__all__ = ["write_tables", "TABLE_WRITERS", "METADATA_KEY", "output_paths", "output_format"]

#: Key of the JSON metadata document in Parquet schema metadata (the same key the batch jobs use).
METADATA_KEY = "mwbe_match"

Writer = Callable[[Mapping[str, pd.DataFrame], Mapping[str, Path], Mapping[str, Any]], None]


def output_format(out: str | os.PathLike, format: str | None) -> str:
    """The output format: ``format`` if given, else from OUT's suffix (``.csv``, ``.xlsx``), else ``parquet``."""
    suffix = Path(out).suffix.lower()
    by_suffix = _SUFFIXES.get(suffix)
    if format is not None:
        fmt = str(format).lower()
        if fmt not in TABLE_WRITERS:
            raise ValueError(f"format must be one of {', '.join(sorted(TABLE_WRITERS))}, got {fmt!r}")
        if suffix and by_suffix != fmt:
            raise ValueError(f"cannot write {out}: format {fmt!r} does not match the extension {suffix!r}")
        return fmt
    if by_suffix is None:
        raise ValueError(f"cannot write {out}: {'the extension ' + repr(suffix) if suffix else 'a name without an extension'}"
                         f" is not an output format this library writes; end the name in "
                         f"{', '.join(sorted(_SUFFIXES))}")
    return by_suffix


def output_paths(out: str | os.PathLike, names: list[str], fmt: str) -> dict[str, Path]:
    """Where each table goes: the first at ``out``, the others beside it as ``<stem>.<table><suffix>``."""
    out = Path(out)
    if out.is_dir():
        raise ValueError(f"output {out} is a folder; give a file name such as {out / ('plan.' + fmt)}")
    suffix = out.suffix or f".{fmt}"
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    paths = {names[0]: out if out.suffix else out.with_name(out.name + suffix)}
    for name in names[1:]:
        paths[name] = out.with_name(f"{stem}.{name}{suffix}")
    if fmt == "csv":
        paths["metadata"] = out.with_name(f"{stem}.metadata.json")
    return paths


def write_tables(tables: Mapping[str, pd.DataFrame], out: str | os.PathLike, *, kind: str,
                 parameters: Mapping[str, Any], directory: Mapping[str, Any] | None = None,
                 format: str | None = None, overwrite: bool = False) -> dict[str, Path]:
    """Write ``tables`` (first = main table) for output path ``out``; all files appear together or none do.

    Returns:
        ``{table name: path}`` of every file written (and ``metadata`` for CSV).

    Raises:
        FileExistsError: a target exists and ``overwrite`` is false (checked
            before anything is written).
        ValueError: an unknown format, or ``out`` is a folder.
    """
    fmt = output_format(out, format)
    names = list(tables)
    paths = output_paths(out, names, fmt) if fmt != "xlsx" else {n: Path(out) for n in names}
    for p in set(paths.values()):
        refuse_existing(p, overwrite)
    document = {
        "kind": kind,
        "library_version": __version__,
        "created_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "tables": {n: paths[n].name for n in names},
        "parameters": dict(parameters),
        "directory": {k: v for k, v in (directory or {}).items() if k not in ("validation", "path")},
    }
    TABLE_WRITERS[fmt](tables, paths, document)
    return dict(paths)


def _parquet(tables: Mapping[str, pd.DataFrame], paths: Mapping[str, Path], document: Mapping[str, Any]) -> None:
    with contextlib.ExitStack() as stack:  # every file is renamed into place only when all were written
        for name, frame in tables.items():
            tmp = stack.enter_context(atomic_path(paths[name], overwrite=True))
            table = pa.Table.from_pandas(frame, preserve_index=False)
            meta = dict(table.schema.metadata or {})
            meta[METADATA_KEY.encode()] = json.dumps({**document, "table": name}, ensure_ascii=False,
                                                     default=str).encode("utf-8")
            pq.write_table(table.replace_schema_metadata(meta), tmp)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)):
        value = "; ".join(str(v) for v in list(value))
    return neutralize_text(value) if isinstance(value, str) else value


def _csv(tables: Mapping[str, pd.DataFrame], paths: Mapping[str, Path], document: Mapping[str, Any]) -> None:
    with contextlib.ExitStack() as stack:
        for name, frame in tables.items():
            tmp = stack.enter_context(atomic_path(paths[name], overwrite=True))
            text = frame.copy()
            for c in text.columns:
                if pd.api.types.is_object_dtype(text[c].dtype) or isinstance(text[c].dtype, pd.ArrowDtype) and (
                        pa.types.is_string(text[c].dtype.pyarrow_dtype) or pa.types.is_list(text[c].dtype.pyarrow_dtype)):
                    text[c] = [None if v is None or v is pd.NA else _csv_cell(v) for v in text[c].tolist()]
            text.to_csv(tmp, index=False, encoding="utf-8-sig")
        tmp = stack.enter_context(atomic_path(paths["metadata"], overwrite=True))
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str), encoding="utf-8")


def _xlsx(tables: Mapping[str, pd.DataFrame], paths: Mapping[str, Path], document: Mapping[str, Any]) -> None:
    """One workbook: a sheet per table (Assignments, Attainment, ...), then About (needs the ``excel`` extra)."""
    from ..excel import write_sheets

    out = paths[next(iter(tables))]
    write_sheets(out, {name.replace("_", " ").capitalize(): frame for name, frame in tables.items()},
                 about=document, overwrite=True)


#: File name extensions of each output format (a name must end in one: never Parquet under another name).
_SUFFIXES: dict[str, str] = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".xlsx": "xlsx"}

#: Output formats: name -> writer(tables, paths, metadata document).
TABLE_WRITERS: dict[str, Writer] = {"parquet": _parquet, "csv": _csv, "xlsx": _xlsx}
