"""Write files atomically: to a temporary file beside the target, then rename.

A reader never sees a half-written file, and a write that fails or is killed
leaves whatever was at the target before untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

__all__ = ["atomic_path", "refuse_existing"]


def refuse_existing(target: Path, overwrite: bool) -> None:
    """Raise ``FileExistsError`` if ``target`` exists and ``overwrite`` is false."""
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} already exists; pass overwrite=True (--overwrite) to replace it")


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success, rename it onto ``target``.

    The temporary file is named ``.{target name}.*.tmp`` so that globs for the
    real files skip it. On an exception it is removed and the target is left
    as it was.

    Raises:
        FileExistsError: ``overwrite`` is false and ``target`` exists.
    """
    target = Path(target)
    refuse_existing(target, overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "r+b") as fh:  # writable: on Windows fsync (_commit) fails with EBADF on a read-only handle
            os.fsync(fh.fileno())
        if not overwrite and target.exists():
            raise FileExistsError(f"{target} already exists; pass overwrite=True (--overwrite) to replace it")
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
