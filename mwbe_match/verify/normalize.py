"""Verify stage 1, name normalization: the key a business name is compared by (legal forms, abbreviations, d/b/a).

:func:`normalize_name` is the public entry; :class:`NameKeys` holds every key the
later stages compare (the key, without spaces, as typed, its core without generic
words, and bitmasks of the generic words and legal forms it carried).
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "normalize_name",
    "NameKeys",
    "LEGAL_FORMS",
    "ABBREVIATIONS",
    "PHRASES",
    "GENERIC_WORDS",
    "is_missing",
    "name_text",
    "name_tokens",
    "split_dba",
    "may_hold_dba",
    "generic_words_text",
    "legal_forms_text",
    "legal_mask",
]

#: Legal forms, as token sequences (after punctuation is removed), and their canonical tag.
LEGAL_FORMS: dict[tuple[str, ...], str] = {
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
_LEGAL_TAGS: tuple[str, ...] = tuple(sorted(set(LEGAL_FORMS.values())))
_LEGAL_BIT = {tag: 1 << i for i, tag in enumerate(_LEGAL_TAGS)}
_MAX_LEGAL_LEN = max(len(k) for k in LEGAL_FORMS)

#: Abbreviations and spelling variants -> the canonical word used in keys.
ABBREVIATIONS: dict[str, str] = {}
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
        ABBREVIATIONS[_v] = _canon

#: Multi-word phrases replaced before single-word abbreviations.
PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("new", "york", "city"): ("nyc",),
    ("new", "york"): ("ny",),
}

#: Generic words: a name missing one still likely means the same firm ("Acme" for
#: "Acme Group"), but two names differing *only* in different generic words are rivals.
GENERIC_WORDS: tuple[str, ...] = (
    "group", "services", "solutions", "enterprises", "associates", "consulting", "consultants",
    "holdings", "industries", "international", "global", "usa", "america", "ny", "nyc",
    "partners", "ventures", "systems", "agency", "firm", "company", "companies", "co",
    "corporate", "worldwide", "unlimited", "network", "studio", "studios", "llc", "inc",
)
_GENERIC_BIT = {w: 1 << i for i, w in enumerate(GENERIC_WORDS)}

_STOP_WORDS = frozenset({"and", "of"})

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



def is_missing(value: Any) -> bool:
    """Whether a cell holds no value at all (None, ``pd.NA``, ``pd.NaT``, NaN)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def name_text(value: Any) -> str | None:
    """A name cell as text, or None when it holds no name (missing, true/false, not text)."""
    if is_missing(value):
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


def name_tokens(part: str, canonical: bool = True) -> tuple[list[str], int]:
    """Normalized tokens of one name (no d/b/a inside) and the bitmask of legal forms removed.

    ``canonical=False`` leaves words as written (no abbreviation or phrase mapping): typos
    are counted against what was typed, so "Serviec" is one edit from "Service".
    """
    return _finished(_initialisms(_folded_words(part)), canonical)


def _finished(toks: list[str], canonical: bool) -> tuple[list[str], int]:
    """Words after :func:`_initialisms`, mapped to canonical words (if ``canonical``), without a leading
    "the" and trailing legal forms; and the bitmask of the legal forms removed."""
    out = _canonical_words(toks) if canonical else toks
    # Leading "the", then trailing legal forms (repeatedly: "Co., Inc."), keeping one word.
    while len(out) > 1 and out[0] == "the":
        out = out[1:]
    return _strip_legal_forms(out)


def _folded_words(part: str) -> list[str]:
    """Quotes, accents and case folded, apostrophes and periods dropped, ``&``/``+`` read as "and"; the words."""
    s = part.translate(_QUOTES)
    if not s.isascii():  # ASCII text has no accents to fold: NFKD leaves it as it is
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold()
    s = _DROP.sub("", s)
    s = _AND.sub(" and ", s)
    return [t for t in _NON_WORD.split(s) if t]


def _initialisms(raw: list[str]) -> list[str]:
    """Stop words dropped; runs of single letters are one initialism: "a m" (from A&M, A. M.) and "am" agree."""
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
    return [t for t in toks if t not in _STOP_WORDS]


def _canonical_words(toks: list[str]) -> list[str]:
    """Phrases, then abbreviations, replaced by their canonical words."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        for phrase, repl in PHRASES.items():
            if tuple(toks[i:i + len(phrase)]) == phrase:
                out.extend(repl)
                i += len(phrase)
                break
        else:
            out.append(ABBREVIATIONS.get(toks[i], toks[i]))
            i += 1
    return out


def _strip_legal_forms(out: list[str]) -> tuple[list[str], int]:
    """Trailing legal forms removed (repeatedly), keeping one word; and the bitmask of those removed."""
    legal = 0
    stripped = True
    while stripped and len(out) > 1:
        stripped = False
        for n in range(min(_MAX_LEGAL_LEN, len(out) - 1), 0, -1):
            tail = tuple(out[-n:])
            if tail in LEGAL_FORMS:
                legal |= _LEGAL_BIT[LEGAL_FORMS[tail]]
                out = out[:-n]
                stripped = True
                break
    return out, legal


def split_dba(text: str) -> list[str]:
    """A name split at d/b/a, a/k/a, f/k/a markers (the whole name if it has none).

    A marker at the very start or end is part of the name ("DBA Consulting"), not a split.
    """
    pieces = _DBA_SPLIT.split(text)
    if len(pieces) == 1 or any(not p.strip() for p in pieces):
        return [text]
    return pieces


_DBA_RE2 = "(?i)" + _DBA_SPLIT.pattern


def may_hold_dba(texts: Sequence[str | None] | pa.Array) -> np.ndarray:
    """Per text, whether :func:`split_dba` may split it (a d/b/a marker may be inside); vectorized, so
    only those few texts go through the per-name rule. Missing texts: False; non-ASCII texts: True.
    ``texts`` may be a pyarrow string array."""
    arr = texts if isinstance(texts, (pa.Array, pa.ChunkedArray)) else pa.array(list(texts), pa.string())
    hit = pc.or_(pc.match_substring_regex(arr, _DBA_RE2), pc.invert(pc.string_is_ascii(arr)))
    return np.asarray(hit.fill_null(False), dtype=bool)


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
    text = name_text(name)
    if text is None:
        return ""
    keys = [" ".join(name_tokens(p)[0]) for p in split_dba(text)]
    return " ".join(k for k in keys if k)


# --------------------------------------------------------------------------- keys


class NameKeys:
    """Comparison keys for a list of (already split) names, computed once per distinct name.

    Parallel arrays, one value per name: ``key`` (:func:`normalize_name` of one side), ``compact``
    (the key without spaces), ``literal`` (the words as typed, no abbreviation mapping, without
    spaces), ``core`` (the key without :data:`GENERIC_WORDS`, or the key if nothing else is left),
    and the bitmasks ``generic`` (generic words present) and ``legal`` (legal forms removed); read
    the masks with :func:`generic_words_text` and :func:`legal_forms_text`.

    Vectorized: ASCII names (nearly all) are folded, split and mapped with pyarrow compute and numpy
    over all names at once (:func:`ascii_keys`); only names with other characters (accents, Hangul)
    go through the per-name rules of :func:`name_tokens`, which give the same keys.
    """

    __slots__ = ("key", "compact", "literal", "core", "generic", "legal")

    def __init__(self, names: Sequence[str]):
        n = len(names)
        self.key = np.empty(n, dtype=object)
        self.compact = np.empty(n, dtype=object)
        self.literal = np.empty(n, dtype=object)
        self.core = np.empty(n, dtype=object)
        self.generic = np.zeros(n, dtype=np.int64)
        self.legal = np.zeros(n, dtype=np.int64)
        if not n:
            return
        encoded = pc.dictionary_encode(pa.array(list(names), pa.string()))
        distinct, inverse = encoded.dictionary, np.asarray(encoded.indices)
        ascii_ = np.asarray(pc.string_is_ascii(distinct), dtype=bool)
        columns = [np.empty(len(distinct), dtype=object) for _ in range(4)] + [
            np.zeros(len(distinct), dtype=np.int64) for _ in range(2)]
        where = np.flatnonzero(ascii_)
        if len(where):
            for col, values in zip(columns, ascii_keys(distinct.take(pa.array(where)))):
                col[where] = values
        for i in np.flatnonzero(~ascii_).tolist():
            for col, value in zip(columns, _python_keys(distinct[i].as_py())):
                col[i] = value
        for attr, col in zip(NameKeys.__slots__, columns):
            setattr(self, attr, col[inverse])

    def subset(self, keep: np.ndarray) -> NameKeys:
        """The keys of the names where ``keep`` is true (a boolean mask or positions)."""
        out = NameKeys([])
        for attr in NameKeys.__slots__:
            setattr(out, attr, getattr(self, attr)[keep])
        return out


def _python_keys(name: str) -> tuple[str, str, str, str, int, int]:
    """(key, compact, literal, core, generic, legal) of one name, by the per-name rules."""
    words = _initialisms(_folded_words(name))  # shared by the key and the literal form
    toks, legal = _finished(words, True)
    core_toks = [t for t in toks if t not in _GENERIC_BIT]
    generic = 0
    for t in toks:
        generic |= _GENERIC_BIT.get(t, 0)
    if not core_toks:
        core_toks = toks
    key = " ".join(toks)
    literal = "".join(_finished(words, False)[0])
    return key, key.replace(" ", ""), literal, " ".join(core_toks), generic, legal


_LEGAL_WORDS = pa.array(sorted({w for form in LEGAL_FORMS for w in form}), pa.string())
_ABBREV_FROM = pa.array(list(ABBREVIATIONS), pa.string())
_ABBREV_TO = pa.array(list(ABBREVIATIONS.values()), pa.string())
_GENERIC_ARRAY = pa.array(list(GENERIC_WORDS), pa.string())
_GENERIC_BITS = np.asarray([_GENERIC_BIT[w] for w in GENERIC_WORDS], dtype=np.int64)
_STOP_ARRAY = pa.array(sorted(_STOP_WORDS), pa.string())
_PHRASE_FIRST = pa.array(sorted({phrase[0] for phrase in PHRASES}), pa.string())


def _runs_from_end(flag: np.ndarray, parent: np.ndarray, n_names: int, counts: np.ndarray) -> np.ndarray:
    """Per name: how many of its last tokens are all ``flag``ged (tokens in name order, ``parent``: name)."""
    ends = np.cumsum(counts)
    pos_from_end = ends[parent] - 1 - np.arange(len(parent))
    first_unflagged = np.full(n_names, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_unflagged, parent[~flag], pos_from_end[~flag])
    return np.minimum(first_unflagged, counts)


def _join(tokens: pa.Array, parent: np.ndarray, n_names: int, sep: str) -> np.ndarray:
    """Tokens (in name order, ``parent``: their name) joined per name; "" for a name without tokens."""
    return np.asarray(_join_arrow(tokens, parent, n_names, sep).to_numpy(zero_copy_only=False), dtype=object)


def _join_arrow(tokens: pa.Array, parent: np.ndarray, n_names: int, sep: str) -> pa.Array:
    """:func:`_join` as a pyarrow string array."""
    counts = np.bincount(parent, minlength=n_names)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    lists = pa.ListArray.from_arrays(pa.array(offsets), tokens)
    return pc.binary_join(lists, sep)


def _strip_tails(tokens: pa.Array, parent: np.ndarray, n_names: int) -> tuple[np.ndarray, np.ndarray]:
    """Per name: how many trailing tokens :func:`_strip_legal_forms` removes, and the legal bitmask.

    Only a name's trailing run of legal-form words (at most all but its first word) can be removed,
    so the rule runs once per distinct run ("co inc", "llc"), not once per name."""
    counts = np.bincount(parent, minlength=n_names)
    flag = np.asarray(pc.is_in(tokens, value_set=_LEGAL_WORDS), dtype=bool)
    run = np.minimum(_runs_from_end(flag, parent, n_names, counts), np.maximum(counts - 1, 0))
    has = np.flatnonzero(run > 0)
    stripped = np.zeros(n_names, dtype=np.int64)
    legal = np.zeros(n_names, dtype=np.int64)
    if not len(has):
        return stripped, legal
    ends = np.cumsum(counts)
    starts = ends - run
    r = run[has]
    take = np.repeat(starts[has], r) + (np.arange(r.sum()) - np.repeat(np.cumsum(r) - r, r))
    tails = _join_arrow(tokens.take(pa.array(take)), np.repeat(np.arange(len(has)), run[has]), len(has), " ")
    encoded = pc.dictionary_encode(tails)  # the rule once per distinct tail
    removed = np.zeros(len(encoded.dictionary), dtype=np.int64)
    masks = np.zeros(len(encoded.dictionary), dtype=np.int64)
    for j, tail in enumerate(encoded.dictionary.to_pylist()):
        words = tail.split()
        kept, mask = _strip_legal_forms(["\x00", *words])
        removed[j], masks[j] = len(words) + 1 - len(kept), mask
    which = np.asarray(encoded.indices, dtype=np.int64)
    stripped[has], legal[has] = removed[which], masks[which]
    return stripped, legal


#: Each byte as itself when it is a lower-case ASCII letter or digit, else a space.
_WORD_BYTES = np.full(256, ord(" "), dtype=np.uint8)
_WORD_BYTES[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz0123456789", dtype=np.uint8)] = np.frombuffer(
    b"abcdefghijklmnopqrstuvwxyz0123456789", dtype=np.uint8)


def _spaced(texts: pa.Array) -> pa.Array:
    """Lower-case ASCII texts with every character other than a letter or digit made a space (the same
    lengths: one byte each, so the offsets stay)."""
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    validity, offsets, data = texts.buffers()
    if data is None:
        return texts
    mapped = pa.py_buffer(_WORD_BYTES[np.frombuffer(data, dtype=np.uint8)])
    return pa.Array.from_buffers(texts.type, len(texts), [validity, offsets, mapped], texts.null_count,
                                 texts.offset)


def ascii_keys(names: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(key, compact, literal, core, generic, legal) of ASCII names, all at once (what :class:`NameKeys`
    holds): the rules of :func:`normalize_name` (after d/b/a splitting) as pyarrow compute and numpy passes."""
    n = len(names)
    s = pc.ascii_lower(names)
    for mark in "'.`":
        s = pc.replace_substring(s, mark, "")
    for mark in "&+":
        s = pc.replace_substring(s, mark, " and ")
    lists = pc.split_pattern(_spaced(s), " ")  # words: runs of letters and digits
    tokens = pc.list_flatten(lists)
    parent = np.asarray(pc.list_parent_indices(lists), dtype=np.int64)
    keep = np.asarray(pc.and_(pc.not_equal(tokens, ""), pc.invert(pc.is_in(tokens, value_set=_STOP_ARRAY))),
                      dtype=bool)
    tokens, parent = tokens.filter(pa.array(keep)), parent[keep]
    # runs of single letters (in one name) are one initialism: "a m" -> "am"
    single = np.asarray(pc.and_(pc.equal(pc.utf8_length(tokens), 1), pc.ascii_is_alpha(tokens)), dtype=bool)
    same_run = np.zeros(len(tokens), dtype=bool)
    if len(tokens) > 1:
        same_run[1:] = single[1:] & single[:-1] & (parent[1:] == parent[:-1])
    group_start = np.flatnonzero(~same_run)
    group_parent = parent[group_start]
    offsets = np.concatenate([group_start, [len(tokens)]]).astype(np.int32)
    tokens = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), tokens), "")
    keep = np.asarray(pc.invert(pc.is_in(tokens, value_set=_STOP_ARRAY)), dtype=bool)  # "o f" spelled "of"
    words, parent = tokens.filter(pa.array(keep)), group_parent[keep]
    lit_words, lit_parent, _ = _finish(words, parent, n)
    canonical, cparent = _canonical(words, parent)
    toks, tparent, legal = _finish(canonical, cparent, n)
    key = _join(toks, tparent, n, " ")
    compact = _join(toks, tparent, n, "")
    generic_pos = np.asarray(pc.index_in(toks, value_set=_GENERIC_ARRAY).fill_null(-1), dtype=np.int64)
    is_generic = generic_pos >= 0
    generic = np.zeros(n, dtype=np.int64)
    np.bitwise_or.at(generic, tparent[is_generic], _GENERIC_BITS[generic_pos[is_generic]])
    n_core = np.bincount(tparent[~is_generic], minlength=n)
    core = _join(toks.filter(pa.array(~is_generic)), tparent[~is_generic], n, " ")
    core = np.where(n_core > 0, core, key)
    return key, compact, _join(lit_words, lit_parent, n, ""), core, generic, legal


def _canonical(words: pa.Array, parent: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """:func:`_canonical_words` over all names: the phrases of :data:`PHRASES`, then :data:`ABBREVIATIONS`.

    Only the words where a phrase can start (and the few after them) are read as Python objects."""
    n = len(words)
    starts = np.flatnonzero(np.asarray(pc.is_in(words, value_set=_PHRASE_FIRST), dtype=bool)) if n else []
    if not len(starts):
        return _abbreviated(words), parent
    longest = max(len(phrase) for phrase in PHRASES)
    near = np.unique(np.concatenate([starts + j for j in range(longest)]))
    near = near[near < n]
    word = dict(zip(near.tolist(), words.take(pa.array(near)).to_pylist()))
    at = starts.tolist()
    drop = np.zeros(n, dtype=bool)
    for phrase, repl in PHRASES.items():  # in order, left to right, a word used once
        k = len(phrase)
        # where the whole phrase stands in one name, none of its words used by an earlier phrase
        hits = [i for i in at if i + k <= n and not drop[i:i + k].any()
                and all(word[i + j] == phrase[j] and parent[i + j] == parent[i] for j in range(k))]
        for i in hits:
            if drop[i:i + k].any():  # overlaps a phrase replaced just before (left to right)
                continue
            word[i] = " ".join(repl)
            drop[i + 1:i + k] = True
    mask = np.zeros(n, dtype=bool)
    mask[starts] = True
    replaced = pc.replace_with_mask(words, pa.array(mask), pa.array([word[i] for i in at], pa.string()))
    keep = ~drop
    return _abbreviated(replaced.filter(pa.array(keep))), parent[keep]


def _abbreviated(arr: pa.Array) -> pa.Array:
    """Each word of :data:`ABBREVIATIONS` replaced by its expansion."""
    pos = pc.index_in(arr, value_set=_ABBREV_FROM)
    return pc.if_else(pc.is_valid(pos), pc.take(_ABBREV_TO, pos.fill_null(0)), arr)


def _finish(words: pa.Array, parent: np.ndarray, n: int) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """:func:`_finished` over all names: a leading "the" (repeatedly) and trailing legal forms removed, one
    word always kept. Returns (words, parent, legal bitmask per name)."""
    counts = np.bincount(parent, minlength=n)
    starts = np.cumsum(counts) - counts
    pos = np.arange(len(parent)) - starts[parent]
    is_the = np.asarray(pc.equal(words, "the"), dtype=bool)
    first_other = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_other, parent[~is_the], pos[~is_the])
    leading = np.minimum(first_other, np.maximum(counts - 1, 0))
    keep = pos >= leading[parent]
    words, parent = words.filter(pa.array(keep)), parent[keep]
    stripped, legal = _strip_tails(words, parent, n)
    counts = np.bincount(parent, minlength=n)
    pos_from_end = np.cumsum(counts)[parent] - 1 - np.arange(len(parent))
    keep = pos_from_end >= stripped[parent]
    return words.filter(pa.array(keep)), parent[keep], legal


def generic_words_text(mask: int) -> str:
    """Generic words of a :attr:`NameKeys.generic` bitmask, quoted: 'group', 'services'."""
    return ", ".join(repr(w) for w, bit in _GENERIC_BIT.items() if mask & bit)


def legal_forms_text(mask: int) -> str:
    """Legal forms of a :attr:`NameKeys.legal` bitmask: ``LLC``, ``CORP/INC``, or ``none``."""
    return "/".join(tag.upper() for tag, bit in _LEGAL_BIT.items() if mask & bit) or "none"


def legal_mask(tags: Sequence[str]) -> int:
    """The :attr:`NameKeys.legal` bitmask of canonical legal-form tags (``"inc"``, ``"llc"``: the values of
    :data:`LEGAL_FORMS`); ``ValueError`` naming an unknown tag."""
    mask = 0
    for tag in tags:
        if tag not in _LEGAL_BIT:
            raise ValueError(f"unknown legal form {tag!r}; known: {', '.join(_LEGAL_TAGS)}")
        mask |= _LEGAL_BIT[tag]
    return mask
