"""Load result shards into PostgreSQL (``wirecoder load --url postgresql://...``).

Optional: needs ``psycopg`` (``pip install 'wirecoder[postgres]'``). Same rows as the SQLite
store (``store.db.event_row``), one transaction per batch, idempotent: an article whose id or
content hash is already there is skipped with everything found in it. A transaction-scoped
advisory lock serializes concurrent loaders on one database.
"""
from __future__ import annotations

import json
import os
from importlib import resources
from itertools import islice
from typing import Iterable

from ..models import ArticleResult
from ..store.db import event_row
from .load import LoadSummary
from .shards import iter_shard_results, shard_files

PG_SCHEMA = resources.files(__package__).joinpath("pg_schema.sql").read_text()
LOCK_KEY = 0x77697265  # "wire": pg_advisory_xact_lock key shared by wirecoder writers


def _connect(url: str):
    try:
        import psycopg
    except ImportError as exc:
        raise RuntimeError("--url needs the psycopg package: pip install 'psycopg[binary]'"
                           ) from exc
    try:
        return psycopg.connect(url)
    except psycopg.Error as exc:
        raise RuntimeError(f"cannot connect to PostgreSQL: {str(exc).strip().splitlines()[0]}"
                           ) from exc


def _j(v) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def _write_result(cur, res: ArticleResult) -> bool:
    from dataclasses import asdict

    a = res.article.ensure_id()
    cur.execute(
        """INSERT INTO articles (id, content_hash, headline, byline, publication_date,
        publication_time, source_name, source_code, language, section, page, copyright,
        document_id, word_count, dateline, url, format, origin, metadata, text)
        VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)
        ON CONFLICT DO NOTHING""",
        (a.id, a.content_hash, a.headline, a.byline, a.publication_date, a.publication_time,
         a.source_name, a.source_code, a.language, a.section, a.page, a.copyright,
         a.document_id, a.word_count, a.dateline, a.url, a.format, a.origin,
         _j(a.metadata), a.text.replace("\x00", "")))
    if cur.rowcount == 0:
        return False
    mentions = list(res.mentions) + [m for m in res.places if m not in res.mentions]
    rows = [(a.id, m.kind, m.start, m.end, m.text, m.label, m.role, _j(m.data)) for m in mentions]
    rows += [(a.id, "claim", c.start, c.end, c.text, c.kind, None, _j(asdict(c)))
             for c in res.claims]
    if rows:
        cur.executemany('INSERT INTO mentions (article_id, kind, start, "end", text, label, '
                        "role, data) VALUES (%s,%s,%s,%s,%s,%s,%s,%s)", rows)
    for n, ev in enumerate(res.events):
        eid = ev.id or f"{a.id}:{n}"
        ev.id, ev.article_id = eid, a.id
        if not ev.sources:
            ev.sources = [a.id]
        row = event_row(ev, eid, a.id)
        cur.execute(f"INSERT INTO events ({', '.join(row)}) "
                    f"VALUES ({', '.join(['%s'] * len(row))})", list(row.values()))
        if ev.evidence:
            cur.executemany('INSERT INTO evidence (event_id, article_id, field, start, "end", '
                            "text) VALUES (%s,%s,%s,%s,%s,%s)",
                            [(eid, e.article_id or a.id, e.field, e.start, e.end, e.text)
                             for e in ev.evidence])
    return True


def load_postgres(shards: Iterable[str | os.PathLike], url: str, batch_size: int = 500
                  ) -> LoadSummary:
    summary = LoadSummary()
    con = _connect(url)
    try:
        with con.transaction():
            con.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            con.execute(PG_SCHEMA)
        for f in shard_files(shards):
            summary.shards += 1
            try:
                it = iter_shard_results([f])
                while batch := list(islice(it, batch_size)):
                    stored = dup = 0
                    with con.transaction(), con.cursor() as cur:
                        cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                        for res in batch:
                            ok = _write_result(cur, res)
                            a = res.article
                            cur.execute("INSERT INTO ingest_log (origin, status, reason, "
                                        "article_id) VALUES (%s,%s,%s,%s)",
                                        (a.origin or a.id, "stored" if ok else "duplicate",
                                         "; ".join(res.errors)[:1000] or None, a.id))
                            stored += ok
                            dup += not ok
                    summary.stored += stored  # counted once the batch has committed
                    summary.duplicates += dup
            except Exception as exc:  # a corrupt shard is reported; the others load
                summary.errors.append(f"{f}: {type(exc).__name__}: {exc}")
    finally:
        con.close()
    return summary
