"""``wirecoder eval gate``: the quick dev evaluations against floors in bench/quality_floor.json.

Runs, when ../shared/eval is present: events on acled_dev_1k.jsonl, geo resolution on the
first documents of lgl.jsonl (via ``evaluation.geo`` when that module is there), and the seed
check. Prints one table; exits 1 when a figure is below its floor, 0 with a message when the
shared data is absent (fresh clones without it still pass CI).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "bench" / "quality_floor.json"


def _events(floors: dict) -> dict[str, float | None]:
    from .events import evaluate, read_rows

    path = SHARED / "eval" / "events" / "acled_dev_1k.jsonl"
    if not path.exists():
        return {}
    s, _ = evaluate(read_rows(path, floors.get("events_limit")))
    return {f"events.{k}": v for k, v in s.figures().items()}


def _geo(floors: dict) -> dict[str, float | None]:
    """Resolution on both corpora in full (cheap: no parse), end-to-end on their first docs."""
    try:
        from .geo import eval_end_to_end, eval_resolution
    except ImportError:
        return {}
    out: dict[str, float | None] = {}
    e2e_limit = floors.get("geo_e2e_limit", 100)
    for key, name in (("lgl", "lgl.jsonl"), ("gwn", "geowebnews.jsonl")):
        path = SHARED / "eval" / "geo" / name
        if not path.exists():
            continue
        rep = eval_resolution(str(path), limit=floors.get("geo_limit"))
        out[f"geo.{key}_acc161"] = rep.resolution.get("acc161")
        e2e = eval_end_to_end(str(path), limit=e2e_limit)
        out[f"geo.{key}_e2e_f1"] = e2e.detection_exact.get("f1")
    return out


def _seed() -> dict[str, float | None]:
    from .seed import run_seed

    folder = SHARED / "seed"
    if not (folder / "gold.json").exists():
        return {}
    checks = run_seed(folder)
    return {"seed.checks_passed": float(sum(c.ok for c in checks)),
            "seed.checks_total": float(len(checks))}


@click.command("gate")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False, path_type=Path), default=FLOORS,
              show_default=True)
def gate_command(floors_path: Path) -> None:
    """Fail when a dev figure drops below its floor (quick; skips without ../shared/eval)."""
    if not (SHARED / "eval").exists():
        click.echo(f"gate: {SHARED / 'eval'} not found; quality gate skipped")
        return
    cfg = json.loads(floors_path.read_text()) if floors_path.exists() else {}
    floors: dict[str, float] = cfg.get("floors", {})
    figures: dict[str, float | None] = {}
    t0 = time.perf_counter()
    for name, fn in (("events", lambda: _events(cfg)), ("geo", lambda: _geo(cfg)), ("seed", _seed)):
        try:
            figures.update(fn())
        except Exception as exc:  # a broken stage is a failed gate, reported, not a crash
            figures[f"{name}.error"] = None
            click.echo(f"gate: {name} evaluation failed: {type(exc).__name__}: {exc}", err=True)
    failed = []
    click.echo(f"{'figure':<34}{'value':>8}{'floor':>8}  status")
    for k in sorted(set(figures) | set(floors)):
        v, f = figures.get(k), floors.get(k)
        bad = (k.endswith(".error")) or (f is not None and (v is None or v < f))
        if bad:
            failed.append(k)
        vs = "-" if v is None else f"{v:.3f}"
        fs = "" if f is None else f"{f:.3f}"
        click.echo(f"{k:<34}{vs:>8}{fs:>8}  {'FAIL' if bad else 'ok'}")
    click.echo(f"gate: {len(failed)} below floor, {time.perf_counter() - t0:.0f}s")
    if failed:
        sys.exit(1)
