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

import re

__all__ = [
    "BOROUGHS",
    "BOROUGH_ALIASES",
    "KOREAN_BOROUGHS",
    "KOREAN_PLACES",
    "KOREAN_NEIGHBOURHOODS",
    "KOREAN_OTHER_PLACES",
    "ENGLISH_PLACES",
    "ENGLISH_BOROUGH_NAMES",
    "ENGLISH_NEIGHBOURHOODS",
    "ENGLISH_OTHER_PLACES",
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

#: Korean names of the five boroughs, as Korean companies spell them (standard and everyday spellings) ->
#: the borough. Spaces are ignored when they are compared (``스태튼아일랜드`` = ``스태튼 아일랜드``).
KOREAN_BOROUGHS: dict[str, str] = {
    "맨해튼": "MANHATTAN", "맨하탄": "MANHATTAN", "맨하튼": "MANHATTAN", "맨해탄": "MANHATTAN",
    "맨하턴": "MANHATTAN", "맨허튼": "MANHATTAN", "맨헤튼": "MANHATTAN", "맨해턴": "MANHATTAN",
    "멘하탄": "MANHATTAN", "멘해튼": "MANHATTAN",
    "브루클린": "BROOKLYN", "브룩클린": "BROOKLYN", "부르클린": "BROOKLYN", "브르클린": "BROOKLYN",
    "브루끌린": "BROOKLYN", "브루크린": "BROOKLYN",
    "퀸즈": "QUEENS", "퀸스": "QUEENS", "퀸즈보로": "QUEENS", "퀸스보로": "QUEENS",
    "브롱크스": "BRONX", "브롱스": "BRONX", "브롱즈": "BRONX", "브롱크즈": "BRONX",
    "스태튼 아일랜드": "STATEN ISLAND", "스테이튼 아일랜드": "STATEN ISLAND",
    "스테튼 아일랜드": "STATEN ISLAND", "스태튼섬": "STATEN ISLAND", "스테이튼섬": "STATEN ISLAND",
    "스태이튼 아일랜드": "STATEN ISLAND", "스태튼 아일렌드": "STATEN ISLAND", "스테이튼 아일렌드": "STATEN ISLAND",
}


def _korean(names: str, borough: str | None) -> dict[str, str | None]:
    return {name.strip(): borough for name in names.split(",") if name.strip()}


#: Korean names of NYC neighbourhoods that lie in one borough -> the borough.
KOREAN_NEIGHBOURHOODS: dict[str, str] = {
    **_korean("""
        할렘, 이스트할렘, 이스트 할렘, 스패니시할렘, 미드타운, 미드타운 이스트, 미드타운 웨스트, 미드타운 맨해튼,
        월스트리트, 월 스트리트, 월가, 허드슨야드, 허드슨 야드, 허드슨야즈, 소호, 노호, 트라이베카, 트라이베까,
        첼시, 플랫아이언, 플랫아이언 디스트릭트, 그래머시, 그래머시파크, 킵스베이, 타임스퀘어, 타임스 스퀘어,
        타임즈스퀘어, 타임즈 스퀘어, 헬스키친, 헬스 키친, 어퍼이스트사이드, 어퍼 이스트 사이드, 어퍼이스트,
        어퍼웨스트사이드, 어퍼 웨스트 사이드, 어퍼웨스트, 로어맨해튼, 로어 맨해튼, 로워맨해튼, 다운타운 맨해튼,
        로어이스트사이드, 로어 이스트 사이드, 이스트빌리지, 이스트 빌리지, 웨스트빌리지, 웨스트 빌리지,
        그리니치빌리지, 그리니치 빌리지, 차이나타운, 리틀이탈리, 리틀 이태리, 리틀이태리, 놀리타,
        파이낸셜디스트릭트, 파이낸셜 디스트릭트, 금융가, 배터리파크, 배터리 파크 시티, 워싱턴하이츠,
        워싱턴 하이츠, 인우드, 모닝사이드하이츠, 해밀턴하이츠, 루즈벨트아일랜드, 루스벨트섬, 루즈벨트 아일랜드,
        유니언스퀘어, 유니온스퀘어, 유니온 스퀘어, 록펠러센터, 록펠러 센터, 그랜드센트럴, 그랜드 센트럴,
        펜스테이션, 펜 스테이션, 센트럴파크, 센트럴 파크, 미트패킹, 미트패킹 디스트릭트, 가먼트디스트릭트,
        노매드, 요크빌, 어퍼맨해튼, 헤럴드스퀘어, 헤럴드 스퀘어, 브라이언트파크, 콜럼버스서클, 링컨센터,
        사우스스트리트 시포트, 월드트레이드센터, 세계무역센터, 튜더시티, 리버사이드 파크, 리버사이드파크,
        허드슨강 리버사이드 파크
    """, "MANHATTAN"),
    **_korean("""
        윌리엄스버그, 윌리암스버그, 그린포인트, 부시윅, 부쉬윅, 베드스타이, 베드포드스타이베선트, 덤보,
        브루클린하이츠, 브루클린 하이츠, 다운타운 브루클린, 다운타운브루클린, 파크슬로프, 파크 슬로프,
        레드훅, 고와너스, 크라운하이츠, 포트그린, 선셋파크, 선셋 파크, 베이리지, 베이 리지, 벤슨허스트,
        보로파크, 보로 파크, 플랫부시, 쉽스헤드베이, 브라이튼비치, 브라이튼 비치, 코니아일랜드, 코니 아일랜드,
        카나시, 이스트뉴욕, 브루클린 네이비야드, 네이비야드, 인더스트리시티, 인더스트리 시티, 캐롤가든,
        코블힐, 프로스펙트하이츠, 딧마스파크, 미드우드, 그레이브젠드, 다이커하이츠
    """, "BROOKLYN"),
    **_korean("""
        플러싱, 후러싱, 플러슁, 롱아일랜드시티, 롱아일랜드 시티, 롱 아일랜드 시티, 엘아이씨, 베이사이드,
        아스토리아, 잭슨하이츠, 잭슨 하이츠, 엘름허스트, 엘머스트, 엠허스트, 이스트엘름허스트, 우드사이드,
        써니사이드, 서니사이드, 포레스트힐, 포레스트힐스, 포레스트 힐스, 리고파크, 레고파크, 큐가든, 큐가든스,
        큐 가든스, 자메이카, 자메이카 에스테이츠, 화이트스톤, 칼리지포인트, 칼리지 포인트, 프레시메도우,
        프레쉬메도우, 프레시메도즈, 더글라스턴, 더글라스톤, 리틀넥, 리틀 넥, 오클랜드가든, 오클랜드 가든스,
        마스페스, 리지우드, 우드헤븐, 리치먼드힐, 리치몬드힐, 오존파크, 하워드비치, 락어웨이, 로커웨이,
        파라커웨이, 홀리스, 퀸즈빌리지, 퀸스빌리지, 글렌오크스, 벨로즈, 오번데일, 베이테라스, 미들빌리지,
        글렌데일, 헌터스포인트, 스타인웨이, 디트마스, 베이사이드힐스, 화잇스톤, JFK공항, JFK 공항, 존에프케네디공항,
        케네디공항, 라과디아, 라과디아공항, 라구아디아, 윌렛츠포인트
    """, "QUEENS"),
    **_korean("""
        사우스브롱크스, 사우스 브롱크스, 헌츠포인트, 헌츠 포인트, 모트헤이븐, 포드햄, 포담, 리버데일, 코업시티,
        코압시티, 시티아일랜드, 파크체스터, 펠햄베이, 킹스브리지, 트레몬트, 아서애비뉴, 아서 애비뉴, 하이브리지,
        모리스파크, 쓰로그스넥, 스로그스넥, 사운드뷰, 그랜드 콩코스, 그랜드콩코스, 벨몬트
    """, "BRONX"),
    **_korean("""
        세인트조지, 세인트 조지, 토튼빌, 그레이트킬스, 그레잇킬스, 뉴도프, 스테이플턴, 포트리치먼드, 포트 리치먼드,
        톰킨스빌, 마리너스하버, 엘팅빌
    """, "STATEN ISLAND"),
}

#: Korean names of places outside the five boroughs, of the whole city, or of more than one borough:
#: recognized, never searched, never a borough (Fort Lee and Palisades Park are in New Jersey; Korean
#: needs write 머레이힐 for the Murray Hill of Flushing as often as for Manhattan's).
KOREAN_OTHER_PLACES: dict[str, None] = _korean("""
    뉴욕, 뉴욕시, 뉴욕주, 미국, 미동부, 미 동부, 한국, 대한민국, 서울, 부산, 인천, 경기도, 판교, 강남, 여의도,
    뉴저지, 뉴저지주, 롱아일랜드, 코리아타운, 한인타운, K타운, 케이타운, 다운타운, 업타운, 포트리, 포트 리,
    팰리세이즈파크, 팰리세이드파크, 팰팍, 레오니아, 잉글우드, 잉글우드클립스, 잉글우드 클립스, 테너플라이,
    크레스킬, 에지워터, 엣지워터, 리지필드, 리지필드파크, 해켄색, 해캔색, 하켄섹, 파라무스, 저지시티, 저지 시티,
    호보컨, 호보켄, 뉴어크, 뉴왁, 용커스, 웨스트체스터, 화이트플레인스, 나소, 낫소, 나소카운티, 그레잇넥,
    그레이트넥, 그레이트 넥, 맨해셋, 맨하셋, 제리코, 트라이스테이트, 뉴욕 일원, 뉴욕일대, 머레이힐,
    에디슨, 에디슨시, 사우스 플레인필드, 사우스플레인필드, 플레인필드, 피스카타웨이, 뉴브런즈윅, 뉴 브런즈윅,
    뉴브런스윅, 프린스턴, 크랜버리, 뉴저지 크랜베리, 크랜베리 타운십, 포트 엘리자베스, 포트엘리자베스, 엘리자베스항,
    엘리자베스 항, 뉴왁항, 뉴어크항, 포트 뉴왁, 포트뉴왁, 포트 뉴어크, 뉴왁공항, 뉴왁 공항, 뉴어크공항, 뉴어크 공항,
    리버티 스테이트 파크, 리버티스테이트파크, 리버티 주립공원, 오버펙 파크, 오버펙파크, 오버펙 공원, 카트렛, 카터렛,
    커니, 사우스 커니, 사우스커니, 케어니, 우드브리지, 세카커스, 시카커스, 씨코커스, 린허스트, 리틀페리, 노스버겐,
    웨스트뉴욕, 유니언시티, 유니온시티, 위호켄, 위호킨, 버겐카운티, 버겐 카운티, 버건카운티, 허드슨카운티,
    미들섹스카운티, 모리스타운, 파시퍼니, 파시파니, 패터슨, 클리프턴, 몬트베일, 올드태판, 노우드, 노스베일,
    해링턴파크, 클로스터, 데마레스트, 알파인, 티넥, 티낵, 보고타, 페어뷰, 클리프사이드파크, 클리프사이드 파크,
    호호커스, 마와, 러더포드, 이스트러더포드, 메도랜즈, 메트라이프 스타디움, 아메리칸드림, 아메리칸 드림,
    가든스테이트플라자, 가든스테이트 플라자, 뉴저지 턴파이크, 턴파이크, 가든스테이트 파크웨이, 스카스데일, 뉴로셸,
    가든시티, 미니올라, 힉스빌, 시오셋, 멜빌, 포트워싱턴, 노던블러바드, 노던 블러바드, 노던블루바드, 노던 블루바드,
    노던블바드, 노던대로, 메인스트릿, 메인 스트릿, 메인스트리트, 메인 스트리트, 유니온스트릿, 유니언 스트리트,
    브로드웨이, 5번가, 5애비뉴, 파크애비뉴, 파크 애비뉴, 렉싱턴 애비뉴, 렉싱턴애비뉴, 매디슨 애비뉴, 매디슨애비뉴,
    브로드 애비뉴, 브로드애비뉴, 실반 애비뉴, 팰리세이드 애비뉴, 아나폴리스, 뉴욕 메트로, 뉴욕메트로, 업스테이트,
    업스테이트 뉴욕, 뉴욕 업스테이트, 뉴포트, 저지시티 뉴포트, 파라무스 몰, 가든스테이트몰
    베어마운틴, 베어 마운틴, 베어마운틴 주립공원, 베어 마운틴 주립공원, 웨스트오렌지, 웨스트 오렌지, 사우스오렌지,
    이스트오렌지, 몬로, 몬로 타운십, 카니, 허드슨강
""", None)

#: Place names in Korean need text: the boroughs, neighbourhoods that lie in one borough (mapped to it), and
#: other places (``None``: recognized, neither searched nor a borough).
KOREAN_PLACES: dict[str, str | None] = {**KOREAN_BOROUGHS, **KOREAN_NEIGHBOURHOODS, **KOREAN_OTHER_PLACES}


def _english(names: str, borough: str | None) -> dict[tuple[str, ...], str | None]:
    """Names (comma-separated) as the English reader's lower-case word sequences (``hell's`` -> hell, s)."""
    out: dict[tuple[str, ...], str | None] = {}
    for name in names.split(","):
        words = tuple(re.findall(r"[^\W_]+", name.strip().lower()))
        if words:
            out[words] = borough
    return out


#: English spellings of the five boroughs (as lower-case word sequences) -> the borough: what a need's text
#: and a need's ``boroughs`` field both accept.
ENGLISH_BOROUGH_NAMES: dict[tuple[str, ...], str] = {
    **_english("manhattan, manhatten, new york county, manhattan borough, borough of manhattan", "MANHATTAN"),
    **_english("brooklyn, bklyn, kings county, borough of brooklyn", "BROOKLYN"),
    **_english("queens, queens county, borough of queens", "QUEENS"),
    **_english("bronx, the bronx, bronx county, borough of the bronx", "BRONX"),
    **_english("staten island, staten is, statenisland, richmond county, borough of staten island",
               "STATEN ISLAND"),
}

#: English names of NYC neighbourhoods (as lower-case word sequences) -> the borough they lie in.
ENGLISH_NEIGHBOURHOODS: dict[tuple[str, ...], str] = {
    **_english("""
        harlem, east harlem, spanish harlem, west harlem, central harlem, midtown, midtown east, midtown west,
        midtown manhattan, times square, hell's kitchen, hells kitchen, chelsea, flatiron, flatiron district,
        gramercy, gramercy park, murray hill, kips bay, koreatown manhattan, nomad, noho, soho, tribeca,
        financial district, fidi, wall street, battery park, battery park city, lower manhattan,
        downtown manhattan, lower east side, east village, west village, greenwich village, chinatown,
        little italy, nolita, two bridges, upper east side, ues, upper west side, uws, yorkville, lenox hill,
        carnegie hill, lincoln square, morningside heights, hamilton heights, washington heights, inwood,
        hudson yards, hudson square, meatpacking district, meatpacking, roosevelt island, stuyvesant town,
        stuy town, garment district, theater district, theatre district, turtle bay, sutton place, tudor city,
        civic center, alphabet city, sugar hill, manhattan valley, marble hill, columbus circle, union square,
        herald square, madison square, rockefeller center, south street seaport, world trade center,
        central park, penn station, grand central, bowery, bryant park, lincoln center, upper manhattan
    """, "MANHATTAN"),
    **_english("""
        williamsburg, east williamsburg, greenpoint, bushwick, bedford stuyvesant, bedford-stuyvesant, bed stuy,
        bed-stuy, dumbo, brooklyn heights, downtown brooklyn, cobble hill, carroll gardens, boerum hill, red hook,
        gowanus, park slope, prospect heights, prospect lefferts gardens, crown heights, fort greene,
        clinton hill, sunset park, bay ridge, dyker heights, bensonhurst, borough park, boro park, flatbush,
        east flatbush, midwood, sheepshead bay, brighton beach, coney island, gravesend, canarsie,
        east new york, brownsville, cypress hills, marine park, mill basin, bergen beach, flatlands,
        windsor terrace, kensington, ditmas park, brooklyn navy yard, navy yard, vinegar hill, gerritsen beach,
        manhattan beach, bath beach, ocean hill, starrett city, spring creek, industry city
    """, "BROOKLYN"),
    **_english("""
        flushing, downtown flushing, long island city, lic, astoria, jackson heights, elmhurst, east elmhurst,
        corona, forest hills, rego park, kew gardens, kew gardens hills, jamaica, jamaica estates, jamaica hills,
        south jamaica, bayside, whitestone, college point, fresh meadows, douglaston, little neck,
        oakland gardens, auburndale, sunnyside, woodside, maspeth, middle village, ridgewood, glendale,
        woodhaven, richmond hill, ozone park, south ozone park, howard beach, the rockaways, rockaway,
        far rockaway, rockaway beach, rockaway park, breezy point, belle harbor, st albans, saint albans, hollis,
        queens village, cambria heights, laurelton, rosedale, springfield gardens, briarwood, glen oaks,
        bellerose, ditmars, steinway, hunters point, dutch kills, jfk airport, jfk, laguardia, laguardia airport,
        lga, willets point, pomonok, bay terrace, beechhurst, malba
    """, "QUEENS"),
    **_english("""
        south bronx, mott haven, port morris, hunts point, longwood, melrose, morrisania, highbridge,
        grand concourse, fordham, arthur avenue, tremont, east tremont, west farms, parkchester, soundview,
        castle hill, throgs neck, throggs neck, pelham bay, pelham parkway, morris park, city island, co-op city,
        coop city, riverdale, kingsbridge, spuyten duyvil, norwood, bedford park, university heights,
        morris heights, mount hope, claremont, crotona, williamsbridge, wakefield, eastchester, baychester,
        woodlawn, van nest, westchester square, schuylerville, edgewater park, clason point, fieldston
    """, "BRONX"),
    **_english("""
        st george, saint george, stapleton, tompkinsville, new brighton, west brighton, port richmond,
        mariners harbor, mariner's harbor, great kills, tottenville, new dorp, eltingville, annadale, huguenot,
        princes bay, prince's bay, rossville, bulls head, willowbrook, todt hill, grasmere, dongan hills,
        midland beach, south beach, arrochar, rosebank, castleton corners, westerleigh, graniteville,
        arden heights, richmondtown, grymes hill, meiers corners, pleasant plains
    """, "STATEN ISLAND"),
}

#: English names of places outside the five boroughs, or of the whole city: recognized, never searched,
#: never a borough (Fort Lee is in New Jersey; "New York" may mean the city or the state).
ENGLISH_OTHER_PLACES: dict[tuple[str, ...], None] = _english("""
    new york city, new york, nyc, ny, new york metro, nyc metro, tri state, tri-state, tristate, five boroughs,
    all five boroughs, 5 boroughs, citywide, city wide, downtown, uptown, koreatown, k town, k-town, new jersey,
    nj, fort lee, palisades park, leonia, englewood, englewood cliffs, tenafly, cresskill, edgewater, ridgefield,
    ridgefield park, hackensack, paramus, jersey city, hoboken, newark, yonkers, westchester, white plains,
    long island, nassau, nassau county, great neck, manhasset, jericho, usa, united states, korea, south korea,
    seoul
""", None)

#: Place names in English (as lower-case word sequences) -> the borough they lie in, or ``None``.
ENGLISH_PLACES: dict[tuple[str, ...], str | None] = {**ENGLISH_OTHER_PLACES, **ENGLISH_NEIGHBOURHOODS,
                                                     **ENGLISH_BOROUGH_NAMES}

#: English spellings of the boroughs (upper-case) -> the borough: the export's abbreviations, "The Bronx",
#: county names. "New York" is not one of them: in a need it may mean the whole city, so it is refused
#: there rather than read as Manhattan (a source that writes it for Manhattan says so in its SourceSpec).
BOROUGH_ALIASES: dict[str, str] = {
    **{b: b for b in BOROUGHS},
    "STATEN IS": "STATEN ISLAND", "STATEN IS.": "STATEN ISLAND", "STATENISLAND": "STATEN ISLAND",
    "THE BRONX": "BRONX", "BRONX COUNTY": "BRONX", "KINGS": "BROOKLYN",
    "NEW YORK COUNTY": "MANHATTAN", "RICHMOND": "STATEN ISLAND",
    **{" ".join(words).upper(): borough for words, borough in ENGLISH_BOROUGH_NAMES.items()},
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
