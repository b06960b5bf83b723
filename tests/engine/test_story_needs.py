"""Specification of needs told as a story (a problem, not a service): the bundled situations read the everyday
English of an outage or a commute as the service that solves it, as their Korean forms do."""

from __future__ import annotations

import pytest

from mwbe_match import MatchConfig
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
