"""Reading a directory CSV straight from its bytes gives exactly what reading its text gives.

load_directory reads a UTF-8 file with pyarrow without decoding it, normalizes it in Arrow and takes the
common shape of each kind of cell by a cheap test on the bytes; these tests hold it to the same frame,
validation report and rules as the frame-by-frame path and the documented parsing rules. (Speed is
measured by benchmarks/load.py, never here.)
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match import load_directory, validation_report
from mwbe_match.directory import normalize_phones, normalize_zips

from conftest import REAL_SAMPLE_FIRMS


def _records(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _write(rows: list[list[str]], path: Path, *, line_end: str = "\n", bom: bool = False) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator=line_end).writerows(rows)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def _quiet_load(source, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mwbe_match.DirectoryWarning)
        return load_directory(source, **kwargs)


def _assert_same_directory(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(validation_report(a), validation_report(b))


@pytest.fixture(scope="module")
def real_rows(real_sample_path: Path) -> list[list[str]]:
    return _records(real_sample_path)


def test_the_real_extract_read_from_its_bytes_equals_the_frame_of_its_text(real_sample_path: Path) -> None:
    from_file = _quiet_load(real_sample_path)
    from_frame = _quiet_load(pd.read_csv(real_sample_path, dtype=str, keep_default_na=False))
    assert len(from_file) == REAL_SAMPLE_FIRMS
    _assert_same_directory(from_file, from_frame)


def test_the_bundled_sample_read_from_its_bytes_equals_the_frame_of_its_text() -> None:
    path = mwbe_match.bundled_sample_path()
    _assert_same_directory(_quiet_load(path), _quiet_load(pd.read_csv(path, dtype=str, keep_default_na=False)))


def test_windows_line_ends_and_a_byte_order_mark_change_nothing(real_rows, tmp_path: Path) -> None:
    plain = _quiet_load(_write(real_rows, tmp_path / "unix.csv"))
    for name, kwargs in (("crlf.csv", {"line_end": "\r\n"}), ("bom.csv", {"bom": True}),
                         ("both.csv", {"line_end": "\r\n", "bom": True})):
        _assert_same_directory(plain, _quiet_load(_write(real_rows, tmp_path / name, **kwargs)))


def test_utf8_named_explicitly_reads_like_utf8_detected(real_rows, tmp_path: Path) -> None:
    path = _write(real_rows, tmp_path / "export.csv", bom=True)
    detected = _quiet_load(path)
    for encoding in ("utf-8", "UTF8", "utf-8-sig"):
        _assert_same_directory(detected, _quiet_load(path, encoding=encoding))


@pytest.mark.parametrize("where", ["first row", "last cell"])
def test_a_replacement_character_anywhere_in_the_bytes_is_refused_as_damaged_text(real_rows, tmp_path: Path,
                                                                                 where: str) -> None:
    """U+FFFD is looked for in the bytes read straight from the file, past many other 0xEF-led characters
    (fullwidth letters) and up to the file's last cell."""
    header, name = real_rows[0], real_rows[0].index("Vendor_Formal_Name")
    rows = [list(r) for r in real_rows]
    for row in rows[1:]:
        row[name] = row[name] + " \uff2c\uff2c\uff23"
    if where == "first row":
        rows[1][name] += "\ufffd"
    else:
        rows[-1][-1] += "\ufffd"
    with pytest.raises(ValueError, match="mojibake"):
        _quiet_load(_write(rows, tmp_path / "damaged.csv", bom=True))
    rows[1][name] = rows[1][name].replace("\ufffd", "")
    rows[-1][-1] = rows[-1][-1].replace("\ufffd", "")
    assert len(_quiet_load(_write(rows, tmp_path / "fullwidth.csv", bom=True))) == len(rows) - 1


def test_cells_padded_with_unicode_spaces_or_holding_windows_line_ends_are_cleaned(real_rows,
                                                                                  tmp_path: Path) -> None:
    header = real_rows[0]
    rows = [list(r) for r in real_rows[:4]]
    name, description = header.index("Vendor_Formal_Name"), header.index("Business_Description")
    rows[1][name] = "\u00a0\u3000" + rows[1][name] + " \t"
    rows[2][description] = "first line\r\nsecond line"
    rows[3][name] = "\u3000"
    df = _quiet_load(_write(rows, tmp_path / "padded.csv"))
    assert df["name"].iloc[0] == real_rows[1][name].strip()
    assert df["description"].iloc[1] == "first line\nsecond line"
    assert pd.isna(df["name"].iloc[2])


def test_a_few_cells_padded_with_unicode_spaces_among_many_are_trimmed_and_the_rest_kept(real_rows,
                                                                                       tmp_path: Path) -> None:
    """Only the cells starting or ending in a space or a non-ASCII character are looked at for trimming; a
    few padded ones among curly quotes and accented letters are trimmed like any others."""
    header = real_rows[0]
    name, description = header.index("Vendor_Formal_Name"), header.index("Business_Description")
    rows = [list(r) for r in real_rows]
    rows[5][name] = "\u00a0" + rows[5][name]
    rows[9][name] = rows[9][name] + "\u3000"
    rows[12][description] = "\u2003" + rows[12][description] + " \t"
    padded = _quiet_load(_write(rows, tmp_path / "padded.csv"))
    _assert_same_directory(padded, _quiet_load(_write(real_rows, tmp_path / "plain.csv")))


def test_a_large_directory_reports_the_problems_of_each_of_its_rows_as_a_small_one_does(real_rows,
                                                                                       tmp_path: Path) -> None:
    """Large files are read column by column in threads: the report must still be in row order, complete."""
    header, body = real_rows[0], real_rows[1:]
    key = header.index("Account_Number")
    copies = -(-12_000 // len(body))
    rows = [header]
    for copy in range(copies):
        for i, row in enumerate(body):
            rows.append([f"{copy:02d}{i:05d}" if j == key else cell for j, cell in enumerate(row)])
    small = validation_report(_quiet_load(_write([header] + rows[1:len(body) + 1], tmp_path / "one.csv")))
    large = validation_report(_quiet_load(_write(rows, tmp_path / "many.csv")))
    assert len(large) == copies * len(small)
    for copy in range(copies):
        part = large.iloc[copy * len(small):(copy + 1) * len(small)].reset_index(drop=True)
        expected = small.assign(row=small["row"] + copy * len(body))
        pd.testing.assert_frame_equal(part.drop(columns="account_number"), expected.drop(columns="account_number"))
        assert part["account_number"].str.startswith(f"{copy:02d}").all()


def test_a_large_directory_of_repeated_values_is_read_as_each_of_its_parts_alone(real_rows, tmp_path: Path) -> None:
    """Large files parse a column of repeated values (dates, amounts, ZIPs, lists, yes/no, boroughs) once per
    distinct value; the values, the problems (a bad date or borough that occurs once, a bad amount or yes/no
    that recurs) and their rows must be what reading each part of the file alone gives, from the file and
    from its frame."""
    header, body = real_rows[0], real_rows[1:]
    key, established = header.index("Account_Number"), header.index("Date_Of_Establishment")
    value, zip_code = header.index("Largest_Value_of_Contract"), header.index("Postcode")
    percent = header.index("Percent_Self_Performed_Job_Exp_1")
    passport, borough = header.index("Enrolled_in_PASSPort"), header.index("Borough")
    copies = -(-2_400 // len(body))
    parts = []
    for copy in range(copies):
        part = [[f"{copy:02d}{i:05d}" if j == key else cell for j, cell in enumerate(row)] for i, row in enumerate(body)]
        part[3][value] = " $1,2 x"  # recurs in every part
        part[5][percent] = " 50% "
        part[7][zip_code] = "7417"
        part[8][passport] = " maybe "
        part[9][borough] = "staten is"
        if copy == 1:
            part[10][established] = "02/30/2021"  # once in the file
            part[11][established] = "13/45/2020"
            part[12][borough] = "Queenz"
            part[13][passport] = "N"
        parts.append(part)
    rows = [header] + [row for part in parts for row in part]
    large = _quiet_load(_write(rows, tmp_path / "large.csv"))
    alone = [_quiet_load(_write([header] + part, tmp_path / f"part{copy}.csv")) for copy, part in enumerate(parts)]
    pd.testing.assert_frame_equal(large, pd.concat(alone, ignore_index=True))
    expected = pd.concat([validation_report(df).assign(row=lambda r, c=copy: r["row"] + c * len(body))
                          for copy, df in enumerate(alone)], ignore_index=True)
    pd.testing.assert_frame_equal(validation_report(large), expected)
    bad_date = validation_report(large).query("column == 'Date_Of_Establishment'")
    assert bad_date[["row", "raw_value"]].values.tolist() == [[len(body) + 11, "02/30/2021"],
                                                             [len(body) + 12, "13/45/2020"]]
    assert bad_date["problem"].str.contains("not a real calendar date|not a valid date").all()
    _assert_same_directory(large, _quiet_load(pd.read_csv(tmp_path / "large.csv", dtype=str, keep_default_na=False)))


def _record(cells: list[str], raw: dict[int, str] | None = None) -> str:
    """One CSV record, every cell quoted but those in ``raw`` (column -> text written as is)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(cells)
    if not raw:
        return buffer.getvalue()
    quoted = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))  # the cells, to re-join
    return ",".join(raw[j] if j in raw else '"' + c.replace('"', '""') + '"' for j, c in enumerate(quoted)) + "\n"


def _copies(real_rows: list[list[str]], copies: int) -> list[list[str]]:
    """The real extract's firms ``copies`` times over with fresh account numbers (no header)."""
    header, body = real_rows[0], real_rows[1:]
    key = header.index("Account_Number")
    return [[f"{copy:02d}{i:05d}" if j == key else cell for j, cell in enumerate(row)]
            for copy in range(copies) for i, row in enumerate(body)]


def _whole_read(path: Path) -> pd.DataFrame:
    """The file read at once by pyarrow, every cell as text: what a file read in parts must equal."""
    import pyarrow.csv as pacsv

    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(newlines_in_values=True),
                           convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()),
                                                                strings_can_be_null=False))
    return table.to_pandas()


_HALVES = 2 << 20  # files from 2 MiB are read in two halves at once


@pytest.mark.parametrize("copies", [3, 10])
def test_a_file_read_in_two_halves_at_once_equals_the_frame_of_its_text(real_rows, tmp_path: Path,
                                                                        copies: int) -> None:
    """A large file is split at a record's end near its middle (many records span lines) and both halves
    are read at once, each a few MiB at a time (10 copies of the real extract: several parts a half, records
    spanning where one part ends): the directory and its report are those of the whole file's text."""
    path = _write([real_rows[0]] + _copies(real_rows, copies), tmp_path / "large.csv")
    assert path.stat().st_size >= _HALVES * (1 if copies == 3 else 4)
    df = _quiet_load(path)
    assert len(df) == copies * (len(real_rows) - 1) and df["account_number"].is_unique
    _assert_same_directory(df, _quiet_load(pd.read_csv(path, dtype=str, keep_default_na=False)))
    _assert_same_directory(df, _quiet_load(_whole_read(path)))


@pytest.mark.parametrize("spanning", ["a middle cell", "the last cell"])
def test_stray_quotes_that_mislead_the_split_of_a_large_file_change_nothing(real_rows, tmp_path: Path,
                                                                           spanning: str) -> None:
    """The split is looked for where the count of quotes before a line end is even; two unquoted cells
    holding a quote (read as written, as pyarrow reads the whole file) make every such line end one inside
    a quoted cell spanning lines. The first half's read then ends short of cells or with a cell ending in a
    line end (even when the second half, read from inside that cell, reads as records), and the file is
    read whole: the same directory as its whole read."""
    header = real_rows[0]
    rows = _copies(real_rows, 3)
    dba = header.index("Vendor_DBA")
    spans = header.index("Business_Description") if spanning == "a middle cell" else len(header) - 1
    for row in rows:  # only the chosen cell spans lines, in every record
        row[:] = [cell.replace("\r", " ").replace("\n", " ") for cell in row]
        # in the last cell, a second line the second half reads as a record of the right width on its own
        row[spans] = (row[spans] or "MN10") + ("\nsecond line" if spanning == "a middle cell"
                                               else "\n" + "," * (len(header) - 1) + "z")
    stray = {5: 'Acme 12" Pipe', len(rows) - 5: 'Best 3" Valves'}
    text = _record(header) + "".join(_record(row, {dba: stray[i]} if i in stray else None)
                                     for i, row in enumerate(rows))
    path = tmp_path / "stray.csv"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size >= _HALVES and text.count('"') % 2 == 0
    df = _quiet_load(path)
    assert len(df) == len(rows)
    assert df["dba"].iloc[5] == 'Acme 12" Pipe' and df["dba"].iloc[len(rows) - 5] == 'Best 3" Valves'
    _assert_same_directory(df, _quiet_load(_whole_read(path)))


@pytest.mark.parametrize("where", ["first half", "second half"])
def test_a_cell_that_lost_its_opening_quote_in_a_large_file_is_an_error_naming_its_line(real_rows, tmp_path: Path,
                                                                                      where: str) -> None:
    """The count of quotes is added up over both halves: one stray quote in either is refused, naming its line."""
    rows = _copies(real_rows, 3)
    record = 100 if where == "first half" else len(rows) - 100
    before = _record(real_rows[0]) + "".join(_record(row) for row in rows[:record])
    after = "".join(_record(row) for row in rows[record:])
    account = rows[record][0]
    assert after.startswith(f'"{account}",')
    path = tmp_path / "stray.csv"
    path.write_text(before + after[1:], encoding="utf-8")  # 0100100", as in a hand-edited file
    assert path.stat().st_size >= _HALVES
    with pytest.raises(ValueError, match=rf"line {before.count(chr(10)) + 1}, column 'Account_Number': "
                                         rf"the cell '{account}\"' holds a quote but is not quoted"):
        _quiet_load(path)


@pytest.mark.parametrize("where", ["a small file", "first half", "second half"])
def test_a_byte_that_is_not_utf8_in_any_cell_sends_the_file_to_the_decoding_reader(real_rows, tmp_path: Path,
                                                                                  where: str) -> None:
    """The cells are read as bytes and each part read is checked to be UTF-8 as a whole (a cell starts and
    ends at ASCII bytes, never inside a character): one Latin-1 byte in a cell of either half, or of a small
    file, is found as pyarrow's check of every cell found it, and the file goes to the reader that decodes
    its text first, which names the encodings it tried (the byte is neither UTF-8 nor CP949)."""
    rows = _copies(real_rows, 1 if where == "a small file" else 3)
    record = 100 if where != "second half" else len(rows) - 100
    name = real_rows[0].index("Vendor_Formal_Name")
    text = _record(real_rows[0]) + "".join(_record(row) for row in rows)
    data = text.encode("utf-8")
    cell = f'"{rows[record][name]}"'.encode("utf-8")
    at = data.index(cell, len("".join(_record(row) for row in [real_rows[0]] + rows[:record]).encode("utf-8")))
    path = tmp_path / "latin1.csv"
    path.write_bytes(data[:at + 1] + b"Caf\xe9 " + data[at + 1:])
    assert (path.stat().st_size >= _HALVES) == (where != "a small file")
    with pytest.raises(ValueError, match="encodings tried: utf-8-sig, cp949"):
        _quiet_load(path)


def test_a_large_file_whose_records_start_with_a_byte_order_mark_is_read_whole(real_rows, tmp_path: Path) -> None:
    """pyarrow drops a byte-order mark at the start of what it reads, so no half starts at one: a mark
    opening a record in the middle of a file stays in the record's first cell, as in the whole read."""
    header = real_rows[0]
    rows = _copies(real_rows, 3)
    text = _record(header) + "".join(_record(row, {0: "\ufeff" + row[0]}) for row in rows)
    path = tmp_path / "marks.csv"
    path.write_text(text, encoding="utf-8")
    df = _quiet_load(path)
    assert len(df) == len(rows) and df["account_number"].str.startswith("\ufeff").all()
    _assert_same_directory(df, _quiet_load(_whole_read(path)))


@pytest.mark.parametrize(("where", "mib"), [("first half", 3), ("first half", 5), ("second half", 5)])
def test_a_record_longer_than_what_pyarrow_parses_at_a_time_is_read_in_a_large_file(real_rows, tmp_path: Path,
                                                                                  where: str, mib: int) -> None:
    """A half of a large file is parsed 2 MiB at a time, and a record longer than that is read all the same
    (a description of 3 or 5 MiB spanning lines, over one or more of those boundaries, which pyarrow may
    refuse in a half: the file is then read whole): the directory of the whole file's text."""
    rows = _copies(real_rows, 3 if mib == 3 else 10)  # the middle of the file outside the long record
    record = 100 if where == "first half" else len(rows) - 100
    description = real_rows[0].index("Business_Description")
    line = "Pipe fitting and welding services. " * 3000 + "\n"
    rows[record][description] = line * -(-(mib << 20) // len(line))
    path = _write([real_rows[0]] + rows, tmp_path / "long.csv")
    assert path.stat().st_size >= _HALVES + len(rows[record][description])
    df = _quiet_load(path)
    assert len(df) == len(rows) and df["description"].iloc[record] == rows[record][description].strip()
    _assert_same_directory(df, _quiet_load(pd.read_csv(path, dtype=str, keep_default_na=False)))


# --------------------------------------------------------------------------- the documented rules, for any text

_PHONE_TEXT = st.text(alphabet="0123456789 ()-.+x1a\uff11\u0663", max_size=16)  # with non-ASCII digits
_ZIP_TEXT = st.text(alphabet="0123456789- aB\uff11\u0663", max_size=11)


def _phone_rule(text: str) -> str | None:
    digits = re.sub(r"[^0-9]+", "", text)
    digits = digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    return digits if len(digits) == 10 else None


def _zip_rule(text: str) -> str | None:
    text = text.strip()
    match = re.fullmatch(r"([0-9]{5})(-?[0-9]{4})?", text)
    five = match.group(1) if match else text
    if re.fullmatch(r"[0-9]{3,4}", five):
        five = five.rjust(5, "0")
    return five if re.fullmatch(r"[0-9]{5}", five) else None


@settings(max_examples=150, deadline=None)
@given(st.lists(_PHONE_TEXT, max_size=40))
def test_a_phone_is_its_ten_digits_after_a_leading_one_for_any_text(values: list[str]) -> None:
    parsed, _ = normalize_phones(pa.array(values, pa.string()))
    assert parsed.to_pylist() == [_phone_rule(v) for v in values]


@settings(max_examples=150, deadline=None)
@given(st.lists(_ZIP_TEXT, max_size=40))
def test_a_zip_is_five_digits_with_lost_leading_zeros_restored_for_any_text(values: list[str]) -> None:
    parsed, _ = normalize_zips(pa.array(values, pa.string()))
    assert parsed.to_pylist() == [_zip_rule(v) for v in values]


def _money_rule(text: str) -> float | None:
    cleaned = re.sub(r"[$,\s]|(?i:usd)", "", text.strip())
    if not re.fullmatch(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)", cleaned):
        return None
    value = float(cleaned)
    return None if value < 0 else value


@pytest.fixture(scope="module")
def one_real_firm(real_sample_path: Path) -> pd.DataFrame:
    return pd.read_csv(real_sample_path, dtype=str, keep_default_na=False).iloc[:1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="0123456789$,.- uUsSdD", max_size=12), min_size=1, max_size=30))
def test_a_dollar_amount_is_read_by_the_documented_rule_for_any_text(one_real_firm, values: list[str]) -> None:
    raw = pd.concat([one_real_firm] * len(values), ignore_index=True)
    raw["Account_Number"] = [str(i) for i in range(len(values))]
    raw["Largest_Value_of_Contract"] = values
    df = _quiet_load(raw)
    expected = [_money_rule(v) for v in values]
    got = [None if pd.isna(v) else v for v in df["job_1_value"]]
    assert got == expected



def _nigp_rule(text: str) -> list[str]:
    return [item.strip() for item in text.split("|") if item.strip()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="0123456789| \t\u00a0\u3000ab", max_size=14), min_size=1, max_size=30))
def test_nigp_codes_are_the_trimmed_non_empty_items_between_pipes_for_any_text(one_real_firm,
                                                                               values: list[str]) -> None:
    raw = pd.concat([one_real_firm] * len(values), ignore_index=True)
    raw["Account_Number"] = [str(i) for i in range(len(values))]
    raw["NIGP_codes"] = values
    df = _quiet_load(raw)
    assert [list(codes) for codes in df["nigp_codes"]] == [_nigp_rule(v) for v in values]


def _website_rule(text: str) -> str | None:
    return None if re.fullmatch(r"(n/?a|none|null|-+)", text.strip().lower()) or not text.strip() else text.strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(["N/A", "n/a", "NA", "None", "NULL", "-", "---", "Ｎ/Ａ", "\u212a"]),
                          st.text(alphabet="nN/aAoOeEuUlL-.w ", max_size=7)), min_size=1, max_size=30))
def test_a_website_placeholder_is_empty_and_any_other_text_kept_for_any_text(one_real_firm, values: list[str]) -> None:
    raw = pd.concat([one_real_firm] * len(values), ignore_index=True)
    raw["Account_Number"] = [str(i) for i in range(len(values))]
    raw["Website"] = values
    df = _quiet_load(raw)
    assert [None if pd.isna(v) else v for v in df["website"]] == [_website_rule(v) for v in values]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(["7", "07", "0", "00", "10", "7.0", "A1", "a1", "", " 7 "]),
                          st.integers(0, 40).map(str), st.integers(10**17, 10**17 + 3).map(str),
                          st.integers(10**19, 10**19 + 2).map(str)), min_size=1, max_size=40))
def test_a_row_is_reported_as_a_duplicate_exactly_when_its_account_number_is_on_another_row(
        one_real_firm, values: list[str]) -> None:
    """Plain-digit account numbers are compared as numbers, which must not merge ``7`` and ``07``."""
    raw = pd.concat([one_real_firm] * len(values), ignore_index=True)
    raw["Account_Number"] = values
    df = _quiet_load(raw)
    keys = [None if pd.isna(k) else k for k in df["account_number"]]
    expected = {i + 1 for i, k in enumerate(keys) if k is not None and keys.count(k) > 1}
    report = validation_report(df)
    assert set(report.loc[report["problem"].str.startswith("duplicate account number"), "row"]) == expected
