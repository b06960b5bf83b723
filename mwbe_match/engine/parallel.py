"""Worker processes for batch ranking: forked from the process that built the engine, sharing it copy-on-write.

Ranking a block of needs is numpy work interleaved with pure-Python work (reading texts, writing reasons)
that holds the interpreter lock, so threads do not keep two cores busy; processes do. A worker started by
``fork`` inherits the built :class:`~mwbe_match.Matcher` (its index, models and caches) without pickling
it, so starting one costs milliseconds, not a rebuild; what crosses between the processes is small: the
tasks' arguments out (needs), the result tables (Arrow buffers) back.

:class:`ForkedPool` keeps such workers for a ``with`` block (a batch job forks once for all its chunks)
and runs a function on lists of tasks in them, the results in task order; :func:`run_forked` does it for
one list. A pool made with ``pinned=True`` runs each task on the worker the caller names
(:meth:`ForkedPool.map_on`): work that builds per-text caches goes where those caches already are. They are used where the ``fork`` start method exists (:func:`fork_available`: Linux); elsewhere
callers stay on threads. The guarantees:

- **Same results.** The workers run the same code on the same inherited objects; only where it runs changes.
- **Errors surface.** An exception in a task is raised again in the caller (the task function names the
  need it failed on); a worker that dies (killed, out of memory) raises :class:`WorkerDied`.
- **No hang, no leak.** Workers ignore Ctrl-C (the caller handles it); on any error or interrupt the
  pending tasks are cancelled and the caller waits for the workers to finish their current task and exit,
  so no process outlives the call.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator, Sequence

from .._allocator import keep_freed_memory

__all__ = ["fork_available", "ForkedPool", "run_forked", "WorkerError", "WorkerDied", "frozen_objects", "rows_folder",
           "hand_back", "taken_back"]

#: What the tasks of each open pool call, by pool: set before a pool forks its workers (they inherit it).
_FUNCTIONS: dict[int, Callable[..., Any]] = {}
_LOCK = threading.Lock()
#: Open pools and :func:`frozen_objects` blocks that keep the objects alive when they started out of the cyclic
#: garbage collector's walks.
_FROZEN = [0]
#: Whether the caller had frozen objects itself when the first open pool froze them (then they stay frozen).
_CALLERS_FREEZE = [False]


@contextlib.contextmanager
def frozen_objects() -> Iterator[None]:
    """Set the objects alive now aside from the cyclic garbage collector for a ``with`` block (``gc.freeze``):
    the engine a batch job built (its index, models, lexicon: millions of objects) is not walked again at each
    full collection while the job runs; objects made inside the block are collected as usual, and every
    object is again when the last such block (or open :class:`ForkedPool`) ends (``gc.unfreeze``)."""
    _freeze()
    try:
        yield
    finally:
        _thaw()


def _freeze() -> None:
    with _LOCK:
        if not _FROZEN[0]:  # a freeze the caller made before the first block is the caller's: left as it is
            _CALLERS_FREEZE[0] = gc.get_freeze_count() > 0
        _FROZEN[0] += 1
        gc.freeze()


def _thaw() -> None:
    with _LOCK:
        _FROZEN[0] -= 1
        if not _FROZEN[0] and not _CALLERS_FREEZE[0]:
            gc.unfreeze()


class WorkerError(RuntimeError):
    """Work failed in a worker process; the message names the need (``need_id``) it failed on, when known."""

    def __init__(self, message: str, need_id: str | None = None):
        super().__init__(message)
        self.need_id = need_id

    def __reduce__(self) -> tuple:  # raised in a worker, raised again in the caller: pickled on the way
        return type(self), (str(self), self.need_id)


class WorkerDied(WorkerError):
    """A worker process ended without finishing its task (killed, or out of memory)."""


def fork_available() -> bool:
    """Whether workers can be forked here (Linux: yes; macOS and Windows start processes another way)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the caller stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not a handler inherited from the caller
    keep_freed_memory()  # this process is ours: its arrays reuse freed memory (see mwbe_match._allocator)


def _call(key: int, task: tuple) -> Any:
    return _FUNCTIONS[key](*task)


def _started() -> int:
    return os.getpid()


class ForkedPool:
    """Worker processes forked once, when entered, each inheriting ``function`` and everything it refers to
    (as they are then); :meth:`map` runs ``function(*task)`` for tasks on them. Leaving the ``with`` block
    stops them (waiting for the tasks already running, so no process outlives it).

    Args:
        function: what every task calls, in a worker.
        workers: worker processes.
        what: the work, as the error raised when a worker dies names it.
        pinned: each worker takes only the tasks given to it by :meth:`map_on` (one queue per worker;
            :meth:`map` then hands the tasks out in turn, not to whichever worker is free).
    """

    def __init__(self, function: Callable[..., Any], workers: int, *, what: str = "tasks", pinned: bool = False):
        self.function = function
        self.workers = max(1, int(workers))
        self.what = what
        self.pinned = pinned
        self._pool: ProcessPoolExecutor | None = None
        self._pools: list[ProcessPoolExecutor] = []  # pinned: one single-process pool per worker
        self._frozen = False

    def __enter__(self) -> "ForkedPool":
        with _LOCK:
            _FUNCTIONS[id(self)] = self.function
        # the objects alive now (the engine the workers inherit) are set aside from the cyclic garbage
        # collector while a pool is open: no process walks them again at each full collection (in a
        # worker that walk costs CPU time and copies every page it touches); collected as usual after
        _freeze()
        self._frozen = True
        try:
            context = multiprocessing.get_context("fork")
            for _ in range(self.workers if self.pinned else 1):
                self._pools.append(ProcessPoolExecutor(max_workers=1 if self.pinned else self.workers,
                                                       mp_context=context, initializer=_start_worker))
                self._pools[-1].submit(_started).result()  # with fork, every worker starts at the first task: now
            self._pool = self._pools[0]
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        pools, self._pools, self._pool = self._pools, [], None
        try:
            for pool in pools:  # (map cancelled its pending tasks on every pool already)
                pool.shutdown(wait=True, cancel_futures=True)
        finally:
            with _LOCK:
                _FUNCTIONS.pop(id(self), None)
            if self._frozen:
                self._frozen = False
                _thaw()

    def map(self, tasks: Sequence[tuple]) -> list[Any]:
        """``function(*task)`` for every task, the results in task order (the tasks' arguments and results are
        pickled between the processes). A task's exception is raised here; the tasks not started are cancelled.

        Raises:
            WorkerDied: a worker process ended without finishing (its pool cannot run more tasks).
            RuntimeError: the pool is not entered.
        """
        return self.map_on(tasks, [k % self.workers for k in range(len(tasks))] if self.pinned else None)

    def map_on(self, tasks: Sequence[tuple], workers: Sequence[int] | None) -> list[Any]:
        """:meth:`map`, task ``k`` run on worker ``workers[k]`` (0 to ``workers - 1``) of a pinned pool, so
        that what it leaves behind there (caches) serves the later tasks given to the same worker; ``None``:
        any worker (a pool that is not pinned takes only ``None``).

        Raises:
            WorkerDied: a worker process ended without finishing (its pool cannot run more tasks).
            RuntimeError: the pool is not entered.
            ValueError: workers named for a pool that is not pinned, or not one per task.
        """
        if self._pool is None:
            raise RuntimeError("ForkedPool.map outside its with block")
        if workers is not None and (not self.pinned or len(workers) != len(tasks)):
            raise ValueError("map_on names one worker per task, and only on a pinned pool")
        futures = []
        try:
            pools = [self._pools[w] for w in workers] if workers is not None else [self._pool] * len(tasks)
            futures += [pool.submit(_call, id(self), task) for pool, task in zip(pools, tasks)]
            return [future.result() for future in futures]
        except BrokenProcessPool as exc:
            raise WorkerDied(f"a worker process ended without finishing while running {self.what} (killed, or out "
                             "of memory?); run with workers=1 to stay in one process") from exc
        finally:
            for future in futures:
                future.cancel()  # after an error: the tasks not started yet (no-op for the finished ones)


def run_forked(function: Callable[..., Any], tasks: Sequence[tuple], workers: int, *,
               what: str = "tasks") -> list[Any]:
    """``function(*task)`` for every task, on ``workers`` processes forked for this call; the results in task
    order (see :class:`ForkedPool`).

    Raises:
        WorkerDied: a worker process ended without finishing.
        Exception: whatever a task raised, raised again here.
    """
    with ForkedPool(function, min(workers, max(1, len(tasks))), what=what) as pool:
        return pool.map(tasks)


@contextlib.contextmanager
def rows_folder() -> Iterator[str]:
    """A folder for worker processes to hand rows back in (in shared memory where there is: /dev/shm),
    removed with whatever is left in it (after an error) when the block ends; its name carries the id of the
    process that made it."""
    import shutil
    import tempfile

    shared = "/dev/shm"
    folder = tempfile.mkdtemp(prefix=f"mwbe_match_rows_{os.getpid()}_",
                              dir=shared if os.path.isdir(shared) else None)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def hand_back(tables: list[Any], folder: str | None) -> list[Any] | str:
    """``tables`` written to one Arrow file in ``folder`` (its path returned), or as they are (none with rows,
    no folder, or the file could not be written: a full shared memory)."""
    import tempfile

    import pyarrow as pa

    kept = [t for t in tables if t.num_rows]
    if folder is None or not kept:
        return kept
    path = None
    try:
        fd, path = tempfile.mkstemp(dir=folder, suffix=".arrow")
        with os.fdopen(fd, "wb") as sink, pa.ipc.new_file(sink, kept[0].schema) as writer:
            for table in kept:
                writer.write(table)
        return path
    except OSError:
        if path is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)
        return kept


def taken_back(result: list[Any] | str) -> list[Any]:
    """The tables a worker handed back (:func:`hand_back`): a file is mapped (not copied) and removed."""
    import pyarrow as pa

    if not isinstance(result, str):
        return result
    try:  # (the map stays open while the batches read from it are alive)
        reader = pa.ipc.open_file(pa.memory_map(result))
        return [reader.get_batch(i) for i in range(reader.num_record_batches)]
    finally:
        os.unlink(result)
