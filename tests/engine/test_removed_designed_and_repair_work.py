"""What a need removes, what a design is of, repair work and facility technicians (issue 13, messy Korean).

The existing thing taken out before the work (기존 카펫 뜯어내고 타일 시공) is what the removal is done to,
not what is bought; goods a need has designed (and not made) are what the design is of, so they hint at no
maker; 보수 공사 is repair work on what the need names (a construction trade), not renovation; 리뉴얼
alone has no renovation hint (패키지 리뉴얼 is a redesign, 매장 리뉴얼 a store renovation); 시설관리
기술인력 are building engineers, not an engineering firm.
"""

from __future__ import annotations

from _korean_reading import found as _found, reading as _reading


def _hinted(text: str, prefix: str) -> bool:
    """Whether the reading hints at ``prefix`` or at a coarser industry that contains it."""
    return any(h.startswith(prefix) or (len(h) >= 3 and prefix.startswith(h)) for h in _reading(text).naics_hints)


def test_the_existing_thing_removed_before_other_work_is_not_searched():
    found = _found("사무실 바닥 타일 시공, 기존 카펫 뜯어내고 진행해 주세요")
    assert "카펫" not in found
    assert any("타일" in f for f in found)


def test_removal_alone_keeps_the_thing_removed():
    assert "카펫" in _found("기존 카펫 철거 해주실 분")


def test_a_thing_removed_and_named_again_is_still_asked_for():
    assert any("에어컨" in f for f in _found("기존 에어컨 철거 후 새 에어컨 설치"))
    assert _hinted("기존 에어컨 철거 후 새 에어컨 설치", "2382")


def test_repair_work_is_a_construction_trade_not_renovation():
    for text in ("창문 실리콘 보수 공사", "지붕 보수공사 해주실 분"):
        assert not _hinted(text, "236"), text
    assert _hinted("지붕 보수공사 해주실 분", "238160")


def test_a_store_renewal_is_still_a_renovation():
    assert _hinted("가게 리뉴얼 해주실 분", "236")


def test_goods_a_need_has_designed_hint_at_designers_not_makers():
    text = "쇼핑백 디자인 새로 해주실 분 (종이 쇼핑백 2종)"
    assert _hinted(text, "5414")
    assert not _hinted(text, "4241") and not _hinted(text, "3261") and not _hinted(text, "3222")


def test_goods_designed_and_made_keep_their_makers():
    assert _hinted("쇼핑백 디자인 및 제작", "4241")


def test_package_design_is_design_not_box_making():
    assert _hinted("패키지 디자인 외주 맡기려고요", "5414")
    assert not _hinted("패키지 디자인 외주 맡기려고요", "3222")


def test_a_redesign_of_a_design_has_no_renovation_hint():
    assert not _hinted("로고 디자인 리뉴얼", "236")


def test_facility_technicians_are_building_engineers_not_an_engineering_firm():
    text = "본사 건물 시설관리 기술인력 2명 파견 요청드립니다"
    assert _hinted(text, "561210")
    assert not _hinted(text, "5413")


def test_an_event_the_need_giver_takes_part_in_is_where_the_work_stands_not_what_is_bought():
    text = "시카고 K-뷰티 엑스포 참가용 부스 제작 — 조명, 전기 배선 포함"
    found = _found(text)
    assert not any("엑스포" in f for f in found)
    assert "뷰티" not in " ".join(found)
    assert _hinted(text, "238210")
    reading = _reading(text)
    assert not any(h.startswith("5619") and "엑스포" in "".join(reading.understood) for h in reading.naics_hints)


def test_an_event_named_alone_is_still_the_ask():
    assert any("페스티벌" in f for f in _found("푸드 페스티벌 기획 업체"))


def test_sending_in_a_marketing_need_that_names_no_goods_is_sending_messages_not_parcels():
    text = "문자 마케팅 세팅하고 매주 쿠폰 발송 대행해 주실 곳"
    assert _hinted(text, "5418")
    assert not _hinted(text, "492")


def test_goods_sent_keep_the_couriers():
    assert _hinted("샘플 발송 대행", "492")


def test_fm_in_a_radio_need_is_the_station_band_not_facility_management():
    text = "라디오 광고 하려는데 뉴욕 FM 채널 15초 광고 대행사 추천해주세요"
    assert not _hinted(text, "5612") and not _hinted(text, "56179")
    assert "FM" not in _found(text)


def test_fm_in_a_facilities_need_is_still_facility_management():
    assert _hinted("빌딩 FM 업체 찾습니다", "5612")


def test_the_searched_text_leaves_out_what_the_work_is_only_around():
    reading = _reading("라디오 광고 하려는데 뉴욕 FM 채널 15초 광고 대행사 추천해주세요")
    assert "FM" not in reading.search_text.split() and "facility" not in reading.search_text
    reading = _reading("사무실 바닥 타일 시공, 기존 카펫 뜯어내고 진행해 주세요")
    assert "carpet" not in reading.search_text and "tile" in reading.search_text
