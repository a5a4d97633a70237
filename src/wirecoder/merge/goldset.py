"""Merge gold sets: invented articles with hand-coded events and gold cluster labels.

File layout (JSON): ``{"articles": [{"id", "gold", "headline", "body": [...], "source_name",
"publication_date", "event": {...}}]}``; the event is compact (``type``: [event_type,
sub_event_type], actors as [written, canonical, type, inter], ``evidence``: a sentence of the
body). Used by the tests and ``bench/merge.py``; ``pairwise_scores`` is the metric.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from ..models import Actor, Article, ArticleResult, Attribution, Event, Evidence, Place, Quantity


@dataclass
class GoldItem:
    article: Article
    event: Event | None
    gold: str


def _span(text: str, needle: str | None, within: tuple[int, int]) -> tuple[int, int] | None:
    if not needle:
        return None
    i = text.find(needle, within[0], within[1])
    return (i, i + len(needle)) if i >= 0 else None


def _actor(v: list | None) -> Actor | None:
    if not v:
        return None
    name, canonical, typ, inter = (list(v) + [None] * 4)[:4]
    return Actor(name=name, canonical=canonical, type=typ, inter=inter)


def _event(a: Article, d: dict[str, Any]) -> Event:
    text = a.text
    sent = d["evidence"]
    s = text.find(sent)
    if s < 0:
        raise ValueError(f"{a.id}: evidence sentence not in the article text")
    sent_span = (s, s + len(sent))
    evidence = [Evidence(a.id, s, s + len(sent), sent, "event")]
    loc = Place(**d["location"]) if d.get("location") else None
    actors = {role: _actor(d.get(role)) for role in ("actor1", "actor2")}
    for fld, needle in (("location", loc and loc.name), ("actor1", actors["actor1"] and actors["actor1"].name),
                        ("actor2", actors["actor2"] and actors["actor2"].name)):
        sp = _span(text, needle, sent_span)
        if sp:
            evidence.append(Evidence(a.id, sp[0], sp[1], text[sp[0]:sp[1]], fld))
    quantities = []
    if d.get("fatalities") is not None:
        evidence.append(Evidence(a.id, s, s + len(sent), sent, "fatalities"))
        quantities.append(Quantity(d["fatalities"], "killed", sent, s, s + len(sent),
                                   approximate=bool(d.get("approximate"))))
    if d.get("date"):
        evidence.append(Evidence(a.id, s, s + len(sent), sent, "date"))
    if loc:
        loc.mention = loc.mention or loc.name
    return Event(
        event_type=d["type"][0], sub_event_type=d["type"][1], evidence=evidence,
        date=d.get("date"), time_precision=d.get("precision"),
        actor1=actors["actor1"], actor2=actors["actor2"], location=loc,
        fatalities=d.get("fatalities"), quantities=quantities,
        attribution=[Attribution(**x) for x in d.get("attribution", [])],
        confidence=float(d.get("confidence", 0.5)), article_id=a.id)


def load_gold(path: str | Path) -> list[GoldItem]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = []
    for rec in data["articles"]:
        a = Article(headline=rec.get("headline", ""), body=list(rec["body"]),
                    publication_date=rec.get("publication_date"),
                    source_name=rec.get("source_name"), id=rec["id"], format="merge-gold",
                    origin=f"{path}#{rec['id']}")
        ev = _event(a, rec["event"]) if rec.get("event") else None
        items.append(GoldItem(a, ev, rec["gold"]))
    return items


def coded_results(items: list[GoldItem]) -> list[ArticleResult]:
    """ArticleResults carrying copies of the hand-coded events (the store fills in ids)."""
    return [ArticleResult(article=copy.deepcopy(it.article),
                          events=[copy.deepcopy(it.event)] if it.event else [])
            for it in items]


def pairwise_scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of "same event" decisions over the ids in ``gold``."""
    ids = sorted(i for i in gold if i in pred)
    tp = fp = fn = 0
    for x, y in combinations(ids, 2):
        p, g = pred[x] == pred[y], gold[x] == gold[y]
        tp += p and g
        fp += p and not g
        fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "items": len(ids)}
