"""The command line starts fast: building its parser imports no heavy module, and the defaults it shows
(written out in mwbe_match.cli for that reason) are the library's own. Speed itself is measured by
benchmarks/startup.py, never here."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from mwbe_match.cli import build_parser

HEAVY_MODULES = ("pandas", "numpy", "pyarrow", "scipy", "requests", "rapidfuzz")


def test_importing_the_cli_and_building_its_parser_imports_no_heavy_module() -> None:
    code = ("import sys; import mwbe_match.cli as cli; parser = cli.build_parser(); parser.format_help(); "
            "[s.format_help() for s in parser._subparsers._group_actions[0].choices.values()]; "
            f"print([m for m in {HEAVY_MODULES!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_asking_for_help_imports_no_heavy_module() -> None:
    code = ("import sys, contextlib, io; import mwbe_match.cli as cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        cli.main(['shortlist', '--help'])\n    except SystemExit:\n        pass\n"
            f"print([m for m in {HEAVY_MODULES!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def _option(command: str, flag: str) -> argparse.Action:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices[command]
    return next(a for a in sub._actions if flag in a.option_strings)


def test_the_fetch_defaults_shown_are_the_librarys_own() -> None:
    from mwbe_match import live, snapshots

    assert _option("fetch", "--base-url").default == live.DEFAULT_BASE_URL
    assert _option("fetch", "--dataset-id").default == live.DEFAULT_DATASET_ID
    assert _option("fetch", "--page-size").default == live.DEFAULT_PAGE_SIZE
    assert _option("fetch", "--timeout").default == live.DEFAULT_TIMEOUT
    assert _option("fetch", "--keep").default == snapshots.DEFAULT_KEEP


def test_the_output_formats_offered_are_the_ones_there_are_writers_for() -> None:
    from mwbe_match.batch import OUTPUT_FORMATS
    from mwbe_match.participation.output import TABLE_WRITERS

    for command in ("shortlist", "verify"):
        assert tuple(_option(command, "--format").choices) == tuple(OUTPUT_FORMATS), command
    for command in ("plan", "utilization"):
        assert tuple(_option(command, "--format").choices) == tuple(TABLE_WRITERS), command


@pytest.mark.parametrize("flag,field", [("--min-score", "min_score"), ("--capacity-factor", "capacity_factor"),
                                        ("--unproven-limit", "unproven_limit"),
                                        ("--max-scopes-per-firm", "max_scopes_per_firm"),
                                        ("--alternates", "alternates")])
def test_the_plan_defaults_shown_are_plan_configs_own(flag: str, field: str) -> None:
    from mwbe_match.participation import PlanConfig

    assert _option("plan", flag).default == getattr(PlanConfig(), field)


def test_the_expiring_window_shown_is_the_certification_default() -> None:
    from mwbe_match.certification import DEFAULT_EXPIRING_WITHIN_DAYS

    assert _option("changes", "--expiring-within-days").default == DEFAULT_EXPIRING_WITHIN_DAYS
    for command in ("info", "shortlist", "verify", "plan", "utilization"):
        assert f"(default: {DEFAULT_EXPIRING_WITHIN_DAYS})" in _option(command, "--expiring-within-days").help, command
