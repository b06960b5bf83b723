"""Specification of supplier verification (mwbe_match.verify): NameIndex, match_names, name_candidates."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match.certification import certification_status
from mwbe_match.verify import (
    CANDIDATE_COLUMNS,
    DEFAULT_THRESHOLD,
    MATCH_COLUMNS,
    STATUSES,
    NameColumnError,
    NameIndex,
    VerifyConfig,
    find_name_column,
    match_names,
    name_candidates,
)

MATCHED = ("exact", "strong")
FAR_FUTURE = dt.date(2099, 12, 31)


def make_directory(rows: list[dict]) -> pd.DataFrame:
    """A small normalized-style directory: the columns NameIndex uses, pyarrow dtypes.

    Each certification renews on ``certification_expires`` unless the row gives
    ``certification_renewal_dates``.
    """
    columns = {
        "account_number": pa.string(), "name": pa.string(), "dba": pa.string(), "phone": pa.string(),
        "website": pa.string(), "zip": pa.string(), "certifications": pa.list_(pa.string()),
        "certification_renewal_dates": pa.list_(pa.date32()), "certification_expires": pa.date32(),
        "contact_first_name": pa.string(), "contact_last_name": pa.string(), "address_line_1": pa.string(),
        "city": pa.string(), "state": pa.string(), "ethnicity": pa.string(), "latitude": pa.float64(),
        "longitude": pa.float64(),
    }
    defaults = {"certifications": ["MBE"], "certification_expires": FAR_FUTURE}
    rows = [{**defaults, **r} for r in rows]
    for r in rows:
        r.setdefault("certification_renewal_dates", [r["certification_expires"]] * len(r["certifications"]))
    data = {c: [r.get(c) for r in rows] for c in columns}
    table = pa.table({c: pa.array(data[c], t) for c, t in columns.items()})
    return table.to_pandas(types_mapper=pd.ArrowDtype)


FIRMS = [
    {"account_number": "1001", "name": "Walton Plumbing & Heating LLC", "phone": "7184640694",
     "website": "http://Walton-Plumbing.com", "zip": "11428"},
    {"account_number": "1002", "name": "Scheib Corporation", "dba": "Burt Crane and Rigging", "phone": "5182716858"},
    {"account_number": "1003", "name": "Sturges Sports Group Inc.", "certifications": ["WBE"]},
    {"account_number": "1004", "name": "Ibenzer Lighting Design Inc.", "phone": "7188867868", "zip": "11356"},
    {"account_number": "1005", "name": "Acme Services LLC"},
    {"account_number": "1006", "name": "Acme Group Inc."},
    {"account_number": "1007", "name": "Harbor Electrical Contracting Corp.", "phone": "2125550100",
     "website": "https://www.harborelectric.nyc/about", "zip": "10001"},
    {"account_number": "1008", "name": "Lapsed Landscaping LLC", "certification_expires": dt.date(2020, 1, 31)},
]

_INDEX: NameIndex | None = None


def index() -> NameIndex:
    """One index of FIRMS for the whole module (built once, like the real thing)."""
    global _INDEX
    if _INDEX is None:
        _INDEX = NameIndex(make_directory(FIRMS))
    return _INDEX


def one(name, **kwargs) -> pd.Series:
    return index().match([name], **kwargs).iloc[0]


# --------------------------------------------------------------------------- matching


def test_a_name_equal_after_normalization_is_an_exact_match():
    row = one("WALTON PLUMBING AND HEATING")
    assert (row["status"], row["account_number"], row["score"]) == ("exact", "1001", 100.0)
    assert row["matched_name"] == "Walton Plumbing & Heating LLC"
    assert "same formal name" in row["reasons"]


def test_a_dba_matches_its_firm_and_says_so():
    row = one("Burt Crane & Rigging Co.")
    assert (row["status"], row["account_number"]) == ("exact", "1002")
    assert row["matched_name"] == "Burt Crane and Rigging"
    assert "DBA" in row["reasons"]


def test_one_side_of_an_input_dba_can_match():
    row = one("Nobody Holdings LLC d/b/a Burt Crane and Rigging")
    assert (row["status"], row["account_number"]) == ("strong", "1002")
    assert "d/b/a" in row["reasons"]


def test_a_dba_written_inside_the_formal_name_matches_either_side():
    directory = make_directory([{"account_number": "9", "name": "Oak Holdings LLC d/b/a Riverside Deli"}])
    out = match_names(["Riverside Deli", "Oak Holdings", "Oak Holdings LLC DBA Riverside Deli"], directory)
    assert list(out["account_number"]) == ["9", "9", "9"]
    assert list(out["status"]) == ["exact", "exact", "exact"]
    assert "one side of its d/b/a" in out["reasons"].iloc[0]


def test_a_different_legal_form_still_matches_with_a_reason():
    row = one("Sturges Sports Group LLC")
    assert (row["status"], row["account_number"]) == ("strong", "1003")
    assert row["score"] < 100
    assert "legal form differs" in row["reasons"]


def test_an_agreeing_legal_form_decides_between_two_otherwise_equal_names():
    directory = make_directory([{"account_number": "L", "name": "Delta Widgets, LLC"},
                                {"account_number": "I", "name": "Delta Widgets Inc."}])
    out = match_names(["Delta Widgets L.L.C.", "Delta Widgets Incorporated", "Delta Widgets"], directory)
    assert list(out["account_number"][:2]) == ["L", "I"] and list(out["status"][:2]) == ["exact", "exact"]
    assert out["status"].iloc[2] == "possible"


def test_a_missing_legal_form_is_no_reason_to_prefer_a_firm():
    directory = make_directory([{"account_number": "N", "name": "Delta Widgets"},
                                {"account_number": "I", "name": "Delta Widgets Inc."}])
    row = match_names(["Delta Widgets LLC"], directory).iloc[0]
    assert row["status"] == "possible" and "ambiguous" in row["reasons"]


def test_firms_with_equal_scores_rank_by_account_number_whatever_the_row_order():
    for accounts in (["B2", "A1"], ["A1", "B2"]):
        directory = make_directory([{"account_number": a, "name": "Delta Widgets LLC"} for a in accounts])
        assert list(name_candidates(["Delta Widgets LLC"], directory)["account_number"]) == ["A1", "B2"]
        assert match_names(["Delta Widgets LLC"], directory)["account_number"].iloc[0] == "A1"


def test_a_dropped_generic_word_still_matches_and_names_the_word():
    row = one("Sturges Sports")
    assert (row["status"], row["account_number"]) == ("strong", "1003")
    assert "'group'" in row["reasons"]


def test_a_typo_still_matches_and_says_typo():
    row = one("Ibenzer Lihgting Design")
    assert (row["status"], row["account_number"]) == ("strong", "1004")
    assert "typo" in row["reasons"]


def test_a_name_shared_by_two_firms_is_only_possible_and_names_the_rival():
    row = one("Acme")
    assert row["status"] == "possible"
    assert row["account_number"] in ("1005", "1006")
    assert "ambiguous" in row["reasons"]


def test_an_unrelated_name_is_none_with_a_null_account():
    row = one("Zyxwv Quantum Bakery")
    assert row["status"] == "none"
    assert pd.isna(row["account_number"]) and pd.isna(row["matched_name"])
    assert row["score"] < DEFAULT_THRESHOLD - 15


def test_a_partial_name_is_possible_for_review():
    row = one("Walton Plumbing")
    assert (row["status"], row["account_number"]) == ("possible", "1001")


def test_the_firm_certifications_and_expiry_come_with_the_match():
    row = one("Sturges Sports Group")
    assert list(row["certifications"]) == ["WBE"]
    assert row["certification_expires"] == FAR_FUTURE


def test_a_lapsed_firm_keeps_its_name_status_and_is_flagged_lapsed_with_the_day_it_lapsed():
    row = one("Lapsed Landscaping LLC")
    assert (row["status"], row["certification_status"]) == ("exact", "lapsed")
    assert row["certified_through"] == dt.date(2020, 1, 31)
    assert "certification lapsed on 2020-02-01 (certified through 2020-01-31)" in row["reasons"]


# --------------------------------------------------------------------------- certification status

AS_OF = dt.date(2026, 12, 1)
STANDING = [
    {"account_number": "2001", "name": "Renewing Roofers LLC", "certifications": ["MBE", "WBE"],
     "certification_renewal_dates": [dt.date(2027, 1, 15), dt.date(2029, 6, 30)]},
    {"account_number": "2002", "name": "Undated Upholstery Inc.", "certifications": ["WBE"],
     "certification_renewal_dates": []},
    {"account_number": "2003", "name": "Halfway Hauling Corp.", "certifications": ["MBE", "WBE"],
     "certification_renewal_dates": [dt.date(2026, 5, 31), dt.date(2028, 3, 31)]},
    {"account_number": "2004", "name": "Steady Stonework LLC", "certifications": ["EBE"],
     "certification_renewal_dates": [dt.date(2030, 1, 1)], "contact_first_name": "Ana",
     "contact_last_name": "Lima", "address_line_1": "1 Centre St", "city": "New York", "state": "NY",
     "zip": "10007", "ethnicity": "HISPANIC", "latitude": 40.713, "longitude": -74.004,
     "phone": "2125550123", "website": "https://steadystone.example"},
    {"account_number": "2005", "name": "Lastname Only Landscaping LLC", "contact_last_name": "Okafor"},
]


@pytest.fixture(scope="module")
def standing_index() -> NameIndex:
    return NameIndex(make_directory(STANDING))


def test_status_is_about_the_name_and_certification_status_about_the_certification(standing_index):
    out = standing_index.match([f["name"] for f in STANDING[:4]], as_of=AS_OF)
    assert out["status"].tolist() == ["exact"] * 4
    assert out["certification_status"].tolist() == ["expiring", "unknown", "active", "active"]
    assert set(out["as_of"]) == {AS_OF}
    assert out["certified_through"].tolist() == [dt.date(2029, 6, 30), pd.NA, dt.date(2028, 3, 31),
                                                 dt.date(2030, 1, 1)]


def test_an_expiring_firm_says_which_certification_renews_when(standing_index):
    row = standing_index.match(["Renewing Roofers"], as_of=AS_OF).iloc[0]
    assert "certification expiring: MBE renews on 2027-01-15 (within 90 days of 2026-12-01)" in row["reasons"]


def test_the_expiry_window_is_a_parameter(standing_index):
    row = standing_index.match(["Renewing Roofers"], as_of=AS_OF, expiring_within_days=30).iloc[0]
    assert row["certification_status"] == "active"
    assert "expiring" not in row["reasons"]


def test_a_firm_without_a_published_renewal_date_is_unknown_and_says_so(standing_index):
    row = standing_index.match(["Undated Upholstery"], as_of=AS_OF).iloc[0]
    assert row["certification_status"] == "unknown"
    assert "no certification renewal date is published" in row["reasons"]


def test_a_certified_firm_whose_other_certification_lapsed_names_the_lapsed_one(standing_index):
    row = standing_index.match(["Halfway Hauling"], as_of=AS_OF).iloc[0]
    assert row["certification_status"] == "active"
    assert "MBE certification lapsed on 2026-06-01" in row["reasons"]
    assert "WBE certification lapsed" not in row["reasons"]


def test_the_same_firm_is_judged_on_the_as_of_date_given(standing_index):
    on = {day: standing_index.match(["Steady Stonework"], as_of=day).iloc[0]["certification_status"]
          for day in ("2026-12-01", "2029-11-01", "2030-01-02")}
    assert on == {"2026-12-01": "active", "2029-11-01": "expiring", "2030-01-02": "lapsed"}


def test_as_of_defaults_to_today(standing_index):
    assert standing_index.match(["Steady Stonework"]).iloc[0]["as_of"] == dt.date.today()


@pytest.mark.parametrize("kwargs, word", [({"as_of": "soon"}, "as_of"), ({"expiring_within_days": -5},
                                                                          "expiring_within_days")])
def test_a_bad_as_of_or_window_is_an_error_naming_it(standing_index, kwargs, word):
    with pytest.raises(ValueError, match=word):
        standing_index.match(["Steady Stonework"], **kwargs)
    with pytest.raises(ValueError, match=word):
        standing_index.candidates(["Steady Stonework"], **kwargs)


def test_rows_without_a_firm_have_no_certification_status_or_contact(standing_index):
    out = standing_index.match(["Zzyzx Quantum Bakery", None], as_of=AS_OF)
    assert out["status"].tolist() == ["none", "invalid"]
    for column in ("certification_status", "certified_through", "as_of", "contact_name", "phone", "city",
                   "latitude"):
        assert out[column].isna().all(), column


def test_whom_to_call_and_where_comes_with_every_match(standing_index):
    row = standing_index.match(["Steady Stonework"], as_of=AS_OF).iloc[0]
    got = {c: row[c] for c in ("contact_name", "phone", "website", "address_line_1", "city", "state", "zip",
                               "ethnicity", "latitude", "longitude")}
    assert got == {"contact_name": "Ana Lima", "phone": "2125550123", "website": "https://steadystone.example",
                   "address_line_1": "1 Centre St", "city": "New York", "state": "NY", "zip": "10007",
                   "ethnicity": "HISPANIC", "latitude": 40.713, "longitude": -74.004}
    assert standing_index.match(["Lastname Only Landscaping"]).iloc[0]["contact_name"] == "Okafor"


def test_candidates_carry_each_candidate_s_certification_status(standing_index):
    out = standing_index.candidates(["Halfway Hauling", "Undated Upholstery"], k=1, as_of=AS_OF)
    assert out["certification_status"].tolist() == ["active", "unknown"]
    assert out["reasons"].str.contains("lapsed on 2026-06-01").tolist() == [True, False]
    assert tuple(out.columns) == CANDIDATE_COLUMNS


def test_match_names_and_name_candidates_pass_as_of_through():
    directory = make_directory(STANDING)
    assert match_names(["Steady Stonework"], directory, as_of="2030-01-02")["certification_status"].iloc[0] == \
        "lapsed"
    assert name_candidates(["Steady Stonework"], directory, k=1, as_of="2030-01-02",
                           expiring_within_days=0)["certification_status"].iloc[0] == "lapsed"


def test_threshold_decides_strong_versus_possible():
    assert one("Walton Plumbing", threshold=70)["status"] == "strong"
    assert one("Ibenzer Lihgting Design", threshold=99)["status"] == "possible"


@pytest.mark.parametrize("bad", [-1, 101, "90", None, True])
def test_a_threshold_outside_0_to_100_is_refused(bad):
    with pytest.raises(ValueError, match="threshold"):
        index().match(["Acme"], threshold=bad)


# --------------------------------------------------------------------------- corroboration


def test_matching_phone_website_and_zip_raise_a_weak_name_to_strong():
    alone = one("Walton Plumbing")
    vendors = pd.DataFrame({"vendor_name": ["Walton Plumbing"], "Phone": ["(718) 464-0694"],
                            "Website": ["www.walton-plumbing.com/contact"], "ZIP": [11428]})
    row = index().match(vendors).iloc[0]
    assert row["score"] > alone["score"]
    assert (row["status"], row["account_number"]) == ("strong", "1001")
    for reason in ("phone matches", "website domain matches", "ZIP matches"):
        assert reason in row["reasons"]


def test_conflicting_phone_and_website_lower_an_exact_name():
    vendors = pd.DataFrame({"name": ["Harbor Electrical Contracting Corp."] * 2,
                            "phone": ["212-555-0100", "917-555-9999"],
                            "website": ["harborelectric.nyc", "http://other-firm.com"]})
    agree, conflict = (r for _, r in index().match(vendors).iterrows())
    assert agree["status"] == "exact" and agree["score"] == 100
    assert conflict["account_number"] == "1007"
    assert conflict["status"] != "exact"
    assert conflict["score"] < agree["score"]
    assert "phone differs" in conflict["reasons"] and "website domain differs" in conflict["reasons"]


def test_evidence_picks_between_two_firms_with_the_same_name():
    directory = make_directory([
        {"account_number": "A", "name": "Twin Builders LLC", "phone": "2125550001"},
        {"account_number": "B", "name": "Twin Builders LLC", "phone": "7185550002"},
    ])
    plain = match_names(["Twin Builders"], directory).iloc[0]
    assert plain["status"] == "possible" and "ambiguous" in plain["reasons"]
    told = match_names(pd.DataFrame({"name": ["Twin Builders"], "phone": ["718 555 0002"]}), directory).iloc[0]
    assert (told["status"], told["account_number"]) == ("exact", "B")


def test_an_unusable_phone_is_ignored_and_reported():
    row = index().match(pd.DataFrame({"name": ["Ibenzer Lighting Design"], "phone": ["call us"]})).iloc[0]
    assert row["status"] == "exact"
    assert "phone 'call us' ignored" in row["reasons"]


# --------------------------------------------------------------------------- rows and shapes


def test_every_input_row_keeps_its_place_including_invalid_ones():
    names = ["Sturges Sports", None, "", "  ", "&&", "Burt Crane and Rigging", float("nan")]
    out = index().match(names)
    assert list(out["status"]) == ["strong", "invalid", "invalid", "invalid", "invalid", "exact", "invalid"]
    assert list(out["reasons"][1:5]) == ["name is missing", "name is empty", "name is empty",
                                         "name has no letters or digits"]
    assert out["reasons"].iloc[6] == "name is missing (NaN)"
    assert out["input_name"].iloc[0] == "Sturges Sports" and pd.isna(out["input_name"].iloc[1])
    assert out["score"].iloc[1:5].isna().all()


def test_mixed_types_are_handled_row_by_row():
    out = index().match(["Sturges Sports Group", 1800, 3.5, None, True, b"bytes", dt.date(2024, 1, 1)])
    assert list(out["input_name"].fillna("<NA>")) == ["Sturges Sports Group", "1800", "3.5", "<NA>", "True",
                                                       "b'bytes'", "2024-01-01"]
    assert list(out["status"]) == ["exact", "none", "none", "invalid", "invalid", "invalid", "invalid"]
    assert "not text (got bytes)" in out["reasons"].iloc[5]


def test_a_series_keeps_its_index_and_a_list_gets_a_range_index():
    s = pd.Series(["Sturges Sports", "Acme Group"], index=["v9", "v3"])
    assert list(index().match(s).index) == ["v9", "v3"]
    assert list(index().match(["a", "b"]).index) == [0, 1]


def test_a_dataframe_name_column_is_found_by_its_usual_names_in_any_case():
    for column in ("name", "Vendor_Name", "VENDOR", "Company", "input_name"):
        out = index().match(pd.DataFrame({"other": [1], column: ["Sturges Sports Group"]}))
        assert out["account_number"].iloc[0] == "1003"


def test_name_column_picks_a_column_explicitly():
    frame = pd.DataFrame({"name": ["nothing like it"], "Supplier": ["Sturges Sports Group"]})
    assert index().match(frame, name_column="supplier")["account_number"].iloc[0] == "1003"


def test_a_dataframe_without_a_name_column_is_an_error_listing_its_columns():
    frame = pd.DataFrame({"supplier_id": [1], "amount": [2.0]})
    with pytest.raises(NameColumnError, match=r"'supplier_id', 'amount'") as err:
        index().match(frame)
    assert isinstance(err.value, KeyError)
    with pytest.raises(KeyError, match=r"'Vendor Name' is not in the DataFrame.*'supplier_id', 'amount'"):
        index().match(frame, name_column="Vendor Name")


@pytest.mark.parametrize("bad", [42, {"a": 1}, None])
def test_names_that_are_not_list_like_are_refused(bad):
    with pytest.raises(TypeError, match="names must be"):
        index().match(bad)


def test_a_single_string_is_one_row():
    out = index().match("Sturges Sports Group")
    assert len(out) == 1 and out["status"].iloc[0] == "exact"


@pytest.mark.parametrize("empty", [[], pd.Series([], dtype=object), pd.DataFrame({"vendor": []}),
                                   pd.DataFrame({"Name": pd.Series([], dtype="string[pyarrow]")})])
def test_an_empty_input_gives_an_empty_result_with_all_columns_and_dtypes(empty):
    out = index().match(empty)
    full = index().match(["Sturges Sports Group", None])
    assert len(out) == 0
    assert tuple(out.columns) == MATCH_COLUMNS
    assert out.dtypes.equals(full.dtypes)


def test_result_dtypes_are_pyarrow_backed():
    out = index().match(["Sturges Sports Group"])
    assert str(out["score"].dtype) == "double[pyarrow]"
    assert out["certifications"].dtype == pd.ArrowDtype(pa.list_(pa.string()))
    assert out["certification_expires"].dtype == pd.ArrowDtype(pa.date32())


def test_results_round_trip_through_parquet(tmp_path):
    out = index().match(["Sturges Sports Group", None, "Acme"])
    out.to_parquet(tmp_path / "verified.parquet")
    back = pd.read_parquet(tmp_path / "verified.parquet", dtype_backend="pyarrow")
    assert back["status"].tolist() == out["status"].tolist()


@given(st.lists(st.one_of(st.text(max_size=30), st.none(), st.integers(), st.floats(),
                          st.sampled_from([f["name"] for f in FIRMS])), max_size=12))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_list_gives_one_row_per_input_in_order_with_known_statuses(values):
    out = index().match(values)
    assert len(out) == len(values)
    assert list(out.index) == list(range(len(values)))
    assert set(out["status"]) <= set(STATUSES)
    for value, shown, status in zip(values, out["input_name"], out["status"]):
        if isinstance(value, str):
            assert shown == value
        if value is None or (isinstance(value, float) and np.isnan(value)):
            assert status == "invalid"
    matched = out[out["status"].isin(MATCHED)]
    assert matched["account_number"].notna().all()
    assert out.loc[out["status"].isin(["none", "invalid"]), "account_number"].isna().all()


# --------------------------------------------------------------------------- candidates


def test_candidates_are_long_form_ranked_best_first():
    out = index().candidates(["Acme", "Sturges Sports Group"], k=2)
    assert tuple(out.columns) == CANDIDATE_COLUMNS
    acme = out[out["input_row"] == 0]
    assert list(acme["rank"]) == [1, 2]
    assert set(acme["account_number"]) == {"1005", "1006"}
    assert out[out["input_row"] == 1]["account_number"].iloc[0] == "1003"
    assert (out.groupby("input_row")["score"].apply(lambda s: s.is_monotonic_decreasing)).all()


def test_candidates_keep_rows_without_any_candidate():
    out = name_candidates([None, "Zzzz Qqqq"], make_directory(FIRMS), k=3)
    assert list(out["input_row"]) == [0, 1]
    assert out["rank"].isna().all() and out["account_number"].isna().all()
    assert out["reasons"].iloc[0] == "name is missing"


@pytest.mark.parametrize("k", [0, -1, 2.5, True])
def test_candidates_need_a_positive_k(k):
    with pytest.raises(ValueError, match="k must be"):
        index().candidates(["Acme"], k=k)


# --------------------------------------------------------------------------- directory


def test_match_names_builds_the_index_from_a_directory_frame():
    out = match_names(["Burt Crane and Rigging"], make_directory(FIRMS))
    assert out["account_number"].iloc[0] == "1002"


def test_duplicate_account_numbers_count_as_one_firm():
    directory = make_directory([
        {"account_number": "7", "name": "Repeat Roofing LLC", "certification_expires": dt.date(2025, 1, 1)},
        {"account_number": "7", "name": "Repeat Roofing LLC", "certification_expires": dt.date(2030, 1, 1)},
    ])
    row = match_names(["Repeat Roofing"], directory).iloc[0]
    assert (row["status"], row["account_number"]) == ("exact", "7")
    assert row["certification_expires"] == dt.date(2030, 1, 1)


def test_an_empty_directory_matches_nothing():
    out = match_names(["Acme", None], make_directory([]))
    assert list(out["status"]) == ["none", "invalid"]


def test_no_directory_means_the_default_one(empty_cache):
    with pytest.warns(mwbe_match.SampleDataWarning):
        out = match_names(["Adelante Advertising"])
    assert out["status"].iloc[0] == "exact"


def test_the_index_is_reusable_and_says_what_it_holds():
    idx = index()
    assert len(idx) == len(FIRMS)
    assert "names and DBAs" in repr(idx)
    first = idx.match(["Acme Group"])
    assert idx.match(["Acme Group"]).equals(first)


# --------------------------------------------------------------------------- real rows


@pytest.fixture(scope="module")
def real_index(real_directory) -> NameIndex:
    return NameIndex(real_directory)


def _suffix_dropped(name: str) -> str:
    return re.sub(r"[,\s]+(inc|llc|corp|corporation|co|ltd|pllc|p\.c|pc)\.?$", "", name, flags=re.IGNORECASE)


def test_twenty_real_firms_typed_carelessly_match_their_own_accounts(real_directory, real_index):
    firms = real_directory.sample(20, random_state=3)
    queries = []
    for name in firms["name"].astype(object):
        queries += [name.upper(), _suffix_dropped(name), re.sub(r"[^\w\s]", "", name),
                    name.replace("&", "and"), _suffix_dropped(name).lower() + " Inc."]
    out = real_index.match(queries)
    expected = np.repeat(firms["account_number"].astype(object).to_numpy(), 5)
    assert list(out["account_number"]) == list(expected)
    assert out["status"].isin(MATCHED).all()


def test_every_real_firm_looked_up_by_its_own_record_is_exact(real_directory, real_index):
    out = real_index.match(real_directory)  # name, phone, website and zip columns
    assert (out["status"] == "exact").all()
    assert list(out["account_number"]) == list(real_directory["account_number"])


def test_real_dbas_find_their_firms(real_index):
    out = real_index.match(["Burt Crane & Rigging", "Speech Kids NY", "The Plumbing Exchange"])
    assert list(out["account_number"]) == ["100523", "361213", "104094"]
    assert out["reasons"].str.contains("DBA").all()


def test_every_real_firm_lapsed_on_2026_12_01_is_verified_as_lapsed(real_directory, real_index):
    lapsed = certification_status(real_directory, "2026-12-01")["certification_status"].eq("lapsed").to_numpy()
    assert lapsed.sum() == 67
    out = real_index.match(real_directory["name"][lapsed].tolist(), as_of="2026-12-01")
    matched = out[out["status"].isin(MATCHED)]
    assert len(matched) == 67
    assert (matched["certification_status"] == "lapsed").all()
    assert matched["reasons"].str.contains(r"certification lapsed on \d{4}-\d\d-\d\d").all()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2031, 12, 31)), st.integers(0, 400))
def test_verification_status_is_the_directory_s_own_status_for_the_matched_firm_on_any_date(
        real_directory, real_index, as_of, window):
    sample = real_directory.iloc[::9]
    out = real_index.match(sample["name"].tolist(), as_of=as_of, expiring_within_days=window)
    expected = certification_status(sample, as_of, expiring_within_days=window)
    assert out["account_number"].tolist() == sample["account_number"].tolist()
    assert out["certification_status"].tolist() == expected["certification_status"].tolist()
    assert out["certified_through"].tolist() == expected["certified_through"].tolist()


def test_a_real_firm_with_a_similar_name_is_not_matched(real_directory):
    # "Dose Engineering PLLC" is not "Doshi Engineering PLLC": both are in the real list.
    without_dose = real_directory[~real_directory["name"].str.startswith("Dose Engineering").fillna(False)]
    row = match_names(["Dose Engineering PLLC"], without_dose).iloc[0]
    assert row["status"] not in MATCHED


# --------------------------------------------------------------------------- settings and directory inputs


def test_a_directory_path_is_accepted_like_the_matcher_accepts_it(real_sample_path, real_directory):
    query = [real_directory["name"].iloc[0], "Nothing Like Any Firm Whatsoever"]
    from_path = match_names(query, real_sample_path, as_of=FAR_FUTURE)
    from_frame = match_names(query, real_directory, as_of=FAR_FUTURE)
    pd.testing.assert_frame_equal(from_path, from_frame)
    assert len(NameIndex(str(real_sample_path))) == len(NameIndex(real_directory))


def test_a_directory_that_is_neither_a_frame_nor_a_path_is_refused():
    with pytest.raises(TypeError, match="directory must be a DataFrame"):
        NameIndex(42)


def test_the_config_sets_the_defaults_and_a_keyword_overrides_it():
    strict = NameIndex(make_directory(FIRMS), VerifyConfig(threshold=99, as_of=FAR_FUTURE))
    assert strict.match(["Ibenzer Lihgting Design"]).iloc[0]["status"] == "possible"
    lenient = strict.match(["Walton Plumbing"], threshold=70).iloc[0]
    assert lenient["status"] == "strong" and lenient["as_of"] == FAR_FUTURE
    assert strict.match(["Walton Plumbing"], threshold=70, as_of="2026-12-01").iloc[0]["as_of"] == dt.date(2026, 12, 1)
    assert strict.config.threshold == 99 and index().config == VerifyConfig()


def test_match_names_and_name_candidates_take_a_config():
    directory = make_directory(FIRMS)
    config = VerifyConfig(threshold=70, top=1, as_of="2099-12-31")
    matched = match_names(["Walton Plumbing"], directory, config=config).iloc[0]
    assert matched["status"] == "strong" and matched["as_of"] == FAR_FUTURE
    assert len(name_candidates(["Acme"], directory, config=config)) == 1


def test_candidates_take_top_as_shortlists_do_and_k_still_works():
    by_top = index().candidates(["Acme"], top=2)
    pd.testing.assert_frame_equal(by_top, index().candidates(["Acme"], k=2))
    assert list(by_top["rank"]) == [1, 2]
    pd.testing.assert_frame_equal(name_candidates(["Acme"], make_directory(FIRMS), top=1),
                                  name_candidates(["Acme"], make_directory(FIRMS), k=1))
    with pytest.raises(ValueError, match="top and k"):
        index().candidates(["Acme"], top=2, k=3)


@pytest.mark.parametrize("setting, value", [("threshold", 101), ("top", 0), ("workers", 0),
                                            ("expiring_within_days", -1), ("as_of", "soon")])
def test_a_bad_setting_is_an_error_naming_it(setting, value):
    with pytest.raises(ValueError, match=setting):
        VerifyConfig(**{setting: value})


def test_workers_can_be_given_to_the_index_directly():
    built = NameIndex(make_directory(FIRMS), workers=1)
    assert built.workers == built.config.workers == 1
    pd.testing.assert_frame_equal(built.match(["Acme Group"]), index().match(["Acme Group"]))


def test_find_name_column_finds_the_usual_names_or_the_one_given():
    frame = pd.DataFrame({"Amount": [1], "Vendor_Name": ["Acme"], "Company": ["x"]})
    assert find_name_column(frame) == "Vendor_Name"
    assert find_name_column(frame, "company") == "Company"
    with pytest.raises(NameColumnError, match="'Amount', 'Vendor_Name', 'Company'"):
        find_name_column(frame, "supplier")


def test_the_package_exports_verification_from_mwbe_match_verify():
    assert mwbe_match.NameIndex is NameIndex and mwbe_match.match_names is match_names
