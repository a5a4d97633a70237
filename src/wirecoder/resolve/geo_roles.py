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


# A country named as what a protest or a statement is about ("to denounce the Russian
# invasion of Ukraine", "in solidarity with Palestinians"), a foreign mission ("outside
# the Russian embassy") or a group's base ("the Somalia-based al-Shabaab") says little about
# where the event happened.
_TOPIC_BEFORE = re.compile(r"\b(?:against|oppos(?:e|ed|es|ing)|condemn\w*|denounc\w*|solidarity|in support of|"
                           r"call(?:ing|ed)? for|justice for)\b[^.;]{0,80}$", re.I)
_ABOUT_COUNTRY = re.compile(r"\b(?:invasion of|invad\w+|war (?:of|in|on|against|with)|aggression (?:against|on)|"
                            r"sanctions (?:on|against)|support (?:of|for))\s+(?:the\s+)?$", re.I)
_MISSION_AFTER = re.compile(r"^(?:\s+(?:embassy|embassies|consulate|high commission|mission|diaspora|"
                            r"community|invasion|flags?)\b|-based\b)", re.I)


# "the regime in Minsk", "talks in Geneva": a seat of power or of talks, named for who acts there
_SEAT_BEFORE = re.compile(r"\b(?:regime|government|leadership|junta|rulers|talks|summit|negotiations)"
                          r"\s+in\s+$", re.I)


def seat_of_power(text: str, start: int) -> bool:
    """Is the place at ``start`` named as where a government sits or talks are held?"""
    return _SEAT_BEFORE.search(text[max(0, start - 30):start]) is not None


# "to denounce the shooting in Oslo", "in retaliation against ... towards Israel": what an
# event is about or answers, not where it happened
_TOPIC_PLACE = re.compile(r"\b(?:denounc\w*|condemn\w*|in (?:solidarity|support|memory) (?:of|with)|justice for|"
                          r"commemorat\w*|in retaliation (?:for|against)|in response to|mourn\w*)\b[^.;]{0,80}$", re.I)


def topic_place(text: str, start: int) -> bool:
    """Is the place at ``start`` named as what the event is about?"""
    return _TOPIC_PLACE.search(text[max(0, start - 100):start]) is not None


def about_country(text: str, start: int, end: int) -> bool:
    """Is the country name or demonym at text[start:end] a topic, not a location?"""
    return bool(_TOPIC_BEFORE.search(text[max(0, start - 80):start])
                or _ABOUT_COUNTRY.search(text[max(0, start - 30):start])
                or _MISSION_AFTER.match(text[end:end + 20]))
