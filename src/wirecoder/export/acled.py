"""Merged records -> rows with the ACLED codebook's columns (plus wirecoder's own).

Codes follow the ACLED codebook: time_precision 1 = day, 2 = week, 3 = month or vaguer;
geo_precision 1 = town/point, 2 = part of a region / near a town, 3 = larger region or
country; inter codes 1-8 by actor type; interaction = the two inter codes, smaller first
(10 x inter1 for a sole actor). event_id_cnty is ISO3 + a number derived from the merged
event's id, so it is stable across exports and re-ingests.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from typing import Any

from .countries import country

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
WIRECODER_COLUMNS = ("iso3", "review_status", "article_count", "sources", "confidence",
                     "plover_type", "cluster_id", "geonameid", "event_date_precision")
COLUMNS = ACLED_COLUMNS + WIRECODER_COLUMNS

# pandas dtypes of the columns that are not plain strings (nullable ints keep blanks blank)
INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
               "geo_precision", "fatalities", "timestamp", "article_count", "geonameid")
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"point": 1, "town": 1, "district": 2, "region": 3, "country": 3}

# ACLED actor types -> inter codes (codebook "Inter1/Inter2")
INTER_BY_TYPE = {
    "state forces": 1, "military": 1, "police": 1, "government": 1,
    "rebel group": 2, "rebel forces": 2, "rebels": 2,
    "political militia": 3, "militia": 3, "militia groups": 3, "unidentified": 3,
    "identity militia": 4, "communal militia": 4, "communal / identity groups": 4,
    "rioters": 5, "protesters": 6, "protestors": 6, "civilians": 7,
    "external/other forces": 8, "external forces": 8, "other": 8, "foreign / others": 8,
}

# disorder_type from the event categories (political violence / demonstrations flags)
_PV_AND_DEMO = {"Excessive force against protesters"}
_DEMO = {"Peaceful protest", "Protest with intervention", "Violent demonstration"}


def disorder_type(event_type: str | None, sub: str | None) -> str:
    if sub in _PV_AND_DEMO:
        return "Political violence; Demonstrations"
    if sub in _DEMO or event_type == "Protests":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence" if event_type else ""


def inter_code(actor: dict[str, Any] | None) -> int | None:
    if not actor:
        return None
    if actor.get("inter"):
        try:
            return int(actor["inter"])
        except (TypeError, ValueError):
            pass
    t = (actor.get("type") or "").strip().lower()
    return INTER_BY_TYPE.get(t)


def interaction(i1: int | None, i2: int | None) -> int | None:
    if i1 is None and i2 is None:
        return None
    if i1 is None or i2 is None:
        return 10 * (i1 or i2)
    a, b = sorted((i1, i2))
    return 10 * a + b


def event_number(cluster_id: str) -> int:
    """A stable number for an event id (sha1-derived, 9 digits)."""
    return int(hashlib.sha1(cluster_id.encode("utf-8")).hexdigest()[:12], 16) % 10**9


def event_date(date: str | None) -> str:
    """ACLED dates are full days: a month- or year-precision date becomes its first day."""
    if not date:
        return ""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date)
    if not m:
        return ""
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


def _actor_name(a: dict[str, Any] | None) -> str:
    return (a.get("canonical") or a.get("name") or "") if a else ""


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def notes(rec: dict[str, Any], limit: int = 1000) -> str:
    """The primary evidence sentence of each source article, oldest source first."""
    by_article: dict[str, str] = {}
    for e in rec.get("evidence") or []:
        if e.get("field", "event") == "event" and e.get("text"):
            by_article.setdefault(e.get("article_id") or "", _clean(e["text"]))
    order = [s.get("article_id") for s in rec.get("source_list") or []] or list(by_article)
    parts = [by_article[a] for a in order if a in by_article]
    out = " | ".join(dict.fromkeys(parts))
    return out if len(out) <= limit else out[: limit - 1].rstrip() + "…"


def tags(rec: dict[str, Any]) -> str:
    out = []
    for a in rec.get("attribution") or []:
        t = f"source: {a.get('kind') or 'media'}" + (" (hedged)" if a.get("hedged") else "")
        if t not in out:
            out.append(t)
    if rec.get("fatalities") is None:
        out.append("fatalities unknown")
    if rec.get("time_precision") == "year":
        out.append("date precision: year")
    return "; ".join(out)


def _timestamp(updated: str | None) -> int | None:
    if not updated:
        return None
    try:
        dt = datetime.strptime(updated[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    return int(dt.timestamp())


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One merged record as an ACLED-schema row (values typed: int, float, str or None)."""
    loc = rec.get("location") or {}
    c = country(loc.get("country_code"))
    a1, a2 = rec.get("actor1"), rec.get("actor2")
    i1, i2 = inter_code(a1), inter_code(a2)
    cid = rec.get("cluster_id") or rec.get("id") or ""
    iso3 = c.iso3 if c else ""
    date = event_date(rec.get("date"))
    sources = rec.get("source_list") or []
    source_names = list(dict.fromkeys(s.get("source_name") for s in sources if s.get("source_name")))
    fat = rec.get("fatalities")
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event_number(cid)}",
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": TIME_PRECISION.get(rec.get("time_precision") or "", 3 if date else None),
        "disorder_type": disorder_type(rec.get("event_type"), rec.get("sub_event_type")),
        "event_type": rec.get("event_type") or "",
        "sub_event_type": rec.get("sub_event_type") or "",
        "actor1": _actor_name(a1),
        "assoc_actor_1": _actor_name(rec.get("assoc_actor_1")),
        "inter1": i1,
        "actor2": _actor_name(a2),
        "assoc_actor_2": _actor_name(rec.get("assoc_actor_2")),
        "inter2": i2,
        "interaction": interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if i2 == 7 else "",
        "iso": c.isonumeric if c else None,
        "region": c.region if c else "",
        "country": c.name if c else (loc.get("country_code") or ""),
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": GEO_PRECISION.get(loc.get("geo_precision") or "",
                                           1 if loc.get("lat") is not None else None) if loc else None,
        "source": "; ".join(source_names),
        "source_scale": "",
        "notes": notes(rec),
        "fatalities": int(fat) if fat is not None else 0,  # ACLED codes unknown tolls as 0
        "tags": tags(rec),
        "timestamp": _timestamp(rec.get("updated_at")),
        "iso3": iso3,
        "review_status": rec.get("review_status") or "auto",
        "article_count": int(rec.get("article_count") or len(rec.get("sources") or []) or 1),
        "sources": ";".join(rec.get("sources") or []),
        "confidence": rec.get("confidence"),
        "plover_type": rec.get("plover_type") or "",
        "cluster_id": cid,
        "geonameid": loc.get("geonameid"),
        "event_date_precision": rec.get("time_precision") or "",
    }
