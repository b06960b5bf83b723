"""Concept lexicon: what loading the bundled lexicon and building the readers costs, next to a baseline.

    python benchmarks/lexicon.py            # 5 fresh processes, median

Each run is a fresh Python process (imports done first, so only the lexicon work is timed):

- baseline: reading every bundled concept file with the ``csv`` module (rows only);
- load: :meth:`Lexicon.load` (parse, check every row, build the English and Korean lookups);
- readers: the Korean and English readers built over it (``Glossary.from_lexicon``,
  ``for_index`` on the shared real sample's index), which is what a ``Matcher`` adds;
- the first English and the first Korean need read (the English form table and the rarely needed
  Korean lookups are built on first use), so nothing deferred escapes the measure.

Wall and CPU time of the process are both printed: on a busy machine the wall time is inflated by other
processes, the CPU time is the work itself.

Target (issue 13): loading the lexicon and building the readers add under 0.3 s.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import csv, json, sys, time, warnings
sys.path.insert(0, %(bench)r)
warnings.simplefilter("ignore")
from _common import load_real_sample
from mwbe_match import unique_firms
from mwbe_match.engine import MatchConfig
from mwbe_match.engine.firms import firm_table
from mwbe_match.engine.text_index import TextIndex
from mwbe_match.engine import lexicon as lx
from mwbe_match.engine.readers import EnglishReader, Glossary, KoreanReader
index = TextIndex(firm_table(unique_firms(load_real_sample())), MatchConfig())
files = lx.bundled_files()
c0, t0 = time.process_time(), time.perf_counter()
rows = 0
for path in files:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows += sum(1 for _ in csv.reader(handle)) - 1
c1, t1 = time.process_time(), time.perf_counter()
lexicon = lx.Lexicon.load()
c2, t2 = time.process_time(), time.perf_counter()
glossary = Glossary.from_lexicon(lexicon)
english = EnglishReader(glossary).for_index(index)
korean = KoreanReader(glossary).for_index(index)
c3, t3 = time.process_time(), time.perf_counter()
config = MatchConfig(loanwords=False)
english.read("office cleaning for our warehouse", config)
c4, t4 = time.process_time(), time.perf_counter()
korean.read("창고 사무실 청소", config)
c5, t5 = time.process_time(), time.perf_counter()
print(json.dumps({"files": len(files), "rows": rows, "concepts": len(lexicon), "korean": len(glossary),
                  "english": len(lexicon.english_forms()), "csv": t1 - t0, "load": t2 - t1,
                  "readers": t3 - t2, "first_en": t4 - t3, "first_ko": t5 - t4,
                  "cpu_csv": c1 - c0, "cpu_load": c2 - c1, "cpu_readers": c3 - c2, "cpu_first_en": c4 - c3,
                  "cpu_first_ko": c5 - c4}))
"""


def main() -> None:
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", _CHILD % {"bench": str(ROOT / "benchmarks")}],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = runs[0]
    keys = ("csv", "load", "readers", "first_en", "first_ko")
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    cpu = {k: statistics.median(r["cpu_" + k] for r in runs) for k in keys}
    print(f"{first['files']} bundled concept files, {first['rows']} rows -> {first['concepts']} concepts, "
          f"{first['korean']} Korean forms, {first['english']} English forms (median of {len(runs)} processes; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"{'':48}{'wall ms':>9}{'cpu ms':>9}")
    labels = {"csv": "baseline: csv module reads the files", "load": "Lexicon.load (parse, check, Korean lookups)",
              "readers": "Korean and English readers built over it",
              "first_en": "first English need read (builds English forms)",
              "first_ko": "first Korean need read"}
    for k in keys:
        print(f"  {labels[k]:<46}{med[k] * 1000:9.1f}{cpu[k] * 1000:9.1f}")
    total, total_cpu = (sum(d[k] for k in keys[1:]) for d in (med, cpu))
    print(f"  {'lexicon + readers + first need of each':<46}{total * 1000:9.1f}{total_cpu * 1000:9.1f}   "
          f"(target < 300 ms: {'met' if total < 0.3 else 'NOT met'} on wall time, "
          f"{'met' if total_cpu < 0.3 else 'NOT met'} on CPU time)")

if __name__ == "__main__":
    main()
