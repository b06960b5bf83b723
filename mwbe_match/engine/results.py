"""Engine output: the columns of shortlists and funnels, and how a result table becomes a frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.internals import create_dataframe_from_blocks

from ..schema import DIRECTORY_SCHEMA
from .industry import NAICS_MATCH_LEVELS
from .signals import SIGNALS

__all__ = ["SHORTLIST_SCHEMA", "SHORTLIST_COLUMNS", "NAICS_MATCH_LEVELS", "FUNNEL_SCHEMA", "ELIMINATED_BY",
           "top_pairs", "empty_table", "frame", "empty_frame"]

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
    gives), one block per column handed to pandas as is (a sixth of ``to_pandas``'s time for a
    shortlist of 10 rows; no copy)."""
    names = tuple(table.column_names)
    labels = _LABELS.get(names)
    if labels is None:
        labels = _LABELS.setdefault(names, pd.Index(list(names)))
    blocks = [(pd.arrays.ArrowExtensionArray(table.column(i)), _PLACES[i] if i < len(_PLACES) else np.array([i]))
              for i in range(table.num_columns)]
    return create_dataframe_from_blocks(blocks, pd.RangeIndex(table.num_rows), labels)


_LABELS: dict[tuple[str, ...], pd.Index] = {}  # column labels by names (an Index is immutable: shared)
_PLACES = [np.array([i]) for i in range(64)]


def empty_frame() -> pd.DataFrame:
    return frame(empty_table())


def top_pairs(need_pos: np.ndarray, key: np.ndarray, m: int, top: int) -> tuple[np.ndarray, np.ndarray]:
    """``(pair index, rank)`` of the ``top`` pairs of largest ``key`` per need, best first, needs in order.

    ``need_pos`` (ascending) says which of the ``m`` needs each pair belongs to; ``key`` is each pair's
    integer sort key (unique within a need: the score and the tie-break in one integer).
    """
    bounds = np.searchsorted(need_pos, np.arange(m + 1)).tolist()
    chosen, ranks = [], []
    for i in range(m):
        a, b = bounds[i], bounds[i + 1]
        if a == b:
            continue
        seg = -key[a:b]
        if b - a > top:
            part = np.argpartition(seg, top - 1)[:top]
            order = part[np.argsort(seg[part], kind="stable")]
        else:
            order = np.argsort(seg, kind="stable")
        chosen.append(order + a)
        ranks.append(np.arange(1, len(order) + 1))
    if not chosen:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(chosen), np.concatenate(ranks)
