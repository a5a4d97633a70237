"""RTF exports (Factiva tagged and Article layouts, LexisNexis Academic): RTF -> text with
striprtf, then the text layout's parser. Factiva's tagged RTF puts each field in a two-cell
table row, which striprtf renders as ``HD| value|``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from striprtf.striprtf import rtf_to_text

from .base import ReadError, Record, register
from .extracted import parse_extracted
from .factiva_tagged import parse_tagged_text, sniff_text as tagged_sniff
from .text import normalize_newlines

_CELL_CODE = re.compile(r"(?m)^([ \t]{0,8})([A-Z]{2,3})\|")
_CELL_END = re.compile(r"(?m)\|[ \t]*$")


def sniff(head: bytes, path: Path) -> float:
    return 0.95 if head.lstrip()[:5] == b"{\\rtf" else 0.0


def rtf_text(raw: bytes) -> str:
    # RTF is 7-bit with \'xx escapes; latin-1 never fails and keeps any stray 8-bit bytes.
    src = raw.decode("latin-1")
    m = re.search(r"\\ansicpg(\d{3,5})", src[:2000])
    enc = f"cp{m[1]}" if m else "cp1252"
    try:
        "".encode(enc)
    except LookupError:
        enc = "cp1252"
    src = _BAD_UNICODE.sub(_fix_unicode, src)
    return normalize_newlines(rtf_to_text(src, encoding=enc, errors="replace"))


_BAD_UNICODE = re.compile(r"\\u(-?\d{5,})")


def _fix_unicode(m: re.Match) -> str:
    # striprtf calls chr() on \uN and fails the whole file on an out-of-range N (corrupt
    # RTF); such an escape becomes U+FFFD instead.
    n = int(m[1])
    return m[0] if -32768 <= n <= 0x10FFFF else "\\u65533"


def tagged_cells_to_text(text: str) -> str:
    """'   HD| value|' rows -> the tagged TXT layout (code line, then value lines)."""
    return _CELL_END.sub("", _CELL_CODE.sub(r"\1\2\n", text))


@register("rtf", sniff)
def read(path: Path) -> Iterator[Record]:
    text = rtf_text(path.read_bytes())
    if not text.strip():
        yield ReadError(str(path), "RTF file without text")
        return
    tagged = tagged_cells_to_text(text)
    if tagged_sniff(tagged) >= 0.5:
        yield from parse_tagged_text(tagged, str(path), "factiva-tagged-rtf")
    else:
        yield from parse_extracted(text, path, "rtf",
                                   "RTF file in no known export layout and without text")
