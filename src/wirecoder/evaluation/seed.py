"""``wirecoder eval seed [PATH]``: the seed article against its hand coding (gold.json).

A required gold event is found when some system event has its event type and sub-event type,
a place within 50 km of the gold one (or the same admin area / country for region-level
gold), a date compatible with the gold date at the gold precision, the gold fatalities where
given, and an attribution of the gold kind where given. Also checked: no event's primary
sentence is a strength estimate, and no event is located at a byline place.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from ..models import Event
from .events import km

DEFAULT = Path(__file__).resolve().parents[3].parent / "shared" / "seed"


@dataclass
class Check:
    key: str
    ok: bool
    detail: str


def _place_ok(ev: Event, gold: dict) -> bool:
    loc, g = ev.location, gold.get("location") or {}
    cands = [g] + list(gold.get("alternative_locations") or [])
    if loc is None:
        return False
    for c in cands:
        if loc.lat is not None and c.get("lat") is not None and km(loc.lat, loc.lon, c["lat"], c["lon"]) <= 50:
            return True
        if c.get("geo_precision") == "region" and loc.country_code == c.get("country") and \
                (loc.admin1 or "").lower().replace("al ", "") in (c.get("name") or "").lower().replace("al ", ""):
            return True
        if (loc.name or "").lower() == (c.get("name") or "").lower():
            return True
    return False


def _date_ok(ev: Event, gold: dict) -> bool:
    g = gold.get("date")
    return g is None or (ev.date or "")[:len(g)] == g


def check_event(ev: Event, gold: dict) -> list[str]:
    """Reasons this event is not the gold one (empty: it matches)."""
    why = []
    if ev.event_type != gold["event_type"] or ev.sub_event_type != gold["sub_event_type"]:
        why.append(f"type {ev.sub_event_type}")
    if not _place_ok(ev, gold):
        why.append(f"place {ev.location.name if ev.location else None}")
    if not _date_ok(ev, gold):
        why.append(f"date {ev.date}")
    gf = gold.get("fatalities")
    if gf is not None and (ev.fatalities or 0) != gf:
        why.append(f"fatalities {ev.fatalities}")
    ga = gold.get("attribution")
    if ga and ga.get("kind") and not any(a.kind == ga["kind"] for a in ev.attribution):
        why.append(f"attribution {[a.kind for a in ev.attribution]}")
    return why


def seed_checks(events: list[Event], claims, gold: dict, text: str, byline_places: list[str]) -> list[Check]:
    out = []
    for g in gold["events"]:
        if not g.get("required"):
            continue
        best: list[str] | None = None
        for ev in events:
            why = check_event(ev, g)
            if not why:
                best = []
                break
            if best is None or len(why) < len(best):
                best = why
        out.append(Check(g["key"], best == [], "ok" if best == [] else "closest: " + ", ".join(best or ["no event"])))
    strength = [c for c in claims if c.kind == "strength"]
    bad = [ev for ev in events for c in strength if ev.evidence and ev.evidence[0].start < c.end
           and c.start < ev.evidence[0].end]
    out.append(Check("no-event-from-strength-estimates", not bad,
                     f"{len(strength)} strength claims; {len(bad)} events on them"))
    bl = {p.lower() for p in byline_places}
    at_byline = [ev for ev in events if ev.location and (ev.location.mention or ev.location.name or "").lower() in bl]
    out.append(Check("no-event-at-byline-place", not at_byline, f"byline places {sorted(bl)}"))
    return out


def run_seed(folder: Path) -> list[Check]:
    from ..pipeline import Pipeline
    from ..readers import read_paths

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    path = folder / gold["document"]
    arts = [a for a in read_paths([path]) if hasattr(a, "body")]
    if not arts:
        raise click.ClickException(f"could not read {path}")
    res = Pipeline().process(arts[0])
    byline = [m.text for m in res.places if m.role in ("byline", "dateline")]
    return seed_checks(res.events, res.claims, gold, res.article.text, byline)


@click.command("seed")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
def seed_command(path: Path | None) -> None:
    """Check the seed article against ../shared/seed/gold.json."""
    folder = path or DEFAULT
    if not (folder / "gold.json").exists():
        click.echo(f"seed: {folder}/gold.json not found; nothing to check")
        return
    checks = run_seed(folder)
    for c in checks:
        click.echo(f"{'PASS' if c.ok else 'FAIL'}  {c.key:<36} {c.detail}")
    n_ok = sum(c.ok for c in checks)
    click.echo(f"seed: {n_ok}/{len(checks)} checks pass")
    if n_ok < len(checks):
        sys.exit(1)
