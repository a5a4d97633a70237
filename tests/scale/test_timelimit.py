"""The per-article time limit gives up one slow article, keeps it, and codes the others."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from wirecoder.ingest import ingest_paths
from wirecoder.models import Article
from wirecoder.scale.deadline import ArticleTimeout, time_limit
from wirecoder.scale.fake import HANG_MARK, FakePipeline
from wirecoder.scale.worker import process_batch_with

from .corpus import article_text, write_corpus
from .helpers import FAKE


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize("in_thread", [False, True])
def test_time_limit_interrupts_python_code(in_thread):
    out = {}

    def body():
        t = time.monotonic()
        try:
            with time_limit(0.2):
                spin(5)
            out["r"] = "finished"
        except ArticleTimeout:
            out["r"] = "timeout"
        out["t"] = time.monotonic() - t
        # The limit is gone after the block: nothing fires later.
        spin(0.4)
        out["after"] = "ok"

    if in_thread:  # as on a Dask worker
        th = threading.Thread(target=body)
        th.start()
        th.join(10)
    else:
        body()
    assert out["r"] == "timeout" and out["t"] < 2 and out["after"] == "ok"


def test_fast_block_not_interrupted():
    with time_limit(2):
        spin(0.05)


def test_slow_article_in_batch_is_kept_with_error():
    arts = [Article(headline=f"Clash {i}", body=[f"Militia attacked Town{i}. 3 people were killed."])
            for i in range(5)]
    arts[2].body.append(f"Garbage {HANG_MARK} garbage")
    t = time.monotonic()
    res = process_batch_with(FakePipeline(), arts, limit=0.3)
    assert time.monotonic() - t < 10
    assert [r.article.id for r in res] == [a.id for a in arts]
    assert res[2].errors and "time limit" in res[2].errors[0] and not res[2].events
    assert all(r.events and not r.errors for i, r in enumerate(res) if i != 2)


def test_failing_analyser_falls_back_per_article():
    class Flaky(FakePipeline):
        def analyse(self, article):
            if "boom" in article.text:
                raise ValueError("bad text")
            return super().analyse(article)

    arts = [Article(headline="ok one attacked"), Article(headline="boom"),
            Article(headline="ok two")]
    res = process_batch_with(Flaky(), arts, limit=5)
    assert [bool(r.errors) for r in res] == [False, True, False]
    assert "ValueError: bad text" in res[1].errors[0]


def test_ingest_records_timeout_in_log(tmp_path):
    corpus = tmp_path / "c"
    write_corpus(corpus, 6, per_file=6)
    _, text = article_text(99)
    (corpus / "slow.txt").write_text(text.replace("Residents", f"{HANG_MARK} Residents"))
    db = tmp_path / "t.db"
    s = ingest_paths([str(corpus)], str(db), analyser=FAKE, time_limit=0.3)
    assert s.stored == 7 and s.analysis_errors == 1
    con = sqlite3.connect(db)
    rows = con.execute("SELECT reason FROM ingest_log WHERE status='stored' AND reason IS NOT NULL"
                       ).fetchall()
    con.close()
    assert len(rows) == 1 and "time limit" in rows[0][0]
