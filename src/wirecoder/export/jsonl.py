"""The ``wirecoder extract`` JSON line: the machine contract used for evaluation.

Keep this stable (documented in the README): offsets are 0-based character offsets into the
analysed text (``Article.text``; for JSONL input, its ``text`` field).
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..models import Actor, ArticleResult, Event, Mention, Place

ARTICLE_FIELDS = ("headline", "byline", "publication_date", "publication_time", "source_name",
                  "source_code", "language", "section", "page", "copyright", "document_id",
                  "word_count", "dateline", "url", "format", "origin", "metadata")
PLACE_FIELDS = ("name", "geonameid", "lat", "lon", "country_code", "admin1", "feature_code",
                "geo_precision", "confidence")


def place_json(m: Mention) -> dict[str, Any]:
    d: dict[str, Any] = {"start": m.start, "end": m.end, "mention": m.text, "role": m.role}
    for k in PLACE_FIELDS:
        d[k] = m.data.get(k)
    return d


def actor_json(a: Actor | None) -> dict[str, Any] | None:
    return None if a is None else {"name": a.name, "canonical": a.canonical, "type": a.type,
                                   "inter": a.inter}


def location_json(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
            "country_code": p.country_code, "admin1": p.admin1, "admin2": p.admin2,
            "feature_code": p.feature_code, "geo_precision": p.geo_precision,
            "mention": p.mention}


def event_json(ev: Event) -> dict[str, Any]:
    primary = ev.evidence[0] if ev.evidence else None
    return {
        "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "plover_type": ev.plover_type,
        "date": ev.date, "date_end": ev.date_end, "time_precision": ev.time_precision,
        "actor1": actor_json(ev.actor1), "assoc_actor_1": actor_json(ev.assoc_actor_1),
        "actor2": actor_json(ev.actor2), "assoc_actor_2": actor_json(ev.assoc_actor_2),
        "location": location_json(ev.location),
        "fatalities": ev.fatalities,
        "quantities": [asdict(q) for q in ev.quantities],
        "attribution": [{"source": a.source, "kind": a.kind, "named": a.named,
                         "hedged": a.hedged, "start": a.start, "end": a.end}
                        for a in ev.attribution],
        "evidence": ({"start": primary.start, "end": primary.end, "text": primary.text}
                     if primary else None),
        "field_evidence": [{"field": e.field, "start": e.start, "end": e.end, "text": e.text}
                           for e in ev.evidence[1:]],
        "confidence": ev.confidence,
    }


def result_json(res: ArticleResult, resolved_toponyms: list[Place | None] | None = None,
                spans: list[tuple[int, int]] | None = None, with_text: bool = True
                ) -> dict[str, Any]:
    a = res.article
    out: dict[str, Any] = {"id": a.id, "article": {k: getattr(a, k) for k in ARTICLE_FIELDS}}
    if with_text:
        out["text"] = a.text
    out["places"] = [place_json(m) for m in res.places if m.kind == "place"]
    out["events"] = [event_json(e) for e in res.events]
    out["claims"] = [{"kind": c.kind, "text": c.text, "start": c.start, "end": c.end,
                      "value": c.value, "actor": actor_json(c.actor)} for c in res.claims]
    if res.errors:
        out["errors"] = res.errors
    if resolved_toponyms is not None and spans is not None:
        out["resolved_toponyms"] = [
            {"start": s, "end": e, "name": p.name if p else None,
             "geonameid": p.geonameid if p else None, "lat": p.lat if p else None,
             "lon": p.lon if p else None, "country_code": p.country_code if p else None}
            for (s, e), p in zip(spans, resolved_toponyms)]
    return out
