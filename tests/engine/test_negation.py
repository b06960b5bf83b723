"""Specification of negation and exclusion in needs: what a need says it does not want is never searched, gives
no industry hint, and the reasons say so; phrases that only look like negations change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mwbe_match import MatchConfig, Matcher
from mwbe_match.engine.readers import default_readers, reader_for
from mwbe_match.engine.text import is_indexable
from mwbe_match.i18n import translate_reason

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))
READERS = default_readers()


def read(text: str):
    return reader_for(text, READERS).read(text, CONFIG)


def words(text: str) -> set[str]:
    """The words searched (stopwords are never looked up)."""
    return {w.word for w in read(text).words if is_indexable(w.word)}


def hints(text: str) -> set[str]:
    return set(read(text).naics_hints)


@pytest.mark.parametrize("text", [
    "카펫 청소 아니고 사무실 청소",
    "카펫 청소가 아니라 사무실 청소",
    "카펫 청소 말고 사무실 청소",
    "카펫 청소 빼고 사무실 청소",
    "카펫 청소 제외하고 사무실 청소",
    "카펫 청소는 필요 없고 사무실 청소",
    "사무실 청소, 카펫 청소 필요없음",
    "카펫 청소 아닌 사무실 청소",
    "카펫 청소 없이 사무실 청소만",
    "카펫 청소 대신 사무실 청소",
    "카펫 청소는 안 해도 돼요, 사무실 청소",
])
def test_a_korean_need_never_searches_what_it_excludes(text):
    reading = read(text)
    assert "carpet" not in words(text) and "rug" not in words(text)
    assert not any(h.startswith("56174") for h in reading.naics_hints)  # carpet cleaning
    assert "janitorial" in words(text)
    assert reading.excluded == ("카펫 청소",)


@pytest.mark.parametrize("text", [
    "office cleaning, not carpet cleaning",
    "office cleaning but no carpet cleaning",
    "office cleaning except carpet cleaning",
    "office cleaning excluding carpet cleaning",
    "cleaning services other than carpet cleaning",
    "office cleaning rather than carpet cleaning",
    "office cleaning instead of carpet cleaning",
    "office cleaning without carpet cleaning",
    "we don't need carpet cleaning, only office cleaning",
    "office cleaning; carpet cleaning not needed",
    "office cleaning. Carpet cleaning is not required",
])
def test_an_english_need_never_searches_what_it_excludes(text):
    reading = read(text)
    assert "carpet" not in words(text) and "rug" not in words(text)
    assert not any(h.startswith("56174") for h in reading.naics_hints)
    assert "cleaning" in words(text)
    assert reading.excluded == ("carpet cleaning",)


@pytest.mark.parametrize("text", [
    "not only catering but also decorations",
    "catering delivered no later than friday",
    "catering, no more than 50 guests",
    "케이터링 빠짐없이 준비해 주세요",
    "케이터링 아니면 도시락",
    "케이터링 말고도 도시락",
    "케이터링 없이는 안 됩니다, 행사 기획도",
    "케이터링뿐만 아니라 꽃장식도",
])
def test_phrases_that_only_look_like_negations_keep_what_they_name(text):
    reading = read(text)
    assert "catering" in words(text)
    assert "722320" in reading.naics_hints
    assert reading.excluded == ()


def test_a_concept_also_named_outside_the_negation_stays_searched():
    reading = read("웨딩 행사 말고 기업 행사")
    assert "events" in words("웨딩 행사 말고 기업 행사")
    assert reading.excluded == ("웨딩",)


def test_korean_negation_markers_are_neither_unknown_nor_searched():
    text = "카펫 청소는 필요 없고 케이터링 말고 도시락, 설치 없이 납품만"
    reading = read(text)
    assert reading.unreadable == ()
    assert reading.excluded == ("카펫 청소", "케이터링", "설치")
    assert {"carpet", "installation", "없이", "말고"}.isdisjoint(words(text))


# the property: a negated phrase never adds its concept's words or hints, whatever the rest of the sentence says
# (every word and hint of the sentence comes from one of its other parts, each read alone)
KOREAN_CONCEPTS = ["사무실 청소", "케이터링", "인테리어", "보안 카메라", "이사", "꽃장식", "회계", "번역", "배관", "도시락",
                   "전기 공사", "방역", "웹사이트 제작", "인력 파견"]
KOREAN_PARTS = [*KOREAN_CONCEPTS, "맨해튼", "업체 찾습니다", "견적 부탁드립니다"]
KOREAN_MARKERS = [" 아니고 ", "가 아니라 ", " 말고 ", " 빼고 ", " 제외하고 ", "는 필요 없고 ", " 필요없음, ", " 없이 ",
                  " 대신 "]
ENGLISH_CONCEPTS = ["office cleaning", "catering", "interior design", "security cameras", "moving", "flowers",
                    "accounting", "translation", "plumbing", "boxed lunches", "electrical work", "pest control",
                    "website design", "temporary staff"]
ENGLISH_PARTS = [*ENGLISH_CONCEPTS, "in Queens", "looking for a vendor", "please send a quote"]
ENGLISH_MARKERS = [("not ", ""), ("no ", ""), ("except ", ""), ("excluding ", ""), ("other than ", ""),
                   ("rather than ", ""), ("instead of ", ""), ("without ", ""), ("we don't need ", ""),
                   ("", " not needed"), ("", " is not required")]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(st.sampled_from(KOREAN_PARTS), max_size=3), excluded=st.sampled_from(KOREAN_CONCEPTS),
       marker=st.sampled_from(KOREAN_MARKERS), after=st.lists(st.sampled_from(KOREAN_PARTS), max_size=3))
def test_a_korean_negated_phrase_never_adds_its_concepts_words_or_hints(before, excluded, marker, after):
    negated = ", ".join([*before, excluded]) + marker + ", ".join(after)
    rest = [*before, *after]
    assert words(negated) <= set().union(*map(words, rest))
    assert hints(negated) <= set().union(*map(hints, rest))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(st.sampled_from(ENGLISH_PARTS), max_size=3), excluded=st.sampled_from(ENGLISH_CONCEPTS),
       marker=st.sampled_from(ENGLISH_MARKERS), after=st.lists(st.sampled_from(ENGLISH_PARTS), max_size=3))
def test_an_english_negated_phrase_never_adds_its_concepts_words_or_hints(before, excluded, marker, after):
    negated = ". ".join([*before, marker[0] + excluded + marker[1], *after])
    rest = [*before, *after]
    assert words(negated) <= set().union(*map(words, rest))
    assert hints(negated) <= set().union(*map(hints, rest))


# through the matcher, on the real extract


@pytest.fixture(scope="module")
def matcher(real_directory):
    return Matcher(real_directory, config=CONFIG)


def test_the_reasons_say_what_the_need_excludes(matcher):
    shortlist = matcher.shortlist("사무실 청소 업체, 카펫 청소는 필요 없음", top=5)
    assert len(shortlist)
    assert all("Not searched: 카펫 청소 (the need excludes it)" in r for r in shortlist["reasons"])
    assert all("carpet" not in terms for row in shortlist["matched_terms"] for terms in row)
    english = matcher.shortlist("office cleaning, not carpet cleaning", top=5)
    assert all(r.startswith("Not searched: carpet cleaning (the need excludes it). ") for r in english["reasons"])


def test_the_reading_exposes_what_was_excluded_and_an_unknown_excluded_word_is_not_read_by_sound(matcher):
    reading = matcher.read("웨딩 아니고 기업 행사")
    assert reading.excluded_terms == ("웨딩",)
    assert "웨딩" not in reading.unknown_terms
    assert "wedding" not in reading.search_text
    assert reading.summary.endswith("Not searched: 웨딩 (the need excludes it)")


def test_a_need_that_only_excludes_gets_a_no_match_reason_naming_what_it_excludes(matcher):
    reading = matcher.read("we don't need catering")
    assert not reading.usable
    assert reading.no_match_reason().startswith("Not searched: catering (the need excludes it). ")
    assert len(matcher.shortlist("we don't need catering")) == 0


def test_the_korean_reason_says_what_was_excluded_in_korean(matcher):
    reason = matcher.shortlist("사무실 청소 업체, 카펫 청소는 필요 없음", top=1)["reasons"].iloc[0]
    assert "검색하지 않음: 카펫 청소 (요청에서 제외함)" in translate_reason(reason, "ko")


def test_a_korean_exclusion_takes_the_nouns_of_its_phrase_and_not_the_clause_before_it():
    assert read("웨딩이나 돌잔치 말고 기업 행사").excluded == ("웨딩", "돌잔치")
    assert read("한국말 되는분이면 좋겠어요 개인 말고 법인세").excluded == ("개인",)
    assert read("사무실 청소, 카펫 청소 필요없음").excluded == ("카펫 청소",)
    assert read("통관대행 업체 말고 회계 컨설팅").excluded == ("통관대행",)


@pytest.mark.parametrize("text, kept", [
    ("통관 업무 대신 처리해 줄 업체", "customs"),
    ("세금 신고 대신 해줄 회계사", "tax"),
    ("이사 대신 진행해 줄 업체", "moving"),
    ("서류 대신 맡아줄 곳", "documents"),
])
def test_daesin_followed_by_a_verb_means_on_our_behalf_and_excludes_nothing(text, kept):
    assert read(text).excluded == ()
    assert any(kept in w for w in words(text))


def test_daesin_followed_by_a_noun_phrase_still_excludes_what_it_replaces():
    assert read("웨딩 대신 기업 행사").excluded == ("웨딩",)
    assert read("대리 운전 대신 진행").excluded == ()  # 대신 진행: carry it out for us


@pytest.mark.parametrize("text, kept", [
    ("에어컨 빼주고 새 사무실에 다시 설치", "conditioning"),
    ("사무실 가구 빼주시고 청소", "furniture"),
    ("에어컨 빼서 새 사무실로 옮겨 주세요", "conditioning"),
])
def test_ppae_ju_and_ppae_seo_ask_for_the_removal_work_and_search_what_is_removed(text, kept):
    assert read(text).excluded == ()
    assert kept in words(text)


@pytest.mark.parametrize("text", ["카펫 청소 빼고 사무실 청소", "카펫 청소 뺀 사무실 청소", "카펫 청소 제외 사무실 청소"])
def test_ppaego_ppaen_and_jeoe_still_exclude(text):
    assert read(text).excluded == ("카펫 청소",)


@pytest.mark.parametrize("text, kept", [
    ("No-VOC paint for office repainting", "paint"),
    ("No-fault towing service", "towing"),
    ("No-touch disinfection", "disinfection"),
    ("No 2 heating oil delivery", "oil"),
])
def test_no_joined_by_a_hyphen_or_followed_by_a_number_is_part_of_a_name_not_a_negation(text, kept):
    assert read(text).excluded == ()
    assert kept in words(text)


@pytest.mark.parametrize("text, kept", [
    ("AC not cooling", "conditioning"),
    ("No hot water, need plumber", "hot"),
    ("freezer is not freezing", "freezing"),
    ("no heat in the office", "heat"),
    ("the printer is not working", "printer"),
    ("the walk-in cooler is not holding temperature", "temperature"),
    ("the kitchen sink is not draining water", "draining"),
])
def test_a_symptom_says_what_to_fix_and_is_searched_not_excluded(text, kept):
    assert read(text).excluded == ()
    assert kept in words(text)


def test_people_who_are_not_doing_or_looking_for_something_exclude_it():
    assert "carpet" in read("We are not replacing carpet, only cleaning it").excluded
    assert "payroll" in read("Our staff is not doing payroll anymore").excluded
    assert "catering" in read("The office is not using catering anymore; we need a coffee service").excluded


def test_not_before_a_service_or_after_a_comma_is_still_an_exclusion():
    assert read("office maintenance, not cleaning").excluded == ("cleaning",)
    assert read("no heat lamps, just catering").excluded != ()


@pytest.mark.parametrize("text", [
    "A memorable thank-you event for our distributors, not just another dinner.",
    "Something special for the team this year, not another dinner",
    "A fun team outing this year, not the usual dinner",
    "not simply another dinner, a cooking class",
])
def test_not_just_another_excludes_the_ordinary_thing_it_names(text):
    assert "dinner" in read(text).excluded
    assert "dinner" not in words(text)


def test_not_just_still_keeps_what_it_names():
    assert "catering" in words("not just catering but also decorations")


def test_a_preposition_right_after_the_marker_continues_its_scope():
    assert read("Catering, not for weddings").excluded == ("weddings",)
    assert "weddings" not in words("Catering, not for weddings")
    assert "catering" in words("Catering, not for weddings")


def test_another_word_of_a_searched_concept_is_excluded_when_negated():
    reading = read("Snow removal, no salt")
    assert reading.excluded == ("salt",)
    assert "salt" not in words("Snow removal, no salt") and "snow" in words("Snow removal, no salt")


def test_on_the_real_extract_behalf_and_removal_needs_find_their_firms(matcher):
    customs = matcher.shortlist("통관 업무 대신 처리해 줄 업체", top=5)
    assert len(customs) and all("customs" in terms for terms in customs["matched_terms"])
    aircon = matcher.shortlist("에어컨 빼주고 새 사무실에 다시 설치", top=5)
    assert len(aircon) and all({"air", "conditioning"} <= set(terms) for terms in aircon["matched_terms"])


def test_on_the_real_extract_a_symptom_is_not_reported_as_excluded(matcher):
    for need in ("No hot water, need plumber", "AC not cooling", "no heat in the office"):
        shortlist = matcher.shortlist(need, top=5)
        assert len(shortlist)
        assert not any("excludes" in r for r in shortlist["reasons"])
    weddings = matcher.shortlist("Catering, not for weddings", top=5)
    assert all(r.startswith("Not searched: weddings (the need excludes it). ") for r in weddings["reasons"])


# a provider or service the need says it is not looking for, does not need or already has (issue 13)

_RENTALS = ("532289", "532310", "532490")


@pytest.mark.parametrize("text", [
    "We are not looking for a caterer, just rental of tables and chairs",
    "We aren't looking for a caterer, just tables and chairs rental",
    "I'm not looking for a caterer; rental of tables and chairs",
    "Not seeking a caterer, only rental of tables and chairs",
    "We don't need a caterer, just rental of tables and chairs",
    "No need for a caterer; we need rental of tables and chairs",
    "Rental of tables and chairs, other than a caterer",
    "Rental of tables and chairs except a caterer",
    "Rental of tables and chairs excluding the caterer",
    "We already have a caterer, so we need rental of tables and chairs",
    "We already have a caterer. Need tables and chairs rental",
    "Catering is already taken care of; we need tables and chairs rental",
    "케이터링 업체는 필요 없고 테이블 의자 렌탈만",
    "케이터링 말고 테이블 렌탈",
    "케이터링 제외, 테이블 렌탈",
    "케이터링 업체는 이미 있어요. 테이블 렌탈 부탁드려요",
    "케이터링은 이미 있고 테이블 렌탈 필요해요",
])
def test_a_negated_provider_is_neither_searched_nor_a_hint_and_the_rental_stays_the_ask(text):
    reading = read(text)
    assert not {"caterer", "catering", "banquets"} & words(text)
    assert not any(h.startswith("7223") for h in reading.naics_hints)
    assert any(h.startswith(_RENTALS) for h in reading.naics_hints)
    assert {"tables", "chairs"} <= words(text)
    assert len(reading.excluded) == 1 and reading.excluded[0].lower() in ("caterer", "catering", "케이터링", "the caterer")


@pytest.mark.parametrize("text, asked, hint", [
    ("Already have a DJ; looking for a photographer", "photographer", "54192"),
    ("We already use QuickBooks and need a bookkeeper", "bookkeeping", "5412"),
    ("DJ는 이미 섭외했고 사진작가 구해요", "photographer", "54192"),
])
def test_what_the_need_giver_already_has_is_excluded_and_what_it_asks_for_is_searched(text, asked, hint):
    reading = read(text)
    assert reading.excluded
    assert asked in words(text)
    assert any(h.startswith(hint) for h in reading.naics_hints)


@pytest.mark.parametrize("text, asked", [
    # the same concept named as the ask: the negation never drops it
    ("We are not looking for a wedding caterer, we need a caterer for a corporate lunch", "catering"),
    ("We already have a cleaning company but they quit, need a new cleaning company", "janitorial"),
    ("Not looking for carpet cleaning, only office cleaning", "janitorial"),
    ("케이터링 업체는 이미 있는데 케이터링 메뉴를 바꾸고 싶어요", "catering"),
])
def test_a_negation_never_drops_the_thing_actually_asked_for(text, asked):
    assert asked in words(text)


def test_a_negated_provider_is_no_reason(matcher):
    shortlist = matcher.shortlist("We are not looking for a caterer, just rental of tables and chairs", top=5)
    assert len(shortlist)
    assert all(r.startswith("Not searched: caterer (the need excludes it). ") for r in shortlist["reasons"])
    assert all("cater" not in term for row in shortlist["matched_terms"] for term in row)
