"""Whether this tree's shortlists are exactly the frames of another revision (default ``main``).

    python benchmarks/shortlists_same.py [--against main] [--quick]

Runs the same calls in two fresh processes, one importing this tree's ``mwbe_match``, one the
``--against`` revision's (taken with ``git archive`` into a temporary folder), and compares every
result frame with ``pandas.testing.assert_frame_equal(check_exact=True)`` (values and dtypes). The calls,
on three directories -- the shared real sample, the synthetic ``datasets/certified_business_sample.csv``
and the benchmarks' 11,000-firm directory recombined from the real sample (:func:`_common.scaled_directory`):

- ``Matcher.shortlist`` of every judged need (English and Korean texts; the held-out needs J51-J64 and
  J113-J126 are left out), of ``benchmarks/korean_needs.csv`` (both languages) and of the needs of
  ``datasets/needs_example.csv`` (with their requirements), each at ``top`` 5, 10 and 50, plain and with
  requirement variants (boroughs, certification types, certified-through dates, a radius, bonding, NAICS);
- the same needs under other settings: ``as_of`` dates (one that lapses many firms), ``include_lapsed``,
  ``min_score``;
- on the 11,000-firm directory: the speed benchmark's own job-description needs (300 texts, each twice:
  the second call uses the reading kept from the first);
- ``shortlist_many`` of all the needs at once (one thread, and all cores).

Exit status 0 when every frame is identical, 1 otherwise (the differences are printed; need texts are
never printed).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
import warnings
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: Judged needs held out from development: never run or compared here.
HELD_OUT = {f"J{k:02d}" for k in list(range(51, 65)) + list(range(113, 127))}

#: Requirement variants: (label, requirements for ``shortlist``).
VARIANTS: tuple[tuple[str, dict], ...] = (
    ("plain", {}),
    ("boroughs", {"boroughs": ["MANHATTAN", "QUEENS"]}),
    ("brooklyn", {"boroughs": "BROOKLYN"}),
    ("mbe wbe", {"certifications": ["MBE", "WBE"]}),
    ("wbe through", {"certifications": "WBE", "certified_through": "2027-06-30"}),
    ("through", {"certified_through": "2026-12-31"}),
    ("near", {"near": "10001:5"}),
    ("bonding", {"min_bonding": 100_000}),
    ("naics", {"naics": ["54", "2382"]}),
)


def _needs() -> list[tuple[str, str]]:
    """``(label, text)`` of every need text compared (held-out judged needs left out)."""
    out = []
    with open(HERE / "judged" / "needs.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["need_id"] in HELD_OUT:
                continue
            out += [(f"{row['need_id']} en", row["text_en"]), (f"{row['need_id']} ko", row["text_ko"])]
    with open(HERE / "korean_needs.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out += [(f"{row['need_id']} ko", row["korean"]), (f"{row['need_id']} en", row["english"])]
    return [(label, text) for label, text in out if text and text.strip()]


def results(quick: bool) -> dict[str, pd.DataFrame]:
    """Every compared frame, computed in this process (with whatever ``mwbe_match`` it imports)."""
    warnings.simplefilter("ignore")
    import mwbe_match
    from mwbe_match import MatchConfig, Matcher, Need

    sys.path.insert(0, str(HERE))
    from _common import job_queries, load_real_sample, scaled_directory

    real = load_real_sample()
    synthetic = mwbe_match.load_directory(ROOT / "datasets" / "certified_business_sample.csv")
    example = pd.read_csv(ROOT / "datasets" / "needs_example.csv", dtype=str, keep_default_na=False)
    example_needs = [Need.from_mapping(row, need_id=str(i)) for i, row in enumerate(example.to_dict("records"), 1)]
    texts = _needs()
    if quick:
        texts = texts[::5]
    out: dict[str, pd.DataFrame] = {}
    tops = (10,) if quick else (5, 10, 50)
    for dname, directory in (("real", real), ("synthetic", synthetic)):
        configs = [("default", MatchConfig()), ("as_of 2026-09-01", MatchConfig(as_of="2026-09-01")),
                   ("as_of 2028-01-01 lapsed", MatchConfig(as_of="2028-01-01", include_lapsed=True)),
                   ("min_score 30", MatchConfig(min_score=30))]
        for cname, config in configs if not quick else configs[:2]:
            matcher = Matcher(directory, config)
            for label, text in texts:
                for vname, req in VARIANTS if cname == "default" else VARIANTS[:3]:
                    for top in tops if (cname == "default" and vname == "plain") else (10,):
                        out[f"{dname} | {cname} | {label} | {vname} | top {top}"] = \
                            matcher.shortlist(text, top=top, **req)
            for need in example_needs:
                for top in tops:
                    out[f"{dname} | {cname} | example {need.need_id} | top {top}"] = matcher.shortlist(need, top=top)
            needs = [Need(label, text) for label, text in texts] + example_needs
            out[f"{dname} | {cname} | shortlist_many one thread"] = matcher.shortlist_many(needs, workers=1)
            if cname == "default":
                out[f"{dname} | {cname} | shortlist_many all cores"] = matcher.shortlist_many(needs * 3, top=5)
    big = Matcher(scaled_directory(real, 11_000))
    jobs = [q.text for q in job_queries(real)][: 60 if quick else 300]
    for rep in range(2):
        for i, text in enumerate(jobs):
            out[f"11k | job {i} | pass {rep}"] = big.shortlist(text, top=10)
    for label, text in texts[::3]:
        out[f"11k | {label} | boroughs"] = big.shortlist(text, top=10, boroughs=["BRONX", "QUEENS"])
    out["11k | shortlist_many"] = big.shortlist_many([Need(str(i), t) for i, t in enumerate(jobs)], top=10)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default="main", help="git revision compared with this tree (default main)")
    parser.add_argument("--quick", action="store_true", help="a fifth of the needs, fewer variants")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the git repository --against is taken from "
                        "(default: this tree's; for a copy of the tree made elsewhere)")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        import mwbe_match
        print(f"  computing with {Path(mwbe_match.__file__).parent}", file=sys.stderr)
        with open(args.dump, "wb") as f:
            pickle.dump(results(args.quick), f)
        return 0
    archive = subprocess.run(["git", "-C", str(args.repo), "archive", args.against, "mwbe_match"],
                             capture_output=True, check=True)
    frames = {}
    with tempfile.TemporaryDirectory() as base:
        tarfile.open(fileobj=io.BytesIO(archive.stdout)).extractall(base, filter="data")
        for label, path in (("this tree", str(ROOT)), (args.against, base)):
            dump = Path(base) / f"{len(frames)}.pkl"
            command = [sys.executable, __file__, "--dump", str(dump)] + (["--quick"] if args.quick else [])
            subprocess.run(command, check=True, env={**os.environ, "PYTHONPATH": path})
            with open(dump, "rb") as f:
                frames[label] = pickle.load(f)
    ours, theirs = frames["this tree"], frames[args.against]
    bad = rows = 0
    for name, expected in theirs.items():
        rows += len(expected)
        try:
            pd.testing.assert_frame_equal(ours[name], expected, check_exact=True)
        except (AssertionError, KeyError) as e:
            bad += 1
            print(f"DIFFERENT  {name} ({len(expected)} rows): {str(e).splitlines()[:8]}")
    empty = sum(1 for f in theirs.values() if not len(f))
    print(f"{len(theirs) - bad} of {len(theirs)} frames identical to {args.against} "
          f"({rows:,} rows; {empty} frames empty)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
