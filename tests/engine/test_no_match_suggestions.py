"""Specification of the no-match row when nothing of a need is understood: it names the unknown words and
the closest concepts the engine knows, in English and in Korean output."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import mwbe_match
from mwbe_match import MatchConfig, Matcher, i18n
from mwbe_match.engine.query import prepare_queries
from mwbe_match.engine.suggest import MIN_SIMILARITY, closest_concepts, suggestions_for

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))


@pytest.fixture(scope="module")
def matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


def test_a_misspelt_korean_word_is_closest_to_the_concept_it_misspells():
    assert closest_concepts("청쇼")[0].startswith("청소")
    assert closest_concepts("plumbin")[0] in ("plumbing", "plumber")


def test_nothing_is_suggested_for_a_word_like_no_concept():
    assert closest_concepts("xyzzyq") == ()
    assert closest_concepts("") == ()


def test_when_nothing_is_understood_the_reason_names_the_unknown_words_and_the_closest_concepts(matcher):
    reading = matcher.read("컨썰팅꾼 쿵짝")
    assert not reading.usable and reading.closest_concepts == suggestions_for(["컨썰팅꾼", "쿵짝"])
    assert reading.closest_concepts[0].startswith("'컨썰팅꾼' → 컨설팅")  # 쿵짝 is like no concept
    reason = reading.no_match_reason()
    assert "'컨썰팅꾼'" in reason and "'쿵짝'" in reason
    assert reason.endswith(" Closest known concepts: " + "; ".join(reading.closest_concepts) + ".")
    assert matcher.funnel("컨썰팅꾼 쿵짝")["reasons"].iloc[0] == reason


def test_an_english_need_nobody_uses_the_words_of_gets_the_closest_concepts_too(matcher):
    reason = matcher.read("teleportation").no_match_reason()
    assert reason.startswith("No firm in the directory uses any of this need's words ('teleportation').")
    assert "Closest known concepts: 'teleportation' → " in reason and "transportation" in reason


def test_a_need_with_something_understood_gets_no_suggestions(matcher):
    reading = matcher.read("사무실 청소 블라블라")
    assert reading.usable and reading.closest_concepts == ()
    assert "Closest known concepts" not in reading.no_match_reason()


def test_the_closest_concepts_may_come_from_any_callable(matcher):
    asked: list[str] = []

    def closest(word: str) -> tuple[str, ...]:
        asked.append(word)
        return (f"concept like {word}",)

    query, = prepare_queries(["뷁뷁 쿵짝"], matcher.readers, matcher.index, matcher.speller, CONFIG, closest)
    assert asked == ["뷁뷁", "쿵짝"]
    assert query.suggestions == ("'뷁뷁' → concept like 뷁뷁", "'쿵짝' → concept like 쿵짝")


@pytest.mark.parametrize("word", ["컨썰팅꾼", "청쇼", "plumbin", "katering", "desgin", "teleportation"])
def test_every_suggestion_is_at_least_min_similarity_like_the_word(word):
    from rapidfuzz import fuzz

    from mwbe_match.engine.readers.korean import decompose_jamo, normalize_text

    def key(text: str) -> str:
        return decompose_jamo(normalize_text(text).replace(" ", "").casefold())

    labels = closest_concepts(word)
    assert labels
    for label in labels:
        assert fuzz.ratio(key(word), key(label.split(" (")[0])) >= MIN_SIMILARITY


def test_a_need_of_only_places_and_request_words_says_it_names_nothing_to_search(matcher):
    reason = matcher.read("Jackson Heights, Queens").no_match_reason()
    assert reason.startswith("Nothing in this need names goods or services to search for")


def test_the_closest_concepts_read_in_korean_output(matcher):
    reason = matcher.read("컨썰팅꾼 쿵짝").no_match_reason()
    assert i18n.untranslated_clauses(reason) == []
    assert "가장 가까운 개념: " in i18n.translate_reason(reason, "ko")


def test_a_batch_no_match_row_lists_the_closest_concepts(tmp_path, real_directory):
    needs = tmp_path / "needs.csv"
    pd.DataFrame({"need_id": ["a", "b"], "text": ["컨썰팅꾼 쿵짝", "office cleaning"]}).to_csv(needs, index=False)
    out = tmp_path / "out.csv"
    mwbe_match.run_shortlist(needs, out, directory=real_directory, top=3)
    frame = pd.read_csv(out, dtype=str)
    row = frame[frame["need_id"] == "a"].iloc[0]
    assert row["status"] == "no_match" and "Closest known concepts: " in row["reasons"]
