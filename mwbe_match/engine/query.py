"""Engine stage 1b, the query: a need's text as weighted index terms (reader words looked up, typos corrected).

:func:`prepare_queries` asks the first reader that detects each text for its
words and hints (:mod:`mwbe_match.engine.readers`), looks the words up in the
text index, and corrects the unknown words a user typed, all of a batch at
once (:class:`~mwbe_match.engine.spelling.Speller`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .aspects import Aspect, need_aspects
from .config import MatchConfig
from .readers import SearchWord, reader_for
from .spelling import Speller
from .suggest import ClosestConcepts, suggestions_for
from .text import is_indexable, shown_token
from .text_index import TextIndex

__all__ = ["QueryTerm", "QueryTerms", "NeedReading", "prepare_queries"]


@dataclass
class QueryTerm:
    """One query word as the engine understood it."""

    surface: str          # the word as the user wrote it (lower-cased), or as the glossary gave it
    term: int             # index term id
    weight: float         # 1, the fuzzy similarity for a corrected word, synonym_weight for a synonym
    position: int         # position among the query's words (for phrases in explanations)
    corrected_to: str | None = None  # the directory word a typo was corrected to
    slot: int = -1        # what the word stands for (coverage counts each slot once); -1: its position

    @property
    def label(self) -> str:
        return f"{self.surface}→{self.corrected_to}" if self.corrected_to else self.surface


@dataclass
class QueryTerms:
    """A need's text prepared for scoring: known words, unknown words, industry hints.

    ``english`` is the text that was tokenized: the need's text, or for a
    need with Korean its reading through the glossary (:meth:`Glossary.expand
    <mwbe_match.engine.readers.korean.Glossary.expand>`), which also gives ``naics_hints``
    (soft: they raise an industry's probability, they do not filter),
    ``understood`` (``"사무실 청소 → office cleaning, janitorial"``),
    ``unreadable`` (Korean words not understood), ``read_as`` (the main
    English phrase of each searched term) and ``excluded`` (what the need says
    it does not want, as written: never searched, no hint; "웨딩 아니고 기업 행사"
    excludes ``웨딩``).
    """

    text: str
    english: str
    terms: list[QueryTerm] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    naics_hints: tuple[str, ...] = ()
    korean: bool = False
    understood: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()
    read_as: tuple[str, ...] = ()
    hint_setting: str = "hint_weight"
    hint_sets: tuple[tuple[str, ...], ...] = ()
    hint_coverage: float = 1.0
    suggestions: tuple[str, ...] = ()  # for a need of which nothing was understood: its words' closest concepts
    excluded: tuple[str, ...] = ()
    parts: tuple[Any, ...] = ()  # the reader's parts (concepts read as work or goods to buy)
    aspects: tuple[Aspect, ...] = ()  # the parts grouped into distinct services (:mod:`~mwbe_match.engine.aspects`)

    def excluded_phrase(self) -> str:
        """ "Not searched: 웨딩 (the need excludes it)"; empty when the need excludes nothing."""
        if not self.excluded:
            return ""
        return (f"Not searched: {', '.join(self.excluded)} "
                f"(the need excludes {'it' if len(self.excluded) == 1 else 'them'})")

    @property
    def empty(self) -> bool:
        return not self.terms and not self.naics_hints

    def summary(self) -> str:
        """How a need with Korean was read (``"Read as: office cleaning"``), then what the need excludes
        (``"Not searched: 웨딩 (the need excludes it)"``, also for English); empty for English that excludes
        nothing."""
        excluded = self.excluded_phrase()
        if not self.korean:
            return excluded
        read = self._korean_summary()
        return read + ". " + excluded if excluded else read

    def _korean_summary(self) -> str:
        missing = ", ".join(f"'{u}'" for u in self.unreadable)
        if not self.read_as:
            return f"Nothing in this need was understood (not understood: {missing})" if missing else \
                "Nothing in this need names goods or services to search for"
        return "Read as: " + ", ".join(self.read_as) + (f" (not understood: {missing})" if missing else "")


@dataclass(frozen=True)
class NeedReading:
    """How :meth:`Matcher.read` reads a need's text (English, Korean or mixed).

    Attributes:
        text: the text as given.
        korean: whether it contains Korean (then it was read through the glossary).
        search_text: the English text that is searched.
        understood_terms: ``"사무실 청소 → office cleaning, janitorial, ..."``
            for each glossary term found (empty for English text).
        unknown_terms: Korean (or other non-Latin) words that were not understood.
        naics_hints: NAICS prefixes the glossary associates with the text
            (soft hints that raise those industries; never filters).
        unmatched_words: words the need typed that no firm in the directory
            uses (typos that could not be corrected, rare words).
        usable: whether the text gives the matcher anything to rank by: a
            word some firm uses, or an industry hint. A need whose text is not
            usable (and that states no NAICS codes) gets an empty shortlist.
        summary: ``"Read as: office cleaning (not understood: '...')"`` for
            Korean text, the start of every reason; empty for English.
        closest_concepts: when nothing was understood, the known concepts
            closest to the unknown words (``"'캐터링' → 케이터링 (catering)"``,
            :mod:`mwbe_match.engine.suggest`); the no-match reason lists them.
        excluded_terms: what the need says it does not want, as written
            (``"웨딩"`` in "웨딩 아니고 기업 행사", ``"carpet cleaning"`` in "office
            cleaning, not carpet cleaning"): never searched, no industry hint;
            :attr:`summary` and every reason say "Not searched: ... (the need excludes it)".
    """

    text: str
    korean: bool
    search_text: str
    understood_terms: tuple[str, ...]
    unknown_terms: tuple[str, ...]
    naics_hints: tuple[str, ...]
    unmatched_words: tuple[str, ...]
    usable: bool
    summary: str
    closest_concepts: tuple[str, ...] = ()
    excluded_terms: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: QueryTerms) -> "NeedReading":
        """The reading of a prepared query."""
        return cls(
            text=query.text, korean=query.korean, search_text=query.english, understood_terms=query.understood,
            unknown_terms=query.unreadable, naics_hints=query.naics_hints, unmatched_words=tuple(query.unknown),
            usable=not query.empty, summary=query.summary(), closest_concepts=query.suggestions,
            excluded_terms=query.excluded,
        )

    def no_match_reason(self) -> str:
        """Why a need with this text got no firm, in one sentence (for ``no_match`` rows of batch output); when
        nothing was understood, a second one names the closest concepts known for the unknown words."""
        reason = self._no_match_sentence()
        if self.closest_concepts and not self.usable:
            reason += " Closest known concepts: " + "; ".join(self.closest_concepts) + "."
        return reason

    def _no_match_sentence(self) -> str:
        lead = self.summary + ". " if self.summary else ""
        if not self.text or self.usable:
            return lead + "No certified firm matches this need and meets all its requirements."
        if self.korean and not self.search_text:
            if self.unknown_terms:
                return (self.summary + ", so there was nothing to search for; add its terms to a lexicon file "
                        "(Matcher(lexicon=...), mwbe-match shortlist --lexicon).")
            return self.summary + " (places, company names and words such as 업체 or 용역 are not searched)."
        if not self.korean and not self.unmatched_words:  # only places, filler or company names
            return lead + ("Nothing in this need names goods or services to search for "
                    "(places, company names and words such as 업체 or 용역 are not searched).")
        words = ", ".join(f"'{w}'" for w in self.unmatched_words[:5])
        return lead + "No firm in the directory uses any of this need's words" + (f" ({words})." if words else ".")


def prepare_queries(texts: Sequence[str], readers: Sequence[Any], index: TextIndex, speller: Speller,
                    config: MatchConfig, closest: ClosestConcepts | None = None) -> list[QueryTerms]:
    """Each text as weighted index terms, with its hints; the batch's unknown typed words corrected in one call.

    A text of which nothing was understood gets the concepts ``closest`` (default
    :func:`~mwbe_match.engine.suggest.closest_concepts`) finds for its unknown words.
    """
    queries, layouts = [], []
    for text in texts:
        query, words = _read_text(text, readers, config)
        queries.append(query)
        layouts.append(words)
    unknown = {w.word for words in layouts for w in words
               if w.correctable and is_indexable(w.word) and index.lookup(w.word) is None}
    speller.correct_many(unknown)
    for query, words in zip(queries, layouts):
        _fill_terms(query, words, index, speller)
        query.aspects = need_aspects(query.parts, query.terms, index.idf)
        if query.empty and (query.unknown or query.unreadable):
            query.suggestions = suggestions_for([*query.unreadable, *query.unknown], closest)
    return queries


def _read_text(text: str, readers: Sequence[Any], config: MatchConfig) -> tuple[QueryTerms, tuple[SearchWord, ...]]:
    """A need's text as words to search for, with NAICS hints, read by the first reader that detects it."""
    if not text:
        return QueryTerms(text=text, english=""), ()
    reading = reader_for(text, readers).read(text, config)
    query = QueryTerms(text=text, english=reading.search_text, naics_hints=reading.naics_hints,
                       korean=reading.translated, understood=reading.understood, unreadable=reading.unreadable,
                       read_as=reading.read_as, hint_setting=reading.hint_setting,
                       hint_sets=getattr(reading, "hint_sets", ()), hint_coverage=getattr(reading, "coverage", 1.0),
                       excluded=getattr(reading, "excluded", ()), parts=getattr(reading, "parts", ()))
    return query, reading.words


def _fill_terms(query: QueryTerms, words: Sequence[SearchWord], index: TextIndex, speller: Speller) -> None:
    """Look the words up (a typed word not in the index: its corrections); each index term once.

    A term searched several times keeps its heaviest, then first, occurrence.
    """
    found: dict[int, QueryTerm] = {}
    for tok in sorted(words, key=lambda t: (-t.weight, t.position)):
        if not is_indexable(tok.word):
            continue
        t = index.lookup(tok.word)
        if t is not None:
            if t not in found:
                found[t] = QueryTerm(shown_token(tok.word), t, tok.weight, tok.position, slot=tok.slot)
            continue
        if not tok.correctable:
            continue  # a glossary synonym no firm uses
        corrections = speller.corrections(tok.word)
        if not corrections and tok.word not in query.unknown:
            query.unknown.append(tok.word)
        for term, score, word in corrections:
            if term not in found:
                found[term] = QueryTerm(tok.word, term, tok.weight * score / 100.0, tok.position,
                                        corrected_to=word, slot=tok.slot)
    query.terms = sorted(found.values(), key=lambda t: t.position)
