"""Ranking quality on human judgments: a TREC-style pooled benchmark on the real extract.

    python benchmarks/judged.py pool            # write the pool of every system's top 10 to grade
    python benchmarks/judged.py pool --update   # add only the current library ranking's unjudged pairs
    python benchmarks/judged.py score           # graded nDCG@10, P@10 and judged share per system

How it is built (see benchmarks/judged/README.md and RULES.md):

- ``benchmarks/judged/needs.csv``: realistic procurement needs of Korean
  companies' NYC offices, each in English and an independently phrased
  Korean twin, marked ``specific``, ``vague`` or ``multi``.
- Systems: the library (``mwbe_match.Matcher`` with defaults on the shared
  real extract, ``shortlist(text, top=10)``), plain BM25 (the benchmarks'
  shared :class:`_common.Bm25Baseline`) and TF-IDF cosine (this script),
  each run on the English and on the Korean text.
- Pool: the union of every system's top 10 per (need, language), plus a
  browse pass (up to 10 firms of the NAICS codes an analyst would browse for
  the need, column ``browse_naics``; enriches the pool, is not scored), shuffled
  deterministically and written without system labels or ranks to
  ``benchmarks/judged/work/pool_to_judge.csv`` (gitignored: it holds the
  firms' descriptions, which stay in the shared extract).
- ``benchmarks/judged/qrels.csv``: one grade 0/1/2 per (need_id,
  account_number), shared by both languages of a need, graded under RULES.md.
- Metrics: graded nDCG@10 with gain ``2**grade - 1`` (0, 1, 3) and log2
  discount; the ideal DCG is the best 10 of *all* judged firms of the need
  (TREC style), so a system is not rewarded for finding few. ``nDCG_lin``
  uses gain = grade. P@10 counts firms graded >= 1; P2@10 counts grade 2.
  Unjudged firms and missing slots (fewer than 10 returned) count as 0;
  ``judged`` is the share of a system's returned top-10 firms that have a
  grade, so a reader sees when a change needs more judging.
"""

from __future__ import annotations

import datetime

import argparse
import csv
import hashlib
import math
import re
import sys
import warnings
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Bm25Baseline, baseline_documents, load_real_sample  # noqa: E402

from mwbe_match import unique_firms  # noqa: E402
from mwbe_match.certification import certification_status  # noqa: E402
from mwbe_match.engine import MatchConfig, Matcher  # noqa: E402
from mwbe_match.engine import Need  # noqa: E402

HERE = Path(__file__).resolve().parent / "judged"
NEEDS = HERE / "needs.csv"
QRELS = HERE / "qrels.csv"
POOL = HERE / "work" / "pool_to_judge.csv"
K = 10
LANGUAGES = ("en", "ko")
KINDS = ("specific", "vague", "multi")
#: Slices of needs written blind, reported apart: ``(first, last, label)`` over the J numbers.
#: J01-J36 (and V/M ids) were the needs the library's authors looked at while improving it.
#: J37-J50 were written blind on 2026-12-02 (session 19) after that session's ranking changes, by
#: someone who had not seen them; the next session (20) looked at them while tuning, so they are a
#: held-out slice for session 19's changes only. J51-J64 were written blind at the start of session
#: 20, before its changes, by a writer who saw only needs J01-J50 and RULES.md: the held-out slice
#: for session 20's changes. J65-J84 were written blind the same way right after, as that session's
#: development set (looked at while tuning, so no held-out measurement). J85-J98 were written blind at
#: the start of session 21, before its changes, by a writer who saw only needs J01-J84, RULES.md and the
#: README's opening: the held-out slice for session 21's changes. J99-J112 were written the same way
#: at the start of session 22 (held out for its changes), and J113-J126 at the start of session 23 by a
#: writer who saw only J01-J112, RULES.md, the README's opening and the extract's NAICS titles: the
#: held-out slice for session 23's changes.
HELD_OUT_SLICES: tuple[tuple[int, int, str], ...] = (
    (37, 50, "written blind in session 19, looked at while tuning in session 20"),
    (51, 64, "written blind at the start of session 20, before its changes: held out"),
    (65, 84, "written blind in session 20 as a development set: looked at while tuning"),
    (85, 98, "written blind at the start of session 21 (held out then), looked at while tuning in session 22"),
    (99, 112, "written blind at the start of session 22 (held out then), looked at while tuning in session 23"),
    (113, 126, "written blind at the start of session 23, before its changes: held out"),
)
POOL_COLUMNS = ("need_id", "need_text_en", "need_notes", "account_number", "name", "dba", "naics_title",
                "description", "job_1_description", "job_2_description", "job_3_description")
Ranker = Callable[[list[str]], list[list[str]]]


# --------------------------------------------------------------------------- inputs


def load_needs(path: Path = NEEDS) -> pd.DataFrame:
    """The needs (need_id, kind, text_en, text_ko, notes); errors name the file, line and problem."""
    needs = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"need_id", "kind", "text_en", "text_ko"} - set(needs.columns)
    if missing:
        sys.exit(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    for i, row in enumerate(needs.itertuples(index=False), start=2):
        if row.kind not in KINDS:
            sys.exit(f"{path}, line {i}: kind {row.kind!r} is not one of {', '.join(KINDS)}")
        if not row.text_en.strip() or not row.text_ko.strip():
            sys.exit(f"{path}, line {i}: need {row.need_id!r} lacks its English or Korean text")
    dup = needs["need_id"][needs["need_id"].duplicated()]
    if len(dup):
        sys.exit(f"{path}: need_id {dup.iloc[0]!r} occurs twice")
    return needs


def load_qrels(path: Path = QRELS) -> dict[str, dict[str, int]]:
    """need_id -> {account_number: grade}; a bad grade or a repeated pair is an error naming the line."""
    out: dict[str, dict[str, int]] = {}
    if not path.is_file():
        return out
    with open(path, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            need, account, grade = row["need_id"], row["account_number"], row["grade"].strip()
            if grade not in ("0", "1", "2"):
                sys.exit(f"{path}, line {i}: grade {grade!r} is not 0, 1 or 2")
            if account in out.setdefault(need, {}):
                sys.exit(f"{path}, line {i}: ({need}, {account}) is judged twice")
            out[need][account] = int(grade)
    return out


def load_firms() -> pd.DataFrame:
    """The shared real extract, one row per firm."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return unique_firms(load_real_sample()).reset_index(drop=True)


# --------------------------------------------------------------------------- systems

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_STOPWORDS = frozenset(
    "a an and are as at be but by for from if in into is it no not of on or our such that the their then there "
    "these they this to was we will with".split()
)


def tfidf_tokens(text: str) -> list[str]:
    """Lower-cased words of two or more characters, English stopwords removed (no stemming)."""
    return [w for w in _TOKEN.findall(text.lower()) if w not in _STOPWORDS]


class TfidfCosine:
    """TF-IDF cosine ranking over :func:`_common.baseline_documents`.

    Sublinear tf (1 + log tf), smoothed idf (log((1 + n) / (1 + df)) + 1),
    L2-normalized rows, the same for queries; the score is the dot product.
    """

    def __init__(self, firms: pd.DataFrame):
        self.accounts = firms["account_number"].astype(object).to_numpy()
        vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, doc in enumerate(baseline_documents(firms)):
            for w in tfidf_tokens(doc):
                rows.append(i)
                cols.append(vocab.setdefault(w, len(vocab)))
        n = len(self.accounts)
        tf = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocab)))
        tf.sum_duplicates()
        df = np.bincount(tf.indices, minlength=len(vocab))
        self.idf = np.log((1 + n) / (1 + df)) + 1
        self.vocab = vocab
        self.docs = self._weigh(tf)

    def _weigh(self, tf: sp.csr_matrix) -> sp.csr_matrix:
        w = tf.copy()
        w.data = (1 + np.log(w.data)) * self.idf[w.indices]
        norms = np.sqrt(np.asarray(w.multiply(w).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        return sp.diags(1 / norms) @ w

    def rank(self, queries: list[str], k: int = K) -> list[list[str]]:
        """Account numbers of the top ``k`` firms per query (only firms with a positive score)."""
        rows, cols = [], []
        for i, q in enumerate(queries):
            for w in tfidf_tokens(q):
                if w in self.vocab:
                    rows.append(i)
                    cols.append(self.vocab[w])
        tf = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(queries), len(self.vocab)))
        tf.sum_duplicates()
        scores = (self._weigh(tf) @ self.docs.T).toarray()
        out = []
        for s in scores:
            idx = np.argsort(-s, kind="stable")[:k]
            out.append(list(self.accounts[idx[s[idx] > 0]]))
        return out


#: The day certifications are judged on (fixed, so the figures do not drift as firms lapse).
AS_OF = datetime.date(2026, 12, 1)


def library_ranker(firms: pd.DataFrame) -> Ranker:
    """The library as its users run it: ``Matcher(directory).shortlist(text, top=10)`` (batched), lapsed firms
    left out, certifications judged on :data:`AS_OF`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matcher = Matcher(firms, MatchConfig(as_of=AS_OF))

    def rank(texts: list[str]) -> list[list[str]]:
        needs = [Need(str(i), t) for i, t in enumerate(texts)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = matcher.shortlist_many(needs, top=K)
        by_need = result.groupby("need_id", sort=False)["account_number"].apply(list).to_dict()
        return [list(by_need.get(str(i), [])) for i in range(len(texts))]

    return rank


def bm25_ranker(firms: pd.DataFrame) -> Ranker:
    baseline = Bm25Baseline(firms)
    return lambda texts: [list(baseline.accounts[idx]) for idx in baseline.top_indices(texts, k=K)]


def tfidf_ranker(firms: pd.DataFrame) -> Ranker:
    return TfidfCosine(firms).rank


SYSTEMS: dict[str, Callable[[pd.DataFrame], Ranker]] = {
    "library": library_ranker,
    "bm25": bm25_ranker,
    "tfidf": tfidf_ranker,
}


def rankings(needs: pd.DataFrame, firms: pd.DataFrame, systems: dict[str, Callable[[pd.DataFrame], Ranker]]
             = SYSTEMS) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(system, language) -> need_id -> the system's top-10 account numbers, best first."""
    out = {}
    for name, build in systems.items():
        ranker = build(firms)
        for lang in LANGUAGES:
            ranked = ranker(needs[f"text_{lang}"].tolist())
            out[(name, lang)] = dict(zip(needs["need_id"], ranked))
    return out


# --------------------------------------------------------------------------- pooling

#: firms per need that the browse pass adds to the pool
BROWSE_DEPTH = 10


def browse_run(needs: pd.DataFrame, firms: pd.DataFrame, depth: int = BROWSE_DEPTH) -> dict[str, list[str]]:
    """need_id -> up to ``depth`` firms of the NAICS codes in the need's ``browse_naics`` column.

    A pool-enrichment pass (TREC's "manual run"), not a scored system: what an
    analyst browsing the directory by industry would look at. The firms are
    picked by :func:`shuffle_key`, so the pass is deterministic and blind to
    every system's ranking. Space-separated NAICS prefixes; empty = no pass.
    """
    if "browse_naics" not in needs.columns:
        return {}
    codes = firms["naics_code"].astype(object).fillna("").astype(str)
    out = {}
    for need, prefixes in zip(needs["need_id"], needs["browse_naics"]):
        if not prefixes.strip():
            continue
        hit = firms["account_number"][codes.str.startswith(tuple(prefixes.split()))].tolist()
        out[need] = sorted(hit, key=lambda a: shuffle_key(need, a))[:depth]
    return out



def shuffle_key(need_id: str, account_number: str) -> str:
    """A deterministic, system-blind order of a need's pooled firms."""
    return hashlib.sha1(f"judged-pool:{need_id}:{account_number}".encode()).hexdigest()


def pool_pairs(runs: dict[tuple[str, str], dict[str, list[str]]], needs: pd.DataFrame,
               judged: dict[str, dict[str, int]] | None = None) -> list[tuple[str, str]]:
    """The union of every run's top 10 per need, minus ``judged`` pairs, needs in file order, firms shuffled."""
    judged = judged or {}
    pairs = []
    for need in needs["need_id"]:
        accounts = {a for run in runs.values() for a in run.get(need, [])[:K]}
        accounts -= set(judged.get(need, {}))
        pairs += [(need, a) for a in sorted(accounts, key=lambda a: shuffle_key(need, a))]
    return pairs


def pool_frame(pairs: list[tuple[str, str]], needs: pd.DataFrame, firms: pd.DataFrame) -> pd.DataFrame:
    """The file a judge reads: need text and notes with the firm's own words; no system, no rank."""
    info = firms.set_index("account_number")
    need_info = needs.set_index("need_id")
    rows = []
    for need, account in pairs:
        firm = info.loc[account]
        rows.append({"need_id": need, "need_text_en": need_info.at[need, "text_en"],
                     "need_notes": need_info.at[need, "notes"] if "notes" in need_info else "",
                     "account_number": account,
                     **{c: ("" if pd.isna(firm[c]) else str(firm[c])) for c in POOL_COLUMNS[4:]}})
    return pd.DataFrame(rows, columns=list(POOL_COLUMNS))


# --------------------------------------------------------------------------- metrics


def dcg(grades: list[int], gain: str = "exp") -> float:
    g = [(2 ** x - 1) if gain == "exp" else x for x in grades[:K]]
    return sum(v / math.log2(i + 2) for i, v in enumerate(g))


def graded_ndcg(ranked: list[str], qrels: dict[str, int], gain: str = "exp") -> float:
    """nDCG@10 with the ideal over every judged firm of the need; unjudged firms count as 0."""
    ideal = dcg(sorted(qrels.values(), reverse=True), gain)
    return dcg([qrels.get(a, 0) for a in ranked[:K]], gain) / ideal if ideal else 0.0


def precision(ranked: list[str], qrels: dict[str, int], min_grade: int = 1) -> float:
    """Share of the 10 slots holding a firm graded >= ``min_grade`` (missing slots are misses)."""
    return sum(1 for a in ranked[:K] if qrels.get(a, 0) >= min_grade) / K


def score_table(runs: dict[tuple[str, str], dict[str, list[str]]], needs: pd.DataFrame,
                qrels: dict[str, dict[str, int]]) -> pd.DataFrame:
    """One row per (system, language, need): ndcg, ndcg_lin, p10, p2_10, returned, judged."""
    rows = []
    kind = dict(zip(needs["need_id"], needs["kind"]))
    for (system, lang), run in runs.items():
        for need in needs["need_id"]:
            ranked, q = run.get(need, [])[:K], qrels.get(need, {})
            rows.append({"system": system, "language": lang, "need_id": need, "kind": kind[need],
                         "ndcg": graded_ndcg(ranked, q), "ndcg_lin": graded_ndcg(ranked, q, "lin"),
                         "p10": precision(ranked, q), "p2_10": precision(ranked, q, 2),
                         "returned": len(ranked), "judged": sum(1 for a in ranked if a in q)})
    return pd.DataFrame(rows)


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """Means per (system, language, kind) plus 'all'; judged = judged / returned over the group."""
    def agg(g: pd.DataFrame) -> pd.Series:
        returned = g["returned"].sum()
        return pd.Series({"needs": len(g), "nDCG@10": g["ndcg"].mean(), "nDCG_lin": g["ndcg_lin"].mean(),
                          "P@10": g["p10"].mean(), "P2@10": g["p2_10"].mean(),
                          "returned": returned / len(g),
                          "judged": g["judged"].sum() / returned if returned else float("nan")})

    parts = []
    for (system, lang), g in table.groupby(["system", "language"], sort=False):
        parts.append(agg(g).rename((system, lang, "all")))
        for kind in KINDS:
            sub = g[g["kind"] == kind]
            if len(sub):
                parts.append(agg(sub).rename((system, lang, kind)))
    out = pd.DataFrame(parts)
    out.index = pd.MultiIndex.from_tuples(out.index, names=["system", "language", "kind"])
    return out


# --------------------------------------------------------------------------- CLI


def paired_bootstrap(a: np.ndarray, b: np.ndarray, n: int = 10_000, seed: int = 13) -> tuple[float, float, float]:
    """Mean of ``a - b`` over needs and its 95% percentile interval (needs resampled with replacement)."""
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    rng = np.random.default_rng(seed)
    means = d[rng.integers(0, len(d), (n, len(d)))].mean(axis=1)
    return float(d.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def _write_atomically(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    frame.to_csv(tmp, index=False)
    tmp.replace(path)


def cmd_pool(update: bool, all_systems: bool = False) -> None:
    needs, firms = load_needs(), load_firms()
    judged = load_qrels()
    if not update:
        runs = rankings(needs, firms)
        runs[("browse", "-")] = browse_run(needs, firms)
        pairs = pool_pairs(runs, needs)
        _write_atomically(pool_frame(pairs, needs, firms), POOL)
        already = sum(1 for n, a in pairs if a in judged.get(n, {}))
        print(f"wrote {len(pairs)} pairs for {len({n for n, _ in pairs})} needs to {POOL}"
              + (f" ({already} of them already judged in {QRELS.name})" if already else ""))
        return
    # --update: the library's current top 10 (with all_systems: every system's, and the browse
    # pass, as a new need needs) minus what is judged, plus what an earlier pool file still
    # holds ungraded (so an update never drops pairs waiting for a judge)
    if all_systems:
        runs = rankings(needs, firms)
        runs[("browse", "-")] = browse_run(needs, firms)
    else:
        runs = rankings(needs, firms, {"library": SYSTEMS["library"]})
    new = pool_pairs(runs, needs, judged)
    waiting: list[tuple[str, str]] = []
    if POOL.is_file():
        old = pd.read_csv(POOL, dtype=str, keep_default_na=False)
        waiting = [(n, a) for n, a in zip(old["need_id"], old["account_number"])
                   if a not in judged.get(n, {}) and n in set(needs["need_id"])]
    order = {n: i for i, n in enumerate(needs["need_id"])}
    pairs = sorted(set(new) | set(waiting), key=lambda p: (order[p[0]], shuffle_key(*p)))
    print(f"{len(new)} unjudged (need, firm) pairs in the {'pooled systems' if all_systems else 'library'}'s "
          f"current top {K}; "
          f"{len(set(waiting) - set(new))} more still ungraded in the earlier pool file")
    if not pairs:
        return
    _write_atomically(pool_frame(pairs, needs, firms), POOL)
    print(f"wrote {len(pairs)} pairs to {POOL}; grade them under RULES.md and add them to {QRELS.name}")


def eligible_qrels(qrels: dict[str, dict[str, int]], firms: pd.DataFrame) -> tuple[dict[str, dict[str, int]], int, int]:
    """The judgments less the firms whose certification has lapsed on :data:`AS_OF`.

    The library leaves lapsed firms out (a lapsed certification shown as valid is the worst error it can make),
    BM25 and TF-IDF do not. With the ideal over *all* judged firms, a need whose best firms have lapsed caps
    every system that keeps to the rules below 1. Returns the reduced judgments, the number of lapsed firms
    among the judged ones and the number of their judgments graded >= 1.
    """
    status = certification_status(firms, as_of=AS_OF)["certification_status"]
    lapsed = set(firms["account_number"].astype(str)[status.eq("lapsed").to_numpy()])
    kept = {need: {a: g for a, g in q.items() if a not in lapsed} for need, q in qrels.items()}
    judged_lapsed = {a for q in qrels.values() for a in q} & lapsed
    relevant_lapsed = sum(1 for q in qrels.values() for a, g in q.items() if a in lapsed and g >= 1)
    return kept, len(judged_lapsed), relevant_lapsed


def eligible_line(runs: dict[tuple[str, str], dict[str, list[str]]], needs: pd.DataFrame, firms: pd.DataFrame,
                  qrels: dict[str, dict[str, int]]) -> None:
    """Print nDCG@10 per system with the ideal over the judged firms still certified on :data:`AS_OF`.

    A second view, not a replacement: the main table keeps the ideal over every judged firm (comparable with
    earlier sessions). A lapsed firm a baseline returns counts as 0 here, as the library would never show it.
    Needs left with no eligible firm graded >= 1 are dropped (TREC drops topics with no relevant document).
    """
    kept, n_lapsed, n_relevant = eligible_qrels(qrels, firms)
    answerable = {need for need, q in kept.items() if q and max(q.values()) >= 1}
    table = score_table(runs, needs[needs["need_id"].isin(answerable)], kept)
    means = table.groupby(["system", "language"], sort=False)["ndcg"].mean()
    print(f"\nideal over firms certified on {AS_OF} ({n_lapsed} judged firms lapsed, holding {n_relevant} "
          f"judgments graded >= 1; {len(answerable)} needs with an eligible relevant firm): nDCG@10 "
          + ", ".join(f"{system} {lang} {value:.3f}" for (system, lang), value in means.items()))


def cmd_score(per_need: bool) -> None:
    needs, firms = load_needs(), load_firms()
    qrels = load_qrels()
    if not qrels:
        sys.exit(f"no judgments in {QRELS}; run `pool` and grade first")
    stray = sorted(set(qrels) - set(needs["need_id"]))
    if stray:
        sys.exit(f"{QRELS}: judgments for need(s) not in {NEEDS.name}: {', '.join(stray)}")
    runs = rankings(needs, firms)
    table = score_table(runs, needs, qrels)
    n_judged = sum(len(v) for v in qrels.values())
    print(f"{len(firms)} firms, {len(needs)} needs "
          f"({', '.join(f'{k} {int((needs.kind == k).sum())}' for k in KINDS)}), "
          f"{n_judged} judgments ({sum(g == 2 for v in qrels.values() for g in v.values())} graded 2, "
          f"{sum(g == 1 for v in qrels.values() for g in v.values())} graded 1)")
    print("gain 2^g-1 (nDCG_lin: gain g); ideal over all judged firms; P@10 counts grade>=1, P2@10 grade 2; "
          "unjudged = 0\n")
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 140):
        print(summary(table).to_string())
    # TREC drops a topic that has no relevant document: its nDCG is 0 for every system, whatever it returns.
    # The figures above keep such needs (so they stay comparable with earlier sessions); this line leaves them out.
    answerable = {need for need, q in qrels.items() if q and max(q.values()) >= 1}
    kept = table[table["need_id"].isin(answerable)]
    dropped = sorted(set(needs["need_id"]) - answerable, key=lambda need: (len(need), need))
    if dropped:
        lib = kept[kept.system == "library"].groupby("language")["ndcg"].mean()
        print(f"\nneeds with a relevant judged firm ({kept['need_id'].nunique()}; no judged firm graded >= 1: "
              f"{', '.join(dropped)}): library nDCG@10 "
              + ", ".join(f"{lang} {lib[lang]:.3f}" for lang in LANGUAGES if lang in lib))
    eligible_line(runs, needs, firms, qrels)
    number = table["need_id"].str.extract(r"^J(\d+)$", expand=False).fillna("0").astype(int)  # V01, M01: seen
    first_held = min(first for first, _, _ in HELD_OUT_SLICES)
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 140):
        for first, last, label in HELD_OUT_SLICES:
            held = table[(number >= first) & (number <= last)]
            if len(held):
                ids = sorted(set(held["need_id"]), key=lambda need: (len(need), need))
                print(f"\nslice {ids[0]}-{ids[-1]} ({len(ids)} needs): {label}")
                print(summary(held).to_string())
        seen = table[number < first_held]
        if len(seen) < len(table):
            print(f"\nseen-while-tuning slice ({len(set(seen['need_id']))} needs, J01-J{first_held - 1:02d}, V, M)")
            print(summary(seen).to_string())
    print("\nnDCG@10 difference over needs, library minus baseline (mean and 95% paired bootstrap interval)")
    for lang in LANGUAGES:
        for base in ("bm25", "tfidf"):
            for kind in ("all", *KINDS):
                sel = table if kind == "all" else table[table["kind"] == kind]
                a = sel[(sel.system == "library") & (sel.language == lang)].set_index("need_id")["ndcg"]
                b = sel[(sel.system == base) & (sel.language == lang)].set_index("need_id")["ndcg"]
                mean, lo, hi = paired_bootstrap(a.to_numpy(), b.reindex(a.index).to_numpy())
                print(f"  {lang}  library - {base:<5}  {kind:<8} ({len(a):2d} needs)  {mean:+.3f}  [{lo:+.3f}, {hi:+.3f}]")
    en = table[(table.system == "library") & (table.language == "en")].set_index("need_id")["ndcg"]
    ko = table[(table.system == "library") & (table.language == "ko")].set_index("need_id")["ndcg"]
    mean, lo, hi = paired_bootstrap(ko.to_numpy(), en.reindex(ko.index).to_numpy())
    print(f"  library ko - library en  all      ({len(ko):2d} needs)  {mean:+.3f}  [{lo:+.3f}, {hi:+.3f}]")
    if per_need:
        wide = table.pivot_table(index=["need_id", "kind"], columns=["system", "language"], values="ndcg",
                                 sort=False)
        with pd.option_context("display.float_format", "{:.2f}".format, "display.width", 160,
                               "display.max_rows", 500):
            print("\nper-need nDCG@10\n" + wide.to_string())
    low = table[table["judged"] < table["returned"]]
    if len(low):
        print(f"\n{int((low['returned'] - low['judged']).sum())} returned firms are unjudged; "
              "run `python benchmarks/judged.py pool --update` and grade them before trusting the figures")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pool", help=f"write the pool of every system's top {K} to {POOL}")
    p.add_argument("--update", action="store_true",
                   help="only the library's current top-10 pairs that have no judgment yet")
    p.add_argument("--all-systems", action="store_true",
                   help="with --update: every system's top 10 and the browse pass (for new needs), "
                        "minus what is judged")
    s = sub.add_parser("score", help="graded nDCG@10, P@10 and judged share per system, language and kind")
    s.add_argument("--per-need", action="store_true", help="also print nDCG@10 per need")
    args = parser.parse_args()
    if args.command == "pool":
        if args.all_systems and not args.update:
            parser.error("--all-systems goes with --update")
        cmd_pool(args.update, args.all_systems)
    else:
        cmd_score(args.per_need)


if __name__ == "__main__":
    main()
