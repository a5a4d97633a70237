"""Factiva HTML exports: the "Article" layout and the field-table layout.

Both wrap each record in ``<div class="article xxArticle">`` (xx = UI language).
- Article layout: unlabeled ``<div>``s (headline ``div#hd``, "664 Wörter", date, source,
  code, [page], language, copyright; invalidly nested inside a ``<p>``), then
  ``<p class="articleParagraph">`` paragraphs and ``<p>Dokument <AN></p>``. The header is
  rebuilt as Article-layout text and parsed by ``factiva_article``.
- Table layout: ``<tr><td class="index"><b>HD</b></td><td>value</td></tr>`` rows with the
  tagged layout's field codes, built by ``factiva_fields``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .base import ReadError, Record, register
from .factiva_article import DOC_RE, parse_record
from .factiva_fields import KNOWN_CODES, article_from_fields
from .html_util import has_class, parse_html, text_of

_CONTAINER_CLASS = re.compile(r"^[a-z]{2}Article$")


def _containers(root) -> list:
    """Innermost record containers (``div.article`` with a language class, else ``div.article``)."""
    divs = [d for d in root.iter("div") if has_class(d, "article")]
    inner = [d for d in divs if any(_CONTAINER_CLASS.match(c) for c in (d.get("class") or "").split())]
    if inner:
        return inner
    # Without the language class: those that contain no other article div.
    return [d for d in divs if not any(has_class(x, "article") for x in d.iterdescendants("div"))]


def _is_table_layout(div) -> bool:
    return any(has_class(td, "index") for td in div.iter("td"))


def _sniff_common(head: bytes) -> tuple[bool, bool]:
    low = head.lower()
    is_factiva = (b'class="article' in low or b"class='article" in low) and (
        b"articleparagraph" in low or b'class="index"' in low or b"factiva" in low)
    return is_factiva, b'class="index"' in low or b"class='index'" in low


def sniff_article(head: bytes, path: Path) -> float:
    fac, table = _sniff_common(head)
    return 0.9 if fac and not table else 0.0


def sniff_table(head: bytes, path: Path) -> float:
    fac, table = _sniff_common(head)
    return 0.92 if fac and table else 0.0


def _article_layout(div):
    """Rebuild the record as Article-layout text: header lines, blank, paragraphs."""
    head: list[str] = []
    headline = ""
    paras: list[str] = []
    doc_id = None
    for el in div.iter("div", "p"):
        if el is div:
            continue
        if el.tag == "div":
            if el.get("id") == "hd" or any(has_class(s, c) for s in el.iter("span")
                                           for c in (s.get("class") or "").split() if c.endswith("Headline")):
                headline = text_of(el)
            elif not any(True for _ in el.iterdescendants("div", "p")):
                t = text_of(el)
                if t:
                    (paras if paras else head).append(t)
            continue
        # <p>
        if any(True for _ in el.iterdescendants("div", "p")):
            continue
        t = text_of(el)
        if not t:
            continue
        m = DOC_RE.match(t) if len(t) < 60 else None
        if m:
            doc_id = m[1]
        elif any(c.lower().endswith("articleparagraph") for c in (el.get("class") or "").split()):
            paras.append(t)
        elif paras:
            paras.append(t)
        else:
            head.append(t)
    text = headline + "\n\n" + "\n".join(head) + "\n\n" + "\n\n".join(paras)
    return text, doc_id


def _table_layout(div) -> list[tuple[str, str | list[str]]]:
    pairs: list[tuple[str, str | list[str]]] = []
    for tr in div.iter("tr"):
        tds = [c for c in tr if c.tag == "td"]
        if len(tds) < 2:
            continue
        code = text_of(tds[0]).strip().upper()
        if code not in KNOWN_CODES:
            continue
        ps = [text_of(p) for p in tds[1].iter("p")]
        pairs.append((code, [p for p in ps if p] if ps else text_of(tds[1], keep_breaks=True)))
    return pairs


def _read(path: Path, table: bool) -> Iterator[Record]:
    root = parse_html(path.read_bytes())
    fmt = "factiva-html-table" if table else "factiva-html"
    for n, div in enumerate(_containers(root)):
        o = f"{path}#{n}"
        try:
            if table or _is_table_layout(div):
                art = article_from_fields(_table_layout(div))
            else:
                text, doc_id = _article_layout(div)
                art = parse_record(text, doc_id)
            if not (art.headline or art.body):
                yield ReadError(o, "Factiva HTML record without headline or text")
                continue
            art.origin, art.format = o, fmt
            yield art
        except Exception as exc:
            yield ReadError(o, f"unreadable Factiva HTML record: {type(exc).__name__}: {exc}")


@register("factiva-html", sniff_article)
def read_article(path: Path) -> Iterator[Record]:
    yield from _read(path, table=False)


@register("factiva-html-table", sniff_table)
def read_table(path: Path) -> Iterator[Record]:
    yield from _read(path, table=True)
