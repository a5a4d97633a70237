"""Nexis Uni DOCX export.

Layout: a cover page (Date and Time, Job Number, "Documents (N)", a table-of-contents entry
per document with Client/Matter, Search Terms, ... and a small table), then per document:
headline, source, date line ("July 1, 2019 Monday 9:20 AM GMT"), [edition], [copyright],
``Label:\u00a0value`` fields (Section, Length, Byline, Dateline, Highlight), ``Body``, the
paragraphs, trailing fields (Load-Date, Classification, Language, Subject, ...) and
``End of Document``.

The DOCX is read with zipfile + lxml (only ``w:t`` text runs; deleted text and field codes
are skipped), after checking its uncompressed size (zip bombs).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date, parse_time
from .lexisnexis_fields import KNOWN, TRAILING, apply_field, canonical_label
from .text import clean, looks_like_copyright

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 256 * 2**20  # uncompressed document.xml
MAX_RATIO = 150  # uncompressed / compressed; Word files are ~5-20
TABLE = "\x00TABLE"
END_RE = re.compile(r"^\s*(End of Document|Fin du document|Ende des Dokuments|Fin del documento)\s*$", re.I)
BODY_RE = re.compile(r"^\s*(Body|Texte|Text|Cuerpo|Corpo|Testo)\s*$")
LABEL_RE = re.compile(r"^\s*([A-Z][A-Za-z]*(?:-[A-Za-z]+)*(?: [A-Za-z]+)?)\s*:[\s\u00a0]")
COVER_RE = re.compile(r"^\s*(Date and Time|Job Number|Documents \(\d+\)|Client/Matter|Search Terms|"
                      r"Search Type|Narrowed by|Datum und Uhrzeit|Auftragsnummer|Dokumente \(\d+\)|"
                      r"Suchbegriffe|Suchtyp|Eingegrenzt nach|Content Type|Sources|Quellen)\b", re.I)
_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class DocxError(ValueError):
    pass


def sniff(head: bytes, path: Path) -> float:
    if not head.startswith(b"PK\x03\x04"):
        return 0.0
    if b"word/" in head[:65536] or path.suffix.lower() == ".docx":
        return 0.9
    return 0.2


def read_document_xml(path: Path) -> bytes:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise DocxError(f"not a valid DOCX (zip) file: {exc}") from None
    with zf:
        try:
            info = zf.getinfo("word/document.xml")
        except KeyError:
            raise DocxError("DOCX without word/document.xml") from None
        if info.file_size > MAX_XML_BYTES:
            raise DocxError(f"DOCX text part too large ({info.file_size // 2**20} MiB uncompressed)")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 10 * 2**20:
            raise DocxError("DOCX compression ratio suspicious (zip bomb?)")
        # The header's size can lie: count what is actually inflated.
        out = bytearray()
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 20):
                out += chunk
                if len(out) > MAX_XML_BYTES:
                    raise DocxError("DOCX text part inflates beyond the size limit (zip bomb?)")
        return bytes(out)


def paragraph_lines(xml: bytes) -> list[str]:
    """Body paragraphs as text lines; each table becomes one TABLE marker line."""
    root = etree.fromstring(xml, parser=etree.XMLParser(**_SAFE))
    body = root.find(W + "body")
    if body is None:
        raise DocxError("DOCX without a document body")
    lines: list[str] = []
    for el in body:
        if el.tag == W + "p":
            lines.append(_ptext(el))
        elif el.tag == W + "tbl":
            lines.append(TABLE)
        elif el.tag == W + "sdt":  # content controls wrap ordinary paragraphs
            lines.extend(_ptext(p) for p in el.iter(W + "p"))
    return lines


def _ptext(p) -> str:
    parts = []
    for node in p.iter(W + "t", W + "tab", W + "br"):
        if node.tag == W + "t":
            parts.append(node.text or "")
        else:
            parts.append(" ")
    return "".join(parts)


def split_documents(lines: list[str]) -> list[list[str]]:
    docs, cur = [], []
    for ln in lines:
        if END_RE.match(ln):
            docs.append(cur)
            cur = []
        else:
            cur.append(ln)
    return docs  # text after the last "End of Document" is not a document


def _label(line: str) -> tuple[str, str] | None:
    m = LABEL_RE.match(line)
    if not m:
        return None
    key = canonical_label(m[1])
    if key not in KNOWN:
        return None
    return key, line[m.end():]


def parse_document(lines: list[str]) -> Article:
    art = Article()
    first_label = next((i for i, l in enumerate(lines) if _label(l) or BODY_RE.match(l)), len(lines))
    _header(art, lines[:first_label])
    state = "fields"
    body: list[str] = []
    for ln in lines[first_label:]:
        if ln == TABLE:
            continue
        s = ln.strip()
        lab = _label(ln)
        if state == "body":
            if (lab and lab[0] in TRAILING) or s in ("Classification", "Graphic", "Notes"):
                state = "tail"
            elif s:
                body.append(clean(s))
                continue
            else:
                continue
        if BODY_RE.match(ln) and state == "fields":
            state = "body"
        elif lab:
            apply_field(art, *lab)
        elif s and state == "fields" and not any(BODY_RE.match(l) for l in lines):
            state = "body"  # no "Body" heading: text follows the fields
            body.append(clean(s))
    art.body = [p for p in body if p]
    return art


def _header(art: Article, lines: list[str]) -> None:
    # Keep what follows the last cover-page item or table.
    start = 0
    for i, ln in enumerate(lines):
        if ln == TABLE or COVER_RE.match(ln):
            start = i + 1
    head = [clean(l) for l in lines[start:] if clean(l) and l != TABLE]
    d = next((i for i, l in enumerate(head) if parse_date(l)), None)
    if d is None:
        art.headline = head[0] if head else ""
        art.source_name = head[1] if len(head) > 1 else None
        return
    art.publication_date = parse_date(head[d])
    art.publication_time = parse_time(head[d])
    before = head[:d]
    if before:
        art.source_name = before[-1] if len(before) > 1 else None
        art.headline = " ".join(before[:-1]) if len(before) > 1 else before[0]
    for extra in head[d + 1:]:
        if looks_like_copyright(extra):
            art.copyright = extra
        else:
            art.metadata.setdefault("edition", extra)


@register("nexis-docx", sniff)
def read(path: Path) -> Iterator[Record]:
    lines = paragraph_lines(read_document_xml(path))
    for n, doc in enumerate(split_documents(lines)):
        o = f"{path}#{n}"
        try:
            art = parse_document(doc)
            if not (art.headline or art.body):
                yield ReadError(o, "Nexis Uni document without headline or text")
                continue
            art.origin, art.format = o, "nexis-docx"
            yield art
        except Exception as exc:
            yield ReadError(o, f"unreadable Nexis Uni document: {type(exc).__name__}: {exc}")
