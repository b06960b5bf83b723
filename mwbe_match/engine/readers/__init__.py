"""Engine stage 1, reading a need's text: the language readers and their registration.

:data:`READERS` lists the reader classes a :class:`~mwbe_match.Matcher` uses
by default, asked in order (the first that detects a text reads it; English,
last, reads everything). Adding a language is one module with a class that
follows :class:`~mwbe_match.engine.readers.base.Reader` plus one line here.
"""

from __future__ import annotations

import functools
from typing import Any

from .base import Reader, Reading, SearchWord
from .english import EnglishReader
from .korean import Glossary, GlossaryEntry, KoreanReader, default_glossary

__all__ = ["READERS", "Reader", "Reading", "SearchWord", "EnglishReader", "KoreanReader", "Glossary",
           "GlossaryEntry", "default_glossary", "default_readers", "reader_for", "text_is_empty"]

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
