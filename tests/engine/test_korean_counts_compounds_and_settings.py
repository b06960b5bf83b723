"""Specification of guarded Korean reading (issue 13, item 5) on words seen misread in development needs.

A count after a numeral is no content word (두 건 is two cases, not 두건, a headscarf); a loanword of one English
word is not split into a known head and an intent (덕트리스 is ductless, not duct + lease); a part of a loanword
compound is not read by sound when the rest of the word is a loanword too (페이 of 페이테이블); a place such as a bus
stop is the setting of the work, not the bus service; a building trade counted in machines is the equipment
(설비 5대); and the bilingual lexicon knows 벤치마킹, 페이밴드 and 토목 설계사무소 as wholes.
"""

from __future__ import annotations

import pandas as pd
import pytest

from mwbe_match import Matcher, MatchConfig
from mwbe_match.engine.readers.korean import default_glossary

from _korean_reading import english, searched


@pytest.fixture(scope="module")
def matcher(real_directory: pd.DataFrame) -> Matcher:
    return Matcher(real_directory, MatchConfig(as_of="2026-12-01"))


@pytest.mark.parametrize("text", ["뉴욕지사 인사 관련 두 건입니다", "요청 2건입니다", "견적 세 곳 받아보려고요",
                                  "한 장 인쇄", "다섯 명씩 필요", "머그컵 두 개 주문"])
def test_a_count_after_a_numeral_is_not_content(text):
    reading = default_glossary().expand(text)
    assert not any(found.replace(" ", "") in {"두건", "건", "곳", "장", "명", "개"} for found, _ in reading.terms)
    assert not {"건", "장", "곳", "명", "다섯", "두", "세"} & set(reading.unknown)
    assert "chef uniforms" not in english(text)


def test_a_count_keeps_the_thing_counted():
    assert "mugs" in english("머그컵 두 개 주문")
    assert "printing" in english("한 장 인쇄")


def test_a_count_parts_the_words_around_it_as_the_number_did():
    found = {found for found, _ in default_glossary().expand("콘센트 몇 개 추가, 형광등 교체").terms}
    assert "콘센트" in found
    assert not any(" " * 2 in f for f in found)  # no term read across the count


def test_a_native_numeral_written_against_a_known_word_is_the_word():
    assert "chef uniforms" in english("주방용 두건 구매")  # 두건 without a space is the headscarf


def test_a_loanword_of_one_english_word_is_not_split_into_a_head_and_an_intent():
    phrases = english("전용 냉방기(덕트리스 스플릿) 설치")
    assert "ductless" in phrases
    assert not {"rental", "leasing", "rent"} & phrases


def test_a_compound_of_a_known_object_and_an_intent_still_reads_the_intent():
    assert "replacement" in english("도어락교체")  # 도어락 (door lock) + 교체 (replacement)


def test_benchmarking_is_not_a_bench():
    phrases = english("현지직원 35개 포지션 연봉 벤치마킹")
    assert "compensation" in phrases
    assert not {"site furnishings", "planters"} & phrases
    assert "benchmarking" in english("벤치마킹 자료 필요")


def test_a_pay_band_is_compensation_not_a_music_band():
    phrases = english("채용공고 연봉범위 기재 맞춘 페이밴드 설계해줄 컨설턴트")
    assert "compensation" in phrases
    assert not {"band", "musicians", "live music"} & phrases
    hints = default_glossary().expand("페이밴드 설계").naics_prefixes
    assert "541612" in hints and not any(h.startswith("5242") for h in hints)  # HR consultants, not benefits brokers


def test_a_bus_stop_is_the_setting_of_the_advertising_not_a_bus_service():
    text = "플러싱·엘머스트 쪽 버스정류장이랑 지하철 포스터 광고 2달 정도 돌리려구요"
    reading = default_glossary().expand(text)
    kinds = {found: entry.kind for (found, _), entry in zip(reading.terms, reading.entries) if entry is not None}
    assert kinds.get("버스정류장") == "object"
    assert not {"charter bus", "bus service"} & english(text)
    assert "transit advertising" in english(text)


def test_a_civil_engineering_design_office_is_civil_engineering_not_architects():
    text = "토목 설계사무소에 CAD 파일로 전달해야 하며"
    phrases = english(text)
    assert "civil engineering" in phrases
    assert not {"architecture", "architects"} & phrases
    assert "541330" in default_glossary().expand(text).naics_prefixes
    assert "architects" in english("설계사무소 찾습니다")  # alone, 설계사무소 is still an architect's office


def test_a_building_trade_counted_in_machines_is_the_equipment_not_hvac(matcher):
    text = "생산라인 정리하면서 설비 5대(총 12톤 정도)를 부산으로 보내야 합니다. 수출용 목재 크레이팅, 해상운송까지 해줄 업체"
    hints = matcher.read(text).naics_hints
    assert not any(h.startswith("2382") for h in hints)
    assert any(h.startswith("4885") for h in hints)  # the shipping asked for keeps its hints


def test_a_building_trade_not_counted_is_still_the_trade(matcher):
    assert any(h.startswith("2382") for h in matcher.read("설비 공사 업체 찾습니다").naics_hints)
    assert any(h.startswith("2382") for h in matcher.read("에어컨 5대 설치").naics_hints)


def test_part_of_a_loanword_compound_is_not_read_by_sound_when_its_rest_is_a_loanword(matcher):
    reading = matcher.read("페이테이블 정리")  # 테이블 is known (table); 페이 alone would sound like "fe"
    assert not any(t.startswith("페이 →") for t in reading.understood_terms)
    assert "페이" in reading.unknown_terms


def test_part_of_a_word_beside_a_native_word_is_still_read_by_sound(matcher):
    assert any(t.startswith("탱크 →") and "by sound" in t for t in matcher.read("급수탱크 청소").understood_terms)


def test_the_unknown_part_of_a_partly_read_word_is_listed_with_its_rest():
    assert ("탱크", "급수") in default_glossary().expand("급수탱크 청소").partial
    assert default_glossary().expand("탱크 청소").partial == ()
    assert searched("급수탱크 청소")  # the rest is read as before
