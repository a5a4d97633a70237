"""API latency on a generated database of one million events.

    python bench/api.py [--events 1000000] [--db build/bench/api-1m.db] [--requests 60]

Builds (once; reused while the file exists) a synthetic database with the real schema: articles
with short invented texts (FTS-indexed; in the temp dir), events spread over 15 years, 60 countries, 2,000 actors,
one evidence row per event. Then starts the real server on 127.0.0.1 and times HTTP requests per
endpoint with randomised filters (so most aggregate answers are cache misses), printing p50/p95.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.store import db as store  # noqa: E402
from wirecoder.web.taxonomy import ACLED_TYPES  # noqa: E402

SUBS = [(t, s) for t, subs in ACLED_TYPES.items() for s in subs]
# Domain words get ranks in the middle of the vocabulary (they are what analysts search for).
DOMAIN = ("militia convoy checkpoint shelling protest market village ceasefire airstrike patrol "
          "police clash fuel truck border camp council minister rebels army drone").split()
N_ACTORS = 3000
N_WORDS = 8000
N_SOURCES = 150


def zipf_cum(n: int, s: float) -> list[float]:
    """Cumulative Zipf weights (rank k has weight 1/k^s) for ``random.choices``."""
    cum, t = [], 0.0
    for k in range(1, n + 1):
        t += 1.0 / k ** s
        cum.append(t)
    return cum


def vocabulary(rng: random.Random, n: int = N_WORDS) -> list[str]:
    """n distinct pronounceable invented words, most frequent first, with DOMAIN words spread
    over ranks 30..2000 (a news text's content words, not its stopwords)."""
    on, vw = "b c d f g h j k l m n p r s t v w z br dr gr kh sh st tr".split(), "a e i o u ai ou".split()
    words: list[str] = []
    seen = set(DOMAIN)
    while len(words) < n - len(DOMAIN):
        w = "".join(rng.choice(on) + rng.choice(vw) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if w not in seen:
            seen.add(w)
            words.append(w)
    for i, w in enumerate(DOMAIN):
        words.insert(30 + i * 95, w)
    return words


def build(path: Path, n_events: int, seed: int = 7) -> None:
    """Realistic skew: Zipf over actors (3,000), event sub-types, countries, sources and an
    8,000-word vocabulary, so the filters and search terms a user picks hit the same long-tailed
    distributions as a real archive (a few very common values, a long tail of rare ones)."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    con = store.connect(tmp)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("PRAGMA synchronous = OFF")
    # bulk load without the events/evidence indexes and triggers, then rebuild them from the
    # schema (and the rollups in one pass: see wirecoder.web.rollups)
    for (kind, name) in con.execute(
            "SELECT type, name FROM sqlite_master WHERE ((type = 'index' AND sql IS NOT NULL) "
            "OR type = 'trigger') AND tbl_name IN ('events', 'evidence')").fetchall():
        con.execute(f'DROP {kind.upper()} "{name}"')
    countries = [f"{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]
    centre = {c: (rng.uniform(-30, 50), rng.uniform(-15, 60)) for c in countries}
    admin1 = {c: [f"{c} Province {k}" for k in range(rng.randint(4, 15))] for c in countries}
    actors = [f"Actor Group {k}" for k in range(N_ACTORS)]
    sources = [f"Source {k}" for k in range(N_SOURCES)]
    words = vocabulary(rng)
    wcum = zipf_cum(len(words), 1.0)
    n_articles = max(1, n_events // 5)
    t0 = time.time()
    scum = zipf_cum(len(sources), 1.0)
    with con:
        rows = []
        for a in range(n_articles):
            body = rng.choices(words, cum_weights=wcum, k=rng.randint(60, 220))
            head = " ".join(rng.choices(words, cum_weights=wcum, k=7))
            text = head + "\n\n" + " ".join(body)
            rows.append((f"A{a}", f"h{a}", head, "2010-01-01",
                         rng.choices(sources, cum_weights=scum)[0], text))
            if len(rows) == 20000:
                con.executemany("INSERT INTO articles (id, content_hash, headline, "
                                "publication_date, source_name, text) VALUES (?,?,?,?,?,?)", rows)
                rows.clear()
        con.executemany("INSERT INTO articles (id, content_hash, headline, publication_date, "
                        "source_name, text) VALUES (?,?,?,?,?,?)", rows)
    print(f"  {n_articles:,} articles in {time.time() - t0:.0f}s", flush=True)
    base = time.mktime((2010, 1, 1, 0, 0, 0, 0, 0, 0))
    batch = []
    ev_rows = []
    t0 = time.time()
    sub_cum, c_cum, a_cum = zipf_cum(len(SUBS), 1.0), zipf_cum(len(countries), 0.9), \
        zipf_cum(len(actors), 1.0)
    sub_order = SUBS[:]
    rng.shuffle(sub_order)
    for i in range(n_events):
        t, s = rng.choices(sub_order, cum_weights=sub_cum)[0]
        c = rng.choices(countries, cum_weights=c_cum)[0]
        lon, lat = centre[c]
        d = time.strftime("%Y-%m-%d", time.gmtime(base + rng.random() * 15 * 365 * 86400))
        a1 = rng.choices(actors, cum_weights=a_cum)[0]
        a2 = rng.choices(actors, cum_weights=a_cum)[0] if rng.random() < 0.7 else None
        fat = int(rng.expovariate(0.3)) if rng.random() < 0.6 else 0
        art = f"A{rng.randrange(n_articles)}"
        eid = f"{art}:{i}"
        rec = json.dumps({"event_type": t, "sub_event_type": s, "fatalities": fat,
                          "evidence": [{"article_id": art, "start": 0, "end": 20,
                                        "text": "Headline", "field": "event"}]})
        status = "auto" if rng.random() < 0.97 else rng.choice(("accepted", "edited", "rejected"))
        batch.append((eid, art, t, s, d, "day", a1, a2, f"Place {i % 5000}",
                      lat + rng.gauss(0, 2), lon + rng.gauss(0, 2), c, rng.choice(admin1[c]),
                      fat, 0.6, status, rec))
        ev_rows.append((eid, art, "event", 0, 20, "Headline"))
        if len(batch) == 20000:
            _flush(con, batch, ev_rows)
    _flush(con, batch, ev_rows)
    print(f"  {n_events:,} events in {time.time() - t0:.0f}s", flush=True)
    t0 = time.time()
    con.executescript(store.SCHEMA)
    print(f"  indexes in {time.time() - t0:.0f}s", flush=True)
    t0 = time.time()
    try:
        from wirecoder.web import rollups
        rollups.rebuild(con)
        print(f"  rollups in {time.time() - t0:.0f}s", flush=True)
    except ImportError:
        pass
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    tmp.rename(path)


def _flush(con, batch, ev_rows):
    with con:
        con.executemany(
            "INSERT INTO events (id, article_id, event_type, sub_event_type, date, time_precision, "
            "actor1, actor2, location, latitude, longitude, country_code, admin1, fatalities, "
            "confidence, review_status, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
        con.executemany('INSERT INTO evidence (event_id, article_id, field, start, "end", text) '
                        "VALUES (?,?,?,?,?,?)", ev_rows)
    batch.clear()
    ev_rows.clear()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path):
    import uvicorn

    from wirecoder.web.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, prewarm=False), host="127.0.0.1", port=port,
                                        log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    while not srv.started:
        time.sleep(0.05)
    return srv, th, f"http://127.0.0.1:{port}"


def random_filters(rng: random.Random, con: sqlite3.Connection, facets) -> dict:
    f: dict = {}
    k = rng.random()
    if k < 0.25:
        f["event_type"] = rng.choice(list(ACLED_TYPES))
    elif k < 0.4:
        f["sub_event_type"] = rng.choice(SUBS)[1]
    elif k < 0.55:
        f["country"] = rng.choice(facets["countries"])
    elif k < 0.65:
        f["actor"] = rng.choice(facets["actors"])
    elif k < 0.75:
        y = rng.randint(2010, 2024)
        f["date_from"], f["date_to"] = f"{y}-01-01", f"{y}-06-30"
    elif k < 0.8:
        f["fatalities_min"] = rng.choice([5, 10, 20])
    elif k < 0.85:
        f["review_status"] = "accepted"
    if rng.random() < 0.3:
        y = rng.randint(2010, 2024)
        f["date_from"] = f"{y}-{rng.randint(1, 12):02d}-01"
    return f


def search_terms(con: sqlite3.Connection, n_docs: int = 400, stop: int = 100) -> list[list[str]]:
    """What analysts type: one or two content words taken from real article texts (so common
    words come up often, as they would), never the ~100 most frequent words (stopwords)."""
    texts = [r[0] for r in con.execute("SELECT text FROM articles WHERE rowid IN (SELECT abs("
                                       "random()) % (SELECT max(rowid) FROM articles) + 1 FROM "
                                       "articles LIMIT ?)", (n_docs,))]
    freq: dict[str, int] = {}
    for t in texts:
        for w in t.split():
            freq[w] = freq.get(w, 0) + 1
    stopwords = set(sorted(freq, key=freq.get, reverse=True)[:stop])
    rng = random.Random(3)
    out = []
    for t in texts:
        content = [w for w in t.split() if w not in stopwords]
        if content:
            k = rng.choice((1, 1, 2))
            i = rng.randrange(max(1, len(content) - k))
            out.append(content[i:i + k])
    return out


def ingest_cost(n: int = 20000, seed: int = 7) -> None:
    """Time to store n events (in 1,000-event transactions, like ingest batches) into a fresh
    database with the full schema, then without the rollup triggers and without the web's
    actor/date indexes: what the read-side speed costs the write side."""
    import shutil
    rng = random.Random(seed)
    actors = [f"Actor Group {k}" for k in range(N_ACTORS)]
    a_cum = zipf_cum(N_ACTORS, 1.0)
    rows = []
    for i in range(n):
        t, s = rng.choice(SUBS)
        rows.append((f"A{i % 500}:{i}", f"A{i % 500}", t, s,
                     f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                     rng.choices(actors, cum_weights=a_cum)[0],
                     rng.choices(actors, cum_weights=a_cum)[0] if rng.random() < 0.7 else None,
                     "AA", rng.randint(0, 9), "{}"))
    tmpd = Path(tempfile.mkdtemp(prefix="wirecoder-ingest-"))
    print(f"storing {n:,} events in batches of 1,000 (fresh database each time)")
    for label, drop in (("full schema", ()),
                        ("without rollup triggers", ("events_rollup_ai",)),
                        ("without triggers and actor/date indexes",
                         ("events_rollup_ai", "events_actor1_date", "events_actor2_date"))):
        con = store.connect(tmpd / f"{len(drop)}.db")
        for name in drop:
            kind = "TRIGGER" if name.startswith("events_rollup") else "INDEX"
            con.execute(f"DROP {kind} {name}")
        with con:
            con.executemany("INSERT INTO articles (id, content_hash, text) VALUES (?,?,'x')",
                            [(f"A{k}", f"h{k}") for k in range(500)])
        t0 = time.perf_counter()
        for b in range(0, n, 1000):
            with con:
                con.executemany(
                    "INSERT INTO events (id, article_id, event_type, sub_event_type, date, actor1, "
                    "actor2, country_code, fatalities, record) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    rows[b:b + 1000])
        dt = time.perf_counter() - t0
        print(f"  {label:42s} {dt:6.2f} s  ({dt / n * 1e6:5.0f} µs/event)")
        con.close()
    shutil.rmtree(tmpd, ignore_errors=True)


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--requests", type=int, default=60, help="timed requests per endpoint")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ingest-cost", action="store_true",
                    help="only measure what the rollup triggers and indexes cost ingest")
    args = ap.parse_args()
    if args.ingest_cost:
        ingest_cost()
        return
    # outside the repo's build/ (cleaned by other tools); regenerated when missing
    db = args.db or Path(tempfile.gettempdir()) / "wirecoder-bench" / f"api-{args.events}.db"
    if not db.exists():
        print(f"building {db} ({args.events:,} events) ...", flush=True)
        build(db, args.events)
    import httpx

    srv, th, base = start_server(db)
    rng = random.Random(args.seed)
    con = sqlite3.connect(db)
    # filter values drawn from the data (events are generated in random order): common values
    # come up as often as an analyst would meet them
    facets = {"countries": [r[0] for r in con.execute(
                  "SELECT country_code FROM events WHERE country_code IS NOT NULL LIMIT 3000")],
              "actors": [r[0] for r in con.execute("SELECT actor1 FROM events LIMIT 3000")],
              "ids": [r[0] for r in con.execute(
                  "SELECT id FROM events WHERE rowid IN (SELECT abs(random()) % "
                  "(SELECT max(rowid) FROM events) + 1 FROM events LIMIT 200)")],
              "articles": [r[0] for r in con.execute("SELECT id FROM articles LIMIT 200")],
              "queries": search_terms(con)}
    n_events = con.execute("SELECT max(rowid) FROM events").fetchone()[0]
    con.close()
    cursors: list[str] = []

    def events_page():
        f = random_filters(rng, None, facets)
        return "/api/events", f | {"limit": 100}

    def events_cursor():
        if cursors and rng.random() < 0.7:
            return "/api/events", {"limit": 100, "cursor": rng.choice(cursors)}
        return "/api/events", {"limit": 100}

    endpoints = {
        "events (filtered page)": events_page,
        "events (cursor page)": events_cursor,
        "events geojson (filtered, ≤20k)": lambda: ("/api/events", random_filters(rng, None, facets)
                                                    | {"format": "geojson", "limit": 2000}),
        "event detail": lambda: (f"/api/events/{rng.choice(facets['ids'])}", {}),
        "article": lambda: (f"/api/articles/{rng.choice(facets['articles'])}", {}),
        "search": lambda: ("/api/search", {"q": " ".join(rng.choice(facets["queries"]))}),
        "stats (filtered)": lambda: ("/api/stats", random_filters(rng, None, facets)),
        "actors (prefix)": lambda: ("/api/actors", {"q": f"Actor Group {rng.randint(1, 199)}"}),
        "network (filtered)": lambda: ("/api/network", random_filters(rng, None, facets)),
    }
    print(f"\nAPI latency on {n_events:,} events ({db.name}); {args.requests} requests per "
          "endpoint, random filters, over HTTP on loopback\n")
    print(f"{'endpoint':36s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
    all_ok = True
    with httpx.Client(base_url=base, timeout=60) as client:
        # cold, unfiltered aggregates (first request after start: nothing cached)
        for path in ("/api/stats", "/api/network", "/api/actors", "/api/facets"):
            t = time.perf_counter()
            r = client.get(path)
            cold = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            client.get(path)
            warm = (time.perf_counter() - t) * 1000
            print(f"{path + ' unfiltered cold/warm':36s} {cold:8.1f} {warm:8.1f}  (status {r.status_code})")
        r = client.get("/api/events", params={"limit": 100})
        cur = r.json()["next_cursor"]
        for _ in range(30):
            cursors.append(cur)
            cur = client.get("/api/events", params={"limit": 100, "cursor": cur}).json()["next_cursor"]
        print()
        for name, make in endpoints.items():
            times = []
            for _ in range(args.requests):
                path, params = make()
                t = time.perf_counter()
                r = client.get(path, params=params)
                _ = r.content
                times.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    all_ok = False
                    print(f"  {path} {params} -> {r.status_code} {r.text[:200]}")
            p95 = percentile(times, 95)
            print(f"{name:36s} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f}"
                  + ("   > 100 ms" if p95 > 100 else ""))
    srv.should_exit = True
    th.join(timeout=10)
    if not all_ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
