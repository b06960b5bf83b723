"""The live directory: fetching dataset ci93-uc8s over SODA, resiliently, into the snapshot cache.

Every test talks to a real HTTP server on 127.0.0.1 (``tests/_soda_server.py``)
that serves the shared real extract (or the bundled sample when it is absent)
as SODA pages; none touches the internet.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import os
import subprocess
import sys
import time
import traceback
import warnings
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

import mwbe_match
from mwbe_match import directory, snapshots
from mwbe_match.directory import DirectoryWarning
from mwbe_match.live import FetchError, RetryPolicy, fetch_directory
from mwbe_match.sources import NYC_SBS
from mwbe_match.sources.socrata import SocrataClient, parse_retry_after

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _soda_server import (  # noqa: E402
    ROWS_UPDATED_AT, SodaServer, deleted_and_appended, republished, soda_rows_from_csv)

from conftest import REAL_SAMPLE  # noqa: E402
PAGE = 100
FAST = RetryPolicy(max_retries=3, backoff=0.01, max_backoff=0.05, total_budget_seconds=10)
TOKEN = "tok-Secret-8c1f2e"


@pytest.fixture(scope="module")
def source_csv() -> Path:
    """The shared real extract, else the bundled synthetic sample."""
    if REAL_SAMPLE.is_file():
        return REAL_SAMPLE
    try:
        return mwbe_match.bundled_sample_path()
    except FileNotFoundError:
        pytest.skip(f"shared real sample not present at {REAL_SAMPLE}, and no bundled sample yet")


@pytest.fixture(scope="module")
def soda_rows(source_csv: Path) -> list[dict]:
    rows = soda_rows_from_csv(source_csv) if source_csv.stat().st_size else []
    if len(rows) <= 3 * PAGE:  # the faults below target pages up to offset 300
        pytest.skip(f"{source_csv.name} has {len(rows)} firms; these tests need more than {3 * PAGE}")
    return rows


@pytest.fixture(scope="module")
def expected(source_csv: Path) -> pd.DataFrame:
    """What the CSV loader makes of the same file: the fetch must give exactly this."""
    return mwbe_match.load_directory(source_csv)


@pytest.fixture()
def server(soda_rows):
    with SodaServer(soda_rows) as srv:
        yield srv


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MWBE_MATCH_CACHE", str(folder))
    monkeypatch.delenv("SOCRATA_APP_TOKEN", raising=False)
    return folder


def fetch(server: SodaServer, cache: Path, **kwargs) -> pd.DataFrame:
    options = dict(base_url=server.url, cache_dir=cache, page_size=PAGE, timeout=2.0, retry=FAST, progress=False)
    options.update(kwargs)
    return fetch_directory(**options)


def pages(n_rows: int) -> list[int]:
    return list(range(0, n_rows, PAGE))


def starts(server: SodaServer) -> list:
    """The data requests that began a download from the first page (no keyset)."""
    return [r for r in server.data_requests() if "$where" not in r.params]


def leftovers(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if p.name.startswith(".")) if cache.is_dir() else []


# --------------------------------------------------------------------------- exact result


def test_fetched_directory_equals_the_csv_export_every_firm_once(server, cache, expected):
    df = fetch(server, cache)

    assert_frame_equal(df, expected)
    data = server.data_requests()
    assert [r.offset for r in data] == pages(len(expected))
    assert all(r.params["$order"] == ":id" and r.params["$limit"] == str(PAGE) for r in data)
    assert all(r.params["$select"].replace(" ", "") == ":*,*" for r in data)


def test_pages_are_asked_for_by_keyset_on_id_not_by_offset(server, cache, soda_rows):
    fetch(server, cache)

    data = server.data_requests()
    assert all("$offset" not in r.params for r in data)
    assert "$where" not in data[0].params
    last_ids = [soda_rows[o - 1][":id"] for o in pages(len(soda_rows))[1:]]
    assert [r.params["$where"] for r in data[1:]] == [f":id > '{i}'" for i in last_ids]


@pytest.mark.parametrize(
    "fault",
    [
        dict(action="status", status=500),
        dict(action="status", status=503),
        dict(action="status", status=429, retry_after="0"),
        dict(action="drop"),
        dict(action="slow", delay=1.5),
        dict(action="truncate"),
        dict(action="repeat"),
    ],
    ids=["http-500", "http-503", "http-429", "dropped-mid-body", "slower-than-timeout", "truncated-json",
         "repeats-previous-page"],
)
def test_a_transient_fault_is_retried_and_the_result_is_still_exact(server, cache, expected, fault):
    server.add_fault(offset=300, **fault)

    df = fetch(server, cache, timeout=0.5)

    assert_frame_equal(df, expected)
    offsets = [r.offset for r in server.data_requests()]
    assert offsets.count(300) == 2, "the faulty page is asked for again"
    assert sorted(set(offsets)) == pages(len(expected)), "no page skipped"
    assert all(offsets.count(o) == 1 for o in set(offsets) - {300}), "no other page fetched twice"


def test_faults_on_every_page_still_give_the_exact_directory(server, cache, expected):
    kinds = [dict(action="status", status=503), dict(action="drop"), dict(action="truncate"),
             dict(action="repeat"), dict(action="status", status=500)]
    for i, offset in enumerate(pages(len(expected))):
        server.add_fault(offset=offset, **kinds[i % len(kinds)])
    server.add_fault("status", target="count", status=502)

    assert_frame_equal(fetch(server, cache), expected)


# --------------------------------------------------------------------------- retries


def test_retry_after_in_seconds_is_waited_out(server, cache):
    server.add_fault("status", offset=100, status=429, retry_after="1")

    fetch(server, cache)

    first, second = server.data_requests(offset=100)
    assert second.time - first.time >= 0.95


def test_retry_after_as_an_http_date_is_waited_out(server, cache):
    server.add_fault("status", offset=100, status=503,
                     retry_after=email.utils.formatdate(time.time() + 4, usegmt=True))

    fetch(server, cache)

    first, second = server.data_requests(offset=100)
    # the date has whole seconds, 3 to 4 s from now: even a first request served 2 s late waits a second
    assert second.time - first.time >= 0.9


def test_exhausted_retries_raise_fetch_error_naming_the_page(server, cache):
    server.add_fault("status", offset=300, status=503, times=float("inf"))

    with pytest.raises(FetchError) as caught:
        fetch(server, cache)

    err = caught.value
    assert err.offset == 300
    assert "offset 300" in str(err) and "HTTP 503" in str(err) and "4 attempt" in str(err)
    assert len(server.data_requests(offset=300)) == FAST.max_retries + 1
    assert not cache.exists() or not list(cache.iterdir()), "nothing written"


def test_a_wait_longer_than_the_retry_budget_fails_at_once(server, cache):
    server.add_fault("status", offset=100, status=429, retry_after="30")
    policy = RetryPolicy(max_retries=5, backoff=0.01, total_budget_seconds=2)

    started = time.monotonic()
    with pytest.raises(FetchError, match=r"offset 100.*retry budget"):
        fetch(server, cache, retry=policy)
    assert time.monotonic() - started < 5
    assert len(server.data_requests(offset=100)) == 1


def test_client_errors_are_not_retried(server, cache):
    server.add_fault("status", offset=0, status=403, times=float("inf"))

    with pytest.raises(FetchError, match=r"offset 0.*HTTP 403.*not retried"):
        fetch(server, cache)
    assert len(server.data_requests(offset=0)) == 1


def test_a_page_that_keeps_repeating_rows_is_an_error_not_double_counted(server, cache):
    server.add_fault("repeat", offset=200, times=float("inf"))

    with pytest.raises(FetchError, match=r"offset 200.*repeats 100 row"):
        fetch(server, cache)


@given(retry=st.integers(1, 40), backoff=st.floats(0, 10), max_backoff=st.floats(0, 100),
       jitter=st.floats(0, 1), seed=st.integers(0, 2**32))
def test_backoff_doubles_up_to_its_ceiling_with_jitter_below_it(retry, backoff, max_backoff, jitter, seed):
    import random

    policy = RetryPolicy(backoff=backoff, max_backoff=max_backoff, jitter=jitter)
    ceiling = min(max_backoff, backoff * 2 ** (retry - 1))

    wait = policy.delay(retry, random.Random(seed))

    assert ceiling * (1 - jitter) - 1e-9 <= wait <= ceiling + 1e-9
    assert ceiling <= min(max_backoff, backoff * 2**retry)


def test_retry_after_parses_seconds_and_http_dates():
    now = time.time()
    assert parse_retry_after("3", now) == 3
    assert parse_retry_after(email.utils.formatdate(now + 10, usegmt=True), now) == pytest.approx(10, abs=1)
    assert parse_retry_after(email.utils.formatdate(now - 10, usegmt=True), now) == 0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


# --------------------------------------------------------------------------- integrity


def test_a_count_17_low_is_an_error_not_17_firms_lost(server, cache, expected):
    fetch(server, cache)
    before = _snapshot_bytes(cache)
    server.requests.clear()
    server.count_bias = -17

    with pytest.raises(FetchError, match=rf"{len(expected)} rows arrived but count\(\*\) says {len(expected) - 17}"):
        fetch(server, cache)

    assert _snapshot_bytes(cache) == before
    assert len(starts(server)) == 2, "downloaded once more from the beginning before giving up"
    assert server.data_requests()[-1].offset == pages(len(expected))[-1], "paged to the short page, past count(*)"


def test_fewer_rows_than_the_dataset_count_is_an_error(server, cache, expected):
    server.count_bias = 5

    with pytest.raises(FetchError, match=rf"{len(expected)} rows arrived but count\(\*\) says {len(expected) + 5}"):
        fetch(server, cache)
    assert not snapshots.list_snapshots(cache)


def test_a_count_that_changes_once_is_downloaded_again_and_the_result_is_exact(server, cache, expected):
    server.count_answers = [len(expected), len(expected) + 1]

    df = fetch(server, cache)

    assert_frame_equal(df, expected)
    assert len(starts(server)) == 2


def test_a_dataset_republished_while_paging_is_downloaded_again_every_firm_once(server, cache, expected, caplog):
    """The issue's case: new :ids, same count(*); offset paging saved 188 duplicates and lost 188 firms."""
    server.mutate_after(3, republished)

    df = fetch(server, cache)

    assert_frame_equal(_by_account(df), _by_account(expected))
    assert "downloading it again from the beginning" in caplog.text and "rowsUpdatedAt" in caplog.text
    assert len(starts(server)) == 2, "downloaded once more from the beginning"


def test_a_row_deleted_and_one_appended_while_paging_gives_the_new_version_exactly(server, cache, soda_rows):
    """Count unchanged, so only the dataset's version shows it; the second pass sees the new list."""
    mutate = deleted_and_appended(5)
    server.mutate_after(3, mutate)

    df = fetch(server, cache)

    now = mwbe_match.load_directory(_export(mutate(soda_rows), cache.parent / "now.csv"))
    assert_frame_equal(df.reset_index(drop=True), now, check_like=False)
    assert soda_rows[5]["account_number"] not in set(df["account_number"])
    assert "9999999" in set(df["account_number"])


def test_a_dataset_that_changes_again_during_the_second_download_is_an_error(server, cache, expected):
    fetch(server, cache)
    before = _snapshot_bytes(cache)
    server.requests.clear()
    server.mutate_after(3, republished, every=True)  # republished every third page, for ever

    with pytest.raises(FetchError, match="changed while it was downloading, twice in a row") as caught:
        fetch(server, cache)

    assert caught.value.reason == "dataset changed"
    assert len(starts(server)) == 2, "one fresh start, not more"
    assert _snapshot_bytes(cache) == before
    assert leftovers(cache) == []


def test_a_version_header_that_changes_between_pages_means_the_dataset_changed(server, cache, expected):
    """Even when the metadata endpoint is down, every page's X-SODA2-Truth-Last-Modified shows the change."""
    server.views_available = False
    server.mutate_after(3, deleted_and_appended(5))

    df = fetch(server, cache)

    assert len(starts(server)) == 2
    # no firm repeated beyond what the source holds (the bundled sample has one deliberate duplicate)
    assert df["account_number"].duplicated().sum() == expected["account_number"].duplicated().sum()
    assert len(df) == len(expected)


def test_firms_repeated_beyond_the_source_are_downloaded_again(server, cache, expected):
    """A page of firms already received under new :ids, the count still right: only the account numbers show it."""
    server.add_fault("stale", offset=300)

    df = fetch(server, cache)

    assert_frame_equal(df, expected)
    # asked the source whether it holds the repeats (again on the second pass when the sample itself holds one)
    asked = [r.target for r in server.requests].count("groups")
    assert asked == 1 + int(expected["account_number"].duplicated().any())
    assert len(starts(server)) == 2


def test_account_numbers_the_source_itself_repeats_are_kept(soda_rows, cache):
    rows = soda_rows + [dict(soda_rows[0], **{":id": "row-zzz"})]

    with SodaServer(rows) as srv:
        df = fetch(srv, cache)

    assert len(df) == len(rows)
    assert (df["account_number"] == soda_rows[0]["account_number"]).sum() == 2
    assert len(starts(srv)) == 1, "no second download"


_MUTATIONS = {
    "republish": republished,
    "delete-fetched-and-append": deleted_and_appended(3),
    "delete-last-and-append": lambda rows: deleted_and_appended(len(rows) - 1)(rows),
    "append": lambda rows: rows + [dict(rows[0], **{":id": f"row-z{len(rows):06d}",
                                                    "account_number": f"8{len(rows):06d}"})],
    "delete-first": lambda rows: rows[1:],
}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(_MUTATIONS)), after=st.integers(0, 5), twice=st.booleans())
def test_a_fetch_gives_one_version_of_a_changing_dataset_or_nothing(soda_rows, tmp_path_factory, kind, after, twice):
    """Whenever the dataset changes (once, or again during the second pass), the snapshot is exactly one
    version the server held, or there is a FetchError and the earlier snapshot is byte-identical."""
    rows = soda_rows[:160]
    cache = tmp_path_factory.mktemp("cache")
    with SodaServer(rows) as srv:
        fetch_directory(base_url=srv.url, cache_dir=cache, page_size=50, retry=FAST, progress=False)
        before = _snapshot_bytes(cache)
        srv.requests.clear()
        versions = [sorted(r["account_number"] for r in rows)]

        def mutate(current):
            changed = _MUTATIONS[kind](current)
            versions.append(sorted(r["account_number"] for r in changed))
            return changed

        srv.mutate_after(after, mutate, every=twice)
        try:
            df = fetch_directory(base_url=srv.url, cache_dir=cache, page_size=50, retry=FAST, progress=False)
        except FetchError as exc:
            assert exc.reason in ("dataset changed", "row count mismatch")
            assert _snapshot_bytes(cache) == before
        else:
            assert sorted(df["account_number"]) in versions
            assert len(snapshots.list_snapshots(cache)) == 2


def _by_account(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values("account_number").reset_index(drop=True)


def _export(rows: list[dict], path: Path) -> Path:
    """SODA rows back to a CSV with the API's field names, for the CSV loader."""
    fields = [c.api for c in NYC_SBS.columns]
    pd.DataFrame([{f: r.get(f) for f in fields} for r in rows], columns=fields).to_csv(path, index=False)
    return path


def test_a_renamed_upstream_field_warns_naming_both_names(server, cache, expected):
    server.rename_field("vendor_dba", "vendor_dba_name")

    with pytest.warns(DirectoryWarning, match=r"no longer has field\(s\) vendor_dba\b.*vendor_dba_name"):
        df = fetch(server, cache)

    assert df["dba"].isna().all()
    assert_frame_equal(df.drop(columns="dba"), expected.drop(columns="dba"))
    meta = mwbe_match.directory_metadata(df)
    assert meta["upstream_missing_fields"] == ["vendor_dba"]
    assert meta["upstream_unrecognized_fields"] == ["vendor_dba_name"]


def test_a_required_field_gone_upstream_is_an_error_naming_it(server, cache):
    server.rename_field("vendor_formal_name", None)

    with pytest.raises(FetchError, match=r"needs: vendor_formal_name \(Vendor_Formal_Name"):
        fetch(server, cache)
    assert not snapshots.list_snapshots(cache)


def test_fields_empty_in_every_row_are_not_mistaken_for_missing_ones(soda_rows, cache, expected):
    rows = [{k: v for k, v in r.items() if k != "capacity_building_programs"} for r in soda_rows]

    with SodaServer(rows) as srv, warnings.catch_warnings():
        warnings.simplefilter("error", DirectoryWarning)
        df = fetch(srv, cache)

    assert df["capacity_building_programs"].isna().all()


def test_without_a_fields_header_the_dataset_metadata_lists_the_fields(server, cache, expected):
    server.fields_header = False

    with warnings.catch_warnings():
        warnings.simplefilter("error", DirectoryWarning)
        df = fetch(server, cache)

    assert_frame_equal(df, expected)


def test_with_no_field_list_at_all_fields_empty_everywhere_are_reported_as_such(server, cache, expected):
    server.fields_header = False
    server.views_available = False
    never_filled = [c.api for c in NYC_SBS.columns if expected[c.column].isna().all()]
    if not never_filled:
        pytest.skip("every field has a value somewhere in this sample")

    with pytest.warns(DirectoryWarning, match=rf"has no value in any row for field\(s\) .*{never_filled[0]}"):
        df = fetch(server, cache)

    assert_frame_equal(df, expected)


# --------------------------------------------------------------------------- app token


def test_the_app_token_goes_in_the_header_and_nowhere_else(server, cache, caplog):
    caplog.set_level(logging.DEBUG)
    server.add_fault("status", offset=100, status=429, retry_after="0")
    server.add_fault("drop", offset=200)

    df = fetch(server, cache, app_token=TOKEN)

    assert {r.headers.get("X-App-Token") for r in server.requests} == {TOKEN}
    assert all(TOKEN not in json.dumps(r.params) for r in server.requests)
    assert "retrying" in caplog.text and TOKEN not in caplog.text
    assert TOKEN not in json.dumps(mwbe_match.directory_metadata(df), default=str)
    assert TOKEN.encode() not in Path(mwbe_match.directory_metadata(df)["path"]).read_bytes()

    server.add_fault("status", offset=0, status=503, times=float("inf"))
    with pytest.raises(FetchError) as caught:
        fetch(server, cache, app_token=TOKEN)
    assert TOKEN not in str(caught.value) and TOKEN not in repr(caught.value.__dict__)
    assert TOKEN not in caplog.text
    client = SocrataClient(server.url, "ci93-uc8s", app_token=TOKEN)
    assert TOKEN not in repr(client) and "***" in repr(client)


def test_the_app_token_is_read_from_socrata_app_token(server, cache, monkeypatch):
    monkeypatch.setenv("SOCRATA_APP_TOKEN", TOKEN)

    fetch(server, cache)

    assert {r.headers.get("X-App-Token") for r in server.requests} == {TOKEN}


def test_a_token_the_server_echoes_in_an_error_is_redacted(soda_rows, cache):
    class Echo(requests.Session):
        def request(self, method, url, *args, **kwargs):
            raise requests.exceptions.ConnectionError(f"proxy refused header X-App-Token: {TOKEN}")

    with SodaServer(soda_rows) as srv, pytest.raises(FetchError) as caught:
        fetch(srv, cache, app_token=TOKEN, session=Echo())
    assert TOKEN not in str(caught.value) and "***" in str(caught.value)
    assert TOKEN not in "".join(traceback.format_exception(caught.value))


@pytest.mark.parametrize("bad", [TOKEN + "\n", " " + TOKEN, TOKEN[:5] + "\t" + TOKEN[5:], TOKEN + "\x00",
                                 TOKEN + "\u00e9"],
                         ids=["trailing-newline", "leading-space", "tab", "nul", "non-ascii"])
def test_a_malformed_app_token_is_refused_when_the_client_is_built_without_showing_it(server, cache, bad, caplog):
    caplog.set_level(logging.DEBUG)

    with pytest.raises(ValueError, match=r"app_token is not a valid Socrata app token.*position") as caught:
        SocrataClient(server.url, "ci93-uc8s", app_token=bad)
    with pytest.raises(ValueError, match="not a valid Socrata app token"):
        fetch(server, cache, app_token=bad)

    assert TOKEN not in str(caught.value) and TOKEN[:8] not in str(caught.value)
    assert TOKEN not in caplog.text
    assert server.requests == [], "refused before any request"


def test_a_token_with_a_trailing_newline_in_the_environment_is_named_but_not_shown(server, cache, monkeypatch):
    """The issue's case: SOCRATA_APP_TOKEN=$'tok...\\n' was printed in the error and in a log warning."""
    monkeypatch.setenv("SOCRATA_APP_TOKEN", TOKEN + "\n")
    env = {**os.environ}

    with pytest.raises(ValueError, match=r"SOCRATA_APP_TOKEN environment variable is not a valid.*'\\n'") as caught:
        fetch(server, cache)
    cli = subprocess.run([sys.executable, "-m", "mwbe_match.cli", "fetch", "--base-url", server.url,
                          "--cache-dir", str(cache), "--quiet"], env=env, capture_output=True, text=True, timeout=120)

    assert TOKEN not in str(caught.value)
    assert cli.returncode == 1 and "SOCRATA_APP_TOKEN" in cli.stderr and TOKEN not in cli.stdout + cli.stderr
    assert server.requests == []


def test_log_lines_and_errors_that_carry_request_data_are_redacted(soda_rows, cache, caplog):
    """A proxy that echoes the token in every failure: the retry warnings, the error and its url never show it."""
    caplog.set_level(logging.DEBUG)

    class Echo(requests.Session):
        def request(self, method, url, *args, **kwargs):
            raise requests.exceptions.ConnectionError(f"proxy refused {url} with X-App-Token: {TOKEN}")

    with SodaServer(soda_rows) as srv, pytest.raises(FetchError) as caught:
        fetch(srv, cache, app_token=TOKEN, session=Echo())

    assert "retrying" in caplog.text and "***" in caplog.text and TOKEN not in caplog.text
    assert TOKEN not in str(caught.value) + caught.value.reason + (caught.value.url or "")


# --------------------------------------------------------------------------- deadline, metadata, redirects


def test_a_body_that_trickles_in_is_retried_at_its_deadline_then_is_an_error(server, cache):
    server.add_fault("trickle", offset=100, delay=0.05, times=float("inf"))
    policy = RetryPolicy(max_retries=1, backoff=0.01, max_backoff=0.01, total_budget_seconds=5)

    started = time.monotonic()
    with pytest.raises(FetchError, match=r"offset 100 .*after :id row-000099.*longer than its 0.5 s deadline") as caught:
        fetch(server, cache, timeout=2.0, deadline=0.5, retry=policy)

    assert time.monotonic() - started < 5, "each attempt ends at its deadline, not when the body is done"
    assert caught.value.offset == 100 and caught.value.after_id == "row-000099"
    assert len(server.data_requests(offset=100)) == 2
    assert not snapshots.list_snapshots(cache)


def test_a_body_that_trickled_once_is_retried_and_the_result_is_exact(server, cache, expected):
    server.add_fault("trickle", offset=200, delay=0.05)

    assert_frame_equal(fetch(server, cache, deadline=0.5), expected)
    assert len(server.data_requests(offset=200)) == 2


@pytest.mark.parametrize("value", [1_767_225_600_000, 10**30, -5, "yesterday", None, True, [1]],
                         ids=["milliseconds", "far-future", "negative", "text", "null", "bool", "list"])
def test_an_unusable_rows_updated_at_is_logged_and_ignored(server, cache, expected, value, caplog):
    server.rows_updated_at = value

    df = fetch(server, cache)

    assert_frame_equal(df, expected)
    assert mwbe_match.directory_metadata(df)["data_updated_at"] is None
    if value is not None:
        assert "rowsUpdatedAt" in caplog.text and "last-updated time unknown" in caplog.text
    if value == 1_767_225_600_000:
        assert "milliseconds" in caplog.text


@pytest.mark.parametrize("location", ["ftp://example.org/data.json", "file:///etc/passwd", "javascript:alert(1)",
                                      "http://[::1/x", "http://127.0.0.1:99999/x", "https:///x"],
                         ids=["ftp", "file", "javascript", "bad-ipv6", "bad-port", "no-host"])
def test_a_redirect_to_a_non_http_or_malformed_url_is_a_fetch_error_naming_the_page(server, cache, location):
    server.add_fault("redirect", offset=200, location=location)

    with pytest.raises(FetchError, match=r"offset 200 .*(redirected|malformed URL).*not retried") as caught:
        fetch(server, cache)

    assert caught.value.offset == 200
    assert not snapshots.list_snapshots(cache)


# --------------------------------------------------------------------------- snapshots


def test_snapshot_metadata_describes_the_fetch(server, cache, expected):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)

    df = fetch(server, cache)

    meta = mwbe_match.directory_metadata(df)
    path = Path(meta["path"])
    assert path.parent == cache and path.name.startswith("ci93-uc8s-") and path.suffix == ".parquet"
    assert meta["source_url"] == f"{server.url}/resource/ci93-uc8s.json"
    assert meta["source_kind"] == "socrata"
    assert meta["dataset_id"] == "ci93-uc8s"
    assert meta["row_count"] == len(expected)
    assert meta["library_version"] == mwbe_match.__version__
    assert meta["data_updated_at"] == dt.datetime.fromtimestamp(ROWS_UPDATED_AT, dt.timezone.utc).isoformat()
    fetched = dt.datetime.fromisoformat(meta["fetched_at"])
    assert before <= fetched <= dt.datetime.now(dt.timezone.utc)
    assert snapshots.snapshot_time(path).replace(microsecond=0) == fetched
    stored = json.loads(pq.read_schema(path).metadata[snapshots.SNAPSHOT_METADATA_KEY.encode()])
    assert stored["dataset_id"] == "ci93-uc8s" and "path" not in stored


def test_snapshot_metadata_key_is_the_one_the_loader_reads():
    assert snapshots.SNAPSHOT_METADATA_KEY == directory.METADATA_KEY


def test_a_snapshot_loads_back_exactly(server, cache):
    df = fetch(server, cache)

    loaded = mwbe_match.load_directory(mwbe_match.directory_metadata(df)["path"])

    assert_frame_equal(loaded, df)
    assert mwbe_match.directory_metadata(loaded) == mwbe_match.directory_metadata(df)
    assert_frame_equal(mwbe_match.validation_report(loaded), mwbe_match.validation_report(df))


def test_last_updated_time_is_unknown_when_the_metadata_endpoint_fails(server, cache, expected):
    server.views_available = False

    df = fetch(server, cache)

    assert mwbe_match.directory_metadata(df)["data_updated_at"] is None
    assert_frame_equal(df, expected)


def test_load_directory_without_argument_uses_the_newest_snapshot(soda_rows, cache):
    with SodaServer(soda_rows) as srv:
        fetch(srv, cache)
    with SodaServer(soda_rows[:150]) as srv:
        newest = fetch(srv, cache)

    loaded = mwbe_match.load_directory()

    assert len(loaded) == 150
    assert mwbe_match.directory_metadata(loaded)["path"] == mwbe_match.directory_metadata(newest)["path"]


def test_max_age_reuses_a_fresh_snapshot_without_touching_the_network(server, cache):
    first = fetch(server, cache)
    asked = len(server.requests)

    again = fetch(server, cache, max_age=dt.timedelta(hours=1))
    also = fetch(server, cache, max_age=3600)

    assert len(server.requests) == asked
    assert_frame_equal(again, first)
    assert mwbe_match.directory_metadata(also)["path"] == mwbe_match.directory_metadata(first)["path"]

    refreshed = fetch(server, cache, max_age=0)
    assert len(server.requests) > asked
    assert mwbe_match.directory_metadata(refreshed)["path"] != mwbe_match.directory_metadata(first)["path"]


def test_old_snapshots_are_pruned_to_keep(soda_rows, cache):
    with SodaServer(soda_rows[:120]) as srv:
        paths = [mwbe_match.directory_metadata(fetch(srv, cache, keep=2))["path"] for _ in range(3)]

    assert [str(p) for p in snapshots.list_snapshots(cache)] == paths[1:]


def test_prune_keeps_the_newest_per_name_and_clears_stale_temp_files(tmp_path):
    names = [snapshots.snapshot_name("ci93-uc8s", dt.datetime(2026, 1, d, tzinfo=dt.timezone.utc))
             for d in (3, 1, 2, 4)]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    other = tmp_path / snapshots.snapshot_name("abcd-1234", dt.datetime(2020, 1, 1))
    other.write_bytes(b"")
    stale = tmp_path / f".{names[0]}.x1.tmp"
    fresh = tmp_path / f".{names[0]}.x2.tmp"
    stale.write_bytes(b"")
    fresh.write_bytes(b"")
    os.utime(stale, (time.time() - 3 * 86400,) * 2)

    removed = snapshots.prune_snapshots(tmp_path, keep=2, dataset_id="ci93-uc8s")

    assert [p.name for p in removed] == [names[1], names[2]]
    assert [p.name for p in snapshots.list_snapshots(tmp_path, "ci93-uc8s")] == [names[0], names[3]]
    assert other.exists() and fresh.exists() and not stale.exists()
    with pytest.raises(ValueError, match="keep"):
        snapshots.prune_snapshots(tmp_path, keep=0)


def test_newest_snapshot_is_by_fetch_time_across_datasets(tmp_path):
    old = tmp_path / snapshots.snapshot_name("zzzz-0000", dt.datetime(2020, 1, 1))
    new = tmp_path / snapshots.snapshot_name("aaaa-0000", dt.datetime(2026, 1, 1))
    old.write_bytes(b"")
    new.write_bytes(b"")

    assert snapshots.newest_snapshot(tmp_path) == new


# --------------------------------------------------------------------------- failures keep the cache


def _snapshot_bytes(cache: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in snapshots.list_snapshots(cache)}


def test_a_fetch_that_fails_halfway_leaves_the_previous_snapshot_untouched(server, cache, expected):
    fetch(server, cache)
    before = _snapshot_bytes(cache)
    for offset in pages(len(expected))[2:]:
        server.add_fault("drop", offset=offset, times=float("inf"))

    with pytest.raises(FetchError, match="offset 200"):
        fetch(server, cache)

    assert _snapshot_bytes(cache) == before
    assert leftovers(cache) == []
    assert_frame_equal(mwbe_match.load_directory(), expected)


def test_a_fetch_interrupted_halfway_leaves_the_previous_snapshot_untouched(server, cache, expected):
    fetch(server, cache)
    before = _snapshot_bytes(cache)

    class Interrupted(requests.Session):
        def request(self, method, url, params=None, **kwargs):
            if params and params.get("$where") == ":id > 'row-000299'":
                raise KeyboardInterrupt
            return super().request(method, url, params=params, **kwargs)

    with pytest.raises(KeyboardInterrupt):
        fetch(server, cache, session=Interrupted())

    assert _snapshot_bytes(cache) == before
    assert leftovers(cache) == []
    assert len(server.data_requests(offset=200)) == 2


def test_an_interrupted_snapshot_write_leaves_no_file_behind(server, cache, monkeypatch):
    fetch(server, cache)
    before = _snapshot_bytes(cache)

    def half_written(table, where, *args, **kwargs):
        Path(where).write_bytes(b"PAR1 half a file")
        raise KeyboardInterrupt

    monkeypatch.setattr(snapshots.pq, "write_table", half_written)
    with pytest.raises(KeyboardInterrupt):
        fetch(server, cache)

    assert _snapshot_bytes(cache) == before
    assert leftovers(cache) == []


# --------------------------------------------------------------------------- directory="live"


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> str:
    """The live portal is a loopback port nobody listens on, and "live" retries briefly."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    from mwbe_match import live

    monkeypatch.setattr(live, "DEFAULT_BASE_URL", dead)
    monkeypatch.setattr(live, "LIVE_RETRY", RetryPolicy(max_retries=1, backoff=0.01, total_budget_seconds=1))
    return dead


def _old_snapshot(server: SodaServer, cache: Path, days: float) -> Path:
    df = fetch(server, cache)
    path = Path(mwbe_match.directory_metadata(df)["path"])
    when = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)
    return path.rename(path.with_name(snapshots.snapshot_name("ci93-uc8s", when)))


def test_live_without_network_falls_back_to_the_newest_snapshot_naming_its_date(server, cache, offline, expected):
    old = _old_snapshot(server, cache, days=3)
    before = _snapshot_bytes(cache)

    with pytest.warns(DirectoryWarning, match=r"could not fetch the live directory.*newest cached snapshot, fetched "
                      + snapshots.snapshot_time(old).strftime("%Y-%m-%d")) as caught:
        df = mwbe_match.live.live_directory()

    assert_frame_equal(df, expected)
    assert old.name in str(caught[0].message)
    assert _snapshot_bytes(cache) == before


def test_live_without_network_and_without_a_snapshot_fails_clearly(cache, offline, tmp_path):
    with pytest.raises(FetchError, match=r"could not fetch the live directory and no snapshot of ci93-uc8s is cached"):
        mwbe_match.live.live_directory()
    with pytest.raises(FetchError, match="no snapshot"):
        mwbe_match.run_shortlist(pd.DataFrame({"text": ["plumbing"]}), tmp_path / "s.parquet", directory="live")
    assert not (tmp_path / "s.parquet").exists()


def test_live_reuses_a_snapshot_younger_than_a_day_without_a_request(server, cache, offline, expected):
    fetch(server, cache)
    asked = len(server.requests)

    assert_frame_equal(mwbe_match.live.live_directory(), expected)
    assert len(server.requests) == asked


def test_cli_info_and_shortlist_accept_live_and_fall_back_offline(server, cache, offline, capsys, tmp_path):
    from mwbe_match import cli

    old = _old_snapshot(server, cache, days=2)
    date = snapshots.snapshot_time(old).strftime("%Y-%m-%d")

    assert cli.main(["info", "--directory", "live"]) == 0
    out = capsys.readouterr()
    assert f"newest cached snapshot, fetched {date}" in out.err
    assert "(socrata)" in out.out

    assert cli.main(["shortlist", str(Path(__file__).resolve().parent.parent / "datasets" / "needs_example.csv"),
                     "-o", str(tmp_path / "s.parquet"), "--directory", "live", "--quiet"]) == 0
    assert f"fetched {date}" in capsys.readouterr().err

    old.unlink()
    assert cli.main(["info", "--directory", "live"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mwbe-match info: error: could not fetch the live directory and no snapshot")
    assert "Traceback" not in err


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(page_size=0), "page_size"),
        (dict(dataset_id="not an id"), "dataset_id"),
        (dict(base_url="ftp://example.org"), "base_url"),
        (dict(timeout=0), "timeout"),
        (dict(max_age=-1), "max_age"),
        (dict(keep=0), "keep"),
    ],
)
def test_bad_options_are_rejected_before_any_request(server, cache, kwargs, message):
    with pytest.raises(ValueError, match=message):
        fetch(server, cache, **kwargs)
    assert server.requests == []


def test_progress_bar_shows_only_when_asked_or_on_a_terminal(server, cache, capsys):
    fetch(server, cache, progress=None)  # pytest's stderr is not a terminal
    assert "firm" not in capsys.readouterr().err

    fetch(server, cache, progress=True)
    assert "firm" in capsys.readouterr().err


def test_default_progress_does_not_fail_without_a_usable_stderr(server, cache, monkeypatch, expected):
    monkeypatch.setattr(sys, "stderr", None)  # pythonw: no stderr at all
    assert len(fetch(server, cache, progress=None)) == len(expected)


# --------------------------------------------------------------------------- command line


def test_cli_fetch_then_info_shows_the_fetched_snapshot(server, tmp_path, expected):
    env = {k: v for k, v in os.environ.items() if k != "SOCRATA_APP_TOKEN"}
    env["MWBE_MATCH_CACHE"] = str(tmp_path / "cache")
    env["SOCRATA_APP_TOKEN"] = TOKEN

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mwbe_match.cli", *args], env=env,
                              capture_output=True, text=True, timeout=120)

    fetched = run("fetch", "--base-url", server.url, "--cache-dir", str(tmp_path / "cache"),
                  "--page-size", str(PAGE), "--quiet")
    assert fetched.returncode == 0, fetched.stderr
    assert f"{len(expected):,} firms" in fetched.stdout
    assert TOKEN not in fetched.stdout + fetched.stderr

    info = run("info")
    assert info.returncode == 0, info.stderr
    assert f"{server.url}/resource/ci93-uc8s.json (socrata)" in info.stdout
    assert f"firms:          {len(expected):,}" in info.stdout

    server.add_fault("status", status=403, times=float("inf"))
    failed = run("fetch", "--base-url", server.url, "--page-size", str(PAGE), "--quiet")
    assert failed.returncode == 1
    assert "error" in failed.stderr and "offset 0" in failed.stderr and TOKEN not in failed.stderr


def test_cli_fetch_help_shows_an_example():
    out = subprocess.run([sys.executable, "-m", "mwbe_match.cli", "fetch", "--help"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "example:" in out.stdout and "mwbe-match fetch" in out.stdout


def test_the_app_token_does_not_follow_a_redirect_to_another_host(server, cache):
    """A mirror that redirects elsewhere gets the data fetched, but never the token."""
    import http.server
    import threading

    target = server.url.replace("127.0.0.1", "localhost")  # same server, another origin

    class Redirect(http.server.BaseHTTPRequestHandler):
        seen: list = []

        def do_GET(self):  # noqa: N802
            Redirect.seen.append(self.headers.get("X-App-Token"))
            self.send_response(302)
            self.send_header("Location", target + self.path)
            self.end_headers()

        def log_message(self, *args):
            pass

    mirror = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=mirror.serve_forever, daemon=True).start()
    try:
        df = fetch_directory(base_url=f"http://127.0.0.1:{mirror.server_port}", cache_dir=cache,
                             page_size=PAGE, app_token=TOKEN, retry=FAST, progress=False)
    finally:
        mirror.shutdown()
        mirror.server_close()
    assert len(df) == len(server.rows)
    assert set(Redirect.seen) == {TOKEN}  # the origin the caller named gets it
    assert server.requests and all(r.headers.get("X-App-Token") is None for r in server.requests)
