"""Fault scenarios of a live fetch against the loopback SODA server: rows lost, rows duplicated, snapshot written?

"lost" are firms of the dataset's final version missing from the result, "dup" rows beyond one per firm,
"stale" firms in the result that the final version no longer has.

Run: ``PYTHONPATH=. python benchmarks/fetch_faults.py`` (uses the shared real extract, else the bundled sample).
Each scenario starts from a cache holding one good snapshot; "previous intact" says whether it is byte-identical after.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import mwbe_match  # noqa: E402
from mwbe_match import snapshots  # noqa: E402
from mwbe_match.live import RetryPolicy, fetch_directory  # noqa: E402

from _soda_server import SodaServer, deleted_and_appended, republished, soda_rows_from_csv  # noqa: E402

from _common import REAL_SAMPLE as SAMPLE_PATH  # noqa: E402

PAGE = 100
FAST = RetryPolicy(max_retries=2, backoff=0.01, max_backoff=0.05, total_budget_seconds=10)
TOKEN = "tok-Secret-8c1f2e"


def scenarios():
    yield "republish (new :ids) after page 3", lambda s: s.mutate_after(3, republished), {}
    yield "delete a fetched row + append one after page 3", lambda s: s.mutate_after(3, deleted_and_appended(5)), {}
    yield "count(*) 17 low", lambda s: setattr(s, "count_bias", -17), {}
    yield "republished every 3 pages, for ever", lambda s: s.mutate_after(3, republished, every=True), {}
    yield "a page of firms repeated under new :ids (count right)", lambda s: s.add_fault("stale", offset=300), {}
    yield "body trickles 1 byte / 0.2 s", lambda s: s.add_fault("trickle", offset=300, delay=0.2, times=99), \
        dict(timeout=1.0, deadline=2.0)
    yield "token with trailing newline", lambda s: None, dict(app_token=TOKEN + "\n")
    yield "rowsUpdatedAt in milliseconds", lambda s: setattr(s, "rows_updated_at", 1_767_225_600_000), {}
    yield "rowsUpdatedAt garbage", lambda s: setattr(s, "rows_updated_at", "yesterday"), {}
    yield "redirect to ftp://", lambda s: s.add_fault("redirect", offset=300, location="ftp://example.org/x"), {}


def main() -> None:
    source = SAMPLE_PATH if SAMPLE_PATH.is_file() else mwbe_match.bundled_sample_path()
    rows = soda_rows_from_csv(source)
    print(f"source: {source.name}, {len(rows)} firms, page size {PAGE}")
    print(f"{'scenario':<56} {'lost':>5} {'dup':>5} {'stale':>5} {'written':>8} {'prev ok':>8}  outcome")
    for name, setup, extra in scenarios():
        with tempfile.TemporaryDirectory() as tmp, SodaServer(rows) as server:
            cache = Path(tmp)
            opts = dict(base_url=server.url, cache_dir=cache, page_size=PAGE, timeout=2.0, retry=FAST,
                        progress=False)
            fetch_directory(**opts)
            before = {p.name: p.read_bytes() for p in snapshots.list_snapshots(cache)}
            server.requests.clear()
            setup(server)
            opts.update(extra)
            if "deadline" in extra and "deadline" not in fetch_directory.__code__.co_varnames:
                opts.pop("deadline")
            log = _capture()
            started = time.monotonic()
            try:
                df = _run(opts)
                got = df["account_number"].tolist()
                final = {r["account_number"] for r in server.rows}
                lost = len(final - set(got))
                dup = len(got) - len(set(got))
                stale = len(set(got) - final)
                outcome = f"ok, {len(df)} firms"
            except Exception as exc:  # noqa: BLE001 - the point is to see what happens
                lost = dup = stale = "-"
                outcome = f"{type(exc).__name__}: {str(exc)[:150]!r}"
            elapsed = time.monotonic() - started
            after = {p.name: p.read_bytes() for p in snapshots.list_snapshots(cache)}
            written = len(set(after) - set(before))
            intact = all(after.get(k) == v for k, v in before.items())
            leaked = " TOKEN LEAKED" if TOKEN in outcome + log.getvalue() else ""
            print(f"{name:<56} {lost!s:>5} {dup!s:>5} {stale!s:>5} {'yes' if written else 'no':>8} "
                  f"{'yes' if intact else 'NO':>8}"
                  f"  {elapsed:5.1f}s {outcome}{leaked}")
            logging.getLogger("mwbe_match.socrata").handlers.clear()


def _run(opts, limit: float = 30.0):
    """fetch_directory(**opts) in a thread; TimeoutError if it is still running after ``limit`` s."""
    import threading

    out: dict = {}

    def work():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out["df"] = fetch_directory(**opts)
        except BaseException as exc:  # noqa: BLE001
            out["exc"] = exc

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(limit)
    if thread.is_alive():
        raise TimeoutError(f"still running after {limit:.0f} s (abandoned)")
    if "exc" in out:
        raise out["exc"]
    return out["df"]


def _capture():
    import io

    buffer = io.StringIO()
    logger = logging.getLogger("mwbe_match.socrata")
    logger.addHandler(logging.StreamHandler(buffer))
    logger.setLevel(logging.DEBUG)
    return buffer


if __name__ == "__main__":
    main()
