"""Reports: one article's coded event plus what the merge needs to know about its article.

``event_from_dict`` rebuilds an ``Event`` from the ``record`` JSON the store keeps, so the
merge works on the same dataclasses as every other stage.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ..models import Actor, Attribution, Event, Evidence, Place, Quantity


def _build(cls, d: Any):
    if d is None:
        return None
    if isinstance(d, cls):
        return d
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names})


def event_from_dict(d: dict[str, Any]) -> Event:
    """Inverse of ``Event.to_dict``; unknown keys are ignored so older records still load."""
    names = {f.name for f in fields(Event)}
    kw = {k: v for k, v in d.items() if k in names}
    for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        kw[role] = _build(Actor, kw.get(role))
    kw["location"] = _build(Place, kw.get("location"))
    kw["evidence"] = [_build(Evidence, e) for e in kw.get("evidence") or []]
    kw["quantities"] = [_build(Quantity, q) for q in kw.get("quantities") or []]
    kw["attribution"] = [_build(Attribution, a) for a in kw.get("attribution") or []]
    kw.setdefault("event_type", "")
    kw.setdefault("sub_event_type", "")
    return Event(**kw)


@dataclass
class Report:
    """One event as coded from one article: the unit the merge clusters."""

    event_id: str
    event: Event
    article_id: str
    publication_date: str | None = None
    source_name: str | None = None
    headline: str | None = None
    evidence: list[Evidence] = field(default_factory=list)  # from the evidence table

    @property
    def review_status(self) -> str:
        return self.event.review_status or "auto"

    def evidence_for(self, field_name: str) -> list[Evidence]:
        """Spans supporting one field; falls back to the event's primary sentence."""
        ev = self.evidence or self.event.evidence
        hits = [e for e in ev if e.field == field_name]
        if hits:
            return hits
        return [e for e in ev if e.field == "event"][:1] or ev[:1]
