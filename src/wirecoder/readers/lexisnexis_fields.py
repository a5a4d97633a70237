"""LexisNexis / Nexis Uni ``LABEL: value`` fields -> ``Article`` attributes.

Shared by the LexisNexis Academic TXT/HTML/RTF readers (upper-case labels: ``BYLINE:``)
and the Nexis Uni DOCX reader (title-case labels with a non-breaking space: ``Byline:``).
"""
from __future__ import annotations

import re

from ..models import Article
from .dates import parse_date
from .factiva_codes import _country_names
from .text import clean, word_count

# Labels that may follow the body: seeing one of them ends the body.
TRAILING = {
    "LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "SUBJECT", "GEOGRAPHIC", "PERSON",
    "ORGANIZATION", "COMPANY", "INDUSTRY", "TICKER", "GRAPHIC", "CORRECTION-DATE",
    "CORRECTION", "NOTES", "DOCUMENT-TYPE", "JOURNAL-CODE", "PUB-SUBJECT", "CITY", "STATE",
    "COUNTRY", "URL", "DISTRIBUTION", "TYPE", "SERIES", "ACC-NO", "NAICS", "SIC", "CHART",
    "ISSN", "CLASSIFICATION", "TERMS", "DOCUMENT-URL", "PHOTO", "ILLUSTRATION", "SOURCE",
    "GRAPHIC-TYPE",
}
# Labels of the header, before the body.
LEADING = {
    "BODY", "HEADLINE", "BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "EDITION",
    "COLUMN", "AUTHOR", "TITLE", "SUBHEADLINE", "ABSTRACT", "LEAD", "HIGHLIGHTS", "VERSION",
}
KNOWN = TRAILING | LEADING

_LIST_LABELS = {"SUBJECT": "subjects", "GEOGRAPHIC": "geographic", "PERSON": "persons",
                "ORGANIZATION": "organizations", "COMPANY": "companies",
                "INDUSTRY": "industries", "TICKER": "tickers", "CITY": "cities",
                "STATE": "states", "COUNTRY": "countries_named"}
_PCT = re.compile(r"\s*\(\d{1,3}%\)\s*")
_PAGE = re.compile(r"(?:^|[;,]\s*)(?:Pg\.|Page|Pág\.|S\.)\s*([A-Za-z]?\d+[A-Za-z]?)", re.I)


def canonical_label(label: str) -> str:
    return clean(label).upper().replace(" ", "-")


def split_terms(value: str) -> list[str]:
    """'SHOOTINGS (90%); VERDICTS (90%)' / 'BALTIMORE, MD, USA (90%) MARYLAND, USA (91%)'."""
    parts = re.split(r";|(?<=%\))\s+", value)
    return [t for t in (clean(_PCT.sub(" ", p)) for p in parts) if t]


def apply_field(art: Article, label: str, value: str) -> None:
    """Store one labelled field on the record (unknown labels go to metadata['fields'])."""
    key = canonical_label(label)
    value = clean(" ".join(value.split("\n")))
    if not value:
        return
    md = art.metadata
    if key in ("HEADLINE", "TITLE"):
        art.headline = art.headline or value
    elif key in ("BYLINE", "AUTHOR"):
        art.byline = value
    elif key == "SECTION":
        art.section = value
        m = _PAGE.search(value)
        if m:
            art.page = m[1]
    elif key == "LENGTH":
        art.word_count = word_count(value)
    elif key == "LANGUAGE":
        art.language = value.split(";")[0].strip().title()
    elif key == "DATELINE":
        art.dateline = value
    elif key == "URL" or key == "DOCUMENT-URL":
        art.url = value
    elif key == "LOAD-DATE":
        md["load_date"] = parse_date(value) or value
    elif key == "PUBLICATION-TYPE":
        md["publication_type"] = value
    elif key in _LIST_LABELS:
        terms = split_terms(value)
        md[_LIST_LABELS[key]] = terms
        if key in ("GEOGRAPHIC", "COUNTRY"):
            isos = _countries(terms)
            if isos:
                md["countries"] = sorted(set(md.get("countries", [])) | set(isos))
    elif key in ("HIGHLIGHT", "HIGHLIGHTS", "SUBHEADLINE", "ABSTRACT"):
        md["highlight"] = value
    elif key in ("EDITION", "VERSION"):
        md[key.lower()] = value
    else:
        md.setdefault("fields", {})[key] = value


def _countries(terms: list[str]) -> list[str]:
    """ISO2 codes of country names among geographic terms ('MARYLAND, USA' -> US)."""
    names = _country_names()
    out = []
    for t in terms:
        last = t.split(",")[-1].strip().lower()
        iso = names.get(last) or names.get(t.strip().lower()) or {"usa": "US", "uk": "GB"}.get(last)
        if iso and iso not in out:
            out.append(iso)
    return out
