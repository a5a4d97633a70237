"""CSV and GeoJSON downloads for the page's current filter.

When the export stage (``wirecoder.export``) is installed and the filter uses only fields it
knows, its writers produce the download (merged events, ACLED columns); otherwise the web's
own per-report streaming writers below are used. Both honour reviews: edited values are what
the columns hold, and rejected events are left out unless the filter asks for them.
"""
from __future__ import annotations

import csv
import importlib
import io
import json
import sqlite3
import tempfile
from dataclasses import replace
from typing import Any, Callable, Iterator

from .filters import REVIEW_STATUSES, Filters
from .queries import LIST_COLUMNS, _bind, _ordered_sql, iter_events

MAX_EXPORT_ROWS = 2_000_000

CSV_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type",
               "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
               "country_code", "admin1", "admin2", "location", "geonameid", "latitude",
               "longitude", "geo_precision", "source", "source_article", "notes", "fatalities",
               "confidence", "review_status", "cluster_id", "timestamp")


def export_filters(f: Filters) -> Filters:
    """Rejected events are not part of the dataset unless explicitly asked for."""
    if f.review_status:
        return f
    return replace(f, review_status=tuple(s for s in REVIEW_STATUSES if s != "rejected"))


WEB_ONLY_FILTERS = ("admin1", "source", "fatalities_min", "bbox", "cluster_id")


def stage_exporter(kind: str, f: Filters) -> Callable[..., int] | None:
    """The export stage's writer (``wirecoder.export.export_csv``/``export_geojson``: merged
    events, full ACLED columns) when it is installed and understands every filter in use;
    otherwise None and the web's per-report writer below is used."""
    if any(getattr(f, k) for k in WEB_ONLY_FILTERS):
        return None
    try:
        mod = importlib.import_module("wirecoder.export")
        return getattr(mod, "export_" + kind)
    except (ImportError, AttributeError):
        return None


def iter_stage_export(writer: Callable[..., int], con: sqlite3.Connection, f: Filters
                      ) -> Iterator[str]:
    """Run a file-writing exporter into a spooled buffer, then stream it out."""
    with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8",
                                       newline="") as tmp:
        writer(con, tmp, f)
        tmp.seek(0)
        while chunk := tmp.read(64 * 1024):
            yield chunk


def _safe_cell(v: Any) -> Any:
    # Spreadsheet formula injection: article-derived text must not start a formula.
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def _notes(rec: dict[str, Any]) -> str:
    ev = rec.get("evidence") or []
    return (ev[0].get("text") or "").strip() if ev and isinstance(ev[0], dict) else ""


def csv_row(r: dict[str, Any]) -> list[Any]:
    rec = json.loads(r.get("record") or "{}")
    date = r.get("date") or ""
    return [_safe_cell(x) for x in (
        r["id"], date, date[:4], r.get("time_precision"), r["event_type"],
        r.get("sub_event_type"), r.get("actor1"), r.get("assoc_actor_1"), r.get("actor2"),
        r.get("assoc_actor_2"), r.get("country_code"), r.get("admin1"), r.get("admin2"),
        r.get("location"), r.get("geonameid"), r.get("latitude"), r.get("longitude"),
        r.get("geo_precision"), r.get("source_name"), r.get("article_id"), _notes(rec),
        r.get("fatalities"), r.get("confidence"), r.get("review_status"), r.get("cluster_id"),
        r.get("updated_at"))]


def iter_csv(con: sqlite3.Connection, f: Filters) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for n, r in enumerate(iter_events(con, export_filters(f), MAX_EXPORT_ROWS, with_record=True)):
        w.writerow(csv_row(r))
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


FEATURE_PROPS = ("id", "article_id", "event_type", "sub_event_type", "date", "time_precision",
                 "actor1", "actor2", "location", "country_code", "admin1", "fatalities",
                 "confidence", "review_status", "cluster_id")


def feature(r: dict[str, Any]) -> dict[str, Any]:
    lat, lon = r.get("latitude"), r.get("longitude")
    geom = ({"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
            if lat is not None and lon is not None else None)
    return {"type": "Feature", "id": r["id"], "geometry": geom,
            "properties": {k: r.get(k) for k in FEATURE_PROPS}}


def iter_geojson(con: sqlite3.Connection, f: Filters, max_rows: int = MAX_EXPORT_ROWS,
                 with_record: bool = True, located_only: bool = False) -> Iterator[str]:
    """RFC 7946 FeatureCollection, streamed; events without a location get a null geometry."""
    yield '{"type":"FeatureCollection","features":['
    first = True
    for r in iter_events(con, f, max_rows, with_record=with_record):
        if located_only and (r.get("latitude") is None or r.get("longitude") is None):
            continue
        feat = feature(r)
        if with_record:
            feat["properties"]["source"] = r.get("source_name")
            feat["properties"]["notes"] = _notes(json.loads(r.get("record") or "{}"))
        yield ("" if first else ",") + json.dumps(feat, ensure_ascii=False)
        first = False
    yield "]}"


def iter_map_geojson(con: sqlite3.Connection, f: Filters, cap: int) -> Iterator[str]:
    """The map's FeatureCollection: the newest ``cap`` located events, each Feature serialised
    by SQLite's JSON functions (the same document ``iter_geojson`` writes, several times
    faster than building dicts per row). ``"truncated": true`` says more events matched."""
    sql, params = _ordered_sql(f, LIST_COLUMNS, None)
    props = ", ".join(f"'{k}', {k}" for k in FEATURE_PROPS)
    q = (f"SELECT json_object('type', 'Feature', 'id', id, 'geometry', json_object('type', "
         f"'Point', 'coordinates', json_array(round(longitude, 6), round(latitude, 6))), "
         f"'properties', json_object({props})) FROM ({sql}) "
         f"WHERE latitude IS NOT NULL AND longitude IS NOT NULL")
    yield '{"type":"FeatureCollection","features":['
    n = 0
    rows = con.execute(q, _bind(params, cap + 1, 0))
    for (feat,) in rows:
        n += 1
        if n > cap:
            break
        yield ("" if n == 1 else ",") + feat
    yield '],"truncated":%s}' % ("true" if n > cap else "false")
