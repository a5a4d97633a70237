"""Plain text that matches no export layout: one article per file.

The first line is the headline when it is short and followed by a blank line (or when
it is short and ends without a full stop); the rest are paragraphs (blank-line separated,
hard-wrapped lines joined).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date
from .text import blocks, clean, decode, is_binary, normalize_newlines, reflow

_TEXT_SUFFIXES = {".txt", ".text", ".md", ".asc", ""}


def sniff(head: bytes, path: Path) -> float:
    if not head.strip() or is_binary(head):
        return 0.0
    low = head[:2000].lstrip().lower()
    if low.startswith((b"<", b"{", b"[", b"%pdf", b"pk\x03\x04")):
        return 0.0
    # Lowest score of all text readers: the fallback when no export layout matches.
    return 0.1 if path.suffix.lower() in _TEXT_SUFFIXES else 0.05


def article_from_text(text: str, origin: str, fmt: str) -> Article | None:
    bl = blocks(normalize_newlines(text).replace("\f", "\n").split("\n"))
    if not bl:
        return None
    headline = ""
    first = bl[0]
    if len(first) == 1 and len(first[0]) <= 200 and (len(bl) > 1):
        headline = clean(first[0])
        bl = bl[1:]
    elif len(first[0]) <= 120 and not first[0].rstrip().endswith((".", ",", ";")) and len(first) > 1:
        headline = clean(first[0])
        bl = [first[1:]] + bl[1:]
    art = Article(headline=headline, origin=origin, format=fmt)
    # A date line right below the headline ("12 March 2021") is the publication date.
    if bl and len(bl[0]) == 1 and len(bl[0][0]) < 40 and parse_date(bl[0][0]):
        art.publication_date = parse_date(bl[0][0])
        bl = bl[1:]
    art.body = [p for b in bl for p in (reflow(b) if len(b) > 1 else [clean(b[0])]) if p]
    if not (art.headline or art.body):
        return None
    return art


@register("text", sniff)
def read(path: Path) -> Iterator[Record]:
    art = article_from_text(decode(path.read_bytes()), f"{path}#0", "text")
    if art is None:
        yield ReadError(str(path), "text file without any text")
    else:
        yield art
