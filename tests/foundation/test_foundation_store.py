"""The SQLite store: schema, WAL, full-text search, idempotence, transactional batches."""
from __future__ import annotations

import sqlite3

import pytest

from wirecoder.models import (Actor, Article, ArticleResult, Attribution, Event, Evidence,
                              Mention, Place)
from wirecoder.store import db as store

TABLES = {"articles", "articles_fts", "mentions", "events", "evidence", "reviews", "ingest_log"}


def make_result(doc_id: str | None = "DOC0000000001", headline: str = "Clashes near Kibumba",
                body: tuple[str, ...] = ("Fighting broke out near Kibumba on Monday, officials said.",),
                with_event: bool = True) -> ArticleResult:
    art = Article(headline=headline, body=list(body), publication_date="2023-06-05",
                  document_id=doc_id, source_name="Invented Ledger", origin="mem#0")
    art.ensure_id()
    res = ArticleResult(article=art)
    if with_event:
        text = art.text
        s = text.index("Fighting")
        e = text.index("said.") + len("said.")
        k = text.index("Kibumba", s)
        res.places = [Mention("place", k, k + 7, "Kibumba", role="event",
                              data={"name": "Kibumba", "geonameid": 1, "lat": -1.5, "lon": 29.3})]
        res.events = [Event(
            event_type="Battles", sub_event_type="Armed clash",
            evidence=[Evidence(art.id, s, e, text[s:e]), Evidence(art.id, k, k + 7, "Kibumba", "location")],
            date="2023-06-05", time_precision="day",
            actor1=Actor("rebels", "M23", "Rebel group"),
            location=Place("Kibumba", geonameid=1, lat=-1.5, lon=29.3, country_code="CD"),
            fatalities=3, attribution=[Attribution("officials", "official")])]
    return res


@pytest.fixture
def con(tmp_path):
    c = store.connect(tmp_path / "t.db")
    yield c
    c.close()


def count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_schema_is_created(con):
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert TABLES <= names


def test_database_is_in_wal_mode(con, tmp_path):
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # WAL is persistent: a plain sqlite3 connection (any SQLite tool) sees it too.
    other = sqlite3.connect(tmp_path / "t.db")
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()


def test_connect_twice_keeps_the_data(tmp_path):
    c = store.connect(tmp_path / "t.db")
    store.write_batch(c, [make_result()])
    c.close()
    c = store.connect(tmp_path / "t.db")  # re-running the schema must not reset anything
    assert count(c, "articles") == 1
    c.close()


def test_full_text_search_finds_articles(con):
    store.write_batch(con, [make_result(), make_result("DOC0000000002", "Protest in Mombasa",
                                                       ("Traders marched in Mombasa.",), False)])
    hits = [r[0] for r in con.execute(
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
        "WHERE articles_fts MATCH ?", ("mombasa",))]
    assert hits == ["DOC0000000002"]
    hits = [r[0] for r in con.execute(
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
        "WHERE articles_fts MATCH ?", ("headline:kibumba",))]
    assert hits == ["DOC0000000001"]


def test_same_article_twice_is_stored_once(con):
    assert store.write_batch(con, [make_result()]) == (1, 0)
    assert store.write_batch(con, [make_result()]) == (0, 1)
    assert count(con, "articles") == 1
    assert count(con, "events") == 1
    statuses = [r[0] for r in con.execute("SELECT status FROM ingest_log ORDER BY id")]
    assert statuses == ["stored", "duplicate"]


def test_same_content_without_document_id_is_stored_once(con):
    # No export id: the content hash is the key, whatever file it came from.
    a, b = make_result(None), make_result(None)
    b.article.origin = "other-file.txt#3"
    assert store.write_batch(con, [a, b]) == (1, 1)
    assert count(con, "articles") == 1


def test_a_failing_batch_leaves_nothing_behind(con):
    good = make_result("DOC0000000010")
    bad = make_result("DOC0000000011", "Clashes near Kibumba again")
    bad.events[0].event_type = None  # NOT NULL column: the insert fails mid-batch
    with pytest.raises(sqlite3.IntegrityError):
        store.write_batch(con, [good, bad])
    for table in ("articles", "events", "evidence", "mentions", "ingest_log"):
        assert count(con, table) == 0, table
    # The connection is still usable and the good article can be stored on its own.
    assert store.write_batch(con, [good]) == (1, 0)


def test_events_keep_their_evidence_offsets(con):
    res = make_result()
    store.write_batch(con, [res])
    text = con.execute("SELECT text FROM articles").fetchone()[0]
    rows = con.execute('SELECT field, start, "end", text FROM evidence ORDER BY id').fetchall()
    assert [r[0] for r in rows] == ["event", "location"]
    for field, s, e, t in rows:
        assert text[s:e] == t
    rec = next(store.iter_event_records(con))
    assert rec["id"] == "DOC0000000001:0"
    assert rec["event_type"] == "Battles" and rec["country_code"] == "CD"
    assert rec["actor1"] == "M23"
    assert rec["record"]["attribution"][0]["kind"] == "official"
    assert count(con, "mentions") == 1


def test_readonly_connection_cannot_write(tmp_path):
    c = store.connect(tmp_path / "t.db")
    c.close()
    ro = store.connect(tmp_path / "t.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        store.write_batch(ro, [make_result()])
    ro.close()
