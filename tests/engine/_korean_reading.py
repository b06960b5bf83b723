"""What the Korean reader searches for a text: shared by the specifications of messy Korean."""

from __future__ import annotations

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
