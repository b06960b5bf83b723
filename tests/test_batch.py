"""Batch jobs in-process: reading needs files, the shortlist and verify jobs as library calls."""

from __future__ import annotations

import datetime as dt
import json
import sys
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import mwbe_match
from mwbe_match import batch
from mwbe_match.engine import SHORTLIST_COLUMNS, Matcher
from mwbe_match.readers import read_table

# --------------------------------------------------------------------------- read_table

HEADER = "need_id,company,text,certifications\n"
KOREAN_ROW = "k1,삼성물산,사무실 청소 서비스,WBE\n"


def test_read_table_reads_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_bytes((HEADER + KOREAN_ROW).encode("utf-8-sig"))
    df = read_table(path)
    assert list(df.columns) == ["need_id", "company", "text", "certifications"]  # no BOM in the first name
    assert df.loc[1, "text"] == "사무실 청소 서비스"
    assert df.attrs["encoding"] == "utf-8-sig"


def test_read_table_detects_cp949_from_korean_excel(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_bytes((HEADER + KOREAN_ROW).encode("cp949"))
    df = read_table(path)
    assert df.loc[1, "company"] == "삼성물산"
    assert df.attrs["encoding"] == "cp949"


def test_read_table_refuses_bytes_no_candidate_decodes_and_names_encodings_tried(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(HEADER.encode() + b"x1,Caf\xe9 \xff\x80,cleaning,\n")
    with pytest.raises(ValueError, match="utf-8-sig, cp949") as err:
        read_table(path)
    assert str(path) in str(err.value)


def test_read_table_refuses_text_already_damaged_with_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.csv"
    path.write_text(HEADER + "m1,\ufffd\ufffd\ufffd,cleaning,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="U\\+FFFD.*line 2"):
        read_table(path)


def test_read_table_with_explicit_wrong_encoding_names_it(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_bytes((HEADER + KOREAN_ROW).encode("cp949"))
    with pytest.raises(ValueError, match="encodings tried: utf-8"):
        read_table(path, encoding="utf-8")
    assert read_table(path, encoding="euc-kr").loc[1, "company"] == "삼성물산"


def test_read_table_keeps_empty_cells_empty_and_numbers_rows_as_the_file_does_counting_blank_lines(
        tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_text(HEADER + "a,,plumbing,\n\n,Hanwha,\"two\nlines\",MBE\n\n", encoding="utf-8")
    df = read_table(path)
    assert df.index.tolist() == [1, 3] and df.index.name == "row"
    assert df.attrs["blank_rows"] == [2]  # the blank line after the last record shifts nothing
    assert df.loc[1, "company"] == "" and df.loc[3, "need_id"] == ""
    assert df.loc[3, "text"] == "two\nlines"


def _write_every_format(rows: list[dict], folder: Path) -> dict[str, Path]:
    frame = pd.DataFrame(rows).astype({"naics": "Int64"})
    paths = {fmt: folder / f"needs.{fmt}" for fmt in ("csv", "json", "jsonl", "parquet", "xlsx")}
    frame.to_csv(paths["csv"], index=False)
    paths["json"].write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    paths["jsonl"].write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    frame.to_parquet(paths["parquet"], index=False)
    frame.to_excel(paths["xlsx"], index=False)
    return paths


def test_read_table_gives_the_same_text_cells_for_every_format(tmp_path: Path) -> None:
    rows = [
        {"need_id": "n1", "text": "청소", "naics": 561720, "min_bonding": 2.5, "certifications": "MBE;WBE"},
        {"need_id": "n2", "text": "plumbing", "naics": None, "min_bonding": None, "certifications": None},
    ]
    expected = pd.DataFrame(
        {"need_id": ["n1", "n2"], "text": ["청소", "plumbing"], "naics": ["561720", ""],
         "min_bonding": ["2.5", ""], "certifications": ["MBE;WBE", ""]},
        index=pd.RangeIndex(1, 3, name="row"), dtype=str,
    )
    for fmt, path in _write_every_format(rows, tmp_path).items():
        df = read_table(path)
        pd.testing.assert_frame_equal(df, expected, check_dtype=False, obj=fmt)
        assert df.attrs["format"] == fmt


def test_read_table_turns_lists_and_dates_into_typed_text(tmp_path: Path) -> None:
    path = tmp_path / "needs.json"
    path.write_text(json.dumps([{"text": "x", "naics": [5617, "5616"], "union_signatory": True, "min_bonding": 5e6}]))
    assert read_table(path).iloc[0].tolist() == ["x", "5617;5616", "true", "5000000"]
    pq.write_table(pa.table({"text": ["y"], "certified_through": [dt.date(2027, 6, 30)],
                             "certifications": [["MBE", "WBE"]]}), tmp_path / "needs.parquet")
    assert read_table(tmp_path / "needs.parquet").iloc[0].tolist() == ["y", "2027-06-30", "MBE;WBE"]


def test_read_table_names_the_line_of_malformed_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "needs.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b",}\n')
    with pytest.raises(ValueError, match="line 2"):
        read_table(path)


def test_read_table_refuses_a_row_with_a_value_outside_the_header(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_text("need_id,text\nn1,cleaning\nn2,plumbing,oops\nn3,catering,,\n")
    with pytest.raises(ValueError, match="row 2 .*'oops'"):
        read_table(path)


def test_read_table_refuses_duplicate_column_names(tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_text("need_id,text,Text\nn1,a,b\n")
    with pytest.raises(ValueError, match="appears twice"):
        read_table(path)


def test_read_table_xlsx_without_openpyxl_says_which_extra_to_install(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "needs.xlsx"
    pd.DataFrame({"text": ["a"]}).to_excel(path, index=False)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImportError, match=r'pip install "mwbe_match\[excel\]"'):
        read_table(path)


def test_read_table_chooses_the_sheet_and_lists_sheets_when_unknown(tmp_path: Path) -> None:
    path = tmp_path / "needs.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"notes": ["x"]}).to_excel(writer, sheet_name="Read me", index=False)
        pd.DataFrame({"text": ["plumbing"]}).to_excel(writer, sheet_name="Needs", index=False)
    assert read_table(path, sheet="Needs").loc[1, "text"] == "plumbing"
    assert read_table(path, sheet=1).loc[1, "text"] == "plumbing"
    assert read_table(path, sheet="1").loc[1, "text"] == "plumbing"  # as --sheet 1 passes it
    with pytest.raises(ValueError, match="Read me, Needs"):
        read_table(path, sheet="Sheet1")


# --------------------------------------------------------------------------- run_shortlist

@pytest.fixture(scope="module")
def matcher(bundled_directory: pd.DataFrame) -> Matcher:
    return Matcher(bundled_directory)


NEEDS = pd.DataFrame([
    {"need_id": "clean", "company": "Samsung C&T", "text": "commercial office cleaning", "certifications": "WBE"},
    {"need_id": "", "company": "LG CNS", "text": "software development", "certifications": ""},
    {"need_id": "bad", "company": "SK", "text": "plumbing", "certifications": "XYZ"},
    {"need_id": "none", "company": "CJ", "text": "quantum teleportation of llamas", "certifications": ""},
    {"need_id": "clean", "company": "Hanwha", "text": "catering", "certifications": ""},
])


def _read(path: Path) -> pd.DataFrame:
    return pq.read_table(path).to_pandas()


def test_run_shortlist_writes_every_need_in_input_order_with_its_status(tmp_path: Path, matcher: Matcher) -> None:
    out = tmp_path / "shortlists.parquet"
    summary = mwbe_match.run_shortlist(NEEDS, out, directory=matcher, top=5)
    df = _read(out)
    firsts = df.drop_duplicates("input_row")
    assert firsts["input_row"].tolist() == [1, 2, 3, 4, 5]
    assert firsts["need_id"].tolist() == ["clean", "row-2", "bad", "none", "clean"]
    assert firsts["status"].tolist() == ["shortlisted", "shortlisted", "invalid", "no_match", "invalid"]
    assert (summary.needs_read, summary.shortlisted, summary.no_match, summary.invalid) == (5, 2, 1, 2)
    assert summary.rows_written == len(df) and summary.out_path == out
    ranks = df[df["need_id"] == "clean"].dropna(subset=["rank"])["rank"].tolist()
    assert ranks == list(range(1, len(ranks) + 1)) and 0 < len(ranks) <= 5
    lone = df[df["status"] != "shortlisted"]
    assert lone["rank"].isna().all() and lone["account_number"].isna().all()


def test_invalid_rows_carry_the_error_and_are_reported_with_row_and_column(tmp_path: Path, matcher: Matcher) -> None:
    summary = mwbe_match.run_shortlist(NEEDS, tmp_path / "out.parquet", directory=matcher)
    assert [(row, column) for row, column, _ in summary.problems] == [(3, "certifications"), (5, "need_id")]
    assert "unknown certification 'XYZ'" in summary.problems[0][2]
    assert "already used by row 1" in summary.problems[1][2]
    errors = _read(tmp_path / "out.parquet").set_index("input_row")["error"]
    assert errors[3].startswith("row 3, column 'certifications': unknown certification")
    assert errors[[1, 2, 4]].isna().all()


def test_output_columns_are_the_need_columns_the_engine_columns_then_error_and_row(tmp_path: Path,
                                                                                    matcher: Matcher) -> None:
    mwbe_match.run_shortlist(NEEDS, tmp_path / "out.parquet", directory=matcher)
    schema = pq.read_schema(tmp_path / "out.parquet")
    assert schema.names == ["need_id", "company", "text", "status", *SHORTLIST_COLUMNS[1:],
                            "candidates", "eliminated_by", "error", "input_row"]
    assert schema.remove_metadata().equals(batch.shortlist_schema())
    meta = json.loads(schema.metadata[b"mwbe_match"])
    assert meta["library_version"] == mwbe_match.__version__
    assert meta["parameters"]["top"] == 10 and meta["parameters"]["as_of"] == dt.date.today().isoformat()
    assert meta["directory"]["firms"] == matcher.n_firms
    assert dt.datetime.fromisoformat(meta["created_at"]).tzinfo is not None


def test_reruns_and_chunk_sizes_give_identical_data(tmp_path: Path, matcher: Matcher) -> None:
    many = pd.concat([NEEDS.assign(need_id=NEEDS["need_id"] + f"-{i}") for i in range(4)], ignore_index=True)
    mwbe_match.run_shortlist(many, tmp_path / "a.parquet", directory=matcher)
    mwbe_match.run_shortlist(many, tmp_path / "b.parquet", directory=matcher, chunk_size=3)
    a, b = pq.read_table(tmp_path / "a.parquet"), pq.read_table(tmp_path / "b.parquet")
    assert a.equals(b)
    assert pq.ParquetFile(tmp_path / "b.parquet").num_row_groups > 1  # written chunk by chunk


def test_unusable_input_raises_and_writes_nothing(tmp_path: Path, matcher: Matcher) -> None:
    out = tmp_path / "out.parquet"
    with pytest.raises(batch.BatchInputError, match="no 'text' column.*'need_id', 'description'"):
        mwbe_match.run_shortlist(pd.DataFrame({"need_id": ["a"], "description": ["x"]}), out, directory=matcher)
    with pytest.raises(batch.BatchInputError, match="every one of the 2 needs is invalid") as err:
        mwbe_match.run_shortlist(pd.DataFrame({"text": ["a", "b"], "boroughs": ["Narnia", "Gotham"]}), out,
                                 directory=matcher)
    assert [p[:2] for p in err.value.problems] == [(1, "boroughs"), (2, "boroughs")]
    assert "row 2, column 'boroughs'" in str(err.value)
    with pytest.raises(batch.BatchInputError, match="no rows"):
        mwbe_match.run_shortlist(pd.DataFrame({"text": []}), out, directory=matcher)
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_overwrite_unless_asked(tmp_path: Path, matcher: Matcher) -> None:
    out = tmp_path / "out.parquet"
    out.write_bytes(b"precious")
    with pytest.raises(FileExistsError, match="--overwrite"):
        mwbe_match.run_shortlist(NEEDS, out, directory=matcher)
    assert out.read_bytes() == b"precious"
    mwbe_match.run_shortlist(NEEDS, out, directory=matcher, overwrite=True)
    assert pq.read_table(out).num_rows > len(NEEDS)


def test_a_failure_mid_write_leaves_no_output_and_no_temporary_file(tmp_path: Path, matcher: Matcher,
                                                                    monkeypatch) -> None:
    real = batch._shortlist_chunk
    calls = []

    def fail_on_second_chunk(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "_shortlist_chunk", fail_on_second_chunk)
    with pytest.raises(RuntimeError, match="disk full"):
        mwbe_match.run_shortlist(NEEDS, tmp_path / "out.parquet", directory=matcher, chunk_size=2)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_csv_output_is_excel_ready_utf8_with_bom_and_formula_cells_neutralized(tmp_path: Path,
                                                                               matcher: Matcher) -> None:
    needs = pd.DataFrame([
        {"need_id": "=1+1", "company": "+82 Corp", "text": "-cleaning for offices", "naics": ""},
        {"need_id": "t", "company": "@home\tinc", "text": "사무실 청소", "naics": "5617"},
    ])
    out = tmp_path / "out.csv"
    mwbe_match.run_shortlist(needs, out, directory=matcher, top=2)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(df.columns) == batch.shortlist_schema().names
    assert set(df["need_id"]) == {"'=1+1", "t"}
    assert set(df["company"]) == {"'+82 Corp", "'@home\tinc"}
    assert df["text"].iloc[0] == "'-cleaning for offices" and "사무실 청소" in set(df["text"])
    shortlisted = df[df["status"] == "shortlisted"]
    assert shortlisted["certifications"].str.fullmatch(r"(MBE|WBE|LBE|EBE)(; (MBE|WBE|LBE|EBE))*").all()
    assert shortlisted["certification_expires"].str.fullmatch(r"\d{4}-\d\d-\d\d|").all()


def test_the_output_extension_picks_the_format_and_an_explicit_format_must_agree(tmp_path: Path,
                                                                                 matcher: Matcher) -> None:
    mwbe_match.run_shortlist(NEEDS, tmp_path / "a.csv", directory=matcher)
    mwbe_match.run_shortlist(NEEDS, tmp_path / "b.CSV", directory=matcher, format="csv")
    mwbe_match.run_shortlist(NEEDS, tmp_path / "c.parquet", directory=matcher)
    mwbe_match.run_shortlist(NEEDS, tmp_path / "d.pq", directory=matcher, format="parquet")
    assert (tmp_path / "a.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert (tmp_path / "b.CSV").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert (tmp_path / "c.parquet").read_bytes()[:4] == b"PAR1" and (tmp_path / "d.pq").read_bytes()[:4] == b"PAR1"
    with pytest.raises(ValueError, match="does not match the extension '.csv'"):
        mwbe_match.run_shortlist(NEEDS, tmp_path / "e.csv", directory=matcher, format="parquet")
    assert not (tmp_path / "e.csv").exists()


@pytest.mark.parametrize("name", ["out.txt", "out.xls", "out.out", "shortlists"])
def test_an_output_extension_no_writer_produces_is_refused_never_parquet_under_another_name(
        tmp_path: Path, matcher: Matcher, bundled_directory: pd.DataFrame, name: str) -> None:
    refused = r"not an output format this library writes; end the name in \.parquet"
    with pytest.raises(ValueError, match=refused):
        mwbe_match.run_shortlist(NEEDS, tmp_path / name, directory=matcher)
    with pytest.raises(ValueError, match=refused):
        mwbe_match.run_verify(pd.DataFrame({"name": ["Acme"]}), tmp_path / name, directory=bundled_directory)
    assert list(tmp_path.iterdir()) == []


def test_output_formats_are_one_registry_by_extension() -> None:
    from mwbe_match.batch import OUTPUT_FORMATS, output_format

    assert output_format("x.parquet") == output_format("x.PQ") == "parquet" and output_format("x.csv") == "csv"
    assert output_format("x.txt") is None and output_format("x") is None
    for name, spec in OUTPUT_FORMATS.items():
        assert all(output_format(f"file{suffix}") == name for suffix in spec.suffixes)


def test_a_list_of_needs_is_accepted_like_a_file(tmp_path: Path, matcher: Matcher) -> None:
    needs = [mwbe_match.engine.need.Need("p", "plumbing", boroughs=("QUEENS",)), mwbe_match.engine.need.Need("q", naics=("5617",))]
    summary = mwbe_match.run_shortlist(needs, tmp_path / "out.parquet", directory=matcher, top=3)
    df = _read(tmp_path / "out.parquet")
    assert summary.needs_read == 2 and set(df["need_id"]) == {"p", "q"}
    assert set(df.loc[(df["need_id"] == "p") & (df["status"] == "shortlisted"), "borough"]) <= {"QUEENS"}


def test_live_directory_reuses_a_snapshot_younger_than_a_day(tmp_path: Path, monkeypatch,
                                                             bundled_directory: pd.DataFrame) -> None:
    from mwbe_match import live as socrata, snapshots

    monkeypatch.setenv("MWBE_MATCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(socrata, "DEFAULT_BASE_URL", "http://127.0.0.1:9")  # nobody there: no request may be made
    snapshots.write_snapshot(bundled_directory, dataset_id="ci93-uc8s",
                             fetched_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=23))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summary = mwbe_match.run_shortlist(NEEDS.iloc[:1], tmp_path / "out.parquet", directory="live")
    assert summary.needs_read == 1


# --------------------------------------------------------------------------- run_verify


def test_run_verify_writes_one_row_per_vendor_with_its_row_in_the_file(tmp_path: Path, bundled_directory) -> None:
    firm = bundled_directory["name"].iloc[0]
    vendors = pd.DataFrame({"Vendor": [firm.upper(), "", "Nothing Alike Holdings", "..."], "zip": ["", "", "", ""]})
    path = tmp_path / "vendors.csv"
    vendors.to_csv(path, index=False)
    summary = mwbe_match.run_verify(path, tmp_path / "v.parquet", directory=bundled_directory)
    df = _read(tmp_path / "v.parquet")
    assert df["input_row"].tolist() == [1, 3, 4]  # the blank line is not a record, but keeps its number
    assert df["status"].iloc[0] in ("exact", "strong") and df["status"].iloc[2] == "invalid"
    assert summary.vendors_read == 3 and summary.matched == 1 and summary.by_status["invalid"] == 1
    assert summary.problems[0][:2] == (4, "Vendor")
    assert summary.blank_rows == [2] and "1 blank row skipped (row 2)" in summary.lines()[0]
    assert pq.read_schema(tmp_path / "v.parquet").remove_metadata().equals(batch.verify_schema())


def test_run_verify_without_a_name_column_is_unusable(tmp_path: Path, bundled_directory) -> None:
    with pytest.raises(batch.BatchInputError, match="no name column.*'supplier'"):
        mwbe_match.run_verify(pd.DataFrame({"supplier": ["x"]}), tmp_path / "v.parquet", directory=bundled_directory)
    summary = mwbe_match.run_verify(pd.DataFrame({"supplier": ["x"]}), tmp_path / "v.parquet",
                                    directory=bundled_directory, name_column="supplier")
    assert summary.vendors_read == 1


VENDORS_EXAMPLE = Path(__file__).resolve().parent.parent / "datasets" / "vendors_example.csv"


def test_run_verify_judges_every_chunk_on_one_as_of_date_and_records_it(tmp_path: Path, bundled_directory) -> None:
    out = tmp_path / "v.parquet"
    summary = mwbe_match.run_verify(VENDORS_EXAMPLE, out, directory=bundled_directory, chunk_size=4,
                                    as_of="2026-12-01", expiring_within_days=60)
    table = pq.read_table(out)
    params = json.loads(table.schema.metadata[b"mwbe_match"])["parameters"]
    assert (params["as_of"], params["expiring_within_days"]) == ("2026-12-01", 60)
    df = _read(out)
    found = df["account_number"].notna()
    assert set(df.loc[found, "as_of"]) == {dt.date(2026, 12, 1)} and df.loc[~found, "as_of"].isna().all()
    assert summary.as_of == dt.date(2026, 12, 1) and summary.expiring_within_days == 60


def test_the_verify_summary_names_the_matched_vendors_that_lapsed_or_expire_with_their_dates(
        tmp_path: Path, bundled_directory) -> None:
    out = tmp_path / "v.parquet"
    summary = mwbe_match.run_verify(VENDORS_EXAMPLE, out, directory=bundled_directory, as_of="2026-12-01")
    df = _read(out)
    matched = df[df["status"].isin(["exact", "strong"])]
    lapsed = matched[matched["certification_status"] == "lapsed"]
    expiring = matched[matched["certification_status"] == "expiring"]
    assert len(lapsed) == 8  # the count on the example vendor list
    assert [v.input_row for v in summary.lapsed] == lapsed["input_row"].tolist()
    assert [v.date for v in summary.lapsed] == [d + dt.timedelta(days=1) for d in lapsed["certified_through"]]
    assert [(v.input_row, v.date) for v in summary.expiring] == list(zip(expiring["input_row"], expiring["renews_on"]))
    assert summary.by_certification_status == {s: int((matched["certification_status"] == s).sum())
                                               for s in ("active", "expiring", "unknown", "lapsed")}
    assert summary.certified == summary.by_certification_status["active"] + summary.by_certification_status["expiring"]
    text = "\n".join(summary.lines())
    first = summary.lapsed[0]
    assert f"lapsed:       8 matched vendors" in text
    assert f"row {first.input_row}: {first.input_name}" in text and f"lapsed on {first.date.isoformat()}" in text
    assert f"... and {8 - batch.SUMMARY_NAMES_SHOWN} more" in text
    assert f"renews on {summary.expiring[0].date.isoformat()}" in text


def test_run_verify_refuses_a_negative_expiry_window(tmp_path: Path, bundled_directory) -> None:
    with pytest.raises(ValueError, match="expiring_within_days"):
        mwbe_match.run_verify(VENDORS_EXAMPLE, tmp_path / "v.parquet", directory=bundled_directory,
                              expiring_within_days=-1)
    assert not (tmp_path / "v.parquet").exists()


def test_the_readme_verification_example_keeps_lapsed_vendors_out_of_the_certified_ones(bundled_directory) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Verifying a vendor list", 1)[1]
    code = section.split("```python", 1)[1].split("```", 1)[0]
    code = "\n".join(line for line in code.splitlines() if "read_excel" not in line)  # no vendor_master.xlsx here
    scope = {"mwbe_match": mwbe_match, "pd": pd, "directory": bundled_directory,
             "vendors": read_table(VENDORS_EXAMPLE)}
    exec(compile(code, "README.md", "exec"), scope)
    result, certified = scope["result"], scope["certified"]
    valid = result["status"].isin(["exact", "strong"]) & result["certification_status"].isin(["active", "expiring"])
    assert certified.index.tolist() == result.index[valid.to_numpy()].tolist()
    assert not certified["certification_status"].isin(["lapsed", "unknown"]).any()


# --------------------------------------------------------------------------- blank rows keep the file's numbering

#: Needs with a blank row (3), a spaces-only row (5) and a bad need (row 6, no text) after them.
_NEEDS_WITH_BLANKS = [
    ["N-1", "한화", "사무실 청소", ""],
    ["N-2", "", "plumbing repair", ""],
    None,
    ["N-4", "", "electrical wiring", ""],
    ["  ", " ", "   ", ""],
    ["N-BAD", "", "", ""],
    ["N-7", "", "office furniture", ""],
]


def _needs_file(folder: Path, fmt: str) -> Path:
    header = HEADER.strip().split(",")
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(header)
        for row in _NEEDS_WITH_BLANKS:
            sheet.append(row if row is not None else [None] * len(header))
        path = folder / "needs.xlsx"
        book.save(path)
        return path
    lines = [",".join(header)] + ["" if r is None else ",".join(r) for r in _NEEDS_WITH_BLANKS]
    path = folder / "needs.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n\r\n").encode("cp949"))
    return path


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_blank_rows_are_counted_so_every_row_keeps_its_number_in_the_file(tmp_path: Path, fmt: str,
                                                                         bundled_directory, caplog) -> None:
    path = _needs_file(tmp_path, fmt)
    frame = read_table(path)
    assert frame.index.tolist() == [1, 2, 4, 6, 7]
    assert frame.attrs["blank_rows"] == [3, 5]
    assert frame.loc[6, "need_id"] == "N-BAD"
    with caplog.at_level("WARNING", logger="mwbe_match.batch"):
        summary = mwbe_match.run_shortlist(path, tmp_path / "out.parquet", directory=bundled_directory)
    out = _read(tmp_path / "out.parquet")
    bad = out[out["need_id"] == "N-BAD"]
    assert bad["input_row"].tolist() == [6] and bad["error"].str.startswith("row 6,").all()
    assert summary.problems[0][0] == 6
    assert out.drop_duplicates("need_id")["input_row"].tolist() == [1, 2, 4, 6, 7]
    assert summary.needs_read == 5 and summary.blank_rows == [3, 5]
    assert "2 blank rows skipped (rows 3, 5)" in summary.lines()[0]
    assert "2 blank rows skipped (rows 3, 5)" in caplog.text


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_value_without_a_column_names_the_row_of_the_file_after_blank_rows(tmp_path: Path, fmt: str) -> None:
    rows = [["V-1", "Acme"], None, ["V-3", "Beta", "stray"]]
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for r in [["id", "vendor_name"]] + rows:
            book.active.append(r if r is not None else [None, None])
        path = tmp_path / "v.xlsx"
        book.save(path)
    else:
        path = tmp_path / "v.csv"
        path.write_text("id,vendor_name\n" + "\n".join("" if r is None else ",".join(r) for r in rows) + "\n",
                        encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 3 \((line 4|sheet row 4)\)"):
        read_table(path)


def test_a_payment_keeps_its_row_of_the_file_after_a_blank_row(tmp_path: Path, bundled_directory) -> None:
    path = tmp_path / "payments.csv"
    path.write_text("vendor_name,amount,payment_date\nAcme,100,2026-01-02\n,,\nBeta,200,2026-01-03\n",
                    encoding="utf-8")
    report = mwbe_match.utilization_report(read_table(path), bundled_directory)
    assert report.payments["input_row"].tolist() == [1, 3]


def test_a_bad_scope_names_its_row_of_the_file_after_a_blank_row(tmp_path: Path) -> None:
    path = tmp_path / "scopes.csv"
    path.write_text("scope_id,text,value\nS1,demolition,1000\n \nS3,painting,lots\n", encoding="utf-8")
    with pytest.raises(mwbe_match.participation.ScopeError, match=r"^row 3 scope 'S3': value"):
        mwbe_match.participation.read_scopes(read_table(path))


def test_a_need_the_engine_rejects_is_reported_on_its_row_of_the_file_after_a_blank_row(
        tmp_path: Path, matcher: Matcher, monkeypatch) -> None:
    from mwbe_match.engine.need import NeedError

    path = tmp_path / "needs.csv"
    path.write_text("need_id,text\nA,office cleaning\n\nB,plumbing repair\nC,electrical work\n", encoding="utf-8")
    real = Matcher.shortlist_many

    def reject_b(self, needs, top=10, **options):
        if any(getattr(n, "need_id", None) == "B" for n in needs):
            raise NeedError("text", "rejected by the engine")
        return real(self, needs, top=top, **options)

    monkeypatch.setattr(Matcher, "shortlist_many", reject_b)
    out = tmp_path / "s.parquet"
    summary = mwbe_match.run_shortlist(path, out, directory=matcher)
    table = pq.read_table(out).to_pandas()
    invalid = table[table["status"] == "invalid"]
    assert invalid["need_id"].tolist() == ["B"] and invalid["input_row"].tolist() == [3]
    assert invalid["error"].iloc[0].startswith("row 3, column 'text': rejected by the engine")
    assert summary.invalid == 1


# --------------------------------------------------------------------------- threads


def test_the_shortlist_job_writes_the_same_file_on_one_thread_or_two(tmp_path: Path, real_directory) -> None:
    texts = [t for t in real_directory["job_1_description"].dropna().astype(str) if len(t.split()) >= 3][:500]
    needs = pd.DataFrame({"need_id": [f"R{i}" for i in range(len(texts))], "text": texts,
                          "boroughs": ["Queens" if i % 5 == 0 else "" for i in range(len(texts))]})
    matcher = Matcher(real_directory, mwbe_match.MatchConfig(as_of=dt.date(2026, 11, 1)))
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out_{workers}.parquet"
        summary = batch.run_shortlist(needs, out, directory=matcher, chunk_size=300, progress=False, workers=workers)
        assert summary.needs_read == len(texts)
        outs.append(pq.read_table(out).replace_schema_metadata(None))
    assert outs[0].num_rows > len(texts) and outs[0].equals(outs[1])


def test_the_shortlist_command_takes_workers_minus_one_or_a_positive_count() -> None:
    from mwbe_match.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["shortlist", "n.csv", "-o", "o.parquet"]).workers == -1
    assert parser.parse_args(["shortlist", "n.csv", "-o", "o.parquet", "--workers", "2"]).workers == 2
    with pytest.raises(SystemExit):
        parser.parse_args(["shortlist", "n.csv", "-o", "o.parquet", "--workers", "0"])
