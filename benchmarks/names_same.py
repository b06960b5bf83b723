"""Whether this tree's match_names / name_candidates give exactly the frames of another revision.

    python benchmarks/names_same.py [--against main] [--sample PATH]

Runs the same calls in two fresh processes, one importing this tree's ``mwbe_match``, one the
``--against`` revision's (taken with ``git archive`` into a temporary folder), and compares every
result frame with ``pandas.testing.assert_frame_equal(check_exact=True)``. The calls:

- the accuracy queries of ``benchmarks/names.py`` (variants of the real 70% split and the held-out
  30%) through ``NameIndex(...).match`` with and without the distinctive-word rule, and the half split;
- the speed queries of ``names.py`` against the 11,000-firm synthetic directory: two ``match_names``
  calls on one frame (the second reuses the index), with 1 and with all workers;
- ``name_candidates`` (top 5) of 2,000 of those queries;
- 400 directory firms as a vendor frame with ``phone``/``website``/``zip`` (some changed, so
  corroboration both agrees and conflicts) and a few Hangul, empty, missing and non-text names.

Exit status 0 when every frame is identical, 1 otherwise (the differences are printed).
"""

from __future__ import annotations

import argparse
import io
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def results(sample: Path, seed: int) -> dict[str, pd.DataFrame]:
    """Every compared frame, computed in this process (with whatever ``mwbe_match`` it imports)."""
    import mwbe_match
    from mwbe_match.verify import NameIndex, VerifyConfig

    sys.path.insert(0, str(HERE))
    import names as nb  # the benchmark's splits and queries

    out: dict[str, pd.DataFrame] = {}
    full, directory, held_out, rng = nb.split_real(sample, seed)
    q = nb.make_queries(directory, held_out, seed)["query"].tolist()
    for label, distinctive in (("before", False), ("after", True)):
        config = nb.verify_config(distinctive)
        out[f"accuracy {label}"] = NameIndex(directory, config).match(q)
        half = rng.permutation(len(full))
        in_half = full.iloc[np.sort(half[: len(full) // 2])].reset_index(drop=True)
        out_half = full.iloc[np.sort(half[len(full) // 2:])].reset_index(drop=True)
        out[f"half split {label}"] = NameIndex(in_half, config).match(out_half["name"].tolist())
    big = nb.synthetic_directory(directory, 11_000, seed + 11_000)
    speed = nb.speed_queries(big, held_out, 10_000, seed)["query"].tolist()
    out["11k first call"] = mwbe_match.match_names(speed, big)
    out["11k repeated call"] = mwbe_match.match_names(speed, big)
    out["11k one worker"] = mwbe_match.match_names(speed, big.copy(), config=VerifyConfig(workers=1))
    out["11k candidates"] = mwbe_match.name_candidates(speed[:2000], big, top=5)
    vendors = directory.sample(400, random_state=seed)[["name", "phone", "website", "zip"]].reset_index(drop=True)
    vendors = vendors.astype(object).where(vendors.notna(), None)
    change = np.random.default_rng(seed).random((len(vendors), 3)) < 0.2
    vendors.loc[change[:, 0], "phone"] = "212-555-0100"
    vendors.loc[change[:, 1], "website"] = "www.example.com"
    vendors.loc[change[:, 2], "zip"] = "10001"
    extra = pd.DataFrame({"name": ["월튼 플러밍 앤 히팅", "㈜ 에이스 컨스트럭션", "", None, "   ", "&&", 12345,
                                   "ACME Engrg. Svcs, Inc. d/b/a Acme Intl"],
                          "phone": None, "website": None, "zip": None})
    vendors = pd.concat([vendors, extra], ignore_index=True)
    out["vendor frame"] = mwbe_match.match_names(vendors, directory, as_of="2026-06-01")
    out["vendor frame candidates"] = mwbe_match.name_candidates(vendors, directory, as_of="2026-06-01")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default="main", help="git revision compared with this tree (default main)")
    parser.add_argument("--sample", type=Path, default=HERE.parents[0].parent / "shared" / "data"
                        / "nyc_sbs_certified_sample.csv")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        import mwbe_match
        print(f"  computing with {Path(mwbe_match.__file__).parent}", file=sys.stderr)
        with open(args.dump, "wb") as f:
            pickle.dump(results(args.sample, args.seed), f)
        return 0
    if not args.sample.is_file():
        print(f"the shared real extract is not at {args.sample}; pass --sample PATH", file=sys.stderr)
        return 2
    root = HERE.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", args.against, "mwbe_match"],
                             capture_output=True, check=True)
    frames = {}
    with tempfile.TemporaryDirectory() as base:
        tarfile.open(fileobj=io.BytesIO(archive.stdout)).extractall(base, filter="data")
        for label, path in (("this tree", str(root)), (args.against, base)):
            dump = Path(base) / f"{len(frames)}.pkl"
            subprocess.run([sys.executable, __file__, "--dump", str(dump), "--sample", str(args.sample),
                            "--seed", str(args.seed)], check=True, env={**os.environ, "PYTHONPATH": path})
            with open(dump, "rb") as f:
                frames[label] = pickle.load(f)
    ours, theirs = frames["this tree"], frames[args.against]
    bad = 0
    for name, expected in theirs.items():
        try:
            pd.testing.assert_frame_equal(ours[name], expected, check_exact=True)
        except AssertionError as e:
            bad += 1
            print(f"DIFFERENT  {name} ({len(expected)} rows): {str(e).splitlines()[:6]}")
        else:
            print(f"identical  {name} ({len(expected)} rows x {expected.shape[1]} columns)")
    print(f"{len(theirs) - bad} of {len(theirs)} frames identical to {args.against}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
