"""Specification of ranking on worker processes: the same rows as one process, errors named, nothing left behind.

``shortlist_many`` and batch jobs rank large batches on forked worker processes (Linux). Whether they do is
a matter of speed only: every table must equal the one-process table exactly, a need that fails in a worker
is named (with its row in a batch job), and no worker outlives the call, also after an error or Ctrl-C.
Small batches stay in the calling process (``PROCESS_CELLS``); the tests lower it to 0 to exercise the
processes on the small directories at hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

import mwbe_match
from mwbe_match import MatchConfig, Matcher, Need, run_shortlist
from mwbe_match.engine import matcher as matcher_module
from mwbe_match.engine.parallel import ForkedPool, WorkerDied, WorkerError, fork_available

from _ranking_cases import assert_same_rows, sample_needs

pytestmark = pytest.mark.skipif(not fork_available(), reason="worker processes are forked (Linux only)")

AS_OF = dt.date(2026, 11, 1)
EXAMPLE_NEEDS = Path(__file__).resolve().parents[2] / "datasets" / "needs_example.csv"


@pytest.fixture
def always_processes(monkeypatch):
    """Worker processes for any batch of more than one block."""
    monkeypatch.setattr(matcher_module, "PROCESS_CELLS", 0)


@pytest.fixture(scope="module")
def real_matcher(real_directory) -> Matcher:
    return Matcher(real_directory, MatchConfig(as_of=AS_OF))


@pytest.fixture(scope="module")
def real_needs(real_directory) -> list[Need]:
    return sample_needs(real_directory, 700)


def _children() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE]


def _explode_on(matcher: Matcher, monkeypatch, text: str, action=None) -> None:
    """Make ranking fail for any block holding a need with ``text`` (in the workers too: they inherit it)."""
    reasons = matcher.explainer.reasons

    def failing(needs, *args, **kwargs):
        if any(need.text == text for need in needs):
            if action is not None:
                action()
            raise ZeroDivisionError("the test's failure")
        return reasons(needs, *args, **kwargs)

    monkeypatch.setattr(matcher.explainer, "reasons", failing)


def test_worker_processes_give_the_same_shortlists_as_one_process_on_the_real_extract(
        real_matcher, real_needs, always_processes) -> None:
    serial = real_matcher.shortlist_many(real_needs, top=10, workers=1)
    assert serial["need_id"].nunique() > len(real_needs) // 2
    assert_same_rows(real_matcher.shortlist_many(real_needs, top=10, workers=2), serial)
    assert_same_rows(real_matcher.shortlist_many(real_needs, top=3, workers=3), real_matcher.shortlist_many(
        real_needs, top=3, workers=1))
    assert not _children()


def test_a_batch_job_writes_the_same_table_on_worker_processes_on_the_real_extract(
        real_matcher, real_needs, always_processes, tmp_path) -> None:
    tables = {}
    for workers in (1, 2):
        out = tmp_path / f"out_{workers}.parquet"
        summary = run_shortlist(real_needs, out, directory=real_matcher, chunk_size=250, progress=False,
                                workers=workers)
        assert summary.needs_read == len(real_needs)
        tables[workers] = pd.read_parquet(out)
    assert set(tables[1]["input_row"]) == set(range(1, len(real_needs) + 1))  # every input row comes out
    pd.testing.assert_frame_equal(tables[2], tables[1], check_exact=True)
    assert not _children()


def test_a_batch_job_writes_the_same_table_on_worker_processes_for_the_bundled_example(
        always_processes, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(Matcher, "_block_size", lambda self: 4)  # the 33 example needs in 9 blocks
    tables = []
    for workers in (1, 2):
        out = tmp_path / f"example_{workers}.parquet"
        run_shortlist(EXAMPLE_NEEDS, out, directory=mwbe_match.bundled_sample_path(), as_of=AS_OF,
                      progress=False, workers=workers)
        tables.append(pd.read_parquet(out))
    pd.testing.assert_frame_equal(tables[1], tables[0], check_exact=True)


def test_a_need_that_fails_in_a_worker_process_is_named_with_its_row(
        real_directory, real_needs, always_processes, tmp_path, monkeypatch) -> None:
    matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    needs = list(real_needs)
    needs[400] = Need("the culprit", "a need the test makes fail")
    _explode_on(matcher, monkeypatch, "a need the test makes fail")
    with pytest.raises(WorkerError, match=r"need 'the culprit'.*ZeroDivisionError: the test's failure"):
        matcher.shortlist_many(needs, workers=2)
    out = tmp_path / "out.parquet"
    with pytest.raises(WorkerError, match=r"^row 401: need 'the culprit'") as caught:
        run_shortlist(needs, out, directory=matcher, chunk_size=300, progress=False, workers=2)
    assert caught.value.need_id == "the culprit"
    assert not out.exists() and not list(tmp_path.iterdir())  # no output, no temporary file
    assert not _children()
    # the same matcher, the culprit gone: the job runs (the failure left nothing behind)
    del needs[400]
    run_shortlist(needs, out, directory=matcher, chunk_size=300, progress=False, workers=2)
    assert out.exists()


def test_a_worker_process_that_dies_raises_a_clear_error(real_directory, real_needs, always_processes,
                                                          monkeypatch) -> None:
    matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    parent = os.getpid()
    needs = list(real_needs)
    needs[500] = Need("killer", "a need whose worker dies")
    _explode_on(matcher, monkeypatch, "a need whose worker dies",
                action=lambda: os._exit(9) if os.getpid() != parent else None)
    with pytest.raises(WorkerDied, match="worker process ended without finishing.*workers=1"):
        matcher.shortlist_many(needs, workers=2)
    assert not _children()


def test_an_interrupted_job_leaves_no_output_and_no_worker_process(real_directory, real_needs, always_processes,
                                                                   tmp_path, monkeypatch) -> None:
    matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    reasons = matcher.explainer.reasons

    def slow(*args, **kwargs):  # every block takes a while, in the workers too
        time.sleep(0.05)
        return reasons(*args, **kwargs)

    monkeypatch.setattr(matcher.explainer, "reasons", slow)
    monkeypatch.setattr(Matcher, "_block_size", lambda self: 8)  # many blocks: the job runs for seconds
    out = tmp_path / "out.parquet"
    started = threading.Event()
    enter = ForkedPool.__enter__

    def entered(pool):
        found = enter(pool)
        started.set()
        return found

    monkeypatch.setattr(ForkedPool, "__enter__", entered)
    stopped = threading.Event()

    def press_ctrl_c() -> None:  # once the workers run; again only if Python dropped it (raised in a finalizer)
        if started.wait(60):
            while not stopped.wait(0.5 if not sent else 3.0) and len(sent) < 5:
                sent.append(time.monotonic())
                os.kill(os.getpid(), signal.SIGINT)

    sent: list[float] = []
    many = [dataclasses.replace(need, need_id=f"{need.need_id}-{k}") for k in range(3) for need in real_needs]
    presser = threading.Thread(target=press_ctrl_c)
    presser.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            run_shortlist(many, out, directory=matcher, chunk_size=500, progress=False, workers=2)
    finally:
        stopped.set()
        presser.join()
    assert started.is_set() and sent
    assert not out.exists() and not list(tmp_path.iterdir())
    assert not _children()


def test_a_small_batch_stays_in_the_calling_process(real_matcher, monkeypatch, tmp_path) -> None:
    def no_fork(*args, **kwargs):
        raise AssertionError("a small batch forked worker processes")

    monkeypatch.setattr(ForkedPool, "__enter__", no_fork)
    assert real_matcher.n_firms * 50 < matcher_module.PROCESS_CELLS
    needs = [Need(f"n{i}", text) for i, text in enumerate(["office cleaning", "plumbing", "사무실 청소"] * 17)]
    real_matcher.shortlist_many(needs, workers=2)
    run_shortlist(needs, tmp_path / "small.parquet", directory=real_matcher, progress=False, workers=2)


def test_a_call_ranks_on_the_workers_alone_only_inside_their_block_and_with_more_than_one_block(
        real_matcher, real_needs, always_processes) -> None:
    assert not real_matcher.ranks_on_workers(len(real_needs))  # no workers started: this process ranks
    with real_matcher.worker_processes(real_needs, workers=2) as started:
        assert started == 2
        assert real_matcher.ranks_on_workers(len(real_needs))
        assert not real_matcher.ranks_on_workers(1)  # one block: ranked in this process
        assert not real_matcher.ranks_on_workers(len(real_needs), workers=1)
    assert not real_matcher.ranks_on_workers(len(real_needs))
    assert not _children()


def test_a_block_reads_many_texts_in_shares_on_forked_processes_and_keeps_the_same_readings(
        real_directory, real_needs, always_processes, monkeypatch) -> None:
    texts = list(dict.fromkeys(need.text for need in real_needs))
    assert len(texts) > 256 and any(not t.isascii() for t in texts)  # enough to share, Korean among them
    pools: list[str] = []
    enter = ForkedPool.__enter__

    def entered(pool):
        pools.append(pool.what)
        return enter(pool)

    monkeypatch.setattr(ForkedPool, "__enter__", entered)
    shared = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    with shared.worker_processes(real_needs, workers=2) as started:
        assert started == 2
        assert len(pools) == 2 and "reading" in pools[0]  # the texts were read in shares before the workers
        ranked = shared.shortlist_many(real_needs, top=5, workers=2)
    assert not _children()
    alone = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    assert [shared.read(t) for t in texts] == [alone.read(t) for t in texts]
    assert_same_rows(ranked, alone.shortlist_many(real_needs, top=5, workers=1))


def test_errors_raised_in_a_worker_keep_their_fields_when_raised_again_in_the_caller() -> None:
    import pickle

    from mwbe_match import NeedError

    need_error = pickle.loads(pickle.dumps(NeedError("boroughs", "unknown borough 'Narnia'", need_id="n7", row=8)))
    assert (need_error.field, need_error.detail, need_error.need_id, need_error.row) == \
        ("boroughs", "unknown borough 'Narnia'", "n7", 8)
    assert str(need_error) == "row 8 need 'n7': boroughs: unknown borough 'Narnia'"
    worker_error = pickle.loads(pickle.dumps(WorkerDied("a worker died", need_id="n7")))
    assert isinstance(worker_error, WorkerDied) and worker_error.need_id == "n7" and str(worker_error) == "a worker died"


def _freeze_count_in_worker() -> int:
    import gc

    return gc.get_freeze_count()


def test_a_pool_sets_what_its_workers_inherit_aside_from_garbage_collection_and_gives_it_back_when_it_ends() -> None:
    import gc

    before = gc.get_freeze_count()
    inherited = [object() for _ in range(10)]  # alive when the pool forks
    with ForkedPool(_freeze_count_in_worker, 1) as pool:
        assert gc.get_freeze_count() >= before + len(inherited)
        assert pool.map([()])[0] >= len(inherited)  # the workers do not walk what they inherited either
    assert gc.get_freeze_count() == before
    with pytest.raises(ZeroDivisionError):
        with ForkedPool(_freeze_count_in_worker, 1):
            1 / 0
    assert gc.get_freeze_count() == before


def test_a_freeze_the_caller_made_before_the_pool_is_left_as_it_is() -> None:
    import gc

    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        assert mine > 0
        with ForkedPool(_freeze_count_in_worker, 1) as pool:
            pool.map([()])
        assert gc.get_freeze_count() >= mine  # still frozen: the caller's, not the pool's, to give back
    finally:
        gc.unfreeze()


def test_a_pool_that_cannot_start_gives_back_what_it_set_aside(monkeypatch) -> None:
    import gc

    from mwbe_match.engine import parallel

    before = gc.get_freeze_count()

    def refuse(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    with pytest.raises(OSError, match="no processes here"):
        with ForkedPool(_freeze_count_in_worker, 1):
            pass
    assert gc.get_freeze_count() == before
