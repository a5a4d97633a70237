"""One merged event from several reports, with every field traced to its report and span.

Conflict rule (each field independently; every competing value is kept in provenance):

* type / sub-type: the sub-type with the highest summed confidence; ties go to the
  report with the highest confidence, then the smallest event id.
* date: the most precise date (day > week > month > year); among those, the value most
  reports give; ties go to the earliest date.
* location: the most precise place (point > town > district > region > country, places with
  coordinates before those without); among those, the place most reports give; ties go to
  the most confident report, then the smallest event id.
* actors (each role): the known actor most reports name; unknown/generic actors lose to any
  named one; ties go to the smallest event id.
* fatalities: from the most credible, most specific, most recent report: unhedged before
  hedged, exact before approximate ("at least", "dozens"), later publication before earlier
  (tolls are revised as bodies are counted), then confidence, then smallest event id.
* confidence: 1 - prod(1 - c): independent reports corroborate each other.
* review status: edited if any report was edited, else accepted if any was, else auto;
  rejected only when every report was rejected.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable

from ..models import Attribution, Event
from .compat import GEO_RANK, PRECISION_RANK, _interval, actor_key
from .records import Report

# merged field -> evidence field that supports it
EVIDENCE_FIELD = {"event_type": "event", "sub_event_type": "event", "date": "date",
                  "location": "location", "actor1": "actor1", "actor2": "actor2",
                  "assoc_actor_1": "actor1", "assoc_actor_2": "actor2",
                  "fatalities": "fatalities"}


def _conf(r: Report) -> float:
    return float(r.event.confidence or 0.0)


def _hedged(r: Report) -> bool:
    return any(a.hedged for a in r.event.attribution)


def _approximate_toll(r: Report) -> bool:
    f = r.event.fatalities
    return any(q.approximate for q in r.event.quantities if q.value == f)


def _date_rank(r: Report) -> int:
    iv = _interval(r.event.date, r.event.time_precision, r.event.date_end)
    return PRECISION_RANK.get(iv[2], 3) if iv else 9


def _place_rank(r: Report) -> tuple[int, int]:
    p = r.event.location
    if p is None:
        return (9, 1)
    prec = p.geo_precision if p.geo_precision in GEO_RANK else ("town" if p.lat is not None else "country")
    return (GEO_RANK[prec], 0 if p.lat is not None else 1)


def _place_key(r: Report) -> Any:
    p = r.event.location
    return p.geonameid or (p.name or "").lower() if p else None


def _pick(reports: list[Report], eligible: Callable[[Report], bool], key: Callable[[Report], Any],
          better: Callable[[Report], tuple]) -> Report | None:
    """Among eligible reports, the most common value of ``key``; ties by ``better`` (min)."""
    pool = [r for r in reports if eligible(r)]
    if not pool:
        return None
    counts = Counter(key(r) for r in pool)
    top = max(counts.values())
    return min((r for r in pool if counts[key(r)] == top), key=better)


def _entry(field: str, chosen: Report | None, value: Any, rule: str,
           reports: list[Report], getter: Callable[[Report], Any]) -> dict[str, Any]:
    alts = [{"value": getter(r), "event_id": r.event_id, "article_id": r.article_id}
            for r in reports if getter(r) is not None]
    ev = chosen.evidence_for(EVIDENCE_FIELD.get(field, "event")) if chosen else []
    return {"value": value, "rule": rule,
            "event_id": chosen.event_id if chosen else None,
            "article_id": chosen.article_id if chosen else None,
            "evidence": [{"article_id": e.article_id or chosen.article_id, "field": e.field,
                          "start": e.start, "end": e.end, "text": e.text} for e in ev],
            "alternatives": alts}


def merge_reports(reports: list[Report], cluster_id: str | None = None) -> dict[str, Any]:
    """The merged record: ``Event.to_dict()`` fields plus provenance, sources and counts."""
    reports = sorted(reports, key=lambda r: r.event_id)
    by_conf = lambda r: (-_conf(r), r.event_id)  # noqa: E731

    # type: summed confidence per sub-type
    weight: Counter = Counter()
    for r in reports:
        weight[(r.event.event_type, r.event.sub_event_type)] += max(_conf(r), 1e-6)
    best_w = max(weight.values())
    t_rep = min((r for r in reports
                 if weight[(r.event.event_type, r.event.sub_event_type)] == best_w), key=by_conf)

    best_d = min(_date_rank(r) for r in reports)
    d_rep = _pick(reports, lambda r: _date_rank(r) == best_d and r.event.date is not None,
                  lambda r: r.event.date, lambda r: (r.event.date, r.event_id))

    best_p = min(_place_rank(r) for r in reports)
    p_rep = _pick(reports, lambda r: _place_rank(r) == best_p and r.event.location is not None,
                  _place_key, by_conf)

    roles: dict[str, Report | None] = {}
    for role in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        get = lambda r, role=role: getattr(r.event, role)  # noqa: E731
        rep = _pick(reports, lambda r, g=get: actor_key(g(r)) is not None,
                    lambda r, g=get: actor_key(g(r)), lambda r: r.event_id)
        if rep is None:  # only unknown/generic actors: keep the first one written
            rep = next((r for r in reports if get(r) is not None), None)
        roles[role] = rep

    tolls = [r for r in reports if r.event.fatalities is not None]
    f_rep = min(tolls, key=lambda r: (_hedged(r), _approximate_toll(r),
                                      _neg_date(r.publication_date), -_conf(r), r.event_id),
                default=None)

    conf = 1.0
    for r in reports:
        conf *= 1.0 - min(max(_conf(r), 0.0), 0.99)
    statuses = {r.review_status for r in reports}
    live = statuses - {"rejected"}
    status = ("rejected" if not live else "edited" if "edited" in live
              else "accepted" if "accepted" in live else "auto")

    attributions: list[Attribution] = []
    seen_attr: set[tuple[str, str]] = set()
    for r in reports:
        for a in r.event.attribution:
            k = (a.source.lower().strip(), a.kind)
            if k not in seen_attr:
                seen_attr.add(k)
                attributions.append(a)

    srcs = sorted(reports, key=lambda r: (r.publication_date or "", r.article_id))
    sources, source_rows = [], []
    for r in srcs:
        if r.article_id not in sources:
            sources.append(r.article_id)
            source_rows.append({"article_id": r.article_id, "source_name": r.source_name,
                                "publication_date": r.publication_date,
                                "headline": r.headline, "event_id": r.event_id})

    e = t_rep.event
    merged = Event(
        event_type=e.event_type, sub_event_type=e.sub_event_type,
        plover_type=e.plover_type or next((r.event.plover_type for r in reports
                                           if r.event.sub_event_type == e.sub_event_type
                                           and r.event.plover_type), None),
        evidence=[ev for r in reports for ev in (r.evidence or r.event.evidence)],
        date=d_rep.event.date if d_rep else None,
        date_end=d_rep.event.date_end if d_rep else None,
        time_precision=_precision_of(d_rep),
        actor1=roles["actor1"].event.actor1 if roles["actor1"] else None,
        assoc_actor_1=roles["assoc_actor_1"].event.assoc_actor_1 if roles["assoc_actor_1"] else None,
        actor2=roles["actor2"].event.actor2 if roles["actor2"] else None,
        assoc_actor_2=roles["assoc_actor_2"].event.assoc_actor_2 if roles["assoc_actor_2"] else None,
        location=p_rep.event.location if p_rep else None,
        fatalities=f_rep.event.fatalities if f_rep else None,
        quantities=[q for r in reports for q in r.event.quantities],
        attribution=attributions,
        confidence=round(1.0 - conf, 4),
        salience=max(float(r.event.salience or 0.0) for r in reports),
        article_id=reports[0].article_id,
        review_status=status,
        sources=sources,
        id=cluster_id or reports[0].event_id,
    )
    prov = {
        "event_type": _entry("event_type", t_rep, merged.event_type, "summed confidence",
                             reports, lambda r: r.event.event_type),
        "sub_event_type": _entry("sub_event_type", t_rep, merged.sub_event_type,
                                 "summed confidence", reports, lambda r: r.event.sub_event_type),
        "date": _entry("date", d_rep, merged.date, "most precise, then most reported",
                       reports, lambda r: r.event.date),
        "location": _entry("location", p_rep, merged.location and merged.location.name,
                           "most precise, then most reported", reports,
                           lambda r: r.event.location and r.event.location.name),
        "fatalities": _entry("fatalities", f_rep, merged.fatalities,
                             "unhedged, exact, most recent report", reports,
                             lambda r: r.event.fatalities),
    }
    for role, rep in roles.items():
        a = getattr(merged, role)
        prov[role] = _entry(role, rep, a and (a.canonical or a.name), "most reported known actor",
                            reports, lambda r, role=role: (getattr(r.event, role) and
                                                           (getattr(r.event, role).canonical
                                                            or getattr(r.event, role).name)))
    out = merged.to_dict()
    out["provenance"] = prov
    out["members"] = [r.event_id for r in reports]
    out["article_count"] = len(sources)
    out["event_count"] = len(reports)
    out["source_list"] = source_rows
    return out


def _precision_of(r: Report | None) -> str | None:
    if r is None:
        return None
    iv = _interval(r.event.date, r.event.time_precision, r.event.date_end)
    return r.event.time_precision or (iv[2] if iv else None)


def _neg_date(d: str | None) -> str:
    """Sort key that puts later ISO dates first (and missing dates last)."""
    if not d:
        return "\uffff"
    return "".join(chr(0x7f - ord(c)) if c.isdigit() else c for c in d)


def merged_event(record: dict[str, Any]) -> Event:
    """The ``Event`` part of a merged record (provenance and counts dropped)."""
    from .records import event_from_dict

    return event_from_dict(record)


__all__ = ["merge_reports", "merged_event"]
