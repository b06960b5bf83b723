"""Transitional shim (issue 12): names.py moved to mwbe_match.verify; removed when the restructure branches are merged.

Re-exports the old public names of this module from their new places; import
them from :mod:`mwbe_match.verify` (or :mod:`mwbe_match`) in new code.
"""

from .verify import (
    AMBIGUITY_MARGIN,
    CANDIDATE_COLUMNS,
    CANDIDATE_SCHEMA,
    CERTIFICATION_FIELDS,
    DEFAULT_THRESHOLD,
    FIRM_FIELDS,
    LEGAL_FORM_PENALTY,
    MATCH_COLUMNS,
    MATCH_SCHEMA,
    NAME_COLUMN_CANDIDATES,
    POSSIBLE_BAND,
    REORDERED_PENALTY,
    STATUSES,
    NameColumnError,
    NameIndex,
    NameInput,
    VerifyConfig,
    find_name_column,
    match_names,
    name_candidates,
    normalize_name,
)

#: The former private name of :func:`find_name_column`, still imported by ``batch.run_verify``
#: until the restructure branches are merged (R-batch switches it to ``find_name_column``).
_find_name_column = find_name_column

__all__ = [
    "normalize_name",
    "NameIndex",
    "VerifyConfig",
    "match_names",
    "name_candidates",
    "find_name_column",
    "NameInput",
    "MATCH_COLUMNS",
    "MATCH_SCHEMA",
    "CANDIDATE_COLUMNS",
    "CANDIDATE_SCHEMA",
    "CERTIFICATION_FIELDS",
    "FIRM_FIELDS",
    "STATUSES",
    "DEFAULT_THRESHOLD",
    "POSSIBLE_BAND",
    "AMBIGUITY_MARGIN",
    "LEGAL_FORM_PENALTY",
    "REORDERED_PENALTY",
    "NAME_COLUMN_CANDIDATES",
    "NameColumnError",
]
