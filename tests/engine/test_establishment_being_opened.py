"""An establishment the need-giver is opening is where the work is done, not what is searched (issue 13).

"한의원 개원 예정인데 간판이랑 인테리어": the clinic being opened is the setting of the sign and fit-out work; it
hints at no clinics and its words are not searched. Named without other work, or as an establishment already
running (오픈한지 3달), it keeps its context reading.
"""

from __future__ import annotations

from _korean_reading import found as _found, reading as _reading


def test_an_establishment_being_opened_is_where_the_work_is_done():
    text = "한의원 개원 예정인데 간판이랑 인테리어 견적 부탁드려요"
    found = _found(text)
    assert "한의원" not in found
    assert "간판" in found and "인테리어" in found
    assert not any(h.startswith("621") for h in _reading(text).naics_hints)


def test_an_establishment_already_running_is_still_searched_as_context():
    assert "카페" in _found("카페 오픈한지 3달 됐는데 에스프레소 머신 수리")
