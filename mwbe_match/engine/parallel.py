"""Worker processes for batch ranking: forked from the process that built the engine, sharing it copy-on-write.

Ranking a block of needs is numpy work interleaved with pure-Python work (reading texts, writing reasons)
that holds the interpreter lock, so threads do not keep two cores busy; processes do. A worker started by
``fork`` inherits the built :class:`~mwbe_match.Matcher` (its index, models and caches) without pickling
it, so starting one costs milliseconds, not a rebuild; what crosses between the processes is small: the
tasks' arguments out, the result tables (Arrow buffers) and prepared queries back.

:func:`run_forked` runs a function on a list of tasks in such workers and returns the results in task
order. It is used where the ``fork`` start method exists (:func:`fork_available`: Linux); elsewhere
callers stay on threads. The guarantees:

- **Same results.** The workers run the same code on the same inherited objects; only where it runs changes.
- **Errors surface.** An exception in a task is raised again in the caller (the task function names the
  need it failed on); a worker that dies (killed, out of memory) raises :class:`WorkerDied`.
- **No hang, no leak.** Workers ignore Ctrl-C (the caller handles it); on any error or interrupt the
  pending tasks are cancelled and the caller waits for the workers to finish their current task and exit,
  so no process outlives the call.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Sequence

__all__ = ["fork_available", "run_forked", "WorkerError", "WorkerDied"]

#: The function the running pool's tasks call; set before the pool forks its workers (they inherit it).
_TASK: dict[str, Callable[..., Any]] = {}
_LOCK = threading.Lock()  # one forked pool at a time (the function is a module global while it runs)


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


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the caller stops us


def _call(task: tuple) -> Any:
    return _TASK["function"](*task)


def run_forked(function: Callable[..., Any], tasks: Sequence[tuple], workers: int, *,
               what: str = "tasks") -> list[Any]:
    """``function(*task)`` for every task, on ``workers`` forked processes; the results in task order.

    ``function`` and everything it refers to are inherited by the workers as they are when this is called
    (nothing is pickled but the tasks and the results). ``what`` names the work in the error raised when a
    worker dies.

    Raises:
        WorkerDied: a worker process ended without finishing (its tasks cannot be told apart from the others').
        Exception: whatever a task raised, raised again here.
    """
    with _LOCK:
        _TASK["function"] = function
        pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(tasks))),
                                   mp_context=multiprocessing.get_context("fork"), initializer=_ignore_interrupt)
        try:
            futures = [pool.submit(_call, task) for task in tasks]
            return [future.result() for future in futures]
        except BrokenProcessPool as exc:
            raise WorkerDied(f"a worker process ended without finishing while running {what} (killed, or out of "
                             "memory?); run with workers=1 to stay in one process") from exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            _TASK.clear()
