"""A place the goods go to is not what is bought (issue 13, messy Korean).

"병원 병실 꽃바구니": a place object, then a room of it, then goods, in one compound: the goods go to that room,
so the place is aside (not searched, no hint). Work done on the place itself (호텔 객실 리모델링) keeps it.
"""

from __future__ import annotations

from _korean_reading import found as _found


def test_a_place_whose_room_the_goods_go_to_is_aside():
    found = _found("다음주 VIP 손님 오시는데 리조트 스위트룸 과일바구니 준비 부탁드려요")
    assert "리조트" not in found
    assert any("과일바구니" in f for f in found)


def test_a_place_worked_on_is_still_read():
    assert "호텔" in _found("호텔 객실 리모델링")


def test_a_lobby_is_where_work_is_done_and_keeps_its_place():
    assert "병원" in _found("병원 로비 디지털 사이니지 설치")
