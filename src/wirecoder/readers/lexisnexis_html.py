"""LexisNexis Academic HTML export: the TXT layout rendered as ``<P>`` elements.

Each ``<P>`` becomes a block of lines (``<BR>`` splits lines); paragraphs whose class is
centred in the file's stylesheet count as centred header lines, as indentation does in the
TXT export. The hidden ``<DOC NUMBER=..><DOCFULL>`` comments are ignored.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .base import Record, register
from .html_util import parse_html, text_of
from .lexisnexis_text import DOC_SEP, Block, parse_blocks

_CENTRED_CSS = re.compile(r"\.([A-Za-z0-9_-]+)\s*\{[^}]*text-align\s*:\s*center", re.I)


def sniff(head: bytes, path: Path) -> float:
    low = head.lower()
    if b"<html" not in low[:4096] and b"<body" not in low:
        return 0.0
    if re.search(rb">\s*\d+\s+(of|von|de)\s+\d+\s+(documents|dokumente|documentos)\s*<", low):
        return 0.93
    if b"lxncomment" in low or b"<docfull>" in low:
        return 0.8
    return 0.0


def html_blocks(root) -> list[Block]:
    css = " ".join(text_of(s) for s in root.iter("style"))
    centred = set(_CENTRED_CSS.findall(css))
    out: list[Block] = []
    for p in root.iter("p"):
        lines = [l for l in text_of(p, keep_breaks=True).split("\n") if l.strip()]
        if not lines:
            continue
        classes = set((p.get("class") or "").split())
        parent = p.getparent()
        if parent is not None:
            classes |= set((parent.get("class") or "").split())
        out.append(Block(lines, bool(classes & centred)))
    return out


@register("lexisnexis-html", sniff)
def read(path: Path) -> Iterator[Record]:
    root = parse_html(path.read_bytes())
    yield from parse_blocks(html_blocks(root), str(path), "lexisnexis-html")


__all__ = ["DOC_SEP", "html_blocks", "read", "sniff"]
