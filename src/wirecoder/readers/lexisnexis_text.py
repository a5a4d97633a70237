"""LexisNexis Academic text export (TXT; the HTML and RTF readers reuse the block parser).

Layout: a cover block (Download Request, Terms, Source), then per document a centred
``N of M DOCUMENTS`` line, centred header lines (copyright, source, date line, edition),
``LABEL: value`` fields (SECTION, LENGTH, HEADLINE, BYLINE, ...), the body (after ``BODY:``
or, in older exports, after the header fields), trailing fields (LOAD-DATE, LANGUAGE,
SUBJECT, ...), and sometimes a centred copyright at the end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date, parse_time
from .lexisnexis_fields import KNOWN, TRAILING, apply_field, canonical_label
from .text import clean, decode, is_binary, join_wrapped, looks_like_copyright, normalize_newlines

DOC_SEP = re.compile(r"^\s*(\d{1,6})\s+(?:of|von|de|di|sur)\s+(\d{1,6})\s+"
                     r"(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTOS?|DOCUMENTI)\s*$", re.I)
LABEL = re.compile(r"^\s*([A-Z][A-Za-z]*(?:[\- ][A-Z][A-Za-z]*){0,3})\s*:(?:\s|$)")
_EDITION = re.compile(r"\b(edition|edición|ausgabe|édition|final|late|early)\b", re.I)


@dataclass
class Block:
    lines: list[str]
    centred: bool = False

    @property
    def text(self) -> str:
        return join_wrapped(self.lines)


def text_blocks(lines: list[str]) -> list[Block]:
    """Blank-line separated blocks; a block whose lines are all indented is 'centred'."""
    out: list[Block] = []
    cur: list[str] = []
    for ln in lines + [""]:
        if ln.strip():
            cur.append(ln)
        elif cur:
            centred = all(len(l) - len(l.lstrip()) >= 5 for l in cur)
            out.append(Block([l.strip() for l in cur], centred))
            cur = []
    return out


def split_documents(blocks: list[Block]) -> Iterator[tuple[str, list[Block]]]:
    """(doc number, blocks) per document; the cover before the first separator is dropped."""
    num = None
    cur: list[Block] = []
    for b in blocks:
        m = DOC_SEP.match(b.lines[0]) if len(b.lines) == 1 and len(b.lines[0]) < 60 else None
        if m:
            if num is not None:
                yield num, cur
            num, cur = m[1], []
        elif num is not None:
            cur.append(b)
    if num is not None:
        yield num, cur


def _label(b: Block) -> tuple[str, str] | None:
    first = b.lines[0]
    if ":" not in first[:40]:
        return None
    m = LABEL.match(first)
    if not m:
        return None
    key = canonical_label(m[1])
    if key not in KNOWN:
        return None
    first = b.lines[0][m.end():]
    return key, "\n".join([first] + b.lines[1:])


def parse_document(blocks: list[Block]) -> Article:
    art = Article()
    labels = [_label(b) for b in blocks]
    has_body_label = any(lab and lab[0] == "BODY" for lab in labels)
    state = "head"  # head -> fields -> body -> tail
    head: list[Block] = []
    body: list[str] = []
    for b, lab in zip(blocks, labels):
        if state == "body":
            if lab and lab[0] in TRAILING:
                state = "tail"
            else:
                body.append(b.text)
                continue
        if lab:
            key, value = lab
            if key == "BODY":
                state = "body"
                if clean(value):
                    body.append(join_wrapped(value.split("\n")))
                continue
            apply_field(art, key, value)
            if state == "head":
                state = "fields"
            if state == "fields" and not has_body_label and key == "LENGTH":
                state = "body"  # old exports: the body follows the header fields
            continue
        if state == "head":
            head.append(b)
        elif state == "fields":
            if has_body_label:
                art.metadata.setdefault("header_text", []).append(b.text)
            else:
                state = "body"
                body.append(b.text)
        elif b.centred and looks_like_copyright(b.text):
            art.copyright = art.copyright or b.text
    _header(art, head)
    art.body = [p for p in body if p]
    if not art.headline and art.body and len(art.body[0]) < 150 and not art.body[0].endswith("."):
        art.headline = art.body.pop(0)  # documents without HEADLINE: the first short line
    return art


def _header(art: Article, head: list[Block]) -> None:
    """Centred header lines: copyright, source, date line, edition; an uncentred block
    after them is the headline (exports without a HEADLINE label)."""
    for b in head:
        if not b.centred and not art.headline and (art.publication_date or art.source_name) \
                and not (not art.publication_date and parse_date(b.lines[0])):
            art.headline = b.text
            continue
        lines = b.lines
        if looks_like_copyright(lines[0]):
            # The source name may share the copyright's block, after its last line.
            last = max(i for i, l in enumerate(lines) if looks_like_copyright(l))
            art.copyright = art.copyright or join_wrapped(lines[:last + 1])
            lines = lines[last + 1:]
        for ln in lines:
            d = parse_date(ln)
            if d and not art.publication_date:
                art.publication_date = d
                art.publication_time = parse_time(ln)
            elif art.publication_date and _EDITION.search(ln):
                art.metadata["edition"] = clean(ln)
            elif not art.source_name:
                art.source_name = clean(ln)
            elif not art.publication_date:
                art.source_name = clean(art.source_name + " " + ln)  # wrapped source name
            else:
                art.metadata.setdefault("header_text", []).append(clean(ln))


def parse_blocks(blocks: list[Block], origin: str, fmt: str) -> Iterator[Record]:
    n = 0
    for num, doc in split_documents(blocks):
        o = f"{origin}#{n}"
        n += 1
        try:
            art = parse_document(doc)
            art.metadata["doc_number"] = int(num)
            if not (art.headline or art.body):
                yield ReadError(o, f"LexisNexis document {num} without headline or text")
                continue
            art.origin, art.format = o, fmt
            yield art
        except Exception as exc:
            yield ReadError(o, f"unreadable LexisNexis document {num}: {type(exc).__name__}: {exc}")


def sniff_text(text: str) -> float:
    lines = text.split("\n", 3000)[:3000]
    seps = sum(1 for l in lines if len(l) < 80 and DOC_SEP.match(l))
    if not seps:
        return 0.0
    labels = sum(1 for l in lines if LABEL.match(l) and canonical_label(LABEL.match(l)[1]) in KNOWN)
    return 0.9 if labels else 0.5


def sniff(head: bytes, path: Path) -> float:
    if head.lstrip()[:5] == b"{\\rtf" or is_binary(head) or b"<html" in head[:2000].lower():
        return 0.0
    return sniff_text(normalize_newlines(decode(head)))


@register("lexisnexis-txt", sniff)
def read(path: Path) -> Iterator[Record]:
    lines = normalize_newlines(decode(path.read_bytes())).replace("\f", "\n").split("\n")
    yield from parse_blocks(text_blocks(lines), str(path), "lexisnexis-txt")
