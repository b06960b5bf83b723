"""Coverage of the words Korean staff write in procurement notes (issue 13): neighbours one jamo apart are each
known as themselves, everyday non-content words are known and never searched, and three typing habits are read."""

from __future__ import annotations

import pytest

from mwbe_match.engine.readers.korean import Glossary, default_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return default_glossary()


def _english(glossary: Glossary, text: str) -> set[str]:
    return {p for _, phrases in glossary.expand(text).terms for p in phrases}


# Content words one jamo from another content word: both are concepts, so neither is "corrected" into the other.
CONTENT_NEIGHBOURS = [("도매", "도배"), ("배선", "배송"), ("조명", "조경"), ("보온", "보안"), ("테이블", "케이블"),
                      ("레터링", "캐터링"), ("소득세", "소독"), ("그리스", "리스"), ("도장", "도정")]


@pytest.mark.parametrize(("word", "neighbour"), CONTENT_NEIGHBOURS)
def test_a_content_word_is_read_as_itself_not_as_its_one_jamo_neighbour(glossary: Glossary, word: str,
                                                                      neighbour: str) -> None:
    reading = glossary.expand(word)
    assert [found for found, _ in reading.terms] == [word]
    assert _english(glossary, word) != _english(glossary, neighbour)


# Everyday words one jamo from a concept (내일/네일, 겨울/거울, 초청/조청, 상주/상추, 카드/가드, 이사님/기사님) or
# holding one (확인부탁 holds 인부, 문제 starts with 문): known, understood as request words, never searched.
EVERYDAY = ["내일까지", "겨울에", "초청해서", "상주 가능", "카드로 할게요", "이사님께", "확인부탁드립니다", "문제가",
            "일정 조정", "총무팀에서", "라이센스 있는", "입찰 안내", "신청 양식", "도장 찍어서", "패키지로", "깨졌어요",
            "건물주 승인", "캘리포니아까지", "세금계산서 발행"]


@pytest.mark.parametrize("text", EVERYDAY)
def test_an_everyday_word_of_a_note_is_not_searched(glossary: Glossary, text: str) -> None:
    reading = glossary.expand(text)
    assert reading.english_text == ""
    assert reading.naics_prefixes == ()


def test_company_and_agency_names_of_a_note_are_not_searched(glossary: Glossary) -> None:
    for text in ("DHL 말고 다른 쿠리어", "ADP 말고 페이롤", "레스토랑 디포 같은데", "FDNY 승인", "USPTO 기준", "한인마트 말고"):
        searched = _english(glossary, text)
        assert not {"DHL", "ADP", "FDNY", "USPTO", "restaurant", "supermarket"} & searched, text


def test_a_compound_of_an_object_and_an_intent_keeps_the_intent_in_its_reading(glossary: Glossary) -> None:
    for text, word in (("보일러 교체", "boiler replacement"), ("후드 설치", "hood installation"),
                       ("정수기 렌털", "water cooler rental"), ("SAP 구축", "erp implementation"),
                       ("테이블 의자 대여", "table rentals")):
        assert word in _english(glossary, text), text


def test_a_place_written_with_a_latin_letter_is_a_place_not_a_search_word(glossary: Glossary) -> None:
    reading = glossary.expand("그리스트랩 청소 업체 맨하탄 K타운이에요")
    assert "K" not in reading.english_text.split()
    assert "grease trap cleaning" in reading.english_text


def test_a_number_written_against_a_filler_unit_is_not_searched(glossary: Glossary) -> None:
    for text in ("사무실(약 12,000sqft) 인테리어", "40FT 컨테이너 12대"):
        words = _english(glossary, text)
        assert not any(w.lower().endswith(("sqft", "ft")) for w in words), text


def test_a_key_pressed_twice_at_the_end_of_a_word_is_read_as_the_word(glossary: Glossary) -> None:
    assert "installation" in _english(glossary, "네트워크 장비 설칯 및 방화벽")  # 설치 with ㅊ typed twice
    assert "cleaning" in _english(glossary, "청솟 업체")  # 청소 with ㅅ typed twice
    assert glossary.expand("간편").unknown == () and _english(glossary, "간편") == set()  # a final of its own stays
