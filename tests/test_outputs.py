"""The one output stage (mwbe_match.outputs): every writer checks its output path the same way, writes CSV the
same Excel-safe way and describes its output with the same metadata document."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match import batch, outputs
from mwbe_match.excel import FORMULA_START
from mwbe_match.participation import TABLE_WRITERS, UtilizationReport, utilization_report, write_tables

PROJECT = Path(__file__).resolve().parents[1]
NEEDS = PROJECT / "datasets" / "needs_example.csv"
VENDORS = PROJECT / "datasets" / "vendors_example.csv"
PAYMENTS = PROJECT / "datasets" / "payments_example.csv"
AS_OF = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def report(bundled_directory) -> UtilizationReport:
    return utilization_report(PAYMENTS, bundled_directory, goals={"Women": 10}, as_of=AS_OF)


def _writers(report: UtilizationReport) -> dict:
    """Every public way to write an output, each called as ``write(out, format=..., overwrite=...)``."""
    frame = pd.DataFrame({"name": ["Acme"], "amount": [1.5]})
    return {
        "shortlist": lambda out, **kw: mwbe_match.run_shortlist(NEEDS, out, progress=False, **kw),
        "verify": lambda out, **kw: mwbe_match.run_verify(VENDORS, out, progress=False, **kw),
        "write_table": lambda out, **kw: batch.write_table(frame, out, **kw),
        "utilization report": report.write,
        "write_tables": lambda out, **kw: write_tables({"a": frame, "b": frame}, out, kind="t", parameters={}, **kw),
    }


def _refusal(write, out: Path, **kw) -> tuple[type, str]:
    with pytest.raises((ValueError, FileExistsError)) as caught:
        write(out, **kw)
    return type(caught.value), str(caught.value)


@pytest.mark.parametrize("name, format, why", [
    ("plan.txt", None, "not an output format this library writes; end the name in .parquet, .pq, .csv or .xlsx"),
    ("plan", "parquet", "a name without an extension is not an output format"),
    ("plan.csv", "parquet", "format 'parquet' does not match the extension '.csv' (which is csv); name the file "
                            "plan.parquet"),
    ("plan.parquet", "ods", "format must be one of 'parquet', 'csv', 'xlsx', got 'ods'"),
])
def test_a_plan_or_report_with_a_name_no_writer_produces_is_refused_with_the_message_a_shortlist_gets(
        tmp_path, report, name, format, why):
    out = tmp_path / name
    refusals = {writer: _refusal(write, out, format=format) for writer, write in _writers(report).items()}
    assert set(refusals.values()) == {refusals["shortlist"]}, refusals
    kind, message = refusals["shortlist"]
    assert kind is ValueError and why in message
    assert str(out) in message or "format must be one of" in message
    assert not list(tmp_path.iterdir())  # refused before anything is written


def test_a_folder_or_an_existing_file_is_refused_alike_by_every_writer_naming_the_path(tmp_path, report):
    folder = tmp_path / "out.parquet"
    folder.mkdir()
    existing = tmp_path / "old.csv"
    existing.write_bytes(b"keep me")
    for writer, write in _writers(report).items():
        kind, message = _refusal(write, folder)
        assert kind is ValueError and message.startswith(f"output {folder} is a folder; give a file name such as"), writer
        kind, message = _refusal(write, existing)
        assert kind is FileExistsError and message == f"{existing} already exists; pass overwrite=True " \
                                                      "(--overwrite) to replace it", writer
    assert existing.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.csv", "out.parquet"]


def test_a_report_whose_second_table_exists_is_refused_before_its_first_is_written(tmp_path, report):
    (tmp_path / "r.by_group.parquet").write_bytes(b"keep me")
    with pytest.raises(FileExistsError, match="r.by_group.parquet already exists"):
        report.write(tmp_path / "r.parquet")
    assert [p.name for p in tmp_path.iterdir()] == ["r.by_group.parquet"]


def test_text_that_excel_would_run_as_a_formula_is_neutralized_in_a_utilization_report_csv(
        tmp_path, bundled_directory):
    payments = pd.read_csv(PAYMENTS, dtype=str, keep_default_na=False)
    payments.loc[len(payments)] = {**payments.iloc[0].to_dict(), "vendor_name": '=HYPERLINK("http://x.test","pay")'}
    rep = utilization_report(payments, bundled_directory, as_of=AS_OF)
    paths = rep.write(tmp_path / "r.csv")
    rows = pd.read_csv(paths["payments"], encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(rows) == len(payments)
    assert rows["vendor_name"].iloc[-1] == "'" + payments["vendor_name"].iloc[-1]
    assert not rows["vendor_name"].str.match(FORMULA_START).any()


def test_each_table_of_a_csv_report_is_written_byte_for_byte_as_write_table_writes_it(tmp_path, report):
    paths = report.write(tmp_path / "r.csv")
    for name, table in (("payments", report.payments), ("by_group", report.by_group)):
        alone = batch.write_table(table, tmp_path / f"alone.{name}.csv")
        assert paths[name].read_bytes() == alone.read_bytes(), name
    document = json.loads(paths["metadata"].read_text(encoding="utf-8"))
    assert document["tables"] == {"payments": "r.csv", "by_group": "r.by_group.csv"}


def test_lists_and_maps_in_a_csv_of_several_tables_are_joined_as_in_a_shortlist_csv(tmp_path):
    frame = pd.DataFrame({"scopes": [["FO-01", "=FO-02"], [], None], "counts": [1, 2, 3]})
    table = pa.Table.from_pandas(frame, preserve_index=False).append_column(
        "by", pa.array([[("boroughs", 3)], [], None], pa.map_(pa.string(), pa.int64())))
    paths = write_tables({"main": table}, tmp_path / "t.csv", kind="t", parameters={})
    text = paths["main"].read_bytes().decode("utf-8-sig").splitlines()
    assert text == ['"scopes","counts","by"', '"FO-01; =FO-02",1,"boroughs: 3"', '"",2,""', ',3,']


@settings(max_examples=40, deadline=None)
@given(cells=st.lists(st.one_of(st.none(), st.text(max_size=8)), min_size=1, max_size=8),
       items=st.lists(st.lists(st.text(max_size=4), max_size=3), min_size=1, max_size=8))
def test_text_cells_are_prefixed_only_when_excel_would_run_them_and_no_row_is_lost(cells, items):
    table = pa.table({"text": pa.array(cells, pa.string()), "n": pa.array(range(len(cells)))})
    safe = outputs.excel_safe(table)
    assert safe.num_rows == len(cells) and safe.column("n").to_pylist() == list(range(len(cells)))
    formula = ("=", "+", "-", "@", "\t", "\r")
    assert safe.column("text").to_pylist() == [None if t is None else "'" + t if t[:1] in formula else t
                                                for t in cells]
    joined = outputs.excel_safe(pa.table({"list": pa.array(items, pa.list_(pa.string()))})).column("list")
    assert joined.to_pylist() == ["'" + "; ".join(i) if "; ".join(i)[:1] in formula else "; ".join(i) for i in items]


def test_every_output_carries_the_one_metadata_document(tmp_path, report):
    shortlist = tmp_path / "s.parquet"
    mwbe_match.run_shortlist(NEEDS, shortlist, directory=mwbe_match.bundled_sample_path(), progress=False)
    paths = report.write(tmp_path / "r.parquet")
    documents = [json.loads(pq.read_schema(p).metadata[outputs.METADATA_KEY.encode()])
                 for p in (shortlist, paths["payments"], paths["by_group"])]
    for document in documents:
        assert list(document)[:3] == ["kind", "library_version", "created_at"]
        assert document["library_version"] == mwbe_match.__version__
        assert "path" not in document["directory"] and "validation" not in document["directory"]
    assert [d["kind"] for d in documents] == ["shortlist", "utilization_report", "utilization_report"]
    assert [d.get("table") for d in documents] == [None, "payments", "by_group"]
    assert batch.METADATA_KEY is outputs.METADATA_KEY is mwbe_match.participation.output.METADATA_KEY


def test_a_frame_written_with_write_table_reads_back_with_its_pandas_dtypes(tmp_path):
    frame = pd.DataFrame({"firms": pd.array([3, None], dtype="Int64"), "when": pd.to_datetime(["2026-12-01", None])})
    out = batch.write_table(frame, tmp_path / "c.parquet", kind="changes", metadata={"counts": {"added": 1}})
    back = pd.read_parquet(out)
    pd.testing.assert_frame_equal(back, frame)
    assert json.loads(pq.read_schema(out).metadata[b"mwbe_match"])["counts"] == {"added": 1}


def test_a_format_added_to_the_registry_is_offered_by_every_writer(tmp_path, monkeypatch, report):
    @contextlib.contextmanager
    def jsonl_sink(path, schema, lang="en"):
        with open(path, "w", encoding="utf-8") as fh:
            yield lambda table: fh.writelines(json.dumps(r, default=str) + "\n" for r in table.to_pylist())

    monkeypatch.setitem(outputs.OUTPUT_FORMATS, "jsonl", outputs.OutputFormat((".jsonl",), jsonl_sink))
    assert batch.output_format("x.JSONL") == "jsonl" and "jsonl" in TABLE_WRITERS
    paths = report.write(tmp_path / "r.jsonl")
    assert set(paths) == {"payments", "by_group"}
    assert len(paths["payments"].read_text().splitlines()) == len(report.payments)
    assert len(paths["by_group"].read_text().splitlines()) == len(report.by_group)
    batch.write_table(report.by_group, tmp_path / "g.jsonl")
    assert (tmp_path / "g.jsonl").read_text() == paths["by_group"].read_text()


def test_a_failure_writing_any_table_leaves_the_last_good_output_untouched_and_no_temporary_file(
        tmp_path, monkeypatch, report):
    paths = report.write(tmp_path / "r.csv")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = outputs.OUTPUT_FORMATS["csv"]
    calls = []

    @contextlib.contextmanager
    def failing_second(path, schema, lang="en"):
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        with real.sink(path, schema, lang) as write:
            yield write

    monkeypatch.setitem(outputs.OUTPUT_FORMATS, "csv", outputs.OutputFormat(real.suffixes, failing_second))
    with pytest.raises(OSError, match="disk full"):
        report.write(tmp_path / "r.csv", overwrite=True)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert len(calls) == 2 and set(paths) == {"payments", "by_group", "metadata"}


def test_a_file_that_appears_while_an_output_is_written_is_not_replaced_without_overwrite(tmp_path) -> None:
    import pandas as pd

    from mwbe_match.outputs import OUTPUT_FORMATS, metadata_document, output_paths

    paths = output_paths(tmp_path / "plan.parquet", ["a", "b"], "parquet")
    paths["b"].write_bytes(b"someone else's file")  # created after the up-front check passed
    frame = pd.DataFrame({"x": [1, 2]})
    with pytest.raises(FileExistsError):
        OUTPUT_FORMATS["parquet"].write_tables({"a": frame, "b": frame}, paths, metadata_document("t"),
                                               overwrite=False)
    assert paths["b"].read_bytes() == b"someone else's file" and not paths["a"].exists()
