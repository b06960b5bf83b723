"""Specification of how shortlists are computed fast: the result never depends on how.

``shortlist_many`` ranks needs in blocks on ``workers`` threads, and scores exactly only the firms
whose float32 estimate can reach a need's best ``top``; none of that may change a single row.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pandas as pd
import pyarrow as pa
import pytest

import mwbe_match
from mwbe_match import MatchConfig, Matcher, Need
from mwbe_match.engine.signals import IndustrySignal, PlaceSignal, TextSignal

from _ranking_cases import assert_same_rows, sample_needs

AS_OF = dt.date(2026, 11, 1)


class _IndustryWithoutEstimate(IndustrySignal):
    """The industry signal without its float32 estimate: the matcher then scores every eligible firm."""

    estimate = None


@pytest.fixture(scope="module")
def real_needs(real_directory) -> list[Need]:
    return sample_needs(real_directory, 600)


@pytest.fixture(scope="module")
def real_matcher(real_directory) -> Matcher:
    return Matcher(real_directory, MatchConfig(as_of=AS_OF))


@pytest.fixture(scope="module")
def bundled_directory_quiet() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mwbe_match.load_directory(mwbe_match.bundled_sample_path())


def test_two_threads_give_the_same_shortlists_as_one_on_the_real_extract(real_matcher, real_needs) -> None:
    # 602 needs: blocks hold at most 256, so the threads share the work
    serial = real_matcher.shortlist_many(real_needs, top=10, workers=1)
    assert serial["need_id"].nunique() > len(real_needs) // 2
    assert_same_rows(real_matcher.shortlist_many(real_needs, top=10, workers=2), serial)
    assert_same_rows(real_matcher.shortlist_many(real_needs, top=10), serial)  # default: one thread per core


def test_a_need_shortlisted_alone_gets_the_rows_it_gets_in_a_batch(real_matcher, real_needs) -> None:
    batch = real_matcher.shortlist_many(real_needs, top=5, workers=2)
    for need in real_needs[::15] + real_needs[-2:]:
        alone = real_matcher.shortlist(need, top=5)
        assert_same_rows(alone, batch[batch["need_id"] == need.need_id])


def test_the_bundled_sample_ranks_the_same_on_one_thread_two_threads_and_alone(bundled_directory_quiet) -> None:
    matcher = Matcher(bundled_directory_quiet, MatchConfig(as_of=AS_OF))
    needs = sample_needs(bundled_directory_quiet, 600)  # more needs than one block holds
    serial = matcher.shortlist_many(needs, workers=1)
    assert_same_rows(matcher.shortlist_many(needs, workers=2), serial)
    for need in needs[::40]:
        assert_same_rows(matcher.shortlist(need), serial[serial["need_id"] == need.need_id])


@pytest.mark.parametrize("config", [MatchConfig(as_of=AS_OF),
                                    MatchConfig(as_of=AS_OF, include_lapsed=True, min_score=12.5),
                                    MatchConfig(as_of=AS_OF, fine_hints=False)],
                         ids=["defaults", "lapsed included, min_score", "group-level hints only"])
def test_scoring_only_the_contenders_returns_what_scoring_every_eligible_firm_returns(real_directory, real_needs,
                                                                                     config) -> None:
    fast = Matcher(real_directory, config)
    exhaustive = Matcher(real_directory, config, signals=(TextSignal, _IndustryWithoutEstimate, PlaceSignal))
    for top in (1, 10):
        assert_same_rows(fast.shortlist_many(real_needs, top=top, workers=1),
                      exhaustive.shortlist_many(real_needs, top=top, workers=1))


@pytest.mark.parametrize("workers", [0, -2, 1.5, True, "2", None])
def test_workers_is_minus_one_or_a_positive_number_of_threads(real_matcher, workers) -> None:
    with pytest.raises(ValueError, match="workers must be -1"):
        real_matcher.shortlist_many(["plumbing"], workers=workers)


def test_a_text_read_before_gives_the_rows_it_gave_when_it_was_read_fresh(real_directory, real_needs) -> None:
    # the matcher keeps each text's reading: a batch repeating texts, and a second call, rank as a fresh matcher
    # does (the needs' texts repeat: every text three times, in a shuffled order)
    needs = real_needs[:120]
    repeated = [Need(f"{need.need_id}/{k}", need.text, **{f: getattr(need, f) for f in ("certifications", "naics")})
                for k in range(3) for need in needs]
    fresh = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    first = fresh.shortlist_many(repeated, top=5, workers=1)
    again = fresh.shortlist_many(repeated, top=5, workers=1)
    assert_same_rows(again, first)
    for k in range(3):
        alone = Matcher(real_directory, MatchConfig(as_of=AS_OF)).shortlist_many(repeated[k::3], top=5, workers=1)
        assert_same_rows(first[first["need_id"].isin({n.need_id for n in repeated[k::3]})], alone)
    fresh.clear_caches()
    assert_same_rows(fresh.shortlist_many(repeated, top=5, workers=1), first)


def test_a_shortlist_frame_is_the_frame_pyarrow_makes_of_its_rows(real_matcher, real_needs) -> None:
    from mwbe_match.engine.results import SHORTLIST_SCHEMA, empty_frame, frame

    rows = real_matcher.shortlist_many(real_needs[:50], top=10)
    table = pa.Table.from_pandas(rows, preserve_index=False)
    made = frame(table)
    pd.testing.assert_frame_equal(made, table.to_pandas(types_mapper=pd.ArrowDtype), check_exact=True)
    pd.testing.assert_frame_equal(made.iloc[3:7].reset_index(drop=True).copy(),
                                  table.slice(3, 4).to_pandas(types_mapper=pd.ArrowDtype), check_exact=True)
    made.loc[0, "score"] = -1.0  # a frame of its own: writing to it leaves the rows it came from alone
    assert rows.loc[0, "score"] != -1.0 and table.column("score")[0].as_py() != -1.0
    assert list(empty_frame().dtypes) == [pd.ArrowDtype(f.type) for f in SHORTLIST_SCHEMA]
