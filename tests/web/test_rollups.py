"""Rollup tables: kept exact by triggers, and answers from them equal answers from events."""
from __future__ import annotations

import random

import pytest

from wirecoder.store import db as store
from wirecoder.web import queries, rollups
from wirecoder.web.filters import make_filters

TYPES = {"Battles": ["Armed clash", "Government regains territory"],
         "Protests": ["Peaceful protest", None],
         "Riots": ["Mob violence"]}
ACTORS = ["Alpha Brigade", "Beta Front", "Civilians (X)", "Delta Militia", "alpha cell"]
DATES = ["2016", "2016-02", "2016-02-29", "2016-03-01", "2016-03-31", "2016-04-15", "2017-01-01",
         "2017-06-30", "2017-07", "2018-12-31", None]


def _event(rng: random.Random, i: int) -> tuple:
    t = rng.choice(list(TYPES))
    return (f"e{i:04d}", "A1", t, rng.choice(TYPES[t]), rng.choice(DATES),
            rng.choice(ACTORS + [None]), rng.choice(ACTORS + [None, None]),
            rng.choice(["LY", "TN", None]), rng.choice(["North", "South", None]),
            rng.choice([0, 0, 1, 3, 12, None]),
            rng.choice(["auto", "auto", "auto", "accepted", "rejected"]))


INSERT = ("INSERT INTO events (id, article_id, event_type, sub_event_type, date, actor1, actor2, "
          "country_code, admin1, fatalities, review_status, record) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,'{}')")


@pytest.fixture()
def con(tmp_path):
    c = store.connect(tmp_path / "r.db")
    with c:
        c.execute("INSERT INTO articles (id, content_hash, text) VALUES ('A1', 'h1', 'text')")
        rng = random.Random(5)
        c.executemany(INSERT, [_event(rng, i) for i in range(400)])
    return c


def _snapshot(con):
    return {r.name: sorted(map(tuple, con.execute(f"SELECT * FROM {r.name}")))
            for r in rollups.ROLLUPS}


def test_triggers_match_a_rebuild_after_inserts_updates_deletes(con):
    rng = random.Random(9)
    with con:
        for i in range(0, 400, 3):
            con.execute("UPDATE events SET actor2 = ?, fatalities = ?, date = ?, review_status = ? "
                        "WHERE id = ?", (rng.choice(ACTORS + [None]), rng.choice([None, 4]),
                                         rng.choice(DATES), "edited", f"e{i:04d}"))
        con.execute("DELETE FROM events WHERE id LIKE 'e00%'")
    live = _snapshot(con)
    assert sum(n for *_, n, _f in live["rollup_type_month"]) == 300
    rollups.rebuild(con)
    assert _snapshot(con) == live
    assert rollups.in_sync(con)


def test_ensure_backfills_a_database_that_predates_the_rollups(con):
    with con:
        con.execute("DELETE FROM rollup_type_month")
        con.execute("DELETE FROM rollup_pair")
    assert not rollups.in_sync(con)
    assert rollups.ensure(con) is True
    assert rollups.in_sync(con) and rollups.ensure(con) is False
    assert con.execute("SELECT count(*) FROM rollup_pair").fetchone()[0] > 0


FILTERS = [
    {}, {"event_type": ["Battles"]}, {"sub_event_type": ["Peaceful protest"]},
    {"country": ["LY"]}, {"review_status": ["accepted", "rejected"]},
    {"actor": ["Beta Front"]}, {"actor": ["Beta Front", "Civilians (X)"]},
    {"date_from": "2016-03-01"}, {"date_from": "2016-03", "date_to": "2017-06-30"},
    {"date_from": "2016-02-15", "date_to": "2016-04-20"},  # not month-aligned
    {"date_to": "2016"}, {"country": ["TN"], "event_type": ["Protests"], "date_from": "2017"},
    {"actor": ["Alpha Brigade"], "event_type": ["Battles"], "date_to": "2017-07"},
    {"admin1": ["North"]}, {"fatalities_min": 3},
]


def _base(monkeypatch):
    monkeypatch.setattr(rollups, "plan", lambda *a, **k: None)


@pytest.mark.parametrize("fd", FILTERS)
@pytest.mark.parametrize("interval", ["month", "year", "week", "day"])
def test_stats_from_rollups_equal_stats_from_events(con, monkeypatch, fd, interval):
    f = make_filters(**fd)
    fast = queries.stats(con, f, interval)
    with monkeypatch.context() as m:
        _base(m)
        slow = queries.stats(con, f, interval)
    assert slow["computed_from"] == "events"
    for k in ("total", "fatalities", "by_review_status", "timeline", "by_type"):
        assert fast[k] == slow[k], (k, fd, fast["computed_from"])
    assert queries.auto_interval(con, f) in ("day", "week", "month")


def test_rollups_are_used_for_the_common_filters(con):
    assert queries.stats(con, make_filters(), "month")["computed_from"] == "rollup_type_month"
    assert queries.stats(con, make_filters(country=["LY"]), "month")["computed_from"] \
        == "rollup_country_month"
    assert queries.stats(con, make_filters(actor=["Beta Front"]), "year")["computed_from"] \
        == "rollup_actor_month"
    assert queries.stats(con, make_filters(event_type=["Riots"]), "week")["computed_from"] \
        == "rollup_day"
    # filters the rollups do not have fall back to the events table
    assert queries.stats(con, make_filters(admin1=["North"]), "month")["computed_from"] == "events"


@pytest.mark.parametrize("fd", FILTERS)
def test_network_and_actors_from_rollups_equal_events(con, monkeypatch, fd):
    f = make_filters(**fd)
    fast_net = queries.network(con, f, 1000)
    fast_act = queries.actors(con, None, f, 500)
    fast_pre = queries.actors(con, "al", f, 500)
    with monkeypatch.context() as m:
        _base(m)
        slow_net = queries.network(con, f, 1000)
        slow_act = queries.actors(con, None, f, 500)
        slow_pre = queries.actors(con, "al", f, 500)
    key = lambda e: (e["source"], e["target"])
    assert sorted(fast_net["edges"], key=key) == sorted(slow_net["edges"], key=key)
    byname = lambda xs: sorted(xs, key=lambda a: a["name"])
    assert byname(fast_act) == byname(slow_act)
    assert byname(fast_pre) == byname(slow_pre)
    assert {a["name"] for a in fast_pre} <= {"Alpha Brigade", "alpha cell"}


@pytest.mark.parametrize("fd", [{"actor": ["Beta Front"]}, {"actor": ["Beta Front", "Delta Militia"]},
                                {"actor": ["Civilians (X)"], "event_type": ["Battles"]}])
def test_actor_pages_follow_the_same_order_as_one_query(con, fd):
    f = make_filters(**fd)
    where, params = queries.where_sql(f)
    want = [r[0] for r in con.execute(f"SELECT id FROM events WHERE {where} "
                                      "ORDER BY date DESC, id DESC", params)]
    got, cursor = [], None
    while True:
        page = queries.list_events(con, f, 7, 0, cursor)
        got += [e["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert got == want
    assert [e["id"] for e in queries.list_events(con, f, 5, 6)["events"]] == want[6:11]
    assert [r["id"] for r in queries.iter_events(con, f, 9)] == want[:9]


def test_month_alignment():
    assert rollups.month_aligned(make_filters(date_from="2016-03-01", date_to="2016-02-29"))
    assert rollups.month_aligned(make_filters(date_to="2017-02-28"))
    assert not rollups.month_aligned(make_filters(date_from="2016-03-02"))
    assert not rollups.month_aligned(make_filters(date_to="2016-02-28"))


def test_network_without_a_rollup_reads_a_bounded_window_and_says_so(con, monkeypatch):
    f = make_filters(admin1=["North", "South"])
    full = queries.network(con, f, 1000)
    assert full["truncated"] is False
    monkeypatch.setattr(queries, "NETWORK_SCAN", 10)
    part = queries.network(con, f, 1000)
    assert part["truncated"] is True and part["events_considered"] == 10
    assert 0 < sum(e["weight"] for e in part["edges"]) <= 10
