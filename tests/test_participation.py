"""Participation goals: the credit rules, the exact planner, and the utilization report."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match.certification import certification_status
from mwbe_match.cli import main as cli_main
from mwbe_match.participation import (
    CITYWIDE_GOALS,
    CREDIT_GROUPS,
    GOAL_GROUPS,
    MWBE_TOTAL_MEMBERS,
    AssignmentProblem,
    PlanConfig,
    Scope,
    ScopeError,
    credit_matrix,
    parse_goals,
    plan_participation,
    solve_assignment,
    utilization_report,
)

PROJECT = Path(__file__).resolve().parents[1]
SCOPES = PROJECT / "datasets" / "scopes_example.csv"
PAYMENTS = PROJECT / "datasets" / "payments_example.csv"
THROUGH = dt.date(2028, 6, 30)
CONTRACT = 12_000_000
#: goals a bidder could set for the example fit-out on the real extract (the 2013 construction goals' scale)
FEASIBLE = {"Black American": 8, "Asian American": 8, "Hispanic American": 4, "Women": 8, "M/WBE total": 40}

_ETHNIC = {"BLACK": "Black American", "ASIAN": "Asian American", "HISPANIC": "Hispanic American",
           "NATIVE AMERICAN": "Native American"}


def scopes_frame() -> pd.DataFrame:
    return pd.read_csv(SCOPES, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def real_matcher(real_directory):
    return mwbe_match.Matcher(real_directory)


@pytest.fixture(scope="module")
def feasible_plan(real_matcher):
    return plan_participation(scopes_frame(), FEASIBLE, contract_value=CONTRACT, through=THROUGH,
                              matcher=real_matcher)


def groups_by_hand(row, on: dt.date) -> set[str]:
    """The credit rules written out from the raw columns of one firm, independently of the library."""
    out = set()
    certs = list(row["certifications"]) if row["certifications"] is not None else []
    dates = list(row["certification_renewal_dates"]) if row["certification_renewal_dates"] is not None else []
    for i, cert in enumerate(certs):
        renewal = dates[i] if i < len(dates) else None
        if renewal is None or pd.isna(renewal) or pd.Timestamp(renewal).date() < on:
            continue
        if cert == "MBE" and row["ethnicity"] in _ETHNIC:
            out.add(_ETHNIC[row["ethnicity"]])
        elif cert == "WBE":
            out.add("Women")
        elif cert == "EBE":
            out.add("Emerging")
    return out


# --------------------------------------------------------------------------- goals and credit rules


def test_goals_are_read_from_text_or_mappings_with_the_usual_aliases():
    assert parse_goals("Black American=8, hispanic=4,WBE=10%") == {
        "Black American": 8.0, "Hispanic American": 4.0, "Women": 10.0}
    assert parse_goals({"MWBE": "30", "ebe": 6}) == {"Emerging": 6.0, "M/WBE total": 30.0}
    assert list(parse_goals({g: 1 for g in reversed(GOAL_GROUPS)})) == list(GOAL_GROUPS)


@pytest.mark.parametrize("goals, message", [
    ("Martian=5", "unknown goal group 'Martian'"),
    ("Women=120", "between 0 and 100"),
    ("Women=ten", "must be a percentage"),
    ("Women=5,WBE=6", "given twice"),
    ("Women", "GROUP=PERCENT"),
    ("citywide:aerospace", "unknown industry"),
])
def test_a_bad_goal_is_rejected_naming_the_problem(goals, message):
    with pytest.raises(ValueError, match=message):
        parse_goals(goals)


def test_citywide_construction_goals_are_those_of_local_law_174_of_2019():
    assert parse_goals("citywide:construction") == {
        "Black American": 12.0, "Asian American": 11.1, "Hispanic American": 17.95, "Native American": 0.56,
        "Women": 25.66, "Emerging": 6.0}
    assert set(CITYWIDE_GOALS["construction"]) <= set(GOAL_GROUPS)


def test_citywide_goals_not_built_in_say_how_to_pass_the_agencys_goals_instead():
    with pytest.raises(ValueError, match="pass the agency's goals"):
        parse_goals("citywide:professional services")


def test_the_credit_rules_match_the_raw_certifications_for_every_real_firm(real_directory):
    firms = mwbe_match.unique_firms(real_directory).reset_index(drop=True)
    for on in (dt.date(2026, 12, 1), THROUGH):
        credit, through = credit_matrix(firms, on)
        for i, row in enumerate(firms.to_dict("records")):
            got = {g for j, g in enumerate(CREDIT_GROUPS) if credit[i, j]}
            assert got == groups_by_hand(row, on), row["account_number"]
        assert (through[credit] >= np.datetime64(on)).all()
        assert np.isnat(through[~credit]).all()


def test_a_non_minority_mbe_earns_no_minority_credit_and_lbe_earns_none(bundled_directory):
    firms = bundled_directory.iloc[:0].copy()
    template = mwbe_match.unique_firms(bundled_directory).iloc[[0, 0]].reset_index(drop=True)
    template.loc[0, "ethnicity"] = "NON-MINORITY"
    template["certifications"] = pd.Series([["MBE"], ["LBE"]], dtype=template["certifications"].dtype)
    template["certification_renewal_dates"] = pd.Series([[dt.date(2030, 1, 31)], [dt.date(2030, 1, 31)]],
                                                        dtype=template["certification_renewal_dates"].dtype)
    credit, _ = credit_matrix(pd.concat([firms, template]), dt.date(2027, 1, 1))
    assert not credit.any()


# --------------------------------------------------------------------------- scopes


def test_a_scope_row_with_a_bad_value_is_rejected_naming_row_scope_and_field():
    frame = scopes_frame()
    frame.loc[2, "value"] = "-5"
    with pytest.raises(ScopeError, match=r"row 3 scope 'FO-03': value: must be greater than 0"):
        plan_participation(frame, {}, contract_value=CONTRACT, through=THROUGH, directory=pd.DataFrame())


@pytest.mark.parametrize("change, message", [
    ({"credit_share": "1.5"}, "credit_share: must be greater than 0 and at most 1"),
    ({"value": ""}, "value: is required"),
    ({"boroughs": "Atlantis"}, "boroughs: unknown borough"),
    ({"scope_id": "FO-01"}, "scope_id: also used by row 1"),
])
def test_invalid_scopes_say_where_and_what(change, message):
    frame = scopes_frame()
    for k, v in change.items():
        frame.loc[4, k] = v
    with pytest.raises(ScopeError, match=message):
        mwbe_match.participation.read_scopes(frame)


def test_a_scope_cannot_set_the_certification_the_planner_credits():
    with pytest.raises(ScopeError, match="set by the planner"):
        Scope("S1", "painting", 10_000, certifications="WBE")


def test_a_supply_scope_credits_its_share_of_the_value():
    scope = Scope("S1", "office furniture supply", "$600,000", credit_share=0.6)
    assert scope.credited_value == pytest.approx(360_000)


# --------------------------------------------------------------------------- the exact solver


@st.composite
def small_problems(draw):
    n_scopes = draw(st.integers(1, 4))
    n_firms = draw(st.integers(1, 4))
    triples = [(s, f, g) for s in range(n_scopes) for f in range(n_firms) for g in range(len(CREDIT_GROUPS))]
    options = draw(st.lists(st.sampled_from(triples), unique=True, max_size=10))
    scores = draw(st.lists(st.integers(0, 100), min_size=len(options), max_size=len(options)))
    credits = draw(st.lists(st.integers(1, 50), min_size=n_scopes, max_size=n_scopes))
    goal_groups = draw(st.lists(st.sampled_from(GOAL_GROUPS), unique=True, max_size=4))
    goals = {g: float(draw(st.integers(1, 60))) for g in goal_groups}
    return AssignmentProblem(
        option_scope=np.array([o[0] for o in options], dtype=np.int64),
        option_firm=np.array([o[1] for o in options], dtype=np.int64),
        option_group=np.array([o[2] for o in options], dtype=np.int64),
        option_score=np.array(scores, dtype=np.float64),
        scope_credit=np.array(credits, dtype=np.float64),
        goals=goals, contract_value=100.0, max_per_firm=draw(st.integers(1, 2)),
    )


def brute_force(problem: AssignmentProblem) -> tuple[float, float]:
    """The lexicographic optimum (least weighted shortfall, then most score) by trying every assignment."""
    per_scope = [[None] + [k for k in range(len(problem.option_scope)) if problem.option_scope[k] == s]
                 for s in range(len(problem.scope_credit))]
    best = None
    for pick in itertools.product(*per_scope):
        chosen = [k for k in pick if k is not None]
        firms = problem.option_firm[chosen]
        if len(firms) and np.bincount(firms).max() > problem.max_per_firm:
            continue
        shortfall, score, _ = problem.evaluate(np.array(chosen, dtype=np.int64))
        key = (round(shortfall, 9), -score)
        if best is None or key < best:
            best = key
    return best[0], -best[1]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_the_solver_finds_the_least_shortfall_then_the_best_fit_as_brute_force_does(problem):
    solution = solve_assignment(problem)
    chosen = solution.chosen
    # feasible: one option per scope, firm limits
    assert len(set(problem.option_scope[chosen].tolist())) == len(chosen)
    if len(chosen):
        assert np.bincount(problem.option_firm[chosen]).max() <= problem.max_per_firm
    shortfall, score = brute_force(problem)
    assert solution.shortfall == pytest.approx(shortfall, abs=1e-6)
    assert solution.score == pytest.approx(score, abs=1e-6)


def test_the_solver_is_deterministic():
    rng = np.random.default_rng(3)
    k = 300
    problem = AssignmentProblem(
        option_scope=rng.integers(0, 30, k), option_firm=rng.integers(0, 60, k),
        option_group=rng.integers(0, 6, k), option_score=rng.integers(0, 5, k).astype(float),  # many ties
        scope_credit=rng.integers(10, 100, 30).astype(float), goals={"Women": 10, "Black American": 12},
        contract_value=1500.0,
    )
    first = solve_assignment(problem).chosen
    for _ in range(3):
        assert np.array_equal(solve_assignment(problem).chosen, first)


# --------------------------------------------------------------------------- plans on the real extract


def test_a_fit_out_bid_with_feasible_goals_gets_a_plan_that_meets_them(feasible_plan):
    plan = feasible_plan
    assert plan.solver_status == "optimal"
    att = plan.attainment.set_index("group")
    for group, pct in FEASIBLE.items():
        assert bool(att.loc[group, "met"]), (group, att.loc[group, "why"])
        assert att.loc[group, "planned_value"] >= CONTRACT * pct / 100 - 0.01
    assert plan.all_goals_met
    assert "met" in plan.summary()


def test_every_planned_firm_passes_an_independent_check_of_group_certification_and_capacity(
        feasible_plan, real_directory):
    cfg = PlanConfig()
    raw = mwbe_match.unique_firms(real_directory).set_index("account_number")
    scopes = scopes_frame().set_index("scope_id")
    planned = feasible_plan.assignments.dropna(subset=["account_number"])
    assert len(planned) >= 5
    for row in planned.to_dict("records"):
        firm = raw.loc[row["account_number"]]
        assert row["credited_group"] in groups_by_hand(firm, THROUGH), row
        assert row["certified_through"] >= THROUGH
        value = float(scopes.loc[row["scope_id"], "value"])
        largest = firm["largest_contract_value"]
        if pd.isna(largest) or largest <= 0:
            assert value < cfg.unproven_limit
        else:
            assert value <= cfg.capacity_factor * largest
        bonding = scopes.loc[row["scope_id"], "min_bonding"]
        if bonding:
            assert firm["bonding_limit"] >= float(bonding)
        assert row["score"] >= cfg.min_score
    assert planned["account_number"].is_unique  # max_scopes_per_firm = 1


def test_the_attainment_table_adds_up_to_the_assignments(feasible_plan):
    a, att = feasible_plan.assignments, feasible_plan.attainment.set_index("group")
    for group in att.index:
        members = list(MWBE_TOTAL_MEMBERS) if group == "M/WBE total" else [group]
        mask = a["credited_group"].isin(members).fillna(False).astype(bool)
        assert att.loc[group, "planned_value"] == pytest.approx(a.loc[mask, "credited_value"].sum())
        assert att.loc[group, "planned_pct"] == pytest.approx(100 * a.loc[mask, "credited_value"].sum() / CONTRACT)
        assert sorted(att.loc[group, "scopes"]) == sorted(a.loc[mask, "scope_id"])
    groups = [g for g in att.index if g != "M/WBE total"]
    assert att.loc[groups, "planned_value"].sum() == pytest.approx(a["credited_value"].sum())


def test_one_row_per_scope_and_a_scope_without_a_firm_says_why(feasible_plan):
    a = feasible_plan.assignments
    assert a["scope_id"].tolist() == scopes_frame()["scope_id"].tolist()
    prime = a[a["account_number"].isna()]
    assert (prime["credited_value"] == 0).all()
    assert prime["reasons"].str.startswith("left to the prime").all()


def test_korean_scope_text_is_read_like_a_need(feasible_plan):
    korean = feasible_plan.assignments.set_index("scope_id").loc["FO-03"]
    assert "Read as: electrical" in korean["reasons"]


def test_an_infeasible_goal_is_reported_unmet_with_its_reason(real_matcher):
    plan = plan_participation(scopes_frame(), "citywide:construction", contract_value=CONTRACT, through=THROUGH,
                              matcher=real_matcher)
    att = plan.attainment.set_index("group")
    assert not plan.all_goals_met
    emerging = att.loc["Emerging"]
    assert not emerging["met"]
    assert emerging["shortfall_value"] == pytest.approx(emerging["goal_value"] - emerging["planned_value"])
    assert "Emerging" in emerging["why"] and ("capacity" in emerging["why"] or "eligible" in emerging["why"])
    assert "NOT MET" in plan.summary()


def test_a_group_nobody_is_certified_in_through_the_end_date_is_explained(real_matcher):
    plan = plan_participation(scopes_frame(), {"Emerging": 2}, contract_value=CONTRACT,
                              through=dt.date(2034, 12, 31), matcher=real_matcher)
    why = plan.attainment.set_index("group").loc["Emerging", "why"]
    assert "no firm in the directory is certified Emerging (EBE) through 2034-12-31" in why


def test_a_goal_that_costs_fit_is_still_met_first(real_matcher):
    free = plan_participation(scopes_frame(), {}, contract_value=CONTRACT, through=THROUGH, matcher=real_matcher)
    bound = plan_participation(scopes_frame(), FEASIBLE, contract_value=CONTRACT, through=THROUGH,
                               matcher=real_matcher)
    assert bound.assignments["score"].sum() <= free.assignments["score"].sum() + 1e-9
    assert bound.all_goals_met


def test_the_same_inputs_give_the_same_plan(real_matcher, feasible_plan):
    again = plan_participation(scopes_frame(), FEASIBLE, contract_value=CONTRACT, through=THROUGH,
                               matcher=real_matcher)
    pd.testing.assert_frame_equal(again.assignments, feasible_plan.assignments)
    pd.testing.assert_frame_equal(again.alternates, feasible_plan.alternates)


def test_alternates_are_eligible_firms_not_chosen_with_a_reason(feasible_plan):
    alt, a = feasible_plan.alternates, feasible_plan.assignments.set_index("scope_id")
    assert len(alt)
    for row in alt.to_dict("records"):
        assert row["account_number"] != a.loc[row["scope_id"], "account_number"]
        assert row["certified_through"] >= THROUGH
        assert row["why_not_chosen"]
    assert (alt.groupby("scope_id")["rank"].max() <= PlanConfig().alternates).all()


def test_a_firm_may_take_more_scopes_when_the_config_allows(real_matcher):
    plan = plan_participation(scopes_frame(), {}, contract_value=CONTRACT, through=THROUGH, matcher=real_matcher,
                              config=PlanConfig(max_scopes_per_firm=3))
    counts = plan.assignments["account_number"].dropna().value_counts()
    assert counts.max() <= 3


# --------------------------------------------------------------------------- utilization


@pytest.fixture(scope="module")
def report(bundled_directory):
    payments = pd.read_csv(PAYMENTS, dtype=str, keep_default_na=False)
    return payments, utilization_report(payments, bundled_directory, goals="Black American=8,Women=10",
                                        contract_value=4_000_000)


def test_every_payment_row_comes_out_in_order(report):
    payments, r = report
    assert len(r.payments) == len(payments)
    assert r.payments["input_row"].tolist() == list(range(1, len(payments) + 1))
    assert r.payments["reason"].notna().all()


def test_a_payment_is_creditable_only_when_certified_in_a_group_on_its_date(report, bundled_directory):
    payments, r = report
    firms = mwbe_match.unique_firms(bundled_directory).set_index("account_number")
    for row in r.payments.to_dict("records"):
        if not row["creditable"]:
            continue
        assert row["match_status"] in ("exact", "strong", "account")
        assert row["credited_group"] in groups_by_hand(firms.loc[row["account_number"]], row["payment_date"])
    lapsed = r.payments.set_index("input_row").loc[6]  # paid after the painter's MBE lapsed on 2026-08-31
    assert not lapsed["creditable"] and "before the payment" in lapsed["reason"]
    before = r.payments.set_index("input_row").loc[7]
    assert before["creditable"] and before["credited_group"] == "Hispanic American"


def test_a_payment_row_can_name_the_group_it_is_credited_to(report):
    _, r = report
    row = r.payments.set_index("input_row").loc[3]
    assert row["credited_group"] == "Women" and row["creditable"]


def test_unreadable_amounts_dates_and_names_are_kept_and_explained(report):
    _, r = report
    rows = r.payments.set_index("input_row")
    assert not rows.loc[17, "creditable"] and "amount 'about 5k' is not a number" in rows.loc[17, "reason"]
    assert not rows.loc[18, "creditable"] and "not a date" in rows.loc[18, "reason"]
    assert rows.loc[19, "match_status"] == "invalid" and not rows.loc[19, "creditable"]


def test_the_by_group_summary_adds_up_to_the_payments(report):
    _, r = report
    p, g = r.payments, r.by_group.set_index("group")
    paid = p["amount"].fillna(0)
    assert g.loc["Total", "amount"] == pytest.approx(paid.sum())
    assert g.loc["Total", "payments"] == len(p)
    credited = p["creditable"].astype(bool)
    assert g.loc["Not creditable", "amount"] == pytest.approx(paid[~credited].sum())
    for group in [x for x in g.index if x in CREDIT_GROUPS]:
        assert g.loc[group, "amount"] == pytest.approx(paid[p["credited_group"] == group].sum())
    assert g.loc["Women", "goal_pct"] == 10 and g.loc["Women", "pct"] == pytest.approx(
        100 * g.loc["Women", "amount"] / 4_000_000)


def test_a_payments_table_without_an_amount_column_is_rejected_naming_what_it_has(bundled_directory):
    with pytest.raises(mwbe_match.participation.PaymentsError, match="no amount column.*found vendor_name"):
        utilization_report(pd.DataFrame({"vendor_name": ["x"], "date": ["2026-01-01"]}), bundled_directory)


# --------------------------------------------------------------------------- files and the command line


class Ran:
    def __init__(self, returncode, stderr):
        self.returncode, self.stderr = returncode, stderr


@pytest.fixture()
def run_cli(capsys, monkeypatch):
    """Run the command line in this process (the subprocess tests in test_cli cover the entry point)."""
    def run(*args, cwd):
        monkeypatch.chdir(cwd)
        code = cli_main(list(args))
        return Ran(code, capsys.readouterr().err)
    return run


def test_the_plan_command_writes_three_tables_with_metadata(tmp_path, real_sample_path, run_cli):
    out = tmp_path / "plan.parquet"
    res = run_cli("plan", str(SCOPES), "--contract-value", "12,000,000", "--through", "2028-06-30",
                  "--goals", "Black American=8,Hispanic American=4,Women=8", "-o", str(out),
                  "--directory", str(real_sample_path), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    files = {p.name for p in tmp_path.iterdir()}
    assert {"plan.parquet", "plan.attainment.parquet", "plan.alternates.parquet"} <= files
    assignments = pd.read_parquet(out)
    assert list(assignments.columns) == list(mwbe_match.participation.ASSIGNMENT_COLUMNS)
    assert len(assignments) == 10
    meta = json.loads(pq.read_schema(tmp_path / "plan.attainment.parquet").metadata[b"mwbe_match"])
    assert meta["kind"] == "participation_plan" and meta["table"] == "attainment"
    assert meta["parameters"]["goals"] == {"Black American": 8.0, "Hispanic American": 4.0, "Women": 8.0}
    assert "met" in res.stderr
    again = run_cli("plan", str(SCOPES), "--contract-value", "12000000", "--through", "2028-06-30",
                    "--goals", "Women=8", "-o", str(out), "--directory", str(real_sample_path), cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert pd.read_parquet(out).equals(assignments)  # the last good output is untouched


def test_the_plan_command_rejects_unknown_goals_by_name(tmp_path, run_cli):
    res = run_cli("plan", str(SCOPES), "--contract-value", "1000000", "--through", "2028-06-30",
                  "--goals", "Purple=3", "-o", str(tmp_path / "p.parquet"), cwd=tmp_path)
    assert res.returncode == 1 and "unknown goal group 'Purple'" in res.stderr
    assert not list(tmp_path.glob("p*.parquet"))


def test_the_utilization_command_writes_every_payment_and_the_by_group_table_as_csv(tmp_path, run_cli):
    bundled = mwbe_match.bundled_sample_path()
    res = run_cli("utilization", str(PAYMENTS), "-o", str(tmp_path / "report.csv"), "--goals", "Women=10",
                  "--directory", str(bundled), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    rows = pd.read_csv(tmp_path / "report.csv", encoding="utf-8-sig")
    assert len(rows) == len(pd.read_csv(PAYMENTS))
    by_group = pd.read_csv(tmp_path / "report.by_group.csv", encoding="utf-8-sig")
    assert "Total" in by_group["group"].tolist()
    meta = json.loads((tmp_path / "report.metadata.json").read_text(encoding="utf-8"))
    assert meta["kind"] == "utilization_report" and set(meta["tables"]) == {"payments", "by_group"}


@pytest.mark.parametrize("settings_, message", [
    ({"shortfall_weights": {"Purple": 1.0}}, "unknown group 'Purple'"),
    ({"shortfall_weights": {"Women": 0}}, "must be a number > 0"),
    ({"max_scopes_per_firm": 0}, "max_scopes_per_firm must be a whole number of at least 1"),
    ({"capacity_factor": -1}, "capacity_factor must be > 0"),
])
def test_plan_settings_are_checked(settings_, message):
    with pytest.raises(ValueError, match=message):
        PlanConfig(**settings_)


def test_scopes_can_be_given_as_objects_with_requirements(real_matcher):
    scopes = [Scope("A", "전기 공사 조명 배선", 900_000, min_bonding=1_000_000),
              Scope("B", "painting and wall finishes", 120_000, boroughs=["Queens", "Brooklyn"])]
    plan = plan_participation(scopes, {"Women": 1}, contract_value=2_000_000, through=THROUGH, matcher=real_matcher)
    raw = mwbe_match.unique_firms(real_matcher.directory).set_index("account_number")
    rows = plan.assignments.set_index("scope_id")
    if pd.notna(rows.loc["A", "account_number"]):
        assert raw.loc[rows.loc["A", "account_number"], "bonding_limit"] >= 1_000_000
    if pd.notna(rows.loc["B", "account_number"]):
        assert raw.loc[rows.loc["B", "account_number"], "borough"] in ("QUEENS", "BROOKLYN")
    assert rows["account_number"].notna().any()
    assert len(plan.assignments) == 2 and "Women" in plan.attainment["group"].tolist()


def test_an_output_format_no_writer_produces_is_refused_and_nothing_is_written(feasible_plan, tmp_path):
    with pytest.raises(ValueError, match="format must be one of"):
        feasible_plan.write(tmp_path / "plan.xlsx", format="ods")
    with pytest.raises(ValueError, match="not an output format this library writes"):
        feasible_plan.write(tmp_path / "plan.txt")
    with pytest.raises(ValueError, match="does not match the extension"):
        feasible_plan.write(tmp_path / "plan.csv", format="parquet")
    assert not list(tmp_path.iterdir())


# --------------------------------------------------------------------------- trust: a lapsed firm is never credited

AS_OF = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def lenient_matcher(real_directory):
    """A matcher that lets lapsed firms through and judges them on an old date: the planner must not trust it."""
    return mwbe_match.Matcher(real_directory, config=mwbe_match.MatchConfig(as_of="2020-01-01",
                                                                           include_lapsed=True))


@pytest.mark.parametrize("through", ["2026-06-30", "2026-11-30"])
def test_a_contract_end_before_the_as_of_date_is_refused_naming_both_dates(real_matcher, through):
    with pytest.raises(ValueError) as caught:
        plan_participation(scopes_frame(), "citywide:construction", contract_value=5_000_000, through=through,
                           matcher=real_matcher, config=PlanConfig(as_of=AS_OF))
    assert through in str(caught.value) and AS_OF.isoformat() in str(caught.value)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(as_of=st.dates(dt.date(2025, 6, 1), dt.date(2028, 6, 1)), days=st.integers(0, 1200))
def test_no_firm_lapsed_on_the_as_of_date_is_planned_or_listed_as_alternate_whatever_the_matcher(
        lenient_matcher, real_directory, as_of, days):
    through = as_of + dt.timedelta(days=days)
    plan = plan_participation(scopes_frame(), "citywide:construction", contract_value=5_000_000, through=through,
                              matcher=lenient_matcher, config=PlanConfig(as_of=as_of))
    judged = certification_status(real_directory, as_of)
    status = dict(zip(real_directory["account_number"], judged["certification_status"]))
    firms = real_directory.set_index("account_number")
    for table in (plan.assignments, plan.alternates):
        listed = table[table["account_number"].notna()]
        assert set(listed["certification_status"]) <= {"active", "expiring"}
        assert (listed["as_of"] == as_of).all()
        for row in listed.to_dict("records"):
            assert status[row["account_number"]] == row["certification_status"] != "lapsed"
            assert row["certified_through"] >= through >= as_of
            # the renewal date shown is one the firm really holds
            assert row["certified_through"] in set(firms.loc[row["account_number"], "certification_renewal_dates"])


def test_each_payment_shows_the_firms_status_on_the_payment_date_and_on_the_as_of_date(bundled_directory):
    payments = pd.read_csv(PAYMENTS, dtype=str, keep_default_na=False)
    rep = utilization_report(payments, bundled_directory, as_of=AS_OF).payments
    assert list(rep.columns) == list(mwbe_match.participation.PAYMENT_COLUMNS)
    assert (rep["as_of"] == AS_OF).all()
    firms = bundled_directory.drop_duplicates("account_number").set_index("account_number", drop=False)
    now = certification_status(firms, AS_OF)["certification_status"]
    for row in rep.to_dict("records"):
        acct = row["account_number"]
        if pd.isna(acct) or row["match_status"] not in ("exact", "strong", "account"):
            assert pd.isna(row["certification_status"]) and pd.isna(row["certification_status_as_of"])
            continue
        assert row["certification_status_as_of"] == now[acct]
        if pd.isna(row["payment_date"]):
            assert pd.isna(row["certification_status"])
            continue
        on_day = certification_status(firms.loc[[acct]], row["payment_date"])
        assert row["certification_status"] == on_day["certification_status"].iloc[0]
        if row["creditable"]:
            assert row["certification_status"] != "lapsed"
    # the example holds a firm paid while certified whose certification has lapsed since
    assert ((rep["creditable"]) & (rep["certification_status_as_of"] == "lapsed")).any()


def test_plan_and_utilization_accept_every_output_format_there_is_a_writer_for(tmp_path, run_cli):
    from mwbe_match.participation.output import TABLE_WRITERS

    bundled = str(mwbe_match.bundled_sample_path())
    for fmt in TABLE_WRITERS:
        out = tmp_path / f"report.{fmt}"
        res = run_cli("utilization", str(PAYMENTS), "-o", str(out), "--format", fmt, "--as-of", "2026-12-01",
                      "--directory", bundled, "--quiet", cwd=tmp_path)
        assert res.returncode == 0, res.stderr
        assert out.exists()


def test_a_scopes_file_path_is_read_like_a_needs_file(bundled_directory):
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "datasets" / "scopes_example.csv"
    from_path = mwbe_match.participation.read_scopes(path)
    from_frame = mwbe_match.participation.read_scopes(mwbe_match.read_table(path))
    assert [s.scope_id for s in from_path] == [s.scope_id for s in from_frame] and len(from_path) == 10
    plan = mwbe_match.plan_participation(str(path), {"Women": 5}, contract_value=5_000_000,
                                         through=dt.date(2027, 6, 30), directory=bundled_directory)
    assert len(plan.assignments) == 10
