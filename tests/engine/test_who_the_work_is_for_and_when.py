"""Specification of reading who a need's work is for, who receives its result and when its story happened
(engine/readers/base.py, context.py, korean.py): the people carried by a commute, the staff who wear the
uniforms, the engineer the survey is handed to and the promotion during which a site went down are not the
work asked for, so they name no industry of their own; and a few Korean forms read what they say."""

from __future__ import annotations

import pytest
from _korean_reading import hints_at, reading as read


# ------------------------------------------------------------------ a commute carries the workers it names

@pytest.mark.parametrize("text", [
    "Our new plant can't really be reached by public transit, and many of our line workers don't drive. "
    "We keep losing new hires within their first month.",
    "공장이 대중교통으로는 거의 못 오는 위치라 생산직 직원들 상당수가 차가 없어요. 신규 채용자들이 출퇴근이 힘들대요",
])
def test_a_commute_problem_asks_for_transportation_and_its_workers_are_its_passengers(text):
    assert hints_at(text, "485")
    assert not hints_at(text, "5613")


def test_staff_asked_for_with_a_situation_of_another_service_stay_the_ask():
    assert hints_at("신규 매장 오픈하는데 일할 사람 좀 구해주세요", "5613")


# ------------------------------------------------------------------ Korean: who the goods are for, who gets the result

def test_people_named_as_whom_korean_goods_are_for_are_no_staff_asked_for():
    text = "주방 조리복, 앞치마, 홀 직원용 검정 폴로셔츠에 로고 자수 넣어서 150벌 주문하려고요"
    assert hints_at(text, "3152") and not hints_at(text, "5613")
    assert "검정" not in read(text).unreadable  # a colour says what the shirts look like


def test_a_provider_the_result_is_handed_to_is_not_the_korean_ask():
    text = "부지 경계측량 및 지형측량 의뢰드립니다. 토목 설계사무소에 CAD 파일로 전달해야 합니다."
    assert hints_at(text, "54137") and not hints_at(text, "54133")
    # named alone, the same provider is what is asked for
    assert hints_at("토목 설계사무소 찾습니다", "54133")


def test_what_a_korean_provider_is_to_help_with_describes_its_work_not_another_ask():
    text = "공립·사립 학교 상담, 입학 서류 준비까지 도와주실 교육 컨설팅 업체 찾습니다"
    assert hints_at(text, "6117") and not hints_at(text, "6111")


@pytest.mark.parametrize("counter", ["가정당", "가구당", "세대당"])
def test_per_household_is_a_counter_not_a_room(counter):
    reading = read(f"{counter} 비용으로 견적 주시면 감사하겠습니다")
    assert not any("meeting room" in note for note in reading.understood)
    assert not reading.words and not reading.hint_sets and counter not in reading.unreadable
    # beside the work asked for, the counter adds nothing to it
    assert {w.word for w in read(f"{counter} 방역 비용").words} == {w.word for w in read("방역 비용").words}


# ------------------------------------------------------------------ when the story happened

@pytest.mark.parametrize("text", ["During the holiday promotion our site slows to a crawl.",
                                  "블프 프로모션 때 사이트가 엄청 느려졌어요"])
def test_the_event_during_which_a_problem_happened_is_not_the_ask(text):
    assert hints_at(text, "518") and not hints_at(text, "5418")


def test_a_promotion_asked_for_is_still_marketing():
    assert hints_at("Promotion for our Black Friday sale", "5418")


# ------------------------------------------------------------------ Korean forms

def test_a_cracked_and_lifted_korean_sidewalk_is_the_sidewalk_situation_not_sesame():
    text = "창고 앞 인도가 깨지고 들떠서 DOT 벌금 받았어요"
    assert hints_at(text, "23811") and not hints_at(text, "4244")
    assert hints_at("깨 볶음 납품", "4244")  # sesame is still sesame


def test_water_in_a_korean_basement_asks_for_waterproofing():
    assert hints_at("지하실에 물이 새요. 빨리 잡아줄 수 있는 업체 급구합니다", "238390")


def test_an_english_product_name_in_korean_text_is_read_as_in_english():
    reading = read("더존에서 NetSuite로 전환할 예정입니다. 초기 셋업 맡아줄 파트너 구해요")
    assert any(note.startswith("NetSuite → ") and "erp" in note for note in reading.understood)
    assert hints_at("더존에서 NetSuite로 전환할 예정입니다. 초기 셋업 맡아줄 파트너 구해요", "54151")


# ------------------------------------------------------------------ how bought goods arrive

def test_goods_bought_and_delivered_ask_for_a_supplier_not_a_courier():
    assert not hints_at("Wholesale supply of baked goods and pastries delivered daily to our cafe", "492")
    assert hints_at("Wholesale supply of baked goods and pastries delivered daily to our cafe", "3118")
    # the need's own goods delivered are a courier's work
    assert hints_at("Courier to have our samples delivered to clients", "492")


# ------------------------------------------------------------------ Korean goods a service is done to

def test_korean_goods_named_before_a_photo_shoot_are_what_is_photographed():
    text = "스낵/소스 150종 스튜디오 제품사진 촬영, 카탈로그 디자인 편집"
    assert hints_at(text, "54192") and not hints_at(text, "3119")
    assert hints_at("스낵 납품 업체 찾아요", "3119")  # bought, they keep their say

