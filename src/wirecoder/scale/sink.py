"""Where results go: the single writer. Only the parent process writes, so SQLite sees one
writer and every batch is one transaction (an article, its mentions, events, evidence and its
``ingest_log`` row commit together or not at all).

After each batch the database sink calls ``wirecoder.merge.merge_new(con)`` when the merge
stage provides it, so cross-article merging keeps up with the ingest; a merge failure is
reported and does not stop the ingest (the next call catches up). ``merge_new`` is
incremental (it clusters events that have no cluster yet), so when it gets slow the sink
spaces the calls out, keeping merging to about ``MERGE_SHARE`` of the run's time, and always
merges once at the end.
"""
from __future__ import annotations

import importlib
import sqlite3
import time
from typing import Callable, Sequence

from ..models import ArticleResult
from ..store import db as store
from .shards import ShardWriter

MERGE_SHARE = 0.2  # at most about this share of the wall time goes to per-batch merging


def _merge_hook() -> Callable[[sqlite3.Connection], object] | None:
    try:
        mod = importlib.import_module("wirecoder.merge")
    except ImportError:
        return None
    fn = getattr(mod, "merge_new", None)
    return fn if callable(fn) else None


def write_batch(con: sqlite3.Connection, results: Sequence[ArticleResult],
                on_warning: Callable[[str], None] | None = None) -> tuple[int, int]:
    """One transaction per batch; a savepoint per article, so one article that cannot be
    stored (a bad value from a stage) is logged as an error and the others still commit.
    Analysis errors (time limit, a failed stage) go into the article's ``ingest_log`` reason.
    """
    stored = dup = 0
    with con:
        # An explicit transaction: savepoints opened outside one would commit on release.
        # IMMEDIATE takes the write lock now (busy_timeout waits for a reviewer's write).
        con.execute("BEGIN IMMEDIATE")
        for res in results:
            a = res.article.ensure_id()
            origin = a.origin or a.id
            con.execute("SAVEPOINT article")
            try:
                ok = store.write_result(con, res)
                con.execute("RELEASE article")
            except Exception as exc:
                con.execute("ROLLBACK TO article")
                con.execute("RELEASE article")
                reason = f"not stored: {type(exc).__name__}: {exc}"
                store.log(con, origin, "error", reason, a.id)
                if on_warning:
                    on_warning(f"{origin}: {reason}")
                continue
            reason = "; ".join(res.errors)[:1000] or None
            store.log(con, origin, "stored" if ok else "duplicate", reason, a.id)
            stored += ok
            dup += not ok
    return stored, dup


class DbSink:
    def __init__(self, con: sqlite3.Connection, merge: bool = True,
                 on_warning: Callable[[str], None] | None = None):
        self.con = con
        self.merge = _merge_hook() if merge else None
        self.on_warning = on_warning
        self.merge_pending = True  # a killed run may have left merging behind
        self.next_merge = 0.0  # monotonic time before which per-batch merging waits

    def write(self, results: Sequence[ArticleResult]) -> tuple[int, int]:
        stored, dup = write_batch(self.con, results, self.on_warning)
        if stored:
            self.merge_pending = True
            if time.monotonic() >= self.next_merge:
                self.run_merge()
        return stored, dup

    def run_merge(self) -> None:
        if self.merge is None or not self.merge_pending:
            return
        t = time.monotonic()
        try:
            self.merge(self.con)
            self.merge_pending = False
        except Exception as exc:
            if self.con.in_transaction:
                self.con.rollback()
            if self.on_warning:
                self.on_warning(f"merge: {type(exc).__name__}: {exc}")
        spent = time.monotonic() - t
        self.next_merge = time.monotonic() + spent * (1 - MERGE_SHARE) / MERGE_SHARE

    def close(self) -> None:
        self.run_merge()


class ShardSink:
    def __init__(self, writer: ShardWriter):
        self.writer = writer

    def write(self, results: Sequence[ArticleResult]) -> tuple[int, int]:
        self.writer.add(results)
        return len(results), 0

    def close(self) -> None:
        self.writer.close()
