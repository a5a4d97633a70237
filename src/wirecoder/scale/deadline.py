"""A time limit for a block of Python code, in the main thread or in any other thread.

In the main thread (serial runs, pool workers) it uses ``SIGALRM``: the handler raises
``ArticleTimeout`` at the next bytecode, and ``re`` checks signals too, so a catastrophic
regex is interrupted. In other threads (Dask runs tasks in a thread pool) a timer thread
raises ``ArticleTimeout`` in the target thread with ``PyThreadState_SetAsyncExc``; that lands
at the next Python bytecode, so code stuck inside one C call finishes it first. Texts are
also capped in length (``pipeline.MAX_CHARS``), which bounds the C-level work.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class ArticleTimeout(Exception):
    """The analysis of one article (or batch) ran past its time limit."""


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def on_alarm(signum, frame):
        raise ArticleTimeout(f"ran past {seconds:g}s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# Private prototypes (not the shared ``pythonapi`` attribute): one sets, one clears (NULL).
_set_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))
_clear_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _set_async_exc(tid, ArticleTimeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            if state["fired"]:
                # The block may have finished before the exception landed: clear it so it
                # cannot surface later, outside the block.
                _clear_async_exc(tid, None)
        timer.cancel()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in this thread if the block runs longer than ``seconds``."""
    if not seconds or seconds <= 0:
        yield
        return
    cm = _alarm(seconds) if _main_thread() and hasattr(signal, "setitimer") else _watchdog(seconds)
    with cm:
        yield
