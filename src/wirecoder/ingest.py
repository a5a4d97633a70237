"""``wirecoder ingest``: read -> analyse -> store, in transactional batches, with one writer.

The parent process reads the files, skips articles already stored (same document id or
content hash) before any NLP, sends batches to a runner (this process, a process pool or a
Dask cluster; see ``scale.runners``) and writes the results back in input order, one
transaction per batch. So:

- a killed run (kill -9 included) loses at most the batches in flight, which a re-run redoes:
  nothing lost, nothing duplicated; ``ingest_log`` records every article with its status;
- a second ingest on the same database refuses with a clear message (or waits, ``wait_lock``);
- with ``shard_dir`` the results go to sharded JSONL/Parquet instead, for ``wirecoder load``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from .models import Article
from .readers import ReadError, read_paths
from .scale.lock import LockBusy, WriterLock
from .scale.worker import DEFAULT_TIME_LIMIT
from .store import db as store

__all__ = ["IngestSummary", "LockBusy", "ingest_paths"]


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    analysis_errors: int = 0  # stored, but a stage failed or ran past the time limit

    def line(self) -> str:
        extra = f", {self.analysis_errors} with analysis errors" if self.analysis_errors else ""
        return (f"{self.read} articles read, {self.stored} stored, {self.duplicates} already "
                f"in the database, {len(self.errors)} skipped, {self.events} events coded{extra}")


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(paths: Iterable[str], db_path: str | None, batch_size: int = 64,
                 on_error: Callable[[ReadError], None] | None = None,
                 pipeline=None, *, workers: int = 1, dask: str | None = None,
                 shard_dir: str | None = None, shard_format: str = "jsonl",
                 shard_size: int = 5000, time_limit: float | None = DEFAULT_TIME_LIMIT,
                 analyser: str | None = None, wait_lock: bool = False,
                 on_warning: Callable[[str], None] | None = None,
                 focus: Mapping[str, float] | None = None) -> IngestSummary:
    """Ingest ``paths`` into the SQLite database ``db_path`` (or shards in ``shard_dir``).

    ``pipeline``: an object with ``process_many`` to run in this process (overrides the
    runner); ``analyser``: a ``"module:callable"`` spec built once per worker (default: the
    real pipeline, or ``$WIRECODER_ANALYSER``); ``focus``: the collection's country prior
    (``resolve.focus.parse_focus``), set on every article. Raises ``LockBusy`` if another ingest is
    writing to the same target.
    """
    from .scale.runners import make_runner
    from .scale.sink import DbSink, ShardSink
    from .resolve.focus import with_prior
    from .scale.shards import ShardWriter, shard_hashes

    if shard_dir is None and not db_path:
        raise ValueError("ingest needs a database path or a shard directory")
    target = Path(shard_dir) if shard_dir else Path(db_path)
    if shard_dir:
        target.mkdir(parents=True, exist_ok=True)
    summary = IngestSummary()
    with WriterLock(target, wait=wait_lock):
        con = None if shard_dir else store.connect(db_path)
        done_hashes = shard_hashes(target) if shard_dir else set()
        logged_errors = set() if con is None else {
            (r[0], r[1]) for r in con.execute(
                "SELECT origin, reason FROM ingest_log WHERE status = 'error'")}

        def already_stored(a: Article) -> bool:
            if con is None:
                return a.content_hash in done_hashes
            return store.has_article(con, a.id, a.content_hash)

        pending: set[str] = set()  # hashes sent for analysis but not yet written

        def fresh() -> Iterator[Article]:
            for rec in read_paths(paths):
                if isinstance(rec, ReadError):
                    summary.errors.append(str(rec))
                    # A resumed run meets the same bad file again: log it once.
                    if con is not None and (rec.origin, rec.reason) not in logged_errors:
                        logged_errors.add((rec.origin, rec.reason))
                        with con:
                            store.log(con, rec.origin, "error", rec.reason)
                    if on_error:
                        on_error(rec)
                    continue
                summary.read += 1
                rec.ensure_id()
                key = rec.content_hash
                if key in pending or already_stored(rec):
                    summary.duplicates += 1
                    continue
                pending.add(key)
                yield with_prior(rec, focus or {})

        if pipeline is not None:
            runner = _InProcess(pipeline, time_limit)
        else:
            runner = make_runner(workers=workers, dask=dask, spec=analyser, limit=time_limit)
        if shard_dir:
            sink = ShardSink(ShardWriter(target, shard_format, shard_size))
        else:
            sink = DbSink(con, on_warning=on_warning)
        try:
            for results in runner.map(_batches(fresh(), batch_size)):
                stored, dup = sink.write(results)
                summary.stored += stored
                summary.duplicates += dup
                summary.events += sum(len(r.events) for r in results)
                summary.analysis_errors += sum(1 for r in results if r.errors)
                for r in results:
                    pending.discard(r.article.content_hash)
                    if con is None:
                        done_hashes.add(r.article.content_hash)
            sink.close()
        finally:
            runner.close()
            if con is not None:
                con.close()
    return summary


class _InProcess:
    """A caller-supplied pipeline object run in this process, with the time limit."""

    def __init__(self, pipeline, limit: float | None):
        self.pipeline, self.limit = pipeline, limit

    def map(self, batches):
        from .scale import worker

        for b in batches:
            yield worker.process_batch_with(self.pipeline, b, self.limit)

    def close(self) -> None:
        pass
