"""Specification of certification status in shortlists: lapsed firms never pass as certified; every row says
where it stands on the as-of date, whom to call and where the firm is; no-match needs say what removed the firms."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match import MatchConfig, Matcher, Need
from mwbe_match.certification import CERTIFICATION_STATUSES, certification_status
from mwbe_match.cli import main
from mwbe_match.schema import CERTIFICATION_TYPES

from conftest import PROJECT_DIR

AS_OF = dt.date(2026, 12, 1)
CONFIG = MatchConfig(as_of=AS_OF)
WITH_LAPSED = MatchConfig(as_of=AS_OF, include_lapsed=True)
NEEDS_EXAMPLE = PROJECT_DIR / "datasets" / "needs_example.csv"


@pytest.fixture(scope="module")
def real_firms(real_directory) -> pd.DataFrame:
    """The real extract, one row per account number, with each firm's status on AS_OF."""
    firms = mwbe_match.unique_firms(real_directory).reset_index(drop=True)
    return pd.concat([firms, certification_status(firms, AS_OF)[["certification_status", "lapsed_on"]]
                      .rename(columns={"certification_status": "status"})], axis=1).set_index("account_number")


@pytest.fixture(scope="module")
def real_matcher(real_directory) -> Matcher:
    return Matcher(real_directory, CONFIG)


@pytest.fixture(scope="module")
def real_matcher_with_lapsed(real_directory) -> Matcher:
    return Matcher(real_directory, WITH_LAPSED)


def _example_needs() -> list[Need]:
    rows = pd.read_csv(NEEDS_EXAMPLE, dtype=str, keep_default_na=False).to_dict("records")
    return [Need.from_mapping(r) for r in rows]


def _claims_of_current_certification(reason: str) -> list[dt.date]:
    """The dates of every "certified through DATE" in a reason."""
    return [dt.date.fromisoformat(d) for d in re.findall(r"certified through (\d{4}-\d\d-\d\d)", reason)]


# --------------------------------------------------------------------------- lapsed firms


def test_a_lapsed_firm_is_left_out_of_every_example_shortlist_by_default(tmp_path: Path, real_sample_path,
                                                                        real_firms):
    summary = mwbe_match.run_shortlist(NEEDS_EXAMPLE, tmp_path / "s.parquet", directory=real_sample_path,
                                       as_of=AS_OF)
    out = pq.read_table(tmp_path / "s.parquet").to_pandas()
    rows = out[out["status"] == "shortlisted"]
    assert summary.shortlisted > 0 and len(rows) > 0
    assert "lapsed" not in set(rows["certification_status"])
    assert (real_firms.loc[rows["account_number"], "status"] != "lapsed").all()
    assert set(out["as_of"].dropna()) == {AS_OF}
    assert set(rows["certification_status"]) <= set(CERTIFICATION_STATUSES)


def test_include_lapsed_returns_lapsed_firms_flagged_with_the_day_they_lapsed(real_matcher_with_lapsed,
                                                                              real_firms):
    result = real_matcher_with_lapsed.shortlist_many(_example_needs(), top=50)
    lapsed = result[result["certification_status"] == "lapsed"]
    assert len(lapsed) > 0
    for row in lapsed.itertuples():
        lapsed_on = real_firms.loc[row.account_number, "lapsed_on"]
        if real_firms.loc[row.account_number, "status"] == "lapsed":  # every certification lapsed
            assert f"ertification lapsed on {lapsed_on}: not certified on {AS_OF}" in row.reasons
            assert row.certified_through < AS_OF
        assert "meets every requirement" not in row.reasons
        assert "lapsed on" in row.reasons


def test_include_lapsed_adds_the_lapsed_firms_to_the_default_shortlist_and_nothing_else(real_matcher,
                                                                                       real_matcher_with_lapsed):
    needs = _example_needs()
    default = real_matcher.shortlist_many(needs, top=1000)
    everyone = real_matcher_with_lapsed.shortlist_many(needs, top=1000)
    kept = everyone[everyone["certification_status"] != "lapsed"]
    key = ["need_id", "account_number", "score"]
    assert kept[key].reset_index(drop=True).equals(default[key].reset_index(drop=True))
    assert len(everyone) > len(default)


def test_no_reason_ever_calls_a_lapsed_certification_current(real_matcher_with_lapsed):
    result = real_matcher_with_lapsed.shortlist_many(_example_needs(), top=50)
    for reason in result["reasons"]:
        assert all(day >= AS_OF for day in _claims_of_current_certification(reason)), reason


def test_a_firm_whose_asked_certification_is_undated_is_unknown_not_lapsed_and_the_reason_is_true():
    # MBE has no published date, WBE lapsed: judged on MBE the firm is "unknown" (the status definitions),
    # kept and flagged; nothing says its MBE lapsed, nothing says its WBE is current
    frame = _bundled().copy()
    for column, value in (("certifications", ["MBE", "WBE"]),
                          ("certification_renewal_dates", [None, dt.date(2025, 1, 31)])):
        cells = frame[column].tolist()
        cells[0] = value
        frame[column] = pd.Series(pa.array([None if c is None else list(c) for c in cells],
                                           frame[column].dtype.pyarrow_dtype),
                                  index=frame.index, dtype=frame[column].dtype)
    account, code = frame["account_number"].iloc[0], frame["naics_code"].iloc[0]
    need = Need("n", naics=code, certifications="MBE")
    row = Matcher(frame, CONFIG).shortlist(need, top=1000).set_index("account_number").loc[account]
    assert row["certification_status"] == "unknown"
    assert row["reasons"].startswith("No MBE certification renewal date is published: check with SBS.")
    assert "MBE lapsed" not in row["reasons"] and "WBE lapsed on 2025-02-01" in row["reasons"]
    assert "WBE certified" not in row["reasons"]
    # asked for WBE, the same firm is lapsed and left out by default
    assert account not in set(Matcher(frame, CONFIG).shortlist(Need("w", naics=code, certifications="WBE"),
                                                                top=1000)["account_number"])


# --------------------------------------------------------------------------- unknown, expiring, as_of


def test_a_firm_without_a_published_renewal_date_is_kept_and_flagged(real_matcher, real_firms):
    unknown = real_firms[real_firms["status"] == "unknown"]
    account, firm = unknown.index[0], unknown.iloc[0]
    result = real_matcher.shortlist(Need("n", naics=firm["naics_code"]), top=1000).set_index("account_number")
    assert account in result.index
    row = result.loc[account]
    assert row["certification_status"] == "unknown" and pd.isna(row["certified_through"])
    assert "No certification renewal date is published: check with SBS." in row["reasons"]


def test_the_as_of_date_decides_who_is_left_out(real_directory, real_firms):
    firm = real_firms[real_firms["status"] == "active"].iloc[0]
    account = firm.name
    last_day = max(d for d in firm["certification_renewal_dates"] if not pd.isna(d))
    need = Need("n", naics=firm["naics_code"])

    def row(as_of: dt.date, **config) -> pd.Series | None:
        result = Matcher(real_directory, MatchConfig(as_of=as_of, **config)).shortlist(need, top=1000)
        result = result.set_index("account_number")
        return result.loc[account] if account in result.index else None

    on_last_day = row(last_day)
    assert on_last_day is not None and on_last_day["certification_status"] == "expiring"
    assert on_last_day["as_of"] == last_day and on_last_day["certified_through"] == last_day
    day_after = last_day + dt.timedelta(days=1)
    assert row(day_after) is None
    flagged = row(day_after, include_lapsed=True)
    assert flagged["certification_status"] == "lapsed"
    assert f"lapsed on {day_after}" in flagged["reasons"]


def test_an_expiring_firm_s_reason_says_when_it_must_renew(real_matcher, real_firms, real_directory):
    firm = real_firms[real_firms["status"] == "expiring"].iloc[0]
    result = real_matcher.shortlist(Need("n", naics=firm["naics_code"]), top=1000).set_index("account_number")
    row = result.loc[firm.name]
    assert row["certification_status"] == "expiring"
    days = (row["certified_through"] - AS_OF).days
    assert f"certified through {row['certified_through']}" in row["reasons"]
    assert re.search(r"\(renewal due in \d+ days?\)", row["reasons"]) and days < 90
    narrow = Matcher(real_directory, dataclasses.replace(CONFIG, expiring_within_days=0))
    again = narrow.shortlist(Need("n", naics=firm["naics_code"]), top=1000).set_index("account_number")
    assert again.loc[firm.name, "certification_status"] == "active"


# --------------------------------------------------------------------------- contact details


def test_every_row_says_whom_to_call_and_where_the_firm_is(real_matcher, real_firms):
    result = real_matcher.shortlist_many(_example_needs()[:8], top=10)
    assert len(result) > 0
    for row in result.itertuples():
        firm = real_firms.loc[row.account_number]
        name = " ".join(p for p in (firm["contact_first_name"], firm["contact_last_name"]) if not pd.isna(p))
        assert (row.contact_name if not pd.isna(row.contact_name) else "") == name
        for column in ("address_line_1", "address_line_2", "city", "state", "zip", "ethnicity", "latitude",
                       "longitude", "phone", "website"):
            got, want = getattr(row, column), firm[column]
            assert (pd.isna(got) and pd.isna(want)) or got == want, column


# --------------------------------------------------------------------------- min_score, texts, no-match reasons


def test_min_score_drops_the_rows_scoring_below_it(real_directory):
    needs = _example_needs()
    every = Matcher(real_directory, CONFIG).shortlist_many(needs, top=1000)
    cutoff = float(every["score"].median())
    strict = Matcher(real_directory, dataclasses.replace(CONFIG, min_score=cutoff)).shortlist_many(needs, top=1000)
    assert len(strict) < len(every) and (strict["score"] >= cutoff).all()
    key = ["need_id", "account_number", "score"]
    expected = every.loc[every["score"] >= cutoff, key].reset_index(drop=True)
    assert strict[key].reset_index(drop=True).equals(expected)


def test_the_funnel_counts_the_firms_below_min_score_last_and_none_without_it(real_directory):
    needs = [Need("a", "office cleaning", boroughs="Queens"), Need("b", "electrical contractor")]
    every = Matcher(real_directory, CONFIG)
    cutoff = float(every.shortlist_many(needs, top=1000)["score"].median())
    strict = Matcher(real_directory, dataclasses.replace(CONFIG, min_score=cutoff))
    for plain, scored, need in zip(every.funnel(needs).itertuples(), strict.funnel(needs).itertuples(), needs):
        assert "min_score" not in dict(plain.eliminated_by)
        assert list(scored.eliminated_by)[:-1] == list(plain.eliminated_by)  # the same steps, min_score last
        assert list(scored.eliminated_by)[-1][0] == "min_score" and list(scored.eliminated_by)[-1][1] > 0
        assert plain.remaining == len(every.shortlist(need, top=10_000))
        assert scored.remaining == len(strict.shortlist(need, top=10_000)) < plain.remaining


def test_shortlist_many_takes_plain_texts_mixed_with_needs(real_matcher):
    result = real_matcher.shortlist_many(["office cleaning", Need("p", "plumbing"), "catering"], top=5)
    assert list(dict.fromkeys(result["need_id"])) == ["1", "p", "3"]
    alone = real_matcher.shortlist(Need("3", "catering"), top=5)
    pd.testing.assert_frame_equal(result[result["need_id"] == "3"].reset_index(drop=True), alone)


@pytest.mark.parametrize("need", [
    Need("a", "structural engineering design", naics="5413", certifications=["MBE", "WBE"],
         certified_through="2030-12-31", min_years_in_business=15),
    Need("b", "office cleaning", certifications="WBE", certified_through="2027-06-30", boroughs="Staten Island"),
    Need("c", "electrical contractor", boroughs="Queens", min_bonding=1_000_000, passport_enrolled=True),
    Need("d", naics="2382", union_signatory=True, ethnicity="ASIAN"),
], ids=lambda n: n.need_id)
def test_the_funnel_counts_what_each_requirement_removed_in_the_order_applied(real_directory, need):
    matcher = Matcher(real_directory, WITH_LAPSED)
    funnel = matcher.funnel(need).iloc[0]
    steps = list(funnel["eliminated_by"])
    applied = [name for name, _ in steps]
    assert applied == [k for k in ("naics", "certifications", "certified_through", "ethnicity", "boroughs",
                                   "states", "near", "min_bonding", "min_contract_value", "union_signatory",
                                   "passport_enrolled", "min_years_in_business", "exclude") if k in applied]
    # the same numbers, from shortlists that apply the requirements one more at a time
    fields = {name: getattr(need, name) for name in applied}
    left = funnel["candidates"]
    for j, (name, removed) in enumerate(steps):
        left -= removed
        partial = Need("n", need.text, **{k: fields[k] for k in applied[:j + 1]})
        assert len(matcher.shortlist(partial, top=10_000)) == left, name
    assert left == funnel["remaining"] == len(matcher.shortlist(need, top=10_000))


def test_a_no_match_need_says_which_requirement_eliminated_how_many_candidates(real_matcher):
    need = Need("n", "structural engineering design", naics="5413", certifications=["MBE", "WBE"],
                certified_through="2030-12-31", boroughs="Queens")
    assert len(real_matcher.shortlist(need, top=10)) == 0
    funnel = real_matcher.funnel(need).iloc[0]
    removed = dict(funnel["eliminated_by"])
    assert funnel["remaining"] == 0 and sum(removed.values()) == funnel["candidates"]
    fit = funnel["candidates"] - removed["naics"]
    sentence = funnel["reasons"]
    assert sentence.startswith(f"{fit} firm{'s' if fit != 1 else ''} fit")
    assert "the text and NAICS" in sentence
    if removed["certified_through"]:
        assert f"{removed['certified_through']} of them" in sentence and "not certified through 2030-12-31" \
            in sentence
    assert sentence.endswith("outside Queens.")


def test_batch_no_match_rows_carry_the_funnel_and_the_csv_spells_it_out(tmp_path: Path, real_sample_path):
    needs = pd.DataFrame({"need_id": ["q1", "q2"], "text": ["office cleaning", "structural engineering design"],
                          "naics": ["", "5413"], "certified_through": ["", "2030-12-31"],
                          "boroughs": ["", "Queens"]})
    mwbe_match.run_shortlist(needs, tmp_path / "s.parquet", directory=real_sample_path, as_of=AS_OF)
    out = pq.read_table(tmp_path / "s.parquet").to_pandas()
    miss = out[out["status"] == "no_match"].iloc[0]
    assert miss["need_id"] == "q2" and miss["as_of"] == AS_OF
    counts = dict(miss["eliminated_by"])
    assert list(counts) == ["naics", "certified_through", "lapsed", "boroughs"]
    assert sum(counts.values()) == miss["candidates"] and "outside Queens" in miss["reasons"]
    assert out.loc[out["status"] == "shortlisted", "eliminated_by"].isna().all()
    assert "naics: " in repr(mwbe_match.show(out[out["status"] == "no_match"]))
    mwbe_match.run_shortlist(needs, tmp_path / "s.csv", directory=real_sample_path, as_of=AS_OF)
    text = pd.read_csv(tmp_path / "s.csv", dtype=str, keep_default_na=False)
    assert text.loc[text["status"] == "no_match", "eliminated_by"].iloc[0] == \
        "; ".join(f"{k}: {v}" for k, v in counts.items())


# --------------------------------------------------------------------------- configuration and command line


def test_settings_are_checked_and_a_built_matcher_is_not_silently_reconfigured(tmp_path: Path, real_matcher):
    with pytest.raises(ValueError, match="min_score"):
        MatchConfig(min_score=101)
    with pytest.raises(ValueError, match="expiring_within_days"):
        MatchConfig(expiring_within_days=-3)
    with pytest.raises(ValueError, match="as_of"):
        MatchConfig(as_of="yesterday")
    assert MatchConfig(as_of="2026-12-01").as_of == AS_OF
    with pytest.raises(TypeError, match="include_lapsed is a MatchConfig setting"):
        real_matcher.shortlist("office cleaning", include_lapsed=True)
    with pytest.raises(ValueError, match="include_lapsed="):
        mwbe_match.run_shortlist(NEEDS_EXAMPLE, tmp_path / "s.parquet", directory=real_matcher, include_lapsed=True)
    assert not (tmp_path / "s.parquet").exists()


def test_the_command_line_takes_as_of_include_lapsed_and_min_score(tmp_path: Path, real_sample_path):
    base = ["shortlist", str(NEEDS_EXAMPLE), "--directory", str(real_sample_path), "--as-of", "2026-12-01",
            "--quiet"]
    assert main(base + ["-o", str(tmp_path / "a.parquet")]) == 0
    assert main(base + ["-o", str(tmp_path / "b.parquet"), "--include-lapsed", "--min-score", "30"]) == 0
    a, b = (pq.read_table(tmp_path / f"{n}.parquet").to_pandas() for n in ("a", "b"))
    assert "lapsed" not in set(a["certification_status"]) and "lapsed" in set(b["certification_status"])
    assert (b["score"].dropna() >= 30).all() and set(a["as_of"].dropna()) == {AS_OF}


# --------------------------------------------------------------------------- for any need and any date


@lru_cache(maxsize=None)
def _bundled() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mwbe_match.load_directory(mwbe_match.bundled_sample_path())


@lru_cache(maxsize=None)
def _bundled_firms() -> pd.DataFrame:
    return mwbe_match.unique_firms(_bundled()).reset_index(drop=True)


@lru_cache(maxsize=None)
def _bundled_matcher(as_of: dt.date, include_lapsed: bool) -> Matcher:
    return Matcher(_bundled(), MatchConfig(as_of=as_of, include_lapsed=include_lapsed))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.sampled_from(["cleaning", "construction", "consulting", "plumbing", "catering", ""]),
       certs=st.lists(st.sampled_from(CERTIFICATION_TYPES), max_size=2),
       as_of=st.sampled_from([dt.date(2025, 6, 1), dt.date(2026, 8, 31), dt.date(2026, 12, 1), dt.date(2028, 1, 1)]),
       include_lapsed=st.booleans())
def test_no_returned_row_is_lapsed_unless_lapsed_firms_are_asked_for(text, certs, as_of, include_lapsed):
    need = Need("h", text, naics=() if text else ("23", "54", "56"), certifications=tuple(certs))
    result = _bundled_matcher(as_of, include_lapsed).shortlist(need, top=400)
    firms = _bundled_firms()
    judged = certification_status(firms, as_of, certifications=need.certifications or None)
    everywhere = certification_status(firms, as_of)
    status = dict(zip(firms["account_number"], judged["certification_status"]))
    overall = dict(zip(firms["account_number"], everywhere["certification_status"]))
    for row in result.itertuples():
        lapsed = status[row.account_number] == "lapsed" or overall[row.account_number] == "lapsed"
        assert (row.certification_status == "lapsed") == lapsed
        assert include_lapsed or not lapsed
        assert all(day >= as_of for day in _claims_of_current_certification(row.reasons))


def test_a_matchers_name_verification_judges_certifications_on_its_as_of_date(real_directory):
    import datetime as _dt

    from mwbe_match import Matcher, MatchConfig

    names = real_directory["name"].head(40).tolist()
    early = Matcher(real_directory, MatchConfig(as_of=_dt.date(2020, 1, 1))).match_names(names)
    late = Matcher(real_directory, MatchConfig(as_of=_dt.date(2031, 1, 1))).match_names(names)
    assert set(early["as_of"].dropna()) == {_dt.date(2020, 1, 1)}
    assert set(late["as_of"].dropna()) == {_dt.date(2031, 1, 1)}
    assert (late["certification_status"] == "lapsed").sum() > (early["certification_status"] == "lapsed").sum()
