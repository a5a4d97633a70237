"""Factiva "Full Article/Report plus Indexing" layout, plain text.

Each field code (HD, WC, PD, ... AN) stands alone on its line (often indented), its value on
the following lines. A record ends with the value of AN ("Document <id>"); form feeds
between records are page breaks of the export and are not trusted as separators.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .base import ReadError, Record, register
from .factiva_fields import BODY_CODES, KNOWN_CODES, article_from_fields
from .text import decode, is_binary, normalize_newlines

# After the body only these codes can start a field, so a body line reading "IN" or "CO"
# on its own is not mistaken for one unless it is also indented like a code.
_AFTER_BODY = {"TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "GE", "NGE",
               "DE", "RST", "FDS", "FDM", "ART"}
_CODE_LINE = re.compile(r"^\s{0,8}([A-Z]{2,3})\s*$")


def _code(line: str, in_body: bool) -> str | None:
    if len(line) > 12:
        return None
    m = _CODE_LINE.match(line)
    if not m or m[1] not in KNOWN_CODES:
        return None
    if in_body and m[1] not in _AFTER_BODY:
        return None
    return m[1]


def parse_tagged_text(text: str, origin: str, fmt: str) -> Iterator[Record]:
    n = 0
    for pairs in _records_by_an(text):
        o = f"{origin}#{n}"
        n += 1
        try:
            art = article_from_fields(pairs)
            if not (art.headline or art.body):
                yield ReadError(o, "tagged Factiva record without headline or text")
                continue
            art.origin, art.format = o, fmt
            yield art
        except Exception as exc:  # one bad record never stops the file
            yield ReadError(o, f"unreadable tagged Factiva record: {type(exc).__name__}: {exc}")


def _records_by_an(text: str) -> Iterator[list[tuple[str, str]]]:
    """All (code, value) pairs of the file, one list per record, split after AN lines."""
    pairs: list[tuple[str, str]] = []
    code: str | None = None
    value: list[str] = []
    for line in normalize_newlines(text).replace("\f", "\n").split("\n"):
        c = _code(line, code in BODY_CODES)
        if c is None:
            if code == "AN" and line.strip():
                pairs.append(("AN", line.strip()))
                yield pairs
                pairs, code, value = [], None, []
            elif code is not None:
                value.append(line)
            continue
        if code is not None and code != "AN":
            pairs.append((code, "\n".join(value)))
        if c == "HD" and any(k == "HD" for k, _ in pairs):
            yield pairs  # a record that lost its AN line
            pairs = []
        code, value = c, []
    if code is not None and code != "AN":
        pairs.append((code, "\n".join(value)))
    if pairs:
        yield pairs


def sniff_text(text: str) -> float:
    lines = text.split("\n", 400)[:400]
    hits = {m[1] for l in lines if len(l) <= 12 and (m := _CODE_LINE.match(l)) and m[1] in KNOWN_CODES}
    core = len(hits & {"HD", "WC", "PD", "SN", "SC", "LA", "LP", "AN"})
    return 0.95 if core >= 4 else (0.5 if core >= 3 else 0.0)


def sniff(head: bytes, path: Path) -> float:
    if head.lstrip()[:5] == b"{\\rtf" or is_binary(head):
        return 0.0
    return sniff_text(decode(head))


@register("factiva-tagged-txt", sniff)
def read(path: Path) -> Iterator[Record]:
    yield from parse_tagged_text(decode(path.read_bytes()), str(path), "factiva-tagged-txt")
