"""Read queries behind the API. Pure functions of (connection, arguments) -> JSON-ready data."""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from typing import Any, Iterator

from . import rollups
from .filters import Filters, cursor_sql, encode_cursor, where_sql

LIST_COLUMNS = ("id", "article_id", "event_type", "sub_event_type", "date", "time_precision",
                "actor1", "actor2", "location", "latitude", "longitude", "country_code",
                "admin1", "fatalities", "confidence", "review_status", "cluster_id")


def _loads(v: str | None) -> Any:
    if not v:
        return None
    try:
        return json.loads(v)
    except ValueError:
        return None


def _ordered_sql(f: Filters, columns: tuple[str, ...], extra: tuple[str, list[Any]] | None
                 ) -> tuple[str, list[Any]]:
    """``SELECT columns ... ORDER BY date DESC, id DESC LIMIT ? OFFSET ?`` for filters ``f``.

    An actor filter is "actor1 IN (...) OR actor2 IN (...)": as one query SQLite collects and
    sorts every event of the actor (a common actor has 100k+). Two queries, each walking its
    (actorN, date) index newest first and stopping at the page's end, merged by a UNION, read
    only about two pages.
    """
    cols = ", ".join(columns)
    if not f.actor:
        where, params = where_sql(f)
        conds = [where] if where else []
        if extra:
            conds.append(extra[0])
            params += extra[1]
        return (f"SELECT {cols} FROM events" + (" WHERE " + " AND ".join(conds) if conds else "")
                + " ORDER BY date DESC, id DESC LIMIT ? OFFSET ?"), params
    rest, rest_params = where_sql(replace(f, actor=()))
    arms, params = [], []
    marks = ", ".join("?" * len(f.actor))
    for col in ("actor1", "actor2"):
        conds = [f"{col} IN ({marks})"] + ([rest] if rest else [])
        p = [*f.actor, *rest_params]
        if extra:
            conds.append(extra[0])
            p += extra[1]
        # each arm must hold the whole page (offset + limit): the merge keeps the newest
        arms.append(f"SELECT * FROM (SELECT {cols} FROM events WHERE {' AND '.join(conds)} "
                    f"ORDER BY date DESC, id DESC LIMIT ? + ?)")
        params += p + ["__limit__", "__offset__"]
    return (" UNION ".join(arms) + " ORDER BY date DESC, id DESC LIMIT ? OFFSET ?"), params


def _bind(params: list[Any], limit: int, offset: int) -> list[Any]:
    return [limit if p == "__limit__" else offset if p == "__offset__" else p for p in params] \
        + [limit, offset]


def list_events(con: sqlite3.Connection, f: Filters, limit: int = 100, offset: int = 0,
                cursor: str | None = None, columns: tuple[str, ...] = LIST_COLUMNS
                ) -> dict[str, Any]:
    """Newest first. ``cursor`` (keyset) is cheap at any depth; ``offset`` is for small pages."""
    extra = None
    if cursor:
        extra = cursor_sql(cursor)
        offset = 0
    sql, params = _ordered_sql(f, columns, extra)
    rows = [dict(r) for r in con.execute(sql, _bind(params, limit + 1, offset))]
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1]["date"], rows[-1]["id"]) if more and rows else None
    return {"events": rows, "next_cursor": nxt, "has_more": more, "limit": limit,
            "offset": offset}


def iter_events(con: sqlite3.Connection, f: Filters, max_rows: int, with_record: bool = False
                ) -> Iterator[dict[str, Any]]:
    """Every matching event (newest first), for map and export streams."""
    if not with_record:
        sql, params = _ordered_sql(f, LIST_COLUMNS, None)
        for r in con.execute(sql, _bind(params, max_rows, 0)):
            yield dict(r)
        return
    where, params = where_sql(f)
    sql = ("SELECT e.*, a.source_name, a.headline FROM events e "
           "LEFT JOIN articles a ON a.id = e.article_id"
           + (" WHERE " + where_sql(f, "e")[0] if where else "")
           + " ORDER BY e.date DESC, e.id DESC LIMIT ?")
    for r in con.execute(sql, params + [max_rows]):
        yield dict(r)


def get_event(con: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    row = con.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    ev = dict(row)
    ev["record"] = _loads(ev.get("record")) or {}
    ev["evidence"] = [dict(r) for r in con.execute(
        'SELECT field, article_id, start, "end", text FROM evidence WHERE event_id = ? '
        "ORDER BY id", (event_id,))]
    # Sources: the articles of every report merged into this event (or just its own article).
    if ev.get("cluster_id"):
        src_rows = con.execute(
            "SELECT DISTINCT e.id AS event_id, a.id, a.headline, a.source_name, "
            "a.publication_date, a.url FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id = ? ORDER BY a.publication_date", (ev["cluster_id"],))
    else:
        src_rows = con.execute(
            "SELECT ? AS event_id, id, headline, source_name, publication_date, url "
            "FROM articles WHERE id = ?", (event_id, ev["article_id"]))
    ev["sources"] = [dict(r) for r in src_rows]
    extra = [s for s in (ev["record"].get("sources") or [])
             if s not in {x["id"] for x in ev["sources"]}]
    for aid in extra[:100]:
        r = con.execute("SELECT id, headline, source_name, publication_date, url FROM articles "
                        "WHERE id = ?", (aid,)).fetchone()
        if r:
            ev["sources"].append(dict(r) | {"event_id": None})
    ev["reviews"] = [dict(r) | {"changes": _loads(r["changes"])} for r in con.execute(
        "SELECT id, action, changes, reviewer, note, at FROM reviews WHERE event_id = ? "
        "ORDER BY id", (event_id,))]
    return ev


def get_article(con: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT id, headline, byline, publication_date, publication_time, source_name, "
        "source_code, language, section, page, copyright, document_id, word_count, dateline, "
        "url, format, origin, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    art = dict(row)
    art["mentions"] = [dict(r) | {"data": _loads(r["data"])} for r in con.execute(
        'SELECT kind, start, "end", text, label, role, data FROM mentions '
        'WHERE article_id = ? ORDER BY start, "end"', (article_id,))]
    events = []
    for r in con.execute("SELECT id, event_type, sub_event_type, date, location, fatalities, "
                         "review_status FROM events WHERE article_id = ? ORDER BY id",
                         (article_id,)):
        e = dict(r)
        e["evidence"] = [dict(x) for x in con.execute(
            'SELECT field, start, "end", text FROM evidence WHERE event_id = ? AND '
            "article_id = ? ORDER BY id", (e["id"], article_id))]
        events.append(e)
    art["events"] = events
    return art


def _prefix_range(col: str, q: str) -> tuple[str, list[Any]]:
    """Index-friendly, case-tolerant prefix match: the text as typed or capitalised."""
    variants = list(dict.fromkeys([q, q[:1].upper() + q[1:]]))
    parts = [f"({col} >= ? AND {col} < ?)" for _ in variants]
    params: list[Any] = []
    for v in variants:
        params += [v, v + "\U0010ffff"]
    return "(" + " OR ".join(parts) + ")", params


def actors(con: sqlite3.Connection, q: str | None, f: Filters, limit: int) -> list[dict]:
    # An actor filter means "events involving X": grouping those by actor is not a rollup sum.
    r = None if f.actor else rollups.plan(f, group=("actor",))
    if r is not None:
        where, params = rollups.rollup_where(r, f, roles=(1, 2, 3))
        conds = [where] if where else []
        if q:
            c, cp = _prefix_range("actor", q)
            conds.append(c)
            params += cp
        sql = (f"SELECT actor AS name, sum(CASE WHEN role = 1 THEN n ELSE 0 END) AS a1, "
               f"sum(CASE WHEN role = 1 THEN 0 ELSE n END) AS a2 FROM {r.name}"
               + (" WHERE " + " AND ".join(conds) if conds else "")
               + " GROUP BY actor ORDER BY a1 + a2 DESC, actor LIMIT ?")
        return [{"name": x["name"], "events": x["a1"] + x["a2"], "as_actor1": x["a1"],
                 "as_actor2": x["a2"]} for x in con.execute(sql, params + [limit])]
    where, params = where_sql(f)
    out: dict[str, dict[str, Any]] = {}
    for col in ("actor1", "actor2"):
        conds = [f"{col} IS NOT NULL"] + ([where] if where else [])
        p = list(params)
        if q:
            c, cp = _prefix_range(col, q)
            conds.append(c)
            p += cp
        sql = (f"SELECT {col} AS name, count(*) AS n FROM events WHERE {' AND '.join(conds)} "
               f"GROUP BY {col} ORDER BY n DESC LIMIT ?")
        for r in con.execute(sql, p + [limit * 2]):
            d = out.setdefault(r["name"], {"name": r["name"], "events": 0, "as_actor1": 0,
                                           "as_actor2": 0})
            d["events"] += r["n"]
            d["as_actor1" if col == "actor1" else "as_actor2"] += r["n"]
    return sorted(out.values(), key=lambda d: (-d["events"], d["name"]))[:limit]


_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


PREFIX_MIN = 4


def fts_query(q: str) -> str | None:
    """User text -> a safe FTS5 query: each word becomes a quoted term (prefix on the last)."""
    words = _FTS_TOKEN.findall(q)[:20]
    if not words:
        return None
    terms = ['"' + w.replace('"', '""') + '"' for w in words]
    # The last word is a prefix (search as you type), once it has a few letters: a 1-3 letter
    # prefix expands to hundreds of index terms and costs a second on a large archive.
    if len(words[-1]) >= PREFIX_MIN:
        terms[-1] += "*"
    return " ".join(terms)


SEARCH_WINDOW = 2000


def search(con: sqlite3.Connection, q: str, limit: int, offset: int,
           window: int = SEARCH_WINDOW) -> dict[str, Any]:
    """Best bm25 matches among the newest ``window`` matching articles.

    Ranking every match of a common word (tens of thousands of articles) costs a bm25 per
    match; walking the index newest-first and ranking only a window keeps it bounded, and
    ``ranked_all`` says when the ranking covered every match.
    """
    match = fts_query(q)
    if match is None:
        return {"query": q, "results": []}
    window = max(window, limit + offset)
    hits = con.execute(
        "SELECT rowid, bm25(articles_fts) AS score FROM articles_fts WHERE articles_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT ?", (match, window + 1)).fetchall()
    ranked_all = len(hits) <= window
    top = sorted(hits[:window], key=lambda h: (h[1], -h[0]))[offset:offset + limit]
    rows = {}
    if top:
        marks = ", ".join("?" * len(top))
        for r in con.execute(
                "SELECT a.rowid AS rid, a.id, a.headline, a.source_name, a.publication_date, "
                "snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet, "
                "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
                f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})",
                (match, *[h[0] for h in top])):
            rows[r["rid"]] = r
    results = []
    for h in top:
        r = rows.get(h[0])
        if r is None:
            continue
        d = dict(r)
        d.pop("rid")
        # Marks come back as control characters, never as markup: the page splits on them.
        d["snippet"] = _split_snippet(d.pop("snippet") or "")
        results.append(d)
    return {"query": q, "fts": match, "results": results, "ranked_all": ranked_all,
            "window": window}


def _split_snippet(s: str) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    for i, chunk in enumerate(re.split("[\x02\x03]", s)):
        if chunk:
            parts.append({"text": chunk, "hit": i % 2 == 1})
    return parts


INTERVALS = {"day": "substr(date, 1, 10)", "month": "substr(date, 1, 7)",
             "year": "substr(date, 1, 4)",
             # ISO-like week start (Monday) for day-precision dates; coarser ones stay as they are
             "week": "CASE WHEN length(date) = 10 THEN date(date, '-6 days', 'weekday 1') "
                     "ELSE date END"}


def _g(col: str, filtered: bool) -> str:
    """GROUP BY term. With filters, ``+col`` stops SQLite from walking a whole GROUP BY index
    instead of the filter's index (its statistics often say a filter value matches everything,
    e.g. review_status when nearly all rows are 'auto')."""
    return "+" + col if filtered else col


def _source(f: Filters, group: tuple[str, ...], time: str | None
            ) -> tuple[str, str, list[Any], str, str]:
    """(table, where, params, count expr, fatalities expr): a rollup when one answers
    exactly, else the events table."""
    r = rollups.plan(f, group, time)
    if r is not None:
        where, params = rollups.rollup_where(r, f)
        return r.name, where, params, "sum(n)", "sum(fatalities)"
    where, params = where_sql(f)
    return "events", where, params, "count(*)", "coalesce(sum(fatalities), 0)"


def auto_interval(con: sqlite3.Connection, f: Filters) -> str:
    """Day bars for a few months, weeks for a few years, months beyond."""
    table, where, params, _, _ = _source(f, (), "month")
    w = f" WHERE {where}" if where else ""
    lo, hi = con.execute(f"SELECT min(nullif(date, '')), max(nullif(date, '')) FROM {table}{w}",
                         params).fetchone()
    if not lo or not hi:
        return "month"
    months = lambda d: int(d[:4]) * 12 + (int(d[5:7]) if len(d) >= 7 else 1)
    span = months(hi) - months(lo)
    return "month" if span > 36 else "week" if span > 4 else "day"


def stats(con: sqlite3.Connection, f: Filters, interval: str) -> dict[str, Any]:
    """Totals, by type, by review status and a timeline, from one grouped pass."""
    grain = "month" if interval in ("month", "year") else "day"
    dims = ("event_type", "sub_event_type", "review_status")
    table, where, params, n, fat = _source(f, dims, grain)
    w = f" WHERE {where}" if where else ""
    bucket = INTERVALS[interval]
    # A rollup's rows are already unique per (date, type, sub-type, status): summing them here
    # is cheaper than SQLite's GROUP BY, which sorts them through a temporary b-tree first.
    group = ("" if table != "events" else
             " GROUP BY 1, event_type, sub_event_type, review_status")
    rows = con.execute(
        f"SELECT nullif({bucket}, '') AS bucket, event_type, nullif(sub_event_type, '') AS sub, "
        f"review_status, {n if group else 'n'} AS n, {fat if group else 'fatalities'} AS fat "
        f"FROM {table}{w}{group}", params).fetchall()
    total = fatalities = 0
    by_type: dict[tuple, list[int]] = {}
    by_review: dict[str, int] = {}
    timeline: dict[str, list[int]] = {}
    for b, et, sub, rs, cnt, fa in rows:
        total += cnt
        fatalities += fa
        t = by_type.setdefault((et, sub), [0, 0])
        t[0] += cnt
        t[1] += fa
        by_review[rs] = by_review.get(rs, 0) + cnt
        if b is not None:
            tl = timeline.setdefault(b, [0, 0])
            tl[0] += cnt
            tl[1] += fa
    return {"total": total, "fatalities": fatalities,
            "by_type": [{"event_type": et, "sub_event_type": sub, "n": v[0], "fatalities": v[1]}
                        for (et, sub), v in sorted(by_type.items(),
                                                   key=lambda kv: (-kv[1][0], kv[0][0],
                                                                   kv[0][1] or ""))],
            "by_review_status": by_review, "interval": interval,
            "timeline": [{"bucket": b, "n": v[0], "fatalities": v[1]}
                         for b, v in sorted(timeline.items())],
            "computed_from": table}


NETWORK_SCAN = 20_000


def network(con: sqlite3.Connection, f: Filters, limit: int) -> dict[str, Any]:
    r = rollups.plan(f, ("actor1", "actor2"))
    if r is not None and f.is_empty() and r.name == "rollup_pair":
        # the whole pair table is the answer: read its top rows off the (n) index
        sql, params = ("SELECT actor1 AS source, actor2 AS target, n AS weight, fatalities "
                       "FROM rollup_pair ORDER BY n DESC LIMIT ?"), [limit]
    elif r is not None:
        where, params = rollups.rollup_where(r, f)
        sql = (f"SELECT actor1 AS source, actor2 AS target, sum(n) AS weight, "
               f"sum(fatalities) AS fatalities FROM {r.name}"
               + (f" WHERE {where}" if where else "")
               + " GROUP BY actor1, actor2 ORDER BY weight DESC LIMIT ?")
        params = params + [limit]
    else:
        # No rollup has these filters (a country, a date range, a place...): build the network
        # from the newest NETWORK_SCAN matching events and say so, rather than reading them all.
        where, params = where_sql(f)
        conds = ["actor1 IS NOT NULL", "actor2 IS NOT NULL"] + ([where] if where else [])
        sql = (f"SELECT actor1 AS source, actor2 AS target, sum(k <= ?) AS weight, "
               f"sum(CASE WHEN k <= ? THEN coalesce(fatalities, 0) ELSE 0 END) AS fatalities, "
               f"max(k) AS k FROM ("
               f"SELECT actor1, actor2, fatalities, row_number() OVER (ORDER BY date DESC) AS k "
               f"FROM (SELECT actor1, actor2, fatalities, date FROM events "
               f"WHERE {' AND '.join(conds)} ORDER BY date DESC LIMIT ?)) "
               f"GROUP BY actor1, actor2 ORDER BY weight DESC")
        rows = con.execute(sql, [NETWORK_SCAN, NETWORK_SCAN] + params + [NETWORK_SCAN + 1]
                           ).fetchall()
        scanned = max((x["k"] for x in rows), default=0)
        truncated = scanned > NETWORK_SCAN
        edges = [{k: x[k] for k in ("source", "target", "weight", "fatalities")}
                 for x in rows[:limit] if x["weight"] > 0]
        return _graph(edges) | {"truncated": truncated,
                                "events_considered": min(scanned, NETWORK_SCAN)}
    return _graph([dict(x) for x in con.execute(sql, params)]) | {"truncated": False}


def _graph(edges: list[dict[str, Any]]) -> dict[str, Any]:
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for k in ("source", "target"):
            n = nodes.setdefault(e[k], {"id": e[k], "weight": 0})
            n["weight"] += e["weight"]
    return {"nodes": list(nodes.values()), "edges": edges}


def sources(con: sqlite3.Connection, limit: int = 500) -> list[dict[str, Any]]:
    return [dict(r) for r in con.execute(
        "SELECT source_name AS name, count(*) AS articles FROM articles "
        "WHERE source_name IS NOT NULL GROUP BY source_name ORDER BY articles DESC LIMIT ?",
        (limit,))]


def facets(con: sqlite3.Connection) -> dict[str, Any]:
    """Values for the filter pickers (countries with their admin1 names)."""
    countries = [dict(r) for r in con.execute(
        "SELECT country_code AS code, count(*) AS n FROM events WHERE country_code IS NOT NULL "
        "GROUP BY country_code ORDER BY n DESC LIMIT 300")]
    admin1 = [dict(r) for r in con.execute(
        "SELECT country_code AS country, admin1 AS name, count(*) AS n FROM events "
        "WHERE admin1 IS NOT NULL GROUP BY country_code, admin1 ORDER BY n DESC LIMIT 2000")]
    return {"countries": countries, "admin1": admin1, "sources": sources(con)}
