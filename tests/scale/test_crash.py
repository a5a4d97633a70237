"""kill -9 at random points leaves a consistent database, and a re-run completes it with
nothing lost and nothing duplicated."""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time

import pytest

from wirecoder.readers import read_paths
from wirecoder.scale.fake import FakePipeline

from .corpus import write_corpus
from .helpers import cli, env, run_cli

N = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("crash_corpus")
    write_corpus(d, N, per_file=15, repeats=10)
    return d


@pytest.fixture(scope="module")
def expected(corpus):
    """Events per article id, as the fake analyser codes them."""
    fake = FakePipeline()
    out = {}
    for a in read_paths([corpus]):
        out[a.id] = len(fake.analyse(a).events)
    assert len(out) == N
    return out


def check_consistent(db, expected) -> int:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:  # killed before the schema was committed: all or nothing
            return 0
        assert {"articles", "events", "evidence", "mentions", "ingest_log"} <= tables
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        arts = con.execute("SELECT id FROM articles").fetchall()
        ids = [r[0] for r in arts]
        assert len(ids) == len(set(ids))
        # No half-written article: each stored article has all its events and evidence.
        per = dict(con.execute("SELECT article_id, count(*) FROM events GROUP BY 1").fetchall())
        for i in ids:
            assert per.get(i, 0) == expected[i], i
        n_ev = con.execute("SELECT count(*) FROM events").fetchone()[0]
        n_evid = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
        assert n_evid == n_ev
        # Counts add up: one 'stored' log row per stored article, written with it.
        logged = con.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM ingest_log "
            "WHERE status = 'stored'").fetchone()
        assert logged == (len(ids), len(ids))
        fts = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == len(ids)
        return len(ids)
    finally:
        con.close()


def _kill_loop(corpus, db, expected, workers: int, rounds: int, seed: int) -> list[int]:
    rnd = random.Random(seed)
    counts = []
    for _ in range(rounds):
        p = subprocess.Popen(cli("ingest", str(corpus), "--db", str(db), "--batch-size", "7",
                                 "--workers", str(workers)),
                             env=env(WIRECODER_FAKE_DELAY="0.004"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.05, 1.2))
        p.send_signal(signal.SIGKILL)
        p.wait()
        if db.exists():
            counts.append(check_consistent(db, expected))
    return counts


def test_kill9_loop_then_resume(corpus, expected, tmp_path):
    db = tmp_path / "crash.db"
    counts = _kill_loop(corpus, db, expected, workers=1, rounds=8, seed=8)
    assert counts == sorted(counts), "a killed run never loses stored articles"
    r = run_cli("ingest", str(corpus), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert check_consistent(db, expected) == N
    assert f"{N - counts[-1] if counts else N} stored" in r.stdout


def test_kill9_pool_parent_then_resume(corpus, expected, tmp_path):
    psutil = pytest.importorskip("psutil")
    db = tmp_path / "crash_pool.db"
    p = subprocess.Popen(cli("ingest", str(corpus), "--db", str(db), "--batch-size", "5",
                             "--workers", "2"),
                         env=env(WIRECODER_FAKE_DELAY="0.01"),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc = psutil.Process(p.pid)
    children: list = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(children) < 2:
        time.sleep(0.2)
        children = proc.children(recursive=True)
    time.sleep(0.5)
    children = proc.children(recursive=True)
    p.send_signal(signal.SIGKILL)
    p.wait()
    # Orphaned workers notice the parent is gone and exit (no stray processes).
    gone, alive = psutil.wait_procs(children, timeout=15)
    alive = [c for c in alive if _running(psutil, c)]  # unreaped zombies have exited
    for c in alive:
        c.kill()
    assert not alive, f"workers still running after the parent was killed: {alive}"
    if db.exists():
        check_consistent(db, expected)
    r = run_cli("ingest", str(corpus), "--db", str(db), "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert check_consistent(db, expected) == N


def _running(psutil, proc) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_dead_worker_stops_cleanly_and_rerun_resumes(tmp_path):
    from wirecoder.ingest import ingest_paths

    from .corpus import article_text
    from .helpers import FAKE

    corpus = tmp_path / "c"
    write_corpus(corpus, 30, per_file=10)
    _, text = article_text(500)
    (corpus / "zz_crash.txt").write_text(text.replace("Residents", "WIRECODER-CRASH Residents"))
    db = tmp_path / "dead.db"
    r = run_cli("ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "5")
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1].startswith("error: a worker process died")
    con = sqlite3.connect(db)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert stored >= 25  # the batches before the crash are kept
    # Without the crashing article's worker death (serial run: the mark is inert), it completes.
    s = ingest_paths([str(corpus)], str(db), analyser=FAKE)
    assert s.stored == 31 - stored
