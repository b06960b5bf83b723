"""Specification of name normalization (mwbe_match.verify.normalize): the key a business name is compared by."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mwbe_match.verify import normalize_name
from mwbe_match.verify.normalize import NameKeys, name_tokens


# --------------------------------------------------------------------------- normalize_name


@pytest.mark.parametrize("a, b", [
    ("ACME WIDGETS", "acme widgets"),
    ("AcMe WiDgEtS", "Acme Widgets"),
])
def test_case_is_ignored(a, b):
    assert normalize_name(a) == normalize_name(b) == "acme widgets"


@pytest.mark.parametrize("a, b", [
    ("d expósito & Partners", "D Exposito and Partners"),
    ("Lola\u2019s Brunch", "Lola's Brunch"),
    ("\u201cI AM\u201d EHS Management", '"I AM" EHS Management'),
    ("Café Olé™", "Cafe Ole"),
    ("Ｗｉｄｇｅｔ", "Widget"),  # full-width letters
])
def test_unicode_accents_curly_quotes_and_symbols_are_folded(a, b):
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize("a, b", [
    ("A.B.C. Cleaning", "ABC Cleaning"),
    ("Acosta-Pelle Design", "Acosta Pelle Design"),
    ("Lola's Brunch", "Lolas Brunch"),
    ("Acme, Widgets!", "Acme Widgets"),
    ("E M S", "EMS"),
    ("A & M Cleaning", "AM Cleaning"),
])
def test_punctuation_and_spaced_initials_do_not_matter(a, b):
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize("variant", ["Smith & Jones", "Smith and Jones", "Smith + Jones", "Smith AND Jones",
                                     "Smith Jones"])
def test_ampersand_and_the_word_and_are_the_same(variant):
    assert normalize_name(variant) == "smith jones"


def test_a_leading_the_is_dropped_but_a_name_is_never_emptied():
    assert normalize_name("The Taylor Group") == normalize_name("Taylor Group") == "taylor group"
    assert normalize_name("The") == "the"
    assert normalize_name("The Company") == "company"


LEGAL_FORMS = ["Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "LLC",
               "L.L.C.", "Limited Liability Company", "LLP", "PLLC", "PC", "P.C.", "Ltd", "Ltd.", "Limited",
               "DPC", "Co., Inc."]


@pytest.mark.parametrize("form", LEGAL_FORMS)
def test_legal_forms_are_removed(form):
    assert normalize_name(f"Acme Widgets, {form}") == "acme widgets"
    assert normalize_name(f"ACME WIDGETS {form.upper()}") == "acme widgets"


def test_legal_form_words_inside_a_name_are_kept():
    assert normalize_name("Inc Magazine Group LLC") == "inc magazine group"
    assert normalize_name("Company Store Corp") == "company store"


@pytest.mark.parametrize("name", ["Acme Corp d/b/a Widget World", "Acme Corp. D/B/A Widget World",
                                  "Acme Corp dba Widget World", "Acme Corp d.b.a. Widget World",
                                  "Acme Corp, doing business as Widget World"])
def test_dba_markers_are_removed_and_each_side_normalized(name):
    assert normalize_name(name) == "acme widget world"


def test_a_name_that_starts_with_dba_is_not_split():
    assert normalize_name("DBA Consulting LLC") == "dba consulting"


@pytest.mark.parametrize("short, long", [
    ("Acme Svcs", "Acme Services"), ("Acme Svc", "Acme Service"), ("Acme Mgmt", "Acme Management"),
    ("Acme Intl", "Acme International"), ("Acme Int'l", "Acme International"),
    ("Acme Assoc", "Acme Associates"), ("Smith Bros", "Smith Brothers"),
    ("Acme Constr", "Acme Construction"), ("Acme Engrg", "Acme Engineering"),
    ("Acme Tech", "Acme Technology"), ("Acme Technologies", "Acme Technology"),
    ("Acme Mfg", "Acme Manufacturing"), ("Acme Bldg", "Acme Building"),
    ("Acme of New York", "Acme NY"), ("Acme New York City", "Acme NYC"),
])
def test_common_abbreviations_and_variants_agree(short, long):
    assert normalize_name(short) == normalize_name(long)


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, "", "   ", "...", "&", "--/--"])
def test_nothing_to_compare_gives_an_empty_key(value):
    assert normalize_name(value) == ""


def test_numbers_are_read_as_their_digits():
    assert normalize_name(1800) == "1800"
    assert normalize_name(12.0) == "12"


@given(st.text())
@settings(max_examples=200)
def test_keys_are_lowercase_words_separated_by_single_spaces(text):
    key = normalize_name(text)
    assert key == key.strip()
    assert "  " not in key
    assert not re.search(r"[^\w ]|_", key)


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)))
@settings(max_examples=200)
def test_normalizing_twice_changes_nothing(text):
    once = normalize_name(text)
    assert normalize_name(once) == once


# --------------------------------------------------------------------------- vectorized keys

_WORDS = ["the", "The", "new", "York", "city", "and", "&", "+", "of", "O", "F", "a", "b", "Co.", "Co", "Inc",
          "Inc.", "LLC", "L.L.C.", "Limited", "Liability", "Company", "Corp", "Design", "Professional",
          "Corporation", "PC", "P.C.", "Svcs", "Mgmt", "Group", "Services", "Acme", "Kim's", "1", "A-1", ",",
          "-", "'", "`", "ny", "Bros.", "Tech", "USA"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=7).map(" ".join)
                  | st.text(alphabet=st.characters(max_codepoint=127), max_size=20), max_size=12))
def test_vectorized_keys_equal_the_per_name_rules(names):
    keys = NameKeys(names)
    for i, name in enumerate(names):
        toks, legal = name_tokens(name)
        assert keys.key[i] == " ".join(toks), name
        assert keys.legal[i] == legal, name
        assert keys.literal[i] == "".join(name_tokens(name, canonical=False)[0]), name
        assert keys.compact[i] == keys.key[i].replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.none() | st.sampled_from(["https://www.Example.com/about", "user@www.x.org", "HTTP://A.B:80/x",
                                             " www.abc.com ", "ab.c", "x", "foo bar.com"])
                | st.text(alphabet=st.sampled_from(list("aw.:/@?# -xyz\u00fc")), max_size=20), max_size=10))
def test_website_domains_of_many_urls_are_each_url_s_domain(urls):
    from mwbe_match.verify.inputs import website_domain, website_domains
    assert website_domains(urls).tolist() == [website_domain(u) for u in urls]
