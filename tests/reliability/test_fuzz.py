"""A bounded coverage-guided fuzzing run over every reader (bench/fuzz_readers.py, atheris).
Skipped where atheris is not installed; the long runs are the bench script's job."""
from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT_DIR

pytest.importorskip("atheris")


def test_fuzz_all_readers_briefly(tmp_path):
    res = subprocess.run([sys.executable, str(ROOT_DIR / "bench" / "fuzz_readers.py"), "--seconds", "8",
                          "--strict", "--artifacts", str(tmp_path / "crashes")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "no crash, hang or contract break" in res.stdout
    assert not any((tmp_path / "crashes").iterdir())
