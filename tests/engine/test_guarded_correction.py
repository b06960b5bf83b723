"""Specification of guarded correction: a word is only "corrected" when it is not a word the engine knows.

English: a dictionary word (CMUdict) or a concept's word is never turned into another directory word;
Korean: a final syllable that belongs to the word is not stripped as a particle; the stemmer keeps the
trade (contractor, contracting) apart from the document (contract, contracts).
"""

from __future__ import annotations

import datetime as dt

import pytest

from mwbe_match import MatchConfig, Matcher
from mwbe_match.engine.readers.korean import default_glossary, particle_agrees, strip_particle
from mwbe_match.engine.spelling import Speller, concept_words, dictionary_words, is_known_word
from mwbe_match.engine.text import stem

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))


@pytest.fixture(scope="module")
def matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


def test_the_dictionary_holds_common_english_words_and_not_typos():
    words = dictionary_words()
    assert len(words) > 100_000
    assert {"flaking", "shell", "leak", "contract"} <= words
    assert not {"plumming", "janitorail", "constuction"} & words


@pytest.mark.parametrize("text, word", [("paint flaking off the walls", "flaking"), ("shell for a trade show booth", "shell")])
def test_a_dictionary_word_no_firm_uses_is_never_corrected_into_another_word(matcher, text, word):
    reading = matcher.read(text)
    assert word in reading.unmatched_words
    result = matcher.shortlist(text, top=10)
    assert not any(t.startswith(f"{word}→") for terms in result["matched_terms"] for t in terms)


@pytest.mark.parametrize("typo, fixed", [("plumming", "plumbing"), ("janitorail", "janitorial")])
def test_a_typo_that_is_no_word_is_still_corrected(matcher, typo, fixed):
    terms = {t for terms in matcher.shortlist(f"{typo} services", top=5)["matched_terms"] for t in terms}
    assert f"{typo}→{fixed}" in terms


def test_a_concept_word_that_no_firm_uses_is_kept_as_written(matcher):
    speller = Speller(matcher.index, CONFIG)
    candidates = sorted(w for w in concept_words() - dictionary_words()
                        if len(w) >= CONFIG.fuzzy_min_length and w.isalpha() and matcher.index.lookup(w) is None)
    assert candidates  # the concept files know words the directory does not use
    speller.correct_many(candidates)
    assert all(speller.corrections(w) == [] for w in candidates)
    assert all(is_known_word(w) for w in candidates)


def test_a_caller_may_say_which_words_are_known(matcher):
    unguarded = Speller(matcher.index, CONFIG, known=lambda word: False)
    unguarded.correct_many(["flaking"])
    assert unguarded.corrections("flaking")  # what the guard prevents: flaking "corrected" to a firm's word
    everything_known = Speller(matcher.index, CONFIG, known=lambda word: True)
    everything_known.correct_many(["plumming"])
    assert everything_known.corrections("plumming") == []


def test_contracts_and_contractors_stem_to_different_words():
    assert stem("contracts") == stem("contract") == stem("contracted")
    assert stem("contractor") == stem("contractors") == stem("contracting")
    assert stem("contractor") != stem("contract")
    assert stem("subcontractor") == stem("subcontracting") != stem("subcontract")


@pytest.mark.parametrize("word", ["효과", "사과", "아이", "타이"])
def test_a_syllable_that_cannot_follow_the_one_before_is_part_of_the_word_not_a_particle(word):
    assert strip_particle(word) == word
    assert word[:1] not in default_glossary().expand(f"{word} 관련 용역").unknown  # whole: known, or unknown as written


@pytest.mark.parametrize("word", ["온도", "습도", "포도"])
def test_a_one_syllable_stem_keeps_a_final_syllable_that_any_word_may_take(word):
    assert strip_particle(word) == word
    assert word[:1] not in default_glossary().expand(f"{word} 센서").unknown


@pytest.mark.parametrize("word, stem_", [("물을", "물"), ("청소를", "청소"), ("사무실에서는", "사무실"), ("도로를", "도로"),
                                        ("차를", "차"), ("건물의", "건물")])
def test_real_particles_are_still_stripped(word, stem_):
    assert strip_particle(word) == stem_


def test_a_word_made_of_three_particle_syllables_is_not_dropped_as_particles():
    from mwbe_match.engine.readers.korean import is_only_particles_or_punctuation

    assert not is_only_particles_or_punctuation("가로등")  # 가 + 로 + 등 would leave nothing


@pytest.mark.parametrize("before, chain, agrees", [("물", "을", True), ("효", "과", False), ("결", "과", True),
                                                   ("사", "가", True), ("책", "가", False), ("서", "로", True),
                                                   ("길", "로", True), ("책", "로", False), ("A", "을", True)])
def test_particles_agree_with_the_final_consonant_before_them(before, chain, agrees):
    assert particle_agrees(before, chain) is agrees
