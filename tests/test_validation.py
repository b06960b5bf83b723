"""positive_int: one rule for every "positive whole number" argument."""

import pytest
from hypothesis import given, strategies as st

from mwbe_match.validation import positive_int


@given(st.integers(min_value=1, max_value=10**9))
def test_whole_numbers_at_or_above_the_minimum_are_returned_as_int(n):
    assert positive_int("top", n) == n and type(positive_int("top", n)) is int


@pytest.mark.parametrize("bad", [0, -3, True, False, 1.5, "3", None, float("nan")])
def test_anything_else_is_a_value_error_naming_the_argument(bad):
    with pytest.raises(ValueError, match=r"^top must be a whole number of at least 1, got "):
        positive_int("top", bad)


def test_a_float_without_fraction_and_a_custom_minimum_are_accepted():
    assert positive_int("keep", 2.0) == 2
    assert positive_int("retries", 0, minimum=0) == 0
