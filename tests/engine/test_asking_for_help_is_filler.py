"""Specification: "need help" is how a request is asked, not what it asks for (the request filler of the concept
lexicon): it is never searched, and the work named with it still is."""

from __future__ import annotations

from functools import lru_cache

from mwbe_match import MatchConfig
from mwbe_match.engine.readers import EnglishReader

CONFIG = MatchConfig()


@lru_cache(maxsize=1)
def english() -> EnglishReader:
    return EnglishReader().for_index(None)


def searched(text: str) -> set[str]:
    return {w.word for w in english().read(text, CONFIG).words}


def test_need_help_at_the_end_of_a_request_is_not_searched():
    assert "help" not in searched("We are hosting a celebration for our staff and need help.")
    assert "help" not in searched("Our office needs help.")


def test_the_work_named_with_need_help_is_still_searched():
    words = searched("We need help moving 40 boxes to our new office.")
    assert "help" not in words
    assert "moving" in words or "movers" in words


def test_help_as_people_to_hire_is_still_read_as_staffing():
    reading = english().read("We need extra help for a few weeks at the front desk.", CONFIG)
    assert any(p.startswith("5613") for hints in reading.hint_sets for p in hints)
