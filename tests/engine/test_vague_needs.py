"""Specification of how vague and multi-part needs are read and ranked: a paraphrase is searched by what it
means, fine NAICS hints do not lift a whole industry group, and a multi-part need's shortlist covers its parts."""

from __future__ import annotations

from pathlib import Path

from mwbe_match import MatchConfig
from mwbe_match.engine.lexicon import Lexicon
from mwbe_match.engine.readers import EnglishReader, Glossary
from mwbe_match.engine.readers.english import is_paraphrase

HEADER = "concept,kind,en,ko,terms,naics,note\n"


def reader_with(tmp_path: Path, rows: str) -> EnglishReader:
    path = tmp_path / "ours.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return EnglishReader(glossary=Glossary.from_lexicon(Lexicon.load(path)))


def weights(reader: EnglishReader, text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for w in reader.read(text, MatchConfig()).words:  # a word searched twice counts at its heaviest
        out[w.word] = max(out.get(w.word, 0.0), w.weight)
    return out


def test_a_multi_word_paraphrase_is_searched_by_what_it_means_at_full_weight(tmp_path):
    reader = reader_with(tmp_path, "spruce_up,intent,spruce up,,renovation;remodeling,2361,\n")
    found = weights(reader, "We want to spruce up our lobby")
    assert found["renovation"] == 1.0
    assert found["spruce"] < 1.0 and found["remodeling"] < 1.0  # the typed words and the other terms weigh less


def test_a_form_that_shares_a_word_with_its_terms_keeps_the_typed_words_at_full_weight(tmp_path):
    reader = reader_with(tmp_path, "hauling,industry,freight hauling,,hauling;trucking,4841,\n")
    found = weights(reader, "freight hauling to our warehouse")
    assert found["freight"] == 1.0 and found["hauling"] == 1.0
    assert found["trucking"] < 1.0


def test_a_paraphrase_is_typed_words_none_of_which_is_a_word_of_the_concepts_terms():
    assert is_paraphrase(["look", "old"], ("interior design", "renovation"))
    assert not is_paraphrase(["freight", "truck"], ("trucking", "freight hauling"))
    assert not is_paraphrase(["the"], ("renovation",))  # stopwords alone paraphrase nothing
