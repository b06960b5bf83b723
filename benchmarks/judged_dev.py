"""Per-need look at the judged benchmark's DEVELOPMENT needs only (held-out slices are dropped first).

    python benchmarks/judged_dev.py                       # per-need nDCG@10 of the library, dev needs
    python benchmarks/judged_dev.py --show V01 M03 ...    # top 10 with grades, missed ideal firms, reading
    python benchmarks/judged_dev.py --kind vague          # only one kind

Held-out needs (the slices of ``judged.HELD_OUT_SLICES`` whose label says "held out" and does not say
"looked at") are removed from the needs table before anything is ranked or printed: their text, results and
pooled firms are never shown here. ``judged.py score`` gives their slice totals.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import judged  # noqa: E402

from mwbe_match.engine import MatchConfig, Matcher, Need  # noqa: E402


def held_out_ids(needs: pd.DataFrame) -> set[str]:
    """Need ids of the slices still held out (never looked at per need)."""
    held = [(a, b) for a, b, label in judged.HELD_OUT_SLICES if "held out" in label and "looked at" not in label]
    out = set()
    for need in needs["need_id"]:
        m = re.fullmatch(r"J(\d+)", need)
        if m and any(a <= int(m.group(1)) <= b for a, b in held):
            out.add(need)
    return out


def development_needs() -> pd.DataFrame:
    needs = judged.load_needs()
    return needs[~needs["need_id"].isin(held_out_ids(needs))].reset_index(drop=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--show", nargs="*", default=[])
    p.add_argument("--kind", default=None)
    p.add_argument("--lang", default=None)
    p.add_argument("--config", default="", help="MatchConfig overrides, e.g. 'industry_weight=0.6,cover_parts=False'")
    args = p.parse_args()
    needs = development_needs()
    if args.kind:
        needs = needs[needs["kind"] == args.kind].reset_index(drop=True)
    qrels = judged.load_qrels()
    firms = judged.load_firms()
    overrides = {}
    for item in filter(None, args.config.split(",")):
        k, v = item.split("=")
        overrides[k] = eval(v)  # noqa: S307 - a developer's command line
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matcher = Matcher(firms, MatchConfig(as_of=judged.AS_OF, **overrides))
    langs = [args.lang] if args.lang else list(judged.LANGUAGES)
    info = firms.set_index("account_number")
    if args.show:
        for need_id in args.show:
            if need_id not in set(needs["need_id"]):
                print(f"{need_id}: not a development need (or filtered); skipped")
                continue
            row = needs[needs["need_id"] == need_id].iloc[0]
            q = qrels.get(need_id, {})
            print(f"=== {need_id} [{row.kind}] notes: {row.notes}")
            for lang in langs:
                text = row[f"text_{lang}"]
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    top = matcher.shortlist(text, top=10)
                    reading = matcher.read(text)
                ranked = list(top["account_number"])
                print(f"--- {lang}: {text}\n nDCG {judged.graded_ndcg(ranked, q):.3f}")
                print(f" understood: {reading.understood_terms}\n unknown: {reading.unknown_terms} "
                      f"unmatched: {reading.unmatched_words}\n hints: {reading.naics_hints}")
                for r, (_, t) in enumerate(top.iterrows(), 1):
                    a = t["account_number"]
                    g = q.get(a, "?")
                    print(f"  {r:2d} g={g} {t.get('score', 0):5.1f} {str(info.at[a, 'name'])[:40]:40s} "
                          f"{str(info.at[a, 'naics_code'])} {str(info.at[a, 'naics_title'])[:40]}")
                    print(f"       text {t['text_score']:.1f} ind {t['industry_score']:.1f} "
                          f"terms {list(t['matched_terms'])[:8]}")
            missed = [a for a, g in sorted(q.items(), key=lambda x: -x[1]) if g >= 1 and a in info.index][:10]
            print(" ideal firms (best 10 judged):")
            for a in missed[:15]:
                print(f"   g={q[a]} {a} {str(info.at[a, 'name'])[:40]:40s} {info.at[a, 'naics_code']} "
                      f"{str(info.at[a, 'naics_title'])[:45]} | {str(info.at[a, 'description'])[:90]}")
        return
    rows = []
    for lang in langs:
        texts = needs[f"text_{lang}"].tolist()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = matcher.shortlist_many([Need(str(i), t) for i, t in enumerate(texts)], top=10)
        by = res.groupby("need_id", sort=False)["account_number"].apply(list).to_dict()
        for i, need in enumerate(needs["need_id"]):
            ranked = by.get(str(i), [])
            q = qrels.get(need, {})
            rows.append({"need_id": need, "kind": needs["kind"][i], "lang": lang,
                         "ndcg": judged.graded_ndcg(ranked, q),
                         "unjudged": sum(1 for a in ranked if a not in q)})
    t = pd.DataFrame(rows)
    wide = t.pivot_table(index=["need_id", "kind"], columns="lang", values=["ndcg", "unjudged"], sort=False)
    with pd.option_context("display.float_format", "{:.2f}".format, "display.width", 160, "display.max_rows", 500):
        print(wide.to_string())
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 160):
        print("\nmeans (dev needs):")
        print(t.groupby(["lang", "kind"])["ndcg"].mean().unstack().assign(
            all=t.groupby("lang")["ndcg"].mean()).to_string())
        for lang, g in t.groupby("lang"):
            print(f"{lang}: {len(g)} needs, {int(g['unjudged'].sum())} returned firms unjudged (counted 0), "
                  f"judged share {1 - g['unjudged'].sum() / (10 * len(g)):.3f}")
        print("unjudged pairs:", int(t["unjudged"].sum()))


if __name__ == "__main__":
    main()
