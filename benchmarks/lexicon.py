"""Concept lexicon: what loading the bundled lexicon and building the readers costs, next to a baseline.

    python benchmarks/lexicon.py            # 5 fresh processes, median

Each run is a fresh Python process (imports done first, so only the lexicon work is timed):

- baseline: reading every bundled concept file with the ``csv`` module (rows only);
- load: :meth:`Lexicon.load` (parse, check every row, build the English and Korean lookups);
- readers: the Korean and English readers built over it (``Glossary.from_lexicon``, the English form
  table ``EnglishReader.for_index``) on the shared real sample's index, which is what a ``Matcher`` adds.

Target (issue 13): loading the lexicon and building the readers add under 0.3 s.
"""

from __future__ import annotations

import json
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
from mwbe_match.engine.readers import EnglishReader, Glossary
index = TextIndex(firm_table(unique_firms(load_real_sample())), MatchConfig())
files = lx.bundled_files()
t0 = time.perf_counter()
rows = 0
for path in files:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows += sum(1 for _ in csv.reader(handle)) - 1
t1 = time.perf_counter()
lexicon = lx.Lexicon.load()
t2 = time.perf_counter()
glossary = Glossary.from_lexicon(lexicon)
english = EnglishReader(glossary).for_index(index)
t3 = time.perf_counter()
print(json.dumps({"files": len(files), "rows": rows, "concepts": len(lexicon), "korean": len(glossary),
                  "english": len(lexicon.english_forms()), "csv": t1 - t0, "load": t2 - t1,
                  "readers": t3 - t2}))
"""


def main() -> None:
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", _CHILD % {"bench": str(ROOT / "benchmarks")}],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = runs[0]
    med = {k: statistics.median(r[k] for r in runs) for k in ("csv", "load", "readers")}
    print(f"{first['files']} bundled concept files, {first['rows']} rows -> {first['concepts']} concepts, "
          f"{first['korean']} Korean forms, {first['english']} English forms (median of {len(runs)} processes)")
    print(f"  baseline: csv module reads the files        {med['csv'] * 1000:7.1f} ms")
    print(f"  Lexicon.load (parse, check, lookups)        {med['load'] * 1000:7.1f} ms")
    print(f"  readers built over it (Korean + English)    {med['readers'] * 1000:7.1f} ms")
    total = med["load"] + med["readers"]
    print(f"  lexicon + readers                           {total * 1000:7.1f} ms   "
          f"(target < 300 ms: {'met' if total < 0.3 else 'NOT met'})")


if __name__ == "__main__":
    main()
