"""Korean output (``lang="ko"``) next to English: the cost of translating reasons, headers and values.

    python benchmarks/i18n.py                 # 10,000 needs, top 10, against 11,000 firms
    python benchmarks/i18n.py --needs 2000

Set-up (not timed): the 11,000-firm directory recombined from the shared real
sample and the seeded needs of ``benchmarks/batch.py`` (real job descriptions,
about 5% Korean, a mix of requirements); one :class:`mwbe_match.Matcher` built
once and reused by every run, warmed up by one untimed run (its caches fill on first use).

Measured, in the same run: :func:`mwbe_match.run_shortlist` to CSV and to
Parquet with ``lang="en"`` (the baseline) and ``lang="ko"``, wall time of the
whole job (validation, shortlisting, translation, writing). The difference is
what Korean output costs; the reasons translated per second are printed too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pyarrow.parquet as pq

from _common import load_real_sample, scaled_directory
from batch import FIRMS, make_needs

import mwbe_match
from mwbe_match import i18n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--needs", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    real = load_real_sample()
    directory = scaled_directory(real, FIRMS)
    needs = make_needs(directory, real, args.needs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matcher = mwbe_match.Matcher(directory)
    print(f"{args.needs:,} needs, top {args.top}, {matcher.n_firms:,} firms")
    with tempfile.TemporaryDirectory() as tmp:
        # warm-up, not timed: the matcher's caches (typo corrections, requirement masks) fill on first use
        mwbe_match.run_shortlist(needs, Path(tmp) / "warm.parquet", directory=matcher, top=args.top, progress=False)
        seconds = {}
        for fmt in ("csv", "parquet"):
            for lang in ("en", "ko"):
                out = Path(tmp) / f"out_{lang}.{fmt}"
                started = time.perf_counter()
                summary = mwbe_match.run_shortlist(needs, out, directory=matcher, top=args.top, progress=False,
                                                   lang=lang, overwrite=True)
                seconds[fmt, lang] = time.perf_counter() - started
            rows = summary.rows_written
            en, ko = seconds[fmt, "en"], seconds[fmt, "ko"]
            print(f"{fmt:<8} rows {rows:>9,}   en {en:6.2f} s   ko {ko:6.2f} s   (+{ko - en:5.2f} s, "
                  f"{(ko / en - 1) * 100:+.0f}%)")
        reasons = pq.read_table(Path(tmp) / "out_en.parquet", columns=["reasons"]).column("reasons").to_pylist()
        started = time.perf_counter()
        for r in reasons:
            i18n.translate_reason(r, "ko")
        per = (time.perf_counter() - started) / max(1, len(reasons))
        print(f"translate_reason: {per * 1e6:.0f} us per reason ({1 / per:,.0f} reasons/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
