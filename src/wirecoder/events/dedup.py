"""Within-article deduplication: one real event mentioned several times becomes one event.

Two candidates are the same event when their types are compatible (same ACLED event type, or
a bare killing right after another violent event), their places agree (same GeoNames id,
within 50 km, or one of them has no place of its own) and their dates agree (one contains the
other, or one was not stated). The earlier mention is kept and gains the other's evidence and
any field it lacked.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..models import Event, Place
from .lexicon import KILL
from .taxonomy import VIOLENT_TYPES


@dataclass
class Candidate:
    event: Event
    sent_index: int
    cue: str
    place_level: int  # 2: from the event's own sentence, 1: from its context, 0: default/none
    date_stated: bool  # the date came from the text (not the publication-date default)
    merged: list[int] = field(default_factory=list)


def km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_agree(a: Candidate, b: Candidate) -> bool:
    pa, pb = a.event.location, b.event.location
    # a place borrowed from the sentence next door is no evidence of another place ("... between
    # Bilma and Agadez. Two soldiers were killed.")
    borrowed = min(a.place_level, b.place_level) < 2 and abs(a.sent_index - b.sent_index) <= 1
    if min(a.place_level, b.place_level) == 0 or borrowed or pa is None or pb is None:
        return pa is None or pb is None or pa.country_code is None or pb.country_code is None \
            or pa.country_code == pb.country_code
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return True
    if "country" in (pa.geo_precision, pb.geo_precision):
        return pa.country_code == pb.country_code
    d = km(pa, pb)
    if d is not None:
        return d <= 50
    return (pa.name or "").lower() == (pb.name or "").lower()


def _dates_agree(a: Candidate, b: Candidate) -> bool:
    if not a.date_stated or not b.date_stated:
        return True
    da, db = a.event.date or "", b.event.date or ""
    return da.startswith(db) or db.startswith(da)


def _types_agree(a: Candidate, b: Candidate) -> bool:
    ea, eb = a.event, b.event
    if ea.sub_event_type == eb.sub_event_type:
        return True
    if ea.event_type == eb.event_type and ea.event_type != "Strategic developments":
        return True
    # "... Three were killed.", "14 dead." right after a clash/bombing is that event's toll: a
    # bare killing with no doer written in its own sentence (a default actor does not count)
    adjacent = abs(a.sent_index - b.sent_index) <= 1
    if adjacent and ea.event_type in VIOLENT_TYPES and b.cue in ("attack", "attack-armed") \
            and (eb.actor1 is None or not _doer_written(b)) and _bare_killing(b):
        return True
    # "A crowd rioted at the tallying centre. Police fired into the crowd, killing a girl.": a
    # violent sentence right after a violent event, with no place or date of its own, continues it
    if adjacent and b.sent_index > a.sent_index and ea.event_type in VIOLENT_TYPES \
            and eb.event_type in VIOLENT_TYPES and b.place_level < 2 and not b.date_stated:
        return True
    return False


def _doer_written(c: Candidate) -> bool:
    return any(e.field == "actor1" for e in c.event.evidence)


def _bare_killing(c: Candidate) -> bool:
    trig = next((e.text for e in c.event.evidence if e.field == "trigger"), "")
    return KILL.search(trig) is not None or c.event.actor1 is None


def same_event(a: Candidate, b: Candidate) -> bool:
    return _types_agree(a, b) and _places_agree(a, b) and _dates_agree(a, b)


_ALSO = re.compile(r"\b(?:also|another|other|additional|further|more)\b", re.I)


def _additional(keep: Candidate, other: Candidate) -> bool:
    """The next sentence adds victims of its own ("Three militants were also killed")."""
    if other.sent_index != keep.sent_index + 1 or not other.event.evidence:
        return False
    return _ALSO.search(other.event.evidence[0].text) is not None


def _absorb(keep: Candidate, other: Candidate) -> None:
    k, o = keep.event, other.event
    k.evidence.extend(o.evidence)
    if not keep.date_stated and other.date_stated:
        k.date, k.date_end, k.time_precision = o.date, o.date_end, o.time_precision
        keep.date_stated = True
    if (other.place_level > keep.place_level or k.location is None) and o.location is not None:
        k.location = o.location
        keep.place_level = other.place_level
    if o.fatalities is not None and k.fatalities is not None and _additional(keep, other):
        k.fatalities += o.fatalities  # "... killing one soldier. Three militants were also killed."
    elif o.fatalities is not None and (k.fatalities is None or o.fatalities > k.fatalities):
        # the same toll told twice (headline and lead): the larger, more specific figure, never the sum
        k.fatalities = o.fatalities
    for f in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        if getattr(k, f) is None and getattr(o, f) is not None:
            setattr(k, f, getattr(o, f))
    seen = {(a.source, a.kind) for a in k.attribution}
    for a in o.attribution:
        if (a.source, a.kind) not in seen and a.kind != "media":
            k.attribution = [x for x in k.attribution if x.kind != "media"] + [a]
            seen.add((a.source, a.kind))
    k.quantities.extend(q for q in o.quantities if q not in k.quantities)
    k.confidence = max(k.confidence, o.confidence)
    keep.merged.append(other.sent_index)


def deduplicate(cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        for k in out:
            if same_event(k, c):
                _absorb(k, c)
                break
        else:
            out.append(c)
    return out
