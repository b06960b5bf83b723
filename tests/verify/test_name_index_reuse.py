"""Specification of name-index reuse: built once per directory content, shared by calls and the Matcher."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa

import mwbe_match
from mwbe_match.verify import NameIndex, VerifyConfig, directory_fingerprint, match_names


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
