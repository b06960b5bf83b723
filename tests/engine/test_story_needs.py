"""Specification of needs told as a story (a problem, not a service): the bundled situations read the everyday
English of an outage or a commute as the service that solves it, as their Korean forms do."""

from __future__ import annotations

import datetime as dt

import pytest

from mwbe_match import MatchConfig, Matcher
from mwbe_match.engine.readers import EnglishReader, KoreanReader


@pytest.fixture(scope="module")
def english() -> EnglishReader:
    return EnglishReader()


@pytest.mark.parametrize("text", [
    "During our promotion our online store was down for three hours",
    "Whenever a celebrity posts about us the site slows to a crawl",
])
def test_an_online_store_that_goes_down_or_crawls_reads_as_web_hosting(english, text):
    reading = english.read(text, MatchConfig())
    assert any("(a situation: read as web hosting)" in note for note in reading.understood)
    assert "518210" in reading.naics_hints


@pytest.mark.parametrize("text", [
    "Our new plant cannot be reached by public transit and the workers live far away",
    "Most of our warehouse staff don't have cars",
])
def test_workers_who_cannot_get_to_the_site_read_as_an_employee_shuttle(english, text):
    reading = english.read(text, MatchConfig())
    assert any("(a situation: read as employee shuttle)" in note for note in reading.understood)
    assert {"485410", "485510"} <= set(reading.naics_hints)


def test_the_korean_commute_story_reads_as_the_same_service():
    reading = KoreanReader().read("공장이 대중교통으로는 거의 못 오는 위치라 직원들이 힘들어해요", MatchConfig())
    assert any("employee shuttle" in note for note in reading.understood)
    assert "485410" in reading.naics_hints


@pytest.mark.parametrize("text", [
    "창고에 안쓰는 노트북, 모니터 쌓여있어요. 고객 데이터 남아있는 것도 있어서 그냥 버리기도 그래요",
    "We need to get rid of old computers, and the monitors and printers too",
])
def test_goods_a_disposal_situation_is_about_are_what_is_disposed_of_not_goods_to_buy(text):
    reader = KoreanReader() if any("\uac00" <= ch <= "\ud7a3" for ch in text) else EnglishReader()
    reading = reader.read(text, MatchConfig())
    assert any("(a situation: read as electronics recycling)" in note for note in reading.understood)
    assert set(reading.naics_hints) == {"562920", "423930"}  # no computer or office equipment dealers


def test_goods_named_without_a_disposal_situation_keep_their_hints():
    assert "423430" in KoreanReader().read("노트북 모니터 구매 견적 부탁드립니다", MatchConfig()).naics_hints


# --------------------------------------------------------------------------- weak text evidence

STORY = ("Customers in Korea call our New York office during their business day, which is the middle of the "
         "night here, and our US customers often call after 6 pm too. Nobody picks up, and we have lost orders.")


def test_when_the_words_no_concept_reads_find_next_to_nothing_the_situation_s_industry_decides(real_directory):
    off = Matcher(real_directory, MatchConfig(as_of=dt.date(2026, 12, 1), weak_text_coverage=0.0))
    on = Matcher(real_directory, MatchConfig(as_of=dt.date(2026, 12, 1)))
    before, after = off.shortlist(STORY, top=10), on.shortlist(STORY, top=10)
    cleaners = lambda top: int(top["naics_code"].str.startswith("5617").sum())  # "night", "office": janitorial
    answering = lambda top: int(top["naics_code"].str.startswith(("5614", "5613")).sum())
    assert cleaners(after) < cleaners(before)
    assert answering(after) > answering(before)


def test_a_need_its_words_match_well_is_ranked_as_without_the_weak_text_rule(real_directory):
    text = "Nightly janitorial cleaning for our office"
    off = Matcher(real_directory, MatchConfig(as_of=dt.date(2026, 12, 1), weak_text_coverage=0.0))
    on = Matcher(real_directory, MatchConfig(as_of=dt.date(2026, 12, 1)))
    a, b = off.shortlist(text, top=10), on.shortlist(text, top=10)
    assert a["account_number"].tolist() == b["account_number"].tolist()
    assert a["score"].tolist() == b["score"].tolist()


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_weak_text_coverage_is_a_share_between_0_and_1(value):
    with pytest.raises(ValueError, match="weak_text_coverage"):
        MatchConfig(weak_text_coverage=value)
