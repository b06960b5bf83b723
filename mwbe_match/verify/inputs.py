"""Verify stage 2, input handling: the rows to verify, their name column, d/b/a variants and corroborating columns.

A vendor list arrives as a list, a Series or a DataFrame; :class:`VerifyInput`
holds its raw name values, their text, the index the result keeps, and the
optional ``phone``/``website``/``zip`` columns normalized like the directory's.
:func:`query_variants` turns the rows into the distinct names to search (each
name, and each side of a d/b/a inside it) and says which rows have no usable name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..directory import normalize_phones, normalize_zips
from .normalize import is_missing, may_hold_dba, name_text, split_dba

__all__ = [
    "NameInput",
    "NAME_COLUMN_CANDIDATES",
    "PHONE_COLUMNS",
    "WEBSITE_COLUMNS",
    "ZIP_COLUMNS",
    "NameColumnError",
    "find_name_column",
    "column_values",
    "website_domain",
    "website_domains",
    "invalid_reason",
    "VerifyInput",
    "QueryVariants",
    "query_variants",
]

NameInput = Union[pd.DataFrame, pd.Series, Sequence[Any], np.ndarray, pd.Index, str]

#: Names of the name column looked for (case-insensitively, in this order) when
#: ``name_column`` is not given.
NAME_COLUMN_CANDIDATES: tuple[str, ...] = ("name", "vendor_name", "vendor", "company", "input_name",
                                           "업체명", "업체", "회사", "회사명", "상호", "상호명", "거래처", "거래처명",
                                           "공급업체", "공급업체명", "협력업체", "협력사")

#: Corroborating columns looked for (case-insensitively, first present wins).
PHONE_COLUMNS: tuple[str, ...] = ("phone", "telephone", "phone_number", "전화", "전화번호", "연락처")
WEBSITE_COLUMNS: tuple[str, ...] = ("website", "url", "web_site", "웹사이트", "홈페이지")
ZIP_COLUMNS: tuple[str, ...] = ("zip", "zip_code", "zipcode", "postcode", "postal_code", "우편번호")


class NameColumnError(KeyError):
    """The DataFrame has no name column (the message lists the columns it has)."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


def find_name_column(frame: pd.DataFrame, name_column: str | None = None) -> Any:
    """The label of ``frame``'s name column: ``name_column`` (matched ignoring case when not exact), or
    by default the first of :data:`NAME_COLUMN_CANDIDATES` present (any case).

    Raises:
        NameColumnError: (a ``KeyError``) there is no such column; the message lists the columns there are.
    """
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



def column_values(frame: pd.DataFrame, column: Any) -> np.ndarray:
    """One column's cells as an object array (None for missing); a duplicated column label is an error."""
    values = frame[column]
    if isinstance(values, pd.DataFrame):
        raise ValueError(f"the DataFrame has {values.shape[1]} columns named {column!r}; keep one")
    return values.to_numpy(dtype=object, na_value=None)


def website_domain(url: Any) -> str | None:
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


def website_domains(urls: Sequence[Any]) -> np.ndarray:
    """:func:`website_domain` of many URLs at once (pyarrow compute; non-ASCII URLs one by one)."""
    values = [u if isinstance(u, str) else None for u in urls]
    arr = pa.array(values, pa.string())
    s = pc.utf8_lower(pc.utf8_trim_whitespace(arr))
    s = pc.replace_substring_regex(s, "^[a-z][a-z0-9+.-]*://", "", max_replacements=1)
    s = pc.replace_substring_regex(s, "(?s)[/?#:\\s].*$", "", max_replacements=1)
    s = pc.replace_substring_regex(s, "^.*@", "", max_replacements=1)
    s = pc.replace_substring_regex(s, "^www\\.", "", max_replacements=1)
    ok = pc.and_(pc.match_substring(s, "."), pc.greater(pc.utf8_length(s), 3))
    out = np.asarray(pc.if_else(ok, s, pa.scalar(None, pa.string())).to_numpy(zero_copy_only=False), dtype=object)
    for i in np.flatnonzero(~np.asarray(pc.string_is_ascii(arr).fill_null(True), dtype=bool)).tolist():
        out[i] = website_domain(values[i])
    return out


def invalid_reason(value: Any) -> str:
    """Why a cell is not a usable name, in words (the cell is missing or not text)."""
    if isinstance(value, float) and np.isnan(value):
        return "name is missing (NaN)"
    if is_missing(value):
        return "name is missing"
    if isinstance(value, (bool, np.bool_)):
        return f"name is a true/false value ({value}), not text"
    return f"name is not text (got {type(value).__name__})"


def _blank(arr: pa.Array) -> pa.Array:
    arr = pc.utf8_trim_whitespace(arr)
    return pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)


class VerifyInput:
    """The rows to verify: raw name values and the optional corroborating columns.

    Attributes:
        values: each row's name cell (object array); ``text`` its text (None: no name);
        shown: what ``input_name`` shows; index: the result's index;
        phone, domain, zip: normalized corroborating values per row (None when the column is absent);
        notes: per row, corroborating values that were ignored, in words.
    """

    def __init__(self, names: NameInput, name_column: str | None = None):
        self.phone: np.ndarray | None = None
        self.domain: np.ndarray | None = None
        self.zip: np.ndarray | None = None
        self.notes: dict[int, list[str]] = {}
        if isinstance(names, pd.DataFrame):
            self.values = column_values(names, find_name_column(names, name_column))
            self.index = names.index
            self._corroborating(names)
        else:
            if name_column is not None:
                raise TypeError("name_column= applies only when names is a DataFrame")
            self.values, self.index = _list_values(names)
        self.text = [v if type(v) is str else name_text(v) for v in self.values]
        # What the user sees as input_name: the text, or what a non-text value looked like.
        self.shown = [t if t is not None or is_missing(v) else str(v) for v, t in zip(self.values, self.text)]

    def __len__(self) -> int:
        return len(self.values)

    def _corroborating(self, frame: pd.DataFrame) -> None:
        lower = {str(c).lower(): c for c in frame.columns}

        def column(aliases: tuple[str, ...]) -> pa.Array | None:
            for alias in aliases:
                if alias in lower:
                    values = column_values(frame, lower[alias])
                    return _blank(pa.array([name_text(v) for v in values], type=pa.string()))
            return None

        phone = column(PHONE_COLUMNS)
        if phone is not None:
            self.phone = self._normalized(phone, normalize_phones, "phone {!r} ignored (not a 10-digit number)")
        website = column(WEBSITE_COLUMNS)
        if website is not None:
            self.domain = website_domains(website.to_pylist())
        zips = column(ZIP_COLUMNS)
        if zips is not None:
            self.zip = self._normalized(zips, normalize_zips, "ZIP {!r} ignored (not a 5-digit ZIP code)")

    def _normalized(self, raw: pa.Array, normalize: Any, note: str) -> np.ndarray:
        """Normalize a corroboration column like the directory's; note each value that is ignored."""
        values, bad = normalize(raw)
        for i in np.flatnonzero(bad).tolist():
            self.notes.setdefault(i, []).append(note.format(raw[i].as_py()))
        return np.asarray(values.to_pylist(), dtype=object)


def _list_values(names: Any) -> tuple[np.ndarray, pd.Index]:
    """The name cells and index of a list-like input (a single string is one name)."""
    if isinstance(names, str):
        names = [names]
    if isinstance(names, pd.Series):
        return names.to_numpy(dtype=object, na_value=None), names.index
    if isinstance(names, (list, tuple, np.ndarray, pd.Index)) or (
        isinstance(names, Iterable) and not isinstance(names, (dict, bytes, set, frozenset))
    ):
        values = list(names)
        if isinstance(names, np.ndarray) and names.ndim != 1:
            raise ValueError(f"names must be one-dimensional, got an array of shape {names.shape}")
        out = np.empty(len(values), dtype=object)
        out[:] = values
        return out, pd.RangeIndex(len(values))
    raise TypeError(
        "names must be a list, a pandas Series or a DataFrame with a name column, "
        f"not {type(names).__name__}"
    )


class QueryVariants:
    """What to search for the rows of a :class:`VerifyInput`.

    Attributes:
        names: the distinct names to search (each row's name, and each side of a d/b/a inside it);
        row, query, part: parallel arrays linking each row to its searched names (``query``: position
            in ``names``; ``part``: ``""`` for the whole name, else ``"one side of its d/b/a"``);
        problem: per row, why it has no usable name (``""`` when it has one, so far: see
            :meth:`mark_keyless`).
    """

    def __init__(self, names: list[str], row: np.ndarray, query: np.ndarray, part: np.ndarray,
                 problem: np.ndarray):
        self.names, self.row, self.query, self.part, self.problem = names, row, query, part, problem

    def mark_keyless(self, usable: np.ndarray) -> None:
        """Rows none of whose searched names has a key (``usable``: per name) have no letters or digits."""
        has_key = np.zeros(len(self.problem), dtype=bool)
        has_key[self.row[usable[self.query]]] = True
        self.problem[(self.problem == "") & ~has_key] = "name has no letters or digits"

    def link(self) -> pd.DataFrame:
        """The row-to-name links as a frame: ``row``, ``q`` (the name's position), ``part``."""
        return pd.DataFrame({"row": self.row, "q": self.query, "part": self.part})


def query_variants(inp: VerifyInput) -> QueryVariants:
    """The distinct names to search for ``inp``'s rows, and each row's validity problem.

    Vectorized: the rows' texts are deduplicated with pyarrow; only texts that may hold a d/b/a marker
    (:func:`~mwbe_match.verify.normalize.may_hold_dba`) and rows without a usable name take the per-row path.
    """
    n = len(inp.values)
    problem = np.full(n, "", dtype=object)
    arr = pa.array(inp.text, pa.string()) if n else pa.array([], pa.string())
    blank = np.asarray(pc.equal(pc.utf8_trim_whitespace(arr), "").fill_null(False), dtype=bool)
    missing = np.asarray(arr.is_null(), dtype=bool)
    for row in np.flatnonzero(missing).tolist():
        problem[row] = invalid_reason(inp.values[row])
    problem[blank] = "name is empty"
    usable = np.flatnonzero(~missing & ~blank)
    encoded = pc.dictionary_encode(arr.take(pa.array(usable, pa.int64())))
    names: list[str] = encoded.dictionary.to_pylist()
    row_ids = [usable]
    part_ids = [np.asarray(encoded.indices, dtype=np.int64)]
    kinds = [np.full(len(usable), "", dtype=object)]
    maybe = may_hold_dba([names[i] for i in part_ids[0].tolist()]) if len(usable) else np.zeros(0, bool)
    distinct = None
    extra_rows: list[int] = []
    extra_ids: list[int] = []
    for j in np.flatnonzero(maybe).tolist():
        parts = split_dba(names[part_ids[0][j]])
        if len(parts) < 2:
            continue
        if distinct is None:
            distinct = {name: i for i, name in enumerate(names)}
        for p in parts:
            if p not in distinct:
                distinct[p] = len(names)
                names.append(p)
            extra_rows.append(int(usable[j]))
            extra_ids.append(distinct[p])
    if extra_rows:
        row_ids.append(np.asarray(extra_rows, np.int64))
        part_ids.append(np.asarray(extra_ids, np.int64))
        kinds.append(np.full(len(extra_rows), "one side of its d/b/a", dtype=object))
    row = np.concatenate(row_ids).astype(np.int64)
    order = np.argsort(row, kind="stable")  # each row's whole name, then the sides of its d/b/a
    return QueryVariants(names, row[order], np.concatenate(part_ids)[order], np.concatenate(kinds)[order],
                         problem)
