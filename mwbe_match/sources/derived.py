"""Sources stage: small column computations a :class:`~mwbe_match.sources.SourceSpec` names as derived columns.

Each takes parsed pyarrow arrays of one length and returns one array of that
length, vectorized (no loop over firms).
"""

from __future__ import annotations

import warnings

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["earliest_date", "row_max"]


def earliest_date(dates: pa.ListArray) -> pa.Array:
    """The earliest date of each row's list of dates (date32); null for an empty list or only null dates."""
    n = len(dates)
    if n == 0:
        return pa.array([], pa.date32())
    flat = pc.cast(dates.flatten(), pa.int32())
    vals = np.asarray(flat.fill_null(np.iinfo(np.int32).max).to_numpy(zero_copy_only=False), dtype=np.int64)
    out = np.full(n, np.iinfo(np.int32).max, dtype=np.int64)
    if dates.null_count == 0 and isinstance(dates, pa.ListArray):  # one reduction per row's run of values
        offsets = np.asarray(dates.offsets.to_numpy(zero_copy_only=False), dtype=np.int64)
        filled = offsets[1:] > offsets[:-1]
        if filled.any():
            out[filled] = np.minimum.reduceat(vals, offsets[:-1][filled] - offsets[0])
    else:
        np.minimum.at(out, np.asarray(pc.list_parent_indices(dates)), vals)
    valid = out != np.iinfo(np.int32).max
    return pc.cast(pa.array(out.astype(np.int32), mask=~valid), pa.date32())


def row_max(*columns: pa.Array) -> pa.Array:
    """The largest of the given numeric columns in each row (float64), ignoring nulls; null when all are null."""
    stacked = np.vstack([np.asarray(c.to_numpy(zero_copy_only=False), dtype=float) for c in columns])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        best = np.nanmax(stacked, axis=0) if stacked.shape[1] else np.array([], dtype=float)
    return pa.array(best, type=pa.float64(), from_pandas=True)
