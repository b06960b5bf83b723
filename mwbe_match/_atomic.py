"""Shared utility (every stage that writes files): write files atomically: to a temporary file beside the target, then rename.

A reader never sees a half-written file, and a write that fails or is killed
leaves whatever was at the target before untouched. The file is created with
the permissions the umask gives (``0644`` under the usual ``022``), like any
file the user writes, not the private ``0600`` of :func:`tempfile.mkstemp`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import Iterator

__all__ = ["atomic_path", "refuse_existing"]

_TRIES = 100


def refuse_existing(target: Path, overwrite: bool) -> None:
    """Raise ``FileExistsError`` if ``target`` exists and ``overwrite`` is false."""
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} already exists; pass overwrite=True (--overwrite) to replace it")


def _create_temporary(folder: Path, name: str) -> Path:
    """A new empty file ``.{name}.XXXXXXXX.tmp`` in ``folder``, mode ``0666`` less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_TRIES):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, flags, 0o666)  # the kernel applies the umask, as for any new file
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, f"no free temporary file name in {folder}", str(folder))


def _is_ours(path: Path, target: Path) -> bool:
    """``path`` is ``target``, its folder, or one of its temporary files."""
    return path in (target, target.parent) or (
        path.parent == target.parent and path.name.startswith(f".{target.name}.") and path.name.endswith(".tmp"))


def _naming_target(exc: OSError, target: Path, tmp: Path | None) -> OSError:
    """``exc`` as an error naming ``target`` (not its temporary file), unless it is about another file."""
    if exc.filename is not None and not _is_ours(Path(str(exc.filename)), target):
        return exc
    reason = exc.strerror or str(exc)
    if tmp is not None:
        reason = reason.replace(str(tmp), str(target))
    message = f"cannot write {target}: {reason}"
    if not exc.errno:  # an OSError without an errno: with a filename set, str() would lose the message
        return OSError(message)
    new = OSError(exc.errno, message)
    new.filename = str(target)
    return new


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success, rename it onto ``target``.

    The temporary file is named ``.{target name}.*.tmp`` so that globs for the
    real files skip it. On an exception it is removed and the target is left
    as it was.

    Raises:
        FileExistsError: ``overwrite`` is false and ``target`` exists.
        OSError: the folder cannot be written (read-only, full, a file where
            the folder should be); the message names ``target`` and the
            cause, and ``filename`` is ``target``.
    """
    target = Path(target)
    refuse_existing(target, overwrite)
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # FileExistsError / NotADirectoryError: a file where a folder should be
        code = errno.ENOTDIR if isinstance(exc, FileExistsError) else exc.errno
        reason = "a file is in the way" if code == errno.ENOTDIR else (exc.strerror or str(exc))
        new = OSError(code, f"cannot write {target}: cannot create its folder {target.parent}: {reason}")
        new.filename = str(target)
        raise new from exc
    try:
        tmp = _create_temporary(target.parent, target.name)
        yield tmp
        with open(tmp, "r+b") as fh:  # writable: on Windows fsync (_commit) fails with EBADF on a read-only handle
            os.fsync(fh.fileno())
        if not overwrite and target.exists():
            raise FileExistsError(f"{target} already exists; pass overwrite=True (--overwrite) to replace it")
        os.replace(tmp, target)
    except FileExistsError:
        raise
    except OSError as exc:
        new = _naming_target(exc, target, tmp)
        if new is exc:
            raise
        raise new from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
