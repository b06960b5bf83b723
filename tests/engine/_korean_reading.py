"""What the readers make of a text: shared by the specifications of messy Korean and of reading rules."""

from __future__ import annotations

import datetime as dt
import functools

from mwbe_match import MatchConfig
from mwbe_match.engine.readers import default_readers, reader_for
from mwbe_match.engine.readers.korean import default_glossary


def read(text: str):
    """The glossary's expansion of ``text`` (its terms, negations, hints)."""
    return default_glossary().expand(text)


def searched(text: str) -> dict[str, tuple[str, ...]]:
    """found text -> English of every term the reading searches (negated terms left out)."""
    e = read(text)
    return {found: english for (found, english), negated in zip(e.terms, e.negated) if not negated}


def english(text: str) -> set[str]:
    """Every English phrase the reading searches."""
    return {p for phrases in searched(text).values() for p in phrases}


#: The configuration the reading specifications read with (a fixed date: certifications do not matter here).
CONFIG = MatchConfig(as_of=dt.date(2026, 11, 1))


def reading(text: str):
    """The whole reading of ``text`` by the reader the library picks for it (its language's)."""
    return reader_for(text, _readers()).read(text, CONFIG)


def found(text: str) -> set[str]:
    """The words of the text each understood (searched) term was found as."""
    return {note.partition(" → ")[0] for note in reading(text).understood}


def hinted(text: str, prefix: str) -> bool:
    """Whether the reading hints at an industry whose NAICS code starts with ``prefix``."""
    return any(h.startswith(prefix) for h in reading(text).naics_hints)


def hints_at(text: str, prefix: str) -> bool:
    """Whether a hinting concept of the reading hints at ``prefix``, at an industry inside it, or at a coarser
    industry that contains it."""
    return any(p.startswith(prefix) or prefix.startswith(p) for hints in reading(text).hint_sets for p in hints)


@functools.cache
def _readers():
    return default_readers()
