"""Specification of English text normalization: tokens, stopwords, stems."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mwbe_match.engine.text import LEGAL_SUFFIXES, STOPWORDS, analyze, fold, stem, tokenize, tokenize_array


@pytest.mark.parametrize("family", [
    ("plumber", "plumbers", "plumbing"),
    ("janitor", "janitors", "janitorial"),
    ("clean", "cleaner", "cleaners", "cleaning"),
    ("contractor", "contractors", "contracting"),  # the trade; "contract(s)", the document, is apart
    ("contract", "contracts", "contracted"),
    ("cater", "caterer", "catering", "caters"),
    ("consult", "consultant", "consultants", "consulting", "consultation"),
    ("electric", "electrical", "electrician"),
    ("paint", "painter", "painting", "paints"),
    ("roof", "roofer", "roofing"),
    ("install", "installer", "installing", "installation"),
    ("renovate", "renovation", "renovations", "renovating"),
    ("landscape", "landscaper", "landscaping"),
    ("supply", "supplier", "suppliers", "supplies"),
    ("translation", "translator", "translating"),
    ("design", "designer", "designs", "designing"),
])
def test_word_families_share_one_stem(family):
    assert len({stem(w) for w in family}) == 1, {w: stem(w) for w in family}


@pytest.mark.parametrize("a, b", [
    ("water", "wat"),      # short consonant-vowel-consonant stems keep -er
    ("paper", "pap"),
    ("order", "ord"),
    ("cater", "cat"),
    ("plumbing", "plum"),
    ("printing", "print3d"),
])
def test_unrelated_words_keep_distinct_stems(a, b):
    assert stem(a) != stem(b)


def test_short_words_hangul_and_alphanumerics_are_not_stemmed():
    for word in ("gas", "bus", "3d", "hvac", "청소", "co2"):
        assert stem(word) == word


def test_stems_are_lower_case_prefix_like_and_never_empty():
    assert stem("Services".lower()) == "servic"
    assert stem("cleaning").startswith("clean")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20))
def test_stem_never_grows_a_word_and_never_empties_it(word):
    s = stem(word)
    assert 1 <= len(s) <= len(word)


def test_tokenize_lowercases_splits_on_punctuation_and_folds_accents():
    assert tokenize("Café owner’s 3D-printing, 24/7 HVAC_repair") == [
        "cafe", "owner", "s", "3d", "printing", "24", "7", "hvac", "repair"]


def test_tokenize_keeps_hangul_words_whole():
    assert tokenize("사무실 청소 service") == ["사무실", "청소", "service"]


def test_analyze_drops_stopwords_numbers_legal_suffixes_and_single_letters():
    assert analyze("The cleaning of 24 offices by Sparkle LLC, Inc. & Co. (a)") == ["clean", "offic", "sparkl"]


def test_legal_suffixes_are_stopwords():
    assert LEGAL_SUFFIXES <= STOPWORDS
    assert {"llc", "inc", "corp", "pllc"} <= LEGAL_SUFFIXES


def test_fold_strips_latin_accents_but_leaves_hangul():
    assert fold("peña") == "pena"
    assert fold("lumière") == "lumiere"
    assert fold("청소") == "청소"


def test_tokenize_array_reports_the_row_of_every_token():
    rows, tokens = tokenize_array(pa.array(["Office cleaning", None, "", "HVAC repair, plumbing"]))
    assert rows.tolist() == [0, 0, 3, 3, 3]
    assert tokens.to_pylist() == ["office", "cleaning", "hvac", "repair", "plumbing"]


_TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ éñüÉ09-_/.,'’&\n\t") + ["청", "소", "ﬁ", "²"]),
    max_size=40,
)


@given(st.lists(_TEXT, min_size=1, max_size=5))
def test_single_string_and_bulk_tokenizers_agree(texts):
    rows, tokens = tokenize_array(pa.array(texts, pa.string()))
    bulk = [[] for _ in texts]
    for r, t in zip(rows.tolist(), tokens.to_pylist()):
        bulk[r].append(fold(t))
    assert bulk == [tokenize(t) for t in texts]


def test_it_in_capitals_is_information_technology_and_it_in_lower_case_a_pronoun():
    import pyarrow as pa

    from mwbe_match.engine.text import IT_TOKEN, search_tokens, shown_token, tokenize_array

    _, tokens = tokenize_array(pa.array(["Managed IT services and IT support", "We do it all, and it shows",
                                         "ITALIAN cuisine; IT-consulting"]))
    found = tokens.to_pylist()
    assert found.count(IT_TOKEN) == 3 and "it" in found  # "ITALIAN" is not IT; "IT-consulting" is
    assert search_tokens(["it", "support"]) == [IT_TOKEN, "support"]
    assert search_tokens(["managed", "it", "services"]) == ["managed", IT_TOKEN, "services"]
    for pronoun in (["fix", "it", "person"], ["post", "it", "notes"], ["keep", "it", "cold"], ["it", "is", "too", "hot"]):
        assert search_tokens(pronoun) == pronoun
    assert shown_token(IT_TOKEN) == "IT"


def test_a_concepts_it_finds_the_firms_that_write_it_in_capitals(bundled_directory):
    from mwbe_match import MatchConfig, Matcher

    firms = bundled_directory.head(40).copy()
    firms["description"] = "Landscaping and snow removal"
    for column in ("name", "naics_title", "job_1_description", "job_2_description", "job_3_description"):
        firms[column] = "Green Acres" if column == "name" else ""
    firms.loc[firms.index[0], "description"] = "Managed IT support for small offices"
    firms.loc[firms.index[1], "description"] = "We support it all: tutoring and after-school help for offices"
    top = Matcher(firms, MatchConfig(include_lapsed=True)).shortlist("We need IT support for our office", top=2)
    assert top.iloc[0]["account_number"] == firms.iloc[0]["account_number"]
    assert "'IT support'" in top.iloc[0]["reasons"]
