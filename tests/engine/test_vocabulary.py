"""Specification of the shared vocabulary: one table per kind of word, every spelling either parser accepted."""

from __future__ import annotations

from mwbe_match import Need
from mwbe_match.engine.need import need_field
from mwbe_match.schema import BOROUGHS as SCHEMA_BOROUGHS
from mwbe_match.schema import CERTIFICATION_TYPES as SCHEMA_CERTIFICATION_TYPES
from mwbe_match.vocabulary import (
    BOROUGH_ALIASES,
    BOROUGHS,
    CERTIFICATION_TYPES,
    KOREAN_BOROUGHS,
    KOREAN_PLACES,
    NO_WORDS,
    YES_WORDS,
)


def test_the_vocabulary_agrees_with_the_directory_schema() -> None:
    assert BOROUGHS == SCHEMA_BOROUGHS
    assert CERTIFICATION_TYPES == SCHEMA_CERTIFICATION_TYPES


def test_every_borough_alias_names_a_borough() -> None:
    assert set(BOROUGH_ALIASES.values()) == set(BOROUGHS)
    assert set(KOREAN_BOROUGHS.values()) == set(BOROUGHS)
    assert all(KOREAN_PLACES[k] == v for k, v in KOREAN_BOROUGHS.items())


def test_the_borough_aliases_of_the_directory_and_the_needs_are_both_accepted() -> None:
    assert Need("n", "x", boroughs=["New York County", "Kings", "Staten Is.", "The Bronx"]).boroughs == (
        "MANHATTAN", "BROOKLYN", "STATEN ISLAND", "BRONX")


def test_new_york_as_a_needs_borough_is_refused_not_silently_read_as_manhattan() -> None:
    import pytest

    from mwbe_match import NeedError

    with pytest.raises(NeedError, match="borough"):
        Need("n", "x", boroughs=["New York"])


def test_yes_and_no_words_do_not_overlap() -> None:
    assert not YES_WORDS & NO_WORDS
    assert {"yes", "y", "true", "t", "1"} <= YES_WORDS and {"no", "n", "false", "f", "0"} <= NO_WORDS


def test_need_field_names_the_field_a_needs_file_header_feeds() -> None:
    assert need_field("Certification") == "certifications"
    assert need_field("요청 내용") == "text"
    assert need_field("near_zip") == "near" and need_field("현장우편번호") == "near"
    assert need_field("notes") is None
