"""Specification of the directory data layer: load_directory and its validation report."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

import mwbe_match
from mwbe_match.schema import DIRECTORY_COLUMNS, DIRECTORY_SCHEMA
from mwbe_match.sources import NYC_SBS

from conftest import REAL_SAMPLE_FIRMS

EXPORT_TO_API = {c.export: c.api for c in NYC_SBS.columns}


def firm(df: pd.DataFrame, account: str) -> pd.Series:
    rows = df[df["account_number"] == account]
    assert len(rows) == 1, f"expected one row for account {account}, got {len(rows)}"
    return rows.iloc[0]


def write_raw(raw: pd.DataFrame, path: Path) -> Path:
    raw.to_csv(path, index=False, quoting=1)
    return path


# --------------------------------------------------------------------------- the real extract


def test_real_extract_loads_every_firm_with_the_documented_schema(real_directory):
    assert len(real_directory) == REAL_SAMPLE_FIRMS
    assert tuple(real_directory.columns) == DIRECTORY_COLUMNS
    assert real_directory["account_number"].is_unique
    for name, field in zip(DIRECTORY_SCHEMA.names, DIRECTORY_SCHEMA):
        dtype = real_directory[name].dtype
        assert isinstance(dtype, pd.ArrowDtype), name
        assert dtype.pyarrow_dtype == field.type, name


def test_real_extract_validation_report_lists_only_real_problems(real_directory):
    report = mwbe_match.validation_report(real_directory)
    assert list(report.columns) == ["row", "account_number", "column", "raw_value", "problem"]
    # The one cell in the extract that cannot be read: a masked phone number.
    assert report.to_dict("records") == [
        {"row": 481, "account_number": "340985", "column": "telephone",
         "raw_value": "877808MASK", "problem": "not a 10-digit phone number"}
    ]
    assert pd.isna(firm(real_directory, "340985")["phone"])


def test_api_field_names_load_to_an_identical_frame(real_raw, real_directory, tmp_path):
    api_style = real_raw.rename(columns=EXPORT_TO_API)
    assert "cert_renewal_date" in api_style.columns and "mailingaddress1" in api_style.columns
    loaded = mwbe_match.load_directory(write_raw(api_style, tmp_path / "api.csv"))
    assert_frame_equal(loaded, real_directory)


def test_headers_match_ignoring_case_spaces_and_punctuation(real_raw, real_directory):
    mangled = real_raw.rename(columns=lambda c: " " + c.upper().replace("_", " ") + " ")
    assert_frame_equal(mwbe_match.load_directory(mangled), real_directory)


def test_raw_dataframe_in_either_style_loads_like_the_file(real_raw, real_directory):
    assert_frame_equal(mwbe_match.load_directory(real_raw), real_directory)


def test_parquet_round_trip_is_identical(real_directory, tmp_path):
    path = tmp_path / "directory.parquet"
    real_directory.to_parquet(path)
    loaded = mwbe_match.load_directory(path)
    assert_frame_equal(loaded, real_directory)
    assert mwbe_match.directory_metadata(loaded)["source"] == mwbe_match.directory_metadata(real_directory)["source"]
    assert_frame_equal(mwbe_match.validation_report(loaded), mwbe_match.validation_report(real_directory))


def test_normalized_dataframe_passes_through_unchanged(real_directory):
    assert_frame_equal(mwbe_match.load_directory(real_directory), real_directory)


def test_parquet_with_a_normalized_column_of_the_wrong_type_names_the_file(real_directory, tmp_path):
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(real_directory, preserve_index=False)
    i = table.schema.get_field_index("certifications")
    table = table.set_column(i, "certifications", pa.array(["MBE"] * len(table)))
    path = tmp_path / "bad.parquet"
    pq.write_table(table, path)
    with pytest.raises(ValueError, match=r"bad\.parquet has a column of the wrong type"):
        mwbe_match.load_directory(path)


# --------------------------------------------------------------------------- parsing rules, on real rows


def test_multiline_descriptions_and_curly_quotes_are_kept(real_directory):
    row = firm(real_directory, "373634")
    assert row["name"] == "“I AM” EHS Management LLC"
    assert "\n\nRecognizing this transformation" in row["description"]
    assert firm(real_directory, "1099")["name"] == "d expósito & Partners, LLC"


def test_renewal_dates_are_kept_per_certification_and_the_earliest_is_the_expiry(real_directory):
    row = firm(real_directory, "338805")  # MBE,EBE with 10/31/2028;10/31/2028
    assert list(row["certifications"]) == ["MBE", "EBE"]
    assert list(row["certification_renewal_dates"]) == [dt.date(2028, 10, 31)] * 2
    assert row["certification_expires"] == dt.date(2028, 10, 31)
    single = firm(real_directory, "373634")  # 3/31/2029, month without a leading zero
    assert single["certification_expires"] == dt.date(2029, 3, 31)


def test_firm_without_renewal_date_has_no_expiry(real_directory):
    row = firm(real_directory, "308309")
    assert list(row["certifications"]) == ["WBE"]
    assert list(row["certification_renewal_dates"]) == []
    assert pd.isna(row["certification_expires"])


def test_new_jersey_zip_gets_its_leading_zero_back(real_directory):
    row = firm(real_directory, "10256")
    assert (row["zip"], row["mailing_zip"], row["state"], row["mailing_state"]) == ("07417", "07417", "NJ", "New Jersey")
    assert real_directory["zip"].str.len().eq(5).all()


def test_staten_island_is_spelled_out_and_out_of_city_firms_have_no_geography(real_directory):
    assert firm(real_directory, "743")["borough"] == "STATEN ISLAND"
    outside = real_directory[real_directory["borough"].isna()]
    assert len(outside) == 306
    assert outside[["latitude", "longitude", "community_board", "nta_2020"]].isna().all().all()


def test_money_parses_dollars_commas_and_cents(real_directory):
    assert firm(real_directory, "315255")["job_1_value"] == 2056.25
    assert firm(real_directory, "666")["job_1_value"] == 1903912.71
    assert firm(real_directory, "697")["bonding_limit"] == 450_000_000.0
    assert firm(real_directory, "373634")["largest_contract_value"] == 475.0


def test_phone_keeps_only_digits(real_directory):
    assert firm(real_directory, "372982")["phone"] == "7326468998"
    assert firm(real_directory, "345867")["phone"] == "2125377707"
    assert firm(real_directory, "298950")["phone"] == "2129206207"


def test_nigp_codes_become_a_list_and_passport_a_bool(real_directory):
    assert list(firm(real_directory, "308309")["nigp_codes"]) == ["91800", "91836", "91871"]
    assert firm(real_directory, "331157")["passport_enrolled"] is False or not firm(real_directory, "331157")["passport_enrolled"]
    assert real_directory["passport_enrolled"].notna().all()


def test_union_signatory_text_is_kept_and_empty_is_null(real_directory):
    assert firm(real_directory, "697")["union_signatory"].startswith("Laborers & Abatement 78")
    assert pd.isna(firm(real_directory, "103397")["union_signatory"])


# --------------------------------------------------------------------------- bad cells and bad files


def _one_firm_raw(**overrides: str) -> pd.DataFrame:
    row = {c.export: "" for c in NYC_SBS.columns}
    row.update({
        "Account_Number": "900001", "Vendor_Formal_Name": "Test Firm LLC", "Business_Description": "Plumbing.",
        "Certification": "MBE,WBE", "Certification_Renewal_Date": "04/30/2027;4/30/2027",
        "ID6_digit_NAICS_code": "238220",
    })
    row.update(overrides)
    return pd.DataFrame([row])


@pytest.mark.parametrize(
    ("export_column", "raw", "column", "problem"),
    [
        ("Date_Of_Establishment", "13/45/2020", "established", "not a valid date"),
        ("Largest_Value_of_Contract", "about $5k", "job_1_value", "not a dollar amount"),
        ("Aggregate_Bonding_Limit", "TBD", "bonding_limit", "not a dollar amount"),
        ("Percent_Self_Performed_Job_Exp_1", "150", "job_1_percent_self_performed", "percentage"),
        ("Enrolled_in_PASSPort", "Maybe", "passport_enrolled", "not Yes or No"),
        ("ID6_digit_NAICS_code", "2382", "naics_code", "6-digit NAICS"),
        ("Borough", "GOTHAM", "borough", "unknown borough"),
        ("Postcode", "ABCDE", "zip", "ZIP"),
    ],
)
def test_unparseable_cell_becomes_null_and_is_reported(export_column, raw, column, problem):
    df = mwbe_match.load_directory(_one_firm_raw(**{export_column: raw}))
    assert len(df) == 1
    assert pd.isna(df.loc[0, column])
    report = mwbe_match.validation_report(df)
    assert len(report) == 1
    entry = report.iloc[0]
    assert (entry["row"], entry["account_number"], entry["column"], entry["raw_value"]) == (1, "900001", export_column, raw)
    assert problem in entry["problem"]


def test_bad_renewal_date_is_reported_and_left_empty():
    df = mwbe_match.load_directory(_one_firm_raw(Certification_Renewal_Date="13/45/2020;04/30/2027"))
    assert list(df.loc[0, "certification_renewal_dates"]) == [None, dt.date(2027, 4, 30)]
    assert df.loc[0, "certification_expires"] == dt.date(2027, 4, 30)
    assert "renewal date" in mwbe_match.validation_report(df).loc[0, "problem"]


def test_renewal_dates_that_do_not_pair_with_certifications_are_reported():
    df = mwbe_match.load_directory(_one_firm_raw(Certification_Renewal_Date="04/30/2027"))
    assert "1 renewal date(s) for 2 certification(s)" in mwbe_match.validation_report(df).loc[0, "problem"]


def test_unknown_certification_is_left_out_and_reported():
    df = mwbe_match.load_directory(_one_firm_raw(Certification="MBE,XYZ", Certification_Renewal_Date=""))
    assert list(df.loc[0, "certifications"]) == ["MBE"]
    assert "unknown certification type" in mwbe_match.validation_report(df).loc[0, "problem"]


def test_duplicate_account_numbers_are_reported_and_both_rows_kept():
    raw = pd.concat([
        _one_firm_raw(Certification_Renewal_Date="04/30/2027;04/30/2027", Vendor_DBA="older"),
        _one_firm_raw(Certification_Renewal_Date="04/30/2029;04/30/2029", Vendor_DBA="newer"),
        _one_firm_raw(Certification_Renewal_Date="04/30/2026;04/30/2026", Vendor_DBA="stale"),
    ], ignore_index=True)
    df = mwbe_match.load_directory(raw)
    assert len(df) == 3
    report = mwbe_match.validation_report(df)
    assert list(report["row"]) == [1, 2, 3]
    assert report["problem"].str.startswith("duplicate account number").all()
    unique = mwbe_match.unique_firms(df)
    assert list(unique["dba"]) == ["newer"]  # the certification that runs latest wins


def test_missing_required_columns_are_named_with_the_columns_found(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Name,City\nAcme,Queens\n")
    with pytest.raises(ValueError) as err:
        mwbe_match.load_directory(path)
    message = str(err.value)
    assert "Account_Number" in message and "ID6_digit_NAICS_code" in message
    assert "columns found: Name, City" in message


def test_missing_optional_column_warns_and_is_left_empty(real_raw):
    with pytest.warns(mwbe_match.DirectoryWarning, match="Website"):
        df = mwbe_match.load_directory(real_raw.drop(columns=["Website"]))
    assert df["website"].isna().all() and len(df) == REAL_SAMPLE_FIRMS


@pytest.mark.parametrize("content", [b"", b"\n"])
def test_empty_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="empty|no header"):
        mwbe_match.load_directory(path)


def test_file_in_another_encoding_names_the_path_and_the_encoding(tmp_path):
    path = tmp_path / "latin1.csv"
    _one_firm_raw(Vendor_Formal_Name="Café Société LLC").to_csv(path, index=False, encoding="latin-1")
    with pytest.raises(ValueError, match=r"latin1\.csv.*utf-8"):
        mwbe_match.load_directory(path)
    assert mwbe_match.load_directory(path, encoding="latin-1").loc[0, "name"] == "Café Société LLC"


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        mwbe_match.load_directory(tmp_path / "nope.csv")
    with pytest.raises(ValueError, match="folder"):
        mwbe_match.load_directory(tmp_path)


def test_empty_export_with_header_loads_to_an_empty_typed_frame():
    raw = pd.DataFrame(columns=[c.export for c in NYC_SBS.columns])
    df = mwbe_match.load_directory(raw)
    assert len(df) == 0 and tuple(df.columns) == DIRECTORY_COLUMNS
    assert df["certifications"].dtype == pd.ArrowDtype(pa.list_(pa.string()))


# --------------------------------------------------------------------------- properties

_cells = st.one_of(st.text(max_size=12), st.sampled_from(["$1,000", "3/31/2029", "7417", "Yes", "MBE,WBE", "12/40/2020"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.fixed_dictionaries({
    "Postcode": _cells, "Largest_Value_of_Contract": _cells, "Date_Of_Establishment": _cells,
    "Enrolled_in_PASSPort": _cells, "telephone": _cells, "Certification_Renewal_Date": _cells,
}), min_size=1, max_size=6))
def test_no_row_is_lost_and_every_unparsed_cell_is_reported(rows):
    raw = pd.concat([_one_firm_raw(**r) for r in rows], ignore_index=True)
    raw["Account_Number"] = [str(900000 + i) for i in range(len(raw))]
    df = mwbe_match.load_directory(raw)
    assert len(df) == len(raw)
    assert list(df["account_number"]) == list(raw["Account_Number"])
    reported = {(e["row"], e["column"]) for e in mwbe_match.validation_report(df).to_dict("records")}
    for export, column in [("Postcode", "zip"), ("Largest_Value_of_Contract", "job_1_value"),
                           ("Date_Of_Establishment", "established"), ("Enrolled_in_PASSPort", "passport_enrolled"),
                           ("telephone", "phone")]:
        for i in range(len(raw)):
            had_text = raw.loc[i, export].strip() != ""
            if had_text and pd.isna(df.loc[i, column]):
                assert (i + 1, export) in reported, (export, raw.loc[i, export])


# --------------------------------------------------------------------------- defaults and the bundled sample


def test_no_argument_without_snapshot_loads_the_bundled_sample_with_a_warning(empty_cache):
    with pytest.warns(mwbe_match.SampleDataWarning, match="SYNTHETIC.*mwbe-match fetch"):
        df = mwbe_match.load_directory()
    assert len(df) >= 300
    assert mwbe_match.directory_metadata(df)["source_kind"] == "sample"


def test_bundled_sample_is_faithful_to_the_export(bundled_directory):
    df = bundled_directory
    assert len(df) >= 300
    assert set(df["borough"].dropna()) == set(mwbe_match.BOROUGHS)
    certs = set(df["certifications"].explode().dropna())
    assert certs == set(mwbe_match.CERTIFICATION_TYPES)
    assert (df["certifications"].list.len() > 1).any()
    assert df["description"].str.contains("\n").any()
    assert (df["state"].isin(["NJ", "CT"]).fillna(False) & df["zip"].str.startswith("0").fillna(False)).any()
    assert df["naics_code"].str.slice(0, 2).nunique() >= 18
    assert len(mwbe_match.validation_report(df)) >= 1  # the sample carries deliberate bad cells


def test_cli_info_prints_source_count_and_breakdowns(real_sample_path):
    out = subprocess.run(
        [sys.executable, "-m", "mwbe_match.cli", "info", "--directory", str(real_sample_path)],
        capture_output=True, text=True, check=True,
    ).stdout
    assert f"firms:          {REAL_SAMPLE_FIRMS}" in out
    assert "STATEN ISLAND" in out and "MBE" in out and "snapshot date" in out


def test_directory_summary_counts_certifications_and_boroughs(real_directory):
    summary = mwbe_match.directory_summary(real_directory)
    assert summary["firms"] == REAL_SAMPLE_FIRMS
    assert summary["by_certification"] == {"MBE": 611, "WBE": 456, "EBE": 1}
    assert summary["by_borough"]["BROOKLYN"] == 170
