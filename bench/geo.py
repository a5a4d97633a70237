"""Geoparser speed: gazetteer build, lookup (µs), LGL resolution (one core).

    python bench/geo.py [--no-build] [--lgl ../shared/eval/geo/lgl.jsonl]

Prints figures; the LGL part is skipped when the dev set is absent.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LGL = ROOT.parent / "shared" / "eval" / "geo" / "lgl.jsonl"
NAMES = ["Misrata", "Misurata", "Al Jufrah", "Jufra", "Tripoli", "Paris", "Springfield",
         "Bani Waleed", "New York", "Raqqa", "Kabul", "Ouagadougou", "Nairobi", "Texas",
         "U.S.", "Libyan", "Qqxzvbwrt", "Sirte", "Alexandria", "Manchester"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-build", action="store_true", help="skip the build timing")
    ap.add_argument("--lgl", default=str(LGL))
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    from wirecoder.resolve.gazetteer import Gazetteer, build, get_gazetteer

    if not args.no_build:
        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            p = build(Path(d) / "g.sqlite")
            print(f"gazetteer build: {time.perf_counter() - t:.1f} s "
                  f"({p.stat().st_size / 2**20:.0f} MiB)")
    gaz = Gazetteer(get_gazetteer().path)
    t = time.perf_counter()
    for n in NAMES:
        gaz.lookup(n)
    cold = (time.perf_counter() - t) / len(NAMES) * 1e6
    reps = 2000
    t = time.perf_counter()
    for _ in range(reps):
        for n in NAMES:
            gaz.lookup(n)
    warm = (time.perf_counter() - t) / (reps * len(NAMES)) * 1e6
    print(f"lookup: {cold:.0f} µs uncached (SQLite), {warm:.2f} µs cached")

    lgl = Path(args.lgl)
    if not lgl.is_file():
        print(f"LGL resolution: skipped ({lgl} not found)")
        return
    from wirecoder.evaluation.geo import eval_resolution

    eval_resolution(str(lgl), limit=5)  # warm the process (imports, first queries)
    gaz.clear_cache()
    times = []
    for _ in range(2):
        get_gazetteer().clear_cache()
        rep = eval_resolution(str(lgl))
        times.append(rep.seconds)
    r = rep.resolution
    print(f"LGL resolution: {rep.docs} docs, {r['n']} toponyms in {min(times):.2f} s "
          f"(best of {len(times)}, {min(times) / max(r['n'], 1) * 1e3:.2f} ms/toponym, "
          f"acc@161km={r['acc161']:.3f})")
    print(f"(median of runs: {statistics.median(times):.2f} s)")

    # Whole-article geoparsing against the spaCy parse it runs on (first 100 LGL articles).
    from wirecoder.evaluation.geo import read_docs
    from wirecoder.models import Article
    from wirecoder.nlp import load_nlp
    from wirecoder.resolve.places import geoparse

    nlp = load_nlp()
    texts = [d["text"] for d in read_docs(str(lgl), 100)]
    t = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    t_nlp = time.perf_counter() - t
    get_gazetteer().clear_cache()
    t = time.perf_counter()
    n = sum(len(geoparse(doc, Article(body=[tx]))) for doc, tx in zip(docs, texts))
    t_geo = time.perf_counter() - t
    print(f"end to end, 100 LGL articles: spaCy parse {t_nlp:.2f} s, geoparse {t_geo:.2f} s "
          f"({n} place mentions; cold lookup cache)")


if __name__ == "__main__":
    main()
