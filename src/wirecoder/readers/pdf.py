"""PDF exports (Factiva's Article-layout PDF, or any article PDF): the text layer is taken
with pdfminer.six and parsed as the matching text layout; a PDF in no export layout is one
plain-text article. Scanned PDFs without a text layer get a clear error.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .base import ReadError, Record, register
from .extracted import parse_extracted
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
    yield from parse_extracted(text, path, "pdf", "PDF without article text")
