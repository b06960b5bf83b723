"""Specification of ranking work done once: needs alike in all but their id, and each text on one worker.

``shortlist_many`` ranks needs that differ only in ``need_id`` (and ``company``) once and gives each its rows;
a batch job gives a need alike to one of an earlier chunk that need's rows; inside ``worker_processes`` every
need of one text goes to the same worker (its per-reading work is done once). None of it changes a row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pandas as pd
import pytest

from mwbe_match import MatchConfig, Matcher, Need, run_shortlist
from mwbe_match.engine import matcher as matcher_module
from mwbe_match.engine import parallel as parallel_module
from mwbe_match.engine.parallel import ForkedPool, fork_available

from _ranking_cases import assert_same_rows, sample_needs

AS_OF = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def real_matcher(real_directory) -> Matcher:
    return Matcher(real_directory, MatchConfig(as_of=AS_OF))


@pytest.fixture(scope="module")
def real_needs(real_directory) -> list[Need]:
    return sample_needs(real_directory, 300)


def _with_twins(needs: list[Need]) -> list[Need]:
    """Each need followed, later on, by a twin: the same need under another id and for another company."""
    twins = [dataclasses.replace(need, need_id=f"{need.need_id} twin", company="Another Co") for need in needs]
    return [n for pair in zip(needs, twins[::-1]) for n in pair]


def _ranked_needs(monkeypatch) -> list[int]:
    """How many needs each block the calling process ranks holds (appended to the list returned)."""
    sizes: list[int] = []
    rank = Matcher._rank_block

    def counted(self, needs, *args, **kwargs):
        sizes.append(len(needs))
        return rank(self, needs, *args, **kwargs)

    monkeypatch.setattr(Matcher, "_rank_block", counted)
    return sizes


def test_needs_alike_in_all_but_their_id_are_ranked_once_and_each_gets_the_rows_it_gets_alone(
        real_matcher, real_needs, monkeypatch) -> None:
    needs = _with_twins(real_needs[:120])
    expected = pd.concat([real_matcher.shortlist(need) for need in needs], ignore_index=True)
    sizes = _ranked_needs(monkeypatch)
    ranked = real_matcher.shortlist_many(needs, workers=1)
    assert sum(sizes) <= 120  # the twins were not ranked again
    assert_same_rows(ranked, expected)
    assert set(ranked["need_id"]) >= {f"{n.need_id} twin" for n in real_needs[:120]
                                      if len(real_matcher.shortlist(n))}


def test_needs_whose_ids_repeat_are_each_ranked(real_matcher, real_needs, monkeypatch) -> None:
    needs = real_needs[:40] + [dataclasses.replace(n, need_id="same") for n in real_needs[:40]]
    expected = pd.concat([real_matcher.shortlist(need) for need in needs], ignore_index=True)
    sizes = _ranked_needs(monkeypatch)
    assert_same_rows(real_matcher.shortlist_many(needs, workers=1), expected)
    assert sum(sizes) == 80


def test_a_batch_need_alike_to_one_of_an_earlier_chunk_takes_its_rows_and_the_file_is_the_same(
        real_matcher, real_needs, monkeypatch, tmp_path) -> None:
    needs = real_needs[:90] + [dataclasses.replace(n, need_id=f"{n.need_id} again") for n in real_needs[:90]]
    tables = {}
    for reuse in (False, True):
        if not reuse:
            monkeypatch.setattr(Matcher, "same_rows_key", None)  # an engine that does not say which needs match
        sizes = _ranked_needs(monkeypatch)
        out = tmp_path / f"reuse_{reuse}.parquet"
        run_shortlist(needs, out, directory=real_matcher, chunk_size=60, progress=False, workers=1)
        tables[reuse] = pd.read_parquet(out)
        ranked = sum(sizes)
        monkeypatch.undo()
        if reuse:
            assert ranked < 150  # the needs of the last chunks took the rows of the first ones (funnels aside)
    pd.testing.assert_frame_equal(tables[True], tables[False], check_exact=True)


def _worker_pid() -> int:
    return os.getpid()


@pytest.mark.skipif(not fork_available(), reason="worker processes are forked (Linux only)")
def test_a_pinned_pool_runs_each_task_on_the_worker_it_names() -> None:
    with ForkedPool(_worker_pid, 2, pinned=True) as pool:
        pids = pool.map_on([()] * 6, [0, 1, 1, 0, 0, 1])
        assert len({pids[0], pids[3], pids[4]}) == 1 and len({pids[1], pids[2], pids[5]}) == 1
        assert pids[0] != pids[1]
        assert len(set(pool.map([()] * 4))) == 2  # map hands the tasks out in turn
    with ForkedPool(_worker_pid, 2) as pool, pytest.raises(ValueError):
        pool.map_on([()], [0])  # only a pinned pool takes named workers


@pytest.mark.skipif(not fork_available(), reason="worker processes are forked (Linux only)")
def test_inside_worker_processes_the_needs_of_one_text_are_ranked_by_one_worker(
        real_directory, real_needs, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(matcher_module, "PROCESS_CELLS", 0)
    monkeypatch.setattr(Matcher, "_block_size", lambda self: 20)  # 100 needs in 5 blocks
    log = tmp_path / "ranked_by.txt"
    run = Matcher._rank_run

    def logged(self, needs, *args):  # runs in the workers (they inherit it): which process ranked which text
        with open(log, "a", encoding="utf-8") as out:
            out.writelines(f"{os.getpid()}\t{need.text!r}\n" for need in needs)
        return run(self, needs, *args)

    monkeypatch.setattr(Matcher, "_rank_run", logged)
    matcher = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    with matcher.worker_processes(real_needs, workers=2) as started:
        assert started == 2
        chunks = [matcher.shortlist_many(real_needs[a:a + 100], top=5) for a in range(0, len(real_needs), 100)]
    by_text: dict[str, set[str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        pid, text = line.split("\t")
        by_text.setdefault(text, set()).add(pid)
    assert len({pid for pids in by_text.values() for pid in pids}) == 2  # both workers ranked
    assert all(len(pids) == 1 for pids in by_text.values())  # every text on one of them, in every chunk
    alone = Matcher(real_directory, MatchConfig(as_of=AS_OF))
    for a, chunk in zip(range(0, len(real_needs), 100), chunks):
        assert_same_rows(chunk, alone.shortlist_many(real_needs[a:a + 100], top=5, workers=1))


def _row_folders() -> set[str]:
    import glob
    import tempfile

    mine = f"mwbe_match_rows_{os.getpid()}_*"  # this process's folders: other test processes make their own
    return set(glob.glob(f"/dev/shm/{mine}")) | set(glob.glob(f"{tempfile.gettempdir()}/{mine}"))


@pytest.mark.skipif(not fork_available(), reason="worker processes are forked (Linux only)")
def test_workers_hand_their_rows_back_through_files_that_are_gone_when_the_call_ends_also_after_an_error(
        real_matcher, real_needs, monkeypatch) -> None:
    monkeypatch.setattr(matcher_module, "PROCESS_CELLS", 0)
    monkeypatch.setattr(Matcher, "_block_size", lambda self: 20)
    before = _row_folders()
    handed: list[object] = []
    taken_back = parallel_module.taken_back

    def seen(result):
        handed.append(result)
        return taken_back(result)

    monkeypatch.setattr(matcher_module, "taken_back", seen)
    ranked = real_matcher.shortlist_many(real_needs[:100], top=5, workers=2)
    assert any(isinstance(result, str) for result in handed)  # a file, mapped by the caller
    assert_same_rows(ranked, real_matcher.shortlist_many(real_needs[:100], top=5, workers=1))
    with real_matcher.worker_processes(real_needs, workers=2):
        real_matcher.shortlist_many(real_needs[:100], top=5)
    assert _row_folders() == before
    monkeypatch.setattr(real_matcher.explainer, "reasons", lambda *a, **k: 1 / 0)  # workers forked now inherit it
    with pytest.raises(Exception):
        real_matcher.shortlist_many(real_needs[:100], top=5, workers=2)  # fails in the workers
    assert _row_folders() == before


def test_rows_that_cannot_be_written_to_a_file_are_handed_back_as_they_are(real_matcher, real_needs, tmp_path) -> None:
    tables = real_matcher._rank_run(real_needs[:5], 5, AS_OF)
    missing = str(tmp_path / "no such folder")
    assert parallel_module.hand_back(tables, missing) == [t for t in tables if t.num_rows]
