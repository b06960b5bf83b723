"""The scale curve: how each cost grows from 11,000 to 100,000 (and 1,000,000) firms.

    python benchmarks/scale.py                                   # 11,000 and 100,000 firms
    python benchmarks/scale.py --sizes 11000,100000,1000000      # add 1,000,000 firms

Run time on an idle 2-core machine: about 1 minute for the default sizes
(measured: 8 s at 11,000 firms, 43 s at 100,000, plus writing the 140 MB CSV
once); 1,000,000 firms adds writing a 1.4 GB CSV once (3 minutes) and, going
by the 11,000-100,000 slopes, about 10-15 minutes of measuring with a peak
near 10 GB of memory (name matching; measured since, on a busy machine: 22
minutes, peak 6.7 GB, set by loading the directory and building the Matcher,
the 10,000 names adding nothing). On a busy machine it takes several times
longer: the runs are in subprocesses, one per size, one after the other.

For each size a synthetic directory CSV in the export's format (56 columns,
every field quoted, descriptions spanning lines) is written once into a cache
folder (``--cache-dir``, default ``$TMPDIR/mwbe_match_scale``) and reused by
later runs: the rows of the shared real extract resampled (seeded), each with
a fresh account number, a name recombining the words of two real names plus a
spliced new word (so the vocabulary grows with the size), and a description
of sentences from three real firms. Each size is measured in its own
subprocess (so peak memory is that size's own), through public APIs only, so
speed-ups merged elsewhere show up here:

- load: ``load_directory(csv)``, next to ``pyarrow.csv.read_csv`` of the same
  file (every column as text), the reading baseline, in the same process;
- build: ``Matcher(directory)``;
- single shortlist p50 / p95 over ``--queries`` job-description needs, top 10;
- 1,000 needs: ``Matcher.shortlist_many``, top 10;
- 10,000 names: ``match_names(names, directory)`` twice (the second call shows
  what reusing the directory's name index saves); the names are the
  directory's own names with a typo, case change or dropped legal form, and
  10% invented names;
- peak memory: ``ru_maxrss`` of the subprocess after each stage (monotonic:
  "after build" includes the directory loaded before it).

Then the log-log slope of every figure between consecutive sizes
(``log(cost2 / cost1) / log(n2 / n1)``): 1.0 is linear growth, 0 constant,
above 1 faster than linear. Medians where a stage repeats (``--repeats`` for
the load).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REAL_SAMPLE = ROOT.parent / "shared" / "data" / "nyc_sbs_certified_sample.csv"
BUNDLED_SAMPLE = ROOT / "datasets" / "certified_business_sample.csv"
GENERATOR_VERSION = 1  # bump when the synthetic directory changes, so cached files are rebuilt

BATCH_NEEDS = 1000
NAMES = 10_000


# --------------------------------------------------------------------------- synthetic directory CSV


def synthetic_csv(sample: Path, size: int, cache_dir: Path, seed: int) -> Path:
    """The cached synthetic directory of ``size`` firms resampled from ``sample`` (written when missing)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    stat = sample.stat()
    path = cache_dir / f"directory_{size}_s{seed}_g{GENERATOR_VERSION}_{stat.st_size}.csv"
    if path.is_file():
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    header = next(iter(_csv_header(sample)))
    raw = pacsv.read_csv(sample, parse_options=pacsv.ParseOptions(newlines_in_values=True),
                         convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()),
                                                              strings_can_be_null=False))
    names = raw.column("Vendor_Formal_Name").to_pylist()
    sentences = [re.split(r"(?<=[.!?])\s+", d) for d in raw.column("Business_Description").to_pylist()]
    name_words = [n.split() for n in names]
    words = [w for ws in name_words for w in ws if len(w) > 3 and w.isalpha()]
    rng = np.random.default_rng(seed + size)
    n0 = raw.num_rows
    template, other, b, c = (rng.integers(0, n0, size) for _ in range(4))
    w1, w2 = rng.integers(0, len(words), size), rng.integers(0, len(words), size)
    cut1, cut2 = rng.random(size), rng.random(size)
    new_names, new_desc = [], []
    for i in range(size):
        first, second = name_words[template[i]], name_words[other[i]]
        a, z = words[w1[i]], words[w2[i]]
        spliced = a[: max(2, int(len(a) * cut1[i]))] + z[int(len(z) * cut2[i]):].lower()
        new_names.append(" ".join(first[: max(1, len(first) // 2)] + [spliced] + second[len(second) // 2:]))
        pool = sentences[template[i]] + sentences[b[i]] + sentences[c[i]]
        new_desc.append(" ".join(pool[j] for j in range(0, len(pool), 2)))
    table = raw.take(pa.array(template))
    columns = dict(zip(table.column_names, table.columns))
    columns["Account_Number"] = pa.array([str(5_000_000 + i) for i in range(size)], pa.string())
    columns["Vendor_Formal_Name"] = pa.array(new_names, pa.string())
    columns["Business_Description"] = pa.array(new_desc, pa.string())
    out = pa.table([columns[h] for h in header], names=header)
    partial = path.with_suffix(".partial")
    pacsv.write_csv(out, partial, write_options=pacsv.WriteOptions(quoting_style="all_valid"))
    partial.replace(path)
    return path


def _csv_header(path: Path) -> list[list[str]]:
    import csv

    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [next(csv.reader(fh))]


def name_queries(names: list[str], n: int, seed: int) -> list[str]:
    """``n`` names to verify: directory names with a typo, case change or dropped legal form; 10% invented."""
    rng = np.random.default_rng(seed)
    legal = re.compile(r",?\s+(LLC|L\.L\.C\.|Inc\.?|Corp\.?|Corporation|Co\.?|Ltd\.?|LLP|PC|P\.C\.)$", re.I)
    out = []
    for i in rng.integers(0, len(names), n):
        name = names[i]
        kind = rng.integers(0, 10)
        if kind == 0:  # invented
            words = name.split()
            out.append(" ".join(reversed(words)) + " Holdings")
        elif kind <= 3 and len(name) > 4:  # typo
            j = int(rng.integers(1, len(name) - 2))
            out.append(name[:j] + name[j + 1] + name[j] + name[j + 2:])
        elif kind <= 5:
            out.append(name.upper())
        elif kind <= 7:
            out.append(legal.sub("", name))
        else:
            out.append(name)
    return out


# --------------------------------------------------------------------------- one size, in a subprocess


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def run_child(csv_path: Path, size: int, queries: int, repeats: int, real: Path) -> dict:
    warnings.simplefilter("ignore")
    import pyarrow as pa
    import pyarrow.csv as pacsv

    sys.path.insert(0, str(HERE))
    from _common import job_queries

    import mwbe_match
    from mwbe_match import Matcher, Need, load_directory, match_names

    out: dict = {"size": size, "rss_start_mb": _peak_rss_mb()}
    header = _csv_header(csv_path)[0]
    read = pacsv.ReadOptions(use_threads=True, block_size=1 << 24)
    parse = pacsv.ParseOptions(newlines_in_values=True)
    convert = pacsv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False)
    base, ours = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        table = pacsv.read_csv(csv_path, read_options=read, parse_options=parse, convert_options=convert)
        base.append(time.perf_counter() - t0)
        del table
        t0 = time.perf_counter()
        directory = load_directory(csv_path)
        ours.append(time.perf_counter() - t0)
        if len(directory) != size:
            raise SystemExit(f"loaded {len(directory)} firms from {csv_path}, expected {size}")
    out["read_csv_s"], out["load_s"] = statistics.median(base), statistics.median(ours)
    out["rss_after_load_mb"] = _peak_rss_mb()

    t0 = time.perf_counter()
    matcher = Matcher(directory)
    out["build_s"] = time.perf_counter() - t0
    out["rss_after_build_mb"] = _peak_rss_mb()

    texts = [q.text for q in job_queries(load_directory(real))]
    rng = np.random.default_rng(7)
    single = [texts[i] for i in rng.integers(0, len(texts), queries)]
    matcher.shortlist(single[0])  # warm-up
    times = []
    for text in single:
        t0 = time.perf_counter()
        matcher.shortlist(text, top=10)
        times.append(time.perf_counter() - t0)
    out["p50_ms"] = float(np.percentile(times, 50) * 1000)
    out["p95_ms"] = float(np.percentile(times, 95) * 1000)

    needs = [Need(str(i), texts[i % len(texts)]) for i in range(BATCH_NEEDS)]
    t0 = time.perf_counter()
    result = matcher.shortlist_many(needs, top=10)
    out["many_s"] = time.perf_counter() - t0
    out["many_rows"] = len(result)
    out["rss_after_shortlists_mb"] = _peak_rss_mb()
    del result

    names = name_queries(directory["name"].astype(str).tolist(), NAMES, seed=11)
    for label in ("names_s", "names_again_s"):
        t0 = time.perf_counter()
        verified = match_names(names, directory)
        out[label] = time.perf_counter() - t0
        if len(verified) != len(names):
            raise SystemExit(f"match_names returned {len(verified)} rows for {len(names)} names")
    out["peak_rss_mb"] = _peak_rss_mb()
    out["version"] = mwbe_match.__version__
    return out


# --------------------------------------------------------------------------- report

COLUMNS = [  # (key, heading, format)
    ("read_csv_s", "pyarrow read s", "{:.3f}"),
    ("load_s", "load s", "{:.3f}"),
    ("build_s", "build s", "{:.2f}"),
    ("p50_ms", "p50 ms", "{:.2f}"),
    ("p95_ms", "p95 ms", "{:.2f}"),
    ("many_s", "1k needs s", "{:.2f}"),
    ("names_s", "10k names s", "{:.2f}"),
    ("names_again_s", "again s", "{:.2f}"),
    ("rss_after_load_mb", "RSS load MB", "{:.0f}"),
    ("rss_after_build_mb", "RSS build MB", "{:.0f}"),
    ("peak_rss_mb", "peak RSS MB", "{:.0f}"),
]


def slope(a: float, b: float, n_a: int, n_b: int) -> float:
    """The log-log slope of a cost going from ``a`` at ``n_a`` firms to ``b`` at ``n_b``."""
    if a <= 0 or b <= 0:
        return float("nan")
    return math.log(b / a) / math.log(n_b / n_a)


def report(results: list[dict]) -> None:
    width = 13
    print(f"{'firms':>10} " + " ".join(f"{h:>{width}}" for _, h, _ in COLUMNS))
    for r in results:
        print(f"{r['size']:>10,} " + " ".join(f"{f.format(r[k]):>{width}}" for k, _, f in COLUMNS))
    for a, b in zip(results, results[1:]):
        label = f"slope {a['size'] // 1000}k-{b['size'] // 1000}k"
        print(f"{label:>10} " + " ".join(f"{slope(a[k], b[k], a['size'], b['size']):>{width}.2f}"
                                          for k, _, _ in COLUMNS))
    for r in results:
        print(f"{r['size']:>10,} firms: load_directory / pyarrow.csv.read_csv = {r['load_s'] / r['read_csv_s']:.2f}x; "
              f"p95/p50 {r['p95_ms'] / r['p50_ms']:.1f}; RSS at start {r['rss_start_mb']:.0f} MB")
    print("(slope: log-log growth between sizes; 1.0 = linear. Memory slopes include the interpreter and libraries.)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="11000,100000",
                        help="comma-separated directory sizes (default: %(default)s; add 1000000 for the full curve)")
    parser.add_argument("--queries", type=int, default=300, help="single shortlists timed per size")
    parser.add_argument("--repeats", type=int, default=3, help="loads timed per size (median)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--sample", type=Path, default=None,
                        help="the CSV the synthetic directories resample (default: the shared real extract, "
                             "else the bundled synthetic sample)")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "mwbe_match_scale")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    parser.add_argument("--child", nargs=2, metavar=("CSV", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--make", type=int, metavar="SIZE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sample = args.sample or (REAL_SAMPLE if REAL_SAMPLE.is_file() else BUNDLED_SAMPLE)
    if args.make:
        print(synthetic_csv(sample, args.make, args.cache_dir, args.seed))
        return 0
    if args.child:
        print(json.dumps(run_child(Path(args.child[0]), int(args.child[1]), args.queries, args.repeats, sample)))
        return 0
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes takes comma-separated whole numbers, got {args.sizes!r}")
    if len(sizes) < 1 or sizes[0] <= 0:
        parser.error("--sizes needs positive sizes")
    print(f"{os.cpu_count()} CPUs; synthetic directories resampled from {sample} (cache: {args.cache_dir}); "
          f"{args.queries} single shortlists, {BATCH_NEEDS:,} needs, {NAMES:,} names per size")
    results = []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    for size in sizes:
        t0 = time.perf_counter()
        cached = len(list(args.cache_dir.glob(f"directory_{size}_s{args.seed}_g{GENERATOR_VERSION}_*.csv"))) > 0
        # written in a subprocess too: a measuring subprocess forked from a parent grown by writing a large
        # file would report the parent's pages in its peak memory
        made_by = subprocess.run([sys.executable, __file__, "--make", str(size), "--seed", str(args.seed),
                                  "--sample", str(sample), "--cache-dir", str(args.cache_dir)],
                                 capture_output=True, text=True, env=env)
        if made_by.returncode != 0:
            print(made_by.stderr, file=sys.stderr)
            return f"writing the directory of {size:,} firms failed"
        path = Path(made_by.stdout.strip().splitlines()[-1])
        made = time.perf_counter() - t0
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--child", str(path), str(size), "--queries",
                               str(args.queries), "--repeats", str(args.repeats), "--sample", str(sample)],
                              capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return f"the run at {size:,} firms failed"
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"  {size:,} firms: {path.stat().st_size / 1e6:,.0f} MB CSV ({'cached' if cached else f'written in {made:.0f} s'}), measured in {time.perf_counter() - t0:.0f} s", flush=True)
    print()
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
