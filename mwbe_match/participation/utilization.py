"""Participation stage, utilization: what was actually paid to certified firms, by group, next to the goals.

    >>> report = mwbe_match.utilization_report(payments, directory, goals="Women=10", contract_value=12_000_000)
    >>> report.payments      # every payment row, with its match and whether it is creditable
    >>> report.by_group      # amounts and percentages by group, with the goals
    >>> print(report.summary())

Every payment row comes out, in input order, whether it matched a firm or
not, and whether its amount and date could be read. A payment is
**creditable** when its vendor is a certified firm (an ``exact`` or ``strong``
name match, or an ``account_number`` found in the directory) that may be
credited to a group on the payment date under the credit rules of
:mod:`mwbe_match.participation.goals`. ``possible`` name matches are not
credited until someone confirms them (give the row an ``account_number``).

A firm that can be credited to more than one group on the payment date is
credited to the group in the row's ``credited_group`` column when given (e.g.
the group the utilization plan named), else to the first of
:data:`PAYMENT_CREDIT_ORDER` it qualifies for.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa

from ..certification import DEFAULT_EXPIRING_WITHIN_DAYS, certification_status, resolve_as_of
from ..directory import directory_metadata, load_directory, unique_firms
from ..verify import NAME_COLUMN_CANDIDATES, NameIndex
from ..readers import read_table, row_numbers
from .goals import CREDIT_GROUPS, MWBE_TOTAL, MWBE_TOTAL_MEMBERS, credit_periods, parse_goals

__all__ = ["utilization_report", "UtilizationReport", "PAYMENT_COLUMNS", "BY_GROUP_COLUMNS",
           "PAYMENT_CREDIT_ORDER", "PaymentsError"]

#: Group a payment is credited to when the firm qualifies for several and the row names none:
#: its minority group first, then Women, then Emerging.
PAYMENT_CREDIT_ORDER: tuple[str, ...] = CREDIT_GROUPS

#: Columns of :attr:`UtilizationReport.payments`, in order.
PAYMENT_COLUMNS: tuple[str, ...] = (
    "input_row", "vendor_name", "amount", "payment_date", "account_number", "matched_name", "match_status",
    "match_score", "credited_group", "creditable", "certification_status", "certified_through",
    "certification_status_as_of", "as_of", "reason",
)
#: Columns of :attr:`UtilizationReport.by_group`, in order.
BY_GROUP_COLUMNS: tuple[str, ...] = ("group", "payments", "amount", "pct", "goal_pct", "met")

_AMOUNT_COLUMNS = ("amount", "amount_paid", "paid", "payment_amount", "payment", "value")
_DATE_COLUMNS = ("payment_date", "date", "paid_on", "date_paid", "paid_date")
_ACCOUNT_COLUMNS = ("account_number", "account", "vendor_account")
_GROUP_COLUMNS = ("credited_group", "credit_group", "group")


class PaymentsError(ValueError):
    """The payments table as a whole is unusable (a required column is missing)."""


@dataclass
class UtilizationReport:
    """What was paid, row by row and by group.

    Attributes:
        payments: one row per payment, in input order (:data:`PAYMENT_COLUMNS`):
            ``input_row`` (1-based; for a file, the row in the file, blank
            rows counted), ``vendor_name``, ``amount`` (null when it
            could not be read), ``payment_date``, the matched firm
            (``account_number``, ``matched_name``, ``match_status`` as in
            :func:`mwbe_match.match_names` or ``account`` when the row's
            account number was found, ``match_score``), ``credited_group``
            (null when not creditable), ``creditable``,
            ``certification_status`` (the matched firm's status judged on the
            payment date: ``active``, ``expiring``, ``unknown`` or ``lapsed``;
            null without a matched firm or a readable date),
            ``certified_through`` (renewal date of the crediting
            certification; null when not creditable),
            ``certification_status_as_of`` (the matched firm's status on
            ``as_of``, e.g. ``lapsed`` for a firm paid while certified whose
            certification has since lapsed), ``as_of`` and ``reason``.
        by_group: one row per group with payments or a goal, then ``M/WBE
            total``, ``Not creditable`` and ``Total`` (:data:`BY_GROUP_COLUMNS`):
            ``payments`` (rows), ``amount`` (dollars), ``pct`` (of ``basis``),
            ``goal_pct`` and ``met`` (null without a goal).
        basis: what ``pct`` is a percentage of: ``"contract value"`` or ``"total paid"``.
        basis_value: that amount in dollars.
        goals: the goals, ``{group: percent}``.
        as_of: the date ``certification_status_as_of`` is judged on.
    """

    payments: pd.DataFrame
    by_group: pd.DataFrame
    basis: str
    basis_value: float
    goals: dict[str, float] = field(default_factory=dict)
    directory_info: dict[str, Any] = field(default_factory=dict)
    as_of: Any = None

    def write(self, out: Any, *, format: str | None = None, overwrite: bool = False) -> dict[str, Any]:
        """Write ``out`` (the payments) and ``<stem>.by_group`` beside it (see
        :mod:`mwbe_match.participation.output`). Returns ``{table: path}``."""
        from .output import write_tables

        parameters = {"goals": self.goals, "basis": self.basis, "basis_value": self.basis_value,
                      "as_of": None if self.as_of is None else self.as_of.isoformat()}
        return write_tables({"payments": self.payments, "by_group": self.by_group}, out, kind="utilization_report",
                            parameters=parameters, directory=self.directory_info, format=format,
                            overwrite=overwrite)

    def summary(self) -> str:
        """The by-group table in a few lines."""
        lines = [f"{len(self.payments):,} payments; percentages of the {self.basis} (${self.basis_value:,.2f})"]
        for r in self.by_group.to_dict("records"):
            goal = "" if pd.isna(r["goal_pct"]) else f"  goal {r['goal_pct']:g}% {'met' if r['met'] else 'NOT MET'}"
            lines.append(f"  {r['group']:<18} {r['payments']:>7,} payments  ${r['amount']:>16,.2f}  "
                         f"{r['pct']:6.2f}%{goal}")
        return "\n".join(lines)


def _find(frame: pd.DataFrame, aliases: tuple[str, ...]) -> Any:
    by_key = {"_".join(str(c).strip().lower().replace("-", " ").split()): c for c in frame.columns}
    for a in aliases:
        if a in by_key:
            return by_key[a]
    return None


def _dates(values: pd.Series) -> np.ndarray:
    text = values.astype("string").str.strip()
    iso = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    us = pd.to_datetime(text, format="%m/%d/%Y", errors="coerce")
    return iso.fillna(us).to_numpy(dtype="datetime64[D]")


def _amounts(values: pd.Series) -> np.ndarray:
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.astype("float64").to_numpy(na_value=np.nan)
    text = values.astype("string").str.strip().str.replace(r"[$,\s]", "", regex=True)
    text = text.str.replace(r"^\((.*)\)$", r"-\1", regex=True)  # accounting negatives: (1,000.00)
    return pd.to_numeric(text, errors="coerce").astype("float64").to_numpy(na_value=np.nan)


def utilization_report(
    payments: pd.DataFrame | str | os.PathLike,
    directory: pd.DataFrame | str | None = None,
    *,
    goals: Mapping[str, Any] | str | None = None,
    contract_value: float | None = None,
    name_column: str | None = None,
    as_of: Any = None,
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS,
) -> UtilizationReport:
    """Which payments count toward the goals: name verification, creditability on the payment date, sums by group.

    Args:
        payments: a DataFrame (or a file :func:`mwbe_match.read_table` reads)
            with a vendor-name column (``vendor_name``, ``name``, ``vendor``,
            ``company``), an ``amount`` column (``$1,234.50`` accepted) and a
            ``payment_date`` (or ``date``) column (ISO or M/D/YYYY); optional
            ``account_number`` (used instead of the name when found in the
            directory) and ``credited_group`` (the group to credit, e.g. from
            the plan).
        directory: the directory to verify against (default:
            :func:`~mwbe_match.load_directory`).
        goals: goals as for :func:`~mwbe_match.plan_participation`, shown
            next to the amounts.
        contract_value: when given, percentages are of it; otherwise of the
            total paid (rows whose amount could be read).
        name_column: the vendor-name column, when it is not one of the usual names.
        as_of: the date ``certification_status_as_of`` is judged on
            (default today); creditability is always judged on each payment's date.
        expiring_within_days: a certification renewing within this many days
            of the date judged on makes the firm ``expiring``.

    Returns:
        A :class:`UtilizationReport`.

    Raises:
        PaymentsError: no vendor-name, amount or date column (naming the columns found).
        ValueError: bad goals or contract value.
    """
    goal_pct = parse_goals(goals)
    as_of_day = resolve_as_of(as_of)
    if contract_value is not None:
        contract_value = float(str(contract_value).replace("$", "").replace(",", ""))
        if not np.isfinite(contract_value) or contract_value <= 0:
            raise ValueError(f"contract_value must be a number greater than 0, got {contract_value!r}")
    if not isinstance(payments, pd.DataFrame):
        payments = read_table(payments)
    input_row = row_numbers(payments)
    frame = payments.reset_index(drop=True)
    n = len(frame)
    found = ", ".join(map(str, frame.columns)) or "none"
    name_col = name_column if name_column is not None else _find(frame, NAME_COLUMN_CANDIDATES + ("payee",))
    if name_col is None or name_col not in frame.columns:
        raise PaymentsError(f"the payments have no vendor-name column (looked for "
                            f"{', '.join(NAME_COLUMN_CANDIDATES)}; found {found})")
    amount_col, date_col = _find(frame, _AMOUNT_COLUMNS), _find(frame, _DATE_COLUMNS)
    for label, col, aliases in (("amount", amount_col, _AMOUNT_COLUMNS), ("date", date_col, _DATE_COLUMNS)):
        if col is None:
            raise PaymentsError(f"the payments have no {label} column (looked for {', '.join(aliases)}; "
                                f"found {found})")
    account_col, group_col = _find(frame, _ACCOUNT_COLUMNS), _find(frame, _GROUP_COLUMNS)

    if directory is None or not isinstance(directory, pd.DataFrame):
        directory = load_directory(directory)
    firms = unique_firms(directory).reset_index(drop=True)
    creditable_g, through_g = credit_periods(firms)
    firm_names = firms["name"].astype(object).to_numpy()
    pos = {a: i for i, a in enumerate(firms["account_number"].astype(object).tolist()) if isinstance(a, str)}

    amount = _amounts(frame[amount_col])
    pay_day = _dates(frame[date_col])
    raw_names = frame[name_col]

    # name verification once per distinct name
    names_text = raw_names.astype("string")
    codes, uniques = pd.factorize(names_text, use_na_sentinel=True)
    index = NameIndex(directory)
    matched = index.match(pd.Series(list(uniques), dtype=object)) if len(uniques) else None
    m_status = np.full(n, "invalid", dtype=object)
    m_account = np.full(n, None, dtype=object)
    m_name = np.full(n, None, dtype=object)
    m_score = np.full(n, np.nan)
    m_reason = np.full(n, "no vendor name", dtype=object)
    if matched is not None:
        has = codes >= 0
        c = codes[has]
        m_status[has] = matched["status"].astype(object).to_numpy()[c]
        m_account[has] = matched["account_number"].astype(object).to_numpy()[c]
        m_name[has] = matched["matched_name"].astype(object).to_numpy()[c]
        m_score[has] = matched["score"].astype("float64").to_numpy(na_value=np.nan)[c]
        m_reason[has] = matched["reasons"].astype(object).to_numpy()[c]

    # a given account number found in the directory wins over the name
    account_note = np.full(n, "", dtype=object)
    if account_col is not None:
        given = frame[account_col].astype("string").str.strip().str.replace(r"\.0$", "", regex=True)
        given_obj = given.astype(object).to_numpy()
        for i in np.nonzero(given.notna().to_numpy() & (given.fillna("").to_numpy() != ""))[0].tolist():
            acct = given_obj[i]
            if acct in pos:
                m_status[i], m_account[i] = "account", acct
                m_name[i], m_score[i] = firm_names[pos[acct]], np.nan
                m_reason[i] = f"account number {acct} given"
            else:
                account_note[i] = f"account number {acct} is not in the directory; matched by name"

    matched_firm = np.isin(m_status, ["exact", "strong", "account"])
    firm = np.array([pos.get(a, -1) if ok and isinstance(a, str) else -1
                     for a, ok in zip(m_account.tolist(), matched_firm.tolist())], dtype=np.int64)
    has_firm = firm >= 0
    f = np.where(has_firm, firm, 0)
    ok_day = ~np.isnat(pay_day)
    ok_amount = np.isfinite(amount)
    # the credit rules, on each payment's date
    with np.errstate(invalid="ignore"):
        on_day = creditable_g[f] & (through_g[f] >= pay_day[:, None]) & (has_firm & ok_day)[:, None]
    wanted = np.full(n, -1, dtype=np.int64)
    group_note = np.full(n, "", dtype=object)
    if group_col is not None:
        parsed = frame[group_col].astype(object).tolist()
        for i, v in enumerate(parsed):
            if v is None or (isinstance(v, float) and np.isnan(v)) or str(v).strip() == "" or v is pd.NA:
                continue
            try:
                g = next(iter(parse_goals({str(v): 0})))
            except ValueError:
                group_note[i] = f"credited_group {v!r} is not a group ({', '.join(CREDIT_GROUPS)}); ignored"
                continue
            if g == MWBE_TOTAL:
                group_note[i] = "credited_group 'M/WBE total' is not a group a payment is credited to; ignored"
                continue
            wanted[i] = CREDIT_GROUPS.index(g)
    order = np.array([CREDIT_GROUPS.index(g) for g in PAYMENT_CREDIT_ORDER])
    first = np.where(on_day[:, order].any(axis=1), order[np.argmax(on_day[:, order], axis=1)], -1)
    use_wanted = (wanted >= 0) & on_day[np.arange(n), np.maximum(wanted, 0)]
    bad_wanted = (wanted >= 0) & ~use_wanted
    group = np.where(use_wanted, wanted, first)
    creditable = (group >= 0) & ok_amount
    through = np.where(group >= 0, through_g[f, np.maximum(group, 0)], np.datetime64("NaT"))
    # the matched firm's certification status, on the payment date and on as_of (once per distinct date)
    status_paid = np.full(n, None, dtype=object)
    status_now = np.full(n, None, dtype=object)
    if has_firm.any():
        now = certification_status(firms, as_of_day, expiring_within_days=expiring_within_days)
        status_now[has_firm] = now["certification_status"].astype(object).to_numpy()[f[has_firm]]
        dated = has_firm & ok_day
        for day in np.unique(pay_day[dated]).tolist():
            rows_on = np.nonzero(dated & (pay_day == np.datetime64(day, "D")))[0]
            used = np.unique(f[rows_on])
            judged = certification_status(firms.iloc[used], day, expiring_within_days=expiring_within_days)
            status_paid[rows_on] = judged["certification_status"].astype(object).to_numpy()[
                np.searchsorted(used, f[rows_on])]

    reasons = []
    statuses = m_status.tolist()
    for i in range(n):
        parts = []
        if not ok_amount[i]:
            parts.append(f"amount {frame[amount_col].iloc[i]!r} is not a number")
        if not ok_day[i]:
            parts.append(f"payment date {frame[date_col].iloc[i]!r} is not a date (use YYYY-MM-DD)")
        st = statuses[i]
        if st in ("exact", "strong", "account"):
            if group[i] >= 0 and not ok_amount[i]:
                parts.append(f"not credited until the amount is fixed: the firm may be credited to "
                             f"{CREDIT_GROUPS[group[i]]} on {str(pay_day[i])}")
            elif group[i] >= 0:
                g = CREDIT_GROUPS[group[i]]
                parts.append(f"credited to {g}: certified through {str(through[i])} (paid {str(pay_day[i])})")
                if bad_wanted[i]:
                    parts.append(f"not credited to {CREDIT_GROUPS[wanted[i]]} as asked: that certification is not "
                                 "valid on the payment date")
            elif ok_day[i]:
                held = [CREDIT_GROUPS[j] for j in range(len(CREDIT_GROUPS)) if creditable_g[f[i], j]]
                if not held:
                    parts.append("the firm holds no certification that earns group credit with a renewal date")
                else:
                    last = max(through_g[f[i], CREDIT_GROUPS.index(g)] for g in held)
                    parts.append(f"not creditable: certification ({', '.join(held)}) valid only through "
                                 f"{str(last)}, before the payment on {str(pay_day[i])}")
            parts.append(str(m_reason[i]))
        elif st == "possible":
            parts.append(f"not credited: the name match needs review ({m_reason[i]}); give the row an "
                         "account_number to confirm it")
        elif st == "none":
            parts.append(f"not a certified firm: {m_reason[i]}")
        else:
            parts.append(f"not credited: {m_reason[i]}")
        if account_note[i]:
            parts.append(account_note[i])
        if group_note[i]:
            parts.append(group_note[i])
        reasons.append("; ".join(p for p in parts if p))

    table = pa.table({
        "input_row": pa.array(input_row, pa.int64()),
        "vendor_name": pa.array(names_text.astype(object).where(names_text.notna(), None).tolist(), pa.string()),
        "amount": pa.array(amount, pa.float64(), mask=~ok_amount),
        "payment_date": pa.array(pay_day, pa.date32(), mask=~ok_day),
        "account_number": pa.array([a if isinstance(a, str) else None for a in m_account.tolist()], pa.string()),
        "matched_name": pa.array([x if isinstance(x, str) else None for x in m_name.tolist()], pa.string()),
        "match_status": pa.array(statuses, pa.string()),
        "match_score": pa.array(m_score, pa.float64(), mask=np.isnan(m_score)),
        "credited_group": pa.array([CREDIT_GROUPS[g] if g >= 0 and c else None
                                    for g, c in zip(group.tolist(), creditable.tolist())], pa.string()),
        "creditable": pa.array(creditable, pa.bool_()),
        "certification_status": pa.array(status_paid.tolist(), pa.string()),
        "certified_through": pa.array(through, pa.date32(), mask=np.isnat(through) | ~creditable),
        "certification_status_as_of": pa.array(status_now.tolist(), pa.string()),
        "as_of": pa.array([as_of_day] * n, pa.date32()),
        "reason": pa.array(reasons, pa.string()),
    })
    rows = table.to_pandas(types_mapper=pd.ArrowDtype)

    total_paid = float(np.nansum(np.where(ok_amount, amount, 0.0)))
    basis, basis_value = ("contract value", contract_value) if contract_value is not None else ("total paid",
                                                                                              total_paid)
    recs = []
    amt = np.where(ok_amount, amount, 0.0)

    def add(name: str, mask: np.ndarray) -> None:
        value = float(amt[mask].sum())
        pct = 100.0 * value / basis_value if basis_value else 0.0
        goal = goal_pct.get(name)
        recs.append({"group": name, "payments": int(mask.sum()), "amount": value, "pct": pct, "goal_pct": goal,
                     "met": None if goal is None else bool(pct >= goal - 1e-9)})

    for j, g in enumerate(CREDIT_GROUPS):
        mask = creditable & (group == j)
        if mask.any() or g in goal_pct:
            add(g, mask)
    add(MWBE_TOTAL, creditable & np.isin(group, [CREDIT_GROUPS.index(g) for g in MWBE_TOTAL_MEMBERS]))
    add("Not creditable", ~creditable)
    add("Total", np.ones(n, dtype=bool))
    by_group = pd.DataFrame.from_records(recs, columns=list(BY_GROUP_COLUMNS))
    by_group = pd.DataFrame({
        "group": pd.array(by_group["group"].tolist(), dtype=pd.ArrowDtype(pa.string())),
        "payments": pd.array(by_group["payments"].tolist(), dtype=pd.ArrowDtype(pa.int64())),
        "amount": pd.array(by_group["amount"].tolist(), dtype=pd.ArrowDtype(pa.float64())),
        "pct": pd.array(by_group["pct"].tolist(), dtype=pd.ArrowDtype(pa.float64())),
        "goal_pct": pd.array(pa.array(by_group["goal_pct"].tolist(), pa.float64(), from_pandas=True),
                             dtype=pd.ArrowDtype(pa.float64())),
        "met": pd.array(pa.array(by_group["met"].tolist(), pa.bool_(), from_pandas=True),
                        dtype=pd.ArrowDtype(pa.bool_())),
    })
    return UtilizationReport(payments=rows, by_group=by_group, basis=basis, basis_value=float(basis_value),
                             goals=goal_pct, directory_info={**directory_metadata(directory), "firms": len(firms)},
                             as_of=as_of_day)
