"""The matching engine: from procurement needs to ranked, explainable shortlists.

:class:`Matcher` builds an index of the directory once (scikit-learn style:
build, then query many times) and answers needs with :meth:`Matcher.shortlist`
(one need) or :meth:`Matcher.shortlist_many` (a batch, scored together).

How a firm is ranked for a need with text
-----------------------------------------
0. **Reading the text.** English text is searched as written. Text with
   Hangul (Korean, or Korean mixed with English) is read through the
   glossary (:meth:`mwbe_match.korean.Glossary.expand`): each understood
   term searches its main English phrase and, at ``synonym_weight``, its
   synonyms (together they count as one thing in ``coverage``); English
   words in it are searched as typed. The glossary's NAICS prefixes for the
   need's terms become soft industry hints (below); for an English need,
   its phrases that are English glossary terms give weaker hints. The
   ``understood_terms`` and ``unknown_terms`` columns and the start of
   ``reasons`` ("Read as: ...") say what was read; :meth:`Matcher.read`
   shows it without ranking.
1. **Text evidence** (BM25F). Each firm is a document with fields: name and
   DBA, business description, NAICS title/subsector/sector, the three
   job-experience descriptions, construction project types. Tokens are
   stemmed and stopwords dropped (:mod:`mwbe_match.text`); rare words weigh
   more (BM25 idf), repeated words saturate, long fields are length-normalized
   per field. A query word not in the directory's vocabulary is corrected to
   the closest directory word(s) by edit similarity (``plumming`` ->
   ``plumbing``). ``coverage`` is the idf-weighted fraction of the need's
   words that the firm matches, each word's share saturating with how often
   and where the firm mentions it: 0 (nothing) to 1.
2. **Industry evidence.** The directory's own text teaches which 4-digit NAICS
   industry groups words point at (a multinomial naive Bayes over industry
   groups, trained on descriptions, job history and NAICS titles), and the
   need's strongest text matches vote for their industries (pseudo-relevance
   feedback). The two are averaged into a probability per industry group,
   and glossary hints are mixed in (``hint_weight``, ``english_hint_weight``);
   ``industry`` for a firm is the probability of its own group, or 1 when
   the need states NAICS codes of 4 or more digits that the firm matches.
3. ``score = 100 * ((1 - w) * coverage + w * industry)`` with ``w =
   MatchConfig.industry_weight``: absolute evidence through a fixed formula,
   so scores are comparable across needs (no division by the best hit).
   Firms with neither text evidence nor an industry probability of at least
   ``MatchConfig.industry_threshold`` are not returned.

A need with NAICS codes and no text ranks the firms in those codes by how
closely they match (``exact`` 100, ``industry`` 80, ``subsector`` 60,
``sector`` 40), then by account number.

Hard requirements (certification, borough, radius, bonding, ...) are boolean
masks: a firm that fails one is never returned. Ties in score break by
account number, so the same input always gives the same output.

Certification on the as-of date
-------------------------------
Every row is judged on ``MatchConfig.as_of`` (default today) by
:func:`mwbe_match.certification.certification_status`, on the
certifications the need asks for (all when it asks for none):
``certification_status``, ``certified_through`` and ``as_of`` columns. A
firm whose certification lapsed before ``as_of`` is left out (a mask
computed once per date) unless ``MatchConfig.include_lapsed``; then it is
returned flagged ``lapsed`` and its reason says when it lapsed. Firms with
no published renewal date are kept, flagged ``unknown``. Rows scoring below
``MatchConfig.min_score`` are dropped. :meth:`Matcher.funnel` counts, per
need, which requirement removed how many of the firms that fit its text.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from rapidfuzz import fuzz, process

from .certification import CERTIFICATION_STATUSES, DEFAULT_EXPIRING_WITHIN_DAYS, certification_status, resolve_as_of
from .directory import load_directory, unique_firms
from .korean import Glossary, contains_hangul, default_glossary
from .names import DEFAULT_THRESHOLD, NameIndex, NameInput
from .needs import ETHNICITIES, Need, NeedError
from .schema import BOROUGHS, CERTIFICATION_TYPES, DIRECTORY_SCHEMA
from .text import analyze, fold, is_indexable, stem, tokenize, tokenize_array

__all__ = ["Matcher", "MatchConfig", "NeedReading", "SHORTLIST_COLUMNS", "SHORTLIST_SCHEMA", "NAICS_MATCH_LEVELS",
           "QueryTerms", "FUNNEL_SCHEMA"]

_STRING = pa.string()

#: pyarrow types of the shortlist columns, in order (the frame uses ``pd.ArrowDtype`` of these;
#: firm columns keep their directory types).
SHORTLIST_SCHEMA: pa.Schema = pa.schema(
    [("need_id", _STRING), ("rank", pa.int64())]
    + [DIRECTORY_SCHEMA.field(c) for c in ("account_number", "name", "dba")]
    + [("score", pa.float64()), ("certification_status", _STRING), ("certified_through", pa.date32()),
       ("matched_terms", pa.list_(_STRING)), ("naics_match", _STRING), ("reasons", _STRING),
       ("understood_terms", pa.list_(_STRING)), ("unknown_terms", pa.list_(_STRING)), ("contact_name", _STRING)]
    + [DIRECTORY_SCHEMA.field(c) for c in ("phone", "website", "address_line_1", "address_line_2", "city", "state",
                                            "zip", "borough", "latitude", "longitude", "ethnicity", "certifications",
                                            "certification_expires", "naics_code", "naics_title")]
    + [("as_of", pa.date32())]
)

#: Columns of a shortlist, in order.
SHORTLIST_COLUMNS: tuple[str, ...] = tuple(SHORTLIST_SCHEMA.names)

#: Values of ``naics_match``, closest first.
NAICS_MATCH_LEVELS: tuple[str, ...] = ("exact", "industry", "subsector", "sector", "none")

# Text fields: (name, directory columns, bit used in explanations, label in reasons)
_FIELDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("name", ("name", "dba"), "name"),
    ("description", ("description",), "description"),
    ("naics", ("naics_title", "naics_subsector", "naics_sector"), "NAICS title"),
    ("jobs", ("job_1_description", "job_2_description", "job_3_description"), "job history"),
    ("project_types", ("construction_project_types",), "project types"),
)

_OUTPUT_FIRM_COLUMNS = ("account_number", "name", "dba", "phone", "website", "address_line_1", "address_line_2",
                        "city", "state", "zip", "borough", "latitude", "longitude", "ethnicity", "certifications",
                        "certification_expires", "naics_code", "naics_title")

#: Directory columns the matcher reads.
REQUIRED_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(
    [c for _, cols, _ in _FIELDS for c in cols]
    + list(_OUTPUT_FIRM_COLUMNS)
    + ["contact_first_name", "contact_last_name", "certification_renewal_dates", "bonding_limit",
       "largest_contract_value", "union_signatory", "passport_enrolled", "established"]
))

_EARTH_RADIUS_MILES = 3958.7613
_NO_DATE = np.iinfo(np.int64).min // 4
_EPOCH = _dt.date(1970, 1, 1)
_LAPSED = CERTIFICATION_STATUSES.index("lapsed")
_UNKNOWN = CERTIFICATION_STATUSES.index("unknown")

_ELIMINATED_BY = pa.map_(pa.string(), pa.int64())

#: Columns of :meth:`Matcher.funnel`: how each need's candidates were narrowed.
FUNNEL_SCHEMA: pa.Schema = pa.schema([
    ("need_id", _STRING), ("candidates", pa.int64()), ("eliminated_by", _ELIMINATED_BY),
    ("remaining", pa.int64()), ("reasons", _STRING),
])


#: A one-word glossary phrase whose word is in more than this share of firms gives no industry hint.
_GENERIC_SHARE = 0.05


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
        english_hint_weight: the same for English needs, whose phrases that
            are English terms of glossary entries (``office cleaning``,
            ``asbestos abatement``) give those entries' NAICS prefixes (0 = off).
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
    english_hint_weight: float = 0.25
    as_of: _dt.date | None = None
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS
    include_lapsed: bool = False
    min_score: float = 0.0
    workers: int = 1

    def __post_init__(self) -> None:
        if self.as_of is not None:
            object.__setattr__(self, "as_of", resolve_as_of(self.as_of))
        days = self.expiring_within_days
        if isinstance(days, bool) or not isinstance(days, (int, np.integer)) or days < 0:
            raise ValueError(f"MatchConfig.expiring_within_days must be a whole number >= 0, got {days!r}")
        if not isinstance(self.include_lapsed, (bool, np.bool_)):
            raise ValueError(f"MatchConfig.include_lapsed must be True or False, got {self.include_lapsed!r}")
        if isinstance(self.min_score, bool) or not isinstance(self.min_score, (int, float, np.number)) \
                or not 0 <= self.min_score <= 100:
            raise ValueError(f"MatchConfig.min_score must be between 0 and 100, got {self.min_score!r}")
        for name in ("k1", "name_weight", "description_weight", "naics_weight", "jobs_weight",
                     "project_types_weight", "nb_alpha"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"MatchConfig.{name} must be >= 0, got {getattr(self, name)!r}")
        for name in ("b", "name_b", "industry_weight", "industry_threshold", "synonym_weight", "hint_weight",
                     "english_hint_weight"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"MatchConfig.{name} must be between 0 and 1, got {getattr(self, name)!r}")
        if not 0 <= self.fuzzy_cutoff <= 100:
            raise ValueError(f"MatchConfig.fuzzy_cutoff must be between 0 and 100, got {self.fuzzy_cutoff!r}")
        if self.feedback_depth < 0 or self.fuzzy_limit < 0:
            raise ValueError("MatchConfig.feedback_depth and fuzzy_limit must be >= 0")

    def field_weights(self) -> dict[str, float]:
        return {"name": self.name_weight, "description": self.description_weight, "naics": self.naics_weight,
                "jobs": self.jobs_weight, "project_types": self.project_types_weight}


@dataclass
class QueryTerm:
    """One query word as the engine understood it."""

    surface: str          # the word as the user wrote it (lower-cased), or as the glossary gave it
    term: int             # index term id
    weight: float         # 1, the fuzzy similarity for a corrected word, synonym_weight for a synonym
    position: int         # position among the query's words (for phrases in explanations)
    corrected_to: str | None = None  # the directory word a typo was corrected to
    slot: int = -1        # what the word stands for (coverage counts each slot once); -1: its position

    @property
    def label(self) -> str:
        return f"{self.surface}→{self.corrected_to}" if self.corrected_to else self.surface


class _Token(NamedTuple):
    """A word to search for, before it is looked up in the index."""

    word: str
    weight: float
    position: int
    slot: int
    correctable: bool  # typed by the user (typos are corrected), not given by the glossary


@dataclass
class QueryTerms:
    """A need's text prepared for scoring: known words, unknown words, industry hints.

    ``english`` is the text that was tokenized: the need's text, or for a
    need with Korean its reading through the glossary (:meth:`Glossary.expand
    <mwbe_match.korean.Glossary.expand>`), which also gives ``naics_hints``
    (soft: they raise an industry's probability, they do not filter),
    ``understood`` (``"사무실 청소 → office cleaning, janitorial"``),
    ``unreadable`` (Korean words not understood) and ``read_as`` (the main
    English phrase of each searched term).
    """

    text: str
    english: str
    terms: list[QueryTerm] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    naics_hints: tuple[str, ...] = ()
    korean: bool = False
    understood: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()
    read_as: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms and not self.naics_hints

    def summary(self) -> str:
        """How a need with Korean was read (``"Read as: office cleaning"``); empty for English."""
        if not self.korean:
            return ""
        missing = ", ".join(f"'{u}'" for u in self.unreadable)
        if not self.read_as:
            return f"Nothing in this need was understood (not understood: {missing})" if missing else \
                "Nothing in this need names goods or services to search for"
        return "Read as: " + ", ".join(self.read_as) + (f" (not understood: {missing})" if missing else "")


@dataclass(frozen=True)
class NeedReading:
    """How :meth:`Matcher.read` reads a need's text (English, Korean or mixed).

    Attributes:
        text: the text as given.
        korean: whether it contains Korean (then it was read through the glossary).
        search_text: the English text that is searched.
        understood_terms: ``"사무실 청소 → office cleaning, janitorial, ..."``
            for each glossary term found (empty for English text).
        unknown_terms: Korean (or other non-Latin) words that were not understood.
        naics_hints: NAICS prefixes the glossary associates with the text
            (soft hints that raise those industries; never filters).
        unmatched_words: words the need typed that no firm in the directory
            uses (typos that could not be corrected, rare words).
        usable: whether the text gives the matcher anything to rank by: a
            word some firm uses, or an industry hint. A need whose text is not
            usable (and that states no NAICS codes) gets an empty shortlist.
        summary: ``"Read as: office cleaning (not understood: '...')"`` for
            Korean text, the start of every reason; empty for English.
    """

    text: str
    korean: bool
    search_text: str
    understood_terms: tuple[str, ...]
    unknown_terms: tuple[str, ...]
    naics_hints: tuple[str, ...]
    unmatched_words: tuple[str, ...]
    usable: bool
    summary: str

    def no_match_reason(self) -> str:
        """Why a need with this text got no firm, in one sentence (for ``no_match`` rows of batch output)."""
        lead = self.summary + ". " if self.summary else ""
        if not self.text or self.usable:
            return lead + "No certified firm matches this need and meets all its requirements."
        if self.korean and not self.search_text:
            if self.unknown_terms:
                return (self.summary + ", so there was nothing to search for; add its terms to a glossary file "
                        "(Matcher(glossary=...), mwbe-match shortlist --glossary).")
            return self.summary + " (places, company names and words such as 업체 or 용역 are not searched)."
        words = ", ".join(f"'{w}'" for w in self.unmatched_words[:5])
        return lead + "No firm in the directory uses any of this need's words" + (f" ({words})." if words else ".")


# --------------------------------------------------------------------------- the matcher


class Matcher:
    """Ranked, explainable shortlists of certified firms for procurement needs.

    Build once, query many times::

        matcher = Matcher(load_directory())
        matcher.shortlist("office cleaning", certifications="WBE", boroughs="Queens")
        matcher.shortlist_many([Need("n1", "plumbing"), Need("n2", naics="5416")])

    Args:
        directory: a normalized directory (:func:`mwbe_match.load_directory`),
            a path any loader accepts, or ``None`` for ``load_directory()``.
            Rows sharing an account number are reduced with
            :func:`mwbe_match.unique_firms`.
        config: ranking settings (:class:`MatchConfig`).
        glossary: how Korean needs are read: a :class:`~mwbe_match.korean.Glossary`,
            or the path(s) of user glossary files (CSV ``korean,english,naics,note``)
            merged over the bundled glossary (:meth:`Glossary.load
            <mwbe_match.korean.Glossary.load>`; a user entry replaces the
            bundled one for the same Korean term). Default: the bundled glossary.

    Raises:
        ValueError: the directory lacks columns the matcher needs (named), or
            a glossary file is malformed (naming the file, line and problem).
    """

    def __init__(self, directory: pd.DataFrame | str | None = None, config: MatchConfig | None = None, *,
                 glossary: Glossary | str | os.PathLike | Sequence[str | os.PathLike] | None = None):
        self.glossary, self.glossary_files = _as_glossary(glossary)
        if directory is None or not isinstance(directory, pd.DataFrame):
            directory = load_directory(directory)
        missing = [c for c in REQUIRED_COLUMNS if c not in directory.columns]
        if missing:
            raise ValueError(
                "the directory lacks column(s) the matcher needs: " + ", ".join(missing)
                + "; pass it through mwbe_match.load_directory() first"
            )
        self.config = config or MatchConfig()
        #: the directory the index was built from (as given, duplicates included)
        self.directory = directory
        firms = unique_firms(directory)
        self._table = _directory_table(firms)
        self.n_firms = self._table.num_rows
        self._build_text_index()
        self._build_industry_model()
        self._build_filters()
        self._build_glossary_phrases()
        self._out = self._table.select(list(_OUTPUT_FIRM_COLUMNS))
        self._out = pa.table([self._out[c].combine_chunks() for c in _OUTPUT_FIRM_COLUMNS]
                             + [_contact_names(self._column("contact_first_name"), self._column("contact_last_name"))],
                             names=list(_OUTPUT_FIRM_COLUMNS) + ["contact_name"])
        self._fuzzy_cache: dict[str, list[tuple[int, float, str]]] = {}
        self._mask_cache: dict[tuple, np.ndarray] = {}
        self._status_cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        self._cert_phrase_cache: dict[tuple[int, int, int], str] = {}
        self._names: NameIndex | None = None

    def match_names(self, names: NameInput, *, threshold: float = DEFAULT_THRESHOLD,
                    name_column: str | None = None) -> pd.DataFrame:
        """Which of these vendors are in this matcher's directory? One row per input row.

        The same as :func:`mwbe_match.match_names` against :attr:`directory`;
        the name index is built on first use and kept for later calls.
        """
        return self._name_index().match(names, threshold=threshold, name_column=name_column)

    def name_candidates(self, names: NameInput, *, k: int = 5, name_column: str | None = None) -> pd.DataFrame:
        """The top ``k`` candidate firms per input name, long form (see :func:`mwbe_match.name_candidates`)."""
        return self._name_index().candidates(names, k=k, name_column=name_column)

    def _name_index(self) -> NameIndex:
        if self._names is None:
            self._names = NameIndex(self.directory, workers=self.config.workers)
        return self._names

    def __repr__(self) -> str:
        return f"Matcher({self.n_firms} firms, {len(self._terms)} terms, {len(self._groups)} industry groups)"

    # ------------------------------------------------------------------ index building

    def _column(self, name: str) -> pa.Array:
        return self._table[name].combine_chunks()

    def _build_text_index(self) -> None:
        cfg = self.config
        n = self.n_firms
        weights = cfg.field_weights()
        # Column by column (to keep peak memory low): distinct raw tokens -> folded word -> stem -> term id.
        raw_ids: dict[str, int] = {}
        raw_folded: list[str] = []
        raw_term: list[int] = []
        raw_count = np.zeros(0, dtype=np.int64)
        term_index: dict[str, int] = {}
        field_matrices: list[sp.csr_matrix] = []
        for f, (fname, cols, _) in enumerate(_FIELDS):
            rows_parts, term_parts = [], []
            for col in cols:
                rows, tokens = tokenize_array(self._column(col))
                if len(tokens) == 0:
                    continue
                distinct = pc.unique(tokens)
                local = np.empty(len(distinct), dtype=np.int64)
                for i, tok in enumerate(distinct.to_pylist()):
                    rid = raw_ids.get(tok)
                    if rid is None:
                        rid = raw_ids[tok] = len(raw_folded)
                        folded = fold(tok)
                        raw_folded.append(folded)
                        raw_term.append(term_index.setdefault(stem(folded), len(term_index))
                                        if is_indexable(folded) else -1)
                    local[i] = rid
                occ = local[np.asarray(pc.index_in(tokens, value_set=distinct), dtype=np.int64)]
                del tokens, distinct
                counts = np.bincount(occ, minlength=len(raw_folded))
                counts[: len(raw_count)] += raw_count
                raw_count = counts
                terms = np.asarray(raw_term, dtype=np.int64)[occ]
                keep = terms >= 0
                rows_parts.append(rows[keep].astype(np.int32))
                term_parts.append(terms[keep].astype(np.int32))
                del occ, terms, keep, rows
            r = np.concatenate(rows_parts) if rows_parts else np.empty(0, np.int32)
            c = np.concatenate(term_parts) if term_parts else np.empty(0, np.int32)
            del rows_parts, term_parts
            field_matrices.append((f, fname, r, c))
        V = len(term_index)
        self._terms = list(term_index)
        self._term_index = term_index

        # BM25F: per-field length-normalized, weighted term frequencies, summed over fields
        tf_total = sp.csr_matrix((n, V), dtype=np.float32)
        bits_total = sp.csr_matrix((n, V), dtype=np.float32)
        for f, fname, r, c in field_matrices:
            tf = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(n, V))
            tf.sum_duplicates()
            lengths = np.bincount(r, minlength=n).astype(np.float64)
            avg = lengths[lengths > 0].mean() if (lengths > 0).any() else 1.0
            b = cfg.name_b if fname == "name" else cfg.b
            norm = (1.0 - b) + b * lengths / avg
            scale = weights[fname] / np.where(norm > 0, norm, 1.0)
            tf.data *= np.repeat(scale, np.diff(tf.indptr)).astype(np.float32)
            tf_total = tf_total + tf
            tf.data[:] = float(1 << f)
            bits_total = bits_total + tf
            del tf
        del field_matrices
        tf_total.sum_duplicates()
        bits_total.sum_duplicates()
        tf_total.sort_indices()
        bits_total.sort_indices()
        df = np.bincount(tf_total.indices, minlength=V).astype(np.float64)
        self._df = df
        self._idf = np.log1p((n - df + 0.5) / (df + 0.5))
        sat = tf_total.data / (tf_total.data + np.float32(cfg.k1))
        weights_data = (self._idf[tf_total.indices] * sat).astype(np.float32)
        self._W = sp.csr_matrix((weights_data, tf_total.indices, tf_total.indptr), shape=(n, V))
        # which fields each (firm, term) occurs in, as bits (same sparsity as _W; for explanations)
        self._field_bits = sp.csr_matrix((bits_total.data.astype(np.uint8), self._W.indices, self._W.indptr),
                                         shape=(n, V))
        del tf_total, bits_total, sat
        self._Wt = self._W.T.tocsr()

        # the directory's most frequent spelling of each term (for explanations and typo correction)
        token_term = np.asarray(raw_term, dtype=np.int64)
        order = np.lexsort((-raw_count, token_term))
        surface = [""] * V
        seen = np.zeros(V, dtype=bool)
        for i in order.tolist():
            t = token_term[i]
            if t >= 0 and not seen[t]:
                seen[t] = True
                surface[t] = raw_folded[i]
        self._surface = surface
        vocab: dict[str, int] = {}
        for tok, t in zip(raw_folded, raw_term):
            if t >= 0 and len(tok) >= 3 and tok.isalpha():
                vocab.setdefault(tok, t)
        self._fuzzy_words = list(vocab)
        self._fuzzy_terms = np.fromiter(vocab.values(), dtype=np.int64, count=len(vocab))
        self._token_term = dict(zip(raw_folded, raw_term))

    def _build_industry_model(self) -> None:
        cfg = self.config
        naics = self._column("naics_code")
        group_codes = pc.utf8_slice_codeunits(naics, 0, 4)
        groups = pc.unique(group_codes.drop_null()).sort().to_pylist() if naics.null_count < len(naics) else []
        self._groups = groups
        G = len(groups)
        gidx = _positions(group_codes, groups)
        self._firm_group = gidx
        n, V = self._W.shape
        has = gidx >= 0
        sizes = np.bincount(gidx[has], minlength=G).astype(np.float64)
        self._group_size = sizes
        self._group_prefix = {L: np.array([int(g[:L]) for g in groups], dtype=np.int64) for L in (2, 3, 4)}
        if G == 0:
            self._nb = sp.csr_matrix((V, 0), dtype=np.float64)
            self._nb_const = np.zeros(0)
            return
        # firm -> group membership; counts of firms per (group, term)
        M = sp.csr_matrix((np.ones(has.sum()), (gidx[has], np.flatnonzero(has))), shape=(G, n))
        B = self._W.copy()
        B.data[:] = 1.0
        C = (M @ B).tocsr()
        alpha = cfg.nb_alpha
        totals = np.asarray(C.sum(axis=1)).ravel()
        L = C.copy()
        L.data = np.log1p(L.data / alpha)
        self._nb = L.T.tocsr()  # V x G
        prior = np.log((sizes + 1.0) / (sizes.sum() + G))
        self._nb_per_term = math.log(alpha) - np.log(totals + alpha * V)  # added once per query word
        self._nb_const = prior

    def _build_filters(self) -> None:
        n = self.n_firms
        certs = self._column("certifications")
        dates = self._column("certification_renewal_dates")
        flat_certs = certs.flatten()
        parents = np.asarray(pc.list_parent_indices(certs), dtype=np.int64)
        cert_code = _positions(flat_certs, CERTIFICATION_TYPES)
        # renewal date of each certification (parallel lists; missing dates -> _NO_DATE)
        n_certs = np.asarray(pc.list_value_length(certs).fill_null(0), dtype=np.int64)
        n_dates = np.asarray(pc.list_value_length(dates).fill_null(0), dtype=np.int64)
        date_flat = np.asarray(pc.cast(dates.flatten(), pa.int32()).fill_null(np.iinfo(np.int32).min), dtype=np.int64)
        date_flat = np.where(date_flat == np.iinfo(np.int32).min, _NO_DATE, date_flat)
        cert_offsets = np.concatenate([[0], np.cumsum(n_certs)])
        date_offsets = np.concatenate([[0], np.cumsum(n_dates)])
        pos_in_row = np.arange(len(parents)) - cert_offsets[parents]
        has_date = pos_in_row < n_dates[parents]
        renewal = np.full(len(parents), _NO_DATE, dtype=np.int64)
        renewal[has_date] = date_flat[date_offsets[parents[has_date]] + pos_in_row[has_date]]
        T = len(CERTIFICATION_TYPES)
        self._cert_held = np.zeros((n, T), dtype=bool)
        self._cert_renewal = np.full((n, T), _NO_DATE, dtype=np.int64)
        known = cert_code >= 0
        self._cert_held[parents[known], cert_code[known]] = True
        np.maximum.at(self._cert_renewal, (parents[known], cert_code[known]), renewal[known])
        # earliest renewal over the certifications a firm holds (a missing date makes it _NO_DATE)
        held_renewal = np.where(self._cert_held, self._cert_renewal, np.iinfo(np.int64).max)
        earliest = held_renewal.min(axis=1)
        earliest[~self._cert_held.any(axis=1)] = _NO_DATE
        self._all_certs_renewal = earliest

        def codes(col: str, values: Sequence[str]) -> np.ndarray:
            return _positions(self._column(col), values)

        self._ethnicity = codes("ethnicity", ETHNICITIES)
        self._borough = codes("borough", BOROUGHS)
        state = self._column("state")
        self._state_values = pc.unique(state.drop_null()).to_pylist()
        self._state = codes("state", self._state_values)

        def floats(col: str) -> np.ndarray:
            return np.asarray(pc.cast(self._column(col), pa.float64()).fill_null(np.nan), dtype=np.float64)

        lat, lon = floats("latitude"), floats("longitude")
        self._lat = np.radians(lat)
        self._lon = np.radians(lon)
        self._bonding = floats("bonding_limit")
        self._largest = floats("largest_contract_value")
        self._union = np.asarray(pc.is_valid(self._column("union_signatory")), dtype=bool)
        passport = self._column("passport_enrolled")
        self._passport_true = np.asarray(passport.fill_null(False), dtype=bool)
        self._passport_false = np.asarray(pc.invert(passport).fill_null(False), dtype=bool)
        established = pc.cast(self._column("established"), pa.int32()).fill_null(np.iinfo(np.int32).max)
        self._established = np.asarray(established, dtype=np.int64)
        naics = self._column("naics_code")
        self._naics_prefix = {}
        for L in (2, 3, 4, 5, 6):
            prefix = pc.utf8_slice_codeunits(naics, 0, L)
            ok = pc.match_substring_regex(prefix, r"^\d+$").fill_null(False)
            digits = pc.if_else(ok, prefix, pa.scalar("-1"))
            self._naics_prefix[L] = np.asarray(pc.cast(digits.fill_null("-1"), pa.int64()), dtype=np.int64)
        accounts = self._column("account_number")
        self._accounts = accounts.to_pylist()
        self._account_pos = {a: i for i, a in enumerate(self._accounts) if a is not None}
        # tie-break order: account number ascending (missing last)
        order = np.asarray(pc.sort_indices(accounts.fill_null("\U0010ffff")), dtype=np.int64)
        self._tiebreak = np.empty(n, dtype=np.int64)
        self._tiebreak[order] = np.arange(n)
        self._naics_codes = naics.to_pylist()
        self._naics_titles = self._column("naics_title").to_pylist()
        self._cert_lists = certs.to_pylist()

    def _build_glossary_phrases(self) -> None:
        """English phrases of glossary entries (as stems) -> their NAICS prefixes, for English needs' hints.

        Two kinds of phrase are left out because they would point every need
        that uses a common word at one industry: a phrase that loses a word to
        the stopword list ("IT services" would become "services"), and a
        one-word phrase whose word appears in more than :data:`_GENERIC_SHARE`
        of the directory's firms ("service", "management").
        """
        common = self._df > _GENERIC_SHARE * max(self.n_firms, 1)
        phrases: dict[tuple[str, ...], dict[str, None]] = {}
        for entry in self.glossary.entries():
            if not entry.naics:
                continue
            for phrase in entry.english:
                key = tuple(analyze(phrase))
                if not key or len(key) < len(tokenize(phrase)):
                    continue
                term = self._term_index.get(key[0]) if len(key) == 1 else None
                if term is not None and term >= 0 and common[term]:
                    continue
                phrases.setdefault(key, {}).update(dict.fromkeys(entry.naics))
        self._glossary_phrases = {k: tuple(v) for k, v in phrases.items()}
        self._glossary_phrase_max = max(map(len, phrases), default=0)

    def _english_hints(self, text: str) -> tuple[str, ...]:
        """NAICS prefixes of the glossary entries whose English phrases the text contains (longest first)."""
        stems = analyze(text)
        found: dict[str, None] = {}
        i = 0
        while i < len(stems):
            for size in range(min(self._glossary_phrase_max, len(stems) - i), 0, -1):
                prefixes = self._glossary_phrases.get(tuple(stems[i:i + size]))
                if prefixes is not None:
                    found.update(dict.fromkeys(prefixes))
                    i += size
                    break
            else:
                i += 1
        return tuple(found)

    # ------------------------------------------------------------------ queries

    def _prepare_query(self, text: str) -> QueryTerms:
        """Turn a need's text into weighted index terms (with typo correction) and hints."""
        return self._prepare_queries([text])[0]

    def _prepare_queries(self, texts: Sequence[str]) -> list[QueryTerms]:
        """:meth:`_prepare_query` for many texts; unknown words are corrected in one batch."""
        queries, layouts = [], []
        for text in texts:
            query, layout = self._read_text(text)
            queries.append(query)
            layouts.append(layout)
        unknown = {tok.word for layout in layouts for tok in layout
                   if tok.correctable and is_indexable(tok.word) and self._lookup(tok.word) is None}
        self._correct_many(unknown)
        for query, layout in zip(queries, layouts):
            self._fill_terms(query, layout)
        return queries

    def _read_text(self, text: str) -> tuple[QueryTerms, list[_Token]]:
        """A need's text as English words to search for, with NAICS hints.

        English text is searched as written (every word correctable); its
        phrases that are glossary English terms give NAICS hints. Text with
        Hangul is read through the glossary: each understood term searches its
        main English phrase (weight 1) and its further phrases
        (``synonym_weight``), all standing for one thing (one coverage slot
        per word of the main phrase); Latin words the user typed are searched
        (and corrected) as written.
        """
        if not text:
            return QueryTerms(text=text, english=""), []
        if not contains_hangul(text):
            layout = [_Token(w, 1.0, i, i, True) for i, w in enumerate(tokenize(text))]
            hints = self._english_hints(text) if self.config.english_hint_weight > 0 else ()
            return QueryTerms(text=text, english=text, naics_hints=hints), layout
        reading = self.glossary.expand(text)
        layout: list[_Token] = []
        position = 0
        for found, phrases in reading.terms:
            typed = phrases[0] == found and not contains_hangul(found)
            first = position
            for k, phrase in enumerate(phrases):
                for j, word in enumerate(tokenize(phrase)):
                    slot = first + j if k == 0 else first
                    layout.append(_Token(word, 1.0 if k == 0 else self.config.synonym_weight, position, slot,
                                         typed and k == 0))
                    position += 1
                position += 1  # phrases are not adjacent (explanations join adjacent words)
        understood = tuple(f"{found} → {gloss.replace('; ', ', ')}" for found, gloss in reading.understood)
        read_as = tuple(dict.fromkeys(phrases[0] for _, phrases in reading.terms))
        query = QueryTerms(text=text, english=reading.english_text, naics_hints=reading.naics_prefixes,
                           korean=True, understood=understood, unreadable=reading.unknown, read_as=read_as)
        return query, layout

    def _lookup(self, token: str) -> int | None:
        t = self._token_term.get(token)
        if t is None:
            t = self._term_index.get(stem(token))
        return t if t is not None and t >= 0 else None

    def _fill_terms(self, query: QueryTerms, layout: list[_Token]) -> None:
        """Look the words up (a typed word not in the index: its corrections); each index term once.

        A term searched several times keeps its heaviest, then first, occurrence.
        """
        found: dict[int, QueryTerm] = {}
        for tok in sorted(layout, key=lambda t: (-t.weight, t.position)):
            if not is_indexable(tok.word):
                continue
            t = self._lookup(tok.word)
            if t is not None:
                if t not in found:
                    found[t] = QueryTerm(tok.word, t, tok.weight, tok.position, slot=tok.slot)
                continue
            if not tok.correctable:
                continue  # a glossary synonym no firm uses
            corrections = self._fuzzy_cache.get(tok.word) or []
            if not corrections and tok.word not in query.unknown:
                query.unknown.append(tok.word)
            for term, score, word in corrections:
                if term not in found:
                    found[term] = QueryTerm(tok.word, term, tok.weight * score / 100.0, tok.position,
                                            corrected_to=word, slot=tok.slot)
        query.terms = sorted(found.values(), key=lambda t: t.position)

    def _correct_many(self, tokens: Iterable[str]) -> None:
        """Find directory words close to unknown query words (one ``process.cdist`` call) into the cache.

        The cache maps a word to ``[(term, similarity, directory word)]``:
        best similarity first, then the more common word, at most
        ``fuzzy_limit`` terms.
        """
        cfg = self.config
        todo = sorted(t for t in tokens if t not in self._fuzzy_cache)
        if not todo:
            return
        if len(self._fuzzy_cache) > 100_000:
            self._fuzzy_cache.clear()
        eligible = [t for t in todo if len(t) >= cfg.fuzzy_min_length and t.isalpha()]
        for t in todo:
            self._fuzzy_cache[t] = []
        if not eligible or cfg.fuzzy_limit == 0 or not self._fuzzy_words:
            return
        scores = process.cdist(eligible, self._fuzzy_words, scorer=fuzz.ratio, score_cutoff=cfg.fuzzy_cutoff,
                               dtype=np.uint8, workers=cfg.workers)
        rows, cols = np.nonzero(scores)
        if len(rows) == 0:
            return
        sim = scores[rows, cols].astype(np.int64)
        terms = self._fuzzy_terms[cols]
        # per word: best similarity first, then the more common term, then the word itself
        order = np.lexsort((cols, -self._df[terms], -sim, rows))
        for r, t, score in zip(rows[order].tolist(), terms[order].tolist(), sim[order].tolist()):
            out = self._fuzzy_cache[eligible[r]]
            if len(out) < cfg.fuzzy_limit and all(t != have for have, _, _ in out):
                out.append((t, float(score), self._surface[t]))

    def _requirement_mask(self, need: Need, as_of: _dt.date) -> np.ndarray | None:
        """Boolean mask of firms meeting every hard requirement (None when there are none)."""
        req = need.requirements
        if not req:
            return None
        key = tuple(sorted((k, v) for k, v in req.items())) + ((as_of,) if "min_years_in_business" in req else ())
        cached = self._mask_cache.get(key)
        if cached is not None:
            return cached
        mask = np.ones(self.n_firms, dtype=bool)
        for _, step in self._requirement_steps(need, as_of):
            mask &= step
        if len(self._mask_cache) > 256:
            self._mask_cache.clear()
        self._mask_cache[key] = mask
        return mask

    def _requirement_steps(self, need: Need, as_of: _dt.date) -> list[tuple[str, np.ndarray]]:
        """``(requirement, mask of the firms meeting it)`` for each hard requirement, in the order applied."""
        n = self.n_firms
        steps: list[tuple[str, np.ndarray]] = []
        if need.naics:
            ok = np.zeros(n, dtype=bool)
            for code in need.naics:
                ok |= self._naics_prefix[len(code)] == int(code)
            steps.append(("naics", ok))
        cols = [CERTIFICATION_TYPES.index(c) for c in need.certifications]
        if cols:
            steps.append(("certifications", self._cert_held[:, cols].any(axis=1)))
        if need.certified_through is not None:
            day = (need.certified_through - _dt.date(1970, 1, 1)).days
            if cols:
                # at least one of the requested certifications must still be valid on the date
                steps.append(("certified_through",
                              (self._cert_held[:, cols] & (self._cert_renewal[:, cols] >= day)).any(axis=1)))
            else:  # every certification the firm holds
                steps.append(("certified_through", self._all_certs_renewal >= day))
        if need.ethnicity:
            steps.append(("ethnicity", np.isin(self._ethnicity, [ETHNICITIES.index(e) for e in need.ethnicity])))
        if need.boroughs:
            steps.append(("boroughs", np.isin(self._borough, [BOROUGHS.index(b) for b in need.boroughs])))
        if need.states:
            wanted = [self._state_values.index(s) for s in need.states if s in self._state_values]
            steps.append(("states", np.isin(self._state, wanted)))
        if need.near is not None:
            steps.append(("near", self._within(need.near.latitude, need.near.longitude, need.near.radius_miles)))
        if need.min_bonding is not None:
            steps.append(("min_bonding", self._bonding >= need.min_bonding))  # NaN (no stated limit) fails
        if need.min_contract_value is not None:
            steps.append(("min_contract_value", self._largest >= need.min_contract_value))
        if need.union_signatory is not None:
            steps.append(("union_signatory", self._union if need.union_signatory else ~self._union))
        if need.passport_enrolled is not None:
            steps.append(("passport_enrolled",
                          self._passport_true if need.passport_enrolled else self._passport_false))
        if need.min_years_in_business is not None:
            steps.append(("min_years_in_business",
                          self._established <= _years_before(as_of, need.min_years_in_business)))
        if need.exclude:
            ok = np.ones(n, dtype=bool)
            ok[[self._account_pos[a] for a in need.exclude if a in self._account_pos]] = False
            steps.append(("exclude", ok))
        return steps

    def _certification_arrays(self, as_of: _dt.date, certifications: tuple[str, ...]) \
            -> tuple[np.ndarray, np.ndarray]:
        """Per firm, on ``as_of``: the status code (index in CERTIFICATION_STATUSES) and certified-through day.

        Judged on ``certifications`` (every certification when empty), with
        :func:`mwbe_match.certification.certification_status`; a firm lapsed
        in every certification it holds is lapsed whatever is asked (an
        undated requested certification does not make it ``unknown``).
        Computed once per (date, window, certifications) and kept.
        """
        window = self.config.expiring_within_days
        key = (as_of, window, certifications)
        cached = self._status_cache.get(key)
        if cached is None:
            judged = certification_status(self._table, as_of, expiring_within_days=window,
                                          certifications=certifications or None)
            codes = _positions(pa.array(judged["certification_status"], pa.string()), CERTIFICATION_STATUSES)
            through = pc.cast(pa.array(judged["certified_through"], pa.date32()), pa.int32())
            through = np.asarray(through.fill_null(np.iinfo(np.int32).min), dtype=np.int64)
            through[through == np.iinfo(np.int32).min] = _NO_DATE
            if certifications:
                firm_codes, firm_through = self._certification_arrays(as_of, ())
                lapsed = firm_codes == _LAPSED
                codes = np.where(lapsed, _LAPSED, codes)
                through = np.where(lapsed, firm_through, through)
            if len(self._status_cache) > 64:
                self._status_cache.clear()
            cached = self._status_cache[key] = (codes.astype(np.int8), through)
        return cached

    def _within(self, lat: float, lon: float, radius_miles: float) -> np.ndarray:
        """Firms within ``radius_miles`` (haversine); firms without coordinates are outside."""
        phi, lam = math.radians(lat), math.radians(lon)
        with np.errstate(invalid="ignore"):
            h = (np.sin((self._lat - phi) / 2) ** 2
                 + math.cos(phi) * np.cos(self._lat) * np.sin((self._lon - lam) / 2) ** 2)
            dist = 2 * _EARTH_RADIUS_MILES * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
        return np.nan_to_num(dist, nan=np.inf) <= radius_miles

    def _miles(self, d: int, near: Any) -> float:
        """Great-circle miles from firm ``d`` to the need's job site (the distance ``_within`` tests)."""
        phi, lam = math.radians(near.latitude), math.radians(near.longitude)
        h = (math.sin((self._lat[d] - phi) / 2) ** 2
             + math.cos(phi) * math.cos(self._lat[d]) * math.sin((self._lon[d] - lam) / 2) ** 2)
        return 2 * _EARTH_RADIUS_MILES * math.asin(math.sqrt(min(h, 1.0)))

    # ------------------------------------------------------------------ public API

    def read(self, text: str) -> NeedReading:
        """How the matcher reads a need's text: the Korean terms understood, the words it cannot use.

        ``Matcher.read("맨해튼 사무실 청소 블라블라")`` shows ``사무실 청소 →
        office cleaning, ...`` understood and ``블라블라`` unknown; an empty
        shortlist for a need whose text is not :attr:`~NeedReading.usable`
        is explained by :meth:`NeedReading.no_match_reason`.
        """
        if not isinstance(text, str):
            raise TypeError(f"read() takes the need's text, not {type(text).__name__}")
        text = " ".join(text.split())
        query = self._prepare_queries([text])[0]
        return NeedReading(
            text=text, korean=query.korean, search_text=query.english, understood_terms=query.understood,
            unknown_terms=query.unreadable, naics_hints=query.naics_hints, unmatched_words=tuple(query.unknown),
            usable=not query.empty, summary=query.summary(),
        )

    def shortlist(self, need_or_text: Need | str, top: int = 10, **requirements: Any) -> pd.DataFrame:
        """The best ``top`` firms for one need, best first.

        Args:
            need_or_text: a :class:`~mwbe_match.Need`, or the need's text
                (its ``need_id`` is then ``"need"``).
            top: at most this many rows (fewer when fewer firms qualify).
            **requirements: fields of :class:`~mwbe_match.Need` (e.g.
                ``certifications="WBE", boroughs=["Queens"]``); with a Need
                they replace its fields.

        Returns:
            A frame with :data:`SHORTLIST_COLUMNS`; empty (same columns and
            dtypes) when no firm qualifies.

        Raises:
            NeedError: invalid need or requirement.
            ValueError: ``top`` < 1.
            TypeError: a keyword is a :class:`MatchConfig` setting (``as_of``,
                ``include_lapsed``, ``min_score``, ...), not a requirement.
        """
        settings = [k for k in requirements if k in _CONFIG_FIELDS]
        if settings:
            raise TypeError(f"{', '.join(settings)} is a MatchConfig setting, not a requirement of the need: "
                            f"Matcher(directory, MatchConfig({settings[0]}=...))")
        if isinstance(need_or_text, Need):
            need = dataclasses.replace(need_or_text, **requirements) if requirements else need_or_text
        elif isinstance(need_or_text, str):
            need = Need(requirements.pop("need_id", "need"), need_or_text, **requirements)
        else:
            raise TypeError(f"shortlist() takes a Need or a string, not {type(need_or_text).__name__}")
        return self.shortlist_many([need], top=top)

    def shortlist_many(self, needs: Iterable[Need | str] | pd.DataFrame, top: int = 10) -> pd.DataFrame:
        """Shortlists for many needs at once, in long form (the needs in input order, each best first).

        Text scores for all needs come from one sparse matrix product; the
        rest is array arithmetic over the batch.

        Args:
            needs: :class:`~mwbe_match.Need` objects or plain texts (a text's
                ``need_id`` is its 1-based position, ``"1"``, ``"2"``, ...;
                the two may be mixed), or a DataFrame with one need per row
                (parsed with :meth:`Need.from_mapping`; a row without
                ``need_id`` gets its 1-based row number).
            top: at most this many rows per need.

        Returns:
            A frame with :data:`SHORTLIST_COLUMNS`.

        Raises:
            NeedError: a row or item is not a valid need (the message names the row).
            ValueError: ``top`` < 1.
        """
        top = _check_top(top)
        need_list = _as_needs(needs)
        if not need_list or self.n_firms == 0:
            return _empty_frame()
        as_of = self.config.as_of or _dt.date.today()
        chunk = max(1, min(512, int(2e6 // max(self.n_firms, 1))))
        parts = []
        for start in range(0, len(need_list), chunk):
            parts.append(self._rank_chunk(need_list[start:start + chunk], top, as_of))
        tables = [t for t in parts if t.num_rows]
        if not tables:
            return _empty_frame()
        table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
        return _frame(table)

    def funnel(self, needs: Iterable[Need | str] | pd.DataFrame | Need | str) -> pd.DataFrame:
        """How each need's candidates were narrowed: which requirement removed how many firms.

        The firms that fit a need's text (and for a NAICS-only need, every
        firm) are its ``candidates``; each hard requirement is then applied in
        turn (``naics``, ``certifications``, ``certified_through``,
        ``lapsed`` — the default exclusion of firms whose certification
        lapsed before ``as_of`` —, ``ethnicity``, ``boroughs``, ``states``,
        ``near``, ``min_bonding``, ``min_contract_value``,
        ``union_signatory``, ``passport_enrolled``,
        ``min_years_in_business``, ``exclude``, then ``min_score``), counting
        the candidates it removes that the earlier ones kept.

        Args:
            needs: as for :meth:`shortlist_many`, or one need or text.

        Returns:
            One row per need, in input order (:data:`FUNNEL_SCHEMA`):
            ``need_id``; ``candidates`` (int64); ``eliminated_by``
            (map<string, int64>: requirement -> candidates it removed, in
            the order applied, every applied requirement listed);
            ``remaining`` (int64: firms that meet every requirement, the
            need's supplier depth; a shortlist shows the best ``top`` of
            them); ``reasons`` (for a need with no firm left, which
            requirement eliminated how many candidates, e.g. "11 firms fit
            the text and NAICS; 10 of them are not certified through
            2027-06-30; the remaining one is outside Queens."; else how many
            firms qualify).
        """
        if isinstance(needs, (Need, str)):
            needs = [needs]
        need_list = _as_needs(needs)
        rows: list[dict[str, Any]] = []
        if need_list and self.n_firms:
            as_of = self.config.as_of or _dt.date.today()
            chunk = max(1, min(512, int(2e6 // max(self.n_firms, 1))))
            for start in range(0, len(need_list), chunk):
                self._rank_chunk(need_list[start:start + chunk], 1, as_of, funnel=rows)
        else:
            for need in need_list:
                rows.append({"need_id": need.need_id, "candidates": 0, "eliminated_by": [], "remaining": 0,
                             "reasons": "The directory has no firms."})
        return pa.table({
            "need_id": pa.array([r["need_id"] for r in rows], pa.string()),
            "candidates": pa.array([r["candidates"] for r in rows], pa.int64()),
            "eliminated_by": pa.array([r["eliminated_by"] for r in rows], _ELIMINATED_BY),
            "remaining": pa.array([r["remaining"] for r in rows], pa.int64()),
            "reasons": pa.array([r["reasons"] for r in rows], pa.string()),
        }, schema=FUNNEL_SCHEMA).to_pandas(types_mapper=pd.ArrowDtype)

    # ------------------------------------------------------------------ batch ranking

    def _rank_chunk(self, needs: list[Need], top: int, as_of: _dt.date,
                    funnel: list[dict[str, Any]] | None = None) -> pa.Table:
        cfg = self.config
        m, n = len(needs), self.n_firms
        G = len(self._groups)
        queries = self._prepare_queries([need.text for need in needs])

        # query matrix (m x V) and the idf mass of each query (coverage denominator)
        rows, cols, vals = [], [], []
        denom = np.zeros(m)
        for i, q in enumerate(queries):
            best_at: dict[int, float] = {}
            for term in q.terms:
                rows.append(i)
                cols.append(term.term)
                vals.append(term.weight)
                slot = term.slot if term.slot >= 0 else term.position
                best_at[slot] = max(best_at.get(slot, 0.0), self._idf[term.term] * term.weight)
            denom[i] = sum(best_at.values())
        V = len(self._terms)
        Q = sp.csr_matrix((np.asarray(vals, dtype=np.float32),
                           (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))), shape=(m, V))
        has_text = np.array([bool(q.terms) for q in queries])
        text = np.asarray((Q @ self._Wt).todense(), dtype=np.float64) if has_text.any() else np.zeros((m, n))
        coverage = np.minimum(text / np.where(denom > 0, denom, 1.0)[:, None], 1.0)

        # industry probabilities (m x G): naive Bayes over words + feedback from the best text hits
        industry = np.zeros((m, G))
        if G and has_text.any():
            logits = np.asarray((Q @ self._nb).todense(), dtype=np.float64)
            nterms = np.asarray(Q.sum(axis=1)).ravel()
            logits += self._nb_const[None, :] + nterms[:, None] * self._nb_per_term[None, :]
            logits /= np.maximum(1.0, np.sqrt(nterms))[:, None]
            logits -= logits.max(axis=1, keepdims=True)
            nb = np.exp(logits)
            nb /= nb.sum(axis=1, keepdims=True)
            if not cfg.word_industry_model:
                nb[:] = 0.0
            k = min(cfg.feedback_depth, n)
            if k > 0:
                top_idx = np.argpartition(-text, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (m, 1))
                top_scores = np.take_along_axis(coverage, top_idx, axis=1)
                top_groups = self._firm_group[top_idx]
                prf = np.zeros((m, G))
                valid = top_groups >= 0
                np.add.at(prf, (np.nonzero(valid)[0], top_groups[valid]), top_scores[valid])
                totals = prf.sum(axis=1, keepdims=True)
                prf = np.divide(prf, totals, out=np.zeros_like(prf), where=totals > 0)
                mix = 0.5 if cfg.word_industry_model else 1.0
                industry = np.where(totals > 0, (1 - mix) * nb + mix * prf, nb)
            else:
                industry = nb
            industry[~has_text] = 0.0
        for i, q in enumerate(queries):
            share = cfg.hint_weight if q.korean else cfg.english_hint_weight
            if q.naics_hints and G and share > 0:
                hint = self._groups_matching(q.naics_hints)
                if hint.any():
                    hint /= hint.sum()
                    industry[i] = (1 - share) * industry[i] + share * hint if q.terms else hint

        firm_industry = industry[:, self._firm_group] if G else np.zeros((m, n))
        if G:
            firm_industry[:, self._firm_group < 0] = 0.0

        # stated NAICS codes: level per firm (0 none .. 4 exact) and industry credit
        stated_level = np.zeros((m, n), dtype=np.int8)
        for i, need in enumerate(needs):
            if need.naics:
                stated_level[i] = self._stated_levels(need.naics)
        stated_credit = stated_level >= 3  # matches a stated code of 4+ digits
        ind_evidence = np.where(stated_credit, 1.0, firm_industry)

        w = cfg.industry_weight
        score = 100.0 * ((1.0 - w) * coverage + w * ind_evidence)
        naics_only = np.array([not need.text for need in needs])
        if naics_only.any():
            level_score = np.array([0.0, 40.0, 60.0, 80.0, 100.0])
            score[naics_only] = level_score[stated_level[naics_only]]

        # who qualifies: hard requirements, plus evidence for text needs
        eligible = np.ones((m, n), dtype=bool)
        for i, need in enumerate(needs):
            mask = self._requirement_mask(need, as_of)
            if mask is not None:
                eligible[i] &= mask
        evidence = (text > 0) | (firm_industry >= cfg.industry_threshold) | stated_credit
        evidence[naics_only] = True
        has_hints = np.array([bool(q.naics_hints) for q in queries])
        has_naics = np.array([bool(need.naics) for need in needs])
        evidence[~has_text & ~has_hints & ~has_naics] = False
        eligible &= evidence
        # certification on as_of, judged on the certifications each need asks for (all when none)
        cert_keys = [tuple(sorted(need.certifications)) for need in needs]
        by_key: dict[tuple[str, ...], list[int]] = {}
        for i, key in enumerate(cert_keys):
            by_key.setdefault(key, []).append(i)
        status_arrays = {key: self._certification_arrays(as_of, key) for key in by_key}
        if not cfg.include_lapsed:
            for key, rows_of in by_key.items():
                eligible[rows_of] &= status_arrays[key][0][None, :] != _LAPSED

        score = np.round(score, 2)
        if cfg.min_score > 0:
            eligible &= score >= cfg.min_score
        if funnel is not None:
            funnel.extend(self._funnel_rows(needs, queries, as_of, evidence, score, status_arrays, cert_keys))
            return _empty_table()
        key = np.where(eligible, np.rint(score * 100).astype(np.int64) * (n + 1) + (n - self._tiebreak)[None, :], -1)
        k = min(top, n)
        cand = np.argpartition(-key, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (m, 1))
        cand_key = np.take_along_axis(key, cand, axis=1)
        order = np.argsort(-cand_key, axis=1, kind="stable")
        cand = np.take_along_axis(cand, order, axis=1)
        cand_key = np.take_along_axis(cand_key, order, axis=1)

        need_pos, slot = np.nonzero(cand_key >= 0)
        firms = cand[need_pos, slot]
        if len(firms) == 0:
            return _empty_table()
        ranks = slot + 1
        scores = score[need_pos, firms]
        status = np.empty(len(firms), dtype=np.int8)
        through = np.empty(len(firms), dtype=np.int64)
        row_key = np.empty(m, dtype=np.int64)
        for k, (key, rows_of) in enumerate(by_key.items()):
            row_key[rows_of] = k
        for k, key in enumerate(by_key):
            sel = row_key[need_pos] == k
            status[sel] = status_arrays[key][0][firms[sel]]
            through[sel] = status_arrays[key][1][firms[sel]]
        matched, levels, reasons = self._explain(needs, queries, Q, need_pos, firms, stated_level,
                                                 firm_industry, industry, status, through, as_of)
        out = self._out.take(pa.array(firms, pa.int64()))
        through_dates = pa.array(np.where(through == _NO_DATE, 0, through).astype(np.int32), pa.int32(),
                                 mask=through == _NO_DATE).cast(pa.date32())
        columns = {
            "certification_status": pa.array(np.asarray(CERTIFICATION_STATUSES, dtype=object)[status], pa.string()),
            "certified_through": through_dates,
            "as_of": pa.array([as_of] * len(firms), pa.date32()),
            "need_id": pa.array([needs[i].need_id for i in need_pos.tolist()], pa.string()),
            "rank": pa.array(ranks, pa.int64()),
            "score": pa.array(scores, pa.float64()),
            "matched_terms": pa.array(matched, pa.list_(pa.string())),
            "naics_match": pa.array(levels, pa.string()),
            "reasons": pa.array(reasons, pa.string()),
            "understood_terms": pa.array([list(queries[i].understood) for i in need_pos.tolist()],
                                         pa.list_(pa.string())),
            "unknown_terms": pa.array([list(queries[i].unreadable) for i in need_pos.tolist()],
                                      pa.list_(pa.string())),
        }
        arrays = [columns[c] if c in columns else out.column(c) for c in SHORTLIST_COLUMNS]
        return pa.Table.from_arrays(arrays, schema=SHORTLIST_SCHEMA)

    def _funnel_rows(self, needs: list[Need], queries: list[QueryTerms], as_of: _dt.date, evidence: np.ndarray,
                     score: np.ndarray, status_arrays: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]],
                     cert_keys: list[tuple[str, ...]]) -> list[dict[str, Any]]:
        """:meth:`funnel` rows for a chunk: the candidates each requirement removes, in the order applied."""
        cfg = self.config
        rows = []
        for i, need in enumerate(needs):
            steps = self._requirement_steps(need, as_of)
            if not cfg.include_lapsed:
                at = max([k + 1 for k, (name, _) in enumerate(steps)
                          if name in ("naics", "certifications", "certified_through")], default=0)
                steps.insert(at, ("lapsed", status_arrays[cert_keys[i]][0] != _LAPSED))
            if cfg.min_score > 0:
                steps.append(("min_score", score[i] >= cfg.min_score))
            left = evidence[i].copy()
            candidates = int(np.count_nonzero(left))
            removed = []
            for name, mask in steps:
                gone = int(np.count_nonzero(left & ~mask))
                left &= mask
                removed.append((name, gone))
            remaining = int(np.count_nonzero(left))
            rows.append({"need_id": need.need_id, "candidates": candidates, "eliminated_by": removed,
                         "remaining": remaining,
                         "reasons": self._funnel_sentence(need, queries[i], as_of, candidates, removed, remaining)})
        return rows

    def _funnel_sentence(self, need: Need, query: QueryTerms, as_of: _dt.date, candidates: int,
                         removed: list[tuple[str, int]], remaining: int) -> str:
        """ "11 firms fit the text and NAICS; 10 of them are not certified through 2027-06-30; the remaining
        one is outside Queens." """
        summary = query.summary()
        lead = summary + ". " if summary else ""
        if candidates == 0:
            if query.empty and need.text:
                return self.read(need.text).no_match_reason()
            return lead + "No firm in the directory fits this need's text."
        steps = list(removed)
        left = candidates
        if need.naics:
            _, gone = steps.pop(0)
            codes = ", ".join(need.naics)
            if not need.text:
                left = candidates - gone
                clauses = [f"{_firms(left)} {'is' if left == 1 else 'are'} in NAICS {codes}" if left else
                           f"No firm in the directory is in NAICS {codes}"]
            elif gone == candidates:
                return lead + (f"{_firms(candidates)} {'fits' if candidates == 1 else 'fit'} the text, but "
                               f"{'it is' if candidates == 1 else 'none of them is'} in NAICS {codes}.")
            else:
                left = candidates - gone
                clauses = [f"{_firms(left)} {'fits' if left == 1 else 'fit'} the text and NAICS"]
        else:
            clauses = [f"{_firms(left)} {'fits' if left == 1 else 'fit'} the text"]
        first = True
        for name, gone in steps:
            if gone == 0 or left == 0:
                continue
            plural, singular = _requirement_failure(name, need, as_of, self.config)
            if gone == left:
                if first:
                    who = "it " + singular if left == 1 else f"all of them {plural}"
                else:
                    who = "the remaining one " + singular if left == 1 else f"the remaining {left} {plural}"
            else:
                verb = singular if gone == 1 else plural
                who = f"{gone} of them {verb}" if first else f"{gone} of the remaining {left} {verb}"
            clauses.append(who)
            left -= gone
            first = False
        if remaining:
            clauses.append(f"{_firms(remaining)} {'meets' if remaining == 1 else 'meet'} every requirement")
        return lead + "; ".join(clauses) + "."

    def _groups_matching(self, prefixes: Sequence[str]) -> np.ndarray:
        hit = np.zeros(len(self._groups))
        for p in prefixes:
            L = min(len(p), 4)
            hit[self._group_prefix[L] == int(p[:L])] = 1.0
        return hit

    def _stated_levels(self, codes: Sequence[str]) -> np.ndarray:
        """Closeness of each firm to the stated codes: 4 exact, 3 industry, 2 subsector, 1 sector, 0 none.

        A firm in a stated 5-digit code is in its 4-digit industry, so it gets 3 from the 4-digit prefix.
        """
        level = np.zeros(self.n_firms, dtype=np.int8)
        for code in codes:
            for L, value in ((6, 4), (4, 3), (3, 2), (2, 1)):
                if len(code) >= L:
                    hit = self._naics_prefix[L] == int(code[:L])
                    level = np.maximum(level, np.where(hit, value, 0).astype(np.int8))
        return level

    def _naics_level(self, stated: int, d: int, pointed: np.ndarray) -> tuple[str, bool]:
        """``(naics_match, from_stated_codes)``: the closer of the stated-code level and the inferred one."""
        level = ("none", "sector", "subsector", "industry", "exact")[stated]
        g = self._firm_group[d]
        if g < 0 or len(pointed) == 0:
            return level, stated > 0
        if g in pointed:
            inferred = "industry"
        elif (self._group_prefix[3][pointed] == self._group_prefix[3][g]).any():
            inferred = "subsector"
        elif (self._group_prefix[2][pointed] == self._group_prefix[2][g]).any():
            inferred = "sector"
        else:
            inferred = "none"
        if stated > 0 and NAICS_MATCH_LEVELS.index(level) <= NAICS_MATCH_LEVELS.index(inferred):
            return level, True
        return inferred, False

    def _explain(self, needs: list[Need], queries: list[QueryTerms], Q: sp.csr_matrix, need_pos: np.ndarray,
                 firms: np.ndarray, stated_level: np.ndarray, firm_industry: np.ndarray,
                 industry: np.ndarray, status: np.ndarray, through: np.ndarray,
                 as_of: _dt.date) -> tuple[list[list[str]], list[str], list[str]]:
        """``matched_terms``, ``naics_match`` and ``reasons`` for each result row."""
        cfg = self.config
        as_of_day = (as_of - _EPOCH).days
        # matched terms and the fields they were found in: one sparse product for all rows
        Qbin = Q.copy()
        Qbin.data[:] = 1.0
        hits = Qbin[need_pos].multiply(self._field_bits[firms]).tocsr()
        hits.sort_indices()
        by_term = [{t.term: t for t in q.terms} for q in queries]
        pointed = [np.flatnonzero(industry[i] >= cfg.industry_threshold) for i in range(len(needs))]
        per_need = [self._need_phrases(need, q) for need, q in zip(needs, queries)]
        matched, levels, reasons = [], [], []
        for row, (i, d) in enumerate(zip(need_pos.tolist(), firms.tolist())):
            lo, hi = hits.indptr[row], hits.indptr[row + 1]
            terms = [by_term[i][t] for t in hits.indices[lo:hi].tolist()]
            terms.sort(key=lambda t: t.position)
            fields = int(np.bitwise_or.reduce(hits.data[lo:hi].astype(np.int64))) if hi > lo else 0
            stated = int(stated_level[i, d])
            level, from_stated = self._naics_level(stated, d, pointed[i])
            matched.append([t.label for t in terms])
            levels.append(level)
            reason = self._reason(needs[i], per_need[i], d, terms, fields, level, from_stated,
                                  float(firm_industry[i, d]), int(status[row]), int(through[row]), as_of_day)
            reasons.append(reason)
        return matched, levels, reasons

    @staticmethod
    def _need_phrases(need: Need, query: QueryTerms) -> tuple[str, str, str, str]:
        """The parts of a reason that depend only on the need: its reading, requirements met, unknown words.

        The fourth part replaces the second for a firm whose certification
        lapsed (returned with ``include_lapsed``): it never "meets every requirement".
        """
        req = [k for k in need.requirements if k != "naics"]
        met = "meets every requirement (" + ", ".join(_REQ_LABELS.get(k, k) for k in req) + ")" if req else ""
        others = [k for k in req if k not in ("certifications", "certified_through")]
        met_lapsed = ("meets the need's other requirements (" + ", ".join(_REQ_LABELS.get(k, k) for k in others)
                      + ") but its certification is not current") if others else ""
        unknown = ("no firm mentions " + ", ".join(f"'{u}'" for u in query.unknown[:3])) if query.unknown else ""
        summary = query.summary()
        return (summary + ". " if summary else ""), met, unknown, met_lapsed

    def _certification_phrase(self, d: int, as_of_day: int) -> str:
        """Each certification the firm holds, judged on the as-of day (lapsed ones say so, never "through")."""
        window = self.config.expiring_within_days
        key = (d, as_of_day, window)
        cached = self._cert_phrase_cache.get(key)
        if cached is None:
            held = []
            for c in self._cert_lists[d] or []:
                if c not in CERTIFICATION_TYPES:
                    continue
                day = int(self._cert_renewal[d, CERTIFICATION_TYPES.index(c)])
                if day == _NO_DATE:
                    held.append(f"{c} certified (no renewal date is published)")
                elif day < as_of_day:
                    held.append(f"{c} lapsed on {_EPOCH + _dt.timedelta(days=day + 1)}")
                elif day < as_of_day + window:
                    left = day - as_of_day
                    held.append(f"{c} certified through {_EPOCH + _dt.timedelta(days=day)} "
                                f"(renewal due {'today' if left == 0 else f'in {left} day' + ('s' if left > 1 else '')})")
                else:
                    held.append(f"{c} certified through {_EPOCH + _dt.timedelta(days=day)}")
            cached = _join(list(dict.fromkeys(held)))
            if len(self._cert_phrase_cache) > 200_000:
                self._cert_phrase_cache.clear()
            self._cert_phrase_cache[key] = cached
        return cached

    def _reason(self, need: Need, need_parts: tuple[str, str, str, str], d: int, hit: list[QueryTerm], fields: int,
                level: str, stated: bool, industry_p: float, status: int, through: int, as_of_day: int) -> str:
        parts = []
        certs = " or ".join(need.certifications)
        warning = ""
        if status == _LAPSED:
            warning = (f"{certs + ' c' if certs else 'C'}ertification lapsed on "
                       f"{_EPOCH + _dt.timedelta(days=through + 1)}: not certified on "
                       f"{_EPOCH + _dt.timedelta(days=as_of_day)}. ")
        elif status == _UNKNOWN:
            warning = f"No {certs + ' ' if certs else ''}certification renewal date is published: check with SBS. "
        if hit:
            where = [label for f, (_, _, label) in enumerate(_FIELDS) if fields & (1 << f)]
            parts.append("Matches " + ", ".join(_phrases(hit)) + " in " + _join(where))
        code, title = self._naics_codes[d], self._naics_titles[d]
        if code:
            naics = f"NAICS {code}" + (f" {title}" if title else "")
            if stated and level in ("exact", "industry", "subsector", "sector"):
                asked = max((c for c in need.naics if code.startswith(c)), key=len, default=None)
                if level == "exact":
                    parts.append(f"{naics} is the NAICS code asked for")
                elif asked:
                    parts.append(f"{naics} is in {asked}, the NAICS {level} asked for")
            elif level == "industry":
                parts.append(f"{naics} is the industry this need points at ({industry_p:.0%} likely)")
            elif level in ("subsector", "sector"):
                parts.append(f"{naics} is in the same {level} as the industry this need points at")
        parts.append(self._certification_phrase(d, as_of_day))
        if need.near is not None:
            parts.append(f"{self._miles(d, need.near):.1f} miles from {need.near.place}")
        reading, met, unknown, met_lapsed = need_parts
        parts.extend([met_lapsed if status == _LAPSED else met, unknown])
        sentence = "; ".join(p for p in parts if p)
        return reading + warning + ((sentence[:1].upper() + sentence[1:] + ".") if sentence else "")


_CONFIG_FIELDS = frozenset(f.name for f in dataclasses.fields(MatchConfig))

_REQ_LABELS = {
    "certifications": "certification", "ethnicity": "ethnicity", "boroughs": "borough", "states": "state",
    "near": "distance", "min_bonding": "bonding", "min_contract_value": "past contract size",
    "union_signatory": "union signatory", "passport_enrolled": "PASSPort", "certified_through": "certified through",
    "min_years_in_business": "years in business", "exclude": "not excluded",
}


# --------------------------------------------------------------------------- helpers


def _firms(count: int) -> str:
    return f"{count:,} firm" + ("" if count == 1 else "s")


def _requirement_failure(name: str, need: Need, as_of: _dt.date, config: MatchConfig) -> tuple[str, str]:
    """How a firm fails a requirement: (plural, singular) predicates ("are outside Queens", "is outside Queens")."""
    def both(plural: str, singular: str) -> tuple[str, str]:
        return plural, singular

    if name == "naics":
        codes = ", ".join(need.naics)
        return both(f"are not in NAICS {codes}", f"is not in NAICS {codes}")
    if name == "certifications":
        certs = " or ".join(need.certifications)
        return both(f"do not hold {certs} certification", f"does not hold {certs} certification")
    if name == "certified_through":
        return both(f"are not certified through {need.certified_through}",
                    f"is not certified through {need.certified_through}")
    if name == "lapsed":
        what = " ".join(need.certifications) + " " if len(need.certifications) == 1 else ""
        return both(f"are no longer {what}certified on {as_of} (lapsed)",
                    f"is no longer {what}certified on {as_of} (lapsed)")
    if name == "ethnicity":
        values = " or ".join(e.title() for e in need.ethnicity)
        return both(f"are not {values}-owned", f"is not {values}-owned")
    if name == "boroughs":
        places = " and ".join("the Bronx" if b == "BRONX" else b.title() for b in need.boroughs)
        return both(f"are outside {places}", f"is outside {places}")
    if name == "states":
        places = " and ".join(need.states)
        return both(f"are outside {places}", f"is outside {places}")
    if name == "near":
        r = f"{need.near.radius_miles:g} mile" + ("" if need.near.radius_miles == 1 else "s")
        return both(f"are farther than {r} from the job site (or not geocoded)",
                    f"is farther than {r} from the job site (or not geocoded)")
    if name == "min_bonding":
        return both(f"have no bonding limit of ${need.min_bonding:,.0f} or more",
                    f"has no bonding limit of ${need.min_bonding:,.0f} or more")
    if name == "min_contract_value":
        return both(f"have no past contract of ${need.min_contract_value:,.0f} or more",
                    f"has no past contract of ${need.min_contract_value:,.0f} or more")
    if name == "union_signatory":
        return both("are not union signatories", "is not a union signatory") if need.union_signatory else \
            both("are union signatories", "is a union signatory")
    if name == "passport_enrolled":
        return both("are not enrolled in PASSPort", "is not enrolled in PASSPort") if need.passport_enrolled else \
            both("are enrolled in PASSPort", "is enrolled in PASSPort")
    if name == "min_years_in_business":
        y = f"{need.min_years_in_business:g}"
        return both(f"have been in business less than {y} years (or give no date)",
                    f"has been in business less than {y} years (or gives no date)")
    if name == "exclude":
        return both("are excluded by account number", "is excluded by account number")
    if name == "min_score":
        return both(f"score below the minimum score of {config.min_score:g}",
                    f"scores below the minimum score of {config.min_score:g}")
    return both(f"fail {name}", f"fails {name}")  # pragma: no cover - every requirement is named above


def _phrases(hit: list[QueryTerm]) -> list[str]:
    """Matched words, quoted; words adjacent in the need form one phrase ("'office cleaning'")."""
    words: list[list[str]] = []
    prev = None
    for term in sorted(hit, key=lambda t: t.position):
        if term.corrected_to is not None:
            words.append([f"'{term.corrected_to}' (for '{term.surface}')"])
        elif prev is not None and prev.corrected_to is None and term.position == prev.position + 1 and words:
            words[-1].append(term.surface)
        else:
            words.append([term.surface])
        prev = term
    quoted = [w[0] if w[0].startswith("'") else "'" + " ".join(w) + "'" for w in words]
    return list(dict.fromkeys(quoted))


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _contact_names(first: pa.Array, last: pa.Array) -> pa.Array:
    """``"First Last"`` (either part alone when the other is missing; null when both are)."""
    joined = pc.utf8_trim_whitespace(pc.binary_join_element_wise(first.fill_null(""), last.fill_null(""), " "))
    return pc.if_else(pc.equal(joined, ""), pa.nulls(len(joined), pa.string()), joined)


def _years_before(day: _dt.date, years: float) -> int:
    """Days since the epoch of the date ``years`` before ``day``."""
    return int((day - _dt.date(1970, 1, 1)).days - math.ceil(years * 365.2425))


def _positions(values: pa.Array, choices: Sequence[str]) -> np.ndarray:
    """Index of each value in ``choices`` (-1 for null or absent), as int64."""
    found = pc.index_in(values, value_set=pa.array(list(choices), pa.string()))
    return np.asarray(found.fill_null(-1), dtype=np.int64)


def _directory_table(firms: pd.DataFrame) -> pa.Table:
    """The columns the matcher reads, as pyarrow arrays of the directory schema's types."""
    arrays, wrong = [], []
    for c in REQUIRED_COLUMNS:
        expected = DIRECTORY_SCHEMA.field(c).type
        try:
            arrays.append(pa.array(firms[c], type=expected, from_pandas=True))
        except (pa.ArrowException, TypeError, ValueError):
            wrong.append(f"{c} (expected {expected}, got {firms[c].dtype})")
    if wrong:
        raise ValueError(
            "the directory has column(s) of the wrong type: " + ", ".join(wrong)
            + "; pass it through mwbe_match.load_directory() first"
        )
    return pa.table(arrays, names=list(REQUIRED_COLUMNS))


def _as_glossary(glossary: Any) -> tuple[Glossary, tuple[str, ...]]:
    """``(glossary, user glossary files)`` from a Glossary, path(s) merged over the bundled one, or None."""
    if glossary is None:
        return default_glossary(), ()
    if isinstance(glossary, Glossary):
        return glossary, ()
    paths = [glossary] if isinstance(glossary, (str, os.PathLike)) else glossary
    try:
        paths = list(paths)
    except TypeError:
        raise TypeError(f"glossary must be a Glossary or glossary file path(s), not {type(glossary).__name__}") \
            from None
    if not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise TypeError("glossary must be a Glossary or glossary file path(s)")
    return Glossary.load(*paths), tuple(os.fspath(p) for p in paths)


def _check_top(top: Any) -> int:
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)):
        raise ValueError(f"top must be a whole number of at least 1, got {top!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    return int(top)


def _as_needs(needs: Iterable[Need] | pd.DataFrame) -> list[Need]:
    if isinstance(needs, pd.DataFrame):
        out = []
        records = needs.to_dict(orient="records")
        for row_number, row in enumerate(records, start=1):
            try:
                out.append(Need.from_mapping(row, need_id=str(row_number)))
            except NeedError as exc:
                raise exc.located(row=row_number) from None
        return out
    if isinstance(needs, (Need, str)):
        raise TypeError("shortlist_many() takes a list of needs (Need objects or texts) or a DataFrame; "
                        "use shortlist() for one need")
    out = []
    for i, need in enumerate(needs, start=1):
        if isinstance(need, str):
            try:
                need = Need(str(i), need)
            except NeedError as exc:
                raise exc.located(row=i) from None
        elif not isinstance(need, Need):
            raise NeedError("need", f"item {i} is a {type(need).__name__}, not a Need or a text", row=i)
        out.append(need)
    return out


def _empty_table() -> pa.Table:
    return SHORTLIST_SCHEMA.empty_table()


def _frame(table: pa.Table) -> pd.DataFrame:
    """The table as a frame of ``pd.ArrowDtype`` columns (what ``to_pandas(types_mapper=pd.ArrowDtype)``
    gives, built column by column: half the time for a short shortlist of 30 columns)."""
    return pd.DataFrame({name: pd.arrays.ArrowExtensionArray(table.column(i))
                         for i, name in enumerate(table.column_names)}, copy=False)


def _empty_frame() -> pd.DataFrame:
    return _frame(_empty_table())
