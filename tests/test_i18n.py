"""Korean-language output: headers, status values, requirement names and reasons (``lang="ko"``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match import i18n
from mwbe_match.batch import verify_schema
from mwbe_match.cli import main as cli_main
from mwbe_match.engine import NAICS_MATCH_LEVELS, SHORTLIST_COLUMNS, Matcher
from mwbe_match.verify import STATUSES as NAME_STATUSES
from mwbe_match.engine.need import Need
from mwbe_match.readers import read_table

PROJECT_DIR = Path(__file__).resolve().parent.parent
NEEDS_EXAMPLE = PROJECT_DIR / "datasets" / "needs_example.csv"
VENDORS_EXAMPLE = PROJECT_DIR / "datasets" / "vendors_example.csv"

#: Words of the English reason templates: none may be left in a Korean reason once the values that
#: legitimately stay English (quoted names and terms, NAICS titles, the glossary's English reading) are removed.
TEMPLATE_WORDS = frozenset("""
matches in certified through renewal date listed meets every requirement firm firms mentions miles from
industry need points asked likely same sector subsector name score given directory ambiguous account scores
expired lapsed expires expiring certification normalization spacing typo generic word differs similar order
another legal form phone website domain ignored missing empty letters digits text closest close enough
remaining them are is outside not the and job site read understood nothing search searched goods services
places company names words such distance bonding borough state ethnicity excluded years business union
signatory past contract size fit fits of one no certified valid unknown status
farther geocoded hold longer owned signatories enrolled meet limit less but none
""".split())

# Upper-case codes and abbreviations that stay as they are in Korean.
_KEPT = re.compile(r"\b(?:MBE|WBE|LBE|EBE|NAICS|DBA|PASSPort|NaN|ZIP)\b")


def _residual_english(korean: str) -> set[str]:
    """Template words left in a Korean reason after removing what may stay English."""
    text = re.sub(r"^해석 결과: .*?(?:\. |$)", "", korean)          # the glossary's English reading
    text = re.sub(r"'[^']*'", "", text)                             # quoted names, terms and values
    text = re.sub(r"NAICS \d{2,6}[^:;]*:", "", text)                # NAICS code and title
    text = re.sub(r"\(Matcher\(lexicon=\.\.\.\), mwbe-match shortlist --lexicon\)", "", text)
    text = _KEPT.sub("", text)
    return {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in TEMPLATE_WORDS}


def _assert_all_korean(reasons: list[str]) -> None:
    problems = []
    for reason in dict.fromkeys(r for r in reasons if isinstance(r, str)):
        left = i18n.untranslated_clauses(reason)
        korean = i18n.translate_reason(reason, "ko")
        residue = _residual_english(korean)
        if left or residue:
            problems.append((reason, left, sorted(residue), korean))
    assert not problems, "\n\n".join(map(str, problems[:5]))


@pytest.fixture(scope="module")
def matcher(real_directory: pd.DataFrame) -> Matcher:
    return Matcher(real_directory, mwbe_match.MatchConfig(as_of=dt.date(2026, 12, 1)))


@pytest.fixture(scope="module")
def example_needs() -> list[Need]:
    frame = read_table(NEEDS_EXAMPLE)
    return [Need.from_mapping(row) for row in frame.to_dict("records")]


def _variants(needs: list[Need]) -> list[Need]:
    """The example needs as given, and with further requirements (borough, job site, dates, bonding, ...)."""
    out = list(needs)
    extra = [
        dict(boroughs=("QUEENS",)),
        dict(near="10001:5"),
        dict(near="11354:3", certifications=("MBE", "WBE")),
        dict(certified_through=dt.date(2027, 6, 30), boroughs=("BROOKLYN", "BRONX")),
        dict(min_bonding=1_000_000.0, states=("NY",)),
        dict(naics=("5617",)),
        dict(naics=("23",), min_years_in_business=10.0),
        dict(ethnicity=("ASIAN",), passport_enrolled=True),
        dict(union_signatory=True, min_contract_value=100_000.0, exclude=("0",)),
        dict(near=(40.7128, -74.0060, 2.0)),
    ]
    for k, need in enumerate(needs):
        changes = extra[k % len(extra)]
        out.append(dataclasses.replace(need, need_id=f"{need.need_id}-v", **changes))
    return out


# --------------------------------------------------------------------------- labels


def test_every_shortlist_and_verify_column_has_a_korean_header() -> None:
    columns = set(SHORTLIST_COLUMNS) | set(verify_schema().names) | set(mwbe_match.batch.shortlist_schema().names)
    labels = i18n.column_labels(columns, "ko")
    assert not [c for c, label in labels.items() if label == c]
    new_columns = ["certification_status", "certified_through", "as_of", "contact_name", "address", "city", "state",
                   "zip", "ethnicity", "latitude", "longitude", "min_score"]
    assert all(i18n.column_label(c, "ko") != c for c in new_columns)


def test_the_korean_headers_are_the_ones_analysts_use() -> None:
    expected = {"need_id": "요청ID", "company": "요청 회사", "text": "요청 내용", "reasons": "사유",
                "borough": "자치구", "certifications": "인증", "certification_expires": "인증 만료일",
                "certification_status": "인증 상태", "account_number": "업체 계정번호", "name": "업체명"}
    assert {c: i18n.column_label(c, "ko") for c in expected} == expected


def test_english_stays_the_default_and_leaves_everything_unchanged() -> None:
    assert i18n.column_label("reasons") == "reasons"
    assert i18n.value_label("status", "exact") == "exact"
    assert i18n.translate_reason("MBE certified through 2027-03-31.") == "MBE certified through 2027-03-31."
    frame = pd.DataFrame({"status": ["exact"], "reasons": ["x"]})
    assert i18n.localize(frame) is frame


def test_every_status_value_has_a_korean_label() -> None:
    statuses = set(mwbe_match.batch.STATUSES) | set(NAME_STATUSES) | {"ok"}
    assert all(i18n.value_label("status", s, "ko") != s for s in statuses)
    assert all(i18n.value_label("naics_match", s, "ko") != s for s in NAICS_MATCH_LEVELS)
    from mwbe_match.certification import CERTIFICATION_STATUSES

    assert all(i18n.value_label("certification_status", s, "ko") != s for s in CERTIFICATION_STATUSES)
    labels = [i18n.value_label("status", s, "ko") for s in sorted(statuses)]
    assert len(labels) == len(set(labels))  # no two statuses read the same


def test_every_requirement_has_a_korean_name() -> None:
    from mwbe_match.engine.need import REQUIREMENT_FIELDS

    assert all(i18n.requirement_label(f, "ko") != f for f in REQUIREMENT_FIELDS)
    assert i18n.requirement_label("min_bonding", "ko") == "본딩 한도"
    assert i18n.sheet_name("needs", "ko") == "요청 목록" and i18n.sheet_name("needs") == "needs"


def test_an_unknown_language_is_a_clear_error() -> None:
    assert i18n.check_lang("KO") == "ko" and i18n.check_lang(None) == "en"
    with pytest.raises(ValueError, match="lang must be one of en, ko, got 'fr'"):
        i18n.check_lang("fr")
    with pytest.raises(ValueError, match="lang"):
        mwbe_match.show(pd.DataFrame({"a": [1]}), lang="jp")


# --------------------------------------------------------------------------- reasons


def test_a_shortlist_reason_reads_as_business_korean() -> None:
    english = ("Matches 'plumbing' in description and job history; MBE certified through 2027-03-31 and WBE "
               "certified (renewal date not listed); 2.3 miles from 10001; meets every requirement "
               "(certification, borough, bonding).")
    assert i18n.translate_reason(english, "ko") == (
        "사업 설명 및 수행 실적에서 'plumbing' 일치; MBE 인증(2027-03-31까지 유효) 및 WBE 인증(갱신일 미기재); "
        "10001에서 2.3마일; 모든 요건 충족(인증, 자치구, 본딩 한도)")


def test_the_no_match_elimination_sentence_is_one_korean_sentence() -> None:
    english = ("11 firms fit the text and NAICS; 10 of them are not certified through 2027-06-30; "
               "the remaining one is outside Queens")
    assert i18n.translate_reason(english, "ko") == (
        "요청 내용과 NAICS 코드에 맞는 업체 11곳 중 10곳은 2027-06-30까지 유효한 인증이 없고, "
        "나머지 1곳은 퀸즈 이외 지역에 있음.")


@pytest.mark.parametrize("english, korean", [
    ("1 firm fits the text; it is outside Queens or Brooklyn", "요청 내용에 맞는 업체 1곳은 퀸즈·브루클린 이외 지역에 있음."),
    ("3 firms fit the text; all of them are not certified through 2027-06-30",
     "요청 내용에 맞는 업체 3곳 모두 2027-06-30까지 유효한 인증이 없음."),
    ("5 firms fit the text and NAICS; 2 of them are not MBE or WBE certified; 2 of them are below the bonding "
     "limit of $1,000,000; the remaining one is more than 5 miles from 10001",
     "요청 내용과 NAICS 코드에 맞는 업체 5곳 중 2곳은 MBE·WBE 인증이 없고, 2곳은 본딩 한도가 $1,000,000 미만이며, "
     "나머지 1곳은 10001에서 5마일보다 멀리 있음."),
])
def test_other_elimination_sentences_read_as_one_korean_sentence(english: str, korean: str) -> None:
    assert i18n.translate_reason(english, "ko") == korean


@pytest.mark.parametrize("english, korean", [
    ("certification lapsed on 2026-05-01", "인증이 2026-05-01부로 만료됨"),
    ("certification expired on 2025-01-31", "인증이 2025-01-31부로 만료됨"),
    ("certification expires on 2027-01-15 (in 45 days)", "인증 만료일 2027-01-15(45일 남음, 만료 임박)"),
    ("certification status unknown (no renewal date listed)", "인증 상태 확인 불가(갱신일 미기재)"),
    ("5.0 miles from the job site", "현장에서 5.0마일"),
    ("same DBA apart from spacing (name score 99.0)", "띄어쓰기만 다르고 DBA(영업명)과 동일 (이름 점수 99.0)"),
    ("same formal name after normalization", "대소문자·문장부호 등 표기 차이 외에는 공식 상호와 동일"),
])
def test_certification_distance_and_name_phrases_have_korean_forms(english: str, korean: str) -> None:
    assert i18n.translate_reason(english, "ko") == korean


def test_real_reasons_read_as_business_korean(real_directory: pd.DataFrame, matcher: Matcher) -> None:
    """Four real reasons in full: a lapsed firm (include_lapsed), an expiring one, a no-match need, a vendor check."""
    lapsed_ok = Matcher(real_directory, mwbe_match.MatchConfig(as_of=dt.date(2026, 12, 1), include_lapsed=True))
    rows = lapsed_ok.shortlist("사무실 청소", boroughs=("MANHATTAN",), top=200).set_index("account_number")
    assert rows.at["331904", "certification_status"] == "lapsed"  # Union Square Physician Services, P.C.
    assert i18n.translate_reason(rows.at["331904", "reasons"], "ko") == (
        "해석 결과: janitorial. 주의: 인증이 2026-06-01부로 만료되어 2026-12-01 기준 인증 업체가 아님. "
        "NAICS 업종명 및 수행 실적에서 'care', 'office' 일치; MBE 인증 2026-06-01부로 만료; 다른 요건(자치구)은 충족하나 "
        "인증이 유효하지 않음")
    assert rows.at["10730", "certification_status"] == "expiring"  # Auldbrass Partners, L.P.
    assert i18n.translate_reason(rows.at["10730", "reasons"], "ko") == (
        "해석 결과: janitorial. 사업 설명에서 'office' 일치; MBE 인증(2027-02-28까지 유효, 갱신 기한 89일 남음); "
        "모든 요건 충족(자치구)")

    need = Need("n", "office cleaning", certifications=("WBE",), boroughs=("BRONX",), min_bonding=500_000.0)
    assert matcher.shortlist(need).empty
    assert i18n.translate_reason(matcher.funnel([need])["reasons"].iloc[0], "ko") == (
        "요청 내용에 맞는 업체 318곳 중 149곳은 WBE 인증이 없고, 나머지 169곳 중 13곳은 2026-12-01 기준 WBE 인증이 "
        "만료되었으며, 나머지 156곳 중 147곳은 브롱크스 이외 지역에 있고, 나머지 9곳은 본딩 한도가 $500,000 미만이거나 "
        "기재되지 않음.")

    vendors = read_table(VENDORS_EXAMPLE)
    checked = mwbe_match.match_names(vendors, real_directory).set_index("input_name")
    # a firm sharing only trade words ("Construction Group") is no possible match (issue 13 §3)
    assert checked.at["Ardmore Construction Group", "status"] == "none"
    assert i18n.translate_reason(checked.at["Ardmore Construction Group", "reasons"], "ko") == (
        "이름이 충분히 비슷한 인증 업체가 없음 (가장 비슷한 업체: 'Halo Construction Group Inc.', 점수 78.4, "
        "업종어 외에 겹치는 고유 상호 단어 없음)")
    heard = mwbe_match.match_names(["월튼 플러밍 앤 히팅 쀍쀍"], real_directory)["reasons"].iloc[0]
    assert i18n.untranslated_clauses(heard) == []


def test_real_no_match_funnels_in_korean_leave_no_english_template_behind(matcher: Matcher,
                                                                         example_needs: list[Need]) -> None:
    """What batch output writes for a no_match row: which requirement eliminated how many firms."""
    needs = _variants(example_needs) + [
        Need("nm1", "plumbing", boroughs=("STATEN ISLAND",), min_bonding=50_000_000.0),
        Need("nm2", "catering", naics=("9999",)), Need("nm3", "", naics=("111110",)),
        Need("nm4", "construction", ethnicity=("NATIVE AMERICAN",), union_signatory=True, passport_enrolled=True),
        Need("nm5", "office cleaning", near="10001:0.2", states=("CT",)), Need("nm6", "블라블라 쿵쿵"),
    ]
    reasons = matcher.funnel(needs)["reasons"].tolist()
    assert any(" of the remaining " in r for r in reasons) and any("every requirement" in r for r in reasons)
    _assert_all_korean(reasons)


def test_real_shortlists_in_korean_leave_no_english_template_behind(matcher: Matcher,
                                                                    example_needs: list[Need]) -> None:
    needs = _variants(example_needs)
    result = matcher.shortlist_many(needs, top=5)
    assert len(result) > 100
    reasons = result["reasons"].tolist()
    found = set(result["need_id"])
    # the needs without a supplier contribute their no-match reasons
    reasons += [matcher.read(n.text).no_match_reason() for n in needs if n.need_id not in found]
    assert any("miles from 10001" in r for r in reasons)
    _assert_all_korean(reasons)


def test_real_no_match_reasons_in_korean_leave_no_english_template_behind(matcher: Matcher) -> None:
    texts = ["블라블라 쿵쿵", "맨해튼 업체 용역", "zzqqx plumming", "사무실 청소 블라블라", "office cleaning", "???"]
    _assert_all_korean([matcher.read(t).no_match_reason() for t in texts])


def test_real_verifications_in_korean_leave_no_english_template_behind(real_directory: pd.DataFrame) -> None:
    firms = mwbe_match.unique_firms(real_directory).head(80)
    names, phones, zips = [], [], []
    for k, row in enumerate(firms.itertuples()):
        name = row.name
        variant = k % 8
        if variant == 1:
            name = name.lower().replace(" inc", "").replace(" llc", "").replace(",", "")
        elif variant == 2 and len(name) > 8:
            name = name[:4] + name[5] + name[4] + name[6:]  # a transposition
        elif variant == 3:
            name = " ".join(reversed(name.split()))
        elif variant == 4:
            name = name.replace(" ", "", 1)
        elif variant == 5:
            name = name + " Services Group"
        elif variant == 6 and isinstance(row.dba, str) and row.dba:
            name = row.dba + " LLC"
        names.append(name)
        phones.append(row.phone if k % 3 == 0 else ("2125550000" if k % 3 == 1 else "12"))
        zips.append(row.zip if k % 2 else "999")
    names += [None, "", "!!!", True, 12, "Totally Unknown Firm Nobody Has"]
    phones += [None] * 5 + ["12"]
    zips += [None] * 5 + ["1"]
    vendors = pd.DataFrame({"vendor_name": pd.Series(names, dtype=object), "phone": phones, "zip": zips})
    index = mwbe_match.NameIndex(real_directory)
    result = index.match(vendors)
    statuses = set(result["status"])
    assert {"exact", "invalid", "none"} <= statuses and ({"strong", "possible"} & statuses)
    candidates = index.candidates(vendors, k=3)
    _assert_all_korean(result["reasons"].tolist() + candidates["reasons"].tolist())


def test_verification_on_a_firm_s_last_valid_day_says_its_renewal_is_due_today_in_english_and_korean(
        real_directory: pd.DataFrame) -> None:
    firms = mwbe_match.unique_firms(real_directory)
    one = firms[firms["certification_renewal_dates"].map(lambda d: len(d) == 1 and d[0] is not None)].iloc[0]
    last_day = one["certification_renewal_dates"][0]
    result = mwbe_match.match_names([one["name"]], real_directory, as_of=last_day)
    assert result["certification_status"].tolist() == ["expiring"]
    reason = result["reasons"].iloc[0]
    assert f"{one['certifications'][0]} renewal due today ({last_day})" in reason
    assert "within" not in reason
    _assert_all_korean([reason])
    assert f"갱신 기한 오늘({last_day})" in i18n.translate_reason(reason, "ko")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_translating_any_text_gives_text_and_never_fails(text: str) -> None:
    out = i18n.translate_reason(text, "ko")
    assert isinstance(out, str)
    assert isinstance(i18n.untranslated_clauses(text), list)
    if not text:
        assert out == text


# --------------------------------------------------------------------------- display and batch output


def test_show_in_korean_has_korean_headers_values_and_reasons(matcher: Matcher) -> None:
    result = matcher.shortlist("plumbing", near="10001:5", top=3)
    before = result.copy()
    view = mwbe_match.show(result, lang="ko")
    assert list(view.frame.columns[:3]) == ["요청ID", "순위", "업체 계정번호"]
    assert "사유" in view.frame.columns and "reasons" not in view.frame.columns
    assert all("10001에서" in r and "마일" in r for r in view.frame["사유"])
    assert set(view.frame["NAICS 일치도"]) <= set(i18n.VALUE_LABELS_KO["naics_match"].values())
    assert 'class="mwbe-wrap"' in view._repr_html_() and "3행" in repr(view)
    pd.testing.assert_frame_equal(result, before)


def test_korean_batch_output_keeps_english_codes_in_parquet_and_korean_headers_in_csv(
        matcher: Matcher, tmp_path: Path) -> None:
    en = tmp_path / "en.parquet"
    ko = tmp_path / "ko.parquet"
    ko_csv = tmp_path / "ko.csv"
    mwbe_match.run_shortlist(NEEDS_EXAMPLE, en, directory=matcher, top=3, progress=False)
    mwbe_match.run_shortlist(NEEDS_EXAMPLE, ko, directory=matcher, top=3, progress=False, lang="ko")
    mwbe_match.run_shortlist(NEEDS_EXAMPLE, ko_csv, directory=matcher, top=3, progress=False, lang="ko")
    english, korean = pq.read_table(en).to_pandas(), pq.read_table(ko).to_pandas()
    assert list(korean.columns) == list(english.columns)
    assert korean["status"].tolist() == english["status"].tolist()
    assert korean["account_number"].tolist() == english["account_number"].tolist()
    assert korean["reasons"].tolist() == [i18n.translate_reason(r, "ko") for r in english["reasons"]]
    csv = pd.read_csv(ko_csv, dtype=str, encoding="utf-8-sig")
    assert list(csv.columns) == [i18n.column_label(c, "ko") for c in english.columns]
    assert len(csv) == len(english)
    assert set(csv["처리 결과"]) <= {"추천 업체 있음", "해당 업체 없음", "입력 오류"}
    assert csv["사유"].fillna("").tolist() == korean["reasons"].fillna("").tolist()


def test_korean_verify_csv_has_korean_headers_and_statuses(real_directory: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "verify.csv"
    index = mwbe_match.NameIndex(real_directory)
    summary = mwbe_match.run_verify(VENDORS_EXAMPLE, out, directory=index, progress=False, lang="ko")
    csv = pd.read_csv(out, dtype=str, encoding="utf-8-sig")
    assert len(csv) == summary.vendors_read
    assert csv.columns[:4].tolist() == ["입력 행 번호", "입력 업체명", "업체 계정번호", "일치 업체명"]
    korean_statuses = {i18n.value_label("status", s, "ko") for s in NAME_STATUSES}
    assert set(csv["처리 결과"]) <= korean_statuses
    _assert_all_korean([r for r in pd.read_csv(VENDORS_EXAMPLE, dtype=str).pipe(index.match)["reasons"]])


def test_the_cli_takes_lang_ko(matcher: Matcher, real_sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    code = cli_main(["shortlist", str(NEEDS_EXAMPLE), "-o", str(out), "--lang", "ko", "--top", "2", "--quiet",
                     "--directory", str(real_sample_path)])
    assert code == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith('"요청ID","요청 회사","요청 내용","처리 결과"')


# --------------------------------------------------------------------------- Korean input


def test_a_needs_file_with_korean_headers_and_values_reads_like_the_english_one(matcher: Matcher,
                                                                               tmp_path: Path) -> None:
    korean = tmp_path / "needs_ko.csv"
    korean.write_text(
        "요청ID,회사,요청내용,인증,자치구,본딩,인증 유효기간,현장 우편번호,반경,업력,노조\n"
        "k1,한빛,사무실 청소,\"여성기업, 소수민족기업\",맨해튼;퀸즈,100만 달러,2027년 6월 30일,,,,\n"
        "k2,한빛,plumbing,소수민족기업,,,,11354,5,5년,아니오\n", encoding="utf-8-sig")
    english = pd.DataFrame({
        "need_id": ["k1", "k2"], "company": ["한빛", "한빛"], "text": ["사무실 청소", "plumbing"],
        "certifications": ["WBE;MBE", "MBE"], "boroughs": ["MANHATTAN;QUEENS", None],
        "min_bonding": ["1000000", None], "certified_through": ["2027-06-30", None],
        "near": [None, "11354:5"], "min_years_in_business": [None, "5"], "union_signatory": [None, "no"],
    })
    from_korean = [Need.from_mapping(r) for r in read_table(korean).to_dict("records")]
    from_english = [Need.from_mapping(r) for r in english.to_dict("records")]
    assert from_korean == from_english
    out_ko, out_en = tmp_path / "ko.parquet", tmp_path / "en.parquet"
    mwbe_match.run_shortlist(korean, out_ko, directory=matcher, progress=False)
    mwbe_match.run_shortlist(english, out_en, directory=matcher, progress=False)
    a, b = pq.read_table(out_ko).to_pandas(), pq.read_table(out_en).to_pandas()
    assert a.drop(columns=["text"]).equals(b.drop(columns=["text"]))


@pytest.mark.parametrize("value, expected", [("소수민족기업", ("MBE",)), ("여성 기업", ("WBE",)),
                                             ("WBE(여성기업)", ("WBE",)), ("지역기업·신흥기업", ("LBE", "EBE"))])
def test_korean_certification_names_are_accepted(value: str, expected: tuple[str, ...]) -> None:
    assert Need.from_mapping({"need_id": "n", "text": "x", "인증": value}).certifications == expected


def test_korean_values_for_ethnicity_states_and_amounts_are_accepted() -> None:
    need = Need.from_mapping({"요청ID": "n", "요청내용": "청소", "인종": "아시아계", "주": "뉴욕, 뉴저지",
                              "최소계약실적": "1억 5천만", "패스포트": "예"})
    assert need.ethnicity == ("ASIAN",) and need.states == ("NY", "NJ")
    assert need.min_contract_value == 150_000_000 and need.passport_enrolled is True


def test_a_bad_korean_value_names_the_field_and_value() -> None:
    with pytest.raises(mwbe_match.NeedError, match="certifications: unknown certification '남성기업'"):
        Need.from_mapping({"요청ID": "n", "요청내용": "청소", "인증": "남성기업"})
    with pytest.raises(mwbe_match.NeedError, match="min_bonding: .*'백만원쯤'"):
        Need.from_mapping({"요청ID": "n", "요청내용": "청소", "본딩": "백만원쯤"})


def test_a_vendor_file_with_a_korean_name_column_is_verified(real_directory: pd.DataFrame) -> None:
    firms = mwbe_match.unique_firms(real_directory).head(5)
    vendors = pd.DataFrame({"업체명": firms["name"].tolist(), "전화번호": firms["phone"].tolist()})
    result = mwbe_match.match_names(vendors, real_directory)
    assert result["account_number"].tolist() == firms["account_number"].tolist()
    assert result["reasons"].str.contains("phone matches").all()


# --------------------------------------------------------------------------- a job site by ZIP code


def test_a_zip_code_job_site_is_resolved_offline_to_its_coordinates() -> None:
    import zipcodes

    place = zipcodes.matching("10001")[0]
    near = mwbe_match.engine.need.Near(zip="10001", radius_miles=5)
    assert (near.latitude, near.longitude) == (float(place["lat"]), float(place["long"]))
    assert near.place == "10001"
    assert Need("n", "x", near="10001:5").near == near == mwbe_match.engine.need.Near.parse(("10001", 5))
    assert Need.from_mapping({"need_id": "n", "text": "x", "near_zip": "10001", "near_radius": "5"}).near == near


@pytest.mark.parametrize("near, message", [
    ({"zip": "00000", "radius_miles": 3}, "unknown ZIP code '00000'"),
    ({"zip": "1000x", "radius_miles": 3}, "not a ZIP code: '1000x'"),
    ({"zip": "10001"}, "a radius in miles is required"),
    ({"zip": "10001", "latitude": 40.0, "longitude": -73.0, "radius_miles": 1}, "not both"),
])
def test_a_bad_zip_job_site_is_a_clear_error(near: dict, message: str) -> None:
    with pytest.raises(mwbe_match.NeedError, match=message):
        mwbe_match.engine.need.Near(**near)


def test_a_near_zip_row_without_radius_in_a_batch_is_an_invalid_row(matcher: Matcher, tmp_path: Path) -> None:
    needs = pd.DataFrame({"need_id": ["a", "b", "c"], "text": ["plumbing"] * 3,
                          "near_zip": ["10001", "99999", "10001"], "near_radius_miles": [None, "3", "5"]})
    out = tmp_path / "o.parquet"
    summary = mwbe_match.run_shortlist(needs, out, directory=matcher, progress=False)
    table = pq.read_table(out).to_pandas()
    assert (summary.invalid, summary.shortlisted) == (2, 1)
    errors = table.drop_duplicates("need_id").set_index("need_id")["error"]
    assert "column 'near_zip'" in errors["a"]
    assert "near_zip needs near_radius_miles" in errors["a"] and "unknown ZIP code '99999'" in errors["b"]


def test_a_shortlist_by_zip_keeps_firms_within_the_radius_and_names_the_distance(matcher: Matcher,
                                                                                 real_directory: pd.DataFrame) -> None:
    import math

    near = mwbe_match.engine.need.Near(zip="11354", radius_miles=4)
    result = matcher.shortlist("construction", near=near, top=20)
    assert len(result) > 0
    firms = mwbe_match.unique_firms(real_directory).set_index("account_number")
    for row in result.itertuples():
        lat, lon = (math.radians(float(firms.at[row.account_number, c])) for c in ("latitude", "longitude"))
        phi, lam = math.radians(near.latitude), math.radians(near.longitude)
        h = math.sin((lat - phi) / 2) ** 2 + math.cos(phi) * math.cos(lat) * math.sin((lon - lam) / 2) ** 2
        miles = 2 * 3958.7613 * math.asin(math.sqrt(h))
        assert miles <= 4
        assert f"; {miles:.1f} miles from 11354;" in row.reasons
        assert f"11354에서 {miles:.1f}마일" in i18n.translate_reason(row.reasons, "ko")


@pytest.mark.parametrize("row, korean", [
    ({"인증": "남성기업"}, "1행 'certifications' 열: 알 수 없는 인증 값 '남성기업' (사용 가능: MBE, WBE, LBE, EBE)"),
    ({"min_bonding": "lots"}, "1행 'min_bonding' 열: 본딩 한도는 숫자여야 합니다 (입력값: 'lots')"),
    ({"near": "00000:3"}, "1행 'near' 열: 알 수 없는 우편번호 '00000': 좌표가 알려진 미국 우편번호가 아닙니다"),
    ({"near": "40.7,-200,3"}, "1행 'near' 열: 경도 -200.0: 허용 범위(-180..180)를 벗어났습니다"),
    ({"near": "10001"}, "1행 'near' 열: 우편번호와 반경(마일)(예: '10001:5') 또는 위도, 경도, 반경(마일)을 입력해야 합니다 "
                        "(입력값: '10001')"),
    ({"certified_through": "tomorrow"}, "1행 'certified_through' 열: 날짜 형식이 아닙니다: 'tomorrow' "
                                        "(예: 2027-06-30, 2027년 6월 30일)"),
])
def test_an_invalid_rows_error_reads_in_korean(row: dict, korean: str) -> None:
    with pytest.raises(mwbe_match.NeedError) as caught:
        Need.from_mapping({"need_id": "n", "text": "x", **row})
    english = f"row 1, column {caught.value.field!r}: {caught.value.detail}"
    assert i18n.translate_error(english, "ko") == korean


def test_korean_csv_output_translates_the_errors_of_invalid_rows(matcher: Matcher, tmp_path: Path) -> None:
    needs = pd.DataFrame({"need_id": ["a", "b"], "text": ["plumbing", "plumbing"], "인증": ["MBE", "남성기업"]})
    out = tmp_path / "o.csv"
    mwbe_match.run_shortlist(needs, out, directory=matcher, progress=False, lang="ko")
    csv = pd.read_csv(out, dtype=str, encoding="utf-8-sig")
    invalid = csv[csv["처리 결과"] == "입력 오류"]
    assert len(invalid) == 1 and invalid["오류 내용"].iloc[0].startswith("2행 '인증' 열: 알 수 없는 인증 값 '남성기업'")
