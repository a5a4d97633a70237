"""Factiva "Article" layout, plain text (the seed's layout).

One record: headline, [byline], ``N words``, date, [time], source name, source code,
[page], language, copyright, blank line, body paragraphs, [trailer], ``Document <AN>``.
Records are separated by form feeds and end at the ``Document`` line.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date

WORDS_RE = re.compile(r"^\s*([\d.,\s]+?)\s*(words|mots|wörter|woerter|palabras|parole|palavras|woorden)\s*$", re.I)
DOC_RE = re.compile(r"^\s*(?:Document|Dokument|Documento)\s+([A-Za-z0-9]{10,})\s*$")
TIME_RE = re.compile(r"^\s*\d{1,2}:\d{2}(\s*(GMT|UTC|[AP]M))?\s*$")
LANGUAGES = {
    "english", "french", "français", "francais", "german", "deutsch", "spanish", "español",
    "espanol", "italian", "italiano", "portuguese", "português", "arabic", "russian", "chinese",
    "japanese", "dutch", "nederlands", "englisch", "anglais", "inglés", "französisch",
}
TRAILER_RE = re.compile(
    r"^(License this article from|Licence this article|Search Summary|Zusammenfassung der Suche|"
    r"Résumé de la recherche|Page \d+ of \d+ ©)", re.I)
CONTRIB_RE = re.compile(r"contributed to this (article|report)\.?$", re.I)


def sniff(head: bytes, path: Path) -> float:
    text = head.decode("utf-8", "replace")
    if "{\\rtf" in text[:20] or "<" in text[:200] and "<html" in text.lower()[:2000]:
        return 0.0
    lines = text.splitlines()[:60]
    has_words = any(WORDS_RE.match(l) for l in lines)
    has_doc = any(DOC_RE.match(l) for l in text.splitlines())
    return 0.9 if has_words and has_doc else (0.6 if has_words else 0.0)


def _blocks(lines: list[str]) -> list[list[str]]:
    out, cur = [], []
    for ln in lines:
        if ln.strip():
            cur.append(ln.strip())
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def parse_record(chunk: str, doc_id: str | None) -> Article:
    lines = chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # The header ends at the copyright line after the language line; find "N words" first.
    wi = next((i for i, l in enumerate(lines) if WORDS_RE.match(l)), None)
    if wi is None:
        raise ValueError("no 'N words' line")
    pre = _blocks(lines[:wi])
    headline = " ".join(pre[0]) if pre else ""
    headline = re.sub(r"(?<=\S) {2,}(?=\S)", "  ", headline).strip()
    byline = " ".join(" ".join(b) for b in pre[1:]) or None
    wc = int(re.sub(r"[^\d]", "", WORDS_RE.match(lines[wi])[1]) or 0)

    # Header fields: consecutive non-empty lines after the word count.
    i = wi + 1
    header: list[str] = []
    while i < len(lines) and lines[i].strip():
        header.append(lines[i].strip())
        i += 1
    art = Article(headline=headline, byline=byline, word_count=wc, document_id=doc_id)
    li = next((k for k, h in enumerate(header) if h.lower() in LANGUAGES), None)
    if li is not None:
        art.language = header[li]
        art.copyright = " ".join(header[li + 1:]) or None
        fields = header[:li]
    else:
        fields = header
    if fields and parse_date(fields[0]):
        art.publication_date = parse_date(fields[0])
        fields = fields[1:]
    if fields and TIME_RE.match(fields[0]):
        art.publication_time = fields[0].strip()
        fields = fields[1:]
    if fields:
        art.source_name = fields[0]
    if len(fields) > 1:
        art.source_code = fields[1]
    if len(fields) > 2:
        art.page = fields[2]
    # Copyright may be separated from language by nothing, and body starts after a blank.
    body_lines = lines[i:]
    paras = [" ".join(b) for b in _blocks(body_lines)]
    paras = [p for p in paras if not TRAILER_RE.match(p)]
    # Trailer: "---" then "X and Y contributed to this article."
    if paras and CONTRIB_RE.search(paras[-1]):
        names = re.sub(CONTRIB_RE, "", paras[-1]).strip()
        art.metadata["contributors"] = [n.strip() for n in re.split(r",\s*|\s+and\s+", names) if n.strip()]
        paras.pop()
        if paras and paras[-1].strip() == "---":
            paras.pop()
    art.body = paras
    return art


@register("factiva-article-txt", sniff)
def read(path: Path) -> Iterator[Record]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    lines = text.replace("\f", "\n").replace("\r\n", "\n").split("\n")
    start = 0
    n = 0
    for i, ln in enumerate(lines):
        m = DOC_RE.match(ln)
        if not m:
            continue
        chunk = "\n".join(lines[start:i])
        start = i + 1
        origin = f"{path}#{n}"
        n += 1
        try:
            art = parse_record(chunk, m[1])
            art.origin = origin
            yield art
        except Exception as exc:
            yield ReadError(origin, f"unreadable Factiva record: {exc}")
