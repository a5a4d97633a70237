"""Gazetteer-aware place detection over a spaCy Doc.

spaCy's small English model misses or mislabels unfamiliar places (Misrata and Bani Walid as
PERSON, Jufra as ORG). We take its GPE/LOC/FAC entities, then scan capitalised token runs
against the gazetteer, and accept a gazetteer match that spaCy labelled otherwise (or not at
all) only with evidence that it is a place: a locative preposition before it, a qualifier
after it ("Sirte, Libya"), a place-type word ("town of"), or the same name taken as a place
elsewhere in the article. Demonyms (Libyan, Syrians) come back with kind "demonym".

``detect_places`` is what the geoparser calls; the ``wirecoder_places`` factory exposes the
same as a pipeline component that fills ``doc.spans["places"]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resolve.gazetteer import TIER_ALT, TIER_SKELETON, Candidate, get_gazetteer
from .cache import text_of
from ..resolve.geo_rank import ADMIN_WORDS, SETTLEMENT_WORDS, split_type_word

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels spaCy gives places it does not know; matches inside them need evidence.
WEAK_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
NEVER_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                "LANGUAGE"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "around", "across", "towards",
            "toward", "through", "inside", "throughout", "via", "between", "within",
            "along", "reach", "entered", "fled", "captured", "seized", "bombed", "attacked",
            "shelled", "besieged", "reached", "visited", "raided", "stormed", "struck", "targeted",
            "overran", "recaptured", "retook", "liberated", "stronghold", "strongholds"}
# "in central Thessaloniki", "in downtown Malchow": an area word between the preposition and the name
AREA_WORDS = {"central", "downtown", "northern", "southern", "eastern", "western", "rural", "urban",
              "suburban", "greater", "north", "south", "east", "west", "northeastern",
              "northwestern", "southeastern", "southwestern", "inner", "outer", "coastal"}
LOCAL_INSTITUTIONS = {"school", "hospital", "court", "market", "mosque", "church", "prison", "police", "village",
                      "slum", "estate", "factory", "university", "college", "hotel", "stadium"}
# "an airstrike on Korosten", "the attack against Ubari": the target of an attack noun is a place
ATTACK_NOUNS = {"airstrike", "airstrikes", "strike", "strikes", "attack", "attacks", "raid", "raids",
                "assault", "offensive", "bombardment", "bombing", "shelling", "advance", "march"}
# Words after a place name inside an organisation's name: "the Shreveport Police Department".
INSTITUTION = {"police", "department", "county", "city", "school", "schools", "hospital",
               "court", "council", "house", "senate", "university", "college", "public",
               "fire", "sheriff", "sheriff's", "board", "district", "state", "chamber",
               "airport", "port", "times", "post", "herald", "news", "high", "middle",
               "elementary", "community", "national", "area", "regional", "metro", "municipal",
               "government", "province", "provincial", "city's", "general", "memorial",
               "sheriff\u2019s", "coroner", "coroner's", "circuit", "superior", "mayor", "selectman",
               "clerk", "magistrate", "parks", "library", "zoo", "fair", "association", "town",
               "township", "transit", "health", "medical", "historical", "education", "daily",
               "journal", "tribune", "gazette", "utilities", "water", "electric", "police's",
               "governor", "governorate"}
HALVES = {"north", "south", "east", "west", "central"}  # "Mwingi Central", "Lamu East"
# Nouns whose "of" names a place: "University of Eldoret", "the Governor of Tunceli"
OF_PLACE = {"university", "county", "municipality", "governor", "mayor", "port"}
# Offices named after the place they govern: "the Hakkari Governor's office"
OFFICES = {"governor", "governorate", "mayor", "municipality", "municipal", "provincial", "prefecture"}
# Nouns after a place name that make it a place: "a Danbury man", "Alexandria police".
PEOPLE_AFTER = {"man", "men", "woman", "women", "teen", "teens", "teenager", "boy", "girl",
                "resident", "residents", "native", "couple", "family", "families", "parents",
                "police", "officers", "firefighters", "officials", "voters", "students",
                "youth", "youths", "villagers", "lawmakers", "leaders", "authorities"}
# ... and, after the name of a town, "Migori government workers", "Kisumu traders"
TOWN_PEOPLE_AFTER = {"workers", "traders", "farmers", "teachers", "nurses", "doctors", "employees",
                     "supporters", "government"}
TYPE_WORDS = {"city", "town", "village", "province", "district", "region", "governorate",
              "county", "state", "capital", "oasis", "port", "area", "suburb", "parish",
              "department", "municipality", "neighbourhood", "neighborhood"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "north-east", "north-west", "south-east", "south-west"}
STREET_WORDS = {"street", "avenue", "road", "boulevard", "square", "bridge", "highway",
                "st.", "ave.", "rd.", "blvd.", "lane", "drive", "plaza", "market", "checkpoint",
                "crossing", "roundabout"}
CONNECTORS = {"of", "de", "al", "el", "la", "le", "du", "des", "del", "da", "do", "-", "upon", "los", "las", "y",
              "on", "am", "an", "bin", "ibn", "abu", "bani", "ben", "imeni", "ez", "ed", "es", "ash",
              "az", "ul"}  # Arabic articles as romanised: "Deir ez Zor"
# Capitalised words that name places in the gazetteer but are far more often something else.
STOP = {
    "i", "a", "the", "mr", "mrs", "ms", "dr", "president", "minister", "king", "queen",
    "prince", "general", "gen", "col", "sheikh", "god", "allah", "sunday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "islamic",
    "state", "islam", "muslim", "christian", "police", "army", "university", "news", "street",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "new", "old", "great", "little", "said", "says", "after", "before", "during", "since",
    "when", "while", "this", "that", "there", "here", "it", "he", "she", "they", "we", "you",
    "but", "and", "or", "so", "if", "as", "on", "in", "at", "by", "for", "of", "with", "from",
    "into", "his", "her", "their", "our", "its", "all", "some", "many", "most", "more", "one",
    "two", "three", "first", "second", "last", "next", "republican", "democrat", "democratic",
    "council", "court", "house", "senate", "congress", "parliament", "government", "ministry",
    "department", "agency", "office", "union", "liberty", "independence", "hope", "victoria",
    "unity", "progress", "friendship", "concord", "commerce", "reading", "mobile", "nice",
    "orange", "bath", "man", "deal", "split", "of", "us", "it", "university", "college",
    "school", "church", "hospital", "center", "centre", "club", "team", "party", "national",
    "international", "federal", "united", "nations", "security", "africa command", "post",
    "times", "journal", "herald", "tribune", "daily", "press", "reuters", "associated",
    # generic feature and office nouns that are also the names of hamlets somewhere
    "hall", "road", "city", "park", "lake", "river", "station", "highway", "deputy", "mayor",
    "manager", "attorney", "recreation", "patrol", "hill", "bay", "beach", "valley", "creek",
    "island", "port", "airport", "bridge", "square", "avenue", "lane", "drive", "county",
    "district", "province", "region", "village", "town", "mount", "fort", "camp", "market",
    "sheriff", "judge", "governor", "senator", "chief", "officer", "director", "secretary",
    "captain", "sergeant", "commander", "colonel", "major", "bishop", "pastor", "father",
    "st", "st.", "saint", "van", "von", "de", "la", "le", "del", "al", "el", "bin", "abu",
    "superior", "health", "reservoir", "area", "commissioner", "any", "services", "service",
    "community", "county's", "city's", "free", "republic", "islands", "ocean", "defence",
    "defense", "day", "home", "west", "east", "royal", "canal", "old town", "center",
    # titles, faiths and feasts that share a name with a place somewhere
    "dr.", "sen.", "rep.", "gov.", "lt.", "sgt.", "gen.", "col.", "capt.", "rev.", "prof.",
    "ismaili", "baha'i", "baha\u2019i", "sunni", "shia", "shiite", "passover", "easter",
    "christmas", "ramadan", "hanukkah", "thanksgiving", "halloween", "olympic", "olympics",
    # words of organisations' names that are also hamlets (Confederation, Alliance, Ohio)
    "confederation", "federation", "alliance", "coalition", "movement", "front", "assembly",
    "committee", "association", "league", "congress", "forum", "sud", "justice", "capital", "san",
}
HOLIDAY_END = {"day", "eve"}  # "St. Patrick's Day", "Christmas Eve"
# "Shan-North", "Mwingi Central": a part of the region or town named before the direction
_DIRECTION_SUFFIX = re.compile(r"^(.+?)(?:\s?-\s?|\s)(?:North|South|East|West|Central)$")


@dataclass
class Found:
    start: int
    end: int
    text: str
    label: str
    kind: str  # "place" | "demonym"
    candidates: tuple[Candidate, ...] = ()
    weight: float = 1.0
    source: str = "spacy"  # spacy | gazetteer
    extra: dict = field(default_factory=dict)


def _good_cands(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    return tuple(c for c in cands if c.tier != TIER_SKELETON)


def _paren_group(doc: Doc, k: int) -> list[str]:
    """Names of a "(A, B)" group opening at token k: 1-3 capitalised, comma-separated parts."""
    if k >= len(doc) or doc[k].text != "(":
        return []
    parts: list[str] = []
    start = k + 1
    for t in doc[k + 1:k + 14]:
        if t.text in (",", ")"):
            name = doc[start:t.i].text  # as written: "Mayo-Sava", "KwaZulu-Natal"
            if not (name[:1].isupper() or _camel(name)) or len(parts) >= 3:
                return []
            parts.append(name)
            start = t.i + 1
            if t.text == ")":
                return parts
        elif not (t.is_title or _camel(t.text) or (t.text[:1].isupper() and not t.is_upper)
                  or t.text in ("-", "'") or t.lower_ in CONNECTORS):  # "KwaZulu", not "(START)"
            return []
    return []


def _camel(word: str) -> bool:
    """ "eThekwini", "iSimangaliso": names written with a lower-case prefix."""
    return len(word) > 2 and word[0].islower() and word[1].isupper()


def _is_place_name(name: str) -> bool:
    """A name the gazetteer knows (exact or alternate spelling) as a settlement or division."""
    if name.lower() in STOP:
        return False
    return any(c.entry.fclass in ("A", "P") for c in _good_cands(get_gazetteer().lookup(name,
                                                                                      False)))


def _evidence(doc: Doc, i: int, j: int, text: str) -> bool:
    """Is there textual evidence that tokens i..j are a place?"""
    k = i - 1
    if k >= 0 and doc[k].lower_ in LOCATIVE:
        return True
    if k >= 1 and doc[k].lower_ in AREA_WORDS and doc[k].is_lower and doc[k - 1].lower_ in LOCATIVE:
        return True
    if k >= 1 and doc[k].lower_ in ("on", "against") and doc[k - 1].lower_ in ATTACK_NOUNS:
        return True
    if k >= 0 and doc[k].lower_ in ("a", "an") and j < len(doc) and doc[j].lower_ in LOCAL_INSTITUTIONS:
        return True  # "an Isiolo school", "a Kisumu hospital": the place the institution serves
    if k >= 0 and doc[k].lower_ in TYPE_WORDS and doc[k].is_lower:
        return True  # "the town Ghat"; not "Butler County Coroner"
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in TYPE_WORDS:
        return True
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
        return True
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in OF_PLACE:
        return True  # "University of Eldoret students", "the Governor of Tunceli"
    if j < len(doc) and doc[j].lower_ in TYPE_WORDS:
        return True
    if j < len(doc) and doc[j].lower_ in PEOPLE_AFTER and doc[j].is_lower | doc[j].is_title \
            and not (j + 1 < len(doc) and doc[j + 1].is_title):
        return True  # "Alexandria woman charged", not "Jackson Police Chief Ann Smith"
    if j < len(doc) and doc[j].lower_ in TOWN_PEOPLE_AFTER and doc[j].is_lower and any(
            c.entry.fclass == "P" for c in _good_cands(get_gazetteer().lookup(doc[i:j].text, False))):
        return True  # not "Power workers" (Power County)
    # "Bani Walid, west of Sirte", "Ghat, near the border"
    after = [t.lower_ for t in doc[j:j + 4]]
    if len(after) >= 3 and after[0] == "," and (after[1] in DIRECTIONS or after[1] in (
            "near", "outside")):
        return True
    # ACLED-style location qualifiers: "Kelbo (Aribinda, Soum)", or a name inside one.
    group = _paren_group(doc, j)  # two parts at least: "Dozhd (Rain)" is a gloss
    if len(group) >= 2 and any(_is_place_name(p) for p in group):
        return True
    # ACLED-style qualifiers "(Kolofata, Mayo-Sava)", "(Taxila, Punjab)": the first part is a
    # place if another part is one; the later parts qualify it, so each vouches for itself.
    opener = next((o for o in range(i - 1, max(-1, i - 12), -1) if doc[o].text in ("(", ")")), -1)
    if opener >= 0 and doc[opener].text == "(" and (opener == k or doc[k].text == ","):
        group, name = _paren_group(doc, opener), doc[i:j].text
        if len(group) >= 2 and (any(_is_place_name(p) for p in group if p != name) if opener == k
                                else name in group and "." not in name):
            return True
    if k >= 0 and doc[k].text == "(":
        group = _paren_group(doc, k)
        if len(group) == 1 and " - " in group[0] and _is_place_name(group[0].split(" - ")[0]):
            return True  # ACLED's city and district: "(Gwangju - Dong)", "(Daegu - Jung)"
    if j + 1 < len(doc) and doc[j].text in (",", "(") and doc[j + 1].is_title:
        nxt = doc[j + 1].text
        for c in get_gazetteer().lookup(nxt, False):
            if c.entry.fclass == "A" or c.entry.fcode == "CONT":
                return True
    return False


def _after_place(doc: Doc, i: int, found: list[Found]) -> bool:
    """Does the name at token i qualify or follow a place just found ("Mala Shestirnya,
    Kherson", "between Sinaloa and Guasave")?"""
    if i < 2 or doc[i - 1].lower_ not in (",", "and"):
        return False
    k = i - 2
    if k >= 1 and doc[k].lower_ in TYPE_WORDS and doc[k].is_lower:
        k -= 1  # "Virnopillia district, Kharkiv", "Al Amadiya district, Duhok"
    end = doc[k].idx + len(doc[k])
    return any(f.end == end and f.kind == "place" for f in found)


def _trim_city(doc: Doc, s: int, e: int) -> int:
    """End of the name without a trailing "City" that only restates it ("Fargo City")."""
    if e - s < 2 or doc[e - 1].lower_ != "city":
        return e
    gaz = get_gazetteer()
    full = gaz.lookup(doc[s:e].text, False)
    if any(c.tier == 0 for c in full):  # Mexico City, Kansas City: the name itself
        return e
    short = gaz.lookup(doc[s:e - 1].text, False)
    return e - 1 if any(c.tier == 0 for c in short) else e


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, allowing lower-case connectors inside."""
    runs = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if t.is_title or (t.is_upper and len(t) > 1 and t.is_alpha) or _camel(t.text) \
                or (t.text[:1].isupper() and t.is_alpha):  # also "KwaZulu", "eThekwini"
            j = i + 1
            while j < n:
                tj = doc[j]
                if tj.is_title or (tj.is_upper and tj.is_alpha and len(tj) > 1):
                    j += 1
                elif (tj.lower_ in CONNECTORS or tj.text in ("-", "'")) and not tj.whitespace_ == "\n":
                    # one or two connectors before a capitalised word: "Bani Walid", "de los Bravo"
                    k = j + 1
                    while k < min(n, j + 4) and (doc[k].lower_ in CONNECTORS and doc[k].is_lower
                                                 or doc[k].text == "-"):
                        k += 1  # "Mont-de-Marsan", "Croix-des-Bouquets"
                    if k < n and doc[k].is_title:
                        j = k + 1
                    else:
                        break
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _joined_places(doc: Doc) -> list[Span]:
    """spaCy's entities, with touching place entities joined where the gazetteer knows the
    whole name: spaCy reads "Baja California" as two places, Baja and California (and
    "Bogota, D.C." as two)."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        e = ent.end
        while e < len(doc) and doc[e - 1].lower_ in CONNECTORS and doc[e].is_title:
            e += 1  # "Santa Cruz de la | Sierra": spaCy stops after the article
        while e + 1 < len(doc) and doc[e].lower_ in CONNECTORS and doc[e].is_lower and doc[e + 1].is_title:
            e += 2  # "Deir | ez Zor": or before it
        if e != ent.end and ent.label_ in PLACE_LABELS and (i + 1 == len(ents) or ents[i + 1].start >= e) \
                and any(c.tier <= TIER_ALT for c in get_gazetteer().lookup(doc[ent.start:e].text, False)):
            ent = Span(doc, ent.start, e, label=ent.label_)
        if ent.label_ in PLACE_LABELS and i + 1 < len(ents) and ents[i + 1].start == ent.end \
                and ents[i + 1].label_ in PLACE_LABELS and doc[ent.end - 1].whitespace_ == " ":
            whole = doc[ent.start:ents[i + 1].end]
            if any(c.tier <= TIER_ALT for c in get_gazetteer().lookup(whole.text, False)):
                out.append(Span(doc, whole.start, whole.end, label=ent.label_))
                i += 2
                continue
        if ent.label_ in PLACE_LABELS and i + 1 < len(ents) and ents[i + 1].start == ent.end + 1 \
                and doc[ent.end].text == "," and any(
                    c.tier <= TIER_ALT and c.entry.fclass == "A" for c in get_gazetteer().lookup(
                        f"{ent.text} {ents[i + 1].text}", False)):
            # "Bogota, D.C.": the capital district's name
            out.append(Span(doc, ent.start, ents[i + 1].end, label=ent.label_))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def detect_places(doc: Doc, text: str | None = None) -> list[Found]:
    """Place and demonym mentions in a Doc, with their gazetteer candidates."""
    gaz = get_gazetteer()
    text = text_of(doc) if text is None else text
    found: list[Found] = []
    taken = [False] * (len(doc) + 1)
    place_names: set[str] = set()

    def take(i: int, j: int) -> None:
        for k in range(i, j):
            taken[k] = True

    # 0. "Shakhta imeni Gagarina" (the mine named after Gagarin): one name, however spaCy cuts it
    for k in range(1, len(doc) - 1):
        if doc[k].lower_ == "imeni" and doc[k - 1].is_title and doc[k + 1].is_title:
            span = doc[k - 1:k + 2]
            cands = gaz.lookup(span.text)
            found.append(Found(span.start_char, span.end_char, span.text, "GPE", "place", cands,
                               1.0 if _good_cands(cands) else 0.3))
            take(k - 1, k + 2)

    # 1. spaCy's place entities (and demonyms among its NORP entities).
    for ent in _joined_places(doc):
        if any(taken[k] for k in range(ent.start, ent.end)):
            continue
        label = ent.label_
        etext = ent.text
        if label == "NORP" or (label in ("GPE", "LOC") and gaz.demonym(etext)):
            dem = gaz.demonym(etext)
            if dem is not None:
                found.append(Found(ent.start_char, ent.end_char, etext, label, "demonym",
                                   (Candidate(dem, 0),)))
                take(ent.start, ent.end)
            continue
        if label not in PLACE_LABELS or not etext[:1].isupper():
            continue
        s, e = ent.start, ent.end
        if doc[s].lower_ == "the":  # "the Gaza Strip": keep the name only
            s += 1
        e = _trim_city(doc, s, e)
        if s >= e:
            continue
        while e - s > 1 and doc[e - 1].lower_ in ("'s", "\u2019s", "'", "\u2019"):
            e -= 1  # "Boone County's": the name without the possessive
        # "Titao at geoprecision 2": the name ends where prose starts (two lower-case words in a
        # row, not "Port-au-Prince", "Beit ed Dine" or "Khost district")
        e = next((k for k in range(s + 1, e - 1) if doc[k].is_lower and doc[k + 1].is_lower
                  and doc[k].lower_ not in CONNECTORS | TYPE_WORDS | ADMIN_WORDS | SETTLEMENT_WORDS), e)
        span = doc[s:e]
        stext = span.text.strip()
        if len(span) > 1 and span[-1].lower_ in HOLIDAY_END:
            take(s, e)  # "St. Patrick's Day" holds no place, not even "St. Patrick"
            continue
        if stext.lower() in STOP and not stext.isupper():
            continue
        cands = gaz.lookup(stext)
        if not _good_cands(cands) and " - " in stext:  # "Seoul City - Jongno": the city
            head = stext.split(" - ")[0]
            cands = gaz.lookup(head)
            head_typed = None if _good_cands(cands) else split_type_word(head)  # "Seoul City"
            if head_typed:
                cands = gaz.lookup(head_typed[0])
        if not _good_cands(cands) and (half := _DIRECTION_SUFFIX.match(stext)):
            # ACLED's "Shan-North", Kenya's "Mwingi Central" constituency: the region or town
            # the part is named after
            base = [c for c in gaz.lookup(half.group(1), False)
                    if c.entry.fclass in ("A", "P") and c.tier <= TIER_ALT]
            cands = tuple(c for c in base if c.entry.fclass == "A") or tuple(base) or cands
        typed = None if _good_cands(cands) or label == "FAC" else split_type_word(stext)
        if typed and typed[1] == "admin":  # "Khost district": the name without its type word
            cands = _good_cands(gaz.lookup(typed[0])) or cands
        if not _good_cands(cands) and (
                (label == "FAC" and span[-1].lower_ not in STREET_WORDS)
                or (len(span) == 1 and not _evidence(doc, s, e, text))):
            # Unknown one-word "places" are mostly surnames and brands, unknown facilities
            # mostly buildings; named streets and squares are kept (events happen there).
            continue
        found.append(Found(span.start_char, span.end_char, stext, label, "place", cands,
                           1.0 if _good_cands(cands) else 0.3))
        place_names.add(stext.lower())
        take(s, e)

    # Divisions the article names (Louisiana, Rapides Parish): a town of theirs that spaCy
    # took for a person or an organisation is most likely that town.
    # Words of people's full names ("Bill Clinton"): later "Clinton" is the person.
    person_words = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                    for t in ent if t.is_title}
    local_divs = {(c.entry.cc, c.entry.admin1_code) for f in found for c in f.candidates[:3]
                  if f.kind == "place" and c.entry.fcode in ("ADM1", "ADM2") and c.tier <= 1}

    # 2. Gazetteer matches over capitalised runs that spaCy did not take as places.
    ent_label = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ent_label[k] = (ent.label_, ent.start, ent.end)
    pending: list[tuple[int, int, tuple[Candidate, ...]]] = []
    for (a, b) in _runs(doc):
        i = a
        while i < b and doc[i].lower_ in ("the", "a", "an"):  # "The Athens Police ..."
            i += 1
        while i < b:
            if not doc[i].text[:1].isalnum() or (doc[i].is_lower and doc[i].lower_ in ("a", "an", "the", "of", "and")):
                i += 1  # a connector ("-", "'") or an English article never opens a name ("an Isiolo school")
                continue
            hit = None
            for j in range(min(b, i + 5), i, -1):  # longest match first
                if any(taken[k] for k in range(i, j)):
                    continue
                span = doc[i:j]
                st = span.text
                if j - i == 1 and (st.lower() in STOP or len(st) < 3):
                    continue
                if doc[j - 1].lower_ in CONNECTORS:
                    continue
                lab = ent_label.get(i, (None,))[0]
                if lab in NEVER_LABELS:
                    continue
                dem = gaz.demonym(st) if j - i == 1 else None
                if dem is not None:  # "Ugandans", which the gazetteer also lists as Uganda's name
                    hit = (i, j, (Candidate(dem, 0),), "demonym")
                    break
                cands = _good_cands(gaz.lookup(st))
                if not cands:
                    # A transliteration variant is accepted only where the text says "place".
                    if j - i > 1 and doc[j - 1].lower_ in DIRECTIONS | HALVES:
                        continue  # "Kwabre East": the district's base name, not a look-alike
                    fz = gaz.lookup(st)
                    if fz and _evidence(doc, i, j, text) and len(st) >= 4:
                        hit = (i, j, fz, "place")
                        break
                    continue
                hit = (i, j, cands, "place")
                break
            if hit is None:
                i += 1
                continue
            hi, hj, cands, kind = hit
            if kind == "demonym":
                found.append(Found(doc[hi].idx, doc[hj - 1].idx + len(doc[hj - 1]),
                                   doc[hi:hj].text, "NORP", "demonym", cands, source="gazetteer"))
                take(hi, hj)
            else:
                pending.append((hi, hj, cands))
            i = hj

    for (i, j, cands) in pending:
        j2 = _trim_city(doc, i, j)
        if j2 != j:
            j, cands = j2, _good_cands(gaz.lookup(doc[i:j2].text))
        st = doc[i:j].text
        lab = ent_label.get(i)
        best = max(cands, key=lambda c: c.entry.population)
        big = best.entry.is_country or best.entry.fcode in ("ADM1", "CONT") or \
            best.entry.population >= 100_000
        strong = _evidence(doc, i, j, text) or _after_place(doc, i, found)
        # a person's word, unless an office or a half follows ("Hakkari Governor's", "Mwingi Central")
        if not strong and j - i == 1 and doc[i].lower_ in person_words and not (j < len(doc) and (
                doc[j].lower_ in OFFICES or doc[j].is_title and doc[j].lower_ in HALVES)):
            continue
        ev = strong or st.lower() in place_names or (lab is not None and any(
            (c.entry.cc, c.entry.admin1_code) in local_divs and c.entry.fclass == "P"
            and c.tier <= 1 for c in cands))
        if lab is not None and lab[0] in ("ORG", "PERSON") and (lab[1], lab[2]) != (i, j):
            # A place inside an institution's name: "the Shreveport Police Department", "the
            # Butler County Coroner's Office", "Huntsville Fire" (which spaCy may call a person).
            nxt = doc[j].lower_ if j < len(doc) else ""
            known = big or best.entry.fcode == "ADM2" or best.entry.population >= 10_000 or \
                st.lower() in place_names
            typed = j - i > 1 and doc[j - 1].lower_ in ("county", "parish", "township", "province")
            # spaCy's entity may also swallow a place it runs into ("Galle Face in Colombo"):
            # a known place after "in" inside the entity stands.
            swallowed = i - 1 > lab[1] and doc[i - 1].lower_ == "in"
            # "in Taizz - Usayfarah" (city - district), which spaCy may call a person,
            # or an ACLED-style qualifier it ran into: "in Arequipa (Arequipa)", "in Soacha, Cundinamarca"
            swallowed |= nxt in ("-", "(", ",") and i == lab[1] and i > 0 and doc[i - 1].lower_ in LOCATIVE
            # "the village of Yakovlivka, Kharkiv": a place word before it vouches even for a village
            joined = nxt == "-" and not doc[j - 1].whitespace_  # "Mayo-Sava" is one name
            of_place = i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in OF_PLACE
            # "Ukasi, Mwingi Central": a qualifier named after its town, which spaCy calls a person
            of_place |= (lab[1], lab[2]) == (i, j + 1) and i > 0 and doc[i - 1].text in (",", "(") \
                and doc[j].is_title and doc[j].lower_ in HALVES
            vouched = nxt in ("-", "(", ",", "and") and not joined and i == lab[1] and strong or of_place \
                or i > lab[1] and (_after_place(doc, i, found) or doc[i - 1].text in ("(", ",") and strong)
            if not (vouched or known and (nxt in INSTITUTION or typed or st.lower() in place_names or swallowed)):
                continue
        elif lab is not None and (lab[1], lab[2]) == (i, j) and \
                (best.entry.is_country or best.entry.fcode == "CONT"):
            pass  # a whole entity that is a country's or continent's name ("EU", "Britain")
        elif lab is not None and lab[0] in WEAK_LABELS:
            # Part of a longer name (a person "John Jackson", an org "Manchester United"):
            # accept only the whole entity, and only with evidence.
            if (lab[1], lab[2]) != (i, j) or not ev:
                continue
        elif lab is None:
            sent_start = doc[i].is_sent_start or (i > 0 and doc[i - 1].text in ('"', "\u201c"))
            pos = doc[i].pos_
            if not ev and not big:
                continue
            if not ev and (sent_start or pos not in ("PROPN",)):
                continue
        found.append(Found(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), st, lab[0] if lab else
                           "GPE", "place", cands, 1.0 if ev or big else 0.5, "gazetteer"))
        place_names.add(st.lower())

    found.sort(key=lambda f: f.start)
    return found


@Language.factory("wirecoder_places")
def make_places_component(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        found = detect_places(doc)
        doc.spans["places"] = [doc.char_span(f.start, f.end, label=f.kind,
                                             alignment_mode="expand") for f in found]
        return doc

    return component
