"""Merging over the store: correctness on the invented corpus, order independence,
re-ingest idempotence, splits, the conflict rule and provenance."""
from __future__ import annotations

import json

import pytest

from wirecoder.merge import (get_cluster, goldset, merge_all, merge_new, split_event,
                             unsplit_event)
from wirecoder.models import ArticleResult
from wirecoder.store import db as store


def gold_partition(items):
    out = {}
    for it in items:
        out.setdefault(it.gold, set()).add(it.article.id)
    return sorted(sorted(v) for v in out.values())


def as_sorted(part):
    return sorted(sorted(v) for v in part.values())


def test_corpus_merges_to_gold(gold_items, make_db, partition):
    con = make_db(gold_items)
    merge_new(con)
    pred = {aid: cid for cid, aid in con.execute("SELECT cluster_id, article_id FROM events")}
    scores = goldset.pairwise_scores(pred, {it.article.id: it.gold for it in gold_items})
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9, scores
    assert as_sorted(partition(con)) == gold_partition(gold_items)


def test_cluster_id_is_smallest_member(gold_items, make_db, partition):
    con = make_db(gold_items)
    merge_new(con)
    for cid, _ in partition(con).items():
        members = [i for (i,) in con.execute("SELECT id FROM events WHERE cluster_id = ?", (cid,))]
        assert cid == min(members)


@pytest.mark.parametrize("seed,batch", [(1, 1), (2, 3), (3, 7), (4, 36)])
def test_incremental_in_any_order_equals_full_recompute(gold_items, make_db, partition,
                                                        seed, batch):
    ref = make_db(gold_items, name="ref.db")
    merge_all(ref)
    con = make_db(gold_items, order_seed=seed, batch=batch, merge_each=True, name=f"o{seed}.db")
    assert partition(con) == partition(ref)  # same members AND same cluster ids
    rec_a = {r[0]: json.loads(r[1])["fatalities"] for r in con.execute("SELECT id, record FROM clusters")}
    rec_b = {r[0]: json.loads(r[1])["fatalities"] for r in ref.execute("SELECT id, record FROM clusters")}
    assert rec_a == rec_b


def test_reingest_is_idempotent(gold_items, make_db, partition):
    con = make_db(gold_items)
    merge_new(con)
    before = partition(con)
    n_clusters = con.execute("SELECT COUNT(*) FROM clusters").fetchone()[0]
    stored, dup = store.write_batch(con, goldset.coded_results(gold_items))
    assert (stored, dup) == (0, len(gold_items))
    stats = merge_new(con)
    assert stats.dirty == 0
    assert partition(con) == before
    assert con.execute("SELECT COUNT(*) FROM clusters").fetchone()[0] == n_clusters


def test_every_event_has_a_cluster_row(gold_items, make_db):
    con = make_db(gold_items, order_seed=5, batch=4, merge_each=True)
    orphans = con.execute("SELECT COUNT(*) FROM events e LEFT JOIN clusters c "
                          "ON c.id = e.cluster_id WHERE c.id IS NULL").fetchone()[0]
    stale = con.execute("SELECT COUNT(*) FROM clusters c WHERE NOT EXISTS "
                        "(SELECT 1 FROM events e WHERE e.cluster_id = c.id)").fetchone()[0]
    assert orphans == 0 and stale == 0
    counts = con.execute("SELECT id, article_count, event_count FROM clusters").fetchall()
    for cid, ac, ec in counts:
        n = con.execute("SELECT COUNT(DISTINCT article_id) FROM events WHERE cluster_id = ?",
                        (cid,)).fetchone()[0]
        assert ac == n and ec >= 1


def test_split_is_recorded_and_survives_remerge(gold_items, make_db, partition):
    con = make_db(gold_items)
    merge_new(con)
    old = con.execute("SELECT cluster_id FROM events WHERE id = 'mrg-a3:0'").fetchone()[0]
    new = split_event(con, "mrg-a3:0", reviewer="analyst", note="different blast")
    assert new == "mrg-a3:0" and new != old
    part = partition(con)
    assert part[new] == {"mrg-a3"}
    assert "mrg-a3" not in part[old] and {"mrg-a1", "mrg-a2", "mrg-a4"} <= part[old]
    review = con.execute("SELECT action, reviewer, changes FROM reviews WHERE event_id = 'mrg-a3:0'"
                         ).fetchone()
    assert review[0] == "split" and review[1] == "analyst"
    assert json.loads(review[2])["cluster_id"] == [old, new]
    # re-merging from scratch, or after new reports arrive, keeps the split
    merge_all(con)
    assert partition(con)[new] == {"mrg-a3"}
    # undoing the split lets the merge decide again
    back = unsplit_event(con, "mrg-a3:0")
    assert back == old and "mrg-a3" in partition(con)[old]


def test_split_errors(gold_items, make_db):
    con = make_db(gold_items)
    merge_new(con)
    with pytest.raises(KeyError):
        split_event(con, "no-such-event")
    with pytest.raises(ValueError):
        split_event(con, "mrg-h1:0")  # a single-report event


def test_conflict_rule_and_provenance(gold_items, make_db):
    con = make_db(gold_items)
    merge_new(con)
    cid = con.execute("SELECT cluster_id FROM events WHERE id = 'mrg-e1:0'").fetchone()[0]
    rec = get_cluster(con, cid)
    # unhedged exact toll beats the hedged "about 160" and the earlier "at least 100"
    assert rec["fatalities"] == 132
    prov = rec["provenance"]["fatalities"]
    assert prov["article_id"] == "mrg-e2"
    assert sorted(a["value"] for a in prov["alternatives"]) == [100, 132, 160]
    # the day-precision date wins over the month-precision one
    assert rec["time_precision"] == "day" and rec["date"] in ("2021-06-04", "2021-06-05")
    assert rec["article_count"] == 3 and sorted(rec["sources"]) == ["mrg-e1", "mrg-e2", "mrg-e3"]
    # every provenance span points at the text it quotes, in the article it names
    for field, p in rec["provenance"].items():
        for ev in p["evidence"]:
            text = con.execute("SELECT text FROM articles WHERE id = ?", (ev["article_id"],)).fetchone()[0]
            assert text[ev["start"]:ev["end"]] == ev["text"], field


def test_more_precise_place_wins(gold_items, make_db):
    con = make_db(gold_items)
    merge_new(con)
    cid = con.execute("SELECT cluster_id FROM events WHERE id = 'mrg-a3:0'").fetchone()[0]
    rec = get_cluster(con, cid)
    assert rec["location"]["name"] == "Maiduguri"  # town beats the state-level "Borno"
    assert rec["fatalities"] == 15                  # the later, revised toll
    assert rec["provenance"]["location"]["evidence"][0]["text"] == "Maiduguri"


def test_rejected_reports_stay_out_of_merges(gold_items, make_db, partition):
    con = make_db(gold_items)
    with con:
        con.execute("UPDATE events SET review_status = 'rejected' WHERE id = 'mrg-b2:0'")
    merge_new(con)
    part = partition(con)
    assert part["mrg-b2:0"] == {"mrg-b2"}
    b1 = con.execute("SELECT cluster_id FROM events WHERE id = 'mrg-b1:0'").fetchone()[0]
    assert part[b1] == {"mrg-b1", "mrg-b3"}


def test_merge_new_only_touches_the_neighbourhood(gold_items, make_db):
    con = make_db([it for it in gold_items if it.article.id != "mrg-c3"])
    merge_new(con)
    late = [it for it in gold_items if it.article.id == "mrg-c3"]
    store.write_batch(con, goldset.coded_results(late))
    stats = merge_new(con)
    assert stats.dirty == 1
    assert stats.considered < 10  # Nairobi in July 2022, not the whole database
    cid = con.execute("SELECT cluster_id FROM events WHERE id = 'mrg-c3:0'").fetchone()[0]
    assert cid == "mrg-c1:0"


def test_unreadable_record_does_not_stop_the_merge(gold_items, make_db):
    con = make_db(gold_items)
    with con:
        con.execute("UPDATE events SET record = 'not json' WHERE id = 'mrg-g4:0'")
    stats = merge_new(con)
    assert stats.clusters > 0


def test_same_article_events_are_not_merged(gold_items, tmp_path):
    a, b = [goldset.coded_results([it])[0] for it in gold_items
            if it.article.id in ("mrg-g1", "mrg-g2")]
    res = ArticleResult(article=a.article, events=a.events + b.events)
    con = store.connect(tmp_path / "s.db")
    store.write_batch(con, [res])
    merge_new(con)
    assert con.execute("SELECT COUNT(DISTINCT cluster_id) FROM events").fetchone()[0] == 2
