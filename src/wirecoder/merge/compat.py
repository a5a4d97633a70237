"""Pairwise merge rules: can two reports describe the same occurrence, and how alike are they?

Two layers, both pure functions of two reports:

* ``hard_compatible``: necessary conditions. Type compatible, dates overlapping at their
  precision, places within a distance set by the coarser geo precision, actors compatible
  (same canonical or one unknown), tolls not contradictory, different articles. Clustering requires these for EVERY
  pair inside a cluster (complete link), so one loose chain cannot glue distinct events.
* ``similarity``: a score in [0, 1] that says how much evidence supports "same event" (evidence
  wording, exact date/place/actor/fatality agreement). A pair merges when it is compatible and
  its score reaches the threshold.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from anyascii import anyascii

from ..models import Actor, Place
from .records import Report

# -- types -----------------------------------------------------------------------------------

# Sub-types that different reporters (or the coder) plausibly use for the same occurrence.
# Written from the ACLED codebook definitions: a clash one report calls an attack, a bombing
# first reported as an IED and later as a suicide bombing, shelling vs an air strike when the
# weapon is unclear, a protest whose policing is reported by only some outlets.
COMPATIBLE_SUBTYPES: tuple[frozenset[str], ...] = (
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Armed clash", "Attack"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
               "Violent demonstration"}),
    frozenset({"Violent demonstration", "Mob violence"}),
    frozenset({"Attack", "Mob violence"}),
    frozenset({"Attack", "Abduction/forced disappearance"}),
)

# Types whose actor roles are symmetric (side A vs side B): a swap is not a conflict.
SYMMETRIC_TYPES = {"Battles", "Riots"}


def types_compatible(a: Report, b: Report) -> bool:
    ea, eb = a.event, b.event
    sa, sb = ea.sub_event_type or "", eb.sub_event_type or ""
    if sa and sb:
        if sa == sb:
            return True
        return any(sa in g and sb in g for g in COMPATIBLE_SUBTYPES)
    return (ea.event_type or "") == (eb.event_type or "")


# -- dates -----------------------------------------------------------------------------------

DAY_TOLERANCE = 1  # reports disagree by a day (time zones, "overnight", "on Tuesday" vs filing day)
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))


@lru_cache(maxsize=65536)
def _interval(d: str | None, precision: str | None, d_end: str | None) -> tuple[date, date, str] | None:
    if not d:
        return None
    m = _DATE_RE.match(d)
    if not m:
        return None
    try:
        y = int(m.group(1))
        if m.group(3):
            lo = hi = date(y, int(m.group(2)), int(m.group(3)))
            prec = precision if precision in PRECISION_RANK else "day"
        elif m.group(2):
            mo = int(m.group(2))
            lo, hi, prec = date(y, mo, 1), _month_end(y, mo), "month"
        else:
            lo, hi, prec = date(y, 1, 1), date(y, 12, 31), "year"
        if prec == "week" and lo == hi:
            lo, hi = lo - timedelta(days=3), hi + timedelta(days=3)
        elif prec == "month" and lo == hi:
            lo, hi = lo.replace(day=1), _month_end(lo.year, lo.month)
        elif prec == "year" and lo == hi:
            lo, hi = date(lo.year, 1, 1), date(lo.year, 12, 31)
        if d_end:
            e = _interval(d_end, None, None)
            if e and e[1] > hi:
                hi = e[1]
    except ValueError:
        return None
    return lo, hi, prec


def date_interval(r: Report) -> tuple[date, date, str] | None:
    """(first day, last day, precision) the report's date can mean; None when undated."""
    e = r.event
    return _interval(e.date, e.time_precision, e.date_end)


def dates_compatible(a: Report, b: Report) -> bool:
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return True  # unknown date: decided by the other fields and the score
    tol = timedelta(days=DAY_TOLERANCE)
    return ia[0] - tol <= ib[1] and ib[0] - tol <= ia[1]


def date_score(a: Report, b: Report) -> float:
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return 0.3
    if ia[2] == ib[2] == "day":
        gap = abs((ia[0] - ib[0]).days)
        return 1.0 if gap == 0 else 0.4 if gap <= DAY_TOLERANCE else 0.0
    # overlap at a coarse precision: weak support, the coarser the weaker
    coarse = max(PRECISION_RANK.get(ia[2], 3), PRECISION_RANK.get(ib[2], 3))
    return {1: 0.6, 2: 0.4}.get(coarse, 0.25)


# -- places ----------------------------------------------------------------------------------

GEO_RANK = {"point": 0, "town": 1, "district": 2, "region": 3, "country": 4}
# Max distance between two reported locations of one event, by the coarser precision.
DISTANCE_KM = {"point": 25.0, "town": 25.0, "district": 100.0, "region": 300.0}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _precision(p: Place) -> str:
    if p.geo_precision in GEO_RANK:
        return p.geo_precision
    return "town" if p.lat is not None else "country"


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", anyascii(s or "").lower()).strip()


def place_match(a: Report, b: Report) -> tuple[bool, float]:
    """(compatible, closeness in [0, 1]) of the two reported locations."""
    pa, pb = a.event.location, b.event.location
    if pa is None or pb is None:
        return True, 0.2
    ca, cb = (pa.country_code or "").upper(), (pb.country_code or "").upper()
    if ca and cb and ca != cb:
        return False, 0.0
    if pa.geonameid and pa.geonameid == pb.geonameid:
        return True, 1.0
    prec = max(_precision(pa), _precision(pb), key=GEO_RANK.__getitem__)
    if prec == "country":  # one report only knows the country: compatible, weakly
        return (True, 0.3) if (ca and ca == cb) or not (ca and cb) else (False, 0.0)
    if None not in (pa.lat, pa.lon, pb.lat, pb.lon):
        d = haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)
        limit = DISTANCE_KM[prec]
        if d > limit:
            return False, 0.0
        return True, max(0.3, 1.0 - d / limit)
    if _norm(pa.name) and _norm(pa.name) == _norm(pb.name):
        return True, 0.9
    if pa.admin1 and _norm(pa.admin1) == _norm(pb.admin1):
        return True, 0.3
    return False, 0.0


# -- actors ----------------------------------------------------------------------------------

_UNKNOWN = re.compile(r"^(unidentified|unknown|unnamed|gunmen|armed men|assailants|attackers)\b")


def actor_key(a: Actor | None) -> str | None:
    """Comparable key of an actor; None when the actor is unknown or generic."""
    if a is None:
        return None
    k = _norm(a.canonical or a.name)
    k = re.sub(r"^the ", "", k)
    if not k or _UNKNOWN.match(k):
        return None
    return k


def _role_ok(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def actor_match(a: Report, b: Report) -> tuple[bool, float]:
    """(compatible, share of known actors that agree). Roles may swap for symmetric types."""
    ea, eb = a.event, b.event
    a1, a2, b1, b2 = (actor_key(ea.actor1), actor_key(ea.actor2),
                      actor_key(eb.actor1), actor_key(eb.actor2))
    straight = _role_ok(a1, b1) and _role_ok(a2, b2)
    swapped = (ea.event_type in SYMMETRIC_TYPES and eb.event_type in SYMMETRIC_TYPES
               and _role_ok(a1, b2) and _role_ok(a2, b1))
    if not (straight or swapped):
        return False, 0.0
    pairs = [(a1, b1), (a2, b2)] if straight else [(a1, b2), (a2, b1)]
    known = [(x, y) for x, y in pairs if x is not None and y is not None]
    if not known:
        return True, 0.3
    return True, sum(x == y for x, y in known) / len(known) if known else 0.3


# -- evidence text ---------------------------------------------------------------------------

_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been
being has have had it its this that these those their they them he she his her who which what
when where while after before said says say told according also than then there here into over
about against amid near not no more most some any all other others one two three four five six
seven eight nine ten would could may might will can least at per new last week month year day
monday tuesday wednesday thursday friday saturday sunday""".split())
_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def _tokens(text: str) -> frozenset[str]:
    out = set()
    for t in _TOKEN.findall(anyascii(text).lower()):
        if t in _STOP or len(t) < 2:
            continue
        # crude stemming: enough to match killed/killing, bombs/bombing across wordings
        for suf in ("ings", "ing", "ed", "es", "s"):
            if len(t) > len(suf) + 3 and t.endswith(suf):
                t = t[: -len(suf)]
                break
        out.add(t)
    return frozenset(out)


def evidence_tokens(r: Report) -> frozenset[str]:
    ev = r.evidence or r.event.evidence
    texts = sorted({e.text for e in ev if e.text})
    return _tokens(" ".join(texts))


def text_similarity(a: Report, b: Report) -> float:
    """Dice coefficient of the content words of the two reports' evidence sentences."""
    ta, tb = evidence_tokens(a), evidence_tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _approx_toll(r: Report) -> bool:
    f = r.event.fatalities
    return any(q.approximate for q in r.event.quantities if q.value == f)


def tolls_conflict(a: Report, b: Report) -> bool:
    """Two tolls that cannot describe one event: far apart, and not explained by a later
    report revising the count upwards (tolls grow as bodies are counted, rarely shrink)."""
    fa, fb = a.event.fatalities, b.event.fatalities
    if fa is None or fb is None or fa == fb:
        return False
    (lo_r, lo), (hi_r, hi) = sorted(((a, fa), (b, fb)), key=lambda x: x[1])
    if (hi_r.publication_date or "") > (lo_r.publication_date or ""):
        return False  # the higher toll came later: a revision
    ratio = 3.0 if (_approx_toll(a) or _approx_toll(b)) else 1.5  # "dozens", "at least": loose
    return hi > ratio * lo + 2


def fatality_score(a: Report, b: Report) -> float:
    fa, fb = a.event.fatalities, b.event.fatalities
    if fa is None or fb is None:
        return 0.5
    if fa == fb:
        return 1.0
    lo, hi = sorted((fa, fb))
    # early and later tolls of one event differ; an order of magnitude apart rarely is one event
    return 0.6 if hi <= max(2 * lo, lo + 5) else 0.1


# -- decision --------------------------------------------------------------------------------

THRESHOLD = 0.5
WEIGHTS = {"text": 0.30, "type": 0.10, "date": 0.15, "place": 0.20, "actor": 0.15,
           "fatalities": 0.10}


@dataclass(frozen=True)
class PairDecision:
    compatible: bool
    score: float
    reason: str = ""

    @property
    def merge(self) -> bool:
        return self.compatible and self.score >= THRESHOLD


def hard_compatible(a: Report, b: Report) -> tuple[bool, str]:
    if a.article_id == b.article_id:
        return False, "same article"  # one article's distinct events are the coder's call
    if "rejected" in (a.review_status, b.review_status):
        return False, "rejected"
    if not types_compatible(a, b):
        return False, "type"
    if not dates_compatible(a, b):
        return False, "date"
    if not place_match(a, b)[0]:
        return False, "place"
    if not actor_match(a, b)[0]:
        return False, "actor"
    if tolls_conflict(a, b):
        return False, "fatalities"
    return True, ""


def decide(a: Report, b: Report) -> PairDecision:
    """Symmetric: decide(a, b) == decide(b, a)."""
    ok, why = hard_compatible(a, b)
    if not ok:
        return PairDecision(False, 0.0, why)
    same_sub = (a.event.sub_event_type or "") == (b.event.sub_event_type or "")
    parts = {
        "text": text_similarity(a, b),
        "type": 1.0 if same_sub else 0.4,
        "date": date_score(a, b),
        "place": place_match(a, b)[1],
        "actor": actor_match(a, b)[1],
        "fatalities": fatality_score(a, b),
    }
    score = sum(WEIGHTS[k] * v for k, v in parts.items())
    return PairDecision(True, round(score, 6), "")
