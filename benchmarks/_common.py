"""Shared pieces of the benchmark scripts: the real sample, the job-experience queries,
a scaled-up directory, a plain BM25 baseline, and ranking metrics.

Not part of the library; run the scripts from the repository root, e.g.
``python benchmarks/quality.py``.
"""

from __future__ import annotations

import math
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mwbe_match import load_directory, unique_firms  # noqa: E402
from mwbe_match.engine.text import LEGAL_SUFFIXES  # noqa: E402

#: The shared real extract (817 firms); never copied into the project.
REAL_SAMPLE = ROOT.parent / "shared" / "data" / "nyc_sbs_certified_sample.csv"
JOB_COLUMNS = ("job_1_description", "job_2_description", "job_3_description")


def load_real_sample() -> pd.DataFrame:
    """The shared real sample, normalized; exits with a message when it is absent."""
    if not REAL_SAMPLE.is_file():
        sys.exit(f"the shared real sample is not present at {REAL_SAMPLE}; nothing to measure")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_directory(REAL_SAMPLE)


# --------------------------------------------------------------------------- job-experience queries

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


@dataclass
class JobQuery:
    """One benchmark query: a job description with its writer's name words removed."""

    account_number: str
    group: str  # the writer's 4-digit NAICS industry group
    text: str


def job_queries(directory: pd.DataFrame, min_words: int = 4) -> list[JobQuery]:
    """Each non-empty job description as a query.

    The words of the writing firm's own name and DBA, and legal suffixes
    (LLC, Inc, ...), are removed (case-insensitively); queries with fewer
    than ``min_words`` words left are dropped, as are firms without a NAICS code.
    """
    firms = unique_firms(directory)
    out = []
    for row in firms[["account_number", "name", "dba", "naics_code", *JOB_COLUMNS]].itertuples(index=False):
        if pd.isna(row.naics_code):
            continue
        banned = {w.lower() for part in (row.name, row.dba) if isinstance(part, str) for w in _WORD.findall(part)}
        banned |= LEGAL_SUFFIXES
        for text in (row.job_1_description, row.job_2_description, row.job_3_description):
            if not isinstance(text, str) or not text.strip():
                continue
            words = [w for w in _WORD.findall(text) if w.lower() not in banned]
            if len(words) >= min_words:
                out.append(JobQuery(row.account_number, row.naics_code[:4], " ".join(words)))
    return out


def blank_job_descriptions(directory: pd.DataFrame) -> pd.DataFrame:
    """The directory with the three job-description columns emptied (same dtypes)."""
    out = directory.copy()
    for col in JOB_COLUMNS:
        out[col] = pd.Series(pa.nulls(len(out), pa.string()), index=out.index, dtype=pd.ArrowDtype(pa.string()))
    return out


# --------------------------------------------------------------------------- metrics


def ndcg_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    """Binary-relevance nDCG@k: DCG of the ranking over DCG of an ideal one."""
    dcg = sum(1.0 / math.log2(i + 2) for i, a in enumerate(ranked[:k]) if a in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def precision_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    return sum(1 for a in ranked[:k] if a in relevant) / k


# --------------------------------------------------------------------------- plain BM25 baseline


def baseline_documents(directory: pd.DataFrame) -> list[str]:
    """Name + DBA + description + NAICS title, one string per firm (the baseline's view of a firm)."""
    cols = ["name", "dba", "description", "naics_title"]
    parts = directory[cols].astype(object).where(directory[cols].notna(), "")
    return (parts["name"] + " " + parts["dba"] + " " + parts["description"] + " " + parts["naics_title"]).tolist()


class Bm25Baseline:
    """Plain BM25 (k1=1.5, b=0.75, English stopwords, no stemming) over :func:`baseline_documents`.

    Uses bm25s when installed (``pip install bm25s``), else a small scipy
    implementation with the same formula; ``engine`` says which.
    """

    def __init__(self, directory: pd.DataFrame):
        self.directory = directory
        self.accounts = directory["account_number"].astype(object).to_numpy()
        docs = baseline_documents(directory)
        try:
            import bm25s
        except ImportError:
            bm25s = None
        if bm25s is not None:
            self.engine = f"bm25s {bm25s.__version__}"
            self._bm25s = bm25s
            tokens = bm25s.tokenize(docs, stopwords="en", show_progress=False)
            self._model = bm25s.BM25()
            self._model.index(tokens, show_progress=False)
        else:
            self.engine = "own plain BM25 (bm25s not installed)"
            self._bm25s = None
            self._own = _PlainBm25(docs)

    def tokenize(self, queries: list[str]) -> list[list[str]]:
        if self._bm25s is not None:
            return self._bm25s.tokenize(queries, stopwords="en", return_ids=False, show_progress=False)
        return [_plain_tokens(q) for q in queries]

    def top_indices(self, queries: list[str], k: int = 10) -> list[np.ndarray]:
        """Row positions of the top ``k`` firms per query (empty for a query with no known word)."""
        tokens = self.tokenize(queries)
        if self._bm25s is not None:
            out: list[np.ndarray] = [np.empty(0, dtype=np.int64)] * len(queries)
            keep = [i for i, t in enumerate(tokens) if any(w in self._model.vocab_dict for w in t)]
            if keep:
                docs, scores = self._model.retrieve([tokens[i] for i in keep], k=min(k, len(self.accounts)),
                                                    show_progress=False)
                for j, i in enumerate(keep):
                    out[i] = np.asarray(docs[j])[np.asarray(scores[j]) > 0]
            return out
        return [self._own.top(t, k) for t in tokens]

    def shortlist(self, query: str, k: int = 10) -> pd.DataFrame:
        """What a bm25s user runs for a shortlist: retrieve the top ``k``, build those rows as a DataFrame."""
        idx = self.top_indices([query], k)[0]
        return self.directory.iloc[idx][["account_number", "name", "dba", "phone", "website", "borough",
                                         "certifications", "certification_expires", "naics_code", "naics_title"]]


_STOP = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then there these "
    "they this to was will with".split()
)


def _plain_tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"(?u)\b\w\w+\b", text.lower()) if w not in _STOP]


class _PlainBm25:
    def __init__(self, docs: list[str], k1: float = 1.5, b: float = 0.75):
        import scipy.sparse as sp

        vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, d in enumerate(docs):
            for w in _plain_tokens(d):
                rows.append(i)
                cols.append(vocab.setdefault(w, len(vocab)))
        n = len(docs)
        tf = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocab)))
        tf.sum_duplicates()
        lengths = np.asarray(tf.sum(axis=1)).ravel()
        df = np.bincount(tf.indices, minlength=len(vocab))
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        norm = k1 * (1 - b + b * lengths / max(lengths.mean(), 1e-9))
        rep = np.repeat(norm, np.diff(tf.indptr))
        tf.data = idf[tf.indices] * tf.data * (k1 + 1) / (tf.data + rep)
        self.W = tf.tocsc()
        self.vocab = vocab

    def top(self, tokens: list[str], k: int) -> np.ndarray:
        ids = [self.vocab[t] for t in tokens if t in self.vocab]
        if not ids:
            return np.empty(0, dtype=np.int64)
        scores = np.asarray(self.W[:, ids].sum(axis=1)).ravel()
        idx = np.argsort(-scores, kind="stable")[:k]
        return idx[scores[idx] > 0]


# --------------------------------------------------------------------------- scaled directory


def scaled_directory(base: pd.DataFrame, n_firms: int, seed: int = 20260501) -> pd.DataFrame:
    """A directory of ``n_firms`` firms recombined from ``base`` (seeded), so the vocabulary grows.

    Each new firm copies one real firm's structured columns (certifications,
    NAICS, location, ...) and gets a name made of tokens from two real names,
    and a description of sentences sampled from three real firms. Account
    numbers are unique.
    """
    rng = np.random.default_rng(seed)
    base = unique_firms(base).reset_index(drop=True)
    n0 = len(base)
    template = rng.integers(0, n0, n_firms)
    out = base.iloc[template].reset_index(drop=True)
    names = base["name"].fillna("").astype(str).tolist()
    name_tokens = [n.split() for n in names]
    sentences = [re.split(r"(?<=[.!?])\s+", d) for d in base["description"].fillna("").astype(str).tolist()]
    a, b, c = (rng.integers(0, n0, n_firms) for _ in range(3))
    new_names, new_desc = [], []
    for i in range(n_firms):
        first, second = name_tokens[template[i]], name_tokens[a[i]]
        new_names.append(" ".join((first[: max(1, len(first) // 2)] + second[len(second) // 2:]) or ["Firm"]))
        pool = sentences[template[i]] + sentences[b[i]] + sentences[c[i]]
        take = rng.permutation(len(pool))[: max(1, len(pool) // 2)]
        new_desc.append(" ".join(pool[j] for j in sorted(take)))
    # (pd.array(list, dtype=ArrowDtype) peaks at gigabytes for 100,000 strings; go through pyarrow)
    out["name"] = pd.arrays.ArrowExtensionArray(pa.array(new_names, pa.string()))
    out["description"] = pd.arrays.ArrowExtensionArray(pa.array(new_desc, pa.string()))
    out["account_number"] = pd.arrays.ArrowExtensionArray(
        pa.array([f"{900000 + i}" for i in range(n_firms)], pa.string()))
    return out
