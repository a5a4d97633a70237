"""Bring result shards (``ingest --shard-dir``) into a database. Idempotent: articles already
stored (same id or content hash) are skipped, so loading a shard twice, or after a killed
load, adds nothing twice. One transaction per batch, through the same single writer as ingest.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable

from ..store import db as store
from .lock import WriterLock
from .shards import iter_shard_results, shard_files
from .sink import DbSink


@dataclass
class LoadSummary:
    shards: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.shards} shards, {self.stored} articles stored, {self.duplicates} already "
                f"in the database, {len(self.errors)} shards failed")


def _chunks(it, n):
    it = iter(it)
    while chunk := list(islice(it, n)):
        yield chunk


def load_sqlite(shards: Iterable[str | os.PathLike], db_path: str, batch_size: int = 500,
                wait_lock: bool = False,
                on_warning: Callable[[str], None] | None = None) -> LoadSummary:
    summary = LoadSummary()
    files = shard_files(shards)
    with WriterLock(db_path, wait=wait_lock):
        con = store.connect(db_path)
        sink = DbSink(con, on_warning=on_warning)
        try:
            for f in files:
                summary.shards += 1
                try:
                    for batch in _chunks(iter_shard_results([f]), batch_size):
                        stored, dup = sink.write(batch)
                        summary.stored += stored
                        summary.duplicates += dup
                except Exception as exc:  # a corrupt shard is reported; the others load
                    summary.errors.append(f"{f}: {type(exc).__name__}: {exc}")
            sink.close()
        finally:
            con.close()
    return summary
