"""Shared fixtures: the shared real extract (skipped when absent) and the bundled sample."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import mwbe_match

TESTS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = TESTS_DIR.parent
REAL_SAMPLE = PROJECT_DIR.parent / "shared" / "data" / "nyc_sbs_certified_sample.csv"
REAL_SAMPLE_FIRMS = 817

if str(TESTS_DIR) not in sys.path:  # lets tests import helper modules such as _soda_server
    sys.path.insert(0, str(TESTS_DIR))


def _skip_without_real_sample() -> None:
    if not REAL_SAMPLE.is_file():
        pytest.skip(f"the shared real extract is not present at {REAL_SAMPLE} (it is not shipped with the project)")


@pytest.fixture(scope="session")
def real_sample_path() -> Path:
    """Path of the shared real extract of dataset ci93-uc8s; skips the test when absent."""
    _skip_without_real_sample()
    return REAL_SAMPLE


@pytest.fixture(scope="session")
def real_raw(real_sample_path: Path) -> pd.DataFrame:
    """The real extract as text, exactly as the export has it."""
    return pd.read_csv(real_sample_path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def real_directory(real_sample_path: Path) -> pd.DataFrame:
    """The real extract, normalized (do not mutate)."""
    return mwbe_match.load_directory(real_sample_path)


@pytest.fixture(scope="session")
def bundled_directory() -> pd.DataFrame:
    """The bundled synthetic sample, normalized (do not mutate)."""
    return mwbe_match.load_directory(mwbe_match.bundled_sample_path())


@pytest.fixture()
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the snapshot cache at an empty folder for the test."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("MWBE_MATCH_CACHE", str(cache))
    return cache
