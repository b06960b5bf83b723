"""A bounded memo of values by key, for the engine objects that keep what they computed between calls.

A :class:`BoundedCache` holds at most ``max_entries`` values; a new key
arriving when it is full makes it forget everything first (no eviction
order to keep: the engine's caches are keyed by things that repeat in bursts,
a date, a certification set, a need's NAICS codes, and rebuilding is cheap
next to keeping an order). A value is built once per key while it is kept and
the same object is handed back after that, so a caller must not change it.

No lock is taken: like the plain dicts it replaces, a cache may be read and
filled from threads under the GIL (two threads missing one key may both
build it; each gets a value built from the same inputs), and a forked worker
process gets a copy of the cache as it was.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, Hashable, Iterable, TypeVar

__all__ = ["BoundedCache", "PerObjectCache"]

V = TypeVar("V")

_MISSING = object()


class BoundedCache(Generic[V]):
    """Values by key, at most ``max_entries`` of them; full, it forgets them all before keeping a new one.

    >>> squares = BoundedCache(2)
    >>> squares.get_or_build(3, lambda x: x * x, 3)
    9
    >>> len(squares)
    1
    """

    __slots__ = ("max_entries", "_entries")

    def __init__(self, max_entries: int) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, not {max_entries}")
        self.max_entries = max_entries
        self._entries: dict[Hashable, V] = {}

    def get_or_build(self, key: Hashable, build: Callable[..., V], *args: Any) -> V:
        """The value kept for ``key``; when there is none, ``build(*args)``, kept and returned.

        A kept ``None`` counts as a value (it is not built again)."""
        entries = self._entries
        found = entries.get(key, _MISSING)
        if found is _MISSING:
            found = build(*args)
            if len(entries) >= self.max_entries:
                entries.clear()
            entries[key] = found
        return found

    def get(self, key: Hashable, default: Any = None) -> V | Any:
        """The value kept for ``key`` (``default`` when there is none); nothing is built."""
        return self._entries.get(key, default)

    def put(self, key: Hashable, value: V) -> V:
        """Keep ``value`` for ``key`` (replacing what was kept; a new key in a full cache clears it first)."""
        entries = self._entries
        if key not in entries and len(entries) >= self.max_entries:
            entries.clear()
        entries[key] = value
        return value

    def put_many(self, items: Iterable[tuple[Hashable, V]]) -> None:
        """Keep every ``(key, value)`` of ``items``; when the new keys would not all fit, the cache forgets
        everything first: a batch is kept whole (one of more than ``max_entries`` keys too, until the next new
        key)."""
        entries = self._entries
        items = list(items)
        if len(entries) + sum(key not in entries for key, _ in items) > self.max_entries:
            entries.clear()
        entries.update(items)

    def clear(self) -> None:
        """Forget every value."""
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def __repr__(self) -> str:
        return f"BoundedCache({len(self._entries)} of {self.max_entries})"


class PerObjectCache(Generic[V]):
    """Values kept per live object (a prepared query), found by its identity: a :class:`BoundedCache` keyed by
    ``id(obj)`` (and a ``tag`` for several values of one object) that keeps the object with its value, so an id
    a later object reuses finds nothing. The object must not change while a value is kept for it.

    >>> kept = PerObjectCache(8)
    >>> query = object()
    >>> kept.put(query, "row") and kept.get(query), kept.get(object())
    ('row', None)
    """

    __slots__ = ("_cache",)

    def __init__(self, max_entries: int) -> None:
        self._cache: BoundedCache[tuple[Any, V]] = BoundedCache(max_entries)

    def get(self, obj: Any, tag: Hashable = ()) -> V | None:
        """The value kept for ``obj`` (and ``tag``), or None."""
        found = self._cache.get((id(obj), tag))
        return found[1] if found is not None and found[0] is obj else None

    def put(self, obj: Any, value: V, tag: Hashable = ()) -> V:
        """Keep ``value`` for ``obj`` (and ``tag``); returns it."""
        self._cache.put((id(obj), tag), (obj, value))
        return value

    def clear(self) -> None:
        """Forget every value."""
        self._cache.clear()

    def __len__(self) -> int:
        return len(self._cache)
