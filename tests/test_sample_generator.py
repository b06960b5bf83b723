"""The bundled synthetic sample is exactly what its seeded generator writes."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT_DIR


def test_the_bundled_sample_is_what_the_generator_writes(tmp_path):
    subprocess.run([sys.executable, str(PROJECT_DIR / "datasets" / "make_sample.py"), "--out-dir", str(tmp_path)],
                   check=True, capture_output=True, timeout=120)
    for name in ("certified_business_sample.csv", "vendors_example.csv"):
        assert (tmp_path / name).read_bytes() == (PROJECT_DIR / "datasets" / name).read_bytes(), name
