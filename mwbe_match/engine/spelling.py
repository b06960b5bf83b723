"""Engine stage 3, spelling correction: a query word no firm uses is corrected to the closest directory words.

``plumming`` -> ``plumbing``: edit similarity (``rapidfuzz.fuzz.ratio``) of
at least ``MatchConfig.fuzzy_cutoff`` against the directory's words, at most
``fuzzy_limit`` corrections, words shorter than ``fuzzy_min_length`` never
corrected. All the unknown words of a batch are compared in one
``process.cdist`` call; results are cached.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from .config import MatchConfig
from .text_index import TextIndex

__all__ = ["Speller"]


class Speller:
    """Typo corrections against one text index's vocabulary."""

    def __init__(self, index: TextIndex, config: MatchConfig) -> None:
        self.index = index
        self.config = config
        self._cache: dict[str, list[tuple[int, float, str]]] = {}

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
        todo = sorted(t for t in tokens if t not in self._cache)
        if not todo:
            return
        if len(self._cache) > 100_000:
            self._cache.clear()
        eligible = [t for t in todo if len(t) >= cfg.fuzzy_min_length and t.isalpha()]
        for t in todo:
            self._cache[t] = []
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
            out = self._cache[eligible[r]]
            if len(out) < cfg.fuzzy_limit and all(t != have for have, _, _ in out):
                out.append((t, float(score), index.surface[t]))
