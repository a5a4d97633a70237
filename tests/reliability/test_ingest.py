"""The broken corpus at the ingest level: `wirecoder ingest` (subprocess, so a hang or a crash
fails the test instead of blocking it) and ``ingest_paths``."""
from __future__ import annotations

import sqlite3

import pytest

from wirecoder.ingest import ingest_paths
from wirecoder.models import Article
from wirecoder.readers import read_file
from wirecoder.scale.fake import HANG_MARK, FakePipeline
from wirecoder.testing.badfiles import write_good

from .conftest import no_hang, one_line, relevant, run_cli


def good_hashes(paths) -> set[str]:
    return {r.content_hash for p in paths for r in read_file(p) if isinstance(r, Article)}


def db_rows(db) -> dict:
    con = sqlite3.connect(db)
    try:
        return {
            "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
            "hashes": [r[0] for r in con.execute("SELECT content_hash FROM articles")],
            "errors": con.execute("SELECT origin, reason FROM ingest_log WHERE status='error'"
                                  ).fetchall(),
            "events": con.execute("SELECT count(*) FROM events").fetchone()[0],
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def mixed(bad_corpus, tmp_path_factory):
    d = tmp_path_factory.mktemp("mixed")
    good = list(write_good(d / "good").values())
    return bad_corpus, good, d / "mixed.db"


def test_cli_mixed_batch_stores_good_reports_bad_and_reruns_clean(mixed):
    bad, good, db = mixed
    bad_dir = str(bad[0].path.parent)
    # Good files first: a truncated record read first would shadow the whole one with the
    # same document id (the store dedups by id or hash; see the report on issue 9).
    args = ["ingest", *map(str, good), bad_dir, "--db", str(db)]
    first = run_cli(*args)
    err = first.stderr.decode("utf-8")
    assert first.returncode == 0, err[-2000:]
    skipped = [ln for ln in err.splitlines() if ln.startswith("skipped ")]
    # One line per error, each naming its file and a reason.
    assert skipped and all(": " in ln[8:] and ln.split(": ", 1)[1].strip() for ln in skipped)
    for b in relevant(bad):
        if b.expect == "error":
            stem = b.path.name.split("\n")[0][:10].encode("ascii", "ignore").decode()
            assert any(stem in ln for ln in skipped), f"{b.case} not reported"
    assert "Traceback" not in err
    rows = db_rows(db)
    assert rows["integrity"] == "ok"
    assert good_hashes(good) <= set(rows["hashes"])  # every good article stored
    assert len(rows["hashes"]) == len(set(rows["hashes"]))
    assert all(one_line(o) and one_line(r) for o, r in rows["errors"])

    again = run_cli(*args)
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    assert b" 0 stored" in again.stdout
    rows2 = db_rows(db)
    assert sorted(rows2["hashes"]) == sorted(rows["hashes"])  # nothing duplicated
    assert sorted(rows2["errors"]) == sorted(rows["errors"])  # bad files logged once
    assert rows2["events"] == rows["events"]


def test_cli_only_bad_files_exits_non_zero(bad_corpus, tmp_path):
    only_errors = [str(b.path) for b in relevant(bad_corpus) if b.expect == "error"]
    res = run_cli("ingest", *only_errors, "--db", str(tmp_path / "bad.db"))
    assert res.returncode != 0
    assert b"0 stored" in res.stdout and b"Traceback" not in res.stderr
    assert res.stderr.count(b"\nskipped ") + res.stderr.startswith(b"skipped ") >= len(only_errors)


def test_ingest_paths_api_with_fake_pipeline(bad_corpus, tmp_path):
    good = list(write_good(tmp_path / "good").values())
    seen = []
    with no_hang(60):
        s = ingest_paths([str(bad_corpus[0].path.parent), *map(str, good)], str(tmp_path / "a.db"),
                         on_error=seen.append, pipeline=FakePipeline(), batch_size=4)
    assert s.stored + s.duplicates == s.read and s.stored >= len(good_hashes(good))
    assert len(seen) == len(s.errors) > 20
    assert all(one_line(e) for e in s.errors)
    assert s.events > 0 and s.analysis_errors == 0


def test_cli_time_limit_gives_up_one_article_keeps_the_batch(tmp_path):
    good = write_good(tmp_path / "good")
    slow = tmp_path / "slow.txt"
    slow.write_text(f"Gunmen attacked a market in Mockville.\n\n{HANG_MARK} keeps the coder busy.\n")
    res = run_cli("ingest", str(good["factiva-article-txt"]), str(slow), "--db",
                  str(tmp_path / "t.db"), "--time-limit", "0.5", timeout=60)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    assert b"3 stored" in res.stdout and b"1 with analysis errors" in res.stdout


def test_real_pipeline_on_good_articles_in_a_bad_batch(bad_corpus, tmp_path):
    # One run through the real NLP stages: good articles coded, bad files skipped.
    good = write_good(tmp_path / "good")
    picks = [good["factiva-article-txt"], good["factiva-tagged-txt"]]
    bad = [b.path for b in bad_corpus if b.case in ("random binary", "empty file", "zip bomb (24 MiB, ratio ~1000)",
                                                    "lone surrogate escape in JSON text")]
    res = run_cli("ingest", *map(str, picks + bad), "--db", str(tmp_path / "r.db"),
                  analyser=None, timeout=300)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    rows = db_rows(tmp_path / "r.db")
    assert len(rows["hashes"]) == 6 and rows["events"] >= 2
    assert len(rows["errors"]) == 3
