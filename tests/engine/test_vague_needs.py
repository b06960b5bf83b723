"""Specification of how vague and multi-part needs are read and ranked: a paraphrase is searched by what it
means, fine NAICS hints do not lift a whole industry group, and a multi-part need's shortlist covers its parts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from mwbe_match import MatchConfig, Matcher
from mwbe_match.engine.lexicon import Lexicon
from mwbe_match.engine.readers import EnglishReader, Glossary
from mwbe_match.engine.readers.english import is_paraphrase

HEADER = "concept,kind,en,ko,terms,naics,note\n"
AS_OF = dt.date(2026, 12, 1)


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


# --------------------------------------------------------------------------- fine NAICS hints

LOCKS = "lock_changing,industry,lock changing;rekeying,,locksmith;locks,561622,\n"


def industry_by_firm(matcher, text: str) -> pd.Series:
    rows = matcher.shortlist(text, top=900)
    return rows.set_index("account_number")[["naics_code", "industry_score"]]


def test_with_fine_hints_a_hint_by_a_finer_code_goes_to_its_firms_not_the_rest_of_their_group(real_directory,
                                                                                               tmp_path):
    path = tmp_path / "locks.csv"
    path.write_text(HEADER + LOCKS, encoding="utf-8")
    group = Matcher(real_directory, MatchConfig(as_of=AS_OF, fine_hints=False), lexicon=path)
    fine = Matcher(real_directory, MatchConfig(as_of=AS_OF, fine_hints=True), lexicon=path)
    before, after = industry_by_firm(group, "lock changing"), industry_by_firm(fine, "lock changing")
    both = before.merge(after, left_index=True, right_index=True, suffixes=("", "_fine"))
    locksmiths = both["naics_code"].str.startswith("561622")
    guards = both["naics_code"].str.startswith("5616") & ~locksmiths  # same group 5616, another code
    assert locksmiths.any() and guards.any()
    assert (both.loc[locksmiths, "industry_score_fine"] > both.loc[locksmiths, "industry_score"]).all()
    assert (both.loc[guards, "industry_score_fine"] < both.loc[guards, "industry_score"]).all()  # not theirs
    assert (both.loc[guards, "industry_score_fine"] >= 0).all()
    assert both.loc[locksmiths, "industry_score_fine"].min() > both.loc[guards, "industry_score_fine"].max()
    assert (both["industry_score_fine"] <= 100 * MatchConfig().industry_weight + 1e-9).all()


def test_fine_hints_are_on_by_default_and_must_be_true_or_false():
    assert MatchConfig().fine_hints is True
    with pytest.raises(ValueError, match="fine_hints"):
        MatchConfig(fine_hints="yes")


# --------------------------------------------------------------------------- the provider a need opens with

PROVIDERS = ("recruiters,industry,recruiting firm;headhunter,,recruiting;placement,561311,\n"
             "bookkeepers,industry,accountants;bookkeepers,,accounting;bookkeeping,5412,\n")


def test_a_need_that_opens_with_its_provider_reads_the_other_concepts_as_objects_of_its_work(tmp_path):
    reader = reader_with(tmp_path, PROVIDERS)
    for text in ("Recruiting firm to find accountants", "We need a recruiting firm to find bilingual accountants"):
        reading = reader.read(text, MatchConfig())
        assert reading.naics_hints == ("561311",)  # the accountants are the roles to fill, not the firm asked for
        assert weights(reader, text)["accountants"] < 1.0


def test_without_a_provider_opening_the_need_every_concept_hints_at_its_industry(tmp_path):
    reader = reader_with(tmp_path, PROVIDERS)
    assert set(reader.read("accountants and a recruiting firm", MatchConfig()).naics_hints) == {"561311", "5412"}
    # "to" followed by a stopword is no verb: "a recruiting firm to the accountants" is no provider opening
    assert set(reader.read("recruiting firm to the accountants", MatchConfig()).naics_hints) == {"561311", "5412"}
