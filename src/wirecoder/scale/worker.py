"""The function every runner calls on a batch: articles in, ``ArticleResult``s out, in order.

It runs in this process, in a pool worker or on a Dask worker; the analyser is loaded once per
process (``analyser.load_analyser`` is cached). Each article gets a time limit: the batch runs
through the analyser's ``process_many`` (spaCy batches its work) and every result must arrive
within the limit; if one does not, the rest of the batch is redone one article at a time so
only the slow article is given up (stored with an error, never dropped).
"""
from __future__ import annotations

import ctypes
import os
import threading
import time
from typing import Sequence

from ..models import Article, ArticleResult
from .analyser import analyser_spec, load_analyser
from .deadline import ArticleTimeout, time_limit

DEFAULT_TIME_LIMIT = 60.0  # seconds per article; normal articles take tens of milliseconds


def timeout_result(article: Article, limit: float) -> ArticleResult:
    return ArticleResult(article=article, errors=[
        f"time limit: analysis took longer than {limit:g}s; stored without extraction"])


def process_batch(articles: Sequence[Article], spec: str | None = None,
                  limit: float | None = DEFAULT_TIME_LIMIT) -> list[ArticleResult]:
    try:
        return process_batch_with(load_analyser(analyser_spec(spec)), articles, limit)
    finally:
        _trim_heap()


_LIBC = None


def _trim_heap() -> None:
    """Hand freed heap pages back to the OS after a batch (glibc keeps them otherwise), so
    a long-running worker's memory stays at its working size instead of its high-water mark.
    ``WIRECODER_NO_TRIM=1`` turns it off (to measure the difference)."""
    global _LIBC
    if os.environ.get("WIRECODER_NO_TRIM"):
        return
    if _LIBC is None:
        try:
            _LIBC = ctypes.CDLL("libc.so.6")
            _LIBC.malloc_trim.argtypes = (ctypes.c_size_t,)
        except (OSError, AttributeError):  # not glibc: nothing to do
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


def process_batch_with(analyser, articles: Sequence[Article],
                       limit: float | None = DEFAULT_TIME_LIMIT) -> list[ArticleResult]:
    """``process_batch`` with a given analyser object (anything with ``process_many``)."""
    for a in articles:
        a.ensure_id()
    out: list[ArticleResult] = []
    it = analyser.process_many(list(articles))
    try:
        while len(out) < len(articles):
            with time_limit(limit):
                res = next(it)
            out.append(res)
        return out
    except Exception:  # a timeout, or an analyser that failed on one text: go one by one
        pass
    finally:
        _close(it)
    # Slow path: one article at a time, so the time limit applies to each on its own.
    for a in articles[len(out):]:
        one = analyser.process_many([a])
        try:
            with time_limit(limit):
                res = next(one)
        except ArticleTimeout:
            res = timeout_result(a, limit or 0)
        except Exception as exc:
            res = ArticleResult(article=a, errors=[f"analysis: {type(exc).__name__}: {exc}"])
        finally:
            _close(one)
        out.append(res)
    return out


def _close(gen) -> None:
    try:
        gen.close()
    except Exception:  # an interrupted generator may fail to clean up; it is discarded
        pass


def init_worker(spec: str | None, owner: int | None = None) -> None:
    """Pool initializer: load the model once, and exit if the owner dies (kill -9), which
    would otherwise leave the worker waiting for work forever."""
    load_analyser(analyser_spec(spec))
    _watch_owner(owner or os.getppid())


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:  # a zombie is dead too
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: fall back to a signal-0 probe
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True


def _watch_owner(owner: int) -> None:
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent or not _alive(owner):
                os._exit(1)

    threading.Thread(target=watch, name="wirecoder-parent-watch", daemon=True).start()
