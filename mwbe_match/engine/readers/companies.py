"""Engine stage 1, company names as a class: a name that contains a trade word gives no hint of that trade.

The lexicon's ``company`` concepts (``mwbe_match/engine/concepts/companies*.csv``)
list chaebol and their affiliates, Korean banks and financial groups, Korean
retail and food brands in the US, Korean public corporations and agencies and
big US brands that needs name as the customer or landlord. Names follow
patterns the list cannot exhaust, so two rules recognize the rest:

* a known group or bank name followed, in one word, by a trade or corporate
  word: ``삼성건설``, ``롯데푸드``, ``현대그린푸드``, ``신한은행``, ``CJ물류``
  (:data:`GROUP_PREFIXES` x :data:`TRADE_SUFFIXES`; a prefix that is also a
  common word, such as 우리 "we" or 하나 "one", only with a financial suffix:
  ``우리은행``, ``하나카드``, not ``우리마트``);
* a Korean public body: a word that starts with 한국 / 대한 / 국민 or a region
  and ends in 공사 / 공단 / 진흥원 / 진흥회 / 재단 / 협회 / 연구원 / ... :
  ``한국관광공사``, ``중소벤처기업진흥공단`` is listed, ``서울교통공사``, ``한국콘텐츠진흥원``.

The same trade word standing alone still reads as its trade (``건설``,
``공사``, ``푸드``, ``마트``). English names are read in the English reader: a
company form followed by capitalized trade words ("Samsung Construction",
"Hyundai Engineering") is one name (:data:`ENGLISH_NAME_WORDS`).
"""

from __future__ import annotations

import re

__all__ = ["GROUP_PREFIXES", "FINANCIAL_PREFIXES", "TRADE_SUFFIXES", "FINANCIAL_SUFFIXES", "SPACED_SUFFIXES",
           "PUBLIC_PREFIXES", "PUBLIC_SUFFIXES", "ENGLISH_NAME_WORDS", "company_spans"]

#: Korean group and brand names that begin company names (Hangul and Latin, as written in Korean text).
GROUP_PREFIXES: tuple[str, ...] = (
    "삼성", "현대", "엘지", "LG", "SK", "에스케이", "롯데", "한화", "두산", "포스코", "POSCO", "CJ", "씨제이", "GS", "지에스",
    "신세계", "효성", "코오롱", "금호", "대우", "동원", "한진", "농협", "NH", "KB", "신한", "IBK", "미래에셋", "교보", "HD",
    "LS", "LX", "KT", "카카오", "네이버", "쿠팡", "아모레", "이랜드", "한솔", "DL", "HDC", "DB", "KCC", "OCI", "셀트리온",
    "오뚜기", "농심", "풀무원", "빙그레", "오리온", "해태", "삼양", "하림", "SPC", "BGF", "KG", "HL", "호반", "부영", "태영",
    "쌍용", "아시아나", "대한항공", "하이트", "진로", "코웨이", "한샘", "쿠쿠", "넥센", "한미", "대웅", "종근당", "녹십자",
    "HMM", "팬오션", "판토스", "고려", "영풍", "태광", "중흥", "세아", "동국", "현대차", "기아", "에코프로",
)
#: Group names that are also common words (우리 "we", 하나 "one", 국민 "people", 대상 "target", 매일 "daily",
#: 제일 "most"): company names only with a :data:`FINANCIAL_SUFFIXES` word (우리은행, 매일유업).
FINANCIAL_PREFIXES: tuple[str, ...] = ("우리", "하나", "국민", "기업", "대상", "매일", "제일", "동서", "남양", "대신",
                                       "키움", "메리츠", "한국투자", "유안타", "부산", "대구", "경남", "광주", "전북",
                                       "제주", "수협", "신협", "새마을")
#: Words that follow a group name in a company name.
TRADE_SUFFIXES: tuple[str, ...] = (
    "전자", "전기", "전선", "건설", "이앤씨", "E&C", "엔지니어링", "중공업", "물산", "상사", "화학", "케미칼", "제약",
    "바이오", "바이오로직스", "식품", "푸드", "그린푸드", "제과", "제당", "마트", "백화점", "면세점", "리테일", "유통",
    "홈쇼핑", "호텔", "리조트", "물류", "로지스틱스", "택배", "해운", "상선", "항공", "텔레콤", "통신", "디스플레이",
    "에너지", "솔루션", "정보통신", "시스템", "시스템즈", "모터스", "자동차", "건설기계", "글로벌", "아메리카", "미주",
    "미주법인", "미국법인", "USA", "그룹", "계열사", "인터내셔널", "인터내셔날", "네트웍스", "이노베이션", "테크",
    "테크윈", "스틸", "제철", "철강", "정유", "오일뱅크", "칼텍스", "렌탈", "렌터카", "캐피탈", "엔터", "엔터테인먼트",
    "뉴욕지사", "뉴욕법인", "미국지사", "본사", "아이앤씨", "씨앤씨", "C&C", "C&T", "SDS", "SDI", "CNS", "E&S",
    "에프앤비", "F&B", "E&A", "생활건강", "헬스케어", "라이프", "로보틱스", "모빌리티", "오토에버", "머티리얼즈", "케미칼즈",
)
#: Suffixes of financial and corporate names (also after :data:`FINANCIAL_PREFIXES`).
FINANCIAL_SUFFIXES: tuple[str, ...] = (
    "은행", "뱅크", "금융", "금융그룹", "금융지주", "카드", "증권", "투자증권", "생명", "화재", "손해보험", "손보",
    "해상", "캐피탈", "자산운용", "저축은행", "유업", "그룹", "라이프",
)
#: How Korean public bodies' names begin (the nation, a region, the city of New York).
PUBLIC_PREFIXES: tuple[str, ...] = (
    "한국", "대한", "국민", "서울", "부산", "인천", "경기", "대구", "광주", "대전", "울산", "제주", "강원", "경남", "경북",
    "전남", "전북", "충남", "충북", "세종", "뉴욕", "뉴저지", "주뉴욕", "중소벤처", "중소기업",
)
#: How Korean public corporations, agencies and associations' names end.
PUBLIC_SUFFIXES: tuple[str, ...] = (
    "공사", "공단", "진흥원", "진흥공단", "진흥회", "재단", "협회", "연구원", "개발원", "공제회", "관리원", "평가원",
    "위원회", "총영사관", "영사관", "문화원", "한인회", "상공회의소", "무역관", "은행",
)
#: Capitalized English words that continue a company name after a company form ("Samsung Construction").
ENGLISH_NAME_WORDS: frozenset[str] = frozenset("""
    electronics electric construction engineering bank banking financial finance securities life insurance card
    capital mart market foods food chemical chem chemicals heavy industries industry motor motors steel logistics
    shipping airlines air telecom display energy solutions systems america usa international corporation corp inc
    co group holdings entertainment hotel hotels resorts department store stores retail pharmaceutical pharma
    pharmaceuticals biologics bio networks mobility global c t e s fire marine
""".split())

_HANGUL = "\uac00-\ud7a3"
# what may follow a name inside its word: particles (삼성건설의, 한국관광공사에서)
_PARTICLES = r"(?:은|는|이|가|을|를|의|에|에서|에게|께|와|과|도|만|으로|로|랑|이랑|측|쪽)?"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


#: Suffixes that make a company name even when written apart from the group name (삼성 계열사, 현대 건설);
#: others only written together (LG 통신 장비 is telecom equipment by LG, LG통신 a company).
SPACED_SUFFIXES: tuple[str, ...] = (
    "그룹", "계열사", "아메리카", "미주", "미주법인", "미국법인", "뉴욕지사", "뉴욕법인", "미국지사", "본사", "USA",
    "은행", "금융", "카드", "증권", "생명", "화재", "캐피탈", "건설", "전자", "중공업", "물산",
)
#: Public-body prefixes that are places abroad: only with the suffixes of missions and associations.
_ABROAD = ("뉴욕", "뉴저지", "주뉴욕")
_MISSION_SUFFIXES = ("총영사관", "영사관", "문화원", "한인회", "상공회의소", "무역관", "협회")
#: The end of a word before 공사 that makes it construction work, not a public corporation (서울사무실공사).
_WORKS_RE = re.compile("(?:인테리어|리모델링|전기|배관|설비|도장|방수|철거|내장|외장|사무실|매장|지사|현장|실내|건물|증축|"
                       "보수|수리|창호|타일|바닥|지붕|조경|토목|소방|통신|냉난방|공조|설치|간판|주방|화장실|"
                       "욕실|공장|창고|도로|가스|철도|상가|식당|카페|학원|병원|학교|유치원|어린이집|교회|성당|"
                       "사무소|약국|의원|치과|호텔|주택|아파트|빌딩|미용실|헬스장|체육관)$")
#: Words that make a trade noun with a spaced suffix (삼성 전자 제품: Samsung's electronic products, not the
#: company 삼성전자 and a product): then the suffix is the trade word.
_COMPOUND_HEADS = ("제품", "기기", "부품", "장비", "자재", "현장", "공사", "폐기물", "기계", "설비", "용품", "회로",
                   "결제", "단말기", "보험", "경보", "감지기", "업체", "업계", "분야", "수리", "설치")
_SPACED_HEAD_RE = re.compile(rf"\s+(?:{'|'.join(_COMPOUND_HEADS)})")

_COMPANY_RE = re.compile(
    rf"(?<![{_HANGUL}A-Za-z0-9])(?P<name>"
    rf"(?:{_alternation(GROUP_PREFIXES)})(?:\s?(?:{_alternation(SPACED_SUFFIXES)})"
    rf"|(?:{_alternation(TRADE_SUFFIXES + FINANCIAL_SUFFIXES)}))"
    rf"|(?:{_alternation(FINANCIAL_PREFIXES)})(?:{_alternation(FINANCIAL_SUFFIXES)})"
    rf"|[A-Z]{{1,3}}마트"  # H마트, K마트: a store named by its letters
    rf"|(?P<abroad>{_alternation(_ABROAD)})[{_HANGUL}]{{0,8}}?(?:{_alternation(_MISSION_SUFFIXES)})"
    rf"|(?:{_alternation(PUBLIC_PREFIXES)})(?P<middle>[{_HANGUL}]{{1,12}}?)(?P<public>{_alternation(PUBLIC_SUFFIXES)})"
    rf"){_PARTICLES}(?![{_HANGUL}A-Za-z0-9])",
    re.IGNORECASE,
)


def company_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every company name the rules recognize in ``text`` (the name, without particles)."""
    out = []
    for match in _COMPANY_RE.finditer(text):
        if match["public"] == "공사" and _WORKS_RE.search(match["middle"] or ""):
            continue  # 서울사무실공사: office construction work in Seoul
        if " " in match["name"].strip() and _SPACED_HEAD_RE.match(text, match.end("name")):
            continue  # 삼성 전자 제품 수리: electronics repair
        out.append(match.span("name"))
    return out
