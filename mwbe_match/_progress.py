"""Shared utility (every stage with long jobs): the progress bar of long jobs (a live fetch, a batch run): tqdm on stderr.

Shown when asked, or by default only when stderr is a terminal; tqdm is
imported only when a bar is made.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any, Iterator

__all__ = ["progress_bar"]


@contextlib.contextmanager
def progress_bar(total: int | None, *, unit: str, desc: str, progress: bool | None) -> Iterator[Any]:
    """A tqdm bar counting ``unit``\\ s up to ``total``; ``progress=None`` shows it only on a terminal."""
    from tqdm import tqdm

    show = _stderr_is_terminal() if progress is None else bool(progress)
    with tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, disable=not show,
              mininterval=0.5, dynamic_ncols=True, leave=False) as bar:
        yield bar


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # no stderr (pythonw), or a closed one
        return False
