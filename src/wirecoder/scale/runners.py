"""Runners map ``process_batch`` over a stream of batches and yield the results in input order.

- ``SerialRunner``: this process.
- ``PoolRunner``: a ``ProcessPoolExecutor`` (forkserver/spawn: no forked spaCy state), model
  loaded once per worker by the initializer.
- ``DaskRunner``: a ``dask.distributed`` client on a scheduler address, or ``"local"`` for a
  ``LocalCluster`` of worker processes; the model is loaded once per worker process because
  ``load_analyser`` is cached at module level there.

Pool and Dask keep at most ``inflight`` batches submitted, so memory stays flat however long
the input is; yielding in submission order makes the written database the same whatever the
runner.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Sequence

from ..models import Article, ArticleResult
from .analyser import analyser_spec
from .worker import DEFAULT_TIME_LIMIT, init_worker, process_batch

Batch = Sequence[Article]


class SerialRunner:
    def __init__(self, spec: str | None = None, limit: float | None = DEFAULT_TIME_LIMIT):
        self.spec, self.limit = spec, limit

    def map(self, batches: Iterable[Batch]) -> Iterator[list[ArticleResult]]:
        for b in batches:
            yield process_batch(b, self.spec, self.limit)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _ordered(submit, batches: Iterable[Batch], inflight: int) -> Iterator[list[ArticleResult]]:
    """Submit lazily, keep ``inflight`` futures, yield results in submission order."""
    queue: deque = deque()
    for b in batches:
        queue.append(submit(b))
        if len(queue) >= inflight:
            yield queue.popleft().result()
    while queue:
        yield queue.popleft().result()


# spaCy's vocabulary grows with every new word it meets (~20 MB per 1,000 news articles at
# first, slowing down), so a pool worker is replaced by a fresh one after this many batches;
# reloading the model takes about 3 s, once per ~6,400 articles at the default batch size
# (under 1% of the run).
RECYCLE_AFTER = 100


class PoolRunner(SerialRunner):
    def __init__(self, workers: int, spec: str | None = None,
                 limit: float | None = DEFAULT_TIME_LIMIT, inflight: int | None = None,
                 recycle_after: int | None = RECYCLE_AFTER):
        super().__init__(spec, limit)
        # spawn: workers start clean (no forked threads or spaCy state) as direct children.
        method = "spawn"
        self.inflight = inflight or 2 * workers
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method),
                                        initializer=init_worker,
                                        initargs=(spec, os.getpid()),
                                        max_tasks_per_child=recycle_after or None)

    def map(self, batches: Iterable[Batch]) -> Iterator[list[ArticleResult]]:
        submit = lambda b: self.pool.submit(process_batch, list(b), self.spec, self.limit)
        try:
            yield from _ordered(submit, batches, self.inflight)
        except BrokenProcessPool as exc:
            # Batches already written are committed; a re-run resumes after them.
            raise RuntimeError("a worker process died (out of memory, or killed); the batches "
                               "written so far are kept: run the same command again to "
                               "resume") from exc

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner(SerialRunner):
    def __init__(self, address: str, workers: int = 2, spec: str | None = None,
                 limit: float | None = DEFAULT_TIME_LIMIT, inflight: int | None = None):
        super().__init__(spec, limit)
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
            raise RuntimeError(f"--dask needs dask[distributed]: {exc}") from exc
        self.cluster = None
        if address == "local":
            # One thread per worker process: spaCy work is CPU-bound and holds the GIL.
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise RuntimeError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        n = len(self.client.scheduler_info().get("workers", {})) or workers
        self.inflight = inflight or 2 * n

    def map(self, batches: Iterable[Batch]) -> Iterator[list[ArticleResult]]:
        # pure=False: two identical batches are still two tasks; results are gathered in order.
        submit = lambda b: self.client.submit(process_batch, list(b), self.spec, self.limit,
                                              pure=False)
        return _ordered(submit, batches, self.inflight)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(workers: int = 1, dask: str | None = None, spec: str | None = None,
                limit: float | None = DEFAULT_TIME_LIMIT) -> SerialRunner:
    # Resolve the spec here so remote workers run what this process was told to run.
    spec = analyser_spec(spec)
    workers = max(int(workers or 1), 1)
    if dask:
        return DaskRunner(dask, workers=max(workers, 1), spec=spec, limit=limit)
    if workers and workers > 1:
        return PoolRunner(workers, spec=spec, limit=limit)
    return SerialRunner(spec=spec, limit=limit)
