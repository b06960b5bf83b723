"""An event the need takes part in is where the work is for, not what is bought (issue 13, messy Korean).

"X 페스티벌 참가 부스": the festival is aside (the booth is the ask), and so are the words of its name written
in one compound with it (코리안 푸드 페스티벌: no food is bought), also when such a word is a loanword
read by sound.
"""

from __future__ import annotations

from _korean_reading import found as _found, reading as _reading


def test_an_event_taken_part_in_is_aside_with_the_words_of_its_name():
    text = "퀸즈 코리안 푸드 페스티벌 참여 부스 10개 설치해 주실 업체"
    found = _found(text)
    assert not any("푸드" in f or "페스티벌" in f for f in found)
    assert any("부스" in f for f in found)
    assert not any(h.startswith("7223") or h.startswith("7113") for h in _reading(text).naics_hints)


def test_an_event_named_without_taking_part_is_still_read():
    assert any("페스티벌" in f for f in _found("푸드 트럭 페스티벌 부스 설치"))
