"""Engine stage 1, reading a need's context: words that say where and why, not what service is asked for.

A need names more than the service it asks for: where it is ("our shop on
32nd Street"), whose business it is ("our cosmetics shop", "a catalog of our
150 snack SKUs"), what the work is done to ("the machinery crated for
export"), what a thing looks like ("locked shred bins") and why it is needed
("We're hiring 15 drivers, so we need background checks"). Read as concepts,
these words pull in the wrong industry with a strong hint (street → road
construction, cosmetics → cosmetics retailers, locked → locksmiths, hiring →
staffing agencies, W-2 → tax preparers). This module finds such context, in
English and Korean, and the readers read it as context, not as the ask:

- **Street addresses are places** (:func:`english_address_spans`,
  :func:`korean_address_spans`): "32nd Street", "W 47th St", "5th Ave",
  "Broadway", "Northern Blvd", "32가", "웨스트 33가", "브로드웨이",
  "노던블러바드" are never searched and give no hint.
- **The need-giver's own business and goods** (:func:`english_context`,
  :func:`korean_context`): goods of "our" establishment ("our cosmetics
  shop", "화장품 매장 오픈한지", "저희 식당") read as :data:`CONTEXT` (searched
  at ``object_weight``, no hint); goods introduced by a possessive ("our 150
  snack and sauce SKUs") or named as what a service is done to ("the
  machinery ... crated", :data:`SERVICE_PARTICIPLES`) read as objects when
  the need asks for other work. Before an establishment that is premises
  ("our metal finishing plant"), the services and unknown words that say what
  it is are context too; before a firm ("our cleaning company quit") they stay
  the ask. Equipment work is done on ("vinyl wraps on six delivery vans",
  "antivirus on 40 laptops") reads as an object, not as bought.
- **Measures** (:func:`english_measure_spans`): the unit of a number joined
  to it ("a 40-seat office", "a two-story showroom") and a manner suffix
  ("Korean-style") are never searched.
- **What a provider must be, and the providers the need-giver has**
  (:data:`QUALIFIERS`): "a licensed land surveyor", "an insured and bonded
  contractor" ask for no licensing or insurance; "our civil engineer needs the
  survey" asks for no engineer when the need names other work.
- **Pickup and delivery as a trade's way of working**: "weekly pickup and
  delivery of tablecloths" in a linen-service need, "regular pickup of used
  cooking oil" are that trade's work, not a courier's.
- **A participle before a noun is a modifier** ("locked shred bins",
  "painted cabinets"): it reads as an object, never naming a trade on its own
  when the need names the thing it modifies.
- **When the story happened** ("During our Black Friday promotion ...", "블프 프로모션 때"): concepts there are
  the setting when the need names other work after them.
- **Background clauses** ("..., so we need", "therefore", "that's why";
  "…라서/…이라, … 해줄 업체", "그래서", "때문에"): the concepts before the
  marker read as what the work is for (the setting,
  :func:`~mwbe_match.engine.readers.base.compose`) when the ask after it
  names work of its own.
- **People sent from elsewhere** ("한국에서 파견 온 직원들", "본사에서 파견된 주재원"): a staffing word
  followed by a verb of coming or being placed and the people is who they are, read as :data:`CONTEXT`; so are
  people named as whom goods are for ("홀 직원용 폴로셔츠") when the need names other work, and
  people who are the subject of a sentence that asks for no people ("영업사원들이 각자 엑셀로 관리하다 보니").
- **A party that has acted on the need-giver, and what it is threatened with** ("A law firm sent us a demand
  letter", "threatening an ADA lawsuit"): a provider followed by a past-tense verb acting on "us" is who the
  need-giver dealt with (:data:`CONTEXT`), and a concept right after a threat word is its problem (an object),
  when the need names other work, so the problem the need tells decides the industry.
- **A named provider is the ask** ("through a staffing firm that puts them
  on its own W-2 payroll", "a plumber to run water lines"): the clause after
  the provider describes its work, so the concepts in it that share none of
  its industries read as the setting (what comes before the provider is what
  it supplies and keeps its say). Tax-form names (W-2, 1099, I-9) in a
  staffing or hiring need are context.

- **What the work is only around** (Korean, :attr:`~mwbe_match.engine.readers.base.Piece.aside`): the place
  the work is done at ("창고 지붕에 태양광 패널", "실외기 위에", "공유오피스 내"), the thing room is made for ("냉장고
  자리 확보"), what drives over the floor ("지게차 다니는 구간"), a condition ("은행 대출 조건"), a likeness ("팬미팅
  같은 분위기로"), what the work waits for ("CBP 검사 대기용"), the errand someone is accompanied to ("은행계좌 발급
  동행"), whose brand it is ("화장품 브랜드의 등록") and a place said as the answer to where ("저지시티 루프탑이요")
  are neither searched nor a hint when the need asks for other work. A provider that quit is the need's cause.
  A concept alone in parentheses after another glosses it (its setting); the speciality of a provider ("해상운송
  전문 변호사") is that provider's object unless it shares the provider's industry.

The readers call :func:`english_context` / :func:`korean_context` on the
pieces they found and :func:`~mwbe_match.engine.readers.base.compose` reads a
:data:`CONTEXT` piece like an object that never hints.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..text import STOPWORDS
from .base import CONTEXT, DESIGN_NAICS, LEAD_KINDS, Piece, is_goods, shares_industry

__all__ = ["CONTEXT", "SERVICE_PARTICIPLES", "PROVIDER_NOUNS", "ESTABLISHMENTS", "QUALIFIERS", "TAX_FORMS",
           "english_address_spans", "english_measure_spans", "korean_address_spans", "english_context",
           "korean_context", "names_aside", "RADIO_BANDS"]


# ---------------------------------------------------------------------------------------------- street addresses

#: Street-type words of an address ("32nd Street", "5th Ave", "Northern Blvd").
_STREET_TYPES = frozenset({"street", "st", "avenue", "ave", "av", "boulevard", "blvd", "road", "rd", "place", "pl",
                           "drive", "dr", "lane", "ln", "parkway", "pkwy", "terrace", "ter", "turnpike", "tpke",
                           "highway", "hwy", "expressway", "expy", "plaza", "way", "court", "ct", "square", "sq"})
#: Street types that name a street after a capitalized name only when written out (a "Way", "Court" or "Square"
#: after a name is as often something else: "Food Court", "Times Square" is a place already).
_NAMED_TYPES = frozenset({"street", "st", "avenue", "ave", "boulevard", "blvd", "road", "rd", "parkway", "pkwy",
                          "place", "pl", "drive", "dr", "lane", "ln", "turnpike", "tpke", "expressway", "expy"})
_DIRECTIONS = frozenset({"west", "east", "north", "south", "w", "e", "n", "s"})
#: Streets named without a street type.
_BARE_STREETS = frozenset({"broadway", "bowery"})
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
_NUMBER_RE = re.compile(r"\d+")
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                            "tenth", "eleventh", "twelfth"})


def english_address_spans(tokens: Sequence[str], written: Sequence[str]) -> dict[int, int]:
    """Start -> end of every street address among a need's tokens (lower-case; ``written``: as typed).

    "32nd Street", "West 33rd St", "W 47th St", "5th Ave", "Fifth Avenue", "123 Main St", "Northern Blvd",
    "Broadway": a place, never searched and no hint (a "street" there is no road construction). A street type
    after a number or an ordinal is always an address; after a name only when both are capitalized as typed
    ("Northern Blvd", not "road paving").
    """
    spans: dict[int, int] = {}
    n = len(tokens)
    words = [w for w in written if w[:1].isalpha()]
    # in a title-cased line ("Asphalt Road Repair") capitals name no street
    title_case = len(words) > 1 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)
    i = 0
    while i < n:
        end = 0
        token = tokens[i]
        if token in _BARE_STREETS:
            end = i + 1
        elif (_ORDINAL_RE.fullmatch(token) or _NUMBER_RE.fullmatch(token) or token in _ORDINAL_WORDS) \
                and i + 1 < n and tokens[i + 1] in _STREET_TYPES:
            if _NUMBER_RE.fullmatch(token) and not _ORDINAL_RE.fullmatch(token) \
                    and tokens[i + 1] not in ("st", "street", "ave", "avenue", "av"):
                end = 0  # "40 ft", "2 way": a number before a street type is an address only as "33 St"
            else:
                end = i + 2
        elif not title_case and written[i][:1].isupper() and token not in STOPWORDS \
                and not _NUMBER_RE.fullmatch(token):
            k = i + 1
            if k < n and written[k][:1].isupper() and tokens[k] not in _STREET_TYPES and tokens[k] not in STOPWORDS:
                k += 1  # a two-word name: "Queens Plaza South", "Martin Luther"... (at most two words)
            if k < n and tokens[k] in _NAMED_TYPES and written[k][:1].isupper() and k > i:
                end = k + 1
        if end:
            start = i
            if start > 0 and tokens[start - 1] in _DIRECTIONS:
                start -= 1  # "West 33rd St", "W 47th St", "West Broadway"
            if start > 0 and _NUMBER_RE.fullmatch(tokens[start - 1]) and not _ORDINAL_RE.fullmatch(tokens[start]):
                start -= 1  # a house number: "123 Main St"
            spans[start] = end
            i = end
        else:
            i += 1
    return spans


# ---------------------------------------------------------------------------------------------- measures

#: Number words that open a measure ("two-story", "five-person").
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "half"})
#: A word after a hyphen that says how a thing is done, not what it is ("Korean-style lunch boxes").
_MANNER_SUFFIXES = frozenset({"style"})


def english_measure_spans(tokens: Sequence[str], gaps: Sequence[str]) -> dict[int, int]:
    """Start -> end of every measure among a need's tokens: the unit of a number joined to it by a hyphen before
    the noun it measures ("a 40-seat office", "a 50-person office", "a two-story showroom", "a 2.3-acre lot",
    "40-foot containers", "a two-month campaign") and a manner suffix ("Korean-style lunch boxes"). The word
    says how big, how long or in what manner, not what is bought (no seating, no story, no decor): never
    searched, no hint. ``gaps``: the text before each token. A unit that ends its clause is left as typed."""
    spans: dict[int, int] = {}
    n = len(tokens)
    for i in range(1, n - 1):
        token = tokens[i]
        if gaps[i] != "-" or len(token) < 2 or not token.isalpha() or gaps[i + 1] != " ":
            continue
        before = tokens[i - 1]
        if token in _MANNER_SUFFIXES or _NUMBER_RE.fullmatch(before) or before in _NUMBER_WORDS:
            spans[i] = i + 1
    return spans


#: Street words after a number ("33가", "5애비뉴", "34 스트리트"); after a name only the ones of
#: :data:`_KO_NAMED_TYPES` and, glued to the name, :data:`_KO_GLUED_TYPES`.
_KO_STREET_TYPES = "(?:스트리트|애비뉴|에비뉴|애브뉴|에브뉴|블러바드|블루바드|불러바드|블바|로드|플레이스|파크웨이)"
#: Street words that follow a street's name, glued or after one space ("노던블러바드", "파크 애비뉴", "그랜드애비뉴").
_KO_NAMED_TYPES = "(?:애비뉴|에비뉴|애브뉴|에브뉴|애버뉴|블러바드|블루바드|불러바드|블바드|파크웨이|하이웨이|익스프레스웨이)"
#: Street words that follow a name only glued to it and ending the word ("딘스트릿", "메인스트리트"): spaced, or
#: with more after them, they end other words (코리안 스트리트 푸드); 로드 and 플레이스 never follow a name
#: (다운로드, 신제품 로드쇼, 아마존 마켓플레이스).
_KO_GLUED_TYPES = "(?:스트릿|스트리트)"
_KOREAN_ADDRESS_RE = re.compile(
    r"(?:(?:웨스트|이스트|노스|사우스|[WEwe]\.?)\s*)?\d+\s*(?:번가|가(?![지구량능격정게족])|"
    + _KO_STREET_TYPES + r"|(?:st|ST|St|nd|rd|th|Ave|ave|AVE)\b\.?)"
    r"|(?:(?:웨스트|이스트)\s*)?브로드웨이"
    r"|(?<![가-힣])[가-힣]{1,8}(?:\s?" + _KO_NAMED_TYPES + "|" + _KO_GLUED_TYPES + "(?![가-힣]))")
_KO_ADDRESS_WORD_RE = re.compile(r"\d|브로드웨이|" + _KO_NAMED_TYPES + "|" + _KO_GLUED_TYPES)


def korean_address_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every street address in ``text`` ("32가", "웨스트 33가", "5번가", "5애비뉴", "W 47th",
    "브로드웨이", "노던블러바드", "그랜드애비뉴", "딘스트릿"), in order: a place, never searched and no hint.

    The one rule of Korean addresses: :meth:`~mwbe_match.engine.readers.korean.Glossary.expand` reads each as a
    place (the reader and the place signal read the same expansion).
    """
    if not _KO_ADDRESS_WORD_RE.search(text):
        return []
    return [m.span() for m in _KOREAN_ADDRESS_RE.finditer(text)]


# ---------------------------------------------------------------------------------------------- English context

#: Past participles that name a service done to the goods before them ("the machinery crated for export",
#: "our SKUs photographed"): the goods are what the work is done to, not what is bought.
SERVICE_PARTICIPLES = frozenset({
    "photographed", "filmed", "crated", "packed", "repacked", "palletized", "shipped", "exported", "imported",
    "catalogued", "cataloged", "stored", "warehoused", "insured", "translated", "appraised", "moved", "relocated",
    "transported", "hauled", "recycled", "shredded", "disposed", "repaired", "serviced", "refurbished", "cleaned",
    "inspected", "certified", "labeled", "labelled", "scanned", "digitized", "archived", "rigged", "dismantled",
    "decommissioned", "tested", "calibrated", "valued", "audited", "reupholstered", "restored"})
#: Verbs of goods sent somewhere before "to" ("400 archive boxes have to go to an offsite records storage").
_SENT = frozenset({"go", "goes", "sent", "taken", "brought", "transferred", "moved", "relocated", "shipped"})
#: Last words of a concept's form that name a provider ("staffing firm", "trademark attorney", "plumber").
PROVIDER_NOUNS = frozenset({
    "firm", "firms", "company", "companies", "agency", "agencies", "contractor", "contractors", "vendor", "vendors",
    "provider", "providers", "partner", "partners", "specialist", "specialists", "consultant", "consultants",
    "consultancy", "attorney", "attorneys", "lawyer", "lawyers", "plumber", "plumbers", "electrician",
    "electricians", "maker", "makers", "installer", "installers", "broker", "brokers", "planner", "planners",
    "caterer", "caterers", "designer", "designers", "architect", "architects", "engineer", "engineers",
    "accountant", "accountants", "cpa", "translator", "translators", "photographer", "photographers", "movers",
    "integrator", "integrators", "recruiter", "recruiters", "carpenter", "carpenters", "locksmith", "painter",
    "painters", "exterminator", "surveyor", "surveyors", "auditor", "auditors", "studio", "shop"})
#: Words after a provider that open the description of its work ("a plumber to run ...", "a firm that ...").
_CLAUSE_OPENERS = frozenset({"to", "that", "who", "which"})
_POSSESSIVES = frozenset({"our", "my", "their", "your"})
#: Objects that are an establishment: the goods that modify it ("our cosmetics shop") name the need-giver's
#: own business.
ESTABLISHMENTS = frozenset({"shop", "shops", "store", "stores", "restaurant", "restaurants", "cafe", "cafes",
                            "boutique", "showroom", "salon", "bakery", "office", "offices", "warehouse",
                            "factory", "plant", "branch", "kitchen", "business", "brand", "company",
                            "storefront", "retail store", "retail", "market", "deli", "bar"})
#: What a provider must be ("a licensed land surveyor", "an insured contractor"): before a provider, no work of
#: its own (licensing, insurance, certification).
QUALIFIERS = frozenset({"licensed", "certified", "insured", "bonded", "registered", "accredited", "experienced",
                        "qualified", "reputable", "reliable", "trusted", "approved", "union", "nonunion",
                        "non union", "local", "bilingual"})
#: Establishment words that name a firm, not premises: the service before them may be the one asked for.
_FIRM_WORDS = frozenset({"business", "brand", "company", "companies", "firm"})
#: Names of tax and employment forms: context in a need for staff (a staffing firm's own W-2 payroll).
TAX_FORMS = frozenset({"w 2", "w2", "w 2s", "1099", "1099s", "i 9", "i9", "w 4", "w 9", "w 2 payroll"})
#: NAICS prefixes of staffing and hiring work.
_STAFFING_NAICS = ("5613",)
#: Punctuation between two tokens: a noun phrase or a clause does not run across it.
_BREAK_RE = re.compile(r"[,.;:!?()\[\]]")
_SENTENCE_RE = re.compile(r"[.!?;](?:\s|$)|\n")


def _hints(piece: Piece) -> bool:
    return piece.kind in LEAD_KINDS and bool(piece.naics)


def _asks_other(pieces: list[Piece], k: int, skip: set[int]) -> bool:
    """Whether the need names other work (a hinting concept outside ``skip``) that shares no industry with piece k."""
    return any(_hints(p) and j != k and j not in skip and not shares_industry(p.naics, pieces[k].naics)
               for j, p in enumerate(pieces))


def english_context(pieces: list[Piece], starts: Sequence[int], ends: Sequence[int], tokens: Sequence[str],
                    gaps: Sequence[str], written: Sequence[str] | None = None) -> list[Piece]:
    """The English reader's pieces, with what is context read as context (see the module's docstring).

    ``starts``: the first token of each piece; ``ends``: the token after each piece; ``gaps``: the text before
    each token (punctuation and spaces); ``written``: the tokens as typed (a capitalized word no concept knows is
    a name, "our Edison warehouse", and stays as it is).
    """
    if not any(p.kind for p in pieces):
        return pieces
    pieces = list(pieces)
    n = len(tokens)
    sentence = [0] * (n + 1)  # the sentence each token is in
    for t in range(1, n):
        sentence[t] = sentence[t - 1] + (1 if _SENTENCE_RE.search(gaps[t]) else 0)
    sentence[n] = sentence[n - 1] + 1 if n else 0
    owned = _owned_goods(pieces, starts, ends, tokens, gaps, written)
    for k, why in owned.items():
        if why == "establishment":
            pieces[k] = pieces[k]._replace(kind=CONTEXT)
    handled: set[int] = set()
    for k, piece in enumerate(pieces):
        if not is_goods(piece) or k in owned and owned[k] == "establishment":
            continue
        done_to = k in owned or any((tokens[t] in SERVICE_PARTICIPLES
                                     or (tokens[t] in _SENT and t + 1 < n and tokens[t + 1] == "to"))
                                    and sentence[t] == sentence[starts[k]]
                                    for t in range(ends[k], min(ends[k] + 12, n)))
        if done_to or _worked_on(pieces, k, starts, tokens, sentence):
            handled.add(k)
    for k in handled:
        if _asks_other(pieces, k, handled):
            pieces[k] = pieces[k]._replace(kind="object")
    pieces = _delivered_goods(pieces, starts, ends, tokens, sentence, owned)
    for k, piece in enumerate(pieces):  # "locked shred bins": a participle modifies the concept after it
        found = piece.found
        modifies = k + 1 < len(pieces) and starts[k + 1] == ends[k] < n and bool(pieces[k + 1].kind) \
            and not gaps[ends[k]].strip()
        if modifies and _hints(piece) and " " not in found and len(found) > 4 and found.endswith("ed") \
                and not shares_industry(piece.naics, pieces[k + 1].naics):  # "chauffeured car service" is one
            pieces[k] = piece._replace(kind="object")
    pieces = _manner_of_delivery(pieces, starts, ends, tokens, gaps)
    pieces = _given_designs(pieces, starts, ends, tokens, gaps)
    pieces = _background(pieces, starts, tokens, gaps)
    pieces = _during(pieces, starts, tokens, gaps)
    pieces = _qualified_providers(pieces, starts, ends, tokens, gaps)
    pieces = _acting_providers(pieces, ends, tokens, gaps)
    pieces = _threatened(pieces, starts, tokens, gaps)
    pieces = _providers(pieces, starts, ends, tokens, sentence)
    if any(_hints(p) and p.naics[0].startswith(_STAFFING_NAICS) for p in pieces):
        pieces = [p._replace(kind=CONTEXT) if p.kind and p.found in TAX_FORMS else p for p in pieces]
    return pieces


def _given_designs(pieces: list[Piece], starts: Sequence[int], ends: Sequence[int], tokens: Sequence[str],
                   gaps: Sequence[str]) -> list[Piece]:
    """The pieces, a design the goods before it come with read as an object: in "vinyl wraps with the new design"
    or "mugs with our logo design" the design is given (a feature of the goods), the goods are the ask."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if not (_hints(piece) and piece.naics[0].startswith(DESIGN_NAICS)):
            continue
        t = starts[k] - 1
        while t >= 0 and tokens[t] in _ON_FILLERS and starts[k] - t <= 3:
            t -= 1
        if t < 1 or tokens[t] != "with" or _BREAK_RE.search(gaps[t]):
            continue
        if any(ends[j] == t and is_goods(p) for j, p in enumerate(pieces)):
            out[k] = piece._replace(kind="object")
    return out


#: Words between "on" and the goods a service is done on ("wraps on six delivery vans", "on our 40 laptops").
_ON_FILLERS = frozenset({"a", "an", "the", "all", "each", "every", "both", "these", "those", "new", "existing",
                         "old"}) | _POSSESSIVES | _NUMBER_WORDS


#: NAICS prefixes of the equipment a need-giver owns and has work done on (vehicles, computers): "wraps on six
#: delivery vans", "antivirus on 40 laptops". Goods of other kinds after "on" are bought (shirts to embroider).
_EQUIPMENT_NAICS = ("4231", "4411", "5321", "3361", "4234", "3341", "4492")


def _worked_on(pieces: list[Piece], k: int, starts: Sequence[int], tokens: Sequence[str],
               sentence: Sequence[int]) -> bool:
    """Whether the goods piece k are what a service named before them in the sentence is done on: "vinyl wraps
    with the new design on six delivery vans", "install antivirus on 40 laptops" (the vans are wrapped, not
    bought)."""
    t = starts[k] - 1
    while t >= 0 and (tokens[t] in _ON_FILLERS or _NUMBER_RE.fullmatch(tokens[t])) and starts[k] - t <= 3:
        t -= 1
    if t < 0 or tokens[t] not in ("on", "onto") \
            or not all(h.startswith(_EQUIPMENT_NAICS) for h in pieces[k].naics):
        return False  # "embroider our logo on 50 polo shirts": the shirts are bought
    return any(_hints(p) and starts[j] < t and sentence[starts[j]] == sentence[t]
               and not shares_industry(p.naics, pieces[k].naics) for j, p in enumerate(pieces[:k]))


def _owned_goods(pieces: list[Piece], starts: Sequence[int], ends: Sequence[int], tokens: Sequence[str],
                 gaps: Sequence[str], written: Sequence[str] | None = None) -> dict[int, str]:
    """Goods pieces in a noun phrase after "our"/"my"/...: piece -> ``"establishment"`` ("our cosmetics shop")
    or ``"goods"`` ("our 150 snack and sauce SKUs"); before an establishment, also the services and the words no
    concept knows that say what it is ("our metal finishing plant"), except names (capitalized in ``written``)."""
    out: dict[int, str] = {}
    n = len(tokens)
    by_start = {s: k for k, s in enumerate(starts)}
    for p, token in enumerate(tokens):
        if token not in _POSSESSIVES:
            continue
        inside: list[int] = []
        described: list[int] = []  # words no concept knows and services: what the establishment is
        t = p + 1
        establishment = premises = False
        while t < n and t - p <= 8 and not re.search(r"[,.;:!?()\[\]]|\s-\s", gaps[t]):
            if tokens[t] in STOPWORDS and tokens[t] not in ("and", "or"):
                break
            k = by_start.get(t)
            if k is not None:
                piece = pieces[k]
                if is_goods(piece):
                    inside.append(k)
                elif piece.kind == "industry" or (not piece.kind and not (written and written[t][:1].isupper())):
                    described.append(k)
                elif piece.kind == "object" and piece.phrases[:1] and (piece.found in ESTABLISHMENTS
                                                                        or piece.phrases[0] in ESTABLISHMENTS):
                    establishment = True
                    # a place ("our metal finishing plant") says what the need-giver's business is; a firm
                    # ("our cleaning company quit") may be the provider the need replaces
                    premises = (piece.phrases[0] not in _FIRM_WORDS and piece.found not in _FIRM_WORDS)
                    break
                t = ends[k]
                continue
            t += 1
        for k in inside:
            out[k] = "establishment" if establishment else "goods"
        if premises:  # "our metal finishing plant": what the need-giver's business is, not the ask
            for k in described:
                out[k] = "establishment"
    return out


#: NAICS prefix of couriers and local delivery.
_DELIVERY = "492"
#: Trades whose work includes picking up and bringing back what they serve: linen and uniform supply and
#: laundries (8123), waste and used-oil collection (562), document shredding (56199).
_PICKUP_TRADES = ("8123", "562", "56199")


def _delivery_only(piece: Piece) -> bool:
    return _hints(piece) and all(h.startswith(_DELIVERY) for h in piece.naics)


#: Participles that say how bought goods arrive ("baked goods delivered daily"; "shipped" also names freight
#: and mailing work, not only delivery, and is not one of them).
_ARRIVES = frozenset({"delivered"})


def _delivered_goods(pieces: list[Piece], starts: Sequence[int], ends: Sequence[int], tokens: Sequence[str],
                     sentence: Sequence[int], owned: dict[int, str]) -> list[Piece]:
    """Goods bought and "delivered" are how a supplier sells them, not a courier's job: a plain delivery concept
    (only courier hints) written "delivered" within three words after goods the need buys (goods of its own,
    "our samples delivered to clients", stay a courier's) reads as an object."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if not _delivery_only(piece) or piece.found not in _ARRIVES:
            continue
        bought = any(is_goods(p) and j not in owned and ends[j] <= starts[k] <= ends[j] + 3
                     and sentence[starts[j]] == sentence[starts[k]] for j, p in enumerate(pieces))
        if bought:
            out[k] = piece._replace(kind="object")
    return out


def _manner_of_delivery(pieces: list[Piece], starts: Sequence[int], ends: Sequence[int], tokens: Sequence[str],
                        gaps: Sequence[str]) -> list[Piece]:
    """Pickup and delivery of something another trade serves is how that trade works, not a courier's job
    ("weekly pickup and delivery of tablecloths" in a linen-service need; "regular pickup of used cooking oil":
    an oil collector): a plain pickup or delivery concept (only courier hints) followed by "of" and a concept
    that hints at another industry reads as an object when that concept, or another the need names, is of a
    trade that picks up what it serves (:data:`_PICKUP_TRADES`); "pickup and delivery of medical specimens to
    labs" stays a courier's work. Delivery of the need's own things ("delivery of our samples") and of
    things no trade serves ("of documents") stays a courier's work."""
    n = len(tokens)
    by_start = {s: k for k, s in enumerate(starts)}
    out = list(pieces)
    # the need names a trade that picks up and delivers what it serves ("linen service ...")
    served = any(_hints(p) and shares_industry(p.naics, _PICKUP_TRADES) for p in pieces)
    for k, piece in enumerate(pieces):
        if not _delivery_only(piece):
            continue
        t = ends[k]
        while t < n and t in by_start and _delivery_only(pieces[by_start[t]]) or t < n and tokens[t] in ("and", "or"):
            t = ends[by_start[t]] if t in by_start else t + 1
        if t >= n or tokens[t] != "of" or _BREAK_RE.search(gaps[t]):
            continue
        u = t + 1
        while u < n and u not in by_start and u - t <= 4 and tokens[u] not in _POSSESSIVES \
                and not _BREAK_RE.search(gaps[u]):
            u += 1
        other = pieces[by_start[u]] if u in by_start else None
        if other is not None and _hints(other) and not shares_industry(other.naics, (_DELIVERY,)) \
                and (shares_industry(other.naics, _PICKUP_TRADES) or served):
            out[k] = piece._replace(kind="object")
    return out


def _background(pieces: list[Piece], starts: Sequence[int], tokens: Sequence[str], gaps: Sequence[str]
                ) -> list[Piece]:
    """Concepts before "..., so we need" / "therefore" / "that's why" read as the setting of the ask after it."""
    marker = None
    for t, token in enumerate(tokens):
        nxt = tokens[t + 1] if t + 1 < len(tokens) else ""
        if (token == "so" and t > 0 and (("," in gaps[t]) or nxt in ("we", "i", "need", "now"))
                and nxt != "that") or token in ("therefore", "hence", "thus") \
                or (token == "why" and t >= 2 and tokens[t - 1] in ("s", "is") and tokens[t - 2] in ("that", "which")):
            marker = t
    if marker is None or not any(_hints(p) and s > marker for p, s in zip(pieces, starts)):
        return pieces
    return [p._replace(kind="object") if p.kind in LEAD_KINDS and s < marker else p for p, s in zip(pieces, starts)]


#: Words that make what follows them the time of the need's story, not its ask ("During our Black Friday
#: promotion our online store was down").
_WHEN = frozenset({"during", "throughout"})


def _during(pieces: list[Piece], starts: Sequence[int], tokens: Sequence[str], gaps: Sequence[str]) -> list[Piece]:
    """Concepts in a phrase after "during" (at most three words after it, no punctuation between) are when the
    story happened: the setting (the counterpart of "프로모션 때"), an object when the need asks for other work
    (:func:`~mwbe_match.engine.readers.base.compose`; a situation found later in the text may be that work)."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if piece.kind in LEAD_KINDS and not piece.situation and _said_after(starts[k], tokens, gaps, _WHEN, 4):
            out[k] = piece._replace(setting=True)
    return out


def _said_after(start: int, tokens: Sequence[str], gaps: Sequence[str], words: frozenset[str], reach: int) -> bool:
    """Whether one of ``words`` stands at most ``reach`` tokens before token ``start``, in the same clause (no
    punctuation between)."""
    for t in range(start - 1, max(start - reach - 1, -1), -1):
        if _BREAK_RE.search(gaps[t + 1]):
            return False
        if tokens[t] in words:
            return True
    return False


def _provider_after(tokens: Sequence[str], gaps: Sequence[str], t: int) -> bool:
    """Whether a provider noun ends the noun phrase that starts at token ``t`` ("land surveyor", "concrete
    contractor", "master plumber"): within four tokens, no punctuation and no function word in between."""
    for u in range(t, min(t + 4, len(tokens))):
        if u > t and _BREAK_RE.search(gaps[u]):
            return False
        if tokens[u] in PROVIDER_NOUNS:
            return True
        if tokens[u] in STOPWORDS and tokens[u] not in ("and", "or"):
            return False
    return False


def _qualified_providers(pieces: list[Piece], starts: Sequence[int], ends: Sequence[int], tokens: Sequence[str],
                         gaps: Sequence[str]) -> list[Piece]:
    """What a provider must be and whose it already is are no work asked for: a qualifier before a provider
    ("a licensed land surveyor", "an insured and bonded contractor") reads as context, not as licensing or
    insurance work; so does a provider the need-giver already has ("our civil engineer needs the survey")."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if not piece.kind or piece.kind == CONTEXT:
            continue
        start, end = starts[k], ends[k]
        if piece.found in QUALIFIERS and end < len(tokens) and not _BREAK_RE.search(gaps[end]) \
                and _provider_after(tokens, gaps, end):
            out[k] = piece._replace(kind=CONTEXT)
        elif piece.kind in LEAD_KINDS and piece.found.split()[-1] in PROVIDER_NOUNS and start > 0 \
                and tokens[start - 1] in _POSSESSIVES and not gaps[start].strip() \
                and tokens[start - 1] != "your" \
                and any(_hints(p) and j != k and not shares_industry(p.naics, piece.naics)
                        for j, p in enumerate(pieces)):  # else the need replaces it: "our cleaning company quit"
            out[k] = piece._replace(kind=CONTEXT)
    return out


#: Past-tense verbs by which a party has already acted on the need-giver ("a law firm sent us a demand letter",
#: "the landlord's engineer gave us a report"): the party is who the need-giver dealt with, not the work asked for.
_ACTED = frozenset({"sent", "gave", "told", "served", "emailed", "e-mailed", "mailed", "wrote", "called",
                    "notified", "handed", "issued", "warned", "informed", "contacted", "billed", "cited", "fined"})
#: What follows such a verb when it acts on the need-giver.
_ACTED_ON = frozenset({"us", "me", "our", "my"})


def _acting_providers(pieces: list[Piece], ends: Sequence[int], tokens: Sequence[str], gaps: Sequence[str]
                      ) -> list[Piece]:
    """A provider that has already acted on the need-giver ("A law firm sent us a demand letter saying ...",
    "our accountant told us ...") is who the need-giver dealt with: it reads as context when the need names
    other work (another concept with NAICS hints), so what the need is about decides the industry."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if not _hints(piece) or piece.situation or piece.found.split()[-1] not in PROVIDER_NOUNS:
            continue
        end = ends[k]
        if end + 1 < len(tokens) and tokens[end] in _ACTED and tokens[end + 1] in _ACTED_ON \
                and not _BREAK_RE.search(gaps[end]) \
                and any(_hints(p) and j != k and p.found != piece.found for j, p in enumerate(pieces)):
            out[k] = piece._replace(kind=CONTEXT)
    return out


#: Words by which the need-giver is threatened with something ("threatening an ADA lawsuit", "facing a fine").
_THREAT = frozenset({"threatening", "threatened", "threatens", "threaten", "facing", "faces", "face"})


def _threatened(pieces: list[Piece], starts: Sequence[int], tokens: Sequence[str], gaps: Sequence[str]
                ) -> list[Piece]:
    """What the need-giver is threatened with ("threatening an ADA lawsuit", "facing a lawsuit") is its
    problem, not work it asks for: a concept (not a situation) right after a threat word, in the same clause
    (up to two words between), reads as an object when the need names other work."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if _hints(piece) and not piece.situation and _said_after(starts[k], tokens, gaps, _THREAT, 3) \
                and any(_hints(p) and j != k for j, p in enumerate(pieces)):
            out[k] = piece._replace(kind="object")
    return out


def _providers(pieces: list[Piece], starts: Sequence[int], ends: Sequence[int], tokens: Sequence[str],
               sentence: Sequence[int]) -> list[Piece]:
    """The work a named provider is to do is its setting: "a staffing firm that puts them on its W-2 payroll",
    "a plumber to run water lines". What the need names before the provider is what the provider supplies and
    keeps its say ("two Java developers ... through a staffing firm": IT staffing; measured: demoting it loses)."""
    n = len(tokens)
    providers = [k for k, p in enumerate(pieces) if _hints(p) and not p.setting
                 and p.found.split()[-1] in PROVIDER_NOUNS]
    if not providers:
        return pieces
    out = list(pieces)
    for k in providers:
        piece = pieces[k]
        end = ends[k]
        if end < n and tokens[end] in _CLAUSE_OPENERS and (tokens[end] != "to" or (end + 1 < n
                                                                                 and tokens[end + 1] not in STOPWORDS)):
            for j in range(k + 1, len(pieces)):
                if j in providers or sentence[starts[j]] != sentence[end]:
                    break
                other = pieces[j]
                if other.kind in LEAD_KINDS and not shares_industry(other.naics, piece.naics):
                    out[j] = out[j]._replace(setting=True)
    return out


# ---------------------------------------------------------------------------------------------- Korean context

#: Korean possessives of the need-giver ("저희 식당", "우리 매장", "자사 제품", "당사 설비").
_KO_POSSESSIVE_RE = re.compile(r"(?:저희|우리|자사|당사)(?:\s*(?:회사|가게|매장|식당)?\s*(?:의)?)\s*$")
#: Korean establishment words that end a concept's form ("화장품 매장", "한식당"): with an opening verb after
#: it ("오픈한지", "운영 중", "열었는데"), the establishment is the need-giver's own.
_KO_ESTABLISHMENT_RE = re.compile(r"(?:매장|가게|샵|숍|식당|레스토랑|카페|베이커리|사무실|공장|쇼룸|지점|치과|병원|의원|한의원"
                                  r"|클리닉|약국|학원)$")
_KO_OWN_AFTER_RE = re.compile(r"^\s*(?:을|를|이|은|도)?\s*(?:오픈|운영|열었|열고|차렸|차린|개업|개원|개점|하고\s*있|해요|합니다)")
#: An establishment being opened ("치과 개원 —", "카페 오픈 준비"): with other work named, it is where the work is
#: done, not searched (the work to open it is the ask).
_KO_OPENING_AFTER_RE = re.compile(r"^\s*(?:을|를)?\s*(?:오픈|개업|개원|개점|신규\s*오픈)(?!\s*(?:한지|했|하고\s*있))")
#: A time relation right after a concept ("리모델링 전 납 페인트 검사", "공사 후 청소", "이사하기 전에"): the concept is
#: when the work asked for happens, its setting, not the ask.
_KO_TIME_RELATION_RE = re.compile(r"\s*(?:하기\s*)?(?:전|전에|이전|이전에|직전|직전에|후|후에|이후|이후에|직후|직후에|뒤에)(?=[\s,.]|$)")
#: During (블프 프로모션 때, 행사 동안): what the need's story happened during, its setting (an object when the need
#: asks for other work, which may be a situation found later in the text).
_KO_DURING_RE = re.compile(r"\s*(?:때|때에|때는|동안|동안에)(?=[\s,.]|$)")
#: Korean markers of a reason clause: what comes before is background ("15명 채용 예정이라, ... 해줄 업체").
_KO_REASON_RE = re.compile(r"(?:이라서|이어서|여서|라서|이라|그래서|때문에)(?=[\s,.]|$)")
#: A cause named as such (X 때문에, X 땜에, X 탓에, X로 인해): what stands before it in its clause is why.
_KO_CAUSE_RE = re.compile(r"(?:때문에|땜에|탓에|(?:으로|로)\s*인해)(?=[\s,.]|$)")
#: Where a clause ends (punctuation): a cause's clause starts after the last one before it.
_KO_CLAUSE_END_RE = re.compile(r"[.!?;。\n]|—|–")


#: Radio bands: in a need about radio ("라디오 광고 ... 로컬 FM에 30초 스팟") FM is the station's band, where the
#: ad runs, not facility management (FM in a facilities need).
RADIO_BANDS = frozenset({"fm", "am"})
_KO_RADIO_RE = re.compile(r"라디오|radio|방송국|[FA]M\s*(?:방송|채널|주파수)", re.IGNORECASE)


def _clause_start(text: str, end: int) -> int:
    """Where the clause ending at ``end`` starts: after the last sentence-ending punctuation before it."""
    start = 0
    for m in _KO_CLAUSE_END_RE.finditer(text, 0, end):
        start = m.end()
    return start


def korean_context(pieces: list[Piece], text: str, spans: Sequence[tuple[int, int] | None]) -> list[Piece]:
    """The Korean reader's pieces, with what is context read as context (see the module's docstring).

    ``text``: the normalized text the pieces were found in; ``spans``: where each piece stands in it (``(start,
    end)``, the first place of a piece the need repeats; None: not located).
    """
    if not any(p.kind for p in pieces):
        return pieces
    pieces = list(pieces)
    where = [span[0] if span is not None and p.found else -1 for p, span in zip(pieces, spans)]
    radio = bool(_KO_RADIO_RE.search(text))
    for k, piece in enumerate(pieces):
        if not piece.kind or where[k] < 0:
            continue
        if radio and piece.found.strip().casefold() in RADIO_BANDS:
            pieces[k] = piece._replace(aside=True, setting=True)  # 라디오 광고 ... 로컬 FM에: the station's band
            continue
        before = text[:where[k]]
        after = text[where[k] + len(piece.found):]
        own_establishment = bool(_KO_ESTABLISHMENT_RE.search(piece.found.replace(" ", ""))) \
            and (bool(_KO_OWN_AFTER_RE.match(after)) or bool(_KO_POSSESSIVE_RE.search(before)))
        if own_establishment and piece.kind in LEAD_KINDS and _KO_OPENING_AFTER_RE.match(after) \
                and _asks_other(pieces, k, set()):
            pieces[k] = piece._replace(kind=CONTEXT, aside=True, setting=True)  # 치과 개원 — 인테리어 GC, ...: where
        elif own_establishment and piece.kind in LEAD_KINDS:
            pieces[k] = piece._replace(kind=CONTEXT)
        elif is_goods(piece) and _KO_POSSESSIVE_RE.search(before) and _asks_other(pieces, k, set()):
            pieces[k] = piece._replace(kind="object")
        if piece.kind in LEAD_KINDS and piece.naics and piece.naics[0].startswith(_STAFFING_NAICS) \
                and not piece.situation and _KO_FOR_PEOPLE_RE.match(after) and _asks_other(pieces, k, set()):
            pieces[k] = pieces[k]._replace(kind=CONTEXT)  # 홀 직원용 폴로셔츠: who the shirts are for
            continue
        if piece.kind in LEAD_KINDS and piece.naics and piece.naics[0].startswith(_STAFFING_NAICS) \
                and not piece.situation and (_KO_SENT_PEOPLE_RE.match(after) or _people_are_the_subject(after)):
            pieces[k] = pieces[k]._replace(kind=CONTEXT)  # 한국에서 파견 온 직원들, 영업사원들이 각자 ...: who they are
            continue
        if piece.kind in LEAD_KINDS and not piece.situation and _KO_TIME_RELATION_RE.match(after) \
                and any(_hints(p) and w > where[k] for p, w in zip(pieces, where)):
            pieces[k] = pieces[k]._replace(setting=True)  # 리모델링 전 납 페인트 검사: when the testing is done
            continue
        if piece.kind in LEAD_KINDS and not piece.situation and _KO_DURING_RE.match(after):
            pieces[k] = pieces[k]._replace(setting=True)  # 블프 프로모션 때 사이트가 다운: when it happened
            continue
        if piece.kind in LEAD_KINDS and _KO_DEPARTMENT_RE.match(after):
            pieces[k] = pieces[k]._replace(setting=True)  # 회계팀용 파쇄함: the team it is for
            continue
        if piece.kind in LEAD_KINDS and piece.naics and all(n.startswith("23") for n in piece.naics) \
                and not piece.situation and _KO_UNITS_AFTER_RE.match(after) and _asks_other(pieces, k, set()):
            pieces[k] = pieces[k]._replace(kind="object")  # 설비 5대를 부산으로: five machines shipped, not HVAC work
    pieces = _korean_done_to(pieces, where, text)
    pieces = _korean_specialities(pieces, where, text)
    pieces = _korean_aside(pieces, where, text)
    pieces = _korean_removed(pieces, where, text)
    pieces = _korean_destinations(pieces, where, text)
    pieces = _korean_glosses(pieces, where, text)
    pieces = _korean_own_providers(pieces, where, text)
    pieces = _korean_providers(pieces, where, text)
    marker = None
    for m in _KO_REASON_RE.finditer(text):
        marker = m.start()
    if marker is not None and any(_hints(p) and w > marker for p, w in zip(pieces, where)):
        pieces = [p._replace(setting=True) if p.kind in LEAD_KINDS and 0 <= w < marker else p
                  for p, w in zip(pieces, where)]
        cause = None
        for m in _KO_CAUSE_RE.finditer(text):
            cause = m.start()
        if cause is not None and any(_hints(p) and w > cause for p, w in zip(pieces, where)):
            # 도로 공사 소음 때문에 방음창 설치: the road works are why, not what is bought (compose drops them
            # when the ask shares none of their industries)
            start = _clause_start(text, cause)
            pieces = [p._replace(cause=True) if p.kind and start <= w < cause else p for p, w in zip(pieces, where)]
    if any(_hints(p) and p.naics[0].startswith(_STAFFING_NAICS) for p in pieces):
        pieces = [p._replace(kind=CONTEXT) if p.kind and p.found.replace("-", " ").lower() in TAX_FORMS else p
                  for p in pieces]
    return pieces


#: NAICS prefixes of services done to goods that are the need-giver's (photography, packaging and crating): goods
#: named before such a service in one clause are what it is done to ("스낵/소스 150종 스튜디오 제품사진 촬영").
_DONE_TO_NAICS = ("54192", "56191", "488991")
#: What ends a Korean clause for :func:`_korean_done_to`.
_KO_CLAUSE_BREAK_RE = re.compile(r"[,.!?;\n]")


def _korean_done_to(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """Goods named before a service done to them in one clause (:data:`_DONE_TO_NAICS`: "스낵/소스 150종 스튜디오
    제품사진 촬영", "설비 목재 크레이팅") read as objects when the need names other work: the snacks are what is
    photographed, not bought (the Korean counterpart of "our 150 snack SKUs ... photographed")."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if not is_goods(piece) or piece.situation or where[k] < 0:
            continue
        end = where[k] + len(piece.found)
        for j, other in enumerate(pieces):
            if j == k or where[j] < end or not _hints(other) or not other.naics[0].startswith(_DONE_TO_NAICS):
                continue
            if not _KO_CLAUSE_BREAK_RE.search(text[end:where[j]]) and _asks_other(pieces, k, set()):
                out[k] = piece._replace(kind="object")
                break
    return out


#: What marks a concept as only what the work is around (:attr:`~mwbe_match.engine.readers.base.Piece.aside`), right
#: after it: the place the work is done at, on or in (창고 지붕에 태양광 패널, 실외기 위에 둥지, 공유오피스 내 키오스크),
#: the thing room is made for (냉장고 자리 확보), what moves over the work (지게차 다니는 구간), a condition the work
#: must meet (은행 대출 조건, up to two words of the phrase between) or what an event is to be like (팬미팅 같은
#: 분위기로), what the work waits for (CBP 검사 대기용) and the errand someone is accompanied to (은행계좌 개설 동행).
#: Plain 에 counts only before another concept (a place, not 보험에 가입). A brand named as whose it is
#: (:data:`_KO_OWN_BRAND_AFTER_RE`) is aside too, and so is a place object said with a copula at the end of a sentence,
#: the answer to where (:data:`_KO_WHERE_ANSWER_RE`).
_KO_PLACE_AFTER_RE = re.compile(r"\s*(?:위|안|안쪽|내부|속|옆|밑|아래|앞|주변)에(?![가-힣])|\s*내(?![가-힣])")
_KO_AT_RE = re.compile(r"에\s+")
#: A place object said with a copula at the end of a sentence (저지시티 루프탑이요, 장소는 강당입니다): where it is.
_KO_WHERE_ANSWER_RE = re.compile(r"\s*(?:이요|예요|이에요|입니다|이고요|임)[\s.!~ㅎㅋ^]*(?:$|[.!?\n])")
#: A brand named as whose it is (화장품 브랜드의 등록, 카페 브랜드 매장 8곳): the need-giver's brand, not branding work.
_KO_OWN_BRAND_AFTER_RE = re.compile(r"의(?![가-힣])|\s+(?:매장|제품|상품|매출|가게|지점)(?![가-힣])")
_KO_ASIDE_AFTER_RE = re.compile(
    r"\s*(?:이|가|을|를)?\s*(?:(?:들어갈|놓을|둘|놓일|설치할)\s*)?(?:자리|공간)\s*(?:을|를|도)?\s*(?:확보|마련|만들|비워|남겨)"
    r"|\s*(?:이|가|들이)?\s*(?:다니는|지나다니는|지나가는|오가는|오고\s*가는|통행하는|주행하는)(?![가-힣])"
    r"|(?:\s+[가-힣A-Za-z0-9]+){0,2}?\s*(?:조건|요건)(?:입니다|이에요|예요|임|이고|이라|이라서)?(?=[\s,.)]|$)"
    r"|\s*(?:같은|느낌의|스타일의)\s*(?:분위기|느낌|스타일|컨셉|콘셉트|테마|무드)"
    r"|\s*(?:대기용|대기\s*중|대기하는|대기할|기다리는|기다리면서)(?![가-힣])"
    r"|(?:\s*[·,/]\s*[A-Za-z0-9가-힣]+)?\s*(?:발급|개설|신청|등록|취득)\s*(?:동행|같이\s*가|함께\s*가)"
    r"|\s*(?:에\s*)?(?:참가|참여|출전|출품)(?:하는|할|해서|하려고|하는데|용|하기)?(?![가-힣])")


#: What is taken out before the work asked for ("기존 페인트 그라인딩 후 시공", "기존 아크릴 메뉴판 철거 포함", "낡은
#:카펫 뜯어내고"): the existing or old thing (up to three words after 기존/원래 있던/예전/낡은/오래된) right before a
#: verb of removal. It is what the removal is done to, not what is bought.
_KO_REMOVED_RE = re.compile(
    r"(?<![가-힣])(?:기존(?:에\s*(?:있던|쓰던|설치된))?|원래\s*(?:있던|쓰던)|예전|옛날|낡은|오래된|헌)\s+"
    r"(?P<thing>(?:[가-힣A-Za-z0-9]+\s+){0,2}[가-힣A-Za-z0-9]+?)\s*(?:을|를|은|는|도)?\s*"
    r"(?P<verb>철거|제거|탈거|해체|뜯어|걷어|떼어|그라인딩|샌딩|벗겨|긁어)")


def _korean_removed(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """The existing thing a need has removed before its work (:data:`_KO_REMOVED_RE`) is
    :attr:`~mwbe_match.engine.readers.base.Piece.aside` when the need names other work outside it (an ``industry``
    concept that is neither the removed thing nor the removal itself): "공장 바닥 에폭시 코팅, 기존 페인트 그라인딩
    후 시공" asks for epoxy flooring, not painters. Removal alone ("기존 카펫 철거 해주실 분") keeps the thing: it is
    what the work is about; so does a thing the need also names outside the removal (기존 에어컨 철거 후 새 에어컨)."""
    out = list(pieces)
    for m in _KO_REMOVED_RE.finditer(text):
        start, end, verb = m.start("thing"), m.end("thing"), m.start("verb")
        inside = [k for k, p in enumerate(pieces) if p.kind and start <= where[k] < end and not p.negated]
        if not inside:
            continue
        other = [j for j, p in enumerate(pieces) if p.kind == "industry" and p.naics and not p.situation
                 and not p.negated and where[j] >= 0 and not start <= where[j] <= verb]
        if not other:
            continue
        for k in inside:
            found = pieces[k].found
            if text.count(found, 0, start) or text.count(found, end):
                continue  # named again outside the removal: also what is bought
            out[k] = pieces[k]._replace(aside=True, setting=True)
    return out


#: What may stand between the words of one compound name (K-푸드 페스티벌, 한식 푸드 트럭): spaces, a hyphen.
_KO_COMPOUND_GAP_RE = re.compile(r"[\s\-]*")


def _modifiers(pieces: list[Piece], where: Sequence[int], text: str, k: int) -> list[int]:
    """The pieces right before piece ``k`` in one compound noun with it (only spaces or hyphens between): the
    words of its name, which stand or fall with it."""
    located = {w: j for j, w in enumerate(where) if w >= 0 and j != k}
    out: list[int] = []
    start = where[k]
    while True:
        before = [(w, j) for w, j in located.items() if w < start and w + len(pieces[j].found) <= start
                  and _KO_COMPOUND_GAP_RE.fullmatch(text, w + len(pieces[j].found), start)]
        if not before:
            return out
        w, j = max(before)
        if pieces[j].negated:
            return out
        out.append(j)
        start = w


def names_aside(text: str, end: int, asides: Sequence[int]) -> bool:
    """Whether the word of ``text`` ending at ``end`` is a word of the name of a concept read as aside (it stands
    right before one in one compound noun: "푸드" of "K-푸드 페스티벌 참가 부스"). ``asides``: where each aside
    piece starts in ``text``; for words read apart from the pieces (by sound)."""
    return any(at >= end and _KO_COMPOUND_GAP_RE.fullmatch(text, end, at) for at in asides)


#: A place a need's goods go to, as the first word of their compound ("호텔 객실 과일바구니", "병원 병실 꽃바구니"):
#: an establishment word, with a room of it that a guest stays in between it and the goods (a lobby is where
#: work is done: "호텔 로비 디지털 사이니지 설치" keeps the hotel).
_KO_PLACE_OBJECT_RE = re.compile(r"(?:호텔|모텔|리조트|레지던스|병원|사무실|매장|식당|학교|교회|공항|라운지)$")
_KO_ROOM_GAP_RE = re.compile(r"\s*(?:객실|룸|방|병실|스위트룸|스위트)(?:용|마다|에\s*놓을|에\s*넣을)?\s*")


def _korean_destinations(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """The pieces, a place object standing before goods with a guest room of it between (:data:`_KO_ROOM_GAP_RE`) read
    as aside: "호텔 객실 과일바구니" asks for a fruit basket that goes to a hotel room, not for a hotel."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if piece.kind != "object" or where[k] < 0 or piece.negated \
                or not _KO_PLACE_OBJECT_RE.search(piece.found.replace(" ", "")):
            continue
        end = where[k] + len(piece.found)
        gap = _KO_ROOM_GAP_RE.match(text, end)
        if gap is None:
            continue
        if any(w == gap.end() and is_goods(p) and not p.negated for p, w in zip(pieces, where)):
            out[k] = piece._replace(aside=True, setting=True)
    return out


def _korean_aside(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """Concepts the text names only as what the work is around (:data:`_KO_PLACE_AFTER_RE`,
    :data:`_KO_ASIDE_AFTER_RE`) are marked :attr:`~mwbe_match.engine.readers.base.Piece.aside` (and as the setting,
    so they are not the ask) when the need names other work, an ``industry`` concept that shares none of their
    industries, after them: "비둘기가 실외기 위에 둥지를 틀었어요 ... 버드 스파이크 설치" asks for bird spikes, not HVAC.
    A need that names only a bare intent after the place ("냉장고에 성에가 껴요 수리") keeps it: it is what is fixed."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if not piece.kind or piece.situation or where[k] < 0 or piece.negated:
            continue
        end = where[k] + len(piece.found)
        other = [j for j, p in enumerate(pieces) if j != k and where[j] >= 0 and p.kind == "industry"
                 and p.naics and not p.situation and not p.negated]
        if not other:
            continue
        if _KO_ASIDE_AFTER_RE.match(text, end):  # the text itself says it is not the ask
            out[k] = piece._replace(aside=True, setting=True)
            for j in _modifiers(pieces, where, text, k):  # ... with the words of its name (K-푸드 페스티벌)
                out[j] = out[j]._replace(aside=True, setting=True)
            continue
        if piece.kind == "object" and _KO_WHERE_ANSWER_RE.match(text, end):
            out[k] = piece._replace(aside=True, setting=True)  # ... 해주실분?? 저지시티 루프탑이요: where, not roofing
            continue
        if piece.found.endswith("브랜드") and _KO_OWN_BRAND_AFTER_RE.match(text, end):
            out[k] = piece._replace(aside=True, setting=True)  # 화장품 브랜드의 FDA 등록: whose brand, not branding
            for j, goods in enumerate(pieces):  # ... and the goods it is a brand of are the need-giver's business
                if j != k and (is_goods(goods) or goods.kind == "object") and where[j] >= 0 \
                        and text[where[j] + len(goods.found):where[k]].strip() == "":
                    out[j] = out[j]._replace(kind=CONTEXT)
            continue
        later = [j for j in other if where[j] >= end and not shares_industry(pieces[j].naics, piece.naics)]
        at = _KO_AT_RE.match(text, end)
        if later and (_KO_PLACE_AFTER_RE.match(text, end) or (at is not None and any(where[j] == at.end() for j in later))):
            out[k] = piece._replace(aside=True, setting=True)
    return out


#: "전문" between a concept and the provider it specializes (해상운송 전문 변호사, 한식 전문 케이터링).
_KO_SPECIALITY_RE = re.compile(r"\s*전문(?:\s*(?:의|인))?\s*$")


def _korean_specialities(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """A concept named as the speciality of the provider right after it ("해상운송 전문 변호사": a maritime lawyer)
    says which provider is asked for: it reads as an object of that provider unless it shares the provider's
    industry ("상표 전문 변호사" keeps its law hint), so "해상운송 전문 변호사" hints at lawyers, not ocean carriers."""
    out = list(pieces)
    located = sorted((w, j) for j, w in enumerate(where) if w >= 0 and pieces[j].kind)
    for (w0, i), (w1, k) in zip(located, located[1:]):
        speciality, provider = pieces[i], pieces[k]
        if speciality.kind not in LEAD_KINDS or provider.kind not in LEAD_KINDS or not provider.naics \
                or speciality.situation or speciality.negated:
            continue
        end = w0 + len(speciality.found)
        if end <= w1 and _KO_SPECIALITY_RE.match(text[end:w1]) and not shares_industry(speciality.naics,
                                                                                        provider.naics):
            out[i] = speciality._replace(kind="object")
    return out


#: A gloss in parentheses right after a concept: "시설관리 기술인력(엔지니어)", "정비사(중장비)", "위험물(리튬 배터리)".
_KO_GLOSS_OPEN_RE = re.compile(r"\s*\(\s*$")
_KO_GLOSS_CLOSE_RE = re.compile(r"\s*\)")


def _korean_glosses(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """A concept alone in parentheses right after another glosses it: it says again, or more closely, what the
    concept before names (the engineer of "시설관리 기술인력(엔지니어)" is the facility technician, the heavy
    equipment of "정비사(중장비)" is the mechanic's speciality, the lithium batteries of "위험물(리튬 배터리)" are the
    dangerous goods), so it is read as the setting of the need's work: its words are searched, and it keeps its
    industry hints only when it shares an industry with the work asked for."""
    out = list(pieces)
    located = sorted((w, j) for j, w in enumerate(where) if w >= 0 and pieces[j].kind)
    for (w0, i), (w1, k) in zip(located, located[1:]):
        first, gloss = pieces[i], pieces[k]
        end = w0 + len(first.found)
        if gloss.kind not in LEAD_KINDS or first.kind not in LEAD_KINDS or gloss.situation or first.negated:
            continue
        if end <= w1 and _KO_GLOSS_OPEN_RE.match(text[end:w1]) and _KO_GLOSS_CLOSE_RE.match(text, w1 + len(gloss.found)):
            out[k] = gloss._replace(setting=True)
    return out


#: What marks a provider the need-giver already has, before it: a possessive ("저희 회계사가", "우리 청소업체가",
#: "당사 IT 업체는"), "기존"/"원래"/"지금"/"현재" ("기존 업체가", "원래 하던 프리랜서가", "지금 쓰는 세무사님이").
_KO_OWN_PROVIDER_BEFORE_RE = re.compile(
    r"(?:저희|우리|당사|자사|기존|원래|지금|현재|예전)(?:\s*(?:회사|쪽|측)?\s*의)?"
    r"(?:\s+(?:하던|쓰던|쓰는|하는|일하던|오던|다니던|오시던|계시던|맡던|맡은|맡고\s*있는|거래하던|거래하는|계약한|계약된"
    r"|쓰고\s*있는|이용하던|이용하는|이용\s*중인))?\s*$")
#: A provider as the subject of its clause, right after the concept ("회계사가", "청소업체가", "IT 업체는", "세무사님이").
_KO_PROVIDER_SUBJECT_RE = re.compile(
    r"\s*(?:업체|회사|업자|사무소|팀|분|쪽|측|기사)?\s*(?:님|분)?\s*(?:이|가|은|는|께서|께서는|도)(?![가-힣])")
#: A provider that quit, vanished or ended its contract ("관리인이 그만둬서", "프리랜서가 잠수탐", "업체가 폐업해서"):
#: one the need-giver had, even without a possessive.
_KO_PROVIDER_GONE_RE = re.compile(
    r"그만\s*두|그만\s*둬|그만\s*뒀|관두|관둬|관뒀|잠수|연락\s*(?:두절|끊|이\s*안)|퇴사|나갔|나가서|나가셔서|떠나|떠났"
    r"|폐업|문\s*(?:을\s*)?닫|계약\s*(?:이\s*)?(?:끝|만료|종료)|은퇴")


#: A provider the work's result is handed to, right after the concept ("토목 설계사무소에 CAD 파일로 전달",
#: "회계사님께 제출할", "변호사한테 보내야"): a recipient, then a verb of handing over in its clause.
_KO_PROVIDER_RECIPIENT_RE = re.compile(
    r"\s*(?:업체|회사|업자|사무소|팀|쪽|측)?\s*(?:님)?\s*(?:에게|에|께|한테|쪽에|측에)(?![가-힣])")
#: Verbs of handing a result over (전달, 제출, 보내야, 넘겨, 공유), looked for early in the recipient's clause.
_KO_HANDED_RE = re.compile(r"전달|제출|보내|보낼|넘겨|넘길|넘기|드려야|드릴|공유")


def _korean_own_providers(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """A provider the need-giver already has is context when the need names other work: "저희 회계사가 세무 서류
    번역이 필요하대요" asks for translation, not an accountant; "원래 하던 프리랜서가 잠수탐, 앱 개발자 급구" for a
    developer; "건물 관리인이 그만둬서 ... 핸디맨 서비스" for a handyman. A provider is one the need-giver has when a
    possessive or 기존/원래/지금 stands before it (:data:`_KO_OWN_PROVIDER_BEFORE_RE`), or when it quit or vanished
    (:data:`_KO_PROVIDER_GONE_RE`), and it is the subject of its clause. When the need names no other work, the need
    replaces it and it stays the ask ("우리 청소업체가 그만둬서 새로 구해요": cleaning) -- the Korean counterpart of
    "our civil engineer needs the survey" / "our cleaning company quit". One that quit or vanished is why the
    need is written, its cause (:attr:`~mwbe_match.engine.readers.base.Piece.cause`): then it is not searched
    either (a freelancer who disappeared is no freelancer asked for), also when it was read as people already
    (프리랜서가 잠수탐: the subject of its sentence). A provider the result is handed to ("토목 설계사무소에 CAD
    파일로 전달해야": :data:`_KO_PROVIDER_RECIPIENT_RE`, then a verb of handing over in its clause) is one the
    need-giver works with too: context when the need names other work (the survey, not an engineer)."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if piece.kind not in LEAD_KINDS | {CONTEXT} or not piece.naics or where[k] < 0 or piece.situation:
            continue
        start, end = where[k], where[k] + len(piece.found)
        recipient = _KO_PROVIDER_RECIPIENT_RE.match(text, end)
        if recipient is not None and piece.kind in LEAD_KINDS:
            clause = re.split(r"[.?!\n,]", text[recipient.end():], maxsplit=1)[0]
            # other work: any concept that hints beyond this provider's codes (the survey the engineer receives)
            other = any(_hints(p) and j != k and not set(p.naics) <= set(piece.naics) for j, p in enumerate(pieces))
            if _KO_HANDED_RE.search(clause[:20]) and other:
                out[k] = piece._replace(kind=CONTEXT)
                continue
        subject = _KO_PROVIDER_SUBJECT_RE.match(text, end)
        if subject is None:
            continue
        own = _KO_OWN_PROVIDER_BEFORE_RE.search(text, 0, start) is not None
        clause = re.split(r"[.?!\n,]", text[subject.end():], maxsplit=1)[0]
        gone = _KO_PROVIDER_GONE_RE.search(clause[:20]) is not None
        own = own or gone
        if own and (piece.kind in LEAD_KINDS or gone) and _asks_other(pieces, k, set()):
            # one that quit or vanished is why the need is written: the cause, not searched
            out[k] = piece._replace(kind=CONTEXT, cause=gone)
    return out


def _korean_providers(pieces: list[Piece], where: Sequence[int], text: str) -> list[Piece]:
    """The work a named provider is to do is its setting: in "W-2 급여처리까지 해주는 IT 인력파견 회사" the
    clause before "해주는 ... 회사" describes the staffing firm's work, so its concepts that share none of the
    firm's industries (payroll) are the setting."""
    out = list(pieces)
    for k, piece in enumerate(pieces):
        if piece.kind not in LEAD_KINDS or not piece.naics or where[k] < 0 or piece.setting:
            continue
        start, end = where[k], where[k] + len(piece.found)
        if not (_KO_PROVIDER_END_RE.search(piece.found) or _KO_PROVIDER_AFTER_RE.match(text[end:])):
            continue
        clause_start = max(text.rfind(c, 0, start) for c in ".?!\n") + 1
        clause = text[clause_start:start]
        does = None
        for m in _KO_DOES_RE.finditer(clause):
            does = m
        if does is None or clause[does.end():].strip(" ,"):  # the verb must lead straight to the provider
            continue
        for j, other in enumerate(pieces):
            if j != k and other.kind in LEAD_KINDS and clause_start <= where[j] < start \
                    and not shares_industry(other.naics, piece.naics):
                out[j] = out[j]._replace(setting=True)
    return out


#: Korean verbs of a clause that describes a provider's work ("해주는", "해줄", "맡아주실", "진행해 줄", "도와주실").
_KO_DOES_RE = re.compile(r"(?:해\s?주는|해\s?줄|해\s?주실|맡아\s?줄|맡아\s?주실|맡아\s?주는|처리해\s?주는"
                         r"|도와\s?주는|도와\s?줄|도와\s?주실|하는|할)"
                         r"(?:\s*(?:수\s*있는|만한))?")
#: A provider noun right after a concept ("IT 인력파견 회사", "상표 전문 변호사") or ending its form.
_KO_PROVIDER_AFTER_RE = re.compile(r"^\s*(?:전문\s*)?(?:업체|회사|변호사|변호사님|파트너|전문가|에이전시|사무소|업자|곳|분)")
_KO_PROVIDER_END_RE = re.compile(r"(?:업체|회사|변호사|파트너|전문가|에이전시|사무소|업자)$")
#: A staffing word that says how the need's own people came (파견 온 직원들, 본사에서 파견된 주재원, 파견 나와 있는
#:인력): a verb of coming or being placed, then the people; the staffing word describes them, it is not the ask.
_KO_SENT_PEOPLE_RE = re.compile(r"^\s*(?:을|를|으로|로)?\s*(?:온|오신|와\s*있는|와\s*계신|나온|나오신|나와\s*있는|나와\s*계신|"
                                r"된|되신|돼서\s*온|되어\s*온|와서|와\s*있어서|중인|근무\s*중인|근무하는|간|가\s*있는)"
                                r"\s*(?:[가-힣]{1,4}\s+)?(?:직원|주재원|인력|분|사람|팀원|동료|임직원|엔지니어|매니저)")
#: People named as whom goods are for, right after a staffing word (홀 직원용 폴로셔츠, 직원들용으로): they wear or
#: use what is bought, they are not asked for.
_KO_FOR_PEOPLE_RE = re.compile(r"^(?:들|분들)?용(?:으로)?(?![가-힣])")
#: The subject particle after people (영업사원들이, 리셉셔니스트가, 매니저분들은): they are who the sentence is about.
_KO_SUBJECT_RE = re.compile(r"^(?:들|분들|님들)?(?:이|가|은|는|도)\s")
#: Words of an ask for people (구해요, 채용, 뽑아야, 필요해요, 보내주실, 소개해): the people are then what is asked for.
_KO_ASK_FOR_PEOPLE_RE = re.compile(r"구해|구하|구합|구할|채용|뽑|모집|필요|찾|보내\s?주|소개|추천|파견해|섭외|고용|대체|그만")


def _people_are_the_subject(after: str) -> bool:
    """Whether the staffing word before ``after`` names the subject of its sentence, which asks for no people
    (서울 영업사원들이 각자 엑셀로 관리해서 ...: the sales reps are who works, not a hire)."""
    if not _KO_SUBJECT_RE.match(after):
        return False
    sentence = re.split(r"[.?!\n]", after, maxsplit=1)[0]
    return not _KO_ASK_FOR_PEOPLE_RE.search(sentence)


#: A count of machines or vehicles right after a concept ("설비 5대", "설비 세 대를"): the concept names the units counted.
#: A building trade counted so (설비 is also the mechanical trade) is the equipment, the object of the work the need
#: asks for (crating, shipping), not that trade.
_KO_UNITS_AFTER_RE = re.compile(r"^\s*\(?\s*(?:[0-9]+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇|여러)\s?대(?![가-힣])")
#: A department after a concept ("회계팀용", "마케팅 부서에"): the team the work is for.
_KO_DEPARTMENT_RE = re.compile(r"^\s*(?:팀|부서)(?:용|에|의|을|를|이|가|에서)?")
