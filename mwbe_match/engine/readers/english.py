"""Engine stage 1, reading English: the default reader, through the same concept lexicon as Korean.

A phrase of the need that is an English form of a lexicon concept
(``office cleaning``, ``asbestos abatement``, ``design``) is read as that
concept, exactly as its Korean twin would be (:func:`~mwbe_match.engine.readers.base.compose`):
the typed words are searched at weight 1, the concept's further search terms
at ``MatchConfig.synonym_weight``, its NAICS prefixes are soft hints at
``MatchConfig.hint_weight``, and an ``object`` (restaurant, warehouse) gives
way to the ``intent``/``industry`` the need names. ``filler`` ("looking for",
"please") and ``company`` forms and NYC places (boroughs, neighbourhoods) are
never searched. Every other word is searched as typed and may be corrected.
A form of several words none of which is a word of the concept's search terms
is a paraphrase ("looks old", "need people"): like a Korean form, it searches
the concept's first term at full weight and the typed words at ``synonym_weight``
(:func:`is_paraphrase`). A one-word form of an ``industry`` concept is read so too
("celebration" searches event planning first); a one-word ``intent`` or ``object``
("furnish", "restaurant") keeps the typed word first. A need that opens with its provider ("Architect to
prepare drawings and file permits") is read for that provider: the concepts
after "to" that share none of its industries are objects of its work
(:func:`provider_first`).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from ..lexicon import Concept, Lexicon, no_gc
from ..places import place_positions
from ..text import STOPWORDS, fold, stem, tokenize
from .base import LEAD_KINDS, Piece, Reading, compose, coverage, excluded, union
from .korean import Glossary, default_glossary
from .companies import ENGLISH_NAME_WORDS
from .negation import english_negation
from .context import english_address_spans, english_context, english_measure_spans
from .situations import SituationForms

if TYPE_CHECKING:  # pragma: no cover
    from ..text_index import TextIndex

__all__ = ["EnglishReader", "GENERIC_SHARE", "is_paraphrase", "provider_first", "next_provider"]

#: A one-word English form whose word is in more than this share of firms gives no industry hint.
GENERIC_SHARE = 0.05

# the tokens of :func:`mwbe_match.engine.text.tokenize`, with their offsets (letters and digits)
_WORD_RE = re.compile(r"[^\W_]+")
# punctuation between two tokens ends a negation's scope ("not catering, boxed lunches")
_PUNCTUATION_RE = re.compile(r"[,.;:!?()\[\]/|\n]|\s-\s")
# punctuation that ends a clause: no lexicon phrase runs across it ("moving. boxed lunches" is no moving box)
_CLAUSE_RE = re.compile(r"[,;!?()\[\]\n]|[.:](?:\s|$)")


@dataclasses.dataclass(frozen=True)
class EnglishReader:
    """Reads English (and any text no other reader detects) through the concept lexicon.

    Args:
        glossary: whose lexicon (:attr:`Glossary.lexicon`) the English forms come from (default: the bundled one).
    """

    glossary: Glossary | None = None
    name: str = "en"
    _index: Any = dataclasses.field(default=None, repr=False, compare=False)
    # the form tables, built on the first English text read (a Korean-only batch never needs them)
    _tables: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    def _glossary(self) -> Glossary:
        return self.glossary if self.glossary is not None else default_glossary()

    @property
    def lexicon(self) -> Lexicon:
        """The concept lexicon this reader reads through."""
        return self._glossary().lexicon

    def detects(self, text: str) -> bool:
        return True

    def for_index(self, index: "TextIndex | None") -> "EnglishReader":
        """This reader with the lexicon's English forms (stem tuples) -> what each reads as, for this directory.

        A one-word form whose word appears in more than :data:`GENERIC_SHARE`
        of the directory's firms ("services", "management") is read as typed,
        like a word no concept knows: as a concept it would point every need
        that uses a common word at one industry and widen it with synonyms.
        Objects ("office", "building") stay objects: they give way to the work asked for.
        """
        return dataclasses.replace(self, glossary=self._glossary(), _index=index, _tables={})

    def _forms(self) -> tuple[dict[tuple[str, ...], Piece], dict[tuple[str, ...], Piece], int]:
        """``(by stems, as written, longest form)``, built once."""
        built = self._tables.get("forms")
        if built is None:
            tables: list[dict[tuple[str, ...], Piece]] = []
            with no_gc():
                self._fill(tables, self._glossary(), self._index)
            built = self._tables["forms"] = (tables[1], tables[3], max(map(len, tables[1]), default=0))
            self._tables["held"] = (tables[0], tables[2])
        return built

    def _held_intent(self, token: str, stem_: str) -> Piece | None:
        """The intent a common one-word form names ("design", "consulting": in more than
        :data:`GENERIC_SHARE` of the firms), read as typed unless the need names an object it is for."""
        self._forms()
        by_stems, as_written = self._tables["held"]
        return as_written.get((token,)) or by_stems.get((stem_,))

    @staticmethod
    def _fill(tables: list, glossary: Glossary, index: "TextIndex | None") -> None:
        if index is not None:
            common = index.df > GENERIC_SHARE * max(index.n_firms, 1)
        made: dict[tuple[tuple[int, ...], bool], Piece] = {}  # many forms read as the same concepts
        for exact in (False, True):
            table: dict[tuple[str, ...], Piece] = {}
            held: dict[tuple[str, ...], Piece] = {}  # common one-word intent forms: read as typed, unless ...
            for key, concepts in glossary.lexicon.english_forms(exact).items():
                generic = False
                if index is not None and len(key) == 1:
                    term = index.term_of_stem(stem(key[0]) if exact else key[0])
                    generic = term is not None and bool(common[term])
                if generic and concepts[0].kind in LEAD_KINDS:  # a common word: read as typed
                    if concepts[0].kind == "intent" and concepts[0].naics:  # ... the need names what it is for
                        intents = [c for c in concepts if c.kind == "intent"]  # the industries of the work;
                        held[key] = Piece("", (), "intent", tuple(dict.fromkeys(  # the typed word only: "design"
                            n for c in intents for n in c.naics)))  # of a room widened to "graphic design" is a logo
                    continue
                ids = (tuple(map(id, concepts)), generic)
                piece = made.get(ids)
                if piece is None:
                    piece = made[ids] = _piece_of(concepts, generic)
                table[key] = piece
            tables.extend((held, table))

    def pieces(self, text: str) -> list[Piece]:
        """What the text says, longest lexicon phrase first: concepts, and words no concept knows."""
        by_stems, as_written, longest = self._forms()
        normalized = unicodedata.normalize("NFKC", text) if text else ""
        folded = fold(normalized.lower())
        matches = list(_WORD_RE.finditer(folded))
        tokens = [m.group() for m in matches]
        written = _WORD_RE.findall(normalized)
        if len(written) != len(tokens):
            written = tokens
        stems = [stem(t) for t in tokens]
        last_end = -1  # the token after the previous piece
        dropped: set[int] = set()  # tokens of filler and company phrases ("looking for")
        named: set[int] = set()  # tokens of company names (an owner, like "our": "for the Amazon office")
        skip = self._place_spans(tokens)
        skip.update(english_address_spans(tokens, written))  # context.py: "32nd Street" is a place
        gaps = [folded[matches[i - 1].end():matches[i].start()] if i > 0 else "" for i in range(len(tokens))]
        breaks = [bool(_PUNCTUATION_RE.search(gap)) for gap in gaps]
        skip.update(english_measure_spans(tokens, gaps))  # context.py: "a 40-seat office" buys no seats
        clause = [bool(_CLAUSE_RE.search(gap)) for gap in gaps]  # no phrase runs across "moving. boxed lunches"
        negated, markers = english_negation(tokens, breaks, [gap == "-" for gap in gaps])
        for k in markers:  # "not", "except", "instead of": never searched
            skip.setdefault(k, k + 1)
        blocked_after = [len(tokens)] * (len(tokens) + 1)  # the first token after i that is skipped or opens a clause
        for k in range(len(tokens) - 1, 0, -1):
            blocked_after[k - 1] = k if (k in skip or clause[k]) else blocked_after[k]
        out: list[Piece] = []
        starts: list[int] = []  # the first token of each piece
        ends: list[int] = []  # the token after each piece
        setting: list[bool] = []  # the piece follows "for" / "our": what the work is for
        held: list[tuple[int, Piece]] = []  # common words that name an intent (_held_intent), by piece
        i = 0
        while i < len(tokens):
            if i in skip or any(k in skip for k in range(i + 1, min(i + longest, len(tokens)))):
                name = self._name_at(tokens, stems, i, longest)  # "Bank of Korea", "Seoul Metro": a name
                if name:
                    named.update(range(i, i + name))
                    dropped.update(range(i, i + name))
                    i += name
                    continue
            if i in skip:
                i = skip[i]
                continue
            j = i - 1
            while j >= 0 and (tokens[j] in _DETERMINERS or j in named):  # "for the Amazon office"
                j -= 1
            setting.append((j >= 0 and tokens[j] in _SETTING_MARKERS and j not in dropped)
                           or any(t in _POSSESSIVES for t in tokens[j + 1:i]))
            # a form does not run over a skipped token (a place, a marker) or a clause break after its first
            for size in range(min(longest, len(tokens) - i, blocked_after[i] - i), 0, -1):
                piece = as_written.get(tuple(tokens[i:i + size])) or by_stems.get(tuple(stems[i:i + size]))
                if size == 1 and tokens[i] == "store" and _verb_store(tokens, i):
                    piece = as_written.get(("storing",), piece)  # "store our office furniture": storage
                if piece is not None and size == 1 and tokens[i] in STOPWORDS and \
                        (not written[i].isupper() or as_written.get((tokens[i],)) is not piece):
                    piece = None  # "it" is a pronoun; only "IT" is information technology; "US" is not "used"
                if piece is not None:
                    if piece.kind:  # filler and company phrases are dropped
                        found = " ".join(tokens[i:i + size])
                        terms = tuple(t for t in piece.phrases if t != found)
                        # one compound noun: only spaces after the previous concept, and that is no intent (in
                        # English the work asked for comes before what it is for: "clean break rooms",
                        # "design server room" are work on a thing, "food warehouse" is a kind of warehouse)
                        adjacent = last_end == i and not gaps[i].strip() and out[-1].kind != "intent"
                        phrases = (found, *terms)
                        if terms and (piece.situation or ((size > 1 or piece.kind == "industry")
                                                          and is_paraphrase(stems[i:i + size], piece.phrases))):
                            phrases = (terms[0], found, *terms[1:])  # what it means, at full weight
                        out.append(piece._replace(found=found, phrases=phrases, adjacent=adjacent,
                                                  negated=any(k in negated for k in range(i, i + size))))
                        starts.append(i)
                        ends.append(i + size)
                        last_end = i + size
                    else:
                        setting.pop()
                        if piece.found == "company":  # "Samsung Construction", "Hyundai Engineering": one name
                            while i + size < len(tokens) and tokens[i + size] in ENGLISH_NAME_WORDS \
                                    and written[i + size][:1].isupper() and not breaks[i + size] \
                                    and not _begins_title(tokens, written, breaks, i + size):
                                size += 1
                            named.update(range(i, i + size))
                        dropped.update(range(i, i + size))
                    i += size
                    break
            else:
                intent = self._held_intent(tokens[i], stems[i])
                if intent is not None:
                    held.append((len(out), intent._replace(found=tokens[i], phrases=(tokens[i],),
                                                           negated=i in negated)))
                out.append(Piece(tokens[i], (tokens[i],), typed=True, negated=i in negated))
                starts.append(i)
                ends.append(i + 1)
                i += 1
                last_end = -1
        if held and any(p.kind == "object" and not p.negated for p in out):
            # intent over nouns: "design" of a server room, "consulting" for a restaurant is the work asked for,
            # however many firms use the word; without an object it says too little to decide the industry
            for k, intent in held:
                out[k] = intent
        provider = provider_first(out, ends, tokens)
        if provider is not None:  # what the provider is to do: read like the setting of the work
            stop = next_provider(out, starts, tokens, provider)  # "..., and a cabinet maker to build ...": its own
            setting = [after or provider < k < stop for k, after in enumerate(setting)]
        out = [p._replace(setting=True) if after and p.kind else p for p, after in zip(out, setting)]
        out = english_context(out, starts, ends, tokens, gaps, written)  # context.py: own goods, background, providers
        unusable = named | {k for start, end in skip.items() for k in range(start, end)}  # filler may be one
        return self._found_apart(out, starts, ends, tokens, stems, clause, negated, unusable)

    def _found_apart(self, pieces: list[Piece], starts: list[int], ends: list[int], tokens: list[str],
                     stems: list[str], clause: list[bool], negated: "set[int] | frozenset[int]",
                     unusable: set[int]) -> list[Piece]:
        """The pieces with the situations whose words stand apart in one clause ("fined by the city over its
        trash", :class:`~mwbe_match.engine.readers.situations.SituationForms`): each is read before the piece of
        its first word, the words no concept knows among its own words are its (no longer searched as typed),
        the concepts among them keep their reading. One of its words must be read by no other concept: words
        that are all other concepts ("food for the event", "planning and event") are what they say."""
        forms = SituationForms.of(self.lexicon)  # built on the first need read, once per lexicon
        if not forms:
            return pieces
        matches = forms.english(tokens, stems, clause, unusable)
        if not matches:
            return pieces
        read = {p.phrases[0] for p in pieces if p.situation and p.phrases}
        # the words other concepts read: a situation found apart needs a word of its own (fined, complain,
        # dropping); "planning and event", "business card printing" are the concepts they name
        covered = {k for p, start, end in zip(pieces, starts, ends) if p.kind for k in range(start, end)}
        before: dict[int, list[Piece]] = {}
        own: set[int] = set()
        for match in matches:
            terms = match.concept.search_terms
            if not terms or terms[0] in read or all(k in covered for k in match.positions):
                continue
            read.add(terms[0])
            before.setdefault(match.positions[0], []).append(
                Piece(match.found, terms, match.concept.kind, match.concept.naics,
                      negated=any(k in negated for k in match.positions), situation=True))
            own.update(match.positions)
        if not before:
            return pieces
        out: list[Piece] = []
        for piece, start in zip(pieces, starts):
            for k in [k for k in before if k <= start]:
                out.extend(before.pop(k))
            if piece.kind or start not in own:
                out.append(piece)
        for rest in before.values():
            out.extend(rest)
        return out

    def _name_at(self, tokens: list[str], stems: list[str], i: int, longest: int) -> int:
        """The length of the longest company name starting at token ``i`` (0: none), which may contain a place
        (names are read before places: "Bank of Korea", "Port Authority of New York and New Jersey")."""
        by_stems, as_written, _ = self._forms()
        for size in range(min(longest, len(tokens) - i), 1, -1):
            piece = as_written.get(tuple(tokens[i:i + size])) or by_stems.get(tuple(stems[i:i + size]))
            if piece is not None and piece.found == "company":
                return size
        return 0

    def read(self, text: str, config: Any) -> Reading:
        pieces = self.pieces(text)
        words, hint_sets, understood, parts = compose(pieces, config, lexicon=self.lexicon)
        read_as = tuple(dict.fromkeys(_read_as(u) for u in understood))
        return Reading(words=tuple(words), search_text=text, naics_hints=union(hint_sets), understood=understood,
                       read_as=read_as, hint_setting="hint_weight", hint_sets=hint_sets,
                       coverage=coverage(pieces), excluded=excluded(pieces), parts=parts)

    def _place_spans(self, tokens: list[str]) -> dict[int, int]:
        """Start -> end of every NYC place name in the tokens (never searched)."""
        spans: dict[int, int] = {}
        found = place_positions(tokens)
        start = None
        for position in sorted(found):
            if start is None or found.get(position - 1) is not found[position]:
                start = position  # a new name begins (two names side by side are two spans)
            spans[start] = position + 1
        return spans

    def places(self, text: str) -> tuple[str, ...]:
        found = place_positions(tokenize(text)).values()
        return tuple(dict.fromkeys(m.borough for m in found if m.borough))

    def is_empty(self, text: str) -> bool:
        return not any(ch.isalnum() for ch in text)


def _read_as(note: str) -> str:
    """What an "understood" note reads as: the words found, or for a situation the service and its words
    ("network support (the wifi keeps dropping)")."""
    found, _, rest = note.partition(" → ")
    if rest.endswith(")") and " (a situation: read as " in rest:
        return f"{rest.rsplit(' (a situation: read as ', 1)[1][:-1]} ({found})"
    return found


def is_paraphrase(stems: "list[str] | tuple[str, ...]", terms: "tuple[str, ...]") -> bool:
    """Whether typed words (their stems) paraphrase a concept: none of them is a word of its search terms.

    "looks old" (interior design, renovation, ...) and "need people" (staffing, ...) are paraphrases;
    "freight trucking" (trucking, ...) is not. A paraphrase of several words is searched like a Korean
    form: the concept's first search term at full weight, the typed words at ``synonym_weight``.
    """
    typed = set(stems) - _STOP_STEMS
    return bool(typed) and not any(stem(w) in typed for term in terms for w in tokenize(term))


_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)


def provider_first(pieces: list[Piece], ends: list[int], tokens: list[str]) -> int | None:
    """The piece that names the provider a need opens with: a concept with NAICS hints, after at most
    filler, "we" and determiners, followed by "to" and a verb ("Architect to prepare drawings and file permits",
    "We need a recruiting firm to find accountants"); None when the need does not open so.

    What follows names the provider's work: a concept there that shares no industry with the provider
    (drawings, permits, accountants) reads as an object of that work, as after "for" (intent over nouns).
    ``ends``: the token after each piece.
    """
    first = next((k for k, p in enumerate(pieces) if p.kind or p.phrases[0] not in _OPENERS), None)
    if first is None:
        return None
    piece, end = pieces[first], ends[first]
    if piece.kind in LEAD_KINDS and piece.naics and end + 1 < len(tokens) and tokens[end] == "to" \
            and tokens[end + 1] not in STOPWORDS:
        return first
    return None


def next_provider(pieces: list[Piece], starts: list[int], tokens: list[str], provider: int) -> int:
    """The piece after ``provider`` that names a second provider the need asks for, in its own coordinated
    phrase ("A plumber to replace the pipes, and a cabinet maker for new cabinets": "and a" or "plus a" before a
    concept with NAICS hints); ``len(pieces)`` when there is none. The first provider's work ends there."""
    for k in range(provider + 1, len(pieces)):
        piece, at = pieces[k], starts[k]
        if piece.kind in LEAD_KINDS and piece.naics and at >= 2 and tokens[at - 1] in ("a", "an") \
                and tokens[at - 2] in _COORDINATORS:
            return k
    return len(pieces)


#: Words that join a second provider to the first ("..., and a cabinet maker", "plus an electrician").
_COORDINATORS = frozenset({"and", "plus", "also"})


def _begins_title(tokens: list[str], written: list[str], breaks: list[bool], k: int) -> bool:
    """Whether the name word at ``k`` begins a title-cased phrase of its own rather than continuing a company
    name: the next word is capitalized too and is no name word ("Costco Food Court": the food court)."""
    return k + 1 < len(tokens) and written[k + 1][:1].isupper() and not breaks[k + 1] \
        and tokens[k + 1] not in ENGLISH_NAME_WORDS


def _verb_store(tokens: list[str], i: int) -> bool:
    """Whether "store" at ``i`` is the verb (to keep things): after "to"/"and"/"please"/"or", or before the
    thing kept ("store our furniture", "store old files", "store office furniture"). Opening a need is not
    enough: "Store signage and awning" is the signage of a store."""
    before = tokens[i - 1] if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return before in ("to", "and", "please", "or") or after in _KEPT


_KEPT = frozenset({"our", "my", "their", "your", "the", "some", "old", "extra", "excess", "surplus", "unused",
                   "these", "those", "them", "it", "inventory", "documents", "records", "files", "office",
                   "equipment", "boxes", "belongings", "archives", "goods", "items", "paperwork"})


#: Words after which a concept names what the work is for ("design for a server room", "... our warehouse").
_SETTING_MARKERS = frozenset({"for"})
_POSSESSIVES = frozenset({"our", "my", "their", "your"})
_DETERMINERS = frozenset({"a", "an", "the", "our", "my", "their", "your", "this", "these", "those", "new", "us"})
#: Words a need may open with before the provider it asks for ("We need a recruiting firm to ...").
_OPENERS = _DETERMINERS | {"we", "i"}


def _piece_of(concepts: tuple[Concept, ...], generic: bool) -> Piece:
    """What an English form of ``concepts`` reads as (``kind`` empty: a filler or company form, dropped)."""
    lead = concepts[0]
    if not lead.searched:
        return Piece("company" if lead.kind == "company" else "", (), "")
    if len(concepts) == 1:
        return Piece("", lead.search_terms, lead.kind, () if generic else lead.naics, False,
                     situation=lead.situation)
    terms: dict[str, None] = {}
    naics: dict[str, None] = {}
    for concept in concepts:
        if concept.searched:
            terms.update(dict.fromkeys(concept.search_terms))
            naics.update(dict.fromkeys(concept.naics))
    return Piece("", tuple(terms), lead.kind, () if generic else tuple(naics), False, situation=lead.situation)
