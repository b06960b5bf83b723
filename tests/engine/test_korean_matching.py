"""Specification of Korean needs in the matching engine: no flag, what was read, what was not, and requirements."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match import MatchConfig, Matcher, Need, NeedError
from mwbe_match.cli import main
from mwbe_match.engine.places import preferred_boroughs
from mwbe_match.engine.readers.korean import Glossary, default_glossary
from mwbe_match.engine.results import SHORTLIST_COLUMNS, SHORTLIST_SCHEMA

AS_OF = dt.date(2026, 11, 1)
CONFIG = MatchConfig(as_of=AS_OF)
RANKING = ["need_id", "rank", "account_number", "score", "matched_terms", "naics_match"]


@lru_cache(maxsize=None)
def bundled_matcher() -> Matcher:
    return Matcher(mwbe_match.load_directory(mwbe_match.bundled_sample_path()), CONFIG)


@pytest.fixture(scope="module")
def matcher(bundled_directory) -> Matcher:
    return bundled_matcher()


@pytest.fixture(scope="module")
def real_matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


def groups(result: pd.DataFrame) -> list[str]:
    """The 4-digit NAICS industry group of each firm, best first."""
    return result["naics_code"].str.slice(0, 4).tolist()


def ranking(result: pd.DataFrame) -> pd.DataFrame:
    return result[RANKING].reset_index(drop=True)


# --------------------------------------------------------------------------- no flag: Korean reads like English

TWINS = [
    ("사무실 청소 용역", "office cleaning services", "5617"),
    ("화장실 배관 공사", "restroom plumbing work", "2382"),
    ("본사 행사 케이터링 업체", "catering for a company event", "7223"),
    ("한영 번역 및 통역", "Korean English translation and interpretation", "5419"),
    ("노후 건물 석면 제거", "asbestos abatement in an old building", "5629"),
    ("신축 건물 건축 설계", "architectural design for a new building", "5413"),
]


@pytest.mark.parametrize("korean, english, group", TWINS, ids=[t[2] for t in TWINS])
def test_a_korean_need_and_its_english_twin_put_the_same_industry_at_the_top(matcher, korean, english, group):
    ko, en = matcher.shortlist(korean, top=5), matcher.shortlist(english, top=5)
    assert groups(ko)[0] == groups(en)[0] == group
    assert groups(ko).count(group) >= 3


@pytest.mark.parametrize("korean, english, group", TWINS, ids=[t[2] for t in TWINS])
def test_real_sample_korean_and_english_twins_agree_on_the_top_industry(real_matcher, korean, english, group):
    ko, en = real_matcher.shortlist(korean, top=5), real_matcher.shortlist(english, top=5)
    assert groups(ko)[0] == groups(en)[0] == group


@pytest.mark.parametrize("spaced, unspaced", [
    ("사무실 청소", "사무실청소"),
    ("사무실 청소 용역 업체", "사무실청소용역업체"),
    ("석면 제거 공사", "석면제거 공사"),
    ("인테리어 공사", "인테리어공사"),
])
def test_spacing_variants_give_identical_shortlists(matcher, spaced, unspaced):
    a, b = matcher.shortlist(spaced, top=20), matcher.shortlist(unspaced, top=20)
    assert len(a) > 0
    pd.testing.assert_frame_equal(ranking(a), ranking(b))


SPACED_TERMS = sorted(e.korean for e in Glossary.load().entries() if " " in e.korean)


# Over every bundled spaced term and these endings the readings agree (benchmarks/spacing.py checks all of them:
# 0 of 40,896 pairs differ); a space that changed a term's meaning would be a named, tested exception.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(term=st.sampled_from(SPACED_TERMS), prefix=st.sampled_from(["", "맨해튼 "]),
       suffix=st.sampled_from(["", " 업체", " 용역을 찾습니다", "를", "을", "에서", "관련"]))
def test_a_glossary_term_written_with_or_without_its_spaces_gives_the_same_shortlist(term, prefix, suffix):
    matcher = bundled_matcher()
    spaced, unspaced = prefix + term + suffix, prefix.strip() + term.replace(" ", "") + suffix
    pd.testing.assert_frame_equal(ranking(matcher.shortlist(spaced, top=10)),
                                  ranking(matcher.shortlist(unspaced, top=10)))


@pytest.mark.parametrize("spaced, unspaced", [
    ("소호 사무실", "소호사무실"),  # SOHO office: 소호 inside the concept's form is no place (SoHo)
    ("JFK 화물", "JFK화물"),
    ("맨해튼 사무실 청소", "맨해튼사무실청소"),  # a place written onto the next word is still the place
])
def test_spacing_changes_neither_the_terms_read_nor_the_place_preferred(matcher, spaced, unspaced):
    a, b = matcher.read(spaced), matcher.read(unspaced)
    assert (a.search_text, a.naics_hints) == (b.search_text, b.naics_hints)
    assert preferred_boroughs(spaced).keys() == preferred_boroughs(unspaced).keys()
    pd.testing.assert_frame_equal(ranking(matcher.shortlist(spaced, top=10)),
                                  ranking(matcher.shortlist(unspaced, top=10)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(list("가나다람뷁쇼청소사무실을를 ,.!?") + ["IT", " plumbing", "맨해튼"]),
                      min_size=1, max_size=12))
def test_any_korean_text_gives_a_shortlist_or_the_empty_need_error(pieces):
    text = "".join(pieces)
    try:
        result = bundled_matcher().shortlist(text, top=5)
    except NeedError as exc:
        assert exc.field == "text" and "needs text or NAICS codes" in str(exc)
        return
    assert tuple(result.columns) == SHORTLIST_COLUMNS
    reading = bundled_matcher().read(text)
    assert result.empty or reading.usable
    assert all(list(u) == list(reading.unknown_terms) for u in result["unknown_terms"])


def read_line(korean: str) -> str:
    """How understood_terms shows a Korean term: ``found → its concept's English terms``."""
    (found, gloss), = default_glossary().expand(korean).understood
    return f"{found} → {gloss.replace('; ', ', ')}"


def main_term(korean: str) -> str:
    """The English term a Korean term is read as first (the start of ``Read as: ...``)."""
    return default_glossary().expand(korean).terms[0][1][0]


def test_mixed_korean_and_english_text_searches_both(matcher):
    result = matcher.shortlist("클라우드 migration 지원", top=5)
    assert len(result) == 5 and set(groups(result)) <= {"5415", "5182"}  # computer services, cloud hosting
    matched = set(result["matched_terms"].iloc[0])
    assert {"cloud", "migration"} <= matched  # 클라우드 read as 'cloud', 'migration' taken as typed
    assert read_line("클라우드") in list(result["understood_terms"].iloc[0])


def test_a_typo_in_an_english_word_of_a_mixed_need_is_still_corrected(matcher):
    # top 5: the firms the correction finds are specified, not their rank among cloud hosts that need no
    # correction ("Trellis IT Group" has one more index token since "IT" is one)
    result = matcher.shortlist("클라우드 migraton", top=5)
    corrected = result[["migraton→migration" in list(terms) for terms in result["matched_terms"]]]
    assert len(corrected) >= 2
    assert "'migration' (for 'migraton')" in corrected["reasons"].iloc[0]


# --------------------------------------------------------------------------- what was read, what was not


def test_understood_and_unknown_terms_are_the_same_on_every_row_of_a_need(matcher):
    result = matcher.shortlist("맨해튼 사무실 청소 꿹꿹꿹", top=10)
    assert len(result) == 10
    assert all(list(t) == [read_line("사무실 청소")] for t in result["understood_terms"])
    assert all(list(t) == ["꿹꿹꿹"] for t in result["unknown_terms"])


def test_reasons_open_with_how_the_korean_need_was_read(matcher):
    reasons = matcher.shortlist("사무실 청소 꿹꿹꿹", top=3)["reasons"]
    # after the reading, a firm without a published renewal date is flagged before the match itself
    opening = re.compile(rf"Read as: {re.escape(main_term('사무실 청소'))} \(not understood: '꿹꿹꿹'\)\. "
                         r"(No certification renewal date is published: check with SBS\. )?Matches ")
    assert len(reasons) and all(opening.match(r) for r in reasons)


def test_english_needs_say_what_their_words_were_read_as_but_reasons_have_no_read_as(matcher):
    result = matcher.shortlist("office cleaning", top=3)
    assert all(len(t) == 1 and t[0].startswith("office cleaning → office cleaning, ") and "janitorial" in t[0]
               for t in result["understood_terms"])
    assert result["unknown_terms"].list.len().tolist() == [0, 0, 0]
    assert not result["reasons"].str.contains("Read as").any()


def test_the_reading_columns_are_lists_of_strings_right_after_reasons(matcher):
    names = list(SHORTLIST_COLUMNS)
    assert names[names.index("reasons") + 1:names.index("reasons") + 3] == ["understood_terms", "unknown_terms"]
    assert SHORTLIST_SCHEMA.field("understood_terms").type == pa.list_(pa.string())
    result = matcher.shortlist("사무실 청소", top=2)
    assert [result[c].dtype.pyarrow_dtype for c in SHORTLIST_COLUMNS] == list(SHORTLIST_SCHEMA.types)


def test_read_shows_the_reading_without_ranking(matcher):
    reading = matcher.read("맨해튼 사무실 청소 꿹꿹꿹")
    assert reading.korean and reading.usable
    assert reading.understood_terms == (read_line("사무실 청소"),)
    assert reading.unknown_terms == ("꿹꿹꿹",)
    assert reading.naics_hints == default_glossary().expand("사무실 청소").naics_prefixes
    assert "맨해튼" not in reading.search_text and "manhattan" not in reading.search_text.lower()
    assert reading.summary == f"Read as: {main_term('사무실 청소')} (not understood: '꿹꿹꿹')"


# --------------------------------------------------------------------------- empty and unknown text


@pytest.mark.parametrize("text", ["을 를 ...!!", "를?", "은, 는."])
def test_text_of_only_particles_or_punctuation_is_the_empty_need_error(matcher, text):
    with pytest.raises(NeedError, match="needs text or NAICS codes") as info:
        matcher.shortlist(text)
    assert info.value.field == "text"


def test_particles_only_text_in_a_batch_names_the_row(matcher):
    with pytest.raises(NeedError, match="row 2.*needs text or NAICS codes"):
        matcher.shortlist_many(pd.DataFrame({"need_id": ["a", "b"], "text": ["사무실 청소", "을 를"]}))


def test_particles_only_text_with_naics_codes_is_a_naics_need(matcher):
    assert Need("n", "을 를", naics="5617").text == ""
    assert len(matcher.shortlist(Need("n", "을 를", naics="5617"))) > 0


def test_an_unknown_korean_word_is_reported_not_raised(matcher):
    result = matcher.shortlist("사무실 청소 뷁뷁", top=3)
    assert len(result) == 3 and list(result["unknown_terms"].iloc[0]) == ["뷁뷁"]


def test_a_need_of_only_unknown_korean_words_gets_an_empty_shortlist_and_a_reason(matcher):
    result = matcher.shortlist("뷁뷁 꿹꿹꿹", top=5)
    assert len(result) == 0 and tuple(result.columns) == SHORTLIST_COLUMNS
    reading = matcher.read("뷁뷁 꿹꿹꿹")
    assert not reading.usable and reading.unknown_terms == ("뷁뷁", "꿹꿹꿹")
    assert reading.no_match_reason().startswith("Nothing in this need was understood (not understood: '뷁뷁', '꿹꿹꿹')")
    assert "--lexicon" in reading.no_match_reason()


def test_a_need_of_only_places_and_request_words_searches_nothing_and_says_so(matcher):
    assert len(matcher.shortlist("맨해튼 삼성 업체를 찾습니다")) == 0
    reading = matcher.read("맨해튼 삼성 업체를 찾습니다")
    assert not reading.usable and reading.unknown_terms == ()
    assert reading.no_match_reason().startswith("Nothing in this need names goods or services to search for")


def test_a_batch_job_reports_a_need_of_unknown_korean_words_as_no_match_with_the_reason(tmp_path: Path, matcher):
    needs = pd.DataFrame({"need_id": ["ok", "lost", "en"],
                          "text": ["사무실 청소", "뷁뷁 꿹꿹꿹", "quantum teleportation of llamas"]})
    summary = mwbe_match.run_shortlist(needs, tmp_path / "out.parquet", directory=matcher, top=3)
    assert (summary.shortlisted, summary.no_match, summary.invalid) == (1, 2, 0)
    out = pq.read_table(tmp_path / "out.parquet").to_pandas().drop_duplicates("input_row").set_index("need_id")
    assert out.loc["lost", "status"] == "no_match"
    assert list(out.loc["lost", "unknown_terms"]) == ["뷁뷁", "꿹꿹꿹"]
    assert out.loc["lost", "reasons"].startswith("Nothing in this need was understood")
    assert out.loc["en", "reasons"].startswith("No firm in the directory uses any of this need's words "
                                               "('quantum', 'teleportation', 'llamas').")
    assert list(out.loc["ok", "understood_terms"])[0] == read_line("사무실 청소")


# --------------------------------------------------------------------------- boroughs


def test_korean_borough_names_in_structured_fields_are_boroughs():
    assert Need("n", "x", boroughs=["맨해튼", "퀸즈"]).boroughs == ("MANHATTAN", "QUEENS")
    assert Need.from_mapping({"need_id": "n", "text": "x", "boroughs": "브루클린;퀸즈"}).boroughs == ("BROOKLYN", "QUEENS")
    assert Need("n", "x", boroughs=["스태튼아일랜드", "Bronx"]).boroughs == ("STATEN ISLAND", "BRONX")


def test_a_korean_place_that_is_not_a_borough_is_refused_listing_the_boroughs():
    with pytest.raises(NeedError, match="unknown borough '뉴욕'.*MANHATTAN.*맨해튼") as info:
        Need("n", "x", boroughs="뉴욕")
    assert info.value.field == "boroughs"


def test_a_korean_borough_in_structured_fields_filters(matcher):
    result = matcher.shortlist("사무실 청소", boroughs=["맨해튼", "퀸즈"], top=50)
    assert len(result) > 0 and set(result["borough"]) <= {"MANHATTAN", "QUEENS"}


def test_a_korean_borough_in_the_text_is_neither_a_search_word_nor_a_filter(bundled_directory):
    # without the place preference (place_weight=0) the borough changes nothing; with it, no firm is left out
    no_preference = Matcher(bundled_directory, dataclasses.replace(CONFIG, place_weight=0.0))
    with_place = no_preference.shortlist("맨해튼 사무실 청소", top=20)
    pd.testing.assert_frame_equal(ranking(with_place), ranking(no_preference.shortlist("사무실 청소", top=20)))
    assert set(with_place["borough"].dropna()) - {"MANHATTAN"}
    preferred = bundled_matcher().shortlist("맨해튼 사무실 청소", top=1000)
    assert set(preferred["account_number"]) == set(bundled_matcher().shortlist("사무실 청소", top=1000)["account_number"])


def test_real_sample_a_korean_borough_in_the_text_changes_the_ranking_only_through_the_place_preference(
        real_directory):
    no_preference = Matcher(real_directory, dataclasses.replace(CONFIG, place_weight=0.0))
    a, b = no_preference.shortlist("브루클린 물류창고 경비원", top=10), no_preference.shortlist("물류창고 경비원", top=10)
    pd.testing.assert_frame_equal(ranking(a), ranking(b))


# --------------------------------------------------------------------------- user glossaries


def write_glossary(tmp_path: Path, rows: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "my_glossary.csv"
    path.write_bytes(("concept,kind,en,ko,terms,naics,note\n" + rows).encode(encoding))
    return path


def test_a_user_glossary_entry_changes_the_reading(tmp_path: Path, bundled_directory):
    path = write_glossary(tmp_path, "our_abatement,industry,,뷁뷁,asbestos abatement,56291,our plant's word for it\n")
    before = bundled_matcher().read("뷁뷁 공사")
    assert before.unknown_terms == ("뷁뷁",)
    ours = Matcher(bundled_directory, CONFIG, glossary=path)
    assert ours.read("뷁뷁 공사").understood_terms[0] == "뷁뷁 → asbestos abatement"
    assert groups(ours.shortlist("뷁뷁 공사", top=3)) == ["5629"] * 3
    assert ours.glossary_files == (str(path),)


def test_a_user_glossary_entry_replaces_the_bundled_one(tmp_path: Path, bundled_directory):
    path = write_glossary(tmp_path, "catering,industry,,케이터링,translation;interpretation,54193,\n", encoding="cp949")
    ours = Matcher(bundled_directory, CONFIG, glossary=[path])
    assert groups(ours.shortlist("케이터링", top=3)) == ["5419"] * 3


def test_a_glossary_object_is_used_as_is(bundled_directory):
    glossary = Glossary.load()
    assert Matcher(bundled_directory, CONFIG, glossary=glossary).glossary is glossary


def test_a_malformed_user_glossary_names_the_file_and_line(tmp_path: Path, bundled_directory):
    path = write_glossary(tmp_path, "our_abatement,industry,,뷁뷁,asbestos abatement,5x,\n")
    with pytest.raises(ValueError, match=r"my_glossary\.csv: line 2: NAICS prefix '5x'"):
        Matcher(bundled_directory, CONFIG, glossary=path)


def test_the_batch_job_takes_a_user_glossary_and_records_it(tmp_path: Path, bundled_directory):
    path = write_glossary(tmp_path, "our_abatement,industry,,뷁뷁,asbestos abatement,56291,\n")
    out = tmp_path / "out.parquet"
    mwbe_match.run_shortlist(pd.DataFrame({"text": ["뷁뷁"]}), out, directory=bundled_directory, glossary=path)
    table = pq.read_table(out)
    assert table.column("status").to_pylist()[0] == "shortlisted"
    meta = json.loads(table.schema.metadata[b"mwbe_match"])
    assert meta["parameters"]["glossary"]["user_files"] == [str(path)]


def test_the_command_line_takes_glossary_files_and_names_a_malformed_one(tmp_path: Path, capsys):
    needs = tmp_path / "needs.csv"
    needs.write_text("need_id,text\nk1,뷁뷁\n", encoding="utf-8")
    good = write_glossary(tmp_path, "our_abatement,industry,,뷁뷁,asbestos abatement,56291,\n")
    args = ["shortlist", str(needs), "--directory", str(mwbe_match.bundled_sample_path()), "--quiet"]
    assert main([*args, "-o", str(tmp_path / "a.parquet"), "--glossary", str(good)]) == 0
    assert pq.read_table(tmp_path / "a.parquet").column("status").to_pylist()[0] == "shortlisted"
    bad = tmp_path / "bad.csv"
    bad.write_text("concept,kind,en,ko,terms,naics,note\nbad_one,industry,,,,,\n", encoding="utf-8")
    assert main([*args, "-o", str(tmp_path / "b.parquet"), "--glossary", str(good), "--glossary", str(bad)]) == 1
    assert "bad.csv: line 2: concept 'bad_one' has neither 'en' nor 'ko' forms" in capsys.readouterr().err
    assert not (tmp_path / "b.parquet").exists()


# --------------------------------------------------------------------------- batches


_TEXTS = ["사무실 청소", "office cleaning", "배관 공사", "plumbing", "클라우드 migration 지원", "케이터링 업체",
          "catering", "석면 제거 및 철거", "맨해튼 인테리어 공사", "뷁뷁 꿹꿹꿹", "전기공사 LED 조명", "painting"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.sampled_from(_TEXTS), min_size=1, max_size=6),
       boroughs=st.lists(st.sampled_from(["맨해튼", "Queens", "브루클린", None]), min_size=6, max_size=6),
       top=st.integers(1, 12))
def test_shortlist_many_with_korean_and_english_needs_equals_single_shortlists(texts, boroughs, top):
    matcher = bundled_matcher()
    needs = [Need(str(i), t, boroughs=b) for i, (t, b) in enumerate(zip(texts, boroughs))]
    batch = matcher.shortlist_many(needs, top=top)
    singles = pd.concat([matcher.shortlist(n, top=top) for n in needs], ignore_index=True)
    pd.testing.assert_frame_equal(batch.reset_index(drop=True), singles)


def test_a_cp949_needs_file_shortlists_like_its_utf8_twin(tmp_path: Path, matcher):
    rows = "need_id,company,text,boroughs\nk1,삼성물산,사무실 청소 용역,맨해튼;퀸즈\nk2,한화,배관 공사 업체를 찾습니다,\n"
    (tmp_path / "utf8.csv").write_text(rows, encoding="utf-8")
    (tmp_path / "cp949.csv").write_bytes(rows.encode("cp949"))
    for name in ("utf8", "cp949"):
        mwbe_match.run_shortlist(tmp_path / f"{name}.csv", tmp_path / f"{name}.parquet", directory=matcher)
    utf8, cp949 = (pq.read_table(tmp_path / f"{n}.parquet") for n in ("utf8", "cp949"))
    assert cp949.column("status").to_pylist().count("shortlisted") == cp949.num_rows > 0
    assert cp949.drop(["text"]).equals(utf8.drop(["text"])) and cp949.column("text").equals(utf8.column("text"))
    assert set(cp949.column("borough").to_pylist()[:10]) <= {"MANHATTAN", "QUEENS"}


# --------------------------------------------------------------------------- certified_through


def with_lapsed_mbe(directory: pd.DataFrame) -> tuple[pd.DataFrame, str, dt.date]:
    """The directory with one real MBE+WBE firm's MBE renewal moved a year before its WBE renewal."""
    certs = directory["certifications"]
    dates = directory["certification_renewal_dates"]
    for i in range(len(directory)):
        held, renew = certs.iloc[i], dates.iloc[i]
        if held is None or renew is None or list(held) != ["MBE", "WBE"] or len(renew) != 2 or pd.isna(renew[1]):
            continue
        wbe = renew[1]
        lapsed = wbe - dt.timedelta(days=365)
        frame = directory.copy()
        frame["certification_renewal_dates"] = pd.Series(
            pa.array([list(d) if d is not None else None for d in dates.iloc[:i]] + [[lapsed, wbe]]
                     + [list(d) if d is not None else None for d in dates.iloc[i + 1:]], pa.list_(pa.date32())),
            index=directory.index, dtype=dates.dtype)
        return frame, directory["account_number"].iloc[i], wbe - dt.timedelta(days=100)
    pytest.skip("no firm holds exactly MBE and WBE with renewal dates")


@pytest.mark.parametrize("sample", ["bundled_directory", "real_directory"])
def test_certified_through_passes_a_firm_still_valid_in_one_requested_certification(request, sample):
    directory, account, day = with_lapsed_mbe(request.getfixturevalue(sample))
    code = directory.loc[directory["account_number"] == account, "naics_code"].iloc[0]
    # judged on the day asked about: the firm's WBE is valid then, its MBE has lapsed
    matcher = Matcher(directory, dataclasses.replace(CONFIG, as_of=day))

    def returned(**requirements) -> bool:
        result = matcher.shortlist(Need("n", naics=code, certified_through=day, **requirements), top=10_000)
        return account in set(result["account_number"])

    assert returned(certifications=["MBE", "WBE"])  # a valid WBE on that date
    assert returned(certifications="WBE")
    assert not returned(certifications="MBE")  # its MBE has lapsed by then
    assert not returned()  # without certifications: every certification it holds must be valid
