"""The Korean reader knows the everyday words of its language (issue 13): verbs and adjectives in their
conjugated forms, adverbs, question words, bound nouns, time words and chat words are understood as request
words: never searched, never listed as not understood, never read as a concept they resemble."""

from __future__ import annotations

import pytest

from mwbe_match.engine.lexicon import Lexicon, LexiconError, default_lexicon, parse
from mwbe_match.engine.readers.conjugation import Conjugations, light_verb_form
from mwbe_match.engine.readers.korean import Glossary, default_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return default_glossary()


def _searched(glossary: Glossary, text: str) -> set[str]:
    return {p for _, phrases in glossary.expand(text).terms for p in phrases}


# Sentences of everyday words only, as people write around a need (none names anything to buy).
EVERYDAY_SENTENCES = [
    "혹시 어디에 물어봐야 할지 잘 모르겠어요",
    "그냥 버리기도 좀 그렇고 어떻게 하죠",
    "미리 알아보고 싶은데 도와주실 수 있을까요",
    "요즘 너무 바빠서 직원들이 힘들어해요ㅠㅠ",
    "아무도 안마심ㅜ 이제 어떡해요",
    "언제까지 가능한지 알려주시면 감사하겠습니다",  # 감사 is audit only as a noun of work
    "다들 이상하다고 해서 한번 여쭤봅니다",
    "아침엔 약간 괜찮았는데 점심 지나면 또 그래요",
    "맡겨야 될지 직접 해야 될지 고민중이에요",
    "아시는분 계시면 연락 주셨으면 좋겠어요 ㅎㅎ",
]


@pytest.mark.parametrize("text", EVERYDAY_SENTENCES)
def test_a_sentence_of_everyday_words_is_all_understood_and_nothing_is_searched(glossary: Glossary, text: str):
    reading = glossary.expand(text)
    assert reading.unknown == ()
    assert reading.english_text == ""
    assert reading.naics_prefixes == ()


@pytest.mark.parametrize("word", ["도와줄", "도와주실", "도왔는데", "도우면", "몰라서", "모르겠네요", "어떨지", "그런",
                                  "힘든", "힘드세요", "맡겨야", "쌓여있어요", "알아봐주실", "해야할지", "했어여",
                                  "아세요", "마셔요", "키워야", "바꿔줄", "싶은데"])
def test_a_conjugated_form_of_an_everyday_stem_is_known(glossary: Glossary, word: str):
    assert glossary.conjugations.is_form(word)


@pytest.mark.parametrize("word", ["사과", "도장", "가방", "청소", "소독", "케이터링"])
def test_a_noun_is_no_conjugated_form(glossary: Glossary, word: str):
    assert not glossary.conjugations.is_form(word)


def test_a_negated_verb_written_against_its_adverb_is_not_read_as_the_concept_it_spells():
    reading = default_glossary().expand("직원들이 이제 아무도 안마심")  # 안 마심: nobody drinks it
    assert "massage" not in reading.english_text and reading.unknown == ()
    assert "massage" in default_glossary().expand("안마 의자 렌탈").english_text  # the concept itself still reads


def test_a_content_word_that_spells_a_verb_form_stays_content(glossary: Glossary):
    assert "furniture" in _searched(glossary, "가구")  # not 가- (go) + 구 (chat 고)


def test_a_noun_made_a_verb_with_hada_keeps_its_reading_and_leaves_nothing_unknown(glossary: Glossary):
    for text, english in (("사무실 청소했는데", "cleaning"), ("설치해야할지 고민이에요", "installation"),
                          ("케이터링 준비됐어요", "catering")):
        reading = glossary.expand(text)
        assert english in reading.english_text and reading.unknown == (), text
    assert light_verb_form("했는데") and light_verb_form("해주실") and not light_verb_form("청소")


def test_chat_moods_typed_as_letters_and_the_units_of_a_number_are_never_unknown(glossary: Glossary):
    assert glossary.expand("급해요ㅠㅠ 빨리요ㅋㅋ").unknown == ()
    reading = glossary.expand("약 8천 sqft 사무실 청소")
    assert "천" not in reading.unknown and "cleaning" in reading.english_text


def test_a_bound_noun_stands_only_as_a_whole_word(glossary: Glossary):
    assert "japanese food" not in _searched(glossary, "1일 식수 20명분")  # 일 식수 is no 일식 + 수


def test_the_bundled_lexicon_writes_everyday_verbs_as_stems_of_filler_concepts():
    lexicon = default_lexicon()
    stems = lexicon.korean_stems()
    assert len(stems) >= 200 and "모르" in stems and "돕" in stems
    assert all(not lexicon.korean(stem + "-") for stem in stems)  # a stem is no form looked up as written


def test_a_stem_is_only_allowed_in_a_filler_concept():
    with pytest.raises(LexiconError, match="filler concepts only"):
        parse("concept,kind,en,ko,terms,naics,note\nx,industry,x,설치하-,,,\n", "user.csv")
    with pytest.raises(LexiconError, match="only in a situation"):
        parse("concept,kind,en,ko,terms,naics,note\nx,filler,,신경 쓰-,,,\n", "user.csv")
    with pytest.raises(LexiconError, match="Hangul syllables"):
        parse("concept,kind,en,ko,terms,naics,note\nx,filler,,쓰-다-,,,\n", "user.csv")


def test_a_user_file_adds_stems_the_reader_then_knows(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("concept,kind,en,ko,terms,naics,note\nmy_verbs,filler,,꿀잼이-,,,\n", encoding="utf-8")
    glossary = Glossary.from_lexicon(Lexicon.load(path))
    assert glossary.conjugations.is_form("꿀잼이에요") or glossary.conjugations.is_form("꿀잼여서")
    assert "꿀잼이" in Conjugations(glossary.lexicon.korean_stems()).stems


def test_a_verb_that_names_the_work_asked_for_stays_its_intent(glossary: Glossary):
    assert "custom" in _searched(glossary, "카탈로그 새로 만들어야 해요")
    for text in ("사람들이 그냥 지나쳐가요", "고쳐주실 분 있나요"):
        assert glossary.expand(text).terms, text  # the situation word and the intent are read, not filler


def _hints(text: str) -> tuple[tuple[str, ...], ...]:
    from mwbe_match.engine import MatchConfig
    from mwbe_match.engine.readers.korean import KoreanReader

    return KoreanReader().read(text, MatchConfig()).hint_sets


def test_staff_said_to_be_sent_from_elsewhere_are_who_the_people_are_not_a_staffing_need():
    assert not any(h and h[0].startswith("5613") for h in _hints("본사에서 파견 온 직원들 한국어 통역 필요해요"))
    assert not any(h and h[0].startswith("5613") for h in _hints("서울에서 파견된 주재원 숙소 구해요"))
    assert any(h and h[0].startswith("5613") for h in _hints("파견 직원 2명 필요합니다"))  # the ask itself


def test_thanks_and_an_appreciation_event_are_not_an_audit(glossary: Glossary):
    assert "audit" not in _searched(glossary, "회신 주시면 감사하겠습니다")
    assert "event planning" in _searched(glossary, "거래처 사장님들 모시고 감사 행사를 하려구요")
    assert "audit" in _searched(glossary, "회계 감사 해줄 곳")


def test_a_situation_form_with_a_stem_part_is_found_in_every_conjugated_form():
    from mwbe_match.engine.readers.situations import SituationForms

    lexicon = Lexicon(parse("concept,kind,en,ko,terms,naics,note\n"
                            "situation_x,industry,,프린터 멈추-,printer repair,811210,\n", "user.csv"))
    forms = SituationForms.of(lexicon)
    for text in ("프린터가 자꾸 멈춰요", "프린터 멈추고 난리", "프린터가 또 멈췄는데", "프린터 멈춤 현상"):
        assert [m.concept.concept for m in forms.korean(text)] == ["situation_x"], text
    assert forms.korean("프린터 새로 사요") == []
    assert lexicon.korean("프린터 멈추-") == ()  # not a form read word for word


def test_staff_who_are_the_subject_of_a_sentence_asking_for_no_people_are_not_a_staffing_need():
    assert not any(h and h[0].startswith("5613") for h in _hints("영업사원들이 각자 엑셀로 고객 관리를 해서 엉망이에요"))
    assert any(h and h[0].startswith("5613") for h in _hints("영업사원이 급하게 필요합니다"))
    assert any(h and h[0].startswith("5613") for h in _hints("영업사원들이 그만둬서 새로 구해요"))


def test_a_situation_about_missing_people_keeps_its_staffing_reading():
    assert any(h and h[0].startswith("5613") for h in _hints("안내 데스크에서 전화 받을 사람이 없어요"))
