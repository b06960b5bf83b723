"""Where live snapshots of the directory are kept on disk.

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

import os
import sys
from pathlib import Path

__all__ = ["default_cache_dir", "resolve_cache_dir", "list_snapshots", "newest_snapshot"]


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
    return sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith("."))


def newest_snapshot(cache_dir: str | os.PathLike | None = None, dataset_id: str | None = None) -> Path | None:
    """The most recent snapshot file, or ``None`` when the cache holds none."""
    found = list_snapshots(cache_dir, dataset_id)
    return found[-1] if found else None
