"""Directory stage, cache: where live snapshots of the normalized directory are kept on disk.

A snapshot is a Parquet file of the normalized directory with its metadata
(source URL, dataset id, fetch time, row count, library version), written by
:func:`mwbe_match.fetch_directory`. This module only knows paths and files;
it does not parse or fetch anything.

The cache directory is, in order: the ``cache_dir`` argument, the
``MWBE_MATCH_CACHE`` environment variable, or a per-user default
(``$XDG_CACHE_HOME/mwbe_match`` or ``~/.cache/mwbe_match``;
``%LOCALAPPDATA%\\mwbe_match`` on Windows).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Mapping

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ._atomic import atomic_path
from .schema import DIRECTORY_COLUMNS, DIRECTORY_SCHEMA
from .validation import positive_int

__all__ = [
    "default_cache_dir",
    "resolve_cache_dir",
    "list_snapshots",
    "newest_snapshot",
    "snapshot_name",
    "snapshot_time",
    "write_snapshot",
    "prune_snapshots",
    "check_keep",
    "SNAPSHOT_METADATA_KEY",
    "DEFAULT_KEEP",
]

#: Key of the JSON metadata in a snapshot's Parquet schema metadata.
#: ``directory.METADATA_KEY`` is this key: the loader reads the metadata back
#: from it into ``df.attrs``.
SNAPSHOT_METADATA_KEY = "mwbe_match"

#: How many snapshots :func:`prune_snapshots` keeps unless told otherwise.
DEFAULT_KEEP = 5

_TIME_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME_TIME = re.compile(r"-(\d{8}T\d{12}Z)\.parquet$")
# Temporary files older than this are leftovers of a killed process, not a write in progress.
_STALE_TEMP_SECONDS = 24 * 3600


def default_cache_dir() -> Path:
    """The per-user cache directory (not created)."""
    env = os.environ.get("MWBE_MATCH_CACHE")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "mwbe_match"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "mwbe_match"


def resolve_cache_dir(cache_dir: str | os.PathLike | None = None) -> Path:
    """``cache_dir`` if given, else :func:`default_cache_dir`."""
    return Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()


def list_snapshots(cache_dir: str | os.PathLike | None = None, dataset_id: str | None = None) -> list[Path]:
    """Snapshot files in the cache, oldest first.

    Snapshots are named ``{dataset_id}-{UTC fetch time, YYYYMMDDTHHMMSSffffffZ}.parquet``,
    so their names sort by fetch time; names starting with ``.`` are temporary files.
    """
    folder = resolve_cache_dir(cache_dir)
    if not folder.is_dir():
        return []
    pattern = f"{dataset_id}-*.parquet" if dataset_id else "*-*.parquet"
    found = [p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith(".")]
    return sorted(found, key=_sort_key)


def _sort_key(path: Path) -> tuple[float, str]:
    when = snapshot_time(path)
    stamp = when.timestamp() if when is not None else path.stat().st_mtime
    return stamp, path.name


def newest_snapshot(cache_dir: str | os.PathLike | None = None, dataset_id: str | None = None) -> Path | None:
    """The most recent snapshot file, or ``None`` when the cache holds none."""
    found = list_snapshots(cache_dir, dataset_id)
    return found[-1] if found else None


def snapshot_name(dataset_id: str, fetched_at: _dt.datetime) -> str:
    """File name of a snapshot: ``{dataset_id}-{UTC time YYYYMMDDTHHMMSSffffffZ}.parquet``.

    A naive ``fetched_at`` is taken to be UTC.
    """
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=_dt.timezone.utc)
    return f"{dataset_id}-{fetched_at.astimezone(_dt.timezone.utc).strftime(_TIME_FORMAT)}.parquet"


def snapshot_time(path: str | os.PathLike) -> _dt.datetime | None:
    """The UTC fetch time encoded in a snapshot's file name, or ``None`` if the name has none."""
    match = _NAME_TIME.search(Path(path).name)
    if match is None:
        return None
    try:
        return _dt.datetime.strptime(match.group(1), _TIME_FORMAT).replace(tzinfo=_dt.timezone.utc)
    except ValueError:
        return None


def write_snapshot(
    df: pd.DataFrame,
    cache_dir: str | os.PathLike | None = None,
    *,
    dataset_id: str,
    fetched_at: _dt.datetime | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> Path:
    """Write a normalized directory frame to the cache as a snapshot, atomically.

    Args:
        df: a normalized directory (the columns of
            :data:`~mwbe_match.schema.DIRECTORY_SCHEMA`).
        cache_dir: the cache folder (see :func:`resolve_cache_dir`); created if missing.
        dataset_id: the dataset's id; the file name starts with it.
        fetched_at: when the data was fetched (default: now); the file name ends with it.
        metadata: JSON-serializable metadata to store in the Parquet schema
            metadata under :data:`SNAPSHOT_METADATA_KEY` (default:
            ``df.attrs["mwbe_match"]``). A ``path`` entry is not stored:
            the loader adds the path a snapshot was read from.

    Returns:
        The path of the new snapshot. The file appears complete or not at
        all (temporary file, then rename); earlier snapshots are untouched.

    Raises:
        ValueError: ``df`` lacks columns of the normalized directory, or one
            has the wrong type.
    """
    missing = [c for c in DIRECTORY_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(
            "write_snapshot() needs a normalized directory frame; missing column(s) " + ", ".join(missing)
        )
    if metadata is None:
        metadata = df.attrs.get(SNAPSHOT_METADATA_KEY) or {}
    stored = {k: v for k, v in metadata.items() if k != "path"}
    try:
        table = pa.Table.from_pandas(df[list(DIRECTORY_COLUMNS)], preserve_index=False).cast(DIRECTORY_SCHEMA)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
        raise ValueError(f"cannot write snapshot: a column has the wrong type: {exc}") from exc
    table = table.replace_schema_metadata(
        {SNAPSHOT_METADATA_KEY: json.dumps(stored, ensure_ascii=False, default=str)}
    )
    when = fetched_at or _dt.datetime.now(_dt.timezone.utc)
    target = resolve_cache_dir(cache_dir) / snapshot_name(dataset_id, when)
    with atomic_path(target, overwrite=False) as tmp:
        pq.write_table(table, tmp)
    return target


def check_keep(keep: object) -> int:
    """``keep`` as an ``int``; ``ValueError`` unless it is a whole number of at least 1."""
    return positive_int("keep", keep)


def prune_snapshots(
    cache_dir: str | os.PathLike | None = None,
    *,
    keep: int = DEFAULT_KEEP,
    dataset_id: str | None = None,
) -> list[Path]:
    """Delete all but the ``keep`` newest snapshots (of ``dataset_id``, or of any dataset).

    Temporary files left behind by a killed process (``.*.tmp`` older than a
    day) are removed too.

    Returns:
        The snapshot files removed, oldest first.

    Raises:
        ValueError: ``keep`` is less than 1.
    """
    keep = check_keep(keep)
    found = list_snapshots(cache_dir, dataset_id)
    removed = found[:-keep]
    for path in removed:
        path.unlink(missing_ok=True)
    folder = resolve_cache_dir(cache_dir)
    if folder.is_dir():
        cutoff = time.time() - _STALE_TEMP_SECONDS
        for tmp in folder.glob(".*.parquet.*.tmp"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
            except FileNotFoundError:
                pass
    return removed
