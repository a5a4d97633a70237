"""Event filters shared by the list, map, stats, network and export endpoints.

One ``Filters`` value is parsed from the query string and turned into a parameterised SQL
``WHERE`` clause; user values only ever travel as bound parameters.
"""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

REVIEW_STATUSES = ("auto", "accepted", "edited", "rejected")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class FilterError(ValueError):
    """A filter value that cannot be used (bad date, bbox, status)."""


@dataclass(frozen=True)
class Filters:
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    review_status: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    fatalities_min: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    cluster_id: str | None = None

    def key(self) -> str:
        """A stable cache key."""
        return json.dumps([getattr(self, f.name) for f in fields(self)], sort_keys=True)

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) and getattr(self, f.name) != 0 for f in fields(self))


def _multi(values: list[str] | None) -> tuple[str, ...]:
    """Repeated params and comma-free values: ``?event_type=A&event_type=B``."""
    out: list[str] = []
    for v in values or ():
        v = v.strip()
        if v and v not in out:
            out.append(v[:200])
    if len(out) > 50:
        raise FilterError("too many values for one filter (max 50)")
    return tuple(out)


def _date(v: str | None, name: str) -> str | None:
    if not v:
        return None
    v = v.strip()
    if not _DATE.match(v):
        raise FilterError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {v[:40]!r}")
    return v


def parse_bbox(v: str | None) -> tuple[float, float, float, float] | None:
    if not v:
        return None
    try:
        parts = tuple(float(x) for x in v.split(","))
    except ValueError:
        raise FilterError("bbox must be four numbers: minLon,minLat,maxLon,maxLat") from None
    if len(parts) != 4:
        raise FilterError("bbox must be four numbers: minLon,minLat,maxLon,maxLat")
    w, s, e, n = parts
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise FilterError("bbox out of range")
    return (w, s, e, n)


def make_filters(event_type=None, sub_event_type=None, actor=None, country=None, admin1=None,
                 source=None, review_status=None, date_from=None, date_to=None,
                 fatalities_min=None, bbox=None, cluster_id=None) -> Filters:
    statuses = _multi(review_status)
    bad = [s for s in statuses if s not in REVIEW_STATUSES]
    if bad:
        raise FilterError(f"review_status must be one of {', '.join(REVIEW_STATUSES)}")
    if fatalities_min is not None and fatalities_min < 0:
        raise FilterError("fatalities_min must be >= 0")
    return Filters(
        event_type=_multi(event_type), sub_event_type=_multi(sub_event_type),
        actor=_multi(actor), country=tuple(c.upper() for c in _multi(country)),
        admin1=_multi(admin1), source=_multi(source), review_status=statuses,
        date_from=_date(date_from, "date_from"), date_to=_date(date_to, "date_to"),
        fatalities_min=fatalities_min, bbox=parse_bbox(bbox), cluster_id=cluster_id or None)


def _lower_date_bound(d: str) -> str:
    """Events are stored truncated to their precision ("2017-05" for a month): a range that
    starts on the first of a month/year must also keep the month/year-precision rows."""
    if d.endswith("-01-01"):
        return d[:4]
    if len(d) == 10 and d.endswith("-01"):
        return d[:7]
    return d


def _upper_date_bound(d: str) -> str:
    # "2017-05" as an upper bound means up to the end of May: every string with that prefix.
    return d if len(d) == 10 else d + "-99"


def _in(col: str, values: tuple[str, ...], params: list[Any]) -> str:
    params.extend(values)
    if len(values) == 1:
        return f"{col} = ?"
    return f"{col} IN ({', '.join('?' * len(values))})"


def where_sql(f: Filters, alias: str = "") -> tuple[str, list[Any]]:
    """``(clause, params)``; clause is "" when nothing filters."""
    p = alias + "." if alias else ""
    parts: list[str] = []
    params: list[Any] = []
    if f.event_type:
        parts.append(_in(p + "event_type", f.event_type, params))
    if f.sub_event_type:
        parts.append(_in(p + "sub_event_type", f.sub_event_type, params))
    if f.actor:
        a1 = _in(p + "actor1", f.actor, params)
        a2 = _in(p + "actor2", f.actor, params)
        parts.append(f"({a1} OR {a2})")
    if f.country:
        parts.append(_in(p + "country_code", f.country, params))
    if f.admin1:
        parts.append(_in(p + "admin1", f.admin1, params))
    if f.review_status:
        # Nearly every row is 'auto', so the planner's statistics call any status filter
        # unselective and scan the table; the hint keeps it on the (review_status, date) index.
        parts.append(f"likelihood({_in(p + 'review_status', f.review_status, params)}, 0.05)")
    if f.source:
        inner = _in("source_name", f.source, params)
        parts.append(f"{p}article_id IN (SELECT id FROM articles WHERE {inner})")
    if f.date_from:
        parts.append(f"{p}date >= ?")
        params.append(_lower_date_bound(f.date_from))
    if f.date_to:
        parts.append(f"{p}date <= ?")
        params.append(_upper_date_bound(f.date_to))
    if f.fatalities_min is not None and f.fatalities_min > 0:
        parts.append(f"{p}fatalities >= ?")
        params.append(f.fatalities_min)
    if f.bbox:
        w, s, e, n = f.bbox
        parts.append(f"{p}latitude BETWEEN ? AND ?")
        params += [s, n]
        if w <= e:
            parts.append(f"{p}longitude BETWEEN ? AND ?")
            params += [w, e]
        else:  # crosses the antimeridian
            parts.append(f"({p}longitude >= ? OR {p}longitude <= ?)")
            params += [w, e]
    if f.cluster_id:
        parts.append(f"{p}cluster_id = ?")
        params.append(f.cluster_id)
    return " AND ".join(parts), params


# -- keyset cursor over (date DESC, id DESC) -------------------------------------------------

def encode_cursor(date: str | None, event_id: str) -> str:
    raw = json.dumps([date, event_id], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date, eid = json.loads(raw)
        if (date is not None and not isinstance(date, str)) or not isinstance(eid, str):
            raise ValueError
        return date, eid
    except Exception:
        raise FilterError("invalid cursor") from None


def cursor_sql(cursor: str) -> tuple[str, list[Any]]:
    date, eid = decode_cursor(cursor)
    # DESC order puts NULL dates last; rows after the cursor are older, or same date smaller id.
    if date is None:
        return "(date IS NULL AND id < ?)", [eid]
    return "(date < ? OR (date = ? AND id < ?) OR date IS NULL)", [date, date, eid]
