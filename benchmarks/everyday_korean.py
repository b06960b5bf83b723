"""Everyday Korean words: how many words of Korean needs the reader lists as not understood (issue 13).

    python benchmarks/everyday_korean.py             # shares per set and the most frequent unknown words
    python benchmarks/everyday_korean.py --top 60    # more of them

A serious reader knows its language's everyday words (어떻게, 그냥, 미리, 도와줄, 모르겠네요, 안마심): they
are not content, never searched and never listed as not understood. This script reads every Korean text of the
development sets through ``Matcher.read`` over the shared real sample (so the loanword bridge reads by sound as in
the engine) and counts the Hangul words (space-separated, punctuation aside) against the words the reading lists
as not understood (``unknown_terms``):

- ``judged``: the Korean texts of the judged needs (``benchmarks/judged/needs.csv``), held-out needs left out
  (J51-J64, J85+);
- ``messy dev`` and ``messy dev2``: ``benchmarks/messy/sentences.csv`` and ``benchmarks/messy/dev2/``
  (the held-out messy sets are never read here).

Run it with ``PYTHONPATH`` pointing at another checkout for the figures before a change: the script uses only the
public API. Content words must stay understood: ``benchmarks/messy_korean.py`` measures them.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import load_real_sample  # noqa: E402

from mwbe_match import unique_firms  # noqa: E402
from mwbe_match.engine import Matcher  # noqa: E402

_HANGUL_WORD = re.compile(r"[^\s.,!?~()\[\]/·:;\"']*[\uac00-\ud7a3][^\s.,!?~()\[\]/·:;\"']*")


def _held_out(need_id: str) -> bool:
    m = re.fullmatch(r"J(\d+)", need_id)
    return bool(m) and (51 <= int(m.group(1)) <= 64 or int(m.group(1)) >= 85)


def texts() -> dict[str, list[str]]:
    """The Korean texts of each set."""
    out: dict[str, list[str]] = {}
    with open(HERE / "judged" / "needs.csv", encoding="utf-8") as handle:
        out["judged"] = [r["text_ko"] for r in csv.DictReader(handle) if not _held_out(r["need_id"]) and r["text_ko"]]
    for name, path in (("messy dev", HERE / "messy" / "sentences.csv"),
                       ("messy dev2", HERE / "messy" / "dev2" / "sentences.csv")):
        with open(path, encoding="utf-8") as handle:
            out[name] = [r["text"] for r in csv.DictReader(handle)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=40, help="how many of the most frequent unknown words to list")
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matcher = Matcher(unique_firms(load_real_sample()))
    print(f"{'set':<12}{'texts':>7}{'words':>8}{'unknown':>9}{'share':>8}")
    everything: Counter[str] = Counter()
    total_words = total_unknown = 0
    for name, items in texts().items():
        words = unknown = 0
        for text in items:
            words += len(_HANGUL_WORD.findall(text))
            listed = matcher.read(text).unknown_terms
            unknown += len(listed)
            everything.update(listed)
        total_words += words
        total_unknown += unknown
        print(f"{name:<12}{len(items):>7}{words:>8}{unknown:>9}{unknown / max(words, 1):>8.1%}")
    print(f"{'all':<12}{'':>7}{total_words:>8}{total_unknown:>9}{total_unknown / max(total_words, 1):>8.1%}")
    print(f"\nmost frequent unknown words ({len(everything)} distinct):")
    print(", ".join(f"{w} {n}" for w, n in everything.most_common(args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
