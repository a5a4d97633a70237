"""Sharded output and `wirecoder load`: same database as a direct ingest, idempotent."""
from __future__ import annotations

import gzip

import pytest

from wirecoder.ingest import ingest_paths
from wirecoder.scale.codec import result_from_dict, result_to_dict
from wirecoder.scale.fake import FakePipeline
from wirecoder.scale.load import load_sqlite
from wirecoder.scale.shards import ShardWriter, iter_shard_results, shard_hashes

from .corpus import write_corpus
from .helpers import FAKE, dump, run_cli


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("shard_corpus")
    write_corpus(d, 40, per_file=9, repeats=4)
    return d


@pytest.fixture(scope="module")
def direct_db(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("direct") / "d.db"
    ingest_paths([str(corpus)], str(db), analyser=FAKE)
    return db


def test_codec_round_trip():
    from wirecoder.models import Article, Attribution, Claim, Place, Quantity

    res = FakePipeline().analyse(Article(headline="Rebels attacked Qaryat",
                                         body=["7 people were killed, officials said."],
                                         metadata={"codes": ["a", "b"]}))
    res.events[0].location = Place(name="Qaryat", geonameid=1, lat=1.5, lon=2.5)
    res.events[0].quantities.append(Quantity(7, "killed", "7 people", 0, 8))
    res.events[0].attribution.append(Attribution("officials", kind="official"))
    res.claims.append(Claim("strength", "500 fighters", 1, 5, value=500))
    back = result_from_dict(result_to_dict(res))
    assert back == res
    assert isinstance(back.events[0].location, Place)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_shards_then_load_equals_direct_ingest(corpus, direct_db, tmp_path, fmt):
    shards = tmp_path / "shards"
    s = ingest_paths([str(corpus)], None, shard_dir=str(shards), shard_format=fmt,
                     shard_size=15, analyser=FAKE, workers=2)
    assert s.stored == 40 and s.duplicates == 4
    files = sorted(shards.glob("part-*"))
    assert len(files) == 3 and not list(shards.glob("*.tmp"))
    # Resuming a sharded run writes nothing new.
    again = ingest_paths([str(corpus)], None, shard_dir=str(shards), shard_format=fmt,
                         analyser=FAKE)
    assert again.stored == 0 and len(list(shards.glob("part-*"))) == 3
    db = tmp_path / "loaded.db"
    r = run_cli("load", str(shards), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "40 articles stored" in r.stdout
    assert dump(db) == dump(direct_db)
    r = run_cli("load", str(shards), "--db", str(db))  # idempotent
    assert "0 articles stored, 40 already" in r.stdout
    assert dump(db) == dump(direct_db)


def test_partial_shard_of_killed_run_is_ignored_and_redone(corpus, tmp_path):
    shards = tmp_path / "s"
    w = ShardWriter(shards, "jsonl", shard_size=10)
    some = list(FakePipeline().process_many(
        [a for a in __import__("wirecoder.readers", fromlist=["x"]).read_paths([corpus])][:10]))
    w.add(some)  # one complete shard
    (shards / "part-000001.jsonl.gz.tmp").write_bytes(b"half a shard")
    assert len(shard_hashes(shards)) == 10
    s = ingest_paths([str(corpus)], None, shard_dir=str(shards), analyser=FAKE)
    assert s.stored == 30 and not list(shards.glob("*.tmp"))
    assert len({r.article.id for r in iter_shard_results([shards])}) == 40


def test_load_reports_corrupt_shard_and_loads_the_rest(corpus, tmp_path):
    shards = tmp_path / "s"
    ingest_paths([str(corpus)], None, shard_dir=str(shards), shard_size=20, analyser=FAKE)
    bad = shards / "part-000009.jsonl.gz"
    with gzip.open(bad, "wt") as fh:
        fh.write('{"article": {"headline": "x"\n')
    s = load_sqlite([shards], str(tmp_path / "l.db"))
    assert s.stored == 40 and len(s.errors) == 1 and "part-000009" in s.errors[0]


def test_merge_hook_called_after_batches(corpus, tmp_path, monkeypatch):
    import sys
    import types

    calls = []
    fake_merge = types.ModuleType("wirecoder.merge")
    fake_merge.merge_new = lambda con: calls.append(
        con.execute("SELECT count(*) FROM articles").fetchone()[0])
    monkeypatch.setitem(sys.modules, "wirecoder.merge", fake_merge)
    ingest_paths([str(corpus)], str(tmp_path / "m.db"), batch_size=16, analyser=FAKE)
    assert calls == [16, 32, 40]


def test_slow_merge_is_spaced_out_but_runs_at_the_end(corpus, tmp_path, monkeypatch):
    import sys
    import time
    import types

    calls = []

    def slow_merge(con):
        time.sleep(0.15)
        calls.append(con.execute("SELECT count(*) FROM articles").fetchone()[0])

    fake_merge = types.ModuleType("wirecoder.merge")
    fake_merge.merge_new = slow_merge
    monkeypatch.setitem(sys.modules, "wirecoder.merge", fake_merge)
    ingest_paths([str(corpus)], str(tmp_path / "m.db"), batch_size=2, analyser=FAKE)
    assert 2 <= len(calls) < 20 and calls[-1] == 40
