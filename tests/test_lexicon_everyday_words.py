"""The bundled lexicon does not read an everyday English word as a specific good or trade.

The English reader matches one-word forms by their stems, so a one-word form
also catches every word with the same stem ("toppings" caught "top",
"loaders" caught "load", "interns" caught "international"). These words carry
no procurement meaning alone in a need; each once read as a concept.
"""

import pytest

from mwbe_match.engine.lexicon import default_lexicon

EVERYDAY = ("top", "load", "fold", "general", "international", "internal", "important", "local", "public",
            "project", "frame", "drop", "post", "part", "side", "type", "meet", "serve", "clear", "cast",
            "file", "sign", "record", "stage", "range", "receive", "physical", "animal", "forward", "consumer",
            "control", "factor", "invite", "proof", "season", "spirit", "safe", "route", "connect", "core")


@pytest.mark.parametrize("word", EVERYDAY)
def test_an_everyday_word_alone_reads_as_no_concept(word):
    read = [c.concept for c in default_lexicon().english(word) if c.searched]
    assert read == [], f"{word!r} alone is read as {read}"


@pytest.mark.parametrize("phrase, concept", [("ice cream toppings", "goods_ice_cream_cones"),
                                             ("warehouse loaders", "warehouse_staffing"),
                                             ("manila folders", "goods_stationery"),
                                             ("private carting", "waste_collection"),
                                             ("summer interns", "role_intern")])
def test_the_trade_is_still_read_from_its_phrase(phrase, concept):
    assert concept in [c.concept for c in default_lexicon().english(phrase)]


def _piece(text, word):
    from mwbe_match.engine.readers.english import EnglishReader

    return next(p for p in EnglishReader().pieces(text) if p.found == word)


def test_a_one_word_paraphrase_of_a_trade_searches_the_trade_first():
    piece = _piece("We are hosting a Chuseok celebration for employees", "celebration")
    concept = default_lexicon()["celebration"]
    assert piece.phrases[0] == concept.search_terms[0] and "celebration" in piece.phrases


def test_a_one_word_form_that_firms_write_is_searched_as_typed_first():
    assert _piece("Furnish and install railings", "railings").phrases[0] == "railings"


def test_a_one_word_intent_keeps_the_typed_word_first():
    piece = _piece("Furnish and install railings", "furnish")
    assert piece.kind == "intent" and piece.phrases[0] == "furnish"


@pytest.mark.parametrize("text, quantity", [("Maintenance for the two passenger elevators", "two"),
                                            ("a dozen task chairs for the new hires", "dozen"),
                                            ("Cleaning for fifteen offices on several floors", "several")])
def test_a_quantity_word_is_not_searched(text, quantity):
    from mwbe_match.engine.readers.english import EnglishReader

    found = [p.found for p in EnglishReader().pieces(text)]
    assert not any(quantity in f.split() for f in found), f"{quantity!r} is searched in {found}"
    assert any(f in ("elevators", "passenger elevators", "task chairs", "cleaning") for f in found)
