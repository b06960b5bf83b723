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
