"""Supplier verification (match_names): accuracy on real names, and speed, next to rapidfuzz extractOne.

    python benchmarks/names.py [--seed 7] [--queries 10000] [--sizes 11000 100000]

Accuracy. The shared real extract is split (seeded) 70/30 by firm. The 70% is
the directory. Queries are variants of its names, one per applicable kind:

    suffix_changed   the legal form swapped for another (Inc. -> LLC)
    suffix_dropped   the legal form removed
    upper            upper case
    no_punct         every punctuation mark removed (& too)
    and_swap         "&" <-> "and"
    typo             two adjacent letters swapped (outside the legal form)
    generic_dropped  a generic word (Group, Services, ...) removed
    dba              the firm's DBA instead of its formal name

plus the formal names of the held-out 30% ("held_out"), firms that must not
match. A query is a *predicted match* when its status is ``exact`` or
``strong`` (``possible`` means "review", so it does not count; the table
also shows the figures if it did). Precision = correct account among
predicted matches (a held-out name matched to anything is a false positive);
recall = correct account among variant queries. ``match_names`` runs at its
default threshold. The anchor is ``process.extractOne(q, names_and_dbas,
scorer=fuzz.WRatio, processor=utils.default_process)`` with its threshold
tuned on the answers (best F1), which flatters it.

Punctuation variants (no_punct, and_swap, amp_spacing, no_periods, no_commas,
co_company, apostrophe, hyphen, punct_added) are reported together; the hard
kinds (word_dropped: a distinctive word left out; two_typos) are kept out of
the exact/strong precision/recall and feed the possible-tier table: how many
``possible`` rows are the right firm, and how many real names *not* in the
directory come back ``possible`` (the held-out 30%, and a second split: the
index on a random half, the other half's names as queries), before
(``VerifyConfig(require_distinctive=False)``, the plain score band) and after.

Speed. 10,000 queries (variants and held-out names, resampled) against
directories of 11,000 and 100,000 firms: the real 70% plus synthetic firms
whose names recombine real name words, and splice pieces of two words into
new ones (seeded), so the vocabulary grows with the directory. Times the
index build and the query separately, next to the extractOne loop (timed on a
subsample and extrapolated; the output says so). Targets: 10k queries in
< 5 s at 11k firms and < 30 s at 100k firms on 2 cores.

``--scale`` adds the scale curve (11,000 / 100,000 / 1,000,000 firms, one
process per size so each peak memory is its own): build, the first and a
repeated ``match`` of one index, two ``match_names`` calls on the same frame
(the second reuses the index), peak memory, log-log slopes, and at 11,000 the
same-run anchor ``process.cdist`` (every query against every normalized name,
``workers=-1``).

Baseline before the issue-16 work (commit 010f5e3, same script, 10,000 queries,
2 cores shared with other jobs, so wall times vary by 2-3x between runs):
11,000 firms: build 0.38 s, match 0.79 s wall on a quiet machine (CPU: build
0.37 s, match 0.75-0.82 s); a second ``match_names`` call rebuilt the index.
100,000 firms: build 3.65 s, match 4.17 s (quiet). 1,000,000 firms: build
132 s, match 195 s, peak 8.6 GB, recall 0.949 (loaded machine).

After (same machine, same conditions, CPU seconds where the load made wall times
meaningless): 11,000 firms: build 0.18 s, match 0.57-0.60 s; a second
``match_names`` call reuses the index, so it costs the match only (about 2x
today's call, which rebuilt the index each time). 1,000,000 firms: match 3.5 s
CPU (6.9 s wall; 195 s before), peak 3.9 GB through the first match of which
1.8 GB is the directory frame itself, recall 0.953. Accuracy on the real split:
exact/strong unchanged (precision 1.000, recall 0.997); ``possible`` rows right
0.920 -> 0.989; real names not in the directory shown as ``possible``: 16.3% ->
2.0% (held-out 30%), 11.5% -> 1.0% (half split).

Second pass (index build and candidate search memory-lean: trigram codes in blocks numbered by hashing, CSR
counts weighted in place, exact look-ups hashed once per directory, fingerprint from the Arrow buffers,
names read from Arrow, corroborating columns made on first use, trigram blocks on ``workers`` threads;
outputs identical to the first pass on every benchmark query, for any ``workers``). The table "First and
repeated match_names call" times both libraries in the same run; on 2 cores shared by ~10 busy processes
(load 9-11, so wall times are 5-8x a quiet machine's): 11,000 firms, first call 1.87x faster than 010f5e3
(CPU 1.73x: 0.75 s against 1.31 s), repeated call 2.04x (CPU 2.24x); 100,000 firms: first 4.40x (CPU
2.97x), repeated 8.17x (CPU 6.09x). 1,000,000 firms, one first match_names call (per-stage timer, same
load): CPU 41.7 s -> 19.7 s, peak resident memory 3.90 GB -> 2.86 GB, of which 1.78 GB is the directory
frame (the index and the call: 2.12 GB -> 1.08 GB). Accuracy unchanged.

Third pass (the first call; outputs identical to the second pass, checked frame by frame with
``benchmarks/names_same.py``): each name similarity only for the pairs where it can decide the score,
decisions from candidate positions (numpy, no groupby), explanations worded once per distinct wording,
certification notes at once, ASCII keys split by a byte table (no regular expressions), trigram products in
blocks of 256 queries, one take when ranking, the fingerprint's bytes hashed with SHA-256. Same table, medians
of 5 fresh processes, load 8-11 on the 2 cores: 11,000 firms, first call 2.19x faster than 010f5e3 (CPU
2.42x: 0.70 s against 1.70 s), repeated call 3.11x (CPU 3.20x).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process, utils

import mwbe_match
from mwbe_match.verify import DEFAULT_THRESHOLD, NameIndex, VerifyConfig

from _common import REAL_SAMPLE  # noqa: E402

MATCH = ("exact", "strong")
LEGAL = ["Inc.", "Inc", "LLC", "Corp.", "Corp", "Corporation", "Co.", "Company", "Ltd.", "PLLC",
         "P.C.", "LLP", "L.L.C.", "Incorporated", "Limited"]
_LEGAL_TAIL = re.compile(
    r"(?:,?\s+(?:inc\.?|incorporated|corp\.?|corporation|co\.?|company|llc\.?|l\.l\.c\.?|ltd\.?|limited|"
    r"pllc|p\.c\.|pc|llp|dpc))+\s*$", re.IGNORECASE)
GENERIC = ["Group", "Services", "Service", "Solutions", "Consulting", "Enterprises", "Associates",
           "Systems", "Industries", "International", "Global", "Holdings", "Partners"]
PUNCTUATION_KINDS = ["no_punct", "and_swap", "amp_spacing", "no_periods", "no_commas", "co_company",
                     "apostrophe", "hyphen", "punct_added"]
HARD_KINDS = ["word_dropped", "two_typos"]
KINDS = ["suffix_changed", "suffix_dropped", "upper", *PUNCTUATION_KINDS, "typo",
         "generic_dropped", "dba", *HARD_KINDS, "held_out"]


# --------------------------------------------------------------------------- variants


def split_legal(name: str) -> tuple[str, str]:
    m = _LEGAL_TAIL.search(name)
    if not m or m.start() == 0:
        return name, ""
    return name[:m.start()], name[m.start():]


def transpose(name: str, rng: np.random.Generator) -> str | None:
    body, tail = split_legal(name)
    spots = [i for i in range(len(body) - 1)
             if body[i].isalpha() and body[i + 1].isalpha() and body[i].lower() != body[i + 1].lower()]
    if not spots:
        return None
    i = spots[rng.integers(len(spots))]
    return body[:i] + body[i + 1] + body[i] + body[i + 2:] + tail


def variants(firm: pd.Series, rng: np.random.Generator) -> list[tuple[str, str]]:
    name = firm["name"]
    out: list[tuple[str, str]] = []
    body, tail = split_legal(name)
    if tail:
        current = tail.strip(" ,").lower()
        others = [f for f in LEGAL if f.lower() != current]
        out.append(("suffix_changed", f"{body} {others[rng.integers(len(others))]}"))
        out.append(("suffix_dropped", body))
    out.append(("upper", name.upper()))
    stripped = re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", name)).strip()
    if stripped and stripped != name:
        out.append(("no_punct", stripped))
    if "&" in name:
        out.append(("and_swap", re.sub(r"\s*&\s*", " and ", name)))
        spaced = re.sub(r"\s*&\s*", " & ", name)
        out.append(("amp_spacing", spaced if spaced != name else re.sub(r"\s*&\s*", "&", name)))
    elif re.search(r"\band\b", name, re.IGNORECASE):
        out.append(("and_swap", re.sub(r"\s+and\s+", " & ", name, flags=re.IGNORECASE)))
    if "." in name:
        out.append(("no_periods", name.replace(".", "")))
    if "," in name:
        out.append(("no_commas", name.replace(",", "")))
    co_tail = re.search(r"\bco\b\.?", tail, re.IGNORECASE)
    if co_tail:  # the legal form Co. written out, or the other way
        out.append(("co_company", body + tail[:co_tail.start()] + "Company" + tail[co_tail.end():]))
    elif re.search(r"\bcompany\b", tail, re.IGNORECASE):
        out.append(("co_company", body + re.sub(r"\bcompany\b", "Co.", tail, flags=re.IGNORECASE)))
    if "'" in name or "\u2019" in name:
        out.append(("apostrophe", re.sub("['\u2019]", "" if rng.random() < 0.5 else " ", name)))
    elif re.search(r"[a-z]s\b", body):
        # a possessive-looking word given an apostrophe ("Kims Deli" -> "Kim's Deli")
        out.append(("apostrophe", re.sub(r"([a-z])s\b", r"\1's", body, count=1) + tail))
    if "-" in name:
        out.append(("hyphen", name.replace("-", " " if rng.random() < 0.5 else "")))
    if tail and not tail.rstrip().endswith(".") and re.search(r"(inc|corp|co|ltd)$", tail.strip(), re.IGNORECASE):
        out.append(("punct_added", f"{body.rstrip(',')}, {tail.strip(' ,')}."))
    typo = transpose(name, rng)
    if typo:
        out.append(("typo", typo))
    words = body.split()
    generic = [i for i, w in enumerate(words) if w.strip(",.") in GENERIC]
    if generic and len(words) > 1:
        i = generic[rng.integers(len(generic))]
        out.append(("generic_dropped", " ".join(words[:i] + words[i + 1:]) + tail))
    dba = firm["dba"]
    if isinstance(dba, str) and dba.strip() and dba.strip().lower() != name.strip().lower():
        out.append(("dba", dba))
    distinct = [i for i, w in enumerate(words) if w.strip(",.") not in GENERIC and len(w) > 2]
    if len(words) >= 3 and len(distinct) >= 2:  # a vendor master that kept only part of the name
        i = distinct[rng.integers(len(distinct))]
        out.append(("word_dropped", " ".join(words[:i] + words[i + 1:]) + tail))
    once = transpose(name, rng)
    twice = transpose(once, rng) if once else None
    if twice and twice != name:
        out.append(("two_typos", twice))
    return out


def make_queries(directory: pd.DataFrame, held_out: pd.DataFrame, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for _, firm in directory.iterrows():
        for kind, text in variants(firm, rng):
            rows.append((kind, text, firm["account_number"]))
    for _, firm in held_out.iterrows():
        rows.append(("held_out", firm["name"], None))
    return pd.DataFrame(rows, columns=["kind", "query", "truth"])


# --------------------------------------------------------------------------- scoring


def precision_recall(kind: pd.Series, truth: pd.Series, predicted: pd.Series, matched: pd.Series) -> dict:
    """predicted: account per query; matched: bool, whether it counts as a predicted match."""
    truth = truth.astype(object).where(truth.notna(), None)
    predicted = predicted.astype(object).where(predicted.notna(), None)
    correct = matched & (predicted == truth) & truth.notna()
    positives = truth.notna()
    out = {"precision": correct.sum() / max(matched.sum(), 1), "recall": correct[positives].mean(),
           "n_pred": int(matched.sum()), "false_pos": int((matched & ~correct).sum())}
    per = {}
    for k in KINDS:
        sel = kind == k
        if not sel.any():
            continue
        if k == "held_out":
            per[k] = (int(sel.sum()), 1 - matched[sel].mean(), "rejected")
        else:
            per[k] = (int(sel.sum()), correct[sel].mean(), "recall")
    out["per_kind"] = per
    return out


def anchor(queries: list[str], index_names: list[str], accounts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scores = np.zeros(len(queries))
    found = np.empty(len(queries), dtype=object)
    for i, q in enumerate(queries):
        hit = process.extractOne(q, index_names, scorer=fuzz.WRatio, processor=utils.default_process)
        if hit is not None:
            scores[i], found[i] = hit[1], accounts[hit[2]]
    return scores, found


def aliases(directory: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    names = directory["name"].astype(object).tolist()
    accounts = directory["account_number"].astype(object).tolist()
    dbas = directory[directory["dba"].notna()]
    names += dbas["dba"].astype(object).tolist()
    accounts += dbas["account_number"].astype(object).tolist()
    return names, np.asarray(accounts, dtype=object)


def best_threshold(q: pd.DataFrame, scores: np.ndarray, found: np.ndarray) -> tuple[float, dict]:
    best = None
    for t in np.arange(50, 100.5, 0.5):
        r = precision_recall(q["kind"], q["truth"], pd.Series(found), pd.Series(scores >= t))
        f1 = 2 * r["precision"] * r["recall"] / max(r["precision"] + r["recall"], 1e-9)
        if best is None or f1 > best[0]:
            best = (f1, t, r)
    return best[1], best[2]


# --------------------------------------------------------------------------- synthetic directories


def synthetic_directory(real: pd.DataFrame, size: int, seed: int) -> pd.DataFrame:
    """The real firms plus synthetic ones named by recombining (and splicing) real name words."""
    rng = np.random.default_rng(seed)
    extra = size - len(real)
    if extra <= 0:
        return real.iloc[:size]
    words = [w for n in real["name"].astype(object) for w in split_legal(n)[0].split()
             if len(w) > 2 and w.strip(",.") not in GENERIC]
    words = np.asarray(words, dtype=object)
    generic = np.asarray(GENERIC, dtype=object)
    legal = np.asarray(LEGAL, dtype=object)

    def word(splice: bool) -> str:
        a = words[rng.integers(len(words))]
        while splice:  # a new word from two real ones: grows the vocabulary with the directory
            b = words[rng.integers(len(words))]
            new = a[: rng.integers(2, len(a) + 1)] + b[rng.integers(0, max(1, len(b) - 2)):].lower()
            if new.lower() not in (a.lower(), b.lower()):
                return new
        return a

    def name() -> str:
        # At least one spliced word per name, so a synthetic firm is rarely a real firm's twin.
        n_words = rng.integers(1, 4)
        spliced = rng.integers(n_words)
        parts = [word(i == spliced or rng.random() < 0.3) for i in range(n_words)]
        if rng.random() < 0.5:
            parts.append(generic[rng.integers(len(generic))])
        if rng.random() < 0.8:
            parts.append(legal[rng.integers(len(legal))])
        return " ".join(parts)

    names = [name() for _ in range(extra)]
    dbas = [name() if rng.random() < 0.1 else None for _ in range(extra)]
    template = real.iloc[rng.integers(0, len(real), extra)].reset_index(drop=True).copy()
    template["account_number"] = pd.array([f"S{i:07d}" for i in range(extra)], dtype=real["account_number"].dtype)
    template["name"] = pd.array(names, dtype=real["name"].dtype)
    template["dba"] = pd.array(dbas, dtype=real["dba"].dtype)
    return pd.concat([real, template], ignore_index=True)


def speed_queries(big: pd.DataFrame, held_out: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """``n`` distinct queries: the held-out names, then one random variant each of random firms."""
    rng = np.random.default_rng(seed)
    rows = [("held_out", name, None) for name in held_out["name"].astype(object)]
    seen = {r[1] for r in rows}
    for i in rng.permutation(len(big)):
        if len(rows) >= n:
            break
        firm = big.iloc[i]
        options = [v for v in variants(firm, rng) if v[0] not in HARD_KINDS]
        kind, text = options[rng.integers(len(options))]
        if text not in seen:
            seen.add(text)
            rows.append((kind, text, firm["account_number"]))
    out = pd.DataFrame(rows, columns=["kind", "query", "truth"])
    return out.sample(frac=1, random_state=seed).reset_index(drop=True)


# --------------------------------------------------------------------------- report


def verify_config(require_distinctive: bool) -> VerifyConfig:
    """The settings with or without the distinctive-word rule (a library without the setting: its default)."""
    try:
        return VerifyConfig(require_distinctive=require_distinctive)
    except TypeError:
        return VerifyConfig()


def fmt_pr(r: dict) -> str:
    return f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  ({r['n_pred']} predicted, {r['false_pos']} wrong)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[11_000, 100_000])
    parser.add_argument("--anchor-sample", type=int, default=300,
                        help="queries timed for the extractOne loop at each size (extrapolated)")
    parser.add_argument("--sample", type=Path, default=REAL_SAMPLE)
    parser.add_argument("--scale", action="store_true", help="also print the scale curve (one process per size)")
    parser.add_argument("--scale-sizes", type=int, nargs="+", default=[11_000, 100_000, 1_000_000])
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", default=BASELINE,
                        help="git revision of the library timed next to this tree: the first and a repeated "
                             "match_names call at each size, each in a fresh process (default %(default)s, "
                             "before the issue-16 work; '' skips it)")
    parser.add_argument("--call-repeats", type=int, default=3, help="fresh processes per size and library (median)")
    parser.add_argument("--calls", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_size:
        one_size(args)
        return 0
    if args.calls:
        calls(args)
        return 0
    if not args.sample.is_file():
        print(f"the shared real extract is not at {args.sample} (it is not shipped with the project); "
              "pass --sample PATH", file=sys.stderr)
        return 2
    full, directory, held_out, rng = split_real(args.sample, args.seed)
    q = make_queries(directory, held_out, args.seed)
    print(f"mwbe_match {mwbe_match.__version__}, rapidfuzz {__import__('rapidfuzz').__version__}, "
          f"{os.cpu_count()} CPUs; real extract {len(full)} firms -> directory {len(directory)}, "
          f"held out {len(held_out)}; {len(q)} queries (seed {args.seed})")

    # -- accuracy --------------------------------------------------------------------------
    hard = q["kind"].isin(HARD_KINDS).to_numpy()
    easy = q[~hard].reset_index(drop=True)
    runs = {}
    for label, config in (("before", verify_config(False)), ("after", verify_config(True))):
        res = NameIndex(directory, config).match(q["query"].tolist()).reset_index(drop=True)
        runs[label] = res
    names, accounts = aliases(directory)
    a_scores, a_found = anchor(easy["query"].tolist(), names, accounts)
    a_t, anc = best_threshold(easy, a_scores, a_found)

    res = runs["after"]
    status = res["status"].astype(object)
    acct = res["account_number"].astype(object)
    ours = precision_recall(easy["kind"], easy["truth"], acct[~hard].reset_index(drop=True),
                            status[~hard].isin(MATCH).reset_index(drop=True))
    ours_p = precision_recall(easy["kind"], easy["truth"], acct[~hard].reset_index(drop=True),
                              status[~hard].isin(MATCH + ("possible",)).reset_index(drop=True))
    print(f"\nAccuracy on the real 70/30 split (predicted match = exact/strong; default threshold "
          f"{DEFAULT_THRESHOLD:g}; the variants below, without the hard kinds {', '.join(HARD_KINDS)}):")
    print(f"  match_names              {fmt_pr(ours)}")
    print(f"  match_names (+possible)  {fmt_pr(ours_p)}")
    print(f"  extractOne WRatio @ {a_t:g}  {fmt_pr(anc)}   [threshold tuned on the answers]")
    print("  target: precision >= 0.995, recall >= 0.99")
    print(f"\n  {'variant':<16} {'n':>5} {'measure':>9} {'match_names':>12} {'+possible':>10} {'extractOne':>11}")
    for k in KINDS:
        if k not in ours["per_kind"]:
            continue
        n, v, what = ours["per_kind"][k]
        print(f"  {k:<16} {n:>5} {what:>9} {v:>12.3f} {ours_p['per_kind'][k][1]:>10.3f} "
              f"{anc['per_kind'][k][1]:>11.3f}")
    punct = easy["kind"].isin(PUNCTUATION_KINDS).to_numpy()
    right = (acct[~hard].reset_index(drop=True) == easy["truth"]) & status[~hard].isin(MATCH).reset_index(drop=True)
    print(f"  punctuation variants ({', '.join(PUNCTUATION_KINDS)}): recall {right[punct].mean():.3f} "
          f"of {int(punct.sum())} (target >= 0.99)")
    counts = status.value_counts()
    print("\n  statuses: " + ", ".join(f"{s} {int(counts.get(s, 0))}" for s in
                                       ("exact", "strong", "possible", "none", "invalid")))
    wrong = res.assign(kind=q["kind"], truth=q["truth"])
    wrong = wrong[status.isin(MATCH) & (wrong["account_number"].astype(object) != wrong["truth"])]
    for row in wrong.head(8).itertuples():
        print(f"  false positive [{row.kind}] {row.input_name!r} -> {row.matched_name!r} ({row.score:g}, {row.status})")

    # -- the possible tier -------------------------------------------------------------------
    # a second split: the index on a random half, the other half's formal names must not match
    half = rng.permutation(len(full))
    in_half = full.iloc[np.sort(half[: len(full) // 2])].reset_index(drop=True)
    out_half = full.iloc[np.sort(half[len(full) // 2:])].reset_index(drop=True)
    print("\nThe possible tier, before (score band only: VerifyConfig(require_distinctive=False)) and after "
          "(a possible must share distinctive name words), same run:")
    print(f"  {'':<8} {'possible rows':>13} {'right':>7} {'precision':>10} {'held-out 30%: possible':>23} "
          f"{'half split: possible':>21} {'half split: exact/strong':>25}")
    for label, config in (("before", verify_config(False)), ("after", verify_config(True))):
        r = runs[label]
        st = r["status"].astype(object)
        poss = (st == "possible").to_numpy()
        ok = poss & (r["account_number"].astype(object) == q["truth"]).fillna(False).to_numpy(dtype=bool)
        held = (q["kind"] == "held_out").to_numpy()
        hs = NameIndex(in_half, config).match(out_half["name"].tolist())["status"].astype(object)
        print(f"  {label:<8} {int(poss.sum()):>13} {int(ok.sum()):>7} {ok.sum() / max(poss.sum(), 1):>10.3f} "
              f"{poss[held].mean():>23.3f} {(hs == 'possible').mean():>21.3f} {hs.isin(MATCH).mean():>25.3f}")
    print(f"  (possible precision over all {len(q)} queries, hard kinds included; held-out and half-split "
          f"columns: share of real names not in the directory ({int((q['kind'] == 'held_out').sum())} and "
          f"{len(out_half)}) shown as possible or matched). Target: precision >= 0.60")
    r = runs["after"]
    wrong_p = r.assign(kind=q["kind"], truth=q["truth"])
    wrong_p = wrong_p[(wrong_p["status"].astype(object) == "possible")
                      & (wrong_p["account_number"].astype(object) != wrong_p["truth"])]
    for row in wrong_p.head(5).itertuples():
        print(f"  wrong possible [{row.kind}] {row.input_name!r} -> {row.matched_name!r} ({row.score:g})")

    # -- speed -----------------------------------------------------------------------------
    print(f"\nSpeed: {args.queries} distinct queries (one variant each of random firms of the directory, "
          f"and the held-out names; seed {args.seed}); "
          f"extractOne loop timed on {args.anchor_sample} queries and extrapolated")
    print(f"  {'firms':>7} {'build s':>8} {'match s':>8} {'total s':>8} {'extractOne s (extrap.)':>23} "
          f"{'speed-up':>9} {'target s':>9} {'precision':>10} {'recall':>7}")
    for size in args.sizes:
        big = synthetic_directory(directory, size, args.seed + size)
        big_q = speed_queries(big, held_out, args.queries, args.seed)
        t0 = time.perf_counter()
        big_index = NameIndex(big)
        t1 = time.perf_counter()
        big_res = big_index.match(big_q["query"].tolist())
        t2 = time.perf_counter()
        st = big_res["status"].astype(object).reset_index(drop=True)
        pr = precision_recall(big_q["kind"], big_q["truth"], big_res["account_number"].reset_index(drop=True),
                              st.isin(MATCH))
        names, accounts = aliases(big)
        sub = big_q["query"].tolist()[: args.anchor_sample]
        t3 = time.perf_counter()
        anchor(sub, names, accounts)
        t4 = time.perf_counter()
        anchor_s = (t4 - t3) / len(sub) * args.queries
        target = 5.0 if size <= 11_000 else 30.0
        print(f"  {size:>7} {t1 - t0:>8.2f} {t2 - t1:>8.2f} {t2 - t0:>8.2f} {anchor_s:>23.1f} "
              f"{anchor_s / (t2 - t1):>8.0f}x {target:>9g} {pr['precision']:>10.3f} {pr['recall']:>7.3f}")
    print("  (speed-up = extractOne loop / match time; precision/recall here include synthetic distractor firms)")
    if args.baseline:
        first_calls(args)
    if args.scale:
        scale(args)
    return 0


# --------------------------------------------------------------------------- first call, next to a baseline

#: The library before the issue-16 work (index rebuilt on every call, per-name normalization).
BASELINE = "010f5e3"


def calls(args: argparse.Namespace) -> None:
    """In this process (a fresh one, run by :func:`first_calls`): two ``match_names`` calls of the speed
    queries on one directory frame, wall and CPU seconds (the first builds the name index)."""
    import json
    full, directory, held_out, rng = split_real(args.sample, args.seed)
    big = synthetic_directory(directory, args.calls, args.seed + args.calls)
    queries = speed_queries(big, held_out, args.queries, args.seed)["query"].tolist()
    out = {}
    for label in ("first", "again"):
        t0, c0 = time.perf_counter(), time.process_time()
        mwbe_match.match_names(queries, big)
        out[label], out[f"{label}_cpu"] = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps(out))


def first_calls(args: argparse.Namespace) -> None:
    """The first and a repeated ``match_names`` call, this tree next to ``--baseline`` (its ``mwbe_match``
    taken with ``git archive`` into a temporary folder), alternating fresh processes; medians."""
    import io
    import json
    import statistics
    import subprocess
    import tarfile
    import tempfile
    root = Path(__file__).resolve().parents[1]
    archive = subprocess.run(["git", "-C", str(root), "archive", args.baseline, "mwbe_match"],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        print(f"\n(baseline {args.baseline!r} not available: {archive.stderr.decode().strip()})")
        return
    print(f"\nFirst and repeated match_names call ({args.queries} queries, one directory frame, a fresh "
          f"process each; medians of {args.call_repeats}, alternating), next to {args.baseline} in the same run:")
    print(f"  {'firms':>7} {'library':>10} {'1st s':>7} {'1st CPU':>8} {'2nd s':>7} {'2nd CPU':>8}")
    with tempfile.TemporaryDirectory() as base:
        tarfile.open(fileobj=io.BytesIO(archive.stdout)).extractall(base, filter="data")
        for size in args.sizes:
            runs: dict[str, list[dict]] = {"this tree": [], args.baseline: []}
            for _ in range(args.call_repeats):
                for label, path in (("this tree", str(root)), (args.baseline, base)):
                    cmd = [sys.executable, __file__, "--calls", str(size), "--queries", str(args.queries),
                           "--seed", str(args.seed), "--sample", str(args.sample)]
                    done = subprocess.run(cmd, capture_output=True, text=True, check=False,
                                          env={**os.environ, "PYTHONPATH": path})
                    if done.returncode != 0:
                        print(f"  {size:>7} {label}: failed: {done.stderr.strip().splitlines()[-1:]}")
                        return
                    runs[label].append(json.loads(done.stdout.strip().splitlines()[-1]))
            med = {label: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for label, rs in runs.items()}
            for label, m in med.items():
                print(f"  {size:>7} {label:>10} {m['first']:>7.2f} {m['first_cpu']:>8.2f} {m['again']:>7.2f} "
                      f"{m['again_cpu']:>8.2f}")
            old, new = med[args.baseline], med["this tree"]
            print(f"  {size:>7} {'speed-up':>10} {old['first'] / new['first']:>6.2f}x "
                  f"{old['first_cpu'] / new['first_cpu']:>7.2f}x {old['again'] / new['again']:>6.2f}x "
                  f"{old['again_cpu'] / new['again_cpu']:>7.2f}x")
    print("  (1st: the call that builds the name index; 2nd: the same call again. Target: 1st at least 2x "
          "faster than the baseline at 11,000 firms)")


# --------------------------------------------------------------------------- scale


def split_real(sample: Path, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, np.random.Generator]:
    """The real extract's unique firms, a seeded 70/30 split of them and the generator that drew it
    (all, directory, held out, generator)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = mwbe_match.unique_firms(mwbe_match.load_directory(sample)).reset_index(drop=True)
    rng = np.random.default_rng(seed)
    perm = rng.permutation(len(full))
    cut = int(round(0.7 * len(full)))
    directory = full.iloc[np.sort(perm[:cut])].reset_index(drop=True)
    held_out = full.iloc[np.sort(perm[cut:])].reset_index(drop=True)
    return full, directory, held_out, rng


def one_size(args: argparse.Namespace) -> dict:
    """One directory size, in this process (run by :func:`scale` in a fresh process per size, so the peak
    memory is this size's): index build, the first and a repeated ``match`` of the same index, and two
    ``match_names`` calls on the same directory frame (rebuilding the index, or reusing it)."""
    import json
    import resource
    full, directory, held_out, rng = split_real(args.sample, args.seed)
    big = synthetic_directory(directory, args.one_size, args.seed + args.one_size)
    big_q = speed_queries(big, held_out, args.queries, args.seed)
    queries = big_q["query"].tolist()
    out: dict = {"firms": args.one_size, "queries": len(queries)}

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2

    out["peak_gb_directory"] = peak()
    t0 = time.perf_counter()
    index = NameIndex(big)
    t1 = time.perf_counter()
    c1 = time.process_time()
    res = index.match(queries)
    t2 = time.perf_counter()
    c2 = time.process_time()
    index.match(queries)
    t3 = time.perf_counter()
    out["match_cpu"] = c2 - c1
    out["peak_gb_match"] = peak()
    del index  # match_names builds (and keeps) its own
    mwbe_match.match_names(queries, big)
    t4 = time.perf_counter()
    mwbe_match.match_names(queries, big)
    t5 = time.perf_counter()
    out.update(build=t1 - t0, match=t2 - t1, again=t3 - t2, match_names_1=t4 - t3, match_names_2=t5 - t4)
    st = res["status"].astype(object).reset_index(drop=True)
    pr = precision_recall(big_q["kind"], big_q["truth"], res["account_number"].reset_index(drop=True),
                          st.isin(MATCH))
    out.update(precision=float(pr["precision"]), recall=float(pr["recall"]))
    if args.one_size <= 11_000:  # the same-run anchor: every pair of normalized names, all cores
        keys = [mwbe_match.verify.normalize_name(n) for n in aliases(big)[0]]
        qkeys = [mwbe_match.verify.normalize_name(n) for n in queries]
        t6 = time.perf_counter()
        scores = process.cdist(qkeys, keys, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
        scores.argmax(axis=1)
        out["cdist"] = time.perf_counter() - t6
    out["peak_gb"] = peak()
    print(json.dumps(out))
    return out


def scale(args: argparse.Namespace) -> None:
    """The scale curve: each size in a fresh process, with the log-log slope of the match time."""
    import json
    import subprocess
    print(f"\nScale: {args.queries} queries against synthetic directories, one process per size "
          f"(peak = the process's maximum resident memory)")
    print(f"  {'firms':>8} {'build s':>8} {'match s':>8} {'again s':>8} {'match_names s':>14} {'2nd call s':>11} "
          f"{'cdist s':>8} {'peak GB':>8} {'precision':>10} {'recall':>7}")
    rows = []
    for size in args.scale_sizes:
        cmd = [sys.executable, __file__, "--one-size", str(size), "--queries", str(args.queries),
               "--seed", str(args.seed), "--sample", str(args.sample)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"  {size:>8} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(r)
        cd = f"{r['cdist']:>8.2f}" if "cdist" in r else f"{'':>8}"
        print(f"  {size:>8} {r['build']:>8.2f} {r['match']:>8.2f} {r['again']:>8.2f} {r['match_names_1']:>14.2f} "
              f"{r['match_names_2']:>11.2f} {cd} {r['peak_gb']:>8.2f} {r['precision']:>10.3f} {r['recall']:>7.3f}")
    if len(rows) >= 2:
        x = np.log([r["firms"] for r in rows])
        for what in ("build", "match"):
            slope = np.polyfit(x, np.log([r[what] for r in rows]), 1)[0]
            print(f"  log-log slope of {what} time against firms: {slope:.2f}")
    print("  (again: the same NameIndex queried a second time; 2nd call: match_names on the same directory "
          "frame again, reusing the index it built; cdist: rapidfuzz process.cdist of every query against "
          "every normalized name, workers=-1, at 11,000 firms)")


if __name__ == "__main__":
    sys.exit(main())
