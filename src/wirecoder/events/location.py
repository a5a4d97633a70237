"""Where an event happened, and in which country.

The geoparser resolves every place mention on its own evidence; a short report often gives it
too little ("Tambila" alone matches a Mexican town by its consonant skeleton). The coder sees
more: the ACLED-style qualifiers "(Bourzanga, Bam)", the other places of the story, the
demonyms and country names ("Burkinabe soldiers", "Military Forces of Mali"), and the home
countries of the named groups. So it decides the story's country first, by weighted votes:

- a place matched by its primary name: 3, by an alternate name: 2.5, a country named as a
  place: 2 (a named country is often the topic: "rallied in Thessaloniki in solidarity with
  Ukraine"), a loose consonant-skeleton match: 0.4, a name used for a person ("president
  Kibaki") or a short acronym ("SUD"): 0.2; one vote per distinct name, times 1.5 when it is
  an administrative qualifier ("(Arizona)", "Malabar, Arima"); places the NER missed count 2
  (1 when the name exists in several countries);
- country names and demonyms written in the text: 1 per country (+0.25 per further word);
  words only one country uses (upazila, woreda, LGA, "the OSCE SMM"; ``resolve.country_terms``): 1;
- a place named as a seat of power or talks ("the regime in Minsk") or as what a protest is
  about ("to denounce the shooting in Oslo") counts 0.3 of its weight;
- a named armed group with a home country (Al Shabaab -> Somalia): 0.8; an ethnic group whose
  militias ACLED codes in one country first: 0.5.

Then the event place: the best-scored place of the event sentence (see ``place_score``).
When it lies outside that country or could not be resolved, it is looked up again inside the
country; failing that, the most specific qualifier that resolves there ("in Tangangari
(Boundore, Yagha)": Boundore, then Yagha), another place of the sentence or of the paragraph's
earlier sentences there, a town of that country named without a place word ("Al Shabaab
attacks Mandera"; ``names_in_country``), and last the country itself (geo_precision
"country"). The returned place is always consistent with the country chosen. A country,
province or district is then located at the town that stands for it (``places.at_seat``: the
capital, else the division's largest town), as ACLED codes events known only to a region.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable, Mapping

from ..models import Mention, Place
from ..nlp.places import STOP
from ..resolve.actors import country_name, country_of_word
from ..resolve.gazetteer import get_gazetteer
from ..resolve.country_terms import country_term_votes
from ..resolve.geo_rank import big_exact, name_similarity
from ..resolve.geo_roles import about_country, seat_of_power, topic_place
from ..resolve.places import context_hints, country_place as gazetteer_country_place

PRECISION_RANK = {"point": 3, "town": 3, "district": 2.5, "region": 2, "country": 1}  # finer first
_TYPE_WORDS = re.compile(
    r"\s+(?:city|town|village|district|province|county|state|region|governorate|municipality|"
    r"township|area|camp|locality|sub-?county|department|commune|prefecture|division|zone|"
    r"neighbou?rhood|settlement|market|suburb|territory|delta|valley|forest|hills?|estate|slum|ward|"
    r"(?:sub-?)?location|constituency|(?:national |game )?(?:reserve|park)|refugee camp)\s*$", re.I)
_PREFIX_WORDS = re.compile(r"^(?:the\s+)?(?:city|town|village|district|province|county|state|region|"
                           r"governorate|municipality)\s+of\s+", re.I)
_CONTINENTS = {"CONT", "RGN"}


# ------------------------------------------------------------------------------- gazetteer access
def name_variants(text: str) -> list[str]:
    """The name itself, then without a type word ("Khost district" -> "Khost")."""
    t = text.strip(" ,.;:()")
    out = [t]
    for pat in (_TYPE_WORDS, _PREFIX_WORDS):
        s = pat.sub("", t).strip()
        if s and s != t and s not in out:
            out.append(s)
    s = _PREFIX_WORDS.sub("", _TYPE_WORDS.sub("", t)).strip()
    if s and s not in out:
        out.append(s)
    if t.lower().startswith("the ") and t[4:] not in out:
        out.append(t[4:])
    return out


@lru_cache(maxsize=50_000)
def _exact_ids(text: str) -> dict[int, int]:
    """GeoNames ids a name matches by name or alternate name (no consonant-skeleton matches),
    with the best match tier of each."""
    gaz = get_gazetteer()
    ids: dict[int, int] = {}

    def add(name: str) -> None:
        for c in gaz.lookup(name, False):
            if c.tier != 3:
                ids[c.entry.id] = min(c.tier, ids.get(c.entry.id, 9))
    try:
        for v in name_variants(text):
            add(v)
        words = text.split()
        if not ids and 1 < len(words) <= 6:  # "Mandera County", "Idleb province": a part names it
            for n in range(len(words) - 1, 0, -1):
                for i in range(len(words) - n + 1):
                    part = " ".join(words[i:i + n]).strip(",.;:()")
                    if part[:1].isupper():
                        add(part)
    except Exception:
        return {}
    return ids


def match_tier(m: Mention) -> int | None:
    """How the mention's resolved place matches its text: 0 name, 1 alternate name, 2 without
    article, 4 case-sensitive short form; None for a loose (skeleton) match or no place."""
    gid = (m.data or {}).get("geonameid")
    if gid is None:
        return None
    return _exact_ids(m.text).get(gid)


def is_exact(m: Mention) -> bool:
    return match_tier(m) is not None


def candidates_in(text: str, cc: str) -> list[Any]:
    """Gazetteer entries for a name inside one country: exact matches first, then loose ones."""
    gaz = get_gazetteer()
    out: list[Any] = []
    try:
        for v in name_variants(text):
            for fuzzy in (False, True):
                if fuzzy and not v[:1].isupper():
                    continue
                for c in gaz.lookup(v, fuzzy):
                    e = c.entry
                    if e.cc != cc or e.fcode in _CONTINENTS:
                        continue
                    if c.tier == 3 and name_similarity(v, e) < 0.75:
                        continue
                    out.append((c.tier, e))
                if out:
                    break
            if out:
                break
    except Exception:
        return []
    out.sort(key=lambda x: (x[0], not x[1].is_country, -(x[1].population or 0)))
    return [e for _, e in out]


# ----------------------------------------------------------------------------------- country
_CAP_WORD = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)?")


def country_words(text: str, skip: Iterable[int] = ()) -> Counter:
    """Countries named or implied by a demonym in the text, once per distinct word (words
    starting at a ``skip`` offset, or named as a topic, left out)."""
    out: Counter = Counter()
    seen: set[str] = set()
    skip = set(skip)
    for m in _CAP_WORD.finditer(text):
        if m.start() in skip:
            continue
        w = m.group()
        parts = [w] + (w.split() if " " in w else [])
        for p in parts:
            at = m.start() + w.find(p)
            if about_country(text, at, at + len(p)):
                continue
            p = p.strip(".,'\u2019")
            p = re.sub(r"(?:'s|\u2019s)$", "", p)
            if p in seen or len(p) < 3:
                continue
            cc = country_of_word(p)
            if not cc and p.endswith("s") and len(p) > 5:  # "Burkina Fasos", "Ethiopias" (lost apostrophe)
                cc = country_of_word(p[:-1])
            if cc:
                seen.add(p)
                out[cc] += 1.0 if cc not in out else 0.25
                break
    return out


_TITLE_BEFORE = re.compile(r"\b(?:president|presdient|prime minister|pm|minister|leader|mr|mrs|ms|dr|gen|general|"
                           r"col|colonel|governor|senator|mp|king|sheikh|imam|commander|candidate|rival)\.?\s+$", re.I)
_PERSON_AFTER = re.compile(r"^\s*(?:said|says|named|told|announced|won|declared|appointed|visited|addressed|"
                           r"urged|accused|promised|vowed|'s (?:victory|government|supporters|party))\b", re.I)


def person_like(text: str, m: Mention) -> bool:
    """A gazetteer name used for a person: "president Kibaki", "Kibaki named 17 ministers"."""
    if m.start < 0:
        return False
    return bool(_TITLE_BEFORE.search(text[max(0, m.start - 20):m.start])
                or _PERSON_AFTER.match(text[m.end:m.end + 30]))


def acronym_like(m: Mention) -> bool:
    """"SUD", "CGT": a union's or party's acronym that only loosely spells a place name."""
    t = m.text.strip()
    return t.isupper() and len(t) <= 5 and match_tier(m) != 4


def place_weight(m: Mention, text: str = "") -> float:
    """Vote of one resolved place mention for its country (see the module doc)."""
    if (m.data or {}).get("weight") is not None:
        return float(m.data["weight"])
    if (text and person_like(text, m)) or acronym_like(m):
        return 0.2
    tier = match_tier(m)
    if tier is None:
        return 0.4
    if ((m.data or {}).get("feature_code") or "").startswith("PCL"):
        return 2.0  # "rallied in Thessaloniki in solidarity with Ukraine": a named country is often the topic
    return 2.5 if tier in (1, 2) else 3.0


_ACROSS = re.compile(r"\b(?:borders? with|bordering|neighbou?ring|(?:cross(?:ed|ing|es)?|fled|flee(?:ing)?|"
                     r"smuggled|returned) (?:back )?(?:in)?to|from)\s+(?:the\s+)?$", re.I)
_DIVISION_AFTER = re.compile(r"^\s+(?:province|region|department|district|county|state|governorate|prefecture)\b",
                             re.I)
SMALL_TOWN = 20_000
# In a one-country collection, a foreign town smaller than this is most likely the namesake of a
# village the gazetteer lacks ("Silly", Belgium, for Silly, Burkina Faso).
FOREIGN_TOWN = 100_000


@lru_cache(maxsize=20_000)
def _has_division(name: str, cc: str) -> bool:
    """Does country ``cc`` have a division of this name (Chernihiv the oblast, not only the city)?"""
    try:
        return any(c.entry.fclass == "A" and c.entry.cc == cc and c.tier != 3
                   for c in get_gazetteer().lookup(name, False))
    except Exception:
        return False


_PREV_NAME = re.compile(r"(?:^|(.)\s*)\b([A-Z][\w'\u2019-]*)\s+$")
_NOT_NAME_PART = {"the", "in", "on", "at", "near", "from", "of", "and", "to", "into", "northern", "southern",
                  "eastern", "western", "central", "north", "south", "east", "west", "greater", "upper",
                  "lower", "new", "old", "outside", "around", "across"}


def _embedded(text: str, start: int) -> bool:
    """Is the name at ``start`` the tail of a longer proper name ("Gire Hakkari", "Sehid Kendal")?"""
    m = _PREV_NAME.search(text[max(0, start - 40):start])
    if not m or m.group(2).lower() in _NOT_NAME_PART | _NOT_PLACE:
        return False
    before = m.group(1)
    return before is not None and before not in '.!?:;"(\u201c'


def country_votes(text: str, places: Iterable[Mention], actors: Iterable[Mention] = (),
                  prior: Mapping[str, float] | None = None, towns_weak: bool = False) -> Counter:
    """Weighted evidence for the story's country (see the module doc). Earlier places weigh a
    little more, so a tie goes to the place the report names first.

    Some readings are weak evidence: a country named across a border ("fled into Somalia",
    "the border with Ethiopia") counts 0.3 of its weight; a division qualifier ("(Djibo,
    Soum)", "Soum Province") that the gazetteer only knows as a small town counts 1 at most; and,
    in a collection that is mostly about one country (``prior``: its dominant countries), a
    town of another country (a namesake of a village the gazetteer lacks), or a foreign town
    matched only by an alternate name ("Banh" for Bāneh, Iran), counts 0.4; with ``towns_weak``,
    every such town does."""
    votes: Counter = Counter()
    n = 0
    seen: set[tuple[str, str]] = set()
    across: set[int] = set()  # where a country is named across a border
    for m in sorted(places, key=lambda x: x.start):
        d = m.data or {}
        cc = d.get("country_code")
        if not cc or m.role in ("byline", "dateline", "demonym"):
            continue  # demonyms are counted by ``country_words`` below, once per word
        if (d.get("feature_code") or "") in _CONTINENTS:
            continue
        key = (m.text.lower(), cc)
        if key in seen:
            continue  # "Palma (Palma, Cabo Delgado)": one name, one vote
        seen.add(key)
        w = place_weight(m, text)
        fc = d.get("feature_code") or ""
        town = fc.startswith("PPL")
        if text and m.start >= 0 and (_is_qualifier(text, m.start) or _DIVISION_AFTER.match(text[m.end:m.end + 15])):
            # "(Arizona)", "Malabar, Arima": the administrative context is written to disambiguate
            small = town and (d.get("population") or 0) < SMALL_TOWN and not _has_division(m.text, cc)
            w = min(w, 1.0) if small else w * 1.5
        if text and m.start >= 0 and _ACROSS.search(text[max(0, m.start - 30):m.start]) \
                and (fc.startswith("PCL") or not text[max(0, m.start - 6):m.start].lower().endswith("from ")):
            w *= 0.3
            across.add(m.start)
        elif text and m.start >= 0 and fc.startswith("PCL") and about_country(text, m.start, m.end):
            w *= 0.3
        if text and m.start >= 0 and (seat_of_power(text, m.start) or topic_place(text, m.start)):
            w *= 0.3  # "the regime in Minsk", "to denounce the shooting in Oslo": not where it was
        if text and m.start > 0 and _embedded(text, m.start):
            w *= 0.5  # "Gire Hakkari area": part of a longer local name, not the province itself
        weak_reading = (d.get("population") or 0) < FOREIGN_TOWN or match_tier(m) in (1, 2)
        if town and weak_reading and (towns_weak or (prior and cc not in prior)):
            w *= 0.4
        votes[cc] += w * (1.0 + 0.02 / (1 + n))
        n += 1
    for cc, w in country_words(text, across).items():
        votes[cc] += w
    votes.update(country_term_votes(text))
    for a in actors:
        d = a.data or {}
        if d.get("named") and d.get("country"):
            votes[d["country"]] += 0.8
        elif d.get("role") == "ethnic" and d.get("country"):
            votes[d["country"]] += 0.5
    return votes


# ------------------------------------------------------------------- places the NER missed
_NAME = r"[A-Z][\w'\u2019-]*(?:[ -](?:[A-Z][\w'\u2019-]*|al|el|de|du|wa|ash|an|as|ad|az))*"
_PAREN = re.compile(rf"({_NAME})\s*\(([A-Z][^()]{{1,80}})\)")
_PREP = re.compile(rf"\b(?:in|near|at|outside|around|of|towards?|into|from|shelled|attacked|raided|struck|"
                   rf"bombed|targeted|stormed|captured|seized|entered|overran|hit)\s+(?:the\s+)?"
                   rf"(?:(?:village|town|city|area|locality|district|province|region|county|commune|"
                   rf"department|outskirts|vicinity)\s+of\s+)?({_NAME})")
_COMMA_QUAL = re.compile(rf",\s+({_NAME})")
_NOT_PLACE = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "the", "a", "an", "on", "in", "at", "as", "he", "she", "they", "it",
              "police", "army", "president", "government", "minister", "state", "islamic", "al", "god"}


def _spans_missed(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, is_qualifier) of capitalised names after place prepositions or inside
    ACLED-style qualifiers "X (Y, Z)" that no place mention covers."""
    out: list[tuple[int, int, bool]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken) and not any(a < e and s < b for a, b, _ in out)

    for m in _PAREN.finditer(text):
        head_s, head_e = m.span(1)
        if free(head_s, head_e):
            out.append((head_s, head_e, False))
        inner_s = m.start(2)
        for part in re.finditer(r"[^,]+", m.group(2)):
            name = part.group().strip()
            if not name[:1].isupper() or re.search(r"\d", name):
                break
            s = inner_s + part.start() + (len(part.group()) - len(part.group().lstrip()))
            e = s + len(name)
            if free(s, e):
                out.append((s, e, True))
    for m in _PREP.finditer(text):
        s, e = m.span(1)
        if free(s, e):
            out.append((s, e, False))
        for q in _COMMA_QUAL.finditer(text, e):  # "in Nyalenda, Kisumu County"
            if q.start() != e:
                break
            s2, e2 = q.span(1)
            if free(s2, e2):
                out.append((s2, e2, True))
            e = q.end()
    return out


def _common_words(name: str) -> bool:
    """ "Congress", "Unity", "University": capitalised words that are rarely the place meant."""
    return all(w.lower().strip(".,'") in STOP for w in name.split())


def missed_places(text: str, places: list[Mention], actors: Iterable[Mention] = (),
                  prior: Counter | None = None) -> list[Mention]:
    """Place mentions the geoparser did not return (spaCy often reads a village as a PERSON):
    capitalised names after in/near/at/of and inside "(District, Province)" qualifiers that
    the gazetteer knows by name (never by a loose match). Among same-name places the one in
    the story's likeliest country wins, qualifiers preferring administrative areas."""
    gaz = get_gazetteer()
    taken = [(m.start, m.end) for m in places if m.start >= 0 and (m.data or {}).get("country_code")]
    taken += [(a.start, a.end) for a in actors]
    found: list[tuple[int, int, bool, list[Any]]] = []
    spans = _spans_missed(text, taken)
    unresolved = [(m.start, m.end, False) for m in places if m.start >= 0 and m.role not in ("byline", "demonym")
                  and not (m.data or {}).get("country_code")]
    spans += [u for u in unresolved if not any(a < u[1] and u[0] < b for a, b, _ in spans)]
    for s, e, qual in spans:
        name = text[s:e]
        while name and name.split()[0].lower() in _NOT_PLACE:  # "On 5 May, Tiv militia ..."
            parts = name.split(None, 1)
            if len(parts) < 2:
                name = ""
                break
            s += len(name) - len(parts[1])
            name = parts[1]
        if not name or name.lower() in _NOT_PLACE or len(name) < 3 or _common_words(name):
            continue
        try:
            cands = [c.entry for c in gaz.lookup(name, False) if c.tier != 3]
        except Exception:
            continue
        cands = [c for c in cands if c.fcode not in _CONTINENTS]
        if not cands:
            for v in name_variants(name)[1:]:
                cands = [c.entry for c in gaz.lookup(v, False) if c.tier != 3 and c.entry.fcode not in _CONTINENTS]
                if cands:
                    break
        qcc = {q.entry.cc for q in context_hints(text, s, s + len(name), gaz.lookup)[0] if q.entry.cc}
        if qcc:  # "Bane, Boulgou": a namesake outside the qualifier's country is not the place
            big = {c.entry.id for c in gaz.lookup(name, False) if big_exact(c)}
            cands = [c for c in cands if c.cc in qcc or c.id in big]
        if cands:
            found.append((s, s + len(name), qual, cands))
    if not found:
        return []
    votes = country_votes(text, places, actors, prior) + (prior or Counter())
    for _, _, _, cands in found:
        for cc in {c.cc for c in cands if c.cc}:
            votes[cc] += 1.0 / max(1, len({c.cc for c in cands}))
    out = []
    for s, e, qual, cands in found:
        def key(c: Any) -> tuple:
            return (votes.get(c.cc, 0.0), qual and c.fclass == "A", c.fclass == "P" or c.fclass == "A",
                    c.population or 0)
        best = max(cands, key=key)
        p = entry_place(best, text[s:e], 0.5)
        data = {k: v for k, v in p.__dict__.items() if k != "mention"}
        # a same-name place in several countries is weaker evidence of the country
        data["weight"] = 2.0 if len({c.cc for c in cands}) == 1 else 1.0
        out.append(Mention(kind="place", start=s, end=e, text=text[s:e], label="GPE", role="event", data=data))
    return out


# Words after a name that make it a people or a group, not a place: "Turkana raiders".
_GROUP_AFTER = re.compile(r"^[\s'\u2019s]*(?:raiders?|herders?|herdsmen|militi\w*|youths?|people|community|"
                          r"communities|tribe\w*|clans?|elders?|civilians|farmers|fighters|gunmen|men|women|"
                          r"ethnic|group|supporters|residents|villagers|traders|protesters|police|officers|"
                          r"company|party|university|school|hospital|bus|club|sugar)\b", re.I)
_ANY_NAME = re.compile(_NAME)
_ADMIN_AFTER = re.compile(r"^(?:\s+[A-Z]\w+)?\s+(?:sub-?county|county|district|province|region|state|department|"
                          r"governorate|prefecture|division)\b", re.I)


def names_in_country(text: str, cc: str, taken: Iterable[tuple[int, int]]) -> list[Mention]:
    """Last resort before coding a country: capitalised names the geoparser passed over
    (no place word before them: "Al Shabaab attacks Mandera", "on the Machakos road") that the
    gazetteer knows by name as a town or division of the story's country. Never used for the
    country votes; the caller takes one only when nothing better places the event."""
    taken = list(taken)
    out: list[Mention] = []
    for m in _ANY_NAME.finditer(text):
        ends = [m.start() + w.end() for w in re.finditer(r"\S+", m.group())]
        # The run itself or its head ("Meru Governor Peter Munyas", "Wajir West MP"), longest
        # first; a name inside a run is mostly a person's ("... Leader Crystal Quade").
        for end in reversed(ends):
            name = text[m.start():end].strip("'\u2019")
            s, e = m.start(), m.start() + len(name)
            if len(name) < 3 or _common_words(name) or name.lower() in _NOT_PLACE \
                    or any(a < e and s < b for a, b in taken) or _GROUP_AFTER.match(text[e:e + 20]):
                continue
            best = _town_or_division(name, cc, admin=_ADMIN_AFTER.match(text[e:e + 30]) is not None)
            if best is not None:
                p = entry_place(best, name, 0.3)
                data = {k: v for k, v in p.__dict__.items() if k != "mention"}
                data["weight"] = 0.0
                out.append(Mention(kind="place", start=s, end=e, text=name, label="GPE", role="event",
                                   data=data))
                break
    return out


def _town_or_division(name: str, cc: str, admin: bool) -> Any:
    """The town (or, with ``admin``, the division: "Samburu Central Sub-County") of country
    ``cc`` the gazetteer knows by this name or an alternate name; None when there is none."""
    try:
        ents = [c.entry for c in get_gazetteer().lookup(name, False) if c.tier in (0, 1)
                and c.entry.cc == cc and c.entry.fclass in ("P", "A") and not c.entry.fcode.startswith("PCL")]
    except Exception:
        return None
    return max(ents, key=lambda x: ((x.fclass == "A") == admin, x.population or 0)) if ents else None


def _is_qualifier(text: str, start: int) -> bool:
    if text.count("(", 0, start) > text.count(")", 0, start):
        return True
    return re.search(rf"[A-Z][\w'\u2019.-]*(?:\s+{_TYPE_GAP})?,\s*$", text[max(0, start - 50):start]) is not None


def top_country(votes: Counter) -> str | None:
    if not votes:
        return None
    best = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    return best[0] if best[1] > 0 else None


# ------------------------------------------------------------------------------- event place
def _outweighs(a: Mention, b: Mention) -> bool:
    """Is place ``a`` the better reading of the two: its own name against an alternate
    spelling, or a city against a village?"""
    if ((a.data or {}).get("feature_code") or "").startswith("PCL"):
        return False  # a country named beside a town is often the topic
    ta, tb = match_tier(a), match_tier(b)
    if ta == 0 and tb in (1, 2):
        return True
    pa, pb = (a.data or {}).get("population") or 0, (b.data or {}).get("population") or 0
    return ta is not None and pb < SMALL_TOWN <= pa


def place_of(m: Mention) -> Place:
    from dataclasses import fields

    names = {f.name for f in fields(Place)}
    d = {k: v for k, v in (m.data or {}).items() if k in names}
    d.setdefault("name", m.text)
    p = Place(**d)
    p.mention = p.mention or m.text
    if not p.geo_precision:
        p.geo_precision = precision_of(p.feature_code)
    return p


def precision_of(fc: str | None) -> str:
    fc = fc or ""
    return ("country" if fc.startswith("PCL") else "region" if fc in ("ADM1", "RGN") or fc in _CONTINENTS
            else "district" if fc.startswith("ADM") else "town")


def entry_place(e: Any, mention: str, confidence: float = 0.5) -> Place:
    p = e.to_place(mention=mention, confidence=confidence)
    p.geo_precision = p.geo_precision or precision_of(p.feature_code)
    return p


_BEFORE_IN = re.compile(r"\b(?:in|at|near|outside|to|towards|into|around|such as|of|on|across|inside|"
                        r"targeted|targeting|attacked|raided|stormed|hit|shelled|struck|bombed)"
                        r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


_LANDMARK_AFTER = re.compile(r"\s+(?:square|street|road|avenue|junction|bridge|roundabout|highway|crossing|"
                             r"stadium|park|gate|interchange)\b")
_DESTINATION = re.compile(r"\b(?:travel\w*|trip|journey|way|route|deport\w*|extradit\w*|repatriat\w*|"
                          r"emigrat\w*|migrat\w*|flee|fled|fleeing|head\w*)\s+(?:\w+\s+){0,2}?"
                          r"(?:to|into|towards)\s+(?:the\s+)?$", re.I)
_CODED_AS = re.compile(r"\b(?:coded (?:as|to|at)|coordinates (?:for|of)|location coded as)\s+(?:the\s+)?$", re.I)


def place_score(text: str, m: Mention, trigger: int) -> float:
    """How likely a place of the event sentence is where the event happened."""
    p = m.data or {}
    fc = p.get("feature_code") or ""
    rank = PRECISION_RANK.get(p.get("geo_precision") or "", 2)
    if fc in _CONTINENTS:
        rank = 0  # "Europe", "the Sahel": never the event place when something finer is there
    before = text[max(0, m.start - 30):m.start].lower()
    s = float(rank)
    if _BEFORE_IN.search(before):
        s += 1
    if re.search(r"\bfrom\s+(?:the\s+)?(?:\w+\s+)?$", before):
        s -= 1
    if _LANDMARK_AFTER.match(text[m.end:m.end + 15]):
        s -= 2.0  # "Ulus square", "Khaldah junction": a landmark, not the town of that name
    if topic_place(text, m.start):
        s -= 1.0  # "to denounce the shooting in Oslo": what the event is about, not where
    if _DESTINATION.search(text[max(0, m.start - 60):m.start]):
        s -= 1.0  # "to continue their trip to the United States": where people are going
    if re.search(r"\bbetween\s+(?:\w+\s+){0,3}?(?:and\s+)?$", before):
        s -= 1.5  # "Jufra, a district between Sirte and Ubari": landmarks, not the place
    if re.search(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts)(?:ern)?\s+of\s+$", before) \
            or re.search(r"\bkm\s+(?:\w+\s+)?(?:of|from)\s+$", before):
        s -= 0.75
    if _CODED_AS.search(before):
        s += 3.0  # ACLED-style notes say where they coded an event: "(coded as Titao at geoprecision 2)"
    if re.search(r"[A-Z][\w'.]*\s-\s$", text[max(0, m.start - 40):m.start]):
        s -= 1.0  # "Manaus - North Zone": a district of the city named before it
    if text.count("(", 0, m.start) > text.count(")", 0, m.start):
        s -= 1.5  # "(Boundore, Yagha)": administrative context of the place before it
    elif _qualified(text, m) or (not p.get("country_code") and context_hints(
            text, m.start, m.end, get_gazetteer().lookup)[0]):
        s += 1.0  # also "Ordonez, Chiapas": a place the gazetteer lacks, in a division it knows
    if person_like(text, m) or acronym_like(m):
        s -= 2.0
    if p.get("confidence") is not None:
        s += 0.25 * float(p["confidence"])
    return s - 0.0005 * abs(m.start - trigger)


_TYPE_GAP = (r"(?:village|town|city|district|township|area|locality|municipality|province|county|region|"
             r"state|governorate|commune|department|sub-?county|division|neighbou?rhood|community)")


def qualifiers(text: str, m: Mention, places: list[Mention]) -> list[Mention]:
    """Places that qualify ``m`` right after it, most specific first: the places inside the
    parentheses that follow it ("X (Y, Z)", "X village (Y township, Z region)") or a comma
    chain ("X, Y")."""
    after = text[m.end:m.end + 160]
    par = re.match(rf"\s*(?:{_TYPE_GAP}\s*)?\(([^()]*)\)", after, re.I)
    if par:
        lo, hi = m.end + par.start(1), m.end + par.end(1)
        return sorted((q for q in places if lo <= q.start and q.end <= hi), key=lambda q: q.start)
    out: list[Mention] = []
    pos = m.end
    for q in sorted(places, key=lambda x: x.start):
        if q.start < pos:
            continue
        gap = text[pos:q.start]
        if not re.fullmatch(rf"\s*(?:{_TYPE_GAP}\s*)?,\s*(?:(?:in|of)\s+(?:the\s+)?)?", gap, re.I):
            break
        out.append(q)
        pos = q.end
    return out


def _division_outside(text: str, m: Mention, places: list[Mention]) -> Mention | None:
    """The division qualifying a loosely matched place (a consonant-skeleton reading) or a
    village when that reading lies outside it: the village is one the gazetteer lacks, and its
    district is the best place known. (A town keeps its reading: reports and the gazetteer
    disagree about provinces often enough, as with Indonesia's new Papuan provinces.)"""
    d = m.data or {}
    if d.get("geonameid") is None or (is_exact(m) and (d.get("population") or 0) >= SMALL_TOWN):
        return None  # a village's exact namesake may lie elsewhere too ("Nova Dmytrivka, Kharkiv")
    for q in qualifiers(text, m, places):
        qd = q.data or {}
        fc = qd.get("feature_code")
        seat = fc not in ("ADM1", "ADM2") and _has_division(q.text, qd.get("country_code") or "")
        if not is_exact(q) or not (fc in ("ADM1", "ADM2") or seat) or qd.get("country_code") != d.get("country_code"):
            continue
        # a city named like its province stands for the province: "Nova Dmytrivka, Kharkiv"
        key = "admin2" if fc == "ADM2" else "admin1"
        return None if d.get(key) and d.get(key) == qd.get(key) else q
    return None


def _qualified(text: str, m: Mention) -> bool:
    """ "Larkana city (Larkana, Sindh)": ACLED-style notes put the event place before its
    administrative qualifiers."""
    return re.match(rf"\s*(?:{_TYPE_GAP}\s*)?(?:\s-\s[A-Z][\w'. -]{{0,40}}?\s*)?\([A-Z][^()]*\)", text[m.end:m.end + 120],
                    re.I) is not None  # also "Sao Paulo - South Zone (Sao Paulo)"


def _in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _fits(m: Mention, cc: str | None) -> bool:
    d = m.data or {}
    return cc is None or d.get("country_code") == cc


def fit_to_country(text: str, m: Mention, cc: str, places: list[Mention]) -> tuple[Place | None, Mention | None]:
    """A place for mention ``m`` inside country ``cc``: itself looked up again there, else its
    most specific qualifier there."""
    cands = candidates_in(m.text, cc)
    if cands:
        quals = [q for q in qualifiers(text, m, places) if _fits(q, cc)]
        anchors = [(q.data.get("lat"), q.data.get("lon"), q.data.get("admin1")) for q in quals]
        best = cands[0]
        if anchors:  # the one inside the qualifying district/province
            a1 = {a[2] for a in anchors if a[2]}
            inside = [e for e in cands if e.admin1 and e.admin1 in a1]
            if inside:
                best = inside[0]
        p = entry_place(best, m.text, 0.5)
        return p, m
    for q in qualifiers(text, m, places):
        if _fits(q, cc) and (q.data or {}).get("country_code"):
            outer = _division_outside(text, q, places)
            return (place_of(outer), outer) if outer is not None else (place_of(q), q)
        if (q.data or {}).get("country_code") is None or not is_exact(q):
            c2 = candidates_in(q.text, cc)
            if c2:
                return entry_place(c2[0], q.text, 0.4), q
    return None, None


def locate(text: str, sents: list[Any], si: int, trigger: int, places: list[Mention],
           att_spans: list[tuple[int, int]], country: str | None, paragraph_of,
           votes: Counter | None = None, fallback: Iterable[Mention] = ()
           ) -> tuple[Place | None, int, Mention | None]:
    """(place, level, mention): level 2 = a place of the event sentence, 1 = of a sentence
    around it, 0 = a ``names_in_country`` fallback or the country. See the module doc."""
    sent = sents[si]
    own_all = [m for m in places if sent.start_char <= m.start < sent.end_char]
    own = [m for m in own_all if not _in_spans(m.start, m.end, att_spans)]
    ranked = sorted(own, key=lambda m: -place_score(text, m, trigger))
    if ranked:
        best = ranked[0]
        bcc = (best.data or {}).get("country_code")
        if country is not None and bcc and bcc != country and votes and is_exact(best) \
                and not person_like(text, best) and not acronym_like(best):
            own_votes = votes.get(bcc, 0.0)
            # The place the event sentence names wins a near tie, and also when something else
            # in the story points to its country (an article about Libya may report a bombing
            # in Manchester); a lone name shared with a foreign town does not.
            namesake = any(_fits(m2, country) and (m2.text.lower() in best.text.lower()
                                                   or best.text.lower() in m2.text.lower())
                           for m2 in places if m2 is not best)
            if namesake:
                pass  # "in Santa Ana department, Santa Ana": the same name, read in the story's country
            elif any(_fits(m2, country) and _outweighs(m2, best) for m2 in own):
                pass  # "Babur neighborhood ... of Tashkent city": an alternate spelling abroad yields
            elif own_votes >= 0.8 * votes.get(country, 0.0) or own_votes - place_weight(best, text) >= 0.9 \
                    or (len(sents) > 6 and match_tier(best) == 0):
                country = bcc
        if country is None or _fits(best, country):
            outer = _division_outside(text, best, places)
            if outer is not None:  # "(Bouroum, Namentenga)": not Boromo, a loose namesake elsewhere
                return place_of(outer), 2, outer
            if (best.data or {}).get("country_code") is not None or country is None:
                return place_of(best), 2, best
        if country is not None:
            p, q = fit_to_country(text, best, country, places)
            if p is not None:
                return p, 2, q
            for m in ranked[1:]:
                if (m.data or {}).get("feature_code", "") in _CONTINENTS:
                    continue
                if _fits(m, country):
                    return place_of(m), 2, m
                cands = candidates_in(m.text, country)  # "in Nangade (Cabo Delgado)": the
                if cands:                               # Mozambican Nangade, not a namesake
                    return entry_place(cands[0], m.text, 0.4), 2, m
    para = paragraph_of(sent.start_char)
    for back in (1, 2):
        if si - back < 0:
            break
        prev = sents[si - back]
        if paragraph_of(prev.start_char) != para:
            break
        cands = [m for m in places if prev.start_char <= m.start < prev.end_char and _fits(m, country)
                 and (m.data or {}).get("country_code")]
        if cands:
            best = max(cands, key=lambda m: place_score(text, m, prev.end_char))
            return place_of(best), 1, best
    for fwd in (1, 2):  # short reports: "An IED exploded. The vehicle was heading to Mandera."
        if si + fwd >= len(sents):
            break
        nxt = sents[si + fwd]
        if paragraph_of(nxt.start_char) != para:
            break
        cands = [m for m in places if nxt.start_char <= m.start < nxt.end_char and _fits(m, country)
                 and (m.data or {}).get("country_code")
                 and (m.data or {}).get("feature_code", "") not in _CONTINENTS
                 and not (m.data or {}).get("feature_code", "").startswith("PCL")]
        if cands:
            best = max(cands, key=lambda m: place_score(text, m, nxt.start_char))
            return place_of(best), 1, best
    if ranked and country is None:
        return place_of(ranked[0]), 2, ranked[0]
    if country:
        sourced = [m for m in own_all if _in_spans(m.start, m.end, att_spans) and _fits(m, country)
                   and (m.data or {}).get("country_code") and (m.data or {}).get("feature_code", "")[:3] not in ("PCL", "CON")]
        if sourced:  # "a journalist in Eldoret said he was kidnapped": the source's town, not the country
            return place_of(sourced[0]), 0, sourced[0]
        named = [m for m in fallback if _fits(m, country)]
        if named:  # a town of the country named anywhere, the event sentence's first
            best = min(named, key=lambda m: (not sent.start_char <= m.start < sent.end_char,
                                             abs(m.start - trigger)))
            return place_of(best), 0, best  # level 0: too weak to keep two reports apart
        return country_place(country), 0, None
    return None, 0, None


def country_place(iso2: str) -> Place:
    p = gazetteer_country_place(iso2)
    if p is not None:
        p.geo_precision = p.geo_precision or "country"
        return p
    return Place(name=country_name(iso2) or iso2, country_code=iso2, geo_precision="country")


# An article decides its country on its own when the best country has at least the weight of
# one place named by its primary name and twice the runner-up's.
DECIDED_MIN = 2.5
DECIDED_RATIO = 2.0


def decided_country(text: str, places: Iterable[Mention], actors: Iterable[Mention] = (),
                    towns_weak: bool = False) -> str | None:
    """The country an article's own evidence settles (no collection prior), else None.
    ``towns_weak``: with small towns and alternate spellings abroad weighed down. A collection
    learns its focus from what its articles decide; one that does not also settle the same
    country with ``towns_weak`` is coded with that focus: in a Burkina collection "gunmen
    killed two people in Kain" names a village the gazetteer lacks, not Kain, Belgium."""
    return _settled(country_votes(text, places, actors, towns_weak=towns_weak))


def _settled(votes: Counter) -> str | None:
    ranked = votes.most_common(2)
    if not ranked:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    top_cc, top = ranked[0]
    return top_cc if top >= DECIDED_MIN and top >= DECIDED_RATIO * second else None
