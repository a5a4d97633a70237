"""ACLED sub-event types -> PLOVER event types and modes, and PLOVER-style JSON records.

Mapping written from the two codebooks' definitions: PLOVER ASSAULT covers "violence,
battles, or assaults" (mode = the means: aerial, explosives, suicide-attack, heavy-weapons,
abduct, sexual, destroy, crowd-control, unconventional), PROTEST covers demonstrations
(mode demo / riot), COERCE covers arrests and seizures, MOBILIZE covers deployments short of
force, RETREAT covers withdrawals, AGREE agreements. ACLED "Other" and "Change to
group/activity" have no PLOVER counterpart (event None).
"""
from __future__ import annotations

from typing import Any

ACLED_TO_PLOVER: dict[str, tuple[str | None, str | None]] = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("ASSAULT", None),
    "Non-state actor overtakes territory": ("ASSAULT", None),
    "Chemical weapon": ("ASSAULT", "unconventional"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("ASSAULT", "crowd-control"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": (None, None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", None),
    "Looting/property destruction": ("ASSAULT", "destroy"),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
    "Other": (None, None),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
}

# PLOVER actor "sector" codes from ACLED inter codes
SECTOR_BY_INTER = {1: "GOV", 2: "REB", 3: "MIL", 4: "MIL", 5: "CVL", 6: "CVL", 7: "CVL", 8: "IGO"}


def plover_type(sub_event_type: str | None, given: str | None = None) -> tuple[str | None, str | None]:
    """(event, mode); a type the coder already gave wins."""
    if given:
        return given, ACLED_TO_PLOVER.get(sub_event_type or "", (None, None))[1]
    return ACLED_TO_PLOVER.get(sub_event_type or "", (None, None))


def _actor(a: dict[str, Any] | None, iso3: str, inter: int | None) -> list[dict[str, Any]]:
    if not a:
        return []
    d = {"actorText": a.get("name") or a.get("canonical") or "", "code": iso3 or None}
    if a.get("canonical"):
        d["canonical"] = a["canonical"]
    if inter in SECTOR_BY_INTER:
        d["sector"] = SECTOR_BY_INTER[inter]
    return [d]


def plover_record(rec: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER-style record from a merged record and its ACLED row."""
    event, mode = plover_type(rec.get("sub_event_type"), rec.get("plover_type"))
    loc = rec.get("location") or {}
    ev0 = next((e for e in rec.get("evidence") or [] if e.get("field") == "event"), None)
    out: dict[str, Any] = {
        "id": row["event_id_cnty"],
        "date": row["event_date"] or None,
        "event": event,
        "mode": mode,
        "source": _actor(rec.get("actor1"), row["iso3"], row["inter1"]),
        "target": _actor(rec.get("actor2"), row["iso3"], row["inter2"]),
        "eventText": rec.get("sub_event_type") or "",
        "text": ev0.get("text") if ev0 else "",
        "language": "en",
        "acled": {"event_type": rec.get("event_type"), "sub_event_type": rec.get("sub_event_type")},
        "publication": row["source"],
        "review_status": row["review_status"],
        "article_count": row["article_count"],
        "sources": rec.get("sources") or [],
        "coder": "wirecoder",
    }
    if loc.get("name"):
        out["eventLoc"] = {"name": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                           "geonameid": loc.get("geonameid"), "countryCode": row["iso3"] or None}
    if rec.get("fatalities") is not None:
        out["dead"] = str(rec["fatalities"])
    return out
