"""Bounded soak: the web app serves reads while an ingest-like writer commits batches.

    python bench/soak.py [--seconds 20] [--max-requests 20000] [--clients 4] [--seed-events 20000]

Everything stays on this machine: the server binds 127.0.0.1 on a free port, the load goes
only there, and the run stops by itself after --seconds or --max-requests, whichever first.
The writer is a separate process calling ``store.write_batch`` (the ingest's transactional
write) with invented articles and events. At the end it reports requests served, errors, p50/p95
latency, batches written, and checks the database (integrity_check, counts add up).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

LOOPBACK = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def _writer(db: str, stop_at: float, counter, batch_size: int) -> None:
    """Ingest-like writer: one transaction per batch of articles with events and mentions."""
    from wirecoder.models import Actor, Article, ArticleResult, Event, Evidence, Mention, Place
    from wirecoder.store import db as store

    con = store.connect(db)
    rng = random.Random(os.getpid())
    n = 0
    while time.time() < stop_at:
        batch = []
        for _ in range(batch_size):
            n += 1
            art = Article(headline=f"Soak report {os.getpid()}-{n}",
                          body=[f"Gunmen attacked a checkpoint near Town {n % 97}, killing "
                                f"{n % 7} people, officials said."],
                          publication_date="2020-01-%02d" % (1 + n % 28), source_name="Soak Wire",
                          origin=f"soak#{n}").ensure_id()
            ev = Event("Battles", "Armed clash", [Evidence(art.id, 0, 20, art.headline)],
                       date=art.publication_date, time_precision="day",
                       actor1=Actor("Gunmen", "Unidentified Armed Group"),
                       location=Place(f"Town {n % 97}", lat=rng.uniform(10, 30),
                                      lon=rng.uniform(0, 40), country_code="XX"),
                       fatalities=n % 7)
            batch.append(ArticleResult(art, [Mention("place", 0, 5, "Soak ")], events=[ev]))
        store.write_batch(con, batch)
        with counter.get_lock():
            counter.value += 1
        time.sleep(0.05)
    con.close()


def _server(db: str, port: int) -> subprocess.Popen:
    code = ("import uvicorn, sys; from wirecoder.web.app import create_app; "
            f"uvicorn.run(create_app({db!r}), host={LOOPBACK!r}, port={port}, log_level='warning')")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen([sys.executable, "-c", code], env=env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--max-requests", type=int, default=20_000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seed-events", type=int, default=20_000)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    seconds = min(args.seconds, 600.0)  # hard bound whatever is asked
    import httpx

    from api import build  # the API benchmark's synthetic database

    tmp = Path(tempfile.mkdtemp(prefix="wirecoder-soak-"))
    db = tmp / "soak.db"
    build(db, args.seed_events)
    con = sqlite3.connect(db)
    events0 = con.execute("SELECT count(*) FROM events").fetchone()[0]
    countries = [r[0] for r in con.execute("SELECT DISTINCT country_code FROM events LIMIT 20")]
    ids = [r[0] for r in con.execute("SELECT id FROM events LIMIT 500")]
    con.close()

    port = _free_port()
    srv = _server(str(db), port)
    base = f"http://{LOOPBACK}:{port}"
    with httpx.Client(base_url=base, timeout=5) as c:
        for _ in range(200):
            try:
                c.get("/api/health")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        token = c.get("/").text.split('name="wirecoder-token" content="')[1].split('"')[0]

    stop_at = time.time() + seconds
    batches = mp.Value("i", 0)
    writer = mp.Process(target=_writer, args=(str(db), stop_at, batches, args.batch_size))
    writer.start()

    lock = threading.Lock()
    lat: list[float] = []
    errors: list[str] = []
    budget = [args.max_requests]

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=10) as c:
            while time.time() < stop_at:
                with lock:
                    if budget[0] <= 0:
                        return
                    budget[0] -= 1
                k = rng.random()
                if k < 0.35:
                    req = ("GET", "/api/events", {"limit": 50, "country": rng.choice(countries)})
                elif k < 0.5:
                    req = ("GET", "/api/stats", {"country": rng.choice(countries)})
                elif k < 0.65:
                    req = ("GET", f"/api/events/{rng.choice(ids)}", {})
                elif k < 0.75:
                    req = ("GET", "/api/search", {"q": "checkpoint"})
                elif k < 0.85:
                    req = ("GET", "/api/events", {"format": "geojson", "limit": 500})
                elif k < 0.95:
                    req = ("GET", "/api/network", {"date_from": f"{rng.randint(2010, 2024)}"})
                else:
                    req = ("POST", f"/api/events/{rng.choice(ids)}/review", {})
                t = time.perf_counter()
                try:
                    if req[0] == "POST":
                        r = c.post(req[1], json={"action": rng.choice(["accept", "reset"])},
                                   headers={"X-Wirecoder-Token": token, "Origin": base})
                    else:
                        r = c.get(req[1], params=req[2])
                    ok = r.status_code == 200
                    msg = f"{r.status_code} {req[1]} {r.text[:120]}"
                except httpx.HTTPError as exc:
                    ok, msg = False, f"{type(exc).__name__} {req[1]}"
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    lat.append(dt)
                    if not ok:
                        errors.append(msg)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - t0
    writer.join(timeout=seconds + 30)
    srv.terminate()
    srv.wait(timeout=15)

    con = sqlite3.connect(db)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    events1 = con.execute("SELECT count(*) FROM events").fetchone()[0]
    stored = con.execute("SELECT count(*) FROM ingest_log WHERE status = 'stored' "
                         "AND origin LIKE 'soak#%'").fetchone()[0]
    orphans = con.execute("SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = "
                          "e.article_id WHERE a.id IS NULL").fetchone()[0]
    con.close()
    lat.sort()
    p = lambda q: lat[min(len(lat) - 1, int(q * (len(lat) - 1)))] if lat else float("nan")  # noqa: E731
    print(f"soak: {elapsed:.1f}s, {args.clients} clients, loopback {base}")
    print(f"  requests served : {len(lat) - len(errors)} ({len(lat) / max(elapsed, 1e-9):.0f}/s)")
    print(f"  errors          : {len(errors)}")
    for e in errors[:10]:
        print(f"    {e}")
    print(f"  latency ms      : p50 {p(0.5):.1f}  p95 {p(0.95):.1f}  max {lat[-1] if lat else 0:.1f}")
    print(f"  writer          : {batches.value} batches committed, {stored} articles, "
          f"events {events0} -> {events1}")
    print(f"  database        : integrity_check={integrity}, orphan events={orphans}, "
          f"events added={events1 - events0} == articles stored={stored}: "
          f"{events1 - events0 == stored}")
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()
    bad = errors or integrity != "ok" or orphans or events1 - events0 != stored
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
