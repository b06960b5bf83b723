"""Supplier verification stage: which names in a vendor list are NYC-certified firms, and how sure, and why.

The stages, one module each, in the order a query runs through them:

- :mod:`.normalize`: a business name's comparison key (legal forms, abbreviations, d/b/a), vectorized;
- :mod:`.hangul`: a vendor name written in Hangul read by sound (월튼 플러밍 앤 히팅 -> Walton Plumbing &
  Heating), Korean legal forms (㈜, 주식회사, 유한회사, ...);
- :mod:`.inputs`: the rows to verify, their name column and corroborating phone/website/ZIP columns;
- :mod:`.candidates`: trigram TF-IDF blocking plus exact look-ups (never every pair);
- :mod:`.scoring`: rapidfuzz name scores, corroboration, name statuses (a ``possible`` must share
  distinctive name words: :class:`~.scoring.DistinctiveWords`);
- :mod:`.explain`: reasons in words, incl. the firm's certification status;
- :mod:`.results`: the result columns (certification and contact details of the firm);
- :mod:`.config`: :class:`VerifyConfig`; :mod:`.index`: :class:`NameIndex`, composing them (built once
  per directory and reused: :meth:`NameIndex.for_directory`).
"""

from .candidates import CandidateSearch
from .config import DEFAULT_TOP, VerifyConfig
from .hangul import KOREAN_LEGAL_FORMS, HangulNames
from .index import NameIndex, directory_fingerprint, match_names, name_candidates
from .inputs import (
    NAME_COLUMN_CANDIDATES,
    NameColumnError,
    NameInput,
    find_name_column,
)
from .normalize import normalize_name
from .results import (
    CANDIDATE_COLUMNS,
    CANDIDATE_SCHEMA,
    CERTIFICATION_FIELDS,
    FIRM_FIELDS,
    MATCH_COLUMNS,
    MATCH_SCHEMA,
)
from .scoring import (
    AMBIGUITY_MARGIN,
    DEFAULT_THRESHOLD,
    LEGAL_FORM_PENALTY,
    POSSIBLE_BAND,
    REORDERED_PENALTY,
    STATUSES,
    DistinctiveWords,
)

__all__ = [
    "normalize_name",
    "NameIndex",
    "VerifyConfig",
    "match_names",
    "name_candidates",
    "find_name_column",
    "NameInput",
    "NameColumnError",
    "MATCH_COLUMNS",
    "MATCH_SCHEMA",
    "CANDIDATE_COLUMNS",
    "CANDIDATE_SCHEMA",
    "CERTIFICATION_FIELDS",
    "FIRM_FIELDS",
    "STATUSES",
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOP",
    "POSSIBLE_BAND",
    "AMBIGUITY_MARGIN",
    "LEGAL_FORM_PENALTY",
    "REORDERED_PENALTY",
    "NAME_COLUMN_CANDIDATES",
    "CandidateSearch",
    "DistinctiveWords",
    "HangulNames",
    "KOREAN_LEGAL_FORMS",
    "directory_fingerprint",
]
