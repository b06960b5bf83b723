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
        cache: dict[str, tuple[str, str, str, str, int, int]] = {}
        for i, name in enumerate(names):
            hit = cache.get(name)
            if hit is None:
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
                hit = (key, key.replace(" ", ""), literal, " ".join(core_toks), generic, legal)
                cache[name] = hit
            (self.key[i], self.compact[i], self.literal[i], self.core[i], self.generic[i], self.legal[i]) = hit

    def subset(self, keep: np.ndarray) -> NameKeys:
        """The keys of the names where ``keep`` is true (a boolean mask or positions)."""
        out = NameKeys([])
        for attr in NameKeys.__slots__:
            setattr(out, attr, getattr(self, attr)[keep])
        return out


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
