"""End to end through the real ``mwbe-match`` console script, in a subprocess.

Each subprocess costs a second or two of imports, so checks that belong
together share one run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import mwbe_match
from mwbe_match import batch
from mwbe_match.cli import build_parser

PROJECT_DIR = Path(__file__).resolve().parent.parent
SCRIPT = shutil.which("mwbe-match", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")


def _cli(*args: str, env: dict[str, str], cwd: Path = PROJECT_DIR, timeout: float = 120) -> subprocess.CompletedProcess:
    command = [SCRIPT, *args] if SCRIPT else [sys.executable, "-m", "mwbe_match.cli", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    """The environment of a fresh install: no cached live snapshot, so the bundled sample is the directory."""
    return {**os.environ, "MWBE_MATCH_CACHE": str(tmp_path / "empty-cache"), "PYTHONIOENCODING": "utf-8"}


def _data(path: Path):
    return pq.read_table(path).replace_schema_metadata(None)


def test_readme_main_command_works_offline_and_reruns_only_with_overwrite(tmp_path: Path, env) -> None:
    needs_path = PROJECT_DIR / "datasets" / "needs_example.csv"
    out = tmp_path / "shortlists.parquet"
    done = _cli("shortlist", "datasets/needs_example.csv", "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert "bundled SYNTHETIC sample" in done.stderr
    needs = mwbe_match.read_table(needs_path)
    assert f"needs read:   {len(needs)}" in done.stderr
    schema = pq.read_schema(out)
    assert schema.remove_metadata().equals(batch.shortlist_schema())
    meta = json.loads(schema.metadata[b"mwbe_match"])
    assert meta["library_version"] == mwbe_match.__version__
    assert meta["directory"]["source_kind"] == "sample" and meta["directory"]["snapshot_date"]
    assert meta["parameters"]["top"] == 10 and meta["input"]["rows"] == len(needs)
    assert meta["created_at"]
    df = pq.read_table(out).to_pandas()
    assert df["input_row"].drop_duplicates().tolist() == list(range(1, len(needs) + 1))  # every need, in order
    assert (df["status"] == "shortlisted").any()

    before, first = out.read_bytes(), _data(out)
    refused = _cli("shortlist", "datasets/needs_example.csv", "-o", str(out), env=env)
    assert refused.returncode == 1 and "already exists" in refused.stderr and "--overwrite" in refused.stderr
    assert out.read_bytes() == before

    again = _cli("shortlist", "datasets/needs_example.csv", "-o", str(out), "--overwrite", "--quiet", env=env)
    assert again.returncode == 0, again.stderr
    assert "needs read" not in again.stderr
    assert _data(out).equals(first)  # same inputs, same data (only created_at differs)


FORMAT_NEEDS = [
    {"need_id": "clean", "company": "삼성물산", "text": "사무실 청소 서비스", "certifications": "WBE;MBE",
     "boroughs": ""},
    {"need_id": "it", "company": "LG CNS", "text": "software development and IT consulting", "certifications": "",
     "boroughs": "Manhattan;Brooklyn"},
    {"need_id": "", "company": "CJ", "text": "catering for corporate events", "certifications": "", "boroughs": ""},
    {"need_id": "bad", "company": "SK", "text": "plumbing", "certifications": "XBE", "boroughs": ""},
]


@pytest.fixture(scope="module")
def reference(tmp_path_factory, bundled_directory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("reference") / "reference.parquet"
    batch.run_shortlist(pd.DataFrame(FORMAT_NEEDS), out, directory=bundled_directory)
    return pq.read_table(out).to_pandas()


@pytest.mark.parametrize("fmt", ["xlsx", "json", "jsonl", "parquet"])
def test_every_needs_format_gives_the_same_shortlists(tmp_path: Path, env, fmt: str, reference) -> None:
    frame = pd.DataFrame(FORMAT_NEEDS)
    path = tmp_path / f"needs.{fmt}"
    if fmt == "xlsx":
        frame.to_excel(path, index=False)
    elif fmt == "json":
        path.write_text(json.dumps(FORMAT_NEEDS, ensure_ascii=False), encoding="utf-8")
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in FORMAT_NEEDS), encoding="utf-8")
    else:
        frame.to_parquet(path, index=False)
    out = tmp_path / "out.parquet"
    done = _cli("shortlist", str(path), "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert "row 4, column 'certifications': unknown certification 'XBE'" in done.stderr
    got = pq.read_table(out).to_pandas()
    pd.testing.assert_frame_equal(got, reference)


def test_cp949_needs_with_bad_rows_and_no_match_to_an_excel_safe_csv(tmp_path: Path, env, bundled_directory) -> None:
    raw = pd.read_csv(mwbe_match.bundled_sample_path(), dtype=str, keep_default_na=False)
    raw.loc[0, "Vendor_Formal_Name"] = "@SUM(1+1) Handyman Corp."
    # still certified on any date the suite runs (lapsed firms are left out of shortlists)
    renewals = raw.loc[0, "Certification_Renewal_Date"].split(";")
    raw.loc[0, "Certification_Renewal_Date"] = ";".join(["12/31/2099"] * len(renewals))
    directory = tmp_path / "directory.csv"
    raw.to_csv(directory, index=False)
    naics = raw.loc[0, "ID6_digit_NAICS_code"]
    needs = tmp_path / "needs.csv"
    needs.write_bytes((
        "need_id,company,text,naics,certifications,min_bonding\n"
        f'h1,"=HYPERLINK(""http://x"")",,{naics},,\n'
        "h2,한화,사무실 청소,,LBE;QBE,\n"
        "h3,두산,quantum teleportation of llamas,,,\n"
        "h4,롯데,건설,,,a lot\n"
    ).encode("cp949"))
    out = tmp_path / "out.csv"
    done = _cli("shortlist", str(needs), "-o", str(out), "--directory", str(directory), "--top", "50", env=env)
    assert done.returncode == 0, done.stderr
    assert "row 2, column 'certifications'" in done.stderr and "row 4, column 'min_bonding'" in done.stderr
    assert "invalid:      2" in done.stderr and "no match:     1" in done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert df.drop_duplicates("input_row")["status"].tolist() == ["shortlisted", "invalid", "no_match", "invalid"]
    assert set(df["company"]) == {"'=HYPERLINK(\"http://x\")", "한화", "두산", "롯데"}
    assert "'@SUM(1+1) Handyman Corp." in set(df["name"])
    # text cells only: a negative longitude is a number, which Excel never runs as a formula
    text = df.drop(columns=["company", "name", "latitude", "longitude"])
    assert not text.apply(lambda c: c.str.match(r"[=+\-@]")).any().any()


def test_unusable_input_exits_nonzero_and_writes_nothing(tmp_path: Path, env) -> None:
    needs = tmp_path / "needs.csv"
    needs.write_text("need_id,description\nn1,cleaning\n", encoding="utf-8")
    done = _cli("shortlist", str(needs), "-o", str(tmp_path / "out.parquet"), env=env)
    assert done.returncode == 1
    assert "error: the needs input has no 'text' column" in done.stderr and "'description'" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["needs.csv"]


def test_a_job_stopped_mid_write_leaves_no_output_and_no_temporary_file(tmp_path: Path, env) -> None:
    texts = ["office cleaning", "plumbing repair", "IT consulting", "catering", "electrical contractor"]
    needs = tmp_path / "needs.csv"
    pd.DataFrame({"text": [texts[i % len(texts)] + f" {i}" for i in range(20_000)]}).to_csv(needs, index=False)
    out = tmp_path / "out.parquet"
    command = [SCRIPT] if SCRIPT else [sys.executable, "-m", "mwbe_match.cli"]
    job = subprocess.Popen([*command, "shortlist", str(needs), "-o", str(out), "--chunk-size", "100", "--quiet"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while not list(tmp_path.glob(".out.parquet.*.tmp")):
            assert job.poll() is None, f"the job ended before writing: {job.communicate()}"
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.05)
        time.sleep(0.5)  # mid-write: chunks are streaming into the temporary file
        assert job.poll() is None, "the job finished too fast to be stopped mid-write"
        job.send_signal(signal.SIGTERM)
        _, stderr = job.communicate(timeout=60)
    finally:
        if job.poll() is None:
            job.kill()
    assert job.returncode != 0 and "interrupted" in stderr
    assert not out.exists() and not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_verify_command_checks_the_example_vendor_file_and_names_lapsed_and_expiring_vendors(tmp_path: Path,
                                                                                          env) -> None:
    vendors = mwbe_match.read_table(PROJECT_DIR / "datasets" / "vendors_example.csv")
    out = tmp_path / "verified.parquet"
    done = _cli("verify", "datasets/vendors_example.csv", "-o", str(out), "--name-column", "vendor_name",
                "--as-of", "2026-12-01", "--expiring-within-days", "60", env=env)
    assert done.returncode == 0, done.stderr
    assert f"vendors read: {len(vendors)}" in done.stderr
    table = pq.read_table(out)
    assert table.schema.remove_metadata().equals(batch.verify_schema())
    assert table.column("input_row").to_pylist() == list(range(1, len(vendors) + 1))
    parameters = json.loads(table.schema.metadata[b"mwbe_match"])["parameters"]
    assert (parameters["name_column"], parameters["as_of"], parameters["expiring_within_days"]) == \
        ("vendor_name", "2026-12-01", 60)
    assert "exact/strong matches on 2026-12-01:" in done.stderr and "8 lapsed" in done.stderr
    assert "lapsed:       8 matched vendors" in done.stderr and ", lapsed on 20" in done.stderr
    assert "renew within 60 days" in done.stderr
    df = table.to_pandas()
    lapsed = df[df["status"].isin(["exact", "strong"]) & (df["certification_status"] == "lapsed")]
    assert len(lapsed) == 8 and lapsed["reasons"].str.contains("certification lapsed on").all()


@pytest.mark.parametrize("option, value", [("--as-of", "2026-02-30"), ("--expiring-within-days", "-3")])
def test_verify_refuses_a_bad_as_of_or_window_before_doing_any_work(tmp_path: Path, capsys, option, value) -> None:
    from mwbe_match.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["verify", "datasets/vendors_example.csv", "-o", str(tmp_path / "v.parquet"), option, value])
    assert exit_.value.code == 2 and option in capsys.readouterr().err
    assert not (tmp_path / "v.parquet").exists()


def test_version_and_help_show_an_example_for_every_command(env) -> None:
    done = _cli("--version", env=env)
    assert done.returncode == 0 and done.stdout.strip() == f"mwbe-match {mwbe_match.__version__}"
    done = _cli("--help", env=env)
    assert done.returncode == 0 and "example:\n  mwbe-match shortlist" in done.stdout
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"info", "fetch", "shortlist", "verify"} <= set(commands)
    for name, sub in commands.items():
        assert "example:\n  " in sub.format_help() and "mwbe-match" in sub.epilog, name


def test_command_run_in_process_leaves_the_library_logger_as_it_was(tmp_path: Path, capsys) -> None:
    import logging

    from mwbe_match.cli import main

    log = logging.getLogger("mwbe_match.batch")
    handlers, level = list(log.handlers), log.level
    needs = tmp_path / "needs.csv"
    needs.write_text("need_id,description\nn1,cleaning\n", encoding="utf-8")
    assert main(["shortlist", str(needs), "-o", str(tmp_path / "out.parquet")]) == 1
    assert "no 'text' column" in capsys.readouterr().err
    assert log.handlers == handlers and log.level == level


#: Commands that judge certifications on a date (shortlist, verify, changes, plan, utilization, info).
_JUDGING_COMMANDS = ("info", "shortlist", "verify", "changes", "plan", "utilization")


def _subparsers() -> dict:
    import argparse

    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_that_judges_certifications_accepts_as_of() -> None:
    commands = _subparsers()
    for name in _JUDGING_COMMANDS:
        options = {o for a in commands[name]._actions for o in a.option_strings}
        assert "--as-of" in options, name
        assert "--expiring-within-days" in options, name


def test_plan_and_utilization_offer_exactly_the_output_formats_there_are_writers_for() -> None:
    from mwbe_match.participation.output import TABLE_WRITERS

    commands = _subparsers()
    for name in ("plan", "utilization"):
        fmt = next(a for a in commands[name]._actions if "--format" in a.option_strings)
        assert set(fmt.choices) == set(TABLE_WRITERS), name


def test_info_counts_firms_by_certification_status_on_the_as_of_date(capsys) -> None:
    from mwbe_match.certification import CERTIFICATION_STATUSES, certification_status
    from mwbe_match.cli import main

    sample = str(mwbe_match.bundled_sample_path())
    assert main(["info", "--directory", sample, "--as-of", "2026-12-01", "--expiring-within-days", "30",
                 "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["as_of"] == "2026-12-01"
    expected = certification_status(mwbe_match.load_directory(sample), "2026-12-01", expiring_within_days=30)
    counts = expected["certification_status"].value_counts()
    assert summary["by_certification_status"] == {s: int(counts.get(s, 0)) for s in CERTIFICATION_STATUSES}
