"""Outputs stage, language: Korean-language output: column labels, status values, requirement names and reasons.

Results are computed in English (the code values ``shortlisted``,
``exact``, ``lapsed``, ... and the reason sentences); this module renders
them for a reader. ``lang="ko"`` gives natural business Korean; ``"en"``
(the default everywhere) leaves everything as it is.

    >>> from mwbe_match import i18n
    >>> i18n.column_label("certification_expires", "ko")
    '인증 만료일'
    >>> i18n.translate_reason("MBE certified through 2027-03-31; 2.3 miles from 10001.", "ko")
    'MBE 인증(2027-03-31까지 유효); 10001에서 2.3마일'

Where each is used:

- :func:`localize` (``show(df, lang="ko")``, CSV and Excel output): Korean
  column headers, status values and reasons.
- :func:`translate_values` (Parquet output with ``lang="ko"``): Korean
  reasons and errors (:func:`translate_error`), English column names and English code values, so code that reads
  the file keeps working.

Reasons are built in :mod:`mwbe_match.engine` and :mod:`mwbe_match.verify`
from a finite set of sentence templates; :func:`translate_reason` splits a
reason into its clauses and renders each through a table of those templates
(:data:`REASON_RULES`). Firm names, search terms, NAICS titles and other
quoted values stay as written. :func:`untranslated_clauses` lists the
clauses no rule knows (a test runs real shortlists through it).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, Iterable

import pandas as pd

__all__ = [
    "LANGUAGES",
    "check_lang",
    "COLUMN_LABELS_KO",
    "VALUE_LABELS_KO",
    "REQUIREMENT_LABELS_KO",
    "SHEET_NAMES_KO",
    "column_label",
    "column_labels",
    "value_label",
    "requirement_label",
    "sheet_name",
    "translate_reason",
    "untranslated_clauses",
    "translate_values",
    "localize",
    "translate_table",
    "translate_error",
    "ERROR_RULES",
    "REASON_RULES",
]

#: Output languages: English (the default) and Korean.
LANGUAGES: tuple[str, ...] = ("en", "ko")


def check_lang(lang: Any) -> str:
    """``lang`` normalized (``"KO"`` -> ``"ko"``, ``None`` -> ``"en"``); ValueError for anything else."""
    if lang is None:
        return "en"
    key = str(lang).strip().lower().replace("_", "-")
    key = {"kr": "ko", "ko-kr": "ko", "korean": "ko", "한국어": "ko", "en-us": "en", "english": "en"}.get(key, key)
    if key not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    return key


# --------------------------------------------------------------------------- labels

#: Korean header of every result column (shortlists, verification, batch output, contact details).
COLUMN_LABELS_KO: dict[str, str] = {
    # batch and shortlist
    "need_id": "요청ID",
    "company": "요청 회사",
    "text": "요청 내용",
    "status": "처리 결과",
    "rank": "순위",
    "account_number": "업체 계정번호",
    "name": "업체명",
    "dba": "DBA(영업명)",
    "score": "점수",
    "min_score": "최소 점수",
    "matched_terms": "일치한 검색어",
    "naics_match": "NAICS 일치도",
    "reasons": "사유",
    "understood_terms": "해석된 용어",
    "unknown_terms": "해석하지 못한 용어",
    "phone": "전화번호",
    "website": "웹사이트",
    "email": "이메일",
    "borough": "자치구",
    "certifications": "인증",
    "certification_expires": "인증 만료일",
    "certification_status": "인증 상태",
    "valid_certifications": "유효 인증",
    "certified_through": "인증 유효기한",
    "renews_on": "다음 갱신일",
    "lapsed_on": "인증 실효일",
    "as_of": "기준일",
    "naics_code": "NAICS 코드",
    "naics_title": "NAICS 업종명",
    "error": "오류 내용",
    "input_row": "입력 행 번호",
    "distance_miles": "현장 거리(마일)",
    # contact details
    "contact_name": "담당자",
    "contact_first_name": "담당자 이름",
    "contact_last_name": "담당자 성",
    "address": "주소",
    "street_address": "주소",
    "address_line_1": "주소 1",
    "address_line_2": "주소 2",
    "city": "도시",
    "state": "주",
    "zip": "우편번호",
    "ethnicity": "소유주 인종",
    "latitude": "위도",
    "longitude": "경도",
    # verification
    "input_name": "입력 업체명",
    "matched_name": "일치 업체명",
    # needs sheet and other directory fields an output may carry
    "reading": "요청 해석",
    "eliminated_by": "요건별 탈락 업체 수",
    "candidates": "후보 업체 수",
    "remaining": "요건 충족 업체 수",
    "suppliers": "추천 업체 수",
    "explanation": "설명",
    "description": "사업 설명",
    "bonding_limit": "본딩 한도",
    "largest_contract_value": "최대 계약 실적",
    "union_signatory": "노조 협약",
    "passport_enrolled": "PASSPort 등록",
    "established": "설립일",
    "naics_sector": "NAICS 부문",
    "naics_subsector": "NAICS 하위 부문",
    "certification_renewal_dates": "인증 갱신일",
}

#: Korean display of code values, by column. The same code means the same thing in every column it appears in.
VALUE_LABELS_KO: dict[str, dict[str, str]] = {
    "status": {
        # batch shortlist rows (and the needs sheet)
        "shortlisted": "추천 업체 있음", "ok": "추천 완료", "no_match": "해당 업체 없음", "invalid": "입력 오류",
        # verification rows
        "exact": "정확히 일치", "strong": "일치", "possible": "검토 필요", "none": "일치 업체 없음",
    },
    "naics_match": {
        "exact": "코드 일치", "industry": "동일 산업군", "subsector": "동일 하위 부문", "sector": "동일 부문",
        "none": "해당 없음",
    },
    "certification_status": {
        "active": "유효", "expiring": "만료 임박", "lapsed": "만료", "unknown": "확인 불가",
    },
    "borough": {
        "BRONX": "브롱크스", "BROOKLYN": "브루클린", "MANHATTAN": "맨해튼", "QUEENS": "퀸즈",
        "STATEN ISLAND": "스태튼아일랜드",
    },
    "ethnicity": {
        "ASIAN": "아시아계", "BLACK": "흑인", "HISPANIC": "히스패닉", "NATIVE AMERICAN": "아메리카 원주민",
        "NON-MINORITY": "비소수계",
    },
}

#: Korean names of the requirements of a need (by :class:`~mwbe_match.Need` field).
REQUIREMENT_LABELS_KO: dict[str, str] = {
    "text": "요청 내용",
    "naics": "NAICS 코드",
    "certifications": "인증",
    "ethnicity": "소유주 인종",
    "boroughs": "자치구",
    "states": "주",
    "near": "현장 거리",
    "min_bonding": "본딩 한도",
    "min_contract_value": "과거 계약 규모",
    "union_signatory": "노조 협약",
    "passport_enrolled": "PASSPort 등록",
    "certified_through": "인증 유효기간",
    "min_years_in_business": "업력",
    "exclude": "제외 업체",
    "min_score": "최소 점수",
}

#: Korean names of the sheets of an Excel workbook.
SHEET_NAMES_KO: dict[str, str] = {
    "results": "결과", "shortlist": "추천 업체", "shortlists": "추천 업체", "verify": "검증 결과",
    "verification": "검증 결과", "needs": "요청 목록", "vendors": "업체 목록", "about": "작업 정보",
}


def column_label(column: str, lang: str = "en") -> str:
    """The header of ``column`` in ``lang`` (the column name itself in English or when no label is known).

    A ranking signal's ``<name>_score`` column takes the ``label_ko`` its signal declares.
    """
    if check_lang(lang) != "ko":
        return column
    if column not in COLUMN_LABELS_KO and column.endswith("_score"):
        return _signal_labels().get(column, column)
    return COLUMN_LABELS_KO.get(column, column)


@functools.lru_cache(maxsize=1)
def _signal_labels() -> dict[str, str]:
    from .engine.signals import SIGNALS

    return {f"{s.name}_score": getattr(s, "label_ko", f"{s.name} 점수") for s in SIGNALS}


def column_labels(columns: Iterable[str], lang: str = "en") -> dict[str, str]:
    """``{column: header}`` for ``columns`` (for a writer's ``labels=``)."""
    lang = check_lang(lang)
    return {c: column_label(c, lang) for c in columns}


def value_label(column: str, value: Any, lang: str = "en") -> Any:
    """A code value of ``column`` as the reader sees it (unknown values and English: unchanged)."""
    if check_lang(lang) != "ko" or not isinstance(value, str):
        return value
    return VALUE_LABELS_KO.get(column, {}).get(value, value)


def requirement_label(field: str, lang: str = "en") -> str:
    """The name of a need's requirement (``"min_bonding"`` -> ``"본딩 한도"`` in Korean)."""
    return REQUIREMENT_LABELS_KO.get(field, field) if check_lang(lang) == "ko" else field


def sheet_name(key: str, lang: str = "en") -> str:
    """An Excel sheet name (``"needs"`` -> ``"요청 목록"`` in Korean)."""
    return SHEET_NAMES_KO.get(key, key) if check_lang(lang) == "ko" else key


# --------------------------------------------------------------------------- reasons: pieces

_FIELD_KO = {"name": "업체명", "description": "사업 설명", "NAICS title": "NAICS 업종명",
             "job history": "수행 실적", "project types": "공사 유형"}
_LEVEL_KO = {"industry": "산업군", "subsector": "하위 부문", "sector": "부문"}
# the English labels matching.py gives requirements in "meets every requirement (...)"
_REQ_PHRASE_KO = {
    "certification": "인증", "ethnicity": "소유주 인종", "borough": "자치구", "state": "주", "distance": "현장 거리",
    "bonding": "본딩 한도", "past contract size": "과거 계약 규모", "union signatory": "노조 협약",
    "PASSPort": "PASSPort 등록", "certified through": "인증 유효기간", "years in business": "업력",
    "not excluded": "제외 대상 아님", "NAICS": "NAICS 코드", "text": "요청 내용", "min score": "최소 점수",
}
_NAME_FIELD_KO = {"formal name": "공식 상호", "DBA": "DBA(영업명)",
                  "formal name (one side of its d/b/a)": "공식 상호(d/b/a 표기 중 하나)",
                  "DBA (one side of its d/b/a)": "DBA(d/b/a 표기 중 하나)"}
_EVIDENCE_KO = {"phone": "전화번호", "website domain": "웹사이트 도메인", "ZIP": "우편번호"}
_BOROUGH_NAMES_KO = {"bronx": "브롱크스", "the bronx": "브롱크스", "brooklyn": "브루클린", "manhattan": "맨해튼",
                     "queens": "퀸즈", "staten island": "스태튼아일랜드"}
_COUNT_WORDS = {"no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}

_DATE = r"\d{4}-\d{2}-\d{2}"
_NUM = r"\d[\d,]*(?:\.\d+)?"
_CERT = r"(?:MBE|WBE|LBE|EBE)"
# one certification as matching.py and names.py phrase it: valid through a date (with the renewal due soon),
# lapsed on a date, or without a published renewal date
_CERT_PHRASE = (rf"{_CERT} (?:certified through {_DATE}(?: \(renewal due (?:today|in \d+ days?)\))?"
                rf"|lapsed on {_DATE}|certified \((?:renewal date not listed|no renewal date is published)\))")
_CERT_PHRASE_PARTS = (rf"(?P<c>{_CERT}) (?:certified through (?P<d>{_DATE})(?: \(renewal due (?:(?P<today>today)"
                      rf"|in (?P<n>\d+) days?)\))?|lapsed on (?P<lapsed>{_DATE})"
                      rf"|certified \((?:renewal date not listed|no renewal date is published)\))")
_FIELD_ALT = "|".join(re.escape(f) for f in sorted(_FIELD_KO, key=len, reverse=True))


def _split_list(text: str) -> list[str]:
    """``"a, b and c"`` -> ``["a", "b", "c"]`` (also ``" or "``), outside quotes."""
    return [p for p in re.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", text) if p]


def _join_ko(items: list[str], conj: str = "및") -> str:
    if len(items) <= 1:
        return "".join(items)
    if conj == "과":  # "요청 내용과 NAICS 코드": the particle attaches to the word before it
        return ", ".join(items[:-1]) + _josa(items[-2], "과", "와") + " " + items[-1]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


_DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                    "8": True, "9": False}


def _josa(word: str, with_final: str, without_final: str) -> str:
    """The particle that follows ``word``: ``_josa("상호", "과", "와")`` is ``"와"``.

    Decided by the last Hangul syllable or digit of the word (ignoring a closing
    parenthesis and quotes); after Latin letters both are given (``"을(를)"``).
    """
    for ch in reversed(word):
        if "\uac00" <= ch <= "\ud7a3":
            return with_final if (ord(ch) - 0xAC00) % 28 else without_final
        if ch.isdigit():
            return with_final if _DIGIT_HAS_FINAL[ch] else without_final
        if ch.isalpha():
            return f"{with_final}({without_final})"
        if ch in ")'\"]":
            continue
    return f"{with_final}({without_final})"


def _nominal(stem: str) -> str:
    """The 개조식 ending of a predicate stem: ``"없"`` -> ``"없음"``, ``"아니"`` -> ``"아님"``, ``"만료되었"`` -> ``"만료됨"``."""
    if stem.endswith("되었"):
        return stem[:-2] + "됨"
    if stem.endswith("않았"):
        return stem[:-2] + "않음"
    last = stem[-1:]
    if "\uac00" <= last <= "\ud7a3" and (ord(last) - 0xAC00) % 28 == 0:
        return stem[:-1] + chr(ord(last) + 16)  # add the final ㅁ: 아니 -> 아님, 하 -> 함
    return stem + "음"


def _linked(stem: str, k: int) -> str:
    """A predicate stem joined to the next clause, alternating ``고`` and ``(으)며`` (``"없고, "``, ``"있으며, "``)."""
    if k % 2 == 0:
        return stem + "고, "
    last = stem[-1:]
    final = "\uac00" <= last <= "\ud7a3" and (ord(last) - 0xAC00) % 28 != 0
    return stem + ("으며, " if final else "며, ")


def _count(text: str) -> str:
    t = text.strip().lower()
    return str(_COUNT_WORDS[t]) if t in _COUNT_WORDS else text.strip()


def _boroughs_ko(text: str) -> str:
    parts = _split_list(text)
    return "·".join(_BOROUGH_NAMES_KO.get(p.strip().lower(), p.strip()) for p in parts)


def _reqs_ko(text: str) -> str:
    return ", ".join(_REQ_PHRASE_KO.get(p.strip(), p.strip()) for p in re.split(r",\s*", text) if p.strip())


def _naics_subject(m: re.Match) -> str:
    return m.group("naics")


def _owned_ko(text: str) -> str:
    """``"Asian or Black"`` -> ``"아시아계·흑인"`` (the ethnicity values a need asks for)."""
    labels = VALUE_LABELS_KO["ethnicity"]
    return "·".join(labels.get(p.strip().upper(), p.strip()) for p in _split_list(text))


_BOROUGH_ALT = r"(?:the )?(?:Bronx|Brooklyn|Manhattan|Queens|Staten Island)"

# how firms fail a requirement, as Matcher.funnel phrases it ("10 of them are not certified through ...");
# each renders the stem of a Korean predicate: _nominal() ends it ("없음"), + "고" joins it to the next clause
_FAILURES: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
    (re.compile(rf"not certified through (?P<d>{_DATE})"), lambda m: f"{m['d']}까지 유효한 인증이 없"),
    (re.compile(rf"(?:do|does) not hold (?P<c>{_CERT}(?:(?:,| or| and) {_CERT})*) certification"),
     lambda m: f"{'·'.join(_split_list(m['c']))} 인증이 없"),
    (re.compile(rf"not (?P<c>{_CERT}(?:(?:,| or| and) {_CERT})*) certified"),
     lambda m: f"{'·'.join(_split_list(m['c']))} 인증이 없"),
    (re.compile(rf"not certified (?:as )?(?P<c>{_CERT}(?:(?:,| or| and) {_CERT})*)"),
     lambda m: f"{'·'.join(_split_list(m['c']))} 인증이 없"),
    (re.compile(rf"no longer (?:(?P<c>{_CERT}) )?certified on (?P<d>{_DATE}) \(lapsed\)"),
     lambda m: f"{m['d']} 기준 {(m['c'] + ' ') if m['c'] else ''}인증이 만료되었"),
    (re.compile(r"(?:lapsed|no longer certified)"), lambda m: "인증이 만료되었"),
    (re.compile(rf"outside (?P<b>{_BOROUGH_ALT}(?:(?:,| or| and) {_BOROUGH_ALT})*)", re.I),
     lambda m: f"{_boroughs_ko(m['b'])} 이외 지역에 있"),
    (re.compile(r"outside (?P<s>[A-Z]{2}(?:(?:,| or| and) [A-Z]{2})*)"),
     lambda m: f"{'·'.join(_split_list(m['s']))} 이외 지역에 있"),
    (re.compile(rf"farther than (?P<r>{_NUM}) miles? from (?P<p>.+?) \(or not geocoded\)"),
     lambda m: f"{_place_ko(m['p'])}에서 {m['r']}마일보다 멀거나 위치 정보가 없"),
    (re.compile(rf"(?:more than|farther than|over) (?P<r>{_NUM}) miles? (?:from|of) (?P<p>.+)"),
     lambda m: f"{_place_ko(m['p'])}에서 {m['r']}마일보다 멀리 있"),
    (re.compile(rf"outside (?P<r>{_NUM}) miles? (?:from|of) (?P<p>.+)"),
     lambda m: f"{_place_ko(m['p'])}에서 {m['r']}마일보다 멀리 있"),
    (re.compile(r"without (?:a )?(?:location|coordinates)"), lambda m: "위치 정보가 없"),
    (re.compile(rf"(?:have|has) no bonding limit of (?P<a>\$?{_NUM}) or more"),
     lambda m: f"본딩 한도가 {m['a']} 미만이거나 기재되지 않았"),
    (re.compile(rf"(?:below|under) (?:the |a )?(?:bonding (?:limit|capacity) of |bonding (?:limit|capacity) )?"
                rf"(?P<a>\$?{_NUM})(?: (?:in )?bonding(?: (?:limit|capacity))?)?"),
     lambda m: f"본딩 한도가 {m['a']} 미만이"),
    (re.compile(r"without (?:a )?(?:stated )?bonding (?:limit|capacity)"), lambda m: "본딩 한도가 기재되지 않았"),
    (re.compile(rf"(?:have|has) no past contract of (?P<a>\$?{_NUM}) or more"),
     lambda m: f"{m['a']} 이상의 계약 실적이 없"),
    (re.compile(rf"(?:below|under) (?P<a>\$?{_NUM}) (?:in )?(?:past|largest) contract(?: value| size)?"),
     lambda m: f"최대 계약 실적이 {m['a']} 미만이"),
    (re.compile(rf"(?:have|has) been in business (?:for )?less than (?P<y>{_NUM}) years? \(or gives? no date\)"),
     lambda m: f"업력이 {m['y']}년 미만이거나 설립일이 기재되지 않았"),
    (re.compile(rf"in business (?:for )?(?:less|fewer) than (?P<y>{_NUM}) years?"),
     lambda m: f"업력이 {m['y']}년 미만이"),
    (re.compile(r"not (?:a )?union signator(?:y|ies)"), lambda m: "노조 협약 업체가 아니"),
    (re.compile(r"(?:a )?union signator(?:y|ies)"), lambda m: "노조 협약 업체이"),
    (re.compile(r"not enrolled in PASSPort"), lambda m: "PASSPort에 등록되어 있지 않"),
    (re.compile(r"enrolled in PASSPort"), lambda m: "PASSPort에 등록되어 있"),
    (re.compile(r"(?:not )?(?:enrolled in )?PASSPort(?: enrolled)?"), lambda m: "PASSPort 등록 요건을 충족하지 않"),
    (re.compile(r"not (?P<e>[A-Za-z]+(?:[ -][A-Za-z]+)*?(?: or [A-Za-z]+(?:[ -][A-Za-z]+)*?)*)-owned"),
     lambda m: f"{_owned_ko(m['e'])} 소유 기업이 아니"),
    (re.compile(r"(?:of )?(?:another|other) ethnicit(?:y|ies)"), lambda m: "소유주 인종 요건을 충족하지 않"),
    (re.compile(r"excluded by account number"), lambda m: "제외 목록(계정번호)에 있"),
    (re.compile(r"excluded"), lambda m: "제외 목록에 있"),
    (re.compile(rf"scores? below the minimum score of (?P<s>{_NUM})"), lambda m: f"점수가 최소 점수({m['s']}점) 미만이"),
    (re.compile(r"not in NAICS (?P<codes>\d{2,6}(?:, \d{2,6})*)"), lambda m: f"NAICS {m['codes']}에 속하지 않"),
    (re.compile(r"(?:fail|do not meet|does not meet) the (?P<r>.+?) requirement"),
     lambda m: f"{_REQ_PHRASE_KO.get(m['r'], m['r'])} 요건을 충족하지 않"),
]


def _failure_stem(text: str) -> str | None:
    for pattern, render in _FAILURES:
        m = pattern.fullmatch(text.strip())
        if m:
            return render(m)
    return None


def _failure_ko(text: str) -> str | None:
    stem = _failure_stem(text)
    return None if stem is None else _nominal(stem)


def _fit_what_ko(text: str) -> str:
    t = text.strip()
    t = re.sub(r"^(?:the )", "", t)
    parts = [re.sub(r"^the ", "", p) for p in _split_list(t)]
    ko = {"text": "요청 내용", "NAICS": "NAICS 코드", "NAICS codes": "NAICS 코드", "NAICS code": "NAICS 코드",
          "need": "요청", "requirements": "요건"}
    return _join_ko([ko.get(p, p) for p in parts], "과")


def _place_ko(text: str) -> str:
    t = text.strip()
    if t in ("the job site", "the site", "the point", "the given point"):
        return "현장"
    return t


def _preference_ko(m: re.Match) -> str | None:
    """ "Prefers Queens: 잭슨하이츠 is in Queens (the firm is in Brooklyn)" (the place signal) in Korean."""
    why = []
    for part in (m["why"] or "").split(", ") if m["why"] else []:
        named = re.fullmatch(rf"(?P<n>.+) (?:is|are) in (?P<b>{_BOROUGH_ALT})", part)
        if named is None:
            return None
        why.append(f"{named['n'].replace(' and ', '·')} → {_boroughs_ko(named['b'])}")
    where, _, inside = m["where"].partition(", it is in ")
    where_ko = {"the firm says it serves all five boroughs": "업체 설명상 5개 자치구 전역 서비스",
                "the firm is outside the five boroughs": "업체 소재지 5개 자치구 밖"}.get(where)
    if where_ko is None:
        found = re.fullmatch(r"the firm is in (?P<b>.+)|the firm's description names (?P<n>.+)", where)
        if found is None:
            return None
        where_ko = f"업체 소재지 {_boroughs_ko(found['b'])}" if found["b"] else \
            f"업체 설명에 {_boroughs_ko(found['n'])} 언급"
    if inside:
        where_ko += f", 소재지 {_boroughs_ko(inside)}"
    return f"요청 지역 {_boroughs_ko(m['b'])} 우대" + (f"({', '.join(why)})" if why else "") + f", {where_ko}"


def _elimination(m: Any) -> str | None:
    fail = _failure_ko(m["fail"])
    if fail is None:
        return None
    k = m["k"].strip().lower()
    if not k:
        return f"{m['lead']}{fail}"
    if k in ("all", "both"):
        return f"{m['lead']}모두 {fail}"
    return f"{m['lead']}{_count(k)}곳은 {fail}"


# --------------------------------------------------------------------------- reasons: rules

Rule = tuple[re.Pattern, Callable[[re.Match], "str | None"]]


def _r(pattern: str, render: Callable[[re.Match], "str | None"], flags: int = 0) -> Rule:
    return re.compile(pattern, flags), render


#: The parts of a multi-part need, as reasons count them ("covers the second part of the need: ...").
_ORDINAL_KO = {"first": "첫 번째", "second": "두 번째", "third": "세 번째", "fourth": "네 번째", "fifth": "다섯 번째",
               "sixth": "여섯 번째"}

#: Whole reasons that are one sentence (no-match explanations), tried before clause splitting.
_SENTENCE_RULES: list[Rule] = [
    _r(r"No certified firm matches this need and meets all its requirements",
       lambda m: "요청 내용에 맞으면서 모든 요건을 충족하는 인증 업체가 없음"),
    _r(r"No firm in the directory uses any of this need's words(?: \((?P<w>.+)\))?",
       lambda m: "명부에 이 요청의 단어를 쓰는 업체가 없음" + (f" ({m['w']})" if m["w"] else "")),
    _r(r"(?P<s>.+), so there was nothing to search for; add its terms to a lexicon file "
       r"\(Matcher\(lexicon=\.\.\.\), mwbe-match shortlist --lexicon\)",
       lambda m: f"{_nothing_to_search_ko(m['s'])}. 용어집(lexicon) 파일에 해당 용어를 추가하면 검색할 수 있음 "
                 "(Matcher(lexicon=...), mwbe-match shortlist --lexicon)"),
    _r(r"(?P<s>.+) \(places, company names and words such as 업체 or 용역 are not searched\)",
       lambda m: f"{_reading_ko(m['s'])} (지명, 회사명, '업체'·'용역' 같은 단어는 검색 대상이 아님)"),
    _r(r"No firm in the directory fits this need's text", lambda m: "명부에 요청 내용에 맞는 업체가 없음"),
    _r(r"No firm in the directory is in NAICS (?P<codes>.+)", lambda m: f"명부에 NAICS {m['codes']}에 속하는 업체가 없음"),
    _r(rf"(?P<n>{_NUM}) firms fit the text, but none of them is in NAICS (?P<codes>.+)",
       lambda m: f"요청 내용에 맞는 업체 {m['n']}곳 중 NAICS {m['codes']}에 속하는 업체가 없음"),
    _r(r"(?P<n>1|[Oo]ne) firm fits the text, but it is (?:not )?in NAICS (?P<codes>.+)",
       lambda m: f"요청 내용에 맞는 업체 1곳은 NAICS {m['codes']}에 속하지 않음"),
]

# every whole-sentence rule's text contains one of these
_SENTENCE_HINTS = ("No certified firm matches", "No firm in the directory", "nothing to search for",
                   "are not searched", ", but ")

#: One clause of a reason (clauses are separated by "; ").
REASON_RULES: list[Rule] = [
    # -- shortlists (matching.py)
    _r(rf"[Mm]atches (?P<t>.+) in (?P<f>(?:{_FIELD_ALT})(?:(?:, | and )(?:{_FIELD_ALT}))*)",
       lambda m: f"{_join_ko([_FIELD_KO[f] for f in _split_list(m['f'])])}에서 "
                 f"{_corrections_ko(m['t'])} 일치"),
    _r(r"[Cc]overs the (?P<o>first|second|third|fourth|fifth|sixth) part of the need: (?P<l>'.+')",
       lambda m: f"요청의 {_ORDINAL_KO[m['o']]} 항목 담당: {m['l']}"),
    _r(r"(?P<naics>NAICS \d{2,6}(?: .+?)?) is the NAICS code asked for", lambda m: f"{m['naics']}: 요청한 NAICS 코드와 일치"),
    _r(r"(?P<naics>NAICS \d{2,6}(?: .+?)?) is in (?P<a>\d{2,6}), the NAICS (?P<l>industry|subsector|sector) asked for",
       lambda m: f"{m['naics']}: 요청한 NAICS {_LEVEL_KO[m['l']]}({m['a']})에 속함"),
    _r(r"(?P<naics>NAICS \d{2,6}(?: .+?)?) is the industry this need points at \((?P<p>\d+)% likely\)",
       lambda m: f"{m['naics']}: 요청 내용으로 추정한 업종과 일치 (가능성 {m['p']}%)"),
    _r(r"(?P<naics>NAICS \d{2,6}(?: .+?)?) is in the same (?P<l>subsector|sector) as the industry this need points at",
       lambda m: f"{m['naics']}: 요청 내용으로 추정한 업종과 같은 {_LEVEL_KO[m['l']]}에 속함"),
    _r(rf"(?P<list>{_CERT_PHRASE}(?:(?:, | and ){_CERT_PHRASE})*)",
       lambda m: _certs_ko([p.group(0) for p in re.finditer(_CERT_PHRASE, m["list"])])),
    _r(r"meets the need's other requirements \((?P<r>.+)\) but its certification is not current",
       lambda m: f"다른 요건({_reqs_ko(m['r'])})은 충족하나 인증이 유효하지 않음"),
    _r(r"[Mm]eets every requirement \((?P<r>.+)\)", lambda m: f"모든 요건 충족({_reqs_ko(m['r'])})"),
    _r(r"[Nn]o firm mentions (?P<w>'.+')", lambda m: f"어느 업체 정보에도 없는 단어: {m['w']}"),
    _r(rf"(?P<d>{_NUM}) miles? from (?P<p>.+)", lambda m: f"{_place_ko(m['p'])}에서 {m['d']}마일"),
    _r(rf"Prefers (?P<b>{_BOROUGH_ALT}(?: or {_BOROUGH_ALT})*)(?:: (?P<why>.+?)|, named in the need) \((?P<where>.+)\)",
       _preference_ko),
    _r(r"[Nn]o coordinates(?: listed)?", lambda m: "위치 정보 없음"),
    # -- certification status (shortlists and verification)
    _r(rf"(?:(?P<c>{_CERT}) )?certification (?:lapsed|expired) on (?P<d>{_DATE})"
       rf"(?: \(certified through (?P<t>{_DATE})\))?",
       lambda m: f"{(m['c'] + ' ') if m['c'] else ''}인증이 {m['d']}부로 만료됨"
                 + (f"({m['t']}까지 유효했음)" if m["t"] else "")),
    _r(rf"certification expiring: (?P<w>{_CERT}(?: and {_CERT})*|a certification) renews? on (?P<d>{_DATE}) "
       rf"\(within (?P<n>\d+) days of (?P<a>{_DATE})\)",
       lambda m: f"인증 만료 임박: {m['w'].replace(' and ', '·') if m['w'] != 'a certification' else '인증'} "
                 f"갱신 기한 {m['d']} ({m['a']} 기준 {m['n']}일 이내)"),
    _r(rf"certification expiring: (?P<w>{_CERT}(?: and {_CERT})*|a certification) renewal due today "
       rf"\((?P<a>{_DATE})\)",
       lambda m: f"인증 만료 임박: {m['w'].replace(' and ', '·') if m['w'] != 'a certification' else '인증'} "
                 f"갱신 기한 오늘({m['a']})"),
    _r(r"no certification renewal date is published \(status unknown; confirm with SBS\)",
       lambda m: "인증 갱신일이 공개되어 있지 않음(인증 상태 확인 불가, SBS에 확인 필요)"),
    _r(rf"(?:(?P<c>{_CERT}) )?certification (?:expires|expiring|renews|is due for renewal) (?:on |by )?(?P<d>{_DATE})"
       rf"(?: \((?:in |within )?(?P<n>\d+) days?(?: from now| left)?\))?",
       lambda m: f"{(m['c'] + ' ') if m['c'] else ''}인증 만료일 {m['d']}"
                 + (f"({m['n']}일 남음, 만료 임박)" if m["n"] else "(만료 임박)")),
    _r(rf"(?:(?P<c>{_CERT}) )?certification (?:valid|active) (?:through|until) (?P<d>{_DATE})",
       lambda m: f"{(m['c'] + ' ') if m['c'] else ''}인증 {m['d']}까지 유효"),
    _r(r"(?:certification status unknown|certification (?:status )?(?:is )?unknown)"
       r"(?: \((?:no )?renewal date (?:not )?(?:listed|published|given)\))?",
       lambda m: "인증 상태 확인 불가(갱신일 미기재)"),
    _r(r"(?:no|without a) renewal date (?:is )?(?:listed|published)", lambda m: "인증 갱신일 미기재"),
    # -- the no-match elimination sentence
    _r(rf"(?P<n>{_NUM}|[Oo]ne|[Nn]o) firms? (?:fits?|matche[sd]?|match) (?P<w>.+)",
       lambda m: f"{_fit_what_ko(m['w'])}에 맞는 업체"
                 + ("가 없음" if _count(m['n']) == "0" else f" {_count(m['n'])}곳")),
    _r(r"(?:it|that firm|that one) (?:(?:is|are) )?(?P<fail>.+)", lambda m: _elimination(_Elim("그 업체는 ", "", m["fail"]))),
    _r(r"(?P<k>\d[\d,]*|one|two|three|all|both|none) of them (?:(?:is|are) )?(?P<fail>.+)",
       lambda m: _elimination(_Elim("그중 ", m["k"], m["fail"]))),
    _r(r"(?P<k>\d[\d,]*|one|two|three) of the remaining (?P<l>\d[\d,]*) (?:(?:is|are) )?(?P<fail>.+)",
       lambda m: _elimination(_Elim(f"나머지 {_count(m['l'])}곳 중 ", m["k"], m["fail"]))),
    _r(r"the remaining (?P<k>\d[\d,]*|one|two|three)(?: firms?)? (?:(?:is|are) )?(?P<fail>.+)",
       lambda m: _elimination(_Elim("나머지 ", m["k"], m["fail"]))),
    _r(r"(?P<n>\d[\d,]*|[Oo]ne) firms? meets? every requirement",
       lambda m: f"모든 요건을 충족하는 업체 {_count(m['n'])}곳"),
    # -- verification (names.py)
    _r(r"(?P<c>.+), matching one side of its d/b/a",
       lambda m: (lambda ko: None if ko is None else f"{ko} (입력한 d/b/a 상호 중 한쪽 기준)")(_translate_clause(m["c"]))),
    _r(r"no certified firm's name is close enough(?: \(closest: (?P<c>'.*'), score (?P<s>[\d.]+)"
       r"(?P<u>, sharing no distinctive name word)?\))?",
       lambda m: "이름이 충분히 비슷한 인증 업체가 없음"
                 + (f" (가장 비슷한 업체: {m['c']}, 점수 {m['s']}"
                    + (", 업종어 외에 겹치는 고유 상호 단어 없음" if m["u"] else "") + ")" if m["c"] else "")),
    _r(r"Hangul name read by sound as (?P<t>'.*') \((?P<w>.*)\)",
       lambda m: f"한글 상호를 발음으로 읽음: {m['t']} ({_heard_ko(m['w'])})"),
    _r(r"Hangul name could not be read by sound \((?P<w>.*)\)",
       lambda m: f"한글 상호를 발음으로 읽지 못함 ({_heard_ko(m['w'])})"),
    _r(r"not every word read with confidence, so at best a possible match",
       lambda m: "확실히 읽지 못한 단어가 있어 최대 '검토 필요(possible)'로 판정"),
    _r(r"same (?P<f>.+?) after normalization", lambda m: f"대소문자·문장부호 등 표기 차이 외에는 {_with(_name_field(m['f']), '과', '와')} 동일"),
    _r(r"same (?P<f>.+?) apart from spacing \((?P<s>name score [\d.]+)\)",
       lambda m: f"띄어쓰기만 다르고 {_with(_name_field(m['f']), '과', '와')} 동일 ({_score(m['s'])})"),
    _r(r"(?P<f>.+?) matches but for a typo \((?P<s>name score [\d.]+)\)",
       lambda m: f"오타 외에는 {_with(_name_field(m['f']), '과', '와')} 일치 ({_score(m['s'])})"),
    _r(r"(?P<f>.+?) matches but a generic word differs \((?P<g>.+) vs (?P<k>.+); (?P<s>name score [\d.]+)\)",
       lambda m: f"{_with(_name_field(m['f']), '과', '와')} 일치하나 일반 단어가 다름 (입력 {m['g']}, 명부 {m['k']}; {_score(m['s'])})"),
    _r(r"(?P<f>.+?) matches without the generic word (?P<k>.+) \((?P<s>name score [\d.]+)\)",
       lambda m: f"명부 상호에만 있는 일반 단어({m['k']})를 빼면 {_with(_name_field(m['f']), '과', '와')} 일치 ({_score(m['s'])})"),
    _r(r"(?P<f>.+?) matches but for the extra generic word (?P<g>.+) \((?P<s>name score [\d.]+)\)",
       lambda m: f"입력에만 있는 일반 단어({m['g']})를 빼면 {_with(_name_field(m['f']), '과', '와')} 일치 ({_score(m['s'])})"),
    _r(r"same words as the (?P<f>.+?) in another order \((?P<s>name score [\d.]+)\)",
       lambda m: f"{_with(_name_field(m['f']), '과', '와')} 단어는 같고 순서만 다름 ({_score(m['s'])})"),
    _r(r"(?P<f>.+?) is similar \((?P<s>name score [\d.]+)\)",
       lambda m: f"{_with(_name_field(m['f']), '과', '와')} 비슷함 ({_score(m['s'])})"),
    _r(r"legal form differs \((?P<g>.+) given, (?P<k>.+) in the directory\)",
       lambda m: f"법인 형태가 다름 (입력 {_legal(m['g'])}, 명부 {_legal(m['k'])})"),
    _r(r"(?P<sign>[+-])(?P<n>[\d.]+) (?P<l>phone|website domain|ZIP) matches \((?P<v>.+)\)",
       lambda m: f"{_EVIDENCE_KO[m['l']]} 일치 ({m['v']}, {m['sign']}{m['n']}점)"),
    _r(r"(?P<sign>[+-])(?P<n>[\d.]+) (?P<l>phone|website domain|ZIP) differs \(given (?P<g>.+), directory (?P<k>.+)\)",
       lambda m: f"{_EVIDENCE_KO[m['l']]} 불일치 (입력 {m['g']}, 명부 {m['k']}, {m['sign']}{m['n']}점)"),
    _r(r"phone (?P<v>'.*') ignored \(not a 10-digit number\)",
       lambda m: f"전화번호 {_with(m['v'], '은', '는')} 10자리 번호가 아니어서 무시함"),
    _r(r"ZIP (?P<v>'.*') ignored \(not a 5-digit ZIP code\)",
       lambda m: f"우편번호 {_with(m['v'], '은', '는')} 5자리 우편번호가 아니어서 무시함"),
    _r(r"ambiguous: (?P<n>'.*') \(account (?P<a>.+)\) scores (?P<s>[\d.]+)",
       lambda m: f"경합 후보: {m['n']}(업체 계정번호 {m['a']})도 {m['s']}점"),
    _r(r"name is missing \(NaN\)", lambda m: "업체명이 없음(NaN)"),
    _r(r"name is missing", lambda m: "업체명이 없음"),
    _r(r"name is empty", lambda m: "업체명이 비어 있음"),
    _r(r"name has no letters or digits", lambda m: "업체명에 문자나 숫자가 없음"),
    _r(r"name is a true/false value \((?P<v>.+)\), not text", lambda m: f"업체명이 텍스트가 아닌 참/거짓 값임({m['v']})"),
    _r(r"name is not text \(got (?P<t>.+)\)", lambda m: f"업체명이 텍스트가 아님({m['t']})"),
]


def _heard_ko(words: str) -> str:
    """How each Hangul word of a vendor name was read (verify.hangul), in Korean."""
    out = re.sub(r", sounds alike \(([\d.]+)\)", r" (비슷한 발음 \1)", words)
    out = out.replace(", by sound (split)", " (발음, 나누어 읽음)").replace(", by sound", " (발음)")
    out = out.replace(", spelled", " (알파벳 이름)").replace(" not read", " 읽지 못함").replace(" as ", " → ")
    return out.replace("legal form only", "법인 형태만 있음").replace("no word", "단어 없음")


class _Elim:
    """The parts of an elimination clause ("10 of them are not certified through ...")."""

    def __init__(self, lead: str, k: str, fail: str):
        self._parts = {"lead": lead, "k": k, "fail": fail}

    def __getitem__(self, key: str) -> str:
        return self._parts[key]


def _cert_ko(phrase: str) -> str:
    m = re.fullmatch(_CERT_PHRASE_PARTS, phrase)
    assert m is not None
    if m["lapsed"]:
        return f"{m['c']} 인증 {m['lapsed']}부로 만료"
    if m["d"] is None:
        return f"{m['c']} 인증(갱신일 미기재)"
    if m["today"]:
        return f"{m['c']} 인증({m['d']}까지 유효, 갱신 기한 오늘)"
    if m["n"]:
        return f"{m['c']} 인증({m['d']}까지 유효, 갱신 기한 {m['n']}일 남음)"
    return f"{m['c']} 인증({m['d']}까지 유효)"


def _certs_ko(phrases: list[str]) -> str:
    """Certifications in the same state share one phrase: ``"MBE·WBE 인증(2027-12-31까지 유효)"``."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        cert, rest = phrase.split(" ", 1)
        groups.setdefault(rest, []).append(cert)
    return _join_ko([_cert_ko(f"{certs[0]} {rest}").replace(certs[0], "·".join(certs), 1)
                     for rest, certs in groups.items()])


def _corrections_ko(terms: str) -> str:
    """``'plumbing' (for 'plumming')`` -> ``'plumbing'(오타 교정: 'plumming')``."""
    return re.sub(r" \(for ('[^']*')\)", r"(오타 교정: \1)", terms)


def _with(word: str, with_final: str, without_final: str) -> str:
    return word + _josa(word, with_final, without_final)


def _name_field(field: str) -> str:
    return _NAME_FIELD_KO.get(field, field)


def _score(text: str) -> str:
    return "이름 점수 " + text.removeprefix("name score ")


def _legal(text: str) -> str:
    return "없음" if text == "none" else text


@functools.lru_cache(maxsize=1 << 14)
def _reading_ko(summary: str) -> str:
    """The Korean of :meth:`QueryTerms.summary` ("Read as: ..."), the start of a reason for Korean text."""
    x = _EXCLUDED.search(summary)
    if x is not None:
        rest = summary[:x.start()]
        excluded = f"검색하지 않음: {x['x']} (요청에서 제외함)"
        return (_reading_ko(rest) + ". " + excluded) if rest else excluded
    m = re.fullmatch(r"Read as: (?P<r>.*?)(?: \(not understood: (?P<u>.*)\))?", summary)
    if m:
        return f"해석 결과: {m['r']}" + (f" (해석하지 못한 표현: {m['u']})" if m["u"] else "")
    m = re.fullmatch(r"Nothing in this need was understood \(not understood: (?P<u>.*)\)", summary)
    if m:
        return f"요청 내용에서 해석한 표현이 없음 (해석하지 못한 표현: {m['u']})"
    if summary == "Nothing in this need names goods or services to search for":
        return "요청 내용에 검색할 품목이나 용역이 없음"
    return summary


def _nothing_to_search_ko(summary: str) -> str:
    """ "<reading>, so there was nothing to search for" as one Korean clause."""
    m = re.fullmatch(r"Nothing in this need was understood \(not understood: (?P<u>.*)\)", summary)
    if m:
        return f"요청 내용에서 해석한 표현이 없어 검색할 내용이 없음 (해석하지 못한 표현: {m['u']})"
    return f"{_reading_ko(summary)}. 검색할 내용이 없음"


_READING = re.compile(r"^(?P<s>(?:Read as: .*?|Nothing in this need was understood \(not understood: .*?\)"
                      r"|Nothing in this need names goods or services to search for)"
                      r"(?:\. Not searched: [^()]*? \(the need excludes (?:it|them)\))?"
                      r"|Not searched: [^()]*? \(the need excludes (?:it|them)\))(?:\. (?=\S)|\.?$)")
# what a need excludes, at the end of its summary (QueryTerms.excluded_phrase)
_EXCLUDED = re.compile(r"(?:^|\. )Not searched: (?P<x>[^()]*?) \(the need excludes (?:it|them)\)$")


def _split_clauses(text: str) -> list[str]:
    """Split on ``"; "`` outside parentheses (``"(... vs ...; name score 88.0)"`` stays one clause)."""
    out: list[str] = []
    for piece in text.split("; "):
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] += "; " + piece
        else:
            out.append(piece)
    return [c for c in out if c.strip()]


@functools.lru_cache(maxsize=1 << 16)
def _translate_clause(clause: str) -> str | None:
    c = clause.strip()
    for pattern, render in REASON_RULES:
        m = pattern.fullmatch(c)
        if m:
            out = render(m)
            if out is not None:
                return out
    return None


# the no-match reason's last sentence when nothing was understood (NeedReading.no_match_reason)
_CLOSEST = re.compile(r" Closest known concepts: (?P<c>.+)\.$")
#: The funnel's last sentence for a need of several parts (:func:`~mwbe_match.engine.explain.parts_sentence`).
_PARTS = re.compile(r" Firms for each part of the need: (?P<p>.+)\.$")
_PART_COUNT = re.compile(r"(?P<l>'.*?') (?P<n>\d[\d,]*)(?:, |$)")


def _translate(text: str) -> tuple[str, list[str]]:
    """``(Korean text, clauses no rule knows)``; the closest-concepts sentence and the funnel's sentence on the
    parts of a need are put into Korean apart."""
    body = " ".join(text.split())
    parts = _PARTS.search(body)
    if parts is not None:
        ko, missing = _translate(body[:parts.start()])
        counts = ", ".join(f"{m['l']} {m['n']}곳" for m in _PART_COUNT.finditer(parts["p"]))
        return f"{ko} 요청 항목별 업체 수: {counts}.", missing
    closest = _CLOSEST.search(body)
    if closest is None:
        return _translate_body(body)
    ko, missing = _translate_body(body[:closest.start()])
    return f"{ko} 가장 가까운 개념: {closest['c']}.", missing


def _translate_body(text: str) -> tuple[str, list[str]]:
    """``(Korean text, clauses no rule knows)``."""
    body = " ".join(text.split())
    reading = ""
    whole = any(h in body for h in _SENTENCE_HINTS)  # cheap test before the whole-sentence rules
    m = _READING.match(body) if body.startswith(("Read as: ", "Nothing in this need", "Not searched: ")) else None
    if m and not (whole and any(p.fullmatch(body.rstrip(".")) for p, _ in _SENTENCE_RULES[2:4])):
        reading = _reading_ko(m["s"])
        body = body[m.end():]
    warning = ""
    wm = _WARNING.match(body)
    if wm:
        warning = _warning_ko(wm) + " "
        body = body[wm.end():]
    if warning:  # the callers below put ". " after the reading
        reading = (reading + ". " if reading else "") + warning.rstrip().removesuffix(".")
    stripped = body[:-1] if body.endswith(".") else body
    em = _ELIMINATION.fullmatch(stripped) if any(h in stripped for h in _ELIMINATION_HINTS) else None
    if em:
        ko = _elimination_sentence(em)
        if ko is not None:
            return (f"{reading}. " if reading else "") + ko, []
    for pattern, render in _SENTENCE_RULES if whole else ():
        sm = pattern.fullmatch(stripped)
        if sm:
            out = render(sm)
            return (f"{reading}. " if reading else "") + out + ".", []
    missing: list[str] = []
    parts = []
    for clause in _split_clauses(stripped):
        ko = _translate_clause(clause)
        if ko is None:
            missing.append(clause)
            ko = clause
        parts.append(ko)
    sentence = "; ".join(parts)
    if reading:
        return reading + (". " + sentence if sentence else ""), missing
    return sentence, missing


# the warning that opens the reason of a lapsed or undated firm (matching.Matcher._reason)
_WARNING = re.compile(rf"(?:(?P<lc>{_CERT}(?: or {_CERT})*) c|C)ertification lapsed on (?P<ld>{_DATE}): "
                      rf"not certified on (?P<on>{_DATE})\. "
                      rf"|No (?:(?P<uc>{_CERT}(?: or {_CERT})*) )?certification renewal date is published: "
                      rf"check with SBS\. ?")


def _warning_ko(m: re.Match) -> str:
    if m["ld"]:
        certs = f"{m['lc'].replace(' or ', '·')} " if m["lc"] else ""
        return f"주의: {certs}인증이 {m['ld']}부로 만료되어 {m['on']} 기준 인증 업체가 아님."
    certs = f"{m['uc'].replace(' or ', '·')} " if m["uc"] else ""
    return f"주의: {certs}인증 갱신일이 공개되어 있지 않음(SBS에 확인 필요)."


_ELIMINATION_HINTS = (" of them ", "the remaining ", "; it ", "; that firm ", "; that one ", " every requirement")
_ELIMINATION = re.compile(rf"(?:(?P<n>{_NUM}|[Oo]ne|[Nn]o) firms? (?:fits?|match(?:es)?) (?P<w>[^;]+)"
                          rf"|(?P<nn>{_NUM}|[Oo]ne) firms? (?:is|are) in NAICS (?P<codes>[^;]+))(?P<rest>(?:; .+)+)")
_ELIM_CLAUSE = re.compile(r"(?:(?P<it>it|that firm|that one)|(?P<all>all|both) of them"
                          r"|(?P<k>\d[\d,]*|one|two|three) of them"
                          r"|(?P<k2>\d[\d,]*|one|two|three) of the remaining (?P<l>\d[\d,]*)"
                          r"|the remaining (?P<r>\d[\d,]*|one|two|three)(?: firms?)?) (?:(?:is|are) )?(?P<fail>.+)")
_ELIM_MET = re.compile(r"(?P<n>\d[\d,]*|[Oo]ne) firms? meets? every requirement")


def _elimination_sentence(m: re.Match) -> str | None:
    """"11 firms fit the text and NAICS; 10 of them are ...; the remaining one is ..." as one Korean sentence.

    "요청 내용과 NAICS 코드에 맞는 업체 11곳 중 10곳은 ...이 없고, 나머지 1곳은 ... 이외 지역에 있음."
    """
    if m["codes"]:
        head = f"NAICS {m['codes']}에 속하는 업체 {_count(m['nn'])}곳"
    else:
        head = f"{_fit_what_ko(m['w'])}에 맞는 업체 {_count(m['n'])}곳"
    stems = []  # each clause without its ending: joined with "고, ", the last ended with _nominal
    for k, clause in enumerate(_split_clauses(m["rest"].removeprefix("; "))):
        met = _ELIM_MET.fullmatch(clause.strip())
        if met:
            n = _count(met["n"])
            stems.append(head + "이 모두 요건을 충족하" if k == 0 else f"나머지 {n}곳은 모든 요건을 충족하")
            continue
        cm = _ELIM_CLAUSE.fullmatch(clause.strip())
        fail = _failure_stem(cm["fail"]) if cm else None
        if fail is None:
            return None
        if k == 0:
            if cm["it"]:
                stems.append(f"{head}은 {fail}")
            elif cm["all"]:
                stems.append(f"{head} 모두 {fail}")
            elif cm["k"] or cm["k2"]:
                stems.append(f"{head} 중 {_count(cm['k'] or cm['k2'])}곳은 {fail}")
            else:
                stems.append(f"{head} 중 나머지 {_count(cm['r'])}곳은 {fail}")
        elif cm["it"]:
            stems.append(f"그 업체는 {fail}")
        elif cm["all"]:
            stems.append(f"모두 {fail}")
        elif cm["k"]:
            stems.append(f"{_count(cm['k'])}곳은 {fail}")
        elif cm["k2"]:
            stems.append(f"나머지 {_count(cm['l'])}곳 중 {_count(cm['k2'])}곳은 {fail}")
        else:
            stems.append(f"나머지 {_count(cm['r'])}곳은 {fail}")
    return "".join(_linked(s, k) for k, s in enumerate(stems[:-1])) + _nominal(stems[-1]) + "."


def translate_reason(text: Any, lang: str = "en") -> Any:
    """A reason (from a shortlist, a verification or a no-match row) in ``lang``.

    Clauses no rule knows stay in English (see :func:`untranslated_clauses`);
    ``None``/NA and non-text values are returned unchanged.
    """
    if check_lang(lang) == "en" or not isinstance(text, str) or not text:
        return text
    return _translate(text)[0]


def untranslated_clauses(text: str) -> list[str]:
    """The clauses of a reason that :func:`translate_reason` cannot put into Korean (empty: all of it)."""
    if not isinstance(text, str) or not text:
        return []
    return _translate(text)[1]


# --------------------------------------------------------------------------- input errors

_NOUN_KO = {"certification": "인증", "ethnicity": "인종", "borough": "자치구", "state": "주"}

#: The details of :class:`~mwbe_match.NeedError` messages (the ``error`` column of invalid rows).
ERROR_RULES: list[Rule] = [
    _r(r"unknown (?P<n>certification|ethnicity|borough|state) (?P<v>'.*?')(?:; valid: (?P<ok>.+?))?"
       r"(?:; use a 2-letter code such as NY, NJ, CT)?(?: \(in Korean: (?P<ko>.+)\))?",
       lambda m: f"알 수 없는 {_NOUN_KO[m['n']]} 값 {m['v']}"
                 + (f" (사용 가능: {m['ok']}" + (f"; 한국어: {m['ko']}" if m["ko"] else "") + ")" if m["ok"] else "")
                 + (" (NY, NJ, CT 같은 2자리 약어를 쓰십시오)" if m["n"] == "state" else "")),
    _r(rf"(?P<v>'.*?') is a neighbourhood in (?P<b>{_BOROUGH_ALT}), not a borough: give boroughs=(?P<g>'.*?') "
       r"\(a place named in the need's text is a soft preference\)",
       lambda m: f"{m['v']}: {_boroughs_ko(m['b'])}에 있는 동네 이름이며 자치구가 아닙니다. boroughs={m['g']}로 "
                 "지정하십시오 (요청 내용에 적은 지명은 필터가 아니라 우대 조건입니다)"),
    _r(r"malformed NAICS code (?P<v>'.*?'): expected 2 to 6 digits(?: \(e\.g\. 5617 or 561720\))?",
       lambda m: f"NAICS 코드 형식 오류 {m['v']}: 숫자 2~6자리여야 합니다 (예: 5617, 561720)"),
    _r(r"(?P<l>.+?) must be a (?:finite )?number, got (?P<v>.+?)(?: \(e\.g\. .*\))?",
       lambda m: f"{_with(_ERR_LABEL.get(m['l'], m['l']), '은', '는')} 숫자여야 합니다 (입력값: {m['v']})"),
    _r(r"(?P<l>latitude|longitude) (?P<v>\S+) is outside (?P<r>\S+)",
       lambda m: f"{_ERR_LABEL[m['l']]} {m['v']}: 허용 범위({m['r']})를 벗어났습니다"),
    _r(r"radius (?P<v>\S+) miles must be greater than 0",
       lambda m: f"반경은 0보다 커야 합니다 (입력값: {m['v']}마일)"),
    _r(r"must not be negative, got (?P<v>.+)", lambda m: f"음수일 수 없습니다 (입력값: {m['v']})"),
    _r(r"expected yes/no \(or true/false, 1/0(?:, 예/아니오)?\), got (?P<v>.+)",
       lambda m: f"예/아니오(yes/no)로 입력해야 합니다 (입력값: {m['v']})"),
    _r(r"not a date: (?P<v>.+?)(?: \(use .*\))?", lambda m: f"날짜 형식이 아닙니다: {m['v']} (예: 2027-06-30, 2027년 6월 30일)"),
    _r(r"a need needs text or NAICS codes \(both are empty\)",
       lambda m: "요청 내용이나 NAICS 코드 중 하나는 있어야 합니다 (둘 다 비어 있음)"),
    _r(r"a need needs text or NAICS codes \(the text (?P<v>.+) has only particles or punctuation, and NAICS is empty\)",
       lambda m: f"요청 내용이나 NAICS 코드 중 하나는 있어야 합니다 (요청 내용 {m['v']}에는 조사나 문장부호뿐이고 NAICS는 비어 있음)"),
    _r(r"unknown ZIP code (?P<v>'.*?'): it is not a US ZIP code with known coordinates",
       lambda m: f"알 수 없는 우편번호 {m['v']}: 좌표가 알려진 미국 우편번호가 아닙니다"),
    _r(r"not a ZIP code: (?P<v>.+?)(?: \(expected 5 digits, e\.g\. 10001\))?",
       lambda m: f"우편번호 형식이 아닙니다: {m['v']} (5자리 숫자, 예: 10001)"),
    _r(r"a radius in miles is required.*", lambda m: "반경(마일)이 필요합니다 (예: near='10001:5')"),
    _r(r"give the job site either as (?:a ZIP code or as latitude/longitude|near_zip or as "
       r"near_latitude/near_longitude), not both",
       lambda m: "현장은 우편번호 또는 위도·경도 중 하나로만 지정해야 합니다 (둘 다 지정됨)"),
    _r(r"give the job site as a ZIP code or as latitude and longitude",
       lambda m: "현장을 우편번호 또는 위도·경도로 지정해야 합니다"),
    _r(r"given both as 'near' and as near_latitude/near_longitude/near_radius_miles",
       lambda m: "현장이 'near' 열과 near_latitude/near_longitude/near_radius_miles 열에 모두 지정되었습니다"),
    _r(r"near_latitude, near_longitude and near_radius_miles go together .*; missing (?P<v>.+)",
       lambda m: f"near_latitude, near_longitude, near_radius_miles는 함께 입력해야 합니다 "
                 f"(또는 near_zip과 near_radius_miles). 빠진 열: {m['v']}"),
    _r(r"the row has no need_id|every need needs an identifier", lambda m: "요청ID가 없습니다"),
    _r(r"expected a ZIP code and a radius in miles.*?, got (?P<v>.+)",
       lambda m: f"우편번호와 반경(마일)(예: '10001:5') 또는 위도, 경도, 반경(마일)을 입력해야 합니다 (입력값: {m['v']})"),
    _r(r"near_zip needs near_radius_miles.*", lambda m: "현장 우편번호(near_zip)에는 반경(near_radius_miles)이 필요합니다"),
    _r(r"need_id (?P<v>'.*?') is already used by row (?P<r>\d+); need_ids must be unique \(rename this one\)",
       lambda m: f"요청ID {_with(m['v'], '은', '는')} 이미 {m['r']}행에서 사용 중입니다. 요청ID는 중복될 수 없습니다 (이 행의 ID를 바꾸십시오)"),
    _r(r"unknown column (?P<c>'.*?'); did you mean (?P<s>'.*?')\? \(a misspelled requirement would be silently ignored\)",
       lambda m: f"알 수 없는 열 {m['c']}: 혹시 {m['s']} 열을 의도하셨습니까? (철자가 틀린 요건은 적용되지 않으므로 오류로 처리합니다)"),
    _r(r"given twice \(columns for (?P<n>'.*?') include (?P<c>'.*?')\)",
       lambda m: f"두 번 지정되었습니다 ({m['n']}에 해당하는 열이 둘 이상: {m['c']} 등)"),
]
_ERR_LABEL = {"latitude": "위도", "longitude": "경도", "radius": "반경", "min_bonding": "본딩 한도",
              "min_contract_value": "과거 계약 규모", "min_years_in_business": "업력"}
_ERROR_PREFIX = re.compile(r"row (?P<row>\d+), column (?P<col>'.*?'): (?P<detail>.*)", re.S)


def translate_error(text: Any, lang: str = "en") -> Any:
    """An invalid row's ``error`` (``"row 3, column 'certifications': unknown certification 'XBE'; ..."``) in ``lang``.

    Details no rule knows stay in English after the Korean row and column.
    """
    if check_lang(lang) == "en" or not isinstance(text, str) or not text:
        return text
    m = _ERROR_PREFIX.fullmatch(text.strip())
    lead, detail = (f"{m['row']}행 {m['col']} 열: ", m["detail"]) if m else ("", text.strip())
    for pattern, render in ERROR_RULES:
        dm = pattern.fullmatch(detail)
        if dm:
            return lead + render(dm)
    return lead + detail


# --------------------------------------------------------------------------- frames

_REASON_COLUMNS = ("reasons", "reason", "error")


def _translate_text(column: str, value: str, lang: str) -> Any:
    return translate_error(value, lang) if column == "error" else translate_reason(value, lang)


def _translate_series(series: pd.Series, column: str, lang: str) -> pd.Series:
    if column in _REASON_COLUMNS:
        cache: dict[str, Any] = {}

        def one(v: Any) -> Any:
            if not isinstance(v, str):
                return v
            if v not in cache:
                cache[v] = _translate_text(column, v, lang)
            return cache[v]
        return series.map(one)
    values = VALUE_LABELS_KO.get(column)
    if not values:
        return series
    if column in ("borough", "ethnicity") or pd.api.types.is_string_dtype(series.dtype) or series.dtype == object:
        return series.map(lambda v: values.get(v, v) if isinstance(v, str) else v)
    return series


def translate_values(df: pd.DataFrame, lang: str = "en", *, codes: bool = True) -> pd.DataFrame:
    """A copy of a result frame with its reasons (and, with ``codes``, its code values) in ``lang``.

    Column names stay English. ``codes=False`` translates only the reasons
    (what Parquet output with ``lang="ko"`` keeps: code values stay
    machine-readable).
    """
    lang = check_lang(lang)
    if lang == "en":
        return df
    out = df.copy()
    for column in out.columns:
        if column in _REASON_COLUMNS or (codes and column in VALUE_LABELS_KO):
            translated = _translate_series(out[column], column, lang)
            out[column] = translated.astype(object) if translated.dtype != out[column].dtype else translated
    return out


def localize(df: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A copy of a result frame for a reader of ``lang``: values translated, columns renamed to headers."""
    lang = check_lang(lang)
    if lang == "en":
        return df
    out = translate_values(df, lang)
    return out.rename(columns={c: column_label(c, lang) for c in out.columns})



def translate_table(table: "pa.Table", lang: str = "en", *, codes: bool = True) -> "pa.Table":
    """:func:`translate_values` for a pyarrow table (each distinct value is translated once)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    lang = check_lang(lang)
    if lang == "en":
        return table
    columns = []
    for name, column in zip(table.column_names, table.columns):
        is_text = pa.types.is_string(column.type) or pa.types.is_large_string(column.type)
        if is_text and (name in _REASON_COLUMNS or (codes and name in VALUE_LABELS_KO)):
            column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
            distinct = pc.unique(column).drop_null()
            if name in _REASON_COLUMNS:
                rendered = [_translate_text(name, v, lang) for v in distinct.to_pylist()]
            else:
                rendered = [value_label(name, v, lang) for v in distinct.to_pylist()]
            where = pc.index_in(column, value_set=distinct)
            column = pa.array(rendered, column.type).take(where)
        columns.append(column)
    return pa.table(columns, names=table.column_names)
