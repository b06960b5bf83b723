"""Engine stage 7, explanation: the ``reasons`` sentence of each result row, and the funnel's sentence.

A reason reads: how a translated need was read ("Read as: ..."), a warning
for a lapsed or undated certification, then each signal's phrase (what text
matched where, how the firm's NAICS code relates to the need), the firm's
certifications judged on the as-of date, the distance to the job site, the
requirements it meets and the need's words no firm uses.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from ..vocabulary import CERTIFICATION_TYPES
from .caching import BoundedCache, PerObjectCache
from .config import MatchConfig
from .filters import EPOCH, EXPIRING, LAPSED, UNKNOWN, FirmFilters
from .need import Need
from .query import NeedReading, QueryTerms
from .signals import join_words

if TYPE_CHECKING:  # pragma: no cover
    from .signals import RankingBatch

__all__ = ["Explainer", "REQUIREMENT_LABELS", "requirement_failure", "funnel_sentence", "funnel_rows", "need_phrases",
           "parts_sentence"]

#: How reasons name each requirement in "meets every requirement (...)".
REQUIREMENT_LABELS = {
    "certifications": "certification", "ethnicity": "ethnicity", "boroughs": "borough", "states": "state",
    "near": "distance", "min_bonding": "bonding", "min_contract_value": "past contract size",
    "union_signatory": "union signatory", "passport_enrolled": "PASSPort", "certified_through": "certified through",
    "min_years_in_business": "years in business", "exclude": "not excluded",
}


class Explainer:
    """Builds reasons for result rows from the signals' phrases and the firms' certifications and places."""

    def __init__(self, filters: FirmFilters, config: MatchConfig) -> None:
        self.filters = filters
        self.config = config
        self._cert_phrase_cache: BoundedCache[str] = BoundedCache(200_000)  # (firm, day, window) -> phrase
        #: (a prepared query, the need's requirement names) -> :func:`need_phrases` (a function of the two):
        #: a reading is kept by the matcher, so a text shortlisted again puts its phrases together once
        self._need_phrases: PerObjectCache[tuple[str, str, str, str]] = PerObjectCache(4096)

    def clear_caches(self) -> None:
        """Forget the certification phrases kept per firm and date, and the need phrases kept per reading."""
        self._cert_phrase_cache.clear()
        self._need_phrases.clear()

    def reasons(self, needs: Sequence[Need], queries: Sequence[QueryTerms], need_pos: np.ndarray,
                firms: np.ndarray, status: np.ndarray, through: np.ndarray, as_of: _dt.date,
                signal_phrases: Sequence[Sequence[str]]) -> list[str]:
        """The ``reasons`` of each result row (need ``need_pos[r]``, firm ``firms[r]``): what depends on the
        need only is put together once per need, each firm's certifications once per call."""
        as_of_day = (as_of - EPOCH).days
        per_need = {i: self._phrases_of(needs[i], queries[i]) for i in set(need_pos.tolist())}
        phrases = zip(*signal_phrases) if signal_phrases else iter(lambda: (), None)
        held: dict[int, str] = {}  # firm -> its certifications phrase (this call)
        out = []
        for i, d, row_phrases, s, t in zip(need_pos.tolist(), firms.tolist(), phrases, status.tolist(),
                                           through.tolist()):
            need = needs[i]
            reading, met, unknown, met_lapsed = per_need[i]
            parts = [p for p in row_phrases if p]
            certified = held.get(d)
            if certified is None:
                certified = held[d] = self.certification_phrase(d, as_of_day)
            if certified:
                parts.append(certified)
            if need.near is not None:
                parts.append(f"{self.filters.miles(d, need.near):.1f} miles from {need.near.place}")
            if s == LAPSED:
                if met_lapsed:
                    parts.append(met_lapsed)
            elif met:
                parts.append(met)
            if unknown:
                parts.append(unknown)
            if s == LAPSED or s == UNKNOWN:
                reading += self._warning(need, s, t, as_of_day)
            if parts:
                sentence = "; ".join(parts)
                out.append(reading + sentence[:1].upper() + sentence[1:] + ".")
            else:
                out.append(reading)
        return out

    def _phrases_of(self, need: Need, query: QueryTerms) -> tuple[str, str, str, str]:
        """:func:`need_phrases`, kept per (reading, requirement names)."""
        names = tuple(need.requirements)
        found = self._need_phrases.get(query, names)
        return found if found is not None else self._need_phrases.put(query, need_phrases(need, query), names)

    @staticmethod
    def _warning(need: Need, status: int, through: int, as_of_day: int) -> str:
        """The warning a reason opens with for a firm whose certification lapsed or has no published date."""
        certs = " or ".join(need.certifications)
        if status == LAPSED:
            return (f"{certs + ' c' if certs else 'C'}ertification lapsed on "
                    f"{EPOCH + _dt.timedelta(days=through + 1)}: not certified on "
                    f"{EPOCH + _dt.timedelta(days=as_of_day)}. ")
        return f"No {certs + ' ' if certs else ''}certification renewal date is published: check with SBS. "

    def certification_phrase(self, d: int, as_of_day: int) -> str:
        """Each certification the firm holds, judged on the as-of day (lapsed ones say so, never "through"),
        each type on its own by :meth:`FirmFilters.type_status` (the status the rows are judged with)."""
        return self._cert_phrase_cache.get_or_build((d, as_of_day, self.config.expiring_within_days),
                                                    self._certification_phrase, d, as_of_day)

    def _certification_phrase(self, d: int, as_of_day: int) -> str:
        codes, through, renews = self.filters.type_status(EPOCH + _dt.timedelta(days=as_of_day))
        held = []
        for c in self.filters.cert_lists[d] or []:
            if c not in CERTIFICATION_TYPES:
                continue
            k = CERTIFICATION_TYPES.index(c)
            status, day = int(codes[d, k]), int(through[d, k])
            if status == UNKNOWN:
                held.append(f"{c} certified (no renewal date is published)")
            elif status == LAPSED:
                held.append(f"{c} lapsed on {EPOCH + _dt.timedelta(days=day + 1)}")
            elif status == EXPIRING:
                left = int(renews[d, k]) - as_of_day
                held.append(f"{c} certified through {EPOCH + _dt.timedelta(days=day)} "
                            f"(renewal due {'today' if left == 0 else f'in {left} day' + ('s' if left > 1 else '')})")
            else:
                held.append(f"{c} certified through {EPOCH + _dt.timedelta(days=day)}")
        return join_words(list(dict.fromkeys(held)))

def need_phrases(need: Need, query: QueryTerms) -> tuple[str, str, str, str]:
    """The parts of a reason that depend only on the need: its reading, requirements met, unknown words.

    The fourth part replaces the second for a firm whose certification
    lapsed (returned with ``include_lapsed``): it never "meets every requirement".
    """
    req = [k for k in need.requirements if k != "naics"]
    met = "meets every requirement (" + ", ".join(REQUIREMENT_LABELS.get(k, k) for k in req) + ")" if req else ""
    others = [k for k in req if k not in ("certifications", "certified_through")]
    met_lapsed = ("meets the need's other requirements (" + ", ".join(REQUIREMENT_LABELS.get(k, k) for k in others)
                  + ") but its certification is not current") if others else ""
    unknown = ("no firm mentions " + ", ".join(f"'{u}'" for u in query.unknown[:3])) if query.unknown else ""
    summary = query.summary()
    return (summary + ". " if summary else ""), met, unknown, met_lapsed


def funnel_rows(filters: FirmFilters, config: MatchConfig, batch: "RankingBatch", evidence: np.ndarray,
                score: np.ndarray, by_key: dict[tuple[str, ...], list[int]],
                status_arrays: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]]) -> list[dict[str, Any]]:
    """:meth:`Matcher.funnel <mwbe_match.Matcher.funnel>` rows for a chunk of needs: the candidates each
    requirement removes, in the order applied, and the sentence that says so.

    ``by_key``: the needs' positions by the certifications they ask for;
    ``status_arrays``: the firms' status codes and certified-through days for each.
    """
    key_of = {i: key for key, rows_of in by_key.items() for i in rows_of}
    rows = []
    for i, need in enumerate(batch.needs):
        candidates, removed, remaining = filters.funnel_counts(need, batch.as_of, evidence[i], score[i],
                                                               status_arrays[key_of[i]][0])
        rows.append({"need_id": need.need_id, "candidates": candidates, "eliminated_by": removed,
                     "remaining": remaining,
                     "reasons": funnel_sentence(need, batch.queries[i], batch.as_of, config, candidates, removed,
                                                remaining)})
    return rows


def parts_sentence(labels: Sequence[str], counts: Sequence[int]) -> str:
    """The funnel's sentence for a need of several parts: how many of the firms that meet every requirement
    cover each part ("Firms for each part of the need: 'plumber' 12, 'cabinet maker' 3.")."""
    return "Firms for each part of the need: " + ", ".join(f"'{label}' {count:,}" for label, count in
                                                          zip(labels, counts)) + "."


def _firms(count: int) -> str:
    return f"{count:,} firm" + ("" if count == 1 else "s")


def funnel_sentence(need: Need, query: QueryTerms, as_of: _dt.date, config: MatchConfig, candidates: int,
                    removed: list[tuple[str, int]], remaining: int) -> str:
    """ "11 firms fit the text and NAICS; 10 of them are not certified through 2027-06-30; the remaining
    one is outside Queens." """
    summary = query.summary()
    lead = summary + ". " if summary else ""
    if candidates == 0:
        if query.empty and need.text:
            return NeedReading.from_query(query).no_match_reason()
        return lead + "No firm in the directory fits this need's text."
    steps = list(removed)
    left = candidates
    if need.naics:
        _, gone = steps.pop(0)
        codes = ", ".join(need.naics)
        if not need.text:
            left = candidates - gone
            clauses = [f"{_firms(left)} {'is' if left == 1 else 'are'} in NAICS {codes}" if left else
                       f"No firm in the directory is in NAICS {codes}"]
        elif gone == candidates:
            return lead + (f"{_firms(candidates)} {'fits' if candidates == 1 else 'fit'} the text, but "
                           f"{'it is not' if candidates == 1 else 'none of them is'} in NAICS {codes}.")
        else:
            left = candidates - gone
            clauses = [f"{_firms(left)} {'fits' if left == 1 else 'fit'} the text and NAICS"]
    else:
        clauses = [f"{_firms(left)} {'fits' if left == 1 else 'fit'} the text"]
    first = True
    for name, gone in steps:
        if gone == 0 or left == 0:
            continue
        plural, singular = requirement_failure(name, need, as_of, config)
        if gone == left:
            if first:
                who = "it " + singular if left == 1 else f"all of them {plural}"
            else:
                who = "the remaining one " + singular if left == 1 else f"the remaining {left} {plural}"
        else:
            verb = singular if gone == 1 else plural
            who = f"{gone} of them {verb}" if first else f"{gone} of the remaining {left} {verb}"
        clauses.append(who)
        left -= gone
        first = False
    if remaining:
        clauses.append(f"{_firms(remaining)} {'meets' if remaining == 1 else 'meet'} every requirement")
    return lead + "; ".join(clauses) + "."


def requirement_failure(name: str, need: Need, as_of: _dt.date, config: MatchConfig) -> tuple[str, str]:
    """How a firm fails a requirement: (plural, singular) predicates ("are outside Queens", "is outside Queens")."""
    def both(plural: str, singular: str) -> tuple[str, str]:
        return plural, singular

    if name == "naics":
        codes = ", ".join(need.naics)
        return both(f"are not in NAICS {codes}", f"is not in NAICS {codes}")
    if name == "certifications":
        certs = " or ".join(need.certifications)
        return both(f"do not hold {certs} certification", f"does not hold {certs} certification")
    if name == "certified_through":
        return both(f"are not certified through {need.certified_through}",
                    f"is not certified through {need.certified_through}")
    if name == "lapsed":
        what = " ".join(need.certifications) + " " if len(need.certifications) == 1 else ""
        return both(f"are no longer {what}certified on {as_of} (lapsed)",
                    f"is no longer {what}certified on {as_of} (lapsed)")
    if name == "ethnicity":
        values = " or ".join(e.title() for e in need.ethnicity)
        return both(f"are not {values}-owned", f"is not {values}-owned")
    if name == "boroughs":
        places = " and ".join("the Bronx" if b == "BRONX" else b.title() for b in need.boroughs)
        return both(f"are outside {places}", f"is outside {places}")
    if name == "states":
        places = " and ".join(need.states)
        return both(f"are outside {places}", f"is outside {places}")
    if name == "near":
        r = f"{need.near.radius_miles:g} mile" + ("" if need.near.radius_miles == 1 else "s")
        return both(f"are farther than {r} from the job site (or not geocoded)",
                    f"is farther than {r} from the job site (or not geocoded)")
    if name == "min_bonding":
        return both(f"have no bonding limit of ${need.min_bonding:,.0f} or more",
                    f"has no bonding limit of ${need.min_bonding:,.0f} or more")
    if name == "min_contract_value":
        return both(f"have no past contract of ${need.min_contract_value:,.0f} or more",
                    f"has no past contract of ${need.min_contract_value:,.0f} or more")
    if name == "union_signatory":
        return both("are not union signatories", "is not a union signatory") if need.union_signatory else \
            both("are union signatories", "is a union signatory")
    if name == "passport_enrolled":
        return both("are not enrolled in PASSPort", "is not enrolled in PASSPort") if need.passport_enrolled else \
            both("are enrolled in PASSPort", "is enrolled in PASSPort")
    if name == "min_years_in_business":
        y = f"{need.min_years_in_business:g}"
        return both(f"have been in business less than {y} years (or give no date)",
                    f"has been in business less than {y} years (or gives no date)")
    if name == "exclude":
        return both("are excluded by account number", "is excluded by account number")
    if name == "min_score":
        return both(f"score below the minimum score of {config.min_score:g}",
                    f"scores below the minimum score of {config.min_score:g}")
    return both(f"fail {name}", f"fails {name}")  # pragma: no cover - every requirement is named above
