"""Merge benchmark: pairwise precision / recall of merge decisions, and merge speed.

    python bench/merge.py [--corpus tests/fixtures/merge/corpus.json] [--e2e] [--scale N]

1. coded: the corpus's hand-coded events go into a fresh store, ``merge_new`` runs, and the
   clusters are scored against the gold labels (also in 5 random ingest orders, incremental).
2. --e2e: the corpus's article texts go through the full pipeline (readers are bypassed;
   the articles are built from the file); each article's primary event is scored against
   its article's gold label. Needs the event coder.
3. --scale N: N synthetic reports (the coded corpus replicated with shifted dates) to time
   ``merge_all`` and an incremental ``merge_new`` of one more batch.
"""
from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.merge import goldset, merge_all, merge_new  # noqa: E402
from wirecoder.store import db as store  # noqa: E402


def _score(con, gold):
    pred = {}
    for cid, aid, eid in con.execute("SELECT cluster_id, article_id, id FROM events ORDER BY id"):
        pred.setdefault(aid, cid)  # the article's first (primary) event
    return goldset.pairwise_scores(pred, gold)


def fmt(s):
    return (f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
            f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']}, {s['items']} reports)")


def coded(items, tmp):
    gold = {it.article.id: it.gold for it in items}
    con = store.connect(tmp / "coded.db")
    store.write_batch(con, goldset.coded_results(items))
    t = time.perf_counter()
    merge_new(con)
    dt = time.perf_counter() - t
    s = _score(con, gold)
    print(f"coded events   : {fmt(s)}  merge {dt * 1000:.0f} ms")
    parts = set()
    for seed in range(5):
        its = list(items)
        random.Random(seed).shuffle(its)
        c = store.connect(tmp / f"order{seed}.db")
        for i in range(0, len(its), 4):
            store.write_batch(c, goldset.coded_results(its[i:i + 4]))
            merge_new(c)
        parts.add(frozenset(c.execute("SELECT id, cluster_id FROM events").fetchall()))
        c.close()
    print(f"order check    : {len(parts)} distinct result(s) over 5 random incremental orders")
    return s


def e2e(items, tmp):
    from wirecoder.pipeline import Pipeline

    gold = {it.article.id: it.gold for it in items}
    pipe = Pipeline()
    arts = [copy.deepcopy(it.article) for it in items]
    results = list(pipe.process_many(arts))
    n_ev = sum(bool(r.events) for r in results)
    con = store.connect(tmp / "e2e.db")
    store.write_batch(con, results)
    merge_new(con)
    s = _score(con, gold)
    print(f"end-to-end     : {fmt(s)}  ({n_ev}/{len(items)} articles with an event)")
    errs = {e.split(":")[0] for r in results for e in r.errors}
    if errs:
        print(f"                 pipeline errors in stages: {', '.join(sorted(errs))}")
    return s


def scale(items, n, tmp):
    reps, k = [], 0
    while len(reps) < n:
        shift = timedelta(days=30 * k)
        for it in items:
            it2 = copy.deepcopy(it)
            it2.article.id = f"{it.article.id}-{k}"
            it2.article.body = [p + f" [{k}]" for p in it2.article.body]
            ev = it2.event
            ev.evidence = [type(e)(it2.article.id, e.start, e.end, e.text, e.field) for e in ev.evidence]
            if ev.date and len(ev.date) in (7, 10):  # day and month precision both move
                d = date.fromisoformat(ev.date if len(ev.date) == 10 else ev.date + "-15")
                ev.date = (d + shift).isoformat()[: len(ev.date)]
            reps.append(it2)
        k += 1
    reps = reps[:n]
    con = store.connect(tmp / "scale.db")
    store.write_batch(con, goldset.coded_results(reps[:-50]))
    t = time.perf_counter()
    merge_all(con)
    full = time.perf_counter() - t
    store.write_batch(con, goldset.coded_results(reps[-50:]))
    t = time.perf_counter()
    st = merge_new(con)
    inc = time.perf_counter() - t
    print(f"scale          : merge_all of {n - 50} reports {full:.2f} s "
          f"({(n - 50) / full:.0f} reports/s); merge_new of 50 more {inc * 1000:.0f} ms "
          f"({st.considered} reports re-clustered)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT / "tests/fixtures/merge/corpus.json"))
    ap.add_argument("--e2e", action="store_true")
    ap.add_argument("--scale", type=int, default=0)
    args = ap.parse_args()
    items = goldset.load_gold(args.corpus)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        coded(items, tmp)
        if args.e2e:
            e2e(items, tmp)
        if args.scale:
            scale(items, args.scale, tmp)


if __name__ == "__main__":
    main()
