"""Geoparsing: place mentions in a document, resolved to GeoNames entries.

Interface used by the pipeline (keep it stable):

    geoparse(doc, article) -> list[Mention]          # kind="place", data = Place fields + role
    resolve_spans(text, spans, doc=None) -> list[Place | None]   # gold spans given (eval)
    resolve_name(name, context_countries=(), near=None) -> Place | None
    country_place(iso2) -> Place | None
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, replace
from typing import Any, Iterable

from ..models import Article, Mention, Place
from . import geo_rank
from .country_terms import country_term_votes
from .focus import prior_votes
from .gazetteer import TIER_ALT, TIER_ARTICLE, TIER_SKELETON, Candidate, Entry, get_gazetteer
from .geo_rank import ADMIN_WORDS, SETTLEMENT_WORDS
from .geo_roles import about_country, forces_demonym, seat_of_power
from .geo_text import fold

_WORD = re.compile(r"[A-Za-z][\w'\u2019.-]*")
_BEFORE_HINT = re.compile(r"\b(\w+)\s+of\s*$", re.I)  # "province of", "city of"
_AFTER_WORD = re.compile(r"^\s+(\w+)")  # "Jufra district"
_APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(\w+)\b", re.I)  # ", a district"
_QUALIFIER = re.compile(r"^\s*(?:,|\()\s*((?:[A-Z][\w'\u2019.-]*)(?:[ -](?:[A-Z][\w'\u2019.-]*|al|el|de|of))*)")
_SENTENCE_END = re.compile(r"\.\s")
_LANDMARK_END = re.compile(r"\b(?i:square|park|street|avenue|road|market|station|camp|field|base|airport|"
                           r"hospital|university|bridge|stadium|hotel|prison|church|mosque|palace)\W*(?:in|of)?\s*$")
_DIVISION_WORD = re.compile(r"\s+(?:district|province|governorate|countryside|region|county|state)\b", re.I)
_QUAL_PAREN = re.compile(r"^\s*(?:(?i:region|district|province|governorate|state|county|area|town|village|"
                         r"city|township|municipality)\s*)?\(([^()]{2,80})\)")  # also "Zap region (Al Amadiya district)"
# "Hole Camp in Al Hasakeh countryside", "Bayandy village of Munaily district": the division
# a place lies in, written after it
_QUAL_IN = re.compile(r"^\s+(?:(?i:camp|town|village|city|area|neighbou?rhood|suburb|district|"
                      r"region|market|base|field)\s+)?(?:in|of)\s+(?:the\s+)?(?:(?i:rural|central|northern|"
                      r"southern|eastern|western|downtown|greater)\s+)?"
                      r"([A-Z][\w'\u2019.-]*(?:[ -](?:[A-Z][\w'\u2019.-]*|al|el|ez|ad|as|ash|de))*)")
# A name written to qualify the one before it: "Novohnativka, Donetsk", "(Kolofata, Mayo-Sava)"
# names a division, unless the commas run a list ("Kherson, Mykolaiv and Odesa").
_AFTER_PLACE = re.compile(r"(?:[A-Z][\w'\u2019.-]*,|\(|[A-Z][\w'\u2019.-]*\s+\([^()]*,)\s*$")
_LIST_NEXT = re.compile(r"^\s*(?:,\s*[A-Z]|and\b|or\b|&)")
# "Becker and Clay counties", "Sirte, Jufra and Sabha districts"
_PLURAL_KIND = re.compile(r"^(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w'\u2019.-]*){0,4}\s+(\w+)\b")


def _word_hint(w: str | None) -> str | None:
    if not w:
        return None
    w = w.lower()
    if w in ADMIN_WORDS or w.rstrip("s") in ADMIN_WORDS:
        return "admin"
    if w in SETTLEMENT_WORDS:
        return "settlement"
    return None


def context_hints(text: str, start: int, end: int, lookup) -> tuple[tuple[Candidate, ...],
                                                                       str | None]:
    """Qualifiers and type words around a toponym: ("Paris, Texas" -> Texas; "city of X")."""
    before = text[max(0, start - 30):start]
    after = text[end:end + 80]
    typed = geo_rank.split_type_word(text[start:end])  # the span's own type word
    hint = typed[1] if typed else None
    mb = _BEFORE_HINT.search(before) if hint is None else None
    if mb:
        hint = _word_hint(mb.group(1))
    if hint is None:
        ma = _AFTER_WORD.match(after)
        if ma:
            hint = _word_hint(ma.group(1))
    if hint is None:
        ma = _APPOSITION.match(after)
        if ma:
            hint = _word_hint(ma.group(1))
    if hint is None:
        ma = _PLURAL_KIND.match(after)
        if ma and ma.group(1).lower().endswith(("ies", "es", "s")):
            w = ma.group(1).lower()
            hint = _word_hint(w[:-3] + "y" if w.endswith("ies") else w.rstrip("s")) or \
                _word_hint(w[:-2] if w.endswith("es") else w)
    if hint is None and _AFTER_PLACE.search(before) and not _LIST_NEXT.match(after):
        hint = "admin"
    mp = _QUAL_PAREN.match(after)
    names = [p.strip() for p in mp.group(1).split(",")] if mp else []
    if not names:
        mq = _QUALIFIER.match(after)
        if mq and not _LIST_NEXT.match(after[mq.end():]):  # not "Paris, London and Berlin"
            names = [_qualifier_name(mq)]
    division = False  # "... in Al Amadiya district": the name stands for a division
    within = False  # "Hamilton Square in Birkenhead": a landmark in a town
    if not names:
        mq = _QUAL_IN.match(after)
        if mq:
            names = [_qualifier_name(mq)]
            division = _DIVISION_WORD.match(after[mq.end():]) is not None
            within = _LANDMARK_END.search(text[start:end] + after[:mq.start(1)]) is not None
    quals = _qualifier_candidates(names, lookup, division, within)
    if not quals and mp:  # "(Al Amadiya district) of Duhok": the division named after them
        mq = _QUAL_IN.match(after[mp.end():])
        if mq:
            quals = _qualifier_candidates([_qualifier_name(mq)], lookup, False, False)
    return tuple(quals), hint


def _qualifier_name(m: re.Match[str]) -> str:
    """The name a qualifier pattern caught, cut where a sentence ends ("Donetsk. Casualties")."""
    return _SENTENCE_END.split(m.group(1))[0].strip(" .")


def _qualifier_candidates(names: list[str], lookup, division: bool, within: bool) -> list[Candidate]:
    """The divisions (or, for a landmark ``within`` a town, the towns of its dominant country)
    that qualifier names stand for; with ``division`` ("in Al Amadiya district") a town stands
    for its province."""
    quals: list[Candidate] = []
    for n in names[:3]:
        named = geo_rank.split_type_word(n)
        if named and named[1] == "admin":  # "(Muse district)": the division's own name
            n = named[0]
        cands = lookup(n, False)
        town_cc = _dominant_country(cands) if within else None
        for c in cands:
            if c.entry.fclass == "A" or c.entry.fcode == "CONT":
                quals.append(c)
            elif c.entry.fclass == "P" and c.entry.cc == town_cc:
                quals.append(c)  # its country is what counts (``geo_rank._obey_qualifier``)
            elif c.entry.fclass == "P" and (division or fold(c.entry.admin1) == fold(c.entry.name)):
                # "Al Hasakeh" names the city and the province it heads, "Al Amadiya district"
                # a district the gazetteer lacks around a town it has: as a qualifier, the
                # province (which the spelling may not reach: Al-Hasakah Governorate)
                div = get_gazetteer().admin1(c.entry.cc, c.entry.admin1_code)
                if div is not None:
                    quals.append(Candidate(div, c.tier))
    return quals


def _dominant_country(cands: Iterable[Candidate]) -> str | None:
    """The country of the most populous town of a name, if it is ten times any namesake abroad
    (Birkenhead, England; not Hanover)."""
    towns = sorted((c.entry for c in cands if c.entry.fclass == "P"), key=lambda e: -e.population)
    if not towns:
        return None
    abroad = max((e.population for e in towns if e.cc != towns[0].cc), default=0)
    return towns[0].cc if towns[0].population >= 10 * abroad else None


def _place_data(e: Entry | None, written: str, confidence: float) -> dict[str, Any]:
    if e is None:
        p = Place(name=written, confidence=0.0, mention=written)
    else:
        p = e.to_place(mention=written, confidence=round(confidence, 3))
    d = asdict(p)
    d.pop("mention", None)
    return d


def _variants(text: str) -> Iterable[str]:
    """Other ways to look a span up when it is not found as written."""
    t = text.strip()
    yield t
    for suffix in ("'s", "\u2019s"):
        if t.endswith(suffix):
            yield t[: -len(suffix)]
    if t.lower().startswith("the "):
        yield t[4:]
    if t.isupper() and len(t) > 4:
        yield t.title()


def candidates_for(text: str, embedded: bool = False) -> tuple[Candidate, ...]:
    """Gazetteer candidates for a name as written.

    With ``embedded``, a name not found whole is searched for a place inside it: "Dubai
    World Cup", "University of California", "Sokoto State" (longest part first, leftmost).
    """
    gaz = get_gazetteer()
    fuzzy = text[:1].isupper()  # a lower-case word is not a transliterated name
    for v in _variants(text):
        c = gaz.lookup(v, fuzzy)
        # Loose (skeleton) matches must still look like the name: Jufra ~ Al Jufrah, but
        # 'library' is not Labruyere.
        c = tuple(x for x in c if x.tier != TIER_SKELETON
                  or geo_rank.name_similarity(v, x.entry) >= 0.75)
        if c:
            return c[:40]
    # "Khost district", "Province of Idleb": the name without its type word.
    typed = geo_rank.split_type_word(text)
    if typed:
        c = candidates_for(typed[0])
        if c:
            return c
    if " - " in text:  # "Seoul City - Jongno": ACLED's "city - district" form; the city
        c = candidates_for(text.split(" - ")[0])
        if c:
            return c
    if embedded:
        return _embedded_candidates(text)
    return ()


def _embedded_candidates(text: str) -> tuple[Candidate, ...]:
    from ..nlp.places import STOP

    gaz = get_gazetteer()
    words = text.split()
    if len(words) < 2 or len(words) > 12:
        return ()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i:i + n]).strip(",.;:()")
            if not part[:1].isupper() or (n == 1 and (part.lower() in STOP or len(part) < 2)):
                continue
            c = tuple(Candidate(x.entry, TIER_ARTICLE) for x in gaz.lookup(part, False)
                      if x.tier != TIER_SKELETON)
            # Only names that stand for a large unit are trusted inside another name: the
            # "Carnegie" of "Carnegie Library" is not the hamlet of Carnegie.
            if any(x.entry.is_country or x.entry.fcode in ("CONT", "ADM1", "RGN")
                   or x.entry.population >= 100_000 for x in c):
                return c[:40]
    return ()


def build_mentions(text: str, spans: list[tuple[int, int]]) -> list[geo_rank.Mention]:
    gaz = get_gazetteer()
    out = []
    for s, e in spans:
        written = text[s:e]
        cands = candidates_for(written, embedded=True)
        quals, hint = context_hints(text, s, e, gaz.lookup)
        # Lower-case spans (common nouns) barely count towards the article's focus.
        weight = 1.0 if written[:1].isupper() else 0.1
        out.append(geo_rank.Mention(written, s, e, cands, quals, hint, weight=weight))
    return out


def _fallback(mentions: list[geo_rank.Mention]) -> Entry | None:
    """The document's main place: where a name we cannot find most likely lies.

    Votes go up the hierarchy (town -> its division -> its country), so the division most of
    the article's places lie in wins; then its most mentioned town, else the division itself.
    """
    gaz = get_gazetteer()
    country: Counter = Counter()
    division: Counter = Counter()
    towns: Counter = Counter()
    entries: dict[int, Entry] = {}
    for m in mentions:
        if m.choice is None or m.weight < 0.5:
            continue
        e, w = m.choice.entry, 0.5 + m.confidence
        entries[e.id] = e
        if e.cc:
            country[e.cc] += w
        if e.admin1_code and not e.is_country:
            division[(e.cc, e.admin1_code)] += w
        if e.fclass == "P" or e.fcode == "ADM2":
            towns[e.id] += w
    if not country:
        return None
    cc = country.most_common(1)[0][0]
    divs = [(k, v) for k, v in division.most_common() if k[0] == cc]
    if not divs:
        return gaz.country(cc)
    div = divs[0][0]
    in_div = [(g, v) for g, v in towns.most_common() if entries[g].cc == div[0]
              and entries[g].admin1_code == div[1]]
    if in_div:
        return entries[in_div[0][0]]
    return gaz.admin1(*div) or gaz.country(cc)


def resolve_spans(text: str, spans: list[tuple[int, int]], doc: Any = None) -> list[Place | None]:
    """Resolve given spans (the 'resolution' setting): one Place or None per span."""
    spans = [(int(s), int(e)) for s, e in spans]
    mentions = build_mentions(text, spans)
    geo_rank.rank(mentions)
    fb = _fallback(mentions)
    out: list[Place | None] = []
    for m in mentions:
        if m.choice is not None:
            out.append(m.choice.entry.to_place(mention=m.text, confidence=round(m.confidence, 3)))
        elif fb is not None:
            # Not in the gazetteer (a street, a hamlet): placed at the article's main place,
            # flagged by geonameid None and a low confidence.
            p = fb.to_place(mention=m.text, confidence=0.05)
            p.name, p.geonameid = m.text, None
            out.append(p)
        else:
            out.append(None)
    return out


def resolve_name(name: str, context_countries: Iterable[str] = (),
                 near: tuple[float, float] | None = None) -> Place | None:
    """Best place for a bare name, preferring the given countries and a nearby point."""
    cands = candidates_for(name)
    if not cands:
        return None
    m = geo_rank.Mention(name, 0, len(name), cands)
    votes = Counter({cc.upper(): 1.0 for cc in context_countries if cc})
    focus = geo_rank.Focus(votes, Counter(), [(near[0], near[1], "")] if near else [])
    siblings: dict[str, list[Candidate]] = {}
    for c in cands:
        siblings.setdefault(fold(c.entry.name), []).append(c)
    sc = [geo_rank.score(m, c, focus, siblings) for c in cands]
    i, conf = geo_rank._softmax_top(sc)
    return cands[i].entry.to_place(mention=name, confidence=round(conf, 3))


def country_place(iso2: str) -> Place | None:
    """A country's centroid (geo_precision 'country')."""
    e = get_gazetteer().country(iso2 or "")
    return e.to_place(confidence=1.0) if e else None


def at_seat(place: Place) -> Place:
    """A division or country located by the town that stands for it, as ACLED codes an event
    known only to a province or district (geo-precision 3: the capital's coordinates). The
    name and geo_precision still say how little is known; only lat/lon move."""
    e = get_gazetteer().get(place.geonameid) if place.geonameid else None
    if e is None or not (e.is_country or e.fcode in ("ADM1", "ADM2")):
        return place
    seat = get_gazetteer().seat(e.cc, "" if e.is_country else e.admin1_code,
                                e.admin2 if e.fcode == "ADM2" else "")
    if seat is None:
        return place
    return replace(place, lat=seat.lat, lon=seat.lon)


def geoparse(doc: Any, article: Article) -> list[Mention]:
    """All place mentions of an article, resolved in context (see module doc)."""
    from ..nlp.places import detect_places
    from .geo_roles import byline_places, dateline_span, role_for

    text = article.text
    found = detect_places(doc, text)
    gaz = get_gazetteer()
    topo = [f for f in found if f.kind != "demonym"]
    mentions = []
    for f in topo:
        quals, hint = context_hints(text, f.start, f.end, gaz.lookup)
        weight = f.weight  # its vote in the focus
        if seat_of_power(text, f.start) or (about_country(text, f.start, f.end) and any(
                c.entry.is_country and c.tier <= TIER_ALT for c in f.candidates)):
            weight = 0.0  # "the regime in Minsk", "against the invasion of Ukraine": not the scene
        mentions.append(geo_rank.Mention(f.text, f.start, f.end, f.candidates, quals, hint,
                                         weight=weight))
    votes: Counter = prior_votes(article)  # the collection's focus, if any (resolve/focus.py)
    votes.update({cc: 0.5 * w for cc, w in country_term_votes(text).items()})  # "upazila": Bangladesh
    for f in found:
        if f.kind == "demonym" and f.candidates and not forces_demonym(text, f.end):
            # not "Russian forces": armed forces fight abroad, their nationality says little
            votes[f.candidates[0].entry.cc] += 0.5
    geo_rank.rank(mentions, votes)
    dl = dateline_span(text)
    out: list[Mention] = []
    by_start = {m.start: m for m in mentions}
    for f in found:
        if f.kind == "demonym":
            e = f.candidates[0].entry if f.candidates else None
            out.append(Mention(kind="place", start=f.start, end=f.end, text=f.text,
                               label=f.label, role="demonym", data=_place_data(e, f.text, 0.9)))
            continue
        m = by_start[f.start]
        e = m.choice.entry if m.choice else None
        role = "dateline" if dl and dl[0] <= f.start < dl[1] else role_for(text, f.start, f.end)
        if e is not None and e.is_country and forces_demonym(text, f.end):
            role = "demonym"  # "a US military patrol": the forces' nationality, as "Russian forces"
        out.append(Mention(kind="place", start=f.start, end=f.end, text=f.text, label=f.label,
                           role=role, data=_place_data(e, f.text, m.confidence)))
    focus_cc = _country_focus(out, text)
    for name in byline_places(article.byline or ""):
        p = resolve_name(name)
        data = asdict(p) if p else asdict(Place(name=name))
        data.pop("mention", None)
        out.append(Mention(kind="place", start=-1, end=-1, text=name, label="GPE",
                           role="byline", data=data))
    for m in out:
        if focus_cc:
            m.data["country_focus"] = focus_cc
    out.sort(key=lambda m: (m.start < 0, m.start))
    return out


def _country_focus(mentions: list[Mention], text: str) -> str | None:
    c: Counter = Counter()
    for m in mentions:
        cc = m.data.get("country_code")
        if cc and m.role in ("event", "mention", "dateline"):
            c[cc] += 1.0
        elif cc and m.role == "demonym":
            c[cc] += 0.1 if forces_demonym(text, m.end) else 0.5
    return c.most_common(1)[0][0] if c else None
