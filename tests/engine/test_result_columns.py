"""Specifications of how result columns are made a type at a time (mwbe_match.engine.results)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pytest

from mwbe_match.engine.results import COLUMN_TYPES, FirmColumns, RowColumns

STRINGS = pa.list_(pa.string())


def _firms() -> dict[str, pa.Array]:
    return {
        "name": pa.array(["Acme", None, "Bolt & Sons", "Café Ünik"], pa.string()),
        "city": pa.array(["Queens", "Bronx", None, "Brooklyn"], pa.string()),
        "latitude": pa.array([40.7, None, 40.6, float("nan")], pa.float64()),
        "certification_expires": pa.array([dt.date(2027, 1, 2), None, dt.date(2026, 5, 6), None], pa.date32()),
        "certifications": pa.array([["MBE", "WBE"], [], None, ["WBE"]], STRINGS),
    }


def test_firm_columns_of_rows_are_the_directory_values_at_those_firms_nulls_included():
    firms = _firms()
    columns = FirmColumns(firms)
    at = np.array([3, 1, 1, 0, 2], dtype=np.int64)
    out = RowColumns(len(at))
    columns.add_to(out, at)
    made = out.columns(list(firms))
    for (name, array), column in zip(firms.items(), made):
        expected = array.take(pa.array(at)).to_pylist()
        got = column.to_pylist()
        if name == "latitude":  # NaN is a value, not a null: compared by its place
            assert [v is None for v in got] == [v is None for v in expected]
            assert np.allclose([v for v in got if v is not None], [v for v in expected if v is not None],
                               equal_nan=True)
        else:
            assert got == expected, name
        assert column.type == array.type


def test_columns_joined_later_share_the_first_columns_and_take_the_new_ones_at_the_same_firms():
    base = FirmColumns(_firms())
    extra = pa.array([["WBE"], ["MBE"], [], None], STRINGS)
    joined = base.joined({"valid_certifications": extra})
    at = np.array([0, 3], dtype=np.int64)
    out = RowColumns(2)
    joined.add_to(out, at)
    certifications, valid, name = out.columns(["certifications", "valid_certifications", "name"])
    assert certifications.to_pylist() == [["MBE", "WBE"], ["WBE"]]
    assert valid.to_pylist() == [["WBE"], None]
    assert name.to_pylist() == ["Acme", "Café Ünik"]


def test_row_columns_from_python_values_and_numbers_equal_the_arrays_made_one_by_one():
    out = RowColumns(3)
    out.values("need_id", COLUMN_TYPES["need_id"], ["n1", "n1", None])
    out.values("reasons", COLUMN_TYPES["reasons"], ["Matches 'plumbing'.", "사무실 청소 → office cleaning", ""])
    out.values("matched_terms", COLUMN_TYPES["matched_terms"], [["plumbing"], [], None])
    out.values("understood_terms", COLUMN_TYPES["understood_terms"], [("a", "b"), ["c"], []])
    out.numbers("score", COLUMN_TYPES["score"], np.array([90.5, 80.25, 1.0]))
    out.numbers("text_score", COLUMN_TYPES["text_score"], np.array([60.0, 50.0, 0.5]))
    out.numbers("rank", COLUMN_TYPES["rank"], np.array([1, 2, 3]))
    out.numbers("as_of", COLUMN_TYPES["as_of"], np.array([20000, 20001, 0], dtype=np.int32),
                np.array([False, False, True]))
    names = ["need_id", "reasons", "matched_terms", "understood_terms", "score", "text_score", "rank", "as_of"]
    made = dict(zip(names, out.columns(names)))
    assert made["need_id"].to_pylist() == ["n1", "n1", None]
    assert made["reasons"].to_pylist() == ["Matches 'plumbing'.", "사무실 청소 → office cleaning", ""]
    assert made["matched_terms"].to_pylist() == [["plumbing"], [], None]
    assert made["understood_terms"].to_pylist() == [["a", "b"], ["c"], []]
    assert made["score"].to_pylist() == [90.5, 80.25, 1.0]
    assert made["text_score"].to_pylist() == [60.0, 50.0, 0.5]
    assert made["rank"].to_pylist() == [1, 2, 3]
    assert made["as_of"].to_pylist() == [dt.date(2024, 10, 4), dt.date(2024, 10, 5), None]
    for name in names:
        assert made[name].type == COLUMN_TYPES[name], name
        assert made[name].equals(pa.chunked_array([pa.array(made[name].to_pylist(), COLUMN_TYPES[name])]))


def test_joining_columns_leaves_the_first_columns_as_they_were():
    base = FirmColumns(_firms())
    base.joined({"valid_certifications": pa.array([["WBE"], ["MBE"], [], None], STRINGS)})
    out = RowColumns(2)
    base.add_to(out, np.array([0, 3], dtype=np.int64))
    assert out.columns(["certifications"])[0].to_pylist() == [["MBE", "WBE"], ["WBE"]]
    with pytest.raises(KeyError):  # the joined column is not among the first columns
        out.columns(["valid_certifications"])


def test_row_columns_of_types_other_than_the_shortlists_objects_are_made_the_same():
    out = RowColumns(2)
    out.values("need_id", pa.string(), ["n1", None])
    out.values("matched_terms", pa.list_(pa.string()), [["a"], None])
    out.numbers("as_of", pa.date32(), np.array([20000, 0], dtype=np.int64), np.array([False, True]))
    need_id, matched, as_of = out.columns(["need_id", "matched_terms", "as_of"])
    assert need_id.to_pylist() == ["n1", None]
    assert matched.to_pylist() == [["a"], None]
    assert as_of.to_pylist() == [dt.date(2024, 10, 4), None] and as_of.type == pa.date32()
