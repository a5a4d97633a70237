"""`wirecoder load --url`: runs only where a PostgreSQL server is reachable.

Set ``WIRECODER_TEST_PG_URL`` (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run it;
the test works in a schema of its own and drops it afterwards.
"""
from __future__ import annotations

import os
import uuid

import pytest

from wirecoder.ingest import ingest_paths

from .corpus import write_corpus
from .helpers import FAKE, dump

URL = os.environ.get("WIRECODER_TEST_PG_URL")
psycopg = pytest.importorskip("psycopg")
needs_server = pytest.mark.skipif(not URL, reason="no PostgreSQL server (WIRECODER_TEST_PG_URL)")


@needs_server
def test_load_into_postgres_matches_sqlite_and_is_idempotent(tmp_path):
    from wirecoder.scale.postgres import load_postgres

    write_corpus(tmp_path / "c", 30, per_file=8, repeats=3)
    shards = tmp_path / "shards"
    ingest_paths([str(tmp_path / "c")], None, shard_dir=str(shards), shard_size=12,
                 analyser=FAKE)
    db = tmp_path / "ref.db"
    ingest_paths([str(tmp_path / "c")], str(db), analyser=FAKE)
    ref = dump(db)

    schema = "wc_test_" + uuid.uuid4().hex[:8]
    with psycopg.connect(URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    url = f"{URL}{'&' if '?' in URL else '?'}options=-csearch_path%3D{schema}"
    try:
        s = load_postgres([shards], url, batch_size=7)
        assert (s.stored, s.duplicates, s.errors) == (30, 0, [])
        again = load_postgres([shards], url)
        assert (again.stored, again.duplicates) == (0, 30)
        with psycopg.connect(url) as con:
            arts = con.execute("SELECT id, content_hash, headline, text FROM articles "
                               "ORDER BY id").fetchall()
            evs = con.execute("SELECT id, article_id, event_type, fatalities, actor1 FROM events "
                              "ORDER BY id").fetchall()
            n_evid = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
            hit = con.execute("SELECT count(*) FROM articles WHERE fts @@ "
                              "plainto_tsquery('simple', 'Residents')").fetchone()[0]
        assert [tuple(r) for r in arts] == [tuple(r) for r in ref["articles"]]
        assert [tuple(r) for r in evs] == [tuple(r[:5]) for r in ref["events"]]
        assert n_evid == len(ref["evidence"]) and hit == 30
    finally:
        with psycopg.connect(URL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def test_unreachable_server_is_one_clear_error(tmp_path):
    from wirecoder.scale.postgres import load_postgres

    with pytest.raises(RuntimeError, match="cannot connect to PostgreSQL"):
        load_postgres([tmp_path], "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
