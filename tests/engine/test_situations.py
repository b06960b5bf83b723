"""Situations: a problem or goal told in everyday words reads as the service that solves it, in both languages."""

import pytest
from hypothesis import given, settings, strategies as st

from mwbe_match.engine import MatchConfig
from mwbe_match.engine.lexicon import Concept, Lexicon, default_lexicon, english_key, korean_key
from mwbe_match.engine.readers import EnglishReader, Glossary, KoreanReader, reader_for
from mwbe_match.engine.readers.situations import MAX_GAP, SituationForms
from mwbe_match.engine.text import stem

CONFIG = MatchConfig(loanwords=False)
READERS = (KoreanReader(), EnglishReader())


def read(text, readers=READERS):
    return reader_for(text, readers).read(text, CONFIG)


def hinted(reading, prefix):
    return any(h.startswith(prefix) for h in reading.naics_hints)


def without_situations():
    lexicon = Lexicon([c for c in default_lexicon().concepts() if not c.situation])
    glossary = Glossary.from_lexicon(lexicon)
    return KoreanReader(glossary), EnglishReader(glossary)


@pytest.mark.parametrize("text, service, prefix", [
    ("Our restaurant keeps getting fined by the city over its trash and recycling", "waste collection", "5621"),
    ("the wifi keeps dropping in the conference room", "wireless network", "5415"),
    ("tenants complain there is no heat", "heating", "23822"),
    ("we want to know whether Americans will like our snack", "market research", "54191"),
    ("our staff need to get more comfortable speaking English", "language instruction", "6116"),
    ("Someone to handle our paperwork with the city so we can start bidding on city contracts",
     "government contracting", "5416"),
    ("식당이 쓰레기 때문에 벌금 자꾸 맞아요", "waste collection", "5621"),
    ("와이파이가 자꾸 끊겨요", "wireless network", "5415"),
    ("직원들 영어가 약해서 걱정이에요", "language instruction", "6116"),
    ("미국 사람들 입맛에 맞는지 알고 싶어요", "market research", "54191"),
])
def test_a_problem_told_in_everyday_words_reads_as_the_service_that_solves_it(text, service, prefix):
    reading = read(text)
    assert hinted(reading, prefix), reading.naics_hints
    assert any(f"(a situation: read as {service})" in note for note in reading.understood), reading.understood
    assert any(service in r for r in reading.read_as), reading.read_as


def test_the_service_of_a_situation_is_searched_at_full_weight():
    words = {w.word: w.weight for w in read("the wifi keeps dropping").words}
    assert words["wireless"] == 1.0


def test_without_the_situation_concepts_the_same_statement_is_not_read_as_the_service():
    text = "we want to know whether Americans will like our snack"
    assert not hinted(read(text, without_situations()), "54191")
    assert hinted(read(text), "54191")


def test_the_goods_a_situation_is_about_give_way_to_the_service():
    reading = read("we want to know whether Americans will like our snack")
    assert not any(h.startswith(("3119", "4244")) for h in reading.naics_hints), reading.naics_hints
    assert any(w.word == "snack" for w in read("snack wholesaler").words)


def test_a_need_asking_for_people_reads_the_situation_as_what_they_are_for():
    reading = read("신규 매장 오픈하는데 일할 사람 좀 구해주세요")
    assert reading.naics_hints and all(h.startswith("5613") for h in reading.naics_hints), reading.naics_hints


def test_a_situation_is_not_found_across_a_clause_break_or_beyond_the_gap():
    assert not hinted(read("We were fined last year. Now we need trash bags delivered"), "5621")
    far = "fined " + " ".join(["word"] * (MAX_GAP + 1)) + " trash"
    forms = SituationForms(default_lexicon())
    tokens = far.split()
    assert "situation_trash" not in [m.concept.concept for m in
                                     forms.english(tokens, [stem(t) for t in tokens], [False] * len(tokens))]


@pytest.mark.parametrize("text", ["Korean food catering for a company event", "Brochure and business card printing",
                                  "Product launch event planning and event management", "제품 출시 이벤트 기획 및 행사 운영"])
def test_words_that_other_concepts_all_read_make_no_situation_found_apart(text):
    assert not any("a situation" in note for note in read(text).understood), read(text).understood


def test_a_korean_part_must_begin_a_word_and_a_company_name_holds_no_situation():
    assert read("LG디스플레이 사무실 청소").naics_hints == read("사무실 청소").naics_hints


def test_a_negated_korean_situation_is_not_searched():
    words = {w.word for w in read("카펫 청소 아니고 사무실 청소").words}
    assert "carpet" not in words and "upholstery" not in words


def test_a_user_situation_is_read_apart_like_the_bundled_ones():
    concept = Concept("situation_roof_birds", "industry", en=("pigeons nesting",), ko=("비둘기 둥지",),
                      terms=("bird control", "pest control"), naics=("561710",))
    glossary = Glossary.from_lexicon(Lexicon([*default_lexicon().concepts(), concept]))
    readers = (KoreanReader(glossary), EnglishReader(glossary))
    for text in ("pigeons keep nesting on our roof", "비둘기가 옥상에 자꾸 둥지를 틀어요"):
        reading = read(text, readers)
        assert any("read as bird control" in note for note in reading.understood), (text, reading.understood)
    assert concept.situation and not Concept("situation_x", "filler", en=("x y",)).situation


def test_no_situation_form_is_a_form_another_concept_already_reads():
    lexicon = default_lexicon()
    other_en = {english_key(f) for c in lexicon.concepts() if not c.situation for f in c.en}
    other_ko = {korean_key(f) for c in lexicon.concepts() if not c.situation for f in c.ko}
    for concept in lexicon.concepts():
        if concept.situation:
            assert concept.terms and concept.naics, concept.concept
            assert not [f for f in concept.en if english_key(f) in other_en], concept.concept
            assert not [f for f in concept.ko if korean_key(f) in other_ko], concept.concept


def test_tired_is_no_tire_and_general_is_no_generator():
    assert stem("tired") != stem("tire") and stem("tires") == stem("tire")
    assert len({stem("general"), stem("generator"), stem("generation")}) == 3
    assert not hinted(read("our office looks old and tired"), "4413")


_WORDS = st.sampled_from(["fined", "trash", "the", "city", "over", "our", "wifi", "keeps", "dropping", "tenants",
                          "complain", "heat", "office", "and", "Samsung", "Queens", "not", "garbage", "recycling"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.sampled_from([" ", " ", " ", ", ", ". "])), max_size=14))
def test_a_situation_found_apart_has_its_words_in_order_in_one_clause_within_the_gap(parts):
    text = "".join(w + gap for w, gap in parts)
    reading = read(text)  # never raises
    assert isinstance(reading.understood, tuple)
    tokens = [w.lower() for w, _ in parts]
    clause = [False] + [gap.strip() != "" for _, gap in parts[:-1]]
    for match in SituationForms(default_lexicon()).english(tokens, [stem(t) for t in tokens], clause):
        positions = match.positions
        assert list(positions) == sorted(set(positions))
        assert all(b - a <= MAX_GAP + 1 for a, b in zip(positions, positions[1:]))
        assert not any(clause[k] for k in range(positions[0] + 1, positions[-1] + 1))


@pytest.mark.parametrize("spaced, joined", [("가스 누출 검사 업체", "가스누출검사 업체"),
                                            ("음식물 쓰레기 업체", "음식물쓰레기 업체")])
def test_a_situation_inside_a_concept_already_read_adds_nothing_however_the_need_is_spaced(spaced, joined):
    assert [u.split(" → ")[1] for u in read(spaced).understood] == [u.split(" → ")[1] for u in read(joined).understood]


@pytest.mark.parametrize("text, service, prefix", [
    ("the glass on our storefront looks grimy and streaky", "window cleaning", "56172"),
    ("the marble floor in the lobby lost its shine", "floor care", "2383"),
    ("water gets into the basement whenever there is a storm", "waterproofing", "2383"),
    ("our parking lot is full of potholes", "paving", "2389"),
    ("the grease trap keeps backing up into the prep area", "grease trap cleaning", "562998"),
    ("our walk-in won't hold temperature overnight", "refrigeration repair", "23822"),
    ("our calls go unanswered after hours", "answering service", "56142"),
    ("the website keeps crashing whenever we run a promotion", "web hosting", "5182"),
    ("diesel leaked from the generator tank onto the lot", "spill cleanup", "5629"),
    ("바닥이 미끄러워서 손님이 넘어질 뻔했어요", "floor care", "2383"),
    ("비만 오면 지하 창고에 물이 들어와요", "waterproofing", "2383"),
    ("자동문이 자꾸 안 열려서 손님들이 불편해해요", "automatic doors", "23829"),
    ("저녁에는 전화를 아무도 못 받아요", "answering service", "56142"),
    ("쇼핑몰 사이트가 자꾸 다운돼요", "web hosting", "5182"),
])
def test_everyday_problems_of_a_store_office_or_restaurant_read_as_the_service_that_fixes_them(text, service, prefix):
    reading = read(text)
    assert any(f"(a situation: read as {service})" in note for note in reading.understood), reading.understood
    assert hinted(reading, prefix), reading.naics_hints


@pytest.mark.parametrize("text", ["Our team will call after 6 pm to confirm",
                                  "Customers love our glass front", "We had a great year and sales are up",
                                  "전화 주세요 6시 이후에", "창문이 공원 쪽이에요"])
def test_everyday_sentences_with_a_situation_word_read_no_situation(text):
    assert not any("a situation" in note for note in read(text).understood), read(text).understood


@pytest.mark.parametrize("text, concept", [
    ("Annual sexual harassment prevention training for 60 employees", "harassment prevention"),
    ("Maintenance contract for two passenger elevators and one freight elevator", "elevator"),
])
def test_a_need_naming_its_service_is_read_as_that_service_not_as_a_situation(text, concept):
    reading = read(text)
    assert not any("a situation" in note for note in reading.understood), reading.understood
    assert any(concept in note for note in reading.understood), reading.understood


@pytest.mark.parametrize("text", ["사무실 탕비실 리모델링 합니다", "탕비실이 낡아서 새로 하고 싶어요", "We want to redo the pantry"])
def test_an_office_pantry_redone_reads_as_a_pantry_renovation_not_a_bathroom(text):
    reading = read(text)
    assert any("(a situation: read as pantry renovation)" in note for note in reading.understood), reading.understood
    assert not any("bathroom" in r for r in reading.read_as), reading.read_as


def test_an_office_pantry_remodel_hints_at_cabinet_work_not_tile():
    reading = read("사무실 탕비실 리모델링 합니다")
    assert hinted(reading, "23835") and not hinted(reading, "23834")  # finish carpentry, not tiling


def test_an_old_bathroom_still_reads_as_a_bathroom_renovation():
    reading = read("The bathroom is old and we want to redo the bathroom")
    assert any("(a situation: read as bathroom renovation)" in note for note in reading.understood), reading.understood
