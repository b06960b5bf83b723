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
           "COLUMN_TYPES", "RowColumns", "FirmColumns", "top_pairs", "empty_table", "frame", "shortlist_frame",
           "empty_frame"]

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


def _column_types() -> dict[str, pa.DataType]:
    same: dict[str, pa.DataType] = {}
    return {field.name: same.setdefault(str(field.type), field.type) for field in SHORTLIST_SCHEMA}


#: The type of each shortlist column, by name, equal types as one object (what :class:`RowColumns` groups by; a
#: schema's lookup by name costs microseconds).
COLUMN_TYPES: dict[str, pa.DataType] = _column_types()


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


def shortlist_frame(arrays: list[pa.Array | pa.ChunkedArray], rows: int) -> pd.DataFrame:
    """:func:`frame` of a shortlist table given as its columns (arrays or chunked arrays of ``rows`` values, of
    the types of :data:`SHORTLIST_SCHEMA`, in its order), without the table."""
    labels, dtypes = _layout(SHORTLIST_SCHEMA)
    if _direct_frames():
        return _direct_frame([_arrow_array(values, dtype) for values, dtype in zip(arrays, dtypes)], labels, rows)
    return _public_frame([pd.arrays.ArrowExtensionArray(values if isinstance(values, pa.ChunkedArray) else
                                                         pa.chunked_array([values])) for values in arrays], labels,
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
    (the arrays are one-dimensional, of the same length, one per label: nothing to check; the row index
    made from its range directly)."""
    placement_of, block_of, manager_of = _internals()
    while len(_SLICES) < len(arrays):
        _SLICES.append(placement_of(slice(len(_SLICES), len(_SLICES) + 1)))
    blocks = tuple([block_of(array, placement, ndim=2) for array, placement in zip(arrays, _SLICES)])
    manager = manager_of(blocks, [labels, pd.RangeIndex._simple_new(range(rows))], verify_integrity=False)
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


#: The string and list-of-strings type objects of :data:`COLUMN_TYPES` (what :class:`RowColumns` groups by).
_ROW_STRING, _ROW_STRING_LIST = COLUMN_TYPES["need_id"], COLUMN_TYPES["matched_terms"]
_CANONICAL = {str(type_): type_ for type_ in COLUMN_TYPES.values()}


def _numpy_dtype(type_: pa.DataType) -> np.dtype:
    """The numpy dtype of the values of a fixed-width column (int32 day numbers for date32)."""
    return np.dtype(np.int32) if type_ == pa.date32() else np.dtype(type_.to_pandas_dtype())


_NUMPY: dict[int, np.dtype] = {id(t): _numpy_dtype(t) for t in COLUMN_TYPES.values()
                               if pa.types.is_integer(t) or pa.types.is_floating(t) or t == pa.date32()}


class RowColumns:
    """The columns of ``rows`` result rows, made a type at a time: each type's columns end to end in one
    array, each column a slice of it (a pyarrow array costs microseconds however short, and a result of 10 rows
    has 37 columns). Columns are given as numpy arrays (:meth:`numbers`), Python values (:meth:`values`; strings
    and lists of strings are made in one array together) or arrays (:meth:`arrays`); :meth:`columns` makes them
    as one-chunk ``pa.ChunkedArray`` (what a frame's columns hold). Columns are grouped by the type objects
    given (a pyarrow type's hash costs microseconds): give those of :data:`COLUMN_TYPES`."""

    def __init__(self, rows: int) -> None:
        self.rows = rows
        self._numbers: dict[int, tuple[pa.DataType, list[tuple[str, np.ndarray, np.ndarray | None]]]] = {}
        self._values: dict[int, tuple[pa.DataType, list[tuple[str, list[Any]]]]] = {}
        self._made: dict[str, pa.ChunkedArray] = {}

    def numbers(self, name: str, type_: pa.DataType, values: np.ndarray, nulls: np.ndarray | None = None) -> None:
        """Column ``name`` of ``type_`` (a fixed-width type: a number, or date32 given as int32 day numbers) from
        ``values`` (of that width), null where ``nulls`` is True."""
        found = self._numbers.get(id(type_))
        if found is None:
            found = self._numbers[id(type_)] = (type_, [])
        found[1].append((name, values, nulls))

    def values(self, name: str, type_: pa.DataType, values: list[Any]) -> None:
        """Column ``name`` of ``type_`` from Python values (``None`` is null)."""
        found = self._values.get(id(type_))
        if found is None:
            found = self._values[id(type_)] = (type_, [])
        found[1].append((name, values))

    def arrays(self, names: list[str], together: pa.Array | pa.ChunkedArray) -> None:
        """Columns ``names`` from one array holding them end to end (``rows`` values each)."""
        together = together if isinstance(together, pa.ChunkedArray) else pa.chunked_array([together])
        rows = self.rows
        if len(names) == 1:
            self._made[names[0]] = together
            return
        for k, name in enumerate(names):
            self._made[name] = together.slice(k * rows, rows)

    def columns(self, names: tuple[str, ...] | list[str]) -> list[pa.ChunkedArray]:
        """The columns ``names``, in that order (every one of them given)."""
        for type_, given in self._numbers.values():
            dtype = _NUMPY.get(id(type_)) or _numpy_dtype(type_)
            values = np.concatenate([v for _, v, _ in given]) if len(given) > 1 else given[0][1]
            values = np.ascontiguousarray(values, dtype=dtype)
            nulls = None
            if any(m is not None for _, _, m in given):
                nulls = np.concatenate([m if m is not None else np.zeros(len(v), dtype=bool) for _, v, m in given])
                if not nulls.any():
                    nulls = None
            validity = _validity(nulls)
            together = pa.Array.from_buffers(type_, len(values), [validity, pa.py_buffer(values)],
                                             null_count=-1 if nulls is not None else 0)
            self.arrays([name for name, _, _ in given], together)
        self._numbers = {}
        strings = self._values.pop(id(_ROW_STRING), (None, []))
        lists = self._values.pop(id(_ROW_STRING_LIST), (None, []))
        if strings[1] or lists[1]:
            self._strings(strings[1], lists[1])
        for type_, given in self._values.values():
            self.arrays([name for name, _ in given], pa.array([v for _, values in given for v in values], type_))
        self._values = {}
        made = self._made
        return [made[name] for name in names]

    def _strings(self, strings: list[tuple[str, list[Any]]], lists: list[tuple[str, list[Any]]]) -> None:
        """The string columns and the list-of-strings columns in one string array: the strings, then the lists'
        items, the lists' offsets into it (a list array of Python lists costs several times that)."""
        flat: list[Any] = [v for _, values in strings for v in values]
        if not lists:
            self.arrays([name for name, _ in strings], pa.array(flat, _ROW_STRING))
            return
        cells = [cell for _, values in lists for cell in values]
        offsets = np.empty(len(cells) + 1, dtype=np.int32)
        offsets[0] = len(flat)
        nulls = None
        for k, cell in enumerate(cells):
            if cell is None:
                nulls = nulls if nulls is not None else np.zeros(len(cells), dtype=bool)
                nulls[k] = True
            else:
                flat.extend(cell)
            offsets[k + 1] = len(flat)
        values = pa.array(flat, _ROW_STRING)
        if strings:
            self.arrays([name for name, _ in strings], values)
        validity = _validity(nulls)
        together = pa.Array.from_buffers(_ROW_STRING_LIST, len(cells), [validity, pa.py_buffer(offsets)],
                                         null_count=-1 if nulls is not None else 0, children=[values])
        self.arrays([name for name, _ in lists], together)


class FirmColumns:
    """The directory columns a result row carries for its firm, kept so that a call's rows take them in a few
    calls (a take per column costs several microseconds however few the rows): the string columns end to end
    in one array (column ``k`` of firm ``d`` at ``k * n + d``; in several when their text passes 2 GB), the list
    columns likewise, the numeric and date columns as numpy arrays with their null masks (made into arrays by
    :class:`RowColumns` with the rows' other columns of their type).

    Args:
        columns: the firm columns (``n`` values each) by name.
    """

    def __init__(self, columns: dict[str, pa.Array | pa.ChunkedArray]) -> None:
        self._numbers: list[tuple[str, pa.DataType, np.ndarray, np.ndarray | None]] = []
        self._groups: list[tuple[list[str], pa.Array]] = []  # (names, their values end to end)
        self._other: list[tuple[str, pa.Array]] = []  # taken one by one
        self.n = 0
        self._add(columns)

    def joined(self, columns: dict[str, pa.Array | pa.ChunkedArray]) -> "FirmColumns":
        """These columns and ``columns`` (of the same firms): this one's arrays are shared, but for a group of
        the type of one of ``columns``, copied with it appended (for columns of a small type, such as a date's
        ``valid_certifications``)."""
        out = FirmColumns({})
        out.n, out._numbers, out._groups, out._other = self.n, list(self._numbers), list(self._groups), \
            list(self._other)
        out._add(columns)
        return out

    def _add(self, columns: dict[str, pa.Array | pa.ChunkedArray]) -> None:
        by_type: dict[pa.DataType, list[tuple[str, pa.Array]]] = {}
        for name, array in columns.items():
            if isinstance(array, pa.ChunkedArray):
                array = array.combine_chunks()
            self.n = len(array)
            type_ = _CANONICAL.get(str(array.type), array.type)
            if pa.types.is_floating(type_) or pa.types.is_integer(type_) or type_ == pa.date32():
                storage = pa.int32() if type_ == pa.date32() else type_
                nulls = array.is_null().to_numpy(zero_copy_only=False) if array.null_count else None
                values = array.view(storage).fill_null(0).to_numpy(zero_copy_only=False)
                self._numbers.append((name, type_, values, nulls))
            elif type_ == _ROW_STRING or type_ == _ROW_STRING_LIST:
                by_type.setdefault(type_, []).append((name, array))
            else:
                self._other.append((name, array))
        for type_, given in by_type.items():
            names, arrays, size = [], [], 0
            at = next((k for k in range(len(self._groups) - 1, -1, -1) if self._groups[k][1].type == type_), None)
            if at is not None:  # appended to the last group of the type
                names, together = self._groups.pop(at)
                arrays, size = [together], _text_bytes(together)
            for name, array in given:  # runs of columns of under 2 GB of text (32-bit offsets)
                chars = _text_bytes(array)
                if names and size + chars >= 2 ** 31 - 1:
                    self._groups.append((names, pa.concat_arrays(arrays) if len(arrays) > 1 else arrays[0]))
                    names, arrays, size = [], [], 0
                names, size = names + [name], size + chars
                arrays.append(array)
            self._groups.append((names, pa.concat_arrays(arrays) if len(arrays) > 1 else arrays[0]))

    def add_to(self, out: RowColumns, firms: np.ndarray) -> None:
        """Adds the firm columns of the rows of ``firms`` (positions, int64) to ``out``."""
        for name, type_, values, nulls in self._numbers:
            out.numbers(name, type_, values[firms], nulls[firms] if nulls is not None else None)
        n = self.n
        for names, together in self._groups:
            at = firms if len(names) == 1 else (firms[None, :] + n * np.arange(len(names))[:, None]).ravel()
            out.arrays(names, together.take(_positions(at)))
        if self._other:
            at = _positions(firms)
            for name, array in self._other:
                out.arrays([name], array.take(at))


def _validity(nulls: np.ndarray | None) -> pa.Buffer | None:
    """The validity bitmap of an array null where ``nulls`` is True (None: no nulls)."""
    return None if nulls is None else pa.py_buffer(np.packbits(~nulls, bitorder="little"))


def _positions(at: np.ndarray) -> pa.Array:
    """Positions (int64) as an array to take with, on the numpy array's memory (no conversion)."""
    at = np.ascontiguousarray(at, dtype=np.int64)
    return pa.Array.from_buffers(_INT64, len(at), [None, pa.py_buffer(at)], null_count=0)


_INT64 = pa.int64()


def _text_bytes(array: pa.Array) -> int:
    """Bytes of text a string or list-of-strings array holds."""
    if pa.types.is_list(array.type):
        array = array.flatten()
    return array.nbytes


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
