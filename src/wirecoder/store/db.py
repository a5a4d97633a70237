"""SQLite store: one WAL-mode file with articles (+FTS5), mentions, events and evidence.

Writes are per batch and transactional: an article, its mentions, events and evidence go in
together or not at all, so a killed run leaves no half-written article.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..models import ArticleResult, Event

SCHEMA = resources.files(__package__).joinpath("schema.sql").read_text()


def connect(path: str | Path, readonly: bool = False, timeout: float = 30.0) -> sqlite3.Connection:
    """Open (and create if needed) a wirecoder database."""
    if readonly:
        con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, timeout=timeout,
                              check_same_thread=False)
    else:
        con = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
    if not readonly:
        # One transaction for the whole schema: a run killed while creating it leaves all
        # tables or none (WAL is set first: it cannot be switched on inside a transaction).
        con.execute("PRAGMA journal_mode = WAL")
        try:
            con.executescript("BEGIN IMMEDIATE;\n" + SCHEMA + "\nCOMMIT;")
        except sqlite3.Error:
            if con.in_transaction:
                con.rollback()
            raise
        con.execute("PRAGMA synchronous = NORMAL")
    return con


def _j(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def event_row(ev: Event, event_id: str, article_id: str) -> dict[str, Any]:
    loc = ev.location
    return {
        "id": event_id, "article_id": article_id,
        "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "plover_type": ev.plover_type, "date": ev.date, "date_end": ev.date_end,
        "time_precision": ev.time_precision,
        "actor1": ev.actor1 and (ev.actor1.canonical or ev.actor1.name),
        "actor1_type": ev.actor1 and ev.actor1.type,
        "assoc_actor_1": ev.assoc_actor_1 and (ev.assoc_actor_1.canonical or ev.assoc_actor_1.name),
        "actor2": ev.actor2 and (ev.actor2.canonical or ev.actor2.name),
        "actor2_type": ev.actor2 and ev.actor2.type,
        "assoc_actor_2": ev.assoc_actor_2 and (ev.assoc_actor_2.canonical or ev.assoc_actor_2.name),
        "location": loc and loc.name, "geonameid": loc and loc.geonameid,
        "latitude": loc and loc.lat, "longitude": loc and loc.lon,
        "country_code": loc and loc.country_code, "admin1": loc and loc.admin1,
        "admin2": loc and loc.admin2, "geo_precision": loc and loc.geo_precision,
        "fatalities": ev.fatalities, "confidence": ev.confidence, "salience": ev.salience,
        "review_status": ev.review_status, "record": _j(ev.to_dict()),
    }


def has_article(con: sqlite3.Connection, article_id: str, content_hash: str) -> bool:
    row = con.execute("SELECT 1 FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
                      (article_id, content_hash)).fetchone()
    return row is not None


def write_result(con: sqlite3.Connection, res: ArticleResult) -> bool:
    """Insert one article with everything found in it. Returns False if already stored.

    Call inside a transaction (``with con:``); see ``write_batch``.
    """
    a = res.article.ensure_id()
    if has_article(con, a.id, a.content_hash):
        return False
    con.execute(
        """INSERT INTO articles (id, content_hash, headline, byline, publication_date,
        publication_time, source_name, source_code, language, section, page, copyright,
        document_id, word_count, dateline, url, format, origin, metadata, text)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        (a.id, a.content_hash, a.headline, a.byline, a.publication_date, a.publication_time,
         a.source_name, a.source_code, a.language, a.section, a.page, a.copyright,
         a.document_id, a.word_count, a.dateline, a.url, a.format, a.origin,
         _j(a.metadata), a.text))
    mentions = list(res.mentions) + [m for m in res.places if m not in res.mentions]
    con.executemany(
        'INSERT INTO mentions (article_id, kind, start, "end", text, label, role, data) '
        "VALUES (?,?,?,?,?,?,?,?)",
        [(a.id, m.kind, m.start, m.end, m.text, m.label, m.role, _j(m.data)) for m in mentions])
    con.executemany(
        'INSERT INTO mentions (article_id, kind, start, "end", text, label, role, data) '
        "VALUES (?,?,?,?,?,?,?,?)",
        [(a.id, "claim", c.start, c.end, c.text, c.kind, None, _j(asdict(c))) for c in res.claims])
    for n, ev in enumerate(res.events):
        eid = ev.id or f"{a.id}:{n}"
        ev.id, ev.article_id = eid, a.id
        if not ev.sources:
            ev.sources = [a.id]
        row = event_row(ev, eid, a.id)
        cols = ", ".join(row)
        con.execute(f"INSERT INTO events ({cols}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()))
        con.executemany(
            'INSERT INTO evidence (event_id, article_id, field, start, "end", text) '
            "VALUES (?,?,?,?,?,?)",
            [(eid, e.article_id or a.id, e.field, e.start, e.end, e.text) for e in ev.evidence])
    return True


def log(con: sqlite3.Connection, origin: str, status: str, reason: str | None = None,
        article_id: str | None = None) -> None:
    con.execute("INSERT INTO ingest_log (origin, status, reason, article_id) VALUES (?,?,?,?)",
                (origin, status, reason, article_id))


def write_batch(con: sqlite3.Connection, results: Iterable[ArticleResult]) -> tuple[int, int]:
    """Store a batch in one transaction. Returns (stored, duplicates)."""
    stored = dup = 0
    with con:
        for res in results:
            if write_result(con, res):
                stored += 1
                log(con, res.article.origin or res.article.id, "stored", None, res.article.id)
            else:
                dup += 1
                log(con, res.article.origin or res.article.id, "duplicate", None, res.article.id)
    return stored, dup


def iter_event_records(con: sqlite3.Connection, where: str = "", params: Iterable[Any] = ()
                       ) -> Iterator[dict[str, Any]]:
    """Stored events as dicts (table columns plus the decoded ``record``)."""
    sql = "SELECT * FROM events" + (f" WHERE {where}" if where else "") + " ORDER BY date, id"
    for row in con.execute(sql, tuple(params)):
        d = dict(row)
        d["record"] = json.loads(d["record"]) if d.get("record") else {}
        yield d
