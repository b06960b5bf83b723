"""Specification of the ranking signals: each signal's part of the score is a column, and the parts add up."""

from __future__ import annotations

import datetime as dt
import warnings
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

import mwbe_match
from mwbe_match import MatchConfig, Matcher, Need
from mwbe_match.engine.results import SHORTLIST_COLUMNS
from mwbe_match.engine.signals import SIGNALS, IndustrySignal, PlaceSignal, Signal, TextSignal

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))


@lru_cache(maxsize=None)
def bundled_matcher() -> Matcher:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Matcher(mwbe_match.load_directory(mwbe_match.bundled_sample_path()), CONFIG)


@pytest.fixture(scope="module")
def real_matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


def test_the_signal_parts_stand_next_to_the_score() -> None:
    at = SHORTLIST_COLUMNS.index("score")
    assert SHORTLIST_COLUMNS[at:at + 4] == ("score", "text_score", "industry_score", "place_score")


def test_the_default_signals_follow_the_signal_protocol_in_order() -> None:
    assert SIGNALS == (TextSignal, IndustrySignal, PlaceSignal)
    assert all(isinstance(s, Signal) for s in bundled_matcher().signals)


def test_the_score_is_the_sum_of_the_signal_parts_on_real_needs(real_matcher) -> None:
    needs = ["office cleaning", "asbestos abatement", "plumbing contractor", "사무실 청소", "IT consulting",
             "catering for events", "general construction", "office cleaning in Flushing", "잭슨하이츠 식당 인테리어"]
    result = real_matcher.shortlist_many(needs, top=10)
    assert len(result) > 0 and (result["place_score"] > 0).any()
    total = sum(result[f"{s.name}_score"].to_numpy(dtype=float) for s in SIGNALS)
    assert np.abs(result["score"].to_numpy(dtype=float) - total).max() <= 0.016  # each part rounded to 0.01


def test_the_text_part_is_its_weight_times_coverage(real_matcher) -> None:
    result = real_matcher.shortlist("janitorial services", top=5)
    # coverage is at most 1, so the text part is at most 100 * (1 - industry_weight)
    assert (result["text_score"] <= 100 * (1 - CONFIG.industry_weight) + 1e-9).all()
    assert (result["industry_score"] <= 100 * CONFIG.industry_weight + 1e-9).all()
    assert (result["text_score"] > 0).all()


def test_text_only_ranking_puts_the_whole_score_in_the_text_part(real_directory) -> None:
    matcher = Matcher(real_directory, MatchConfig(as_of=CONFIG.as_of, industry_weight=0.0))
    result = matcher.shortlist("office cleaning", top=5)
    assert (result["industry_score"] == 0).all()
    assert result["score"].tolist() == result["text_score"].tolist()


def test_a_naics_only_need_scores_entirely_on_industry() -> None:
    result = bundled_matcher().shortlist(Need("n", naics="5617"), top=5)
    assert len(result) > 0
    assert (result["text_score"] == 0).all()
    assert result["industry_score"].tolist() == result["score"].tolist()


def test_batch_output_files_carry_the_signal_parts(tmp_path, real_directory) -> None:
    needs = tmp_path / "needs.csv"
    pd.DataFrame({"need_id": ["a", "b"], "text": ["office cleaning", "plumbing"]}).to_csv(needs, index=False)
    out = tmp_path / "out.parquet"
    mwbe_match.run_shortlist(needs, out, directory=real_directory, top=3)
    table = pq.read_table(out)
    assert {"text_score", "industry_score"} <= set(table.column_names)
    frame = table.to_pandas()
    ok = frame[frame["status"] == "shortlisted"]
    assert len(ok) > 0
    assert ((ok["score"] - ok["text_score"] - ok["industry_score"]).abs() <= 0.011).all()
