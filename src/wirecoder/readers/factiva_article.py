"""Factiva "Article" layout, plain text (the seed's layout), and the text layer of the
Factiva PDF export (``pdftotext`` output, or pdfminer's via ``factiva_pdf``).

One record: headline, [byline], ``N words``, date, [time], source name, source code,
[edition], [page], language, copyright, blank line, body paragraphs, [trailer],
``Document <AN>``. Records are separated by form feeds and end at the ``Document`` line;
text after the last one (the "Search Summary" block) is not an article. Labels are
localized (words/mots/Wörter, Document/Dokument) and so are month names.

The PDF text layer differs: no blank line between the copyright and the body, hard-wrapped
lines without blank lines between paragraphs, and page footers
("Page 1 of 2 © 2018 Factiva, Inc. All rights reserved.") in the middle of the text.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date, parse_time
from .text import (blocks, merge_broken, clean, clean_keep_spaces, decode, is_binary, language_code,
                   looks_like_copyright, normalize_newlines, reflow)

WORDS_RE = re.compile(
    r"^\s*(\d[\d.,\u00a0 ]{0,12}?)\s*(words|word|mots|wörter|woerter|worte|palabras|parole|"
    r"palavras|woorden|ord|sanaa|słów|слов|слова)\s*$", re.I)
DOC_RE = re.compile(r"^\s*(?:Document|Dokument|Documento|Documenti|Документ)\s+([A-Za-z0-9]{10,40})\s*$")
TIME_RE = re.compile(r"^\s*\d{1,2}[:.]\d{2}(\s*([AP]\.?M\.?|GMT|UTC|ET|EST|EDT|CET|CEST))*\s*$", re.I)
PAGE_FOOTER_RE = re.compile(r"^\s*(Page|Seite|Página|Pagina)\s*\d+\s*(of|de|von|sur|di)\s*\d+\s*©.*$", re.I)
LANGUAGES = {
    "english", "french", "français", "francais", "german", "deutsch", "spanish", "español",
    "espanol", "italian", "italiano", "portuguese", "português", "arabic", "russian", "chinese",
    "japanese", "dutch", "nederlands", "englisch", "anglais", "inglés", "französisch",
}
TRAILER_RE = re.compile(
    r"^(License this article from|Licence this article|Search Summary|Zusammenfassung der Suche|"
    r"Résumé de la recherche|Resumen de la búsqueda|Riepilogo della ricerca|Page \d+ of \d+ ©)",
    re.I)
CONTRIB_RE = re.compile(r"(contributed to this (article|report)|a contribué à cet article|"
                        r"haben zu diesem (Artikel|Bericht) beigetragen)\.?$", re.I)
BYLINE_START = re.compile(r"^(By|Par|Von|Por|Di|Door)\s+\S", re.I)
PAGE_RE = re.compile(r"^(?:[A-Z]{0,3}[-\s]?\d{1,4}[A-Z]?|[IVXL]{1,5})$")


def _is_language(line: str) -> bool:
    return line.lower() in LANGUAGES or language_code(line) is not None and len(line) > 2


def sniff(head: bytes, path: Path) -> float:
    if head.lstrip()[:5] == b"{\\rtf" or is_binary(head):
        return 0.0
    return sniff_text(decode(head))


def sniff_text(text: str) -> float:
    low = text[:2000].lower()
    if "<html" in low or "<!doctype" in low or "<?xml" in low:
        return 0.0
    lines = text.split("\n", 4000)[:4000]
    has_words = any(len(l) < 40 and WORDS_RE.match(l) for l in lines[:80])
    has_doc = any(len(l) < 60 and DOC_RE.match(l) for l in lines)
    return 0.9 if has_words and has_doc else (0.6 if has_words else 0.0)


def parse_record(chunk: str, doc_id: str | None) -> Article:
    lines = [l for l in normalize_newlines(chunk).split("\n") if not PAGE_FOOTER_RE.match(l)]
    wi = next((i for i, l in enumerate(lines) if len(l) < 40 and WORDS_RE.match(l)), None)
    if wi is None:
        raise ValueError("no 'N words' line")
    headline, byline = _head(lines[:wi])
    art = Article(headline=headline, byline=byline, document_id=doc_id,
                  word_count=int(re.sub(r"\D", "", WORDS_RE.match(lines[wi])[1]) or 0))

    # Header fields: consecutive non-empty lines after the word count.
    i = wi + 1
    header: list[str] = []
    while i < len(lines) and lines[i].strip():
        header.append(lines[i].strip())
        i += 1
    body_lines = lines[i:]
    li = next((k for k, h in enumerate(header[:12]) if _is_language(h)), None)
    if li is not None:
        art.language = header[li]
        rest = header[li + 1:]
        if len(rest) > 2 or (rest and not looks_like_copyright(rest[0]) and len(rest) > 1):
            # PDF text: the body follows the copyright line without a blank line.
            n_cy = 1 if rest and looks_like_copyright(rest[0]) else 0
            art.copyright = rest[0] if n_cy else None
            body_lines = rest[n_cy:] + [""] + body_lines
        else:
            art.copyright = " ".join(rest) or None
        fields = header[:li]
    else:
        fields = header[:8]
        body_lines = header[8:] + [""] + body_lines
    _fields(art, fields)
    art.body = _body(art, body_lines)
    return art


def _head(pre: list[str]) -> tuple[str, str | None]:
    """Headline and byline from the lines before the word count."""
    bl = blocks(pre)
    if not bl:
        return "", None
    first = bl[0]
    # PDF text has no blank line between headline and byline.
    k = next((j for j, l in enumerate(first) if j and BYLINE_START.match(l)), len(first))
    headline = clean_keep_spaces(" ".join(first[:k]))
    by = [" ".join(first[k:])] if k < len(first) else []
    by += [" ".join(b) for b in bl[1:]]
    byline = clean(" ".join(by)) or None
    return headline, byline


def _fields(art: Article, fields: list[str]) -> None:
    if fields and parse_date(fields[0]):
        art.publication_date = parse_date(fields[0])
        fields = fields[1:]
    if fields and TIME_RE.match(fields[0]):
        art.publication_time = parse_time(fields[0]) or fields[0].strip()
        fields = fields[1:]
    if fields:
        art.source_name = fields[0]
    if len(fields) > 1:
        art.source_code = fields[1]
    for extra in fields[2:]:
        if art.page is None and PAGE_RE.match(extra):
            art.page = extra
        elif re.match(r"^(Vol\.|Volume|No\.|Issue)", extra, re.I):
            art.metadata["volume"] = extra
        else:
            art.metadata.setdefault("edition", extra)


def _body(art: Article, body_lines: list[str]) -> list[str]:
    paras: list[str] = []
    for b in blocks(body_lines):
        paras.extend(reflow(b) if len(b) > 1 else [clean(b[0])])
    paras = [p for p in paras if p and not TRAILER_RE.match(p)]
    paras = merge_broken(paras)
    # Trailer: "---" then "X and Y contributed to this article."
    if paras and CONTRIB_RE.search(paras[-1]) and len(paras[-1]) < 400:
        names = CONTRIB_RE.sub("", paras[-1]).strip()
        art.metadata["contributors"] = [n.strip() for n in re.split(r",\s*|\s+and\s+|\s+et\s+|\s+und\s+", names)
                                        if n.strip()]
        paras.pop()
    while paras and paras[-1].strip() in ("---", "--", "***"):
        paras.pop()
    return paras


def parse_article_text(text: str, origin: str, fmt: str) -> Iterator[Record]:
    """Records of a whole Article-layout text (TXT, or text extracted from RTF/PDF)."""
    lines = normalize_newlines(text).replace("\f", "\n").split("\n")
    start = 0
    n = 0
    for i, ln in enumerate(lines):
        if len(ln) > 60:
            continue
        m = DOC_RE.match(ln)
        if not m:
            continue
        chunk = "\n".join(lines[start:i])
        start = i + 1
        o = f"{origin}#{n}"
        n += 1
        try:
            art = parse_record(chunk, m[1])
            art.origin, art.format = o, fmt
            yield art
        except Exception as exc:
            yield ReadError(o, f"unreadable Factiva record: {exc}")
    tail = lines[start:]
    if any(len(l) < 40 and WORDS_RE.match(l) for l in tail[:80]):
        # A record that lost its "Document" line (cut-and-paste, or the last record of a
        # truncated file): still an article, as the other layouts keep a cut last record.
        try:
            art = parse_record("\n".join(tail), None)
            art.origin, art.format = f"{origin}#{n}", fmt
            yield art
        except Exception as exc:
            yield ReadError(f"{origin}#{n}", f"unreadable Factiva record: {exc}")


@register("factiva-article-txt", sniff)
def read(path: Path) -> Iterator[Record]:
    yield from parse_article_text(decode(path.read_bytes()), str(path), "factiva-article-txt")
