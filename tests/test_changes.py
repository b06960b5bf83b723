"""Specification of diff_directories and `mwbe-match changes`: what changed between two versions of the directory."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match.certification import certification_status
from mwbe_match.changes import CHANGE_COLUMNS, CHANGE_SCHEMA, CHANGES, diff_directories
from mwbe_match.cli import main
from mwbe_match.schema import DIRECTORY_SCHEMA
from mwbe_match.snapshots import write_snapshot

AS_OF = dt.date(2026, 12, 1)
LAST_WEEK = dt.date(2026, 11, 24)


def directory(rows: list[dict], snapshot_date: str | None = None) -> pd.DataFrame:
    """A small normalized directory: every column of the schema, null unless the row gives it."""
    defaults = {"certifications": ["MBE"], "certification_renewal_dates": [dt.date(2029, 6, 30)]}
    full = [{**defaults, **r} for r in rows]
    table = pa.table({f.name: pa.array([r.get(f.name) for r in full], f.type) for f in DIRECTORY_SCHEMA})
    df = table.to_pandas(types_mapper=pd.ArrowDtype)
    df.attrs["mwbe_match"] = {"source": "test", "source_kind": "dataframe", "snapshot_date": snapshot_date}
    return df


def firm(account: str, name: str | None = None, **fields) -> dict:
    return {"account_number": account, "name": name or f"Firm {account} LLC", **fields}


def with_value(df: pd.DataFrame, row: int, column: str, value) -> pd.DataFrame:
    """A copy of ``df`` with one cell replaced (works for list and date columns too)."""
    out = df.copy()
    values = pa.array(out[column]).to_pylist()
    values[row] = value
    out[column] = pd.array(pa.array(values, DIRECTORY_SCHEMA.field(column).type), dtype=out[column].dtype)
    out.attrs = df.attrs
    return out


def kinds(changes: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(changes["change"], changes["account_number"].fillna("")))


# --------------------------------------------------------------------------- the diff


def test_identical_directories_have_no_changes_and_the_documented_columns(real_directory):
    out = diff_directories(real_directory, real_directory, as_of=AS_OF)
    assert len(out) == 0
    assert tuple(out.columns) == CHANGE_COLUMNS
    assert pa.Schema.from_pandas(out, preserve_index=False).remove_metadata().equals(CHANGE_SCHEMA)


def test_a_firm_only_in_new_is_added_and_one_only_in_old_is_removed_with_its_old_status():
    old = directory([firm("1"), firm("2", certification_renewal_dates=[dt.date(2025, 1, 1)])])
    new = directory([firm("1"), firm("3")])
    out = diff_directories(old, new, as_of=AS_OF)
    assert kinds(out) == [("added", "3"), ("removed", "2")]
    added, removed = out.iloc[0], out.iloc[1]
    assert (added["name"], added["certification_status"], added["certified_through"]) == \
        ("Firm 3 LLC", "active", dt.date(2029, 6, 30))
    assert pd.isna(added["old_certification_status"])
    assert (removed["name"], removed["old_certification_status"]) == ("Firm 2 LLC", "lapsed")
    assert pd.isna(removed["certification_status"]) and pd.isna(removed["field"])


def test_a_renewal_date_moved_later_is_renewed_for_that_certification_only():
    old = directory([firm("1", certifications=["MBE", "WBE"],
                          certification_renewal_dates=[dt.date(2026, 11, 30), dt.date(2028, 1, 31)])])
    new = with_value(old, 0, "certification_renewal_dates", [dt.date(2029, 11, 30), dt.date(2028, 1, 31)])
    out = diff_directories(old, new, as_of=AS_OF)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["change"], row["field"], row["certification"], row["old_value"], row["new_value"]) == \
        ("renewed", "certification_renewal_dates", "MBE", "2026-11-30", "2029-11-30")
    assert row["certification_status"] == "active"


def test_a_renewal_date_moved_earlier_or_removed_is_a_field_change_not_a_renewal():
    old = directory([firm("1", certifications=["MBE", "WBE"],
                          certification_renewal_dates=[dt.date(2029, 1, 1), dt.date(2029, 1, 1)])])
    new = with_value(old, 0, "certification_renewal_dates", [dt.date(2027, 1, 1)])
    out = diff_directories(old, new, as_of=AS_OF)
    got = set(zip(out["change"], out["certification"], out["old_value"].fillna(""), out["new_value"].fillna("")))
    assert got == {("field_changed", "MBE", "2029-01-01", "2027-01-01"), ("field_changed", "WBE", "2029-01-01", "")}


def test_a_certification_gained_or_lost_is_a_field_change_on_certifications():
    old = directory([firm("1", certifications=["MBE"], certification_renewal_dates=[dt.date(2029, 1, 1)])])
    new = with_value(old, 0, "certifications", ["WBE"])
    out = diff_directories(old, new, as_of=AS_OF)
    got = set(zip(out["field"], out["certification"], out["old_value"].fillna(""), out["new_value"].fillna("")))
    assert got == {("certifications", "MBE", "MBE (renewal date 2029-01-01)", ""),
                   ("certifications", "WBE", "", "WBE (renewal date 2029-01-01)")}


def test_a_firm_valid_when_the_old_snapshot_was_taken_and_lapsed_now_is_newly_lapsed():
    rows = [firm("1", certification_renewal_dates=[dt.date(2026, 11, 28)]),   # lapses between the two dates
            firm("2", certification_renewal_dates=[dt.date(2026, 1, 1)]),     # lapsed already last week
            firm("3")]
    out = diff_directories(directory(rows, "2026-11-24"), directory(rows, "2026-12-01"), as_of=AS_OF)
    assert kinds(out) == [("newly_lapsed", "1"), ("certification_lapsed", "1")]
    assert out["certification"].tolist()[1] == "MBE"
    row = out.iloc[0]
    assert (row["field"], row["old_value"], row["new_value"]) == ("certification_status", "expiring", "lapsed")
    assert (row["old_certification_status"], row["certification_status"]) == ("expiring", "lapsed")
    assert out.attrs["mwbe_match_changes"]["old_as_of"] == "2026-11-24"


def test_one_certification_lapsing_while_another_stays_valid_is_a_certification_lapsed_row():
    old = directory([firm("1", certifications=["MBE", "EBE"],
                          certification_renewal_dates=[dt.date(2028, 1, 1), dt.date(2028, 1, 1)])], "2026-11-24")
    new = directory([firm("1", certifications=["MBE", "WBE"],
                          certification_renewal_dates=[dt.date(2025, 1, 1), dt.date(2028, 1, 1)])], "2026-12-01")
    out = diff_directories(old, new, as_of=AS_OF)
    lapsed = out[out["change"] == "certification_lapsed"]
    assert len(lapsed) == 1
    row = lapsed.iloc[0]
    assert (row["account_number"], row["certification"], row["field"], row["old_value"], row["new_value"]) == \
        ("1", "MBE", "certification_renewal_dates", "2028-01-01", "2025-01-01")
    assert row["certification_status"] == "active"              # the firm stays certified (WBE) ...
    assert "newly_lapsed" not in set(out["change"])             # ... so it is not lapsed as a whole
    assert out.attrs["mwbe_match_changes"]["counts"]["certification_lapsed"] == 1


def test_old_is_judged_on_as_of_when_its_snapshot_date_is_unknown_or_given_explicitly():
    rows = [firm("1", certification_renewal_dates=[dt.date(2026, 11, 28)])]
    assert len(diff_directories(directory(rows), directory(rows), as_of=AS_OF)) == 0
    explicit = diff_directories(directory(rows), directory(rows), as_of=AS_OF, old_as_of=LAST_WEEK)
    assert kinds(explicit) == [("newly_lapsed", "1"), ("certification_lapsed", "1")]


def test_every_changed_field_is_one_row_with_both_values_as_text():
    old = directory([firm("1", phone="2125550100", nigp_codes=["91240", "91427"], latitude=40.75,
                          established=dt.date(2001, 5, 1), passport_enrolled=True, city="New York")])
    new = old
    for column, value in (("phone", "7185550199"), ("nigp_codes", ["91240"]), ("latitude", None),
                          ("established", dt.date(2001, 6, 1)), ("passport_enrolled", False), ("city", "New York")):
        new = with_value(new, 0, column, value)
    out = diff_directories(old, new, as_of=AS_OF)
    got = {f: (o, n) for f, o, n in zip(out["field"], out["old_value"].fillna(""), out["new_value"].fillna(""))}
    assert got == {"phone": ("2125550100", "7185550199"), "nigp_codes": ("91240; 91427", "91240"),
                   "latitude": ("40.75", ""), "established": ("2001-05-01", "2001-06-01"),
                   "passport_enrolled": ("yes", "no")}
    assert set(out["change"]) == {"field_changed"}


def test_fields_limits_the_comparison_and_an_unknown_field_is_refused():
    old = directory([firm("1", phone="2125550100", city="New York")])
    new = with_value(with_value(old, 0, "phone", "7185550199"), 0, "city", "Brooklyn")
    assert diff_directories(old, new, as_of=AS_OF, fields=["city"])["field"].tolist() == ["city"]
    with pytest.raises(ValueError, match="'telephone'"):
        diff_directories(old, new, fields=["telephone"])


def test_duplicate_account_numbers_are_reported_and_the_record_kept_is_compared():
    old = directory([firm("7", "Repeat Roofing LLC", certification_renewal_dates=[dt.date(2025, 1, 1)]),
                     firm("7", "Repeat Roofing LLC", certification_renewal_dates=[dt.date(2028, 1, 1)])])
    new = directory([firm("7", "Repeat Roofing LLC", certification_renewal_dates=[dt.date(2028, 1, 1)])])
    out = diff_directories(old, new, as_of=AS_OF)
    assert kinds(out) == [("duplicate_account_number", "7")]  # the newer record is the one kept: no other change
    assert (out["old_value"].iloc[0], out["new_value"].iloc[0]) == ("2 rows", "1 row")


def test_rows_without_an_account_number_are_reported_as_not_comparable():
    old = directory([firm("1"), {"account_number": None, "name": "Nameless Numbers Inc."}])
    new = directory([firm("1")])
    out = diff_directories(old, new, as_of=AS_OF)
    assert out["change"].tolist() == ["missing_account_number"]
    assert (out["name"].iloc[0], out["old_value"].iloc[0]) == ("Nameless Numbers Inc.", "no account number (row 2)")


def test_changes_are_listed_by_kind_then_account_and_counted_in_attrs():
    old = directory([firm("5"), firm("2"), firm("9", phone="2125550100")])
    new = with_value(directory([firm("9", phone="2125550100"), firm("4"), firm("1")]), 0, "phone", "2125550111")
    out = diff_directories(old, new, as_of=AS_OF)
    assert kinds(out) == [("added", "1"), ("added", "4"), ("removed", "2"), ("removed", "5"), ("field_changed", "9")]
    assert out.attrs["mwbe_match_changes"]["counts"] == {**dict.fromkeys(CHANGES, 0), "added": 2, "removed": 2,
                                                         "field_changed": 1}


def test_the_real_extract_modified_gives_exactly_the_changes_made(real_directory):
    old = real_directory
    dates = old["certification_renewal_dates"].astype(object)
    renewable = np.flatnonzero([len(d) > 0 and all(x is not None for x in d) and max(d) < dt.date(2031, 3, 31)
                                for d in (list(x) for x in dates)])
    rng = np.random.default_rng(11)
    renewed = rng.choice(renewable, size=4, replace=False)
    others = rng.choice(np.setdiff1d(np.arange(len(old)), renewed), size=8, replace=False)
    dropped, rephoned = others[:4], others[4:]
    new = old
    for i in renewed:
        new = with_value(new, int(i), "certification_renewal_dates",
                         [dt.date(2031, 3, 31)] * len(old["certification_renewal_dates"].iloc[i]))
    for i in rephoned:
        new = with_value(new, int(i), "phone", "9175550000")
    new = pd.concat([new.drop(index=old.index[dropped]),
                     old.iloc[:2].assign(account_number=["NEW-1", "NEW-2"])], ignore_index=True)
    out = diff_directories(old, new, as_of=AS_OF)
    acct = old["account_number"].astype(object).to_numpy()
    rows = {k: sorted(out.loc[out["change"] == k, "account_number"]) for k in CHANGES}
    assert rows["removed"] == sorted(acct[dropped])
    assert rows["added"] == ["NEW-1", "NEW-2"]
    assert rows["renewed"] == sorted(a for i, a in zip(renewed, acct[renewed])
                                     for _ in old["certification_renewal_dates"].iloc[i])
    assert set(out.loc[out["change"] == "renewed", "new_value"]) == {"2031-03-31"}
    assert rows["field_changed"] == sorted(acct[rephoned])
    assert set(out.loc[out["change"] == "field_changed", "field"]) == {"phone"}
    assert rows["newly_lapsed"] == rows["duplicate_account_number"] == rows["missing_account_number"] == []


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.integers(0, 119), max_size=30), st.sets(st.integers(0, 119), max_size=30))
def test_added_and_removed_are_exactly_the_firms_on_one_side_only(real_directory, left_out_old, left_out_new):
    base = real_directory.iloc[:120]
    old = base.drop(index=base.index[sorted(left_out_old)])
    new = base.drop(index=base.index[sorted(left_out_new)])
    out = diff_directories(old, new, as_of=AS_OF)
    acct = base["account_number"].astype(object).to_numpy()
    assert set(out.loc[out["change"] == "added", "account_number"]) == set(acct[sorted(left_out_old - left_out_new)])
    assert set(out.loc[out["change"] == "removed", "account_number"]) == set(acct[sorted(left_out_new - left_out_old)])
    assert len(out) == len(left_out_old ^ left_out_new)


def test_new_s_certification_status_is_the_directory_s_own(real_directory):
    old = real_directory.iloc[:400]
    out = diff_directories(old, real_directory, as_of=AS_OF)
    added = out[out["change"] == "added"]
    status = certification_status(real_directory, AS_OF)
    expected = dict(zip(real_directory["account_number"], status["certification_status"]))
    assert len(added) == len(real_directory) - 400
    assert added["certification_status"].tolist() == [expected[a] for a in added["account_number"]]


def test_a_vendor_list_keeps_only_its_firms_changes_and_names_the_vendor():
    old = directory([firm("1", "Walton Plumbing & Heating LLC"), firm("2", "Harbor Electrical Contracting Corp."),
                     firm("3", "Sturges Sports Group Inc.")])
    new = directory([firm("2", "Harbor Electrical Contracting Corp.", phone="2125550100"),
                     firm("3", "Sturges Sports Group Inc.", phone="2125550111")])
    vendors = pd.DataFrame({"vendor_name": ["WALTON PLUMBING AND HEATING", "Harbor Electrical Contracting"]})
    out = diff_directories(old, new, as_of=AS_OF, vendors=vendors)
    assert kinds(out) == [("removed", "1"), ("field_changed", "2")]
    assert out["vendor_name"].tolist() == ["WALTON PLUMBING AND HEATING", "Harbor Electrical Contracting"]


def test_old_and_new_may_be_paths_of_an_export_and_a_snapshot(tmp_path, real_sample_path, real_directory):
    snapshot = write_snapshot(real_directory.iloc[5:], tmp_path, dataset_id="ci93-uc8s",
                              fetched_at=dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
    out = diff_directories(real_sample_path, snapshot, as_of=AS_OF)
    assert out["change"].tolist() == ["removed"] * 5


# --------------------------------------------------------------------------- mwbe-match changes


def _snapshot(df: pd.DataFrame, cache: Path, day: dt.date) -> Path:
    when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
    return write_snapshot(df, cache, dataset_id="ci93-uc8s", fetched_at=when,
                          metadata={"source": "test", "source_kind": "live", "snapshot_date": day.isoformat()})


def test_changes_compares_the_two_newest_snapshots_by_default(empty_cache, real_directory, capsys):
    _snapshot(real_directory.iloc[:10], empty_cache, dt.date(2026, 11, 17))    # older: ignored
    _snapshot(real_directory, empty_cache, LAST_WEEK)
    _snapshot(real_directory.iloc[3:], empty_cache, AS_OF)
    assert main(["changes", "--as-of", "2026-12-01"]) == 0
    captured = capsys.readouterr()
    assert "20261124" in captured.err and "20261201" in captured.err and "20261117" not in captured.err
    lines = captured.out.splitlines()
    assert lines[0].split()[:3] == ["change", "account_number", "name"]
    removed = [line for line in lines[1:] if line.split()[0] == "removed"]
    assert len(removed) == 3
    expected = diff_directories(real_directory, real_directory.iloc[3:], as_of=AS_OF, old_as_of=LAST_WEEK)
    assert len(lines) - 1 == len(expected)


def test_changes_with_fewer_than_two_snapshots_says_so(empty_cache, real_directory, capsys):
    assert main(["changes"]) == 1
    assert "holds 0 snapshots; comparing needs two" in capsys.readouterr().err
    _snapshot(real_directory, empty_cache, AS_OF)
    assert main(["changes"]) == 1
    assert "holds 1 snapshot;" in capsys.readouterr().err


def test_changes_of_two_files_writes_csv_or_parquet_and_keeps_an_existing_output(tmp_path, real_directory,
                                                                                  empty_cache, capsys):
    old = _snapshot(real_directory, empty_cache, LAST_WEEK)
    new = _snapshot(with_value(real_directory.iloc[2:].reset_index(drop=True), 0, "phone", "9175550000"),
                    empty_cache, AS_OF)
    parquet, csv = tmp_path / "changes.parquet", tmp_path / "changes.csv"
    assert main(["changes", str(old), str(new), "-o", str(parquet), "--as-of", "2026-12-01"]) == 0
    table = pq.read_table(parquet)
    assert table.schema.remove_metadata().equals(CHANGE_SCHEMA)
    document = json.loads(table.schema.metadata[b"mwbe_match"])
    assert (document["kind"], document["old"], document["new"], document["as_of"]) == \
        ("changes", str(old), str(new), "2026-12-01")
    assert document["counts"]["removed"] == 2
    assert table.column("change").to_pylist().count("removed") == 2
    assert main(["changes", str(old), str(new), "-o", str(csv)]) == 0
    frame = pd.read_csv(csv, dtype=str, encoding="utf-8-sig")
    assert len(frame) == table.num_rows and "phone" in set(frame["field"])
    before = csv.read_bytes()
    assert main(["changes", str(old), str(new), "-o", str(csv)]) == 1
    assert "exists" in capsys.readouterr().err and csv.read_bytes() == before


def test_changes_can_be_written_as_an_excel_workbook_with_every_change_on_the_results_sheet(
        tmp_path, real_directory, empty_cache):
    openpyxl = pytest.importorskip("openpyxl", reason="reading the workbook needs openpyxl")
    pytest.importorskip("xlsxwriter", reason="writing workbooks needs the excel extra (XlsxWriter)")
    old = _snapshot(real_directory, empty_cache, LAST_WEEK)
    new = _snapshot(real_directory.iloc[3:].reset_index(drop=True), empty_cache, AS_OF)
    out = tmp_path / "changes.xlsx"
    assert main(["changes", str(old), str(new), "-o", str(out), "--as-of", "2026-12-01"]) == 0
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("change", "account_number")
    assert [r[0] for r in rows[1:]].count("removed") == 3
    assert {r[1] for r in rows[1:]} >= set(real_directory["account_number"].iloc[:3])


def test_changes_with_one_path_is_a_usage_error(empty_cache, capsys):
    assert main(["changes", "only-one.parquet"]) == 2
    assert "give both OLD and NEW" in capsys.readouterr().err


def test_changes_for_a_vendor_list_prints_only_its_firms(tmp_path, empty_cache, capsys):
    old = _snapshot(directory([firm("1", "Walton Plumbing & Heating LLC"), firm("2", "Acme Group Inc.")]),
                    empty_cache, LAST_WEEK)
    _snapshot(directory([]), empty_cache, AS_OF)
    vendors = tmp_path / "vendors.csv"
    vendors.write_text("vendor_name\nWalton Plumbing and Heating\n", encoding="utf-8")
    assert main(["changes", "--vendors", str(vendors)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[1].split()[:2] == ["removed", "1"] and "Walton Plumbing and Heating" in out[1]
    assert old.exists()


def test_changes_with_a_vendor_file_without_a_name_column_is_a_one_line_error(tmp_path, empty_cache, capsys):
    old = _snapshot(directory([firm("1")]), empty_cache, LAST_WEEK)
    new = _snapshot(directory([]), empty_cache, AS_OF)
    vendors = tmp_path / "vendors.csv"
    vendors.write_text("supplier\nAcme\n", encoding="utf-8")
    assert main(["changes", str(old), str(new), "--vendors", str(vendors)]) == 1
    err = capsys.readouterr().err
    assert "no name column" in err and "'supplier'" in err and "Traceback" not in err
