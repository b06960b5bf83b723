"""The judged benchmark's files stay valid, and its eligible-ideal view leaves out exactly the lapsed firms."""

from __future__ import annotations

import importlib.util
import sys
import warnings
from pathlib import Path

import pytest

import mwbe_match
from mwbe_match.certification import certification_status

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "judged.py"


@pytest.fixture(scope="module")
def judged():
    spec = importlib.util.spec_from_file_location("judged_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def directory():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mwbe_match.load_directory(ROOT / "datasets" / "certified_business_sample.csv")


def test_every_judgment_names_a_need_of_the_needs_file_and_a_grade_once(judged):
    needs, qrels = judged.load_needs(), judged.load_qrels()
    assert set(qrels) <= set(needs["need_id"])
    assert sum(len(q) for q in qrels.values()) >= 30 * 10


def test_the_eligible_ideal_drops_the_firms_lapsed_on_the_benchmark_day_and_keeps_every_other(judged, directory):
    status = certification_status(directory, as_of=judged.AS_OF)["certification_status"].to_numpy()
    accounts = directory["account_number"].astype(str).to_numpy()
    lapsed = [a for a, s in zip(accounts, status) if s == "lapsed"][:3]
    kept_firms = [a for a, s in zip(accounts, status) if s != "lapsed"][:3]
    assert lapsed and kept_firms
    qrels = {"N1": {lapsed[0]: 2, lapsed[1]: 0, kept_firms[0]: 1},
             "N2": {kept_firms[1]: 2, kept_firms[2]: 0, lapsed[2]: 1}}

    kept, n_lapsed, n_relevant = judged.eligible_qrels(qrels, directory)

    assert kept == {"N1": {kept_firms[0]: 1}, "N2": {kept_firms[1]: 2, kept_firms[2]: 0}}
    assert (n_lapsed, n_relevant) == (3, 2)  # three judged lapsed firms, two of them graded >= 1
