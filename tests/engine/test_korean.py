"""Specification of the Korean-language layer (mwbe_match.engine.readers.korean)."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mwbe_match.engine.readers.korean import (
    Glossary,
    GlossaryEntry,
    KoreanExpansion,
    contains_hangul,
    decompose_jamo,
    default_glossary,
    is_only_particles_or_punctuation,
    normalize_text,
    strip_particle,
)

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "korean_needs.csv"
HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]")

# NAICS 2022 industry groups (4 digits), to catch typos in the bundled prefixes.
NAICS_2022_GROUPS = set(
    """
    1111 1112 1113 1114 1119 1121 1122 1123 1124 1125 1129 1131 1132 1133 1141 1142 1151 1152 1153
    2111 2121 2122 2123 2131 2211 2212 2213 2361 2362 2371 2372 2373 2379 2381 2382 2383 2389
    3111 3112 3113 3114 3115 3116 3117 3118 3119 3121 3122 3131 3132 3133 3141 3149 3151 3152 3159
    3161 3162 3169 3211 3212 3219 3221 3222 3231 3241 3251 3252 3253 3254 3255 3256 3259 3261 3262
    3271 3272 3273 3274 3279 3311 3312 3313 3314 3315 3321 3322 3323 3324 3325 3326 3327 3328 3329
    3331 3332 3333 3334 3335 3336 3339 3341 3342 3343 3344 3345 3346 3351 3352 3353 3359 3361 3362
    3363 3364 3365 3366 3369 3371 3372 3379 3391 3399 4231 4232 4233 4234 4235 4236 4237 4238 4239
    4241 4242 4243 4244 4245 4246 4247 4248 4249 4251 4411 4412 4413 4441 4442 4451 4452 4453 4491
    4492 4551 4552 4561 4571 4572 4581 4582 4583 4591 4592 4593 4594 4595 4599 4811 4812 4821 4831
    4832 4841 4842 4851 4852 4853 4854 4855 4859 4861 4862 4869 4871 4872 4879 4881 4882 4883 4884
    4885 4889 4911 4921 4922 4931 5121 5122 5131 5132 5161 5162 5171 5174 5178 5182 5192 5211 5221
    5222 5223 5231 5232 5239 5241 5242 5251 5259 5311 5312 5313 5321 5322 5323 5324 5331 5411 5412
    5413 5414 5415 5416 5417 5418 5419 5511 5611 5612 5613 5614 5615 5616 5617 5619 5621 5622 5629
    6111 6112 6113 6114 6115 6116 6117 6211 6212 6213 6214 6215 6216 6219 6221 6222 6223 6231 6232
    6233 6239 6241 6242 6243 6244 7111 7112 7113 7114 7115 7121 7131 7132 7139 7211 7212 7213 7223
    7224 7225 8111 8112 8113 8114 8121 8122 8123 8129 8131 8132 8133 8134 8139 8141 9211 9221 9231
    9241 9251 9261 9271 9281
    """.split()
)
NAICS_SECTORS = {"11", "21", "22", "23", "31-33", "42", "44-45", "48-49", "51", "52", "53", "54",
                 "55", "56", "61", "62", "71", "72", "81", "92"}  # fmt: skip
SECTOR_OF = {"31": "31-33", "32": "31-33", "33": "31-33", "44": "44-45", "45": "44-45",
             "48": "48-49", "49": "48-49"}  # fmt: skip


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return default_glossary()


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


# -- text helpers ------------------------------------------------------------


def test_full_width_forms_are_normalized(glossary: Glossary) -> None:
    assert normalize_text("ＩｏＴ\u3000센서\u200b  설치 ") == "IoT 센서 설치"
    assert normalize_text("ㄱ") == "\u1100"  # compatibility jamo -> standard jamo
    expansion = glossary.expand("ＣＣＴＶ 설치")
    assert "cctv" in expansion.english_text.casefold().split()
    assert expansion.understood[0][0].startswith("CCTV")  # "CCTV" or the lexicon's form "CCTV 설치"


def test_zero_width_characters_do_not_split_words(glossary: Glossary) -> None:
    assert glossary.expand("청\u200b소").naics_prefixes == glossary.expand("청소").naics_prefixes


def test_contains_hangul() -> None:
    assert contains_hangul("IoT 센서")
    assert contains_hangul("ㅋㅋ")
    assert not contains_hangul("office cleaning 123")
    assert not contains_hangul("")


def test_decompose_jamo_splits_syllables_and_leaves_other_text() -> None:
    assert decompose_jamo("청소") == "\u110e\u1165\u11bc\u1109\u1169"
    assert decompose_jamo("IoT 청소!") == "IoT " + unicodedata.normalize("NFD", "청소") + "!"
    assert decompose_jamo("café") == "café"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("청소를", "청소"),
        ("사무실에서는", "사무실"),
        ("설치하는", "설치"),
        ("필요합니다", "필요"),
        ("청소관련", "청소"),
        ("업체들을", "업체"),
        ("은", "은"),  # never stripped down to nothing
        ("전문가", "전문가"),  # 가 belongs to the glossary term
        ("도로를", "도로"),  # 로 belongs to 도로 "road"
    ],
)
def test_strip_particle(word: str, stem: str) -> None:
    assert strip_particle(word) == stem


@pytest.mark.parametrize("text", ["", "   ", "은 는 을 ...!!", "를?", "에서는, 및 등"])
def test_only_particles_or_punctuation(text: str) -> None:
    assert is_only_particles_or_punctuation(text)


@pytest.mark.parametrize("text", ["청소", "도로", "IoT", "2025", "은 청소", "漢字"])
def test_meaningful_text_is_not_only_particles(text: str) -> None:
    assert not is_only_particles_or_punctuation(text)


# -- expansion ---------------------------------------------------------------


def test_office_cleaning_need_is_understood(glossary: Glossary) -> None:
    expansion = glossary.expand("맨해튼 지사 사무실 청소 용역")
    (found, gloss), = expansion.understood
    entry = next(e for e in glossary.entries() if e.korean == found)
    assert isinstance(expansion, KoreanExpansion)
    assert found.startswith("사무실 청소") and gloss == entry.gloss
    assert expansion.english_text == " ".join(entry.english)
    assert "janitorial" in expansion.english_text
    assert all(p.startswith("5617") for p in expansion.naics_prefixes)
    assert expansion.boroughs == ("MANHATTAN",)
    assert expansion.unknown == ()
    assert expansion.has_korean


@pytest.mark.parametrize("variant", ["사무실청소", "사무실 청소", "사무 실 청소", "사무실  청소"])
def test_spacing_variants_expand_to_the_same_terms(glossary: Glossary, variant: str) -> None:
    reference = glossary.expand("사무실 청소")
    expansion = glossary.expand(variant)
    assert expansion.english_text == reference.english_text
    assert expansion.naics_prefixes == reference.naics_prefixes
    assert expansion.unknown == ()


def test_compound_is_split_into_glossary_terms(glossary: Glossary) -> None:
    expansion = glossary.expand("사무실청소용역")
    assert expansion.english_text == glossary.expand("사무실 청소 용역").english_text
    assert expansion.unknown == ()
    split = glossary.expand("인테리어디자인업체")
    assert split.unknown == () and "".join(found for found, _ in split.understood).startswith("인테리어디자인")


def test_particles_are_stripped_before_lookup(glossary: Glossary) -> None:
    plain = glossary.expand("사무실 청소 케이터링")
    with_particles = glossary.expand("사무실의 청소를 케이터링으로")
    assert set(with_particles.naics_prefixes) <= set(plain.naics_prefixes) | set(glossary.expand("청소").naics_prefixes)
    assert with_particles.unknown == ()
    assert [found for found, _ in with_particles.understood] == ["사무실", "청소", "케이터링"]


def test_glossary_term_beats_particle_and_stopword_split(glossary: Glossary) -> None:
    assert glossary.expand("전문가가 필요합니다").understood[0][0] == "전문가"
    assert glossary.expand("도로를 포장").naics_prefixes == ("2373",)
    assert glossary.expand("감사합니다").understood == ()  # "thank you", not 감사 "audit"


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("청쇼", "청소"), ("케이타링", "케이터링"), ("스마트시디", "스마트시티"), ("클라우두", "클라우드")],
)
def test_hangul_typo_is_tolerated(glossary: Glossary, typo: str, meant: str) -> None:
    expansion = glossary.expand(f"사무실 {typo} 업체")
    expected = glossary.expand(meant)
    assert expected.understood[0][1] in [gloss for _, gloss in expansion.understood]
    assert (typo, expected.understood[0][1]) in expansion.understood
    assert expansion.unknown == ()


def test_different_word_is_not_taken_for_a_typo(glossary: Glossary) -> None:
    # 청사 "government building" is one letter from 청소 but not a likely typo of it
    assert glossary.expand("청사").unknown == ("청사",)


def test_borough_names_are_recognized_but_not_searched(glossary: Glossary) -> None:
    cases = {
        "맨해튼": "MANHATTAN",
        "맨하탄": "MANHATTAN",
        "브루클린": "BROOKLYN",
        "퀸즈": "QUEENS",
        "퀸스": "QUEENS",
        "브롱크스": "BRONX",
        "브롱스": "BRONX",
        "스태튼 아일랜드": "STATEN ISLAND",
        "스테이튼아일랜드": "STATEN ISLAND",
        "Brooklyn": "BROOKLYN",
        "Staten Island": "STATEN ISLAND",
    }
    for name, borough in cases.items():
        expansion = glossary.expand(f"{name} 조경 관리")
        assert expansion.boroughs == (borough,), name
        assert expansion.english_text == glossary.expand("조경 관리").english_text, name
        assert expansion.unknown == (), name
    both = glossary.expand("맨해튼과 브루클린에서 청소")
    assert both.boroughs == ("MANHATTAN", "BROOKLYN")


def test_places_and_company_names_are_ignored_not_unknown(glossary: Glossary) -> None:
    expansion = glossary.expand("뉴욕시 삼성 LG 현대 SK CJ 뉴욕 지사 보안")
    assert expansion.unknown == ()
    assert expansion.boroughs == ()
    assert expansion.english_text == glossary.expand("보안").english_text


def test_unknown_korean_word_is_reported_not_raised(glossary: Glossary) -> None:
    expansion = glossary.expand("뷁뷁을 배송")
    assert expansion.unknown == ("뷁뷁",)
    assert "delivery" in expansion.english_text


def test_stopwords_are_neither_searched_nor_unknown(glossary: Glossary) -> None:
    expansion = glossary.expand("업체를 찾습니다. 견적 부탁드립니다, 감사합니다!")
    assert expansion.english_text == ""
    assert expansion.unknown == ()
    assert expansion.understood == ()
    assert not is_only_particles_or_punctuation("업체를 찾습니다")


def test_latin_words_are_kept_in_input_order(glossary: Glossary) -> None:
    words = glossary.expand("청소 blorp 케이터링 zzyzx").english_text.split()
    cleaning, catering = glossary.expand("청소").english_text.split(), glossary.expand("케이터링").english_text.split()
    assert words == cleaning + ["blorp"] + catering + ["zzyzx"]
    assert glossary.expand("Cloud 기반 ERP system 구축").english_text.startswith("Cloud ")


def test_short_acronyms_must_be_written_in_capitals(glossary: Glossary) -> None:
    assert glossary.expand("IT 컨설팅").english_text != glossary.expand("it 컨설팅").english_text
    assert glossary.expand("it 컨설팅").english_text.startswith("it ")  # "it" searched as typed


def test_naics_prefixes_are_a_union_in_order_of_first_appearance(glossary: Glossary) -> None:
    expansion = glossary.expand("청소 케이터링 청소")
    cleaning, catering = glossary.expand("청소").naics_prefixes, glossary.expand("케이터링").naics_prefixes
    assert expansion.naics_prefixes == tuple(dict.fromkeys(cleaning + catering))
    assert len(expansion.understood) == 2


def test_english_only_text_passes_through(glossary: Glossary) -> None:
    expansion = glossary.expand("office cleaning 2025")
    assert expansion.english_text == "office cleaning"
    assert not expansion.has_korean
    assert expansion.naics_prefixes == ()


# -- glossary files ----------------------------------------------------------


H = "concept,kind,en,ko,terms,naics,note\n"


def test_user_lexicon_overrides_bundled_concept_for_korean(tmp_path: Path) -> None:
    bundled = default_glossary()
    cleaning = next(c for c in bundled.lexicon.korean("청소"))
    path = write(tmp_path, "user.csv", H + f"{cleaning.concept},industry,,청소,deep cleaning;sanitation,56172,ours\n"
                 "kimchi,industry,kimchi,김치;뷁김치,kimchi;korean food,4244,\n")
    glossary = Glossary.load(path)
    new_forms = [f for f in ("김치", "뷁김치") if not bundled.lexicon.korean(f)]
    assert len(glossary) == len(bundled) + len(new_forms)
    expansion = glossary.expand("사무실 청소")
    assert "janitorial" in expansion.english_text  # 사무실 청소 itself is untouched
    assert glossary.expand("청소").english_text == "deep cleaning sanitation"
    assert glossary.expand("김치를").naics_prefixes == ("4244",)
    assert bundled.expand("청소").english_text != "deep cleaning sanitation"


def test_user_lexicon_from_korean_excel_or_with_bom_is_read(tmp_path: Path) -> None:
    content = H + "kimchi,industry,,김치,kimchi,4244,\n"
    cp949 = tmp_path / "excel.csv"
    cp949.write_bytes(content.encode("cp949"))
    bom = tmp_path / "bom.csv"
    bom.write_bytes(content.encode("utf-8-sig"))
    for path in (cp949, bom):
        assert Glossary.load(path).expand("김치").english_text == "kimchi"
    broken = tmp_path / "broken.csv"
    broken.write_bytes(H.encode() + b"kimchi,industry,,\xff\xfe\xfa,kimchi,,\n")
    with pytest.raises(ValueError, match=r"broken\.csv: line 2: not UTF-8"):
        Glossary.load(broken)


def test_later_user_lexicon_wins_and_none_is_skipped(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", H + "kimchi,industry,,김치,kimchi,,\n")
    second = write(tmp_path, "b.csv", H + "kimchi,industry,,김 치,pickled cabbage,4244,\n")
    glossary = Glossary.load(first, None, second)
    assert glossary.expand("김치").english_text == "pickled cabbage"
    assert len(Glossary.load(None)) == len(Glossary.load()) == len(default_glossary())


def test_default_glossary_is_cached() -> None:
    assert default_glossary() is default_glossary()


def test_glossary_can_be_built_from_entries() -> None:
    glossary = Glossary([GlossaryEntry("김치", ("kimchi",), ("4244",))])
    assert len(glossary) == 1
    assert glossary.entries() == [GlossaryEntry("김치", ("kimchi",), ("4244",))]
    assert glossary.expand("김치 청소").unknown == ("청소",)


def test_bundled_glossary_covers_all_20_naics_sectors_and_has_400_plus_entries() -> None:
    entries = default_glossary().entries()
    assert len(entries) >= 400
    sectors = {SECTOR_OF.get(p[:2], p[:2]) for e in entries for p in e.naics}
    assert sectors == NAICS_SECTORS


def test_bundled_glossary_is_well_formed() -> None:
    entries = default_glossary().entries()
    keys = [e.korean.replace(" ", "").casefold() for e in entries]
    assert len(keys) == len(set(keys)), "duplicate Korean terms"
    for entry in entries:
        searched = entry.kind in ("industry", "intent", "object")
        assert bool(entry.english) == searched, entry
        assert all(t and not HANGUL.search(t) for t in entry.english)
        for prefix in entry.naics:
            assert len(prefix) < 4 or prefix[:4] in NAICS_2022_GROUPS, (entry.korean, prefix)


# -- properties and performance --------------------------------------------

_PIECES = st.sampled_from(
    ["사무실", "청소", "을", "를", "에서", "는", "맨해튼", "IoT", " ", "  ", ",", "!", "ＡＢ", "ㅋ",
     "\u200b", "도로", "청쇼", "가", "漢", "é", "3", "스태튼", "아일랜드", "케이터링", "합니다"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=12).map("".join)))
def test_expand_never_raises_and_english_text_has_no_hangul(text: str) -> None:
    expansion = default_glossary().expand(text)
    assert not HANGUL.search(expansion.english_text)
    assert expansion.english_text == expansion.english_text.strip()
    assert all(unknown.strip() for unknown in expansion.unknown)
    assert expansion.has_korean == contains_hangul(normalize_text(text))


def benchmark_rows() -> list[dict[str, str]]:
    with BENCHMARK.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_benchmark_needs_are_well_formed() -> None:
    rows = benchmark_rows()
    assert len(rows) >= 44
    assert len({row["need_id"] for row in rows}) == len(rows)
    for row in rows:
        assert list(row) == ["need_id", "korean", "english", "relevant_naics4"]
        assert contains_hangul(row["korean"]) and not contains_hangul(row["english"])
        assert all(re.fullmatch(r"\d{4}", group) for group in row["relevant_naics4"].split(";"))


def test_every_benchmark_need_is_read_completely_with_a_relevant_naics_hint() -> None:
    glossary = default_glossary()
    for row in benchmark_rows():
        expansion = glossary.expand(row["korean"])
        relevant = row["relevant_naics4"].split(";")
        assert expansion.unknown == (), row["need_id"]
        assert any(
            prefix.startswith(group) or group.startswith(prefix)
            for prefix in expansion.naics_prefixes
            for group in relevant
        ), row["need_id"]
