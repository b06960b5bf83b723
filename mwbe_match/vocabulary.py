"""Shared vocabulary: the words for boroughs, places, ethnicities, certifications, yes/no and US states (EN + KO).

One place for the values the directory, the needs and the engine agree on,
and for every spelling of them users write. The parsers that read them stay
with their stage (:mod:`mwbe_match.engine.need` for needs,
:mod:`mwbe_match.directory` for the directory); they look words up here.

Keys of the alias tables are in the form the parsers compare: English keys
upper-case with single spaces, Korean keys as written (the parsers drop
spaces in Korean before looking up).
"""

from __future__ import annotations

__all__ = [
    "BOROUGHS",
    "BOROUGH_ALIASES",
    "KOREAN_BOROUGHS",
    "KOREAN_PLACES",
    "ENGLISH_PLACES",
    "ETHNICITIES",
    "ETHNICITY_ALIASES",
    "CERTIFICATION_TYPES",
    "CERTIFICATION_ALIASES",
    "YES_WORDS",
    "NO_WORDS",
    "US_STATES",
    "STATE_CODES",
]

# --------------------------------------------------------------------------- boroughs and places

#: Borough names as they appear in the normalized ``borough`` column.
BOROUGHS: tuple[str, ...] = ("BRONX", "BROOKLYN", "MANHATTAN", "QUEENS", "STATEN ISLAND")

#: English spellings of the boroughs (upper-case) -> the borough: the export's abbreviations, "The Bronx",
#: county names. "New York" is not one of them: in a need it may mean the whole city, so it is refused
#: there rather than read as Manhattan (a source that writes it for Manhattan says so in its SourceSpec).
BOROUGH_ALIASES: dict[str, str] = {
    **{b: b for b in BOROUGHS},
    "STATEN IS": "STATEN ISLAND", "STATEN IS.": "STATEN ISLAND", "STATENISLAND": "STATEN ISLAND",
    "THE BRONX": "BRONX", "BRONX COUNTY": "BRONX", "KINGS": "BROOKLYN",
    "NEW YORK COUNTY": "MANHATTAN", "RICHMOND": "STATEN ISLAND",
}

#: Korean names of the five boroughs, as Korean companies spell them -> the borough.
KOREAN_BOROUGHS: dict[str, str] = {
    "맨해튼": "MANHATTAN", "맨하탄": "MANHATTAN", "맨하튼": "MANHATTAN", "맨해탄": "MANHATTAN",
    "브루클린": "BROOKLYN", "브룩클린": "BROOKLYN",
    "퀸즈": "QUEENS", "퀸스": "QUEENS",
    "브롱크스": "BRONX", "브롱스": "BRONX", "브롱즈": "BRONX",
    "스태튼 아일랜드": "STATEN ISLAND", "스테이튼 아일랜드": "STATEN ISLAND",
    "스테튼 아일랜드": "STATEN ISLAND", "스태튼섬": "STATEN ISLAND",
}

#: Place names in Korean need text: the boroughs, neighbourhoods that lie in one borough (mapped to it), and
#: other places (``None``: recognized, neither searched nor a borough).
KOREAN_PLACES: dict[str, str | None] = {
    **KOREAN_BOROUGHS,
    "할렘": "MANHATTAN", "미드타운": "MANHATTAN", "월스트리트": "MANHATTAN",
    "허드슨야드": "MANHATTAN", "소호": "MANHATTAN",
    "윌리엄스버그": "BROOKLYN",
    "플러싱": "QUEENS", "롱아일랜드시티": "QUEENS", "베이사이드": "QUEENS", "아스토리아": "QUEENS",
    "뉴욕": None, "뉴욕시": None, "뉴욕주": None, "미국": None, "미동부": None, "한국": None,
    "대한민국": None, "서울": None, "뉴저지": None, "롱아일랜드": None, "코리아타운": None, "한인타운": None,
    "다운타운": None, "포트리": None, "팰리세이즈파크": None, "웨스트체스터": None,
}

#: Place names in English (as lower-case word sequences) -> the borough they lie in, or ``None``.
ENGLISH_PLACES: dict[tuple[str, ...], str | None] = {
    ("manhattan",): "MANHATTAN",
    ("harlem",): "MANHATTAN",
    ("midtown",): "MANHATTAN",
    ("brooklyn",): "BROOKLYN",
    ("queens",): "QUEENS",
    ("bronx",): "BRONX",
    ("staten", "island"): "STATEN ISLAND",
    ("long", "island", "city"): "QUEENS",
    ("new", "york", "city"): None,
    ("new", "york"): None,
    ("nyc",): None,
    ("ny",): None,
    ("new", "jersey"): None,
    ("usa",): None,
    ("korea",): None,
}

# --------------------------------------------------------------------------- owners and certifications

#: Ethnicity values as they appear in the normalized ``ethnicity`` column.
ETHNICITIES: tuple[str, ...] = ("ASIAN", "BLACK", "HISPANIC", "NATIVE AMERICAN", "NON-MINORITY")

#: Spellings of the ethnicities (English upper-case; Korean without spaces) -> the value.
ETHNICITY_ALIASES: dict[str, str] = {
    **{e: e for e in ETHNICITIES},
    "NON MINORITY": "NON-MINORITY", "NONMINORITY": "NON-MINORITY",
    "NATIVE-AMERICAN": "NATIVE AMERICAN", "AFRICAN AMERICAN": "BLACK",
    "HISPANIC AMERICAN": "HISPANIC", "ASIAN AMERICAN": "ASIAN",
    "아시아계": "ASIAN", "아시안": "ASIAN", "아시아인": "ASIAN", "흑인": "BLACK",
    "아프리카계": "BLACK", "아프리카계미국인": "BLACK", "히스패닉": "HISPANIC",
    "라틴계": "HISPANIC", "아메리카원주민": "NATIVE AMERICAN", "원주민": "NATIVE AMERICAN",
    "비소수계": "NON-MINORITY", "비소수민족": "NON-MINORITY",
}

#: Certification types the City issues.
CERTIFICATION_TYPES: tuple[str, ...] = ("MBE", "WBE", "LBE", "EBE")

#: Spellings of the certification types (English upper-case; Korean without spaces) -> the type.
CERTIFICATION_ALIASES: dict[str, str] = {
    **{c: c for c in CERTIFICATION_TYPES},
    "소수민족기업": "MBE", "소수계기업": "MBE", "소수인종기업": "MBE", "소수민족": "MBE",
    "여성기업": "WBE", "여성소유기업": "WBE", "여성": "WBE",
    "지역기업": "LBE", "지역기반기업": "LBE", "신흥기업": "EBE", "신생기업": "EBE",
}

# --------------------------------------------------------------------------- yes / no

#: Words meaning yes (lower-case), English and Korean.
YES_WORDS: frozenset[str] = frozenset({"yes", "y", "true", "t", "1", "1.0", "예", "네", "있음", "o", "필요", "해당"})

#: Words meaning no (lower-case), English and Korean.
NO_WORDS: frozenset[str] = frozenset({"no", "n", "false", "f", "0", "0.0", "아니오", "아니요", "없음", "x", "불필요",
                                      "해당없음", "해당 없음"})

# --------------------------------------------------------------------------- US states

#: US state names (English upper-case, Korean) -> 2-letter code.
US_STATES: dict[str, str] = {
    "ALABAMA": "AL", "ALASKA": "AK", "ARIZONA": "AZ", "ARKANSAS": "AR", "CALIFORNIA": "CA",
    "COLORADO": "CO", "CONNECTICUT": "CT", "DELAWARE": "DE", "DISTRICT OF COLUMBIA": "DC",
    "FLORIDA": "FL", "GEORGIA": "GA", "HAWAII": "HI", "IDAHO": "ID", "ILLINOIS": "IL",
    "INDIANA": "IN", "IOWA": "IA", "KANSAS": "KS", "KENTUCKY": "KY", "LOUISIANA": "LA",
    "MAINE": "ME", "MARYLAND": "MD", "MASSACHUSETTS": "MA", "MICHIGAN": "MI", "MINNESOTA": "MN",
    "MISSISSIPPI": "MS", "MISSOURI": "MO", "MONTANA": "MT", "NEBRASKA": "NE", "NEVADA": "NV",
    "NEW HAMPSHIRE": "NH", "NEW JERSEY": "NJ", "NEW MEXICO": "NM", "NEW YORK": "NY",
    "NORTH CAROLINA": "NC", "NORTH DAKOTA": "ND", "OHIO": "OH", "OKLAHOMA": "OK", "OREGON": "OR",
    "PENNSYLVANIA": "PA", "PUERTO RICO": "PR", "RHODE ISLAND": "RI", "SOUTH CAROLINA": "SC",
    "SOUTH DAKOTA": "SD", "TENNESSEE": "TN", "TEXAS": "TX", "UTAH": "UT", "VERMONT": "VT",
    "VIRGINIA": "VA", "WASHINGTON": "WA", "WEST VIRGINIA": "WV", "WISCONSIN": "WI", "WYOMING": "WY",
    "뉴욕": "NY", "뉴욕주": "NY", "뉴저지": "NJ", "뉴저지주": "NJ", "코네티컷": "CT", "코네티컷주": "CT",
    "펜실베이니아": "PA", "펜실베니아": "PA", "매사추세츠": "MA", "캘리포니아": "CA",
}

#: The 2-letter state codes.
STATE_CODES: frozenset[str] = frozenset(US_STATES.values())
