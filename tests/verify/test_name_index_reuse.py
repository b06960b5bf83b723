"""Specification of name-index reuse: built once per directory content, shared by calls and the Matcher."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa

import mwbe_match
from mwbe_match.verify import NameIndex, VerifyConfig, directory_fingerprint, match_names
from mwbe_match.verify.normalize import NameKeys


def test_repeated_calls_on_the_same_directory_share_one_index(bundled_directory):
    first = NameIndex.for_directory(bundled_directory)
    assert NameIndex.for_directory(bundled_directory) is first
    assert NameIndex.for_directory(bundled_directory.copy()) is first  # same content, another frame


def test_other_settings_share_the_built_stages_but_not_the_settings(bundled_directory):
    base = NameIndex.for_directory(bundled_directory)
    strict = NameIndex.for_directory(bundled_directory, VerifyConfig(threshold=95, workers=1))
    assert strict.config.threshold == 95 and base.config.threshold != 95
    assert strict._search is base._search
    assert strict.workers == 1


def test_a_directory_changed_in_place_gets_a_new_index(bundled_directory):
    frame = bundled_directory.copy()
    before = directory_fingerprint(frame)
    name = frame["name"].iloc[0]
    frame.loc[frame.index[0], "name"] = "Zyxwv Qrstu Holdings"
    assert directory_fingerprint(frame) != before
    result = match_names(["Zyxwv Qrstu Holdings", name], frame)
    assert result["status"].iloc[0] == "exact"


def test_a_changed_renewal_date_changes_the_fingerprint(bundled_directory):
    frame = bundled_directory.copy()
    before = directory_fingerprint(frame)
    column = frame["certification_renewal_dates"]
    dates = pa.chunked_array(column.array.__arrow_array__()).to_pylist()
    row = next(i for i, d in enumerate(dates) if d)
    dates[row] = [dt.date(2001, 1, 1)] * len(dates[row])
    frame["certification_renewal_dates"] = pd.Series(
        pd.arrays.ArrowExtensionArray(pa.array(dates, column.dtype.pyarrow_dtype)), index=frame.index)
    assert directory_fingerprint(frame) != before


def test_the_matcher_and_match_names_share_the_index(bundled_directory):
    matcher = mwbe_match.Matcher(bundled_directory)
    names = bundled_directory["name"].head(3).tolist()
    matcher.match_names(names)
    # the built stages are one object, whatever the settings of each user
    assert matcher._name_index()._search is NameIndex.for_directory(bundled_directory)._search


def _rechunked(frame: pd.DataFrame, cut: int) -> pd.DataFrame:
    """The same frame with every pyarrow column split into two chunks at row ``cut`` (the same content)."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.ArrowDtype):
            whole = pa.chunked_array(out[column].array.__arrow_array__()).combine_chunks()
            out[column] = pd.Series(pd.arrays.ArrowExtensionArray(
                pa.chunked_array([whole.slice(0, cut), whole.slice(cut)])), index=out.index)
    return out


def test_the_fingerprint_reads_content_not_how_the_columns_are_chunked(bundled_directory):
    frame = bundled_directory
    assert directory_fingerprint(_rechunked(frame, len(frame) // 3)) == directory_fingerprint(frame)
    # the same rows sliced out of a larger frame, or copied out of it, are the same content
    assert directory_fingerprint(frame.iloc[5:].reset_index(drop=True)) == \
        directory_fingerprint(frame.iloc[5:].copy().reset_index(drop=True))


def test_a_missing_dba_and_an_empty_one_are_different_directories(bundled_directory):
    frame = bundled_directory.copy()
    row = frame.index[frame["dba"].isna()][0]
    blank = frame.copy()
    blank.loc[row, "dba"] = ""
    assert directory_fingerprint(blank) != directory_fingerprint(frame)
    # a letter moved from one name to the next changes the content, though the bytes run on unchanged
    moved = frame.copy()
    first, second = moved["name"].iloc[0], moved["name"].iloc[1]
    moved.loc[moved.index[0], "name"] = first + second[0]
    moved.loc[moved.index[1], "name"] = second[1:]
    assert directory_fingerprint(moved) != directory_fingerprint(frame)


def test_candidates_and_matches_do_not_depend_on_the_number_of_workers(real_directory):
    names = real_directory["name"].astype(object).tolist()
    queries = [n.upper() for n in names[:300]] + [n[:-2] for n in names[300:600]] + ["Qzxv Holdings Corp"]
    one = NameIndex(real_directory, VerifyConfig(workers=1))
    two = one.with_config(VerifyConfig(workers=2))
    keys = NameKeys(queries)
    pairs_one, pairs_two = one._search.pairs(keys, 12, workers=1), two._search.pairs(keys, 12, workers=2)
    assert all((a == b).all() for a, b in zip(pairs_one, pairs_two))
    pd.testing.assert_frame_equal(one.match(queries), two.match(queries))
