"""Excel workbooks: what an analyst opening the file sees, and that it says the same as Parquet and CSV."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match import batch, excel
from mwbe_match.cli import main
from mwbe_match.engine import Matcher

NEEDS = pd.DataFrame([
    {"need_id": "007", "company": "한빛클라우드", "text": "맨해튼 사무실 청소 용역", "boroughs": "", "certifications": ""},
    {"need_id": "N2", "company": "Acme", "text": "janitorial cleaning services", "boroughs": "Queens",
     "certifications": ""},
    {"need_id": "N3", "company": "=cmd|' /C calc'!A0", "text": "-electrical contractor", "boroughs": "",
     "certifications": "MBE"},
    {"need_id": "N4", "company": "Bar", "text": "xyzzy plugh frobnicate", "boroughs": "", "certifications": ""},
    {"need_id": "N5", "company": "Baz", "text": "plumbing", "boroughs": "Narnia", "certifications": ""},
])


@pytest.fixture(scope="module")
def matcher(real_directory: pd.DataFrame) -> Matcher:
    return Matcher(real_directory)


@pytest.fixture(scope="module")
def outputs(matcher: Matcher, tmp_path_factory) -> dict[str, Path]:
    """The same needs as Parquet, CSV and Excel."""
    folder = tmp_path_factory.mktemp("outputs")
    paths = {fmt: folder / f"shortlists.{fmt}" for fmt in ("parquet", "csv", "xlsx")}
    for path in paths.values():
        mwbe_match.run_shortlist(NEEDS, path, directory=matcher, top=3)
    return paths


def _rows(sheet) -> list[dict]:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row)) for row in rows]


def test_a_shortlist_workbook_has_results_needs_and_about_sheets(outputs: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(outputs["xlsx"])
    assert book.sheetnames == ["Results", "Needs", "About"]
    results = book["Results"]
    names = batch.shortlist_schema().names
    assert [c.value for c in results[1]] == names
    assert results.freeze_panes == "A2"
    assert results.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(names))}{results.max_row}"
    col = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(names)}
    assert results[f"{col['reasons']}2"].alignment.wrap_text
    assert 20 <= results.column_dimensions[col["reasons"]].width <= 62
    assert results.column_dimensions[col["rank"]].width < results.column_dimensions[col["name"]].width


def test_the_workbook_keeps_korean_text_types_and_leading_zeros(outputs: dict[str, Path]) -> None:
    rows = _rows(openpyxl.load_workbook(outputs["xlsx"])["Results"])
    korean = [r for r in rows if r["need_id"] == "007"]
    assert korean and all(r["company"] == "한빛클라우드" and r["text"] == "맨해튼 사무실 청소 용역" for r in korean)
    shortlisted = [r for r in rows if r["status"] == "shortlisted"]
    # a number cell (Excel keeps no int/float distinction: a score of 57.0 reads back as 57), never text
    assert all(isinstance(r["rank"], int) and isinstance(r["score"], (int, float)) and not isinstance(r["score"], bool)
               for r in shortlisted)
    assert all(isinstance(r["account_number"], str) and isinstance(r["naics_code"], (str, type(None)))
               for r in shortlisted)
    expiring = [r["certification_expires"] for r in shortlisted if r["certification_expires"] is not None]
    assert expiring and all(isinstance(d, dt.datetime) for d in expiring)
    assert all(isinstance(r["phone"], str) for r in shortlisted if r["phone"] is not None)


def test_websites_are_links_only_when_http_or_https(outputs: dict[str, Path]) -> None:
    results = openpyxl.load_workbook(outputs["xlsx"])["Results"]
    column = batch.shortlist_schema().names.index("website") + 1
    cells = [results.cell(r, column) for r in range(2, results.max_row + 1)]
    linked = [c for c in cells if c.value is not None]
    assert linked, "the real extract's shortlists name some websites"
    for cell in linked:
        is_web = cell.value.lower().startswith(("http://", "https://"))
        assert (cell.hyperlink is not None and cell.hyperlink.target == cell.value) == is_web


def test_the_workbook_holds_no_formula_and_neutralizes_formula_like_text(outputs: dict[str, Path]) -> None:
    with zipfile.ZipFile(outputs["xlsx"]) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    book = openpyxl.load_workbook(outputs["xlsx"])
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@")), (sheet.title, cell.coordinate)
    rows = _rows(book["Results"])
    assert {r["company"] for r in rows if r["need_id"] == "N3"} == {"'=cmd|' /C calc'!A0"}
    assert {r["text"] for r in rows if r["need_id"] == "N3"} == {"'-electrical contractor"}


def test_the_needs_sheet_lists_every_need_with_its_status_reading_and_explanation(
        outputs: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(outputs["xlsx"])
    needs = _rows(book["Needs"])
    assert [n["need_id"] for n in needs] == NEEDS["need_id"].tolist()
    assert [n["input_row"] for n in needs] == [1, 2, 3, 4, 5]
    by_id = {n["need_id"]: n for n in needs}
    results = _rows(book["Results"])
    for need in needs:
        assert need["suppliers"] == sum(r["need_id"] == need["need_id"] and r["status"] == "shortlisted"
                                        for r in results)
    assert by_id["N2"]["status"] == "ok" and by_id["N2"]["explanation"] is None
    assert by_id["N4"]["status"] == "no_match" and by_id["N4"]["suppliers"] == 0
    no_match_row = next(r for r in results if r["need_id"] == "N4")
    assert by_id["N4"]["explanation"] == no_match_row["reasons"] and "xyzzy" in by_id["N4"]["explanation"]
    assert by_id["N5"]["status"] == "invalid" and "Narnia" in by_id["N5"]["explanation"]
    assert "office cleaning" in by_id["007"]["understood_terms"]  # how the Korean text was read


def test_the_about_sheet_gives_provenance_parameters_version_and_counts(outputs: dict[str, Path],
                                                                        real_directory: pd.DataFrame) -> None:
    about = dict(openpyxl.load_workbook(outputs["xlsx"])["About"].iter_rows(min_row=2, values_only=True))
    import pyarrow.parquet as pq

    meta = pq.read_schema(outputs["parquet"]).metadata[batch.METADATA_KEY.encode()]
    assert about["kind"] == "shortlist" and about["library_version"] == mwbe_match.__version__
    assert about["created_at"]
    assert about["directory.firms"] == len(real_directory) and about["directory.source"].endswith(".csv")
    assert about["directory.snapshot_date"].date().isoformat() in meta.decode()
    assert about["parameters.top"] == 3 and about["parameters.format"] == "xlsx"
    assert about["workbook.needs"] == 5 and about["workbook.needs_invalid"] == 1
    assert about["workbook.needs_no_match"] == 1
    assert about["workbook.results_rows"] == pq.read_metadata(outputs["parquet"]).num_rows


def _canonical(value) -> str:
    """One text for a cell whatever the file: what an analyst reads."""
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list):  # a list, or a map as pyarrow gives it: [(key, value), ...]
        return "; ".join(f"{v[0]}: {v[1]}" if isinstance(v, tuple) else v for v in value)
    return str(value)


def test_the_same_needs_give_the_same_rows_in_parquet_csv_and_excel(outputs: dict[str, Path]) -> None:
    schema = batch.shortlist_schema()
    text_columns = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_list(f.type)]
    parquet = pq.read_table(outputs["parquet"]).to_pylist()
    parquet = [{k: ("'" + v if k in text_columns and isinstance(v, str) and v[:1] in "=+-@\t\r" and v else v)
                for k, v in row.items()} for row in parquet]
    csv = pd.read_csv(outputs["csv"], encoding="utf-8-sig", dtype=str, keep_default_na=False).to_dict("records")
    xlsx = _rows(openpyxl.load_workbook(outputs["xlsx"])["Results"])
    assert len(parquet) == len(csv) == len(xlsx) > len(NEEDS)
    numeric = {f.name for f in schema if pa.types.is_floating(f.type)}
    for p_row, c_row, x_row in zip(parquet, csv, xlsx):
        for name in schema.names:
            expected = _canonical(p_row[name])
            from_csv = _canonical(float(c_row[name])) if name in numeric and c_row[name] else c_row[name]
            assert from_csv == expected, (name, p_row["need_id"])
            assert _canonical(x_row[name]) == expected, (name, p_row["need_id"])


def test_ids_zips_naics_codes_and_phones_stay_text_dates_and_money_are_typed(tmp_path: Path) -> None:
    table = pa.table({
        "account_number": ["000123", "12345678901234567890"],
        "zip": ["07030", "10001"],
        "naics_code": ["0123", "561720"],
        "phone": ["0123456789", "2125551234"],
        "min_bonding": [1_000_000.0, None],
        "certification_expires": pa.array([dt.date(2027, 6, 30), None], pa.date32()),
        "eligible": [True, False],
        "website": ["https://example.com/a b", "javascript:alert(1)"],
        "notes": ["1E5", "3.0"],
    })
    path = excel.write_workbook(tmp_path / "typed.xlsx", table)
    sheet = openpyxl.load_workbook(path)["Results"]
    rows = _rows(sheet)
    assert [r["account_number"] for r in rows] == ["000123", "12345678901234567890"]
    assert [r["zip"] for r in rows] == ["07030", "10001"]
    assert [r["naics_code"] for r in rows] == ["0123", "561720"]
    assert [r["phone"] for r in rows] == ["0123456789", "2125551234"]
    assert [r["notes"] for r in rows] == ["1E5", "3.0"]
    assert all(sheet.cell(2, c).number_format == "@" for c in (1, 2, 3, 4))
    assert rows[0]["min_bonding"] == 1_000_000 and "$" in sheet["E2"].number_format
    assert rows[0]["certification_expires"] == dt.datetime(2027, 6, 30)
    assert sheet["F2"].is_date and sheet["F2"].number_format == "yyyy-mm-dd"
    assert [r["eligible"] for r in rows] == [True, False]
    assert sheet["H2"].hyperlink is None  # a URL with a space is not a valid link: kept as text
    assert sheet["H3"].hyperlink is None and sheet["H3"].value == "javascript:alert(1)"
    assert openpyxl.load_workbook(path).sheetnames == ["Results", "About"]  # not a shortlist: no Needs sheet


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
                min_size=1, max_size=5))
def test_any_text_reads_back_as_the_csv_would_show_it(tmp_path: Path, values: list[str]) -> None:
    path = tmp_path / "any.xlsx"
    excel.write_workbook(path, pa.table({"company": values}), overwrite=True)
    got = [r["company"] for r in _rows(openpyxl.load_workbook(path)["Results"])]
    expected = [("'" + v if v[:1] in ("=", "+", "-", "@") else v) or None for v in values]
    assert got == expected


def test_labels_and_sheet_names_can_be_given_for_another_language(tmp_path: Path) -> None:
    table = pa.table({"need_id": ["n1", "n2"], "status": ["shortlisted", "no_match"], "name": ["가나다 LLC", None]})
    path = excel.write_workbook(tmp_path / "ko.xlsx", table, labels={"need_id": "요청ID", "name": "회사명"},
                                value_labels={"ok": "적합", "no_match": "해당 없음", "shortlisted": "추천"},
                                sheet_names={"results": "결과", "needs": "요청", "about": "정보"})
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["결과", "요청", "정보"]
    assert [c.value for c in book["결과"][1]] == ["요청ID", "status", "회사명"]
    assert [r["status"] for r in _rows(book["결과"])] == ["추천", "해당 없음"]
    assert [r["status"] for r in _rows(book["요청"])] == ["적합", "해당 없음"]
    with pytest.raises(ValueError, match="sheet name"):
        excel.write_workbook(tmp_path / "bad.xlsx", table, sheet_names={"results": "a/b"})
    assert not (tmp_path / "bad.xlsx").exists()


def test_rows_past_a_sheets_limit_continue_on_another_sheet_and_none_is_lost(tmp_path: Path,
                                                                           monkeypatch) -> None:
    monkeypatch.setattr(excel, "_MAX_ROWS", 4)  # header + 3 rows per sheet (Excel's is 1,048,576)
    monkeypatch.setattr(excel, "_MAX_URLS", 2)
    n = 8
    table = pa.table({"need_id": [f"n{i // 2}" for i in range(n)], "status": ["shortlisted"] * n,
                      "rank": [i % 2 + 1 for i in range(n)], "input_row": [i // 2 + 1 for i in range(n)],
                      "website": [f"https://firm{i}.example" for i in range(n)]})
    batches = iter(table.to_batches(max_chunksize=3))  # a need split across two batches stays one need
    path = excel.write_workbook(tmp_path / "long.xlsx", batches)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == ["Results", "Needs"] and book.sheetnames[-1] == "About"  # About comes last
    assert sorted(book.sheetnames[2:-1]) == ["Needs (2)", "Results (2)", "Results (3)"]
    rows = [r for name in ("Results", "Results (2)", "Results (3)") for r in _rows(book[name])]
    assert [r["website"] for r in rows] == table.column("website").to_pylist()
    needs = _rows(book["Needs"]) + _rows(book["Needs (2)"])
    assert [(r["need_id"], r["suppliers"]) for r in needs] == [(f"n{i}", 2) for i in range(4)]
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["workbook.results_sheets"] == "Results; Results (2); Results (3)"
    assert about["workbook.results_links_written_as_text"] == n - 3 * 2  # 2 links on each of 3 sheets
    linked = sum(book[name].cell(r, 5).hyperlink is not None for name in ("Results", "Results (2)", "Results (3)")
                 for r in range(2, book[name].max_row + 1))
    assert linked == n - about["workbook.results_links_written_as_text"]


def test_a_failed_workbook_job_leaves_the_previous_file_and_no_temporary_files(
        tmp_path: Path, matcher: Matcher, monkeypatch) -> None:
    out = tmp_path / "out" / "shortlists.xlsx"
    mwbe_match.run_shortlist(NEEDS, out, directory=matcher, top=2)
    before = out.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # nothing is left in the system temp folder either
    real_chunk = batch._shortlist_chunk
    calls = []

    def fail_on_second_chunk(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_chunk(*args, **kwargs)

    monkeypatch.setattr(batch, "_shortlist_chunk", fail_on_second_chunk)
    with pytest.raises(OSError, match="disk full"):
        mwbe_match.run_shortlist(NEEDS, out, directory=matcher, top=2, chunk_size=2, overwrite=True)
    assert out.read_bytes() == before
    assert list(out.parent.iterdir()) == [out]  # neither the temporary workbook nor XlsxWriter's row files
    assert list(scratch.iterdir()) == []


def test_without_xlsxwriter_an_excel_output_names_the_extra_before_any_work(tmp_path: Path, matcher: Matcher,
                                                                           monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    with pytest.raises(ImportError, match=r'pip install "mwbe_match\[excel\]"'):
        mwbe_match.run_shortlist(NEEDS, tmp_path / "out.xlsx", directory=matcher)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_writes_a_workbook_for_an_xlsx_output(tmp_path: Path, real_sample_path: Path,
                                                               capsys) -> None:
    needs = tmp_path / "needs.csv"
    NEEDS.to_csv(needs, index=False, encoding="utf-8-sig")
    out = tmp_path / "shortlists.xlsx"
    assert main(["shortlist", str(needs), "-o", str(out), "--directory", str(real_sample_path), "--quiet"]) == 0
    assert zipfile.is_zipfile(out) and openpyxl.load_workbook(out).sheetnames == ["Results", "Needs", "About"]
    vendors = tmp_path / "vendors.csv"
    pd.DataFrame({"vendor_name": ["IBC Cleaning LLC", "Nobody At All Corp"]}).to_csv(vendors, index=False)
    checked = tmp_path / "checked.xlsx"
    assert main(["verify", str(vendors), "-o", str(checked), "--directory", str(real_sample_path), "--quiet"]) == 0
    book = openpyxl.load_workbook(checked)
    assert book.sheetnames == ["Results", "About"]
    rows = _rows(book["Results"])
    assert [r["input_name"] for r in rows] == ["IBC Cleaning LLC", "Nobody At All Corp"]
    assert [c.value for c in book["Results"][1]] == batch.verify_schema().names
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["kind"] == "verify" and about["directory.firms"] == 817


_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                             "apt-get install libreoffice-calc-nogui to run this test")
def test_libreoffice_opens_the_workbook_and_converts_it_to_pdf(outputs: dict[str, Path], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    done = subprocess.run(
        [_SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(outputs["xlsx"])],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "shortlists.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000


def test_an_error_while_writing_in_the_background_surfaces_and_writes_nothing(tmp_path: Path,
                                                                              monkeypatch) -> None:
    def broken(self, values, n):
        raise OSError("no space left on device")

    table = pa.table({"need_id": ["a", "b"], "status": ["shortlisted", "no_match"]})
    path = tmp_path / "never.xlsx"
    writer = excel.WorkbookWriter(path, table.schema, background=True)
    monkeypatch.setattr(excel._Sheet, "write_rows", broken)
    writer.write(table)  # handed to the worker thread
    with pytest.raises(OSError, match="no space left"):
        writer.close()
    assert list(tmp_path.iterdir()) == []


def test_a_cell_longer_than_excel_allows_is_cut_and_counted_on_the_about_sheet(tmp_path: Path) -> None:
    long = "가" * 40_000
    path = excel.write_workbook(tmp_path / "long.xlsx", pa.table({"reasons": [long, "short"]}))
    book = openpyxl.load_workbook(path)
    assert [r["reasons"] for r in _rows(book["Results"])] == [long[:32_767], "short"]
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["workbook.results_cells_cut_to_32767_characters"] == 1


def test_a_plan_workbook_has_one_sheet_per_table_then_about(tmp_path: Path, bundled_directory) -> None:
    from mwbe_match.participation import plan_participation

    scopes = pd.read_csv(Path(__file__).resolve().parents[1] / "datasets" / "scopes_example.csv", dtype=str)
    plan = plan_participation(scopes, {"Women": 5}, contract_value=5_000_000, through=dt.date(2027, 6, 30),
                              directory=bundled_directory)
    out = plan.write(tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(next(iter(out.values())) if isinstance(out, dict) else out)
    assert book.sheetnames == ["Assignments", "Attainment", "Alternates", "About"]
    assignments = _rows(book["Assignments"])
    assert len(assignments) == len(plan.assignments)
    assert [r["scope_id"] for r in assignments] == plan.assignments["scope_id"].tolist()
    assert all(isinstance(r["account_number"], (str, type(None))) for r in assignments)  # IDs stay text


def test_the_needs_sheet_says_which_requirement_removed_the_candidates_of_a_no_match_need(tmp_path: Path,
                                                                                      matcher: Matcher) -> None:
    needs = pd.DataFrame([{"need_id": "strict", "text": "office cleaning janitorial", "min_bonding": "900000000"}])
    out = tmp_path / "strict.xlsx"
    mwbe_match.run_shortlist(needs, out, directory=matcher)
    row = _rows(openpyxl.load_workbook(out)["Needs"])[0]
    assert row["status"] == "no_match" and row["candidates"] > 0
    assert "min_bonding: " in row["eliminated_by"]
