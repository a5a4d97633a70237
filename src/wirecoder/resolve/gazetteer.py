"""The gazetteer: GeoNames places in one indexed SQLite file, with folded-name lookups.

Built on first use from packages installed with wirecoder (see ``geo_sources``) into the
user's cache directory, or the file named by ``WIRECODER_GAZETTEER``. Building writes a
temporary file and renames it into place, so two processes building at once are safe.

Lookups go through three keys, tried in order: the folded name (case, diacritics,
punctuation), the folded name without an Arabic article (Al-Raqqa -> raqqa), and the
consonant skeleton (Misurata -> msrt), the last only when the others find nothing.
"""
from __future__ import annotations

import re

import os
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..models import Place
from .geo_text import fold, skeleton, strip_article

VERSION = "9"
ENV = "WIRECODER_GAZETTEER"

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, cc TEXT,
    admin1_code TEXT, admin1 TEXT, admin2 TEXT, fclass TEXT, fcode TEXT,
    population INTEGER, precision TEXT);
-- tier 0: folded name, 1: folded alternate name, 2: without article, 3: skeleton, 4: case-sensitive
CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, tier INTEGER NOT NULL);
CREATE TABLE demonyms (key TEXT NOT NULL, id INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX demonyms_key ON demonyms(key);
CREATE INDEX places_cc_a1 ON places(cc, admin1_code);
"""

TIER_NAME, TIER_ALT, TIER_ARTICLE, TIER_SKELETON, TIER_CASE = 0, 1, 2, 3, 4

PLACE_COLS = ("id", "name", "lat", "lon", "cc", "admin1_code", "admin1", "admin2", "fclass",
              "fcode", "population", "precision")


_DIGRAPH = re.compile(r"(zh|sh|kh|ch|ts)")
_DOUBLED = re.compile(r"(zh|sh|kh|ch|ts)\1")


def _digraph_variants(key: str) -> list[str]:
    """Spellings of a Slavic transliteration with one digraph doubled or one double collapsed."""
    out = [key[:m.end()] + m.group(1) + key[m.end():] for m in _DIGRAPH.finditer(key)]
    out += [key[:m.start()] + m.group(1) + key[m.end():] for m in _DOUBLED.finditer(key)]
    return [v for v in out if v != key][:6]


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place (immutable, shared by every lookup that returns it)."""

    id: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1_code: str
    admin1: str
    admin2: str
    fclass: str
    fcode: str
    population: int
    precision: str

    def to_place(self, mention: str | None = None, confidence: float | None = None) -> Place:
        return Place(name=self.name, geonameid=self.id, lat=self.lat, lon=self.lon,
                     country_code=self.cc or None, admin1=self.admin1 or None,
                     admin2=self.admin2 or None, feature_class=self.fclass,
                     feature_code=self.fcode, population=self.population,
                     geo_precision=self.precision, confidence=confidence, mention=mention)

    @property
    def is_country(self) -> bool:
        return self.fcode.startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.fcode.startswith("ADM")


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    tier: int  # how the name matched (TIER_*)


def default_path() -> Path:
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wirecoder" / f"gazetteer-{VERSION}.sqlite"


def _name_rows(row) -> Iterable[tuple[str, int, int]]:
    seen: set[str] = set()
    for i, n in enumerate([row.name] + list(row.names)):
        k = fold(n)
        if not k or k in seen:
            continue
        seen.add(k)
        yield k, row.id, TIER_NAME if i == 0 else TIER_ALT
    for k in list(seen):
        a = strip_article(k)
        if a and a not in seen:
            seen.add(a)
            yield a, row.id, TIER_ARTICLE
    # Skeletons of the primary name only: alternate names (hundreds of languages) would make
    # the loose key collide everywhere; the primary name is the standard romanisation.
    skels = {skeleton(row.name), skeleton(strip_article(fold(row.name)))} - {""}
    for s in skels:
        yield "~" + s, row.id, TIER_SKELETON
    for n in row.cs_names:
        yield "=" + n, row.id, TIER_CASE


def build(path: Path | str | None = None, min_population: int = 500) -> Path:
    """Build the gazetteer file (atomically: temp file, then rename)."""
    from .geo_sources import load_rows

    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    rows, demonyms = load_rows(min_population)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        con.executemany(f"INSERT OR IGNORE INTO places VALUES ({','.join('?' * 12)})",
                        ((r.id, r.name, r.lat, r.lon, r.cc, r.admin1_code, r.admin1, r.admin2,
                          r.fclass, r.fcode, r.population, r.precision) for r in rows))
        con.executemany("INSERT INTO names VALUES (?,?,?)",
                        (t for r in rows for t in _name_rows(r)))
        con.executemany("INSERT INTO demonyms VALUES (?,?)",
                        ((fold(w), gid) for w, ids in demonyms.items() for gid in ids))
        con.executemany("INSERT INTO meta VALUES (?,?)",
                        [("version", VERSION), ("built", time.strftime("%Y-%m-%dT%H:%M:%S"))])
        con.executescript(INDEXES)
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


class Gazetteer:
    """Read access to a built gazetteer file; lookups are cached per process."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._local = threading.local()
        self._entries: dict[int, Entry] = {}
        self.lookup = lru_cache(maxsize=100_000)(self._lookup)
        self.demonym = lru_cache(maxsize=10_000)(self._demonym)
        # the (cc, admin1) index leaves a scan of the country's places: cache the answers
        self.country = lru_cache(maxsize=1_000)(self._country)
        self.admin1 = lru_cache(maxsize=10_000)(self._admin1)
        self.seat = lru_cache(maxsize=10_000)(self._seat)

    @property
    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                  check_same_thread=False)
            # Memory-mapped reads: index lookups then cost microseconds, not a page read.
            con.execute("PRAGMA mmap_size = 268435456")
            con.execute("PRAGMA cache_size = -32768")
            self._local.con = con
        return con

    def _fetch(self, ids: Iterable[int]) -> dict[int, Entry]:
        want = [i for i in set(ids) if i not in self._entries]
        if want:
            q = f"SELECT {','.join(PLACE_COLS)} FROM places WHERE id IN ({','.join('?' * len(want))})"
            for r in self.con.execute(q, want):
                self._entries[r[0]] = Entry(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "",
                                            r[6] or "", r[7] or "", r[8] or "", r[9] or "",
                                            r[10] or 0, r[11] or "")
        return self._entries

    def get(self, gid: int) -> Entry | None:
        return self._fetch([gid]).get(gid)

    def _keys(self, key: str) -> list[tuple[int, int]]:
        return self.con.execute("SELECT id, tier FROM names WHERE key = ?", (key,)).fetchall()

    def _lookup(self, text: str, fuzzy: bool = True) -> tuple[Candidate, ...]:
        """Candidates for a name as written, best match tier first (cached)."""
        hits: dict[int, int] = {}
        if len(text) <= 8 and text[:1].isupper():
            for gid, tier in self._keys("=" + text):
                hits[gid] = tier
            if hits:  # "US" in capitals is the country, not the pronoun or a hamlet named Us
                ents = self._fetch(hits)
                return tuple(Candidate(ents[g], TIER_CASE) for g in hits if g in ents)
        k = fold(text)
        if not k:
            return ()
        for gid, tier in self._keys(k):
            if tier != TIER_SKELETON:
                hits[gid] = min(tier, hits.get(gid, 9))
        a = strip_article(k)
        if a:
            for gid, tier in self._keys(a):
                hits.setdefault(gid, TIER_ARTICLE)
        if not hits:  # "Zaporizhia" for Zaporizhzhia: a doubled digraph written once, or the reverse
            for v in _digraph_variants(k):
                for gid, tier in self._keys(v):
                    if tier != TIER_SKELETON:
                        hits.setdefault(gid, TIER_ALT)
        dem = self._demonym(text) if text[:1].isupper() else None
        if dem is not None:  # "Egyptian" -> Egypt; "German" is not San Germán
            hits = {dem.id: TIER_NAME, **{g: t for g, t in hits.items() if g != dem.id}}
        if not hits and fuzzy:
            s = skeleton(k)
            if s:
                for gid, _ in self._keys("~" + s):
                    hits.setdefault(gid, TIER_SKELETON)
        if not hits:
            return ()
        ents = self._fetch(hits)
        cands = [Candidate(ents[g], t) for g, t in hits.items() if g in ents]
        cands.sort(key=lambda c: (c.tier, -c.entry.population))
        return tuple(cands)

    def _demonym(self, text: str) -> Entry | None:
        k = fold(text)
        r = self.con.execute("SELECT id FROM demonyms WHERE key = ?", (k,)).fetchone()
        return self.get(r[0]) if r else None

    def _country(self, iso2: str) -> Entry | None:
        r = self.con.execute("SELECT id FROM places WHERE cc = ? AND fcode = 'PCLI'",
                             (iso2.upper(),)).fetchone()
        return self.get(r[0]) if r else None

    def _admin1(self, cc: str, code: str) -> Entry | None:
        r = self.con.execute("SELECT id FROM places WHERE cc = ? AND admin1_code = ? AND "
                             "fcode = 'ADM1'", (cc, code)).fetchone()
        return self.get(r[0]) if r else None

    def _seat(self, cc: str, admin1_code: str = "", admin2: str = "") -> Entry | None:
        """The town that stands for a division or country: the country's capital, else the
        division's most populous town (usually its capital; GeoNames' cities lack the PPLA
        codes that would say so)."""
        if not cc:
            return None
        if not admin1_code and not admin2:
            from .geo_sources import capitals

            name = capitals().get(cc.upper())
            if name:
                towns = [c.entry for c in self.lookup(name, False)
                         if c.entry.cc == cc.upper() and c.entry.fclass == "P"]
                if towns:
                    return max(towns, key=lambda e: e.population)
        q = "SELECT id FROM places WHERE cc = ? AND fclass = 'P'"
        args: list[str] = [cc.upper()]
        if admin1_code:
            q += " AND admin1_code = ?"
            args.append(admin1_code)
        if admin2:
            q += " AND admin2 = ?"
            args.append(admin2)
        r = self.con.execute(q + " ORDER BY population DESC LIMIT 1", args).fetchone()
        return self.get(r[0]) if r else None

    def count(self) -> int:
        return self.con.execute("SELECT count(*) FROM places").fetchone()[0]

    def clear_cache(self) -> None:
        self.lookup.cache_clear()
        self.demonym.cache_clear()
        self.country.cache_clear()
        self.admin1.cache_clear()
        self.seat.cache_clear()
        self._entries.clear()


_GAZ: Gazetteer | None = None
_LOCK = threading.Lock()


def _is_current(path: Path) -> bool:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            v = con.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()
        finally:
            con.close()
        return bool(v) and v[0] == VERSION
    except sqlite3.Error:
        return False


def get_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The process-wide gazetteer, built on first use when the file is missing or stale."""
    global _GAZ
    p = Path(path) if path else default_path()
    with _LOCK:
        if _GAZ is not None and _GAZ.path == p:
            return _GAZ
        if not (p.exists() and _is_current(p)):
            build(p)
        _GAZ = Gazetteer(p)
        return _GAZ


def reset() -> None:
    """Forget the process-wide gazetteer (after an import, or in tests)."""
    global _GAZ
    with _LOCK:
        _GAZ = None


# --- Importing GeoNames dumps -------------------------------------------------------------

_SKIP_LANGS = {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc", "tcid"}


def precision_for(fclass: str, fcode: str) -> str:
    if fcode.startswith("PCL"):
        return "country"
    if fcode in ("ADM1", "ADM1H", "RGN", "CONT"):
        return "region"
    if fcode.startswith("ADM"):
        return "district"
    if fclass == "P":
        return "town"
    return "point"


@dataclass
class ImportSummary:
    places: int = 0
    names: int = 0
    skipped: int = 0
    first_error: str | None = None

    def line(self) -> str:
        s = f"{self.places} places, {self.names} alternate names imported, {self.skipped} lines skipped"
        return s + (f" (first: {self.first_error})" if self.first_error else "")


def import_geonames(file: Path | str, path: Path | str | None = None) -> ImportSummary:
    """Add a GeoNames dump (allCountries.txt, LY.txt) or alternateNames file to the gazetteer.

    Rows replace entries with the same geonameid; an imported first-level division replaces
    the one wirecoder derived for the same admin code.
    """
    p = Path(path) if path else get_gazetteer().path
    if not p.exists():
        build(p)
    file = Path(file)
    summ = ImportSummary()
    con = sqlite3.connect(p)
    try:
        with open(file, encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                try:
                    if len(cols) >= 15:
                        _import_place(con, cols)
                        summ.places += 1
                    elif 4 <= len(cols) <= 10:
                        summ.names += _import_altname(con, cols)
                    else:
                        raise ValueError(f"{len(cols)} columns, expected a GeoNames layout")
                except (ValueError, IndexError) as exc:
                    summ.skipped += 1
                    if summ.first_error is None:
                        summ.first_error = f"line {lineno}: {exc}"
        con.commit()
    finally:
        con.close()
    reset()
    return summ


def _import_place(con: sqlite3.Connection, c: list[str]) -> None:
    gid = int(c[0])
    name, alts = c[1].strip(), [a for a in c[3].split(",") if a.strip()]
    lat, lon = float(c[4]), float(c[5])
    if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("no name or coordinates out of range")
    fclass, fcode, cc, a1 = c[6].strip(), c[7].strip(), c[8].strip(), c[10].strip()
    pop = int(c[14] or 0)
    row = con.execute("SELECT name FROM places WHERE cc = ? AND admin1_code = ? AND "
                      "fcode = 'ADM1'", (cc, a1)).fetchone()
    admin1 = name if fcode == "ADM1" else (row[0] if row else "")
    if fcode == "ADM1":  # the real division replaces the one we derived
        for (old,) in con.execute("SELECT id FROM places WHERE cc = ? AND admin1_code = ? AND "
                                  "fcode = 'ADM1' AND id < 0", (cc, a1)).fetchall():
            con.execute("DELETE FROM places WHERE id = ?", (old,))
            con.execute("DELETE FROM names WHERE id = ?", (old,))
    con.execute("DELETE FROM names WHERE id = ?", (gid,))
    con.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (gid, name, lat, lon, cc, a1, admin1, "", fclass, fcode, pop,
                 precision_for(fclass, fcode)))
    from .geo_sources import Row, _alt_names

    r = Row(id=gid, name=name, lat=lat, lon=lon, cc=cc, names=_alt_names(alts + [c[2]], name))
    con.executemany("INSERT INTO names VALUES (?,?,?)", list(_name_rows(r)))


def _import_altname(con: sqlite3.Connection, c: list[str]) -> int:
    gid, lang, name = int(c[1]), c[2].strip(), c[3].strip()
    if lang in _SKIP_LANGS or not name:
        return 0
    from .geo_text import is_latin

    if not is_latin(name) or not con.execute("SELECT 1 FROM places WHERE id = ?",
                                             (gid,)).fetchone():
        return 0
    k = fold(name)
    if not k or con.execute("SELECT 1 FROM names WHERE key = ? AND id = ?", (k, gid)).fetchone():
        return 0
    con.execute("INSERT INTO names VALUES (?,?,?)", (k, gid, TIER_ALT))
    return 1
