"""Verify stage 6, result frames: the columns of match and candidate results, and the firm columns they carry.

:data:`MATCH_SCHEMA` (one row per input row) and :data:`CANDIDATE_SCHEMA` (long
form, one row per input and candidate) name every column with its pyarrow type;
:func:`result_frame` assembles either from positions into the directory.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "CERTIFICATION_FIELDS",
    "FIRM_FIELDS",
    "MATCH_SCHEMA",
    "MATCH_COLUMNS",
    "CANDIDATE_SCHEMA",
    "CANDIDATE_COLUMNS",
    "column_or_nulls",
    "firm_columns",
    "result_frame",
]

#: How the matched firm's certification stands on the as-of date (see
#: :func:`mwbe_match.certification.certification_status`); null where there is no firm.
CERTIFICATION_FIELDS: tuple[pa.Field, ...] = (
    pa.field("certification_status", pa.string()),
    pa.field("certified_through", pa.date32()),
    pa.field("renews_on", pa.date32()),
    pa.field("valid_certifications", pa.list_(pa.string())),  # the certification types valid on as_of
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


def column_or_nulls(table: pa.Table, name: str, type_: pa.DataType) -> pa.ChunkedArray:
    """``table``'s column ``name`` cast to ``type_``, or all nulls when the table has no such column."""
    if name in table.column_names:
        return table.column(name).cast(type_)
    return pa.chunked_array([pa.nulls(table.num_rows, type_)], type_)


def firm_columns(table: pa.Table) -> dict[str, pa.ChunkedArray]:
    """The directory's columns of :data:`FIRM_FIELDS`, one value per firm (null where absent)."""
    columns = {}
    for f in FIRM_FIELDS:
        if f.name == "contact_name":
            first = column_or_nulls(table, "contact_first_name", pa.string())
            last = column_or_nulls(table, "contact_last_name", pa.string())
            # null_handling="replace", not "skip": pyarrow 26 drops rows from "skip" on an all-null input
            joined = pc.binary_join_element_wise(first, last, " ", null_handling="replace", null_replacement="")
            joined = pc.utf8_trim_whitespace(joined)
            columns[f.name] = pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.string()), joined)
        else:
            columns[f.name] = column_or_nulls(table, f.name, f.type)
    return columns


def result_frame(schema: pa.Schema, *, index: pd.Index, shown: list, firm: np.ndarray, alias: np.ndarray,
                 score: np.ndarray, status: np.ndarray | None, reasons: np.ndarray, standing: pa.Table,
                 account: pa.ChunkedArray, alias_text: np.ndarray, firms: dict[str, pa.ChunkedArray],
                 rows: np.ndarray | None = None, rank: np.ndarray | None = None) -> pd.DataFrame:
    """The result frame of ``schema`` (:data:`MATCH_SCHEMA` or :data:`CANDIDATE_SCHEMA`).

    ``firm``/``alias``/``rank`` are positions (-1 where there is none) into the firms (``account``,
    ``standing``: :data:`CERTIFICATION_FIELDS` per firm, ``firms``: :func:`firm_columns`) and the
    directory's names (``alias_text``); ``rows`` the input row of each result row (default: one each);
    ``shown`` the input names and ``index`` the input's index (kept by match results).
    """
    rows = np.arange(len(shown)) if rows is None else rows
    rank = np.full(len(rows), -1) if rank is None else rank
    take = pa.array(firm, pa.int64(), mask=firm < 0)  # null where there is no firm
    names = [alias_text[a] if a >= 0 else None for a in alias]
    input_text = [shown[r] for r in rows]
    columns = {
        "input_row": pa.array(rows, pa.int64()),
        "input_name": pa.array(input_text, pa.string()),
        "rank": pa.array(rank, pa.int64(), mask=rank < 0),
        "account_number": account.take(take),
        "matched_name": pa.array(names, pa.string()),
        "score": pa.array(score, pa.float64(), from_pandas=True),
        "status": pa.array(status.tolist() if status is not None else [None] * len(rows), pa.string()),
        "reasons": pa.array(reasons.tolist(), pa.string()),
    }
    for f in CERTIFICATION_FIELDS:
        columns[f.name] = standing.column(f.name).take(take)
    for name, values in firms.items():
        columns[name] = values.take(take)
    table = pa.table([columns[f.name] for f in schema], schema=schema)
    out = table.to_pandas(types_mapper=pd.ArrowDtype)
    out.index = index if schema is MATCH_SCHEMA else pd.RangeIndex(len(rows))
    return out
