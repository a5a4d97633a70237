"""Shared fixtures: the broken corpus (built once per session) and a hang guard."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from wirecoder.testing.badfiles import BadFile, build, is_permission_case, unreadable_works

FAKE = "wirecoder.scale.fake:FakePipeline"
ROOT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory) -> list[BadFile]:
    d = tmp_path_factory.mktemp("badfiles")
    cases = build(d / "bad")
    yield cases
    for b in cases:  # let pytest clean up the chmod 000 file
        if is_permission_case(b):
            os.chmod(b.path, 0o644)


def relevant(cases: list[BadFile]) -> list[BadFile]:
    """The cases whose expectation holds here (chmod 000 stops nobody when run as root)."""
    return [b for b in cases if unreadable_works() or not is_permission_case(b)]


@contextmanager
def no_hang(seconds: int = 20):
    """Fail (rather than block CI) if the block runs longer than ``seconds``."""
    def on_alarm(signum, frame):
        raise TimeoutError(f"hang: still running after {seconds}s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run_cli(*args: str, timeout: float = 120, analyser: str | None = FAKE
            ) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if analyser:
        env["WIRECODER_ANALYSER"] = analyser
    env["PYTHONIOENCODING"] = "utf-8"
    cmd = [sys.executable, "-c", "from wirecoder.cli import main; main()", *args]
    return subprocess.run(cmd, env=env, capture_output=True, timeout=timeout)


def one_line(s: str) -> bool:
    return bool(s) and "\n" not in s and "\r" not in s
