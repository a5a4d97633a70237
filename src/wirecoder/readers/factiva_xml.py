"""Factiva legacy XML (``PPSResponse`` / ``ppsarticle``, namespace
``http://global.factiva.com/pps/2.0``), as read by the R package tm.plugin.factiva.

Search hits are wrapped in ``<hlt>`` inside headline and text; paragraphs are
``<paragraph>`` elements, or (older files) raw text whose paragraphs start on an indented line.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date, parse_time
from .factiva_codes import regions_metadata
from .text import clean, clean_keep_spaces

# No entities, no network, no DTD: the file is untrusted (XXE, billion laughs).
_PARSER = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
               recover=True, remove_comments=True)


def sniff(head: bytes, path: Path) -> float:
    low = head[:8192].lower()
    if b"<ppsarticle" in low or b"global.factiva.com/pps" in low or b"<ppsresponse" in low:
        return 0.95
    return 0.0


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el, name: str):
    for c in el:
        if _local(c) == name:
            return c
    return None


def _children(el, name: str) -> list:
    return [c for c in el if _local(c) == name]


def _text(el) -> str:
    return "".join(el.itertext()) if el is not None else ""


def _paragraphs(el) -> list[str]:
    if el is None:
        return []
    ps = [p for p in el.iter() if _local(p) == "paragraph"]
    if ps:
        return [t for t in (clean(_text(p)) for p in ps) if t]
    raw = _text(el).replace("\r\n", "\n")
    # Raw text: a new paragraph starts on an indented line or after a blank line.
    chunks = re.split(r"\n[ \t]*\n|\n(?=[ \t]{2,}\S)", raw)
    return [t for t in (clean(" ".join(c.split("\n"))) for c in chunks) if t]


def _coded(el, name: str) -> list[tuple[str, str]]:
    out = []
    for c in el:
        if _local(c) == name and c.get("code"):
            out.append((c.get("code"), clean(_text(_child(c, "name")))))
    return out


def parse_article(el) -> Article:
    art = Article()
    art.document_id = clean(_text(_child(el, "accessionNo"))) or None
    hd = _child(el, "headline")
    art.headline = clean_keep_spaces(" ".join(_paragraphs(hd))) if hd is not None else ""
    art.body = _paragraphs(_child(el, "leadParagraph")) + _paragraphs(_child(el, "tailParagraphs"))
    art.language = clean(_text(_child(el, "baseLanguage"))) or None
    art.copyright = clean(_text(_child(el, "copyright"))) or None
    art.page = clean(_text(_child(el, "pages"))) or None
    art.source_name = clean(_text(_child(el, "sourceName"))) or None
    art.source_code = clean(_text(_child(el, "sourceCode"))) or None
    for name in ("byline", "author"):
        if _child(el, name) is not None:
            art.byline = clean(_text(_child(el, name))) or None
            break
    sec = _child(el, "sectionName")
    art.section = clean(_text(sec)) or None if sec is not None else None
    wc = clean(_text(_child(el, "wordCount")))
    art.word_count = int(wc) if wc.isdigit() else None
    pd = _child(el, "publicationDate")
    if pd is not None:
        stamp = clean(_text(_child(pd, "dateTime")) or _text(_child(pd, "date")) or _text(pd))
        art.publication_date = parse_date(stamp)
        if "T" in stamp:
            art.publication_time = parse_time(stamp.split("T", 1)[1])
    md: dict = {}
    regions = _coded(el, "region")
    if regions:
        md.update(regions_metadata(regions))
    for tag, key in (("newsSubject", "subjects"), ("company", "companies"), ("industry", "industries")):
        items = _coded(el, tag)
        if items:
            md[key] = [c for c, _ in items]
            md[key + "_names"] = {c: n for c, n in items if n}
    pub = clean(_text(_child(el, "publisherName")))
    if pub:
        md["publisher"] = pub
    desc = [clean(_text(d)) for d in _children(el, "descField")]
    if desc:
        md["descriptors"] = desc
    art.metadata = md
    return art


@register("factiva-xml", sniff)
def read(path: Path) -> Iterator[Record]:
    parser = etree.XMLParser(**_PARSER)
    root = etree.fromstring(path.read_bytes(), parser=parser)
    if root is None:
        raise ValueError("not well-formed XML")
    n = 0
    for el in root.iter():
        if _local(el) != "ppsarticle":
            continue
        o = f"{path}#{n}"
        n += 1
        try:
            art_el = _child(el, "article")
            art = parse_article(art_el if art_el is not None else el)
            if not (art.headline or art.body):
                yield ReadError(o, "Factiva XML record without headline or text")
                continue
            art.origin, art.format = o, "factiva-xml"
            yield art
        except Exception as exc:
            yield ReadError(o, f"unreadable Factiva XML record: {type(exc).__name__}: {exc}")
