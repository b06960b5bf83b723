"""Specification of the matching engine: shortlists that are right, obey every requirement, and explain themselves."""

from __future__ import annotations

import datetime as dt
import math
import warnings
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match import SHORTLIST_COLUMNS, MatchConfig, Matcher, Need, NeedError
from mwbe_match.engine.results import NAICS_MATCH_LEVELS, SHORTLIST_SCHEMA
from mwbe_match.schema import BOROUGHS, CERTIFICATION_TYPES

AS_OF = dt.date(2026, 11, 1)
CONFIG = MatchConfig(as_of=AS_OF)


@lru_cache(maxsize=None)
def bundled() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mwbe_match.load_directory(mwbe_match.bundled_sample_path())


@lru_cache(maxsize=None)
def bundled_matcher() -> Matcher:
    return Matcher(bundled(), CONFIG)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return bundled_matcher()


@pytest.fixture(scope="module")
def real_matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


@lru_cache(maxsize=None)
def all_sectors() -> tuple[str, ...]:
    """Every 2-digit NAICS sector in the bundled sample: a NAICS-only need that every coded firm meets."""
    return tuple(sorted(bundled()["naics_code"].dropna().str.slice(0, 2).unique()))


def firms_by_account(directory: pd.DataFrame) -> dict[str, dict]:
    unique = mwbe_match.unique_firms(directory)
    return {r["account_number"]: r for r in unique.to_dict(orient="records")}


# --------------------------------------------------------------------------- the result frame


def test_shortlist_has_the_documented_columns_in_order_with_arrow_dtypes(matcher):
    result = matcher.shortlist("office cleaning", top=5)
    assert tuple(result.columns) == SHORTLIST_COLUMNS
    assert [result[c].dtype.pyarrow_dtype for c in SHORTLIST_COLUMNS] == list(SHORTLIST_SCHEMA.types)
    assert result["rank"].tolist() == list(range(1, len(result) + 1))


def test_a_need_nothing_satisfies_gives_an_empty_frame_with_the_same_columns_and_dtypes(matcher):
    empty = matcher.shortlist("office cleaning", boroughs="Staten Island", min_bonding=1e15)
    full = matcher.shortlist("office cleaning")
    assert len(empty) == 0
    assert tuple(empty.columns) == SHORTLIST_COLUMNS
    assert list(empty.dtypes) == list(full.dtypes)


def test_words_no_firm_uses_give_an_empty_frame_not_an_error(matcher):
    assert len(matcher.shortlist("xqzv blorptangle")) == 0


def test_scores_run_from_0_to_100_best_first(matcher):
    result = matcher.shortlist("plumbing heating contractor", top=20)
    scores = result["score"].to_numpy(dtype=float)
    assert ((0 <= scores) & (scores <= 100)).all()
    assert (np.diff(scores) <= 0).all()


def test_fewer_qualifying_firms_than_top_gives_fewer_rows(matcher):
    result = matcher.shortlist("asbestos abatement", top=200)
    assert 0 < len(result) < 200


def test_shortlist_accepts_requirements_as_keywords_and_a_need_id(matcher):
    result = matcher.shortlist("cleaning", certifications="wbe", need_id="q7")
    assert set(result["need_id"]) == {"q7"}
    assert all("WBE" in certs for certs in result["certifications"])


def test_keyword_requirements_replace_the_fields_of_a_given_need(matcher):
    need = Need("n1", "cleaning", boroughs="Queens")
    result = matcher.shortlist(need, boroughs="Brooklyn")
    assert set(result["borough"]) == {"BROOKLYN"}


# --------------------------------------------------------------------------- relevance


def test_janitorial_need_ranks_janitorial_firms_first_and_says_why(matcher):
    result = matcher.shortlist("janitorial office cleaning", top=5)
    assert all(code.startswith("5617") for code in result["naics_code"])
    first = result.iloc[0]
    assert "janitorial" in list(first["matched_terms"])
    assert first["naics_match"] == "industry"
    assert "Matches" in first["reasons"] and "Janitorial Services" in first["reasons"]
    # the certification, as judged on the as-of date, is part of the reason
    dated = first["certification_status"] in ("active", "expiring")
    assert ("certified through" if dated else "no renewal date is published") in first["reasons"]


def test_a_typo_is_corrected_to_the_directory_word_and_shown(matcher):
    result = matcher.shortlist("plumming", top=3)
    assert len(result) == 3
    assert all("plumming→plumbing" in list(t) for t in result["matched_terms"])
    assert all(code.startswith("2382") for code in result["naics_code"])
    assert "'plumbing' (for 'plumming')" in result["reasons"].iloc[0]


def test_short_words_are_never_typo_corrected(matcher):
    reading = matcher.read("hvcc")  # 4 letters: below fuzzy_min_length
    assert not reading.usable and reading.unmatched_words == ("hvcc",)


def test_real_sample_office_cleaning_finds_janitorial_firms(real_matcher):
    result = real_matcher.shortlist("office cleaning janitorial", top=5)
    assert (result["naics_code"].str.slice(0, 4) == "5617").all()


def test_real_sample_architecture_need_points_at_architectural_services(real_matcher):
    result = real_matcher.shortlist("architectural design for a school renovation", top=10)
    assert (result["naics_code"].str.slice(0, 4) == "5413").mean() >= 0.8
    assert "the industry this need points at" in result["reasons"].iloc[0]


def test_industry_evidence_can_bring_in_firms_without_the_words(matcher):
    # a firm in the industry the text points at qualifies even if it never uses the words
    result = matcher.shortlist("custodian", top=50)
    no_words = result[result["matched_terms"].list.len() == 0]
    assert len(no_words) > 0
    assert set(no_words["naics_match"]) == {"industry"}


def test_a_text_need_never_returns_firms_without_text_or_industry_evidence(matcher):
    result = matcher.shortlist("janitorial", top=1000)
    assert ((result["matched_terms"].list.len() > 0) | (result["naics_match"] == "industry")).all()


def test_score_does_not_depend_on_the_other_needs_in_the_batch(matcher):
    alone = matcher.shortlist(Need("a", "catering"))
    together = matcher.shortlist_many([Need("x", "asbestos abatement"), Need("a", "catering")])
    assert together[together["need_id"] == "a"]["score"].tolist() == alone["score"].tolist()


# --------------------------------------------------------------------------- NAICS


def test_naics_only_need_returns_only_firms_in_those_codes_closest_first(matcher):
    result = matcher.shortlist(Need("n", naics=["561720", "56"]), top=100)
    assert result["naics_code"].str.startswith("56").all()
    levels = result["naics_match"].tolist()
    assert levels == sorted(levels, key=NAICS_MATCH_LEVELS.index)
    assert levels[0] == "exact" and "sector" in levels
    exact = result[result["naics_match"] == "exact"]
    assert exact["account_number"].tolist() == sorted(exact["account_number"])  # ties by account number
    assert "is the NAICS code asked for" in exact["reasons"].iloc[0]


def test_stated_naics_codes_are_a_hard_filter_for_text_needs(matcher):
    result = matcher.shortlist("cleaning", naics="5617", top=50)
    assert len(result) > 0
    assert result["naics_code"].str.startswith("5617").all()
    assert set(result["naics_match"]) <= {"exact", "industry"}


def test_a_broad_stated_code_and_a_pointed_industry_report_the_closer_one(matcher):
    first = matcher.shortlist("plumbing", naics="23", top=1).iloc[0]
    assert first["naics_match"] == "industry"
    assert "the industry this need points at" in first["reasons"]
    stated = matcher.shortlist("plumbing", naics="2382", top=1).iloc[0]
    assert "is in 2382, the NAICS industry asked for" in stated["reasons"]


def test_naics_match_levels_are_the_documented_values(matcher):
    result = matcher.shortlist_many([Need("a", "environmental remediation"), Need("b", naics="23")], top=30)
    assert set(result["naics_match"]) <= set(NAICS_MATCH_LEVELS)


# --------------------------------------------------------------------------- hard requirements


def _renewals(firm: dict) -> dict[str, dt.date | None]:
    certs = list(firm["certifications"] if firm["certifications"] is not None else [])
    dates = list(firm["certification_renewal_dates"] if firm["certification_renewal_dates"] is not None else [])
    out: dict[str, dt.date | None] = {}
    for i, c in enumerate(certs):
        d = dates[i] if i < len(dates) else None
        d = None if d is None or pd.isna(d) else d
        prev = out.get(c)
        out[c] = d if prev is None else (prev if d is None else max(prev, d))
    return out


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def failed_requirements(firm: dict, need: Need, as_of: dt.date) -> list[str]:
    """An independent, row-by-row statement of every requirement (what the matcher must never break)."""
    bad = []
    code = firm["naics_code"]
    if need.naics and (_missing(code) or not any(code.startswith(p) for p in need.naics)):
        bad.append("naics")
    renewals = _renewals(firm)
    if need.certifications and not set(need.certifications) & set(renewals):
        bad.append("certifications")
    if need.certified_through is not None:
        def valid(c: str) -> bool:
            return renewals.get(c) is not None and renewals[c] >= need.certified_through

        if need.certifications:  # one requested certification still valid is enough
            still_certified = any(valid(c) for c in need.certifications)
        else:  # every certification held must still be valid
            held = [c for c in renewals if c in CERTIFICATION_TYPES]
            still_certified = bool(held) and all(valid(c) for c in held)
        if not still_certified:
            bad.append("certified_through")
    if need.ethnicity and firm["ethnicity"] not in need.ethnicity:
        bad.append("ethnicity")
    if need.boroughs and firm["borough"] not in need.boroughs:
        bad.append("boroughs")
    if need.states and firm["state"] not in need.states:
        bad.append("states")
    if need.near is not None:
        lat, lon = firm["latitude"], firm["longitude"]
        if _missing(lat) or _missing(lon):
            bad.append("near")
        else:
            p1, p2 = math.radians(need.near.latitude), math.radians(lat)
            dl = math.radians(lon - need.near.longitude)
            h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
            if 2 * 3958.7613 * math.asin(math.sqrt(min(h, 1.0))) > need.near.radius_miles + 1e-9:
                bad.append("near")
    for field, column in (("min_bonding", "bonding_limit"), ("min_contract_value", "largest_contract_value")):
        limit = getattr(need, field)
        if limit is not None and (_missing(firm[column]) or firm[column] < limit):
            bad.append(field)
    if need.union_signatory is not None and (not _missing(firm["union_signatory"])) != need.union_signatory:
        bad.append("union_signatory")
    if need.passport_enrolled is not None and (
            _missing(firm["passport_enrolled"]) or bool(firm["passport_enrolled"]) != need.passport_enrolled):
        bad.append("passport_enrolled")
    if need.min_years_in_business is not None and (
            _missing(firm["established"])
            or (as_of - firm["established"]).days < need.min_years_in_business * 365.2425):
        bad.append("min_years_in_business")
    if firm["account_number"] in need.exclude:
        bad.append("exclude")
    return bad


@lru_cache(maxsize=None)
def _sample_values() -> dict:
    d = bundled()
    return {
        "naics": sorted({c[:n] for c in d["naics_code"].dropna() for n in (2, 3, 4, 6)}),
        "accounts": sorted(d["account_number"].dropna().unique()),
        "states": sorted(d["state"].dropna().unique()),
    }


_WORDS = ["cleaning", "plumbing", "construction", "consulting", "design", "catering", "software", "electrical",
          "translation", "environmental", "painting", "security", "marketing", "trucking", "plumming", ""]


@st.composite
def random_needs(draw) -> Need:
    values = _sample_values()
    maybe = lambda strategy: draw(st.one_of(st.none(), strategy))  # noqa: E731
    text = " ".join(draw(st.lists(st.sampled_from(_WORDS), max_size=3))).strip()
    naics = draw(st.lists(st.sampled_from(values["naics"]), max_size=2))
    if not text and not naics:
        text = "services"
    return Need(
        "h",
        text,
        naics=tuple(naics),
        certifications=tuple(draw(st.lists(st.sampled_from(CERTIFICATION_TYPES), max_size=2))),
        ethnicity=tuple(draw(st.lists(st.sampled_from(mwbe_match.vocabulary.ETHNICITIES), max_size=2))),
        boroughs=tuple(draw(st.lists(st.sampled_from(BOROUGHS), max_size=2))),
        states=tuple(draw(st.lists(st.sampled_from(values["states"]), max_size=2))),
        near=maybe(st.tuples(st.floats(40.5, 40.95), st.floats(-74.25, -73.7), st.floats(0.5, 15))),
        min_bonding=maybe(st.sampled_from([0, 100_000, 1_000_000, 5_000_000])),
        min_contract_value=maybe(st.sampled_from([0, 10_000, 250_000, 1_000_000])),
        union_signatory=maybe(st.booleans()),
        passport_enrolled=maybe(st.booleans()),
        certified_through=maybe(st.dates(dt.date(2025, 1, 1), dt.date(2031, 12, 31))),
        min_years_in_business=maybe(st.sampled_from([0, 1, 3, 5, 10, 20])),
        exclude=tuple(draw(st.lists(st.sampled_from(values["accounts"]), max_size=20))),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(need=random_needs(), top=st.integers(1, 40))
def test_every_firm_returned_meets_every_requirement(need, top):
    matcher = bundled_matcher()
    result = matcher.shortlist(need, top=top)
    assert len(result) <= top
    firms = firms_by_account(bundled())
    for account in result["account_number"]:
        assert failed_requirements(firms[account], need, AS_OF) == [], account


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(needs=st.lists(random_needs(), min_size=1, max_size=6), top=st.integers(1, 15))
def test_shortlist_many_equals_one_shortlist_per_need(needs, top):
    matcher = bundled_matcher()
    needs = [Need(str(i), n.text, **{k: v for k, v in n.requirements.items()}) for i, n in enumerate(needs)]
    batch = matcher.shortlist_many(needs, top=top)
    singles = pd.concat([matcher.shortlist(n, top=top) for n in needs], ignore_index=True)
    pd.testing.assert_frame_equal(batch.reset_index(drop=True), singles)


@pytest.mark.parametrize("need", [
    Need("r1", "construction", certifications=["MBE", "WBE"], certified_through="2027-01-01", boroughs="Brooklyn"),
    Need("r2", "consulting services", near=(40.7128, -74.0060, 3), min_years_in_business=5),
    Need("r3", "electrical contractor", min_contract_value=100_000, passport_enrolled=True, states="NY"),
    Need("r4", naics=["2382", "2383"], union_signatory=True),
    Need("r5", "cleaning", ethnicity=["HISPANIC", "BLACK"], min_bonding=500_000),
], ids=lambda n: n.need_id)
def test_real_sample_shortlists_meet_every_requirement(real_matcher, real_directory, need):
    result = real_matcher.shortlist(need, top=50)
    firms = firms_by_account(real_directory)
    for account in result["account_number"]:
        assert failed_requirements(firms[account], need, AS_OF) == [], account


def test_radius_requirement_excludes_firms_without_coordinates(matcher):
    result = matcher.shortlist("cleaning", near=(40.75, -73.95, 50), top=500)
    firms = firms_by_account(bundled())
    assert len(result) > 0
    assert all(not _missing(firms[a]["latitude"]) for a in result["account_number"])
    everyone = matcher.shortlist("cleaning", top=500)
    assert len(everyone) > len(result)  # some cleaning firms are outside NYC / not geocoded


def test_certified_through_fails_firms_whose_renewal_date_is_missing(matcher):
    firms = firms_by_account(bundled())
    undated = {a for a, f in firms.items() if any(d is None for d in _renewals(f).values())}
    assert undated, "the bundled sample has firms without renewal dates"
    result = matcher.shortlist(Need("n", naics=all_sectors(), certified_through="2025-01-01"), top=1000)
    assert not undated & set(result["account_number"])


def test_certified_through_with_certifications_checks_those_certifications(matcher):
    need = Need("n", naics=all_sectors(), certifications="WBE", certified_through="2028-01-01")
    result = matcher.shortlist(need, top=1000)
    firms = firms_by_account(bundled())
    assert len(result) > 0
    assert all(_renewals(firms[a])["WBE"] >= dt.date(2028, 1, 1) for a in result["account_number"])


def test_excluded_account_numbers_never_appear(matcher):
    first = matcher.shortlist("catering", top=3)
    again = matcher.shortlist("catering", top=3, exclude=first["account_number"].tolist())
    assert not set(first["account_number"]) & set(again["account_number"])


def test_reasons_say_the_requirements_were_met(matcher):
    result = matcher.shortlist("cleaning", certifications="MBE", boroughs="Bronx", top=1)
    assert "meets every requirement (certification, borough)" in result["reasons"].iloc[0]


# --------------------------------------------------------------------------- determinism and duplicates


def test_same_input_gives_the_same_output(matcher):
    a = matcher.shortlist_many([Need("a", "painting"), Need("b", naics="2383")], top=25)
    b = matcher.shortlist_many([Need("a", "painting"), Need("b", naics="2383")], top=25)
    pd.testing.assert_frame_equal(a, b)


def test_ties_break_by_account_number(matcher):
    result = matcher.shortlist(Need("n", naics="2382"), top=50)
    for _, group in result.groupby("score", sort=False):
        assert group["account_number"].tolist() == sorted(group["account_number"])


def test_row_order_of_the_directory_does_not_change_results():
    shuffled = bundled().sample(frac=1.0, random_state=3)
    needs = [Need("a", "interpreting translation"), Need("b", naics="5416")]
    a = Matcher(shuffled, CONFIG).shortlist_many(needs, top=15)
    b = bundled_matcher().shortlist_many(needs, top=15)
    pd.testing.assert_frame_equal(a, b)


def test_duplicate_account_numbers_are_indexed_once():
    directory = bundled()
    doubled = pd.concat([directory, directory.iloc[:50]], ignore_index=True)
    result = Matcher(doubled, CONFIG).shortlist(Need("n", naics=all_sectors()), top=1000)
    assert result["account_number"].is_unique
    assert len(result) == len(Matcher(directory, CONFIG).shortlist(Need("n", naics=all_sectors()), top=1000))


# --------------------------------------------------------------------------- batches


def test_shortlist_many_reads_a_dataframe_of_needs(matcher):
    needs = pd.DataFrame({"need_id": ["a", "b"], "text": ["catering", ""], "naics": [None, "2382"],
                          "certifications": ["MBE;WBE", None]})
    result = matcher.shortlist_many(needs, top=3)
    assert result["need_id"].tolist() == ["a"] * 3 + ["b"] * 3


def test_shortlist_many_keeps_the_input_order_of_needs(matcher):
    result = matcher.shortlist_many([Need("z", "catering"), Need("a", "plumbing")], top=2)
    assert result["need_id"].tolist() == ["z", "z", "a", "a"]


def test_shortlist_many_names_the_invalid_row(matcher):
    needs = pd.DataFrame({"need_id": ["a", "b"], "text": ["catering", "plumbing"], "certifications": ["MBE", "XBE"]})
    with pytest.raises(NeedError, match="row 2") as info:
        matcher.shortlist_many(needs)
    assert info.value.field == "certifications" and "WBE" in str(info.value)


def test_shortlist_many_of_no_needs_is_an_empty_frame(matcher):
    assert tuple(matcher.shortlist_many([]).columns) == SHORTLIST_COLUMNS


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("top", [0, -3, 2.5, "10"])
def test_top_must_be_a_whole_number_of_at_least_one(matcher, top):
    with pytest.raises(ValueError, match="top"):
        matcher.shortlist("catering", top=top)


def test_an_empty_need_says_it_needs_text_or_codes(matcher):
    with pytest.raises(NeedError, match="needs text or NAICS codes"):
        matcher.shortlist("   ")


def test_an_unknown_certification_lists_the_valid_ones(matcher):
    with pytest.raises(NeedError, match="MBE, WBE, LBE, EBE"):
        matcher.shortlist("catering", certifications="DBE")


def test_a_directory_missing_columns_is_rejected_naming_them():
    with pytest.raises(ValueError, match="naics_title.*borough|borough.*naics_title"):
        Matcher(bundled().drop(columns=["naics_title", "borough"]))


def test_a_directory_column_of_the_wrong_type_is_rejected_naming_it():
    bad = bundled().copy()
    bad["bonding_limit"] = "five million"
    with pytest.raises(ValueError, match="bonding_limit"):
        Matcher(bad)


def test_no_directory_means_load_directory(empty_cache):
    with pytest.warns(mwbe_match.SampleDataWarning):
        matcher = Matcher()
    assert matcher.n_firms == mwbe_match.unique_firms(bundled()).shape[0]


def test_match_config_rejects_out_of_range_settings():
    with pytest.raises(ValueError, match="industry_weight"):
        MatchConfig(industry_weight=1.5)


def test_a_generic_english_word_gives_no_industry_hint_but_a_specific_phrase_does(bundled_directory):
    matcher = Matcher(bundled_directory)
    assert matcher.read("services").naics_hints == ()
    assert matcher.read("management").naics_hints == ()
    assert matcher.read("IT services").naics_hints  # the whole phrase, "it" included, is a concept's form
    assert any(h.startswith("56172") for h in matcher.read("office cleaning").naics_hints)


def test_vendor_names_are_verified_against_the_matchers_own_directory(bundled_directory):
    matcher = Matcher(bundled_directory)
    names = ["Harlem Shine Commercial Cleaning", "Acme Widgets of Nowhere", None]
    result = matcher.match_names(names)
    pd.testing.assert_frame_equal(result, mwbe_match.match_names(names, bundled_directory))
    assert list(result["status"]) == ["exact", "none", "invalid"]
    assert matcher._name_index() is matcher._name_index()  # built once
    candidates = matcher.name_candidates(["Harlem Shine"], k=2)
    assert candidates["rank"].tolist() == [1, 2]
