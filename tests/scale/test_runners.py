"""The pool and the Dask path give the same database as the single process."""
from __future__ import annotations

import pytest

from wirecoder.ingest import ingest_paths
from wirecoder.scale.fake import FakePipeline

from .corpus import write_corpus
from .helpers import FAKE, dump


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    write_corpus(d, 60, per_file=7, repeats=5)
    return d


@pytest.fixture(scope="module")
def serial_db(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "s.db"
    s = ingest_paths([str(corpus)], str(db), batch_size=8, analyser=FAKE)
    assert (s.read, s.stored, s.duplicates) == (65, 60, 5)
    assert s.events > 0
    return db


def test_serial_codes_events_with_fatalities(serial_db):
    d = dump(serial_db)
    assert len(d["articles"]) == 60
    assert any(row[3] for row in d["events"]), "some events carry fatalities"
    assert len(d["evidence"]) == len(d["events"])


def test_pool_matches_serial(corpus, serial_db, tmp_path):
    db = tmp_path / "p.db"
    s = ingest_paths([str(corpus)], str(db), batch_size=5, workers=2, analyser=FAKE)
    assert s.stored == 60
    assert dump(db) == dump(serial_db)


@pytest.mark.slow
def test_dask_local_matches_serial(corpus, serial_db, tmp_path):
    pytest.importorskip("dask.distributed")
    db = tmp_path / "d.db"
    s = ingest_paths([str(corpus)], str(db), batch_size=6, workers=2, dask="local",
                     analyser=FAKE)
    assert s.stored == 60
    assert dump(db) == dump(serial_db)


def test_in_process_pipeline_object_matches(corpus, serial_db, tmp_path):
    db = tmp_path / "o.db"
    ingest_paths([str(corpus)], str(db), batch_size=64, pipeline=FakePipeline())
    assert dump(db) == dump(serial_db)


def test_rerun_adds_nothing(corpus, serial_db, tmp_path):
    import shutil

    db = tmp_path / "again.db"
    shutil.copy(serial_db, db)
    s = ingest_paths([str(corpus)], str(db), batch_size=8, analyser=FAKE, workers=2)
    assert s.stored == 0 and s.duplicates == 65
    assert dump(db) == dump(serial_db)


@pytest.mark.slow
def test_real_pipeline_pool_matches_serial(tmp_path):
    """The real spaCy pipeline, loaded once per worker, stores the same as one process."""
    from wirecoder.readers import read_paths

    write_corpus(tmp_path / "c", 4, per_file=2)
    real = "wirecoder.pipeline:Pipeline"
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    s1 = ingest_paths([str(tmp_path / "c")], str(one), batch_size=2, analyser=real)
    s2 = ingest_paths([str(tmp_path / "c")], str(two), batch_size=2, analyser=real, workers=2)
    assert s1.stored == s2.stored == 4
    assert dump(one) == dump(two)
    assert len(dump(one)["articles"]) == len(list(read_paths([tmp_path / "c"])))


def test_pool_recycles_workers_and_keeps_order(corpus, serial_db, tmp_path):
    """Workers replaced every 2 batches (bounded memory) still give the same database."""
    from wirecoder.scale.runners import PoolRunner
    from wirecoder.scale.sink import DbSink
    from wirecoder.store import db as store
    from wirecoder.readers import read_paths

    arts, seen = [], set()
    for a in read_paths([corpus]):
        if a.content_hash not in seen:
            seen.add(a.content_hash)
            arts.append(a)
    db = tmp_path / "r.db"
    con = store.connect(db)
    sink = DbSink(con, merge=False)
    pids = set()
    with PoolRunner(2, FAKE, recycle_after=2) as r:
        for results in r.map(arts[i:i + 6] for i in range(0, len(arts), 6)):
            sink.write(results)
            pids |= {p.pid for p in r.pool._processes.values()}
    con.close()
    assert len(pids) > 2, "workers were replaced"
    assert dump(db) == dump(serial_db)
