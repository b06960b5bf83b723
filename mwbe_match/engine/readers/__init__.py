"""Engine stage 1, reading a need's text: the language readers and their registration.

:data:`READERS` lists the reader classes a :class:`~mwbe_match.Matcher` uses
by default, asked in order (the first that detects a text reads it; English,
last, reads everything). Adding a language is one module with a class that
follows :class:`~mwbe_match.engine.readers.base.Reader` plus one line here.
"""

from __future__ import annotations

import functools
import os
from typing import Any, Sequence

from ..lexicon import Lexicon, default_lexicon

from .base import Piece, Reader, Reading, SearchWord, compose
from .english import EnglishReader
from .korean import Glossary, GlossaryEntry, KoreanReader, default_glossary

__all__ = ["READERS", "Reader", "Reading", "SearchWord", "Piece", "compose", "EnglishReader", "KoreanReader", "Glossary",
           "GlossaryEntry", "default_glossary", "default_readers", "reader_for", "text_is_empty",
           "resolve_glossary"]

#: The reader classes used by default, in the order they are asked. Register a language here.
READERS: tuple[type, ...] = (
    KoreanReader,
    EnglishReader,
)


def default_readers(glossary: Glossary | None = None) -> tuple[Any, ...]:
    """One reader of each registered class, all reading through ``glossary`` (default: the bundled one)."""
    return tuple(cls(glossary=glossary) for cls in READERS)


def reader_for(text: str, readers: tuple[Any, ...]) -> Any:
    """The first of ``readers`` that detects ``text`` (the last one when none does)."""
    for reader in readers:
        if reader.detects(text):
            return reader
    return readers[-1]


@functools.lru_cache(maxsize=1)
def _bundled_readers() -> tuple[Any, ...]:
    return default_readers()


def text_is_empty(text: str) -> bool:
    """Whether the default reader of ``text`` finds nothing in it (e.g. Korean that is only particles)."""
    return reader_for(text, _bundled_readers()).is_empty(text)


def _paths(value: Any, what: str) -> list[str]:
    paths = [value] if isinstance(value, (str, os.PathLike)) else value
    try:
        paths = list(paths)
    except TypeError:
        raise TypeError(f"{what} must be a Lexicon or lexicon file path(s), not {type(value).__name__}") from None
    if not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise TypeError(f"{what} must be a Lexicon or lexicon file path(s)")
    return [os.fspath(p) for p in paths]


def resolve_glossary(glossary: Any = None, lexicon: Any = None,
                     files: Sequence[str | os.PathLike] = ()) -> tuple[Glossary, tuple[str, ...]]:
    """``(glossary, user lexicon files)`` the readers read through.

    ``lexicon`` (or, by its older name, ``glossary``) is a
    :class:`~mwbe_match.engine.lexicon.Lexicon`, a :class:`Glossary`, or the
    path(s) of user lexicon files merged over the bundled lexicon; ``files``
    (``MatchConfig.lexicons``) are merged over that, in order. Nothing given:
    the bundled lexicon. Raises LexiconError (a ValueError) for a malformed file.
    """
    base: Lexicon | None = None
    paths: list[str] = []
    for value, what in ((glossary, "glossary"), (lexicon, "lexicon")):
        if value is None:
            continue
        if isinstance(value, Glossary):
            base = value.lexicon
        elif isinstance(value, Lexicon):
            base = value
        else:
            paths += _paths(value, what)
    paths += _paths(files, "MatchConfig.lexicons")
    if base is None and not paths:
        return default_glossary(), ()
    if not paths:
        return (glossary if isinstance(glossary, Glossary) and lexicon is None else Glossary.from_lexicon(base)), ()
    return Glossary.from_lexicon((base or default_lexicon()).merged(*paths)), tuple(paths)
