"""ACLED's 6 event types / 25 sub-event types, and the PLOVER type each maps to.

The PLOVER side follows the CAMEO-to-PLOVER table (2021): conventional fighting and
unconventional violence are ASSAULT with a mode, property seizure and arrests are COERCE,
protests and riots are PROTEST, troop movements are MOBILIZE.
"""
from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

EVENT_TYPES = (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC)

# sub-event type -> (event type, PLOVER type, PLOVER mode)
SUB_EVENTS: dict[str, tuple[str, str, str]] = {
    "Armed clash": (BATTLES, "ASSAULT", "firearms"),
    "Government regains territory": (BATTLES, "ASSAULT", "military"),
    "Non-state actor overtakes territory": (BATTLES, "COERCE", "seize"),
    "Chemical weapon": (EXPLOSIONS, "ASSAULT", "cbrn"),
    "Air/drone strike": (EXPLOSIONS, "ASSAULT", "aerial"),
    "Suicide bomb": (EXPLOSIONS, "ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": (EXPLOSIONS, "ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": (EXPLOSIONS, "ASSAULT", "explosives"),
    "Grenade": (EXPLOSIONS, "ASSAULT", "explosives"),
    "Peaceful protest": (PROTESTS, "PROTEST", "demo"),
    "Protest with intervention": (PROTESTS, "PROTEST", "demo"),
    "Excessive force against protesters": (PROTESTS, "ASSAULT", "beat"),
    "Violent demonstration": (RIOTS, "PROTEST", "riot"),
    "Mob violence": (RIOTS, "ASSAULT", "beat"),
    "Agreement": (STRATEGIC, "AGREE", ""),
    "Arrests": (STRATEGIC, "COERCE", "arrest"),
    "Change to group/activity": (STRATEGIC, "MOBILIZE", ""),
    "Disrupted weapons use": (STRATEGIC, "COERCE", "seize"),
    "Headquarters or base established": (STRATEGIC, "MOBILIZE", "troops"),
    "Looting/property destruction": (STRATEGIC, "COERCE", "seize"),
    "Non-violent transfer of territory": (STRATEGIC, "CONCEDE", ""),
    "Other": (STRATEGIC, "OTHER", ""),
    "Sexual violence": (VAC, "ASSAULT", "sexual"),
    "Attack": (VAC, "ASSAULT", ""),
    "Abduction/forced disappearance": (VAC, "ASSAULT", "abduct"),
}

# ACLED spells it "protestors" in places; both are accepted on input.
ALIASES = {"Excessive force against protestors": "Excessive force against protesters"}


def event_type_of(sub_event_type: str) -> str:
    return SUB_EVENTS[ALIASES.get(sub_event_type, sub_event_type)][0]


def plover_of(sub_event_type: str) -> str:
    _, plover, mode = SUB_EVENTS[ALIASES.get(sub_event_type, sub_event_type)]
    return f"{plover}:{mode}" if mode else plover


VIOLENT_TYPES = frozenset({BATTLES, EXPLOSIONS, VAC, RIOTS})
