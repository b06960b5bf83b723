"""Participation stage, goals and credit: the group vocabulary, the credit rules, and the City's citywide goals.

The credit rules (one place; :func:`credit_matrix` applies them)
----------------------------------------------------------------

A firm's participation in a plan or a payment is credited to **one** group
(:data:`CREDIT_GROUPS`):

- an **MBE** is credited to the group of its ``ethnicity``: ``BLACK`` ->
  ``"Black American"``, ``ASIAN`` -> ``"Asian American"``, ``HISPANIC`` ->
  ``"Hispanic American"``, ``NATIVE AMERICAN`` -> ``"Native American"``
  (an MBE listed as ``NON-MINORITY`` or without an ethnicity credits no
  minority group);
- a **WBE** is credited to ``"Women"``;
- an **EBE** is credited to ``"Emerging"``;
- a firm certified as both MBE and WBE may be credited to either group, and
  the planner chooses (it is still credited to one group per scope);
- the certification that earns the credit must be valid on the day that
  matters: through the contract's end (``through``) for a plan, on the payment
  date for a utilization report. A certification is valid on day D when its
  renewal date is on or after D (:mod:`mwbe_match.certification`); a
  certification without a published renewal date earns no credit.
- everything credited to a minority group or to Women also counts toward
  ``"M/WBE total"`` (:data:`MWBE_TOTAL_MEMBERS`); Emerging Business
  Enterprises are a separate program in § 6-129 and do not count toward it.
- LBE certification earns no participation credit.

Citywide goals
--------------

:data:`CITYWIDE_GOALS` holds the citywide participation goals of NYC
Administrative Code § 6-129(d)(1) as amended by Local Law 174 of 2019
(Int. No. 1293-B), in percent of total annual agency expenditures on contracts
of each industry. Only the figures read in the enacted text are included;
see the README section "Participation goals" for the source.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ..certification import certification_valid_through_by_type

__all__ = [
    "CREDIT_GROUPS",
    "GOAL_GROUPS",
    "MWBE_TOTAL",
    "MWBE_TOTAL_MEMBERS",
    "GROUP_CERTIFICATION",
    "GROUP_ETHNICITY",
    "CITYWIDE_GOALS",
    "CITYWIDE_INDUSTRIES",
    "CITYWIDE_SOURCE",
    "parse_goals",
    "credit_matrix",
    "credit_periods",
]

#: Groups a firm's participation can be credited to, in the order the City lists them.
CREDIT_GROUPS: tuple[str, ...] = (
    "Black American", "Asian American", "Hispanic American", "Native American", "Women", "Emerging",
)

#: The aggregate goal over the minority groups and Women.
MWBE_TOTAL = "M/WBE total"

#: Every key a goal may have: :data:`CREDIT_GROUPS` and :data:`MWBE_TOTAL`.
GOAL_GROUPS: tuple[str, ...] = CREDIT_GROUPS + (MWBE_TOTAL,)

#: Groups whose credit also counts toward :data:`MWBE_TOTAL`.
MWBE_TOTAL_MEMBERS: tuple[str, ...] = CREDIT_GROUPS[:5]

#: The certification that earns each group's credit.
GROUP_CERTIFICATION: dict[str, str] = {
    "Black American": "MBE", "Asian American": "MBE", "Hispanic American": "MBE", "Native American": "MBE",
    "Women": "WBE", "Emerging": "EBE",
}

#: The directory ``ethnicity`` an MBE needs for each minority group.
GROUP_ETHNICITY: dict[str, str] = {
    "Black American": "BLACK", "Asian American": "ASIAN", "Hispanic American": "HISPANIC",
    "Native American": "NATIVE AMERICAN",
}

#: Where :data:`CITYWIDE_GOALS` come from.
CITYWIDE_SOURCE = ("NYC Administrative Code § 6-129(d)(1), as amended by Local Law 174 of 2019 "
                   "(Int. No. 1293-B, enacted 2019-10-13)")

#: Citywide participation goals (percent) per industry, as read in the enacted text of Local Law 174 of 2019.
CITYWIDE_GOALS: dict[str, dict[str, float]] = {
    "construction": {
        "Black American": 12.0,
        "Asian American": 11.1,
        "Hispanic American": 17.95,
        "Native American": 0.56,
        "Women": 25.66,
        "Emerging": 6.0,
    },
}

#: The four industry classifications of § 6-129(d); ``citywide:<industry>`` goals exist for those in
#: :data:`CITYWIDE_GOALS`.
CITYWIDE_INDUSTRIES: tuple[str, ...] = ("construction", "professional services", "standard services", "goods")

_ALIASES: dict[str, str] = {}
for _g in GOAL_GROUPS:
    _ALIASES[_g.lower()] = _g
_ALIASES.update({
    "black": "Black American", "black americans": "Black American", "african american": "Black American",
    "asian": "Asian American", "asian americans": "Asian American",
    "hispanic": "Hispanic American", "hispanic americans": "Hispanic American", "latino": "Hispanic American",
    "native": "Native American", "native americans": "Native American",
    "women": "Women", "woman": "Women", "wbe": "Women", "women-owned": "Women",
    "emerging": "Emerging", "ebe": "Emerging", "emerging business enterprise": "Emerging",
    "mwbe": MWBE_TOTAL, "m/wbe": MWBE_TOTAL, "m/wbe total": MWBE_TOTAL, "mwbe total": MWBE_TOTAL,
    "total": MWBE_TOTAL,
})


def _group_key(name: str) -> str:
    return " ".join(str(name).strip().lower().replace("_", " ").split())


def _industry_goals(industry: str) -> dict[str, float]:
    key = _group_key(industry).replace("-", " ")
    if key not in CITYWIDE_INDUSTRIES:
        raise ValueError(f"unknown industry {industry!r} in citywide goals; the industries of § 6-129(d) are "
                         + ", ".join(CITYWIDE_INDUSTRIES))
    if key not in CITYWIDE_GOALS:
        raise ValueError(
            f"the citywide goals for {key} are not built in: only "
            + ", ".join(f"citywide:{k}" for k in CITYWIDE_GOALS)
            + f" was read in the law's text ({CITYWIDE_SOURCE}); pass the agency's goals for this contract "
            "explicitly, e.g. \"Black American=8,Women=10\"")
    return dict(CITYWIDE_GOALS[key])


def parse_goals(goals: Mapping[str, Any] | str | None) -> dict[str, float]:
    """Goals as ``{group: percent}`` with keys from :data:`GOAL_GROUPS`, in vocabulary order.

    Accepts a mapping (``{"Black American": 8, "Women": "10%"}``), the command
    line's text (``"Black American=8,Hispanic American=4,Women=10"``), or
    ``"citywide:construction"`` for :data:`CITYWIDE_GOALS`. Group names are
    matched ignoring case, with common aliases (``Black``, ``Asian``,
    ``Hispanic``, ``Native``, ``WBE``, ``EBE``, ``MWBE``). A goal of 0 is kept
    (it is trivially met).

    Raises:
        ValueError: an unknown group (naming the valid ones), a percentage that
            is not a number between 0 and 100, a group given twice, or
            citywide goals for an industry that are not built in.
    """
    if goals is None:
        return {}
    if isinstance(goals, str):
        text = goals.strip()
        if text.lower().startswith("citywide:"):
            return _industry_goals(text.split(":", 1)[1])
        items: list[tuple[str, Any]] = []
        for part in [p for p in re.split(r"[,;]", text) if p.strip()]:
            if "=" not in part:
                raise ValueError(f"goal {part.strip()!r} is not GROUP=PERCENT (e.g. \"Women=10\")")
            name, value = part.split("=", 1)
            items.append((name, value))
    elif isinstance(goals, Mapping):
        items = list(goals.items())
    else:
        raise TypeError(f"goals must be a mapping, 'GROUP=PCT,...' text or 'citywide:<industry>', "
                        f"not {type(goals).__name__}")
    out: dict[str, float] = {}
    for name, value in items:
        group = _ALIASES.get(_group_key(name))
        if group is None:
            raise ValueError(f"unknown goal group {str(name).strip()!r}; valid: {', '.join(GOAL_GROUPS)}")
        if group in out:
            raise ValueError(f"goal for {group!r} given twice")
        out[group] = _percent(group, value)
    return {g: out[g] for g in GOAL_GROUPS if g in out}


def _percent(group: str, value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"goal for {group!r} must be a percentage, got {value!r}")
    if isinstance(value, str):
        value = value.strip().rstrip("%").strip()
    try:
        pct = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"goal for {group!r} must be a percentage, got {value!r}") from None
    if not math.isfinite(pct) or not 0 <= pct <= 100:
        raise ValueError(f"goal for {group!r} must be between 0 and 100 percent, got {value!r}")
    return pct


def credit_periods(directory: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The credit rules without a date: which groups each firm's certifications can credit, and until when.

    Returns:
        ``(creditable, through)``: a boolean array (firms x
        :data:`CREDIT_GROUPS`), true where the firm holds the group's
        certification with a published renewal date (and, for a minority
        group, the group's ethnicity), and a ``datetime64[D]`` array of the same
        shape with that certification's renewal date (NaT where false). The
        firm may be credited to the group on day D exactly when ``creditable``
        and ``through >= D``.
    """
    n = len(directory)
    valid_through = certification_valid_through_by_type(directory, ("MBE", "WBE", "EBE"))
    ethnicity = directory["ethnicity"] if "ethnicity" in directory.columns else pd.Series([None] * n, dtype=object)
    creditable = np.zeros((n, len(CREDIT_GROUPS)), dtype=bool)
    through = np.full((n, len(CREDIT_GROUPS)), np.datetime64("NaT"), dtype="datetime64[D]")
    for j, group in enumerate(CREDIT_GROUPS):
        cert_through = valid_through[GROUP_CERTIFICATION[group]]
        ok = ~np.isnat(cert_through)
        if group in GROUP_ETHNICITY:
            ok &= ethnicity.eq(GROUP_ETHNICITY[group]).fillna(False).to_numpy(dtype=bool)
        creditable[:, j] = ok
        through[:, j] = np.where(ok, cert_through, np.datetime64("NaT"))
    return creditable, through


def credit_matrix(directory: pd.DataFrame, on: Any) -> tuple[np.ndarray, np.ndarray]:
    """The credit rules applied to every firm on a date: which groups it may be credited to.

    Args:
        directory: the normalized directory (rows as they are; no deduplication).
        on: the date (``datetime.date`` or ISO text) the credited
            certification must be valid on.

    Returns:
        ``(credit, through)``: a boolean array (firms x :data:`CREDIT_GROUPS`)
        that is true where the firm may be credited to the group on ``on``,
        and a ``datetime64[D]`` array of the same shape with the renewal date
        of the certification that earns each group's credit (NaT where false).
    """
    if isinstance(on, str):
        on = _dt.date.fromisoformat(on.strip())
    day = np.datetime64(on, "D")
    creditable, through = credit_periods(directory)
    credit = creditable & (through >= day)
    return credit, np.where(credit, through, np.datetime64("NaT"))
