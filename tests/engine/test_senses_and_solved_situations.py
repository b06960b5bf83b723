"""Readings of messy development set 3's remaining traps (issue 13), each fixed as a rule.

A Korean form with a second meaning (a ``sense_`` concept) reads as that sense only where the need's other
concepts share its industry (토너 beside cosmetics is skin toner); a situation whose service the need says it
already has is not searched (통관은 관세사가 이미 하고 있고); a symptom of goods the need names, beside a
service of another kind, is why that service is asked for (복합기 종이걸림 ... 리스); 소비자 is whom a campaign is
for, never 소 + 비자 (visa); 대행사 is an agency; a truck driver asked for is no trucking service.
"""

from __future__ import annotations

from _korean_reading import hinted, reading
from mwbe_match.engine.lexicon import default_lexicon
from mwbe_match.engine.readers.korean import default_glossary


def _words(text: str) -> set[str]:
    return {w.word for w in reading(text).words}


# ----------------------------------------------------------------------------------------------- senses


def test_toner_beside_cosmetics_reads_as_skin_toner_not_printer_supplies():
    text = "K-뷰티 브랜드 토너, 아이섀도 팔레트 제품 소비자 조사 해줄 리서치 회사"
    words = _words(text)
    assert "skincare" in words or "cosmetics" in words
    assert "printer" not in words and "cartridges" not in words
    assert not hinted(text, "4234")
    assert "skin toner" in reading(text).read_as  # what the reasons say it was read as (Read as: ...)


def test_toner_alone_or_beside_office_goods_stays_printer_toner():
    for text in ("토너 10개 주문", "사무용품 정기납품 (A4용지, 토너, 탕비실 소모품)"):
        words = _words(text)
        assert "toner" in words and "cartridges" in words
        assert "skincare" not in words


def test_a_cold_storage_room_built_beside_construction_work_is_refrigeration_not_warehousing():
    text = "공장 내 냉동창고 패널 시공 및 냉동기 설치 견적 요청드립니다"
    assert "refrigeration" in _words(text)
    assert "warehousing" not in _words(text)
    assert not hinted(text, "4931")
    assert "cold storage" not in reading(text).read_as


def test_a_cold_storage_warehouse_asked_for_storage_stays_cold_storage():
    text = "냉동창고 보관 업체 찾습니다"
    assert {"cold", "storage"} <= _words(text)
    assert hinted(text, "4931")


def test_a_sense_is_kept_out_of_the_meaning_its_form_has_alone():
    lexicon = default_lexicon()
    owners = [c for c in lexicon.korean("토너") if not c.sense]
    senses = [c for c in lexicon.korean("토너") if c.sense]
    assert owners and senses and all(c.concept.startswith("sense_") for c in senses)
    entry = next(e for e in default_glossary().entries() if e.korean == "토너")
    assert entry.senses and "skin toner" not in entry.english


def test_a_form_only_a_sense_has_is_read_as_that_sense_wherever_it_stands():
    words = _words("스킨토너 도매")
    assert {"skin", "toner", "skincare"} <= words
    assert "cartridges" not in words and hinted("스킨토너 도매", "3256")


# ----------------------------------------------------------------------------------------------- situations


def test_a_situation_whose_service_the_need_already_has_is_not_searched():
    text = "한국에서 들어오는 화장품 수입 시 통관은 관세사가 이미 하고 있고, 항구에서 창고까지 드레이지만 새로 구합니다."
    words = _words(text)
    assert "drayage" in words
    assert "customs" not in words and "broker" not in words
    assert not hinted(text, "4885")
    assert "customs" not in reading(text).search_text
    assert not any("customs" in r for r in reading(text).read_as)


def test_the_same_situation_still_asks_for_its_service_when_nothing_says_it_is_handled():
    assert "customs" in _words("한국에서 들어오는 화장품 수입 통관 도와줄 업체 찾아요")


def test_a_symptom_of_goods_the_need_names_is_why_another_service_is_asked_for():
    text = "복합기 또 종이걸림... 계약 만료되면 다른 업체로 리스 새로 하려구요"
    words = _words(text)
    assert "leasing" in words and "copiers" in words
    assert "repair" not in words
    assert "repair" not in reading(text).search_text
    assert not any("repair" in r for r in reading(text).read_as)  # nor do the reasons say it was read so


def test_a_symptom_beside_the_repair_it_asks_for_is_still_read():
    assert "repair" in _words("복합기 또 종이걸림 수리 업체 좀 알려주세요")


# ----------------------------------------------------------------------------------------------- words


def test_consumers_are_whom_the_campaign_is_for_never_a_visa():
    text = "미국 소비자 타겟 SNS 마케팅이랑 SEO 대행사 구해요"
    words = _words(text)
    assert "visa" not in words and "immigration" not in words
    assert not hinted(text, "5411")
    assert "소" not in reading(text).unreadable
    assert "market" in _words("소비자 조사 업체")


def test_an_agency_firm_is_read_as_an_agency():
    assert "agency" in _words("미국 로컬 FM 라디오 광고 대행사 어디가 좋아요?")


def test_truck_drivers_hired_search_drivers_not_trucking():
    words = _words("CDL 트럭 기사 2명 (클래스 A), 정규직 전환 가능, 헤드헌팅 수수료 15% 이내")
    assert "drivers" in words
    assert "truck" not in words


def test_a_bounce_house_searches_inflatables_not_housing():
    words = _words("바운스하우스 대여")
    assert {"inflatables", "bounce"} <= words
    assert "house" not in words
