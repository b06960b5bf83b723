"""The command line fails the way people expect (issue 11, section 4).

Expected failures print one line on stderr naming the file and the cause and
exit 1, without a traceback. The commands run in process (``main``) to keep
the suite fast; the console script calls the same function. Disk-full and
read-only folders are simulated at the system call (the suite may run as
root, for whom permission bits do not stop a write).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import mwbe_match
from mwbe_match import live as socrata, snapshots
from mwbe_match.cli import main

from conftest import PROJECT_DIR

NEEDS = PROJECT_DIR / "datasets" / "needs_example.csv"
VENDORS = PROJECT_DIR / "datasets" / "vendors_example.csv"


@pytest.fixture()
def directory(bundled_directory: pd.DataFrame) -> str:
    return str(mwbe_match.bundled_sample_path())


def run(capsys, *argv: str) -> tuple[int, list[str]]:
    """Exit status and stderr lines of ``mwbe-match ARGV``."""
    status = main(list(argv))
    return status, capsys.readouterr().err.splitlines()


def the_error(lines: list[str], command: str) -> str:
    """The one error line; nothing else on stderr but notes."""
    assert not any("Traceback" in line for line in lines), lines
    errors = [line for line in lines if not line.startswith("note:")]
    assert len(errors) == 1, lines
    assert errors[0].startswith(f"mwbe-match {command}: error: "), errors
    return errors[0]


def only_the_old_output(folder: Path, name: str, before: bytes | None) -> None:
    """The failed job left the previous output byte-identical and no temporary file."""
    assert [p.name for p in folder.iterdir()] == ([name] if before is not None else [])
    if before is not None:
        assert (folder / name).read_bytes() == before


def test_a_fetch_error_during_a_job_is_one_line_and_exit_1(tmp_path: Path, capsys, monkeypatch) -> None:
    def unreachable(*args, **kwargs):
        raise socrata.FetchError("cannot reach https://data.cityofnewyork.us: connection refused")

    monkeypatch.setenv("MWBE_MATCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(socrata, "fetch_directory", unreachable)
    out = tmp_path / "out" / "s.parquet"
    status, lines = run(capsys, "shortlist", str(NEEDS), "-o", str(out), "--directory", "live", "--quiet")
    assert status == 1
    the_error(lines, "shortlist")  # today the FetchError's text; with a snapshot fallback, that none is cached
    assert not out.exists()


def test_a_full_disk_is_one_line_naming_the_output_and_the_old_output_stays(tmp_path: Path, capsys, monkeypatch,
                                                                          directory: str) -> None:
    out = tmp_path / "shortlists.parquet"
    assert main(["shortlist", str(NEEDS), "-o", str(out), "--directory", directory, "--quiet"]) == 0
    before = out.read_bytes()
    capsys.readouterr()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    status, lines = run(capsys, "shortlist", str(NEEDS), "-o", str(out), "--directory", directory, "--overwrite",
                        "--quiet")
    assert status == 1
    assert the_error(lines, "shortlist").endswith(f"error: cannot write {out}: No space left on device")
    only_the_old_output(tmp_path, out.name, before)


def test_a_read_only_folder_is_one_line_naming_the_output(tmp_path: Path, capsys, monkeypatch,
                                                          directory: str) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    out = folder / "verified.csv"
    status, lines = run(capsys, "verify", str(VENDORS), "-o", str(out), "--directory", directory, "--quiet")
    assert status == 1
    assert the_error(lines, "verify").endswith(f"error: cannot write {out}: Read-only file system")
    only_the_old_output(folder, out.name, None)


def test_a_folder_at_the_output_path_is_one_line(tmp_path: Path, capsys, directory: str) -> None:
    out = tmp_path / "shortlists.parquet"
    out.mkdir()
    status, lines = run(capsys, "shortlist", str(NEEDS), "-o", str(out), "--directory", directory, "--quiet")
    assert status == 1 and f"output {out} is a folder" in the_error(lines, "shortlist")


def test_a_file_in_the_way_of_the_output_folder_is_one_line(tmp_path: Path, capsys, directory: str) -> None:
    (tmp_path / "reports").write_text("not a folder")
    out = tmp_path / "reports" / "verified.parquet"
    status, lines = run(capsys, "verify", str(VENDORS), "-o", str(out), "--directory", directory, "--quiet")
    assert status == 1
    assert the_error(lines, "verify").endswith(f"cannot write {out}: cannot create its folder {out.parent}: "
                                               "a file is in the way")


@pytest.mark.parametrize("name", ["shortlists.txt", "shortlists.xls"])
def test_an_output_extension_the_writer_does_not_produce_is_refused(tmp_path: Path, capsys, directory: str,
                                                                    name: str) -> None:
    status, lines = run(capsys, "shortlist", str(NEEDS), "-o", str(tmp_path / name), "--directory", directory)
    assert status == 1 and "is not an output format this library writes" in the_error(lines, "shortlist")
    assert list(tmp_path.iterdir()) == []


def test_a_format_that_contradicts_the_extension_is_refused(tmp_path: Path, capsys, directory: str) -> None:
    status, lines = run(capsys, "verify", str(VENDORS), "-o", str(tmp_path / "v.csv"), "--format", "parquet",
                        "--directory", directory)
    assert status == 1 and "format 'parquet' does not match the extension '.csv'" in the_error(lines, "verify")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_outputs_and_snapshots_get_the_permissions_the_umask_gives(tmp_path: Path, directory: str,
                                                                   bundled_directory: pd.DataFrame,
                                                                   umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        for name in ("s.parquet", "s.csv"):
            assert main(["shortlist", str(NEEDS), "-o", str(tmp_path / name), "--directory", directory,
                         "--quiet"]) == 0
        snapshot = snapshots.write_snapshot(bundled_directory, tmp_path / "cache", dataset_id="ci93-uc8s")
    finally:
        os.umask(previous)
    for path in (tmp_path / "s.parquet", tmp_path / "s.csv", snapshot):
        assert stat.S_IMODE(path.stat().st_mode) == mode, path
    assert len(pq.read_table(snapshot)) == len(bundled_directory)


def test_a_misspelled_needs_header_is_reported_once_not_once_per_row(tmp_path: Path, capsys, directory: str) -> None:
    needs = pd.read_csv(NEEDS, dtype=str, keep_default_na=False).rename(columns={"certifications": "certifcations"})
    path = tmp_path / "needs.csv"
    needs.to_csv(path, index=False)
    status, lines = run(capsys, "shortlist", str(path), "-o", str(tmp_path / "s.parquet"), "--directory", directory)
    error = the_error(lines, "shortlist")
    assert status == 1 and len(needs) > 20
    assert "column 'certifcations': did you mean 'certifications'?" in error
    assert sum(line.count("certifcations") for line in lines) == 1
    assert not (tmp_path / "s.parquet").exists()


def test_directory_encoding_reads_a_directory_csv_in_another_encoding(tmp_path: Path, capsys,
                                                                      real_sample_path: Path) -> None:
    raw = pd.read_csv(real_sample_path, dtype=str, keep_default_na=False)
    latin = raw[raw.apply(lambda r: all(ord(c) < 256 for c in "".join(r)), axis=1)].head(50).copy()
    latin.iloc[0, latin.columns.get_loc("Vendor_DBA")] = "Café Ñandú"
    path = tmp_path / "directory.csv"
    latin.to_csv(path, index=False, encoding="latin-1")
    assert main(["info", "--directory", str(path), "--directory-encoding", "latin-1", "--json"]) == 0
    assert '"firms": 50' in capsys.readouterr().out
    out = tmp_path / "v.parquet"
    vendors = tmp_path / "vendors.csv"
    pd.DataFrame({"name": ["Café Ñandú"]}).to_csv(vendors, index=False)
    assert main(["verify", str(vendors), "-o", str(out), "--directory", str(path),
                 "--directory-encoding", "latin-1", "--quiet"]) == 0
    assert pq.read_table(out).column("status").to_pylist() == ["exact"]
