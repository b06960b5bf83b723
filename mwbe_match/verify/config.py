"""Verify settings: :class:`VerifyConfig`, the thresholds and limits of name verification in one dataclass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..certification import DEFAULT_EXPIRING_WITHIN_DAYS, resolve_as_of
from ..validation import positive_int
from .scoring import DEFAULT_THRESHOLD, check_threshold

__all__ = ["VerifyConfig", "DEFAULT_TOP"]

#: Candidates per input name that :func:`~mwbe_match.name_candidates` returns by default.
DEFAULT_TOP: int = 5


@dataclass(frozen=True)
class VerifyConfig:
    """Name-verification settings (:class:`~mwbe_match.NameIndex`, :func:`~mwbe_match.match_names`,
    :func:`~mwbe_match.name_candidates`). The defaults are what the names benchmark measured.

    Attributes:
        threshold: lowest score (0-100) of a ``strong`` match; scores within
            :data:`~mwbe_match.verify.scoring.POSSIBLE_BAND` below it are ``possible``.
        top: candidate firms per input name in :meth:`NameIndex.candidates
            <mwbe_match.NameIndex.candidates>` (the ``top`` of :meth:`Matcher.shortlist
            <mwbe_match.Matcher.shortlist>`).
        workers: threads for rapidfuzz scoring (``-1``: all cores).
        as_of: the date certifications are judged on (a date or ISO text;
            default: today, at each query).
        expiring_within_days: a valid certification renewing within this many
            days of ``as_of`` makes the firm ``expiring``.
        require_distinctive: a ``possible`` below ``threshold`` must share the input's
            distinctive name words (not only trade words and a legal form:
            :class:`~mwbe_match.verify.scoring.DistinctiveWords`); ``False`` restores the
            plain score band (the names benchmark's "before" figures).

    Raises:
        ValueError: a setting is out of range (the message names it).
    """

    threshold: float = DEFAULT_THRESHOLD
    top: int = DEFAULT_TOP
    workers: int = -1
    as_of: dt.date | None = None
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS
    require_distinctive: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "threshold", check_threshold(self.threshold))
        object.__setattr__(self, "top", positive_int("top", self.top))
        if not (isinstance(self.workers, int) and not isinstance(self.workers, bool) and self.workers == -1):
            try:
                object.__setattr__(self, "workers", positive_int("workers", self.workers))
            except ValueError:
                raise ValueError(f"workers must be -1 (all cores) or a whole number of at least 1, "
                                 f"got {self.workers!r}") from None
        if self.as_of is not None:
            object.__setattr__(self, "as_of", resolve_as_of(self.as_of))
        if not isinstance(self.require_distinctive, bool):
            raise ValueError(f"require_distinctive must be True or False, got {self.require_distinctive!r}")
        object.__setattr__(self, "expiring_within_days",
                           positive_int("expiring_within_days", self.expiring_within_days, minimum=0))
