"""Analyst review of an event: accept, edit, reject (or reset), with an audit trail.

Each action is one transaction: the ``reviews`` row (who, when, {field: [old, new]}), the
event's flat columns and its JSON ``record`` change together, so exports see the reviewed
values and the history explains them.
"""
from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from .taxonomy import ACLED_TYPES, SUB_TO_TYPE

ACTIONS = {"accept": "accepted", "edit": "edited", "reject": "rejected", "reset": "auto"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TEXT_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location",
               "country_code", "admin1", "admin2", "plover_type")
EDITABLE = TEXT_FIELDS + ("event_type", "sub_event_type", "date", "date_end",
                          "time_precision", "fatalities", "latitude", "longitude")


class ReviewError(ValueError):
    """A review that cannot be applied (unknown action, bad field value)."""


def _clean(field: str, value: Any) -> Any:
    if value is None or value == "":
        if field in ("event_type",):
            raise ReviewError("event_type cannot be empty")
        return None
    if field in TEXT_FIELDS:
        if not isinstance(value, str) or len(value) > 300:
            raise ReviewError(f"{field} must be text of at most 300 characters")
        v = value.strip()
        return v.upper() if field == "country_code" else v
    if field == "event_type":
        if value not in ACLED_TYPES:
            raise ReviewError(f"unknown event_type {str(value)[:60]!r}")
        return value
    if field == "sub_event_type":
        if value not in SUB_TO_TYPE:
            raise ReviewError(f"unknown sub_event_type {str(value)[:60]!r}")
        return value
    if field in ("date", "date_end"):
        if not isinstance(value, str) or not _DATE.match(value):
            raise ReviewError(f"{field} must be YYYY, YYYY-MM or YYYY-MM-DD")
        return value
    if field == "time_precision":
        if value not in ("day", "week", "month", "year"):
            raise ReviewError("time_precision must be day, week, month or year")
        return value
    if field == "fatalities":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
            raise ReviewError("fatalities must be a whole number from 0 to 1000000")
        return value
    if field in ("latitude", "longitude"):
        lim = 90 if field == "latitude" else 180
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -lim <= value <= lim:
            raise ReviewError(f"{field} must be a number between -{lim} and {lim}")
        return float(value)
    raise ReviewError(f"field {field!r} cannot be edited")


def _apply_to_record(rec: dict[str, Any], field: str, value: Any) -> None:
    """Mirror a flat-column edit into the JSON record (the export's full event)."""
    if field in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        if value is None:
            rec[field] = None
        else:
            # The analyst sets the canonical actor; the name as written stays as evidence.
            actor = dict(rec.get(field) or {})
            actor["name"] = actor.get("name") or value
            actor["canonical"] = value
            rec[field] = actor
        return
    loc_keys = {"location": "name", "country_code": "country_code", "admin1": "admin1",
                "admin2": "admin2", "latitude": "lat", "longitude": "lon"}
    if field in loc_keys:
        loc = dict(rec.get("location") or {})
        loc[loc_keys[field]] = value
        rec["location"] = loc
        return
    rec[field] = value


def apply_review(con: sqlite3.Connection, event_id: str, action: str,
                 changes: dict[str, Any] | None = None, reviewer: str | None = None,
                 note: str | None = None) -> dict[str, Any]:
    """Apply one review; returns the reviews row. Raises KeyError for an unknown event."""
    if action not in ACTIONS:
        raise ReviewError(f"action must be one of {', '.join(ACTIONS)}")
    changes = changes or {}
    if action != "edit" and changes:
        raise ReviewError("only an edit carries changed fields")
    if action == "edit" and not changes:
        raise ReviewError("an edit needs at least one changed field")
    if len(changes) > len(EDITABLE):
        raise ReviewError("too many fields")
    clean = {k: _clean(k, v) for k, v in changes.items()}
    with con:  # one transaction: audit row + columns + record
        row = con.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        cur = dict(row)
        etype = clean.get("event_type", cur["event_type"])
        sub = clean.get("sub_event_type", cur["sub_event_type"])
        if ("event_type" in clean or "sub_event_type" in clean) and sub and \
                SUB_TO_TYPE.get(sub, etype) != etype:
            raise ReviewError(f"sub_event_type {sub!r} does not belong to {etype!r}")
        diff = {k: [cur[k], v] for k, v in clean.items() if cur[k] != v}
        if action == "edit" and not diff:
            raise ReviewError("the edit changes nothing")
        status = ACTIONS[action]
        rec = json.loads(cur["record"] or "{}")
        for k, (_, v) in diff.items():
            _apply_to_record(rec, k, v)
        rec["review_status"] = status
        sets = {k: v for k, (_, v) in diff.items()}
        sets.update(review_status=status, record=json.dumps(rec, ensure_ascii=False))
        assign = ", ".join(f"{k} = ?" for k in sets)
        con.execute(f"UPDATE events SET {assign}, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                    [*sets.values(), event_id])
        if cur["review_status"] != status:
            diff.setdefault("review_status", [cur["review_status"], status])
        # The merged event must be recomputed from the reviewed report (same transaction).
        from ..merge import mark_dirty

        mark_dirty(con, [event_id])
        cursor = con.execute(
            "INSERT INTO reviews (event_id, action, changes, reviewer, note) VALUES (?,?,?,?,?)",
            (event_id, action, json.dumps(diff, ensure_ascii=False),
             (reviewer or "")[:100] or None, (note or "")[:2000] or None))
        out = con.execute("SELECT id, event_id, action, changes, reviewer, note, at FROM reviews "
                          "WHERE id = ?", (cursor.lastrowid,)).fetchone()
    from ..merge import merge_new

    merge_new(con)
    d = dict(out)
    d["changes"] = json.loads(d["changes"])
    d["review_status"] = status
    return d
