"""Roles of place mentions: dateline, byline, or a place in the story.

The byline ("By Hassan Morajea in Tunis, Tunisia, and Benoit Faucon in London") is not part of
the analysed text; its places say where the reporters were, never where an event happened.
"""
from __future__ import annotations

import re

# "TRIPOLI, Libya (Reuters) -", "BENGHAZI, Libya, May 3 (AP) --", "KABUL —"
_DATELINE = re.compile(
    r"^([A-Z][A-Z.'\u2019 -]{1,40}[A-Z.])"
    r"((?:,\s*[A-Z][A-Za-z.'\u2019 -]{1,30}){0,2})"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:-{1,3}|\u2013|\u2014|:)\s")
_BYLINE_IN = re.compile(r"\bin\s+((?:[A-Z][\w'\u2019.-]*)(?:[ -][A-Z][\w'\u2019.-]*)*)"
                        r"(?:,\s*((?:[A-Z][\w'\u2019.-]*)(?:[ -][A-Z][\w'\u2019.-]*)*))?")
# Place as origin or affiliation, not as the scene: "a British citizen of Libyan descent",
# "an officer from Misrata", "the mayor of X".
_MENTION_BEFORE = re.compile(r"\b(?:native of|citizen of|born in|descent from|hails from)\s*$",
                             re.I)


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the dateline at the head of the first body paragraph, if any."""
    pos = 0
    parts = text.split("\n\n")
    # The headline comes first; the dateline opens one of the next two paragraphs.
    for i, para in enumerate(parts[:3]):
        m = _DATELINE.match(para)
        if m and i > 0 or (m and len(parts) == 1):
            end = m.end(2) if m.group(2) else m.end(1)
            return pos, pos + len(para[:end].rstrip())
        pos += len(para) + 2
    return None


def byline_places(byline: str) -> list[str]:
    """Place names of a byline: 'By A in Tunis, Tunisia, and B in London' -> Tunis, London."""
    out: list[str] = []
    for m in _BYLINE_IN.finditer(byline or ""):
        name = m.group(1).strip(" .,")
        if name and name not in out:
            out.append(name)
    return out


def role_for(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 25):start]
    if _MENTION_BEFORE.search(before):
        return "mention"
    return "event"


# "Russian forces", "Turkish army warplanes", "Saudi-led coalition": the nationality of an armed
# actor, which often fights abroad, says little about where the event was.
_FORCES_AFTER = re.compile(r"^(?:[\s-]+(?:led|backed|army|military|air|naval|armed|government|state|special|regime))*\s+"
                           r"(?:forces?|troops|army|military|soldiers|servicemen|warplanes|jets|aircraft|"
                           r"air ?strikes|drones?|navy|artillery|missiles?|units?|positions|coalition|"
                           r"helicopters|paratroopers|marines|aviation)\b", re.I)


def forces_demonym(text: str, end: int) -> bool:
    """Is the demonym ending at ``end`` the nationality of armed forces ("Russian forces")?"""
    return _FORCES_AFTER.match(text[end:end + 40]) is not None
