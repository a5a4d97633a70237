"""Web pages saved as HTML: main text and metadata through trafilatura (title, date,
author, site name, URL). Used only when the HTML is not a Factiva/LexisNexis export (those
sniffers score higher). Runs offline: trafilatura gets the page, never a URL to fetch.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date
from .html_util import html_text
from .text import clean

MAX_TREE = 500_000  # tags; bigger pages are refused rather than parsed for minutes


def sniff(head: bytes, path: Path) -> float:
    low = head[:4096].lower().lstrip()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low or b"<body" in low:
        return 0.3
    if path.suffix.lower() in (".html", ".htm", ".xhtml") and b"<" in low[:100]:
        return 0.2
    return 0.0


def _paragraphs(text: str) -> list[str]:
    return [p for p in (clean(x) for x in text.split("\n")) if p]


@register("web-html", sniff)
def read(path: Path) -> Iterator[Record]:
    import trafilatura

    html = html_text(path.read_bytes())
    if html.count("<") > MAX_TREE:
        yield ReadError(str(path), f"web page too large (over {MAX_TREE} tags)")
        return
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        yield ReadError(str(path), "web page without extractable article text")
        return
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = _paragraphs(d.get("text") or "")
    title = clean(d.get("title") or "")
    if body and title and body[0].lower() == title.lower():
        body = body[1:]  # the page's <h1> repeats the title
    if not body:
        yield ReadError(str(path), "web page without extractable article text")
        return
    art = Article(headline=title, body=body, origin=f"{path}#0", format="web-html")
    art.byline = clean(d.get("author") or "") or None
    art.publication_date = parse_date(d.get("date") or "")
    art.source_name = clean(d.get("sitename") or "") or None
    art.url = d.get("url") or None
    art.language = d.get("language") or None
    for key in ("description", "categories", "tags", "hostname"):
        if d.get(key):
            art.metadata[key] = d[key]
    yield art
