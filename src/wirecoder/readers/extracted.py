"""Text taken out of a container (PDF text layer, RTF) parsed as whichever text layout it
matches: Factiva article layout, LexisNexis, else one plain-text article."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .base import ReadError, Record
from .factiva_article import parse_article_text, sniff_text as article_sniff
from .lexisnexis_text import parse_blocks, sniff_text as ln_sniff, text_blocks
from .plain_text import article_from_text


def parse_extracted(text: str, path: Path, container: str, empty_reason: str) -> Iterator[Record]:
    """``container`` names the source ("pdf", "rtf") in each record's format."""
    if article_sniff(text) >= 0.6:
        yield from parse_article_text(text, str(path), f"factiva-article-{container}")
    elif ln_sniff(text) >= 0.5:
        yield from parse_blocks(text_blocks(text.split("\n")), str(path), f"lexisnexis-{container}")
    else:
        art = article_from_text(text, f"{path}#0", f"{container}-text")
        if art is None:
            yield ReadError(str(path), empty_reason)
        else:
            yield art
