"""Exports: ACLED CSV in pandas, GeoJSON structure (+ GeoPandas), GeoParquet round trip,
PLOVER JSON, filters, the CLI and the Python API."""
from __future__ import annotations

import io
import json
import random
import re
import struct
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import wirecoder
from wirecoder.cli import main
from wirecoder.export import ExportFilters, FilterError
from wirecoder.export.acled import ACLED_COLUMNS, COLUMNS, interaction
from wirecoder.export.plover import ACLED_TO_PLOVER
from wirecoder.export.writers import export_csv, export_geojson, export_parquet, export_plover
from wirecoder.merge import goldset, merge_new
from wirecoder.store import db as store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "merge" / "corpus.json"
ITEMS = goldset.load_gold(CORPUS)
N_GOLD = len({it.gold for it in ITEMS})

# The 25 ACLED sub-event types (codebook facts)
SUB_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
    "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other", "Sexual violence", "Attack",
    "Abduction/forced disappearance"}


def build(path: Path, seed: int | None = None):
    items = list(ITEMS)
    if seed is not None:
        random.Random(seed).shuffle(items)
    con = store.connect(path)
    store.write_batch(con, goldset.coded_results(items))
    merge_new(con)
    return con


@pytest.fixture
def con(tmp_path):
    c = build(tmp_path / "x.db")
    yield c
    c.close()


def csv_frame(con, filters=None) -> pd.DataFrame:
    buf = io.StringIO()
    export_csv(con, buf, filters)
    buf.seek(0)
    return pd.read_csv(buf)


def test_csv_has_acled_columns_and_types(con):
    df = csv_frame(con)
    assert list(df.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert len(df) == N_GOLD  # one row per merged event
    for col in ("year", "time_precision", "fatalities", "geo_precision", "iso", "timestamp"):
        assert pd.api.types.is_integer_dtype(df[col]), col
    for col in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(df[col]), col
    assert df["event_id_cnty"].str.match(r"^[A-Z]{3}\d+$").all()
    assert df["event_id_cnty"].is_unique
    assert set(df["time_precision"]) <= {1, 2, 3} and set(df["geo_precision"]) <= {1, 2, 3}
    assert pd.to_datetime(df["event_date"], format="%Y-%m-%d").notna().all()
    kharkiv = df[df["location"] == "Kharkiv"].sort_values("event_date").iloc[0]
    assert kharkiv["country"] == "Ukraine" and kharkiv["iso3"] == "UKR" and kharkiv["iso"] == 804
    assert kharkiv["region"] == "Europe"
    assert kharkiv["inter1"] == 8 and kharkiv["inter2"] == 7 and kharkiv["interaction"] == 78
    assert kharkiv["civilian_targeting"] == "Civilian targeting"
    assert kharkiv["article_count"] == 3
    assert kharkiv["source"].count(";") == 2  # three outlets
    assert "Freedom Square" in kharkiv["notes"]  # notes come from the evidence sentences
    assert kharkiv["review_status"] == "auto" and kharkiv["plover_type"] == "ASSAULT"


def test_ids_stable_across_ingest_order(tmp_path):
    a = csv_frame(build(tmp_path / "a.db", seed=1))
    b = csv_frame(build(tmp_path / "b.db", seed=2))
    cols = ["event_id_cnty", "event_date", "location", "fatalities", "article_count", "sources"]
    key = lambda df: df[cols].sort_values("event_id_cnty").reset_index(drop=True)  # noqa: E731
    pd.testing.assert_frame_equal(key(a), key(b))


def test_rejected_excluded_unless_asked(con):
    with con:
        con.execute("UPDATE clusters SET review_status = 'rejected' WHERE id = "
                    "(SELECT cluster_id FROM events WHERE id = 'mrg-h1:0')")
    assert len(csv_frame(con)) == N_GOLD - 1
    df = csv_frame(con, ExportFilters.make(include_rejected=True))
    assert len(df) == N_GOLD and (df["review_status"] == "rejected").sum() == 1
    only = csv_frame(con, ExportFilters.make(review_status=["rejected"]))
    assert len(only) == 1


def test_rejected_report_leaves_its_merged_event(con):
    from wirecoder.merge import mark_dirty

    with con:
        con.execute("UPDATE events SET review_status = 'rejected' WHERE id = 'mrg-g3:0'")
        mark_dirty(con, ["mrg-g3:0"])
    merge_new(con)
    df = csv_frame(con)
    kharkiv = df[df["location"] == "Kharkiv"].sort_values("event_date").iloc[0]
    assert kharkiv["article_count"] == 2 and "mrg-g3" not in kharkiv["sources"]
    assert len(df) == N_GOLD
    assert len(csv_frame(con, ExportFilters.make(include_rejected=True))) == N_GOLD + 1


def test_filters(con):
    assert set(csv_frame(con, ExportFilters.make(country="NGA"))["iso3"]) == {"NGA"}
    assert set(csv_frame(con, ExportFilters.make(country=["Kenya"]))["iso3"]) == {"KEN"}
    df = csv_frame(con, ExportFilters.make(type="Protests", date_from="2022-07", date_to="2022-07-10"))
    assert set(df["location"]) == {"Nairobi", "Mombasa"}
    df = csv_frame(con, ExportFilters.make(actor="Libyan National Army"))
    assert len(df) == 3 and set(df["iso3"]) == {"LBY"}
    reports = csv_frame(con, ExportFilters.make(merged=False))
    assert len(reports) == len(ITEMS) and set(reports["article_count"]) == {1}
    with pytest.raises(FilterError):
        ExportFilters.make(date_from="last week")
    with pytest.raises(FilterError):
        ExportFilters.make(colour="red")


def test_unmerged_events_are_still_exported(tmp_path):
    con = store.connect(tmp_path / "raw.db")
    store.write_batch(con, goldset.coded_results(ITEMS))  # no merge run
    assert len(csv_frame(con)) == len(ITEMS)


def test_geojson_is_rfc7946(con):
    buf = io.StringIO()
    n = export_geojson(con, buf)
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == n == N_GOLD
    for f in fc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        g = f["geometry"]
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert lon == pytest.approx(f["properties"]["longitude"])  # lon first, not lat
        assert lat == pytest.approx(f["properties"]["latitude"])


def test_geojson_loads_in_geopandas(con, tmp_path):
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "e.geojson"
    with open(path, "w", encoding="utf-8") as fh:
        export_geojson(con, fh)
    gdf = gpd.read_file(path)
    assert len(gdf) == N_GOLD and gdf.crs.to_epsg() == 4326
    kyiv_side = gdf[gdf["location"] == "Kharkiv"].iloc[0]
    assert kyiv_side.geometry.x == pytest.approx(36.2527, abs=1e-4)


def test_parquet_round_trips(con, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "e.parquet"
    n = export_parquet(con, path)
    table = pq.read_table(path)
    assert table.num_rows == n == N_GOLD
    assert table.column_names == list(COLUMNS) + ["geometry"]
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    df = table.to_pandas()
    csv = csv_frame(con)
    pd.testing.assert_series_equal(df["event_id_cnty"], csv["event_id_cnty"], check_names=False)
    assert (df["fatalities"].to_numpy() == csv["fatalities"].to_numpy()).all()
    for wkb, lon, lat in zip(df["geometry"], df["longitude"], df["latitude"]):
        order, kind, x, y = struct.unpack("<BIdd", wkb)
        assert (order, kind) == (1, 1) and (x, y) == (lon, lat)


def test_parquet_loads_in_geopandas(con, tmp_path):
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "e.parquet"
    export_parquet(con, path)
    gdf = gpd.read_parquet(path)
    assert len(gdf) == N_GOLD and gdf.geometry.geom_type.eq("Point").all()


def test_plover_records(con):
    buf = io.StringIO()
    export_plover(con, buf)
    recs = json.loads(buf.getvalue())
    assert len(recs) == N_GOLD
    bomb = next(r for r in recs if r["acled"]["sub_event_type"] == "Suicide bomb"
                and r["dead"] == "15")
    assert (bomb["event"], bomb["mode"]) == ("ASSAULT", "suicide-attack")
    assert bomb["eventLoc"]["name"] == "Maiduguri" and bomb["article_count"] == 4
    assert bomb["provenance"]["fatalities"]["article_id"] == "mrg-a3"
    protest = next(r for r in recs if r["acled"]["sub_event_type"] == "Peaceful protest")
    assert protest["event"] == "PROTEST" and protest["source"][0]["sector"] == "CVL"


def test_plover_mapping_covers_all_sub_types():
    assert set(ACLED_TO_PLOVER) == SUB_TYPES


def test_interaction_codes():
    assert interaction(1, 2) == 12 and interaction(7, 1) == 17
    assert interaction(2, None) == 20 and interaction(None, None) is None


def test_cli_export(con, tmp_path):
    db = con.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "out.csv"
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "csv", "-o", str(out),
                                  "--country", "LY"])
    assert r.exit_code == 0, r.output
    df = pd.read_csv(out)
    assert set(df["iso3"]) == {"LBY"} and len(df) == 5
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert r.exit_code == 2 and "parquet needs an output file" in r.output
    r = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1 and "no database" in r.output
    r = CliRunner().invoke(main, ["export", "--db", db, "--date-from", "yesterday"])
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1


def test_python_api(con, tmp_path):
    path = con.execute("PRAGMA database_list").fetchone()[2]
    with wirecoder.open(path) as db:
        rows = db.events(country="BF")
        assert {r["location"] for r in rows} == {"Solhan", "Sebba", "Tadaryat"}
        df = db.events(as_frame=True, type="Battles")
        assert isinstance(df, pd.DataFrame) and len(df) == 3
        assert str(df["fatalities"].dtype) == "Int64"
        rec = db.event("mrg-e3:0")
        assert rec["article_count"] == 3 and "provenance" in rec
        assert db.export(tmp_path / "p.geojson") == N_GOLD
        assert re.match(r"^wirecoder\.Database", repr(db))
    with pytest.raises(FileNotFoundError):
        wirecoder.open(tmp_path / "missing.db")
