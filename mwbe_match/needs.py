"""Transitional shim (issue 12): mwbe_match.needs moved to mwbe_match.engine.need; removed when the restructure branches are merged."""

from .engine.need import (  # noqa: F401
    ETHNICITIES,
    KOREAN_FIELD_ALIASES,
    NEED_FIELDS,
    REQUIREMENT_FIELDS,
    Near,
    Need,
    NeedError,
    misspelled_columns,
    need_field,
    zip_location,
)

__all__ = ["Need", "NeedError", "Near", "ETHNICITIES", "NEED_FIELDS", "REQUIREMENT_FIELDS", "KOREAN_FIELD_ALIASES",
           "zip_location", "misspelled_columns", "need_field"]
