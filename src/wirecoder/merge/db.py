"""The merge stage over the SQLite store: incremental, reversible, order-independent.

Protocol: an event whose ``cluster_id`` is NULL is *dirty* (new, or marked by ``mark_dirty``
after a review edit). ``merge_new`` re-clusters the dirty events together with their
candidates (same or unknown country, dates within reach: two indexed lookups per event) and
the full membership of the clusters those candidates belong to, then rewrites just those
clusters. ``merge_all`` recomputes everything from scratch (same clustering rule).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable, Iterator

from .cluster import cluster_reports
from .compat import DAY_TOLERANCE, date_interval
from .records import Report, event_from_dict
from ..models import Evidence
from .resolve import merge_reports

_CHUNK = 500


@dataclass
class MergeStats:
    dirty: int = 0        # reports that needed a cluster
    considered: int = 0   # reports re-clustered (dirty + candidates + their clusters)
    clusters: int = 0     # clusters written
    merged: int = 0       # of which with more than one report

    def line(self) -> str:
        return (f"{self.dirty} new reports, {self.considered} considered, {self.clusters} "
                f"events written ({self.merged} merged from several reports)")


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def load_reports(con: sqlite3.Connection, ids: Iterable[str] | None = None) -> list[Report]:
    """Reports for the given event ids (all events when ``ids`` is None), with evidence."""
    base = ("SELECT e.id, e.article_id, e.review_status, e.record, a.publication_date, "
            "a.source_name, a.headline FROM events e LEFT JOIN articles a ON a.id = e.article_id")
    rows: list[sqlite3.Row] = []
    if ids is None:
        rows = list(con.execute(base))
        id_list = [r[0] for r in rows]
    else:
        id_list = sorted(set(ids))
        for chunk in _chunks(id_list):
            rows += con.execute(f"{base} WHERE e.id IN ({','.join('?' * len(chunk))})", chunk)
    evidence: dict[str, list[Evidence]] = {}
    for chunk in _chunks(id_list):
        q = ('SELECT event_id, article_id, field, start, "end", text FROM evidence '
             f"WHERE event_id IN ({','.join('?' * len(chunk))}) ORDER BY id")
        for eid, aid, fld, s, e, t in con.execute(q, chunk):
            evidence.setdefault(eid, []).append(Evidence(aid, s, e, t or "", fld))
    out = []
    for eid, aid, status, record, pub, src, head in rows:
        try:
            ev = event_from_dict(json.loads(record) if record else {})
        except (ValueError, TypeError):
            continue  # an unreadable record is left out of merging, never fatal
        ev.id, ev.review_status = eid, status or ev.review_status
        ev.article_id = ev.article_id or aid
        out.append(Report(eid, ev, aid, pub, src, head, evidence.get(eid, [])))
    return out


def load_constraints(con: sqlite3.Connection, ids: Iterable[str] | None = None
                     ) -> set[frozenset[str]]:
    if ids is None:
        return {frozenset((a, b)) for a, b in con.execute("SELECT a, b FROM merge_constraints")}
    out: set[frozenset[str]] = set()
    id_list = sorted(set(ids))
    for chunk in _chunks(id_list):
        q = f"SELECT a, b FROM merge_constraints WHERE a IN ({','.join('?' * len(chunk))})"
        out |= {frozenset((a, b)) for a, b in con.execute(q, chunk)}
    return out


def _coarse_keys(lo: date, hi: date) -> list[str]:
    """The "YYYY" and "YYYY-MM" values a month/year-precision event overlapping [lo, hi] has."""
    keys = {str(y) for y in range(lo.year, hi.year + 1)}
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month) and len(keys) < 40:
        keys.add(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return sorted(keys)


def block_candidates(con: sqlite3.Connection, r: Report) -> set[str]:
    """Event ids that could merge with ``r``: same or unknown country, date within reach."""
    loc = r.event.location
    cc = (loc.country_code or "").upper() if loc else ""
    conds, params = [], []
    if cc:
        conds.append("(country_code = ? OR country_code IS NULL)")
        params.append(cc)
    iv = date_interval(r)
    if iv:
        tol = timedelta(days=DAY_TOLERANCE)
        lo, hi = iv[0] - tol, iv[1] + tol
        keys = _coarse_keys(lo, hi)
        conds.append(f"(date BETWEEN ? AND ? OR date IN ({','.join('?' * len(keys))}) "
                     "OR date IS NULL)")
        params += [lo.isoformat(), hi.isoformat(), *keys]
    sql = "SELECT id FROM events" + (" WHERE " + " AND ".join(conds) if conds else "")
    return {row[0] for row in con.execute(sql, params)}


def mark_dirty(con: sqlite3.Connection, event_ids: Iterable[str]) -> int:
    """Dissolve the clusters of these events so the next ``merge_new`` recomputes them.

    Call after a review changes an event (edit, reject, restore). No transaction of its own.
    """
    ids = sorted(set(event_ids))
    cids: set[str] = set()
    for chunk in _chunks(ids):
        q = f"SELECT DISTINCT cluster_id FROM events WHERE id IN ({','.join('?' * len(chunk))})"
        cids |= {c for (c,) in con.execute(q, chunk) if c}
    n = 0
    for chunk in _chunks(sorted(cids)):
        marks = ",".join("?" * len(chunk))
        n += con.execute(f"UPDATE events SET cluster_id = NULL WHERE cluster_id IN ({marks})",
                         chunk).rowcount
        con.execute(f"DELETE FROM clusters WHERE id IN ({marks})", chunk)
    for chunk in _chunks(ids):
        con.execute(f"UPDATE events SET cluster_id = NULL WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk)
    return n


def _write(con: sqlite3.Connection, reports: list[Report], groups: dict[str, list[str]],
           old_cluster_ids: set[str]) -> tuple[int, int]:
    by_id = {r.event_id: r for r in reports}
    for chunk in _chunks(sorted(old_cluster_ids)):
        con.execute(f"DELETE FROM clusters WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    merged = 0
    for cid, members in sorted(groups.items()):
        rec = merge_reports([by_id[m] for m in members], cid)
        loc = rec.get("location") or {}
        a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
        con.execute(
            "INSERT OR REPLACE INTO clusters (id, event_type, sub_event_type, plover_type, date, "
            "date_end, time_precision, actor1, actor2, location, geonameid, latitude, longitude, "
            "country_code, admin1, admin2, geo_precision, fatalities, confidence, review_status, "
            "article_count, event_count, sources, record) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (cid, rec["event_type"], rec["sub_event_type"], rec["plover_type"], rec["date"],
             rec["date_end"], rec["time_precision"], a1.get("canonical") or a1.get("name"),
             a2.get("canonical") or a2.get("name"), loc.get("name"), loc.get("geonameid"),
             loc.get("lat"), loc.get("lon"), loc.get("country_code"), loc.get("admin1"),
             loc.get("admin2"), loc.get("geo_precision"), rec["fatalities"], rec["confidence"],
             rec["review_status"], rec["article_count"], rec["event_count"],
             json.dumps(rec["source_list"], ensure_ascii=False),
             json.dumps(rec, ensure_ascii=False)))
        for chunk in _chunks(members):
            con.execute(f"UPDATE events SET cluster_id = ? WHERE id IN ({','.join('?' * len(chunk))})",
                        [cid, *chunk])
        merged += len(members) > 1
    return len(groups), merged


def _old_clusters(con: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(sorted(set(ids))):
        q = f"SELECT DISTINCT cluster_id FROM events WHERE id IN ({','.join('?' * len(chunk))})"
        out |= {c for (c,) in con.execute(q, chunk) if c}
    return out


def merge_new(con: sqlite3.Connection) -> MergeStats:
    """Give every dirty event a cluster; cheap when few events are new. Call after each
    ingest batch (and after review edits marked with ``mark_dirty``)."""
    dirty_ids = [i for (i,) in con.execute("SELECT id FROM events WHERE cluster_id IS NULL")]
    stats = MergeStats(dirty=len(dirty_ids))
    if not dirty_ids:
        return stats
    considered = set(dirty_ids)
    for r in load_reports(con, dirty_ids):
        considered |= block_candidates(con, r)
    old = _old_clusters(con, considered)
    for chunk in _chunks(sorted(old)):
        q = f"SELECT id FROM events WHERE cluster_id IN ({','.join('?' * len(chunk))})"
        considered |= {i for (i,) in con.execute(q, chunk)}
    reports = load_reports(con, considered)
    groups = cluster_reports(reports, load_constraints(con, considered))
    with con:
        stats.clusters, stats.merged = _write(con, reports, groups, old)
    stats.considered = len(reports)
    return stats


def merge_all(con: sqlite3.Connection) -> MergeStats:
    """Recompute every cluster from scratch."""
    reports = load_reports(con)
    groups = cluster_reports(reports, load_constraints(con))
    with con:
        con.execute("UPDATE events SET cluster_id = NULL")
        con.execute("DELETE FROM clusters")
        stats = MergeStats(dirty=len(reports), considered=len(reports))
        stats.clusters, stats.merged = _write(con, reports, groups, set())
    return stats


def cluster_members(con: sqlite3.Connection, cluster_id: str) -> list[str]:
    return [i for (i,) in con.execute("SELECT id FROM events WHERE cluster_id = ? ORDER BY id",
                                      (cluster_id,))]


def split_event(con: sqlite3.Connection, event_id: str, reviewer: str | None = None,
                note: str | None = None) -> str:
    """Take one report out of its merged event; remembered, so re-merging keeps it apart.

    Returns the report's new cluster id. Raises KeyError for an unknown event and ValueError
    when the report is not merged with any other.
    """
    row = con.execute("SELECT cluster_id FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        raise KeyError(f"no event {event_id!r}")
    if row[0] is None:
        merge_new(con)
        row = con.execute("SELECT cluster_id FROM events WHERE id = ?", (event_id,)).fetchone()
    old = row[0]
    others = [m for m in cluster_members(con, old) if m != event_id]
    if not others:
        raise ValueError(f"event {event_id!r} is not merged with another report")
    with con:
        con.executemany("INSERT OR IGNORE INTO merge_constraints (a, b, kind) VALUES (?, ?, 'cannot')",
                        [tuple(sorted((event_id, o))) for o in others])
        mark_dirty(con, [event_id, *others])
    merge_new(con)
    new = con.execute("SELECT cluster_id FROM events WHERE id = ?", (event_id,)).fetchone()[0]
    with con:
        con.execute("INSERT INTO reviews (event_id, action, changes, reviewer, note) "
                    "VALUES (?, 'split', ?, ?, ?)",
                    (event_id, json.dumps({"cluster_id": [old, new], "separated_from": others}),
                     reviewer, note))
    return new


def unsplit_event(con: sqlite3.Connection, event_id: str, reviewer: str | None = None,
                  note: str | None = None) -> str:
    """Forget the splits involving this report and let the merge decide again."""
    if con.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
        raise KeyError(f"no event {event_id!r}")
    with con:
        gone = [list(r) for r in con.execute(
            "SELECT a, b FROM merge_constraints WHERE a = ? OR b = ?", (event_id, event_id))]
        con.execute("DELETE FROM merge_constraints WHERE a = ? OR b = ?", (event_id, event_id))
        mark_dirty(con, [event_id, *{x for pair in gone for x in pair}])
    merge_new(con)
    new = con.execute("SELECT cluster_id FROM events WHERE id = ?", (event_id,)).fetchone()[0]
    with con:
        con.execute("INSERT INTO reviews (event_id, action, changes, reviewer, note) "
                    "VALUES (?, 'reset', ?, ?, ?)",
                    (event_id, json.dumps({"unsplit": gone, "cluster_id": [None, new]}),
                     reviewer, note or "unsplit"))
    return new


def get_cluster(con: sqlite3.Connection, cluster_id: str) -> dict[str, Any] | None:
    """The merged record (with provenance) of one cluster."""
    row = con.execute("SELECT record FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
    return json.loads(row[0]) if row else None
