"""Directory stage, certification status: is a firm's certification valid on a date, and for how long?

One place that judges every firm the library shows. The directory publishes
one renewal date per certification (``certifications`` and
``certification_renewal_dates`` are parallel lists); a certification is valid
on day D when its renewal date is on or after D.

Statuses (:data:`CERTIFICATION_STATUSES`), judged on an ``as_of`` date:

``active``
    at least one certification is valid on ``as_of`` and none of the valid
    ones renews within ``expiring_within_days``.
``expiring``
    valid on ``as_of``, but a certification that is valid today renews within
    ``expiring_within_days`` (default 90) of it.
``lapsed``
    the firm has renewal dates and every one of them is before ``as_of``.
``unknown``
    no renewal date is published for any of its certifications.

``certified_through`` is the latest renewal date: the last day on which the
firm holds at least one certification. ``renews_on`` is the earliest renewal
date among the certifications still valid on ``as_of`` (for an ``expiring``
firm: when it must renew). ``valid_certifications`` lists the certification
types valid on ``as_of`` (renewal date on or after it): a firm whose MBE
lapsed while its WBE is valid is ``active`` with ``["WBE"]`` there, so count
MBE credit only where ``"MBE"`` is in ``valid_certifications``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .schema import CERTIFICATION_TYPES
from .validation import positive_int

__all__ = [
    "CERTIFICATION_STATUSES",
    "DEFAULT_EXPIRING_WITHIN_DAYS",
    "certification_status",
    "NO_DAY",
    "renewal_days_by_type",
    "status_codes",
    "status_codes_by_type",
    "certification_valid_through",
    "certification_valid_through_by_type",
    "valid_certifications",
    "resolve_as_of",
]

#: The values of ``certification_status``, in order of trust.
CERTIFICATION_STATUSES: tuple[str, ...] = ("active", "expiring", "unknown", "lapsed")

#: A certification that renews within this many days of the as-of date is ``expiring``.
DEFAULT_EXPIRING_WITHIN_DAYS = 90

_EPOCH = _dt.date(1970, 1, 1)
#: "No date" in the day-number arrays (days since 1970-01-01) of :func:`status_codes` and friends.
NO_DAY = np.iinfo(np.int64).min
_NONE = NO_DAY


def resolve_as_of(as_of: Any = None) -> _dt.date:
    """The as-of date: ``None`` is today; a date, datetime, or ISO text is read as a date."""
    if as_of is None:
        return _dt.date.today()
    if isinstance(as_of, _dt.datetime):
        return as_of.date()
    if isinstance(as_of, _dt.date):
        return as_of
    if isinstance(as_of, pd.Timestamp):
        return as_of.date()
    if isinstance(as_of, str):
        try:
            return _dt.date.fromisoformat(as_of.strip())
        except ValueError:
            raise ValueError(f"as_of must be a date like 2026-12-01, got {as_of!r}") from None
    raise TypeError(f"as_of must be a date, got {type(as_of).__name__}")


def _day(day: _dt.date) -> int:
    return (day - _EPOCH).days


def _list_column(directory: pd.DataFrame | pa.Table, name: str, type_: pa.DataType) -> pa.ListArray:
    if isinstance(directory, pa.Table):
        if name not in directory.column_names:
            return pa.array([[]] * directory.num_rows, pa.list_(type_))
        col = directory[name].combine_chunks()
    else:
        if name not in directory.columns:
            return pa.array([[]] * len(directory), pa.list_(type_))
        col = pa.array(directory[name], pa.list_(type_), from_pandas=True)
    if isinstance(col, pa.ChunkedArray):
        col = col.combine_chunks()
    col = col.cast(pa.list_(type_))
    # Callers index flatten() with offsets: make them start at 0 (a slice, such as df.iloc[3:], keeps
    # its parent's offsets) and give null lists no values.
    if col.null_count:
        col = pc.fill_null(col, pa.scalar([], pa.list_(type_)))
    offsets = np.asarray(col.offsets, dtype=np.int64)
    if len(offsets) and offsets[0] != 0:
        col = pa.ListArray.from_arrays(pa.array(offsets - offsets[0], pa.int32()),
                                       col.values.slice(int(offsets[0]), int(offsets[-1] - offsets[0])))
    return col


def _renewals(directory: pd.DataFrame | pa.Table) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Flattened (firm, certification code, renewal day) for every listed certification.

    A certification without a date has day ``_NONE``. Codes index
    :data:`CERTIFICATION_TYPES` (-1 for anything else).
    """
    certs = _list_column(directory, "certifications", pa.string())
    dates = _list_column(directory, "certification_renewal_dates", pa.date32())
    n = len(certs)
    firm = np.asarray(pc.list_parent_indices(certs), dtype=np.int64)
    flat_certs = certs.flatten()
    code = np.asarray(pc.index_in(flat_certs, value_set=pa.array(CERTIFICATION_TYPES)).fill_null(-1),
                      dtype=np.int64)
    # dates are parallel to certifications; a shorter date list leaves the rest undated
    pos = np.arange(len(firm), dtype=np.int64) - np.asarray(certs.offsets, dtype=np.int64)[firm] \
        if len(firm) else np.zeros(0, np.int64)
    d_off = np.asarray(dates.offsets, dtype=np.int64)
    d_len = np.diff(d_off)
    day = np.full(len(firm), _NONE, dtype=np.int64)
    if len(firm):
        has = pos < d_len[firm]
        flat_days = pc.cast(dates.flatten(), pa.int32()).fill_null(np.iinfo(np.int32).min)
        flat_days = np.asarray(flat_days.to_numpy(zero_copy_only=False), dtype=np.int64)
        got = flat_days[d_off[firm[has]] + pos[has]]
        got[got == np.iinfo(np.int32).min] = _NONE
        day[has] = got
    # dates listed without a certification (the City's lists disagree) still count for the firm
    c_len = np.diff(np.asarray(certs.offsets, dtype=np.int64))
    extra_firms = np.nonzero(d_len > c_len)[0]
    if len(extra_firms):
        ef, ed = [], []
        flat_days = pc.cast(dates.flatten(), pa.int32()).fill_null(np.iinfo(np.int32).min)
        flat_days = np.asarray(flat_days.to_numpy(zero_copy_only=False), dtype=np.int64)
        for f in extra_firms:  # rare: only firms whose lists are unpaired
            for j in range(c_len[f], d_len[f]):
                v = flat_days[d_off[f] + j]
                if v != np.iinfo(np.int32).min:
                    ef.append(f)
                    ed.append(v)
        firm = np.concatenate([firm, np.asarray(ef, dtype=np.int64)])
        code = np.concatenate([code, np.full(len(ef), -1, dtype=np.int64)])
        day = np.concatenate([day, np.asarray(ed, dtype=np.int64)])
    return firm, code, day, n


def certification_valid_through(directory: pd.DataFrame | pa.Table,
                                certification: str | None = None) -> np.ndarray:
    """Per firm, the last day (numpy ``datetime64[D]``, NaT when none) a certification is valid.

    Args:
        directory: the normalized directory (DataFrame or Arrow table).
        certification: ``"MBE"``, ``"WBE"``, ``"EBE"`` or ``"LBE"`` for that
            certification only; ``None`` for any certification the firm holds.
    """
    if certification is not None and certification not in CERTIFICATION_TYPES:
        raise ValueError(f"certification must be one of {', '.join(CERTIFICATION_TYPES)}, got {certification!r}")
    return _valid_through(*_renewals(directory), certification)


def certification_valid_through_by_type(directory: pd.DataFrame | pa.Table,
                                        certifications: Sequence[str] = CERTIFICATION_TYPES) -> dict[str, np.ndarray]:
    """:func:`certification_valid_through` for each of ``certifications`` at once (one pass over the lists)."""
    unknown = [c for c in certifications if c not in CERTIFICATION_TYPES]
    if unknown:
        raise ValueError(f"certifications must be among {', '.join(CERTIFICATION_TYPES)}, got {unknown!r}")
    renewals = _renewals(directory)
    return {c: _valid_through(*renewals, c) for c in certifications}


def _valid_through(firm: np.ndarray, code: np.ndarray, day: np.ndarray, n: int,
                   certification: str | None) -> np.ndarray:
    keep = day != _NONE
    if certification is not None:
        keep &= code == CERTIFICATION_TYPES.index(certification)
    latest = np.full(n, _NONE, dtype=np.int64)
    np.maximum.at(latest, firm[keep], day[keep])
    out = latest.astype("datetime64[D]")
    out[latest == _NONE] = np.datetime64("NaT")
    return out


def _valid_lists(firm: np.ndarray, code: np.ndarray, day: np.ndarray, n: int, d: int) -> pa.ListArray:
    """Per firm, the certification types (in the firm's order, each once) whose renewal day is >= ``d``."""
    keep = np.nonzero((day != _NONE) & (day >= d) & (code >= 0))[0]
    # first occurrence of each (firm, certification), in listing order (``firm`` is non-decreasing there)
    key = firm[keep] * len(CERTIFICATION_TYPES) + code[keep]
    _, first = np.unique(key, return_index=True)
    keep = keep[np.sort(first)]
    counts = np.bincount(firm[keep], minlength=n) if n else np.zeros(0, np.int64)
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    values = pa.array(np.asarray(CERTIFICATION_TYPES, dtype=object)[code[keep]].tolist(), pa.string())
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), values)


def valid_certifications(directory: pd.DataFrame | pa.Table, as_of: Any = None) -> pa.ListArray:
    """Per firm (aligned with ``directory``), the certification types valid on ``as_of``.

    A certification is valid when its renewal date is on or after ``as_of``;
    undated certifications are left out (their validity is unknown). Each
    type appears once, in the order the firm lists them.
    """
    firm, code, day, n = _renewals(directory)
    return _valid_lists(firm, code, day, n, _day(resolve_as_of(as_of)))


def certification_status(directory: pd.DataFrame | pa.Table, as_of: Any = None, *,
                         expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
                         certifications: Sequence[str] | None = None) -> pd.DataFrame:
    """Judge every firm's certification on ``as_of``.

    Args:
        directory: the normalized directory (DataFrame or Arrow table).
        as_of: the date to judge on (default today).
        expiring_within_days: a valid certification that renews within this
            many days of ``as_of`` makes the firm ``expiring``.
        certifications: judge only these certifications (``["MBE", "WBE"]``:
            a firm whose MBE lapsed and that holds no WBE is ``lapsed`` for
            them even when its EBE is valid); ``None`` or empty (a need that asks
            for no type): every certification; one type may be given as a string.

    Returns:
        A DataFrame aligned with ``directory`` (same index for a DataFrame)
        with columns ``certification_status`` (see
        :data:`CERTIFICATION_STATUSES`), ``certified_through`` (latest renewal
        date, null when none), ``lapsed_on`` (for lapsed firms, the day after
        their last renewal date), ``renews_on`` (the earliest renewal date of
        a certification valid on ``as_of``; null when none is),
        ``valid_certifications`` (list of the certification types valid on
        ``as_of``, among all the firm holds whatever ``certifications`` asks;
        see :func:`valid_certifications`), ``as_of``.
    """
    day0 = resolve_as_of(as_of)
    expiring_within_days = positive_int("expiring_within_days", expiring_within_days, minimum=0)
    renewals = _renewals(directory)
    firm, code, day, n = renewals
    valid_lists = _valid_lists(firm, code, day, n, _day(day0))
    codes, latest, soonest = _judge(renewals, _day(day0), expiring_within_days, _checked(certifications))
    status = np.asarray(CERTIFICATION_STATUSES, dtype=object)[codes]
    has_date = latest != _NONE
    is_valid = soonest != _NONE
    through = latest.astype("datetime64[D]")
    through[~has_date] = np.datetime64("NaT")
    lapsed_on = (latest + 1).astype("datetime64[D]")
    lapsed_on[~(has_date & ~is_valid)] = np.datetime64("NaT")
    renews_on = np.where(is_valid, soonest, 0).astype("datetime64[D]")
    renews_on[~is_valid] = np.datetime64("NaT")
    index = directory.index if isinstance(directory, pd.DataFrame) else None
    return pd.DataFrame(
        {
            "certification_status": pd.array(status, dtype="string"),
            "certified_through": pd.array(pa.array(through, pa.date32(), from_pandas=True),
                                          dtype=pd.ArrowDtype(pa.date32())),
            "lapsed_on": pd.array(pa.array(lapsed_on, pa.date32(), from_pandas=True),
                                  dtype=pd.ArrowDtype(pa.date32())),
            "renews_on": pd.array(pa.array(renews_on, pa.date32(), from_pandas=True),
                                  dtype=pd.ArrowDtype(pa.date32())),
            "valid_certifications": pd.array(valid_lists, dtype=pd.ArrowDtype(pa.list_(pa.string()))),
            "as_of": pd.array(pa.array([day0] * n, pa.date32()), dtype=pd.ArrowDtype(pa.date32())),
        },
        index=index,
    )


def _checked(certifications: Sequence[str] | str | None) -> tuple[str, ...] | None:
    """The certification types to judge on; None (every type) for None or an empty list: judging on no type
    would leave every firm without a renewal date, lapsed ones shown ``unknown`` instead of ``lapsed``."""
    if isinstance(certifications, str):
        certifications = (certifications,)
    if certifications is None or len(certifications) == 0:
        return None
    unknown = [c for c in certifications if c not in CERTIFICATION_TYPES]
    if unknown:
        raise ValueError(f"certifications must be among {', '.join(CERTIFICATION_TYPES)}, got {unknown!r}")
    return tuple(certifications)


_CODE = {status: k for k, status in enumerate(CERTIFICATION_STATUSES)}


def _judge(renewals: tuple[np.ndarray, np.ndarray, np.ndarray, int], d: int, window: int,
           certifications: Sequence[str] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The judgement of :func:`certification_status` on day ``d``: per firm its status code (index in
    :data:`CERTIFICATION_STATUSES`, int8), latest renewal day and earliest renewal day still valid on ``d``
    (``NO_DAY``: none)."""
    firm, code, day, n = renewals
    if certifications is not None:
        chosen = np.isin(code, [CERTIFICATION_TYPES.index(c) for c in certifications])
        firm, code, day = firm[chosen], code[chosen], day[chosen]
    known = day != _NONE
    latest = np.full(n, _NONE, dtype=np.int64)
    np.maximum.at(latest, firm[known], day[known])
    # earliest renewal among the certifications still valid on as_of
    valid = known & (day >= d)
    soonest = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(soonest, firm[valid], day[valid])
    has_date = latest != _NONE
    is_valid = has_date & (latest >= d)
    codes = np.full(n, _CODE["unknown"], dtype=np.int8)
    codes[has_date & ~is_valid] = _CODE["lapsed"]
    expiring = is_valid & (soonest < d + int(window))
    codes[is_valid & ~expiring] = _CODE["active"]
    codes[expiring] = _CODE["expiring"]
    soonest[~is_valid] = _NONE
    return codes, latest, soonest


def status_codes(directory: pd.DataFrame | pa.Table, as_of: Any = None, *,
                 expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
                 certifications: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`certification_status` as arrays aligned with ``directory``, for code that judges many firms.

    Returns:
        ``(status, certified_through, renews_on)``: the index of each firm's
        ``certification_status`` in :data:`CERTIFICATION_STATUSES` (int8), and
        the two dates as day numbers (int64 days since 1970-01-01, :data:`NO_DAY`
        where the frame has null).
    """
    expiring_within_days = positive_int("expiring_within_days", expiring_within_days, minimum=0)
    return _judge(_renewals(directory), _day(resolve_as_of(as_of)), expiring_within_days, _checked(certifications))


def status_codes_by_type(directory: pd.DataFrame | pa.Table, as_of: Any = None, *,
                         expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS) \
        -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each certification type judged on its own: :func:`status_codes` with ``certifications=[type]`` for
    every type of :data:`CERTIFICATION_TYPES` (one pass over the lists), as (firms x types) arrays in
    that order. A type the firm does not list is ``unknown`` there with no dates (see
    :func:`renewal_days_by_type` for which it lists)."""
    expiring_within_days = positive_int("expiring_within_days", expiring_within_days, minimum=0)
    renewals, d = _renewals(directory), _day(resolve_as_of(as_of))
    judged = [_judge(renewals, d, expiring_within_days, (c,)) for c in CERTIFICATION_TYPES]
    return tuple(np.stack([j[k] for j in judged], axis=1) for k in range(3))  # type: ignore[return-value]


def renewal_days_by_type(directory: pd.DataFrame | pa.Table) -> tuple[np.ndarray, np.ndarray]:
    """Per firm and certification type (columns in :data:`CERTIFICATION_TYPES` order): whether the firm
    lists it (bool), and its latest published renewal day (int64 days since 1970-01-01, :data:`NO_DAY` when
    none is published)."""
    firm, code, day, n = _renewals(directory)
    known = code >= 0
    held = np.zeros((n, len(CERTIFICATION_TYPES)), dtype=bool)
    held[firm[known], code[known]] = True
    latest = np.full((n, len(CERTIFICATION_TYPES)), _NONE, dtype=np.int64)
    np.maximum.at(latest, (firm[known], code[known]), day[known])
    return held, latest
