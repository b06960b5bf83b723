"""Engine output: the columns of shortlists and funnels, and how a result table becomes a frame."""

from __future__ import annotations

import functools

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.internals import create_dataframe_from_blocks

from ..schema import DIRECTORY_SCHEMA
from .industry import NAICS_MATCH_LEVELS
from .signals import SIGNALS

__all__ = ["SHORTLIST_SCHEMA", "SHORTLIST_COLUMNS", "NAICS_MATCH_LEVELS", "FUNNEL_SCHEMA", "ELIMINATED_BY",
           "top_pairs", "empty_table", "frame", "shortlist_frame", "empty_frame"]

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
    gives), each column handed to pandas as is (no copy).

    A shortlist of 10 rows has 30-odd columns, so building the frame is a fixed cost per call, larger
    than ranking the need: ``pd.DataFrame(dict)`` about 0.7 ms, ``to_pandas`` 2 ms,
    :func:`pandas.api.internals.create_dataframe_from_blocks` 0.3 ms, the blocks and their manager made
    directly 0.03 ms (the arrays' ``ArrowDtype`` made once per type: 34 of them cost 0.1 ms). The last
    is used when this pandas gives the same frame and arrays by it (checked once, on a frame of every
    shortlist column); else the public function.
    """
    labels, dtypes = _layout(table.schema)
    if _direct_frames():
        return _direct_frame([_arrow_array(values, dtype) for values, dtype in zip(table.columns, dtypes)],
                             labels, table.num_rows)
    return _public_frame([pd.arrays.ArrowExtensionArray(column) for column in table.columns], labels,
                         table.num_rows)


def shortlist_frame(arrays: list[pa.Array], rows: int) -> pd.DataFrame:
    """:func:`frame` of a shortlist table given as its columns (arrays of ``rows`` values, of the types of
    :data:`SHORTLIST_SCHEMA`, in its order), without the table."""
    labels, dtypes = _layout(SHORTLIST_SCHEMA)
    if _direct_frames():
        return _direct_frame([_arrow_array(values, dtype) for values, dtype in zip(arrays, dtypes)], labels, rows)
    return _public_frame([pd.arrays.ArrowExtensionArray(pa.chunked_array([values])) for values in arrays], labels,
                         rows)


_LAYOUTS: list[tuple[pa.Schema, pd.Index, list[pd.ArrowDtype]]] = []  # schema, its labels and dtypes


def _layout(schema: pa.Schema) -> tuple[pd.Index, list[pd.ArrowDtype]]:
    """The column labels (an Index is immutable: shared) and ``ArrowDtype`` of each column of ``schema``,
    made once per schema (a lookup by type per column costs more than comparing the schema)."""
    for known, labels, dtypes in _LAYOUTS:
        if known.equals(schema):
            return labels, dtypes
    labels = pd.Index(list(schema.names))
    dtypes = []
    for field in schema:
        dtype = _DTYPES.get(field.type)
        if dtype is None:
            dtype = _DTYPES.setdefault(field.type, pd.ArrowDtype(field.type))
        dtypes.append(dtype)
    if len(_LAYOUTS) < 16:
        _LAYOUTS.append((schema, labels, dtypes))
    return labels, dtypes


_PLACES = [np.array([i]) for i in range(64)]


def _public_frame(arrays: list[pd.api.extensions.ExtensionArray], labels: pd.Index, rows: int) -> pd.DataFrame:
    blocks = [(array, _PLACES[i] if i < len(_PLACES) else np.array([i])) for i, array in enumerate(arrays)]
    return create_dataframe_from_blocks(blocks, pd.RangeIndex(rows), labels)


def _direct_frame(arrays: list[pd.api.extensions.ExtensionArray], labels: pd.Index, rows: int) -> pd.DataFrame:
    """One extension block per column and their manager, made without the checks of the public function
    (the arrays are one-dimensional, of the same length, one per label: nothing to check)."""
    placement_of, block_of, manager_of = _internals()
    while len(_SLICES) < len(arrays):
        _SLICES.append(placement_of(slice(len(_SLICES), len(_SLICES) + 1)))
    blocks = tuple([block_of(array, placement, ndim=2) for array, placement in zip(arrays, _SLICES)])
    manager = manager_of(blocks, [labels, pd.RangeIndex(rows)], verify_integrity=False)
    return pd.DataFrame._from_mgr(manager, axes=manager.axes)


@functools.cache
def _internals() -> tuple[Any, Any, Any]:
    """pandas' ``BlockPlacement``, ``ExtensionBlock`` and ``BlockManager``, imported on first use."""
    from pandas._libs.internals import BlockPlacement
    from pandas.core.internals.blocks import ExtensionBlock
    from pandas.core.internals.managers import BlockManager

    return BlockPlacement, ExtensionBlock, BlockManager


def _arrow_array(values: pa.Array | pa.ChunkedArray, dtype: pd.ArrowDtype | None = None
                 ) -> pd.arrays.ArrowExtensionArray:
    """``pd.arrays.ArrowExtensionArray(values)`` with its dtype (``dtype``, or made once per type: the
    constructor's ``ArrowDtype`` is most of its time)."""
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    if dtype is None:
        dtype = _DTYPES.get(values.type)
        if dtype is None:
            dtype = _DTYPES.setdefault(values.type, pd.ArrowDtype(values.type))
    array = object.__new__(pd.arrays.ArrowExtensionArray)
    array._pa_array = values  # attribute by attribute: faster than updating __dict__ from keywords
    array._dtype = dtype
    array._cache = {}
    return array


_DTYPES: dict[pa.DataType, pd.ArrowDtype] = {}
_SLICES: list[Any] = []  # BlockPlacement of each column position
_DIRECT: list[bool] = []  # [whether _direct_frame gives the public function's frame], once known


def _direct_frames() -> bool:
    if not _DIRECT:
        try:
            table = pa.Table.from_pylist([{}], schema=SHORTLIST_SCHEMA)  # one row of nulls, every type
            table = pa.concat_tables([table, SHORTLIST_SCHEMA.empty_table()])
            public_arrays = [pd.arrays.ArrowExtensionArray(column) for column in table.columns]
            direct_arrays = [_arrow_array(column) for column in table.columns]
            labels = pd.Index(table.column_names)
            direct, public = _direct_frame(direct_arrays, labels, 1), _public_frame(public_arrays, labels, 1)
            pd.testing.assert_frame_equal(direct, public, check_exact=True)
            if any(vars(a).keys() != vars(b).keys() for a, b in zip(direct_arrays, public_arrays)):
                raise TypeError("ArrowExtensionArray keeps other attributes in this pandas")
            direct._mgr._verify_integrity()
            ok = direct.copy().iloc[:0].equals(public.iloc[:0])
        except Exception:  # another pandas: its internals differ
            ok = False
        _DIRECT.append(ok)
    return _DIRECT[0]


def empty_frame() -> pd.DataFrame:
    return frame(empty_table())


def top_pairs(need_pos: np.ndarray, key: np.ndarray, m: int, top: int) -> tuple[np.ndarray, np.ndarray]:
    """``(pair index, rank)`` of the ``top`` pairs of largest ``key`` per need, best first, needs in order.

    ``need_pos`` (ascending) says which of the ``m`` needs each pair belongs to; ``key`` is each pair's
    integer sort key (unique within a need: the score and the tie-break in one integer).
    """
    if m == 1:  # one need: every pair is its (the same as below, without the bounds)
        if len(key) == 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        seg = -key
        if len(key) > top:
            part = np.argpartition(seg, top - 1)[:top]
            order = part[np.argsort(seg[part], kind="stable")]
        else:
            order = np.argsort(seg, kind="stable")
        return order.astype(np.int64, copy=False), np.arange(1, len(order) + 1)
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
