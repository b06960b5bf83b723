"""Korean needs: ranking quality of Korean needs next to their English twins, on the real sample.

    python benchmarks/korean.py              # summary table
    python benchmarks/korean.py --verbose    # plus one row per need, to see the failures

Setup (fixed before measuring; see issue 5):

- The directory is the shared real sample (817 firms), indexed in full (job
  descriptions included: this is not the job-experience benchmark).
- The needs are ``benchmarks/korean_needs.csv``: each need written in Korean
  (often mixed with English words and Konglish) and its English twin, with
  the 4-digit NAICS industry groups that count as relevant (groups present in
  the sample).
- Relevant firms: every firm whose 4-digit NAICS group is one of the need's.
- Metrics: nDCG@10 (binary relevance, ideal = min(10, #relevant) hits) and
  P@10, averaged over the needs; missing slots are misses.

In the same run, the plain BM25 baseline of ``benchmarks/quality.py`` (name +
DBA + description + NAICS title; bm25s when installed) ranks both versions.
Targets: Korean nDCG@10 >= 90% of English, English >= 0.70.
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from _common import Bm25Baseline, load_real_sample, ndcg_at, precision_at

from mwbe_match import unique_firms
from mwbe_match.matching import MatchConfig, Matcher
from mwbe_match.needs import Need

NEEDS = Path(__file__).resolve().parent / "korean_needs.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print nDCG@10 per need and the top firms' groups")
    args = parser.parse_args()

    directory = load_real_sample()
    firms = unique_firms(directory)
    group_of = dict(zip(firms["account_number"], firms["naics_code"].astype(object).str[:4]))
    needs = pd.read_csv(NEEDS, dtype=str, keep_default_na=False)
    relevant = []
    for groups in needs["relevant_naics4"]:
        wanted = set(groups.split(";"))
        relevant.append({a for a, g in group_of.items() if isinstance(g, str) and g in wanted})
    print(f"{len(firms)} firms, {len(needs)} needs (Korean and English twins); "
          f"mean relevant firms per need {np.mean([len(r) for r in relevant]):.1f}")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matcher = Matcher(directory, MatchConfig())
    baseline = Bm25Baseline(directory)

    ranked: dict[tuple[str, str], list[list[str]]] = {}
    seconds: dict[str, float] = {}
    for lang in ("korean", "english"):
        texts = needs[lang].tolist()
        t0 = time.perf_counter()
        result = matcher.shortlist_many([Need(str(i), t) for i, t in enumerate(texts)], top=10)
        seconds[lang] = time.perf_counter() - t0
        by_need = result.groupby("need_id", sort=False)["account_number"].apply(list).to_dict()
        ranked["matcher", lang] = [by_need.get(str(i), []) for i in range(len(texts))]
        ranked["bm25", lang] = [list(baseline.accounts[idx]) for idx in baseline.top_indices(texts, k=10)]

    scores = {key: (np.array([ndcg_at(r, rel) for r, rel in zip(lists, relevant)]),
                    np.array([precision_at(r, rel) for r, rel in zip(lists, relevant)]))
              for key, lists in ranked.items()}

    if args.verbose:
        print(f"\n{'need':<5} {'mK':>5} {'mE':>5} {'bK':>5} {'bE':>5}  groups of the matcher's top 5 (Korean)  | need")
        for i, row in needs.iterrows():
            top = [str(group_of.get(a)) for a in ranked["matcher", "korean"][i][:5]]
            cells = " ".join(f"{scores[k][0][i]:5.2f}" for k in
                             (("matcher", "korean"), ("matcher", "english"), ("bm25", "korean"), ("bm25", "english")))
            print(f"{row.need_id:<5} {cells}  {' '.join(top):<39} | {row.relevant_naics4:<15} {row.korean}")

    labels = {"matcher": "mwbe_match Matcher (defaults)", "bm25": f"plain BM25 ({baseline.engine})"}
    width = max(len(v) for v in labels.values()) + 10
    print(f"\n{'ranker':<{width}}  nDCG@10   P@10")
    for engine in ("matcher", "bm25"):
        for lang in ("korean", "english"):
            nd, p = scores[engine, lang]
            extra = f"   ({len(needs)} needs in {seconds[lang]:.2f} s)" if engine == "matcher" else ""
            print(f"{labels[engine] + ', ' + lang:<{width}}  {nd.mean():7.3f}  {p.mean():6.3f}{extra}")
    k, e = scores["matcher", "korean"][0].mean(), scores["matcher", "english"][0].mean()
    print(f"\nKorean / English nDCG@10 (matcher): {k / e if e else float('nan'):.0%}")
    print("Targets: Korean >= 90% of English; English nDCG@10 >= 0.70.")


if __name__ == "__main__":
    main()
