"""Malformed files are refused (or their bad cells reported), never misread (issue 11, section 3).

The directory cases start from the shared real extract, written back with one
defect, so the files are as the City exports them except for that defect.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import warnings
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match.directory import DATE_YEARS, validation_report
from mwbe_match.readers import read_table

from conftest import REAL_SAMPLE_FIRMS


@pytest.fixture(scope="module")
def real_rows(real_sample_path: Path) -> list[list[str]]:
    """The real extract as records (header first), exactly as exported."""
    with open(real_sample_path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def export_text(rows: list[list[str]]) -> str:
    """Records as the export writes them: every field quoted."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerows(rows)
    return buffer.getvalue()


def write_export(rows: list[list[str]], path: Path, encoding: str = "utf-8") -> Path:
    path.write_bytes(export_text(rows).encode(encoding))
    return path


def edited(rows: list[list[str]], row: int, column: str, value: str) -> list[list[str]]:
    """A copy of the records with one cell of data row ``row`` (1-based) changed."""
    out = [list(r) for r in rows]
    out[row][rows[0].index(column)] = value
    return out


def load_quietly(path: Path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mwbe_match.DirectoryWarning)
        return mwbe_match.load_directory(path, **kwargs)


# --------------------------------------------------------------------------- directory: shape of the CSV


def test_a_first_data_row_with_one_extra_cell_is_an_error_naming_line_2(tmp_path: Path, real_rows) -> None:
    rows = [list(r) for r in real_rows]
    rows[1] = rows[1] + ["stray value"]
    path = write_export(rows, tmp_path / "directory.csv")
    with pytest.raises(ValueError, match=r"row 1 \(line 2\) has 57 cells but the header has 56; "
                                         r"extra value 'stray value' has no column"):
        mwbe_match.load_directory(path)


def test_a_later_row_with_an_extra_cell_is_an_error_naming_the_line_it_starts_on(tmp_path: Path,
                                                                                 real_rows) -> None:
    rows = [list(r) for r in real_rows]
    rows[500] = rows[500] + ["stray value"]
    path = write_export(rows, tmp_path / "directory.csv")
    # descriptions span several lines, so the record's line is counted from the text before it
    line = export_text(rows[:500]).count("\n") + 1
    assert line > 501
    with pytest.raises(ValueError, match=rf"{path}: row 500 \(line {line}\) has 57 cells"):
        mwbe_match.load_directory(path)


def test_an_extra_empty_cell_from_a_trailing_comma_leaves_every_column_in_place(tmp_path: Path, real_rows,
                                                                                real_directory) -> None:
    rows = [list(r) for r in real_rows]
    rows[1] = rows[1] + [""]
    rows[300] = rows[300] + [""]
    df = load_quietly(write_export(rows, tmp_path / "directory.csv"))
    assert len(df) == REAL_SAMPLE_FIRMS
    for column in ("account_number", "name", "certification_renewal_dates", "borough"):
        assert df[column].equals(real_directory[column]), column


def test_a_directory_header_naming_a_column_twice_is_an_error(tmp_path: Path, real_rows) -> None:
    rows = [list(r) for r in real_rows]
    rows[0] = [*rows[0][:-1], "Borough"]  # the last column (NTA) renamed to an earlier column's name
    with pytest.raises(ValueError, match=r"column name 'Borough' appears twice in the header \(columns 48 and 56\)"):
        mwbe_match.load_directory(write_export(rows, tmp_path / "directory.csv"))


def test_two_unknown_columns_with_the_same_name_are_an_error_too(tmp_path: Path, real_rows) -> None:
    rows = [[*r, "a", "b"] for r in real_rows]
    rows[0][-2:] = ["Notes", "notes"]
    with pytest.raises(ValueError, match="column name 'notes' appears twice"):
        mwbe_match.load_directory(write_export(rows, tmp_path / "directory.csv"))


def test_a_directory_quote_left_open_is_an_error_naming_its_line_never_two_firms_merged(tmp_path: Path,
                                                                                       real_rows) -> None:
    before = export_text(real_rows[:6])
    start = before.count("\n") + 1
    path = tmp_path / "directory.csv"
    path.write_text(before + '"999999","Unclosed Firm LLC\r\n"888888","Next Firm LLC"\r\n', encoding="utf-8")
    with pytest.raises(ValueError, match=rf"the record starting on line {start} \(at line {start + 1}\) has a "
                                         "quoted cell followed by more text"):
        mwbe_match.load_directory(path)
    path.write_text(before + '"999999","Unclosed Firm LLC\r\n', encoding="utf-8")
    with pytest.raises(ValueError, match=rf"line {start} opens a quoted cell that never closes"):
        mwbe_match.load_directory(path)


@pytest.mark.parametrize("record", [1, 400, 817])
def test_a_directory_cell_that_lost_its_opening_quote_is_an_error_naming_its_line_and_column(
        tmp_path: Path, real_rows, record: int) -> None:
    text = export_text(real_rows)
    before = export_text(real_rows[:record])
    account = real_rows[record][0]
    assert text[len(before):].startswith(f'"{account}",')
    path = tmp_path / "directory.csv"
    path.write_text(before + text[len(before) + 1:], encoding="utf-8")  # 6131", as in a hand-edited file
    line = before.count("\n") + 1
    with pytest.raises(ValueError, match=rf"{path}, line {line}, column 'Account_Number': "
                                         rf"the cell '{account}\"' holds a quote but is not quoted"):
        mwbe_match.load_directory(path)


def test_a_lost_opening_quote_after_a_row_of_empty_cells_is_still_found_on_its_line(tmp_path: Path,
                                                                                   real_rows) -> None:
    # the fast reader keeps a record of empty cells (",,,") as a row: the locating pass must count it too
    empty = [[""] * len(real_rows[0])]
    rows = [real_rows[0], *empty, *real_rows[1:]]
    record = 401
    text = export_text(rows)
    before = export_text(rows[:record])
    account = rows[record][0]
    assert text[len(before):].startswith(f'"{account}",')
    path = tmp_path / "directory.csv"
    path.write_text(before + text[len(before) + 1:], encoding="utf-8")
    line = before.count("\n") + 1
    with pytest.raises(ValueError, match=rf"{path}, line {line}, column 'Account_Number': "
                                         rf"the cell '{account}\"' holds a quote but is not quoted"):
        mwbe_match.load_directory(path)


def test_quotes_inside_quoted_cells_of_the_real_extract_are_values_not_errors(real_directory, real_rows) -> None:
    descriptions = [r[real_rows[0].index("Business_Description")] for r in real_rows[1:]]
    assert any('"' in d for d in descriptions)
    assert len(real_directory) == REAL_SAMPLE_FIRMS


def test_an_account_number_that_is_not_plain_digits_and_letters_is_reported(real_raw) -> None:
    raw = real_raw.copy()
    raw.loc[raw.index[3], "Account_Number"] = '6131"'
    raw.loc[raw.index[5], "Account_Number"] = "61 31"
    df = mwbe_match.normalize_directory(raw)
    report = validation_report(df)
    odd = report[report["column"] == "Account_Number"].set_index("row")
    assert odd.loc[4, "raw_value"] == '6131"'
    assert odd.loc[4, "problem"].startswith("account number holds a quote: a cell's quoting is probably broken")
    assert "holds space" in odd.loc[6, "problem"]
    assert len(df) == len(raw)  # kept, as read, and reported


# --------------------------------------------------------------------------- directory: impossible values


def test_impossible_dates_become_null_and_are_reported_like_unparseable_ones(tmp_path: Path, real_rows) -> None:
    rows = edited(real_rows, 1, "Date_Of_Establishment", "02/30/2026")
    rows = edited(rows, 2, "Date_of_Work_Job_Exp_1", "2025-02-29")
    rows = edited(rows, 3, "Certification_Renewal_Date", "2/29/2025")
    rows = edited(rows, 4, "Date_Of_Establishment", "13/45/2020")
    rows = edited(rows, 5, "Date_Of_Establishment", "02/29/2024")  # a real leap day stays
    df = load_quietly(write_export(rows, tmp_path / "directory.csv"))
    report = validation_report(df).set_index("row")
    assert pd.isna(df["established"].iloc[0]) and pd.isna(df["job_1_date"].iloc[1])
    assert list(df["certification_renewal_dates"].iloc[2]) == [None]
    assert pd.isna(df["certification_expires"].iloc[2])
    assert "not a real calendar date" in report.loc[1, "problem"] and report.loc[1, "raw_value"] == "02/30/2026"
    assert "not a real calendar date" in report.loc[2, "problem"] and report.loc[2, "column"] == "Date_of_Work_Job_Exp_1"
    assert "renewal date that is not a real calendar date" in " | ".join(report.loc[[3], "problem"])
    assert "not a valid date" in report.loc[4, "problem"] and pd.isna(df["established"].iloc[3])
    assert df["established"].iloc[4] == dt.date(2024, 2, 29) and 5 not in report.index
    assert report.loc[1, "account_number"] == real_rows[1][0]


def test_dates_before_1800_or_after_2100_and_negative_money_are_reported_and_left_empty(tmp_path: Path,
                                                                                      real_rows) -> None:
    rows = edited(real_rows, 1, "Date_Of_Establishment", "1/1/1700")
    rows = edited(rows, 2, "Certification_Renewal_Date", "04/30/2206")
    rows = edited(rows, 3, "Largest_Value_of_Contract", "-$2,915,000")
    rows = edited(rows, 4, "Aggregate_Bonding_Limit", "-5,000,000")
    df = load_quietly(write_export(rows, tmp_path / "directory.csv"))
    report = validation_report(df).groupby("row").agg(" | ".join)
    assert pd.isna(df["established"].iloc[0]) and "before 1800 or after 2100" in report.loc[1, "problem"]
    assert pd.isna(df["certification_expires"].iloc[1]) and "before 1800 or after 2100" in report.loc[2, "problem"]
    assert report.loc[3, "problem"] == "a negative dollar amount; it is left empty"
    assert report.loc[3, "raw_value"] == "-$2,915,000" and pd.isna(df["job_1_value"].iloc[2])
    assert pd.isna(df["bonding_limit"].iloc[3]) and report.loc[4, "column"] == "Aggregate_Bonding_Limit"


MINIMAL_FIRMS = {"Account_Number": ["1", "2"], "Vendor_Formal_Name": ["A LLC", "B LLC"], "Certification": ["MBE", "MBE"],
                 "Business_Description": ["", ""], "Certification_Renewal_Date": ["", ""],
                 "ID6_digit_NAICS_code": ["561720", "561720"]}


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(DATE_YEARS[0], 1, 1), max_value=dt.date(DATE_YEARS[1], 12, 31)))
def test_every_real_date_in_range_reads_back_as_itself_in_either_spelling(day: dt.date) -> None:
    raw = pd.DataFrame({**MINIMAL_FIRMS,
                        "Date_Of_Establishment": [f"{day.month}/{day.day}/{day.year}", day.isoformat()]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mwbe_match.DirectoryWarning)
        df = mwbe_match.normalize_directory(raw)
    assert df["established"].tolist() == [day, day]
    assert validation_report(df).empty


@settings(max_examples=60, deadline=None)
@given(st.integers(DATE_YEARS[0], DATE_YEARS[1]), st.integers(1, 12), st.integers(29, 31))
def test_every_day_past_the_end_of_its_month_is_null_and_reported(year: int, month: int, day: int) -> None:
    if day <= calendar.monthrange(year, month)[1]:
        return
    raw = pd.DataFrame({**MINIMAL_FIRMS,
                        "Date_Of_Establishment": [f"{month:02d}/{day}/{year}", f"{year}-{month:02d}-{day}"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mwbe_match.DirectoryWarning)
        df = mwbe_match.normalize_directory(raw)
    assert df["established"].isna().all()
    assert validation_report(df)["problem"].str.startswith("not a real calendar date").tolist() == [True, True]


# --------------------------------------------------------------------------- directory: encodings


def test_a_cp949_directory_loads_like_its_utf8_original(tmp_path: Path, real_rows) -> None:
    rows = [real_rows[0]] + [r for r in real_rows[1:] if export_text([r]).encode("cp949", "ignore").decode("cp949")
                             == export_text([r])][:200]
    rows = edited(rows, 1, "Vendor_DBA", "한빛 청소")  # a Korean DBA, as a Korean team's edited copy might hold
    utf8 = load_quietly(write_export(rows, tmp_path / "utf8.csv"))
    cp949 = load_quietly(write_export(rows, tmp_path / "cp949.csv", encoding="cp949"))
    bom = load_quietly(write_export(rows, tmp_path / "bom.csv", encoding="utf-8-sig"))
    assert len(cp949) == len(rows) - 1 and cp949["dba"].iloc[0] == "한빛 청소"
    for column in utf8.columns:
        assert cp949[column].equals(utf8[column]) and bom[column].equals(utf8[column]), column


def test_directory_encoding_reads_a_file_in_any_other_encoding(tmp_path: Path, real_rows) -> None:
    latin = [r for r in real_rows[1:] if all(ord(c) < 256 for c in "".join(r))][:3]
    rows = edited([real_rows[0], *latin], 1, "Vendor_DBA", "Café Ñandú")
    path = write_export(rows, tmp_path / "latin1.csv", encoding="latin-1")
    df = load_quietly(path, encoding="latin-1")
    assert df["dba"].iloc[0] == "Café Ñandú"
    with pytest.raises(ValueError, match="unknown encoding 'latin-99'"):
        mwbe_match.load_directory(path, encoding="latin-99")


def test_a_directory_no_encoding_decodes_cleanly_is_refused_naming_the_option(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"Account_Number,Vendor_Formal_Name,Certification\n1,\xff\xfe\xfa\xfb,MBE\n")
    with pytest.raises(ValueError, match="encodings tried: utf-8-sig, cp949.*--directory-encoding"):
        mwbe_match.load_directory(path)


# --------------------------------------------------------------------------- needs and vendor files


NEEDS_HEADER = "need_id,text,boroughs\n"


def test_a_needs_csv_quote_that_never_closes_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_text(NEEDS_HEADER + 'a,office cleaning,QUEENS\nb,"IT help desk,BRONX\nc,catering,\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 3 opens a quoted cell that never closes, so lines 3-4"):
        read_table(path)


def test_a_needs_csv_quote_left_open_never_merges_two_records_into_one(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_text(NEEDS_HEADER + 'a,"office cleaning,QUEENS\nb,"IT help desk",BRONX\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"record starting on line 2 \(at line 3\) has a quoted cell followed by "
                                         "more text"):
        read_table(path)


def test_a_vendor_csv_quote_left_open_stops_verify_naming_the_line(tmp_path: Path, bundled_directory) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text('name,zip\nAcme Cleaning,11101\n"Bright Star LLC,10001\nHanbit Inc,"07024"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"vendors.csv as CSV: the record starting on line 3"):
        mwbe_match.run_verify(path, tmp_path / "out.parquet", directory=bundled_directory)
    assert not (tmp_path / "out.parquet").exists()


def test_a_quoted_cell_spanning_lines_is_still_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_text(NEEDS_HEADER + 'a,"office cleaning\nnightly, 5 days",QUEENS\nb,"say ""hi""",\n', encoding="utf-8")
    frame = read_table(path)
    assert frame["text"].tolist() == ["office cleaning\nnightly, 5 days", 'say "hi"']


def _json_needs(tmp_path: Path, lines: bool) -> Path:
    records = [{"need_id": "a", "text": "office cleaning"},
               {"need_id": "b", "text": "IT help desk SURROGATE"},
               {"need_id": "c", "text": "plumbing", "boroughs": "QUEENS"}]
    if lines:
        text = "\n".join(json.dumps(r) for r in records)
    else:
        text = json.dumps(records, indent=1)
    path = tmp_path / ("needs.jsonl" if lines else "needs.json")
    path.write_text(text.replace("SURROGATE", "\\ud800"), encoding="utf-8")
    return path


@pytest.mark.parametrize("lines", [False, True], ids=["json", "jsonl"])
def test_a_json_value_with_a_lone_surrogate_rejects_that_row_and_the_rest_runs(tmp_path: Path, lines: bool,
                                                                               bundled_directory) -> None:
    path = _json_needs(tmp_path, lines)
    out = tmp_path / "out.parquet"
    summary = mwbe_match.run_shortlist(path, out, directory=bundled_directory)
    df = pq.read_table(out).to_pandas()
    bad = df[df["need_id"] == "b"]
    assert len(bad) == 1 and bad["status"].iloc[0] == "invalid"
    assert bad["error"].iloc[0].startswith(f"row 2, column 'text': the value in column 'text' of {path}")
    assert "lone UTF-16 surrogate" in bad["error"].iloc[0] and bad["text"].iloc[0] == "IT help desk \ufffd"
    assert set(df["need_id"]) == {"a", "b", "c"} and summary.invalid == 1 and summary.needs_read == 3


def test_a_vendor_json_name_with_a_lone_surrogate_is_an_invalid_row_matched_to_nothing(tmp_path: Path,
                                                                                     bundled_directory) -> None:
    firm = bundled_directory["name"].iloc[0]
    path = tmp_path / "vendors.json"
    path.write_text(json.dumps([{"name": firm}, {"name": firm + " SURROGATE"}]).replace("SURROGATE", "\\udc00"),
                    encoding="utf-8")
    out = tmp_path / "out.parquet"
    summary = mwbe_match.run_verify(path, out, directory=bundled_directory)
    df = pq.read_table(out).to_pandas()
    assert df["status"].tolist()[1] == "invalid" and df["status"].tolist()[0] in ("exact", "strong")
    assert pd.isna(df["account_number"].iloc[1]) and "column 'name' of" in df["reasons"].iloc[1]
    assert summary.problems[0][0] == 2 and str(path) in summary.problems[0][2]


def test_a_valid_surrogate_pair_in_json_is_its_character(tmp_path: Path) -> None:
    path = tmp_path / "needs.json"
    path.write_text('[{"need_id": "a", "text": "cleaning \\ud83e\\uddf9"}]', encoding="utf-8")
    frame = read_table(path)
    assert frame["text"].tolist() == ["cleaning \U0001f9f9"] and frame.attrs["rejected"] == []


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_deeply_nested_json_is_a_clear_value_error_naming_the_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"needs{suffix}"
    depth = 200_000
    path.write_text('{"need_id": "a", "text": ' + "[" * depth + "]" * depth + "}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"cannot read {path}: its JSON is nested too deeply"):
        read_table(path)
