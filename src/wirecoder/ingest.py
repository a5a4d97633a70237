"""``wirecoder ingest``: read -> pipeline -> store, in transactional batches.

Articles already in the database (same document id or content hash) are skipped before any
NLP, so a re-run does not duplicate and a killed run resumes where it stopped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .models import Article
from .readers import ReadError, read_paths
from .store import db as store


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.read} articles read, {self.stored} stored, {self.duplicates} already "
                f"in the database, {len(self.errors)} skipped, {self.events} events coded")


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(paths: Iterable[str], db_path: str, batch_size: int = 64,
                 on_error: Callable[[ReadError], None] | None = None,
                 pipeline=None) -> IngestSummary:
    from .pipeline import Pipeline

    summary = IngestSummary()
    con = store.connect(db_path)
    pipe = pipeline or Pipeline()
    seen: set[str] = set()

    def fresh() -> Iterator[Article]:
        for rec in read_paths(paths):
            if isinstance(rec, ReadError):
                summary.errors.append(str(rec))
                with con:
                    store.log(con, rec.origin, "error", rec.reason)
                if on_error:
                    on_error(rec)
                continue
            summary.read += 1
            rec.ensure_id()
            key = rec.content_hash
            if key in seen or store.has_article(con, rec.id, key):
                summary.duplicates += 1
                continue
            seen.add(key)
            yield rec

    for batch in _batches(fresh(), batch_size):
        results = list(pipe.process_many(batch))
        stored, dup = store.write_batch(con, results)
        summary.stored += stored
        summary.duplicates += dup
        summary.events += sum(len(r.events) for r, _ in zip(results, range(len(results))))
    con.close()
    return summary
