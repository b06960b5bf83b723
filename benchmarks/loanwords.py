"""Korean loanwords read by sound: precision where the bridge fires, recall, build and lookup time.

    python benchmarks/loanwords.py                 # held-out pairs (the figure to quote)
    python benchmarks/loanwords.py --set dev       # the tuning set the rules were developed on
    python benchmarks/loanwords.py --verbose       # every miss and every wrong firing

Data (``benchmarks/loanwords/``):

- ``pairs.csv``: 277 Hangul words as people write them (standard spellings,
  everyday variants such as 케익/쥬스/데이타, a few clipped forms such as
  에어컨) with the English word they come from. Written before the bridge's
  rules and never used to tune them; ``kind`` says standard / variant /
  clipped / fixed (a form that is in the bridge's fixed table).
- ``negatives.csv``: 188 native and Sino-Korean procurement words (청소, 공사,
  견적, 납품...). Any confident reading of one is a false positive.
- ``dev_pairs.csv`` / ``dev_negatives.csv``: the separate set the rules and
  the 0.88 threshold were tuned on.

Vocabularies (candidates are only the vocabulary's words, as in the library):

- *directory*: the words of the real sample (817 firms; the bundled synthetic
  sample when the real one is absent). Recall counts the pairs whose English
  word is in it; a firing on any pair that is not its English word is wrong.
- *directory + pair words*: the same plus every English word of the set, so
  that recall measures the orthography rather than the vocabulary.

A reading is right when it is the pair's English word or its plural/singular.

Baseline, same run, same candidates, same jamo key, same Levenshtein and
thresholds: each English word written in Hangul letter by letter from its
spelling (a->ㅏ, e->ㅔ, c->ㅋ..., a consonant before a vowel is its onset, a
final m/n/l/ng is a 받침, other consonants get 으), without the orthography
rules or CMUdict.

Speed, wall and CPU time (the machine may be shared): building a bridge from
the word counts of an 11,000-firm directory (the real sample scaled up as in
``benchmarks/speed.py``) - the first build in a fresh process, which reads
CMUdict's index and renders every word once, and later builds, which reuse
both - counting the directory's words, and reading 1,000 words.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from _common import REAL_SAMPLE, scaled_directory

from mwbe_match import load_directory
from mwbe_match.engine.readers.loanwords import LoanwordBridge, directory_vocabulary, sound_key
from mwbe_match.engine.text import STOPWORDS

HERE = Path(__file__).resolve().parent / "loanwords"
THRESHOLDS = (0.80, 0.85, 0.88, 0.90, 0.95)


def _directory() -> tuple[pd.DataFrame, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if REAL_SAMPLE.is_file():
            return load_directory(REAL_SAMPLE), "real sample (817 firms)"
        return load_directory(), "bundled synthetic sample"


def _right(english: str | None, expected: str) -> bool:
    if english is None or english is pd.NA:
        return False
    e, x = english.lower(), expected.lower()
    return e == x or e in (x + "s", x + "es") or x in (e + "s", e + "es")


# --------------------------------------------------------------------------- baseline

_LETTER_VOWEL = {"a": "ㅏ", "e": "ㅔ", "i": "ㅣ", "o": "ㅗ", "u": "ㅜ", "y": "ㅣ"}
_LETTER_CONSONANT = {"b": "ㅂ", "c": "ㅋ", "d": "ㄷ", "f": "ㅍ", "g": "ㄱ", "h": "ㅎ", "j": "ㅈ", "k": "ㅋ",
                     "l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "p": "ㅍ", "q": "ㅋ", "r": "ㄹ", "s": "ㅅ", "t": "ㅌ",
                     "v": "ㅂ", "w": "ㅜ", "x": "ㅋㅅ", "z": "ㅈ"}


def letter_key(word: str) -> str:
    """The naive baseline: the English spelling written letter by letter as jamo (sound_key's alphabet)."""
    out = []
    w = word.lower()
    for k, ch in enumerate(w):
        nxt = w[k + 1] if k + 1 < len(w) else ""
        if ch in _LETTER_VOWEL:
            out.append(_LETTER_VOWEL[ch])
        elif ch in _LETTER_CONSONANT:
            jamo = _LETTER_CONSONANT[ch]
            if ch == "g" and k > 0 and w[k - 1] == "n" and nxt not in _LETTER_VOWEL:
                out[-1] = "ŋ"
            elif nxt in _LETTER_VOWEL or (ch in "mnl" and nxt not in _LETTER_VOWEL) or ch == "w":
                out.append(jamo)
            else:
                out.append(jamo + "ㅡ")
    return "".join(out)


class LetterBaseline:
    def __init__(self, candidates: list[str]):
        self.words = candidates
        self.keys = [letter_key(w) for w in candidates]

    def read(self, words: list[str]) -> pd.DataFrame:
        keys = [sound_key(w) or "" for w in words]
        scores = process.cdist(keys, self.keys, scorer=Levenshtein.normalized_similarity, dtype=np.float32, workers=-1)
        best = scores.argmax(axis=1)
        sim = scores[np.arange(len(words)), best]
        return pd.DataFrame({"word": words, "english": [self.words[b] for b in best], "similarity": sim})


# --------------------------------------------------------------------------- evaluation


def _vocabulary(directory: pd.DataFrame) -> Counter:
    return directory_vocabulary(directory)


def _score(read: pd.DataFrame, pairs: pd.DataFrame, negatives: pd.DataFrame, vocab: set[str],
           threshold: float | None = None) -> dict:
    n_pairs = len(pairs)
    fired = read["confident"].to_numpy() if threshold is None else read["similarity"].to_numpy() >= threshold
    english = read["english"].astype(object).to_numpy()
    right = np.array([_right(e, x) for e, x in zip(english[:n_pairs], pairs["english"])])
    in_vocab = pairs["english"].map(lambda x: all(w in vocab for w in x.split())).to_numpy()
    pair_fired = fired[:n_pairs]
    neg_fired = fired[n_pairs:]
    tp = int((pair_fired & right).sum())
    fp = int((pair_fired & ~right).sum() + neg_fired.sum())
    return {
        "fired": int(fired.sum()),
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": int((pair_fired & right & in_vocab).sum()) / max(1, int(in_vocab.sum())),
        "recall_n": f"{int((pair_fired & right & in_vocab).sum())}/{int(in_vocab.sum())}",
        "neg_fired": int(neg_fired.sum()),
        "neg_n": len(negatives),
        "right": right,
        "fired_mask": fired,
        "in_vocab": in_vocab,
    }


def _report(name: str, s: dict) -> str:
    return (f"  {name:<34} fired {s['fired']:>4}  precision {s['precision']:.3f}  "
            f"recall {s['recall']:.3f} ({s['recall_n']})  negatives fired {s['neg_fired']}/{s['neg_n']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("heldout", "dev"), default="heldout")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    prefix = "" if args.set == "heldout" else "dev_"
    pairs = pd.read_csv(HERE / f"{prefix}pairs.csv", dtype=str)
    negatives = pd.read_csv(HERE / f"{prefix}negatives.csv", dtype=str)
    words = list(pairs["korean"]) + list(negatives["korean"])

    directory, label = _directory()
    t0 = time.perf_counter()
    bridge_dir = LoanwordBridge.from_directory(directory, workers=-1)
    first_build = time.perf_counter() - t0
    counts = _vocabulary(directory)
    extra = Counter({w: 1 for x in pairs["english"] for w in x.split()})
    bridge_all = LoanwordBridge(counts + extra, workers=-1)
    print(f"Set: {args.set} ({len(pairs)} pairs, {len(negatives)} native negatives); directory: {label}")
    print(f"  kinds: {dict(Counter(pairs['kind']))}")

    for vname, bridge, vocab in (("directory", bridge_dir, counts), ("directory + pair words", bridge_all, counts + extra)):
        vocab_set = {w for w in vocab}
        read = bridge.read(words)
        s = _score(read, pairs, negatives, vocab_set)
        cands = sorted(w for w in vocab_set if len(w) >= 2 and w.isalpha() and w.isascii() and w not in STOPWORDS)
        cands = [w for w in cands if w in set(bridge._english)]  # the same candidates as the bridge
        base = LetterBaseline(cands).read(words)
        base["confident"] = base["similarity"] >= bridge.threshold
        b = _score(base, pairs, negatives, vocab_set)
        print(f"\nVocabulary: {vname} ({len(bridge)} candidate words, {len(bridge._keys)} renderings)")
        print(_report(f"bridge (threshold {bridge.threshold})", s))
        print(_report(f"baseline letter-by-letter ({bridge.threshold})", b))
        by_sound = ~pairs["kind"].isin(["fixed"]).to_numpy()
        sb = {k: (v[: len(pairs)][by_sound] if isinstance(v, np.ndarray) else v) for k, v in s.items()}
        tp = int((sb["fired_mask"] & sb["right"]).sum())
        fp = int((sb["fired_mask"] & ~sb["right"]).sum()) + s["neg_fired"]
        print(f"  bridge, pairs not in the fixed table only: precision {tp / max(1, tp + fp):.3f}, "
              f"recall {int((sb['fired_mask'] & sb['right'] & sb['in_vocab']).sum())}/{int(sb['in_vocab'].sum())}")
        for kind in ("standard", "variant", "clipped", "fixed"):
            m = (pairs["kind"] == kind).to_numpy()
            if m.any():
                r = s["right"][m] & s["fired_mask"][: len(pairs)][m] & s["in_vocab"][m]
                print(f"    recall on {kind:<8} {int(r.sum())}/{int(s['in_vocab'][m].sum())}")
        print("  threshold sweep (similarity only, before the one-syllable and short-word rules):")
        for t in THRESHOLDS:
            st = _score(read, pairs, negatives, vocab_set, threshold=t)
            bt = _score(base, pairs, negatives, vocab_set, threshold=t)
            print(f"    {t:.2f}: bridge precision {st['precision']:.3f} recall {st['recall']:.3f} "
                  f"neg {st['neg_fired']:>3} | baseline precision {bt['precision']:.3f} recall {bt['recall']:.3f} "
                  f"neg {bt['neg_fired']:>3}")
        if args.verbose:
            n = len(pairs)
            print("  misses (English word in the vocabulary, not read):")
            for k in range(n):
                if s["in_vocab"][k] and not (s["fired_mask"][k] and s["right"][k]):
                    row = read.iloc[k]
                    print(f"    {pairs['korean'][k]} ({pairs['english'][k]}): got {row['english']} "
                          f"{row['similarity']:.3f} via {row['rendering']}")
            print("  wrong firings:")
            for k in range(len(words)):
                if s["fired_mask"][k] and (k >= n or not s["right"][k]):
                    row = read.iloc[k]
                    print(f"    {words[k]} -> {row['english']} {row['similarity']:.3f} via {row['rendering']}")

    if args.no_speed:
        return
    # the first build in a fresh process (CMUdict's index is read and every word rendered once)
    out = subprocess.run([sys.executable, __file__, "--first-build"], capture_output=True, text=True, check=True)
    first = json.loads(out.stdout.strip().splitlines()[-1])
    big = scaled_directory(directory, 11_000)
    vocab_times, build_times = [], []
    for _ in range(3):
        vocab_times.append(_clock(lambda: directory_vocabulary(big)))
    counts11 = directory_vocabulary(big)
    for _ in range(3):
        build_times.append(_clock(lambda: LoanwordBridge(counts11, workers=-1)))
    b11 = LoanwordBridge(counts11, workers=-1)
    sample = (words * (1000 // len(words) + 1))[:1000]
    t_read = _clock(lambda: b11.read(sample))
    baseline = LetterBaseline(list(b11._english))
    t_base = _clock(lambda: baseline.read(sample))
    fmt = lambda t: f"{t[0]:.3f} s wall / {t[1]:.3f} s CPU"  # noqa: E731
    best = lambda ts: min(ts, key=lambda t: t[1])  # noqa: E731
    print(f"\nSpeed (11,000 firms, {len(b11)} candidate words, {len(b11._keys)} renderings; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):")
    print(f"  first build in a fresh process, from word counts: {fmt(first['build'])} "
          f"(of which reading CMUdict's index: {fmt(first['index'])})")
    print(f"  later builds (renderings cached), from word counts: {fmt(best(build_times))}")
    print(f"  counting the directory's words (from_directory adds this): {fmt(best(vocab_times))}")
    print(f"  read 1,000 words ({len(set(sample))} distinct): {fmt(t_read)}; "
          f"baseline cdist over the same candidates: {fmt(t_base)}")


def _clock(f) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    f()
    return time.perf_counter() - wall, time.process_time() - cpu


def _first_build() -> None:
    from mwbe_match.engine.readers.loanwords import cmudict_index

    directory, _ = _directory()
    counts = directory_vocabulary(scaled_directory(directory, 11_000))
    index = _clock(cmudict_index)
    build = _clock(lambda: LoanwordBridge(counts))
    print(json.dumps({"index": index, "build": (build[0] + index[0], build[1] + index[1])}))


if __name__ == "__main__":
    if sys.argv[1:] == ["--first-build"]:
        _first_build()
    else:
        main()
