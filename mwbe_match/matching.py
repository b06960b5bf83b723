"""Transitional shim (issue 12): mwbe_match.matching moved to mwbe_match.engine (matcher, config, results, ...); removed when the restructure branches are merged."""

from .engine.config import MatchConfig  # noqa: F401
from .engine.matcher import Matcher  # noqa: F401
from .engine.query import NeedReading, QueryTerm, QueryTerms  # noqa: F401
from .engine.results import (  # noqa: F401
    FUNNEL_SCHEMA,
    NAICS_MATCH_LEVELS,
    SHORTLIST_COLUMNS,
    SHORTLIST_SCHEMA,
)
from .engine.firms import REQUIRED_COLUMNS  # noqa: F401

__all__ = ["Matcher", "MatchConfig", "NeedReading", "SHORTLIST_COLUMNS", "SHORTLIST_SCHEMA", "NAICS_MATCH_LEVELS",
           "QueryTerms", "FUNNEL_SCHEMA"]
