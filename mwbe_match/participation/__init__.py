"""Participation stage (beside the engine, using it): participation goals: plan a bid that meets its M/WBE goals, and report what was achieved.

- :func:`plan_participation` assigns certified firms to a bid's scopes so the
  plan meets the contract's goals (exactly, as a mixed-integer program), and
  says why when a goal cannot be met.
- :func:`utilization_report` checks what was actually paid: every payment
  row is name-verified against the directory and judged creditable or not on
  its payment date, then summed by group next to the goals.
- :mod:`~mwbe_match.participation.goals` holds the group vocabulary, the
  credit rules and the citywide goals of NYC Administrative Code § 6-129(d).
"""

from .goals import (
    CITYWIDE_GOALS,
    CITYWIDE_INDUSTRIES,
    CITYWIDE_SOURCE,
    CREDIT_GROUPS,
    GOAL_GROUPS,
    MWBE_TOTAL,
    MWBE_TOTAL_MEMBERS,
    credit_matrix,
    parse_goals,
)
from .output import TABLE_WRITERS, write_tables
from .planner import (
    ALTERNATE_COLUMNS,
    ASSIGNMENT_COLUMNS,
    ATTAINMENT_COLUMNS,
    AssignmentProblem,
    AssignmentSolution,
    ParticipationPlan,
    PlanConfig,
    Scope,
    ScopeError,
    plan_participation,
    read_scopes,
    solve_assignment,
)
from .utilization import (
    BY_GROUP_COLUMNS,
    PAYMENT_COLUMNS,
    PAYMENT_CREDIT_ORDER,
    PaymentsError,
    UtilizationReport,
    utilization_report,
)

__all__ = [
    "plan_participation",
    "utilization_report",
    "UtilizationReport",
    "PaymentsError",
    "PAYMENT_COLUMNS",
    "BY_GROUP_COLUMNS",
    "PAYMENT_CREDIT_ORDER",
    "write_tables",
    "TABLE_WRITERS",
    "ParticipationPlan",
    "PlanConfig",
    "Scope",
    "ScopeError",
    "read_scopes",
    "parse_goals",
    "credit_matrix",
    "solve_assignment",
    "AssignmentProblem",
    "AssignmentSolution",
    "CREDIT_GROUPS",
    "GOAL_GROUPS",
    "MWBE_TOTAL",
    "MWBE_TOTAL_MEMBERS",
    "CITYWIDE_GOALS",
    "CITYWIDE_INDUSTRIES",
    "CITYWIDE_SOURCE",
    "ASSIGNMENT_COLUMNS",
    "ATTAINMENT_COLUMNS",
    "ALTERNATE_COLUMNS",
]
