"""Supplier verification: which names in a vendor list are NYC-certified firms?

A vendor master typed by hand drops suffixes, abbreviates, swaps ``&`` for
``and`` and lists a DBA instead of the legal name. This module matches such
names against the formal names *and* DBAs of the certified-business directory
and says, row by row, how sure it is and why.

    >>> import mwbe_match
    >>> result = mwbe_match.match_names(["Walton Plumbing and Heating", "Ibenzer Inc"])
    >>> result[["input_name", "account_number", "status", "score", "reasons"]]

How it works (build once, query many times, as :class:`NameIndex`):

1. :func:`normalize_name` reduces a name to a comparison key: case, accents
   and curly quotes, punctuation, ``&``/``+``/``and``, a leading "The",
   legal forms (Inc, LLC, Corp, ...), ``d/b/a`` and common abbreviations
   (Svcs, Mgmt, Intl, ...).
2. Candidate generation never compares every pair: each key is a sparse
   vector of character trigrams weighted by TF-IDF (``scipy.sparse``); one
   sparse product per batch of queries yields the closest directory names,
   joined with exact look-ups of the key, of its "core" (the key without
   generic words such as Group or Services) and of its letters sorted (a
   transposition in a name too short to share a trigram).
3. The candidates are scored with rapidfuzz (``process.cpdist`` over the
   candidate pairs, with ``workers``); a pair's name score is the best of:
   100 for the same key, 99 for the same key but for spaces; a typo score
   (OSA edits, each costing more the shorter the differing words and less
   the more words the names share, counted against the words as typed);
   the same on the core names minus 3 when a generic word is missing or 15
   when it is a different one; 94 for the same words in another order; and
   0.95 x plain similarity (``fuzz.ratio``), which finds candidates to
   review. Different legal forms on both sides cost :data:`LEGAL_FORM_PENALTY`.
4. Corroboration: the input's ``phone``, ``website`` (domain) and ``zip``
   columns, when given, add 10 / 10 / 4 points to a candidate they agree
   with and take 6 / 6 / 3 off one they contradict; ``reasons`` says which.
5. Name status: ``exact`` (same name after normalization, nothing conflicting,
   no other firm as close), ``strong`` (score >= ``threshold`` and clearly
   ahead of the runner-up), ``possible`` (worth a human look: score within
   :data:`POSSIBLE_BAND` below the threshold, or a strong score shared with
   another firm), ``none``, or ``invalid`` (no usable name).

Only ``exact`` and ``strong`` are matches; ``possible`` rows name the best
candidate for review.

6. Certification: every row with a firm also says how the firm's
   certification stands on ``as_of`` (``certification_status``: active,
   expiring, lapsed, unknown; see :mod:`mwbe_match.certification`), so a
   lapsed firm is never mistaken for a certified one, and carries the firm's
   contact details.
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .certification import (
    DEFAULT_EXPIRING_WITHIN_DAYS,
    certification_status,
    certification_valid_through,
    resolve_as_of,
)
from .directory import load_directory, normalize_phones, normalize_zips, unique_firms
from .schema import CERTIFICATION_TYPES

__all__ = [
    "normalize_name",
    "NameIndex",
    "match_names",
    "name_candidates",
    "MATCH_COLUMNS",
    "MATCH_SCHEMA",
    "CANDIDATE_COLUMNS",
    "CANDIDATE_SCHEMA",
    "CERTIFICATION_FIELDS",
    "FIRM_FIELDS",
    "STATUSES",
    "DEFAULT_THRESHOLD",
    "POSSIBLE_BAND",
    "NAME_COLUMN_CANDIDATES",
    "NameColumnError",
]

NameInput = Union[pd.DataFrame, pd.Series, Sequence[Any], np.ndarray, pd.Index, str]

#: Score at or above which a unique best candidate is a ``strong`` match; the default of
#: :func:`match_names` and :meth:`NameIndex.match`.
DEFAULT_THRESHOLD: float = 90.0

#: Scores in ``[threshold - POSSIBLE_BAND, threshold)`` are ``possible`` (review them).
POSSIBLE_BAND: float = 15.0

#: A best candidate must lead the best *other* firm by more than this many points to be
#: ``strong``; otherwise the row is ``possible`` and the reasons name the rival.
AMBIGUITY_MARGIN: float = 3.0

#: Points off when both names carry a legal form and they differ ("Acme LLC" for "Acme
#: Inc."): larger than :data:`AMBIGUITY_MARGIN`, so the firm whose legal form agrees wins.
LEGAL_FORM_PENALTY: float = 4.0

#: Points off for the same words in another order ("Smith Jones" for "Jones Smith").
REORDERED_PENALTY: float = 6.0

#: Every status a row can have, best first.
STATUSES: tuple[str, ...] = ("exact", "strong", "possible", "none", "invalid")

#: Names of the name column looked for (case-insensitively, in this order) when
#: ``name_column`` is not given.
NAME_COLUMN_CANDIDATES: tuple[str, ...] = ("name", "vendor_name", "vendor", "company", "input_name",
                                           "업체명", "업체", "회사", "회사명", "상호", "상호명", "거래처", "거래처명",
                                           "공급업체", "공급업체명", "협력업체", "협력사")

_PHONE_COLUMNS = ("phone", "telephone", "phone_number", "전화", "전화번호", "연락처")
_WEBSITE_COLUMNS = ("website", "url", "web_site", "웹사이트", "홈페이지")
_ZIP_COLUMNS = ("zip", "zip_code", "zipcode", "postcode", "postal_code", "우편번호")

#: How the matched firm's certification stands on the as-of date (see
#: :func:`mwbe_match.certification.certification_status`); null where there is no firm.
CERTIFICATION_FIELDS: tuple[pa.Field, ...] = (
    pa.field("certification_status", pa.string()),
    pa.field("certified_through", pa.date32()),
    pa.field("renews_on", pa.date32()),
    pa.field("as_of", pa.date32()),
)

#: The matched firm's certifications and whom to call, where, from the directory; null
#: where there is no firm. ``contact_name`` is the contact's first and last name.
FIRM_FIELDS: tuple[pa.Field, ...] = (
    pa.field("certifications", pa.list_(pa.string())),
    pa.field("certification_expires", pa.date32()),
    pa.field("contact_name", pa.string()),
    pa.field("phone", pa.string()),
    pa.field("website", pa.string()),
    pa.field("address_line_1", pa.string()),
    pa.field("address_line_2", pa.string()),
    pa.field("city", pa.string()),
    pa.field("state", pa.string()),
    pa.field("zip", pa.string()),
    pa.field("ethnicity", pa.string()),
    pa.field("latitude", pa.float64()),
    pa.field("longitude", pa.float64()),
)

#: Columns of :func:`match_names` results, with their pyarrow types.
MATCH_SCHEMA = pa.schema([
    ("input_name", pa.string()),
    ("account_number", pa.string()),
    ("matched_name", pa.string()),
    ("score", pa.float64()),
    ("status", pa.string()),
    *CERTIFICATION_FIELDS,
    ("reasons", pa.string()),
    *FIRM_FIELDS,
])
MATCH_COLUMNS: tuple[str, ...] = tuple(MATCH_SCHEMA.names)

#: Columns of :func:`name_candidates` results (long form: one row per input and candidate).
CANDIDATE_SCHEMA = pa.schema([
    ("input_row", pa.int64()),
    ("input_name", pa.string()),
    ("rank", pa.int64()),
    ("account_number", pa.string()),
    ("matched_name", pa.string()),
    ("score", pa.float64()),
    *CERTIFICATION_FIELDS,
    ("reasons", pa.string()),
    *FIRM_FIELDS,
])
CANDIDATE_COLUMNS: tuple[str, ...] = tuple(CANDIDATE_SCHEMA.names)

# --------------------------------------------------------------------------- normalization

#: Legal forms, as token sequences (after punctuation is removed), and their canonical tag.
_LEGAL_FORMS: dict[tuple[str, ...], str] = {
    ("inc",): "inc", ("incorporated",): "inc", ("incorp",): "inc",
    ("corp",): "corp", ("corporation",): "corp", ("crop",): "corp",
    ("co",): "co", ("company",): "co", ("cos",): "co",
    ("llc",): "llc", ("limited", "liability", "company"): "llc", ("limited", "liability", "co"): "llc",
    ("llp",): "llp", ("limited", "liability", "partnership"): "llp",
    ("pllc",): "pllc", ("professional", "limited", "liability", "company"): "pllc",
    ("pc",): "pc", ("professional", "corporation"): "pc", ("prof", "corp"): "pc",
    ("dpc",): "dpc", ("design", "professional", "corporation"): "dpc",
    ("ltd",): "ltd", ("limited",): "ltd",
    ("lp",): "lp", ("limited", "partnership"): "lp",
    ("plc",): "plc",
}
_LEGAL_TAGS: tuple[str, ...] = tuple(sorted(set(_LEGAL_FORMS.values())))
_LEGAL_BIT = {tag: 1 << i for i, tag in enumerate(_LEGAL_TAGS)}
_MAX_LEGAL_LEN = max(len(k) for k in _LEGAL_FORMS)

#: Abbreviations and spelling variants -> the canonical word used in keys.
_ABBREVIATIONS: dict[str, str] = {}
for _canon, _variants in {
    "services": "service services svc svcs srv srvs srvc srvcs serv servs svs",
    "management": "management mgmt mgt mngmt mgmnt managment",
    "international": "international intl intnl internatl",
    "associates": "associates associate assoc assocs assoc's asso assocites",
    "association": "association assn",
    "brothers": "brothers bros bro",
    "construction": "construction constr const constrn cnstr constructions",
    "engineering": "engineering engrg engg eng engr engineering",
    "engineers": "engineers engrs",
    "technology": "technology technologies tech techs technol techn",
    "solutions": "solutions solution soln solns sol sols",
    "enterprises": "enterprises enterprise ent ents entp entrps",
    "industries": "industries industry ind inds indus",
    "systems": "systems system sys syst",
    "products": "products product prod prods",
    "consulting": "consulting consultancy consltg cnsltg consult",
    "consultants": "consultants consultant cnslt conslt",
    "manufacturing": "manufacturing mfg mfrg",
    "development": "development dev devel devlpmt",
    "marketing": "marketing mktg mkt",
    "building": "building bldg bldng",
    "builders": "builders builder bldrs",
    "center": "center centre ctr cntr",
    "group": "group grp",
    "general": "general genl gen",
    "contractors": "contractors contractor contr contrs",
    "contracting": "contracting contractg contracting",
    "mechanical": "mechanical mech",
    "electrical": "electrical elec",
    "environmental": "environmental env envir environ",
    "communications": "communications communication comm comms commun",
    "distribution": "distribution distrib",
    "equipment": "equipment equip eqpt",
    "national": "national natl",
    "american": "american amer",
    "department": "department dept",
    "architecture": "architecture archit",
    "architects": "architects architect archts",
    "plumbing": "plumbing plbg plmb",
    "heating": "heating htg",
    "partners": "partners partner ptnrs",
    "holdings": "holdings holding hldgs",
    "laboratories": "laboratories laboratory labs lab",
    "transportation": "transportation transport trans",
    "insurance": "insurance ins",
    "professional": "professional profl",
    "nyc": "nyc",
    "ny": "ny",
}.items():
    for _v in _variants.split():
        _ABBREVIATIONS[_v] = _canon

#: Multi-word phrases replaced before single-word abbreviations.
_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("new", "york", "city"): ("nyc",),
    ("new", "york"): ("ny",),
}

#: Generic words: a name missing one still likely means the same firm ("Acme" for
#: "Acme Group"), but two names differing *only* in different generic words are rivals.
_GENERIC_WORDS: tuple[str, ...] = (
    "group", "services", "solutions", "enterprises", "associates", "consulting", "consultants",
    "holdings", "industries", "international", "global", "usa", "america", "ny", "nyc",
    "partners", "ventures", "systems", "agency", "firm", "company", "companies", "co",
    "corporate", "worldwide", "unlimited", "network", "studio", "studios", "llc", "inc",
)
_GENERIC_BIT = {w: 1 << i for i, w in enumerate(_GENERIC_WORDS)}

_STOP_WORDS = frozenset({"and", "of"})

_NO_MATCH = "no certified firm's name is close enough"

_DBA_SPLIT = re.compile(
    r"\s*(?:\b(?:d|a|f)\s*/\s*b\s*/\s*a\b\.?|\b(?:d|a|f)\.\s*(?:b|k)\.\s*a\b\.?|\b(?:dba|aka|fka)\b\.?"
    r"|\bdoing\s+business\s+as\b|\ba\s*/\s*k\s*/\s*a\b|\bf\s*/\s*k\s*/\s*a\b"
    r"|\bformerly\s+known\s+as\b|\balso\s+known\s+as\b|\bt\s*/\s*a\b|\btrading\s+as\b)\s*[:,-]?\s*",
    re.IGNORECASE,
)
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2122": " ", "\u00ae": " ", "\u00a9": " ", "\u2120": " ",
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_DROP = re.compile(r"['.]")  # apostrophes and periods join what they separate: L.L.C. -> llc
_AND = re.compile(r"[&+]")
_NON_WORD = re.compile(r"[\W_]+")


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _text(value: Any) -> str | None:
    """A name cell as text, or None when it holds no name (missing, true/false, not text)."""
    if _missing(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            return None
        return str(int(f)) if f.is_integer() else str(f)
    return None


def _tokens(part: str, canonical: bool = True) -> tuple[list[str], int]:
    """Normalized tokens of one name (no d/b/a inside) and the bitmask of legal forms removed.

    ``canonical=False`` leaves words as written (no abbreviation or phrase mapping): typos
    are counted against what was typed, so "Serviec" is one edit from "Service".
    """
    s = unicodedata.normalize("NFKD", part.translate(_QUOTES))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _DROP.sub("", s)
    s = _AND.sub(" and ", s)
    raw = [t for t in _NON_WORD.split(s) if t]
    # Runs of single letters are one initialism: "a m" (from A&M, A. M.) and "am" agree.
    toks: list[str] = []
    run: list[str] = []
    for t in raw:
        if t in _STOP_WORDS:
            continue
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            toks.append("".join(run))
            run = []
        toks.append(t)
    if run:
        toks.append("".join(run))
    # an initialism that spells a dropped word ("O:F", "A N D") is dropped too, so a key normalizes to itself
    toks = [t for t in toks if t not in _STOP_WORDS]
    # Phrases, then abbreviations.
    out: list[str] = [] if canonical else toks
    i = 0 if canonical else len(toks)
    while i < len(toks):
        for phrase, repl in _PHRASES.items():
            if tuple(toks[i:i + len(phrase)]) == phrase:
                out.extend(repl)
                i += len(phrase)
                break
        else:
            out.append(_ABBREVIATIONS.get(toks[i], toks[i]))
            i += 1
    # Leading "the", then trailing legal forms (repeatedly: "Co., Inc."), keeping one word.
    while len(out) > 1 and out[0] == "the":
        out = out[1:]
    legal = 0
    stripped = True
    while stripped and len(out) > 1:
        stripped = False
        for n in range(min(_MAX_LEGAL_LEN, len(out) - 1), 0, -1):
            tail = tuple(out[-n:])
            if tail in _LEGAL_FORMS:
                legal |= _LEGAL_BIT[_LEGAL_FORMS[tail]]
                out = out[:-n]
                stripped = True
                break
    return out, legal


def _parts(text: str) -> list[str]:
    """A name split at d/b/a, a/k/a, f/k/a markers (the whole name if it has none).

    A marker at the very start or end is part of the name ("DBA Consulting"), not a split.
    """
    pieces = _DBA_SPLIT.split(text)
    if len(pieces) == 1 or any(not p.strip() for p in pieces):
        return [text]
    return pieces


def normalize_name(name: Any) -> str:
    """Reduce a business name to the key it is compared by.

    Rules, in order: text only (numbers become their digits; None/NaN give
    ``""``); ``d/b/a`` / ``a/k/a`` markers removed (each side normalized);
    curly quotes, ™/®, accents and case folded; apostrophes and periods
    dropped (``L.L.C.`` -> ``llc``), ``&`` and ``+`` read as "and", other
    punctuation a space; the words "and" and "of" dropped; runs of single
    letters joined (``A & M``, ``A.M.``, ``AM`` all give ``am``);
    "New York City"/"New York" -> ``nyc``/``ny``; abbreviations and
    singular/plural variants to one word (``Svcs`` -> ``services``,
    ``Mgmt`` -> ``management``, ``Intl`` -> ``international``, ``Bros`` ->
    ``brothers``, ``Constr`` -> ``construction``, ``Engrg`` ->
    ``engineering``, ``Tech`` -> ``technology``, ...); a leading "The" and
    trailing legal forms (Inc, Corp, Co, Company, LLC, Limited Liability
    Company, LLP, PLLC, PC, Ltd, Limited, ...) removed, always keeping one
    word.

    >>> normalize_name("The Walton Plumbing & Heating, L.L.C.")
    'walton plumbing heating'
    >>> normalize_name("ACME Engrg. Svcs, Inc. d/b/a Acme Intl")
    'acme engineering services acme international'
    """
    text = _text(name)
    if text is None:
        return ""
    keys = [" ".join(_tokens(p)[0]) for p in _parts(text)]
    return " ".join(k for k in keys if k)


# --------------------------------------------------------------------------- keys


class _Keys:
    """Comparison keys for a list of (already split) names, computed once per distinct name."""

    __slots__ = ("key", "compact", "literal", "core", "generic", "legal")

    def __init__(self, names: Sequence[str]):
        n = len(names)
        self.key = np.empty(n, dtype=object)
        self.compact = np.empty(n, dtype=object)
        self.literal = np.empty(n, dtype=object)
        self.core = np.empty(n, dtype=object)
        self.generic = np.zeros(n, dtype=np.int64)
        self.legal = np.zeros(n, dtype=np.int64)
        cache: dict[str, tuple[str, str, str, str, int, int]] = {}
        for i, name in enumerate(names):
            hit = cache.get(name)
            if hit is None:
                toks, legal = _tokens(name)
                core_toks = [t for t in toks if t not in _GENERIC_BIT]
                generic = 0
                for t in toks:
                    generic |= _GENERIC_BIT.get(t, 0)
                if not core_toks:
                    core_toks = toks
                key = " ".join(toks)
                literal = "".join(_tokens(name, canonical=False)[0])
                hit = (key, key.replace(" ", ""), literal, " ".join(core_toks), generic, legal)
                cache[name] = hit
            (self.key[i], self.compact[i], self.literal[i], self.core[i], self.generic[i], self.legal[i]) = hit


def _trigram_codes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Character trigrams of each key (padded with a space each side), as (row, code) arrays.

    Vectorized: the keys are concatenated and read as UTF-32 code points; a
    trigram is three code points packed into one int64.
    """
    padded = [f" {k} " for k in keys]
    lengths = np.fromiter((len(p) for p in padded), dtype=np.int64, count=len(padded))
    if lengths.sum() == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    cps = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    counts = np.maximum(lengths - 2, 0)
    rows = np.repeat(np.arange(len(keys)), counts)
    pos = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(starts, counts)
    codes = (cps[pos] << 42) | (cps[pos + 1] << 21) | cps[pos + 2]
    return rows, codes


def _domain(url: Any) -> str | None:
    """``https://www.Example.com/about`` -> ``example.com``; None when there is no host."""
    if not isinstance(url, str):
        return None
    s = url.strip().lower()
    s = re.sub(r"^[a-z][a-z0-9+.-]*://", "", s)
    s = re.split(r"[/?#:\s]", s, maxsplit=1)[0]
    s = s.split("@")[-1]
    if s.startswith("www."):
        s = s[4:]
    return s if "." in s and len(s) > 3 else None


def _blank(arr: pa.Array) -> pa.Array:
    arr = pc.utf8_trim_whitespace(arr)
    return pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)


# --------------------------------------------------------------------------- input


class _Input:
    """The rows to verify: raw name values and the optional corroborating columns."""

    def __init__(self, names: NameInput, name_column: str | None):
        self.phone: np.ndarray | None = None
        self.domain: np.ndarray | None = None
        self.zip: np.ndarray | None = None
        self.notes: dict[int, list[str]] = {}
        if isinstance(names, pd.DataFrame):
            self.values = _column_values(names, _find_name_column(names, name_column))
            self.index = names.index
            self._corroborating(names)
        else:
            if name_column is not None:
                raise TypeError("name_column= applies only when names is a DataFrame")
            if isinstance(names, str):
                names = [names]
            if isinstance(names, pd.Series):
                self.values = names.to_numpy(dtype=object, na_value=None)
                self.index = names.index
            elif isinstance(names, (list, tuple, np.ndarray, pd.Index)) or (
                isinstance(names, Iterable) and not isinstance(names, (dict, bytes, set, frozenset))
            ):
                values = list(names)
                if isinstance(names, np.ndarray) and names.ndim != 1:
                    raise ValueError(f"names must be one-dimensional, got an array of shape {names.shape}")
                self.values = np.empty(len(values), dtype=object)
                self.values[:] = values
                self.index = pd.RangeIndex(len(values))
            else:
                raise TypeError(
                    "names must be a list, a pandas Series or a DataFrame with a name column, "
                    f"not {type(names).__name__}"
                )
        self.text = [_text(v) for v in self.values]
        # What the user sees as input_name: the text, or what a non-text value looked like.
        self.shown = [t if t is not None or _missing(v) else str(v) for v, t in zip(self.values, self.text)]

    def _corroborating(self, frame: pd.DataFrame) -> None:
        lower = {str(c).lower(): c for c in frame.columns}

        def column(aliases: tuple[str, ...]) -> pa.Array | None:
            for alias in aliases:
                if alias in lower:
                    values = _column_values(frame, lower[alias])
                    return _blank(pa.array([_text(v) for v in values], type=pa.string()))
            return None

        phone = column(_PHONE_COLUMNS)
        if phone is not None:
            self.phone = self._normalized(phone, normalize_phones, "phone {!r} ignored (not a 10-digit number)")
        website = column(_WEBSITE_COLUMNS)
        if website is not None:
            self.domain = np.asarray([_domain(u) for u in website.to_pylist()], dtype=object)
        zips = column(_ZIP_COLUMNS)
        if zips is not None:
            self.zip = self._normalized(zips, normalize_zips, "ZIP {!r} ignored (not a 5-digit ZIP code)")

    def _normalized(self, raw: pa.Array, normalize: Any, note: str) -> np.ndarray:
        """Normalize a corroboration column like the directory's; note each value that is ignored."""
        values, bad = normalize(raw)
        for i in np.flatnonzero(bad).tolist():
            self.notes.setdefault(i, []).append(note.format(raw[i].as_py()))
        return np.asarray(values.to_pylist(), dtype=object)


def _column_values(frame: pd.DataFrame, column: Any) -> np.ndarray:
    values = frame[column]
    if isinstance(values, pd.DataFrame):
        raise ValueError(f"the DataFrame has {values.shape[1]} columns named {column!r}; keep one")
    return values.to_numpy(dtype=object, na_value=None)


class NameColumnError(KeyError):
    """The DataFrame has no name column (the message lists the columns it has)."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


def _find_name_column(frame: pd.DataFrame, name_column: str | None) -> Any:
    columns = list(frame.columns)
    listed = ", ".join(repr(str(c)) for c in columns) if columns else "(none)"
    if name_column is not None:
        if name_column in columns:
            return name_column
        folded = [c for c in columns if str(c).lower() == str(name_column).lower()]
        if len(folded) == 1:
            return folded[0]
        raise NameColumnError(f"name column {name_column!r} is not in the DataFrame; its columns are {listed}")
    lower = {str(c).lower(): c for c in columns}
    for candidate in NAME_COLUMN_CANDIDATES:
        if candidate in lower:
            return lower[candidate]
    raise NameColumnError(
        "no name column found in the DataFrame: expected one called "
        + ", ".join(repr(c) for c in NAME_COLUMN_CANDIDATES)
        + f" (any case), or pass name_column=; its columns are {listed}"
    )


# --------------------------------------------------------------------------- index

#: Columns of the scored (query, alias) candidate pairs, with their dtypes.
_PAIR_COLUMNS = {"q": "int64", "a": "int64", "firm": "int64", "score": "float64", "how": "object",
                 "legal_conflict": "bool", "generic": "object", "q_legal": "int64", "a_legal": "int64",
                 "q_generic": "int64", "a_generic": "int64"}


class NameIndex:
    """Formal names and DBAs of the certified firms, indexed for fast fuzzy look-up.

    Build once, query many times (like a fitted scikit-learn estimator)::

        index = NameIndex(directory)
        index.match(vendor_df)                 # one row per vendor
        index.candidates(vendor_df, k=5)       # top-k candidates per vendor, long form

    Args:
        directory: a normalized directory frame (:func:`mwbe_match.load_directory`;
            ``account_number`` and ``name`` are required, ``dba``, ``phone``,
            ``website``, ``zip``, ``certifications``,
            ``certification_renewal_dates`` and the contact columns are used
            when present), or a raw frame of the City's export, or
            ``None`` for the default directory. Duplicate account numbers are
            reduced with :func:`mwbe_match.unique_firms`.
        workers: threads for rapidfuzz scoring (``-1``: all cores).
    """

    #: Candidate directory names kept per query name from the trigram search.
    candidates_per_query: int = 12

    def __init__(self, directory: pd.DataFrame | None = None, *, workers: int = -1):
        if directory is None:
            directory = load_directory()
        if not isinstance(directory, pd.DataFrame):
            raise TypeError(f"directory must be a DataFrame from load_directory(), not {type(directory).__name__}")
        if not {"account_number", "name"} <= set(directory.columns):
            directory = load_directory(directory)  # a raw export frame; errors name what is missing
        self.workers = workers
        firms = unique_firms(directory).reset_index(drop=True)
        self.n_firms = len(firms)
        table = pa.Table.from_pandas(firms, preserve_index=False)
        self._account = table.column("account_number")
        # tie-break order: account number ascending (missing last)
        by_account = np.asarray(pc.sort_indices(self._account.fill_null("\U0010ffff")), dtype=np.int64)
        self._tiebreak = np.empty(self.n_firms, dtype=np.int64)
        self._tiebreak[by_account] = np.arange(self.n_firms)
        self._firm_columns = _firm_columns(table)
        # what certification_status reads: the parallel lists of certifications and renewal dates
        self._renewals = pa.table({
            "certifications": _column_or_nulls(table, "certifications", pa.list_(pa.string())),
            "certification_renewal_dates": _column_or_nulls(table, "certification_renewal_dates",
                                                            pa.list_(pa.date32())),
        })
        self._status_cache: dict[tuple[_dt.date, int], pa.Table] = {}
        self._valid_through_cache: dict[str, np.ndarray] | None = None
        self._firm_phone = _object(firms, "phone")
        self._firm_domain = np.asarray([_domain(u) for u in _object(firms, "website")], dtype=object)
        self._firm_zip = _object(firms, "zip")

        # Aliases: every formal name and DBA, and each side of a d/b/a inside one.
        alias_firm: list[int] = []
        alias_text: list[str] = []
        alias_field: list[str] = []
        for col, field in (("name", "formal name"), ("dba", "DBA")):
            for i, value in enumerate(_object(firms, col)):
                if not isinstance(value, str) or not value.strip():
                    continue
                parts = _parts(value)
                for part in [value, *parts] if len(parts) > 1 else parts:
                    alias_firm.append(i)
                    alias_text.append(part.strip())
                    alias_field.append(field if part is value else f"{field} (one side of its d/b/a)")
        firm = np.asarray(alias_firm, dtype=np.int64)
        text = np.asarray(alias_text, dtype=object)
        keys = _Keys(alias_text)
        usable = np.asarray([bool(k) for k in keys.key], dtype=bool)
        # The same key twice for one firm (a DBA equal to the name) is one alias.
        dedup = pd.DataFrame({"firm": firm, "key": keys.key}).duplicated()
        keep = usable & ~dedup.to_numpy()
        self._alias_firm = firm[keep]
        self._alias_text = text[keep]
        self._alias_field = np.asarray(alias_field, dtype=object)[keep]
        self._alias = _subset(keys, keep)
        self._by_key = _group(self._alias.key)
        self._by_core = _group(self._alias.core)
        # Same letters in another order: catches transpositions in names too short to
        # share a trigram ("ADL" for "ALD").
        self._by_letters = _group(np.asarray(["".join(sorted(c)) for c in self._alias.compact], dtype=object))
        self._build_trigrams()
        self._tok_vocab: dict[str, int] = {}
        for key in self._alias.key:
            for t in key.split():
                self._tok_vocab.setdefault(t, len(self._tok_vocab))
        self._alias_tok = self._token_matrix(self._alias.key, weighted=True)
        self._alias_core_tok = self._token_matrix(self._alias.core, weighted=True)
        self._alias_core_compact = np.asarray([c.replace(" ", "") for c in self._alias.core], dtype=object)

    def __len__(self) -> int:
        return self.n_firms

    def __repr__(self) -> str:
        return f"NameIndex({self.n_firms} firms, {len(self._alias_firm)} names and DBAs)"

    def _token_matrix(self, keys: Sequence[str], weighted: bool = False) -> sp.csr_matrix:
        """Words of each key as a sparse row (known words only): 1, or the word's length if weighted."""
        rows: list[int] = []
        cols: list[int] = []
        vals: list[int] = []
        vocab = self._tok_vocab
        for i, key in enumerate(keys):
            for t in set(key.split()):
                j = vocab.get(t)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
                    vals.append(len(t) if weighted else 1)
        return sp.csr_matrix((np.asarray(vals, np.float64), (rows, cols)), shape=(len(keys), len(vocab)))

    # -- trigram TF-IDF -------------------------------------------------------------------

    def _build_trigrams(self) -> None:
        rows, codes = _trigram_codes(self._alias.key)
        vocab, inverse = np.unique(codes, return_inverse=True)
        n = len(self._alias_firm)
        counts = sp.csr_matrix((np.ones(len(rows)), (rows, inverse)), shape=(n, len(vocab)))
        counts.sum_duplicates()
        df = np.bincount(counts.indices, minlength=len(vocab))
        self._vocab = vocab
        self._idf = np.log((1 + n) / (1 + df)) + 1.0
        # Trigrams found in very many names ("ing", " co") add cost but little evidence;
        # they still count in the weights, but are left out of the candidate product.
        cap = max(100, int(0.02 * n))
        self._block = df <= cap
        matrix = _tfidf(counts, self._idf)
        self._matrix_t = matrix[:, np.flatnonzero(self._block)].T.tocsr()

    def _query_matrix(self, keys: Sequence[str]) -> sp.csr_matrix:
        rows, codes = _trigram_codes(keys)
        pos = np.searchsorted(self._vocab, codes)
        pos = np.minimum(pos, len(self._vocab) - 1)
        known = self._vocab[pos] == codes if len(self._vocab) else np.zeros(len(codes), bool)
        rows, pos = rows[known], pos[known]
        counts = sp.csr_matrix((np.ones(len(rows)), (rows, pos)), shape=(len(keys), len(self._vocab)))
        counts.sum_duplicates()
        matrix = _tfidf(counts, self._idf)
        return matrix[:, np.flatnonzero(self._block)].tocsr()

    def _trigram_candidates(self, keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(query, alias) pairs: the closest aliases per query by trigram cosine."""
        k = self.candidates_per_query
        q_all: list[np.ndarray] = []
        a_all: list[np.ndarray] = []
        if not len(keys) or not len(self._alias_firm):
            return np.empty(0, np.int64), np.empty(0, np.int64)
        qm = self._query_matrix(keys)
        chunk = 2000
        for start in range(0, qm.shape[0], chunk):
            prod = (qm[start:start + chunk] @ self._matrix_t).tocsr()
            if prod.nnz == 0:
                continue
            counts = np.diff(prod.indptr)
            rows = np.repeat(np.arange(prod.shape[0]), counts)
            data = prod.data
            # Keep only scores within reach of each row's best, then the top k by sorting.
            nonempty = counts > 0
            row_max = np.zeros(prod.shape[0])
            row_max[nonempty] = np.maximum.reduceat(data, prod.indptr[:-1][nonempty])
            near = data >= 0.5 * row_max[rows]
            rows, cols, data = rows[near], prod.indices[near], data[near]
            order = np.lexsort((-data, rows))
            rows, cols = rows[order], cols[order]
            first = np.searchsorted(rows, rows, side="left")
            top = (np.arange(len(rows)) - first) < k
            q_all.append(rows[top] + start)
            a_all.append(cols[top])
        if not q_all:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        return np.concatenate(q_all).astype(np.int64), np.concatenate(a_all).astype(np.int64)

    # -- scoring --------------------------------------------------------------------------

    def _score_queries(self, qk: _Keys) -> pd.DataFrame | None:
        """Candidate (query, alias) pairs with name scores, for the keys of distinct query names."""
        tq, ta = self._trigram_candidates(qk.key)
        extra_q: list[int] = []
        extra_a: list[int] = []
        for i, (key, core, compact) in enumerate(zip(qk.key, qk.core, qk.compact)):
            for table, value in ((self._by_key, key), (self._by_core, core), (self._by_core, key),
                                 (self._by_letters, "".join(sorted(compact)))):
                hits = table.get(value)
                if hits is not None:
                    extra_q.extend([i] * len(hits))
                    extra_a.extend(hits)
        q = np.concatenate([tq, np.asarray(extra_q, dtype=np.int64)])
        a = np.concatenate([ta, np.asarray(extra_a, dtype=np.int64)])
        pairs = pd.DataFrame({"q": q, "a": a}).drop_duplicates()
        q, a = pairs["q"].to_numpy(), pairs["a"].to_numpy()
        al = self._alias
        if len(q) == 0:
            return None

        def pairwise(scorer, left, right) -> np.ndarray:
            return process.cpdist(list(left[q]), list(right[a]), scorer=scorer, workers=self.workers,
                                  dtype=np.float64 if scorer is not OSA.distance else np.int32)

        def edit_score(edits: np.ndarray, left_compact, right_compact, q_tokens, a_tokens) -> np.ndarray:
            # Edits (OSA: a transposition is one) cost more the shorter the words that differ
            # (a typo in a long word is cheap; "JV" for "DN" is no typo) and less the more of
            # the name the two share word for word ("Musika" backs up "LAC" for "ALC");
            # a second edit costs 5 points more than the first.
            shared = np.asarray(q_tokens[q].multiply(a_tokens[a]).sum(axis=1), dtype=np.float64).ravel()
            longer = np.maximum(_lengths(left_compact)[q], _lengths(right_compact)[a])
            differ = np.maximum(longer - shared, 1.0)
            cost = 3.0 + 24.0 / differ - 4.0 * shared / np.maximum(longer, 1.0)
            return 100.0 - edits * cost - 5.0 * np.maximum(edits - 1.0, 0.0)

        qk_tok = self._token_matrix(qk.key)
        qk_core_tok = self._token_matrix(qk.core)
        edits = np.minimum(pairwise(OSA.distance, qk.compact, al.compact),
                           pairwise(OSA.distance, qk.literal, al.literal)).astype(np.float64)
        full = edit_score(edits, qk.compact, al.compact, qk_tok, self._alias_tok)
        core_compact = np.asarray([c.replace(" ", "") for c in qk.core], dtype=object)
        core_edits = pairwise(OSA.distance, core_compact, self._alias_core_compact).astype(np.float64)
        core = edit_score(core_edits, core_compact, self._alias_core_compact, qk_core_tok, self._alias_core_tok)
        gq, ga = qk.generic[q], al.generic[a]
        generic_diff = gq != ga
        generic_conflict = ((gq & ~ga) != 0) & ((ga & ~gq) != 0)
        core = np.where(generic_diff, core - np.where(generic_conflict, 15.0, 3.0), 0.0)
        exact = qk.key[q] == al.key[a]
        spacing = ~exact & (qk.compact[q] == al.compact[a])
        r_sort = pairwise(fuzz.token_sort_ratio, qk.key, al.key)
        reordered = np.where(r_sort == 100.0, 100.0 - REORDERED_PENALTY, 0.0)
        # Plain similarity counts for less: it finds candidates to review, while a strong
        # match should rest on one of the explanations above.
        similar = 0.95 * np.maximum.reduce([pairwise(fuzz.ratio, qk.key, al.key),
                                            pairwise(fuzz.ratio, qk.compact, al.compact), r_sort])
        options = np.stack([np.where(exact, 100.0, 0.0), np.where(spacing, 99.0, 0.0),
                            full, core, reordered, similar])
        best = options.argmax(axis=0)
        score = options.max(axis=0)
        lq, la = qk.legal[q], al.legal[a]
        legal_conflict = (lq != 0) & (la != 0) & ((lq & la) == 0)
        score = score - np.where(legal_conflict, LEGAL_FORM_PENALTY, 0.0)
        how = np.asarray(["exact", "spacing", "typo", "core", "reordered", "similar"], dtype=object)[best]
        generic_note = np.where(best == 3, np.where(generic_conflict, "conflict", "missing"), "")
        return pd.DataFrame({
            "q": q, "a": a, "firm": self._alias_firm[a], "score": score, "how": how,
            "legal_conflict": legal_conflict, "generic": generic_note,
            "q_legal": lq, "a_legal": la, "q_generic": gq, "a_generic": ga,
        })

    def _row_candidates(self, inp: _Input) -> tuple[pd.DataFrame, np.ndarray]:
        """Scored (row, firm) candidates for every input row, plus the row's validity problem."""
        n = len(inp.values)
        problem = np.full(n, "", dtype=object)
        row_ids: list[int] = []
        part_ids: list[int] = []
        distinct: dict[str, int] = {}
        part_kind: list[str] = []
        plans: dict[str, list[tuple[str, str]]] = {}
        for row, (value, text) in enumerate(zip(inp.values, inp.text)):
            if text is None:
                problem[row] = _invalid_reason(value)
                continue
            if not text.strip():
                problem[row] = "name is empty"
                continue
            plan = plans.get(text)
            if plan is None:
                parts = _parts(text)
                plan = [(text, "")] + ([(p, "one side of its d/b/a") for p in parts] if len(parts) > 1 else [])
                plans[text] = plan
            for variant, kind in plan:
                row_ids.append(row)
                part_ids.append(distinct.setdefault(variant, len(distinct)))
                part_kind.append(kind)
        qk = _Keys(list(distinct))
        usable = np.asarray([bool(k) for k in qk.key], dtype=bool)
        q_of_row = np.asarray(part_ids, np.int64)
        has_key = np.zeros(n, dtype=bool)
        has_key[np.asarray(row_ids, np.int64)[usable[q_of_row]]] = True
        problem[(problem == "") & ~has_key] = "name has no letters or digits"
        scored = self._score_queries(qk) if len(qk.key) else None
        link = pd.DataFrame({"row": np.asarray(row_ids, np.int64), "q": np.asarray(part_ids, np.int64),
                             "part": np.asarray(part_kind, dtype=object)})
        if scored is None:
            scored = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _PAIR_COLUMNS.items()})
        cand = link.merge(scored, on="q", how="inner")
        return cand, problem

    def _corroborate(self, cand: pd.DataFrame, inp: _Input) -> pd.DataFrame:
        cand = cand.copy()
        adjust = np.zeros(len(cand))
        notes = [[] for _ in range(len(cand))]
        rows = cand["row"].to_numpy()
        firms = cand["firm"].to_numpy()
        for label, given, known, bonus, malus in (
            ("phone", inp.phone, self._firm_phone, 10.0, 6.0),
            ("website domain", inp.domain, self._firm_domain, 10.0, 6.0),
            ("ZIP", inp.zip, self._firm_zip, 4.0, 3.0),
        ):
            if given is None or not len(cand):
                continue
            g, k = given[rows], known[firms]
            both = pd.notna(g) & pd.notna(k)
            same = both & (g == k)
            differ = both & ~same
            adjust += np.where(same, bonus, 0.0) - np.where(differ, malus, 0.0)
            for i in np.flatnonzero(same):
                notes[i].append(f"+{bonus:g} {label} matches ({k[i]})")
            for i in np.flatnonzero(differ):
                notes[i].append(f"-{malus:g} {label} differs (given {g[i]}, directory {k[i]})")
        cand["name_score"] = cand["score"]
        cand["score"] = cand["score"] + adjust
        cand["conflict"] = [any(n.startswith("-") for n in ns) for ns in notes]
        cand["evidence"] = ["; ".join(ns) for ns in notes]
        return cand

    def _ranked(self, inp: _Input) -> tuple[pd.DataFrame, np.ndarray]:
        """Best alias per (row, firm), corroborated and sorted best first within each row."""
        cand, problem = self._row_candidates(inp)
        if len(cand):
            # The best way each firm matches each row (formal name or DBA, whole or part).
            cand = cand.sort_values(["row", "firm", "score"], ascending=[True, True, False], kind="stable")
            cand = cand.drop_duplicates(["row", "firm"]).reset_index(drop=True)
        cand = self._corroborate(cand, inp)
        cand = cand.assign(tiebreak=self._tiebreak[cand["firm"].to_numpy(dtype=np.int64)])
        cand = cand.sort_values(["row", "score", "name_score", "tiebreak"], ascending=[True, False, False, True],
                                kind="stable").drop(columns="tiebreak").reset_index(drop=True)
        return cand, problem

    # -- public ---------------------------------------------------------------------------

    def match(
        self,
        names: NameInput,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        name_column: str | None = None,
        as_of: Any = None,
        expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
    ) -> pd.DataFrame:
        """Verify names against the directory: one result row per input row, in input order.

        See :func:`match_names` for arguments and the result's columns.
        """
        threshold = _check_threshold(threshold)
        standing = self._standing(as_of, expiring_within_days)
        inp = _Input(names, name_column)
        cand, problem = self._ranked(inp)
        n = len(inp.values)
        floor = threshold - POSSIBLE_BAND
        # Best and second-best candidate (different firms) of each row.
        best = cand.groupby("row", sort=False).head(1).set_index("row").reindex(range(n))
        rival = cand.groupby("row", sort=False).nth(1).set_index("row").reindex(range(n))
        b_score = best["score"].to_numpy(np.float64, na_value=np.nan)
        r_score = rival["score"].to_numpy(np.float64, na_value=np.nan)
        invalid = problem != ""
        found = ~invalid & (b_score >= floor)  # NaN (no candidate) compares False
        # A rival's differing legal form only counts against it when the best candidate's legal
        # form agrees with the input's: "Acme LLC" picks "Acme, LLC" over "Acme Inc.", but
        # not "Acme" (legal form unknown) over "Acme Inc.".
        b_legal = (best["q_legal"].to_numpy(np.float64, na_value=0).astype(np.int64)
                   & best["a_legal"].to_numpy(np.float64, na_value=0).astype(np.int64))
        r_legal = rival["legal_conflict"].eq(True).to_numpy(dtype=bool, na_value=False)
        r_fair = r_score + np.where(r_legal & (b_legal == 0), LEGAL_FORM_PENALTY, 0.0)
        ambiguous = found & (r_fair >= b_score - AMBIGUITY_MARGIN)
        flag = {c: best[c].eq(True).to_numpy(dtype=bool, na_value=False) for c in ("conflict", "legal_conflict")}
        flawless = (best["how"].eq("exact").to_numpy(dtype=bool, na_value=False)
                    & best["part"].eq("").to_numpy(dtype=bool, na_value=False)
                    & ~flag["conflict"] & ~flag["legal_conflict"])
        exact = found & flawless & ~ambiguous
        strong = found & ~exact & ~ambiguous & (b_score >= threshold)
        status = np.select([invalid, ~found, exact, strong], ["invalid", "none", "exact", "strong"],
                           "possible").astype(object)
        score = np.where(invalid, np.nan, np.clip(np.nan_to_num(b_score, nan=0.0), 0.0, 100.0).round(1))
        firm = np.where(found, best["firm"].to_numpy(np.float64, na_value=-1), -1).astype(np.int64)
        alias = np.where(found, best["a"].to_numpy(np.float64, na_value=-1), -1).astype(np.int64)
        reasons = np.empty(n, dtype=object)
        certification = self._certification_notes(firm, standing, expiring_within_days)
        b_records = best.to_dict("records")
        r_records = rival[["a", "firm", "score"]].to_dict("records")
        for row in range(n):
            if invalid[row]:
                reasons[row] = problem[row]
                continue
            notes = inp.notes.get(row, [])
            b = b_records[row]
            if not found[row]:
                closest = "" if np.isnan(b_score[row]) else (
                    f" (closest: {self._alias_text[int(b['a'])]!r}, score {score[row]:g})")
                reasons[row] = "; ".join([f"{_NO_MATCH}{closest}", *notes])
                continue
            lines = [self._explain(b), *notes]
            if ambiguous[row]:
                r = r_records[row]
                lines.append(f"ambiguous: {self._alias_text[int(r['a'])]!r} (account "
                             f"{self._account[int(r['firm'])].as_py()}) scores {min(r['score'], 100.0):.1f}")
            lines.append(certification[row])
            reasons[row] = "; ".join(x for x in lines if x)
        return self._frame(inp, firm, alias, score, status, reasons, MATCH_SCHEMA, standing)

    def candidates(
        self,
        names: NameInput,
        *,
        k: int = 5,
        name_column: str | None = None,
        as_of: Any = None,
        expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
    ) -> pd.DataFrame:
        """The top ``k`` candidate firms per input row, long form (see :func:`name_candidates`)."""
        if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
            raise ValueError(f"k must be a positive whole number of candidates, got {k!r}")
        standing = self._standing(as_of, expiring_within_days)
        inp = _Input(names, name_column)
        cand, problem = self._ranked(inp)
        cand = cand[cand["score"] > 0]
        cand = cand.assign(rank=cand.groupby("row").cumcount() + 1)
        cand = cand[cand["rank"] <= k]
        cand = cand.assign(reason=[self._explain(r) for r in cand.to_dict("records")])
        # A row without any candidate keeps one line: no candidate, and the reason.
        empty = np.setdiff1d(np.arange(len(inp.values)), cand["row"].to_numpy())
        filler = pd.DataFrame({"row": empty, "rank": -1, "firm": -1, "a": -1,
                               "score": np.where(problem[empty] != "", np.nan, 0.0),
                               "reason": [p or _NO_MATCH for p in problem[empty]]})
        long = pd.concat([cand[list(filler.columns)], filler]).sort_values(["row", "rank"], kind="stable")
        firm = long["firm"].to_numpy(np.int64)
        reasons = long["reason"].to_numpy(object)
        notes = self._certification_notes(firm, standing, expiring_within_days)
        reasons = np.asarray([f"{r}; {x}" if x else r for r, x in zip(reasons, notes)], dtype=object)
        return self._frame(inp, firm, long["a"].to_numpy(np.int64),
                           np.clip(long["score"].to_numpy(np.float64), 0.0, 100.0).round(1), None,
                           reasons, CANDIDATE_SCHEMA, standing,
                           rows=long["row"].to_numpy(np.int64), rank=long["rank"].to_numpy(np.int64))

    # -- helpers --------------------------------------------------------------------------

    def _explain(self, b: dict[str, Any]) -> str:
        """How one candidate matched, in words (b: a candidate row as a dict)."""
        get = b.get
        field = self._alias_field[int(get("a"))]
        how = get("how")
        name_score = f"name score {min(float(get('name_score', get('score'))), 100.0):.1f}"
        if how == "exact":
            text = f"same {field} after normalization"
        elif how == "spacing":
            text = f"same {field} apart from spacing ({name_score})"
        elif how == "typo":
            text = f"{field} matches but for a typo ({name_score})"
        elif how == "core":
            given, known = _words(int(get("q_generic"))), _words(int(get("a_generic")))
            if get("generic") == "conflict":
                text = f"{field} matches but a generic word differs ({given} vs {known}; {name_score})"
            elif known:
                text = f"{field} matches without the generic word {known} ({name_score})"
            else:
                text = f"{field} matches but for the extra generic word {given} ({name_score})"
        elif how == "reordered":
            text = f"same words as the {field} in another order ({name_score})"
        else:
            text = f"{field} is similar ({name_score})"
        if get("part"):
            text += f", matching {get('part')}"
        if get("legal_conflict"):
            text += (f"; legal form differs ({_legal_name(int(get('q_legal')))} given, "
                     f"{_legal_name(int(get('a_legal')))} in the directory)")
        evidence = get("evidence", "")
        return text + (f"; {evidence}" if evidence else "")

    def _standing(self, as_of: Any, expiring_within_days: int) -> pa.Table:
        """Every firm's certification on ``as_of`` (computed once per date and window, then reused)."""
        day = resolve_as_of(as_of)
        key = (day, expiring_within_days)
        table = self._status_cache.get(key)
        if table is None:
            frame = certification_status(self._renewals, day, expiring_within_days=expiring_within_days)
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if len(self._status_cache) >= 4:
                self._status_cache.pop(next(iter(self._status_cache)))
            self._status_cache[key] = table
        return table

    def _certification_notes(self, firm: np.ndarray, standing: pa.Table, window: int) -> np.ndarray:
        """For each row's firm (-1: none), what its certification status means, in words ("" for none)."""
        notes = np.full(len(firm), "", dtype=object)
        rows = np.flatnonzero(firm >= 0)
        if not len(rows):
            return notes
        firms = firm[rows]
        picked = standing.take(pa.array(firms, pa.int64()))
        status = np.asarray(picked.column("certification_status").to_pylist(), dtype=object)
        day = np.datetime64(picked.column("as_of")[0].as_py(), "D")
        renews = _days(picked.column("renews_on"))
        # per certification type: the last day it is valid, for each row's firm (NaT: not held or undated)
        through = {c: days[firms] for c, days in self._valid_through().items()}
        still = status != "lapsed"
        lapsed_one = {c: still & ~np.isnat(d) & (d < day) for c, d in through.items()}
        due = {c: (status == "expiring") & (d == renews) for c, d in through.items()}
        worded = (status != "active") | np.logical_or.reduce(list(lapsed_one.values()))
        for i in np.flatnonzero(worded).tolist():
            s = status[i]
            if s == "lapsed":
                text = (f"certification lapsed on {picked.column('lapsed_on')[i].as_py()} "
                        f"(certified through {picked.column('certified_through')[i].as_py()})")
            elif s == "unknown":
                text = "no certification renewal date is published (status unknown; confirm with SBS)"
            else:
                parts = []
                if s == "expiring":
                    which = [c for c in due if due[c][i]]
                    parts.append(f"certification expiring: {' and '.join(which) or 'a certification'} "
                                 f"{'renew' if len(which) > 1 else 'renews'} on {renews[i]} "
                                 f"(within {window} days of {day})")
                # a firm still certified may hold another certification that lapsed
                parts += [f"{c} certification lapsed on {through[c][i] + 1}" for c in lapsed_one if lapsed_one[c][i]]
                text = "; ".join(parts)
            notes[rows[i]] = text
        return notes

    def _valid_through(self) -> dict[str, np.ndarray]:
        """Per certification type, each firm's last valid day (``datetime64[D]``; NaT when not held or undated)."""
        if self._valid_through_cache is None:
            self._valid_through_cache = {c: certification_valid_through(self._renewals, c)
                                         for c in CERTIFICATION_TYPES}
        return self._valid_through_cache

    def _frame(self, inp: _Input, firm: np.ndarray, alias: np.ndarray, score: np.ndarray,
               status: np.ndarray | None, reasons: np.ndarray, schema: pa.Schema, standing: pa.Table,
               rows: np.ndarray | None = None, rank: np.ndarray | None = None) -> pd.DataFrame:
        """The result frame of ``schema``; ``firm``/``alias``/``rank`` are -1 where there is none."""
        rows = np.arange(len(inp.values)) if rows is None else rows
        rank = np.full(len(rows), -1) if rank is None else rank
        take = pa.array(firm, pa.int64(), mask=firm < 0)  # null where there is no firm
        names = [self._alias_text[a] if a >= 0 else None for a in alias]
        input_text = [inp.shown[r] for r in rows]
        columns = {
            "input_row": pa.array(rows, pa.int64()),
            "input_name": pa.array(input_text, pa.string()),
            "rank": pa.array(rank, pa.int64(), mask=rank < 0),
            "account_number": self._account.take(take),
            "matched_name": pa.array(names, pa.string()),
            "score": pa.array(score, pa.float64(), from_pandas=True),
            "status": pa.array(status.tolist() if status is not None else [None] * len(rows), pa.string()),
            "reasons": pa.array(reasons.tolist(), pa.string()),
        }
        for f in CERTIFICATION_FIELDS:
            columns[f.name] = standing.column(f.name).take(take)
        for name, values in self._firm_columns.items():
            columns[name] = values.take(take)
        table = pa.table([columns[f.name] for f in schema], schema=schema)
        out = table.to_pandas(types_mapper=pd.ArrowDtype)
        out.index = inp.index if schema is MATCH_SCHEMA else pd.RangeIndex(len(rows))
        return out


def _days(dates: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Arrow dates as numpy ``datetime64[D]`` (NaT for null)."""
    return np.asarray(pc.cast(dates, pa.timestamp("s")).to_numpy(zero_copy_only=False)).astype("datetime64[D]")


def _column_or_nulls(table: pa.Table, name: str, type_: pa.DataType) -> pa.ChunkedArray:
    if name in table.column_names:
        return table.column(name).cast(type_)
    return pa.chunked_array([pa.nulls(table.num_rows, type_)], type_)


def _firm_columns(table: pa.Table) -> dict[str, pa.ChunkedArray]:
    """The directory's columns of :data:`FIRM_FIELDS`, one value per firm (null where absent)."""
    columns = {}
    for f in FIRM_FIELDS:
        if f.name == "contact_name":
            first = _column_or_nulls(table, "contact_first_name", pa.string())
            last = _column_or_nulls(table, "contact_last_name", pa.string())
            # null_handling="replace", not "skip": pyarrow 26 drops rows from "skip" on an all-null input
            joined = pc.binary_join_element_wise(first, last, " ", null_handling="replace", null_replacement="")
            joined = pc.utf8_trim_whitespace(joined)
            columns[f.name] = pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.string()), joined)
        else:
            columns[f.name] = _column_or_nulls(table, f.name, f.type)
    return columns


def _object(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame.columns:
        return np.full(len(frame), None, dtype=object)
    return frame[column].to_numpy(dtype=object, na_value=None)


def _subset(keys: _Keys, keep: np.ndarray) -> _Keys:
    out = _Keys([])
    for attr in _Keys.__slots__:
        setattr(out, attr, getattr(keys, attr)[keep])
    return out


def _group(values: np.ndarray) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for i, v in enumerate(values):
        groups.setdefault(v, []).append(i)
    return groups


def _lengths(strings: np.ndarray) -> np.ndarray:
    return np.fromiter((len(x) for x in strings), dtype=np.float64, count=len(strings))


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    m = counts.tocsr(copy=True)
    m.data = (1.0 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ m)


def _words(mask: int) -> str:
    """Generic words of a bitmask, quoted: 'group', 'services'."""
    return ", ".join(repr(w) for w, bit in _GENERIC_BIT.items() if mask & bit)


def _legal_name(mask: int) -> str:
    return "/".join(tag.upper() for tag, bit in _LEGAL_BIT.items() if mask & bit) or "none"


def _invalid_reason(value: Any) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "name is missing (NaN)"
    if _missing(value):
        return "name is missing"
    if isinstance(value, (bool, np.bool_)):
        return f"name is a true/false value ({value}), not text"
    return f"name is not text (got {type(value).__name__})"


def _check_threshold(threshold: Any) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real) or not 0 <= threshold <= 100:
        raise ValueError(f"threshold must be a number from 0 to 100, got {threshold!r}")
    return float(threshold)


# --------------------------------------------------------------------------- functions


def match_names(
    names: NameInput,
    directory: pd.DataFrame | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    name_column: str | None = None,
    as_of: Any = None,
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
) -> pd.DataFrame:
    """Which of these vendors are NYC-certified firms? One result row per input row.

    Args:
        names: a list (or array, Index, single string) of names, a Series, or
            a DataFrame with a name column. A DataFrame may also carry
            ``phone``, ``website`` and ``zip`` columns (any case; also
            ``telephone``, ``url``, ``postcode``, ``zip_code``): agreement with
            the directory raises a candidate's score, conflict lowers it.
        directory: a frame from :func:`mwbe_match.load_directory`; ``None``
            loads the default. To verify many lists, build a
            :class:`NameIndex` once and call its :meth:`~NameIndex.match`.
        threshold: lowest score (0-100) of a ``strong`` match. Scores within
            :data:`POSSIBLE_BAND` below it are ``possible``.
        name_column: the DataFrame's name column; by default the first of
            :data:`NAME_COLUMN_CANDIDATES` present (any case).
        as_of: the date certifications are judged on (a date or ``"YYYY-MM-DD"``;
            default today).
        expiring_within_days: a valid certification renewing within this many
            days of ``as_of`` makes the firm ``expiring`` (default 90).

    Returns:
        A DataFrame (pyarrow dtypes) with the input's index (a RangeIndex for
        a list), in input order, columns :data:`MATCH_COLUMNS`:

        - ``input_name``: the name as given, as text (null when missing);
        - ``account_number``: the firm's account number; for ``possible``
          rows the candidate to review; null for ``none`` and ``invalid``;
        - ``matched_name``: the formal name or DBA that matched;
        - ``score``: 0-100, name similarity adjusted by corroboration
          (null for ``invalid``; for ``none`` the closest name's score);
        - ``status``: ``exact`` (same name after :func:`normalize_name`, no
          conflicting evidence, no rival), ``strong`` (score >= threshold and
          more than :data:`AMBIGUITY_MARGIN` ahead of any other firm),
          ``possible``, ``none``, ``invalid`` (missing, empty or
          punctuation-only name, or not text). Only ``exact`` and ``strong``
          are matches;
        - ``certification_status``: the firm's certification on ``as_of``:
          ``active``, ``expiring`` (renews within ``expiring_within_days``),
          ``lapsed`` (every renewal date is before ``as_of``) or ``unknown``
          (no renewal date published); ``certified_through`` (its latest
          renewal date), ``renews_on`` (the next renewal date of a
          certification still valid on ``as_of``: for ``expiring``, when it
          must renew) and ``as_of``. ``status`` says only how sure the
          *name* match is: a certified vendor is ``exact``/``strong`` **and**
          ``active``/``expiring``. Null for ``none`` and ``invalid``;
        - ``reasons``: why, in words: how the name matched, which evidence
          agreed or conflicted, a rival firm, and the certification: "lapsed
          on DATE", when an expiring one renews, no published date, or one
          certification of several lapsed;
        - the firm's ``certifications`` (list of MBE/WBE/...),
          ``certification_expires`` (earliest renewal date), and whom to call
          and where: ``contact_name`` (first and last name), ``phone``,
          ``website``, ``address_line_1``, ``address_line_2``, ``city``,
          ``state``, ``zip``, ``ethnicity``, ``latitude``, ``longitude``
          (null for ``none`` and ``invalid``).

    Raises:
        NameColumnError: (a ``KeyError``) a DataFrame has no name column; the
            message lists the columns it has.
        TypeError: ``names`` is not list-like.
        ValueError: ``threshold`` is outside 0-100.
    """
    return NameIndex(directory).match(names, threshold=threshold, name_column=name_column, as_of=as_of,
                                      expiring_within_days=expiring_within_days)


def name_candidates(
    names: NameInput,
    directory: pd.DataFrame | None = None,
    *,
    k: int = 5,
    name_column: str | None = None,
    as_of: Any = None,
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
) -> pd.DataFrame:
    """The top ``k`` candidate firms for each input name, in long form, for review.

    Columns :data:`CANDIDATE_COLUMNS`: ``input_row`` (0-based position of the
    input row), ``input_name``, ``rank`` (1 = best), ``account_number``,
    ``matched_name``, ``score`` (corroborated, as in :func:`match_names`),
    ``certification_status``, ``certified_through``, ``renews_on``,
    ``as_of``, ``reasons``,
    then the firm's certifications and contact details as in
    :func:`match_names`. ``as_of`` and ``expiring_within_days`` as there.
    Rows are sorted by input position, then rank. An input row without any
    candidate (or with an invalid name) still has one row, with null ``rank``
    and ``account_number`` and the reason, so no input is lost.
    """
    return NameIndex(directory).candidates(names, k=k, name_column=name_column, as_of=as_of,
                                           expiring_within_days=expiring_within_days)
