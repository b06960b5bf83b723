"""Matcher speed and memory at 11,000 and 100,000 firms, next to a plain BM25 baseline.

    python benchmarks/speed.py                  # both sizes
    python benchmarks/speed.py --sizes 11000    # one size

The directory is recombined from the shared real sample
(:func:`_common.scaled_directory`: real structured columns, names and
description sentences mixed from several real firms, seeded) so the
vocabulary grows with the size. Each (size, engine) runs in its own
subprocess so peak memory (``ru_maxrss``, whole process, including the
directory frame) is the engine's own.

Measured per engine:

- build: index build time (matcher: ``Matcher(directory)``; baseline: bm25s
  tokenize + index over name, DBA, description, NAICS title);
- single shortlist p50/p95 over 300 job-description needs, top 10 — the
  baseline is what a bm25s user runs for a shortlist: retrieve the top 10 and
  build those rows as a DataFrame;
- 1,000 needs at once (matcher: ``shortlist_many``; baseline: one batched
  bm25s retrieve plus one DataFrame of all rows);
- peak RSS.

Targets on 2 cores: build < 2 s at 11,000; p50 within 3x the baseline at
11,000 and < 50 ms at 100,000; 1,000 needs < 3 s at 11,000; < 1.5 GB at 100,000.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import warnings

import numpy as np

from _common import Bm25Baseline, job_queries, load_real_sample, scaled_directory

SINGLE_QUERIES = 300
BATCH_NEEDS = 1000


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def run_child(size: int, engine: str) -> dict:
    warnings.simplefilter("ignore")
    real = load_real_sample()
    texts = [q.text for q in job_queries(real)]
    directory = scaled_directory(real, size)
    del real
    rng = np.random.default_rng(7)
    single = [texts[i] for i in rng.integers(0, len(texts), SINGLE_QUERIES)]
    batch = [texts[i % len(texts)] for i in range(BATCH_NEEDS)]
    rss_before = _peak_rss_mb()
    out: dict = {"size": size, "engine": engine}
    if engine == "matcher":
        from mwbe_match import Matcher, Need

        t0 = time.perf_counter()
        matcher = Matcher(directory)
        out["build_s"] = time.perf_counter() - t0
        matcher.shortlist(single[0])  # warm-up
        times = []
        for text in single:
            t0 = time.perf_counter()
            matcher.shortlist(text, top=10)
            times.append(time.perf_counter() - t0)
        needs = [Need(str(i), t) for i, t in enumerate(batch)]
        t0 = time.perf_counter()
        result = matcher.shortlist_many(needs, top=10)
        out["batch_s"] = time.perf_counter() - t0
        out["batch_rows"] = len(result)
    else:
        t0 = time.perf_counter()
        baseline = Bm25Baseline(directory)
        out["build_s"] = time.perf_counter() - t0
        out["engine_detail"] = baseline.engine
        baseline.shortlist(single[0])
        times = []
        for text in single:
            t0 = time.perf_counter()
            baseline.shortlist(text, 10)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        tops = baseline.top_indices(batch, k=10)
        rows = np.concatenate(tops)
        frame = directory.iloc[rows][["account_number", "name", "dba", "phone", "website", "borough",
                                      "certifications", "certification_expires", "naics_code", "naics_title"]]
        out["batch_s"] = time.perf_counter() - t0
        out["batch_rows"] = len(frame)
    out["p50_ms"] = float(np.percentile(times, 50) * 1000)
    out["p95_ms"] = float(np.percentile(times, 95) * 1000)
    out["rss_before_mb"] = rss_before
    out["peak_rss_mb"] = _peak_rss_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[11_000, 100_000])
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(int(args.child[0]), args.child[1])))
        return
    print(f"{os.cpu_count()} CPUs; {SINGLE_QUERIES} single shortlists, {BATCH_NEEDS} needs in a batch, top 10\n")
    header = (f"{'firms':>8} {'engine':<34} {'build s':>8} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'1000 needs s':>13} {'peak RSS MB':>12}")
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        results = {}
        for engine in ("baseline", "matcher"):
            proc = subprocess.run([sys.executable, __file__, "--child", str(size), engine],
                                  capture_output=True, text=True, cwd=os.path.dirname(os.path.abspath(__file__)))
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                sys.exit(f"{engine} at {size} firms failed")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results[engine] = r
            label = r.get("engine_detail", "mwbe_match Matcher") if engine == "baseline" else "mwbe_match Matcher"
            if engine == "baseline":
                label = f"baseline: {label}"
            print(f"{size:>8} {label:<34} {r['build_s']:>8.2f} {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} "
                  f"{r['batch_s']:>13.2f} {r['peak_rss_mb']:>12.0f}")
        ratio = results["matcher"]["p50_ms"] / results["baseline"]["p50_ms"]
        print(f"{'':>8} matcher p50 / baseline p50 = {ratio:.1f}x "
              f"(RSS before building: {results['matcher']['rss_before_mb']:.0f} MB)")
    print("\nTargets (2 cores): build < 2 s at 11,000; p50 <= 3x baseline at 11,000 and < 50 ms at 100,000; "
          "1,000 needs < 3 s at 11,000; peak < 1.5 GB at 100,000.")


if __name__ == "__main__":
    main()
