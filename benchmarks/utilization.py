"""Utilization reports: 100,000 payment rows against 11,000 firms, every row accounted for.

    python benchmarks/utilization.py [--firms 11000] [--rows 100000] [--vendors 3000] [--seed 5]

Payments are drawn (seeded) from ``--vendors`` vendors: 75% certified firms of
a directory scaled up from the shared real extract (some names upper-cased,
suffix dropped or with a typo), 25% names that are not in it; amounts and
dates over 2025-2028 (so some certifications lapse before the payment), and a
few unreadable amounts and dates. Checked: one output row per input row, in
order, and the by-group total equal to the sum of the readable amounts.

Baseline, in the same run: name verification row by row, i.e.
:func:`mwbe_match.match_names` on every payment row (what running the
``verify`` job over the payments file does), without the report's
once-per-distinct-name matching.
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

import numpy as np
import pandas as pd

from _common import load_real_sample, scaled_directory

import mwbe_match
from mwbe_match.participation import utilization_report


def draw_payments(directory: pd.DataFrame, rows: int, vendors: int, rng: np.random.Generator) -> pd.DataFrame:
    names = directory["name"].astype(str).to_numpy()
    certified = rng.choice(names, size=int(vendors * 0.75), replace=False)
    variants = []
    for name in certified:
        r = rng.random()
        if r < 0.1:
            name = name.upper()
        elif r < 0.2 and len(name) > 8:
            i = int(rng.integers(2, len(name) - 2))
            name = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        variants.append(name)
    others = [f"{a} {b} Services Corp" for a, b in zip(rng.choice(["Apex", "Zenith", "Harbor", "Summit", "Metro",
                                                                     "Liberty", "Empire", "Bridge"], vendors),
                                                          rng.integers(1000, 99999, vendors))][: vendors - len(variants)]
    pool = np.array(variants + others, dtype=object)
    vendor = rng.choice(pool, size=rows)
    amount = np.round(rng.lognormal(9, 1.2, rows), 2).astype(object)
    day = np.datetime64("2025-01-01") + rng.integers(0, 365 * 4, rows)
    date = day.astype(str).astype(object)
    bad = rng.choice(rows, size=rows // 1000, replace=False)
    amount[bad[: len(bad) // 2]] = "n/a"
    date[bad[len(bad) // 2:]] = "sometime"
    return pd.DataFrame({"vendor_name": vendor, "amount": amount, "payment_date": date})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--firms", type=int, default=11_000)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--vendors", type=int, default=3_000)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        directory = scaled_directory(load_real_sample(), args.firms)
    payments = draw_payments(directory, args.rows, args.vendors, rng)
    print(f"{args.rows:,} payments from {payments['vendor_name'].nunique():,} vendors against {args.firms:,} firms; "
          f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")

    t = time.perf_counter()
    report = utilization_report(payments, directory, goals="citywide:construction")
    seconds = time.perf_counter() - t
    out = report.payments
    assert len(out) == len(payments) and out["input_row"].tolist() == list(range(1, len(payments) + 1)), "row lost"
    total = report.by_group.set_index("group").loc["Total", "amount"]
    readable = pd.to_numeric(payments["amount"], errors="coerce").sum()
    assert abs(total - readable) < 0.01, (total, readable)
    print(f"utilization_report: {seconds:.2f} s (goal: under 10 s); {len(out):,} rows out of {len(payments):,}, "
          f"{int(out['creditable'].sum()):,} creditable, {int((~out['creditable'].astype(bool)).sum()):,} not, "
          "each with a reason")
    print(report.summary())

    t = time.perf_counter()
    baseline = mwbe_match.match_names(payments, directory, name_column="vendor_name")
    b_seconds = time.perf_counter() - t
    agree = (baseline["account_number"].fillna("").to_numpy()
             == out["account_number"].fillna("").to_numpy())[out["match_status"].isin(["exact", "strong"]).to_numpy()]
    print(f"baseline, match_names on every row: {b_seconds:.2f} s ({b_seconds / seconds:.1f}x the report's time); "
          f"same firm for {agree.mean():.1%} of the report's matched rows")


if __name__ == "__main__":
    main()
