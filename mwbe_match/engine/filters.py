"""Engine stage 5, requirement filters: hard-requirement masks, certification status on a date, distance, funnel.

Hard requirements (NAICS, certification, borough, radius, bonding, ...) are
boolean masks over the firms: a firm that fails one is never returned.
Certification is judged on the as-of date by
:func:`mwbe_match.certification.certification_status`; a firm whose
certification lapsed is left out unless ``MatchConfig.include_lapsed``.
Masks and status arrays are computed once per requirement set / date and kept.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..certification import (CERTIFICATION_STATUSES, NO_DAY, renewal_days_by_type, status_codes,
                             status_codes_by_type, valid_certifications)
from ..vocabulary import BOROUGHS, CERTIFICATION_TYPES, ETHNICITIES
from .caching import BoundedCache
from .config import MatchConfig
from .firms import column, positions
from .industry import NaicsCodes
from .need import Need

__all__ = ["FirmFilters", "NO_DATE", "EPOCH", "LAPSED", "UNKNOWN", "EXPIRING", "EARTH_RADIUS_MILES", "years_before"]

EARTH_RADIUS_MILES = 3958.7613
#: Day number standing for "no date".
NO_DATE = np.iinfo(np.int64).min // 4
#: Day 0 of the day numbers.
EPOCH = _dt.date(1970, 1, 1)
#: Codes (in CERTIFICATION_STATUSES) of the statuses the ranking treats specially.
LAPSED = CERTIFICATION_STATUSES.index("lapsed")
UNKNOWN = CERTIFICATION_STATUSES.index("unknown")
EXPIRING = CERTIFICATION_STATUSES.index("expiring")


def _as_no_date(days: np.ndarray) -> np.ndarray:
    """The certification module's day numbers with its "no day" (:data:`NO_DAY`, ``int64`` min) as
    :data:`NO_DATE`, which leaves room for day arithmetic without overflow."""
    return np.where(days == NO_DAY, NO_DATE, days)


class FirmFilters:
    """The firms' structured columns as arrays, and the masks of the firms meeting requirements."""

    def __init__(self, table: pa.Table, naics: NaicsCodes, config: MatchConfig) -> None:
        self.table = table
        self.config = config
        self.naics = naics
        self.n_firms = n = table.num_rows
        self._build_certifications(table)

        def codes(col: str, values: Sequence[str]) -> np.ndarray:
            return positions(column(table, col), values)

        self._ethnicity = codes("ethnicity", ETHNICITIES)
        self._borough = codes("borough", BOROUGHS)
        state = column(table, "state")
        self._state_values = pc.unique(state.drop_null()).to_pylist()
        self._state = codes("state", self._state_values)

        def floats(col: str) -> np.ndarray:
            return np.asarray(pc.cast(column(table, col), pa.float64()).fill_null(np.nan), dtype=np.float64)

        self._lat = np.radians(floats("latitude"))
        self._lon = np.radians(floats("longitude"))
        self._bonding = floats("bonding_limit")
        self._largest = floats("largest_contract_value")
        self._union = np.asarray(pc.is_valid(column(table, "union_signatory")), dtype=bool)
        passport = column(table, "passport_enrolled")
        self._passport_true = np.asarray(passport.fill_null(False), dtype=bool)
        self._passport_false = np.asarray(pc.invert(passport).fill_null(False), dtype=bool)
        established = pc.cast(column(table, "established"), pa.int32()).fill_null(np.iinfo(np.int32).max)
        self._established = np.asarray(established, dtype=np.int64)
        accounts = column(table, "account_number")
        self._account_pos = {a: i for i, a in enumerate(accounts.to_pylist()) if a is not None}
        # tie-break order: account number ascending (missing last)
        order = np.asarray(pc.sort_indices(accounts.fill_null("\U0010ffff")), dtype=np.int64)
        self.tiebreak = np.empty(n, dtype=np.int64)
        self.tiebreak[order] = np.arange(n)
        self._mask_cache: BoundedCache[np.ndarray] = BoundedCache(256)  # requirement set -> mask
        self._status_cache: BoundedCache[Any] = BoundedCache(64)  # per date: status arrays, valid certifications

    def _build_certifications(self, table: pa.Table) -> None:
        """Which certification types each firm holds and the renewal day of each
        (:func:`mwbe_match.certification.renewal_days_by_type`)."""
        held, latest = renewal_days_by_type(table)
        #: (n x T) whether each firm holds each certification type
        self.cert_held = held
        #: (n x T) renewal day of each held certification (NO_DATE: none published)
        self.cert_renewal = _as_no_date(latest)
        # earliest renewal over the certifications a firm holds (a missing date makes it NO_DATE)
        held_renewal = np.where(self.cert_held, self.cert_renewal, np.iinfo(np.int64).max)
        earliest = held_renewal.min(axis=1)
        earliest[~self.cert_held.any(axis=1)] = NO_DATE
        self._all_certs_renewal = earliest
        #: each firm's certifications as listed
        self.cert_lists = column(table, "certifications").to_pylist()

    def clear_caches(self) -> None:
        """Forget the masks and status arrays kept between calls."""
        self._mask_cache.clear()
        self._status_cache.clear()

    # ------------------------------------------------------------------ requirements

    def requirement_mask(self, need: Need, as_of: _dt.date) -> np.ndarray | None:
        """Boolean mask of firms meeting every hard requirement (None when there are none)."""
        req = need.requirements
        if not req:
            return None
        key = tuple(sorted((k, v) for k, v in req.items())) + ((as_of,) if "min_years_in_business" in req else ())
        return self._mask_cache.get_or_build(key, self._requirement_mask, need, as_of)

    def _requirement_mask(self, need: Need, as_of: _dt.date) -> np.ndarray:
        mask = np.ones(self.n_firms, dtype=bool)
        for _, step in self.requirement_steps(need, as_of):
            mask &= step
        return mask

    def requirement_steps(self, need: Need, as_of: _dt.date) -> list[tuple[str, np.ndarray]]:
        """``(requirement, mask of the firms meeting it)`` for each hard requirement, in the order applied."""
        n = self.n_firms
        steps: list[tuple[str, np.ndarray]] = []
        if need.naics:
            steps.append(("naics", self.naics.in_codes(need.naics)))
        cols = [CERTIFICATION_TYPES.index(c) for c in need.certifications]
        if cols:
            steps.append(("certifications", self.cert_held[:, cols].any(axis=1)))
        if need.certified_through is not None:
            day = (need.certified_through - EPOCH).days
            if cols:
                # at least one of the requested certifications must still be valid on the date
                steps.append(("certified_through",
                              (self.cert_held[:, cols] & (self.cert_renewal[:, cols] >= day)).any(axis=1)))
            else:  # every certification the firm holds
                steps.append(("certified_through", self._all_certs_renewal >= day))
        if need.ethnicity:
            steps.append(("ethnicity", np.isin(self._ethnicity, [ETHNICITIES.index(e) for e in need.ethnicity])))
        if need.boroughs:
            steps.append(("boroughs", np.isin(self._borough, [BOROUGHS.index(b) for b in need.boroughs])))
        if need.states:
            wanted = [self._state_values.index(s) for s in need.states if s in self._state_values]
            steps.append(("states", np.isin(self._state, wanted)))
        if need.near is not None:
            steps.append(("near", self.within(need.near.latitude, need.near.longitude, need.near.radius_miles)))
        if need.min_bonding is not None:
            steps.append(("min_bonding", self._bonding >= need.min_bonding))  # NaN (no stated limit) fails
        if need.min_contract_value is not None:
            steps.append(("min_contract_value", self._largest >= need.min_contract_value))
        if need.union_signatory is not None:
            steps.append(("union_signatory", self._union if need.union_signatory else ~self._union))
        if need.passport_enrolled is not None:
            steps.append(("passport_enrolled",
                          self._passport_true if need.passport_enrolled else self._passport_false))
        if need.min_years_in_business is not None:
            steps.append(("min_years_in_business",
                          self._established <= years_before(as_of, need.min_years_in_business)))
        if need.exclude:
            ok = np.ones(n, dtype=bool)
            ok[[self._account_pos[a] for a in need.exclude if a in self._account_pos]] = False
            steps.append(("exclude", ok))
        return steps

    # ------------------------------------------------------------------ certification on a date

    def certification_arrays(self, as_of: _dt.date, certifications: tuple[str, ...]) \
            -> tuple[np.ndarray, np.ndarray]:
        """Per firm, on ``as_of``: the status code (index in CERTIFICATION_STATUSES) and certified-through day.

        Judged on ``certifications`` (every certification when empty), with
        :func:`mwbe_match.certification.status_codes` (the arrays of
        :func:`~mwbe_match.certification.certification_status`): a requested
        certification whose renewal date is not published is ``unknown`` (kept
        and flagged), even when the firm's other certifications lapsed.
        Computed once per (date, window, certifications) and kept.
        """
        window = self.config.expiring_within_days
        return self._status_cache.get_or_build((as_of, window, certifications), self._certification_arrays,
                                               as_of, window, certifications)

    def _certification_arrays(self, as_of: _dt.date, window: int, certifications: tuple[str, ...]) \
            -> tuple[np.ndarray, np.ndarray]:
        codes, through, _ = status_codes(self.table, as_of, expiring_within_days=window,
                                         certifications=certifications or None)
        return codes, _as_no_date(through)

    def type_status(self, as_of: _dt.date) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per firm and certification type (n x T, :data:`CERTIFICATION_TYPES` order), each type judged on its
        own on ``as_of`` (:func:`mwbe_match.certification.status_codes_by_type`): status code, certified-through
        day and the renewal day still ahead (NO_DATE: none). Computed once per (date, window) and kept."""
        window = self.config.expiring_within_days
        return self._status_cache.get_or_build(("by type", as_of, window), self._type_status, as_of, window)

    def _type_status(self, as_of: _dt.date, window: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        codes, through, renews = status_codes_by_type(self.table, as_of, expiring_within_days=window)
        return codes, _as_no_date(through), _as_no_date(renews)

    def valid_certifications(self, as_of: _dt.date) -> pa.ListArray:
        """Per firm, the certification types valid on ``as_of``
        (:func:`mwbe_match.certification.valid_certifications`), computed once per date and kept."""
        return self._status_cache.get_or_build(("valid", as_of), valid_certifications, self.table, as_of)

    # ------------------------------------------------------------------ distance

    def within(self, lat: float, lon: float, radius_miles: float) -> np.ndarray:
        """Firms within ``radius_miles`` (haversine); firms without coordinates are outside."""
        phi, lam = math.radians(lat), math.radians(lon)
        with np.errstate(invalid="ignore"):
            h = (np.sin((self._lat - phi) / 2) ** 2
                 + math.cos(phi) * np.cos(self._lat) * np.sin((self._lon - lam) / 2) ** 2)
            dist = 2 * EARTH_RADIUS_MILES * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
        return np.nan_to_num(dist, nan=np.inf) <= radius_miles

    def miles(self, d: int, near: Any) -> float:
        """Great-circle miles from firm ``d`` to the need's job site (the distance :meth:`within` tests)."""
        phi, lam = math.radians(near.latitude), math.radians(near.longitude)
        h = (math.sin((self._lat[d] - phi) / 2) ** 2
             + math.cos(phi) * math.cos(self._lat[d]) * math.sin((self._lon[d] - lam) / 2) ** 2)
        return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(min(h, 1.0)))

    # ------------------------------------------------------------------ funnel

    def funnel_counts(self, need: Need, as_of: _dt.date, evidence: np.ndarray, score: np.ndarray,
                      status: np.ndarray) -> tuple[int, list[tuple[str, int]], int]:
        """``(candidates, [(requirement, candidates it removes that the earlier ones kept)], remaining)``.

        ``evidence``: the firms that fit the need's text; ``score``: their
        scores; ``status``: their certification status codes. The default
        exclusion of lapsed firms is applied right after the certification
        requirements, ``min_score`` last.
        """
        cfg = self.config
        steps = self.requirement_steps(need, as_of)
        if not cfg.include_lapsed:
            at = max([k + 1 for k, (name, _) in enumerate(steps)
                      if name in ("naics", "certifications", "certified_through")], default=0)
            steps.insert(at, ("lapsed", status != LAPSED))
        if cfg.min_score > 0:
            steps.append(("min_score", score >= cfg.min_score))
        left = evidence.copy()
        candidates = int(np.count_nonzero(left))
        removed = []
        for name, mask in steps:
            gone = int(np.count_nonzero(left & ~mask))
            left &= mask
            removed.append((name, gone))
        return candidates, removed, int(np.count_nonzero(left))


def years_before(day: _dt.date, years: float) -> int:
    """Days since the epoch of the date ``years`` before ``day``."""
    return int((day - EPOCH).days - math.ceil(years * 365.2425))
