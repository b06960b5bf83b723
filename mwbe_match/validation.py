"""Shared argument checks: one definition of "a positive whole number" for every public function."""

from __future__ import annotations

import numbers
from typing import Any

__all__ = ["positive_int"]


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
