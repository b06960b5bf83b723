"""Transitional shim (issue 12): mwbe_match.korean moved to mwbe_match.engine.readers.korean; removed when the restructure branches are merged."""

from .engine.readers.korean import (  # noqa: F401
    KOREAN_BOROUGHS,
    Glossary,
    GlossaryEntry,
    KoreanExpansion,
    KoreanReader,
    borough_from_korean,
    contains_hangul,
    decompose_jamo,
    default_glossary,
    is_only_particles_or_punctuation,
    normalize_text,
    strip_particle,
)

__all__ = ["Glossary", "GlossaryEntry", "KOREAN_BOROUGHS", "KoreanExpansion", "KoreanReader", "borough_from_korean",
           "contains_hangul", "decompose_jamo", "default_glossary", "is_only_particles_or_punctuation",
           "normalize_text", "strip_particle"]
