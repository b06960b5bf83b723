"""What a sentence names only around the work it asks for, found on the traps of messy development set 3 (issue 13).

A need names the place its work is done at (창고 지붕에 태양광 패널, 실외기 위에 둥지, 공유오피스 내 키오스크), the
thing room is made for (냉장고 자리 확보), what drives over the floor being coated (지게차 다니는 구간), a condition
the work must meet (은행 대출 조건), what the party is to feel like (팬미팅 같은 분위기로) and whose brand it is (화장품
브랜드의 등록): none of these is bought, so when the need asks for other work they are neither searched nor an industry
hint. A provider that quit or vanished is why the need is written, not what it asks for. Work done in the past
(작년에 교체한 온수기), work the law rules out (나쁜 리뷰 삭제는 불법이라 빼고요), what comes from elsewhere (전기는
공원에서 끌어옴) and the files' format the need-giver supplies (저희가 AI로 드릴게요) are not asked for. A situation
named as the cause of a need that names its own work (전기세 부담 때문에 ... 충전기) is only why. A concept alone in
parentheses after another (기술인력(엔지니어), 정비사(중장비)) glosses it and adds no industry of its own.
"""

from __future__ import annotations

import pytest

from _korean_reading import found as _found, hinted as _hinted, reading as _reading


@pytest.mark.parametrize(("text", "place", "asked"), [
    ("창고 지붕에 태양광 패널 설치 견적 요청드립니다.", "지붕", "태양광 패널"),
    ("비둘기가 실외기 위에 둥지를 틀었어요 버드 스파이크 설치해주는 업체 있나요?", "실외기", "버드 스파이크"),
    ("한국 중소기업 전용 공유오피스 내 출입 키오스크 및 방문객 관리 시스템 구축", "공유오피스", "키오스크"),
])
def test_the_place_the_work_is_done_at_is_neither_searched_nor_a_hint(text, place, asked):
    found = _found(text)
    assert place not in found and asked in found


def test_the_place_of_the_work_gives_no_hint_of_its_own_trade():
    assert not _hinted("창고 지붕에 태양광 패널 설치", "23816")  # no roofing
    assert not _hinted("공유오피스 내 출입 키오스크 및 방문객 관리 시스템 구축", "5311")  # no office leasing


@pytest.mark.parametrize("text", [
    "냉장고에 성에가 껴요 수리 부탁드려요",  # only a bare intent after it: the fridge is what is fixed
    "에어컨에 물이 새서 에어컨 수리 업체 찾아요",
])
def test_a_thing_the_need_names_no_other_trade_for_stays_the_ask(text):
    assert any(w in _found(text) for w in ("냉장고", "에어컨"))


@pytest.mark.parametrize(("text", "aside", "asked"), [
    ("싱크대 하부장 교체, 수전 교체, 벽 타일 일부, 냉장고 자리 확보", "냉장고", "수전"),       # room made for it
    ("공장 바닥 에폭시 코팅 약 12,000sqft, 지게차 다니는 구간은 두껍게", "지게차", "에폭시 코팅"),  # drives over it
    ("부지 매입 전 환경평가 및 토양 시료 채취 용역 — 은행 대출 조건", "은행", "환경평가"),       # a condition
    ("팬미팅 같은 분위기로 신제품 런칭 파티 할건데 포토부스 대여랑 풍선 장식 해주실분??", "팬미팅", "포토부스"),
])
def test_what_the_sentence_says_the_work_is_only_around_is_not_searched(text, aside, asked):
    found = _found(text)
    assert aside not in found and asked in found


def test_a_condition_of_the_bank_gives_no_banking_hint():
    assert not _hinted("뉴저지 부지 매입 전 환경평가(Phase I ESA) 용역 — 은행 대출 조건", "522")


def test_a_brand_named_as_whose_it_is_asks_for_no_branding_nor_its_goods_industry():
    text = "미국 진출 예정인 본사 화장품 브랜드의 FDA MoCRA 등록과 영문 라벨 검토 컨설팅 부탁드립니다."
    assert "브랜드" not in _found(text)
    assert not _hinted(text, "3256") and not _hinted(text, "5418")
    assert "브랜드" not in _found("저희 자체 카페 브랜드 매장 8곳 — 디지털 메뉴보드 콘텐츠 제작")
    assert "브랜드" in _found("카페 브랜드 만들어 주실 디자이너 찾아요")  # making the brand is the work


@pytest.mark.parametrize(("text", "gone", "asked"), [
    ("앱 버그 수정이랑 안드로이드 업데이트 해줄 개발자 급구요 ㅠ 원래 하던 프리랜서가 잠수탐;;", "프리랜서", "버그 수정"),
    ("건물 관리인이 그만둬서 주 2회 방문하는 핸디맨 서비스 찾고 있습니다.", "건물 관리인", "핸디맨"),
])
def test_a_provider_who_quit_or_vanished_is_why_the_need_is_written_not_searched(text, gone, asked):
    found = _found(text)
    assert gone not in found and asked in found


def test_a_provider_who_quit_is_still_asked_for_when_the_need_names_nothing_else():
    assert any("청소" in f for f in _found("우리 청소업체가 그만둬서 새로 구해요"))


def test_work_done_in_the_past_on_the_thing_named_is_not_asked_for():
    reading = _reading("온수기 점검 부탁드립니다. 작년에 교체한 75갤런 가스 온수기 2대이고, 연통 상태도 같이 봐주세요.")
    assert "교체" in reading.excluded
    assert "가스 온수기" in {n.split(" → ")[0] for n in reading.understood}
    assert not _reading("온수기 교체한 다음에 점검도 해주세요").excluded  # no time in the past: not done yet
    assert "교체" in _found("지난달에 말씀드린 배관 교체 견적 부탁드립니다")  # the past time is not its own


def test_a_topic_whose_act_the_law_rules_out_is_excluded():
    reading = _reading("리뷰 관리 대행 가능한 곳 찾습니다. 나쁜 리뷰 삭제는 불법이라고 들어서 그건 빼고요 ㅎ")
    assert "나쁜 리뷰" in reading.excluded
    assert "리뷰 관리" in {n.split(" → ")[0] for n in reading.understood}


def test_what_is_drawn_from_elsewhere_is_not_asked_for():
    reading = _reading("무대 조명 렌탈 / 전기는 공원에서 끌어옴(발전기 불필요)")
    assert "전기" in reading.excluded and "발전기" in reading.excluded
    assert "조명 렌탈" in {n.split(" → ")[0] for n in reading.understood}


def test_the_format_of_files_the_need_giver_supplies_is_not_searched():
    reading = _reading("포스터 50장 인쇄 부탁드립니다. 디자인 파일은 저희가 AI로 드릴게요.")
    assert "AI" in reading.excluded
    assert not _hinted("포스터 50장 인쇄 부탁드립니다. 디자인 파일은 저희가 AI로 드릴게요.", "5415")


def test_a_situation_named_as_the_cause_of_work_the_need_names_is_only_why():
    text = "물류센터 주차장에 전기차 충전기 8기 설치 검토 중입니다. 전기세 부담 때문에 리베이트 받을 수 있는 레벨2로요."
    found = _found(text)
    assert "전기세" not in found and "전기차 충전기" in found


def test_a_concept_glossing_another_in_parentheses_adds_no_industry_of_its_own():
    assert not _hinted("두산밥캣 딜러샵 정비사(중장비) 2명 및 부품 창고 관리원 1명 채용 대행사 선정", "5324")
    assert "중장비" in _found("두산밥캣 딜러샵 정비사(중장비) 2명 채용 대행사 선정")  # still searched: the speciality


def test_a_place_said_as_the_answer_to_where_is_not_searched():
    text = "신제품 런칭 파티 할건데 포토부스 대여랑 풍선 장식 해주실분?? 저지시티 루프탑이요"
    assert "루프탑" not in _found(text) and "포토부스" in _found(text)
    assert "루프탑" in _found("루프탑 있는 행사장 찾아요")  # the venue asked for


def test_what_someone_else_is_bringing_is_not_asked_for():
    reading = _reading("박과장님이 코스트코에서 복사지 사오신다고 해서 사무용품은 됐고요 대신 명함 새로 인쇄")
    assert "복사지" in reading.excluded
    assert "복사지" in _found("복사지 사다 주실 분 구해요")  # an errand asked for


def test_medical_gas_piping_is_plumbing_work_not_medical_care():
    text = "치과 개원 (베이사이드) — 인테리어 GC, 의료가스 배관, 엑스레이실 납차폐, 덴탈 체어 4대 설치"
    assert "의료가스 배관" in _found(text)
    assert not _hinted(text, "621") and _hinted(text, "238220")


def test_a_topic_refused_as_such_is_excluded_wherever_the_need_names_it():
    reading = _reading("사무실 이사하면서 나온 폐가구랑 잡동사니 버려주는 정크 리무벌 업체요~ 이사는 다른 업체가 해요")
    assert "이사" in reading.excluded and "정크 리무벌" in _found("정크 리무벌 업체요~ 이사는 다른 업체가 해요")
    assert "이사" in _found("사무실 이사하면서 나온 폐가구 버려주는 업체요")  # no refusal: the move stays


def test_what_the_storage_waits_for_is_not_bought():
    text = "보세창고 단기 보관 (2주) 20ft 컨테이너 1개분, 엘리자베스항 인근 — CBP 검사 대기용"
    assert "CBP 검사" not in _found(text) and "보세창고" in _found(text)


def test_the_errand_someone_is_accompanied_to_is_not_bought_but_the_service_that_accompanies_is():
    text = "주재원 3명 — 렌트카/법인 차량 리스 상담, 은행계좌·SSN 발급 동행 (정착 지원 서비스)"
    assert "은행계좌" not in _found(text) and not _hinted(text, "5221")
    assert "통역" in _found("병원 진료 통역 동행 서비스")


def test_the_speciality_of_a_provider_names_which_provider_not_a_trade_of_its_own():
    text = "물류 클레임 대행 업체 선정 — 해상운송 전문 변호사 연계 가능 업체 우대"
    assert not _hinted(text, "4831") and _hinted(text, "5411")
    assert "해상운송" in _found(text)  # still searched: a maritime lawyer
    assert _hinted("상표 전문 변호사 찾아요", "5411")
