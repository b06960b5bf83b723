"""Place names in a need's text, in English and Korean: never searched, at most a soft location preference.

:func:`find_places` finds the boroughs, neighbourhoods and other places
(:data:`~mwbe_match.vocabulary.ENGLISH_PLACES`,
:data:`~mwbe_match.vocabulary.KOREAN_PLACES`) a text names, with the borough
each lies in. The readers leave these words out of the search; the ranking's
place signal (:class:`~mwbe_match.engine.signals.PlaceSignal`) prefers firms
in the boroughs they name. A place in the text never filters: only a need's
``boroughs`` field does.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple, Sequence

from ..vocabulary import ENGLISH_BOROUGH_NAMES, ENGLISH_PLACES, KOREAN_BOROUGHS
from .readers.korean import default_glossary, normalize_text
from .text import tokenize

__all__ = ["PlaceMention", "find_places", "place_positions", "preferred_boroughs", "place_borough_name",
           "borough_label"]

#: first word of an English place name -> the lengths of the names it starts, longest first
_FIRST_WORDS: dict[str, tuple[int, ...]] = {}
for _key in ENGLISH_PLACES:
    _FIRST_WORDS[_key[0]] = tuple(sorted({*_FIRST_WORDS.get(_key[0], ()), len(_key)}, reverse=True))
del _key
_WORD_RE = re.compile(r"[^\W_]+")
_HANGUL_RE = re.compile("[\uac00-\ud7a3]")


class PlaceMention(NamedTuple):
    """A place a need's text names.

    Attributes:
        surface: the name as written ("잭슨하이츠", "Long Island City").
        borough: the borough it lies in (:data:`~mwbe_match.BOROUGHS`), or None (the whole city, New Jersey, ...).
    """

    surface: str
    borough: str | None


def place_positions(words: Sequence[str]) -> dict[int, PlaceMention]:
    """Positions of English place names among ``words`` (lower-case tokens), longest name first.

    Returns ``{position: mention}`` for every word that belongs to a place name.
    """
    out: dict[int, PlaceMention] = {}
    i = 0
    n = len(words)
    while i < n:
        sizes = _FIRST_WORDS.get(words[i].casefold())
        if sizes is not None:
            for size in sizes:
                key = tuple(w.casefold() for w in words[i:i + size])
                if len(key) == size and key in ENGLISH_PLACES:
                    mention = PlaceMention(" ".join(words[i:i + size]), ENGLISH_PLACES[key])
                    out.update(dict.fromkeys(range(i, i + size), mention))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return out


@functools.lru_cache(maxsize=4096)
def find_places(text: str) -> tuple[PlaceMention, ...]:
    """The places ``text`` names, in order, each once (English and Korean names, mixed text too).

    >>> find_places("잭슨하이츠 식당 인테리어")
    (PlaceMention(surface='잭슨하이츠', borough='QUEENS'),)
    >>> find_places("office cleaning in Long Island City or Fort Lee")[0].borough
    'QUEENS'
    """
    if not text:
        return ()
    if _HANGUL_RE.search(text):
        # Korean (or mixed) text: the places the Korean reader's segmentation reads, so that spaces do not
        # matter (맨해튼사무실청소 = 맨해튼 사무실 청소) and a place inside a concept's form is part of that
        # concept (소호 사무실 is a SOHO office, JFK 화물 airport cargo), as the reader reads them
        return tuple(PlaceMention(found, borough) for found, borough in default_glossary().expand(text).places)
    mentions: list[PlaceMention] = []
    words = tokenize(text)
    written = list(_WORD_RE.finditer(unicodedata.normalize("NFKC", text)))
    spans = [(m.start(), m.end()) for m in written] if len(written) == len(words) else None
    by_place: dict[int, list[int]] = {}
    found = place_positions(words)
    for pos, mention in found.items():
        by_place.setdefault(id(mention), []).append(pos)
    for positions in by_place.values():
        mention = found[positions[0]]
        if spans is not None:  # the name as written ("Hell's Kitchen"), not as lower-case tokens
            mention = mention._replace(surface=unicodedata.normalize("NFKC", text)[spans[positions[0]][0]:
                                                                                  spans[positions[-1]][1]])
        mentions.append(mention)
    return tuple(dict.fromkeys(mentions))


def preferred_boroughs(text: str) -> dict[str, tuple[str, ...]]:
    """The boroughs the text's places lie in -> the names that put them there (``{"QUEENS": ("잭슨하이츠",)}``)."""
    out: dict[str, list[str]] = {}
    for mention in find_places(text):
        if mention.borough:
            out.setdefault(mention.borough, []).append(mention.surface)
    return {b: tuple(dict.fromkeys(names)) for b, names in out.items()}


def place_borough_name(name: str) -> str | None:
    """The borough ``name`` is a spelling of ("Queens", "퀸즈", "the Bronx" -> the borough), else None
    (a neighbourhood such as "Flushing" is not a borough's name)."""
    words = tuple(w.casefold() for w in _WORD_RE.findall(unicodedata.normalize("NFKC", name)))
    if words in ENGLISH_BOROUGH_NAMES:
        return ENGLISH_BOROUGH_NAMES[words]
    return _korean_borough_keys().get(normalize_text(name).replace(" ", "").casefold())


@functools.lru_cache(maxsize=1)
def _korean_borough_keys() -> dict[str, str]:
    return {normalize_text(k).replace(" ", "").casefold(): v for k, v in KOREAN_BOROUGHS.items()}


def borough_label(borough: str) -> str:
    """How a sentence names a borough: ``"Queens"``, ``"the Bronx"``, ``"Staten Island"``."""
    return "the Bronx" if borough == "BRONX" else borough.title()
