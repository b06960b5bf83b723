"""Specification of two classes of words that must not decide a need's industry: company names (whatever trade
word they contain) and the goods that transport, storage, customs, moving, disposal or recycling work handles."""

from __future__ import annotations

import datetime as dt

import pytest

from mwbe_match import MatchConfig, Matcher
from mwbe_match.engine.lexicon import default_lexicon
from mwbe_match.engine.readers import default_readers, reader_for
from mwbe_match.engine.readers.companies import company_spans

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))
READERS = default_readers()


def read(text: str):
    return reader_for(text, READERS).read(text, CONFIG)


def hints(text: str) -> set[str]:
    return set(read(text).naics_hints)


def weights(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for w in read(text).words:
        out[w.word] = max(out.get(w.word, 0.0), w.weight)
    return out


# --------------------------------------------------------------------------- company names


@pytest.mark.parametrize("name, trade", [
    ("삼성건설", "건설"), ("현대 건설", "건설"), ("롯데푸드", "푸드"), ("현대그린푸드", "푸드"), ("H마트", "마트"),
    ("신한은행", "은행"), ("우리은행", "은행"), ("한국관광공사", "공사"), ("서울교통공사", "공사"), ("LG전자", "전자"),
    ("CJ대한통운", "통운"), ("SK에코플랜트", "플랜트"), ("한국콘텐츠진흥원", "진흥원"), ("롯데렌탈", "렌탈"),
])
def test_a_company_name_gives_no_hint_whatever_trade_word_it_contains(name, trade):
    need = f"{name} 사무실 청소 업체 찾습니다"
    assert hints(need) == hints("사무실 청소 업체 찾습니다")
    assert read(need).unreadable == ()
    assert trade not in " ".join(read(need).understood)


@pytest.mark.parametrize("word", ["건설", "푸드 트럭", "마트", "공사", "렌탈", "전자제품"])
def test_the_same_trade_word_standing_alone_still_gives_its_hint(word):
    assert hints(f"{word} 업체 찾습니다")


def test_a_common_word_that_begins_a_bank_name_stays_a_word():
    assert company_spans("우리은행 하나카드 국민은행") == [(0, 4), (5, 9), (10, 14)]
    assert company_spans("우리 마트 청소, 하나 더 설치, 서울사무실공사, 한국식품 납품") == []


@pytest.mark.parametrize("need, alone", [
    ("Samsung Construction site office cleaning", "site office cleaning"),
    ("office cleaning for Hyundai Engineering", "office cleaning"),
    ("catering for our landlord Vornado", "catering for our landlord"),
    ("janitorial services for the Amazon office", "janitorial services for the office"),
    ("Restaurant Depot delivery of produce", "delivery of produce"),
])
def test_an_english_company_name_gives_no_hint(need, alone):
    assert hints(need) == hints(alone)


def test_an_english_trade_word_after_a_company_name_is_still_read_when_it_is_not_part_of_the_name():
    assert "23" in hints("Samsung office construction")  # lower-case: the work, not the name
    assert "23" in hints("construction")


def test_every_bundled_company_form_gives_no_hint_and_is_not_searched():
    base_ko, base_en = "사무실 청소", "office cleaning"
    expected_ko, expected_en = hints(base_ko), hints(base_en)
    searched_ko, searched_en = set(weights(base_ko)), set(weights(base_en))
    for concept in default_lexicon().concepts("company"):
        for form in concept.ko:
            assert hints(f"{form} {base_ko}") == expected_ko, form
            assert set(weights(f"{form} {base_ko}")) <= searched_ko, form
        for form in concept.en:
            assert hints(f"{form} {base_en}") == expected_en, form
            assert set(weights(f"{form} {base_en}")) <= searched_en, form


# --------------------------------------------------------------------------- cargo


@pytest.mark.parametrize("need, work", [
    ("화장품 운송", "484"), ("화장품 보관", "4931"), ("화장품 통관", "488510"), ("화장품 해상 운송", "483"),
    ("ship our cosmetics to the warehouse", "492"), ("IT장비 폐기", "562"),
    ("IT장비 재활용", "562920"), ("IT장비 수거", "5621"), ("사무가구 보관", "4931"),
    ("ship our cosmetics", "492"), ("recycle old laptops", "562920"), ("store office furniture", "4931"),
    ("laptop recycling", "562920"), ("transport of cosmetics", "484"),
])
def test_the_goods_handled_do_not_decide_the_industry_the_handling_work_does(need, work):
    found = hints(need)
    assert any(h.startswith(work) for h in found)
    assert not any(h.startswith(("3256", "4242", "4234", "4232", "3372", "4491", "45612")) for h in found)


@pytest.mark.parametrize("need", ["화장품 운송", "ship our cosmetics"])
def test_the_goods_handled_are_still_searched_as_context_at_the_object_weight(need):
    assert weights(need)["cosmetics"] == CONFIG.object_weight


@pytest.mark.parametrize("goods, prefix", [("화장품", "3256"), ("cosmetics", "3256"), ("laptops", "4234"),
                                           ("office furniture", "4232")])
def test_goods_named_alone_or_with_other_work_still_decide_the_industry(goods, prefix):
    assert any(h.startswith(prefix) for h in hints(goods))
    assert any(h.startswith(prefix) for h in hints(f"{goods} supply"))


def test_goods_named_apart_from_the_handling_work_keep_their_hint():
    # a move and the installation of office furniture: a furniture need too
    assert any(h.startswith("4232") for h in hints("office move with movers, and installation of office furniture"))


@pytest.mark.parametrize("need, goods", [("Office supplies delivery", "4241"), ("사무용품 배송", "4241"),
                                         ("토너 배송", "4234"), ("화장품 배송", "3256")])
def test_goods_delivered_are_goods_bought_so_they_keep_their_hint(need, goods):
    assert any(h.startswith(goods) for h in hints(need))


def _names(matcher: Matcher, need: str, top: int = 5) -> list[str]:
    return [str(n) for n in matcher.shortlist(need, top=top)["name"]]


@pytest.fixture(scope="module")
def matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


@pytest.mark.parametrize("need", ["Office supplies delivery", "사무용품 배송", "토너 배송"])
def test_a_delivery_of_supplies_ranks_a_supply_dealer_first_not_a_courier(matcher, real_directory, need):
    first = _names(matcher, need, top=1)[0]
    code = str(real_directory.loc[real_directory["name"] == first, "naics_code"].iloc[0])
    assert code.startswith(("42", "45")), (first, code)


# --------------------------------------------------------------------------- store, company names and trade words


def test_store_opening_a_need_before_no_kept_thing_is_the_noun_so_sign_makers_are_shortlisted(matcher):
    assert not any(h.startswith("4931") for h in hints("Store signage and awning"))
    assert any("sign" in n.lower() for n in _names(matcher, "Store signage and awning", top=3))
    assert any(h.startswith("4931") for h in hints("store old files"))


def test_a_spaced_suffix_followed_by_a_noun_it_compounds_with_is_the_trade_word_not_a_company():
    assert "전자" in " ".join(read("삼성 전자 제품 수리").understood)
    assert any(h.startswith("8112") for h in hints("삼성 전자 제품 수리"))
    assert company_spans("삼성 전자 제품 수리") == []
    assert company_spans("현대 건설 사무실 청소") == [(0, 5)]


def test_an_english_company_name_does_not_absorb_a_name_word_that_begins_a_title_cased_phrase():
    assert "food" in " ".join(read("Costco Food Court cleaning").understood)
    assert hints("Samsung Construction site office cleaning") == hints("site office cleaning")


@pytest.mark.parametrize("need", ["서울학원공사", "서울병원공사", "서울학교공사"])
def test_gongsa_after_a_school_or_hospital_is_construction_work_not_a_public_body(need):
    assert company_spans(need) == []
    assert any(h.startswith("23") for h in hints(need))
