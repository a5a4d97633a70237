"""Event-extraction throughput on one core: the whole pipeline vs spaCy's own cost.

    python bench/events.py [--limit N] [--file PATH]

Reads ACLED-style rows (default ../shared/eval/events/acled_dev_1k.jsonl; falls back to the
project's own test fixture when the shared data is absent), runs (1) spaCy alone over the
texts and (2) the whole extraction (``Pipeline.process_many``: spaCy + places + events),
and prints rows/s, articles/s and the ratio (target: whole extraction within 2x of spaCy).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target is stated

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "events" / "acled_dev_1k.jsonl"
FALLBACK = ROOT / "tests" / "fixtures" / "events" / "reports.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", type=Path, default=DEFAULT if DEFAULT.exists() else FALLBACK)
    ap.add_argument("--limit", type=int, default=500)
    args = ap.parse_args()
    from wirecoder.evaluation.events import article_of, read_rows
    from wirecoder.nlp import load_nlp
    from wirecoder.pipeline import Pipeline

    rows = list(read_rows(args.file, args.limit))
    texts = [r["text"] for r in rows]
    nlp = load_nlp()
    pipe = Pipeline()
    list(pipe.process_many([article_of(r) for r in rows[:20]]))  # warm caches and gazetteer

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    t_spacy = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    for res in pipe.process_many([article_of(r) for r in rows]):
        n_events += len(res.events)
    t_all = time.perf_counter() - t0

    n = len(rows)
    out = {"file": str(args.file), "rows": n, "chars": sum(map(len, texts)),
           "spacy_rows_per_s": round(n / t_spacy, 1), "pipeline_rows_per_s": round(n / t_all, 1),
           "pipeline_articles_per_s": round(n / t_all, 1), "events": n_events,
           "ratio_vs_spacy": round(t_all / t_spacy, 2), "target_ratio": 2.0}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    sys.exit(main())
