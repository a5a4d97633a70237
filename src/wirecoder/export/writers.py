"""Export writers: ACLED CSV, GeoJSON (RFC 7946), GeoParquet, PLOVER JSON.

Each takes an open connection, a file object (or path) and filters, streams the merged
records once, and returns the number of events written. The web app calls these directly.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import struct
from pathlib import Path
from typing import IO, Any, Iterator

from .acled import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, acled_row
from .plover import plover_record, plover_type
from .records import iter_records


def rows(con: sqlite3.Connection, filters: Any = None) -> Iterator[tuple[dict, dict]]:
    """(merged record, ACLED row) pairs."""
    for rec in iter_records(con, filters):
        row = acled_row(rec)
        if not row["plover_type"]:
            row["plover_type"] = plover_type(rec.get("sub_event_type"))[0] or ""
        yield rec, row


def export_csv(con: sqlite3.Connection, fileobj: IO[str], filters: Any = None) -> int:
    w = csv.DictWriter(fileobj, fieldnames=list(COLUMNS), extrasaction="ignore")
    w.writeheader()
    n = 0
    for _, row in rows(con, filters):
        w.writerow({k: "" if v is None else v for k, v in row.items()})
        n += 1
    return n


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    lat, lon = row.get("latitude"), row.get("longitude")
    geom = ({"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}
            if lat is not None and lon is not None else None)
    return {"type": "Feature", "id": row["event_id_cnty"], "geometry": geom,
            "properties": dict(row)}


def export_geojson(con: sqlite3.Connection, fileobj: IO[str], filters: Any = None) -> int:
    """A FeatureCollection streamed feature by feature (lon, lat order; WGS 84)."""
    fileobj.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for _, row in rows(con, filters):
        fileobj.write((",\n" if n else "") + json.dumps(_feature(row), ensure_ascii=False))
        n += 1
    fileobj.write("\n]}\n")
    return n


def _wkb_point(lon: float, lat: float) -> bytes:
    return struct.pack("<BIdd", 1, 1, float(lon), float(lat))  # little-endian WKB Point


def arrow_table(con: sqlite3.Connection, filters: Any = None):
    """A pyarrow Table of the ACLED rows plus a WKB ``geometry`` column, with GeoParquet
    1.0 metadata (CRS omitted = OGC:CRS84, i.e. lon/lat WGS 84)."""
    import pyarrow as pa

    cols: dict[str, list] = {c: [] for c in COLUMNS}
    geoms: list[bytes | None] = []
    xs: list[float] = []
    ys: list[float] = []
    for _, row in rows(con, filters):
        for c in COLUMNS:
            cols[c].append(row.get(c))
        lat, lon = row.get("latitude"), row.get("longitude")
        if lat is not None and lon is not None:
            geoms.append(_wkb_point(lon, lat))
            xs.append(float(lon))
            ys.append(float(lat))
        else:
            geoms.append(None)
    fields = []
    for c in COLUMNS:
        t = pa.int64() if c in INT_COLUMNS else pa.float64() if c in FLOAT_COLUMNS else pa.string()
        fields.append(pa.field(c, t))
    fields.append(pa.field("geometry", pa.binary()))
    arrays = [pa.array(cols[c], type=f.type) for c, f in zip(COLUMNS, fields)]
    arrays.append(pa.array(geoms, type=pa.binary()))
    geo = {"version": "1.0.0", "primary_column": "geometry",
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}}}
    if xs:
        geo["columns"]["geometry"]["bbox"] = [min(xs), min(ys), max(xs), max(ys)]
    schema = pa.schema(fields, metadata={b"geo": json.dumps(geo).encode()})
    return pa.Table.from_arrays(arrays, schema=schema)


def export_parquet(con: sqlite3.Connection, target: str | Path | IO[bytes],
                   filters: Any = None) -> int:
    import pyarrow.parquet as pq

    table = arrow_table(con, filters)
    pq.write_table(table, target)
    return table.num_rows


def export_plover(con: sqlite3.Connection, fileobj: IO[str], filters: Any = None) -> int:
    """A JSON array of PLOVER-style records (the shape of the PLOVER gold-standard file),
    each with the merged event's per-field provenance."""
    fileobj.write("[\n")
    n = 0
    for rec, row in rows(con, filters):
        out = plover_record(rec, row)
        out["provenance"] = rec.get("provenance") or {}
        fileobj.write((",\n" if n else "") + json.dumps(out, ensure_ascii=False))
        n += 1
    fileobj.write("\n]\n")
    return n


FORMATS = {"csv": export_csv, "geojson": export_geojson, "parquet": export_parquet,
           "plover": export_plover}
SUFFIX = {"csv": ".csv", "geojson": ".geojson", "parquet": ".parquet", "plover": ".json"}


def export_to(con: sqlite3.Connection, fmt: str, target: str | Path | IO | None,
              filters: Any = None) -> int:
    """Write one format to a path, an open file, or (target None) return-less to stdout."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    fn = FORMATS[fmt]
    if fmt == "parquet":
        if target is None:
            raise ValueError("parquet needs an output file (-o FILE)")
        return fn(con, target, filters)
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="") as fh:
            return fn(con, fh, filters)
    import sys

    return fn(con, target or sys.stdout, filters)


__all__ = ["FORMATS", "arrow_table", "export_csv", "export_geojson", "export_parquet",
           "export_plover", "export_to", "rows"]
