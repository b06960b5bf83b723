"""Specification of the engine's bounded cache: a value is built once per key, at most ``max_entries`` are kept
(a full cache forgets them all before keeping a new one), and ``clear`` forgets them."""

from __future__ import annotations

import pytest

from mwbe_match.engine.caching import BoundedCache


class CountingBuilder:
    """Builds ``key * 10`` and remembers which keys it was asked for."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def __call__(self, key: int) -> int:
        self.calls.append(key)
        return key * 10


def test_a_value_is_built_once_per_key_and_the_same_object_is_handed_back():
    cache: BoundedCache[list] = BoundedCache(8)
    built = []

    def build(key: str) -> list:
        built.append(key)
        return [key]

    first = cache.get_or_build("a", build, "a")
    again = cache.get_or_build("a", build, "a")
    other = cache.get_or_build("b", build, "b")
    assert again is first
    assert other == ["b"]
    assert built == ["a", "b"]


def test_a_kept_none_is_a_value_and_is_not_built_again():
    cache: BoundedCache[None] = BoundedCache(4)
    calls = []
    for _ in range(3):
        assert cache.get_or_build("unknown word", lambda: calls.append(1)) is None
    assert calls == [1]
    assert "unknown word" in cache


def test_a_full_cache_forgets_everything_before_keeping_a_new_key():
    limit = 3
    cache: BoundedCache[int] = BoundedCache(limit)
    build = CountingBuilder()
    for key in range(limit):
        cache.get_or_build(key, build, key)
    assert len(cache) == limit
    cache.get_or_build(0, build, 0)  # kept: a hit does not clear
    assert len(cache) == limit
    assert cache.get_or_build(limit, build, limit) == limit * 10
    assert len(cache) == 1
    assert 0 not in cache
    cache.get_or_build(0, build, 0)  # forgotten, so built again
    assert build.calls == [*range(limit), limit, 0]


def test_the_cache_never_holds_more_than_its_limit_when_filled_one_key_at_a_time():
    limit = 5
    cache: BoundedCache[int] = BoundedCache(limit)
    build = CountingBuilder()
    sizes = []
    for key in range(4 * limit):
        cache.get_or_build(key, build, key)
        cache.put(-key - 1, key)
        sizes.append(len(cache))
    assert max(sizes) == limit


def test_clear_forgets_every_value_so_the_next_call_builds_again():
    cache: BoundedCache[int] = BoundedCache(10)
    build = CountingBuilder()
    cache.get_or_build(1, build, 1)
    cache.put(2, 20)
    cache.clear()
    assert len(cache) == 0
    assert cache.get(2) is None
    cache.get_or_build(1, build, 1)
    assert build.calls == [1, 1]


def test_put_replaces_a_kept_value_without_clearing_and_get_builds_nothing():
    cache: BoundedCache[str] = BoundedCache(2)
    cache.put("a", "first")
    cache.put("b", "other")
    cache.put("a", "second")  # an existing key: the full cache keeps both
    assert len(cache) == 2
    assert cache.get("a") == "second"
    assert cache.get("missing", "default") == "default"
    assert len(cache) == 2


def test_put_many_keeps_a_batch_whole_clearing_first_when_it_would_not_fit():
    cache: BoundedCache[int] = BoundedCache(4)
    cache.put_many([("a", 1), ("b", 2)])
    cache.put_many([("b", 2), ("c", 3)])  # one new key: fits
    assert len(cache) == 3
    cache.put_many([("d", 4), ("e", 5)])  # two new keys would make 5: the old ones go
    assert len(cache) == 2
    assert [cache.get(k) for k in "de"] == [4, 5]
    batch = [(k, k) for k in range(6)]  # larger than the limit: kept whole all the same
    cache.put_many(batch)
    assert all(cache.get(k) == k for k, _ in batch)


def test_a_cache_must_keep_at_least_one_value():
    with pytest.raises(ValueError, match="at least 1"):
        BoundedCache(0)


def test_a_value_kept_per_object_is_found_for_that_object_only():
    from mwbe_match.engine.caching import PerObjectCache

    kept = PerObjectCache(4)
    a, b = object(), object()
    assert kept.put(a, "row of a") == "row of a"
    assert kept.get(a) == "row of a" and kept.get(b) is None
    kept.put(a, "credit of a", "fine")  # a tag keeps a second value for the same object
    assert kept.get(a, "fine") == "credit of a" and kept.get(a) == "row of a"
    kept.clear()
    assert kept.get(a) is None and len(kept) == 0


def test_an_id_reused_by_a_later_object_finds_nothing():
    from mwbe_match.engine.caching import PerObjectCache

    kept = PerObjectCache(4)
    kept.put([1], "for a list gone since")  # the list is freed: a later object may get its id
    later = [2]
    assert kept.get(later) is None
