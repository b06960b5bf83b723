"""Specification of a single shortlist's own ways: a need ranked alone gives exactly the rows it gets in a batch
(its contenders found among its eligible firms alone, its kept text scores used as they are, its NAICS levels
judged row by row), read before or not."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from mwbe_match import MatchConfig, Matcher, Need
from mwbe_match.engine.query import prepare_queries

from _ranking_cases import assert_same_rows, bundled_directory, sample_needs

AS_OF = dt.date(2026, 11, 1)


def _rows_of(frame, need_id):
    return frame[frame.need_id == need_id]


@pytest.mark.parametrize("top", [1, 3, 10, 40])
def test_a_need_shortlisted_alone_gets_its_rows_of_a_batch_read_before_or_not(real_directory, top) -> None:
    needs = sample_needs(real_directory, 60, seed=23)
    batch = Matcher(real_directory, MatchConfig(as_of=AS_OF)).shortlist_many(needs, top=top, workers=1)
    alone = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    for _ in ("first reading", "read before"):
        for need in needs:
            assert_same_rows(alone.shortlist(need, top=top), _rows_of(batch, need.need_id))


def test_a_need_with_fewer_eligible_firms_than_top_returns_all_of_them_alone_as_in_a_batch() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    narrow = Need("narrow", "office cleaning", certifications=["WBE"], boroughs=["Staten Island"])
    other = Need("other", "plumbing repairs")
    alone = matcher.shortlist(narrow, top=50)
    assert 0 < len(alone) < 50  # every eligible firm with evidence, fewer than asked for
    assert_same_rows(alone, _rows_of(matcher.shortlist_many([other, narrow], top=50, workers=1), "narrow"))


def test_naics_levels_of_a_few_rows_are_the_levels_of_the_same_rows_among_many(real_directory) -> None:
    matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    model = matcher.signals[1].model
    rng = np.random.default_rng(5)
    m, rows = 4, 200
    industry = rng.dirichlet(np.full(len(model), 0.05), size=m)  # a few groups pointed at per need
    need_pos = np.sort(rng.integers(0, m, rows))
    firms = rng.integers(0, matcher.n_firms, rows)
    stated = rng.integers(0, 5, rows)
    levels, from_stated = model.naics_levels(stated, firms, industry, need_pos)
    for start in range(0, rows, 7):
        part = slice(start, start + 7)
        assert model.naics_levels(stated[part], firms[part], industry, need_pos[part]) == \
            (levels[part], from_stated[part])


def test_kept_text_scores_are_read_only_and_are_the_scores_computed_afresh() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    (query,) = prepare_queries(["office cleaning and window washing"], matcher.readers, matcher.index,
                               matcher.speller, matcher.config)
    assert matcher.index.kept_scores(query) is None  # nothing kept before the query is scored
    Q, _ = matcher.index.query_matrix([query])
    scores = matcher.index.score_queries([query], Q)
    kept = matcher.index.kept_scores(query)
    assert kept is not None and not kept.flags.writeable
    np.testing.assert_array_equal(kept, scores[0])
    np.testing.assert_array_equal(kept, matcher.index.score_block(Q)[0])
