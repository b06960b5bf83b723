"""Specification of places in a need's text: recognized in both languages, never searched, a soft preference.

A place named in the text ("잭슨하이츠", "Long Island City") is never a search word, and it never filters:
firms in its borough rank a little higher, and the reason says why. Only the ``boroughs`` field filters,
and it accepts every spelling of a borough the text reader knows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from mwbe_match import BOROUGHS, MatchConfig, Matcher, Need, NeedError
from mwbe_match.engine.places import find_places, place_borough_name, preferred_boroughs
from mwbe_match.engine.readers import EnglishReader, KoreanReader
from mwbe_match.vocabulary import (
    ENGLISH_BOROUGH_NAMES,
    ENGLISH_NEIGHBOURHOODS,
    ENGLISH_PLACES,
    KOREAN_BOROUGHS,
    KOREAN_NEIGHBOURHOODS,
    KOREAN_PLACES,
)

CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))


@pytest.fixture(scope="module")
def matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


@pytest.mark.parametrize("text, surface, borough", [
    ("잭슨하이츠 식당 인테리어", "잭슨하이츠", "QUEENS"),
    ("플러싱에서 케이터링 업체 찾습니다", "플러싱", "QUEENS"),
    ("첼시쪽에 카페 오픈", "첼시", "MANHATTAN"),
    ("롱아일랜드시티 창고", "롱아일랜드시티", "QUEENS"),
    ("롱 아일랜드 시티 사무실", "롱 아일랜드 시티", "QUEENS"),
    ("미드타운 사무실 청소", "미드타운", "MANHATTAN"),
    ("맨하턴 사무실", "맨하턴", "MANHATTAN"),
    ("스태튼 아일랜드에 있는 공장", "스태튼 아일랜드", "STATEN ISLAND"),
    ("office cleaning in Long Island City", "Long Island City", "QUEENS"),
    ("warehouse in LIC", "LIC", "QUEENS"),
    ("restaurant design in Hell's Kitchen", "Hell's Kitchen", "MANHATTAN"),
    ("catering in Midtown", "Midtown", "MANHATTAN"),
    ("Jackson Heights bakery supply", "Jackson Heights", "QUEENS"),
    ("caterer for Manhattan Beach", "Manhattan Beach", "BROOKLYN"),  # the longest name wins
    ("plumber in Fort Lee", "Fort Lee", None),
    ("포트리 한식당 주방 설비", "포트리", None),
])
def test_a_place_is_found_in_either_language_with_the_borough_it_lies_in(text, surface, borough):
    assert (surface, borough) in [tuple(m) for m in find_places(text)]


def test_every_neighbourhood_lies_in_one_of_the_five_boroughs():
    assert set(ENGLISH_NEIGHBOURHOODS.values()) == set(BOROUGHS)
    assert set(KOREAN_NEIGHBOURHOODS.values()) == set(BOROUGHS)
    assert len(ENGLISH_NEIGHBOURHOODS) >= 250 and len(KOREAN_NEIGHBOURHOODS) >= 200
    assert set(ENGLISH_PLACES.values()) - {None} == set(BOROUGHS) == set(KOREAN_PLACES.values()) - {None}


def test_a_borough_named_by_itself_is_told_apart_from_a_neighbourhood():
    assert place_borough_name("Queens") == "QUEENS" and place_borough_name("퀸스") == "QUEENS"
    assert place_borough_name("the Bronx") == "BRONX"
    assert place_borough_name("Flushing") is None and place_borough_name("플러싱") is None


def test_places_in_english_are_never_searched_nor_give_hints():
    reading = EnglishReader().read("office cleaning in Manhattan and Jackson Heights", CONFIG)
    searched = {w.word for w in reading.words}
    assert {"office", "cleaning"} <= searched and not searched & {"manhattan", "jackson", "heights"}
    assert EnglishReader().places("office cleaning in Manhattan and Jackson Heights") == ("MANHATTAN", "QUEENS")


def test_places_in_korean_are_understood_not_searched_and_not_unknown():
    reading = KoreanReader().read("잭슨하이츠 첼시 식당 인테리어", CONFIG)
    assert "잭슨하이츠" not in reading.unreadable and "첼시" not in reading.unreadable
    assert not any("잭슨" in w.word or "chelsea" in w.word for w in reading.words)


def test_no_shortlist_row_matches_a_place_name(matcher):
    result = matcher.shortlist_many(["office cleaning Manhattan", "plumbing contractor in Long Island City",
                                     "catering Flushing Queens"], top=20)
    matched = {t for terms in result["matched_terms"] for t in terms}
    assert len(result) > 0 and not matched & {"manhattan", "long", "island", "city", "flushing", "queens"}


def test_a_place_alone_gives_nothing_to_search_and_no_firm(matcher):
    assert len(matcher.shortlist("Jackson Heights, Queens", top=10)) == 0
    assert len(matcher.shortlist("잭슨하이츠", top=10)) == 0


def test_a_place_in_the_text_is_a_preference_never_a_filter(matcher):
    plain = matcher.shortlist("office cleaning", top=1000)
    placed = matcher.shortlist("office cleaning in Jackson Heights", top=1000)
    assert set(placed["account_number"]) == set(plain["account_number"])  # the same firms, none left out
    assert set(placed["borough"].dropna()) > {"QUEENS"}
    queens = placed["borough"] == "QUEENS"
    assert (placed.loc[queens, "place_score"] == 100 * CONFIG.place_weight).all()


def test_firms_in_the_named_borough_gain_the_place_share_and_the_others_keep_the_rest(matcher):
    plain = matcher.shortlist("office cleaning", top=1000).set_index("account_number")
    placed = matcher.shortlist("office cleaning in Jackson Heights", top=1000).set_index("account_number")
    w = CONFIG.place_weight
    expected = (1 - w) * plain["score"].astype(float) + placed["place_score"].astype(float)
    assert np.abs(placed["score"].astype(float) - expected.loc[placed.index]).max() <= 0.03
    assert set(placed["place_score"].astype(float)) <= {0.0, 50 * w, 100 * w}


def test_the_reason_says_which_borough_is_preferred_and_why(matcher):
    ko = matcher.shortlist("잭슨하이츠 식당 인테리어", top=5)
    assert ko["reasons"].str.contains("Prefers Queens: 잭슨하이츠 is in Queens", regex=False).all()
    en = matcher.shortlist("office cleaning in Queens", top=5)
    assert en["reasons"].str.contains("Prefers Queens, named in the need", regex=False).all()
    inside = en[en["borough"] == "QUEENS"]
    assert inside["reasons"].str.contains("(the firm is in Queens)", regex=False).all()


def test_a_need_that_names_no_place_is_scored_as_if_there_were_no_place_signal(real_directory, matcher):
    without = Matcher(real_directory, dataclasses.replace(CONFIG, place_weight=0.0))
    needs = ["office cleaning", "사무실 청소", "IT consulting", "general construction"]
    a, b = matcher.shortlist_many(needs, top=20), without.shortlist_many(needs, top=20)
    assert a["account_number"].tolist() == b["account_number"].tolist()
    assert a["score"].tolist() == b["score"].tolist() and (a["place_score"] == 0).all()


def test_a_place_outside_the_boroughs_gives_no_preference():
    assert preferred_boroughs("plumber in Fort Lee, New Jersey") == {}
    assert preferred_boroughs("포트리 한식당") == {}


@pytest.mark.parametrize("spelling, borough", [
    *[(name, borough) for name, borough in KOREAN_BOROUGHS.items()],
    *[(" ".join(words), borough) for words, borough in ENGLISH_BOROUGH_NAMES.items()],
])
def test_the_boroughs_field_accepts_every_borough_spelling_the_text_reader_knows(spelling, borough):
    assert set(preferred_boroughs(f"office cleaning {spelling}")) == {borough}
    assert Need("n", "x", boroughs=spelling).boroughs == (borough,)


@pytest.mark.parametrize("place, borough", [("Flushing", "Queens"), ("플러싱", "Queens"),
                                            ("Long Island City", "Queens"), ("첼시", "Manhattan")])
def test_a_neighbourhood_in_the_boroughs_field_is_refused_naming_its_borough(place, borough):
    with pytest.raises(NeedError, match=f"neighbourhood in {borough}") as info:
        Need("n", "x", boroughs=place)
    assert info.value.field == "boroughs"


def test_the_boroughs_field_filters_hard(matcher):
    result = matcher.shortlist(Need("n", "office cleaning", boroughs="맨하턴"), top=50)
    assert len(result) > 0 and set(result["borough"]) == {"MANHATTAN"}


def test_the_place_preference_reads_in_korean_output(matcher):
    from mwbe_match import i18n

    reasons = matcher.shortlist_many(["잭슨하이츠 식당 인테리어", "office cleaning in Queens or Chelsea",
                                      "IT support for all five boroughs in Flushing"], top=10)["reasons"]
    for reason in reasons:
        assert i18n.untranslated_clauses(reason) == []
    assert any("요청 지역 퀸즈 우대(잭슨하이츠 → 퀸즈)" in i18n.translate_reason(r, "ko") for r in reasons)


def test_a_neighbourhood_given_as_a_borough_is_explained_in_korean():
    from mwbe_match import i18n

    with pytest.raises(NeedError) as info:
        Need("n", "x", boroughs="플러싱")
    assert "퀸즈에 있는 동네" in i18n.translate_error(info.value.detail, "ko")


@pytest.mark.parametrize("text, borough", [
    ("맨해튼사무실청소", "MANHATTAN"),  # written onto the next word
    ("첼시쪽에 카페 오픈", "MANHATTAN"),
    ("플러싱지역 식당", "QUEENS"),
])
def test_a_korean_place_is_found_however_it_is_spaced(text, borough):
    assert [m.borough for m in find_places(text)] == [borough]
    assert text.replace(" ", "") == text or find_places(text.replace(" ", ""))[0].borough == borough


@pytest.mark.parametrize("text", ["소호 사무실", "소호사무실", "타임스스퀘어 광고", "JFK 화물", "마노호텔"])
def test_a_place_name_inside_a_concept_or_an_unknown_word_is_no_place(text):
    # 소호 사무실 is a SOHO office (coworking), not an office in SoHo; 노호 (NoHo) inside 마노호텔 is no place
    assert find_places(text) == () and preferred_boroughs(text) == {}


def test_a_place_suffix_after_a_korean_place_is_not_an_unknown_word():
    reading = KoreanReader().read("첼시쪽에 카페 오픈", CONFIG)
    assert "쪽" not in reading.unreadable and reading.unreadable == ()
