"""Vague needs: how often a problem or goal told in everyday words is read as the service that solves it.

    python benchmarks/situations.py            # summary, English and Korean
    python benchmarks/situations.py --verbose  # plus one line per statement (what it was read as)

Two sets of statements of the problems and goals a Korean firm's New York office has, across the ten domains
of issue 13 (IT, fit-out, facilities, food service, events, logistics, professional services, staffing,
marketing, environmental), none naming the service ("Water is dripping from the ceiling in the conference
room", "주방에 바퀴벌레가 나와요"), each with the NAICS prefixes of the services that would solve it:

- ``benchmarks/situations/dev.csv`` (**dev**): 74 statements (36 English, 38 Korean), written and committed
  before the situation rows, then used while writing and correcting them;
- ``benchmarks/situations/fresh.csv`` (**fresh**): 40 statements (20 English and their 20 Korean
  counterparts), written after the rows and never used to change them.

- ``benchmarks/situations/heldout.csv`` (**heldout**): 80 statements (40 English, 40 different Korean ones),
  written in session 21 by a writer who saw neither the lexicon nor the readers, before that session's changes;
  held out (nobody changing the rows looks at it).

**Dev and fresh are development sets written by the same author as the situation rows**
(``mwbe_match/engine/concepts/situations.csv``): one author's words and one author's rows share a
vocabulary, so the figures flatter the layer (the dev figure most). Needs nobody has written yet are
measured by the human-judged benchmark (``benchmarks/judged.py``, its vague needs and its blind slices).

A statement is **read right** when the reading's industry hints (after intent over nouns: what the readers
hand the ranking) point mostly at the expected services: at least half of the hint sets (one per concept
that hints) have a prefix in one of the expected industries (a hint ``p`` matches an expected ``e`` when
``p`` starts with ``e``, or ``e`` with ``p`` and ``p`` has 4 digits or more). **Nothing understood**: no
concept read at all. Both are printed with the situation concepts (``situation_*``) and, in the same run,
without them (the lexicon minus those concepts, everything else equal): the baseline.

The readers are specialised to the shared real sample's index when it is there (as a ``Matcher`` does:
a one-word form common in the directory reads as typed), else they read without an index.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import warnings
from pathlib import Path

SETS = {name: Path(__file__).resolve().parent / "situations" / f"{name}.csv" for name in ("dev", "fresh", "heldout")}


def _index():
    """The shared real sample's text index, or None when the sample is not there."""
    try:
        from _common import load_real_sample
        from mwbe_match import unique_firms
        from mwbe_match.engine import MatchConfig
        from mwbe_match.engine.firms import firm_table
        from mwbe_match.engine.text_index import TextIndex

        return TextIndex(firm_table(unique_firms(load_real_sample())), MatchConfig())
    except (OSError, SystemExit, ImportError):
        return None


def _readers(lexicon, index):
    from mwbe_match.engine.readers import EnglishReader, Glossary, KoreanReader

    glossary = Glossary.from_lexicon(lexicon)
    readers = (KoreanReader(glossary), EnglishReader(glossary))
    return tuple(r.for_index(index) for r in readers) if index is not None else readers


def _matches(hint: str, expected: list[str]) -> bool:
    return any(hint.startswith(e) or (e.startswith(hint) and len(hint) >= 4) for e in expected)


def judge(reading, expected: list[str]) -> tuple[bool, bool]:
    """``(read right, nothing understood)`` for one reading (see the module docstring)."""
    sets = [s for s in reading.hint_sets if s] or ([reading.naics_hints] if reading.naics_hints else [])
    right = bool(sets) and sum(any(_matches(h, expected) for h in s) for s in sets) * 2 >= len(sets)
    return right, not reading.understood


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="one line per statement")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from mwbe_match.engine import MatchConfig
    from mwbe_match.engine.lexicon import Lexicon, default_lexicon
    from mwbe_match.engine.readers import reader_for

    rows = []
    for name, path in SETS.items():
        with open(path, encoding="utf-8", newline="") as handle:
            rows += [dict(r, set=name) for r in csv.DictReader(handle)]
    index = _index()
    full = default_lexicon()
    situations = sum(1 for c in full.concepts() if c.situation)
    without = Lexicon([c for c in full.concepts() if not c.situation])
    config = MatchConfig(loanwords=False)
    results: dict[str, dict[str, list[tuple[bool, bool]]]] = {}
    timing: dict[str, float] = {}
    for name, lexicon in (("with situations", full), ("without (baseline)", without)):
        readers = _readers(lexicon, index)
        t0 = time.perf_counter()
        for row in rows:
            reading = reader_for(row["statement"], readers).read(row["statement"], config)
            verdict = judge(reading, row["expected_naics"].split(";"))
            results.setdefault(name, {}).setdefault((row["set"], row["lang"]), []).append(verdict)
            if args.verbose and name == "with situations":
                mark = "ok " if verdict[0] else ("-- " if verdict[1] else "XX ")
                print(f"{mark}{row['set']} {row['id']} {row['statement']}\n      want {row['service']} "
                      f"({row['expected_naics']}); read as {', '.join(reading.read_as) or '(nothing)'}; "
                      f"hints {';'.join(reading.naics_hints[:6])}")
        timing[name] = (time.perf_counter() - t0) / len(rows) * 1000
    print(f"situations development sets: {len(rows)} statements, {situations} situation concepts"
          f" ({'real sample index' if index is not None else 'no index: the real sample is absent'})")
    print(f"{'':<22}{'set':>6}{'lang':>5}{'n':>5}{'read right':>12}{'nothing understood':>20}{'ms/statement':>14}")
    for which in (*SETS, "all"):
        for name, by_key in results.items():
            for lang in ("en", "ko", "all"):
                verdicts = [v for (s, l), vs in by_key.items() if which in (s, "all") and lang in (l, "all")
                            for v in vs]
                right = sum(v[0] for v in verdicts) / len(verdicts)
                empty = sum(v[1] for v in verdicts) / len(verdicts)
                ms = f"{timing[name]:.2f}" if lang == "all" and which == "all" else ""
                print(f"{name:<22}{which:>6}{lang:>5}{len(verdicts):>5}{right:>12.3f}{empty:>20.3f}{ms:>14}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
