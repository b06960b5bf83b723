"""Transitional shim (issue 12): mwbe_match.text moved to mwbe_match.engine.text; removed when the restructure branches are merged."""

from .engine.text import LEGAL_SUFFIXES, STOPWORDS, analyze, fold, is_indexable, stem, tokenize, tokenize_array  # noqa: F401

__all__ = ["STOPWORDS", "LEGAL_SUFFIXES", "tokenize", "tokenize_array", "stem", "analyze", "is_indexable", "fold"]
