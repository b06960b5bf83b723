"""Specification of Need: normalization, batch-row parsing, and the errors bad input gets."""

from __future__ import annotations

import datetime as dt
import math

import pytest
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from mwbe_match.engine.need import ETHNICITIES, Near, Need, NeedError, needs_from_frame
from mwbe_match.schema import BOROUGHS, CERTIFICATION_TYPES


# --------------------------------------------------------------------------- normalization


def test_list_fields_accept_a_single_string_and_are_upper_cased_tuples():
    need = Need("n1", "cleaning", certifications="wbe", boroughs="queens", states="ny")
    assert need.certifications == ("WBE",)
    assert need.boroughs == ("QUEENS",)
    assert need.states == ("NY",)


def test_staten_island_spellings_all_mean_the_same_borough():
    for spelling in ("Staten Island", "STATEN IS", "staten is.", "Richmond"):
        assert Need("n", "x", boroughs=spelling).boroughs == ("STATEN ISLAND",)


def test_the_bronx_is_bronx():
    assert Need("n", "x", boroughs=["The Bronx"]).boroughs == ("BRONX",)


def test_state_names_become_codes():
    assert Need("n", "x", states=["New Jersey", "ny"]).states == ("NJ", "NY")


def test_dates_are_parsed_from_iso_strings_and_us_dates():
    assert Need("n", "x", certified_through="2027-04-30").certified_through == dt.date(2027, 4, 30)
    assert Need("n", "x", certified_through="4/30/2027").certified_through == dt.date(2027, 4, 30)
    assert Need("n", "x", certified_through=dt.datetime(2027, 4, 30, 9)).certified_through == dt.date(2027, 4, 30)


def test_naics_codes_accept_integers_and_prefixes():
    assert Need("n", naics=[5617, "561720", "23"]).naics == ("5617", "561720", "23")


def test_text_whitespace_is_collapsed():
    assert Need("n", "  office\n  cleaning ").text == "office cleaning"


def test_duplicates_in_list_fields_are_dropped_keeping_order():
    assert Need("n", "x", certifications=["WBE", "mbe", "wbe"]).certifications == ("WBE", "MBE")


def test_near_accepts_a_tuple_or_a_string():
    assert Need("n", "x", near=(40.7, -73.9, 2)).near == Near(40.7, -73.9, 2.0)
    assert Need("n", "x", near="40.7, -73.9, 2").near == Near(40.7, -73.9, 2.0)


def test_need_is_frozen_and_hashable():
    need = Need("n", "x", certifications=["MBE"])
    with pytest.raises(AttributeError):
        need.text = "y"  # type: ignore[misc]
    assert hash(need) == hash(Need("n", "x", certifications="mbe"))


def test_requirements_lists_only_the_fields_that_are_set():
    need = Need("n", "x", certifications="MBE", min_bonding=0)
    assert need.requirements == {"certifications": ("MBE",), "min_bonding": 0.0}


def test_a_naics_only_need_is_valid():
    assert Need("n", naics="5617").text == ""


# --------------------------------------------------------------------------- errors


def _error(**kwargs) -> NeedError:
    with pytest.raises(NeedError) as info:
        Need(**{"need_id": "n1", **kwargs})
    return info.value


def test_empty_text_without_naics_says_a_need_needs_text_or_codes():
    err = _error(text="   ")
    assert err.field == "text"
    assert "needs text or NAICS codes" in str(err)
    assert isinstance(err, ValueError)


def test_unknown_certification_lists_the_valid_ones():
    err = _error(text="x", certifications=["MBE", "XBE"])
    assert err.field == "certifications"
    assert "'XBE'" in str(err)
    for cert in CERTIFICATION_TYPES:
        assert cert in str(err)


def test_malformed_naics_is_named():
    for bad in ("5", "1234567", "56-17", "abc"):
        err = _error(text="x", naics=bad)
        assert err.field == "naics"
        assert repr(bad) in str(err)


def test_negative_or_zero_radius_is_an_error():
    assert _error(text="x", near=(40.7, -73.9, -1)).field == "near"
    assert "radius" in str(_error(text="x", near=(40.7, -73.9, 0)))


def test_latitude_out_of_range_is_an_error():
    assert "latitude" in str(_error(text="x", near=(140.7, -73.9, 1)))


def test_unknown_borough_lists_the_valid_ones():
    err = _error(text="x", boroughs="Jersey City")
    assert err.field == "boroughs"
    assert all(b in str(err) for b in BOROUGHS)


def test_any_hangul_in_a_borough_gets_the_korean_borough_names():
    # Hangul Jamo Extended-A counts as Hangul here as it does in the Korean layer
    for text in ("뉴저지", "\ua960\ua961"):
        err = _error(text="x", boroughs=text)
        assert err.field == "boroughs"
        assert "맨해튼" in str(err)


def test_unknown_ethnicity_lists_the_valid_ones():
    err = _error(text="x", ethnicity="martian")
    assert err.field == "ethnicity"
    assert all(e in str(err) for e in ETHNICITIES)


def test_negative_amounts_are_errors():
    assert _error(text="x", min_bonding=-5).field == "min_bonding"
    assert _error(text="x", min_years_in_business="-1").field == "min_years_in_business"


def test_non_numeric_amount_names_the_value():
    err = _error(text="x", min_contract_value="lots")
    assert err.field == "min_contract_value" and "'lots'" in str(err)


def test_bad_date_names_the_value():
    err = _error(text="x", certified_through="next spring")
    assert err.field == "certified_through" and "'next spring'" in str(err)


def test_error_message_names_the_need():
    assert "need 'n1'" in str(_error(text="x", certifications="ZZZ"))


def test_unknown_state_is_an_error():
    assert _error(text="x", states="Atlantis").field == "states"


# --------------------------------------------------------------------------- batch rows


def test_from_mapping_reads_a_typical_batch_row():
    need = Need.from_mapping({
        "need_id": "row-7",
        "text": "office cleaning",
        "Certifications": "MBE; WBE",
        "Boroughs": "Queens;Staten Is",
        "min_bonding": "$1,000,000",
        "union_signatory": "yes",
        "passport_enrolled": "No",
        "certified_through": "2027-01-31",
        "exclude": "12345;67890",
        "company": "Hanil Foods",
        "notes": "ignored column",
    })
    assert need == Need(
        "row-7", "office cleaning", certifications=("MBE", "WBE"), boroughs=("QUEENS", "STATEN ISLAND"),
        min_bonding=1_000_000.0, union_signatory=True, passport_enrolled=False,
        certified_through=dt.date(2027, 1, 31), exclude=("12345", "67890"), company="Hanil Foods",
    )


def test_from_mapping_treats_empty_cells_and_nan_as_not_set():
    need = Need.from_mapping({"need_id": "a", "text": "plumbing", "naics": "", "min_bonding": math.nan,
                              "passport_enrolled": None, "certified_through": " "})
    assert need == Need("a", "plumbing")


def test_from_mapping_reads_near_from_three_columns():
    need = Need.from_mapping({"need_id": "a", "text": "x", "near_latitude": "40.75",
                              "near_longitude": "-73.99", "near_radius_miles": "2.5"})
    assert need.near == Near(40.75, -73.99, 2.5)


def test_from_mapping_reads_near_from_one_column():
    assert Need.from_mapping({"need_id": "a", "text": "x", "near": "40.75,-73.99,2.5"}).near == Near(40.75, -73.99, 2.5)


def test_from_mapping_needs_all_three_near_columns():
    with pytest.raises(NeedError, match="near_radius_miles"):
        Need.from_mapping({"need_id": "a", "text": "x", "near_latitude": "40.75", "near_longitude": "-73.99"})


def test_from_mapping_accepts_singular_column_names():
    need = Need.from_mapping({"id": "a", "text": "x", "certification": "MBE", "borough": "Bronx",
                              "naics_code": 238220.0})
    assert (need.need_id, need.certifications, need.boroughs, need.naics) == ("a", ("MBE",), ("BRONX",), ("238220",))


def test_from_mapping_rejects_a_misspelled_requirement_column():
    with pytest.raises(NeedError, match="did you mean 'certifications'"):
        Need.from_mapping({"need_id": "a", "text": "x", "certifcations": "MBE"})


def test_from_mapping_uses_the_given_id_when_the_row_has_none():
    assert Need.from_mapping({"text": "x"}, need_id="3").need_id == "3"
    with pytest.raises(NeedError) as info:
        Need.from_mapping({"text": "x"})
    assert info.value.field == "need_id"


def test_from_mapping_rejects_an_unreadable_boolean():
    with pytest.raises(NeedError, match="maybe"):
        Need.from_mapping({"need_id": "a", "text": "x", "union_signatory": "maybe"})


def test_from_mapping_integral_float_ids_lose_the_decimal():
    assert Need.from_mapping({"need_id": 7.0, "text": "x"}).need_id == "7"


@given(
    certs=st.lists(st.sampled_from(CERTIFICATION_TYPES), max_size=4),
    boroughs=st.lists(st.sampled_from(BOROUGHS), max_size=5),
    naics=st.lists(st.from_regex(r"\d{2,6}", fullmatch=True), max_size=3),
)
def test_from_mapping_round_trips_semicolon_joined_lists(certs, boroughs, naics):
    row = {"need_id": "h", "text": "anything", "certifications": ";".join(c.lower() for c in certs),
           "boroughs": ";".join(boroughs), "naics": ";".join(naics)}
    need = Need.from_mapping(row)
    assert need.certifications == tuple(dict.fromkeys(certs))
    assert need.boroughs == tuple(dict.fromkeys(boroughs))
    assert need.naics == tuple(dict.fromkeys(naics))


# --------------------------------------------------------------------------- a whole table at once

# cells a needs file really carries, good and bad, per column (blank: not set)
_CELLS = {
    "need_id": ["N1", " N2 ", "N1", "", "7", "요청-3"],
    "text": ["office cleaning", "  roofing   repairs ", "", "   ", "을 를?", "!!!", "사무실 청소", "=cmd"],
    "naics": ["", "5617", "561720;2382", "12a", "1", "5617.0", "238, 5617"],
    "certifications": ["", "MBE", "wbe;MBE", "XBE", "여성기업", "WBE(여성기업)", "mbe, mbe"],
    "ethnicity": ["", "Asian American", "asian", "Martian"],
    "boroughs": ["", "Queens", "Staten Is;BKLYN", "Narnia", "Flushing", "맨해튼", "플러싱"],
    "states": ["", "NY", "new jersey;CT", "XX", "뉴욕"],
    "near": ["", "10001:5", "40.75,-73.99,2", "99999:5", "10001:-1", "10001"],
    "near_zip": ["", "10001", "7302", "abc"],
    "near_radius_miles": ["", "5", "-1", "3마일"],
    "min_bonding": ["", "$1,000,000", "100만 달러", "lots", "-5", "inf"],
    "min_contract_value": ["", "2000", "1억 5천만"],
    "union_signatory": ["", "yes", "no", "maybe", "예"],
    "passport_enrolled": ["", "true", "0", "Y"],
    "certified_through": ["", "2026-12-31", "6/30/2027", "2027년 6월 30일", "2027-02-30", "soon"],
    "min_years_in_business": ["", "3", "-3", "5년"],
    "exclude": ["", "123;456", " 789 "],
    "company": ["", "  Acme   Corp ", "Company 1"],
    "Notes": ["", "call first"],
}


@st.composite
def _needs_tables(draw):
    columns = draw(st.lists(st.sampled_from(sorted(_CELLS)), min_size=1, max_size=8, unique=True))
    if draw(st.booleans()):
        columns.append("text")
    columns = list(dict.fromkeys(columns))
    n = draw(st.integers(1, 12))
    data = {c: [draw(st.sampled_from(_CELLS[c])) for _ in range(n)] for c in columns}
    return pd.DataFrame(data, dtype=draw(st.sampled_from(["str", object])))


def _outcome(read):
    try:
        return read()
    except (NeedError, TypeError, ValueError) as exc:
        return exc


def _same(a, b) -> bool:
    if isinstance(b, Exception):
        return type(a) is type(b) and str(a) == str(b) and getattr(a, "field", None) == getattr(b, "field", None)
    return isinstance(a, Need) and a == b


@settings(max_examples=60, deadline=None)
@given(_needs_tables())
def test_a_needs_table_read_column_by_column_gives_the_needs_and_errors_of_reading_it_row_by_row(frame):
    ids = [f"row-{i + 1}" for i in range(len(frame))]
    rows = frame.to_dict("records")
    by_row = [_outcome(lambda: Need.from_mapping(row, need_id=ids[i])) for i, row in enumerate(rows)]
    by_column = needs_from_frame(frame, ids)
    assert len(by_column) == len(frame)  # no row lost
    assert all(_same(a, b) for a, b in zip(by_column, by_row)), list(zip(by_column, by_row))


def test_a_needs_table_with_a_field_given_by_two_columns_is_refused_row_by_row_as_given_twice():
    frame = pd.DataFrame({"text": ["cleaning", "roofing"], "borough": ["Queens", ""], "boroughs": ["Bronx", "Bronx"]},
                         dtype="str")
    first, second = needs_from_frame(frame, ["a", "b"])
    assert isinstance(first, NeedError) and "given twice" in str(first)
    assert second == Need("b", "roofing", boroughs="Bronx")


def test_a_needs_table_of_numbers_and_missing_cells_reads_as_its_rows_do():
    frame = pd.DataFrame({"need_id": [1.0, 2.0, None], "text": ["cleaning", None, "roofing"],
                          "naics": [5617, 238, 23], "min_bonding": [1e6, float("nan"), -1.0],
                          "union_signatory": [True, False, None]})
    ids = ["row-1", "row-2", "row-3"]
    by_row = [_outcome(lambda: Need.from_mapping(row, need_id=ids[i])) for i, row in enumerate(frame.to_dict("records"))]
    assert all(_same(a, b) for a, b in zip(needs_from_frame(frame, ids), by_row))
