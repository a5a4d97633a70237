"""``wirecoder eval geo FILE.jsonl``: geoparsing metrics as the literature reports them.

- resolution (gold spans given): accuracy@161km, mean and median error (km), and the AUC of
  the log-error curve (Gritta et al. 2018: area under sorted ln(1+error)/ln(20039); lower is
  better).
- end-to-end (raw text in): detection precision/recall/F1 against the gold spans that have
  coordinates (exact span match, and overlap match), then the resolution metrics on the
  matched spans. Predicted spans that hit a gold toponym without coordinates count neither
  way.
"""
from __future__ import annotations

import json
import math
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import click

MAX_KM = 20039.0  # half the Earth's circumference: the error of a missing answer
ACC_KM = 161.0


def haversine(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def error_metrics(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 1.0}
    errs = sorted(errors)
    ys = [math.log(1 + e) / math.log(1 + MAX_KM) for e in errs]
    if len(ys) == 1:
        auc = ys[0]
    else:  # trapezoid rule over x in [0, 1]
        auc = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1)) / (len(ys) - 1)
    return {"n": len(errs), "acc161": sum(e <= ACC_KM for e in errs) / len(errs),
            "mean_km": statistics.fmean(errs), "median_km": statistics.median(errs),
            "auc": auc}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def read_docs(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except ValueError as exc:
                click.echo(f"skipped line {i + 1}: bad JSON ({exc})", err=True)
                continue
            if not isinstance(d, dict) or not isinstance(d.get("text"), str):
                click.echo(f"skipped line {i + 1}: no text", err=True)
                continue
            yield d


def _realign(text: str, t: dict) -> dict:
    """Some sets carry offsets a few characters off their mention: snap to the nearest copy."""
    m = t.get("mention")
    if not m or text[t["start"]:t["end"]] == m:
        return t
    best, pos = None, text.find(m)
    while pos >= 0:
        if best is None or abs(pos - t["start"]) < abs(best - t["start"]):
            best = pos
        pos = text.find(m, pos + 1)
    return dict(t, start=best, end=best + len(m)) if best is not None else t


def _gold(d: dict) -> list[dict]:
    out = []
    for t in d.get("toponyms") or []:
        try:
            t = _realign(d["text"], dict(t, start=int(t["start"]), end=int(t["end"])))
        except (KeyError, TypeError, ValueError):
            continue
        if t.get("lat") is not None and t.get("lon") is not None:
            t["lat"], t["lon"] = float(t["lat"]), float(t["lon"])
        else:
            t["lat"] = t["lon"] = None
        out.append(t)
    return out


def _err(gold: dict, lat: float | None, lon: float | None) -> float:
    if lat is None or lon is None:
        return MAX_KM
    return haversine(gold["lat"], gold["lon"], lat, lon)


@dataclass
class Report:
    mode: str
    file: str
    docs: int = 0
    seconds: float = 0.0
    resolution: dict = field(default_factory=dict)
    detection_exact: dict = field(default_factory=dict)
    detection_overlap: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in ({}, [])}


def eval_resolution(path: str, limit: int | None = None) -> Report:
    from ..resolve.places import resolve_spans

    rep = Report("resolution", str(path))
    errors: list[float] = []
    t0 = time.perf_counter()
    for d in read_docs(path, limit):
        # Only the scored toponyms are given: the unscored spans of some sets are common
        # nouns ("the lot", "residents") that no toponym resolver is asked to place.
        gold = [g for g in _gold(d) if g["lat"] is not None]
        rep.docs += 1
        try:
            res = resolve_spans(d["text"], [(g["start"], g["end"]) for g in gold])
        except Exception as exc:  # one bad document must not stop the run
            rep.errors.append(f"{d.get('doc_id')}: {type(exc).__name__}: {exc}")
            res = [None] * len(gold)
        for g, p in zip(gold, res):
            errors.append(_err(g, p.lat if p else None, p.lon if p else None))
    rep.seconds = time.perf_counter() - t0
    rep.resolution = error_metrics(errors)
    return rep


def eval_end_to_end(path: str, limit: int | None = None, demonyms: bool = True) -> Report:
    from ..models import Article
    from ..nlp import load_nlp
    from ..resolve.places import geoparse

    rep = Report("end-to-end", str(path))
    nlp = load_nlp()
    docs = list(read_docs(path, limit))
    ex = {"tp": 0, "fp": 0, "fn": 0}
    ov = {"tp": 0, "fp": 0, "fn": 0}
    errors: list[float] = []
    t0 = time.perf_counter()
    for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=32)):
        rep.docs += 1
        gold = _gold(d)
        scored = [g for g in gold if g["lat"] is not None]
        unscored = [g for g in gold if g["lat"] is None]
        try:
            preds = [m for m in geoparse(doc, Article(body=[d["text"]])) if m.start >= 0
                     and (demonyms or m.role != "demonym")]
        except Exception as exc:
            rep.errors.append(f"{d.get('doc_id')}: {type(exc).__name__}: {exc}")
            preds = []
        gold_exact = {(g["start"], g["end"]): g for g in scored}
        used_ov: set[int] = set()
        for p in preds:
            if (p.start, p.end) in gold_exact:
                ex["tp"] += 1
            elif not any(p.start < g["end"] and g["start"] < p.end for g in unscored):
                ex["fp"] += 1
            hit = next((i for i, g in enumerate(scored)
                        if i not in used_ov and p.start < g["end"] and g["start"] < p.end), None)
            if hit is not None:
                used_ov.add(hit)
                ov["tp"] += 1
                errors.append(_err(scored[hit], p.data.get("lat"), p.data.get("lon")))
            elif not any(p.start < g["end"] and g["start"] < p.end for g in unscored):
                ov["fp"] += 1
        pred_exact = {(p.start, p.end) for p in preds}
        ex["fn"] += sum(1 for k in gold_exact if k not in pred_exact)
        ov["fn"] += len(scored) - len(used_ov)
    rep.seconds = time.perf_counter() - t0
    rep.detection_exact = prf(**ex)
    rep.detection_overlap = prf(**ov)
    rep.resolution = error_metrics(errors)
    return rep


def format_table(rep: Report) -> str:
    lines = [f"{rep.file}  mode={rep.mode}  docs={rep.docs}  {rep.seconds:.1f}s"]
    r = rep.resolution
    if r:
        lines.append(f"  resolution  n={r['n']}  acc@161km={r['acc161']:.3f}  "
                     f"mean={r['mean_km']:.0f}km  median={r['median_km']:.1f}km  "
                     f"AUC={r['auc']:.3f}")
    for name, d in (("exact", rep.detection_exact), ("overlap", rep.detection_overlap)):
        if d:
            lines.append(f"  detection {name:7} P={d['precision']:.3f}  R={d['recall']:.3f}  "
                         f"F1={d['f1']:.3f}  (tp={d['tp']} fp={d['fp']} fn={d['fn']})")
    if rep.errors:
        lines.append(f"  {len(rep.errors)} documents failed; first: {rep.errors[0]}")
    return "\n".join(lines)


@click.command("geo")
@click.argument("file", type=click.Path())
@click.option("--mode", type=click.Choice(["resolution", "end-to-end"]), default="resolution",
              show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--demonyms/--no-demonyms", default=True, show_default=True,
              help="End-to-end: count demonyms (Libyan -> Libya) as place mentions.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def geo_command(file: str, mode: str, limit: int | None, demonyms: bool, as_json: bool) -> None:
    """Geoparsing metrics on a dev set (see ../shared/eval/README.md)."""
    if not Path(file).is_file():
        click.echo(f"error: no such file: {file}", err=True)
        sys.exit(2)
    rep = (eval_resolution(file, limit) if mode == "resolution"
           else eval_end_to_end(file, limit, demonyms))
    click.echo(json.dumps(rep.to_json(), indent=2) if as_json else format_table(rep))
