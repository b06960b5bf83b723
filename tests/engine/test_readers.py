"""Specification of the language readers: each detects its text, reads it into search words, and a new
language is one reader class plus one registration line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from functools import lru_cache

import pytest

import mwbe_match
from mwbe_match import MatchConfig, Matcher
from mwbe_match.engine.readers import READERS, EnglishReader, KoreanReader, Reader, default_readers
from mwbe_match.engine.readers.base import Reading, SearchWord
from mwbe_match.engine.text import tokenize

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))


@lru_cache(maxsize=None)
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mwbe_match.load_directory(mwbe_match.bundled_sample_path())


@dataclasses.dataclass(frozen=True)
class SpanishReader:
    """A toy reader: text with a Spanish word it knows is searched as its English translation."""

    glossary: object = None
    name: str = "es"
    words = {"limpieza": "cleaning", "oficina": "office", "plomería": "plumbing"}

    def detects(self, text: str) -> bool:
        return any(w in self.words for w in tokenize(text))

    def for_index(self, index):
        return self

    def read(self, text, config) -> Reading:
        english = [self.words.get(w, w) for w in tokenize(text)]
        return Reading(words=tuple(SearchWord(w, 1.0, i, i, False) for i, w in enumerate(english)),
                       search_text=" ".join(english), translated=True, read_as=(" ".join(english),))

    def places(self, text):
        return ()

    def is_empty(self, text):
        return False


def test_the_registered_readers_are_korean_then_english() -> None:
    assert READERS == (KoreanReader, EnglishReader)
    readers = default_readers()
    assert all(isinstance(r, Reader) for r in readers)
    assert readers[0].detects("사무실 청소") and not readers[0].detects("office cleaning")
    assert readers[-1].detects("anything at all")


def test_each_reader_recognizes_places_in_its_language() -> None:
    korean, english = default_readers()
    assert korean.places("맨해튼 사무실 청소") == ("MANHATTAN",)
    assert english.places("office cleaning in Staten Island and Long Island City") == ("STATEN ISLAND", "QUEENS")


def test_each_reader_says_when_text_is_empty() -> None:
    korean, english = default_readers()
    assert korean.is_empty("을 를!!") and not korean.is_empty("도로")
    assert english.is_empty("!!") and not english.is_empty("plumbing")


def test_a_new_language_reader_given_to_the_matcher_reads_its_text() -> None:
    readers = (SpanishReader(), *default_readers())
    matcher = Matcher(bundled(), CONFIG, readers=readers)
    spanish = matcher.shortlist("limpieza de oficina", top=5)
    # the same words searched as they are (the toy reader, last, reads any text)
    english = Matcher(bundled(), CONFIG, readers=(SpanishReader(),)).shortlist("cleaning de office", top=5)
    assert len(spanish) > 0
    assert spanish["account_number"].tolist() == english["account_number"].tolist()
    assert matcher.read("limpieza de oficina").summary.startswith("Read as: cleaning")


def test_a_matcher_needs_at_least_one_reader() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Matcher(bundled(), CONFIG, readers=())


def test_the_default_readers_read_as_before(tmp_path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,kind,en,ko,terms,naics,note\nrobotic_cleaning,industry,,청소로봇,robotic cleaning,5617,\n", encoding="utf-8")
    matcher = Matcher(bundled(), CONFIG, glossary=glossary)
    assert any("청소로봇" in t for t in matcher.read("청소로봇 필요").understood_terms)


def test_an_english_intent_before_an_object_is_the_work_on_it_not_a_modifier() -> None:
    # "clean break rooms": the cleaning asked for keeps its hint; "food warehouse" is a kind of warehouse
    reader, config = EnglishReader().for_index(None), MatchConfig()
    assert "5617" in reader.read("clean break rooms", config).naics_hints
    assert "5617" in reader.read("clean the break rooms", config).naics_hints
    assert reader.read("design restaurant kitchen", config).naics_hints == ("5414", "5413")
    food = reader.read("temp workers for our food warehouse", config)  # food still modifies the warehouse
    assert food.naics_hints == ("56132", "561320", "5613")
