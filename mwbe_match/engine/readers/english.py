"""Engine stage 1, reading English: the default reader (searches the text as written, glossary English hints).

Every word the need typed is searched and may be corrected, except the names
of places (``Manhattan``, ``Jackson Heights``, ``Fort Lee``:
:mod:`mwbe_match.engine.places`), which are never searched. A phrase of the
need that is an English term of a glossary entry (``office cleaning``,
``asbestos abatement``) gives that entry's NAICS prefixes as soft hints
(``MatchConfig.english_hint_weight``).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from ..places import place_positions
from ..text import analyze, tokenize
from .base import Reading, SearchWord
from .korean import Glossary, default_glossary

if TYPE_CHECKING:  # pragma: no cover
    from ..text_index import TextIndex

__all__ = ["EnglishReader", "GENERIC_SHARE"]

#: A one-word glossary phrase whose word is in more than this share of firms gives no industry hint.
GENERIC_SHARE = 0.05

@dataclasses.dataclass(frozen=True)
class EnglishReader:
    """Reads English (and any text no other reader detects).

    Args:
        glossary: whose English phrases give NAICS hints (default: the bundled glossary).
    """

    glossary: Glossary | None = None
    name: str = "en"
    _phrases: dict[tuple[str, ...], tuple[str, ...]] = dataclasses.field(default_factory=dict, repr=False)
    _phrase_max: int = 0

    def detects(self, text: str) -> bool:
        return True

    def for_index(self, index: "TextIndex") -> "EnglishReader":
        """The glossary's English phrases (as stems) -> their NAICS prefixes, for this directory.

        Two kinds of phrase are left out because they would point every need
        that uses a common word at one industry: a phrase that loses a word to
        the stopword list ("IT services" would become "services"), and a
        one-word phrase whose word appears in more than :data:`GENERIC_SHARE`
        of the directory's firms ("service", "management").
        """
        glossary = self.glossary if self.glossary is not None else default_glossary()
        common = index.df > GENERIC_SHARE * max(index.n_firms, 1)
        phrases: dict[tuple[str, ...], dict[str, None]] = {}
        for entry in glossary.entries():
            if not entry.naics:
                continue
            for phrase in entry.english:
                key = tuple(analyze(phrase))
                if not key or len(key) < len(tokenize(phrase)):
                    continue
                term = index.term_of_stem(key[0]) if len(key) == 1 else None
                if term is not None and common[term]:
                    continue
                phrases.setdefault(key, {}).update(dict.fromkeys(entry.naics))
        table = {k: tuple(v) for k, v in phrases.items()}
        return dataclasses.replace(self, glossary=glossary, _phrases=table, _phrase_max=max(map(len, table), default=0))

    def read(self, text: str, config: Any) -> Reading:
        tokens = tokenize(text)
        places = place_positions(tokens)  # place names are never searched (they may be a preference)
        words = tuple(SearchWord(w, 1.0, i, i, True) for i, w in enumerate(tokens) if i not in places)
        hint_text = " ".join(w for i, w in enumerate(tokens) if i not in places) if places else text
        hints = self.hints(hint_text) if config.english_hint_weight > 0 else ()
        return Reading(words=words, search_text=text, naics_hints=hints, hint_setting="english_hint_weight")

    def hints(self, text: str) -> tuple[str, ...]:
        """NAICS prefixes of the glossary entries whose English phrases the text contains (longest first)."""
        stems = analyze(text)
        found: dict[str, None] = {}
        i = 0
        while i < len(stems):
            for size in range(min(self._phrase_max, len(stems) - i), 0, -1):
                prefixes = self._phrases.get(tuple(stems[i:i + size]))
                if prefixes is not None:
                    found.update(dict.fromkeys(prefixes))
                    i += size
                    break
            else:
                i += 1
        return tuple(found)

    def places(self, text: str) -> tuple[str, ...]:
        found = place_positions(tokenize(text)).values()
        return tuple(dict.fromkeys(m.borough for m in found if m.borough))

    def is_empty(self, text: str) -> bool:
        return not any(ch.isalnum() for ch in text)
