"""Shared argument checks: one definition of "a positive whole number" for every public function."""

from __future__ import annotations

import numbers
import os
from typing import Any

__all__ = ["positive_int", "resolve_workers"]


def positive_int(name: str, value: Any, *, minimum: int = 1) -> int:
    """``value`` as an ``int`` when it is a whole number of at least ``minimum``; else ``ValueError``.

    Booleans, floats with a fraction, text and ``None`` are refused (``2.0`` is accepted as 2),
    with a message that names the argument: ``"top must be a whole number of at least 1, got 0"``.
    """
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if not ok and isinstance(value, float) and value.is_integer():
        value, ok = int(value), True
    if not ok or value < minimum:
        raise ValueError(f"{name} must be a whole number of at least {minimum}, got {value!r}")
    return int(value)


def resolve_workers(workers: Any, name: str = "workers") -> int:
    """The number of threads ``workers`` asks for: ``-1`` is one per core available to this process
    (as rapidfuzz's ``workers``), a whole number of at least 1 is itself; else ``ValueError``."""
    if isinstance(workers, numbers.Integral) and not isinstance(workers, bool) and workers == -1:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - not Linux
            return max(1, os.cpu_count() or 1)
    try:
        return positive_int(name, workers)
    except ValueError:
        raise ValueError(f"{name} must be -1 (one per core) or a whole number of at least 1, "
                         f"got {workers!r}") from None
