"""One writer per database: an advisory lock on ``<db>.lock`` holding the writer's pid.

``flock`` locks belong to the open file, so the kernel releases them when the process dies
(kill -9 included): there is never a stale lock to clean up by hand. A second ingest either
refuses at once with a one-line reason naming the holder, or waits for it (``wait=True``).
Readers (the web app) do not take this lock; SQLite's WAL lets them read while a batch writes.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: rely on SQLite's own locking
    fcntl = None


class LockBusy(RuntimeError):
    """Another process is writing to this database."""


class WriterLock:
    def __init__(self, target: str | os.PathLike, wait: bool = False, poll: float = 0.2,
                 timeout: float | None = None):
        target = Path(target)
        self.target = target
        self.path = (target / ".wirecoder.lock") if target.is_dir() else \
            target.with_name(target.name + ".lock")
        self.wait, self.poll, self.timeout = wait, poll, timeout
        self.fh = None

    def _holder(self) -> str:
        try:
            pid = self.path.read_text().strip()
            return f"pid {pid}" if pid else "another process"
        except OSError:
            return "another process"

    def acquire(self) -> "WriterLock":
        if fcntl is None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        start = time.monotonic()
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - start
                if not self.wait or (self.timeout is not None and waited >= self.timeout):
                    holder = self._holder()
                    fh.close()
                    raise LockBusy(f"{self.target} is being written by another "
                                   f"wirecoder ingest ({holder}); wait for it to finish or "
                                   f"pass --wait") from None
                time.sleep(self.poll)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self.fh = fh
        return self

    def release(self) -> None:
        if self.fh is not None:
            try:
                self.fh.seek(0)
                self.fh.truncate()
                fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
            finally:
                self.fh.close()
                self.fh = None

    def __enter__(self) -> "WriterLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
