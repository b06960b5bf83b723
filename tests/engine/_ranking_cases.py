"""Cases shared by the specifications of how shortlists are computed (threads, blocks, worker processes)."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache

import numpy as np
import pandas as pd

import mwbe_match
from mwbe_match import Need

@lru_cache(maxsize=None)
def bundled_directory() -> pd.DataFrame:
    """The bundled synthetic sample directory, loaded once (its warning about being a sample silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mwbe_match.load_directory(mwbe_match.bundled_sample_path())


JOB_COLUMNS = ("job_1_description", "job_2_description", "job_3_description")


def sample_needs(directory: pd.DataFrame, count: int, seed: int = 16) -> list[Need]:
    """Real job descriptions of the directory as needs, with a seeded mix of requirements,
    plus NAICS-only needs, a typo and text no firm uses."""
    rng = np.random.default_rng(seed)
    texts = [t for col in JOB_COLUMNS for t in directory[col].dropna().astype(str) if len(t.split()) >= 3]
    texts += ["사무실 청소", "맨해튼 전기 공사 업체", "plumming and electrcal work", "zzzqqq"]
    codes = sorted({c for c in directory["naics_code"].dropna().astype(str) if re.fullmatch(r"\d{6}", c)})
    needs = []
    for i in range(count):
        fields: dict = {}
        if rng.random() < 0.3:
            fields["certifications"] = ["MBE", "WBE", "MBE;WBE"][i % 3].split(";")
        if rng.random() < 0.2:
            fields["boroughs"] = [["Queens"], ["Brooklyn", "Manhattan"], ["Bronx"]][i % 3]
        if rng.random() < 0.1:
            fields["naics"] = [codes[i % len(codes)][: 4 + i % 3]]
        if rng.random() < 0.1:
            fields["certified_through"] = dt.date(2026, 12, 31)
        needs.append(Need(f"N{i}", texts[int(rng.integers(len(texts)))], **fields))
    needs += [Need("naics only", "", naics=[codes[0][:4], codes[-1][:2]]), Need("naics exact", "", naics=[codes[1]])]
    return needs


def assert_same_rows(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """The same rows in the same order, exactly (index aside)."""
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_exact=True)
