"""Engine output: the columns of shortlists and funnels, and how a result table becomes a frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ..schema import DIRECTORY_SCHEMA
from .industry import NAICS_MATCH_LEVELS
from .signals import SIGNALS

__all__ = ["SHORTLIST_SCHEMA", "SHORTLIST_COLUMNS", "NAICS_MATCH_LEVELS", "FUNNEL_SCHEMA", "ELIMINATED_BY",
           "best_rows", "empty_table", "frame", "empty_frame"]

_STRING = pa.string()

#: pyarrow types of the shortlist columns, in order (the frame uses ``pd.ArrowDtype`` of these;
#: firm columns keep their directory types). ``score`` is the sum of the signals' parts next to it,
#: ``text_score`` + ``industry_score`` (each rounded to 2 decimals, so the sum may differ by 0.01).
SHORTLIST_SCHEMA: pa.Schema = pa.schema(
    [("need_id", _STRING), ("rank", pa.int64())]
    + [DIRECTORY_SCHEMA.field(c) for c in ("account_number", "name", "dba")]
    + [("score", pa.float64())]
    + [(f"{signal.name}_score", pa.float64()) for signal in SIGNALS]  # each signal's part of the score
    + [("certification_status", _STRING), ("certified_through", pa.date32()),
       ("matched_terms", pa.list_(_STRING)), ("naics_match", _STRING), ("reasons", _STRING),
       ("understood_terms", pa.list_(_STRING)), ("unknown_terms", pa.list_(_STRING)), ("contact_name", _STRING)]
    + [DIRECTORY_SCHEMA.field(c) for c in ("phone", "website", "address_line_1", "address_line_2", "city", "state",
                                            "zip", "borough", "latitude", "longitude", "ethnicity", "certifications")]
    + [("valid_certifications", pa.list_(_STRING))]  # the certification types valid on as_of
    + [DIRECTORY_SCHEMA.field(c) for c in ("certification_expires", "naics_code", "naics_title")]
    + [("as_of", pa.date32())]
)

#: Columns of a shortlist, in order.
SHORTLIST_COLUMNS: tuple[str, ...] = tuple(SHORTLIST_SCHEMA.names)


#: Type of the funnel's ``eliminated_by``: requirement -> candidates it removed.
ELIMINATED_BY = pa.map_(pa.string(), pa.int64())

#: Columns of :meth:`Matcher.funnel`: how each need's candidates were narrowed.
FUNNEL_SCHEMA: pa.Schema = pa.schema([
    ("need_id", _STRING), ("candidates", pa.int64()), ("eliminated_by", ELIMINATED_BY),
    ("remaining", pa.int64()), ("reasons", _STRING),
])


def empty_table() -> pa.Table:
    return SHORTLIST_SCHEMA.empty_table()


def frame(table: pa.Table) -> pd.DataFrame:
    """The table as a frame of ``pd.ArrowDtype`` columns (what ``to_pandas(types_mapper=pd.ArrowDtype)``
    gives, built column by column: half the time for a short shortlist of 30 columns)."""
    return pd.DataFrame({name: pd.arrays.ArrowExtensionArray(table.column(i))
                         for i, name in enumerate(table.column_names)}, copy=False)


def empty_frame() -> pd.DataFrame:
    return frame(empty_table())


def best_rows(score: np.ndarray, eligible: np.ndarray, tiebreak: np.ndarray, top: int) \
        -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(need position, firm, rank)`` of the best ``top`` eligible firms per need, best first.

    ``score`` (m x n) is rounded to 2 decimals; ties break by ``tiebreak``
    (each firm's position in account-number order), so the same input always
    gives the same output.
    """
    m, n = score.shape
    key = np.where(eligible, np.rint(score * 100).astype(np.int64) * (n + 1) + (n - tiebreak)[None, :], -1)
    k = min(top, n)
    cand = np.argpartition(-key, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (m, 1))
    cand_key = np.take_along_axis(key, cand, axis=1)
    order = np.argsort(-cand_key, axis=1, kind="stable")
    cand = np.take_along_axis(cand, order, axis=1)
    cand_key = np.take_along_axis(cand_key, order, axis=1)
    need_pos, slot = np.nonzero(cand_key >= 0)
    return need_pos, cand[need_pos, slot], slot + 1
