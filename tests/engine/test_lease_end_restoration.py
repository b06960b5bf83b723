"""Specification: handing leased space back the way it was (원상복구 in Korean) is demolition work in English as it
is in Korean (the concept lexicon's English forms of intent_demolition)."""

from __future__ import annotations

from functools import lru_cache

from mwbe_match import MatchConfig
from mwbe_match.engine.readers import EnglishReader, KoreanReader

CONFIG = MatchConfig()


@lru_cache(maxsize=1)
def english() -> EnglishReader:
    return EnglishReader().for_index(None)


def hinted(reading) -> set[str]:
    return {prefix for hints in reading.hint_sets for prefix in hints}


def test_handing_the_space_back_reads_as_demolition_in_english():
    reading = english().read("Our lease ends and we have to hand the space back with our partitions removed.",
                             CONFIG)
    assert "238910" in hinted(reading)


def test_restoring_the_space_to_its_original_condition_reads_as_demolition():
    reading = english().read("We must restore the space to its original condition before we move out.", CONFIG)
    assert "238910" in hinted(reading)


def test_english_and_korean_read_lease_end_restoration_alike():
    korean = KoreanReader().read("임대 만료라 원상복구 해야 합니다", CONFIG)
    english_reading = english().read("Our lease ends, so we need lease-end restoration.", CONFIG)
    assert "238910" in hinted(korean) and "238910" in hinted(english_reading)
