"""Engine stage 1, situations told loosely: a situation's words found apart, in one clause.

A situation concept (:data:`~mwbe_match.engine.lexicon.SITUATION_PREFIX`: a
problem or goal, "fined over trash", "tenants complain about heat", "쓰레기
벌금") is read wherever the need says its form word for word, like any concept.
People rarely say it so: "our restaurant keeps getting **fined** by the city over
its **trash**", "**tenants** keep **complaining** there is no **heat**", "**쓰레기**
때문에 **벌금** 자꾸 맞아요". :class:`SituationForms` also finds a situation form
of two or more content words whose words stand in the need in the form's order,
in one clause, with at most :data:`MAX_GAP` other words (English) or
:data:`MAX_KOREAN_GAP` other letters (Korean, spaces aside) between two of them
(a Korean part begins a word: 디스플레이 사무실 holds no 이사).
The readers then read the situation (the service that solves it) in addition to
the words between, which keep their own reading ("trash" stays waste). One of the
words found must be read by no other concept ("fined", "끊겨"): words that are all
other concepts ("food for the event" in "food catering for a company event",
"출시 … 행사") say what those concepts say.

English words are compared by their stems (:func:`~mwbe_match.engine.text.stem`),
stopwords and :data:`WEAK_WORDS` of a form left out ("complain about heat" needs
*complain* and *heat*; "no one cleans" is only found as written); a word the
reader dropped as a company name, a place or a negation marker is no word of a form (filler such as
*tenants* or *landlord* may be: "tenants complain about heat"). Korean forms are split at their spaces ("쓰레기 벌금": 쓰레기, then
벌금); each part, two syllables or more and none of :data:`WEAK_KOREAN_PARTS`, is
found as written (spaces and case aside), so particles and endings may follow it
(벌금을, 끊겨서); a part written as a verb's stem (``인터넷 끊기-``) is found in every conjugated form
(끊겨요, 끊기고, 끊겼는데, 끊김).
"""

from __future__ import annotations

import re
import itertools
import weakref
from typing import NamedTuple

from ..lexicon import Concept, Lexicon, korean_key, korean_stem
from .conjugation import verb_beginnings
from ..text import STOPWORDS, stem, tokenize

__all__ = ["SituationForms", "SituationMatch", "MAX_GAP", "MAX_KOREAN_GAP", "WEAK_WORDS", "WEAK_KOREAN_PARTS"]

#: English: at most this many other words between two words of a situation form found apart.
MAX_GAP = 5
#: Korean: at most this many other letters (spaces aside) between two parts of a situation form found apart.
MAX_KOREAN_GAP = 12

#: Words too common to find a situation by when they stand apart ("no one cleans" is found only as written,
#: never in "one office cleaning"): left out of a form's words with the stopwords.
WEAK_WORDS = frozenset("""one get got getting gets keep keeps kept make makes made can cannot t don doesn didn won
    need needs want wants do does did go goes going come comes have has had be been is are was were our we us put
    take takes give new old more much many very too really always every all some any there here thing things stuff
    way lot lots look looks like just still even also again""".split())

#: Korean parts too common to find a situation by when they stand apart (사무실 구해 is found only as
#: written, never in 매장 오픈하는데 일할 사람 좀 구해주세요).
WEAK_KOREAN_PARTS = frozenset("구해 구해요 필요 필요해 해야 하려 하려고 해줄 해 줄 너무 보내 있어 없어 좀".split())

_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)
_WEAK_STEMS = frozenset(stem(w) for w in WEAK_WORDS) - {stem("like")}
# what ends a Korean clause: a situation's parts are not looked for across it
_KOREAN_BREAK_RE = re.compile(r"[.,;!?()\[\]\n/·]|그리고|그런데|하지만|또한")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


class SituationMatch(NamedTuple):
    """A situation form found apart.

    Attributes:
        concept: the situation concept.
        positions: English: the token positions of the form's words; Korean: the ``(start, end)`` text offsets
            of each part.
        found: the need's words from the first to the last, as they stand.
    """

    concept: Concept
    positions: tuple
    found: str


class SituationForms:
    """The situation forms of a lexicon that may be found apart (two or more content words), by first word.

    Args:
        lexicon: the concept lexicon; its situation concepts (:attr:`Concept.situation`) are read.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self._situations = tuple(c for c in lexicon.concepts() if c.situation)
        self._english_table: dict[str, list[tuple[tuple[str, ...], Concept]]] | None = None  # built on first use
        self._korean_table: dict[str, list[tuple[tuple[str, ...], Concept]]] | None = None
        self._korean_firsts: tuple[str, ...] = ()

    @classmethod
    def of(cls, lexicon: Lexicon) -> "SituationForms":
        """The situation forms of ``lexicon``, built once per lexicon (the readers of one lexicon share them)."""
        forms = _BUILT.get(lexicon)
        if forms is None:
            forms = _BUILT[lexicon] = cls(lexicon)
        return forms

    def __bool__(self) -> bool:
        return bool(self._situations)

    def _english(self) -> dict[str, list[tuple[tuple[str, ...], Concept]]]:
        if self._english_table is None:
            table: dict[str, list[tuple[tuple[str, ...], Concept]]] = {}
            for concept in self._situations:
                for form in concept.en:
                    key = tuple(s for s in (stem(t) for t in tokenize(form)) if s not in _STOP_STEMS
                                and s not in _WEAK_STEMS)
                    if len(key) >= 2:
                        table.setdefault(key[0], []).append((key, concept))
            for forms in table.values():  # the longest form first
                forms.sort(key=lambda fc: -len(fc[0]))
            self._english_table = table
        return self._english_table

    def _korean(self) -> dict[str, list[tuple[tuple[str, ...], Concept]]]:
        if self._korean_table is None:
            table: dict[str, list[tuple[tuple[str, ...], Concept]]] = {}
            for concept in self._situations:
                for form in concept.ko:
                    for parts in _korean_parts(form):
                        if len(parts) >= 2 and all(len(p) >= 2 and p not in WEAK_KOREAN_PARTS for p in parts):
                            table.setdefault(parts[0], []).append((parts, concept))
            for forms in table.values():
                forms.sort(key=lambda fc: -len(fc[0]))
            self._korean_firsts = tuple(sorted(table, key=len, reverse=True))
            self._korean_table = table
        return self._korean_table

    def english(self, tokens: list[str], stems: list[str], clause: list[bool],
                unusable: "set[int] | frozenset[int]" = frozenset()) -> list[SituationMatch]:
        """The situation forms found in English tokens, each concept once, in order of their first word.

        ``clause[k]``: a clause ends before token ``k`` (no form is found across it); ``unusable``: positions
        of words the reader dropped (names, places, negation markers), which may stand between a form's words
        but are none of them.
        """
        english = self._english()
        out: list[SituationMatch] = []
        seen: set[str] = set()
        for i, first in enumerate(stems):
            if i in unusable:
                continue
            for key, concept in english.get(first, ()):
                if concept.concept in seen:
                    continue
                positions = [i]
                for word in key[1:]:
                    at = positions[-1]
                    nxt = next((j for j in range(at + 1, min(at + MAX_GAP + 2, len(stems)))
                                if stems[j] == word and j not in unusable), None)
                    if nxt is None or any(clause[k] for k in range(at + 1, nxt + 1)):
                        break
                    positions.append(nxt)
                else:
                    seen.add(concept.concept)
                    out.append(SituationMatch(concept, tuple(positions),
                                              " ".join(tokens[positions[0]:positions[-1] + 1])))
        return out

    def korean(self, text: str) -> list[SituationMatch]:
        """The situation forms found in a (normalized) Korean text, in text order (a concept may be found more
        than once: each finding's parts are understood words)."""
        korean = self._korean()
        if not korean:
            return []
        compact_chars: list[str] = []
        where: list[int] = []  # compact index -> text offset
        breaks = [m.start() for m in _KOREAN_BREAK_RE.finditer(text)]
        for k, ch in enumerate(text):
            if not ch.isspace():
                compact_chars.append(ch)
                where.append(k)
        compact = "".join(compact_chars).casefold()
        # a part begins a word (after a space, punctuation or another script): 디스플레이 사무실 is no 이사
        begins = {k for k, at in enumerate(where) if at == 0 or not text[at - 1].isalnum()
                  or _is_hangul(text[at - 1]) != _is_hangul(text[at])}
        out: list[SituationMatch] = []
        seen: set[tuple[str, tuple]] = set()
        for first in self._korean_firsts:
            start = compact.find(first)
            while start >= 0:
                if start not in begins:
                    start = compact.find(first, start + 1)
                    continue
                for parts, concept in korean[first]:
                    spans = [(start, start + len(first))]
                    for part in parts[1:]:
                        at = spans[-1][1]
                        nxt = compact.find(part, at, at + MAX_KOREAN_GAP + len(part))
                        while nxt >= 0 and nxt not in begins:
                            nxt = compact.find(part, nxt + 1, at + MAX_KOREAN_GAP + len(part))
                        if nxt < 0 or any(where[at - 1] < b < where[nxt] for b in breaks):
                            break
                        spans.append((nxt, nxt + len(part)))
                    else:
                        offsets = tuple((where[a], where[b - 1] + 1) for a, b in spans)
                        if (concept.concept, offsets) not in seen:
                            seen.add((concept.concept, offsets))
                            out.append(SituationMatch(concept, offsets, text[offsets[0][0]:offsets[-1][1]]))
                start = compact.find(first, start + 1)
        return sorted(out, key=lambda m: m.positions[0])


def _korean_parts(form: str) -> list[tuple[str, ...]]:
    """The parts of a Korean situation form, one tuple per way of writing it: a part written as a verb's stem
    (``끊기-``) stands for the beginnings of its conjugated forms (끊기, 끊겨, 끊겼, 끊긴, 끊길, 끊김), each two
    syllables or more."""
    options = []
    for part in form.split():
        stem = korean_stem(part)
        options.append([korean_key(part)] if stem is None else sorted({b for b in verb_beginnings(stem) if len(b) >= 2}))
    return list(itertools.product(*options))


_BUILT: "weakref.WeakKeyDictionary[Lexicon, SituationForms]" = weakref.WeakKeyDictionary()
