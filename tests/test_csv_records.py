"""csv_records: strict about records cut short when the caller needs complete records (the directory)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import mwbe_match
from mwbe_match.readers import csv_records

HEADER = "account,name,city,zip\n"


def test_short_records_are_padded_by_default_for_needs_and_vendor_files() -> None:
    header, rows = csv_records("vendors.csv", HEADER + "1,Acme,Queens\n2,Beta\n")
    assert header == ["account", "name", "city", "zip"]
    assert rows == [["1", "Acme", "Queens", ""], ["2", "Beta", "", ""]]


@pytest.mark.parametrize("text, row, line", [
    (HEADER + "1,Acme,Queens,11101\n2,Beta,Bronx\n", 2, 3),                      # cut off at the end
    (HEADER + "1,Acme,Queens,11101\n\n2,\"Beta\nBuilders\",Bronx\n3,C,D,E\n", 3, 4),  # mid-file, after a blank
])
def test_a_record_with_fewer_cells_than_the_header_is_an_error_naming_row_and_line_when_strict(
        text: str, row: int, line: int) -> None:
    with pytest.raises(ValueError, match=rf"directory\.csv: row {row} \(line {line}\) has 3 cells but the header "
                                         r"has 4"):
        csv_records("directory.csv", text, pad_short=False)


def test_strict_reading_accepts_complete_records_and_skips_blank_lines() -> None:
    header, rows = csv_records("directory.csv", HEADER + "1,Acme,Queens,11101\n\n2,Beta,,\n", pad_short=False)
    assert rows == [["1", "Acme", "Queens", "11101"], ["2", "Beta", "", ""]]


def _damaged_copy(real_sample_path: Path, folder: Path, where: str) -> tuple[Path, int]:
    """The real extract with one record short of cells: the last one cut off, one in the middle missing
    its last three cells, or (``"empty tail"``) a record missing its last 8 cells, all of them empty.

    Returns the copy and the line the short record starts on."""
    text = real_sample_path.read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    header, body = records[0], records[1:]
    target = {"end": len(body) - 1, "middle": len(body) // 2}.get(where)
    if target is None:
        target = next(i for i, r in enumerate(body) if not any(r[-8:]))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    line = None
    for i, record in enumerate(body):
        if i == target:
            line = out.getvalue().count("\n") + 1
            record = record[:17] if where == "end" else record[:-3] if where == "middle" else record[:-8]
        writer.writerow(record)
    path = folder / f"directory_short_{where.replace(' ', '_')}.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, line


@pytest.mark.parametrize("where", ["end", "middle", "empty tail"])
def test_a_directory_with_a_record_cut_short_is_refused_naming_the_line(real_sample_path: Path, tmp_path: Path,
                                                                        where: str) -> None:
    # "empty tail": a record missing only empty trailing cells cannot be told apart from one cut short, so
    # it is refused too (this replaces test_malformed_files.py's
    # test_a_record_missing_its_trailing_empty_cells_loads_with_those_columns_empty at merge)
    path, line = _damaged_copy(real_sample_path, tmp_path, where)
    with pytest.raises(ValueError, match=rf"\(line {line}\) has \d+ cells but the header has \d+"):
        mwbe_match.load_directory(path)
