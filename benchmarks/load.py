"""Load-and-normalize speed: the real extract repeated to the real list's size and beyond.

    python benchmarks/load.py [--sizes 11000 100000] [--repeats 7]

Builds CSVs of the shared real extract repeated (with fresh account numbers)
to each size, then times ``mwbe_match.load_directory`` next to baselines
measured in the same run, on the same file, interleaved run by run (so a busy
machine slows all of them alike):

- ``pyarrow.csv.read_csv`` with every column read as text and
  ``newlines_in_values`` (descriptions span lines), as load_directory reads a
  whole file (pyarrow's threads, 16 MiB blocks): reading only, no normalization;
- the same read without pyarrow's threads (``use_threads=False``) in 2 MiB
  blocks, as load_directory reads each half of a large file (below): ``best``
  ratios are to the faster (wall) or cheaper (CPU) of the two pyarrow reads;
- ``pandas.read_csv(dtype=str)`` (reading only).

Prints medians and the ratios, of wall time and, next to them, of CPU time
(``time.process_time``, every thread of the process: on a machine other work
keeps busy, wall-time ratios are distorted by how many cores each reader
gets, CPU-time ratios much less). Target (issue 16): load_directory within
1.3x of ``pyarrow.csv.read_csv``.

load_directory reads a file from 2 MiB as its two halves at once (split at a
record's end), one on each of two threads without pyarrow's own (which cost
about a third more CPU time on these files), each in 2 MiB blocks (a block
stays in the CPU's cache: less CPU time than one large block), so on an idle machine its wall
time gains from the second core, while the CPU-time ratio counts all the work.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from _common import REAL_SAMPLE

import mwbe_match


def build_csv(raw: pd.DataFrame, size: int, folder: Path) -> Path:
    reps = -(-size // len(raw))
    big = pd.concat([raw] * reps, ignore_index=True).iloc[:size].copy()
    big["Account_Number"] = [str(1_000_000 + i) for i in range(size)]
    path = folder / f"directory_{size}.csv"
    big.to_csv(path, index=False, quoting=1)
    return path


def pyarrow_reader(path: Path, threads: bool = True):
    """``pyarrow.csv.read_csv`` of ``path`` with every column as text, as load_directory reads it (a whole
    file on pyarrow's threads in 16 MiB blocks, each half of a large one on one thread in 2 MiB blocks)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    read = pacsv.ReadOptions(use_threads=threads, block_size=1 << 24 if threads else 1 << 21)
    parse = pacsv.ParseOptions(newlines_in_values=True)
    convert = pacsv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False)
    return lambda: pacsv.read_csv(path, read_options=read, parse_options=parse, convert_options=convert)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[11_000, 100_000])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--sample", type=Path, default=REAL_SAMPLE)
    args = parser.parse_args()
    if not args.sample.is_file():
        print(f"the shared real extract is not at {args.sample}; pass --sample PATH", file=sys.stderr)
        return 2
    raw = pd.read_csv(args.sample, dtype=str, keep_default_na=False)
    print(f"mwbe_match {mwbe_match.__version__}, pandas {pd.__version__}, pyarrow {pa.__version__}; "
          f"real extract: {len(raw)} firms; medians of {args.repeats} interleaved runs")
    print(f"{'firms':>8} {'MB':>6} {'pyarrow.csv s':>14} {'1 thread s':>11} {'pandas s':>9} {'load_directory s':>17} "
          f"{'/ pyarrow':>10} {'/ best':>7} {'/ pandas':>9} {'report':>7} {'cpu / pyarrow':>14} {'cpu / best':>11} "
          f"{'cpu / pandas':>13}")
    names = ("pyarrow", "pyarrow1", "pandas", "load")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = build_csv(raw, size, Path(tmp))
            runs: dict[str, list[float]] = {k: [] for k in names}
            cpu: dict[str, list[float]] = {k: [] for k in names}
            candidates = {
                "pyarrow": pyarrow_reader(path),
                "pyarrow1": pyarrow_reader(path, threads=False),
                "pandas": lambda: pd.read_csv(path, dtype=str, keep_default_na=False),
                "load": lambda: mwbe_match.load_directory(path),
            }
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                df = mwbe_match.load_directory(path)  # warm-up (file cache, imports)
                for _ in range(args.repeats):
                    for name, run in candidates.items():
                        start, start_cpu = time.perf_counter(), time.process_time()
                        run()
                        runs[name].append(time.perf_counter() - start)
                        cpu[name].append(time.process_time() - start_cpu)
            assert len(df) == size
            arrow, arrow1, pandas, ours = (statistics.median(runs[k]) for k in names)
            arrow_cpu, arrow1_cpu, pandas_cpu, ours_cpu = (statistics.median(cpu[k]) for k in names)
            print(f"{size:>8,} {path.stat().st_size / 1e6:>6.1f} {arrow:>14.3f} {arrow1:>11.3f} {pandas:>9.3f} "
                  f"{ours:>17.3f} {ours / arrow:>9.2f}x {ours / min(arrow, arrow1):>6.2f}x {ours / pandas:>8.2f}x "
                  f"{len(mwbe_match.validation_report(df)):>7} {ours_cpu / arrow_cpu:>13.2f}x "
                  f"{ours_cpu / min(arrow_cpu, arrow1_cpu):>10.2f}x {ours_cpu / pandas_cpu:>12.2f}x")
    print("(target: load_directory within 1.3x of pyarrow.csv.read_csv of the same file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
