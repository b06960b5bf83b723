"""Engine stage 1, reading a need's text: the protocol every language reader follows.

A reader turns a need's text in its language into the words the text index
searches (:class:`SearchWord`) and soft industry hints (:class:`Reading`). The
matcher asks its readers in order; the first that :meth:`Reader.detects` the
text reads it (the English reader, last, reads everything).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, Sequence, runtime_checkable

from ..text import is_indexable, search_tokens, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from ..text_index import TextIndex

__all__ = ["Reader", "Reading", "SearchWord", "Piece", "Part", "Composed", "compose", "coverage",
           "union", "excluded", "LEAD_KINDS", "HANDLING_NAICS", "GOODS_NAICS", "SITUATION_NOTE", "CONTEXT", "is_goods",
           "shares_industry", "other_trade_heads", "DESIGN_NAICS"]

#: Concept kinds that decide a need's industry ahead of the objects it mentions (intent over nouns).
LEAD_KINDS = frozenset({"industry", "intent"})
#: The kind of a piece that is context, not the ask (:mod:`~mwbe_match.engine.readers.context`): searched at
#: ``object_weight``, never an industry hint.
CONTEXT = "context"


class SearchWord(NamedTuple):
    """A word to search for, before it is looked up in the index.

    Attributes:
        word: the word (lower-case; the index stems it).
        weight: 1 for what the need says, less for a synonym a glossary adds.
        position: position among the query's words (adjacent positions form phrases in explanations).
        slot: what the word stands for (coverage counts each slot once).
        correctable: typed by the user, so a typo may be corrected (not a glossary's word).
    """

    word: str
    weight: float
    position: int
    slot: int
    correctable: bool


@dataclass(frozen=True)
class Reading:
    """What a reader understood in a need's text.

    Attributes:
        words: the words to search, in order.
        search_text: the text that is searched (the need's text, or its translation).
        naics_hints: NAICS prefixes the text points at (soft hints: they raise industries, never filter).
        translated: whether the text was read through a glossary (then :attr:`understood`,
            :attr:`unreadable` and :attr:`read_as` say how, and the reasons start with "Read as: ...").
        understood: ``"사무실 청소 → office cleaning, janitorial"`` per glossary term found.
        unreadable: words that were not understood.
        read_as: the main English phrase of each searched term.
        hint_setting: the :class:`~mwbe_match.engine.config.MatchConfig` field giving the share of the
            industry probability the hints take (``"hint_weight"``).
        hint_sets: the hints of each concept read, one tuple per concept (empty: :attr:`naics_hints` is one
            set). Each concept weighs the same in the hint distribution, spread over its industries, so
            industries that several concepts name get more and a broad prefix ("23") gets little per group.
        coverage: the share of the need's words that concepts read (:func:`coverage`); the hints take
            ``hint_weight`` times this share, so the words no concept knows keep their say.
        excluded: what the need says it does not want, as written ("웨딩", "carpet cleaning"; see
            :mod:`~mwbe_match.engine.readers.negation`): never searched, no industry hint.
        parts: the concepts read as work or goods to buy (:class:`Part`: those that give hints), in the
            order of the text: what :mod:`~mwbe_match.engine.aspects` groups into the need's parts.
    """

    words: tuple[SearchWord, ...]
    search_text: str
    naics_hints: tuple[str, ...] = ()
    translated: bool = False
    understood: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()
    read_as: tuple[str, ...] = ()
    hint_setting: str = "hint_weight"
    hint_sets: tuple[tuple[str, ...], ...] = ()
    coverage: float = 1.0
    excluded: tuple[str, ...] = ()
    parts: tuple["Part", ...] = ()


class Part(NamedTuple):
    """A concept a reader read as work or goods the need asks for: one that gives industry hints (not
    context, not an object of other work, not the need's own goods or a place).

    Attributes:
        label: how the part is named in reasons: the words as typed ("cabinet maker"), for words in Korean
            with the English they were read as ("하부장 (cabinets)").
        naics: the concept's NAICS prefixes (its hints).
        slots: the coverage slots of its main phrase's words (:attr:`SearchWord.slot`): the words that search it.
        setting: the text marks it as what the work asked for is for or on ("Painting contractor to repaint
            the doors", "marketing agency for SEO"): it kept its hints by sharing an industry with that work,
            whose part it is.
    """

    label: str
    naics: tuple[str, ...]
    slots: tuple[int, ...]
    setting: bool = False


class Composed(NamedTuple):
    """What :func:`compose` makes of a reader's pieces."""

    words: list[SearchWord]
    hint_sets: tuple[tuple[str, ...], ...]
    understood: tuple[str, ...]
    parts: tuple[Part, ...]


class Piece(NamedTuple):
    """One thing a reader found in a need's text, before it becomes search words (the same for every language).

    Attributes:
        found: the words as they stand in the text.
        phrases: the English phrases to search, the main one first (a concept's: the typed phrase or
            the concept's main term, then its further terms).
        kind: the concept's kind (``industry``, ``intent``, ``object``), ``""`` for a word no concept knows.
        naics: the concept's NAICS prefixes (hints).
        typed: the main phrase is the user's own words (a word no concept knows may then be corrected).
        adjacent: it follows the previous piece directly (only spaces between): the two are one compound
            noun, whose last part is its head ("food warehouse", "식자재 창고" are warehouses).
        setting: the text marks it as what the work is for ("... for a trade show", "전시회에 쓸 ...").
        negated: the need says it does not want it ("웨딩 아니고", "not carpet cleaning"): never searched,
            no hint (:mod:`~mwbe_match.engine.readers.negation`).
        situation: it is a situation concept (a problem or goal, "keeps getting fined", "벌금 자꾸 맞아요"):
            its main phrase is the service that solves it (:data:`~mwbe_match.engine.lexicon.SITUATION_PREFIX`).
        cause: the text names it as the cause of the need ("도로 공사 소음 때문에 방음창", "전기세 부담 때문에"):
            when the need asks for work sharing none of its industries, it is neither searched nor a hint (nor
            listed as excluded: the need does not refuse it, it only says why).
        aside: the text names it only as what the work is around, not as what is bought: the place the work is
            done at or on (실외기 위에 둥지, 창고 지붕에 태양광 패널, 공유오피스 내 키오스크), the thing room is made
            for (냉장고 자리 확보), what moves over the work (지게차 다니는 구간), a condition the work must meet
            (은행 대출 조건) or what an event is to be like (팬미팅 같은 분위기로), when the need asks for other work
            (the reader decides, :mod:`~mwbe_match.engine.readers.context`): neither searched nor a hint.
    """

    found: str
    phrases: tuple[str, ...]
    kind: str = ""
    naics: tuple[str, ...] = ()
    typed: bool = False
    adjacent: bool = False
    setting: bool = False
    negated: bool = False
    situation: bool = False
    cause: bool = False
    aside: bool = False


def compose(pieces: "list[Piece] | tuple[Piece, ...]", config: Any, start: int = 0, cargo_after: bool = True,
            lexicon: Any = None) -> Composed:
    """The search words, NAICS hints and "understood" notes of what a reader found, in one way for all languages,
    with the concepts that give hints as the need's :class:`Part` s.

    Each piece's main phrase is searched at weight 1, its further phrases at
    ``config.synonym_weight``, all standing for one thing (one coverage slot per
    word of the main phrase). Intent over nouns: when the need names an
    ``industry`` or ``intent`` concept that hints at an industry, its ``object``
    concepts (restaurant, warehouse, server room) give no hints and their words
    weigh ``config.object_weight``; alone, an object reads like any concept.
    Beside such a concept, a typed word no concept knows weighs less: ``1 - (1 - config.unknown_word_weight) *
    share``, ``share`` the part of the need's meaningful pieces concepts read (a need read in full:
    ``unknown_word_weight``; a long text of other words: nearly 1).
    Only a word the user typed that no concept knows may be corrected.

    A concept that directly precedes an object in one compound noun ("food
    warehouse", "식자재 창고") modifies that object and reads as part of it; a
    concept the text marks as what the work is for ("print banners for a trade
    show", "전시회에 쓸 브로셔") reads as an object when the need names other work
    whose industries it does not share ("marketing agency for SEO" keeps SEO), compared by industry (5 digits:
    the drawings an architect is to prepare are the object of its work, though drafting shares its group).

    The thing handled is not the industry (cargo): work of handling things (a
    concept whose main NAICS prefix is in :data:`HANDLING_NAICS`: transport,
    storage, customs, moving, waste collection, disposal, recycling; plain
    delivery (:data:`DELIVERY_NAICS`) only of the need's own goods or to a warehouse:
    "office supplies delivery" buys supplies) makes the
    ``industry`` concept of goods it handles (main NAICS prefix in
    :data:`GOODS_NAICS`: cosmetics, laptops, office furniture) an object: the goods
    right before it in one compound ("화장품 운송", "IT장비 재활용", "laptop
    recycling") and, with ``cargo_after`` (English word order), the goods after it
    past at most two plain words ("ship our cosmetics", "recycle old laptops").
    Goods named elsewhere in the need keep their say (a move and furniture
    installation is also a furniture need).

    A negated piece ("웨딩 아니고", "not carpet cleaning") is neither searched nor
    a hint, unless the need also names its concept outside the negation (:func:`excluded`).

    A situation (a problem or goal told in everyday words: "whether Americans will like
    our snack", "벌금 자꾸 맞아요") asks for the service that solves it: a good the need
    names (an ``industry`` concept whose main NAICS prefix is in :data:`GOODS_NAICS`)
    that shares no industry with a situation read is what the situation is about, an
    object ("our snack" is what the market research studies). A need that also asks
    for people ("신규 매장 오픈하는데 일할 사람": a staffing concept, :data:`STAFFING_NAICS`)
    is read for them: a situation that shares none of their industries reads as an
    object (the store opening is what the staff are for). A situation whose service the
    need names itself ("fined over trash" with "trash": waste collection) adds its words
    as an object's, not a second hint. Its note says how it was read (:data:`SITUATION_NOTE`).

    With ``lexicon`` (the readers' :class:`~mwbe_match.engine.lexicon.Lexicon`), the last word of a
    concept's phrase of several words that alone names another trade ("printing" in "3d printing",
    "management" in "property management": :func:`other_trade_heads`) weighs ``config.object_weight``: only
    the whole phrase means the concept, the word alone would rank commercial printers for a 3D printing need.

    Returns :class:`Composed` ``(words, hint_sets, understood, parts)`` (the hints of each hinting concept,
    and each hinting concept as a :class:`Part`); positions start at ``start``.
    """
    pieces = _kept(_solved(pieces))
    for i in range(len(pieces) - 2, -1, -1):
        head = pieces[i + 1]
        if head.kind == "object" and head.adjacent and pieces[i].kind in LEAD_KINDS:
            pieces[i] = pieces[i]._replace(kind="object")
    pieces = _cargo(pieces, cargo_after)  # after the compounds: the work that handles goods stays the work
    pieces = _about(pieces)  # the goods a situation is about
    pieces = _designed(pieces)  # the goods a design is of
    pieces = _sent(pieces)  # what a marketing need sends is its messages
    asked = [h for p in pieces if p.kind in LEAD_KINDS and not p.setting for h in p.naics]
    for i, piece in enumerate(pieces):
        if piece.setting and asked and piece.kind in LEAD_KINDS and not shares_industry(piece.naics, asked, 5):
            pieces[i] = piece._replace(kind="object")
    if asked and any(p.cause or p.aside for p in pieces):  # the cause or setting of other work: only why/where
        pieces = [p for p in pieces if not (p.aside or (p.cause and p.kind and (
            not shares_industry(p.naics, asked) or p.situation)))]
    lead = any(p.kind in LEAD_KINDS and p.naics for p in pieces)
    # a concept's further terms widen a need its concepts read; in a long text that is mostly other
    # words (a job description) they would crowd out what the need says
    read_share = _read_share(pieces)  # pieces are already without the negated
    synonym_weight = config.synonym_weight * read_share
    object_weight = getattr(config, "object_weight", 1.0)
    # beside concepts, a word none reads weighs less: the more of the need concepts read, the less (a job
    # description that is mostly other words keeps them near full weight: they are what it says)
    unknown_weight = 1.0 - (1.0 - getattr(config, "unknown_word_weight", 1.0)) * read_share
    words: list[SearchWord] = []
    hints: dict[tuple[str, ...], None] = {}
    understood: dict[str, None] = {}
    parts: list[Part] = []
    position = start
    for piece in pieces:
        scale = object_weight if lead and piece.kind == "object" else 1.0
        if piece.kind == CONTEXT:  # the need's own business, its background: never a hint
            scale = object_weight
        if lead and not piece.kind and piece.typed:  # a word no concept reads, next to concepts that do
            scale = unknown_weight
        if scale == 1.0 and piece.naics and piece.kind != CONTEXT:
            hints.setdefault(piece.naics, None)
            main = len(tokenize(piece.phrases[0])) if piece.phrases else 0
            parts.append(Part(_part_label(piece), piece.naics, tuple(range(position, position + main)),
                              piece.setting))
        if piece.kind:
            note = f"{piece.found} → {', '.join(piece.phrases)}"
            if piece.situation and piece.phrases:
                note += SITUATION_NOTE.format(service=piece.phrases[0])
            understood.setdefault(note, None)
        first = position
        heads = other_trade_heads(piece.phrases, piece.naics, lexicon) if lexicon is not None and piece.kind \
            and piece.naics else frozenset()
        for k, phrase in enumerate(piece.phrases):
            words_of = tokenize(phrase)
            if piece.kind:  # a concept's "it" is IT ("it support"), unless its words make it a pronoun
                words_of = search_tokens(words_of)
            for j, word in enumerate(words_of):
                slot = first + j if k == 0 else first
                weight = (1.0 if k == 0 else synonym_weight) * scale
                if heads and j == len(words_of) - 1 and j and (phrase, word) in heads:
                    weight *= object_weight  # "printing" of "3d printing": another trade alone
                words.append(SearchWord(word, weight, position, slot, piece.typed and k == 0 and not piece.kind))
                position += 1
            if len(piece.phrases) > 1:
                position += 1  # a concept's phrases are not adjacent (explanations join adjacent words)
    return Composed(words, tuple(hints), tuple(understood), tuple(parts))


def _part_label(piece: Piece) -> str:
    """How reasons name a part: the words as typed, with their English reading when that differs and they are
    not Latin letters ("하부장 (cabinets)")."""
    found = piece.found.strip()
    main = piece.phrases[0] if piece.phrases else found
    if not found or found == main or found.isascii():
        return found or main
    return f"{found} ({main})"


#: NAICS prefixes of the work of handling things (air, rail, water and truck freight, freight arrangement and
#: customs brokerage, moving, warehousing and storage, waste collection, disposal and recycling): such work
#: decides a need's industry ahead of the goods handled. Couriers and local delivery (492) are not in it: goods
#: delivered are usually goods bought ("office supplies delivery", "토너 배송" want supply dealers), see
#: :data:`DELIVERY_NAICS`.
HANDLING_NAICS: tuple[str, ...] = ("481", "482", "483", "484", "486", "488", "493", "562")
#: NAICS prefixes of plain delivery (couriers, local messengers): it handles the goods as cargo only when the
#: need says the goods are its own ("ship our cosmetics") or names the warehouse they go to ("화장품 창고로 배송").
DELIVERY_NAICS: tuple[str, ...] = ("492",)
#: Words saying the goods are the need's own (then delivering them is handling them, not buying them).
_OWN = frozenset({"our", "ours"})
#: Main phrases of objects that are where handled goods go or are kept.
_DEPOTS = frozenset({"warehouse", "warehousing", "storage"})
#: NAICS prefixes of goods (manufacturing, wholesale and retail trade): an ``industry`` concept whose main
#: prefix is one of these is a kind of goods, the cargo of a need that names handling work.
GOODS_NAICS: tuple[str, ...] = ("31", "32", "33", "42", "44", "45")


def _handles(naics: tuple[str, ...]) -> bool:
    return bool(naics) and naics[0].startswith(HANDLING_NAICS)


def _goods(naics: tuple[str, ...]) -> bool:
    return bool(naics) and naics[0].startswith(GOODS_NAICS)


def is_goods(piece: Piece) -> bool:
    """Whether a piece is a concept of goods (its first NAICS prefix is manufacturing, wholesale or retail)."""
    return piece.kind == "industry" and _goods(piece.naics)


def _own_goods(pieces: list[Piece]) -> bool:
    """Whether the need says the goods are its own or names the depot they go to (delivery is then handling)."""
    return any((not p.kind and p.found.strip().lower() in _OWN)
               or (p.kind == "object" and p.phrases[:1] and p.phrases[0] in _DEPOTS) for p in pieces)


def _cargo(pieces: list[Piece], after: bool) -> list[Piece]:
    """The pieces, the goods that handling work handles read as objects (see :func:`compose`)."""
    cargo: set[int] = set()
    delivery_handles = _own_goods(pieces)
    for i, piece in enumerate(pieces):
        if piece.kind not in LEAD_KINDS or piece.setting:
            continue
        if not (_handles(piece.naics) or (delivery_handles and piece.naics
                                          and piece.naics[0].startswith(DELIVERY_NAICS))):
            continue
        if i > 0 and piece.adjacent and is_goods(pieces[i - 1]):
            cargo.add(i - 1)
        if after:
            j = i + 1
            while j < len(pieces) and j - i <= 2 and not pieces[j].kind:
                j += 1
            if j < len(pieces) and is_goods(pieces[j]):
                cargo.add(j)
    return [p._replace(kind="object") if i in cargo else p for i, p in enumerate(pieces)] if cargo else pieces


#: What the "understood" note of a situation adds: how it was read (``{service}``: its main phrase).
SITUATION_NOTE = " (a situation: read as {service})"


#: NAICS prefix of employment services (staffing, recruiting): people asked for are the work asked for, and a
#: situation the need also tells is what they are for ("신규 매장 오픈하는데 일할 사람": staff for a store opening).
STAFFING_NAICS = "5613"


#: NAICS prefix of ground passenger transportation (shuttles, charter buses, car services): a situation it solves
#: ("the plant can't be reached by public transit, our line workers don't drive") carries people, so the workers
#: the need names are its passengers, not people asked for.
PASSENGER_NAICS = "485"


#: NAICS prefix of waste collection, disposal and recycling: a situation of getting rid of things ("old laptops
#: with client data", "고객 데이터 남아 있어서 버리기도 그렇고") is about the goods the need names, which are
#: what is disposed of, not goods to buy.
DISPOSAL_NAICS = "562"


#: NAICS prefix of design services (interior, industrial, graphic design): a need asking for design of goods
#: wants designers, not the goods' makers.
DESIGN_NAICS = "5414"
#: Main phrases of intents that have goods made or supplied (with design: "디자인 및 제작", "design and printing").
_MAKING = frozenset({"custom", "custom made", "production", "supply", "supplier", "manufacturing", "printing",
                     "wholesale", "fabrication", "distribution", "distributor"})


def _asked_in(piece: Piece, prefix: str) -> bool:
    """Whether a piece asks for work of the industry ``prefix``: a lead concept, not a setting, whose main NAICS
    code starts with it."""
    return piece.kind in LEAD_KINDS and not piece.setting and bool(piece.naics) and piece.naics[0].startswith(prefix)


def _asks_for(pieces: list[Piece], prefix: str) -> bool:
    """Whether the need asks for work of the industry ``prefix`` (:func:`_asked_in` of one of its pieces)."""
    return any(_asked_in(p, prefix) for p in pieces)


def _makes(piece: Piece) -> bool:
    """Whether a piece asks for goods to be made or supplied (production, printing, manufacturing, supply)."""
    if piece.kind != "intent":
        return False
    return bool(piece.phrases[:1]) and piece.phrases[0] in _MAKING \
        or bool(piece.naics) and piece.naics[0].startswith(("31", "32", "33", "42"))


def _designed(pieces: list[Piece]) -> list[Piece]:
    """The pieces, the goods a design is of read as objects: a need that asks for design (a concept whose main
    NAICS prefix is :data:`DESIGN_NAICS`) and for nothing to be made or supplied (:func:`_makes`) wants a designer
    ("패키지 디자인 리뉴얼 (박스 3종 + 라벨)", "label design for our jars": the boxes and labels are what is
    designed, not bought). "쇼핑백 디자인 및 제작" also has the bags made: they keep their say."""
    if not _asks_for(pieces, DESIGN_NAICS) or any(_makes(p) for p in pieces):
        return pieces
    return [p._replace(kind="object") if is_goods(p) and not p.situation else p for p in pieces]


#: NAICS prefix of advertising, marketing and direct mail: a need asking for it that names no goods sends
#: messages (e-mails, newsletters, texts), not parcels.
MARKETING_NAICS = "5418"


def _sent(pieces: list[Piece]) -> list[Piece]:
    """The pieces, sending read as the marketing's own in a need that asks for marketing (a concept whose main
    NAICS prefix is :data:`MARKETING_NAICS`) and names no goods: "이메일 마케팅 툴 세팅 + 월 2회 발송 대행" sends
    e-mails, so 발송 (sending) keeps its mailing hint but hints at no couriers (:data:`DELIVERY_NAICS`). Goods
    named ("샘플 발송", "전단지 배송") are sent as things and keep the couriers."""
    if any(is_goods(p) for p in pieces) or not _asks_for(pieces, MARKETING_NAICS):
        return pieces
    return [p._replace(naics=tuple(n for n in p.naics if not n.startswith(DELIVERY_NAICS)))
            if p.kind in LEAD_KINDS and any(n.startswith(DELIVERY_NAICS) for n in p.naics) else p for p in pieces]


def _about(pieces: list[Piece]) -> list[Piece]:
    """The pieces, the goods a situation is about read as objects, and a situation read as an object when the
    need names its service itself, or asks for people (:data:`STAFFING_NAICS`) who are none of the situation's
    (see :func:`compose`). A situation solved by carrying people (:data:`PASSENGER_NAICS`: workers who cannot get
    to the plant) keeps its reading, and the people the need names (line workers, new hires) are its passengers,
    objects."""
    solved = [h for p in pieces if p.situation and p.kind in LEAD_KINDS and not p.setting for h in p.naics]
    if not solved:
        return pieces
    # a situation of getting rid of things (disposal, recycling) is about every good the need names
    disposal = any(p.situation and _asked_in(p, DISPOSAL_NAICS) for p in pieces)
    pieces = [p._replace(kind="object") if not p.situation and is_goods(p)
              and (disposal or not shares_industry(p.naics, solved)) else p for p in pieces]
    # a situation solved by carrying people (a commute) is about the workers the need names: they are its
    # passengers, not people asked for
    carried = any(p.situation and _asked_in(p, PASSENGER_NAICS) for p in pieces)
    if carried:
        pieces = [p._replace(kind="object") if not p.situation and p.kind in LEAD_KINDS and p.naics
                  and p.naics[0].startswith(STAFFING_NAICS) else p for p in pieces]
    leads = [p for p in pieces if not p.situation and p.kind in LEAD_KINDS and not p.setting and p.naics]
    named = [h for p in leads for h in p.naics]
    people = [h for p in leads if p.naics[0].startswith(STAFFING_NAICS) for h in p.naics]
    if not named:
        return pieces
    # the need names the goods the situation is about (their main industry is one of the situation's) and
    # another of the situation's solutions, a service (not goods), but not its own main service: the situation is
    # why the need asks for that service ("복합기 또 종이걸림... 리스 새로 하려구요": the jams are why the copier
    # lease is renewed, not a repair), and says nothing the need does not name itself
    services = [h for p in leads if not is_goods(p) for h in p.naics]
    goods = [p.naics[0] for p in leads if is_goods(p)]
    out = []
    for p in pieces:
        if p.situation and p.kind in LEAD_KINDS:
            if people and not shares_industry(p.naics, people):
                p = p._replace(kind="object")
            elif services and goods and not people and not shares_industry(p.naics[:1], named) \
                    and shares_industry(p.naics, goods) and shares_industry(p.naics[1:], services):
                p = p._replace(cause=True)
            elif shares_industry(p.naics, named):
                p = p._replace(kind="object")
        out.append(p)
    return out


def _same_concept(a: Piece, b: Piece) -> bool:
    """Whether two pieces read the same concept (or, not read by a concept, are the same word)."""
    if not a.kind or not b.kind:
        return not a.kind and not b.kind and a.phrases[:1] == b.phrases[:1]
    return a.kind == b.kind and a.naics == b.naics and bool(set(a.phrases) & set(b.phrases))


def _dropped(pieces: "list[Piece] | tuple[Piece, ...]") -> list[bool]:
    """For each piece, whether it is left out as negated (a concept also named outside a negation is kept,
    "웨딩 행사 말고 기업 행사" searches 행사; another word of that concept is not: "snow removal, no salt")."""
    kept: dict[str, list[Piece]] = {}  # the pieces outside a negation, by their words as written
    for p in pieces:
        if not p.negated:
            kept.setdefault(p.found, []).append(p)
    return [p.negated and not any(_same_concept(p, k) for k in kept.get(p.found, ())) for p in pieces]


def _solved(pieces: "list[Piece] | tuple[Piece, ...]") -> list[Piece]:
    """The pieces, a situation whose service (its main industry) the need excludes read as aside: solved already
    ("화장품 수입 시 ISF 신고와 통관은 관세사가 이미 하고 있고": goods coming from Korea ask for a customs broker, and the
    need has one). It still says what the goods it is about are (:func:`_about`), and is not searched when the
    need asks for other work."""
    dropped = _dropped(pieces)
    excluded = [h for p, gone in zip(pieces, dropped) if gone and p.kind in LEAD_KINDS and not p.situation
                for h in p.naics]
    if not excluded:
        return list(pieces)
    return [p._replace(aside=True) if p.situation and not p.negated and p.naics
            and shares_industry(p.naics[:1], excluded) else p for p in pieces]


def _kept(pieces: "list[Piece] | tuple[Piece, ...]") -> list[Piece]:
    """The pieces without the negated ones; a piece after a dropped one is no longer part of its compound."""
    out: list[Piece] = []
    after_dropped = False
    for piece, dropped in zip(pieces, _dropped(pieces)):
        if dropped:
            after_dropped = True
            continue
        out.append(piece._replace(adjacent=False, negated=False) if after_dropped else piece._replace(negated=False))
        after_dropped = False
    return out


def excluded(pieces: "list[Piece] | tuple[Piece, ...]") -> tuple[str, ...]:
    """What the need excludes, as written, each once: the negated concepts and words (not stopwords) that it
    does not also name outside a negation ("웨딩 아니고 기업 행사" -> ``("웨딩",)``)."""
    out = [p.found for p, dropped in zip(pieces, _dropped(pieces))
           if dropped and (p.kind or any(is_indexable(w) for w in tokenize(p.phrases[0])))]
    return tuple(dict.fromkeys(out))


def other_trade_heads(phrases: Sequence[str], naics: Sequence[str], lexicon: Any) -> frozenset[tuple[str, str]]:
    """``(phrase, last word)`` for each phrase of several words whose last word alone is a form of an
    ``industry`` or ``intent`` concept that shares no industry with ``naics`` (the concept's), when no word
    before it names one of those industries: "printing" in "3d printing" (commercial printing); not
    "consulting" in "it consulting" (IT names the concept's own industry)."""
    key = (tuple(phrases), tuple(naics))
    cache = _HEADS.setdefault(id(lexicon), ({}, lexicon))[0]
    found = cache.get(key)
    if found is None:
        out = []
        for phrase in phrases:
            words = tokenize(phrase)
            if len(words) < 2:
                continue
            if words[-1] not in _NO_TRADE and _names_trade(lexicon, words[-1], naics) is False and \
                    not any(_names_trade(lexicon, w, naics) for w in words[:-1]):
                out.append((phrase, words[-1]))
        found = cache[key] = frozenset(out)
    return found


#: Last words that name no trade of their own, whatever concept lists them ("language services").
_NO_TRADE = frozenset({"service", "services", "solution", "solutions", "work", "works", "company", "companies",
                       "provider", "providers", "vendor", "vendors"})


def _names_trade(lexicon: Any, word: str, naics: Sequence[str]) -> bool | None:
    """Whether ``word`` alone is a form of an industry or intent concept of one of the industries ``naics``
    (None: of no industry at all)."""
    alone = lexicon.english(word)
    if not alone or alone[0].kind not in LEAD_KINDS or not alone[0].naics:
        return None
    return shares_industry(alone[0].naics, naics)


# id(lexicon) -> (its cache of other_trade_heads, the lexicon: kept alive so that its id is not reused)
_HEADS: dict[int, tuple[dict, Any]] = {}


def shares_industry(naics: Sequence[str], other: Sequence[str], digits: int = 4) -> bool:
    """Whether two sets of NAICS prefixes name a common industry group (``digits`` digits, 4 by default, or the
    shorter prefix); ``digits=5`` asks for a common industry: architects (54131) and drafters (54134) share
    the group 5413, not the industry."""
    return any(a[:digits].startswith(b[:digits]) or b[:digits].startswith(a[:digits]) for a in naics for b in other)


def coverage(pieces: "list[Piece] | tuple[Piece, ...]") -> float:
    """The share of the pieces with meaning (concepts, and typed words that are not stopwords) read by a concept
    (negated pieces left out)."""
    return _read_share(_kept(pieces))


def _read_share(kept: list[Piece]) -> float:
    """:func:`coverage` of pieces already without the negated ones."""
    read = sum(1 for p in kept if p.kind)
    plain = sum(1 for p in kept if not p.kind and any(is_indexable(w) for w in tokenize(p.phrases[0])))
    return read / (read + plain) if read + plain else 1.0


def union(hint_sets: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The prefixes of all hint sets, each once, in order."""
    return tuple(dict.fromkeys(p for hints in hint_sets for p in hints))


@runtime_checkable
class Reader(Protocol):
    """A language reader: detects its text, expands it into search words and hints, recognizes places.

    A reader is built with ``Reader(glossary=...)`` (``None``: the bundled
    glossary; a reader that uses none ignores it) and specialised to one
    directory's text index once, when a matcher is built.
    """

    #: short name of the language (``"en"``, ``"ko"``)
    name: str

    def detects(self, text: str) -> bool:
        """Whether this reader reads ``text`` (e.g. it contains Hangul)."""

    def for_index(self, index: "TextIndex") -> "Reader":
        """This reader for one directory's index (a reader needing nothing of it returns itself)."""

    def read(self, text: str, config: Any) -> Reading:
        """The words to search and the hints, for a non-empty text this reader detects."""

    def places(self, text: str) -> tuple[str, ...]:
        """NYC boroughs the text names (``"MANHATTAN"``, ...): never search words."""

    def is_empty(self, text: str) -> bool:
        """Whether the text says nothing to search (e.g. only Korean particles and punctuation)."""
