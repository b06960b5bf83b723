"""Specification of reading a need's context (engine/readers/context.py): words that say where a need is, whose
business it is, what the work is done to, what a thing looks like and why it is needed are not the service
asked for, so they never name an industry on their own."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings, strategies as st

from mwbe_match import MatchConfig
from mwbe_match.engine.readers import EnglishReader, KoreanReader
from mwbe_match.engine.readers.context import english_address_spans, korean_address_spans
from mwbe_match.engine.readers.korean import normalize_text
from mwbe_match.engine.text import tokenize

CONFIG = MatchConfig()


@lru_cache(maxsize=1)
def english() -> EnglishReader:
    return EnglishReader().for_index(None)


@lru_cache(maxsize=1)
def korean() -> KoreanReader:
    return KoreanReader()


def read(text: str):
    return (korean() if korean().detects(text) else english()).read(text, CONFIG)


def hinted(text: str) -> set[str]:
    return {prefix for hints in read(text).hint_sets for prefix in hints}


def hints_at(text: str, prefix: str) -> bool:
    return any(p.startswith(prefix) or prefix.startswith(p) for p in hinted(text))


def searched(text: str) -> set[str]:
    return {w.word for w in read(text).words}


def weight_of(text: str, word: str) -> float:
    return max((w.weight for w in read(text).words if w.word == word), default=0.0)


# ------------------------------------------------------------------ street addresses are places

def test_a_street_address_is_a_place_never_searched_and_never_road_construction():
    for text in ("We opened our cosmetics shop on 32nd Street two months ago",
                 "Carpet tile in our office on West 33rd St", "Signage for a store at 5th Ave and W 47th St",
                 "Office cleaning at 123 Main St", "Restaurant fit-out on Northern Blvd", "A storefront on Broadway"):
        assert not hints_at(text, "2373"), text
        assert not searched(text) & {"street", "st", "ave", "blvd", "northern", "broadway", "32nd", "47th"}, text


def test_road_and_street_construction_without_an_address_still_read_as_that_trade():
    assert hints_at("Road paving and street construction for our parking lot", "2373")
    assert hints_at("Asphalt repair on Northern Blvd", "2373")  # the asphalt work, not the address
    assert hints_at("Asphalt Road Repair And Paving", "2373")  # a title-cased line names no street


def test_korean_street_addresses_are_places_and_counted_things_are_not():
    assert "west" not in searched("웨스트 33가 사무실 바닥 공사")
    assert "broadway" not in searched("브로드웨이 사무실 청소")
    assert hinted("노던블러바드 식당 인테리어") == hinted("식당 인테리어")
    assert korean_address_spans("32가에 화장품 매장") == [(0, 3)]
    for text in ("3가지 견적 부탁드립니다", "5가구 이사", "사무실 청소", "신제품 로드쇼 행사", "아마존 마켓플레이스 입점",
                 "코리안 스트리트 푸드 케이터링"):
        assert korean_address_spans(text) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["office", "cleaning", "the", "on", "for", "road", "street", "paving", "ft",
                                 "two", "way", "food", "court", "new", "design"]), max_size=12))
def test_lower_case_words_without_a_number_or_ordinal_are_never_an_address(words):
    tokens = tokenize(" ".join(words))
    assert english_address_spans(tokens, tokens) == {}


# ------------------------------------------------------------------ the need-giver's own business and goods

def test_the_goods_of_the_need_givers_own_shop_name_no_industry():
    text = "We opened our cosmetics shop two months ago, but people walk right past it"
    assert not hints_at(text, "456120") and not hints_at(text, "3256")
    assert not hints_at("32가에 화장품 매장 오픈한지 두달 됐는데 사람들이 그냥 지나쳐가요", "456120")


def test_the_words_that_say_what_the_need_givers_own_establishment_is_are_context():
    text = "Our metal finishing plant in Long Island City needs pickup and disposal of drums of spent solvent"
    assert 0 < weight_of(text, "finishing") <= CONFIG.object_weight  # the plant's business, not painting work
    assert hints_at(text, "5621")  # the ask: waste collection
    assert not hints_at(text, "4921")  # a pickup next to disposal is no courier's parcel pickup
    assert not hints_at(text, "56173")  # the plant is a factory here, not plantscaping


def test_a_name_in_front_of_the_establishment_is_left_as_typed():
    text = "Background checks for drivers at our Edison warehouse"
    assert weight_of(text, "edison") == weight_of("Background checks for drivers at the Edison warehouse", "edison")


def test_services_after_the_establishment_are_still_the_ask():
    assert hints_at("Our office needs nightly janitorial for 12,000 sq ft", "5617")
    assert hints_at("The plants in our lobby keep dying", "56173")


def test_a_service_before_a_firm_of_ours_is_the_provider_the_need_replaces():
    assert hints_at("Our cleaning company quit, need someone nightly for 5,000 sq ft", "56172")
    assert hints_at("Our moving company cancelled on us", "4842")


def test_what_a_provider_must_be_is_no_work_asked_for():
    surveyor = "We need a licensed land surveyor for a boundary survey"
    assert hinted(surveyor) <= {"541370"}  # surveying only: no licensing or permit expediting
    assert weight_of(surveyor, "licensing") < weight_of("Help with business licensing and permits", "licensing")
    bonded = "Looking for an insured and bonded contractor to replace the sidewalk"
    assert weight_of(bonded, "insurance") < weight_of("We need business insurance for our office", "insurance")
    assert not hints_at(bonded, "5242") and not hints_at(bonded, "5241")


def test_a_provider_the_need_giver_already_has_is_not_the_ask():
    text = "Boundary survey of a 2-acre lot; our civil engineer needs the survey in CAD"
    assert not hints_at(text, "54133")
    assert hints_at("We need a civil engineer for the site plan", "54133")


@pytest.mark.parametrize("text, own, asked", [
    ("저희 회계사가 서류 번역이 필요하대요", "5412", "54193"),          # our accountant needs a translation
    ("우리 변호사님이 서류 번역 업체 알아보라고 하셨어요", "5411", "54193"),  # our lawyer wants a translator
    ("기존 청소 업체가 계약 끝나서 경비 업체 찾아요", "56172", "561612"),     # the old cleaners left: guards asked
    ("원래 하던 IT 업체가 폐업해서 번역 업체 알아봐요", "5415", "54193"),       # a provider gone, no possessive
    ("건물 관리인이 그만둬서 주 2회 방문하는 핸디맨 서비스 찾고 있습니다", "531312", "811490"),
])
def test_a_korean_provider_the_need_giver_already_has_is_context_when_the_need_names_other_work(text, own, asked):
    assert not hints_at(text, own)
    assert hints_at(text, asked)


@pytest.mark.parametrize("text, asked", [
    ("우리 청소업체가 그만둬서 새로 구해요", "56172"),     # "our cleaning company quit": cleaning is the need
    ("저희 회계사가 그만둬서 새 회계사 찾아요", "541219"),
    ("기존 IT 업체가 너무 느려서 새 업체 찾습니다", "5415"),
    ("청소 업체가 필요해요", "56172"),                   # no provider the need-giver has: the ask
    ("저희 사무실 청소 업체 찾아요", "56172"),             # not the subject of a clause: the ask
])
def test_a_korean_provider_the_need_replaces_stays_the_ask(text, asked):
    assert hints_at(text, asked)


def test_the_korean_and_english_readings_of_an_own_provider_agree():
    english_text = "Our accountant needs the documents translated"
    korean_text = "저희 회계사가 서류 번역이 필요하대요"
    for text in (english_text, korean_text):
        assert hints_at(text, "54193") and not hints_at(text, "5412")


def test_goods_introduced_by_our_are_objects_when_the_need_asks_for_a_service():
    text = ("For the trade show we need a new catalog of our 150 snack and sauce SKUs - studio product photography"
            " - catalog layout and design - 2,000 printed copies")
    assert hints_at(text, "541922")
    assert not hints_at(text, "3119") and not hints_at(text, "4244")


def test_our_goods_are_still_what_is_bought_when_no_other_work_is_named():
    assert hints_at("We need to restock our printer toner and copy paper", "4234")


def test_goods_a_service_is_done_to_are_not_bought():
    text = ("We are closing a production line and need the machinery (five pieces, about 12 tons in total) "
            "professionally crated for export, loaded into containers and shipped to Busan.")
    assert hints_at(text, "488991")
    assert not hints_at(text, "333") and not hints_at(text, "4238")


# ------------------------------------------------------------------ modifiers, background, providers

def test_a_participle_before_a_noun_names_no_trade_of_its_own():
    text = "We need locked shred bins for our accounting department, emptied and shredded every two weeks."
    assert hints_at(text, "5619")
    assert not hints_at(text, "56162")  # locked: no locksmiths
    assert hints_at("Chauffeured car service for visiting executives", "4853")  # the same trade stays


def test_what_comes_before_so_we_need_is_background_not_the_ask():
    text = ("We're hiring 15 forklift operators and delivery drivers for our Edison warehouse, so we need "
            "pre-employment background checks, DOT drug testing, and OSHA training.")
    assert hints_at(text, "561611")
    assert not hints_at(text, "56131")  # hiring is why, not what is asked for
    korean_text = "창고에 배송 드라이버 15명 채용 예정이라, 채용 전 신원조회, 약물검사 해줄 업체들 찾고 있습니다."
    assert hints_at(korean_text, "561611") and not hints_at(korean_text, "56131")


def test_the_work_a_named_provider_is_to_do_does_not_name_another_industry():
    text = ("Need two contract Java developers onsite in Jersey City for six months, through a staffing firm "
            "that puts them on its own W-2 payroll.")
    assert hints_at(text, "5613")
    assert not hints_at(text, "5412")  # W-2 payroll: no tax preparers or accountants
    korean_text = "5월 시작이고 W-2 급여처리까지 해주는 IT 인력파견 회사면 좋겠어요"
    assert hints_at(korean_text, "5613") and not hints_at(korean_text, "5412")


def test_tax_forms_in_a_staffing_need_are_context_but_a_payroll_need_keeps_them():
    assert not hints_at("Temp staffing agency for warehouse workers paid on W-2", "5412")
    assert hints_at("Payroll service to prepare W-2s and 1099s for our 40 employees", "5412")


def test_context_is_still_searched_at_the_object_weight():
    text = "We opened our cosmetics shop two months ago"
    assert 0 < weight_of(text, "cosmetics") <= CONFIG.object_weight


def test_korean_goods_after_jeohui_are_objects_when_a_service_is_asked():
    text = "저희 화장품 제품사진 촬영해줄 스튜디오"
    assert hints_at(text, "541922")
    assert not hints_at(text, "3256") and not hints_at(text, "456120")


def test_a_korean_word_the_need_names_again_is_read_where_it_stands():
    # 지게차 stands inside 지게차 기사 before the reason clause and on its own in the ask after it: the one after
    # it is asked for, as when the clause does not name it
    assert hints_at("기사 채용 예정이라, 지게차 교육 부탁드립니다", "53249")
    assert hints_at("지게차 기사 채용 예정이라, 지게차 교육 부탁드립니다", "53249")


@pytest.mark.parametrize("text", ["화장품 매장 오픈했는데 화장품 매장 간판", "HVAC 점검하고 HVAC 필터 교체",
                                  "32가 사무실 청소, 33가 사무실 청소", "fit-out 공사, fit-out 견적"])
def test_each_korean_term_knows_every_place_it_stands(text):
    expansion = korean().glossary.expand(text)
    where = normalize_text(text)
    assert len(expansion.spans) == len(expansion.terms)
    for (found, _), spans in zip(expansion.terms, expansion.spans):
        assert spans and all(where[start:end] == found for start, end in spans)
    assert max(map(len, expansion.spans)) == 2  # each names one term twice


def test_a_korean_reason_clause_needs_a_reason_ending_not_any_haeseo():
    assert hints_at("보험에 대해서 상담해줄 곳", "524")  # 에 대해서 is "about", no background
    assert not hints_at("사무실 이전 때문에 인터넷 설치", "4842")  # the move is why; the internet is asked


# ------------------------------------------------------------------ words no concept reads

def test_a_word_no_concept_reads_weighs_less_than_the_concepts_beside_it():
    text = "We need someone to take care of our computers"  # a situation: IT support
    assert CONFIG.unknown_word_weight <= weight_of(text, "take") < 1.0


def test_the_more_of_a_need_concepts_read_the_less_its_other_words_weigh():
    mostly_read = "Office cleaning and window cleaning, nightly"
    mostly_other = "Nightly office cleaning for the Flatiron tower, fourteen floors, marble lobby, brass fixtures"
    assert weight_of(mostly_read, "nightly") < weight_of(mostly_other, "nightly") < 1.0


def test_a_need_no_concept_reads_searches_its_words_at_full_weight():
    assert weight_of("zorbly quinacridone", "quinacridone") == 1.0


def test_without_the_lighter_weight_every_typed_word_weighs_like_a_concept():
    import dataclasses

    plain = dataclasses.replace(CONFIG, unknown_word_weight=1.0)
    words = english().read("We need someone to take care of our computers", plain).words
    assert max(w.weight for w in words if w.word == "take") == 1.0


def test_us_in_capitals_is_the_country_not_used_equipment():
    assert not hints_at("Our US customers often call after 6 pm", "4")
    assert "used" not in searched("We ship to the US and Canada")
    assert "used" in searched("Used forklifts for our warehouse")


def test_around_the_clock_says_when_the_work_is_done_not_that_clocks_are_bought():
    assert not hints_at("Security guards around the clock for our warehouse", "4239")
    assert hints_at("Security guards around the clock for our warehouse", "5616")
    assert hints_at("화물용 엘리베이터 유지보수", "2382") and "freight" not in searched("화물용 엘리베이터 유지보수")


def test_the_unit_of_a_hyphenated_number_measures_the_thing_and_names_no_goods():
    # "a 40-seat office" buys no seats, "a two-story showroom" no story, "Korean-style" no decor
    assert not hints_at("Structured cabling for a new 40-seat office floor", "3372")
    assert not hints_at("Structured cabling for a new 40-seat office floor", "4855")
    assert "seat" not in searched("Structured cabling for a new 40-seat office floor")
    assert "style" not in searched("Korean-style lunch boxes delivered by noon")
    assert hints_at("Korean-style lunch boxes delivered by noon", "7223")
    assert "story" not in searched("Window cleaning for our two-story showroom")
    # the same word as the thing asked for is still read
    assert hints_at("Seating for a 200-seat auditorium", "3372")


def test_pickup_and_delivery_of_what_another_trade_serves_is_how_that_trade_works_not_a_courier_job():
    linen = "Linen service for our restaurants: weekly pickup and delivery of tablecloths, napkins and towels"
    assert not hints_at(linen, "492") and hints_at(linen, "8123")
    oil = "Regular pickup of used cooking oil from our three restaurants"
    assert not hints_at(oil, "492") and hints_at(oil, "562")
    # a courier's own work, and the need-giver's own things, stay deliveries
    assert hints_at("Same-day courier delivery of documents within Manhattan", "492")
    assert hints_at("Pickup and delivery of our samples to clients in Manhattan", "492")
    # what no trade that picks up what it serves would carry stays a courier's work too
    assert hints_at("Pickup and delivery of medical specimens to labs", "492")
    assert hints_at("Pickup and delivery of boxes between our two stores", "492")


def test_goods_a_service_is_done_on_are_not_bought():
    wraps = "Full vinyl wraps with the new design on six delivery vans"
    assert not hints_at(wraps, "4231") and not hints_at(wraps, "4411") and hints_at(wraps, "33995")
    assert not hints_at("Install Windows and antivirus on 40 laptops", "4234")
    # goods asked for keep their say
    assert hints_at("We need 40 laptops delivered on Monday", "4234")
    assert hints_at("Six delivery vans for our bakery", "4231")
    # goods other than equipment after "on" are bought: the shirts a logo is embroidered on
    assert hints_at("Embroider our logo on 50 polo shirts", "4243") and hints_at("Embroider our logo on 50 polo shirts", "3152")


# ------------------------------------------------------------------ the provider's own work, by industry

def test_the_drawings_an_architect_is_to_prepare_are_the_object_of_its_work_not_a_drafting_need():
    text = "Architect to prepare drawings and file permits for our restaurant renovation."
    assert hints_at(text, "54131")
    assert not hints_at(text, "54134")  # drafting shares the architects' group 5413, not their industry
    assert 0 < weight_of(text, "drafting") < weight_of(text, "architect")


def test_work_of_the_providers_own_industry_still_names_it():
    assert hints_at("Caterer to provide boxed lunches for our staff meeting", "722320")
    assert hints_at("Plumber to install a new water heater", "23822")


# ------------------------------------------------------------------ everyday words are not searched

@pytest.mark.parametrize(("text", "everyday", "work"), [
    ("Newly leased warehouse: roof repair and new locks", {"new", "newly"}, {"roofing", "locksmith"}),
    ("Office supplies delivered weekly, plus bottled water", {"weekly", "plus"}, {"supplies", "water"}),
    ("Someone to handle our paperwork so we can start bidding on city contracts", {"start"}, {"bidding"}),
    ("Annual fire alarm inspection for our office, usually in the spring", {"annual", "usually"},
     {"alarm", "inspection"}),
])
def test_everyday_english_words_are_not_searched_and_the_work_still_is(text, everyday, work):
    searched = {w.word for w in read(text).words}
    assert not searched & everyday
    assert work <= searched and read(text).hint_sets


def test_a_need_of_only_everyday_english_words_names_nothing_to_search():
    reading = read("new, plus weekly, usually")
    assert not reading.words and not reading.hint_sets
