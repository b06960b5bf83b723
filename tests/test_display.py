"""show(): results arranged for reading, explanations never truncated."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import pyarrow as pa
import pytest

import mwbe_match

LONG_REASON = "Matches 'janitorial' and 'office cleaning' in description and job history; " * 3


@pytest.fixture()
def result():
    return pd.DataFrame({
        "phone": ["2125550100", None],
        "reasons": [LONG_REASON, "short"],
        "name": ["Clean & Co <LLC>", "B"],
        "rank": [1, 2],
        "certifications": pd.array([["MBE", "WBE"], []], dtype=pd.ArrowDtype(pa.list_(pa.string()))),
        "certification_expires": pd.array([dt.date(2027, 4, 30), None], dtype=pd.ArrowDtype(pa.date32())),
    })


def test_key_columns_come_first_in_reading_order(result):
    assert list(mwbe_match.show(result).frame.columns) == [
        "rank", "name", "reasons", "certifications", "certification_expires", "phone"]


def test_reasons_are_shown_whole_in_html_and_text(result):
    view = mwbe_match.show(result)
    assert html.escape(LONG_REASON.strip()) in view._repr_html_()
    assert LONG_REASON.strip() in repr(view)


def test_lists_dates_and_nulls_render_as_plain_text_and_html_is_escaped(result):
    view = mwbe_match.show(result)
    assert view.frame.loc[0, "certifications"] == "MBE; WBE"
    assert view.frame.loc[1, "certifications"] == "" and view.frame.loc[1, "phone"] == ""
    assert view.frame.loc[0, "certification_expires"] == "2027-04-30"
    assert "Clean &amp; Co &lt;LLC&gt;" in view._repr_html_()


def test_show_does_not_change_the_frame(result):
    before = result.copy()
    mwbe_match.show(result)
    pd.testing.assert_frame_equal(result, before)


def test_long_results_say_how_many_rows_are_hidden(result):
    big = pd.concat([result] * 40, ignore_index=True)
    assert "80 rows, first 50 shown" in repr(mwbe_match.show(big))


def test_unknown_column_and_bad_arguments_are_clear_errors(result):
    with pytest.raises(KeyError, match="no column.*nope.*the frame has"):
        mwbe_match.show(result, columns=["nope"])
    with pytest.raises(TypeError, match="DataFrame"):
        mwbe_match.show([1, 2])
    with pytest.raises(ValueError, match="max_rows"):
        mwbe_match.show(result, max_rows=0)


def test_scores_keep_the_precision_that_orders_them():
    view = mwbe_match.show(pd.DataFrame({"rank": [1, 2], "score": [87.25, 87.2]}))
    assert list(view.frame["score"]) == ["87.25", "87.20"]

