"""Two ingests on one database: the second refuses clearly, or waits with --wait."""
from __future__ import annotations

import sqlite3
import subprocess
import time

import pytest

from wirecoder.scale.lock import LockBusy, WriterLock

from .corpus import write_corpus
from .helpers import cli, env, run_cli


def test_lock_refuses_then_frees(tmp_path):
    db = tmp_path / "x.db"
    with WriterLock(db):
        with pytest.raises(LockBusy, match=r"pid \d+"):
            WriterLock(db).acquire()
        with pytest.raises(LockBusy):
            WriterLock(db, wait=True, timeout=0.3, poll=0.05).acquire()
    with WriterLock(db):  # released on exit
        pass


def _wait_for_lock_holder(db, proc, timeout=30.0) -> None:
    lock = db.with_name(db.name + ".lock")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if lock.exists() and lock.read_text().strip() == str(proc.pid):
            return
        assert proc.poll() is None, "first ingest ended early"
        time.sleep(0.05)
    raise AssertionError("first ingest never took the lock")


def test_second_ingest_refuses_clearly_and_wait_serializes(tmp_path):
    corpus = tmp_path / "c"
    write_corpus(corpus, 120, per_file=10)
    db = tmp_path / "shared.db"
    first = subprocess.Popen(cli("ingest", str(corpus), "--db", str(db), "--batch-size", "5"),
                             env=env(WIRECODER_FAKE_DELAY="0.02"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_lock_holder(db, first)
        second = run_cli("ingest", str(corpus), "--db", str(db))
        assert second.returncode == 1
        err = second.stderr.strip().splitlines()
        assert len(err) == 1 and "being written by another wirecoder ingest" in err[0]
        assert f"pid {first.pid}" in err[0]
        waited = run_cli("ingest", str(corpus), "--db", str(db), "--wait")
        assert waited.returncode == 0, waited.stderr
        assert first.wait(60) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    # Serialized: the second run found everything stored by the first.
    assert "0 stored, 120 already in the database" in waited.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 120
    con.close()


def test_lock_is_released_when_holder_is_killed(tmp_path):
    corpus = tmp_path / "c"
    write_corpus(corpus, 200, per_file=10)
    db = tmp_path / "k.db"
    p = subprocess.Popen(cli("ingest", str(corpus), "--db", str(db)),
                         env=env(WIRECODER_FAKE_DELAY="0.05"),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_lock_holder(db, p)
    p.kill()
    p.wait()
    with WriterLock(db):  # no stale lock after kill -9
        pass
