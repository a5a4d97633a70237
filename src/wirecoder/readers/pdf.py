"""PDF exports (Factiva's Article-layout PDF, or any article PDF): the text layer is taken
with pdfminer.six and parsed as the matching text layout; a PDF in no export layout is one
plain-text article. Scanned PDFs without a text layer get a clear error.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .base import ReadError, Record, register
from .factiva_article import parse_article_text, sniff_text as article_sniff
from .lexisnexis_text import parse_blocks, sniff_text as ln_sniff, text_blocks
from .plain_text import article_from_text
from .text import normalize_newlines

MAX_PAGES = 2000


def sniff(head: bytes, path: Path) -> float:
    return 0.95 if head.lstrip()[:5] == b"%PDF-" else 0.0


def pdf_text(path: Path) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        return normalize_newlines(extract_text(str(path), maxpages=MAX_PAGES))
    except PDFSyntaxError as exc:
        raise ValueError(f"not a readable PDF: {exc}") from None


@register("pdf", sniff)
def read(path: Path) -> Iterator[Record]:
    text = pdf_text(path)
    if not text.strip():
        yield ReadError(str(path), "PDF without a text layer (scanned image?)")
        return
    if article_sniff(text) >= 0.6:
        yield from parse_article_text(text, str(path), "factiva-article-pdf")
    elif ln_sniff(text) >= 0.5:
        yield from parse_blocks(text_blocks(text.split("\n")), str(path), "lexisnexis-pdf")
    else:
        art = article_from_text(text, f"{path}#0", "pdf-text")
        if art is None:
            yield ReadError(str(path), "PDF without article text")
        else:
            yield art
