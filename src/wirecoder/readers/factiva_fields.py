"""Factiva field codes (HD, WC, PD, ... AN) -> ``Article``.

The tagged "Full Article/Report plus Indexing" layout (TXT, RTF) and the HTML table layout
carry the same two-letter field codes; each reader turns its file into ``(code, value)``
pairs and this module builds the record.
"""
from __future__ import annotations

import re

from ..models import Article
from .dates import parse_date, parse_time
from .factiva_codes import parse_code_list, regions_metadata
from .text import clean, clean_keep_spaces, looks_like_copyright, word_count

# Codes a tagged record may carry (Factiva's documented set plus those seen in exports).
KNOWN_CODES = {
    "SE", "HD", "CR", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "CY",
    "LP", "TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "CLM",
    "NGC", "GC", "ART", "DE", "RST", "FDS", "FDM", "GE", "NGE",
}
BODY_CODES = ("LP", "TD")
_METADATA_CODES = {
    "SE": "section", "CR": "credit", "ED": "edition", "VOL": "volume", "CT": "contact",
    "RF": "reference", "IPD": "descriptors", "PUB": "publisher", "CLM": "column",
    "NGC": "group_codes", "GC": "group_code", "ART": "art",
}
_CODE_LISTS = {"CO": "companies", "IN": "industries", "NS": "subjects", "IPC": "ipc"}
_DOC_PREFIX = re.compile(r"^\s*(?:Document|Dokument|Documento|Documenti)\s+", re.I)


def paragraphs(value: str | list[str]) -> list[str]:
    """A body field value (blank-line separated text, or a list of paragraphs) -> paragraphs."""
    if isinstance(value, list):
        return [p for p in (clean(v) for v in value) if p]
    out = []
    for block in re.split(r"\n\s*\n", value):
        p = clean(" ".join(block.split("\n")))
        if p:
            out.append(p)
    return out


def article_from_fields(pairs: list[tuple[str, str | list[str]]]) -> Article:
    """Build a record from (code, value) pairs in file order."""
    art = Article()
    md: dict = {}
    body: list[str] = []
    for code, value in pairs:
        code = code.upper()
        if code in BODY_CODES:
            body.extend(paragraphs(value))
            continue
        text = clean(" ".join(value) if isinstance(value, list) else value)
        if not text:
            continue
        if code == "HD":
            raw = " ".join(value) if isinstance(value, list) else value
            art.headline = clean_keep_spaces(" ".join(raw.split("\n")))
        elif code == "BY":
            art.byline = text
        elif code == "WC":
            art.word_count = word_count(text)
        elif code == "PD":
            art.publication_date = parse_date(text)
            if art.publication_date is None:
                md["date_text"] = text
        elif code == "ET":
            art.publication_time = parse_time(text)
        elif code == "SN":
            art.source_name = text
        elif code == "SC":
            art.source_code = text
        elif code == "PG":
            art.page = text
        elif code == "LA":
            art.language = text
        elif code == "CY":
            art.copyright = text
        elif code == "AN":
            art.document_id = _DOC_PREFIX.sub("", text).strip() or None
        elif code == "RE":
            md.update(regions_metadata(parse_code_list(text)))
        elif code in _CODE_LISTS:
            md[_CODE_LISTS[code]] = [c for c, _ in parse_code_list(text)]
            names = {c: n for c, n in parse_code_list(text) if n}
            if names:
                md[_CODE_LISTS[code] + "_names"] = names
        elif code in _METADATA_CODES:
            md[_METADATA_CODES[code]] = text
            if code == "SE":
                art.section = text
        else:
            md.setdefault("fields", {})[code] = text
    art.body = strip_copyright_trailer(body, art.copyright)
    art.metadata = md
    return art


def strip_copyright_trailer(body: list[str], copyright: str | None) -> list[str]:
    """Drop a trailing short copyright paragraph ('(c) 2000 Gazeta Mercantil S/A.')."""
    while body and len(body[-1]) < 200 and looks_like_copyright(body[-1]):
        body = body[:-1]
    return body
