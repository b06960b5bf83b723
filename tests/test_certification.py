"""Certification status: every firm is judged active, expiring, lapsed or unknown on an as-of date."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings, strategies as st

from mwbe_match import Need
from mwbe_match.certification import certification_status, certification_valid_through, resolve_as_of


def _firms(rows: list[tuple[list[str], list[dt.date | None]]]) -> pd.DataFrame:
    return pd.DataFrame({"certifications": [c for c, _ in rows], "certification_renewal_dates": [d for _, d in rows]})


AS_OF = dt.date(2026, 12, 1)


def test_a_firm_whose_every_renewal_date_is_past_is_lapsed_with_the_day_it_lapsed():
    s = certification_status(_firms([(["MBE", "WBE"], [dt.date(2026, 4, 30), dt.date(2026, 11, 30)])]), AS_OF)
    assert s.certification_status.tolist() == ["lapsed"]
    assert s.certified_through.tolist() == [dt.date(2026, 11, 30)]
    assert s.lapsed_on.tolist() == [dt.date(2026, 12, 1)]


def test_a_certification_valid_on_the_as_of_day_itself_is_not_lapsed():
    s = certification_status(_firms([(["MBE"], [AS_OF])]), AS_OF)
    assert s.certification_status.tolist() == ["expiring"]


def test_a_firm_with_one_valid_certification_is_certified_and_expiring_when_it_renews_soon():
    firms = _firms([(["MBE", "WBE"], [dt.date(2026, 1, 1), dt.date(2027, 1, 15)]),
                    (["MBE"], [dt.date(2028, 1, 1)])])
    s = certification_status(firms, AS_OF)
    assert s.certification_status.tolist() == ["expiring", "active"]
    assert s.certification_status.tolist()[:1] == ["expiring"]
    assert certification_status(firms, AS_OF, expiring_within_days=30).certification_status.tolist() == \
        ["active", "active"]


def test_a_firm_without_any_published_renewal_date_is_unknown():
    s = certification_status(_firms([(["WBE"], []), (["MBE"], [None])]), AS_OF)
    assert s.certification_status.tolist() == ["unknown", "unknown"]
    assert s.certified_through.isna().all()


def test_status_is_aligned_with_the_directory_index_and_records_the_as_of_date():
    firms = _firms([(["MBE"], [dt.date(2030, 1, 1)])] * 3)
    firms.index = [7, 8, 9]
    s = certification_status(firms, "2026-12-01")
    assert list(s.index) == [7, 8, 9]
    assert set(s.as_of) == {AS_OF}


def test_valid_through_a_single_certification_ignores_the_others():
    firms = _firms([(["MBE", "WBE"], [dt.date(2027, 1, 1), dt.date(2029, 1, 1)]), (["MBE"], [dt.date(2028, 1, 1)])])
    wbe = certification_valid_through(firms, "WBE")
    assert wbe[0] == np.datetime64("2029-01-01") and np.isnat(wbe[1])
    assert certification_valid_through(firms)[1] == np.datetime64("2028-01-01")


def test_status_can_be_judged_on_the_certifications_asked_for_only():
    firms = _firms([(["MBE", "WBE"], [dt.date(2026, 4, 30), dt.date(2028, 1, 1)]), (["WBE"], [None])])
    assert certification_status(firms, AS_OF).certification_status.tolist() == ["active", "unknown"]
    mbe = certification_status(firms, AS_OF, certifications=["MBE"])
    assert mbe.certification_status.tolist() == ["lapsed", "unknown"]
    assert mbe.certified_through.tolist()[0] == dt.date(2026, 4, 30)
    with pytest.raises(ValueError, match="certifications"):
        certification_status(firms, AS_OF, certifications=["XBE"])


def test_bad_as_of_and_window_are_errors_that_name_them():
    with pytest.raises(ValueError, match="as_of"):
        resolve_as_of("next tuesday")
    with pytest.raises(ValueError, match="expiring_within_days"):
        certification_status(_firms([]), AS_OF, expiring_within_days=-1)


def test_the_real_extract_has_67_lapsed_firms_on_2026_12_01(real_directory):
    counts = certification_status(real_directory, AS_OF).certification_status.value_counts()
    assert counts["lapsed"] == 67


_day = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2032, 12, 31))


@given(st.lists(st.tuples(st.sampled_from(["MBE", "WBE", "EBE", "LBE"]), st.one_of(st.none(), _day)),
                min_size=0, max_size=4), _day)
def test_status_agrees_with_the_definition_for_any_firm(certs, as_of):
    firms = _firms([([c for c, _ in certs], [d for _, d in certs])])
    got = certification_status(firms, as_of).certification_status.iloc[0]
    dates = [d for _, d in certs if d is not None]
    if not dates:
        assert got == "unknown"
    elif max(dates) < as_of:
        assert got == "lapsed"
    elif min(d for d in dates if d >= as_of) < as_of + dt.timedelta(days=90):
        assert got == "expiring"
    else:
        assert got == "active"


def test_renews_on_is_the_next_renewal_of_a_certification_still_valid():
    firms = _firms([(["MBE", "WBE"], [dt.date(2026, 1, 1), dt.date(2027, 1, 15)]),
                    (["MBE", "WBE"], [dt.date(2027, 3, 1), dt.date(2026, 12, 20)]),
                    (["MBE"], [dt.date(2025, 1, 1)])])
    s = certification_status(firms, AS_OF)
    assert s.renews_on.tolist()[:2] == [dt.date(2027, 1, 15), dt.date(2026, 12, 20)]
    assert s.renews_on.isna().tolist() == [False, False, True]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 60), st.integers(1, 40))
def test_a_slice_of_the_directory_is_judged_like_the_same_rows_of_the_whole(start, length):
    firms = _firms([(["MBE", "WBE"][: 1 + i % 2], [dt.date(2026, 1 + i % 12, 1)] * (1 + i % 2) if i % 5 else [])
                    for i in range(100)])
    firms["certifications"] = pd.array(firms["certifications"], dtype=pd.ArrowDtype(pa.list_(pa.string())))
    firms["certification_renewal_dates"] = pd.array(firms["certification_renewal_dates"],
                                                    dtype=pd.ArrowDtype(pa.list_(pa.date32())))
    whole = certification_status(firms, AS_OF - dt.timedelta(days=200))
    part = certification_status(firms.iloc[start:start + length], AS_OF - dt.timedelta(days=200))
    assert part["certification_status"].tolist() == whole["certification_status"].iloc[start:start + length].tolist()
    assert part["certified_through"].tolist() == whole["certified_through"].iloc[start:start + length].tolist()


def _with_certs(directory: pd.DataFrame, account: str, certs: list[str], dates: list[dt.date]) -> pd.DataFrame:
    """The directory with one firm's certifications and renewal dates replaced."""
    out = directory.copy()
    i = int(np.flatnonzero((out.account_number == account).to_numpy())[0])
    c, r = out.certifications.tolist(), out.certification_renewal_dates.tolist()
    c[i], r[i] = certs, dates
    out["certifications"] = pd.array(pa.array(c, pa.list_(pa.string())), dtype=pd.ArrowDtype(pa.list_(pa.string())))
    out["certification_renewal_dates"] = pd.array(pa.array(r, pa.list_(pa.date32())),
                                                  dtype=pd.ArrowDtype(pa.list_(pa.date32())))
    return out


def test_a_lapsed_certification_is_not_listed_as_valid_when_the_firm_holds_another_valid_one(real_directory):
    import mwbe_match as mm

    firm = real_directory[real_directory.account_number == "338805"].iloc[0]
    d = _with_certs(real_directory, "338805", ["MBE", "WBE"], [dt.date(2025, 1, 1), dt.date(2028, 1, 1)])
    verified = mm.match_names([firm["name"]], d, as_of=AS_OF)
    assert verified.certification_status.tolist() == ["active"]
    assert list(verified.valid_certifications.iloc[0]) == ["WBE"]
    shortlist = mm.Matcher(d, config=mm.MatchConfig(as_of=AS_OF)).shortlist(firm["name"], top=50)
    row = shortlist[shortlist.account_number == "338805"]
    assert len(row) == 1
    assert list(row.certifications.iloc[0]) == ["MBE", "WBE"]
    assert list(row.valid_certifications.iloc[0]) == ["WBE"]
    assert shortlist.columns.get_loc("valid_certifications") == shortlist.columns.get_loc("certifications") + 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["MBE", "WBE", "EBE", "LBE"]), st.one_of(st.none(), _day)),
                         min_size=0, max_size=4), min_size=1, max_size=6), _day)
def test_valid_certifications_are_exactly_the_held_ones_renewing_on_or_after_as_of(firms, as_of):
    got = certification_status(_firms([([c for c, _ in f], [d for _, d in f]) for f in firms]), as_of)
    for held, valid in zip(firms, got.valid_certifications.tolist()):
        expected = list(dict.fromkeys(c for c, d in held if d is not None and d >= as_of))
        assert list(valid) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["MBE", "WBE", "EBE", "LBE"]), st.one_of(st.none(), _day)),
                         min_size=0, max_size=4), min_size=1, max_size=6), _day, st.integers(0, 400))
def test_the_status_arrays_and_each_type_judged_alone_are_the_frame_judgement(firms, as_of, window):
    from mwbe_match.certification import (CERTIFICATION_STATUSES, CERTIFICATION_TYPES, NO_DAY, renewal_days_by_type,
                                          status_codes, status_codes_by_type)

    frame = _firms([([c for c, _ in f], [d for _, d in f]) for f in firms])

    def days(column: pd.Series) -> list[int]:
        return [NO_DAY if pd.isna(v) else (v - dt.date(1970, 1, 1)).days for v in column]

    def agree(arrays, judged):
        codes, through, renews = arrays
        assert [CERTIFICATION_STATUSES[k] for k in codes] == judged.certification_status.tolist()
        assert through.tolist() == days(judged.certified_through)
        assert renews.tolist() == days(judged.renews_on)

    agree(status_codes(frame, as_of, expiring_within_days=window),
          certification_status(frame, as_of, expiring_within_days=window))
    by_type = status_codes_by_type(frame, as_of, expiring_within_days=window)
    held, latest = renewal_days_by_type(frame)
    for k, c in enumerate(CERTIFICATION_TYPES):
        agree(tuple(a[:, k] for a in by_type),
              certification_status(frame, as_of, expiring_within_days=window, certifications=[c]))
        assert held[:, k].tolist() == [any(t == c for t, _ in f) for f in firms]
        assert latest[:, k].tolist() == [max([(d - dt.date(1970, 1, 1)).days for t, d in f if t == c and d],
                                              default=NO_DAY) for f in firms]


def test_a_shortlist_reason_judges_each_certification_as_the_status_column_does(real_directory):
    from mwbe_match import Matcher, MatchConfig

    as_of = dt.date(2026, 12, 1)
    matcher = Matcher(real_directory, MatchConfig(as_of=as_of, include_lapsed=True))
    rows = matcher.shortlist_many(["construction", "cleaning", "consulting", "software", "trucking"], top=40)
    for cert in ("MBE", "WBE"):
        alone = matcher.shortlist_many([Need(str(i), t, certifications=cert) for i, t in
                                        enumerate(["construction", "cleaning", "consulting"])], top=40)
        for status, reason in zip(alone.certification_status, alone.reasons):
            if status == "lapsed":
                assert f"{cert} lapsed on" in reason
            elif status == "unknown":
                assert f"{cert} certified (no renewal date is published)" in reason
            else:
                assert f"{cert} certified through" in reason and f"{cert} lapsed" not in reason
            assert ("renewal due" in reason.split(f"{cert} certified through")[-1].split(";")[0]) == \
                (status == "expiring")
    assert len(rows) > 100 and set(rows.certification_status) >= {"active", "lapsed"}


def test_an_empty_certification_list_judges_every_certification_so_a_lapsed_firm_stays_lapsed(real_directory) -> None:
    from mwbe_match.certification import certification_status, status_codes

    every = certification_status(real_directory, "2026-12-01")
    assert (every["certification_status"] == "lapsed").any()
    for empty in ((), []):
        pd.testing.assert_frame_equal(certification_status(real_directory, "2026-12-01", certifications=empty), every)
        for a, b in zip(status_codes(real_directory, "2026-12-01", certifications=empty),
                        status_codes(real_directory, "2026-12-01")):
            np.testing.assert_array_equal(a, b)
    pd.testing.assert_frame_equal(certification_status(real_directory, "2026-12-01", certifications="MBE"),
                                  certification_status(real_directory, "2026-12-01", certifications=["MBE"]))
