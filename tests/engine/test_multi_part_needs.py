"""Specification of needs of several parts (engine/aspects.py): a need that asks for two distinct services gets
both in its top when firms for both qualify, says why a firm is there, keeps its scores falling with the rank,
and a need of one service is ranked exactly as by score alone; the same in Korean, in batches and in the funnel."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import lru_cache

import pandas as pd
import pytest

import mwbe_match
from mwbe_match import MatchConfig, Matcher, Need, i18n
from mwbe_match.engine.aspects import Aspect, main_aspects, need_aspects, same_work
from mwbe_match.engine.query import QueryTerm
from mwbe_match.engine.readers import EnglishReader, KoreanReader
from mwbe_match.engine.readers.base import Part

from _ranking_cases import assert_same_rows, bundled_directory, sample_needs

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))
PLUMBING = "238220"
CARPENTRY = "238350"

#: A plumber and a cabinet maker, in English and as a Korean office manager would write it.
TWO_TRADES_EN = ("A plumber to replace the pipes, sinks, toilets and drains of our office restrooms, "
                 "and a cabinet maker for new cabinets.")
TWO_TRADES_KO = "사무실 화장실 배관 교체할 배관공이랑 맞춤 수납장 만들어 줄 목공 업체가 필요해요"


bundled = bundled_directory


@lru_cache(maxsize=None)
def matcher(cover_parts: bool = True) -> Matcher:
    return Matcher(bundled(), dataclasses.replace(CONFIG, cover_parts=cover_parts))


def codes(result: pd.DataFrame) -> list[str]:
    return [str(c) for c in result["naics_code"]]


# ------------------------------------------------------------------ two services: both in the top


@pytest.mark.parametrize("text", [TWO_TRADES_EN, TWO_TRADES_KO], ids=["english", "korean"])
def test_a_need_for_a_plumber_and_a_cabinet_maker_gets_both_trades_in_its_top(text):
    plain = matcher(False).shortlist(text, top=3)
    assert set(codes(plain)) == {PLUMBING}  # by score alone: plumbers only
    result = matcher().shortlist(text, top=3)
    assert PLUMBING in codes(result) and CARPENTRY in codes(result)


@pytest.mark.parametrize("text", [TWO_TRADES_EN, TWO_TRADES_KO], ids=["english", "korean"])
def test_the_firm_brought_in_for_a_part_says_which_part_in_english_and_korean(text):
    result = matcher().shortlist(text, top=3)
    brought = result[[CARPENTRY == str(c) for c in result["naics_code"]]]
    (reason,) = brought["reasons"].tolist()
    assert "Covers the " in reason and " part of the need: " in reason
    label = reason.split(" part of the need: ", 1)[1].split(";", 1)[0]
    assert label in ("'cabinet maker'", "'목공 (carpentry)'")
    assert i18n.untranslated_clauses(reason) == []
    assert f"항목 담당: {label}" in i18n.translate_reason(reason, "ko")
    others = result[[CARPENTRY != str(c) for c in result["naics_code"]]]
    assert not any("part of the need" in r for r in others["reasons"])  # there by score, as before


@pytest.mark.parametrize("text", [TWO_TRADES_EN, TWO_TRADES_KO], ids=["english", "korean"])
def test_a_top_with_a_firm_brought_in_stays_ordered_by_score(text):
    for top in (3, 5, 10):
        result = matcher().shortlist(text, top=top)
        scores = result["score"].tolist()
        assert scores == sorted(scores, reverse=True)
        assert result["rank"].tolist() == list(range(1, len(result) + 1))
        # the firm brought in replaces the last firm of the plain top; the others keep their rows
        plain = matcher(False).shortlist(text, top=top)
        assert len(set(plain["account_number"]) - set(result["account_number"])) <= 1


def test_the_korean_twin_reads_both_trades_as_parts_through_the_glossary():
    for text in (TWO_TRADES_EN, TWO_TRADES_KO):
        query = matcher()._prepare_queries([text])[0]
        main = main_aspects(query.aspects)
        assert any(any(code.startswith("2382") for code in a.naics) for a in main), text
        assert any(CARPENTRY in a.naics or "2383" in a.naics for a in main), text


def test_a_multi_part_need_is_ranked_the_same_alone_and_in_a_batch():
    needs = [Need("en", TWO_TRADES_EN), Need("office", "office cleaning"), Need("ko", TWO_TRADES_KO)]
    batch = matcher().shortlist_many(needs, top=3, workers=1)
    for need in needs:
        alone = matcher().shortlist(need, top=3)
        assert_same_rows(batch[batch["need_id"] == need.need_id], alone)
    assert_same_rows(batch, matcher().shortlist_many(needs, top=3, workers=2))


def test_a_part_no_qualifying_firm_covers_leaves_the_top_as_by_score():
    firms = mwbe_match.unique_firms(bundled())
    woodwork = firms["account_number"][firms["naics_code"].astype(str).str.match(r"^(2383|3371|2381)")].tolist()
    need = Need("no cabinet makers", TWO_TRADES_EN, exclude=woodwork)
    result = matcher().shortlist(need, top=3)
    assert_same_rows(result, matcher(False).shortlist(need, top=3))
    assert not any("part of the need" in r for r in result["reasons"])


# ------------------------------------------------------------------ one service: exactly as by score alone


@pytest.mark.parametrize("text", ["office cleaning for our warehouse", "Office cleaning", "사무실 청소",
                                  "Painting contractor to repaint the walls, doors and trim of our office",
                                  "plumber to fix a leaking pipe", "창고 청소 업체"])
def test_a_need_of_one_service_has_one_part_and_is_ranked_exactly_as_without_parts(text):
    assert main_aspects(matcher()._prepare_queries([text])[0].aspects) == ()
    for top in (3, 10):
        assert_same_rows(matcher().shortlist(text, top=top), matcher(False).shortlist(text, top=top))


def test_every_need_without_two_main_parts_is_ranked_exactly_as_without_parts():
    needs = sample_needs(bundled(), 120)
    on = matcher().shortlist_many(needs, top=10, workers=1)
    off = matcher(False).shortlist_many(needs, top=10, workers=1)
    single = [n.need_id for n in needs if not main_aspects(matcher()._prepare_queries([n.text])[0].aspects)]
    assert len(single) > 60
    assert_same_rows(on[on["need_id"].isin(single)], off[off["need_id"].isin(single)])
    # a need of several parts differs at most by the firms brought in, each of which says so
    merged = on.merge(off, on=["need_id", "account_number"], how="left", indicator=True, suffixes=("", "_off"))
    new = merged[merged["_merge"] == "left_only"]
    assert all("part of the need: " in r for r in new["reasons"])


# ------------------------------------------------------------------ the funnel


def test_the_funnel_counts_the_qualifying_firms_of_each_part():
    funnel = matcher().funnel([Need("two", TWO_TRADES_EN), Need("one", "office cleaning")])
    two, one = funnel["reasons"].tolist()
    assert "Firms for each part of the need: 'plumber' " in two and ", 'cabinet maker' " in two
    assert "part of the need" not in one
    assert i18n.untranslated_clauses(two) == []
    assert "요청 항목별 업체 수: 'plumber' " in i18n.translate_reason(two, "ko")
    # the counts are firms that meet every requirement: never more than remain
    counts = [int(item.rsplit(" ", 1)[1].replace(",", "")) for item in two.rsplit(": ", 1)[1].rstrip(".").split(", ")]
    assert len(counts) == 2
    assert all(0 < c <= funnel["remaining"].iloc[0] for c in counts)
    assert funnel["candidates"].tolist() == matcher(False).funnel([TWO_TRADES_EN, "office cleaning"])[
        "candidates"].tolist()


# ------------------------------------------------------------------ reading the parts


def read(text: str):
    reader = KoreanReader() if KoreanReader().detects(text) else EnglishReader().for_index(None)
    return reader.read(text, CONFIG)


def test_the_readers_name_the_services_asked_for_as_parts_and_not_context_or_objects():
    labels = [p.label for p in read(TWO_TRADES_EN).parts]
    assert "plumber" in labels and "cabinet maker" in labels
    assert [p.label for p in read("office cleaning for our warehouse").parts] == ["office cleaning"]
    assert any(p.label.startswith("목공") for p in read(TWO_TRADES_KO).parts)


def test_a_second_provider_joined_by_and_a_is_its_own_part_not_the_first_providers_work():
    # "A plumber to ..." opens with its provider; "and a cabinet maker" asks for a second one
    assert "cabinet maker" in [p.label for p in read(TWO_TRADES_EN).parts]
    # what the first provider is to work on stays its work
    parts = read("Painting contractor to repaint the walls, doors and trim").parts
    assert main_aspects(need_aspects(parts, [], _idf())) == ()


def test_parts_of_one_industry_are_one_aspect():
    assert same_work(("23822",), ("238220", "237110"))
    assert not same_work(("238220",), ("238350",))
    assert not same_work(("23",), ("238220",))  # a sector names no industry of its own
    parts = [Part("plumber", ("23822",), (0,)), Part("drain lines", ("238220",), (1, 2)),
             Part("cabinet maker", ("238350",), (3, 4))]
    terms = [QueryTerm(w, t, 1.0, t, slot=t) for t, w in enumerate(["plumber", "drain", "lines", "cabinet", "maker"])]
    aspects = need_aspects(parts, terms, _idf(5))
    assert [a.label for a in aspects] == ["plumber", "cabinet maker"]
    assert aspects[0].slots == (0, 1, 2) and aspects[0].named_by == (0,)
    assert sum(a.share for a in aspects) == pytest.approx(1.0)
    assert len(main_aspects(aspects)) == 2


def test_a_part_in_passing_is_no_main_part():
    big = Aspect("office cleaning", ("561720",), (0, 1), 0.9)
    small = Aspect("windows", ("238150",), (2,), 0.1)
    assert main_aspects((big, small)) == ()
    assert main_aspects((big, dataclasses.replace(small, share=0.5))) != ()


def _idf(n: int = 0):
    import numpy as np
    return np.ones(max(n, 1))
