"""Start-up time: ``import mwbe_match`` and ``mwbe-match --help``, next to ``import pandas`` and a bare interpreter.

    python benchmarks/startup.py [--repeats 15]

Each command runs in a fresh subprocess (so nothing is cached in the
interpreter), ``--repeats`` times, after one warm-up run that fills the OS
file cache; prints medians. The library's own share is the time over the bare
interpreter (``python -c pass``), measured in the same run.
Targets: ``import mwbe_match`` < 0.3 s, ``mwbe-match --help`` < 0.15 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS: dict[str, list[str]] = {
    "python -c pass (bare interpreter)": [sys.executable, "-c", "pass"],
    "python -c 'import pandas' (baseline)": [sys.executable, "-c", "import pandas"],
    "python -c 'import mwbe_match'": [sys.executable, "-c", "import mwbe_match"],
    "mwbe-match --help (python -m mwbe_match.cli)": [sys.executable, "-m", "mwbe_match.cli", "--help"],
    "mwbe-match shortlist --help": [sys.executable, "-m", "mwbe_match.cli", "shortlist", "--help"],
}
TARGETS = {"python -c 'import mwbe_match'": 0.3, "mwbe-match --help (python -m mwbe_match.cli)": 0.15}


def run_times(command: list[str], repeats: int, env: dict[str, str]) -> list[float]:
    subprocess.run(command, env=env, check=True, capture_output=True)  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    print(f"python {sys.version.split()[0]}; medians of {args.repeats} runs, each in a fresh subprocess")
    print(f"{'command':<46} {'median s':>9} {'p90 s':>7} {'vs pandas':>10} {'target':>8}")
    results = {name: run_times(cmd, args.repeats, env) for name, cmd in COMMANDS.items()}
    pandas = statistics.median(results["python -c 'import pandas' (baseline)"])
    for name, times in results.items():
        median = statistics.median(times)
        p90 = sorted(times)[int(0.9 * (len(times) - 1))]
        target = TARGETS.get(name)
        verdict = "" if target is None else f"<{target:g} {'ok' if median < target else 'MISS'}"
        print(f"{name:<46} {median:>9.3f} {p90:>7.3f} {median / pandas:>9.2f}x {verdict:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
