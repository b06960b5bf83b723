"""The matching engine: from procurement needs to ranked, explainable shortlists, one stage per module.

- :mod:`~mwbe_match.engine.need`: :class:`Need` (what is searched for, hard requirements), parsed from rows.
- :mod:`~mwbe_match.engine.readers`: language readers (English default, Korean + glossary); register one in ``READERS``.
- :mod:`~mwbe_match.engine.query`: a need's text as weighted index terms.
- :mod:`~mwbe_match.engine.text` / :mod:`~mwbe_match.engine.text_index`: tokens and stems / the BM25F index.
- :mod:`~mwbe_match.engine.spelling`: typo correction against the directory's words.
- :mod:`~mwbe_match.engine.industry`: NAICS industry-group inference (naive Bayes, feedback, hints).
- :mod:`~mwbe_match.engine.filters`: requirement masks, certification on a date, distance, funnel counts.
- :mod:`~mwbe_match.engine.signals`: the ranking signals (text, industry); register one in ``SIGNALS``.
- :mod:`~mwbe_match.engine.explain`: the reasons.
- :mod:`~mwbe_match.engine.matcher`: :class:`Matcher`, composing the stages; settings in
  :mod:`~mwbe_match.engine.config`, result columns in :mod:`~mwbe_match.engine.results`.
- :mod:`~mwbe_match.engine.parallel`: the worker processes batches are ranked on (forked, sharing the Matcher).
"""

from .config import MatchConfig
from .matcher import Matcher
from .need import Near, Need, NeedError, need_field
from .query import NeedReading, QueryTerms
from .readers import READERS, EnglishReader, Glossary, KoreanReader, Reader
from .results import FUNNEL_SCHEMA, NAICS_MATCH_LEVELS, SHORTLIST_COLUMNS, SHORTLIST_SCHEMA
from .signals import SIGNALS, IndustrySignal, Signal, TextSignal

__all__ = ["Matcher", "MatchConfig", "Need", "NeedError", "Near", "need_field", "NeedReading", "QueryTerms",
           "Reader", "READERS", "EnglishReader", "KoreanReader", "Glossary", "Signal", "SIGNALS", "TextSignal",
           "IndustrySignal", "SHORTLIST_SCHEMA", "SHORTLIST_COLUMNS", "NAICS_MATCH_LEVELS", "FUNNEL_SCHEMA"]
