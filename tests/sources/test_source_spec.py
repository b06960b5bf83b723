"""Sources: a SourceSpec holds all that is specific to one published directory; adding one is a spec and a registration.

The second source here is the City's own list published under other names
(``Firm Name``, ``Cert Type``, ``County`` with ``KINGS`` for Brooklyn): real
rows of the shared extract, renamed, must load exactly as the City's file does.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import mwbe_match
from mwbe_match import snapshots
from mwbe_match.schema import DIRECTORY_COLUMNS
from mwbe_match.sources import NYC_SBS, SOURCES, SourceColumn, SourceSpec, get_source, register_source
from mwbe_match.sources.socrata import SocrataClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _soda_server import SodaServer, soda_rows_from_csv  # noqa: E402

#: NYC SBS export header -> the second source's header.
RENAMED = {"Vendor_Formal_Name": "Firm Name", "Certification": "Cert Type", "Borough": "County"}
COUNTY = {"BRONX": "BRONX", "BROOKLYN": "KINGS", "MANHATTAN": "NEW YORK COUNTY", "QUEENS": "QUEENS",
          "STATEN ISLAND": "RICHMOND", "STATEN IS": "RICHMOND", "STATEN IS.": "RICHMOND"}


def _county(borough: str) -> str:
    """How the other agency writes a borough cell of the City's export (other text is kept as it is)."""
    return COUNTY.get(borough.strip().upper(), borough)


def _renamed_column(col: SourceColumn) -> SourceColumn:
    new = RENAMED.get(col.export)
    return dataclasses.replace(col, export=new, api=new.lower().replace(" ", "_")) if new else col


#: A second directory: the same fields as NYC SBS, three of them under other names, counties for boroughs.
OTHER = dataclasses.replace(
    NYC_SBS,
    name="test_other_list",
    title="the test agency's certified-firm list",
    dataset_id="abcd-1234",
    columns=tuple(_renamed_column(c) for c in NYC_SBS.columns),
    vocabularies={"borough": {"KINGS": "BROOKLYN", "NEW YORK COUNTY": "MANHATTAN", "RICHMOND": "STATEN ISLAND"},
                  "certifications": {"MINORITY": "MBE", "WOMAN": "WBE"}},
)


@pytest.fixture()
def other_source():
    """OTHER registered (the one line a new source adds), unregistered afterwards."""
    register_source(OTHER)
    yield OTHER
    SOURCES.pop(OTHER.name, None)


def _write_other_export(source: Path, target: Path) -> Path:
    """The NYC export at ``source`` as the other agency would publish it: renamed headers, counties."""
    with open(source, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    with open(target, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, [RENAMED.get(h, h) for h in rows[0]])
        writer.writeheader()
        for row in rows:
            out = {RENAMED.get(h, h): v for h, v in row.items()}
            out["County"] = _county(row["Borough"])
            writer.writerow(out)
    return target


def test_the_nyc_sbs_spec_feeds_every_normalized_column_from_a_field_or_a_derivation() -> None:
    fed = [c.column for c in NYC_SBS.columns] + [d.column for d in NYC_SBS.derived]
    assert sorted(fed) == sorted(DIRECTORY_COLUMNS)
    assert get_source() is NYC_SBS and get_source("nyc_sbs") is NYC_SBS
    assert (NYC_SBS.dataset_id, NYC_SBS.domain) == ("ci93-uc8s", "https://data.cityofnewyork.us")


def test_a_second_source_loads_its_real_rows_exactly_as_the_city_s_file(
        other_source, real_sample_path: Path, real_directory: pd.DataFrame, tmp_path: Path) -> None:
    path = _write_other_export(real_sample_path, tmp_path / "other.csv")

    loaded = mwbe_match.load_directory(path, spec="test_other_list")

    assert_frame_equal(loaded, real_directory)
    ours = mwbe_match.validation_report(real_directory)
    theirs = mwbe_match.validation_report(loaded)
    assert theirs["column"].tolist() == [RENAMED.get(c, c) for c in ours["column"]]
    same = ours["column"] != "Borough"  # a bad borough cell is reported with the county text the file holds
    assert_frame_equal(theirs.loc[same, ["row", "account_number", "raw_value", "problem"]],
                       ours.loc[same, ["row", "account_number", "raw_value", "problem"]])


def test_a_source_s_own_spellings_are_read_as_the_shared_vocabulary(other_source, tmp_path: Path) -> None:
    raw = pd.DataFrame({
        "Account_Number": ["1", "2", "3"],
        "Firm Name": ["Kings Paving LLC", "Richmond Office Supply", "Queens Caterers Inc"],
        "Business_Description": ["paving", "office supplies", "catering"],
        "Cert Type": ["Minority, Woman", "WBE", "LBE"],
        "Certification_Renewal_Date": ["1/31/2027;1/31/2027", "6/30/2027", "3/1/2027"],
        "ID6_digit_NAICS_code": ["238990", "424120", "722320"],
        "County": ["Kings", "RICHMOND", "Queens"],
    })
    with pytest.warns(mwbe_match.DirectoryWarning, match="lacks column"):
        df = mwbe_match.normalize_directory(raw, spec=other_source)
    assert df["borough"].tolist() == ["BROOKLYN", "STATEN ISLAND", "QUEENS"]
    assert [list(c) for c in df["certifications"]] == [["MBE", "WBE"], ["WBE"], ["LBE"]]
    assert mwbe_match.validation_report(df).empty


def test_a_tiny_source_leaves_the_columns_it_does_not_publish_empty(tmp_path: Path) -> None:
    keep = set(NYC_SBS.required) | {"borough"}
    tiny = SourceSpec(name="tiny", title="a tiny list", dataset_id="tiny-0001", domain=None,
                      columns=tuple(c for c in NYC_SBS.columns if c.column in keep), required=NYC_SBS.required,
                      vocabularies=NYC_SBS.vocabularies, derived=NYC_SBS.derived[:1])
    path = tmp_path / "tiny.csv"
    path.write_text("Account_Number,Vendor_Formal_Name,Business_Description,Certification,"
                    "Certification_Renewal_Date,ID6_digit_NAICS_code,Borough\n"
                    "77,Acme Electric,electrical work,MBE,12/31/2027,238210,STATEN IS\n", encoding="utf-8")

    df = mwbe_match.load_directory(path, spec=tiny)  # no warning: the spec lists no other field

    assert list(df.columns) == list(DIRECTORY_COLUMNS) and len(df) == 1
    assert df.loc[0, "borough"] == "STATEN ISLAND" and str(df.loc[0, "certification_expires"]) == "2027-12-31"
    assert list(df.loc[0, "nigp_codes"]) == [] and pd.isna(df.loc[0, "phone"])
    assert pd.isna(df.loc[0, "largest_contract_value"])  # its derivation is not part of this spec


def test_without_a_path_a_source_loads_the_newest_snapshot_of_its_own_dataset(
        other_source, bundled_directory: pd.DataFrame, empty_cache: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no snapshot of the test agency's certified-firm list "
                                                r"\(dataset abcd-1234\) is cached"):
        mwbe_match.load_directory(spec="test_other_list")
    older = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    ours = snapshots.write_snapshot(bundled_directory.iloc[:5], dataset_id="abcd-1234", fetched_at=older)
    snapshots.write_snapshot(bundled_directory, dataset_id="ci93-uc8s", fetched_at=older + dt.timedelta(days=1))

    assert mwbe_match.directory_metadata(mwbe_match.load_directory(spec=other_source))["path"] == str(ours)
    assert len(mwbe_match.load_directory(spec="nyc_sbs")) == len(bundled_directory)


def test_the_city_s_file_is_refused_by_another_source_naming_that_source(
        other_source, real_sample_path: Path) -> None:
    with pytest.raises(ValueError, match=r"the test agency's certified-firm list \(dataset abcd-1234\): "
                                         r"missing required column\(s\) Firm Name, Cert Type"):
        mwbe_match.load_directory(real_sample_path, spec=other_source)


def test_an_unknown_source_name_is_refused_listing_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown directory source 'nys_directory' \\(known: .*nyc_sbs"):
        mwbe_match.load_directory(mwbe_match.bundled_sample_path(), spec="nys_directory")


def test_a_second_spec_under_a_taken_name_is_refused(other_source) -> None:
    assert register_source(other_source) is other_source  # the same spec again is fine
    with pytest.raises(ValueError, match="already registered"):
        register_source(dataclasses.replace(NYC_SBS, title="an impostor"))


def test_a_spec_that_cannot_feed_the_normalized_schema_is_refused_naming_the_problem() -> None:
    first = NYC_SBS.columns[0]
    with pytest.raises(ValueError, match="required column\\(s\\) name not among its fields"):
        SourceSpec(name="x", title="x", dataset_id="xxxx-0000", domain=None, columns=(first,), required=("name",))
    with pytest.raises(ValueError, match="unknown parse kind\\(s\\) roman_numeral"):
        SourceSpec(name="x", title="x", dataset_id="xxxx-0000", domain=None,
                   columns=(dataclasses.replace(first, kind="roman_numeral"),), required=())
    stray = SourceSpec(name="x", title="x", dataset_id="xxxx-0000", domain=None,
                       columns=(first, SourceColumn("shoe_size", "Shoe", "shoe", "float")), required=())
    with pytest.raises(ValueError, match="feeds column\\(s\\) shoe_size, which the normalized directory"):
        mwbe_match.normalize_directory(pd.DataFrame({"Account_Number": ["1"], "Shoe": ["9"]}), spec=stray)
    unread = SourceSpec(name="x", title="x", dataset_id="xxxx-0000", domain=None, columns=(first,), required=(),
                        vocabularies={"account_number": {"N/A": ""}})
    with pytest.raises(ValueError, match="spellings for column\\(s\\) account_number, but only columns of kind"):
        mwbe_match.normalize_directory(pd.DataFrame({"Account_Number": ["1"]}), spec=unread)


def test_headers_match_either_style_ignoring_case_and_punctuation_but_never_twice() -> None:
    match = NYC_SBS.match_headers(["ACCOUNT NUMBER", "vendor_formal_name", "cert_renewal_date", "Notes"])
    assert match.mapping == {"ACCOUNT NUMBER": "account_number", "vendor_formal_name": "name",
                             "cert_renewal_date": "certification_renewal_dates"}
    assert match.ignored == ["Notes"] and len(match.missing) == len(NYC_SBS.columns) - 3
    with pytest.raises(ValueError, match="two columns for the same field 'Vendor_Formal_Name'"):
        NYC_SBS.match_headers(["Vendor_Formal_Name", "vendor formal name"])


def test_the_soda_client_knows_no_dataset_and_a_second_source_is_fetched_by_its_spec(
        other_source, real_sample_path: Path, real_directory: pd.DataFrame, empty_cache: Path) -> None:
    with pytest.raises(TypeError):
        SocrataClient("https://data.cityofnewyork.us")  # which dataset is the caller's to say
    to_other = {c.api: o.api for c, o in zip(NYC_SBS.columns, other_source.columns)}
    rows = [{to_other.get(k, k): (_county(v) if k == "borough" else v) for k, v in row.items()}
            for row in soda_rows_from_csv(real_sample_path)]
    with SodaServer(rows, dataset_id="abcd-1234") as srv:
        srv.fields = [c.api for c in other_source.columns]
        df = mwbe_match.fetch_directory(spec="test_other_list", base_url=srv.url, progress=False)
    assert_frame_equal(df, real_directory, check_dtype=True)
    assert mwbe_match.directory_metadata(df)["dataset_id"] == "abcd-1234"
    assert Path(mwbe_match.directory_metadata(df)["path"]).name.startswith("abcd-1234-")
    assert all(str(r.path).startswith("/resource/abcd-1234") or "abcd-1234" in str(r.path) for r in srv.requests)
