"""The large-database paths (SQL-built map GeoJSON, windowed search) answer like the plain ones."""
from __future__ import annotations

import json

from wirecoder.web import exporting, queries
from wirecoder.web.filters import make_filters
from wirecoder.store import db as store


def test_map_geojson_matches_the_python_writer_and_flags_truncation(db_path):
    con = store.connect(db_path)
    for f in (make_filters(), make_filters(actor=["Islamic State"]), make_filters(country=["LY"])):
        fast = json.loads("".join(exporting.iter_map_geojson(con, f, 1000)))
        slow = json.loads("".join(exporting.iter_geojson(con, f, 1000, with_record=False,
                                                         located_only=True)))
        assert fast["features"] == slow["features"] and fast["truncated"] is False
        assert fast["type"] == "FeatureCollection"
    capped = json.loads("".join(exporting.iter_map_geojson(con, make_filters(), 2)))
    assert len(capped["features"]) == 2 and capped["truncated"] is True


def test_search_ranks_within_a_window_and_says_whether_it_covered_every_match(tmp_path):
    con = store.connect(tmp_path / "s.db")
    with con:
        for i in range(30):
            # article 7 mentions the word most often: the best bm25 match
            text = "convoy " * (6 if i == 7 else 1) + f"filler text number {i}"
            con.execute("INSERT INTO articles (id, content_hash, headline, text) VALUES (?,?,?,?)",
                        (f"a{i}", f"h{i}", f"Headline {i}", text))
    full = queries.search(con, "convoy", 5, 0)
    assert full["ranked_all"] is True and full["results"][0]["id"] == "a7"
    assert len(full["results"]) == 5
    assert any(p["hit"] for p in full["results"][0]["snippet"])
    # a window of the 10 newest matches (rowids 21..30) leaves article 7 out, and says so
    part = queries.search(con, "convoy", 5, 0, window=10)
    assert part["ranked_all"] is False
    assert "a7" not in [r["id"] for r in part["results"]]
    assert {r["id"] for r in part["results"]} <= {f"a{i}" for i in range(20, 30)}
    assert queries.search(con, "convoy", 5, 28)["results"][-1]["id"] in {f"a{i}" for i in range(30)}
