"""Candidate ranking for toponyms in one document.

Each mention's GeoNames candidates are scored by a prior (feature type, population, how the
name matched) plus document context: the article's country focus (from all its mentions),
its first-level division focus, explicit qualifiers ("Paris, Texas", "province of X") and
nearness to the other places of the article. Two passes: the first, context-free, gives the
focus; the second ranks with it.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import (TIER_ALT, TIER_ARTICLE, TIER_CASE, TIER_NAME, TIER_SKELETON, Candidate,
                        Entry)
from .geo_text import fold, strip_article

ADMIN_WORDS = {"province", "district", "governorate", "region", "state", "county", "parish",
               "department", "prefecture", "oblast", "municipality", "wilaya", "division",
               "territory", "commune", "emirate"}
SETTLEMENT_WORDS = {"city", "town", "village", "capital", "port", "oasis", "suburb", "hamlet",
                    "township"}

_TYPE_SUFFIX = re.compile(r"^(.+?)\s+(\w+)$")
_TYPE_PREFIX = re.compile(r"^(\w+)\s+of\s+(.+)$", re.I)


def split_type_word(name: str) -> tuple[str, str] | None:
    """("Khost district") -> ("Khost", "admin"); "Province of Idleb" likewise; else None.

    The type word is a feature-type hint: a district or province is an admin division.
    """
    name = name.strip()
    m = _TYPE_SUFFIX.match(name)
    if m and m.group(1)[:1].isupper():
        w = m.group(2).lower()
        if w in ADMIN_WORDS:
            return m.group(1).strip(" ,"), "admin"
        if w in SETTLEMENT_WORDS:
            return m.group(1).strip(" ,"), "settlement"
    m = _TYPE_PREFIX.match(name)
    if m and m.group(2)[:1].isupper():
        w = m.group(1).lower()
        if w in ADMIN_WORDS:
            return m.group(2).strip(), "admin"
        if w in SETTLEMENT_WORDS:
            return m.group(2).strip(), "settlement"
    return None


EXACT_TOWN = 20_000  # a town this size, named as written, outranks another place's alternate name
_TIER_COST = {TIER_NAME: 0.0, TIER_CASE: 0.0, TIER_ALT: 0.5, TIER_ARTICLE: 0.6,
              TIER_SKELETON: 0.8}


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _lev(a: str, b: str) -> int:
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def name_similarity(written: str, entry: Entry) -> float:
    a = fold(written)
    a = strip_article(a) or a
    b = fold(entry.name)
    b = strip_article(b) or b
    if not a or not b:
        return 0.0
    return 1.0 - _lev(a, b) / max(len(a), len(b))


def prior(c: Candidate, written: str) -> float:
    e = c.entry
    if e.fcode == "CONT":
        s = 3.2
    elif e.is_country:
        s = 3.0
    elif e.fcode == "ADM1":
        s = 1.4 + 0.3 * math.log10(e.population + 10) / 7
    elif e.fcode == "ADM2":
        s = 0.9 + 0.3 * math.log10(e.population + 10) / 7
    elif e.fclass == "P":
        s = 2.2 * math.log10(e.population + 10) / 7
        # World cities are the default reading of their name (Moscow, Paris), even in an
        # article otherwise about another country.
        s += 0.8 if e.population >= 1_000_000 else 0.4 if e.population >= 300_000 else 0.0
    elif e.fcode in ("RGN", "PEN"):  # named regions (Middle East, Sinai)
        s = 2.2
    else:
        s = 1.2
    s -= _TIER_COST.get(c.tier, 0.5)
    if c.tier == TIER_SKELETON:
        s -= 3.0 * (1.0 - name_similarity(written, e))
    return s


@dataclass
class Mention:
    """A toponym to resolve: its text, offsets and the qualifiers found around it."""

    text: str
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    qualifier: tuple[Candidate, ...] = ()  # "Paris, Texas": Texas's candidates
    kind_hint: str | None = None  # "admin" | "settlement" from words around it
    weight: float = 1.0  # its vote in the country focus
    choice: Candidate | None = None
    country_named: bool = False  # the name as written is a country's or continent's name
    confidence: float = 0.0
    scores: list[float] = field(default_factory=list)


@dataclass
class Focus:
    """Where the article is about, from its mentions' current choices.

    Shares leave out the mention being scored (all mentions of the same name): an ambiguous
    name repeated five times must not vote itself into its most populous reading.
    """

    countries: Counter
    admin1: Counter
    points: list[tuple[float, float, str]]  # confident places: lat, lon, folded name
    own: dict[str, tuple[Counter, Counter]] = field(default_factory=dict)

    def _share(self, counter: Counter, own: Counter | None, key) -> float:
        tot = sum(counter.values()) - (sum(own.values()) if own else 0.0)
        if tot <= 1e-9:
            return 0.0
        return max(0.0, counter.get(key, 0.0) - (own.get(key, 0.0) if own else 0.0)) / tot

    def country_share(self, cc: str, name: str = "") -> float:
        own = self.own.get(name)
        return self._share(self.countries, own[0] if own else None, cc)

    def admin1_share(self, cc: str, code: str, name: str = "") -> float:
        own = self.own.get(name)
        return self._share(self.admin1, own[1] if own else None, (cc, code))


def _contains(outer: Entry, inner: Entry) -> bool:
    if outer.id == inner.id:
        return False
    if outer.is_country or outer.fcode == "CONT":
        return bool(inner.cc) and inner.cc == outer.cc
    if outer.fcode == "ADM1":
        return inner.cc == outer.cc and inner.admin1_code == outer.admin1_code
    if outer.fcode == "ADM2":
        return inner.cc == outer.cc and inner.admin2 == outer.admin2
    return False


def score(m: Mention, c: Candidate, focus: Focus | None, siblings: dict[str, list[Candidate]]
          ) -> float:
    e = c.entry
    s = prior(c, m.text)
    if m.kind_hint == "admin" and e.fclass == "A":
        s += 1.2
    elif m.kind_hint == "settlement" and e.fclass == "P":
        s += 0.8
    # An admin unit named after its main town ("Tripoli", "Misratah") is meant as the town
    # unless the text says province/district.
    if e.is_admin and m.kind_hint != "admin":
        for o in siblings.get(fold(e.name), ()):
            if o.entry.fclass == "P" and o.entry.cc == e.cc and \
                    o.entry.admin1_code == e.admin1_code:
                s -= 1.2
                break
    if c.tier in (TIER_ALT, TIER_ARTICLE) and any(
            o.tier == TIER_NAME and o.entry.population >= min(100_000, max(EXACT_TOWN, e.population / 50))
            for o in m.candidates) \
            and not any(o.tier == TIER_NAME and o.entry.cc == e.cc for o in m.candidates):
        # "Islamabad" is the city of that name, not Chattogram's old alternate name; "Valence"
        # the French town, not Valencia; but "Calcutta" is still Kolkata, not a small namesake
        s -= 1.0
    qualified = bool(m.qualifier) and any(_contains(q.entry, e) for q in m.qualifier)
    if qualified:
        s += 3.0
    me = fold(m.text)
    d = 1e9  # km to the nearest confident place of the article
    if focus is not None and focus.points and not e.is_country and e.fcode != "CONT":
        d = min((km(e.lat, e.lon, la, lo) for la, lo, n in focus.points if n != me), default=1e9)
    if not qualified and m.country_named and not (e.is_country or e.fcode in ("CONT", "ADM1")):
        # "China" is the country, not China, Maine, unless the text qualifies it or the
        # article's other places lie around the town (Lebanon, PA in a story about its
        # county); the article's country focus alone must not outweigh it. (A state named like
        # a country, Georgia, is left to the article's focus.)
        s -= 1.0 if d < 100 else 3.5
    if focus is not None and e.cc:
        s += 2.5 * focus.country_share(e.cc, me)
        if not e.is_country and e.admin1_code:
            s += 1.2 * focus.admin1_share(e.cc, e.admin1_code, me)
        s += 0.9 if d < 50 else 0.6 if d < 200 else 0.3 if d < 500 else 0.0
    return s


def _softmax_top(scores: list[float]) -> tuple[int, float]:
    best = max(range(len(scores)), key=scores.__getitem__)
    mx = scores[best]
    z = sum(math.exp(s - mx) for s in scores)
    return best, 1.0 / z


def rank(mentions: list[Mention], extra_votes: Counter | None = None) -> None:
    """Choose a candidate for every mention in place (choice, confidence)."""
    for m in mentions:
        m.country_named = any((c.entry.is_country or c.entry.fcode == "CONT") and
                              c.tier in (TIER_NAME, TIER_CASE) for c in m.candidates)
    siblings: dict[str, list[Candidate]] = {}
    for m in mentions:
        for c in m.candidates:
            siblings.setdefault(fold(c.entry.name), []).append(c)
    # Pass 1: context-free, but already using qualifiers.
    for m in mentions:
        _choose(m, None, siblings)
    for _ in range(2):
        focus = _focus(mentions, extra_votes)
        for m in mentions:
            _choose(m, focus, siblings)
    for m in mentions:
        if m.choice is not None and not _loose_ok(m, m.choice, focus):
            _drop_loose(m, focus)
        if m.choice is not None and m.qualifier:
            _obey_qualifier(m)
    _settle_qualifiers(mentions)


def _choose(m: Mention, focus: Focus | None, siblings: dict[str, list[Candidate]]) -> None:
    if not m.candidates:
        return
    sc = [score(m, c, focus, siblings) for c in m.candidates]
    i, conf = _softmax_top(sc)
    m.choice, m.confidence, m.scores = m.candidates[i], conf, sc
    if m.qualifier:  # before it votes in the focus: a namesake abroad must not pull the rest
        _obey_qualifier(m)


def big_exact(c: Candidate) -> bool:
    """A city this large, named as written, is more likely meant than a qualifier misread
    ("Bogota, D.C.")."""
    return c.tier == TIER_NAME and c.entry.population >= 100_000


def _obey_qualifier(m: Mention) -> None:
    """The text says which country the place is in ("Hole Camp in Al Hasakeh", "Kakani
    (Nuwakot, Bagmati)"): a reading outside every qualifier's country gives way to one inside,
    or to none (the place is missing from the gazetteer, and the qualifier will stand for it),
    unless it is a ``big_exact`` city."""
    e = m.choice.entry
    qcc = {q.entry.cc for q in m.qualifier if q.entry.cc}
    if not qcc or big_exact(m.choice) or e.cc in qcc or any(_contains(q.entry, e) for q in m.qualifier):
        return
    inside = [k for k, c in enumerate(m.candidates) if c.entry.cc in qcc]
    if not inside:
        m.choice, m.confidence = None, 0.0
        return
    i, conf = _softmax_top([m.scores[k] for k in inside])
    m.choice, m.confidence = m.candidates[inside[i]], conf


def _settle_qualifiers(mentions: list[Mention]) -> None:
    """A qualifier reads as the division its place lies in: in "San Jose, San Jose" the
    second name is the Costa Rican province the first (the city) was resolved inside, not
    San Jose, California, which a lone reading of it would pick."""
    by_start = sorted(mentions, key=lambda x: x.start)
    for k, m in enumerate(by_start[:-1]):
        if m.choice is None or not m.qualifier:
            continue
        nxt = by_start[k + 1]
        if nxt.start - m.end > 3:  # ", " or " (" between them
            continue
        for q in m.qualifier:
            if _contains(q.entry, m.choice.entry) and nxt.choice is not None \
                    and nxt.choice.entry.id != q.entry.id \
                    and any(c.entry.id == q.entry.id for c in nxt.candidates):
                nxt.choice = next(c for c in nxt.candidates if c.entry.id == q.entry.id)
                nxt.confidence = max(nxt.confidence, m.confidence)
                break


# A loose (skeleton) match at least this like the written name stands on its own.
LOOSE_SIMILAR = 0.9
LOOSE_NEAR_KM = 1000.0


def _loose_ok(m: Mention, c: Candidate, focus: Focus) -> bool:
    """May a consonant-skeleton match stand? Only if it looks like the name or lies where the
    rest of the article is (its country, or near its places): 'msrt' matches towns on every
    continent, and one mention alone must not pull the article there."""
    if c.tier != TIER_SKELETON or name_similarity(m.text, c.entry) >= LOOSE_SIMILAR:
        return True
    me = fold(m.text)
    own_c = focus.own.get(me, (Counter(), Counter()))[0]
    if sum(focus.countries.values()) - sum(own_c.values()) <= 1e-9:
        return True  # nothing else in the article to agree or disagree with
    e = c.entry
    if e.cc and focus.country_share(e.cc, me) > 0.0:
        return True
    return any(km(e.lat, e.lon, la, lo) < LOOSE_NEAR_KM for la, lo, n in focus.points
               if n != me)


def _drop_loose(m: Mention, focus: Focus) -> None:
    """Best remaining candidate once disagreeing loose matches are set aside (or none)."""
    keep = [k for k, c in enumerate(m.candidates) if _loose_ok(m, c, focus)]
    if not keep:
        m.choice, m.confidence = None, 0.0
        return
    sc = [m.scores[k] for k in keep]
    i, conf = _softmax_top(sc)
    m.choice, m.confidence = m.candidates[keep[i]], conf


def _focus(mentions: list[Mention], extra_votes: Counter | None) -> Focus:
    countries: Counter = Counter(extra_votes or {})
    admin1: Counter = Counter()
    points = []
    own: dict[str, tuple[Counter, Counter]] = {}
    for m in mentions:
        if m.choice is None:
            continue
        e = m.choice.entry
        w = m.weight * (0.3 + 0.7 * m.confidence)
        oc, oa = own.setdefault(fold(m.text), (Counter(), Counter()))
        if e.cc:
            countries[e.cc] += w
            oc[e.cc] += w
        if e.admin1_code and not e.is_country:
            admin1[(e.cc, e.admin1_code)] += w
            oa[(e.cc, e.admin1_code)] += w
        if m.confidence >= 0.6 and not e.is_country and e.fcode != "CONT":
            points.append((e.lat, e.lon, fold(m.text)))
    return Focus(countries, admin1, points, own)
