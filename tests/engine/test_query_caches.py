"""Specification of what a matcher keeps per prepared query (a need text's reading): the rows of its query matrix,
its industry probabilities and hint credit, the firms covering the parts of a need of several parts. A need of a
text read before takes what was computed then, in whatever block it comes; nothing of it changes a row, and
``Matcher.clear_caches`` forgets it all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc

import numpy as np
import pytest

from mwbe_match import MatchConfig, Matcher, Need
from mwbe_match.engine.parallel import frozen_objects
from mwbe_match.engine.query import prepare_queries

from _ranking_cases import assert_same_rows, bundled_directory, sample_needs

AS_OF = dt.date(2026, 11, 1)

#: Needs of several parts, Korean needs (fine NAICS hints), a typo, text no firm uses, plain English.
TEXTS = (
    "A plumber to replace the pipes, sinks, toilets and drains of our office restrooms, and a cabinet maker for "
    "new cabinets.",
    "사무실 화장실 배관 교체할 배관공이랑 맞춤 수납장 만들어 줄 목공 업체가 필요해요",
    "맨해튼 지사 사무실 청소 용역 (야간 청소, 주 5회, 화장실 위생 포함)",
    "locksmith to rekey the office doors and an electrician to add outlets",
    "사무실 청소",
    "plumming and electrcal work",
    "office cleaning",
    "catering for a staff lunch of 40 people",
    "zzzqqq",
    "IT helpdesk and network cabling for a new office",
)


def _needs(texts, prefix: str) -> list[Need]:
    return [Need(f"{prefix}{k}", text, **({"certifications": ["MBE"]} if k % 4 == 3 else {}))
            for k, text in enumerate(texts)]


@pytest.mark.parametrize("config", [MatchConfig(as_of=AS_OF), MatchConfig(as_of=AS_OF, fine_hints=False)],
                         ids=["default", "no_fine_hints"])
def test_a_batch_mixing_texts_read_before_and_new_ones_ranks_as_a_fresh_matcher_does(config) -> None:
    # the first call reads every other text; the second mixes them with new ones in every order and block
    warm = Matcher(bundled_directory(), config)
    warm.shortlist_many(_needs(TEXTS[::2], "first"), top=5, workers=1)
    mixed = _needs([TEXTS[k % len(TEXTS)] for k in (3, 0, 7, 2, 2, 9, 1, 4, 6, 5, 8, 0, 3)], "n")
    fresh = Matcher(bundled_directory(), config)
    assert_same_rows(warm.shortlist_many(mixed, top=5, workers=1), fresh.shortlist_many(mixed, top=5, workers=1))
    for need in mixed[:4]:  # and alone (a block of one), warm as cold
        assert_same_rows(warm.shortlist(need, top=5), Matcher(bundled_directory(), config).shortlist(need, top=5))


def test_real_needs_read_twice_rank_the_same_as_once_and_after_clear_caches(real_directory) -> None:
    needs = sample_needs(real_directory, 300)
    again = [dataclasses.replace(need, need_id=need.need_id + "/again") for need in needs[::-1]]
    matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    first = matcher.shortlist_many(needs, top=10, workers=1)
    warm = matcher.shortlist_many(again, top=10, workers=1)
    cold = Matcher(real_directory, MatchConfig(as_of=AS_OF)).shortlist_many(again, top=10, workers=1)
    assert_same_rows(warm, cold)
    matcher.clear_caches()
    assert_same_rows(matcher.shortlist_many(needs, top=10, workers=1), first)


def _queries(matcher: Matcher, texts) -> list:
    return prepare_queries(list(texts), matcher.readers, matcher.index, matcher.speller, matcher.config)


def test_the_firms_of_a_needs_parts_are_kept_per_reading_and_are_those_computed_alone() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    plumber_en, plumber_ko, cleaning, locksmith = _queries(matcher, [TEXTS[0], TEXTS[1], TEXTS[6], TEXTS[3]])
    first = matcher.aspects.evidence([plumber_en, cleaning, plumber_ko])
    assert first is not None and first.needs == [0, 2]
    block = [locksmith, plumber_ko, cleaning, plumber_en]
    later = matcher.aspects.evidence(block)
    # the same arrays (computed once), read-only, wherever the need stands in a block
    kept = {id(plumber_en): (first.covers[0], first.touches[0]), id(plumber_ko): (first.covers[1], first.touches[1])}
    assert {1, 3} <= set(later.needs)
    for position, covers, touches in zip(later.needs, later.covers, later.touches):
        if id(block[position]) in kept:
            assert covers is kept[id(block[position])][0] and touches is kept[id(block[position])][1]
        assert not covers.flags.writeable and not touches.flags.writeable
    alone = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    for query, covers, touches in zip([plumber_en, plumber_ko], first.covers, first.touches):
        fresh = alone.aspects.evidence(_queries(alone, [query.text]))
        np.testing.assert_array_equal(fresh.covers[0], covers)
        np.testing.assert_array_equal(fresh.touches[0], touches)


def test_clear_caches_forgets_the_firms_kept_per_reading() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    (query,) = _queries(matcher, [TEXTS[0]])
    before = matcher.aspects.evidence([query])
    matcher.clear_caches()
    after = matcher.aspects.evidence([query])
    assert after.covers[0] is not before.covers[0]
    np.testing.assert_array_equal(after.covers[0], before.covers[0])
    np.testing.assert_array_equal(after.touches[0], before.touches[0])


def test_a_query_matrix_of_kept_rows_is_the_matrix_built_afresh() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    queries = _queries(matcher, TEXTS)
    matcher.index.query_matrix(queries[::3], keep=True)  # some rows kept first
    for block in (queries, queries[::-1], queries[4:5], []):
        kept, kept_denom = matcher.index.query_matrix(block, keep=True)
        built, built_denom = matcher.index.query_matrix(block)
        for name in ("indptr", "indices", "data"):
            got, want = getattr(kept, name), getattr(built, name)
            assert got.dtype == want.dtype and np.array_equal(got, want)
        assert kept.shape == built.shape
        np.testing.assert_array_equal(kept_denom, built_denom)
    matcher.clear_caches()
    again, _ = matcher.index.query_matrix(queries, keep=True)
    assert (again != matcher.index.query_matrix(queries)[0]).nnz == 0


def test_a_single_kept_querys_matrix_is_kept_whole_read_only_and_equals_the_matrix_built_afresh() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    for query in _queries(matcher, TEXTS):
        kept, kept_denom = matcher.index.query_matrix([query], keep=True)
        again, again_denom = matcher.index.query_matrix([query], keep=True)
        assert again is kept and again_denom is kept_denom  # a single need's call builds no matrix
        built, built_denom = matcher.index.query_matrix([query])
        for name in ("indptr", "indices", "data"):
            got, want = getattr(kept, name), getattr(built, name)
            assert got.dtype == want.dtype and np.array_equal(got, want) and not got.flags.writeable
        assert kept.shape == built.shape
        np.testing.assert_array_equal(kept_denom, built_denom)
        assert not kept_denom.flags.writeable
    matcher.clear_caches()
    assert matcher.index.query_matrix([query], keep=True)[0] is not kept


def test_the_objects_alive_when_a_frozen_block_starts_are_out_of_the_collectors_walks_until_it_ends() -> None:
    before = gc.get_freeze_count()
    with frozen_objects():
        inside = gc.get_freeze_count()
        assert inside > 0
        with frozen_objects():  # nested: the outer block still holds them when the inner one ends
            pass
        assert gc.get_freeze_count() >= inside
    assert gc.get_freeze_count() == before


def test_text_scores_of_kept_rows_are_the_scores_computed_afresh() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    queries = _queries(matcher, TEXTS)
    first = matcher.index.score_queries(queries[1::2], matcher.index.query_matrix(queries[1::2])[0])
    for block in (queries, queries[::-1], queries[3:4]):
        Q, _ = matcher.index.query_matrix(block)
        scores = matcher.index.score_queries(block, Q)
        assert scores.dtype == np.float32 and scores.flags.writeable
        np.testing.assert_array_equal(scores, matcher.index.score_block(Q))
    scores[:] = -1.0  # a block's scores are its own: the kept rows stay as they were
    again = matcher.index.score_queries(queries[1::2], matcher.index.query_matrix(queries[1::2])[0])
    np.testing.assert_array_equal(again, first)
    matcher.clear_caches()
    np.testing.assert_array_equal(
        matcher.index.score_queries(queries[1::2], matcher.index.query_matrix(queries[1::2])[0]), first)


def test_clear_caches_also_forgets_typo_corrections_certification_phrases_and_code_sets() -> None:
    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    matcher.shortlist_many(_needs(["office cleaning nightly", "plumbing repair in Queens"], "c"))
    matcher.speller.correct_many(["cleanning"])
    assert len(matcher.speller._cache) and len(matcher.explainer._cert_phrase_cache)
    matcher.clear_caches()
    assert not len(matcher.speller._cache) and not len(matcher.explainer._cert_phrase_cache)
    assert not len(matcher.signals[1]._levels)


def test_a_full_correction_cache_keeps_the_corrections_of_the_words_a_call_already_had() -> None:
    from mwbe_match.engine.caching import BoundedCache

    matcher = Matcher(bundled_directory(), MatchConfig(as_of=AS_OF))
    speller = matcher.speller
    speller.correct_many(["cleanning"])
    had = speller.corrections("cleanning")
    assert had
    speller._cache = BoundedCache(2)
    speller.correct_many(["cleanning"])
    speller.correct_many(["cleanning", "plumbbing", "electrcal"])  # overflows: the cache starts afresh
    assert speller.corrections("cleanning") == had
