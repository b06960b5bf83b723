"""Directory stage, changes: what changed between two versions of the directory: firms added, removed, renewed, newly lapsed, edited.

Supplier-diversity teams check their vendors weekly: which certified firms
were added or dropped, which renewed, which lapsed since last week, whose
phone or address changed.

    >>> import mwbe_match
    >>> changes = mwbe_match.diff_directories("last_week.parquet", "today.parquet")
    >>> changes[changes["change"] == "newly_lapsed"]

The same report runs as ``mwbe-match changes [OLD NEW]`` (default: the two
newest snapshots in the cache).

Firms are matched on ``account_number`` (one merge, no loop over firms).
Each side's certifications are judged with
:func:`mwbe_match.certification.certification_status`: the new directory on
``as_of`` (default today), the old one on ``old_as_of`` (default: the old
directory's snapshot date when known and not after ``as_of``, else
``as_of``), so a firm valid when the old snapshot was taken and lapsed now is
``newly_lapsed`` even when its renewal date did not change. Each
certification is judged too: one that was valid in old (renewal date on or
after ``old_as_of``) and whose renewal date in new is before ``as_of`` gets a
``certification_lapsed`` row naming it (``certification="MBE"``), also when
the firm's other certifications stay valid (the firm is then not
``newly_lapsed``, but its MBE credit is gone).

Nothing is collapsed silently: an account number held by several rows of a
directory gets a ``duplicate_account_number`` row (the record compared is
the one :func:`mwbe_match.unique_firms` keeps, as verification and
shortlists use), and a row without an account number gets a
``missing_account_number`` row, since it cannot be compared.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .certification import (DEFAULT_EXPIRING_WITHIN_DAYS, certification_status, certification_valid_through_by_type,
                            resolve_as_of)
from .directory import directory_metadata, load_directory, unique_firms
from .schema import CERTIFICATION_TYPES, DIRECTORY_COLUMNS, DIRECTORY_SCHEMA

__all__ = [
    "diff_directories",
    "CHANGES",
    "CHANGE_SCHEMA",
    "CHANGE_COLUMNS",
    "COMPARED_FIELDS",
]

#: Values of ``change``, in the order the report lists them.
CHANGES: tuple[str, ...] = (
    "added",                     # in new, not in old
    "removed",                   # in old, not in new
    "renewed",                   # a certification's renewal date moved later
    "newly_lapsed",              # not lapsed in old (on old_as_of), lapsed in new (on as_of)
    "certification_lapsed",      # one certification valid in old, lapsed in new (per certification)
    "field_changed",             # any other difference, one row per field (per certification for those)
    "duplicate_account_number",  # an account number on several rows of old or new
    "missing_account_number",    # a row without an account number (it cannot be compared)
)

#: Columns of :func:`diff_directories`, with their pyarrow types.
CHANGE_SCHEMA = pa.schema([
    ("change", pa.string()),
    ("account_number", pa.string()),
    ("name", pa.string()),
    ("field", pa.string()),
    ("certification", pa.string()),
    ("old_value", pa.string()),
    ("new_value", pa.string()),
    ("old_certification_status", pa.string()),
    ("certification_status", pa.string()),
    ("certified_through", pa.date32()),
    ("as_of", pa.date32()),
])
CHANGE_COLUMNS: tuple[str, ...] = tuple(CHANGE_SCHEMA.names)

# Derived columns (recomputed from others) are not compared: their sources are.
_DERIVED = ("certification_expires", "largest_contract_value")
_CERTIFICATION_COLUMNS = ("certifications", "certification_renewal_dates")

#: Directory columns compared field by field (``field_changed``); the
#: certifications and their renewal dates are compared per certification.
COMPARED_FIELDS: tuple[str, ...] = tuple(
    c for c in DIRECTORY_COLUMNS if c not in ("account_number", *_DERIVED, *_CERTIFICATION_COLUMNS)
)

_LIST_SEPARATOR = "; "


def diff_directories(
    old: Any,
    new: Any,
    *,
    as_of: Any = None,
    old_as_of: Any = None,
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
    fields: Sequence[str] | None = None,
    vendors: Any = None,
    name_column: str | None = None,
) -> pd.DataFrame:
    """Every change from ``old`` to ``new``, one row per change.

    Args:
        old, new: anything :func:`mwbe_match.load_directory` accepts: a
            loaded or raw DataFrame, the path of a CSV export, a snapshot or
            other Parquet file.
        as_of: the date ``new`` is judged on (default today).
        old_as_of: the date ``old`` is judged on (default: its snapshot date
            when known and not after ``as_of``, else ``as_of``).
        expiring_within_days: the window of ``expiring`` (see
            :func:`~mwbe_match.certification.certification_status`).
        fields: the directory columns compared for ``field_changed``
            (default :data:`COMPARED_FIELDS`, every column but the account
            number, the certifications and derived columns).
        vendors: a vendor list (a file :func:`mwbe_match.read_table` reads,
            a DataFrame with a name column, or a list of names): only the
            changes of firms it matches (``exact``/``strong``, in old or new)
            are kept, and a ``vendor_name`` column says which vendor(s).
        name_column: the vendor list's name column (as for
            :func:`mwbe_match.match_names`).

    Returns:
        A DataFrame (pyarrow dtypes) with columns :data:`CHANGE_COLUMNS`,
        sorted by ``change`` (in :data:`CHANGES` order), then account number:

        - ``change``: one of :data:`CHANGES`;
        - ``account_number``, ``name`` (new's, else old's);
        - ``field``: the column that changed (``certification_renewal_dates``
          for ``renewed``, ``certifications`` for a certification gained or
          lost, ``certification_status`` for ``newly_lapsed``,
          ``account_number`` for the duplicate and missing rows,
          ``certification_renewal_dates`` for ``certification_lapsed``); null
          for ``added`` and ``removed``;
        - ``certification``: MBE/WBE/LBE/EBE for a change to one certification
          (``certification_lapsed``: the one that lapsed; the firm's others
          may still be valid, see ``certification_status``);
        - ``old_value``, ``new_value``: the values as text (dates
          ``YYYY-MM-DD``, lists joined with ``"; "``), null when absent;
        - ``old_certification_status``: the firm in ``old`` on ``old_as_of``
          (null when not in old); ``certification_status``,
          ``certified_through``: the firm in ``new`` on ``as_of`` (null when
          removed); ``as_of``.

        ``df.attrs["mwbe_match_changes"]`` holds both sources, both dates and
        the counts per change.

    Raises:
        ValueError: ``fields`` names a column the directory does not have,
            or a date or window is invalid; and what
            :func:`~mwbe_match.load_directory` raises for an unreadable source.
    """
    compared = COMPARED_FIELDS if fields is None else (fields,) if isinstance(fields, str) else tuple(fields)
    unknown = [f for f in compared if f not in COMPARED_FIELDS]
    if unknown:
        raise ValueError(f"fields {unknown} cannot be compared; choose from {', '.join(COMPARED_FIELDS)}")
    new_day = resolve_as_of(as_of)
    old_df, new_df = _load(old, "old"), _load(new, "new")
    old_day = resolve_as_of(old_as_of) if old_as_of is not None else _snapshot_day(old_df, new_day)

    parts: list[pa.Table] = []
    old_firms, old_note = _keyed(old_df, "old")
    new_firms, new_note = _keyed(new_df, "new")
    parts += [old_note, new_note, _duplicates(old_df, new_df, old_firms, new_firms)]

    old_status = _status(old_firms, old_day, expiring_within_days)
    new_status = _status(new_firms, new_day, expiring_within_days)
    pairs = pd.merge(
        pd.DataFrame({"account_number": old_firms["account_number"].astype(object),
                      "o": np.arange(len(old_firms))}),
        pd.DataFrame({"account_number": new_firms["account_number"].astype(object),
                      "n": np.arange(len(new_firms))}),
        on="account_number", how="outer", validate="one_to_one",
    )
    o = pairs["o"].to_numpy(dtype=np.float64, na_value=np.nan)
    n = pairs["n"].to_numpy(dtype=np.float64, na_value=np.nan)
    only_old = np.isnan(n)
    only_new = np.isnan(o)
    both = ~only_old & ~only_new
    o_both, n_both = o[both].astype(np.int64), n[both].astype(np.int64)

    parts.append(_rows("added", new_firms, n[only_new].astype(np.int64)))
    parts.append(_rows("removed", old_firms, o[only_old].astype(np.int64), from_old=True))
    parts.append(_certification_changes(old_firms, new_firms, o_both, n_both))
    lapsed_now = (np.asarray(new_status["certification_status"].take(pa.array(n_both)), dtype=object) == "lapsed") \
        & (np.asarray(old_status["certification_status"].take(pa.array(o_both)), dtype=object) != "lapsed")
    parts.append(_rows("newly_lapsed", new_firms, n_both[lapsed_now], old_pos=o_both[lapsed_now],
                       field="certification_status",
                       old_value=old_status["certification_status"].take(pa.array(o_both[lapsed_now])),
                       new_value=new_status["certification_status"].take(pa.array(n_both[lapsed_now]))))
    parts.append(_certifications_lapsed(old_firms, new_firms, o_both, n_both, old_day, new_day))
    for name in compared:
        parts.append(_field_changes(name, old_firms, new_firms, o_both, n_both))

    table = pa.concat_tables([_KEYED_SCHEMA.empty_table()]
                             + [p.select(_KEYED_COLUMNS).cast(_KEYED_SCHEMA) for p in parts if p.num_rows])
    table = _with_status(table, old_firms, new_firms, old_status, new_status, new_day)
    order = pc.index_in(table.column("change"), value_set=pa.array(CHANGES))
    table = table.append_column("_order", order)
    table = table.sort_by([("_order", "ascending"), ("account_number", "ascending"), ("field", "ascending"),
                           ("certification", "ascending")])
    out = table.select(list(CHANGE_COLUMNS)).cast(CHANGE_SCHEMA).to_pandas(types_mapper=pd.ArrowDtype)
    if vendors is not None:
        out = _for_vendors(out, vendors, name_column, new_df, old_df)
    counts = {c: int(v) for c, v in out["change"].value_counts().items()}
    out.attrs["mwbe_match_changes"] = {
        "old": directory_metadata(old_df).get("source"), "new": directory_metadata(new_df).get("source"),
        "old_as_of": old_day.isoformat(), "as_of": new_day.isoformat(),
        "expiring_within_days": expiring_within_days,
        "old_firms": len(old_df), "new_firms": len(new_df),
        "counts": {c: counts.get(c, 0) for c in CHANGES},
    }
    return out


# --------------------------------------------------------------------------- pieces


def _for_vendors(changes: pd.DataFrame, vendors: Any, name_column: str | None, *directories: pd.DataFrame) \
        -> pd.DataFrame:
    """The changes of firms the vendor list matches (exact/strong) in any of ``directories``."""
    import os

    from .verify import NameIndex
    from .readers import read_table

    if isinstance(vendors, (str, os.PathLike)):
        vendors = read_table(vendors)
    links = []
    for directory in directories:
        match = NameIndex(directory).match(vendors, name_column=name_column)
        ok = match["status"].isin(["exact", "strong"]).to_numpy(dtype=bool, na_value=False)
        links.append(pd.DataFrame({"account_number": match["account_number"].to_numpy(dtype=object)[ok],
                                   "vendor_name": match["input_name"].to_numpy(dtype=object)[ok]}))
    link = pd.concat(links, ignore_index=True).drop_duplicates()
    link = link.groupby("account_number", sort=False)["vendor_name"].agg(lambda names: _LIST_SEPARATOR.join(
        dict.fromkeys(str(x) for x in names)))
    keep = changes["account_number"].isin(link.index).to_numpy(dtype=bool, na_value=False)
    out = changes[keep].reset_index(drop=True)
    names = link.reindex(out["account_number"].astype(object)).to_numpy(dtype=object)
    out.insert(out.columns.get_loc("name") + 1, "vendor_name", pd.array(names, dtype=pd.ArrowDtype(pa.string())))
    out.attrs = changes.attrs
    return out

# Rows are built with the account number and the row in old/new of the firm (-1: none) and
# the status columns are filled in at the end from those positions.
_KEYED_SCHEMA = pa.schema(
    [CHANGE_SCHEMA.field(c) for c in ("change", "account_number", "name", "field", "certification",
                                      "old_value", "new_value")]
    + [("_old", pa.int64()), ("_new", pa.int64())]
)
_KEYED_COLUMNS = list(_KEYED_SCHEMA.names)


def _load(source: Any, label: str) -> pd.DataFrame:
    if source is None:
        raise TypeError(f"{label} must be a directory (a DataFrame or the path of an export or snapshot), not None")
    return load_directory(source)


def _snapshot_day(df: pd.DataFrame, latest: _dt.date) -> _dt.date:
    """The day a directory was published (its snapshot date), when known and not after ``latest``."""
    meta = directory_metadata(df)
    for key in ("snapshot_date", "fetched_at"):
        value = meta.get(key)
        if value:
            try:
                day = _dt.date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
            return min(day, latest)
    return latest


def _keyed(df: pd.DataFrame, side: str) -> tuple[pd.DataFrame, pa.Table]:
    """The firms compared (one per account number) and the rows that cannot be compared (no account number)."""
    missing = df["account_number"].isna().to_numpy()
    firms = unique_firms(df[~missing]).reset_index(drop=True)
    rows = np.flatnonzero(missing)
    text = pa.array([f"no account number (row {r + 1})" for r in rows.tolist()], pa.string())
    nulls = pa.nulls(len(rows), pa.string())
    note = pa.table({
        "change": pa.array(["missing_account_number"] * len(rows), pa.string()),
        "account_number": nulls,
        "name": pa.array(df["name"].iloc[rows].astype(object).tolist(), pa.string()),
        "field": pa.array(["account_number"] * len(rows), pa.string()),
        "certification": nulls,
        "old_value": text if side == "old" else nulls,
        "new_value": text if side == "new" else nulls,
        "_old": pa.nulls(len(rows), pa.int64()),
        "_new": pa.nulls(len(rows), pa.int64()),
    })
    return firms, note


def _duplicates(old_df: pd.DataFrame, new_df: pd.DataFrame, old_firms: pd.DataFrame,
                new_firms: pd.DataFrame) -> pa.Table:
    """One row per account number held by several rows of old or new, with the row counts."""
    def counts(df: pd.DataFrame) -> pd.Series:
        return df["account_number"].dropna().astype(object).value_counts()

    old_counts, new_counts = counts(old_df), counts(new_df)
    dup = sorted(set(old_counts.index[old_counts > 1]) | set(new_counts.index[new_counts > 1]))
    if not dup:
        return _KEYED_SCHEMA.empty_table()
    old_pos = pd.Series(np.arange(len(old_firms)), index=old_firms["account_number"].astype(object))
    new_pos = pd.Series(np.arange(len(new_firms)), index=new_firms["account_number"].astype(object))

    def described(c: pd.Series) -> list[str | None]:
        return [None if k not in c.index else f"{c[k]} rows" if c[k] > 1 else "1 row" for k in dup]

    o = old_pos.reindex(dup).to_numpy(dtype=np.float64, na_value=np.nan)
    n = new_pos.reindex(dup).to_numpy(dtype=np.float64, na_value=np.nan)
    names = [new_firms["name"].iloc[int(j)] if not np.isnan(j) else old_firms["name"].iloc[int(i)]
             for i, j in zip(o, n)]
    return _dup_table(dup, names, described(old_counts), described(new_counts), o, n)


def _dup_table(dup: list[str], names: list[Any], old_text: list[str | None], new_text: list[str | None],
               o: np.ndarray, n: np.ndarray) -> pa.Table:
    k = len(dup)
    return pa.table({
        "change": pa.array(["duplicate_account_number"] * k, pa.string()),
        "account_number": pa.array(dup, pa.string()),
        "name": pa.array([None if pd.isna(x) else x for x in names], pa.string()),
        "field": pa.array(["account_number"] * k, pa.string()),
        "certification": pa.nulls(k, pa.string()),
        "old_value": pa.array(old_text, pa.string()),
        "new_value": pa.array(new_text, pa.string()),
        "_old": _positions(o),
        "_new": _positions(n),
    })


def _positions(values: np.ndarray) -> pa.Array:
    """Float positions with NaN for "none" as an int64 Arrow array with nulls."""
    missing = np.isnan(values)
    return pa.array(np.where(missing, 0, values).astype(np.int64), pa.int64(), mask=missing)


def _column(firms: pd.DataFrame, name: str, type_: pa.DataType) -> pa.Array:
    """One column of a directory frame as a single Arrow array (pandas may hold it in chunks)."""
    values = pa.array(firms[name], type_, from_pandas=True)
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _status(firms: pd.DataFrame, day: _dt.date, window: int) -> pa.Table:
    frame = certification_status(firms, day, expiring_within_days=window)
    return pa.Table.from_pandas(frame, preserve_index=False)


def _rows(change: str, firms: pd.DataFrame, pos: np.ndarray, *, from_old: bool = False,
          old_pos: np.ndarray | None = None, field: str | None = None, old_value: Any = None,
          new_value: Any = None) -> pa.Table:
    """One row per firm at ``pos`` of ``firms`` (old's when ``from_old``; else new's, at ``old_pos`` in old)."""
    k = len(pos)
    take = pa.array(pos, pa.int64())
    table = pa.Table.from_pandas(firms[["account_number", "name"]], preserve_index=False)
    strings = pa.nulls(k, pa.string())
    return pa.table({
        "change": pa.array([change] * k, pa.string()),
        "account_number": table.column("account_number").take(take),
        "name": table.column("name").take(take),
        "field": pa.array([field] * k, pa.string()),
        "certification": strings,
        "old_value": strings if old_value is None else old_value,
        "new_value": strings if new_value is None else new_value,
        "_old": take if from_old else pa.nulls(k, pa.int64()) if old_pos is None else pa.array(old_pos, pa.int64()),
        "_new": pa.nulls(k, pa.int64()) if from_old else take,
    })


def _as_text(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Values shown as text: dates ISO, lists joined with "; ", numbers as written by Arrow."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    t = values.type
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        inner = pc.cast(pc.list_flatten(values), pa.string())
        values = pa.ListArray.from_arrays(values.offsets, inner, mask=values.is_null())
        return pc.binary_join(values, _LIST_SEPARATOR)
    if pa.types.is_boolean(t):
        return pc.if_else(values, "yes", "no")
    return pc.cast(values, pa.string())


def _comparable(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Values in a form ``pc.equal`` compares: lists as joined text (with a separator no text holds)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_list(values.type) or pa.types.is_large_list(values.type):
        inner = pc.cast(pc.list_flatten(values), pa.string())
        values = pa.ListArray.from_arrays(values.offsets, inner, mask=values.is_null())
        # an empty list and a missing one both mean "none listed"
        return pc.if_else(pc.equal(pc.list_value_length(values), 0), pa.scalar(None, pa.string()),
                          pc.binary_join(values, "\x1f"))
    return values


def _field_changes(name: str, old_firms: pd.DataFrame, new_firms: pd.DataFrame, o: np.ndarray,
                   n: np.ndarray) -> pa.Table:
    """``field_changed`` rows for one directory column, firms present on both sides."""
    type_ = DIRECTORY_SCHEMA.field(name).type
    before = _column(old_firms, name, type_).take(pa.array(o, pa.int64()))
    after = _column(new_firms, name, type_).take(pa.array(n, pa.int64()))
    a, b = _comparable(before), _comparable(after)
    same = pc.fill_null(pc.equal(a, b), False)
    both_null = pc.and_(pc.is_null(a), pc.is_null(b))
    changed = np.flatnonzero(~np.asarray(pc.or_(same, both_null), dtype=bool))
    if not len(changed):
        return _KEYED_SCHEMA.empty_table()
    at = pa.array(changed, pa.int64())
    return _rows("field_changed", new_firms, n[changed], old_pos=o[changed], field=name,
                 old_value=_as_text(before.take(at)), new_value=_as_text(after.take(at)))


def _exploded(firms: pd.DataFrame, pos: np.ndarray) -> pd.DataFrame:
    """One row per (firm, certification) of the firms at ``pos``: pair, certification, occurrence, date.

    The renewal dates are parallel to the certifications (the n-th date is the n-th certification's).
    """
    take = pa.array(pos, pa.int64())

    def flat(column: str, type_: pa.DataType) -> pd.DataFrame:
        lists = _column(firms, column, pa.list_(type_)).take(take)
        parent = np.asarray(pc.list_parent_indices(lists), dtype=np.int64)
        within = np.arange(len(parent)) - np.searchsorted(parent, parent, side="left")
        return pd.DataFrame({"pair": parent, "k": within,
                             "value": pd.array(pc.list_flatten(lists), dtype=pd.ArrowDtype(type_))})

    certs = flat("certifications", pa.string()).rename(columns={"value": "certification"})
    dates = flat("certification_renewal_dates", pa.date32()).rename(columns={"value": "date"})
    frame = certs.merge(dates, on=["pair", "k"], how="left").drop(columns="k")
    frame["certification"] = frame["certification"].astype(object)
    frame["occurrence"] = frame.groupby(["pair", "certification"]).cumcount()
    return frame


def _certification_changes(old_firms: pd.DataFrame, new_firms: pd.DataFrame, o: np.ndarray,
                           n: np.ndarray) -> pa.Table:
    """``renewed`` and per-certification ``field_changed`` rows, firms present on both sides.

    Certifications are paired by (firm, type, occurrence); a renewal date
    that moved later is ``renewed``, any other change of the date (earlier,
    added, removed) is ``field_changed`` on ``certification_renewal_dates``;
    a certification on one side only is ``field_changed`` on ``certifications``.
    """
    if not len(o):
        return _KEYED_SCHEMA.empty_table()
    merged = pd.merge(_exploded(old_firms, o), _exploded(new_firms, n), on=["pair", "certification", "occurrence"],
                      how="outer", suffixes=("_old", "_new"), indicator=True)
    both = (merged["_merge"] == "both").to_numpy()
    d_old = merged["date_old"].astype("datetime64[s]").to_numpy()
    d_new = merged["date_new"].astype("datetime64[s]").to_numpy()
    later = both & ~np.isnat(d_old) & ~np.isnat(d_new) & (d_new > d_old)
    same = both & ((np.isnat(d_old) & np.isnat(d_new)) | (d_old == d_new))
    redated = both & ~later & ~same
    gained = (merged["_merge"] == "right_only").to_numpy()
    lost = (merged["_merge"] == "left_only").to_numpy()

    def iso(values: np.ndarray) -> list[str | None]:
        return [None if np.isnat(v) else str(v.astype("datetime64[D]")) for v in values]

    def listed(cert: np.ndarray, dates: np.ndarray) -> list[str]:
        return [c if np.isnat(d) else f"{c} (renewal date {d.astype('datetime64[D]')})" for c, d in zip(cert, dates)]

    pieces = []
    cert = merged["certification"].to_numpy(dtype=object)
    pair = merged["pair"].to_numpy(dtype=np.int64)
    for change, field, mask, old_text, new_text in (
        ("renewed", "certification_renewal_dates", later, iso(d_old[later]), iso(d_new[later])),
        ("field_changed", "certification_renewal_dates", redated, iso(d_old[redated]), iso(d_new[redated])),
        ("field_changed", "certifications", gained, [None] * int(gained.sum()), listed(cert[gained], d_new[gained])),
        ("field_changed", "certifications", lost, listed(cert[lost], d_old[lost]), [None] * int(lost.sum())),
    ):
        if not mask.any():
            continue
        rows = _rows(change, new_firms, n[pair[mask]], old_pos=o[pair[mask]], field=field,
                     old_value=pa.array(old_text, pa.string()), new_value=pa.array(new_text, pa.string()))
        pieces.append(rows.set_column(rows.schema.get_field_index("certification"), "certification",
                                      pa.array(cert[mask].tolist(), pa.string())))
    return pa.concat_tables(pieces) if pieces else _KEYED_SCHEMA.empty_table()


def _certifications_lapsed(old_firms: pd.DataFrame, new_firms: pd.DataFrame, o: np.ndarray, n: np.ndarray,
                           old_day: _dt.date, new_day: _dt.date) -> pa.Table:
    """``certification_lapsed`` rows: per firm on both sides and certification type, valid in old on
    ``old_day`` and still listed in new with its last renewal date before ``new_day``.

    ``old_value``/``new_value`` are that certification's last renewal date in old and in new.
    """
    if not len(o):
        return _KEYED_SCHEMA.empty_table()
    old_d, new_d = np.datetime64(old_day, "D"), np.datetime64(new_day, "D")
    pieces = []
    was_through = certification_valid_through_by_type(old_firms)
    now_through = certification_valid_through_by_type(new_firms)
    for cert in CERTIFICATION_TYPES:
        was = was_through[cert][o]
        now = now_through[cert][n]
        lapsed = ~np.isnat(was) & (was >= old_d) & ~np.isnat(now) & (now < new_d)
        if not lapsed.any():
            continue
        rows = _rows("certification_lapsed", new_firms, n[lapsed], old_pos=o[lapsed],
                     field="certification_renewal_dates",
                     old_value=pa.array([str(v) for v in was[lapsed]], pa.string()),
                     new_value=pa.array([str(v) for v in now[lapsed]], pa.string()))
        pieces.append(rows.set_column(rows.schema.get_field_index("certification"), "certification",
                                      pa.array([cert] * int(lapsed.sum()), pa.string())))
    return pa.concat_tables(pieces) if pieces else _KEYED_SCHEMA.empty_table()


def _with_status(table: pa.Table, old_firms: pd.DataFrame, new_firms: pd.DataFrame, old_status: pa.Table,
                 new_status: pa.Table, day: _dt.date) -> pa.Table:
    """Fill the status columns from each row's firm positions; names from old where the firm left."""
    old_pos, new_pos = table.column("_old"), table.column("_new")
    old_names = _column(old_firms, "name", pa.string())
    name = pc.coalesce(table.column("name"), old_names.take(old_pos))
    table = table.set_column(table.schema.get_field_index("name"), "name", name)
    table = table.append_column("old_certification_status", old_status.column("certification_status").take(old_pos))
    table = table.append_column("certification_status", new_status.column("certification_status").take(new_pos))
    table = table.append_column("certified_through", new_status.column("certified_through").take(new_pos))
    as_of = pa.array([day] * table.num_rows, pa.date32())
    return table.append_column("as_of", as_of)
