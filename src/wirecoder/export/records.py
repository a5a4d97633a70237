"""The records every export writes: merged events (with provenance, sources, article count).

Merged mode reads the ``clusters`` table; events the merge has not seen yet (``cluster_id``
NULL, e.g. a read-only database ingested without merging) are exported as single-report
events built by the same conflict rule, so an export never silently drops events.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterator

from ..merge.db import load_reports
from ..merge.resolve import merge_reports
from .filters import ExportFilters, coerce, where_sql


def _has_clusters(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'clusters'").fetchone() is not None


def iter_records(con: sqlite3.Connection, filters: Any = None) -> Iterator[dict[str, Any]]:
    """Merged records in (date, id) order; keys as ``merge.resolve.merge_reports`` plus
    ``cluster_id`` and ``updated_at``."""
    f: ExportFilters = coerce(filters)
    where, params = where_sql(f)
    if f.merged and _has_clusters(con):
        sql = ("SELECT id, record, updated_at, review_status FROM clusters"
               + (f" WHERE {where}" if where else "") + " ORDER BY date, id")
        for cid, record, updated, status in con.execute(sql, params):
            try:
                rec = json.loads(record)
            except ValueError:
                continue
            # the column is what reviewers update; the JSON is the merge's snapshot
            rec["cluster_id"], rec["updated_at"], rec["review_status"] = cid, updated, status
            yield rec
        singles = "cluster_id IS NULL" + (f" AND {where}" if where else "")
    else:
        singles = where
    sql = "SELECT id, updated_at FROM events" + (f" WHERE {singles}" if singles else "") + \
        " ORDER BY date, id"
    batch: list[tuple[str, str]] = []
    for row in con.execute(sql, params):
        batch.append(tuple(row))
        if len(batch) >= 500:
            yield from _singles(con, batch)
            batch = []
    if batch:
        yield from _singles(con, batch)


def _singles(con: sqlite3.Connection, rows: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    reports = {r.event_id: r for r in load_reports(con, [i for i, _ in rows])}
    for eid, updated in rows:
        if eid in reports:
            rec = merge_reports([reports[eid]], eid)
            rec["cluster_id"], rec["updated_at"] = eid, updated
            yield rec
