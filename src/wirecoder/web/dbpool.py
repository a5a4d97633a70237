"""Per-thread SQLite connections for the web app, and a cache of aggregate answers.

The server reads while an ingest may be writing: WAL mode lets readers go on, and every
connection waits (busy_timeout) instead of failing on a brief lock. Aggregates over a large
table (stats, actors, network) are cached until the database changes, which SQLite tells us
cheaply through ``PRAGMA data_version`` on one watching connection.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable

from ..store import db as store
from . import rollups

log = logging.getLogger(__name__)


class Database:
    def __init__(self, path: str | Path, busy_timeout_s: float = 10.0, cache_size: int = 256):
        self.path = Path(path)
        self.busy_timeout_s = busy_timeout_s
        # Create tables/indexes once (additive schema); later connections skip the script.
        con = store.connect(self.path, timeout=busy_timeout_s)
        try:
            # a database with events from before the rollup tables: fill them once
            if rollups.ensure(con):
                log.info("rollups rebuilt for %s", self.path)
            con.execute("PRAGMA analysis_limit = 400")
            con.execute("PRAGMA optimize")  # planner statistics for the filter indexes
        except sqlite3.DatabaseError:
            pass
        con.close()
        self._local = threading.local()
        self._watch = self._open()
        self._watch_lock = threading.Lock()
        self._cache: OrderedDict[tuple, Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size
        self._version: tuple[int, int] = (0, 0)
        self._local_writes = 0

    def _open(self) -> sqlite3.Connection:
        con = sqlite3.connect(str(self.path), timeout=self.busy_timeout_s,
                              check_same_thread=False)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA busy_timeout = %d" % int(self.busy_timeout_s * 1000))
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA cache_size = -32000")  # 32 MB page cache per connection
        # read through the OS page cache without copies (SQLite falls back where unsupported)
        con.execute("PRAGMA mmap_size = 1073741824")
        con.execute("PRAGMA temp_store = MEMORY")
        return con

    def conn(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self._open()
        return con

    def version(self) -> tuple[int, int]:
        """Changes when any connection (ours or an ingest's) commits."""
        with self._watch_lock:
            dv = self._watch.execute("PRAGMA data_version").fetchone()[0]
        return (dv, self._local_writes)

    def note_write(self) -> None:
        # data_version does not move for commits made through the watcher's own connection;
        # ours go through other connections, but bump explicitly so the cache is never stale.
        with self._cache_lock:
            self._local_writes += 1
            self._cache.clear()

    def cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        full = (self.version(), key)
        with self._cache_lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        value = compute()
        with self._cache_lock:
            self._cache[full] = value
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value
