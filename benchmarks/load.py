"""Load-and-normalize speed: the real extract repeated to the real list's size and beyond.

    python benchmarks/load.py [--sizes 11000 100000] [--repeats 5]

Builds CSVs of the shared real extract repeated (with fresh account numbers)
to each size, then times ``mwbe_match.load_directory`` next to a baseline
measured in the same run: ``pandas.read_csv(dtype=str)`` of the same file
(reading only, no normalization). Prints medians and the ratio.
Target: under 1.5 s at 11,000 firms on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from _common import REAL_SAMPLE

import mwbe_match


def build_csv(raw: pd.DataFrame, size: int, folder: Path) -> Path:
    reps = -(-size // len(raw))
    big = pd.concat([raw] * reps, ignore_index=True).iloc[:size].copy()
    big["Account_Number"] = [str(1_000_000 + i) for i in range(size)]
    path = folder / f"directory_{size}.csv"
    big.to_csv(path, index=False, quoting=1)
    return path


def timed(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[11_000, 100_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sample", type=Path, default=REAL_SAMPLE)
    args = parser.parse_args()
    if not args.sample.is_file():
        print(f"the shared real extract is not at {args.sample}; pass --sample PATH", file=sys.stderr)
        return 2
    raw = pd.read_csv(args.sample, dtype=str, keep_default_na=False)
    print(f"mwbe_match {mwbe_match.__version__}, pandas {pd.__version__}; real extract: {len(raw)} firms")
    print(f"{'firms':>8} {'MB':>6} {'read_csv (baseline) s':>22} {'load_directory s':>17} {'ratio':>6} {'ms/1k firms':>12} {'report':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = build_csv(raw, size, Path(tmp))
            base = timed(lambda: pd.read_csv(path, dtype=str, keep_default_na=False), args.repeats)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ours = timed(lambda: mwbe_match.load_directory(path), args.repeats)
                df = mwbe_match.load_directory(path)
            assert len(df) == size
            b, o = statistics.median(base), statistics.median(ours)
            print(f"{size:>8,} {path.stat().st_size / 1e6:>6.1f} {b:>22.3f} {o:>17.3f} {o / b:>6.2f} "
                  f"{1000 * o / size * 1000:>12.1f} {len(mwbe_match.validation_report(df)):>7}")
    print(f"(medians of {args.repeats} runs; target: load_directory < 1.5 s at 11,000 firms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
