"""Causes of misreadings found on the traps of messy development set 3 (issue 13), each fixed as a rule.

What the need-giver already has is not asked for (주류 라이센스 있는데요); a gloss in parentheses before a
negation is excluded with the word it glosses (슈퍼(상주 관리인) 대신); a government body named as the authority
is no service; the time of a company dinner is when, not what; a broken ice machine asks for its repair;
heat treatment is also the bed-bug method; a factory's production line is where the work is done; 추가 is
"additional" and 돌리- is a verb (to run), never dollies.
"""

from __future__ import annotations

import datetime as dt

import pytest

from _korean_reading import english as _english, searched as _searched
from mwbe_match import MatchConfig
from mwbe_match.engine.readers import default_readers, reader_for

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))
READERS = default_readers()


def _reading(text: str):
    return reader_for(text, READERS).read(text, CONFIG)


def _words(text: str) -> set[str]:
    return {w.word for w in _reading(text).words}


@pytest.mark.parametrize(("text", "had", "asked"), [
    ("와인 도매상 아시는분? 주류 라이센스 있는데요", "주류", "와인 도매"),
    ("지게차 있어요. 지게차 기사만 구해요", None, "지게차 기사"),
])
def test_what_the_need_giver_says_it_already_has_is_not_searched(text, had, asked):
    searched = _searched(text)
    if had:
        assert had not in searched
    assert asked in searched


def test_a_question_whether_someone_has_it_still_asks_for_it():
    assert "지게차" in _searched("지게차 있어요? 렌탈 원해요")


def test_a_gloss_in_parentheses_before_a_negation_is_excluded_with_the_word_it_glosses():
    text = "건물 관리인이 그만둬서 슈퍼(상주 관리인) 대신 주 2회 방문하는 핸디맨 서비스 찾고 있습니다."
    words = _words(text)
    assert "super" not in words and "상주 관리인" not in _searched(text)
    assert "handyman" in words
    assert "출장 뷔페" not in _searched("케이터링(출장 뷔페) 말고 도시락 주문")


def test_a_remark_in_parentheses_after_a_term_does_not_carry_its_negation_back_to_the_term():
    searched = _searched("사옥 리모델링 전 납 페인트 검사 + PCB 조명 안정기 조사 (석면은 작년에 끝남)")
    assert "PCB 조명 안정기" in searched and "조사" in searched
    assert "석면" not in searched


def test_a_government_body_named_as_the_authority_is_never_searched():
    text = "급수탱크 청소 및 수질검사 연 1회 용역 — 뉴욕시 보건국 규정 준수 업체에 한함"
    assert not any("보건국" in found for found in _searched(text))
    assert "food safety consulting" not in _english(text)


def test_the_time_of_a_company_dinner_is_when_not_what_is_bought():
    searched = _searched("팀장님이 연말 회식때 소주 말고 와인으로 하자셔서 와인 도매상 아시는분?")
    assert not any("회식" in found for found in searched)
    assert "하자" not in searched  # 하자셔서 = let's do it, not defects
    assert "와인 도매" in searched


def test_a_broken_ice_machine_asks_for_ice_machine_repair_not_baking():
    english = _english("제빙기 고장 났어요 수리 부탁")
    assert "ice machine repair" in english
    assert not english & {"bakery", "baking", "bread"}


def test_heat_treatment_is_searched_for_a_bed_bug_heat_treatment():
    assert "heat treatment" in _english("빈대 나왔대요 열처리 방식으로 해주는데 찾아요")


def test_a_factorys_production_line_is_the_setting_and_gives_no_manufacturing_hint():
    reading = _reading("공장 생산 라인 증설 공사 추가 견적 부탁드려요")
    assert not any(h.startswith(("31", "32", "33")) for h in reading.naics_hints)
    assert "production line" in _english("공장 생산 라인 증설 공사 추가 견적 부탁드려요")
    assert not any(t.startswith("라인 ") for t in reading.understood)


def test_chuga_is_additional_and_is_neither_read_as_chu_nor_unknown():
    reading = _reading("생산 라인에 컨베이어 설치 추가로 해주실 업체")
    assert "추" not in reading.unreadable and not any(t.startswith("추 ") for t in reading.understood)


def test_dolli_as_a_verb_is_to_run_a_machine_never_dollies():
    words = _words("주말에도 기계 돌리려구요 정비 업체 찾아요")
    assert "dollies" not in words and "carts" not in words
    assert "repair" in words or "maintenance" in words
    assert "flyer" in " ".join(_english("전단지 돌릴 사람 구해요"))  # the flyer situation keeps its verb


def test_the_cause_of_a_need_that_asks_for_other_work_is_neither_searched_nor_a_hint():
    reading = _reading("도로 공사 소음 때문에 방음창 설치")
    assert not any(t.startswith("도로 공사") for t in reading.understood)
    assert not any(h.startswith("2373") for h in reading.naics_hints)
    assert reading.excluded == ()  # the need does not refuse the road works: it says why
    assert any(h.startswith("2381") for h in reading.naics_hints)


@pytest.mark.parametrize(("text", "kept"), [
    ("쥐 때문에 방역 업체 찾아요", "rodent"),       # the cause names the trade asked for
    ("쓰레기 때문에 벌금 맞았어요", "waste"),       # a situation told around 때문에
])
def test_a_cause_that_shares_the_asked_trade_or_is_the_situation_stays_searched(text, kept):
    assert any(kept in w for w in _words(text))


def test_a_situation_is_not_read_across_a_negation_of_its_first_part():
    reading = _reading("지하실 곰팡이 냄새 말고 하수구 냄새가 올라와요 탈취랑 배관 점검 같이 되는 곳")
    assert not any(t.startswith("냄새 말고") for t in reading.understood)
    assert any(t.startswith("하수구 냄새") for t in reading.understood)


@pytest.mark.parametrize("text", ["월 흑백 5천장, 칼라 천장 정도 써요", "전단지 3만장 인쇄"])
def test_a_thousand_sheets_is_a_count_never_a_ceiling_and_print_colours_are_never_galas(text):
    english = _english(text)
    assert not english & {"ceiling", "ceilings", "galas"}


def test_a_ceiling_named_as_work_is_still_a_ceiling():
    assert any("ceiling" in p for p in _english("천장 공사 5천만원"))
    assert "custom boxes" in _english("칼라 박스 제작")


def test_a_term_whose_files_the_need_giver_supplies_is_not_asked_for():
    searched = _searched("포스터 50장 인쇄 부탁드립니다. 디자인 파일은 저희가 AI로 드릴게요.")
    assert "디자인" not in searched and "인쇄" in searched
    assert "로고 디자인" in _searched("로고 디자인 파일은 어떻게 받나요?")  # a question asks for it


def test_the_parcels_of_an_online_store_are_the_senders_business_not_a_shopping_mall():
    text = "페덱스 그라운드로 월 800박스 정도 보내는데 요율 협상 대행 해주는 곳 있나요? 쇼핑몰 택배 물량입니다."
    english = _english(text)
    assert "online store" in english
    assert not english & {"mall", "shopping mall", "shopping center"}
    assert not any(h.startswith("5311") for h in _reading(text).naics_hints)


def test_a_babysitter_offered_as_an_employee_benefit_is_babysitting_not_a_day_care_center():
    reading = _reading("애기 엄마 직원들 많아서 사내 어린이집은 무리고 베이비시터 매칭 복지로 해주는 업체 있을까요")
    assert not any(h.startswith("624") for h in reading.naics_hints)
    assert "812990" in reading.naics_hints
    assert any(h.startswith("6244") for h in _reading("어린이집 찾아요").naics_hints)
