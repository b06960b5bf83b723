"""General rules of the Korean reader found on messy development set 3 (issue 13).

A topic (X은/는) whose own clause says it is not asked for is not searched, with the terms of that
clause; a count written against its number and an amount measured by a number of things are no
things bought; a longer word one confusable letter from a single term is read as that term.
"""

from __future__ import annotations

import pytest

from _korean_reading import english as _english, read as _read, searched as _searched


@pytest.mark.parametrize(("text", "excluded", "kept"), [
    ("원두는 됐고 시럽이랑 우유만 주문하면 돼요", "원두", "시럽"),             # done
    ("케이터링 업체 찾아요 밥솥은 있어요", "밥솥", "케이터링"),                 # already had
    ("상판은 쿼츠로 교체하고 대리석은 너무 비싸서 제외해주세요", "대리석", "쿼츠"),  # ruled out, a reason between
    ("정수기는 놔두고요 전자렌지만 교체", "정수기", "전자렌지"),                 # kept
    ("석면은 작년에 끝남 납 페인트 검사만", "석면", "납 페인트 검사"),           # done last year
    ("이사는 다른 업체가 해요 폐가구 수거만", "이사", "폐가구 수거"),                # done by another party
    ("촬영은 우리가 폰으로 함 영상 편집자 구해요", "촬영", "영상 편집자"),         # done by the writer
    ("시공사는 추후 별도 입찰 건축사 선정", "시공사", "건축사"),               # left for later
    ("불꽃놀이는 허가땜에 안된대서 드론쇼로 바꾸려고요", "불꽃놀이", "드론"),   # not allowed
])
def test_a_topic_whose_clause_says_it_is_not_asked_for_is_not_searched(text, excluded, kept):
    searched = _searched(text)
    assert excluded not in searched
    assert kept in searched


def test_the_terms_inside_such_a_clause_are_excluded_with_the_topic():
    searched = _searched("재무제표 감사는 기존 회계법인 유지하고, 이전가격 보고서 작성만 의뢰합니다")
    assert "재무제표 감사" not in searched and "회계법인" not in searched
    assert "이전가격" in searched


def test_our_before_a_place_is_where_not_who_does_it():
    for text, kept in (("케이터링은 저희 사무실에서 해요", "케이터링"), ("설치는 우리 매장에서 해요", "설치")):
        assert kept in _searched(text), text
    assert "인쇄" not in _searched("인쇄는 저희가 하고 디자인만 부탁드려요")


def test_a_topic_followed_by_a_question_an_inability_or_an_ordinary_clause_is_searched():
    assert "케이터링" in _searched("케이터링은 있나요?")
    assert "설치" in _searched("설치는 저희가 못해서 업체 찾아요")
    assert "청소" in _searched("청소는 매주 하고 카펫은 필요 없어요")
    assert "상판" in _searched("상판은 쿼츠로 해주세요")


def test_a_comma_list_before_a_refused_topic_keeps_its_own_terms():
    searched = _searched("방충망 설치, 그리스 트랩은 건물에 있어서 패스, 타일 보수")
    assert "그리스 트랩" not in searched
    assert "방충망 설치" in searched or "방충망" in searched


def test_included_x_excludes_what_is_not_included():
    assert "운전기사" not in _searched("냉장 탑차 6개월 리스 — 운전기사 포함 X")
    assert "운전기사" not in _searched("탑차 리스, 운전기사 미포함")


@pytest.mark.parametrize("text", ["월 800박스 정도 보내요", "참기름 1박스", "5카피만 사주세요", "3유닛 방역", "한박스씩 납품",
                                  "5,000세트 임가공"])
def test_a_counting_word_written_against_its_number_is_no_thing_bought(text):
    english = _english(text)
    assert not {"boxes", "set", "coffee", "unit"} & english
    assert not [u for u in _read(text).unknown if u in ("박스", "세트", "카피", "유닛")]


def test_a_counting_word_standing_alone_is_still_read():
    assert "boxes" in _english("박스 구매")


@pytest.mark.parametrize(("text", "thing"), [("정크 리무벌 트럭 한대 분량", "트럭"), ("보세창고 컨테이너 1개분 보관", "컨테이너")])
def test_an_amount_measured_by_a_number_of_things_is_no_thing_bought(text, thing):
    assert not any(thing in found for found in _searched(text))


def test_pallets_counted_for_storage_stay_read():
    assert "pallets" in _english("팔레트 20개 분량 보관")


@pytest.mark.parametrize(("typo", "meaning"), [("배슈구 막혔어요", "drains"), ("방충먕 설치", "window screens")])
def test_a_longer_word_one_confusable_letter_from_one_term_is_read_as_that_term(typo, meaning):
    assert meaning in _english(typo)


def test_a_term_one_letter_from_another_term_keeps_its_own_meaning():
    assert "bakery equipment" in _english("제빵기 2대") and "ice machines" not in _english("제빵기 2대")
    assert "ice machines" in _english("제빙기 구매") and "bakery equipment" not in _english("제빙기 구매")


# messy dev set 3 classes (session 23)

from mwbe_match.engine.readers import default_readers as _default_readers, reader_for as _reader_for
from mwbe_match import MatchConfig as _MatchConfig

_READERS = _default_readers()


def _hints(text: str) -> set[str]:
    return set(_reader_for(text, _READERS).read(text, _MatchConfig()).naics_hints)


@pytest.mark.parametrize("text", ["유리한 조건으로 계약하고 싶어요", "조건이 유리해요", "유리하게 협상해 주세요"])
def test_an_everyday_adjective_of_the_lexicon_beats_the_concept_it_starts_with(text):
    assert "유리" not in _searched(text)  # 유리하다 = advantageous, not glass


@pytest.mark.parametrize("text", ["깨진 유리 교체해 주세요", "유리창 청소", "유리 시공"])
def test_the_concept_stays_when_no_everyday_word_reads_the_word(text):
    assert any(h.startswith(("2381", "3272", "5617")) for h in _hints(text))


@pytest.mark.parametrize("text, setting, asked", [
    ("사옥 리모델링 전 납 페인트 검사", "236", "54138"),     # before the remodel: the testing is asked
    ("공사 후 청소 부탁드려요", "2362", "56172"),             # after the construction: cleaning
])
def test_a_concept_before_a_time_relation_is_the_setting_of_the_work_asked_for(text, setting, asked):
    hints = _hints(text)
    assert not any(h.startswith(setting) for h in hints)
    assert any(h.startswith(asked) for h in hints)


def test_a_time_relation_alone_keeps_the_concept_the_ask():
    assert any(h.startswith("2361") or h.startswith("2383") for h in _hints("리모델링 전 견적 부탁드려요"))


def test_storage_in_korean_it_vocabulary_is_data_storage_and_pcb_next_to_ballasts_is_not_a_circuit_board():
    assert not any(h.startswith("4931") for h in _hints("NAS 스토리지 증설 및 서버 이중화"))
    pcb = _hints("PCB 조명 안정기 조사")
    assert not any(h.startswith("3344") for h in pcb) and any(h.startswith("5416") for h in pcb)


def test_a_clinic_being_opened_is_the_need_givers_own_and_gives_no_hint():
    assert not any(h.startswith("6212") for h in _hints("치과 개원 — 인테리어 GC, 의료폐기물 수거 계약"))
