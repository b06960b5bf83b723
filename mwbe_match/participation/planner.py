"""Participation stage, planner: plan a bid's M/WBE participation: which certified firm takes which scope, and what that earns.

    >>> plan = mwbe_match.plan_participation(scopes, "citywide:construction",
    ...                                      contract_value=12_000_000, through="2028-06-30")
    >>> plan.assignments, plan.attainment, plan.alternates
    >>> print(plan.summary())

How a plan is made
------------------

1. **Candidates.** Every scope is read as a :class:`~mwbe_match.Need` (its
   text, English or Korean, and its requirement fields) and shortlisted once
   per credit group (:data:`~mwbe_match.participation.CREDIT_GROUPS`): the best
   ``candidates_per_group`` firms certified in that group through ``through``
   that meet the scope's requirements (:meth:`Matcher.shortlist_many`).
2. **Eligibility** is then checked here, independently of the matcher, for
   every (scope, firm, group): the fit score is at least ``min_score``; the
   firm may be credited to the group through ``through`` (the credit rules of
   :mod:`mwbe_match.participation.goals`); capacity (below); bonding when the
   scope states ``min_bonding``.
3. **Assignment** is solved exactly as a mixed-integer program
   (:func:`scipy.optimize.milp`, HiGHS) in two stages: first the least
   weighted shortfall against the goals (zero when every goal can be met;
   each goal's shortfall is weighed as a share of that goal, unless
   ``shortfall_weights`` says otherwise), then, holding that, the largest
   total fit score. Each scope gets at most one firm, credited to one group;
   each firm takes at most ``max_scopes_per_firm`` scopes. A scope no
   eligible firm is left for stays with the prime.

Capacity and the other limits are **planning heuristics, not City rules**:
a firm may take a scope when the scope's value is at most
``capacity_factor`` times its largest past contract
(``largest_contract_value``); a firm without a stated contract history takes
only scopes under ``unproven_limit``. Change them in :class:`PlanConfig`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import os
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from ..certification import DEFAULT_EXPIRING_WITHIN_DAYS, certification_status, resolve_as_of
from ..directory import directory_metadata, load_directory, unique_firms
from ..engine.need import Need, NeedError
from ..readers import read_table, row_numbers
from ..validation import positive_int
from .goals import (
    CREDIT_GROUPS,
    GOAL_GROUPS,
    GROUP_CERTIFICATION,
    GROUP_ETHNICITY,
    MWBE_TOTAL,
    MWBE_TOTAL_MEMBERS,
    credit_matrix,
    parse_goals,
)

__all__ = [
    "Scope",
    "ScopeError",
    "PlanConfig",
    "ParticipationPlan",
    "AssignmentProblem",
    "AssignmentSolution",
    "plan_participation",
    "solve_assignment",
    "read_scopes",
    "ASSIGNMENT_COLUMNS",
    "ATTAINMENT_COLUMNS",
    "ALTERNATE_COLUMNS",
]

_SCOPE_OWN_FIELDS = ("scope_id", "text", "value", "credit_share")
_SCOPE_ALIASES = {"id": "scope_id", "scope": "scope_id", "need_id": "scope_id", "description": "text",
                  "value_usd": "value", "amount": "value", "share": "credit_share"}


class ScopeError(ValueError):
    """A scope is invalid; the message names the scope (and row) and the field."""

    def __init__(self, field: str, message: str, *, scope_id: str | None = None, row: int | None = None):
        self.field, self.scope_id, self.row, self.detail = field, scope_id, row, message
        where = " ".join(x for x in (f"row {row}" if row is not None else "",
                                     f"scope {scope_id!r}" if scope_id not in (None, "") else "") if x)
        super().__init__(f"{where + ': ' if where else ''}{field}: {message}")


@dataclass(frozen=True, init=False)
class Scope:
    """One part of the work to plan: what it is, what it is worth, what a firm must meet.

    ``Scope("S1", "interior demolition", 180_000, boroughs="Manhattan")``

    Attributes:
        scope_id: the caller's identifier.
        text: what the scope is, in English or Korean (read as a need's text).
        value: the scope's value in dollars (> 0).
        credit_share: the share of ``value`` credited toward goals (0 < share
            <= 1; default 1.0). Agencies credit supply-only work at a lower
            share under their own rules; set it per scope.
        requirements: any requirement field of :class:`~mwbe_match.Need`
            (``naics``, ``boroughs``, ``min_bonding``, ``union_signatory``, ...),
            given as keyword arguments.
    """

    scope_id: str
    text: str
    value: float
    credit_share: float
    requirements: Mapping[str, Any]

    def __init__(self, scope_id: Any, text: str = "", value: Any = None, *, credit_share: Any = 1.0,
                 **requirements: Any):
        sid = _scope_id(scope_id)
        set_ = lambda k, v: object.__setattr__(self, k, v)  # noqa: E731
        set_("scope_id", sid)
        set_("value", _money("value", value, sid, positive=True))
        blank = _missing(credit_share) or (isinstance(credit_share, str) and not credit_share.strip())
        share = _money("credit_share", 1.0 if blank else credit_share, sid)
        if not 0 < share <= 1:
            raise ScopeError("credit_share", f"must be greater than 0 and at most 1, got {credit_share!r}",
                             scope_id=sid)
        set_("credit_share", share)
        for bad in ("certifications", "certified_through", "need_id"):
            if bad in requirements and not _missing(requirements[bad]):
                raise ScopeError(bad, "is set by the planner (credit groups and `through`), not per scope",
                                 scope_id=sid)
        requirements = {k: v for k, v in requirements.items() if k not in ("certifications", "certified_through",
                                                                          "need_id")}
        try:
            need = Need(sid, "" if _missing(text) else text, **requirements)
        except NeedError as exc:
            raise ScopeError(exc.field, exc.detail, scope_id=sid) from None
        except TypeError as exc:
            raise ScopeError("requirements", str(exc), scope_id=sid) from None
        set_("text", need.text)
        set_("requirements", dict(need.requirements))

    @property
    def need(self) -> Need:
        """The scope as a :class:`~mwbe_match.Need` (``need_id`` = ``scope_id``)."""
        return Need(self.scope_id, self.text, **self.requirements)

    @property
    def credited_value(self) -> float:
        """``value * credit_share``: what a certified firm on this scope earns toward goals."""
        return self.value * self.credit_share

    @classmethod
    def from_mapping(cls, row: Mapping[str, Any], *, scope_id: str | None = None) -> "Scope":
        """A scope from one table row: ``scope_id``, ``text``, ``value``, ``credit_share`` and requirement columns.

        Requirement columns follow :meth:`Need.from_mapping` (``;``-separated
        lists, ``$1,000,000``, yes/no); unknown columns are ignored, except
        near-misses of a requirement's name, which raise.
        """
        own: dict[str, Any] = {}
        rest: dict[str, Any] = {}
        for key, value in row.items():
            k = "_".join(str(key).strip().lower().replace("-", " ").split())
            k = _SCOPE_ALIASES.get(k, k)
            if k in _SCOPE_OWN_FIELDS:
                own[k] = value
            else:
                rest[key] = value
        sid = own.get("scope_id")
        if _missing(sid) or str(sid).strip() == "":
            if scope_id is None:
                raise ScopeError("scope_id", "the row has no scope_id")
            sid = scope_id
        text = own.get("text")
        rest = dict(rest, need_id=str(sid), text="" if _missing(text) else text)
        try:
            need = Need.from_mapping(rest)
        except NeedError as exc:
            raise ScopeError(exc.field, exc.detail, scope_id=str(sid)) from None
        for bad in ("certifications", "certified_through"):
            if getattr(need, bad) not in (None, ()):
                raise ScopeError(bad, "is set by the planner (credit groups and `through`), not per scope",
                                 scope_id=str(sid))
        return cls(sid, need.text, own.get("value"), credit_share=own.get("credit_share", 1.0),
                   **need.requirements)


def read_scopes(scopes: pd.DataFrame | str | os.PathLike | Iterable[Scope | Mapping[str, Any]]) -> list[Scope]:
    """Scopes from a scopes file (any format :func:`~mwbe_match.read_table` reads), a DataFrame (one per row),
    or a list of :class:`Scope` or mappings.

    Raises:
        ScopeError: naming the 1-based row (for tables; for a :func:`~mwbe_match.read_table`
            frame, the row in the file), the scope and the field;
            also for a scope_id used twice.
    """
    if isinstance(scopes, (str, os.PathLike)):
        scopes = read_table(scopes)  # a file: rows numbered as in the file
    if isinstance(scopes, bytes) or isinstance(scopes, Scope):
        raise TypeError("scopes must be a scopes file, a DataFrame or a list of Scope")
    records = scopes.to_dict(orient="records") if isinstance(scopes, pd.DataFrame) else list(scopes)
    numbers = row_numbers(scopes).tolist() if isinstance(scopes, pd.DataFrame) else range(1, len(records) + 1)
    out: list[Scope] = []
    seen: dict[str, int] = {}
    for row_number, item in zip(numbers, records):
        try:
            scope = item if isinstance(item, Scope) else Scope.from_mapping(item, scope_id=f"row-{row_number}")
        except ScopeError as exc:
            raise ScopeError(exc.field, exc.detail, scope_id=exc.scope_id, row=row_number) from None
        except AttributeError:
            raise ScopeError("scope", f"item {row_number} is a {type(item).__name__}, not a Scope or mapping",
                             row=row_number) from None
        if scope.scope_id in seen:
            raise ScopeError("scope_id", f"also used by row {seen[scope.scope_id]}; scope ids must be unique",
                             scope_id=scope.scope_id, row=row_number)
        seen[scope.scope_id] = row_number
        out.append(scope)
    if not out:
        raise ScopeError("scopes", "there are no scopes to plan")
    return out


@dataclass(frozen=True)
class PlanConfig:
    """Planning settings. Capacity and the per-firm limit are heuristics, not City rules.

    Attributes:
        min_score: a firm fits a scope when its shortlist score (0-100) is at
            least this.
        capacity_factor: a firm may take a scope worth at most this many times
            its largest past contract (``largest_contract_value``).
        unproven_limit: a firm with no stated contract history takes only
            scopes worth less than this (dollars).
        max_scopes_per_firm: scopes one firm may take in the plan.
        candidates_per_group: firms shortlisted per scope and credit group.
        alternates: next-best eligible firms listed per scope.
        shortfall_weights: weight per goal group of each dollar of its
            shortfall; default ``1 / goal dollars`` for each goal (every
            goal's shortfall counts as a share of that goal). Groups not
            named weigh the default.
        as_of: the date ``certification_status`` is judged on (default today).
            No firm lapsed on it is planned or listed.
        expiring_within_days: a certification renewing within this many days
            of ``as_of`` makes the firm ``expiring`` in ``certification_status``.
        time_limit: seconds the solver may take per stage (None: no limit; a
            plan cut short says so in ``solver_status``).
    """

    min_score: float = 20.0
    capacity_factor: float = 2.0
    unproven_limit: float = 250_000.0
    max_scopes_per_firm: int = 1
    candidates_per_group: int = 10
    alternates: int = 3
    shortfall_weights: Mapping[str, float] | None = None
    as_of: _dt.date | None = None
    expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS
    time_limit: float | None = 60.0

    def __post_init__(self) -> None:
        if not 0 <= self.min_score <= 100:
            raise ValueError(f"PlanConfig.min_score must be between 0 and 100, got {self.min_score!r}")
        if not self.capacity_factor > 0:
            raise ValueError(f"PlanConfig.capacity_factor must be > 0, got {self.capacity_factor!r}")
        if not self.unproven_limit >= 0:
            raise ValueError(f"PlanConfig.unproven_limit must be >= 0, got {self.unproven_limit!r}")
        for name in ("max_scopes_per_firm", "candidates_per_group"):
            positive_int(f"PlanConfig.{name}", getattr(self, name))
        positive_int("PlanConfig.alternates", self.alternates, minimum=0)
        if self.shortfall_weights is not None:
            for k, w in self.shortfall_weights.items():
                if k not in GOAL_GROUPS:
                    raise ValueError(f"PlanConfig.shortfall_weights: unknown group {k!r}; valid: "
                                     + ", ".join(GOAL_GROUPS))
                if isinstance(w, bool) or not (isinstance(w, (int, float)) and math.isfinite(w) and w > 0):
                    raise ValueError(f"PlanConfig.shortfall_weights[{k!r}] must be a number > 0, got {w!r}")


# --------------------------------------------------------------------------- the exact solver


@dataclass(frozen=True)
class AssignmentProblem:
    """The assignment as the solver sees it (what :func:`solve_assignment` takes).

    Options are (scope, firm, group) triples; parallel arrays:

    Attributes:
        option_scope: scope index of each option (0..n_scopes-1).
        option_firm: firm index of each option (any integers; equal means same firm).
        option_group: index into :data:`CREDIT_GROUPS` of each option.
        option_score: fit score of each option (>= 0).
        scope_credit: credited value of each scope (value x credit_share), dollars.
        goals: ``{group: percent}`` (keys from :data:`GOAL_GROUPS`).
        contract_value: dollars the percentages are of.
        max_per_firm: options one firm may take.
        weights: ``{group: weight}`` of each goal's shortfall (in dollars); default ``1 / goal dollars``.
    """

    option_scope: np.ndarray
    option_firm: np.ndarray
    option_group: np.ndarray
    option_score: np.ndarray
    scope_credit: np.ndarray
    goals: Mapping[str, float]
    contract_value: float
    max_per_firm: int = 1
    weights: Mapping[str, float] | None = None

    def goal_dollars(self) -> dict[str, float]:
        return {g: self.contract_value * p / 100.0 for g, p in self.goals.items()}

    def weight_of(self, group: str) -> float:
        target = self.goal_dollars()[group]
        if self.weights and group in self.weights:
            return float(self.weights[group])
        return 1.0 / target if target > 0 else 0.0

    def members(self, group: str) -> tuple[int, ...]:
        """Indexes into :data:`CREDIT_GROUPS` of the groups whose credit counts toward goal ``group``."""
        if group == MWBE_TOTAL:
            return tuple(CREDIT_GROUPS.index(g) for g in MWBE_TOTAL_MEMBERS)
        return (CREDIT_GROUPS.index(group),)

    def evaluate(self, chosen: np.ndarray) -> tuple[float, float, dict[str, float]]:
        """``(weighted shortfall, total score, credited dollars per goal)`` of the options ``chosen`` (indexes)."""
        chosen = np.asarray(chosen, dtype=np.int64)
        credited = {}
        shortfall = 0.0
        for g, target in self.goal_dollars().items():
            mask = np.isin(self.option_group[chosen], self.members(g))
            got = float(self.scope_credit[self.option_scope[chosen[mask]]].sum())
            credited[g] = got
            shortfall += self.weight_of(g) * max(0.0, target - got)
        return shortfall, float(self.option_score[chosen].sum()), credited


@dataclass(frozen=True)
class AssignmentSolution:
    """What :func:`solve_assignment` found.

    Attributes:
        chosen: indexes of the chosen options, sorted.
        shortfall: the weighted shortfall (0 when every goal is met).
        score: the total fit score of the chosen options.
        status: ``"optimal"``, or the solver's message when it stopped early.
        seconds: solver wall time (both stages).
    """

    chosen: np.ndarray
    shortfall: float
    score: float
    status: str
    seconds: float


def solve_assignment(problem: AssignmentProblem, *, time_limit: float | None = None) -> AssignmentSolution:
    """Solve the assignment exactly: least weighted shortfall, then the largest total score.

    Two mixed-integer programs (HiGHS through :func:`scipy.optimize.milp`,
    relative gap 0): stage 1 minimizes the weighted shortfall; stage 2 holds
    the shortfall of stage 1's solution and maximizes the total score.

    The integer variables are the (scope, group) choices only: which group,
    if any, each scope is credited to. Which firm takes it is a bipartite
    b-matching between (scope, group) slots and firms, whose polytope is
    integral, so firm variables are continuous; the firms are read off a
    basic (vertex) solution of that matching with the groups fixed.
    Deterministic for the same problem.
    """
    started = time.perf_counter()
    K = len(problem.option_scope)
    if K == 0:
        sf, sc, _ = problem.evaluate(np.zeros(0, dtype=np.int64))
        return AssignmentSolution(np.zeros(0, dtype=np.int64), sf, sc, "optimal", time.perf_counter() - started)
    scale = max(problem.contract_value, 1.0)
    goals = [g for g, t in problem.goal_dollars().items() if t > 0]
    targets = problem.goal_dollars()
    G = len(goals)
    # (scope, group) slots
    pair_key = problem.option_scope.astype(np.int64) * len(CREDIT_GROUPS) + problem.option_group.astype(np.int64)
    pairs, option_pair = np.unique(pair_key, return_inverse=True)
    P = len(pairs)
    pair_scope, pair_group = pairs // len(CREDIT_GROUPS), pairs % len(CREDIT_GROUPS)
    firms, firm_row = np.unique(problem.option_firm, return_inverse=True)
    S = len(problem.scope_credit)
    n = K + P + G  # x (firm options, continuous), y (slots, binary), s (shortfalls, continuous)
    rows, lo, hi = [], [], []
    # slot p is filled by exactly y_p firm options
    rows.append(sp.csr_matrix((np.r_[np.ones(K), -np.ones(P)],
                               (np.r_[option_pair, np.arange(P)], np.r_[np.arange(K), K + np.arange(P)])),
                              shape=(P, n)))
    lo.append(np.zeros(P))
    hi.append(np.zeros(P))
    # a scope is credited to at most one group
    rows.append(sp.csr_matrix((np.ones(P), (pair_scope, K + np.arange(P))), shape=(S, n)))
    lo.append(np.full(S, -np.inf))
    hi.append(np.ones(S))
    # a firm takes at most max_per_firm scopes
    rows.append(sp.csr_matrix((np.ones(K), (firm_row, np.arange(K))), shape=(len(firms), n)))
    lo.append(np.full(len(firms), -np.inf))
    hi.append(np.full(len(firms), float(problem.max_per_firm)))
    # goals: credited + shortfall >= target (in shares of the contract value)
    weights = np.zeros(n)
    for j, g in enumerate(goals):
        idx = np.nonzero(np.isin(pair_group, problem.members(g)))[0]
        rows.append(sp.csr_matrix((np.r_[problem.scope_credit[pair_scope[idx]] / scale, 1.0],
                                   (np.zeros(len(idx) + 1, dtype=np.int64), np.r_[K + idx, K + P + j])),
                                  shape=(1, n)))
        lo.append(np.array([targets[g] / scale]))
        hi.append(np.array([np.inf]))
        weights[K + P + j] = problem.weight_of(g) * scale
    A = sp.vstack(rows).tocsr()
    bounds = Bounds(np.zeros(n), np.r_[np.ones(K + P), [targets[g] / scale for g in goals]])
    integrality = np.r_[np.zeros(K), np.ones(P), np.zeros(G)]
    options = {"mip_rel_gap": 0.0, "presolve": True, "disp": False}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    status = "optimal"
    constraints = [LinearConstraint(A, np.concatenate(lo), np.concatenate(hi))]
    score = np.r_[problem.option_score.astype(np.float64), np.zeros(P + G)]
    first: np.ndarray | None = None
    if G:
        res1 = milp(weights, constraints=constraints, integrality=integrality, bounds=bounds, options=options)
        if res1.x is None:
            raise RuntimeError(f"no assignment was found within the time limit ({res1.message}); "
                               "raise PlanConfig.time_limit")
        if res1.status != 0:
            status = f"shortfall not proven least: {res1.message}"
        first = _read_firms(res1.x[K:K + P] > 0.5, constraints[0], bounds, score, K, P, options)
        # hold stage 1's shortfall, computed exactly from its solution (so that solution stays feasible)
        best_shortfall = problem.evaluate(first)[0]
        tol = 1e-9 * max(1.0, best_shortfall) + 1e-9
        constraints.append(LinearConstraint(sp.csr_matrix(weights.reshape(1, -1)), -np.inf, best_shortfall + tol))
    res2 = milp(-score, constraints=constraints, integrality=integrality, bounds=bounds, options=options)
    if res2.x is None:
        if first is None:  # pragma: no cover - without goals every 0/1 point with the limits is feasible
            raise RuntimeError(f"the solver failed: {res2.message}")
        status = f"fit not proven best (stage 2: {res2.message}); the shortfall is least"
        chosen = first
    else:
        if res2.status != 0 and status == "optimal":
            status = f"fit not proven best: {res2.message}"
        chosen = _read_firms(res2.x[K:K + P] > 0.5, constraints[0], bounds, score, K, P, options)
    shortfall, total, _ = problem.evaluate(chosen)
    return AssignmentSolution(chosen, shortfall, total, status, time.perf_counter() - started)


def _read_firms(slots: np.ndarray, constraint: LinearConstraint, bounds: Bounds, score: np.ndarray, K: int,
                P: int, options: Mapping[str, Any]) -> np.ndarray:
    """The best firms for the chosen (scope, group) slots: the b-matching with the slots fixed.

    With the slots fixed the matching is totally unimodular, so this solves at the root.
    """
    lb, ub = bounds.lb.copy(), bounds.ub.copy()
    lb[K:K + P] = ub[K:K + P] = slots.astype(np.float64)
    integrality = np.r_[np.ones(K), np.zeros(len(score) - K)]
    res = milp(-score, constraints=[constraint], integrality=integrality, bounds=Bounds(lb, ub),
               options=dict(options))
    if res.x is None:  # pragma: no cover - the slots came from a feasible point
        raise RuntimeError(f"the solver failed to place firms: {res.message}")
    return np.sort(np.nonzero(res.x[:K] > 0.5)[0])


# --------------------------------------------------------------------------- the plan


#: Columns of :attr:`ParticipationPlan.assignments`, in order.
ASSIGNMENT_COLUMNS: tuple[str, ...] = (
    "scope_id", "text", "value", "credit_share", "account_number", "name", "credited_group", "credited_value",
    "score", "certification_status", "certified_through", "as_of", "reasons",
)
#: Columns of :attr:`ParticipationPlan.attainment`, in order.
ATTAINMENT_COLUMNS: tuple[str, ...] = (
    "group", "goal_pct", "goal_value", "planned_pct", "planned_value", "met", "shortfall_value", "scopes", "why",
)
#: Columns of :attr:`ParticipationPlan.alternates`, in order.
ALTERNATE_COLUMNS: tuple[str, ...] = (
    "scope_id", "rank", "account_number", "name", "eligible_groups", "score", "certification_status",
    "certified_through", "as_of", "why_not_chosen",
)


@dataclass
class ParticipationPlan:
    """A participation plan: who takes which scope, what each goal attains, and the runners-up.

    Attributes:
        assignments: one row per scope, in input order (:data:`ASSIGNMENT_COLUMNS`):
            the scope (``scope_id``, ``text``, ``value``, ``credit_share``), the
            planned firm (``account_number``, ``name``; null when the scope is
            left to the prime), ``credited_group`` (one of
            :data:`CREDIT_GROUPS`), ``credited_value`` (dollars; 0 for the
            prime), the fit ``score``, the firm's ``certification_status`` on
            the as-of date (never ``lapsed``: the planner re-checks it),
            ``certified_through`` (renewal date of the certification that
            earns the credit; on or after ``through``), ``as_of`` (the date
            the status is judged on) and ``reasons``.
        attainment: one row per group with a goal or with planned credit
            (:data:`ATTAINMENT_COLUMNS`): ``goal_pct`` (null without a goal),
            ``goal_value``, ``planned_pct``/``planned_value`` (sums of the
            assignments credited to the group; for ``M/WBE total`` the sum of
            its members), ``met``, ``shortfall_value``, ``scopes`` (ids
            credited) and ``why``.
        alternates: per scope, the next best eligible firms
            (:data:`ALTERNATE_COLUMNS`): ``scope_id``, ``rank`` (1 = next
            best), ``account_number``, ``name``, ``eligible_groups``, ``score``,
            ``certification_status`` on the as-of date (never ``lapsed``),
            ``certified_through`` (the latest renewal date among the
            certifications that make it eligible), ``as_of`` and
            ``why_not_chosen``.
        goals: the goals planned for, ``{group: percent}``.
        contract_value: dollars the percentages are of.
        through: the contract's end date.
        config: the settings used.
        solver_status: ``"optimal"`` or why the solver stopped early.
        timings: seconds spent: ``candidates`` (shortlisting and checks),
            ``solve`` (the MILP), ``total``.
        directory_info: where the directory came from (for the files' metadata).
        problem: the :class:`AssignmentProblem` that was solved (every
            eligible (scope, firm, group) option), to inspect or re-solve.
        solution: the :class:`AssignmentSolution` (``chosen`` indexes into ``problem``).
    """

    assignments: pd.DataFrame
    attainment: pd.DataFrame
    alternates: pd.DataFrame
    goals: dict[str, float]
    contract_value: float
    through: _dt.date
    config: PlanConfig
    solver_status: str
    timings: dict[str, float] = field(default_factory=dict)
    directory_info: dict[str, Any] = field(default_factory=dict)
    problem: AssignmentProblem | None = field(default=None, repr=False)
    solution: AssignmentSolution | None = field(default=None, repr=False)

    def parameters(self) -> dict[str, Any]:
        """The inputs and settings of the plan, as the output files' metadata records them."""
        return {"goals": self.goals, "contract_value": self.contract_value, "through": self.through.isoformat(),
                "config": dataclasses.asdict(self.config), "solver_status": self.solver_status,
                "timings": self.timings, "as_of": resolve_as_of(self.config.as_of).isoformat()}

    def write(self, out: Any, *, format: str | None = None, overwrite: bool = False) -> dict[str, Any]:
        """Write the three tables: ``out`` gets the assignments, ``<stem>.attainment`` and ``<stem>.alternates``
        go beside it (see :mod:`mwbe_match.participation.output`). Returns ``{table: path}``."""
        from .output import write_tables

        return write_tables({"assignments": self.assignments, "attainment": self.attainment,
                             "alternates": self.alternates}, out, kind="participation_plan",
                            parameters=self.parameters(), directory=self.directory_info, format=format,
                            overwrite=overwrite)

    @property
    def all_goals_met(self) -> bool:
        """Whether every goal is met."""
        rows = self.attainment[self.attainment["goal_pct"].notna()]
        return bool(rows["met"].fillna(False).astype(bool).all())

    def summary(self) -> str:
        """The plan in a few lines: scopes placed, each goal planned against its target, unmet goals' reasons."""
        a = self.assignments
        placed = int(a["account_number"].notna().sum())
        lines = [
            f"Participation plan for a ${self.contract_value:,.0f} contract through {self.through.isoformat()}: "
            f"{placed} of {len(a)} scopes to certified firms, "
            f"${float(a['credited_value'].sum()):,.0f} credited ({float(a['credited_value'].sum()) / self.contract_value:.2%}).",
        ]
        for row in self.attainment.to_dict("records"):
            goal = "no goal" if pd.isna(row["goal_pct"]) else f"goal {row['goal_pct']:g}%"
            mark = "" if pd.isna(row["met"]) else (" met" if row["met"] else
                                                    f" NOT MET (short ${row['shortfall_value']:,.0f})")
            lines.append(f"  {row['group']:<18} planned {row['planned_pct']:6.2f}% "
                         f"(${row['planned_value']:,.0f}) vs {goal}{mark}")
            if not pd.isna(row["met"]) and not row["met"]:
                lines.append(f"    why: {row['why']}")
        if self.solver_status != "optimal":
            lines.append(f"  solver: {self.solver_status}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        met = "all goals met" if self.all_goals_met else "some goals unmet"
        return (f"ParticipationPlan({len(self.assignments)} scopes, {len(self.goals)} goals, {met}, "
                f"solver {self.solver_status})")


def plan_participation(
    scopes: pd.DataFrame | Sequence[Scope | Mapping[str, Any]],
    goals: Mapping[str, Any] | str | None,
    *,
    contract_value: float,
    through: Any,
    matcher: Any = None,
    directory: pd.DataFrame | str | None = None,
    config: PlanConfig | None = None,
) -> ParticipationPlan:
    """Plan which certified firm takes which scope so the bid meets its participation goals.

    Args:
        scopes: a DataFrame (one scope per row: ``scope_id``, ``text``,
            ``value``, optional ``credit_share`` and :class:`~mwbe_match.Need`
            requirement columns) or a list of :class:`Scope` (or mappings).
        goals: percent of ``contract_value`` per group (keys from
            :data:`GOAL_GROUPS`), ``"GROUP=PCT,..."`` text, or
            ``"citywide:construction"`` (see :func:`parse_goals`). ``None`` or
            empty: no goals; the plan then only maximizes fit.
        contract_value: the contract's value in dollars (> 0).
        through: the contract's end date: every planned firm's credited
            certification is valid from the as-of date (``config.as_of``,
            default today) through it; it may not be before the as-of date.
        matcher: a :class:`~mwbe_match.Matcher` to shortlist with (built
            once, reused across plans).
        directory: the directory to build a matcher from when ``matcher`` is
            not given (default: :func:`~mwbe_match.load_directory`).
        config: :class:`PlanConfig`.

    Returns:
        A :class:`ParticipationPlan`.

    Raises:
        ScopeError: an invalid scope (naming row, scope and field).
        ValueError: bad goals, contract value or date; ``through`` before the
            as-of date (naming both); both ``matcher`` and ``directory`` given.
    """
    started = time.perf_counter()
    cfg = config or PlanConfig()
    goal_pct = parse_goals(goals)
    contract_value = _money("contract_value", contract_value, None, positive=True, error=ValueError)
    through_day = resolve_as_of(through) if through is not None else None
    if through_day is None:
        raise ValueError("through (the contract's end date) is required")
    as_of = resolve_as_of(cfg.as_of)
    if through_day < as_of:
        raise ValueError(f"through (the contract's end date, {through_day.isoformat()}) is before the as-of date "
                         f"({as_of.isoformat()}): a plan credits certifications valid from the as-of date through "
                         "the end of the contract; give a later through, or an earlier as-of date (PlanConfig.as_of, --as-of)")
    scope_list = read_scopes(scopes)
    matcher = _matcher(matcher, directory)

    firms = _firm_table(matcher.directory, through_day, as_of, cfg.expiring_within_days)
    cands = _candidates(matcher, scope_list, through_day, cfg, firms)
    t_candidates = time.perf_counter() - started

    scope_credit = np.array([s.credited_value for s in scope_list])
    problem = AssignmentProblem(
        option_scope=cands["scope"].to_numpy(np.int64), option_firm=cands["firm"].to_numpy(np.int64),
        option_group=cands["group"].to_numpy(np.int64), option_score=cands["score"].to_numpy(np.float64),
        scope_credit=scope_credit, goals=goal_pct, contract_value=contract_value,
        max_per_firm=int(cfg.max_scopes_per_firm), weights=cfg.shortfall_weights,
    )
    solution = solve_assignment(problem, time_limit=cfg.time_limit)
    chosen = cands.iloc[solution.chosen]

    assignments = _assignments(scope_list, chosen, firms, cands, cfg)
    attainment = _attainment(goal_pct, contract_value, assignments, scope_list, cands, firms, matcher,
                             through_day, cfg)
    alternates = _alternates(scope_list, chosen, cands, firms, cfg)
    total = time.perf_counter() - started
    return ParticipationPlan(
        assignments=assignments, attainment=attainment, alternates=alternates, goals=goal_pct,
        contract_value=contract_value, through=through_day, config=cfg, solver_status=solution.status,
        timings={"candidates": t_candidates, "solve": solution.seconds, "total": total},
        directory_info={**directory_metadata(matcher.directory), "firms": int(matcher.n_firms)},
        problem=problem, solution=solution,
    )


# --------------------------------------------------------------------------- steps


def _matcher(matcher: Any, directory: Any) -> Any:
    from ..engine import Matcher

    if matcher is not None:
        if directory is not None:
            raise ValueError("give either matcher= or directory=, not both (a matcher carries its directory)")
        if not isinstance(matcher, Matcher):
            raise TypeError(f"matcher must be a mwbe_match.Matcher, not {type(matcher).__name__}")
        return matcher
    if directory is None or not isinstance(directory, pd.DataFrame):
        directory = load_directory(directory)
    return Matcher(directory)


@dataclass
class _Firms:
    """Per-firm facts the planner checks, aligned with ``unique_firms(directory)``."""

    frame: pd.DataFrame
    pos: dict[str, int]
    credit: np.ndarray          # firms x groups: may be credited from the as-of date through `through`
    credit_through: np.ndarray  # firms x groups: renewal date of the crediting certification
    largest: np.ndarray
    bonding: np.ndarray
    status: np.ndarray          # certification_status on the as-of date
    as_of: _dt.date
    names: np.ndarray
    ethnicity: np.ndarray


def _firm_table(directory: pd.DataFrame, through: _dt.date, as_of: _dt.date,
                expiring_within_days: int = DEFAULT_EXPIRING_WITHIN_DAYS) -> _Firms:
    firms = unique_firms(directory).reset_index(drop=True)
    credit, credit_through = credit_matrix(firms, through)
    judged = certification_status(firms, as_of, expiring_within_days=expiring_within_days)
    status = judged["certification_status"].astype(object).to_numpy()
    # eligibility re-checked here, whatever the matcher's settings: the crediting certification is valid on the
    # as-of date as well as through `through`, and no firm that is lapsed on the as-of date is credited
    credit_now, _ = credit_matrix(firms, as_of)
    credit = credit & credit_now & (status != "lapsed")[:, None]
    credit_through = np.where(credit, credit_through, np.datetime64("NaT"))
    account = firms["account_number"].astype(object).to_numpy()
    pos = {a: i for i, a in enumerate(account.tolist()) if a is not None and not (isinstance(a, float))}
    return _Firms(
        frame=firms, pos=pos, credit=credit, credit_through=credit_through,
        largest=firms["largest_contract_value"].astype("float64").to_numpy(na_value=np.nan),
        bonding=firms["bonding_limit"].astype("float64").to_numpy(na_value=np.nan),
        status=status,
        as_of=as_of,
        names=firms["name"].astype(object).to_numpy(),
        ethnicity=firms["ethnicity"].astype(object).to_numpy(),
    )


def _group_need(scope: Scope, group: str, through: _dt.date, *, capacity_floor: float | None) -> Need | None:
    """The scope's need restricted to firms certified in ``group`` through ``through`` (None if it cannot be)."""
    req = dict(scope.requirements)
    req["certifications"] = (GROUP_CERTIFICATION[group],)
    req["certified_through"] = through
    if group in GROUP_ETHNICITY:
        eth = GROUP_ETHNICITY[group]
        if req.get("ethnicity") and eth not in req["ethnicity"]:
            return None
        req["ethnicity"] = (eth,)
    if capacity_floor is not None:
        req["min_contract_value"] = max(capacity_floor, req.get("min_contract_value") or 0.0)
    return Need(f"{scope.scope_id}\x1f{group}", scope.text, **req)


def _capacity_ok(value: float, largest: np.ndarray, cfg: PlanConfig) -> np.ndarray:
    """The capacity heuristic: value <= factor x largest past contract; no history: value < unproven_limit."""
    proven = np.isfinite(largest) & (largest > 0)
    with np.errstate(invalid="ignore"):
        return np.where(proven, value <= cfg.capacity_factor * np.nan_to_num(largest), value < cfg.unproven_limit)


def _shortlist(matcher: Any, scopes: list[Scope], through: _dt.date, cfg: PlanConfig, *, capacity: bool,
               groups: Sequence[str] = CREDIT_GROUPS) -> pd.DataFrame:
    needs, keys = [], []
    for i, scope in enumerate(scopes):
        floor = scope.value / cfg.capacity_factor if capacity and scope.value >= cfg.unproven_limit else None
        for group in groups:
            need = _group_need(scope, group, through, capacity_floor=floor)
            if need is not None:
                needs.append(need)
                keys.append((i, CREDIT_GROUPS.index(group)))
    if not needs:
        return pd.DataFrame({"scope": [], "group": [], "account_number": [], "score": [], "reasons": []})
    rows = matcher.shortlist_many(needs, top=cfg.candidates_per_group)
    key_of = {n.need_id: k for n, k in zip(needs, keys)}
    ids = rows["need_id"].astype(object).tolist()
    return pd.DataFrame({
        "scope": np.array([key_of[x][0] for x in ids], dtype=np.int64),
        "group": np.array([key_of[x][1] for x in ids], dtype=np.int64),
        "account_number": rows["account_number"].astype(object).to_numpy(),
        "score": rows["score"].astype("float64").to_numpy(),
        "reasons": rows["reasons"].astype(object).to_numpy(),
    })


def _check(cands: pd.DataFrame, scopes: list[Scope], firms: _Firms, cfg: PlanConfig) -> pd.DataFrame:
    """Independent eligibility checks of every candidate; adds ``firm`` and one boolean column per check."""
    firm = np.array([firms.pos.get(a, -1) for a in cands["account_number"].tolist()], dtype=np.int64)
    known = firm >= 0
    f = np.where(known, firm, 0)
    value = np.array([scopes[i].value for i in cands["scope"].tolist()], dtype=np.float64)
    bond_req = np.array([scopes[i].requirements.get("min_bonding") or np.nan for i in cands["scope"].tolist()],
                        dtype=np.float64)
    capacity = _capacity_ok(value, firms.largest[f], cfg)
    with np.errstate(invalid="ignore"):
        bonding = np.isnan(bond_req) | (firms.bonding[f] >= bond_req)
    out = cands.assign(
        firm=firm,
        fit_ok=cands["score"].to_numpy() >= cfg.min_score,
        credit_ok=known & firms.credit[f, cands["group"].to_numpy(np.int64)],
        capacity_ok=known & capacity,
        bonding_ok=known & bonding,
    )
    return out


def _candidates(matcher: Any, scopes: list[Scope], through: _dt.date, cfg: PlanConfig, firms: _Firms) -> pd.DataFrame:
    raw = _check(_shortlist(matcher, scopes, through, cfg, capacity=True), scopes, firms, cfg)
    ok = raw["fit_ok"] & raw["credit_ok"] & raw["capacity_ok"] & raw["bonding_ok"]
    cands = raw[ok.to_numpy(dtype=bool)]
    # deterministic order: scope, best score first, account number, group
    return cands.sort_values(["scope", "score", "account_number", "group"], ascending=[True, False, True, True],
                             kind="stable").reset_index(drop=True)


def _fmt_money(x: float) -> str:
    return f"${x:,.0f}"


def _credit_phrase(group: str, ethnicity: Any, through: Any) -> str:
    cert = GROUP_CERTIFICATION[group]
    eth = f" (ethnicity {ethnicity})" if group in GROUP_ETHNICITY else ""
    return f"credited to {group}: {cert}{eth} certified through {pd.Timestamp(through).date().isoformat()}"


def _capacity_phrase(value: float, largest: float, cfg: PlanConfig) -> str:
    if np.isfinite(largest) and largest > 0:
        return (f"capacity: largest past contract {_fmt_money(largest)} x {cfg.capacity_factor:g} "
                f">= scope value {_fmt_money(value)}")
    return f"capacity: no contract history; scope value {_fmt_money(value)} is under {_fmt_money(cfg.unproven_limit)}"


def _assignments(scopes: list[Scope], chosen: pd.DataFrame, firms: _Firms, cands: pd.DataFrame,
                 cfg: PlanConfig) -> pd.DataFrame:
    by_scope = {int(r["scope"]): r for r in chosen.to_dict("records")}
    has_cand = set(cands["scope"].tolist())

    recs = []
    for i, s in enumerate(scopes):
        r = by_scope.get(i)
        base = {"scope_id": s.scope_id, "text": s.text, "value": s.value, "credit_share": s.credit_share}
        if r is None:
            why = ("left to the prime: every eligible certified firm is planned for another scope"
                   if i in has_cand else
                   "left to the prime: no certified firm is eligible (fit, certification through the end date, "
                   "capacity and requirements)")
            recs.append({**base, "account_number": None, "name": None, "credited_group": None,
                         "credited_value": 0.0, "score": np.nan, "certification_status": None,
                         "certified_through": None, "as_of": firms.as_of, "reasons": why})
            continue
        f = int(r["firm"])
        g = CREDIT_GROUPS[int(r["group"])]
        through = firms.credit_through[f, int(r["group"])]
        reasons = "; ".join([
            _credit_phrase(g, firms.ethnicity[f], through),
            _capacity_phrase(s.value, float(firms.largest[f]), cfg),
            str(r["reasons"]),
        ])
        recs.append({**base, "account_number": r["account_number"], "name": firms.names[f], "credited_group": g,
                     "credited_value": s.credited_value, "score": float(r["score"]),
                     "certification_status": firms.status[f],
                     "certified_through": pd.Timestamp(through).date(), "as_of": firms.as_of, "reasons": reasons})
    return _typed(pd.DataFrame.from_records(recs, columns=list(ASSIGNMENT_COLUMNS)), {
        "value": pa.float64(), "credit_share": pa.float64(), "credited_value": pa.float64(), "score": pa.float64(),
        "certified_through": pa.date32(), "as_of": pa.date32(),
    })


def _typed(frame: pd.DataFrame, types: Mapping[str, pa.DataType]) -> pd.DataFrame:
    out = {}
    for c in frame.columns:
        t = types.get(c)
        if t is None:
            if c in ("met",):
                t = pa.bool_()
            elif c in ("scopes", "eligible_groups"):
                t = pa.list_(pa.string())
            elif c == "rank":
                t = pa.int64()
            else:
                t = pa.string()
        values = frame[c].tolist()
        values = [None if (v is None or (isinstance(v, float) and math.isnan(v))) else v for v in values] \
            if not pa.types.is_list(t) else values
        out[c] = pd.array(pa.array(values, type=t, from_pandas=True), dtype=pd.ArrowDtype(t))
    return pd.DataFrame(out, columns=frame.columns)


def _attainment(goals: dict[str, float], contract_value: float, assignments: pd.DataFrame, scopes: list[Scope],
                cands: pd.DataFrame, firms: _Firms, matcher: Any, through: _dt.date,
                cfg: PlanConfig) -> pd.DataFrame:
    credited = assignments["credited_group"].astype(object).tolist()
    values = assignments["credited_value"].astype("float64").tolist()
    ids = assignments["scope_id"].astype(object).tolist()
    planned = {g: 0.0 for g in GOAL_GROUPS}
    scopes_of: dict[str, list[str]] = {g: [] for g in GOAL_GROUPS}
    for g, v, sid in zip(credited, values, ids):
        if g is None or (isinstance(g, float)) or g is pd.NA:
            continue
        planned[g] += v
        scopes_of[g].append(sid)
        if g in MWBE_TOTAL_MEMBERS:
            planned[MWBE_TOTAL] += v
            scopes_of[MWBE_TOTAL].append(sid)
    recs = []
    for g in GOAL_GROUPS:
        if g not in goals and planned[g] == 0:
            continue
        pct = goals.get(g)
        target = contract_value * pct / 100 if pct is not None else None
        met = None if target is None else bool(planned[g] >= target - 0.005)
        shortfall = None if target is None else max(0.0, target - planned[g])
        if met is None:
            why = f"no goal; {len(scopes_of[g])} scope(s) credited"
        elif met:
            why = (f"met by {_join_ids(scopes_of[g])}" if scopes_of[g] else "a goal of 0% is met without credit")
        else:
            why = _why_unmet(g, target, planned[g], scopes, cands, firms, matcher, through, cfg)
        recs.append({"group": g, "goal_pct": pct, "goal_value": target, "planned_pct": 100 * planned[g] / contract_value,
                     "planned_value": planned[g], "met": met, "shortfall_value": shortfall,
                     "scopes": scopes_of[g], "why": why})
    return _typed(pd.DataFrame.from_records(recs, columns=list(ATTAINMENT_COLUMNS)), {
        "goal_pct": pa.float64(), "goal_value": pa.float64(), "planned_pct": pa.float64(),
        "planned_value": pa.float64(), "shortfall_value": pa.float64(),
    })


def _span(values: list[float]) -> str:
    lo, hi = min(values), max(values)
    return _fmt_money(lo) if lo == hi else f"{_fmt_money(lo)} to {_fmt_money(hi)}"


def _join_ids(ids: list[str], limit: int = 8) -> str:
    shown = ", ".join(ids[:limit])
    return f"scope{'s' if len(ids) > 1 else ''} {shown}" + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _group_label(group: str) -> str:
    return {"Women": "Women-owned", "Emerging": "Emerging (EBE)"}.get(group, group)


def _why_unmet(group: str, target: float, planned: float, scopes: list[Scope], cands: pd.DataFrame, firms: _Firms,
               matcher: Any, through: _dt.date, cfg: PlanConfig) -> str:
    """Why a goal is short, from the eligibility funnel of its groups."""
    members = [group] if group != MWBE_TOTAL else list(MWBE_TOTAL_MEMBERS)
    gidx = [CREDIT_GROUPS.index(g) for g in members]
    label = _group_label(group) if group != MWBE_TOTAL else "M/WBE"
    short = f"short {_fmt_money(target - planned)} of {_fmt_money(target)}"
    certified = int(firms.credit[:, gidx].any(axis=1).sum())
    if certified == 0:
        return (f"{short}: no firm in the directory is certified {label} through {through.isoformat()} "
                f"(a certification renewed before then earns no credit)")
    eligible = cands[cands["group"].isin(gidx)]
    if eligible.empty:
        # look again without the capacity floor, to say what stopped them
        raw = _check(_shortlist(matcher, scopes, through, cfg, capacity=False, groups=members), scopes, firms, cfg)
        fits = raw[raw["fit_ok"] & raw["credit_ok"]]
        if fits.empty:
            return (f"{short}: no certified {label} firm is eligible for any scope ({certified} firm(s) are "
                    f"certified through {through.isoformat()}, none fits a scope's text and requirements with a "
                    f"score of at least {cfg.min_score:g})")
        lacking = fits[~fits["capacity_ok"] | ~fits["bonding_ok"]]
        if (~lacking["capacity_ok"]).any():
            cap = lacking[~lacking["capacity_ok"]]
            largest = firms.largest[cap["firm"].to_numpy(np.int64)]
            limit = np.where(np.isfinite(largest) & (largest > 0), cfg.capacity_factor * np.nan_to_num(largest),
                             cfg.unproven_limit)
            values = [scopes[i].value for i in cap["scope"].unique().tolist()]
            return (f"{short}: the only eligible {label} firms lack the capacity for the scopes they fit "
                    f"(they can take up to {_fmt_money(float(limit.max()))}: largest past contract x "
                    f"{cfg.capacity_factor:g}, or under {_fmt_money(cfg.unproven_limit)} without history; "
                    f"the scopes they fit are worth {_span(values)})")
        return f"{short}: the only {label} firms that fit a scope lack the bonding it requires"
    reachable = sorted(set(eligible["scope"].tolist()))
    # what the group could earn on its own (the same exact solver, with only this goal)
    alone = AssignmentProblem(
        option_scope=cands["scope"].to_numpy(np.int64), option_firm=cands["firm"].to_numpy(np.int64),
        option_group=cands["group"].to_numpy(np.int64), option_score=cands["score"].to_numpy(np.float64),
        scope_credit=np.array([s.credited_value for s in scopes]), goals={group: 100.0},
        contract_value=target, max_per_firm=int(cfg.max_scopes_per_firm),
    )
    best = alone.evaluate(solve_assignment(alone, time_limit=cfg.time_limit).chosen)[2][group]
    if best < target - 0.005:
        n_firms = int(eligible["firm"].nunique())
        return (f"{short}: even on their own, the eligible {label} firms can be credited at most "
                f"{_fmt_money(best)} ({n_firms} firm(s) eligible for "
                f"{_join_ids([scopes[i].scope_id for i in reachable])}; at most {cfg.max_scopes_per_firm} "
                f"scope(s) per firm)")
    return (f"{short}: {label} firms could meet it on their own, but the scopes they can take are needed for "
            "other goals; this is the least weighted shortfall over all goals")


def _alternates(scopes: list[Scope], chosen: pd.DataFrame, cands: pd.DataFrame, firms: _Firms,
                cfg: PlanConfig) -> pd.DataFrame:
    recs = []
    if cfg.alternates and len(cands):
        pick_firm = dict(zip(chosen["scope"].tolist(), chosen["firm"].tolist()))
        pick_score = dict(zip(chosen["scope"].tolist(), chosen["score"].tolist()))
        pick_group = dict(zip(chosen["scope"].tolist(), chosen["group"].tolist()))
        firm_scope = dict(zip(chosen["firm"].tolist(), chosen["scope"].tolist()))
        # cands are sorted by scope, best score first, account number, group
        per_scope: dict[int, dict[int, dict[str, Any]]] = {}
        for i, f, g, sc, acct in zip(cands["scope"].tolist(), cands["firm"].tolist(), cands["group"].tolist(),
                                     cands["score"].tolist(), cands["account_number"].tolist()):
            if pick_firm.get(i) == f:
                continue
            entry = per_scope.setdefault(i, {}).setdefault(f, {"score": sc, "account": acct, "groups": []})
            entry["groups"].append(CREDIT_GROUPS[g])
        for i in sorted(per_scope):
            for rank, (f, e) in enumerate(list(per_scope[i].items())[: cfg.alternates], start=1):
                sc = float(e["score"])
                if f in firm_scope and firm_scope[f] != i:
                    why = (f"planned for scope {scopes[firm_scope[f]].scope_id} (at most "
                           f"{cfg.max_scopes_per_firm} scope(s) per firm)")
                elif i not in pick_firm:  # pragma: no cover - an unused eligible firm would have been planned
                    why = "not needed"
                elif sc < pick_score[i]:
                    why = f"a lower fit ({sc:.1f}) than the planned firm ({pick_score[i]:.1f})"
                elif sc == pick_score[i]:
                    why = f"as good a fit ({sc:.1f}); the plan takes one firm per scope"
                else:
                    why = (f"the planned firm's {CREDIT_GROUPS[pick_group[i]]} credit serves the goals "
                           f"better (fit {pick_score[i]:.1f} vs {sc:.1f})")
                through = max(firms.credit_through[f, CREDIT_GROUPS.index(g)] for g in e["groups"])
                recs.append({"scope_id": scopes[i].scope_id, "rank": rank, "account_number": e["account"],
                             "name": firms.names[f], "eligible_groups": e["groups"], "score": sc,
                             "certification_status": firms.status[f],
                             "certified_through": pd.Timestamp(through).date(), "as_of": firms.as_of,
                             "why_not_chosen": why})
    return _typed(pd.DataFrame.from_records(recs, columns=list(ALTERNATE_COLUMNS)), {
        "score": pa.float64(), "certified_through": pa.date32(), "as_of": pa.date32(),
    })


# --------------------------------------------------------------------------- small parsers


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _scope_id(value: Any) -> str:
    if _missing(value) or str(value).strip() == "":
        raise ScopeError("scope_id", "every scope needs an identifier")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _money(name: str, value: Any, scope_id: str | None, *, positive: bool = False, error: type = ScopeError) -> float:
    def fail(msg: str) -> Exception:
        return ScopeError(name, msg, scope_id=scope_id) if error is ScopeError else ValueError(f"{name}: {msg}")

    if _missing(value) or (isinstance(value, str) and not value.strip()):
        raise fail("is required")
    if isinstance(value, bool):
        raise fail(f"must be a number, got {value!r}")
    if isinstance(value, str):
        text = value.strip().replace("$", "").replace(",", "").replace(" ", "")
        try:
            number = float(text)
        except ValueError:
            raise fail(f"must be a number, got {value!r}") from None
    else:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise fail(f"must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise fail(f"must be a finite number, got {value!r}")
    if positive and number <= 0:
        raise fail(f"must be greater than 0, got {value!r}")
    if number < 0:
        raise fail(f"must not be negative, got {value!r}")
    return number
