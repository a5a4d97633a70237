"""Coverage of the argument extractors on ACLED notes (reads ../shared at run time).

    python bench/args_coverage.py [FILE.jsonl] [N]

Prints, over the first N rows: share of rows whose gold fatalities equal ``find_fatalities`` on
the whole text (no deaths found -> 0); share whose gold actor1 is among ``find_actors`` (after
``role_for_event`` with the gold event type, as the event coder applies it); share whose gold
event date is the first/any date of ``find_dates``; and the time spent in each extractor.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "events" / "acled_dev_1k.jsonl"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skip: {path} not found")
        return 0
    n = int(sys.argv[2]) if len(sys.argv) > 2 else None
    from wirecoder.extract.dates import find_dates
    from wirecoder.extract.numbers import find_fatalities
    from wirecoder.nlp import load_nlp
    from wirecoder.resolve.actors import (country_of_word, find_actors, link_anaphora, mention_actor,
                                          role_for_event, same_actor)

    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:n]
    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows], batch_size=64))
    t_nlp = time.perf_counter() - t0
    fat = act = act_first = date_first = date_any = 0
    t_f = t_a = t_d = 0.0
    for r, doc in zip(rows, docs):
        g = r["gold"]
        iso = country_of_word(g.get("country") or "")
        t = time.perf_counter()
        q = find_fatalities(doc[:])
        t_f += time.perf_counter() - t
        fat += (q.value if q else 0) == g["fatalities"]
        t = time.perf_counter()
        ms = link_anaphora(find_actors(doc, iso), doc)
        t_a += time.perf_counter() - t
        names = [role_for_event(mention_actor(m), g["event_type"], iso).canonical for m in ms]
        act += any(same_actor(g["actor1"], x) for x in names)
        act_first += bool(names) and same_actor(g["actor1"], names[0])
        t = time.perf_counter()
        ds = [m.data["date"] for m in find_dates(doc, r.get("publication_date"))]
        t_d += time.perf_counter() - t
        date_first += bool(ds) and ds[0] == g["event_date"]
        date_any += g["event_date"] in ds
    k = len(rows)
    print(f"rows {k}  ({path.name})")
    print(f"fatalities exact          {fat / k:.3f}")
    print(f"actor1 among actors       {act / k:.3f}   first actor {act_first / k:.3f}")
    print(f"event date first / any    {date_first / k:.3f} / {date_any / k:.3f}")
    print(f"seconds: spaCy {t_nlp:.2f}  fatalities {t_f:.2f}  actors {t_a:.2f}  dates {t_d:.2f}"
          f"  (ms/row: {1000 * t_nlp / k:.2f} / {1000 * t_f / k:.2f} / {1000 * t_a / k:.2f} / {1000 * t_d / k:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
