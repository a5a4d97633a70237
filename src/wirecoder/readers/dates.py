"""Publication-date parsing shared by readers (localized month names included)."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # Spanish / Italian / Portuguese
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "settembre": 9, "ottobre": 10, "dicembre": 12, "janeiro": 1,
    "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "novembro": 11, "dezembro": 12,
}

_DMY = re.compile(r"^\s*(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_MDY = re.compile(r"^\s*([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


_WEEKDAY = re.compile(
    r"^\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)\b,?\s*", re.I)
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?(?=\W|$)", re.I)


def parse_date(line: str) -> str | None:
    """'19 September 2017', 'September 19, 2017 Tuesday', '29 décembre 2011', ISO -> YYYY-MM-DD.

    A leading weekday ('Monday, March 4, 2002') and a German ordinal dot ('5. Juli 2019')
    are accepted; trailing text (weekday, time, edition) is ignored.
    """
    if not line:
        return None
    line = _WEEKDAY.sub("", line[:200], count=1)
    m = _ISO.match(line)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _DMY.match(line)
        if m and m[2].lower() in MONTHS:
            d, mo, y = int(m[1]), MONTHS[m[2].lower()], int(m[3])
        else:
            m = _MDY.match(line)
            if not (m and m[1].lower() in MONTHS):
                return None
            mo, d, y = MONTHS[m[1].lower()], int(m[2]), int(m[3])
    if not 1000 <= y <= 2999:
        return None
    try:
        return date(y, mo, d).isoformat()
    except ValueError:  # 31 February and friends
        return None


def parse_time(line: str) -> str | None:
    """'9:20 AM GMT' / '06:04 GMT' / '15:32' -> 'HH:MM' (24 h), else None."""
    if not line:
        return None
    m = _TIME.search(line[:200])
    if not m:
        return None
    h, mi = int(m[1]), int(m[2])
    ampm = (m[3] or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"
