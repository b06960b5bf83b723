"""Specification of how the failure classes of issue 13 are read, on the shared real extract.

Each class had an example of a need read wrong (an object outweighing the service asked for, a trade word
read as another trade, a bare ambiguous word sending a need to one industry, Hanja and legal forms unknown);
these tests say what the reading is now, with a variant or two of each so that a fix for one example is not
taken for a fix of its class.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mwbe_match import MatchConfig, Matcher, unique_firms
from mwbe_match.engine.lexicon import default_lexicon
from mwbe_match.engine.readers import KoreanReader
from mwbe_match.engine.readers.base import other_trade_heads
from mwbe_match.engine.readers.hanja import contains_hanja, hanja_to_hangul, hanja_words

CONFIG = MatchConfig(as_of=dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def matcher(real_directory) -> Matcher:
    return Matcher(unique_firms(real_directory), CONFIG)


def top_codes(matcher: Matcher, text: str, top: int = 5) -> list[str]:
    return [str(code) for code in matcher.shortlist(text, top=top)["naics_code"]]


def searched(matcher: Matcher, text: str, top: int = 20) -> set[str]:
    return {t for terms in matcher.shortlist(text, top=top)["matched_terms"] for t in terms}


# -- intent over nouns ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["design for a server room", "design of a server room for our new office",
                                  "we need someone to design our server room", "server room design"])
def test_a_design_need_for_a_server_room_ranks_designers_not_builders_or_installers(matcher, text):
    assert {"5413", "5414"} <= {h[:4] for h in matcher.read(text).naics_hints}
    codes = top_codes(matcher, text)
    assert codes and all(code[:4] in ("5413", "5414") for code in codes), codes


def test_an_english_design_need_for_a_server_room_ranks_like_its_korean_twin(matcher):
    english = matcher.shortlist("design for a server room", top=3)["account_number"].tolist()
    assert english == matcher.shortlist("서버실 설계", top=3)["account_number"].tolist()


@pytest.mark.parametrize("text, group", [("engineering for a warehouse", "5413"),
                                         ("consulting for a restaurant", "5416"),
                                         ("consulting on warehouse operations", "5416")])
def test_a_common_intent_word_decides_the_industry_of_the_object_it_is_for(matcher, text, group):
    assert group in {h[:4] for h in matcher.read(text).naics_hints}
    codes = top_codes(matcher, text)
    assert codes and all(code.startswith(group[:3]) for code in codes), codes  # no couriers, no restaurants


@pytest.mark.parametrize("text", ["design", "consulting services", "engineering"])
def test_a_common_intent_word_without_an_object_is_still_read_as_typed(matcher, text):
    assert matcher.read(text).naics_hints == ()


@pytest.mark.parametrize("text", ["temporary workers for a warehouse", "staffing for a restaurant"])
def test_people_for_a_place_are_staffing_not_the_place(matcher, text):
    codes = top_codes(matcher, text, top=10)
    assert codes and all(code.startswith("5613") for code in codes[:3]), codes
    assert not any(code[:2] in ("48", "49", "72") for code in codes), codes  # no couriers, no restaurants


def test_a_korean_restaurant_named_as_the_setting_gives_no_restaurant_hint(matcher):
    reading = matcher.read("플러싱 한식당 주방 설비")
    assert "42344" in reading.naics_hints and not any(h.startswith("7225") for h in reading.naics_hints)
    assert not any(code.startswith("7225") for code in top_codes(matcher, "플러싱 한식당 주방 설비", top=2))


# -- filler, courtesy and places ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["need help with office cleaning in manhattan",
                                  "Hi, could you recommend an office cleaning company in the Bronx? thanks",
                                  "please advise: office cleaning near Flushing, Queens ASAP",
                                  "thanks in advance, we need office cleaning close to Astoria"])
def test_request_filler_courtesy_and_places_in_lower_or_title_case_are_never_searched(matcher, text):
    words = searched(matcher, text)
    assert {"office", "cleaning"} & words
    assert not words & {"need", "help", "manhattan", "bronx", "recommend", "thanks", "please", "advise", "flushing",
                        "queens", "asap", "hi", "company", "advance", "near", "close", "astoria"}
    assert matcher.read(text).unmatched_words == ()


@pytest.mark.parametrize("text", ["please advise on an accountant in Harlem", "kindly advise a caterer for 50 people"])
def test_please_advise_is_a_courtesy_not_a_request_for_consultants(matcher, text):
    assert not any(h.startswith("5416") for h in matcher.read(text).naics_hints)


# -- a trade word is not another trade ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["3D 프린팅", "3D프린팅", "3D printing"])
def test_a_3d_printing_need_ranks_no_commercial_printer_first(matcher, text):
    assert not any(h.startswith("323") for h in matcher.read(text).naics_hints)
    assert not any(code.startswith("323") for code in top_codes(matcher, text, top=3))


def test_the_head_word_of_a_phrase_that_alone_names_another_trade_weighs_as_an_object():
    lexicon = default_lexicon()
    assert other_trade_heads(("3d printing",), ("339999",), lexicon) == {("3d printing", "printing")}
    assert other_trade_heads(("it consulting",), ("541512",), lexicon) == frozenset()  # IT names the trade
    assert other_trade_heads(("language services",), ("541930",), lexicon) == frozenset()  # no trade of its own
    assert other_trade_heads(("commercial printing",), ("323111",), lexicon) == frozenset()  # its own trade


@pytest.mark.parametrize("text", ["통관 대행", "통관 대행해 주실 업체", "수입 통관 대행", "관세사 통관 대행"])
def test_customs_clearance_on_our_behalf_is_customs_brokerage_not_an_insurance_agency(matcher, text):
    assert "488510" in matcher.read(text).naics_hints
    codes = top_codes(matcher, text, top=10)
    assert codes[0].startswith("4885") and not any(code.startswith("524") for code in codes), codes


def test_agency_work_alone_hints_at_no_industry(matcher):
    assert matcher.read("대행").naics_hints == ()


@pytest.mark.parametrize("text, group", [("영상 제작", "5121"), ("홍보 영상 제작", "5121"), ("동영상 제작", "5121"),
                                         ("간판 제작", "3399")])
def test_production_of_a_thing_is_that_trade_not_duct_fabrication(matcher, text, group):
    codes = top_codes(matcher, text)
    assert codes[0].startswith(group) and not any(code[:4] in ("2382", "3323") for code in codes), codes


def test_production_alone_hints_at_no_industry(matcher):
    assert matcher.read("제작").naics_hints == ()


# -- an ambiguous word decides nothing alone -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["보안", "보안 업체", "security"])
def test_security_alone_is_ambiguous_and_hints_at_no_industry(matcher, text):
    assert matcher.read(text).naics_hints == ()


@pytest.mark.parametrize("text", ["서버 보안 강화", "회사 서버 보안 좀 봐주실 분", "홈페이지 보안 강화 필요", "PC 보안 점검",
                                  "해킹 당해서 보안 업체 필요", "server security review", "website security"])
def test_security_of_computers_is_cybersecurity_not_guards(matcher, text):
    codes = top_codes(matcher, text, top=3)
    assert codes and all(code.startswith("5415") for code in codes), codes


@pytest.mark.parametrize("text", ["매장 보안 요원", "건물 보안 경비원", "창고 경비"])
def test_security_staff_are_still_guards(matcher, text):
    assert top_codes(matcher, text, top=1)[0].startswith("5616")


# -- Hanja and legal forms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("hanja, hangul", [("事務室", "사무실"), ("株式會社", "주식회사"), ("見積", "견적"), ("韓國", "한국"),
                                           ("料理", "요리"), ("女子", "여자"), ("勞動", "노동"), ("比率", "비율"),
                                           ("不動産", "부동산"), ("不安", "불안")])
def test_hanja_are_read_in_hangul_with_the_initial_sound_law(hanja, hangul):
    assert hanja_to_hangul(hanja) == hangul
    assert hanja_words(f"{hanja} 관련") == ((hanja, hangul),)


def test_chinese_that_is_no_korean_hanja_is_left_as_written():
    assert hanja_to_hangul("办公室清洁") == "办公室清洁" and not contains_hanja("办公室清洁")
    assert hanja_to_hangul("사무실 청소") == "사무실 청소" and not contains_hanja("office")


@pytest.mark.parametrize("text, plain", [("事務室 청소 업체", "사무실 청소 업체"), ("事務室 淸掃", "사무실 청소"),
                                         ("見積 부탁드립니다 배관 수리", "견적 부탁드립니다 배관 수리"),
                                         ("不動産 賃貸 仲介", "부동산 임대 중개")])
def test_a_need_written_with_hanja_reads_like_its_hangul(matcher, text, plain):
    reading = matcher.read(text)
    assert reading.unknown_terms == () and reading.naics_hints == matcher.read(plain).naics_hints
    assert any(note.endswith("(Hanja)") for note in reading.understood_terms)
    assert matcher.shortlist(text, top=5)["account_number"].tolist() == \
        matcher.shortlist(plain, top=5)["account_number"].tolist()


@pytest.mark.parametrize("text", ["주식회사 사무실 청소", "株式會社 사무실 청소", "유한회사 사무실 청소", "(주) 사무실 청소"])
def test_a_legal_form_is_no_word_of_the_need(text):
    reading = KoreanReader().read(text, CONFIG)
    assert reading.unreadable == ()
    plain = KoreanReader().read("사무실 청소", CONFIG)
    assert reading.naics_hints == plain.naics_hints
    assert {w.word for w in reading.words} == {w.word for w in plain.words}
