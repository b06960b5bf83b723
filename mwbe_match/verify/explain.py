"""Verify stage 5, explanation: each row's reasons in words, incl. how the matched firm's certification stands.

:class:`Explainer` says how a candidate matched (same name, a typo, a missing
generic word, ...), which evidence agreed or conflicted and which rival firm is
as close; :class:`CertificationStanding` says, per firm and as-of date, whether
its certification is active, expiring, lapsed or unknown, and in words what that
means (see :mod:`mwbe_match.certification`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..certification import certification_status, certification_valid_through_by_type, resolve_as_of
from .inputs import VerifyInput
from .normalize import generic_words_text, legal_forms_text
from .scoring import Decision, records

__all__ = ["NO_MATCH", "Explainer", "CertificationStanding"]

#: The reason of a row whose closest name is not close enough.
NO_MATCH = "no certified firm's name is close enough"


class Explainer:
    """Reasons in words, from the directory's names (``alias_text``), the field each came from
    (``alias_field``: "formal name", "DBA", ...) and the firms' account numbers (``account``)."""

    def __init__(self, alias_text: np.ndarray, alias_field: np.ndarray, account: pa.ChunkedArray):
        self.alias_text = alias_text
        self.alias_field = alias_field
        self.account = account

    def explain(self, b: dict[str, Any]) -> str:
        """How one candidate matched, in words (b: a candidate row as a dict)."""
        get = b.get
        field = self.alias_field[int(get("a"))]
        how = get("how")
        name_score = f"name score {min(float(get('name_score', get('score'))), 100.0):.1f}"
        if how == "exact":
            text = f"same {field} after normalization"
        elif how == "spacing":
            text = f"same {field} apart from spacing ({name_score})"
        elif how == "typo":
            text = f"{field} matches but for a typo ({name_score})"
        elif how == "core":
            given, known = generic_words_text(int(get("q_generic"))), generic_words_text(int(get("a_generic")))
            if get("generic") == "conflict":
                text = f"{field} matches but a generic word differs ({given} vs {known}; {name_score})"
            elif known:
                text = f"{field} matches without the generic word {known} ({name_score})"
            else:
                text = f"{field} matches but for the extra generic word {given} ({name_score})"
        elif how == "reordered":
            text = f"same words as the {field} in another order ({name_score})"
        else:
            text = f"{field} is similar ({name_score})"
        if get("part"):
            text += f", matching {get('part')}"
        if get("legal_conflict"):
            text += (f"; legal form differs ({legal_forms_text(int(get('q_legal')))} given, "
                     f"{legal_forms_text(int(get('a_legal')))} in the directory)")
        evidence = get("evidence", "")
        return text + (f"; {evidence}" if evidence else "")

    #: The candidate fields the words of :meth:`explain` depend on (besides the field the name came from).
    WORDED_FIELDS = ("how", "name_score", "score", "part", "legal_conflict", "q_legal", "a_legal", "generic",
                     "q_generic", "a_generic", "evidence")

    def explain_many(self, candidates: pd.DataFrame) -> np.ndarray:
        """:meth:`explain` of every row of a candidate frame; rows alike in the fields the words depend on
        (most exact matches) are worded once. A field counts only where the words read it: the scores
        not for an exact match (nor ``score`` when there is a ``name_score``), the generic words only for
        a match on the core, the legal forms only where they conflict."""
        if not len(candidates):
            return np.empty(0, dtype=object)
        cols = [c for c in self.WORDED_FIELDS if c in candidates.columns]
        alias = candidates["a"].to_numpy(np.float64).astype(np.int64)
        how = candidates["how"].to_numpy(dtype=object) if "how" in cols else np.full(len(candidates), None)
        scored = how != "exact"
        read = {"name_score": scored, "score": scored & ("name_score" not in cols)}
        for c in ("generic", "q_generic", "a_generic"):
            read[c] = how == "core"
        if "legal_conflict" in cols:  # words for a true (or missing) legal_conflict only
            read["q_legal"] = read["a_legal"] = ~(candidates["legal_conflict"].to_numpy(dtype=object) == False)  # noqa: E712
        values = []
        for c in cols:
            v = candidates[c].to_numpy()
            if v.dtype.kind in "fiu":
                v = v.astype(np.float64)
                values.append(np.where(read[c], v, np.nan) if c in read else v)
            else:
                v = np.asarray(v, dtype=object)
                values.append(np.where(read[c], v, None) if c in read else v)
        codes = _row_codes(values + [self.alias_field[alias]])
        _, first = np.unique(codes, return_index=True)
        rows = candidates.iloc[first]
        worded = np.empty(int(codes.max()) + 1, dtype=object)
        for code, record in zip(codes[first], records(rows)):
            worded[code] = self.explain(record)
        return worded[codes]

    def match_reasons(self, decision: Decision, inp: VerifyInput, problem: np.ndarray,
                      certification: np.ndarray) -> np.ndarray:
        """Each row's ``reasons`` of a match result: its problem, or how it matched, the ignored evidence,
        a rival within reach, and the certification note (``certification``: per row, "" for none)."""
        n = len(problem)
        reasons = np.empty(n, dtype=object)
        worded = np.empty(n, dtype=object)
        found = np.flatnonzero(decision.found)
        if decision.best_frame is not None and len(found):
            worded[found] = self.explain_many(decision.best_frame.iloc[found])
        reasons[decision.invalid] = problem[decision.invalid]
        noted = np.asarray(certification, dtype=object) if len(certification) else np.full(n, "", dtype=object)
        # the usual row: a match with words, no rival, no ignored evidence: its words and the certification note
        usual = decision.found & ~decision.ambiguous & (worded != None)  # noqa: E711 (element-wise)
        if inp.notes:
            usual[list(inp.notes)] = False
        at = np.flatnonzero(usual)
        reasons[at] = [f"{t}; {c}" if c and t else (t or c) for t, c in zip(worded[at].tolist(), noted[at].tolist())]
        # Python lists: the loop reads one value of each per row
        ambiguous, undistinctive = decision.ambiguous.tolist(), decision.undistinctive.tolist()
        for row in np.flatnonzero(~decision.invalid & ~usual).tolist():
            notes = inp.notes.get(row, [])
            if not decision.found[row]:
                b = decision.best[row]
                closest = "" if np.isnan(decision.best_score[row]) else (
                    f" (closest: {self.alias_text[int(b['a'])]!r}, score {decision.score[row]:g}"
                    + (", sharing no distinctive name word" if undistinctive[row] else "") + ")")
                reasons[row] = "; ".join([f"{NO_MATCH}{closest}", *notes])
                continue
            text = worded[row]
            lines = [text if text is not None else self.explain(decision.best[row]), *notes]
            if ambiguous[row]:
                r = decision.rival[row]
                lines.append(f"ambiguous: {self.alias_text[int(r['a'])]!r} (account "
                             f"{self.account[int(r['firm'])].as_py()}) scores {min(r['score'], 100.0):.1f}")
            lines.append(noted[row])
            reasons[row] = "; ".join(x for x in lines if x)
        return reasons


def _row_codes(columns: list[np.ndarray]) -> np.ndarray:
    """A code per row, the same for rows equal in every column (missing values equal to each other)."""
    codes = np.zeros(len(columns[0]) if columns else 0, dtype=np.int64)
    for values in columns:
        found, distinct = pd.factorize(values, use_na_sentinel=False)
        codes, _ = pd.factorize(codes * (len(distinct) + 1) + found.astype(np.int64))
    return codes


def _days(dates: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Arrow dates as numpy ``datetime64[D]`` (NaT for null)."""
    return np.asarray(pc.cast(dates, pa.timestamp("s")).to_numpy(zero_copy_only=False)).astype("datetime64[D]")


class CertificationStanding:
    """Every firm's certification on a date, from ``renewals``: one row per firm with the parallel lists
    ``certifications`` and ``certification_renewal_dates`` (what
    :func:`~mwbe_match.certification.certification_status` reads)."""

    def __init__(self, renewals: pa.Table):
        self._renewals = renewals
        self._status_cache: dict[tuple[dt.date, int], pa.Table] = {}
        self._valid_through_cache: dict[str, np.ndarray] | None = None

    def on(self, as_of: Any, expiring_within_days: int) -> pa.Table:
        """Every firm's certification on ``as_of`` (computed once per date and window, then reused)."""
        day = resolve_as_of(as_of)
        key = (day, expiring_within_days)
        table = self._status_cache.get(key)
        if table is None:
            frame = certification_status(self._renewals, day, expiring_within_days=expiring_within_days)
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if len(self._status_cache) >= 4:
                self._status_cache.pop(next(iter(self._status_cache)))
            self._status_cache[key] = table
        return table

    def notes(self, firm: np.ndarray, standing: pa.Table, window: int) -> np.ndarray:
        """For each row's firm (-1: none), what its certification status means, in words ("" for none)."""
        notes = np.full(len(firm), "", dtype=object)
        rows = np.flatnonzero(firm >= 0)
        if not len(rows):
            return notes
        firms = firm[rows]
        picked = standing.take(pa.array(firms, pa.int64()))
        status = np.asarray(picked.column("certification_status").to_pylist(), dtype=object)
        day = np.datetime64(picked.column("as_of")[0].as_py(), "D")
        renews = _days(picked.column("renews_on"))
        # per certification type: the last day it is valid, for each row's firm (NaT: not held or undated)
        through = {c: days[firms] for c, days in self.valid_through().items()}
        still = status != "lapsed"
        lapsed_one = {c: still & ~np.isnat(d) & (d < day) for c, d in through.items()}
        due = {c: (status == "expiring") & (d == renews) for c, d in through.items()}
        worded = (status != "active") | np.logical_or.reduce(list(lapsed_one.values()))
        at = np.flatnonzero(worded)
        # the two plain notes at once, the others (expiring, one certification of several lapsed) row by row
        lapsed = at[status[at] == "lapsed"]
        if len(lapsed):
            take = pa.array(lapsed, pa.int64())
            notes[rows[lapsed]] = [f"certification lapsed on {on} (certified through {last})" for on, last in
                                   zip(picked.column("lapsed_on").take(take).to_pylist(),
                                       picked.column("certified_through").take(take).to_pylist())]
        notes[rows[at[status[at] == "unknown"]]] = _UNKNOWN
        for i in at[(status[at] != "lapsed") & (status[at] != "unknown")].tolist():
            notes[rows[i]] = _note(status[i], i, picked, renews, day, window, due, through, lapsed_one)
        return notes

    def valid_through(self) -> dict[str, np.ndarray]:
        """Per certification type, each firm's last valid day (``datetime64[D]``; NaT when not held or undated)."""
        if self._valid_through_cache is None:
            self._valid_through_cache = certification_valid_through_by_type(self._renewals)
        return self._valid_through_cache


#: The certification note of a firm whose renewal dates are not published.
_UNKNOWN = "no certification renewal date is published (status unknown; confirm with SBS)"


def _note(s: str, i: int, picked: pa.Table, renews: np.ndarray, day: np.datetime64, window: int,
          due: dict[str, np.ndarray], through: dict[str, np.ndarray], lapsed_one: dict[str, np.ndarray]) -> str:
    """The certification note of picked row ``i`` whose status is ``s``."""
    if s == "lapsed":
        return (f"certification lapsed on {picked.column('lapsed_on')[i].as_py()} "
                f"(certified through {picked.column('certified_through')[i].as_py()})")
    if s == "unknown":
        return _UNKNOWN
    parts = []
    if s == "expiring":
        which = [c for c in due if due[c][i]]
        if renews[i] == day:  # the last valid day: renewal is due today, not "within N days"
            parts.append(f"certification expiring: {' and '.join(which) or 'a certification'} "
                         f"renewal due today ({day})")
        else:
            parts.append(f"certification expiring: {' and '.join(which) or 'a certification'} "
                         f"{'renew' if len(which) > 1 else 'renews'} on {renews[i]} "
                         f"(within {window} days of {day})")
    # a firm still certified may hold another certification that lapsed
    parts += [f"{c} certification lapsed on {through[c][i] + 1}" for c in lapsed_one if lapsed_one[c][i]]
    return "; ".join(parts)
