"""Order-independent clustering of reports into events.

Candidate pairs come from blocking (same country or unknown country, date intervals within
reach). Pairs that pass ``decide`` are taken strongest first (ties broken by the ids), and two
groups join only when every cross pair is hard-compatible and no analyst split separates
them. The result depends only on the set of reports and splits, never on the order they
arrived in; a cluster's id is its smallest member id.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Iterable

from .compat import DAY_TOLERANCE, date_interval, decide, hard_compatible
from .records import Report


def candidate_pairs(reports: list[Report]) -> Iterable[tuple[Report, Report]]:
    """Pairs worth scoring: same (or unknown) country and date intervals within tolerance."""
    by_country: dict[str | None, list[Report]] = defaultdict(list)
    for r in reports:
        loc = r.event.location
        by_country[(loc.country_code or "").upper() or None if loc else None].append(r)
    unknown = by_country.pop(None, [])
    tol = timedelta(days=DAY_TOLERANCE)
    seen: set[tuple[str, str]] = set()
    groups = [rs + unknown for rs in by_country.values()] or [unknown]
    for group in groups:
        dated = []
        undated = []
        for r in group:
            iv = date_interval(r)
            (dated if iv else undated).append((iv, r))
        dated.sort(key=lambda x: (x[0][0], x[1].event_id))
        # sweep: only pairs whose intervals come within the tolerance
        for i, (ia, ra) in enumerate(dated):
            for ib, rb in dated[i + 1:]:
                if ib[0] - tol > ia[1]:  # sorted by start: no later one can reach ra
                    break
                yield from _once(ra, rb, seen)
        for _, ra in undated:
            for _, rb in dated + undated:
                if ra is not rb:
                    yield from _once(ra, rb, seen)


def _once(a: Report, b: Report, seen: set[tuple[str, str]]):
    key = (a.event_id, b.event_id) if a.event_id < b.event_id else (b.event_id, a.event_id)
    if key not in seen:
        seen.add(key)
        yield (a, b) if key[0] == a.event_id else (b, a)


def cluster_reports(reports: list[Report], cannot_link: set[frozenset[str]] | None = None
                    ) -> dict[str, list[str]]:
    """{cluster id: sorted member ids}; every report lands in exactly one cluster."""
    cannot_link = cannot_link or set()
    by_id = {r.event_id: r for r in reports}
    scored = []
    for a, b in candidate_pairs(reports):
        if frozenset((a.event_id, b.event_id)) in cannot_link:
            continue
        d = decide(a, b)
        if d.merge:
            scored.append((-d.score, a.event_id, b.event_id))
    scored.sort()

    members: dict[str, set[str]] = {i: {i} for i in by_id}
    owner: dict[str, str] = {i: i for i in by_id}
    compat_cache: dict[tuple[str, str], bool] = {}

    def compatible(x: str, y: str) -> bool:
        key = (x, y) if x < y else (y, x)
        if key not in compat_cache:
            compat_cache[key] = (frozenset(key) not in cannot_link
                                 and hard_compatible(by_id[key[0]], by_id[key[1]])[0])
        return compat_cache[key]

    for _, x, y in scored:
        gx, gy = owner[x], owner[y]
        if gx == gy:
            continue
        mx, my = members[gx], members[gy]
        if not all(compatible(p, q) for p in mx for q in my):
            continue
        keep, drop = (gx, gy) if len(mx) >= len(my) else (gy, gx)
        members[keep] |= members[drop]
        for m in members[drop]:
            owner[m] = keep
        del members[drop]

    return {min(ms): sorted(ms) for ms in members.values()}
